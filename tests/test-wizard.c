/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wizard.c: the migration wizard in a real window under Xvfb, against the embedded
 * simulator (its 500-VM inventory over HTTPS): search, filters, selection, select all
 * matching, defaults applying to every VM, an override and its reset, a pre-flight badge and
 * its fix, Next refused with a reason, and a plan resumed after a restart.
 * With FERRY_SCREENSHOT_DIR set it also writes screenshots of the steps there. */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "ferry-test-require.h"
#include "ferry-application.h"
#include "ferry-plan-settings.h"
#include "ferry-vm-selection.h"
#include "ferry-window.h"

static gboolean have_display;
static FerryApplication *app;

static void
iterate_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

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
  FerryWindow *window = data;
  FerrySitePage *page = ferry_window_get_site_page (window);

  return page != NULL && ferry_site_page_get_report (page) != NULL;
}

static FerryWizard *
wizard_of (FerryWindow *window)
{
  return ferry_window_get_wizard (window);
}

static gboolean
inventory_loaded (gpointer data)
{
  FerryWizard *wizard = wizard_of (data);

  return wizard != NULL
         && ferry_wizard_vm_page_get_inventory (ferry_wizard_get_vm_page (wizard)) != NULL;
}

static gboolean
destination_loaded (gpointer data)
{
  FerryWizard *wizard = wizard_of (data);
  FerryPlanSettings *panel
      = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (wizard));
  GtkWidget *row = ferry_plan_settings_get_row (panel, FERRY_PLAN_FIELD_DATASTORE);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return model != NULL && g_list_model_get_n_items (model) > 1
         && ferry_plan_get_destination (ferry_wizard_get_plan (wizard)) != NULL;
}

/* A connected window with the wizard open on a new plan (or the resumed one). */
static FerryWindow *
open_wizard_sized (int width, int height)
{
  FerryWindow *window = ferry_window_new (app);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ferry_window_start_simulator (window);
  iterate_until (sites_checked, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate-vms", NULL));
  iterate_until (inventory_loaded, window);
  iterate_until (destination_loaded, window);
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "wizard");
  return window;
}

static FerryWindow *
open_wizard (void)
{
  return open_wizard_sized (0, 0);
}

static void
close_window (FerryWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_a_while (50);
}

static GListModel *
shown (FerryWizard *wizard)
{
  return G_LIST_MODEL (ferry_wizard_vm_page_get_selection (ferry_wizard_get_vm_page (wizard)));
}

static FerryVm *
shown_vm (FerryWizard *wizard, guint i)
{
  return ferry_vm_selection_get_vm (
      FERRY_VM_SELECTION (ferry_wizard_vm_page_get_selection (ferry_wizard_get_vm_page (wizard))),
      i);
}

/* Widgets of a subtree with a CSS class or name. */
static void
collect (GtkWidget *widget, const char *css_class, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_has_css_class (c, css_class)
          || g_strcmp0 (gtk_widget_get_name (c), css_class) == 0)
        g_ptr_array_add (out, c);
      collect (c, css_class, out);
    }
}

/* The window as X shows it (ImageMagick's import), so what is saved is what was painted. */
static void
save_screenshot (FerryWindow *window, const char *name)
{
  const char *dir = g_getenv ("FERRY_SCREENSHOT_DIR");
  GdkSurface *surface;
  g_autofree char *path = NULL;
  g_autofree char *xid = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (dir == NULL)
    return;
  iterate_a_while (g_getenv ("FERRY_SCREENSHOT_WAIT") ? atoi (g_getenv ("FERRY_SCREENSHOT_WAIT"))
                                                      : 2000);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("0x%lx", (unsigned long)gdk_x11_surface_get_xid (surface));
  path = g_build_filename (dir, name, NULL);
  {
    const char *argv[] = { "import", "-window", xid, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                                 NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("screenshot %s (%dx%d)", path, gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)));
}

/* ---- Tests ---- */

/* Search as you type, filters, select, select all matching, the running count. */
static void
test_select (void)
{
  FerryWindow *window = open_wizard ();
  FerryWizard *wizard = wizard_of (window);
  FerryWizardVmPage *page = ferry_wizard_get_vm_page (wizard);
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  GtkSelectionModel *selection = ferry_wizard_vm_page_get_selection (page);
  guint total = g_list_model_get_n_items (ferry_wizard_vm_page_get_inventory (page));
  guint n;
  const char *cluster;

  g_assert_cmpuint (total, ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (shown (wizard)), ==, total);

  /* Next is refused, with the reason, until a VM is selected. */
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_VMS);
  g_assert_nonnull (strstr (ferry_wizard_get_blocker (wizard), "Select at least one"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL)
                  && ferry_wizard_get_step (wizard) != FERRY_WIZARD_STEP_VMS);
  g_object_set (wizard, "step", FERRY_WIZARD_STEP_REVIEW, NULL);
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_VMS);

  /* Search as typed into the entry. */
  {
    g_autoptr (GPtrArray) entries = g_ptr_array_new ();

    collect (GTK_WIDGET (page), "vm-search", entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "WEB");
  }
  n = g_list_model_get_n_items (shown (wizard));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strstr (ferry_vm_get_search_key (shown_vm (wizard, i)), "web"));
  /* A longer search narrows it down. */
  ferry_wizard_vm_page_set_search (page, "web-0");
  g_assert_cmpuint (g_list_model_get_n_items (shown (wizard)), <=, n);

  /* Click one, click another: both in the plan (selecting adds); Ctrl+click unselects. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, TRUE);
  gtk_selection_model_select_item (selection, 2, FALSE);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 3);
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  gtk_selection_model_unselect_item (selection, 2);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 2);
  g_assert_false (gtk_selection_model_is_selected (selection, 2));
  g_assert_null (ferry_wizard_get_blocker (wizard));

  /* Select all matching: every VM the search shows; the selection survives the search. */
  ferry_wizard_vm_page_set_search (page, "web");
  n = g_list_model_get_n_items (shown (wizard));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "vms.select-matching", NULL));
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, n);
  ferry_wizard_vm_page_set_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown (wizard)), ==, total);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, n);
  g_assert_cmpint (ferry_plan_get_total_disk_bytes (plan), >, 0);

  /* Filters: a cluster, powered off, has problems. */
  cluster = ferry_vm_get_cluster (shown_vm (wizard, 0));
  ferry_wizard_vm_page_set_cluster_filter (page, cluster);
  n = g_list_model_get_n_items (shown (wizard));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (ferry_vm_get_cluster (shown_vm (wizard, i)), ==, cluster);
  ferry_wizard_vm_page_set_power_filter (page, FERRY_POWER_STATE_OFF);
  for (guint i = 0; i < g_list_model_get_n_items (shown (wizard)); i++)
    g_assert_cmpint (ferry_vm_get_power_state (shown_vm (wizard, i)), ==, FERRY_POWER_STATE_OFF);
  ferry_wizard_vm_page_set_cluster_filter (page, NULL);
  ferry_wizard_vm_page_set_power_filter (page, FERRY_POWER_STATE_UNKNOWN);
  ferry_wizard_vm_page_set_problems_filter (page, TRUE);
  n = g_list_model_get_n_items (shown (wizard));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (ferry_plan_check_vm (plan, shown_vm (wizard, i)), !=, 0);
  ferry_wizard_vm_page_set_problems_filter (page, FALSE);
  save_screenshot (window, "ferry-wizard-vms.png");

  /* Clear. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "vms.clear-selection", NULL));
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 0);

  /* A name list: found ones selected, the others reported. */
  {
    g_autofree char *text = g_strdup_printf ("VM,Powerstate\n%s,on\nno-such-vm,off\n",
                                             ferry_vm_get_name (shown_vm (wizard, 3)));
    g_auto (GStrv) missing = NULL;

    g_assert_cmpuint (ferry_wizard_vm_page_select_names (page, text, &missing), ==, 1);
    g_assert_cmpuint (g_strv_length (missing), ==, 1);
    g_assert_cmpstr (missing[0], ==, "no-such-vm");
    g_assert_true (ferry_plan_contains (plan, shown_vm (wizard, 3)));
  }
  close_window (window);
}

static GtkWidget *
row_control (FerryPlanSettings *panel, FerryPlanField field, const char *css)
{
  GtkWidget *row = ferry_plan_settings_get_row (panel, field);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (row, css, found);
  g_assert_cmpuint (found->len, >, 0);
  return found->pdata[0];
}

/* The defaults apply to every VM; an override to one; "Reset to Default" undoes it. */
static void
test_defaults_and_override (void)
{
  FerryWindow *window = open_wizard ();
  FerryWizard *wizard = wizard_of (window);
  FerryWizardVmPage *page = ferry_wizard_get_vm_page (wizard);
  FerryWizardOptionsPage *options = ferry_wizard_get_options_page (wizard);
  FerryPlanSettings *defaults = ferry_wizard_options_page_get_defaults_panel (options);
  FerryPlanSettings *override = ferry_wizard_options_page_get_override_panel (options);
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  GtkSelectionModel *items = ferry_wizard_options_page_get_item_selection (options);
  g_autoptr (FerryPlanItem) first = NULL;
  g_autoptr (FerryPlanItem) second = NULL;
  GtkWidget *datastore_row, *cluster_row, *sw, *reset;
  FerryDatastore *chosen;
  guint n;

  gtk_selection_model_select_range (ferry_wizard_vm_page_get_selection (page), 0, 20, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_OPTIONS);
  /* No placement yet: Next says what is missing. */
  g_assert_nonnull (strstr (ferry_wizard_get_blocker (wizard), "compute container"));

  /* Set the defaults through their rows: they apply to all 20. */
  cluster_row = ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_CLUSTER);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cluster_row), 1);
  datastore_row = ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_DATASTORE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (datastore_row), 1);
  chosen
      = ferry_plan_options_get_object (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_DATASTORE);
  g_assert_nonnull (chosen);
  n = g_list_model_get_n_items (G_LIST_MODEL (plan));
  g_assert_cmpuint (n, ==, 20);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_true (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE) == chosen);
      g_assert_nonnull (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_CLUSTER));
    }
  /* A switch in the green area too. */
  sw = row_control (defaults, FERRY_PLAN_FIELD_UPGRADE_TOOLS, "GtkSwitch");
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_true (ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_UPGRADE_TOOLS));
    }
  /* Controls that do not apply are insensitive and say why. */
  g_assert_true (gtk_widget_get_sensitive (
      row_control (defaults, FERRY_PLAN_FIELD_SWITCHOVER_START, "GtkEntry")));
  save_screenshot (window, "ferry-wizard-options.png");

  /* Per VM: override the first VM's Retain MAC through its switch. */
  ferry_wizard_options_page_show (options, "per-vm");
  gtk_selection_model_select_item (items, 0, TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (plan), 0);
  second = g_list_model_get_item (G_LIST_MODEL (plan), 1);
  sw = row_control (override, FERRY_PLAN_FIELD_RETAIN_MAC, "GtkSwitch");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_true (gtk_widget_has_css_class (
      ferry_plan_settings_get_row (override, FERRY_PLAN_FIELD_RETAIN_MAC), "inherited"));
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_true (ferry_plan_item_get_overridden (first, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_false (ferry_plan_item_get_boolean (first, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_false (ferry_plan_item_get_overridden (second, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_true (ferry_plan_item_get_boolean (second, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_true (gtk_widget_has_css_class (
      ferry_plan_settings_get_row (override, FERRY_PLAN_FIELD_RETAIN_MAC), "overridden"));
  reset = row_control (override, FERRY_PLAN_FIELD_RETAIN_MAC, "reset");
  g_assert_true (gtk_widget_get_visible (reset));
  save_screenshot (window, "ferry-wizard-override.png");

  /* The default moving leaves the override alone. */
  ferry_plan_options_set_boolean (ferry_plan_get_defaults (plan), FERRY_PLAN_FIELD_RETAIN_MAC,
                                  TRUE);
  g_assert_false (ferry_plan_item_get_boolean (first, FERRY_PLAN_FIELD_RETAIN_MAC));

  /* Reset to Default. */
  g_signal_emit_by_name (reset, "clicked");
  g_assert_false (ferry_plan_item_get_overridden (first, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_true (ferry_plan_item_get_boolean (first, FERRY_PLAN_FIELD_RETAIN_MAC));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_false (gtk_widget_get_visible (reset));

  /* Several VMs at once. */
  gtk_selection_model_select_range (items, 0, 5, TRUE);
  sw = row_control (override, FERRY_PLAN_FIELD_FORCE_POWER_OFF, "GtkSwitch");
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_cmpint (ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_FORCE_POWER_OFF), ==,
                       i < 5);
    }

  /* A type without a switchover window makes its rows insensitive, with the reason. */
  {
    GtkWidget *type_row = ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_MIGRATION_TYPE);
    GtkWidget *entry = row_control (defaults, FERRY_PLAN_FIELD_SWITCHOVER_START, "GtkEntry");
    GListModel *types = adw_combo_row_get_model (ADW_COMBO_ROW (type_row));

    for (guint i = 0; i < g_list_model_get_n_items (types); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (types), i), "HCX vMotion"))
        adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), i);
    g_assert_cmpint (ferry_plan_options_get_migration_type (ferry_plan_get_defaults (plan)), ==,
                     FERRY_MIGRATION_TYPE_VMOTION);
    g_assert_false (gtk_widget_get_sensitive (entry));
    g_assert_nonnull (
        strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                    ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_SWITCHOVER_START))),
                "no switchover window"));
  }

  /* Back and Next lose nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL));
  g_assert_cmpint (ferry_wizard_get_step (wizard), ==, FERRY_WIZARD_STEP_VMS);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 20);
  g_object_set (wizard, "step", FERRY_WIZARD_STEP_OPTIONS, NULL);
  g_assert_true (ferry_plan_item_get_overridden (first, FERRY_PLAN_FIELD_FORCE_POWER_OFF));
  close_window (window);
}

static GtkWidget *
badge_of (FerryWizard *wizard, FerryVm *vm)
{
  GtkWidget *view
      = GTK_WIDGET (ferry_wizard_vm_page_get_column_view (ferry_wizard_get_vm_page (wizard)));
  g_autoptr (GPtrArray) badges = g_ptr_array_new ();

  /* Only the VM is shown (searched for by its name): its row holds the only badge cell with
   * text. */
  collect (view, "preflight-badges", badges);
  for (guint i = 0; i < badges->len; i++)
    if (gtk_widget_get_visible (badges->pdata[i])
        && gtk_label_get_text (GTK_LABEL (badges->pdata[i]))[0] != '\0')
      return badges->pdata[i];
  return NULL;
}

/* A VM with snapshots under vMotion: a badge that explains itself and names its fix; the fix
 * switched on in the defaults clears it. */
static void
test_badge_and_fix (void)
{
  FerryWindow *window = open_wizard ();
  FerryWizard *wizard = wizard_of (window);
  FerryWizardVmPage *page = ferry_wizard_get_vm_page (wizard);
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  GListModel *inventory = ferry_wizard_vm_page_get_inventory (page);
  FerryPlanSettings *defaults
      = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (wizard));
  FerryVm *snap = NULL;
  GtkWidget *badge, *sw;
  g_autofree char *tooltip_text = NULL;
  const char *tooltip;

  for (guint i = 0; snap == NULL && i < g_list_model_get_n_items (inventory); i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (inventory, i);

      if (ferry_vm_get_snapshot_count (vm) > 0
          && ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_NO
          && ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
          && ferry_vm_get_hardware_version_number (vm) >= 9)
        snap = vm;
    }
  g_assert_nonnull (snap);
  ferry_plan_options_set_migration_type (ferry_plan_get_defaults (plan),
                                         FERRY_MIGRATION_TYPE_VMOTION);
  ferry_wizard_vm_page_set_search (page, ferry_vm_get_name (snap));
  ferry_plan_add_vm (plan, snap);
  iterate_a_while (300);

  badge = badge_of (wizard, snap);
  g_assert_nonnull (badge);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (badge)), "Snapshots"));
  g_assert_true (gtk_widget_has_css_class (badge, "error"));
  g_assert_true (gtk_widget_get_has_tooltip (badge));
  tooltip = tooltip_text = ferry_wizard_vm_page_describe_problems (page, snap);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Remove Snapshots"));
  g_assert_nonnull (strstr (tooltip, ferry_vm_get_name (snap)));

  /* The fix, switched on in the defaults, clears the badge. */
  sw = row_control (defaults, ferry_preflight_get_fix_field (FERRY_PREFLIGHT_SNAPSHOTS),
                    "GtkSwitch");
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  iterate_a_while (100);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (badge)), "Snapshots"));
  g_assert_cmpuint (ferry_plan_item_get_problems (ferry_plan_lookup (plan, ferry_vm_get_id (snap))),
                    ==, 0);
  /* The seed's warning about snapshots taken during a migration is there, once. */
  {
    g_autoptr (GPtrArray) notes = g_ptr_array_new ();

    collect (GTK_WIDGET (ferry_wizard_get_options_page (wizard)), "snapshot-note", notes);
    g_assert_cmpuint (notes->len, ==, 2); /* defaults panel, and hidden in the override one */
    g_assert_true (gtk_widget_get_visible (notes->pdata[0]));
    g_assert_false (gtk_widget_get_visible (notes->pdata[1]));
  }
  close_window (window);
}

static gboolean
resume_dialog_shown (gpointer data)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (w), "resume-dialog") == 0 && gtk_widget_get_visible (w))
        {
          *(GtkWidget **)data = w;
          return TRUE;
        }
    }
  return FALSE;
}

/* Close Ferry with a plan open, start again: the plan is offered and comes back intact. */
static void
test_resume_after_restart (void)
{
  FerryWindow *window = open_wizard ();
  FerryWizard *wizard = wizard_of (window);
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  g_autofree char *plan_id = g_strdup (ferry_plan_get_id (plan));
  g_autofree char *vm_id = NULL;
  GtkWidget *dialog = NULL;
  FerryPlan *resumed;

  gtk_selection_model_select_range (
      ferry_wizard_vm_page_get_selection (ferry_wizard_get_vm_page (wizard)), 10, 7, TRUE);
  {
    g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), 2);

    vm_id = g_strdup (ferry_vm_get_id (ferry_plan_item_get_vm (item)));
    ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_REMOVE_CBT, TRUE);
  }
  /* Closing the window writes what the autosave had not yet. */
  close_window (window);

  window = ferry_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  ferry_window_start_simulator (window);
  iterate_until (sites_checked, window);
  iterate_until (resume_dialog_shown, &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "resume");
  iterate_until (inventory_loaded, window);
  resumed = ferry_wizard_get_plan (wizard_of (window));
  g_assert_cmpstr (ferry_plan_get_id (resumed), ==, plan_id);
  g_assert_cmpuint (ferry_plan_get_n_items (resumed), ==, 7);
  g_assert_true (ferry_plan_item_get_overridden (ferry_plan_lookup (resumed, vm_id),
                                                 FERRY_PLAN_FIELD_REMOVE_CBT));
  /* The resumed items are the manager's inventory objects again. */
  g_assert_true (gtk_selection_model_is_selected (
      ferry_wizard_vm_page_get_selection (ferry_wizard_get_vm_page (wizard_of (window))), 10));
  close_window (window);
}

/* Screenshots at 600 px wide and in dark mode (only with FERRY_SCREENSHOT_DIR). */
static void
test_screenshots (void)
{
  FerryWindow *window;
  FerryWizard *wizard;
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (g_getenv ("FERRY_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("FERRY_SCREENSHOT_DIR not set");
      return;
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean dark = pass == 1;
      const char *suffix = dark ? "-dark" : "-narrow";
      g_autofree char *vms = g_strdup_printf ("ferry-wizard-vms%s.png", suffix);
      g_autofree char *opts = g_strdup_printf ("ferry-wizard-options%s.png", suffix);
      g_autofree char *per_vm = g_strdup_printf ("ferry-wizard-per-vm%s.png", suffix);
      FerryWizardOptionsPage *options;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_DEFAULT);
      window = dark ? open_wizard () : open_wizard_sized (600, 760);
      wizard = wizard_of (window);
      options = ferry_wizard_get_options_page (wizard);
      gtk_selection_model_select_range (
          ferry_wizard_vm_page_get_selection (ferry_wizard_get_vm_page (wizard)), 0, 12, TRUE);
      save_screenshot (window, vms);
      g_object_set (wizard, "step", FERRY_WIZARD_STEP_OPTIONS, NULL);
      save_screenshot (window, opts);
      ferry_wizard_options_page_show (options, "per-vm");
      gtk_selection_model_select_item (ferry_wizard_options_page_get_item_selection (options), 0,
                                       TRUE);
      save_screenshot (window, per_vm);
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
  have_display = gtk_init_check ();
  if (!have_display)
    {
      return ferry_test_run_no_display ("/wizard/display");
    }
  adw_init ();
  g_content_type_set_mime_dirs (mime_dirs);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  app = ferry_application_new ("io.github.ferry_hcx.Ferry.TestWizard", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/wizard/select", test_select);
  g_test_add_func ("/wizard/defaults-and-override", test_defaults_and_override);
  g_test_add_func ("/wizard/badge-and-fix", test_badge_and_fix);
  g_test_add_func ("/wizard/resume-after-restart", test_resume_after_restart);
  g_test_add_func ("/wizard/screenshots", test_screenshots);
  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
