/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-inventory.c: the simulated on-premises and AVS inventories.
 *
 * VMs are generated from a seed (GRand is a Mersenne Twister, so the same seed gives the same
 * inventory on every machine) or loaded from a JSON file in the API's own item format
 * (ferry-sim-inventory-io.c, which also writes a VM's JSON). */

#include "ferry-sim-inventory-private.h"
#include "ferry-sim-json.h"

#include <string.h>

#define TB (GB * 1024)

typedef struct
{
  const char *full_name;
  const char *guest_id;
  gboolean windows;
} GuestOs;

static const GuestOs guest_table[] = {
  { "Microsoft Windows Server 2019 (64-bit)", "windows2019srv_64Guest", TRUE },
  { "Microsoft Windows Server 2016 or later (64-bit)", "windows9Server64Guest", TRUE },
  { "Microsoft Windows Server 2022 (64-bit)", "windows2019srvNext_64Guest", TRUE },
  { "Microsoft Windows Server 2012 (64-bit)", "windows8Server64Guest", TRUE },
  { "Microsoft Windows Server 2008 R2 (64-bit)", "windows7Server64Guest", TRUE },
  { "Microsoft Windows 10 (64-bit)", "windows9_64Guest", TRUE },
  { "Ubuntu Linux (64-bit)", "ubuntu64Guest", FALSE },
  { "Red Hat Enterprise Linux 8 (64-bit)", "rhel8_64Guest", FALSE },
  { "Red Hat Enterprise Linux 7 (64-bit)", "rhel7_64Guest", FALSE },
  { "CentOS 7 (64-bit)", "centos7_64Guest", FALSE },
  { "SUSE Linux Enterprise 15 (64-bit)", "sles15_64Guest", FALSE },
  { "Debian GNU/Linux 11 (64-bit)", "debian11_64Guest", FALSE },
  { "Oracle Linux 8 (64-bit)", "oracleLinux8_64Guest", FALSE },
  { "VMware Photon OS (64-bit)", "vmwarePhoton64Guest", FALSE },
  { "Other 3.x or later Linux (64-bit)", "other3xLinux64Guest", FALSE },
};
#define N_WINDOWS_GUESTS 6

typedef struct
{
  const char *role;
  guint weight;
  int os; /* 0 linux, 1 windows, 2 either */
  guint cpu_min, cpu_max;
  guint mem_gb_min, mem_gb_max;
  guint disk_gb_min, disk_gb_max;
  guint net; /* primary port group index */
  guint folder;
} Role;

/* Port groups of the on-premises vCenter (index = Role.net). */
static const struct
{
  guint vlan;
  const char *name;
} port_groups[] = {
  { 100, "VLAN100-Web" },     { 110, "VLAN110-App" },    { 120, "VLAN120-DB" },
  { 130, "VLAN130-Mgmt" },    { 140, "VLAN140-Backup" }, { 150, "VLAN150-DMZ" },
  { 160, "VLAN160-Dev" },     { 170, "VLAN170-Test" },   { 180, "VLAN180-VDI" },
  { 190, "VLAN190-Storage" }, { 200, "VLAN200-Legacy" }, { 210, "VLAN210-K8s" },
};

static const char *folder_table[] = {
  "Workloads/Web", "Workloads/App", "Workloads/DB", "Infrastructure", "Development",
  "Test",          "VDI",           "Legacy",       "Kubernetes",     "Discovered virtual machine",
};

static const Role role_table[] = {
  { "web", 14, 0, 2, 4, 4, 16, 40, 120, 0, 0 },
  { "app", 14, 2, 2, 8, 8, 32, 60, 300, 1, 1 },
  { "db", 6, 0, 4, 16, 16, 128, 200, 2000, 2, 2 },
  { "sql", 5, 1, 4, 16, 16, 256, 300, 4000, 2, 2 },
  { "dc", 2, 1, 2, 4, 8, 16, 80, 120, 3, 3 },
  { "file", 3, 1, 2, 4, 8, 16, 500, 6000, 1, 3 },
  { "print", 1, 1, 1, 2, 4, 8, 60, 80, 3, 3 },
  { "exch", 2, 1, 8, 16, 32, 128, 400, 3000, 1, 1 },
  { "jump", 2, 1, 2, 2, 4, 8, 60, 100, 3, 3 },
  { "mon", 3, 0, 2, 8, 8, 32, 100, 1000, 3, 3 },
  { "backup", 2, 2, 4, 8, 16, 32, 200, 8000, 4, 3 },
  { "proxy", 3, 0, 1, 4, 2, 8, 30, 60, 5, 0 },
  { "lb", 2, 0, 2, 4, 4, 8, 20, 40, 5, 0 },
  { "mq", 3, 0, 2, 8, 8, 32, 60, 500, 1, 1 },
  { "cache", 3, 0, 2, 8, 16, 64, 40, 120, 1, 1 },
  { "etl", 2, 2, 4, 16, 16, 64, 200, 2000, 2, 1 },
  { "dev", 8, 2, 1, 4, 4, 16, 40, 200, 6, 4 },
  { "test", 7, 2, 1, 4, 4, 16, 40, 200, 7, 5 },
  { "vdi", 6, 1, 2, 4, 4, 8, 40, 100, 8, 6 },
  { "legacy", 3, 2, 1, 2, 2, 8, 20, 200, 10, 7 },
  { "k8s-node", 7, 0, 4, 16, 16, 64, 100, 300, 11, 8 },
};

static const char *env_table[] = { "prd", "prd", "prd", "uat", "tst", "dev" };

FerrySimNetwork *
ferry_sim_network_new (const char *id, const char *name, const char *type, guint vlan,
                       gboolean extended)
{
  FerrySimNetwork *n = g_new0 (FerrySimNetwork, 1);

  n->id = g_strdup (id);
  n->name = g_strdup (name);
  n->type = g_strdup (type);
  n->vlan = vlan;
  n->extended = extended;
  return n;
}

static void
network_free (gpointer data)
{
  FerrySimNetwork *n = data;

  g_free (n->id);
  g_free (n->name);
  g_free (n->type);
  g_free (n);
}

static void
add_container (GPtrArray *array, const char *id, const char *name, const char *type,
               const char *parent_type, const char *parent_id)
{
  FerrySimContainer *c = g_new0 (FerrySimContainer, 1);

  c->id = g_strdup (id);
  c->name = g_strdup (name);
  c->type = g_strdup (type);
  c->parent_type = g_strdup (parent_type);
  c->parent_id = g_strdup (parent_id);
  g_ptr_array_add (array, c);
}

static void
container_free (gpointer data)
{
  FerrySimContainer *c = data;

  g_free (c->id);
  g_free (c->name);
  g_free (c->type);
  g_free (c->parent_type);
  g_free (c->parent_id);
  g_free (c);
}

static void
add_datastore (GPtrArray *array, const char *id, const char *name, guint64 capacity,
               guint64 free_bytes, gboolean is_cluster)
{
  FerrySimDatastore *d = g_new0 (FerrySimDatastore, 1);

  d->id = g_strdup (id);
  d->name = g_strdup (name);
  d->capacity = capacity;
  d->free = free_bytes;
  d->is_cluster = is_cluster;
  g_ptr_array_add (array, d);
}

static void
datastore_free (gpointer data)
{
  FerrySimDatastore *d = data;

  g_free (d->id);
  g_free (d->name);
  g_free (d);
}

static void
site_clear (FerrySimSite *s)
{
  g_free (s->endpoint_id);
  g_free (s->name);
  g_free (s->url);
  g_free (s->cloud_type);
  g_free (s->cloud_name);
  g_free (s->version);
  g_free (s->build);
  g_free (s->vc_uuid);
  g_free (s->vc_name);
  g_free (s->vc_url);
  g_free (s->vc_version);
  g_free (s->vc_build);
  g_free (s->cp_id);
  g_free (s->cp_name);
}

static char *
random_uuid (GRand *rand)
{
  guint32 a = g_rand_int (rand), b = g_rand_int (rand), c = g_rand_int (rand),
          d = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", a, b >> 16, b & 0xfff,
                          0x8000 | (c >> 18), c & 0xffff, d);
}

static char *
random_endpoint_id (GRand *rand, const char *stamp)
{
  g_autofree char *uuid = random_uuid (rand);

  return g_strdup_printf ("%s-%s", stamp, uuid);
}

void
ferry_sim_world_free (FerrySimWorld *world)
{
  if (world == NULL)
    return;
  site_clear (&world->source);
  site_clear (&world->destination);
  g_free (world->mesh_id);
  g_free (world->mesh_name);
  g_ptr_array_unref (world->src_networks);
  g_ptr_array_unref (world->dst_networks);
  g_ptr_array_unref (world->src_containers);
  g_ptr_array_unref (world->dst_containers);
  g_ptr_array_unref (world->src_datastores);
  g_ptr_array_unref (world->dst_datastores);
  g_ptr_array_unref (world->storage_profiles);
  g_ptr_array_unref (world->guest_names);
  g_ptr_array_unref (world->guest_ids);
  g_ptr_array_unref (world->folders);
  g_ptr_array_unref (world->clusters);
  g_ptr_array_unref (world->datastore_names);
  g_free (world->vms);
  g_hash_table_unref (world->vm_index);
  g_clear_pointer (&world->macs, g_hash_table_unref);
  g_string_chunk_free (world->strings);
  g_free (world);
}

/* Sites, networks, containers and datastores: the parts that do not depend on the VM count. */
FerrySimWorld *
ferry_sim_world_new_topology (guint seed, guint n_clusters)
{
  FerrySimWorld *w = g_new0 (FerrySimWorld, 1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed * 2654435761u + 17);
  guint i;

  w->seed = seed;
  w->strings = g_string_chunk_new (64 * 1024);
  w->vm_index = g_hash_table_new (g_str_hash, g_str_equal);
  w->src_networks = g_ptr_array_new_with_free_func (network_free);
  w->dst_networks = g_ptr_array_new_with_free_func (network_free);
  w->src_containers = g_ptr_array_new_with_free_func (container_free);
  w->dst_containers = g_ptr_array_new_with_free_func (container_free);
  w->src_datastores = g_ptr_array_new_with_free_func (datastore_free);
  w->dst_datastores = g_ptr_array_new_with_free_func (datastore_free);
  w->storage_profiles = g_ptr_array_new_with_free_func (g_free);
  w->guest_names = g_ptr_array_new_with_free_func (g_free);
  w->guest_ids = g_ptr_array_new_with_free_func (g_free);
  w->folders = g_ptr_array_new_with_free_func (g_free);
  w->clusters = g_ptr_array_new_with_free_func (g_free);
  w->datastore_names = g_ptr_array_new_with_free_func (g_free);

  /* The HCX Connector on premises: the manager the client talks to. */
  w->source.endpoint_id = random_endpoint_id (rand, "20240311093411482");
  w->source.name = g_strdup ("hcx-connector.corp.local");
  w->source.url = g_strdup ("https://hcx-connector.corp.local");
  w->source.cloud_type = g_strdup ("DEFAULT");
  w->source.cloud_name = g_strdup ("On-premises");
  w->source.version = g_strdup ("4.10.0");
  w->source.build = g_strdup ("23482025");
  w->source.vc_uuid = random_uuid (rand);
  w->source.vc_name = g_strdup ("vc01.corp.local");
  w->source.vc_url = g_strdup ("https://vc01.corp.local");
  w->source.vc_version = g_strdup ("7.0.3");
  w->source.vc_build = g_strdup ("21477706");
  w->source.cp_id = random_uuid (rand);
  w->source.cp_name = g_strdup ("onprem-compute-profile");
  w->source.is_local = TRUE;

  /* The AVS private cloud's HCX Cloud Manager. */
  w->destination.endpoint_id = random_endpoint_id (rand, "20240312101522907");
  w->destination.name = g_strdup ("avs-westeurope-hcx");
  w->destination.url = g_strdup ("https://10.0.0.9");
  w->destination.cloud_type = g_strdup ("AVS");
  w->destination.cloud_name = g_strdup ("Azure VMware Solution");
  w->destination.version = g_strdup ("4.10.0");
  w->destination.build = g_strdup ("23482025");
  w->destination.vc_uuid = random_uuid (rand);
  w->destination.vc_name = g_strdup ("vc.avs-westeurope.local");
  w->destination.vc_url = g_strdup ("https://10.0.0.2");
  w->destination.vc_version = g_strdup ("8.0.2");
  w->destination.vc_build = g_strdup ("22617221");
  w->destination.cp_id = random_uuid (rand);
  w->destination.cp_name = g_strdup ("TNT42-HCX-COMPUTE-PROFILE");
  w->destination.is_local = FALSE;

  w->mesh_id = random_uuid (rand);
  w->mesh_name = g_strdup ("onprem-to-avs-westeurope");

  /* Source networks: distributed port groups, plus the classic standard "VM Network". */
  for (i = 0; i < G_N_ELEMENTS (port_groups); i++)
    {
      g_autofree char *id = g_strdup_printf ("dvportgroup-%u", 45 + 3 * i);

      g_ptr_array_add (w->src_networks, ferry_sim_network_new (id, port_groups[i].name,
                                                               "DistributedVirtualPortgroup",
                                                               port_groups[i].vlan, FALSE));
    }
  g_ptr_array_add (w->src_networks,
                   ferry_sim_network_new ("network-12", "VM Network", "Network", 0, FALSE));

  /* Destination: NSX-T segments; the first four VLANs are also L2-extended by HCX NE. */
  {
    static const char *segments[]
        = { "web-segment", "app-segment",  "db-segment",  "mgmt-segment", "dmz-segment",
            "dev-segment", "test-segment", "vdi-segment", "k8s-segment" };

    for (i = 0; i < G_N_ELEMENTS (segments); i++)
      {
        g_autofree char *id = g_strdup_printf ("/infra/segments/%s", segments[i]);

        g_ptr_array_add (w->dst_networks,
                         ferry_sim_network_new (id, segments[i], "NsxtSegment", 0, FALSE));
      }
    for (i = 0; i < 4; i++)
      {
        g_autofree char *name = g_strdup_printf ("L2E_%s-%u-%08x", port_groups[i].name,
                                                 port_groups[i].vlan, g_rand_int (rand));
        g_autofree char *id = g_strdup_printf ("/infra/segments/%s", name);

        g_ptr_array_add (w->dst_networks, ferry_sim_network_new (id, name, "NsxtSegment",
                                                                 port_groups[i].vlan, TRUE));
      }
  }

  /* Source containers. */
  add_container (w->src_containers, "datacenter-3", "DC-Amsterdam", "datacenter", "folder",
                 "group-d1");
  for (i = 0; i < n_clusters; i++)
    {
      g_autofree char *id = g_strdup_printf ("domain-c%u", 8 + 5 * i);
      g_autofree char *rp = g_strdup_printf ("resgroup-%u", 9 + 5 * i);
      g_autofree char *name = g_strdup_printf ("Cluster-%c", 'A' + i);

      add_container (w->src_containers, id, name, "cluster", "datacenter", "datacenter-3");
      add_container (w->src_containers, rp, "Resources", "resourcePool", "cluster", id);
      g_ptr_array_add (w->clusters, g_strdup (name));
    }
  for (i = 0; i < G_N_ELEMENTS (folder_table); i++)
    {
      g_autofree char *id = g_strdup_printf ("group-v%u", 100 + i);

      add_container (w->src_containers, id, folder_table[i], "folder", "datacenter",
                     "datacenter-3");
      g_ptr_array_add (w->folders, g_strdup (folder_table[i]));
    }
  for (i = 0; i < MAX (2, n_clusters); i++)
    {
      g_autofree char *id = g_strdup_printf ("datastore-%u", 20 + i);
      g_autofree char *name = g_strdup_printf ("ds-prod-%02u", i + 1);

      add_datastore (w->src_datastores, id, name, 20 * TB, (2 + g_rand_int_range (rand, 0, 8)) * TB,
                     FALSE);
      g_ptr_array_add (w->datastore_names, g_strdup (name));
    }
  add_datastore (w->src_datastores, "datastore-40", "vsanDatastore-onprem", 30 * TB, 12 * TB,
                 FALSE);
  g_ptr_array_add (w->datastore_names, g_strdup ("vsanDatastore-onprem"));

  /* AVS: one SDDC datacenter, two clusters, the usual resource pools and folders. */
  add_container (w->dst_containers, "datacenter-3", "SDDC-Datacenter", "datacenter", "folder",
                 "group-d1");
  add_container (w->dst_containers, "domain-c8", "Cluster-1", "cluster", "datacenter",
                 "datacenter-3");
  add_container (w->dst_containers, "domain-c1001", "Cluster-2", "cluster", "datacenter",
                 "datacenter-3");
  add_container (w->dst_containers, "resgroup-9", "Compute-ResourcePool", "resourcePool", "cluster",
                 "domain-c8");
  add_container (w->dst_containers, "resgroup-10", "MGMT-ResourcePool", "resourcePool", "cluster",
                 "domain-c8");
  add_container (w->dst_containers, "resgroup-1002", "Compute-ResourcePool-2", "resourcePool",
                 "cluster", "domain-c1001");
  /* Three hosts per cluster, as AVS has at least. */
  for (i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("host-%u", 1011 + (i / 3) * 10 + i % 3);
      g_autofree char *name
          = g_strdup_printf ("esx%02u-r%02u.p01.westeurope.avs.azure.com", i % 3 + 1, i / 3 + 1);

      add_container (w->dst_containers, id, name, "host", "cluster",
                     i < 3 ? "domain-c8" : "domain-c1001");
    }
  add_container (w->dst_containers, "group-v10", "Workloads", "folder", "datacenter",
                 "datacenter-3");
  add_container (w->dst_containers, "group-v1020", "Migrated VMs", "folder", "folder", "group-v10");
  add_container (w->dst_containers, "group-v1021", "Templates", "folder", "datacenter",
                 "datacenter-3");
  add_container (w->dst_containers, "group-v12", "Discovered virtual machine", "folder",
                 "datacenter", "datacenter-3");

  add_datastore (w->dst_datastores, "datastore-61", "vsanDatastore", 46 * TB, 31 * TB, FALSE);
  add_datastore (w->dst_datastores, "datastore-1003", "vsanDatastore-2", 23 * TB, 9 * TB, FALSE);
  add_datastore (w->dst_datastores, "datastore-1100", "anf-small-01", 2 * TB, 250 * GB, FALSE);
  add_datastore (w->dst_datastores, "group-p1101", "DatastoreCluster-1", 10 * TB, 8 * TB, TRUE);

  g_ptr_array_add (w->storage_profiles, g_strdup ("vSAN Default Storage Policy"));
  g_ptr_array_add (w->storage_profiles, g_strdup ("RAID-1 FTT-1"));
  g_ptr_array_add (w->storage_profiles, g_strdup ("RAID-5 FTT-1"));
  g_ptr_array_add (w->storage_profiles, g_strdup ("RAID-6 FTT-2"));
  g_ptr_array_add (w->storage_profiles, g_strdup ("Management Storage Policy - Thin"));
  g_ptr_array_add (w->storage_profiles, g_strdup ("VM Encryption Policy"));

  return w;
}

static guint
uniform (GRand *rand, guint min, guint max)
{
  if (max <= min)
    return min;
  return (guint)g_rand_int_range (rand, (gint32)min, (gint32)max + 1);
}

static guint
skewed (GRand *rand, guint min, guint max)
{
  /* More small values than large ones, like real estates. */
  double r = g_rand_double (rand);

  return min + (guint)((max - min) * r * r);
}

static guint
pow2_between (GRand *rand, guint min, guint max)
{
  guint v = min;

  while (v * 2 <= max && g_rand_boolean (rand))
    v *= 2;
  return v;
}

void
ferry_sim_world_index_vm (FerrySimWorld *w, guint i)
{
  g_hash_table_insert (w->vm_index, (gpointer)w->vms[i].id, GUINT_TO_POINTER (i + 1));
}

void
ferry_sim_world_add_networks (FerrySimWorld *w, guint n_source, guint n_destination)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (w->seed * 7919u + 3);
  guint first = w->src_networks->len, n_tenant, i;

  n_source = MIN (n_source, 4000);
  n_destination = MIN (n_destination, 8000);
  for (i = 0; w->src_networks->len < n_source; i++)
    {
      guint vlan = 300 + i <= 4094 ? 300 + i : 1 + (300 + i) % 4094;
      g_autofree char *id = g_strdup_printf ("dvportgroup-%u", 2000 + i);
      g_autofree char *name = g_strdup_printf ("VLAN%u-Tenant%03u", vlan, i);

      g_ptr_array_add (w->src_networks, ferry_sim_network_new (
                                            id, name, "DistributedVirtualPortgroup", vlan, FALSE));
    }
  n_tenant = w->src_networks->len - first;
  for (i = 0; w->dst_networks->len < n_destination; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;
      gboolean extended = FALSE;
      guint vlan = 0;

      if (i < n_tenant)
        {
          FerrySimNetwork *src = g_ptr_array_index (w->src_networks, first + i);

          if (i % 4 == 0 && w->dst_networks->len + 1 < n_destination)
            {
              g_autofree char *l2e
                  = g_strdup_printf ("L2E_%s-%u-%08x", src->name, src->vlan, g_rand_int (rand));
              g_autofree char *l2e_id = g_strdup_printf ("/infra/segments/%s", l2e);

              g_ptr_array_add (w->dst_networks,
                               ferry_sim_network_new (l2e_id, l2e, "NsxtSegment", src->vlan, TRUE));
            }
          name = g_strdup_printf ("seg-vlan%u-tenant%03u", src->vlan, i);
        }
      else
        name = g_strdup_printf ("tenant-%u-segment", i);
      id = g_strdup_printf ("/infra/segments/%s", name);
      g_ptr_array_add (w->dst_networks,
                       ferry_sim_network_new (id, name, "NsxtSegment", vlan, extended));
    }
  if (n_tenant == 0)
    return;
  for (i = 0; i < w->n_vms; i++)
    {
      FerrySimVm *vm = &w->vms[i];

      for (guint k = i % 2 == 0 ? 1 : 0; k < vm->n_nics; k++)
        vm->nic_net[k] = (guint16)(first + (i * 7 + k * 53) % n_tenant);
    }
}

FerrySimWorld *
ferry_sim_world_generate (guint n_vms, guint seed)
{
  FerrySimWorld *w;
  g_autoptr (GRand) rand = NULL;
  guint total_weight = 0;
  guint role_counter[G_N_ELEMENTS (role_table)] = { 0 };
  guint n_clusters;
  guint i;

  if (seed == 0)
    seed = 1;
  n_vms = CLAMP (n_vms, 1, 100000);
  n_clusters = CLAMP (2 + n_vms / 2500, 2, 8);
  w = ferry_sim_world_new_topology (seed, n_clusters);
  rand = g_rand_new_with_seed (seed);

  for (i = 0; i < G_N_ELEMENTS (guest_table); i++)
    {
      g_ptr_array_add (w->guest_names, g_strdup (guest_table[i].full_name));
      g_ptr_array_add (w->guest_ids, g_strdup (guest_table[i].guest_id));
    }
  for (i = 0; i < G_N_ELEMENTS (role_table); i++)
    total_weight += role_table[i].weight;

  w->n_vms = n_vms;
  w->vms = g_new0 (FerrySimVm, n_vms);
  for (i = 0; i < n_vms; i++)
    {
      FerrySimVm *vm = &w->vms[i];
      const Role *role = NULL;
      guint pick = uniform (rand, 0, total_weight - 1);
      guint r, k, guest;
      gboolean windows;
      const char *env = env_table[uniform (rand, 0, G_N_ELEMENTS (env_table) - 1)];
      char buf[64];

      for (r = 0; r < G_N_ELEMENTS (role_table); r++)
        {
          if (pick < role_table[r].weight)
            {
              role = &role_table[r];
              break;
            }
          pick -= role_table[r].weight;
        }
      if (role == NULL)
        {
          r = 0;
          role = &role_table[0];
        }
      role_counter[r]++;

      windows = role->os == 1 || (role->os == 2 && g_rand_boolean (rand));
      if (windows)
        guest = uniform (rand, 0, N_WINDOWS_GUESTS - 1);
      else
        guest = uniform (rand, N_WINDOWS_GUESTS, G_N_ELEMENTS (guest_table) - 1);
      vm->guest = (guint16)guest;

      g_snprintf (buf, sizeof buf, "vm-%u", 1001 + i);
      vm->id = g_string_chunk_insert (w->strings, buf);
      if (windows)
        {
          g_autofree char *upper = g_ascii_strup (role->role, -1);
          g_autofree char *env_up = g_ascii_strup (env, -1);

          g_snprintf (buf, sizeof buf, "%s-%s%03u", env_up, upper, role_counter[r]);
        }
      else
        g_snprintf (buf, sizeof buf, "%s-%s-%03u", env, role->role, role_counter[r]);
      vm->name = g_string_chunk_insert (w->strings, buf);

      vm->num_cpu = (guint8)pow2_between (rand, role->cpu_min, role->cpu_max);
      vm->memory_mb = pow2_between (rand, role->mem_gb_min, role->mem_gb_max) * 1024;
      vm->disk_bytes = (guint64)skewed (rand, role->disk_gb_min, role->disk_gb_max) * GB;
      if (g_rand_int_range (rand, 0, 100) < 2)
        vm->disk_bytes *= 4; /* the odd giant */

      vm->folder = (guint16)role->folder;
      vm->cluster = (guint16)uniform (rand, 0, n_clusters - 1);
      vm->datastore = (guint16)uniform (rand, 0, w->datastore_names->len - 1);

      k = (guint)g_rand_int_range (rand, 0, 100);
      vm->n_nics = k < 70 ? 1 : k < 90 ? 2 : k < 97 ? 3 : 4;
      vm->nic_net[0] = (guint16)role->net;
      for (k = 1; k < vm->n_nics; k++)
        {
          /* Second NICs are mostly backup or management networks. */
          static const guint extra[] = { 4, 3, 9, 0, 1, 12 };

          vm->nic_net[k] = (guint16)extra[uniform (rand, 0, G_N_ELEMENTS (extra) - 1)];
        }
      vm->nic_disconnected = 0;
      if (vm->n_nics > 1 && g_rand_int_range (rand, 0, 100) < 10)
        vm->nic_disconnected = (guint8)(1u << (vm->n_nics - 1));

      vm->powered_on = g_rand_int_range (rand, 0, 100) >= 12;
      vm->snapshot_count = g_rand_int_range (rand, 0, 100) < 15 ? (guint8)uniform (rand, 1, 3) : 0;
      vm->iso_mounted = g_rand_int_range (rand, 0, 100) < 5;
      k = (guint)g_rand_int_range (rand, 0, 100);
      if (k < 3)
        vm->hw_version = (guint8)uniform (rand, 7, 8);
      else if (k < 15)
        vm->hw_version = (guint8)uniform (rand, 10, 13);
      else
        vm->hw_version = (guint8)uniform (rand, 14, 19);
      k = (guint)g_rand_int_range (rand, 0, 100);
      if (!vm->powered_on)
        vm->tools = FERRY_SIM_TOOLS_NOT_RUNNING;
      else if (k < 7)
        vm->tools = FERRY_SIM_TOOLS_NOT_RUNNING;
      else if (k < 12)
        vm->tools = FERRY_SIM_TOOLS_OLD;
      else if (k < 13)
        vm->tools = FERRY_SIM_TOOLS_NOT_INSTALLED;
      else
        vm->tools = FERRY_SIM_TOOLS_OK;

      ferry_sim_world_index_vm (w, i);
    }

  return w;
}

const FerrySimVm *
ferry_sim_world_find_vm (FerrySimWorld *world, const char *id)
{
  guint idx;

  if (id == NULL)
    return NULL;
  idx = GPOINTER_TO_UINT (g_hash_table_lookup (world->vm_index, id));
  return idx == 0 ? NULL : &world->vms[idx - 1];
}

guint
ferry_sim_world_vm_index (FerrySimWorld *world, const FerrySimVm *vm)
{
  return (guint)(vm - world->vms);
}

void
ferry_sim_world_vm_mac (FerrySimWorld *world, const FerrySimVm *vm, guint nic, char mac[18])
{
  const char *loaded
      = world->macs != NULL ? g_hash_table_lookup (
            world->macs,
            GUINT_TO_POINTER (ferry_sim_world_vm_index (world, vm) * FERRY_SIM_MAX_NICS + nic + 1))
                            : NULL;
  guint32 v;

  if (loaded != NULL)
    {
      g_strlcpy (mac, loaded, 18);
      return;
    }
  v = (ferry_sim_world_vm_index (world, vm) * FERRY_SIM_MAX_NICS + nic + 0x10000)
      ^ (world->seed * 0x9e37u);

  g_snprintf (mac, 18, "00:50:56:%02x:%02x:%02x", (v >> 16) & 0x3f, (v >> 8) & 0xff, v & 0xff);
}

const char *
ferry_sim_tools_status_to_string (FerrySimToolsStatus status)
{
  switch (status)
    {
      case FERRY_SIM_TOOLS_OK:
        return "toolsOk";
      case FERRY_SIM_TOOLS_NOT_RUNNING:
        return "toolsNotRunning";
      case FERRY_SIM_TOOLS_OLD:
        return "toolsOld";
      case FERRY_SIM_TOOLS_NOT_INSTALLED:
        return "toolsNotInstalled";
      default:
        return "toolsNotRunning";
    }
}

/* Networks, containers and datastores all start with their `char *id`. */
typedef struct
{
  char *id;
} IdentifiedEntry;
G_STATIC_ASSERT (G_STRUCT_OFFSET (FerrySimNetwork, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (FerrySimContainer, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (FerrySimDatastore, id) == 0);

static gpointer
find_by_id (GPtrArray *entries, const char *id)
{
  guint i;

  if (id == NULL)
    return NULL;
  for (i = 0; i < entries->len; i++)
    {
      IdentifiedEntry *e = g_ptr_array_index (entries, i);

      if (g_str_equal (e->id, id))
        return e;
    }
  return NULL;
}

FerrySimNetwork *
ferry_sim_world_find_network (GPtrArray *networks, const char *id)
{
  return find_by_id (networks, id);
}

FerrySimContainer *
ferry_sim_world_find_container (GPtrArray *containers, const char *id)
{
  return find_by_id (containers, id);
}

FerrySimDatastore *
ferry_sim_world_find_datastore (GPtrArray *datastores, const char *id)
{
  return find_by_id (datastores, id);
}
