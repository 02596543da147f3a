/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-connection-session.h"
#include "ferry-plan-store.h"
#include "ferry-plan.h"
#include "ferry-wizard-networks-page.h"
#include "ferry-wizard-options-page.h"
#include "ferry-wizard-vm-page.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WIZARD (ferry_wizard_get_type ())
G_DECLARE_FINAL_TYPE (FerryWizard, ferry_wizard, FERRY, WIZARD, AdwBin)

typedef enum
{
  FERRY_WIZARD_STEP_VMS,
  FERRY_WIZARD_STEP_OPTIONS,
  FERRY_WIZARD_STEP_NETWORKS,
  FERRY_WIZARD_STEP_REVIEW,
} FerryWizardStep;

/* "Migrate Virtual Machines": the steps VMs → Options → Networks → Review over one FerryPlan.
 * Back and Next never lose anything (every step edits the plan); Next is disabled, with the
 * reason beside it, while the step is incomplete; every step reached once stays reachable from
 * the step indicator.
 *
 * Properties: "session" (FerryConnectionSession, construct-only, may be NULL: nothing is
 * loaded), "plan" (FerryPlan, construct-only), "store" (FerryPlanStore, construct-only, may be
 * NULL: not saved), "step" (int), "blocker" (string: why Next is disabled, or NULL).
 * Signal "plan-imported" (FerryPlan): the user imported a plan file; the window opens it.
 * "win.close-wizard" is activated by Back on the first step. */
GtkWidget *
ferry_wizard_new (FerryConnectionSession *session, FerryPlan *plan, FerryPlanStore *store);

/* The site pair (names the remote site in the plan) and its prerequisite check (the types
 * the plan allows); loads the destination's containers, datastores and storage policies. */
void
ferry_wizard_set_site (FerryWizard *self, FerrySite *site, FerryPrereqReport *report);

FerryPlan *
ferry_wizard_get_plan (FerryWizard *self);
FerryWizardStep
ferry_wizard_get_step (FerryWizard *self);
const char *
ferry_wizard_get_blocker (FerryWizard *self);
FerryWizardVmPage *
ferry_wizard_get_vm_page (FerryWizard *self);
FerryWizardOptionsPage *
ferry_wizard_get_options_page (FerryWizard *self);
FerryWizardNetworksPage *
ferry_wizard_get_networks_page (FerryWizard *self);

G_END_DECLS
