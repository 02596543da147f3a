/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "ferry-credential-store-private.h"

#define DEFAULT_TIMEOUT_MS 10000
#define UNLOCK_TIMEOUT_MS 120000

G_DEFINE_FINAL_TYPE (FerryCredentialStore, ferry_credential_store, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (FerryCredentialBackend, ferry_credential_backend,
                    G_DEFINE_ENUM_VALUE (FERRY_CREDENTIAL_BACKEND_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (FERRY_CREDENTIAL_BACKEND_KEYRING, "keyring"),
                    G_DEFINE_ENUM_VALUE (FERRY_CREDENTIAL_BACKEND_MEMORY, "memory"))
/* The quark name is a string, not an expression: keep clang-format off it. */
/* clang-format off */
G_DEFINE_QUARK (ferry-credential-error-quark, ferry_credential_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_BACKEND,
  PROP_FALLBACK_REASON,
  PROP_TIMEOUT,
  PROP_UNLOCK_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const SecretSchema *
ferry_credential_schema (void)
{
  static const SecretSchema schema = {
    FERRY_CREDENTIAL_SCHEMA_NAME,
    SECRET_SCHEMA_NONE,
    {
        { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

void
ferry_credential_store_free_password (char *password)
{
  if (password == NULL)
    return;

  explicit_bzero (password, strlen (password));
  g_free (password);
}

static char *
memory_key (const char *server, const char *user)
{
  return g_strconcat (server, "\n", user, NULL);
}

/* ---- Backend selection ---- */

void
ferry_credential_store_fall_back (FerryCredentialStore *self, const char *reason)
{
  if (self->backend == FERRY_CREDENTIAL_BACKEND_MEMORY)
    return;

  g_debug ("Keeping passwords in memory only: %s", reason);
  g_free (self->fallback_reason);
  self->fallback_reason = g_strdup (reason);
  self->backend = FERRY_CREDENTIAL_BACKEND_MEMORY;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK_REASON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKEND]);
}

static void
ferry_credential_store_fall_back_for_error (FerryCredentialStore *self, Deadline *deadline,
                                            const GError *error)
{
  g_autofree char *reason = NULL;

  if (deadline != NULL && deadline->timed_out)
    reason = g_strdup (
        _ ("Passwords cannot be remembered: the keyring did not answer in time. "
           "Ferry keeps them in memory until it quits and asks again after a restart."));
  else
    reason = g_strdup_printf (
        _ ("Passwords cannot be remembered: the keyring reported an error (%s). "
           "Ferry keeps them in memory until it quits and asks again after a restart."),
        error != NULL ? error->message : _ ("unknown error"));

  ferry_credential_store_fall_back (self, reason);
}

void
ferry_credential_store_set_keyring (FerryCredentialStore *self)
{
  if (self->backend == FERRY_CREDENTIAL_BACKEND_UNKNOWN)
    {
      self->backend = FERRY_CREDENTIAL_BACKEND_KEYRING;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKEND]);
    }
}

/* ---- Operations ---- */

typedef enum
{
  OP_STORE,
  OP_LOOKUP,
  OP_CLEAR
} OpKind;

typedef struct
{
  OpKind kind;
  char *server;
  char *user;
  char *password;
  Deadline *deadline;
} OpData;

static void
op_data_free (OpData *data)
{
  g_free (data->server);
  g_free (data->user);
  ferry_credential_store_free_password (data->password);
  g_clear_pointer (&data->deadline, ferry_credential_deadline_free);
  g_free (data);
}

static void
op_run_in_memory (GTask *task)
{
  FerryCredentialStore *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autofree char *key = memory_key (data->server, data->user);

  switch (data->kind)
    {
      case OP_STORE:
        g_hash_table_replace (self->memory, g_steal_pointer (&key), g_strdup (data->password));
        g_task_return_boolean (task, TRUE);
        break;

      case OP_LOOKUP:
        g_task_return_pointer (task, g_strdup (g_hash_table_lookup (self->memory, key)),
                               (GDestroyNotify)ferry_credential_store_free_password);
        break;

      case OP_CLEAR:
        g_hash_table_remove (self->memory, key);
        g_task_return_boolean (task, TRUE);
        break;

      default:
        g_assert_not_reached ();
    }
}

/* A keyring call failed: report cancellation, else fall back to memory and carry on. */
static void
op_keyring_failed (GTask *task, GError *error)
{
  FerryCredentialStore *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);

  if (ferry_credential_deadline_user_cancelled (data->deadline))
    {
      g_task_return_error (task, error);
      return;
    }

  ferry_credential_store_fall_back_for_error (self, data->deadline, error);
  g_error_free (error);
  op_run_in_memory (task);
}

static void
op_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    op_keyring_failed (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Lookups go through secret_service_search() and secret_item_load_secret() rather than
 * secret_password_lookup(): libsecret 0.20.5 leaks the body of the Secret Service's GetSecrets
 * reply on every successful secret_password_lookup() (checked with a libsecret-only program
 * under valgrind), and the item API reads the same secret without that leak. */
static void
op_lookup_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SecretItem *item = SECRET_ITEM (source);
  g_autoptr (GTask) task = user_data;
  SecretValue *value;
  GError *error = NULL;
  const char *text;

  if (!secret_item_load_secret_finish (item, result, &error))
    {
      op_keyring_failed (task, error);
      return;
    }

  value = secret_item_get_secret (item);
  text = value != NULL ? secret_value_get_text (value) : NULL;
  /* Hand it on in ordinary memory, cleared when freed. */
  g_task_return_pointer (task, g_strdup (text),
                         (GDestroyNotify)ferry_credential_store_free_password);
  g_clear_pointer (&value, secret_value_unref);
}

static void
op_lookup_searched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OpData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GList *items;

  items = secret_service_search_finish (SECRET_SERVICE (source), result, &error);
  if (error != NULL)
    {
      op_keyring_failed (task, error);
      return;
    }

  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* Unlocked items come first, as with secret_password_lookup(). */
  secret_item_load_secret (items->data, data->deadline->cancellable, op_lookup_loaded_cb,
                           g_steal_pointer (&task));
  g_list_free_full (items, g_object_unref);
}

static void
op_lookup_service_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OpData *data = g_task_get_task_data (task);
  g_autoptr (SecretService) service = NULL;
  g_autoptr (GHashTable) attributes = NULL;
  GError *error = NULL;

  service = secret_service_get_finish (result, &error);
  if (error != NULL)
    {
      op_keyring_failed (task, error);
      return;
    }

  attributes = secret_attributes_build (ferry_credential_schema (), "server", data->server, "user",
                                        data->user, NULL);
  secret_service_search (service, ferry_credential_schema (), attributes, SECRET_SEARCH_UNLOCK,
                         data->deadline->cancellable, op_lookup_searched_cb,
                         g_steal_pointer (&task));
}

static void
op_cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    op_keyring_failed (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
op_probed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryCredentialStore *self = FERRY_CREDENTIAL_STORE (source);
  g_autoptr (GTask) task = user_data;
  OpData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autofree char *label = NULL;

  ferry_credential_store_probe_finish (self, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->backend == FERRY_CREDENTIAL_BACKEND_MEMORY)
    {
      op_run_in_memory (task);
      return;
    }

  data->deadline = ferry_credential_deadline_new (g_task_get_cancellable (task), self->timeout_ms);

  switch (data->kind)
    {
      case OP_STORE:
        /* TRANSLATORS: the label of a password in the keyring; %s is user@server */
        label = g_strdup_printf (_ ("Ferry: HCX Manager password for %s@%s"), data->user,
                                 data->server);
        secret_password_store (ferry_credential_schema (), SECRET_COLLECTION_DEFAULT, label,
                               data->password, data->deadline->cancellable, op_stored_cb,
                               g_steal_pointer (&task), "server", data->server, "user", data->user,
                               NULL);
        break;

      case OP_LOOKUP:
        secret_service_get (SECRET_SERVICE_OPEN_SESSION, data->deadline->cancellable,
                            op_lookup_service_cb, g_steal_pointer (&task));
        break;

      case OP_CLEAR:
        secret_password_clear (ferry_credential_schema (), data->deadline->cancellable,
                               op_cleared_cb, g_steal_pointer (&task), "server", data->server,
                               "user", data->user, NULL);
        break;

      default:
        g_assert_not_reached ();
    }
}

static void
ferry_credential_store_run (FerryCredentialStore *self, OpKind kind, gpointer source_tag,
                            const char *server, const char *user, const char *password,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  OpData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (server == NULL || *server == '\0' || user == NULL || *user == '\0')
    {
      g_task_return_new_error (task, FERRY_CREDENTIAL_ERROR, FERRY_CREDENTIAL_ERROR_INVALID,
                               _ ("A password needs both a server and a user name."));
      return;
    }

  data = g_new0 (OpData, 1);
  data->kind = kind;
  data->server = g_strdup (server);
  data->user = g_strdup (user);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify)op_data_free);

  ferry_credential_store_probe_async (self, cancellable, op_probed_cb, g_steal_pointer (&task));
}

void
ferry_credential_store_store_async (FerryCredentialStore *self, const char *server,
                                    const char *user, const char *password,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (FERRY_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (password != NULL);

  ferry_credential_store_run (self, OP_STORE, ferry_credential_store_store_async, server, user,
                              password, cancellable, callback, user_data);
}

gboolean
ferry_credential_store_store_finish (FerryCredentialStore *self, GAsyncResult *result,
                                     GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_credential_store_lookup_async (FerryCredentialStore *self, const char *server,
                                     const char *user, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_CREDENTIAL_STORE (self));

  ferry_credential_store_run (self, OP_LOOKUP, ferry_credential_store_lookup_async, server, user,
                              NULL, cancellable, callback, user_data);
}

char *
ferry_credential_store_lookup_finish (FerryCredentialStore *self, GAsyncResult *result,
                                      GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_credential_store_clear_async (FerryCredentialStore *self, const char *server,
                                    const char *user, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_CREDENTIAL_STORE (self));

  ferry_credential_store_run (self, OP_CLEAR, ferry_credential_store_clear_async, server, user,
                              NULL, cancellable, callback, user_data);
}

gboolean
ferry_credential_store_clear_finish (FerryCredentialStore *self, GAsyncResult *result,
                                     GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- GObject ---- */

FerryCredentialBackend
ferry_credential_store_get_backend (FerryCredentialStore *self)
{
  g_return_val_if_fail (FERRY_IS_CREDENTIAL_STORE (self), FERRY_CREDENTIAL_BACKEND_UNKNOWN);

  return self->backend;
}

const char *
ferry_credential_store_get_fallback_reason (FerryCredentialStore *self)
{
  g_return_val_if_fail (FERRY_IS_CREDENTIAL_STORE (self), NULL);

  return self->fallback_reason;
}

guint
ferry_credential_store_get_timeout (FerryCredentialStore *self)
{
  g_return_val_if_fail (FERRY_IS_CREDENTIAL_STORE (self), 0);

  return self->timeout_ms;
}

void
ferry_credential_store_set_timeout (FerryCredentialStore *self, guint timeout_ms)
{
  g_return_if_fail (FERRY_IS_CREDENTIAL_STORE (self));

  if (self->timeout_ms == timeout_ms)
    return;

  self->timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

static void
secure_free (gpointer data)
{
  ferry_credential_store_free_password (data);
}

static void
ferry_credential_store_finalize (GObject *object)
{
  FerryCredentialStore *self = FERRY_CREDENTIAL_STORE (object);

  g_clear_pointer (&self->memory, g_hash_table_unref);
  g_clear_pointer (&self->probe_waiters, g_ptr_array_unref);
  g_free (self->fallback_reason);

  G_OBJECT_CLASS (ferry_credential_store_parent_class)->finalize (object);
}

static void
ferry_credential_store_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  FerryCredentialStore *self = FERRY_CREDENTIAL_STORE (object);

  switch (prop_id)
    {
      case PROP_BACKEND:
        g_value_set_enum (value, self->backend);
        break;

      case PROP_FALLBACK_REASON:
        g_value_set_string (value, self->fallback_reason);
        break;

      case PROP_TIMEOUT:
        g_value_set_uint (value, self->timeout_ms);
        break;

      case PROP_UNLOCK_TIMEOUT:
        g_value_set_uint (value, self->unlock_timeout_ms);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_credential_store_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  FerryCredentialStore *self = FERRY_CREDENTIAL_STORE (object);

  switch (prop_id)
    {
      case PROP_TIMEOUT:
        ferry_credential_store_set_timeout (self, g_value_get_uint (value));
        break;

      case PROP_UNLOCK_TIMEOUT:
        if (self->unlock_timeout_ms != g_value_get_uint (value))
          {
            self->unlock_timeout_ms = g_value_get_uint (value);
            g_object_notify_by_pspec (object, pspec);
          }
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_credential_store_class_init (FerryCredentialStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_credential_store_finalize;
  object_class->get_property = ferry_credential_store_get_property;
  object_class->set_property = ferry_credential_store_set_property;

  properties[PROP_BACKEND] = g_param_spec_enum (
      "backend", NULL, NULL, FERRY_TYPE_CREDENTIAL_BACKEND, FERRY_CREDENTIAL_BACKEND_UNKNOWN,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FALLBACK_REASON]
      = g_param_spec_string ("fallback-reason", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT]
      = g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_MS,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNLOCK_TIMEOUT]
      = g_param_spec_uint ("unlock-timeout", NULL, NULL, 0, G_MAXUINT, UNLOCK_TIMEOUT_MS,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_credential_store_init (FerryCredentialStore *self)
{
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->unlock_timeout_ms = UNLOCK_TIMEOUT_MS;
  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, secure_free);
  self->probe_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

FerryCredentialStore *
ferry_credential_store_new (void)
{
  return g_object_new (FERRY_TYPE_CREDENTIAL_STORE, NULL);
}
