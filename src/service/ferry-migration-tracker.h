/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-tracker.h: follows migrations on one HCX Manager by polling it.
 *
 * The tracker follows mobility groups (the wizard's waves, each with the name of the plan that
 * started it) and single migration ids, or, in "show-all" mode, every migration on the manager.
 * Each poll is ONE batched migration query (POST /migrations?action=query, paged by the client)
 * for everything still active; migrations that finished are no longer asked for. The model
 * (#FerryMigrationTracker:migrations, a GListModel of FerryMigration) is updated in place: rows
 * are appended when first seen and never replaced.
 *
 * Interval: fast while something is switching over or cancelling, normal while transferring or
 * queued, slow when everything waits for its switchover window; when a poll fails or the server
 * is slow it backs off (doubling up to a limit) with #FerryMigrationTracker:status RECONNECTING,
 * keeping the last good data.
 *
 * What it follows is saved (atomically, in a small JSON file given as "state-file") so that a
 * new tracker with the same file resumes after a restart (ferry_migration_tracker_start()).
 *
 * No GTK. Signals run on the main context the tracker was created on. */
#pragma once

#include <gio/gio.h>

#include "ferry-hcx-client.h"
#include "ferry-migration.h"

G_BEGIN_DECLS

/* Where a migration is, in the words of the summary. Decided from the state name when it is
 * known, else from the progress flags (isDone/didFail/isCancelled, isTransferProgress, …). */
typedef enum
{
  FERRY_MIGRATION_STAGE_QUEUED,
  FERRY_MIGRATION_STAGE_TRANSFERRING,
  FERRY_MIGRATION_STAGE_WAITING, /* for the switchover window */
  FERRY_MIGRATION_STAGE_SWITCHING,
  FERRY_MIGRATION_STAGE_CANCELLING,
  FERRY_MIGRATION_STAGE_COMPLETED,
  FERRY_MIGRATION_STAGE_FAILED,
  FERRY_MIGRATION_STAGE_CANCELLED,
  FERRY_MIGRATION_STAGE_OTHER, /* an unknown state name that is not finished */
  FERRY_MIGRATION_N_STAGES
} FerryMigrationStage;

FerryMigrationStage
ferry_migration_stage_from_migration (FerryMigration *migration);
gboolean
ferry_migration_stage_is_finished (FerryMigrationStage stage);
/* Translated, for the summary and the state filter ("Transferring"). */
const char *
ferry_migration_stage_get_label (FerryMigrationStage stage);

typedef enum
{
  FERRY_TRACKER_STATUS_IDLE,         /* nothing to poll (yet) */
  FERRY_TRACKER_STATUS_POLLING,      /* the last poll succeeded */
  FERRY_TRACKER_STATUS_RECONNECTING, /* the last poll failed; the data shown is the last good one */
} FerryTrackerStatus;

GType
ferry_tracker_status_get_type (void);
#define FERRY_TYPE_TRACKER_STATUS (ferry_tracker_status_get_type ())

/* Totals over every migration in the model. */
typedef struct
{
  guint counts[FERRY_MIGRATION_N_STAGES];
  guint total;
  guint active;             /* not finished */
  gint64 bytes_transferred; /* sum over migrations that say how far they are */
  gint64 bytes_total;       /* sum of the totals that are known */
  guint unknown_totals;     /* migrations whose total is not known */
  double throughput;        /* bytes per second over the last minute or so; -1 unknown */
  gint64 eta;               /* g_get_real_time() when everything should be done; -1 unknown */
} FerryTrackerSummary;

/* One point of the chart: when (g_get_real_time() of the poll) and how much was moved. */
typedef struct
{
  gint64 time;
  gint64 bytes_transferred; /* as in the summary */
  gint64 bytes_total;
  gint64 bytes_moved; /* seen moving since the tracker started (throughput comes from this) */
} FerryTrackerSample;

#define FERRY_TYPE_MIGRATION_TRACKER (ferry_migration_tracker_get_type ())
G_DECLARE_FINAL_TYPE (FerryMigrationTracker, ferry_migration_tracker, FERRY, MIGRATION_TRACKER,
                      GObject)

/* @state_file: where to keep what is followed, or NULL to keep nothing. */
FerryMigrationTracker *
ferry_migration_tracker_new (FerryHcxClient *client, const char *state_file);

/* A state file for the manager @host in the user's data dir ($XDG_DATA_HOME/ferry/tracking/). */
char *
ferry_migration_tracker_default_state_file (const char *host);

/* Properties:
 *  "client" (FerryHcxClient, construct-only), "state-file" (string, construct-only),
 *  "migrations" (GListModel of FerryMigration, read-only; the same object for the tracker's
 *     whole life),
 *  "show-all" (bool): follow every migration on the manager (skipDrafts), not only those followed,
 *  "status" (FerryTrackerStatus, read-only), "last-error" (string, read-only: why the last poll
 *     failed, NULL after a good one), "last-success" (int64, read-only: g_get_real_time() of the
 *     last good poll, 0 before),
 *  "base-interval" (uint, ms, default 5000): the normal interval; fast is 2/5 of it, slow 6×,
 *     the back-off limit 60×,
 *  "interval" (uint, ms, read-only): the delay before the next poll as last scheduled,
 *  "polling" (bool, read-only): a poll is in flight,
 *  "started" (bool, read-only).
 *
 * Signals:
 *  "updated" (): after every good poll (summary, history and rows are up to date).
 *  "poll-finished" (gboolean ok): after every poll, good or not.
 *  "migration-failed" (FerryMigration): a migration seen active before has failed.
 *  "switchover-started" (FerryMigration): a migration that waited for its window is switching over.
 *  "group-finished" (const char *group_id, const char *plan_name): every migration of a followed
 *     group that was active in this run has finished. */
FerryHcxClient *
ferry_migration_tracker_get_client (FerryMigrationTracker *self);
GListModel *
ferry_migration_tracker_get_migrations (FerryMigrationTracker *self);
gboolean
ferry_migration_tracker_get_show_all (FerryMigrationTracker *self);
void
ferry_migration_tracker_set_show_all (FerryMigrationTracker *self, gboolean show_all);
FerryTrackerStatus
ferry_migration_tracker_get_status (FerryMigrationTracker *self);
const char *
ferry_migration_tracker_get_last_error (FerryMigrationTracker *self);
gint64
ferry_migration_tracker_get_last_success (FerryMigrationTracker *self);
guint
ferry_migration_tracker_get_base_interval (FerryMigrationTracker *self);
void
ferry_migration_tracker_set_base_interval (FerryMigrationTracker *self, guint ms);
guint
ferry_migration_tracker_get_interval (FerryMigrationTracker *self);
gboolean
ferry_migration_tracker_get_polling (FerryMigrationTracker *self);
gboolean
ferry_migration_tracker_get_started (FerryMigrationTracker *self);

/* Loads the state file (if any) in a worker thread, then polls and keeps polling. */
void
ferry_migration_tracker_start (FerryMigrationTracker *self);
/* Stops polling (a poll in flight is cancelled). start() again resumes. */
void
ferry_migration_tracker_stop (FerryMigrationTracker *self);
/* Polls now (every followed group again, and in show-all mode every migration), whatever the
 * interval; a poll in flight is followed by another. */
void
ferry_migration_tracker_refresh (FerryMigrationTracker *self);

/* Follows a group (@plan_name: the plan that started it, or NULL) or single migrations. Saved
 * in the state file; the next poll comes at once. */
void
ferry_migration_tracker_follow_group (FerryMigrationTracker *self, const char *group_id,
                                      const char *plan_name);
void
ferry_migration_tracker_follow_migrations (FerryMigrationTracker *self,
                                           const char *const *migration_ids);
/* The followed group ids (NULL-terminated, transfer full). */
char **
ferry_migration_tracker_dup_groups (FerryMigrationTracker *self);

/* The plan that started @migration (from follow_group), or NULL. */
const char *
ferry_migration_tracker_get_plan_name (FerryMigrationTracker *self, FerryMigration *migration);
/* The plan names of the followed groups, sorted (transfer full). */
char **
ferry_migration_tracker_dup_plan_names (FerryMigrationTracker *self);
/* The migration with that id in the model, or NULL (transfer none). */
FerryMigration *
ferry_migration_tracker_lookup (FerryMigrationTracker *self, const char *migration_id);

const FerryTrackerSummary *
ferry_migration_tracker_get_summary (FerryMigrationTracker *self);
/* The points of the chart, oldest first (at most a few hundred; older ones thinned out). */
const FerryTrackerSample *
ferry_migration_tracker_get_history (FerryMigrationTracker *self, guint *n_samples);
/* Bytes per second of one migration between its last two updates, -1 when not known. */
double
ferry_migration_tracker_get_rate (FerryMigrationTracker *self, FerryMigration *migration);
/* Seconds left for one migration's transfer at that rate, -1 when not known. */
gint64
ferry_migration_tracker_get_eta_seconds (FerryMigrationTracker *self, FerryMigration *migration);

/* Cancels (or with @force force-cancels) the given migrations (FerryMigration; finished ones are
 * skipped), then polls at once. TRUE when there was nothing to cancel. */
void
ferry_migration_tracker_cancel_async (FerryMigrationTracker *self, GListModel *migrations,
                                      gboolean force, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_migration_tracker_cancel_finish (FerryMigrationTracker *self, GAsyncResult *result,
                                       GError **error);

/* Internal: queries the tracker sent (for tests and the benchmark). */
guint
_ferry_migration_tracker_get_n_polls (FerryMigrationTracker *self);
/* Internal: migrations a poll answered without being asked for them, and left out. */
guint
_ferry_migration_tracker_get_n_ignored (FerryMigrationTracker *self);
/* Internal: an ordinary poll now (what the timer does). */
void
_ferry_migration_tracker_poll (FerryMigrationTracker *self);
/* Internal, for tests: the clock of the next good polls (µs, as g_get_real_time()), e.g. the
 * simulator's; 0 goes back to the real time. */
void
_ferry_migration_tracker_set_clock (FerryMigrationTracker *self, gint64 now);

G_END_DECLS
