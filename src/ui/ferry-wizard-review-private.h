/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-review-private.h: what the review page's two files share */
#pragma once

#include "ferry-wizard-review.h"

G_BEGIN_DECLS

struct _FerryWizardReview
{
  AdwBin parent_instance;

  FerryPlan *plan;
  FerryConnectionSession *session;
  FerryPlanStore *store;
  FerryPlanRunner *runner;
  GCancellable *validate_cancellable;
  char *message;          /* the last error or outcome, shown in the status */
  gboolean message_error; /* … and whether it is an error */
  GHashTable *bound;      /* GtkListItem → row box, the rows on screen */
  GtkCustomFilter *filter;
  GtkFilterListModel *shown;
  char *search;      /* casefolded */
  GtkWidget *dialog; /* the warnings confirmation, while open */

  /* template widgets */
  GtkStack *stack;
  AdwActionRow *site_row;
  AdwActionRow *types_row;
  AdwActionRow *count_row;
  AdwActionRow *data_row;
  AdwActionRow *window_row;
  AdwActionRow *placement_row;
  GtkLabel *status_label;
  GtkProgressBar *progress;
  GtkSpinner *spinner;
  GtkButton *cancel_button;
  GtkButton *check_button;
  GtkButton *track_button;
  GtkButton *track_started_button;
  GtkButton *validate_button;
  GtkButton *start_button;
  AdwPreferencesGroup *issues_group;
  GtkListBox *issues_list;
  GtkSearchEntry *search_entry;
  GtkListView *vm_list;
  AdwStatusPage *started_page;
  GtkListBox *started_list;
  FerryValidationResult *issues_for; /* the result the issue rows show (a reference) */
};

/* ferry-wizard-review-run.c */
void
_ferry_wizard_review_install_actions (GtkWidgetClass *widget_class);
/* Makes the runner if the session has a client; reconciles a plan left mid-start. */
void
_ferry_wizard_review_ensure_runner (FerryWizardReview *self);
/* Status, buttons, issues and the started page from the runner's state. */
void
_ferry_wizard_review_sync (FerryWizardReview *self);

/* ferry-wizard-review.c */
void
_ferry_wizard_review_go_to (FerryWizardReview *self, int step, const char *vm_id);
/* "name" of @vm_id's VM in the plan, else @vm_id. */
const char *
_ferry_wizard_review_vm_name (FerryWizardReview *self, const char *vm_id);
/* Refreshes the VM rows on screen (results or settings changed). */
void
_ferry_wizard_review_refresh_rows (FerryWizardReview *self);

G_END_DECLS
