/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-tracker.c: 1,000 concurrent migrations on the simulator at high speed, followed by
 * FerryMigrationTracker (and then also shown by the dashboard).
 *
 * The simulator runs in a child process (fork + exec), so that the CPU time measured is
 * Ferry's own. Phases, each FERRY_BENCH_SECONDS long (default 30) at the default 5 s interval:
 *   0  nothing to do, with the probe: the stall the machine itself causes (other processes);
 *   A  the tracker alone: CPU time (getrusage, user + system) per minute of polling;
 *   B  the same with a probe timer every 5 ms: the longest main-loop stall;
 *   C  the dashboard shown as well (1100×760 window): CPU per minute;
 *   D  the same with the probe.
 * Each phase prints the CPU time (all threads), each poll's wall and CPU time from the request
 * sent to the answer applied (median and max), what the simulator counted per poll (requests,
 * body bytes each way, migration ids in the filters) and, with the probe, the longest stall. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ferry-dashboard.h"
#include "ferry-sim-server.h"
#include "tracker-test-common.h"

#define N_MIGRATIONS 1000

/* 1,200 powered-on VMs of 20 GiB each (the generated inventory's disks would not all fit on
 * the destination datastores at once). */
static char *
write_inventory (void)
{
  g_autoptr (GString) json = g_string_new ("[");
  g_autofree char *path
      = g_build_filename (g_get_tmp_dir (), "ferry-bench-tracker-XXXXXX.json", NULL);
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (
        json,
        "%s{\"id\":\"vm-%u\",\"name\":\"bench-vm-%04u\",\"powerState\":\"poweredOn\","
        "\"summary\":{\"numCpu\":2,\"memorySizeMB\":4096,\"diskSize\":%" G_GINT64_FORMAT "},"
        "\"networkDevices\":[{\"label\":\"Network adapter 1\",\"macAddress\":"
        "\"00:50:56:00:%02x:%02x\",\"networkId\":\"dvportgroup-45\",\"networkName\":"
        "\"VLAN100-Web\",\"networkType\":\"DistributedVirtualPortgroup\",\"connected\":true}],"
        "\"hardwareVersion\":\"vmx-19\",\"toolsStatus\":\"toolsOk\",\"snapshotCount\":0,"
        "\"isoMounted\":false}",
        i > 0 ? "," : "", 5000 + i, i, (gint64)20 << 30, i / 256, i % 256);
  g_string_append (json, "]");
  g_assert_true (g_file_set_contents (path, json->str, -1, NULL));
  close (fd);
  return g_steal_pointer (&path);
}

static G_NORETURN void
run_child (int fd, const char *inventory)
{
  /* Slow transfers (so that all 1,000 stay in flight), a fast clock, room for all of them. */
  FerrySimOptions opts = { .inventory_file = inventory,
                           .seed = 3,
                           .speed = 30,
                           .migration_mbps = 20,
                           .appliance_mbps = 100000,
                           .max_concurrent = 2000 };
  g_autoptr (GError) error = NULL;
  g_autoptr (FerrySimServer) server = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *line = NULL;

  server = ferry_sim_server_new (&opts, &error);
  if (server == NULL || !ferry_sim_server_listen (server, 0, &error))
    {
      g_printerr ("bench-tracker: %s\n", error->message);
      _exit (1);
    }
  line = g_strdup_printf ("%s %s\n", ferry_sim_server_get_url (server),
                          ferry_sim_server_get_fingerprint (server));
  if (write (fd, line, strlen (line)) < 0)
    _exit (1);
  g_main_loop_run (loop);
  _exit (0);
}

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec
         + ru.ru_stime.tv_usec / 1e6;
}

/* The main thread's own CPU time, in µs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A timer every 5 ms: the longest gap beyond that is the longest stall. The main thread's CPU
 * time over the same gap tells its own work from waiting for a core (the machine is shared). */
typedef struct
{
  gint64 last;
  gint64 last_cpu;
  gint64 worst;      /* the longest stall */
  gint64 worst_busy; /* the main thread's CPU time during it */
  gint64 most_busy;  /* the most CPU time the main thread spent between two ticks */
} Probe;

static gboolean
probe_tick (gpointer user_data)
{
  Probe *p = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (p->last > 0)
    {
      if (now - p->last - 5000 > p->worst)
        {
          p->worst = now - p->last - 5000;
          p->worst_busy = cpu - p->last_cpu;
        }
      p->most_busy = MAX (p->most_busy, cpu - p->last_cpu);
    }
  p->last = now;
  p->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  guint polls;
  guint good;
  gint64 started;  /* g_get_monotonic_time() when the poll in flight began, 0 if none */
  double cpu0;     /* cpu_seconds() then */
  GArray *wall_ms; /* double, per finished poll: request sent → answer applied */
  GArray *cpu_ms;  /* double, the process's CPU time over the same span (all threads) */
} Polls;

static void
on_polling (FerryMigrationTracker *t, GParamSpec *pspec, Polls *p)
{
  if (ferry_migration_tracker_get_polling (t) && p->started == 0)
    {
      p->started = g_get_monotonic_time ();
      p->cpu0 = cpu_seconds ();
    }
}

static void
on_poll_finished (FerryMigrationTracker *t, gboolean ok, Polls *p)
{
  p->polls++;
  p->good += ok;
  if (p->started > 0)
    {
      double wall = (g_get_monotonic_time () - p->started) / 1000.0;
      double cpu = (cpu_seconds () - p->cpu0) * 1000.0;

      g_array_append_val (p->wall_ms, wall);
      g_array_append_val (p->cpu_ms, cpu);
    }
  p->started = 0;
}

static void
run_for (guint seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* "median m (max x)" of @values (sorted in place). */
static char *
median_max (GArray *values)
{
  if (values->len == 0)
    return g_strdup ("–");
  g_array_sort (values, cmp_double);
  return g_strdup_printf ("median %.1f, max %.1f", g_array_index (values, double, values->len / 2),
                          g_array_index (values, double, values->len - 1));
}

/* What the simulator counted for the query: requests, body bytes both ways, filter ids. */
typedef struct
{
  gint64 requests;
  gint64 sent; /* by Ferry: request bodies */
  gint64 received;
  gint64 filter_ids;
} Traffic;

static void
sim_traffic (Traffic *out);

static GPid sim_pid;

/* The simulator's CPU time (its own process), in seconds; 0 when /proc does not say. */
static double
sim_cpu_seconds (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int)sim_pid);
  g_autofree char *contents = NULL;
  g_auto (GStrv) fields = NULL;
  const char *after_comm;

  if (!g_file_get_contents (path, &contents, NULL, NULL)
      || (after_comm = strrchr (contents, ')')) == NULL)
    return 0;
  fields = g_strsplit (after_comm + 2, " ", 0);
  /* utime and stime: fields 14 and 15 of stat(5), 12 and 13 after the command. */
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL))
         / (double)sysconf (_SC_CLK_TCK);
}

static void
phase (const char *name, FerryMigrationTracker *t, guint seconds, gboolean probe)
{
  Probe p = { 0 };
  Polls polls = { 0 };
  guint probe_id = 0;
  gulong id, id2;
  double cpu0, cpu, wall, sim_cpu0, sim_cpu;
  gint64 t0;
  const FerryTrackerSummary *s = ferry_migration_tracker_get_summary (t);
  Traffic before, after;
  g_autofree char *walls = NULL;
  g_autofree char *cpus = NULL;

  polls.wall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  polls.cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  sim_traffic (&before);
  sim_cpu0 = sim_cpu_seconds ();
  id = g_signal_connect (t, "poll-finished", G_CALLBACK (on_poll_finished), &polls);
  id2 = g_signal_connect (t, "notify::polling", G_CALLBACK (on_polling), &polls);
  cpu0 = cpu_seconds ();
  t0 = g_get_monotonic_time ();
  if (probe)
    probe_id = g_timeout_add_full (G_PRIORITY_HIGH, 5, probe_tick, &p, NULL);
  run_for (seconds);
  if (probe_id != 0)
    g_source_remove (probe_id);
  cpu = cpu_seconds () - cpu0;
  wall = (g_get_monotonic_time () - t0) / 1e6;
  g_signal_handler_disconnect (t, id);
  g_signal_handler_disconnect (t, id2);
  sim_traffic (&after);
  sim_cpu = sim_cpu_seconds () - sim_cpu0;
  walls = median_max (polls.wall_ms);
  cpus = median_max (polls.cpu_ms);
  printf ("%s: %.0f s, %u polls (%u good), %u active of %u\n", name, wall, polls.polls, polls.good,
          s->active, s->total);
  printf ("  CPU %.3f s = %.2f s per minute = %.2f %% of one core, %.1f ms per poll\n", cpu,
          cpu * 60 / wall, cpu * 100 / wall, polls.polls > 0 ? cpu * 1000 / polls.polls : 0);
  printf ("  one poll, request sent → answer applied: %s ms wall; %s ms CPU\n", walls, cpus);
  if (polls.polls > 0)
    printf ("  per poll: %.1f requests, %.1f kB sent (%.0f migration ids), %.1f kB received\n",
            (double)(after.requests - before.requests) / polls.polls,
            (after.sent - before.sent) / 1024.0 / polls.polls,
            (double)(after.filter_ids - before.filter_ids) / polls.polls,
            (after.received - before.received) / 1024.0 / polls.polls);
  if (polls.polls > 0)
    printf ("  the simulator's own CPU time (another process, not counted above): %.1f ms per "
            "poll\n",
            sim_cpu * 1000 / polls.polls);
  if (probe)
    printf ("  longest main-loop stall: %.1f ms (the main thread busy %.1f ms of it); the main "
            "thread's longest busy stretch: %.1f ms\n",
            p.worst / 1000.0, p.worst_busy / 1000.0, p.most_busy / 1000.0);
  fflush (stdout);
  g_array_unref (polls.wall_ms);
  g_array_unref (polls.cpu_ms);
}

static const char *expected_fp;

static gboolean
accept_cb (SoupMessage *msg, GTlsCertificate *cert, GTlsCertificateFlags errors, gpointer data)
{
  g_autoptr (GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  g_autoptr (GString) fp = g_string_new (NULL);

  g_object_get (cert, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  for (gsize i = 0; hex[i] != '\0'; i += 2)
    g_string_append_printf (fp, "%s%c%c", i > 0 ? ":" : "", g_ascii_toupper (hex[i]),
                            g_ascii_toupper (hex[i + 1]));
  return g_str_equal (fp->str, expected_fp);
}

static char *sim_url;
static SoupSession *sim_session;

static gint64
member_of (JsonObject *o, const char *object, const char *member)
{
  JsonObject *inner = json_object_get_object_member (o, object);

  return inner != NULL && json_object_has_member (inner, member)
             ? json_object_get_int_member (inner, member)
             : 0;
}

/* GET /__sim/state of the simulator in the child process (a session of its own). */
static void
sim_traffic (Traffic *out)
{
  g_autofree char *u = g_strconcat (sim_url, "/__sim/state", NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", u);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *o;

  memset (out, 0, sizeof *out);
  if (sim_session == NULL)
    sim_session = soup_session_new ();
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_cb), NULL);
  body = soup_session_send_and_read (sim_session, msg, NULL, &error);
  if (body == NULL
      || !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                      (gssize)g_bytes_get_size (body), &error))
    g_error ("/__sim/state: %s", error->message);
  o = json_node_get_object (json_parser_get_root (parser));
  out->requests = member_of (o, "requests", TT_QUERY_PATH);
  out->sent = member_of (o, "requestBytes", TT_QUERY_PATH);
  out->received = member_of (o, "responseBytes", TT_QUERY_PATH);
  out->filter_ids = json_object_get_int_member_with_default (o, "queryFilterIds", 0);
}

int
main (int argc, char *argv[])
{
  const char *env = g_getenv ("FERRY_BENCH_SECONDS");
  guint seconds = env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : 30;
  g_autofree char *inventory = NULL;
  const char *child_argv[] = { argv[0], "--serve", NULL, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  int out_fd, status;
  char buf[512] = { 0 };
  g_auto (GStrv) parts = NULL;
  TtWorld *w;
  g_autoptr (FerryMigrationTracker) t = NULL;
  GtkWindow *window;
  gint64 t0;
  guint waves = N_MIGRATIONS / 200;

  if (argc > 1 && g_str_equal (argv[1], "--serve"))
    {
      prctl (PR_SET_PDEATHSIG, SIGTERM); /* never outlive the benchmark */
      run_child (STDOUT_FILENO, argv[2]);
    }
  inventory = write_inventory ();
  child_argv[2] = inventory;
  if (!g_spawn_async_with_pipes (NULL, (char **)child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  if (read (out_fd, buf, sizeof buf - 1) <= 0)
    g_error ("the simulator did not start");
  close (out_fd);
  sim_pid = pid;
  g_strchomp (buf);
  parts = g_strsplit (buf, " ", 2);
  expected_fp = parts[1];
  sim_url = parts[0];

  gtk_init ();
  adw_init ();
  w = tt_world_connect (NULL, parts[0], parts[1]);
  t = ferry_migration_tracker_new (w->client, NULL);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < waves; i++)
    {
      g_autofree char *group = tt_start_wave (w, N_MIGRATIONS / waves, (gint64)20 << 30, 0, NULL);
      g_autofree char *plan = g_strdup_printf ("Wave %u", i + 1);

      ferry_migration_tracker_follow_group (t, group, plan);
    }
  printf ("started %u migrations in %u groups in %.1f s\n", N_MIGRATIONS, waves,
          (g_get_monotonic_time () - t0) / 1e6);
  ferry_migration_tracker_start (t);
  while (g_list_model_get_n_items (ferry_migration_tracker_get_migrations (t)) < N_MIGRATIONS)
    g_main_context_iteration (NULL, TRUE);
  t0 = g_get_monotonic_time ();
  tt_poll (t);
  printf ("first full poll by id: %.0f ms wall (sent, simulator, parse, apply)\n",
          (g_get_monotonic_time () - t0) / 1000.0);
  fflush (stdout);

  /* The machine's own noise: the same probe with nothing to do (tracker stopped). */
  ferry_migration_tracker_stop (t);
  phase ("0  idle, tracker stopped + stall probe", t, MIN (seconds, 10), TRUE);
  ferry_migration_tracker_start (t);
  phase ("A  tracker", t, seconds, FALSE);
  phase ("B  tracker + stall probe", t, seconds, TRUE);

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1100, 760);
  adw_window_set_content (ADW_WINDOW (window), ferry_dashboard_new (t));
  gtk_window_present (window);
  run_for (2);
  /* Which renderer drew the frames matters more than anything Ferry does: under Xvfb GTK 4.8
   * picks GL when Mesa is there (llvmpipe, software), about ten times the cairo renderer's CPU. */
  printf ("renderer: %s (GSK_RENDERER=%s)\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "unset");
  phase ("C  tracker + dashboard", t, seconds, FALSE);
  phase ("D  tracker + dashboard + stall probe", t, seconds, TRUE);
  gtk_window_destroy (window);

  g_clear_object (&t);
  tt_world_free (w);
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_unlink (inventory);
  g_clear_object (&sim_session);
  return 0;
}
