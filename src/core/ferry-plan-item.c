/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-item.c: one selected VM of a plan, with its overrides */

#include "config.h"

#include "ferry-plan-item.h"
#include "ferry-plan-private.h"

struct _FerryPlanItem
{
  GObject parent_instance;

  FerryPlan *plan; /* unowned; NULL once detached */
  FerryPlanOptions *defaults;
  FerryVm *vm;

  /* Sparse: allocated on the first override (most VMs of a large plan have none). */
  GValue *overrides;
  guint32 override_mask;
  FerryPreflightFlags problems;
  gboolean datastore_too_small;
};

G_STATIC_ASSERT (FERRY_PLAN_N_FIELDS <= 32);

G_DEFINE_FINAL_TYPE (FerryPlanItem, ferry_plan_item, G_TYPE_OBJECT)

/* 1 … N: effective values; N+1 … 2N: "<field>-overridden"; then these. */
enum
{
  PROP_VM = 2 * FERRY_PLAN_N_FIELDS + 1,
  PROP_N_OVERRIDES,
  PROP_PROBLEMS,
  PROP_HAS_PROBLEMS,
  PROP_HAS_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define VALUE_PROP(field) ((field) + 1)
#define OVERRIDDEN_PROP(field) ((field) + 1 + FERRY_PLAN_N_FIELDS)

static gboolean
is_overridden (FerryPlanItem *self, FerryPlanField field)
{
  return (self->override_mask & (1u << field)) != 0;
}

static void
ferry_plan_item_finalize (GObject *object)
{
  FerryPlanItem *self = FERRY_PLAN_ITEM (object);

  if (self->overrides != NULL)
    {
      for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
        if (G_IS_VALUE (&self->overrides[i]))
          g_value_unset (&self->overrides[i]);
      g_free (self->overrides);
    }
  g_clear_object (&self->defaults);
  g_clear_object (&self->vm);

  G_OBJECT_CLASS (ferry_plan_item_parent_class)->finalize (object);
}

static void
ferry_plan_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryPlanItem *self = FERRY_PLAN_ITEM (object);

  if (prop_id >= 1 && prop_id <= FERRY_PLAN_N_FIELDS)
    {
      g_value_copy (ferry_plan_item_peek_value (self, prop_id - 1), value);
      return;
    }
  if (prop_id > FERRY_PLAN_N_FIELDS && prop_id <= 2 * FERRY_PLAN_N_FIELDS)
    {
      g_value_set_boolean (value, is_overridden (self, prop_id - 1 - FERRY_PLAN_N_FIELDS));
      return;
    }

  switch (prop_id)
    {
      case PROP_VM:
        g_value_set_object (value, self->vm);
        break;
      case PROP_N_OVERRIDES:
        g_value_set_uint (value, ferry_plan_item_get_n_overrides (self));
        break;
      case PROP_PROBLEMS:
        g_value_set_flags (value, self->problems);
        break;
      case PROP_HAS_PROBLEMS:
        g_value_set_boolean (value, self->problems != 0);
        break;
      case PROP_HAS_ERRORS:
        g_value_set_boolean (value, ferry_plan_item_get_has_errors (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_plan_item_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  FerryPlanItem *self = FERRY_PLAN_ITEM (object);

  if (prop_id >= 1 && prop_id <= FERRY_PLAN_N_FIELDS)
    ferry_plan_item_override (self, prop_id - 1, value);
  else if (prop_id > FERRY_PLAN_N_FIELDS && prop_id <= 2 * FERRY_PLAN_N_FIELDS)
    {
      /* TRUE pins the current effective value as an override; FALSE resets. */
      FerryPlanField field = prop_id - 1 - FERRY_PLAN_N_FIELDS;

      if (g_value_get_boolean (value) && !is_overridden (self, field))
        {
          g_auto (GValue) current = G_VALUE_INIT;

          g_value_init (&current, ferry_plan_field_get_value_type (field));
          g_value_copy (ferry_plan_item_peek_value (self, field), &current);
          ferry_plan_item_override (self, field, &current);
        }
      else if (!g_value_get_boolean (value))
        ferry_plan_item_reset (self, field);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ferry_plan_item_class_init (FerryPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_plan_item_finalize;
  object_class->get_property = ferry_plan_item_get_property;
  object_class->set_property = ferry_plan_item_set_property;

  for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
    {
      const char *name = ferry_plan_field_get_name (i);
      g_autofree char *overridden = g_strconcat (name, "-overridden", NULL);

      properties[VALUE_PROP (i)]
          = _ferry_plan_field_param_spec (i, name, G_PARAM_READWRITE | G_PARAM_STATIC_NAME);
      properties[OVERRIDDEN_PROP (i)] = g_param_spec_boolean (
          overridden, NULL, NULL, FALSE,
          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB);
    }
  properties[PROP_VM]
      = g_param_spec_object ("vm", NULL, NULL, FERRY_TYPE_VM,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OVERRIDES]
      = g_param_spec_uint ("n-overrides", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEMS]
      = g_param_spec_flags ("problems", NULL, NULL, FERRY_TYPE_PREFLIGHT_FLAGS, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_PROBLEMS]
      = g_param_spec_boolean ("has-problems", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ERRORS]
      = g_param_spec_boolean ("has-errors", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Property ids start at 1; slot 0 stays NULL. */
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_plan_item_init (FerryPlanItem *self)
{
}

FerryPlanItem *
_ferry_plan_item_new (FerryPlan *plan, FerryVm *vm)
{
  FerryPlanItem *self = g_object_new (FERRY_TYPE_PLAN_ITEM, NULL);

  self->plan = plan;
  self->defaults = g_object_ref (ferry_plan_get_defaults (plan));
  self->vm = g_object_ref (vm);
  return self;
}

void
_ferry_plan_item_detach (FerryPlanItem *self)
{
  self->plan = NULL;
}

void
_ferry_plan_item_set_vm (FerryPlanItem *self, FerryVm *vm)
{
  if (g_set_object (&self->vm, vm))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VM]);
}

FerryVm *
ferry_plan_item_get_vm (FerryPlanItem *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (self), NULL);
  return self->vm;
}

const GValue *
ferry_plan_item_peek_value (FerryPlanItem *self, FerryPlanField field)
{
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (self), NULL);
  g_return_val_if_fail ((int)field >= 0 && field < FERRY_PLAN_N_FIELDS, NULL);

  if (is_overridden (self, field))
    return &self->overrides[field];
  return ferry_plan_options_peek_value (self->defaults, field);
}

gboolean
ferry_plan_item_get_overridden (FerryPlanItem *self, FerryPlanField field)
{
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (self), FALSE);
  g_return_val_if_fail ((int)field >= 0 && field < FERRY_PLAN_N_FIELDS, FALSE);
  return is_overridden (self, field);
}

guint
ferry_plan_item_get_n_overrides (FerryPlanItem *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (self), 0);
  return (guint)__builtin_popcount (self->override_mask);
}

static gboolean
affects_problems (FerryPlanField field)
{
  switch (field)
    {
      case FERRY_PLAN_FIELD_MIGRATION_TYPE:
      case FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS:
      case FERRY_PLAN_FIELD_REMOVE_ISOS:
      case FERRY_PLAN_FIELD_FORCE_POWER_OFF:
      case FERRY_PLAN_FIELD_SEED_CHECKPOINT:
      case FERRY_PLAN_FIELD_DATASTORE:
        return TRUE;
      default:
        return FALSE;
    }
}

gboolean
_ferry_plan_item_override_quiet (FerryPlanItem *self, FerryPlanField field, const GValue *value)
{
  gboolean was_overridden = is_overridden (self, field);
  gboolean value_changed;

  g_return_val_if_fail (G_VALUE_HOLDS (value, ferry_plan_field_get_value_type (field)), FALSE);

  if (self->plan != NULL && _ferry_plan_is_locked (self->plan))
    return FALSE;
  value_changed
      = !ferry_plan_field_values_equal (field, ferry_plan_item_peek_value (self, field), value);
  if (was_overridden && !value_changed)
    return FALSE;

  if (self->overrides == NULL)
    self->overrides = g_new0 (GValue, FERRY_PLAN_N_FIELDS);
  if (G_IS_VALUE (&self->overrides[field]))
    g_value_unset (&self->overrides[field]);
  g_value_init (&self->overrides[field], G_VALUE_TYPE (value));
  g_value_copy (value, &self->overrides[field]);
  self->override_mask |= 1u << field;

  if (value_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[VALUE_PROP (field)]);
  if (!was_overridden)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[OVERRIDDEN_PROP (field)]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERRIDES]);
    }
  if (value_changed && affects_problems (field) && field != FERRY_PLAN_FIELD_DATASTORE)
    _ferry_plan_item_update_problems (self, self->datastore_too_small);
  return TRUE;
}

gboolean
_ferry_plan_item_reset_quiet (FerryPlanItem *self, FerryPlanField field)
{
  gboolean value_changed;

  if (!is_overridden (self, field) || (self->plan != NULL && _ferry_plan_is_locked (self->plan)))
    return FALSE;

  value_changed = !ferry_plan_field_values_equal (
      field, &self->overrides[field], ferry_plan_options_peek_value (self->defaults, field));
  self->override_mask &= ~(1u << field);
  g_value_unset (&self->overrides[field]);

  if (value_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[VALUE_PROP (field)]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[OVERRIDDEN_PROP (field)]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERRIDES]);
  if (value_changed && affects_problems (field) && field != FERRY_PLAN_FIELD_DATASTORE)
    _ferry_plan_item_update_problems (self, self->datastore_too_small);
  return TRUE;
}

void
ferry_plan_item_override (FerryPlanItem *self, FerryPlanField field, const GValue *value)
{
  g_return_if_fail (FERRY_IS_PLAN_ITEM (self));
  g_return_if_fail ((int)field >= 0 && field < FERRY_PLAN_N_FIELDS);

  if (_ferry_plan_item_override_quiet (self, field, value) && self->plan != NULL)
    _ferry_plan_item_changed (self->plan, self, field);
}

void
ferry_plan_item_reset (FerryPlanItem *self, FerryPlanField field)
{
  g_return_if_fail (FERRY_IS_PLAN_ITEM (self));
  g_return_if_fail ((int)field >= 0 && field < FERRY_PLAN_N_FIELDS);

  if (_ferry_plan_item_reset_quiet (self, field) && self->plan != NULL)
    _ferry_plan_item_changed (self->plan, self, field);
}

void
ferry_plan_item_reset_all (FerryPlanItem *self)
{
  g_return_if_fail (FERRY_IS_PLAN_ITEM (self));

  for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
    ferry_plan_item_reset (self, i);
}

void
_ferry_plan_item_default_changed (FerryPlanItem *self, FerryPlanField field)
{
  if (is_overridden (self, field))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[VALUE_PROP (field)]);
}

gboolean
_ferry_plan_item_get_datastore_too_small (FerryPlanItem *self)
{
  return self->datastore_too_small;
}

gboolean
_ferry_plan_item_update_problems (FerryPlanItem *self, gboolean datastore_too_small)
{
  FerryPreflightInput input = { 0 };
  FerryPreflightFlags problems;
  gboolean had_errors = ferry_plan_item_get_has_errors (self);
  gboolean had_problems = self->problems != 0;

  self->datastore_too_small = datastore_too_small;
  if (self->plan != NULL)
    _ferry_plan_fill_preflight_input (self->plan, self, &input);
  else
    {
      input.type = ferry_plan_item_get_migration_type (self);
      input.type_available = TRUE;
      input.remove_snapshots
          = ferry_plan_item_get_boolean (self, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS);
      input.remove_isos = ferry_plan_item_get_boolean (self, FERRY_PLAN_FIELD_REMOVE_ISOS);
      input.force_power_off = ferry_plan_item_get_boolean (self, FERRY_PLAN_FIELD_FORCE_POWER_OFF);
      input.seed_checkpoint = ferry_plan_item_get_boolean (self, FERRY_PLAN_FIELD_SEED_CHECKPOINT);
      input.datastore = ferry_plan_item_get_object (self, FERRY_PLAN_FIELD_DATASTORE);
      input.datastore_too_small = datastore_too_small;
    }
  problems = ferry_preflight_check (self->vm, &input);
  if (problems == self->problems)
    return FALSE;

  self->problems = problems;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
  if (had_problems != (problems != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PROBLEMS]);
  if (had_errors != ferry_plan_item_get_has_errors (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ERRORS]);
  return TRUE;
}

FerryPreflightFlags
ferry_plan_item_get_problems (FerryPlanItem *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (self), 0);
  return self->problems;
}

gboolean
ferry_plan_item_get_has_errors (FerryPlanItem *self)
{
  FerryMigrationType type;

  g_return_val_if_fail (FERRY_IS_PLAN_ITEM (self), FALSE);

  type = ferry_plan_item_get_migration_type (self);
  for (guint i = 0; i < FERRY_PREFLIGHT_N_RULES; i++)
    if ((self->problems & (1u << i)) != 0 && ferry_preflight_is_error (1u << i, type))
      return TRUE;
  return FALSE;
}

/* ---- Typed helpers ---- */

gboolean
ferry_plan_item_get_boolean (FerryPlanItem *self, FerryPlanField field)
{
  const GValue *v = ferry_plan_item_peek_value (self, field);

  g_return_val_if_fail (v != NULL && G_VALUE_HOLDS_BOOLEAN (v), FALSE);
  return g_value_get_boolean (v);
}

void
ferry_plan_item_override_boolean (FerryPlanItem *self, FerryPlanField field, gboolean value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  ferry_plan_item_override (self, field, &v);
}

FerryMigrationType
ferry_plan_item_get_migration_type (FerryPlanItem *self)
{
  const GValue *v = ferry_plan_item_peek_value (self, FERRY_PLAN_FIELD_MIGRATION_TYPE);

  g_return_val_if_fail (v != NULL, FERRY_MIGRATION_TYPE_BULK);
  return g_value_get_enum (v);
}

void
ferry_plan_item_override_migration_type (FerryPlanItem *self, FerryMigrationType type)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, FERRY_TYPE_MIGRATION_TYPE);
  g_value_set_enum (&v, type);
  ferry_plan_item_override (self, FERRY_PLAN_FIELD_MIGRATION_TYPE, &v);
}

gpointer
ferry_plan_item_get_object (FerryPlanItem *self, FerryPlanField field)
{
  const GValue *v = ferry_plan_item_peek_value (self, field);

  g_return_val_if_fail (v != NULL && G_VALUE_HOLDS_OBJECT (v), NULL);
  return g_value_get_object (v);
}

void
ferry_plan_item_override_object (FerryPlanItem *self, FerryPlanField field, gpointer object)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, ferry_plan_field_get_value_type (field));
  g_value_set_object (&v, object);
  ferry_plan_item_override (self, field, &v);
}

gint64
ferry_plan_item_get_int64 (FerryPlanItem *self, FerryPlanField field)
{
  const GValue *v = ferry_plan_item_peek_value (self, field);

  g_return_val_if_fail (v != NULL && G_VALUE_HOLDS_INT64 (v), 0);
  return g_value_get_int64 (v);
}

void
ferry_plan_item_override_int64 (FerryPlanItem *self, FerryPlanField field, gint64 value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  ferry_plan_item_override (self, field, &v);
}

FerryDiskProvision
ferry_plan_item_get_disk_provision (FerryPlanItem *self)
{
  const GValue *v = ferry_plan_item_peek_value (self, FERRY_PLAN_FIELD_DISK_PROVISION);

  g_return_val_if_fail (v != NULL, FERRY_DISK_PROVISION_SAME_AS_SOURCE);
  return g_value_get_enum (v);
}
