/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-wizard-networks.c: the wizard's Networks step at scale (cairo renderer under Xvfb),
 * against the embedded simulator with 1,200 VMs, 200 source networks and 500 destination
 * networks, 1,000 VMs in the plan. Each figure runs from the call to the next frame painted:
 *   (a) entering the step: the page built, its destinations loaded over HTTPS, board shown,
 *   (b) one drop through ferry_wizard_networks_page_drop (one source mapped),
 *   (c) 200 sources mapped in one drop, (d) undo of that,
 *   (e) one keystroke in the destination search,
 *   (g) opening the auto-map dialog with a suggestion for every source (the board unmapped),
 *   (f) one VM removed from / added back to the plan: the plan alone (no widgets), with the
 *       VM step shown, with the VM step and the board shown, and the plan alone again once
 *       its network map knows the destinations — which part costs what.
 *
 * `bench-wizard-networks review` instead measures one keystroke in the Review step's search
 * with 10,000 VMs in the plan (no connection: the review's summary and its VM list only).
 *
 * Each figure is measured FERRY_BENCH_RUNS times (default 5), printed as min / median / max,
 * for (a)–(e) with the main thread's CPU time beside the wall time: on a loaded machine the
 * wall time mostly measures the other processes. */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ferry-hcx-client.h"
#include "ferry-test-sim.h"
#include "ferry-wizard-networks-page.h"
#include "ferry-wizard-networks-private.h"
#include "ferry-wizard-review.h"
#include "ferry-wizard-vm-page.h"

#define N_VMS 1200
#define N_PLAN 1000
#define MAX_RUNS 15

static guint paints;
static guint n_runs = 5;
static double cpu_start, last_cpu;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The start of a timed call: its wall time, and the thread's CPU time kept for until_painted. */
static gint64
start_clock (void)
{
  cpu_start = thread_cpu_ms ();
  return g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  paints++;
}

static double
until_painted (GtkWidget *window, gint64 start)
{
  guint before = paints;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (window);
  while (paints == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  last_cpu = thread_cpu_ms () - cpu_start;
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

static const char *
load_average (void)
{
  static char text[32];
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "?";
  g_strlcpy (text, contents, sizeof text);
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

/* Removes and adds back one VM @n_runs times; @window NULL: no frame to wait for. */
static void
plan_change (FerryPlan *plan, FerryVm *vm, GtkWidget *window, double *remove, double *add,
             double *remove_sync, double *add_sync)
{
  for (guint r = 0; r < n_runs; r++)
    {
      gint64 t0 = g_get_monotonic_time ();

      ferry_plan_remove_vm (plan, vm);
      remove_sync[r] = (g_get_monotonic_time () - t0) / 1000.0;
      remove[r] = window != NULL ? until_painted (window, t0) : remove_sync[r];
      settle (30);
      t0 = g_get_monotonic_time ();
      ferry_plan_add_vm (plan, vm);
      add_sync[r] = (g_get_monotonic_time () - t0) / 1000.0;
      add[r] = window != NULL ? until_painted (window, t0) : add_sync[r];
      settle (30);
    }
}

static void
print_change (const char *what, double *remove, double *add, double *remove_sync, double *add_sync)
{
  g_print ("  %s: remove one VM %s", what, spread (remove, n_runs));
  g_print (" (synchronous %s)", spread (remove_sync, n_runs));
  g_print (", add it back %s", spread (add, n_runs));
  g_print (" (synchronous %s)\n", spread (add_sync, n_runs));
}

static guint n_plan_changed, n_map_notify;

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static guint
count_class (GtkWidget *widget, const char *css_class)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_has_css_class (c, css_class) + count_class (c, css_class);
  return n;
}

static gboolean
board_shown (FerryWizardNetworksPage *page)
{
  return g_strcmp0 (ferry_wizard_networks_page_get_state (page), "board") == 0;
}

static gboolean
drop_sources (FerryWizardNetworksPage *page, GListModel *sources, guint n, FerryNetwork *target)
{
  g_auto (GValue) value = G_VALUE_INIT;
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n && i < g_list_model_get_n_items (sources); i++)
    g_ptr_array_add (array, g_list_model_get_item (sources, i));
  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_take_boxed (&value, array);
  return ferry_wizard_networks_page_drop (page, &value, target);
}

static FerryHcxClient *
connect_to (FerrySimThread *sim)
{
  FerryHcxClient *client;
  g_autoptr (GAsyncResult) login = NULL;
  g_autoptr (GError) error = NULL;

  client = ferry_hcx_client_new (ferry_sim_thread_get_url (sim), &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (client, ferry_sim_thread_get_fingerprint (sim));
  ferry_hcx_client_login_async (client, "cloudadmin@vsphere.local", "VMware1!", NULL, got_result,
                                &login);
  while (login == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ferry_hcx_client_login_finish (client, login, &error));
  return client;
}

static void
review (void)
{
  static const char *review_keys[] = { "p", "pr", "prd", "" };
  FerrySimOptions opts = { .n_vms = 10000 };
  FerrySimThread *sim = ferry_test_sim_start (&opts);
  g_autoptr (FerryHcxClient) client = connect_to (sim);
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  FerryWizardVmPage *vm_page = FERRY_WIZARD_VM_PAGE (ferry_wizard_vm_page_new (plan));
  GtkWidget *vm_window = new_window (GTK_WIDGET (vm_page)), *window;
  FerryWizardReview *page;
  GListModel *inventory;
  gboolean loaded = FALSE;
  double key[G_N_ELEMENTS (review_keys)][MAX_RUNS];

  g_signal_connect (vm_page, "loaded", G_CALLBACK (loaded_cb), &loaded);
  ferry_wizard_vm_page_load (vm_page, client);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  inventory = ferry_wizard_vm_page_get_inventory (vm_page);
  for (guint i = 0; i < g_list_model_get_n_items (inventory); i++)
    g_ptr_array_add (vms, g_list_model_get_item (inventory, i));
  ferry_plan_add_vms (plan, (FerryVm *const *)vms->pdata, vms->len);
  g_assert_cmpuint (ferry_plan_get_n_items (plan), ==, 10000);
  gtk_window_destroy (GTK_WINDOW (vm_window));
  page = FERRY_WIZARD_REVIEW (ferry_wizard_review_new (plan, NULL, NULL));
  window = new_window (GTK_WIDGET (page));
  ferry_wizard_review_update (page);
  settle (500);
  for (guint r = 0; r < n_runs; r++)
    for (guint k = 0; k < G_N_ELEMENTS (review_keys); k++)
      {
        gint64 t0 = g_get_monotonic_time ();

        ferry_wizard_review_set_search (page, review_keys[k]);
        key[k][r] = until_painted (window, t0);
        if (k == 0)
          g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_review_get_shown (page)), <,
                            10000);
        settle (50);
      }
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_review_get_shown (page)), ==, 10000);
  g_print ("# Review step, 10000 VMs in the plan (min / median / max of %u runs, ms, call → "
           "frame painted; load average %s)\n",
           n_runs, load_average ());
  for (guint k = 0; k < G_N_ELEMENTS (review_keys); k++)
    g_print ("  keystroke → \"%s\": %s\n", review_keys[k], spread (key[k], n_runs));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  ferry_sim_thread_stop (sim);
}

int
main (int argc, char *argv[])
{
  FerrySimOptions opts
      = { .n_vms = N_VMS, .n_source_networks = 200, .n_destination_networks = 500 };
  FerrySimThread *sim;
  g_autoptr (FerryHcxClient) client = NULL;
  g_autoptr (GAsyncResult) login = NULL, sites_result = NULL;
  g_autoptr (GListModel) sites = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) plan = NULL;
  g_autoptr (FerryPlan) bare = NULL;
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  const char *endpoint_id = NULL;
  FerryWizardVmPage *vm_page;
  FerryWizardNetworksPage *page = NULL;
  GtkWidget *vm_window, *window = NULL;
  GListModel *inventory, *sources;
  FerryNetworkMap *map;
  FerryVm *extra;
  gboolean loaded = FALSE;
  gint64 t0;
  double enter[MAX_RUNS], drop1[MAX_RUNS], drop200[MAX_RUNS], undo[MAX_RUNS], key[MAX_RUNS];
  double suggest[MAX_RUNS];
  double cpu[6][MAX_RUNS];
  guint n_suggested = 0;
  double rm[4][MAX_RUNS], ad[4][MAX_RUNS], rms[4][MAX_RUNS], ads[4][MAX_RUNS];
  guint n_sources, n_alive = 0;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  if (g_getenv ("FERRY_BENCH_RUNS") != NULL)
    n_runs = CLAMP (atoi (g_getenv ("FERRY_BENCH_RUNS")), 1, MAX_RUNS);
  g_print ("# renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  if (argc > 1 && g_str_equal (argv[1], "review"))
    {
      review ();
      return 0;
    }

  sim = ferry_test_sim_start (&opts);
  client = ferry_hcx_client_new (ferry_sim_thread_get_url (sim), &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (client, ferry_sim_thread_get_fingerprint (sim));
  ferry_hcx_client_login_async (client, "cloudadmin@vsphere.local", "VMware1!", NULL, got_result,
                                &login);
  while (login == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ferry_hcx_client_login_finish (client, login, &error));
  ferry_hcx_client_list_sites_async (client, NULL, got_result, &sites_result);
  while (sites_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  sites = ferry_hcx_client_list_sites_finish (client, sites_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sites), >, 0);
  {
    g_autoptr (FerrySite) site = g_list_model_get_item (sites, 0);

    endpoint_id = g_intern_string (ferry_site_get_endpoint_id (site));
  }

  /* The inventory, through the VM step as the wizard loads it. */
  plan = ferry_plan_new ();
  ferry_plan_set_remote_endpoint_id (plan, endpoint_id);
  vm_page = FERRY_WIZARD_VM_PAGE (ferry_wizard_vm_page_new (plan));
  vm_window = new_window (GTK_WIDGET (vm_page));
  g_signal_connect (vm_page, "loaded", G_CALLBACK (loaded_cb), &loaded);
  ferry_wizard_vm_page_load (vm_page, client);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  inventory = ferry_wizard_vm_page_get_inventory (vm_page);
  g_assert_cmpuint (g_list_model_get_n_items (inventory), ==, N_VMS);
  for (guint i = 0; i < N_PLAN; i++)
    g_ptr_array_add (vms, g_list_model_get_item (inventory, i));
  extra = g_list_model_get_item (inventory, N_PLAN);

  /* (f) without any widget: the plan alone, on a plan of its own with the same VMs. */
  bare = ferry_plan_new ();
  ferry_plan_add_vms (bare, (FerryVm *const *)vms->pdata, vms->len);
  plan_change (bare, extra, NULL, rm[0], ad[0], rms[0], ads[0]);
  t0 = g_get_monotonic_time ();
  ferry_plan_add_vms (plan, (FerryVm *const *)vms->pdata, vms->len);
  g_print ("# adding %u VMs to the plan at once (VM step shown): %.1f ms\n", N_PLAN,
           until_painted (vm_window, t0));
  settle (300);
  ferry_plan_add_vm (plan, extra);
  settle (100);
  plan_change (plan, extra, vm_window, rm[1], ad[1], rms[1], ads[1]);
  map = ferry_plan_get_network_map (plan);

  /* (a) entering the step, a new page each run. */
  for (guint r = 0; r < n_runs; r++)
    {
      if (window != NULL)
        {
          gpointer old = page;

          g_object_add_weak_pointer (G_OBJECT (old), &old);
          gtk_window_destroy (GTK_WINDOW (window));
          settle (100);
          if (old != NULL)
            n_alive++;
        }
      t0 = start_clock ();
      page = FERRY_WIZARD_NETWORKS_PAGE (ferry_wizard_networks_page_new (plan));
      window = new_window (GTK_WIDGET (page));
      ferry_wizard_networks_page_load (page, client, endpoint_id);
      while (!board_shown (page) && g_get_monotonic_time () - t0 < 60 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (board_shown (page));
      enter[r] = until_painted (window, t0);
      cpu[0][r] = last_cpu;
      settle (200);
    }
  sources = ferry_network_map_get_sources (map);
  n_sources = g_list_model_get_n_items (sources);
  g_assert_cmpuint (n_sources, >=, 100);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_wizard_networks_page_get_targets (page)), >=,
                    400);

  for (guint r = 0; r < n_runs; r++)
    {
      GListModel *targets = ferry_wizard_networks_page_get_targets (page);
      g_autoptr (FerryNetwork) target = g_list_model_get_item (targets, r);
      g_autoptr (FerryNetworkSource) first = g_list_model_get_item (sources, 0);

      /* (b) one source. */
      t0 = start_clock ();
      g_assert_true (drop_sources (page, sources, 1, target));
      drop1[r] = until_painted (window, t0);
      cpu[1][r] = last_cpu;
      g_assert_true (ferry_network_source_get_target (first) == target);
      settle (50);
      ferry_network_map_undo (map);
      settle (50);
      /* (c) every source, (d) its undo. */
      t0 = start_clock ();
      g_assert_true (drop_sources (page, sources, 200, target));
      drop200[r] = until_painted (window, t0);
      cpu[2][r] = last_cpu;
      settle (50);
      t0 = start_clock ();
      ferry_network_map_undo (map);
      undo[r] = until_painted (window, t0);
      cpu[3][r] = last_cpu;
      g_assert_null (ferry_network_source_get_target (first));
      settle (50);
      /* (e) one keystroke, then the search cleared (not timed). */
      t0 = start_clock ();
      ferry_wizard_networks_page_set_search (page, r % 2 ? "2" : "1");
      key[r] = until_painted (window, t0);
      cpu[4][r] = last_cpu;
      settle (50);
      ferry_wizard_networks_page_set_search (page, "");
      settle (100);
      /* (g) the auto-map dialog, shown until its first frame, then closed (not timed). */
      {
        GtkWidget *dialog;
        g_autoptr (GListModel) suggestions = ferry_network_map_suggest (map);

        n_suggested = g_list_model_get_n_items (suggestions);
        t0 = start_clock ();
        dialog = ferry_wizard_networks_suggest_dialog_new (page);
        gtk_window_present (GTK_WINDOW (dialog));
        g_signal_connect (gtk_widget_get_frame_clock (dialog), "after-paint",
                          G_CALLBACK (after_paint_cb), NULL);
        suggest[r] = until_painted (dialog, t0);
        cpu[5][r] = last_cpu;
        gtk_window_destroy (GTK_WINDOW (dialog));
        settle (100);
      }
    }
  /* What one plan change emits that the board listens to (each one refreshes the board). */
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_cb), &n_plan_changed);
  g_signal_connect_swapped (map, "notify::n-problems", G_CALLBACK (count_cb), &n_map_notify);
  g_signal_connect_swapped (map, "notify::n-unmapped", G_CALLBACK (count_cb), &n_map_notify);
  plan_change (plan, extra, window, rm[2], ad[2], rms[2], ads[2]);
  /* The same plan change without widgets, once the map knows the destinations. */
  ferry_network_map_set_destinations (ferry_plan_get_network_map (bare),
                                      ferry_network_map_get_destinations (map));
  plan_change (bare, extra, NULL, rm[3], ad[3], rms[3], ads[3]);

  g_print ("# Networks step: %u VMs in the simulator, %u in the plan, %u source networks in the "
           "map, %u destinations (min / median / max of %u runs, ms, call → frame painted; load "
           "average %s)\n",
           N_VMS, ferry_plan_get_n_items (plan), n_sources,
           g_list_model_get_n_items (ferry_network_map_get_destinations (map)), n_runs,
           load_average ());
  g_print ("  board row widgets: %u sources, %u destinations\n",
           count_class (GTK_WIDGET (page), "network-source"),
           count_class (GTK_WIDGET (page), "network-target"));
  g_print ("  pages of earlier runs still alive after their window was destroyed: %u\n", n_alive);
  g_print ("  (a) entering the step, board shown: %s", spread (enter, n_runs));
  g_print (" (main thread CPU %s)\n", spread (cpu[0], n_runs));
  g_print ("  (b) one drop, one source mapped: %s", spread (drop1, n_runs));
  g_print (" (main thread CPU %s)\n", spread (cpu[1], n_runs));
  g_print ("  (c) %u sources mapped in one drop: %s", MIN (200, n_sources),
           spread (drop200, n_runs));
  g_print (" (main thread CPU %s)\n", spread (cpu[2], n_runs));
  g_print ("  (d) undo of that: %s", spread (undo, n_runs));
  g_print (" (main thread CPU %s)\n", spread (cpu[3], n_runs));
  g_print ("  (e) keystroke in the destination search: %s", spread (key, n_runs));
  g_print (" (main thread CPU %s)\n", spread (cpu[4], n_runs));
  g_print ("  (g) the auto-map dialog with %u suggestions, opened: %s", n_suggested,
           spread (suggest, n_runs));
  g_print (" (main thread CPU %s)\n", spread (cpu[5], n_runs));
  g_print ("# (f) one plan change at %u VMs\n", N_PLAN);
  print_change ("plan alone, no widget", rm[0], ad[0], rms[0], ads[0]);
  print_change ("VM step shown", rm[1], ad[1], rms[1], ads[1]);
  print_change ("VM step and board shown", rm[2], ad[2], rms[2], ads[2]);
  g_print ("    per plan change: %.1f \"changed\" on the plan, %.1f notify::n-problems or "
           "notify::n-unmapped on the map\n",
           n_plan_changed / (2.0 * n_runs), n_map_notify / (2.0 * n_runs));
  print_change ("plan alone, its map given the 500 destinations", rm[3], ad[3], rms[3], ads[3]);

  g_object_unref (extra);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (vm_window));
  settle (100);
  ferry_sim_thread_stop (sim);
  return 0;
}
