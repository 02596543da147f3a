/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-server.c: the simulated HCX Manager's HTTPS front end.
 *
 * One catch-all SoupServer handler: count the request, apply any fault that matches its path
 * (latency via pause/unpause, 5xx, dropped connection, mangled bodies), check the session
 * token, route, and write the response in the envelope the real endpoint uses. */

#include "ferry-sim-server.h"

#include "ferry-sim-cert.h"
#include "ferry-sim-engine.h"
#include "ferry-sim-inventory.h"
#include "ferry-sim-json.h"

#include <libsoup/soup.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#define API "/hybridity/api"
#define DEFAULT_USER "cloudadmin@vsphere.local"
#define DEFAULT_PASSWORD "VMware1!"

typedef struct
{
  char *username;
  gint64 last_used_us;
} Session;

typedef struct
{
  char *path; /* prefix, or "*" */
  guint latency_ms;
  double error_rate;
  guint status;
  gboolean drop;
  gboolean drop_after; /* act on the request, then drop the connection: the answer is lost */
  gboolean truncate;
  gboolean malformed;
  gboolean html;
  guint count; /* 0 = until cleared */
} Fault;

typedef struct
{
  guint status;
  char *content_type;
  GBytes *body;
  char *token;
} Response;

struct _FerrySimServer
{
  GObject parent_instance;

  SoupServer *soup;
  GMainContext *context;
  GTlsCertificate *certificate;
  GMutex lock;             /* guards url and fingerprints (read from other threads) */
  GPtrArray *fingerprints; /* every fingerprint served; the last one is current */
  char *url;
  guint16 port;

  guint n_vms;
  guint seed;
  char *cert_dir;
  char *inventory_file;
  FerrySimEngineConfig engine_config;
  gint64 session_timeout_us;

  FerrySimWorld *world;
  FerrySimEngine *engine;
  GHashTable *users;    /* name → password */
  GHashTable *sessions; /* token → Session */
  GPtrArray *faults;    /* Fault, newest last */
  GHashTable *requests; /* path → count */
  GRand *rand;
  gboolean xml_without_accept;
  GPtrArray *delayed; /* GSource*: requests paused by injected latency */
  GPtrArray *retired; /* SoupServer: replaced by a certificate rotation */
};

G_DEFINE_FINAL_TYPE (FerrySimServer, ferry_sim_server, G_TYPE_OBJECT)

static void
session_free (gpointer data)
{
  Session *s = data;

  g_free (s->username);
  g_free (s);
}

static void
fault_free (gpointer data)
{
  Fault *f = data;

  g_free (f->path);
  g_free (f);
}

static void
response_clear (Response *r)
{
  g_free (r->content_type);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->token);
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
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->xml_without_accept = TRUE;
  self->delayed = g_ptr_array_new_with_free_func (destroy_source);
  self->retired = g_ptr_array_new_with_free_func (disconnect_server);
}

/* ---- responses -------------------------------------------------------------------------- */

static void
respond_raw (Response *r, guint status, const char *content_type, char *data, gsize len)
{
  char *type = g_strdup (content_type); /* content_type may be r->content_type itself */

  r->status = status;
  g_free (r->content_type);
  r->content_type = type;
  g_clear_pointer (&r->body, g_bytes_unref);
  r->body = g_bytes_new_take (data, len);
}

static void
respond_gstring (Response *r, guint status, GString *body)
{
  gsize len = body->len;

  respond_raw (r, status, "application/json", g_string_free (body, FALSE), len);
}

static void
respond_node (Response *r, guint status, JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  gsize len = 0;
  char *data;

  json_generator_set_root (gen, node);
  data = json_generator_to_data (gen, &len);
  respond_raw (r, status, "application/json", data, len);
}

static void
respond_builder (Response *r, guint status, JsonBuilder *b)
{
  g_autoptr (JsonNode) node = json_builder_get_root (b);

  respond_node (r, status, node);
}

/* Migration-style error body, with the old-style fields too so either reader finds a message. */
static void
respond_error (Response *r, guint status, const char *code, const char *message)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  ferry_sim_json_add_bool (b, "success", FALSE);
  ferry_sim_json_add_bool (b, "completed", TRUE);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "code", code);
  ferry_sim_json_add_string (b, "message", message);
  ferry_sim_json_add_string (b, "error", code);
  ferry_sim_json_add_string (b, "text", message);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  respond_builder (r, status, b);
}

static void
respond_unauthorized (Response *r)
{
  static const char body[] = "{\"success\":false,\"completed\":false,"
                             "\"errorCode\":\"INVALID_CREDENTIALS\",\"error\":\"Unauthorized\"}";

  respond_raw (r, 401, "application/json", g_strdup (body), strlen (body));
}

/* Hybridity envelope, opened: the caller adds "data" members then calls envelope_end. */
static void
envelope_begin (FerrySimServer *self, JsonBuilder *b)
{
  json_builder_begin_object (b);
  ferry_sim_json_add_bool (b, "success", TRUE);
  ferry_sim_json_add_bool (b, "completed", TRUE);
  ferry_sim_json_add_int (b, "time", g_get_real_time () / 1000);
  ferry_sim_json_add_string (b, "version", "1.0");
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
}

static void
envelope_end (JsonBuilder *b)
{
  json_builder_end_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* ---- helpers ---------------------------------------------------------------------------- */

static JsonObject *
root_object (JsonNode *body)
{
  return body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
}

/* Which site a {"filter":{"cloud":…}} selects; default the local one. NULL if unknown. */
static FerrySimSite *
site_for_filter (FerrySimServer *self, JsonObject *filter)
{
  JsonObject *cloud = ferry_sim_json_object (filter, "cloud");
  const char *endpoint_id = ferry_sim_json_string (cloud, "endpointId");

  if (endpoint_id == NULL)
    endpoint_id = ferry_sim_json_string (filter, "endpointId");
  if (endpoint_id != NULL)
    {
      if (g_str_equal (endpoint_id, self->world->source.endpoint_id))
        return &self->world->source;
      if (g_str_equal (endpoint_id, self->world->destination.endpoint_id))
        return &self->world->destination;
      return NULL;
    }
  if (ferry_sim_json_bool (cloud, "remote", FALSE) && !ferry_sim_json_bool (cloud, "local", FALSE))
    return &self->world->destination;
  return &self->world->source;
}

static void
add_site_ref (JsonBuilder *b, FerrySimSite *site)
{
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "endpointId", site->endpoint_id);
  ferry_sim_json_add_string (b, "name", site->name);
  ferry_sim_json_add_string (b, "cloudType", site->cloud_type);
  json_builder_end_object (b);
}

/* ---- sessions --------------------------------------------------------------------------- */

static void
handle_login (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *o = root_object (body);
  const char *username = ferry_sim_json_string (o, "username");
  const char *password = ferry_sim_json_string (o, "password");
  const char *expected = username != NULL ? g_hash_table_lookup (self->users, username) : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  Session *s;
  char token[33];
  guint i;

  if (expected == NULL || g_strcmp0 (expected, password) != 0)
    {
      respond_unauthorized (r);
      return;
    }
  for (i = 0; i < 32; i++)
    token[i] = "0123456789abcdef"[g_random_int_range (0, 16)];
  token[32] = '\0';
  s = g_new0 (Session, 1);
  s->username = g_strdup (username);
  s->last_used_us = g_get_monotonic_time ();
  g_hash_table_insert (self->sessions, g_strdup (token), s);
  r->token = g_strdup (token);

  envelope_begin (self, b);
  json_builder_set_member_name (b, "user");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "username", username);
  json_builder_set_member_name (b, "roles");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "System Administrator");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "endpointInfo");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "uuid", self->world->source.endpoint_id);
  ferry_sim_json_add_string (b, "name", self->world->source.name);
  ferry_sim_json_add_string (b, "version", self->world->source.version);
  json_builder_end_object (b);
  envelope_end (b);
  respond_builder (r, 200, b);
}

static Session *
check_session (FerrySimServer *self, SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *token = soup_message_headers_get_one (headers, "x-hm-authorization");
  Session *s;
  gint64 now = g_get_monotonic_time ();

  if (token == NULL)
    return NULL;
  s = g_hash_table_lookup (self->sessions, token);
  if (s == NULL)
    return NULL;
  if (now - s->last_used_us > self->session_timeout_us)
    {
      g_hash_table_remove (self->sessions, token);
      return NULL;
    }
  s->last_used_us = now;
  return s;
}

/* ---- sites ------------------------------------------------------------------------------ */

static void
handle_cloud_configs (FerrySimServer *self, Response *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  FerrySimSite *d = &self->world->destination;

  envelope_begin (self, b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "endpointId", d->endpoint_id);
  ferry_sim_json_add_string (b, "name", d->name);
  ferry_sim_json_add_string (b, "url", d->url);
  ferry_sim_json_add_string (b, "cloudType", d->cloud_type);
  ferry_sim_json_add_string (b, "cloudName", d->cloud_name);
  ferry_sim_json_add_string (b, "version", d->version);
  ferry_sim_json_add_string (b, "buildNumber", d->build);
  ferry_sim_json_add_string (b, "username", "cloudadmin@vsphere.local");
  json_builder_end_object (b);
  json_builder_end_array (b);
  envelope_end (b);
  respond_builder (r, 200, b);
}

static void
handle_resource_containers (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *filter = ferry_sim_json_object (root_object (body), "filter");
  JsonObject *cloud = ferry_sim_json_object (filter, "cloud");
  gboolean want_local = TRUE, want_remote = FALSE;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  FerrySimSite *sites[2] = { &self->world->source, &self->world->destination };
  guint i;

  if (cloud != NULL)
    {
      want_local = ferry_sim_json_bool (cloud, "local", FALSE);
      want_remote = ferry_sim_json_bool (cloud, "remote", FALSE);
      if (!want_local && !want_remote && ferry_sim_json_string (cloud, "endpointId") == NULL)
        want_local = TRUE;
      if (ferry_sim_json_string (cloud, "endpointId") != NULL)
        {
          FerrySimSite *s = site_for_filter (self, filter);

          want_local = s == &self->world->source;
          want_remote = s == &self->world->destination;
        }
    }

  envelope_begin (self, b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < 2; i++)
    {
      FerrySimSite *s = sites[i];

      if ((s->is_local && !want_local) || (!s->is_local && !want_remote))
        continue;
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "url", s->vc_url);
      ferry_sim_json_add_string (b, "vcuuid", s->vc_uuid);
      ferry_sim_json_add_string (b, "version", s->vc_version);
      ferry_sim_json_add_string (b, "buildNumber", s->vc_build);
      ferry_sim_json_add_string (b, "name", s->vc_name);
      ferry_sim_json_add_string (b, "resourceId", s->vc_uuid);
      ferry_sim_json_add_string (b, "resourceType", "VC");
      ferry_sim_json_add_string (b, "resourceName", s->vc_name);
      json_builder_set_member_name (b, "endpoint");
      add_site_ref (b, s);
      ferry_sim_json_add_string (b, "endpointId", s->endpoint_id);
      ferry_sim_json_add_string (b, "endpointName", s->name);
      ferry_sim_json_add_string (b, "endpointType", "VC");
      ferry_sim_json_add_bool (b, "isLocal", s->is_local);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  envelope_end (b);
  respond_builder (r, 200, b);
}

/* ---- inventory -------------------------------------------------------------------------- */

static void
handle_vms (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *root = root_object (body);
  JsonObject *filter = ferry_sim_json_object (root, "filter");
  JsonObject *paging = ferry_sim_json_object (root, "paging");
  FerrySimSite *site = site_for_filter (self, filter);
  /* Either name; if both are sent, the larger wins (a stale zero never loops a client). */
  gint64 skip
      = MAX (ferry_sim_json_int (paging, "skipCount", 0), ferry_sim_json_int (paging, "offset", 0));
  gint64 page_size = ferry_sim_json_int (paging, "pageSize", 1000);
  /* The destination lists the VMs whose migration completed. */
  GPtrArray *arrived
      = site == &self->world->destination ? ferry_sim_engine_get_arrived (self->engine) : NULL;
  guint total = site == &self->world->source ? self->world->n_vms
                : arrived != NULL            ? arrived->len
                                             : 0;
  guint from, to, i;
  GString *out;

  if (skip < 0)
    skip = 0;
  if (page_size <= 0)
    page_size = 1000;
  from = (guint)MIN ((guint64)skip, total);
  to = (guint)MIN ((guint64)from + (guint64)page_size, total);

  out = g_string_sized_new (256 + (gsize)(to - from) * 900);
  g_string_append_printf (out,
                          "{\"success\":true,\"completed\":true,\"time\":%" G_GINT64_FORMAT
                          ",\"version\":\"1.0\",\"data\":{\"items\":[",
                          g_get_real_time () / 1000);
  for (i = from; i < to; i++)
    {
      if (i > from)
        g_string_append_c (out, ',');
      ferry_sim_world_write_vm (
          self->world, arrived != NULL ? g_ptr_array_index (arrived, i) : &self->world->vms[i],
          out);
    }
  g_string_append_printf (out,
                          "],\"paging\":{\"skipCount\":%u,\"pageSize\":%" G_GINT64_FORMAT
                          ",\"totalSize\":%u}},\"errors\":[]}",
                          from, page_size, total);
  respond_gstring (r, 200, out);
}

static void
handle_networks (FerrySimServer *self, JsonNode *body, Response *r)
{
  FerrySimSite *site = site_for_filter (self, ferry_sim_json_object (root_object (body), "filter"));
  GPtrArray *nets = site == &self->world->source        ? self->world->src_networks
                    : site == &self->world->destination ? self->world->dst_networks
                                                        : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  envelope_begin (self, b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; nets != NULL && i < nets->len; i++)
    {
      FerrySimNetwork *n = g_ptr_array_index (nets, i);
      g_autofree char *href = g_strdup_printf (API "/service/inventory/networks/%s", n->id);

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "entity_id", n->id);
      ferry_sim_json_add_string (b, "name", n->name);
      ferry_sim_json_add_string (b, "entityType", n->type);
      ferry_sim_json_add_string (b, "type", n->type);
      ferry_sim_json_add_string (b, "href", href);
      if (n->vlan > 0)
        ferry_sim_json_add_int (b, "vlanId", n->vlan);
      if (g_str_equal (n->type, "NsxtSegment"))
        ferry_sim_json_add_bool (b, "extended", n->extended);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  envelope_end (b);
  respond_builder (r, 200, b);
}

static void
handle_containers (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *filter = ferry_sim_json_object (root_object (body), "filter");
  JsonArray *wanted = ferry_sim_json_array (filter, "entityType");
  FerrySimSite *site = site_for_filter (self, filter);
  GPtrArray *list = site == &self->world->source        ? self->world->src_containers
                    : site == &self->world->destination ? self->world->dst_containers
                                                        : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  envelope_begin (self, b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; list != NULL && i < list->len; i++)
    {
      FerrySimContainer *c = g_ptr_array_index (list, i);

      if (wanted != NULL && json_array_get_length (wanted) > 0
          && !ferry_sim_json_array_has_string (wanted, c->type))
        continue;
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "entity_id", c->id);
      ferry_sim_json_add_string (b, "name", c->name);
      ferry_sim_json_add_string (b, "entityType", c->type);
      json_builder_set_member_name (b, "parent");
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "type", c->parent_type);
      ferry_sim_json_add_string (b, "value", c->parent_id);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  envelope_end (b);
  respond_builder (r, 200, b);
}

static void
handle_datastores (FerrySimServer *self, JsonNode *body, Response *r)
{
  FerrySimSite *site = site_for_filter (self, ferry_sim_json_object (root_object (body), "filter"));
  gboolean remote = site == &self->world->destination;
  GPtrArray *list = remote                         ? self->world->dst_datastores
                    : site == &self->world->source ? self->world->src_datastores
                                                   : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  envelope_begin (self, b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; list != NULL && i < list->len; i++)
    {
      FerrySimDatastore *d = g_ptr_array_index (list, i);
      guint64 used = remote ? ferry_sim_engine_reserved (self->engine, d->id) : 0;

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "entity_id", d->id);
      ferry_sim_json_add_string (b, "name", d->name);
      ferry_sim_json_add_string (b, "entityType", "Datastore");
      ferry_sim_json_add_int (b, "capacityBytes", (gint64)d->capacity);
      ferry_sim_json_add_int (b, "freeBytes", (gint64)(d->free > used ? d->free - used : 0));
      ferry_sim_json_add_bool (b, "isCluster", d->is_cluster);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  envelope_end (b);
  respond_builder (r, 200, b);
}

static void
handle_storage_profiles (FerrySimServer *self, Response *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  envelope_begin (self, b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < self->world->storage_profiles->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("aa6d5a82-1c88-45da-85d3-3d74b91a5b%02u", i);

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "id", id);
      ferry_sim_json_add_string (b, "name", g_ptr_array_index (self->world->storage_profiles, i));
      ferry_sim_json_add_string (b, "type", "REQUIREMENT");
      ferry_sim_json_add_string (b, "entityType", "StorageProfile");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  envelope_end (b);
  respond_builder (r, 200, b);
}

/* ---- interconnect ----------------------------------------------------------------------- */

static void
add_compute_profile (FerrySimServer *self, JsonBuilder *b, FerrySimSite *site, FerrySimSide side)
{
  GPtrArray *containers
      = site->is_local ? self->world->src_containers : self->world->dst_containers;
  static const char *tags[] = { "management", "uplink", "vmotion", "replication" };
  guint i;

  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "computeProfileId", site->cp_id);
  ferry_sim_json_add_string (b, "name", site->cp_name);
  ferry_sim_json_add_string (b, "endpointId", site->endpoint_id);
  ferry_sim_json_add_string (b, "state", "VALID");
  json_builder_set_member_name (b, "compute");
  json_builder_begin_array (b);
  for (i = 0; i < containers->len; i++)
    {
      FerrySimContainer *c = g_ptr_array_index (containers, i);

      if (!g_str_equal (c->type, "cluster"))
        continue;
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "cmpId", site->vc_uuid);
      ferry_sim_json_add_string (b, "cmpName", site->vc_name);
      ferry_sim_json_add_string (b, "id", c->id);
      ferry_sim_json_add_string (b, "name", c->name);
      ferry_sim_json_add_string (b, "type", "ClusterComputeResource");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "services");
  ferry_sim_engine_add_services (self->engine, side, b);
  json_builder_set_member_name (b, "networks");
  json_builder_begin_array (b);
  for (i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_autofree char *name
          = g_strdup_printf ("%s-%s-np", site->is_local ? "onprem" : "avs", tags[i]);

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "name", name);
      json_builder_set_member_name (b, "tags");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, tags[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "switches");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "cmpId", site->vc_uuid);
  ferry_sim_json_add_string (b, "id", site->is_local ? "dvs-21" : "/infra/tier-1s/TNT42-T1");
  ferry_sim_json_add_string (b, "name", site->is_local ? "DSwitch-Prod" : "TNT42-T1");
  ferry_sim_json_add_string (
      b, "type", site->is_local ? "VmwareDistributedVirtualSwitch" : "NsxtTransportZone");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
handle_compute_profiles (FerrySimServer *self, GHashTable *query, Response *r)
{
  const char *endpoint_id = query != NULL ? g_hash_table_lookup (query, "endpointId") : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  if (endpoint_id == NULL || g_str_equal (endpoint_id, self->world->source.endpoint_id))
    add_compute_profile (self, b, &self->world->source, FERRY_SIM_SIDE_SOURCE);
  else if (g_str_equal (endpoint_id, self->world->destination.endpoint_id))
    add_compute_profile (self, b, &self->world->destination, FERRY_SIM_SIDE_DESTINATION);
  json_builder_end_array (b);
  json_builder_end_object (b);
  respond_builder (r, 200, b);
}

static void
add_mesh_cp (JsonBuilder *b, FerrySimSite *site)
{
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "computeProfileId", site->cp_id);
  ferry_sim_json_add_string (b, "computeProfileName", site->cp_name);
  ferry_sim_json_add_string (b, "endpointId", site->endpoint_id);
  ferry_sim_json_add_string (b, "endpointName", site->name);
  ferry_sim_json_add_bool (b, "isInitiator", site->is_local);
  json_builder_end_object (b);
}

static void
handle_service_mesh (FerrySimServer *self, Response *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "serviceMeshId", self->world->mesh_id);
  ferry_sim_json_add_string (b, "name", self->world->mesh_name);
  json_builder_set_member_name (b, "computeProfiles");
  json_builder_begin_array (b);
  add_mesh_cp (b, &self->world->source);
  add_mesh_cp (b, &self->world->destination);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "services");
  ferry_sim_engine_add_services (self->engine, FERRY_SIM_SIDE_MESH, b);
  ferry_sim_json_add_string (b, "state", "HEALTHY");
  ferry_sim_json_add_string (b, "status", "UP");
  json_builder_set_member_name (b, "lastTaskDetails");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "type", "SERVICEMESH_UPDATE");
  ferry_sim_json_add_string (b, "status", "SUCCESS");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "appliances");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "applianceType", "HCX-WAN-IX");
  ferry_sim_json_add_string (b, "name", "onprem-to-avs-IX-I1");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  respond_builder (r, 200, b);
}

/* ---- faults ----------------------------------------------------------------------------- */

gboolean
ferry_sim_server_add_fault (FerrySimServer *self, JsonObject *o, GError **error)
{
  Fault *f;
  const char *path = ferry_sim_json_string (o, "path");
  double rate = ferry_sim_json_double (o, "errorRate", 0);
  gint64 status = ferry_sim_json_int (o, "status", 0);

  g_return_val_if_fail (FERRY_IS_SIM_SERVER (self), FALSE);

  if (o == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "A fault must be a JSON object");
      return FALSE;
    }
  if (!(rate >= 0 && rate <= 1)) /* also refuses NaN */
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "errorRate must be between 0 and 1, not %g", rate);
      return FALSE;
    }
  if (status != 0 && (status < 100 || status > 599))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "status must be an HTTP status code, not %" G_GINT64_FORMAT, status);
      return FALSE;
    }
  f = g_new0 (Fault, 1);
  f->path = g_strdup (path != NULL && *path != '\0' ? path : "*");
  f->latency_ms = (guint)CLAMP (ferry_sim_json_int (o, "latencyMs", 0), 0, 600000);
  f->error_rate = rate;
  f->status = (guint)status;
  f->drop = ferry_sim_json_bool (o, "drop", FALSE);
  f->drop_after = ferry_sim_json_bool (o, "dropAfter", FALSE);
  f->truncate = ferry_sim_json_bool (o, "truncate", FALSE);
  f->malformed = ferry_sim_json_bool (o, "malformed", FALSE);
  f->html = ferry_sim_json_bool (o, "html", FALSE);
  f->count = (guint)CLAMP (ferry_sim_json_int (o, "count", 0), 0, G_MAXINT32);
  /* A status alone means "always answer with it". */
  if (f->status != 0 && f->error_rate == 0 && !f->html)
    f->error_rate = 1;
  g_ptr_array_add (self->faults, f);
  return TRUE;
}

static gboolean
fault_matches (Fault *f, const char *path)
{
  if (g_str_equal (f->path, "*"))
    return TRUE;
  if (!g_str_has_prefix (f->path, "/"))
    {
      /* Allow "service/inventory/virtualmachines" or "/service/…" relative to the API root. */
      g_autofree char *full = g_strconcat (API "/", f->path, NULL);

      return g_str_has_prefix (path, full);
    }
  return g_str_has_prefix (path, f->path)
         || (!g_str_has_prefix (f->path, API) && g_str_has_prefix (path, API)
             && g_str_has_prefix (path + strlen (API), f->path));
}

/* The newest matching fault, copied (so that a count reaching 0 may free the original). */
static Fault *
take_fault (FerrySimServer *self, const char *path)
{
  guint i;

  for (i = self->faults->len; i > 0; i--)
    {
      Fault *f = g_ptr_array_index (self->faults, i - 1);
      Fault *copy;

      if (!fault_matches (f, path))
        continue;
      copy = g_memdup2 (f, sizeof *f);
      copy->path = g_strdup (f->path);
      /* Roll the error rate now so that "count" only counts requests actually affected. */
      if (copy->error_rate > 0 && g_rand_double (self->rand) >= copy->error_rate)
        copy->error_rate = 0;
      else if (copy->error_rate > 0)
        copy->error_rate = 1;
      if (copy->latency_ms == 0 && copy->error_rate == 0 && !copy->drop && !copy->drop_after
          && !copy->truncate && !copy->malformed && !copy->html)
        {
          fault_free (copy);
          return NULL;
        }
      if (f->count > 0 && --f->count == 0)
        g_ptr_array_remove_index (self->faults, i - 1);
      return copy;
    }
  return NULL;
}

static void
mangle_response (Fault *f, Response *r)
{
  if (f->html)
    {
      static const char html[]
          = "<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>\n"
            "<body><h1>Service Unavailable</h1><p>The HCX Manager is starting up or a proxy in "
            "front of it is failing. Try again later.</p></body></html>\n";

      respond_raw (r, f->status != 0 ? f->status : 200, "text/html; charset=utf-8", g_strdup (html),
                   strlen (html));
    }
  else if (f->malformed)
    {
      static const char bad[] = "{\"success\":true,\"completed\":true,\"data\":{\"items\":"
                                "[{\"id\":\"vm-1001\",,\"name\":web-01}]},\"errors\":[}";

      respond_raw (r, r->status, "application/json", g_strdup (bad), strlen (bad));
    }
  else if (f->truncate && r->body != NULL)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (r->body, &len);

      respond_raw (r, r->status, r->content_type, g_strndup (data, len / 2), len / 2);
    }
}

/* ---- control (/__sim/) ------------------------------------------------------------------ */

static void
respond_ok (Response *r)
{
  static const char ok[] = "{\"ok\":true}";

  respond_raw (r, 200, "application/json", g_strdup (ok), strlen (ok));
}

static gboolean
rotate_certificate (FerrySimServer *self, GTlsCertificate *certificate, GError **error);

static void
handle_control (FerrySimServer *self, SoupServerMessage *msg, const char *method, const char *path,
                JsonNode *body, Response *r)
{
  JsonObject *o = root_object (body);
  g_autoptr (GError) error = NULL;

  if (g_str_equal (path, "/__sim/reset") && g_str_equal (method, "POST"))
    {
      ferry_sim_engine_reset (self->engine);
      self->xml_without_accept = TRUE;
      g_ptr_array_set_size (self->faults, 0);
      g_hash_table_remove_all (self->requests);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/clock") && g_str_equal (method, "POST"))
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      if (ferry_sim_json_has (o, "speed"))
        ferry_sim_engine_set_speed (self->engine, ferry_sim_json_double (o, "speed", 0));
      if (ferry_sim_json_has (o, "advanceSeconds"))
        ferry_sim_engine_advance (self->engine, ferry_sim_json_double (o, "advanceSeconds", 0));
      json_builder_begin_object (b);
      ferry_sim_json_add_int (b, "clock", ferry_sim_engine_now (self->engine));
      ferry_sim_json_add_double (b, "speed", ferry_sim_engine_get_speed (self->engine));
      json_builder_end_object (b);
      respond_builder (r, 200, b);
    }
  else if (g_str_equal (path, "/__sim/clock") && g_str_equal (method, "GET"))
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      ferry_sim_json_add_int (b, "clock", ferry_sim_engine_now (self->engine));
      ferry_sim_json_add_double (b, "speed", ferry_sim_engine_get_speed (self->engine));
      json_builder_end_object (b);
      respond_builder (r, 200, b);
    }
  else if (g_str_equal (path, "/__sim/faults") && g_str_equal (method, "POST"))
    {
      if (!ferry_sim_server_add_fault (self, o, &error))
        respond_error (r, 400, "INVALID_FAULT", error->message);
      else
        respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/faults") && g_str_equal (method, "DELETE"))
    {
      g_ptr_array_set_size (self->faults, 0);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/quirks") && g_str_equal (method, "POST"))
    {
      if (ferry_sim_json_has (o, "unknownStates"))
        ferry_sim_engine_set_unknown_states (self->engine,
                                             ferry_sim_json_bool (o, "unknownStates", FALSE));
      if (ferry_sim_json_has (o, "xmlWithoutAccept"))
        self->xml_without_accept = ferry_sim_json_bool (o, "xmlWithoutAccept", TRUE);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/age-sessions") && g_str_equal (method, "POST"))
    {
      /* As if every session had been idle for this much longer: idle expiry without waiting. */
      gint64 seconds = ferry_sim_json_int (o, "seconds", 0);
      GHashTableIter iter;
      gpointer value;

      if (seconds < 0)
        {
          respond_error (r, 400, "INVALID_REQUEST", "seconds must not be negative");
          return;
        }
      g_hash_table_iter_init (&iter, self->sessions);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        ((Session *)value)->last_used_us -= MIN (seconds, G_MAXINT32) * G_USEC_PER_SEC;
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/expire-sessions") && g_str_equal (method, "POST"))
    {
      g_hash_table_remove_all (self->sessions);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/services") && g_str_equal (method, "POST"))
    {
      const char *side = ferry_sim_json_string (o, "side");
      FerrySimSide s = g_strcmp0 (side, "source") == 0        ? FERRY_SIM_SIDE_SOURCE
                       : g_strcmp0 (side, "destination") == 0 ? FERRY_SIM_SIDE_DESTINATION
                       : g_strcmp0 (side, "mesh") == 0        ? FERRY_SIM_SIDE_MESH
                                                              : FERRY_SIM_N_SIDES;

      if (s == FERRY_SIM_N_SIDES)
        respond_error (r, 400, "INVALID_SIDE", "side must be source, destination or mesh");
      else if (!ferry_sim_engine_set_service (self->engine, s, ferry_sim_json_string (o, "service"),
                                              ferry_sim_json_bool (o, "enabled", FALSE), &error))
        respond_error (r, 400, "INVALID_SERVICE", error->message);
      else
        respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/vm-failure") && g_str_equal (method, "POST"))
    {
      const char *entity = ferry_sim_json_string (o, "entityId");
      const char *phase = ferry_sim_json_string (o, "phase");

      if (ferry_sim_world_find_vm (self->world, entity) == NULL)
        respond_error (r, 400, "ENTITY_NOT_FOUND", "entityId is not a VM of the source inventory");
      else if (phase != NULL && *phase != '\0' && !g_str_equal (phase, "transfer")
               && !g_str_equal (phase, "switchover"))
        respond_error (r, 400, "INVALID_PHASE",
                       "phase must be transfer or switchover (or null "
                       "to clear)");
      else
        {
          ferry_sim_engine_set_vm_failure (self->engine, entity, phase);
          respond_ok (r);
        }
    }
  else if (g_str_equal (path, "/__sim/state") && g_str_equal (method, "GET"))
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      GHashTableIter iter;
      gpointer key, value;

      json_builder_begin_object (b);
      ferry_sim_json_add_int (b, "sessions", g_hash_table_size (self->sessions));
      ferry_sim_json_add_int (b, "vms", self->world->n_vms);
      ferry_sim_json_add_int (b, "faults", self->faults->len);
      ferry_sim_json_add_string (b, "fingerprint", ferry_sim_server_get_fingerprint (self));
      ferry_sim_json_add_string (b, "sourceEndpointId", self->world->source.endpoint_id);
      ferry_sim_json_add_string (b, "destinationEndpointId", self->world->destination.endpoint_id);
      ferry_sim_engine_add_state (self->engine, b);
      json_builder_set_member_name (b, "requests");
      json_builder_begin_object (b);
      g_hash_table_iter_init (&iter, self->requests);
      while (g_hash_table_iter_next (&iter, &key, &value))
        ferry_sim_json_add_int (b, key, GPOINTER_TO_UINT (value));
      json_builder_end_object (b);
      json_builder_end_object (b);
      respond_builder (r, 200, b);
    }
  else if (g_str_equal (path, "/__sim/certificate/rotate") && g_str_equal (method, "POST"))
    {
      g_autoptr (GTlsCertificate) cert = ferry_sim_cert_generate (NULL, &error);
      g_autoptr (JsonBuilder) b = json_builder_new ();

      if (cert == NULL || !rotate_certificate (self, cert, &error))
        {
          respond_error (r, 500, "CERTIFICATE_ERROR", error->message);
          return;
        }
      json_builder_begin_object (b);
      ferry_sim_json_add_bool (b, "ok", TRUE);
      ferry_sim_json_add_string (b, "fingerprint", ferry_sim_server_get_fingerprint (self));
      json_builder_end_object (b);
      respond_builder (r, 200, b);
    }
  else
    {
      g_autofree char *m = g_strdup_printf ("No simulator control endpoint %s %s", method, path);

      respond_error (r, 404, "NOT_FOUND", m);
    }
}

/* ---- routing ---------------------------------------------------------------------------- */

static void
route_api (FerrySimServer *self, SoupServerMessage *msg, const char *method, const char *path,
           GHashTable *query, JsonNode *body, Response *r)
{
  const char *sub = path + strlen (API);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  Session *session;
  g_autoptr (JsonNode) result = NULL;
  guint status = 200;

  if (g_str_equal (sub, "/sessions") && post)
    {
      handle_login (self, body, r);
      return;
    }
  session = check_session (self, msg);
  if (session == NULL)
    {
      respond_unauthorized (r);
      return;
    }

  if (g_str_equal (sub, "/cloudConfigs") && get)
    handle_cloud_configs (self, r);
  else if (g_str_equal (sub, "/service/inventory/resourcecontainer/list") && post)
    handle_resource_containers (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/virtualmachines") && post)
    handle_vms (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/networks") && post)
    handle_networks (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/containers") && post)
    handle_containers (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/datastores") && post)
    handle_datastores (self, body, r);
  else if (g_str_equal (sub, "/service/inventory/storageProfiles") && post)
    handle_storage_profiles (self, r);
  else if (g_str_equal (sub, "/interconnect/computeProfiles") && get)
    handle_compute_profiles (self, query, r);
  else if (g_str_equal (sub, "/interconnect/serviceMesh") && get)
    handle_service_mesh (self, r);
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

      respond_error (r, 404, "NOT_FOUND", m);
    }

  if (result != NULL)
    respond_node (r, status, result);

  /* Like some real endpoints: no Accept header, no JSON. */
  if (self->xml_without_accept && r->status == 200
      && soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Accept")
             == NULL)
    {
      static const char xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<map><entry>"
                                "<string>success</string><boolean>true</boolean></entry><entry>"
                                "<string>completed</string><boolean>true</boolean></entry><entry>"
                                "<string>data</string><map/></entry></map>\n";

      respond_raw (r, 200, "application/xml", g_strdup (xml), strlen (xml));
    }
}

static void
send_response (FerrySimServer *self, SoupServerMessage *msg, Response *r)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gsize len = 0;
  gconstpointer data = r->body != NULL ? g_bytes_get_data (r->body, &len) : NULL;

  soup_server_message_set_status (msg, r->status != 0 ? r->status : 500, NULL);
  if (r->token != NULL)
    soup_message_headers_replace (headers, "x-hm-authorization", r->token);
  soup_server_message_set_response (msg,
                                    r->content_type != NULL ? r->content_type : "application/json",
                                    SOUP_MEMORY_COPY, data, len);
}

static void
drop_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  soup_server_message_set_status (msg, 500, NULL);
}

static void
process (FerrySimServer *self, SoupServerMessage *msg, const char *path, GHashTable *query,
         Fault *fault)
{
  const char *method = soup_server_message_get_method (msg);
  SoupMessageBody *req = soup_server_message_get_request_body (msg);
  g_autoptr (JsonNode) body = NULL;
  Response r = { 0 };

  if (fault != NULL && fault->drop)
    {
      drop_connection (msg);
      return;
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

          respond_error (&r, 400, "INVALID_JSON", m);
          send_response (self, msg, &r);
          response_clear (&r);
          return;
        }
      if (json_parser_get_root (parser) != NULL)
        body = json_node_copy (json_parser_get_root (parser));
    }

  if (g_str_has_prefix (path, "/__sim/"))
    handle_control (self, msg, method, path, body, &r);
  else if (fault != NULL && fault->error_rate > 0 && !fault->html)
    {
      guint status = fault->status != 0 ? fault->status : 503;
      g_autofree char *m = g_strdup_printf ("Injected failure: %s answered %u", path, status);

      respond_error (&r, status, "SERVICE_UNAVAILABLE", m);
    }
  else if (g_str_equal (path, API) || g_str_has_prefix (path, API "/"))
    route_api (self, msg, method, path, query, body, &r);
  else
    {
      g_autofree char *m = g_strdup_printf ("No such path: %s %s (the API lives under "
                                            "/hybridity/api)",
                                            method, path);

      respond_error (&r, 404, "NOT_FOUND", m);
    }

  if (fault != NULL && fault->drop_after)
    {
      drop_connection (msg);
      response_clear (&r);
      return;
    }
  if (fault != NULL)
    mangle_response (fault, &r);
  send_response (self, msg, &r);
  response_clear (&r);
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
  fault_free (d->fault);
  g_free (d);
}

static gboolean
delayed_cb (gpointer data)
{
  Delayed *d = data;

  g_ptr_array_remove_fast (d->self->delayed, g_main_current_source ());
  process (d->self, d->msg, d->path, d->query, d->fault);
  soup_server_message_unpause (d->msg);
  return G_SOURCE_REMOVE;
}

static void
count_request (FerrySimServer *self, const char *path)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, path));

  g_hash_table_replace (self->requests, g_strdup (path), GUINT_TO_POINTER (n + 1));
}

static void
server_callback (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                 gpointer user_data)
{
  FerrySimServer *self = user_data;
  Fault *fault = NULL;

  count_request (self, path);
  if (!g_str_has_prefix (path, "/__sim/"))
    fault = take_fault (self, path);

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
    fault_free (fault);
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

static gboolean
rotate_certificate (FerrySimServer *self, GTlsCertificate *certificate, GError **error)
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
    self->world = ferry_sim_world_generate (self->n_vms, self->seed);
  self->engine = ferry_sim_engine_new (self->world, &self->engine_config);

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
