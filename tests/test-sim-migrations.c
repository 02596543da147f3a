/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim-migrations.c: the simulator's migration engine: the state machine per type on the
 * simulated clock, windows, cancel, injected failures, bandwidth, the query, groups and jobs. */

#include "test-sim-client.h"

static void
test_window_missed (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_BIG, 0); /* > 300 GB: more than 40 min at 1 Gbps */
  gint64 now = sim_clock (fx);
  IntentOpts o = { .win_start = now + 60000, .win_end = now + 20 * 60000 };
  g_autofree char *i = intent (fx, vm, &o);
  g_autoptr (Reply) v = mobility (fx, "validate", i);
  g_autofree char *id = NULL;
  g_autofree char *filter = NULL;
  g_autoptr (Reply) q = NULL;

  /* A short window is only a warning… */
  g_assert_true (has_code (v->json, "items.0.warnings", "SHORT_SWITCHOVER_WINDOW"));
  g_assert_cmpuint (jlen (v->json, "items.0.errors"), ==, 0);
  id = start_one (fx, vm, &o);
  /* …but a transfer that outlasts it fails the migration. */
  advance (fx, 24 * 3600);
  assert_state (fx, id, "MIGRATION_FAILED");
  filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", id);
  q = query (fx, filter, NULL);
  g_assert_nonnull (strstr (jstr (q->json, "data.items.0.progress.state.errorMessage"), "window"));
  fx_free (fx);
}

static void
test_bandwidth_and_concurrency (void)
{
  FerrySimOptions opts = { .max_concurrent = 2, .appliance_mbps = 1000 };
  Fx *fx = fx_new (&opts);
  IntentOpts o = { 0 };
  JsonNode *vms[3]
      = { find_vm (fx, VM_BIG, 0), find_vm (fx, VM_BIG, 1), find_vm (fx, VM_CLEAN, 0) };
  char *ids[3] = { NULL };
  g_autofree char *filter = NULL;
  g_autoptr (Reply) q = NULL;
  guint k;

  for (k = 0; k < 3; k++)
    ids[k] = start_one (fx, vms[k], &o);
  advance (fx, 15);
  /* Two transfer slots: the third waits. */
  assert_state (fx, ids[0], "TRANSFER_IN_PROGRESS");
  assert_state (fx, ids[1], "TRANSFER_IN_PROGRESS");
  assert_state (fx, ids[2], "TRANSFER_QUEUED");
  /* Two transfers share a 1 Gbps appliance: 62.5 MB/s each. */
  advance (fx, 100);
  filter = g_strdup_printf ("\"migrationId\":[\"%s\",\"%s\"]", ids[0], ids[1]);
  q = query (fx, filter, NULL);
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), ==,
                   (gint64)(100 * 62.5e6));
  g_assert_cmpint (jint (q->json, "data.items.1.progress.total.bytesTransferred"), ==,
                   (gint64)(100 * 62.5e6));
  advance (fx, 7 * 24 * 3600);
  for (k = 0; k < 3; k++)
    {
      assert_state (fx, ids[k], "MIGRATION_COMPLETE");
      g_free (ids[k]);
    }
  fx_free (fx);
}

static void
test_bulk_with_window (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  gint64 now = sim_clock (fx);
  gint64 disk = jint (vm, "summary.diskSize");
  /* 1 Gbps per migration: the transfer takes disk / 125 MB/s. */
  double transfer_s = disk / 125e6;
  gint64 win_start = now + ((gint64)transfer_s + 7200) * 1000;
  IntentOpts o = { .win_start = win_start, .win_end = win_start + 4 * 3600000 };
  g_autofree char *id = start_one (fx, vm, &o);
  g_autoptr (Reply) q = NULL;
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", id);
  static const char *order[] = { "VALIDATED",
                                 "TRANSFER_QUEUED",
                                 "TRANSFER_IN_PROGRESS",
                                 "WAITING_FOR_SWITCHOVER",
                                 "SWITCHOVER_IN_PROGRESS",
                                 "MIGRATION_COMPLETE" };
  guint i, k;
  JsonNode *log;

  assert_state (fx, id, "VALIDATED");
  advance (fx, 10);
  assert_state (fx, id, "TRANSFER_QUEUED");
  advance (fx, 5);
  assert_state (fx, id, "TRANSFER_IN_PROGRESS");
  advance (fx, transfer_s / 2);
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.state.isTransferProgress"));
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.value"), ==, disk);
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), >, 0);
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), <, disk);
  /* "value" is deliberately a string, like on some real managers. */
  g_assert_nonnull (jstr (q->json, "data.items.0.progress.total.value"));
  g_assert_false (jbool (q->json, "data.items.0.progress.isDone"));

  advance (fx, transfer_s / 2 + 60);
  assert_state (fx, id, "WAITING_FOR_SWITCHOVER");
  g_clear_pointer (&q, reply_free);
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.state.isWaitingForMaintWindow"));
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), ==, disk);
  g_assert_cmpint (jint (q->json, "data.items.0.switchoverParams.schedule.startTime"), ==,
                   win_start);

  /* Nothing happens until the window opens… */
  advance (fx, (win_start - sim_clock (fx)) / 1000.0 - 1);
  assert_state (fx, id, "WAITING_FOR_SWITCHOVER");
  advance (fx, 1);
  assert_state (fx, id, "SWITCHOVER_IN_PROGRESS");
  advance (fx, 600);
  assert_state (fx, id, "MIGRATION_COMPLETE");

  g_clear_pointer (&q, reply_free);
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.isDone"));
  g_assert_false (jbool (q->json, "data.items.0.progress.didFail"));
  g_assert_false (jbool (q->json, "data.items.0.progress.isCancelled"));
  g_assert_cmpint (jint (q->json, "data.items.0.progress.endTime"), >=, win_start);
  g_assert_cmpstr (jstr (q->json, "data.items.0.migrationType"), ==, "vSphereReplication");
  g_assert_cmpstr (jstr (q->json, "data.items.0.entity.entityId"), ==, jstr (vm, "id"));
  g_assert_cmpstr (jstr (q->json, "data.items.0.username"), ==, "cloudadmin@vsphere.local");
  g_assert_cmpstr (jstr (q->json, "data.items.0.destination.endpointId"), ==, fx->dst_endpoint);
  g_assert_nonnull (jstr (q->json, "data.items.0.migrationGroupId"));

  /* The event log walks through every state in order. */
  log = jget (q->json, "data.items.0.progress.log");
  for (i = 0, k = 0; i < json_array_get_length (json_node_get_array (log)) && k < 6; i++)
    if (g_strcmp0 (jstr (json_array_get_element (json_node_get_array (log), i), "status"), order[k])
        == 0)
      k++;
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (order));
  g_assert_nonnull (jstr (json_array_get_element (json_node_get_array (log), 0), "message"));

  /* The migrated VM now shows in the destination inventory. */
  {
    g_autoptr (Reply) remote = api (fx, "POST", "/service/inventory/virtualmachines",
                                    "{\"filter\":{\"cloud\":{\"remote\":true}},\"paging\":{"
                                    "\"pageSize\":100}}");

    g_assert_cmpuint (jlen (remote->json, "data.items"), ==, 1);
    g_assert_cmpstr (jstr (remote->json, "data.items.0.id"), ==, jstr (vm, "id"));
    g_assert_cmpint (jint (remote->json, "data.paging.totalSize"), ==, 1);
  }
  fx_free (fx);
}

static void
test_vmotion_serial (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *a = find_vm (fx, VM_CLEAN, 0);
  JsonNode *b = find_vm (fx, VM_CLEAN, 1);
  IntentOpts o = { .type = "vMotion" };
  g_autofree char *ia = intent (fx, a, &o);
  g_autofree char *ib = intent (fx, b, &o);
  g_autofree char *both = g_strdup_printf ("%s,%s", ia, ib);
  g_autoptr (Reply) r = mobility (fx, "start", both);
  const char *id_a, *id_b;
  double bytes_a = jint (a, "summary.diskSize") + jint (a, "summary.memorySize");
  double bytes_b = jint (b, "summary.diskSize") + jint (b, "summary.memorySize");

  g_assert_cmpuint (r->status, ==, 202);
  id_a = jstr (r->json, "items.0.migrationId");
  id_b = jstr (r->json, "items.1.migrationId");
  g_assert_cmpstr (jstr (r->json, "items.0.migrationGroupId"), ==,
                   jstr (r->json, "items.1.migrationGroupId"));
  advance (fx, 15);
  /* HCX vMotion is serial per service mesh by default: one transfers, one waits. */
  assert_state (fx, id_a, "TRANSFER_IN_PROGRESS");
  assert_state (fx, id_b, "TRANSFER_QUEUED");
  advance (fx, bytes_a / 125e6 + 1);
  assert_state (fx, id_a, "SWITCHOVER_IN_PROGRESS"); /* no window for vMotion */
  assert_state (fx, id_b, "TRANSFER_IN_PROGRESS");
  advance (fx, bytes_b / 125e6 + 120);
  assert_state (fx, id_a, "MIGRATION_COMPLETE");
  assert_state (fx, id_b, "MIGRATION_COMPLETE");
  fx_free (fx);
}

static void
test_cold_and_rav (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts cold = { .type = "ColdMigration" };
  IntentOpts rav = { .type = "RAV", .remove_snapshots = TRUE };
  g_autofree char *c = start_one (fx, find_vm (fx, VM_OFF, 0), &cold);
  g_autofree char *r = start_one (fx, find_vm (fx, VM_CLEAN, 2), &rav);

  advance (fx, 24 * 3600);
  assert_state (fx, c, "MIGRATION_COMPLETE");
  assert_state (fx, r, "MIGRATION_COMPLETE");
  fx_free (fx);
}

static void
test_cancel (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  IntentOpts vmo = { .type = "vMotion" };
  g_autofree char *a = start_one (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *b = start_one (fx, find_vm (fx, VM_CLEAN, 1), &o);
  g_autofree char *c = start_one (fx, find_vm (fx, VM_CLEAN, 2), &vmo);
  g_autofree char *body_a = g_strdup_printf ("{\"migrationId\":\"%s\"}", a);
  g_autofree char *body_b = g_strdup_printf ("{\"migrationId\":\"%s\"}", b);
  g_autofree char *body_c = g_strdup_printf ("{\"migrationId\":\"%s\"}", c);
  g_autoptr (Reply) ra = NULL;
  g_autoptr (Reply) rb = NULL;
  g_autoptr (Reply) rc = NULL;
  g_autoptr (Reply) rc2 = NULL;
  g_autoptr (Reply) unknown = NULL;
  g_autoptr (Reply) q = NULL;
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", b);
  g_autofree char *force_body = NULL;
  JsonNode *vm_c = find_vm (fx, VM_CLEAN, 2);

  advance (fx, 20);
  ra = mobility (fx, "cancel", body_a);
  g_assert_cmpuint (ra->status, ==, 202);
  g_assert_cmpuint (jlen (ra->json, "items.0.errors"), ==, 0);
  assert_state (fx, a, "CANCEL_IN_PROGRESS");
  advance (fx, 31);
  assert_state (fx, a, "MIGRATION_CANCELLED");

  force_body = g_strdup_printf ("{\"items\":[%s],\"removeLongRecoveryData\":false}", body_b);
  rb = api (fx, "POST", "/mobility/migrations/forceCancel", force_body);
  g_assert_cmpuint (rb->status, ==, 202);
  assert_state (fx, b, "MIGRATION_CANCELLED");
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.isCancelled"));
  g_assert_true (jbool (q->json, "data.items.0.progress.isDone"));

  /* A migration in switchover refuses a graceful cancel but yields to a forced one. */
  advance (fx, (jint (vm_c, "summary.diskSize") + jint (vm_c, "summary.memorySize")) / 125e6 + 5);
  assert_state (fx, c, "SWITCHOVER_IN_PROGRESS");
  rc = mobility (fx, "cancel", body_c);
  g_assert_true (has_code (rc->json, "items.0.errors", "CANCEL_NOT_ALLOWED"));
  assert_state (fx, c, "SWITCHOVER_IN_PROGRESS");
  rc2 = mobility (fx, "forceCancel", body_c);
  assert_state (fx, c, "MIGRATION_CANCELLED");

  unknown = mobility (fx, "cancel", "{\"migrationId\":\"nope\"}");
  g_assert_true (has_code (unknown->json, "items.0.errors", "MIGRATION_NOT_FOUND"));
  fx_free (fx);
}

static void
test_injected_failures (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *a = find_vm (fx, VM_CLEAN, 0);
  JsonNode *b = find_vm (fx, VM_CLEAN, 1);
  g_autofree char *fa
      = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"transfer\"}", jstr (a, "id"));
  g_autofree char *fb
      = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"switchover\"}", jstr (b, "id"));
  g_autoptr (JsonNode) c1 = control (fx, "POST", "/__sim/vm-failure", fa);
  g_autoptr (JsonNode) c2 = control (fx, "POST", "/__sim/vm-failure", fb);
  IntentOpts o = { 0 };
  g_autofree char *ida = start_one (fx, a, &o);
  g_autofree char *idb = start_one (fx, b, &o);
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\",\"%s\"]", ida, idb);
  g_autoptr (Reply) q = NULL;
  g_autoptr (Reply) bad = NULL;

  advance (fx, 24 * 3600);
  assert_state (fx, ida, "TRANSFER_FAILED");
  assert_state (fx, idb, "MIGRATION_FAILED");
  q = query (fx, filter, NULL);
  g_assert_cmpuint (jlen (q->json, "data.items"), ==, 2);
  g_assert_true (jbool (q->json, "data.items.0.progress.didFail"));
  g_assert_true (jbool (q->json, "data.items.0.progress.isDone"));
  g_assert_nonnull (jstr (q->json, "data.items.0.progress.state.errorMessage"));
  g_assert_true (jbool (q->json, "data.items.1.progress.didFail"));
  g_assert_true (log_has (jget (q->json, "data.items.1"), "SWITCHOVER_IN_PROGRESS"));

  bad = call (fx->sim, NULL, "POST", "/__sim/vm-failure",
              "{\"entityId\":\"vm-0\",\"phase\":\"transfer\"}");
  g_assert_cmpuint (bad->status, ==, 400);
  fx_free (fx);
}

static void
test_query_filters_paging (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts g1 = { .group = "wave-1" };
  IntentOpts vmo = { .type = "vMotion" };
  char *ids[5] = { NULL };
  g_autoptr (Reply) all = NULL;
  g_autoptr (Reply) by_group = NULL;
  g_autoptr (Reply) by_state = NULL;
  g_autoptr (Reply) by_entity = NULL;
  g_autoptr (Reply) by_ids = NULL;
  g_autoptr (Reply) none = NULL;
  g_autofree char *entity_filter = NULL;
  g_autofree char *ids_filter = NULL;
  guint i, seen = 0;

  ids[0] = start_one (fx, find_vm (fx, VM_CLEAN, 0), &g1);
  ids[1] = start_one (fx, find_vm (fx, VM_CLEAN, 1), &g1);
  ids[2] = start_one (fx, find_vm (fx, VM_CLEAN, 2), &g1);
  ids[3] = start_one (fx, find_vm (fx, VM_CLEAN, 3), &vmo);
  ids[4] = start_one (fx, find_vm (fx, VM_CLEAN, 4), &vmo);
  advance (fx, 15);

  for (i = 0; i < 3; i++)
    {
      g_autofree char *paging
          = g_strdup_printf ("\"pageSize\":2,\"offset\":%u,\"skipCount\":%u", i * 2, i * 2);
      g_autoptr (Reply) page = query (fx, "\"skipDrafts\":true", paging);

      g_assert_cmpuint (page->status, ==, 200);
      g_assert_null (jget (page->json, "success")); /* envelope 3 */
      g_assert_cmpuint (jlen (page->json, "data.items"), ==, i < 2 ? 2 : 1);
      seen += jlen (page->json, "data.items");
    }
  g_assert_cmpuint (seen, ==, 5);

  all = query (fx, "", NULL);
  g_assert_cmpuint (jlen (all->json, "data.items"), ==, 5);
  by_group = query (fx, "\"migrationGroupId\":[\"wave-1\"]", NULL);
  g_assert_cmpuint (jlen (by_group->json, "data.items"), ==, 3);
  by_state = query (fx, "\"state\":[\"TRANSFER_QUEUED\"]", NULL);
  g_assert_cmpuint (jlen (by_state->json, "data.items"), ==, 1); /* the second vMotion */
  g_assert_cmpstr (jstr (by_state->json, "data.items.0.migrationId"), ==, ids[4]);
  entity_filter = g_strdup_printf ("\"entityId\":[\"%s\"]", jstr (find_vm (fx, VM_CLEAN, 1), "id"));
  by_entity = query (fx, entity_filter, NULL);
  g_assert_cmpuint (jlen (by_entity->json, "data.items"), ==, 1);
  g_assert_cmpstr (jstr (by_entity->json, "data.items.0.migrationId"), ==, ids[1]);
  ids_filter = g_strdup_printf ("\"migrationId\":[\"%s\",\"%s\"]", ids[0], ids[3]);
  by_ids = query (fx, ids_filter, NULL);
  g_assert_cmpuint (jlen (by_ids->json, "data.items"), ==, 2);
  none = query (fx, "\"migrationId\":[\"nope\"]", NULL);
  g_assert_cmpuint (jlen (none->json, "data.items"), ==, 0);
  for (i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
  fx_free (fx);
}

static void
test_groups_and_jobs (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  IntentOpts o = { 0 };
  g_autofree char *i = intent (fx, vm, &o);
  g_autofree char *create_body = g_strdup_printf ("{\"items\":[{\"name\":\"Wave 1\","
                                                  "\"groupDefaults\":{},\"migrations\":[%s]}]}",
                                                  i);
  g_autoptr (Reply) created = api (fx, "POST", "/mobility/groups", create_body);
  g_autofree char *gid = g_strdup (jstr (created->json, "items.0.migrationGroupId"));
  g_autofree char *mid = g_strdup (jstr (created->json, "items.0.migrations.0.migrationId"));
  g_autofree char *group_filter = g_strdup_printf ("\"migrationGroupId\":[\"%s\"]", gid);
  g_autofree char *drafts_filter = g_strdup_printf ("\"migrationGroupId\":[\"%s\"],"
                                                    "\"skipDrafts\":false",
                                                    gid);
  g_autofree char *start_body
      = g_strdup_printf ("{\"items\":[{\"migrationGroupId\":\"%s\"}]}", gid);
  g_autofree char *schedule_path = g_strdup_printf ("/mobility/groups/%s/schedule", gid);
  g_autofree char *schedule_body = NULL;
  g_autofree char *job_path = NULL;
  g_autoptr (Reply) hidden = NULL;
  g_autoptr (Reply) drafts = NULL;
  g_autoptr (Reply) started = NULL;
  g_autoptr (Reply) scheduled = NULL;
  g_autoptr (Reply) after = NULL;
  g_autoptr (Reply) job = NULL;
  g_autoptr (Reply) no_job = NULL;
  g_autoptr (Reply) no_group = NULL;
  g_autoptr (Reply) archive = NULL;
  gint64 win;

  g_assert_cmpuint (created->status, ==, 200);
  g_assert_nonnull (gid);
  g_assert_nonnull (mid);
  hidden = query (fx, group_filter, NULL);
  g_assert_cmpuint (jlen (hidden->json, "data.items"), ==, 0);
  drafts = query (fx, drafts_filter, NULL);
  g_assert_cmpuint (jlen (drafts->json, "data.items"), ==, 1);
  g_assert_cmpstr (jstr (drafts->json, "data.items.0.state"), ==, "DRAFT");

  started = api (fx, "POST", "/mobility/groups/start", start_body);
  g_assert_cmpuint (started->status, ==, 202);
  g_assert_nonnull (jstr (started->json, "jobId"));
  assert_state (fx, mid, "VALIDATED");

  job_path = g_strdup_printf ("/jobs/%s", jstr (started->json, "jobId"));
  job = api (fx, "GET", job_path, NULL);
  g_assert_cmpuint (job->status, ==, 200);
  g_assert_true (jbool (job->json, "isDone"));
  g_assert_false (jbool (job->json, "didFail"));
  g_assert_cmpstr (jstr (job->json, "jobData.migrationIds.0"), ==, mid);
  no_job = api (fx, "GET", "/jobs/job-nope", NULL);
  g_assert_cmpuint (no_job->status, ==, 404);

  win = sim_clock (fx) + 48 * 3600000;
  schedule_body = g_strdup_printf (
      "{\"mobilityGroupDefaults\":{\"switchover\":{\"startTime\":%" G_GINT64_FORMAT
      ",\"expiryTime\":%" G_GINT64_FORMAT "}}}",
      win, win + 3 * 3600000);
  scheduled = api (fx, "POST", schedule_path, schedule_body);
  g_assert_cmpuint (scheduled->status, ==, 200);
  advance (fx, 24 * 3600);
  after = query (fx, group_filter, NULL);
  g_assert_cmpstr (jstr (after->json, "data.items.0.state"), ==, "WAITING_FOR_SWITCHOVER");
  g_assert_cmpint (jint (after->json, "data.items.0.switchoverParams.schedule.startTime"), ==, win);
  advance (fx, 24 * 3600 + 600);
  assert_state (fx, mid, "MIGRATION_COMPLETE");

  no_group = api (fx, "POST", "/mobility/groups/nope/schedule", schedule_body);
  g_assert_cmpuint (no_group->status, ==, 404);
  archive = api (fx, "POST", "/mobility/groups/archive", start_body);
  g_assert_cmpuint (archive->status, ==, 404);
  g_assert_true (has_code (archive->json, "errors", "NOT_FOUND"));
  fx_free (fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/migration/window-missed", test_window_missed);
  g_test_add_func ("/sim/migration/bandwidth-concurrency", test_bandwidth_and_concurrency);
  g_test_add_func ("/sim/migration/bulk-window", test_bulk_with_window);
  g_test_add_func ("/sim/migration/vmotion-serial", test_vmotion_serial);
  g_test_add_func ("/sim/migration/cold-rav", test_cold_and_rav);
  g_test_add_func ("/sim/migration/cancel", test_cancel);
  g_test_add_func ("/sim/migration/injected-failures", test_injected_failures);
  g_test_add_func ("/sim/query", test_query_filters_paging);
  g_test_add_func ("/sim/groups-jobs", test_groups_and_jobs);
  return g_test_run ();
}
