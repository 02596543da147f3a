/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-engine-query.c: migrations as the query answers them (hcx-api.md §7), and jobs (§9). */

#include "ferry-sim-engine-private.h"
#include "ferry-sim-json.h"

#include <math.h>

static void
add_schedule (JsonBuilder *b, gint64 start, gint64 end)
{
  json_builder_set_member_name (b, "schedule");
  json_builder_begin_object (b);
  ferry_sim_json_add_int (b, "startTime", start);
  ferry_sim_json_add_int (b, "expiryTime", end);
  json_builder_end_object (b);
}

static void
add_copy (JsonBuilder *b, JsonObject *from, const char *member)
{
  if (!ferry_sim_json_has (from, member))
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_value (b, json_node_copy (json_object_get_member (from, member)));
}

/* With the "unknownStates" quirk, intermediate states carry names no client knows in advance,
 * as a newer HCX release might; terminal states keep their documented names. */
static const char *
shown_state (FerrySimEngine *e, const char *state)
{
  if (!e->unknown_states)
    return state;
  if (state == ST_VALIDATED)
    return "MIGRATION_SUBMITTED";
  if (state == ST_QUEUED)
    return "WAITING_FOR_RESOURCES";
  if (state == ST_TRANSFER)
    return "BASE_SYNC_IN_PROGRESS";
  if (state == ST_WAITING)
    return "READY_FOR_CUTOVER";
  if (state == ST_SWITCHOVER)
    return "CUTOVER_IN_PROGRESS";
  if (state == ST_CANCELLING)
    return "ROLLBACK_IN_PROGRESS";
  return state;
}

void
ferry_sim_engine_set_unknown_states (FerrySimEngine *e, gboolean enabled)
{
  e->unknown_states = enabled;
}

static void
write_migration (FerrySimEngine *e, Migration *m, JsonBuilder *b)
{
  JsonObject *intent = json_node_get_object (m->intent);
  JsonObject *switchover = ferry_sim_json_object (intent, "switchoverParams");
  JsonObject *transfer = ferry_sim_json_object (intent, "transferParams");
  double percent = m->total_bytes > 0 ? 100.0 * m->transferred / m->total_bytes : 0;
  g_autofree char *total = g_strdup_printf ("%" G_GUINT64_FORMAT, m->total_bytes);
  guint i;

  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "migrationId", m->id);
  ferry_sim_json_add_string (b, "migrationGroupId", m->group_id);
  ferry_sim_json_add_string (b, "migrationType", ferry_sim_mig_types[m->type].migration_type);
  ferry_sim_json_add_string (b, "state", shown_state (e, m->state));
  ferry_sim_json_add_string (b, "username", m->username);
  ferry_sim_json_add_int (b, "creationDate", m->created);
  ferry_sim_json_add_int (b, "lastUpdated", m->updated);
  json_builder_set_member_name (b, "entity");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "entityId", m->vm->id);
  ferry_sim_json_add_string (b, "entityName", m->vm->name);
  ferry_sim_json_add_string (b, "entityType", "VirtualMachine");
  json_builder_end_object (b);
  add_copy (b, intent, "source");
  add_copy (b, intent, "destination");
  json_builder_set_member_name (b, "transferParams");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "transferType", ferry_sim_mig_types[m->type].transfer_type);
  ferry_sim_json_add_bool (b, "longRecovery",
                           ferry_sim_json_bool (transfer, "longRecovery", FALSE));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "switchoverParams");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "switchoverType", ferry_sim_mig_types[m->type].migration_type);
  add_schedule (b, m->win_start, m->win_end);
  add_copy (b, switchover, "options");
  json_builder_end_object (b);
  add_copy (b, intent, "placement");
  add_copy (b, intent, "storage");
  add_copy (b, intent, "networkParams");

  json_builder_set_member_name (b, "progress");
  json_builder_begin_object (b);
  ferry_sim_json_add_int (b, "startTime", m->start_time);
  ferry_sim_json_add_int (b, "endTime", m->end_time);
  ferry_sim_json_add_string (b, "message", m->message);
  ferry_sim_json_add_bool (b, "isDone", ferry_sim_state_is_terminal (m->state));
  ferry_sim_json_add_bool (b, "didFail", m->did_fail);
  ferry_sim_json_add_bool (b, "isCancelled", m->is_cancelled);
  ferry_sim_json_add_double (b, "percentComplete", floor (percent * 10) / 10);
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  /* Real servers send some numbers as strings: so does the simulator, on purpose. */
  ferry_sim_json_add_string (b, "value", total);
  ferry_sim_json_add_int (b, "bytesTransferred", (gint64)m->transferred);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "state");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "status", shown_state (e, m->state));
  ferry_sim_json_add_string (b, "message", m->message);
  ferry_sim_json_add_string (b, "errorMessage", m->error);
  ferry_sim_json_add_bool (b, "isTransferProgress", m->state == ST_TRANSFER);
  ferry_sim_json_add_bool (b, "isSwitchoverProgress", m->state == ST_SWITCHOVER);
  ferry_sim_json_add_bool (b, "isWaitingForMaintWindow", m->state == ST_WAITING);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "log");
  json_builder_begin_array (b);
  for (i = 0; i < m->log->len; i++)
    {
      LogEntry *entry = &g_array_index (m->log, LogEntry, i);

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "status", shown_state (e, entry->status));
      ferry_sim_json_add_string (b, "message", entry->message);
      ferry_sim_json_add_string (b, "errorMessage", entry->error);
      ferry_sim_json_add_int (b, "lastUpdated", entry->time);
      ferry_sim_json_add_int (b, "bytesTransferred", (gint64)entry->bytes);
      ferry_sim_json_add_int (b, "totalBytes", (gint64)entry->total);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static gboolean
filter_matches (JsonArray *list, const char *value)
{
  return list == NULL || json_array_get_length (list) == 0
         || ferry_sim_json_array_has_string (list, value);
}

JsonNode *
ferry_sim_engine_query (FerrySimEngine *e, JsonNode *body, guint *status)
{
  JsonObject *root
      = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  JsonObject *filter = ferry_sim_json_object (root, "filter");
  JsonObject *paging = ferry_sim_json_object (root, "paging");
  JsonArray *ids = ferry_sim_json_array (filter, "migrationId");
  JsonArray *groups = ferry_sim_json_array (filter, "migrationGroupId");
  JsonArray *states = ferry_sim_json_array (filter, "state");
  JsonArray *entities = ferry_sim_json_array (filter, "entityId");
  gboolean skip_drafts = ferry_sim_json_bool (filter, "skipDrafts", TRUE);
  gint64 page_size = ferry_sim_json_int (paging, "pageSize", 50);
  /* Either name; if both are sent, the larger wins (a stale zero never loops a client). */
  gint64 skip
      = MAX (ferry_sim_json_int (paging, "skipCount", 0), ferry_sim_json_int (paging, "offset", 0));
  g_autoptr (JsonBuilder) b = json_builder_new ();
  gint64 now_us = g_get_monotonic_time ();
  guint i, matched = 0, emitted = 0;

  ferry_sim_engine_now (e);
  if (ids != NULL)
    e->query_filter_ids += json_array_get_length (ids);
  if (page_size <= 0)
    page_size = 50;
  if (skip < 0)
    skip = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (skip_drafts && m->state == ST_DRAFT)
        continue;
      if (m->visible_after_us > now_us)
        continue;
      if (!filter_matches (ids, m->id) || !filter_matches (groups, m->group_id)
          || !(filter_matches (states, m->state)
               || filter_matches (states, shown_state (e, m->state)))
          || !filter_matches (entities, m->vm->id))
        continue;
      matched++;
      if (matched <= (guint64)skip || emitted >= (guint64)page_size)
        continue;
      write_migration (e, m, b);
      emitted++;
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "paging");
  json_builder_begin_object (b);
  ferry_sim_json_add_int (b, "pageSize", page_size);
  ferry_sim_json_add_int (b, "skipCount", skip);
  if (!e->real_omissions)
    ferry_sim_json_add_int (b, "totalSize", matched);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_job (FerrySimEngine *e, const char *job_id, guint *status)
{
  Job *j = job_id != NULL ? g_hash_table_lookup (e->jobs, job_id) : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  if (j == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("No job %s.", job_id != NULL ? job_id : "");

      *status = 404;
      return ferry_sim_error_body ("JOB_NOT_FOUND", msg);
    }
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "jobId", j->id);
  ferry_sim_json_add_bool (b, "isQueued", FALSE);
  ferry_sim_json_add_bool (b, "isDone", TRUE);
  ferry_sim_json_add_bool (b, "didFail", FALSE);
  ferry_sim_json_add_bool (b, "isCancelled", FALSE);
  ferry_sim_json_add_int (b, "percentComplete", 100);
  ferry_sim_json_add_int (b, "startTime", j->time);
  ferry_sim_json_add_int (b, "endTime", j->time);
  json_builder_set_member_name (b, "jobData");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "operation", j->operation);
  json_builder_set_member_name (b, "migrationIds");
  json_builder_begin_array (b);
  for (i = 0; i < j->migration_ids->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (j->migration_ids, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}
