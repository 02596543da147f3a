/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-inventory-facts.h: where an inventory's facts came from, and the facts Ferry's VM model
 * does not hold
 *
 * A FerryInventoryFacts is one inventory as one source told it: the VMs (FerryVm with their
 * FerryNic s), the networks their NICs are on, and per VM the facts FerryVm has no field for
 * (VM and BIOS UUID, the vCenter, provisioned and in-use space, datacenter, resource pool,
 * snapshot names, the ISO file, …) together with the source of each group of facts
 * (FerryFact). A source (FerryFactSource) is what a badge shows: "from the RVTools export of
 * 20 Nov 2026, vc01" or "from HCX Manager hcx01.corp.local, 2 Dec 2026".
 *
 * The RVTools import fills one of these from an export; the manager's inventory is wrapped in
 * one (ferry_inventory_facts_add_vms()) so that the two can be reconciled and the manager's VMs
 * enriched (ferry-inventory-reconcile.h). Pure data: no I/O. */
#pragma once

#include <gio/gio.h>

#include "ferry-network.h"
#include "ferry-vm.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_FACT_SOURCE_KIND_RVTOOLS,     /* an RVTools export (.xlsx or per-tab CSV) */
  FERRY_FACT_SOURCE_KIND_HCX_MANAGER, /* an HCX Manager's inventory */
} FerryFactSourceKind;

/* Groups of facts that share a source. */
typedef enum
{
  FERRY_FACT_IDENTITY,         /* name, id, UUIDs, vCenter */
  FERRY_FACT_POWER_STATE,      /* power state */
  FERRY_FACT_SIZE,             /* CPUs, memory, disk, provisioned / in use */
  FERRY_FACT_PLACEMENT,        /* datacenter, cluster, folder, resource pool, datastore */
  FERRY_FACT_GUEST_OS,         /* guest OS, DNS name */
  FERRY_FACT_NICS,             /* NICs and their networks */
  FERRY_FACT_HARDWARE_VERSION, /* virtual hardware version */
  FERRY_FACT_TOOLS_STATUS,     /* VMware Tools status */
  FERRY_FACT_SNAPSHOTS,        /* snapshot count, names, oldest date */
  FERRY_FACT_ISO,              /* a connected CD/DVD with an ISO file */
  FERRY_N_FACTS
} FerryFact;

/* FerryFactSource ------------------------------------------------------------------------- */

#define FERRY_TYPE_FACT_SOURCE (ferry_fact_source_get_type ())
G_DECLARE_FINAL_TYPE (FerryFactSource, ferry_fact_source, FERRY, FACT_SOURCE, GObject)

/* Immutable. @origin: the export's file or folder name, or the manager's host; @server: the
 * vCenter the facts are about (VI SDK Server) or NULL; @date: when the facts were taken (the
 * export's creation date, or when the manager was read), or NULL when unknown. Properties
 * "kind", "origin", "server", "date" (all construct-only). */
FerryFactSource *
ferry_fact_source_new (FerryFactSourceKind kind, const char *origin, const char *server,
                       GDateTime *date);
FerryFactSourceKind
ferry_fact_source_get_kind (FerryFactSource *self);
const char *
ferry_fact_source_get_origin (FerryFactSource *self);
const char *
ferry_fact_source_get_server (FerryFactSource *self);
GDateTime *
ferry_fact_source_get_date (FerryFactSource *self);
/* The same source for another vCenter: a new object, or @self when @server is the same. */
FerryFactSource *
ferry_fact_source_for_server (FerryFactSource *self, const char *server);
/* "from the RVTools export of 20 Nov 2026, vc01" (the vCenter's first DNS label),
 * "from HCX Manager hcx01.corp.local, 2 Dec 2026" (translatable). */
char *
ferry_fact_source_describe (FerryFactSource *self);
/* How old the facts are at @now: "taken today", "1 day old", "12 days old", "date unknown". */
char *
ferry_fact_source_describe_age (FerryFactSource *self, GDateTime *now);
/* Whole days from the source's date to @now, or -1 without a date. */
int
ferry_fact_source_get_age_days (FerryFactSource *self, GDateTime *now);

/* Per-VM facts --------------------------------------------------------------------------- */

/* Owned by the FerryInventoryFacts; strings are owned by it too (set them with the setters
 * below or with g_free + g_strdup). Unknown numbers are -1, unknown strings NULL. */
typedef struct
{
  char *vm_uuid;        /* "VM UUID" (the instance UUID) */
  char *bios_uuid;      /* "SMBIOS UUID" */
  char *vcenter;        /* "VI SDK Server" */
  char *datacenter;     /* "Datacenter" */
  char *resource_pool;  /* "Resource pool" */
  char *guest_os_tools; /* "OS according to the VMware Tools" */
  char *host;           /* "Host" (ESXi) */
  gint64 provisioned_mib;
  gint64 in_use_mib;
  gboolean template_vm;  /* "Template" is True */
  char **snapshot_names; /* NULL-terminated, NULL for none or unknown */
  char *oldest_snapshot; /* ISO 8601 ("2026-11-02T10:15:00") or as the source wrote it */
  char *iso_file;        /* the connected ISO's path, if any */
  FerryFactSource *sources[FERRY_N_FACTS]; /* NULL: the fact is unknown */
} FerryVmFacts;

/* FerryInventoryFacts --------------------------------------------------------------------- */

#define FERRY_TYPE_INVENTORY_FACTS (ferry_inventory_facts_get_type ())
G_DECLARE_FINAL_TYPE (FerryInventoryFacts, ferry_inventory_facts, FERRY, INVENTORY_FACTS, GObject)

/* @source: the inventory's source (without a server; ferry_inventory_facts_add_vm() derives
 * per-vCenter sources from it). Properties "source" (construct-only), "vms" and "networks"
 * (GListModel, read-only). */
FerryInventoryFacts *
ferry_inventory_facts_new (FerryFactSource *source);
FerryFactSource *
ferry_inventory_facts_get_source (FerryInventoryFacts *self);
/* FerryVm, in the order they were added. */
GListModel *
ferry_inventory_facts_get_vms (FerryInventoryFacts *self);
/* FerryNetwork (the networks the NICs are on, each name once). */
GListModel *
ferry_inventory_facts_get_networks (FerryInventoryFacts *self);

/* Adds @vm (which must not be in yet) and returns its facts with every source set to the
 * inventory's source for @vcenter (NULL: the inventory's own); the caller clears the sources
 * of facts the inventory does not know. */
FerryVmFacts *
ferry_inventory_facts_add_vm (FerryInventoryFacts *self, FerryVm *vm, const char *vcenter);
/* Adds every FerryVm of @vms in one change of the "vms" model, each with @vcenter (may be
 * NULL); a fact group whose FerryVm field is unknown gets no source. For the manager's side. */
void
ferry_inventory_facts_add_vms (FerryInventoryFacts *self, GListModel *vms, const char *vcenter);
void
ferry_inventory_facts_add_network (FerryInventoryFacts *self, FerryNetwork *network);
/* The VM's facts, or NULL if @vm is not in this inventory. */
FerryVmFacts *
ferry_inventory_facts_lookup (FerryInventoryFacts *self, FerryVm *vm);
/* Where @fact about @vm came from, or NULL (unknown fact, or @vm not in this inventory). */
FerryFactSource *
ferry_inventory_facts_get_fact_source (FerryInventoryFacts *self, FerryVm *vm, FerryFact fact);
void
ferry_inventory_facts_set_fact_source (FerryInventoryFacts *self, FerryVm *vm, FerryFact fact,
                                       FerryFactSource *source);
/* The inventory's source for @server, one object per vCenter (owned by @self). */
FerryFactSource *
ferry_inventory_facts_source_for_server (FerryInventoryFacts *self, const char *server);

/* Notes an importer made (rows it skipped, columns it did not find), for the user to read. */
void
ferry_inventory_facts_add_note (FerryInventoryFacts *self, const char *note);
const char *const *
ferry_inventory_facts_get_notes (FerryInventoryFacts *self);

/* Setters for FerryVmFacts strings (replace and free the old value). */
void
ferry_vm_facts_set_string (char **field, const char *value);

/* Whether two vCenter names are the same server: equal ignoring case, or one is the other's
 * first DNS label ("vc01" and "vc01.corp.local"). NULL matches nothing. */
gboolean
ferry_vcenter_name_equal (const char *a, const char *b);

G_END_DECLS
