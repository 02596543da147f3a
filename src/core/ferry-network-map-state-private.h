/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-state-private.h: the FerryNetworkMap instance, for the map's own files
 * (ferry-network-map*.c) only */
#pragma once

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ferry-network-map-private.h"
#include "ferry-plan-private.h"

G_BEGIN_DECLS

typedef struct _NicRec NicRec;

/* An exception: owned by the map's table; linked to its NIC while the NIC's item is selected. */
typedef struct
{
  FerryNetwork *target; /* owned */
  NicRec *nic;          /* borrowed, NULL while the NIC is not in the selection */
} ExcEntry;

struct _NicRec
{
  FerryNic *nic;           /* borrowed from the record's VM */
  char *key;               /* ferry_network_nic_key () */
  FerryNetworkSource *src; /* borrowed (the map's list holds it); NULL: no network */
  ExcEntry *exc;           /* borrowed, or NULL */
  gboolean connected;
  gboolean primary;
};

/* One selected item, as counted (so a removal subtracts exactly what was added). */
typedef struct
{
  FerryPlanItem *item; /* owned */
  FerryVm *vm;         /* owned: the VM whose NICs were counted */
  guint n_nics;
  NicRec *nics;
} ItemRec;

struct _FerryNetworkMap
{
  GObject parent_instance;

  FerryPlan *plan; /* borrowed: the plan owns the map */

  GPtrArray *recs;           /* ItemRec, the plan's order */
  GHashTable *rec_by_item;   /* FerryPlanItem -> ItemRec */
  GHashTable *rules;         /* source network id -> FerryNetwork */
  GHashTable *exceptions;    /* "vm id\x1fnic key" -> ExcEntry */
  GPtrArray *sources;        /* FerryNetworkSource, sorted by sort_key */
  GHashTable *sources_by_id; /* id (the source's) -> FerryNetworkSource */
  GPtrArray *dirty;          /* FerryNetworkSource touched by the current change */
  guint orphan_unmapped;     /* connected NICs with no network and no exception */

  GListModel *destinations;
  GListStore *offline;      /* offline destinations (ferry-network-map-offline.c), or NULL */
  GHashTable *dest_index;   /* id -> FerryNetwork, NULL while unknown */
  GHashTable *source_vlans; /* source network id -> vlan (GUINT_TO_POINTER), or NULL */

  GHashTable *live_refs; /* FerryNetworkNicRef (weak) handed out by list_nics */

  GPtrArray *undo; /* FerryNetworkMapStep */
  GPtrArray *redo;
  gboolean in_plan_batch;

  guint n_unmapped;
  guint n_problems;
  gboolean can_undo;
  gboolean can_redo;
};

/* The map's properties (ferry-network-map.c) */
enum
{
  PROP_0,
  PROP_N_UNMAPPED,
  PROP_N_PROBLEMS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DESTINATIONS,
  N_PROPS
};

/* ---- ferry-network-map.c ---- */

void
_ferry_network_map_notify (FerryNetworkMap *self, guint prop);
guint
_ferry_network_map_source_position (FerryNetworkMap *self, const char *sort_key, gboolean *found);
void
_ferry_network_map_mark_dirty (FerryNetworkMap *self, FerryNetworkSource *src);
void
_ferry_network_map_source_update_problem (FerryNetworkMap *self, FerryNetworkSource *src);

/* ---- ferry-network-map-selection.c ---- */

void
_ferry_network_map_exc_entry_free (gpointer data);
void
_ferry_network_map_item_rec_free (ItemRec *rec);
void
_ferry_network_map_source_count (FerryNetworkMap *self, NicRec *n, int sign,
                                 gboolean first_on_source);
void
_ferry_network_map_plan_items_changed_cb (GListModel *plan, guint position, guint removed,
                                          guint added, FerryNetworkMap *self);

/* ---- ferry-network-map-history.c ---- */

void
_ferry_network_map_step_free (gpointer data);
void
_ferry_network_map_step_set_exception (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                       const char *key, FerryNetwork *target);

/* ---- Shared across the map's files ---- */

gboolean
_ferry_network_map_frozen (FerryNetworkMap *self);
char *
_ferry_network_exception_key (const char *vm_id, const char *nic_key);
char *
_ferry_network_map_problem (FerryNetworkMap *self, FerryNetwork *target);
FerryNetwork *
_ferry_network_map_canonical (FerryNetworkMap *self, FerryNetwork *target);
gboolean
_ferry_network_same (FerryNetwork *a, FerryNetwork *b);
NicRec *
_ferry_network_map_find_nic (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic);
ItemRec *
_ferry_network_map_find_item (FerryNetworkMap *self, FerryPlanItem *item);
FerryNetwork *
_ferry_network_map_effective (NicRec *nr);
void
_ferry_network_map_update_end (FerryNetworkMap *self, gboolean mappings_changed);
gboolean
_ferry_network_map_set_rule_raw (FerryNetworkMap *self, const char *source_id,
                                 FerryNetwork *target);
gboolean
_ferry_network_map_set_exception_raw (FerryNetworkMap *self, const char *key, FerryNetwork *target);

G_END_DECLS
