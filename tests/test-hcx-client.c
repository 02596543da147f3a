/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hcx-client.c: FerryHcxClient against the simulator over real HTTPS on 127.0.0.1. */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ferry-hcx-client.h"
#include "ferry-sim-cert.h"
#include "ferry-test-sim.h"

#define USER "cloudadmin@vsphere.local"
#define PASSWORD "VMware1!"
#define API "/hybridity/api"

/* Captured log output, to check that no secret is ever logged. */
static GString *log_text;

static GLogWriterOutput
capture_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        {
          g_string_append (log_text, fields[i].value);
          g_string_append_c (log_text, '\n');
        }
    }
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Async → sync --------------------------------------------------------------------------------- */

static void
got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

typedef struct
{
  FerrySimThread *sim;
  FerryHcxClient *client;
  char *remote_endpoint;
} Fx;

static FerryHcxClient *
new_client (FerrySimThread *sim, const char *pin)
{
  g_autoptr (GError) error = NULL;
  FerryHcxClient *client = ferry_hcx_client_new (ferry_sim_thread_get_url (sim), &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  if (pin != NULL)
    ferry_hcx_client_set_pinned_fingerprint (client, pin);
  return client;
}

static gboolean
login (FerryHcxClient *client, const char *password, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ferry_hcx_client_login_async (client, USER, password, NULL, got_result, &result);
  return ferry_hcx_client_login_finish (client, wait_for (&result), error);
}

static GListModel *
sync_sites (FerryHcxClient *client, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ferry_hcx_client_list_sites_async (client, NULL, got_result, &result);
  return ferry_hcx_client_list_sites_finish (client, wait_for (&result), error);
}

static Fx *
fx_new (const FerrySimOptions *opts)
{
  Fx *fx = g_new0 (Fx, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sites = NULL;
  g_autoptr (FerrySite) site = NULL;

  fx->sim = ferry_test_sim_start (opts);
  fx->client = new_client (fx->sim, ferry_sim_thread_get_fingerprint (fx->sim));
  g_assert_true (login (fx->client, PASSWORD, &error));
  g_assert_no_error (error);
  sites = sync_sites (fx->client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sites), >=, 1);
  site = g_list_model_get_item (sites, 0);
  fx->remote_endpoint = g_strdup (ferry_site_get_endpoint_id (site));
  g_assert_nonnull (fx->remote_endpoint);
  return fx;
}

static void
fx_free (Fx *fx)
{
  g_clear_object (&fx->client);
  ferry_sim_thread_stop (fx->sim);
  g_free (fx->remote_endpoint);
  g_free (fx);
}

static void
sim_ctl (FerrySimThread *sim, const char *method, const char *path, const char *body)
{
  JsonNode *r = ferry_test_sim_control (sim, method, path, body);

  if (r != NULL)
    json_node_unref (r);
}

static void
fault (Fx *fx, const char *json)
{
  g_autoptr (JsonNode) r = ferry_test_sim_control (fx->sim, "POST", "/__sim/faults", json);
}

static void
clear_faults (Fx *fx)
{
  g_autoptr (JsonNode) r = ferry_test_sim_control (fx->sim, "DELETE", "/__sim/faults", NULL);
}

static gint64
sim_requests (Fx *fx, const char *path)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (fx->sim, "GET", "/__sim/state", NULL);
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");

  if (!json_object_has_member (requests, path))
    return 0;
  return json_object_get_int_member (requests, path);
}

/* Tests ---------------------------------------------------------------------------------------- */

static void
test_login (void)
{
  FerrySimThread *sim = ferry_test_sim_start (NULL);
  g_autoptr (FerryHcxClient) client = new_client (sim, ferry_sim_thread_get_fingerprint (sim));
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sites = NULL;
  const char *host = ferry_hcx_client_get_host (client);

  g_assert_true (g_str_has_prefix (ferry_hcx_client_get_base_url (client), "https://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (ferry_hcx_client_get_base_url (client), "/hybridity/api"));

  /* Before login: a clear error, no request. */
  sites = sync_sites (client, &error);
  g_assert_null (sites);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_NOT_LOGGED_IN);
  g_clear_error (&error);

  g_assert_false (login (client, "wrong password", &error));
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, host));
  g_assert_false (ferry_hcx_client_get_logged_in (client));
  g_clear_error (&error);

  g_assert_true (login (client, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (ferry_hcx_client_get_logged_in (client));
  g_assert_cmpstr (ferry_hcx_client_get_username (client), ==, USER);
  g_assert_nonnull (ferry_hcx_client_get_endpoint_id (client));
  {
    g_autoptr (JsonNode) state = ferry_test_sim_control (sim, "GET", "/__sim/state", NULL);

    g_assert_cmpstr (
        ferry_hcx_client_get_endpoint_id (client), ==,
        json_object_get_string_member (json_node_get_object (state), "sourceEndpointId"));
  }

  /* Nothing secret in the debug log. */
  g_assert_null (strstr (log_text->str, PASSWORD));
  g_assert_null (strstr (log_text->str, "wrong password"));
  g_assert_nonnull (strstr (log_text->str, "POST /sessions"));

  g_clear_object (&client);
  ferry_sim_thread_stop (sim);
}

static void
test_bad_address (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryHcxClient) none = ferry_hcx_client_new ("http://example.com", &error);
  g_autoptr (FerryHcxClient) c1 = NULL;
  g_autoptr (FerryHcxClient) c2 = NULL;

  g_assert_null (none);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (ferry_hcx_client_new ("  ", &error));
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  c1 = ferry_hcx_client_new ("hcx.corp.example", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_hcx_client_get_base_url (c1), ==,
                   "https://hcx.corp.example/hybridity/api");
  c2 = ferry_hcx_client_new ("https://10.0.0.9:8443/hybridity/api", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_hcx_client_get_host (c2), ==, "10.0.0.9:8443");
}

static void
test_unreachable (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryHcxClient) client = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago: nothing listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("127.0.0.1:%u", port);
  client = ferry_hcx_client_new (url, &error);
  g_assert_no_error (error);
  g_assert_false (login (client, PASSWORD, &error));
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, url));
}

static void
test_connect_timeout (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryHcxClient) client = NULL;
  g_autofree char *url = NULL;
  guint16 port;
  gint64 start;

  /* Something that accepts TCP connections (the kernel does, from the backlog) but never
   * speaks TLS: the connect timeout applies, the overall one is off. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("127.0.0.1:%u", port);
  client = ferry_hcx_client_new (url, &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_timeout (client, 0);
  ferry_hcx_client_set_connect_timeout (client, 1);
  start = g_get_monotonic_time ();
  g_assert_false (login (client, PASSWORD, &error));
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

static gboolean
on_plain_incoming (GSocketService *service, GSocketConnection *connection, GObject *source,
                   gpointer user_data)
{
  static const char answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_not_tls (void)
{
  g_autoptr (GSocketService) service = g_socket_service_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryHcxClient) client = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* Something that answers in plain HTTP where HTTPS is expected. */
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_plain_incoming), NULL);
  g_socket_service_start (service);
  url = g_strdup_printf ("127.0.0.1:%u", port);

  client = ferry_hcx_client_new (url, &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_connect_timeout (client, 5);
  g_assert_false (login (client, PASSWORD, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, url));
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static void
test_certificate (void)
{
  FerrySimThread *sim = ferry_test_sim_start (NULL);
  g_autoptr (FerryHcxClient) client = new_client (sim, NULL);
  g_autoptr (GError) error = NULL;
  FerryHcxCertificate *cert;
  const char *old_fp = ferry_sim_thread_get_fingerprint (sim);
  g_autofree char *old_fp_copy = g_strdup (old_fp);
  g_autofree char *new_fp = NULL;

  /* Untrusted: a dedicated error, and the certificate to show the user. */
  g_assert_false (login (client, PASSWORD, &error));
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED);
  g_clear_error (&error);
  cert = ferry_hcx_client_get_peer_certificate (client);
  g_assert_nonnull (cert);
  g_assert_cmpstr (ferry_hcx_certificate_get_fingerprint (cert), ==, old_fp);
  g_assert_cmpuint (strlen (ferry_hcx_certificate_get_fingerprint (cert)), ==, 95);
  g_assert_nonnull (strstr (ferry_hcx_certificate_get_subject (cert), "hcx-sim"));
  g_assert_nonnull (ferry_hcx_certificate_get_issuer (cert));
  g_assert_nonnull (ferry_hcx_certificate_get_not_before (cert));
  g_assert_nonnull (ferry_hcx_certificate_get_not_after (cert));
  g_assert_true (g_date_time_compare (ferry_hcx_certificate_get_not_before (cert),
                                      ferry_hcx_certificate_get_not_after (cert))
                 < 0);
  g_assert_true (g_str_has_prefix (ferry_hcx_certificate_get_pem (cert), "-----BEGIN CERTIFICATE"));
  g_assert_true (ferry_hcx_certificate_get_errors (cert) & G_TLS_CERTIFICATE_UNKNOWN_CA);

  /* Trust it (lower case, no colons is fine too). */
  {
    g_autofree char *lower = g_ascii_strdown (old_fp, -1);
    g_auto (GStrv) parts = g_strsplit (lower, ":", -1);
    g_autofree char *bare = g_strjoinv ("", parts);

    ferry_hcx_client_set_pinned_fingerprint (client, bare);
    g_assert_cmpstr (ferry_hcx_client_get_pinned_fingerprint (client), ==, old_fp);
  }
  g_assert_true (login (client, PASSWORD, &error));
  g_assert_no_error (error);

  /* Another certificate: refused with its own error. */
  {
    g_autoptr (JsonNode) r
        = ferry_test_sim_control (sim, "POST", "/__sim/certificate/rotate", NULL);

    new_fp = g_strdup (json_object_get_string_member (json_node_get_object (r), "fingerprint"));
    g_assert_cmpstr (new_fp, !=, old_fp_copy);
  }
  {
    g_autoptr (FerryHcxClient) again = new_client (sim, old_fp_copy);

    /* The rotation is in force when its answer arrives: the very next connection sees it. */
    g_assert_false (login (again, PASSWORD, &error));
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_CHANGED);
    g_assert_nonnull (strstr (error->message, "changed"));
    g_assert_cmpstr (
        ferry_hcx_certificate_get_fingerprint (ferry_hcx_client_get_peer_certificate (again)), ==,
        new_fp);
    g_clear_error (&error);

    /* Re-trusting the new one works. */
    ferry_hcx_client_set_pinned_fingerprint (again, new_fp);
    g_assert_true (login (again, PASSWORD, &error));
    g_assert_no_error (error);
  }

  g_clear_object (&client);
  ferry_sim_thread_stop (sim);
}

static void
test_certificate_valid (void)
{
  FerrySimThread *sim = ferry_test_sim_start (NULL);
  g_autoptr (FerryHcxClient) client = new_client (sim, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsDatabase) db = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ferry-ca-XXXXXX", &error);
  g_autofree char *file = NULL;
  FerryHcxCertificate *cert;

  g_assert_no_error (error);
  /* Learn the certificate, then make it a trust anchor: it now validates normally. */
  g_assert_false (login (client, PASSWORD, &error));
  g_clear_error (&error);
  cert = ferry_hcx_client_get_peer_certificate (client);
  file = g_build_filename (dir, "ca.pem", NULL);
  g_assert_true (g_file_set_contents (file, ferry_hcx_certificate_get_pem (cert), -1, &error));
  db = g_tls_file_database_new (file, &error);
  g_assert_no_error (error);

  g_clear_object (&client);
  client = new_client (sim, NULL);
  ferry_hcx_client_set_tls_database (client, db);
  g_assert_true (login (client, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (
      ferry_hcx_certificate_get_errors (ferry_hcx_client_get_peer_certificate (client)), ==, 0);

  g_unlink (file);
  g_rmdir (dir);
  g_clear_object (&client);
  ferry_sim_thread_stop (sim);
}

static GListModel *
list_sync (Fx *fx, const char *what, const char *endpoint_id, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;
  FerryHcxClient *c = fx->client;

  if (g_str_equal (what, "networks"))
    {
      ferry_hcx_client_list_networks_async (c, endpoint_id, NULL, got_result, &r);
      return ferry_hcx_client_list_networks_finish (c, wait_for (&r), error);
    }
  if (g_str_equal (what, "containers"))
    {
      ferry_hcx_client_list_containers_async (c, endpoint_id, NULL, got_result, &r);
      return ferry_hcx_client_list_containers_finish (c, wait_for (&r), error);
    }
  if (g_str_equal (what, "datastores"))
    {
      ferry_hcx_client_list_datastores_async (c, endpoint_id, NULL, got_result, &r);
      return ferry_hcx_client_list_datastores_finish (c, wait_for (&r), error);
    }
  if (g_str_equal (what, "storage-profiles"))
    {
      ferry_hcx_client_list_storage_profiles_async (c, endpoint_id, NULL, got_result, &r);
      return ferry_hcx_client_list_storage_profiles_finish (c, wait_for (&r), error);
    }
  if (g_str_equal (what, "compute-profiles"))
    {
      ferry_hcx_client_list_compute_profiles_async (c, endpoint_id, NULL, got_result, &r);
      return ferry_hcx_client_list_compute_profiles_finish (c, wait_for (&r), error);
    }
  if (g_str_equal (what, "meshes"))
    {
      ferry_hcx_client_list_service_meshes_async (c, NULL, got_result, &r);
      return ferry_hcx_client_list_service_meshes_finish (c, wait_for (&r), error);
    }
  if (g_str_equal (what, "local-rc") || g_str_equal (what, "remote-rc"))
    {
      ferry_hcx_client_list_resource_containers_async (c, g_str_equal (what, "remote-rc"), NULL,
                                                       got_result, &r);
      return ferry_hcx_client_list_resource_containers_finish (c, wait_for (&r), error);
    }
  if (g_str_equal (what, "sites"))
    return sync_sites (c, error);
  g_assert_not_reached ();
  return NULL;
}

static gpointer
first_item (GListModel *model)
{
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

static void
test_inventory (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sites = list_sync (fx, "sites", NULL, &error);
  g_autoptr (GListModel) local_rc = list_sync (fx, "local-rc", NULL, &error);
  g_autoptr (GListModel) remote_rc = list_sync (fx, "remote-rc", NULL, &error);
  g_autoptr (GListModel) nets = list_sync (fx, "networks", fx->remote_endpoint, &error);
  g_autoptr (GListModel) src_nets = list_sync (fx, "networks", NULL, &error);
  g_autoptr (GListModel) containers = list_sync (fx, "containers", fx->remote_endpoint, &error);
  g_autoptr (GListModel) datastores = list_sync (fx, "datastores", fx->remote_endpoint, &error);
  g_autoptr (GListModel) profiles = list_sync (fx, "storage-profiles", NULL, &error);
  g_autoptr (GListModel) cps = list_sync (fx, "compute-profiles", NULL, &error);
  g_autoptr (GListModel) remote_cps
      = list_sync (fx, "compute-profiles", fx->remote_endpoint, &error);
  g_autoptr (GListModel) meshes = list_sync (fx, "meshes", NULL, &error);
  g_autoptr (FerrySite) site = first_item (sites);
  g_autoptr (FerryResourceContainer) lrc = first_item (local_rc);
  g_autoptr (FerryResourceContainer) rrc = first_item (remote_rc);
  g_autoptr (FerryNetwork) net = first_item (nets);
  g_autoptr (FerryContainer) container = first_item (containers);
  g_autoptr (FerryDatastore) ds = first_item (datastores);
  g_autoptr (FerryStorageProfile) sp = first_item (profiles);
  g_autoptr (FerryComputeProfile) cp = first_item (cps);
  g_autoptr (FerryComputeProfile) rcp = first_item (remote_cps);
  g_autoptr (FerryServiceMesh) mesh = first_item (meshes);
  gboolean any_segment = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (ferry_site_get_name (site));
  g_assert_nonnull (ferry_site_get_url (site));
  g_assert_cmpstr (ferry_resource_container_get_endpoint_id (lrc), ==,
                   ferry_hcx_client_get_endpoint_id (fx->client));
  g_assert_true (ferry_resource_container_get_is_local (lrc));
  g_assert_cmpstr (ferry_resource_container_get_endpoint_id (rrc), ==, fx->remote_endpoint);
  g_assert_nonnull (ferry_resource_container_get_resource_id (rrc));
  for (guint i = 0; i < g_list_model_get_n_items (nets); i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (nets, i);

      any_segment |= g_strcmp0 (ferry_network_get_entity_type (n), "NsxtSegment") == 0;
      g_assert_cmpstr (ferry_network_get_endpoint_id (n), ==, fx->remote_endpoint);
    }
  g_assert_true (any_segment);
  g_assert_nonnull (ferry_network_get_id (net));
  g_assert_cmpuint (g_list_model_get_n_items (src_nets), >, 0);
  g_assert_nonnull (ferry_container_get_id (container));
  g_assert_nonnull (ferry_container_get_entity_type (container));
  g_assert_nonnull (ferry_datastore_get_name (ds));
  g_assert_nonnull (ferry_storage_profile_get_name (sp));
  g_assert_true (ferry_compute_profile_has_service (cp, "BULK_MIGRATION"));
  g_assert_cmpstr (ferry_compute_profile_get_id (cp), !=, ferry_compute_profile_get_id (rcp));
  g_assert_cmpuint (ferry_service_mesh_get_n_members (mesh), >=, 2);
  g_assert_true (ferry_service_mesh_has_member (mesh, ferry_compute_profile_get_id (cp), NULL));
  g_assert_true (ferry_service_mesh_has_member (mesh, ferry_compute_profile_get_id (rcp), NULL));

  /* The destination's VMs (none migrated yet): an empty list, not an error. */
  {
    g_autoptr (GAsyncResult) r = NULL;
    g_autoptr (GListModel) remote_vms = NULL;

    ferry_hcx_client_list_vms_async (fx->client, fx->remote_endpoint, NULL, NULL, NULL, NULL,
                                     got_result, &r);
    remote_vms = ferry_hcx_client_list_vms_finish (fx->client, wait_for (&r), &error);
    g_assert_no_error (error);
    g_assert_nonnull (remote_vms);
    g_assert_cmpuint (g_list_model_get_n_items (remote_vms), ==, 0);
  }
  fx_free (fx);
}

typedef struct
{
  guint calls;
  guint pages;
  guint items;
  gint64 total;
  guint cancel_after;
  GCancellable *cancellable;
} Progress;

static void
on_progress (guint pages, guint items, gint64 total, gpointer user_data)
{
  Progress *p = user_data;

  p->calls++;
  g_assert_cmpuint (pages, ==, p->calls);
  g_assert_cmpuint (items, >=, p->items);
  p->pages = pages;
  p->items = items;
  p->total = total;
  if (p->cancel_after != 0 && pages == p->cancel_after)
    g_cancellable_cancel (p->cancellable);
}

static GListModel *
load_vms (Fx *fx, Progress *p, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_list_vms_async (fx->client, NULL, p != NULL ? on_progress : NULL, p, NULL,
                                   p != NULL ? p->cancellable : NULL, got_result, &r);
  return ferry_hcx_client_list_vms_finish (fx->client, wait_for (&r), error);
}

static void
test_vms_paging (void)
{
  /* Totals on (this checks them), whatever the run's default for lean answers. */
  FerrySimOptions opts = { .n_vms = 250, .real_omissions = -1 };
  Fx *fx = fx_new (&opts);
  g_autoptr (GError) error = NULL;
  Progress p = { 0 };
  g_autoptr (GListModel) vms = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  /* Small pages keep this cheap under valgrind; the logic is the same as with 1000. */
  ferry_hcx_client_set_page_size (fx->client, 100);
  vms = load_vms (fx, &p, &error);

  g_assert_no_error (error);
  n = g_list_model_get_n_items (vms);
  g_assert_cmpuint (n, ==, 250);
  g_assert_cmpuint (p.pages, ==, 3);
  g_assert_cmpuint (p.items, ==, 250);
  g_assert_cmpint (p.total, ==, 250);
  g_assert_cmpint (sim_requests (fx, API "/service/inventory/virtualmachines"), ==, 3);
  g_assert_cmpuint (p.calls, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);

      g_assert_nonnull (ferry_vm_get_id (vm));
      g_assert_nonnull (ferry_vm_get_name (vm));
      g_assert_false (g_hash_table_contains (ids, ferry_vm_get_id (vm)));
      g_hash_table_add (ids, (gpointer)ferry_vm_get_id (vm));
      g_assert_cmpint (ferry_vm_get_power_state (vm), !=, FERRY_POWER_STATE_UNKNOWN);
    }

  /* A page size that does not divide the inventory. */
  {
    Progress p2 = { 0 };
    g_autoptr (GListModel) again = NULL;

    ferry_hcx_client_set_page_size (fx->client, 70);
    again = load_vms (fx, &p2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 250);
    g_assert_cmpuint (p2.pages, ==, 4);
  }

  /* No total from the server (a real HCX Manager does not promise one): page until a short
   * page. 250 / 50 = 5 full pages, then an empty sixth one ends it. */
  {
    Progress p3 = { 0 };
    g_autoptr (GListModel) again = NULL;
    gint64 before = sim_requests (fx, API "/service/inventory/virtualmachines");

    /* One page in flight, so that no speculative request races the end: exactly six. */
    g_setenv ("FERRY_HCX_IGNORE_TOTAL", "1", TRUE);
    g_setenv ("FERRY_HCX_PAGES_IN_FLIGHT", "1", TRUE);
    ferry_hcx_client_set_page_size (fx->client, 50);
    again = load_vms (fx, &p3, &error);
    g_unsetenv ("FERRY_HCX_IGNORE_TOTAL");
    g_unsetenv ("FERRY_HCX_PAGES_IN_FLIGHT");
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 250);
    g_assert_cmpuint (p3.pages, ==, 6);
    g_assert_cmpint (p3.total, ==, -1);
    g_assert_cmpint (sim_requests (fx, API "/service/inventory/virtualmachines") - before, ==, 6);
  }
  fx_free (fx);
}

static gboolean
objects_equal (GObject *a, GObject *b)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  gboolean equal = TRUE;

  for (guint i = 0; i < n && equal; i++)
    {
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;

      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &va);
      g_object_get_property (b, specs[i]->name, &vb);
      equal = g_param_values_cmp (specs[i], &va, &vb) == 0;
      if (!equal)
        g_test_message ("property %s differs", specs[i]->name);
    }
  return equal;
}

/* The streaming page parser and the json-glib tree parser build the same VMs from the
 * simulator's whole inventory. */
static void
test_vms_parsers_agree (void)
{
  FerrySimOptions opts = { .n_vms = 600, .seed = 3 };
  Fx *fx = fx_new (&opts);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) fast = NULL;
  g_autoptr (GListModel) tree = NULL;
  guint n;

  ferry_hcx_client_set_page_size (fx->client, 250);
  fast = load_vms (fx, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("FERRY_HCX_TREE_PARSER", "1", TRUE);
  tree = load_vms (fx, NULL, &error);
  g_unsetenv ("FERRY_HCX_TREE_PARSER");
  g_assert_no_error (error);
  n = g_list_model_get_n_items (fast);
  g_assert_cmpuint (n, ==, 600);
  g_assert_cmpuint (g_list_model_get_n_items (tree), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) a = g_list_model_get_item (fast, i);
      g_autoptr (FerryVm) b = g_list_model_get_item (tree, i);

      g_assert_true (objects_equal (G_OBJECT (a), G_OBJECT (b)));
      g_assert_cmpuint (ferry_vm_get_n_nics (a), ==, ferry_vm_get_n_nics (b));
      for (guint k = 0; k < ferry_vm_get_n_nics (a); k++)
        g_assert_true (
            objects_equal (G_OBJECT (ferry_vm_get_nic (a, k)), G_OBJECT (ferry_vm_get_nic (b, k))));
    }
  fx_free (fx);
}

/* A tiny HTTPS server of our own for answers the simulator never gives: lists that ignore
 * paging, other envelopes, XML and empty bodies. */
typedef struct
{
  SoupServer *server;
  char *url;
  char *fingerprint;
  const char *vms_body; /* answer to every VM page request */
  const char *cloud_configs_body;
  const char *cloud_configs_type;
  guint vm_requests;
} Odd;

static void
odd_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer user_data)
{
  Odd *odd = user_data;
  const char *body = "{}";
  const char *type = "application/json";

  if (g_str_equal (path, API "/sessions"))
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "x-hm-authorization", "odd-token");
  else if (g_str_equal (path, API "/service/inventory/virtualmachines"))
    {
      odd->vm_requests++;
      body = odd->vms_body;
    }
  else if (g_str_equal (path, API "/cloudConfigs"))
    {
      body = odd->cloud_configs_body;
      type = odd->cloud_configs_type;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static Odd *
odd_start (void)
{
  Odd *odd = g_new0 (Odd, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsCertificate) cert = ferry_sim_cert_generate (NULL, &error);
  GSList *uris;

  g_assert_no_error (error);
  odd->fingerprint = ferry_sim_cert_fingerprint (cert);
  odd->server = soup_server_new ("tls-certificate", cert, NULL);
  soup_server_add_handler (odd->server, NULL, odd_handler, odd, NULL);
  g_assert_true (soup_server_listen_local (
      odd->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (odd->server);
  odd->url = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return odd;
}

static void
odd_stop (Odd *odd)
{
  soup_server_disconnect (odd->server);
  g_object_unref (odd->server);
  g_free (odd->url);
  g_free (odd->fingerprint);
  g_free (odd);
}

static GListModel *
odd_load (FerryHcxClient *client, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_list_vms_async (client, NULL, NULL, NULL, NULL, NULL, got_result, &r);
  return ferry_hcx_client_list_vms_finish (client, wait_for (&r), error);
}

static void
test_odd_servers (void)
{
  Odd *odd = odd_start ();
  g_autoptr (FerryHcxClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) vms = NULL;

  client = ferry_hcx_client_new (odd->url, &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (client, odd->fingerprint);
  g_assert_true (login (client, PASSWORD, &error));
  g_assert_no_error (error);

  /* Bare envelope, no total, the same three VMs whatever the page asked for. */
  odd->vms_body = "{\"items\":[{\"id\":\"vm-1\"},{\"id\":\"vm-2\"},{\"id\":\"vm-3\"}]}";

  /* One page in flight: no speculative request, so the counts are exact. */
  g_setenv ("FERRY_HCX_PAGES_IN_FLIGHT", "1", TRUE);

  /* Page size 2: a long page means the server sent everything at once. One request. */
  ferry_hcx_client_set_page_size (client, 2);
  vms = odd_load (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vms), ==, 3);
  g_assert_cmpuint (odd->vm_requests, ==, 1);
  g_clear_object (&vms);

  /* Page size 3: the second page repeats the first. Without a total this could be a server
   * ignoring the offset with more VMs than one page: an error, never part of the inventory
   * passed off as all of it. */
  odd->vm_requests = 0;
  ferry_hcx_client_set_page_size (client, 3);
  vms = odd_load (client, &error);
  g_assert_null (vms);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
  g_clear_error (&error);
  g_assert_cmpuint (odd->vm_requests, ==, 2);
  g_unsetenv ("FERRY_HCX_PAGES_IN_FLIGHT");

  /* An XML answer (what HCX sends without Accept), an empty one, and a 200 that says it failed. */
  {
    static const struct
    {
      const char *body;
      const char *type;
      int code;
    } bodies[] = {
      { "<map><entry><string>items</string></entry></map>", "application/xml",
        FERRY_HCX_ERROR_UNEXPECTED_RESPONSE },
      { "", "application/json", FERRY_HCX_ERROR_UNEXPECTED_RESPONSE },
      { "{\"success\":false,\"errors\":[{\"error\":\"x\",\"text\":\"Inventory service down\"}]}",
        "application/json", FERRY_HCX_ERROR_SERVER_ERROR },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr (GListModel) sites = NULL;

        odd->cloud_configs_body = bodies[i].body;
        odd->cloud_configs_type = bodies[i].type;
        sites = sync_sites (client, &error);
        g_assert_null (sites);
        g_assert_error (error, FERRY_HCX_ERROR, bodies[i].code);
        g_assert_nonnull (strstr (error->message, odd->url));
        g_clear_error (&error);
      }
  }

  g_clear_object (&client);
  odd_stop (odd);
}

static void
test_vms_cancel (void)
{
  FerrySimOptions opts = { .n_vms = 1000 };
  Fx *fx = fx_new (&opts);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Progress p = { .cancel_after = 2, .cancellable = cancellable };
  g_autoptr (GListModel) vms = NULL;
  gint64 requested;

  ferry_hcx_client_set_page_size (fx->client, 100);
  vms = load_vms (fx, &p, &error);
  g_assert_null (vms);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.pages, ==, 2);
  /* Stopped right there: at most the pages already in flight were requested, and nothing
   * more after the cancellation. */
  requested = sim_requests (fx, API "/service/inventory/virtualmachines");
  g_assert_cmpint (requested, <, 10);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (sim_requests (fx, API "/service/inventory/virtualmachines"), ==, requested);

  /* Cancelling while a request is in flight (slow server) stops at once too. */
  {
    g_autoptr (GCancellable) c2 = g_cancellable_new ();
    g_autoptr (GAsyncResult) r = NULL;
    gint64 start;

    g_clear_error (&error);
    fault (fx, "{\"path\":\"/service/inventory/virtualmachines\",\"latencyMs\":5000,\"count\":1}");
    ferry_hcx_client_list_vms_async (fx->client, NULL, NULL, NULL, NULL, c2, got_result, &r);
    for (guint i = 0; i < 5; i++)
      g_main_context_iteration (NULL, FALSE);
    start = g_get_monotonic_time ();
    g_cancellable_cancel (c2);
    vms = ferry_hcx_client_list_vms_finish (fx->client, wait_for (&r), &error);
    g_assert_null (vms);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
  }
  fx_free (fx);
}

typedef struct
{
  const char *fault;
  int code;
  const char *fragment; /* in the message, besides the host */
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "{\"path\":\"/cloudConfigs\",\"status\":503,\"count\":1}", FERRY_HCX_ERROR_SERVER_ERROR,
      "Injected failure" },
    { "{\"path\":\"/cloudConfigs\",\"status\":500,\"count\":1}", FERRY_HCX_ERROR_SERVER_ERROR,
      "500" },
    { "{\"path\":\"/cloudConfigs\",\"status\":403,\"count\":1}", FERRY_HCX_ERROR_FORBIDDEN, "403" },
    { "{\"path\":\"/cloudConfigs\",\"status\":404,\"count\":1}", FERRY_HCX_ERROR_NOT_FOUND,
      "/cloudConfigs" },
    { "{\"path\":\"/cloudConfigs\",\"status\":400,\"count\":1}", FERRY_HCX_ERROR_BAD_REQUEST,
      "Injected failure" },
    /* Twice: an HTML page once after a login is asked again (test-hcx-reconcile). */
    { "{\"path\":\"/cloudConfigs\",\"html\":true,\"count\":2}", FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
      "HTML" },
    { "{\"path\":\"/cloudConfigs\",\"malformed\":true,\"count\":1}",
      FERRY_HCX_ERROR_UNEXPECTED_RESPONSE, "JSON" },
    { "{\"path\":\"/cloudConfigs\",\"drop\":true}", FERRY_HCX_ERROR_UNREACHABLE, NULL },
    { "{\"path\":\"/cloudConfigs\",\"latencyMs\":4000,\"count\":1}", FERRY_HCX_ERROR_TIMEOUT,
      "seconds" },
  };
  Fx *fx = fx_new (NULL);
  const char *host = ferry_hcx_client_get_host (fx->client);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GListModel) sites = NULL;

      g_test_message ("fault %s", cases[i].fault);
      /* Short overall timeout only where it is the point (slow runs under sanitizers). */
      ferry_hcx_client_set_timeout (fx->client, cases[i].code == FERRY_HCX_ERROR_TIMEOUT ? 2 : 120);
      fault (fx, cases[i].fault);
      sites = sync_sites (fx->client, &error);
      g_assert_null (sites);
      g_assert_error (error, FERRY_HCX_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, host));
      if (cases[i].fragment != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].fragment));
      clear_faults (fx);

      /* The client is still usable afterwards. */
      ferry_hcx_client_set_timeout (fx->client, 120);
      g_clear_object (&sites);
      g_clear_error (&error);
      sites = sync_sites (fx->client, &error);
      g_assert_no_error (error);
      g_assert_nonnull (sites);
    }

  /* A truncated body is never taken for a (shorter) list. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GListModel) sites = NULL;

    fault (fx, "{\"path\":\"/cloudConfigs\",\"truncate\":true,\"count\":1}");
    sites = sync_sites (fx->client, &error);
    g_assert_null (sites);
    g_assert_true (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE)
                   || g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNREACHABLE));
    clear_faults (fx);
  }
  fx_free (fx);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_relogin (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sites = NULL;
  gint64 logins = sim_requests (fx, API "/sessions");
  guint logged_in_changes = 0;

  g_assert_cmpint (logins, ==, 1);
  g_signal_connect_swapped (fx->client, "notify::logged-in", G_CALLBACK (count_notify),
                            &logged_in_changes);
  sim_ctl (fx->sim, "POST", "/__sim/expire-sessions", NULL);
  sites = sync_sites (fx->client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sites);
  g_assert_cmpint (sim_requests (fx, API "/sessions"), ==, 2);
  g_assert_cmpint (sim_requests (fx, API "/cloudConfigs"), ==, 3); /* fx, 401, repeat */

  /* Several calls meeting an expired session share one re-login. */
  {
    g_autoptr (GAsyncResult) r1 = NULL;
    g_autoptr (GAsyncResult) r2 = NULL;
    g_autoptr (GListModel) a = NULL;
    g_autoptr (GListModel) b = NULL;

    sim_ctl (fx->sim, "POST", "/__sim/expire-sessions", NULL);
    ferry_hcx_client_list_sites_async (fx->client, NULL, got_result, &r1);
    ferry_hcx_client_list_service_meshes_async (fx->client, NULL, got_result, &r2);
    a = ferry_hcx_client_list_sites_finish (fx->client, wait_for (&r1), &error);
    g_assert_no_error (error);
    b = ferry_hcx_client_list_service_meshes_finish (fx->client, wait_for (&r2), &error);
    g_assert_no_error (error);
    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_cmpint (sim_requests (fx, API "/sessions"), ==, 3);
  }

  /* A successful re-login is invisible: "logged-in" never flickered. */
  g_assert_cmpuint (logged_in_changes, ==, 0);
  g_assert_true (ferry_hcx_client_get_logged_in (fx->client));

  /* After logout nothing is sent with the old token, and there is nothing to re-login with. */
  ferry_hcx_client_logout (fx->client);
  g_assert_cmpuint (logged_in_changes, ==, 1);
  g_clear_object (&sites);
  sites = sync_sites (fx->client, &error);
  g_assert_null (sites);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_NOT_LOGGED_IN);

  /* The password never shows up in the log. */
  g_assert_null (strstr (log_text->str, PASSWORD));
  fx_free (fx);
}

/* Migrations ----------------------------------------------------------------------------------- */

typedef struct
{
  GListModel *vms;
  FerryResourceContainer *source;
  FerryResourceContainer *destination;
  char *segment;
  char *datastore;
} World;

static void
world_clear (World *w)
{
  g_clear_object (&w->vms);
  g_clear_object (&w->source);
  g_clear_object (&w->destination);
  g_free (w->segment);
  g_free (w->datastore);
}

static void
world_load (Fx *fx, World *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) local_rc = list_sync (fx, "local-rc", NULL, &error);
  g_autoptr (GListModel) remote_rc = list_sync (fx, "remote-rc", NULL, &error);
  g_autoptr (GListModel) nets = list_sync (fx, "networks", fx->remote_endpoint, &error);
  g_autoptr (GListModel) datastores = list_sync (fx, "datastores", fx->remote_endpoint, &error);

  g_assert_no_error (error);
  w->vms = load_vms (fx, NULL, &error);
  g_assert_no_error (error);
  w->source = first_item (local_rc);
  w->destination = first_item (remote_rc);
  for (guint i = 0; i < g_list_model_get_n_items (nets) && w->segment == NULL; i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (nets, i);

      if (g_strcmp0 (ferry_network_get_entity_type (n), "NsxtSegment") == 0)
        w->segment = g_strdup (ferry_network_get_id (n));
    }
  for (guint i = 0; i < g_list_model_get_n_items (datastores) && w->datastore == NULL; i++)
    {
      g_autoptr (FerryDatastore) d = g_list_model_get_item (datastores, i);

      if (!ferry_datastore_get_is_cluster (d))
        w->datastore = g_strdup (ferry_datastore_get_id (d));
    }
  g_assert_nonnull (w->segment);
  g_assert_nonnull (w->datastore);
}

static gboolean
vm_is_clean (FerryVm *vm)
{
  return ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
         && ferry_vm_get_snapshot_count (vm) == 0
         && ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_NO
         && ferry_vm_get_hardware_version_number (vm) >= 9
         && g_strcmp0 (ferry_vm_get_tools_status (vm), "toolsOk") == 0
         && ferry_vm_get_disk_bytes (vm) < ((gint64)200 << 30);
}

static FerryVm *
find_vm (World *w, gboolean clean, guint nth)
{
  guint n = g_list_model_get_n_items (w->vms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (w->vms, i);

      if (clean && vm_is_clean (vm) && nth-- == 0)
        return g_steal_pointer (&vm);
      if (!clean && ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
          && ferry_vm_get_snapshot_count (vm) > 0
          && ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_NO
          && ferry_vm_get_hardware_version_number (vm) >= 9 && nth-- == 0)
        return g_steal_pointer (&vm);
    }
  g_error ("no suitable VM");
  return NULL;
}

static FerryMigrationIntent *
make_intent (World *w, FerryVm *vm, FerryMigrationType type)
{
  FerryMigrationIntent *intent = ferry_migration_intent_new ();

  ferry_migration_intent_set_migration_type (intent, type);
  ferry_migration_intent_set_entity_id (intent, ferry_vm_get_id (vm));
  ferry_migration_intent_set_entity_name (intent, ferry_vm_get_name (vm));
  ferry_migration_intent_set_source (intent, w->source);
  ferry_migration_intent_set_destination (intent, w->destination);
  ferry_migration_intent_set_remove_snapshots (intent, FALSE);
  ferry_migration_intent_set_placement (intent, "cluster", "domain-c8", "Cluster-1");
  ferry_migration_intent_set_placement (intent, "resourcePool", "resgroup-9",
                                        "Compute-ResourcePool");
  ferry_migration_intent_set_placement (intent, "folder", "group-v10", "Workloads");
  ferry_migration_intent_set_datastore_id (intent, w->datastore);
  for (guint i = 0; i < ferry_vm_get_n_nics (vm); i++)
    {
      FerryNic *nic = ferry_vm_get_nic (vm, i);
      FerryNetworkMapping m = { 0 };

      m.src_network_id = (char *)ferry_nic_get_network_id (nic);
      m.src_network_type = (char *)ferry_nic_get_network_type (nic);
      m.src_network_name = (char *)ferry_nic_get_network_name (nic);
      m.dest_network_id = w->segment;
      m.dest_network_type = (char *)"NsxtSegment";
      m.mac_address = (char *)ferry_nic_get_mac_address (nic);
      m.is_primary_nic = i == 0;
      m.connected = ferry_nic_get_connected (nic);
      ferry_migration_intent_add_network_mapping (intent, &m);
    }
  return intent;
}

static FerryValidationResult *
validate_sync (Fx *fx, GListModel *intents, gboolean start, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  if (start)
    {
      ferry_hcx_client_start_async (fx->client, intents, NULL, got_result, &r);
      return ferry_hcx_client_start_finish (fx->client, wait_for (&r), error);
    }
  ferry_hcx_client_validate_async (fx->client, intents, NULL, got_result, &r);
  return ferry_hcx_client_validate_finish (fx->client, wait_for (&r), error);
}

static GListModel *
query_sync (Fx *fx, const char *const *migration_ids, const char *const *group_ids, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_query_migrations_async (fx->client, migration_ids, group_ids, NULL, NULL,
                                           got_result, &r);
  return ferry_hcx_client_query_migrations_finish (fx->client, wait_for (&r), error);
}

static void
test_validate_start_query_cancel (void)
{
  Fx *fx = fx_new (NULL);
  World w = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) intents = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  g_autoptr (GListStore) bad = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  g_autoptr (FerryValidationResult) ok = NULL;
  g_autoptr (FerryValidationResult) ko = NULL;
  g_autoptr (FerryValidationResult) started = NULL;
  g_autoptr (GListModel) migrations = NULL;
  g_autoptr (FerryVm) snap_vm = NULL;
  const char *group;

  world_load (fx, &w);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (FerryVm) vm = find_vm (&w, TRUE, i);
      g_autoptr (FerryMigrationIntent) intent = make_intent (&w, vm, FERRY_MIGRATION_TYPE_BULK);

      g_list_store_append (intents, intent);
    }

  /* Validation passes for clean VMs... */
  ok = validate_sync (fx, G_LIST_MODEL (intents), FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (ferry_validation_result_has_errors (ok));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_validation_result_get_items (ok)), ==, 3);

  /* ...and reports per-VM errors (vMotion with snapshots, not removing them). */
  snap_vm = find_vm (&w, FALSE, 0);
  {
    g_autoptr (FerryMigrationIntent) intent
        = make_intent (&w, snap_vm, FERRY_MIGRATION_TYPE_VMOTION);
    FerryValidationItem *item;

    g_list_store_append (bad, intent);
    ko = validate_sync (fx, G_LIST_MODEL (bad), FALSE, &error);
    g_assert_no_error (error);
    g_assert_true (ferry_validation_result_has_errors (ko));
    item = ferry_validation_result_find_item (ko, ferry_vm_get_id (snap_vm));
    g_assert_nonnull (item);
    g_assert_true (ferry_validation_item_has_errors (item));
    g_assert_cmpstr (ferry_validation_item_get_errors (item)[0], !=, "");
  }

  /* Start: one group for all, migration ids per VM. */
  started = validate_sync (fx, G_LIST_MODEL (intents), TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (ferry_validation_result_get_reconciled (started));
  group = ferry_validation_result_get_migration_group_id (started);
  g_assert_nonnull (group);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_validation_result_get_items (started)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (FerryValidationItem) item
          = g_list_model_get_item (ferry_validation_result_get_items (started), i);

      g_assert_nonnull (ferry_validation_item_get_migration_id (item));
    }

  /* One batched query, paged (page size 2 → 2 pages). */
  {
    const char *groups[] = { group, NULL };
    gint64 before = sim_requests (fx, API "/migrations");

    ferry_hcx_client_set_page_size (fx->client, 2);
    migrations = query_sync (fx, NULL, groups, &error);
    ferry_hcx_client_set_page_size (fx->client, 1000);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (migrations), ==, 3);
    g_assert_cmpint (sim_requests (fx, API "/migrations") - before, ==, 2);
  }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);

      g_assert_cmpstr (ferry_migration_get_migration_group_id (m), ==, group);
      g_assert_nonnull (ferry_migration_get_state (m));
      g_assert_nonnull (ferry_migration_get_entity_id (m));
      g_assert_false (ferry_migration_get_finished (m));
    }

  /* Cancel one gracefully and one by force. */
  {
    g_autoptr (GListStore) one = g_list_store_new (FERRY_TYPE_MIGRATION);
    g_autoptr (GListStore) two = g_list_store_new (FERRY_TYPE_MIGRATION);
    g_autoptr (FerryMigration) m0 = g_list_model_get_item (migrations, 0);
    g_autoptr (FerryMigration) m1 = g_list_model_get_item (migrations, 1);
    g_autoptr (GAsyncResult) r1 = NULL;
    g_autoptr (GAsyncResult) r2 = NULL;
    g_autoptr (GListModel) after = NULL;
    const char *ids[]
        = { ferry_migration_get_migration_id (m0), ferry_migration_get_migration_id (m1), NULL };

    g_list_store_append (one, m0);
    g_list_store_append (two, m1);
    ferry_hcx_client_cancel_migrations_async (fx->client, G_LIST_MODEL (one), FALSE, NULL,
                                              got_result, &r1);
    g_assert_true (ferry_hcx_client_cancel_migrations_finish (fx->client, wait_for (&r1), &error));
    g_assert_no_error (error);
    ferry_hcx_client_cancel_migrations_async (fx->client, G_LIST_MODEL (two), TRUE, NULL,
                                              got_result, &r2);
    g_assert_true (ferry_hcx_client_cancel_migrations_finish (fx->client, wait_for (&r2), &error));
    g_assert_no_error (error);
    g_assert_cmpint (sim_requests (fx, API "/mobility/migrations/cancel"), ==, 1);
    g_assert_cmpint (sim_requests (fx, API "/mobility/migrations/forceCancel"), ==, 1);

    sim_ctl (fx->sim, "POST", "/__sim/clock", "{\"advanceSeconds\":600}");
    after = query_sync (fx, ids, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr (FerryMigration) m = g_list_model_get_item (after, i);

        g_test_message ("after cancel: %s", ferry_migration_get_state (m));
        g_assert_true (g_str_has_prefix (ferry_migration_get_state (m), "CANCEL")
                       || g_strcmp0 (ferry_migration_get_state (m), "MIGRATION_CANCELLED") == 0);
      }
  }

  world_clear (&w);
  fx_free (fx);
}

static void
test_start_reconcile (void)
{
  Fx *fx = fx_new (NULL);
  World w = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) intents = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  g_autoptr (GListStore) intents2 = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  g_autoptr (FerryValidationResult) result = NULL;
  g_autoptr (FerryValidationResult) result2 = NULL;

  world_load (fx, &w);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (FerryVm) vm = find_vm (&w, TRUE, i);
      g_autoptr (FerryVm) vm2 = find_vm (&w, TRUE, i + 2);
      g_autoptr (FerryMigrationIntent) intent = make_intent (&w, vm, FERRY_MIGRATION_TYPE_BULK);
      g_autoptr (FerryMigrationIntent) intent2 = make_intent (&w, vm2, FERRY_MIGRATION_TYPE_BULK);

      g_list_store_append (intents, intent);
      g_list_store_append (intents2, intent2);
    }

  /* The server starts the migrations but the answer is lost (truncated): the client does not
   * resend; it asks by group id and reports what was created. */
  fault (fx, "{\"path\":\"/mobility/migrations/start\",\"truncate\":true,\"count\":1}");
  result = validate_sync (fx, G_LIST_MODEL (intents), TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (ferry_validation_result_get_reconciled (result));
  g_assert_cmpint (sim_requests (fx, API "/mobility/migrations/start"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_validation_result_get_migrations (result)), ==,
                    2);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_validation_result_get_items (result)), ==, 2);
  {
    g_autoptr (FerryValidationItem) item
        = g_list_model_get_item (ferry_validation_result_get_items (result), 0);

    g_assert_nonnull (ferry_validation_item_get_migration_id (item));
  }

  /* The connection drops before the server acted: nothing appears within the reconcile time,
   * which is "not confirmed yet" (the server might still be at work), never "nothing was
   * started"; and the start was still sent only once. */
  ferry_hcx_client_set_reconcile_timeout (fx->client, 1);
  fault (fx, "{\"path\":\"/mobility/migrations/start\",\"drop\":true,\"count\":1}");
  result2 = validate_sync (fx, G_LIST_MODEL (intents2), TRUE, &error);
  g_assert_null (result2);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_START_UNCONFIRMED);
  g_assert_nonnull (strstr (error->message, "not confirmed yet"));
  g_clear_error (&error);
  g_assert_cmpint (sim_requests (fx, API "/mobility/migrations/start"), ==, 2);

  /* An expired session on start: not repeated, reported, and the session is restored. */
  {
    g_autoptr (FerryValidationResult) expired = NULL;
    g_autoptr (GListModel) all = NULL;

    sim_ctl (fx->sim, "POST", "/__sim/expire-sessions", NULL);
    expired = validate_sync (fx, G_LIST_MODEL (intents2), TRUE, &error);
    g_assert_null (expired);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_SESSION_EXPIRED);
    g_clear_error (&error);
    g_assert_cmpint (sim_requests (fx, API "/mobility/migrations/start"), ==, 3);
    all = query_sync (fx, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2); /* only the first group */
  }

  /* Reconcile that cannot reach the server: START_UNCONFIRMED. */
  {
    g_autoptr (FerryValidationResult) lost = NULL;

    fault (fx, "{\"path\":\"/mobility/migrations/start\",\"drop\":true,\"count\":1}");
    fault (fx, "{\"path\":\"/migrations\",\"status\":503}");
    lost = validate_sync (fx, G_LIST_MODEL (intents2), TRUE, &error);
    g_assert_null (lost);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_START_UNCONFIRMED);
    clear_faults (fx);
  }

  world_clear (&w);
  fx_free (fx);
}

static void
test_groups_and_jobs (void)
{
  Fx *fx = fx_new (NULL);
  World w = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) intents = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  g_autoptr (FerryMobilityGroup) group = NULL;
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GAsyncResult) r2 = NULL;
  g_autoptr (GAsyncResult) r3 = NULL;
  g_autoptr (GAsyncResult) r4 = NULL;
  g_autoptr (FerryVm) vm = NULL;
  g_autoptr (FerryMigrationIntent) intent = NULL;

  world_load (fx, &w);
  vm = find_vm (&w, TRUE, 0);
  intent = make_intent (&w, vm, FERRY_MIGRATION_TYPE_BULK);
  g_list_store_append (intents, intent);

  ferry_hcx_client_create_mobility_group_async (fx->client, "wave 1", G_LIST_MODEL (intents), NULL,
                                                got_result, &r);
  group = ferry_hcx_client_create_mobility_group_finish (fx->client, wait_for (&r), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ferry_mobility_group_get_id (group));
  g_assert_cmpstr (ferry_mobility_group_get_name (group), ==, "wave 1");

  {
    const char *ids[] = { ferry_mobility_group_get_id (group), NULL };
    g_autoptr (GListModel) ms = NULL;

    ferry_hcx_client_schedule_mobility_group_async (fx->client, ids[0], 0, 0, TRUE, NULL,
                                                    got_result, &r2);
    g_assert_true (
        ferry_hcx_client_schedule_mobility_group_finish (fx->client, wait_for (&r2), &error));
    g_assert_no_error (error);
    ferry_hcx_client_start_mobility_groups_async (fx->client, ids, NULL, got_result, &r3);
    g_assert_true (
        ferry_hcx_client_start_mobility_groups_finish (fx->client, wait_for (&r3), &error));
    g_assert_no_error (error);
    ms = query_sync (fx, NULL, ids, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (ms), ==, 1);

    /* The simulator has no archive endpoint: a clean NOT_FOUND naming the path. */
    {
      g_autoptr (GAsyncResult) r6 = NULL;

      ferry_hcx_client_archive_mobility_groups_async (fx->client, ids, NULL, got_result, &r6);
      g_assert_false (
          ferry_hcx_client_archive_mobility_groups_finish (fx->client, wait_for (&r6), &error));
      g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "/mobility/groups/archive"));
      g_clear_error (&error);
    }
  }

  /* The job of a start. */
  {
    g_autoptr (GListStore) more = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
    g_autoptr (FerryVm) vm2 = find_vm (&w, TRUE, 1);
    g_autoptr (FerryMigrationIntent) intent2 = make_intent (&w, vm2, FERRY_MIGRATION_TYPE_BULK);
    g_autoptr (FerryValidationResult) started = NULL;
    g_autoptr (GAsyncResult) r5 = NULL;
    g_autoptr (FerryJob) job = NULL;

    g_list_store_append (more, intent2);
    started = validate_sync (fx, G_LIST_MODEL (more), TRUE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (ferry_validation_result_get_job_id (started));
    ferry_hcx_client_get_job_async (fx->client, ferry_validation_result_get_job_id (started), NULL,
                                    got_result, &r5);
    job = ferry_hcx_client_get_job_finish (fx->client, wait_for (&r5), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ferry_job_get_id (job), ==, ferry_validation_result_get_job_id (started));
    g_assert_false (ferry_job_get_did_fail (job));
  }

  /* An unknown job: NOT_FOUND, naming the server. */
  {
    g_autoptr (FerryJob) job = NULL;

    ferry_hcx_client_get_job_async (fx->client, "no-such-job", NULL, got_result, &r4);
    job = ferry_hcx_client_get_job_finish (fx->client, wait_for (&r4), &error);
    g_assert_null (job);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_NOT_FOUND);
  }
  world_clear (&w);
  fx_free (fx);
}

static FerryPrereqReport *
prereq_sync (Fx *fx)
{
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  FerryPrereqReport *report;

  ferry_hcx_client_check_prerequisites_async (fx->client, fx->remote_endpoint, NULL, got_result,
                                              &r);
  report = ferry_hcx_client_check_prerequisites_finish (fx->client, wait_for (&r), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_prerequisites (void)
{
  static const struct
  {
    const char *side;
    const char *where;
  } sides[] = {
    { "source", "source compute profile" },
    { "destination", "destination compute profile" },
    { "mesh", "service mesh" },
  };
  Fx *fx = fx_new (NULL);
  g_autoptr (FerryPrereqReport) all = prereq_sync (fx);

  g_assert_true (ferry_prereq_report_all_available (all));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_prereq_report_get_entries (all)), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *body = g_strdup_printf (
          "{\"side\":\"%s\",\"service\":\"BULK_MIGRATION\",\"enabled\":false}", sides[i].side);
      g_autofree char *on = g_strdup_printf (
          "{\"side\":\"%s\",\"service\":\"BULK_MIGRATION\",\"enabled\":true}", sides[i].side);
      g_autoptr (FerryPrereqReport) report = NULL;
      const char *const *reasons;

      sim_ctl (fx->sim, "POST", "/__sim/services", body);
      report = prereq_sync (fx);
      g_assert_false (ferry_prereq_report_is_available (report, FERRY_MIGRATION_TYPE_BULK));
      g_assert_true (ferry_prereq_report_is_available (report, FERRY_MIGRATION_TYPE_VMOTION));
      g_assert_true (ferry_prereq_report_is_available (report, FERRY_MIGRATION_TYPE_RAV));
      reasons = ferry_prereq_report_get_reasons (report, FERRY_MIGRATION_TYPE_BULK);
      g_assert_nonnull (reasons);
      g_assert_cmpuint (g_strv_length ((char **)reasons), ==, 1);
      g_test_message ("%s: %s", sides[i].side, reasons[0]);
      g_assert_nonnull (strstr (reasons[0], "Bulk Migration"));
      g_assert_nonnull (strstr (reasons[0], sides[i].where));
      sim_ctl (fx->sim, "POST", "/__sim/services", on);
    }
  fx_free (fx);
}

int
main (int argc, char *argv[])
{
  log_text = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "Ferry-HCX", TRUE);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hcx-client/address", test_bad_address);
  g_test_add_func ("/hcx-client/login", test_login);
  g_test_add_func ("/hcx-client/unreachable", test_unreachable);
  g_test_add_func ("/hcx-client/connect-timeout", test_connect_timeout);
  g_test_add_func ("/hcx-client/not-tls", test_not_tls);
  g_test_add_func ("/hcx-client/certificate", test_certificate);
  g_test_add_func ("/hcx-client/certificate-valid", test_certificate_valid);
  g_test_add_func ("/hcx-client/inventory", test_inventory);
  g_test_add_func ("/hcx-client/vms-paging", test_vms_paging);
  g_test_add_func ("/hcx-client/vms-parsers-agree", test_vms_parsers_agree);
  g_test_add_func ("/hcx-client/odd-servers", test_odd_servers);
  g_test_add_func ("/hcx-client/vms-cancel", test_vms_cancel);
  g_test_add_func ("/hcx-client/errors", test_errors);
  g_test_add_func ("/hcx-client/relogin", test_relogin);
  g_test_add_func ("/hcx-client/migrations", test_validate_start_query_cancel);
  g_test_add_func ("/hcx-client/start-reconcile", test_start_reconcile);
  g_test_add_func ("/hcx-client/groups-and-jobs", test_groups_and_jobs);
  g_test_add_func ("/hcx-client/prerequisites", test_prerequisites);

  return g_test_run ();
}
