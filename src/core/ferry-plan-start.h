/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-start.h: what a plan's start did (kept with the plan, saved by the plan store)
 *
 * A plan goes NONE → SENT (the start request is about to leave: from here on, Ferry must ask
 * the server what exists before it offers to start anything) → STARTED (every VM has its
 * migration: the plan is read-only). A start that created only some migrations stays SENT with
 * the migration ids it has. Each change emits the plan's "changed" (so the store saves it). */
#pragma once

#include "ferry-plan.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_PLAN_START_NONE,
  FERRY_PLAN_START_SENT,
  FERRY_PLAN_START_STARTED,
} FerryPlanStartState;

FerryPlanStartState
ferry_plan_get_start_state (FerryPlan *self);
void
ferry_plan_set_start_state (FerryPlan *self, FerryPlanStartState state);

/* TRUE once started: nothing about the plan should change any more. */
gboolean
ferry_plan_get_read_only (FerryPlan *self);

/* The migration id the server returned for @vm_id's VM, or NULL. */
const char *
ferry_plan_get_migration_id (FerryPlan *self, const char *vm_id);
/* @migration_id NULL forgets it. */
void
ferry_plan_set_migration_id (FerryPlan *self, const char *vm_id, const char *migration_id);
/* The VM ids with a migration id (NULL-terminated, sorted). */
GStrv
ferry_plan_list_started_vm_ids (FerryPlan *self);
guint
ferry_plan_get_n_started (FerryPlan *self);

/* "sent", "started" or NULL (none), as saved; unknown text reads as NONE. */
const char *
ferry_plan_start_state_to_string (FerryPlanStartState state);
FerryPlanStartState
ferry_plan_start_state_from_string (const char *text);

G_END_DECLS
