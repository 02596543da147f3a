/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-event.h: one entry of a tracked migration's event log
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_MIGRATION_EVENT (ferry_migration_event_get_type ())
G_DECLARE_FINAL_TYPE (FerryMigrationEvent, ferry_migration_event, FERRY, MIGRATION_EVENT, GObject)

FerryMigrationEvent *
ferry_migration_event_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_migration_event_set_quiet (FerryMigrationEvent *self, gboolean quiet);

const char *
ferry_migration_event_get_status (FerryMigrationEvent *self);
void
ferry_migration_event_set_status (FerryMigrationEvent *self, const char *status);
const char *
ferry_migration_event_get_message (FerryMigrationEvent *self);
void
ferry_migration_event_set_message (FerryMigrationEvent *self, const char *message);
const char *
ferry_migration_event_get_error_message (FerryMigrationEvent *self);
void
ferry_migration_event_set_error_message (FerryMigrationEvent *self, const char *error_message);
gint64
ferry_migration_event_get_last_updated (FerryMigrationEvent *self);
void
ferry_migration_event_set_last_updated (FerryMigrationEvent *self, gint64 last_updated);
gint64
ferry_migration_event_get_bytes_transferred (FerryMigrationEvent *self);
void
ferry_migration_event_set_bytes_transferred (FerryMigrationEvent *self, gint64 bytes_transferred);
gint64
ferry_migration_event_get_total_bytes (FerryMigrationEvent *self);
void
ferry_migration_event_set_total_bytes (FerryMigrationEvent *self, gint64 total_bytes);

G_END_DECLS
