/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-connection.h"

struct _FerryConnection
{
  GObject parent_instance;

  char *id;
  char *server;
  char *user;
  char *fingerprint;
  char *title;
};

G_DEFINE_FINAL_TYPE (FerryConnection, ferry_connection, G_TYPE_OBJECT)
/* The quark name is a string, not an expression: keep clang-format off it. */
/* clang-format off */
G_DEFINE_QUARK (ferry-connection-error-quark, ferry_connection_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_ID,
  PROP_SERVER,
  PROP_USER,
  PROP_FINGERPRINT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

char *
ferry_connection_normalize_server (const char *address, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *host;
  int port;

  trimmed = g_strstrip (g_strdup (address != NULL ? address : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, FERRY_CONNECTION_ERROR, FERRY_CONNECTION_ERROR_INVALID_ADDRESS,
                           _ ("Enter the address of the HCX Manager, for example hcx.example.com "
                              "or 10.0.0.9:8443."));
      return NULL;
    }

  if (g_ascii_strncasecmp (trimmed, "http://", 7) == 0)
    {
      g_set_error_literal (error, FERRY_CONNECTION_ERROR, FERRY_CONNECTION_ERROR_INVALID_ADDRESS,
                           _ ("HCX Manager only speaks HTTPS: use an address starting with "
                              "https:// or no scheme at all."));
      return NULL;
    }

  if (strstr (trimmed, "://") == NULL)
    with_scheme = g_strconcat ("https://", trimmed, NULL);
  else
    with_scheme = g_strdup (trimmed);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 || host == NULL
      || *host == '\0' || g_uri_get_userinfo (uri) != NULL || strpbrk (host, " \t/") != NULL)
    {
      g_set_error (error, FERRY_CONNECTION_ERROR, FERRY_CONNECTION_ERROR_INVALID_ADDRESS,
                   _ ("“%s” is not a server address. Enter a host name or IP address, optionally "
                      "followed by :port."),
                   trimmed);
      return NULL;
    }

  port = g_uri_get_port (uri);
  if (port == 0)
    {
      g_set_error (error, FERRY_CONNECTION_ERROR, FERRY_CONNECTION_ERROR_INVALID_ADDRESS,
                   _ ("The port in “%s” is not valid: use a number from 1 to 65535."), trimmed);
      return NULL;
    }

  {
    g_autofree char *lower = g_ascii_strdown (host, -1);
    gboolean ipv6 = strchr (lower, ':') != NULL;

    if (port > 0 && port != 443)
      return g_strdup_printf (ipv6 ? "[%s]:%d" : "%s:%d", lower, port);

    return g_strdup_printf (ipv6 ? "[%s]" : "%s", lower);
  }
}

FerryConnection *
ferry_connection_new (const char *server, const char *user, GError **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *trimmed_user = NULL;

  normalized = ferry_connection_normalize_server (server, error);
  if (normalized == NULL)
    return NULL;

  trimmed_user = g_strstrip (g_strdup (user != NULL ? user : ""));
  if (*trimmed_user == '\0')
    {
      g_set_error_literal (error, FERRY_CONNECTION_ERROR, FERRY_CONNECTION_ERROR_INVALID_USER,
                           _ ("Enter the user name, for example cloudadmin@vsphere.local."));
      return NULL;
    }

  return g_object_new (FERRY_TYPE_CONNECTION, "server", normalized, "user", trimmed_user, NULL);
}

static void
ferry_connection_update_title (FerryConnection *self)
{
  /* TRANSLATORS: a connection, "USER on SERVER" */
  g_autofree char *title = g_strdup_printf (_ ("%s on %s"), self->user ? self->user : "",
                                            self->server ? self->server : "");

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ferry_connection_get_id (FerryConnection *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION (self), NULL);
  return self->id;
}

const char *
ferry_connection_get_server (FerryConnection *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION (self), NULL);
  return self->server;
}

void
ferry_connection_set_server (FerryConnection *self, const char *server)
{
  g_return_if_fail (FERRY_IS_CONNECTION (self));

  if (set_str (&self->server, server))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER]);
      ferry_connection_update_title (self);
    }
}

const char *
ferry_connection_get_user (FerryConnection *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION (self), NULL);
  return self->user;
}

void
ferry_connection_set_user (FerryConnection *self, const char *user)
{
  g_return_if_fail (FERRY_IS_CONNECTION (self));

  if (set_str (&self->user, user))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
      ferry_connection_update_title (self);
    }
}

const char *
ferry_connection_get_fingerprint (FerryConnection *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION (self), NULL);
  return self->fingerprint;
}

void
ferry_connection_set_fingerprint (FerryConnection *self, const char *fingerprint)
{
  g_return_if_fail (FERRY_IS_CONNECTION (self));

  if (fingerprint != NULL && *fingerprint == '\0')
    fingerprint = NULL;
  if (set_str (&self->fingerprint, fingerprint))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINGERPRINT]);
}

const char *
ferry_connection_get_title (FerryConnection *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION (self), NULL);
  return self->title;
}

char *
ferry_connection_get_url (FerryConnection *self)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION (self), NULL);
  return g_strconcat ("https://", self->server, NULL);
}

static void
ferry_connection_constructed (GObject *object)
{
  FerryConnection *self = FERRY_CONNECTION (object);

  G_OBJECT_CLASS (ferry_connection_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
  ferry_connection_update_title (self);
}

static void
ferry_connection_finalize (GObject *object)
{
  FerryConnection *self = FERRY_CONNECTION (object);

  g_free (self->id);
  g_free (self->server);
  g_free (self->user);
  g_free (self->fingerprint);
  g_free (self->title);

  G_OBJECT_CLASS (ferry_connection_parent_class)->finalize (object);
}

static void
ferry_connection_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryConnection *self = FERRY_CONNECTION (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_SERVER:
        g_value_set_string (value, self->server);
        break;
      case PROP_USER:
        g_value_set_string (value, self->user);
        break;
      case PROP_FINGERPRINT:
        g_value_set_string (value, self->fingerprint);
        break;
      case PROP_TITLE:
        g_value_set_string (value, self->title);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_connection_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  FerryConnection *self = FERRY_CONNECTION (object);

  switch (prop_id)
    {
      case PROP_ID:
        self->id = g_value_dup_string (value);
        break;
      case PROP_SERVER:
        ferry_connection_set_server (self, g_value_get_string (value));
        break;
      case PROP_USER:
        ferry_connection_set_user (self, g_value_get_string (value));
        break;
      case PROP_FINGERPRINT:
        ferry_connection_set_fingerprint (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_connection_class_init (FerryConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ferry_connection_constructed;
  object_class->finalize = ferry_connection_finalize;
  object_class->get_property = ferry_connection_get_property;
  object_class->set_property = ferry_connection_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER]
      = g_param_spec_string ("server", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER]
      = g_param_spec_string ("user", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINGERPRINT]
      = g_param_spec_string ("fingerprint", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE]
      = g_param_spec_string ("title", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_connection_init (FerryConnection *self)
{
}
