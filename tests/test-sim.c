/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim.c: the HCX Manager simulator over real HTTPS: sessions, sites, inventory,
 * interconnect, state, clock, certificate, robustness (validation: test-sim-validate.c). The clock
 * stands still unless a test advances it, so state machine tests are deterministic. */

#include "test-sim-client.h"

#include <glib/gstdio.h>
#include <unistd.h>

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
  g_test_add_func ("/sim/state-reset", test_state_and_reset);
  g_test_add_func ("/sim/clock", test_clock);
  g_test_add_func ("/sim/certificate-rotate", test_certificate_rotate);
  g_test_add_func ("/sim/not-found", test_not_found);
  g_test_add_func ("/sim/quirks", test_quirks);
  g_test_add_func ("/sim/robustness", test_robustness);
  return g_test_run ();
}
