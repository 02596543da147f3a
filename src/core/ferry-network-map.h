/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map.h: the plan's network mapping (the wizard's "Networks" board)
 *
 * FerryNetworkMap is owned by its FerryPlan (ferry_plan_get_network_map (plan), never NULL).
 * Pure core: no I/O.
 *
 * - Sources (FerryNetworkSource): one per source network used by the selected VMs' NICs,
 *   derived from the plan's items and updated in place as the selection changes (a source whose
 *   last NIC leaves the selection leaves the list; its rule stays, for when it comes back).
 * - Rules: source network -> destination network (FerryNetwork).
 * - Exceptions: one NIC of one item mapped elsewhere than its network's rule.
 * - Problems: a rule or exception to a network the destination no longer has (only when the
 *   destinations are known), or to a network virtual machines cannot attach to: only NSX-T
 *   segments ("NsxtSegment"), port groups ("DistributedVirtualPortgroup", "Network") and opaque
 *   networks ("OpaqueNetwork") carry a migrated VM's NIC; any other type (a switch, an uplink
 *   port group "DistributedVirtualPortgroupUplink", a tier-1 gateway, …) is the wrong type for
 *   every migration type. A network with no type is taken as attachable.
 * - Blocker: connected NICs with no effective destination ("n-unmapped").
 * - Auto-map suggestions, and undo/redo of every mapping change.
 *
 * Every mapping change is one undo step and emits "changed" on the plan once. A started plan
 * (ferry_plan_get_read_only ()) is read-only: mapping changes, undo and redo do nothing. */
#pragma once

#include <gio/gio.h>

#include "ferry-network.h"
#include "ferry-nic.h"
#include "ferry-plan-item.h"

G_BEGIN_DECLS

/* One source network used by the plan's selected VMs' NICs. Read-only properties, notified:
 * "id", "name", "network-type" (wire type, e.g. DistributedVirtualPortgroup), "vlan" (uint,
 * 0 = unknown: from the inventory when known, else parsed from the name), "n-nics", "n-vms",
 * "n-connected", "n-unmapped" (connected NICs on it with no target), "n-exceptions",
 * "target" (FerryNetwork or NULL: the rule's destination), "problem" (string or NULL: e.g.
 * "web-segment is no longer on the destination"). */
#define FERRY_TYPE_NETWORK_SOURCE (ferry_network_source_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkSource, ferry_network_source, FERRY, NETWORK_SOURCE, GObject)

const char *
ferry_network_source_get_id (FerryNetworkSource *self);
const char *
ferry_network_source_get_name (FerryNetworkSource *self);
const char *
ferry_network_source_get_network_type (FerryNetworkSource *self);
guint
ferry_network_source_get_vlan (FerryNetworkSource *self);
guint
ferry_network_source_get_n_nics (FerryNetworkSource *self);
guint
ferry_network_source_get_n_vms (FerryNetworkSource *self);
guint
ferry_network_source_get_n_connected (FerryNetworkSource *self);
guint
ferry_network_source_get_n_unmapped (FerryNetworkSource *self);
guint
ferry_network_source_get_n_exceptions (FerryNetworkSource *self);
FerryNetwork *
ferry_network_source_get_target (FerryNetworkSource *self);
const char *
ferry_network_source_get_problem (FerryNetworkSource *self);

/* One NIC on a source network. Read-only properties: "item" (FerryPlanItem), "nic" (FerryNic),
 * "primary" (bool), "target" (FerryNetwork or NULL, the effective one), "exception" (bool),
 * "problem" (string or NULL: the effective target's problem). */
#define FERRY_TYPE_NETWORK_NIC_REF (ferry_network_nic_ref_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkNicRef, ferry_network_nic_ref, FERRY, NETWORK_NIC_REF, GObject)

FerryPlanItem *
ferry_network_nic_ref_get_item (FerryNetworkNicRef *self);
FerryNic *
ferry_network_nic_ref_get_nic (FerryNetworkNicRef *self);
gboolean
ferry_network_nic_ref_get_primary (FerryNetworkNicRef *self);
FerryNetwork *
ferry_network_nic_ref_get_target (FerryNetworkNicRef *self);
gboolean
ferry_network_nic_ref_get_exception (FerryNetworkNicRef *self);
const char *
ferry_network_nic_ref_get_problem (FerryNetworkNicRef *self);

typedef enum
{
  FERRY_NETWORK_SUGGESTION_SAME_NAME, /* identical names, ignoring case and separators */
  FERRY_NETWORK_SUGGESTION_SAME_VLAN, /* the same VLAN number in both names (or inventories) */
  FERRY_NETWORK_SUGGESTION_EXTENDED,  /* the source's own L2-extended network */
  /* The same name once VLAN tags and generic words (segment, seg, pg, net, network, vlan, ls,
   * dvpg, portgroup) are left out: "VLAN100-Web" -> "web-segment". */
  FERRY_NETWORK_SUGGESTION_SIMILAR_NAME,
} FerryNetworkSuggestionReason;

#define FERRY_TYPE_NETWORK_SUGGESTION_REASON (ferry_network_suggestion_reason_get_type ())
GType
ferry_network_suggestion_reason_get_type (void) G_GNUC_CONST;

/* An auto-map suggestion. Read-only properties: "source" (FerryNetworkSource), "target"
 * (FerryNetwork), "reason" (FerryNetworkSuggestionReason), "reason-text" (translated, e.g.
 * "Same VLAN 100 in both names"), "retain-mac" (bool: suggested on, for extended targets). */
#define FERRY_TYPE_NETWORK_SUGGESTION (ferry_network_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkSuggestion, ferry_network_suggestion, FERRY, NETWORK_SUGGESTION,
                      GObject)

FerryNetworkSource *
ferry_network_suggestion_get_source (FerryNetworkSuggestion *self);
FerryNetwork *
ferry_network_suggestion_get_target (FerryNetworkSuggestion *self);
FerryNetworkSuggestionReason
ferry_network_suggestion_get_reason (FerryNetworkSuggestion *self);
const char *
ferry_network_suggestion_get_reason_text (FerryNetworkSuggestion *self);
gboolean
ferry_network_suggestion_get_retain_mac (FerryNetworkSuggestion *self);

/* The map. Properties (read-only, notified): "n-unmapped" (uint), "n-problems" (uint: sources
 * and exceptions whose target has a problem), "can-undo", "can-redo" (bool), "destinations"
 * (GListModel or NULL). */
#define FERRY_TYPE_NETWORK_MAP (ferry_network_map_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkMap, ferry_network_map, FERRY, NETWORK_MAP, GObject)

/* GListModel of FerryNetworkSource, sorted by name; the board's left column. */
GListModel *
ferry_network_map_get_sources (FerryNetworkMap *self);
/* The source of that network id in the list, or NULL. Borrowed. */
FerryNetworkSource *
ferry_network_map_lookup_source (FerryNetworkMap *self, const char *network_id);

/* The destination site's networks (FerryNetwork; the wizard sets what list_networks returned
 * for the remote endpoint). Rules to ids not in it get a problem. NULL = not known yet (no
 * "not present" problem then). Rules and exceptions to an id the list has are rebound to the
 * list's object (so a target compares equal to the destination row showing it). */
void
ferry_network_map_set_destinations (FerryNetworkMap *self, GListModel *networks);
GListModel *
ferry_network_map_get_destinations (FerryNetworkMap *self);
/* The destination of that id (from the destinations, else any rule's or exception's target),
 * or NULL. Borrowed. */
FerryNetwork *
ferry_network_map_lookup_destination (FerryNetworkMap *self, const char *network_id);

/* Rules (one undo step per call, "changed" on the plan once). */
void
ferry_network_map_map (FerryNetworkMap *self, FerryNetworkSource *const *sources, guint n,
                       FerryNetwork *target);
void
ferry_network_map_unmap (FerryNetworkMap *self, FerryNetworkSource *const *sources, guint n);

/* Per-NIC exceptions: @nic is one of @item's VM's NICs. target NULL = reset to the rule. */
void
ferry_network_map_set_exception (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic,
                                 FerryNetwork *target);
gboolean
ferry_network_map_has_exception (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic);
/* The effective destination of a NIC (exception, else rule), or NULL. Borrowed. */
FerryNetwork *
ferry_network_map_resolve (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic);
/* The problem of the NIC's effective destination, or NULL. */
const char *
ferry_network_map_get_nic_problem (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic);
/* Whether @nic is @item's VM's primary NIC: the one the inventory says, else the first. */
gboolean
ferry_network_map_is_primary (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic);

/* The NICs on a source network: a GListModel of FerryNetworkNicRef, in the plan's order — for
 * expanding a source network in the board. A new snapshot per call; the refs' "target",
 * "exception" and "problem" follow later mapping changes. */
GListModel *
ferry_network_map_list_nics (FerryNetworkMap *self, FerryNetworkSource *source);

/* Blocker: connected NICs with no effective destination, over the whole plan. */
guint
ferry_network_map_get_n_unmapped (FerryNetworkMap *self);
/* Sources and exceptions whose destination has a problem. */
guint
ferry_network_map_get_n_problems (FerryNetworkMap *self);

/* Auto-map: suggestions (GListModel of FerryNetworkSuggestion), only for unmapped sources, at
 * most one per source: its extended network first, else the same name, else the same VLAN.
 * Needs the destinations (empty without them). Applying some or all is one undo step;
 * retain-mac suggestions set the items' Retain MAC override in the same step. */
GListModel *
ferry_network_map_suggest (FerryNetworkMap *self);
void
ferry_network_map_apply_suggestions (FerryNetworkMap *self,
                                     FerryNetworkSuggestion *const *suggestions, guint n);

/* Undo/redo of mapping changes (rules, exceptions, applied suggestions). */
gboolean
ferry_network_map_undo (FerryNetworkMap *self);
gboolean
ferry_network_map_redo (FerryNetworkMap *self);
gboolean
ferry_network_map_get_can_undo (FerryNetworkMap *self);
gboolean
ferry_network_map_get_can_redo (FerryNetworkMap *self);

/* The source site's networks (FerryNetwork, as list_networks returned them for the local
 * endpoint), for the sources' "vlan" where the inventory knows it. NULL = parse the names. */
void
ferry_network_map_set_source_networks (FerryNetworkMap *self, GListModel *networks);

/* For the plan store: the rules and exceptions as they are (including those of sources or VMs
 * not in the selection now), in a stable order, and putting them back without an undo step or
 * a "changed" (a loader groups its changes in ferry_plan_begin_changes()). A NIC is named
 * within its VM by ferry_network_nic_key(). */
typedef void (*FerryNetworkMapRuleFunc) (const char *source_id, FerryNetwork *target,
                                         gpointer user_data);
typedef void (*FerryNetworkMapExceptionFunc) (const char *vm_id, const char *nic_key,
                                              FerryNetwork *target, gpointer user_data);
void
ferry_network_map_foreach_rule (FerryNetworkMap *self, FerryNetworkMapRuleFunc func,
                                gpointer user_data);
void
ferry_network_map_foreach_exception (FerryNetworkMap *self, FerryNetworkMapExceptionFunc func,
                                     gpointer user_data);
void
ferry_network_map_restore_rule (FerryNetworkMap *self, const char *source_id, FerryNetwork *target);
void
ferry_network_map_restore_exception (FerryNetworkMap *self, const char *vm_id, const char *nic_key,
                                     FerryNetwork *target);
/* Forgets the undo history (after loading). */
void
ferry_network_map_clear_history (FerryNetworkMap *self);
/* A NIC's name within its VM: its MAC address, else "label:" and its label, else "#" and its
 * position. */
char *
ferry_network_nic_key (FerryNic *nic, guint position);

/* Name helpers, exposed for the tests and the board's search. The VLAN number found in @name
 * (0 if none): a number right after "vlan" ("VLAN100", "vlan-100", "Vlan_100"), else a lone
 * number of 1–4094 that is a whole separator-delimited word and not a year or a zero-padded
 * index ("web-100" -> 100; "web-2019", "db01", "web-01-02" -> 0; two candidate numbers -> 0). */
guint
ferry_network_name_vlan (const char *name);
/* Lower-case letters and digits only (case and separators ignored): "VLAN100-Web" ->
 * "vlan100web". */
char *
ferry_network_name_key (const char *name);

G_END_DECLS
