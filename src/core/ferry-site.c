/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-site.c: a remote site connection (cloudConfig) */

#include "ferry-site.h"

struct _FerrySite
{
  GObject parent_instance;

  char *endpoint_id;
  char *name;
  char *url;
  char *cloud_type;
  char *cloud_name;
  char *version;
  char *build_number;
  char *username;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerrySite, ferry_site, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENDPOINT_ID,
  PROP_NAME,
  PROP_URL,
  PROP_CLOUD_TYPE,
  PROP_CLOUD_NAME,
  PROP_VERSION,
  PROP_BUILD_NUMBER,
  PROP_USERNAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_site_finalize (GObject *object)
{
  FerrySite *self = (FerrySite *)object;

  g_clear_pointer (&self->endpoint_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->cloud_type, g_free);
  g_clear_pointer (&self->cloud_name, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->build_number, g_free);
  g_clear_pointer (&self->username, g_free);

  G_OBJECT_CLASS (ferry_site_parent_class)->finalize (object);
}

static void
ferry_site_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerrySite *self = (FerrySite *)object;

  switch (prop_id)
    {
      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_URL:
        g_value_set_string (value, self->url);
        break;

      case PROP_CLOUD_TYPE:
        g_value_set_string (value, self->cloud_type);
        break;

      case PROP_CLOUD_NAME:
        g_value_set_string (value, self->cloud_name);
        break;

      case PROP_VERSION:
        g_value_set_string (value, self->version);
        break;

      case PROP_BUILD_NUMBER:
        g_value_set_string (value, self->build_number);
        break;

      case PROP_USERNAME:
        g_value_set_string (value, self->username);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_site_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerrySite *self = (FerrySite *)object;

  switch (prop_id)
    {
      case PROP_ENDPOINT_ID:
        ferry_site_set_endpoint_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_site_set_name (self, g_value_get_string (value));
        break;

      case PROP_URL:
        ferry_site_set_url (self, g_value_get_string (value));
        break;

      case PROP_CLOUD_TYPE:
        ferry_site_set_cloud_type (self, g_value_get_string (value));
        break;

      case PROP_CLOUD_NAME:
        ferry_site_set_cloud_name (self, g_value_get_string (value));
        break;

      case PROP_VERSION:
        ferry_site_set_version (self, g_value_get_string (value));
        break;

      case PROP_BUILD_NUMBER:
        ferry_site_set_build_number (self, g_value_get_string (value));
        break;

      case PROP_USERNAME:
        ferry_site_set_username (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_site_class_init (FerrySiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_site_finalize;
  object_class->get_property = ferry_site_get_property;
  object_class->set_property = ferry_site_set_property;

  properties[PROP_ENDPOINT_ID]
      = g_param_spec_string ("endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL]
      = g_param_spec_string ("url", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOUD_TYPE]
      = g_param_spec_string ("cloud-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOUD_NAME]
      = g_param_spec_string ("cloud-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION]
      = g_param_spec_string ("version", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILD_NUMBER]
      = g_param_spec_string ("build-number", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME]
      = g_param_spec_string ("username", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_site_init (FerrySite *self)
{
}

FerrySite *
ferry_site_new (void)
{
  return g_object_new (FERRY_TYPE_SITE, NULL);
}

const char *
ferry_site_get_endpoint_id (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->endpoint_id;
}

void
ferry_site_set_endpoint_id (FerrySite *self, const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->endpoint_id, endpoint_id) == 0)
    return;
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
}

const char *
ferry_site_get_name (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->name;
}

void
ferry_site_set_name (FerrySite *self, const char *name)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_site_get_url (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->url;
}

void
ferry_site_set_url (FerrySite *self, const char *url)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->url, url) == 0)
    return;
  g_free (self->url);
  self->url = g_strdup (url);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
ferry_site_get_cloud_type (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->cloud_type;
}

void
ferry_site_set_cloud_type (FerrySite *self, const char *cloud_type)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->cloud_type, cloud_type) == 0)
    return;
  g_free (self->cloud_type);
  self->cloud_type = g_strdup (cloud_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOUD_TYPE]);
}

const char *
ferry_site_get_cloud_name (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->cloud_name;
}

void
ferry_site_set_cloud_name (FerrySite *self, const char *cloud_name)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->cloud_name, cloud_name) == 0)
    return;
  g_free (self->cloud_name);
  self->cloud_name = g_strdup (cloud_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOUD_NAME]);
}

const char *
ferry_site_get_version (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->version;
}

void
ferry_site_set_version (FerrySite *self, const char *version)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->version, version) == 0)
    return;
  g_free (self->version);
  self->version = g_strdup (version);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
ferry_site_get_build_number (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->build_number;
}

void
ferry_site_set_build_number (FerrySite *self, const char *build_number)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->build_number, build_number) == 0)
    return;
  g_free (self->build_number);
  self->build_number = g_strdup (build_number);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILD_NUMBER]);
}

const char *
ferry_site_get_username (FerrySite *self)
{
  g_return_val_if_fail (FERRY_IS_SITE (self), NULL);

  return self->username;
}

void
ferry_site_set_username (FerrySite *self, const char *username)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  if (g_strcmp0 (self->username, username) == 0)
    return;
  g_free (self->username);
  self->username = g_strdup (username);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

void
_ferry_site_set_quiet (FerrySite *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_SITE (self));

  self->quiet = !!quiet;
}
