/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-runner-start.c: the start, sent once, and what to do with each kind of answer */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-plan-runner-private.h"

typedef struct
{
  GListModel *intents;
  gboolean resent; /* once, after SESSION_EXPIRED (the server did not act) */
} Start;

static void
start_free (Start *s)
{
  g_clear_object (&s->intents);
  g_free (s);
}

/* Errors that say the request never reached the server (or was refused before it acted). */
static gboolean
not_sent (const GError *error)
{
  if (error->domain != FERRY_HCX_ERROR)
    return FALSE;
  switch ((FerryHcxError)error->code)
    {
      case FERRY_HCX_ERROR_NOT_LOGGED_IN:
      case FERRY_HCX_ERROR_INVALID_ARGUMENT:
      case FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED:
      case FERRY_HCX_ERROR_CERTIFICATE_CHANGED:
      case FERRY_HCX_ERROR_TLS:
      case FERRY_HCX_ERROR_BAD_CREDENTIALS:
      case FERRY_HCX_ERROR_SESSION_EXPIRED:
        return TRUE;
      default:
        return FALSE;
    }
}

static void
send_start (GTask *task);

/* Per-item answers without entity ids are in the order of the request. */
static void
fill_entity_ids (FerryValidationResult *vr, GListModel *intents)
{
  GListModel *items = ferry_validation_result_get_items (vr);
  guint n = g_list_model_get_n_items (items);

  if (n != g_list_model_get_n_items (intents))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryValidationItem) item = g_list_model_get_item (items, i);
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);

      if (ferry_validation_item_get_entity_id (item) == NULL)
        ferry_validation_item_set_entity_id (item, ferry_migration_intent_get_entity_id (intent));
    }
}

static void
on_started (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FerryPlanRunner *self = g_task_get_source_object (task);
  Start *s = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr
      = ferry_hcx_client_start_finish (FERRY_HCX_CLIENT (source), result, &error);

  if (vr == NULL)
    {
      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_SESSION_EXPIRED) && !s->resent)
        {
          /* 401 before the server acted; the client has logged in again. */
          s->resent = TRUE;
          send_start (g_steal_pointer (&task));
          return;
        }
      _ferry_plan_runner_set_busy (self, FALSE);
      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_START_UNCONFIRMED))
        {
          /* Sent, outcome unknown: the "start sent" mark stays, only reconcile is offered. */
          _ferry_plan_runner_set_unknown (self, TRUE);
          _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_UNCONFIRMED);
        }
      else if (not_sent (error) || error->domain == FERRY_HCX_ERROR)
        {
          /* Not sent, or refused with nothing created (the client checked): as before. */
          _ferry_plan_runner_settle_state (self, FERRY_PLAN_RUNNER_VALIDATED);
        }
      else
        {
          _ferry_plan_runner_set_unknown (self, TRUE);
          _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_UNCONFIRMED);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  fill_entity_ids (vr, s->intents);
  _ferry_plan_runner_set_busy (self, FALSE);
  _ferry_plan_runner_set_start_result (self, vr);
  _ferry_plan_runner_record (self, vr);
  /* What was not started must be validated again before it is offered. */
  _ferry_plan_runner_clear_validation (self);
  _ferry_plan_runner_settle_state (self, FERRY_PLAN_RUNNER_IDLE);
  g_task_return_pointer (task, g_steal_pointer (&vr), g_object_unref);
}

static void
send_start (GTask *task)
{
  FerryPlanRunner *self = g_task_get_source_object (task);
  Start *s = g_task_get_task_data (task);

  /* Never cancellable: once sent, the outcome must be known. */
  ferry_hcx_client_start_async (ferry_plan_runner_get_client (self), s->intents, NULL, on_started,
                                task);
}

void
ferry_plan_runner_start_async (FerryPlanRunner *self, guint confirmed_warnings,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GError) error = NULL;
  FerryPlan *plan;
  FerryValidationResult *validation;
  Start *s;

  g_return_if_fail (FERRY_IS_PLAN_RUNNER (self));

  plan = ferry_plan_runner_get_plan (self);
  validation = ferry_plan_runner_get_validation (self);
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, ferry_plan_runner_start_async);
  if (ferry_plan_runner_get_busy (self) || ferry_plan_get_read_only (plan))
    {
      g_task_return_new_error (task, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_BUSY,
                               _ ("The plan is being validated or started already."));
      return;
    }
  if (_ferry_plan_runner_get_unknown (self))
    {
      g_task_return_new_error (task, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_UNRECONCILED,
                               _ ("A start of this plan was sent and its outcome is not known "
                                  "yet: check with HCX Manager first."));
      return;
    }
  if (validation == NULL || ferry_plan_runner_get_validation_stale (self)
      || ferry_plan_runner_get_state (self) != FERRY_PLAN_RUNNER_VALIDATED)
    {
      g_task_return_new_error (task, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_NOT_VALIDATED,
                               _ ("Validate the plan first: it changed since it was validated, "
                                  "or was never validated."));
      return;
    }
  if (ferry_validation_result_has_errors (validation))
    {
      g_task_return_new_error (task, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_HAS_ERRORS,
                               _ ("The validation found errors: fix them and validate again."));
      return;
    }
  if (confirmed_warnings != ferry_validation_result_count_warnings (validation))
    {
      g_task_return_new_error (task, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_NOT_CONFIRMED,
                               _ ("Confirm the %u warnings before starting."),
                               ferry_validation_result_count_warnings (validation));
      return;
    }
  missing = ferry_plan_runner_list_missing (self);
  s = g_new0 (Start, 1);
  g_task_set_task_data (task, s, (GDestroyNotify)start_free);
  s->intents = ferry_plan_runner_build_intents (self, missing, &error);
  if (s->intents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The mark is on disk before the request leaves: after a crash from here on, the next
   * launch asks the server what exists before offering anything. */
  _ferry_plan_runner_own_change_begin (self);
  ferry_plan_set_start_state (plan, FERRY_PLAN_START_SENT);
  _ferry_plan_runner_own_change_end (self);
  _ferry_plan_runner_save_now (self);
  _ferry_plan_runner_set_busy (self, TRUE);
  _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_STARTING);
  send_start (g_steal_pointer (&task));
}

FerryValidationResult *
ferry_plan_runner_start_finish (FerryPlanRunner *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
