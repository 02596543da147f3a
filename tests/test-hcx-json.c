/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hcx-json.c: the client's JSON parsing from literal answers (every envelope and variant). */

#include "config.h"

#include <string.h>

#include "ferry-hcx-json.h"

static JsonNode *
parse_ok (const char *json)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr (GError) error = NULL;
  JsonNode *root = ferry_hcx_json_parse (bytes, "hcx.example", &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static void
assert_parse_fails (const char *json, const char *expected_fragment)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = ferry_hcx_json_parse (bytes, "hcx.example", &error);

  g_assert_null (root);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "hcx.example"));
  if (expected_fragment != NULL)
    g_assert_nonnull (strstr (error->message, expected_fragment));
}

static void
test_bad_bodies (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) none = ferry_hcx_json_parse (NULL, "hcx.example", &error);

  g_assert_null (none);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
  assert_parse_fails ("", "empty");
  assert_parse_fails ("   \n ", "empty");
  /* json-glib 1.6 decodes a lone surrogate escape and an octal escape into bytes that are not
   * UTF-8: refused, in a value and in a member name. */
  assert_parse_fails ("{\"items\":[{\"name\":\"vm\\ud800-1\"}]}", "UTF-8");
  assert_parse_fails ("{\"items\":[{\"name\":\"vm\\377\"}]}", "UTF-8");
  assert_parse_fails ("{\"items\":[{\"\\udc00id\":\"vm-1\"}]}", "UTF-8");
  assert_parse_fails ("<map><entry><string>a</string></entry></map>", "XML");
  assert_parse_fails ("<?xml version=\"1.0\"?><map/>", "XML");
  assert_parse_fails ("<!DOCTYPE html><html><body>Login</body></html>", "HTML");
  assert_parse_fails ("<html><body>502 Bad Gateway</body></html>", "HTML");
  assert_parse_fails ("{\"data\":{\"items\":[{\"id\":\"vm-1\",", "malformed");
  assert_parse_fails ("{nonsense", "malformed");
}

static GPtrArray *
items_of (const char *json, FerryHcxJsonItemFunc func)
{
  g_autoptr (JsonNode) root = parse_ok (json);
  g_autoptr (GError) error = NULL;
  GPtrArray *items = ferry_hcx_json_to_array (root, func, "hcx.example", &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
test_envelopes (void)
{
  static const char *variants[] = {
    /* 1. hybridity envelope */
    "{\"success\":true,\"completed\":true,\"time\":1582194800716,\"version\":\"1.0\","
    "\"data\":{\"items\":[{\"endpointId\":\"e1\",\"name\":\"a\"},{\"endpointId\":\"e2\",\"name\":"
    "\"b\"}]},"
    "\"errors\":[]}",
    /* 2. bare */
    "{\"items\":[{\"endpointId\":\"e1\",\"name\":\"a\"},{\"endpointId\":\"e2\",\"name\":\"b\"}]}",
    /* 3. query envelope */
    "{\"data\":{\"items\":[{\"endpointId\":\"e1\",\"name\":\"a\"},{\"endpointId\":\"e2\",\"name\":"
    "\"b\"}]}}",
    /* data as an array, and a bare array */
    "{\"data\":[{\"endpointId\":\"e1\",\"name\":\"a\"},{\"endpointId\":\"e2\",\"name\":\"b\"}]}",
    "[{\"endpointId\":\"e1\",\"name\":\"a\"},{\"endpointId\":\"e2\",\"name\":\"b\"}, 42, null]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr (GPtrArray) items
          = items_of (variants[i], (FerryHcxJsonItemFunc)ferry_hcx_json_to_site);

      g_assert_cmpuint (items->len, ==, 2);
      g_assert_cmpstr (ferry_site_get_endpoint_id (g_ptr_array_index (items, 0)), ==, "e1");
      g_assert_cmpstr (ferry_site_get_name (g_ptr_array_index (items, 1)), ==, "b");
    }
}

static void
test_no_list (void)
{
  g_autoptr (JsonNode) root = parse_ok ("{\"success\":true,\"data\":{\"something\":1}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = ferry_hcx_json_to_array (
      root, (FerryHcxJsonItemFunc)ferry_hcx_json_to_site, "hcx.example", &error);
  g_autoptr (JsonNode) empty = parse_ok ("{\"items\":[]}");
  g_autoptr (GPtrArray) none = ferry_hcx_json_to_array (
      empty, (FerryHcxJsonItemFunc)ferry_hcx_json_to_site, "hcx.example", NULL);

  g_assert_null (items);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
  {
    g_autoptr (JsonNode) failed
        = parse_ok ("{\"success\":false,\"completed\":true,\"errors\":[{\"error\":\"Inventory\","
                    "\"text\":\"vCenter is not reachable\"}]}");
    g_autoptr (GError) error2 = NULL;
    g_autoptr (GPtrArray) none2 = ferry_hcx_json_to_array (
        failed, (FerryHcxJsonItemFunc)ferry_hcx_json_to_site, "hcx.example", &error2);

    g_assert_null (none2);
    g_assert_error (error2, FERRY_HCX_ERROR, FERRY_HCX_ERROR_SERVER_ERROR);
    g_assert_nonnull (strstr (error2->message, "vCenter is not reachable"));
    g_assert_nonnull (strstr (error2->message, "hcx.example"));
  }
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_vm_full (void)
{
  const char *json
      = "{\"success\":true,\"data\":{\"items\":[{\"id\":\"vm-1042\",\"name\":\"web-01\","
        "\"entityType\":\"VirtualMachine\",\"unknownField\":{\"deep\":[1,2,3]},"
        "\"summary\":{\"guestFullName\":\"Ubuntu Linux (64-bit)\",\"guestId\":\"ubuntu64Guest\","
        "\"guestHostName\":\"web-01.corp\",\"numCpu\":\"4\",\"memorySizeMB\":\"8192\","
        "\"memorySize\":8589934592,\"diskSize\":\"107374182400\"},"
        "\"network\":[{\"type\":\"DistributedVirtualPortgroup\",\"value\":\"dvportgroup-45\","
        "\"id\":\"dvportgroup-45\",\"name\":\"VLAN100-Web\",\"displayName\":\"VLAN100-Web\"}],"
        "\"powerState\":\"poweredOn\",\"networkDevices\":[{\"label\":\"Network adapter 1\","
        "\"macAddress\":\"00:50:56:8a:01:02\",\"networkId\":\"dvportgroup-45\","
        "\"networkName\":\"VLAN100-Web\",\"networkType\":\"DistributedVirtualPortgroup\","
        "\"connected\":true},{\"label\":\"Network adapter 2\",\"networkId\":\"dvportgroup-46\","
        "\"connected\":\"false\",\"isPrimaryNic\":true}],\"folder\":\"Workloads/"
        "Web\",\"cluster\":\"Cluster-A\","
        "\"datastore\":\"vsanDatastore\",\"hardwareVersion\":\"vmx-19\",\"toolsStatus\":"
        "\"toolsOk\","
        "\"snapshotCount\":\"2\",\"isoMounted\":false}],\"paging\":{\"totalSize\":\"5000\"}}}";
  g_autoptr (JsonNode) root = parse_ok (json);
  g_autoptr (GPtrArray) items = NULL;
  FerryVm *vm;
  FerryNic *nic;

  g_assert_cmpint (ferry_hcx_json_find_total (root), ==, 5000);
  items = ferry_hcx_json_to_array (root, (FerryHcxJsonItemFunc)ferry_hcx_json_to_vm, "hcx.example",
                                   NULL);
  g_assert_cmpuint (items->len, ==, 1);
  vm = g_ptr_array_index (items, 0);
  g_assert_cmpstr (ferry_vm_get_id (vm), ==, "vm-1042");
  g_assert_cmpstr (ferry_vm_get_name (vm), ==, "web-01");
  g_assert_cmpstr (ferry_vm_get_guest_full_name (vm), ==, "Ubuntu Linux (64-bit)");
  g_assert_cmpstr (ferry_vm_get_guest_host_name (vm), ==, "web-01.corp");
  g_assert_cmpint (ferry_vm_get_num_cpu (vm), ==, 4);
  g_assert_cmpint (ferry_vm_get_memory_mb (vm), ==, 8192);
  g_assert_cmpint (ferry_vm_get_disk_bytes (vm), ==, G_GINT64_CONSTANT (107374182400));
  g_assert_cmpint (ferry_vm_get_power_state (vm), ==, FERRY_POWER_STATE_ON);
  g_assert_cmpstr (ferry_vm_get_folder (vm), ==, "Workloads/Web");
  g_assert_cmpstr (ferry_vm_get_cluster (vm), ==, "Cluster-A");
  g_assert_cmpint (ferry_vm_get_hardware_version_number (vm), ==, 19);
  g_assert_cmpint (ferry_vm_get_snapshot_count (vm), ==, 2);
  g_assert_cmpint (ferry_vm_get_iso_mounted (vm), ==, FERRY_TRI_STATE_NO);
  g_assert_cmpuint (ferry_vm_get_n_nics (vm), ==, 2);
  nic = ferry_vm_get_nic (vm, 0);
  g_assert_cmpstr (ferry_nic_get_mac_address (nic), ==, "00:50:56:8a:01:02");
  g_assert_cmpstr (ferry_nic_get_network_id (nic), ==, "dvportgroup-45");
  g_assert_true (ferry_nic_get_connected (nic));
  g_assert_cmpint (ferry_nic_get_primary (nic), ==, FERRY_TRI_STATE_UNKNOWN);
  nic = ferry_vm_get_nic (vm, 1);
  g_assert_false (ferry_nic_get_connected (nic));
  g_assert_cmpint (ferry_nic_get_primary (nic), ==, FERRY_TRI_STATE_YES);
  g_assert_null (ferry_nic_get_mac_address (nic));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_vm_get_nics (vm)), ==, 2);
  g_assert_nonnull (strstr (ferry_vm_get_search_key (vm), "web-01"));
}

static void
test_vm_minimal (void)
{
  /* Only the [real] fields, with memorySize instead of memorySizeMB and no networkDevices. */
  const char *json
      = "{\"items\":[{\"id\":\"vm-7\",\"name\":\"db\",\"summary\":{\"memorySize\":\"2147483648\"},"
        "\"network\":[{\"id\":\"dvportgroup-9\",\"name\":\"VLAN9\",\"type\":\"Network\"}]},"
        "{\"id\":12345}]}";
  g_autoptr (GPtrArray) items = items_of (json, (FerryHcxJsonItemFunc)ferry_hcx_json_to_vm);
  FerryVm *vm = g_ptr_array_index (items, 0);
  FerryVm *bare = g_ptr_array_index (items, 1);

  g_assert_cmpint (ferry_vm_get_memory_mb (vm), ==, 2048);
  g_assert_cmpint (ferry_vm_get_num_cpu (vm), ==, -1);
  g_assert_cmpint (ferry_vm_get_disk_bytes (vm), ==, -1);
  g_assert_cmpint (ferry_vm_get_power_state (vm), ==, FERRY_POWER_STATE_UNKNOWN);
  g_assert_cmpint (ferry_vm_get_snapshot_count (vm), ==, -1);
  g_assert_cmpint (ferry_vm_get_iso_mounted (vm), ==, FERRY_TRI_STATE_UNKNOWN);
  g_assert_cmpint (ferry_vm_get_hardware_version_number (vm), ==, -1);
  g_assert_null (ferry_vm_get_tools_status (vm));
  g_assert_cmpuint (ferry_vm_get_n_nics (vm), ==, 1);
  g_assert_cmpstr (ferry_nic_get_network_id (ferry_vm_get_nic (vm, 0)), ==, "dvportgroup-9");
  g_assert_cmpstr (ferry_nic_get_network_name (ferry_vm_get_nic (vm, 0)), ==, "VLAN9");
  /* A numeric id is kept as text. */
  g_assert_cmpstr (ferry_vm_get_id (bare), ==, "12345");
  g_assert_null (ferry_vm_get_name (bare));
  g_assert_cmpuint (ferry_vm_get_n_nics (bare), ==, 0);
}

static void
test_inventory_items (void)
{
  g_autoptr (GPtrArray) nets = items_of (
      "{\"data\":{\"items\":[{\"entity_id\":\"/infra/segments/web\",\"name\":\"web-segment\","
      "\"entityType\":\"NsxtSegment\",\"type\":\"x\",\"href\":\"h\",\"extended\":\"true\","
      "\"vlanId\":\"100\"},{\"entity_id\":\"n2\",\"vlanId\":5000},{\"entity_id\":\"n3\","
      "\"vlanId\":120}]}}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_network);
  g_autoptr (GPtrArray) containers = items_of (
      "{\"data\":{\"items\":[{\"entity_id\":\"resgroup-9\",\"name\":\"Compute-ResourcePool\","
      "\"entityType\":\"resourcePool\",\"parent\":{\"type\":\"cluster\",\"value\":\"domain-c8\"}}]}"
      "}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_container);
  g_autoptr (GPtrArray) datastores = items_of (
      "{\"items\":[{\"entity_id\":\"datastore-61\",\"name\":\"vsanDatastore\",\"entityType\":"
      "\"Datastore\",\"capacityBytes\":\"1000\",\"freeBytes\":400.0},{\"entity_id\":\"group-p1\","
      "\"name\":\"pod\",\"entityType\":\"StoragePod\"}]}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_datastore);
  g_autoptr (GPtrArray) profiles = items_of (
      "{\"data\":{\"items\":[{\"name\":\"vSAN Default Storage Policy\",\"type\":\"t\"}]}}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_storage_profile);
  g_autoptr (GPtrArray) rcs = items_of (
      "{\"data\":{\"items\":[{\"url\":\"https://vc01\",\"vcuuid\":\"u\",\"name\":\"vc01\","
      "\"resourceId\":\"r1\",\"resourceType\":\"VC\",\"resourceName\":\"vc01\","
      "\"endpoint\":{\"endpointId\":\"e9\",\"name\":\"local\",\"cloudType\":\"VC\"},"
      "\"isLocal\":\"true\"}]}}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_resource_container);
  FerryNetwork *net = g_ptr_array_index (nets, 0);
  FerryContainer *c = g_ptr_array_index (containers, 0);
  FerryDatastore *ds = g_ptr_array_index (datastores, 0);
  FerryResourceContainer *rc = g_ptr_array_index (rcs, 0);

  g_assert_cmpstr (ferry_network_get_id (net), ==, "/infra/segments/web");
  g_assert_cmpstr (ferry_network_get_entity_type (net), ==, "NsxtSegment");
  g_assert_true (ferry_network_get_extended (net));
  g_assert_cmpuint (ferry_network_get_vlan_id (net), ==, 100);
  g_assert_cmpuint (ferry_network_get_vlan_id (g_ptr_array_index (nets, 1)), ==,
                    0); /* out of range */
  g_assert_cmpuint (ferry_network_get_vlan_id (g_ptr_array_index (nets, 2)), ==, 120);
  g_assert_cmpstr (ferry_container_get_parent_id (c), ==, "domain-c8");
  g_assert_cmpstr (ferry_container_get_parent_type (c), ==, "cluster");
  g_assert_cmpint (ferry_datastore_get_capacity_bytes (ds), ==, 1000);
  g_assert_cmpint (ferry_datastore_get_free_bytes (ds), ==, 400);
  g_assert_false (ferry_datastore_get_is_cluster (ds));
  g_assert_true (ferry_datastore_get_is_cluster (g_ptr_array_index (datastores, 1)));
  g_assert_cmpint (ferry_datastore_get_free_bytes (g_ptr_array_index (datastores, 1)), ==, -1);
  g_assert_cmpstr (ferry_storage_profile_get_name (g_ptr_array_index (profiles, 0)), ==,
                   "vSAN Default Storage Policy");
  g_assert_cmpstr (ferry_resource_container_get_endpoint_id (rc), ==, "e9");
  g_assert_cmpstr (ferry_resource_container_get_endpoint_name (rc), ==, "local");
  g_assert_true (ferry_resource_container_get_is_local (rc));
}

static void
test_interconnect (void)
{
  g_autoptr (GPtrArray) cps = items_of (
      "{\"items\":[{\"computeProfileId\":\"cp-1\",\"name\":\"onprem-cp\",\"state\":\"VALID\","
      "\"compute\":[{\"cmpId\":\"x\",\"cmpName\":\"dc1\"}],\"services\":[{\"name\":"
      "\"INTERCONNECT\"},"
      "{\"name\":\"BULK_MIGRATION\"},{\"name\":\"VMOTION\",\"enabled\":false},\"RAV\"]}]}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_compute_profile);
  g_autoptr (GPtrArray) meshes = items_of (
      "{\"items\":[{\"serviceMeshId\":\"sm-1\",\"name\":\"mesh\",\"computeProfiles\":["
      "{\"computeProfileId\":\"cp-1\",\"computeProfileName\":\"onprem-cp\",\"endpointId\":\"e1\","
      "\"endpointName\":\"src\",\"isInitiator\":true},{\"computeProfileId\":\"cp-2\","
      "\"endpointId\":\"e2\"}],\"services\":[{\"name\":\"BULK_MIGRATION\"}],"
      "\"lastTaskDetails\":{\"type\":\"DEPLOY\",\"status\":\"SUCCESS\"}}]}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_service_mesh);
  FerryComputeProfile *cp = g_ptr_array_index (cps, 0);
  FerryServiceMesh *mesh = g_ptr_array_index (meshes, 0);

  g_assert_cmpstr (ferry_compute_profile_get_id (cp), ==, "cp-1");
  g_assert_true (ferry_compute_profile_has_service (cp, "BULK_MIGRATION"));
  g_assert_true (ferry_compute_profile_has_service (cp, "RAV"));
  g_assert_false (ferry_compute_profile_has_service (cp, "VMOTION"));
  g_assert_cmpstr (ferry_compute_profile_get_compute_names (cp)[0], ==, "dc1");
  g_assert_cmpuint (ferry_service_mesh_get_n_members (mesh), ==, 2);
  g_assert_true (ferry_service_mesh_get_member (mesh, 0)->is_initiator);
  g_assert_true (ferry_service_mesh_has_member (mesh, "cp-2", NULL));
  g_assert_true (ferry_service_mesh_has_member (mesh, NULL, "e1"));
  g_assert_true (ferry_service_mesh_has_service (mesh, "BULK_MIGRATION"));
  g_assert_false (ferry_service_mesh_has_service (mesh, "RAV"));
  g_assert_cmpstr (ferry_service_mesh_get_last_task_status (mesh), ==, "SUCCESS");
}

static void
test_migration_states (void)
{
  const char *json
      = "{\"data\":{\"items\":["
        /* 0: known intermediate state, numbers as strings */
        "{\"migrationId\":\"m1\",\"migrationGroupId\":\"g1\",\"migrationType\":"
        "\"vSphereReplication\","
        "\"state\":\"TRANSFER_IN_PROGRESS\",\"creationDate\":\"1767261600000\",\"entity\":{"
        "\"entityId\":"
        "\"vm-1\",\"entityName\":\"web-01\"},\"progress\":{\"total\":{\"value\":\"1000\","
        "\"bytesTransferred\":\"250\"},\"state\":{\"status\":\"TRANSFER\",\"message\":\"Copying\","
        "\"isTransferProgress\":true},\"log\":[{\"status\":\"VALIDATED\",\"message\":\"ok\","
        "\"lastUpdated\":1},{\"status\":\"TRANSFER_QUEUED\",\"lastUpdated\":\"2\"}]}},"
        /* 1: unknown state, finished only by isDone */
        "{\"migrationId\":\"m2\",\"state\":\"SOME_FUTURE_STATE\",\"progress\":{\"isDone\":\"true\","
        "\"percentComplete\":\"100\"}},"
        /* 2: unknown state, still running, no progress at all */
        "{\"migrationId\":\"m3\",\"state\":\"WEIRD\"},"
        /* 3: known terminal state without flags */
        "{\"migrationId\":\"m4\",\"state\":\"MIGRATION_CANCELLED\",\"progress\":{}},"
        /* 4: didFail */
        "{\"migrationId\":\"m5\",\"state\":\"X\",\"progress\":{\"didFail\":true}}"
        "]}}";
  g_autoptr (GPtrArray) items = items_of (json, (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration);
  FerryMigration *m;
  g_autoptr (FerryMigrationEvent) ev = NULL;

  g_assert_cmpuint (items->len, ==, 5);
  m = g_ptr_array_index (items, 0);
  g_assert_cmpstr (ferry_migration_get_state (m), ==, "TRANSFER_IN_PROGRESS");
  g_assert_cmpfloat_with_epsilon (ferry_migration_get_percent (m), 25.0, 0.001);
  g_assert_cmpint (ferry_migration_get_bytes_transferred (m), ==, 250);
  g_assert_cmpint (ferry_migration_get_total_bytes (m), ==, 1000);
  g_assert_cmpint (ferry_migration_get_creation_date (m), ==, G_GINT64_CONSTANT (1767261600000));
  g_assert_cmpstr (ferry_migration_get_entity_id (m), ==, "vm-1");
  g_assert_cmpstr (ferry_migration_get_status_message (m), ==, "Copying");
  g_assert_true (ferry_migration_get_is_transfer_progress (m));
  g_assert_false (ferry_migration_get_finished (m));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_migration_get_events (m)), ==, 2);
  ev = g_list_model_get_item (ferry_migration_get_events (m), 1);
  g_assert_cmpstr (ferry_migration_event_get_status (ev), ==, "TRANSFER_QUEUED");
  g_assert_cmpint (ferry_migration_event_get_last_updated (ev), ==, 2);

  m = g_ptr_array_index (items, 1);
  g_assert_cmpstr (ferry_migration_get_state (m), ==, "SOME_FUTURE_STATE");
  g_assert_true (ferry_migration_get_finished (m));
  g_assert_cmpfloat_with_epsilon (ferry_migration_get_percent (m), 100.0, 0.001);

  m = g_ptr_array_index (items, 2);
  g_assert_cmpstr (ferry_migration_get_state (m), ==, "WEIRD");
  g_assert_false (ferry_migration_get_finished (m));
  g_assert_cmpfloat (ferry_migration_get_percent (m), ==, -1.0); /* unknown, never 0 % */

  g_assert_true (ferry_migration_get_finished (g_ptr_array_index (items, 3)));
  g_assert_true (ferry_migration_get_finished (g_ptr_array_index (items, 4)));
  g_assert_true (ferry_migration_get_did_fail (g_ptr_array_index (items, 4)));
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_migration_update_from (void)
{
  g_autoptr (GPtrArray) a = items_of (
      "{\"data\":{\"items\":[{\"migrationId\":\"m1\",\"state\":\"TRANSFER_IN_PROGRESS\"}]}}",
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration);
  g_autoptr (GPtrArray) b
      = items_of ("{\"data\":{\"items\":[{\"migrationId\":\"m1\",\"state\":\"MIGRATION_COMPLETE\","
                  "\"progress\":{\"isDone\":true,\"log\":[{\"status\":\"DONE\"}]}}]}}",
                  (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration);
  FerryMigration *ma = g_ptr_array_index (a, 0);
  guint state_notified = 0;
  guint id_notified = 0;

  g_signal_connect_swapped (ma, "notify::state", G_CALLBACK (count_notify), &state_notified);
  g_signal_connect_swapped (ma, "notify::migration-id", G_CALLBACK (count_notify), &id_notified);
  ferry_migration_update_from (ma, g_ptr_array_index (b, 0));
  g_assert_cmpuint (state_notified, ==, 1);
  g_assert_cmpuint (id_notified, ==, 0); /* unchanged values are not notified */
  g_assert_cmpstr (ferry_migration_get_state (ma), ==, "MIGRATION_COMPLETE");
  g_assert_true (ferry_migration_get_finished (ma));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_migration_get_events (ma)), ==, 1);
}

typedef struct
{
  guint position, removed, added, calls;
} Changed;

static void
on_events_changed (GListModel *model, guint position, guint removed, guint added, Changed *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

static FerryMigration *
migration_with_log (const char *log)
{
  g_autofree char *json = g_strdup_printf (
      "{\"data\":{\"items\":[{\"migrationId\":\"m1\",\"progress\":{\"log\":[%s]}}]}}", log);
  g_autoptr (GPtrArray) items = items_of (json, (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration);

  return g_object_ref (g_ptr_array_index (items, 0));
}

/* A poll that brings one more log entry adds one entry: the others stay, the same objects, so
 * that a timeline bound to the log adds a row instead of rebuilding all of them. */
static void
test_migration_events_in_place (void)
{
  g_autoptr (FerryMigration) m = migration_with_log ("{\"status\":\"A\"},{\"status\":\"B\"}");
  GListModel *events = ferry_migration_get_events (m);
  g_autoptr (FerryMigrationEvent) first = g_list_model_get_item (events, 0);
  g_autoptr (FerryMigrationEvent) again = NULL;
  Changed c = { 0 };
  static const struct
  {
    const char *log;
    guint position, removed, added, n;
  } steps[] = {
    /* appended */
    { "{\"status\":\"A\"},{\"status\":\"B\"},{\"status\":\"C\"}", 2, 0, 1, 3 },
    /* the same again: nothing */
    { "{\"status\":\"A\"},{\"status\":\"B\"},{\"status\":\"C\"}", 2, 0, 1, 3 },
    /* the last one's message changed */
    { "{\"status\":\"A\"},{\"status\":\"B\"},{\"status\":\"C\",\"message\":\"x\"}", 2, 1, 1, 3 },
    /* prepended (a server listing the newest first) */
    { "{\"status\":\"Z\"},{\"status\":\"A\"},{\"status\":\"B\"},{\"status\":\"C\","
      "\"message\":\"x\"}",
      0, 0, 1, 4 },
    /* a log cut to its last entries */
    { "{\"status\":\"C\",\"message\":\"x\"}", 0, 3, 0, 1 },
  };

  g_signal_connect (events, "items-changed", G_CALLBACK (on_events_changed), &c);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (FerryMigration) fresh = migration_with_log (steps[i].log);
      guint calls = c.calls;

      ferry_migration_update_from (m, fresh);
      g_assert_cmpuint (g_list_model_get_n_items (events), ==, steps[i].n);
      if (i == 1)
        {
          g_assert_cmpuint (c.calls, ==, calls); /* unchanged: no signal */
          continue;
        }
      g_assert_cmpuint (c.calls, ==, calls + 1);
      g_assert_cmpuint (c.position, ==, steps[i].position);
      g_assert_cmpuint (c.removed, ==, steps[i].removed);
      g_assert_cmpuint (c.added, ==, steps[i].added);
      if (i < 3)
        {
          g_clear_object (&again);
          again = g_list_model_get_item (events, 0);
          g_assert_true (again == first); /* kept, not replaced */
        }
    }
}

static void
test_error_messages (void)
{
  static const struct
  {
    const char *json;
    const char *expected;
  } cases[] = {
    { "{\"errors\":[{\"error\":\"Login failure\",\"text\":\"Bad user\"}]}", "Bad user" },
    { "{\"errors\":[{\"code\":\"E1\",\"message\":\"VM is locked\"}]}", "VM is locked" },
    { "{\"success\":false,\"completed\":false,\"errorCode\":\"INVALID_CREDENTIALS\","
      "\"error\":\"Unauthorized\"}",
      "Unauthorized (INVALID_CREDENTIALS)" },
    { "{\"message\":\"Something broke\"}", "Something broke" },
    { "{\"errors\":[\"plain text\"]}", "plain text" },
    { "{\"data\":{\"errors\":[{\"message\":\"inner\"}]}}", "inner" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) root = parse_ok (cases[i].json);
      g_autofree char *msg = ferry_hcx_json_error_message (root);

      g_assert_cmpstr (msg, ==, cases[i].expected);
    }
  {
    g_autoptr (JsonNode) root = parse_ok ("{\"success\":true}");
    g_autofree char *msg = ferry_hcx_json_error_message (root);

    g_assert_null (msg);
  }
}

static void
test_validation_result (void)
{
  g_autoptr (JsonNode) root = parse_ok (
      "{\"errors\":[],\"warnings\":[{\"message\":\"general warning\"}],\"items\":["
      "{\"migrationId\":\"m1\",\"migrationGroupId\":\"g1\",\"entityId\":\"vm-1\",\"errors\":[],"
      "\"warnings\":[{\"message\":\"Snapshots will be removed\"}]},"
      "{\"entityId\":\"vm-2\",\"errors\":[{\"code\":\"POWER_STATE\",\"message\":\"VM must be "
      "powered off\"}]}]}");
  g_autoptr (FerryValidationResult) vr = ferry_hcx_json_to_validation_result (root);
  FerryValidationItem *item;
  g_autoptr (JsonNode) other = parse_ok ("{\"success\":true,\"data\":{}}");
  g_autoptr (FerryValidationResult) none = ferry_hcx_json_to_validation_result (other);

  g_assert_nonnull (vr);
  g_assert_null (none);
  g_assert_true (ferry_validation_result_has_errors (vr));
  g_assert_true (ferry_validation_result_has_warnings (vr));
  g_assert_cmpuint (ferry_validation_result_count_errors (vr), ==, 1);
  g_assert_cmpuint (ferry_validation_result_count_warnings (vr), ==, 2);
  g_assert_cmpstr (ferry_validation_result_get_migration_group_id (vr), ==, "g1");
  item = ferry_validation_result_find_item (vr, "vm-2");
  g_assert_nonnull (item);
  g_assert_true (ferry_validation_item_has_errors (item));
  g_assert_cmpstr (ferry_validation_item_get_errors (item)[0], ==, "VM must be powered off");
  g_assert_cmpstr (ferry_validation_item_get_error_codes (item)[0], ==, "POWER_STATE");
  item = ferry_validation_result_find_item (vr, "vm-1");
  g_assert_false (ferry_validation_item_has_errors (item));
  g_assert_cmpstr (ferry_validation_item_get_migration_id (item), ==, "m1");
}

static void
test_job_and_group (void)
{
  g_autoptr (JsonNode) root
      = parse_ok ("{\"jobId\":\"j1\",\"isQueued\":false,\"isDone\":\"true\",\"didFail\":false,"
                  "\"percentComplete\":\"42.5\",\"startTime\":1,\"endTime\":\"2\",\"jobData\":{}}");
  g_autoptr (FerryJob) job = ferry_hcx_json_to_job (json_node_get_object (root));
  g_autoptr (JsonNode) wrapped = parse_ok ("{\"success\":true,\"data\":{\"jobId\":\"j2\"}}");
  g_autoptr (FerryJob) job2 = ferry_hcx_json_to_job (json_node_get_object (wrapped));
  g_autoptr (JsonNode) groot
      = parse_ok ("{\"migrationGroupId\":\"g1\",\"name\":\"wave 1\",\"migrations\":[{},{}]}");
  g_autoptr (FerryMobilityGroup) group
      = ferry_hcx_json_to_mobility_group (json_node_get_object (groot));

  g_assert_cmpstr (ferry_job_get_id (job), ==, "j1");
  g_assert_true (ferry_job_get_is_done (job));
  g_assert_cmpfloat_with_epsilon (ferry_job_get_percent_complete (job), 42.5, 0.001);
  g_assert_cmpint (ferry_job_get_end_time (job), ==, 2);
  g_assert_cmpstr (ferry_job_get_id (job2), ==, "j2");
  g_assert_cmpstr (ferry_mobility_group_get_id (group), ==, "g1");
  g_assert_cmpint (ferry_mobility_group_get_n_migrations (group), ==, 2);
}

static void
test_intent_json (void)
{
  g_autoptr (FerryMigrationIntent) intent = ferry_migration_intent_new ();
  g_autoptr (FerryResourceContainer) src = ferry_resource_container_new ();
  g_autoptr (GListStore) store = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;
  JsonObject *item;
  FerryNetworkMapping mapping = { "dvportgroup-45",
                                  "DistributedVirtualPortgroup",
                                  "VLAN100",
                                  "/infra/segments/web",
                                  "NsxtSegment",
                                  "web",
                                  "00:50:56:8a:01:02",
                                  TRUE,
                                  TRUE };

  ferry_resource_container_set_endpoint_id (src, "e1");
  ferry_resource_container_set_resource_id (src, "vc-uuid");
  ferry_migration_intent_set_migration_type (intent, FERRY_MIGRATION_TYPE_VMOTION);
  ferry_migration_intent_set_entity_id (intent, "vm-1042");
  ferry_migration_intent_set_entity_name (intent, "web-01");
  ferry_migration_intent_set_source (intent, src);
  ferry_migration_intent_set_placement (intent, "cluster", "domain-c8", "Cluster-1");
  ferry_migration_intent_set_placement (intent, "folder", "group-v10", "Workloads");
  ferry_migration_intent_set_placement (intent, "cluster", "domain-c9", "Cluster-2");
  ferry_migration_intent_set_datastore_id (intent, "datastore-61");
  ferry_migration_intent_add_network_mapping (intent, &mapping);
  ferry_migration_intent_set_long_recovery (intent, TRUE);
  g_list_store_append (store, intent);

  node = ferry_hcx_json_from_intents (G_LIST_MODEL (store), "group-1");
  text = json_to_string (node, FALSE);
  item = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (node), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "migrationType"), ==, "vMotion");
  g_assert_cmpstr (json_object_get_string_member (item, "migrationGroupId"), ==, "group-1");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (item, "entity"), "entityId"),
      ==, "vm-1042");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (item, "source"), "resourceId"),
      ==, "vc-uuid");
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (item, "transferParams"), "transferType"),
                   ==, "NO_OP");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "placement")), ==,
                    2);
  g_assert_nonnull (strstr (text, "\"domain-c9\""));
  g_assert_null (strstr (text, "\"domain-c8\""));
  g_assert_nonnull (strstr (text, "\"removeISOs\":true"));
  g_assert_nonnull (strstr (text, "\"longRecovery\":true"));
  g_assert_nonnull (strstr (text, "\"diskProvisionType\":\"thin\""));
  g_assert_nonnull (strstr (text, "\"destNetworkId\":\"/infra/segments/web\""));
  g_assert_nonnull (strstr (text, "\"isPrimaryNic\":true"));
}

static void
test_accessors (void)
{
  g_autoptr (JsonNode) root = parse_ok (
      "{\"a\":\" 12 \",\"b\":1.9,\"c\":\"x\",\"d\":null,\"e\":\"1e3\",\"f\":\"yes\",\"g\":0,"
      "\"h\":[1],\"i\":\"99999999999999999999999\"}");
  JsonObject *o = json_node_get_object (root);

  g_assert_cmpint (ferry_json_get_int (o, "a", -1), ==, 12);
  g_assert_cmpint (ferry_json_get_int (o, "b", -1), ==, 1);
  g_assert_cmpint (ferry_json_get_int (o, "c", -1), ==, -1);
  g_assert_cmpint (ferry_json_get_int (o, "d", -1), ==, -1);
  g_assert_cmpint (ferry_json_get_int (o, "e", -1), ==, 1000);
  g_assert_cmpint (ferry_json_get_int (o, "h", -1), ==, -1);
  g_assert_cmpint (ferry_json_get_int (o, "i", -1), ==, -1);
  g_assert_cmpint (ferry_json_get_int (o, "missing", 7), ==, 7);
  g_assert_true (ferry_json_get_bool (o, "f", FALSE));
  g_assert_false (ferry_json_get_bool (o, "g", TRUE));
  g_assert_true (ferry_json_get_bool (o, "c", TRUE));
  g_assert_null (ferry_json_get_string (o, "b"));
  g_assert_null (ferry_json_get_object (o, "h"));
  g_assert_nonnull (ferry_json_get_array (o, "h"));
}

/* Never crash on input: every parser over mangled variants of real-looking answers. */
static void
test_mangled (void)
{
  static const char *samples[] = {
    "{\"success\":true,\"data\":{\"items\":[{\"id\":\"vm-1\",\"name\":\"a\",\"summary\":"
    "{\"numCpu\":\"4\",\"memorySizeMB\":8192},\"networkDevices\":[{\"macAddress\":\"x\","
    "\"connected\":true}],\"network\":[{\"id\":\"n\"}],\"isoMounted\":false}],"
    "\"paging\":{\"totalSize\":\"1\"}}}",
    "{\"data\":{\"items\":[{\"migrationId\":\"m\",\"state\":\"X\",\"entity\":{\"entityId\":1},"
    "\"progress\":{\"total\":{\"value\":\"10\",\"bytesTransferred\":5},\"state\":{},"
    "\"log\":[{\"status\":\"A\"},7,null]}}]}}",
    "{\"items\":[{\"serviceMeshId\":\"s\",\"computeProfiles\":[{\"computeProfileId\":\"c\"},1],"
    "\"services\":[{\"name\":\"RAV\"},\"VMOTION\",3]},{\"computeProfileId\":\"c\","
    "\"services\":null,\"compute\":[{\"cmpName\":\"d\"}]}]}",
    "{\"errors\":[{\"code\":\"E\",\"message\":\"m\"}],\"warnings\":[\"w\"],\"items\":[{"
    "\"entityId\":"
    "\"vm\",\"errors\":[{\"message\":\"x\"}],\"warnings\":{}}],\"jobId\":5}",
  };
  FerryHcxJsonItemFunc funcs[] = {
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_site,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_resource_container,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_vm,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_network,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_container,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_datastore,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_storage_profile,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_compute_profile,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_service_mesh,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_mobility_group,
    (FerryHcxJsonItemFunc)ferry_hcx_json_to_job,
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  static const char junk[] = "{}[]\",:0123456789truefalsenull \\x";
  guint parsed = 0;

  for (guint round = 0; round < 400; round++)
    {
      const char *sample = samples[round % G_N_ELEMENTS (samples)];
      gsize len = strlen (sample);
      g_autofree char *copy = g_strdup (sample);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (FerryValidationResult) vr = NULL;
      g_autofree char *message = NULL;
      guint n_mutations = g_rand_int_range (rand, 1, 4);

      for (guint m = 0; m < n_mutations; m++)
        copy[g_rand_int_range (rand, 0, (gint32)len)]
            = junk[g_rand_int_range (rand, 0, (gint32)sizeof junk - 1)];
      if (round % 5 == 0)
        len = g_rand_int_range (rand, 0, (gint32)len);
      bytes = g_bytes_new (copy, len);
      root = ferry_hcx_json_parse (bytes, "hcx.example", NULL);
      if (root == NULL)
        continue;
      parsed++;
      for (guint f = 0; f < G_N_ELEMENTS (funcs); f++)
        {
          g_autoptr (GPtrArray) items
              = ferry_hcx_json_to_array (root, funcs[f], "hcx.example", NULL);

          (void)items;
        }
      if (JSON_NODE_HOLDS_OBJECT (root))
        {
          g_autoptr (FerryJob) job = ferry_hcx_json_to_job (json_node_get_object (root));
          g_autoptr (FerryMobilityGroup) group
              = ferry_hcx_json_to_mobility_group (json_node_get_object (root));

          g_assert_nonnull (job);
          g_assert_nonnull (group);
        }
      vr = ferry_hcx_json_to_validation_result (root);
      message = ferry_hcx_json_error_message (root);
      (void)ferry_hcx_json_find_total (root);
    }
  /* Some survived the mangling and went all the way through the parsers. */
  g_assert_cmpuint (parsed, >, 20);
}

/* The streaming VM page parser must agree with the tree parser on everything it accepts. */
static gboolean
objects_equal (GObject *a, GObject *b)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;

      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &va);
      g_object_get_property (b, specs[i]->name, &vb);
      if (g_param_values_cmp (specs[i], &va, &vb) != 0)
        {
          g_test_message ("property %s differs", specs[i]->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
vms_equal (FerryVm *a, FerryVm *b)
{
  if (!objects_equal (G_OBJECT (a), G_OBJECT (b))
      || ferry_vm_get_n_nics (a) != ferry_vm_get_n_nics (b))
    return FALSE;
  for (guint i = 0; i < ferry_vm_get_n_nics (a); i++)
    if (!objects_equal (G_OBJECT (ferry_vm_get_nic (a, i)), G_OBJECT (ferry_vm_get_nic (b, i))))
      return FALSE;
  return TRUE;
}

/* Returns whether the fast parser accepted @json; if it did, asserts it agrees with the tree. */
static gboolean
check_fast_vs_tree (const char *json, gsize len)
{
  g_autoptr (GPtrArray) fast = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GBytes) bytes = g_bytes_new (json, len);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) tree = NULL;
  JsonArray *items;
  guint n_items = 0;
  gint64 total = -1;

  if (!ferry_hcx_json_parse_vm_page_fast (json, len, fast, &n_items, &total))
    {
      g_assert_cmpuint (fast->len, ==, 0);
      return FALSE;
    }
  root = ferry_hcx_json_parse (bytes, "hcx.example", NULL);
  if (root == NULL)
    g_error ("fast parser accepted what json-glib rejects: %.*s", (int)MIN (len, 300), json);
  items = ferry_hcx_json_find_items (root);
  g_assert_nonnull (items);
  g_assert_cmpuint (n_items, ==, json_array_get_length (items));
  g_assert_cmpint (total, ==, ferry_hcx_json_find_total (root));
  tree = ferry_hcx_json_to_array (root, (FerryHcxJsonItemFunc)ferry_hcx_json_to_vm, "h", NULL);
  g_assert_nonnull (tree);
  g_assert_cmpuint (fast->len, ==, tree->len);
  for (guint i = 0; i < fast->len; i++)
    if (!vms_equal (g_ptr_array_index (fast, i), g_ptr_array_index (tree, i)))
      g_error ("VM %u differs between the parsers in: %.*s", i, (int)MIN (len, 400), json);
  return TRUE;
}

static const char *vm_pages[] = {
  /* the full item, numbers as strings, unknown members, paging after the items */
  "{\"success\":true,\"data\":{\"items\":[{\"id\":\"vm-1042\",\"name\":\"web-01\","
  "\"entityType\":\"VirtualMachine\",\"unknownField\":{\"deep\":[1,2,{\"x\":null}]},"
  "\"summary\":{\"guestFullName\":\"Ubuntu Linux (64-bit)\",\"guestId\":\"ubuntu64Guest\","
  "\"guestHostName\":\"web-01.corp\",\"numCpu\":\"4\",\"memorySizeMB\":\"8192\","
  "\"memorySize\":8589934592,\"diskSize\":\"107374182400\"},"
  "\"network\":[{\"type\":\"DistributedVirtualPortgroup\",\"value\":\"dvportgroup-45\","
  "\"id\":\"dvportgroup-45\",\"name\":\"VLAN100-Web\"}],\"powerState\":\"poweredOn\","
  "\"networkDevices\":[{\"label\":\"Network adapter 1\",\"macAddress\":\"00:50:56:8a:01:02\","
  "\"networkId\":\"dvportgroup-45\",\"networkName\":\"VLAN100-Web\",\"connected\":true,"
  "\"isPrimaryNic\":false},{\"label\":\"Network adapter 2\",\"network\":\"dvportgroup-46\","
  "\"mac\":\"m\",\"connected\":\"false\",\"primary\":true},7,null],\"folder\":\"Workloads/"
  "Web\",\"cluster\":\"Cluster-A\","
  "\"datastore\":\"vsanDatastore\",\"hardwareVersion\":\"vmx-19\",\"toolsStatus\":\"toolsOk\","
  "\"snapshotCount\":\"2\",\"isoMounted\":false}],\"paging\":{\"totalSize\":\"5000\"}}}",
  /* bare envelope, minimal items, numeric id, non-objects in the list */
  "{\"items\":[{\"id\":\"vm-7\",\"name\":\"db\",\"summary\":{\"memorySize\":\"2147483648\"},"
  "\"network\":[{\"id\":\"dvportgroup-9\",\"name\":\"VLAN9\",\"type\":\"Network\"}]},"
  "{\"id\":12345},42,\"x\",[],{}],\"paging\":{\"totalCount\":3}}",
  /* precedence: top-level vs summary, name vs entityName, duplicates (last wins), escapes */
  "{\"data\":{\"totalSize\":9,\"items\":[{\"entityId\":\"e-1\",\"entity_id\":\"e-2\","
  "\"entityName\":\"n\\u00e9\\\"q\\\\\",\"name\":5,\"guestId\":\"top\",\"numCpu\":3,"
  "\"summary\":{\"guestId\":\"sum\",\"numCpu\":-1,\"memorySizeMB\":1.5e3,\"powerState\":"
  "\"poweredOff\"},\"powerState\":null,\"snapshotCount\":1.9,\"isoMounted\":\"yes\","
  "\"folder\":\"a\\/b\\n\\t\\ud83d\\ude00\",\"cluster\":\"c1\",\"cluster\":\"c2\","
  "\"networkDevices\":{\"not\":\"an array\"},\"network\":[{\"value\":\"v\",\"displayName\":"
  "\"d\"}]},{\"id\":1.5,\"isoMounted\":1,\"snapshotCount\":\" 12 \",\"summary\":\"no\","
  "\"summary\":{\"diskSize\":\"1e2\"},\"diskSize\":7}]}}",
  /* odd values everywhere */
  "{\"data\":{\"items\":[{\"id\":true,\"name\":[1],\"isoMounted\":{},\"numCpu\":"
  "99999999999,\"snapshotCount\":-5,\"summary\":{\"numCpu\":\"abc\",\"memorySizeMB\":-3,"
  "\"memorySize\":-1},\"networkDevices\":[]}],\"paging\":{\"totalSize\":-4,"
  "\"totalCount\":\"8\"}},\"errors\":[]}",
  /* escaped keys (the in-place reader matches them unescaped), escapes that shrink to multibyte
   * UTF-8, raw non-ASCII after a long ASCII run, a key that only shares a prefix */
  "{\"items\":[{\"na\\u006de\":\"caf\\u00e9 \\u20ac \\ud83d\\ude00\",\"\\u0069d\":\"vm-\\u0031\","
  "\"folderX\":\"no\",\"folder\":\"Abteilung/Gr\xc3\xbc\xc3\x9f"
  "e \xe2\x82\xac/\xf0\x9f\x9a\xa2\","
  "\"summary\":{\"numCpu\":123456789012345678,\"memorySizeMB\":-0,\"diskSize\":1234567890123456789}"
  ","
  "\"networkDevices\":[{\"label\":\"\\\"a\\\\b\\/c\\b\\f\\n\\r\\t\",\"connected\":0}]}]}",
};

static void
test_vm_page_fast (void)
{
  static const char *rejected[] = {
    "",
    "   ",
    "<html></html>",
    "[{\"id\":1}]",
    "{\"data\":[{\"id\":1}]}",
    "{\"items\":[],\"data\":{\"items\":[]}}",
    "{\"data\":{\"items\":[{\"id\":1}]}} x",
    "{\"items\":[{\"id\":01}]}",
    "{\"items\":[{\"id\":\"\\ud800\"}]}",
    "{\"items\":[{\"id\":\"a\\u0000b\"}]}",
    "{\"items\":[{\"id\":\"a\\x\"}]}",
    "{\"items\":[{\"id\":123456789012345678901234567890}]}",
    "{\"success\":true}",
    "{\"items\":[{\"id\":\"a\",}]}",
    "{\"items\":[{\"id\":\"\xff\"}]}",
    "{\"items\":[{\"id\":\"a long run of plain ASCII first\xc3\"}]}",
    "{\"items\":[{\"name\":\"unterminated}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vm_pages); i++)
    g_assert_true (check_fast_vs_tree (vm_pages[i], strlen (vm_pages[i])));
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    g_assert_false (check_fast_vs_tree (rejected[i], strlen (rejected[i])));
}

static void
test_vm_page_fast_mangled (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  static const char junk[] = "{}[]\",:0123456789.-eEtruefalsenull \\u/x";
  guint accepted = 0;

  for (guint round = 0; round < 3000; round++)
    {
      const char *page = vm_pages[round % G_N_ELEMENTS (vm_pages)];
      gsize len = strlen (page);
      g_autofree char *copy = g_strdup (page);
      guint n = g_rand_int_range (rand, 1, 3);

      for (guint m = 0; m < n; m++)
        copy[g_rand_int_range (rand, 0, (gint32)len)]
            = junk[g_rand_int_range (rand, 0, (gint32)sizeof junk - 1)];
      if (round % 7 == 0)
        len = g_rand_int_range (rand, 0, (gint32)len);
      accepted += check_fast_vs_tree (copy, len);
    }
  g_test_message ("%u mangled pages accepted and identical", accepted);
  g_assert_cmpuint (accepted, >, 100);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hcx-json/bad-bodies", test_bad_bodies);
  g_test_add_func ("/hcx-json/envelopes", test_envelopes);
  g_test_add_func ("/hcx-json/no-list", test_no_list);
  g_test_add_func ("/hcx-json/accessors", test_accessors);
  g_test_add_func ("/hcx-json/vm-full", test_vm_full);
  g_test_add_func ("/hcx-json/vm-minimal", test_vm_minimal);
  g_test_add_func ("/hcx-json/inventory", test_inventory_items);
  g_test_add_func ("/hcx-json/interconnect", test_interconnect);
  g_test_add_func ("/hcx-json/migration-states", test_migration_states);
  g_test_add_func ("/hcx-json/migration-update-from", test_migration_update_from);
  g_test_add_func ("/hcx-json/migration-events-in-place", test_migration_events_in_place);
  g_test_add_func ("/hcx-json/error-messages", test_error_messages);
  g_test_add_func ("/hcx-json/validation-result", test_validation_result);
  g_test_add_func ("/hcx-json/job-and-group", test_job_and_group);
  g_test_add_func ("/hcx-json/intent", test_intent_json);
  g_test_add_func ("/hcx-json/mangled", test_mangled);
  g_test_add_func ("/hcx-json/vm-page-fast", test_vm_page_fast);
  g_test_add_func ("/hcx-json/vm-page-fast-mangled", test_vm_page_fast_mangled);

  return g_test_run ();
}
