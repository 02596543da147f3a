/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-engine-groups.c: mobility groups (hcx-api.md §8): drafts, group start, schedule. */

#include "ferry-sim-engine-private.h"
#include "ferry-sim-json.h"

/* The id a client chose for a group it creates, if any. */
static const char *
group_id_of (JsonObject *item)
{
  const char *id = ferry_sim_json_string (item, "desiredMigrationGroupId");

  return id != NULL && *id != '\0' ? id : NULL;
}

JsonNode *
ferry_sim_engine_groups_create (FerrySimEngine *e, JsonNode *body, const char *username,
                                guint *status)
{
  JsonArray *items = ferry_sim_body_items (body);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i, j;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return ferry_sim_error_body ("INVALID_REQUEST",
                                   "No groups to create: expected {\"items\":[{\"name\":…}]}.");
    }
  /* Check every draft refers to a known VM and type before creating anything. */
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *migrations = ferry_sim_json_array (o, "migrations");
      const char *want = group_id_of (o);

      /* A chosen id makes a retried create safe: the second one is refused. */
      if (want != NULL && ferry_sim_engine_find_group (e, want) != NULL)
        {
          g_autofree char *msg
              = g_strdup_printf ("Group %u: a migration group %s already exists.", i + 1, want);

          *status = 400;
          return ferry_sim_error_body ("DUPLICATE_GROUP", msg);
        }
      for (j = 0; migrations != NULL && j < json_array_get_length (migrations); j++)
        {
          JsonNode *mn = json_array_get_element (migrations, j);
          JsonObject *intent = JSON_NODE_HOLDS_OBJECT (mn) ? json_node_get_object (mn) : NULL;
          const char *entity_id
              = ferry_sim_json_string (ferry_sim_json_object (intent, "entity"), "entityId");
          const char *type = ferry_sim_json_string (intent, "migrationType");

          if (ferry_sim_world_find_vm (e->world, entity_id) == NULL
              || ferry_sim_parse_type (type) < 0)
            {
              g_autofree char *msg = g_strdup_printf (
                  "Group %u, migration %u: unknown VM '%s' or migration type '%s'.", i + 1, j + 1,
                  entity_id != NULL ? entity_id : "", type != NULL ? type : "");

              *status = 400;
              return ferry_sim_error_body ("INVALID_REQUEST", msg);
            }
        }
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *migrations = ferry_sim_json_array (o, "migrations");
      Group *g
          = ferry_sim_engine_ensure_group (e, group_id_of (o), ferry_sim_json_string (o, "name"));

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "migrationGroupId", g->id);
      ferry_sim_json_add_string (b, "name", g->name);
      json_builder_set_member_name (b, "migrations");
      json_builder_begin_array (b);
      for (j = 0; migrations != NULL && j < json_array_get_length (migrations); j++)
        {
          JsonObject *intent = json_node_get_object (json_array_get_element (migrations, j));
          const char *entity_id
              = ferry_sim_json_string (ferry_sim_json_object (intent, "entity"), "entityId");
          Migration *m = ferry_sim_migration_new (
              e, intent, ferry_sim_world_find_vm (e->world, entity_id),
              ferry_sim_parse_type (ferry_sim_json_string (intent, "migrationType")), g, username);

          ferry_sim_migration_set_state (m, e->time, ST_DRAFT, "Draft", NULL);
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", m->id);
          ferry_sim_json_add_string (b, "entityId", m->vm->id);
          ferry_sim_json_add_string (b, "state", m->state);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_groups_start (FerrySimEngine *e, JsonNode *body, guint *status)
{
  JsonArray *items = ferry_sim_body_items (body);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GHashTable) pending = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GPtrArray) to_start = g_ptr_array_new ();
  g_autoptr (GPtrArray) ds_ids = g_ptr_array_new ();
  guint total_errors = 0;
  Job *job;
  guint i, j;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return ferry_sim_error_body (
          "INVALID_REQUEST",
          "No groups to start: expected {\"items\":[{\"migrationGroupId\":…}]}.");
    }
  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *gid = ferry_sim_json_string (o, "migrationGroupId");
      Group *g = ferry_sim_engine_find_group (e, gid);

      if (g == NULL)
        {
          g_autofree char *msg
              = g_strdup_printf ("No migration group %s.", gid != NULL ? gid : "(missing)");

          *status = 404;
          return ferry_sim_error_body ("GROUP_NOT_FOUND", msg);
        }
      for (j = 0; j < g->migrations->len; j++)
        {
          Migration *m = g_ptr_array_index (g->migrations, j);
          const FerrySimVm *vm;
          int type;
          const char *ds;
          Findings f;

          if (m->state != ST_DRAFT)
            continue;
          ferry_sim_findings_init (&f, e);
          ferry_sim_engine_validate_intent (e, json_node_get_object (m->intent), pending, seen,
                                            TRUE, &f, &vm, &type, &ds);
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", m->id);
          ferry_sim_json_add_string (b, "migrationGroupId", m->group_id);
          ferry_sim_json_add_string (b, "entityId", m->vm->id);
          total_errors += f.n_errors;
          ferry_sim_findings_add_to (&f, b);
          ferry_sim_findings_clear (&f);
          json_builder_end_object (b);
          g_ptr_array_add (to_start, m);
          g_ptr_array_add (ds_ids, (gpointer)ds);
        }
    }
  json_builder_end_array (b);

  if (total_errors == 0)
    {
      job = ferry_sim_job_new (e, "START_GROUP");
      for (i = 0; i < to_start->len; i++)
        {
          Migration *m = g_ptr_array_index (to_start, i);

          ferry_sim_migration_start (e, m, g_ptr_array_index (ds_ids, i));
          g_ptr_array_add (job->migration_ids, g_strdup (m->id));
        }
      ferry_sim_json_add_string (b, "jobId", job->id);
    }
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  if (total_errors > 0 && !e->real_omissions)
    {
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "code", "VALIDATION_FAILED");
      ferry_sim_json_add_string (b, "message", "Validation failed; the group was not started.");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = total_errors > 0 ? 400 : 202;
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_group_schedule (FerrySimEngine *e, const char *group_id, JsonNode *body,
                                 guint *status)
{
  Group *g = ferry_sim_engine_find_group (e, group_id);
  JsonObject *root
      = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  JsonObject *sw
      = ferry_sim_json_object (ferry_sim_json_object (root, "mobilityGroupDefaults"), "switchover");
  g_autoptr (JsonBuilder) b = json_builder_new ();
  gint64 start, end;
  gboolean clear;
  guint i;

  ferry_sim_engine_now (e);
  if (g == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("No migration group %s.", group_id);

      *status = 404;
      return ferry_sim_error_body ("GROUP_NOT_FOUND", msg);
    }
  if (sw == NULL)
    {
      *status = 400;
      return ferry_sim_error_body (
          "INVALID_REQUEST", "Expected {\"mobilityGroupDefaults\":{\"switchover\":{\"startTime\":…,"
                             "\"expiryTime\":…}}}.");
    }
  clear = ferry_sim_json_bool (sw, "clearSchedule", FALSE);
  start = clear ? 0 : ferry_sim_json_int (sw, "startTime", 0);
  end = clear ? 0 : ferry_sim_json_int (sw, "expiryTime", 0);
  if (!clear && end > 0 && end <= MAX (start, e->time))
    {
      *status = 400;
      return ferry_sim_error_body ("INVALID_SCHEDULE",
                                   "The switchover window must end in the future and "
                                   "after it starts.");
    }

  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "migrationGroupId", g->id);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < g->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (g->migrations, i);
      Findings f;

      ferry_sim_findings_init (&f, e);
      if (!ferry_sim_mig_types[m->type].allows_window)
        ferry_sim_findings_warning (&f, "SCHEDULE_NOT_SUPPORTED",
                                    "%s does not use a switchover window.",
                                    ferry_sim_mig_types[m->type].ui_name);
      else if (ferry_sim_state_is_terminal (m->state) || m->state == ST_SWITCHOVER
               || m->state == ST_CANCELLING)
        ferry_sim_findings_warning (&f, "SCHEDULE_NOT_APPLIED",
                                    "Migration of %s is past the point of "
                                    "rescheduling (%s).",
                                    m->vm->name, m->state);
      else
        {
          m->win_start = start;
          m->win_end = end;
          m->updated = e->time;
          ferry_sim_migration_log (
              m, e->time, clear ? "Switchover schedule cleared" : "Switchover rescheduled", NULL);
        }
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "migrationId", m->id);
      ferry_sim_findings_add_to (&f, b);
      ferry_sim_findings_clear (&f);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  /* A cleared window lets waiting migrations proceed at once. */
  {
    guint inner = 0;

    while (ferry_sim_engine_instant (e) && inner++ < 1000)
      ;
  }
  *status = 200;
  return json_builder_get_root (b);
}
