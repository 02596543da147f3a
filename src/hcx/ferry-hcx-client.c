/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client.c: one HCX Manager, one SoupSession.
 *
 * The object itself: properties, the session, login and logout. The rest of the client lives
 * beside it (see ferry-hcx-client-private.h):
 *   ferry-hcx-client-request.c    one HTTP exchange (+ the 401 -> re-login -> repeat-if-safe
 *                                 dance), mapping every transport, TLS and status failure to a
 *                                 FERRY_HCX_ERROR; JSON calls on top of it.
 *   ferry-hcx-client-inventory.c  sites and inventory; VM pages are parsed in worker threads.
 *   ferry-hcx-client-mobility.c   validate, start, query, cancel, mobility groups, jobs. */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-hcx-client-private.h"

#define DEFAULT_TIMEOUT 120
#define DEFAULT_CONNECT_TIMEOUT 20
#define DEFAULT_PAGE_SIZE 1000
#define DEFAULT_RECONCILE_TIMEOUT 30

G_DEFINE_FINAL_TYPE (FerryHcxClient, ferry_hcx_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SERVER,
  PROP_BASE_URL,
  PROP_HOST,
  PROP_PINNED_FINGERPRINT,
  PROP_TIMEOUT,
  PROP_CONNECT_TIMEOUT,
  PROP_LOGGED_IN,
  PROP_USERNAME,
  PROP_ENDPOINT_ID,
  PROP_PEER_CERTIFICATE,
  PROP_CERTIFICATE_EXPIRED,
  PROP_RECONCILE_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ------------------------------------------------------------------------------------- */

void
_ferry_hcx_secure_free (char *str)
{
  if (str != NULL)
    {
      explicit_bzero (str, strlen (str));
      g_free (str);
    }
}

void
_ferry_hcx_client_set_token (FerryHcxClient *self, const char *token)
{
  gboolean was = self->token != NULL;

  _ferry_hcx_secure_free (self->token);
  self->token = g_strdup (token);
  if (token != NULL)
    self->token_generation++;
  if (was != (self->token != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGGED_IN]);
}

void
_ferry_hcx_client_set_peer_certificate (FerryHcxClient *self, FerryHcxCertificate *cert)
{
  if (g_set_object (&self->peer_certificate, cert))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEER_CERTIFICATE]);
}

void
_ferry_hcx_client_set_certificate_expired (FerryHcxClient *self, gboolean expired)
{
  expired = !!expired;
  if (self->certificate_expired == expired)
    return;
  self->certificate_expired = expired;
  if (expired)
    g_debug ("%s: the pinned certificate has expired", self->host);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATE_EXPIRED]);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
ferry_hcx_client_dispose (GObject *object)
{
  FerryHcxClient *self = (FerryHcxClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->peer_certificate);
  g_clear_object (&self->pin_verified);

  G_OBJECT_CLASS (ferry_hcx_client_parent_class)->dispose (object);
}

static void
ferry_hcx_client_finalize (GObject *object)
{
  FerryHcxClient *self = (FerryHcxClient *)object;

  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->pinned_fingerprint, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->password, _ferry_hcx_secure_free);
  g_clear_pointer (&self->token, _ferry_hcx_secure_free);
  g_clear_pointer (&self->endpoint_id, g_free);
  g_clear_pointer (&self->relogin_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (ferry_hcx_client_parent_class)->finalize (object);
}

static void
ferry_hcx_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (object);

  switch (prop_id)
    {
      case PROP_SERVER:
        g_value_set_string (value, self->server);
        break;

      case PROP_BASE_URL:
        g_value_set_string (value, self->base_url);
        break;

      case PROP_HOST:
        g_value_set_string (value, self->host);
        break;

      case PROP_PINNED_FINGERPRINT:
        g_value_set_string (value, self->pinned_fingerprint);
        break;

      case PROP_TIMEOUT:
        g_value_set_uint (value, self->timeout);
        break;

      case PROP_CONNECT_TIMEOUT:
        g_value_set_uint (value, self->connect_timeout);
        break;

      case PROP_LOGGED_IN:
        g_value_set_boolean (value, self->token != NULL);
        break;

      case PROP_USERNAME:
        g_value_set_string (value, self->username);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      case PROP_PEER_CERTIFICATE:
        g_value_set_object (value, self->peer_certificate);
        break;

      case PROP_CERTIFICATE_EXPIRED:
        g_value_set_boolean (value, self->certificate_expired);
        break;

      case PROP_RECONCILE_TIMEOUT:
        g_value_set_uint (value, self->reconcile_timeout);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_hcx_client_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (object);

  switch (prop_id)
    {
      case PROP_SERVER:
        self->server = g_value_dup_string (value);
        break;

      case PROP_PINNED_FINGERPRINT:
        ferry_hcx_client_set_pinned_fingerprint (self, g_value_get_string (value));
        break;

      case PROP_TIMEOUT:
        ferry_hcx_client_set_timeout (self, g_value_get_uint (value));
        break;

      case PROP_CONNECT_TIMEOUT:
        ferry_hcx_client_set_connect_timeout (self, g_value_get_uint (value));
        break;

      case PROP_RECONCILE_TIMEOUT:
        ferry_hcx_client_set_reconcile_timeout (self, g_value_get_uint (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_hcx_client_class_init (FerryHcxClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ferry_hcx_client_dispose;
  object_class->finalize = ferry_hcx_client_finalize;
  object_class->get_property = ferry_hcx_client_get_property;
  object_class->set_property = ferry_hcx_client_set_property;

  properties[PROP_SERVER]
      = g_param_spec_string ("server", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL, ro);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, ro);
  properties[PROP_PINNED_FINGERPRINT]
      = g_param_spec_string ("pinned-fingerprint", NULL, NULL, NULL, rw);
  properties[PROP_TIMEOUT]
      = g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT, rw);
  properties[PROP_CONNECT_TIMEOUT] = g_param_spec_uint ("connect-timeout", NULL, NULL, 0, G_MAXUINT,
                                                        DEFAULT_CONNECT_TIMEOUT, rw);
  properties[PROP_LOGGED_IN] = g_param_spec_boolean ("logged-in", NULL, NULL, FALSE, ro);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, ro);
  properties[PROP_ENDPOINT_ID] = g_param_spec_string ("endpoint-id", NULL, NULL, NULL, ro);
  properties[PROP_PEER_CERTIFICATE]
      = g_param_spec_object ("peer-certificate", NULL, NULL, FERRY_TYPE_HCX_CERTIFICATE, ro);
  properties[PROP_CERTIFICATE_EXPIRED]
      = g_param_spec_boolean ("certificate-expired", NULL, NULL, FALSE, ro);
  properties[PROP_RECONCILE_TIMEOUT] = g_param_spec_uint ("reconcile-timeout", NULL, NULL, 0,
                                                          G_MAXUINT, DEFAULT_RECONCILE_TIMEOUT, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_hcx_client_init (FerryHcxClient *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->page_size = DEFAULT_PAGE_SIZE;
  self->reconcile_timeout = DEFAULT_RECONCILE_TIMEOUT;
  self->relogin_waiters = g_ptr_array_new ();
  self->session
      = soup_session_new_with_options ("timeout", DEFAULT_CONNECT_TIMEOUT, "idle-timeout", 60,
                                       "user-agent", "Ferry/" PACKAGE_VERSION " ", NULL);
}

/* Parses the server address into base_url and host. */
static gboolean
parse_server (FerryHcxClient *self, const char *server, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (server != NULL ? server : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *scheme;
  const char *hostname;
  int port;
  gboolean ipv6;

  if (*trimmed == '\0')
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                   _ ("Enter the address of the HCX Manager"));
      return FALSE;
    }
  with_scheme = strstr (trimmed, "://") != NULL ? g_strdup (trimmed)
                                                : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a valid server address"), trimmed);
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                   _ ("HCX Manager is only reachable over HTTPS; “%s” uses %s"), trimmed, scheme);
      return FALSE;
    }
  hostname = g_uri_get_host (uri);
  port = g_uri_get_port (uri);
  ipv6 = strchr (hostname, ':') != NULL;
  if (port > 0 && port != 443)
    self->host = g_strdup_printf (ipv6 ? "[%s]:%d" : "%s:%d", hostname, port);
  else
    self->host = g_strdup_printf (ipv6 ? "[%s]" : "%s", hostname);
  self->base_url = g_strdup_printf ("https://%s/hybridity/api", self->host);

  /* Never through a proxy to the loopback (the embedded simulator); this also keeps the
   * desktop's proxy settings out of isolated test environments. */
  if (g_hostname_is_ip_address (hostname) || g_ascii_strcasecmp (hostname, "localhost") == 0)
    {
      g_autoptr (GInetAddress) address = g_inet_address_new_from_string (hostname);

      if (address == NULL || g_inet_address_get_is_loopback (address))
        soup_session_set_proxy_resolver (self->session, NULL);
    }
  return TRUE;
}

FerryHcxClient *
ferry_hcx_client_new (const char *server, GError **error)
{
  g_autoptr (FerryHcxClient) self = g_object_new (FERRY_TYPE_HCX_CLIENT, "server", server, NULL);

  if (!parse_server (self, server, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Accessors ----------------------------------------------------------------------------------- */

const char *
ferry_hcx_client_get_server (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->server;
}

const char *
ferry_hcx_client_get_base_url (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->base_url;
}

const char *
ferry_hcx_client_get_host (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->host;
}

const char *
ferry_hcx_client_get_pinned_fingerprint (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->pinned_fingerprint;
}

void
ferry_hcx_client_set_pinned_fingerprint (FerryHcxClient *self, const char *fingerprint)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  normalized = fingerprint != NULL ? ferry_hcx_fingerprint_normalize (fingerprint) : NULL;
  if (fingerprint != NULL && normalized == NULL)
    g_warning ("Ignoring malformed certificate fingerprint");
  if (g_strcmp0 (normalized, self->pinned_fingerprint) == 0)
    return;
  g_free (self->pinned_fingerprint);
  self->pinned_fingerprint = g_steal_pointer (&normalized);
  g_clear_object (&self->pin_verified);
  _ferry_hcx_client_set_certificate_expired (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_FINGERPRINT]);
}

guint
ferry_hcx_client_get_timeout (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), 0);
  return self->timeout;
}

void
ferry_hcx_client_set_timeout (FerryHcxClient *self, guint seconds)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
ferry_hcx_client_get_connect_timeout (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), 0);
  return self->connect_timeout;
}

void
ferry_hcx_client_set_connect_timeout (FerryHcxClient *self, guint seconds)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  if (self->connect_timeout == seconds)
    return;
  self->connect_timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

guint
ferry_hcx_client_get_reconcile_timeout (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), 0);
  return self->reconcile_timeout;
}

void
ferry_hcx_client_set_reconcile_timeout (FerryHcxClient *self, guint seconds)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  if (self->reconcile_timeout == seconds)
    return;
  self->reconcile_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECONCILE_TIMEOUT]);
}

gboolean
ferry_hcx_client_get_certificate_expired (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), FALSE);
  return self->certificate_expired;
}

gboolean
ferry_hcx_client_get_logged_in (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), FALSE);
  return self->token != NULL;
}

const char *
ferry_hcx_client_get_username (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->username;
}

const char *
ferry_hcx_client_get_endpoint_id (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->endpoint_id;
}

FerryHcxCertificate *
ferry_hcx_client_get_peer_certificate (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->peer_certificate;
}

void
ferry_hcx_client_set_page_size (FerryHcxClient *self, guint page_size)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  self->page_size = page_size > 0 ? page_size : DEFAULT_PAGE_SIZE;
}

void
ferry_hcx_client_set_tls_database (FerryHcxClient *self, GTlsDatabase *database)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  soup_session_set_tls_database (self->session, database);
}

/* Login --------------------------------------------------------------------------------------- */

static void
on_login_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = _ferry_hcx_client_request_finish (self, result, NULL, &error);
  g_autoptr (JsonNode) root = NULL;

  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The body is informative only (user, roles, endpointId); tolerate anything. */
  root = ferry_hcx_json_parse (bytes, self->host, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *data = ferry_json_get_object (json_node_get_object (root), "data");
      JsonObject *info = ferry_json_get_object (data, "endpointInfo");
      g_autofree char *uuid = ferry_json_dup_id (info, "uuid");

      if (uuid == NULL)
        uuid = ferry_json_dup_id (info, "endpointId");
      if (uuid != NULL && g_strcmp0 (uuid, self->endpoint_id) != 0)
        {
          g_free (self->endpoint_id);
          self->endpoint_id = g_steal_pointer (&uuid);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
        }
    }
  g_task_return_boolean (task, TRUE);
}

void
ferry_hcx_client_login_async (FerryHcxClient *self, const char *username, const char *password,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_login_async);

  if (g_strcmp0 (self->username, username) != 0)
    {
      g_free (self->username);
      self->username = g_strdup (username);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
    }
  _ferry_hcx_secure_free (self->password);
  self->password = g_strdup (password);
  _ferry_hcx_client_set_token (self, NULL);

  _ferry_hcx_client_request_login (self, cancellable, on_login_done, task);
}

gboolean
ferry_hcx_client_login_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_boolean (self, result, ferry_hcx_client_login_async, error);
}

void
ferry_hcx_client_logout (FerryHcxClient *self)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  g_clear_pointer (&self->password, _ferry_hcx_secure_free);
  _ferry_hcx_client_set_token (self, NULL);
}
