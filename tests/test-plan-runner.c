/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan-runner.c: validating and starting a plan against the simulator over HTTPS: a clean
 * run, the simulator's rules on the right VMs, warnings that need confirming, a plan change
 * invalidating a validation, a start whose answer is lost (reconciled, never duplicated), a
 * partial start, a session that expires between validate and start, and a quit mid-start
 * reconciled on the next launch. */
#include "config.h"

#include "ferry-plan-runner.h"
#include "ferry-test-require.h"
#include "hcx-test-util.h"

typedef struct
{
  HcxWorld *w;
  GListModel *containers;
  GListModel *datastores;
  GListModel *networks;  /* the destination's */
  FerryNetwork *segment; /* one NSX segment of them */
  FerryContainer *cluster;
  FerryDatastore *datastore;
  FerryDatastore *small_datastore;
  FerryDatastore *datastore_cluster;
  GFile *dir;
  FerryPlanStore *store;
} Fixture;

static Fixture fx;

static gpointer
find_container (const char *type, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (fx.containers); i++)
    {
      g_autoptr (FerryContainer) c = g_list_model_get_item (fx.containers, i);

      if (g_strcmp0 (ferry_container_get_entity_type (c), type) == 0
          && (name == NULL || g_strcmp0 (ferry_container_get_name (c), name) == 0))
        return c; /* the model holds it */
    }
  g_assert_not_reached ();
}

static void
fixture_up (void)
{
  g_autoptr (GAsyncResult) r1 = NULL;
  g_autoptr (GAsyncResult) r2 = NULL;
  g_autoptr (GAsyncResult) r3 = NULL;
  g_autoptr (GError) error = NULL;
  FerrySimOptions opts = { .n_vms = 300, .seed = 3 };
  g_autofree char *tmp = NULL;

  fx.w = hcx_test_world_new (&opts);
  ferry_hcx_client_list_containers_async (fx.w->client, fx.w->remote_endpoint, NULL,
                                          hcx_test_got_result, &r1);
  fx.containers
      = ferry_hcx_client_list_containers_finish (fx.w->client, hcx_test_wait (&r1, 60), &error);
  g_assert_no_error (error);
  ferry_hcx_client_list_datastores_async (fx.w->client, fx.w->remote_endpoint, NULL,
                                          hcx_test_got_result, &r2);
  fx.datastores
      = ferry_hcx_client_list_datastores_finish (fx.w->client, hcx_test_wait (&r2, 60), &error);
  g_assert_no_error (error);
  ferry_hcx_client_list_networks_async (fx.w->client, fx.w->remote_endpoint, NULL,
                                        hcx_test_got_result, &r3);
  fx.networks
      = ferry_hcx_client_list_networks_finish (fx.w->client, hcx_test_wait (&r3, 60), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (fx.networks) && fx.segment == NULL; i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (fx.networks, i);

      if (g_strcmp0 (ferry_network_get_id (n), fx.w->segment) == 0)
        fx.segment = n;
    }
  g_assert_nonnull (fx.segment);
  fx.cluster = find_container ("cluster", "Cluster-1");
  for (guint i = 0; i < g_list_model_get_n_items (fx.datastores); i++)
    {
      g_autoptr (FerryDatastore) d = g_list_model_get_item (fx.datastores, i);

      if (ferry_datastore_get_is_cluster (d))
        fx.datastore_cluster = d;
      else if (fx.datastore == NULL
               || ferry_datastore_get_free_bytes (d)
                      > ferry_datastore_get_free_bytes (fx.datastore))
        fx.datastore = d;
      if (!ferry_datastore_get_is_cluster (d)
          && (fx.small_datastore == NULL
              || ferry_datastore_get_free_bytes (d)
                     < ferry_datastore_get_free_bytes (fx.small_datastore)))
        fx.small_datastore = d;
    }
  g_assert_nonnull (fx.datastore);
  g_assert_nonnull (fx.datastore_cluster);
  tmp = g_dir_make_tmp ("ferry-runner-XXXXXX", &error);
  g_assert_no_error (error);
  fx.dir = g_file_new_for_path (tmp);
  fx.store = ferry_plan_store_new (fx.dir);
}

static void
fixture_reset (void)
{
  g_autoptr (JsonNode) r = ferry_test_sim_control (fx.w->sim, "POST", "/__sim/reset", NULL);
}

/* Maps every source network of the plan to the world's segment, through the plan's network
 * map as the Networks step does, with the destination's networks known. */
static void
map_networks (FerryPlan *plan)
{
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  GListModel *sources = ferry_network_map_get_sources (map);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  ferry_network_map_set_destinations (map, fx.networks);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    g_ptr_array_add (all, g_list_model_get_item (sources, i));
  ferry_network_map_map (map, (FerryNetworkSource **)all->pdata, all->len, fx.segment);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);
}

/* A Bulk plan (MAC kept: no warning) of the clean VMs first … first + n - 1. */
static FerryPlan *
plan_new_unmapped (guint first, guint n)
{
  FerryPlan *plan = ferry_plan_new ();
  FerryPlanOptions *d = ferry_plan_get_defaults (plan);

  ferry_plan_set_server (plan, ferry_sim_thread_get_url (fx.w->sim));
  ferry_plan_set_remote_endpoint_id (plan, fx.w->remote_endpoint);
  ferry_plan_set_remote_name (plan, "avs-westeurope-hcx");
  ferry_plan_set_source (plan, fx.w->source);
  ferry_plan_set_destination (plan, fx.w->destination);
  ferry_plan_options_set_migration_type (d, FERRY_MIGRATION_TYPE_BULK);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_CLUSTER, fx.cluster);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_DATASTORE, fx.datastore);
  ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_RETAIN_MAC, TRUE);
  g_assert_cmpuint (first + n, <=, fx.w->clean->len);
  ferry_plan_add_vms (plan, (FerryVm **)fx.w->clean->pdata + first, n);
  return plan;
}

/* … with its networks mapped. */
static FerryPlan *
plan_new (guint first, guint n)
{
  FerryPlan *plan = plan_new_unmapped (first, n);

  map_networks (plan);
  return plan;
}

static FerryPlanRunner *
runner_new (FerryPlan *plan, FerryHcxClient *client)
{
  return ferry_plan_runner_new (plan, client, fx.store);
}

static void
progress_cb (guint done, guint total, gpointer data)
{
  GString *log = data;

  g_string_append_printf (log, "%u/%u ", done, total);
}

static FerryValidationResult *
validate (FerryPlanRunner *runner, GString *log, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_plan_runner_validate_async (runner, log != NULL ? progress_cb : NULL, log, NULL,
                                    hcx_test_got_result, &r);
  return ferry_plan_runner_validate_finish (runner, hcx_test_wait (&r, 60), error);
}

static FerryValidationResult *
start (FerryPlanRunner *runner, guint confirmed, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_plan_runner_start_async (runner, confirmed, hcx_test_got_result, &r);
  return ferry_plan_runner_start_finish (runner, hcx_test_wait (&r, 90), error);
}

static guint
reconcile (FerryPlanRunner *runner, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;
  guint n = 0;

  ferry_plan_runner_reconcile_async (runner, NULL, hcx_test_got_result, &r);
  ferry_plan_runner_reconcile_finish (runner, hcx_test_wait (&r, 60), &n, error);
  return n;
}

static void
assert_each_started_once (FerryPlan *plan)
{
  /* Started migrations per VM (any state but draft), from one look at the simulator. */
  g_autoptr (JsonNode) state = ferry_test_sim_control (fx.w->sim, "GET", "/__sim/state", NULL);

  for (guint i = 0; i < ferry_plan_get_n_items (plan); i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      FerryVm *vm = ferry_plan_item_get_vm (item);

      g_assert_cmpint (ferry_test_sim_state_migrations_of (state, ferry_vm_get_id (vm)), ==, 1);
      g_assert_nonnull (ferry_plan_get_migration_id (plan, ferry_vm_get_id (vm)));
    }
}

/* The plan as the next launch reads it from disk. */
static FerryPlan *
reload (FerryPlan *plan)
{
  g_autoptr (GFile) file = ferry_plan_store_get_file (fx.store, plan);
  g_autoptr (GError) error = NULL;
  FerryPlan *loaded = ferry_plan_load_file (file, &error);

  g_assert_no_error (error);
  return loaded;
}

static void
count_changed (guint *n)
{
  (*n)++;
}

/* ---- Tests ---- */

static void
test_clean (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 3);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;
  g_autoptr (FerryPlan) loaded = NULL;
  guint n_changed = 0;
  gulong changed_id;

  fixture_reset ();
  ferry_plan_runner_set_batch_size (runner, 2);
  v = validate (runner, log, &error);
  g_assert_no_error (error);
  /* Two batches, progress after each. */
  g_assert_cmpstr (log->str, ==, "0/3 2/3 3/3 ");
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/validate"),
                   ==, 2);
  g_assert_false (ferry_validation_result_has_errors (v));
  g_assert_false (ferry_validation_result_has_warnings (v));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_validation_result_get_items (v)), ==, 3);
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_VALIDATED);
  g_assert_cmpint (hcx_test_sim_count (fx.w->sim, "migrations"), ==, 0);

  changed_id = g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_changed), &n_changed);
  s = start (runner, 0, &error);
  g_signal_handler_disconnect (plan, changed_id);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_STARTED);
  g_assert_true (ferry_plan_get_read_only (plan));
  g_assert_cmpuint (ferry_plan_get_n_started (plan), ==, 3);
  /* The answer's migration ids are one change, not one per VM (each change refreshes every
   * page showing the plan): "sent", the ids, "started". */
  g_assert_cmpuint (n_changed, <=, 3);
  assert_each_started_once (plan);
  /* Started plans stay started after a restart. */
  loaded = reload (plan);
  g_assert_cmpuint (ferry_plan_get_start_state (loaded), ==, FERRY_PLAN_START_STARTED);
  g_assert_cmpuint (ferry_plan_get_n_started (loaded), ==, 3);
  /* and nothing more can be sent. */
  g_clear_object (&s);
  s = start (runner, 0, &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_BUSY);
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/start"), ==,
                   1);
}

/* One VM per rule, each with its setting, and one clean VM: each error on its own VM. */
typedef struct
{
  const char *code;
  gboolean (*pick) (FerryVm *vm);
  void (*set) (FerryPlanItem *item);
} Rule;

static gboolean
has_snapshots (FerryVm *vm)
{
  return ferry_vm_get_snapshot_count (vm) > 0
         && ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
         && ferry_vm_get_hardware_version_number (vm) >= 9
         && ferry_vm_get_iso_mounted (vm) != FERRY_TRI_STATE_YES;
}

static gboolean
iso_mounted (FerryVm *vm)
{
  return ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_YES
         && ferry_vm_get_snapshot_count (vm) == 0
         && ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
         && ferry_vm_get_hardware_version_number (vm) >= 9;
}

static gboolean
old_hardware (FerryVm *vm)
{
  return ferry_vm_get_hardware_version_number (vm) < 9 && ferry_vm_get_snapshot_count (vm) == 0
         && ferry_vm_get_iso_mounted (vm) != FERRY_TRI_STATE_YES
         && ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON;
}

static gboolean
powered_off (FerryVm *vm)
{
  return ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_OFF
         && ferry_vm_get_disk_bytes (vm) < ((gint64)200 << 30);
}

static gboolean
clean_big (FerryVm *vm)
{
  return ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
         && ferry_vm_get_snapshot_count (vm) == 0
         && ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_NO
         && ferry_vm_get_disk_bytes (vm) > ferry_datastore_get_free_bytes (fx.small_datastore);
}

static gboolean
clean (FerryVm *vm)
{
  return g_ptr_array_find (fx.w->clean, vm, NULL);
}

static void
set_vmotion (FerryPlanItem *item)
{
  ferry_plan_item_override_migration_type (item, FERRY_MIGRATION_TYPE_VMOTION);
}

static void
set_small_datastore (FerryPlanItem *item)
{
  ferry_plan_item_override_object (item, FERRY_PLAN_FIELD_DATASTORE, fx.small_datastore);
}

static void
set_seed_on_cluster (FerryPlanItem *item)
{
  ferry_plan_item_override_object (item, FERRY_PLAN_FIELD_DATASTORE, fx.datastore_cluster);
  ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_SEED_CHECKPOINT, TRUE);
}

static void
set_past_window (FerryPlanItem *item)
{
  gint64 now = g_get_real_time () / 1000;

  ferry_plan_item_override_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_START, now - 7200000);
  ferry_plan_item_override_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_END, now - 3600000);
}

static void
set_pool_of_other_cluster (FerryPlanItem *item)
{
  FerryContainer *other = NULL;

  /* A resource pool under Cluster-2 while the cluster is Cluster-1. */
  for (guint i = 0; i < g_list_model_get_n_items (fx.containers) && other == NULL; i++)
    {
      g_autoptr (FerryContainer) c = g_list_model_get_item (fx.containers, i);

      if (g_strcmp0 (ferry_container_get_entity_type (c), "resourcePool") == 0
          && strstr (ferry_container_get_name (c), "2") != NULL)
        other = c;
    }
  g_assert_nonnull (other);
  ferry_plan_item_override_object (item, FERRY_PLAN_FIELD_RESOURCE_POOL, other);
}

static const Rule rules[] = {
  { "VM_HAS_SNAPSHOTS", has_snapshots, set_vmotion },
  { "VM_ISO_MOUNTED", iso_mounted, set_vmotion },
  { "VM_HARDWARE_VERSION", old_hardware, set_vmotion },
  { "VM_POWER_STATE", powered_off, set_vmotion },
  { "INSUFFICIENT_STORAGE", clean_big, set_small_datastore },
  { "SEED_CHECKPOINT_NOT_SUPPORTED", clean, set_seed_on_cluster },
  { "INVALID_SCHEDULE", clean, set_past_window },
  { "PLACEMENT_NOT_IN_CLUSTER", clean, set_pool_of_other_cluster },
};

static gboolean
strv_has (const char *const *v, const char *s)
{
  return v != NULL && g_strv_contains (v, s);
}

static void
test_rules (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 1); /* the clean VM */
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;
  FerryVm *chosen[G_N_ELEMENTS (rules)] = { NULL };
  FerryVm *clean_vm = g_ptr_array_index (fx.w->clean, 0);
  guint next_clean = 1;

  fixture_reset ();
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (fx.w->vms) && chosen[r] == NULL; i++)
        {
          g_autoptr (FerryVm) vm = g_list_model_get_item (fx.w->vms, i);

          if (rules[r].pick == clean)
            {
              g_set_object (&vm, g_ptr_array_index (fx.w->clean, next_clean++));
              chosen[r] = vm;
            }
          else if (rules[r].pick (vm) && !ferry_plan_contains (plan, vm))
            chosen[r] = vm;
        }
      g_assert_nonnull (chosen[r]);
      rules[r].set (ferry_plan_add_vm (plan, chosen[r]));
    }
  map_networks (plan);
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ferry_validation_result_has_errors (v));
  /* The clean VM has nothing; each other VM has its rule's error. */
  g_assert_false (ferry_validation_item_has_errors (
      ferry_validation_result_find_item (v, ferry_vm_get_id (clean_vm))));
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      FerryValidationItem *item
          = ferry_plan_runner_lookup_item (runner, ferry_vm_get_id (chosen[r]));

      g_assert_nonnull (item);
      if (!strv_has (ferry_validation_item_get_error_codes (item), rules[r].code))
        g_error ("%s: expected %s, got %s", ferry_vm_get_name (chosen[r]), rules[r].code,
                 ferry_validation_item_get_errors (item) != NULL
                     ? ferry_validation_item_get_errors (item)[0]
                     : "(none)");
      g_assert_nonnull (ferry_validation_item_get_errors (item)[0]);
    }
  /* Errors never start. */
  s = start (runner, ferry_validation_result_count_warnings (v), &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_HAS_ERRORS);
  g_clear_error (&error);
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/start"), ==,
                   0);

  /* Without the network mapping, nothing is sent: the plan names the VM and the NIC … */
  {
    FerryNetworkMap *map = ferry_plan_get_network_map (plan);
    GListModel *sources = ferry_network_map_get_sources (map);
    g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr (GListStore) unchecked = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
    g_autoptr (FerryMigrationIntent) intent = NULL;
    g_autoptr (GAsyncResult) r = NULL;
    g_autoptr (FerryValidationResult) server = NULL;
    gint64 before = hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/validate");

    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      g_ptr_array_add (all, g_list_model_get_item (sources, i));
    ferry_network_map_unmap (map, (FerryNetworkSource **)all->pdata, all->len);
    g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), >, 0);
    g_clear_object (&v);
    v = validate (runner, NULL, &error);
    g_assert_null (v);
    g_assert_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE);
    g_assert_nonnull (strstr (error->message, ferry_vm_get_name (clean_vm)));
    g_assert_nonnull (strstr (error->message, "Network adapter 1"));
    g_clear_error (&error);
    g_assert_cmpint (
        hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/validate"), ==,
        before);

    /* … and the server agrees: the same intent sent anyway is its NETWORK_MAPPING_MISSING. */
    intent = ferry_plan_build_intent (plan, ferry_plan_lookup (plan, ferry_vm_get_id (clean_vm)));
    g_assert_cmpuint (ferry_migration_intent_get_n_network_mappings (intent), ==, 0);
    g_list_store_append (unchecked, intent);
    ferry_hcx_client_validate_async (fx.w->client, G_LIST_MODEL (unchecked), NULL,
                                     hcx_test_got_result, &r);
    server = ferry_hcx_client_validate_finish (fx.w->client, hcx_test_wait (&r, 60), &error);
    g_assert_no_error (error);
    g_assert_true (
        strv_has (ferry_validation_item_get_error_codes (
                      ferry_validation_result_find_item (server, ferry_vm_get_id (clean_vm))),
                  "NETWORK_MAPPING_MISSING"));

    /* Mapped again (undo), the plan validates as before. */
    g_assert_true (ferry_network_map_undo (map));
    g_clear_object (&v);
    v = validate (runner, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (ferry_validation_item_has_errors (
        ferry_validation_result_find_item (v, ferry_vm_get_id (clean_vm))));
  }
}

static void
test_warnings (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 3);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;

  fixture_reset ();
  /* Bulk without retaining the MAC: a warning on each VM. */
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  FALSE);
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ferry_validation_result_has_errors (v));
  g_assert_cmpuint (ferry_validation_result_count_warnings (v), ==, 3);
  /* Not confirmed, or confirmed for fewer: nothing starts. */
  s = start (runner, 0, &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_NOT_CONFIRMED);
  g_clear_error (&error);
  s = start (runner, 2, &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_NOT_CONFIRMED);
  g_clear_error (&error);
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/start"), ==,
                   0);
  g_assert_cmpuint (ferry_plan_get_start_state (plan), ==, FERRY_PLAN_START_NONE);
  s = start (runner, 3, &error);
  g_assert_no_error (error);
  assert_each_started_once (plan);
}

static void
test_edit_invalidates (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 2);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;
  g_autoptr (FerryPlanItem) item = NULL;
  g_autoptr (GAsyncResult) r = NULL;

  fixture_reset ();
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ferry_plan_runner_get_validation_stale (runner));
  item = g_list_model_get_item (G_LIST_MODEL (plan), 1);
  ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_REMOVE_CBT, TRUE);
  g_assert_true (ferry_plan_runner_get_validation_stale (runner));
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_IDLE);
  s = start (runner, 0, &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_NOT_VALIDATED);
  g_clear_error (&error);
  /* A change while the validation is on its way makes its answer stale on arrival. */
  g_clear_object (&v);
  ferry_plan_runner_validate_async (runner, NULL, NULL, NULL, hcx_test_got_result, &r);
  ferry_plan_item_reset (item, FERRY_PLAN_FIELD_REMOVE_CBT);
  v = ferry_plan_runner_validate_finish (runner, hcx_test_wait (&r, 60), &error);
  g_assert_no_error (error);
  g_assert_true (ferry_plan_runner_get_validation_stale (runner));
  s = start (runner, 0, &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_NOT_VALIDATED);
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/start"), ==,
                   0);
}

static void
test_dropped_start (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 3);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;

  fixture_reset ();
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  /* The server starts them, the answer is lost; the migrations settle late. */
  hcx_test_sim_fault (fx.w->sim, "{\"path\":\"/mobility/migrations/start\",\"dropAfter\":true,"
                                 "\"settleMs\":600,\"count\":1}");
  s = start (runner, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ferry_validation_result_get_reconciled (s));
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_STARTED);
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/start"), ==,
                   1);
  g_assert_cmpint (hcx_test_sim_count (fx.w->sim, "migrations"), ==, 3);
  assert_each_started_once (plan);
}

static void
test_partial (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 3);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;
  g_autoptr (FerryValidationResult) out_of_band = NULL;
  g_autoptr (GListStore) one = hcx_test_world_intents (fx.w, 1, 1);
  g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (G_LIST_MODEL (one), 0);
  FerryVm *second = g_ptr_array_index (fx.w->clean, 1);
  FerryValidationItem *item;

  fixture_reset ();
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  /* Meanwhile the second VM is started by someone else: the server refuses the whole start
   * and says why on that VM. */
  out_of_band = hcx_test_start (fx.w->client, G_LIST_MODEL (one), 30, &error);
  g_assert_no_error (error);
  g_clear_object (&out_of_band);
  s = start (runner, 0, &error);
  g_assert_no_error (error);
  item = ferry_validation_result_find_item (s, ferry_vm_get_id (second));
  g_assert_true (strv_has (ferry_validation_item_get_error_codes (item), "MIGRATION_IN_PROGRESS"));
  g_assert_cmpuint (ferry_plan_get_n_started (plan), ==, 0);
  g_assert_cmpuint (ferry_plan_get_start_state (plan), ==, FERRY_PLAN_START_NONE);
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_IDLE);

  /* A start of this plan's group that created one migration only (the first VM): a
   * reconcile finds it, and only the two missing VMs are validated and started. */
  fixture_reset ();
  g_clear_object (&one);
  g_clear_object (&intent);
  one = hcx_test_world_intents (fx.w, 0, 1);
  intent = g_list_model_get_item (G_LIST_MODEL (one), 0);
  ferry_migration_intent_set_migration_group_id (intent, ferry_plan_get_migration_group_id (plan));
  out_of_band = hcx_test_start (fx.w->client, G_LIST_MODEL (one), 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reconcile (runner, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_PARTIAL);
  g_assert_cmpuint (ferry_plan_get_start_state (plan), ==, FERRY_PLAN_START_SENT);
  {
    g_autoptr (GPtrArray) missing = ferry_plan_runner_list_missing (runner);

    g_assert_cmpuint (missing->len, ==, 2);
  }
  g_clear_object (&v);
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ferry_validation_result_has_errors (v));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_validation_result_get_items (v)), ==, 2);
  g_clear_object (&s);
  s = start (runner, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_STARTED);
  g_assert_cmpint (hcx_test_sim_count (fx.w->sim, "migrations"), ==, 3);
  assert_each_started_once (plan);
}

static void
test_session_expiry (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 2);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;
  g_autoptr (JsonNode) r = NULL;

  fixture_reset ();
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  r = ferry_test_sim_control (fx.w->sim, "POST", "/__sim/age-sessions", "{\"seconds\":100000}");
  s = start (runner, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_STARTED);
  g_assert_true (ferry_hcx_client_get_logged_in (fx.w->client));
  /* The first request got 401 (not acted on), the second, after the re-login, started. */
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/start"), ==,
                   2);
  g_assert_cmpint (hcx_test_sim_count (fx.w->sim, "migrations"), ==, 2);
  assert_each_started_once (plan);
}

static void
test_quit_mid_start (void)
{
  g_autoptr (FerryPlan) plan = plan_new (0, 3);
  g_autoptr (FerryHcxClient) first = hcx_test_world_client (fx.w);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, first);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  g_autoptr (FerryValidationResult) s = NULL;
  g_autoptr (FerryPlan) next = NULL;
  g_autoptr (FerryPlanRunner) again = NULL;
  g_autoptr (GAsyncResult) r = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC * ferry_test_time_factor ();

  fixture_reset ();
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  /* The server acts, and the answer never completes. */
  hcx_test_sim_fault (fx.w->sim, "{\"path\":\"/mobility/migrations/start\",\"stall\":true,"
                                 "\"count\":1}");
  /* Long enough for the server to act before the client gives up on the answer. */
  ferry_hcx_client_set_timeout (first, 3 * (guint)ferry_test_time_factor ());
  ferry_hcx_client_set_reconcile_timeout (first, (guint)ferry_test_time_factor ());
  ferry_plan_runner_start_async (runner, 0, hcx_test_got_result, &r);
  while (hcx_test_sim_count (fx.w->sim, "migrations") < 3)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  /* Ferry quits here. On disk: "start sent". */
  next = reload (plan);
  g_assert_cmpuint (ferry_plan_get_start_state (next), ==, FERRY_PLAN_START_SENT);
  again = runner_new (next, fx.w->client);
  g_assert_cmpuint (ferry_plan_runner_get_state (again), ==, FERRY_PLAN_RUNNER_UNCONFIRMED);
  /* Nothing is offered before the group is reconciled. */
  g_clear_object (&s);
  s = validate (again, NULL, &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_UNRECONCILED);
  g_clear_error (&error);
  s = start (again, 0, &error);
  g_assert_error (error, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_UNRECONCILED);
  g_clear_error (&error);
  g_assert_cmpuint (reconcile (again, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_plan_runner_get_state (again), ==, FERRY_PLAN_RUNNER_STARTED);
  g_assert_true (ferry_plan_get_read_only (next));
  assert_each_started_once (next);
  g_assert_cmpint (hcx_test_sim_requests (fx.w->sim, HCX_TEST_API "/mobility/migrations/start"), ==,
                   1);
  /* The first process's request ends (timeout, then its own reconcile). */
  g_clear_object (&s);
  s = ferry_plan_runner_start_finish (runner, hcx_test_wait (&r, 60), &error);
  g_clear_error (&error);
  g_assert_cmpint (hcx_test_sim_count (fx.w->sim, "migrations"), ==, 3);
}

/* The Networks step as a user does it against the simulator: auto-map (the L2 extensions, with
 * Retain MAC), one multi-source drop for the rest, one NIC fixed by hand; nothing is left
 * unmapped and every intent carries each NIC's mapping, which the server accepts. */
static void
test_network_map (void)
{
  guint n = MIN (fx.w->clean->len, 200);
  g_autoptr (FerryPlan) plan = plan_new_unmapped (0, n);
  g_autoptr (FerryPlanRunner) runner = runner_new (plan, fx.w->client);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  GListModel *sources = ferry_network_map_get_sources (map);
  g_autoptr (GListModel) suggestions = NULL;
  g_autoptr (GPtrArray) accepted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) rest = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GListModel) intents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) v = NULL;
  FerryNetwork *other = NULL;
  FerryPlanItem *fixed = NULL;
  FerryNic *fixed_nic = NULL;
  guint n_extended = 0, n_retained = 0;

  fixture_reset ();
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  FALSE);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), >, 0);

  /* The simulator's networks carry their VLANs, and its extensions are marked. */
  for (guint i = 0; i < g_list_model_get_n_items (fx.networks); i++)
    {
      g_autoptr (FerryNetwork) net = g_list_model_get_item (fx.networks, i);

      if (ferry_network_get_extended (net))
        {
          n_extended++;
          g_assert_cmpuint (ferry_network_get_vlan_id (net), >, 0);
          g_assert_cmpuint (ferry_network_get_vlan_id (net), ==,
                            ferry_network_name_vlan (ferry_network_get_name (net)));
        }
      else if (other == NULL && g_strcmp0 (ferry_network_get_id (net), fx.w->segment) != 0)
        other = net; /* the model holds it */
    }
  g_assert_cmpuint (n_extended, >, 0);
  g_assert_nonnull (other);

  /* Auto-map: accept the extensions. */
  ferry_network_map_set_destinations (map, fx.networks);
  suggestions = ferry_network_map_suggest (map);
  for (guint i = 0; i < g_list_model_get_n_items (suggestions); i++)
    {
      g_autoptr (FerryNetworkSuggestion) s = g_list_model_get_item (suggestions, i);

      if (ferry_network_suggestion_get_reason (s) == FERRY_NETWORK_SUGGESTION_EXTENDED)
        g_ptr_array_add (accepted, g_object_ref (s));
    }
  g_assert_cmpuint (accepted->len, >, 0);
  ferry_network_map_apply_suggestions (map, (FerryNetworkSuggestion **)accepted->pdata,
                                       accepted->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      if (ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_RETAIN_MAC))
        n_retained++;
    }
  g_assert_cmpuint (n_retained, >, 0);

  /* One drop of every source still unmapped. */
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (FerryNetworkSource) src = g_list_model_get_item (sources, i);

      if (ferry_network_source_get_target (src) == NULL)
        g_ptr_array_add (rest, g_object_ref (src));
    }
  ferry_network_map_map (map, (FerryNetworkSource **)rest->pdata, rest->len, fx.segment);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);

  /* One NIC elsewhere. */
  fixed = ferry_plan_lookup (plan, ferry_vm_get_id (g_ptr_array_index (fx.w->clean, 0)));
  fixed_nic = ferry_vm_get_nic (ferry_plan_item_get_vm (fixed), 0);
  ferry_network_map_set_exception (map, fixed, fixed_nic, other);

  /* Every intent carries every NIC that has a destination, as resolved. */
  intents = ferry_plan_build_intents (plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);
      FerryVm *vm = ferry_plan_item_get_vm (item);
      guint k = 0;

      for (guint j = 0; j < ferry_vm_get_n_nics (vm); j++)
        {
          FerryNic *nic = ferry_vm_get_nic (vm, j);
          FerryNetwork *target = ferry_network_map_resolve (map, item, nic);
          const FerryNetworkMapping *m;

          if (target == NULL)
            {
              g_assert_false (ferry_nic_get_connected (nic));
              continue;
            }
          m = ferry_migration_intent_get_network_mapping (intent, k++);
          g_assert_nonnull (m);
          g_assert_cmpstr (m->src_network_id, ==, ferry_nic_get_network_id (nic));
          g_assert_cmpstr (m->mac_address, ==, ferry_nic_get_mac_address (nic));
          g_assert_cmpstr (m->dest_network_id, ==, ferry_network_get_id (target));
          g_assert_cmpint (m->is_primary_nic, ==, j == 0);
          if (item == fixed && nic == fixed_nic)
            g_assert_cmpstr (m->dest_network_id, ==, ferry_network_get_id (other));
        }
      g_assert_cmpuint (ferry_migration_intent_get_n_network_mappings (intent), ==, k);
      g_assert_cmpint (ferry_migration_intent_get_retain_mac (intent), ==,
                       ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_RETAIN_MAC));
    }

  /* The server accepts every VM's mappings. */
  v = validate (runner, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      FerryValidationItem *vi
          = ferry_validation_result_find_item (v, ferry_vm_get_id (ferry_plan_item_get_vm (item)));

      g_assert_nonnull (vi);
      if (ferry_validation_item_has_errors (vi))
        g_error ("%s: %s", ferry_vm_get_name (ferry_plan_item_get_vm (item)),
                 ferry_validation_item_get_errors (vi)[0]);
    }

  /* The mapping is saved with the plan and read back. */
  {
    g_autoptr (FerryPlan) loaded = NULL;
    g_autoptr (GFile) file = ferry_plan_store_get_file (fx.store, plan);

    g_assert_true (ferry_plan_save_file (plan, file, &error));
    g_assert_no_error (error);
    loaded = reload (plan);
    g_assert_cmpuint (ferry_network_map_get_n_unmapped (ferry_plan_get_network_map (loaded)), ==,
                      0);
    g_assert_true (ferry_network_map_has_exception (
        ferry_plan_get_network_map (loaded),
        ferry_plan_lookup (loaded, ferry_vm_get_id (ferry_plan_item_get_vm (fixed))),
        ferry_vm_get_nic (ferry_plan_item_get_vm (ferry_plan_lookup (
                              loaded, ferry_vm_get_id (ferry_plan_item_get_vm (fixed)))),
                          0)));
  }
}

static GListModel *
list_networks (HcxWorld *w, const char *endpoint_id)
{
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *nets;

  ferry_hcx_client_list_networks_async (w->client, endpoint_id, NULL, hcx_test_got_result, &r);
  nets = ferry_hcx_client_list_networks_finish (w->client, hcx_test_wait (&r, 60), &error);
  g_assert_no_error (error);
  return nets;
}

/* The simulator at the board's scale (--source-networks/--destination-networks): 1,000 VMs on
 * 200 source networks, 500 destination ones; the inventory's VLANs reach the sources, auto-map
 * offers the tenants' segments and extensions, and one drop maps the rest. */
static void
test_network_map_scale (void)
{
  FerrySimOptions opts
      = { .n_vms = 1000, .seed = 5, .n_source_networks = 200, .n_destination_networks = 500 };
  HcxWorld *w = hcx_test_world_new (&opts);
  g_autoptr (GListModel) local
      = list_networks (w, ferry_resource_container_get_endpoint_id (w->source));
  g_autoptr (GListModel) remote = list_networks (w, w->remote_endpoint);
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  GListModel *sources = ferry_network_map_get_sources (map);
  g_autoptr (GListModel) suggestions = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) rest = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_vlan = 0, n_extended = 0;

  g_assert_cmpuint (g_list_model_get_n_items (local), ==, 200);
  g_assert_cmpuint (g_list_model_get_n_items (remote), ==, 500);
  for (guint i = 0; i < g_list_model_get_n_items (w->vms); i++)
    g_ptr_array_add (all, g_list_model_get_item (w->vms, i));
  ferry_plan_add_vms (plan, (FerryVm **)all->pdata, all->len);
  ferry_network_map_set_source_networks (map, local);
  ferry_network_map_set_destinations (map, remote);
  g_assert_cmpuint (g_list_model_get_n_items (sources), >=, 190);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (FerryNetworkSource) src = g_list_model_get_item (sources, i);

      if (ferry_network_source_get_vlan (src) > 0)
        n_vlan++;
    }
  g_assert_cmpuint (n_vlan, >=, g_list_model_get_n_items (sources) - 1); /* all but "VM Network" */

  suggestions = ferry_network_map_suggest (map);
  for (guint i = 0; i < g_list_model_get_n_items (suggestions); i++)
    {
      g_autoptr (FerryNetworkSuggestion) s = g_list_model_get_item (suggestions, i);

      if (ferry_network_suggestion_get_reason (s) == FERRY_NETWORK_SUGGESTION_EXTENDED)
        n_extended++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), >=, 180);
  g_assert_cmpuint (n_extended, >=, 40);
  g_ptr_array_set_size (all, 0);
  for (guint i = 0; i < g_list_model_get_n_items (suggestions); i++)
    g_ptr_array_add (all, g_list_model_get_item (suggestions, i));
  ferry_network_map_apply_suggestions (map, (FerryNetworkSuggestion **)all->pdata, all->len);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (FerryNetworkSource) src = g_list_model_get_item (sources, i);

      if (ferry_network_source_get_target (src) == NULL)
        g_ptr_array_add (rest, g_object_ref (src));
    }
  {
    g_autoptr (FerryNetwork) any = g_list_model_get_item (remote, 0);

    ferry_network_map_map (map, (FerryNetworkSource **)rest->pdata, rest->len, any);
  }
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);
  g_clear_object (&plan);
  hcx_test_world_free (w);
}

int
main (int argc, char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_up ();
  g_test_add_func ("/plan-runner/clean", test_clean);
  g_test_add_func ("/plan-runner/rules", test_rules);
  g_test_add_func ("/plan-runner/warnings", test_warnings);
  g_test_add_func ("/plan-runner/edit-invalidates", test_edit_invalidates);
  g_test_add_func ("/plan-runner/dropped-start", test_dropped_start);
  g_test_add_func ("/plan-runner/partial", test_partial);
  g_test_add_func ("/plan-runner/session-expiry", test_session_expiry);
  g_test_add_func ("/plan-runner/quit-mid-start", test_quit_mid_start);
  g_test_add_func ("/plan-runner/network-map", test_network_map);
  g_test_add_func ("/plan-runner/network-map-scale", test_network_map_scale);
  status = g_test_run ();
  g_clear_object (&fx.store);
  g_clear_object (&fx.dir);
  g_clear_object (&fx.containers);
  g_clear_object (&fx.datastores);
  g_clear_object (&fx.networks);
  hcx_test_world_free (fx.w);
  return status;
}
