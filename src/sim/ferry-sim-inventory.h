/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The simulated world: one on-premises site (the HCX Connector the client logs in to) paired
 * with one AVS site. VMs are compact structs; JSON is written page by page on demand. */

typedef enum
{
  FERRY_SIM_TOOLS_OK,
  FERRY_SIM_TOOLS_NOT_RUNNING,
  FERRY_SIM_TOOLS_OLD,
  FERRY_SIM_TOOLS_NOT_INSTALLED,
} FerrySimToolsStatus;

#define FERRY_SIM_MAX_NICS 4

typedef struct
{
  const char *id;   /* "vm-1042"; in the world's string chunk */
  const char *name; /* string chunk */
  guint64 disk_bytes;
  guint32 memory_mb;
  guint16 guest;                       /* index into guest_names / guest_ids */
  guint16 folder;                      /* index into folders */
  guint16 cluster;                     /* index into clusters (names) */
  guint16 datastore;                   /* index into datastore_names */
  guint16 nic_net[FERRY_SIM_MAX_NICS]; /* index into src_networks */
  guint8 n_nics;
  guint8 nic_disconnected; /* bit mask */
  guint8 num_cpu;
  guint8 hw_version;
  guint8 snapshot_count;
  guint8 tools; /* FerrySimToolsStatus */
  guint powered_on : 1;
  guint suspended : 1; /* neither on nor off (only from an --inventory file) */
  guint iso_mounted : 1;
  guint migrated : 1; /* its migration completed: gone from the source inventory */
} FerrySimVm;

typedef struct
{
  char *id;
  char *name;
  char *type; /* DistributedVirtualPortgroup, Network, NsxtSegment */
  guint vlan;
  gboolean extended;
} FerrySimNetwork;

typedef struct
{
  char *id;
  char *name;
  char *type; /* datacenter, cluster, resourcePool, folder */
  char *parent_type;
  char *parent_id;
} FerrySimContainer;

typedef struct
{
  char *id;
  char *name;
  guint64 capacity;
  guint64 free;
  gboolean is_cluster;
} FerrySimDatastore;

typedef struct
{
  char *endpoint_id;
  char *name;
  char *url;
  char *cloud_type;
  char *cloud_name;
  char *version;
  char *build;
  char *vc_uuid;
  char *vc_name;
  char *vc_url;
  char *vc_version;
  char *vc_build;
  char *cp_id; /* compute profile */
  char *cp_name;
  gboolean is_local;
} FerrySimSite;

typedef struct
{
  guint seed;
  FerrySimSite source;
  FerrySimSite destination;
  char *mesh_id;
  char *mesh_name;

  GPtrArray *src_networks; /* FerrySimNetwork */
  GPtrArray *dst_networks;
  GPtrArray *src_containers; /* FerrySimContainer */
  GPtrArray *dst_containers;
  GPtrArray *src_datastores; /* FerrySimDatastore */
  GPtrArray *dst_datastores;
  GPtrArray *storage_profiles; /* char* */

  /* String tables the VMs index into. */
  GPtrArray *guest_names;
  GPtrArray *guest_ids;
  GPtrArray *folders;
  GPtrArray *clusters;
  GPtrArray *datastore_names;

  FerrySimVm *vms;
  guint n_vms;
  GHashTable *vm_index; /* id → GUINT_TO_POINTER (index + 1) */
  GHashTable *macs; /* index × FERRY_SIM_MAX_NICS + nic + 1 → MAC, from an --inventory file */
  GStringChunk *strings;
} FerrySimWorld;

/* How the destination's vCenter shows a migrated VM: where it was placed (NULL: as at the
 * source). */
typedef struct
{
  const char *cluster;
  const char *folder;
  const char *datastore;
  const FerrySimNetwork *nics[FERRY_SIM_MAX_NICS];
} FerrySimVmView;

FerrySimWorld *
ferry_sim_world_generate (guint n_vms, guint seed);
FerrySimWorld *
ferry_sim_world_load (const char *inventory_file, guint seed, GError **error);
/* Grows a world's networks to @n_source source port groups and @n_destination destination
 * segments (counts below the world's are ignored): tenant port groups "VLAN<n>-Tenant<i>"
 * (VLAN 300 on), their segments "seg-vlan<n>-tenant<i>", and for one in four an L2 extension
 * "L2E_<source>-<vlan>-<hex>"; the rest "tenant-<i>-segment". Every other VM's first NIC and
 * every later NIC then moves onto the tenant port groups, so they all carry NICs. For the
 * network board's scale (issue 11); the default world is untouched. */
void
ferry_sim_world_add_networks (FerrySimWorld *world, guint n_source, guint n_destination);
void
ferry_sim_world_free (FerrySimWorld *world);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerrySimWorld, ferry_sim_world_free)

const FerrySimVm *
ferry_sim_world_find_vm (FerrySimWorld *world, const char *id);
guint
ferry_sim_world_vm_index (FerrySimWorld *world, const FerrySimVm *vm);
void
ferry_sim_world_vm_mac (FerrySimWorld *world, const FerrySimVm *vm, guint nic, char mac[18]);
void
ferry_sim_world_write_vm (FerrySimWorld *world, const FerrySimVm *vm, const FerrySimVmView *view,
                          GString *out);

FerrySimNetwork *
ferry_sim_world_find_network (GPtrArray *networks, const char *id);
FerrySimContainer *
ferry_sim_world_find_container (GPtrArray *containers, const char *id);
FerrySimDatastore *
ferry_sim_world_find_datastore (GPtrArray *datastores, const char *id);

const char *
ferry_sim_tools_status_to_string (FerrySimToolsStatus status);

G_END_DECLS
