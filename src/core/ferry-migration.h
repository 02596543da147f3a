/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration.h: a tracked migration as reported by the query API
 *
 * A plain data object: one property per field, all described by one table in the .c file
 * (ferry-model-fields-private.h) that drives the GParamSpecs and get/set_property;
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>
#include "ferry-migration-event.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MIGRATION (ferry_migration_get_type ())
G_DECLARE_FINAL_TYPE (FerryMigration, ferry_migration, FERRY, MIGRATION, GObject)

FerryMigration *
ferry_migration_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_migration_set_quiet (FerryMigration *self, gboolean quiet);

const char *
ferry_migration_get_migration_id (FerryMigration *self);
void
ferry_migration_set_migration_id (FerryMigration *self, const char *migration_id);
const char *
ferry_migration_get_migration_group_id (FerryMigration *self);
void
ferry_migration_set_migration_group_id (FerryMigration *self, const char *migration_group_id);
const char *
ferry_migration_get_migration_type (FerryMigration *self);
void
ferry_migration_set_migration_type (FerryMigration *self, const char *migration_type);
const char *
ferry_migration_get_state (FerryMigration *self);
void
ferry_migration_set_state (FerryMigration *self, const char *state);
const char *
ferry_migration_get_username (FerryMigration *self);
void
ferry_migration_set_username (FerryMigration *self, const char *username);
gint64
ferry_migration_get_creation_date (FerryMigration *self);
void
ferry_migration_set_creation_date (FerryMigration *self, gint64 creation_date);
gint64
ferry_migration_get_last_updated (FerryMigration *self);
void
ferry_migration_set_last_updated (FerryMigration *self, gint64 last_updated);
const char *
ferry_migration_get_entity_id (FerryMigration *self);
void
ferry_migration_set_entity_id (FerryMigration *self, const char *entity_id);
const char *
ferry_migration_get_entity_name (FerryMigration *self);
void
ferry_migration_set_entity_name (FerryMigration *self, const char *entity_name);
const char *
ferry_migration_get_source_endpoint_id (FerryMigration *self);
void
ferry_migration_set_source_endpoint_id (FerryMigration *self, const char *source_endpoint_id);
const char *
ferry_migration_get_source_endpoint_name (FerryMigration *self);
void
ferry_migration_set_source_endpoint_name (FerryMigration *self, const char *source_endpoint_name);
const char *
ferry_migration_get_source_resource_name (FerryMigration *self);
void
ferry_migration_set_source_resource_name (FerryMigration *self, const char *source_resource_name);
const char *
ferry_migration_get_destination_endpoint_id (FerryMigration *self);
void
ferry_migration_set_destination_endpoint_id (FerryMigration *self,
                                             const char *destination_endpoint_id);
const char *
ferry_migration_get_destination_endpoint_name (FerryMigration *self);
void
ferry_migration_set_destination_endpoint_name (FerryMigration *self,
                                               const char *destination_endpoint_name);
const char *
ferry_migration_get_destination_resource_name (FerryMigration *self);
void
ferry_migration_set_destination_resource_name (FerryMigration *self,
                                               const char *destination_resource_name);
gint64
ferry_migration_get_switchover_start (FerryMigration *self);
void
ferry_migration_set_switchover_start (FerryMigration *self, gint64 switchover_start);
gint64
ferry_migration_get_switchover_expiry (FerryMigration *self);
void
ferry_migration_set_switchover_expiry (FerryMigration *self, gint64 switchover_expiry);
gint64
ferry_migration_get_start_time (FerryMigration *self);
void
ferry_migration_set_start_time (FerryMigration *self, gint64 start_time);
gint64
ferry_migration_get_end_time (FerryMigration *self);
void
ferry_migration_set_end_time (FerryMigration *self, gint64 end_time);
const char *
ferry_migration_get_message (FerryMigration *self);
void
ferry_migration_set_message (FerryMigration *self, const char *message);
const char *
ferry_migration_get_status (FerryMigration *self);
void
ferry_migration_set_status (FerryMigration *self, const char *status);
const char *
ferry_migration_get_status_message (FerryMigration *self);
void
ferry_migration_set_status_message (FerryMigration *self, const char *status_message);
const char *
ferry_migration_get_error_message (FerryMigration *self);
void
ferry_migration_set_error_message (FerryMigration *self, const char *error_message);
gboolean
ferry_migration_get_is_done (FerryMigration *self);
void
ferry_migration_set_is_done (FerryMigration *self, gboolean is_done);
gboolean
ferry_migration_get_did_fail (FerryMigration *self);
void
ferry_migration_set_did_fail (FerryMigration *self, gboolean did_fail);
gboolean
ferry_migration_get_is_cancelled (FerryMigration *self);
void
ferry_migration_set_is_cancelled (FerryMigration *self, gboolean is_cancelled);
gboolean
ferry_migration_get_is_transfer_progress (FerryMigration *self);
void
ferry_migration_set_is_transfer_progress (FerryMigration *self, gboolean is_transfer_progress);
gboolean
ferry_migration_get_is_switchover_progress (FerryMigration *self);
void
ferry_migration_set_is_switchover_progress (FerryMigration *self, gboolean is_switchover_progress);
gboolean
ferry_migration_get_is_waiting_for_maint_window (FerryMigration *self);
void
ferry_migration_set_is_waiting_for_maint_window (FerryMigration *self,
                                                 gboolean is_waiting_for_maint_window);
gint64
ferry_migration_get_bytes_transferred (FerryMigration *self);
void
ferry_migration_set_bytes_transferred (FerryMigration *self, gint64 bytes_transferred);
gint64
ferry_migration_get_total_bytes (FerryMigration *self);
void
ferry_migration_set_total_bytes (FerryMigration *self, gint64 total_bytes);
double
ferry_migration_get_percent (FerryMigration *self);
void
ferry_migration_set_percent (FerryMigration *self, double percent);
gboolean
ferry_migration_get_finished (FerryMigration *self);
void
ferry_migration_set_finished (FerryMigration *self, gboolean finished);

/* The event log (FerryMigrationEvent), oldest first. */
GListModel *
ferry_migration_get_events (FerryMigration *self);
void
ferry_migration_add_event (FerryMigration *self, FerryMigrationEvent *event);

/* A digest of the log's bytes as the server sent them (0: not known), set by the reader, so
 * that a poll can tell the reader which logs it already holds. */
guint64
ferry_migration_get_log_digest (FerryMigration *self);
void
ferry_migration_set_log_digest (FerryMigration *self, guint64 digest);
/* TRUE when the reader left the events out because the log was the one of the digest it was
 * told the caller holds: ferry_migration_update_from () then keeps the events it has. */
gboolean
ferry_migration_get_log_omitted (FerryMigration *self);
void
ferry_migration_set_log_omitted (FerryMigration *self, gboolean omitted);
/* What a caller tells the reader of the logs it holds: a table of migration id → guint64 log
 * digest (owned copies), and adding a migration to it (one without an id or a log is left out). */
GHashTable *
ferry_migration_log_digests_new (void);
void
ferry_migration_log_digests_add (GHashTable *digests, FerryMigration *migration);

/* Known terminal state names (MIGRATION_COMPLETE, MIGRATION_FAILED, …). */
gboolean
ferry_migration_state_is_terminal (const char *state);
/* Whether a migration is finished: a known terminal state, else the isDone/didFail/isCancelled
 * flags (an unknown state name is kept verbatim and never means "finished" by itself). */
gboolean
ferry_migration_compute_finished (const char *state, gboolean is_done, gboolean did_fail,
                                  gboolean is_cancelled);
/* Recomputes #FerryMigration:finished from the state and flags. */
void
ferry_migration_update_finished (FerryMigration *self);
/* Copies every property and the event log of @other into @self, notifying only what changed
 * (for a tracker that updates rows in place). An @other whose log was omitted leaves the
 * events of @self as they are. */
void
ferry_migration_update_from (FerryMigration *self, FerryMigration *other);

G_END_DECLS
