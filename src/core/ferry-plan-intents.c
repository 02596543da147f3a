/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-intents.c: the plan's migrationIntent bodies (hcx-api.md §6), reconciling the
 * plan with an inventory, and selecting VMs by name */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-network-map-private.h"
#include "ferry-plan-private.h"

static gboolean
option (FerryPlanItem *item, FerryPlanField field, FerryMigrationType type)
{
  /* An option that does not apply to the type is never sent as set. */
  return ferry_plan_field_applies_to (field, type, NULL)
         && ferry_plan_item_get_boolean (item, field);
}

static void
add_placement (FerryMigrationIntent *intent, FerryPlanItem *item, FerryPlanField field,
               const char *type)
{
  FerryContainer *c = ferry_plan_item_get_object (item, field);

  if (c != NULL)
    ferry_migration_intent_set_placement (intent, type, ferry_container_get_id (c),
                                          ferry_container_get_name (c));
}

FerryMigrationIntent *
ferry_plan_build_intent (FerryPlan *self, FerryPlanItem *item)
{
  FerryMigrationIntent *intent;
  FerryMigrationType type;
  FerryVm *vm;
  FerryDatastore *ds;
  FerryStorageProfile *policy;

  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (item), NULL);

  vm = ferry_plan_item_get_vm (item);
  type = ferry_plan_item_get_migration_type (item);
  intent = ferry_migration_intent_new ();

  ferry_migration_intent_set_migration_type (intent, type);
  ferry_migration_intent_set_entity_id (intent, ferry_vm_get_id (vm));
  ferry_migration_intent_set_entity_name (intent, ferry_vm_get_name (vm));
  ferry_migration_intent_set_source (intent, ferry_plan_get_source (self));
  ferry_migration_intent_set_destination (intent, ferry_plan_get_destination (self));
  ferry_migration_intent_set_migration_group_id (intent, ferry_plan_get_migration_group_id (self));

  if (ferry_migration_type_supports_schedule (type))
    {
      ferry_migration_intent_set_switchover_start (
          intent, ferry_plan_item_get_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_START));
      ferry_migration_intent_set_switchover_expiry (
          intent, ferry_plan_item_get_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_END));
    }
  ferry_migration_intent_set_long_recovery (intent,
                                            option (item, FERRY_PLAN_FIELD_SEED_CHECKPOINT, type));

  ferry_migration_intent_set_retain_mac (intent, option (item, FERRY_PLAN_FIELD_RETAIN_MAC, type));
  ferry_migration_intent_set_force_power_off (
      intent, option (item, FERRY_PLAN_FIELD_FORCE_POWER_OFF, type));
  ferry_migration_intent_set_upgrade_hardware (
      intent, option (item, FERRY_PLAN_FIELD_UPGRADE_HARDWARE, type));
  ferry_migration_intent_set_upgrade_tools (intent,
                                            option (item, FERRY_PLAN_FIELD_UPGRADE_TOOLS, type));
  ferry_migration_intent_set_remove_isos (intent,
                                          option (item, FERRY_PLAN_FIELD_REMOVE_ISOS, type));
  ferry_migration_intent_set_remove_snapshots (
      intent, option (item, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS, type));
  ferry_migration_intent_set_remove_cbt (intent, option (item, FERRY_PLAN_FIELD_REMOVE_CBT, type));
  ferry_migration_intent_set_retain_tags (intent,
                                          option (item, FERRY_PLAN_FIELD_MIGRATE_TAGS, type));
  ferry_migration_intent_set_replicate_security_tags (
      intent, option (item, FERRY_PLAN_FIELD_REPLICATE_SECURITY_TAGS, type));
  ferry_migration_intent_set_update_custom_attributes (
      intent, option (item, FERRY_PLAN_FIELD_MIGRATE_CUSTOM_ATTRIBUTES, type));

  /* Placement in the order of hcx-api.md §6: compute, then the folder. */
  add_placement (intent, item, FERRY_PLAN_FIELD_CLUSTER, "cluster");
  add_placement (intent, item, FERRY_PLAN_FIELD_RESOURCE_POOL, "resourcePool");
  add_placement (intent, item, FERRY_PLAN_FIELD_HOST, "host");
  add_placement (intent, item, FERRY_PLAN_FIELD_FOLDER, "folder");

  ds = ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE);
  if (ds != NULL)
    {
      ferry_migration_intent_set_datastore_id (intent, ferry_datastore_get_id (ds));
      ferry_migration_intent_set_datastore_name (intent, ferry_datastore_get_name (ds));
      ferry_migration_intent_set_datastore_type (intent, "Datastore");
    }
  ferry_migration_intent_set_disk_provision_type (
      intent, ferry_disk_provision_to_wire (ferry_plan_item_get_disk_provision (item)));

  policy = ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_STORAGE_POLICY);
  if (policy != NULL)
    {
      ferry_migration_intent_set_storage_profile_id (intent, ferry_storage_profile_get_id (policy));
      ferry_migration_intent_set_storage_profile_name (intent,
                                                       ferry_storage_profile_get_name (policy));
    }

  _ferry_network_map_fill_intent (ferry_plan_get_network_map (self), item, intent);
  return intent;
}

static const char *
nic_label (FerryNic *nic, guint index, char **to_free)
{
  if (ferry_nic_get_label (nic) != NULL && ferry_nic_get_label (nic)[0] != '\0')
    return ferry_nic_get_label (nic);
  *to_free = g_strdup_printf (_ ("network adapter %u"), index + 1);
  return *to_free;
}

static const char *
nic_network (FerryNic *nic)
{
  if (ferry_nic_get_network_name (nic) != NULL)
    return ferry_nic_get_network_name (nic);
  if (ferry_nic_get_network_id (nic) != NULL)
    return ferry_nic_get_network_id (nic);
  return _ ("no network");
}

/* Every connected NIC has a destination, and no destination has a problem. */
static gboolean
check_networks (FerryPlan *self, FerryPlanItem *item, GError **error)
{
  FerryNetworkMap *map = ferry_plan_get_network_map (self);
  FerryVm *vm = ferry_plan_item_get_vm (item);
  g_autofree char *label_free = NULL;
  FerryNic *nic;
  guint index = 0;

  nic = _ferry_network_map_first_unmapped (map, item, &index);
  if (nic != NULL)
    {
      g_set_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE,
                   _ ("%s: %s (on %s) has no destination network. Map %s, or this adapter, to a "
                      "destination network."),
                   ferry_vm_get_name (vm), nic_label (nic, index, &label_free), nic_network (nic),
                   nic_network (nic));
      return FALSE;
    }
  for (guint i = 0; i < ferry_vm_get_n_nics (vm); i++)
    {
      const char *problem;

      nic = ferry_vm_get_nic (vm, i);
      problem = ferry_network_map_get_nic_problem (map, item, nic);
      if (problem != NULL)
        {
          g_set_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE,
                       _ ("%s: %s (on %s) is mapped to a network that cannot take it: %s."),
                       ferry_vm_get_name (vm), nic_label (nic, i, &label_free), nic_network (nic),
                       problem);
          return FALSE;
        }
    }
  return TRUE;
}

GListModel *
ferry_plan_build_intents (FerryPlan *self, GError **error)
{
  g_autoptr (GListStore) store = NULL;
  guint n;

  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  if (n == 0)
    {
      g_set_error_literal (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_EMPTY,
                           _ ("No virtual machine is selected."));
      return NULL;
    }
  if (ferry_plan_get_source (self) == NULL || ferry_plan_get_destination (self) == NULL)
    {
      g_set_error_literal (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE,
                           _ ("The source or destination vCenter of the site pair is not known "
                              "yet. Choose the site pair again."));
      return NULL;
    }

  store = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self), i);
      const char *name = ferry_vm_get_name (ferry_plan_item_get_vm (item));
      g_autoptr (FerryMigrationIntent) intent = NULL;

      if (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_CLUSTER) == NULL
          && ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_RESOURCE_POOL) == NULL
          && ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_HOST) == NULL)
        {
          g_set_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE,
                       _ ("%s has no destination compute container: choose a cluster, resource "
                          "pool or host."),
                       name);
          return NULL;
        }
      if (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE) == NULL)
        {
          g_set_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE,
                       _ ("%s has no destination datastore: choose one."), name);
          return NULL;
        }
      if (!check_networks (self, item, error))
        return NULL;
      intent = ferry_plan_build_intent (self, item);
      g_list_store_append (store, intent);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ---- Inventory ---- */

GStrv
ferry_plan_reconcile (FerryPlan *self, GListModel *inventory)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (inventory), NULL);

  n = g_list_model_get_n_items (inventory);
  /* The table borrows from the model's objects; hold them for the duration. */
  for (guint i = 0; i < n; i++)
    {
      FerryVm *vm = g_list_model_get_item (inventory, i);

      g_ptr_array_add (items, vm);
      if (ferry_vm_get_id (vm) != NULL)
        g_hash_table_insert (by_id, (gpointer)ferry_vm_get_id (vm), vm);
      if (ferry_vm_get_name (vm) != NULL)
        g_hash_table_insert (by_name, (gpointer)ferry_vm_get_name (vm), vm);
    }

  _ferry_plan_begin_batch (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self), i);
      FerryVm *saved = ferry_plan_item_get_vm (item);
      FerryVm *found = NULL;

      if (ferry_vm_get_id (saved) != NULL)
        found = g_hash_table_lookup (by_id, ferry_vm_get_id (saved));
      if (found == NULL && ferry_vm_get_name (saved) != NULL)
        found = g_hash_table_lookup (by_name, ferry_vm_get_name (saved));
      /* A VM of that id now elsewhere in the plan cannot take this item too. */
      if (found != NULL && found != saved)
        {
          FerryPlanItem *other = ferry_plan_lookup (self, ferry_vm_get_id (found));

          if (other != NULL && other != item)
            found = NULL;
        }
      if (found == NULL)
        g_strv_builder_add (missing, ferry_vm_get_name (saved) != NULL ? ferry_vm_get_name (saved)
                                                                       : ferry_vm_get_id (saved));
      else if (!_ferry_plan_is_locked (self)) /* a started plan keeps the VMs it started */
        _ferry_plan_rebind (self, item, found);
    }
  _ferry_plan_refresh (self);
  _ferry_plan_end_batch (self);

  return g_strv_builder_end (missing);
}

GStrv
ferry_plan_select_names (FerryPlan *self, GListModel *inventory, const char *const *names,
                         guint *out_added)
{
  g_autoptr (GHashTable) exact = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) missing = g_strv_builder_new ();
  guint n, added;

  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (inventory), NULL);

  n = g_list_model_get_n_items (inventory);
  for (guint i = 0; i < n; i++)
    {
      FerryVm *vm = g_list_model_get_item (inventory, i);
      const char *name = ferry_vm_get_name (vm);

      g_ptr_array_add (vms, vm);
      if (name == NULL)
        continue;
      if (!g_hash_table_contains (exact, name))
        g_hash_table_insert (exact, (gpointer)name, vm);
      g_hash_table_insert (folded, g_utf8_casefold (name, -1), vm);
    }

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      FerryVm *vm;

      if (names[i][0] == '\0')
        continue;
      vm = g_hash_table_lookup (exact, names[i]);
      if (vm == NULL)
        {
          g_autofree char *key = g_utf8_casefold (names[i], -1);

          vm = g_hash_table_lookup (folded, key);
        }
      if (vm == NULL)
        g_strv_builder_add (missing, names[i]);
      else
        g_ptr_array_add (chosen, vm);
    }

  added = ferry_plan_add_vms (self, (FerryVm *const *)chosen->pdata, chosen->len);
  if (out_added != NULL)
    *out_added = added;
  return g_strv_builder_end (missing);
}
