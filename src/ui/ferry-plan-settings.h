/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-plan.h"

G_BEGIN_DECLS

#define FERRY_TYPE_PLAN_SETTINGS (ferry_plan_settings_get_type ())
G_DECLARE_FINAL_TYPE (FerryPlanSettings, ferry_plan_settings, FERRY, PLAN_SETTINGS, GtkBox)

/* One row per plan field (Transfer and Placement, Switchover, Extended), in one of two modes:
 *  - the plan's defaults (the HCX "green area"): the rows edit FerryPlanOptions;
 *  - overrides for one or more plan items: the rows show the effective value, greyed and
 *    marked "Default" where inherited, marked "Overridden" with a "Reset to Default" button
 *    where set; a change overrides it for every target at once (ferry_plan_override()).
 * Rows that do not apply to the migration type are insensitive and say why.
 * Each row's widget is named after its field ("retain-mac") for tests. */
/* @overrides: the per-VM panel (else the defaults panel). */
GtkWidget *
ferry_plan_settings_new (FerryPlan *plan, gboolean overrides);

/* The defaults panel: always NULL. The override panel: the FerryPlanItems to override
 * (NULL or empty shows the defaults, read-only in effect). */
void
ferry_plan_settings_set_targets (FerryPlanSettings *self, GPtrArray *items);
/* The destination's containers (FerryContainer), datastores and storage policies. */
void
ferry_plan_settings_set_destination (FerryPlanSettings *self, GListModel *containers,
                                     GListModel *datastores, GListModel *policies);
/* Offline (no destination inventory): the cluster, folder and datastore are typed by name
 * (rows named "cluster-name", "folder-name", "datastore-name"); once the destination's lists
 * arrive (ferry_plan_settings_set_destination() on the defaults panel), the names are
 * resolved to its objects. */
void
ferry_plan_settings_set_offline (FerryPlanSettings *self, gboolean offline);
/* The allowed migration types changed (ferry_plan_set_prereq_report()). */
void
ferry_plan_settings_update_types (FerryPlanSettings *self);

/* The row of @field (AdwActionRow or AdwComboRow), for tests. */
GtkWidget *
ferry_plan_settings_get_row (FerryPlanSettings *self, FerryPlanField field);

G_END_DECLS
