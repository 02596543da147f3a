/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hcx-test-util.c: see hcx-test-util.h. */

#include "config.h"

#include "hcx-test-util.h"

#include "ferry-sim-cert.h"

void
hcx_test_got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GPrivate wait_label = G_PRIVATE_INIT (g_free);

void
hcx_test_set_label (const char *label)
{
  g_private_replace (&wait_label, g_strdup (label));
}

static gboolean
on_wait_expired (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

GAsyncResult *
hcx_test_wait (GAsyncResult **slot, guint seconds)
{
  gboolean expired = FALSE;
  GSource *source = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (source, on_wait_expired, &expired, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  while (*slot == NULL && !expired)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_source_destroy (source);
  g_source_unref (source);
  if (*slot == NULL)
    g_error ("The call did not finish within %u seconds%s%s", seconds,
             g_private_get (&wait_label) != NULL ? ": " : "",
             g_private_get (&wait_label) != NULL ? (char *)g_private_get (&wait_label) : "");
  return *slot;
}

FerryHcxClient *
hcx_test_client_new (const char *url, const char *pin)
{
  g_autoptr (GError) error = NULL;
  FerryHcxClient *client = ferry_hcx_client_new (url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  if (pin != NULL)
    ferry_hcx_client_set_pinned_fingerprint (client, pin);
  return client;
}

gboolean
hcx_test_login (FerryHcxClient *client, const char *password, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ferry_hcx_client_login_async (client, HCX_TEST_USER, password, NULL, hcx_test_got_result,
                                &result);
  return ferry_hcx_client_login_finish (client, hcx_test_wait (&result, 60), error);
}

gint64
hcx_test_sim_requests (FerrySimThread *sim, const char *path)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (sim, "GET", "/__sim/state", NULL);
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");

  if (!json_object_has_member (requests, path))
    return 0;
  return json_object_get_int_member (requests, path);
}

void
hcx_test_sim_fault (FerrySimThread *sim, const char *json)
{
  g_autoptr (JsonNode) r = ferry_test_sim_control (sim, "POST", "/__sim/faults", json);
}

gint64
hcx_test_sim_count_of (FerrySimThread *sim, const char *member, const char *key)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (sim, "GET", "/__sim/state", NULL);
  JsonObject *o = json_object_get_object_member (json_node_get_object (state), member);

  if (o == NULL || !json_object_has_member (o, key))
    return 0;
  return json_object_get_int_member (o, key);
}

gint64
hcx_test_sim_count (FerrySimThread *sim, const char *member)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (sim, "GET", "/__sim/state", NULL);

  return json_object_get_int_member (json_node_get_object (state), member);
}

SoupServer *
hcx_test_server_new (GTlsCertificate *certificate, SoupServerCallback handler, gpointer data,
                     char **url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsCertificate) own = NULL;
  SoupServer *server;
  GSList *uris;

  if (certificate == NULL)
    {
      own = ferry_sim_cert_generate (NULL, &error);
      g_assert_no_error (error);
      certificate = own;
    }
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, handler, data, NULL);
  g_assert_true (soup_server_listen_local (
      server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return server;
}

static void
world_fetch (FerryHcxClient *c, int what, GListModel **out, const char *remote)
{
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;

  switch (what)
    {
      case 0:
        ferry_hcx_client_list_sites_async (c, NULL, hcx_test_got_result, &r);
        *out = ferry_hcx_client_list_sites_finish (c, hcx_test_wait (&r, 60), &error);
        break;
      case 1:
      case 2:
        ferry_hcx_client_list_resource_containers_async (c, what == 2, NULL, hcx_test_got_result,
                                                         &r);
        *out = ferry_hcx_client_list_resource_containers_finish (c, hcx_test_wait (&r, 60), &error);
        break;
      case 3:
        ferry_hcx_client_list_networks_async (c, remote, NULL, hcx_test_got_result, &r);
        *out = ferry_hcx_client_list_networks_finish (c, hcx_test_wait (&r, 60), &error);
        break;
      case 4:
        ferry_hcx_client_list_datastores_async (c, remote, NULL, hcx_test_got_result, &r);
        *out = ferry_hcx_client_list_datastores_finish (c, hcx_test_wait (&r, 60), &error);
        break;
      default:
        g_assert_not_reached ();
    }
  g_assert_no_error (error);
  g_assert_nonnull (*out);
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

FerryHcxClient *
hcx_test_world_client (HcxWorld *w)
{
  g_autoptr (GError) error = NULL;
  FerryHcxClient *client = hcx_test_client_new (ferry_sim_thread_get_url (w->sim),
                                                ferry_sim_thread_get_fingerprint (w->sim));

  g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  return client;
}

HcxWorld *
hcx_test_world_new (const FerrySimOptions *opts)
{
  HcxWorld *w = g_new0 (HcxWorld, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sites = NULL;
  g_autoptr (GListModel) local_rc = NULL;
  g_autoptr (GListModel) remote_rc = NULL;
  g_autoptr (GListModel) nets = NULL;
  g_autoptr (GListModel) datastores = NULL;
  g_autoptr (FerrySite) site = NULL;

  w->sim = ferry_test_sim_start (opts);
  w->client = hcx_test_world_client (w);
  world_fetch (w->client, 0, &sites, NULL);
  site = g_list_model_get_item (sites, 0);
  g_assert_nonnull (site);
  w->remote_endpoint = g_strdup (ferry_site_get_endpoint_id (site));
  world_fetch (w->client, 1, &local_rc, NULL);
  world_fetch (w->client, 2, &remote_rc, NULL);
  world_fetch (w->client, 3, &nets, w->remote_endpoint);
  world_fetch (w->client, 4, &datastores, w->remote_endpoint);
  w->source = g_list_model_get_item (local_rc, 0);
  w->destination = g_list_model_get_item (remote_rc, 0);
  g_assert_nonnull (w->source);
  g_assert_nonnull (w->destination);
  for (guint i = 0; i < g_list_model_get_n_items (nets) && w->segment == NULL; i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (nets, i);

      if (g_strcmp0 (ferry_network_get_entity_type (n), "NsxtSegment") == 0)
        w->segment = g_strdup (ferry_network_get_id (n));
    }
  /* The roomiest single datastore: many tests start many migrations. */
  {
    gint64 best = -1;

    for (guint i = 0; i < g_list_model_get_n_items (datastores); i++)
      {
        g_autoptr (FerryDatastore) d = g_list_model_get_item (datastores, i);

        if (!ferry_datastore_get_is_cluster (d) && ferry_datastore_get_free_bytes (d) > best)
          {
            best = ferry_datastore_get_free_bytes (d);
            g_free (w->datastore);
            w->datastore = g_strdup (ferry_datastore_get_id (d));
          }
      }
  }
  g_assert_nonnull (w->segment);
  g_assert_nonnull (w->datastore);
  w->vms = hcx_test_list_vms (w->client, 60, &error);
  g_assert_no_error (error);
  w->clean = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (w->vms); i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (w->vms, i);

      if (vm_is_clean (vm))
        g_ptr_array_add (w->clean, g_steal_pointer (&vm));
    }
  return w;
}

void
hcx_test_world_free (HcxWorld *w)
{
  g_clear_object (&w->client);
  ferry_sim_thread_stop (w->sim);
  g_clear_object (&w->vms);
  g_clear_pointer (&w->clean, g_ptr_array_unref);
  g_clear_object (&w->source);
  g_clear_object (&w->destination);
  g_free (w->remote_endpoint);
  g_free (w->segment);
  g_free (w->datastore);
  g_free (w);
}

GListStore *
hcx_test_world_intents (HcxWorld *w, guint first, guint n)
{
  GListStore *intents = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);

  g_assert_cmpuint (first + n, <=, w->clean->len);
  for (guint k = first; k < first + n; k++)
    {
      FerryVm *vm = g_ptr_array_index (w->clean, k);
      g_autoptr (FerryMigrationIntent) intent = ferry_migration_intent_new ();

      ferry_migration_intent_set_migration_type (intent, FERRY_MIGRATION_TYPE_BULK);
      ferry_migration_intent_set_entity_id (intent, ferry_vm_get_id (vm));
      ferry_migration_intent_set_entity_name (intent, ferry_vm_get_name (vm));
      ferry_migration_intent_set_source (intent, w->source);
      ferry_migration_intent_set_destination (intent, w->destination);
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
      g_list_store_append (intents, intent);
    }
  return intents;
}

FerryValidationResult *
hcx_test_start (FerryHcxClient *client, GListModel *intents, guint seconds, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_start_async (client, intents, NULL, hcx_test_got_result, &r);
  return ferry_hcx_client_start_finish (client, hcx_test_wait (&r, seconds), error);
}

FerryMobilityGroup *
hcx_test_create_group (FerryHcxClient *client, const char *name, GListModel *intents, guint seconds,
                       GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_create_mobility_group_async (client, name, intents, NULL, hcx_test_got_result,
                                                &r);
  return ferry_hcx_client_create_mobility_group_finish (client, hcx_test_wait (&r, seconds), error);
}

GListModel *
hcx_test_query (FerryHcxClient *client, const char *const *group_ids, guint seconds, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_query_migrations_async (client, NULL, group_ids, NULL, NULL, hcx_test_got_result,
                                           &r);
  return ferry_hcx_client_query_migrations_finish (client, hcx_test_wait (&r, seconds), error);
}

GListModel *
hcx_test_list_vms (FerryHcxClient *client, guint seconds, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_list_vms_async (client, NULL, NULL, NULL, NULL, NULL, hcx_test_got_result, &r);
  return ferry_hcx_client_list_vms_finish (client, hcx_test_wait (&r, seconds), error);
}
