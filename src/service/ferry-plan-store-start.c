/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store-start.c: saving and reading what a plan's start did */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-plan-store-start-private.h"
#include "ferry-plan-store.h"

void
_ferry_plan_store_add_start (JsonBuilder *b, FerryPlan *plan)
{
  const char *state = ferry_plan_start_state_to_string (ferry_plan_get_start_state (plan));
  g_auto (GStrv) ids = ferry_plan_list_started_vm_ids (plan);

  if (state == NULL && ids[0] == NULL)
    return;
  json_builder_set_member_name (b, "start");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "state");
  if (state != NULL)
    json_builder_add_string_value (b, state);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "migrations");
  json_builder_begin_object (b);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      json_builder_set_member_name (b, ids[i]);
      json_builder_add_string_value (b, ferry_plan_get_migration_id (plan, ids[i]));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

void
_ferry_plan_store_read_start (JsonObject *o, FerryPlan *plan)
{
  JsonNode *n = json_object_get_member (o, "start");
  JsonObject *start, *migrations = NULL;
  JsonNode *m;

  if (n == NULL || !JSON_NODE_HOLDS_OBJECT (n))
    return;
  start = json_node_get_object (n);
  m = json_object_get_member (start, "migrations");
  if (m != NULL && JSON_NODE_HOLDS_OBJECT (m))
    migrations = json_node_get_object (m);
  if (migrations != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (migrations);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *v = json_object_get_member (migrations, l->data);

          if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
            ferry_plan_set_migration_id (plan, l->data, json_node_get_string (v));
        }
    }
  n = json_object_get_member (start, "state");
  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    ferry_plan_set_start_state (plan,
                                ferry_plan_start_state_from_string (json_node_get_string (n)));
}

/* ---- Importing over a started plan ---- */

typedef struct
{
  GFile *saved;              /* the store's file for the plan's id */
  FerryPlanStartState state; /* the imported plan's */
  guint n_started;
} ImportCheck;

static void
import_check_free (ImportCheck *c)
{
  g_object_unref (c->saved);
  g_free (c);
}

static void
import_check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ImportCheck *c = task_data;
  g_autoptr (FerryPlan) saved = NULL;

  /* No readable plan of that id: nothing to lose. */
  if (g_file_query_exists (c->saved, cancellable))
    saved = ferry_plan_load_file (c->saved, NULL);
  if (saved != NULL && ferry_plan_get_start_state (saved) != FERRY_PLAN_START_NONE
      && (c->state < ferry_plan_get_start_state (saved)
          || c->n_started < ferry_plan_get_n_started (saved)))
    {
      g_task_return_new_error (
          task, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_STARTED,
          _ ("This is an earlier copy of a plan that has started migrations (%u of them). Ferry "
             "keeps the started plan as it is: its migrations are on the dashboard."),
          ferry_plan_get_n_started (saved));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
ferry_plan_store_check_import_async (FerryPlanStore *self, FerryPlan *plan,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ImportCheck *c;

  g_return_if_fail (FERRY_IS_PLAN_STORE (self));
  g_return_if_fail (FERRY_IS_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_plan_store_check_import_async);
  c = g_new0 (ImportCheck, 1);
  c->saved = ferry_plan_store_get_file (self, plan);
  c->state = ferry_plan_get_start_state (plan);
  c->n_started = ferry_plan_get_n_started (plan);
  g_task_set_task_data (task, c, (GDestroyNotify)import_check_free);
  g_task_run_in_thread (task, import_check_thread);
}

gboolean
ferry_plan_store_check_import_finish (FerryPlanStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
