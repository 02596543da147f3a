/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The credential store's keyring probe (is a Secret Service there, with an unlocked default
 * collection?) and the deadlines that keep every keyring call from waiting forever. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-credential-store-private.h"

/* ---- Deadlines: a cancellable that fires on the caller's cancel or after a timeout ---- */

static gboolean
deadline_expired (gpointer data)
{
  Deadline *deadline = data;

  deadline->timeout_id = 0;
  deadline->timed_out = TRUE;
  g_cancellable_cancel (deadline->cancellable);

  return G_SOURCE_REMOVE;
}

static void
deadline_user_cancelled (GCancellable *user_cancellable, gpointer data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
}

Deadline *
ferry_credential_deadline_new (GCancellable *user_cancellable, guint timeout_ms)
{
  Deadline *deadline = g_new0 (Deadline, 1);

  deadline->cancellable = g_cancellable_new ();
  if (user_cancellable != NULL)
    {
      deadline->user_cancellable = g_object_ref (user_cancellable);
      deadline->cancelled_id
          = g_cancellable_connect (user_cancellable, G_CALLBACK (deadline_user_cancelled),
                                   g_object_ref (deadline->cancellable), g_object_unref);
    }
  if (timeout_ms > 0)
    deadline->timeout_id = g_timeout_add (timeout_ms, deadline_expired, deadline);

  return deadline;
}

void
ferry_credential_deadline_free (Deadline *deadline)
{
  g_clear_handle_id (&deadline->timeout_id, g_source_remove);
  if (deadline->user_cancellable != NULL)
    {
      g_cancellable_disconnect (deadline->user_cancellable, deadline->cancelled_id);
      g_object_unref (deadline->user_cancellable);
    }
  g_object_unref (deadline->cancellable);
  g_free (deadline);
}

/* TRUE when the operation ended because the caller cancelled it (not our timeout). */
gboolean
ferry_credential_deadline_user_cancelled (Deadline *deadline)
{
  return deadline->user_cancellable != NULL
         && g_cancellable_is_cancelled (deadline->user_cancellable);
}

static void
ferry_credential_store_probe_done (FerryCredentialStore *self, const GError *error)
{
  g_autoptr (GPtrArray) waiters = g_steal_pointer (&self->probe_waiters);

  self->probing = FALSE;
  self->probe_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_int (task, self->backend);
    }
}

typedef struct
{
  FerryCredentialStore *self;
  Deadline *deadline;
  SecretService *service;
} ProbeData;

static void
probe_data_free (ProbeData *data)
{
  g_clear_pointer (&data->deadline, ferry_credential_deadline_free);
  g_clear_object (&data->service);
  g_object_unref (data->self);
  g_free (data);
}

/* Ends a probe step; returns TRUE if the probe is over (cancelled or failed). */
static gboolean
probe_step_failed (ProbeData *data, GError *error, const char *reason_text)
{
  FerryCredentialStore *self = data->self;

  if (error == NULL)
    return FALSE;

  if (ferry_credential_deadline_user_cancelled (data->deadline))
    {
      /* The caller gave up: decide nothing, a later call probes again. */
      ferry_credential_store_probe_done (self, error);
    }
  else
    {
      g_autofree char *reason = NULL;

      if (data->deadline->timed_out)
        reason = g_strdup (
            _ ("Passwords cannot be remembered: the keyring did not answer in time. "
               "Ferry keeps them in memory until it quits and asks again after a restart."));
      else
        reason = g_strdup (reason_text);
      ferry_credential_store_fall_back (self, reason);
      ferry_credential_store_probe_done (self, NULL);
    }

  g_error_free (error);
  probe_data_free (data);
  return TRUE;
}

static void
probe_unlocked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ProbeData *data = user_data;
  GError *error = NULL;
  GList *unlocked = NULL;
  int n;

  n = secret_service_unlock_finish (SECRET_SERVICE (source), result, &unlocked, &error);
  g_list_free_full (unlocked, g_object_unref);

  if (error == NULL && n == 0)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "locked");
  /* Nobody answered the unlock prompt in time: that is a locked keyring, not a slow one. */
  data->deadline->timed_out = FALSE;
  if (probe_step_failed (
          data, error,
          _ ("Passwords cannot be remembered: the keyring is locked and was not unlocked. "
             "Ferry keeps them in memory until it quits and asks again after a restart.")))
    return;

  ferry_credential_store_set_keyring (data->self);
  ferry_credential_store_probe_done (data->self, NULL);
  probe_data_free (data);
}

static void
probe_collection_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ProbeData *data = user_data;
  g_autoptr (SecretCollection) collection = NULL;
  GError *error = NULL;

  collection = secret_collection_for_alias_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *reason = g_strdup_printf (
          _ ("Passwords cannot be remembered: the keyring could not be read (%s). "
             "Ferry keeps them in memory until it quits and asks again after a restart."),
          error->message);

      probe_step_failed (data, error, reason);
      return;
    }

  if (collection == NULL)
    {
      ferry_credential_store_fall_back (
          data->self,
          _ ("Passwords cannot be remembered: there is no default keyring. "
             "Ferry keeps them in memory until it quits and asks again after a restart."));
      ferry_credential_store_probe_done (data->self, NULL);
      probe_data_free (data);
      return;
    }

  if (secret_collection_get_locked (collection))
    {
      GList *objects = g_list_prepend (NULL, collection);

      /* On a desktop this shows the keyring's own unlock prompt: give the user time. */
      g_clear_pointer (&data->deadline, ferry_credential_deadline_free);
      data->deadline = ferry_credential_deadline_new (NULL, data->self->unlock_timeout_ms);
      secret_service_unlock (data->service, objects, data->deadline->cancellable, probe_unlocked_cb,
                             data);
      g_list_free (objects);
      return;
    }

  ferry_credential_store_set_keyring (data->self);
  ferry_credential_store_probe_done (data->self, NULL);
  probe_data_free (data);
}

static void
probe_service_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ProbeData *data = user_data;
  GError *error = NULL;

  data->service = secret_service_get_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *reason = g_strdup_printf (
          _ ("Passwords cannot be remembered: no keyring service (Secret Service) is available "
             "in this session (%s). Ferry keeps them in memory until it quits and asks again "
             "after a restart."),
          error->message);

      probe_step_failed (data, error, reason);
      return;
    }

  secret_collection_for_alias (data->service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                               data->deadline->cancellable, probe_collection_cb, data);
}

void
ferry_credential_store_probe_async (FerryCredentialStore *self, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ProbeData *data;

  g_return_if_fail (FERRY_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_credential_store_probe_async);

  if (self->backend != FERRY_CREDENTIAL_BACKEND_UNKNOWN)
    {
      g_task_return_int (task, self->backend);
      return;
    }

  g_ptr_array_add (self->probe_waiters, g_steal_pointer (&task));
  if (self->probing)
    return;

  self->probing = TRUE;
  data = g_new0 (ProbeData, 1);
  data->self = g_object_ref (self);
  data->deadline = ferry_credential_deadline_new (cancellable, self->timeout_ms);
  secret_service_get (SECRET_SERVICE_OPEN_SESSION, data->deadline->cancellable, probe_service_cb,
                      data);
}

FerryCredentialBackend
ferry_credential_store_probe_finish (FerryCredentialStore *self, GAsyncResult *result,
                                     GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FERRY_CREDENTIAL_BACKEND_UNKNOWN);

  return g_task_propagate_int (G_TASK (result), error);
}
