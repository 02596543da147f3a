/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim.c: the HCX Manager simulator, over real HTTPS, with a plain libsoup client that
 * trusts the simulator's certificate by its SHA-256 fingerprint. The clock stands still unless a
 * test advances it, so state machine tests are deterministic. */

#include "ferry-test-sim.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#define API "/hybridity/api"
#define LOGIN_BODY "{\"username\":\"cloudadmin@vsphere.local\",\"password\":\"VMware1!\"}"

/* ---- a small client --------------------------------------------------------------------- */

typedef struct
{
  guint status;
  GBytes *body;
  char *content_type;
  char *token;
  GError *error;
  JsonNode *json;
} Reply;

static void
reply_free (Reply *r)
{
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->content_type);
  g_free (r->token);
  g_clear_error (&r->error);
  g_clear_pointer (&r->json, json_node_unref);
  g_free (r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

typedef struct
{
  FerrySimThread *sim;
  char *token;
  char *src_endpoint;
  char *dst_endpoint;
  char *src_vc;
  char *dst_vc;
  JsonArray *vms; /* the whole source inventory */
  JsonNode *vms_root;
} Fx;

static char *
fingerprint_of (GTlsCertificate *certificate)
{
  g_autoptr (GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString *fp = g_string_new (NULL);
  gsize i;

  g_object_get (certificate, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  for (i = 0; hex[i] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (fp, ':');
      g_string_append_c (fp, g_ascii_toupper (hex[i]));
      g_string_append_c (fp, g_ascii_toupper (hex[i + 1]));
    }
  return g_string_free (fp, FALSE);
}

static gboolean
accept_cb (SoupMessage *msg, GTlsCertificate *certificate, GTlsCertificateFlags errors,
           gpointer user_data)
{
  g_autofree char *fp = fingerprint_of (certificate);

  return g_str_equal (fp, ferry_sim_thread_get_fingerprint (user_data));
}

/* Seconds before a client call gives up (a test of stalled answers lowers it). */
static guint client_timeout = 60;

/* One keep-alive client session per test fixture (fewer TLS handshakes); other calls use a
 * fresh session, so that they open a new connection. */
static struct
{
  FerrySimThread *sim;
  GMainContext *context;
  SoupSession *session;
  char *ca_path;
} shared;

/* A database that trusts the simulator's current certificate as an anchor: the shared session's
 * connections then verify normally, without the "accept-certificate" round. */
static GTlsDatabase *
trust_only (FerrySimThread *sim, char **out_path)
{
  GTlsCertificate *cert = ferry_sim_server_get_certificate (ferry_sim_thread_get_server (sim));
  g_autofree char *pem = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  GTlsDatabase *db;
  int fd;

  g_object_get (cert, "certificate-pem", &pem, NULL);
  fd = g_file_open_tmp ("ferry-sim-ca-XXXXXX.pem", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, pem, -1, &error));
  db = g_tls_file_database_new (path, &error);
  g_assert_no_error (error);
  *out_path = g_steal_pointer (&path); /* read again per connection: unlink when done */
  return db;
}

static void
shared_open (FerrySimThread *sim)
{
  g_autoptr (GTlsDatabase) db = trust_only (sim, &shared.ca_path);

  g_assert_null (shared.sim);
  shared.sim = sim;
  shared.context = g_main_context_new ();
  g_main_context_push_thread_default (shared.context);
  shared.session = soup_session_new_with_options ("timeout", 60, "proxy-resolver", NULL,
                                                  "tls-database", db, NULL);
  g_main_context_pop_thread_default (shared.context);
}

static void
shared_close (void)
{
  g_main_context_push_thread_default (shared.context);
  g_clear_object (&shared.session);
  while (g_main_context_iteration (shared.context, FALSE))
    ;
  g_main_context_pop_thread_default (shared.context);
  g_clear_pointer (&shared.context, g_main_context_unref);
  g_unlink (shared.ca_path);
  g_clear_pointer (&shared.ca_path, g_free);
  shared.sim = NULL;
}

static Reply *
call_full (FerrySimThread *sim, const char *token, const char *method, const char *path,
           const char *body, gboolean accept_json, gboolean fresh)
{
  gboolean reuse = !fresh && shared.sim == sim && shared.session != NULL;
  g_autoptr (GMainContext) own_context = reuse ? NULL : g_main_context_new ();
  GMainContext *context = reuse ? shared.context : own_context;
  g_autoptr (SoupSession) own_session = NULL;
  SoupSession *session;
  g_autoptr (SoupMessage) msg = NULL;
  g_autofree char *uri = g_strconcat (ferry_sim_thread_get_url (sim), path, NULL);
  Reply *r = g_new0 (Reply, 1);
  SoupMessageHeaders *headers;

  g_main_context_push_thread_default (context);
  if (reuse)
    session = shared.session;
  else
    session = own_session = soup_session_new_with_options (
        "timeout", client_timeout, "proxy-resolver", NULL, "tls-database", NULL, NULL);
  msg = soup_message_new (method, uri);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_cb), sim);
  /* libsoup 3 sends every POST on a new connection unless told it is safe to repeat; everything
   * here is, except a start (which must never be re-sent behind the caller's back). */
  if (strstr (path, "/start") == NULL)
    soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  headers = soup_message_get_request_headers (msg);
  if (accept_json)
    soup_message_headers_replace (headers, "Accept", "application/json");
  if (token != NULL)
    soup_message_headers_replace (headers, "x-hm-authorization", token);
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  r->body = soup_session_send_and_read (session, msg, NULL, &r->error);
  r->status = soup_message_get_status (msg);
  headers = soup_message_get_response_headers (msg);
  r->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  r->token = g_strdup (soup_message_headers_get_one (headers, "x-hm-authorization"));
  if (r->body != NULL && g_bytes_get_size (r->body) > 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      gsize len = 0;
      const char *data = g_bytes_get_data (r->body, &len);

      if (json_parser_load_from_data (parser, data, (gssize)len, NULL)
          && json_parser_get_root (parser) != NULL)
        r->json = json_node_copy (json_parser_get_root (parser));
    }
  g_clear_object (&msg);
  g_clear_object (&own_session);
  /* Let the connection go back to the idle pool (or close) before the next call. */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
  return r;
}

static Reply *
call (FerrySimThread *sim, const char *token, const char *method, const char *path,
      const char *body)
{
  return call_full (sim, token, method, path, body, TRUE, FALSE);
}

static Reply *
api (Fx *fx, const char *method, const char *path, const char *body)
{
  g_autofree char *full = g_strconcat (API, path, NULL);

  return call (fx->sim, fx->token, method, full, body);
}

/* "data.items.0.id" → node (numbers index arrays); NULL if absent. */
static JsonNode *
jget (JsonNode *node, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  guint i;

  for (i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *o = json_node_get_object (node);

          node = json_object_has_member (o, parts[i]) ? json_object_get_member (o, parts[i]) : NULL;
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *a = json_node_get_array (node);
          guint idx = (guint)g_ascii_strtoull (parts[i], NULL, 10);

          node = idx < json_array_get_length (a) ? json_array_get_element (a, idx) : NULL;
        }
      else
        node = NULL;
    }
  return node;
}

static const char *
jstr (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             ? json_node_get_string (n)
             : NULL;
}

static gint64
jint (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  g_assert_nonnull (n);
  if (json_node_get_value_type (n) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (n), NULL, 10);
  return json_node_get_int (n);
}

static gboolean
jbool (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  g_assert_nonnull (n);
  return json_node_get_boolean (n);
}

static guint
jlen (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  g_assert_nonnull (n);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (n));
  return json_array_get_length (json_node_get_array (n));
}

/* Does any {code|message} object in the array at path have this code? */
static gboolean
has_code (JsonNode *node, const char *path, const char *code)
{
  JsonNode *n = jget (node, path);
  guint i;

  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    return FALSE;
  for (i = 0; i < json_array_get_length (json_node_get_array (n)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (n), i);

      if (g_strcmp0 (jstr (e, "code"), code) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
message_for (JsonNode *node, const char *path, const char *code)
{
  JsonNode *n = jget (node, path);
  guint i;

  for (i = 0; n != NULL && i < json_array_get_length (json_node_get_array (n)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (n), i);

      if (g_strcmp0 (jstr (e, "code"), code) == 0)
        return jstr (e, "message");
    }
  return NULL;
}

static JsonNode *
control (Fx *fx, const char *method, const char *path, const char *body)
{
  return ferry_test_sim_control (fx->sim, method, path, body);
}

static gint64
sim_clock (Fx *fx)
{
  g_autoptr (JsonNode) state = control (fx, "GET", "/__sim/clock", NULL);

  return jint (state, "clock");
}

static void
advance (Fx *fx, double seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advanceSeconds\":%.3f}", seconds);
  g_autoptr (JsonNode) r = control (fx, "POST", "/__sim/clock", body);
}

static Fx *
fx_new (const FerrySimOptions *opts)
{
  Fx *fx = g_new0 (Fx, 1);
  g_autoptr (Reply) login = NULL;
  g_autoptr (Reply) local = NULL;
  g_autoptr (Reply) remote = NULL;
  g_autoptr (Reply) vms = NULL;

  fx->sim = ferry_test_sim_start (opts);
  shared_open (fx->sim);
  login = call (fx->sim, NULL, "POST", API "/sessions", LOGIN_BODY);
  g_assert_no_error (login->error);
  g_assert_cmpuint (login->status, ==, 200);
  g_assert_nonnull (login->token);
  fx->token = g_strdup (login->token);

  local = api (fx, "POST", "/service/inventory/resourcecontainer/list",
               "{\"filter\":{\"cloud\":{\"local\":true,\"remote\":false}}}");
  remote = api (fx, "POST", "/service/inventory/resourcecontainer/list",
                "{\"filter\":{\"cloud\":{\"local\":false,\"remote\":true}}}");
  g_assert_cmpuint (local->status, ==, 200);
  g_assert_cmpuint (remote->status, ==, 200);
  fx->src_endpoint = g_strdup (jstr (local->json, "data.items.0.endpointId"));
  fx->src_vc = g_strdup (jstr (local->json, "data.items.0.resourceId"));
  fx->dst_endpoint = g_strdup (jstr (remote->json, "data.items.0.endpointId"));
  fx->dst_vc = g_strdup (jstr (remote->json, "data.items.0.resourceId"));
  g_assert_nonnull (fx->src_endpoint);
  g_assert_nonnull (fx->dst_endpoint);
  g_assert_cmpstr (fx->src_endpoint, !=, fx->dst_endpoint);

  vms = api (fx, "POST", "/service/inventory/virtualmachines",
             "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"skipCount\":0,"
             "\"pageSize\":100000}}");
  g_assert_cmpuint (vms->status, ==, 200);
  fx->vms_root = json_node_ref (vms->json);
  fx->vms = json_node_get_array (jget (fx->vms_root, "data.items"));
  return fx;
}

static void
fx_free (Fx *fx)
{
  shared_close ();
  ferry_sim_thread_stop (fx->sim);
  json_node_unref (fx->vms_root);
  g_free (fx->token);
  g_free (fx->src_endpoint);
  g_free (fx->dst_endpoint);
  g_free (fx->src_vc);
  g_free (fx->dst_vc);
  g_free (fx);
}

/* ---- VMs and intents -------------------------------------------------------------------- */

typedef enum
{
  VM_CLEAN,      /* on, no snapshot, no ISO, hw ≥ 9, tools OK */
  VM_OFF,        /* off, otherwise clean-ish */
  VM_OLD_HW,     /* on, hw < 9 */
  VM_ISO,        /* on, ISO mounted, no snapshots, hw ≥ 9 */
  VM_SNAPSHOTS,  /* on, snapshots, no ISO, hw ≥ 9 */
  VM_TOOLS_DOWN, /* on, tools not running */
  VM_BIG,        /* on, clean, disk > 300 GB */
} VmKind;

static gboolean
vm_is (JsonNode *vm, VmKind kind)
{
  gboolean on = g_strcmp0 (jstr (vm, "powerState"), "poweredOn") == 0;
  gint64 snaps = jint (vm, "snapshotCount");
  gboolean iso = jbool (vm, "isoMounted");
  guint hw = (guint)g_ascii_strtoull (jstr (vm, "hardwareVersion") + 4, NULL, 10);
  gboolean tools_ok = g_strcmp0 (jstr (vm, "toolsStatus"), "toolsOk") == 0;
  gint64 disk = jint (vm, "summary.diskSize");
  gboolean clean = snaps == 0 && !iso && hw >= 9;

  switch (kind)
    {
      case VM_CLEAN:
        return on && clean && tools_ok && disk < ((gint64)200 << 30);
      case VM_OFF:
        return !on && clean;
      case VM_OLD_HW:
        return on && hw < 9 && snaps == 0 && !iso;
      case VM_ISO:
        return on && iso && snaps == 0 && hw >= 9;
      case VM_SNAPSHOTS:
        return on && snaps > 0 && !iso && hw >= 9;
      case VM_TOOLS_DOWN:
        return on && clean && !tools_ok && g_strcmp0 (jstr (vm, "toolsStatus"), "toolsOld") != 0;
      case VM_BIG:
        return on && clean && tools_ok && disk > ((gint64)300 << 30);
      default:
        return FALSE;
    }
}

static JsonNode *
find_vm (Fx *fx, VmKind kind, guint nth)
{
  guint i;

  for (i = 0; i < json_array_get_length (fx->vms); i++)
    {
      JsonNode *vm = json_array_get_element (fx->vms, i);

      if (vm_is (vm, kind) && nth-- == 0)
        return vm;
    }
  g_error ("No VM of kind %d in the inventory", kind);
  return NULL;
}

typedef struct
{
  const char *type; /* default vSphereReplication */
  gint64 win_start;
  gint64 win_end;
  gboolean no_retain_mac;
  gboolean remove_iso;
  gboolean remove_snapshots;
  const char *datastore; /* default datastore-61 */
  gboolean skip_mappings;
  const char *dest_network; /* default /infra/segments/web-segment */
  const char *group;
  gboolean long_recovery;
} IntentOpts;

static char *
intent (Fx *fx, JsonNode *vm, const IntentOpts *o)
{
  const char *type = o->type != NULL ? o->type : "vSphereReplication";
  const char *transfer = g_str_equal (type, "vMotion") || g_str_equal (type, "ColdMigration")
                             ? "NO_OP"
                             : "vSphereReplication";
  GString *maps = g_string_new (NULL);
  g_autofree char *group = NULL;
  g_autofree char *maps_str = NULL;
  guint i, n = jlen (vm, "networkDevices");

  for (i = 0; i < n && !o->skip_mappings; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("networkDevices.%u.", i);
      g_autofree char *p_id = g_strconcat (prefix, "networkId", NULL);
      g_autofree char *p_mac = g_strconcat (prefix, "macAddress", NULL);

      g_string_append_printf (
          maps,
          "%s{\"srcNetworkId\":\"%s\",\"srcNetworkType\":\"DistributedVirtualPortgroup\","
          "\"destNetworkId\":\"%s\",\"destNetworkType\":\"NsxtSegment\",\"macAddress\":\"%s\","
          "\"isPrimaryNic\":%s,\"connected\":true}",
          i > 0 ? "," : "", jstr (vm, p_id),
          o->dest_network != NULL ? o->dest_network : "/infra/segments/web-segment",
          jstr (vm, p_mac), i == 0 ? "true" : "false");
    }
  maps_str = g_string_free (maps, FALSE);
  if (o->group != NULL)
    group = g_strdup_printf ("\"desiredMigrationGroupId\":\"%s\",", o->group);
  return g_strdup_printf (
      "{%s\"migrationType\":\"%s\","
      "\"entity\":{\"entityId\":\"%s\",\"entityType\":\"VirtualMachine\",\"entityName\":\"%s\"},"
      "\"source\":{\"endpointId\":\"%s\",\"endpointType\":\"VC\",\"resourceType\":\"VC\","
      "\"resourceId\":\"%s\"},"
      "\"destination\":{\"endpointId\":\"%s\",\"endpointType\":\"VC\",\"resourceType\":\"VC\","
      "\"resourceId\":\"%s\"},"
      "\"transferParams\":{\"transferType\":\"%s\",\"schedule\":{\"startTime\":0,\"expiryTime\":0},"
      "\"longRecovery\":%s},"
      "\"switchoverParams\":{\"switchoverType\":\"%s\",\"schedule\":{\"startTime\":"
      "%" G_GINT64_FORMAT ",\"expiryTime\":%" G_GINT64_FORMAT
      "},\"options\":{\"retainMac\":%s,\"removeISOs\":%s,"
      "\"removeSnapshots\":%s,\"forcePowerOffVm\":false}},"
      "\"placement\":[{\"type\":\"cluster\",\"id\":\"domain-c8\",\"name\":\"Cluster-1\"},"
      "{\"type\":\"resourcePool\",\"id\":\"resgroup-9\",\"name\":\"Compute-ResourcePool\"},"
      "{\"type\":\"folder\",\"id\":\"group-v10\",\"name\":\"Workloads\"}],"
      "\"storage\":{\"defaultStorage\":{\"id\":\"%s\",\"type\":\"Datastore\","
      "\"diskProvisionType\":\"thin\"}},"
      "\"networkParams\":{\"networkMappings\":[%s]}}",
      group != NULL ? group : "", type, jstr (vm, "id"), jstr (vm, "name"), fx->src_endpoint,
      fx->src_vc, fx->dst_endpoint, fx->dst_vc, transfer, o->long_recovery ? "true" : "false", type,
      o->win_start, o->win_end, o->no_retain_mac ? "false" : "true",
      o->remove_iso ? "true" : "false", o->remove_snapshots ? "true" : "false",
      o->datastore != NULL ? o->datastore : "datastore-61", maps_str);
}

static Reply *
mobility (Fx *fx, const char *action, const char *items)
{
  g_autofree char *body = g_strdup_printf ("{\"items\":[%s]}", items);
  g_autofree char *path = g_strdup_printf ("/mobility/migrations/%s", action);

  return api (fx, "POST", path, body);
}

static Reply *
validate_one (Fx *fx, JsonNode *vm, const IntentOpts *o)
{
  g_autofree char *i = intent (fx, vm, o);

  return mobility (fx, "validate", i);
}

static char *
start_one (Fx *fx, JsonNode *vm, const IntentOpts *o)
{
  g_autofree char *i = intent (fx, vm, o);
  g_autoptr (Reply) r = mobility (fx, "start", i);

  g_assert_cmpuint (r->status, ==, 202);
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 0);
  return g_strdup (jstr (r->json, "items.0.migrationId"));
}

static Reply *
query (Fx *fx, const char *filter, const char *paging)
{
  g_autofree char *body = g_strdup_printf ("{\"filter\":{%s},\"options\":{\"resultLevel\":"
                                           "\"MOBILITYGROUP_ITEMS\",\"compat\":2.1},"
                                           "\"paging\":{%s}}",
                                           filter, paging != NULL ? paging : "\"pageSize\":50");

  return api (fx, "POST", "/migrations?action=query", body);
}

static char *
state_of (Fx *fx, const char *migration_id)
{
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", migration_id);
  g_autoptr (Reply) r = query (fx, filter, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpuint (jlen (r->json, "data.items"), ==, 1);
  return g_strdup (jstr (r->json, "data.items.0.state"));
}

#define assert_state(fx, id, expected)                                                             \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *_s = state_of (fx, id);                                                       \
    g_assert_cmpstr (_s, ==, expected);                                                            \
  }                                                                                                \
  G_STMT_END

/* ---- sessions --------------------------------------------------------------------------- */

static void
test_sessions (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (Reply) bad = NULL;
  g_autoptr (Reply) login = NULL;
  g_autoptr (Reply) no_token = NULL;
  g_autoptr (Reply) wrong_token = NULL;
  g_autoptr (Reply) ok = NULL;
  g_autoptr (Reply) expired = NULL;
  g_autoptr (Reply) again = NULL;
  g_autoptr (Reply) logout = NULL;
  g_autoptr (JsonNode) state = NULL;

  login = call (fx->sim, NULL, "POST", API "/sessions", LOGIN_BODY);
  g_assert_cmpuint (login->status, ==, 200);
  g_assert_true (jbool (login->json, "success"));
  g_assert_true (jbool (login->json, "completed"));
  g_assert_cmpstr (jstr (login->json, "version"), ==, "1.0");
  g_assert_cmpint (jint (login->json, "time"), >, 0);
  g_assert_cmpstr (jstr (login->json, "data.user.username"), ==, "cloudadmin@vsphere.local");
  g_assert_cmpstr (jstr (login->json, "data.endpointInfo.uuid"), ==, fx->src_endpoint);
  g_assert_cmpstr (login->token, !=, fx->token);

  bad = call (fx->sim, NULL, "POST", API "/sessions",
              "{\"username\":\"cloudadmin@vsphere.local\",\"password\":\"wrong\"}");
  g_assert_cmpuint (bad->status, ==, 401);
  g_assert_null (bad->token);
  g_assert_cmpstr (jstr (bad->json, "errorCode"), ==, "INVALID_CREDENTIALS");
  g_assert_false (jbool (bad->json, "success"));

  no_token = call (fx->sim, NULL, "GET", API "/cloudConfigs", NULL);
  g_assert_cmpuint (no_token->status, ==, 401);
  wrong_token = call (fx->sim, "0123456789", "GET", API "/cloudConfigs", NULL);
  g_assert_cmpuint (wrong_token->status, ==, 401);
  ok = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (ok->status, ==, 200);

  state = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (state, "sessions"), ==, 2);
  g_clear_pointer (&state, json_node_unref);

  state = control (fx, "POST", "/__sim/expire-sessions", NULL);
  expired = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (expired->status, ==, 401);
  g_assert_cmpstr (jstr (expired->json, "error"), ==, "Unauthorized");

  again = call (fx->sim, NULL, "POST", API "/sessions", LOGIN_BODY);
  g_assert_cmpuint (again->status, ==, 200);

  /* No logout endpoint is known on real managers: the simulator has none either. */
  logout = call (fx->sim, again->token, "DELETE", API "/sessions", NULL);
  g_assert_cmpuint (logout->status, ==, 404);
  fx_free (fx);
}

static void
test_session_idle_expiry (void)
{
  FerrySimOptions opts = { .session_timeout = 600, .username = "ops@corp", .password = "s3cret" };
  FerrySimThread *sim = ferry_test_sim_start (&opts);
  g_autoptr (Reply) login = call (sim, NULL, "POST", API "/sessions",
                                  "{\"username\":\"ops@corp\",\"password\":\"s3cret\"}");
  g_autoptr (Reply) fresh = NULL;
  g_autoptr (Reply) still = NULL;
  g_autoptr (Reply) stale = NULL;
  g_autoptr (Reply) default_user = NULL;
  g_autoptr (JsonNode) a1 = NULL;
  g_autoptr (JsonNode) a2 = NULL;
  g_autoptr (JsonNode) a3 = NULL;

  g_assert_cmpuint (login->status, ==, 200);
  fresh = call (sim, login->token, "GET", API "/cloudConfigs", NULL);
  g_assert_cmpuint (fresh->status, ==, 200);
  /* Idle 400 s, use it (the idle time starts again), idle 400 s more: still valid. */
  a1 = ferry_test_sim_control (sim, "POST", "/__sim/age-sessions", "{\"seconds\":400}");
  still = call (sim, login->token, "GET", API "/cloudConfigs", NULL);
  g_assert_cmpuint (still->status, ==, 200);
  a2 = ferry_test_sim_control (sim, "POST", "/__sim/age-sessions", "{\"seconds\":400}");
  g_clear_pointer (&still, reply_free);
  still = call (sim, login->token, "GET", API "/cloudConfigs", NULL);
  g_assert_cmpuint (still->status, ==, 200);
  /* Idle longer than the 600 s timeout: 401. */
  a3 = ferry_test_sim_control (sim, "POST", "/__sim/age-sessions", "{\"seconds\":601}");
  stale = call (sim, login->token, "GET", API "/cloudConfigs", NULL);
  g_assert_cmpuint (stale->status, ==, 401);
  /* Only the configured user exists. */
  default_user = call (sim, NULL, "POST", API "/sessions", LOGIN_BODY);
  g_assert_cmpuint (default_user->status, ==, 401);
  ferry_sim_thread_stop (sim);
}

/* ---- sites and inventory ---------------------------------------------------------------- */

static void
test_sites (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (Reply) cc = api (fx, "GET", "/cloudConfigs", NULL);
  g_autoptr (Reply) both = api (fx, "POST", "/service/inventory/resourcecontainer/list",
                                "{\"filter\":{\"cloud\":{\"local\":true,\"remote\":true}}}");
  g_autoptr (Reply) local = api (fx, "POST", "/service/inventory/resourcecontainer/list",
                                 "{\"filter\":{\"cloud\":{\"local\":true,\"remote\":false}}}");

  g_assert_cmpuint (cc->status, ==, 200);
  g_assert_true (jbool (cc->json, "success"));
  g_assert_cmpuint (jlen (cc->json, "data.items"), ==, 1);
  g_assert_cmpstr (jstr (cc->json, "data.items.0.endpointId"), ==, fx->dst_endpoint);
  g_assert_nonnull (jstr (cc->json, "data.items.0.name"));
  g_assert_nonnull (jstr (cc->json, "data.items.0.url"));
  g_assert_nonnull (jstr (cc->json, "data.items.0.version"));

  g_assert_cmpuint (jlen (both->json, "data.items"), ==, 2);
  g_assert_cmpuint (jlen (local->json, "data.items"), ==, 1);
  g_assert_true (jbool (local->json, "data.items.0.isLocal"));
  g_assert_cmpstr (jstr (local->json, "data.items.0.resourceType"), ==, "VC");
  g_assert_cmpstr (jstr (local->json, "data.items.0.vcuuid"), ==, fx->src_vc);
  g_assert_cmpstr (jstr (local->json, "data.items.0.endpoint.endpointId"), ==, fx->src_endpoint);
  g_assert_nonnull (jstr (local->json, "data.items.0.resourceName"));
  g_assert_nonnull (jstr (local->json, "data.items.0.endpointName"));
  g_assert_cmpstr (jstr (local->json, "data.items.0.endpointType"), ==, "VC");
  fx_free (fx);
}

static void
test_inventory_paging (void)
{
  FerrySimOptions opts = { .n_vms = 2500, .seed = 3 };
  Fx *fx = fx_new (&opts);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint skip = 0, pages = 0, last_len = 0;
  g_autoptr (Reply) remote = NULL;

  g_assert_cmpuint (json_array_get_length (fx->vms), ==, 2500);
  for (;;)
    {
      g_autofree char *body = g_strdup_printf ("{\"filter\":{\"cloud\":{\"local\":true}},"
                                               "\"paging\":{\"skipCount\":%u,\"pageSize\":1000}}",
                                               skip);
      g_autoptr (Reply) r = api (fx, "POST", "/service/inventory/virtualmachines", body);
      guint i, n;

      g_assert_cmpuint (r->status, ==, 200);
      g_assert_true (jbool (r->json, "success"));
      g_assert_cmpint (jint (r->json, "data.paging.totalSize"), ==, 2500);
      n = jlen (r->json, "data.items");
      for (i = 0; i < n; i++)
        {
          g_autofree char *p = g_strdup_printf ("data.items.%u.id", i);

          g_assert_true (g_hash_table_add (ids, g_strdup (jstr (r->json, p))));
        }
      pages++;
      last_len = n;
      skip += n;
      if (n < 1000)
        break;
    }
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (last_len, ==, 500);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 2500);

  /* "offset" works too, and a stale skipCount of 0 beside it does not restart the paging. */
  {
    g_autoptr (Reply) by_offset = api (fx, "POST", "/service/inventory/virtualmachines",
                                       "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":"
                                       "{\"offset\":2000,\"skipCount\":0,\"pageSize\":1000}}");

    g_assert_cmpuint (jlen (by_offset->json, "data.items"), ==, 500);
  }

  remote = api (fx, "POST", "/service/inventory/virtualmachines",
                "{\"filter\":{\"cloud\":{\"remote\":true}},\"paging\":{\"pageSize\":1000}}");
  g_assert_cmpuint (remote->status, ==, 200);
  g_assert_cmpuint (jlen (remote->json, "data.items"), ==, 0);
  fx_free (fx);
}

static void
test_inventory_shape (void)
{
  FerrySimOptions opts = { .n_vms = 3000, .seed = 11 };
  Fx *fx = fx_new (&opts);
  guint i, n = json_array_get_length (fx->vms);
  guint off = 0, snaps = 0, iso = 0, old_hw = 0, tools = 0, multi_nic = 0, windows = 0;
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *vm = json_array_get_element (fx->vms, 0);

  /* Every documented field, in the documented types. */
  g_assert_nonnull (jstr (vm, "id"));
  g_assert_nonnull (jstr (vm, "name"));
  g_assert_cmpstr (jstr (vm, "entityType"), ==, "VirtualMachine");
  g_assert_nonnull (jstr (vm, "summary.guestFullName"));
  g_assert_nonnull (jstr (vm, "summary.guestId"));
  g_assert_cmpint (jint (vm, "summary.numCpu"), >=, 1);
  g_assert_cmpint (jint (vm, "summary.memorySizeMB") * 1024 * 1024, ==,
                   jint (vm, "summary.memorySize"));
  g_assert_cmpint (jint (vm, "summary.diskSize"), >, 0);
  g_assert_cmpuint (jlen (vm, "network"), >=, 1);
  g_assert_nonnull (jstr (vm, "network.0.id"));
  g_assert_nonnull (jstr (vm, "network.0.name"));
  g_assert_nonnull (jstr (vm, "networkDevices.0.macAddress"));
  g_assert_nonnull (jstr (vm, "networkDevices.0.networkId"));
  g_assert_nonnull (jget (vm, "networkDevices.0.connected"));
  g_assert_nonnull (jstr (vm, "folder"));
  g_assert_nonnull (jstr (vm, "cluster"));
  g_assert_nonnull (jstr (vm, "datastore"));
  g_assert_true (g_str_has_prefix (jstr (vm, "hardwareVersion"), "vmx-"));
  g_assert_nonnull (jstr (vm, "toolsStatus"));

  for (i = 0; i < n; i++)
    {
      JsonNode *v = json_array_get_element (fx->vms, i);

      g_assert_true (g_hash_table_add (names, (gpointer)jstr (v, "name")));
      off += g_strcmp0 (jstr (v, "powerState"), "poweredOff") == 0;
      snaps += jint (v, "snapshotCount") > 0;
      iso += jbool (v, "isoMounted");
      old_hw += g_ascii_strtoull (jstr (v, "hardwareVersion") + 4, NULL, 10) < 9;
      tools += g_strcmp0 (jstr (v, "toolsStatus"), "toolsOk") != 0;
      multi_nic += jlen (v, "networkDevices") > 1;
      windows += strstr (jstr (v, "summary.guestFullName"), "Windows") != NULL;
      g_assert_cmpuint (jlen (v, "networkDevices"), >=, 1);
      g_assert_cmpuint (jlen (v, "networkDevices"), <=, 4);
    }
  /* Realistic shares, loosely. */
  g_assert_cmpuint (off, >, n / 20);
  g_assert_cmpuint (off, <, n / 4);
  g_assert_cmpuint (snaps, >, n / 20);
  g_assert_cmpuint (snaps, <, n / 3);
  g_assert_cmpuint (iso, >, 0);
  g_assert_cmpuint (iso, <, n / 10);
  g_assert_cmpuint (old_hw, >, 0);
  g_assert_cmpuint (old_hw, <, n / 10);
  g_assert_cmpuint (tools, >, n / 20);
  g_assert_cmpuint (multi_nic, >, n / 10);
  g_assert_cmpuint (windows, >, n / 10);
  g_assert_cmpuint (windows, <, n * 9 / 10);
  fx_free (fx);
}

static char *
first_page (FerrySimThread *sim)
{
  g_autoptr (Reply) login = call (sim, NULL, "POST", API "/sessions", LOGIN_BODY);
  g_autoptr (Reply) r = call (sim, login->token, "POST", API "/service/inventory/virtualmachines",
                              "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":"
                              "50}}");
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  g_assert_cmpuint (r->status, ==, 200);
  json_generator_set_root (gen, jget (r->json, "data.items"));
  return json_generator_to_data (gen, NULL);
}

static void
test_inventory_deterministic (void)
{
  FerrySimOptions seven = { .n_vms = 500, .seed = 7 };
  FerrySimOptions eight = { .n_vms = 500, .seed = 8 };
  FerrySimThread *a = ferry_test_sim_start (&seven);
  FerrySimThread *b = ferry_test_sim_start (&seven);
  FerrySimThread *c = ferry_test_sim_start (&eight);
  g_autofree char *pa = first_page (a);
  g_autofree char *pb = first_page (b);
  g_autofree char *pc = first_page (c);

  g_assert_cmpstr (pa, ==, pb);
  g_assert_cmpstr (pa, !=, pc);
  g_assert_cmpstr (ferry_sim_thread_get_fingerprint (a), !=, ferry_sim_thread_get_fingerprint (b));
  ferry_sim_thread_stop (a);
  ferry_sim_thread_stop (b);
  ferry_sim_thread_stop (c);
}

static void
test_inventory_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-sim-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "inventory.json", NULL);
  const char *json
      = "{\"items\":["
        "{\"id\":\"vm-7\",\"name\":\"legacy \\\"erp\\\"\",\"summary\":{\"guestFullName\":\"Solaris "
        "10\","
        "\"guestId\":\"solaris10_64Guest\",\"numCpu\":8,\"memorySizeMB\":32768,\"diskSize\":"
        "\"536870912000\"},\"powerState\":\"poweredOff\",\"networkDevices\":[{\"networkId\":"
        "\"dvportgroup-900\",\"networkName\":\"VLAN900-ERP\",\"macAddress\":\"00:50:56:00:00:01\"}]"
        ","
        "\"folder\":\"ERP\",\"cluster\":\"Cluster-Z\",\"hardwareVersion\":\"vmx-08\","
        "\"snapshotCount\":2},"
        "{\"id\":\"vm-8\",\"name\":\"web\",\"network\":[{\"id\":\"dvportgroup-45\",\"name\":"
        "\"VLAN100-Web\"}]}"
        "]}";
  FerrySimOptions opts = { .inventory_file = path };
  g_autoptr (GError) error = NULL;
  FerrySimThread *bad;
  Fx *fx;
  JsonNode *erp;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  fx = fx_new (&opts);
  g_assert_cmpuint (json_array_get_length (fx->vms), ==, 2);
  erp = json_array_get_element (fx->vms, 0);
  g_assert_cmpstr (jstr (erp, "name"), ==, "legacy \"erp\"");
  g_assert_cmpstr (jstr (erp, "summary.guestFullName"), ==, "Solaris 10");
  g_assert_cmpint (jint (erp, "summary.diskSize"), ==, G_GINT64_CONSTANT (536870912000));
  g_assert_cmpstr (jstr (erp, "powerState"), ==, "poweredOff");
  g_assert_cmpstr (jstr (erp, "networkDevices.0.networkName"), ==, "VLAN900-ERP");
  g_assert_cmpstr (jstr (erp, "cluster"), ==, "Cluster-Z");
  g_assert_cmpstr (jstr (erp, "hardwareVersion"), ==, "vmx-08");
  g_assert_cmpint (jint (erp, "snapshotCount"), ==, 2);
  g_assert_cmpstr (jstr (json_array_get_element (fx->vms, 1), "networkDevices.0.networkId"), ==,
                   "dvportgroup-45");
  fx_free (fx);

  g_assert_true (g_file_set_contents (path, "{\"nothing\":1}", -1, NULL));
  bad = ferry_sim_thread_start (&opts, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "inventory.json"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_inventory_others (void)
{
  Fx *fx = fx_new (NULL);
  g_autofree char *remote_filter = g_strdup_printf ("{\"filter\":{\"cloud\":{\"endpointId\":"
                                                    "\"%s\"}}}",
                                                    fx->dst_endpoint);
  g_autoptr (Reply) src_nets = api (fx, "POST", "/service/inventory/networks",
                                    "{\"filter\":{\"cloud\":{\"local\":true}}}");
  g_autoptr (Reply) dst_nets = api (fx, "POST", "/service/inventory/networks", remote_filter);
  g_autoptr (Reply) containers
      = api (fx, "POST", "/service/inventory/containers",
             "{\"filter\":{\"cloud\":{\"remote\":true},\"entityType\":[\"folder\",\"resourcePool\","
             "\"datacenter\",\"cluster\"]},\"options\":{\"compat\":2.1}}");
  g_autoptr (Reply) folders = api (fx, "POST", "/service/inventory/containers",
                                   "{\"filter\":{\"cloud\":{\"remote\":true},\"entityType\":["
                                   "\"folder\"]}}");
  g_autoptr (Reply) ds = api (fx, "POST", "/service/inventory/datastores",
                              "{\"filter\":{\"cloud\":{\"remote\":true}}}");
  g_autoptr (Reply) sp = api (fx, "POST", "/service/inventory/storageProfiles", "{\"filter\":{}}");
  guint i, extended = 0, segments = 0, clusters = 0, pools = 0;

  g_assert_cmpuint (src_nets->status, ==, 200);
  g_assert_cmpuint (jlen (src_nets->json, "data.items"), >=, 10);
  g_assert_cmpstr (jstr (src_nets->json, "data.items.0.entityType"), ==,
                   "DistributedVirtualPortgroup");
  g_assert_true (
      g_str_has_prefix (jstr (src_nets->json, "data.items.0.entity_id"), "dvportgroup-"));

  for (i = 0; i < jlen (dst_nets->json, "data.items"); i++)
    {
      JsonNode *n = jget (dst_nets->json, "data.items");
      JsonNode *item = json_array_get_element (json_node_get_array (n), i);

      g_assert_true (g_str_has_prefix (jstr (item, "entity_id"), "/infra/segments/"));
      segments += g_strcmp0 (jstr (item, "entityType"), "NsxtSegment") == 0;
      extended += jbool (item, "extended");
    }
  g_assert_cmpuint (segments, ==, jlen (dst_nets->json, "data.items"));
  g_assert_cmpuint (extended, >, 0);
  g_assert_cmpuint (extended, <, segments);

  for (i = 0; i < jlen (containers->json, "data.items"); i++)
    {
      JsonNode *item
          = json_array_get_element (json_node_get_array (jget (containers->json, "data.items")), i);
      const char *type = jstr (item, "entityType");

      g_assert_nonnull (jstr (item, "entity_id"));
      g_assert_nonnull (jstr (item, "parent.type"));
      g_assert_nonnull (jstr (item, "parent.value"));
      if (g_strcmp0 (type, "cluster") == 0)
        {
          clusters++;
          g_assert_true (g_str_has_prefix (jstr (item, "entity_id"), "domain-c"));
        }
      pools += g_strcmp0 (type, "resourcePool") == 0;
    }
  g_assert_cmpuint (clusters, >=, 2);
  g_assert_cmpuint (pools, >=, 1);
  for (i = 0; i < jlen (folders->json, "data.items"); i++)
    {
      g_autofree char *p = g_strdup_printf ("data.items.%u.entityType", i);

      g_assert_cmpstr (jstr (folders->json, p), ==, "folder");
    }

  g_assert_cmpuint (jlen (ds->json, "data.items"), >=, 2);
  g_assert_cmpstr (jstr (ds->json, "data.items.0.entityType"), ==, "Datastore");
  g_assert_cmpint (jint (ds->json, "data.items.0.capacityBytes"), >,
                   jint (ds->json, "data.items.0.freeBytes"));
  g_assert_nonnull (jget (ds->json, "data.items.0.isCluster"));

  g_assert_cmpuint (jlen (sp->json, "data.items"), >=, 1);
  g_assert_cmpstr (jstr (sp->json, "data.items.0.name"), ==, "vSAN Default Storage Policy");
  fx_free (fx);
}

static gboolean
has_service (JsonNode *services, const char *name)
{
  guint i;

  for (i = 0; i < json_array_get_length (json_node_get_array (services)); i++)
    if (g_strcmp0 (jstr (json_array_get_element (json_node_get_array (services), i), "name"), name)
        == 0)
      return TRUE;
  return FALSE;
}

static void
test_interconnect (void)
{
  Fx *fx = fx_new (NULL);
  g_autofree char *remote_path
      = g_strdup_printf ("/interconnect/computeProfiles?endpointId=%s", fx->dst_endpoint);
  g_autoptr (Reply) local = api (fx, "GET", "/interconnect/computeProfiles", NULL);
  g_autoptr (Reply) remote = api (fx, "GET", remote_path, NULL);
  g_autoptr (Reply) mesh = api (fx, "GET", "/interconnect/serviceMesh", NULL);
  g_autoptr (Reply) mesh_after = NULL;
  g_autoptr (JsonNode) off = NULL;
  const char *svc[] = { "BULK_MIGRATION", "VMOTION", "RAV", "INTERCONNECT" };
  guint i;

  g_assert_cmpuint (local->status, ==, 200);
  g_assert_null (jget (local->json, "data")); /* bare envelope */
  g_assert_cmpuint (jlen (local->json, "items"), ==, 1);
  g_assert_cmpuint (jlen (remote->json, "items"), ==, 1);
  g_assert_cmpstr (jstr (local->json, "items.0.computeProfileId"), !=,
                   jstr (remote->json, "items.0.computeProfileId"));
  g_assert_nonnull (jstr (local->json, "items.0.name"));
  g_assert_cmpuint (jlen (local->json, "items.0.compute"), >=, 1);
  g_assert_nonnull (jstr (local->json, "items.0.compute.0.cmpId"));
  for (i = 0; i < G_N_ELEMENTS (svc); i++)
    {
      g_assert_true (has_service (jget (local->json, "items.0.services"), svc[i]));
      g_assert_true (has_service (jget (remote->json, "items.0.services"), svc[i]));
      g_assert_true (has_service (jget (mesh->json, "items.0.services"), svc[i]));
    }
  g_assert_false (has_service (jget (mesh->json, "items.0.services"), "OS_ASSISTED_MIGRATION"));
  g_assert_nonnull (jstr (mesh->json, "items.0.serviceMeshId"));
  g_assert_cmpuint (jlen (mesh->json, "items.0.computeProfiles"), ==, 2);
  g_assert_cmpstr (jstr (mesh->json, "items.0.computeProfiles.0.computeProfileId"), ==,
                   jstr (local->json, "items.0.computeProfileId"));
  g_assert_cmpstr (jstr (mesh->json, "items.0.computeProfiles.1.endpointId"), ==, fx->dst_endpoint);

  off = control (fx, "POST", "/__sim/services",
                 "{\"side\":\"mesh\",\"service\":\"RAV\",\"enabled\":false}");
  mesh_after = api (fx, "GET", "/interconnect/serviceMesh", NULL);
  g_assert_false (has_service (jget (mesh_after->json, "items.0.services"), "RAV"));
  g_assert_true (has_service (jget (mesh_after->json, "items.0.services"), "BULK_MIGRATION"));
  fx_free (fx);
}

/* ---- validation ------------------------------------------------------------------------- */

static void
test_validate_ok (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  g_autoptr (Reply) r = validate_one (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autoptr (JsonNode) state = NULL;

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpuint (jlen (r->json, "errors"), ==, 0);
  g_assert_cmpuint (jlen (r->json, "warnings"), ==, 0);
  g_assert_cmpuint (jlen (r->json, "items"), ==, 1);
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 0);
  g_assert_cmpuint (jlen (r->json, "items.0.warnings"), ==, 0);
  g_assert_cmpstr (jstr (r->json, "items.0.entityId"), ==, jstr (find_vm (fx, VM_CLEAN, 0), "id"));
  /* Validation creates nothing. */
  state = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (state, "migrations"), ==, 0);
  fx_free (fx);
}

static void
expect_error (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code)
{
  g_autoptr (Reply) r = validate_one (fx, vm, o);

  g_assert_cmpuint (r->status, ==, 200);
  if (!has_code (r->json, "items.0.errors", code))
    g_error ("expected error %s for %s", code, jstr (vm, "name"));
  g_assert_nonnull (message_for (r->json, "items.0.errors", code));
  g_assert_true (has_code (r->json, "errors", "VALIDATION_FAILED"));
}

static void
expect_no_error (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code)
{
  g_autoptr (Reply) r = validate_one (fx, vm, o);

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_false (has_code (r->json, "items.0.errors", code));
}

static void
expect_warning (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code)
{
  g_autoptr (Reply) r = validate_one (fx, vm, o);

  g_assert_cmpuint (r->status, ==, 200);
  if (!has_code (r->json, "items.0.warnings", code))
    g_error ("expected warning %s for %s", code, jstr (vm, "name"));
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 0);
}

static void
test_validate_rules (void)
{
  FerrySimOptions opts = { .n_vms = 1500, .seed = 5 };
  Fx *fx = fx_new (&opts);
  JsonNode *clean = find_vm (fx, VM_CLEAN, 0);
  gint64 now = sim_clock (fx);
  IntentOpts bulk = { 0 };
  IntentOpts vmotion = { .type = "vMotion" };
  IntentOpts cold = { .type = "ColdMigration" };
  IntentOpts rav = { .type = "RAV" };

  /* Power state must fit the type. */
  expect_error (fx, find_vm (fx, VM_OFF, 0), &bulk, "VM_POWER_STATE");
  expect_error (fx, find_vm (fx, VM_OFF, 0), &vmotion, "VM_POWER_STATE");
  expect_error (fx, clean, &cold, "VM_POWER_STATE");
  expect_no_error (fx, find_vm (fx, VM_OFF, 0), &cold, "VM_POWER_STATE");

  /* Hardware version ≥ 9 for vMotion, RAV, Cold; Bulk does not care. */
  expect_error (fx, find_vm (fx, VM_OLD_HW, 0), &vmotion, "VM_HARDWARE_VERSION");
  expect_error (fx, find_vm (fx, VM_OLD_HW, 0), &rav, "VM_HARDWARE_VERSION");
  expect_no_error (fx, find_vm (fx, VM_OLD_HW, 0), &bulk, "VM_HARDWARE_VERSION");

  /* Mounted ISO blocks vMotion unless removeISOs. */
  expect_error (fx, find_vm (fx, VM_ISO, 0), &vmotion, "VM_ISO_MOUNTED");
  {
    IntentOpts o = { .type = "vMotion", .remove_iso = TRUE };

    expect_no_error (fx, find_vm (fx, VM_ISO, 0), &o, "VM_ISO_MOUNTED");
  }

  /* Snapshots: error for vMotion/RAV unless removeSnapshots, warning for Bulk. */
  expect_error (fx, find_vm (fx, VM_SNAPSHOTS, 0), &vmotion, "VM_HAS_SNAPSHOTS");
  expect_error (fx, find_vm (fx, VM_SNAPSHOTS, 0), &rav, "VM_HAS_SNAPSHOTS");
  {
    IntentOpts o = { .type = "RAV", .remove_snapshots = TRUE };

    expect_no_error (fx, find_vm (fx, VM_SNAPSHOTS, 0), &o, "VM_HAS_SNAPSHOTS");
  }
  expect_warning (fx, find_vm (fx, VM_SNAPSHOTS, 0), &bulk, "VM_HAS_SNAPSHOTS");

  /* A switchover window on vMotion/Cold is an error; on Bulk shorter than 1 h a warning. */
  {
    IntentOpts o = { .type = "vMotion", .win_start = now + 3600000, .win_end = now + 7200000 };
    IntentOpts c
        = { .type = "ColdMigration", .win_start = now + 3600000, .win_end = now + 7200000 };
    IntentOpts s = { .win_start = now + 3600000, .win_end = now + 3600000 + 30 * 60000 };
    IntentOpts past = { .win_start = now - 7200000, .win_end = now - 3600000 };
    IntentOpts backwards = { .win_start = now + 7200000, .win_end = now + 3600000 };

    expect_error (fx, clean, &o, "SCHEDULE_NOT_SUPPORTED");
    expect_error (fx, find_vm (fx, VM_OFF, 0), &c, "SCHEDULE_NOT_SUPPORTED");
    expect_warning (fx, clean, &s, "SHORT_SWITCHOVER_WINDOW");
    expect_error (fx, clean, &past, "INVALID_SCHEDULE");
    expect_error (fx, clean, &backwards, "INVALID_SCHEDULE");
  }

  /* Every connected NIC needs a mapping to an existing target network. */
  {
    IntentOpts none = { .skip_mappings = TRUE };
    IntentOpts bogus = { .dest_network = "/infra/segments/nope" };

    expect_error (fx, clean, &none, "NETWORK_MAPPING_MISSING");
    expect_error (fx, clean, &bogus, "NETWORK_NOT_FOUND");
  }

  /* The target datastore must have room; it must exist. */
  {
    IntentOpts small = { .datastore = "datastore-1100" };
    IntentOpts missing = { .datastore = "datastore-9999" };
    IntentOpts seed_cluster = { .datastore = "group-p1101", .long_recovery = TRUE };
    IntentOpts seed_vmotion = { .type = "vMotion", .long_recovery = TRUE };
    g_autoptr (Reply) r = NULL;

    expect_error (fx, find_vm (fx, VM_BIG, 0), &small, "INSUFFICIENT_STORAGE");
    expect_error (fx, clean, &missing, "DATASTORE_NOT_FOUND");
    expect_error (fx, clean, &seed_cluster, "SEED_CHECKPOINT_NOT_SUPPORTED");
    expect_error (fx, clean, &seed_vmotion, "SEED_CHECKPOINT_NOT_SUPPORTED");
    r = validate_one (fx, find_vm (fx, VM_BIG, 0), &small);
    g_assert_nonnull (
        strstr (message_for (r->json, "items.0.errors", "INSUFFICIENT_STORAGE"), "anf-small-01"));
  }

  /* Warnings: MAC change on Bulk without retainMac, tools not running. */
  {
    IntentOpts no_mac = { .no_retain_mac = TRUE };

    expect_warning (fx, clean, &no_mac, "MAC_WILL_CHANGE");
    expect_warning (fx, find_vm (fx, VM_TOOLS_DOWN, 0), &bulk, "VM_TOOLS_NOT_RUNNING");
  }

  /* Unknown VM, unknown type, OSAM (not enabled by default). */
  {
    g_autofree char *unknown = g_strdup_printf (
        "{\"migrationType\":\"vSphereReplication\",\"entity\":{\"entityId\":\"vm-0\"},"
        "\"source\":{\"endpointId\":\"%s\"},\"destination\":{\"endpointId\":\"%s\"}}",
        fx->src_endpoint, fx->dst_endpoint);
    g_autoptr (Reply) r = mobility (fx, "validate", unknown);
    IntentOpts teleport = { .type = "Teleport" };
    IntentOpts osam = { .type = "OsAssistedMigration" };

    g_assert_true (has_code (r->json, "items.0.errors", "ENTITY_NOT_FOUND"));
    expect_error (fx, clean, &teleport, "UNSUPPORTED_MIGRATION_TYPE");
    expect_error (fx, clean, &osam, "SERVICE_NOT_ENABLED");
  }

  /* Empty or broken requests are 400 with an error body. */
  {
    g_autoptr (Reply) empty = api (fx, "POST", "/mobility/migrations/validate", "{\"items\":[]}");
    g_autoptr (Reply) broken = api (fx, "POST", "/mobility/migrations/validate", "{\"items\":[");

    g_assert_cmpuint (empty->status, ==, 400);
    g_assert_true (has_code (empty->json, "errors", "INVALID_REQUEST"));
    g_assert_cmpuint (broken->status, ==, 400);
    g_assert_true (has_code (broken->json, "errors", "INVALID_JSON"));
  }
  fx_free (fx);
}

static void
test_validate_services (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *clean = find_vm (fx, VM_CLEAN, 0);
  IntentOpts bulk = { 0 };
  IntentOpts vmotion = { .type = "vMotion" };
  g_autoptr (JsonNode) c1 = NULL;
  g_autoptr (JsonNode) c2 = NULL;
  g_autoptr (JsonNode) c3 = NULL;
  g_autoptr (Reply) r = NULL;
  g_autoptr (Reply) r2 = NULL;
  g_autoptr (Reply) start = NULL;
  g_autoptr (JsonNode) state = NULL;
  g_autofree char *i = NULL;

  c1 = control (fx, "POST", "/__sim/services",
                "{\"side\":\"source\",\"service\":\"BULK_MIGRATION\",\"enabled\":false}");
  c2 = control (fx, "POST", "/__sim/services",
                "{\"side\":\"mesh\",\"service\":\"BULK_MIGRATION\",\"enabled\":false}");
  r = validate_one (fx, clean, &bulk);
  g_assert_true (has_code (r->json, "items.0.errors", "SERVICE_NOT_ENABLED"));
  /* One error per place to fix, naming it. */
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 2);
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.0.message"), "BULK_MIGRATION"));
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.0.message"), "source compute profile"));
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.0.message"), "onprem-compute-profile"));
  g_assert_nonnull (strstr (jstr (r->json, "items.0.errors.1.message"), "service mesh"));
  /* vMotion is still fine. */
  r2 = validate_one (fx, clean, &vmotion);
  g_assert_false (has_code (r2->json, "items.0.errors", "SERVICE_NOT_ENABLED"));

  c3 = control (fx, "POST", "/__sim/services",
                "{\"side\":\"destination\",\"service\":\"VMOTION\",\"enabled\":false}");
  g_clear_pointer (&r2, reply_free);
  r2 = validate_one (fx, clean, &vmotion);
  g_assert_nonnull (strstr (message_for (r2->json, "items.0.errors", "SERVICE_NOT_ENABLED"),
                            "destination compute profile"));

  /* Start with errors: 400, and nothing is created. */
  i = intent (fx, clean, &bulk);
  start = mobility (fx, "start", i);
  g_assert_cmpuint (start->status, ==, 400);
  g_assert_null (jstr (start->json, "items.0.migrationId"));
  state = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (state, "migrations"), ==, 0);
  fx_free (fx);
}

/* ---- migrations ------------------------------------------------------------------------- */

static gboolean
log_has (JsonNode *item, const char *status)
{
  JsonNode *log = jget (item, "progress.log");
  guint i;

  for (i = 0; i < json_array_get_length (json_node_get_array (log)); i++)
    if (g_strcmp0 (jstr (json_array_get_element (json_node_get_array (log), i), "status"), status)
        == 0)
      return TRUE;
  return FALSE;
}

static void
test_bulk_with_window (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  gint64 now = sim_clock (fx);
  gint64 disk = jint (vm, "summary.diskSize");
  /* 1 Gbps per migration: the transfer takes disk / 125 MB/s. */
  double transfer_s = disk / 125e6;
  gint64 win_start = now + ((gint64)transfer_s + 7200) * 1000;
  IntentOpts o = { .win_start = win_start, .win_end = win_start + 4 * 3600000 };
  g_autofree char *id = start_one (fx, vm, &o);
  g_autoptr (Reply) q = NULL;
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", id);
  static const char *order[] = { "VALIDATED",
                                 "TRANSFER_QUEUED",
                                 "TRANSFER_IN_PROGRESS",
                                 "WAITING_FOR_SWITCHOVER",
                                 "SWITCHOVER_IN_PROGRESS",
                                 "MIGRATION_COMPLETE" };
  guint i, k;
  JsonNode *log;

  assert_state (fx, id, "VALIDATED");
  advance (fx, 10);
  assert_state (fx, id, "TRANSFER_QUEUED");
  advance (fx, 5);
  assert_state (fx, id, "TRANSFER_IN_PROGRESS");
  advance (fx, transfer_s / 2);
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.state.isTransferProgress"));
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.value"), ==, disk);
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), >, 0);
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), <, disk);
  /* "value" is deliberately a string, like on some real managers. */
  g_assert_nonnull (jstr (q->json, "data.items.0.progress.total.value"));
  g_assert_false (jbool (q->json, "data.items.0.progress.isDone"));

  advance (fx, transfer_s / 2 + 60);
  assert_state (fx, id, "WAITING_FOR_SWITCHOVER");
  g_clear_pointer (&q, reply_free);
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.state.isWaitingForMaintWindow"));
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), ==, disk);
  g_assert_cmpint (jint (q->json, "data.items.0.switchoverParams.schedule.startTime"), ==,
                   win_start);

  /* Nothing happens until the window opens… */
  advance (fx, (win_start - sim_clock (fx)) / 1000.0 - 1);
  assert_state (fx, id, "WAITING_FOR_SWITCHOVER");
  advance (fx, 1);
  assert_state (fx, id, "SWITCHOVER_IN_PROGRESS");
  advance (fx, 600);
  assert_state (fx, id, "MIGRATION_COMPLETE");

  g_clear_pointer (&q, reply_free);
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.isDone"));
  g_assert_false (jbool (q->json, "data.items.0.progress.didFail"));
  g_assert_false (jbool (q->json, "data.items.0.progress.isCancelled"));
  g_assert_cmpint (jint (q->json, "data.items.0.progress.endTime"), >=, win_start);
  g_assert_cmpstr (jstr (q->json, "data.items.0.migrationType"), ==, "vSphereReplication");
  g_assert_cmpstr (jstr (q->json, "data.items.0.entity.entityId"), ==, jstr (vm, "id"));
  g_assert_cmpstr (jstr (q->json, "data.items.0.username"), ==, "cloudadmin@vsphere.local");
  g_assert_cmpstr (jstr (q->json, "data.items.0.destination.endpointId"), ==, fx->dst_endpoint);
  g_assert_nonnull (jstr (q->json, "data.items.0.migrationGroupId"));

  /* The event log walks through every state in order. */
  log = jget (q->json, "data.items.0.progress.log");
  for (i = 0, k = 0; i < json_array_get_length (json_node_get_array (log)) && k < 6; i++)
    if (g_strcmp0 (jstr (json_array_get_element (json_node_get_array (log), i), "status"), order[k])
        == 0)
      k++;
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (order));
  g_assert_nonnull (jstr (json_array_get_element (json_node_get_array (log), 0), "message"));

  /* The migrated VM now shows in the destination inventory. */
  {
    g_autoptr (Reply) remote = api (fx, "POST", "/service/inventory/virtualmachines",
                                    "{\"filter\":{\"cloud\":{\"remote\":true}},\"paging\":{"
                                    "\"pageSize\":100}}");

    g_assert_cmpuint (jlen (remote->json, "data.items"), ==, 1);
    g_assert_cmpstr (jstr (remote->json, "data.items.0.id"), ==, jstr (vm, "id"));
    g_assert_cmpint (jint (remote->json, "data.paging.totalSize"), ==, 1);
  }
  fx_free (fx);
}

static void
test_vmotion_serial (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *a = find_vm (fx, VM_CLEAN, 0);
  JsonNode *b = find_vm (fx, VM_CLEAN, 1);
  IntentOpts o = { .type = "vMotion" };
  g_autofree char *ia = intent (fx, a, &o);
  g_autofree char *ib = intent (fx, b, &o);
  g_autofree char *both = g_strdup_printf ("%s,%s", ia, ib);
  g_autoptr (Reply) r = mobility (fx, "start", both);
  const char *id_a, *id_b;
  double bytes_a = jint (a, "summary.diskSize") + jint (a, "summary.memorySize");
  double bytes_b = jint (b, "summary.diskSize") + jint (b, "summary.memorySize");

  g_assert_cmpuint (r->status, ==, 202);
  id_a = jstr (r->json, "items.0.migrationId");
  id_b = jstr (r->json, "items.1.migrationId");
  g_assert_cmpstr (jstr (r->json, "items.0.migrationGroupId"), ==,
                   jstr (r->json, "items.1.migrationGroupId"));
  advance (fx, 15);
  /* HCX vMotion is serial per service mesh by default: one transfers, one waits. */
  assert_state (fx, id_a, "TRANSFER_IN_PROGRESS");
  assert_state (fx, id_b, "TRANSFER_QUEUED");
  advance (fx, bytes_a / 125e6 + 1);
  assert_state (fx, id_a, "SWITCHOVER_IN_PROGRESS"); /* no window for vMotion */
  assert_state (fx, id_b, "TRANSFER_IN_PROGRESS");
  advance (fx, bytes_b / 125e6 + 120);
  assert_state (fx, id_a, "MIGRATION_COMPLETE");
  assert_state (fx, id_b, "MIGRATION_COMPLETE");
  fx_free (fx);
}

static void
test_cold_and_rav (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts cold = { .type = "ColdMigration" };
  IntentOpts rav = { .type = "RAV", .remove_snapshots = TRUE };
  g_autofree char *c = start_one (fx, find_vm (fx, VM_OFF, 0), &cold);
  g_autofree char *r = start_one (fx, find_vm (fx, VM_CLEAN, 2), &rav);

  advance (fx, 24 * 3600);
  assert_state (fx, c, "MIGRATION_COMPLETE");
  assert_state (fx, r, "MIGRATION_COMPLETE");
  fx_free (fx);
}

static void
test_cancel (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  IntentOpts vmo = { .type = "vMotion" };
  g_autofree char *a = start_one (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *b = start_one (fx, find_vm (fx, VM_CLEAN, 1), &o);
  g_autofree char *c = start_one (fx, find_vm (fx, VM_CLEAN, 2), &vmo);
  g_autofree char *body_a = g_strdup_printf ("{\"migrationId\":\"%s\"}", a);
  g_autofree char *body_b = g_strdup_printf ("{\"migrationId\":\"%s\"}", b);
  g_autofree char *body_c = g_strdup_printf ("{\"migrationId\":\"%s\"}", c);
  g_autoptr (Reply) ra = NULL;
  g_autoptr (Reply) rb = NULL;
  g_autoptr (Reply) rc = NULL;
  g_autoptr (Reply) rc2 = NULL;
  g_autoptr (Reply) unknown = NULL;
  g_autoptr (Reply) q = NULL;
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", b);
  g_autofree char *force_body = NULL;
  JsonNode *vm_c = find_vm (fx, VM_CLEAN, 2);

  advance (fx, 20);
  ra = mobility (fx, "cancel", body_a);
  g_assert_cmpuint (ra->status, ==, 202);
  g_assert_cmpuint (jlen (ra->json, "items.0.errors"), ==, 0);
  assert_state (fx, a, "CANCEL_IN_PROGRESS");
  advance (fx, 31);
  assert_state (fx, a, "MIGRATION_CANCELLED");

  force_body = g_strdup_printf ("{\"items\":[%s],\"removeLongRecoveryData\":false}", body_b);
  rb = api (fx, "POST", "/mobility/migrations/forceCancel", force_body);
  g_assert_cmpuint (rb->status, ==, 202);
  assert_state (fx, b, "MIGRATION_CANCELLED");
  q = query (fx, filter, NULL);
  g_assert_true (jbool (q->json, "data.items.0.progress.isCancelled"));
  g_assert_true (jbool (q->json, "data.items.0.progress.isDone"));

  /* A migration in switchover refuses a graceful cancel but yields to a forced one. */
  advance (fx, (jint (vm_c, "summary.diskSize") + jint (vm_c, "summary.memorySize")) / 125e6 + 5);
  assert_state (fx, c, "SWITCHOVER_IN_PROGRESS");
  rc = mobility (fx, "cancel", body_c);
  g_assert_true (has_code (rc->json, "items.0.errors", "CANCEL_NOT_ALLOWED"));
  assert_state (fx, c, "SWITCHOVER_IN_PROGRESS");
  rc2 = mobility (fx, "forceCancel", body_c);
  assert_state (fx, c, "MIGRATION_CANCELLED");

  unknown = mobility (fx, "cancel", "{\"migrationId\":\"nope\"}");
  g_assert_true (has_code (unknown->json, "items.0.errors", "MIGRATION_NOT_FOUND"));
  fx_free (fx);
}

static void
test_injected_failures (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *a = find_vm (fx, VM_CLEAN, 0);
  JsonNode *b = find_vm (fx, VM_CLEAN, 1);
  g_autofree char *fa
      = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"transfer\"}", jstr (a, "id"));
  g_autofree char *fb
      = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"switchover\"}", jstr (b, "id"));
  g_autoptr (JsonNode) c1 = control (fx, "POST", "/__sim/vm-failure", fa);
  g_autoptr (JsonNode) c2 = control (fx, "POST", "/__sim/vm-failure", fb);
  IntentOpts o = { 0 };
  g_autofree char *ida = start_one (fx, a, &o);
  g_autofree char *idb = start_one (fx, b, &o);
  g_autofree char *filter = g_strdup_printf ("\"migrationId\":[\"%s\",\"%s\"]", ida, idb);
  g_autoptr (Reply) q = NULL;
  g_autoptr (Reply) bad = NULL;

  advance (fx, 24 * 3600);
  assert_state (fx, ida, "TRANSFER_FAILED");
  assert_state (fx, idb, "MIGRATION_FAILED");
  q = query (fx, filter, NULL);
  g_assert_cmpuint (jlen (q->json, "data.items"), ==, 2);
  g_assert_true (jbool (q->json, "data.items.0.progress.didFail"));
  g_assert_true (jbool (q->json, "data.items.0.progress.isDone"));
  g_assert_nonnull (jstr (q->json, "data.items.0.progress.state.errorMessage"));
  g_assert_true (jbool (q->json, "data.items.1.progress.didFail"));
  g_assert_true (log_has (jget (q->json, "data.items.1"), "SWITCHOVER_IN_PROGRESS"));

  bad = call (fx->sim, NULL, "POST", "/__sim/vm-failure",
              "{\"entityId\":\"vm-0\",\"phase\":\"transfer\"}");
  g_assert_cmpuint (bad->status, ==, 400);
  fx_free (fx);
}

static void
test_query_filters_paging (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts g1 = { .group = "wave-1" };
  IntentOpts vmo = { .type = "vMotion" };
  char *ids[5] = { NULL };
  g_autoptr (Reply) all = NULL;
  g_autoptr (Reply) by_group = NULL;
  g_autoptr (Reply) by_state = NULL;
  g_autoptr (Reply) by_entity = NULL;
  g_autoptr (Reply) by_ids = NULL;
  g_autoptr (Reply) none = NULL;
  g_autofree char *entity_filter = NULL;
  g_autofree char *ids_filter = NULL;
  guint i, seen = 0;

  ids[0] = start_one (fx, find_vm (fx, VM_CLEAN, 0), &g1);
  ids[1] = start_one (fx, find_vm (fx, VM_CLEAN, 1), &g1);
  ids[2] = start_one (fx, find_vm (fx, VM_CLEAN, 2), &g1);
  ids[3] = start_one (fx, find_vm (fx, VM_CLEAN, 3), &vmo);
  ids[4] = start_one (fx, find_vm (fx, VM_CLEAN, 4), &vmo);
  advance (fx, 15);

  for (i = 0; i < 3; i++)
    {
      g_autofree char *paging
          = g_strdup_printf ("\"pageSize\":2,\"offset\":%u,\"skipCount\":%u", i * 2, i * 2);
      g_autoptr (Reply) page = query (fx, "\"skipDrafts\":true", paging);

      g_assert_cmpuint (page->status, ==, 200);
      g_assert_null (jget (page->json, "success")); /* envelope 3 */
      g_assert_cmpuint (jlen (page->json, "data.items"), ==, i < 2 ? 2 : 1);
      seen += jlen (page->json, "data.items");
    }
  g_assert_cmpuint (seen, ==, 5);

  all = query (fx, "", NULL);
  g_assert_cmpuint (jlen (all->json, "data.items"), ==, 5);
  by_group = query (fx, "\"migrationGroupId\":[\"wave-1\"]", NULL);
  g_assert_cmpuint (jlen (by_group->json, "data.items"), ==, 3);
  by_state = query (fx, "\"state\":[\"TRANSFER_QUEUED\"]", NULL);
  g_assert_cmpuint (jlen (by_state->json, "data.items"), ==, 1); /* the second vMotion */
  g_assert_cmpstr (jstr (by_state->json, "data.items.0.migrationId"), ==, ids[4]);
  entity_filter = g_strdup_printf ("\"entityId\":[\"%s\"]", jstr (find_vm (fx, VM_CLEAN, 1), "id"));
  by_entity = query (fx, entity_filter, NULL);
  g_assert_cmpuint (jlen (by_entity->json, "data.items"), ==, 1);
  g_assert_cmpstr (jstr (by_entity->json, "data.items.0.migrationId"), ==, ids[1]);
  ids_filter = g_strdup_printf ("\"migrationId\":[\"%s\",\"%s\"]", ids[0], ids[3]);
  by_ids = query (fx, ids_filter, NULL);
  g_assert_cmpuint (jlen (by_ids->json, "data.items"), ==, 2);
  none = query (fx, "\"migrationId\":[\"nope\"]", NULL);
  g_assert_cmpuint (jlen (none->json, "data.items"), ==, 0);
  for (i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
  fx_free (fx);
}

static void
test_groups_and_jobs (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  IntentOpts o = { 0 };
  g_autofree char *i = intent (fx, vm, &o);
  g_autofree char *create_body = g_strdup_printf ("{\"items\":[{\"name\":\"Wave 1\","
                                                  "\"groupDefaults\":{},\"migrations\":[%s]}]}",
                                                  i);
  g_autoptr (Reply) created = api (fx, "POST", "/mobility/groups", create_body);
  g_autofree char *gid = g_strdup (jstr (created->json, "items.0.migrationGroupId"));
  g_autofree char *mid = g_strdup (jstr (created->json, "items.0.migrations.0.migrationId"));
  g_autofree char *group_filter = g_strdup_printf ("\"migrationGroupId\":[\"%s\"]", gid);
  g_autofree char *drafts_filter = g_strdup_printf ("\"migrationGroupId\":[\"%s\"],"
                                                    "\"skipDrafts\":false",
                                                    gid);
  g_autofree char *start_body
      = g_strdup_printf ("{\"items\":[{\"migrationGroupId\":\"%s\"}]}", gid);
  g_autofree char *schedule_path = g_strdup_printf ("/mobility/groups/%s/schedule", gid);
  g_autofree char *schedule_body = NULL;
  g_autofree char *job_path = NULL;
  g_autoptr (Reply) hidden = NULL;
  g_autoptr (Reply) drafts = NULL;
  g_autoptr (Reply) started = NULL;
  g_autoptr (Reply) scheduled = NULL;
  g_autoptr (Reply) after = NULL;
  g_autoptr (Reply) job = NULL;
  g_autoptr (Reply) no_job = NULL;
  g_autoptr (Reply) no_group = NULL;
  g_autoptr (Reply) archive = NULL;
  gint64 win;

  g_assert_cmpuint (created->status, ==, 200);
  g_assert_nonnull (gid);
  g_assert_nonnull (mid);
  hidden = query (fx, group_filter, NULL);
  g_assert_cmpuint (jlen (hidden->json, "data.items"), ==, 0);
  drafts = query (fx, drafts_filter, NULL);
  g_assert_cmpuint (jlen (drafts->json, "data.items"), ==, 1);
  g_assert_cmpstr (jstr (drafts->json, "data.items.0.state"), ==, "DRAFT");

  started = api (fx, "POST", "/mobility/groups/start", start_body);
  g_assert_cmpuint (started->status, ==, 202);
  g_assert_nonnull (jstr (started->json, "jobId"));
  assert_state (fx, mid, "VALIDATED");

  job_path = g_strdup_printf ("/jobs/%s", jstr (started->json, "jobId"));
  job = api (fx, "GET", job_path, NULL);
  g_assert_cmpuint (job->status, ==, 200);
  g_assert_true (jbool (job->json, "isDone"));
  g_assert_false (jbool (job->json, "didFail"));
  g_assert_cmpstr (jstr (job->json, "jobData.migrationIds.0"), ==, mid);
  no_job = api (fx, "GET", "/jobs/job-nope", NULL);
  g_assert_cmpuint (no_job->status, ==, 404);

  win = sim_clock (fx) + 48 * 3600000;
  schedule_body = g_strdup_printf (
      "{\"mobilityGroupDefaults\":{\"switchover\":{\"startTime\":%" G_GINT64_FORMAT
      ",\"expiryTime\":%" G_GINT64_FORMAT "}}}",
      win, win + 3 * 3600000);
  scheduled = api (fx, "POST", schedule_path, schedule_body);
  g_assert_cmpuint (scheduled->status, ==, 200);
  advance (fx, 24 * 3600);
  after = query (fx, group_filter, NULL);
  g_assert_cmpstr (jstr (after->json, "data.items.0.state"), ==, "WAITING_FOR_SWITCHOVER");
  g_assert_cmpint (jint (after->json, "data.items.0.switchoverParams.schedule.startTime"), ==, win);
  advance (fx, 24 * 3600 + 600);
  assert_state (fx, mid, "MIGRATION_COMPLETE");

  no_group = api (fx, "POST", "/mobility/groups/nope/schedule", schedule_body);
  g_assert_cmpuint (no_group->status, ==, 404);
  archive = api (fx, "POST", "/mobility/groups/archive", start_body);
  g_assert_cmpuint (archive->status, ==, 404);
  g_assert_true (has_code (archive->json, "errors", "NOT_FOUND"));
  fx_free (fx);
}

/* ---- faults, state, reset, certificate -------------------------------------------------- */

static void
test_faults (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (JsonNode) c = NULL;
  g_autoptr (JsonNode) state = NULL;
  g_autoptr (Reply) e1 = NULL;
  g_autoptr (Reply) e2 = NULL;
  g_autoptr (Reply) other = NULL;
  g_autoptr (Reply) drop = NULL;
  g_autoptr (Reply) trunc = NULL;
  g_autoptr (Reply) bad = NULL;
  g_autoptr (Reply) html = NULL;
  g_autoptr (Reply) slow = NULL;
  g_autoptr (Reply) cleared = NULL;
  g_autoptr (Reply) invalid = NULL;

  /* 5xx, limited to a path prefix and a count. */
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/hybridity/api/cloudConfigs\",\"errorRate\":1,\"status\":502,"
               "\"count\":1}");
  other = api (fx, "GET", "/interconnect/serviceMesh", NULL);
  g_assert_cmpuint (other->status, ==, 200);
  e1 = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (e1->status, ==, 502);
  g_assert_nonnull (jstr (e1->json, "errors.0.message"));
  e2 = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (e2->status, ==, 200);

  /* Dropped connection: a transport error, no response. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/interconnect\",\"drop\":true,\"count\":1}");
  drop = call_full (fx->sim, fx->token, "GET", API "/interconnect/serviceMesh", NULL, TRUE, TRUE);
  g_assert_nonnull (drop->error);
  /* On a reused keep-alive connection libsoup itself quietly re-sends an idempotent request
   * that lost its connection: the second try gets through. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/interconnect\",\"drop\":true,\"count\":1}");
  {
    g_autoptr (Reply) warm = api (fx, "GET", "/cloudConfigs", NULL);
    g_autoptr (Reply) retried = api (fx, "GET", "/interconnect/serviceMesh", NULL);
    g_autoptr (JsonNode) st = control (fx, "GET", "/__sim/state", NULL);

    g_assert_cmpuint (warm->status, ==, 200);
    g_assert_no_error (retried->error);
    g_assert_cmpuint (retried->status, ==, 200);
    /* 1 before, 1 dropped on a fresh connection, 1 dropped on the reused one, 1 retry. */
    g_assert_cmpint (jint (st, "requests./hybridity/api/interconnect/serviceMesh"), ==, 4);
  }

  /* Dropped after acting: the start happened, its answer is lost; libsoup does not re-send a
   * POST, even on a reused connection. */
  {
    IntentOpts o = { 0 };
    g_autofree char *i = intent (fx, find_vm (fx, VM_CLEAN, 0), &o);
    g_autoptr (Reply) lost = NULL;
    g_autoptr (JsonNode) st = NULL;

    g_clear_pointer (&c, json_node_unref);
    c = control (fx, "POST", "/__sim/faults",
                 "{\"path\":\"/mobility/migrations/start\",\"dropAfter\":true,\"count\":1}");
    lost = mobility (fx, "start", i);
    st = control (fx, "GET", "/__sim/state", NULL);
    g_assert_nonnull (lost->error);
    g_assert_cmpint (jint (st, "migrations"), ==, 1);
    g_assert_cmpint (jint (st, "requests./hybridity/api/mobility/migrations/start"), ==, 1);
  }

  /* Truncated and malformed bodies: 200, but not JSON. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults",
               "{\"path\":\"/hybridity/api/service/inventory\",\"truncate\":true,\"count\":1}");
  trunc = api (fx, "POST", "/service/inventory/virtualmachines",
               "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":100}}");
  g_assert_no_error (trunc->error);
  g_assert_cmpuint (trunc->status, ==, 200);
  g_assert_null (trunc->json);
  g_assert_cmpuint (g_bytes_get_size (trunc->body), >, 100);

  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults", "{\"path\":\"*\",\"malformed\":true,\"count\":1}");
  bad = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (bad->status, ==, 200);
  g_assert_null (bad->json);

  /* An HTML page where JSON was expected. */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults", "{\"path\":\"*\",\"html\":true,\"status\":503}");
  html = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (html->status, ==, 503);
  g_assert_cmpstr (html->content_type, ==, "text/html");
  g_assert_null (html->json);

  /* Clearing removes it; latency still answers correctly (its duration is a benchmark's job). */
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "DELETE", "/__sim/faults", NULL);
  cleared = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (cleared->status, ==, 200);
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults", "{\"path\":\"*\",\"latencyMs\":50,\"count\":1}");
  slow = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (slow->status, ==, 200);
  g_assert_nonnull (jget (slow->json, "data.items"));

  state = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (state, "faults"), ==, 0);

  invalid = call (fx->sim, NULL, "POST", "/__sim/faults", "{\"errorRate\":3}");
  g_assert_cmpuint (invalid->status, ==, 400);
  fx_free (fx);
}

/* A count in /__sim/state ("migrationsByEntity.vm-1042"); 0 when absent. */
static gint64
state_count (Fx *fx, const char *path)
{
  g_autoptr (JsonNode) state = control (fx, "GET", "/__sim/state", NULL);
  JsonNode *n = jget (state, path);

  return n != NULL ? json_node_get_int (n) : 0;
}

static void
set_fault (Fx *fx, const char *json)
{
  g_autoptr (JsonNode) c = control (fx, "DELETE", "/__sim/faults", NULL);
  g_autoptr (JsonNode) d = control (fx, "POST", "/__sim/faults", json);
}

/* A reset in the middle of the body, a body that never completes, and the Nth request. */
static void
test_faults_wire (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (Reply) reset = NULL;
  g_autoptr (Reply) after_reset = NULL;
  g_autoptr (Reply) stalled = NULL;
  g_autoptr (Reply) after_stall = NULL;
  gint64 t0;
  guint i;

  /* A reset, not a stall: the client learns it at once, well before its timeout. */
  set_fault (fx, "{\"path\":\"/service/inventory/virtualmachines\",\"reset\":true,\"count\":1}");
  client_timeout = 5;
  reset = call_full (fx->sim, fx->token, "POST", API "/service/inventory/virtualmachines",
                     "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"pageSize\":100}}",
                     TRUE, TRUE);
  client_timeout = 60;
  g_test_message ("reset: status %u, %s", reset->status,
                  reset->error != NULL ? reset->error->message : "no error");
  g_assert_nonnull (reset->error);
  g_assert_false (g_error_matches (reset->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));
  g_assert_null (reset->json);
  after_reset = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (after_reset->status, ==, 200);

  /* Headers arrive (status 200), the body never completes: the client's timeout ends it. */
  set_fault (fx, "{\"path\":\"/cloudConfigs\",\"stall\":true,\"count\":1}");
  client_timeout = 1;
  t0 = g_get_monotonic_time ();
  stalled = call_full (fx->sim, fx->token, "GET", API "/cloudConfigs", NULL, TRUE, TRUE);
  client_timeout = 60;
  g_assert_error (stalled->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpuint (stalled->status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - t0, >=, G_USEC_PER_SEC / 2);
  after_stall = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (after_stall->status, ==, 200);
  g_assert_nonnull (jget (after_stall->json, "data.items"));

  /* "nth":3,"count":2 hits the 3rd and 4th matching requests only; others do not count. */
  set_fault (fx, "{\"path\":\"/cloudConfigs\",\"status\":502,\"nth\":3,\"count\":2}");
  for (i = 1; i <= 6; i++)
    {
      g_autoptr (Reply) other = api (fx, "GET", "/interconnect/serviceMesh", NULL);
      g_autoptr (Reply) r = api (fx, "GET", "/cloudConfigs", NULL);

      g_assert_cmpuint (other->status, ==, 200);
      g_assert_cmpuint (r->status, ==, (i == 3 || i == 4) ? 502 : 200);
    }
  g_assert_cmpint (state_count (fx, "faults"), ==, 0);
  fx_free (fx);
}

/* A server that ignores offset/skipCount: every page is the first, for VMs and migrations. */
static void
test_faults_ignore_paging (void)
{
  Fx *fx = fx_new (NULL);
  const char *vms_body = "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"offset\":10,"
                         "\"skipCount\":10,\"pageSize\":5}}";
  g_autoptr (Reply) honest = NULL;
  g_autoptr (Reply) ignored = NULL;
  g_autoptr (Reply) q_honest = NULL;
  g_autoptr (Reply) q_ignored = NULL;
  g_autoptr (Reply) q_first = NULL;
  IntentOpts o = { 0 };
  guint i;

  for (i = 0; i < 3; i++)
    g_free (start_one (fx, find_vm (fx, VM_CLEAN, i), &o));

  honest = api (fx, "POST", "/service/inventory/virtualmachines", vms_body);
  g_assert_cmpstr (jstr (honest->json, "data.items.0.id"), ==,
                   jstr (json_array_get_element (fx->vms, 10), "id"));
  q_first = query (fx, "", "\"pageSize\":1,\"offset\":0");
  q_honest = query (fx, "", "\"pageSize\":1,\"offset\":2");
  g_assert_cmpstr (jstr (q_honest->json, "data.items.0.migrationId"), !=,
                   jstr (q_first->json, "data.items.0.migrationId"));

  set_fault (fx, "{\"path\":\"*\",\"ignorePaging\":true}");
  ignored = api (fx, "POST", "/service/inventory/virtualmachines", vms_body);
  g_assert_cmpuint (jlen (ignored->json, "data.items"), ==, 5);
  g_assert_cmpstr (jstr (ignored->json, "data.items.0.id"), ==,
                   jstr (json_array_get_element (fx->vms, 0), "id"));
  q_ignored = query (fx, "", "\"pageSize\":1,\"offset\":2,\"skipCount\":2");
  g_assert_cmpuint (jlen (q_ignored->json, "data.items"), ==, 1);
  g_assert_cmpstr (jstr (q_ignored->json, "data.items.0.migrationId"), ==,
                   jstr (q_first->json, "data.items.0.migrationId"));
  fx_free (fx);
}

/* Wait (at most 10 s) until the query for this VM shows n migrations; returns what it shows. */
static guint
wait_for_migrations (Fx *fx, const char *entity_id, guint n)
{
  g_autofree char *filter = g_strdup_printf ("\"entityId\":[\"%s\"]", entity_id);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint seen = 0;

  do
    {
      g_autoptr (Reply) q = query (fx, filter, NULL);

      seen = jlen (q->json, "data.items");
      if (seen == n)
        break;
      g_usleep (50000);
    }
  while (g_get_monotonic_time () < deadline);
  return seen;
}

/* Starts whose answer is lost or misleading although the server acted. */
static void
test_faults_uncertain_start (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm0 = find_vm (fx, VM_CLEAN, 0);
  JsonNode *vm1 = find_vm (fx, VM_CLEAN, 1);
  g_autofree char *path0 = g_strdup_printf ("migrationsByEntity.%s", jstr (vm0, "id"));
  g_autofree char *path1 = g_strdup_printf ("migrationsByEntity.%s", jstr (vm1, "id"));
  g_autofree char *filter0 = g_strdup_printf ("\"entityId\":[\"%s\"]", jstr (vm0, "id"));
  IntentOpts o = { 0 };
  g_autofree char *i0 = intent (fx, vm0, &o);
  g_autofree char *i1 = intent (fx, vm1, &o);
  g_autoptr (Reply) slow = NULL;
  g_autoptr (Reply) at_once = NULL;
  g_autoptr (Reply) proxy = NULL;

  /* Slow start: acted at once, answered after 1.5 s (past a 1 s client timeout), and its
   * migration out of queries for 2 s: an immediate reconcile sees nothing, a later one sees it. */
  set_fault (fx, "{\"path\":\"/mobility/migrations/start\",\"latencyAfterMs\":1500,"
                 "\"settleMs\":2000,\"count\":1}");
  client_timeout = 1;
  {
    g_autofree char *body = g_strdup_printf ("{\"items\":[%s]}", i0);

    slow = call_full (fx->sim, fx->token, "POST", API "/mobility/migrations/start", body, TRUE,
                      TRUE);
  }
  client_timeout = 60;
  g_assert_error (slow->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  at_once = query (fx, filter0, NULL);
  g_assert_cmpuint (jlen (at_once->json, "data.items"), ==, 0);
  g_assert_cmpint (state_count (fx, path0), ==, 1);
  g_assert_cmpint (state_count (fx, "settlingMigrations"), ==, 1);
  g_assert_cmpuint (wait_for_migrations (fx, jstr (vm0, "id"), 1), ==, 1);
  g_assert_cmpint (state_count (fx, "settlingMigrations"), ==, 0);
  g_assert_cmpint (state_count (fx, path0), ==, 1);

  /* A proxy's 502 HTML page after the server created the migration. */
  set_fault (fx, "{\"path\":\"/mobility/migrations/start\",\"html\":true,\"status\":502,"
                 "\"count\":1}");
  proxy = mobility (fx, "start", i1);
  g_assert_cmpuint (proxy->status, ==, 502);
  g_assert_cmpstr (proxy->content_type, ==, "text/html");
  g_assert_null (proxy->json);
  g_assert_cmpint (state_count (fx, path1), ==, 1);
  g_assert_cmpint (state_count (fx, "migrations"), ==, 2);
  fx_free (fx);
}

/* Group create and group start whose answer is truncated, HTML or lost after the server acted;
 * a chosen group id makes a retried create fail instead of making a second group. */
static void
test_faults_uncertain_groups (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  g_autofree char *drafts_path = g_strdup_printf ("draftsByEntity.%s", jstr (vm, "id"));
  g_autofree char *started_path = g_strdup_printf ("migrationsByEntity.%s", jstr (vm, "id"));
  IntentOpts o = { 0 };
  g_autofree char *i = intent (fx, vm, &o);
  const char *faults[] = {
    "{\"path\":\"/mobility/groups\",\"truncate\":true,\"count\":1}",
    "{\"path\":\"/mobility/groups\",\"html\":true,\"status\":503,\"count\":1}",
    "{\"path\":\"/mobility/groups\",\"dropAfter\":true,\"count\":1}",
  };
  g_autofree char *create
      = g_strdup_printf ("{\"items\":[{\"name\":\"Wave-A\",\"groupDefaults\":{},"
                         "\"desiredMigrationGroupId\":\"wave-a\","
                         "\"migrations\":[%s]}]}",
                         i);
  g_autoptr (Reply) again = NULL;
  g_autoptr (Reply) start = NULL;
  guint k;

  for (k = 0; k < G_N_ELEMENTS (faults); k++)
    {
      g_autofree char *body = g_strdup_printf ("{\"items\":[{\"name\":\"Wave-%u\","
                                               "\"groupDefaults\":{},\"migrations\":[%s]}]}",
                                               k, i);
      g_autofree char *name = g_strdup_printf ("groupsByName.Wave-%u", k);
      g_autoptr (Reply) r = NULL;

      set_fault (fx, faults[k]);
      r = api (fx, "POST", "/mobility/groups", body);
      g_assert_null (r->json);
      g_assert_cmpint (state_count (fx, "groups"), ==, k + 1);
      g_assert_cmpint (state_count (fx, name), ==, 1);
      g_assert_cmpint (state_count (fx, drafts_path), ==, k + 1);
    }

  /* A chosen id: the group is made once; the retry is refused and makes nothing. */
  set_fault (fx, "{\"path\":\"/mobility/groups\",\"dropAfter\":true,\"count\":1}");
  {
    g_autoptr (Reply) lost = api (fx, "POST", "/mobility/groups", create);

    g_assert_nonnull (lost->error);
  }
  again = api (fx, "POST", "/mobility/groups", create);
  g_assert_cmpuint (again->status, ==, 400);
  g_assert_true (has_code (again->json, "errors", "DUPLICATE_GROUP"));
  g_assert_cmpint (state_count (fx, "groupsByName.Wave-A"), ==, 1);
  g_assert_cmpint (state_count (fx, drafts_path), ==, 4);

  /* Group start answered by an HTML page after it started the drafts. */
  set_fault (fx, "{\"path\":\"/mobility/groups/start\",\"html\":true,\"status\":502,"
                 "\"count\":1}");
  start = api (fx, "POST", "/mobility/groups/start",
               "{\"items\":[{\"migrationGroupId\":"
               "\"wave-a\"}]}");
  g_assert_cmpuint (start->status, ==, 502);
  g_assert_null (start->json);
  g_assert_cmpint (state_count (fx, started_path), ==, 1);
  g_assert_cmpint (state_count (fx, drafts_path), ==, 3);
  g_assert_cmpint (state_count (fx, "migrationsByState.VALIDATED"), ==, 1);
  fx_free (fx);
}

static void
test_state_and_reset (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  g_autofree char *id = start_one (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autoptr (JsonNode) state = control (fx, "GET", "/__sim/state", NULL);
  g_autoptr (JsonNode) c = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (Reply) q = NULL;
  g_autoptr (Reply) mesh = NULL;
  g_autoptr (Reply) still_logged_in = NULL;

  g_assert_cmpint (jint (state, "migrations"), ==, 1);
  g_assert_cmpint (jint (state, "requests./hybridity/api/mobility/migrations/start"), ==, 1);
  g_assert_cmpint (jint (state, "requests./hybridity/api/sessions"), ==, 1);
  g_assert_cmpint (jint (state, "migrationsByState.VALIDATED"), ==, 1);
  g_assert_cmpstr (jstr (state, "sourceEndpointId"), ==, fx->src_endpoint);

  c = control (fx, "POST", "/__sim/services",
               "{\"side\":\"mesh\",\"service\":\"VMOTION\",\"enabled\":false}");
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/faults", "{\"path\":\"/nothing\",\"errorRate\":1}");
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/clock", "{\"advanceSeconds\":3600}");
  g_clear_pointer (&c, json_node_unref);
  c = control (fx, "POST", "/__sim/reset", NULL);

  after = control (fx, "GET", "/__sim/state", NULL);
  g_assert_cmpint (jint (after, "migrations"), ==, 0);
  g_assert_cmpint (jint (after, "faults"), ==, 0);
  g_assert_cmpint (jint (after, "clock"), ==, jint (state, "clock"));
  g_assert_null (jget (after, "requests./hybridity/api/mobility/migrations/start"));
  still_logged_in = api (fx, "GET", "/cloudConfigs", NULL);
  g_assert_cmpuint (still_logged_in->status, ==, 200);
  mesh = api (fx, "GET", "/interconnect/serviceMesh", NULL);
  g_assert_true (has_service (jget (mesh->json, "items.0.services"), "VMOTION"));
  q = query (fx, "", NULL);
  g_assert_cmpuint (jlen (q->json, "data.items"), ==, 0);
  fx_free (fx);
}

static void
test_clock (void)
{
  Fx *fx = fx_new (NULL);
  gint64 t0 = sim_clock (fx);
  g_autoptr (JsonNode) a = control (fx, "POST", "/__sim/clock", "{\"advanceSeconds\":90.5}");
  g_autoptr (JsonNode) s = NULL;

  g_assert_cmpint (jint (a, "clock"), ==, t0 + 90500);
  /* Speed 0: the clock stands still between calls. */
  g_assert_cmpint (sim_clock (fx), ==, t0 + 90500);
  s = control (fx, "POST", "/__sim/clock", "{\"speed\":600}");
  g_assert_cmpfloat (json_node_get_double (jget (s, "speed")), ==, 600);
  /* Speed 600: the simulated time between two reads is 600 times the real time between them.
   * The server read each clock somewhere inside the test's own bracket of monotonic times, so
   * the simulated delta lies between 600 × the inner and 600 × the outer real interval. */
  {
    gint64 r0, r1, r2, r3, c1, c2;

    r0 = g_get_monotonic_time ();
    c1 = sim_clock (fx);
    r1 = g_get_monotonic_time ();
    g_usleep (100000);
    r2 = g_get_monotonic_time ();
    c2 = sim_clock (fx);
    r3 = g_get_monotonic_time ();
    g_assert_cmpint (c1, >=, t0 + 90500);
    g_assert_cmpint (c2 - c1, >=, 600 * (r2 - r1) / 1000 - 1);
    g_assert_cmpint (c2 - c1, <=, 600 * (r3 - r0) / 1000 + 1);
    g_assert_cmpint (c2 - c1, >=, 60000); /* at least 100 ms × 600 */
  }
  /* Back to 0: it stands still again, exactly. */
  {
    g_autoptr (JsonNode) z = control (fx, "POST", "/__sim/clock", "{\"speed\":0}");
    gint64 frozen = jint (z, "clock");

    g_usleep (20000);
    g_assert_cmpint (sim_clock (fx), ==, frozen);
  }
  fx_free (fx);
}

static void
test_certificate_rotate (void)
{
  Fx *fx = fx_new (NULL);
  g_autofree char *before = g_strdup (ferry_sim_thread_get_fingerprint (fx->sim));
  g_autoptr (JsonNode) r = control (fx, "POST", "/__sim/certificate/rotate", NULL);
  g_autoptr (Reply) ok = NULL;

  g_assert_nonnull (jstr (r, "fingerprint"));
  g_assert_cmpstr (jstr (r, "fingerprint"), !=, before);
  g_assert_cmpstr (jstr (r, "fingerprint"), ==, ferry_sim_thread_get_fingerprint (fx->sim));
  g_assert_cmpuint (strlen (before), ==, 32 * 3 - 1);
  /* New connections see the new certificate (the client pins the current fingerprint). */
  ok = call_full (fx->sim, fx->token, "GET", API "/cloudConfigs", NULL, TRUE, TRUE);
  g_assert_no_error (ok->error);
  g_assert_cmpuint (ok->status, ==, 200);

  /* Again: every rotation is in effect as soon as it has answered. */
  {
    g_autoptr (JsonNode) r2 = control (fx, "POST", "/__sim/certificate/rotate", NULL);
    g_autoptr (Reply) ok2
        = call_full (fx->sim, fx->token, "GET", API "/cloudConfigs", NULL, TRUE, TRUE);
    g_autoptr (JsonNode) state = control (fx, "GET", "/__sim/state", NULL);

    g_assert_cmpstr (jstr (r2, "fingerprint"), !=, jstr (r, "fingerprint"));
    g_assert_no_error (ok2->error);
    g_assert_cmpuint (ok2->status, ==, 200);
    g_assert_cmpstr (jstr (state, "fingerprint"), ==, jstr (r2, "fingerprint"));
  }
  fx_free (fx);
}

static void
test_not_found (void)
{
  Fx *fx = fx_new (NULL);
  g_autoptr (Reply) a = api (fx, "GET", "/no/such/thing", NULL);
  g_autoptr (Reply) b = call (fx->sim, NULL, "GET", "/", NULL);
  g_autoptr (Reply) c = call (fx->sim, NULL, "GET", "/__sim/nothing", NULL);
  g_autoptr (Reply) d = api (fx, "POST", "/migrations", "{}"); /* no ?action=query */

  g_assert_cmpuint (a->status, ==, 404);
  g_assert_true (has_code (a->json, "errors", "NOT_FOUND"));
  g_assert_nonnull (strstr (jstr (a->json, "errors.0.message"), "/no/such/thing"));
  g_assert_cmpuint (b->status, ==, 404);
  g_assert_cmpuint (c->status, ==, 404);
  g_assert_cmpuint (d->status, ==, 404);
  fx_free (fx);
}

static void
test_quirks (void)
{
  Fx *fx = fx_new (NULL);
  IntentOpts o = { 0 };
  g_autofree char *id = start_one (fx, find_vm (fx, VM_CLEAN, 0), &o);
  g_autofree char *xml_path = g_strconcat (API, "/cloudConfigs", NULL);
  g_autoptr (Reply) xml = call_full (fx->sim, fx->token, "GET", xml_path, NULL, FALSE, FALSE);
  g_autoptr (Reply) xml_off = NULL;
  g_autoptr (JsonNode) c = NULL;
  g_autoptr (Reply) q = NULL;

  /* No Accept header: XML, as some real endpoints answer. */
  g_assert_cmpuint (xml->status, ==, 200);
  g_assert_cmpstr (xml->content_type, ==, "application/xml");
  g_assert_null (xml->json);
  c = control (fx, "POST", "/__sim/quirks", "{\"xmlWithoutAccept\":false,\"unknownStates\":true}");
  xml_off = call_full (fx->sim, fx->token, "GET", xml_path, NULL, FALSE, FALSE);
  g_assert_cmpstr (xml_off->content_type, ==, "application/json");

  /* Intermediate states under names the client cannot know; terminal ones stay documented. */
  advance (fx, 15);
  assert_state (fx, id, "BASE_SYNC_IN_PROGRESS");
  q = query (fx, "\"state\":[\"BASE_SYNC_IN_PROGRESS\"]", NULL);
  g_assert_cmpuint (jlen (q->json, "data.items"), ==, 1);
  g_assert_true (jbool (q->json, "data.items.0.progress.state.isTransferProgress"));
  advance (fx, 24 * 3600);
  assert_state (fx, id, "MIGRATION_COMPLETE");
  fx_free (fx);
}

static char *
replace_once (const char *str, const char *old, const char *replacement)
{
  const char *at = strstr (str, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int)(at - str), str, replacement, at + strlen (old));
}

static void
expect_error_in (Fx *fx, const char *items, const char *code)
{
  g_autoptr (Reply) r = mobility (fx, "validate", items);

  g_assert_cmpuint (r->status, ==, 200);
  if (!has_code (r->json, "items.0.errors", code))
    g_error ("expected error %s", code);
}

static void
test_validate_request_rules (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_CLEAN, 0);
  IntentOpts o = { 0 };
  g_autofree char *good = intent (fx, vm, &o);
  g_autofree char *twice = g_strdup_printf ("%s,%s", good, good);
  g_autofree char *wrong_dst = replace_once (good, fx->dst_endpoint, "20200101000000000-nope");
  g_autofree char *wrong_vc = replace_once (good, fx->dst_vc, "vc-nope");
  g_autofree char *bad_placement
      = replace_once (good, "\"id\":\"domain-c8\"", "\"id\":\"domain-c999\"");
  g_autofree char *no_compute = NULL;
  g_autofree char *no_placement = NULL;
  g_autofree char *bad_provision
      = replace_once (good, "\"diskProvisionType\":\"thin\"", "\"diskProvisionType\":\"fat\"");
  g_autofree char *no_storage = replace_once (good, "\"id\":\"datastore-61\",", "");
  g_autofree char *id = NULL;
  g_autoptr (Reply) dup = mobility (fx, "validate", twice);
  const char *placement_start = strstr (good, "\"placement\":[");
  const char *placement_end = strstr (good, "],\"storage\"");

  /* The same VM twice in one request: the second is refused. */
  g_assert_cmpuint (jlen (dup->json, "items.0.errors"), ==, 0);
  g_assert_true (has_code (dup->json, "items.1.errors", "DUPLICATE_ENTITY"));

  expect_error_in (fx, wrong_dst, "ENDPOINT_NOT_FOUND");
  expect_error_in (fx, wrong_vc, "RESOURCE_NOT_FOUND");
  expect_error_in (fx, bad_placement, "PLACEMENT_NOT_FOUND");
  no_placement = g_strdup_printf ("%.*s\"placement\":[%s", (int)(placement_start - good), good,
                                  placement_end);
  expect_error_in (fx, no_placement, "PLACEMENT_MISSING");
  no_compute = g_strdup_printf ("%.*s\"placement\":[{\"type\":\"folder\",\"id\":\"group-v10\"}%s",
                                (int)(placement_start - good), good, placement_end);
  expect_error_in (fx, no_compute, "PLACEMENT_MISSING");
  expect_error_in (fx, bad_provision, "INVALID_DISK_PROVISION_TYPE");
  expect_error_in (fx, no_storage, "STORAGE_MISSING");

  /* A VM with a migration under way cannot be migrated again. */
  id = start_one (fx, vm, &o);
  expect_error_in (fx, good, "MIGRATION_IN_PROGRESS");
  fx_free (fx);
}

static void
test_window_missed (void)
{
  Fx *fx = fx_new (NULL);
  JsonNode *vm = find_vm (fx, VM_BIG, 0); /* > 300 GB: more than 40 min at 1 Gbps */
  gint64 now = sim_clock (fx);
  IntentOpts o = { .win_start = now + 60000, .win_end = now + 20 * 60000 };
  g_autofree char *i = intent (fx, vm, &o);
  g_autoptr (Reply) v = mobility (fx, "validate", i);
  g_autofree char *id = NULL;
  g_autofree char *filter = NULL;
  g_autoptr (Reply) q = NULL;

  /* A short window is only a warning… */
  g_assert_true (has_code (v->json, "items.0.warnings", "SHORT_SWITCHOVER_WINDOW"));
  g_assert_cmpuint (jlen (v->json, "items.0.errors"), ==, 0);
  id = start_one (fx, vm, &o);
  /* …but a transfer that outlasts it fails the migration. */
  advance (fx, 24 * 3600);
  assert_state (fx, id, "MIGRATION_FAILED");
  filter = g_strdup_printf ("\"migrationId\":[\"%s\"]", id);
  q = query (fx, filter, NULL);
  g_assert_nonnull (strstr (jstr (q->json, "data.items.0.progress.state.errorMessage"), "window"));
  fx_free (fx);
}

static void
test_bandwidth_and_concurrency (void)
{
  FerrySimOptions opts = { .max_concurrent = 2, .appliance_mbps = 1000 };
  Fx *fx = fx_new (&opts);
  IntentOpts o = { 0 };
  JsonNode *vms[3]
      = { find_vm (fx, VM_BIG, 0), find_vm (fx, VM_BIG, 1), find_vm (fx, VM_CLEAN, 0) };
  char *ids[3] = { NULL };
  g_autofree char *filter = NULL;
  g_autoptr (Reply) q = NULL;
  guint k;

  for (k = 0; k < 3; k++)
    ids[k] = start_one (fx, vms[k], &o);
  advance (fx, 15);
  /* Two transfer slots: the third waits. */
  assert_state (fx, ids[0], "TRANSFER_IN_PROGRESS");
  assert_state (fx, ids[1], "TRANSFER_IN_PROGRESS");
  assert_state (fx, ids[2], "TRANSFER_QUEUED");
  /* Two transfers share a 1 Gbps appliance: 62.5 MB/s each. */
  advance (fx, 100);
  filter = g_strdup_printf ("\"migrationId\":[\"%s\",\"%s\"]", ids[0], ids[1]);
  q = query (fx, filter, NULL);
  g_assert_cmpint (jint (q->json, "data.items.0.progress.total.bytesTransferred"), ==,
                   (gint64)(100 * 62.5e6));
  g_assert_cmpint (jint (q->json, "data.items.1.progress.total.bytesTransferred"), ==,
                   (gint64)(100 * 62.5e6));
  advance (fx, 7 * 24 * 3600);
  for (k = 0; k < 3; k++)
    {
      assert_state (fx, ids[k], "MIGRATION_COMPLETE");
      g_free (ids[k]);
    }
  fx_free (fx);
}

/* Odd bodies never crash the simulator: every answer is a 2xx or a 4xx with a body. */
static void
test_robustness (void)
{
  Fx *fx = fx_new (NULL);
  static const char *paths[] = {
    "/service/inventory/virtualmachines",
    "/service/inventory/networks",
    "/service/inventory/containers",
    "/service/inventory/datastores",
    "/service/inventory/storageProfiles",
    "/service/inventory/resourcecontainer/list",
    "/mobility/migrations/validate",
    "/mobility/migrations/start",
    "/mobility/migrations/cancel",
    "/mobility/migrations/forceCancel",
    "/migrations?action=query",
    "/mobility/groups",
    "/mobility/groups/start",
    "/mobility/groups/x/schedule",
    "/sessions",
  };
  static const char *controls[] = {
    "/__sim/clock",  "/__sim/faults", "/__sim/services",     "/__sim/vm-failure",
    "/__sim/quirks", "/__sim/reset",  "/__sim/age-sessions",
  };
  static const char *bodies[] = {
    "[]",
    "\"x\"",
    "1",
    "null",
    "{}",
    "{\"items\":null}",
    "{\"items\":[1,\"a\",null,{},[]]}",
    "{\"filter\":[],\"paging\":7}",
    "{\"filter\":{\"cloud\":\"x\",\"entityType\":\"folder\"},\"paging\":{\"pageSize\":\"abc\","
    "\"skipCount\":-5,\"offset\":1e300}}",
    "{\"filter\":{\"migrationId\":[1,null],\"state\":\"x\"},\"paging\":{\"pageSize\":-1}}",
    "{\"items\":[{\"entity\":[],\"migrationType\":5,\"placement\":{},\"networkParams\":"
    "{\"networkMappings\":[1,{}]},\"storage\":\"x\",\"switchoverParams\":{\"schedule\":"
    "{\"startTime\":\"soon\",\"expiryTime\":-1}}}]}",
    "{\"items\":[{\"migrationType\":\"vSphereReplication\",\"entity\":{\"entityId\":\"vm-1001\"},"
    "\"placement\":[null,1,{\"type\":5}],\"networkParams\":{\"networkMappings\":[{\"srcNetworkId\":"
    "7}]}}]}",
    "{\"items\":[{\"name\":[],\"migrations\":[1,{\"entity\":null}],\"migrationGroupId\":2}]}",
    "{\"mobilityGroupDefaults\":{\"switchover\":[]},\"advanceSeconds\":\"x\",\"speed\":-3,"
    "\"errorRate\":\"0.5\",\"latencyMs\":-1,\"side\":1,\"service\":null,\"entityId\":[]}",
    "{\"username\":1,\"password\":null}",
    "{\"advanceSeconds\":1e300,\"speed\":1e300,\"errorRate\":-0.0,\"count\":1e300,"
    "\"seconds\":1e300,\"pageSize\":-1e300}",
    "{\"a\":",
    "\xff\xfe not even text",
  };
  guint p, b;

  for (p = 0; p < G_N_ELEMENTS (paths); p++)
    for (b = 0; b < G_N_ELEMENTS (bodies); b++)
      {
        g_autoptr (Reply) r = api (fx, "POST", paths[p], bodies[b]);

        g_assert_no_error (r->error);
        if (r->status >= 500 || r->status < 200)
          g_error ("POST %s %s → %u", paths[p], bodies[b], r->status);
        if (r->status >= 400 && r->status != 401)
          g_assert_nonnull (r->json);
      }
  for (p = 0; p < G_N_ELEMENTS (controls); p++)
    for (b = 0; b < G_N_ELEMENTS (bodies); b++)
      {
        g_autoptr (Reply) r = call (fx->sim, NULL, "POST", controls[p], bodies[b]);

        g_assert_no_error (r->error);
        if (r->status >= 500 || r->status < 200)
          g_error ("POST %s %s → %u", controls[p], bodies[b], r->status);
      }
  /* Still serving. */
  {
    g_autoptr (JsonNode) c = control (fx, "DELETE", "/__sim/faults", NULL);
    g_autoptr (JsonNode) q = control (fx, "POST", "/__sim/quirks", "{\"unknownStates\":false}");
    g_autoptr (Reply) login = call (fx->sim, NULL, "POST", API "/sessions", LOGIN_BODY);
    g_autoptr (Reply) ok = NULL;

    /* (age-sessions above expired the fixture's session.) */
    g_assert_cmpuint (login->status, ==, 200);
    ok = call (fx->sim, login->token, "GET", API "/cloudConfigs", NULL);
    g_assert_cmpuint (ok->status, ==, 200);
  }
  fx_free (fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/sessions", test_sessions);
  g_test_add_func ("/sim/sessions/idle-expiry", test_session_idle_expiry);
  g_test_add_func ("/sim/sites", test_sites);
  g_test_add_func ("/sim/inventory/paging", test_inventory_paging);
  g_test_add_func ("/sim/inventory/shape", test_inventory_shape);
  g_test_add_func ("/sim/inventory/deterministic", test_inventory_deterministic);
  g_test_add_func ("/sim/inventory/file", test_inventory_file);
  g_test_add_func ("/sim/inventory/networks-containers-datastores", test_inventory_others);
  g_test_add_func ("/sim/interconnect", test_interconnect);
  g_test_add_func ("/sim/validate/ok", test_validate_ok);
  g_test_add_func ("/sim/validate/rules", test_validate_rules);
  g_test_add_func ("/sim/validate/services", test_validate_services);
  g_test_add_func ("/sim/validate/request-rules", test_validate_request_rules);
  g_test_add_func ("/sim/migration/window-missed", test_window_missed);
  g_test_add_func ("/sim/migration/bandwidth-concurrency", test_bandwidth_and_concurrency);
  g_test_add_func ("/sim/migration/bulk-window", test_bulk_with_window);
  g_test_add_func ("/sim/migration/vmotion-serial", test_vmotion_serial);
  g_test_add_func ("/sim/migration/cold-rav", test_cold_and_rav);
  g_test_add_func ("/sim/migration/cancel", test_cancel);
  g_test_add_func ("/sim/migration/injected-failures", test_injected_failures);
  g_test_add_func ("/sim/query", test_query_filters_paging);
  g_test_add_func ("/sim/groups-jobs", test_groups_and_jobs);
  g_test_add_func ("/sim/faults", test_faults);
  g_test_add_func ("/sim/faults/wire", test_faults_wire);
  g_test_add_func ("/sim/faults/ignore-paging", test_faults_ignore_paging);
  g_test_add_func ("/sim/faults/uncertain-start", test_faults_uncertain_start);
  g_test_add_func ("/sim/faults/uncertain-groups", test_faults_uncertain_groups);
  g_test_add_func ("/sim/state-reset", test_state_and_reset);
  g_test_add_func ("/sim/clock", test_clock);
  g_test_add_func ("/sim/certificate-rotate", test_certificate_rotate);
  g_test_add_func ("/sim/not-found", test_not_found);
  g_test_add_func ("/sim/quirks", test_quirks);
  g_test_add_func ("/sim/robustness", test_robustness);
  return g_test_run ();
}
