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
 * Then one poll's request and answer bodies are measured with a plain libsoup client. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
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

typedef struct
{
  gint64 last;
  gint64 worst;
} Probe;

static gboolean
probe_tick (gpointer user_data)
{
  Probe *p = user_data;
  gint64 now = g_get_monotonic_time ();

  if (p->last > 0)
    p->worst = MAX (p->worst, now - p->last - 5000);
  p->last = now;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  guint polls;
  guint good;
  gint64 slowest_poll;
  gint64 started;
} Polls;

static void
on_poll_finished (FerryMigrationTracker *t, gboolean ok, Polls *p)
{
  p->polls++;
  p->good += ok;
}

static void
run_for (guint seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static void
phase (const char *name, FerryMigrationTracker *t, guint seconds, gboolean probe)
{
  Probe p = { 0 };
  Polls polls = { 0 };
  guint probe_id = 0;
  gulong id = g_signal_connect (t, "poll-finished", G_CALLBACK (on_poll_finished), &polls);
  double cpu0 = cpu_seconds ();
  gint64 t0 = g_get_monotonic_time ();
  double cpu, wall;
  const FerryTrackerSummary *s = ferry_migration_tracker_get_summary (t);

  if (probe)
    probe_id = g_timeout_add_full (G_PRIORITY_HIGH, 5, probe_tick, &p, NULL);
  run_for (seconds);
  if (probe_id != 0)
    g_source_remove (probe_id);
  cpu = cpu_seconds () - cpu0;
  wall = (g_get_monotonic_time () - t0) / 1e6;
  g_signal_handler_disconnect (t, id);
  printf ("%s: %.0f s, %u polls (%u good), %u active of %u\n", name, wall, polls.polls, polls.good,
          s->active, s->total);
  printf ("  CPU %.3f s = %.2f s per minute = %.2f %% of one core, %.1f ms per poll\n", cpu,
          cpu * 60 / wall, cpu * 100 / wall, polls.polls > 0 ? cpu * 1000 / polls.polls : 0);
  if (probe)
    printf ("  longest main-loop stall: %.1f ms\n", p.worst / 1000.0);
  fflush (stdout);
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

/* One poll's bodies, as the client sends them (ids filter, pages of 200). */
static void
measure_bytes (const char *url, FerryMigrationTracker *t)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (GString) ids = g_string_new (NULL);
  GListModel *model = ferry_migration_tracker_get_migrations (t);
  g_autofree char *token = NULL;
  guint64 sent = 0, received = 0;
  guint pages = 0, got = 0;

  {
    g_autofree char *u = g_strconcat (url, "/hybridity/api/sessions", NULL);
    g_autoptr (SoupMessage) msg = soup_message_new ("POST", u);
    g_autoptr (GBytes) body = NULL;
    const char *login = "{\"username\":\"" TT_USER "\",\"password\":\"" TT_PASSWORD "\"}";

    g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_cb), NULL);
    soup_message_headers_append (soup_message_get_request_headers (msg), "Accept",
                                 "application/json");
    soup_message_set_request_body_from_bytes (msg, "application/json",
                                              g_bytes_new_static (login, strlen (login)));
    body = soup_session_send_and_read (session, msg, NULL, NULL);
    token = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "x-hm-authorization"));
  }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s\"%s\"", i > 0 ? "," : "",
                              ferry_migration_get_migration_id (m));
    }
  for (;;)
    {
      g_autofree char *u = g_strconcat (url, "/hybridity/api/migrations?action=query", NULL);
      g_autofree char *req
          = g_strdup_printf ("{\"filter\":{\"migrationId\":[%s],\"migrationGroupId\":[],"
                             "\"state\":[],\"entityId\":[],\"skipDrafts\":true,"
                             "\"includeArchived\":false},\"options\":{\"resultLevel\":"
                             "\"MOBILITYGROUP_ITEMS\",\"compat\":2.1},\"paging\":{\"pageSize\":"
                             "200,\"offset\":%u,\"skipCount\":%u}}",
                             ids->str, got, got);
      g_autoptr (SoupMessage) msg = soup_message_new ("POST", u);
      g_autoptr (GBytes) body = NULL;
      gsize len = 0;
      const char *data;
      guint n = 0;

      g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_cb), NULL);
      soup_message_headers_append (soup_message_get_request_headers (msg), "Accept",
                                   "application/json");
      soup_message_headers_append (soup_message_get_request_headers (msg), "x-hm-authorization",
                                   token);
      soup_message_set_request_body_from_bytes (msg, "application/json",
                                                g_bytes_new (req, strlen (req)));
      body = soup_session_send_and_read (session, msg, NULL, NULL);
      data = g_bytes_get_data (body, &len);
      for (const char *p = data; (p = g_strstr_len (p, data + len - p, "\"migrationType\"")); p++)
        n++;
      sent += strlen (req);
      received += len;
      pages++;
      got += n;
      if (n < 200)
        break;
    }
  printf ("one poll of %u migrations: %u requests (pages of 200), %.1f kB sent, %.1f kB "
          "received (JSON bodies), %.1f kB per migration\n",
          got, pages, sent / 1024.0, received / 1024.0, received / 1024.0 / MAX (got, 1));
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
  g_strchomp (buf);
  parts = g_strsplit (buf, " ", 2);
  expected_fp = parts[1];

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
  phase ("C  tracker + dashboard", t, seconds, FALSE);
  phase ("D  tracker + dashboard + stall probe", t, seconds, TRUE);
  gtk_window_destroy (window);

  measure_bytes (parts[0], t);

  g_clear_object (&t);
  tt_world_free (w);
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_unlink (inventory);
  return 0;
}
