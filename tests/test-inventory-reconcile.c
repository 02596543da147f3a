/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-inventory-reconcile.c: planned VMs against a manager's inventory; enrichment
 *
 * First the rules on hand-made inventories (UUID over name, vCenters, duplicates, recreated
 * VMs, each kind of change), then the real thing: the simulator's inventory fetched with
 * FerryHcxClient over HTTPS, an RVTools workbook written from it with some VMs changed, some
 * missing and one in another vCenter, imported, reconciled, and the manager's VMs enriched
 * with the export's facts. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferry-hcx-client.h"
#include "ferry-inventory-reconcile.h"
#include "ferry-rvtools.h"
#include "ferry-test-sim.h"
#include "rvtools-fixture.h"

#define MIB ((gint64)1024 * 1024)

/* Hand-made inventories ---------------------------------------------------------------------- */

static FerryVm *
make_vm (const char *name, int cpus, gint64 memory, FerryPowerState power)
{
  FerryVm *vm = ferry_vm_new ();

  ferry_vm_set_name (vm, name);
  ferry_vm_set_id (vm, name);
  ferry_vm_set_num_cpu (vm, cpus);
  ferry_vm_set_memory_mb (vm, memory);
  ferry_vm_set_disk_bytes (vm, 10240 * MIB);
  ferry_vm_set_power_state (vm, power);
  return vm;
}

static void
add_nic (FerryVm *vm, const char *label, const char *mac, const char *network, gboolean connected)
{
  g_autoptr (FerryNic) nic = ferry_nic_new ();

  ferry_nic_set_label (nic, label);
  ferry_nic_set_mac_address (nic, mac);
  ferry_nic_set_network_name (nic, network);
  ferry_nic_set_connected (nic, connected);
  ferry_vm_add_nic (vm, nic);
}

static FerryVm *
add (FerryInventoryFacts *facts, FerryVm *vm, const char *vcenter, const char *uuid)
{
  FerryVmFacts *f = ferry_inventory_facts_add_vm (facts, vm, vcenter);

  ferry_vm_facts_set_string (&f->vm_uuid, uuid);
  g_object_unref (vm);
  return vm;
}

static FerryReconcileItem *
item_at (GListModel *items, guint i)
{
  g_autoptr (FerryReconcileItem) item = g_list_model_get_item (items, i);

  return item;
}

static gboolean
details_mention (FerryReconcileItem *item, const char *text)
{
  const char *const *details = ferry_reconcile_item_get_details (item);

  for (guint i = 0; details[i] != NULL; i++)
    if (strstr (details[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_rules (void)
{
  g_autoptr (FerryFactSource) es
      = ferry_fact_source_new (FERRY_FACT_SOURCE_KIND_RVTOOLS, "export.xlsx", NULL, NULL);
  g_autoptr (FerryFactSource) ms
      = ferry_fact_source_new (FERRY_FACT_SOURCE_KIND_HCX_MANAGER, "hcx01", NULL, NULL);
  g_autoptr (FerryInventoryFacts) planned = ferry_inventory_facts_new (es);
  g_autoptr (FerryInventoryFacts) manager = ferry_inventory_facts_new (ms);
  g_autoptr (GListModel) items = NULL;
  FerryVm *p_renamed, *p_same, *p_dup1, *p_dup2, *p_gone, *p_recreated, *p_nics, *p_size;
  FerryVm *m_renamed, *m_same, *m_dup1, *m_recreated, *m_nics, *m_size, *m_extra;
  FerryReconcileItem *item;

  /* Renamed since the export, but the UUID says it is the same VM. */
  p_renamed = add (planned, make_vm ("old-name", 2, 4096, FERRY_POWER_STATE_ON), "vc01", "u-1");
  m_renamed = add (manager, make_vm ("new-name", 2, 4096, FERRY_POWER_STATE_ON), "vc01.corp.local",
                   "U-1");
  /* The same name and vCenter; the manager knows no UUID. */
  p_same = add (planned, make_vm ("app-01", 2, 4096, FERRY_POWER_STATE_ON), "vc01", "u-2");
  m_same
      = add (manager, make_vm ("app-01", 2, 4096, FERRY_POWER_STATE_ON), "vc01.corp.local", NULL);
  /* One name in two vCenters of the export; the manager is vc01. */
  p_dup2 = add (planned, make_vm ("db-01", 2, 4096, FERRY_POWER_STATE_ON), "vc02", NULL);
  p_dup1 = add (planned, make_vm ("db-01", 8, 8192, FERRY_POWER_STATE_ON), "vc01", NULL);
  m_dup1 = add (manager, make_vm ("db-01", 8, 8192, FERRY_POWER_STATE_ON), "vc01.corp.local", NULL);
  /* Gone. */
  p_gone = add (planned, make_vm ("retired-01", 1, 1024, FERRY_POWER_STATE_OFF), "vc01", NULL);
  /* Deleted and recreated under the same name: another UUID. */
  p_recreated = add (planned, make_vm ("web-07", 2, 2048, FERRY_POWER_STATE_ON), "vc01", "u-7");
  m_recreated = add (manager, make_vm ("web-07", 2, 2048, FERRY_POWER_STATE_ON), "vc01", "u-77");
  /* NIC changes: another network, disconnected, one gone, one new. */
  p_nics = add (planned, make_vm ("nics-01", 2, 2048, FERRY_POWER_STATE_ON), "vc01", NULL);
  add_nic (p_nics, "Network adapter 1", "00:50:56:00:00:01", "VLAN100", TRUE);
  add_nic (p_nics, "Network adapter 2", "00:50:56:00:00:02", "VLAN200", TRUE);
  add_nic (p_nics, "Network adapter 3", "00:50:56:00:00:03", "VLAN300", TRUE);
  m_nics = add (manager, make_vm ("nics-01", 2, 2048, FERRY_POWER_STATE_ON), "vc01", NULL);
  add_nic (m_nics, "Network adapter 1", "00:50:56:00:00:01", "VLAN101", TRUE);
  add_nic (m_nics, "Network adapter 2", "00:50:56:00:00:02", "VLAN200", FALSE);
  add_nic (m_nics, "Network adapter 4", "00:50:56:00:00:04", "VLAN400", TRUE);
  /* Size and power. */
  p_size = add (planned, make_vm ("big-01", 4, 8192, FERRY_POWER_STATE_ON), "vc01", NULL);
  m_size = add (manager, make_vm ("big-01", 8, 16384, FERRY_POWER_STATE_OFF), "vc01", NULL);
  ferry_vm_set_disk_bytes (m_size, 10240 * MIB + 512 * 1024); /* rounding: not a change */
  m_extra = add (manager, make_vm ("nobody-planned", 1, 1024, FERRY_POWER_STATE_ON), "vc01", NULL);

  items = ferry_inventory_reconcile (planned, manager, FERRY_RECONCILE_FLAG_NEW);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 10);

  item = item_at (items, 0);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_MATCHED);
  g_assert_cmpint (ferry_reconcile_item_get_match (item), ==, FERRY_RECONCILE_MATCH_UUID);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_renamed);
  g_assert_true (ferry_reconcile_item_get_manager_vm (item) == m_renamed);

  item = item_at (items, 1);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_MATCHED);
  g_assert_cmpint (ferry_reconcile_item_get_match (item), ==, FERRY_RECONCILE_MATCH_NAME_VCENTER);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_same);
  g_assert_true (ferry_reconcile_item_get_manager_vm (item) == m_same);
  g_assert_null (ferry_reconcile_item_get_details (item)[0]);

  /* The vc02 one comes first and must not take vc01's VM. */
  item = item_at (items, 2);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_dup2);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_MISSING);
  g_assert_true (details_mention (item, "vc02"));
  item = item_at (items, 3);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_dup1);
  g_assert_true (ferry_reconcile_item_get_manager_vm (item) == m_dup1);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_MATCHED);

  item = item_at (items, 4);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_gone);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_MISSING);
  g_assert_true (details_mention (item, "retired-01"));

  item = item_at (items, 5);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_recreated);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_MISSING);

  item = item_at (items, 6);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_nics);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_CHANGED);
  g_assert_cmpint (ferry_reconcile_item_get_changes (item), ==, FERRY_RECONCILE_CHANGE_NICS);
  g_assert_true (details_mention (item, "Network adapter 1: network VLAN100 → VLAN101"));
  g_assert_true (details_mention (item, "Network adapter 2 is disconnected now"));
  g_assert_true (details_mention (item, "Network adapter 3 is gone"));
  g_assert_true (details_mention (item, "Network adapter 4 is new"));

  item = item_at (items, 7);
  g_assert_true (ferry_reconcile_item_get_planned_vm (item) == p_size);
  g_assert_cmpint (ferry_reconcile_item_get_changes (item), ==,
                   FERRY_RECONCILE_CHANGE_SIZE | FERRY_RECONCILE_CHANGE_POWER_STATE);
  g_assert_true (details_mention (item, "CPUs 4 → 8"));
  g_assert_true (details_mention (item, "Memory 8192 MiB → 16384 MiB"));
  g_assert_true (details_mention (item, "Now powered off (was powered on)"));
  g_assert_false (details_mention (item, "Disk"));

  /* The manager's VMs nobody planned, the recreated one among them. */
  item = item_at (items, 8);
  g_assert_cmpint (ferry_reconcile_item_get_status (item), ==, FERRY_RECONCILE_NEW);
  g_assert_true (ferry_reconcile_item_get_manager_vm (item) == m_recreated);
  item = item_at (items, 9);
  g_assert_true (ferry_reconcile_item_get_manager_vm (item) == m_extra);

  g_assert_cmpuint (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_MATCHED), ==, 3);
  g_assert_cmpuint (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_CHANGED), ==, 2);
  g_assert_cmpuint (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_MISSING), ==, 3);
}

/* Without any vCenter on the manager's side a name matches alone, unless it is not unique. */
static void
test_ambiguous (void)
{
  g_autoptr (FerryInventoryFacts) planned = ferry_inventory_facts_new (NULL);
  g_autoptr (FerryInventoryFacts) manager = ferry_inventory_facts_new (NULL);
  g_autoptr (GListModel) items = NULL;

  add (planned, make_vm ("db-01", 8, 8192, FERRY_POWER_STATE_ON), "vc01", NULL);
  add (planned, make_vm ("db-01", 2, 4096, FERRY_POWER_STATE_ON), "vc02", NULL);
  add (planned, make_vm ("solo", 2, 4096, FERRY_POWER_STATE_ON), "vc01", NULL);
  add (manager, make_vm ("db-01", 8, 8192, FERRY_POWER_STATE_ON), NULL, NULL);
  add (manager, make_vm ("solo", 2, 4096, FERRY_POWER_STATE_ON), NULL, NULL);

  items = ferry_inventory_reconcile (planned, manager, FERRY_RECONCILE_FLAG_NONE);
  g_assert_cmpint (ferry_reconcile_item_get_status (item_at (items, 0)), ==,
                   FERRY_RECONCILE_AMBIGUOUS);
  g_assert_true (details_mention (item_at (items, 0), "2 VMs are named “db-01”"));
  g_assert_cmpint (ferry_reconcile_item_get_status (item_at (items, 1)), ==,
                   FERRY_RECONCILE_AMBIGUOUS);
  g_assert_cmpint (ferry_reconcile_item_get_status (item_at (items, 2)), ==,
                   FERRY_RECONCILE_MATCHED);
  g_assert_cmpint (ferry_reconcile_item_get_match (item_at (items, 2)), ==,
                   FERRY_RECONCILE_MATCH_NAME);
}

/* Against the simulator ----------------------------------------------------------------------- */

static void
got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The simulator's source VMs and its vCenter's name, as Ferry's client reads them. */
static GListModel *
fetch_manager (FerrySimThread *sim, char **out_vcenter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryHcxClient) client = ferry_hcx_client_new (ferry_sim_thread_get_url (sim), &error);
  g_autoptr (GAsyncResult) login = NULL, vcs = NULL, vms = NULL;
  g_autoptr (GListModel) containers = NULL;
  g_autoptr (FerryResourceContainer) vc = NULL;
  GListModel *list;

  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (client, ferry_sim_thread_get_fingerprint (sim));
  ferry_hcx_client_login_async (client, "cloudadmin@vsphere.local", "VMware1!", NULL, got_result,
                                &login);
  g_assert_true (ferry_hcx_client_login_finish (client, wait_for (&login), &error));
  g_assert_no_error (error);
  ferry_hcx_client_list_resource_containers_async (client, FALSE, NULL, got_result, &vcs);
  containers = ferry_hcx_client_list_resource_containers_finish (client, wait_for (&vcs), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (containers), >=, 1);
  vc = g_list_model_get_item (containers, 0);
  *out_vcenter = g_strdup (ferry_resource_container_get_name (vc));
  ferry_hcx_client_list_vms_async (client, NULL, NULL, NULL, NULL, NULL, got_result, &vms);
  list = ferry_hcx_client_list_vms_finish (client, wait_for (&vms), &error);
  g_assert_no_error (error);
  return list;
}

static const char *
power_text (FerryPowerState state, gboolean flip)
{
  if (flip)
    state = state == FERRY_POWER_STATE_ON ? FERRY_POWER_STATE_OFF : FERRY_POWER_STATE_ON;
  return ferry_power_state_to_string (state);
}

/* An RVTools row set for @vm as the export would list it (vCenter @vc, the @i-th VM). */
static void
export_vm (RvFixture *fx, FerryVm *vm, const char *vc, guint i, gint64 memory, gboolean flip_power,
           const char *first_network, gboolean facts)
{
  g_autofree char *cpus = g_strdup_printf ("%d", ferry_vm_get_num_cpu (vm));
  g_autofree char *mem = g_strdup_printf ("%" G_GINT64_FORMAT, memory);
  g_autofree char *disk
      = g_strdup_printf ("%" G_GINT64_FORMAT, (ferry_vm_get_disk_bytes (vm) + MIB / 2) / MIB);
  g_autofree char *uuid = g_strdup_printf ("5003aaaa-0000-0000-0000-%012u", i);
  const char *name = ferry_vm_get_name (vm);

  rv_fixture_add (fx, RV_VINFO, name, power_text (ferry_vm_get_power_state (vm), flip_power),
                  "False", cpus, mem, disk, disk, "", facts ? "7" : "19", "DC", "Cluster-1",
                  "esx01", "Workloads", "", "", "", "", "", ferry_vm_get_id (vm), uuid, "", vc, "",
                  NULL);
  for (guint n = 0; n < ferry_vm_get_n_nics (vm); n++)
    {
      FerryNic *nic = ferry_vm_get_nic (vm, n);

      rv_fixture_add (fx, RV_VNETWORK, name, ferry_nic_get_label (nic), "vmxnet3",
                      n == 0 && first_network ? first_network : ferry_nic_get_network_name (nic),
                      ferry_nic_get_connected (nic) ? "True" : "False",
                      ferry_nic_get_mac_address (nic), vc, NULL);
    }
  if (facts)
    {
      rv_fixture_add (fx, RV_VSNAPSHOT, name, "before-migration", "@date:2026-11-10 08:00:00", vc,
                      NULL);
      rv_fixture_add (fx, RV_VSNAPSHOT, name, "older", "@date:2026-09-01 08:00:00", vc, NULL);
      rv_fixture_add (fx, RV_VCD, name, "True", "[ds] iso/tools.iso", vc, NULL);
      rv_fixture_add (fx, RV_VTOOLS, name, "toolsNotRunning", "vmx-07", vc, NULL);
    }
  else
    {
      rv_fixture_add (fx, RV_VCD, name, "False", "Client Device", vc, NULL);
      rv_fixture_add (fx, RV_VTOOLS, name, "toolsNotInstalled", "vmx-19", vc, NULL);
    }
}

/* A real HCX Manager lists no snapshots, ISOs, hardware or Tools (the simulator adds them as
 * extensions): model that for a VM. */
static void
forget_extensions (FerryVm *vm)
{
  ferry_vm_set_snapshot_count (vm, -1);
  ferry_vm_set_iso_mounted (vm, FERRY_TRI_STATE_UNKNOWN);
  ferry_vm_set_hardware_version (vm, NULL);
  ferry_vm_set_tools_status (vm, NULL);
}

static void
test_simulator (void)
{
  FerrySimOptions opts = { .n_vms = 60, .seed = 3 };
  FerrySimThread *sim = ferry_test_sim_start (&opts);
  g_autofree char *vcenter = NULL;
  g_autoptr (GListModel) mvms = fetch_manager (sim, &vcenter);
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  g_autofree char *dir = g_dir_make_tmp ("ferry-reconcile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) export_facts = NULL;
  g_autoptr (FerryFactSource) ms = NULL;
  g_autoptr (FerryInventoryFacts) manager = NULL;
  g_autoptr (GListModel) items = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  FerryVm *m[12];
  FerryReconcileItem *item;
  guint filled;
  g_autofree char *cmd = NULL;

  g_assert_cmpstr (vcenter, ==, "vc01.corp.local");
  g_assert_cmpuint (g_list_model_get_n_items (mvms), ==, 60);
  for (guint i = 0; i < G_N_ELEMENTS (m); i++)
    {
      m[i] = g_list_model_get_item (mvms, i);
      g_object_unref (m[i]); /* the list keeps them */
      g_assert_cmpuint (ferry_vm_get_n_nics (m[i]), >=, 1);
    }
  for (guint i = 5; i < 10; i++)
    forget_extensions (m[i]);

  /* The export: 0–4 as they are, 5–9 with the facts the manager lacks, 10 with more memory,
   * 11 on another network, 1 powered differently; two VMs the manager never had, and one of
   * the manager's names in another vCenter. */
  rv_fixture_add (fx, RV_VMETADATA, "4.6.1.0", "@date:2026-11-20 09:30:00", vcenter, NULL);
  for (guint i = 0; i < 12; i++)
    export_vm (fx, m[i], vcenter, i, ferry_vm_get_memory_mb (m[i]) * (i == 10 ? 2 : 1), i == 1,
               i == 11 ? "VLAN999-Elsewhere" : NULL, i >= 5 && i < 10);
  rv_fixture_add (fx, RV_VINFO, "ghost-01", "poweredOn", "False", "2", "4096", "10240", NULL);
  rv_fixture_add (fx, RV_VINFO, "ghost-02", "poweredOff", "False", "2", "4096", "10240", NULL);
  rv_fixture_add (fx, RV_VINFO, ferry_vm_get_name (m[0]), "poweredOn", "False", "2", "4096",
                  "10240", "", "", "19", "", "", "", "", "", "", "", "", "", "vm-9", "", "",
                  "vc02.corp.local", NULL);
  rv_fixture_write_xlsx (fx, path, RV_DIALECT_WORKBOOK, FALSE);
  export_facts = ferry_rvtools_import (&file, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_inventory_facts_get_vms (export_facts)), ==,
                    15);

  ms = ferry_fact_source_new (FERRY_FACT_SOURCE_KIND_HCX_MANAGER, "127.0.0.1", NULL, now);
  manager = ferry_inventory_facts_new (ms);
  ferry_inventory_facts_add_vms (manager, mvms, vcenter);
  items = ferry_inventory_reconcile (export_facts, manager, FERRY_RECONCILE_FLAG_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 15);
  g_assert_cmpuint (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_MATCHED), ==, 9);
  g_assert_cmpuint (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_CHANGED), ==, 3);
  g_assert_cmpuint (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_MISSING), ==, 3);
  for (guint i = 0; i < 12; i++)
    {
      item = item_at (items, i);
      g_assert_true (ferry_reconcile_item_get_manager_vm (item) == m[i]);
      g_assert_cmpint (ferry_reconcile_item_get_match (item), ==,
                       FERRY_RECONCILE_MATCH_NAME_VCENTER);
    }
  g_assert_cmpint (ferry_reconcile_item_get_changes (item_at (items, 1)), ==,
                   FERRY_RECONCILE_CHANGE_POWER_STATE);
  g_assert_cmpint (ferry_reconcile_item_get_changes (item_at (items, 10)), ==,
                   FERRY_RECONCILE_CHANGE_SIZE);
  g_assert_true (details_mention (item_at (items, 10), "Memory"));
  g_assert_cmpint (ferry_reconcile_item_get_changes (item_at (items, 11)), ==,
                   FERRY_RECONCILE_CHANGE_NICS);
  g_assert_true (details_mention (item_at (items, 11), "network VLAN999-Elsewhere → "));
  for (guint i = 12; i < 15; i++)
    g_assert_cmpint (ferry_reconcile_item_get_status (item_at (items, i)), ==,
                     FERRY_RECONCILE_MISSING);

  /* Enrichment: 5–9 get the export's four facts with the export as their source; 0–4 keep
   * the manager's own (the export's vmx-19 / toolsNotInstalled do not win). */
  filled = ferry_inventory_facts_enrich (manager, export_facts, items);
  g_assert_cmpuint (filled, ==, 5 * 4);
  for (guint i = 5; i < 10; i++)
    {
      FerryVmFacts *f = ferry_inventory_facts_lookup (manager, m[i]);
      g_autofree char *described = NULL;
      g_autofree char *age = NULL;

      g_assert_cmpint (ferry_vm_get_snapshot_count (m[i]), ==, 2);
      g_assert_cmpint (ferry_vm_get_iso_mounted (m[i]), ==, FERRY_TRI_STATE_YES);
      g_assert_cmpstr (ferry_vm_get_hardware_version (m[i]), ==, "vmx-07");
      g_assert_cmpstr (ferry_vm_get_tools_status (m[i]), ==, "toolsNotRunning");
      g_assert_cmpstr (f->oldest_snapshot, ==, "2026-09-01T08:00:00");
      g_assert_cmpstr (f->iso_file, ==, "[ds] iso/tools.iso");
      g_assert_nonnull (f->vm_uuid);
      for (FerryFact fact = FERRY_FACT_HARDWARE_VERSION; fact <= FERRY_FACT_ISO; fact++)
        {
          g_assert_nonnull (f->sources[fact]);
          g_assert_cmpint (ferry_fact_source_get_kind (f->sources[fact]), ==,
                           FERRY_FACT_SOURCE_KIND_RVTOOLS);
        }
      described = ferry_fact_source_describe (f->sources[FERRY_FACT_SNAPSHOTS]);
      g_assert_cmpstr (described, ==, "from the RVTools export of 20 Nov 2026, vc01");
      age = ferry_fact_source_describe_age (f->sources[FERRY_FACT_SNAPSHOTS], now);
      g_assert_true (g_str_has_suffix (age, "days old"));
      /* The manager's own facts keep the manager as their source. */
      g_assert_cmpint (ferry_fact_source_get_kind (f->sources[FERRY_FACT_POWER_STATE]), ==,
                       FERRY_FACT_SOURCE_KIND_HCX_MANAGER);
    }
  for (guint i = 0; i < 5; i++)
    {
      FerryVmFacts *f = ferry_inventory_facts_lookup (manager, m[i]);

      g_assert_cmpstr (ferry_vm_get_hardware_version (m[i]), !=, "vmx-07");
      g_assert_cmpstr (ferry_vm_get_tools_status (m[i]), !=, "toolsNotInstalled");
      g_assert_cmpint (ferry_fact_source_get_kind (f->sources[FERRY_FACT_TOOLS_STATUS]), ==,
                       FERRY_FACT_SOURCE_KIND_HCX_MANAGER);
      g_assert_cmpint (ferry_fact_source_get_kind (f->sources[FERRY_FACT_HARDWARE_VERSION]), ==,
                       FERRY_FACT_SOURCE_KIND_HCX_MANAGER);
      g_assert_nonnull (f->vm_uuid); /* facts the manager has no field for are copied */
    }

  ferry_sim_thread_stop (sim);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* Rehearsal: the simulator serves the imported estate (CSV form), and reconciling the export
 * with what it serves finds every VM unchanged: names, sizes, power states, NICs, networks. */
static void
test_rehearsal (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  g_autofree char *dir = g_dir_make_tmp ("ferry-rehearsal-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "export", NULL);
  g_autofree char *inventory = g_build_filename (dir, "inventory.json", NULL);
  g_autoptr (GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr (GFile) inventory_file = g_file_new_for_path (inventory);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) export_facts = NULL;
  g_autoptr (FerryInventoryFacts) manager = NULL;
  g_autoptr (GListModel) mvms = NULL;
  g_autoptr (GListModel) items = NULL;
  g_autofree char *vcenter = NULL;
  g_autofree char *cmd = NULL;
  FerrySimOptions opts = { 0 };
  FerrySimThread *sim;

  rv_fixture_add_estate (fx, 200);
  rv_fixture_write_csv (fx, csv, "RVTools_tab", RV_DIALECT_CSV, NULL);
  export_facts = ferry_rvtools_import (&csv_file, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ferry_rvtools_write_sim_inventory (export_facts, inventory_file, NULL, &error));
  g_assert_no_error (error);

  opts.inventory_file = inventory;
  sim = ferry_test_sim_start (&opts);
  mvms = fetch_manager (sim, &vcenter);
  g_assert_cmpuint (g_list_model_get_n_items (mvms), ==, 200);
  /* The export spans two vCenters, the simulator is one: match by (unique) name. */
  manager = ferry_inventory_facts_new (NULL);
  ferry_inventory_facts_add_vms (manager, mvms, NULL);
  items = ferry_inventory_reconcile (export_facts, manager, FERRY_RECONCILE_FLAG_NEW);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      FerryReconcileItem *item = item_at (items, i);
      g_autofree char *details
          = g_strjoinv ("; ", (char **)ferry_reconcile_item_get_details (item));

      if (ferry_reconcile_item_get_status (item) != FERRY_RECONCILE_MATCHED)
        g_error ("%s: status %d (%s)",
                 ferry_vm_get_name (ferry_reconcile_item_get_planned_vm (item)
                                        ?: ferry_reconcile_item_get_manager_vm (item)),
                 ferry_reconcile_item_get_status (item), details);
    }
  g_assert_cmpuint (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_MATCHED), ==, 200);
  {
    FerryVm *vm = ferry_reconcile_item_get_manager_vm (item_at (items, 0));
    FerryVm *planned = ferry_reconcile_item_get_planned_vm (item_at (items, 0));

    g_assert_cmpstr (ferry_vm_get_id (vm), ==, ferry_vm_get_id (planned));
    g_assert_cmpint (ferry_vm_get_disk_bytes (vm), ==, ferry_vm_get_disk_bytes (planned));
    g_assert_cmpstr (ferry_vm_get_hardware_version (vm), ==,
                     ferry_vm_get_hardware_version (planned));
    g_assert_cmpint (ferry_vm_get_snapshot_count (vm), ==, ferry_vm_get_snapshot_count (planned));
  }

  ferry_sim_thread_stop (sim);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reconcile/rules", test_rules);
  g_test_add_func ("/reconcile/ambiguous", test_ambiguous);
  g_test_add_func ("/reconcile/simulator", test_simulator);
  g_test_add_func ("/reconcile/rehearsal", test_rehearsal);
  return g_test_run ();
}
