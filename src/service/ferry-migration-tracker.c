/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-tracker.c: the object, its API and properties, cancel
 * (the poll itself: ferry-migration-tracker-poll.c) */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-migration-tracker-private.h"

#define DEFAULT_BASE_INTERVAL 5000 /* ms */

G_DEFINE_FINAL_TYPE (FerryMigrationTracker, ferry_migration_tracker, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FerryTrackerStatus, ferry_tracker_status,
                    G_DEFINE_ENUM_VALUE (FERRY_TRACKER_STATUS_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (FERRY_TRACKER_STATUS_POLLING, "polling"),
                    G_DEFINE_ENUM_VALUE (FERRY_TRACKER_STATUS_RECONNECTING, "reconnecting"))

GParamSpec *_ferry_migration_tracker_properties[N_PROPS];
guint _ferry_migration_tracker_signals[N_SIGNALS];
#define properties _ferry_migration_tracker_properties
#define signals _ferry_migration_tracker_signals

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
  self->loaded = TRUE;
  if (show_all != self->show_all)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
  if (self->save_again)
    {
      self->save_again = FALSE;
      _ferry_migration_tracker_save (self);
    }
  if (self->started)
    _ferry_migration_tracker_poll_now (self);
}

void
ferry_migration_tracker_start (FerryMigrationTracker *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  if (self->started)
    return;
  self->started = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
  if (self->state_file != NULL && !self->loaded)
    {
      _ferry_migration_tracker_ensure_loaded (self); /* polls once read */
      return;
    }
  _ferry_migration_tracker_poll_now (self);
}

void
_ferry_migration_tracker_ensure_loaded (FerryMigrationTracker *self)
{
  if (self->state_file == NULL || self->loaded || self->loading)
    return;
  self->loading = TRUE;
  _ferry_migration_tracker_load_async (self, on_loaded, NULL);
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
  g_clear_pointer (&self->applying,
                   _ferry_migration_tracker_poll_op_free); /* an answer half applied stays half */
  if (self->poll_cancellable != NULL)
    g_cancellable_cancel (self->poll_cancellable);
  _ferry_migration_tracker_set_polling (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
}

void
ferry_migration_tracker_refresh (FerryMigrationTracker *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));

  self->discover = TRUE;
  _ferry_migration_tracker_poll_now (self);
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
  _ferry_migration_tracker_poll_now (self);
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
  _ferry_migration_tracker_poll_now (self);
}

char **
ferry_migration_tracker_dup_groups (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);

  return _ferry_migration_tracker_keys_of_groups (self, TRUE);
}

const char *
ferry_migration_tracker_get_plan_name (FerryMigrationTracker *self, FerryMigration *migration)
{
  FerryTrackedGroup *group;

  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), NULL);
  g_return_val_if_fail (FERRY_IS_MIGRATION (migration), NULL);

  group = _ferry_migration_tracker_group_of (self, migration);
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
  _ferry_migration_tracker_poll_now (self);
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

guint
_ferry_migration_tracker_get_n_ignored (FerryMigrationTracker *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_TRACKER (self), 0);
  return self->n_ignored;
}

void
_ferry_migration_tracker_poll (FerryMigrationTracker *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_TRACKER (self));
  _ferry_migration_tracker_poll_now (self);
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
  _ferry_migration_tracker_poll_now (self);
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
    _ferry_migration_tracker_schedule (self, _ferry_migration_tracker_compute_interval (self, 0));
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
  g_clear_pointer (&self->applying, _ferry_migration_tracker_poll_op_free);
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
