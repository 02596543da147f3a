/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y.c: every control a screen reader meets has a meaningful name. Runs the window under
 * Xvfb with the accessibility bus on (AT-SPI over the test's private D-Bus session) and walks
 * what a screen reader sees: the start page, the trust dialog, the site page, the dashboard, the
 * wizard and the RVTools import (its dialog, offline planning, the reconciliation).
 *
 * A new page joins by driving the window to it and calling ferry_test_a11y_assert_named() on
 * the page (or on the window, or on a dialog), as test_site_page() does. */
#include "config.h"

#include "ferry-test-a11y.h"
#include "ferry-dashboard-private.h"
#include "ferry-import-reconcile.h"
#include "ferry-import.h"
#include "ferry-network-map-offline.h"
#include "ferry-plan-settings.h"
#include "rvtools-fixture.h"
#include "test-connect-common.h"
#include "tracker-test-common.h"

/* The rule itself, on the names GTK 4.8 produced before they were set. */
static void
test_rule (void)
{
  static const char *bad[] = { "",
                               "   ",
                               "GtkMenuButton",
                               "GtkImage",
                               "AdwEntryRow",
                               "C_onnect Connect",
                               "C_lear Clear",
                               "_Cancel Cancel",
                               "_Remember Password",
                               "Connect Connect",
                               "Trust and Connect Trust and Connect",
                               NULL };
  static const char *good[] = { "Main Menu",
                                "Show Password",
                                "Connect",
                                "Edit cloudadmin@vsphere.local on hcx.example.com",
                                "Forget cloud_admin@vsphere.local on hcx_1.example.com",
                                "Gtk is a toolkit",
                                "Server Address",
                                NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    if (ferry_test_a11y_name_problem (bad[i]) == NULL)
      g_error ("“%s” passes as a name", bad[i]);
  for (guint i = 0; good[i] != NULL; i++)
    if (ferry_test_a11y_name_problem (good[i]) != NULL)
      g_error ("“%s” is refused: %s", good[i], ferry_test_a11y_name_problem (good[i]));
}

/* The walker sees what GTK 4.8 gives unnamed controls, over the bus. */
static void
test_walker_catches (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *named = gtk_button_new_with_label ("Connect");
  guint n_checked = 0;
  g_auto (GStrv) problems = NULL;
  g_autofree char *all = NULL;

  gtk_box_append (GTK_BOX (box), gtk_menu_button_new ());
  gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("go-previous-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("C_onnect"));
  gtk_box_append (GTK_BOX (box), named);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Walker");
  gtk_window_present (GTK_WINDOW (window));
  iterate_a_little ();

  problems = ferry_test_a11y_check (box, &n_checked);
  all = g_strjoinv ("\n", problems);
  g_test_message ("found:\n%s", all);
  g_assert_cmpuint (n_checked, >=, 4);
  g_assert_cmpuint (g_strv_length (problems), ==, 3);
  g_assert_nonnull (strstr (all, "type name"));
  g_assert_nonnull (strstr (all, "mnemonic"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_a_little ();
}

static FerryConnection *
add_saved (Fixture *f, const char *server, const char *user, gboolean trusted)
{
  g_autoptr (FerryConnection) connection = ferry_connection_new (server, user, NULL);

  if (trusted)
    ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (f->sim));
  return ferry_connection_store_add (f->connections, connection);
}

static void
test_start_page (Fixture *f, gconstpointer data)
{
  /* Empty, then with saved connections and an error shown. */
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));

  add_saved (f, "hcx-a.example.com", "cloudadmin@vsphere.local", FALSE);
  add_saved (f, "hcx-b.example.com", "admin@corp.example", FALSE);
  fill_form (f, "127.0.0.1:1", SIM_USER, "x", FALSE);
  click_connect (f);
  g_assert_nonnull (error_text (f));
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));

  /* The names themselves: the saved rows' buttons say which connection they act on. */
  {
    GtkWidget *row = saved_row (f, 0);
    g_autofree char *edit = ferry_test_a11y_get_name (find_named (row, "edit"));
    g_autofree char *forget = ferry_test_a11y_get_name (find_named (row, "forget"));
    g_autofree char *connect = ferry_test_a11y_get_name (START_CHILD (f, "connect_button"));

    g_assert_cmpstr (edit, ==, "Edit cloudadmin@vsphere.local on hcx-a.example.com");
    g_assert_cmpstr (forget, ==, "Forget cloudadmin@vsphere.local on hcx-a.example.com");
    g_assert_cmpstr (connect, ==, "Connect");
  }
}

static void
test_trust_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  GtkWindow *dialog;

  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (dialog_shown, NULL);
  dialog = find_dialog ();
  ferry_test_a11y_assert_named (GTK_WIDGET (dialog));
  answer_dialog ("cancel");
}

static void
test_site_page (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);

  add_saved (f, url, SIM_USER, TRUE);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));
}

static gboolean
on_home_page (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (ferry_window_get_visible_page (f->window), "dashboard") == 0
         && sites_checked (f);
}

/* Migration Tracking, shown, with migrations in its list and one selected (details filled). */
static gboolean
dashboard_has_rows (gpointer data)
{
  FerryDashboard *dashboard = data;
  GtkColumnView *view = _ferry_dashboard_get_column_view (dashboard);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  return g_list_model_get_n_items (model) > 0;
}

static void
test_dashboard (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  FerryDashboard *dashboard;
  GtkSelectionModel *selection;
  JsonNode *reply;
  TtWorld *w;

  /* Bulk Migration switched off in the mesh: the home page's banner says so. */
  reply = ferry_test_sim_control (
      f->sim, "POST", "/__sim/services",
      "{\"side\":\"mesh\",\"service\":\"BULK_MIGRATION\",\"enabled\":false}");
  g_clear_pointer (&reply, json_node_unref);
  add_saved (f, url, SIM_USER, TRUE);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  /* Connected, the home page: the dashboard, the site pair in the header bar. */
  iterate_until (on_home_page, f);
  dashboard = ferry_window_get_dashboard (f->window);
  g_assert_nonnull (dashboard);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (
      GTK_WIDGET (dashboard), FERRY_TYPE_DASHBOARD, "prereq_revealer"))));
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));
  reply = ferry_test_sim_control (
      f->sim, "POST", "/__sim/services",
      "{\"side\":\"mesh\",\"service\":\"BULK_MIGRATION\",\"enabled\":true}");
  g_clear_pointer (&reply, json_node_unref);

  /* With migrations: rows, and the details of one. */
  w = tt_world_connect (f->sim, url, ferry_sim_thread_get_fingerprint (f->sim));
  g_free (tt_start_wave (w, 2, G_MAXINT64, 0, NULL));
  w->sim = NULL; /* the fixture's */
  tt_world_free (w);
  ferry_dashboard_refresh (dashboard);
  iterate_until (dashboard_has_rows, dashboard);
  selection = gtk_column_view_get_model (_ferry_dashboard_get_column_view (dashboard));
  gtk_selection_model_select_item (selection, 0, TRUE);
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));
}

/* The migration wizard, step by step: the VM step, then Options (All VMs, and Per VM with a VM
 * selected), then Networks (the board, a source mapped and expanded, the chooser, the
 * suggestions). */
static gboolean
wizard_loaded (gpointer data)
{
  FerryWindow *window = data;
  FerryWizard *wizard = ferry_window_get_wizard (window);

  return wizard != NULL
         && ferry_wizard_vm_page_get_inventory (ferry_wizard_get_vm_page (wizard)) != NULL;
}

static gboolean
destination_loaded (gpointer data)
{
  GtkWidget *row = ferry_plan_settings_get_row (data, FERRY_PLAN_FIELD_DATASTORE);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return model != NULL && g_list_model_get_n_items (model) > 1;
}

static gboolean
networks_loaded (gpointer data)
{
  return g_strcmp0 (ferry_wizard_networks_page_get_state (data), "board") == 0;
}

static GtkWidget *
find_class (GtkWidget *root, const char *css_class)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (c, css_class) && gtk_widget_get_visible (c))
        return c;
      if ((found = find_class (c, css_class)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_wizard (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autoptr (FerryVm) vm = NULL;
  FerryWizard *wizard;
  FerryWizardVmPage *page;
  FerryWizardOptionsPage *options;

  add_saved (f, url, SIM_USER, TRUE);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  iterate_until (sites_checked, f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.migrate-vms", NULL);
  iterate_until (wizard_loaded, f->window);
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));

  /* Options, with one VM chosen (searched for by its name, so the VM list shows its row). */
  wizard = ferry_window_get_wizard (f->window);
  page = ferry_wizard_get_vm_page (wizard);
  options = ferry_wizard_get_options_page (wizard);
  vm = g_list_model_get_item (ferry_wizard_vm_page_get_inventory (page), 0);
  ferry_wizard_vm_page_set_search (page, ferry_vm_get_name (vm));
  gtk_selection_model_select_item (ferry_wizard_vm_page_get_selection (page), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_OPTIONS);
  ferry_wizard_options_page_show (options, "defaults");
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));

  /* Per VM, with the VM selected: its own settings beside the list. */
  ferry_wizard_options_page_show (options, "per-vm");
  gtk_selection_model_select_item (ferry_wizard_options_page_get_item_selection (options), 0, TRUE);
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));

  /* Networks: the board, one source mapped and expanded (its link, its NICs), the "Map To…"
   * chooser open, then the suggestions dialog. */
  {
    FerryPlanSettings *defaults = ferry_wizard_options_page_get_defaults_panel (options);
    FerryWizardNetworksPage *networks = ferry_wizard_get_networks_page (wizard);
    FerryNetworkMap *map = ferry_plan_get_network_map (ferry_wizard_get_plan (wizard));
    GtkSelectionModel *sources = ferry_wizard_networks_page_get_source_selection (networks);
    g_autoptr (GtkTreeListRow) row = NULL;
    g_autoptr (FerryNetworkSource) source = NULL;
    g_autoptr (FerryNetwork) target = NULL;

    iterate_until (destination_loaded, defaults);
    adw_combo_row_set_selected (
        ADW_COMBO_ROW (ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_CLUSTER)), 1);
    adw_combo_row_set_selected (
        ADW_COMBO_ROW (ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_DATASTORE)), 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
    g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_NETWORKS);
    iterate_until (networks_loaded, networks);
    ferry_test_a11y_assert_named (GTK_WIDGET (f->window));

    row = g_list_model_get_item (G_LIST_MODEL (sources), 0);
    source = gtk_tree_list_row_get_item (row);
    target = g_list_model_get_item (ferry_wizard_networks_page_get_targets (networks), 0);
    ferry_network_map_map (map, &source, 1, target);
    gtk_tree_list_row_set_expanded (row, TRUE);
    gtk_selection_model_select_item (sources, 1, TRUE);
    iterate_a_little ();
    ferry_test_a11y_assert_named (GTK_WIDGET (f->window));
    /* The link and the destination say what is mapped to what. */
    {
      g_autofree char *expected
          = g_strdup_printf ("%s mapped to %s", ferry_network_source_get_name (source),
                             ferry_network_get_name (target));
      GtkWidget *link = find_class (GTK_WIDGET (networks), "network-link");
      g_autofree char *name = ferry_test_a11y_get_name (link);

      g_assert_cmpstr (name, ==, expected);
    }

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (networks), "networks.map-to", NULL));
    iterate_a_little ();
    g_assert_nonnull (ferry_wizard_networks_page_get_chooser (networks));
    ferry_test_a11y_assert_named (ferry_wizard_networks_page_get_chooser (networks));
    gtk_popover_popdown (GTK_POPOVER (ferry_wizard_networks_page_get_chooser (networks)));
    iterate_a_little ();

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (networks), "networks.suggest", NULL));
    iterate_a_little ();
    ferry_test_a11y_assert_named (ferry_wizard_networks_page_get_suggestions_dialog (networks));
    gtk_window_destroy (GTK_WINDOW (ferry_wizard_networks_page_get_suggestions_dialog (networks)));
  }
}

/* An RVTools export: the import dialog's summary and its error, the wizard planning offline
 * (Options with placement typed by name), and the reconciliation dialog. */
static gboolean
import_done (gpointer data)
{
  const char *state = ferry_import_dialog_get_state (data);

  return state != NULL && !g_str_equal (state, "progress");
}

static FerryImportDialog *
import_file (Fixture *f, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  FerryImportDialog *dialog = ferry_import_open_files (f->window, &file, 1);

  iterate_until (import_done, dialog);
  return dialog;
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  g_autofree char *dir = g_dir_make_tmp ("ferry-a11y-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.xlsx", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr (FerryInventoryFacts) manager = ferry_inventory_facts_new (NULL);
  g_autoptr (GListModel) items = NULL;
  FerryImportDialog *dialog;
  FerryImportReconcile *reconcile;
  FerryWizard *wizard;
  g_autoptr (FerryVm) vm = NULL;

  rv_fixture_add_estate (fx, 30);
  rv_fixture_write_xlsx (fx, path, RV_DIALECT_WORKBOOK, FALSE);
  g_assert_true (g_file_set_contents (bad, "no workbook", -1, NULL));

  dialog = import_file (f, bad);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "error");
  ferry_test_a11y_assert_named (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = import_file (f, path);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "summary");
  ferry_test_a11y_assert_named (GTK_WIDGET (dialog));

  /* The reconciliation as a plan of the export would meet an empty manager. */
  items = ferry_inventory_reconcile (ferry_import_dialog_get_facts (dialog), manager,
                                     FERRY_RECONCILE_FLAG_NONE);
  reconcile = ferry_import_reconcile_new (GTK_WINDOW (f->window), items, "hcx01.example.com");
  gtk_window_present (GTK_WINDOW (reconcile));
  iterate_a_little ();
  ferry_test_a11y_assert_named (GTK_WIDGET (reconcile));
  gtk_window_destroy (GTK_WINDOW (reconcile));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.plan-offline", NULL));
  iterate_a_little ();
  wizard = ferry_window_get_wizard (f->window);
  g_assert_nonnull (wizard);
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));
  vm = g_list_model_get_item (
      ferry_wizard_vm_page_get_inventory (ferry_wizard_get_vm_page (wizard)), 0);
  ferry_plan_add_vm (ferry_wizard_get_plan (wizard), vm);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_OPTIONS);
  ferry_test_a11y_assert_named (GTK_WIDGET (f->window));

  /* Offline destination networks: the dialog, empty and with a typed-in network. */
  {
    FerryWizardNetworksPage *networks = ferry_wizard_get_networks_page (wizard);
    GtkWidget *destinations;

    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (networks), "networks.destinations", NULL));
    destinations = ferry_wizard_networks_page_get_destinations_dialog (networks);
    g_assert_nonnull (destinations);
    iterate_a_little ();
    ferry_test_a11y_assert_named (destinations);
    gtk_editable_set_text (GTK_EDITABLE (find_named (destinations, "destination-name")),
                           "web-segment");
    g_assert_true (gtk_widget_activate_action (destinations, "destinations.add", NULL));
    iterate_a_little ();
    g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_offline_destinations (
                          ferry_plan_get_network_map (ferry_wizard_get_plan (wizard)))),
                      ==, 1);
    ferry_test_a11y_assert_named (destinations);
    gtk_window_destroy (GTK_WINDOW (destinations));
  }
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The accessibility bus is what this test is about: no bus is a failure, not a skip. */
  if (!ferry_test_a11y_start (&error))
    g_error ("cannot start the accessibility bus (is at-spi2-core installed?): %s", error->message);
  if (!gtk_init_check ())
    g_error ("no display");
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/a11y/rule", test_rule);
  g_test_add_func ("/a11y/walker-catches", test_walker_catches);
#define ADD(path, func)                                                                            \
  g_test_add ("/a11y/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("start-page", test_start_page);
  ADD ("trust-dialog", test_trust_dialog);
  ADD ("site-page", test_site_page);
  ADD ("dashboard", test_dashboard);
  ADD ("wizard", test_wizard);
  ADD ("import", test_import);
#undef ADD

  status = g_test_run ();
  ferry_test_a11y_stop ();
  return status;
}
