/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-sim: a simulated VMware HCX Manager over HTTPS, for Ferry's tests, for trying Ferry
 * with no HCX at hand, and for rehearsing a migration weekend. */

#include "config.h"

#include "ferry-sim-server.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  int port;
  int vms;
  int seed;
  double speed;
  char *user;
  char *password;
  char *inventory;
  char *cert_dir;
  gboolean ephemeral_cert;
  int latency;
  double error_rate;
  int error_status;
  char *fault_path;
  int session_timeout;
  double migration_mbps;
  double appliance_mbps;
  int max_concurrent;
  int max_vmotion;
  gboolean real_omissions;
  int source_networks;
  int destination_networks;
  char **extra_users;
  gboolean version;
  char *config;
} Settings;

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gboolean
load_config (const char *path, Settings *s, GKeyFile **out_keyfile, GError **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  const char *g = "simulator";

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "Could not read the configuration file %s: ", path);
      return FALSE;
    }
#define INT_KEY(key, field)                                                                        \
  if (g_key_file_has_key (kf, g, key, NULL))                                                       \
    s->field = g_key_file_get_integer (kf, g, key, NULL);
#define DOUBLE_KEY(key, field)                                                                     \
  if (g_key_file_has_key (kf, g, key, NULL))                                                       \
    s->field = g_key_file_get_double (kf, g, key, NULL);
#define STRING_KEY(key, field)                                                                     \
  if (g_key_file_has_key (kf, g, key, NULL))                                                       \
    {                                                                                              \
      g_free (s->field);                                                                           \
      s->field = g_key_file_get_string (kf, g, key, NULL);                                         \
    }
  INT_KEY ("port", port);
  INT_KEY ("vms", vms);
  INT_KEY ("seed", seed);
  DOUBLE_KEY ("speed", speed);
  STRING_KEY ("user", user);
  STRING_KEY ("password", password);
  STRING_KEY ("inventory", inventory);
  STRING_KEY ("cert-dir", cert_dir);
  INT_KEY ("latency", latency);
  DOUBLE_KEY ("error-rate", error_rate);
  INT_KEY ("error-status", error_status);
  STRING_KEY ("fault-path", fault_path);
  INT_KEY ("session-timeout", session_timeout);
  DOUBLE_KEY ("migration-mbps", migration_mbps);
  DOUBLE_KEY ("appliance-mbps", appliance_mbps);
  INT_KEY ("max-concurrent", max_concurrent);
  INT_KEY ("max-vmotion", max_vmotion);
  INT_KEY ("source-networks", source_networks);
  INT_KEY ("destination-networks", destination_networks);
  if (g_key_file_has_key (kf, g, "real-omissions", NULL))
    s->real_omissions = g_key_file_get_boolean (kf, g, "real-omissions", NULL);
#undef INT_KEY
#undef DOUBLE_KEY
#undef STRING_KEY
  *out_keyfile = g_steal_pointer (&kf);
  return TRUE;
}

int
main (int argc, char **argv)
{
  Settings s = { .port = 8443, .vms = 200, .seed = 1, .speed = 1, .error_status = 503 };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GKeyFile) keyfile = NULL;
  g_autoptr (FerrySimServer) server = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autofree char *default_cert_dir = NULL;
  FerrySimOptions opts = { 0 };
  int i;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &s.port,
      "Port on 127.0.0.1 (default 8443; 0 picks a free one)", "PORT" },
    { "vms", 'n', 0, G_OPTION_ARG_INT, &s.vms, "Number of generated VMs, 1–100000 (default 200)",
      "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &s.seed,
      "Inventory seed: the same seed gives the same inventory (default 1)", "SEED" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &s.speed,
      "Simulated seconds per real second (default 1: real time; 0: the clock stands still until "
      "advanced through POST /__sim/clock; 600: a real second is ten simulated minutes)",
      "X" },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &s.user, "User name (default cloudadmin@vsphere.local)",
      "NAME" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &s.password, "Password (default VMware1!)",
      "PASSWORD" },
    { "add-user", 0, 0, G_OPTION_ARG_STRING_ARRAY, &s.extra_users,
      "Another user, as NAME:PASSWORD (repeatable)", "NAME:PASSWORD" },
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &s.config,
      "Key file with a [simulator] group (same keys as the long options) and a [users] group "
      "(name=password); command-line options win",
      "FILE" },
    { "inventory", 'i', 0, G_OPTION_ARG_FILENAME, &s.inventory,
      "Load the source VMs from a JSON file (an array, {\"items\":[…]} or an envelope, in the "
      "virtualmachines item format) instead of generating them",
      "FILE" },
    { "cert-dir", 0, 0, G_OPTION_ARG_FILENAME, &s.cert_dir,
      "Keep the self-signed certificate in DIR (default: the user cache directory, so the "
      "fingerprint stays the same between runs)",
      "DIR" },
    { "ephemeral-cert", 0, 0, G_OPTION_ARG_NONE, &s.ephemeral_cert,
      "Make a new certificate in memory for this run only", NULL },
    { "latency", 0, 0, G_OPTION_ARG_INT, &s.latency, "Add this latency to every API call", "MS" },
    { "error-rate", 0, 0, G_OPTION_ARG_DOUBLE, &s.error_rate,
      "Fail this share of API calls (0–1) with --error-status", "RATE" },
    { "error-status", 0, 0, G_OPTION_ARG_INT, &s.error_status,
      "HTTP status of injected failures (default 503)", "STATUS" },
    { "fault-path", 0, 0, G_OPTION_ARG_STRING, &s.fault_path,
      "Limit --latency/--error-rate to paths starting with PREFIX (default: all)", "PREFIX" },
    { "session-timeout", 0, 0, G_OPTION_ARG_INT, &s.session_timeout,
      "Idle seconds before a session token expires (default 1800)", "SECONDS" },
    { "migration-mbps", 0, 0, G_OPTION_ARG_DOUBLE, &s.migration_mbps,
      "Transfer bandwidth per migration in Mbit/s (default 1000)", "MBPS" },
    { "appliance-mbps", 0, 0, G_OPTION_ARG_DOUBLE, &s.appliance_mbps,
      "Bandwidth shared by all transfers in Mbit/s (default 10000)", "MBPS" },
    { "max-concurrent", 0, 0, G_OPTION_ARG_INT, &s.max_concurrent,
      "Concurrent Bulk/RAV/OSAM transfers (default 200)", "N" },
    { "max-vmotion", 0, 0, G_OPTION_ARG_INT, &s.max_vmotion,
      "Concurrent vMotion/Cold transfers (default 1: serial)", "N" },
    { "real-omissions", 0, 0, G_OPTION_ARG_NONE, &s.real_omissions,
      "Leave out what real managers leave out: empty 401/404 bodies, no totalSize in inventory "
      "and query answers, no top-level VALIDATION_FAILED, warnings without a code",
      NULL },
    { "source-networks", 0, 0, G_OPTION_ARG_INT, &s.source_networks,
      "Source port groups in all, up to 4000: tenant port groups added to the generated 13, "
      "with half the VMs' first NICs and all their later NICs on them (default: 13)",
      "N" },
    { "destination-networks", 0, 0, G_OPTION_ARG_INT, &s.destination_networks,
      "Destination segments in all, up to 8000: the tenants' segments and L2 extensions, then "
      "others (default: 13)",
      "N" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &s.version, "Print the version and exit", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  /* A --config file provides defaults that the other options then override. */
  for (i = 1; i < argc; i++)
    {
      const char *path = NULL;

      if ((g_str_equal (argv[i], "--config") || g_str_equal (argv[i], "-c")) && i + 1 < argc)
        path = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--config="))
        path = argv[i] + strlen ("--config=");
      if (path != NULL && !load_config (path, &s, &keyfile, &error))
        {
          g_printerr ("ferry-hcx-sim: %s\n", error->message);
          return 2;
        }
    }

  ctx = g_option_context_new ("— a simulated VMware HCX Manager over HTTPS");
  g_option_context_set_summary (
      ctx, "Serves the HCX Manager REST API (/hybridity/api) on https://127.0.0.1:PORT with a "
           "self-signed certificate,\nan on-premises HCX Connector paired with one Azure VMware "
           "Solution site, and a migration engine.");
  g_option_context_set_description (
      ctx,
      "Control endpoints (simulator only, no login; JSON bodies):\n"
      "  POST   /__sim/reset                  restore the start state (migrations, faults, "
      "services, clock)\n"
      "  GET    /__sim/state                  sessions, migrations by state, clock, requests per "
      "path\n"
      "  POST   /__sim/clock                  {\"advanceSeconds\":N} and/or {\"speed\":X}\n"
      "  POST   /__sim/faults                 {\"path\":\"/hybridity/api/…\"|\"*\", "
      "\"latencyMs\":N, \"errorRate\":0..1,\n"
      "                                        \"latencyAfterMs\":N, \"settleMs\":N, "
      "\"status\":503,\n"
      "                                        \"drop\":true, \"dropAfter\":true, \"reset\":true,\n"
      "                                        \"stall\":true, \"truncate\":true, "
      "\"malformed\":true,\n"
      "                                        \"html\":true, \"ignorePaging\":true, "
      "\"ignoreFilter\":true,\n"
      "                                        \"nth\":N, \"count\":N}\n"
      "  DELETE /__sim/faults                 clear all faults\n"
      "  POST   /__sim/expire-sessions        every token gets 401 from now on\n"
      "  POST   /__sim/age-sessions           {\"seconds\":N}: as if every session were idle N s "
      "longer\n"
      "  POST   /__sim/services               {\"side\":\"source\"|\"destination\"|\"mesh\", "
      "\"service\":\"BULK_MIGRATION\", \"enabled\":false}\n"
      "  POST   /__sim/vm-failure             {\"entityId\":\"vm-1042\", "
      "\"phase\":\"transfer\"|\"switchover\"|null}\n"
      "  POST   /__sim/quirks                 {\"unknownStates\":true, "
      "\"xmlWithoutAccept\":false, \"realOmissions\":true}\n"
      "  POST   /__sim/certificate/rotate     serve a new self-signed certificate\n"
      "\nSee src/sim/README.md for the endpoints and the behaviour in detail.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("ferry-hcx-sim: %s\nTry --help.\n", error->message);
      return 2;
    }
  if (s.version)
    {
      g_print ("ferry-hcx-sim %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (s.port < 0 || s.port > 65535 || s.vms < 1 || s.vms > 100000 || s.speed < 0 || s.error_rate < 0
      || s.error_rate > 1 || s.latency < 0)
    {
      g_printerr ("ferry-hcx-sim: an option is out of range (port 0–65535, vms 1–100000, "
                  "speed ≥ 0, error rate 0–1, latency ≥ 0). Try --help.\n");
      return 2;
    }

  if (!s.ephemeral_cert && s.cert_dir == NULL)
    default_cert_dir = g_build_filename (g_get_user_cache_dir (), "ferry-hcx-sim", NULL);

  opts.n_vms = (guint)s.vms;
  opts.seed = (guint)MAX (s.seed, 0);
  opts.speed = s.speed;
  opts.username = s.user;
  opts.password = s.password;
  opts.inventory_file = s.inventory;
  opts.cert_dir = s.ephemeral_cert ? NULL : s.cert_dir != NULL ? s.cert_dir : default_cert_dir;
  opts.session_timeout = (guint)MAX (s.session_timeout, 0);
  opts.migration_mbps = s.migration_mbps;
  opts.appliance_mbps = s.appliance_mbps;
  opts.max_concurrent = (guint)MAX (s.max_concurrent, 0);
  opts.max_vmotion = (guint)MAX (s.max_vmotion, 0);
  opts.n_source_networks = (guint)CLAMP (s.source_networks, 0, 4000);
  opts.n_destination_networks = (guint)CLAMP (s.destination_networks, 0, 8000);
  opts.real_omissions = s.real_omissions ? 1 : -1;

  server = ferry_sim_server_new (&opts, &error);
  if (server == NULL)
    {
      g_printerr ("ferry-hcx-sim: %s\n", error->message);
      return 1;
    }
  if (keyfile != NULL && g_key_file_has_group (keyfile, "users"))
    {
      g_auto (GStrv) keys = g_key_file_get_keys (keyfile, "users", NULL, NULL);

      for (i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          g_autofree char *pw = g_key_file_get_string (keyfile, "users", keys[i], NULL);

          if (pw != NULL)
            ferry_sim_server_add_user (server, keys[i], pw);
        }
    }
  for (i = 0; s.extra_users != NULL && s.extra_users[i] != NULL; i++)
    {
      const char *colon = strchr (s.extra_users[i], ':');
      g_autofree char *name = NULL;

      if (colon == NULL || colon == s.extra_users[i])
        {
          g_printerr ("ferry-hcx-sim: --add-user expects NAME:PASSWORD\n");
          return 2;
        }
      name = g_strndup (s.extra_users[i], (gsize)(colon - s.extra_users[i]));
      ferry_sim_server_add_user (server, name, colon + 1);
    }
  if (s.latency > 0 || s.error_rate > 0)
    {
      g_autoptr (JsonObject) fault = json_object_new ();

      json_object_set_string_member (fault, "path", s.fault_path != NULL ? s.fault_path : "*");
      json_object_set_int_member (fault, "latencyMs", s.latency);
      json_object_set_double_member (fault, "errorRate", s.error_rate);
      json_object_set_int_member (fault, "status", s.error_status);
      if (!ferry_sim_server_add_fault (server, fault, &error))
        {
          g_printerr ("ferry-hcx-sim: %s\n", error->message);
          return 2;
        }
    }

  if (!ferry_sim_server_listen (server, (guint16)s.port, &error))
    {
      g_printerr ("ferry-hcx-sim: %s\n", error->message);
      return 1;
    }

  g_print ("ferry-hcx-sim %s: a simulated HCX Manager\n", PACKAGE_VERSION);
  g_print ("  URL:          %s\n", ferry_sim_server_get_url (server));
  g_print ("  API:          %s/hybridity/api\n", ferry_sim_server_get_url (server));
  g_print ("  Certificate:  SHA-256 %s\n", ferry_sim_server_get_fingerprint (server));
  g_print ("  User:         %s\n", s.user != NULL ? s.user : "cloudadmin@vsphere.local");
  g_print ("  Password:     %s\n", s.password != NULL ? s.password : "VMware1!");
  if (s.inventory != NULL)
    g_print ("  Inventory:    %s\n", s.inventory);
  else
    g_print ("  Inventory:    %d generated VMs, seed %d\n", s.vms, s.seed);
  g_print ("  Clock:        %s\n", s.speed > 0 ? "running" : "standing still (POST /__sim/clock)");
  if (s.speed > 0)
    g_print ("  Speed:        %g simulated seconds per second\n", s.speed);
  if (s.real_omissions)
    g_print ("  Answers:      as lean as a real manager's (--real-omissions)\n");
  g_print ("Press Ctrl+C to stop.\n");
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  g_free (s.user);
  g_free (s.password);
  g_free (s.inventory);
  g_free (s.cert_dir);
  g_free (s.fault_path);
  g_free (s.config);
  g_strfreev (s.extra_users);
  return 0;
}
