/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration.c: a tracked migration as reported by the query API */

#include "ferry-migration.h"
#include "ferry-model-fields-private.h"

struct _FerryMigration
{
  GObject parent_instance;

  char *migration_id;
  char *migration_group_id;
  char *migration_type;
  char *state;
  char *username;
  gint64 creation_date;
  gint64 last_updated;
  char *entity_id;
  char *entity_name;
  char *source_endpoint_id;
  char *source_endpoint_name;
  char *source_resource_name;
  char *destination_endpoint_id;
  char *destination_endpoint_name;
  char *destination_resource_name;
  gint64 switchover_start;
  gint64 switchover_expiry;
  gint64 start_time;
  gint64 end_time;
  char *message;
  char *status;
  char *status_message;
  char *error_message;
  gboolean is_done;
  gboolean did_fail;
  gboolean is_cancelled;
  gboolean is_transfer_progress;
  gboolean is_switchover_progress;
  gboolean is_waiting_for_maint_window;
  gint64 bytes_transferred;
  gint64 total_bytes;
  double percent;
  gboolean finished;
  GListStore *events; /* created when first needed: most objects a poll reads are dropped */
  guint64 log_digest;
  gboolean log_omitted;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryMigration, ferry_migration, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_MIGRATION_ID,
  PROP_MIGRATION_GROUP_ID,
  PROP_MIGRATION_TYPE,
  PROP_STATE,
  PROP_USERNAME,
  PROP_CREATION_DATE,
  PROP_LAST_UPDATED,
  PROP_ENTITY_ID,
  PROP_ENTITY_NAME,
  PROP_SOURCE_ENDPOINT_ID,
  PROP_SOURCE_ENDPOINT_NAME,
  PROP_SOURCE_RESOURCE_NAME,
  PROP_DESTINATION_ENDPOINT_ID,
  PROP_DESTINATION_ENDPOINT_NAME,
  PROP_DESTINATION_RESOURCE_NAME,
  PROP_SWITCHOVER_START,
  PROP_SWITCHOVER_EXPIRY,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_MESSAGE,
  PROP_STATUS,
  PROP_STATUS_MESSAGE,
  PROP_ERROR_MESSAGE,
  PROP_IS_DONE,
  PROP_DID_FAIL,
  PROP_IS_CANCELLED,
  PROP_IS_TRANSFER_PROGRESS,
  PROP_IS_SWITCHOVER_PROGRESS,
  PROP_IS_WAITING_FOR_MAINT_WINDOW,
  PROP_BYTES_TRANSFERRED,
  PROP_TOTAL_BYTES,
  PROP_PERCENT,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One row per property: name, kind, field, default (int64 and double: also the minimum). */
#define FIELD(kind, member, dflt)                                                                  \
  FERRY_FIELD_##kind, FERRY_FIELD_OFFSET (FerryMigration, member), dflt

static const FerryField fields[N_PROPS] = {
  [PROP_MIGRATION_ID] = { "migration-id", FIELD (STRING, migration_id, 0) },
  [PROP_MIGRATION_GROUP_ID] = { "migration-group-id", FIELD (STRING, migration_group_id, 0) },
  [PROP_MIGRATION_TYPE] = { "migration-type", FIELD (STRING, migration_type, 0) },
  [PROP_STATE] = { "state", FIELD (STRING, state, 0) },
  [PROP_USERNAME] = { "username", FIELD (STRING, username, 0) },
  [PROP_CREATION_DATE] = { "creation-date", FIELD (INT64, creation_date, -1) },
  [PROP_LAST_UPDATED] = { "last-updated", FIELD (INT64, last_updated, -1) },
  [PROP_ENTITY_ID] = { "entity-id", FIELD (STRING, entity_id, 0) },
  [PROP_ENTITY_NAME] = { "entity-name", FIELD (STRING, entity_name, 0) },
  [PROP_SOURCE_ENDPOINT_ID] = { "source-endpoint-id", FIELD (STRING, source_endpoint_id, 0) },
  [PROP_SOURCE_ENDPOINT_NAME] = { "source-endpoint-name", FIELD (STRING, source_endpoint_name, 0) },
  [PROP_SOURCE_RESOURCE_NAME] = { "source-resource-name", FIELD (STRING, source_resource_name, 0) },
  [PROP_DESTINATION_ENDPOINT_ID]
  = { "destination-endpoint-id", FIELD (STRING, destination_endpoint_id, 0) },
  [PROP_DESTINATION_ENDPOINT_NAME]
  = { "destination-endpoint-name", FIELD (STRING, destination_endpoint_name, 0) },
  [PROP_DESTINATION_RESOURCE_NAME]
  = { "destination-resource-name", FIELD (STRING, destination_resource_name, 0) },
  [PROP_SWITCHOVER_START] = { "switchover-start", FIELD (INT64, switchover_start, -1) },
  [PROP_SWITCHOVER_EXPIRY] = { "switchover-expiry", FIELD (INT64, switchover_expiry, -1) },
  [PROP_START_TIME] = { "start-time", FIELD (INT64, start_time, -1) },
  [PROP_END_TIME] = { "end-time", FIELD (INT64, end_time, -1) },
  [PROP_MESSAGE] = { "message", FIELD (STRING, message, 0) },
  [PROP_STATUS] = { "status", FIELD (STRING, status, 0) },
  [PROP_STATUS_MESSAGE] = { "status-message", FIELD (STRING, status_message, 0) },
  [PROP_ERROR_MESSAGE] = { "error-message", FIELD (STRING, error_message, 0) },
  [PROP_IS_DONE] = { "is-done", FIELD (BOOLEAN, is_done, FALSE) },
  [PROP_DID_FAIL] = { "did-fail", FIELD (BOOLEAN, did_fail, FALSE) },
  [PROP_IS_CANCELLED] = { "is-cancelled", FIELD (BOOLEAN, is_cancelled, FALSE) },
  [PROP_IS_TRANSFER_PROGRESS]
  = { "is-transfer-progress", FIELD (BOOLEAN, is_transfer_progress, FALSE) },
  [PROP_IS_SWITCHOVER_PROGRESS]
  = { "is-switchover-progress", FIELD (BOOLEAN, is_switchover_progress, FALSE) },
  [PROP_IS_WAITING_FOR_MAINT_WINDOW]
  = { "is-waiting-for-maint-window", FIELD (BOOLEAN, is_waiting_for_maint_window, FALSE) },
  [PROP_BYTES_TRANSFERRED] = { "bytes-transferred", FIELD (INT64, bytes_transferred, -1) },
  [PROP_TOTAL_BYTES] = { "total-bytes", FIELD (INT64, total_bytes, -1) },
  [PROP_PERCENT] = { "percent", FIELD (DOUBLE, percent, -1) },
  [PROP_FINISHED] = { "finished", FIELD (BOOLEAN, finished, FALSE) },
};

#undef FIELD

static const FerryFieldTable table = {
  fields,
  properties,
  N_PROPS,
  FERRY_FIELD_OFFSET (FerryMigration, quiet),
};

static void
ferry_migration_finalize (GObject *object)
{
  FerryMigration *self = (FerryMigration *)object;

  ferry_fields_finalize (self, &table);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (ferry_migration_parent_class)->finalize (object);
}

static void
ferry_migration_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ferry_fields_get_property (object, &table, prop_id, value, pspec);
}

static void
ferry_migration_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  ferry_fields_set_property (object, &table, prop_id, value, pspec);
}

static void
ferry_migration_class_init (FerryMigrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_migration_finalize;
  object_class->get_property = ferry_migration_get_property;
  object_class->set_property = ferry_migration_set_property;

  ferry_fields_install (object_class, &table);
}

static void
ferry_migration_init (FerryMigration *self)
{
  ferry_fields_init (self, &table);
}

FerryMigration *
ferry_migration_new (void)
{
  return g_object_new (FERRY_TYPE_MIGRATION, NULL);
}

const char *
ferry_migration_get_migration_id (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->migration_id;
}

void
ferry_migration_set_migration_id (FerryMigration *self, const char *migration_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_MIGRATION_ID, migration_id);
}

const char *
ferry_migration_get_migration_group_id (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->migration_group_id;
}

void
ferry_migration_set_migration_group_id (FerryMigration *self, const char *migration_group_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_MIGRATION_GROUP_ID, migration_group_id);
}

const char *
ferry_migration_get_migration_type (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->migration_type;
}

void
ferry_migration_set_migration_type (FerryMigration *self, const char *migration_type)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_MIGRATION_TYPE, migration_type);
}

const char *
ferry_migration_get_state (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->state;
}

void
ferry_migration_set_state (FerryMigration *self, const char *state)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_STATE, state);
}

const char *
ferry_migration_get_username (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->username;
}

void
ferry_migration_set_username (FerryMigration *self, const char *username)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_USERNAME, username);
}

gint64
ferry_migration_get_creation_date (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->creation_date;
}

void
ferry_migration_set_creation_date (FerryMigration *self, gint64 creation_date)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_CREATION_DATE, creation_date);
}

gint64
ferry_migration_get_last_updated (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->last_updated;
}

void
ferry_migration_set_last_updated (FerryMigration *self, gint64 last_updated)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_LAST_UPDATED, last_updated);
}

const char *
ferry_migration_get_entity_id (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->entity_id;
}

void
ferry_migration_set_entity_id (FerryMigration *self, const char *entity_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_ENTITY_ID, entity_id);
}

const char *
ferry_migration_get_entity_name (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->entity_name;
}

void
ferry_migration_set_entity_name (FerryMigration *self, const char *entity_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_ENTITY_NAME, entity_name);
}

const char *
ferry_migration_get_source_endpoint_id (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->source_endpoint_id;
}

void
ferry_migration_set_source_endpoint_id (FerryMigration *self, const char *source_endpoint_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_SOURCE_ENDPOINT_ID, source_endpoint_id);
}

const char *
ferry_migration_get_source_endpoint_name (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->source_endpoint_name;
}

void
ferry_migration_set_source_endpoint_name (FerryMigration *self, const char *source_endpoint_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_SOURCE_ENDPOINT_NAME, source_endpoint_name);
}

const char *
ferry_migration_get_source_resource_name (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->source_resource_name;
}

void
ferry_migration_set_source_resource_name (FerryMigration *self, const char *source_resource_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_SOURCE_RESOURCE_NAME, source_resource_name);
}

const char *
ferry_migration_get_destination_endpoint_id (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->destination_endpoint_id;
}

void
ferry_migration_set_destination_endpoint_id (FerryMigration *self,
                                             const char *destination_endpoint_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_DESTINATION_ENDPOINT_ID, destination_endpoint_id);
}

const char *
ferry_migration_get_destination_endpoint_name (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->destination_endpoint_name;
}

void
ferry_migration_set_destination_endpoint_name (FerryMigration *self,
                                               const char *destination_endpoint_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_DESTINATION_ENDPOINT_NAME, destination_endpoint_name);
}

const char *
ferry_migration_get_destination_resource_name (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->destination_resource_name;
}

void
ferry_migration_set_destination_resource_name (FerryMigration *self,
                                               const char *destination_resource_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_DESTINATION_RESOURCE_NAME, destination_resource_name);
}

gint64
ferry_migration_get_switchover_start (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->switchover_start;
}

void
ferry_migration_set_switchover_start (FerryMigration *self, gint64 switchover_start)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_SWITCHOVER_START, switchover_start);
}

gint64
ferry_migration_get_switchover_expiry (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->switchover_expiry;
}

void
ferry_migration_set_switchover_expiry (FerryMigration *self, gint64 switchover_expiry)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_SWITCHOVER_EXPIRY, switchover_expiry);
}

gint64
ferry_migration_get_start_time (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->start_time;
}

void
ferry_migration_set_start_time (FerryMigration *self, gint64 start_time)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_START_TIME, start_time);
}

gint64
ferry_migration_get_end_time (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->end_time;
}

void
ferry_migration_set_end_time (FerryMigration *self, gint64 end_time)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_END_TIME, end_time);
}

const char *
ferry_migration_get_message (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->message;
}

void
ferry_migration_set_message (FerryMigration *self, const char *message)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_MESSAGE, message);
}

const char *
ferry_migration_get_status (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->status;
}

void
ferry_migration_set_status (FerryMigration *self, const char *status)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_STATUS, status);
}

const char *
ferry_migration_get_status_message (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->status_message;
}

void
ferry_migration_set_status_message (FerryMigration *self, const char *status_message)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_STATUS_MESSAGE, status_message);
}

const char *
ferry_migration_get_error_message (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);
  return self->error_message;
}

void
ferry_migration_set_error_message (FerryMigration *self, const char *error_message)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_string (self, &table, PROP_ERROR_MESSAGE, error_message);
}

gboolean
ferry_migration_get_is_done (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);
  return self->is_done;
}

void
ferry_migration_set_is_done (FerryMigration *self, gboolean is_done)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_boolean (self, &table, PROP_IS_DONE, is_done);
}

gboolean
ferry_migration_get_did_fail (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);
  return self->did_fail;
}

void
ferry_migration_set_did_fail (FerryMigration *self, gboolean did_fail)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_boolean (self, &table, PROP_DID_FAIL, did_fail);
}

gboolean
ferry_migration_get_is_cancelled (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);
  return self->is_cancelled;
}

void
ferry_migration_set_is_cancelled (FerryMigration *self, gboolean is_cancelled)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_boolean (self, &table, PROP_IS_CANCELLED, is_cancelled);
}

gboolean
ferry_migration_get_is_transfer_progress (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);
  return self->is_transfer_progress;
}

void
ferry_migration_set_is_transfer_progress (FerryMigration *self, gboolean is_transfer_progress)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_boolean (self, &table, PROP_IS_TRANSFER_PROGRESS, is_transfer_progress);
}

gboolean
ferry_migration_get_is_switchover_progress (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);
  return self->is_switchover_progress;
}

void
ferry_migration_set_is_switchover_progress (FerryMigration *self, gboolean is_switchover_progress)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_boolean (self, &table, PROP_IS_SWITCHOVER_PROGRESS, is_switchover_progress);
}

gboolean
ferry_migration_get_is_waiting_for_maint_window (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);
  return self->is_waiting_for_maint_window;
}

void
ferry_migration_set_is_waiting_for_maint_window (FerryMigration *self,
                                                 gboolean is_waiting_for_maint_window)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_boolean (self, &table, PROP_IS_WAITING_FOR_MAINT_WINDOW,
                            is_waiting_for_maint_window);
}

gint64
ferry_migration_get_bytes_transferred (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->bytes_transferred;
}

void
ferry_migration_set_bytes_transferred (FerryMigration *self, gint64 bytes_transferred)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_BYTES_TRANSFERRED, bytes_transferred);
}

gint64
ferry_migration_get_total_bytes (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1);
  return self->total_bytes;
}

void
ferry_migration_set_total_bytes (FerryMigration *self, gint64 total_bytes)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_int64 (self, &table, PROP_TOTAL_BYTES, total_bytes);
}

double
ferry_migration_get_percent (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), -1.0);
  return self->percent;
}

void
ferry_migration_set_percent (FerryMigration *self, double percent)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_double (self, &table, PROP_PERCENT, percent);
}

gboolean
ferry_migration_get_finished (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);
  return self->finished;
}

void
ferry_migration_set_finished (FerryMigration *self, gboolean finished)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  ferry_fields_set_boolean (self, &table, PROP_FINISHED, finished);
}

void
_ferry_migration_set_quiet (FerryMigration *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));

  self->quiet = !!quiet;
}

GListModel *
ferry_migration_get_events (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), NULL);

  if (self->events == NULL)
    self->events = g_list_store_new (FERRY_TYPE_MIGRATION_EVENT);
  return G_LIST_MODEL (self->events);
}

void
ferry_migration_add_event (FerryMigration *self, FerryMigrationEvent *event)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (event));

  g_list_store_append (G_LIST_STORE (ferry_migration_get_events (self)), event);
}

guint64
ferry_migration_get_log_digest (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), 0);

  return self->log_digest;
}

void
ferry_migration_set_log_digest (FerryMigration *self, guint64 digest)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));

  self->log_digest = digest;
}

gboolean
ferry_migration_get_log_omitted (FerryMigration *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION (self), FALSE);

  return self->log_omitted;
}

void
ferry_migration_set_log_omitted (FerryMigration *self, gboolean omitted)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));

  self->log_omitted = omitted;
}

GHashTable *
ferry_migration_log_digests_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
ferry_migration_log_digests_add (GHashTable *digests, FerryMigration *migration)
{
  g_return_if_fail (digests != NULL);
  g_return_if_fail (FERRY_IS_MIGRATION (migration));

  if (migration->migration_id != NULL && migration->log_digest != 0)
    g_hash_table_insert (digests, g_strdup (migration->migration_id),
                         g_memdup2 (&migration->log_digest, sizeof migration->log_digest));
}

gboolean
ferry_migration_state_is_terminal (const char *state)
{
  static const char *const terminal[] = {
    "MIGRATION_COMPLETE", "MIGRATION_FAILED", "MIGRATION_CANCELLED", "TRANSFER_FAILED", NULL,
  };

  return state != NULL && g_strv_contains (terminal, state);
}

gboolean
ferry_migration_compute_finished (const char *state, gboolean is_done, gboolean did_fail,
                                  gboolean is_cancelled)
{
  return ferry_migration_state_is_terminal (state) || is_done || did_fail || is_cancelled;
}

void
ferry_migration_update_finished (FerryMigration *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));

  ferry_migration_set_finished (self, ferry_migration_compute_finished (self->state, self->is_done,
                                                                        self->did_fail,
                                                                        self->is_cancelled));
}

static gboolean
event_equal (GListModel *a, guint i, GListModel *b, guint j)
{
  g_autoptr (FerryMigrationEvent) ea = g_list_model_get_item (a, i);
  g_autoptr (FerryMigrationEvent) eb = g_list_model_get_item (b, j);

  return g_strcmp0 (ferry_migration_event_get_status (ea), ferry_migration_event_get_status (eb))
             == 0
         && g_strcmp0 (ferry_migration_event_get_message (ea),
                       ferry_migration_event_get_message (eb))
                == 0
         && g_strcmp0 (ferry_migration_event_get_error_message (ea),
                       ferry_migration_event_get_error_message (eb))
                == 0
         && ferry_migration_event_get_last_updated (ea)
                == ferry_migration_event_get_last_updated (eb)
         && ferry_migration_event_get_bytes_transferred (ea)
                == ferry_migration_event_get_bytes_transferred (eb)
         && ferry_migration_event_get_total_bytes (ea)
                == ferry_migration_event_get_total_bytes (eb);
}

/* The log grows at one end (HCX appends; a server that lists the newest first prepends):
 * the entries both logs share at the start and at the end stay, the same objects, and only
 * what differs in between is replaced, so a bound timeline adds a row or two, not all. */
static void
update_events (GListStore *mine, GListModel *theirs)
{
  GListModel *old = G_LIST_MODEL (mine);
  guint n_old = g_list_model_get_n_items (old);
  guint n_new = g_list_model_get_n_items (theirs);
  guint prefix = 0;
  guint suffix = 0;
  g_autoptr (GPtrArray) items = NULL;

  while (prefix < n_old && prefix < n_new && event_equal (old, prefix, theirs, prefix))
    prefix++;
  if (prefix == n_old && prefix == n_new)
    return;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && event_equal (old, n_old - 1 - suffix, theirs, n_new - 1 - suffix))
    suffix++;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (items, g_list_model_get_item (theirs, i));
  g_list_store_splice (mine, prefix, n_old - prefix - suffix, items->pdata, items->len);
}

void
ferry_migration_update_from (FerryMigration *self, FerryMigration *other)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  g_return_if_fail (FERRY_IS_MIGRATION (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  ferry_fields_update_from (self, other, &table);
  if (!other->log_omitted)
    {
      update_events (G_LIST_STORE (ferry_migration_get_events (self)),
                     ferry_migration_get_events (other));
      self->log_digest = other->log_digest;
    }
  g_object_thaw_notify (G_OBJECT (self));
}
