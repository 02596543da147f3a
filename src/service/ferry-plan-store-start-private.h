/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store-start-private.h: the plan file's "start" member (ferry-plan-start.h)
 *
 *   "start": { "state": "sent" | "started",
 *              "migrations": { "<vm id>": "<migration id>", … } }
 *
 * Absent (or an unknown state) means the start was never sent. */
#pragma once

#include <json-glib/json-glib.h>

#include "ferry-plan-start.h"

G_BEGIN_DECLS

void
_ferry_plan_store_add_start (JsonBuilder *b, FerryPlan *plan);
/* Malformed members are ignored (a plan is never refused for them). */
void
_ferry_plan_store_read_start (JsonObject *o, FerryPlan *plan);

G_END_DECLS
