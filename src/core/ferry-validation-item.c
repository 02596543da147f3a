/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-validation-item.c: the validation (or start) outcome for one VM */

#include "ferry-validation-item.h"

#include "ferry-model-types.h"

struct _FerryValidationItem
{
  GObject parent_instance;

  char *entity_id;
  char *entity_name;
  char *migration_id;
  char *migration_group_id;
  char **errors;
  char **error_codes;
  char **warnings;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryValidationItem, ferry_validation_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENTITY_ID,
  PROP_ENTITY_NAME,
  PROP_MIGRATION_ID,
  PROP_MIGRATION_GROUP_ID,
  PROP_ERRORS,
  PROP_ERROR_CODES,
  PROP_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_validation_item_finalize (GObject *object)
{
  FerryValidationItem *self = (FerryValidationItem *)object;

  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->entity_name, g_free);
  g_clear_pointer (&self->migration_id, g_free);
  g_clear_pointer (&self->migration_group_id, g_free);
  g_clear_pointer (&self->errors, g_strfreev);
  g_clear_pointer (&self->error_codes, g_strfreev);
  g_clear_pointer (&self->warnings, g_strfreev);

  G_OBJECT_CLASS (ferry_validation_item_parent_class)->finalize (object);
}

static void
ferry_validation_item_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  FerryValidationItem *self = (FerryValidationItem *)object;

  switch (prop_id)
    {
      case PROP_ENTITY_ID:
        g_value_set_string (value, self->entity_id);
        break;

      case PROP_ENTITY_NAME:
        g_value_set_string (value, self->entity_name);
        break;

      case PROP_MIGRATION_ID:
        g_value_set_string (value, self->migration_id);
        break;

      case PROP_MIGRATION_GROUP_ID:
        g_value_set_string (value, self->migration_group_id);
        break;

      case PROP_ERRORS:
        g_value_set_boxed (value, self->errors);
        break;

      case PROP_ERROR_CODES:
        g_value_set_boxed (value, self->error_codes);
        break;

      case PROP_WARNINGS:
        g_value_set_boxed (value, self->warnings);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_validation_item_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  FerryValidationItem *self = (FerryValidationItem *)object;

  switch (prop_id)
    {
      case PROP_ENTITY_ID:
        ferry_validation_item_set_entity_id (self, g_value_get_string (value));
        break;

      case PROP_ENTITY_NAME:
        ferry_validation_item_set_entity_name (self, g_value_get_string (value));
        break;

      case PROP_MIGRATION_ID:
        ferry_validation_item_set_migration_id (self, g_value_get_string (value));
        break;

      case PROP_MIGRATION_GROUP_ID:
        ferry_validation_item_set_migration_group_id (self, g_value_get_string (value));
        break;

      case PROP_ERRORS:
        ferry_validation_item_set_errors (self, g_value_get_boxed (value));
        break;

      case PROP_ERROR_CODES:
        ferry_validation_item_set_error_codes (self, g_value_get_boxed (value));
        break;

      case PROP_WARNINGS:
        ferry_validation_item_set_warnings (self, g_value_get_boxed (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_validation_item_class_init (FerryValidationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_validation_item_finalize;
  object_class->get_property = ferry_validation_item_get_property;
  object_class->set_property = ferry_validation_item_set_property;

  properties[PROP_ENTITY_ID]
      = g_param_spec_string ("entity-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_NAME]
      = g_param_spec_string ("entity-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIGRATION_ID]
      = g_param_spec_string ("migration-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIGRATION_GROUP_ID]
      = g_param_spec_string ("migration-group-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERRORS]
      = g_param_spec_boxed ("errors", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_CODES]
      = g_param_spec_boxed ("error-codes", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNINGS]
      = g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_validation_item_init (FerryValidationItem *self)
{
}

FerryValidationItem *
ferry_validation_item_new (void)
{
  return g_object_new (FERRY_TYPE_VALIDATION_ITEM, NULL);
}

const char *
ferry_validation_item_get_entity_id (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), NULL);

  return self->entity_id;
}

void
ferry_validation_item_set_entity_id (FerryValidationItem *self, const char *entity_id)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  if (g_strcmp0 (self->entity_id, entity_id) == 0)
    return;
  g_free (self->entity_id);
  self->entity_id = g_strdup (entity_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_ID]);
}

const char *
ferry_validation_item_get_entity_name (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), NULL);

  return self->entity_name;
}

void
ferry_validation_item_set_entity_name (FerryValidationItem *self, const char *entity_name)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  if (g_strcmp0 (self->entity_name, entity_name) == 0)
    return;
  g_free (self->entity_name);
  self->entity_name = g_strdup (entity_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_NAME]);
}

const char *
ferry_validation_item_get_migration_id (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), NULL);

  return self->migration_id;
}

void
ferry_validation_item_set_migration_id (FerryValidationItem *self, const char *migration_id)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  if (g_strcmp0 (self->migration_id, migration_id) == 0)
    return;
  g_free (self->migration_id);
  self->migration_id = g_strdup (migration_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_ID]);
}

const char *
ferry_validation_item_get_migration_group_id (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), NULL);

  return self->migration_group_id;
}

void
ferry_validation_item_set_migration_group_id (FerryValidationItem *self,
                                              const char *migration_group_id)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  if (g_strcmp0 (self->migration_group_id, migration_group_id) == 0)
    return;
  g_free (self->migration_group_id);
  self->migration_group_id = g_strdup (migration_group_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_GROUP_ID]);
}

const char *const *
ferry_validation_item_get_errors (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), NULL);

  return (const char *const *)self->errors;
}

void
ferry_validation_item_set_errors (FerryValidationItem *self, const char *const *errors)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  if (!ferry_set_strv (&self->errors, errors))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERRORS]);
}

const char *const *
ferry_validation_item_get_error_codes (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), NULL);

  return (const char *const *)self->error_codes;
}

void
ferry_validation_item_set_error_codes (FerryValidationItem *self, const char *const *error_codes)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  if (!ferry_set_strv (&self->error_codes, error_codes))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_CODES]);
}

const char *const *
ferry_validation_item_get_warnings (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), NULL);

  return (const char *const *)self->warnings;
}

void
ferry_validation_item_set_warnings (FerryValidationItem *self, const char *const *warnings)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  if (!ferry_set_strv (&self->warnings, warnings))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNINGS]);
}

void
_ferry_validation_item_set_quiet (FerryValidationItem *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (self));

  self->quiet = !!quiet;
}

gboolean
ferry_validation_item_has_errors (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), FALSE);

  return self->errors != NULL && self->errors[0] != NULL;
}

gboolean
ferry_validation_item_has_warnings (FerryValidationItem *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_ITEM (self), FALSE);

  return self->warnings != NULL && self->warnings[0] != NULL;
}
