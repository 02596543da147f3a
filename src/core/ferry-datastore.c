/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-datastore.c: a datastore (or datastore cluster) of a site */

#include "ferry-datastore.h"

struct _FerryDatastore
{
  GObject parent_instance;

  char *id;
  char *name;
  char *entity_type;
  gint64 capacity_bytes;
  gint64 free_bytes;
  gboolean is_cluster;
  char *endpoint_id;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryDatastore, ferry_datastore, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ENTITY_TYPE,
  PROP_CAPACITY_BYTES,
  PROP_FREE_BYTES,
  PROP_IS_CLUSTER,
  PROP_ENDPOINT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_datastore_finalize (GObject *object)
{
  FerryDatastore *self = (FerryDatastore *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->entity_type, g_free);
  g_clear_pointer (&self->endpoint_id, g_free);

  G_OBJECT_CLASS (ferry_datastore_parent_class)->finalize (object);
}

static void
ferry_datastore_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryDatastore *self = (FerryDatastore *)object;

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_ENTITY_TYPE:
        g_value_set_string (value, self->entity_type);
        break;

      case PROP_CAPACITY_BYTES:
        g_value_set_int64 (value, self->capacity_bytes);
        break;

      case PROP_FREE_BYTES:
        g_value_set_int64 (value, self->free_bytes);
        break;

      case PROP_IS_CLUSTER:
        g_value_set_boolean (value, self->is_cluster);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_datastore_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  FerryDatastore *self = (FerryDatastore *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_datastore_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_datastore_set_name (self, g_value_get_string (value));
        break;

      case PROP_ENTITY_TYPE:
        ferry_datastore_set_entity_type (self, g_value_get_string (value));
        break;

      case PROP_CAPACITY_BYTES:
        ferry_datastore_set_capacity_bytes (self, g_value_get_int64 (value));
        break;

      case PROP_FREE_BYTES:
        ferry_datastore_set_free_bytes (self, g_value_get_int64 (value));
        break;

      case PROP_IS_CLUSTER:
        ferry_datastore_set_is_cluster (self, g_value_get_boolean (value));
        break;

      case PROP_ENDPOINT_ID:
        ferry_datastore_set_endpoint_id (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_datastore_class_init (FerryDatastoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_datastore_finalize;
  object_class->get_property = ferry_datastore_get_property;
  object_class->set_property = ferry_datastore_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_TYPE]
      = g_param_spec_string ("entity-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPACITY_BYTES]
      = g_param_spec_int64 ("capacity-bytes", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FREE_BYTES]
      = g_param_spec_int64 ("free-bytes", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_CLUSTER]
      = g_param_spec_boolean ("is-cluster", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_ID]
      = g_param_spec_string ("endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_datastore_init (FerryDatastore *self)
{
  self->capacity_bytes = -1;
  self->free_bytes = -1;
}

FerryDatastore *
ferry_datastore_new (void)
{
  return g_object_new (FERRY_TYPE_DATASTORE, NULL);
}

const char *
ferry_datastore_get_id (FerryDatastore *self)
{
  g_return_val_if_fail (FERRY_IS_DATASTORE (self), NULL);

  return self->id;
}

void
ferry_datastore_set_id (FerryDatastore *self, const char *id)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_datastore_get_name (FerryDatastore *self)
{
  g_return_val_if_fail (FERRY_IS_DATASTORE (self), NULL);

  return self->name;
}

void
ferry_datastore_set_name (FerryDatastore *self, const char *name)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_datastore_get_entity_type (FerryDatastore *self)
{
  g_return_val_if_fail (FERRY_IS_DATASTORE (self), NULL);

  return self->entity_type;
}

void
ferry_datastore_set_entity_type (FerryDatastore *self, const char *entity_type)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  if (g_strcmp0 (self->entity_type, entity_type) == 0)
    return;
  g_free (self->entity_type);
  self->entity_type = g_strdup (entity_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_TYPE]);
}

gint64
ferry_datastore_get_capacity_bytes (FerryDatastore *self)
{
  g_return_val_if_fail (FERRY_IS_DATASTORE (self), -1);

  return self->capacity_bytes;
}

void
ferry_datastore_set_capacity_bytes (FerryDatastore *self, gint64 capacity_bytes)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  if (self->capacity_bytes == capacity_bytes)
    return;
  self->capacity_bytes = capacity_bytes;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY_BYTES]);
}

gint64
ferry_datastore_get_free_bytes (FerryDatastore *self)
{
  g_return_val_if_fail (FERRY_IS_DATASTORE (self), -1);

  return self->free_bytes;
}

void
ferry_datastore_set_free_bytes (FerryDatastore *self, gint64 free_bytes)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  if (self->free_bytes == free_bytes)
    return;
  self->free_bytes = free_bytes;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREE_BYTES]);
}

gboolean
ferry_datastore_get_is_cluster (FerryDatastore *self)
{
  g_return_val_if_fail (FERRY_IS_DATASTORE (self), FALSE);

  return self->is_cluster;
}

void
ferry_datastore_set_is_cluster (FerryDatastore *self, gboolean is_cluster)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  is_cluster = !!is_cluster;
  if (self->is_cluster == is_cluster)
    return;
  self->is_cluster = is_cluster;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CLUSTER]);
}

const char *
ferry_datastore_get_endpoint_id (FerryDatastore *self)
{
  g_return_val_if_fail (FERRY_IS_DATASTORE (self), NULL);

  return self->endpoint_id;
}

void
ferry_datastore_set_endpoint_id (FerryDatastore *self, const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  if (g_strcmp0 (self->endpoint_id, endpoint_id) == 0)
    return;
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
}

void
_ferry_datastore_set_quiet (FerryDatastore *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_DATASTORE (self));

  self->quiet = !!quiet;
}
