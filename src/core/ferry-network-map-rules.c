/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-rules.c: the network map's rules (source network -> destination) and
 * per-NIC exceptions: the raw setters, the public setters (one undo step each) and the per-NIC
 * queries (resolve, has-exception, problem, primary) */

#include "config.h"

#include "ferry-network-map-state-private.h"

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
      _ferry_network_map_source_update_problem (self, src);
      _ferry_network_map_mark_dirty (self, src);
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
            _ferry_network_map_source_count (self, nr, -1, FALSE);
            e->nic = nr;
            nr->exc = e;
            _ferry_network_map_source_count (self, nr, +1, FALSE);
            break;
          }
      return TRUE;
    }

  nr = e->nic;
  if (nr != NULL)
    _ferry_network_map_source_count (self, nr, -1, FALSE);
  g_hash_table_remove (self->exceptions, key); /* clears nr->exc */
  if (nr != NULL)
    _ferry_network_map_source_count (self, nr, +1, FALSE);
  return TRUE;
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
  _ferry_network_map_step_set_exception (self, step, key, target);
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
