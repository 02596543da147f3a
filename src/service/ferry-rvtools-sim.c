/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools-sim.c: an imported estate as an inventory file for the simulator
 *
 * The file holds the VMs in the virtualmachines item format of the HCX API (a bare JSON
 * array, ../shared/hcx-api.md §4), which `ferry-hcx-sim --inventory FILE` and
 * FerrySimOptions.inventory_file load: a team rehearses a wave against its own estate. Facts
 * the export does not know are left out, so the simulator fills in its defaults. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ferry-rvtools.h"

static void
add_string (JsonBuilder *b, const char *key, const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_vm (JsonBuilder *b, FerryVm *vm)
{
  const char *power = ferry_power_state_to_string (ferry_vm_get_power_state (vm));

  json_builder_begin_object (b);
  add_string (b, "id", ferry_vm_get_id (vm));
  add_string (b, "name", ferry_vm_get_name (vm));
  add_string (b, "entityType", "VirtualMachine");
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  add_string (b, "guestFullName", ferry_vm_get_guest_full_name (vm));
  add_string (b, "guestHostName", ferry_vm_get_guest_host_name (vm));
  if (ferry_vm_get_num_cpu (vm) > 0)
    {
      json_builder_set_member_name (b, "numCpu");
      json_builder_add_int_value (b, ferry_vm_get_num_cpu (vm));
    }
  if (ferry_vm_get_memory_mb (vm) > 0)
    {
      json_builder_set_member_name (b, "memorySizeMB");
      json_builder_add_int_value (b, ferry_vm_get_memory_mb (vm));
      json_builder_set_member_name (b, "memorySize");
      json_builder_add_int_value (b, ferry_vm_get_memory_mb (vm) * 1024 * 1024);
    }
  if (ferry_vm_get_disk_bytes (vm) >= 0)
    {
      json_builder_set_member_name (b, "diskSize");
      json_builder_add_int_value (b, ferry_vm_get_disk_bytes (vm));
    }
  json_builder_end_object (b);
  /* The simulator knows on and off; a suspended VM is not running. */
  add_string (b, "powerState", power && g_str_equal (power, "suspended") ? "poweredOff" : power);
  json_builder_set_member_name (b, "networkDevices");
  json_builder_begin_array (b);
  for (guint i = 0; i < ferry_vm_get_n_nics (vm); i++)
    {
      FerryNic *nic = ferry_vm_get_nic (vm, i);

      if (ferry_nic_get_network_id (nic) == NULL)
        continue;
      json_builder_begin_object (b);
      add_string (b, "label", ferry_nic_get_label (nic));
      add_string (b, "macAddress", ferry_nic_get_mac_address (nic));
      add_string (b, "networkId", ferry_nic_get_network_id (nic));
      add_string (b, "networkName", ferry_nic_get_network_name (nic));
      add_string (b, "networkType",
                  ferry_nic_get_network_type (nic) ?: "DistributedVirtualPortgroup");
      json_builder_set_member_name (b, "connected");
      json_builder_add_boolean_value (b, ferry_nic_get_connected (nic));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_string (b, "folder", ferry_vm_get_folder (vm));
  add_string (b, "cluster", ferry_vm_get_cluster (vm));
  add_string (b, "datastore", ferry_vm_get_datastore (vm));
  add_string (b, "hardwareVersion", ferry_vm_get_hardware_version (vm));
  add_string (b, "toolsStatus", ferry_vm_get_tools_status (vm));
  if (ferry_vm_get_snapshot_count (vm) >= 0)
    {
      json_builder_set_member_name (b, "snapshotCount");
      json_builder_add_int_value (b, ferry_vm_get_snapshot_count (vm));
    }
  if (ferry_vm_get_iso_mounted (vm) != FERRY_TRI_STATE_UNKNOWN)
    {
      json_builder_set_member_name (b, "isoMounted");
      json_builder_add_boolean_value (b, ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_YES);
    }
  json_builder_end_object (b);
}

gboolean
ferry_rvtools_write_sim_inventory (FerryInventoryFacts *facts, GFile *file,
                                   GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *data = NULL;
  GListModel *vms;
  gsize len;

  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (facts), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  vms = ferry_inventory_facts_get_vms (facts);
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (vms); i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);

      add_vm (b, vm);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  data = json_generator_to_data (gen, &len);
  return g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                  cancellable, error);
}
