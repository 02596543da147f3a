/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-suggest.c: reading VLANs and names of networks, the auto-map suggestions,
 * and which network types a VM's NIC can attach to */

#include "config.h"

#include "ferry-network-map-state-private.h"

/* ---- Names ---- */

char *
ferry_network_name_key (const char *name)
{
  g_autofree char *folded = NULL;
  GString *key;

  if (name == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (name, -1);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* The separator-delimited words of @name, lower-cased (ASCII letters and digits only). */
static GPtrArray *
name_words (const char *name)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = name != NULL ? name : "";

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p))
        p++;
      if (p > start)
        g_ptr_array_add (words, g_ascii_strdown (start, p - start));
    }
  return words;
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static guint
parse_vlan (const char *digits)
{
  guint64 v;

  if (!all_digits (digits) || strlen (digits) > 4)
    return 0;
  v = g_ascii_strtoull (digits, NULL, 10);
  return v >= 1 && v <= 4094 ? (guint)v : 0;
}

/* "vlan100", "vlan" + "100", "vid100": the tagged number, else 0 (and *n_words_used: 1 or 2). */
static guint
tagged_vlan (GPtrArray *words, guint i, guint *n_words_used)
{
  const char *w = words->pdata[i];
  const char *rest = NULL;

  if (g_str_has_prefix (w, "vlan"))
    rest = w + 4;
  else if (g_str_has_prefix (w, "vid"))
    rest = w + 3;
  if (rest == NULL)
    return 0;
  if (*rest != '\0')
    {
      *n_words_used = 1;
      return parse_vlan (rest);
    }
  if (i + 1 < words->len)
    {
      *n_words_used = 2;
      return parse_vlan (words->pdata[i + 1]);
    }
  return 0;
}

static gboolean
looks_like_year (const char *w)
{
  guint64 v;

  if (strlen (w) != 4)
    return FALSE;
  v = g_ascii_strtoull (w, NULL, 10);
  return v >= 1900 && v <= 2099;
}

guint
ferry_network_name_vlan (const char *name)
{
  g_autoptr (GPtrArray) words = name_words (name);
  guint tagged = 0, lone = 0, n_lone = 0;
  gboolean tag_conflict = FALSE;

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = words->pdata[i];
      guint used = 1, v = tagged_vlan (words, i, &used);

      if (v > 0)
        {
          if (tagged != 0 && tagged != v)
            tag_conflict = TRUE;
          tagged = v;
          i += used - 1;
          continue;
        }
      /* A lone number: a whole word, not zero-padded, not a year. */
      if (all_digits (w) && w[0] != '0' && !looks_like_year (w) && parse_vlan (w) > 0)
        {
          if (n_lone == 0 || parse_vlan (w) != lone)
            n_lone++;
          lone = parse_vlan (w);
        }
    }
  if (tagged != 0)
    return tag_conflict ? 0 : tagged;
  return n_lone == 1 ? lone : 0;
}

static const char *const generic_words[]
    = { "vlan",      "vid", "seg",     "segment", "segments", "pg",   "dpg", "dvpg",
        "portgroup", "net", "network", "ls",      "nsx",      "nsxt", NULL };

/* The name without VLAN tags, the VLAN number and generic words: "VLAN100-Web" -> "web",
 * "web-segment" -> "web". */
static char *
name_core (const char *name, guint vlan)
{
  g_autoptr (GPtrArray) words = name_words (name);
  GString *core = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = words->pdata[i];
      guint used = 1;

      if (tagged_vlan (words, i, &used) > 0)
        {
          i += used - 1;
          continue;
        }
      if (g_strv_contains (generic_words, w))
        continue;
      if (vlan > 0 && all_digits (w) && parse_vlan (w) == vlan)
        continue;
      g_string_append (core, w);
    }
  return g_string_free (core, FALSE);
}

/* ---- Types ---- */

gboolean
_ferry_network_type_attachable (FerryNetwork *network)
{
  static const char *const attachable[]
      = { "NsxtSegment", "DistributedVirtualPortgroup", "Network", "OpaqueNetwork", NULL };
  const char *type = ferry_network_get_network_type (network);

  if (type == NULL || type[0] == '\0')
    type = ferry_network_get_entity_type (network);
  if (type == NULL || type[0] == '\0')
    return TRUE;
  for (guint i = 0; attachable[i] != NULL; i++)
    if (g_ascii_strcasecmp (type, attachable[i]) == 0)
      return TRUE;
  return FALSE;
}

/* ---- Suggestions ---- */

typedef struct
{
  FerryNetwork *net; /* borrowed from the destinations */
  char *key;
  char *core;
  guint vlan;
  gboolean vlan_from_name;
} Dest;

static void
dest_clear (gpointer data)
{
  Dest *d = data;

  g_free (d->key);
  g_free (d->core);
}

static GArray *
collect_destinations (FerryNetworkMap *self, GPtrArray *hold)
{
  GArray *dests = g_array_new (FALSE, TRUE, sizeof (Dest));
  guint n = g_list_model_get_n_items (self->destinations);

  g_array_set_clear_func (dests, dest_clear);
  for (guint i = 0; i < n; i++)
    {
      FerryNetwork *net = g_list_model_get_item (self->destinations, i);
      Dest d = { net, NULL, NULL, 0, FALSE };

      g_ptr_array_add (hold, net);
      if (ferry_network_get_name (net) == NULL || !_ferry_network_type_attachable (net))
        continue;
      d.key = ferry_network_name_key (ferry_network_get_name (net));
      d.vlan = ferry_network_get_vlan_id (net);
      if (d.vlan == 0)
        {
          d.vlan = ferry_network_name_vlan (ferry_network_get_name (net));
          d.vlan_from_name = TRUE;
        }
      d.core = name_core (ferry_network_get_name (net), d.vlan);
      g_array_append_val (dests, d);
    }
  return dests;
}

static FerryNetworkSuggestion *
suggest_for (FerryNetworkSource *src, GArray *dests)
{
  g_autofree char *key = ferry_network_name_key (src->name);
  g_autofree char *core = name_core (src->name, src->vlan);
  gboolean src_vlan_from_name = ferry_network_name_vlan (src->name) == src->vlan;
  Dest *extended = NULL, *same_name = NULL, *same_vlan = NULL, *similar = NULL;
  guint n_same_vlan = 0;

  if (key[0] == '\0')
    return NULL;
  for (guint i = 0; i < dests->len; i++)
    {
      Dest *d = &g_array_index (dests, Dest, i);
      gboolean is_extended = ferry_network_get_extended (d->net);

      if (is_extended && extended == NULL && strstr (d->key, key) != NULL
          && (src->vlan == 0 || d->vlan == 0 || d->vlan == src->vlan))
        extended = d;
      if (is_extended)
        continue; /* another source's extension is not this one's */
      if (same_name == NULL && g_str_equal (d->key, key))
        same_name = d;
      if (src->vlan > 0 && d->vlan == src->vlan)
        {
          /* Several: the one whose name also matches, else none (ambiguous). */
          if (same_vlan == NULL
              || (g_str_equal (d->core, core) && !g_str_equal (same_vlan->core, core)))
            same_vlan = d;
          n_same_vlan++;
        }
      if (similar == NULL && core[0] != '\0' && g_str_equal (d->core, core))
        similar = d;
    }
  if (n_same_vlan > 1 && !g_str_equal (same_vlan->core, core))
    same_vlan = NULL;

  if (extended != NULL)
    {
      g_autofree char *text = g_strdup_printf (
          _ ("%s extended to the destination (same layer 2 network): Retain MAC suggested"),
          src->name);

      return _ferry_network_suggestion_new (src, extended->net, FERRY_NETWORK_SUGGESTION_EXTENDED,
                                            text, TRUE);
    }
  if (same_name != NULL)
    return _ferry_network_suggestion_new (src, same_name->net, FERRY_NETWORK_SUGGESTION_SAME_NAME,
                                          _ ("Same name"), FALSE);
  if (same_vlan != NULL)
    {
      g_autofree char *text
          = src_vlan_from_name && same_vlan->vlan_from_name
                ? g_strdup_printf (_ ("Same VLAN %u in both names"), src->vlan)
                : g_strdup_printf (_ ("Same VLAN %u on both networks"), src->vlan);

      return _ferry_network_suggestion_new (src, same_vlan->net, FERRY_NETWORK_SUGGESTION_SAME_VLAN,
                                            text, FALSE);
    }
  if (similar != NULL)
    {
      g_autofree char *text
          = g_strdup_printf (_ ("Both named “%s” apart from VLAN and segment words"), core);

      return _ferry_network_suggestion_new (src, similar->net,
                                            FERRY_NETWORK_SUGGESTION_SIMILAR_NAME, text, FALSE);
    }
  return NULL;
}

GListModel *
ferry_network_map_suggest (FerryNetworkMap *self)
{
  GListStore *store;
  g_autoptr (GPtrArray) hold = NULL;
  g_autoptr (GArray) dests = NULL;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);

  store = g_list_store_new (FERRY_TYPE_NETWORK_SUGGESTION);
  if (self->destinations == NULL)
    return G_LIST_MODEL (store);

  hold = g_ptr_array_new_with_free_func (g_object_unref);
  dests = collect_destinations (self, hold);
  for (guint i = 0; i < self->sources->len; i++)
    {
      FerryNetworkSource *src = g_ptr_array_index (self->sources, i);
      g_autoptr (FerryNetworkSuggestion) s = NULL;

      if (src->target != NULL)
        continue;
      s = suggest_for (src, dests);
      if (s != NULL)
        g_list_store_append (store, s);
    }
  return G_LIST_MODEL (store);
}

void
ferry_network_map_apply_suggestions (FerryNetworkMap *self,
                                     FerryNetworkSuggestion *const *suggestions, guint n)
{
  FerryNetworkMapStep *step;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));

  if (_ferry_network_map_frozen (self))
    return;
  step = _ferry_network_map_step_begin (self);
  for (guint i = 0; i < n; i++)
    {
      FerryNetworkSuggestion *s = suggestions[i];
      FerryNetworkSource *src;

      if (!FERRY_IS_NETWORK_SUGGESTION (s))
        continue;
      src = ferry_network_suggestion_get_source (s);
      _ferry_network_map_step_set_rule (self, step, ferry_network_source_get_id (src),
                                        ferry_network_suggestion_get_target (s));
      if (!ferry_network_suggestion_get_retain_mac (s))
        continue;
      for (guint r = 0; r < self->recs->len; r++)
        {
          ItemRec *rec = g_ptr_array_index (self->recs, r);

          for (guint k = 0; k < rec->n_nics; k++)
            if (rec->nics[k].src == src)
              {
                _ferry_network_map_step_set_retain_mac (self, step, rec->item, TRUE);
                break;
              }
        }
    }
  _ferry_network_map_step_end (self, step);
}
