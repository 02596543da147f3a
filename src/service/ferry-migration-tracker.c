/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-tracker.c: the object, the poll and its interval, cancel.
 *
 * One poll is one ferry_hcx_client_query_migrations_async() call (the client pages it) of one
 * of three kinds, as the server ANDs its filters:
 *   ALL     no filter: every migration (show-all mode, first poll and every 12 intervals);
 *   GROUPS  by group id: followed groups not listed yet in this run (or all of them on refresh);
 *   IDS     by migration id: every migration still active, and followed ids not seen yet.
 * Finished migrations are not asked for again, except by ALL and by a refresh. */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-migration-tracker-private.h"

#define DEFAULT_BASE_INTERVAL 5000 /* ms */
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
  GStrv keys; /* the group or migration ids asked for */
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

G_DEFINE_FINAL_TYPE (FerryMigrationTracker, ferry_migration_tracker, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FerryTrackerStatus, ferry_tracker_status,
                    G_DEFINE_ENUM_VALUE (FERRY_TRACKER_STATUS_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (FERRY_TRACKER_STATUS_POLLING, "polling"),
                    G_DEFINE_ENUM_VALUE (FERRY_TRACKER_STATUS_RECONNECTING, "reconnecting"))

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

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
poll_now (FerryMigrationTracker *self);
static gboolean
has_unseen_followed (FerryMigrationTracker *self);

void
_ferry_tracked_entry_free (FerryTrackedEntry *entry)
{
  g_clear_object (&entry->migration);
  g_free (entry);
}

void
_ferry_tracked_group_free (FerryTrackedGroup *group)
{
  g_free (group->plan_name);
  g_free (group);
}

static void
poll_op_free (PollOp *op)
{
  g_clear_object (&op->cancellable);
  g_strfreev (op->keys);
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

static void
set_polling (FerryMigrationTracker *self, GCancellable *cancellable)
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

static guint
compute_interval (FerryMigrationTracker *self, gint64 poll_duration_ms)
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
  poll_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (FerryMigrationTracker *self, guint interval)
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

static FerryTrackedGroup *
group_of (FerryMigrationTracker *self, FerryMigration *migration)
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
          group = group_of (self, entry->migration);
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
  set_polling (self, NULL);
  if (ok && op->kind == POLL_GROUPS && has_unseen_followed (self))
    self->poll_again = TRUE; /* followed on their own and not seen yet: ask now, not later */
  g_signal_emit (self, signals[SIGNAL_POLL_FINISHED], 0, ok);

  if (self->poll_again && self->started)
    {
      self->poll_again = FALSE;
      poll_op_free (op);
      poll_now (self);
      return;
    }
  schedule (self, compute_interval (self, op->duration_ms));
  if (self->interval == 0 && self->status == FERRY_TRACKER_STATUS_POLLING)
    set_status (self, FERRY_TRACKER_STATUS_IDLE, NULL);
  poll_op_free (op);
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
      poll_op_free (op);
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

static GStrv
keys_of_groups (FerryMigrationTracker *self, gboolean all)
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

static void
poll_now (FerryMigrationTracker *self)
{
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
  else if (!self->show_all && (keys = keys_of_groups (self, discover)) != NULL && keys[0] != NULL)
    kind = POLL_GROUPS;
  else
    {
      g_clear_pointer (&keys, g_strfreev);
      keys = keys_of_active (self, discover);
      kind = POLL_IDS;
      if (keys[0] == NULL)
        {
          self->discover = FALSE;
          schedule (self, compute_interval (self, 0));
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
  self->poll_started = now;
  self->n_polls++;
  set_polling (self, op->cancellable);
  ferry_hcx_client_query_migrations_async (
      self->client, kind == POLL_IDS ? (const char *const *)op->keys : NULL,
      kind == POLL_GROUPS ? (const char *const *)op->keys : NULL, NULL, op->cancellable,
      on_poll_done, op);
}

/* ---- Public API ---- */

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryMigrationTracker *self = FERRY_MIGRATION_TRACKER (source);
  g_autoptr (GError) error = NULL;
  gboolean show_all = self->show_all;

  if (!_ferry_migration_tracker_load_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Not fatal: the user follows again what they start; the next save replaces the file. */
      g_message ("Could not read what was being followed from %s: %s", self->state_file,
                 error->message);
    }
  self->loading = FALSE;
  if (show_all != self->show_all)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
  if (self->save_again)
    {
      self->save_again = FALSE;
      _ferry_migration_tracker_save (self);
    }
  if (self->started)
    poll_now (self);
}

void
ferry_migration_tracker_start (FerryMigrationTracker *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  if (self->started)
    return;
  self->started = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
  if (self->state_file != NULL && !self->loading && self->last_success == 0 && self->n_polls == 0)
    {
      self->loading = TRUE;
      _ferry_migration_tracker_load_async (self, on_loaded, NULL);
      return;
    }
  poll_now (self);
}

void
ferry_migration_tracker_stop (FerryMigrationTracker *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  if (!self->started)
    return;
  self->started = FALSE;
  self->poll_again = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_clear_pointer (&self->applying, poll_op_free); /* an answer half applied stays half */
  if (self->poll_cancellable != NULL)
    g_cancellable_cancel (self->poll_cancellable);
  set_polling (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
}

void
ferry_migration_tracker_refresh (FerryMigrationTracker *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  self->discover = TRUE;
  poll_now (self);
}

void
ferry_migration_tracker_follow_group (FerryMigrationTracker *self, const char *group_id,
                                      const char *plan_name)
{
  FerryTrackedGroup *group;

  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));
  g_return_if_fail (group_id != NULL);

  group = g_hash_table_lookup (self->groups, group_id);
  if (group != NULL && g_strcmp0 (group->plan_name, plan_name) == 0)
    return;
  if (group == NULL)
    {
      group = g_new0 (FerryTrackedGroup, 1);
      g_hash_table_insert (self->groups, g_strdup (group_id), group);
    }
  g_free (group->plan_name);
  group->plan_name = g_strdup (plan_name);
  group->resolved = FALSE;
  _ferry_migration_tracker_save (self);
  if (self->show_all)
    self->discover = TRUE;
  poll_now (self);
}

void
ferry_migration_tracker_follow_migrations (FerryMigrationTracker *self,
                                           const char *const *migration_ids)
{
  gboolean changed = FALSE;

  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  for (guint i = 0; migration_ids != NULL && migration_ids[i] != NULL; i++)
    {
      if (g_hash_table_add (self->followed_ids, g_strdup (migration_ids[i])))
        changed = TRUE;
      else
        continue;
    }
  if (!changed)
    return;
  _ferry_migration_tracker_save (self);
  poll_now (self);
}

char **
ferry_migration_tracker_dup_groups (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);

  return keys_of_groups (self, TRUE);
}

const char *
ferry_migration_tracker_get_plan_name (FerryMigrationTracker *self, FerryMigration *migration)
{
  FerryTrackedGroup *group;

  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);
  g_return_val_if_fail (FERRY_IS_MIGRATION (migration), NULL);

  group = group_of (self, migration);
  return group != NULL ? group->plan_name : NULL;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *)a, *(const char *const *)b);
}

char **
ferry_migration_tracker_dup_plan_names (FerryMigrationTracker *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const char *name = ((FerryTrackedGroup *)value)->plan_name;
      gboolean dup = FALSE;

      if (name == NULL)
        continue;
      for (guint i = 0; i < names->len && !dup; i++)
        dup = g_strcmp0 (names->pdata[i], name) == 0;
      if (!dup)
        g_ptr_array_add (names, (gpointer)name);
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (b, names->pdata[i]);
  return g_strv_builder_end (b);
}

FerryMigration *
ferry_migration_tracker_lookup (FerryMigrationTracker *self, const char *migration_id)
{
  FerryTrackedEntry *entry;

  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);

  entry = migration_id != NULL ? g_hash_table_lookup (self->entries, migration_id) : NULL;
  return entry != NULL ? entry->migration : NULL;
}

const FerryTrackerSummary *
ferry_migration_tracker_get_summary (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);
  return &self->summary;
}

const FerryTrackerSample *
ferry_migration_tracker_get_history (FerryMigrationTracker *self, guint *n_samples)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);

  if (n_samples != NULL)
    *n_samples = self->history->len;
  return (const FerryTrackerSample *)(gpointer)self->history->data;
}

double
ferry_migration_tracker_get_rate (FerryMigrationTracker *self, FerryMigration *migration)
{
  FerryTrackedEntry *entry;

  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), -1);

  entry = g_hash_table_lookup (self->entries, ferry_migration_get_migration_id (migration));
  if (entry == NULL || entry->stage != FERRY_MIGRATION_STAGE_TRANSFERRING)
    return -1;
  return entry->rate;
}

gint64
ferry_migration_tracker_get_eta_seconds (FerryMigrationTracker *self, FerryMigration *migration)
{
  double rate = ferry_migration_tracker_get_rate (self, migration);
  gint64 total = ferry_migration_get_total_bytes (migration);
  gint64 done = ferry_migration_get_bytes_transferred (migration);

  if (rate <= 0 || total < 0 || done < 0)
    return -1;
  return (gint64)((double)MAX (total - done, 0) / rate + 0.5);
}

/* ---- Cancel ---- */

static void
on_cancelled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FerryMigrationTracker *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!ferry_hcx_client_cancel_migrations_finish (FERRY_HCX_CLIENT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  poll_now (self);
  g_task_return_boolean (task, TRUE);
}

void
ferry_migration_tracker_cancel_async (FerryMigrationTracker *self, GListModel *migrations,
                                      gboolean force, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GListStore) active = g_list_store_new (FERRY_TYPE_MIGRATION);
  guint n;

  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));
  g_return_if_fail (G_IS_LIST_MODEL (migrations));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_migration_tracker_cancel_async);
  n = g_list_model_get_n_items (migrations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);

      if (!ferry_migration_stage_is_finished (ferry_migration_stage_from_migration (m)))
        g_list_store_append (active, m);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (active)) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  ferry_hcx_client_cancel_migrations_async (self->client, G_LIST_MODEL (active), force, cancellable,
                                            on_cancelled, g_steal_pointer (&task));
}

gboolean
ferry_migration_tracker_cancel_finish (FerryMigrationTracker *self, GAsyncResult *result,
                                       GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == ferry_migration_tracker_cancel_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
_ferry_migration_tracker_get_n_polls (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), 0);
  return self->n_polls;
}

void
_ferry_migration_tracker_poll (FerryMigrationTracker *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));
  poll_now (self);
}

void
_ferry_migration_tracker_set_clock (FerryMigrationTracker *self, gint64 now)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));
  self->clock = now;
}

/* ---- Properties ---- */

FerryHcxClient *
ferry_migration_tracker_get_client (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);
  return self->client;
}

GListModel *
ferry_migration_tracker_get_migrations (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);
  return G_LIST_MODEL (self->migrations);
}

gboolean
ferry_migration_tracker_get_show_all (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), FALSE);
  return self->show_all;
}

void
ferry_migration_tracker_set_show_all (FerryMigrationTracker *self, gboolean show_all)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  show_all = !!show_all;
  if (self->show_all == show_all)
    return;
  self->show_all = show_all;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
  _ferry_migration_tracker_save (self);
  self->discover = TRUE;
  poll_now (self);
}

FerryTrackerStatus
ferry_migration_tracker_get_status (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), FERRY_TRACKER_STATUS_IDLE);
  return self->status;
}

const char *
ferry_migration_tracker_get_last_error (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);
  return self->last_error;
}

gint64
ferry_migration_tracker_get_last_success (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), 0);
  return self->last_success;
}

guint
ferry_migration_tracker_get_base_interval (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), 0);
  return self->base_interval;
}

void
ferry_migration_tracker_set_base_interval (FerryMigrationTracker *self, guint ms)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  ms = MAX (ms, 1);
  if (self->base_interval == ms)
    return;
  self->base_interval = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_INTERVAL]);
  if (self->timeout_id != 0)
    schedule (self, compute_interval (self, 0));
}

guint
ferry_migration_tracker_get_interval (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), 0);
  return self->interval;
}

gboolean
ferry_migration_tracker_get_polling (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), FALSE);
  return self->poll_cancellable != NULL;
}

gboolean
ferry_migration_tracker_get_started (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), FALSE);
  return self->started;
}

char *
ferry_migration_tracker_default_state_file (const char *host)
{
  g_autoptr (GString) name = g_string_new (NULL);

  for (const char *p = host != NULL ? host : "default"; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '.' || *p == '-' ? *p : '_');
  g_string_append (name, ".json");
  return g_build_filename (g_get_user_data_dir (), "ferry", "tracking", name->str, NULL);
}

FerryMigrationTracker *
ferry_migration_tracker_new (FerryHcxClient *client, const char *state_file)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (client), NULL);

  return g_object_new (FERRY_TYPE_MIGRATION_TRACKER, "client", client, "state-file", state_file,
                       NULL);
}

static void
ferry_migration_tracker_dispose (GObject *object)
{
  FerryMigrationTracker *self = FERRY_MIGRATION_TRACKER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_clear_pointer (&self->applying, poll_op_free);
  if (self->poll_cancellable != NULL)
    g_cancellable_cancel (self->poll_cancellable);
  g_clear_object (&self->poll_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (ferry_migration_tracker_parent_class)->dispose (object);
}

static void
ferry_migration_tracker_finalize (GObject *object)
{
  FerryMigrationTracker *self = FERRY_MIGRATION_TRACKER (object);

  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->groups);
  g_hash_table_unref (self->followed_ids);
  g_clear_object (&self->migrations);
  g_clear_object (&self->cancellable);
  g_array_unref (self->history);
  g_free (self->state_file);
  g_free (self->last_error);

  G_OBJECT_CLASS (ferry_migration_tracker_parent_class)->finalize (object);
}

static void
ferry_migration_tracker_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  FerryMigrationTracker *self = FERRY_MIGRATION_TRACKER (object);

  switch (prop_id)
    {
      case PROP_CLIENT:
        g_value_set_object (value, self->client);
        break;
      case PROP_STATE_FILE:
        g_value_set_string (value, self->state_file);
        break;
      case PROP_MIGRATIONS:
        g_value_set_object (value, self->migrations);
        break;
      case PROP_SHOW_ALL:
        g_value_set_boolean (value, self->show_all);
        break;
      case PROP_STATUS:
        g_value_set_enum (value, self->status);
        break;
      case PROP_LAST_ERROR:
        g_value_set_string (value, self->last_error);
        break;
      case PROP_LAST_SUCCESS:
        g_value_set_int64 (value, self->last_success);
        break;
      case PROP_BASE_INTERVAL:
        g_value_set_uint (value, self->base_interval);
        break;
      case PROP_INTERVAL:
        g_value_set_uint (value, self->interval);
        break;
      case PROP_POLLING:
        g_value_set_boolean (value, self->poll_cancellable != NULL);
        break;
      case PROP_STARTED:
        g_value_set_boolean (value, self->started);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_tracker_set_property (GObject *object, guint prop_id, const GValue *value,
                                      GParamSpec *pspec)
{
  FerryMigrationTracker *self = FERRY_MIGRATION_TRACKER (object);

  switch (prop_id)
    {
      case PROP_CLIENT:
        self->client = g_value_dup_object (value);
        break;
      case PROP_STATE_FILE:
        self->state_file = g_value_dup_string (value);
        break;
      case PROP_SHOW_ALL:
        ferry_migration_tracker_set_show_all (self, g_value_get_boolean (value));
        break;
      case PROP_BASE_INTERVAL:
        ferry_migration_tracker_set_base_interval (self, g_value_get_uint (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_tracker_class_init (FerryMigrationTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ferry_migration_tracker_dispose;
  object_class->finalize = ferry_migration_tracker_finalize;
  object_class->get_property = ferry_migration_tracker_get_property;
  object_class->set_property = ferry_migration_tracker_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, FERRY_TYPE_HCX_CLIENT, co);
  properties[PROP_STATE_FILE] = g_param_spec_string ("state-file", NULL, NULL, NULL, co);
  properties[PROP_MIGRATIONS]
      = g_param_spec_object ("migrations", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_SHOW_ALL] = g_param_spec_boolean ("show-all", NULL, NULL, FALSE, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, FERRY_TYPE_TRACKER_STATUS,
                                               FERRY_TRACKER_STATUS_IDLE, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  properties[PROP_LAST_SUCCESS]
      = g_param_spec_int64 ("last-success", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_BASE_INTERVAL]
      = g_param_spec_uint ("base-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_BASE_INTERVAL, rw);
  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_POLLING] = g_param_spec_boolean ("polling", NULL, NULL, FALSE, ro);
  properties[PROP_STARTED] = g_param_spec_boolean ("started", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_POLL_FINISHED]
      = g_signal_new ("poll-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_MIGRATION_FAILED]
      = g_signal_new ("migration-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 1, FERRY_TYPE_MIGRATION);
  signals[SIGNAL_SWITCHOVER_STARTED]
      = g_signal_new ("switchover-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 1, FERRY_TYPE_MIGRATION);
  signals[SIGNAL_GROUP_FINISHED]
      = g_signal_new ("group-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
ferry_migration_tracker_init (FerryMigrationTracker *self)
{
  self->migrations = g_list_store_new (FERRY_TYPE_MIGRATION);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)_ferry_tracked_entry_free);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)_ferry_tracked_group_free);
  self->followed_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->history = g_array_new (FALSE, TRUE, sizeof (FerryTrackerSample));
  self->cancellable = g_cancellable_new ();
  self->base_interval = DEFAULT_BASE_INTERVAL;
  self->status = FERRY_TRACKER_STATUS_IDLE;
}
