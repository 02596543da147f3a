/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-settings-private.h: the FerryPlanSettings instance and what its files
 * (ferry-plan-settings*.c) share */
#pragma once

#include "ferry-plan-settings.h"

G_BEGIN_DECLS

struct _FerryPlanSettings
{
  GtkBox parent_instance;

  FerryPlan *plan;
  GPtrArray *targets;                      /* FerryPlanItem (strong); NULL = the defaults */
  GPtrArray *choices[FERRY_PLAN_N_FIELDS]; /* object fields: NULL first, then the objects */
  GArray *types;                           /* FerryMigrationType per combo position */
  GtkWidget *rows[FERRY_PLAN_N_FIELDS];
  GtkWidget *controls[FERRY_PLAN_N_FIELDS]; /* GtkSwitch, GtkEntry, or the combo row itself */
  GtkWidget *resets[FERRY_PLAN_N_FIELDS];
  GtkWidget *name_rows[FERRY_PLAN_N_FIELDS]; /* offline: placement typed by name */
  GtkWidget *name_resets[FERRY_PLAN_N_FIELDS];
  AdwPreferencesGroup *placement_group;
  GtkWidget *unavailable_row;
  GtkWidget *snapshot_note;
  gboolean overrides;
  gboolean offline;
  gboolean syncing;
};

/* ---- ferry-plan-settings-rows.c: the plan's values shown in the rows ---- */

void
_ferry_plan_settings_refresh (FerryPlanSettings *self);
void
_ferry_plan_settings_refresh_field (FerryPlanSettings *self, FerryPlanField field);
void
_ferry_plan_settings_plan_changed_cb (FerryPlanSettings *self);
void
_ferry_plan_settings_write_value (FerryPlanSettings *self, FerryPlanField field,
                                  const GValue *value);
gint64
_ferry_plan_settings_parse_local (const char *text);
const char *
_ferry_plan_settings_object_name (gpointer object);
void
_ferry_plan_settings_fill_combo (FerryPlanSettings *self, FerryPlanField field);

G_END_DECLS
