/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-connection-session.h"

struct _FerryConnectionSession
{
  GObject parent_instance;

  FerryConnection *connection;
  FerryCredentialStore *credentials;
  FerryHcxClient *client;
  gboolean connected;
  gboolean simulated;
  gboolean remembered; /* the password is in the credential store */
  guint timeout;
};

G_DEFINE_FINAL_TYPE (FerryConnectionSession, ferry_connection_session, G_TYPE_OBJECT)
/* The quark name is a string, not an expression: keep clang-format off it. */
/* clang-format off */
G_DEFINE_QUARK (ferry-connection-session-error-quark, ferry_connection_session_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_CONNECTION,
  PROP_CREDENTIALS,
  PROP_CLIENT,
  PROP_CONNECTED,
  PROP_SIMULATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_connection_session_set_connected (FerryConnectionSession *self, gboolean connected)
{
  if (self->connected == connected)
    return;

  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static gboolean
ferry_connection_session_ensure_client (FerryConnectionSession *self, GError **error)
{
  g_autofree char *url = NULL;

  if (self->client != NULL)
    {
      ferry_hcx_client_set_pinned_fingerprint (self->client,
                                               ferry_connection_get_fingerprint (self->connection));
      return TRUE;
    }

  url = ferry_connection_get_url (self->connection);
  self->client = ferry_hcx_client_new (url, error);
  if (self->client == NULL)
    return FALSE;

  ferry_hcx_client_set_pinned_fingerprint (self->client,
                                           ferry_connection_get_fingerprint (self->connection));
  if (self->timeout > 0)
    {
      ferry_hcx_client_set_timeout (self->client, self->timeout);
      ferry_hcx_client_set_connect_timeout (self->client, self->timeout);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);

  return TRUE;
}

typedef struct
{
  char *password;
  gboolean typed;
  gboolean remember;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  ferry_credential_store_free_password (data->password);
  g_free (data);
}

static void
connect_remembered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryCredentialStore *credentials = FERRY_CREDENTIAL_STORE (source);
  g_autoptr (GTask) task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (data->remember)
    ferry_credential_store_store_finish (credentials, result, &error);
  else
    ferry_credential_store_clear_finish (credentials, result, &error);

  /* Logged in all the same; the credential store already fell back to memory if it had to. */
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not update the remembered password: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void
connect_logged_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *client = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  FerryConnectionSession *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!ferry_hcx_client_login_finish (client, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  ferry_connection_session_set_connected (self, TRUE);
  if (data->typed)
    self->remembered = data->remember && self->credentials != NULL && !self->simulated;
  else
    self->remembered = TRUE; /* it came from the credential store */

  if (data->typed && self->credentials != NULL && !self->simulated)
    {
      const char *server = ferry_connection_get_server (self->connection);
      const char *user = ferry_connection_get_user (self->connection);
      GCancellable *cancellable = g_task_get_cancellable (task);

      if (data->remember)
        ferry_credential_store_store_async (self->credentials, server, user, data->password,
                                            cancellable, connect_remembered_cb,
                                            g_steal_pointer (&task));
      else
        ferry_credential_store_clear_async (self->credentials, server, user, cancellable,
                                            connect_remembered_cb, g_steal_pointer (&task));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
connect_login (GTask *task)
{
  FerryConnectionSession *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!ferry_connection_session_ensure_client (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  ferry_hcx_client_login_async (self->client, ferry_connection_get_user (self->connection),
                                data->password, g_task_get_cancellable (task), connect_logged_in_cb,
                                g_object_ref (task));
}

static void
connect_looked_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FerryConnectionSession *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->password
      = ferry_credential_store_lookup_finish (FERRY_CREDENTIAL_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->password == NULL)
    {
      g_task_return_new_error (
          task, FERRY_CONNECTION_SESSION_ERROR, FERRY_CONNECTION_SESSION_ERROR_NEEDS_PASSWORD,
          _ ("Enter the password for %s."), ferry_connection_get_title (self->connection));
      return;
    }

  connect_login (task);
}

void
ferry_connection_session_connect_async (FerryConnectionSession *self, const char *password,
                                        gboolean remember, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ConnectData *data;

  g_return_if_fail (FERRY_IS_CONNECTION_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_connection_session_connect_async);

  data = g_new0 (ConnectData, 1);
  data->typed = password != NULL && *password != '\0';
  data->password = data->typed ? g_strdup (password) : NULL;
  data->remember = remember;
  g_task_set_task_data (task, data, (GDestroyNotify)connect_data_free);

  ferry_connection_session_set_connected (self, FALSE);

  if (data->typed)
    {
      connect_login (task);
      return;
    }

  if (self->credentials == NULL)
    {
      g_task_return_new_error (
          task, FERRY_CONNECTION_SESSION_ERROR, FERRY_CONNECTION_SESSION_ERROR_NEEDS_PASSWORD,
          _ ("Enter the password for %s."), ferry_connection_get_title (self->connection));
      return;
    }

  ferry_credential_store_lookup_async (self->credentials,
                                       ferry_connection_get_server (self->connection),
                                       ferry_connection_get_user (self->connection), cancellable,
                                       connect_looked_up_cb, g_steal_pointer (&task));
}

gboolean
ferry_connection_session_connect_finish (FerryConnectionSession *self, GAsyncResult *result,
                                         GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_connection_session_set_timeout (FerryConnectionSession *self, guint seconds)
{
  g_return_if_fail (FERRY_IS_CONNECTION_SESSION (self));

  self->timeout = seconds;
  if (self->client != NULL && seconds > 0)
    {
      ferry_hcx_client_set_timeout (self->client, seconds);
      ferry_hcx_client_set_connect_timeout (self->client, seconds);
    }
}

void
ferry_connection_session_login_again_async (FerryConnectionSession *self, const char *password,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data)
{
  g_return_if_fail (FERRY_IS_CONNECTION_SESSION (self));
  g_return_if_fail (password != NULL && *password != '\0');

  /* Same path as the first connect; keep the password remembered only if it was before. */
  ferry_connection_session_connect_async (self, password, self->remembered, cancellable, callback,
                                          user_data);
}

gboolean
ferry_connection_session_login_again_finish (FerryConnectionSession *self, GAsyncResult *result,
                                             GError **error)
{
  return ferry_connection_session_connect_finish (self, result, error);
}

FerryHcxCertificate *
ferry_connection_session_get_peer_certificate (FerryConnectionSession *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_SESSION (self), NULL);

  if (self->client == NULL)
    return NULL;

  return ferry_hcx_client_get_peer_certificate (self->client);
}

void
ferry_connection_session_trust_certificate (FerryConnectionSession *self,
                                            FerryHcxCertificate *certificate)
{
  const char *fingerprint;

  g_return_if_fail (FERRY_IS_CONNECTION_SESSION (self));
  g_return_if_fail (FERRY_IS_HCX_CERTIFICATE (certificate));

  fingerprint = ferry_hcx_certificate_get_fingerprint (certificate);
  ferry_connection_set_fingerprint (self->connection, fingerprint);
  if (self->client != NULL)
    ferry_hcx_client_set_pinned_fingerprint (self->client, fingerprint);
}

void
ferry_connection_session_disconnect (FerryConnectionSession *self)
{
  g_return_if_fail (FERRY_IS_CONNECTION_SESSION (self));

  if (self->client != NULL)
    ferry_hcx_client_logout (self->client);
  ferry_connection_session_set_connected (self, FALSE);
}

char *
ferry_connection_session_describe_error (FerryConnectionSession *self, const GError *error)
{
  const char *server;

  g_return_val_if_fail (FERRY_IS_CONNECTION_SESSION (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  server = ferry_connection_get_server (self->connection);

  if (error->domain == FERRY_HCX_ERROR)
    {
      switch ((FerryHcxError)error->code)
        {
          case FERRY_HCX_ERROR_UNREACHABLE:
            return g_strdup_printf (
                _ ("Could not reach %s. Check the address and port, and that this computer "
                   "can reach the HCX Manager (network, VPN, firewall)."),
                server);
          case FERRY_HCX_ERROR_TIMEOUT:
            return g_strdup_printf (
                _ ("%s did not answer in time. The HCX Manager may be busy or a firewall may "
                   "be dropping the connection. Try again in a moment."),
                server);
          case FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED:
            return g_strdup_printf (
                _ ("The certificate of %s is not trusted yet. Review it and trust it if it "
                   "is the HCX Manager’s own certificate."),
                server);
          case FERRY_HCX_ERROR_CERTIFICATE_CHANGED:
            return g_strdup_printf (
                _ ("The certificate of %s changed since you trusted it, so Ferry did not "
                   "connect. A renewed certificate causes this, but so does someone "
                   "intercepting the connection. Review the new certificate and ask the "
                   "HCX administrator before trusting it."),
                server);
          case FERRY_HCX_ERROR_TLS:
            return g_strdup_printf (
                _ ("A secure connection to %s could not be set up. Check that the address "
                   "and port are those of the HCX Manager."),
                server);
          case FERRY_HCX_ERROR_BAD_CREDENTIALS:
            return g_strdup_printf (
                _ ("%s did not accept the user name or password. Check both and try again "
                   "(HCX uses vCenter Single Sign-On users, such as "
                   "cloudadmin@vsphere.local)."),
                server);
          case FERRY_HCX_ERROR_FORBIDDEN:
            return g_strdup_printf (
                _ ("The user %s may not use this HCX Manager. Ask its administrator for an "
                   "HCX role such as System Administrator."),
                ferry_connection_get_user (self->connection));
          case FERRY_HCX_ERROR_NOT_FOUND:
            return g_strdup_printf (
                _ ("%s does not offer the HCX API. Check that the address is the HCX "
                   "Manager’s, not vCenter’s or the appliance management port 9443."),
                server);
          case FERRY_HCX_ERROR_SERVER_ERROR:
            return g_strdup_printf (
                _ ("%s reported an internal error. Try again in a moment; if it keeps "
                   "failing, check the HCX Manager’s services."),
                server);
          case FERRY_HCX_ERROR_UNEXPECTED_RESPONSE:
            return g_strdup_printf (
                _ ("%s answered with something Ferry does not understand. Check that the "
                   "address is the HCX Manager’s, not vCenter’s or a proxy’s."),
                server);
          case FERRY_HCX_ERROR_INVALID_ARGUMENT:
            return g_strdup_printf (
                _ ("“%s” is not a usable server address. Enter a host name or IP address, "
                   "optionally followed by :port."),
                server);
          default:
            break;
        }
    }

  return g_strdup (error->message);
}

/* ---- GObject ---- */

FerryConnection *
ferry_connection_session_get_connection (FerryConnectionSession *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_SESSION (self), NULL);
  return self->connection;
}

FerryHcxClient *
ferry_connection_session_get_client (FerryConnectionSession *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_SESSION (self), NULL);
  return self->client;
}

gboolean
ferry_connection_session_get_connected (FerryConnectionSession *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_SESSION (self), FALSE);
  return self->connected;
}

gboolean
ferry_connection_session_get_simulated (FerryConnectionSession *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_SESSION (self), FALSE);
  return self->simulated;
}

void
ferry_connection_session_set_simulated (FerryConnectionSession *self, gboolean simulated)
{
  g_return_if_fail (FERRY_IS_CONNECTION_SESSION (self));

  simulated = !!simulated;
  if (self->simulated == simulated)
    return;

  self->simulated = simulated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMULATED]);
}

static void
ferry_connection_session_dispose (GObject *object)
{
  FerryConnectionSession *self = FERRY_CONNECTION_SESSION (object);

  g_clear_object (&self->client);
  g_clear_object (&self->credentials);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (ferry_connection_session_parent_class)->dispose (object);
}

static void
ferry_connection_session_get_property (GObject *object, guint prop_id, GValue *value,
                                       GParamSpec *pspec)
{
  FerryConnectionSession *self = FERRY_CONNECTION_SESSION (object);

  switch (prop_id)
    {
      case PROP_CONNECTION:
        g_value_set_object (value, self->connection);
        break;
      case PROP_CREDENTIALS:
        g_value_set_object (value, self->credentials);
        break;
      case PROP_CLIENT:
        g_value_set_object (value, self->client);
        break;
      case PROP_CONNECTED:
        g_value_set_boolean (value, self->connected);
        break;
      case PROP_SIMULATED:
        g_value_set_boolean (value, self->simulated);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_connection_session_set_property (GObject *object, guint prop_id, const GValue *value,
                                       GParamSpec *pspec)
{
  FerryConnectionSession *self = FERRY_CONNECTION_SESSION (object);

  switch (prop_id)
    {
      case PROP_CONNECTION:
        self->connection = g_value_dup_object (value);
        break;
      case PROP_CREDENTIALS:
        self->credentials = g_value_dup_object (value);
        break;
      case PROP_SIMULATED:
        ferry_connection_session_set_simulated (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_connection_session_class_init (FerryConnectionSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_connection_session_dispose;
  object_class->get_property = ferry_connection_session_get_property;
  object_class->set_property = ferry_connection_session_set_property;

  properties[PROP_CONNECTION]
      = g_param_spec_object ("connection", NULL, NULL, FERRY_TYPE_CONNECTION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIALS]
      = g_param_spec_object ("credentials", NULL, NULL, FERRY_TYPE_CREDENTIAL_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT]
      = g_param_spec_object ("client", NULL, NULL, FERRY_TYPE_HCX_CLIENT,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTED]
      = g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIMULATED]
      = g_param_spec_boolean ("simulated", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_connection_session_init (FerryConnectionSession *self)
{
}

FerryConnectionSession *
ferry_connection_session_new (FerryConnection *connection, FerryCredentialStore *credentials)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (!credentials || FERRY_IS_CREDENTIAL_STORE (credentials), NULL);

  return g_object_new (FERRY_TYPE_CONNECTION_SESSION, "connection", connection, "credentials",
                       credentials, NULL);
}
