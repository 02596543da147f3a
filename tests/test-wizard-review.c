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
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ferry-application.h"
#include "ferry-dashboard-private.h"
#include "ferry-plan-settings.h"
#include "ferry-window.h"
#include "ferry-wizard-review.h"

static FerryApplication *app;

static void
iterate_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

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

static gboolean
accept_cert (SoupMessage *msg, GTlsCertificate *cert, GTlsCertificateFlags errors, gpointer data)
{
  return TRUE; /* the embedded simulator on 127.0.0.1 */
}

static JsonNode *
sim_control (FerryWindow *window, const char *method, const char *path, const char *body)
{
  FerryHcxClient *client = ferry_connection_session_get_client (ferry_window_get_session (window));
  g_autoptr (GUri) base
      = g_uri_parse (ferry_hcx_client_get_base_url (client), G_URI_FLAGS_NONE, NULL);
  g_autofree char *url
      = g_strdup_printf ("https://%s:%d%s", g_uri_get_host (base), g_uri_get_port (base), path);
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize len = 0;
  const char *data;

  g_main_context_push_thread_default (context);
  session = soup_session_new ();
  msg = soup_message_new (method, url);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_cert), NULL);
  if (body != NULL)
    {
      g_autoptr (GBytes) b = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", b);
    }
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_main_context_pop_thread_default (context);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), <, 300);
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    return NULL;
  g_assert_true (json_parser_load_from_data (parser, data, len, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
sim_migrations_of (FerryWindow *window, FerryVm *vm)
{
  g_autoptr (JsonNode) state = sim_control (window, "GET", "/__sim/state", NULL);
  JsonObject *by
      = json_object_get_object_member (json_node_get_object (state), "migrationsByEntity");

  return json_object_has_member (by, ferry_vm_get_id (vm))
             ? json_object_get_int_member (by, ferry_vm_get_id (vm))
             : 0;
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
  g_assert_cmpint (sim_migrations_of (window, bad), ==, 0);

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
  for (guint i = 0; i < ferry_plan_get_n_items (plan); i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_cmpint (sim_migrations_of (window, ferry_plan_item_get_vm (item)), ==, 1);
    }
  /* Read-only: the started page lists the migrations; the steps cannot be changed. */
  g_assert_true (ferry_wizard_review_get_read_only (review));
  g_assert_cmpuint (count_named (GTK_WIDGET (review), "AdwActionRow"), >=, 0);
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

      g_assert_cmpint (sim_migrations_of (window, ferry_plan_item_get_vm (item)), ==, 1);
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

      g_assert_cmpint (sim_migrations_of (window, ferry_plan_item_get_vm (item)), ==, 1);
    }
  /* The first start's own answer ends too (its timeout, then its reconcile). */
  iterate_until (runner_idle, runner);
  g_object_unref (again);
  close_window (window);
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
        GtkWidget *dialog;

        ferry_plan_remove_vm (plan, bad);
        validate (review);
        click (GTK_WIDGET (start_button (review)));
        dialog = confirm_dialog ();
        if (dialog != NULL)
          {
            adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "start");
            gtk_window_destroy (GTK_WINDOW (dialog));
          }
        iterate_until (is_started, plan);
        assert_tracking_plan (window);
        iterate_a_while (4000);
        save_screenshot (window, homes[pass]);
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
      g_test_message ("no display");
      return 77;
    }
  adw_init ();
  g_content_type_set_mime_dirs (mime_dirs);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  segment = g_strdup ("/infra/segments/web-segment");
  app = ferry_application_new ("io.github.ferry_hcx.Ferry.TestReview", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  g_test_add_func ("/wizard-review/error-fix-warnings-start", test_error_fix_warnings_start);
  g_test_add_func ("/wizard-review/dropped-start", test_dropped_start);
  g_test_add_func ("/wizard-review/quit-mid-start", test_quit_mid_start);
  g_test_add_func ("/wizard-review/screenshots", test_screenshots);
  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (segment);
  g_clear_object (&other_pool);
  return status;
}
