/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-sim.c: how fast and how lean the simulator serves a 100,000-VM inventory in pages of
 * 1,000 over HTTPS. The simulator runs in a child process (fork + exec) so that its peak memory
 * (VmHWM) is its own; the parent is a plain libsoup client that reads each page and counts the
 * VMs in it. Usage: bench-sim [N_VMS] (default 100000; a 5,000-VM run comes first). */

#define _GNU_SOURCE
#include "ferry-sim-server.h"

#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static guint64
proc_status_kb (pid_t pid, const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int)pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  line = strstr (contents, field);
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen (field) + 1, NULL, 10);
}

static G_NORETURN void
run_child (guint n_vms, int fd)
{
  FerrySimOptions opts = { .n_vms = n_vms, .seed = 42 };
  g_autoptr (GError) error = NULL;
  g_autoptr (FerrySimServer) server = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 t0 = g_get_monotonic_time ();
  g_autofree char *line = NULL;
  gint64 t1;

  server = ferry_sim_server_new (&opts, &error);
  if (server == NULL || !ferry_sim_server_listen (server, 0, &error))
    {
      g_printerr ("bench-sim: %s\n", error->message);
      _exit (1);
    }
  t1 = g_get_monotonic_time ();
  line = g_strdup_printf ("%s %s %.1f\n", ferry_sim_server_get_url (server),
                          ferry_sim_server_get_fingerprint (server), (t1 - t0) / 1000.0);
  if (write (fd, line, strlen (line)) < 0)
    _exit (1);
  g_main_loop_run (loop);
  _exit (0);
}

static const char *expected_fp;

static gboolean
accept_cb (SoupMessage *msg, GTlsCertificate *cert, GTlsCertificateFlags errors, gpointer data)
{
  g_autoptr (GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString *fp = g_string_new (NULL);
  gboolean ok;
  gsize i;

  g_object_get (cert, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  for (i = 0; hex[i] != '\0'; i += 2)
    g_string_append_printf (fp, "%s%c%c", i > 0 ? ":" : "", g_ascii_toupper (hex[i]),
                            g_ascii_toupper (hex[i + 1]));
  ok = g_str_equal (fp->str, expected_fp);
  g_string_free (fp, TRUE);
  return ok;
}

static GBytes *
post (SoupSession *session, const char *url, const char *path, const char *token, const char *body,
      gboolean keepalive, char **out_token)
{
  g_autofree char *uri = g_strconcat (url, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr (GBytes) req = g_bytes_new (body, strlen (body));
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_cb), NULL);
  /* Inventory pages are safe to repeat: marked so, libsoup keeps the connection alive (it opens
   * a new connection, and TLS handshake, for every other POST). */
  if (keepalive)
    soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                "application/json");
  if (token != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "x-hm-authorization",
                                  token);
  soup_message_set_request_body_from_bytes (msg, "application/json", req);
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  if (bytes == NULL || soup_message_get_status (msg) != 200)
    {
      g_printerr ("bench-sim: %s → %u %s\n", path, soup_message_get_status (msg),
                  error != NULL ? error->message : "");
      exit (1);
    }
  if (out_token != NULL)
    *out_token = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                         "x-hm-authorization"));
  return bytes;
}

static guint
count (const char *data, gsize len, const char *needle)
{
  guint n = 0;
  const char *p = data, *end = data + len;
  gsize nl = strlen (needle);

  while (p < end && (p = memmem (p, (gsize)(end - p), needle, nl)) != NULL)
    {
      n++;
      p += nl;
    }
  return n;
}

static int
bench (const char *self_exe, guint n_vms, guint page_size, gboolean keepalive)
{
  g_autofree char *n_str = g_strdup_printf ("%u", n_vms);
  const char *child_argv[] = { self_exe, "--serve", n_str, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  int out_fd;
  char buf[512] = { 0 };
  ssize_t got;
  g_auto (GStrv) parts = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (GBytes) login = NULL;
  g_autofree char *token = NULL;
  guint64 rss_idle, hwm;
  guint total = 0, pages = 0;
  guint64 bytes = 0;
  gint64 t0, t1;
  double slowest = 0;
  int status;

  /* A fresh process (fork + exec), so that the simulator's memory figures are its own. */
  if (!g_spawn_async_with_pipes (NULL, (char **)child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("bench-sim: %s\n", error->message);
      return 1;
    }
  got = read (out_fd, buf, sizeof buf - 1);
  close (out_fd);
  if (got <= 0)
    return 1;
  g_strchomp (buf);
  parts = g_strsplit (buf, " ", 3);
  if (g_strv_length (parts) != 3)
    return 1;
  expected_fp = parts[1];
  rss_idle = proc_status_kb (pid, "VmRSS:");

  session = soup_session_new_with_options ("timeout", 120, "proxy-resolver", NULL, "tls-database",
                                           NULL, NULL);
  login = post (session, parts[0], "/hybridity/api/sessions", NULL,
                "{\"username\":\"cloudadmin@vsphere.local\",\"password\":\"VMware1!\"}", FALSE,
                &token);

  t0 = g_get_monotonic_time ();
  for (;;)
    {
      g_autofree char *body = g_strdup_printf ("{\"filter\":{\"cloud\":{\"local\":true}},"
                                               "\"paging\":{\"skipCount\":%u,\"pageSize\":%u}}",
                                               total, page_size);
      gint64 p0 = g_get_monotonic_time ();
      g_autoptr (GBytes) page = post (session, parts[0],
                                      "/hybridity/api/service/inventory/"
                                      "virtualmachines",
                                      token, body, keepalive, NULL);
      gsize len = 0;
      const char *data = g_bytes_get_data (page, &len);
      guint n = count (data, len, "\"entityType\":\"VirtualMachine\"");

      slowest = MAX (slowest, (g_get_monotonic_time () - p0) / 1000.0);
      bytes += len;
      total += n;
      pages++;
      if (n < page_size)
        break;
    }
  t1 = g_get_monotonic_time ();
  hwm = proc_status_kb (pid, "VmHWM:");

  printf ("simulator with %u VMs (seed 42), %s:\n", n_vms,
          keepalive ? "one kept-alive connection" : "a new connection per page");
  printf ("  start-up (generate inventory + certificate + listen): %s ms\n", parts[2]);
  printf ("  RSS after start-up:                                 %.1f MB\n", rss_idle / 1024.0);
  printf ("  served %u VMs in %u pages of %u: %.0f ms total, %.1f ms/page average, %.1f ms "
          "slowest page\n",
          total, pages, page_size, (t1 - t0) / 1000.0, (t1 - t0) / 1000.0 / pages, slowest);
  printf ("  transferred %.1f MB of JSON (%.0f bytes per VM)\n", bytes / 1048576.0,
          total > 0 ? (double)bytes / total : 0.0);
  printf ("  simulator peak RSS (VmHWM):                          %.1f MB\n", hwm / 1024.0);
  fflush (stdout);

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  return total == n_vms ? 0 : 1;
}

int
main (int argc, char **argv)
{
  guint n = 100000;
  int rc = 0;

  if (argc > 2 && g_str_equal (argv[1], "--serve"))
    run_child ((guint)g_ascii_strtoull (argv[2], NULL, 10), STDOUT_FILENO);
  if (argc > 1)
    n = CLAMP ((guint)g_ascii_strtoull (argv[1], NULL, 10), 1, 100000);
  rc |= bench (argv[0], 5000, 1000, TRUE);
  rc |= bench (argv[0], n, 1000, TRUE);
  rc |= bench (argv[0], n, 1000, FALSE);
  return rc;
}
