/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-inventory-reconcile.h: the planned VMs (an RVTools export, an offline plan) against an
 * HCX Manager's inventory, and the manager's VMs enriched with the export's facts
 *
 * Matching, per planned VM: by VM UUID (or else SMBIOS UUID) where both sides have it;
 * otherwise by name and vCenter (names compare exactly, vCenters with
 * ferry_vcenter_name_equal()); where one side does not know its vCenter, by name alone if only
 * one VM has that name. A name match whose UUIDs differ is not a match (the VM was recreated).
 * Each manager VM matches at most once. Pure: no I/O. */
#pragma once

#include <gio/gio.h>

#include "ferry-inventory-facts.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_RECONCILE_MATCHED,   /* found, and nothing that matters changed */
  FERRY_RECONCILE_CHANGED,   /* found, but NICs, size or power state differ */
  FERRY_RECONCILE_MISSING,   /* not in the manager's inventory */
  FERRY_RECONCILE_AMBIGUOUS, /* several manager VMs could be it (same name, vCenter unknown) */
  FERRY_RECONCILE_NEW,       /* only in the manager's inventory (FERRY_RECONCILE_FLAG_NEW) */
} FerryReconcileStatus;

typedef enum
{
  FERRY_RECONCILE_CHANGE_NONE = 0,
  FERRY_RECONCILE_CHANGE_NICS = 1 << 0,        /* added, removed, other network, connected */
  FERRY_RECONCILE_CHANGE_SIZE = 1 << 1,        /* CPUs, memory, disk */
  FERRY_RECONCILE_CHANGE_POWER_STATE = 1 << 2, /* powered on / off / suspended */
} FerryReconcileChanges;

typedef enum
{
  FERRY_RECONCILE_MATCH_NONE,
  FERRY_RECONCILE_MATCH_UUID,
  FERRY_RECONCILE_MATCH_NAME_VCENTER,
  FERRY_RECONCILE_MATCH_NAME,
} FerryReconcileMatch;

typedef enum
{
  FERRY_RECONCILE_FLAG_NONE = 0,
  FERRY_RECONCILE_FLAG_NEW = 1 << 0, /* also list the manager's VMs nobody planned */
} FerryReconcileFlags;

#define FERRY_TYPE_RECONCILE_ITEM (ferry_reconcile_item_get_type ())
G_DECLARE_FINAL_TYPE (FerryReconcileItem, ferry_reconcile_item, FERRY, RECONCILE_ITEM, GObject)

/* Read-only properties: "status", "changes", "match", "planned-vm", "manager-vm", "details". */
FerryReconcileStatus
ferry_reconcile_item_get_status (FerryReconcileItem *self);
FerryReconcileChanges
ferry_reconcile_item_get_changes (FerryReconcileItem *self);
FerryReconcileMatch
ferry_reconcile_item_get_match (FerryReconcileItem *self);
/* NULL for FERRY_RECONCILE_NEW. */
FerryVm *
ferry_reconcile_item_get_planned_vm (FerryReconcileItem *self);
/* NULL for MISSING and AMBIGUOUS. */
FerryVm *
ferry_reconcile_item_get_manager_vm (FerryReconcileItem *self);
/* One line per change, translatable: "Memory 8192 MiB → 16384 MiB",
 * "Network adapter 2: network VLAN100-Web → VLAN200-App", "Powered off (was on)"; for MISSING
 * and AMBIGUOUS why. Never NULL (empty for MATCHED). */
const char *const *
ferry_reconcile_item_get_details (FerryReconcileItem *self);

/* Reconciles every VM of @planned with @manager. Returns FerryReconcileItem s: one per planned
 * VM, in @planned's order, then (with FERRY_RECONCILE_FLAG_NEW) one per unmatched manager VM. */
GListModel *
ferry_inventory_reconcile (FerryInventoryFacts *planned, FerryInventoryFacts *manager,
                           FerryReconcileFlags flags);
/* How many items of @items have @status. */
guint
ferry_inventory_reconcile_count (GListModel *items, FerryReconcileStatus status);

/* For each matched or changed item of @reconciled (from ferry_inventory_reconcile (export,
 * manager, …)): fills the manager VM's snapshot count, ISO, hardware version and Tools status
 * from the export where the manager does not know them (the manager's own values win), and
 * records the export's source for each fact filled in @manager; the extra facts the manager
 * lacks (UUIDs, provisioned / in-use space, snapshot names, the ISO file, …) are copied too.
 * Returns how many facts were filled. */
guint
ferry_inventory_facts_enrich (FerryInventoryFacts *manager, FerryInventoryFacts *export_facts,
                              GListModel *reconciled);

G_END_DECLS
