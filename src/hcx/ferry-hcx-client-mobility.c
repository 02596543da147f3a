/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-mobility.c: migrations and what surrounds them.
 *
 * Validate and start (never resent: an interrupted start is reconciled, see
 * ferry-hcx-client-reconcile.c), cancel, mobility groups (creation reconciled likewise) and
 * jobs. The query is in ferry-hcx-client-query.c. */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-hcx-client-private.h"

/* Validate and start -------------------------------------------------------------------------- */

typedef struct
{
  char *group_id;
  gboolean start;
  GStrv entity_ids;
  guint n_intents;
} MigrateOp;

static void
migrate_op_free (MigrateOp *op)
{
  g_free (op->group_id);
  g_strfreev (op->entity_ids);
  g_free (op);
}

static void
on_migrate_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  MigrateOp *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  FerryValidationResult *vr = NULL;
  guint status = 0;

  root = _ferry_hcx_client_call_json_finish (self, result, &status, &error);
  if (root != NULL)
    {
      vr = ferry_hcx_json_to_validation_result (root);
      if (vr == NULL)
        g_set_error (&error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                     _ ("HCX Manager “%s” answered the %s request in an unexpected format."),
                     self->host, op->start ? "start" : "validation");
    }
  if (vr == NULL)
    {
      FerryHcxOutcome outcome = _ferry_hcx_outcome (error, status);

      /* Only a parsed answer tells what a start did; anything else is asked about. */
      if (op->start && outcome != FERRY_HCX_OUTCOME_NOT_DONE)
        {
          _ferry_hcx_client_reconcile_start (
              self, g_steal_pointer (&task), op->group_id, (const char *const *)op->entity_ids,
              op->n_intents, g_steal_pointer (&error), outcome == FERRY_HCX_OUTCOME_REFUSED);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (status == SOUP_STATUS_BAD_REQUEST && !ferry_validation_result_has_errors (vr))
    {
      g_autofree char *msg = ferry_hcx_json_error_message (root);
      g_autofree char *says = _ferry_hcx_server_says (msg);

      g_object_unref (vr);
      _ferry_hcx_return_error (task, FERRY_HCX_ERROR_BAD_REQUEST,
                               _ ("HCX Manager “%s” rejected the request (HTTP 400).%s"),
                               self->host, says);
      return;
    }
  if (ferry_validation_result_get_migration_group_id (vr) == NULL)
    ferry_validation_result_set_migration_group_id (vr, op->group_id);
  g_task_return_pointer (task, vr, g_object_unref);
}

/* The entity ids of @intents (NULL-terminated). */
static GStrv
intent_entity_ids (GListModel *intents)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (intents); i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);

      if (ferry_migration_intent_get_entity_id (intent) != NULL)
        g_strv_builder_add (b, ferry_migration_intent_get_entity_id (intent));
    }
  return g_strv_builder_end (b);
}

static void
migrate_call (FerryHcxClient *self, gpointer source_tag, gboolean start, GListModel *intents,
              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  MigrateOp *op = g_new0 (MigrateOp, 1);
  g_autoptr (JsonNode) body = NULL;
  guint n = g_list_model_get_n_items (intents);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify)migrate_op_free);
  op->start = start;
  op->n_intents = n;
  op->entity_ids = intent_entity_ids (intents);

  if (n == 0)
    {
      _ferry_hcx_return_error (task, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                               _ ("No virtual machine to migrate."));
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);
      const char *group = ferry_migration_intent_get_migration_group_id (intent);

      if (group == NULL)
        continue;
      if (op->group_id == NULL)
        op->group_id = g_strdup (group);
      else if (strcmp (op->group_id, group) != 0)
        {
          _ferry_hcx_return_error (task, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                                   _ ("The migrations belong to different migration groups."));
          g_object_unref (task);
          return;
        }
    }
  if (op->group_id == NULL && start)
    op->group_id = g_uuid_string_random ();

  body = ferry_hcx_json_from_intents (intents, op->group_id);
  _ferry_hcx_client_call_json (
      self, "POST", start ? "/mobility/migrations/start" : "/mobility/migrations/validate", body,
      (start ? 0 : FERRY_HCX_REQUEST_SAFE) | FERRY_HCX_REQUEST_ACCEPT_400, cancellable,
      on_migrate_done, task);
}

void
ferry_hcx_client_validate_async (FerryHcxClient *self, GListModel *intents,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (intents));

  migrate_call (self, ferry_hcx_client_validate_async, FALSE, intents, cancellable, callback,
                user_data);
}

FerryValidationResult *
ferry_hcx_client_validate_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_validate_async, error);
}

void
ferry_hcx_client_start_async (FerryHcxClient *self, GListModel *intents, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (intents));

  migrate_call (self, ferry_hcx_client_start_async, TRUE, intents, cancellable, callback,
                user_data);
}

FerryValidationResult *
ferry_hcx_client_start_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_start_async, error);
}

/* Cancel -------------------------------------------------------------------------------------- */

void
ferry_hcx_client_cancel_migrations_async (FerryHcxClient *self, GListModel *migrations,
                                          gboolean force, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;
  guint n;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (migrations));

  n = g_list_model_get_n_items (migrations);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "migrationId");
      json_builder_add_string_value (b, ferry_migration_get_migration_id (m));
      if (ferry_migration_get_migration_group_id (m) != NULL)
        {
          json_builder_set_member_name (b, "migrationGroupId");
          json_builder_add_string_value (b, ferry_migration_get_migration_group_id (m));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "removeLongRecoveryData");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  _ferry_hcx_client_bool_call (self, ferry_hcx_client_cancel_migrations_async, "POST",
                               force ? "/mobility/migrations/forceCancel"
                                     : "/mobility/migrations/cancel",
                               body, 0, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_cancel_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                           GError **error)
{
  return _ferry_hcx_client_finish_boolean (self, result, ferry_hcx_client_cancel_migrations_async,
                                           error);
}

/* Mobility groups ----------------------------------------------------------------------------- */

typedef struct
{
  char *name;
  char *group_id; /* sent as desiredMigrationGroupId: how a lost answer is reconciled */
  GStrv entity_ids;
  JsonNode *body;
  GHashTable *groups_before; /* ids of groups holding drafts of these VMs before the request */
} GroupOp;

static void
group_op_free (GroupOp *op)
{
  g_free (op->name);
  g_free (op->group_id);
  g_strfreev (op->entity_ids);
  g_clear_pointer (&op->body, json_node_unref);
  g_clear_pointer (&op->groups_before, g_hash_table_unref);
  g_free (op);
}

static void
on_group_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  GroupOp *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  guint status = 0;
  g_autoptr (JsonNode) root = _ferry_hcx_client_call_json_finish (self, result, &status, &error);
  JsonArray *items;
  FerryMobilityGroup *group = NULL;
  FerryHcxOutcome outcome;

  if (root != NULL)
    {
      items = ferry_hcx_json_find_items (root);
      if (items != NULL && json_array_get_length (items) > 0
          && JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, 0)))
        group = ferry_hcx_json_to_mobility_group (json_array_get_object_element (items, 0));
      else if (JSON_NODE_HOLDS_OBJECT (root))
        group = ferry_hcx_json_to_mobility_group (json_node_get_object (root));
      if (group != NULL && ferry_mobility_group_get_id (group) != NULL)
        {
          if (ferry_mobility_group_get_name (group) == NULL)
            ferry_mobility_group_set_name (group, op->name);
          g_task_return_pointer (task, group, g_object_unref);
          return;
        }
      g_clear_object (&group);
      g_set_error (&error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   _ ("HCX Manager “%s” answered the creation of the mobility group without "
                      "its id."),
                   self->host);
    }
  /* Never sent again: ask whether the group is there. */
  outcome = _ferry_hcx_outcome (root != NULL ? NULL : error, status);
  if (outcome != FERRY_HCX_OUTCOME_NOT_DONE && op->entity_ids[0] != NULL)
    {
      _ferry_hcx_client_reconcile_group (self, g_steal_pointer (&task), op->name, op->group_id,
                                         (const char *const *)op->entity_ids, op->groups_before,
                                         g_steal_pointer (&error),
                                         outcome == FERRY_HCX_OUTCOME_REFUSED);
      return;
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

/* Which groups already hold drafts of these VMs: so that a group that appears after an
 * interrupted creation is known to be the new one. */
static void
on_groups_before (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  GTask *task = user_data;
  GroupOp *op = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GListModel) existing = _ferry_hcx_client_query_finish (self, result, &error);

  if (existing == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (existing, i);

      if (ferry_migration_get_migration_group_id (m) != NULL)
        g_hash_table_add (op->groups_before, g_strdup (ferry_migration_get_migration_group_id (m)));
    }
  _ferry_hcx_client_call_json (self, "POST", "/mobility/groups", op->body, 0,
                               g_task_get_cancellable (task), on_group_created, task);
}

void
ferry_hcx_client_create_mobility_group_async (FerryHcxClient *self, const char *name,
                                              GListModel *intents, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autofree char *group_id = g_uuid_string_random ();
  GTask *task;
  GroupOp *op;
  guint n;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (intents));

  n = g_list_model_get_n_items (intents);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  /* The group's id is ours, as for a start: an interrupted creation is then reconciled by it. */
  json_builder_set_member_name (b, "desiredMigrationGroupId");
  json_builder_add_string_value (b, group_id);
  json_builder_set_member_name (b, "groupDefaults");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "migrations");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);

      json_builder_add_value (b, ferry_hcx_json_from_intent (intent, NULL));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_create_mobility_group_async);
  op = g_new0 (GroupOp, 1);
  op->name = g_strdup (name);
  op->group_id = g_steal_pointer (&group_id);
  op->entity_ids = intent_entity_ids (intents);
  op->body = json_builder_get_root (b);
  op->groups_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, op, (GDestroyNotify)group_op_free);
  if (op->entity_ids[0] == NULL)
    _ferry_hcx_client_call_json (self, "POST", "/mobility/groups", op->body, 0, cancellable,
                                 on_group_created, task);
  else
    _ferry_hcx_client_query_async (self, NULL, NULL, (const char *const *)op->entity_ids, FALSE,
                                   cancellable, on_groups_before, task);
}

FerryMobilityGroup *
ferry_hcx_client_create_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result,
                                           ferry_hcx_client_create_mobility_group_async, error);
}

static JsonNode *
group_ids_body (const char *const *group_ids)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; group_ids != NULL && group_ids[i] != NULL; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "migrationGroupId");
      json_builder_add_string_value (b, group_ids[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

void
ferry_hcx_client_start_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonNode) body = group_ids_body (group_ids);

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  _ferry_hcx_client_start_groups (self, ferry_hcx_client_start_mobility_groups_async, group_ids,
                                  body, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_start_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return _ferry_hcx_client_finish_boolean (self, result,
                                           ferry_hcx_client_start_mobility_groups_async, error);
}

void
ferry_hcx_client_archive_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonNode) body = group_ids_body (group_ids);

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  _ferry_hcx_client_bool_call (self, ferry_hcx_client_archive_mobility_groups_async, "POST",
                               "/mobility/groups/archive", body, 0, cancellable, callback,
                               user_data);
}

gboolean
ferry_hcx_client_archive_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error)
{
  return _ferry_hcx_client_finish_boolean (self, result,
                                           ferry_hcx_client_archive_mobility_groups_async, error);
}

void
ferry_hcx_client_schedule_mobility_group_async (FerryHcxClient *self, const char *group_id,
                                                gint64 start_ms, gint64 expiry_ms, gboolean clear,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (group_id != NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mobilityGroupDefaults");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "switchover");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "startTime");
  json_builder_add_int_value (b, clear ? 0 : start_ms);
  json_builder_set_member_name (b, "expiryTime");
  json_builder_add_int_value (b, clear ? 0 : expiry_ms);
  json_builder_set_member_name (b, "clearSchedule");
  json_builder_add_boolean_value (b, clear);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  escaped = g_uri_escape_string (group_id, NULL, FALSE);
  path = g_strdup_printf ("/mobility/groups/%s/schedule", escaped);
  _ferry_hcx_client_bool_call (self, ferry_hcx_client_schedule_mobility_group_async, "POST", path,
                               body, 0, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_schedule_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error)
{
  return _ferry_hcx_client_finish_boolean (self, result,
                                           ferry_hcx_client_schedule_mobility_group_async, error);
}

/* Jobs ---------------------------------------------------------------------------------------- */

static void
on_job_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = _ferry_hcx_client_call_json_finish (self, result, NULL, &error);

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
          _ ("HCX Manager “%s” answered the job request in an unexpected format."), self->host);
      return;
    }
  g_task_return_pointer (task, ferry_hcx_json_to_job (json_node_get_object (root)), g_object_unref);
}

void
ferry_hcx_client_get_job_async (FerryHcxClient *self, const char *job_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (job_id != NULL);

  escaped = g_uri_escape_string (job_id, NULL, FALSE);
  path = g_strdup_printf ("/jobs/%s", escaped);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_get_job_async);
  _ferry_hcx_client_call_json (self, "GET", path, NULL, FERRY_HCX_REQUEST_SAFE, cancellable,
                               on_job_done, task);
}

FerryJob *
ferry_hcx_client_get_job_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_get_job_async, error);
}
