/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-server.c: the simulated HCX Manager's HTTPS front end.
 *
 * One catch-all SoupServer handler: count the request, apply any fault that matches its path
 * (latency via pause/unpause, 5xx, dropped connection, mangled bodies), check the session
 * token, route, and write the response in the envelope the real endpoint uses. The bodies are
 * built in ferry-sim-server-respond.c, the API handlers are in ferry-sim-server-api.c (the
 * engine answers the mobility calls), faults in ferry-sim-server-faults.c and the /__sim/
 * control endpoints in ferry-sim-server-control.c. */

#include "ferry-sim-server-private.h"

#include "ferry-sim-binding.h"
#include "ferry-sim-cert.h"
#include "ferry-sim-json.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#define DEFAULT_USER "cloudadmin@vsphere.local"
#define DEFAULT_PASSWORD "VMware1!"

G_DEFINE_FINAL_TYPE (FerrySimServer, ferry_sim_server, G_TYPE_OBJECT)

static void
session_free (gpointer data)
{
  Session *s = data;

  g_free (s->username);
  g_free (s);
}

static void
disconnect_server (gpointer data)
{
  soup_server_disconnect (data);
  g_object_unref (data);
}

static void
destroy_source (gpointer data)
{
  g_source_destroy (data);
  g_source_unref (data);
}

static void
ferry_sim_server_finalize (GObject *object)
{
  FerrySimServer *self = FERRY_SIM_SERVER (object);

  g_ptr_array_unref (self->delayed);

  g_clear_pointer (&self->soup, disconnect_server);
  g_ptr_array_unref (self->retired);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_ptr_array_unref (self->fingerprints);
  g_free (self->url);
  g_free (self->cert_dir);
  g_free (self->inventory_file);
  g_clear_pointer (&self->engine, ferry_sim_engine_free);
  g_clear_pointer (&self->world, ferry_sim_world_free);
  g_hash_table_unref (self->users);
  g_hash_table_unref (self->sessions);
  g_ptr_array_unref (self->faults);
  g_hash_table_unref (self->requests);
  g_hash_table_unref (self->traffic);
  g_rand_free (self->rand);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ferry_sim_server_parent_class)->finalize (object);
}

static void
ferry_sim_server_class_init (FerrySimServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_sim_server_finalize;
}

static void
ferry_sim_server_init (FerrySimServer *self)
{
  g_mutex_init (&self->lock);
  self->fingerprints = g_ptr_array_new_with_free_func (g_free);
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, session_free);
  self->faults = g_ptr_array_new_with_free_func (ferry_sim_fault_free);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->traffic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->xml_without_accept = TRUE;
  self->delayed = g_ptr_array_new_with_free_func (destroy_source);
  self->retired = g_ptr_array_new_with_free_func (disconnect_server);
}

/* ---- routing ---------------------------------------------------------------------------- */

static void
dispatch (FerrySimServer *self, SoupServerMessage *msg, const char *method, const char *path,
          GHashTable *query, JsonNode *body, Response *r)
{
  const char *sub = path + strlen (API);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  Session *session;
  g_autoptr (JsonNode) result = NULL;
  g_autoptr (GError) error = NULL;
  guint status = 200;

  if (g_str_equal (sub, "/sessions") && post)
    {
      ferry_sim_server_handle_login (self, body, r);
      return;
    }
  session = ferry_sim_server_check_session (self, msg);
  if (session == NULL)
    {
      ferry_sim_respond_unauthorized (r);
      return;
    }
  if (!ferry_sim_binding_check (sub, body, &error))
    {
      ferry_sim_respond_error (r, 400, "INVALID_REQUEST", error->message);
      return;
    }

  if (g_str_equal (sub, "/cloudConfigs") && get)
    ferry_sim_server_handle_cloud_configs (self, r);
  else if (g_str_equal (sub, "/service/inventory/resourcecontainer/list") && post)
    ferry_sim_server_handle_resource_containers (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/virtualmachines") && post)
    ferry_sim_server_handle_vms (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/networks") && post)
    ferry_sim_server_handle_networks (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/containers") && post)
    ferry_sim_server_handle_containers (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/datastores") && post)
    ferry_sim_server_handle_datastores (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/storageProfiles") && post)
    ferry_sim_server_handle_storage_profiles (self, r);
  else if (g_str_equal (sub, "/interconnect/computeProfiles") && get)
    ferry_sim_server_handle_compute_profiles (self, query, r);
  else if (g_str_equal (sub, "/interconnect/serviceMesh") && get)
    ferry_sim_server_handle_service_mesh (self, r);
  else if (g_str_equal (sub, "/mobility/migrations/validate") && post)
    result = ferry_sim_engine_validate (self->engine, body, session->username, FALSE, &status);
  else if (g_str_equal (sub, "/mobility/migrations/start") && post)
    result = ferry_sim_engine_validate (self->engine, body, session->username, TRUE, &status);
  else if (g_str_equal (sub, "/mobility/migrations/cancel") && post)
    result = ferry_sim_engine_cancel (self->engine, body, FALSE, &status);
  else if (g_str_equal (sub, "/mobility/migrations/forceCancel") && post)
    result = ferry_sim_engine_cancel (self->engine, body, TRUE, &status);
  else if (g_str_equal (sub, "/migrations") && post && query != NULL
           && g_strcmp0 (g_hash_table_lookup (query, "action"), "query") == 0)
    result = ferry_sim_engine_query (self->engine, body, &status);
  else if (g_str_equal (sub, "/mobility/groups") && post)
    result = ferry_sim_engine_groups_create (self->engine, body, session->username, &status);
  else if (g_str_equal (sub, "/mobility/groups/start") && post)
    result = ferry_sim_engine_groups_start (self->engine, body, &status);
  else if (g_str_has_prefix (sub, "/mobility/groups/") && g_str_has_suffix (sub, "/schedule")
           && post && strlen (sub) > strlen ("/mobility/groups//schedule"))
    {
      g_autofree char *id
          = g_strndup (sub + strlen ("/mobility/groups/"),
                       strlen (sub) - strlen ("/mobility/groups/") - strlen ("/schedule"));

      result = ferry_sim_engine_group_schedule (self->engine, id, body, &status);
    }
  else if (g_str_has_prefix (sub, "/jobs/") && get && sub[strlen ("/jobs/")] != '\0')
    result = ferry_sim_engine_job (self->engine, sub + strlen ("/jobs/"), &status);
  else
    {
      g_autofree char *m
          = g_strdup_printf ("The HCX Manager simulator does not implement %s %s", method, path);

      ferry_sim_respond_error (r, 404, "NOT_FOUND", m);
    }

  if (result != NULL)
    ferry_sim_respond_node (r, status, result);

  /* Like some real endpoints: no Accept header, no JSON. */
  if (self->xml_without_accept && r->status == 200
      && soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Accept")
             == NULL)
    {
      static const char xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<map><entry>"
                                "<string>success</string><boolean>true</boolean></entry><entry>"
                                "<string>completed</string><boolean>true</boolean></entry><entry>"
                                "<string>data</string><map/></entry></map>\n";

      ferry_sim_respond_raw (r, 200, "application/xml", g_strdup (xml), strlen (xml));
    }
}

/* Answers msg, or arranges for it to be answered later. TRUE if msg was paused for that (the
 * caller must not unpause it). */
static void
route_api (FerrySimServer *self, SoupServerMessage *msg, const char *method, const char *path,
           GHashTable *query, JsonNode *body, Response *r)
{
  dispatch (self, msg, method, path, query, body, r);
  /* Real managers answer 401 and 404 with an empty body. */
  if (ferry_sim_engine_get_real_omissions (self->engine) && (r->status == 401 || r->status == 404))
    ferry_sim_respond_raw (r, r->status, NULL, NULL, 0);
}

static gboolean
process (FerrySimServer *self, SoupServerMessage *msg, const char *path, GHashTable *query,
         Fault *fault)
{
  const char *method = soup_server_message_get_method (msg);
  SoupMessageBody *req = soup_server_message_get_request_body (msg);
  g_autoptr (JsonNode) body = NULL;
  Response r = { 0 };
  gboolean held;

  if (fault != NULL && fault->drop)
    {
      ferry_sim_drop_connection (msg);
      return FALSE;
    }

  if (req != NULL && req->length > 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GBytes) bytes = soup_message_body_flatten (req);
      g_autoptr (GError) error = NULL;
      gsize len = 0;
      const char *data = g_bytes_get_data (bytes, &len);

      if (!json_parser_load_from_data (parser, data, (gssize)len, &error))
        {
          g_autofree char *m
              = g_strdup_printf ("The request body is not valid JSON: %s", error->message);

          ferry_sim_respond_error (&r, 400, "INVALID_JSON", m);
          ferry_sim_send_response (msg, &r);
          ferry_sim_response_clear (&r);
          return FALSE;
        }
      if (json_parser_get_root (parser) != NULL)
        body = json_node_copy (json_parser_get_root (parser));
    }
  if (fault != NULL && fault->ignore_paging)
    ferry_sim_fault_strip_paging (body);
  if (fault != NULL && fault->ignore_filter)
    ferry_sim_fault_strip_filter (body);

  if (g_str_has_prefix (path, "/__sim/"))
    ferry_sim_server_handle_control (self, msg, method, path, body, &r);
  else if (fault != NULL && fault->error_rate > 0 && !fault->html)
    {
      guint status = fault->status != 0 ? fault->status : 503;
      g_autofree char *m = g_strdup_printf ("Injected failure: %s answered %u", path, status);

      ferry_sim_respond_error (&r, status, "SERVICE_UNAVAILABLE", m);
    }
  else if (g_str_equal (path, API) || g_str_has_prefix (path, API "/"))
    {
      ferry_sim_engine_set_settle (self->engine, fault != NULL ? fault->settle_ms : 0);
      route_api (self, msg, method, path, query, body, &r);
      ferry_sim_engine_set_settle (self->engine, 0);
    }
  else
    {
      g_autofree char *m = g_strdup_printf ("No such path: %s %s (the API lives under "
                                            "/hybridity/api)",
                                            method, path);

      ferry_sim_respond_error (&r, 404, "NOT_FOUND", m);
    }

  if (fault != NULL && fault->drop_after)
    {
      ferry_sim_drop_connection (msg);
      ferry_sim_response_clear (&r);
      return FALSE;
    }
  if (fault != NULL)
    ferry_sim_fault_mangle_response (fault, &r);
  held = ferry_sim_server_deliver (self, msg, fault, &r);
  ferry_sim_response_clear (&r);
  return held;
}

typedef struct
{
  FerrySimServer *self;
  SoupServerMessage *msg;
  char *path;
  GHashTable *query;
  Fault *fault;
} Delayed;

static void
delayed_free (gpointer data)
{
  Delayed *d = data;

  g_object_unref (d->msg);
  g_free (d->path);
  g_clear_pointer (&d->query, g_hash_table_unref);
  ferry_sim_fault_free (d->fault);
  g_free (d);
}

static gboolean
delayed_cb (gpointer data)
{
  Delayed *d = data;

  g_ptr_array_remove_fast (d->self->delayed, g_main_current_source ());
  if (!process (d->self, d->msg, d->path, d->query, d->fault))
    soup_server_message_unpause (d->msg);
  return G_SOURCE_REMOVE;
}

static guint64 *
traffic_of (FerrySimServer *self, const char *path)
{
  guint64 *bytes = g_hash_table_lookup (self->traffic, path);

  if (bytes == NULL)
    {
      bytes = g_new0 (guint64, 2);
      g_hash_table_insert (self->traffic, g_strdup (path), bytes);
    }
  return bytes;
}

static void
on_finished (SoupServerMessage *msg, FerrySimServer *self)
{
  GUri *uri = soup_server_message_get_uri (msg);

  traffic_of (self, g_uri_get_path (uri))[1] += soup_server_message_get_response_body (msg)->length;
}

static void
count_request (FerrySimServer *self, SoupServerMessage *msg, const char *path)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, path));

  g_hash_table_replace (self->requests, g_strdup (path), GUINT_TO_POINTER (n + 1));
  traffic_of (self, path)[0] += soup_server_message_get_request_body (msg)->length;
  g_signal_connect_object (msg, "finished", G_CALLBACK (on_finished), self, 0);
}

static void
server_callback (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                 gpointer user_data)
{
  FerrySimServer *self = user_data;
  Fault *fault = NULL;

  count_request (self, msg, path);
  if (!g_str_has_prefix (path, "/__sim/"))
    fault = ferry_sim_server_take_fault (self, path);

  if (fault != NULL && fault->latency_ms > 0)
    {
      Delayed *d = g_new0 (Delayed, 1);
      GSource *source = g_timeout_source_new (fault->latency_ms);

      d->self = self; /* pending sources are destroyed in finalize */
      d->msg = g_object_ref (msg);
      d->path = g_strdup (path);
      d->query = query != NULL ? g_hash_table_ref (query) : NULL;
      d->fault = fault;
      soup_server_message_pause (msg);
      g_source_set_callback (source, delayed_cb, d, delayed_free);
      g_source_attach (source, self->context);
      g_ptr_array_add (self->delayed, source); /* owns the reference */
      return;
    }

  process (self, msg, path, query, fault);
  if (fault != NULL)
    ferry_sim_fault_free (fault);
}

/* ---- certificate rotation --------------------------------------------------------------- */

/* Serve a new certificate on new connections from now on. Only the listening sockets are
 * replaced: connections already open (including the one asking) keep going, so the answer
 * reaches the caller and every connection made after it sees the new certificate. */
/* Answers go out as headers and body in separate writes: without TCP_NODELAY, Nagle's algorithm
 * and the client's delayed ACK would hold every body back by ~40 ms on a kept-alive connection. */
static void
request_started_cb (SoupServer *server, SoupServerMessage *msg, gpointer user_data)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL)
    g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
}

static SoupServer *
new_soup_server (FerrySimServer *self, GTlsCertificate *certificate)
{
  SoupServer *soup = soup_server_new ("server-header", "HCX-Manager-Simulator/4.10.0 ",
                                      "tls-certificate", certificate, NULL);

  soup_server_add_handler (soup, NULL, server_callback, self, NULL);
  g_signal_connect (soup, "request-started", G_CALLBACK (request_started_cb), NULL);
  return soup;
}

gboolean
ferry_sim_server_rotate_certificate (FerrySimServer *self, GTlsCertificate *certificate,
                                     GError **error)
{
  GSList *listeners = soup_server_get_listeners (self->soup);
  GSList *l;

  /* A new SoupServer with the new certificate takes over the port; the old one keeps serving
   * the connections it has (libsoup 3.2 leaks a certificate replaced on a live server). */
  for (l = listeners; l != NULL; l = l->next)
    g_socket_close (l->data, NULL);
  g_slist_free (listeners);
  g_ptr_array_add (self->retired, g_steal_pointer (&self->soup));
  self->soup = new_soup_server (self, certificate);
  g_set_object (&self->certificate, certificate);
  if (!soup_server_listen_local (self->soup, self->port,
                                 SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->fingerprints, ferry_sim_cert_fingerprint (certificate));
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/* ---- public API ------------------------------------------------------------------------- */

FerrySimServer *
ferry_sim_server_new (const FerrySimOptions *opts, GError **error)
{
  g_autoptr (FerrySimServer) self = g_object_new (FERRY_TYPE_SIM_SERVER, NULL);
  FerrySimOptions defaults = { 0 };

  if (opts == NULL)
    opts = &defaults;
  self->n_vms = opts->n_vms != 0 ? opts->n_vms : 200;
  self->seed = opts->seed != 0 ? opts->seed : 1;
  self->cert_dir = g_strdup (opts->cert_dir);
  self->inventory_file = g_strdup (opts->inventory_file);
  self->engine_config.speed = opts->speed;
  self->engine_config.migration_bandwidth_bps = opts->migration_mbps * 1e6;
  self->engine_config.appliance_bandwidth_bps = opts->appliance_mbps * 1e6;
  self->engine_config.max_replication = opts->max_concurrent;
  self->engine_config.max_vmotion = opts->max_vmotion;
  self->session_timeout_us
      = (gint64)(opts->session_timeout != 0 ? opts->session_timeout : 1800) * G_USEC_PER_SEC;
  self->rand = g_rand_new_with_seed (self->seed);

  ferry_sim_server_add_user (self, opts->username != NULL ? opts->username : DEFAULT_USER,
                             opts->password != NULL ? opts->password : DEFAULT_PASSWORD);

  if (self->inventory_file != NULL)
    {
      self->world = ferry_sim_world_load (self->inventory_file, self->seed, error);
      if (self->world == NULL)
        return NULL;
    }
  else
    {
      self->world = ferry_sim_world_generate (self->n_vms, self->seed);
      ferry_sim_world_add_networks (self->world, opts->n_source_networks,
                                    opts->n_destination_networks);
    }
  self->engine = ferry_sim_engine_new (self->world, &self->engine_config);
  self->real_omissions = opts->real_omissions > 0;
  ferry_sim_engine_set_real_omissions (self->engine, self->real_omissions);

  self->certificate = ferry_sim_cert_load_or_generate (self->cert_dir, error);
  if (self->certificate == NULL)
    return NULL;
  g_ptr_array_add (self->fingerprints, ferry_sim_cert_fingerprint (self->certificate));

  self->soup = new_soup_server (self, self->certificate);
  return g_steal_pointer (&self);
}

gboolean
ferry_sim_server_listen (FerrySimServer *self, guint16 port, GError **error)
{
  GSList *uris;

  g_return_val_if_fail (FERRY_IS_SIM_SERVER (self), FALSE);

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  if (!soup_server_listen_local (self->soup, port,
                                 SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      g_prefix_error (error, "The simulator could not listen on 127.0.0.1:%u: ", port);
      return FALSE;
    }
  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    {
      self->port = (guint16)g_uri_get_port (uris->data);
      g_mutex_lock (&self->lock);
      g_free (self->url);
      self->url = g_strdup_printf ("https://127.0.0.1:%u", self->port);
      g_mutex_unlock (&self->lock);
    }
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return self->url != NULL;
}

const char *
ferry_sim_server_get_url (FerrySimServer *self)
{
  const char *url;

  g_return_val_if_fail (FERRY_IS_SIM_SERVER (self), NULL);
  g_mutex_lock (&self->lock);
  url = self->url;
  g_mutex_unlock (&self->lock);
  return url;
}

const char *
ferry_sim_server_get_fingerprint (FerrySimServer *self)
{
  const char *fp = NULL;

  g_return_val_if_fail (FERRY_IS_SIM_SERVER (self), NULL);
  g_mutex_lock (&self->lock);
  if (self->fingerprints->len > 0)
    fp = g_ptr_array_index (self->fingerprints, self->fingerprints->len - 1);
  g_mutex_unlock (&self->lock);
  return fp;
}

GTlsCertificate *
ferry_sim_server_get_certificate (FerrySimServer *self)
{
  g_return_val_if_fail (FERRY_IS_SIM_SERVER (self), NULL);
  return self->certificate;
}

guint16
ferry_sim_server_get_port (FerrySimServer *self)
{
  g_return_val_if_fail (FERRY_IS_SIM_SERVER (self), 0);
  return self->port;
}

void
ferry_sim_server_add_user (FerrySimServer *self, const char *username, const char *password)
{
  g_return_if_fail (FERRY_IS_SIM_SERVER (self));
  g_return_if_fail (username != NULL && password != NULL);
  g_hash_table_replace (self->users, g_strdup (username), g_strdup (password));
}
