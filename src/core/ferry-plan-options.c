/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-options.c: the plan's fields and its defaults object */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-plan-options.h"
#include "ferry-plan-private.h"

/* ---- Disk provisioning ---- */

GType
ferry_disk_provision_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[]
          = { { FERRY_DISK_PROVISION_SAME_AS_SOURCE, "FERRY_DISK_PROVISION_SAME_AS_SOURCE",
                "same-as-source" },
              { FERRY_DISK_PROVISION_THIN, "FERRY_DISK_PROVISION_THIN", "thin" },
              { FERRY_DISK_PROVISION_THICK, "FERRY_DISK_PROVISION_THICK", "thick" },
              { 0, NULL, NULL } };
      GType id = g_enum_register_static (g_intern_static_string ("FerryDiskProvision"), values);

      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

const char *
ferry_disk_provision_to_wire (FerryDiskProvision provision)
{
  switch (provision)
    {
      case FERRY_DISK_PROVISION_THIN:
        return "thin";
      case FERRY_DISK_PROVISION_THICK:
        return "thick";
      case FERRY_DISK_PROVISION_SAME_AS_SOURCE:
      default:
        return "sameAsSource";
    }
}

gboolean
ferry_disk_provision_from_wire (const char *wire, FerryDiskProvision *out_provision)
{
  FerryDiskProvision p;

  if (g_strcmp0 (wire, "thin") == 0)
    p = FERRY_DISK_PROVISION_THIN;
  else if (g_strcmp0 (wire, "thick") == 0)
    p = FERRY_DISK_PROVISION_THICK;
  else if (g_strcmp0 (wire, "sameAsSource") == 0)
    p = FERRY_DISK_PROVISION_SAME_AS_SOURCE;
  else
    return FALSE;
  if (out_provision != NULL)
    *out_provision = p;
  return TRUE;
}

const char *
ferry_disk_provision_get_title (FerryDiskProvision provision)
{
  switch (provision)
    {
      case FERRY_DISK_PROVISION_THIN:
        return _ ("Thin");
      case FERRY_DISK_PROVISION_THICK:
        return _ ("Thick");
      case FERRY_DISK_PROVISION_SAME_AS_SOURCE:
      default:
        return _ ("Same as Source");
    }
}

/* ---- Fields ---- */

typedef enum
{
  KIND_BOOLEAN,
  KIND_INT64,
  KIND_MIGRATION_TYPE,
  KIND_DISK_PROVISION,
  KIND_CONTAINER,
  KIND_DATASTORE,
  KIND_STORAGE_PROFILE,
} FieldKind;

typedef struct
{
  const char *name;
  const char *title;
  FieldKind kind;
  gboolean default_boolean;
} FieldInfo;

/* Defaults: retain MAC, vSphere tags and custom attributes on (HCX's own defaults); nothing
 * that deletes data (snapshots, ISOs, CBT) or powers a VM off happens unless asked for. */
static const FieldInfo fields[FERRY_PLAN_N_FIELDS] = {
  [FERRY_PLAN_FIELD_MIGRATION_TYPE]
  = { "migration-type", N_ ("Migration Type"), KIND_MIGRATION_TYPE, FALSE },
  [FERRY_PLAN_FIELD_CLUSTER] = { "cluster", N_ ("Compute Container"), KIND_CONTAINER, FALSE },
  [FERRY_PLAN_FIELD_RESOURCE_POOL]
  = { "resource-pool", N_ ("Resource Pool"), KIND_CONTAINER, FALSE },
  [FERRY_PLAN_FIELD_HOST] = { "host", N_ ("Host"), KIND_CONTAINER, FALSE },
  [FERRY_PLAN_FIELD_FOLDER] = { "folder", N_ ("Folder"), KIND_CONTAINER, FALSE },
  [FERRY_PLAN_FIELD_DATASTORE] = { "datastore", N_ ("Datastore"), KIND_DATASTORE, FALSE },
  [FERRY_PLAN_FIELD_STORAGE_POLICY]
  = { "storage-policy", N_ ("Storage Policy"), KIND_STORAGE_PROFILE, FALSE },
  [FERRY_PLAN_FIELD_DISK_PROVISION]
  = { "disk-provision", N_ ("Disk Provisioning"), KIND_DISK_PROVISION, FALSE },
  [FERRY_PLAN_FIELD_SWITCHOVER_START]
  = { "switchover-start", N_ ("Switchover Window Start"), KIND_INT64, FALSE },
  [FERRY_PLAN_FIELD_SWITCHOVER_END]
  = { "switchover-end", N_ ("Switchover Window End"), KIND_INT64, FALSE },
  [FERRY_PLAN_FIELD_RETAIN_MAC] = { "retain-mac", N_ ("Retain MAC"), KIND_BOOLEAN, TRUE },
  [FERRY_PLAN_FIELD_FORCE_POWER_OFF]
  = { "force-power-off", N_ ("Force Power-off"), KIND_BOOLEAN, FALSE },
  [FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS]
  = { "remove-snapshots", N_ ("Remove Snapshots"), KIND_BOOLEAN, FALSE },
  [FERRY_PLAN_FIELD_REMOVE_ISOS]
  = { "remove-isos", N_ ("Force Unmount ISO Images"), KIND_BOOLEAN, FALSE },
  [FERRY_PLAN_FIELD_SEED_CHECKPOINT]
  = { "seed-checkpoint", N_ ("Enable Seed Checkpoint"), KIND_BOOLEAN, FALSE },
  [FERRY_PLAN_FIELD_UPGRADE_TOOLS]
  = { "upgrade-tools", N_ ("Upgrade VMware Tools"), KIND_BOOLEAN, FALSE },
  [FERRY_PLAN_FIELD_UPGRADE_HARDWARE]
  = { "upgrade-hardware", N_ ("Upgrade Virtual Hardware"), KIND_BOOLEAN, FALSE },
  [FERRY_PLAN_FIELD_MIGRATE_CUSTOM_ATTRIBUTES]
  = { "migrate-custom-attributes", N_ ("Migrate Custom Attributes"), KIND_BOOLEAN, TRUE },
  [FERRY_PLAN_FIELD_MIGRATE_TAGS]
  = { "migrate-tags", N_ ("Migrate vSphere Tags"), KIND_BOOLEAN, TRUE },
  [FERRY_PLAN_FIELD_REPLICATE_SECURITY_TAGS]
  = { "replicate-security-tags", N_ ("Replicate NSX Security Tags"), KIND_BOOLEAN, FALSE },
  [FERRY_PLAN_FIELD_REMOVE_CBT]
  = { "remove-cbt", N_ ("Remove Changed Block Tracking"), KIND_BOOLEAN, FALSE },
};

static gboolean
field_valid (FerryPlanField field)
{
  return (int)field >= 0 && field < FERRY_PLAN_N_FIELDS;
}

const char *
ferry_plan_field_get_name (FerryPlanField field)
{
  g_return_val_if_fail (field_valid (field), NULL);
  return fields[field].name;
}

const char *
ferry_plan_field_get_title (FerryPlanField field)
{
  g_return_val_if_fail (field_valid (field), NULL);
  return _ (fields[field].title);
}

FerryPlanField
ferry_plan_field_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < FERRY_PLAN_N_FIELDS; i++)
    if (g_str_equal (fields[i].name, name))
      return (FerryPlanField)i;
  return FERRY_PLAN_FIELD_NONE;
}

GType
ferry_plan_field_get_value_type (FerryPlanField field)
{
  g_return_val_if_fail (field_valid (field), G_TYPE_INVALID);

  switch (fields[field].kind)
    {
      case KIND_BOOLEAN:
        return G_TYPE_BOOLEAN;
      case KIND_INT64:
        return G_TYPE_INT64;
      case KIND_MIGRATION_TYPE:
        return FERRY_TYPE_MIGRATION_TYPE;
      case KIND_DISK_PROVISION:
        return FERRY_TYPE_DISK_PROVISION;
      case KIND_CONTAINER:
        return FERRY_TYPE_CONTAINER;
      case KIND_DATASTORE:
        return FERRY_TYPE_DATASTORE;
      case KIND_STORAGE_PROFILE:
        return FERRY_TYPE_STORAGE_PROFILE;
      default:
        g_assert_not_reached ();
    }
}

gboolean
ferry_plan_field_applies_to (FerryPlanField field, FerryMigrationType type, const char **out_reason)
{
  const char *reason = NULL;

  switch (field)
    {
      case FERRY_PLAN_FIELD_SWITCHOVER_START:
      case FERRY_PLAN_FIELD_SWITCHOVER_END:
        if (!ferry_migration_type_supports_schedule (type))
          reason = _ ("This migration type switches over as soon as the VM is moved: it has no "
                      "switchover window.");
        break;
      case FERRY_PLAN_FIELD_SEED_CHECKPOINT:
        if (type != FERRY_MIGRATION_TYPE_BULK && type != FERRY_MIGRATION_TYPE_RAV)
          reason = _ ("Seed checkpoints exist only for Bulk Migration and Replication Assisted "
                      "vMotion.");
        break;
      case FERRY_PLAN_FIELD_FORCE_POWER_OFF:
        if (type == FERRY_MIGRATION_TYPE_VMOTION || type == FERRY_MIGRATION_TYPE_COLD)
          reason = _ ("The VM is not powered off during this migration type's switchover.");
        break;
      case FERRY_PLAN_FIELD_REMOVE_CBT:
        if (type != FERRY_MIGRATION_TYPE_BULK && type != FERRY_MIGRATION_TYPE_RAV)
          reason = _ ("Changed Block Tracking is only used by replication-based types (Bulk "
                      "Migration and Replication Assisted vMotion).");
        break;
      default:
        break;
    }

  if (out_reason != NULL)
    *out_reason = reason;
  return reason == NULL;
}

void
ferry_plan_field_init_default (FerryPlanField field, GValue *value)
{
  g_return_if_fail (field_valid (field));

  g_value_init (value, ferry_plan_field_get_value_type (field));
  switch (fields[field].kind)
    {
      case KIND_BOOLEAN:
        g_value_set_boolean (value, fields[field].default_boolean);
        break;
      case KIND_MIGRATION_TYPE:
        g_value_set_enum (value, FERRY_MIGRATION_TYPE_BULK);
        break;
      case KIND_DISK_PROVISION:
        g_value_set_enum (value, FERRY_DISK_PROVISION_SAME_AS_SOURCE);
        break;
      default:
        break; /* 0 and NULL */
    }
}

static const char *
object_id (gpointer object)
{
  if (object == NULL)
    return NULL;
  /* Placement chosen by name (a plan made offline) has no id until the destination is known:
   * its name identifies it. */
  if (FERRY_IS_CONTAINER (object))
    return ferry_container_get_id (object) != NULL ? ferry_container_get_id (object)
                                                   : ferry_container_get_name (object);
  if (FERRY_IS_DATASTORE (object))
    return ferry_datastore_get_id (object) != NULL ? ferry_datastore_get_id (object)
                                                   : ferry_datastore_get_name (object);
  if (FERRY_IS_STORAGE_PROFILE (object))
    {
      /* Storage policies may come without an id: their name identifies them. */
      const char *id = ferry_storage_profile_get_id (object);
      return id != NULL ? id : ferry_storage_profile_get_name (object);
    }
  return NULL;
}

gboolean
ferry_plan_field_values_equal (FerryPlanField field, const GValue *a, const GValue *b)
{
  g_return_val_if_fail (field_valid (field), FALSE);

  switch (fields[field].kind)
    {
      case KIND_BOOLEAN:
        return !g_value_get_boolean (a) == !g_value_get_boolean (b);
      case KIND_INT64:
        return g_value_get_int64 (a) == g_value_get_int64 (b);
      case KIND_MIGRATION_TYPE:
      case KIND_DISK_PROVISION:
        return g_value_get_enum (a) == g_value_get_enum (b);
      default:
        {
          /* Two objects for the same inventory entity (one loaded from a saved plan, one from
           * the manager) are the same value. */
          gpointer oa = g_value_get_object (a);
          gpointer ob = g_value_get_object (b);

          if (oa == ob)
            return TRUE;
          if (oa == NULL || ob == NULL)
            return FALSE;
          return G_OBJECT_TYPE (oa) == G_OBJECT_TYPE (ob)
                 && g_strcmp0 (object_id (oa), object_id (ob)) == 0;
        }
    }
}

GParamSpec *
_ferry_plan_field_param_spec (FerryPlanField field, const char *name, GParamFlags flags)
{
  const FieldInfo *info = &fields[field];

  flags |= G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;
  switch (info->kind)
    {
      case KIND_BOOLEAN:
        return g_param_spec_boolean (name, NULL, NULL, info->default_boolean, flags);
      case KIND_INT64:
        return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
      case KIND_MIGRATION_TYPE:
        return g_param_spec_enum (name, NULL, NULL, FERRY_TYPE_MIGRATION_TYPE,
                                  FERRY_MIGRATION_TYPE_BULK, flags);
      case KIND_DISK_PROVISION:
        return g_param_spec_enum (name, NULL, NULL, FERRY_TYPE_DISK_PROVISION,
                                  FERRY_DISK_PROVISION_SAME_AS_SOURCE, flags);
      default:
        return g_param_spec_object (name, NULL, NULL, ferry_plan_field_get_value_type (field),
                                    flags);
    }
}

/* ---- FerryPlanOptions ---- */

struct _FerryPlanOptions
{
  GObject parent_instance;

  GValue values[FERRY_PLAN_N_FIELDS];
  gboolean locked; /* the plan was started */
};

G_DEFINE_FINAL_TYPE (FerryPlanOptions, ferry_plan_options, G_TYPE_OBJECT)

/* Property ids are field + 1. */
static GParamSpec *options_properties[FERRY_PLAN_N_FIELDS + 1];

static void
ferry_plan_options_finalize (GObject *object)
{
  FerryPlanOptions *self = FERRY_PLAN_OPTIONS (object);

  for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
    g_value_unset (&self->values[i]);

  G_OBJECT_CLASS (ferry_plan_options_parent_class)->finalize (object);
}

static void
ferry_plan_options_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryPlanOptions *self = FERRY_PLAN_OPTIONS (object);

  if (prop_id >= 1 && prop_id <= FERRY_PLAN_N_FIELDS)
    g_value_copy (&self->values[prop_id - 1], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ferry_plan_options_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  FerryPlanOptions *self = FERRY_PLAN_OPTIONS (object);

  if (prop_id >= 1 && prop_id <= FERRY_PLAN_N_FIELDS)
    ferry_plan_options_set_value (self, prop_id - 1, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ferry_plan_options_class_init (FerryPlanOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_plan_options_finalize;
  object_class->get_property = ferry_plan_options_get_property;
  object_class->set_property = ferry_plan_options_set_property;

  for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
    options_properties[i + 1]
        = _ferry_plan_field_param_spec (i, fields[i].name, G_PARAM_READWRITE | G_PARAM_STATIC_NAME);
  g_object_class_install_properties (object_class, FERRY_PLAN_N_FIELDS + 1, options_properties);
}

static void
ferry_plan_options_init (FerryPlanOptions *self)
{
  for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
    ferry_plan_field_init_default (i, &self->values[i]);
}

FerryPlanOptions *
ferry_plan_options_new (void)
{
  return g_object_new (FERRY_TYPE_PLAN_OPTIONS, NULL);
}

gboolean
ferry_plan_options_set_value (FerryPlanOptions *self, FerryPlanField field, const GValue *value)
{
  g_return_val_if_fail (FERRY_IS_PLAN_OPTIONS (self), FALSE);
  g_return_val_if_fail (field_valid (field), FALSE);
  g_return_val_if_fail (G_VALUE_HOLDS (value, ferry_plan_field_get_value_type (field)), FALSE);

  if (self->locked || ferry_plan_field_values_equal (field, &self->values[field], value))
    return FALSE;
  g_value_copy (value, &self->values[field]);
  g_object_notify_by_pspec (G_OBJECT (self), options_properties[field + 1]);
  return TRUE;
}

const GValue *
ferry_plan_options_peek_value (FerryPlanOptions *self, FerryPlanField field)
{
  g_return_val_if_fail (FERRY_IS_PLAN_OPTIONS (self), NULL);
  g_return_val_if_fail (field_valid (field), NULL);
  return &self->values[field];
}

gboolean
ferry_plan_options_get_boolean (FerryPlanOptions *self, FerryPlanField field)
{
  const GValue *v = ferry_plan_options_peek_value (self, field);

  g_return_val_if_fail (v != NULL && G_VALUE_HOLDS_BOOLEAN (v), FALSE);
  return g_value_get_boolean (v);
}

void
ferry_plan_options_set_boolean (FerryPlanOptions *self, FerryPlanField field, gboolean value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  ferry_plan_options_set_value (self, field, &v);
}

FerryMigrationType
ferry_plan_options_get_migration_type (FerryPlanOptions *self)
{
  const GValue *v = ferry_plan_options_peek_value (self, FERRY_PLAN_FIELD_MIGRATION_TYPE);

  g_return_val_if_fail (v != NULL, FERRY_MIGRATION_TYPE_BULK);
  return g_value_get_enum (v);
}

void
ferry_plan_options_set_migration_type (FerryPlanOptions *self, FerryMigrationType type)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, FERRY_TYPE_MIGRATION_TYPE);
  g_value_set_enum (&v, type);
  ferry_plan_options_set_value (self, FERRY_PLAN_FIELD_MIGRATION_TYPE, &v);
}

FerryDiskProvision
ferry_plan_options_get_disk_provision (FerryPlanOptions *self)
{
  const GValue *v = ferry_plan_options_peek_value (self, FERRY_PLAN_FIELD_DISK_PROVISION);

  g_return_val_if_fail (v != NULL, FERRY_DISK_PROVISION_SAME_AS_SOURCE);
  return g_value_get_enum (v);
}

void
ferry_plan_options_set_disk_provision (FerryPlanOptions *self, FerryDiskProvision provision)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, FERRY_TYPE_DISK_PROVISION);
  g_value_set_enum (&v, provision);
  ferry_plan_options_set_value (self, FERRY_PLAN_FIELD_DISK_PROVISION, &v);
}

gpointer
ferry_plan_options_get_object (FerryPlanOptions *self, FerryPlanField field)
{
  const GValue *v = ferry_plan_options_peek_value (self, field);

  g_return_val_if_fail (v != NULL && G_VALUE_HOLDS_OBJECT (v), NULL);
  return g_value_get_object (v);
}

void
ferry_plan_options_set_object (FerryPlanOptions *self, FerryPlanField field, gpointer object)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_return_if_fail (field_valid (field));
  g_value_init (&v, ferry_plan_field_get_value_type (field));
  g_value_set_object (&v, object);
  ferry_plan_options_set_value (self, field, &v);
}

gint64
ferry_plan_options_get_int64 (FerryPlanOptions *self, FerryPlanField field)
{
  const GValue *v = ferry_plan_options_peek_value (self, field);

  g_return_val_if_fail (v != NULL && G_VALUE_HOLDS_INT64 (v), 0);
  return g_value_get_int64 (v);
}

void
ferry_plan_options_set_int64 (FerryPlanOptions *self, FerryPlanField field, gint64 value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  ferry_plan_options_set_value (self, field, &v);
}

void
_ferry_plan_options_set_locked (FerryPlanOptions *self, gboolean locked)
{
  g_return_if_fail (FERRY_IS_PLAN_OPTIONS (self));
  self->locked = locked;
}
