/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-hcx-client.c: fetch and build the VM model for 10,000 and 100,000 VMs from the simulator
 * (running in its own thread, over HTTPS), reporting wall time, peak RSS and the longest main
 * loop stall, measured by a 1 ms timeout source that records the largest gap between its runs.
 *
 * With the floors built (tests/bench-floor.h), each figure is printed beside the floor's from the
 * same run: `floor_e2e N` (a bare libsoup + yajl client of the same simulator) and this program's
 * own load alternate, each in a fresh process, and the medians are compared.
 *
 *   bench-hcx-client                 the comparison: 10,000 VMs ×5, 100,000 ×3, warm stall ×5
 *   bench-hcx-client --one N …       one load each (no comparison)
 *   FERRY_BENCH_WARMUP=1             warm connections first
 *   FERRY_BENCH_COLD=1               watch the main loop from before the login (cold)
 *   FERRY_BENCH_ROUNDS=n             rounds per figure */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <string.h>

#include "ferry-hcx-client.h"
#include "ferry-test-sim.h"
#include "bench-floor.h"

/* On a shared 2-core machine a gap between ticks is either the main thread working or the
 * main thread waiting for a core: the main thread's own CPU time over the gap tells them apart
 * (busy = the part of the gap the main thread itself spent running). */
typedef struct
{
  gint64 last;
  gint64 last_cpu;
  gint64 max_gap;
  gint64 max_gap_busy; /* main-thread CPU during the longest gap */
  gint64 max_gap_at;   /* monotonic time at the end of the longest gap */
  gint64 max_busy;     /* the longest main-thread CPU between two ticks */
  gint64 n_ticks;
} Stall;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer data)
{
  Stall *s = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (s->last != 0 && now - s->last > s->max_gap)
    {
      s->max_gap = now - s->last;
      s->max_gap_busy = cpu - s->last_cpu;
      s->max_gap_at = now;
    }
  if (s->last != 0)
    s->max_busy = MAX (s->max_busy, cpu - s->last_cpu);
  s->last = now;
  s->last_cpu = cpu;
  s->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gint64
status_kb (const char *field)
{
  g_autofree char *contents = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  p = strstr (contents, field);
  if (p == NULL)
    return -1;
  return g_ascii_strtoll (p + strlen (field), NULL, 10);
}

static double
cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 + ru.ru_stime.tv_sec * 1000.0
         + ru.ru_stime.tv_usec / 1000.0;
}

static void
reset_peak_rss (void)
{
  /* Writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0). */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

typedef struct
{
  guint pages;
  gint64 first_page_us;
  gint64 start;
} Progress;

static void
on_progress (guint pages, guint items, gint64 total, gpointer data)
{
  Progress *p = data;

  if (p->pages == 0)
    p->first_page_us = g_get_monotonic_time () - p->start;
  p->pages = pages;
}

static void
run (guint n_vms)
{
  FerrySimOptions opts = { .n_vms = n_vms };
  FerrySimThread *sim;
  g_autoptr (FerryHcxClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) login = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GListModel) vms = NULL;
  Stall stall = { 0 };
  Progress progress = { 0 };
  GSource *source;
  gint64 start, wall, rss_before, hwm;
  gint64 sim_start = g_get_monotonic_time ();
  double cpu_start;
  gboolean cold = g_getenv ("FERRY_BENCH_COLD") != NULL;

  sim = ferry_test_sim_start (&opts);
  g_print ("# simulator with %u VMs ready in %.0f ms\n", n_vms,
           (g_get_monotonic_time () - sim_start) / 1000.0);
  /* FERRY_BENCH_COLD=1: the stall is watched from before the login, so that it covers opening
   * the first TLS connection (and loading the system's trust store) as well as the load. */
  if (cold)
    {
      source = g_timeout_source_new (1);
      g_source_set_callback (source, tick, &stall, NULL);
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_attach (source, NULL);
    }
  client = ferry_hcx_client_new (ferry_sim_thread_get_url (sim), &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (client, ferry_sim_thread_get_fingerprint (sim));
  ferry_hcx_client_login_async (client, "cloudadmin@vsphere.local", "VMware1!", NULL, got_result,
                                &login);
  while (login == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ferry_hcx_client_login_finish (client, login, &error));

  /* FERRY_BENCH_WARMUP=1: open the connections first (as the app's earlier calls do), to see
   * the load without the one-time connection set-up (~20 ms of main-loop stall on a busy box). */
  if (g_getenv ("FERRY_BENCH_WARMUP") != NULL)
    {
      g_autoptr (GAsyncResult) warm = NULL;
      g_autoptr (GListModel) some = NULL;

      ferry_hcx_client_set_page_size (client, 10);
      ferry_hcx_client_list_vms_async (client, NULL, NULL, NULL, NULL, NULL, got_result, &warm);
      while (warm == NULL)
        g_main_context_iteration (NULL, TRUE);
      some = ferry_hcx_client_list_vms_finish (client, warm, NULL);
      ferry_hcx_client_set_page_size (client, 1000);
    }
  rss_before = status_kb ("VmRSS:");
  reset_peak_rss ();
  if (!cold)
    {
      source = g_timeout_source_new (1);
      g_source_set_callback (source, tick, &stall, NULL);
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_attach (source, NULL);
    }

  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  progress.start = start;
  ferry_hcx_client_list_vms_async (client, NULL, on_progress, &progress, NULL, NULL, got_result,
                                   &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  vms = ferry_hcx_client_list_vms_finish (client, result, &error);
  wall = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vms), ==, n_vms);
  hwm = status_kb ("VmHWM:");

  g_source_destroy (source);
  g_source_unref (source);

  g_print (
      "VMs %6u: wall %7.1f ms (process CPU %7.1f ms, simulator included), first page "
      "%5.1f ms, %u pages, peak RSS %6.1f MB (+%.1f MB over %.1f MB before), longest "
      "main-loop stall %5.1f ms (main thread busy %.1f ms of it; ending %.0f ms into the load; "
      "%" G_GINT64_FORMAT " ticks), longest main-thread busy stretch %.1f ms\n",
      n_vms, wall / 1000.0, cpu_ms () - cpu_start, progress.first_page_us / 1000.0, progress.pages,
      hwm / 1024.0, (hwm - rss_before) / 1024.0, rss_before / 1024.0, stall.max_gap / 1000.0,
      stall.max_gap_busy / 1000.0, (stall.max_gap_at - start) / 1000.0, stall.n_ticks,
      stall.max_busy / 1000.0);

  g_clear_object (&vms);
  g_clear_object (&client);
  ferry_sim_thread_stop (sim);
}

typedef struct
{
  double cpu[16], rss[16], stall[16], busy[16];
  guint n;
} Figures;

static void
add_figures (Figures *f, const char *out)
{
  if (out == NULL || f->n >= G_N_ELEMENTS (f->cpu) || bench_figure (out, "process CPU") < 0)
    return;
  f->cpu[f->n] = bench_figure (out, "process CPU");
  f->rss[f->n] = bench_figure (out, "peak RSS");
  f->stall[f->n] = bench_figure (out, "longest main-loop stall");
  /* The floor does not measure it: its parse runs on the main thread, so its stall is its
   * busy stretch. */
  f->busy[f->n]
      = strstr (out, "busy stretch") != NULL ? bench_figure (out, "busy stretch") : f->stall[f->n];
  f->n++;
}

static void
run_child (const char *self, const char *floor, guint n_vms, gboolean cold, Figures *ferry,
           Figures *fl)
{
  g_autofree char *n = g_strdup_printf ("%u", n_vms);
  char *floor_argv[] = { (char *)floor, n, NULL };
  char *ferry_argv[] = { (char *)self, "--one", n, NULL };
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "FERRY_BENCH_COLD", "1", TRUE);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (floor != NULL && fl != NULL)
    {
      a = bench_run (floor_argv);
      g_print ("%s", a != NULL ? a : "");
      add_figures (fl, a);
    }
  b = cold ? bench_run_env (ferry_argv, envp) : bench_run (ferry_argv);
  g_print ("%s", b != NULL ? b : "");
  add_figures (ferry, b);
}

/* The stall, and the part of it the main thread spent working (the rest is waiting for a core
 * on a busy machine): the goal is 16 ms. */
static void
report_stall (guint n_vms, const char *what, Figures *f, Figures *fl)
{
  double min, max, lmin = -1, lmax = -1, bmin, bmax;
  double stall = bench_median (f->stall, f->n, &min, &max);
  double busy = bench_median (f->busy, f->n, &bmin, &bmax);
  double floor_stall = fl != NULL ? bench_median (fl->stall, fl->n, &lmin, &lmax) : -1;

  g_print ("longest main-loop stall, %u VMs, %s: Ferry %.1f ms (%.1f-%.1f), of which the main "
           "thread busy at most %.1f ms (%.1f-%.1f); floor %.1f ms (%.1f-%.1f); goal <= 16 ms: "
           "%s\n",
           n_vms, what, stall, min, max, busy, bmin, bmax, floor_stall, lmin, lmax,
           stall <= 16  ? "MET"
           : busy <= 16 ? "NOT MET (the main thread was waiting for a core)"
                        : "NOT MET");
}

static void
compare (guint n_vms, const char *self, const char *floor, guint rounds)
{
  Figures ferry = { 0 }, fl = { 0 }, cold = { 0 };
  g_autofree char *label = NULL;

  for (guint i = 0; i < rounds; i++)
    run_child (self, floor, n_vms, FALSE, &ferry, &fl);
  if (n_vms <= 10000)
    for (guint i = 0; i < rounds; i++)
      run_child (self, NULL, n_vms, TRUE, &cold, NULL);

  label = g_strdup_printf ("inventory load %u VMs, process CPU", n_vms);
  bench_compare (label, "ms", ferry.cpu, ferry.n, fl.cpu, fl.n, 1.2);
  g_free (label);
  /* The issue sets the peak RSS goal at 100,000 VMs only. */
  label = g_strdup_printf ("inventory load %u VMs, peak RSS", n_vms);
  bench_compare (label, "MB", ferry.rss, ferry.n, fl.rss, fl.n,
                 n_vms >= 100000 ? 1.1 : G_MAXDOUBLE);
  if (n_vms > 10000)
    return;
  report_stall (n_vms, "kept-alive connection (login before)", &ferry, &fl);
  report_stall (n_vms, "cold (login and load)", &cold, NULL);
}

int
main (int argc, char *argv[])
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *floor = NULL;
  const char *rounds_env = g_getenv ("FERRY_BENCH_ROUNDS");
  guint rounds = rounds_env != NULL ? (guint)CLAMP (atoi (rounds_env), 1, 16) : 0;

  /* No GTest here: plain output, and no isolation of the user's dirs is needed. */
  if (argc > 1 && strcmp (argv[1], "--one") == 0)
    {
      for (int i = 2; i < argc; i++)
        run ((guint)g_ascii_strtoull (argv[i], NULL, 10));
      return 0;
    }
  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        run ((guint)g_ascii_strtoull (argv[i], NULL, 10));
      return 0;
    }
  floor = bench_floor_path ("floor_e2e");
  compare (10000, self, floor, rounds ? rounds : 5);
  compare (100000, self, floor, rounds ? rounds : 3);
  return 0;
}
