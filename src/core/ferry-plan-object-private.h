/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-object-private.h: the FerryPlan instance, for ferry-plan.c and
 * ferry-plan-selection.c only */
#pragma once

#include "ferry-network-map-private.h"
#include "ferry-plan-private.h"

G_BEGIN_DECLS

struct _FerryPlan
{
  GObject parent_instance;

  char *id;
  char *migration_group_id;
  char *name;
  char *server;
  char *manager_id;
  char *remote_endpoint_id;
  char *remote_name;
  FerryResourceContainer *source;
  FerryResourceContainer *destination;
  FerryPlanOptions *defaults;
  gint64 created;
  gint64 modified;

  GPtrArray *items;  /* FerryPlanItem, selection order */
  GHashTable *by_id; /* VM id (owned copy) -> FerryPlanItem (borrowed) */
  gint64 total_disk;
  guint n_problems;

  guint allowed_mask; /* bit per FerryMigrationType */
  char *reasons[FERRY_N_MIGRATION_TYPES];

  guint batch_depth;
  gboolean pending_changed;

  FerryNetworkMap *network_map; /* owned; follows the items */
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_MIGRATION_GROUP_ID,
  PROP_NAME,
  PROP_SERVER,
  PROP_MANAGER_ID,
  PROP_REMOTE_ENDPOINT_ID,
  PROP_REMOTE_NAME,
  PROP_SOURCE,
  PROP_DESTINATION,
  PROP_DEFAULTS,
  PROP_N_ITEMS,
  PROP_TOTAL_DISK_BYTES,
  PROP_N_PROBLEMS,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

extern GParamSpec *_ferry_plan_properties[N_PROPS];

G_END_DECLS
