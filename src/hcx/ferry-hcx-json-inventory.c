/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json-inventory.c: JSON -> inventory models (sites, containers, VMs, networks,
 * datastores, storage and compute profiles, service meshes). */

#include "config.h"

#include "ferry-hcx-json-private.h"

/* Models -------------------------------------------------------------------------------------- */

FerrySite *
ferry_hcx_json_to_site (JsonObject *o)
{
  FerrySite *site = ferry_site_new ();
  g_autofree char *endpoint_id = ferry_json_dup_id_any (o, "endpointId", "id", NULL);

  ferry_site_set_endpoint_id (site, endpoint_id);
  ferry_site_set_name (site,
                       ferry_json_get_string_any (o, "name", "endpointName", "cloudName", NULL));
  ferry_site_set_url (site, ferry_json_get_string (o, "url"));
  ferry_site_set_cloud_type (site, ferry_json_get_string (o, "cloudType"));
  ferry_site_set_cloud_name (site, ferry_json_get_string (o, "cloudName"));
  ferry_site_set_version (site, ferry_json_get_string (o, "version"));
  ferry_site_set_build_number (site, ferry_json_get_string (o, "buildNumber"));
  ferry_site_set_username (site, ferry_json_get_string (o, "username"));
  return site;
}

FerryResourceContainer *
ferry_hcx_json_to_resource_container (JsonObject *o)
{
  FerryResourceContainer *rc = ferry_resource_container_new ();
  JsonObject *endpoint = ferry_json_get_object (o, "endpoint");
  const char *endpoint_id = ferry_json_get_string (o, "endpointId");
  const char *endpoint_name = ferry_json_get_string (o, "endpointName");
  const char *cloud_type = ferry_json_get_string (endpoint, "cloudType");

  if (endpoint_id == NULL)
    endpoint_id = ferry_json_get_string (endpoint, "endpointId");
  if (endpoint_name == NULL)
    endpoint_name = ferry_json_get_string (endpoint, "name");
  ferry_resource_container_set_name (rc, ferry_json_get_string (o, "name"));
  ferry_resource_container_set_url (rc, ferry_json_get_string (o, "url"));
  ferry_resource_container_set_vcuuid (rc, ferry_json_get_string (o, "vcuuid"));
  ferry_resource_container_set_version (rc, ferry_json_get_string (o, "version"));
  ferry_resource_container_set_build_number (rc, ferry_json_get_string (o, "buildNumber"));
  ferry_resource_container_set_resource_id (rc, ferry_json_get_string (o, "resourceId"));
  ferry_resource_container_set_resource_type (rc, ferry_json_get_string (o, "resourceType"));
  ferry_resource_container_set_resource_name (rc, ferry_json_get_string (o, "resourceName"));
  ferry_resource_container_set_endpoint_id (rc, endpoint_id);
  ferry_resource_container_set_endpoint_name (rc, endpoint_name);
  ferry_resource_container_set_endpoint_type (rc, ferry_json_get_string (o, "endpointType"));
  ferry_resource_container_set_cloud_type (rc, cloud_type);
  ferry_resource_container_set_is_local (rc, ferry_json_get_bool (o, "isLocal", FALSE));
  return rc;
}

static FerryTriState
get_tri_state (JsonObject *o, const char *member)
{
  JsonNode *node = ferry_json_get_member (o, member);

  if (node == NULL)
    return FERRY_TRI_STATE_UNKNOWN;
  if (ferry_json_get_bool (o, member, FALSE))
    return FERRY_TRI_STATE_YES;
  if (!ferry_json_get_bool (o, member, TRUE))
    return FERRY_TRI_STATE_NO;
  return FERRY_TRI_STATE_UNKNOWN;
}

/* A VM field may be at the top level or inside "summary". */
static const char *
vm_string (JsonObject *o, JsonObject *summary, const char *member)
{
  const char *s = ferry_json_get_string (o, member);

  return s != NULL ? s : ferry_json_get_string (summary, member);
}

static gint64
vm_int (JsonObject *o, JsonObject *summary, const char *member)
{
  gint64 v = ferry_json_get_int (summary, member, -1);

  return v >= 0 ? v : ferry_json_get_int (o, member, -1);
}

/* "isPrimaryNic" (or "primary") when the inventory says, as a boolean. */
static FerryTriState
nic_primary (JsonObject *d)
{
  static const char *const members[] = { "isPrimaryNic", "primary" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      gboolean yes = ferry_json_get_bool (d, members[i], TRUE);

      if (yes == ferry_json_get_bool (d, members[i], FALSE))
        return yes ? FERRY_TRI_STATE_YES : FERRY_TRI_STATE_NO;
    }
  return FERRY_TRI_STATE_UNKNOWN;
}

/* A NIC from "networkDevices" (the full details) or, without those, from "network": then there is
 * one NIC per network the VM is on. */
static FerryNic *
to_nic (JsonObject *d, gboolean from_device)
{
  FerryNic *nic = ferry_nic_new ();

  _ferry_nic_set_quiet (nic, TRUE);
  if (from_device)
    {
      ferry_nic_set_label (nic, ferry_json_get_string (d, "label"));
      ferry_nic_set_mac_address (nic, ferry_json_get_string_any (d, "macAddress", "mac", NULL));
      ferry_nic_set_network_id (nic, ferry_json_get_string_any (d, "networkId", "network", NULL));
      ferry_nic_set_network_name (nic, ferry_json_get_string (d, "networkName"));
      ferry_nic_set_network_type (nic, ferry_json_get_string (d, "networkType"));
      ferry_nic_set_connected (nic, ferry_json_get_bool (d, "connected", TRUE));
      ferry_nic_set_primary (nic, nic_primary (d));
    }
  else
    {
      ferry_nic_set_network_id (nic, ferry_json_get_string_any (d, "id", "value", NULL));
      ferry_nic_set_network_name (nic, ferry_json_get_string_any (d, "name", "displayName", NULL));
      ferry_nic_set_network_type (nic, ferry_json_get_string (d, "type"));
    }
  _ferry_nic_set_quiet (nic, FALSE);
  return nic;
}

FerryVm *
ferry_hcx_json_to_vm (JsonObject *o)
{
  FerryVm *vm = ferry_vm_new ();
  JsonObject *summary = ferry_json_get_object (o, "summary");
  JsonArray *devices = ferry_json_get_array (o, "networkDevices");
  JsonArray *networks = ferry_json_get_array (o, "network");
  JsonArray *nics = devices != NULL ? devices : networks;
  guint n_nics = nics != NULL ? json_array_get_length (nics) : 0;
  g_autofree char *id = ferry_json_dup_id_any (o, "id", "entityId", "entity_id");
  gint64 memory_mb = vm_int (o, summary, "memorySizeMB");
  gint64 num_cpu = vm_int (o, summary, "numCpu");
  gint64 snapshots = ferry_json_get_int (o, "snapshotCount", -1);
  const char *power = vm_string (o, summary, "powerState");

  _ferry_vm_set_quiet (vm, TRUE);
  if (memory_mb < 0)
    {
      gint64 bytes = vm_int (o, summary, "memorySize");

      if (bytes >= 0)
        memory_mb = bytes / (1024 * 1024);
    }
  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, ferry_json_get_string_any (o, "name", "entityName", NULL));
  ferry_vm_set_guest_full_name (vm, vm_string (o, summary, "guestFullName"));
  ferry_vm_set_guest_id (vm, vm_string (o, summary, "guestId"));
  ferry_vm_set_guest_host_name (vm, vm_string (o, summary, "guestHostName"));
  ferry_vm_set_num_cpu (vm, num_cpu >= 0 && num_cpu <= G_MAXINT ? (int)num_cpu : -1);
  ferry_vm_set_memory_mb (vm, memory_mb);
  ferry_vm_set_disk_bytes (vm, vm_int (o, summary, "diskSize"));
  ferry_vm_set_power_state (vm, ferry_power_state_from_string (power));
  ferry_vm_set_folder (vm, ferry_json_get_string (o, "folder"));
  ferry_vm_set_cluster (vm, ferry_json_get_string (o, "cluster"));
  ferry_vm_set_datastore (vm, ferry_json_get_string (o, "datastore"));
  ferry_vm_set_hardware_version (vm, vm_string (o, summary, "hardwareVersion"));
  ferry_vm_set_tools_status (vm, vm_string (o, summary, "toolsStatus"));
  ferry_vm_set_snapshot_count (vm, snapshots >= 0 && snapshots <= G_MAXINT ? (int)snapshots : -1);
  ferry_vm_set_iso_mounted (vm, get_tri_state (o, "isoMounted"));

  for (guint i = 0; i < n_nics; i++)
    {
      JsonObject *d = ferry_json_array_get_object (nics, i);
      g_autoptr (FerryNic) nic = NULL;

      if (d == NULL)
        continue;
      nic = to_nic (d, nics == devices);
      ferry_vm_add_nic (vm, nic);
    }
  _ferry_vm_set_quiet (vm, FALSE);
  return vm;
}

FerryNetwork *
ferry_hcx_json_to_network (JsonObject *o)
{
  FerryNetwork *net = ferry_network_new ();
  g_autofree char *id = ferry_json_dup_id_any (o, "entity_id", "entityId", "id");

  if (id == NULL)
    id = ferry_json_dup_id (o, "value");
  ferry_network_set_id (net, id);
  ferry_network_set_name (net, ferry_json_get_string_any (o, "name", "displayName", NULL));
  ferry_network_set_entity_type (net, ferry_json_get_string (o, "entityType"));
  ferry_network_set_network_type (net, ferry_json_get_string (o, "type"));
  ferry_network_set_href (net, ferry_json_get_string (o, "href"));
  ferry_network_set_extended (net, ferry_json_get_bool (o, "extended", FALSE));
  ferry_network_set_endpoint_id (net, ferry_json_get_string (o, "endpointId"));
  {
    gint64 vlan = ferry_json_get_int (o, "vlanId", 0);

    ferry_network_set_vlan_id (net, vlan >= 1 && vlan <= 4094 ? (guint)vlan : 0);
  }
  return net;
}

FerryContainer *
ferry_hcx_json_to_container (JsonObject *o)
{
  FerryContainer *c = ferry_container_new ();
  JsonObject *parent = ferry_json_get_object (o, "parent");
  g_autofree char *id = ferry_json_dup_id_any (o, "entity_id", "entityId", "id");
  g_autofree char *parent_id = ferry_json_dup_id_any (parent, "value", "id", "entity_id");

  ferry_container_set_id (c, id);
  ferry_container_set_name (c, ferry_json_get_string (o, "name"));
  ferry_container_set_entity_type (c, ferry_json_get_string_any (o, "entityType", "type", NULL));
  ferry_container_set_parent_id (c, parent_id);
  ferry_container_set_parent_type (c,
                                   ferry_json_get_string_any (parent, "type", "entityType", NULL));
  ferry_container_set_endpoint_id (c, ferry_json_get_string (o, "endpointId"));
  return c;
}

FerryDatastore *
ferry_hcx_json_to_datastore (JsonObject *o)
{
  FerryDatastore *ds = ferry_datastore_new ();
  g_autofree char *id = ferry_json_dup_id_any (o, "entity_id", "entityId", "id");
  const char *entity_type = ferry_json_get_string (o, "entityType");
  gboolean is_cluster = ferry_json_get_bool (o, "isCluster", FALSE)
                        || g_strcmp0 (entity_type, "StoragePod") == 0
                        || g_strcmp0 (entity_type, "DatastoreCluster") == 0;

  ferry_datastore_set_id (ds, id);
  ferry_datastore_set_name (ds, ferry_json_get_string (o, "name"));
  ferry_datastore_set_entity_type (ds, entity_type);
  ferry_datastore_set_capacity_bytes (ds, ferry_json_get_int (o, "capacityBytes", -1));
  ferry_datastore_set_free_bytes (ds, ferry_json_get_int (o, "freeBytes", -1));
  ferry_datastore_set_is_cluster (ds, is_cluster);
  ferry_datastore_set_endpoint_id (ds, ferry_json_get_string (o, "endpointId"));
  return ds;
}

FerryStorageProfile *
ferry_hcx_json_to_storage_profile (JsonObject *o)
{
  FerryStorageProfile *sp = ferry_storage_profile_new ();
  g_autofree char *id = ferry_json_dup_id_any (o, "id", "entity_id", "profileId");

  ferry_storage_profile_set_id (sp, id);
  ferry_storage_profile_set_name (sp, ferry_json_get_string (o, "name"));
  ferry_storage_profile_set_profile_type (sp, ferry_json_get_string (o, "type"));
  ferry_storage_profile_set_entity_type (sp, ferry_json_get_string (o, "entityType"));
  return sp;
}

/* services: [{"name":"BULK_MIGRATION"}, …] or ["BULK_MIGRATION", …] */
static GStrv
service_names (JsonArray *array, const char *member)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        name = json_node_get_string (node);
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *so = json_node_get_object (node);

          name = ferry_json_get_string (so, member);
          if (name == NULL)
            name = ferry_json_get_string (so, "name");
          /* An explicitly disabled entry does not count. */
          if (name != NULL && !ferry_json_get_bool (so, "enabled", TRUE))
            name = NULL;
        }
      if (name != NULL)
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

FerryComputeProfile *
ferry_hcx_json_to_compute_profile (JsonObject *o)
{
  FerryComputeProfile *cp = ferry_compute_profile_new ();
  g_autofree char *id = ferry_json_dup_id_any (o, "computeProfileId", "id", NULL);
  g_auto (GStrv) services = service_names (ferry_json_get_array (o, "services"), "name");
  g_auto (GStrv) compute = service_names (ferry_json_get_array (o, "compute"), "cmpName");

  ferry_compute_profile_set_id (cp, id);
  ferry_compute_profile_set_name (
      cp, ferry_json_get_string_any (o, "name", "computeProfileName", NULL));
  ferry_compute_profile_set_state (cp, ferry_json_get_string_any (o, "state", "status", NULL));
  ferry_compute_profile_set_endpoint_id (cp, ferry_json_get_string (o, "endpointId"));
  ferry_compute_profile_set_services (cp, (const char *const *)services);
  ferry_compute_profile_set_compute_names (cp, (const char *const *)compute);
  return cp;
}

FerryServiceMesh *
ferry_hcx_json_to_service_mesh (JsonObject *o)
{
  FerryServiceMesh *mesh = ferry_service_mesh_new ();
  g_autofree char *id = ferry_json_dup_id_any (o, "serviceMeshId", "id", NULL);
  g_auto (GStrv) services = service_names (ferry_json_get_array (o, "services"), "name");
  JsonArray *members = ferry_json_get_array (o, "computeProfiles");
  JsonObject *task = ferry_json_get_object (o, "lastTaskDetails");
  guint n = members != NULL ? json_array_get_length (members) : 0;

  ferry_service_mesh_set_id (mesh, id);
  ferry_service_mesh_set_name (mesh, ferry_json_get_string (o, "name"));
  ferry_service_mesh_set_state (mesh, ferry_json_get_string (o, "state"));
  ferry_service_mesh_set_status (mesh, ferry_json_get_string (o, "status"));
  ferry_service_mesh_set_services (mesh, (const char *const *)services);
  ferry_service_mesh_set_last_task_type (mesh, ferry_json_get_string (task, "type"));
  ferry_service_mesh_set_last_task_status (mesh, ferry_json_get_string (task, "status"));
  for (guint i = 0; i < n; i++)
    {
      JsonObject *m = ferry_json_array_get_object (members, i);
      g_autofree char *cp_id = NULL;

      if (m == NULL)
        continue;
      cp_id = ferry_json_dup_id_any (m, "computeProfileId", "id", NULL);
      ferry_service_mesh_add_member (
          mesh, cp_id, ferry_json_get_string_any (m, "computeProfileName", "name", NULL),
          ferry_json_get_string (m, "endpointId"), ferry_json_get_string (m, "endpointName"),
          ferry_json_get_bool (m, "isInitiator", FALSE));
    }
  return mesh;
}
