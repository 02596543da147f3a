/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-container.c: a placement container: cluster, resource pool, folder, datacenter */

#include "ferry-container.h"

struct _FerryContainer
{
  GObject parent_instance;

  char *id;
  char *name;
  char *entity_type;
  char *parent_id;
  char *parent_type;
  char *endpoint_id;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryContainer, ferry_container, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ENTITY_TYPE,
  PROP_PARENT_ID,
  PROP_PARENT_TYPE,
  PROP_ENDPOINT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_container_finalize (GObject *object)
{
  FerryContainer *self = (FerryContainer *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->entity_type, g_free);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->parent_type, g_free);
  g_clear_pointer (&self->endpoint_id, g_free);

  G_OBJECT_CLASS (ferry_container_parent_class)->finalize (object);
}

static void
ferry_container_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryContainer *self = (FerryContainer *)object;

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

      case PROP_PARENT_ID:
        g_value_set_string (value, self->parent_id);
        break;

      case PROP_PARENT_TYPE:
        g_value_set_string (value, self->parent_type);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_container_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  FerryContainer *self = (FerryContainer *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_container_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_container_set_name (self, g_value_get_string (value));
        break;

      case PROP_ENTITY_TYPE:
        ferry_container_set_entity_type (self, g_value_get_string (value));
        break;

      case PROP_PARENT_ID:
        ferry_container_set_parent_id (self, g_value_get_string (value));
        break;

      case PROP_PARENT_TYPE:
        ferry_container_set_parent_type (self, g_value_get_string (value));
        break;

      case PROP_ENDPOINT_ID:
        ferry_container_set_endpoint_id (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_container_class_init (FerryContainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_container_finalize;
  object_class->get_property = ferry_container_get_property;
  object_class->set_property = ferry_container_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_TYPE]
      = g_param_spec_string ("entity-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_ID]
      = g_param_spec_string ("parent-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_TYPE]
      = g_param_spec_string ("parent-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_ID]
      = g_param_spec_string ("endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_container_init (FerryContainer *self)
{
}

FerryContainer *
ferry_container_new (void)
{
  return g_object_new (FERRY_TYPE_CONTAINER, NULL);
}

const char *
ferry_container_get_id (FerryContainer *self)
{
  g_return_val_if_fail (FERRY_IS_CONTAINER (self), NULL);

  return self->id;
}

void
ferry_container_set_id (FerryContainer *self, const char *id)
{
  g_return_if_fail (FERRY_IS_CONTAINER (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_container_get_name (FerryContainer *self)
{
  g_return_val_if_fail (FERRY_IS_CONTAINER (self), NULL);

  return self->name;
}

void
ferry_container_set_name (FerryContainer *self, const char *name)
{
  g_return_if_fail (FERRY_IS_CONTAINER (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_container_get_entity_type (FerryContainer *self)
{
  g_return_val_if_fail (FERRY_IS_CONTAINER (self), NULL);

  return self->entity_type;
}

void
ferry_container_set_entity_type (FerryContainer *self, const char *entity_type)
{
  g_return_if_fail (FERRY_IS_CONTAINER (self));

  if (g_strcmp0 (self->entity_type, entity_type) == 0)
    return;
  g_free (self->entity_type);
  self->entity_type = g_strdup (entity_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_TYPE]);
}

const char *
ferry_container_get_parent_id (FerryContainer *self)
{
  g_return_val_if_fail (FERRY_IS_CONTAINER (self), NULL);

  return self->parent_id;
}

void
ferry_container_set_parent_id (FerryContainer *self, const char *parent_id)
{
  g_return_if_fail (FERRY_IS_CONTAINER (self));

  if (g_strcmp0 (self->parent_id, parent_id) == 0)
    return;
  g_free (self->parent_id);
  self->parent_id = g_strdup (parent_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

const char *
ferry_container_get_parent_type (FerryContainer *self)
{
  g_return_val_if_fail (FERRY_IS_CONTAINER (self), NULL);

  return self->parent_type;
}

void
ferry_container_set_parent_type (FerryContainer *self, const char *parent_type)
{
  g_return_if_fail (FERRY_IS_CONTAINER (self));

  if (g_strcmp0 (self->parent_type, parent_type) == 0)
    return;
  g_free (self->parent_type);
  self->parent_type = g_strdup (parent_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_TYPE]);
}

const char *
ferry_container_get_endpoint_id (FerryContainer *self)
{
  g_return_val_if_fail (FERRY_IS_CONTAINER (self), NULL);

  return self->endpoint_id;
}

void
ferry_container_set_endpoint_id (FerryContainer *self, const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_CONTAINER (self));

  if (g_strcmp0 (self->endpoint_id, endpoint_id) == 0)
    return;
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
}

void
_ferry_container_set_quiet (FerryContainer *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_CONTAINER (self));

  self->quiet = !!quiet;
}
