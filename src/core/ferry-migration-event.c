/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-event.c: one entry of a tracked migration's event log */

#include "ferry-migration-event.h"

struct _FerryMigrationEvent
{
  GObject parent_instance;

  char *status;
  char *message;
  char *error_message;
  gint64 last_updated;
  gint64 bytes_transferred;
  gint64 total_bytes;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryMigrationEvent, ferry_migration_event, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_MESSAGE,
  PROP_ERROR_MESSAGE,
  PROP_LAST_UPDATED,
  PROP_BYTES_TRANSFERRED,
  PROP_TOTAL_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_migration_event_finalize (GObject *object)
{
  FerryMigrationEvent *self = (FerryMigrationEvent *)object;

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (ferry_migration_event_parent_class)->finalize (object);
}

static void
ferry_migration_event_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  FerryMigrationEvent *self = (FerryMigrationEvent *)object;

  switch (prop_id)
    {
      case PROP_STATUS:
        g_value_set_string (value, self->status);
        break;

      case PROP_MESSAGE:
        g_value_set_string (value, self->message);
        break;

      case PROP_ERROR_MESSAGE:
        g_value_set_string (value, self->error_message);
        break;

      case PROP_LAST_UPDATED:
        g_value_set_int64 (value, self->last_updated);
        break;

      case PROP_BYTES_TRANSFERRED:
        g_value_set_int64 (value, self->bytes_transferred);
        break;

      case PROP_TOTAL_BYTES:
        g_value_set_int64 (value, self->total_bytes);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_event_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  FerryMigrationEvent *self = (FerryMigrationEvent *)object;

  switch (prop_id)
    {
      case PROP_STATUS:
        ferry_migration_event_set_status (self, g_value_get_string (value));
        break;

      case PROP_MESSAGE:
        ferry_migration_event_set_message (self, g_value_get_string (value));
        break;

      case PROP_ERROR_MESSAGE:
        ferry_migration_event_set_error_message (self, g_value_get_string (value));
        break;

      case PROP_LAST_UPDATED:
        ferry_migration_event_set_last_updated (self, g_value_get_int64 (value));
        break;

      case PROP_BYTES_TRANSFERRED:
        ferry_migration_event_set_bytes_transferred (self, g_value_get_int64 (value));
        break;

      case PROP_TOTAL_BYTES:
        ferry_migration_event_set_total_bytes (self, g_value_get_int64 (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_event_class_init (FerryMigrationEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_migration_event_finalize;
  object_class->get_property = ferry_migration_event_get_property;
  object_class->set_property = ferry_migration_event_set_property;

  properties[PROP_STATUS]
      = g_param_spec_string ("status", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE]
      = g_param_spec_string ("message", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE]
      = g_param_spec_string ("error-message", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_UPDATED]
      = g_param_spec_int64 ("last-updated", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_TRANSFERRED]
      = g_param_spec_int64 ("bytes-transferred", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL_BYTES]
      = g_param_spec_int64 ("total-bytes", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_migration_event_init (FerryMigrationEvent *self)
{
  self->last_updated = -1;
  self->bytes_transferred = -1;
  self->total_bytes = -1;
}

FerryMigrationEvent *
ferry_migration_event_new (void)
{
  return g_object_new (FERRY_TYPE_MIGRATION_EVENT, NULL);
}

const char *
ferry_migration_event_get_status (FerryMigrationEvent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_EVENT (self), NULL);

  return self->status;
}

void
ferry_migration_event_set_status (FerryMigrationEvent *self, const char *status)
{
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
ferry_migration_event_get_message (FerryMigrationEvent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_EVENT (self), NULL);

  return self->message;
}

void
ferry_migration_event_set_message (FerryMigrationEvent *self, const char *message)
{
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
ferry_migration_event_get_error_message (FerryMigrationEvent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_EVENT (self), NULL);

  return self->error_message;
}

void
ferry_migration_event_set_error_message (FerryMigrationEvent *self, const char *error_message)
{
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (self));

  if (g_strcmp0 (self->error_message, error_message) == 0)
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (error_message);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

gint64
ferry_migration_event_get_last_updated (FerryMigrationEvent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_EVENT (self), -1);

  return self->last_updated;
}

void
ferry_migration_event_set_last_updated (FerryMigrationEvent *self, gint64 last_updated)
{
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (self));

  if (self->last_updated == last_updated)
    return;
  self->last_updated = last_updated;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATED]);
}

gint64
ferry_migration_event_get_bytes_transferred (FerryMigrationEvent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_EVENT (self), -1);

  return self->bytes_transferred;
}

void
ferry_migration_event_set_bytes_transferred (FerryMigrationEvent *self, gint64 bytes_transferred)
{
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (self));

  if (self->bytes_transferred == bytes_transferred)
    return;
  self->bytes_transferred = bytes_transferred;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_TRANSFERRED]);
}

gint64
ferry_migration_event_get_total_bytes (FerryMigrationEvent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_EVENT (self), -1);

  return self->total_bytes;
}

void
ferry_migration_event_set_total_bytes (FerryMigrationEvent *self, gint64 total_bytes)
{
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (self));

  if (self->total_bytes == total_bytes)
    return;
  self->total_bytes = total_bytes;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_BYTES]);
}

void
_ferry_migration_event_set_quiet (FerryMigrationEvent *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_MIGRATION_EVENT (self));

  self->quiet = !!quiet;
}
