/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim-client.c: what the simulator's tests share: a small libsoup client that trusts the
 * simulator's certificate by its SHA-256 fingerprint, JSON paths, a fixture with a logged-in
 * session and the whole inventory, VMs by kind and migration intents. */

#include "test-sim-client.h"

#include <glib/gstdio.h>
#include <unistd.h>

/* ---- a small client --------------------------------------------------------------------- */

void
reply_free (Reply *r)
{
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->content_type);
  g_free (r->token);
  g_clear_error (&r->error);
  g_clear_pointer (&r->json, json_node_unref);
  g_free (r);
}

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
guint client_timeout = 60;

guint
test_slowdown (void)
{
  const char *wrapper = g_getenv ("FERRY_TEST_WRAPPER");

  if (wrapper != NULL && strstr (wrapper, "valgrind") != NULL)
    return 10;
  if (g_getenv ("FERRY_TEST_ASAN") != NULL)
    return 3;
  return 1;
}

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

Reply *
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

Reply *
call (FerrySimThread *sim, const char *token, const char *method, const char *path,
      const char *body)
{
  return call_full (sim, token, method, path, body, TRUE, FALSE);
}

Reply *
api (Fx *fx, const char *method, const char *path, const char *body)
{
  g_autofree char *full = g_strconcat (API, path, NULL);

  return call (fx->sim, fx->token, method, full, body);
}

/* "data.items.0.id" → node (numbers index arrays); NULL if absent. */
JsonNode *
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

const char *
jstr (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             ? json_node_get_string (n)
             : NULL;
}

gint64
jint (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  g_assert_nonnull (n);
  if (json_node_get_value_type (n) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (n), NULL, 10);
  return json_node_get_int (n);
}

gboolean
jbool (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  g_assert_nonnull (n);
  return json_node_get_boolean (n);
}

guint
jlen (JsonNode *node, const char *path)
{
  JsonNode *n = jget (node, path);

  g_assert_nonnull (n);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (n));
  return json_array_get_length (json_node_get_array (n));
}

/* Does any {code|message} object in the array at path have this code? */
gboolean
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

const char *
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

JsonNode *
control (Fx *fx, const char *method, const char *path, const char *body)
{
  return ferry_test_sim_control (fx->sim, method, path, body);
}

gint64
sim_clock (Fx *fx)
{
  g_autoptr (JsonNode) state = control (fx, "GET", "/__sim/clock", NULL);

  return jint (state, "clock");
}

void
advance (Fx *fx, double seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advanceSeconds\":%.3f}", seconds);
  g_autoptr (JsonNode) r = control (fx, "POST", "/__sim/clock", body);
}

Fx *
fx_new (const FerrySimOptions *opts)
{
  Fx *fx = g_new0 (Fx, 1);
  FerrySimOptions full = { 0 };
  g_autoptr (Reply) login = NULL;
  g_autoptr (Reply) local = NULL;
  g_autoptr (Reply) remote = NULL;
  g_autoptr (Reply) vms = NULL;

  /* The simulator's own tests check the full answers unless they ask for the lean ones. */
  if (opts != NULL)
    full = *opts;
  if (full.real_omissions == 0)
    full.real_omissions = -1;
  fx->sim = ferry_test_sim_start (&full);
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

void
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

gboolean
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

JsonNode *
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

char *
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

Reply *
mobility (Fx *fx, const char *action, const char *items)
{
  g_autofree char *body = g_strdup_printf ("{\"items\":[%s]}", items);
  g_autofree char *path = g_strdup_printf ("/mobility/migrations/%s", action);

  return api (fx, "POST", path, body);
}

Reply *
validate_one (Fx *fx, JsonNode *vm, const IntentOpts *o)
{
  g_autofree char *i = intent (fx, vm, o);

  return mobility (fx, "validate", i);
}

char *
start_one (Fx *fx, JsonNode *vm, const IntentOpts *o)
{
  g_autofree char *i = intent (fx, vm, o);
  g_autoptr (Reply) r = mobility (fx, "start", i);

  g_assert_cmpuint (r->status, ==, 202);
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 0);
  return g_strdup (jstr (r->json, "items.0.migrationId"));
}

Reply *
query (Fx *fx, const char *filter, const char *paging)
{
  g_autofree char *body = g_strdup_printf ("{\"filter\":{%s},\"options\":{\"resultLevel\":"
                                           "\"MOBILITYGROUP_ITEMS\",\"compat\":2.1},"
                                           "\"paging\":{%s}}",
                                           filter, paging != NULL ? paging : "\"pageSize\":50");

  return api (fx, "POST", "/migrations?action=query", body);
}

char *
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

void
expect_error (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code)
{
  g_autoptr (Reply) r = validate_one (fx, vm, o);

  g_assert_cmpuint (r->status, ==, 200);
  if (!has_code (r->json, "items.0.errors", code))
    g_error ("expected error %s for %s", code, jstr (vm, "name"));
  g_assert_nonnull (message_for (r->json, "items.0.errors", code));
  g_assert_true (has_code (r->json, "errors", "VALIDATION_FAILED"));
}

void
expect_no_error (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code)
{
  g_autoptr (Reply) r = validate_one (fx, vm, o);

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_false (has_code (r->json, "items.0.errors", code));
}

void
expect_warning (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code)
{
  g_autoptr (Reply) r = validate_one (fx, vm, o);

  g_assert_cmpuint (r->status, ==, 200);
  if (!has_code (r->json, "items.0.warnings", code))
    g_error ("expected warning %s for %s", code, jstr (vm, "name"));
  g_assert_cmpuint (jlen (r->json, "items.0.errors"), ==, 0);
}

gboolean
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

/* A count in /__sim/state ("migrationsByEntity.vm-1042"); 0 when absent. */
gint64
state_count (Fx *fx, const char *path)
{
  g_autoptr (JsonNode) state = control (fx, "GET", "/__sim/state", NULL);
  JsonNode *n = jget (state, path);

  return n != NULL ? json_node_get_int (n) : 0;
}

void
set_fault (Fx *fx, const char *json)
{
  g_autoptr (JsonNode) c = control (fx, "DELETE", "/__sim/faults", NULL);
  g_autoptr (JsonNode) d = control (fx, "POST", "/__sim/faults", json);
}

void
expect_error_in (Fx *fx, const char *items, const char *code)
{
  g_autoptr (Reply) r = mobility (fx, "validate", items);

  g_assert_cmpuint (r->status, ==, 200);
  if (!has_code (r->json, "items.0.errors", code))
    g_error ("expected error %s", code);
}

char *
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

gboolean
has_service (JsonNode *services, const char *name)
{
  guint i;

  for (i = 0; i < json_array_get_length (json_node_get_array (services)); i++)
    if (g_strcmp0 (jstr (json_array_get_element (json_node_get_array (services), i), "name"), name)
        == 0)
      return TRUE;
  return FALSE;
}
