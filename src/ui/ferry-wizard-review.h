/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-review.h: the wizard's last step: review, validation by HCX Manager, warnings
 * confirmed, and the start (through a FerryPlanRunner)
 *
 * The page shows the plan's summary (site pair, migration types, VM count, data to move, the
 * switchover window in local time and UTC, the destination placement) and its VMs with their
 * effective settings (overrides marked), searchable. Validate sends the plan in batches with
 * progress and "Cancel Validation"; errors are listed per VM with the server's message and a
 * "Fix" button ("go-to" signal), warnings need a second confirmation that names their count.
 * Once the start is sent there is no cancel; after it the plan is read-only and the page lists
 * the started migrations (or "win.show-dashboard" is activated where it exists).
 *
 * Properties: "plan" (FerryPlan, construct-only), "session" (FerryConnectionSession,
 * construct-only, may be NULL), "store" (FerryPlanStore, construct-only, may be NULL),
 * "read-only" (bool: the plan has started).
 * Signal "go-to" (int step, string vm id): the user wants to fix @vm id's problem at @step
 * (a FerryWizardStep). */
#pragma once

#include <adwaita.h>

#include "ferry-connection-session.h"
#include "ferry-plan-runner.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WIZARD_REVIEW (ferry_wizard_review_get_type ())
G_DECLARE_FINAL_TYPE (FerryWizardReview, ferry_wizard_review, FERRY, WIZARD_REVIEW, AdwBin)

GtkWidget *
ferry_wizard_review_new (FerryPlan *plan, FerryConnectionSession *session, FerryPlanStore *store);

/* Refreshes the summary (called when the step is shown). */
void
ferry_wizard_review_update (FerryWizardReview *self);

/* The runner (NULL while not connected). */
FerryPlanRunner *
ferry_wizard_review_get_runner (FerryWizardReview *self);
gboolean
ferry_wizard_review_get_read_only (FerryWizardReview *self);

/* The step where a server error code is fixed (FerryWizardStep; Options when unknown). */
int
ferry_wizard_review_step_for_code (const char *code);

/* For tests: the VM rows shown (FerryPlanItem, after the search). */
GListModel *
ferry_wizard_review_get_shown (FerryWizardReview *self);
void
ferry_wizard_review_set_search (FerryWizardReview *self, const char *text);

G_END_DECLS
