/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-private.h: what the plan, its items and its options share */
#pragma once

#include "ferry-plan.h"

G_BEGIN_DECLS

/* ferry-plan.c: recomputing what depends on the items */
void
_ferry_plan_update_all_problems (FerryPlan *self);
void
_ferry_plan_recount_problems (FerryPlan *self);
void
_ferry_plan_set_n_problems (FerryPlan *self, guint n);
gboolean
_ferry_plan_datastore_free_known (FerryDatastore *ds);

GParamSpec *
_ferry_plan_field_param_spec (FerryPlanField field, const char *name, GParamFlags flags);

/* Items ---------------------------------------------------------------------------------- */
FerryPlanItem *
_ferry_plan_item_new (FerryPlan *plan, FerryVm *vm);
/* The plan is going away (or the item left it): no more callbacks into it. */
void
_ferry_plan_item_detach (FerryPlanItem *self);
void
_ferry_plan_item_set_vm (FerryPlanItem *self, FerryVm *vm);
/* A default changed: notifies the effective value unless the item overrides it. */
void
_ferry_plan_item_default_changed (FerryPlanItem *self, FerryPlanField field);
/* Recomputes "problems"; returns TRUE if they changed. */
gboolean
_ferry_plan_item_update_problems (FerryPlanItem *self, gboolean datastore_too_small);
gboolean
_ferry_plan_item_get_datastore_too_small (FerryPlanItem *self);
/* Sets the override without telling the plan (for batches and for loading). */
gboolean
_ferry_plan_item_override_quiet (FerryPlanItem *self, FerryPlanField field, const GValue *value);
gboolean
_ferry_plan_item_reset_quiet (FerryPlanItem *self, FerryPlanField field);

/* Plan, called by its items ---------------------------------------------------------------- */
/* An item's override changed (not during a batch). */
void
_ferry_plan_item_changed (FerryPlan *self, FerryPlanItem *item, FerryPlanField field);
void
_ferry_plan_fill_preflight_input (FerryPlan *self, FerryPlanItem *item, FerryPreflightInput *input);

/* Rebinds @item to the inventory's @vm (same VM, maybe a new id). */
void
_ferry_plan_rebind (FerryPlan *self, FerryPlanItem *item, FerryVm *vm);
/* Recomputes the totals and every item's problems. */
void
_ferry_plan_refresh (FerryPlan *self);
/* Many changes, one "changed". */
void
_ferry_plan_begin_batch (FerryPlan *self);
void
_ferry_plan_end_batch (FerryPlan *self);
void
_ferry_plan_emit_changed (FerryPlan *self);

/* ferry-plan-start.c: TRUE once the start state is not NONE. Every mutator of the plan, its
 * items and its defaults returns early (quietly, as for "nothing changed") when it is. */
gboolean
_ferry_plan_is_locked (FerryPlan *self);

/* ferry-plan-options.c: a locked options object refuses every change (set_value → FALSE). */
void
_ferry_plan_options_set_locked (FerryPlanOptions *self, gboolean locked);

G_END_DECLS
