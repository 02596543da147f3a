/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan.c: the migration plan in core: defaults, overrides, effective values, reset,
 * multi-VM override, allowed types, pre-flight rules and the intents it produces (compared
 * field by field with hcx-api.md §6 through the client's own serialiser). */
#include "config.h"

#include "ferry-hcx-json.h"
#include "ferry-plan-start.h"
#include "ferry-plan.h"

static FerryVm *
make_vm (const char *id, const char *name, gint64 disk_gb, FerryPowerState power)
{
  FerryVm *vm = ferry_vm_new ();

  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, name);
  ferry_vm_set_disk_bytes (vm, disk_gb * 1073741824);
  ferry_vm_set_power_state (vm, power);
  ferry_vm_set_snapshot_count (vm, 0);
  ferry_vm_set_iso_mounted (vm, FERRY_TRI_STATE_NO);
  ferry_vm_set_hardware_version (vm, "vmx-19");
  ferry_vm_set_tools_status (vm, "toolsOk");
  return vm;
}

static FerryContainer *
make_container (const char *id, const char *name, const char *type)
{
  FerryContainer *c = ferry_container_new ();

  ferry_container_set_id (c, id);
  ferry_container_set_name (c, name);
  ferry_container_set_entity_type (c, type);
  return c;
}

static FerryDatastore *
make_datastore (const char *id, const char *name, gint64 free_gb, gboolean cluster)
{
  FerryDatastore *ds = ferry_datastore_new ();

  ferry_datastore_set_id (ds, id);
  ferry_datastore_set_name (ds, name);
  ferry_datastore_set_entity_type (ds, "Datastore");
  ferry_datastore_set_free_bytes (ds, free_gb * 1073741824);
  ferry_datastore_set_capacity_bytes (ds, free_gb * 2 * 1073741824);
  ferry_datastore_set_is_cluster (ds, cluster);
  return ds;
}

static FerryResourceContainer *
make_vc (const char *endpoint_id, const char *endpoint_name, const char *uuid, const char *name)
{
  FerryResourceContainer *rc = ferry_resource_container_new ();

  ferry_resource_container_set_endpoint_id (rc, endpoint_id);
  ferry_resource_container_set_endpoint_name (rc, endpoint_name);
  ferry_resource_container_set_endpoint_type (rc, "VC");
  ferry_resource_container_set_resource_type (rc, "VC");
  ferry_resource_container_set_resource_id (rc, uuid);
  ferry_resource_container_set_resource_name (rc, name);
  return rc;
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
changed_cb (FerryPlan *plan, guint *count)
{
  (*count)++;
}

/* ---- Defaults, overrides, reset ---- */

static void
test_defaults_and_overrides (void)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (FerryVm) a = make_vm ("vm-1", "web-01", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) b = make_vm ("vm-2", "web-02", 10, FERRY_POWER_STATE_ON);
  FerryPlanOptions *defaults = ferry_plan_get_defaults (plan);
  FerryPlanItem *ia, *ib;
  guint a_notifies = 0, b_notifies = 0, a_overridden = 0, changed = 0;
  gboolean value;

  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);
  ia = ferry_plan_add_vm (plan, a);
  ib = ferry_plan_add_vm (plan, b);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 2);
  g_assert_true (ferry_plan_add_vm (plan, a) == ia); /* no duplicate */
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 2);

  /* Built-in defaults */
  g_assert_true (ferry_plan_item_get_boolean (ia, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_false (ferry_plan_item_get_boolean (ia, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS));
  g_assert_cmpint (ferry_plan_item_get_migration_type (ia), ==, FERRY_MIGRATION_TYPE_BULK);
  g_assert_cmpint (ferry_plan_item_get_disk_provision (ia), ==,
                   FERRY_DISK_PROVISION_SAME_AS_SOURCE);

  g_signal_connect (ia, "notify::force-power-off", G_CALLBACK (count_cb), &a_notifies);
  g_signal_connect (ib, "notify::force-power-off", G_CALLBACK (count_cb), &b_notifies);
  g_signal_connect (ia, "notify::force-power-off-overridden", G_CALLBACK (count_cb), &a_overridden);

  /* A default applies to every item that does not override it. */
  ferry_plan_options_set_boolean (defaults, FERRY_PLAN_FIELD_FORCE_POWER_OFF, TRUE);
  g_assert_true (ferry_plan_item_get_boolean (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_true (ferry_plan_item_get_boolean (ib, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_cmpuint (a_notifies, ==, 1);
  g_assert_cmpuint (b_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 3);
  /* Same value again: nothing. */
  ferry_plan_options_set_boolean (defaults, FERRY_PLAN_FIELD_FORCE_POWER_OFF, TRUE);
  g_assert_cmpuint (a_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 3);

  /* Override one VM: only it changes, and it is marked. */
  ferry_plan_item_override_boolean (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF, FALSE);
  g_assert_false (ferry_plan_item_get_boolean (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_true (ferry_plan_item_get_overridden (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_false (ferry_plan_item_get_overridden (ib, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_cmpuint (ferry_plan_item_get_n_overrides (ia), ==, 1);
  g_assert_cmpuint (a_notifies, ==, 2);
  g_assert_cmpuint (a_overridden, ==, 1);
  g_assert_cmpuint (changed, ==, 4);

  /* The default moving does not move an override. */
  ferry_plan_options_set_boolean (defaults, FERRY_PLAN_FIELD_FORCE_POWER_OFF, FALSE);
  ferry_plan_options_set_boolean (defaults, FERRY_PLAN_FIELD_FORCE_POWER_OFF, TRUE);
  g_assert_false (ferry_plan_item_get_boolean (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_cmpuint (a_notifies, ==, 2);
  g_assert_cmpuint (b_notifies, ==, 3);

  /* An override equal to the default is still explicit (and kept when the default moves). */
  ferry_plan_item_override_boolean (ib, FERRY_PLAN_FIELD_FORCE_POWER_OFF, TRUE);
  g_assert_true (ferry_plan_item_get_overridden (ib, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_cmpuint (b_notifies, ==, 3);

  /* Reset to default: value and mark follow the default again. */
  ferry_plan_item_reset (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF);
  g_assert_true (ferry_plan_item_get_boolean (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_false (ferry_plan_item_get_overridden (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_cmpuint (ferry_plan_item_get_n_overrides (ia), ==, 0);
  g_assert_cmpuint (a_notifies, ==, 3);
  g_assert_cmpuint (a_overridden, ==, 2);
  /* Resetting again does nothing. */
  ferry_plan_item_reset (ia, FERRY_PLAN_FIELD_FORCE_POWER_OFF);
  g_assert_cmpuint (a_overridden, ==, 2);

  /* The properties bind: writing overrides, writing "-overridden" FALSE resets. */
  g_object_set (ia, "retain-mac", FALSE, NULL);
  g_object_get (ia, "retain-mac-overridden", &value, NULL);
  g_assert_true (value);
  g_object_set (ia, "retain-mac-overridden", FALSE, NULL);
  g_object_get (ia, "retain-mac", &value, NULL);
  g_assert_true (value);
  g_assert_false (ferry_plan_item_get_overridden (ia, FERRY_PLAN_FIELD_RETAIN_MAC));

  /* Object fields: the same entity from another object is the same value. */
  {
    g_autoptr (FerryContainer) c1 = make_container ("domain-c8", "Cluster-1", "cluster");
    g_autoptr (FerryContainer) c1b = make_container ("domain-c8", "Cluster-1", "cluster");
    guint notifies = 0;

    g_signal_connect (ib, "notify::cluster", G_CALLBACK (count_cb), &notifies);
    ferry_plan_options_set_object (defaults, FERRY_PLAN_FIELD_CLUSTER, c1);
    g_assert_true (ferry_plan_item_get_object (ib, FERRY_PLAN_FIELD_CLUSTER) == c1);
    ferry_plan_options_set_object (defaults, FERRY_PLAN_FIELD_CLUSTER, c1b);
    g_assert_cmpuint (notifies, ==, 1);
  }
}

static void
test_multi_override (void)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_autoptr (FerryDatastore) ds = make_datastore ("datastore-61", "vsanDatastore", 5000, FALSE);
  g_auto (GValue) v = G_VALUE_INIT;
  guint changed = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("vm-%u", i);
      g_autofree char *name = g_strdup_printf ("app-%02u", i);

      g_ptr_array_add (vms, make_vm (id, name, 20, FERRY_POWER_STATE_ON));
    }
  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_cmpuint (ferry_plan_add_vms (plan, (FerryVm **)vms->pdata, vms->len), ==, 50);
  g_assert_cmpuint (changed, ==, 1); /* one change for the batch */
  g_assert_cmpint (ferry_plan_get_total_disk_bytes (plan), ==, 50 * (gint64)20 * 1073741824);

  for (guint i = 10; i < 20; i++)
    g_ptr_array_add (items, ferry_plan_lookup (plan, ferry_vm_get_id (vms->pdata[i])));

  g_value_init (&v, FERRY_TYPE_DATASTORE);
  g_value_set_object (&v, ds);
  ferry_plan_override (plan, (FerryPlanItem **)items->pdata, items->len, FERRY_PLAN_FIELD_DATASTORE,
                       &v);
  g_assert_cmpuint (changed, ==, 2);
  for (guint i = 0; i < 50; i++)
    {
      FerryPlanItem *item = ferry_plan_lookup (plan, ferry_vm_get_id (vms->pdata[i]));
      gboolean in = i >= 10 && i < 20;

      g_assert_cmpint (ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_DATASTORE), ==, in);
      g_assert_true (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE)
                     == (in ? (gpointer)ds : NULL));
    }

  ferry_plan_reset (plan, (FerryPlanItem **)items->pdata, 5, FERRY_PLAN_FIELD_DATASTORE);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_false (ferry_plan_item_get_overridden (items->pdata[0], FERRY_PLAN_FIELD_DATASTORE));
  g_assert_true (ferry_plan_item_get_overridden (items->pdata[5], FERRY_PLAN_FIELD_DATASTORE));

  /* Removing a batch keeps the others in order and the total right. */
  g_assert_cmpuint (ferry_plan_remove_vms (plan, (FerryVm **)vms->pdata + 5, 10), ==, 10);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 40);
  g_assert_cmpint (ferry_plan_get_total_disk_bytes (plan), ==, 40 * (gint64)20 * 1073741824);
  {
    g_autoptr (FerryPlanItem) fifth = g_list_model_get_item (G_LIST_MODEL (plan), 5);

    g_assert_cmpstr (ferry_vm_get_id (ferry_plan_item_get_vm (fifth)), ==, "vm-15");
  }
  g_assert_null (ferry_plan_lookup (plan, "vm-7"));
  ferry_plan_clear (plan);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 0);
  g_assert_cmpint (ferry_plan_get_total_disk_bytes (plan), ==, 0);
}

/* ---- Allowed types ---- */

static void
test_allowed_types (void)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (GListStore) src = g_list_store_new (FERRY_TYPE_COMPUTE_PROFILE);
  g_autoptr (GListStore) dst = g_list_store_new (FERRY_TYPE_COMPUTE_PROFILE);
  g_autoptr (GListStore) meshes = g_list_store_new (FERRY_TYPE_SERVICE_MESH);
  g_autoptr (FerryComputeProfile) sp = ferry_compute_profile_new ();
  g_autoptr (FerryComputeProfile) dp = ferry_compute_profile_new ();
  g_autoptr (FerryServiceMesh) mesh = ferry_service_mesh_new ();
  g_autoptr (FerryPrereqReport) report = NULL;
  g_autoptr (FerryVm) vm = make_vm ("vm-1", "db-01", 10, FERRY_POWER_STATE_ON);
  const char *services_src[] = { "INTERCONNECT", "VMOTION", "BULK_MIGRATION", NULL };
  const char *services_dst[] = { "INTERCONNECT", "VMOTION", NULL };
  const char *reason = NULL;
  FerryPlanItem *item;

  ferry_compute_profile_set_id (sp, "cp-src");
  ferry_compute_profile_set_name (sp, "onprem-cp");
  ferry_compute_profile_set_endpoint_id (sp, "src-ep");
  ferry_compute_profile_set_services (sp, services_src);
  ferry_compute_profile_set_id (dp, "cp-dst");
  ferry_compute_profile_set_name (dp, "avs-cp");
  ferry_compute_profile_set_endpoint_id (dp, "dst-ep");
  ferry_compute_profile_set_services (dp, services_dst);
  g_list_store_append (src, sp);
  g_list_store_append (dst, dp);
  {
    const char *mesh_services[] = { "INTERCONNECT", "VMOTION", "BULK_MIGRATION", NULL };

    ferry_service_mesh_set_id (mesh, "sm-1");
    ferry_service_mesh_set_name (mesh, "mesh");
    ferry_service_mesh_set_services (mesh, mesh_services);
    ferry_service_mesh_add_member (mesh, "cp-src", "onprem-cp", "src-ep", "src", TRUE);
    ferry_service_mesh_add_member (mesh, "cp-dst", "avs-cp", "dst-ep", "dst", FALSE);
  }
  g_list_store_append (meshes, mesh);
  report = ferry_prereq_evaluate (G_LIST_MODEL (src), G_LIST_MODEL (dst), G_LIST_MODEL (meshes),
                                  "src-ep", "dst-ep", FALSE);

  /* Every type until the check says otherwise. */
  g_assert_true (ferry_plan_type_allowed (plan, FERRY_MIGRATION_TYPE_RAV, NULL));
  item = ferry_plan_add_vm (plan, vm);
  g_assert_cmpint (ferry_plan_options_get_migration_type (ferry_plan_get_defaults (plan)), ==,
                   FERRY_MIGRATION_TYPE_BULK);

  ferry_plan_set_prereq_report (plan, report);
  g_assert_false (ferry_plan_type_allowed (plan, FERRY_MIGRATION_TYPE_BULK, &reason));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "avs-cp"));
  g_assert_true (ferry_plan_type_allowed (plan, FERRY_MIGRATION_TYPE_VMOTION, &reason));
  g_assert_null (reason);
  g_assert_true (ferry_plan_type_allowed (plan, FERRY_MIGRATION_TYPE_COLD, NULL));
  g_assert_false (ferry_plan_type_allowed (plan, FERRY_MIGRATION_TYPE_RAV, NULL));
  g_assert_false (ferry_plan_type_allowed (plan, FERRY_MIGRATION_TYPE_OSAM, &reason));
  g_assert_nonnull (reason);
  /* The default moved to the first allowed type. */
  g_assert_cmpint (ferry_plan_options_get_migration_type (ferry_plan_get_defaults (plan)), ==,
                   FERRY_MIGRATION_TYPE_VMOTION);
  g_assert_cmpint (ferry_plan_item_get_migration_type (item), ==, FERRY_MIGRATION_TYPE_VMOTION);

  /* An override to a type the pair cannot do is a problem naming the fix. */
  ferry_plan_item_override_migration_type (item, FERRY_MIGRATION_TYPE_BULK);
  g_assert_true (ferry_plan_item_get_problems (item) & FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE);
  g_assert_cmpint (ferry_preflight_get_fix_field (FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE), ==,
                   FERRY_PLAN_FIELD_MIGRATION_TYPE);
  ferry_plan_item_reset (item, FERRY_PLAN_FIELD_MIGRATION_TYPE);
  g_assert_false (ferry_plan_item_get_problems (item) & FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE);
}

/* ---- Pre-flight ---- */

/* Each rule: make the VM fail it, see the badge, switch the fix on, see it clear. */
static void
test_preflight (void)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  FerryPlanOptions *d = ferry_plan_get_defaults (plan);
  g_autoptr (FerryVm) snap = make_vm ("vm-1", "snap", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) iso = make_vm ("vm-2", "iso", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) old = make_vm ("vm-3", "old", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) off = make_vm ("vm-4", "off", 10, FERRY_POWER_STATE_OFF);
  g_autoptr (FerryVm) tools = make_vm ("vm-5", "tools", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) unknown = ferry_vm_new ();
  g_autoptr (FerryDatastore) pod = make_datastore ("group-p1", "DatastoreCluster", 10000, TRUE);
  g_autoptr (FerryDatastore) small = make_datastore ("datastore-9", "small", 25, FALSE);
  g_autoptr (FerryDatastore) big = make_datastore ("datastore-61", "vsan", 10000, FALSE);
  FerryPlanItem *i_snap, *i_iso, *i_old, *i_off, *i_tools;
  g_autofree char *text = NULL;

  ferry_vm_set_snapshot_count (snap, 2);
  ferry_vm_set_iso_mounted (iso, FERRY_TRI_STATE_YES);
  ferry_vm_set_hardware_version (old, "vmx-08");
  ferry_vm_set_tools_status (tools, "toolsNotRunning");
  ferry_vm_set_id (unknown, "vm-6");
  ferry_vm_set_name (unknown, "unknown");

  i_snap = ferry_plan_add_vm (plan, snap);
  i_iso = ferry_plan_add_vm (plan, iso);
  i_old = ferry_plan_add_vm (plan, old);
  i_off = ferry_plan_add_vm (plan, off);
  i_tools = ferry_plan_add_vm (plan, tools);

  /* Bulk: snapshots warn, power state of the powered-off VM, tools. */
  g_assert_cmpuint (ferry_plan_item_get_problems (i_snap), ==, FERRY_PREFLIGHT_SNAPSHOTS);
  g_assert_false (ferry_plan_item_get_has_errors (i_snap));
  g_assert_cmpuint (ferry_plan_item_get_problems (i_iso), ==, FERRY_PREFLIGHT_ISO_MOUNTED);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_old), ==, 0); /* Bulk takes old hardware */
  g_assert_cmpuint (ferry_plan_item_get_problems (i_off), ==, FERRY_PREFLIGHT_POWER_STATE);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_tools), ==, FERRY_PREFLIGHT_TOOLS_NOT_RUNNING);
  g_assert_cmpuint (ferry_plan_get_n_problems (plan), ==, 4);

  text = ferry_preflight_describe_all (ferry_plan_item_get_problems (i_snap), snap,
                                       FERRY_MIGRATION_TYPE_BULK);
  g_assert_nonnull (strstr (text, "Remove Snapshots"));

  /* vMotion: snapshots, ISO and old hardware block. */
  ferry_plan_options_set_migration_type (d, FERRY_MIGRATION_TYPE_VMOTION);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_snap), ==, FERRY_PREFLIGHT_SNAPSHOTS);
  g_assert_true (ferry_plan_item_get_has_errors (i_snap));
  g_assert_true (ferry_plan_item_get_has_errors (i_iso));
  g_assert_cmpuint (ferry_plan_item_get_problems (i_old), ==, FERRY_PREFLIGHT_OLD_HARDWARE);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_tools), ==, 0);

  /* Each fix clears its badge. */
  ferry_plan_options_set_boolean (d, ferry_preflight_get_fix_field (FERRY_PREFLIGHT_SNAPSHOTS),
                                  TRUE);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_snap), ==, 0);
  ferry_plan_options_set_boolean (d, ferry_preflight_get_fix_field (FERRY_PREFLIGHT_ISO_MOUNTED),
                                  TRUE);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_iso), ==, 0);
  g_assert_cmpint (ferry_preflight_get_fix_field (FERRY_PREFLIGHT_OLD_HARDWARE), ==,
                   FERRY_PLAN_FIELD_MIGRATION_TYPE);
  ferry_plan_item_override_migration_type (i_old, FERRY_MIGRATION_TYPE_BULK);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_old), ==, 0);

  /* Cold: the powered-off VM is right, the powered-on ones are not. */
  ferry_plan_item_override_migration_type (i_off, FERRY_MIGRATION_TYPE_COLD);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_off), ==, 0);
  ferry_plan_item_override_migration_type (i_snap, FERRY_MIGRATION_TYPE_COLD);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_snap), ==, FERRY_PREFLIGHT_POWER_STATE);
  ferry_plan_item_reset (i_snap, FERRY_PLAN_FIELD_MIGRATION_TYPE);

  /* Tools on Bulk; force power-off fixes it. */
  ferry_plan_options_set_migration_type (d, FERRY_MIGRATION_TYPE_BULK);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_tools), ==, FERRY_PREFLIGHT_TOOLS_NOT_RUNNING);
  ferry_plan_item_override_boolean (
      i_tools, ferry_preflight_get_fix_field (FERRY_PREFLIGHT_TOOLS_NOT_RUNNING), TRUE);
  g_assert_cmpuint (ferry_plan_item_get_problems (i_tools), ==, 0);

  /* Seed checkpoint on a datastore cluster; turning it off fixes it. */
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_DATASTORE, pod);
  ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_SEED_CHECKPOINT, TRUE);
  g_assert_true (ferry_plan_item_get_problems (i_iso) & FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER);
  ferry_plan_item_override_boolean (i_iso, FERRY_PLAN_FIELD_SEED_CHECKPOINT, FALSE);
  g_assert_false (ferry_plan_item_get_problems (i_iso) & FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER);
  g_assert_true (ferry_plan_item_get_problems (i_snap) & FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER);
  ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_SEED_CHECKPOINT, FALSE);

  /* The selection does not fit the small datastore (5 × 10 GB > 25 GB): every VM on it is
   * flagged; moving some elsewhere makes it fit. */
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_DATASTORE, small);
  g_assert_true (ferry_plan_item_get_problems (i_iso) & FERRY_PREFLIGHT_DATASTORE_TOO_SMALL);
  g_assert_true (ferry_plan_item_get_problems (i_off) & FERRY_PREFLIGHT_DATASTORE_TOO_SMALL);
  ferry_plan_item_override_object (i_snap, FERRY_PLAN_FIELD_DATASTORE, big);
  ferry_plan_item_override_object (i_iso, FERRY_PLAN_FIELD_DATASTORE, big);
  g_assert_true (ferry_plan_item_get_problems (i_off) & FERRY_PREFLIGHT_DATASTORE_TOO_SMALL);
  ferry_plan_item_override_object (i_old, FERRY_PLAN_FIELD_DATASTORE, big);
  g_assert_false (ferry_plan_item_get_problems (i_off) & FERRY_PREFLIGHT_DATASTORE_TOO_SMALL);
  g_assert_false (ferry_plan_item_get_problems (i_tools) & FERRY_PREFLIGHT_DATASTORE_TOO_SMALL);

  /* A VM not selected is judged by the defaults. */
  {
    g_autoptr (FerryVm) other = make_vm ("vm-9", "other", 10, FERRY_POWER_STATE_ON);

    ferry_vm_set_snapshot_count (other, 1);
    g_assert_false (ferry_plan_check_vm (plan, other) & FERRY_PREFLIGHT_SNAPSHOTS);
    ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS, FALSE);
    g_assert_true (ferry_plan_check_vm (plan, other) & FERRY_PREFLIGHT_SNAPSHOTS);
  }

  /* Facts the inventory does not have are "not checked", never OK by accident. */
  g_assert_cmpuint (ferry_preflight_unchecked (unknown, FERRY_MIGRATION_TYPE_VMOTION), ==,
                    FERRY_PREFLIGHT_SNAPSHOTS | FERRY_PREFLIGHT_ISO_MOUNTED
                        | FERRY_PREFLIGHT_OLD_HARDWARE | FERRY_PREFLIGHT_POWER_STATE);
  g_assert_cmpuint (ferry_preflight_unchecked (snap, FERRY_MIGRATION_TYPE_VMOTION), ==, 0);

  /* Every rule has a title, a fix field and a fix text. */
  for (guint i = 0; i < FERRY_PREFLIGHT_N_RULES; i++)
    {
      g_autofree char *describe = ferry_preflight_describe (1u << i, old, FERRY_MIGRATION_TYPE_RAV);

      g_assert_nonnull (ferry_preflight_get_title (1u << i));
      g_assert_cmpint (ferry_preflight_get_fix_field (1u << i), !=, FERRY_PLAN_FIELD_NONE);
      g_assert_nonnull (strstr (describe, ferry_preflight_get_fix (1u << i)));
    }
}

/* ---- Intents ---- */

/* The body of hcx-api.md §6, with the given type's values. */
static JsonNode *
expected_intent (const char *migration_type, const char *transfer_type, gint64 start, gint64 expiry,
                 gboolean long_recovery, const char *group)
{
  g_autofree char *json = g_strdup_printf (
      "{\"migrationType\":\"%s\",\"migrationGroupId\":\"%s\","
      "\"entity\":{\"entityId\":\"vm-1042\",\"entityType\":\"VirtualMachine\","
      "\"entityName\":\"web-01\"},"
      "\"source\":{\"endpointId\":\"src-ep\",\"endpointType\":\"VC\",\"endpointName\":"
      "\"hcx-connector\",\"resourceType\":\"VC\",\"resourceId\":\"src-vc-uuid\","
      "\"resourceName\":\"vc01\"},"
      "\"destination\":{\"endpointId\":\"dst-ep\",\"endpointType\":\"VC\",\"endpointName\":"
      "\"avs-westeurope-hcx\",\"resourceType\":\"VC\",\"resourceId\":\"dst-vc-uuid\","
      "\"resourceName\":\"vc-avs\"},"
      "\"transferParams\":{\"transferType\":\"%s\",\"schedule\":{\"startTime\":0,"
      "\"expiryTime\":0},\"longRecovery\":%s},"
      "\"switchoverParams\":{\"switchoverType\":\"%s\",\"schedule\":{\"startTime\":"
      "%" G_GINT64_FORMAT ",\"expiryTime\":%" G_GINT64_FORMAT "},"
      "\"options\":{\"retainMac\":true,\"forcePowerOffVm\":false,\"upgradeHardware\":false,"
      "\"upgradeVMTools\":false,\"removeISOs\":true,\"removeSnapshots\":true,\"removeCbt\":false,"
      "\"retainTags\":true,\"replicateSecurityTags\":false,\"updateCustomAttributes\":true}},"
      "\"placement\":[{\"type\":\"cluster\",\"id\":\"domain-c8\",\"name\":\"Cluster-1\"},"
      "{\"type\":\"resourcePool\",\"id\":\"resgroup-9\",\"name\":\"Compute-ResourcePool\"},"
      "{\"type\":\"folder\",\"id\":\"group-v10\",\"name\":\"Workloads\"}],"
      "\"storage\":{\"defaultStorage\":{\"id\":\"datastore-61\",\"name\":\"vsanDatastore\","
      "\"type\":\"Datastore\",\"diskProvisionType\":\"thin\"}},"
      "\"networkParams\":{\"networkMappings\":[]}}",
      migration_type, group, transfer_type, long_recovery ? "true" : "false", migration_type, start,
      expiry);

  return json_from_string (json, NULL);
}

static void
test_intents (void)
{
  static const struct
  {
    FerryMigrationType type;
    const char *wire;
    const char *transfer;
    gboolean schedule;
    gboolean seed;
  } cases[] = {
    { FERRY_MIGRATION_TYPE_BULK, "vSphereReplication", "vSphereReplication", TRUE, TRUE },
    { FERRY_MIGRATION_TYPE_VMOTION, "vMotion", "NO_OP", FALSE, FALSE },
    { FERRY_MIGRATION_TYPE_COLD, "ColdMigration", "NO_OP", FALSE, FALSE },
    { FERRY_MIGRATION_TYPE_RAV, "RAV", "vSphereReplication", TRUE, TRUE },
    { FERRY_MIGRATION_TYPE_OSAM, "OsAssistedMigration", "OsAssistedReplication", TRUE, FALSE },
  };
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  FerryPlanOptions *d = ferry_plan_get_defaults (plan);
  g_autoptr (FerryVm) vm = make_vm ("vm-1042", "web-01", 100, FERRY_POWER_STATE_ON);
  g_autoptr (FerryContainer) cluster = make_container ("domain-c8", "Cluster-1", "cluster");
  g_autoptr (FerryContainer) pool
      = make_container ("resgroup-9", "Compute-ResourcePool", "resourcePool");
  g_autoptr (FerryContainer) folder = make_container ("group-v10", "Workloads", "folder");
  g_autoptr (FerryDatastore) ds = make_datastore ("datastore-61", "vsanDatastore", 10000, FALSE);
  g_autoptr (FerryResourceContainer) src
      = make_vc ("src-ep", "hcx-connector", "src-vc-uuid", "vc01");
  g_autoptr (FerryResourceContainer) dst
      = make_vc ("dst-ep", "avs-westeurope-hcx", "dst-vc-uuid", "vc-avs");
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) none = NULL;
  FerryPlanItem *item;

  /* Incomplete plans say what is missing. */
  none = ferry_plan_build_intents (plan, &error);
  g_assert_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_EMPTY);
  g_clear_error (&error);
  item = ferry_plan_add_vm (plan, vm);
  none = ferry_plan_build_intents (plan, &error);
  g_assert_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);
  ferry_plan_set_source (plan, src);
  ferry_plan_set_destination (plan, dst);
  none = ferry_plan_build_intents (plan, &error);
  g_assert_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "web-01"));
  g_clear_error (&error);

  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_CLUSTER, cluster);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_RESOURCE_POOL, pool);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_FOLDER, folder);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_DATASTORE, ds);
  ferry_plan_options_set_disk_provision (d, FERRY_DISK_PROVISION_THIN);
  ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_REMOVE_ISOS, TRUE);
  ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS, TRUE);
  ferry_plan_options_set_int64 (d, FERRY_PLAN_FIELD_SWITCHOVER_START, 1767261600000);
  ferry_plan_options_set_int64 (d, FERRY_PLAN_FIELD_SWITCHOVER_END, 1767272400000);
  ferry_plan_options_set_boolean (d, FERRY_PLAN_FIELD_SEED_CHECKPOINT, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GListModel) intents = NULL;
      g_autoptr (FerryMigrationIntent) intent = NULL;
      g_autoptr (JsonNode) got = NULL;
      g_autoptr (JsonNode) want = NULL;
      const FerryPlacement *p;

      ferry_plan_item_override_migration_type (item, cases[i].type);
      intents = ferry_plan_build_intents (plan, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (intents), ==, 1);
      intent = g_list_model_get_item (intents, 0);

      /* Field by field on the object the client sends … */
      g_assert_cmpint (ferry_migration_intent_get_migration_type (intent), ==, cases[i].type);
      g_assert_cmpstr (ferry_migration_intent_get_entity_id (intent), ==, "vm-1042");
      g_assert_cmpstr (ferry_migration_intent_get_entity_name (intent), ==, "web-01");
      g_assert_true (ferry_migration_intent_get_source (intent) == src);
      g_assert_true (ferry_migration_intent_get_destination (intent) == dst);
      g_assert_cmpstr (ferry_migration_intent_get_migration_group_id (intent), ==,
                       ferry_plan_get_migration_group_id (plan));
      g_assert_cmpint (ferry_migration_intent_get_switchover_start (intent), ==,
                       cases[i].schedule ? 1767261600000 : 0);
      g_assert_cmpint (ferry_migration_intent_get_switchover_expiry (intent), ==,
                       cases[i].schedule ? 1767272400000 : 0);
      g_assert_cmpint (ferry_migration_intent_get_long_recovery (intent), ==, cases[i].seed);
      g_assert_true (ferry_migration_intent_get_retain_mac (intent));
      g_assert_false (ferry_migration_intent_get_force_power_off (intent));
      g_assert_true (ferry_migration_intent_get_remove_isos (intent));
      g_assert_true (ferry_migration_intent_get_remove_snapshots (intent));
      g_assert_true (ferry_migration_intent_get_retain_tags (intent));
      g_assert_true (ferry_migration_intent_get_update_custom_attributes (intent));
      g_assert_cmpuint (ferry_migration_intent_get_n_placements (intent), ==, 3);
      p = ferry_migration_intent_get_placement (intent, 0);
      g_assert_cmpstr (p->type, ==, "cluster");
      g_assert_cmpstr (p->id, ==, "domain-c8");
      p = ferry_migration_intent_get_placement (intent, 2);
      g_assert_cmpstr (p->type, ==, "folder");
      g_assert_cmpstr (p->name, ==, "Workloads");
      g_assert_cmpstr (ferry_migration_intent_get_datastore_id (intent), ==, "datastore-61");
      g_assert_cmpstr (ferry_migration_intent_get_disk_provision_type (intent), ==, "thin");

      /* … and the body on the wire equals §6's. */
      got = ferry_hcx_json_from_intent (intent, NULL);
      want = expected_intent (cases[i].wire, cases[i].transfer,
                              cases[i].schedule ? 1767261600000 : 0,
                              cases[i].schedule ? 1767272400000 : 0, cases[i].seed,
                              ferry_plan_get_migration_group_id (plan));
      g_assert_nonnull (want);
      if (!json_node_equal (got, want))
        {
          g_autofree char *g = json_to_string (got, TRUE);
          g_autofree char *w = json_to_string (want, TRUE);

          g_test_message ("got %s\nwant %s", g, w);
          g_assert_not_reached ();
        }
    }

  /* A storage policy goes into storageParams; one group id for every intent. */
  {
    g_autoptr (FerryStorageProfile) policy = ferry_storage_profile_new ();
    g_autoptr (FerryVm) vm2 = make_vm ("vm-7", "web-02", 10, FERRY_POWER_STATE_ON);
    g_autoptr (GListModel) intents = NULL;
    g_autoptr (FerryMigrationIntent) a = NULL;
    g_autoptr (FerryMigrationIntent) b = NULL;

    ferry_storage_profile_set_id (policy, "sp-1");
    ferry_storage_profile_set_name (policy, "vSAN Default Storage Policy");
    ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_STORAGE_POLICY, policy);
    ferry_plan_add_vm (plan, vm2);
    intents = ferry_plan_build_intents (plan, &error);
    g_assert_no_error (error);
    a = g_list_model_get_item (intents, 0);
    b = g_list_model_get_item (intents, 1);
    g_assert_cmpstr (ferry_migration_intent_get_storage_profile_name (b), ==,
                     "vSAN Default Storage Policy");
    g_assert_cmpstr (ferry_migration_intent_get_migration_group_id (a), ==,
                     ferry_migration_intent_get_migration_group_id (b));
    g_assert_cmpint (ferry_migration_intent_get_migration_type (b), ==, FERRY_MIGRATION_TYPE_BULK);
  }
}

/* ---- Inventory ---- */

static void
test_reconcile_and_names (void)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (GListStore) inventory = g_list_store_new (FERRY_TYPE_VM);
  g_autoptr (FerryVm) saved_a = make_vm ("vm-1", "web-01", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) saved_b = make_vm ("vm-old", "db-01", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) saved_c = make_vm ("vm-3", "gone-01", 10, FERRY_POWER_STATE_ON);
  g_auto (GStrv) missing = NULL;
  g_auto (GStrv) unknown = NULL;
  const char *names[] = { "web-02", "WEB-03", "", "nope-01", "web-01", NULL };
  guint added = 0;

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("vm-%u", i);
      g_autofree char *name = g_strdup_printf ("web-%02u", i);
      g_autoptr (FerryVm) vm = make_vm (id, name, 50, FERRY_POWER_STATE_ON);

      g_list_store_append (inventory, vm);
    }
  {
    g_autoptr (FerryVm) db = make_vm ("vm-20", "db-01", 30, FERRY_POWER_STATE_ON);

    g_list_store_append (inventory, db);
  }

  ferry_plan_add_vm (plan, saved_a);
  ferry_plan_add_vm (plan, saved_b);
  ferry_plan_add_vm (plan, saved_c);
  ferry_plan_item_override_boolean (ferry_plan_lookup (plan, "vm-old"), FERRY_PLAN_FIELD_RETAIN_MAC,
                                    FALSE);
  /* vm-3 is now web-03 in the inventory: matched by id; db-01 by name (its id changed);
   * nothing is lost: gone-01 stays in the plan and is reported. */
  missing = ferry_plan_reconcile (plan, G_LIST_MODEL (inventory));
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_cmpstr (ferry_vm_get_name (ferry_plan_item_get_vm (ferry_plan_lookup (plan, "vm-3"))),
                   ==, "web-03");
  g_assert_null (ferry_plan_lookup (plan, "vm-old"));
  g_assert_false (
      ferry_plan_item_get_boolean (ferry_plan_lookup (plan, "vm-20"), FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_cmpint (ferry_plan_get_total_disk_bytes (plan), ==, (50 + 30 + 50) * 1073741824LL);
  g_clear_pointer (&missing, g_strfreev);

  g_list_store_remove (inventory, 0);
  missing = ferry_plan_reconcile (plan, G_LIST_MODEL (inventory));
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "web-01");
  g_assert_nonnull (ferry_plan_lookup (plan, "vm-1"));

  ferry_plan_clear (plan);
  unknown = ferry_plan_select_names (plan, G_LIST_MODEL (inventory), names, &added);
  g_assert_cmpuint (added, ==, 2); /* web-02 and WEB-03 (case-insensitive); web-01 is gone */
  g_assert_cmpuint (g_strv_length (unknown), ==, 2);
  g_assert_cmpstr (unknown[0], ==, "nope-01");
  g_assert_cmpstr (unknown[1], ==, "web-01");
  g_assert_nonnull (ferry_plan_lookup (plan, "vm-3"));
}

/* ---- Read-only once started ---- */

static void
test_read_only_once_started (void)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (FerryVm) a = make_vm ("vm-1", "web-01", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) b = make_vm ("vm-2", "web-02", 10, FERRY_POWER_STATE_ON);
  g_autoptr (FerryVm) renamed = make_vm ("vm-new", "web-01", 99, FERRY_POWER_STATE_ON);
  g_autoptr (FerryResourceContainer) vc = make_vc ("ep-1", "site", "uuid-1", "vc-1");
  g_autoptr (FerryDatastore) ds = make_datastore ("ds-1", "ds", 500, FALSE);
  g_autoptr (GListStore) inventory = g_list_store_new (FERRY_TYPE_VM);
  g_autoptr (GListStore) profiles = g_list_store_new (FERRY_TYPE_COMPUTE_PROFILE);
  g_autoptr (GListStore) meshes = g_list_store_new (FERRY_TYPE_SERVICE_MESH);
  g_autoptr (FerryPrereqReport) report = NULL; /* nothing available */
  g_auto (GValue) v = G_VALUE_INIT;
  g_auto (GStrv) missing = NULL;
  g_auto (GStrv) unknown = NULL;
  const char *names[] = { "web-02", NULL };
  FerryPlanItem *item;
  FerryPlanItem *items[1];
  FerryPlanOptions *defaults = ferry_plan_get_defaults (plan);
  guint changes = 0;
  guint added = 7;

  ferry_plan_set_name (plan, "wave 1");
  item = ferry_plan_add_vm (plan, a);
  items[0] = item;
  ferry_plan_options_set_boolean (defaults, FERRY_PLAN_FIELD_RETAIN_MAC, TRUE);
  ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS, TRUE);

  /* From the moment the start is sent, nothing about the plan changes. */
  report = ferry_prereq_evaluate (G_LIST_MODEL (profiles), G_LIST_MODEL (profiles),
                                  G_LIST_MODEL (meshes), NULL, NULL, FALSE);
  ferry_plan_set_start_state (plan, FERRY_PLAN_START_SENT);
  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changes);

  ferry_plan_set_name (plan, "renamed");
  ferry_plan_set_server (plan, "other.example.com");
  ferry_plan_set_manager_id (plan, "other");
  ferry_plan_set_remote_endpoint_id (plan, "other");
  ferry_plan_set_remote_name (plan, "other");
  ferry_plan_set_source (plan, vc);
  ferry_plan_set_destination (plan, vc);
  ferry_plan_set_prereq_report (plan, report);
  g_assert_cmpstr (ferry_plan_get_name (plan), ==, "wave 1");
  g_assert_null (ferry_plan_get_server (plan));
  g_assert_null (ferry_plan_get_source (plan));
  g_assert_null (ferry_plan_get_destination (plan));
  g_assert_true (ferry_plan_type_allowed (plan, FERRY_MIGRATION_TYPE_VMOTION, NULL));

  g_assert_cmpuint (ferry_plan_add_vms (plan, &b, 1), ==, 0);
  g_assert_null (ferry_plan_add_vm (plan, b));
  g_assert_true (ferry_plan_add_vm (plan, a) == item); /* already there: returned as it is */
  g_assert_false (ferry_plan_remove_vm (plan, a));
  g_assert_cmpuint (ferry_plan_remove_vms (plan, &a, 1), ==, 0);
  ferry_plan_clear (plan);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 1);

  /* Defaults, per-VM overrides and resets, singly and in batches, and through properties. */
  ferry_plan_options_set_boolean (defaults, FERRY_PLAN_FIELD_RETAIN_MAC, FALSE);
  g_object_set (defaults, "force-power-off", TRUE, NULL);
  ferry_plan_options_set_object (defaults, FERRY_PLAN_FIELD_DATASTORE, ds);
  g_assert_true (ferry_plan_options_get_boolean (defaults, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_false (ferry_plan_options_get_boolean (defaults, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  g_assert_null (ferry_plan_options_get_object (defaults, FERRY_PLAN_FIELD_DATASTORE));
  ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_SEED_CHECKPOINT, TRUE);
  ferry_plan_item_reset (item, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS);
  ferry_plan_item_reset_all (item);
  g_object_set (item, "retain-mac-overridden", TRUE, NULL);
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, TRUE);
  ferry_plan_override (plan, items, 1, FERRY_PLAN_FIELD_REMOVE_ISOS, &v);
  ferry_plan_reset (plan, items, 1, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS);
  g_assert_cmpuint (ferry_plan_item_get_n_overrides (item), ==, 1);
  g_assert_true (ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS));
  g_assert_false (ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_SEED_CHECKPOINT));
  g_assert_false (ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_REMOVE_ISOS));

  /* The inventory is only compared with: the started VM stays bound as it was. */
  g_list_store_append (inventory, renamed);
  missing = ferry_plan_reconcile (plan, G_LIST_MODEL (inventory));
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_true (ferry_plan_item_get_vm (item) == a);
  g_assert_nonnull (ferry_plan_lookup (plan, "vm-1"));
  g_list_store_append (inventory, b);
  unknown = ferry_plan_select_names (plan, G_LIST_MODEL (inventory), names, &added);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 1);
  g_assert_cmpuint (changes, ==, 0);

  /* What the start records still changes; STARTED stays locked. */
  ferry_plan_set_migration_id (plan, "vm-1", "mig-1");
  ferry_plan_set_start_state (plan, FERRY_PLAN_START_STARTED);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpstr (ferry_plan_get_migration_id (plan, "vm-1"), ==, "mig-1");
  ferry_plan_set_name (plan, "renamed");
  g_assert_cmpstr (ferry_plan_get_name (plan), ==, "wave 1");

  /* A start that created nothing goes back to NONE: the plan is editable again. */
  ferry_plan_set_migration_id (plan, "vm-1", NULL);
  ferry_plan_set_start_state (plan, FERRY_PLAN_START_NONE);
  ferry_plan_set_name (plan, "renamed");
  g_assert_cmpstr (ferry_plan_get_name (plan), ==, "renamed");
  ferry_plan_options_set_boolean (defaults, FERRY_PLAN_FIELD_RETAIN_MAC, FALSE);
  g_assert_false (ferry_plan_options_get_boolean (defaults, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_cmpuint (ferry_plan_add_vms (plan, &b, 1), ==, 1);
}

static void
test_field_table (void)
{
  for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
    {
      const char *name = ferry_plan_field_get_name (i);

      g_assert_cmpint (ferry_plan_field_from_name (name), ==, i);
      g_assert_nonnull (
          g_object_class_find_property (g_type_class_peek (FERRY_TYPE_PLAN_OPTIONS), name));
      g_assert_nonnull (ferry_plan_field_get_title (i));
    }
  g_assert_cmpint (ferry_plan_field_from_name ("nope"), ==, FERRY_PLAN_FIELD_NONE);
  g_assert_false (ferry_plan_field_applies_to (FERRY_PLAN_FIELD_SWITCHOVER_START,
                                               FERRY_MIGRATION_TYPE_VMOTION, NULL));
  g_assert_true (ferry_plan_field_applies_to (FERRY_PLAN_FIELD_SWITCHOVER_START,
                                              FERRY_MIGRATION_TYPE_BULK, NULL));
  g_assert_false (ferry_plan_field_applies_to (FERRY_PLAN_FIELD_SEED_CHECKPOINT,
                                               FERRY_MIGRATION_TYPE_COLD, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_type_ensure (FERRY_TYPE_PLAN_OPTIONS);
  g_type_class_unref (g_type_class_ref (FERRY_TYPE_PLAN_OPTIONS));

  g_test_add_func ("/plan/defaults-and-overrides", test_defaults_and_overrides);
  g_test_add_func ("/plan/multi-override", test_multi_override);
  g_test_add_func ("/plan/allowed-types", test_allowed_types);
  g_test_add_func ("/plan/preflight", test_preflight);
  g_test_add_func ("/plan/intents", test_intents);
  g_test_add_func ("/plan/reconcile-and-names", test_reconcile_and_names);
  g_test_add_func ("/plan/read-only-once-started", test_read_only_once_started);
  g_test_add_func ("/plan/field-table", test_field_table);
  return g_test_run ();
}
