/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-private.h: what the network map's files and the plan share */
#pragma once

#include "ferry-network-map.h"
#include "ferry-plan.h"

G_BEGIN_DECLS

/* ---- FerryNetworkSource (ferry-network-map-objects.c) ---- */

struct _FerryNetworkSource
{
  GObject parent_instance;

  char *id;
  char *name;
  char *network_type;
  char *sort_key; /* casefolded name, then the id */
  guint vlan;
  guint position; /* in the map's sorted list */

  /* Live counts (kept up to date silently) … */
  guint n_nics;
  guint n_vms;
  guint n_connected;
  guint n_exceptions;
  guint n_connected_exceptions;
  FerryNetwork *target; /* owned: the rule's */
  char *problem;

  /* … and what was last notified, for _ferry_network_source_sync(). */
  guint shown_n_nics;
  guint shown_n_vms;
  guint shown_n_connected;
  guint shown_n_unmapped;
  guint shown_n_exceptions;
  FerryNetwork *shown_target; /* borrowed, compared by address only */
  char *shown_problem;
  gboolean dirty;
};

FerryNetworkSource *
_ferry_network_source_new (const char *id, const char *name, const char *network_type);
guint
_ferry_network_source_unmapped (FerryNetworkSource *self);
/* Notifies what changed since the last sync. */
void
_ferry_network_source_sync (FerryNetworkSource *self);
void
_ferry_network_source_set_vlan (FerryNetworkSource *self, guint vlan);

/* ---- FerryNetworkNicRef ---- */

FerryNetworkNicRef *
_ferry_network_nic_ref_new (FerryPlanItem *item, FerryNic *nic, gboolean primary);
void
_ferry_network_nic_ref_update (FerryNetworkNicRef *self, FerryNetwork *target, gboolean exception,
                               const char *problem);

/* ---- FerryNetworkSuggestion ---- */

FerryNetworkSuggestion *
_ferry_network_suggestion_new (FerryNetworkSource *source, FerryNetwork *target,
                               FerryNetworkSuggestionReason reason, const char *reason_text,
                               gboolean retain_mac);

/* ---- The map (ferry-network-map.c), for the plan ---- */

FerryNetworkMap *
_ferry_network_map_new (FerryPlan *plan);
/* The plan is going away. */
void
_ferry_network_map_detach (FerryNetworkMap *self);
/* @item's VM was replaced (reconcile): its NICs are counted again. */
void
_ferry_network_map_item_rebound (FerryNetworkMap *self, FerryPlanItem *item, const char *old_vm_id);
/* Adds @item's networkMappings to @intent. */
void
_ferry_network_map_fill_intent (FerryNetworkMap *self, FerryPlanItem *item,
                                FerryMigrationIntent *intent);
/* The first connected NIC of @item with no destination (and sets *out_index), or NULL. */
FerryNic *
_ferry_network_map_first_unmapped (FerryNetworkMap *self, FerryPlanItem *item, guint *out_index);

/* ---- Undo steps (ferry-network-map.c), for the suggestions ---- */

typedef struct _FerryNetworkMapStep FerryNetworkMapStep;

FerryNetworkMapStep *
_ferry_network_map_step_begin (FerryNetworkMap *self);
void
_ferry_network_map_step_set_rule (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                  const char *source_id, FerryNetwork *target);
void
_ferry_network_map_step_set_retain_mac (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                        FerryPlanItem *item, gboolean retain);
/* Records the step (if it changed anything) and tells the plan. */
void
_ferry_network_map_step_end (FerryNetworkMap *self, FerryNetworkMapStep *step);

/* ---- Problems (ferry-network-map-suggest.c) ---- */

/* Whether virtual machines' NICs can attach to a network of this type. */
gboolean
_ferry_network_type_attachable (FerryNetwork *network);

G_END_DECLS
