/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration.c: a tracked migration as reported by the query API */

#include "ferry-migration.h"

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
  GListStore *events;
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

static void
ferry_migration_finalize (GObject *object)
{
  FerryMigration *self = (FerryMigration *)object;

  g_clear_pointer (&self->migration_id, g_free);
  g_clear_pointer (&self->migration_group_id, g_free);
  g_clear_pointer (&self->migration_type, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->entity_name, g_free);
  g_clear_pointer (&self->source_endpoint_id, g_free);
  g_clear_pointer (&self->source_endpoint_name, g_free);
  g_clear_pointer (&self->source_resource_name, g_free);
  g_clear_pointer (&self->destination_endpoint_id, g_free);
  g_clear_pointer (&self->destination_endpoint_name, g_free);
  g_clear_pointer (&self->destination_resource_name, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_message, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (ferry_migration_parent_class)->finalize (object);
}

static void
ferry_migration_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryMigration *self = (FerryMigration *)object;

  switch (prop_id)
    {
      case PROP_MIGRATION_ID:
        g_value_set_string (value, self->migration_id);
        break;

      case PROP_MIGRATION_GROUP_ID:
        g_value_set_string (value, self->migration_group_id);
        break;

      case PROP_MIGRATION_TYPE:
        g_value_set_string (value, self->migration_type);
        break;

      case PROP_STATE:
        g_value_set_string (value, self->state);
        break;

      case PROP_USERNAME:
        g_value_set_string (value, self->username);
        break;

      case PROP_CREATION_DATE:
        g_value_set_int64 (value, self->creation_date);
        break;

      case PROP_LAST_UPDATED:
        g_value_set_int64 (value, self->last_updated);
        break;

      case PROP_ENTITY_ID:
        g_value_set_string (value, self->entity_id);
        break;

      case PROP_ENTITY_NAME:
        g_value_set_string (value, self->entity_name);
        break;

      case PROP_SOURCE_ENDPOINT_ID:
        g_value_set_string (value, self->source_endpoint_id);
        break;

      case PROP_SOURCE_ENDPOINT_NAME:
        g_value_set_string (value, self->source_endpoint_name);
        break;

      case PROP_SOURCE_RESOURCE_NAME:
        g_value_set_string (value, self->source_resource_name);
        break;

      case PROP_DESTINATION_ENDPOINT_ID:
        g_value_set_string (value, self->destination_endpoint_id);
        break;

      case PROP_DESTINATION_ENDPOINT_NAME:
        g_value_set_string (value, self->destination_endpoint_name);
        break;

      case PROP_DESTINATION_RESOURCE_NAME:
        g_value_set_string (value, self->destination_resource_name);
        break;

      case PROP_SWITCHOVER_START:
        g_value_set_int64 (value, self->switchover_start);
        break;

      case PROP_SWITCHOVER_EXPIRY:
        g_value_set_int64 (value, self->switchover_expiry);
        break;

      case PROP_START_TIME:
        g_value_set_int64 (value, self->start_time);
        break;

      case PROP_END_TIME:
        g_value_set_int64 (value, self->end_time);
        break;

      case PROP_MESSAGE:
        g_value_set_string (value, self->message);
        break;

      case PROP_STATUS:
        g_value_set_string (value, self->status);
        break;

      case PROP_STATUS_MESSAGE:
        g_value_set_string (value, self->status_message);
        break;

      case PROP_ERROR_MESSAGE:
        g_value_set_string (value, self->error_message);
        break;

      case PROP_IS_DONE:
        g_value_set_boolean (value, self->is_done);
        break;

      case PROP_DID_FAIL:
        g_value_set_boolean (value, self->did_fail);
        break;

      case PROP_IS_CANCELLED:
        g_value_set_boolean (value, self->is_cancelled);
        break;

      case PROP_IS_TRANSFER_PROGRESS:
        g_value_set_boolean (value, self->is_transfer_progress);
        break;

      case PROP_IS_SWITCHOVER_PROGRESS:
        g_value_set_boolean (value, self->is_switchover_progress);
        break;

      case PROP_IS_WAITING_FOR_MAINT_WINDOW:
        g_value_set_boolean (value, self->is_waiting_for_maint_window);
        break;

      case PROP_BYTES_TRANSFERRED:
        g_value_set_int64 (value, self->bytes_transferred);
        break;

      case PROP_TOTAL_BYTES:
        g_value_set_int64 (value, self->total_bytes);
        break;

      case PROP_PERCENT:
        g_value_set_double (value, self->percent);
        break;

      case PROP_FINISHED:
        g_value_set_boolean (value, self->finished);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  FerryMigration *self = (FerryMigration *)object;

  switch (prop_id)
    {
      case PROP_MIGRATION_ID:
        ferry_migration_set_migration_id (self, g_value_get_string (value));
        break;

      case PROP_MIGRATION_GROUP_ID:
        ferry_migration_set_migration_group_id (self, g_value_get_string (value));
        break;

      case PROP_MIGRATION_TYPE:
        ferry_migration_set_migration_type (self, g_value_get_string (value));
        break;

      case PROP_STATE:
        ferry_migration_set_state (self, g_value_get_string (value));
        break;

      case PROP_USERNAME:
        ferry_migration_set_username (self, g_value_get_string (value));
        break;

      case PROP_CREATION_DATE:
        ferry_migration_set_creation_date (self, g_value_get_int64 (value));
        break;

      case PROP_LAST_UPDATED:
        ferry_migration_set_last_updated (self, g_value_get_int64 (value));
        break;

      case PROP_ENTITY_ID:
        ferry_migration_set_entity_id (self, g_value_get_string (value));
        break;

      case PROP_ENTITY_NAME:
        ferry_migration_set_entity_name (self, g_value_get_string (value));
        break;

      case PROP_SOURCE_ENDPOINT_ID:
        ferry_migration_set_source_endpoint_id (self, g_value_get_string (value));
        break;

      case PROP_SOURCE_ENDPOINT_NAME:
        ferry_migration_set_source_endpoint_name (self, g_value_get_string (value));
        break;

      case PROP_SOURCE_RESOURCE_NAME:
        ferry_migration_set_source_resource_name (self, g_value_get_string (value));
        break;

      case PROP_DESTINATION_ENDPOINT_ID:
        ferry_migration_set_destination_endpoint_id (self, g_value_get_string (value));
        break;

      case PROP_DESTINATION_ENDPOINT_NAME:
        ferry_migration_set_destination_endpoint_name (self, g_value_get_string (value));
        break;

      case PROP_DESTINATION_RESOURCE_NAME:
        ferry_migration_set_destination_resource_name (self, g_value_get_string (value));
        break;

      case PROP_SWITCHOVER_START:
        ferry_migration_set_switchover_start (self, g_value_get_int64 (value));
        break;

      case PROP_SWITCHOVER_EXPIRY:
        ferry_migration_set_switchover_expiry (self, g_value_get_int64 (value));
        break;

      case PROP_START_TIME:
        ferry_migration_set_start_time (self, g_value_get_int64 (value));
        break;

      case PROP_END_TIME:
        ferry_migration_set_end_time (self, g_value_get_int64 (value));
        break;

      case PROP_MESSAGE:
        ferry_migration_set_message (self, g_value_get_string (value));
        break;

      case PROP_STATUS:
        ferry_migration_set_status (self, g_value_get_string (value));
        break;

      case PROP_STATUS_MESSAGE:
        ferry_migration_set_status_message (self, g_value_get_string (value));
        break;

      case PROP_ERROR_MESSAGE:
        ferry_migration_set_error_message (self, g_value_get_string (value));
        break;

      case PROP_IS_DONE:
        ferry_migration_set_is_done (self, g_value_get_boolean (value));
        break;

      case PROP_DID_FAIL:
        ferry_migration_set_did_fail (self, g_value_get_boolean (value));
        break;

      case PROP_IS_CANCELLED:
        ferry_migration_set_is_cancelled (self, g_value_get_boolean (value));
        break;

      case PROP_IS_TRANSFER_PROGRESS:
        ferry_migration_set_is_transfer_progress (self, g_value_get_boolean (value));
        break;

      case PROP_IS_SWITCHOVER_PROGRESS:
        ferry_migration_set_is_switchover_progress (self, g_value_get_boolean (value));
        break;

      case PROP_IS_WAITING_FOR_MAINT_WINDOW:
        ferry_migration_set_is_waiting_for_maint_window (self, g_value_get_boolean (value));
        break;

      case PROP_BYTES_TRANSFERRED:
        ferry_migration_set_bytes_transferred (self, g_value_get_int64 (value));
        break;

      case PROP_TOTAL_BYTES:
        ferry_migration_set_total_bytes (self, g_value_get_int64 (value));
        break;

      case PROP_PERCENT:
        ferry_migration_set_percent (self, g_value_get_double (value));
        break;

      case PROP_FINISHED:
        ferry_migration_set_finished (self, g_value_get_boolean (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_class_init (FerryMigrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_migration_finalize;
  object_class->get_property = ferry_migration_get_property;
  object_class->set_property = ferry_migration_set_property;

  properties[PROP_MIGRATION_ID]
      = g_param_spec_string ("migration-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIGRATION_GROUP_ID]
      = g_param_spec_string ("migration-group-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIGRATION_TYPE]
      = g_param_spec_string ("migration-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE]
      = g_param_spec_string ("state", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME]
      = g_param_spec_string ("username", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATION_DATE]
      = g_param_spec_int64 ("creation-date", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_UPDATED]
      = g_param_spec_int64 ("last-updated", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_ID]
      = g_param_spec_string ("entity-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_NAME]
      = g_param_spec_string ("entity-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_ENDPOINT_ID]
      = g_param_spec_string ("source-endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_ENDPOINT_NAME]
      = g_param_spec_string ("source-endpoint-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_RESOURCE_NAME]
      = g_param_spec_string ("source-resource-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION_ENDPOINT_ID]
      = g_param_spec_string ("destination-endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION_ENDPOINT_NAME]
      = g_param_spec_string ("destination-endpoint-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION_RESOURCE_NAME]
      = g_param_spec_string ("destination-resource-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SWITCHOVER_START]
      = g_param_spec_int64 ("switchover-start", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SWITCHOVER_EXPIRY]
      = g_param_spec_int64 ("switchover-expiry", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_TIME]
      = g_param_spec_int64 ("start-time", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_TIME]
      = g_param_spec_int64 ("end-time", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE]
      = g_param_spec_string ("message", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS]
      = g_param_spec_string ("status", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_MESSAGE]
      = g_param_spec_string ("status-message", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE]
      = g_param_spec_string ("error-message", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_DONE]
      = g_param_spec_boolean ("is-done", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DID_FAIL]
      = g_param_spec_boolean ("did-fail", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_CANCELLED]
      = g_param_spec_boolean ("is-cancelled", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_TRANSFER_PROGRESS]
      = g_param_spec_boolean ("is-transfer-progress", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_SWITCHOVER_PROGRESS]
      = g_param_spec_boolean ("is-switchover-progress", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_WAITING_FOR_MAINT_WINDOW]
      = g_param_spec_boolean ("is-waiting-for-maint-window", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_TRANSFERRED]
      = g_param_spec_int64 ("bytes-transferred", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL_BYTES]
      = g_param_spec_int64 ("total-bytes", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERCENT]
      = g_param_spec_double ("percent", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED]
      = g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_migration_init (FerryMigration *self)
{
  self->creation_date = -1;
  self->last_updated = -1;
  self->switchover_start = -1;
  self->switchover_expiry = -1;
  self->start_time = -1;
  self->end_time = -1;
  self->bytes_transferred = -1;
  self->total_bytes = -1;
  self->percent = -1.0;
  self->events = g_list_store_new (FERRY_TYPE_MIGRATION_EVENT);
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

  if (g_strcmp0 (self->migration_id, migration_id) == 0)
    return;
  g_free (self->migration_id);
  self->migration_id = g_strdup (migration_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_ID]);
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

  if (g_strcmp0 (self->migration_group_id, migration_group_id) == 0)
    return;
  g_free (self->migration_group_id);
  self->migration_group_id = g_strdup (migration_group_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_GROUP_ID]);
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

  if (g_strcmp0 (self->migration_type, migration_type) == 0)
    return;
  g_free (self->migration_type);
  self->migration_type = g_strdup (migration_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_TYPE]);
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

  if (g_strcmp0 (self->state, state) == 0)
    return;
  g_free (self->state);
  self->state = g_strdup (state);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
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

  if (g_strcmp0 (self->username, username) == 0)
    return;
  g_free (self->username);
  self->username = g_strdup (username);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
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

  if (self->creation_date == creation_date)
    return;
  self->creation_date = creation_date;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATION_DATE]);
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

  if (self->last_updated == last_updated)
    return;
  self->last_updated = last_updated;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATED]);
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

  if (g_strcmp0 (self->entity_id, entity_id) == 0)
    return;
  g_free (self->entity_id);
  self->entity_id = g_strdup (entity_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_ID]);
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

  if (g_strcmp0 (self->entity_name, entity_name) == 0)
    return;
  g_free (self->entity_name);
  self->entity_name = g_strdup (entity_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_NAME]);
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

  if (g_strcmp0 (self->source_endpoint_id, source_endpoint_id) == 0)
    return;
  g_free (self->source_endpoint_id);
  self->source_endpoint_id = g_strdup (source_endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ENDPOINT_ID]);
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

  if (g_strcmp0 (self->source_endpoint_name, source_endpoint_name) == 0)
    return;
  g_free (self->source_endpoint_name);
  self->source_endpoint_name = g_strdup (source_endpoint_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ENDPOINT_NAME]);
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

  if (g_strcmp0 (self->source_resource_name, source_resource_name) == 0)
    return;
  g_free (self->source_resource_name);
  self->source_resource_name = g_strdup (source_resource_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_RESOURCE_NAME]);
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

  if (g_strcmp0 (self->destination_endpoint_id, destination_endpoint_id) == 0)
    return;
  g_free (self->destination_endpoint_id);
  self->destination_endpoint_id = g_strdup (destination_endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION_ENDPOINT_ID]);
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

  if (g_strcmp0 (self->destination_endpoint_name, destination_endpoint_name) == 0)
    return;
  g_free (self->destination_endpoint_name);
  self->destination_endpoint_name = g_strdup (destination_endpoint_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION_ENDPOINT_NAME]);
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

  if (g_strcmp0 (self->destination_resource_name, destination_resource_name) == 0)
    return;
  g_free (self->destination_resource_name);
  self->destination_resource_name = g_strdup (destination_resource_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION_RESOURCE_NAME]);
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

  if (self->switchover_start == switchover_start)
    return;
  self->switchover_start = switchover_start;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCHOVER_START]);
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

  if (self->switchover_expiry == switchover_expiry)
    return;
  self->switchover_expiry = switchover_expiry;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCHOVER_EXPIRY]);
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

  if (self->start_time == start_time)
    return;
  self->start_time = start_time;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
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

  if (self->end_time == end_time)
    return;
  self->end_time = end_time;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
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

  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
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

  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
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

  if (g_strcmp0 (self->status_message, status_message) == 0)
    return;
  g_free (self->status_message);
  self->status_message = g_strdup (status_message);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_MESSAGE]);
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

  if (g_strcmp0 (self->error_message, error_message) == 0)
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (error_message);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
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

  is_done = !!is_done;
  if (self->is_done == is_done)
    return;
  self->is_done = is_done;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DONE]);
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

  did_fail = !!did_fail;
  if (self->did_fail == did_fail)
    return;
  self->did_fail = did_fail;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DID_FAIL]);
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

  is_cancelled = !!is_cancelled;
  if (self->is_cancelled == is_cancelled)
    return;
  self->is_cancelled = is_cancelled;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CANCELLED]);
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

  is_transfer_progress = !!is_transfer_progress;
  if (self->is_transfer_progress == is_transfer_progress)
    return;
  self->is_transfer_progress = is_transfer_progress;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_TRANSFER_PROGRESS]);
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

  is_switchover_progress = !!is_switchover_progress;
  if (self->is_switchover_progress == is_switchover_progress)
    return;
  self->is_switchover_progress = is_switchover_progress;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SWITCHOVER_PROGRESS]);
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

  is_waiting_for_maint_window = !!is_waiting_for_maint_window;
  if (self->is_waiting_for_maint_window == is_waiting_for_maint_window)
    return;
  self->is_waiting_for_maint_window = is_waiting_for_maint_window;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_WAITING_FOR_MAINT_WINDOW]);
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

  if (self->bytes_transferred == bytes_transferred)
    return;
  self->bytes_transferred = bytes_transferred;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_TRANSFERRED]);
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

  if (self->total_bytes == total_bytes)
    return;
  self->total_bytes = total_bytes;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_BYTES]);
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

  if (self->percent == percent)
    return;
  self->percent = percent;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
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

  finished = !!finished;
  if (self->finished == finished)
    return;
  self->finished = finished;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
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

  return G_LIST_MODEL (self->events);
}

void
ferry_migration_add_event (FerryMigration *self, FerryMigrationEvent *event)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (event));

  g_list_store_append (self->events, event);
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
events_equal (GListModel *a, GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationEvent) ea = g_list_model_get_item (a, i);
      g_autoptr (FerryMigrationEvent) eb = g_list_model_get_item (b, i);

      if (g_strcmp0 (ferry_migration_event_get_status (ea), ferry_migration_event_get_status (eb))
              != 0
          || g_strcmp0 (ferry_migration_event_get_message (ea),
                        ferry_migration_event_get_message (eb))
                 != 0
          || ferry_migration_event_get_last_updated (ea)
                 != ferry_migration_event_get_last_updated (eb)
          || ferry_migration_event_get_bytes_transferred (ea)
                 != ferry_migration_event_get_bytes_transferred (eb))
        return FALSE;
    }
  return TRUE;
}

void
ferry_migration_update_from (FerryMigration *self, FerryMigration *other)
{
  g_return_if_fail (FERRY_IS_MIGRATION (self));
  g_return_if_fail (FERRY_IS_MIGRATION (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    {
      g_auto (GValue) a = G_VALUE_INIT;
      g_auto (GValue) b = G_VALUE_INIT;

      g_value_init (&a, properties[i]->value_type);
      g_value_init (&b, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &a);
      g_object_get_property (G_OBJECT (other), properties[i]->name, &b);
      if (g_param_values_cmp (properties[i], &a, &b) != 0)
        g_object_set_property (G_OBJECT (self), properties[i]->name, &b);
    }
  if (!events_equal (G_LIST_MODEL (self->events), G_LIST_MODEL (other->events)))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (other->events));
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (other->events), i));
      g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                           items->pdata, items->len);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
