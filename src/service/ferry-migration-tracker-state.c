/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-tracker-state.c: the state file, so that a restart resumes what was followed.
 *
 *   {"version":1,"showAll":false,
 *    "groups":[{"id":"<migrationGroupId>","plan":"<plan name>"}],"migrations":["<migrationId>"]}
 *
 * Written whole, atomically (a temporary file renamed over the old one), in a worker thread;
 * one write at a time, the last state always wins. Read in a worker thread at start. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ferry-migration-tracker-private.h"

#define STATE_VERSION 1

static char *
serialize (FerryMigrationTracker *self)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, STATE_VERSION);
  json_builder_set_member_name (b, "showAll");
  json_builder_add_boolean_value (b, self->show_all);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FerryTrackedGroup *group = value;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, key);
      if (group->plan_name != NULL)
        {
          json_builder_set_member_name (b, "plan");
          json_builder_add_string_value (b, group->plan_name);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "migrations");
  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, self->followed_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    json_builder_add_string_value (b, key);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, TRUE);
}

typedef struct
{
  char *path;
  char *contents;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->path);
  g_free (data->contents);
  g_free (data);
}

static void
save_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autofree char *dir = g_path_get_dirname (data->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               "Could not create %s: %s", dir, g_strerror (saved));
      return;
    }
  if (!g_file_set_contents_full (data->path, data->contents, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryMigrationTracker *self = FERRY_MIGRATION_TRACKER (source);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not save what is being followed: %s", error->message);
  self->saving = FALSE;
  if (self->save_again)
    {
      self->save_again = FALSE;
      _ferry_migration_tracker_save (self);
    }
}

void
_ferry_migration_tracker_save (FerryMigrationTracker *self)
{
  g_autoptr (GTask) task = NULL;
  SaveData *data;

  if (self->state_file == NULL)
    return;
  /* Not read yet: what is followed now joins what the file holds, then both are saved. */
  if (self->saving || self->loading || !self->loaded)
    {
      self->save_again = TRUE;
      _ferry_migration_tracker_ensure_loaded (self);
      return;
    }
  self->saving = TRUE;
  data = g_new0 (SaveData, 1);
  data->path = g_strdup (self->state_file);
  data->contents = serialize (self);
  /* No cancellable: a write that started is finished even while the tracker goes away. */
  task = g_task_new (self, NULL, on_saved, NULL);
  g_task_set_source_tag (task, _ferry_migration_tracker_save);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/* ---- Loading ---- */

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  const char *path = task_data;
  char *contents = NULL;
  GError *error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_clear_error (&error);
          g_task_return_pointer (task, g_strdup (""), g_free);
          return;
        }
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, contents, g_free);
}

void
_ferry_migration_tracker_load_async (FerryMigrationTracker *self, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, callback, user_data);

  g_task_set_source_tag (task, _ferry_migration_tracker_load_async);
  g_task_set_task_data (task, g_strdup (self->state_file), g_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
apply_state (FerryMigrationTracker *self, const char *contents, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonArray *groups;
  JsonArray *ids;

  if (contents[0] == '\0')
    return TRUE;
  if (!json_parser_load_from_data (parser, contents, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a JSON object");
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (root, "showAll")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (root, "showAll")))
    self->show_all = self->show_all || json_object_get_boolean_member (root, "showAll");
  groups = json_object_has_member (root, "groups")
                   && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "groups"))
               ? json_object_get_array_member (root, "groups")
               : NULL;
  ids = json_object_has_member (root, "migrations")
                && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "migrations"))
            ? json_object_get_array_member (root, "migrations")
            : NULL;
  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonNode *node = json_array_get_element (groups, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id
          = o != NULL ? json_object_get_string_member_with_default (o, "id", NULL) : NULL;
      FerryTrackedGroup *group;

      if (id == NULL || id[0] == '\0' || g_hash_table_contains (self->groups, id))
        continue;
      group = g_new0 (FerryTrackedGroup, 1);
      group->plan_name = g_strdup (json_object_get_string_member_with_default (o, "plan", NULL));
      g_hash_table_insert (self->groups, g_strdup (id), group);
    }
  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      JsonNode *node = json_array_get_element (ids, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && json_node_get_string (node)[0] != '\0')
        g_hash_table_add (self->followed_ids, g_strdup (json_node_get_string (node)));
    }
  return TRUE;
}

gboolean
_ferry_migration_tracker_load_finish (FerryMigrationTracker *self, GAsyncResult *result,
                                      GError **error)
{
  g_autofree char *contents = g_task_propagate_pointer (G_TASK (result), error);

  if (contents == NULL)
    return FALSE;
  return apply_state (self, contents, error);
}
