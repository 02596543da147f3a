/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim-strict.c: the simulator is as strict as a real HCX Manager (src/sim/README.md, "What
 * the simulator rejects"): one test per rule, the bodies a real manager omits, and the state
 * machine, inventory loader and inventory moves a real manager shows. */

#include "test-sim-client.h"

#include <glib/gstdio.h>

/* A start refused as a whole: 400, and nothing was created. */
static void
expect_start_refused (Fx *fx, const char *items, const char *code)
{
  g_autoptr (Reply) r = mobility (fx, "start", items);

  g_assert_cmpuint (r->status, ==, 400);
  if (!has_code (r->json, "items.0.errors", code))
    g_error ("expected error %s on start", code);
  g_assert_cmpint (state_count (fx, "migrations"), ==, 0);
}

/* ---- migration types and their fields --------------------------------------------------- */

static void
test_canonical_types (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  g_autofree char *good = intent (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *bulk = replace_once (good, "\"migrationType\":\"vSphereReplication\"",
                                        "\"migrationType\":\"Bulk\"");
  g_autofree char *off
      = intent (fx, find_vm (fx, VM_OFF, 0), &(IntentOpts){ .type = "ColdMigration" });
  g_autofree char *cold
      = replace_once (off, "\"migrationType\":\"ColdMigration\"", "\"migrationType\":\"Cold\"");
  g_autofree char *lower = replace_once (good, "\"migrationType\":\"vSphereReplication\"",
                                         "\"migrationType\":\"vspherereplication\"");
  g_autofree char *group
      = g_strdup_printf ("{\"items\":[{\"name\":\"W\",\"migrations\":[%s]}]}", bulk);
  g_autoptr (Reply) ok = mobility (fx, "validate", good);
  g_autoptr (Reply) grouped = NULL;

  g_assert_cmpuint (jlen (ok->json, "items.0.errors"), ==, 0);
  expect_error_in (fx, bulk, "UNSUPPORTED_MIGRATION_TYPE");
  expect_error_in (fx, cold, "UNSUPPORTED_MIGRATION_TYPE");
  expect_error_in (fx, lower, "UNSUPPORTED_MIGRATION_TYPE");
  expect_start_refused (fx, bulk, "UNSUPPORTED_MIGRATION_TYPE");
  grouped = api (fx, "POST", "/mobility/groups", group);
  g_assert_cmpuint (grouped->status, ==, 400);
  g_assert_cmpint (state_count (fx, "groups"), ==, 0);
  fx_free (fx);
}

static void
test_transfer_and_switchover_types (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  IntentOpts vmo = { .type = "vMotion" };
  g_autofree char *bulk = intent (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *vmotion = intent (fx, find_vm (fx, VM_CLEAN, 1), &vmo);
  g_autofree char *noop_bulk = replace_once (bulk, "\"transferType\":\"vSphereReplication\"",
                                             "\"transferType\":\"NO_OP\"");
  g_autofree char *repl_vmotion = replace_once (vmotion, "\"transferType\":\"NO_OP\"",
                                                "\"transferType\":\"vSphereReplication\"");
  g_autofree char *no_transfer
      = replace_once (bulk, "\"transferType\":\"vSphereReplication\",", "");
  g_autofree char *wrong_switchover = replace_once (
      bulk, "\"switchoverType\":\"vSphereReplication\"", "\"switchoverType\":\"vMotion\"");
  g_autofree char *no_switchover
      = replace_once (bulk, "\"switchoverType\":\"vSphereReplication\",", "");
  g_autoptr (Reply) ok = mobility (fx, "validate", vmotion);

  g_assert_cmpuint (jlen (ok->json, "items.0.errors"), ==, 0);
  expect_error_in (fx, noop_bulk, "INVALID_TRANSFER_TYPE");
  expect_error_in (fx, repl_vmotion, "INVALID_TRANSFER_TYPE");
  expect_error_in (fx, no_transfer, "INVALID_TRANSFER_TYPE");
  expect_error_in (fx, wrong_switchover, "INVALID_SWITCHOVER_TYPE");
  expect_error_in (fx, no_switchover, "INVALID_SWITCHOVER_TYPE");
  expect_start_refused (fx, noop_bulk, "INVALID_TRANSFER_TYPE");
  fx_free (fx);
}

/* ---- placement -------------------------------------------------------------------------- */

static char *
with_placement (Fx *fx, const char *good, const char *placement)
{
  const char *start = strstr (good, "\"placement\":[");
  const char *end = strstr (good, "],\"storage\"");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strdup_printf ("%.*s\"placement\":[%s%s", (int)(start - good), good, placement, end);
}

static void
test_placement (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  g_autofree char *good = intent (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *host_ok = with_placement (
      fx, good,
      "{\"type\":\"cluster\",\"id\":\"domain-c8\"},{\"type\":\"host\",\"id\":\"host-1012\"}");
  g_autofree char *datacenter_ok
      = with_placement (fx, good,
                        "{\"type\":\"dataCenter\",\"id\":\"datacenter-3\"},{\"type\":\"cluster\","
                        "\"id\":\"domain-c8\"}");
  g_autofree char *bad_case
      = with_placement (fx, good, "{\"type\":\"Cluster\",\"id\":\"domain-c8\"}");
  g_autofree char *lower_dc = with_placement (fx, good,
                                              "{\"type\":\"datacenter\",\"id\":\"datacenter-3\"},{"
                                              "\"type\":\"cluster\",\"id\":\"domain-c8\"}");
  g_autofree char *other_rp = with_placement (
      fx, good,
      "{\"type\":\"cluster\",\"id\":\"domain-c8\"},{\"type\":\"resourcePool\",\"id\":"
      "\"resgroup-1002\"}");
  g_autofree char *other_host = with_placement (
      fx, good,
      "{\"type\":\"cluster\",\"id\":\"domain-c8\"},{\"type\":\"host\",\"id\":\"host-1021\"}");
  g_autofree char *rp_as_folder = with_placement (
      fx, good,
      "{\"type\":\"cluster\",\"id\":\"domain-c8\"},{\"type\":\"folder\",\"id\":\"resgroup-9\"}");
  g_autofree char *folder_as_rp
      = with_placement (fx, good,
                        "{\"type\":\"cluster\",\"id\":\"domain-c8\"},{\"type\":\"resourcePool\","
                        "\"id\":\"group-v10\"}");
  g_autoptr (Reply) a = mobility (fx, "validate", host_ok);
  g_autoptr (Reply) b = mobility (fx, "validate", datacenter_ok);
  g_autoptr (Reply) named = mobility (fx, "validate", other_rp);
  g_autoptr (Reply) hosts
      = api (fx, "POST", "/service/inventory/containers",
             "{\"filter\":{\"cloud\":{\"remote\":true},\"entityType\":[\"host\"]}}");

  g_assert_cmpuint (jlen (a->json, "items.0.errors"), ==, 0);
  g_assert_cmpuint (jlen (b->json, "items.0.errors"), ==, 0);
  g_assert_cmpuint (jlen (hosts->json, "data.items"), ==, 6);
  g_assert_cmpstr (jstr (hosts->json, "data.items.0.parent.value"), ==, "domain-c8");
  expect_error_in (fx, bad_case, "INVALID_PLACEMENT_TYPE");
  expect_error_in (fx, lower_dc, "INVALID_PLACEMENT_TYPE");
  expect_error_in (fx, other_rp, "PLACEMENT_NOT_IN_CLUSTER");
  /* The error names the item. */
  g_assert_nonnull (strstr (message_for (named->json, "items.0.errors", "PLACEMENT_NOT_IN_CLUSTER"),
                            "resgroup-1002"));
  expect_error_in (fx, other_host, "PLACEMENT_NOT_IN_CLUSTER");
  expect_error_in (fx, rp_as_folder, "PLACEMENT_TYPE_MISMATCH");
  expect_error_in (fx, folder_as_rp, "PLACEMENT_TYPE_MISMATCH");
  expect_start_refused (fx, other_rp, "PLACEMENT_NOT_IN_CLUSTER");
  fx_free (fx);
}

/* ---- types of values -------------------------------------------------------------------- */

/* A 400 for the whole request, whose message names the field. */
static void
expect_binding_error (Fx *fx, const char *path, const char *body, const char *field)
{
  g_autoptr (Reply) r = api (fx, "POST", path, body);

  if (r->status != 400)
    g_error ("POST %s %s answered %u, not 400", path, body, r->status);
  g_assert_true (has_code (r->json, "errors", "INVALID_REQUEST"));
  if (strstr (jstr (r->json, "errors.0.message"), field) == NULL)
    g_error ("the message '%s' does not name %s", jstr (r->json, "errors.0.message"), field);
}

static void
test_value_types (void)
{
  Fx *fx = fx_new (NULL);
  gint64 now = sim_clock (fx);
  IntentOpts o = { .win_start = now + 3600000, .win_end = now + 4 * 3600000 };
  g_autofree char *good = intent (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *win = g_strdup_printf ("\"startTime\":%" G_GINT64_FORMAT, o.win_start);
  g_autofree char *win_str
      = g_strdup_printf ("\"startTime\":\"%" G_GINT64_FORMAT "\"", o.win_start);
  g_autofree char *time_str = replace_once (good, win, win_str);
  g_autofree char *recovery_str
      = replace_once (good, "\"longRecovery\":false", "\"longRecovery\":\"false\"");
  g_autofree char *option_str
      = replace_once (good, "\"removeSnapshots\":false", "\"removeSnapshots\":\"yes\"");
  g_autofree char *start_body = g_strdup_printf ("{\"items\":[%s]}", time_str);
  g_autofree char *recovery_body = g_strdup_printf ("{\"items\":[%s]}", recovery_str);
  g_autofree char *option_body = g_strdup_printf ("{\"items\":[%s]}", option_str);
  g_autofree char *group_body
      = g_strdup_printf ("{\"items\":[{\"name\":\"W\",\"migrations\":[%s]}]}", recovery_str);
  g_autoptr (Reply) fine = mobility (fx, "start", good);

  g_assert_cmpuint (fine->status, ==, 202);
  /* Intents: schedule times, longRecovery, options. Nothing more is started. */
  expect_binding_error (fx, "/mobility/migrations/start", start_body,
                        "items[0].switchoverParams.schedule.startTime");
  expect_binding_error (fx, "/mobility/migrations/validate", recovery_body,
                        "items[0].transferParams.longRecovery");
  expect_binding_error (fx, "/mobility/migrations/start", option_body,
                        "items[0].switchoverParams.options.removeSnapshots");
  expect_binding_error (fx, "/mobility/groups", group_body,
                        "items[0].migrations[0].transferParams.longRecovery");
  expect_binding_error (fx, "/mobility/migrations/start", "{\"items\":{}}", "items");
  g_assert_cmpint (state_count (fx, "migrations"), ==, 1);
  g_assert_cmpint (state_count (fx, "groups"), ==, 1);
  /* The query: pageSize, offset, non-list filter fields, non-object filter and paging. */
  expect_binding_error (fx, "/migrations?action=query",
                        "{\"filter\":{},\"paging\":{\"pageSize\":\"50\"}}", "paging.pageSize");
  expect_binding_error (fx, "/migrations?action=query", "{\"paging\":{\"offset\":\"0\"}}",
                        "paging.offset");
  expect_binding_error (fx, "/migrations?action=query", "{\"filter\":{\"migrationId\":\"x\"}}",
                        "filter.migrationId");
  expect_binding_error (fx, "/migrations?action=query", "{\"filter\":{\"state\":[1]}}",
                        "filter.state[0]");
  expect_binding_error (fx, "/migrations?action=query", "{\"filter\":[]}", "filter");
  expect_binding_error (fx, "/migrations?action=query", "{\"paging\":7}", "paging");
  expect_binding_error (fx, "/migrations?action=query", "{\"filter\":{\"skipDrafts\":\"no\"}}",
                        "filter.skipDrafts");
  /* The inventory: paging and the cloud filter. */
  expect_binding_error (
      fx, "/service/inventory/virtualmachines",
      "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":\"1000\"}}",
      "paging.pageSize");
  expect_binding_error (fx, "/service/inventory/virtualmachines",
                        "{\"filter\":{\"cloud\":{\"local\":\"true\"}}}", "filter.cloud.local");
  expect_binding_error (fx, "/service/inventory/containers",
                        "{\"filter\":{\"entityType\":\"folder\"}}", "filter.entityType");
  /* Group schedule, cancel, and a body that is not an object. */
  expect_binding_error (fx, "/mobility/groups/g/schedule",
                        "{\"mobilityGroupDefaults\":{\"switchover\":{\"startTime\":\"soon\"}}}",
                        "mobilityGroupDefaults.switchover.startTime");
  expect_binding_error (fx, "/mobility/migrations/cancel", "{\"items\":[{\"migrationId\":7}]}",
                        "items[0].migrationId");
  expect_binding_error (fx, "/mobility/migrations/validate", "[]", "body");
  fx_free (fx);
}

/* ---- bodies a real manager omits --------------------------------------------------------- */

static void
test_real_omissions (void)
{
  FerrySimOptions opts = { .real_omissions = 1 };
  Fx *fx = fx_new (&opts);
  IntentOpts o = { .no_retain_mac = TRUE };
  IntentOpts off = { 0 };
  g_autofree char *warned = intent (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *failing = intent (fx, find_vm (fx, VM_OFF, 0), &off);
  g_autoptr (Reply) bad_login
      = call (fx->sim, NULL, "POST", API "/sessions", "{\"username\":\"x\",\"password\":\"y\"}");
  g_autoptr (Reply) no_token = call (fx->sim, NULL, "GET", API "/cloudConfigs", NULL);
  g_autoptr (Reply) nothing = api (fx, "GET", "/no/such/endpoint", NULL);
  g_autoptr (Reply) no_job = api (fx, "GET", "/jobs/job-nope", NULL);
  g_autoptr (Reply) vms
      = api (fx, "POST", "/service/inventory/virtualmachines",
             "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":5}}");
  g_autoptr (Reply) q = query (fx, "", NULL);
  g_autoptr (Reply) w = mobility (fx, "validate", warned);
  g_autoptr (Reply) f = mobility (fx, "validate", failing);
  g_autoptr (Reply) full = NULL;
  g_autoptr (Reply) empty_again = NULL;
  g_autoptr (JsonNode) state = control (fx, "GET", "/__sim/state", NULL);

  g_assert_true (jbool (state, "realOmissions"));
  g_assert_cmpuint (bad_login->status, ==, 401);
  g_assert_cmpuint (g_bytes_get_size (bad_login->body), ==, 0);
  g_assert_cmpuint (no_token->status, ==, 401);
  g_assert_cmpuint (g_bytes_get_size (no_token->body), ==, 0);
  g_assert_cmpuint (nothing->status, ==, 404);
  g_assert_cmpuint (g_bytes_get_size (nothing->body), ==, 0);
  g_assert_cmpuint (no_job->status, ==, 404);
  g_assert_cmpuint (g_bytes_get_size (no_job->body), ==, 0);
  g_assert_cmpuint (jlen (vms->json, "data.items"), ==, 5);
  g_assert_nonnull (jget (vms->json, "data.paging.pageSize"));
  g_assert_null (jget (vms->json, "data.paging.totalSize"));
  g_assert_nonnull (jget (q->json, "data.paging"));
  g_assert_null (jget (q->json, "data.paging.totalSize"));
  /* Warnings keep their message and lose their code. */
  g_assert_cmpuint (jlen (w->json, "items.0.warnings"), >, 0);
  g_assert_nonnull (jstr (w->json, "items.0.warnings.0.message"));
  g_assert_null (jget (w->json, "items.0.warnings.0.code"));
  /* A failed validation: the item's errors, no top-level VALIDATION_FAILED. */
  g_assert_true (has_code (f->json, "items.0.errors", "VM_POWER_STATE"));
  g_assert_cmpuint (jlen (f->json, "errors"), ==, 0);

  /* The quirk turns it off and on; a reset restores the start value (on). */
  {
    g_autoptr (JsonNode) c = control (fx, "POST", "/__sim/quirks", "{\"realOmissions\":false}");
  }
  full = api (fx, "GET", "/no/such/endpoint", NULL);
  g_assert_cmpuint (full->status, ==, 404);
  g_assert_true (has_code (full->json, "errors", "NOT_FOUND"));
  {
    g_autoptr (JsonNode) c = control (fx, "POST", "/__sim/reset", NULL);
  }
  empty_again = api (fx, "GET", "/no/such/endpoint", NULL);
  g_assert_cmpuint (g_bytes_get_size (empty_again->body), ==, 0);
  fx_free (fx);
}

/* A simulator started without asking answers in full, and the quirk turns omissions on. */
static void
test_real_omissions_quirk (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (Reply) full
      = api (fx, "POST", "/service/inventory/virtualmachines",
             "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":5}}");
  g_autoptr (Reply) lean = NULL;
  g_autoptr (JsonNode) c = NULL;

  g_assert_cmpint (jint (full->json, "data.paging.totalSize"), ==, json_array_get_length (fx->vms));
  c = control (fx, "POST", "/__sim/quirks", "{\"realOmissions\":true}");
  lean = api (fx, "POST", "/service/inventory/virtualmachines",
              "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":5}}");
  g_assert_null (jget (lean->json, "data.paging.totalSize"));
  fx_free (fx);
}

/* ---- state machine ---------------------------------------------------------------------- */

static gboolean
log_mentions (JsonNode *item, const char *text)
{
  JsonNode *log = jget (item, "progress.log");
  guint i;

  for (i = 0; i < json_array_get_length (json_node_get_array (log)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (log), i);
      const char *m = jstr (e, "message");
      const char *err = jstr (e, "errorMessage");

      if ((m != NULL && strstr (m, text) != NULL) || (err != NULL && strstr (err, text) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_transfer_failure_half_way (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_BIG, 0);
  g_autofree char *fail
      = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"transfer\"}", jstr (vm, "id"));
  g_autoptr (JsonNode) c = control (fx, "POST", "/__sim/vm-failure", fail);
  IntentOpts o = { 0 };
  g_autofree char *id = start_one (fx, vm, &o);
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", id);
  g_autoptr (Reply) q = NULL;
  JsonNode *item;

  advance (fx, 24 * 3600);
  q = query (fx, filter, NULL);
  item = jget (q->json, "data.items.0");
  g_assert_cmpstr (jstr (item, "state"), ==, "TRANSFER_FAILED");
  /* Half the bytes, to the byte; the 25 % step logged, the 50 % one not. */
  g_assert_cmpint (jint (item, "progress.total.bytesTransferred"), ==,
                   jint (item, "progress.total.value") / 2);
  g_assert_true (log_mentions (item, "Transfer 25 % complete"));
  g_assert_false (log_mentions (item, "Transfer 50 % complete"));
  fx_free (fx);
}

static void
test_window_closes_during_transfer (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_BIG, 0); /* > 300 GB: more than 40 min at 1 Gbps */
  gint64 now = sim_clock (fx);
  IntentOpts o = { .win_start = now + 60000, .win_end = now + 20 * 60000 };
  g_autofree char *id = start_one (fx, vm, &o);
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", id);
  g_autoptr (Reply) during = NULL;
  g_autoptr (Reply) q = NULL;
  JsonNode *item;

  /* Just before the window closes it is still transferring… */
  advance (fx, 20 * 60 - 1);
  during = query (fx, filter, NULL);
  g_assert_cmpstr (jstr (during->json, "data.items.0.state"), ==, "TRANSFER_IN_PROGRESS");
  /* …and it fails when the window closes, not when the transfer would have ended. */
  advance (fx, 1);
  q = query (fx, filter, NULL);
  item = jget (q->json, "data.items.0");
  g_assert_cmpstr (jstr (item, "state"), ==, "MIGRATION_FAILED");
  g_assert_cmpint (jint (item, "progress.endTime"), ==, o.win_end);
  g_assert_cmpint (jint (item, "progress.total.bytesTransferred"), <,
                   jint (item, "progress.total.value"));
  g_assert_true (log_mentions (item, "switchover window closed"));
  fx_free (fx);
}

/* ---- inventory ---------------------------------------------------------------------------- */

static void
test_inventory_file_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-sim-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "inventory.json", NULL);
  const char *json
      = "{\"items\":["
        "{\"id\":\"vm-31\",\"name\":\"sleepy\",\"powerState\":\"suspended\",\"networkDevices\":"
        "[{\"networkId\":\"dvportgroup-45\",\"networkName\":\"VLAN100-Web\","
        "\"macAddress\":\"00:50:56:AB:CD:EF\",\"connected\":true},"
        "{\"networkId\":\"dvportgroup-46\",\"networkName\":\"VLAN200-App\","
        "\"macAddress\":\"00:50:56:12:34:56\",\"connected\":true}],\"hardwareVersion\":\"vmx-19\"},"
        "{\"id\":\"vm-32\",\"name\":\"awake\",\"powerState\":\"poweredOn\",\"networkDevices\":"
        "[{\"networkId\":\"dvportgroup-45\",\"macAddress\":\"00:50:56:00:00:32\"}]}"
        "]}";
  FerrySimOptions opts = { .inventory_file = path };
  IntentOpts bulk = { 0 };
  IntentOpts cold = { .type = "ColdMigration" };
  Fx *fx;
  JsonNode *sleepy, *awake;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  fx = fx_new (&opts);
  sleepy = json_array_get_element (fx->vms, 0);
  awake = json_array_get_element (fx->vms, 1);
  g_assert_cmpstr (jstr (sleepy, "powerState"), ==, "suspended");
  g_assert_cmpstr (jstr (sleepy, "networkDevices.0.macAddress"), ==, "00:50:56:ab:cd:ef");
  g_assert_cmpstr (jstr (sleepy, "networkDevices.1.macAddress"), ==, "00:50:56:12:34:56");
  g_assert_cmpstr (jstr (awake, "networkDevices.0.macAddress"), ==, "00:50:56:00:00:32");
  /* A suspended VM fits no type; mappings by the file's MAC addresses are found. */
  expect_error (fx, sleepy, &bulk, "VM_POWER_STATE");
  expect_error (fx, sleepy, &cold, "VM_POWER_STATE");
  expect_no_error (fx, sleepy, &bulk, "NETWORK_MAPPING_MISSING");
  expect_no_error (fx, awake, &bulk, "NETWORK_MAPPING_MISSING");
  fx_free (fx);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
page_has (JsonNode *page, const char *id)
{
  JsonNode *items = jget (page, "data.items");
  guint i;

  for (i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    if (g_strcmp0 (jstr (json_array_get_element (json_node_get_array (items), i), "id"), id) == 0)
      return TRUE;
  return FALSE;
}

/* After a migration completes, the VM has left the source inventory and is in the destination's. */
static void
test_vm_moves (void)
{
  FerrySimOptions opts = { .n_vms = 40 };
  Fx *fx = fx_new (&opts);
  guint n = json_array_get_length (fx->vms);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  g_autofree char *vm_id = g_strdup (jstr (vm, "id"));
  IntentOpts o = { 0 };
  g_autofree char *again = intent (fx, vm, &o);
  g_autofree char *id = start_one (fx, vm, &o);
  g_autoptr (Reply) src = NULL;
  g_autoptr (Reply) dst = NULL;
  g_autoptr (Reply) first = NULL;
  g_autoptr (Reply) second = NULL;
  g_autoptr (Reply) after_reset = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  advance (fx, 24 * 3600);
  assert_state (fx, id, "MIGRATION_COMPLETE");
  src = api (fx, "POST", "/service/inventory/virtualmachines",
             "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":1000}}");
  dst = api (fx, "POST", "/service/inventory/virtualmachines",
             "{\"filter\":{\"cloud\":{\"remote\":true}},\"paging\":{\"pageSize\":1000}}");
  g_assert_cmpuint (jlen (src->json, "data.items"), ==, n - 1);
  g_assert_cmpint (jint (src->json, "data.paging.totalSize"), ==, n - 1);
  g_assert_false (page_has (src->json, vm_id));
  g_assert_true (page_has (dst->json, vm_id));
  g_assert_cmpuint (jlen (dst->json, "data.items"), ==, 1);
  /* As the destination's vCenter shows it: placed, stored and connected as the migration chose. */
  g_assert_cmpstr (jstr (dst->json, "data.items.0.cluster"), ==, "Cluster-1");
  g_assert_cmpstr (jstr (dst->json, "data.items.0.folder"), ==, "Workloads");
  g_assert_cmpstr (jstr (dst->json, "data.items.0.datastore"), ==, "vsanDatastore");
  g_assert_cmpstr (jstr (dst->json, "data.items.0.networkDevices.0.networkId"), ==,
                   "/infra/segments/web-segment");
  g_assert_cmpstr (jstr (dst->json, "data.items.0.networkDevices.0.macAddress"), ==,
                   jstr (vm, "networkDevices.0.macAddress"));

  /* Paged in small pages, the source still lists every other VM exactly once. */
  for (i = 0; i < n; i += 7)
    {
      g_autofree char *body = g_strdup_printf (
          "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"offset\":%u,\"pageSize\":7}}", i);
      g_autoptr (Reply) page = api (fx, "POST", "/service/inventory/virtualmachines", body);
      guint k;

      for (k = 0; k < jlen (page->json, "data.items"); k++)
        {
          g_autofree char *p = g_strdup_printf ("data.items.%u.id", k);

          g_assert_false (g_hash_table_contains (seen, jstr (page->json, p)));
          g_hash_table_add (seen, g_strdup (jstr (page->json, p)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n - 1);
  g_assert_false (g_hash_table_contains (seen, vm_id));

  /* It cannot be migrated from the source again. */
  expect_error_in (fx, again, "ENTITY_NOT_FOUND");
  first = api (fx, "POST", "/service/inventory/virtualmachines",
               "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":1}}");
  g_assert_cmpstr (jstr (first->json, "data.items.0.id"), !=, vm_id);
  /* A reset brings it back. */
  {
    g_autoptr (JsonNode) c = control (fx, "POST", "/__sim/reset", NULL);
  }
  after_reset = api (fx, "POST", "/service/inventory/virtualmachines",
                     "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":1000}}");
  g_assert_cmpuint (jlen (after_reset->json, "data.items"), ==, n);
  g_assert_true (page_has (after_reset->json, vm_id));
  second = mobility (fx, "validate", again);
  g_assert_cmpuint (jlen (second->json, "items.0.errors"), ==, 0);
  fx_free (fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/strict/canonical-types", test_canonical_types);
  g_test_add_func ("/sim/strict/transfer-switchover-types", test_transfer_and_switchover_types);
  g_test_add_func ("/sim/strict/placement", test_placement);
  g_test_add_func ("/sim/strict/value-types", test_value_types);
  g_test_add_func ("/sim/strict/real-omissions", test_real_omissions);
  g_test_add_func ("/sim/strict/real-omissions-quirk", test_real_omissions_quirk);
  g_test_add_func ("/sim/strict/transfer-failure-half-way", test_transfer_failure_half_way);
  g_test_add_func ("/sim/strict/window-closes-during-transfer", test_window_closes_during_transfer);
  g_test_add_func ("/sim/strict/inventory-file-round-trip", test_inventory_file_round_trip);
  g_test_add_func ("/sim/strict/vm-moves", test_vm_moves);
  return g_test_run ();
}
