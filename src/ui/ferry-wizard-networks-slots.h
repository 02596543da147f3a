/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ferry-network-map.h"

G_BEGIN_DECLS

#define FERRY_TYPE_NETWORK_SLOT (ferry_network_slot_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkSlot, ferry_network_slot, FERRY, NETWORK_SLOT, GObject)

#define FERRY_TYPE_NETWORK_SLOTS (ferry_network_slots_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkSlots, ferry_network_slots, FERRY, NETWORK_SLOTS, GObject)

/* The rows of a list view over @model by position: item i is the slot of row i, whatever
 * @model holds there. When @model changes, only the count changes at the end ("items-changed")
 * and the rows kept are told which of them show something else ("rows-changed", position and
 * count), so a list view keeps its row widgets instead of making new ones (a search keystroke
 * made ~200 new destination rows in GTK 4.8). */
FerryNetworkSlots *
ferry_network_slots_new (GListModel *model);

/* What @model holds at the slot's position now (a new reference), or NULL if nothing. */
gpointer
ferry_network_slot_dup_item (FerryNetworkSlot *self);
guint
ferry_network_slot_get_position (FerryNetworkSlot *self);

#define FERRY_TYPE_NETWORK_NICS (ferry_network_nics_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkNics, ferry_network_nics, FERRY, NETWORK_NICS, GObject)

/* The NICs on @source (ferry_network_map_list_nics()), listed the first time they are asked
 * for. The board's tree asks every source row it binds for its children, to know whether it can
 * be expanded: listing them all at once cost ~5 ms of entering the step at 200 sources. */
FerryNetworkNics *
ferry_network_nics_new (FerryNetworkMap *map, FerryNetworkSource *source);

G_END_DECLS
