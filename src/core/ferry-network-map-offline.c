/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-offline.c: destination networks typed in or imported with no manager, and
 * binding them to the manager's networks on connecting */

#include "config.h"

#include "ferry-network-map-offline.h"
#include "ferry-network-map-state-private.h"

/* ---- Offline networks ---- */

FerryNetwork *
ferry_network_offline_new (const char *name, const char *network_type, guint vlan)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *id = NULL;
  FerryNetwork *net;

  if (trimmed[0] == '\0')
    return NULL;
  id = g_strconcat (FERRY_NETWORK_OFFLINE_ID_PREFIX, trimmed, NULL);
  net = ferry_network_new ();
  ferry_network_set_id (net, id);
  ferry_network_set_name (net, trimmed);
  ferry_network_set_network_type (net, network_type);
  ferry_network_set_vlan_id (net, vlan);
  return net;
}

gboolean
ferry_network_is_offline (FerryNetwork *network)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (network), FALSE);
  return g_str_has_prefix (ferry_network_get_id (network) != NULL ? ferry_network_get_id (network)
                                                                  : "",
                           FERRY_NETWORK_OFFLINE_ID_PREFIX);
}

gboolean
ferry_network_offline_type_from_text (const char *text, const char **out_type)
{
  static const struct
  {
    const char *word;
    const char *type;
  } words[] = {
    { "segment", "NsxtSegment" },
    { "nsx", "NsxtSegment" },
    { "nsxt", "NsxtSegment" },
    { "nsx-t", "NsxtSegment" },
    { "nsx segment", "NsxtSegment" },
    { "nsxtsegment", "NsxtSegment" },
    { "portgroup", "DistributedVirtualPortgroup" },
    { "port group", "DistributedVirtualPortgroup" },
    { "port-group", "DistributedVirtualPortgroup" },
    { "dvpg", "DistributedVirtualPortgroup" },
    { "pg", "DistributedVirtualPortgroup" },
    { "distributedvirtualportgroup", "DistributedVirtualPortgroup" },
    { "network", "Network" },
    { "opaque", "OpaqueNetwork" },
    { "opaquenetwork", "OpaqueNetwork" },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (out_type != NULL, FALSE);

  *out_type = NULL;
  lower = g_strstrip (g_ascii_strdown (text != NULL ? text : "", -1));
  if (lower[0] == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (lower, words[i].word))
      {
        *out_type = words[i].type;
        return TRUE;
      }
  return FALSE;
}

const char *
ferry_network_type_describe (FerryNetwork *network)
{
  const char *type;

  g_return_val_if_fail (FERRY_IS_NETWORK (network), NULL);

  type = ferry_network_get_network_type (network);
  if (type == NULL || type[0] == '\0')
    type = ferry_network_get_entity_type (network);
  if (type == NULL || type[0] == '\0')
    return NULL;
  if (g_ascii_strcasecmp (type, "NsxtSegment") == 0)
    return _ ("NSX segment");
  if (g_ascii_strcasecmp (type, "DistributedVirtualPortgroup") == 0)
    return _ ("Port group");
  if (g_ascii_strcasecmp (type, "OpaqueNetwork") == 0)
    return _ ("Opaque network");
  if (g_ascii_strcasecmp (type, "Network") == 0)
    return _ ("Network");
  return type;
}

/* ---- The map's offline list ---- */

static GListStore *
offline_store (FerryNetworkMap *self)
{
  if (self->offline == NULL)
    self->offline = g_list_store_new (FERRY_TYPE_NETWORK);
  return self->offline;
}

GListModel *
ferry_network_map_get_offline_destinations (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);
  return G_LIST_MODEL (offline_store (self));
}

gboolean
ferry_network_map_get_offline (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);
  return self->destinations != NULL && self->destinations == G_LIST_MODEL (self->offline);
}

static gboolean
has_name (GListModel *list, const char *name)
{
  guint n = g_list_model_get_n_items (list);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryNetwork) net = g_list_model_get_item (list, i);
      g_autofree char *other = g_utf8_casefold (ferry_network_get_name (net), -1);

      if (g_str_equal (folded, other))
        return TRUE;
    }
  return FALSE;
}

static void
tell_plan (FerryNetworkMap *self)
{
  if (self->plan != NULL)
    _ferry_plan_emit_changed (self->plan);
}

guint
ferry_network_map_add_offline_destinations (FerryNetworkMap *self, FerryNetwork *const *networks,
                                            guint n)
{
  GListStore *store;
  g_autoptr (GPtrArray) added = g_ptr_array_new ();
  guint before;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), 0);
  g_return_val_if_fail (networks != NULL || n == 0, 0);

  if (_ferry_network_map_frozen (self))
    return 0;
  store = offline_store (self);
  before = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      const char *name;
      gboolean dup = FALSE;

      g_return_val_if_fail (FERRY_IS_NETWORK (networks[i]), 0);
      g_return_val_if_fail (ferry_network_is_offline (networks[i]), 0);
      name = ferry_network_get_name (networks[i]);
      if (name == NULL || has_name (G_LIST_MODEL (store), name))
        continue;
      for (guint j = 0; j < added->len && !dup; j++)
        dup = g_utf8_collate (name, ferry_network_get_name (g_ptr_array_index (added, j))) == 0
              || g_ascii_strcasecmp (name, ferry_network_get_name (g_ptr_array_index (added, j)))
                     == 0;
      if (!dup)
        g_ptr_array_add (added, networks[i]);
    }
  if (added->len == 0)
    return 0;
  /* One items-changed: the map's index is rebuilt once. */
  g_list_store_splice (store, before, 0, added->pdata, added->len);
  if (self->destinations == NULL)
    ferry_network_map_set_destinations (self, G_LIST_MODEL (store));
  tell_plan (self);
  return added->len;
}

void
ferry_network_map_remove_offline_destination (FerryNetworkMap *self, FerryNetwork *network)
{
  guint position;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (FERRY_IS_NETWORK (network));

  if (_ferry_network_map_frozen (self) || self->offline == NULL
      || !g_list_store_find (self->offline, network, &position))
    return;
  g_list_store_remove (self->offline, position);
  tell_plan (self);
}

/* ---- Reconciling with the manager's networks ---- */

/* @networks' network named @name: exactly, else the only one with the same name key. */
static FerryNetwork *
find_by_name (GHashTable *exact, GHashTable *keyed, const char *name)
{
  FerryNetwork *found = g_hash_table_lookup (exact, name);
  g_autofree char *key = NULL;

  if (found != NULL)
    return found;
  key = ferry_network_name_key (name);
  found = g_hash_table_lookup (keyed, key);
  return found != NULL && found != (gpointer)keyed ? found : NULL; /* keyed: ambiguous */
}

guint
ferry_network_map_reconcile_offline (FerryNetworkMap *self, GListModel *networks,
                                     guint *out_missing)
{
  g_autoptr (GHashTable) exact = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) keyed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) rule_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) exc_keys = g_ptr_array_new_with_free_func (g_free);
  gboolean had_offline;
  guint bound = 0, missing = 0, n;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (networks), 0);

  n = g_list_model_get_n_items (networks);
  for (guint i = 0; i < n; i++)
    {
      FerryNetwork *net = g_list_model_get_item (networks, i);
      const char *name = ferry_network_get_name (net);

      g_object_unref (net); /* the list keeps it */
      if (name == NULL)
        continue;
      if (!g_hash_table_contains (exact, name))
        g_hash_table_insert (exact, (gpointer)name, net);
      {
        char *k = ferry_network_name_key (name);
        gpointer had = g_hash_table_lookup (keyed, k);

        /* Two networks of one key: ambiguous, marked by the table itself. */
        g_hash_table_replace (keyed, k, had != NULL && had != net ? (gpointer)keyed : net);
      }
    }

  had_offline
      = self->offline != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->offline)) > 0;
  g_hash_table_iter_init (&iter, self->rules);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (ferry_network_is_offline (value))
      g_ptr_array_add (rule_keys, g_strdup (key));
  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (ferry_network_is_offline (((ExcEntry *)value)->target))
      g_ptr_array_add (exc_keys, g_strdup (key));
  ferry_network_map_set_destinations (self, networks);
  if (!had_offline && rule_keys->len == 0 && exc_keys->len == 0)
    {
      /* Nothing was planned offline: the history stays. */
      if (out_missing != NULL)
        *out_missing = 0;
      return 0;
    }

  for (guint i = 0; i < rule_keys->len; i++)
    {
      const char *k = g_ptr_array_index (rule_keys, i);
      FerryNetwork *target = g_hash_table_lookup (self->rules, k);
      FerryNetwork *found = find_by_name (exact, keyed, ferry_network_get_name (target));

      if (found != NULL && _ferry_network_map_set_rule_raw (self, k, found))
        bound++;
      else if (found == NULL)
        missing++;
    }
  for (guint i = 0; i < exc_keys->len; i++)
    {
      const char *k = g_ptr_array_index (exc_keys, i);
      ExcEntry *e = g_hash_table_lookup (self->exceptions, k);
      FerryNetwork *found = find_by_name (exact, keyed, ferry_network_get_name (e->target));

      if (found != NULL && _ferry_network_map_set_exception_raw (self, k, found))
        bound++;
      else if (found == NULL)
        missing++;
    }
  if (self->offline != NULL)
    g_list_store_remove_all (self->offline);
  for (guint i = 0; i < self->sources->len; i++)
    _ferry_network_map_source_update_problem (self, g_ptr_array_index (self->sources, i));
  _ferry_network_map_update_end (self, TRUE);
  ferry_network_map_clear_history (self);
  if (bound > 0 || had_offline)
    tell_plan (self);
  if (out_missing != NULL)
    *out_missing = missing;
  return bound;
}
