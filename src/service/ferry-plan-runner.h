/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-runner.h: validating and starting a plan on its HCX Manager, never twice
 *
 * Validate: the plan's intents go to mobility/migrations/validate in batches (progress after
 * each, cancellable); the merged answer is #FerryPlanRunner:validation. Any change to the plan
 * afterwards makes it stale (#FerryPlanRunner:validation-stale): a stale result cannot start.
 *
 * Start: only after a current validation without errors, and with its warnings confirmed (the
 * caller passes the number of warnings the user confirmed; it must equal the result's). The
 * plan is marked "start sent" and saved synchronously before the request leaves. Intents whose
 * VM already has a migration id are never sent again: a start after a partial one sends only
 * what is missing, with the same migration group id. The request itself is sent once:
 *  - a parsed answer: the returned migration ids are kept in the plan, per-VM errors in
 *    #FerryPlanRunner:start-result;
 *  - an interrupted one (timeout, dropped connection): the client queries the group; what it
 *    found is kept, and what is missing is offered again (state PARTIAL);
 *  - FERRY_HCX_ERROR_START_UNCONFIRMED: state UNCONFIRMED, nothing is offered but reconcile;
 *  - a session that expired before the request was read (SESSION_EXPIRED: nothing was done,
 *    and the client has logged in again): sent once more, once.
 *
 * Reconcile: queries the plan's group and takes what exists (after a crash or quit during a
 * start, before anything else is offered). Once every VM has its migration the plan is marked
 * started (read-only).
 *
 * Properties: "plan" (FerryPlan, construct-only), "client" (FerryHcxClient, construct-only),
 * "store" (FerryPlanStore, construct-only, may be NULL), "state" (FerryPlanRunnerState),
 * "validation" (FerryValidationResult or NULL), "validation-stale" (bool), "start-result"
 * (FerryValidationResult or NULL: the last start's answer), "batch-size" (uint, default 500),
 * "busy" (bool: a request is in flight). */
#pragma once

#include <gio/gio.h>

#include "ferry-hcx-client.h"
#include "ferry-plan-start.h"
#include "ferry-plan-store.h"

G_BEGIN_DECLS

#define FERRY_PLAN_RUNNER_ERROR (ferry_plan_runner_error_quark ())

typedef enum
{
  /* No current validation (never validated, or the plan changed since). */
  FERRY_PLAN_RUNNER_ERROR_NOT_VALIDATED,
  /* The validation has errors. */
  FERRY_PLAN_RUNNER_ERROR_HAS_ERRORS,
  /* The warnings were not (all) confirmed. */
  FERRY_PLAN_RUNNER_ERROR_NOT_CONFIRMED,
  /* The start was sent and its outcome is not known: reconcile first. */
  FERRY_PLAN_RUNNER_ERROR_UNRECONCILED,
  /* Another request of this runner is in flight, or the plan is already started. */
  FERRY_PLAN_RUNNER_ERROR_BUSY,
} FerryPlanRunnerError;

GQuark
ferry_plan_runner_error_quark (void);

typedef enum
{
  FERRY_PLAN_RUNNER_IDLE, /* not validated, or stale */
  FERRY_PLAN_RUNNER_VALIDATING,
  FERRY_PLAN_RUNNER_VALIDATED,   /* see the validation for errors and warnings */
  FERRY_PLAN_RUNNER_STARTING,    /* the start was sent: no cancel */
  FERRY_PLAN_RUNNER_PARTIAL,     /* some VMs have migrations, the others can be started */
  FERRY_PLAN_RUNNER_UNCONFIRMED, /* sent, outcome unknown: reconcile */
  FERRY_PLAN_RUNNER_STARTED,     /* every VM has its migration */
} FerryPlanRunnerState;

#define FERRY_TYPE_PLAN_RUNNER (ferry_plan_runner_get_type ())
G_DECLARE_FINAL_TYPE (FerryPlanRunner, ferry_plan_runner, FERRY, PLAN_RUNNER, GObject)

/* Called on the intents the plan built, before they are sent (e.g. to add NIC mappings). */
typedef void (*FerryPlanRunnerIntentFunc) (FerryPlan *plan, FerryPlanItem *item,
                                           FerryMigrationIntent *intent, gpointer user_data);

/* Called after each validated batch. */
typedef void (*FerryPlanRunnerProgressFunc) (guint done, guint total, gpointer user_data);

FerryPlanRunner *
ferry_plan_runner_new (FerryPlan *plan, FerryHcxClient *client, FerryPlanStore *store);

FerryPlan *
ferry_plan_runner_get_plan (FerryPlanRunner *self);
FerryHcxClient *
ferry_plan_runner_get_client (FerryPlanRunner *self);
FerryPlanRunnerState
ferry_plan_runner_get_state (FerryPlanRunner *self);
FerryValidationResult *
ferry_plan_runner_get_validation (FerryPlanRunner *self);
gboolean
ferry_plan_runner_get_validation_stale (FerryPlanRunner *self);
FerryValidationResult *
ferry_plan_runner_get_start_result (FerryPlanRunner *self);
gboolean
ferry_plan_runner_get_busy (FerryPlanRunner *self);
void
ferry_plan_runner_set_batch_size (FerryPlanRunner *self, guint batch_size);
void
ferry_plan_runner_set_intent_func (FerryPlanRunner *self, FerryPlanRunnerIntentFunc func,
                                   gpointer user_data, GDestroyNotify destroy);

/* The outcome of @vm_id's VM in the validation (or the last start when it has one), or NULL. */
FerryValidationItem *
ferry_plan_runner_lookup_item (FerryPlanRunner *self, const char *vm_id);
/* Items of the plan with no migration yet (FerryPlanItem, in plan order). */
GPtrArray *
ferry_plan_runner_list_missing (FerryPlanRunner *self);

/* The intents of the plan's items (all, or only @items), with the intent func applied. */
GListModel *
ferry_plan_runner_build_intents (FerryPlanRunner *self, GPtrArray *items, GError **error);

void
ferry_plan_runner_validate_async (FerryPlanRunner *self, FerryPlanRunnerProgressFunc progress,
                                  gpointer progress_data, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
FerryValidationResult *
ferry_plan_runner_validate_finish (FerryPlanRunner *self, GAsyncResult *result, GError **error);

/* @confirmed_warnings: how many warnings the user confirmed (0 when there are none). The
 * result is the start's answer (per-VM errors of rejected VMs); the plan holds the ids. */
void
ferry_plan_runner_start_async (FerryPlanRunner *self, guint confirmed_warnings,
                               GAsyncReadyCallback callback, gpointer user_data);
FerryValidationResult *
ferry_plan_runner_start_finish (FerryPlanRunner *self, GAsyncResult *result, GError **error);

/* Queries the plan's group and records what exists; returns how many of the plan's VMs have
 * a migration. */
void
ferry_plan_runner_reconcile_async (FerryPlanRunner *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_plan_runner_reconcile_finish (FerryPlanRunner *self, GAsyncResult *result, guint *n_found,
                                    GError **error);

G_END_DECLS
