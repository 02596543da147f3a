/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-options.h: the settings a migration plan sets for each VM, and the defaults
 *
 * Every setting the HCX wizard sets per migration is a FerryPlanField: the migration type,
 * the placement (cluster, resource pool, host, folder), the storage (datastore, storage policy,
 * disk provisioning), the switchover window (epoch milliseconds UTC, 0 = none) and the extended
 * options. Each field is a GObject property of the same name on FerryPlanOptions (the plan's
 * defaults, the HCX "green area") and on FerryPlanItem (one VM: the effective value, where
 * writing it overrides the default), so widgets bind to either with g_object_bind_property(). */
#pragma once

#include <gio/gio.h>

#include "ferry-container.h"
#include "ferry-datastore.h"
#include "ferry-model-types.h"
#include "ferry-storage-profile.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_DISK_PROVISION_SAME_AS_SOURCE,
  FERRY_DISK_PROVISION_THIN,
  FERRY_DISK_PROVISION_THICK,
} FerryDiskProvision;

#define FERRY_TYPE_DISK_PROVISION (ferry_disk_provision_get_type ())
GType
ferry_disk_provision_get_type (void) G_GNUC_CONST;
/* "sameAsSource", "thin", "thick" */
const char *
ferry_disk_provision_to_wire (FerryDiskProvision provision);
gboolean
ferry_disk_provision_from_wire (const char *wire, FerryDiskProvision *out_provision);
/* "Same as Source", "Thin", "Thick" (translatable) */
const char *
ferry_disk_provision_get_title (FerryDiskProvision provision);

typedef enum
{
  FERRY_PLAN_FIELD_MIGRATION_TYPE,   /* "migration-type", FerryMigrationType */
  FERRY_PLAN_FIELD_CLUSTER,          /* "cluster", FerryContainer or NULL */
  FERRY_PLAN_FIELD_RESOURCE_POOL,    /* "resource-pool", FerryContainer or NULL */
  FERRY_PLAN_FIELD_HOST,             /* "host", FerryContainer or NULL */
  FERRY_PLAN_FIELD_FOLDER,           /* "folder", FerryContainer or NULL */
  FERRY_PLAN_FIELD_DATASTORE,        /* "datastore", FerryDatastore or NULL */
  FERRY_PLAN_FIELD_STORAGE_POLICY,   /* "storage-policy", FerryStorageProfile or NULL */
  FERRY_PLAN_FIELD_DISK_PROVISION,   /* "disk-provision", FerryDiskProvision */
  FERRY_PLAN_FIELD_SWITCHOVER_START, /* "switchover-start", gint64 ms UTC, 0 = none */
  FERRY_PLAN_FIELD_SWITCHOVER_END,   /* "switchover-end", gint64 ms UTC, 0 = none */
  FERRY_PLAN_FIELD_RETAIN_MAC,       /* the extended options, all gboolean */
  FERRY_PLAN_FIELD_FORCE_POWER_OFF,
  FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS,
  FERRY_PLAN_FIELD_REMOVE_ISOS,
  FERRY_PLAN_FIELD_SEED_CHECKPOINT,
  FERRY_PLAN_FIELD_UPGRADE_TOOLS,
  FERRY_PLAN_FIELD_UPGRADE_HARDWARE,
  FERRY_PLAN_FIELD_MIGRATE_CUSTOM_ATTRIBUTES,
  FERRY_PLAN_FIELD_MIGRATE_TAGS,
  FERRY_PLAN_FIELD_REPLICATE_SECURITY_TAGS,
  FERRY_PLAN_FIELD_REMOVE_CBT,
} FerryPlanField;

#define FERRY_PLAN_N_FIELDS (FERRY_PLAN_FIELD_REMOVE_CBT + 1)
#define FERRY_PLAN_FIELD_NONE ((FerryPlanField)-1)

/* The property name ("retain-mac"), the value type (G_TYPE_BOOLEAN, G_TYPE_INT64,
 * FERRY_TYPE_MIGRATION_TYPE, FERRY_TYPE_DISK_PROVISION, FERRY_TYPE_CONTAINER, …), and the
 * title the UI shows ("Retain MAC", translatable). */
const char *
ferry_plan_field_get_name (FerryPlanField field);
GType
ferry_plan_field_get_value_type (FerryPlanField field);
const char *
ferry_plan_field_get_title (FerryPlanField field);
/* -1 for an unknown name. */
FerryPlanField
ferry_plan_field_from_name (const char *name);
/* Whether the field means anything for @type (seed checkpoint only for Bulk and RAV, the
 * switchover window only for types with a scheduled switchover, …); when not, *out_reason says
 * why in words for the UI. */
gboolean
ferry_plan_field_applies_to (FerryPlanField field, FerryMigrationType type,
                             const char **out_reason);
/* Fills @value (initialised here) with the field's built-in default. */
void
ferry_plan_field_init_default (FerryPlanField field, GValue *value);
gboolean
ferry_plan_field_values_equal (FerryPlanField field, const GValue *a, const GValue *b);

#define FERRY_TYPE_PLAN_OPTIONS (ferry_plan_options_get_type ())
G_DECLARE_FINAL_TYPE (FerryPlanOptions, ferry_plan_options, FERRY, PLAN_OPTIONS, GObject)

/* A full set of values, one per field, starting at the built-in defaults. Properties: one per
 * field (see FerryPlanField), notified only on a real change. */
FerryPlanOptions *
ferry_plan_options_new (void);

/* @value must hold the field's value type; returns TRUE (and notifies) if it changed. */
gboolean
ferry_plan_options_set_value (FerryPlanOptions *self, FerryPlanField field, const GValue *value);
/* Borrowed; valid until the next change. */
const GValue *
ferry_plan_options_peek_value (FerryPlanOptions *self, FerryPlanField field);

gboolean
ferry_plan_options_get_boolean (FerryPlanOptions *self, FerryPlanField field);
void
ferry_plan_options_set_boolean (FerryPlanOptions *self, FerryPlanField field, gboolean value);
FerryMigrationType
ferry_plan_options_get_migration_type (FerryPlanOptions *self);
void
ferry_plan_options_set_migration_type (FerryPlanOptions *self, FerryMigrationType type);
gpointer
ferry_plan_options_get_object (FerryPlanOptions *self, FerryPlanField field);
void
ferry_plan_options_set_object (FerryPlanOptions *self, FerryPlanField field, gpointer object);
gint64
ferry_plan_options_get_int64 (FerryPlanOptions *self, FerryPlanField field);
void
ferry_plan_options_set_int64 (FerryPlanOptions *self, FerryPlanField field, gint64 value);
FerryDiskProvision
ferry_plan_options_get_disk_provision (FerryPlanOptions *self);
void
ferry_plan_options_set_disk_provision (FerryPlanOptions *self, FerryDiskProvision provision);

G_END_DECLS
