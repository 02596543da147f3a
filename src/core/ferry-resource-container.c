/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-resource-container.c: a vCenter of a site (fills a migration's source/destination) */

#include "ferry-resource-container.h"

struct _FerryResourceContainer
{
  GObject parent_instance;

  char *name;
  char *url;
  char *vcuuid;
  char *version;
  char *build_number;
  char *resource_id;
  char *resource_type;
  char *resource_name;
  char *endpoint_id;
  char *endpoint_name;
  char *endpoint_type;
  char *cloud_type;
  gboolean is_local;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryResourceContainer, ferry_resource_container, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_URL,
  PROP_VCUUID,
  PROP_VERSION,
  PROP_BUILD_NUMBER,
  PROP_RESOURCE_ID,
  PROP_RESOURCE_TYPE,
  PROP_RESOURCE_NAME,
  PROP_ENDPOINT_ID,
  PROP_ENDPOINT_NAME,
  PROP_ENDPOINT_TYPE,
  PROP_CLOUD_TYPE,
  PROP_IS_LOCAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_resource_container_finalize (GObject *object)
{
  FerryResourceContainer *self = (FerryResourceContainer *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->vcuuid, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->build_number, g_free);
  g_clear_pointer (&self->resource_id, g_free);
  g_clear_pointer (&self->resource_type, g_free);
  g_clear_pointer (&self->resource_name, g_free);
  g_clear_pointer (&self->endpoint_id, g_free);
  g_clear_pointer (&self->endpoint_name, g_free);
  g_clear_pointer (&self->endpoint_type, g_free);
  g_clear_pointer (&self->cloud_type, g_free);

  G_OBJECT_CLASS (ferry_resource_container_parent_class)->finalize (object);
}

static void
ferry_resource_container_get_property (GObject *object, guint prop_id, GValue *value,
                                       GParamSpec *pspec)
{
  FerryResourceContainer *self = (FerryResourceContainer *)object;

  switch (prop_id)
    {
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_URL:
        g_value_set_string (value, self->url);
        break;

      case PROP_VCUUID:
        g_value_set_string (value, self->vcuuid);
        break;

      case PROP_VERSION:
        g_value_set_string (value, self->version);
        break;

      case PROP_BUILD_NUMBER:
        g_value_set_string (value, self->build_number);
        break;

      case PROP_RESOURCE_ID:
        g_value_set_string (value, self->resource_id);
        break;

      case PROP_RESOURCE_TYPE:
        g_value_set_string (value, self->resource_type);
        break;

      case PROP_RESOURCE_NAME:
        g_value_set_string (value, self->resource_name);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      case PROP_ENDPOINT_NAME:
        g_value_set_string (value, self->endpoint_name);
        break;

      case PROP_ENDPOINT_TYPE:
        g_value_set_string (value, self->endpoint_type);
        break;

      case PROP_CLOUD_TYPE:
        g_value_set_string (value, self->cloud_type);
        break;

      case PROP_IS_LOCAL:
        g_value_set_boolean (value, self->is_local);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_resource_container_set_property (GObject *object, guint prop_id, const GValue *value,
                                       GParamSpec *pspec)
{
  FerryResourceContainer *self = (FerryResourceContainer *)object;

  switch (prop_id)
    {
      case PROP_NAME:
        ferry_resource_container_set_name (self, g_value_get_string (value));
        break;

      case PROP_URL:
        ferry_resource_container_set_url (self, g_value_get_string (value));
        break;

      case PROP_VCUUID:
        ferry_resource_container_set_vcuuid (self, g_value_get_string (value));
        break;

      case PROP_VERSION:
        ferry_resource_container_set_version (self, g_value_get_string (value));
        break;

      case PROP_BUILD_NUMBER:
        ferry_resource_container_set_build_number (self, g_value_get_string (value));
        break;

      case PROP_RESOURCE_ID:
        ferry_resource_container_set_resource_id (self, g_value_get_string (value));
        break;

      case PROP_RESOURCE_TYPE:
        ferry_resource_container_set_resource_type (self, g_value_get_string (value));
        break;

      case PROP_RESOURCE_NAME:
        ferry_resource_container_set_resource_name (self, g_value_get_string (value));
        break;

      case PROP_ENDPOINT_ID:
        ferry_resource_container_set_endpoint_id (self, g_value_get_string (value));
        break;

      case PROP_ENDPOINT_NAME:
        ferry_resource_container_set_endpoint_name (self, g_value_get_string (value));
        break;

      case PROP_ENDPOINT_TYPE:
        ferry_resource_container_set_endpoint_type (self, g_value_get_string (value));
        break;

      case PROP_CLOUD_TYPE:
        ferry_resource_container_set_cloud_type (self, g_value_get_string (value));
        break;

      case PROP_IS_LOCAL:
        ferry_resource_container_set_is_local (self, g_value_get_boolean (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_resource_container_class_init (FerryResourceContainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_resource_container_finalize;
  object_class->get_property = ferry_resource_container_get_property;
  object_class->set_property = ferry_resource_container_set_property;

  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL]
      = g_param_spec_string ("url", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VCUUID]
      = g_param_spec_string ("vcuuid", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION]
      = g_param_spec_string ("version", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILD_NUMBER]
      = g_param_spec_string ("build-number", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOURCE_ID]
      = g_param_spec_string ("resource-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOURCE_TYPE]
      = g_param_spec_string ("resource-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOURCE_NAME]
      = g_param_spec_string ("resource-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_ID]
      = g_param_spec_string ("endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_NAME]
      = g_param_spec_string ("endpoint-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_TYPE]
      = g_param_spec_string ("endpoint-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOUD_TYPE]
      = g_param_spec_string ("cloud-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_LOCAL]
      = g_param_spec_boolean ("is-local", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_resource_container_init (FerryResourceContainer *self)
{
}

FerryResourceContainer *
ferry_resource_container_new (void)
{
  return g_object_new (FERRY_TYPE_RESOURCE_CONTAINER, NULL);
}

const char *
ferry_resource_container_get_name (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->name;
}

void
ferry_resource_container_set_name (FerryResourceContainer *self, const char *name)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_resource_container_get_url (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->url;
}

void
ferry_resource_container_set_url (FerryResourceContainer *self, const char *url)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->url, url) == 0)
    return;
  g_free (self->url);
  self->url = g_strdup (url);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
ferry_resource_container_get_vcuuid (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->vcuuid;
}

void
ferry_resource_container_set_vcuuid (FerryResourceContainer *self, const char *vcuuid)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->vcuuid, vcuuid) == 0)
    return;
  g_free (self->vcuuid);
  self->vcuuid = g_strdup (vcuuid);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VCUUID]);
}

const char *
ferry_resource_container_get_version (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->version;
}

void
ferry_resource_container_set_version (FerryResourceContainer *self, const char *version)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->version, version) == 0)
    return;
  g_free (self->version);
  self->version = g_strdup (version);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
ferry_resource_container_get_build_number (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->build_number;
}

void
ferry_resource_container_set_build_number (FerryResourceContainer *self, const char *build_number)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->build_number, build_number) == 0)
    return;
  g_free (self->build_number);
  self->build_number = g_strdup (build_number);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILD_NUMBER]);
}

const char *
ferry_resource_container_get_resource_id (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->resource_id;
}

void
ferry_resource_container_set_resource_id (FerryResourceContainer *self, const char *resource_id)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->resource_id, resource_id) == 0)
    return;
  g_free (self->resource_id);
  self->resource_id = g_strdup (resource_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_ID]);
}

const char *
ferry_resource_container_get_resource_type (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->resource_type;
}

void
ferry_resource_container_set_resource_type (FerryResourceContainer *self, const char *resource_type)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->resource_type, resource_type) == 0)
    return;
  g_free (self->resource_type);
  self->resource_type = g_strdup (resource_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_TYPE]);
}

const char *
ferry_resource_container_get_resource_name (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->resource_name;
}

void
ferry_resource_container_set_resource_name (FerryResourceContainer *self, const char *resource_name)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->resource_name, resource_name) == 0)
    return;
  g_free (self->resource_name);
  self->resource_name = g_strdup (resource_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_NAME]);
}

const char *
ferry_resource_container_get_endpoint_id (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->endpoint_id;
}

void
ferry_resource_container_set_endpoint_id (FerryResourceContainer *self, const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->endpoint_id, endpoint_id) == 0)
    return;
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
}

const char *
ferry_resource_container_get_endpoint_name (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->endpoint_name;
}

void
ferry_resource_container_set_endpoint_name (FerryResourceContainer *self, const char *endpoint_name)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->endpoint_name, endpoint_name) == 0)
    return;
  g_free (self->endpoint_name);
  self->endpoint_name = g_strdup (endpoint_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_NAME]);
}

const char *
ferry_resource_container_get_endpoint_type (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->endpoint_type;
}

void
ferry_resource_container_set_endpoint_type (FerryResourceContainer *self, const char *endpoint_type)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->endpoint_type, endpoint_type) == 0)
    return;
  g_free (self->endpoint_type);
  self->endpoint_type = g_strdup (endpoint_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_TYPE]);
}

const char *
ferry_resource_container_get_cloud_type (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), NULL);

  return self->cloud_type;
}

void
ferry_resource_container_set_cloud_type (FerryResourceContainer *self, const char *cloud_type)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  if (g_strcmp0 (self->cloud_type, cloud_type) == 0)
    return;
  g_free (self->cloud_type);
  self->cloud_type = g_strdup (cloud_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOUD_TYPE]);
}

gboolean
ferry_resource_container_get_is_local (FerryResourceContainer *self)
{
  g_return_val_if_fail (FERRY_IS_RESOURCE_CONTAINER (self), FALSE);

  return self->is_local;
}

void
ferry_resource_container_set_is_local (FerryResourceContainer *self, gboolean is_local)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  is_local = !!is_local;
  if (self->is_local == is_local)
    return;
  self->is_local = is_local;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_LOCAL]);
}

void
_ferry_resource_container_set_quiet (FerryResourceContainer *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_RESOURCE_CONTAINER (self));

  self->quiet = !!quiet;
}
