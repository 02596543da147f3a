/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map.c: the plan's network mapping: the sources list (the map is its GListModel),
 * problems, the end of a change (sources, totals and live NIC references notified), the
 * destinations and source networks, and the GObject itself. The rest of the map is beside it:
 * following the selection in ferry-network-map-selection.c, rules and exceptions in
 * ferry-network-map-rules.c, undo/redo in ferry-network-map-history.c, the plan store's side in
 * ferry-network-map-store.c, the suggestions and the name helpers in ferry-network-map-suggest.c,
 * the intents' part in ferry-network-map-intents.c.
 *
 * The map mirrors the plan's items (one ItemRec per item, in plan order) and updates only what a
 * selection change touches: each NIC of an added or removed item adds to or subtracts from its
 * source's counts. Sources are notified once per change, at its end. */

#include "config.h"

#include "ferry-network-map-state-private.h"

static void
ferry_network_map_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryNetworkMap, ferry_network_map, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_network_map_list_model_init))

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
guint
_ferry_network_map_source_position (FerryNetworkMap *self, const char *sort_key, gboolean *found)
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

void
_ferry_network_map_mark_dirty (FerryNetworkMap *self, FerryNetworkSource *src)
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

void
_ferry_network_map_source_update_problem (FerryNetworkMap *self, FerryNetworkSource *src)
{
  char *problem = _ferry_network_map_problem (self, src->target);

  if (g_strcmp0 (problem, src->problem) == 0)
    {
      g_free (problem);
      return;
    }
  g_free (src->problem);
  src->problem = problem;
  _ferry_network_map_mark_dirty (self, src);
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

/* ---- End of a change: notify ---- */

void
_ferry_network_map_notify (FerryNetworkMap *self, guint prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

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
      pos = _ferry_network_map_source_position (self, src->sort_key, &found);
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
              _ferry_network_map_mark_dirty (self, src);
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
    _ferry_network_map_source_update_problem (self, g_ptr_array_index (self->sources, i));
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

/* ---- GObject ---- */

static void
ferry_network_map_dispose (GObject *object)
{
  FerryNetworkMap *self = FERRY_NETWORK_MAP (object);

  _ferry_network_map_detach (self);
  if (self->destinations != NULL)
    g_signal_handlers_disconnect_by_data (self->destinations, self);
  g_clear_object (&self->destinations);
  g_clear_object (&self->offline);
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
    _ferry_network_map_item_rec_free (g_ptr_array_index (self->recs, i));
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
  self->exceptions
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _ferry_network_map_exc_entry_free);
  self->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (_ferry_network_map_step_free);
  self->redo = g_ptr_array_new_with_free_func (_ferry_network_map_step_free);
  self->live_refs = g_hash_table_new (NULL, NULL);
}

FerryNetworkMap *
_ferry_network_map_new (FerryPlan *plan)
{
  FerryNetworkMap *self = g_object_new (FERRY_TYPE_NETWORK_MAP, NULL);

  self->plan = plan;
  g_signal_connect (plan, "items-changed", G_CALLBACK (_ferry_network_map_plan_items_changed_cb),
                    self);
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
