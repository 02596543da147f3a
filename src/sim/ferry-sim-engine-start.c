/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-engine-start.c: mobility/migrations/validate, …/start, …/cancel and …/forceCancel. */

#include "ferry-sim-engine-private.h"
#include "ferry-sim-json.h"

JsonNode *
ferry_sim_engine_validate (FerrySimEngine *e, JsonNode *body, const char *username, gboolean start,
                           guint *status)
{
  JsonArray *items = ferry_sim_body_items (body);
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (GHashTable) pending = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GArray) vms = NULL;
  g_autoptr (GArray) kinds = NULL;
  g_autoptr (GPtrArray) datastores = NULL;
  g_autoptr (GPtrArray) item_nodes = NULL;
  const char *group_id = NULL;
  Group *group = NULL;
  Job *job = NULL;
  guint total_errors = 0;
  guint i, n;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return ferry_sim_error_body (
          "INVALID_REQUEST", "The request has no migrations: expected {\"items\":[migration, …]}.");
    }

  n = json_array_get_length (items);
  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  vms = g_array_sized_new (FALSE, TRUE, sizeof (gpointer), n);
  kinds = g_array_sized_new (FALSE, TRUE, sizeof (int), n);
  datastores = g_ptr_array_new ();
  item_nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);

  for (i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *intent = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const FerrySimVm *vm = NULL;
      int type = -1;
      const char *ds = NULL;
      Findings f;
      g_autoptr (JsonBuilder) ib = json_builder_new ();
      const char *gid;

      ferry_sim_findings_init (&f, e);
      if (intent == NULL)
        ferry_sim_findings_error (&f, "INVALID_REQUEST", "Item %u is not a migration object.",
                                  i + 1);
      else
        ferry_sim_engine_validate_intent (e, intent, pending, seen, TRUE, &f, &vm, &type, &ds);
      gid = ferry_sim_json_string (intent, "desiredMigrationGroupId");
      if (gid == NULL)
        gid = ferry_sim_json_string (intent, "migrationGroupId");
      if (group_id == NULL && gid != NULL)
        group_id = gid;

      json_builder_begin_object (ib);
      ferry_sim_json_add_string (
          ib, "entityId",
          vm != NULL
              ? vm->id
              : ferry_sim_json_string (ferry_sim_json_object (intent, "entity"), "entityId"));
      ferry_sim_findings_add_to (&f, ib);
      total_errors += f.n_errors;
      if (f.n_errors > 0)
        vm = NULL;
      ferry_sim_findings_clear (&f);
      g_array_append_val (vms, vm);
      g_array_append_val (kinds, type);
      g_ptr_array_add (datastores, (gpointer)ds);
      json_builder_end_object (ib);
      g_ptr_array_add (item_nodes, json_builder_get_root (ib));
    }

  if (start && total_errors == 0)
    {
      group = ferry_sim_engine_ensure_group (e, group_id, NULL);
      job = ferry_sim_job_new (e, "START_MIGRATIONS");
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  if (total_errors > 0 && !e->real_omissions)
    {
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "code", "VALIDATION_FAILED");
      ferry_sim_json_add_string (b, "message",
                                 start ? "Validation failed; no migration was started."
                                       : "Validation failed for one or more migrations.");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  if (job != NULL)
    ferry_sim_json_add_string (b, "jobId", job->id);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < n; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (item_nodes, i));

      if (group != NULL)
        {
          JsonNode *node = json_array_get_element (items, i);
          const FerrySimVm *vm = g_array_index (vms, const FerrySimVm *, i);
          Migration *m = ferry_sim_migration_new (e, json_node_get_object (node), vm,
                                                  g_array_index (kinds, int, i), group, username);

          ferry_sim_migration_start (e, m, g_ptr_array_index (datastores, i));
          json_object_set_string_member (item, "migrationId", m->id);
          json_object_set_string_member (item, "migrationGroupId", m->group_id);
          g_ptr_array_add (job->migration_ids, g_strdup (m->id));
        }
      else if (group_id != NULL)
        json_object_set_string_member (item, "migrationGroupId", group_id);
      json_builder_add_value (b, json_node_ref (g_ptr_array_index (item_nodes, i)));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  *status = (start && total_errors > 0) ? 400 : (start ? 202 : 200);
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_cancel (FerrySimEngine *e, JsonNode *body, gboolean force, guint *status)
{
  JsonArray *items = ferry_sim_body_items (body);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GPtrArray) targets = g_ptr_array_new ();
  Job *job;
  guint i, j;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return ferry_sim_error_body (
          "INVALID_REQUEST", "Nothing to cancel: expected {\"items\":[{\"migrationId\":…}]}.");
    }
  job = ferry_sim_job_new (e, force ? "FORCE_CANCEL" : "CANCEL");

  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "jobId", job->id);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *mid = ferry_sim_json_string (o, "migrationId");
      const char *gid = ferry_sim_json_string (o, "migrationGroupId");
      Migration *single = mid != NULL ? g_hash_table_lookup (e->by_id, mid) : NULL;
      Group *group = mid == NULL ? ferry_sim_engine_find_group (e, gid) : NULL;

      g_ptr_array_set_size (targets, 0);
      if (single != NULL)
        g_ptr_array_add (targets, single);
      else if (group != NULL)
        for (j = 0; j < group->migrations->len; j++)
          g_ptr_array_add (targets, g_ptr_array_index (group->migrations, j));
      else
        {
          Findings f;

          ferry_sim_findings_init (&f, e);
          ferry_sim_findings_error (&f, "MIGRATION_NOT_FOUND", "No migration %s.",
                                    mid != NULL   ? mid
                                    : gid != NULL ? gid
                                                  : "(missing migrationId)");
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", mid);
          ferry_sim_json_add_string (b, "migrationGroupId", gid);
          ferry_sim_findings_add_to (&f, b);
          ferry_sim_findings_clear (&f);
          json_builder_end_object (b);
          continue;
        }

      for (j = 0; j < targets->len; j++)
        {
          Migration *m = g_ptr_array_index (targets, j);
          Findings f;

          ferry_sim_findings_init (&f, e);
          if (ferry_sim_state_is_terminal (m->state))
            ferry_sim_findings_warning (&f, "ALREADY_FINISHED",
                                        "Migration %s has already finished (%s).", m->id, m->state);
          else if (force)
            {
              ferry_sim_migration_finish (e, m, e->time, ST_CANCELLED, "Migration force-cancelled",
                                          NULL);
              g_ptr_array_add (job->migration_ids, g_strdup (m->id));
            }
          else if (m->state == ST_SWITCHOVER)
            ferry_sim_findings_error (
                &f, "CANCEL_NOT_ALLOWED",
                "Migration of %s is in switchover and cannot be cancelled now; use force "
                "cancel only if it is stuck.",
                m->vm->name);
          else if (m->state == ST_CANCELLING)
            ferry_sim_findings_warning (&f, "ALREADY_CANCELLING",
                                        "Migration %s is already being cancelled.", m->id);
          else
            {
              ferry_sim_migration_set_state (m, e->time, ST_CANCELLING,
                                             "Cancelling: cleaning up replicas at the "
                                             "target",
                                             NULL);
              m->phase_end = e->time + CANCEL_MS;
              g_ptr_array_add (job->migration_ids, g_strdup (m->id));
            }
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", m->id);
          ferry_sim_json_add_string (b, "migrationGroupId", m->group_id);
          ferry_sim_json_add_string (b, "state", m->state);
          ferry_sim_findings_add_to (&f, b);
          ferry_sim_findings_clear (&f);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = 202;
  return json_builder_get_root (b);
}
