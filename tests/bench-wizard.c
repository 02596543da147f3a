/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-wizard.c: the wizard's VM step with the simulator's 10,000- and 100,000-VM inventories
 * (cairo renderer under Xvfb), each figure from the API call to the next frame painted:
 *   - the inventory's first rows shown, and all of it loaded and shown (the list is usable
 *     from its first page on: VMs come page by page),
 *   - search keystrokes, a header sort, "select all matching",
 *   - the peak RSS of the process;
 * and, in the same run on the same VM objects, the floor: a plain GTK 4.8 column view
 * (Filter(Sort(GListStore)), GtkStringFilter, stock GtkStringSorter, six GtkLabel columns).
 *
 *   bench-wizard [N …]        (default: 10000 100000; each N in a process of its own)
 *
 * Each figure is measured FERRY_BENCH_RUNS times (default 5) and printed as min / median / max:
 * the machine is shared, and one run says little. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferry-hcx-client.h"
#include "ferry-test-sim.h"
#include "ferry-wizard-vm-page.h"

static guint paints;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  paints++;
}

/* Runs the main loop until a frame was painted after now; returns ms since @start. */
static double
until_painted (GtkWidget *window, gint64 start)
{
  guint before = paints;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (window);
  while (paints == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static gint64
status_kb (const char *field)
{
  g_autofree char *contents = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  p = strstr (contents, field);
  return p != NULL ? g_ascii_strtoll (p + strlen (field), NULL, 10) : -1;
}

static const char *
load_average (void)
{
  static char text[32];
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "?";
  g_strlcpy (text, contents, sizeof text);
  /* The first three figures. */
  for (int i = 0, spaces = 0; text[i] != '\0'; i++)
    if (text[i] == ' ' && ++spaces == 3)
      text[i] = '\0';
  return text;
}

static GtkWidget *
new_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb),
                    NULL);
  return window;
}

static void
got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
loaded_cb (FerryWizardVmPage *page, gboolean *done)
{
  *done = TRUE;
}

#define MAX_RUNS 15

static guint n_runs = 5;

/* "min / median / max" of @n values (sorted in place). */
static const char *
spread (double *v, guint n)
{
  static char text[64];

  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double t = v[j];

        v[j] = v[j - 1];
        v[j - 1] = t;
      }
  g_snprintf (text, sizeof text, "%.1f / %.1f / %.1f", v[0], v[n / 2], v[n - 1]);
  return text;
}

static void
print_rss (const char *when)
{
  if (g_getenv ("FERRY_BENCH_VERBOSE"))
    g_print ("    RSS %s: %" G_GINT64_FORMAT " MB\n", when, status_kb ("VmRSS:") / 1024);
}

/* ---- The floor: a plain column view ---- */

static void
floor_setup (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
floor_bind (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  const char *prop = data;
  g_auto (GValue) v = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_object_get_property (gtk_list_item_get_item (item), prop, &v);
  text = G_VALUE_HOLDS_STRING (&v) ? g_value_dup_string (&v) : g_strdup_value_contents (&v);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

typedef struct
{
  GtkColumnView *view;
  GtkStringFilter *filter;
  GtkColumnViewColumn *name_column;
  GtkWidget *window;
} Floor;

static void
floor_build (Floor *f, GListModel *vms)
{
  static const char *props[]
      = { "name", "guest-full-name", "num-cpu", "memory-mb", "cluster", "folder" };
  GtkSortListModel *sort;
  GtkFilterListModel *filter_model;
  GtkWidget *scroller = gtk_scrolled_window_new ();

  f->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkExpression *e = gtk_property_expression_new (FERRY_TYPE_VM, NULL, props[i]);

      g_signal_connect (factory, "setup", G_CALLBACK (floor_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (floor_bind), (gpointer)props[i]);
      column = gtk_column_view_column_new (props[i], factory);
      if (i == 0 || i >= 4 || i == 1)
        gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_string_sorter_new (e)));
      else
        gtk_expression_unref (e);
      gtk_column_view_append_column (f->view, column);
      if (i == 0)
        f->name_column = column;
      g_object_unref (column);
    }
  sort = gtk_sort_list_model_new (g_object_ref (vms),
                                  g_object_ref (gtk_column_view_get_sorter (f->view)));
  f->filter = gtk_string_filter_new (gtk_property_expression_new (FERRY_TYPE_VM, NULL, "name"));
  gtk_string_filter_set_match_mode (f->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  filter_model = gtk_filter_list_model_new (G_LIST_MODEL (sort), GTK_FILTER (f->filter));
  gtk_column_view_set_model (
      f->view, GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (filter_model))));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->view));
  f->window = new_window (scroller);
}

/* ---- One inventory size ---- */

static const char *keys[] = { "p", "pr", "prd", "prd-", "" };

static void
run (guint n_vms)
{
  FerrySimOptions opts = { .n_vms = n_vms };
  FerrySimThread *sim = ferry_test_sim_start (&opts);
  g_autoptr (FerryHcxClient) client = NULL;
  g_autoptr (GAsyncResult) login = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  FerryWizardVmPage *page;
  GtkColumnView *view;
  GtkWidget *window;
  gboolean loaded = FALSE;
  gint64 t0;
  double first_rows = -1, shown, key[G_N_ELEMENTS (keys)][MAX_RUNS], sort_name[MAX_RUNS],
         sort_disk[MAX_RUNS], select_all[MAX_RUNS];
  double floor_key[G_N_ELEMENTS (keys)][MAX_RUNS], floor_sort[MAX_RUNS];
  GListModel *columns;
  Floor floor = { 0 };

  client = ferry_hcx_client_new (ferry_sim_thread_get_url (sim), &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (client, ferry_sim_thread_get_fingerprint (sim));
  ferry_hcx_client_login_async (client, "cloudadmin@vsphere.local", "VMware1!", NULL, got_result,
                                &login);
  while (login == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ferry_hcx_client_login_finish (client, login, &error));

  page = FERRY_WIZARD_VM_PAGE (ferry_wizard_vm_page_new (plan));
  window = new_window (GTK_WIDGET (page));
  settle (300);

  print_rss ("before the load");
  /* API call → rows on screen. */
  g_signal_connect (page, "loaded", G_CALLBACK (loaded_cb), &loaded);
  t0 = g_get_monotonic_time ();
  ferry_wizard_vm_page_load (page, client);
  while (!loaded)
    {
      g_main_context_iteration (NULL, TRUE);
      if (first_rows < 0
          && g_list_model_get_n_items (G_LIST_MODEL (ferry_wizard_vm_page_get_selection (page)))
                 > 0)
        first_rows = until_painted (window, t0);
    }
  shown = until_painted (window, t0);
  print_rss ("after the load");
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_vm_page_get_inventory (page)), ==,
                    n_vms);
  settle (300);

  view = ferry_wizard_vm_page_get_column_view (page);
  columns = gtk_column_view_get_columns (view);
  for (guint r = 0; r < n_runs; r++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          t0 = g_get_monotonic_time ();
          ferry_wizard_vm_page_set_search (page, keys[k]);
          if (g_getenv ("FERRY_BENCH_VERBOSE"))
            g_print ("    filter \"%s\" %.1f ms synchronous\n", keys[k],
                     (g_get_monotonic_time () - t0) / 1000.0);
          key[k][r] = until_painted (window, t0);
          settle (50);
        }
      {
        g_autoptr (GtkColumnViewColumn) name = g_list_model_get_item (columns, 1);
        g_autoptr (GtkColumnViewColumn) disk = g_list_model_get_item (columns, 6);

        t0 = g_get_monotonic_time ();
        gtk_column_view_sort_by_column (view, name,
                                        r % 2 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        sort_name[r] = until_painted (window, t0);
        settle (50);
        t0 = g_get_monotonic_time ();
        gtk_column_view_sort_by_column (view, disk, GTK_SORT_DESCENDING);
        sort_disk[r] = until_painted (window, t0);
        settle (50);
      }
      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (page), "vms.select-matching", NULL);
      select_all[r] = until_painted (window, t0);
      g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, n_vms);
      settle (50);
      if (r == 0)
        print_rss ("after searches, sorts and select all");
      gtk_widget_activate_action (GTK_WIDGET (page), "vms.clear-selection", NULL);
      settle (100);
    }
  g_print ("# %u VMs, Ferry's VM step (min / median / max of %u runs, ms, API call → frame "
           "painted; load average %s)\n",
           n_vms, n_runs, load_average ());
  g_print ("  inventory's first rows shown: %.0f\n", first_rows);
  g_print ("  inventory loaded over HTTPS and shown: %.0f\n", shown);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_print ("  keystroke → \"%s\": %s\n", keys[k], spread (key[k], n_runs));
  g_print ("  sort by Name header: %s\n", spread (sort_name, n_runs));
  g_print ("  sort by Disk header: %s\n", spread (sort_disk, n_runs));
  g_print ("  select all matching (%u VMs): %s\n", n_vms, spread (select_all, n_runs));
  g_print ("  peak RSS so far: %" G_GINT64_FORMAT " MB\n", status_kb ("VmHWM:") / 1024);

  /* The floor, on the same objects. */
  floor_build (&floor, ferry_wizard_vm_page_get_inventory (page));
  settle (500);
  for (guint r = 0; r < n_runs; r++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          t0 = g_get_monotonic_time ();
          gtk_string_filter_set_search (floor.filter, keys[k]);
          floor_key[k][r] = until_painted (floor.window, t0);
          settle (50);
        }
      t0 = g_get_monotonic_time ();
      gtk_column_view_sort_by_column (floor.view, floor.name_column,
                                      r % 2 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      floor_sort[r] = until_painted (floor.window, t0);
      settle (50);
    }
  g_print ("# %u VMs, floor: plain GTK 4.8 column view, same run (min / median / max of %u, "
           "ms)\n",
           n_vms, n_runs);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_print ("  keystroke → \"%s\": %s\n", keys[k], spread (floor_key[k], n_runs));
  g_print ("  sort by name header: %s\n", spread (floor_sort, n_runs));

  gtk_window_destroy (GTK_WINDOW (floor.window));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  ferry_sim_thread_stop (sim);
}

int
main (int argc, char *argv[])
{
  const char *defaults[] = { "10000", "100000" };
  const char *const *sizes = argc > 1 ? (const char *const *)argv + 1 : defaults;
  guint n_sizes = argc > 1 ? (guint)argc - 1 : G_N_ELEMENTS (defaults);

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* One inventory size per process, so that each peak RSS is that of a process that loaded
   * that inventory (a smaller one before it would leave its heap behind). */
  if (n_sizes > 1)
    {
      for (guint i = 0; i < n_sizes; i++)
        {
          const char *child[] = { "/proc/self/exe", sizes[i], NULL };
          g_autoptr (GError) error = NULL;
          int status = 0;

          if (!g_spawn_sync (NULL, (char **)child, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                             &status, &error)
              || !g_spawn_check_wait_status (status, &error))
            {
              g_printerr ("bench-wizard %s: %s\n", sizes[i], error->message);
              return 1;
            }
        }
      return 0;
    }
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  if (g_getenv ("FERRY_BENCH_RUNS") != NULL)
    n_runs = CLAMP (atoi (g_getenv ("FERRY_BENCH_RUNS")), 1, MAX_RUNS);
  g_print ("# renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  run ((guint)g_ascii_strtoull (sizes[0], NULL, 10));
  g_print ("# peak RSS of the process (with the floor's models): %" G_GINT64_FORMAT " MB\n",
           status_kb ("VmHWM:") / 1024);
  return 0;
}
