/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-runner.c: the runner object, validation in batches, and reconciling by group id
 * (the start is in ferry-plan-runner-start.c) */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-plan-runner-private.h"

struct _FerryPlanRunner
{
  GObject parent_instance;

  FerryPlan *plan;
  FerryHcxClient *client;
  FerryPlanStore *store;
  FerryPlanRunnerState state;
  FerryValidationResult *validation;
  FerryValidationResult *start_result;
  gboolean stale;
  gboolean busy;
  guint batch_size;
  guint own_change;
  guint64 generation; /* counts the plan's changes */
  gboolean unknown;   /* a start was sent and what it created is not known */

  FerryPlanRunnerIntentFunc intent_func;
  gpointer intent_data;
  GDestroyNotify intent_destroy;
};

G_DEFINE_FINAL_TYPE (FerryPlanRunner, ferry_plan_runner, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (ferry-plan-runner-error-quark, ferry_plan_runner_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_CLIENT,
  PROP_STORE,
  PROP_STATE,
  PROP_VALIDATION,
  PROP_VALIDATION_STALE,
  PROP_START_RESULT,
  PROP_BATCH_SIZE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- State ---- */

void
_ferry_plan_runner_set_state (FerryPlanRunner *self, FerryPlanRunnerState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_ferry_plan_runner_set_busy (FerryPlanRunner *self, gboolean busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_ferry_plan_runner_set_start_result (FerryPlanRunner *self, FerryValidationResult *result)
{
  if (g_set_object (&self->start_result, result))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_RESULT]);
}

static void
set_validation (FerryPlanRunner *self, FerryValidationResult *validation, gboolean stale)
{
  if (g_set_object (&self->validation, validation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATION]);
  stale = !!stale;
  if (self->stale != stale)
    {
      self->stale = stale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATION_STALE]);
    }
}

gboolean
_ferry_plan_runner_get_unknown (FerryPlanRunner *self)
{
  return self->unknown;
}

void
_ferry_plan_runner_set_unknown (FerryPlanRunner *self, gboolean unknown)
{
  self->unknown = unknown;
}

void
_ferry_plan_runner_clear_validation (FerryPlanRunner *self)
{
  set_validation (self, NULL, FALSE);
}

void
_ferry_plan_runner_own_change_begin (FerryPlanRunner *self)
{
  self->own_change++;
}

void
_ferry_plan_runner_own_change_end (FerryPlanRunner *self)
{
  g_return_if_fail (self->own_change > 0);
  self->own_change--;
}

static void
plan_changed_cb (FerryPlanRunner *self)
{
  if (self->own_change > 0)
    return;
  self->generation++;
  if (self->validation != NULL && !self->stale)
    {
      set_validation (self, self->validation, TRUE);
      if (self->state == FERRY_PLAN_RUNNER_VALIDATED)
        _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_IDLE);
    }
}

void
_ferry_plan_runner_save_now (FerryPlanRunner *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  file = ferry_plan_store_get_file (self->store, self->plan);
  if (!ferry_plan_save_file (self->plan, file, &error))
    g_warning ("The plan could not be saved before its start: %s", error->message);
}

/* ---- Items and intents ---- */

GPtrArray *
ferry_plan_runner_list_missing (FerryPlanRunner *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (FERRY_IS_PLAN_RUNNER (self), out);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  for (guint i = 0; i < n; i++)
    {
      FerryPlanItem *item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);

      if (ferry_plan_get_migration_id (self->plan, ferry_vm_get_id (ferry_plan_item_get_vm (item)))
          == NULL)
        g_ptr_array_add (out, item);
      else
        g_object_unref (item);
    }
  return out;
}

GListModel *
ferry_plan_runner_build_intents (FerryPlanRunner *self, GPtrArray *items, GError **error)
{
  GListStore *store;
  g_autoptr (GPtrArray) all = NULL;

  g_return_val_if_fail (FERRY_IS_PLAN_RUNNER (self), NULL);
  if (items == NULL)
    {
      g_autoptr (GListModel) check = ferry_plan_build_intents (self->plan, error);

      if (check == NULL)
        return NULL;
      all = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->plan)); i++)
        g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (self->plan), i));
      items = all;
    }
  if (items->len == 0)
    {
      g_set_error_literal (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_EMPTY,
                           _ ("No virtual machine is left to migrate in this plan."));
      return NULL;
    }
  store = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (FerryMigrationIntent) intent
          = ferry_plan_build_intent (self->plan, items->pdata[i]);

      if (intent == NULL)
        {
          g_set_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE,
                       _ ("The plan lacks a placement or datastore for %s."),
                       ferry_vm_get_name (ferry_plan_item_get_vm (items->pdata[i])));
          g_object_unref (store);
          return NULL;
        }
      if (self->intent_func != NULL)
        self->intent_func (self->plan, items->pdata[i], intent, self->intent_data);
      g_list_store_append (store, intent);
    }
  return G_LIST_MODEL (store);
}

FerryValidationItem *
ferry_plan_runner_lookup_item (FerryPlanRunner *self, const char *vm_id)
{
  FerryValidationItem *item = NULL;

  g_return_val_if_fail (FERRY_IS_PLAN_RUNNER (self), NULL);
  if (self->start_result != NULL)
    item = ferry_validation_result_find_item (self->start_result, vm_id);
  if (item == NULL && self->validation != NULL)
    item = ferry_validation_result_find_item (self->validation, vm_id);
  return item;
}

/* ---- Validation in batches ---- */

typedef struct
{
  GListModel *intents;
  guint next; /* first intent of the next batch */
  guint64 generation;
  FerryValidationResult *merged;
  GPtrArray *errors, *codes, *warnings;
  FerryPlanRunnerProgressFunc progress;
  gpointer progress_data;
} Validate;

static void
validate_free (Validate *v)
{
  g_clear_object (&v->intents);
  g_clear_object (&v->merged);
  /* NULL when the intents could not be built (nothing was sent). */
  g_clear_pointer (&v->errors, g_ptr_array_unref);
  g_clear_pointer (&v->codes, g_ptr_array_unref);
  g_clear_pointer (&v->warnings, g_ptr_array_unref);
  g_free (v);
}

static void
append_strv (GPtrArray *to, const char *const *v)
{
  for (guint i = 0; v != NULL && v[i] != NULL; i++)
    g_ptr_array_add (to, g_strdup (v[i]));
}

static void
validate_next (GTask *task);

static void
on_batch (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FerryPlanRunner *self = g_task_get_source_object (task);
  Validate *v = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr
      = ferry_hcx_client_validate_finish (FERRY_HCX_CLIENT (source), result, &error);
  guint first = v->next;
  guint n_batch = MIN (self->batch_size, g_list_model_get_n_items (v->intents) - first);
  GListModel *items;

  if (vr == NULL)
    {
      _ferry_plan_runner_set_busy (self, FALSE);
      _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_IDLE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  append_strv (v->errors, ferry_validation_result_get_errors (vr));
  append_strv (v->codes, ferry_validation_result_get_error_codes (vr));
  append_strv (v->warnings, ferry_validation_result_get_warnings (vr));
  items = ferry_validation_result_get_items (vr);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (FerryValidationItem) item = g_list_model_get_item (items, i);

      /* An answer without entity ids is in the order of the request. */
      if (ferry_validation_item_get_entity_id (item) == NULL && i < n_batch)
        {
          g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (v->intents, first + i);

          ferry_validation_item_set_entity_id (item, ferry_migration_intent_get_entity_id (intent));
        }
      ferry_validation_result_add_item (v->merged, item);
    }
  v->next = first + n_batch;
  if (v->progress != NULL)
    v->progress (v->next, g_list_model_get_n_items (v->intents), v->progress_data);
  validate_next (g_steal_pointer (&task));
}

static void
validate_next (GTask *task)
{
  FerryPlanRunner *self = g_task_get_source_object (task);
  Validate *v = g_task_get_task_data (task);
  guint n = g_list_model_get_n_items (v->intents);
  g_autoptr (GListStore) batch = NULL;

  if (v->next >= n)
    {
      g_ptr_array_add (v->errors, NULL);
      g_ptr_array_add (v->codes, NULL);
      g_ptr_array_add (v->warnings, NULL);
      ferry_validation_result_set_errors (v->merged, (const char *const *)v->errors->pdata);
      ferry_validation_result_set_error_codes (v->merged, (const char *const *)v->codes->pdata);
      ferry_validation_result_set_warnings (v->merged, (const char *const *)v->warnings->pdata);
      ferry_validation_result_set_migration_group_id (
          v->merged, ferry_plan_get_migration_group_id (self->plan));
      _ferry_plan_runner_set_busy (self, FALSE);
      _ferry_plan_runner_set_start_result (self, NULL);
      set_validation (self, v->merged, v->generation != self->generation);
      _ferry_plan_runner_set_state (self, self->stale ? FERRY_PLAN_RUNNER_IDLE
                                                      : FERRY_PLAN_RUNNER_VALIDATED);
      g_task_return_pointer (task, g_object_ref (v->merged), g_object_unref);
      g_object_unref (task);
      return;
    }
  batch = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  for (guint i = v->next; i < n && i < v->next + self->batch_size; i++)
    {
      g_autoptr (GObject) intent = g_list_model_get_item (v->intents, i);

      g_list_store_append (batch, intent);
    }
  ferry_hcx_client_validate_async (self->client, G_LIST_MODEL (batch),
                                   g_task_get_cancellable (task), on_batch, task);
}

void
ferry_plan_runner_validate_async (FerryPlanRunner *self, FerryPlanRunnerProgressFunc progress,
                                  gpointer progress_data, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GError) error = NULL;
  Validate *v;

  g_return_if_fail (FERRY_IS_PLAN_RUNNER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_plan_runner_validate_async);
  if (self->busy || ferry_plan_get_read_only (self->plan))
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
  missing = ferry_plan_runner_list_missing (self);
  v = g_new0 (Validate, 1);
  g_task_set_task_data (task, v, (GDestroyNotify)validate_free);
  v->intents = ferry_plan_runner_build_intents (
      self, ferry_plan_get_n_started (self->plan) > 0 ? missing : NULL, &error);
  if (v->intents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  v->generation = self->generation;
  v->merged = ferry_validation_result_new ();
  v->errors = g_ptr_array_new_with_free_func (g_free);
  v->codes = g_ptr_array_new_with_free_func (g_free);
  v->warnings = g_ptr_array_new_with_free_func (g_free);
  v->progress = progress;
  v->progress_data = progress_data;
  _ferry_plan_runner_set_busy (self, TRUE);
  _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_VALIDATING);
  if (progress != NULL)
    progress (0, g_list_model_get_n_items (v->intents), progress_data);
  validate_next (g_steal_pointer (&task));
}

FerryValidationResult *
ferry_plan_runner_validate_finish (FerryPlanRunner *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Reconcile ---- */

gboolean
_ferry_plan_runner_record (FerryPlanRunner *self, FerryValidationResult *result)
{
  GListModel *items = ferry_validation_result_get_items (result);
  GListModel *migrations = ferry_validation_result_get_migrations (result);
  gboolean any = FALSE;

  _ferry_plan_runner_own_change_begin (self);
  /* One "changed" for the whole answer: each page showing the plan refreshes its rows on a
   * change, and one change per migration id made a wave of 200 a minute of frozen window. */
  ferry_plan_begin_changes (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (FerryValidationItem) item = g_list_model_get_item (items, i);
      const char *vm_id = ferry_validation_item_get_entity_id (item);
      const char *mid = ferry_validation_item_get_migration_id (item);

      if (vm_id != NULL && mid != NULL && ferry_plan_lookup (self->plan, vm_id) != NULL
          && !ferry_validation_item_has_errors (item))
        {
          ferry_plan_set_migration_id (self->plan, vm_id, mid);
          any = TRUE;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (migrations); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);
      const char *vm_id = ferry_migration_get_entity_id (m);

      if (vm_id != NULL && ferry_plan_lookup (self->plan, vm_id) != NULL)
        {
          ferry_plan_set_migration_id (self->plan, vm_id, ferry_migration_get_migration_id (m));
          any = TRUE;
        }
    }
  ferry_plan_end_changes (self->plan);
  _ferry_plan_runner_own_change_end (self);
  return any;
}

void
_ferry_plan_runner_settle_state (FerryPlanRunner *self, FerryPlanRunnerState otherwise)
{
  guint n = ferry_plan_get_n_items (self->plan);
  guint started = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);

      if (ferry_plan_get_migration_id (self->plan, ferry_vm_get_id (ferry_plan_item_get_vm (item)))
          != NULL)
        started++;
    }
  self->unknown = otherwise == FERRY_PLAN_RUNNER_UNCONFIRMED && started == 0;
  _ferry_plan_runner_own_change_begin (self);
  if (n > 0 && started == n)
    {
      ferry_plan_set_start_state (self->plan, FERRY_PLAN_START_STARTED);
      _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_STARTED);
    }
  else if (started > 0)
    {
      ferry_plan_set_start_state (self->plan, FERRY_PLAN_START_SENT);
      _ferry_plan_runner_set_state (self, FERRY_PLAN_RUNNER_PARTIAL);
    }
  else
    {
      if (otherwise != FERRY_PLAN_RUNNER_UNCONFIRMED)
        ferry_plan_set_start_state (self->plan, FERRY_PLAN_START_NONE);
      _ferry_plan_runner_set_state (self, otherwise);
    }
  _ferry_plan_runner_own_change_end (self);
  _ferry_plan_runner_save_now (self);
}

static void
on_queried (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FerryPlanRunner *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) found
      = ferry_hcx_client_query_migrations_finish (FERRY_HCX_CLIENT (source), result, &error);
  g_autoptr (FerryValidationResult) vr = NULL;
  guint n_found = 0;

  _ferry_plan_runner_set_busy (self, FALSE);
  if (found == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  vr = ferry_validation_result_new ();
  ferry_validation_result_set_reconciled (vr, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (found, i);

      ferry_validation_result_add_migration (vr, m);
    }
  _ferry_plan_runner_record (self, vr);
  n_found = ferry_plan_get_n_started (self->plan);
  set_validation (self, NULL, FALSE);
  _ferry_plan_runner_settle_state (self, FERRY_PLAN_RUNNER_IDLE);
  g_task_return_int (task, n_found);
}

void
ferry_plan_runner_reconcile_async (FerryPlanRunner *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  const char *groups[] = { ferry_plan_get_migration_group_id (self->plan), NULL };

  g_return_if_fail (FERRY_IS_PLAN_RUNNER (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_plan_runner_reconcile_async);
  if (self->busy)
    {
      g_task_return_new_error (task, FERRY_PLAN_RUNNER_ERROR, FERRY_PLAN_RUNNER_ERROR_BUSY,
                               _ ("The plan is being validated or started already."));
      return;
    }
  _ferry_plan_runner_set_busy (self, TRUE);
  ferry_hcx_client_query_migrations_async (self->client, NULL, groups, NULL, cancellable,
                                           on_queried, g_steal_pointer (&task));
}

gboolean
ferry_plan_runner_reconcile_finish (FerryPlanRunner *self, GAsyncResult *result, guint *n_found,
                                    GError **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_found != NULL)
    *n_found = n;
  return TRUE;
}

/* ---- GObject ---- */

FerryPlanRunner *
ferry_plan_runner_new (FerryPlan *plan, FerryHcxClient *client, FerryPlanStore *store)
{
  g_return_val_if_fail (FERRY_IS_PLAN (plan), NULL);
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (client), NULL);
  return g_object_new (FERRY_TYPE_PLAN_RUNNER, "plan", plan, "client", client, "store", store,
                       NULL);
}

#define GETTER(type, name, field)                                                                  \
  type ferry_plan_runner_get_##name (FerryPlanRunner *self)                                        \
  {                                                                                                \
    g_return_val_if_fail (FERRY_IS_PLAN_RUNNER (self), 0);                                         \
    return self->field;                                                                            \
  }

GETTER (FerryPlan *, plan, plan)
GETTER (FerryHcxClient *, client, client)
GETTER (FerryPlanRunnerState, state, state)
GETTER (FerryValidationResult *, validation, validation)
GETTER (gboolean, validation_stale, stale)
GETTER (FerryValidationResult *, start_result, start_result)
GETTER (gboolean, busy, busy)

void
ferry_plan_runner_set_batch_size (FerryPlanRunner *self, guint batch_size)
{
  g_return_if_fail (FERRY_IS_PLAN_RUNNER (self));
  batch_size = MAX (batch_size, 1);
  if (self->batch_size == batch_size)
    return;
  self->batch_size = batch_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH_SIZE]);
}

void
ferry_plan_runner_set_intent_func (FerryPlanRunner *self, FerryPlanRunnerIntentFunc func,
                                   gpointer user_data, GDestroyNotify destroy)
{
  g_return_if_fail (FERRY_IS_PLAN_RUNNER (self));
  if (self->intent_destroy != NULL)
    self->intent_destroy (self->intent_data);
  self->intent_func = func;
  self->intent_data = user_data;
  self->intent_destroy = destroy;
}

static void
ferry_plan_runner_constructed (GObject *object)
{
  FerryPlanRunner *self = FERRY_PLAN_RUNNER (object);

  G_OBJECT_CLASS (ferry_plan_runner_parent_class)->constructed (object);
  g_assert (self->plan != NULL && self->client != NULL);
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (ferry_plan_get_read_only (self->plan))
    self->state = FERRY_PLAN_RUNNER_STARTED;
  else if (ferry_plan_get_start_state (self->plan) == FERRY_PLAN_START_SENT)
    {
      self->state = FERRY_PLAN_RUNNER_UNCONFIRMED; /* reconcile before anything else */
      self->unknown = TRUE;
    }
}

static void
ferry_plan_runner_finalize (GObject *object)
{
  FerryPlanRunner *self = FERRY_PLAN_RUNNER (object);

  ferry_plan_runner_set_intent_func (self, NULL, NULL, NULL);
  g_clear_object (&self->plan);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_object (&self->validation);
  g_clear_object (&self->start_result);
  G_OBJECT_CLASS (ferry_plan_runner_parent_class)->finalize (object);
}

static void
ferry_plan_runner_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryPlanRunner *self = FERRY_PLAN_RUNNER (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        g_value_set_object (value, self->plan);
        break;
      case PROP_CLIENT:
        g_value_set_object (value, self->client);
        break;
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_STATE:
        g_value_set_uint (value, self->state);
        break;
      case PROP_VALIDATION:
        g_value_set_object (value, self->validation);
        break;
      case PROP_VALIDATION_STALE:
        g_value_set_boolean (value, self->stale);
        break;
      case PROP_START_RESULT:
        g_value_set_object (value, self->start_result);
        break;
      case PROP_BATCH_SIZE:
        g_value_set_uint (value, self->batch_size);
        break;
      case PROP_BUSY:
        g_value_set_boolean (value, self->busy);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_plan_runner_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  FerryPlanRunner *self = FERRY_PLAN_RUNNER (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        self->plan = g_value_dup_object (value);
        break;
      case PROP_CLIENT:
        self->client = g_value_dup_object (value);
        break;
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        break;
      case PROP_BATCH_SIZE:
        ferry_plan_runner_set_batch_size (self, g_value_get_uint (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_plan_runner_class_init (FerryPlanRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ferry_plan_runner_constructed;
  object_class->finalize = ferry_plan_runner_finalize;
  object_class->get_property = ferry_plan_runner_get_property;
  object_class->set_property = ferry_plan_runner_set_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, FERRY_TYPE_PLAN, co);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, FERRY_TYPE_HCX_CLIENT, co);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, FERRY_TYPE_PLAN_STORE, co);
  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, FERRY_PLAN_RUNNER_STARTED,
                                              FERRY_PLAN_RUNNER_IDLE, ro);
  properties[PROP_VALIDATION]
      = g_param_spec_object ("validation", NULL, NULL, FERRY_TYPE_VALIDATION_RESULT, ro);
  properties[PROP_VALIDATION_STALE]
      = g_param_spec_boolean ("validation-stale", NULL, NULL, FALSE, ro);
  properties[PROP_START_RESULT]
      = g_param_spec_object ("start-result", NULL, NULL, FERRY_TYPE_VALIDATION_RESULT, ro);
  properties[PROP_BATCH_SIZE]
      = g_param_spec_uint ("batch-size", NULL, NULL, 1, G_MAXUINT, 500,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_plan_runner_init (FerryPlanRunner *self)
{
  self->batch_size = 500;
}
