/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-selection.c: the plan's items: adding and removing VMs, multi-VM overrides,
 * checking a VM, rebinding items to an inventory */

#include "config.h"

#include "ferry-plan-object-private.h"

/* ---- Selection ---- */

guint
ferry_plan_get_n_items (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);
  return self->items->len;
}

FerryPlanItem *
ferry_plan_lookup (FerryPlan *self, const char *vm_id)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  return vm_id != NULL ? g_hash_table_lookup (self->by_id, vm_id) : NULL;
}

gboolean
ferry_plan_contains (FerryPlan *self, FerryVm *vm)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), FALSE);
  g_return_val_if_fail (FERRY_IS_VM (vm), FALSE);
  return ferry_plan_lookup (self, ferry_vm_get_id (vm)) != NULL;
}

static void
set_total_disk (FerryPlan *self, gint64 total)
{
  if (self->total_disk == total)
    return;
  self->total_disk = total;
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_TOTAL_DISK_BYTES]);
}

guint
ferry_plan_add_vms (FerryPlan *self, FerryVm *const *vms, guint n_vms)
{
  guint first;
  gint64 total;

  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);

  if (_ferry_plan_is_locked (self))
    return 0;
  first = self->items->len;
  total = self->total_disk;
  for (guint i = 0; i < n_vms; i++)
    {
      FerryVm *vm = vms[i];
      const char *id = ferry_vm_get_id (vm);
      FerryPlanItem *item;

      if (id == NULL || g_hash_table_contains (self->by_id, id))
        continue;
      item = _ferry_plan_item_new (self, vm);
      g_ptr_array_add (self->items, item);
      g_hash_table_insert (self->by_id, g_strdup (id), item);
      total += MAX (ferry_vm_get_disk_bytes (vm), 0);
    }
  if (self->items->len == first)
    return 0;

  set_total_disk (self, total);
  _ferry_plan_update_all_problems (self);
  g_list_model_items_changed (G_LIST_MODEL (self), first, 0, self->items->len - first);
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_N_ITEMS]);
  _ferry_plan_emit_changed (self);
  return self->items->len - first;
}

FerryPlanItem *
ferry_plan_add_vm (FerryPlan *self, FerryVm *vm)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (FERRY_IS_VM (vm), NULL);

  ferry_plan_add_vms (self, &vm, 1);
  return ferry_plan_lookup (self, ferry_vm_get_id (vm));
}

guint
ferry_plan_remove_vms (FerryPlan *self, FerryVm *const *vms, guint n_vms)
{
  guint old_len, removed = 0, first = G_MAXUINT, last = 0;
  gint64 total;

  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);

  if (_ferry_plan_is_locked (self))
    return 0;
  total = self->total_disk;
  for (guint i = 0; i < n_vms; i++)
    {
      FerryPlanItem *item = ferry_plan_lookup (self, ferry_vm_get_id (vms[i]));

      if (item == NULL)
        continue;
      total -= MAX (ferry_vm_get_disk_bytes (ferry_plan_item_get_vm (item)), 0);
      g_hash_table_remove (self->by_id, ferry_vm_get_id (vms[i]));
      removed++;
    }
  if (removed == 0)
    return 0;

  /* Compact, keeping the order; items no longer in the table leave. */
  old_len = self->items->len;
  for (guint i = 0, j = 0; i < old_len; i++)
    {
      FerryPlanItem *item = g_ptr_array_index (self->items, i);
      FerryVm *vm = ferry_plan_item_get_vm (item);

      if (g_hash_table_lookup (self->by_id, ferry_vm_get_id (vm)) == item)
        self->items->pdata[j++] = item;
      else
        {
          first = MIN (first, i);
          last = i;
          _ferry_plan_item_detach (item);
          g_object_unref (item);
        }
    }
  /* The tail holds moved or released pointers: shrink without the free function. */
  g_ptr_array_set_free_func (self->items, NULL);
  g_ptr_array_set_size (self->items, old_len - removed);
  g_ptr_array_set_free_func (self->items, g_object_unref);

  set_total_disk (self, MAX (total, 0));
  _ferry_plan_update_all_problems (self);
  /* Rows first..last of the old list became first..last-removed of the new one. */
  g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1,
                              last - first + 1 - removed);
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_N_ITEMS]);
  _ferry_plan_emit_changed (self);
  return removed;
}

gboolean
ferry_plan_remove_vm (FerryPlan *self, FerryVm *vm)
{
  g_return_val_if_fail (FERRY_IS_VM (vm), FALSE);
  return ferry_plan_remove_vms (self, &vm, 1) == 1;
}

void
ferry_plan_clear (FerryPlan *self)
{
  guint n;

  g_return_if_fail (FERRY_IS_PLAN (self));

  n = self->items->len;
  if (n == 0 || _ferry_plan_is_locked (self))
    return;
  for (guint i = 0; i < n; i++)
    _ferry_plan_item_detach (g_ptr_array_index (self->items, i));
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);
  set_total_disk (self, 0);
  _ferry_plan_set_n_problems (self, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_N_ITEMS]);
  _ferry_plan_emit_changed (self);
}

gint64
ferry_plan_get_total_disk_bytes (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);
  return self->total_disk;
}

guint
ferry_plan_get_n_problems (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);
  return self->n_problems;
}

void
ferry_plan_override (FerryPlan *self, FerryPlanItem *const *items, guint n_items,
                     FerryPlanField field, const GValue *value)
{
  gboolean changed = FALSE;

  g_return_if_fail (FERRY_IS_PLAN (self));

  for (guint i = 0; i < n_items; i++)
    changed |= _ferry_plan_item_override_quiet (items[i], field, value);
  if (!changed)
    return;
  if (field == FERRY_PLAN_FIELD_DATASTORE)
    _ferry_plan_update_all_problems (self);
  else
    _ferry_plan_recount_problems (self);
  _ferry_plan_emit_changed (self);
}

void
ferry_plan_reset (FerryPlan *self, FerryPlanItem *const *items, guint n_items, FerryPlanField field)
{
  gboolean changed = FALSE;

  g_return_if_fail (FERRY_IS_PLAN (self));

  for (guint i = 0; i < n_items; i++)
    changed |= _ferry_plan_item_reset_quiet (items[i], field);
  if (!changed)
    return;
  if (field == FERRY_PLAN_FIELD_DATASTORE)
    _ferry_plan_update_all_problems (self);
  else
    _ferry_plan_recount_problems (self);
  _ferry_plan_emit_changed (self);
}

FerryPreflightFlags
ferry_plan_check_vm (FerryPlan *self, FerryVm *vm)
{
  FerryPlanItem *item;
  FerryPreflightInput in = { 0 };
  FerryPlanOptions *d;

  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);
  g_return_val_if_fail (FERRY_IS_VM (vm), 0);

  item = ferry_plan_lookup (self, ferry_vm_get_id (vm));
  if (item != NULL)
    return ferry_plan_item_get_problems (item);

  d = self->defaults;
  in.type = ferry_plan_options_get_migration_type (d);
  in.type_available = ferry_plan_type_allowed (self, in.type, NULL);
  in.remove_snapshots = ferry_plan_options_get_boolean (d, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS);
  in.remove_isos = ferry_plan_options_get_boolean (d, FERRY_PLAN_FIELD_REMOVE_ISOS);
  in.force_power_off = ferry_plan_options_get_boolean (d, FERRY_PLAN_FIELD_FORCE_POWER_OFF);
  in.seed_checkpoint = ferry_plan_options_get_boolean (d, FERRY_PLAN_FIELD_SEED_CHECKPOINT);
  in.datastore = ferry_plan_options_get_object (d, FERRY_PLAN_FIELD_DATASTORE);
  in.datastore_too_small
      = _ferry_plan_datastore_free_known (in.datastore)
        && ferry_vm_get_disk_bytes (vm) > ferry_datastore_get_free_bytes (in.datastore);
  return ferry_preflight_check (vm, &in);
}

/* For ferry-plan-intents.c */
void
_ferry_plan_rebind (FerryPlan *self, FerryPlanItem *item, FerryVm *vm)
{
  FerryVm *old = ferry_plan_item_get_vm (item);
  g_autofree char *old_id = NULL;

  if (old == vm)
    return;
  old_id = g_strdup (ferry_vm_get_id (old));
  if (g_strcmp0 (ferry_vm_get_id (old), ferry_vm_get_id (vm)) != 0)
    {
      g_hash_table_remove (self->by_id, ferry_vm_get_id (old));
      g_hash_table_insert (self->by_id, g_strdup (ferry_vm_get_id (vm)), item);
    }
  _ferry_plan_item_set_vm (item, vm);
  _ferry_network_map_item_rebound (self->network_map, item, old_id);
}

void
_ferry_plan_refresh (FerryPlan *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->items->len; i++)
    total += MAX (
        ferry_vm_get_disk_bytes (ferry_plan_item_get_vm (g_ptr_array_index (self->items, i))), 0);
  set_total_disk (self, total);
  _ferry_plan_update_all_problems (self);
}
