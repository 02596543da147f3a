/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim-faults.c: the simulator's injected faults (/__sim/faults): errors, dropped, reset,
 * stalled and mangled answers, the Nth request, ignored paging, slow and uncertain starts and
 * group creations. */

#include "test-sim-client.h"

static void
test_faults (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (JsonNode) c = NULL;
  g_autoptr (JsonNode) state = NULL;
  g_autoptr (Reply) e1 = NULL;
  g_autoptr (Reply) e2 = NULL;
  g_autoptr (Reply) other = NULL;
  g_autoptr (Reply) drop = NULL;
  g_autoptr (Reply) trunc = NULL;
  g_autoptr (Reply) bad = NULL;
  g_autoptr (Reply) html = NULL;
  g_autoptr (Reply) slow = NULL;
  g_autoptr (Reply) cleared = NULL;
  g_autoptr (Reply) invalid = NULL;

  /* 5xx, limited to a path prefix and a count. */
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/hybridity/api/cloudConfigs\",\"errorRate\":1,\"status\":502,"
               "\"count\":1}");
  other = api (fx, "GET", "/interconnect/serviceMesh", NULL);
  g_assert_cmpuint (other->status, ==, 200);
  e1 = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (e1->status, ==, 502);
  g_assert_nonnull (jstr (e1->json, "errors.0.message"));
  e2 = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (e2->status, ==, 200);

  /* Dropped connection: a transport error, no response. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/interconnect\",\"drop\":true,\"count\":1}");
  drop = call_full (fx->sim, fx->token, "GET", API "/interconnect/serviceMesh", NULL, TRUE, TRUE);
  g_assert_nonnull (drop->error);
  /* On a reused keep-alive connection libsoup itself quietly re-sends an idempotent request
   * that lost its connection: the second try gets through. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/interconnect\",\"drop\":true,\"count\":1}");
  {
    g_autoptr (Reply) warm = api (fx, "GET", "/cloudConfigs", NULL);
    g_autoptr (Reply) retried = api (fx, "GET", "/interconnect/serviceMesh", NULL);
    g_autoptr (JsonNode) st = control (fx, "GET", "/__sim/state", NULL);

    g_assert_cmpuint (warm->status, ==, 200);
    g_assert_no_error (retried->error);
    g_assert_cmpuint (retried->status, ==, 200);
    /* 1 before, 1 dropped on a fresh connection, 1 dropped on the reused one, 1 retry. */
    g_assert_cmpint (jint (st, "requests./hybridity/api/interconnect/serviceMesh"), ==, 4);
  }

  /* Dropped after acting: the start happened, its answer is lost; libsoup does not re-send a
   * POST, even on a reused connection. */
  {
    IntentOpts o = { 0 };
    g_autofree char *i = intent (fx, find_vm (fx, VM_CLEAN, 0), &o);
    g_autoptr (Reply) lost = NULL;
    g_autoptr (JsonNode) st = NULL;

    g_clear_pointer (&c, json_node_unref);
    c = control (fx, "POST", "/__sim/faults",
                 "{\"path\":\"/mobility/migrations/start\",\"dropAfter\":true,\"count\":1}");
    lost = mobility (fx, "start", i);
    st = control (fx, "GET", "/__sim/state", NULL);
    g_assert_nonnull (lost->error);
    g_assert_cmpint (jint (st, "migrations"), ==, 1);
    g_assert_cmpint (jint (st, "requests./hybridity/api/mobility/migrations/start"), ==, 1);
  }

  /* Truncated and malformed bodies: 200, but not JSON. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/hybridity/api/service/inventory\",\"truncate\":true,\"count\":1}");
  trunc = api (fx, "POST", "/service/inventory/virtualmachines",
               "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":100}}");
  g_assert_no_error (trunc->error);
  g_assert_cmpuint (trunc->status, ==, 200);
  g_assert_null (trunc->json);
  g_assert_cmpuint (g_bytes_get_size (trunc->body), >, 100);

  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults", "{\"path\":\"*\",\"malformed\":true,\"count\":1}");
  bad = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (bad->status, ==, 200);
  g_assert_null (bad->json);

  /* An HTML page where JSON was expected. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults", "{\"path\":\"*\",\"html\":true,\"status\":503}");
  html = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (html->status, ==, 503);
  g_assert_cmpstr (html->content_type, ==, "text/html");
  g_assert_null (html->json);

  /* Clearing removes it; latency still answers correctly (its duration is a benchmark's job). */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "DELETE", "/__sim/faults", NULL);
  cleared = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (cleared->status, ==, 200);
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults", "{\"path\":\"*\",\"latencyMs\":50,\"count\":1}");
  slow = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (slow->status, ==, 200);
  g_assert_nonnull (jget (slow->json, "data.items"));

  state = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (state, "faults"), ==, 0);

  invalid = call (fx->sim, NULL, "POST", "/__sim/faults", "{\"errorRate\":3}");
  g_assert_cmpuint (invalid->status, ==, 400);
  fx_free (fx);
}

/* A reset in the middle of the body, a body that never completes, and the Nth request. */
static void
test_faults_wire (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (Reply) reset = NULL;
  g_autoptr (Reply) after_reset = NULL;
  g_autoptr (Reply) stalled = NULL;
  g_autoptr (Reply) after_stall = NULL;
  gint64 t0;
  guint i;

  /* A reset, not a stall: the client learns it at once, well before its timeout. */
  set_fault (fx, "{\"path\":\"/service/inventory/virtualmachines\",\"reset\":true,\"count\":1}");
  client_timeout = 5 * test_slowdown ();
  reset = call_full (fx->sim, fx->token, "POST", API "/service/inventory/virtualmachines",
                     "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":100}}",
                     TRUE, TRUE);
  client_timeout = 60;
  g_test_message ("reset: status %u, %s", reset->status,
                  reset->error != NULL ? reset->error->message : "no error");
  g_assert_nonnull (reset->error);
  g_assert_false (g_error_matches (reset->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));
  g_assert_null (reset->json);
  after_reset = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (after_reset->status, ==, 200);

  /* Headers arrive (status 200), the body never completes: the client's timeout ends it. */
  set_fault (fx, "{\"path\":\"/cloudConfigs\",\"stall\":true,\"count\":1}");
  client_timeout = 1;
  t0 = g_get_monotonic_time ();
  stalled = call_full (fx->sim, fx->token, "GET", API "/cloudConfigs", NULL, TRUE, TRUE);
  client_timeout = 60;
  g_assert_error (stalled->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpuint (stalled->status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - t0, >=, G_USEC_PER_SEC / 2);
  after_stall = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (after_stall->status, ==, 200);
  g_assert_nonnull (jget (after_stall->json, "data.items"));

  /* "nth":3,"count":2 hits the 3rd and 4th matching requests only; others do not count. */
  set_fault (fx, "{\"path\":\"/cloudConfigs\",\"status\":502,\"nth\":3,\"count\":2}");
  for (i = 1; i <= 6; i++)
    {
      g_autoptr (Reply) other = api (fx, "GET", "/interconnect/serviceMesh", NULL);
      g_autoptr (Reply) r = api (fx, "GET", "/cloudConfigs", NULL);

      g_assert_cmpuint (other->status, ==, 200);
      g_assert_cmpuint (r->status, ==, (i == 3 || i == 4) ? 502 : 200);
    }
  g_assert_cmpint (state_count (fx, "faults"), ==, 0);
  fx_free (fx);
}

/* A server that ignores offset/skipCount: every page is the first, for VMs and migrations. */
static void
test_faults_ignore_paging (void)
{
  Fx *fx = fx_new (NULL);
  const char *vms_body = "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"offset\":10,"
                         "\"skipCount\":10,\"pageSize\":5}}";
  g_autoptr (Reply) honest = NULL;
  g_autoptr (Reply) ignored = NULL;
  g_autoptr (Reply) q_honest = NULL;
  g_autoptr (Reply) q_ignored = NULL;
  g_autoptr (Reply) q_first = NULL;
  IntentOpts o = { 0 };
  guint i;

  for (i = 0; i < 3; i++)
    g_free (start_one (fx, find_vm (fx, VM_CLEAN, i), &o));

  honest = api (fx, "POST", "/service/inventory/virtualmachines", vms_body);
  g_assert_cmpstr (jstr (honest->json, "data.items.0.id"), ==,
                   jstr (json_array_get_element (fx->vms, 10), "id"));
  q_first = query (fx, "", "\"pageSize\":1,\"offset\":0");
  q_honest = query (fx, "", "\"pageSize\":1,\"offset\":2");
  g_assert_cmpstr (jstr (q_honest->json, "data.items.0.migrationId"), !=,
                   jstr (q_first->json, "data.items.0.migrationId"));

  set_fault (fx, "{\"path\":\"*\",\"ignorePaging\":true}");
  ignored = api (fx, "POST", "/service/inventory/virtualmachines", vms_body);
  g_assert_cmpuint (jlen (ignored->json, "data.items"), ==, 5);
  g_assert_cmpstr (jstr (ignored->json, "data.items.0.id"), ==,
                   jstr (json_array_get_element (fx->vms, 0), "id"));
  q_ignored = query (fx, "", "\"pageSize\":1,\"offset\":2,\"skipCount\":2");
  g_assert_cmpuint (jlen (q_ignored->json, "data.items"), ==, 1);
  g_assert_cmpstr (jstr (q_ignored->json, "data.items.0.migrationId"), ==,
                   jstr (q_first->json, "data.items.0.migrationId"));
  fx_free (fx);
}

/* Wait (at most 10 s, stretched by test_slowdown) until the query for this VM shows n migrations;
 * returns what it shows. */
static guint
wait_for_migrations (Fx *fx, const char *entity_id, guint n)
{
  g_autofree char *filter = g_strdup_printf ("\"entityId\":[\"%s\"]", entity_id);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC * test_slowdown ();
  guint seen = 0;

  do
    {
      g_autoptr (Reply) q = query (fx, filter, NULL);

      seen = jlen (q->json, "data.items");
      if (seen == n)
        break;
      g_usleep (50000);
    }
  while (g_get_monotonic_time () < deadline);
  return seen;
}

/* Starts whose answer is lost or misleading although the server acted. */
static void
test_faults_uncertain_start (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm0 = find_vm (fx, VM_CLEAN, 0);
  JsonNode *vm1 = find_vm (fx, VM_CLEAN, 1);
  g_autofree char *path0 = g_strdup_printf ("migrationsByEntity.%s", jstr (vm0, "id"));
  g_autofree char *path1 = g_strdup_printf ("migrationsByEntity.%s", jstr (vm1, "id"));
  g_autofree char *filter0 = g_strdup_printf ("\"entityId\":[\"%s\"]", jstr (vm0, "id"));
  IntentOpts o = { 0 };
  g_autofree char *i0 = intent (fx, vm0, &o);
  g_autofree char *i1 = intent (fx, vm1, &o);
  g_autoptr (Reply) slow = NULL;
  g_autoptr (Reply) at_once = NULL;
  g_autoptr (Reply) proxy = NULL;

  /* Slow start: acted at once, answered after 1.5 s (past a 1 s client timeout), and its
   * migration out of queries for 2 s: an immediate reconcile sees nothing, a later one sees it. */
  {
    g_autofree char *fault = g_strdup_printf ("{\"path\":\"/mobility/migrations/start\","
                                              "\"latencyAfterMs\":%u,\"settleMs\":%u,\"count\":1}",
                                              1500 * test_slowdown (), 2000 * test_slowdown ());

    set_fault (fx, fault);
  }
  client_timeout = test_slowdown ();
  {
    g_autofree char *body = g_strdup_printf ("{\"items\":[%s]}", i0);

    slow = call_full (fx->sim, fx->token, "POST", API "/mobility/migrations/start", body, TRUE,
                      TRUE);
  }
  client_timeout = 60;
  g_assert_error (slow->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  at_once = query (fx, filter0, NULL);
  g_assert_cmpuint (jlen (at_once->json, "data.items"), ==, 0);
  g_assert_cmpint (state_count (fx, path0), ==, 1);
  g_assert_cmpint (state_count (fx, "settlingMigrations"), ==, 1);
  g_assert_cmpuint (wait_for_migrations (fx, jstr (vm0, "id"), 1), ==, 1);
  g_assert_cmpint (state_count (fx, "settlingMigrations"), ==, 0);
  g_assert_cmpint (state_count (fx, path0), ==, 1);

  /* A proxy's 502 HTML page after the server created the migration. */
  set_fault (fx, "{\"path\":\"/mobility/migrations/start\",\"html\":true,\"status\":502,"
                 "\"count\":1}");
  proxy = mobility (fx, "start", i1);
  g_assert_cmpuint (proxy->status, ==, 502);
  g_assert_cmpstr (proxy->content_type, ==, "text/html");
  g_assert_null (proxy->json);
  g_assert_cmpint (state_count (fx, path1), ==, 1);
  g_assert_cmpint (state_count (fx, "migrations"), ==, 2);
  fx_free (fx);
}

/* Group create and group start whose answer is truncated, HTML or lost after the server acted;
 * a chosen group id makes a retried create fail instead of making a second group. */
static void
test_faults_uncertain_groups (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  g_autofree char *drafts_path = g_strdup_printf ("draftsByEntity.%s", jstr (vm, "id"));
  g_autofree char *started_path = g_strdup_printf ("migrationsByEntity.%s", jstr (vm, "id"));
  IntentOpts o = { 0 };
  g_autofree char *i = intent (fx, vm, &o);
  const char *faults[] = {
    "{\"path\":\"/mobility/groups\",\"truncate\":true,\"count\":1}",
    "{\"path\":\"/mobility/groups\",\"html\":true,\"status\":503,\"count\":1}",
    "{\"path\":\"/mobility/groups\",\"dropAfter\":true,\"count\":1}",
  };
  g_autofree char *create
      = g_strdup_printf ("{\"items\":[{\"name\":\"Wave-A\",\"groupDefaults\":{},"
                         "\"desiredMigrationGroupId\":\"wave-a\","
                         "\"migrations\":[%s]}]}",
                         i);
  g_autoptr (Reply) again = NULL;
  g_autoptr (Reply) start = NULL;
  guint k;

  for (k = 0; k < G_N_ELEMENTS (faults); k++)
    {
      g_autofree char *body = g_strdup_printf ("{\"items\":[{\"name\":\"Wave-%u\","
                                               "\"groupDefaults\":{},\"migrations\":[%s]}]}",
                                               k, i);
      g_autofree char *name = g_strdup_printf ("groupsByName.Wave-%u", k);
      g_autoptr (Reply) r = NULL;

      set_fault (fx, faults[k]);
      r = api (fx, "POST", "/mobility/groups", body);
      g_assert_null (r->json);
      g_assert_cmpint (state_count (fx, "groups"), ==, k + 1);
      g_assert_cmpint (state_count (fx, name), ==, 1);
      g_assert_cmpint (state_count (fx, drafts_path), ==, k + 1);
    }

  /* A chosen id: the group is made once; the retry is refused and makes nothing. */
  set_fault (fx, "{\"path\":\"/mobility/groups\",\"dropAfter\":true,\"count\":1}");
  {
    g_autoptr (Reply) lost = api (fx, "POST", "/mobility/groups", create);

    g_assert_nonnull (lost->error);
  }
  again = api (fx, "POST", "/mobility/groups", create);
  g_assert_cmpuint (again->status, ==, 400);
  g_assert_true (has_code (again->json, "errors", "DUPLICATE_GROUP"));
  g_assert_cmpint (state_count (fx, "groupsByName.Wave-A"), ==, 1);
  g_assert_cmpint (state_count (fx, drafts_path), ==, 4);

  /* Group start answered by an HTML page after it started the drafts. */
  set_fault (fx, "{\"path\":\"/mobility/groups/start\",\"html\":true,\"status\":502,"
                 "\"count\":1}");
  start = api (fx, "POST", "/mobility/groups/start",
               "{\"items\":[{\"migrationGroupId\":"
               "\"wave-a\"}]}");
  g_assert_cmpuint (start->status, ==, 502);
  g_assert_null (start->json);
  g_assert_cmpint (state_count (fx, started_path), ==, 1);
  g_assert_cmpint (state_count (fx, drafts_path), ==, 3);
  g_assert_cmpint (state_count (fx, "migrationsByState.VALIDATED"), ==, 1);
  fx_free (fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/faults", test_faults);
  g_test_add_func ("/sim/faults/wire", test_faults_wire);
  g_test_add_func ("/sim/faults/ignore-paging", test_faults_ignore_paging);
  g_test_add_func ("/sim/faults/uncertain-start", test_faults_uncertain_start);
  g_test_add_func ("/sim/faults/uncertain-groups", test_faults_uncertain_groups);
  return g_test_run ();
}
