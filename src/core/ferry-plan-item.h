/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-item.h: one selected VM of a migration plan, with its overrides
 *
 * Properties:
 *  - one per FerryPlanField, named as the field ("retain-mac", "datastore", …): the effective
 *    value, the VM's override where it has one, else the plan's default. Writing it overrides
 *    the default (even with the same value: an override is explicit).
 *  - "<field>-overridden" (bool) per field: whether the VM overrides it. Writing FALSE resets
 *    the field to the default.
 *  - "vm" (FerryVm, read-only), "n-overrides" (uint), "problems" (FerryPreflightFlags),
 *    "has-problems" (bool), "has-errors" (bool: a problem that blocks validation).
 * Every change is notified once, only when the value really changed. */
#pragma once

#include <gio/gio.h>

#include "ferry-plan-options.h"
#include "ferry-plan-preflight.h"
#include "ferry-vm.h"

G_BEGIN_DECLS

#define FERRY_TYPE_PLAN_ITEM (ferry_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (FerryPlanItem, ferry_plan_item, FERRY, PLAN_ITEM, GObject)

/* Items are made by ferry_plan_add_vm(). */

FerryVm *
ferry_plan_item_get_vm (FerryPlanItem *self);

/* The effective value (borrowed, valid until the next change). */
const GValue *
ferry_plan_item_peek_value (FerryPlanItem *self, FerryPlanField field);
gboolean
ferry_plan_item_get_overridden (FerryPlanItem *self, FerryPlanField field);
/* Overrides @field with @value (which holds the field's value type). */
void
ferry_plan_item_override (FerryPlanItem *self, FerryPlanField field, const GValue *value);
/* Back to the plan's default ("Reset to Default"). */
void
ferry_plan_item_reset (FerryPlanItem *self, FerryPlanField field);
void
ferry_plan_item_reset_all (FerryPlanItem *self);
guint
ferry_plan_item_get_n_overrides (FerryPlanItem *self);

/* Typed helpers for the effective value. */
gboolean
ferry_plan_item_get_boolean (FerryPlanItem *self, FerryPlanField field);
void
ferry_plan_item_override_boolean (FerryPlanItem *self, FerryPlanField field, gboolean value);
FerryMigrationType
ferry_plan_item_get_migration_type (FerryPlanItem *self);
void
ferry_plan_item_override_migration_type (FerryPlanItem *self, FerryMigrationType type);
gpointer
ferry_plan_item_get_object (FerryPlanItem *self, FerryPlanField field);
void
ferry_plan_item_override_object (FerryPlanItem *self, FerryPlanField field, gpointer object);
gint64
ferry_plan_item_get_int64 (FerryPlanItem *self, FerryPlanField field);
void
ferry_plan_item_override_int64 (FerryPlanItem *self, FerryPlanField field, gint64 value);
FerryDiskProvision
ferry_plan_item_get_disk_provision (FerryPlanItem *self);

FerryPreflightFlags
ferry_plan_item_get_problems (FerryPlanItem *self);
gboolean
ferry_plan_item_get_has_errors (FerryPlanItem *self);

G_END_DECLS
