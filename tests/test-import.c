/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: an RVTools export in the window, under Xvfb: the import dialog (progress, the
 * summary of what was read, a bad file's one message with nothing imported), a plan made
 * offline from the export (VMs, placement by name, saved, Review saying validation needs a
 * connection), then reopened connected to the simulator serving the same estate (changed
 * here and there) and reconciled: matched, changed and missing per VM; and the export's facts
 * in the badges of the manager's VMs, with their source and age. */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "ferry-import-reconcile.h"
#include "ferry-import.h"
#include "ferry-network-map-offline.h"
#include "ferry-plan-settings.h"
#include "ferry-plan-store.h"
#include "ferry-rvtools.h"
#include "rvtools-fixture.h"
#include "test-connect-common.h"

static char *tmp_dir;

/* A workbook of @n_vms of the fixture's estate (vCD left out when @omit_cd). */
static char *
write_workbook (const char *name, guint n_vms, gboolean omit_cd)
{
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  char *path = g_build_filename (tmp_dir, name, NULL);

  rv_fixture_add_estate (fx, n_vms);
  if (omit_cd)
    rv_fixture_omit_tab (fx, RV_VCD);
  rv_fixture_write_xlsx (fx, path, RV_DIALECT_WORKBOOK, FALSE);
  return path;
}

static gboolean
import_done (gpointer data)
{
  const char *state = ferry_import_dialog_get_state (data);

  return state != NULL && !g_str_equal (state, "progress");
}

static FerryImportDialog *
import_path (Fixture *f, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  FerryImportDialog *dialog = ferry_import_open_files (f->window, &file, 1);

  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "progress");
  iterate_until (import_done, dialog);
  return dialog;
}

static gboolean
has_line (const char *text, const char *line)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char *const *)lines, line);
}

#define assert_has_line(text, line)                                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!has_line ((text), (line)))                                                                \
      g_error ("%s:%d: no line “%s” in:\n%s", __FILE__, __LINE__, (line), (text));                 \
  }                                                                                                \
  G_STMT_END

/* The start page and the app menu offer the import; the summary says what was read. */
static void
test_summary (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_workbook ("estate.xlsx", 20, TRUE);
  GtkWidget *row = START_CHILD (f, "import_row");
  FerryImportDialog *dialog;
  g_autofree char *text = NULL;

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.import-rvtools");
  g_assert_true (gtk_widget_is_sensitive (row));

  dialog = import_path (f, path);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "summary");
  text = ferry_import_dialog_describe (dialog);
  g_test_message ("%s", text);
  assert_has_line (text, "Virtual Machines: 20 (18 powered on, 0 templates)");
  assert_has_line (text, "vCenters: vc01.corp.local, vc02.corp.local");
  assert_has_line (text, "Tabs Read: vInfo, vNetwork, vSnapshot, vTools, vMetaData");
  assert_has_line (text, "Tabs Missing: vCD (What they tell stays “Not checked”)");
  g_assert_nonnull (strstr (text, "Exported: 20 Nov 2026 ("));
  g_assert_nonnull (strstr (text, "Network Adapters: "));
  /* Kept by the window for the badges, and offered for offline planning. */
  g_assert_true (ferry_import_get_facts (f->window) == ferry_import_dialog_get_facts (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (dialog), FERRY_TYPE_IMPORT_DIALOG, "plan_button"))));
  /* The keyboard is on the next step. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (dialog), FERRY_TYPE_IMPORT_DIALOG, "plan_button"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_a_little ();
}

/* The per-tab CSV form: choosing its vInfo file brings the other tabs beside it. */
static void
test_csv (Fixture *f, gconstpointer data)
{
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  g_autofree char *dir = g_build_filename (tmp_dir, "csv-export", NULL);
  g_autofree char *vinfo = g_build_filename (dir, "RVTools_tabvInfo.csv", NULL);
  RvCsvOptions options = { .delimiter = ';', .bom = TRUE, .crlf = TRUE };
  FerryImportDialog *dialog;
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  rv_fixture_add_estate (fx, 20);
  rv_fixture_write_csv (fx, dir, "RVTools_tab", RV_DIALECT_CSV, &options);
  dialog = import_path (f, vinfo);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "summary");
  text = ferry_import_dialog_describe (dialog);
  assert_has_line (text, "Virtual Machines: 20 (18 powered on, 0 templates)");
  assert_has_line (text, "Tabs Read: vInfo, vNetwork, vSnapshot, vCD, vTools, vMetaData");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_a_little ();
}

/* A file that is no export: one message, nothing imported, a way to choose another. */
static void
test_bad_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (tmp_dir, "notes.xlsx", NULL);
  FerryImportDialog *dialog;
  AdwStatusPage *page;

  g_assert_true (g_file_set_contents (path, "hello, this is no workbook\n", -1, NULL));
  dialog = import_path (f, path);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "error");
  g_assert_nonnull (ferry_import_dialog_get_error (dialog));
  g_test_message ("%s", ferry_import_dialog_get_error (dialog));
  g_assert_nonnull (strstr (ferry_import_dialog_get_error (dialog), "notes.xlsx"));
  page = ADW_STATUS_PAGE (
      gtk_widget_get_template_child (GTK_WIDGET (dialog), FERRY_TYPE_IMPORT_DIALOG, "error_page"));
  g_assert_cmpstr (adw_status_page_get_description (page), ==,
                   ferry_import_dialog_get_error (dialog));
  g_assert_null (ferry_import_dialog_get_facts (dialog));
  g_assert_null (ferry_import_get_facts (f->window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (dialog), FERRY_TYPE_IMPORT_DIALOG, "choose_button"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_a_little ();
}

static gboolean
gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Cancel while reading: the dialog goes, and nothing is imported. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_workbook ("big.xlsx", 3000, FALSE);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  FerryImportDialog *dialog = ferry_import_open_files (f->window, &file, 1);
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "progress");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (dialog), FERRY_TYPE_IMPORT_DIALOG, "cancel_button"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  iterate_until (gone, &weak);
  g_assert_null (ferry_import_get_facts (f->window));
}

/* ---- Offline, then connected ---- */

typedef struct
{
  Fixture f;
  char *workbook;
} OfflineFixture;

/* The simulator serves the estate of the workbook, as it is now: app-00003 with twice the
 * memory, app-00005 gone (renamed, another id). */
static void
offline_set_up (OfflineFixture *o, gconstpointer data)
{
  g_autofree char *inventory = g_build_filename (tmp_dir, "inventory.json", NULL);
  FerrySimOptions opts = { 0 };

  o->workbook = write_workbook ("wave1.xlsx", 20, FALSE);
  rv_write_estate_now (o->workbook, inventory);
  opts.inventory_file = inventory;
  fixture_set_up (&o->f, &opts);
}

static void
offline_tear_down (OfflineFixture *o, gconstpointer data)
{
  fixture_tear_down (&o->f, data);
  g_free (o->workbook);
}

static FerryPlanItem *
item_named (FerryPlan *plan, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plan)); i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      if (g_strcmp0 (ferry_vm_get_name (ferry_plan_item_get_vm (item)), name) == 0)
        return item; /* the plan keeps it */
    }
  return NULL;
}

static gboolean
wizard_loaded (gpointer data)
{
  FerryWizard *wizard = ferry_window_get_wizard (data);

  return wizard != NULL && ferry_window_get_session (data) != NULL
         && ferry_wizard_vm_page_get_inventory (ferry_wizard_get_vm_page (wizard)) != NULL;
}

static FerryImportReconcile *
find_reconcile (void)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (FERRY_IS_IMPORT_RECONCILE (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return FERRY_IMPORT_RECONCILE (window);
    }
  return NULL;
}

static gboolean
reconcile_shown (gpointer data)
{
  return find_reconcile () != NULL;
}

static gboolean
destination_named (gpointer data)
{
  FerryPlan *plan = data;
  FerryContainer *cluster
      = ferry_plan_options_get_object (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_CLUSTER);

  return cluster != NULL && ferry_container_get_id (cluster) != NULL;
}

static void
test_offline_then_connected (OfflineFixture *o, gconstpointer data)
{
  Fixture *f = &o->f;
  FerryImportDialog *dialog = import_path (f, o->workbook);
  g_autofree char *url = sim_server (f);
  g_autoptr (FerryConnection) connection = ferry_connection_new (url, SIM_USER, NULL);
  g_autoptr (FerryPlan) plan = NULL;
  g_autoptr (GFile) saved = NULL;
  g_auto (GStrv) missing = NULL;
  g_autofree char *text = NULL;
  FerryWizard *wizard;
  FerryWizardVmPage *vm_page;
  FerryPlanSettings *panel;
  FerryImportReconcile *reconcile;
  FerryPlanStore *store = ferry_window_get_plan_store (f->window);
  FerryContainer *cluster;
  FerryVm *vm;
  g_autofree char *why = NULL;

  /* Plan Offline: the wizard with no connection, on the export's VMs. */
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "summary");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.plan-offline", NULL));
  iterate_a_little ();
  g_assert_null (ferry_window_get_session (f->window));
  wizard = ferry_window_get_wizard (f->window);
  g_assert_nonnull (wizard);
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "wizard");
  plan = g_object_ref (ferry_wizard_get_plan (wizard));
  g_assert_cmpstr (ferry_plan_get_name (plan), ==, "Plan from wave1");
  vm_page = ferry_wizard_get_vm_page (wizard);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_vm_page_get_inventory (vm_page)), ==,
                    20);
  g_assert_cmpuint (ferry_wizard_vm_page_select_names (
                        vm_page, "app-00001\napp-00003\napp-00005\napp-00007", &missing),
                    ==, 4);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  /* The badges say the export is where their facts came from. */
  for (guint i = 0; i < 20 && why == NULL; i++)
    {
      g_autoptr (FerryVm) any
          = g_list_model_get_item (ferry_wizard_vm_page_get_inventory (vm_page), i);

      why = ferry_wizard_vm_page_describe_problems (vm_page, any);
    }
  g_assert_nonnull (why);
  g_test_message ("%s", why);
  g_assert_nonnull (strstr (why, "from the RVTools export of 20 Nov 2026"));

  /* Options: placement by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_OPTIONS);
  panel = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (wizard));
  g_assert_false (
      gtk_widget_get_visible (ferry_plan_settings_get_row (panel, FERRY_PLAN_FIELD_CLUSTER)));
  /* Typed as a user types: each keystroke a new name. */
  {
    GtkEditable *entry = GTK_EDITABLE (find_named (GTK_WIDGET (panel), "cluster-name"));
    int position = 8;

    gtk_editable_set_text (entry, "Cluster-");
    gtk_editable_insert_text (entry, "1 ", -1, &position);
  }
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (panel), "datastore-name")),
                         "vsanDatastore");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (panel), "folder-name")),
                         "Workloads");
  cluster
      = ferry_plan_options_get_object (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_CLUSTER);
  g_assert_cmpstr (ferry_container_get_name (cluster), ==, "Cluster-1");
  g_assert_null (ferry_container_get_id (cluster));
  g_assert_null (ferry_wizard_get_blocker (wizard));
  /* One VM elsewhere: an override by name. */
  {
    FerryWizardOptionsPage *options = ferry_wizard_get_options_page (wizard);
    FerryPlanSettings *per_vm = ferry_wizard_options_page_get_override_panel (options);
    FerryPlanItem *item = item_named (plan, "app-00007");
    GtkSelectionModel *items = ferry_wizard_options_page_get_item_selection (options);

    g_assert_nonnull (item);
    ferry_wizard_options_page_show (options, "per-vm");
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
      {
        g_autoptr (FerryPlanItem) at = g_list_model_get_item (G_LIST_MODEL (items), i);

        if (at == item)
          gtk_selection_model_select_item (items, i, TRUE);
      }
    gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (per_vm), "cluster-name")),
                           "Cluster-2");
    g_assert_true (ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_CLUSTER));
    g_assert_cmpstr (
        ferry_container_get_name (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_CLUSTER)), ==,
        "Cluster-2");
    ferry_wizard_options_page_show (options, "defaults");
  }

  /* Networks: until destination networks are typed in or imported (test-offline-wave), the
   * connected NICs stay unmapped and the step says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_NETWORKS);
  g_assert_nonnull (ferry_wizard_get_blocker (wizard));
  iterate_a_little ();

  /* Saved like any plan; Close returns to the start page. */
  ferry_plan_store_flush (store);
  saved = ferry_plan_store_get_file (store, plan);
  g_assert_true (g_file_query_exists (saved, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-wizard", NULL));
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  g_assert_null (ferry_window_get_wizard (f->window));

  /* Connected: the offline plan is offered, then compared with the manager's inventory. */
  ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (f->sim));
  ferry_connection_store_add (f->connections, connection);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  answer_dialog ("open");
  iterate_until (wizard_loaded, f->window);
  wizard = ferry_window_get_wizard (f->window);
  g_assert_cmpstr (ferry_plan_get_id (ferry_wizard_get_plan (wizard)), ==,
                   ferry_plan_get_id (plan));
  iterate_until (reconcile_shown, NULL);
  reconcile = find_reconcile ();
  text = ferry_import_reconcile_describe (reconcile);
  g_test_message ("%s", text);
  assert_has_line (text, "2 unchanged, 1 changed, 1 missing");
  g_assert_nonnull (strstr (text, "app-00003: changed: Memory "));
  g_assert_nonnull (strstr (text, "app-00005: missing: "));
  g_assert_cmpuint (ferry_inventory_reconcile_count (ferry_import_reconcile_get_items (reconcile),
                                                     FERRY_RECONCILE_MATCHED),
                    ==, 2);
  gtk_window_destroy (GTK_WINDOW (reconcile));

  /* The placement typed offline is now the destination's. */
  plan = g_object_ref (ferry_wizard_get_plan (wizard));
  g_assert_cmpstr (ferry_plan_get_server (plan), ==, ferry_connection_get_server (connection));
  g_object_unref (plan);
  iterate_until (destination_named, ferry_wizard_get_plan (wizard));
  cluster = ferry_plan_options_get_object (ferry_plan_get_defaults (ferry_wizard_get_plan (wizard)),
                                           FERRY_PLAN_FIELD_CLUSTER);
  g_assert_cmpstr (ferry_container_get_id (cluster), ==, "domain-c8");
  cluster = ferry_plan_item_get_object (item_named (ferry_wizard_get_plan (wizard), "app-00007"),
                                        FERRY_PLAN_FIELD_CLUSTER);
  g_assert_cmpstr (ferry_container_get_id (cluster), ==, "domain-c1001");

  /* Enrichment: a manager VM without the pre-flight facts (as a real manager reports it) gets
   * the export's, imported now while connected, and its badge names the export. */
  vm_page = ferry_wizard_get_vm_page (wizard);
  /* app-00000's Tools do not run, says the export. */
  vm = rv_vm_named (ferry_wizard_vm_page_get_inventory (vm_page), "app-00000");
  g_assert_nonnull (vm);
  ferry_vm_set_snapshot_count (vm, -1);
  ferry_vm_set_hardware_version (vm, NULL);
  ferry_vm_set_tools_status (vm, NULL);
  ferry_vm_set_iso_mounted (vm, FERRY_TRI_STATE_UNKNOWN);
  g_clear_pointer (&why, g_free);
  why = ferry_wizard_vm_page_describe_problems (vm_page, vm);
  g_assert_true (why == NULL || strstr (why, "RVTools") == NULL);
  dialog = import_path (f, o->workbook);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "summary");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (dialog), FERRY_TYPE_IMPORT_DIALOG, "plan_button"))));
  g_assert_cmpint (ferry_vm_get_snapshot_count (vm), >=, 0);
  g_assert_cmpstr (ferry_vm_get_tools_status (vm), ==, "toolsNotRunning");
  g_clear_pointer (&why, g_free);
  why = ferry_wizard_vm_page_describe_problems (vm_page, vm);
  g_test_message ("%s", why);
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "VMware Tools is not running in app-00000"));
  g_assert_nonnull (strstr (why, "Snapshots, Mounted ISO, Hardware version, VMware Tools"));
  g_assert_nonnull (strstr (why, ": from the RVTools export of 20 Nov 2026, vc0"));
  g_assert_nonnull (strstr (why, "days old)"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_a_little ();
}

/* ---- Screenshots (only with FERRY_SCREENSHOT_DIR) ---- */

/* The window as X shows it (ImageMagick's import), so what is saved is what was painted. */
static void
save_screenshot (GtkWindow *window, const char *name, const char *suffix)
{
  const char *dir = g_getenv ("FERRY_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, suffix);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *xid = NULL;
  g_autoptr (GError) error = NULL;
  gint64 until = g_get_monotonic_time () + 1500 * 1000;
  int status = 0;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  xid = g_strdup_printf ("0x%lx", (unsigned long)gdk_x11_surface_get_xid (
                                      gtk_native_get_surface (GTK_NATIVE (window))));
  {
    const char *argv[] = { "import", "-window", xid, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                                 NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("screenshot %s", path);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *path = write_workbook ("RVTools_export_all.xlsx", 200, FALSE);
  g_autofree char *bad = g_build_filename (tmp_dir, "inventory-notes.xlsx", NULL);

  if (g_getenv ("FERRY_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("FERRY_SCREENSHOT_DIR not set");
      return;
    }
  g_assert_true (g_file_set_contents (bad, "not a workbook", -1, NULL));
  for (guint pass = 0; pass < 3; pass++)
    {
      const char *suffix = pass == 0 ? "" : pass == 1 ? "-narrow" : "-dark";
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (FerryInventoryFacts) now = ferry_rvtools_import (&file, 1, NULL, NULL);
      g_autoptr (GListModel) items = NULL;
      FerryImportDialog *dialog;
      FerryImportReconcile *reconcile;
      FerryWizard *wizard;
      FerryVm *vm;
      g_auto (GStrv) missing = NULL;

      adw_style_manager_set_color_scheme (style, pass == 2 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                           : ADW_COLOR_SCHEME_DEFAULT);
      if (pass == 1)
        gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 760);
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
            GTK_SCROLLED_WINDOW (START_CHILD (f, "scroller")));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      }
      save_screenshot (GTK_WINDOW (f->window), "ferry-import-start", suffix);
      dialog = import_path (f, bad);
      save_screenshot (GTK_WINDOW (dialog), "ferry-import-error", suffix);
      gtk_window_destroy (GTK_WINDOW (dialog));
      dialog = import_path (f, path);
      save_screenshot (GTK_WINDOW (dialog), "ferry-import-summary", suffix);

      /* The estate a while later, as the manager would show it. */
      vm = rv_vm_named (ferry_inventory_facts_get_vms (now), "app-00003");
      ferry_vm_set_memory_mb (vm, ferry_vm_get_memory_mb (vm) * 2);
      vm = rv_vm_named (ferry_inventory_facts_get_vms (now), "app-00007");
      ferry_vm_set_power_state (vm, FERRY_POWER_STATE_OFF);
      ferry_vm_set_name (rv_vm_named (ferry_inventory_facts_get_vms (now), "app-00005"), "gone");
      items = ferry_inventory_reconcile (ferry_import_dialog_get_facts (dialog), now,
                                         FERRY_RECONCILE_FLAG_NONE);
      reconcile = ferry_import_reconcile_new (GTK_WINDOW (f->window), items, "hcx01.corp.local");
      gtk_window_present (GTK_WINDOW (reconcile));
      save_screenshot (GTK_WINDOW (reconcile), "ferry-import-reconcile", suffix);
      gtk_window_destroy (GTK_WINDOW (reconcile));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.plan-offline", NULL));
      wizard = ferry_window_get_wizard (f->window);
      ferry_wizard_vm_page_select_names (ferry_wizard_get_vm_page (wizard),
                                         "app-00001\napp-00002\napp-00003\napp-00010\napp-00011",
                                         &missing);
      save_screenshot (GTK_WINDOW (f->window), "ferry-import-offline-vms", suffix);
      g_object_set (wizard, "step", FERRY_WIZARD_STEP_OPTIONS, NULL);
      {
        FerryPlanSettings *panel
            = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (wizard));

        gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (panel), "cluster-name")),
                               "Cluster-1");
        gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (panel), "datastore-name")),
                               "vsanDatastore");
      }
      save_screenshot (GTK_WINDOW (f->window), "ferry-import-offline-options", suffix);
      g_object_set (wizard, "step", FERRY_WIZARD_STEP_NETWORKS, NULL);
      save_screenshot (GTK_WINDOW (f->window), "ferry-import-offline-networks", suffix);
      /* The destination's networks typed in and imported, in their dialog and on the board. */
      {
        FerryWizardNetworksPage *networks = ferry_wizard_get_networks_page (wizard);
        FerryNetworkMap *map = ferry_plan_get_network_map (ferry_wizard_get_plan (wizard));
        const char *const names[] = { "web-segment", "app-segment", "db-segment", "mgmt-segment" };
        g_autoptr (GPtrArray) nets = g_ptr_array_new_with_free_func (g_object_unref);
        GtkWidget *destinations;

        for (guint i = 0; i < G_N_ELEMENTS (names); i++)
          g_ptr_array_add (nets, ferry_network_offline_new (names[i], "NsxtSegment", 0));
        ferry_network_set_vlan_id (g_ptr_array_index (nets, 0), 100);
        ferry_network_map_add_offline_destinations (map, (FerryNetwork *const *)nets->pdata,
                                                    nets->len);
        gtk_widget_activate_action (GTK_WIDGET (networks), "networks.destinations", NULL);
        destinations = ferry_wizard_networks_page_get_destinations_dialog (networks);
        gtk_editable_set_text (GTK_EDITABLE (find_named (destinations, "destination-name")),
                               "legacy-segment");
        save_screenshot (GTK_WINDOW (destinations), "ferry-import-offline-destinations", suffix);
        gtk_window_destroy (GTK_WINDOW (destinations));
        save_screenshot (GTK_WINDOW (f->window), "ferry-import-offline-networks-typed", suffix);
        g_assert_cmpstr (
            gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
                GTK_WIDGET (networks), FERRY_TYPE_WIZARD_NETWORKS_PAGE, "state_stack"))),
            ==, "board");
      }
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-wizard", NULL);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  int status;
  g_autofree char *cmd = NULL;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    g_error ("no display");
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  tmp_dir = g_dir_make_tmp ("ferry-import-XXXXXX", NULL);

  g_test_add ("/import/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/import/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/import/bad-file", Fixture, NULL, fixture_set_up, test_bad_file, fixture_tear_down);
  g_test_add ("/import/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/import/offline-then-connected", OfflineFixture, NULL, offline_set_up,
              test_offline_then_connected, offline_tear_down);
  g_test_add ("/import/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  status = g_test_run ();

  cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (cmd) != 0)
    g_warning ("could not remove %s", tmp_dir);
  g_free (tmp_dir);
  return status;
}
