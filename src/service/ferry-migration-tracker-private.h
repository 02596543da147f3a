/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-tracker-private.h: what the tracker's files share.
 *   ferry-migration-tracker.c          the object, its API and properties, cancel
 *   ferry-migration-tracker-poll.c     the poll, its interval, applying an answer
 *   ferry-migration-tracker-summary.c  stages, totals, rates, ETA, the chart's history
 *   ferry-migration-tracker-state.c    the state file (what is followed) */
#pragma once

#include "ferry-migration-tracker.h"

G_BEGIN_DECLS

/* What the tracker knows of one migration beyond the FerryMigration itself. */
typedef struct
{
  FerryMigration *migration; /* owned */
  FerryMigrationStage stage;
  gint64 prev_bytes;    /* at the previous update, -1 unknown */
  gint64 prev_time;     /* its lastUpdated (server ms), or the local time of that poll */
  double rate;          /* bytes per second, -1 unknown */
  guint misses;         /* id queries in a row that did not return it */
  gboolean seen_active; /* active at some poll of this run (notifications need a transition) */
  gboolean gone;        /* the server stopped returning it: no longer asked for */
} FerryTrackedEntry;

typedef struct
{
  char *plan_name;     /* NULL when not started from a plan */
  gboolean resolved;   /* its migrations have been listed once in this run */
  gboolean had_active; /* some of its migrations were active in this run */
  gboolean finished_sent;
} FerryTrackedGroup;

struct _FerryMigrationTracker
{
  GObject parent_instance;

  FerryHcxClient *client;
  char *state_file;
  GListStore *migrations;
  GHashTable *entries;      /* migration id → FerryTrackedEntry* */
  GHashTable *groups;       /* group id → FerryTrackedGroup* */
  GHashTable *followed_ids; /* migration ids followed on their own (set) */

  gboolean show_all;
  gboolean started;
  gboolean loading; /* reading the state file */
  gboolean loaded;  /* it was read (saving before that would overwrite what it holds) */
  FerryTrackerStatus status;
  char *last_error;
  gint64 last_success;
  guint base_interval;
  guint interval;
  guint failures;
  guint timeout_id;
  GCancellable *poll_cancellable; /* the poll in flight, or NULL */
  gint64 poll_started;            /* g_get_monotonic_time() */
  gboolean poll_again;
  gboolean discover;     /* next poll lists groups again (or everything) */
  gint64 last_discovery; /* g_get_monotonic_time() */
  guint n_polls;
  guint n_ignored;   /* migrations answered that were not asked for (a server ignoring filters) */
  guint apply_id;    /* idle applying an answer in chunks */
  gpointer applying; /* its PollOp */
  GCancellable *cancellable; /* everything else (state file) */

  FerryTrackerSummary summary;
  GArray *history; /* FerryTrackerSample */
  gint64 moved;    /* bytes seen moving since the start (summary.c) */
  gint64 clock;    /* tests: fixed "now", or 0 */

  gboolean saving;
  gboolean save_again;
};

/* Shared by the tracker's files (defined in ferry-migration-tracker.c). */
enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_STATE_FILE,
  PROP_MIGRATIONS,
  PROP_SHOW_ALL,
  PROP_STATUS,
  PROP_LAST_ERROR,
  PROP_LAST_SUCCESS,
  PROP_BASE_INTERVAL,
  PROP_INTERVAL,
  PROP_POLLING,
  PROP_STARTED,
  N_PROPS
};

enum
{
  SIGNAL_UPDATED,
  SIGNAL_POLL_FINISHED,
  SIGNAL_MIGRATION_FAILED,
  SIGNAL_SWITCHOVER_STARTED,
  SIGNAL_GROUP_FINISHED,
  N_SIGNALS
};

extern GParamSpec *_ferry_migration_tracker_properties[N_PROPS];
extern guint _ferry_migration_tracker_signals[N_SIGNALS];

void
_ferry_tracked_entry_free (FerryTrackedEntry *entry);
void
_ferry_tracked_group_free (FerryTrackedGroup *group);

/* poll.c */
void
_ferry_migration_tracker_poll_now (FerryMigrationTracker *self);
void
_ferry_migration_tracker_poll_op_free (gpointer op);
void
_ferry_migration_tracker_set_polling (FerryMigrationTracker *self, GCancellable *cancellable);
guint
_ferry_migration_tracker_compute_interval (FerryMigrationTracker *self, gint64 poll_duration_ms);
void
_ferry_migration_tracker_schedule (FerryMigrationTracker *self, guint interval);
GStrv
_ferry_migration_tracker_keys_of_groups (FerryMigrationTracker *self, gboolean all);
FerryTrackedGroup *
_ferry_migration_tracker_group_of (FerryMigrationTracker *self, FerryMigration *migration);

/* summary.c: after a good poll, @now = g_get_real_time(). */
void
_ferry_migration_tracker_observe (FerryMigrationTracker *self, FerryTrackedEntry *entry,
                                  gint64 old_bytes, gint64 old_updated, gint64 now);
void
_ferry_migration_tracker_update_summary (FerryMigrationTracker *self, gint64 now);

/* state.c */
void
_ferry_migration_tracker_save (FerryMigrationTracker *self);
/* Reads the state file unless that is done or under way (then polls, if started). */
void
_ferry_migration_tracker_ensure_loaded (FerryMigrationTracker *self);
void
_ferry_migration_tracker_load_async (FerryMigrationTracker *self, GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean
_ferry_migration_tracker_load_finish (FerryMigrationTracker *self, GAsyncResult *result,
                                      GError **error);

G_END_DECLS
