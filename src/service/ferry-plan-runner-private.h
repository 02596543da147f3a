/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-runner-private.h: what the runner's files share */
#pragma once

#include "ferry-plan-runner.h"

G_BEGIN_DECLS

void
_ferry_plan_runner_set_state (FerryPlanRunner *self, FerryPlanRunnerState state);
void
_ferry_plan_runner_set_busy (FerryPlanRunner *self, gboolean busy);
void
_ferry_plan_runner_set_start_result (FerryPlanRunner *self, FerryValidationResult *result);
/* Writes the plan now (the "start sent" mark must be on disk before the request leaves). */
void
_ferry_plan_runner_save_now (FerryPlanRunner *self);
/* Between begin and end, the plan's "changed" does not make the validation stale. */
void
_ferry_plan_runner_own_change_begin (FerryPlanRunner *self);
void
_ferry_plan_runner_own_change_end (FerryPlanRunner *self);

/* A start was sent and what it created is not known yet: only reconcile is allowed. */
gboolean
_ferry_plan_runner_get_unknown (FerryPlanRunner *self);
void
_ferry_plan_runner_set_unknown (FerryPlanRunner *self, gboolean unknown);
/* Forgets the validation (after a start: what is left must be validated again). */
void
_ferry_plan_runner_clear_validation (FerryPlanRunner *self);
/* Records the migrations in @result (items with a migration id) in the plan; TRUE if any. */
gboolean
_ferry_plan_runner_record (FerryPlanRunner *self, FerryValidationResult *result);
/* STARTED when every item has a migration, PARTIAL when some do, else @otherwise. */
void
_ferry_plan_runner_settle_state (FerryPlanRunner *self, FerryPlanRunnerState otherwise);

G_END_DECLS
