/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store-networks-private.h: the plan file's "networks" member: the network
 * mapping's rules and per-NIC exceptions (ferry-network-map.h; format in ferry-plan-store.h)
 *
 * Reading is in two halves, so a damaged section refuses the whole file before any plan is
 * made: _ferry_plan_store_read_networks() checks and keeps what it read, and
 * _ferry_plan_store_apply_networks() puts it into the plan once its items are in. */
#pragma once

#include <json-glib/json-glib.h>

#include "ferry-plan.h"

G_BEGIN_DECLS

void
_ferry_plan_store_add_networks (JsonBuilder *b, FerryPlan *plan);

typedef struct _FerryPlanStoreNetworks FerryPlanStoreNetworks;

/* NULL with @error set (FERRY_PLAN_STORE_ERROR_CORRUPT) when the member is damaged; an absent
 * member (a version 1 file) reads as no mappings. */
FerryPlanStoreNetworks *
_ferry_plan_store_read_networks (JsonObject *o, GError **error);
void
_ferry_plan_store_apply_networks (FerryPlanStoreNetworks *networks, FerryPlan *plan);
void
_ferry_plan_store_networks_free (FerryPlanStoreNetworks *networks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryPlanStoreNetworks, _ferry_plan_store_networks_free)

G_END_DECLS
