/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-inventory-io.c: a VM in the API's item format: written page by page for the
 * inventory answers, and read from an --inventory file (a page saved from a real manager). */

#include "ferry-sim-inventory-private.h"
#include "ferry-sim-json.h"

#include <string.h>

static guint16
intern (GPtrArray *table, const char *value)
{
  guint i;

  if (value == NULL)
    value = "";
  for (i = 0; i < table->len; i++)
    if (g_strcmp0 (g_ptr_array_index (table, i), value) == 0)
      return (guint16)i;
  if (table->len >= G_MAXUINT16)
    return 0;
  g_ptr_array_add (table, g_strdup (value));
  return (guint16)(table->len - 1);
}

static guint16
intern_network (FerrySimWorld *w, const char *id, const char *name, const char *type)
{
  guint i;
  FerrySimNetwork *n;

  for (i = 0; i < w->src_networks->len; i++)
    {
      n = g_ptr_array_index (w->src_networks, i);
      if (g_strcmp0 (n->id, id) == 0)
        return (guint16)i;
    }
  n = ferry_sim_network_new (id, name != NULL ? name : id,
                             type != NULL ? type : "DistributedVirtualPortgroup", 0, FALSE);
  g_ptr_array_add (w->src_networks, n);
  return (guint16)(w->src_networks->len - 1);
}

static guint8
parse_hw_version (const char *s)
{
  if (s == NULL)
    return 19;
  if (g_str_has_prefix (s, "vmx-"))
    s += 4;
  return (guint8)CLAMP (g_ascii_strtoull (s, NULL, 10), 1, 255);
}

static FerrySimToolsStatus
parse_tools (const char *s)
{
  if (s == NULL || g_str_equal (s, "toolsOk"))
    return FERRY_SIM_TOOLS_OK;
  if (g_str_equal (s, "toolsOld"))
    return FERRY_SIM_TOOLS_OLD;
  if (g_str_equal (s, "toolsNotInstalled"))
    return FERRY_SIM_TOOLS_NOT_INSTALLED;
  return FERRY_SIM_TOOLS_NOT_RUNNING;
}

FerrySimWorld *
ferry_sim_world_load (const char *inventory_file, guint seed, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (FerrySimWorld) w = NULL;
  JsonNode *root;
  JsonArray *items = NULL;
  guint i, n;

  if (!json_parser_load_from_file (parser, inventory_file, error))
    {
      g_prefix_error (error, "Could not read the inventory file %s: ", inventory_file);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    items = json_node_get_array (root);
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);

      items = ferry_sim_json_array (o, "items");
      if (items == NULL)
        items = ferry_sim_json_array (ferry_sim_json_object (o, "data"), "items");
    }
  if (items == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The inventory file %s has no VM list: expected an array, {\"items\":[…]} "
                   "or {\"data\":{\"items\":[…]}}",
                   inventory_file);
      return NULL;
    }

  w = ferry_sim_world_new_topology (seed == 0 ? 1 : seed, 2);
  /* A file brings its own string tables. */
  g_ptr_array_set_size (w->clusters, 0);
  g_ptr_array_set_size (w->folders, 0);
  g_ptr_array_set_size (w->datastore_names, 0);

  n = MIN (json_array_get_length (items), 100000);
  w->vms = g_new0 (FerrySimVm, MAX (n, 1));
  for (i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o, *summary;
      JsonArray *devices, *networks;
      FerrySimVm *vm;
      const char *id, *name, *guest_name, *guest_id, *power;
      gint64 disk;
      guint k;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      id = ferry_sim_json_string (o, "id");
      if (id == NULL)
        id = ferry_sim_json_string (o, "entityId");
      if (id == NULL || g_hash_table_contains (w->vm_index, id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "VM %u in %s has a missing or duplicate \"id\"", i + 1, inventory_file);
          return NULL;
        }
      name = ferry_sim_json_string (o, "name");
      summary = ferry_sim_json_object (o, "summary");
      vm = &w->vms[w->n_vms];
      vm->id = g_string_chunk_insert (w->strings, id);
      vm->name = g_string_chunk_insert (w->strings, name != NULL ? name : id);

      guest_name = ferry_sim_json_string (summary, "guestFullName");
      guest_id = ferry_sim_json_string (summary, "guestId");
      vm->guest = intern (w->guest_names, guest_name != NULL ? guest_name : "Other (64-bit)");
      while (w->guest_ids->len < w->guest_names->len)
        g_ptr_array_add (w->guest_ids, g_strdup (guest_id != NULL ? guest_id : "otherGuest64"));
      vm->num_cpu = (guint8)CLAMP (ferry_sim_json_int (summary, "numCpu", 1), 1, 255);
      vm->memory_mb
          = (guint32)CLAMP (ferry_sim_json_int (summary, "memorySizeMB", 1024), 1, G_MAXUINT32);
      disk = ferry_sim_json_int (summary, "diskSize", 16 * (gint64)GB);
      vm->disk_bytes = (guint64)MAX (disk, 0);

      power = ferry_sim_json_string (o, "powerState");
      vm->powered_on = power == NULL || g_str_equal (power, "poweredOn");
      vm->suspended = power != NULL && g_str_equal (power, "suspended");
      vm->hw_version = parse_hw_version (ferry_sim_json_string (o, "hardwareVersion"));
      vm->tools = parse_tools (ferry_sim_json_string (o, "toolsStatus"));
      vm->snapshot_count = (guint8)CLAMP (ferry_sim_json_int (o, "snapshotCount", 0), 0, 255);
      vm->iso_mounted = ferry_sim_json_bool (o, "isoMounted", FALSE);
      vm->folder = intern (w->folders, ferry_sim_json_string (o, "folder"));
      vm->cluster = intern (w->clusters, ferry_sim_json_string (o, "cluster"));
      vm->datastore = intern (w->datastore_names, ferry_sim_json_string (o, "datastore"));

      devices = ferry_sim_json_array (o, "networkDevices");
      networks = ferry_sim_json_array (o, "network");
      if (devices != NULL)
        {
          for (k = 0; k < json_array_get_length (devices) && vm->n_nics < FERRY_SIM_MAX_NICS; k++)
            {
              JsonNode *dn = json_array_get_element (devices, k);
              JsonObject *d;
              const char *net_id, *mac;

              if (!JSON_NODE_HOLDS_OBJECT (dn))
                continue;
              d = json_node_get_object (dn);
              net_id = ferry_sim_json_string (d, "networkId");
              if (net_id == NULL)
                continue;
              /* The file's MAC address is kept (a saved inventory round-trips). */
              mac = ferry_sim_json_string (d, "macAddress");
              if (mac != NULL && strlen (mac) == 17)
                {
                  if (w->macs == NULL)
                    w->macs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
                  g_hash_table_insert (
                      w->macs, GUINT_TO_POINTER (w->n_vms * FERRY_SIM_MAX_NICS + vm->n_nics + 1),
                      g_ascii_strdown (mac, -1));
                }
              vm->nic_net[vm->n_nics]
                  = intern_network (w, net_id, ferry_sim_json_string (d, "networkName"),
                                    ferry_sim_json_string (d, "networkType"));
              if (!ferry_sim_json_bool (d, "connected", TRUE))
                vm->nic_disconnected |= (guint8)(1u << vm->n_nics);
              vm->n_nics++;
            }
        }
      else if (networks != NULL)
        {
          for (k = 0; k < json_array_get_length (networks) && vm->n_nics < FERRY_SIM_MAX_NICS; k++)
            {
              JsonNode *dn = json_array_get_element (networks, k);
              JsonObject *d;
              const char *net_id;

              if (!JSON_NODE_HOLDS_OBJECT (dn))
                continue;
              d = json_node_get_object (dn);
              net_id = ferry_sim_json_string (d, "id");
              if (net_id == NULL)
                net_id = ferry_sim_json_string (d, "value");
              if (net_id == NULL)
                continue;
              vm->nic_net[vm->n_nics++] = intern_network (
                  w, net_id, ferry_sim_json_string (d, "name"), ferry_sim_json_string (d, "type"));
            }
        }
      ferry_sim_world_index_vm (w, w->n_vms);
      w->n_vms++;
    }
  if (w->clusters->len == 0)
    g_ptr_array_add (w->clusters, g_strdup ("Cluster-A"));
  if (w->folders->len == 0)
    g_ptr_array_add (w->folders, g_strdup (""));
  if (w->datastore_names->len == 0)
    g_ptr_array_add (w->datastore_names, g_strdup ("ds-prod-01"));

  return g_steal_pointer (&w);
}

static const FerrySimNetwork *
nic_network (FerrySimWorld *w, const FerrySimVm *vm, const FerrySimVmView *view, guint k)
{
  if (view != NULL && view->nics[k] != NULL)
    return view->nics[k];
  return g_ptr_array_index (w->src_networks, vm->nic_net[k]);
}

void
ferry_sim_world_write_vm (FerrySimWorld *w, const FerrySimVm *vm, const FerrySimVmView *view,
                          GString *out)
{
  g_autofree char *host = g_ascii_strdown (vm->name, -1);
  guint k;

  g_string_append (out, "{\"id\":");
  ferry_sim_json_append_string (out, vm->id);
  g_string_append (out, ",\"name\":");
  ferry_sim_json_append_string (out, vm->name);
  g_string_append (out, ",\"entityType\":\"VirtualMachine\",\"summary\":{");
  ferry_sim_json_append_member (out, "guestFullName",
                                g_ptr_array_index (w->guest_names, vm->guest));
  g_string_append_c (out, ',');
  ferry_sim_json_append_member (out, "guestId", g_ptr_array_index (w->guest_ids, vm->guest));
  g_string_append (out, ",\"guestHostName\":");
  if (vm->powered_on && vm->tools != FERRY_SIM_TOOLS_NOT_RUNNING
      && vm->tools != FERRY_SIM_TOOLS_NOT_INSTALLED)
    {
      g_autofree char *fqdn = g_strconcat (host, ".corp.local", NULL);

      ferry_sim_json_append_string (out, fqdn);
    }
  else
    g_string_append (out, "\"\"");
  g_string_append_printf (out,
                          ",\"numCpu\":%u,\"memorySizeMB\":%u,\"memorySize\":%" G_GUINT64_FORMAT
                          ",\"diskSize\":%" G_GUINT64_FORMAT "},\"network\":[",
                          vm->num_cpu, vm->memory_mb, (guint64)vm->memory_mb * 1024 * 1024,
                          vm->disk_bytes);
  for (k = 0; k < vm->n_nics; k++)
    {
      const FerrySimNetwork *n = nic_network (w, vm, view, k);
      guint j;
      gboolean seen = FALSE;

      for (j = 0; j < k; j++)
        seen |= nic_network (w, vm, view, j) == n;
      if (seen)
        continue;
      if (out->str[out->len - 1] != '[')
        g_string_append_c (out, ',');
      g_string_append (out, "{\"type\":");
      ferry_sim_json_append_string (out, n->type);
      g_string_append (out, ",\"value\":");
      ferry_sim_json_append_string (out, n->id);
      g_string_append (out, ",\"id\":");
      ferry_sim_json_append_string (out, n->id);
      g_string_append (out, ",\"name\":");
      ferry_sim_json_append_string (out, n->name);
      g_string_append (out, ",\"displayName\":");
      ferry_sim_json_append_string (out, n->name);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"powerState\":");
  g_string_append (out, vm->suspended    ? "\"suspended\""
                        : vm->powered_on ? "\"poweredOn\""
                                         : "\"poweredOff\"");
  g_string_append (out, ",\"networkDevices\":[");
  for (k = 0; k < vm->n_nics; k++)
    {
      const FerrySimNetwork *n = nic_network (w, vm, view, k);
      char mac[18];

      ferry_sim_world_vm_mac (w, vm, k, mac);
      if (k > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out,
                              "{\"label\":\"Network adapter %u\",\"macAddress\":\"%s\","
                              "\"networkId\":",
                              k + 1, mac);
      ferry_sim_json_append_string (out, n->id);
      g_string_append (out, ",\"networkName\":");
      ferry_sim_json_append_string (out, n->name);
      g_string_append (out, ",\"networkType\":");
      ferry_sim_json_append_string (out, n->type);
      g_string_append_printf (out, ",\"connected\":%s}",
                              (vm->nic_disconnected & (1u << k)) ? "false" : "true");
    }
  g_string_append (out, "],\"folder\":");
  ferry_sim_json_append_string (out, view != NULL && view->folder != NULL
                                         ? view->folder
                                         : g_ptr_array_index (w->folders, vm->folder));
  g_string_append (out, ",\"cluster\":");
  ferry_sim_json_append_string (out, view != NULL && view->cluster != NULL
                                         ? view->cluster
                                         : g_ptr_array_index (w->clusters, vm->cluster));
  g_string_append (out, ",\"datastore\":");
  ferry_sim_json_append_string (out, view != NULL && view->datastore != NULL
                                         ? view->datastore
                                         : g_ptr_array_index (w->datastore_names, vm->datastore));
  g_string_append_printf (out,
                          ",\"hardwareVersion\":\"vmx-%02u\",\"toolsStatus\":\"%s\","
                          "\"snapshotCount\":%u,\"isoMounted\":%s}",
                          vm->hw_version, ferry_sim_tools_status_to_string (vm->tools),
                          vm->snapshot_count, vm->iso_mounted ? "true" : "false");
}
