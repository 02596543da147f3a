/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan-store.c: plans on disk: the file format round trip, atomic saves under SIGKILL,
 * corrupt / newer / foreign files, name lists, debounced autosave and resuming. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "ferry-plan-start.h"
#include "ferry-plan-store.h"

static FerryVm *
make_vm (guint i)
{
  g_autofree char *id = g_strdup_printf ("vm-%u", i);
  g_autofree char *name = g_strdup_printf ("app-%05u", i);
  FerryVm *vm = ferry_vm_new ();
  g_autoptr (FerryNic) nic = ferry_nic_new ();

  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, name);
  ferry_vm_set_guest_full_name (vm, "Ubuntu Linux (64-bit)");
  ferry_vm_set_num_cpu (vm, 4);
  ferry_vm_set_memory_mb (vm, 8192);
  ferry_vm_set_disk_bytes (vm, (gint64)(i + 1) * 1073741824);
  ferry_vm_set_power_state (vm, i % 5 == 0 ? FERRY_POWER_STATE_OFF : FERRY_POWER_STATE_ON);
  ferry_vm_set_folder (vm, "Workloads/Web");
  ferry_vm_set_cluster (vm, "Cluster-A");
  ferry_vm_set_hardware_version (vm, "vmx-19");
  ferry_vm_set_tools_status (vm, "toolsOk");
  ferry_vm_set_snapshot_count (vm, (int)(i % 3));
  ferry_vm_set_iso_mounted (vm, i % 7 == 0 ? FERRY_TRI_STATE_YES : FERRY_TRI_STATE_NO);
  ferry_nic_set_label (nic, "Network adapter 1");
  ferry_nic_set_mac_address (nic, "00:50:56:8a:01:02");
  ferry_nic_set_network_id (nic, "dvportgroup-45");
  ferry_nic_set_network_name (nic, "VLAN100-Web");
  ferry_nic_set_network_type (nic, "DistributedVirtualPortgroup");
  ferry_nic_set_connected (nic, TRUE);
  ferry_vm_add_nic (vm, nic);
  return vm;
}

static FerryPlan *
make_plan (guint n_vms)
{
  FerryPlan *plan = ferry_plan_new ();
  FerryPlanOptions *d = ferry_plan_get_defaults (plan);
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (FerryContainer) cluster = ferry_container_new ();
  g_autoptr (FerryDatastore) ds = ferry_datastore_new ();
  g_autoptr (FerryDatastore) other = ferry_datastore_new ();
  g_autoptr (FerryStorageProfile) policy = ferry_storage_profile_new ();
  g_autoptr (FerryResourceContainer) src = ferry_resource_container_new ();

  ferry_plan_set_name (plan, "Wave 1");
  ferry_plan_set_server (plan, "hcx.example.com");
  ferry_plan_set_manager_id (plan, "20200131145334716-85327bc6");
  ferry_plan_set_remote_endpoint_id (plan, "remote-ep");
  ferry_plan_set_remote_name (plan, "avs-westeurope-hcx");
  ferry_resource_container_set_endpoint_id (src, "local-ep");
  ferry_resource_container_set_resource_id (src, "vc-uuid");
  ferry_resource_container_set_resource_name (src, "vc01");
  ferry_plan_set_source (plan, src);

  ferry_container_set_id (cluster, "domain-c8");
  ferry_container_set_name (cluster, "Cluster-1");
  ferry_container_set_entity_type (cluster, "cluster");
  ferry_datastore_set_id (ds, "datastore-61");
  ferry_datastore_set_name (ds, "vsanDatastore");
  ferry_datastore_set_free_bytes (ds, 1099511627776);
  ferry_datastore_set_is_cluster (ds, FALSE);
  ferry_datastore_set_id (other, "group-p1");
  ferry_datastore_set_name (other, "Pod");
  ferry_datastore_set_is_cluster (other, TRUE);
  ferry_storage_profile_set_name (policy, "vSAN Default Storage Policy");
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_CLUSTER, cluster);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_DATASTORE, ds);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_STORAGE_POLICY, policy);
  ferry_plan_options_set_disk_provision (d, FERRY_DISK_PROVISION_THIN);
  ferry_plan_options_set_int64 (d, FERRY_PLAN_FIELD_SWITCHOVER_START, 1767261600000);
  ferry_plan_options_set_int64 (d, FERRY_PLAN_FIELD_SWITCHOVER_END, 1767272400000);
  ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS, TRUE);

  for (guint i = 0; i < n_vms; i++)
    g_ptr_array_add (vms, make_vm (i));
  ferry_plan_add_vms (plan, (FerryVm **)vms->pdata, vms->len);
  if (n_vms > 2)
    {
      FerryPlanItem *item = ferry_plan_lookup (plan, "vm-1");

      ferry_plan_item_override_migration_type (item, FERRY_MIGRATION_TYPE_VMOTION);
      ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_RETAIN_MAC, FALSE);
      ferry_plan_item_override_object (item, FERRY_PLAN_FIELD_DATASTORE, other);
      ferry_plan_item_override_object (ferry_plan_lookup (plan, "vm-2"), FERRY_PLAN_FIELD_FOLDER,
                                       NULL);
    }
  return plan;
}

static void
assert_plans_equal (FerryPlan *a, FerryPlan *b)
{
  guint n = ferry_plan_get_n_items (a);

  g_assert_cmpstr (ferry_plan_get_id (a), ==, ferry_plan_get_id (b));
  g_assert_cmpstr (ferry_plan_get_migration_group_id (a), ==,
                   ferry_plan_get_migration_group_id (b));
  g_assert_cmpstr (ferry_plan_get_name (a), ==, ferry_plan_get_name (b));
  g_assert_cmpstr (ferry_plan_get_server (a), ==, ferry_plan_get_server (b));
  g_assert_cmpstr (ferry_plan_get_manager_id (a), ==, ferry_plan_get_manager_id (b));
  g_assert_cmpstr (ferry_plan_get_remote_name (a), ==, ferry_plan_get_remote_name (b));
  g_assert_cmpint (ferry_plan_get_modified (a), ==, ferry_plan_get_modified (b));
  g_assert_cmpstr (ferry_resource_container_get_resource_id (ferry_plan_get_source (a)), ==,
                   ferry_resource_container_get_resource_id (ferry_plan_get_source (b)));
  g_assert_null (ferry_plan_get_destination (b));
  for (guint f = 0; f < FERRY_PLAN_N_FIELDS; f++)
    g_assert_true (ferry_plan_field_values_equal (
        f, ferry_plan_options_peek_value (ferry_plan_get_defaults (a), f),
        ferry_plan_options_peek_value (ferry_plan_get_defaults (b), f)));

  g_assert_cmpuint (ferry_plan_get_n_items (b), ==, n);
  g_assert_cmpint (ferry_plan_get_total_disk_bytes (a), ==, ferry_plan_get_total_disk_bytes (b));
  g_assert_cmpuint (ferry_plan_get_n_problems (a), ==, ferry_plan_get_n_problems (b));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) ia = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr (FerryPlanItem) ib = g_list_model_get_item (G_LIST_MODEL (b), i);
      FerryVm *va = ferry_plan_item_get_vm (ia), *vb = ferry_plan_item_get_vm (ib);

      g_assert_cmpstr (ferry_vm_get_id (va), ==, ferry_vm_get_id (vb));
      g_assert_cmpstr (ferry_vm_get_name (va), ==, ferry_vm_get_name (vb));
      g_assert_cmpint (ferry_vm_get_disk_bytes (va), ==, ferry_vm_get_disk_bytes (vb));
      g_assert_cmpint (ferry_vm_get_power_state (va), ==, ferry_vm_get_power_state (vb));
      g_assert_cmpint (ferry_vm_get_snapshot_count (va), ==, ferry_vm_get_snapshot_count (vb));
      g_assert_cmpint (ferry_vm_get_iso_mounted (va), ==, ferry_vm_get_iso_mounted (vb));
      g_assert_cmpstr (ferry_vm_get_hardware_version (va), ==, ferry_vm_get_hardware_version (vb));
      g_assert_cmpuint (ferry_vm_get_n_nics (vb), ==, ferry_vm_get_n_nics (va));
      g_assert_cmpstr (ferry_nic_get_mac_address (ferry_vm_get_nic (vb, 0)), ==,
                       ferry_nic_get_mac_address (ferry_vm_get_nic (va, 0)));
      g_assert_cmpuint (ferry_plan_item_get_problems (ia), ==, ferry_plan_item_get_problems (ib));
      for (guint f = 0; f < FERRY_PLAN_N_FIELDS; f++)
        {
          g_assert_cmpint (ferry_plan_item_get_overridden (ia, f), ==,
                           ferry_plan_item_get_overridden (ib, f));
          g_assert_true (ferry_plan_field_values_equal (f, ferry_plan_item_peek_value (ia, f),
                                                        ferry_plan_item_peek_value (ib, f)));
        }
    }
}

static void
test_round_trip (void)
{
  g_autoptr (FerryPlan) plan = make_plan (20);
  g_autoptr (FerryPlan) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ferry-plan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "plan.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gsize len = 0;

  json = ferry_plan_to_json (plan, &len);
  g_assert_nonnull (strstr (json, "\"format\" : \"ferry-plan\""));
  back = ferry_plan_from_json (json, (gssize)len, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, back);
  /* Stable: what is read back writes the same text. */
  again = ferry_plan_to_json (back, NULL);
  g_assert_cmpstr (json, ==, again);
  g_clear_object (&back);

  /* Through a file (its directory is made on the way). */
  g_assert_true (ferry_plan_save_file (plan, file, &error));
  g_assert_no_error (error);
  back = ferry_plan_load_file (file, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, back);
  g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, TRUE);
}

/* ---- Atomic saves ---- */

/* This binary's own path: the kill test runs its writer as a new process of it (see
 * writer_main), so that under valgrind (which follows a fork but, by default, not an exec) the
 * writer runs at native speed and the kills land among its file writes as they do elsewhere. */
static char *self_path;

static void
writer_child (FerryPlan *plan, GFile *file, guint run, int ready_fd)
{
  /* Ready: the kill should land among the saves, not while the plan is being built. */
  if (write (ready_fd, "r", 1) != 1)
    _exit (4);

  for (guint gen = 0;; gen++)
    {
      g_autofree char *name = g_strdup_printf ("run %u gen %u", run, gen);

      ferry_plan_set_name (plan, name);
      if (!ferry_plan_save_file (plan, file, NULL))
        _exit (3);
    }
}

/* test-plan-store --writer PATH RUN FD: the kill test's writer process. */
static int
writer_main (const char *path, const char *run, const char *fd)
{
  g_autoptr (FerryPlan) big = make_plan (400);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  writer_child (big, file, (guint)g_ascii_strtoull (run, NULL, 10),
                (int)g_ascii_strtoll (fd, NULL, 10));
  return 5;
}

/* A writer process saves a large plan again and again and is killed at a random moment, many
 * times: the file always loads, as the plan of the last or of an earlier completed save. */
static void
test_atomic_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (FerryPlan) initial = make_plan (3);
  g_autoptr (GError) error = NULL;
  guint min_runs = g_test_slow () ? 200 : 60;
  guint runs, leftovers = 0, advanced = 0;
  guint last_run = G_MAXUINT;

  ferry_plan_set_name (initial, "initial");
  g_assert_true (ferry_plan_save_file (initial, file, &error));

  /* At least min_runs kills, and on until some landed mid-write and some after a save. */
  for (runs = 0; runs < min_runs || ((leftovers < 1 || advanced < 1) && runs < 600); runs++)
    {
      guint run = runs;
      g_autoptr (FerryPlan) loaded = NULL;
      g_autoptr (GDir) d = NULL;
      const char *entry;
      const char *name;
      int status = 0;
      int fds[2];
      char c;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          char run_arg[16], fd_arg[16];

          g_snprintf (run_arg, sizeof run_arg, "%u", run);
          g_snprintf (fd_arg, sizeof fd_arg, "%d", fds[1]);
          close (fds[0]);
          execl (self_path, self_path, "--writer", path, run_arg, fd_arg, (char *)NULL);
          _exit (6);
        }
      close (fds[1]);
      g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
      close (fds[0]);

      g_usleep (g_random_int_range (0, 60000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      loaded = ferry_plan_load_file (file, &error);
      g_assert_no_error (error);
      name = ferry_plan_get_name (loaded);
      if (g_str_equal (name, "initial"))
        g_assert_cmpuint (ferry_plan_get_n_items (loaded), ==, 3);
      else
        {
          guint r = 0, gen = 0;

          g_assert_cmpint (sscanf (name, "run %u gen %u", &r, &gen), ==, 2);
          g_assert_cmpuint (r, <=, run);
          if (last_run != G_MAXUINT)
            g_assert_cmpuint (r, >=, last_run); /* never an older run than already seen */
          last_run = r;
          if (r == run)
            advanced++;
          g_assert_cmpuint (ferry_plan_get_n_items (loaded), ==, 400);
        }

      /* A kill mid-write leaves the temporary file behind, never in place of the plan. */
      d = g_dir_open (dir, 0, NULL);
      while ((entry = g_dir_read_name (d)) != NULL)
        if (!g_str_equal (entry, "plan.json"))
          {
            g_autofree char *tmp = g_build_filename (dir, entry, NULL);

            leftovers++;
            g_unlink (tmp);
          }
    }
  g_test_message ("%u kills, %u interrupted a write, %u after a completed save of that run", runs,
                  leftovers, advanced);
  /* The kills really landed both mid-write and between writes. */
  g_assert_cmpuint (leftovers, >, 0);
  g_assert_cmpuint (advanced, >, 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- Bad files ---- */

static void
assert_refused (const char *text, int code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) plan = ferry_plan_from_json (text, -1, &error);

  g_assert_null (plan);
  g_assert_error (error, FERRY_PLAN_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
}

static void
test_bad_files (void)
{
  g_autoptr (FerryPlan) plan = make_plan (5);
  g_autofree char *json = ferry_plan_to_json (plan, NULL);
  g_autofree char *truncated = g_strndup (json, strlen (json) / 2);
  g_autofree char *newer = NULL;
  g_autofree char *bad_type = NULL;
  g_autofree char *bad_enum = NULL;
  g_autofree char *bad_utf8 = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ferry-bad-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) none = NULL;
  GString *s;

  assert_refused ("", FERRY_PLAN_STORE_ERROR_CORRUPT, "empty");
  assert_refused ("{\"format\":", FERRY_PLAN_STORE_ERROR_CORRUPT, "not readable JSON");
  assert_refused (truncated, FERRY_PLAN_STORE_ERROR_CORRUPT, NULL);
  assert_refused ("\x89PNG\r\n\x1a\n", FERRY_PLAN_STORE_ERROR_CORRUPT, NULL);
  assert_refused ("[1,2,3]", FERRY_PLAN_STORE_ERROR_FOREIGN, "not a Ferry plan");
  assert_refused ("{\"items\":[{\"migrationType\":\"vMotion\"}]}", FERRY_PLAN_STORE_ERROR_FOREIGN,
                  "not a Ferry plan");
  assert_refused ("{\"format\":\"other-app\",\"version\":1}", FERRY_PLAN_STORE_ERROR_FOREIGN, NULL);
  assert_refused ("{\"format\":\"ferry-plan\"}", FERRY_PLAN_STORE_ERROR_CORRUPT, "version");
  assert_refused ("{\"format\":\"ferry-plan\",\"version\":1}", FERRY_PLAN_STORE_ERROR_CORRUPT,
                  "id");

  /* A lone surrogate escape, which json-glib 1.6 turns into invalid UTF-8. */
  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, "\"name\" : \"", "\"name\" : \"\\ud800-", 1), ==, 1);
  bad_utf8 = g_string_free (s, FALSE);
  assert_refused (bad_utf8, FERRY_PLAN_STORE_ERROR_CORRUPT, "UTF-8");

  s = g_string_new (json);
  g_string_replace (s, "\"version\" : 2", "\"version\" : 7", 1);
  newer = g_string_free (s, FALSE);
  assert_refused (newer, FERRY_PLAN_STORE_ERROR_NEWER_VERSION, "newer version of Ferry");

  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, "\"retain-mac\" : true", "\"retain-mac\" : \"yes\"", 1),
                    ==, 1);
  bad_type = g_string_free (s, FALSE);
  assert_refused (bad_type, FERRY_PLAN_STORE_ERROR_CORRUPT, "retain-mac");

  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, "\"vSphereReplication\"", "\"Teleport\"", 1), ==, 1);
  bad_enum = g_string_free (s, FALSE);
  assert_refused (bad_enum, FERRY_PLAN_STORE_ERROR_CORRUPT, "migration-type");

  /* A missing file is an I/O error that says so. */
  none = ferry_plan_load_file (file, &error);
  g_assert_null (none);
  g_assert_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_IO);
  g_rmdir (dir);
}

/* ---- Names ---- */

static void
assert_names (const char *text, const char *const *want)
{
  g_auto (GStrv) got = ferry_plan_parse_names (text, -1);

  if (!g_strv_equal ((const char *const *)got, want))
    {
      g_autofree char *joined = g_strjoinv ("|", got);

      g_error ("parsed “%s” as “%s”", text, joined);
    }
}

/* ---- Network mappings ---- */

static FerryNetwork *
make_net (const char *id, const char *name, gboolean extended, guint vlan)
{
  FerryNetwork *n = ferry_network_new ();

  ferry_network_set_id (n, id);
  ferry_network_set_name (n, name);
  ferry_network_set_entity_type (n, "NsxtSegment");
  ferry_network_set_network_type (n, "NsxtSegment");
  ferry_network_set_extended (n, extended);
  ferry_network_set_vlan_id (n, vlan);
  return n;
}

/* A plan of 4 VMs (the second NIC of each on Backup), mapped: two rules, a rule of a network
 * no selected VM uses, an exception, and an exception of a VM that left the plan. */
static FerryPlan *
make_mapped_plan (FerryVm **gone)
{
  FerryPlan *plan = make_plan (4);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (FerryNetwork) web
      = make_net ("/infra/segments/L2E_web", "L2E_VLAN100-Web-100-0a0b0c0d", TRUE, 100);
  g_autoptr (FerryNetwork) bak = make_net ("/infra/segments/bak", "backup-segment", FALSE, 0);
  g_autoptr (FerryNetwork) dmz = make_net ("/infra/segments/dmz", "dmz-segment", FALSE, 0);
  g_autoptr (FerryVm) extra = make_vm (99);
  FerryNetworkSource *src;

  /* A second NIC on every VM (MAC-less: keyed by its label). */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      g_autoptr (FerryNic) nic = ferry_nic_new ();

      ferry_nic_set_label (nic, "Network adapter 2");
      ferry_nic_set_network_id (nic, "dvportgroup-57");
      ferry_nic_set_network_name (nic, "VLAN140-Backup");
      ferry_nic_set_network_type (nic, "DistributedVirtualPortgroup");
      ferry_nic_set_connected (nic, i != 3);
      ferry_nic_set_primary (nic, i == 2 ? FERRY_TRI_STATE_YES : FERRY_TRI_STATE_UNKNOWN);
      ferry_vm_add_nic (ferry_plan_item_get_vm (item), nic);
    }
  /* Counted again with their second NICs. */
  {
    g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 4; i++)
      {
        g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

        g_ptr_array_add (vms, g_object_ref (ferry_plan_item_get_vm (item)));
      }
    ferry_plan_remove_vms (plan, (FerryVm **)vms->pdata, vms->len);
    ferry_plan_add_vms (plan, (FerryVm **)vms->pdata, vms->len);
  }

  src = ferry_network_map_lookup_source (map, "dvportgroup-45");
  ferry_network_map_map (map, &src, 1, web);
  src = ferry_network_map_lookup_source (map, "dvportgroup-57");
  ferry_network_map_map (map, &src, 1, bak);
  ferry_network_map_restore_rule (map, "dvportgroup-99", dmz);
  {
    FerryPlanItem *item = ferry_plan_lookup (plan, "vm-1");

    ferry_network_map_set_exception (map, item, ferry_vm_get_nic (ferry_plan_item_get_vm (item), 1),
                                     dmz);
  }
  ferry_plan_add_vm (plan, extra);
  ferry_network_map_set_exception (map, ferry_plan_lookup (plan, "vm-99"),
                                   ferry_vm_get_nic (extra, 0), bak);
  ferry_plan_remove_vm (plan, extra);
  *gone = g_steal_pointer (&extra);
  return plan;
}

static void
log_rule (const char *source_id, FerryNetwork *target, gpointer data)
{
  g_string_append_printf (data, "rule %s -> %s %s %s %d %u\n", source_id,
                          ferry_network_get_id (target), ferry_network_get_name (target),
                          ferry_network_get_network_type (target),
                          ferry_network_get_extended (target), ferry_network_get_vlan_id (target));
}

static void
log_exception (const char *vm_id, const char *nic_key, FerryNetwork *target, gpointer data)
{
  g_string_append_printf (data, "exception %s/%s -> %s %s\n", vm_id, nic_key,
                          ferry_network_get_id (target), ferry_network_get_name (target));
}

static char *
map_log (FerryPlan *plan)
{
  GString *log = g_string_new (NULL);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);

  ferry_network_map_foreach_rule (map, log_rule, log);
  ferry_network_map_foreach_exception (map, log_exception, log);
  g_string_append_printf (log, "unmapped %u\n", ferry_network_map_get_n_unmapped (map));
  return g_string_free (log, FALSE);
}

static void
test_networks (void)
{
  g_autoptr (FerryVm) gone = NULL;
  g_autoptr (FerryPlan) plan = make_mapped_plan (&gone);
  g_autofree char *json = ferry_plan_to_json (plan, NULL);
  g_autofree char *before = map_log (plan);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) loaded = ferry_plan_from_json (json, -1, &error);
  FerryNetworkMap *map;
  FerryPlanItem *item;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"version\" : 2"));
  g_test_message ("%s", before);
  g_assert_nonnull (strstr (before, "rule dvportgroup-45 -> /infra/segments/L2E_web "
                                    "L2E_VLAN100-Web-100-0a0b0c0d NsxtSegment 1 100"));
  g_assert_nonnull (strstr (before, "rule dvportgroup-99"));
  g_assert_nonnull (
      strstr (before, "exception vm-1/label:Network adapter 2 -> /infra/segments/dmz"));
  g_assert_nonnull (strstr (before, "exception vm-99/00:50:56:8a:01:02 -> /infra/segments/bak"));
  after = map_log (loaded);
  g_assert_cmpstr (after, ==, before);

  /* The loaded plan resolves as the saved one did, with no undo history. */
  map = ferry_plan_get_network_map (loaded);
  g_assert_false (ferry_network_map_get_can_undo (map));
  item = ferry_plan_lookup (loaded, "vm-1");
  g_assert_cmpstr (ferry_network_get_id (ferry_network_map_resolve (
                       map, item, ferry_vm_get_nic (ferry_plan_item_get_vm (item), 1))),
                   ==, "/infra/segments/dmz");
  g_assert_true (ferry_network_map_has_exception (
      map, item, ferry_vm_get_nic (ferry_plan_item_get_vm (item), 1)));
  item = ferry_plan_lookup (loaded, "vm-2");
  g_assert_cmpstr (ferry_network_get_id (ferry_network_map_resolve (
                       map, item, ferry_vm_get_nic (ferry_plan_item_get_vm (item), 0))),
                   ==, "/infra/segments/L2E_web");
  g_assert_true (ferry_network_map_is_primary (
      map, item, ferry_vm_get_nic (ferry_plan_item_get_vm (item), 1)));
  /* One object per destination network, shared by its rules and exceptions. */
  g_assert_true (
      ferry_network_source_get_target (ferry_network_map_lookup_source (map, "dvportgroup-57"))
      == ferry_network_map_lookup_destination (map, "/infra/segments/bak"));

  /* The VM that left comes back with its exception. */
  ferry_plan_add_vm (loaded, gone);
  g_assert_cmpstr (ferry_network_get_id (ferry_network_map_resolve (
                       map, ferry_plan_lookup (loaded, "vm-99"), ferry_vm_get_nic (gone, 0))),
                   ==, "/infra/segments/bak");
}

/* A version 1 file (no "networks") still loads, unmapped. */
static void
test_networks_version_1 (void)
{
  g_autoptr (FerryPlan) plan = make_plan (3);
  g_autofree char *json = ferry_plan_to_json (plan, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autofree char *v1 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) loaded = NULL;
  JsonObject *o;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (o, "networks"));
  json_object_remove_member (o, "networks");
  json_object_set_int_member (o, "version", 1);
  json_generator_set_root (gen, json_parser_get_root (parser));
  v1 = json_generator_to_data (gen, NULL);
  loaded = ferry_plan_from_json (v1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_plan_get_n_items (loaded), ==, 3);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (ferry_plan_get_network_map (loaded)), ==, 3);
}

/* A damaged "networks" member refuses the file, saying where. */
static void
test_networks_damaged (void)
{
  static const char *const sections[] = {
    "5",
    "{\"rules\":{}}",
    "{\"rules\":[7]}",
    "{\"rules\":[{\"target\":{\"id\":\"x\"}}]}",
    "{\"rules\":[{\"source\":3,\"target\":{\"id\":\"x\"}}]}",
    "{\"rules\":[{\"source\":\"dvportgroup-45\"}]}",
    "{\"rules\":[{\"source\":\"dvportgroup-45\",\"target\":{\"name\":\"no id\"}}]}",
    "{\"rules\":[{\"source\":\"dvportgroup-45\",\"target\":{\"id\":\"x\",\"name\":[]}}]}",
    "{\"exceptions\":\"all\"}",
    "{\"exceptions\":[{\"vm\":\"vm-1\",\"target\":{\"id\":\"x\"}}]}",
    "{\"rules\":[],\"exceptions\":[{\"vm\":\"vm-1\",\"nic\":\"n\",\"target\":null}]}",
  };
  g_autoptr (FerryPlan) plan = make_plan (2);
  g_autofree char *json = ferry_plan_to_json (plan, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (JsonParser) part = json_parser_new ();
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      g_autofree char *bad = NULL;
      JsonObject *o;

      g_test_message ("%s", sections[i]);
      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
      g_assert_true (json_parser_load_from_data (part, sections[i], -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      json_object_set_member (o, "networks", json_node_copy (json_parser_get_root (part)));
      json_generator_set_root (gen, json_parser_get_root (parser));
      bad = json_generator_to_data (gen, NULL);
      assert_refused (bad, FERRY_PLAN_STORE_ERROR_CORRUPT, "network mappings");
    }
}

static void
test_names (void)
{
  const char *plain[] = { "web-01", "db-01", "app 03", NULL };
  const char *csv[] = { "web-01", "db, primary", "say \"hi\"", "multi\nline", "Ünïcode-01", NULL };
  const char *semi[] = { "web-01", "web-02", NULL };

  assert_names ("web-01\n\n  db-01  \r\napp 03\nweb-01\n", plain);
  assert_names ("\xEF\xBB\xBFVM,Powerstate,CPUs\r\nweb-01,poweredOn,2\r\n\"db, primary\",x,1\r\n"
                "\"say \"\"hi\"\"\",poweredOff,4\r\n\"multi\nline\",\"a\nb\",1\r\n"
                ",,\r\nÜnïcode-01,poweredOn,1\r\n",
                csv);
  assert_names ("vInfoVMName;Powerstate\nweb-01;on\nweb-02;\"x;y\"\n", semi);
  assert_names ("Name\tOS\nweb-01\tLinux\nweb-02\tLinux\n", semi);
  {
    const char *empty[] = { NULL };

    assert_names ("", empty);
    assert_names ("VM\n", empty);
  }
}

/* ---- Autosave and resume ---- */

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static FerryPlan *
find_resumable (FerryPlanStore *store, const char *server, const char *manager_id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  FerryPlan *plan;

  ferry_plan_store_find_resumable_async (store, server, manager_id, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  plan = ferry_plan_store_find_resumable_finish (store, result, &error);
  g_assert_no_error (error);
  return plan;
}

static void
saved_cb (FerryPlanStore *store, FerryPlan *plan, guint *count)
{
  (*count)++;
}

static void
test_autosave_and_resume (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-store-XXXXXX", NULL);
  g_autoptr (GFile) directory = g_file_new_for_path (dir);
  g_autoptr (FerryPlanStore) store = ferry_plan_store_new (directory);
  g_autoptr (FerryPlan) plan = make_plan (10);
  g_autoptr (FerryPlan) other = make_plan (4);
  g_autoptr (GFile) file = NULL;
  g_autoptr (FerryPlan) loaded = NULL;
  g_autoptr (GError) error = NULL;
  guint saves = 0;
  gint64 deadline;

  ferry_plan_set_server (other, "other.example.com");
  ferry_plan_store_set_delay (store, 50);
  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), &saves);
  ferry_plan_store_track (store, plan);
  ferry_plan_store_track (store, other);
  /* Several quick changes: saved once, debounced, with the last state. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Wave %u", i);

      ferry_plan_set_name (plan, name);
    }
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (saves < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (saves, ==, 2);
  g_assert_false (ferry_plan_store_get_saving (store));
  g_assert_null (ferry_plan_store_get_last_error (store));
  /* Nothing else pending: no more saves come. */
  deadline = g_get_monotonic_time () + 200 * 1000;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (saves, ==, 2);

  file = ferry_plan_store_get_file (store, plan);
  loaded = ferry_plan_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_plan_get_name (loaded), ==, "Wave 9");
  g_clear_object (&loaded);

  /* Flush writes a pending change at once (quitting). */
  ferry_plan_item_override_boolean (ferry_plan_lookup (plan, "vm-3"),
                                    FERRY_PLAN_FIELD_FORCE_POWER_OFF, TRUE);
  ferry_plan_store_flush (store);
  loaded = ferry_plan_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (ferry_plan_item_get_overridden (ferry_plan_lookup (loaded, "vm-3"),
                                                 FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_clear_object (&loaded);

  /* A stray temporary file and a foreign file in the directory are ignored. */
  {
    g_autofree char *tmp = g_build_filename (dir, "x.json.ABC123", NULL);
    g_autofree char *junk = g_build_filename (dir, "junk.json", NULL);

    g_assert_true (g_file_set_contents (tmp, "{\"format\":", -1, NULL));
    g_assert_true (g_file_set_contents (junk, "{}", -1, NULL));
  }

  /* Resume: the manager's most recent plan, not another manager's. */
  {
    g_autoptr (FerryPlan) found
        = find_resumable (store, "hcx.example.com", "20200131145334716-85327bc6");
    g_autoptr (FerryPlan) none = find_resumable (store, "nowhere.example.com", NULL);
    g_autoptr (FerryPlan) wrong_manager
        = find_resumable (store, "hcx.example.com", "another-manager-id");
    g_autoptr (FerryPlan) other_found = find_resumable (store, "other.example.com", NULL);
    g_autoptr (FerryPlan) moved
        = find_resumable (store, "127.0.0.1:4242", "20200131145334716-85327bc6");

    g_assert_nonnull (found);
    g_assert_cmpstr (ferry_plan_get_id (found), ==, ferry_plan_get_id (plan));
    g_assert_cmpuint (ferry_plan_get_n_items (found), ==, 10);
    g_assert_null (none);
    g_assert_null (wrong_manager);
    g_assert_nonnull (other_found);
    g_assert_cmpstr (ferry_plan_get_id (other_found), ==, ferry_plan_get_id (other));
    /* The same manager at another address (the simulator on another port). */
    g_assert_nonnull (moved);
    g_assert_cmpstr (ferry_plan_get_id (moved), ==, ferry_plan_get_id (plan));
  }

  /* Discarded: no longer offered. */
  g_assert_true (ferry_plan_store_discard (store, plan, &error));
  g_assert_no_error (error);
  {
    g_autoptr (FerryPlan) gone = find_resumable (store, "hcx.example.com", NULL);

    g_assert_null (gone);
  }
}

static void
got_result (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static gboolean
check_import (FerryPlanStore *store, FerryPlan *plan, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ferry_plan_store_check_import_async (store, plan, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ferry_plan_store_check_import_finish (store, result, error);
}

/* A copy exported before the start is not imported over the started plan; a plan the store
 * does not have, or one as far along, is. */
static void
test_import_over_started (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-store-XXXXXX", NULL);
  g_autoptr (GFile) directory = g_file_new_for_path (dir);
  g_autoptr (FerryPlanStore) store = ferry_plan_store_new (directory);
  g_autoptr (FerryPlan) plan = make_plan (3);
  g_autoptr (FerryPlan) earlier = NULL;
  g_autoptr (FerryPlan) same = NULL;
  g_autoptr (FerryPlan) other = make_plan (2);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ferry_plan_store_track (store, plan);
  ferry_plan_store_flush (store);
  before = ferry_plan_to_json (plan, NULL);
  earlier = ferry_plan_from_json (before, -1, NULL);
  /* Nothing started yet: the copy may replace it. */
  g_assert_true (check_import (store, earlier, &error));
  g_assert_no_error (error);

  ferry_plan_set_migration_id (plan, "vm-0", "mig-0");
  ferry_plan_set_start_state (plan, FERRY_PLAN_START_SENT);
  ferry_plan_store_flush (store);
  g_assert_false (check_import (store, earlier, &error));
  g_assert_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_STARTED);
  g_assert_nonnull (strstr (error->message, "started migrations"));
  g_clear_error (&error);

  after = ferry_plan_to_json (plan, NULL);
  same = ferry_plan_from_json (after, -1, NULL);
  g_assert_true (check_import (store, same, &error));
  g_assert_true (check_import (store, other, &error));
  g_assert_no_error (error);
  ferry_plan_store_untrack (store, plan);
}

int
main (int argc, char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return writer_main (argv[2], argv[3], argv[4]);
  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  /* First: the kill test forks, best before any worker thread exists. */
  g_test_add_func ("/plan-store/atomic-kill", test_atomic_kill);
  g_test_add_func ("/plan-store/round-trip", test_round_trip);
  g_test_add_func ("/plan-store/bad-files", test_bad_files);
  g_test_add_func ("/plan-store/names", test_names);
  g_test_add_func ("/plan-store/networks", test_networks);
  g_test_add_func ("/plan-store/networks-version-1", test_networks_version_1);
  g_test_add_func ("/plan-store/networks-damaged", test_networks_damaged);
  g_test_add_func ("/plan-store/autosave-and-resume", test_autosave_and_resume);
  g_test_add_func ("/plan-store/import-over-started", test_import_over_started);
  return g_test_run ();
}
