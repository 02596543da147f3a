/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-plan-settings.h"
#include "ferry-plan.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WIZARD_OPTIONS_PAGE (ferry_wizard_options_page_get_type ())
G_DECLARE_FINAL_TYPE (FerryWizardOptionsPage, ferry_wizard_options_page, FERRY, WIZARD_OPTIONS_PAGE,
                      AdwBin)

/* The wizard's second step: "All VMs" (the defaults panel, the HCX green area) and "Per VM"
 * (the selected VMs, several at once, with their overrides and problems). */
GtkWidget *
ferry_wizard_options_page_new (FerryPlan *plan);

FerryPlanSettings *
ferry_wizard_options_page_get_defaults_panel (FerryWizardOptionsPage *self);
FerryPlanSettings *
ferry_wizard_options_page_get_override_panel (FerryWizardOptionsPage *self);
/* The "Per VM" list's selection (a GtkMultiSelection over the plan's items). */
GtkSelectionModel *
ferry_wizard_options_page_get_item_selection (FerryWizardOptionsPage *self);
/* Offline: placement by name in both panels (ferry_plan_settings_set_offline()). */
void
ferry_wizard_options_page_set_offline (FerryWizardOptionsPage *self, gboolean offline);
/* "defaults" or "per-vm" */
void
ferry_wizard_options_page_show (FerryWizardOptionsPage *self, const char *name);

G_END_DECLS
