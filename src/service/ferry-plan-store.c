/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store.c: plan files (atomic writes) and the autosaving store */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ferry-plan-store.h"

/* ---- Files ---- */

static gboolean
write_atomically (GFile *file, const char *data, gsize length, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autoptr (GError) local = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_IO,
                           _ ("Plans can only be saved to local files."));
      return FALSE;
    }
  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &local)
      && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_IO,
                   _ ("The plan could not be saved: %s"), local->message);
      return FALSE;
    }
  g_clear_error (&local);
  /* CONSISTENT: a temporary file renamed over the old one; DURABLE: fsync before the rename. */
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 &local))
    {
      g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_IO,
                   _ ("The plan could not be saved: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
ferry_plan_save_file (FerryPlan *plan, GFile *file, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (FERRY_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = ferry_plan_to_json (plan, &length);
  return write_atomically (file, data, length, error);
}

FerryPlan *
ferry_plan_load_file (GFile *file, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local))
    {
      g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_IO,
                   _ ("The plan could not be read: %s"), local->message);
      return NULL;
    }
  return ferry_plan_from_json (data, (gssize)length, error);
}

typedef struct
{
  GFile *file;
  GBytes *data;
} SaveData;

static void
save_data_free (SaveData *d)
{
  g_clear_object (&d->file);
  g_clear_pointer (&d->data, g_bytes_unref);
  g_free (d);
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SaveData *d = task_data;
  GError *error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (d->data, &length);

  if (write_atomically (d->file, data, length, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ferry_plan_save_file_async (FerryPlan *plan, GFile *file, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  SaveData *d;
  char *json;
  gsize length = 0;

  g_return_if_fail (FERRY_IS_PLAN (plan));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_plan_save_file_async);
  d = g_new0 (SaveData, 1);
  d->file = g_object_ref (file);
  json = ferry_plan_to_json (plan, &length);
  d->data = g_bytes_new_take (json, length);
  g_task_set_task_data (task, d, (GDestroyNotify)save_data_free);
  /* Once started, a save runs to its end: a half-made decision is worse than a late one. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ferry_plan_save_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  FerryPlan *plan = ferry_plan_load_file (task_data, &error);

  if (plan != NULL)
    g_task_return_pointer (task, plan, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
ferry_plan_load_file_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_plan_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

FerryPlan *
ferry_plan_load_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- The store ---- */

struct _FerryPlanStore
{
  GObject parent_instance;

  GFile *directory;
  guint delay_ms;
  GHashTable *tracked; /* FerryPlan -> Tracked */
  guint n_saving;
  char *last_error;
};

typedef struct
{
  FerryPlanStore *store; /* unowned */
  FerryPlan *plan;       /* unowned; the entry goes when the plan does */
  guint timeout_id;
  gboolean dirty;
  gboolean in_flight; /* a save runs; another change waits for it */
} Tracked;

G_DEFINE_FINAL_TYPE (FerryPlanStore, ferry_plan_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DIRECTORY,
  PROP_DELAY,
  PROP_SAVING,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
schedule_save (Tracked *t);

static void
set_last_error (FerryPlanStore *self, const char *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
set_n_saving (FerryPlanStore *self, guint n)
{
  gboolean was = self->n_saving > 0;

  self->n_saving = n;
  if (was != (n > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

typedef struct
{
  FerryPlanStore *store; /* strong */
  FerryPlan *plan;       /* strong */
} SaveCall;

static void
autosave_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SaveCall *call = user_data;
  FerryPlanStore *self = call->store;
  g_autoptr (GError) error = NULL;
  Tracked *t;

  set_n_saving (self, self->n_saving - 1);
  if (ferry_plan_save_file_finish (result, &error))
    {
      set_last_error (self, NULL);
      g_signal_emit (self, signals[SIGNAL_SAVED], 0, call->plan);
    }
  else
    {
      g_warning ("Autosave of plan %s failed: %s", ferry_plan_get_id (call->plan), error->message);
      set_last_error (self, error->message);
    }

  t = self->tracked != NULL ? g_hash_table_lookup (self->tracked, call->plan) : NULL;
  if (t != NULL)
    {
      t->in_flight = FALSE;
      if (t->dirty)
        schedule_save (t);
    }
  g_object_unref (call->plan);
  g_object_unref (call->store);
  g_free (call);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  Tracked *t = user_data;
  FerryPlanStore *self = t->store;
  g_autoptr (GFile) file = ferry_plan_store_get_file (self, t->plan);
  SaveCall *call;

  t->timeout_id = 0;
  if (t->in_flight)
    return G_SOURCE_REMOVE; /* saved again when that one ends */

  t->dirty = FALSE;
  t->in_flight = TRUE;
  call = g_new0 (SaveCall, 1);
  call->store = g_object_ref (self);
  call->plan = g_object_ref (t->plan);
  set_n_saving (self, self->n_saving + 1);
  ferry_plan_save_file_async (t->plan, file, NULL, autosave_done_cb, call);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (Tracked *t)
{
  t->dirty = TRUE;
  if (t->in_flight)
    return;
  g_clear_handle_id (&t->timeout_id, g_source_remove);
  t->timeout_id = g_timeout_add (t->store->delay_ms, save_timeout_cb, t);
}

static void
plan_changed_cb (FerryPlan *plan, Tracked *t)
{
  schedule_save (t);
}

static void
tracked_free (Tracked *t)
{
  g_clear_handle_id (&t->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (t->plan, t);
  g_object_unref (t->plan);
  g_free (t);
}

static void
ferry_plan_store_dispose (GObject *object)
{
  FerryPlanStore *self = FERRY_PLAN_STORE (object);

  if (self->tracked != NULL)
    ferry_plan_store_flush (self);
  g_clear_pointer (&self->tracked, g_hash_table_unref);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (ferry_plan_store_parent_class)->dispose (object);
}

static void
ferry_plan_store_finalize (GObject *object)
{
  FerryPlanStore *self = FERRY_PLAN_STORE (object);

  g_free (self->last_error);

  G_OBJECT_CLASS (ferry_plan_store_parent_class)->finalize (object);
}

static void
ferry_plan_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryPlanStore *self = FERRY_PLAN_STORE (object);

  switch (prop_id)
    {
      case PROP_DIRECTORY:
        g_value_set_object (value, self->directory);
        break;
      case PROP_DELAY:
        g_value_set_uint (value, self->delay_ms);
        break;
      case PROP_SAVING:
        g_value_set_boolean (value, self->n_saving > 0);
        break;
      case PROP_LAST_ERROR:
        g_value_set_string (value, self->last_error);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_plan_store_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  FerryPlanStore *self = FERRY_PLAN_STORE (object);

  switch (prop_id)
    {
      case PROP_DIRECTORY:
        self->directory = g_value_dup_object (value);
        break;
      case PROP_DELAY:
        ferry_plan_store_set_delay (self, g_value_get_uint (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_plan_store_constructed (GObject *object)
{
  FerryPlanStore *self = FERRY_PLAN_STORE (object);

  G_OBJECT_CLASS (ferry_plan_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "ferry", "plans", NULL);

      self->directory = g_file_new_for_path (path);
    }
}

static void
ferry_plan_store_class_init (FerryPlanStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ferry_plan_store_constructed;
  object_class->dispose = ferry_plan_store_dispose;
  object_class->finalize = ferry_plan_store_finalize;
  object_class->get_property = ferry_plan_store_get_property;
  object_class->set_property = ferry_plan_store_set_property;

  properties[PROP_DIRECTORY]
      = g_param_spec_object ("directory", NULL, NULL, G_TYPE_FILE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY]
      = g_param_spec_uint ("delay", NULL, NULL, 0, 60000, 800,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING]
      = g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR]
      = g_param_spec_string ("last-error", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, FERRY_TYPE_PLAN);
}

static void
ferry_plan_store_init (FerryPlanStore *self)
{
  self->delay_ms = 800;
  self->tracked
      = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)tracked_free);
}

FerryPlanStore *
ferry_plan_store_new (GFile *directory)
{
  return g_object_new (FERRY_TYPE_PLAN_STORE, "directory", directory, NULL);
}

GFile *
ferry_plan_store_get_directory (FerryPlanStore *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN_STORE (self), NULL);
  return self->directory;
}

GFile *
ferry_plan_store_get_file (FerryPlanStore *self, FerryPlan *plan)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (FERRY_IS_PLAN_STORE (self), NULL);
  g_return_val_if_fail (FERRY_IS_PLAN (plan), NULL);

  name = g_strconcat (ferry_plan_get_id (plan), ".json", NULL);
  return g_file_get_child (self->directory, name);
}

void
ferry_plan_store_set_delay (FerryPlanStore *self, guint delay_ms)
{
  g_return_if_fail (FERRY_IS_PLAN_STORE (self));

  if (self->delay_ms == delay_ms)
    return;
  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
ferry_plan_store_get_saving (FerryPlanStore *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN_STORE (self), FALSE);
  return self->n_saving > 0;
}

const char *
ferry_plan_store_get_last_error (FerryPlanStore *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN_STORE (self), NULL);
  return self->last_error;
}

void
ferry_plan_store_track (FerryPlanStore *self, FerryPlan *plan)
{
  Tracked *t;

  g_return_if_fail (FERRY_IS_PLAN_STORE (self));
  g_return_if_fail (FERRY_IS_PLAN (plan));

  if (g_hash_table_contains (self->tracked, plan))
    return;
  t = g_new0 (Tracked, 1);
  t->store = self;
  t->plan = g_object_ref (plan);
  g_hash_table_insert (self->tracked, plan, t);
  g_signal_connect (plan, "changed", G_CALLBACK (plan_changed_cb), t);
  schedule_save (t);
}

void
ferry_plan_store_untrack (FerryPlanStore *self, FerryPlan *plan)
{
  Tracked *t;

  g_return_if_fail (FERRY_IS_PLAN_STORE (self));

  t = g_hash_table_lookup (self->tracked, plan);
  if (t == NULL)
    return;
  if (t->dirty)
    {
      g_autoptr (GFile) file = ferry_plan_store_get_file (self, plan);
      g_autoptr (GError) error = NULL;

      if (!ferry_plan_save_file (plan, file, &error))
        set_last_error (self, error->message);
    }
  g_hash_table_remove (self->tracked, plan);
}

void
ferry_plan_store_flush (FerryPlanStore *self)
{
  GHashTableIter iter;
  Tracked *t;

  g_return_if_fail (FERRY_IS_PLAN_STORE (self));

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&t))
    {
      g_autoptr (GFile) file = NULL;
      g_autoptr (GError) error = NULL;

      if (!t->dirty)
        continue;
      g_clear_handle_id (&t->timeout_id, g_source_remove);
      t->dirty = FALSE;
      file = ferry_plan_store_get_file (self, t->plan);
      if (!ferry_plan_save_file (t->plan, file, &error))
        set_last_error (self, error->message);
      /* A save in flight holds older text and may rename it over this one: save again after
       * it ends. */
      if (t->in_flight)
        t->dirty = TRUE;
    }
}

gboolean
ferry_plan_store_discard (FerryPlanStore *self, FerryPlan *plan, GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (FERRY_IS_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (FERRY_IS_PLAN (plan), FALSE);

  g_hash_table_remove (self->tracked, plan);
  file = ferry_plan_store_get_file (self, plan);
  if (!g_file_delete (file, NULL, &local)
      && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_IO,
                   _ ("The saved plan could not be removed: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Resuming ---- */

typedef struct
{
  GFile *directory;
  char *server;
  char *manager_id;
} FindData;

static void
find_data_free (FindData *d)
{
  g_clear_object (&d->directory);
  g_free (d->server);
  g_free (d->manager_id);
  g_free (d);
}

static void
find_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  FindData *d = task_data;
  g_autoptr (GFileEnumerator) e = NULL;
  g_autoptr (FerryPlan) best = NULL;
  g_autoptr (GError) error = NULL;
  GFileInfo *info;

  e = g_file_enumerate_children (d->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                 G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (e == NULL)
    {
      /* No directory yet: nothing to resume. */
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  while ((info = g_file_enumerator_next_file (e, cancellable, NULL)) != NULL)
    {
      g_autoptr (GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr (GFile) file = NULL;
      g_autoptr (FerryPlan) plan = NULL;

      /* Only finished files: a temporary file of an interrupted save ends in random letters. */
      if (!g_str_has_suffix (name, ".json"))
        continue;
      file = g_file_get_child (d->directory, name);
      plan = ferry_plan_load_file (file, NULL);
      if (plan == NULL)
        continue;
      /* The manager's own id decides where both are known (a manager may be reached at
       * another address, the embedded simulator on another port); else the address. */
      if (d->manager_id != NULL && ferry_plan_get_manager_id (plan) != NULL
              ? g_strcmp0 (ferry_plan_get_manager_id (plan), d->manager_id) != 0
              : g_strcmp0 (ferry_plan_get_server (plan), d->server) != 0)
        continue;
      if (ferry_plan_get_n_items (plan) == 0)
        continue; /* nothing worth resuming */
      if (best == NULL || ferry_plan_get_modified (plan) > ferry_plan_get_modified (best))
        g_set_object (&best, plan);
    }
  g_task_return_pointer (task, g_steal_pointer (&best), g_object_unref);
}

void
ferry_plan_store_find_resumable_async (FerryPlanStore *self, const char *server,
                                       const char *manager_id, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  FindData *d;

  g_return_if_fail (FERRY_IS_PLAN_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_plan_store_find_resumable_async);
  d = g_new0 (FindData, 1);
  d->directory = g_object_ref (self->directory);
  d->server = g_strdup (server);
  d->manager_id = g_strdup (manager_id);
  g_task_set_task_data (task, d, (GDestroyNotify)find_data_free);
  g_task_run_in_thread (task, find_thread);
}

FerryPlan *
ferry_plan_store_find_resumable_finish (FerryPlanStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
