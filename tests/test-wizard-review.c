/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wizard-review.c: the wizard's Review step in a real window under Xvfb, against the
 * embedded simulator: the summary, a validation with one blocking error whose "Fix" button
 * leads to the step and VM, the stale result after the fix, two warnings that need the second
 * confirmation ("Start Anyway with 2 Warnings"), the start and the started page; a start whose
 * answer is lost, reconciled without a second migration; a quit mid-start whose plan, opened
 * again, is checked with HCX Manager before anything is offered. With FERRY_SCREENSHOT_DIR set
 * it also writes screenshots of the page (default size, 600 px wide, dark). */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "csv-test-util.h"
#include "ferry-test-require.h"
#include "ferry-application.h"
#include "ferry-connection-session.h"
#include "ferry-dashboard-private.h"
#include "ferry-test-sim.h"
#include "ferry-plan-settings.h"
#include "ferry-window.h"
#include "ferry-wizard-review.h"

static FerryApplication *app;

static void
iterate_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC * ferry_test_time_factor ();

  while (!check (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
iterate_a_while (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
sites_checked (gpointer data)
{
  FerrySitePage *page = ferry_window_get_site_page (data);

  return page != NULL && ferry_site_page_get_report (page) != NULL;
}

static gboolean
inventory_loaded (gpointer data)
{
  FerryWizard *wizard = ferry_window_get_wizard (data);

  return wizard != NULL
         && ferry_wizard_vm_page_get_inventory (ferry_wizard_get_vm_page (wizard)) != NULL;
}

static gboolean
destination_loaded (gpointer data)
{
  FerryWizard *wizard = ferry_window_get_wizard (data);
  FerryPlanSettings *panel
      = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (wizard));
  GtkWidget *row = ferry_plan_settings_get_row (panel, FERRY_PLAN_FIELD_DATASTORE);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return model != NULL && g_list_model_get_n_items (model) > 1
         && ferry_plan_get_destination (ferry_wizard_get_plan (wizard)) != NULL;
}

static void
collect (GtkWidget *widget, GType type, const char *name, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if ((type == G_TYPE_NONE || G_TYPE_CHECK_INSTANCE_TYPE (c, type))
          && (name == NULL || g_strcmp0 (gtk_widget_get_name (c), name) == 0
              || gtk_widget_has_css_class (c, name)))
        g_ptr_array_add (out, c);
      collect (c, type, name, out);
    }
}

static FerryWizardReview *
review_of (FerryWindow *window)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (window), FERRY_TYPE_WIZARD_REVIEW, NULL, found);
  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

/* ---- The simulator's control endpoints, reached with the session's address and pin ---- */

/* A call to the window's embedded simulator's /__sim/… (tests/ferry-test-sim.c), trusting the
 * certificate the window's connection pinned; asserts a 2xx status. */
static JsonNode *
sim_control (FerryWindow *window, const char *method, const char *path, const char *body)
{
  FerryHcxClient *client = ferry_connection_session_get_client (ferry_window_get_session (window));
  g_autoptr (GUri) base
      = g_uri_parse (ferry_hcx_client_get_base_url (client), G_URI_FLAGS_NONE, NULL);
  g_autofree char *url
      = g_strdup_printf ("https://%s:%d", g_uri_get_host (base), g_uri_get_port (base));
  guint status = 0;
  JsonNode *root = ferry_test_request (url, ferry_hcx_client_get_pinned_fingerprint (client),
                                       method, path, NULL, body, &status, NULL);

  g_assert_cmpuint (status, >=, 200);
  g_assert_cmpuint (status, <, 300);
  return root;
}

static gint64
sim_migrations_of (JsonNode *state, FerryVm *vm)
{
  return ferry_test_sim_state_migrations_of (state, ferry_vm_get_id (vm));
}

static void
got_result (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

/* ---- The plan ---- */

static char *segment;

/* Maps every source network of the plan to the segment, through the plan's network map (as
 * the Networks step does), with the destination's networks known. */
static void
map_networks (FerryPlan *plan, GListModel *networks)
{
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  GListModel *sources = ferry_network_map_get_sources (map);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  FerryNetwork *target;

  ferry_network_map_set_destinations (map, networks);
  target = ferry_network_map_lookup_destination (map, segment);
  g_assert_nonnull (target);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    g_ptr_array_add (all, g_list_model_get_item (sources, i));
  ferry_network_map_map (map, (FerryNetworkSource **)all->pdata, all->len, target);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
}

static gboolean
vm_clean (FerryVm *vm)
{
  return ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
         && ferry_vm_get_snapshot_count (vm) == 0
         && ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_NO
         && ferry_vm_get_hardware_version_number (vm) >= 9
         && g_strcmp0 (ferry_vm_get_tools_status (vm), "toolsOk") == 0
         && ferry_vm_get_disk_bytes (vm) < ((gint64)200 << 30);
}

static FerryContainer *other_pool;

/* When set, windows connect to this simulator (standing in for a real HCX Manager, which
 * outlives Ferry) instead of starting the embedded one. */
static FerrySimThread *external_sim;

static void
connect_external (FerryWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryConnection) connection = ferry_connection_new (
      ferry_sim_thread_get_url (external_sim), "cloudadmin@vsphere.local", &error);
  g_autoptr (FerryConnectionSession) session = NULL;

  g_assert_no_error (error);
  ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (external_sim));
  session = ferry_connection_session_new (connection, NULL);
  ferry_connection_session_set_simulated (session, TRUE); /* nothing to remember */
  ferry_start_page_connect (ferry_window_get_start_page (window), session, "VMware1!", FALSE);
}

/* A connected window on Review with @n_clean clean Bulk VMs (MAC not kept: one warning each)
 * and, with @out_bad, one more whose resource pool is not in its cluster (a blocking error
 * only the server finds). */
static FerryWindow *
open_review (int width, int height, guint n_clean, FerryVm **out_bad)
{
  FerryWindow *window = ferry_window_new (app);
  FerryWizard *wizard;
  FerryPlan *plan;
  GListModel *inventory;
  FerryVm *bad = NULL;
  g_autoptr (GListModel) networks = NULL;
  guint added = 0;

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (external_sim != NULL)
    connect_external (window);
  else
    ferry_window_start_simulator (window);
  iterate_until (sites_checked, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate-vms", NULL));
  iterate_until (inventory_loaded, window);
  iterate_until (destination_loaded, window);
  wizard = ferry_window_get_wizard (window);
  plan = ferry_wizard_get_plan (wizard);
  inventory = ferry_wizard_vm_page_get_inventory (ferry_wizard_get_vm_page (wizard));
  ferry_plan_clear (plan);
  for (guint i = 0; i < g_list_model_get_n_items (inventory); i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (inventory, i);

      if (added < n_clean && vm_clean (vm))
        {
          ferry_plan_add_vm (plan, vm);
          added++;
        }
      else if (out_bad != NULL && bad == NULL && vm_clean (vm))
        bad = vm;
    }
  g_assert_cmpuint (added, ==, n_clean);
  /* The defaults as the user sets them: Bulk, Cluster-1, the biggest datastore, MAC not
   * kept. */
  ferry_plan_options_set_migration_type (ferry_plan_get_defaults (plan), FERRY_MIGRATION_TYPE_BULK);
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  FALSE);
  {
    FerryHcxClient *client
        = ferry_connection_session_get_client (ferry_window_get_session (window));
    const char *remote = ferry_plan_get_remote_endpoint_id (plan);
    g_autoptr (GAsyncResult) r1 = NULL;
    g_autoptr (GAsyncResult) r2 = NULL;
    g_autoptr (GAsyncResult) r3 = NULL;
    g_autoptr (GListModel) datastores = NULL;
    g_autoptr (GListModel) containers = NULL;
    FerryDatastore *best = NULL;

    g_clear_object (&other_pool);
    ferry_hcx_client_list_datastores_async (client, remote, NULL, got_result, &r1);
    ferry_hcx_client_list_containers_async (client, remote, NULL, got_result, &r2);
    iterate_until (have_result, &r1);
    iterate_until (have_result, &r2);
    ferry_hcx_client_list_networks_async (client, remote, NULL, got_result, &r3);
    iterate_until (have_result, &r3);
    g_set_object (&networks, ferry_hcx_client_list_networks_finish (client, r3, NULL));
    g_assert_nonnull (networks);
    datastores = ferry_hcx_client_list_datastores_finish (client, r1, NULL);
    containers = ferry_hcx_client_list_containers_finish (client, r2, NULL);
    g_assert_nonnull (datastores);
    g_assert_nonnull (containers);
    for (guint i = 0; i < g_list_model_get_n_items (datastores); i++)
      {
        g_autoptr (FerryDatastore) d = g_list_model_get_item (datastores, i);

        if (!ferry_datastore_get_is_cluster (d)
            && (best == NULL
                || ferry_datastore_get_free_bytes (d) > ferry_datastore_get_free_bytes (best)))
          best = d;
      }
    g_assert_nonnull (best);
    ferry_plan_options_set_object (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_DATASTORE,
                                   best);
    for (guint i = 0; i < g_list_model_get_n_items (containers); i++)
      {
        g_autoptr (FerryContainer) c = g_list_model_get_item (containers, i);

        if (g_strcmp0 (ferry_container_get_name (c), "Cluster-1") == 0)
          ferry_plan_options_set_object (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_CLUSTER,
                                         c);
        if (g_strcmp0 (ferry_container_get_name (c), "Compute-ResourcePool-2") == 0)
          g_set_object (&other_pool, c);
      }
  }
  if (out_bad != NULL)
    {
      g_assert_nonnull (bad);
      /* A resource pool of Cluster-2 under Cluster-1: nothing the pre-flight checks can see,
       * the server refuses it. */
      g_assert_nonnull (other_pool);
      ferry_plan_item_override_object (ferry_plan_add_vm (plan, bad),
                                       FERRY_PLAN_FIELD_RESOURCE_POOL, other_pool);
      ferry_plan_item_override_boolean (ferry_plan_lookup (plan, ferry_vm_get_id (bad)),
                                        FERRY_PLAN_FIELD_RETAIN_MAC, TRUE);
      *out_bad = bad;
    }
  /* The NIC mappings, as the Networks step makes them: every source network to one segment of
   * the destination. */
  map_networks (plan, networks);
  g_object_set (wizard, "step", FERRY_WIZARD_STEP_REVIEW, NULL);
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_REVIEW);
  return window;
}

/* The dashboard shows the plan's migrations, and only those: the tracker follows its group and
 * the list is filtered by the plan. */
static gboolean
dashboard_lists_plan (gpointer data)
{
  FerryWindow *window = data;
  FerryDashboard *dashboard = ferry_window_get_dashboard (window);
  FerryPlan *plan = ferry_wizard_get_plan (ferry_window_get_wizard (window));
  GListModel *listed
      = G_LIST_MODEL (gtk_column_view_get_model (_ferry_dashboard_get_column_view (dashboard)));
  guint n = g_list_model_get_n_items (listed);

  if (n != ferry_plan_get_n_items (plan))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (listed, i);

      if (g_strcmp0 (ferry_migration_get_migration_group_id (m),
                     ferry_plan_get_migration_group_id (plan))
          != 0)
        return FALSE;
    }
  return TRUE;
}

static void
assert_tracking_plan (FerryWindow *window)
{
  FerryDashboard *dashboard = ferry_window_get_dashboard (window);
  FerryPlan *plan = ferry_wizard_get_plan (ferry_window_get_wizard (window));
  g_auto (GStrv) groups
      = ferry_migration_tracker_dup_groups (ferry_dashboard_get_tracker (dashboard));
  const char *filter = ferry_dashboard_get_plan_filter (dashboard);

  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "dashboard");
  g_assert_true (
      g_strv_contains ((const char *const *)groups, ferry_plan_get_migration_group_id (plan)));
  g_assert_nonnull (filter);
  g_assert_cmpstr (filter, !=, "");
  iterate_until (dashboard_lists_plan, window);
}

static void
close_window (FerryWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_a_while (50);
}

static FerryPlanRunner *runner_watched;

static gboolean
runner_idle (gpointer data)
{
  return !ferry_plan_runner_get_busy (data);
}

static void
validate (FerryWizardReview *review)
{
  FerryPlanRunner *runner = ferry_wizard_review_get_runner (review);

  runner_watched = runner;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.validate", NULL));
  g_assert_true (ferry_plan_runner_get_busy (runner));
  iterate_until (runner_idle, runner);
}

static GtkWidget *
find_named (GtkWidget *root, GType type, const char *name)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (root, type, name, found);
  return found->len > 0 ? found->pdata[0] : NULL;
}

static guint
count_named (GtkWidget *root, const char *name)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (root, G_TYPE_NONE, name, found);
  return found->len;
}

/* The started page lists each started VM with its migration id, as one row each. */
static void
assert_started_list (FerryWizardReview *review, FerryPlan *plan)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (
      GTK_WIDGET (review), FERRY_TYPE_WIZARD_REVIEW, "started_list"));
  guint n = ferry_plan_get_n_items (plan);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <=, 50);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      FerryVm *vm = ferry_plan_item_get_vm (item);
      AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, (int)i));

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       ferry_vm_get_name (vm));
      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                       ferry_plan_get_migration_id (plan, ferry_vm_get_id (vm)));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, (int)n));
}

static GtkButton *
start_button (FerryWizardReview *review)
{
  GtkWidget *button = (GtkWidget *)gtk_widget_get_template_child (
      GTK_WIDGET (review), FERRY_TYPE_WIZARD_REVIEW, "start_button");

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  return GTK_BUTTON (button);
}

static GtkWidget *
confirm_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && g_strcmp0 (gtk_widget_get_name (l->data), "confirm-warnings") == 0)
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* As a pointer click does it (gtk_widget_activate() clicks only after a 250 ms flash). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_started (gpointer data)
{
  return ferry_plan_get_read_only (data);
}

/* The scenario of the issue: one blocking error, fixed by following "Fix"; two warnings,
 * confirmed; started; never two migrations for a VM. */
static void
test_error_fix_warnings_start (void)
{
  FerryVm *bad = NULL;
  FerryWindow *window = open_review (0, 0, 2, &bad);
  FerryWizard *wizard = ferry_window_get_wizard (window);
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  FerryWizardReview *review = review_of (window);
  FerryPlanRunner *runner = ferry_wizard_review_get_runner (review);
  FerryWizardOptionsPage *options = ferry_wizard_get_options_page (wizard);
  GtkWidget *fix;
  GtkWidget *dialog;
  g_autoptr (FerryPlanItem) selected = NULL;
  GtkSelectionModel *sel;
  GtkBitset *bits;

  gtk_widget_set_visible (GTK_WIDGET (review), TRUE);
  g_object_set (wizard, "step", FERRY_WIZARD_STEP_REVIEW, NULL);
  ferry_wizard_review_update (review);
  /* The summary: the pair, the types, the count. */
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_review_get_shown (review)), ==, 3);
  ferry_wizard_review_set_search (review, ferry_vm_get_name (bad));
  iterate_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_review_get_shown (review)), ==, 1);
  ferry_wizard_review_set_search (review, NULL);
  iterate_a_while (100);

  /* Not validated: no start. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (start_button (review))));
  validate (review);
  g_assert_true (ferry_validation_result_has_errors (ferry_plan_runner_get_validation (runner)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (start_button (review))));
  /* One error row with its Fix button, on the bad VM. */
  g_assert_cmpuint (count_named (GTK_WIDGET (review), "review-error"), ==, 1);
  fix = find_named (GTK_WIDGET (review), GTK_TYPE_BUTTON, "fix");
  g_assert_nonnull (fix);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (fix), ferry_vm_get_name (bad)));
  g_assert_cmpuint (count_named (GTK_WIDGET (review), "review-warning"), ==, 2);

  /* Fix: the Options step, Per VM, that VM selected. */
  click (fix);
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_OPTIONS);
  sel = ferry_wizard_options_page_get_item_selection (options);
  bits = gtk_selection_model_get_selection (sel);
  g_assert_cmpuint (gtk_bitset_get_size (bits), ==, 1);
  selected = g_list_model_get_item (G_LIST_MODEL (sel), gtk_bitset_get_nth (bits, 0));
  gtk_bitset_unref (bits);
  g_assert_true (ferry_plan_item_get_vm (selected) == bad);
  /* The user resets its resource pool ("Reset to Default"). */
  ferry_plan_item_reset (selected, FERRY_PLAN_FIELD_RESOURCE_POOL);
  g_assert_true (ferry_plan_runner_get_validation_stale (runner));
  g_object_set (wizard, "step", FERRY_WIZARD_STEP_REVIEW, NULL);
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_REVIEW);
  /* The old result is visibly out of date. */
  g_assert_true (
      gtk_widget_has_css_class (find_named (GTK_WIDGET (review), G_TYPE_NONE, "issues"), "stale"));
  g_assert_nonnull (strstr (
      gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (review), GTK_TYPE_LABEL, "status"))),
      "changed after it was validated"));

  validate (review);
  g_assert_false (ferry_validation_result_has_errors (ferry_plan_runner_get_validation (runner)));
  g_assert_cmpuint (
      ferry_validation_result_count_warnings (ferry_plan_runner_get_validation (runner)), ==, 2);
  g_assert_cmpstr (gtk_button_get_label (start_button (review)), ==, "_Start with 2 Warnings…");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (start_button (review))));
  /* The issue rows are the new result's: the error is gone, the warnings stay, not stale. */
  g_assert_cmpuint (count_named (GTK_WIDGET (review), "review-error"), ==, 0);
  g_assert_cmpuint (count_named (GTK_WIDGET (review), "review-warning"), ==, 2);
  g_assert_false (
      gtk_widget_has_css_class (find_named (GTK_WIDGET (review), G_TYPE_NONE, "issues"), "stale"));

  /* The first press asks; cancelling starts nothing. */
  click (GTK_WIDGET (start_button (review)));
  dialog = confirm_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "start"), ==,
                   "Start Anyway with 2 Warnings");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_a_while (100);
  g_assert_cmpuint (ferry_plan_get_start_state (plan), ==, FERRY_PLAN_START_NONE);
  {
    g_autoptr (JsonNode) state = sim_control (window, "GET", "/__sim/state", NULL);

    g_assert_cmpint (sim_migrations_of (state, bad), ==, 0);
  }

  /* The second, explicit confirmation starts. */
  click (GTK_WIDGET (start_button (review)));
  dialog = confirm_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "start");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* Once sent, nothing to cancel, nothing to send again. */
  g_assert_false (gtk_widget_get_visible (
      find_named (GTK_WIDGET (review), GTK_TYPE_BUTTON, "cancel-validation")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (start_button (review))));
  iterate_until (is_started, plan);
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_STARTED);
  {
    g_autoptr (JsonNode) state = sim_control (window, "GET", "/__sim/state", NULL);

    for (guint i = 0; i < ferry_plan_get_n_items (plan); i++)
      {
        g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

        g_assert_cmpint (sim_migrations_of (state, ferry_plan_item_get_vm (item)), ==, 1);
      }
  }
  /* Read-only: the started page lists the migrations; the steps cannot be changed. */
  g_assert_true (ferry_wizard_review_get_read_only (review));
  assert_started_list (review, plan);
  /* A clean start hands the plan over to the dashboard, filtered by it. */
  assert_tracking_plan (window);
  /* Below the UI too: the started plan takes no change. */
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  TRUE);
  g_assert_false (
      ferry_plan_options_get_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC));
  /* "Migrate Virtual Machines" comes back to the started plan's page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate-vms", NULL));
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "wizard");
  close_window (window);
}

static void
test_dropped_start (void)
{
  FerryWindow *window = open_review (0, 0, 3, NULL);
  FerryWizard *wizard = ferry_window_get_wizard (window);
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  FerryWizardReview *review = review_of (window);
  FerryPlanRunner *runner = ferry_wizard_review_get_runner (review);
  g_autoptr (JsonNode) r = NULL;
  g_autoptr (JsonNode) state = NULL;

  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  TRUE);
  g_object_set (wizard, "step", FERRY_WIZARD_STEP_REVIEW, NULL);
  validate (review);
  g_assert_cmpstr (gtk_button_get_label (start_button (review)), ==, "_Start Migration");
  r = sim_control (window, "POST", "/__sim/faults",
                   "{\"path\":\"/mobility/migrations/start\",\"dropAfter\":true,\"count\":1}");
  click (GTK_WIDGET (start_button (review)));
  g_assert_null (confirm_dialog ());
  g_assert_cmpuint (ferry_plan_runner_get_state (runner), ==, FERRY_PLAN_RUNNER_STARTING);
  g_assert_false (gtk_widget_get_visible (
      find_named (GTK_WIDGET (review), GTK_TYPE_BUTTON, "cancel-validation")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (start_button (review))));
  iterate_until (is_started, plan);
  state = sim_control (window, "GET", "/__sim/state", NULL);
  g_assert_cmpint (json_object_get_int_member (
                       json_object_get_object_member (json_node_get_object (state), "requests"),
                       "/hybridity/api/mobility/migrations/start"),
                   ==, 1);
  for (guint i = 0; i < ferry_plan_get_n_items (plan); i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_cmpint (sim_migrations_of (state, ferry_plan_item_get_vm (item)), ==, 1);
    }
  /* Reconciled: the user sees per VM what HCX Manager holds first, and says so; then "Track
   * Migrations" leads to the dashboard. */
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "wizard");
  {
    GtkWidget *track = (GtkWidget *)gtk_widget_get_template_child (
        GTK_WIDGET (review), FERRY_TYPE_WIZARD_REVIEW, "track_started_button");

    g_assert_true (gtk_widget_get_mapped (track));
    g_assert_nonnull (
        strstr (adw_status_page_get_description (ADW_STATUS_PAGE (gtk_widget_get_template_child (
                    GTK_WIDGET (review), FERRY_TYPE_WIZARD_REVIEW, "started_page"))),
                "asked HCX Manager"));
    click (track);
  }
  assert_tracking_plan (window);
  close_window (window);
}

static gboolean
sim_has_two (gpointer data)
{
  g_autoptr (JsonNode) state = sim_control (data, "GET", "/__sim/state", NULL);

  return json_object_get_int_member (json_node_get_object (state), "migrations") >= 2;
}

/* Ferry quits while the start is on its way; the next launch opens the plan as saved, and its
 * Review page asks HCX Manager what exists before offering anything. */
static void
test_quit_mid_start (void)
{
  FerryWindow *window = open_review (0, 0, 2, NULL);
  FerryWizard *wizard = ferry_window_get_wizard (window);
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  FerryWizardReview *review = review_of (window);
  FerryPlanRunner *runner = ferry_wizard_review_get_runner (review);
  FerryConnectionSession *session = ferry_window_get_session (window);
  FerryHcxClient *client = ferry_connection_session_get_client (session);
  g_autoptr (JsonNode) r = NULL;
  g_autoptr (JsonNode) state = NULL;
  g_autofree char *saved = NULL;
  g_autoptr (FerryPlan) next = NULL;
  GtkWidget *again;

  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  TRUE);
  validate (review);
  r = sim_control (window, "POST", "/__sim/faults",
                   "{\"path\":\"/mobility/migrations/start\",\"stall\":true,\"count\":1}");
  ferry_hcx_client_set_timeout (client, 3);
  ferry_hcx_client_set_reconcile_timeout (client, 1);
  click (GTK_WIDGET (start_button (review)));
  iterate_until (sim_has_two, window);
  g_assert_cmpuint (ferry_plan_get_start_state (plan), ==, FERRY_PLAN_START_SENT);
  /* What the next launch reads: the plan as saved now. */
  saved = ferry_plan_to_json (plan, NULL);
  next = ferry_plan_from_json (saved, -1, NULL);
  g_assert_nonnull (next);
  g_assert_cmpuint (ferry_plan_get_start_state (next), ==, FERRY_PLAN_START_SENT);
  again = g_object_ref_sink (ferry_wizard_review_new (next, session, NULL));
  /* Nothing is offered until the group has been checked. */
  g_assert_false (
      gtk_widget_is_sensitive (GTK_WIDGET (start_button (FERRY_WIZARD_REVIEW (again)))));
  iterate_until (is_started, next);
  g_assert_true (ferry_wizard_review_get_read_only (FERRY_WIZARD_REVIEW (again)));
  state = sim_control (window, "GET", "/__sim/state", NULL);
  g_assert_cmpint (json_object_get_int_member (
                       json_object_get_object_member (json_node_get_object (state), "requests"),
                       "/hybridity/api/mobility/migrations/start"),
                   ==, 1);
  for (guint i = 0; i < ferry_plan_get_n_items (next); i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (next), i);

      g_assert_cmpint (sim_migrations_of (state, ferry_plan_item_get_vm (item)), ==, 1);
    }
  /* The first start's own answer ends too (its timeout, then its reconcile). */
  iterate_until (runner_idle, runner);
  g_object_unref (again);
  close_window (window);
}

/* Start (confirming the warnings if asked) and land on the dashboard, following the plan. */
static void
start_and_track (FerryWindow *window, FerryWizardReview *review, FerryPlan *plan)
{
  GtkWidget *dialog;

  click (GTK_WIDGET (start_button (review)));
  dialog = confirm_dialog ();
  if (dialog != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "start");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  iterate_until (is_started, plan);
  assert_tracking_plan (window);
}

/* ---- A wave of 50, from the wizard to the report ---- */

/* A desktop notification server on the test's private session bus (as GNOME Shell is one),
 * recording the summary of every notification Ferry sends. */
static const char notifications_xml[]
    = "<node><interface name='org.freedesktop.Notifications'>"
      "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
      "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
      "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/>"
      "<arg type='i' direction='in'/><arg type='u' direction='out'/></method>"
      "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
      "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
      "<method name='GetServerInformation'><arg type='s' direction='out'/>"
      "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
      "<arg type='s' direction='out'/></method>"
      "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
      "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
      "</interface></node>";

static GPtrArray *notified; /* char *, the summaries */

static void
on_notifications_call (GDBusConnection *connection, const char *sender, const char *path,
                       const char *interface, const char *method, GVariant *parameters,
                       GDBusMethodInvocation *invocation, gpointer user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      const char *summary = NULL;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_ptr_array_add (notified, g_strdup (summary));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notified->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", (char **)caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "ferry", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
name_owned (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_name_acquired (GDBusConnection *connection, const char *name, gpointer data)
{
  *(gboolean *)data = TRUE;
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call, NULL, NULL, { 0 } };
  static gboolean owned = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusNodeInfo) info = NULL;
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));

  if (notified != NULL)
    return;
  notified = g_ptr_array_new_with_free_func (g_free);
  g_assert_nonnull (bus); /* the test runs on a private session bus */
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_name_acquired, NULL, &owned, NULL);
  iterate_until (name_owned, &owned);
}

static gboolean
notified_failure (gpointer data)
{
  for (guint i = 0; i < notified->len; i++)
    if (g_str_equal (notified->pdata[i], data))
      return TRUE;
  return FALSE;
}

#define WAVE 50

static void
sim_advance (FerryWindow *window, guint seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advanceSeconds\":%u}", seconds);
  g_autoptr (JsonNode) r = sim_control (window, "POST", "/__sim/clock", body);
}

static gint64
sim_clock_ms (FerryWindow *window)
{
  g_autoptr (JsonNode) r = sim_control (window, "GET", "/__sim/clock", NULL);

  return json_object_get_int_member (json_node_get_object (r), "clock");
}

typedef struct
{
  FerryMigrationTracker *tracker;
  guint polls;
} PollWait;

static gboolean
polled (gpointer data)
{
  PollWait *w = data;

  return _ferry_migration_tracker_get_n_polls (w->tracker) > w->polls
         && !ferry_migration_tracker_get_polling (w->tracker);
}

static gboolean
not_polling (gpointer data)
{
  return !ferry_migration_tracker_get_polling (data);
}

/* Ctrl+R, as the user presses it, and the poll it starts applied. */
static void
refresh_now (FerryWindow *window, FerryMigrationTracker *tracker)
{
  PollWait w = { tracker, 0 };

  iterate_until (not_polling, tracker);
  w.polls = _ferry_migration_tracker_get_n_polls (tracker);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  iterate_until (polled, &w);
  iterate_a_while (20);
}

/* The plan's migrations as HCX Manager holds them now: id → FerryMigration. */
static GHashTable *
truth_of (FerryWindow *window, FerryPlan *plan)
{
  FerryHcxClient *client = ferry_connection_session_get_client (ferry_window_get_session (window));
  const char *groups[] = { ferry_plan_get_migration_group_id (plan), NULL };
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) all = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  ferry_hcx_client_query_migrations_async (client, NULL, groups, NULL, NULL, got_result, &r);
  iterate_until (have_result, &r);
  all = ferry_hcx_client_query_migrations_finish (client, r, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      FerryMigration *m = g_list_model_get_item (all, i);

      g_hash_table_insert (table, (gpointer)ferry_migration_get_migration_id (m), m);
    }
  return table;
}

static GListModel *
rows_of (FerryDashboard *dash)
{
  return G_LIST_MODEL (gtk_column_view_get_model (_ferry_dashboard_get_column_view (dash)));
}

static FerryMigration *
row_in_stage (FerryDashboard *dash, FerryMigrationStage stage, const char *not_vm, guint *position)
{
  GListModel *rows = rows_of (dash);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (rows, i);

      if (ferry_migration_stage_from_migration (m) == stage
          && g_strcmp0 (ferry_migration_get_entity_id (m), not_vm) != 0)
        {
          if (position != NULL)
            *position = i;
          return m; /* the tracker's model keeps it */
        }
    }
  return NULL;
}

/* Every row, count and total on screen says what the server says; the stages seen are noted. */
static void
assert_dashboard_true (FerryWindow *window, FerryDashboard *dash, FerryPlan *plan,
                       gboolean seen[FERRY_MIGRATION_N_STAGES])
{
  g_autoptr (GHashTable) truth = truth_of (window, plan);
  GListModel *rows = rows_of (dash);
  guint counts[FERRY_MIGRATION_N_STAGES] = { 0 };
  gint64 done = 0, total = 0;
  GHashTableIter iter;
  gpointer value;
  g_autofree char *done_text = NULL;

  g_assert_cmpuint (g_hash_table_size (truth), ==, WAVE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, WAVE);
  for (guint i = 0; i < WAVE; i++)
    {
      g_autoptr (FerryMigration) row = g_list_model_get_item (rows, i);
      FerryMigration *real = g_hash_table_lookup (truth, ferry_migration_get_migration_id (row));

      g_assert_nonnull (real);
      g_assert_cmpstr (ferry_migration_get_state (row), ==, ferry_migration_get_state (real));
      g_assert_cmpint (ferry_migration_get_bytes_transferred (row), ==,
                       ferry_migration_get_bytes_transferred (real));
    }
  g_hash_table_iter_init (&iter, truth);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FerryMigrationStage stage = ferry_migration_stage_from_migration (value);

      counts[stage]++;
      seen[stage] = TRUE;
      done += MAX (ferry_migration_get_bytes_transferred (value), 0);
      total += MAX (ferry_migration_get_total_bytes (value), 0);
    }
  for (guint i = 0; i < FERRY_MIGRATION_N_STAGES; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", counts[i]);

      g_assert_cmpstr (gtk_label_get_label (_ferry_dashboard_get_count_label (dash, i)), ==, n);
    }
  g_assert_cmpint (total, >, 0);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (dash->overall_bar),
                                  (double)done / (double)total, 1e-9);
  done_text = g_format_size (done);
  g_assert_nonnull (strstr (gtk_label_get_label (dash->bytes_label), done_text));
  /* The chart's newest point is this poll's total. */
  g_assert_nonnull (strstr (ferry_progress_chart_get_description (dash->chart), done_text));
}

static AdwMessageDialog *
cancel_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (tops, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (w), "cancel-migrations"))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static guint
n_rows_of_list_box (GtkListBox *box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, (int)n) != NULL)
    n++;
  return n;
}

static gboolean
is_cancelling (gpointer data)
{
  return ferry_migration_stage_from_migration (data) == FERRY_MIGRATION_STAGE_CANCELLING;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

/* The walk: a wave of 50 VMs started from the wizard; on the dashboard they move
 * through every state with totals, rows and chart that match the server at each step; one is
 * cancelled through the confirmation; the failed one is a desktop notification; a timeline;
 * Ferry restarts and finds the dashboard as it was; the CSV report reads back. */
static void
test_wave_to_dashboard (void)
{
  FerrySimOptions opts = { .n_vms = 500 };
  FerryWindow *window;
  FerryWizard *wizard;
  FerryPlan *plan;
  FerryWizardReview *review;
  FerryDashboard *dash;
  FerryMigrationTracker *tracker;
  gboolean seen[FERRY_MIGRATION_N_STAGES] = { FALSE };
  g_autofree char *failing_vm = NULL;
  g_autofree char *failing_name = NULL;
  g_autofree char *group = NULL;
  g_autofree char *plan_name = NULL;
  g_autofree char *cancelled_id = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) csv_rows = NULL;
  g_autoptr (GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean failure_noticed = FALSE;
  gint64 now_ms, last_time = 0;

  start_notification_server ();
  external_sim = ferry_test_sim_start (&opts); /* speed 0: the clock moves when told */
  window = open_review (0, 0, WAVE, NULL);
  wizard = ferry_window_get_wizard (window);
  plan = ferry_wizard_get_plan (wizard);
  review = review_of (window);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, WAVE);
  /* MAC kept (no warning); five VMs switch over in a window 40 minutes from now. */
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  TRUE);
  now_ms = sim_clock_ms (window);
  for (guint i = 10; i < 15; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      ferry_plan_item_override_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_START,
                                      now_ms + 40 * 60 * 1000);
      ferry_plan_item_override_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_END,
                                      now_ms + 8 * 3600 * 1000);
    }
  {
    g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), 1);

    failing_vm = g_strdup (ferry_vm_get_id (ferry_plan_item_get_vm (item)));
    failing_name = g_strdup (ferry_vm_get_name (ferry_plan_item_get_vm (item)));
  }
  g_object_set (wizard, "step", FERRY_WIZARD_STEP_REVIEW, NULL);
  validate (review);
  g_assert_false (ferry_validation_result_has_errors (
      ferry_plan_runner_get_validation (ferry_wizard_review_get_runner (review))));
  start_and_track (window, review, plan);
  group = g_strdup (ferry_plan_get_migration_group_id (plan));
  plan_name = g_strdup (ferry_dashboard_get_plan_filter (ferry_window_get_dashboard (window)));
  {
    g_autofree char *body
        = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"transfer\"}", failing_vm);
    g_autoptr (JsonNode) r = sim_control (window, "POST", "/__sim/vm-failure", body);
  }
  dash = ferry_window_get_dashboard (window);
  tracker = ferry_dashboard_get_tracker (dash);
  _ferry_dashboard_set_focus_override (dash, 0); /* the admin is elsewhere */

  for (guint step = 0;; step++)
    {
      const FerryTrackerSummary *s;
      const FerryTrackerSample *samples;
      guint n = 0;

      g_assert_cmpuint (step, <, 400);
      sim_advance (window, step < 8 ? 2 : 30);
      refresh_now (window, tracker);
      assert_dashboard_true (window, dash, plan, seen);
      s = ferry_migration_tracker_get_summary (tracker);
      samples = ferry_migration_tracker_get_history (tracker, &n);
      /* A live chart: a new point per poll, this poll's bytes. */
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpint (samples[n - 1].time, >, last_time);
      g_assert_cmpint (samples[n - 1].bytes_transferred, ==, s->bytes_transferred);
      last_time = samples[n - 1].time;

      if (!failure_noticed && s->counts[FERRY_MIGRATION_STAGE_FAILED] > 0)
        {
          gboolean toast = TRUE;
          g_autofree char *expected = g_strdup_printf ("Migration of %s failed", failing_name);

          g_assert_cmpstr (_ferry_dashboard_get_last_notice (dash, &toast), ==, expected);
          g_assert_false (toast); /* not focused: a desktop notification, on the bus */
          iterate_until (notified_failure, expected);
          failure_noticed = TRUE;
        }
      if (cancelled_id == NULL && s->counts[FERRY_MIGRATION_STAGE_TRANSFERRING] >= 5)
        {
          guint position = 0;
          FerryMigration *m
              = row_in_stage (dash, FERRY_MIGRATION_STAGE_TRANSFERRING, failing_vm, &position);
          AdwMessageDialog *confirm;

          g_assert_nonnull (m);
          cancelled_id = g_strdup (ferry_migration_get_migration_id (m));
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows_of (dash)), position, TRUE);
          iterate_a_while (50);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dash), "dashboard.cancel", NULL));
          iterate_a_while (50);
          confirm = cancel_dialog ();
          g_assert_nonnull (confirm);
          g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "source VM"));
          adw_message_dialog_response (confirm, "cancel-migrations");
          /* The dashboard shows it cancelling at once (the server's answer, then a poll). */
          iterate_until (is_cancelling, m);
          refresh_now (window, tracker);
          assert_dashboard_true (window, dash, plan, seen);
        }
      if (s->active == 0)
        break;
    }
  /* Every state on the way. */
  for (guint i = 0; i < FERRY_MIGRATION_N_STAGES; i++)
    if (i != FERRY_MIGRATION_STAGE_OTHER)
      {
        if (!seen[i])
          g_test_message ("never seen: %s", ferry_migration_stage_get_label (i));
        g_assert_true (seen[i]);
      }
  g_assert_true (failure_noticed);
  {
    const FerryTrackerSummary *s = ferry_migration_tracker_get_summary (tracker);

    g_assert_cmpuint (s->counts[FERRY_MIGRATION_STAGE_FAILED], ==, 1);
    g_assert_cmpuint (s->counts[FERRY_MIGRATION_STAGE_CANCELLED], ==, 1);
    g_assert_cmpuint (s->counts[FERRY_MIGRATION_STAGE_COMPLETED], ==, WAVE - 2);
  }

  /* One migration's story: its timeline, entry by entry. */
  {
    guint position = 0;
    FerryMigration *m = row_in_stage (dash, FERRY_MIGRATION_STAGE_FAILED, NULL, &position);

    gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows_of (dash)), position, TRUE);
    iterate_a_while (100);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (dash->details_stack), ==, "details");
    g_assert_cmpstr (gtk_label_get_label (dash->details_title), ==, failing_name);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dash->details_error)));
    g_assert_cmpuint (g_list_model_get_n_items (ferry_migration_get_events (m)), >=, 3);
    g_assert_cmpuint (n_rows_of_list_box (dash->timeline), ==,
                      g_list_model_get_n_items (ferry_migration_get_events (m)));
  }
  for (guint i = 0; i < WAVE; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (rows_of (dash), i);

      g_hash_table_insert (states, g_strdup (ferry_migration_get_migration_id (m)),
                           g_strdup (ferry_migration_get_state (m)));
    }

  /* The report, through the same code as the file chooser's answer, read back as a
   * spreadsheet reads it. */
  dir = g_dir_make_tmp ("ferry-report-XXXXXX", NULL);
  file = g_file_new_build_filename (dir, "wave.csv", NULL);
  _ferry_dashboard_export_to (dash, file);
  iterate_until (file_exists, file);
  iterate_a_while (100);
  g_assert_true (g_file_load_contents (file, NULL, &csv, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  csv_rows = parse_csv (csv + 3);
  g_assert_cmpuint (csv_rows->len, ==, 1 + WAVE);
  g_assert_cmpstr (cell (csv_rows, 0, 0), ==, "VM");
  {
    guint failed = 0, cancelled = 0, completed = 0;

    for (guint r = 1; r < csv_rows->len; r++)
      {
        const char *state = cell (csv_rows, r, 2);

        g_assert_cmpuint (((GPtrArray *)csv_rows->pdata[r])->len, ==, 10);
        g_assert_cmpstr (cell (csv_rows, r, 3), ==, plan_name);
        if (g_str_equal (cell (csv_rows, r, 0), failing_name))
          {
            g_assert_cmpstr (cell (csv_rows, r, 9), !=, ""); /* the server's message */
            failed++;
          }
        else if (strstr (state, "CANCEL") != NULL)
          cancelled++;
        else if (g_str_equal (state, "MIGRATION_COMPLETE"))
          completed++;
      }
    g_assert_cmpuint (failed, ==, 1);
    g_assert_cmpuint (cancelled, ==, 1);
    g_assert_cmpuint (completed, ==, WAVE - 2);
  }
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_rmdir (dir);

  /* Ferry restarts (the manager does not): the dashboard is as it was, the plan's migrations
   * with their states, the plan to filter by. */
  close_window (window);
  window = ferry_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  connect_external (window);
  iterate_until (sites_checked, window);
  while (g_strcmp0 (ferry_window_get_visible_page (window), "dashboard") != 0)
    iterate_a_while (10);
  dash = ferry_window_get_dashboard (window);
  tracker = ferry_dashboard_get_tracker (dash);
  refresh_now (window, tracker);
  {
    g_auto (GStrv) groups = ferry_migration_tracker_dup_groups (tracker);
    g_auto (GStrv) plans = ferry_migration_tracker_dup_plan_names (tracker);
    GListModel *all = ferry_migration_tracker_get_migrations (tracker);
    guint found = 0;

    g_assert_true (g_strv_contains ((const char *const *)groups, group));
    g_assert_true (g_strv_contains ((const char *const *)plans, plan_name));
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr (FerryMigration) m = g_list_model_get_item (all, i);
        const char *state = g_hash_table_lookup (states, ferry_migration_get_migration_id (m));

        if (state == NULL)
          continue;
        g_assert_cmpstr (ferry_migration_get_state (m), ==, state);
        g_assert_cmpstr (ferry_migration_tracker_get_plan_name (tracker, m), ==, plan_name);
        found++;
      }
    g_assert_cmpuint (found, ==, WAVE);
    g_assert_cmpstr (gtk_label_get_label (
                         _ferry_dashboard_get_count_label (dash, FERRY_MIGRATION_STAGE_COMPLETED)),
                     ==, "48");
  }
  close_window (window);
  g_clear_pointer (&external_sim, ferry_sim_thread_stop);
}

/* ---- Screenshots ---- */

static void
save_screenshot (FerryWindow *window, const char *name)
{
  const char *dir = g_getenv ("FERRY_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *xid = NULL;
  g_autoptr (GError) error = NULL;
  GdkSurface *surface;
  int status = 0;

  iterate_a_while (3000);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  xid = g_strdup_printf ("0x%lx", (unsigned long)gdk_x11_surface_get_xid (surface));
  path = g_build_filename (dir, name, NULL);
  {
    const char *argv[] = { "import", "-window", xid, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                                 NULL, &status, &error));
  }
  g_assert_no_error (error);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (g_getenv ("FERRY_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("FERRY_SCREENSHOT_DIR not set");
      return;
    }
  for (guint pass = 0; pass < 3; pass++)
    {
      const char *names[] = { "ferry-wizard-review.png", "ferry-wizard-review-narrow.png",
                              "ferry-wizard-review-dark.png" };
      const char *homes[] = { "ferry-home.png", "ferry-home-narrow.png", "ferry-home-dark.png" };
      FerryVm *bad = NULL;
      FerryWindow *window;
      FerryWizardReview *review;

      adw_style_manager_set_color_scheme (style, pass == 2 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                           : ADW_COLOR_SCHEME_DEFAULT);
      window = pass == 1 ? open_review (600, 760, 5, &bad) : open_review (0, 0, 5, &bad);
      review = review_of (window);
      g_object_set (ferry_window_get_wizard (window), "step", FERRY_WIZARD_STEP_REVIEW, NULL);
      iterate_a_while (1000);
      validate (review);
      save_screenshot (window, names[pass]);
      if (pass == 0)
        {
          /* Scrolled down to the VMs, one of them overriding its defaults. */
          GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (
              find_named (GTK_WIDGET (review), GTK_TYPE_SCROLLED_WINDOW, NULL));
          GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

          iterate_a_while (500);
          gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
          save_screenshot (window, "ferry-wizard-review-vms.png");
        }
      /* Without the VM in error, started: the home page, following the plan. */
      {
        FerryPlan *plan = ferry_wizard_get_plan (ferry_window_get_wizard (window));

        ferry_plan_remove_vm (plan, bad);
        validate (review);
        start_and_track (window, review, plan);
        iterate_a_while (4000);
        save_screenshot (window, homes[pass]);
        if (pass == 0)
          {
            /* Back to the plan: its started page. */
            g_assert_true (
                gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate-vms", NULL));
            save_screenshot (window, "ferry-wizard-started.png");
          }
      }
      close_window (window);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  const char *mime_dirs[] = { "/usr/share/mime", NULL };
  g_autoptr (GError) error = NULL;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    {
      return ferry_test_run_no_display ("/wizard-review/display");
    }
  adw_init ();
  g_content_type_set_mime_dirs (mime_dirs);
  /* The isolated data folders hide the system's icon theme: screenshots show what a user sees. */
  if (g_getenv ("FERRY_SCREENSHOT_DIR") != NULL)
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/usr/share/icons");
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  segment = g_strdup ("/infra/segments/web-segment");
  app = ferry_application_new ("io.github.ferry_hcx.Ferry.TestReview", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  g_test_add_func ("/wizard-review/error-fix-warnings-start", test_error_fix_warnings_start);
  g_test_add_func ("/wizard-review/dropped-start", test_dropped_start);
  g_test_add_func ("/wizard-review/quit-mid-start", test_quit_mid_start);
  g_test_add_func ("/wizard-review/wave-to-dashboard", test_wave_to_dashboard);
  g_test_add_func ("/wizard-review/screenshots", test_screenshots);
  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (segment);
  g_clear_object (&other_pool);
  return status;
}
