/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-review-run.c: the review page's validation, warnings confirmation, start and
 * reconcile, and what the page shows for each state of the runner */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-wizard-review-private.h"
#include "ferry-wizard.h"

/* Rows of a GtkListBox are laid out all at once: an AdwActionRow costs ~15 ms on the first
 * layout with wrapping labels, ~1.5 ms with single-line ones (GTK 4.8, libadwaita 1.2, see
 * the README's figures). The lists below stop at these and say how many more there are; the
 * VM list and the dashboard show every one. */
#define MAX_ISSUE_ROWS 50
#define MAX_STARTED_ROWS 50

static void
set_message (FerryWizardReview *self, const char *message, gboolean error)
{
  g_free (self->message);
  self->message = g_strdup (message);
  self->message_error = error;
}

/* A button's label; its accessible name is then its words alone (GTK 4.8 would put the raw
 * mnemonic label before them, and an explicit name would be read beside them). */
static void
set_button_label (GtkButton *button, const char *label)
{
  gtk_button_set_label (button, label);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* ---- Issues ---- */

/* The errors shown: per VM, and general ones other than the top-level VALIDATION_FAILED
 * (which only says that items failed). */
static gboolean
is_summary_code (FerryValidationResult *vr, guint i)
{
  const char *const *codes = ferry_validation_result_get_error_codes (vr);

  return codes != NULL && g_strv_length ((char **)codes) > i
         && g_strcmp0 (codes[i], "VALIDATION_FAILED") == 0;
}

static guint
count_errors (FerryValidationResult *vr)
{
  const char *const *general;
  GListModel *items;
  guint n = 0;

  if (vr == NULL)
    return 0;
  general = ferry_validation_result_get_errors (vr);
  items = ferry_validation_result_get_items (vr);
  for (guint i = 0; general != NULL && general[i] != NULL; i++)
    if (!is_summary_code (vr, i))
      n++;
  for (guint k = 0; k < g_list_model_get_n_items (items); k++)
    {
      g_autoptr (FerryValidationItem) item = g_list_model_get_item (items, k);
      const char *const *e = ferry_validation_item_get_errors (item);

      n += e != NULL ? g_strv_length ((char **)e) : 0;
    }
  /* A failure that names no reason still blocks. */
  return n == 0 && ferry_validation_result_has_errors (vr) ? 1 : n;
}

static GtkWidget *
issue_row (FerryWizardReview *self, const char *vm_id, const char *message, const char *code,
           gboolean error)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon
      = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  g_autofree char *escaped = g_markup_escape_text (message != NULL ? message : "", -1);
  const char *name
      = vm_id != NULL ? _ferry_wizard_review_vm_name (self, vm_id) : _ ("The whole plan");
  g_autofree char *title = g_markup_escape_text (name, -1);

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (row, error ? "review-error" : "review-warning");
  if (error && vm_id != NULL)
    {
      int step = ferry_wizard_review_step_for_code (code);
      GtkWidget *fix = gtk_button_new_with_mnemonic (_ ("_Fix"));
      const char *where = step == FERRY_WIZARD_STEP_VMS        ? _ ("Virtual Machines")
                          : step == FERRY_WIZARD_STEP_NETWORKS ? _ ("Networks")
                                                               : _ ("Options");
      g_autofree char *label = g_strdup_printf (_ ("Fix %s in %s"), name, where);

      gtk_widget_set_valign (fix, GTK_ALIGN_CENTER);
      gtk_widget_set_name (fix, "fix");
      gtk_widget_set_tooltip_text (fix, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fix), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (fix), "review.fix");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (fix), "(is)", step, vm_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), fix);
    }
  return row;
}

static void
fill_issues (FerryWizardReview *self, FerryValidationResult *vr, gboolean stale)
{
  GtkWidget *child;
  guint rows = 0, more = 0;

  if (stale)
    gtk_widget_add_css_class (GTK_WIDGET (self->issues_group), "stale");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->issues_group), "stale");
  /* The same result shows the same rows: each change to the plan syncs the page, and
   * rebuilding 50 rows of wrapped text is a new layout of each. */
  if (vr != NULL && vr == self->issues_for)
    return;
  g_set_object (&self->issues_for, vr);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_list))) != NULL)
    gtk_list_box_remove (self->issues_list, child);
  if (vr == NULL
      || (!ferry_validation_result_has_errors (vr) && !ferry_validation_result_has_warnings (vr)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->issues_group), FALSE);
      return;
    }
  /* Errors first, then warnings. */
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean errors = pass == 0;
      const char *const *general = errors ? ferry_validation_result_get_errors (vr)
                                          : ferry_validation_result_get_warnings (vr);
      GListModel *items = ferry_validation_result_get_items (vr);

      for (guint i = 0; general != NULL && general[i] != NULL; i++)
        {
          if (errors && is_summary_code (vr, i))
            continue;
          if (rows++ < MAX_ISSUE_ROWS)
            gtk_list_box_append (self->issues_list,
                                 issue_row (self, NULL, general[i], NULL, errors));
          else
            more++;
        }
      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr (FerryValidationItem) item = g_list_model_get_item (items, k);
          const char *const *msgs = errors ? ferry_validation_item_get_errors (item)
                                           : ferry_validation_item_get_warnings (item);
          const char *const *codes = ferry_validation_item_get_error_codes (item);

          for (guint i = 0; msgs != NULL && msgs[i] != NULL; i++)
            {
              const char *code
                  = errors && codes != NULL && g_strv_length ((char **)codes) > i ? codes[i] : NULL;

              if (rows++ < MAX_ISSUE_ROWS)
                gtk_list_box_append (self->issues_list,
                                     issue_row (self, ferry_validation_item_get_entity_id (item),
                                                msgs[i], code, errors));
              else
                more++;
            }
        }
    }
  if (more > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *t = g_strdup_printf (
          ngettext ("And %u more: search the VMs below to see each one’s result.",
                    "And %u more: search the VMs below to see each one’s result.", more),
          more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
      gtk_list_box_append (self->issues_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), TRUE);
}

/* ---- The started page ---- */

/* Row @i of the started list, made when the list is shorter. */
static AdwActionRow *
started_row (FerryWizardReview *self, guint i)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->started_list, (int)i);

  if (row == NULL)
    {
      row = GTK_LIST_BOX_ROW (adw_action_row_new ());
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_append (self->started_list, GTK_WIDGET (row));
    }
  return ADW_ACTION_ROW (row);
}

static void
fill_started (FerryWizardReview *self)
{
  GtkListBoxRow *extra;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  guint shown = MIN (n, MAX_STARTED_ROWS);
  g_autofree char *description = NULL;

  /* The rows are kept and their texts set: libadwaita leaves a row alone when its text is the
   * same, so the runner's several state changes for one start lay nothing out again. */
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);
      FerryVm *vm = ferry_plan_item_get_vm (item);
      const char *mid = ferry_plan_get_migration_id (self->plan, ferry_vm_get_id (vm));
      AdwActionRow *row = started_row (self, i);
      g_autofree char *title = g_markup_escape_text (ferry_vm_get_name (vm), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (row, mid != NULL ? mid : _ ("not started"));
    }
  if (n > shown)
    {
      AdwActionRow *row = started_row (self, shown);
      g_autofree char *t
          = g_strdup_printf (ngettext ("And %u more: Track Migrations shows each one.",
                                       "And %u more: Track Migrations shows each one.", n - shown),
                             n - shown);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
      adw_action_row_set_subtitle (row, NULL);
      shown++;
    }
  while ((extra = gtk_list_box_get_row_at_index (self->started_list, (int)shown)) != NULL)
    gtk_list_box_remove (self->started_list, GTK_WIDGET (extra));
  description = g_strdup_printf (
      ngettext ("HCX Manager started %u migration in group %s. The plan is kept read-only.",
                "HCX Manager started %u migrations in group %s. The plan is kept read-only.",
                ferry_plan_get_n_started (self->plan)),
      ferry_plan_get_n_started (self->plan), ferry_plan_get_migration_group_id (self->plan));
  /* A reconciled start says so: what is listed is what HCX Manager holds. */
  if (self->message != NULL && !self->message_error)
    {
      g_autofree char *both = g_strdup_printf ("%s %s", self->message, description);

      g_free (description);
      description = g_steal_pointer (&both);
    }
  adw_status_page_set_description (self->started_page, description);
}

/* ---- State → page ---- */

void
_ferry_wizard_review_sync (FerryWizardReview *self)
{
  FerryPlanRunnerState state
      = self->runner != NULL ? ferry_plan_runner_get_state (self->runner) : FERRY_PLAN_RUNNER_IDLE;
  FerryValidationResult *vr
      = self->runner != NULL ? ferry_plan_runner_get_validation (self->runner) : NULL;
  FerryValidationResult *sr
      = self->runner != NULL ? ferry_plan_runner_get_start_result (self->runner) : NULL;
  gboolean stale = self->runner != NULL && ferry_plan_runner_get_validation_stale (self->runner);
  gboolean busy = self->runner != NULL && ferry_plan_runner_get_busy (self->runner);
  guint n = ferry_plan_get_n_items (self->plan);
  guint n_started = ferry_plan_get_n_started (self->plan);
  guint errors = count_errors (vr);
  guint warnings = vr != NULL ? ferry_validation_result_count_warnings (vr) : 0;
  g_autofree char *status = NULL;
  g_autofree char *start_label = NULL;
  gboolean can_validate = self->runner != NULL && !busy;
  gboolean can_start = FALSE;

  if (ferry_plan_get_read_only (self->plan))
    {
      fill_started (self);
      gtk_stack_set_visible_child_name (self->stack, "started");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "review");

  switch (state)
    {
      case FERRY_PLAN_RUNNER_IDLE:
        if (self->runner == NULL)
          status = g_strdup (_ ("Connect to the HCX Manager to validate and start this plan."));
        else if (stale)
          status = g_strdup (_ ("The plan changed after it was validated: the result below is "
                                "out of date. Validate again before starting."));
        else if (sr != NULL && ferry_validation_result_has_errors (sr))
          status = g_strdup (_ ("HCX Manager refused the start, and nothing was started. Fix the "
                                "errors below and validate again."));
        else
          status = g_strdup (_ ("HCX Manager checks every VM of the plan before anything "
                                "starts. Validate to see its errors and warnings."));
        break;
      case FERRY_PLAN_RUNNER_VALIDATING:
        status = g_strdup (_ ("HCX Manager is validating the plan…"));
        break;
      case FERRY_PLAN_RUNNER_VALIDATED:
        if (errors > 0)
          status = g_strdup_printf (ngettext ("%u error blocks the start: fix it and validate "
                                              "again.",
                                              "%u errors block the start: fix them and validate "
                                              "again.",
                                              errors),
                                    errors);
        else if (warnings > 0)
          status = g_strdup_printf (ngettext ("Validation passed with %u warning. Read it "
                                              "before starting.",
                                              "Validation passed with %u warnings. Read them "
                                              "before starting.",
                                              warnings),
                                    warnings);
        else
          status = g_strdup (_ ("Validation passed without errors or warnings: ready to start."));
        can_start = errors == 0;
        break;
      case FERRY_PLAN_RUNNER_STARTING:
        status = g_strdup (_ ("Starting… HCX Manager has the request; it is not sent again. "
                              "Wait for its answer."));
        can_validate = FALSE;
        break;
      case FERRY_PLAN_RUNNER_PARTIAL:
        status = g_strdup_printf (_ ("%u of %u VMs have started migrations. The other %u were "
                                     "not started: validate them, then start only those."),
                                  n_started, n, n - n_started);
        break;
      case FERRY_PLAN_RUNNER_UNCONFIRMED:
        status = g_strdup (_ ("A start of this plan was sent, and HCX Manager has not confirmed "
                              "what it created. Ferry does not send it again: check with HCX "
                              "Manager first."));
        can_validate = FALSE;
        break;
      case FERRY_PLAN_RUNNER_STARTED:
      default:
        status = g_strdup ("");
        break;
    }
  if (self->message != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", self->message, status);

      g_free (status);
      status = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->status_label, status);
  if (self->message_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");

  gtk_widget_set_visible (GTK_WIDGET (self->progress), state == FERRY_PLAN_RUNNER_VALIDATING);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), state == FERRY_PLAN_RUNNER_VALIDATING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), state == FERRY_PLAN_RUNNER_UNCONFIRMED);
  /* Some migrations exist (a partial start): the dashboard shows them while the rest waits. */
  gtk_widget_set_visible (GTK_WIDGET (self->track_button), n_started > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.check",
                                 state == FERRY_PLAN_RUNNER_UNCONFIRMED && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.validate", can_validate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.start", can_start && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.fix", !busy);

  if (n_started > 0)
    start_label = g_strdup_printf (
        ngettext ("_Start %u Missing VM", "_Start %u Missing VMs", n - n_started), n - n_started);
  else if (can_start && warnings > 0)
    start_label = g_strdup_printf (
        ngettext ("_Start with %u Warning…", "_Start with %u Warnings…", warnings), warnings);
  else
    start_label = g_strdup (_ ("_Start Migration"));
  set_button_label (self->start_button, start_label);
  set_button_label (self->validate_button,
                    n_started > 0 ? _ ("_Validate Missing VMs") : _ ("_Validate"));
  fill_issues (self, vr != NULL ? vr : sr, stale);
}

static void
runner_notify_cb (FerryWizardReview *self)
{
  _ferry_wizard_review_sync (self);
  _ferry_wizard_review_refresh_rows (self);
}

/* ---- Reconcile ---- */

static void
reconciled_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizardReview) self = user_data;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (!ferry_plan_runner_reconcile_finish (FERRY_PLAN_RUNNER (source), result, &n, &error))
    {
      g_autofree char *t = g_strdup_printf (_ ("Ferry could not ask HCX Manager what this "
                                               "plan's start created: %s"),
                                            error->message);

      set_message (self, t, TRUE);
    }
  else
    {
      g_autofree char *t
          = g_strdup_printf (ngettext ("HCX Manager holds %u migration of this plan.",
                                       "HCX Manager holds %u migrations of this plan.", n),
                             n);

      set_message (self, t, FALSE);
    }
  _ferry_wizard_review_sync (self);
  _ferry_wizard_review_refresh_rows (self);
}

static void
check_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (widget);

  if (self->runner == NULL)
    return;
  ferry_plan_runner_reconcile_async (self->runner, NULL, reconciled_cb, g_object_ref (self));
  _ferry_wizard_review_sync (self);
}

void
_ferry_wizard_review_ensure_runner (FerryWizardReview *self)
{
  FerryHcxClient *client;

  if (self->runner != NULL || self->session == NULL)
    return;
  client = ferry_connection_session_get_client (self->session);
  if (client == NULL)
    return;
  self->runner = ferry_plan_runner_new (self->plan, client, self->store);
  g_signal_connect_object (self->runner, "notify", G_CALLBACK (runner_notify_cb), self,
                           G_CONNECT_SWAPPED);
  /* A plan left mid-start: ask the server before offering anything. */
  if (ferry_plan_runner_get_state (self->runner) == FERRY_PLAN_RUNNER_UNCONFIRMED)
    check_action (GTK_WIDGET (self), "review.check", NULL);
}

/* ---- Validate ---- */

static void
progress_cb (guint done, guint total, gpointer user_data)
{
  FerryWizardReview *self = user_data;
  g_autofree char *text = g_strdup_printf (_ ("%u of %u VMs validated"), done, total);

  gtk_progress_bar_set_fraction (self->progress, total > 0 ? (double)done / total : 0);
  gtk_progress_bar_set_text (self->progress, text);
}

static void
validated_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizardReview) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr
      = ferry_plan_runner_validate_finish (FERRY_PLAN_RUNNER (source), result, &error);

  g_clear_object (&self->validate_cancellable);
  if (vr == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_message (self, _ ("Validation cancelled: nothing was sent to start."), FALSE);
  else if (vr == NULL)
    set_message (self, error->message, TRUE);
  _ferry_wizard_review_sync (self);
  _ferry_wizard_review_refresh_rows (self);
}

static void
validate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (widget);

  _ferry_wizard_review_ensure_runner (self);
  if (self->runner == NULL || ferry_plan_runner_get_busy (self->runner))
    return;
  set_message (self, NULL, FALSE);
  g_clear_object (&self->validate_cancellable);
  self->validate_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  ferry_plan_runner_validate_async (self->runner, progress_cb, self, self->validate_cancellable,
                                    validated_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (widget);

  g_cancellable_cancel (self->validate_cancellable);
}

/* ---- Start ---- */

static void
started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizardReview) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr
      = ferry_plan_runner_start_finish (FERRY_PLAN_RUNNER (source), result, &error);
  gboolean reconciled = vr != NULL && ferry_validation_result_get_reconciled (vr);

  if (vr == NULL)
    set_message (self, error->message, TRUE);
  else if (reconciled)
    set_message (self,
                 _ ("The answer to the start was lost; Ferry asked HCX Manager which migrations "
                    "exist instead of sending it again."),
                 FALSE);
  else
    set_message (self, NULL, FALSE);
  _ferry_wizard_review_sync (self);
  _ferry_wizard_review_refresh_rows (self);
  /* A clean start hands the plan to the dashboard at once. A partial or reconciled one stays
   * here, so that the user sees what was (not) created per VM first; "Track Migrations" goes
   * on from there. */
  if (ferry_plan_get_read_only (self->plan) && !reconciled)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.track-plan", NULL);
}

static void
do_start (FerryWizardReview *self, guint confirmed)
{
  set_message (self, NULL, FALSE);
  ferry_plan_runner_start_async (self->runner, confirmed, started_cb, g_object_ref (self));
  _ferry_wizard_review_sync (self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, FerryWizardReview *self)
{
  FerryValidationResult *vr = ferry_plan_runner_get_validation (self->runner);

  self->dialog = NULL;
  if (g_strcmp0 (response, "start") == 0 && vr != NULL
      && !ferry_plan_runner_get_validation_stale (self->runner))
    do_start (self, ferry_validation_result_count_warnings (vr));
}

static void
start_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (widget);
  FerryValidationResult *vr;
  guint warnings;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *label = NULL;

  if (self->runner == NULL || self->dialog != NULL)
    return;
  vr = ferry_plan_runner_get_validation (self->runner);
  warnings = vr != NULL ? ferry_validation_result_count_warnings (vr) : 0;
  if (warnings == 0)
    {
      do_start (self, 0);
      return;
    }
  /* The second, explicit confirmation ("select Finish again"). */
  heading = g_strdup_printf (
      ngettext ("Start Despite %u Warning?", "Start Despite %u Warnings?", warnings), warnings);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _ ("HCX Manager accepts the plan, but warned about what the "
                                      "listed VMs will go through. The migrations start as soon "
                                      "as you confirm."));
  label = g_strdup_printf (
      ngettext ("Start Anyway with %u Warning", "Start Anyway with %u Warnings", warnings),
      warnings);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "start",
                                    label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "confirm-warnings");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fix_action (GtkWidget *widget, const char *name, GVariant *param)
{
  int step = 0;
  const char *vm_id = NULL;

  g_variant_get (param, "(i&s)", &step, &vm_id);
  _ferry_wizard_review_go_to (FERRY_WIZARD_REVIEW (widget), step, vm_id);
}

void
_ferry_wizard_review_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.validate", NULL, validate_action);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "review.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "review.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "review.fix", "(is)", fix_action);
}
