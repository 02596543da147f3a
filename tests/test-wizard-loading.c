/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wizard-loading.c: the wizard's VM list while the inventory loads, page by page, from the
 * simulator slowed down (each page of 1,000 VMs held back): the first page is shown before the
 * load ends; a search typed mid-load keeps working while the list grows; a VM selected mid-load
 * stays selected; a sort chosen mid-load holds for the pages after it; and the header sorts
 * order the list as the columns say. Real widgets under Xvfb, real HTTPS. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ferry-test-require.h"
#include "ferry-hcx-client.h"
#include "ferry-test-sim.h"
#include "ferry-vm-selection.h"
#include "ferry-wizard-vm-page.h"

#define N_VMS 6000

typedef struct
{
  FerrySimThread *sim;
  FerryHcxClient *client;
  FerryPlan *plan;
  FerryWizardVmPage *page;
  GtkWidget *window;
  gboolean loaded;
} Fixture;

static void
got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_usleep (1000);
}

static void
loaded_cb (FerryWizardVmPage *page, gboolean *loaded)
{
  *loaded = TRUE;
}

static FerryVmSelection *
selection_of (Fixture *fx)
{
  return FERRY_VM_SELECTION (ferry_wizard_vm_page_get_selection (fx->page));
}

static guint
n_shown (Fixture *fx)
{
  return g_list_model_get_n_items (G_LIST_MODEL (selection_of (fx)));
}

static guint
n_loaded (Fixture *fx)
{
  return ferry_vm_array_get_length (ferry_vm_selection_get_vms (selection_of (fx)));
}

/* Iterates until the loaded VMs pass @n (or the load ends); fails after 30 s. */
static void
wait_loaded_past (Fixture *fx, guint n)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC * ferry_test_time_factor ();

  while (n_loaded (fx) <= n && !fx->loaded)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate ();
    }
}

static void
wait_until_loaded (Fixture *fx)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC * ferry_test_time_factor ();

  while (!fx->loaded)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate ();
    }
}

/* A page in a window, logged in to a simulator of N_VMS whose VM pages each take @latency_ms
 * (times ferry_test_time_factor(): under the sanitizer setups the test's own steps between two
 * pages are that much slower, and the tests need pages still to come); the load started. */
static void
fixture_set_up (Fixture *fx, guint latency_ms)
{
  FerrySimOptions opts = { .n_vms = N_VMS, .seed = 3 };
  g_autoptr (GAsyncResult) login = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fault = NULL;
  JsonNode *answer;

  fx->sim = ferry_test_sim_start (&opts);
  fault = g_strdup_printf ("{\"path\":\"/service/inventory/virtualmachines\",\"latencyMs\":%u}",
                           latency_ms * (guint)ferry_test_time_factor ());
  answer = ferry_test_sim_control (fx->sim, "POST", "/__sim/faults", fault);
  g_clear_pointer (&answer, json_node_unref);
  fx->client = ferry_hcx_client_new (ferry_sim_thread_get_url (fx->sim), &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (fx->client, ferry_sim_thread_get_fingerprint (fx->sim));
  ferry_hcx_client_login_async (fx->client, "cloudadmin@vsphere.local", "VMware1!", NULL,
                                got_result, &login);
  while (login == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ferry_hcx_client_login_finish (fx->client, login, &error));
  g_assert_no_error (error);

  fx->plan = ferry_plan_new ();
  fx->page = FERRY_WIZARD_VM_PAGE (ferry_wizard_vm_page_new (fx->plan));
  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (fx->window), GTK_WIDGET (fx->page));
  gtk_window_present (GTK_WINDOW (fx->window));
  g_signal_connect (fx->page, "loaded", G_CALLBACK (loaded_cb), &fx->loaded);
  ferry_wizard_vm_page_load (fx->page, fx->client);
}

static void
fixture_tear_down (Fixture *fx)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  for (guint i = 0; i < 20; i++)
    iterate ();
  g_clear_object (&fx->plan);
  g_clear_object (&fx->client);
  ferry_sim_thread_stop (fx->sim);
}

static guint
count_matching (GListModel *vms, const char *search)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (vms); i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);

      n += strstr (ferry_vm_get_search_key (vm), search) != NULL;
    }
  return n;
}

static void
assert_all_shown_match (Fixture *fx, const char *search)
{
  for (guint i = 0; i < n_shown (fx); i++)
    g_assert_nonnull (strstr (
        ferry_vm_get_search_key (ferry_vm_selection_get_vm (selection_of (fx), i)), search));
}

static guint
position_of (Fixture *fx, FerryVm *vm)
{
  for (guint i = 0; i < n_shown (fx); i++)
    if (ferry_vm_selection_get_vm (selection_of (fx), i) == vm)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* What the cells of the Name column show now (the rows GTK built): the only text cells
 * without the "numeric" style. */
static void
collect_names (GtkWidget *widget, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_INSCRIPTION (c) && !gtk_widget_has_css_class (c, "numeric"))
        g_ptr_array_add (out, (gpointer)gtk_inscription_get_text (GTK_INSCRIPTION (c)));
      collect_names (c, out);
    }
}

/* Every row on screen shows a VM of the list as it is now, never one it showed before. */
static void
assert_cells_show_shown (Fixture *fx)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* Until the window is mapped and its rows built. */
  for (guint i = 0; i < 10 || (cells->len <= 10 && g_get_monotonic_time () < deadline); i++)
    {
      iterate ();
      g_ptr_array_set_size (cells, 0);
      collect_names (GTK_WIDGET (ferry_wizard_vm_page_get_column_view (fx->page)), cells);
    }
  for (guint i = 0; i < n_shown (fx); i++)
    g_hash_table_add (
        names, (gpointer)ferry_vm_get_name (ferry_vm_selection_get_vm (selection_of (fx), i)));
  g_assert_cmpuint (cells->len, >, 10);
  for (guint i = 0; i < cells->len; i++)
    if (cells->pdata[i] != NULL && !g_hash_table_contains (names, cells->pdata[i]))
      g_error ("a row shows %s, which is not in the list", (char *)cells->pdata[i]);
}

/* The Name column's cells (inscriptions without the "numeric" style). */
static void
collect_name_cells (GtkWidget *widget, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_INSCRIPTION (c) && !gtk_widget_has_css_class (c, "numeric")
          && gtk_inscription_get_text (GTK_INSCRIPTION (c)) != NULL)
        g_ptr_array_add (out, c);
      collect_name_cells (c, out);
    }
}

/* Each row on screen is drawn selected exactly when its VM is in the plan; returns how many
 * are. */
static guint
assert_rows_selected_as_planned (Fixture *fx)
{
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  guint n_selected = 0;

  for (guint i = 0; i < 10; i++)
    iterate ();
  for (guint i = 0; i < n_shown (fx); i++)
    {
      FerryVm *vm = ferry_vm_selection_get_vm (selection_of (fx), i);

      g_hash_table_insert (by_name, (gpointer)ferry_vm_get_name (vm), vm);
    }
  collect_name_cells (GTK_WIDGET (ferry_wizard_vm_page_get_column_view (fx->page)), cells);
  g_assert_cmpuint (cells->len, >, 10);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      /* inscription → column view cell → row */
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (cell));
      FerryVm *vm
          = g_hash_table_lookup (by_name, gtk_inscription_get_text (GTK_INSCRIPTION (cell)));
      gboolean drawn = (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0;

      g_assert_nonnull (vm);
      if (drawn != ferry_plan_contains (fx->plan, vm))
        g_error ("the row of %s is drawn %s", ferry_vm_get_name (vm),
                 drawn ? "selected but is not" : "unselected but is selected");
      n_selected += drawn;
    }
  g_test_message ("%u of %u rows on screen drawn selected", n_selected, cells->len);
  return n_selected;
}

/* A search and a selection made while the inventory loads survive the pages that follow. */
static void
test_search_and_select_while_loading (void)
{
  Fixture fx = { 0 };
  FerryVm *chosen;
  guint n_first, first_loaded, chosen_at;

  fixture_set_up (&fx, 400);

  /* The first page is shown, searchable and selectable, long before the last. */
  wait_loaded_past (&fx, 0);
  g_assert_false (fx.loaded);
  g_assert_true (ferry_wizard_vm_page_get_loading (fx.page));
  g_assert_null (ferry_wizard_vm_page_get_inventory (fx.page));
  g_assert_cmpuint (n_loaded (&fx), <, N_VMS);
  g_assert_cmpuint (n_shown (&fx), ==, n_loaded (&fx));
  assert_cells_show_shown (&fx);

  /* No main loop between the search and the counts: no page comes in between. */
  ferry_wizard_vm_page_set_search (fx.page, "web");
  first_loaded = n_loaded (&fx);
  n_first = n_shown (&fx);
  g_assert_false (fx.loaded);
  g_assert_cmpuint (n_first, >, 0);
  g_assert_cmpuint (n_first, <, first_loaded);
  assert_all_shown_match (&fx, "web");
  assert_cells_show_shown (&fx);

  /* Select one shown now. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection_of (&fx)), 1, FALSE);
  chosen = ferry_vm_selection_get_vm (selection_of (&fx), 1);
  g_assert_cmpuint (ferry_plan_get_n_items (fx.plan), ==, 1);
  g_assert_true (ferry_plan_contains (fx.plan, chosen));
  g_assert_cmpuint (assert_rows_selected_as_planned (&fx), ==, 1);
  /* Another search moves it: the row that showed it is drawn unselected, its new one
   * selected. */
  ferry_wizard_vm_page_set_search (fx.page, "");
  assert_rows_selected_as_planned (&fx);
  ferry_wizard_vm_page_set_search (fx.page, "web");
  first_loaded = n_loaded (&fx);
  n_first = n_shown (&fx);
  g_assert_cmpuint (assert_rows_selected_as_planned (&fx), ==, 1);

  /* The next page: the list grows under the same search. */
  wait_loaded_past (&fx, first_loaded);
  g_assert_cmpuint (n_shown (&fx), >, n_first);
  assert_all_shown_match (&fx, "web");
  g_assert_true (ferry_plan_contains (fx.plan, chosen));

  assert_cells_show_shown (&fx);

  wait_until_loaded (&fx);
  g_assert_false (ferry_wizard_vm_page_get_loading (fx.page));
  g_assert_nonnull (ferry_wizard_vm_page_get_inventory (fx.page));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_vm_page_get_inventory (fx.page)), ==,
                    N_VMS);
  g_assert_cmpuint (n_shown (&fx), ==,
                    count_matching (ferry_wizard_vm_page_get_inventory (fx.page), "web"));
  assert_all_shown_match (&fx, "web");

  /* The VM chosen mid-load is still the one selected, shown as selected. */
  g_assert_cmpuint (ferry_plan_get_n_items (fx.plan), ==, 1);
  g_assert_true (ferry_plan_contains (fx.plan, chosen));
  chosen_at = position_of (&fx, chosen);
  g_assert_cmpuint (chosen_at, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (
      gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection_of (&fx)), chosen_at));

  /* Clearing the search shows all of them. */
  ferry_wizard_vm_page_set_search (fx.page, "");
  g_assert_cmpuint (n_shown (&fx), ==, N_VMS);
  fixture_tear_down (&fx);
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column; /* the view holds it */
    }
  g_assert_not_reached ();
}

static void
assert_sorted_by_name (Fixture *fx, gboolean descending)
{
  for (guint i = 1; i < n_shown (fx); i++)
    {
      g_autofree char *a = g_utf8_collate_key_for_filename (
          ferry_vm_get_name (ferry_vm_selection_get_vm (selection_of (fx), i - 1)), -1);
      g_autofree char *b = g_utf8_collate_key_for_filename (
          ferry_vm_get_name (ferry_vm_selection_get_vm (selection_of (fx), i)), -1);

      if (descending)
        g_assert_cmpint (strcmp (a, b), >=, 0);
      else
        g_assert_cmpint (strcmp (a, b), <=, 0);
    }
}

/* A header sort chosen mid-load holds for the pages after it; each column sorts by its value,
 * ties by name. */
static void
test_sort_while_loading (void)
{
  Fixture fx = { 0 };
  GtkColumnView *view;
  guint first_loaded;

  fixture_set_up (&fx, 300);
  view = ferry_wizard_vm_page_get_column_view (fx.page);

  wait_loaded_past (&fx, 0);
  g_assert_false (fx.loaded);
  assert_cells_show_shown (&fx);
  gtk_column_view_sort_by_column (view, column_titled (view, "Name"), GTK_SORT_DESCENDING);
  assert_sorted_by_name (&fx, TRUE);
  assert_cells_show_shown (&fx);
  ferry_wizard_vm_page_set_search (fx.page, "prd");
  first_loaded = n_loaded (&fx);
  g_assert_false (fx.loaded);
  wait_loaded_past (&fx, first_loaded);
  g_assert_cmpuint (n_shown (&fx), >, 0);
  assert_sorted_by_name (&fx, TRUE);
  assert_all_shown_match (&fx, "prd");
  wait_until_loaded (&fx);
  assert_sorted_by_name (&fx, TRUE);
  assert_all_shown_match (&fx, "prd");
  g_assert_cmpuint (n_shown (&fx), ==,
                    count_matching (ferry_wizard_vm_page_get_inventory (fx.page), "prd"));

  /* Ascending by name; then by disk, largest first, ties by name (descending too). */
  ferry_wizard_vm_page_set_search (fx.page, "");
  gtk_column_view_sort_by_column (view, column_titled (view, "Name"), GTK_SORT_ASCENDING);
  g_assert_cmpuint (n_shown (&fx), ==, N_VMS);
  assert_sorted_by_name (&fx, FALSE);
  gtk_column_view_sort_by_column (view, column_titled (view, "Disk"), GTK_SORT_DESCENDING);
  for (guint i = 1; i < n_shown (&fx); i++)
    g_assert_cmpint (
        ferry_vm_get_disk_bytes (ferry_vm_selection_get_vm (selection_of (&fx), i - 1)), >=,
        ferry_vm_get_disk_bytes (ferry_vm_selection_get_vm (selection_of (&fx), i)));
  /* By cluster, ascending: the clusters in order. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Cluster"), GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_shown (&fx); i++)
    {
      const char *a = ferry_vm_get_cluster (ferry_vm_selection_get_vm (selection_of (&fx), i - 1));
      const char *b = ferry_vm_get_cluster (ferry_vm_selection_get_vm (selection_of (&fx), i));

      g_assert_cmpint (g_utf8_collate (a != NULL ? a : "", b != NULL ? b : ""), <=, 0);
    }
  fixture_tear_down (&fx);
}

/* The client's side: each page lands in the caller's store before the load ends; a cancelled
 * load keeps the pages it appended. */
static void
test_client_into_store (void)
{
  Fixture fx = { 0 };

  fixture_set_up (&fx, 250);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (GListStore) store = g_list_store_new (FERRY_TYPE_VM);
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC * ferry_test_time_factor ();
      guint n;

      ferry_hcx_client_list_vms_into_async (fx.client, NULL, store, NULL, NULL, NULL, cancellable,
                                            got_result, &result);
      while (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
        {
          /* Not finished before its first page is in the store. */
          g_assert_null (result);
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      g_assert_null (result);
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_assert_cmpuint (n, <, N_VMS);
      if (pass == 1)
        g_cancellable_cancel (cancellable);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (pass == 0)
        {
          g_assert_true (ferry_hcx_client_list_vms_into_finish (fx.client, result, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, N_VMS);
        }
      else
        {
          g_assert_false (ferry_hcx_client_list_vms_into_finish (fx.client, result, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >=, n);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), <, N_VMS);
        }
    }
  wait_until_loaded (&fx);
  fixture_tear_down (&fx);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    {
      return ferry_test_run_no_display ("/wizard-loading/display");
    }
  adw_init ();

  g_test_add_func ("/wizard-loading/search-and-select-while-loading",
                   test_search_and_select_while_loading);
  g_test_add_func ("/wizard-loading/sort-while-loading", test_sort_while_loading);
  g_test_add_func ("/wizard-loading/client-into-store", test_client_into_store);
  return g_test_run ();
}
