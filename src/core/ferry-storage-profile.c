/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-storage-profile.c: a vSphere storage policy */

#include "ferry-storage-profile.h"

struct _FerryStorageProfile
{
  GObject parent_instance;

  char *id;
  char *name;
  char *profile_type;
  char *entity_type;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryStorageProfile, ferry_storage_profile, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROFILE_TYPE,
  PROP_ENTITY_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_storage_profile_finalize (GObject *object)
{
  FerryStorageProfile *self = (FerryStorageProfile *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->profile_type, g_free);
  g_clear_pointer (&self->entity_type, g_free);

  G_OBJECT_CLASS (ferry_storage_profile_parent_class)->finalize (object);
}

static void
ferry_storage_profile_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  FerryStorageProfile *self = (FerryStorageProfile *)object;

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_PROFILE_TYPE:
        g_value_set_string (value, self->profile_type);
        break;

      case PROP_ENTITY_TYPE:
        g_value_set_string (value, self->entity_type);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_storage_profile_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  FerryStorageProfile *self = (FerryStorageProfile *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_storage_profile_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_storage_profile_set_name (self, g_value_get_string (value));
        break;

      case PROP_PROFILE_TYPE:
        ferry_storage_profile_set_profile_type (self, g_value_get_string (value));
        break;

      case PROP_ENTITY_TYPE:
        ferry_storage_profile_set_entity_type (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_storage_profile_class_init (FerryStorageProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_storage_profile_finalize;
  object_class->get_property = ferry_storage_profile_get_property;
  object_class->set_property = ferry_storage_profile_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE_TYPE]
      = g_param_spec_string ("profile-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_TYPE]
      = g_param_spec_string ("entity-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_storage_profile_init (FerryStorageProfile *self)
{
}

FerryStorageProfile *
ferry_storage_profile_new (void)
{
  return g_object_new (FERRY_TYPE_STORAGE_PROFILE, NULL);
}

const char *
ferry_storage_profile_get_id (FerryStorageProfile *self)
{
  g_return_val_if_fail (FERRY_IS_STORAGE_PROFILE (self), NULL);

  return self->id;
}

void
ferry_storage_profile_set_id (FerryStorageProfile *self, const char *id)
{
  g_return_if_fail (FERRY_IS_STORAGE_PROFILE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_storage_profile_get_name (FerryStorageProfile *self)
{
  g_return_val_if_fail (FERRY_IS_STORAGE_PROFILE (self), NULL);

  return self->name;
}

void
ferry_storage_profile_set_name (FerryStorageProfile *self, const char *name)
{
  g_return_if_fail (FERRY_IS_STORAGE_PROFILE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_storage_profile_get_profile_type (FerryStorageProfile *self)
{
  g_return_val_if_fail (FERRY_IS_STORAGE_PROFILE (self), NULL);

  return self->profile_type;
}

void
ferry_storage_profile_set_profile_type (FerryStorageProfile *self, const char *profile_type)
{
  g_return_if_fail (FERRY_IS_STORAGE_PROFILE (self));

  if (g_strcmp0 (self->profile_type, profile_type) == 0)
    return;
  g_free (self->profile_type);
  self->profile_type = g_strdup (profile_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_TYPE]);
}

const char *
ferry_storage_profile_get_entity_type (FerryStorageProfile *self)
{
  g_return_val_if_fail (FERRY_IS_STORAGE_PROFILE (self), NULL);

  return self->entity_type;
}

void
ferry_storage_profile_set_entity_type (FerryStorageProfile *self, const char *entity_type)
{
  g_return_if_fail (FERRY_IS_STORAGE_PROFILE (self));

  if (g_strcmp0 (self->entity_type, entity_type) == 0)
    return;
  g_free (self->entity_type);
  self->entity_type = g_strdup (entity_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_TYPE]);
}

void
_ferry_storage_profile_set_quiet (FerryStorageProfile *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_STORAGE_PROFILE (self));

  self->quiet = !!quiet;
}
