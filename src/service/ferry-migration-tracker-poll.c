/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-tracker-poll.c: the poll, its interval and applying an answer.
 *
 * One poll is one ferry_hcx_client_refresh_migrations_async() call (the client pages it; it is
 * told the digest of each event log held, and leaves out the logs that did not change) of one
 * of three kinds, as the server ANDs its filters:
 *   ALL     no filter: every migration (show-all mode, first poll and every 12 intervals);
 *   GROUPS  by group id: followed groups not listed yet in this run (or all of them on refresh);
 *   IDS     by migration id: every migration still active, and followed ids not seen yet.
 * Finished migrations are not asked for again, except by ALL and by a refresh. */
#include "config.h"

#include "ferry-migration-tracker-private.h"

#define properties _ferry_migration_tracker_properties
#define signals _ferry_migration_tracker_signals

#define MISSES_BEFORE_GONE 3

typedef enum
{
  POLL_ALL,
  POLL_GROUPS,
  POLL_IDS,
} PollKind;

typedef struct
{
  FerryMigrationTracker *self; /* not owned: dispose cancels the poll */
  GCancellable *cancellable;   /* owned */
  PollKind kind;
  GStrv keys;        /* the group or migration ids asked for */
  GHashTable *asked; /* the same keys, as a set (GROUPS and IDS polls) */
  gint64 duration_ms;
  /* Applying a good answer, a chunk per main-loop iteration (see apply_step). */
  GListModel *answer;
  guint pos;
  gint64 now;
  GPtrArray *added;
  GArray *events;
  GHashTable *returned;
} PollOp;

typedef enum
{
  EVENT_FAILED,
  EVENT_SWITCHOVER,
} EventKind;

typedef struct
{
  EventKind kind;
  FerryMigration *migration;
} Event;

static gboolean
has_unseen_followed (FerryMigrationTracker *self);

void
_ferry_migration_tracker_poll_op_free (gpointer data)
{
  PollOp *op = data;

  g_clear_object (&op->cancellable);
  g_strfreev (op->keys);
  g_clear_pointer (&op->asked, g_hash_table_unref);
  g_clear_object (&op->answer);
  g_clear_pointer (&op->added, g_ptr_array_unref);
  g_clear_pointer (&op->events, g_array_unref);
  g_clear_pointer (&op->returned, g_hash_table_unref);
  g_free (op);
}

/* ---- Status ---- */

static void
set_status (FerryMigrationTracker *self, FerryTrackerStatus status, const char *error)
{
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (g_strcmp0 (self->last_error, error) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }
}

void
_ferry_migration_tracker_set_polling (FerryMigrationTracker *self, GCancellable *cancellable)
{
  gboolean was = self->poll_cancellable != NULL;

  g_set_object (&self->poll_cancellable, cancellable);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLLING]);
}

/* ---- The interval ---- */

static gboolean
has_stage (FerryMigrationTracker *self, FerryMigrationStage stage)
{
  return self->summary.counts[stage] > 0;
}

guint
_ferry_migration_tracker_compute_interval (FerryMigrationTracker *self, gint64 poll_duration_ms)
{
  guint base = MAX (self->base_interval, 1);
  guint limit = base * 60;
  guint interval;

  if (self->failures > 0)
    {
      guint shift = MIN (self->failures, 8);

      interval = MIN ((guint64)base << shift, limit);
    }
  else if (has_stage (self, FERRY_MIGRATION_STAGE_SWITCHING)
           || has_stage (self, FERRY_MIGRATION_STAGE_CANCELLING))
    interval = MAX (base * 2 / 5, 1);
  else if (has_stage (self, FERRY_MIGRATION_STAGE_QUEUED)
           || has_stage (self, FERRY_MIGRATION_STAGE_TRANSFERRING)
           || has_stage (self, FERRY_MIGRATION_STAGE_OTHER))
    interval = base;
  else if (has_stage (self, FERRY_MIGRATION_STAGE_WAITING))
    interval = base * 6;
  else if (self->show_all)
    interval = base * 12; /* only new migrations to look for */
  else
    interval = 0; /* nothing active: wait for follow_*() or refresh() */

  /* A slow server gets room: never ask more often than twice the time it took to answer. */
  if (interval > 0 && poll_duration_ms * 2 > interval)
    interval = MIN (MAX (interval, (guint)MIN (poll_duration_ms * 2, G_MAXUINT)), limit);
  return interval;
}

static gboolean
on_timeout (gpointer user_data)
{
  FerryMigrationTracker *self = user_data;

  self->timeout_id = 0;
  _ferry_migration_tracker_poll_now (self);
  return G_SOURCE_REMOVE;
}

void
_ferry_migration_tracker_schedule (FerryMigrationTracker *self, guint interval)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->interval != interval)
    {
      self->interval = interval;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
    }
  if (interval > 0 && self->started)
    self->timeout_id = g_timeout_add (interval, on_timeout, self);
}

/* ---- Applying a good answer ---- */

static gboolean
entry_is_active (FerryTrackedEntry *entry)
{
  return !entry->gone && !ferry_migration_stage_is_finished (entry->stage);
}

FerryTrackedGroup *
_ferry_migration_tracker_group_of (FerryMigrationTracker *self, FerryMigration *migration)
{
  const char *gid = ferry_migration_get_migration_group_id (migration);

  return gid != NULL ? g_hash_table_lookup (self->groups, gid) : NULL;
}

static void
check_groups_finished (FerryMigrationTracker *self)
{
  g_autoptr (GHashTable) busy = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) finished = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FerryTrackedEntry *entry = value;
      const char *gid = ferry_migration_get_migration_group_id (entry->migration);

      if (gid != NULL && entry_is_active (entry))
        g_hash_table_add (busy, (gpointer)gid);
    }
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FerryTrackedGroup *group = value;

      if (group->had_active && !group->finished_sent && !g_hash_table_contains (busy, key))
        {
          group->finished_sent = TRUE;
          g_ptr_array_add (finished, key);
        }
    }
  for (guint i = 0; i < finished->len; i++)
    {
      FerryTrackedGroup *group = g_hash_table_lookup (self->groups, finished->pdata[i]);

      g_signal_emit (self, signals[SIGNAL_GROUP_FINISHED], 0, finished->pdata[i],
                     group != NULL ? group->plan_name : NULL);
    }
}

/* Rows updated per main-loop iteration: a bound row's cells cost about 0.1 ms to update, so
 * that a frame is never held up long even with 1,000 migrations changing at each poll. */
#define APPLY_CHUNK 100

/* Whether a GROUPS or IDS poll asked for @m (a migration without a group id was not asked for
 * by group; the set's hash would not take a NULL key). */
static gboolean
was_asked (PollOp *op, FerryMigration *m)
{
  const char *key = op->kind == POLL_IDS ? ferry_migration_get_migration_id (m)
                                         : ferry_migration_get_migration_group_id (m);

  return key != NULL && g_hash_table_contains (op->asked, key);
}

static void
apply_items (FerryMigrationTracker *self, PollOp *op, guint from, guint to)
{
  GListModel *answer = op->answer;
  gint64 now = op->now;
  GPtrArray *added = op->added;
  GArray *events = op->events;
  GHashTable *returned = op->returned;

  for (guint i = from; i < to; i++)
    {
      g_autoptr (FerryMigration) fresh = g_list_model_get_item (answer, i);
      const char *id = ferry_migration_get_migration_id (fresh);
      FerryTrackedEntry *entry;
      FerryTrackedGroup *group;
      FerryMigrationStage old_stage = FERRY_MIGRATION_N_STAGES;
      gint64 old_bytes = -1;
      gint64 old_updated = -1;

      if (id == NULL)
        continue;
      /* A server that ignores the filter answers with every migration on the manager: keep
       * only what was asked for (the others are someone else's, or found by an ALL poll). */
      if (op->asked != NULL && !was_asked (op, fresh))
        {
          self->n_ignored++;
          continue;
        }
      entry = g_hash_table_lookup (self->entries, id);
      if (entry != NULL)
        {
          old_stage = entry->stage;
          old_bytes = ferry_migration_get_bytes_transferred (entry->migration);
          old_updated = ferry_migration_get_last_updated (entry->migration);
          ferry_migration_update_from (entry->migration, fresh);
        }
      else
        {
          /* Left out because an entry held the log when the poll began, and gone since: read
           * it whole next time. */
          if (ferry_migration_get_log_omitted (fresh))
            {
              ferry_migration_set_log_omitted (fresh, FALSE);
              ferry_migration_set_log_digest (fresh, 0);
            }
          entry = g_new0 (FerryTrackedEntry, 1);
          entry->migration = g_object_ref (fresh);
          entry->prev_bytes = -1;
          entry->prev_time = -1;
          entry->rate = -1;
          g_hash_table_insert (self->entries, (gpointer)ferry_migration_get_migration_id (fresh),
                               entry);
          g_ptr_array_add (added, fresh);
        }
      g_hash_table_add (returned, (gpointer)ferry_migration_get_migration_id (entry->migration));
      entry->misses = 0;
      entry->gone = FALSE;
      entry->stage = ferry_migration_stage_from_migration (entry->migration);
      _ferry_migration_tracker_observe (self, entry, old_bytes, old_updated, now);

      if (entry->seen_active && old_stage != entry->stage)
        {
          Event e = { 0 };

          e.migration = entry->migration;
          if (entry->stage == FERRY_MIGRATION_STAGE_FAILED)
            {
              e.kind = EVENT_FAILED;
              g_array_append_val (events, e);
            }
          else if (old_stage == FERRY_MIGRATION_STAGE_WAITING
                   && entry->stage == FERRY_MIGRATION_STAGE_SWITCHING)
            {
              e.kind = EVENT_SWITCHOVER;
              g_array_append_val (events, e);
            }
        }
      if (!ferry_migration_stage_is_finished (entry->stage))
        {
          entry->seen_active = TRUE;
          group = _ferry_migration_tracker_group_of (self, entry->migration);
          if (group != NULL)
            group->had_active = TRUE;
        }
    }
}

static void
apply_finish (FerryMigrationTracker *self, PollOp *op)
{
  gint64 now = op->now;
  GPtrArray *added = op->added;
  GArray *events = op->events;
  GHashTable *returned = op->returned;

  /* What was asked for and not returned: after a few polls, stop asking. */
  if (op->kind == POLL_IDS)
    {
      for (guint i = 0; op->keys[i] != NULL; i++)
        {
          FerryTrackedEntry *entry = g_hash_table_lookup (self->entries, op->keys[i]);

          if (entry != NULL && !g_hash_table_contains (returned, op->keys[i])
              && ++entry->misses >= MISSES_BEFORE_GONE)
            entry->gone = TRUE;
        }
    }
  else
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->groups);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (op->kind == POLL_ALL || g_strv_contains ((const char *const *)op->keys, key))
          ((FerryTrackedGroup *)value)->resolved = TRUE;
      if (op->kind == POLL_ALL)
        self->last_discovery = g_get_monotonic_time ();
    }

  if (added->len > 0)
    g_list_store_splice (self->migrations,
                         g_list_model_get_n_items (G_LIST_MODEL (self->migrations)), 0,
                         added->pdata, added->len);

  _ferry_migration_tracker_update_summary (self, now);
  self->last_success = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
  set_status (self, FERRY_TRACKER_STATUS_POLLING, NULL);

  for (guint i = 0; i < events->len; i++)
    {
      Event *e = &g_array_index (events, Event, i);

      g_signal_emit (
          self,
          signals[e->kind == EVENT_FAILED ? SIGNAL_MIGRATION_FAILED : SIGNAL_SWITCHOVER_STARTED], 0,
          e->migration);
    }
  check_groups_finished (self);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0);
}

/* ---- The poll ---- */

static gboolean
has_unseen_followed (FerryMigrationTracker *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->followed_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->entries, key))
      return TRUE;
  return FALSE;
}

static void
finish_poll (FerryMigrationTracker *self, PollOp *op, gboolean ok)
{
  _ferry_migration_tracker_set_polling (self, NULL);
  if (ok && op->kind == POLL_GROUPS && has_unseen_followed (self))
    self->poll_again = TRUE; /* followed on their own and not seen yet: ask now, not later */
  g_signal_emit (self, signals[SIGNAL_POLL_FINISHED], 0, ok);

  if (self->poll_again && self->started)
    {
      self->poll_again = FALSE;
      _ferry_migration_tracker_poll_op_free (op);
      _ferry_migration_tracker_poll_now (self);
      return;
    }
  _ferry_migration_tracker_schedule (
      self, _ferry_migration_tracker_compute_interval (self, op->duration_ms));
  if (self->interval == 0 && self->status == FERRY_TRACKER_STATUS_POLLING)
    set_status (self, FERRY_TRACKER_STATUS_IDLE, NULL);
  _ferry_migration_tracker_poll_op_free (op);
}

static gboolean
apply_step (gpointer user_data)
{
  FerryMigrationTracker *self = user_data;
  PollOp *op = self->applying;
  guint n = g_list_model_get_n_items (op->answer);
  guint to = MIN (op->pos + APPLY_CHUNK, n);

  apply_items (self, op, op->pos, to);
  op->pos = to;
  if (to < n)
    return G_SOURCE_CONTINUE;
  self->apply_id = 0;
  self->applying = NULL;
  apply_finish (self, op);
  finish_poll (self, op, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_poll_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PollOp *op = user_data;
  FerryMigrationTracker *self = op->self;
  g_autoptr (GError) error = NULL;
  GListModel *answer;

  answer = ferry_hcx_client_query_migrations_finish (FERRY_HCX_CLIENT (source), result, &error);
  /* Cancelled by stop() or dispose: self may be gone, and stop() cleaned up already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _ferry_migration_tracker_poll_op_free (op);
      return;
    }
  op->duration_ms = (g_get_monotonic_time () - self->poll_started) / 1000;

  if (answer == NULL)
    {
      g_debug ("poll failed after %" G_GINT64_FORMAT " ms: %s", op->duration_ms, error->message);
      self->failures++;
      set_status (self, FERRY_TRACKER_STATUS_RECONNECTING, error->message);
      if (op->kind != POLL_IDS)
        self->discover = self->discover || op->kind == POLL_ALL;
      finish_poll (self, op, FALSE);
      return;
    }

  self->failures = 0;
  op->answer = answer;
  op->now = self->clock != 0 ? self->clock : g_get_real_time ();
  op->added = g_ptr_array_new ();
  op->events = g_array_new (FALSE, FALSE, sizeof (Event));
  op->returned = g_hash_table_new (g_str_hash, g_str_equal);
  self->applying = op;
  /* The first chunk now; the rest in later iterations, after what the main loop has waiting
   * (a frame to draw, input). */
  if (apply_step (self))
    self->apply_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_step, self, NULL);
}

GStrv
_ferry_migration_tracker_keys_of_groups (FerryMigrationTracker *self, gboolean all)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (all || !((FerryTrackedGroup *)value)->resolved)
      g_strv_builder_add (b, key);
  return g_strv_builder_end (b);
}

static GStrv
keys_of_active (FerryMigrationTracker *self, gboolean all_followed)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FerryTrackedEntry *entry = value;

      if (entry_is_active (entry)
          || (all_followed && g_hash_table_contains (self->followed_ids, key)))
        g_strv_builder_add (b, key);
    }
  g_hash_table_iter_init (&iter, self->followed_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->entries, key))
      g_strv_builder_add (b, key);
  return g_strv_builder_end (b);
}

/* What the tracker holds of each migration's log, for the reader to leave out the events of
 * the logs that did not change (most of them, from one poll to the next): a snapshot, as the
 * pages are read in worker threads while the entries may change. */
static GHashTable *
known_logs (FerryMigrationTracker *self)
{
  GHashTable *known = ferry_migration_log_digests_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ferry_migration_log_digests_add (known, ((FerryTrackedEntry *)value)->migration);
  return known;
}

void
_ferry_migration_tracker_poll_now (FerryMigrationTracker *self)
{
  g_autoptr (GHashTable) known = NULL;
  g_auto (GStrv) keys = NULL;
  PollOp *op;
  PollKind kind;
  gint64 now = g_get_monotonic_time ();
  gint64 discovery_period = (gint64)MAX (self->base_interval, 1) * 12 * 1000;
  gboolean discover = self->discover;

  if (!self->started || self->loading)
    return;
  if (self->poll_cancellable != NULL)
    {
      self->poll_again = TRUE;
      return;
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->show_all
      && (discover || self->last_discovery == 0 || now - self->last_discovery >= discovery_period))
    kind = POLL_ALL;
  else if (!self->show_all
           && (keys = _ferry_migration_tracker_keys_of_groups (self, discover)) != NULL
           && keys[0] != NULL)
    kind = POLL_GROUPS;
  else
    {
      g_clear_pointer (&keys, g_strfreev);
      keys = keys_of_active (self, discover);
      kind = POLL_IDS;
      if (keys[0] == NULL)
        {
          self->discover = FALSE;
          _ferry_migration_tracker_schedule (self,
                                             _ferry_migration_tracker_compute_interval (self, 0));
          set_status (self, FERRY_TRACKER_STATUS_IDLE, NULL);
          return;
        }
    }
  self->discover = FALSE;

  op = g_new0 (PollOp, 1);
  op->self = self;
  op->cancellable = g_cancellable_new ();
  op->kind = kind;
  op->keys = g_steal_pointer (&keys);
  if (kind != POLL_ALL)
    {
      op->asked = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; op->keys[i] != NULL; i++)
        g_hash_table_add (op->asked, op->keys[i]);
    }
  self->poll_started = now;
  self->n_polls++;
  _ferry_migration_tracker_set_polling (self, op->cancellable);
  known = known_logs (self);
  ferry_hcx_client_refresh_migrations_async (
      self->client, kind == POLL_IDS ? (const char *const *)op->keys : NULL,
      kind == POLL_GROUPS ? (const char *const *)op->keys : NULL, known, op->cancellable,
      on_poll_done, op);
}
