/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-validation-result.c: the answer to validate or start: general and per-VM errors/warnings */

#include "ferry-validation-result.h"

#include "ferry-model-types.h"

struct _FerryValidationResult
{
  GObject parent_instance;

  char **errors;
  char **error_codes;
  char **warnings;
  char *migration_group_id;
  gboolean reconciled;
  char *job_id;
  GListStore *items;
  GListStore *migrations;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryValidationResult, ferry_validation_result, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ERRORS,
  PROP_ERROR_CODES,
  PROP_WARNINGS,
  PROP_MIGRATION_GROUP_ID,
  PROP_RECONCILED,
  PROP_JOB_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_validation_result_finalize (GObject *object)
{
  FerryValidationResult *self = (FerryValidationResult *)object;

  g_clear_pointer (&self->errors, g_strfreev);
  g_clear_pointer (&self->error_codes, g_strfreev);
  g_clear_pointer (&self->warnings, g_strfreev);
  g_clear_pointer (&self->migration_group_id, g_free);
  g_clear_pointer (&self->job_id, g_free);
  g_clear_object (&self->items);
  g_clear_object (&self->migrations);

  G_OBJECT_CLASS (ferry_validation_result_parent_class)->finalize (object);
}

static void
ferry_validation_result_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  FerryValidationResult *self = (FerryValidationResult *)object;

  switch (prop_id)
    {
      case PROP_ERRORS:
        g_value_set_boxed (value, self->errors);
        break;

      case PROP_ERROR_CODES:
        g_value_set_boxed (value, self->error_codes);
        break;

      case PROP_WARNINGS:
        g_value_set_boxed (value, self->warnings);
        break;

      case PROP_MIGRATION_GROUP_ID:
        g_value_set_string (value, self->migration_group_id);
        break;

      case PROP_RECONCILED:
        g_value_set_boolean (value, self->reconciled);
        break;

      case PROP_JOB_ID:
        g_value_set_string (value, self->job_id);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_validation_result_set_property (GObject *object, guint prop_id, const GValue *value,
                                      GParamSpec *pspec)
{
  FerryValidationResult *self = (FerryValidationResult *)object;

  switch (prop_id)
    {
      case PROP_ERRORS:
        ferry_validation_result_set_errors (self, g_value_get_boxed (value));
        break;

      case PROP_ERROR_CODES:
        ferry_validation_result_set_error_codes (self, g_value_get_boxed (value));
        break;

      case PROP_WARNINGS:
        ferry_validation_result_set_warnings (self, g_value_get_boxed (value));
        break;

      case PROP_MIGRATION_GROUP_ID:
        ferry_validation_result_set_migration_group_id (self, g_value_get_string (value));
        break;

      case PROP_RECONCILED:
        ferry_validation_result_set_reconciled (self, g_value_get_boolean (value));
        break;

      case PROP_JOB_ID:
        ferry_validation_result_set_job_id (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_validation_result_class_init (FerryValidationResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_validation_result_finalize;
  object_class->get_property = ferry_validation_result_get_property;
  object_class->set_property = ferry_validation_result_set_property;

  properties[PROP_ERRORS]
      = g_param_spec_boxed ("errors", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_CODES]
      = g_param_spec_boxed ("error-codes", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNINGS]
      = g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIGRATION_GROUP_ID]
      = g_param_spec_string ("migration-group-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECONCILED]
      = g_param_spec_boolean ("reconciled", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOB_ID]
      = g_param_spec_string ("job-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_validation_result_init (FerryValidationResult *self)
{
  self->items = g_list_store_new (FERRY_TYPE_VALIDATION_ITEM);
  self->migrations = g_list_store_new (FERRY_TYPE_MIGRATION);
}

FerryValidationResult *
ferry_validation_result_new (void)
{
  return g_object_new (FERRY_TYPE_VALIDATION_RESULT, NULL);
}

const char *const *
ferry_validation_result_get_errors (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  return (const char *const *)self->errors;
}

void
ferry_validation_result_set_errors (FerryValidationResult *self, const char *const *errors)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));

  if (!ferry_set_strv (&self->errors, errors))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERRORS]);
}

const char *const *
ferry_validation_result_get_error_codes (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  return (const char *const *)self->error_codes;
}

void
ferry_validation_result_set_error_codes (FerryValidationResult *self,
                                         const char *const *error_codes)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));

  if (!ferry_set_strv (&self->error_codes, error_codes))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_CODES]);
}

const char *const *
ferry_validation_result_get_warnings (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  return (const char *const *)self->warnings;
}

void
ferry_validation_result_set_warnings (FerryValidationResult *self, const char *const *warnings)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));

  if (!ferry_set_strv (&self->warnings, warnings))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNINGS]);
}

const char *
ferry_validation_result_get_migration_group_id (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  return self->migration_group_id;
}

void
ferry_validation_result_set_migration_group_id (FerryValidationResult *self,
                                                const char *migration_group_id)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));

  if (g_strcmp0 (self->migration_group_id, migration_group_id) == 0)
    return;
  g_free (self->migration_group_id);
  self->migration_group_id = g_strdup (migration_group_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_GROUP_ID]);
}

gboolean
ferry_validation_result_get_reconciled (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), FALSE);

  return self->reconciled;
}

void
ferry_validation_result_set_reconciled (FerryValidationResult *self, gboolean reconciled)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));

  reconciled = !!reconciled;
  if (self->reconciled == reconciled)
    return;
  self->reconciled = reconciled;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECONCILED]);
}

const char *
ferry_validation_result_get_job_id (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  return self->job_id;
}

void
ferry_validation_result_set_job_id (FerryValidationResult *self, const char *job_id)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));

  if (g_strcmp0 (self->job_id, job_id) == 0)
    return;
  g_free (self->job_id);
  self->job_id = g_strdup (job_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_ID]);
}

void
_ferry_validation_result_set_quiet (FerryValidationResult *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));

  self->quiet = !!quiet;
}

GListModel *
ferry_validation_result_get_items (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  return G_LIST_MODEL (self->items);
}

void
ferry_validation_result_add_item (FerryValidationResult *self, FerryValidationItem *item)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));
  g_return_if_fail (FERRY_IS_VALIDATION_ITEM (item));

  g_list_store_append (self->items, item);
}

FerryValidationItem *
ferry_validation_result_find_item (FerryValidationResult *self, const char *entity_id)
{
  guint n;

  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryValidationItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (ferry_validation_item_get_entity_id (item), entity_id) == 0)
        return item; /* the store keeps it alive */
    }
  return NULL;
}

GListModel *
ferry_validation_result_get_migrations (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), NULL);

  return G_LIST_MODEL (self->migrations);
}

void
ferry_validation_result_add_migration (FerryValidationResult *self, FerryMigration *migration)
{
  g_return_if_fail (FERRY_IS_VALIDATION_RESULT (self));
  g_return_if_fail (FERRY_IS_MIGRATION (migration));

  g_list_store_append (self->migrations, migration);
}

static guint
strv_len0 (const char *const *v)
{
  return v != NULL ? g_strv_length ((char **)v) : 0;
}

/* The general messages plus those of every item, as item_messages returns them. */
static guint
count_messages (FerryValidationResult *self, char **general,
                const char *const *(*item_messages) (FerryValidationItem *item))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint count = strv_len0 ((const char *const *)general);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryValidationItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      count += strv_len0 (item_messages (item));
    }
  return count;
}

guint
ferry_validation_result_count_errors (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), 0);

  return count_messages (self, self->errors, ferry_validation_item_get_errors);
}

guint
ferry_validation_result_count_warnings (FerryValidationResult *self)
{
  g_return_val_if_fail (FERRY_IS_VALIDATION_RESULT (self), 0);

  return count_messages (self, self->warnings, ferry_validation_item_get_warnings);
}

gboolean
ferry_validation_result_has_errors (FerryValidationResult *self)
{
  return ferry_validation_result_count_errors (self) > 0;
}

gboolean
ferry_validation_result_has_warnings (FerryValidationResult *self)
{
  return ferry_validation_result_count_warnings (self) > 0;
}
