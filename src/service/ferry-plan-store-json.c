/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store-json.c: the plan file format (documented in ferry-plan-store.h) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ferry-plan-store.h"
#include "ferry-hcx-json.h"
#include "ferry-plan-store-networks-private.h"
#include "ferry-plan-store-start-private.h"

#define FORMAT_NAME "ferry-plan"

/* clang-format off */
G_DEFINE_QUARK (ferry-plan-store-error-quark, ferry_plan_store_error)
/* clang-format on */

/* ---- Writing ---- */

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b, const char *name, gboolean value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
add_vcenter (JsonBuilder *b, const char *name, FerryResourceContainer *rc)
{
  json_builder_set_member_name (b, name);
  if (rc == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  add_string (b, "endpointId", ferry_resource_container_get_endpoint_id (rc));
  add_string (b, "endpointName", ferry_resource_container_get_endpoint_name (rc));
  add_string (b, "endpointType", ferry_resource_container_get_endpoint_type (rc));
  add_string (b, "resourceType", ferry_resource_container_get_resource_type (rc));
  add_string (b, "resourceId", ferry_resource_container_get_resource_id (rc));
  add_string (b, "resourceName", ferry_resource_container_get_resource_name (rc));
  add_string (b, "name", ferry_resource_container_get_name (rc));
  add_string (b, "url", ferry_resource_container_get_url (rc));
  json_builder_end_object (b);
}

static void
add_value (JsonBuilder *b, FerryPlanField field, const GValue *value)
{
  GType type = G_VALUE_TYPE (value);
  gpointer object;

  json_builder_set_member_name (b, ferry_plan_field_get_name (field));
  if (type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (b, g_value_get_boolean (value));
  else if (type == G_TYPE_INT64)
    json_builder_add_int_value (b, g_value_get_int64 (value));
  else if (type == FERRY_TYPE_MIGRATION_TYPE)
    json_builder_add_string_value (b, ferry_migration_type_to_wire (g_value_get_enum (value)));
  else if (type == FERRY_TYPE_DISK_PROVISION)
    json_builder_add_string_value (b, ferry_disk_provision_to_wire (g_value_get_enum (value)));
  else if ((object = g_value_get_object (value)) == NULL)
    json_builder_add_null_value (b);
  else if (FERRY_IS_CONTAINER (object))
    {
      json_builder_begin_object (b);
      add_string (b, "id", ferry_container_get_id (object));
      add_string (b, "name", ferry_container_get_name (object));
      add_string (b, "entityType", ferry_container_get_entity_type (object));
      json_builder_end_object (b);
    }
  else if (FERRY_IS_DATASTORE (object))
    {
      json_builder_begin_object (b);
      add_string (b, "id", ferry_datastore_get_id (object));
      add_string (b, "name", ferry_datastore_get_name (object));
      add_string (b, "entityType", ferry_datastore_get_entity_type (object));
      add_bool (b, "isCluster", ferry_datastore_get_is_cluster (object));
      add_int (b, "freeBytes", ferry_datastore_get_free_bytes (object));
      add_int (b, "capacityBytes", ferry_datastore_get_capacity_bytes (object));
      json_builder_end_object (b);
    }
  else if (FERRY_IS_STORAGE_PROFILE (object))
    {
      json_builder_begin_object (b);
      add_string (b, "id", ferry_storage_profile_get_id (object));
      add_string (b, "name", ferry_storage_profile_get_name (object));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_vm (JsonBuilder *b, FerryVm *vm)
{
  FerryTriState iso = ferry_vm_get_iso_mounted (vm);

  json_builder_set_member_name (b, "vm");
  json_builder_begin_object (b);
  add_string (b, "id", ferry_vm_get_id (vm));
  add_string (b, "name", ferry_vm_get_name (vm));
  add_string (b, "guestFullName", ferry_vm_get_guest_full_name (vm));
  add_string (b, "guestId", ferry_vm_get_guest_id (vm));
  add_int (b, "numCpu", ferry_vm_get_num_cpu (vm));
  add_int (b, "memoryMB", ferry_vm_get_memory_mb (vm));
  add_int (b, "diskBytes", ferry_vm_get_disk_bytes (vm));
  add_string (b, "powerState", ferry_power_state_to_string (ferry_vm_get_power_state (vm)));
  add_string (b, "folder", ferry_vm_get_folder (vm));
  add_string (b, "cluster", ferry_vm_get_cluster (vm));
  add_string (b, "datastore", ferry_vm_get_datastore (vm));
  add_string (b, "hardwareVersion", ferry_vm_get_hardware_version (vm));
  add_string (b, "toolsStatus", ferry_vm_get_tools_status (vm));
  add_int (b, "snapshotCount", ferry_vm_get_snapshot_count (vm));
  json_builder_set_member_name (b, "isoMounted");
  if (iso == FERRY_TRI_STATE_UNKNOWN)
    json_builder_add_null_value (b);
  else
    json_builder_add_boolean_value (b, iso == FERRY_TRI_STATE_YES);
  json_builder_set_member_name (b, "nics");
  json_builder_begin_array (b);
  for (guint i = 0; i < ferry_vm_get_n_nics (vm); i++)
    {
      FerryNic *nic = ferry_vm_get_nic (vm, i);

      json_builder_begin_object (b);
      add_string (b, "label", ferry_nic_get_label (nic));
      add_string (b, "macAddress", ferry_nic_get_mac_address (nic));
      add_string (b, "networkId", ferry_nic_get_network_id (nic));
      add_string (b, "networkName", ferry_nic_get_network_name (nic));
      add_string (b, "networkType", ferry_nic_get_network_type (nic));
      add_bool (b, "connected", ferry_nic_get_connected (nic));
      if (ferry_nic_get_primary (nic) != FERRY_TRI_STATE_UNKNOWN)
        add_bool (b, "primary", ferry_nic_get_primary (nic) == FERRY_TRI_STATE_YES);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
ferry_plan_to_json (FerryPlan *plan, gsize *out_length)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  FerryPlanOptions *defaults;
  guint n;

  g_return_val_if_fail (FERRY_IS_PLAN (plan), NULL);

  defaults = ferry_plan_get_defaults (plan);
  json_builder_begin_object (b);
  add_string (b, "format", FORMAT_NAME);
  add_int (b, "version", FERRY_PLAN_FORMAT_VERSION);
  add_string (b, "id", ferry_plan_get_id (plan));
  add_string (b, "migrationGroupId", ferry_plan_get_migration_group_id (plan));
  add_string (b, "name", ferry_plan_get_name (plan));
  add_int (b, "created", ferry_plan_get_created (plan));
  add_int (b, "modified", ferry_plan_get_modified (plan));

  json_builder_set_member_name (b, "manager");
  json_builder_begin_object (b);
  add_string (b, "server", ferry_plan_get_server (plan));
  add_string (b, "endpointId", ferry_plan_get_manager_id (plan));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "remote");
  json_builder_begin_object (b);
  add_string (b, "endpointId", ferry_plan_get_remote_endpoint_id (plan));
  add_string (b, "name", ferry_plan_get_remote_name (plan));
  json_builder_end_object (b);
  add_vcenter (b, "source", ferry_plan_get_source (plan));
  add_vcenter (b, "destination", ferry_plan_get_destination (plan));

  json_builder_set_member_name (b, "defaults");
  json_builder_begin_object (b);
  for (guint f = 0; f < FERRY_PLAN_N_FIELDS; f++)
    add_value (b, f, ferry_plan_options_peek_value (defaults, f));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  n = g_list_model_get_n_items (G_LIST_MODEL (plan));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      json_builder_begin_object (b);
      add_vm (b, ferry_plan_item_get_vm (item));
      json_builder_set_member_name (b, "overrides");
      json_builder_begin_object (b);
      for (guint f = 0; f < FERRY_PLAN_N_FIELDS; f++)
        if (ferry_plan_item_get_overridden (item, f))
          add_value (b, f, ferry_plan_item_peek_value (item, f));
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  _ferry_plan_store_add_networks (b, plan);
  _ferry_plan_store_add_start (b, plan);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 1);
  return json_generator_to_data (gen, out_length);
}

/* ---- Reading ---- */

typedef struct
{
  const char *where; /* for the error message */
  gboolean failed;
} Reader;

static void
corrupt (GError **error, const char *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_CORRUPT,
                 _ ("The plan file is damaged (%s). Nothing was changed."), what);
}

/* A member that may be missing or null; present with another type is corruption. */
static const char *
get_string (JsonObject *o, const char *member, GError **error)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_autofree char *what = g_strdup_printf (_ ("“%s” is not text"), member);
      corrupt (error, what);
      return NULL;
    }
  return json_node_get_string (n);
}

static gint64
get_int (JsonObject *o, const char *member, gint64 fallback, GError **error)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    {
      g_autofree char *what = g_strdup_printf (_ ("“%s” is not a whole number"), member);
      corrupt (error, what);
      return fallback;
    }
  return json_node_get_int (n);
}

static gboolean
get_bool (JsonObject *o, const char *member, gboolean fallback, GError **error)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
    {
      g_autofree char *what = g_strdup_printf (_ ("“%s” is not true or false"), member);
      corrupt (error, what);
      return fallback;
    }
  return json_node_get_boolean (n);
}

static JsonObject *
get_object (JsonObject *o, const char *member, GError **error)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      g_autofree char *what = g_strdup_printf (_ ("“%s” is not an object"), member);
      corrupt (error, what);
      return NULL;
    }
  return json_node_get_object (n);
}

static JsonArray *
get_array (JsonObject *o, const char *member, GError **error)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      g_autofree char *what = g_strdup_printf (_ ("“%s” is not a list"), member);
      corrupt (error, what);
      return NULL;
    }
  return json_node_get_array (n);
}

static FerryResourceContainer *
read_vcenter (JsonObject *o, GError **error)
{
  FerryResourceContainer *rc;

  if (o == NULL)
    return NULL;
  rc = ferry_resource_container_new ();
  ferry_resource_container_set_endpoint_id (rc, get_string (o, "endpointId", error));
  ferry_resource_container_set_endpoint_name (rc, get_string (o, "endpointName", error));
  ferry_resource_container_set_endpoint_type (rc, get_string (o, "endpointType", error));
  ferry_resource_container_set_resource_type (rc, get_string (o, "resourceType", error));
  ferry_resource_container_set_resource_id (rc, get_string (o, "resourceId", error));
  ferry_resource_container_set_resource_name (rc, get_string (o, "resourceName", error));
  ferry_resource_container_set_name (rc, get_string (o, "name", error));
  ferry_resource_container_set_url (rc, get_string (o, "url", error));
  return rc;
}

/* Reads one settings member into @value (initialised here); FALSE when absent. */
static gboolean
read_value (JsonObject *settings, FerryPlanField field, GValue *value, GError **error)
{
  const char *name = ferry_plan_field_get_name (field);
  GType type = ferry_plan_field_get_value_type (field);
  JsonNode *n = json_object_get_member (settings, name);

  if (n == NULL)
    return FALSE;

  g_value_init (value, type);
  if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, get_bool (settings, name, FALSE, error));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, MAX (get_int (settings, name, 0, error), 0));
  else if (type == FERRY_TYPE_MIGRATION_TYPE)
    {
      FerryMigrationType t = FERRY_MIGRATION_TYPE_BULK;

      if (!ferry_migration_type_from_wire (get_string (settings, name, error), &t))
        {
          g_autofree char *what = g_strdup_printf (_ ("unknown “%s”"), name);
          corrupt (error, what);
        }
      g_value_set_enum (value, t);
    }
  else if (type == FERRY_TYPE_DISK_PROVISION)
    {
      FerryDiskProvision p = FERRY_DISK_PROVISION_SAME_AS_SOURCE;

      if (!ferry_disk_provision_from_wire (get_string (settings, name, error), &p))
        {
          g_autofree char *what = g_strdup_printf (_ ("unknown “%s”"), name);
          corrupt (error, what);
        }
      g_value_set_enum (value, p);
    }
  else
    {
      JsonObject *o = get_object (settings, name, error);

      if (o == NULL)
        ; /* null: none chosen */
      else if (type == FERRY_TYPE_CONTAINER)
        {
          g_autoptr (FerryContainer) c = ferry_container_new ();

          ferry_container_set_id (c, get_string (o, "id", error));
          ferry_container_set_name (c, get_string (o, "name", error));
          ferry_container_set_entity_type (c, get_string (o, "entityType", error));
          g_value_set_object (value, c);
        }
      else if (type == FERRY_TYPE_DATASTORE)
        {
          g_autoptr (FerryDatastore) ds = ferry_datastore_new ();

          ferry_datastore_set_id (ds, get_string (o, "id", error));
          ferry_datastore_set_name (ds, get_string (o, "name", error));
          ferry_datastore_set_entity_type (ds, get_string (o, "entityType", error));
          ferry_datastore_set_is_cluster (ds, get_bool (o, "isCluster", FALSE, error));
          ferry_datastore_set_free_bytes (ds, get_int (o, "freeBytes", -1, error));
          ferry_datastore_set_capacity_bytes (ds, get_int (o, "capacityBytes", -1, error));
          g_value_set_object (value, ds);
        }
      else if (type == FERRY_TYPE_STORAGE_PROFILE)
        {
          g_autoptr (FerryStorageProfile) sp = ferry_storage_profile_new ();

          ferry_storage_profile_set_id (sp, get_string (o, "id", error));
          ferry_storage_profile_set_name (sp, get_string (o, "name", error));
          g_value_set_object (value, sp);
        }
    }
  return TRUE;
}

static FerryVm *
read_vm (JsonObject *o, GError **error)
{
  FerryVm *vm;
  JsonArray *nics;
  JsonNode *iso;

  if (o == NULL || get_string (o, "id", error) == NULL)
    {
      corrupt (error, _ ("a VM has no id"));
      return NULL;
    }
  vm = ferry_vm_new ();
  ferry_vm_set_id (vm, get_string (o, "id", error));
  ferry_vm_set_name (vm, get_string (o, "name", error));
  ferry_vm_set_guest_full_name (vm, get_string (o, "guestFullName", error));
  ferry_vm_set_guest_id (vm, get_string (o, "guestId", error));
  ferry_vm_set_num_cpu (vm, (int)CLAMP (get_int (o, "numCpu", -1, error), -1, G_MAXINT));
  ferry_vm_set_memory_mb (vm, get_int (o, "memoryMB", -1, error));
  ferry_vm_set_disk_bytes (vm, get_int (o, "diskBytes", -1, error));
  ferry_vm_set_power_state (vm,
                            ferry_power_state_from_string (get_string (o, "powerState", error)));
  ferry_vm_set_folder (vm, get_string (o, "folder", error));
  ferry_vm_set_cluster (vm, get_string (o, "cluster", error));
  ferry_vm_set_datastore (vm, get_string (o, "datastore", error));
  ferry_vm_set_hardware_version (vm, get_string (o, "hardwareVersion", error));
  ferry_vm_set_tools_status (vm, get_string (o, "toolsStatus", error));
  ferry_vm_set_snapshot_count (vm,
                               (int)CLAMP (get_int (o, "snapshotCount", -1, error), -1, G_MAXINT));
  iso = json_object_get_member (o, "isoMounted");
  if (iso != NULL && !JSON_NODE_HOLDS_NULL (iso))
    ferry_vm_set_iso_mounted (vm, get_bool (o, "isoMounted", FALSE, error) ? FERRY_TRI_STATE_YES
                                                                           : FERRY_TRI_STATE_NO);
  nics = get_array (o, "nics", error);
  for (guint i = 0; nics != NULL && i < json_array_get_length (nics); i++)
    {
      JsonNode *n = json_array_get_element (nics, i);
      JsonObject *no = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr (FerryNic) nic = NULL;

      if (no == NULL)
        {
          corrupt (error, _ ("a network adapter is not an object"));
          break;
        }
      nic = ferry_nic_new ();
      ferry_nic_set_label (nic, get_string (no, "label", error));
      ferry_nic_set_mac_address (nic, get_string (no, "macAddress", error));
      ferry_nic_set_network_id (nic, get_string (no, "networkId", error));
      ferry_nic_set_network_name (nic, get_string (no, "networkName", error));
      ferry_nic_set_network_type (nic, get_string (no, "networkType", error));
      ferry_nic_set_connected (nic, get_bool (no, "connected", FALSE, error));
      if (json_object_has_member (no, "primary"))
        ferry_nic_set_primary (nic, get_bool (no, "primary", FALSE, error) ? FERRY_TRI_STATE_YES
                                                                           : FERRY_TRI_STATE_NO);
      ferry_vm_add_nic (vm, nic);
    }
  return vm;
}

FerryPlan *
ferry_plan_from_json (const char *data, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  g_autoptr (FerryPlan) plan = NULL;
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) overrides = g_ptr_array_new ();
  g_autoptr (FerryResourceContainer) source = NULL;
  g_autoptr (FerryResourceContainer) destination = NULL;
  g_autoptr (FerryPlanStoreNetworks) networks = NULL;
  JsonNode *root;
  JsonObject *o, *defaults, *manager, *remote;
  JsonArray *items;
  const char *format, *id, *group;
  gint64 version;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, &local))
    {
      g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_CORRUPT,
                   _ ("This is not a Ferry plan: the file is not readable JSON (%s). Nothing was "
                      "changed."),
                   local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_CORRUPT,
                           _ ("This is not a Ferry plan: the file is empty. Nothing was "
                              "changed."));
      return NULL;
    }
  if (!ferry_hcx_json_node_is_valid_utf8 (root))
    {
      g_set_error_literal (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_CORRUPT,
                           _ ("This is not a Ferry plan: the file holds text that is not valid "
                              "UTF-8. Nothing was changed."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_FOREIGN,
                           _ ("This file is not a Ferry plan. Nothing was changed."));
      return NULL;
    }
  o = json_node_get_object (root);
  format = json_object_has_member (o, "format") ? get_string (o, "format", &local) : NULL;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error_literal (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_FOREIGN,
                           _ ("This file is not a Ferry plan (it has no “format”: "
                              "“ferry-plan”). Nothing was changed."));
      return NULL;
    }
  version = get_int (o, "version", -1, &local);
  if (local != NULL || version < 1)
    {
      corrupt (error, _ ("no valid version"));
      return NULL;
    }
  if (version > FERRY_PLAN_FORMAT_VERSION)
    {
      g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_NEWER_VERSION,
                   _ ("This plan was saved by a newer version of Ferry (plan format %d; this "
                      "version reads format %d). Update Ferry to open it. Nothing was changed."),
                   (int)CLAMP (version, 0, G_MAXINT), FERRY_PLAN_FORMAT_VERSION);
      return NULL;
    }

  id = get_string (o, "id", &local);
  group = get_string (o, "migrationGroupId", &local);
  if (id == NULL || group == NULL || !g_uuid_string_is_valid (id))
    {
      corrupt (error, _ ("no plan id"));
      return NULL;
    }

  /* Everything is read and checked before the plan is filled, so an error returns nothing. */
  manager = get_object (o, "manager", &local);
  remote = get_object (o, "remote", &local);
  source = read_vcenter (get_object (o, "source", &local), &local);
  destination = read_vcenter (get_object (o, "destination", &local), &local);
  defaults = get_object (o, "defaults", &local);
  items = get_array (o, "items", &local);
  for (guint i = 0; local == NULL && items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *n = json_array_get_element (items, i);
      JsonObject *io = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      FerryVm *vm;

      if (io == NULL)
        {
          corrupt (&local, _ ("an item is not an object"));
          break;
        }
      vm = read_vm (get_object (io, "vm", &local), &local);
      if (vm == NULL)
        break;
      g_ptr_array_add (vms, vm);
      g_ptr_array_add (overrides, get_object (io, "overrides", &local));
    }
  if (local == NULL)
    networks = _ferry_plan_store_read_networks (o, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  plan = ferry_plan_new_with_ids (id, group);
  ferry_plan_begin_changes (plan);
  ferry_plan_set_name (plan, get_string (o, "name", NULL));
  ferry_plan_set_server (plan, get_string (manager, "server", NULL));
  ferry_plan_set_manager_id (plan, get_string (manager, "endpointId", NULL));
  ferry_plan_set_remote_endpoint_id (plan, get_string (remote, "endpointId", NULL));
  ferry_plan_set_remote_name (plan, get_string (remote, "name", NULL));
  ferry_plan_set_source (plan, source);
  ferry_plan_set_destination (plan, destination);

  for (guint f = 0; defaults != NULL && f < FERRY_PLAN_N_FIELDS; f++)
    {
      g_auto (GValue) v = G_VALUE_INIT;

      if (read_value (defaults, f, &v, &local))
        ferry_plan_options_set_value (ferry_plan_get_defaults (plan), f, &v);
    }
  ferry_plan_add_vms (plan, (FerryVm **)vms->pdata, vms->len);
  for (guint i = 0; i < vms->len; i++)
    {
      FerryPlanItem *item = ferry_plan_lookup (plan, ferry_vm_get_id (vms->pdata[i]));

      for (guint f = 0; item != NULL && overrides->pdata[i] != NULL && f < FERRY_PLAN_N_FIELDS; f++)
        {
          g_auto (GValue) v = G_VALUE_INIT;

          if (read_value (overrides->pdata[i], f, &v, &local))
            ferry_plan_item_override (item, f, &v);
        }
    }
  _ferry_plan_store_apply_networks (networks, plan);
  _ferry_plan_store_read_start (o, plan);
  ferry_plan_end_changes (plan);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  ferry_plan_set_times (plan, get_int (o, "created", 0, NULL), get_int (o, "modified", 0, NULL));
  return g_steal_pointer (&plan);
}
