/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wizard-networks.c: the wizard's Networks step in a real window under Xvfb, against the
 * embedded simulator, with 200 selected VMs: a drop delivered through the handler the
 * destination rows' GtkDropTarget calls (the content made by the source rows' GtkDragSource),
 * several sources dragged together, re-map, unmap, undo and redo, an exception on one NIC and
 * its reset, auto-map suggestions accepted in part, Next refused while NICs are unmapped, the
 * "Show Unmapped" filter, the loading error and Retry, the whole step done through the keyboard
 * path only (the list's own actions, the page's shortcuts, the chooser's search field), and the
 * intents carrying the mapping of every NIC.
 * With FERRY_SCREENSHOT_DIR set it also writes screenshots of the board there. */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "ferry-test-require.h"
#include "ferry-application.h"
#include "ferry-vm-selection.h"
#include "ferry-plan-settings.h"
#include "ferry-window.h"
#include "ferry-wizard-networks-chooser.h"
#include "ferry-wizard-networks-slots.h"

#define N_VMS 200

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
  FerrySitePage *page = ferry_window_get_site_page (data);

  return page != NULL && ferry_site_page_get_report (page) != NULL;
}

static gboolean
wizard_loaded (gpointer data)
{
  FerryWizard *wizard = ferry_window_get_wizard (data);
  FerryPlanSettings *panel;
  GListModel *model;

  if (wizard == NULL
      || ferry_wizard_vm_page_get_inventory (ferry_wizard_get_vm_page (wizard)) == NULL
      || ferry_wizard_vm_page_get_loading (ferry_wizard_get_vm_page (wizard)))
    return FALSE;
  panel = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (wizard));
  model = adw_combo_row_get_model (
      ADW_COMBO_ROW (ferry_plan_settings_get_row (panel, FERRY_PLAN_FIELD_DATASTORE)));
  return model != NULL && g_list_model_get_n_items (model) > 1
         && ferry_plan_get_destination (ferry_wizard_get_plan (wizard)) != NULL;
}

static gboolean
board_loaded (gpointer data)
{
  return g_strcmp0 (ferry_wizard_networks_page_get_state (data), "board") == 0;
}

typedef struct
{
  FerryWindow *window;
  FerryWizard *wizard;
  FerryPlan *plan;
  FerryWizardNetworksPage *page;
  FerryNetworkMap *map;
} Board;

static gint
by_disk_desc (gconstpointer a, gconstpointer b)
{
  gint64 da = ferry_vm_get_disk_bytes (ferry_plan_item_get_vm (*(FerryPlanItem **)a));
  gint64 db = ferry_vm_get_disk_bytes (ferry_plan_item_get_vm (*(FerryPlanItem **)b));

  return da < db ? 1 : da > db ? -1 : 0;
}

/* Places the VMs as a user would with 200 of them: the defaults' datastore row tried for each
 * datastore the destination offers, then each VM on the one with the most room left (200 VMs
 * fill more than one); the few VMs that still cannot go (pre-flight errors) are left out. */
static void
place_all (Board *b, FerryPlanSettings *defaults)
{
  GtkWidget *row = ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_DATASTORE);
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
  FerryPlanOptions *options = ferry_plan_get_defaults (b->plan);
  g_autoptr (GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) room = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) bad = g_ptr_array_new ();

  for (guint i = 1; i < n; i++)
    {
      FerryDatastore *ds;

      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      ds = ferry_plan_options_get_object (options, FERRY_PLAN_FIELD_DATASTORE);
      if (ds != NULL && !ferry_datastore_get_is_cluster (ds)
          && ferry_datastore_get_free_bytes (ds) > 0)
        {
          gint64 free_bytes = ferry_datastore_get_free_bytes (ds);

          g_ptr_array_add (stores, g_object_ref (ds));
          g_array_append_val (room, free_bytes);
        }
    }
  g_assert_cmpuint (stores->len, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (b->plan)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (b->plan), i));
  g_ptr_array_sort (items, by_disk_desc);
  ferry_plan_begin_changes (b->plan);
  for (guint i = 0; i < items->len; i++)
    {
      guint best = 0;

      for (guint j = 1; j < stores->len; j++)
        if (g_array_index (room, gint64, j) > g_array_index (room, gint64, best))
          best = j;
      ferry_plan_item_override_object (items->pdata[i], FERRY_PLAN_FIELD_DATASTORE,
                                       stores->pdata[best]);
      g_array_index (room, gint64, best)
          -= ferry_vm_get_disk_bytes (ferry_plan_item_get_vm (items->pdata[i]));
    }
  ferry_plan_end_changes (b->plan);
  for (guint i = 0; i < items->len; i++)
    if (ferry_plan_item_get_has_errors (items->pdata[i]))
      g_ptr_array_add (bad, ferry_plan_item_get_vm (items->pdata[i]));
  ferry_plan_remove_vms (b->plan, (FerryVm *const *)bad->pdata, bad->len);
  g_test_message ("%u VMs placed, %u left out", ferry_plan_get_n_items (b->plan), bad->len);
  g_assert_cmpuint (ferry_plan_get_n_items (b->plan), >=, N_VMS * 3 / 4);
}

/* Selects the N_VMS VMs with the smallest disks as a user does: sorted by the Disk column, the
 * first N_VMS (the destination's datastores hold about 44 TB: the simulator's first 200 VMs
 * need twice that). */
static void
select_small_vms (Board *b)
{
  FerryWizardVmPage *page = ferry_wizard_get_vm_page (b->wizard);
  GtkColumnView *view = ferry_wizard_vm_page_get_column_view (page);
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkColumnViewColumn *disk = NULL;
  FerryVm *first, *last;

  for (guint i = 0; i < g_list_model_get_n_items (columns) && disk == NULL; i++)
    {
      g_autoptr (GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (c), "Disk") == 0)
        disk = c;
    }
  g_assert_nonnull (disk);
  gtk_column_view_sort_by_column (view, disk, GTK_SORT_ASCENDING);
  iterate_a_while (100);
  gtk_selection_model_select_range (ferry_wizard_vm_page_get_selection (page), 0, N_VMS, TRUE);
  first = ferry_vm_selection_get_vm (FERRY_VM_SELECTION (ferry_wizard_vm_page_get_selection (page)),
                                     0);
  last = ferry_vm_selection_get_vm (FERRY_VM_SELECTION (ferry_wizard_vm_page_get_selection (page)),
                                    N_VMS);
  g_assert_cmpint (ferry_vm_get_disk_bytes (first), <=, ferry_vm_get_disk_bytes (last));
}

/* A connected window with N_VMS VMs selected, placed, and the wizard on Networks. */
static Board
open_board_sized (int width, int height)
{
  Board b = { 0 };
  FerryPlanSettings *defaults;

  b.window = ferry_window_new (app);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (b.window), width, height);
  gtk_window_present (GTK_WINDOW (b.window));
  ferry_window_start_simulator (b.window);
  iterate_until (sites_checked, b.window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.window), "win.migrate-vms", NULL));
  iterate_until (wizard_loaded, b.window);
  b.wizard = ferry_window_get_wizard (b.window);
  b.plan = ferry_wizard_get_plan (b.wizard);
  b.page = ferry_wizard_get_networks_page (b.wizard);
  b.map = ferry_plan_get_network_map (b.plan);
  {
    gint64 t0 = g_get_monotonic_time ();

    select_small_vms (&b);
    g_test_message ("selecting %u VMs: %.1f s", N_VMS, (g_get_monotonic_time () - t0) / 1e6);
  }
  g_assert_cmpuint (ferry_plan_get_n_items (b.plan), ==, N_VMS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.wizard), "wizard.next", NULL));
  defaults
      = ferry_wizard_options_page_get_defaults_panel (ferry_wizard_get_options_page (b.wizard));
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (ferry_plan_settings_get_row (defaults, FERRY_PLAN_FIELD_CLUSTER)), 1);
  {
    gint64 t0 = g_get_monotonic_time ();

    place_all (&b, defaults);
    g_test_message ("placing: %.1f s", (g_get_monotonic_time () - t0) / 1e6);
  }
  g_assert_cmpstr (ferry_wizard_get_blocker (b.wizard), ==, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.wizard), "wizard.next", NULL));
  g_assert_cmpint (ferry_wizard_get_step (b.wizard), ==, FERRY_WIZARD_STEP_NETWORKS);
  iterate_until (board_loaded, b.page);
  iterate_a_while (200); /* the rows are bound */
  return b;
}

static Board
open_board (void)
{
  return open_board_sized (0, 0);
}

static void
close_board (Board *b)
{
  gtk_window_destroy (GTK_WINDOW (b->window));
  iterate_a_while (50);
}

/* ---- Finding what the board shows ---- */

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

/* The item a board row widget shows (a source, a NIC ref or a destination). */
static GObject *
row_object (GtkWidget *row)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "ferry-list-item");
  gpointer item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;

  if (GTK_IS_TREE_LIST_ROW (item))
    {
      GObject *inner = gtk_tree_list_row_get_item (item);

      g_object_unref (inner); /* the row holds it */
      return inner;
    }
  if (FERRY_IS_NETWORK_SLOT (item))
    {
      GObject *inner = ferry_network_slot_dup_item (item);

      if (inner != NULL)
        g_object_unref (inner); /* the destination list holds it */
      return inner;
    }
  return item;
}

static const char *
object_name (GObject *object)
{
  if (FERRY_IS_NETWORK_SOURCE (object))
    return ferry_network_source_get_name (FERRY_NETWORK_SOURCE (object));
  if (FERRY_IS_NETWORK (object))
    return ferry_network_get_name (FERRY_NETWORK (object));
  return NULL;
}

/* The row widget of the source or destination named @name (".network-source" or
 * ".network-target"). */
static GtkWidget *
row_widget (Board *b, const char *css_class, const char *name)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (b->page), css_class, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i])
        && g_strcmp0 (object_name (row_object (rows->pdata[i])), name) == 0)
      return rows->pdata[i];
  return NULL;
}

static gpointer
controller_of (GtkWidget *widget, GType type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c; /* the widget holds it */
    }
  return NULL;
}

static FerryNetworkSource *
source_named (Board *b, const char *name)
{
  GListModel *sources = ferry_network_map_get_sources (b->map);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (FerryNetworkSource) s = g_list_model_get_item (sources, i);

      if (g_strcmp0 (ferry_network_source_get_name (s), name) == 0)
        return s; /* the map holds it */
    }
  return NULL;
}

static FerryNetwork *
destination_named (Board *b, const char *name)
{
  GListModel *destinations = ferry_network_map_get_destinations (b->map);

  for (guint i = 0; destinations != NULL && i < g_list_model_get_n_items (destinations); i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (destinations, i);

      if (g_strcmp0 (ferry_network_get_name (n), name) == 0)
        return n;
    }
  return NULL;
}

/* The first extended destination (its name carries a random suffix). */
static FerryNetwork *
extended_destination (Board *b, const char *prefix)
{
  GListModel *destinations = ferry_network_map_get_destinations (b->map);

  for (guint i = 0; i < g_list_model_get_n_items (destinations); i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (destinations, i);

      if (ferry_network_get_extended (n) && g_str_has_prefix (ferry_network_get_name (n), prefix))
        return n;
    }
  return NULL;
}

/* The position in the left column of the row showing @item. */
static guint
source_position (Board *b, gpointer item)
{
  GListModel *rows = G_LIST_MODEL (ferry_wizard_networks_page_get_source_selection (b->page));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (GObject) inner = gtk_tree_list_row_get_item (row);

      if (inner == item)
        return i;
    }
  g_assert_not_reached ();
}

/* What the source row's GtkDragSource would carry, from its own "prepare" handler. */
static void
drag_from (Board *b, const char *source, GValue *value)
{
  GtkWidget *row = row_widget (b, "network-source", source);
  GtkDragSource *drag;
  g_autoptr (GdkContentProvider) content = NULL;

  g_assert_nonnull (row);
  drag = controller_of (row, GTK_TYPE_DRAG_SOURCE);
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (value, G_TYPE_PTR_ARRAY);
  g_assert_true (gdk_content_provider_get_value (content, value, NULL));
}

/* Drops @value on the destination row named @target through its GtkDropTarget's "drop". */
static gboolean
drop_on (Board *b, const char *target, const GValue *value)
{
  GtkWidget *row;
  GtkDropTarget *drop;
  gboolean done = FALSE;

  /* Searched for, as a user finds a destination among many. */
  ferry_wizard_networks_page_set_search (b->page, target);
  iterate_a_while (100);
  row = row_widget (b, "network-target", target);
  g_assert_nonnull (row);
  drop = controller_of (row, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drop);
  g_signal_emit_by_name (drop, "drop", value, 4.0, 4.0, &done);
  ferry_wizard_networks_page_set_search (b->page, NULL);
  iterate_a_while (100);
  return done;
}

static void
drag_and_drop (Board *b, const char *source, const char *target)
{
  GValue value = G_VALUE_INIT;

  drag_from (b, source, &value);
  g_assert_true (drop_on (b, target, &value));
  g_value_unset (&value);
}

/* The link ("chip") a source row shows: its destination's name, or NULL when hidden. */
static const char *
link_of (Board *b, const char *source)
{
  GtkWidget *row = row_widget (b, "network-source", source);
  g_autoptr (GPtrArray) links = g_ptr_array_new ();
  GtkWidget *label;

  g_assert_nonnull (row);
  collect (row, "network-link", links);
  g_assert_cmpuint (links->len, ==, 1);
  if (!gtk_widget_get_visible (links->pdata[0]))
    return NULL;
  label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (links->pdata[0]));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* A click: the button's "clicked", as a release over it emits it. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate_a_while (50);
}

static GtkWidget *
button_in (GtkWidget *row, const char *css_class, guint nth)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  collect (row, css_class, buttons);
  g_assert_cmpuint (buttons->len, >, nth);
  return buttons->pdata[nth];
}

/* Fires the page's own shortcut for @accel, as the key press would; FALSE when its action is
 * disabled (the key does nothing). */
static gboolean
press (Board *b, const char *accel)
{
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  GtkWidget *widget = GTK_WIDGET (b->page);
  g_autoptr (GListModel) controllers = NULL;

  g_assert_nonnull (wanted);
  /* The page's class shortcuts, else the wizard's (Next, Back). */
  for (int pass = 0; pass < 2; pass++, widget = GTK_WIDGET (b->wizard))
    {
      g_clear_object (&controllers);
      controllers = gtk_widget_observe_controllers (widget);
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (c))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
            {
              g_autoptr (GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), j);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (s), wanted))
                {
                  gboolean done = gtk_shortcut_action_activate (
                      gtk_shortcut_get_action (s), 0, widget, gtk_shortcut_get_arguments (s));

                  iterate_a_while (50);
                  return done;
                }
            }
        }
    }
  g_error ("no shortcut %s on the Networks page or the wizard", accel);
  return FALSE;
}

static guint
nics_to (FerryPlan *plan, const char *dest_name, const char *src_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) intents = ferry_plan_build_intents (plan, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (intents); i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);

      for (guint j = 0; j < ferry_migration_intent_get_n_network_mappings (intent); j++)
        {
          const FerryNetworkMapping *m = ferry_migration_intent_get_network_mapping (intent, j);

          if (g_strcmp0 (m->dest_network_name, dest_name) == 0
              && (src_name == NULL || g_strcmp0 (m->src_network_name, src_name) == 0))
            n++;
        }
    }
  return n;
}

/* ---- Tests ---- */
static void
save_screenshot (FerryWindow *window, const char *name);

/* Drops through the destination rows' own handler: map, several together, re-map, unmap by
 * the link's button, undo and redo; Next is refused until nothing is left unmapped. */
static void
test_drop (void)
{
  Board b = open_board ();
  FerryNetworkSource *web = source_named (&b, "VLAN100-Web");
  FerryNetworkSource *app_net = source_named (&b, "VLAN110-App");
  FerryNetworkSource *db = source_named (&b, "VLAN130-Mgmt");
  guint unmapped = ferry_network_map_get_n_unmapped (b.map);
  GtkSelectionModel *selection = ferry_wizard_networks_page_get_source_selection (b.page);
  GValue value = G_VALUE_INIT;
  GPtrArray *carried;

  g_assert_nonnull (web);
  g_assert_nonnull (app_net);
  g_assert_nonnull (db);
  g_assert_cmpuint (unmapped, >, 0);
  /* Next is refused, saying how many NICs block it. */
  g_assert_nonnull (strstr (ferry_wizard_get_blocker (b.wizard), "connected NIC"));
  gtk_widget_activate_action (GTK_WIDGET (b.wizard), "wizard.next", NULL);
  g_assert_cmpint (ferry_wizard_get_step (b.wizard), ==, FERRY_WIZARD_STEP_NETWORKS);
  g_assert_null (link_of (&b, "VLAN100-Web"));

  /* One source: its drag carries it alone, and names it and its NICs in the icon. */
  drag_from (&b, "VLAN100-Web", &value);
  carried = g_value_get_boxed (&value);
  g_assert_cmpuint (carried->len, ==, 1);
  g_assert_true (carried->pdata[0] == (gpointer)web);
  g_assert_true (drop_on (&b, "web-segment", &value));
  g_value_unset (&value);
  g_assert_true (ferry_network_source_get_target (web) == destination_named (&b, "web-segment"));
  g_assert_cmpstr (link_of (&b, "VLAN100-Web"), ==, "web-segment");
  g_assert_cmpuint (ferry_network_source_get_n_unmapped (web), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (b.map), <, unmapped);
  /* The destination says it is mapped. */
  ferry_wizard_networks_page_set_search (b.page, "web-segment");
  iterate_a_while (100);
  g_assert_true (
      gtk_widget_has_css_class (row_widget (&b, "network-target", "web-segment"), "mapped"));
  ferry_wizard_networks_page_set_search (b.page, NULL);

  /* Two selected sources drag together, whichever of them is grabbed. */
  gtk_selection_model_select_item (selection, source_position (&b, app_net), TRUE);
  gtk_selection_model_select_item (selection, source_position (&b, db), FALSE);
  drag_from (&b, "VLAN130-Mgmt", &value);
  carried = g_value_get_boxed (&value);
  g_assert_cmpuint (carried->len, ==, 2);
  g_assert_true (drop_on (&b, "app-segment", &value));
  g_value_unset (&value);
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (app_net)), ==,
                   "app-segment");
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (db)), ==,
                   "app-segment");
  g_assert_cmpstr (link_of (&b, "VLAN130-Mgmt"), ==, "app-segment");

  /* Dropped on another destination: re-mapped. */
  gtk_selection_model_unselect_all (selection);
  drag_and_drop (&b, "VLAN130-Mgmt", "db-segment");
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (db)), ==, "db-segment");
  g_assert_cmpstr (link_of (&b, "VLAN130-Mgmt"), ==, "db-segment");
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (app_net)), ==,
                   "app-segment");

  /* The link's Unmap button. */
  {
    GtkWidget *unmap
        = button_in (row_widget (&b, "network-source", "VLAN130-Mgmt"), "network-unmap", 0);

    g_assert_true (gtk_widget_get_visible (unmap));
    click (unmap);
    iterate_a_while (50);
  }
  g_assert_null (ferry_network_source_get_target (db));
  g_assert_null (link_of (&b, "VLAN130-Mgmt"));

  /* Undo brings the unmapped link back, undo again the earlier target; redo forward. */
  g_assert_true (press (&b, "<Control>z"));
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (db)), ==, "db-segment");
  g_assert_cmpstr (link_of (&b, "VLAN130-Mgmt"), ==, "db-segment");
  g_assert_true (press (&b, "<Control>z"));
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (db)), ==,
                   "app-segment");
  g_assert_true (ferry_network_map_get_can_redo (b.map));
  g_assert_true (press (&b, "<Shift><Control>z"));
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (db)), ==, "db-segment");
  g_assert_true (press (&b, "<Shift><Control>z"));
  g_assert_null (ferry_network_source_get_target (db));
  g_assert_null (link_of (&b, "VLAN130-Mgmt"));
  /* Nothing else moved, and nothing is left to redo (Shift+Ctrl+Z then does nothing). */
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (app_net)), ==,
                   "app-segment");
  g_assert_true (ferry_network_source_get_target (web) == destination_named (&b, "web-segment"));
  g_assert_false (ferry_network_map_get_can_redo (b.map));
  g_assert_false (press (&b, "<Shift><Control>z"));

  /* A drop of nothing, or of what is not the board's, maps nothing. */
  {
    GValue empty = G_VALUE_INIT;
    g_autoptr (GPtrArray) none = g_ptr_array_new ();

    g_value_init (&empty, G_TYPE_PTR_ARRAY);
    g_value_set_boxed (&empty, none);
    g_assert_false (drop_on (&b, "dmz-segment", &empty));
    g_value_unset (&empty);
  }
  close_board (&b);
}

/* Expanding a source lists its NICs; one NIC maps elsewhere through its chooser, is marked an
 * exception, goes into its intent so, and is reset to the rule. */
static void
test_exception (void)
{
  Board b = open_board ();
  FerryNetworkSource *web = source_named (&b, "VLAN100-Web");
  FerryNetwork *segment = destination_named (&b, "web-segment");
  FerryNetwork *other = destination_named (&b, "dmz-segment");
  GtkSelectionModel *selection = ferry_wizard_networks_page_get_source_selection (b.page);
  g_autoptr (GPtrArray) nic_rows = g_ptr_array_new ();
  GtkWidget *view;
  GtkWidget *nic_row = NULL;
  FerryNetworkNicRef *ref = NULL;
  GtkWidget *chooser;
  guint position;

  drag_and_drop (&b, "VLAN100-Web", "web-segment");
  /* Enter on the source expands it (the list view's "activate"). */
  position = source_position (&b, web);
  view = gtk_widget_get_parent (gtk_widget_get_parent (
      gtk_widget_get_parent (row_widget (&b, "network-source", "VLAN100-Web"))));
  g_assert_true (GTK_IS_LIST_VIEW (view));
  g_signal_emit_by_name (view, "activate", position);
  iterate_a_while (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >,
                    g_list_model_get_n_items (ferry_network_map_get_sources (b.map)));

  /* The first NIC row under it: VM, label, MAC, primary, connected, its effective target. */
  collect (GTK_WIDGET (b.page), "network-source", nic_rows);
  for (guint i = 0; i < nic_rows->len && nic_row == NULL; i++)
    if (gtk_widget_get_mapped (nic_rows->pdata[i])
        && FERRY_IS_NETWORK_NIC_REF (row_object (nic_rows->pdata[i])))
      {
        nic_row = nic_rows->pdata[i];
        ref = FERRY_NETWORK_NIC_REF (row_object (nic_row));
      }
  g_assert_nonnull (nic_row);
  g_assert_true (ferry_network_nic_ref_get_target (ref) == segment);
  g_assert_false (ferry_network_nic_ref_get_exception (ref));
  g_assert_false (gtk_widget_get_visible (button_in (nic_row, "network-nic-button", 1)));

  /* "Change…" opens the chooser at the NIC; searched and chosen by Enter. */
  click (button_in (nic_row, "network-nic-button", 0));
  iterate_a_while (100);
  chooser = ferry_wizard_networks_page_get_chooser (b.page);
  g_assert_nonnull (chooser);
  ferry_network_chooser_set_search (FERRY_NETWORK_CHOOSER (chooser), "dmz");
  g_assert_cmpuint (
      g_list_model_get_n_items (ferry_network_chooser_get_shown (FERRY_NETWORK_CHOOSER (chooser))),
      ==, 1);
  g_signal_emit_by_name (ferry_network_chooser_get_search_entry (FERRY_NETWORK_CHOOSER (chooser)),
                         "activate");
  iterate_a_while (100);
  g_assert_null (ferry_wizard_networks_page_get_chooser (b.page));

  g_assert_true (ferry_network_map_has_exception (b.map, ferry_network_nic_ref_get_item (ref),
                                                  ferry_network_nic_ref_get_nic (ref)));
  g_assert_true (ferry_network_map_resolve (b.map, ferry_network_nic_ref_get_item (ref),
                                            ferry_network_nic_ref_get_nic (ref))
                 == other);
  g_assert_true (ferry_network_nic_ref_get_exception (ref));
  g_assert_cmpuint (ferry_network_source_get_n_exceptions (web), ==, 1);
  /* Marked as an exception on its row, with Reset to Rule. */
  {
    g_autoptr (GPtrArray) links = g_ptr_array_new ();

    collect (nic_row, "network-link", links);
    g_assert_true (gtk_widget_has_css_class (links->pdata[0], "exception"));
  }
  g_assert_true (gtk_widget_get_visible (button_in (nic_row, "network-nic-button", 1)));

  /* Its intent carries the exception for that NIC (by MAC) and the rule for the others. */
  {
    FerryPlanItem *item = ferry_network_nic_ref_get_item (ref);
    FerryNic *nic = ferry_network_nic_ref_get_nic (ref);
    g_autoptr (FerryMigrationIntent) intent = ferry_plan_build_intent (b.plan, item);
    gboolean found = FALSE;

    for (guint j = 0; j < ferry_migration_intent_get_n_network_mappings (intent); j++)
      {
        const FerryNetworkMapping *m = ferry_migration_intent_get_network_mapping (intent, j);

        if (g_strcmp0 (m->mac_address, ferry_nic_get_mac_address (nic)) == 0)
          {
            g_assert_cmpstr (m->dest_network_id, ==, ferry_network_get_id (other));
            g_assert_cmpstr (m->src_network_name, ==, "VLAN100-Web");
            found = TRUE;
          }
        else if (g_strcmp0 (m->src_network_name, "VLAN100-Web") == 0)
          g_assert_cmpstr (m->dest_network_id, ==, ferry_network_get_id (segment));
      }
    g_assert_true (found);
  }

  /* Reset to Rule. */
  click (button_in (nic_row, "network-nic-button", 1));
  iterate_a_while (50);
  g_assert_false (ferry_network_map_has_exception (b.map, ferry_network_nic_ref_get_item (ref),
                                                   ferry_network_nic_ref_get_nic (ref)));
  g_assert_true (ferry_network_nic_ref_get_target (ref) == segment);
  g_assert_cmpuint (ferry_network_source_get_n_exceptions (web), ==, 0);
  close_board (&b);
}

static GtkWidget *
suggestions_dialog (Board *b)
{
  GtkWidget *dialog = ferry_wizard_networks_page_get_suggestions_dialog (b->page);

  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  return dialog;
}

/* Every widget of @type under @root, depth first. */
static void
collect_type (GtkWidget *root, GType type, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      collect_type (c, type, out);
    }
}

static guint
n_mapped_sources (Board *b)
{
  GListModel *sources = ferry_network_map_get_sources (b->map);
  guint mapped = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (FerryNetworkSource) s = g_list_model_get_item (sources, i);

      mapped += ferry_network_source_get_target (s) != NULL;
    }
  return mapped;
}

/* "Suggest Mappings": every suggestion shown with its reason, all checked; the one unchecked
 * stays unmapped; the accepted ones are one undo step; the extended target turns Retain MAC
 * on. */
static void
test_suggest (void)
{
  Board b = open_board ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();
  g_autoptr (GListModel) suggestions = ferry_network_map_suggest (b.map);
  FerryNetworkSource *web = source_named (&b, "VLAN100-Web");
  FerryNetwork *l2e = extended_destination (&b, "L2E_VLAN100-Web");
  g_autofree char *left_out = NULL;
  GtkWidget *dialog, *last;
  const char *title;

  g_assert_nonnull (l2e);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), >=, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.page), "networks.suggest", NULL));
  iterate_a_while (100);
  dialog = suggestions_dialog (&b);
  collect_type (dialog, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (suggestions));
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);
      g_autoptr (GPtrArray) check = g_ptr_array_new ();

      collect_type (rows->pdata[i], GTK_TYPE_CHECK_BUTTON, check);
      g_assert_cmpuint (check->len, ==, 1);
      g_assert_true (gtk_check_button_get_active (check->pdata[0]));
      g_ptr_array_add (checks, check->pdata[0]);
      g_assert_true (strstr (subtitle, "VLAN") != NULL || strstr (subtitle, "name") != NULL
                     || strstr (subtitle, "xtended") != NULL);
      if (g_str_has_prefix (adw_preferences_row_get_title (rows->pdata[i]), "VLAN100-Web "))
        {
          g_assert_nonnull (strstr (adw_preferences_row_get_title (rows->pdata[i]),
                                    ferry_network_get_name (l2e)));
          g_assert_nonnull (strstr (subtitle, "Retain MAC"));
        }
    }
  /* Leave the last one out (not VLAN100-Web: the list is sorted by name). */
  last = rows->pdata[rows->len - 1];
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last));
  g_assert_nonnull (strstr (title, " → "));
  left_out = g_strndup (title, strstr (title, " → ") - title);
  g_assert_cmpstr (left_out, !=, "VLAN100-Web");
  gtk_check_button_set_active (checks->pdata[checks->len - 1], FALSE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  iterate_a_while (100);

  g_assert_true (ferry_network_source_get_target (web) == l2e);
  {
    g_autoptr (GListModel) nics = ferry_network_map_list_nics (b.map, web);
    g_autoptr (FerryNetworkNicRef) first = g_list_model_get_item (nics, 0);

    g_assert_true (ferry_plan_item_get_boolean (ferry_network_nic_ref_get_item (first),
                                                FERRY_PLAN_FIELD_RETAIN_MAC));
  }
  g_assert_null (ferry_network_source_get_target (source_named (&b, left_out)));
  g_assert_cmpuint (n_mapped_sources (&b), ==, rows->len - 1);
  g_assert_cmpstr (link_of (&b, "VLAN100-Web"), ==, ferry_network_get_name (l2e));
  /* One undo takes them all back. */
  g_assert_true (press (&b, "<Control>z"));
  g_assert_cmpuint (n_mapped_sources (&b), ==, 0);
  close_board (&b);
}

static GtkWidget *
view_of (Board *b, const char *css_class)
{
  g_autoptr (GPtrArray) views = g_ptr_array_new ();

  collect (GTK_WIDGET (b->page), css_class, views);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_true (GTK_IS_LIST_VIEW (views->pdata[0]));
  return views->pdata[0];
}

static guint
target_position (Board *b, FerryNetwork *network)
{
  GListModel *targets = ferry_wizard_networks_page_get_targets (b->page);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (targets, i);

      if (n == network)
        return i;
    }
  g_assert_not_reached ();
}

/* Types @text into the open chooser's search field and presses Enter there. */
static void
choose_by_typing (Board *b, const char *text)
{
  GtkWidget *chooser = ferry_wizard_networks_page_get_chooser (b->page);
  GtkWidget *entry;

  g_assert_nonnull (chooser);
  g_assert_true (gtk_widget_get_visible (chooser));
  entry = ferry_network_chooser_get_search_entry (FERRY_NETWORK_CHOOSER (chooser));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  iterate_a_while (400); /* the search entry's delay */
  g_assert_cmpuint (
      g_list_model_get_n_items (ferry_network_chooser_get_shown (FERRY_NETWORK_CHOOSER (chooser))),
      >, 0);
  g_signal_emit_by_name (entry, "activate");
  iterate_a_while (100);
  g_assert_null (ferry_wizard_networks_page_get_chooser (b->page));
}

/* The whole step without a mouse: list selection by the list's own actions, Ctrl+Return and
 * the chooser's search field, Enter on a destination, Enter to expand a source and one NIC
 * mapped elsewhere, "Show Unmapped" by its action, Next by Ctrl+Page_Down. Then every intent
 * carries the mapping of every NIC. */
static void
test_keyboard_only (void)
{
  Board b = open_board ();
  GtkWidget *sources = view_of (&b, "network-sources");
  GtkWidget *targets = view_of (&b, "network-targets");
  GtkSelectionModel *selection = ferry_wizard_networks_page_get_source_selection (b.page);
  FerryNetworkSource *web = source_named (&b, "VLAN100-Web");
  FerryNetworkSource *db = source_named (&b, "VLAN130-Mgmt");
  FerryNetworkNicRef *ref;
  guint n_sources = g_list_model_get_n_items (ferry_network_map_get_sources (b.map));
  guint n_nics_web = ferry_network_source_get_n_nics (web);
  guint total_nics = 0;
  g_autofree char *exception_mac = NULL;

  g_assert_cmpuint (n_sources, >=, 5);
  /* Without a selection there is nothing to map. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (b.page), "networks.map-to", NULL)
                  && ferry_wizard_networks_page_get_chooser (b.page) != NULL);

  /* One source, Ctrl+Return, type, Enter. */
  g_assert_true (gtk_widget_activate_action (sources, "list.select-item", "(ubb)",
                                             source_position (&b, web), FALSE, FALSE));
  g_assert_true (press (&b, "<Control>Return"));
  choose_by_typing (&b, "web-seg");
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (web)), ==,
                   "web-segment");

  /* Another, then Enter on a destination row. */
  g_assert_true (gtk_widget_activate_action (sources, "list.select-item", "(ubb)",
                                             source_position (&b, db), FALSE, FALSE));
  g_signal_emit_by_name (targets, "activate",
                         target_position (&b, destination_named (&b, "db-segment")));
  iterate_a_while (50);
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (db)), ==, "db-segment");

  /* Enter on VLAN100-Web expands it; its first NIC, Ctrl+Return: an exception. */
  g_signal_emit_by_name (sources, "activate", source_position (&b, web));
  iterate_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                    n_sources + n_nics_web);
  g_assert_true (gtk_widget_activate_action (sources, "list.select-item", "(ubb)",
                                             source_position (&b, web) + 1, FALSE, FALSE));
  {
    g_autoptr (GtkTreeListRow) row
        = g_list_model_get_item (G_LIST_MODEL (selection), source_position (&b, web) + 1);

    ref = FERRY_NETWORK_NIC_REF (gtk_tree_list_row_get_item (row));
    g_object_unref (ref); /* the row holds it */
  }
  exception_mac = g_strdup (ferry_nic_get_mac_address (ferry_network_nic_ref_get_nic (ref)));
  g_assert_true (press (&b, "<Control>Return"));
  choose_by_typing (&b, "dmz");
  g_assert_true (ferry_network_nic_ref_get_exception (ref));
  g_assert_cmpstr (ferry_network_get_name (ferry_network_nic_ref_get_target (ref)), ==,
                   "dmz-segment");
  g_signal_emit_by_name (sources, "activate", source_position (&b, web)); /* collapse */
  iterate_a_while (100);

  /* Next is refused while anything is unmapped; Show Unmapped lists only what blocks. */
  g_assert_false (press (&b, "<Control>Page_Down"));
  g_assert_cmpint (ferry_wizard_get_step (b.wizard), ==, FERRY_WIZARD_STEP_NETWORKS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.page), "networks.show-unmapped", NULL));
  g_assert_true (ferry_wizard_networks_page_get_show_unmapped (b.page));
  iterate_a_while (100);
  {
    GListModel *all = ferry_network_map_get_sources (b.map);
    guint blocking = 0;

    for (guint i = 0; i < n_sources; i++)
      {
        g_autoptr (FerryNetworkSource) s = g_list_model_get_item (all, i);

        blocking += ferry_network_source_get_n_unmapped (s) > 0;
      }
    g_assert_cmpuint (blocking, >, 0);
    g_assert_cmpuint (blocking, <=, n_sources - 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, blocking);
  }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_autoptr (FerryNetworkSource) s = gtk_tree_list_row_get_item (row);

      g_assert_cmpuint (ferry_network_source_get_n_unmapped (s), >, 0);
    }

  /* Ctrl+A (the list's select-all), Ctrl+Return, one destination for the rest. */
  g_assert_true (gtk_widget_activate_action (sources, "list.select-all", NULL));
  g_assert_true (press (&b, "<Control>Return"));
  choose_by_typing (&b, "app-seg");
  iterate_a_while (100);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (b.map), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  g_assert_null (ferry_wizard_get_blocker (b.wizard));
  /* The earlier choices stand. */
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (web)), ==,
                   "web-segment");
  g_assert_cmpstr (ferry_network_get_name (ferry_network_source_get_target (db)), ==, "db-segment");

  /* The intents: every NIC of every VM, to its rule's network or its exception's. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GListModel) intents = ferry_plan_build_intents (b.plan, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (intents), ==, ferry_plan_get_n_items (b.plan));
    for (guint i = 0; i < ferry_plan_get_n_items (b.plan); i++)
      {
        g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);
        g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (b.plan), i);
        FerryVm *vm = ferry_plan_item_get_vm (item);

        g_assert_cmpuint (ferry_migration_intent_get_n_network_mappings (intent), ==,
                          ferry_vm_get_n_nics (vm));
        for (guint j = 0; j < ferry_migration_intent_get_n_network_mappings (intent); j++)
          {
            const FerryNetworkMapping *m = ferry_migration_intent_get_network_mapping (intent, j);
            const char *want = g_strcmp0 (m->mac_address, exception_mac) == 0        ? "dmz-segment"
                               : g_strcmp0 (m->src_network_name, "VLAN100-Web") == 0 ? "web-segment"
                               : g_strcmp0 (m->src_network_name, "VLAN130-Mgmt") == 0
                                   ? "db-segment"
                                   : "app-segment";

            g_assert_cmpstr (m->dest_network_name, ==, want);
            total_nics++;
          }
      }
  }
  g_assert_cmpuint (nics_to (b.plan, "dmz-segment", NULL), ==, 1);
  g_assert_cmpuint (total_nics, >=, ferry_plan_get_n_items (b.plan));

  /* Ctrl+Page_Down: on to Review. */
  g_assert_true (press (&b, "<Control>Page_Down"));
  g_assert_cmpint (ferry_wizard_get_step (b.wizard), ==, FERRY_WIZARD_STEP_REVIEW);
  close_board (&b);
}

static gboolean
page_in_error (gpointer data)
{
  return g_strcmp0 (ferry_wizard_networks_page_get_state (data), "error") == 0;
}

/* The destination's networks do not load: a clear error, Retry loads again; nothing mapped so
 * far is lost. */
static void
test_load_error (void)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryHcxClient) client = ferry_hcx_client_new ("https://127.0.0.1:9", &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = ferry_wizard_networks_page_new (plan);
  g_autoptr (GPtrArray) status = g_ptr_array_new ();

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (ferry_wizard_networks_page_get_state (FERRY_WIZARD_NETWORKS_PAGE (page)), ==,
                   "idle");
  ferry_wizard_networks_page_load (FERRY_WIZARD_NETWORKS_PAGE (page), client, "endpoint-1");
  g_assert_cmpstr (ferry_wizard_networks_page_get_state (FERRY_WIZARD_NETWORKS_PAGE (page)), ==,
                   "loading");
  iterate_until (page_in_error, page);
  collect_type (page, ADW_TYPE_STATUS_PAGE, status);
  g_assert_cmpuint (status->len, ==, 1);
  g_assert_true (gtk_widget_get_mapped (status->pdata[0]));
  g_assert_nonnull (adw_status_page_get_description (status->pdata[0]));
  g_assert_cmpstr (adw_status_page_get_description (status->pdata[0]), !=, "");
  /* Retry: loading again (and failing again here). */
  g_assert_true (gtk_widget_activate_action (page, "networks.retry", NULL));
  g_assert_cmpstr (ferry_wizard_networks_page_get_state (FERRY_WIZARD_NETWORKS_PAGE (page)), ==,
                   "loading");
  iterate_until (page_in_error, page);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_a_while (50);
}

/* ---- Screenshots ---- */

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
  iterate_a_while (1500);
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

/* The board as a user meets it: a few networks mapped (one with an exception), the rest
 * waiting, at the default size and dark; 600 px wide with the exception's source expanded. */
static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *names[] = { "ferry-wizard-networks.png", "ferry-wizard-networks-narrow.png",
                          "ferry-wizard-networks-dark.png" };

  if (g_getenv ("FERRY_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("FERRY_SCREENSHOT_DIR not set");
      return;
    }
  for (guint pass = 0; pass < 3; pass++)
    {
      Board b;
      GtkWidget *sources;
      FerryNetworkSource *web;

      adw_style_manager_set_color_scheme (style, pass == 2 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                           : ADW_COLOR_SCHEME_DEFAULT);
      b = pass == 1 ? open_board_sized (600, 760) : open_board_sized (1100, 760);
      sources = view_of (&b, "network-sources");
      web = source_named (&b, "VLAN100-Web");
      drag_and_drop (&b, "VLAN100-Web", "web-segment");
      drag_and_drop (&b, "VLAN110-App", "app-segment");
      drag_and_drop (&b, "VLAN130-Mgmt",
                     extended_destination (&b, "L2E_VLAN130-Mgmt") != NULL
                         ? ferry_network_get_name (extended_destination (&b, "L2E_VLAN130-Mgmt"))
                         : "db-segment");
      g_signal_emit_by_name (sources, "activate", source_position (&b, web));
      iterate_a_while (100);
      gtk_widget_activate_action (sources, "list.select-item", "(ubb)",
                                  source_position (&b, web) + 2, FALSE, FALSE);
      g_assert_true (press (&b, "<Control>Return"));
      choose_by_typing (&b, "dmz");
      if (pass == 1)
        gtk_widget_activate_action (sources, "list.select-item", "(ubb)",
                                    source_position (&b, web) + 1, FALSE, FALSE);
      else
        {
          /* The whole board at a glance: the source collapsed, nothing selected. */
          g_signal_emit_by_name (sources, "activate", source_position (&b, web));
          gtk_selection_model_unselect_all (
              ferry_wizard_networks_page_get_source_selection (b.page));
        }
      save_screenshot (b.window, names[pass]);
      close_board (&b);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Each destination row shown says the network of its place in the list after a search and
 * after the search is cleared (the rows stay and show other networks), and as many rows are
 * shown as the list holds. */
static void
check_target_rows (Board *b)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GListModel *targets = ferry_wizard_networks_page_get_targets (b->page);
  guint n_shown = 0;

  collect (GTK_WIDGET (b->page), "network-target", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (GPtrArray) titles = g_ptr_array_new ();
      GObject *network;

      if (!gtk_widget_get_mapped (rows->pdata[i]))
        continue;
      network = row_object (rows->pdata[i]);
      g_assert_true (FERRY_IS_NETWORK (network));
      collect (rows->pdata[i], "network-name", titles);
      g_assert_cmpuint (titles->len, ==, 1);
      g_assert_true (GTK_IS_INSCRIPTION (titles->pdata[0]));
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (titles->pdata[0])), ==,
                       ferry_network_get_name (FERRY_NETWORK (network)));
      n_shown++;
    }
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <=, g_list_model_get_n_items (targets));
}

static void
test_search_rows (void)
{
  Board b = open_board ();
  GListModel *targets = ferry_wizard_networks_page_get_targets (b.page);
  guint n_all = g_list_model_get_n_items (targets);

  check_target_rows (&b);
  ferry_wizard_networks_page_set_search (b.page, "segment");
  iterate_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (targets), <, n_all);
  check_target_rows (&b);
  ferry_wizard_networks_page_set_search (b.page, "web-segment");
  iterate_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 1);
  check_target_rows (&b);
  ferry_wizard_networks_page_set_search (b.page, NULL);
  iterate_a_while (100);
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, n_all);
  check_target_rows (&b);
  close_board (&b);
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
      return ferry_test_run_no_display ("/wizard-networks/display");
    }
  adw_init ();
  g_content_type_set_mime_dirs (mime_dirs);
  /* The isolated data dirs hide the icon theme the app finds in a session. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  "/usr/share/icons");
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  app = ferry_application_new ("io.github.ferry_hcx.Ferry.TestNetworks", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/wizard-networks/drop", test_drop);
  g_test_add_func ("/wizard-networks/exception", test_exception);
  g_test_add_func ("/wizard-networks/suggest", test_suggest);
  g_test_add_func ("/wizard-networks/keyboard-only", test_keyboard_only);
  g_test_add_func ("/wizard-networks/load-error", test_load_error);
  g_test_add_func ("/wizard-networks/search-rows", test_search_rows);
  g_test_add_func ("/wizard-networks/screenshots", test_screenshots);
  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
