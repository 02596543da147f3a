/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-offline-wave.c: issue 18's "Done when", under Xvfb, once per file form of the export
 * (the .xlsx workbook, the per-tab CSV files): with only an RVTools export, a wave of 200 VMs
 * is planned offline (selection, placement by name, networks mapped on the board against
 * destination networks typed in and imported from a list file) and saved; then Ferry connects
 * to the simulator serving the same estate (one VM changed since, one gone), opens the plan,
 * reconciles it (unchanged, changed, missing per VM; the typed-in networks bound to the
 * manager's by name, one not on the destination shown as such), fills the badges from the
 * export's facts with their source, validates and starts; the simulator then holds one
 * migration per VM of the wave. */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "ferry-import-reconcile.h"
#include "ferry-import.h"
#include "ferry-network-map-offline.h"
#include "ferry-plan-runner.h"
#include "ferry-plan-settings.h"
#include "ferry-plan-start.h"
#include "ferry-plan-store.h"
#include "ferry-rvtools.h"
#include "ferry-wizard-networks-destinations.h"
#include "ferry-wizard-review.h"
#include "rvtools-fixture.h"
#include "test-connect-common.h"

#define N_ESTATE 260
#define N_WAVE 200

static char *tmp_dir;

typedef struct
{
  Fixture f;
  char *export_path; /* the workbook, or the vInfo CSV */
  char *list_path;   /* a list file of destination networks */
} WaveFixture;

/* The export in the form asked for, and the simulator serving its estate as it is now:
 * app-00003 with twice the memory, app-00005 gone (renamed, another id). */
static void
wave_set_up (WaveFixture *w, gconstpointer data)
{
  gboolean csv = GPOINTER_TO_INT (data);
  g_autofree char *dir = g_build_filename (tmp_dir, csv ? "csv" : "xlsx", NULL);
  g_autofree char *inventory = g_build_filename (dir, "inventory.json", NULL);
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  FerrySimOptions opts = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  rv_fixture_add_estate (fx, N_ESTATE);
  if (csv)
    {
      rv_fixture_write_csv (fx, dir, "RVTools_tab", RV_DIALECT_CSV, NULL);
      w->export_path = g_build_filename (dir, "RVTools_tabvInfo.csv", NULL);
    }
  else
    {
      w->export_path = g_build_filename (dir, "wave1.xlsx", NULL);
      rv_fixture_write_xlsx (fx, w->export_path, RV_DIALECT_WORKBOOK, FALSE);
    }
  w->list_path = g_build_filename (dir, "destination-networks.csv", NULL);
  g_assert_true (g_file_set_contents (w->list_path,
                                      "Name,Type,VLAN\r\n"
                                      "app-segment,segment,\r\n"
                                      "db-segment,segment,\r\n"
                                      "mgmt-segment,NSX segment,\r\n"
                                      "web-segment,segment,\r\n",
                                      -1, NULL));

  rv_write_estate_now (w->export_path, inventory);
  opts.inventory_file = inventory;
  fixture_set_up (&w->f, &opts);
}

static void
wave_tear_down (WaveFixture *w, gconstpointer data)
{
  fixture_tear_down (&w->f, data);
  g_free (w->export_path);
  g_free (w->list_path);
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

  iterate_until (import_done, dialog);
  g_assert_cmpstr (ferry_import_dialog_get_state (dialog), ==, "summary");
  return dialog;
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
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

static GtkWidget *
confirm_dialog (void)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), "confirm-warnings") == 0)
        return GTK_WIDGET (window);
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

static gboolean
manager_networks_loaded (gpointer data)
{
  FerryNetworkMap *map = data;

  return ferry_network_map_get_destinations (map) != NULL && !ferry_network_map_get_offline (map);
}

static gboolean
placement_resolved (gpointer data)
{
  FerryContainer *cluster
      = ferry_plan_options_get_object (ferry_plan_get_defaults (data), FERRY_PLAN_FIELD_CLUSTER);

  return cluster != NULL && ferry_container_get_id (cluster) != NULL;
}

static gboolean
runner_idle (gpointer data)
{
  return !ferry_plan_runner_get_busy (data);
}

static gboolean
destinations_idle (gpointer data)
{
  return !ferry_wizard_networks_destinations_get_busy (data);
}

static gboolean
is_started (gpointer data)
{
  return ferry_plan_get_read_only (data);
}

static FerryNetwork *
destination_named (FerryNetworkMap *map, const char *name)
{
  GListModel *list = ferry_network_map_get_destinations (map);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (FerryNetwork) net = g_list_model_get_item (list, i);

      if (g_strcmp0 (ferry_network_get_name (net), name) == 0)
        return net; /* the list keeps it */
    }
  return NULL;
}

static FerryNetworkSource *
source_named (FerryNetworkMap *map, const char *name)
{
  GListModel *sources = ferry_network_map_get_sources (map);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (FerryNetworkSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (ferry_network_source_get_name (source), name) == 0)
        return source; /* the map keeps it */
    }
  return NULL;
}

static void
map_by_name (FerryNetworkMap *map, const char *source_name, const char *target_name)
{
  FerryNetworkSource *source = source_named (map, source_name);
  FerryNetwork *target = destination_named (map, target_name);

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  ferry_network_map_map (map, &source, 1, target);
}

/* Per VM on the Options step: the items past what fits on vsanDatastore (31 TB free on the
 * simulator) to vsanDatastore-2 (9 TB), the rest to DatastoreCluster-1 (8 TB). */
static void
spread_datastores (FerryWizardOptionsPage *options, FerryPlan *plan)
{
  static const struct
  {
    const char *name;
    guint64 room;
  } stores[] = { { "vsanDatastore-2", 8000ull * 1000 * 1000 * 1000 },
                 { "DatastoreCluster-1", 7000ull * 1000 * 1000 * 1000 } };
  FerryPlanSettings *per_vm = ferry_wizard_options_page_get_override_panel (options);
  GtkSelectionModel *items = ferry_wizard_options_page_get_item_selection (options);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));
  guint64 used = 0, room = 29000ull * 1000 * 1000 * 1000;
  guint store = 0, first = 0;

  ferry_wizard_options_page_show (options, "per-vm");
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr (FerryPlanItem) item
          = i < n ? g_list_model_get_item (G_LIST_MODEL (items), i) : NULL;
      guint64 bytes
          = item != NULL ? (guint64)ferry_vm_get_disk_bytes (ferry_plan_item_get_vm (item)) : 0;

      if (item != NULL && used + bytes <= room)
        {
          used += bytes;
          continue;
        }
      /* Items first..i-1 fit where they are; from i on, the next datastore. */
      if (first > 0)
        {
          gtk_selection_model_select_range (items, first, i - first, TRUE);
          gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (per_vm), "datastore-name")),
                                 stores[store - 1].name);
        }
      if (item == NULL)
        break;
      g_assert_cmpuint (store, <, G_N_ELEMENTS (stores));
      room = stores[store++].room;
      used = bytes;
      first = i;
    }
  gtk_selection_model_unselect_all (items);
  ferry_wizard_options_page_show (options, "defaults");
}

static void
type_destination (GtkWidget *dialog, const char *name, guint type_index, gboolean added)
{
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "destination-name")), name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "destination-type")), type_index);
  g_assert_true (gtk_widget_activate_action (dialog, "destinations.add", NULL));
  /* Added: the field is cleared for the next; refused: what was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (dialog, "destination-name"))),
                   ==, added ? "" : name);
}

static void
test_wave (WaveFixture *w, gconstpointer data)
{
  Fixture *f = &w->f;
  FerryImportDialog *dialog = import_path (f, w->export_path);
  g_autofree char *url = sim_server (f);
  g_autoptr (FerryConnection) connection = ferry_connection_new (url, SIM_USER, NULL);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (FerryPlan) plan = NULL;
  g_autoptr (JsonNode) sim_state = NULL;
  g_autoptr (GFile) saved = NULL;
  g_autoptr (GFile) list_file = g_file_new_for_path (w->list_path);
  g_auto (GStrv) missing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *why = NULL;
  g_autofree char *saved_json = NULL;
  FerryPlanStore *store = ferry_window_get_plan_store (f->window);
  FerryWizard *wizard;
  FerryWizardVmPage *vm_page;
  FerryWizardNetworksPage *networks;
  FerryWizardReview *review;
  FerryPlanRunner *runner;
  FerryPlanSettings *panel;
  FerryNetworkMap *map;
  FerryImportReconcile *reconcile;
  GtkWidget *destinations;
  FerryVm *vm;
  const char *subtitle;
  guint n_items;

  /* Plan Offline from the export alone; the header names the export. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.plan-offline", NULL));
  iterate_a_little ();
  g_assert_null (ferry_window_get_session (f->window));
  wizard = ferry_window_get_wizard (f->window);
  g_assert_nonnull (wizard);
  subtitle = ferry_window_get_subtitle (f->window);
  g_test_message ("subtitle: %s", subtitle);
  g_assert_nonnull (subtitle);
  g_assert_true (
      g_str_has_prefix (subtitle, "Planning offline from the RVTools export of 20 Nov 2026"));
  {
    g_autofree char *base = g_path_get_basename (w->export_path);
    g_autofree char *tail = NULL;

    /* A per-tab export is named by its folder. */
    if (g_str_has_suffix (w->export_path, ".csv"))
      {
        g_autofree char *folder = g_path_get_dirname (w->export_path);

        g_free (base);
        base = g_path_get_basename (folder);
      }
    tail = g_strdup_printf ("(%s)", base);
    if (!g_str_has_suffix (subtitle, tail) && strstr (subtitle, "(") == NULL)
      g_error ("the subtitle “%s” does not name the file", subtitle);
  }

  /* A wave of 200 of the export's 260 VMs. */
  plan = g_object_ref (ferry_wizard_get_plan (wizard));
  vm_page = ferry_wizard_get_vm_page (wizard);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_vm_page_get_inventory (vm_page)), ==,
                    N_ESTATE);
  /* Powered-off VMs would need Cold Migration: this wave leaves them out. */
  for (guint i = 0, n = 0; n < N_WAVE && i < N_ESTATE; i++)
    {
      g_autoptr (FerryVm) any
          = g_list_model_get_item (ferry_wizard_vm_page_get_inventory (vm_page), i);

      if (ferry_vm_get_power_state (any) != FERRY_POWER_STATE_ON)
        continue;
      g_string_append_printf (names, "%s\n", ferry_vm_get_name (any));
      n++;
    }
  g_assert_nonnull (strstr (names->str, "app-00003\n"));
  g_assert_nonnull (strstr (names->str, "app-00005\n"));
  g_assert_cmpuint (ferry_wizard_vm_page_select_names (vm_page, names->str, &missing), ==, N_WAVE);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, N_WAVE);

  /* Options: placement by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_OPTIONS);
  panel = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (wizard));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (panel), "cluster-name")),
                         "Cluster-1");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (panel), "datastore-name")),
                         "vsanDatastore");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (panel), "folder-name")),
                         "Workloads");
  /* Tools not running and mounted ISOs in the export: power off and unmount for the switchover
   * (the Options step's switches). */
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_FORCE_POWER_OFF,
                                  TRUE);
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_REMOVE_ISOS,
                                  TRUE);
  /* The wave does not fit on one datastore: the rest goes to two others, per VM, by name. */
  spread_datastores (ferry_wizard_get_options_page (wizard), plan);
  g_assert_null (ferry_wizard_get_blocker (wizard));

  /* Networks: nothing to map to until the destination's networks are typed in or imported. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_NETWORKS);
  networks = ferry_wizard_get_networks_page (wizard);
  map = ferry_plan_get_network_map (plan);
  g_assert_null (ferry_network_map_get_destinations (map));
  g_assert_nonnull (ferry_wizard_get_blocker (wizard));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (networks), FERRY_TYPE_WIZARD_NETWORKS_PAGE, "destinations_button"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (networks), "networks.destinations", NULL));
  destinations = ferry_wizard_networks_page_get_destinations_dialog (networks);
  g_assert_nonnull (destinations);
  iterate_a_little ();
  /* Two typed in (one the destination will not have), the rest from a list file. */
  type_destination (destinations, "web-segment", 1, TRUE);
  type_destination (destinations, "legacy-segment", 2, TRUE);
  type_destination (destinations, "WEB-SEGMENT", 0, FALSE); /* already listed */
  g_assert_nonnull (strstr (ferry_wizard_networks_destinations_get_message (
                                FERRY_WIZARD_NETWORKS_DESTINATIONS (destinations)),
                            "already listed"));
  /* A list with a bad row is refused whole, saying which row. */
  {
    g_autofree char *bad_path = g_strconcat (w->list_path, ".bad", NULL);
    g_autoptr (GFile) bad_file = g_file_new_for_path (bad_path);

    g_assert_true (
        g_file_set_contents (bad_path, "name,type\ndmz-segment,segment\nt0,tier-0\n", -1, NULL));
    ferry_wizard_networks_destinations_import_file (
        FERRY_WIZARD_NETWORKS_DESTINATIONS (destinations), bad_file);
    iterate_until (destinations_idle, destinations);
    g_assert_nonnull (strstr (ferry_wizard_networks_destinations_get_message (
                                  FERRY_WIZARD_NETWORKS_DESTINATIONS (destinations)),
                              "row 3: “tier-0” is not a network type"));
    g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_destinations (map)), ==, 2);
  }
  /* One typed by mistake, removed with its row's button. */
  type_destination (destinations, "typo-segment", 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_destinations (map)), ==, 3);
  {
    GtkWidget *list = find_named (destinations, "destination-list");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    GtkWidget *remove = find_type (row, GTK_TYPE_BUTTON);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "typo-segment");
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
  }
  g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_destinations (map)), ==, 2);
  ferry_wizard_networks_destinations_import_file (FERRY_WIZARD_NETWORKS_DESTINATIONS (destinations),
                                                  list_file);
  iterate_until (destinations_idle, destinations);
  g_assert_cmpstr (ferry_wizard_networks_destinations_get_message (
                       FERRY_WIZARD_NETWORKS_DESTINATIONS (destinations)),
                   ==, "Added 3 networks; 1 were already listed.");
  g_assert_true (ferry_network_map_get_offline (map));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_destinations (map)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_networks_page_get_targets (networks)),
                    ==, 5);
  gtk_window_destroy (GTK_WINDOW (destinations));
  iterate_a_little ();
  map_by_name (map, "VLAN100-Web", "web-segment");
  map_by_name (map, "VLAN200-App", "app-segment");
  map_by_name (map, "VLAN300-DB", "db-segment");
  map_by_name (map, "VLAN400-Mgmt", "mgmt-segment");
  map_by_name (map, "VM Network", "legacy-segment");
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);
  g_assert_null (ferry_wizard_get_blocker (wizard));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_REVIEW);

  /* Saved like any plan, with its typed-in destinations. */
  ferry_plan_store_flush (store);
  saved = ferry_plan_store_get_file (store, plan);
  g_assert_true (g_file_load_contents (saved, NULL, &saved_json, NULL, NULL, NULL));
  g_assert_nonnull (strstr (saved_json, "\"destinations\""));
  g_assert_nonnull (strstr (saved_json, "offline:legacy-segment"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-wizard", NULL));
  g_assert_null (ferry_window_get_wizard (f->window));
  g_clear_object (&plan);

  /* Connected to the simulator serving the same estate: the plan is offered and reconciled. */
  ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (f->sim));
  ferry_connection_store_add (f->connections, connection);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  answer_dialog ("open");
  iterate_until (wizard_loaded, f->window);
  wizard = ferry_window_get_wizard (f->window);
  plan = g_object_ref (ferry_wizard_get_plan (wizard));
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, N_WAVE);
  iterate_until (reconcile_shown, NULL);
  reconcile = find_reconcile ();
  text = ferry_import_reconcile_describe (reconcile);
  g_assert_nonnull (strstr (text, "198 unchanged, 1 changed, 1 missing"));
  g_assert_nonnull (strstr (text, "app-00003: changed: Memory "));
  g_assert_nonnull (strstr (text, "app-00005: missing: "));
  gtk_window_destroy (GTK_WINDOW (reconcile));

  /* The networks typed in are the manager's now, by name; one the destination lacks says so,
   * and the offline undo history is gone. */
  map = ferry_plan_get_network_map (plan);
  iterate_until (manager_networks_loaded, map);
  g_assert_false (ferry_network_map_get_can_undo (map));
  g_assert_cmpstr (
      ferry_network_get_id (ferry_network_source_get_target (source_named (map, "VLAN100-Web"))),
      ==, "/infra/segments/web-segment");
  g_assert_cmpstr (
      ferry_network_get_id (ferry_network_source_get_target (source_named (map, "VLAN400-Mgmt"))),
      ==, "/infra/segments/mgmt-segment");
  g_assert_cmpstr (ferry_network_source_get_problem (source_named (map, "VM Network")), ==,
                   "legacy-segment is no longer on the destination");
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (ferry_wizard_get_networks_page (wizard)),
                                     FERRY_TYPE_WIZARD_NETWORKS_PAGE, "destinations_button"))));
  map_by_name (map, "VM Network", "dmz-segment");
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);

  /* Badges from the export's facts, with their source: a manager VM that does not report
   * them (as a real manager does not) gets the export's, imported again while connected. */
  vm_page = ferry_wizard_get_vm_page (wizard);
  vm = NULL;
  for (guint i = 0; i < ferry_plan_get_n_items (plan) && vm == NULL; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      if (ferry_vm_get_snapshot_count (ferry_plan_item_get_vm (item)) > 0)
        vm = ferry_plan_item_get_vm (item);
    }
  g_assert_nonnull (vm); /* a VM of the wave with snapshots (a warning: they are kept) */
  ferry_vm_set_snapshot_count (vm, -1);
  ferry_vm_set_hardware_version (vm, NULL);
  ferry_vm_set_tools_status (vm, NULL);
  ferry_vm_set_iso_mounted (vm, FERRY_TRI_STATE_UNKNOWN);
  why = ferry_wizard_vm_page_describe_problems (vm_page, vm);
  g_assert_true (why == NULL || strstr (why, "RVTools") == NULL);
  g_clear_pointer (&why, g_free);
  dialog = import_path (f, w->export_path);
  g_assert_cmpint (ferry_vm_get_snapshot_count (vm), >, 0);
  g_assert_nonnull (ferry_vm_get_hardware_version (vm));
  why = ferry_wizard_vm_page_describe_problems (vm_page, vm);
  g_test_message ("%s", why);
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "snapshot"));
  g_assert_nonnull (strstr (why, ": from the RVTools export of 20 Nov 2026"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The VM the manager no longer has leaves the wave; the placement typed by name resolves. */
  {
    g_autoptr (GPtrArray) gone = g_ptr_array_new ();

    for (guint i = 0; i < ferry_plan_get_n_items (plan); i++)
      {
        g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

        if (g_strcmp0 (ferry_vm_get_name (ferry_plan_item_get_vm (item)), "app-00005") == 0)
          g_ptr_array_add (gone, ferry_plan_item_get_vm (item));
      }
    g_assert_cmpuint (gone->len, ==, 1);
    ferry_plan_remove_vms (plan, (FerryVm *const *)gone->pdata, gone->len);
  }
  n_items = ferry_plan_get_n_items (plan);
  g_assert_cmpuint (n_items, ==, N_WAVE - 1);

  /* The placement typed by name is the destination's now. */
  iterate_until (placement_resolved, plan);

  /* Validate and start from Review. */
  review = FERRY_WIZARD_REVIEW (find_type (GTK_WIDGET (wizard), FERRY_TYPE_WIZARD_REVIEW));
  g_assert_nonnull (review);
  runner = ferry_wizard_review_get_runner (review);
  while (ferry_wizard_get_step (wizard) != FERRY_WIZARD_STEP_REVIEW)
    {
      int step = ferry_wizard_get_step (wizard);

      iterate_a_little ();
      if (ferry_wizard_get_blocker (wizard) != NULL)
        {
          for (guint i = 0; i < ferry_plan_get_n_items (plan); i++)
            {
              g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
              g_autofree char *p = NULL;

              if (!ferry_plan_item_get_has_errors (item))
                continue;
              p = ferry_wizard_vm_page_describe_problems (vm_page, ferry_plan_item_get_vm (item));
              g_test_message ("%s: %s", ferry_vm_get_name (ferry_plan_item_get_vm (item)), p);
              if (i > 3)
                break;
            }
          g_error ("step %d blocked: %s", step, ferry_wizard_get_blocker (wizard));
        }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
      g_assert_cmpint (ferry_wizard_get_step (wizard), >, step);
    }
  runner = ferry_wizard_review_get_runner (review);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.validate", NULL));
  iterate_until (runner_idle, runner);
  g_assert_nonnull (ferry_plan_runner_get_validation (runner));
  if (ferry_validation_result_has_errors (ferry_plan_runner_get_validation (runner)))
    {
      const char *const *errors
          = ferry_validation_result_get_errors (ferry_plan_runner_get_validation (runner));

      g_error ("validation failed: %u errors, first: %s",
               ferry_validation_result_count_errors (ferry_plan_runner_get_validation (runner)),
               errors != NULL && errors[0] != NULL ? errors[0] : "(per VM)");
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.start", NULL));
  iterate_a_little ();
  if (confirm_dialog () != NULL)
    {
      GtkWidget *confirm = confirm_dialog ();

      adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "start");
      gtk_window_destroy (GTK_WINDOW (confirm));
    }
  iterate_until (is_started, plan);
  g_assert_cmpuint (ferry_plan_get_start_state (plan), ==, FERRY_PLAN_START_STARTED);
  /* The started page lists the first 50 and says how many more the dashboard shows (a list
   * box lays every row out at once: 199 rows were seconds of a frozen window). */
  {
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (
        GTK_WIDGET (review), FERRY_TYPE_WIZARD_REVIEW, "started_list"));
    GtkListBoxRow *more = gtk_list_box_get_row_at_index (list, 50);

    g_assert_nonnull (gtk_list_box_get_row_at_index (list, 49));
    g_assert_nonnull (more);
    g_assert_null (gtk_list_box_get_row_at_index (list, 51));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==,
                     "And 149 more: Track Migrations shows each one.");
  }

  /* On the simulator: one migration per VM of the wave, of the manager's VM ids. */
  sim_state = ferry_test_sim_control (f->sim, "GET", "/__sim/state", NULL);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      const char *vm_id = ferry_vm_get_id (ferry_plan_item_get_vm (item));
      gint64 n = ferry_test_sim_state_migrations_of (sim_state, vm_id);

      g_assert_nonnull (ferry_plan_get_migration_id (plan, vm_id));
      if (n != 1)
        g_error ("%s (%s): %" G_GINT64_FORMAT " migrations on the simulator",
                 ferry_vm_get_name (ferry_plan_item_get_vm (item)), vm_id, n);
    }
  g_assert_cmpint (ferry_test_sim_state_migrations_of (sim_state, "vm-retired"), ==, 0);
}

int
main (int argc, char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  use_system_mime_database ();
  if (!gtk_init_check ())
    g_error ("no display");
  adw_init ();
  tmp_dir = g_dir_make_tmp ("ferry-offline-wave-XXXXXX", NULL);

  g_test_add ("/offline-wave/xlsx", WaveFixture, GINT_TO_POINTER (FALSE), wave_set_up, test_wave,
              wave_tear_down);
  g_test_add ("/offline-wave/csv", WaveFixture, GINT_TO_POINTER (TRUE), wave_set_up, test_wave,
              wave_tear_down);
  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (cmd) != 0)
      g_warning ("could not remove %s", tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
