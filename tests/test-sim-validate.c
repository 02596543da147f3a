/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim-validate.c: the simulator's validation rules (hcx-api.md §5, §6), item by item:
 * errors, warnings, services, and the rules about the request as a whole. */

#include "test-sim-client.h"

static void
test_validate_ok (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  g_autoptr (Reply) r = validate_one (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autoptr (JsonNode) state = NULL;

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpuint (jlen (r->json, "errors"), ==, 0);
  g_assert_cmpuint (jlen (r->json, "warnings"), ==, 0);
  g_assert_cmpuint (jlen (r->json, "items"), ==, 1);
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 0);
  g_assert_cmpuint (jlen (r->json, "items.0.warnings"), ==, 0);
  g_assert_cmpstr (jstr (r->json, "items.0.entityId"), ==, jstr (find_vm (fx, VM_CLEAN, 0), "id"));
  /* Validation creates nothing. */
  state = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (state, "migrations"), ==, 0);
  fx_free (fx);
}

static void
test_validate_rules (void)
{
  FerrySimOptions opts = { .n_vms = 1500, .seed = 5 };
  Fx *fx = fx_new (&opts);
  JsonNode *clean = find_vm (fx, VM_CLEAN, 0);
  gint64 now = sim_clock (fx);
  IntentOpts bulk = { 0 };
  IntentOpts vmotion = { .type = "vMotion" };
  IntentOpts cold = { .type = "ColdMigration" };
  IntentOpts rav = { .type = "RAV" };

  /* Power state must fit the type. */
  expect_error (fx, find_vm (fx, VM_OFF, 0), &bulk, "VM_POWER_STATE");
  expect_error (fx, find_vm (fx, VM_OFF, 0), &vmotion, "VM_POWER_STATE");
  expect_error (fx, clean, &cold, "VM_POWER_STATE");
  expect_no_error (fx, find_vm (fx, VM_OFF, 0), &cold, "VM_POWER_STATE");

  /* Hardware version ≥ 9 for vMotion, RAV, Cold; Bulk does not care. */
  expect_error (fx, find_vm (fx, VM_OLD_HW, 0), &vmotion, "VM_HARDWARE_VERSION");
  expect_error (fx, find_vm (fx, VM_OLD_HW, 0), &rav, "VM_HARDWARE_VERSION");
  expect_no_error (fx, find_vm (fx, VM_OLD_HW, 0), &bulk, "VM_HARDWARE_VERSION");

  /* Mounted ISO blocks vMotion unless removeISOs. */
  expect_error (fx, find_vm (fx, VM_ISO, 0), &vmotion, "VM_ISO_MOUNTED");
  {
    IntentOpts o = { .type = "vMotion", .remove_iso = TRUE };

    expect_no_error (fx, find_vm (fx, VM_ISO, 0), &o, "VM_ISO_MOUNTED");
  }

  /* Snapshots: error for vMotion/RAV unless removeSnapshots, warning for Bulk. */
  expect_error (fx, find_vm (fx, VM_SNAPSHOTS, 0), &vmotion, "VM_HAS_SNAPSHOTS");
  expect_error (fx, find_vm (fx, VM_SNAPSHOTS, 0), &rav, "VM_HAS_SNAPSHOTS");
  {
    IntentOpts o = { .type = "RAV", .remove_snapshots = TRUE };

    expect_no_error (fx, find_vm (fx, VM_SNAPSHOTS, 0), &o, "VM_HAS_SNAPSHOTS");
  }
  expect_warning (fx, find_vm (fx, VM_SNAPSHOTS, 0), &bulk, "VM_HAS_SNAPSHOTS");

  /* A switchover window on vMotion/Cold is an error; on Bulk shorter than 1 h a warning. */
  {
    IntentOpts o = { .type = "vMotion", .win_start = now + 3600000, .win_end = now + 7200000 };
    IntentOpts c
        = { .type = "ColdMigration", .win_start = now + 3600000, .win_end = now + 7200000 };
    IntentOpts s = { .win_start = now + 3600000, .win_end = now + 3600000 + 30 * 60000 };
    IntentOpts past = { .win_start = now - 7200000, .win_end = now - 3600000 };
    IntentOpts backwards = { .win_start = now + 7200000, .win_end = now + 3600000 };

    expect_error (fx, clean, &o, "SCHEDULE_NOT_SUPPORTED");
    expect_error (fx, find_vm (fx, VM_OFF, 0), &c, "SCHEDULE_NOT_SUPPORTED");
    expect_warning (fx, clean, &s, "SHORT_SWITCHOVER_WINDOW");
    expect_error (fx, clean, &past, "INVALID_SCHEDULE");
    expect_error (fx, clean, &backwards, "INVALID_SCHEDULE");
  }

  /* Every connected NIC needs a mapping to an existing target network. */
  {
    IntentOpts none = { .skip_mappings = TRUE };
    IntentOpts bogus = { .dest_network = "/infra/segments/nope" };

    expect_error (fx, clean, &none, "NETWORK_MAPPING_MISSING");
    expect_error (fx, clean, &bogus, "NETWORK_NOT_FOUND");
  }

  /* The target datastore must have room; it must exist. */
  {
    IntentOpts small = { .datastore = "datastore-1100" };
    IntentOpts missing = { .datastore = "datastore-9999" };
    IntentOpts seed_cluster = { .datastore = "group-p1101", .long_recovery = TRUE };
    IntentOpts seed_vmotion = { .type = "vMotion", .long_recovery = TRUE };
    g_autoptr (Reply) r = NULL;

    expect_error (fx, find_vm (fx, VM_BIG, 0), &small, "INSUFFICIENT_STORAGE");
    expect_error (fx, clean, &missing, "DATASTORE_NOT_FOUND");
    expect_error (fx, clean, &seed_cluster, "SEED_CHECKPOINT_NOT_SUPPORTED");
    expect_error (fx, clean, &seed_vmotion, "SEED_CHECKPOINT_NOT_SUPPORTED");
    r = validate_one (fx, find_vm (fx, VM_BIG, 0), &small);
    g_assert_nonnull (
        strstr (message_for (r->json, "items.0.errors", "INSUFFICIENT_STORAGE"), "anf-small-01"));
  }

  /* Warnings: MAC change on Bulk without retainMac, tools not running. */
  {
    IntentOpts no_mac = { .no_retain_mac = TRUE };

    expect_warning (fx, clean, &no_mac, "MAC_WILL_CHANGE");
    expect_warning (fx, find_vm (fx, VM_TOOLS_DOWN, 0), &bulk, "VM_TOOLS_NOT_RUNNING");
  }

  /* Unknown VM, unknown type, OSAM (not enabled by default). */
  {
    g_autofree char *unknown = g_strdup_printf (
        "{\"migrationType\":\"vSphereReplication\",\"entity\":{\"entityId\":\"vm-0\"},"
        "\"source\":{\"endpointId\":\"%s\"},\"destination\":{\"endpointId\":\"%s\"}}",
        fx->src_endpoint, fx->dst_endpoint);
    g_autoptr (Reply) r = mobility (fx, "validate", unknown);
    IntentOpts teleport = { .type = "Teleport" };
    IntentOpts osam = { .type = "OsAssistedMigration" };

    g_assert_true (has_code (r->json, "items.0.errors", "ENTITY_NOT_FOUND"));
    expect_error (fx, clean, &teleport, "UNSUPPORTED_MIGRATION_TYPE");
    expect_error (fx, clean, &osam, "SERVICE_NOT_ENABLED");
  }

  /* Empty or broken requests are 400 with an error body. */
  {
    g_autoptr (Reply) empty = api (fx, "POST", "/mobility/migrations/validate", "{\"items\":[]}");
    g_autoptr (Reply) broken = api (fx, "POST", "/mobility/migrations/validate", "{\"items\":[");

    g_assert_cmpuint (empty->status, ==, 400);
    g_assert_true (has_code (empty->json, "errors", "INVALID_REQUEST"));
    g_assert_cmpuint (broken->status, ==, 400);
    g_assert_true (has_code (broken->json, "errors", "INVALID_JSON"));
  }
  fx_free (fx);
}

static void
test_validate_services (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *clean = find_vm (fx, VM_CLEAN, 0);
  IntentOpts bulk = { 0 };
  IntentOpts vmotion = { .type = "vMotion" };
  g_autoptr (JsonNode) c1 = NULL;
  g_autoptr (JsonNode) c2 = NULL;
  g_autoptr (JsonNode) c3 = NULL;
  g_autoptr (Reply) r = NULL;
  g_autoptr (Reply) r2 = NULL;
  g_autoptr (Reply) start = NULL;
  g_autoptr (JsonNode) state = NULL;
  g_autofree char *i = NULL;

  c1 = control (fx, "POST", "/__sim/services",
                "{\"side\":\"source\",\"service\":\"BULK_MIGRATION\",\"enabled\":false}");
  c2 = control (fx, "POST", "/__sim/services",
                "{\"side\":\"mesh\",\"service\":\"BULK_MIGRATION\",\"enabled\":false}");
  r = validate_one (fx, clean, &bulk);
  g_assert_true (has_code (r->json, "items.0.errors", "SERVICE_NOT_ENABLED"));
  /* One error per place to fix, naming it. */
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 2);
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.0.message"), "BULK_MIGRATION"));
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.0.message"), "source compute profile"));
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.0.message"), "onprem-compute-profile"));
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.1.message"), "service mesh"));
  /* vMotion is still fine. */
  r2 = validate_one (fx, clean, &vmotion);
  g_assert_false (has_code (r2->json, "items.0.errors", "SERVICE_NOT_ENABLED"));

  c3 = control (fx, "POST", "/__sim/services",
                "{\"side\":\"destination\",\"service\":\"VMOTION\",\"enabled\":false}");
  g_clear_pointer (&r2, reply_free);
  r2 = validate_one (fx, clean, &vmotion);
  g_assert_nonnull (strstr (message_for (r2->json, "items.0.errors", "SERVICE_NOT_ENABLED"),
                            "destination compute profile"));

  /* Start with errors: 400, and nothing is created. */
  i = intent (fx, clean, &bulk);
  start = mobility (fx, "start", i);
  g_assert_cmpuint (start->status, ==, 400);
  g_assert_null (jstr (start->json, "items.0.migrationId"));
  state = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (state, "migrations"), ==, 0);
  fx_free (fx);
}

static void
test_validate_request_rules (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  IntentOpts o = { 0 };
  g_autofree char *good = intent (fx, vm, &o);
  g_autofree char *twice = g_strdup_printf ("%s,%s", good, good);
  g_autofree char *wrong_dst = replace_once (good, fx->dst_endpoint, "20200101000000000-nope");
  g_autofree char *wrong_vc = replace_once (good, fx->dst_vc, "vc-nope");
  g_autofree char *bad_placement
      = replace_once (good, "\"id\":\"domain-c8\"", "\"id\":\"domain-c999\"");
  g_autofree char *no_compute = NULL;
  g_autofree char *no_placement = NULL;
  g_autofree char *bad_provision
      = replace_once (good, "\"diskProvisionType\":\"thin\"", "\"diskProvisionType\":\"fat\"");
  g_autofree char *no_storage = replace_once (good, "\"id\":\"datastore-61\",", "");
  g_autofree char *id = NULL;
  g_autoptr (Reply) dup = mobility (fx, "validate", twice);
  const char *placement_start = strstr (good, "\"placement\":[");
  const char *placement_end = strstr (good, "],\"storage\"");

  /* The same VM twice in one request: the second is refused. */
  g_assert_cmpuint (jlen (dup->json, "items.0.errors"), ==, 0);
  g_assert_true (has_code (dup->json, "items.1.errors", "DUPLICATE_ENTITY"));

  expect_error_in (fx, wrong_dst, "ENDPOINT_NOT_FOUND");
  expect_error_in (fx, wrong_vc, "RESOURCE_NOT_FOUND");
  expect_error_in (fx, bad_placement, "PLACEMENT_NOT_FOUND");
  no_placement = g_strdup_printf ("%.*s\"placement\":[%s", (int)(placement_start - good), good,
                                  placement_end);
  expect_error_in (fx, no_placement, "PLACEMENT_MISSING");
  no_compute = g_strdup_printf ("%.*s\"placement\":[{\"type\":\"folder\",\"id\":\"group-v10\"}%s",
                                (int)(placement_start - good), good, placement_end);
  expect_error_in (fx, no_compute, "PLACEMENT_MISSING");
  expect_error_in (fx, bad_provision, "INVALID_DISK_PROVISION_TYPE");
  expect_error_in (fx, no_storage, "STORAGE_MISSING");

  /* A VM with a migration under way cannot be migrated again. */
  id = start_one (fx, vm, &o);
  expect_error_in (fx, good, "MIGRATION_IN_PROGRESS");
  fx_free (fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/validate/ok", test_validate_ok);
  g_test_add_func ("/sim/validate/rules", test_validate_rules);
  g_test_add_func ("/sim/validate/services", test_validate_services);
  g_test_add_func ("/sim/validate/request-rules", test_validate_request_rules);
  return g_test_run ();
}
