/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map.c: the plan's network mapping: sources kept up to date with the selection,
 * rules, per-NIC exceptions, problems, the blocker count and undo/redo (the suggestions and the
 * name helpers are in ferry-network-map-suggest.c, the intents' part in
 * ferry-network-map-intents.c)
 *
 * The map mirrors the plan's items (one ItemRec per item, in plan order) and updates only what a
 * selection change touches: each NIC of an added or removed item adds to or subtracts from its
 * source's counts. Sources are notified once per change, at its end. */

#include "config.h"

#include "ferry-network-map-state-private.h"
#include "ferry-plan-start.h"

static void
ferry_network_map_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryNetworkMap, ferry_network_map, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_network_map_list_model_init))

enum
{
  PROP_0,
  PROP_N_UNMAPPED,
  PROP_N_PROBLEMS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DESTINATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- The sources list (the map itself is the GListModel of sources) ---- */

static GType
map_get_item_type (GListModel *model)
{
  return FERRY_TYPE_NETWORK_SOURCE;
}

static guint
map_get_n_items (GListModel *model)
{
  return FERRY_NETWORK_MAP (model)->sources->len;
}

static gpointer
map_get_item (GListModel *model, guint position)
{
  FerryNetworkMap *self = FERRY_NETWORK_MAP (model);

  if (position >= self->sources->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->sources, position));
}

static void
ferry_network_map_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = map_get_item_type;
  iface->get_n_items = map_get_n_items;
  iface->get_item = map_get_item;
}

/* Binary search by sort key: the position of @key, or where it would go. */
static guint
source_position (FerryNetworkMap *self, const char *sort_key, gboolean *found)
{
  guint lo = 0, hi = self->sources->len;

  *found = FALSE;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      FerryNetworkSource *s = g_ptr_array_index (self->sources, mid);
      int c = strcmp (s->sort_key, sort_key);

      if (c == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
mark_dirty (FerryNetworkMap *self, FerryNetworkSource *src)
{
  if (src->dirty)
    return;
  src->dirty = TRUE;
  g_ptr_array_add (self->dirty, g_object_ref (src));
}

/* ---- Problems ---- */

char *
_ferry_network_map_problem (FerryNetworkMap *self, FerryNetwork *target)
{
  const char *name;

  if (target == NULL)
    return NULL;
  name = ferry_network_get_name (target) != NULL ? ferry_network_get_name (target)
                                                 : ferry_network_get_id (target);
  if (self->dest_index != NULL
      && (ferry_network_get_id (target) == NULL
          || !g_hash_table_contains (self->dest_index, ferry_network_get_id (target))))
    return g_strdup_printf (_ ("%s is no longer on the destination"), name);
  if (!_ferry_network_type_attachable (target))
    {
      const char *type = ferry_network_get_network_type (target) != NULL
                             ? ferry_network_get_network_type (target)
                             : ferry_network_get_entity_type (target);

      return g_strdup_printf (_ ("%s is a %s, which virtual machines cannot be attached to"), name,
                              type);
    }
  return NULL;
}

static void
source_update_problem (FerryNetworkMap *self, FerryNetworkSource *src)
{
  char *problem = _ferry_network_map_problem (self, src->target);

  if (g_strcmp0 (problem, src->problem) == 0)
    {
      g_free (problem);
      return;
    }
  g_free (src->problem);
  src->problem = problem;
  mark_dirty (self, src);
}

/* The list's object for @target's id where the destinations have it. */
FerryNetwork *
_ferry_network_map_canonical (FerryNetworkMap *self, FerryNetwork *target)
{
  FerryNetwork *found;

  if (target == NULL || self->dest_index == NULL || ferry_network_get_id (target) == NULL)
    return target;
  found = g_hash_table_lookup (self->dest_index, ferry_network_get_id (target));
  return found != NULL ? found : target;
}

gboolean
_ferry_network_same (FerryNetwork *a, FerryNetwork *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return g_strcmp0 (ferry_network_get_id (a), ferry_network_get_id (b)) == 0;
}

/* ---- Item records ---- */

char *
ferry_network_nic_key (FerryNic *nic, guint position)
{
  const char *mac, *label;

  g_return_val_if_fail (FERRY_IS_NIC (nic), NULL);

  mac = ferry_nic_get_mac_address (nic);
  if (mac != NULL && mac[0] != '\0')
    return g_ascii_strdown (mac, -1);
  label = ferry_nic_get_label (nic);
  if (label != NULL && label[0] != '\0')
    return g_strconcat ("label:", label, NULL);
  return g_strdup_printf ("#%u", position);
}

char *
_ferry_network_exception_key (const char *vm_id, const char *nic_key)
{
  return g_strconcat (vm_id != NULL ? vm_id : "", "\x1f", nic_key, NULL);
}

static void
exc_entry_free (gpointer data)
{
  ExcEntry *e = data;

  if (e->nic != NULL)
    e->nic->exc = NULL;
  g_clear_object (&e->target);
  g_free (e);
}

static void
source_count (FerryNetworkMap *self, NicRec *n, int sign, gboolean first_on_source)
{
  FerryNetworkSource *src = n->src;

  if (src == NULL)
    {
      if (n->connected && n->exc == NULL)
        self->orphan_unmapped += sign;
      return;
    }
  src->n_nics += sign;
  if (first_on_source)
    src->n_vms += sign;
  if (n->connected)
    src->n_connected += sign;
  if (n->exc != NULL)
    {
      src->n_exceptions += sign;
      if (n->connected)
        src->n_connected_exceptions += sign;
    }
  mark_dirty (self, src);
}

static FerryNetworkSource *
source_for_nic (FerryNetworkMap *self, FerryNic *nic)
{
  const char *id = ferry_nic_get_network_id (nic);
  const char *name = ferry_nic_get_network_name (nic);
  FerryNetworkSource *src;
  gboolean found;
  guint pos;

  if (id == NULL || id[0] == '\0')
    id = name;
  if (id == NULL || id[0] == '\0')
    return NULL;
  src = g_hash_table_lookup (self->sources_by_id, id);
  if (src != NULL)
    return src;

  src = _ferry_network_source_new (id, name, ferry_nic_get_network_type (nic));
  if (self->source_vlans != NULL)
    {
      guint vlan = GPOINTER_TO_UINT (g_hash_table_lookup (self->source_vlans, id));

      if (vlan > 0)
        src->vlan = vlan;
    }
  g_set_object (&src->target, g_hash_table_lookup (self->rules, id));
  src->problem = _ferry_network_map_problem (self, src->target);
  pos = source_position (self, src->sort_key, &found);
  g_ptr_array_insert (self->sources, pos, src);
  g_hash_table_insert (self->sources_by_id, src->id, src);
  mark_dirty (self, src);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
  return src;
}

static void
item_rec_free (ItemRec *rec)
{
  for (guint i = 0; i < rec->n_nics; i++)
    {
      if (rec->nics[i].exc != NULL)
        rec->nics[i].exc->nic = NULL;
      g_free (rec->nics[i].key);
    }
  g_free (rec->nics);
  g_clear_object (&rec->item);
  g_clear_object (&rec->vm);
  g_free (rec);
}

static ItemRec *
item_rec_add (FerryNetworkMap *self, FerryPlanItem *item)
{
  ItemRec *rec = g_new0 (ItemRec, 1);
  FerryVm *vm = ferry_plan_item_get_vm (item);
  guint n = ferry_vm_get_n_nics (vm);
  gint primary = -1;

  rec->item = g_object_ref (item);
  rec->vm = g_object_ref (vm);
  rec->n_nics = n;
  rec->nics = g_new0 (NicRec, MAX (n, 1));

  for (guint i = 0; i < n && primary < 0; i++)
    if (ferry_nic_get_primary (ferry_vm_get_nic (vm, i)) == FERRY_TRI_STATE_YES)
      primary = (gint)i;
  if (primary < 0)
    primary = 0;

  for (guint i = 0; i < n; i++)
    {
      NicRec *nr = &rec->nics[i];
      g_autofree char *key = NULL;
      gboolean first = TRUE;
      ExcEntry *e;

      nr->nic = ferry_vm_get_nic (vm, i);
      nr->key = ferry_network_nic_key (nr->nic, i);
      nr->connected = ferry_nic_get_connected (nr->nic);
      nr->primary = (gint)i == primary;
      nr->src = source_for_nic (self, nr->nic);
      key = _ferry_network_exception_key (ferry_vm_get_id (vm), nr->key);
      e = g_hash_table_lookup (self->exceptions, key);
      if (e != NULL && e->nic == NULL)
        {
          e->nic = nr;
          nr->exc = e;
        }
      for (guint j = 0; j < i; j++)
        if (rec->nics[j].src == nr->src)
          first = FALSE;
      source_count (self, nr, +1, first);
    }
  g_hash_table_insert (self->rec_by_item, item, rec);
  return rec;
}

static void
item_rec_remove (FerryNetworkMap *self, ItemRec *rec)
{
  for (guint i = 0; i < rec->n_nics; i++)
    {
      NicRec *nr = &rec->nics[i];
      gboolean first = TRUE;

      for (guint j = 0; j < i; j++)
        if (rec->nics[j].src == nr->src)
          first = FALSE;
      source_count (self, nr, -1, first);
      if (nr->exc != NULL)
        {
          nr->exc->nic = NULL;
          nr->exc = NULL;
        }
    }
  g_hash_table_remove (self->rec_by_item, rec->item);
  item_rec_free (rec);
}

NicRec *
_ferry_network_map_find_nic (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic)
{
  ItemRec *rec = g_hash_table_lookup (self->rec_by_item, item);

  if (rec == NULL)
    return NULL;
  for (guint i = 0; i < rec->n_nics; i++)
    if (rec->nics[i].nic == nic)
      return &rec->nics[i];
  return NULL;
}

ItemRec *
_ferry_network_map_find_item (FerryNetworkMap *self, FerryPlanItem *item)
{
  return g_hash_table_lookup (self->rec_by_item, item);
}

FerryNetwork *
_ferry_network_map_effective (NicRec *nr)
{
  if (nr->exc != NULL)
    return nr->exc->target;
  return nr->src != NULL ? nr->src->target : NULL;
}

/* ---- End of a change: notify ---- */

static void
set_uint (FerryNetworkMap *self, guint *field, guint value, guint prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
refresh_refs (FerryNetworkMap *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->live_refs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      FerryNetworkNicRef *ref = key;
      FerryPlanItem *item = ferry_network_nic_ref_get_item (ref);
      FerryNic *nic = ferry_network_nic_ref_get_nic (ref);

      _ferry_network_nic_ref_update (ref, ferry_network_map_resolve (self, item, nic),
                                     ferry_network_map_has_exception (self, item, nic),
                                     ferry_network_map_get_nic_problem (self, item, nic));
    }
}

/* Syncs the touched sources (dropping those left without NICs), the totals, and the live NIC
 * references when mappings changed. */
void
_ferry_network_map_update_end (FerryNetworkMap *self, gboolean mappings_changed)
{
  guint unmapped = self->orphan_unmapped, problems = 0;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->dirty->len; i++)
    {
      FerryNetworkSource *src = g_ptr_array_index (self->dirty, i);
      gboolean found;
      guint pos;

      if (src->n_nics > 0)
        {
          _ferry_network_source_sync (src);
          continue;
        }
      src->dirty = FALSE;
      pos = source_position (self, src->sort_key, &found);
      if (!found || g_ptr_array_index (self->sources, pos) != src)
        continue;
      g_hash_table_remove (self->sources_by_id, src->id);
      g_ptr_array_remove_index (self->sources, pos);
      g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
    }
  g_ptr_array_set_size (self->dirty, 0);

  for (guint i = 0; i < self->sources->len; i++)
    {
      FerryNetworkSource *src = g_ptr_array_index (self->sources, i);

      unmapped += _ferry_network_source_unmapped (src);
      if (src->problem != NULL && src->n_nics - src->n_exceptions > 0)
        problems++;
    }
  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ExcEntry *e = value;
      g_autofree char *problem = NULL;

      if (e->nic == NULL)
        continue;
      problem = _ferry_network_map_problem (self, e->target);
      if (problem != NULL)
        problems++;
    }
  set_uint (self, &self->n_unmapped, unmapped, PROP_N_UNMAPPED);
  set_uint (self, &self->n_problems, problems, PROP_N_PROBLEMS);
  if (mappings_changed)
    refresh_refs (self);
}

/* ---- Following the plan's selection ---- */

static void
plan_items_changed_cb (GListModel *plan, guint position, guint removed, guint added,
                       FerryNetworkMap *self)
{
  g_autoptr (GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) fresh = g_ptr_array_sized_new (added);

  g_return_if_fail (position + removed <= self->recs->len);

  /* Items present before and after the change keep their records. */
  if (removed > 0 && added > 0)
    {
      g_autoptr (GHashTable) after = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < added; i++)
        {
          FerryPlanItem *item = g_list_model_get_item (plan, position + i);

          g_hash_table_add (after, item);
          g_object_unref (item); /* the plan holds it */
        }
      for (guint i = 0; i < removed; i++)
        {
          ItemRec *rec = g_ptr_array_index (self->recs, position + i);

          if (g_hash_table_contains (after, rec->item))
            g_hash_table_insert (kept, rec->item, rec);
        }
    }
  for (guint i = 0; i < removed; i++)
    {
      ItemRec *rec = g_ptr_array_index (self->recs, position + i);

      if (!g_hash_table_contains (kept, rec->item))
        item_rec_remove (self, rec);
    }
  for (guint i = 0; i < added; i++)
    {
      FerryPlanItem *item = g_list_model_get_item (plan, position + i);
      ItemRec *rec = g_hash_table_lookup (kept, item);

      g_ptr_array_add (fresh, rec != NULL ? rec : item_rec_add (self, item));
      g_object_unref (item);
    }

  /* Splice the mirror. */
  g_ptr_array_remove_range (self->recs, position, removed);
  for (guint i = 0; i < fresh->len; i++)
    g_ptr_array_insert (self->recs, position + i, fresh->pdata[i]);
  _ferry_network_map_update_end (self, FALSE);
}

void
_ferry_network_map_item_rebound (FerryNetworkMap *self, FerryPlanItem *item, const char *old_vm_id)
{
  ItemRec *rec = g_hash_table_lookup (self->rec_by_item, item);
  const char *new_id = ferry_vm_get_id (ferry_plan_item_get_vm (item));
  guint pos;

  /* Exceptions follow the VM to its new id. */
  if (g_strcmp0 (old_vm_id, new_id) != 0 && old_vm_id != NULL)
    {
      g_autofree char *prefix = g_strconcat (old_vm_id, "\x1f", NULL);
      g_autoptr (GPtrArray) moved = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->exceptions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_str_has_prefix (key, prefix))
          {
            g_ptr_array_add (moved, g_strdup ((char *)key + strlen (prefix)));
            g_ptr_array_add (moved, value);
            g_hash_table_iter_steal (&iter);
            g_free (key);
          }
      for (guint i = 0; i < moved->len; i += 2)
        {
          g_autofree char *nic_key = moved->pdata[i];

          g_hash_table_replace (self->exceptions, _ferry_network_exception_key (new_id, nic_key),
                                moved->pdata[i + 1]);
        }
    }
  if (rec == NULL || !g_ptr_array_find (self->recs, rec, &pos))
    return;
  item_rec_remove (self, rec);
  self->recs->pdata[pos] = item_rec_add (self, item);
  _ferry_network_map_update_end (self, TRUE);
}

/* ---- Raw setters (no undo, no plan "changed") ---- */

/* Returns TRUE if the rule changed. */
gboolean
_ferry_network_map_set_rule_raw (FerryNetworkMap *self, const char *source_id, FerryNetwork *target)
{
  FerryNetworkSource *src;

  target = _ferry_network_map_canonical (self, target);
  if (_ferry_network_same (g_hash_table_lookup (self->rules, source_id), target))
    return FALSE;
  if (target != NULL)
    g_hash_table_replace (self->rules, g_strdup (source_id), g_object_ref (target));
  else
    g_hash_table_remove (self->rules, source_id);

  src = g_hash_table_lookup (self->sources_by_id, source_id);
  if (src != NULL)
    {
      g_set_object (&src->target, target);
      source_update_problem (self, src);
      mark_dirty (self, src);
    }
  return TRUE;
}

gboolean
_ferry_network_map_set_exception_raw (FerryNetworkMap *self, const char *key, FerryNetwork *target)
{
  ExcEntry *e = g_hash_table_lookup (self->exceptions, key);
  NicRec *nr;

  target = _ferry_network_map_canonical (self, target);
  if (_ferry_network_same (e != NULL ? e->target : NULL, target))
    return FALSE;
  if (e != NULL && target != NULL)
    {
      g_set_object (&e->target, target);
      return TRUE;
    }

  if (target != NULL)
    {
      const char *sep = strchr (key, '\x1f');
      g_autofree char *vm_id = g_strndup (key, sep - key);
      FerryPlanItem *item = ferry_plan_lookup (self->plan, vm_id);
      ItemRec *rec = item != NULL ? g_hash_table_lookup (self->rec_by_item, item) : NULL;

      e = g_new0 (ExcEntry, 1);
      e->target = g_object_ref (target);
      g_hash_table_insert (self->exceptions, g_strdup (key), e);
      for (guint i = 0; rec != NULL && i < rec->n_nics; i++)
        if (g_strcmp0 (rec->nics[i].key, sep + 1) == 0 && rec->nics[i].exc == NULL)
          {
            nr = &rec->nics[i];
            source_count (self, nr, -1, FALSE);
            e->nic = nr;
            nr->exc = e;
            source_count (self, nr, +1, FALSE);
            break;
          }
      return TRUE;
    }

  nr = e->nic;
  if (nr != NULL)
    source_count (self, nr, -1, FALSE);
  g_hash_table_remove (self->exceptions, key); /* clears nr->exc */
  if (nr != NULL)
    source_count (self, nr, +1, FALSE);
  return TRUE;
}

/* ---- Undo steps ---- */

typedef enum
{
  CHANGE_RULE,
  CHANGE_EXCEPTION,
  CHANGE_RETAIN_MAC,
} ChangeKind;

typedef struct
{
  ChangeKind kind;
  char *key; /* source id, exception key, or VM id */
  FerryNetwork *before, *after;
  int mac_before, mac_after; /* -1: not overridden, else the override */
} Change;

struct _FerryNetworkMapStep
{
  GArray *changes;
};

static void
change_clear (gpointer data)
{
  Change *c = data;

  g_free (c->key);
  g_clear_object (&c->before);
  g_clear_object (&c->after);
}

static void
step_free (gpointer data)
{
  FerryNetworkMapStep *step = data;

  g_array_unref (step->changes);
  g_free (step);
}

/* A started plan is read-only: its mapping does not change any more. */
gboolean
_ferry_network_map_frozen (FerryNetworkMap *self)
{
  return self->plan != NULL && ferry_plan_get_read_only (self->plan);
}

FerryNetworkMapStep *
_ferry_network_map_step_begin (FerryNetworkMap *self)
{
  FerryNetworkMapStep *step = g_new0 (FerryNetworkMapStep, 1);

  step->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (step->changes, change_clear);
  return step;
}

static void
step_add (FerryNetworkMapStep *step, ChangeKind kind, const char *key, FerryNetwork *before,
          FerryNetwork *after)
{
  Change c = { kind, g_strdup (key), NULL, NULL, -1, -1 };

  g_set_object (&c.before, before);
  g_set_object (&c.after, after);
  g_array_append_val (step->changes, c);
}

void
_ferry_network_map_step_set_rule (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                  const char *source_id, FerryNetwork *target)
{
  g_autoptr (FerryNetwork) before = NULL;

  g_set_object (&before, g_hash_table_lookup (self->rules, source_id));
  if (_ferry_network_map_set_rule_raw (self, source_id, target))
    step_add (step, CHANGE_RULE, source_id, before, target);
}

static void
step_set_exception (FerryNetworkMap *self, FerryNetworkMapStep *step, const char *key,
                    FerryNetwork *target)
{
  ExcEntry *e = g_hash_table_lookup (self->exceptions, key);
  g_autoptr (FerryNetwork) before = NULL;

  if (e != NULL)
    g_set_object (&before, e->target);
  if (_ferry_network_map_set_exception_raw (self, key, target))
    step_add (step, CHANGE_EXCEPTION, key, before, target);
}

static int
item_retain_mac_state (FerryPlanItem *item)
{
  if (!ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_RETAIN_MAC))
    return -1;
  return ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_RETAIN_MAC) ? 1 : 0;
}

static void
item_set_retain_mac_state (FerryPlanItem *item, int state)
{
  if (item_retain_mac_state (item) == state)
    return;
  if (state < 0)
    ferry_plan_item_reset (item, FERRY_PLAN_FIELD_RETAIN_MAC);
  else
    ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_RETAIN_MAC, state == 1);
}

void
_ferry_network_map_step_set_retain_mac (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                        FerryPlanItem *item, gboolean retain)
{
  Change c = { CHANGE_RETAIN_MAC, NULL, NULL, NULL, -1, -1 };

  c.mac_before = item_retain_mac_state (item);
  c.mac_after = retain ? 1 : 0;
  if (c.mac_before == c.mac_after)
    return;
  if (!self->in_plan_batch)
    {
      _ferry_plan_begin_batch (self->plan);
      self->in_plan_batch = TRUE;
    }
  c.key = g_strdup (ferry_vm_get_id (ferry_plan_item_get_vm (item)));
  item_set_retain_mac_state (item, c.mac_after);
  g_array_append_val (step->changes, c);
}

static void
set_can (FerryNetworkMap *self)
{
  gboolean can_undo = self->undo->len > 0, can_redo = self->redo->len > 0;

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

static void
finish_change (FerryNetworkMap *self)
{
  _ferry_network_map_update_end (self, TRUE);
  set_can (self);
  if (self->plan != NULL)
    _ferry_plan_emit_changed (self->plan);
  if (self->in_plan_batch)
    {
      self->in_plan_batch = FALSE;
      _ferry_plan_end_batch (self->plan);
    }
}

void
_ferry_network_map_step_end (FerryNetworkMap *self, FerryNetworkMapStep *step)
{
  if (step->changes->len == 0)
    {
      step_free (step);
      if (self->in_plan_batch)
        {
          self->in_plan_batch = FALSE;
          _ferry_plan_end_batch (self->plan);
        }
      _ferry_network_map_update_end (self, FALSE);
      return;
    }
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  finish_change (self);
}

static void
apply_change (FerryNetworkMap *self, Change *c, gboolean forward)
{
  switch (c->kind)
    {
      case CHANGE_RULE:
        _ferry_network_map_set_rule_raw (self, c->key, forward ? c->after : c->before);
        break;
      case CHANGE_EXCEPTION:
        _ferry_network_map_set_exception_raw (self, c->key, forward ? c->after : c->before);
        break;
      case CHANGE_RETAIN_MAC:
        {
          FerryPlanItem *item = ferry_plan_lookup (self->plan, c->key);

          if (item == NULL)
            break;
          if (!self->in_plan_batch)
            {
              _ferry_plan_begin_batch (self->plan);
              self->in_plan_batch = TRUE;
            }
          item_set_retain_mac_state (item, forward ? c->mac_after : c->mac_before);
        }
        break;
    }
}

gboolean
ferry_network_map_undo (FerryNetworkMap *self)
{
  FerryNetworkMapStep *step;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);

  if (self->undo->len == 0 || _ferry_network_map_frozen (self))
    return FALSE;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->changes->len; i-- > 0;)
    apply_change (self, &g_array_index (step->changes, Change, i), FALSE);
  g_ptr_array_add (self->redo, step);
  finish_change (self);
  return TRUE;
}

gboolean
ferry_network_map_redo (FerryNetworkMap *self)
{
  FerryNetworkMapStep *step;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);

  if (self->redo->len == 0 || _ferry_network_map_frozen (self))
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->changes->len; i++)
    apply_change (self, &g_array_index (step->changes, Change, i), TRUE);
  g_ptr_array_add (self->undo, step);
  finish_change (self);
  return TRUE;
}

gboolean
ferry_network_map_get_can_undo (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);
  return self->can_undo;
}

gboolean
ferry_network_map_get_can_redo (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);
  return self->can_redo;
}

void
ferry_network_map_clear_history (FerryNetworkMap *self)
{
  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  set_can (self);
}

/* ---- Rules and exceptions ---- */

void
ferry_network_map_map (FerryNetworkMap *self, FerryNetworkSource *const *sources, guint n,
                       FerryNetwork *target)
{
  FerryNetworkMapStep *step;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (target == NULL || FERRY_IS_NETWORK (target));

  if (_ferry_network_map_frozen (self))
    return;
  step = _ferry_network_map_step_begin (self);
  for (guint i = 0; i < n; i++)
    if (FERRY_IS_NETWORK_SOURCE (sources[i]))
      _ferry_network_map_step_set_rule (self, step, ferry_network_source_get_id (sources[i]),
                                        target);
  _ferry_network_map_step_end (self, step);
}

void
ferry_network_map_unmap (FerryNetworkMap *self, FerryNetworkSource *const *sources, guint n)
{
  ferry_network_map_map (self, sources, n, NULL);
}

static char *
exception_key_for (FerryPlanItem *item, FerryNic *nic)
{
  FerryVm *vm = ferry_plan_item_get_vm (item);
  g_autofree char *nic_key = NULL;
  guint n = ferry_vm_get_n_nics (vm);

  for (guint i = 0; i < n; i++)
    if (ferry_vm_get_nic (vm, i) == nic)
      {
        nic_key = ferry_network_nic_key (nic, i);
        return _ferry_network_exception_key (ferry_vm_get_id (vm), nic_key);
      }
  return NULL;
}

void
ferry_network_map_set_exception (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic,
                                 FerryNetwork *target)
{
  g_autofree char *key = NULL;
  FerryNetworkMapStep *step;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (FERRY_IS_PLAN_ITEM (item));
  g_return_if_fail (FERRY_IS_NIC (nic));
  g_return_if_fail (target == NULL || FERRY_IS_NETWORK (target));

  if (_ferry_network_map_frozen (self))
    return;
  key = exception_key_for (item, nic);
  g_return_if_fail (key != NULL);
  step = _ferry_network_map_step_begin (self);
  step_set_exception (self, step, key, target);
  _ferry_network_map_step_end (self, step);
}

gboolean
ferry_network_map_has_exception (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic)
{
  NicRec *nr;
  g_autofree char *key = NULL;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (item), FALSE);

  nr = _ferry_network_map_find_nic (self, item, nic);
  if (nr != NULL)
    return nr->exc != NULL;
  key = exception_key_for (item, nic);
  return key != NULL && g_hash_table_contains (self->exceptions, key);
}

FerryNetwork *
ferry_network_map_resolve (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic)
{
  NicRec *nr;
  g_autofree char *key = NULL;
  ExcEntry *e;
  const char *id;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (item), NULL);
  g_return_val_if_fail (FERRY_IS_NIC (nic), NULL);

  nr = _ferry_network_map_find_nic (self, item, nic);
  if (nr != NULL)
    return _ferry_network_map_effective (nr);

  /* An item not (or no longer) in the plan: straight from the tables. */
  key = exception_key_for (item, nic);
  e = key != NULL ? g_hash_table_lookup (self->exceptions, key) : NULL;
  if (e != NULL)
    return e->target;
  id = ferry_nic_get_network_id (nic);
  if (id == NULL || id[0] == '\0')
    id = ferry_nic_get_network_name (nic);
  return id != NULL ? g_hash_table_lookup (self->rules, id) : NULL;
}

const char *
ferry_network_map_get_nic_problem (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic)
{
  FerryNetwork *target;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);

  target = ferry_network_map_resolve (self, item, nic);
  if (target == NULL)
    return NULL;
  /* Interned, so the caller borrows it (problems are few and repeat). */
  {
    g_autofree char *problem = _ferry_network_map_problem (self, target);

    return problem != NULL ? g_intern_string (problem) : NULL;
  }
}

gboolean
ferry_network_map_is_primary (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic)
{
  NicRec *nr;
  FerryVm *vm;
  guint n;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (item), FALSE);

  nr = _ferry_network_map_find_nic (self, item, nic);
  if (nr != NULL)
    return nr->primary;
  vm = ferry_plan_item_get_vm (item);
  n = ferry_vm_get_n_nics (vm);
  for (guint i = 0; i < n; i++)
    if (ferry_nic_get_primary (ferry_vm_get_nic (vm, i)) == FERRY_TRI_STATE_YES)
      return ferry_vm_get_nic (vm, i) == nic;
  return n > 0 && ferry_vm_get_nic (vm, 0) == nic;
}

static void
ref_gone (gpointer data, GObject *where_the_object_was)
{
  FerryNetworkMap *self = data;

  g_hash_table_remove (self->live_refs, where_the_object_was);
}

GListModel *
ferry_network_map_list_nics (FerryNetworkMap *self, FerryNetworkSource *source)
{
  GListStore *store;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (source), NULL);

  store = g_list_store_new (FERRY_TYPE_NETWORK_NIC_REF);
  for (guint i = 0; i < self->recs->len; i++)
    {
      ItemRec *rec = g_ptr_array_index (self->recs, i);

      for (guint k = 0; k < rec->n_nics; k++)
        {
          NicRec *nr = &rec->nics[k];
          g_autoptr (FerryNetworkNicRef) ref = NULL;
          g_autofree char *problem = NULL;
          FerryNetwork *target;

          if (nr->src != source)
            continue;
          target = _ferry_network_map_effective (nr);
          problem = _ferry_network_map_problem (self, target);
          ref = _ferry_network_nic_ref_new (rec->item, nr->nic, nr->primary);
          _ferry_network_nic_ref_update (ref, target, nr->exc != NULL, problem);
          g_hash_table_add (self->live_refs, ref);
          g_object_weak_ref (G_OBJECT (ref), ref_gone, self);
          g_list_store_append (store, ref);
        }
    }
  return G_LIST_MODEL (store);
}

GListModel *
ferry_network_map_get_sources (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);
  return G_LIST_MODEL (self);
}

FerryNetworkSource *
ferry_network_map_lookup_source (FerryNetworkMap *self, const char *network_id)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);
  return network_id != NULL ? g_hash_table_lookup (self->sources_by_id, network_id) : NULL;
}

guint
ferry_network_map_get_n_unmapped (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), 0);
  return self->n_unmapped;
}

guint
ferry_network_map_get_n_problems (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), 0);
  return self->n_problems;
}

/* ---- Destinations ---- */

static void
rebuild_dest_index (FerryNetworkMap *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_clear_pointer (&self->dest_index, g_hash_table_unref);
  if (self->destinations == NULL)
    goto recompute;

  self->dest_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  n = g_list_model_get_n_items (self->destinations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryNetwork) net = g_list_model_get_item (self->destinations, i);
      const char *id = ferry_network_get_id (net);

      if (id != NULL && !g_hash_table_contains (self->dest_index, id))
        g_hash_table_insert (self->dest_index, g_strdup (id), g_object_ref (net));
    }

  /* Rebind rules and exceptions to the list's objects. */
  g_hash_table_iter_init (&iter, self->rules);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FerryNetwork *canon = _ferry_network_map_canonical (self, value);

      if (canon != value)
        {
          FerryNetworkSource *src = g_hash_table_lookup (self->sources_by_id, key);

          g_hash_table_iter_replace (&iter, g_object_ref (canon));
          if (src != NULL)
            {
              g_set_object (&src->target, canon);
              mark_dirty (self, src);
            }
        }
    }
  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ExcEntry *e = value;

      g_set_object (&e->target, _ferry_network_map_canonical (self, e->target));
    }

recompute:
  for (guint i = 0; i < self->sources->len; i++)
    source_update_problem (self, g_ptr_array_index (self->sources, i));
  _ferry_network_map_update_end (self, TRUE);
}

static void
destinations_changed_cb (GListModel *model, guint position, guint removed, guint added,
                         FerryNetworkMap *self)
{
  rebuild_dest_index (self);
}

void
ferry_network_map_set_destinations (FerryNetworkMap *self, GListModel *networks)
{
  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (networks == NULL || G_IS_LIST_MODEL (networks));

  if (self->destinations == networks)
    return;
  if (self->destinations != NULL)
    g_signal_handlers_disconnect_by_data (self->destinations, self);
  g_set_object (&self->destinations, networks);
  if (networks != NULL)
    g_signal_connect_object (networks, "items-changed", G_CALLBACK (destinations_changed_cb), self,
                             0);
  rebuild_dest_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATIONS]);
}

GListModel *
ferry_network_map_get_destinations (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);
  return self->destinations;
}

FerryNetwork *
ferry_network_map_lookup_destination (FerryNetworkMap *self, const char *network_id)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), NULL);

  if (network_id == NULL)
    return NULL;
  if (self->dest_index != NULL && g_hash_table_contains (self->dest_index, network_id))
    return g_hash_table_lookup (self->dest_index, network_id);
  g_hash_table_iter_init (&iter, self->rules);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (ferry_network_get_id (value), network_id) == 0)
      return value;
  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (ferry_network_get_id (((ExcEntry *)value)->target), network_id) == 0)
      return ((ExcEntry *)value)->target;
  return NULL;
}

void
ferry_network_map_set_source_networks (FerryNetworkMap *self, GListModel *networks)
{
  guint n;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (networks == NULL || G_IS_LIST_MODEL (networks));

  g_clear_pointer (&self->source_vlans, g_hash_table_unref);
  if (networks != NULL)
    {
      self->source_vlans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      n = g_list_model_get_n_items (networks);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (FerryNetwork) net = g_list_model_get_item (networks, i);

          if (ferry_network_get_id (net) != NULL && ferry_network_get_vlan_id (net) > 0)
            g_hash_table_replace (self->source_vlans, g_strdup (ferry_network_get_id (net)),
                                  GUINT_TO_POINTER (ferry_network_get_vlan_id (net)));
        }
    }
  for (guint i = 0; i < self->sources->len; i++)
    {
      FerryNetworkSource *src = g_ptr_array_index (self->sources, i);
      guint vlan = self->source_vlans != NULL
                       ? GPOINTER_TO_UINT (g_hash_table_lookup (self->source_vlans, src->id))
                       : 0;

      _ferry_network_source_set_vlan (src, vlan > 0 ? vlan : ferry_network_name_vlan (src->name));
    }
}

/* ---- For the store ---- */

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

void
ferry_network_map_foreach_rule (FerryNetworkMap *self, FerryNetworkMapRuleFunc func,
                                gpointer user_data)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));

  keys = g_hash_table_get_keys_as_array (self->rules, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    func (keys[i], g_hash_table_lookup (self->rules, keys[i]), user_data);
}

void
ferry_network_map_foreach_exception (FerryNetworkMap *self, FerryNetworkMapExceptionFunc func,
                                     gpointer user_data)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));

  keys = g_hash_table_get_keys_as_array (self->exceptions, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      const char *key = keys[i];
      const char *sep = strchr (key, '\x1f');
      g_autofree char *vm_id = g_strndup (key, sep - key);
      ExcEntry *e = g_hash_table_lookup (self->exceptions, key);

      func (vm_id, sep + 1, e->target, user_data);
    }
}

void
ferry_network_map_restore_rule (FerryNetworkMap *self, const char *source_id, FerryNetwork *target)
{
  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (source_id != NULL);
  g_return_if_fail (target == NULL || FERRY_IS_NETWORK (target));

  _ferry_network_map_set_rule_raw (self, source_id, target);
  _ferry_network_map_update_end (self, TRUE);
}

void
ferry_network_map_restore_exception (FerryNetworkMap *self, const char *vm_id, const char *nic_key,
                                     FerryNetwork *target)
{
  g_autofree char *key = NULL;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (vm_id != NULL && nic_key != NULL);
  g_return_if_fail (target == NULL || FERRY_IS_NETWORK (target));

  key = _ferry_network_exception_key (vm_id, nic_key);
  _ferry_network_map_set_exception_raw (self, key, target);
  _ferry_network_map_update_end (self, TRUE);
}

/* ---- GObject ---- */

static void
ferry_network_map_dispose (GObject *object)
{
  FerryNetworkMap *self = FERRY_NETWORK_MAP (object);

  _ferry_network_map_detach (self);
  if (self->destinations != NULL)
    g_signal_handlers_disconnect_by_data (self->destinations, self);
  g_clear_object (&self->destinations);
  G_OBJECT_CLASS (ferry_network_map_parent_class)->dispose (object);
}

static void
ferry_network_map_finalize (GObject *object)
{
  FerryNetworkMap *self = FERRY_NETWORK_MAP (object);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->live_refs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_object_weak_unref (key, ref_gone, self);
  g_hash_table_unref (self->live_refs);
  for (guint i = 0; i < self->recs->len; i++)
    item_rec_free (g_ptr_array_index (self->recs, i));
  g_ptr_array_unref (self->recs);
  g_hash_table_unref (self->rec_by_item);
  g_hash_table_unref (self->exceptions);
  g_hash_table_unref (self->rules);
  g_hash_table_unref (self->sources_by_id);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->dirty);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->dest_index, g_hash_table_unref);
  g_clear_pointer (&self->source_vlans, g_hash_table_unref);

  G_OBJECT_CLASS (ferry_network_map_parent_class)->finalize (object);
}

static void
ferry_network_map_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryNetworkMap *self = FERRY_NETWORK_MAP (object);

  switch (prop_id)
    {
      case PROP_N_UNMAPPED:
        g_value_set_uint (value, self->n_unmapped);
        break;
      case PROP_N_PROBLEMS:
        g_value_set_uint (value, self->n_problems);
        break;
      case PROP_CAN_UNDO:
        g_value_set_boolean (value, self->can_undo);
        break;
      case PROP_CAN_REDO:
        g_value_set_boolean (value, self->can_redo);
        break;
      case PROP_DESTINATIONS:
        g_value_set_object (value, self->destinations);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
ferry_network_map_class_init (FerryNetworkMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_network_map_dispose;
  object_class->finalize = ferry_network_map_finalize;
  object_class->get_property = ferry_network_map_get_property;

  properties[PROP_N_UNMAPPED]
      = g_param_spec_uint ("n-unmapped", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  properties[PROP_N_PROBLEMS]
      = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, RO_FLAGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, RO_FLAGS);
  properties[PROP_DESTINATIONS]
      = g_param_spec_object ("destinations", NULL, NULL, G_TYPE_LIST_MODEL, RO_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_network_map_init (FerryNetworkMap *self)
{
  self->recs = g_ptr_array_new (); /* ItemRec, owned: freed by hand */
  self->rec_by_item = g_hash_table_new (NULL, NULL);
  self->exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, exc_entry_free);
  self->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->live_refs = g_hash_table_new (NULL, NULL);
}

FerryNetworkMap *
_ferry_network_map_new (FerryPlan *plan)
{
  FerryNetworkMap *self = g_object_new (FERRY_TYPE_NETWORK_MAP, NULL);

  self->plan = plan;
  g_signal_connect (plan, "items-changed", G_CALLBACK (plan_items_changed_cb), self);
  return self;
}

void
_ferry_network_map_detach (FerryNetworkMap *self)
{
  if (self->plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->plan, self);
  self->plan = NULL;
}
