/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json-mobility.c: JSON <-> mobility models (migrations, groups, jobs, validation
 * answers) and the request bodies built from migration intents. */

#include "config.h"

#include <math.h>

#include "ferry-hcx-json-private.h"

static FerryMigrationEvent *
to_event (JsonObject *o)
{
  FerryMigrationEvent *ev = ferry_migration_event_new ();

  _ferry_migration_event_set_quiet (ev, TRUE);
  ferry_migration_event_set_status (ev, ferry_json_get_string (o, "status"));
  ferry_migration_event_set_message (ev, ferry_json_get_string (o, "message"));
  ferry_migration_event_set_error_message (ev, ferry_json_get_string (o, "errorMessage"));
  ferry_migration_event_set_last_updated (ev, ferry_json_get_int (o, "lastUpdated", -1));
  ferry_migration_event_set_bytes_transferred (ev, ferry_json_get_int (o, "bytesTransferred", -1));
  ferry_migration_event_set_total_bytes (ev, ferry_json_get_int (o, "totalBytes", -1));
  _ferry_migration_event_set_quiet (ev, FALSE);
  return ev;
}

FerryMigration *
ferry_hcx_json_to_migration (JsonObject *o)
{
  FerryMigration *m = ferry_migration_new ();
  JsonObject *entity = ferry_json_get_object (o, "entity");
  JsonObject *source = ferry_json_get_object (o, "source");
  JsonObject *destination = ferry_json_get_object (o, "destination");
  JsonObject *switchover = ferry_json_get_object (o, "switchoverParams");
  JsonObject *schedule = ferry_json_get_object (switchover, "schedule");
  JsonObject *progress = ferry_json_get_object (o, "progress");
  JsonObject *total = ferry_json_get_object (progress, "total");
  JsonObject *pstate = ferry_json_get_object (progress, "state");
  JsonArray *log = ferry_json_get_array (progress, "log");
  g_autofree char *migration_id = ferry_json_dup_id_any (o, "migrationId", "id", NULL);
  g_autofree char *group_id = ferry_json_dup_id (o, "migrationGroupId");
  g_autofree char *entity_id = ferry_json_dup_id_any (entity, "entityId", "id", NULL);
  gint64 total_bytes = ferry_json_get_int (total, "value", -1);
  gint64 transferred = ferry_json_get_int (total, "bytesTransferred", -1);
  double percent = -1.0;
  gboolean is_done = ferry_json_get_bool (progress, "isDone", FALSE);
  gboolean did_fail = ferry_json_get_bool (progress, "didFail", FALSE);
  gboolean is_cancelled = ferry_json_get_bool (progress, "isCancelled", FALSE);
  const char *state = ferry_json_get_string (o, "state");
  guint n_log = log != NULL ? json_array_get_length (log) : 0;

  _ferry_migration_set_quiet (m, TRUE);
  if (entity_id == NULL)
    entity_id = ferry_json_dup_id (o, "entityId");
  if (total_bytes > 0 && transferred >= 0)
    percent = (double)transferred * 100.0 / (double)total_bytes;
  else
    {
      percent = ferry_json_get_double (progress, "percentComplete", -1.0);
      if (percent < 0)
        percent = ferry_json_get_double (o, "percentComplete", -1.0);
    }
  if (percent > 100.0)
    percent = 100.0;
  if (percent < 0.0 || isnan (percent))
    percent = -1.0;
  if (state == NULL)
    state = ferry_json_get_string (pstate, "status");

  ferry_migration_set_migration_id (m, migration_id);
  ferry_migration_set_migration_group_id (m, group_id);
  ferry_migration_set_migration_type (m, ferry_json_get_string (o, "migrationType"));
  ferry_migration_set_state (m, state);
  ferry_migration_set_username (m, ferry_json_get_string (o, "username"));
  ferry_migration_set_creation_date (m, ferry_json_get_int (o, "creationDate", -1));
  ferry_migration_set_last_updated (m, ferry_json_get_int (o, "lastUpdated", -1));
  ferry_migration_set_entity_id (m, entity_id);
  ferry_migration_set_entity_name (m,
                                   ferry_json_get_string_any (entity, "entityName", "name", NULL));
  ferry_migration_set_source_endpoint_id (m, ferry_json_get_string (source, "endpointId"));
  ferry_migration_set_source_endpoint_name (m, ferry_json_get_string (source, "endpointName"));
  ferry_migration_set_source_resource_name (m, ferry_json_get_string (source, "resourceName"));
  ferry_migration_set_destination_endpoint_id (m,
                                               ferry_json_get_string (destination, "endpointId"));
  ferry_migration_set_destination_endpoint_name (
      m, ferry_json_get_string (destination, "endpointName"));
  ferry_migration_set_destination_resource_name (
      m, ferry_json_get_string (destination, "resourceName"));
  ferry_migration_set_switchover_start (m, ferry_json_get_int (schedule, "startTime", -1));
  ferry_migration_set_switchover_expiry (m, ferry_json_get_int (schedule, "expiryTime", -1));
  ferry_migration_set_start_time (m, ferry_json_get_int (progress, "startTime", -1));
  ferry_migration_set_end_time (m, ferry_json_get_int (progress, "endTime", -1));
  ferry_migration_set_message (m, ferry_json_get_string (progress, "message"));
  ferry_migration_set_status (m, ferry_json_get_string (pstate, "status"));
  ferry_migration_set_status_message (m, ferry_json_get_string (pstate, "message"));
  ferry_migration_set_error_message (m, ferry_json_get_string (pstate, "errorMessage"));
  ferry_migration_set_is_done (m, is_done);
  ferry_migration_set_did_fail (m, did_fail);
  ferry_migration_set_is_cancelled (m, is_cancelled);
  ferry_migration_set_is_transfer_progress (
      m, ferry_json_get_bool (pstate, "isTransferProgress", FALSE));
  ferry_migration_set_is_switchover_progress (
      m, ferry_json_get_bool (pstate, "isSwitchoverProgress", FALSE));
  ferry_migration_set_is_waiting_for_maint_window (
      m, ferry_json_get_bool (pstate, "isWaitingForMaintWindow", FALSE));
  ferry_migration_set_bytes_transferred (m, transferred);
  ferry_migration_set_total_bytes (m, total_bytes);
  ferry_migration_set_percent (m, percent);
  ferry_migration_set_finished (
      m, ferry_migration_compute_finished (state, is_done, did_fail, is_cancelled));
  for (guint i = 0; i < n_log; i++)
    {
      JsonObject *e = ferry_json_array_get_object (log, i);
      g_autoptr (FerryMigrationEvent) ev = NULL;

      if (e == NULL)
        continue;
      ev = to_event (e);
      ferry_migration_add_event (m, ev);
    }
  _ferry_migration_set_quiet (m, FALSE);
  return m;
}

FerryMobilityGroup *
ferry_hcx_json_to_mobility_group (JsonObject *o)
{
  FerryMobilityGroup *g = ferry_mobility_group_new ();
  g_autofree char *id = ferry_json_dup_id_any (o, "migrationGroupId", "mobilityGroupId", "id");
  JsonArray *migrations = ferry_json_get_array (o, "migrations");

  if (migrations == NULL)
    migrations = ferry_json_get_array (o, "items");
  ferry_mobility_group_set_id (g, id);
  ferry_mobility_group_set_name (g, ferry_json_get_string (o, "name"));
  ferry_mobility_group_set_state (g, ferry_json_get_string_any (o, "state", "status", NULL));
  ferry_mobility_group_set_n_migrations (
      g, migrations != NULL ? (int)json_array_get_length (migrations) : -1);
  return g;
}

FerryJob *
ferry_hcx_json_to_job (JsonObject *o)
{
  FerryJob *job = ferry_job_new ();
  g_autofree char *id = ferry_json_dup_id_any (o, "jobId", "id", NULL);
  JsonObject *data = ferry_json_get_object (o, "data");

  /* Accept the job at the top level or inside a hybridity envelope's data. */
  if (id == NULL && data != NULL)
    {
      g_object_unref (job);
      return ferry_hcx_json_to_job (data);
    }
  ferry_job_set_id (job, id);
  ferry_job_set_is_queued (job, ferry_json_get_bool (o, "isQueued", FALSE));
  ferry_job_set_is_done (job, ferry_json_get_bool (o, "isDone", FALSE));
  ferry_job_set_did_fail (job, ferry_json_get_bool (o, "didFail", FALSE));
  ferry_job_set_is_cancelled (job, ferry_json_get_bool (o, "isCancelled", FALSE));
  ferry_job_set_percent_complete (job, ferry_json_get_double (o, "percentComplete", -1.0));
  ferry_job_set_start_time (job, ferry_json_get_int (o, "startTime", -1));
  ferry_job_set_end_time (job, ferry_json_get_int (o, "endTime", -1));
  ferry_job_set_error_message (job, ferry_json_get_string_any (o, "errorMessage", "error", NULL));
  return job;
}

/* Validation ---------------------------------------------------------------------------------- */

static void
collect_messages (JsonArray *array, GStrvBuilder *messages, GStrvBuilder *codes)
{
  static const char *const text_members[] = { "message", "text", "errorMessage", "error", NULL };
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *code;
      const char *text
          = ferry_json_message_text (json_array_get_element (array, i), text_members, &code);

      if (text == NULL)
        continue;
      g_strv_builder_add (messages, text);
      if (codes != NULL)
        g_strv_builder_add (codes, code != NULL ? code : "");
    }
}

/* The messages of a validation answer, or of one of its items. */
typedef struct
{
  GStrv errors;
  GStrv codes; /* one per error, "" where the server gave none */
  GStrv warnings;
} Messages;

static void
messages_clear (Messages *m)
{
  g_clear_pointer (&m->errors, g_strfreev);
  g_clear_pointer (&m->codes, g_strfreev);
  g_clear_pointer (&m->warnings, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Messages, messages_clear)

/* The "errors" and "warnings" arrays of first, then of second (either may be NULL). */
static void
messages_collect (Messages *m, JsonObject *first, JsonObject *second)
{
  g_autoptr (GStrvBuilder) errors = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) warnings = g_strv_builder_new ();

  collect_messages (ferry_json_get_array (first, "errors"), errors, codes);
  collect_messages (ferry_json_get_array (first, "warnings"), warnings, NULL);
  collect_messages (ferry_json_get_array (second, "errors"), errors, codes);
  collect_messages (ferry_json_get_array (second, "warnings"), warnings, NULL);
  m->errors = g_strv_builder_end (errors);
  m->codes = g_strv_builder_end (codes);
  m->warnings = g_strv_builder_end (warnings);
}

FerryValidationResult *
ferry_hcx_json_to_validation_result (JsonNode *root)
{
  FerryValidationResult *result;
  JsonObject *o;
  JsonArray *items;
  g_auto (Messages) general = { NULL };
  g_autofree char *job_id = NULL;
  JsonObject *data;
  guint n;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  o = json_node_get_object (root);
  data = ferry_json_get_object (o, "data");
  items = ferry_json_get_array (o, "items");
  if (items == NULL && data != NULL)
    items = ferry_json_get_array (data, "items");
  if (items == NULL && ferry_json_get_array (o, "errors") == NULL
      && ferry_json_get_array (o, "warnings") == NULL)
    return NULL;

  result = ferry_validation_result_new ();
  messages_collect (&general, o, data);
  ferry_validation_result_set_errors (result, (const char *const *)general.errors);
  ferry_validation_result_set_error_codes (result, (const char *const *)general.codes);
  ferry_validation_result_set_warnings (result, (const char *const *)general.warnings);
  job_id = ferry_json_dup_id (o, "jobId");
  if (job_id == NULL && data != NULL)
    job_id = ferry_json_dup_id (data, "jobId");
  ferry_validation_result_set_job_id (result, job_id);

  n = items != NULL ? json_array_get_length (items) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *io = ferry_json_array_get_object (items, i);
      JsonObject *entity;
      g_autoptr (FerryValidationItem) item = NULL;
      g_auto (Messages) messages = { NULL };
      g_autofree char *entity_id = NULL;
      g_autofree char *migration_id = NULL;
      g_autofree char *group_id = NULL;

      if (io == NULL)
        continue;
      entity = ferry_json_get_object (io, "entity");
      entity_id = ferry_json_dup_id (io, "entityId");
      if (entity_id == NULL)
        entity_id = ferry_json_dup_id (entity, "entityId");
      migration_id = ferry_json_dup_id (io, "migrationId");
      group_id = ferry_json_dup_id (io, "migrationGroupId");
      messages_collect (&messages, io, NULL);

      item = ferry_validation_item_new ();
      ferry_validation_item_set_entity_id (item, entity_id);
      ferry_validation_item_set_entity_name (item, ferry_json_get_string (entity, "entityName"));
      ferry_validation_item_set_migration_id (item, migration_id);
      ferry_validation_item_set_migration_group_id (item, group_id);
      ferry_validation_item_set_errors (item, (const char *const *)messages.errors);
      ferry_validation_item_set_error_codes (item, (const char *const *)messages.codes);
      ferry_validation_item_set_warnings (item, (const char *const *)messages.warnings);
      ferry_validation_result_add_item (result, item);
      if (group_id != NULL && ferry_validation_result_get_migration_group_id (result) == NULL)
        ferry_validation_result_set_migration_group_id (result, group_id);
    }
  return result;
}

/* Request bodies ------------------------------------------------------------------------------ */

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_bool (JsonBuilder *b, const char *member, gboolean value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

static void
add_int (JsonBuilder *b, const char *member, gint64 value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static void
add_site (JsonBuilder *b, const char *member, FerryResourceContainer *rc)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  if (rc != NULL)
    {
      add_string (b, "endpointId", ferry_resource_container_get_endpoint_id (rc));
      add_string (b, "endpointType",
                  ferry_resource_container_get_endpoint_type (rc) != NULL
                      ? ferry_resource_container_get_endpoint_type (rc)
                      : "VC");
      add_string (b, "endpointName", ferry_resource_container_get_endpoint_name (rc));
      add_string (b, "resourceType",
                  ferry_resource_container_get_resource_type (rc) != NULL
                      ? ferry_resource_container_get_resource_type (rc)
                      : "VC");
      add_string (b, "resourceId", ferry_resource_container_get_resource_id (rc));
      add_string (b, "resourceName", ferry_resource_container_get_resource_name (rc));
    }
  json_builder_end_object (b);
}

static void
build_intent (JsonBuilder *b, FerryMigrationIntent *intent, const char *migration_group_id)
{
  FerryMigrationType type = ferry_migration_intent_get_migration_type (intent);
  const char *wire = ferry_migration_type_to_wire (type);
  gint64 start = ferry_migration_intent_get_switchover_start (intent);
  gint64 expiry = ferry_migration_intent_get_switchover_expiry (intent);
  const char *group = migration_group_id != NULL
                          ? migration_group_id
                          : ferry_migration_intent_get_migration_group_id (intent);
  guint n_placements = ferry_migration_intent_get_n_placements (intent);
  guint n_mappings = ferry_migration_intent_get_n_network_mappings (intent);
  const char *provision = ferry_migration_intent_get_disk_provision_type (intent);
  const char *ds_type = ferry_migration_intent_get_datastore_type (intent);

  json_builder_begin_object (b);
  add_string (b, "migrationType", wire);
  if (group != NULL)
    add_string (b, "migrationGroupId", group);

  json_builder_set_member_name (b, "entity");
  json_builder_begin_object (b);
  add_string (b, "entityId", ferry_migration_intent_get_entity_id (intent));
  add_string (b, "entityType", "VirtualMachine");
  add_string (b, "entityName", ferry_migration_intent_get_entity_name (intent));
  json_builder_end_object (b);

  add_site (b, "source", ferry_migration_intent_get_source (intent));
  add_site (b, "destination", ferry_migration_intent_get_destination (intent));

  json_builder_set_member_name (b, "transferParams");
  json_builder_begin_object (b);
  add_string (b, "transferType", ferry_migration_type_get_transfer_type (type));
  json_builder_set_member_name (b, "schedule");
  json_builder_begin_object (b);
  add_int (b, "startTime", 0);
  add_int (b, "expiryTime", 0);
  json_builder_end_object (b);
  add_bool (b, "longRecovery", ferry_migration_intent_get_long_recovery (intent));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "switchoverParams");
  json_builder_begin_object (b);
  add_string (b, "switchoverType", wire);
  json_builder_set_member_name (b, "schedule");
  json_builder_begin_object (b);
  add_int (b, "startTime", start);
  add_int (b, "expiryTime", expiry);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "options");
  json_builder_begin_object (b);
  add_bool (b, "retainMac", ferry_migration_intent_get_retain_mac (intent));
  add_bool (b, "forcePowerOffVm", ferry_migration_intent_get_force_power_off (intent));
  add_bool (b, "upgradeHardware", ferry_migration_intent_get_upgrade_hardware (intent));
  add_bool (b, "upgradeVMTools", ferry_migration_intent_get_upgrade_tools (intent));
  add_bool (b, "removeISOs", ferry_migration_intent_get_remove_isos (intent));
  add_bool (b, "removeSnapshots", ferry_migration_intent_get_remove_snapshots (intent));
  add_bool (b, "removeCbt", ferry_migration_intent_get_remove_cbt (intent));
  add_bool (b, "retainTags", ferry_migration_intent_get_retain_tags (intent));
  add_bool (b, "replicateSecurityTags",
            ferry_migration_intent_get_replicate_security_tags (intent));
  add_bool (b, "updateCustomAttributes",
            ferry_migration_intent_get_update_custom_attributes (intent));
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "placement");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_placements; i++)
    {
      const FerryPlacement *p = ferry_migration_intent_get_placement (intent, i);

      json_builder_begin_object (b);
      add_string (b, "type", p->type);
      add_string (b, "id", p->id);
      add_string (b, "name", p->name);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "storage");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "defaultStorage");
  json_builder_begin_object (b);
  add_string (b, "id", ferry_migration_intent_get_datastore_id (intent));
  add_string (b, "name", ferry_migration_intent_get_datastore_name (intent));
  add_string (b, "type", ds_type != NULL ? ds_type : "Datastore");
  add_string (b, "diskProvisionType", provision != NULL ? provision : "thin");
  if (ferry_migration_intent_get_storage_profile_id (intent) != NULL
      || ferry_migration_intent_get_storage_profile_name (intent) != NULL)
    {
      json_builder_set_member_name (b, "storageParams");
      json_builder_begin_object (b);
      add_string (b, "storageProfileId", ferry_migration_intent_get_storage_profile_id (intent));
      add_string (b, "storageProfileName",
                  ferry_migration_intent_get_storage_profile_name (intent));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "networkParams");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "networkMappings");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_mappings; i++)
    {
      const FerryNetworkMapping *m = ferry_migration_intent_get_network_mapping (intent, i);

      json_builder_begin_object (b);
      add_string (b, "srcNetworkId", m->src_network_id);
      add_string (b, "srcNetworkType", m->src_network_type);
      add_string (b, "srcNetworkName", m->src_network_name);
      add_string (b, "destNetworkId", m->dest_network_id);
      add_string (b, "destNetworkType", m->dest_network_type);
      add_string (b, "destNetworkName", m->dest_network_name);
      add_string (b, "macAddress", m->mac_address);
      add_bool (b, "isPrimaryNic", m->is_primary_nic);
      add_bool (b, "connected", m->connected);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_end_object (b);
}

JsonNode *
ferry_hcx_json_from_intent (FerryMigrationIntent *intent, const char *migration_group_id)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (intent), NULL);

  build_intent (b, intent, migration_group_id);
  return json_builder_get_root (b);
}

JsonNode *
ferry_hcx_json_from_intents (GListModel *intents, const char *migration_group_id)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (intents), NULL);

  n = g_list_model_get_n_items (intents);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);

      build_intent (b, intent, migration_group_id);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
