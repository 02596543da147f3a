/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-offline.h: destination networks known by name only, for a plan made with
 * no HCX Manager (planning from an RVTools export)
 *
 * Offline, the Networks board has no destination side: the user types the destination's
 * networks in, or imports a list of them (src/service/ferry-network-list.h reads the file).
 * Each one is a FerryNetwork whose id is "offline:" and its name, with a network type (wire
 * type, or NULL: attachable) and a VLAN (0 = unknown). While the map has no destinations from
 * a manager, the offline list is its destinations: rules and exceptions map to them as to any
 * network, and auto-map suggests them by name and VLAN. The plan saves them (plan format:
 * "networks.destinations").
 *
 * On connecting, ferry_network_map_reconcile_offline() binds every mapping to an offline
 * network to the manager's network of the same name; a mapping whose name the manager does not
 * have keeps its offline target, which then shows the map's usual problem "… is no longer on
 * the destination". The undo history is cleared: an undo must not bring an offline network
 * back. Pure core: no I/O. */
#pragma once

#include "ferry-network-map.h"

G_BEGIN_DECLS

#define FERRY_NETWORK_OFFLINE_ID_PREFIX "offline:"

/* A destination network known by name (NULL if @name is empty after trimming). @network_type:
 * a wire type ("NsxtSegment", "DistributedVirtualPortgroup", …) or NULL; @vlan: 0 or 1–4094. */
FerryNetwork *
ferry_network_offline_new (const char *name, const char *network_type, guint vlan);
/* Whether @network is one of those (its id starts with "offline:"). */
gboolean
ferry_network_is_offline (FerryNetwork *network);
/* The wire type for what a user writes in a list: "segment", "nsx", "nsxt", "NsxtSegment" ->
 * "NsxtSegment"; "portgroup", "port group", "dvpg", "pg", "DistributedVirtualPortgroup" ->
 * "DistributedVirtualPortgroup"; "network", "Network" -> "Network"; "opaque", "OpaqueNetwork"
 * -> "OpaqueNetwork" (case and surrounding spaces ignored). *out_type is NULL for an empty
 * text. FALSE for anything else. */
gboolean
ferry_network_offline_type_from_text (const char *text, const char **out_type);
/* A short translated word for a network's type, for lists ("NSX segment", "Port group", …), or
 * NULL when it has none. */
const char *
ferry_network_type_describe (FerryNetwork *network);

/* The offline destinations (GListModel of FerryNetwork, in the order added; never NULL). */
GListModel *
ferry_network_map_get_offline_destinations (FerryNetworkMap *self);
/* Whether the map's destinations are the offline list (no manager's list set). */
gboolean
ferry_network_map_get_offline (FerryNetworkMap *self);
/* Adds offline networks (ferry_network_offline_new ()); one with the name of a network already
 * in the list (case ignored) is left out. Returns how many were added. When the map has no
 * destinations yet, the offline list becomes its destinations. Emits "changed" on the plan
 * once when anything was added (not while the plan is read-only). */
guint
ferry_network_map_add_offline_destinations (FerryNetworkMap *self, FerryNetwork *const *networks,
                                            guint n);
/* Removes one; mappings to it then show "… is no longer on the destination". */
void
ferry_network_map_remove_offline_destination (FerryNetworkMap *self, FerryNetwork *network);

/* The manager's networks are known: every rule and exception to an offline network is bound to
 * @networks' network of the same name (exactly, else ignoring case and separators when only
 * one matches), @networks become the destinations, the offline list is emptied and the undo
 * history cleared. Returns how many mappings were bound; *out_missing (may be NULL) gets how
 * many name a network @networks do not have. Emits "changed" on the plan when anything was
 * bound or the offline list was not empty. With nothing offline (no offline list, no mapping
 * to an offline network) it only sets the destinations, and the history stays. */
guint
ferry_network_map_reconcile_offline (FerryNetworkMap *self, GListModel *networks,
                                     guint *out_missing);

G_END_DECLS
