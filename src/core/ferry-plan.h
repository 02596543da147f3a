/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan.h: the migration wizard's state, the single source of truth the pages bind to
 *
 * A plan is a site pair (the source and destination vCenters), the defaults (a
 * FerryPlanOptions: the HCX "green area"), the prerequisite check's verdict per migration type,
 * and one FerryPlanItem per selected VM: the plan is a GListModel of its items, in the order
 * they were selected. It produces the migrationIntent bodies of hcx-api.md §6 as
 * FerryMigrationIntent objects, all carrying the plan's one migration group id.
 *
 * "changed" is emitted after every change that should be saved (selection, defaults,
 * overrides, site pair, names), so a store can save it; batch operations emit it once.
 *
 * Properties: "id" (string, read-only, a UUID), "migration-group-id" (string, read-only),
 * "name" (string), "server" (string: the HCX Manager address), "manager-id" (the manager's
 * endpointId), "remote-endpoint-id", "remote-name" (the remote site), "source" and
 * "destination" (FerryResourceContainer), "defaults" (FerryPlanOptions, read-only),
 * "n-items" (uint), "total-disk-bytes" (int64: the selection's provisioned disk),
 * "n-problems" (uint: items with a problem), "created", "modified" (int64 epoch ms).
 *
 * Read-only once started: when the start state (ferry-plan-start.h) is not NONE, every setter,
 * add/remove/clear, override/reset (on the plan, its items or its defaults) and the prerequisite
 * report are refused: they return early as if nothing changed (FALSE, 0, or the item already
 * there, no "changed", no warning), and ferry_plan_reconcile() only reports the missing VMs.
 * Only the start state, the migration ids and the saved times still change. */
#pragma once

#include <gio/gio.h>

#include "ferry-migration-intent.h"
#include "ferry-network-map.h"
#include "ferry-plan-item.h"
#include "ferry-plan-options.h"
#include "ferry-plan-preflight.h"
#include "ferry-prereq.h"
#include "ferry-resource-container.h"
#include "ferry-vm.h"

G_BEGIN_DECLS

#define FERRY_PLAN_ERROR (ferry_plan_error_quark ())
typedef enum
{
  /* The plan lacks something the intents need (site pair, placement, datastore). */
  FERRY_PLAN_ERROR_INCOMPLETE,
  /* No VM is selected. */
  FERRY_PLAN_ERROR_EMPTY,
} FerryPlanError;
GQuark
ferry_plan_error_quark (void);

#define FERRY_TYPE_PLAN (ferry_plan_get_type ())
G_DECLARE_FINAL_TYPE (FerryPlan, ferry_plan, FERRY, PLAN, GObject)

FerryPlan *
ferry_plan_new (void);
/* For a plan read back from disk: its id and group id as saved. */
FerryPlan *
ferry_plan_new_with_ids (const char *id, const char *migration_group_id);

const char *
ferry_plan_get_id (FerryPlan *self);
const char *
ferry_plan_get_migration_group_id (FerryPlan *self);
const char *
ferry_plan_get_name (FerryPlan *self);
void
ferry_plan_set_name (FerryPlan *self, const char *name);
const char *
ferry_plan_get_server (FerryPlan *self);
void
ferry_plan_set_server (FerryPlan *self, const char *server);
const char *
ferry_plan_get_manager_id (FerryPlan *self);
void
ferry_plan_set_manager_id (FerryPlan *self, const char *manager_id);
const char *
ferry_plan_get_remote_endpoint_id (FerryPlan *self);
void
ferry_plan_set_remote_endpoint_id (FerryPlan *self, const char *endpoint_id);
const char *
ferry_plan_get_remote_name (FerryPlan *self);
void
ferry_plan_set_remote_name (FerryPlan *self, const char *name);
FerryResourceContainer *
ferry_plan_get_source (FerryPlan *self);
void
ferry_plan_set_source (FerryPlan *self, FerryResourceContainer *source);
FerryResourceContainer *
ferry_plan_get_destination (FerryPlan *self);
void
ferry_plan_set_destination (FerryPlan *self, FerryResourceContainer *destination);
FerryPlanOptions *
ferry_plan_get_defaults (FerryPlan *self);
/* The plan's network mapping (never NULL): see ferry-network-map.h. */
FerryNetworkMap *
ferry_plan_get_network_map (FerryPlan *self);
gint64
ferry_plan_get_created (FerryPlan *self);
gint64
ferry_plan_get_modified (FerryPlan *self);
/* For the store: restores the saved times. */
void
ferry_plan_set_times (FerryPlan *self, gint64 created, gint64 modified);

/* Migration types: without a report every type is allowed. With one, a type is allowed only
 * when the prerequisite check says so; *out_reason is the report's reasons, one a line. If the
 * default type is not allowed, the default becomes the first allowed one. */
void
ferry_plan_set_prereq_report (FerryPlan *self, FerryPrereqReport *report);
gboolean
ferry_plan_type_allowed (FerryPlan *self, FerryMigrationType type, const char **out_reason);

/* Selection. */
guint
ferry_plan_get_n_items (FerryPlan *self);
FerryPlanItem *
ferry_plan_lookup (FerryPlan *self, const char *vm_id);
gboolean
ferry_plan_contains (FerryPlan *self, FerryVm *vm);
/* Returns the (new or existing) item; borrowed. */
FerryPlanItem *
ferry_plan_add_vm (FerryPlan *self, FerryVm *vm);
/* Adds every VM not yet in the plan, in one change; returns how many were added. */
guint
ferry_plan_add_vms (FerryPlan *self, FerryVm *const *vms, guint n_vms);
gboolean
ferry_plan_remove_vm (FerryPlan *self, FerryVm *vm);
guint
ferry_plan_remove_vms (FerryPlan *self, FerryVm *const *vms, guint n_vms);
void
ferry_plan_clear (FerryPlan *self);
gint64
ferry_plan_get_total_disk_bytes (FerryPlan *self);
guint
ferry_plan_get_n_problems (FerryPlan *self);

/* Groups many changes (loading a plan, a script): problems are recomputed and "changed" is
 * emitted once, at the outermost end. */
void
ferry_plan_begin_changes (FerryPlan *self);
void
ferry_plan_end_changes (FerryPlan *self);

/* Multi-VM override and reset: one change for all @items (FerryPlanItem of this plan). */
void
ferry_plan_override (FerryPlan *self, FerryPlanItem *const *items, guint n_items,
                     FerryPlanField field, const GValue *value);
void
ferry_plan_reset (FerryPlan *self, FerryPlanItem *const *items, guint n_items,
                  FerryPlanField field);

/* The problems @vm has (or would have if selected) under its effective settings, or the
 * defaults when it is not in the plan. */
FerryPreflightFlags
ferry_plan_check_vm (FerryPlan *self, FerryVm *vm);

/* Rebinds the items to the inventory's objects (by VM id, else by name) after a reconnect or
 * a restart; returns the names of the items whose VM the inventory does not have (the items
 * stay, with the saved facts). */
GStrv
ferry_plan_reconcile (FerryPlan *self, GListModel *inventory);

/* Selects the VMs of @inventory named in @names (exact name, else case-insensitive), in one
 * change; returns the names found nowhere (NULL-terminated, maybe empty) and sets *out_added. */
GStrv
ferry_plan_select_names (FerryPlan *self, GListModel *inventory, const char *const *names,
                         guint *out_added);

/* One intent per item, in the plan's order (FerryMigrationIntent). Fails with
 * FERRY_PLAN_ERROR when the plan is empty or lacks the site pair, a compute container or a
 * datastore for some VM, when a connected NIC has no destination network, or when a NIC's
 * destination has a problem (the message names the first such VM and NIC). Each intent carries
 * one networkMappings entry per NIC that has a destination. */
GListModel *
ferry_plan_build_intents (FerryPlan *self, GError **error);
FerryMigrationIntent *
ferry_plan_build_intent (FerryPlan *self, FerryPlanItem *item);

G_END_DECLS
