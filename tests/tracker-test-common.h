/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tracker-test-common.h: a simulator, a logged-in client and waves of migrations started
 * through FerryHcxClient, shared by test-tracker, test-dashboard and bench-tracker. */
#pragma once

#include <string.h>

#include "ferry-hcx-client.h"
#include "ferry-migration-tracker.h"
#include "ferry-test-sim.h"

#define TT_USER "cloudadmin@vsphere.local"
#define TT_PASSWORD "VMware1!"
#define TT_QUERY_PATH "/hybridity/api/migrations"

typedef struct
{
  FerrySimThread *sim;
  FerryHcxClient *client;
  GListModel *vms;
  FerryResourceContainer *source;
  FerryResourceContainer *destination;
  char *segment;
  GPtrArray *datastores; /* FerryDatastore, not clusters */
  GArray *free_bytes;    /* gint64 per datastore, minus what this run started */
  guint next_vm;
} TtWorld;

static void
tt_got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static G_GNUC_UNUSED GAsyncResult *
tt_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static G_GNUC_UNUSED void
tt_ctl (TtWorld *w, const char *method, const char *path, const char *body)
{
  JsonNode *r = ferry_test_sim_control (w->sim, method, path, body);

  if (r != NULL)
    json_node_unref (r);
}

/* The simulator's clock, in µs (as g_get_real_time()). */
static G_GNUC_UNUSED gint64
tt_sim_clock (TtWorld *w)
{
  g_autoptr (JsonNode) r = ferry_test_sim_control (w->sim, "GET", "/__sim/clock", NULL);

  return json_object_get_int_member (json_node_get_object (r), "clock") * 1000;
}

static G_GNUC_UNUSED void
tt_advance (TtWorld *w, guint seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advanceSeconds\":%u}", seconds);

  tt_ctl (w, "POST", "/__sim/clock", body);
}

static G_GNUC_UNUSED gint64
tt_requests (TtWorld *w, const char *path)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (w->sim, "GET", "/__sim/state", NULL);
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");

  if (!json_object_has_member (requests, path))
    return 0;
  return json_object_get_int_member (requests, path);
}

static GListModel *
tt_list (TtWorld *w, int what, const char *endpoint)
{
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *model = NULL;

  switch (what)
    {
      case 0:
        ferry_hcx_client_list_resource_containers_async (w->client, FALSE, NULL, tt_got_result, &r);
        model = ferry_hcx_client_list_resource_containers_finish (w->client, tt_wait (&r), &error);
        break;
      case 1:
        ferry_hcx_client_list_resource_containers_async (w->client, TRUE, NULL, tt_got_result, &r);
        model = ferry_hcx_client_list_resource_containers_finish (w->client, tt_wait (&r), &error);
        break;
      case 2:
        ferry_hcx_client_list_networks_async (w->client, endpoint, NULL, tt_got_result, &r);
        model = ferry_hcx_client_list_networks_finish (w->client, tt_wait (&r), &error);
        break;
      case 3:
        ferry_hcx_client_list_datastores_async (w->client, endpoint, NULL, tt_got_result, &r);
        model = ferry_hcx_client_list_datastores_finish (w->client, tt_wait (&r), &error);
        break;
      case 4:
        ferry_hcx_client_list_sites_async (w->client, NULL, tt_got_result, &r);
        model = ferry_hcx_client_list_sites_finish (w->client, tt_wait (&r), &error);
        break;
      default:
        ferry_hcx_client_list_vms_async (w->client, NULL, NULL, NULL, NULL, NULL, tt_got_result,
                                         &r);
        model = ferry_hcx_client_list_vms_finish (w->client, tt_wait (&r), &error);
        break;
    }
  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

/* Logs in to @url (trusting @fingerprint) and loads what starting migrations needs. */
static G_GNUC_UNUSED TtWorld *
tt_world_connect (FerrySimThread *sim, const char *url, const char *fingerprint)
{
  TtWorld *w = g_new0 (TtWorld, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GListModel) sites = NULL;
  g_autoptr (FerrySite) site = NULL;
  g_autoptr (GListModel) local_rc = NULL;
  g_autoptr (GListModel) remote_rc = NULL;
  g_autoptr (GListModel) nets = NULL;
  g_autoptr (GListModel) datastores = NULL;
  const char *remote;

  w->sim = sim;
  w->client = ferry_hcx_client_new (url, &error);
  g_assert_no_error (error);
  ferry_hcx_client_set_pinned_fingerprint (w->client, fingerprint);
  ferry_hcx_client_login_async (w->client, TT_USER, TT_PASSWORD, NULL, tt_got_result, &r);
  g_assert_true (ferry_hcx_client_login_finish (w->client, tt_wait (&r), &error));
  g_assert_no_error (error);

  sites = tt_list (w, 4, NULL);
  site = g_list_model_get_item (sites, 0);
  remote = ferry_site_get_endpoint_id (site);
  local_rc = tt_list (w, 0, NULL);
  remote_rc = tt_list (w, 1, NULL);
  nets = tt_list (w, 2, remote);
  datastores = tt_list (w, 3, remote);
  w->vms = tt_list (w, 5, NULL);
  w->source = g_list_model_get_item (local_rc, 0);
  w->destination = g_list_model_get_item (remote_rc, 0);
  for (guint i = 0; i < g_list_model_get_n_items (nets) && w->segment == NULL; i++)
    {
      g_autoptr (FerryNetwork) n = g_list_model_get_item (nets, i);

      if (g_strcmp0 (ferry_network_get_entity_type (n), "NsxtSegment") == 0)
        w->segment = g_strdup (ferry_network_get_id (n));
    }
  w->datastores = g_ptr_array_new_with_free_func (g_object_unref);
  w->free_bytes = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (datastores); i++)
    {
      FerryDatastore *d = g_list_model_get_item (datastores, i);
      gint64 free_bytes = ferry_datastore_get_free_bytes (d) - ((gint64)50 << 30);

      if (ferry_datastore_get_is_cluster (d))
        {
          g_object_unref (d);
          continue;
        }
      g_ptr_array_add (w->datastores, d);
      g_array_append_val (w->free_bytes, free_bytes);
    }
  g_assert_nonnull (w->segment);
  g_assert_cmpuint (w->datastores->len, >, 0);
  return w;
}

static G_GNUC_UNUSED TtWorld *
tt_world_new (const FerrySimOptions *opts)
{
  FerrySimThread *sim = ferry_test_sim_start (opts);

  return tt_world_connect (sim, ferry_sim_thread_get_url (sim),
                           ferry_sim_thread_get_fingerprint (sim));
}

static G_GNUC_UNUSED void
tt_world_free (TtWorld *w)
{
  g_clear_object (&w->vms);
  g_clear_object (&w->source);
  g_clear_object (&w->destination);
  g_ptr_array_unref (w->datastores);
  g_array_unref (w->free_bytes);
  g_free (w->segment);
  g_clear_object (&w->client);
  if (w->sim != NULL)
    ferry_sim_thread_stop (w->sim);
  g_free (w);
}

/* The benchmark takes any powered-on VM (Bulk allows snapshots and stopped Tools, with
 * warnings); the tests only VMs that validate without a warning. */
static gboolean tt_relaxed = FALSE;

static gboolean
tt_vm_is_clean (FerryVm *vm, gint64 max_disk)
{
  if (tt_relaxed)
    return ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON && ferry_vm_get_disk_bytes (vm) > 0
           && ferry_vm_get_disk_bytes (vm) <= max_disk;
  return ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON
         && ferry_vm_get_snapshot_count (vm) == 0
         && ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_NO
         && ferry_vm_get_hardware_version_number (vm) >= 9
         && g_strcmp0 (ferry_vm_get_tools_status (vm), "toolsOk") == 0
         && ferry_vm_get_disk_bytes (vm) > 0 && ferry_vm_get_disk_bytes (vm) <= max_disk;
}

static FerryMigrationIntent *
tt_intent (TtWorld *w, FerryVm *vm, const char *datastore)
{
  FerryMigrationIntent *intent = ferry_migration_intent_new ();

  ferry_migration_intent_set_migration_type (intent, FERRY_MIGRATION_TYPE_BULK);
  ferry_migration_intent_set_entity_id (intent, ferry_vm_get_id (vm));
  ferry_migration_intent_set_entity_name (intent, ferry_vm_get_name (vm));
  ferry_migration_intent_set_source (intent, w->source);
  ferry_migration_intent_set_destination (intent, w->destination);
  ferry_migration_intent_set_retain_mac (intent, TRUE);
  ferry_migration_intent_set_placement (intent, "cluster", "domain-c8", "Cluster-1");
  ferry_migration_intent_set_placement (intent, "resourcePool", "resgroup-9",
                                        "Compute-ResourcePool");
  ferry_migration_intent_set_placement (intent, "folder", "group-v10", "Workloads");
  ferry_migration_intent_set_datastore_id (intent, datastore);
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

/* Starts Bulk migrations of @n clean VMs (disks up to @max_disk bytes; each VM once per world)
 * as one group, with a switchover window starting @window_s seconds after the sim's clock
 * (0 = none). Fills @entity_ids (optional) with the VMs' ids. Returns the group id. */
static G_GNUC_UNUSED char *
tt_start_wave (TtWorld *w, guint n, gint64 max_disk, guint window_s, GPtrArray *entity_ids)
{
  g_autoptr (GListStore) intents = g_list_store_new (FERRY_TYPE_MIGRATION_INTENT);
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) result = NULL;
  guint n_vms = g_list_model_get_n_items (w->vms);
  gint64 start_ms = window_s > 0 ? tt_sim_clock (w) / 1000 + (gint64)window_s * 1000 : 0;

  while (g_list_model_get_n_items (G_LIST_MODEL (intents)) < n)
    {
      g_autoptr (FerryVm) vm = NULL;
      g_autoptr (FerryMigrationIntent) intent = NULL;
      gint64 disk;
      guint ds;

      g_assert_cmpuint (w->next_vm, <, n_vms); /* enough clean VMs in the inventory */
      vm = g_list_model_get_item (w->vms, w->next_vm++);
      if (!tt_vm_is_clean (vm, max_disk))
        continue;
      disk = ferry_vm_get_disk_bytes (vm);
      for (ds = 0; ds < w->datastores->len; ds++)
        if (g_array_index (w->free_bytes, gint64, ds) > disk)
          break;
      if (ds == w->datastores->len)
        continue;
      g_array_index (w->free_bytes, gint64, ds) -= disk;
      intent = tt_intent (w, vm, ferry_datastore_get_id (w->datastores->pdata[ds]));
      if (start_ms > 0)
        {
          ferry_migration_intent_set_switchover_start (intent, start_ms);
          ferry_migration_intent_set_switchover_expiry (intent, start_ms + 4 * 3600 * 1000);
        }
      g_list_store_append (intents, intent);
      if (entity_ids != NULL)
        g_ptr_array_add (entity_ids, g_strdup (ferry_vm_get_id (vm)));
    }
  ferry_hcx_client_start_async (w->client, G_LIST_MODEL (intents), NULL, tt_got_result, &r);
  result = ferry_hcx_client_start_finish (w->client, tt_wait (&r), &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  if (ferry_validation_result_has_errors (result))
    {
      g_autoptr (FerryValidationItem) item
          = g_list_model_get_item (ferry_validation_result_get_items (result), 0);

      g_error ("start failed: %s", item != NULL && ferry_validation_item_get_errors (item) != NULL
                                       ? ferry_validation_item_get_errors (item)[0]
                                       : "?");
    }
  return g_strdup (ferry_validation_result_get_migration_group_id (result));
}

/* Runs the main loop until the tracker's next poll finished; returns whether it was good. */
typedef struct
{
  gboolean done;
  gboolean ok;
} TtPoll;

static void
tt_on_poll_finished (FerryMigrationTracker *tracker, gboolean ok, gpointer user_data)
{
  TtPoll *p = user_data;

  p->done = TRUE;
  p->ok = ok;
}

static G_GNUC_UNUSED gboolean
tt_next_poll (FerryMigrationTracker *tracker)
{
  TtPoll p = { 0 };
  gulong id = g_signal_connect (tracker, "poll-finished", G_CALLBACK (tt_on_poll_finished), &p);

  while (!p.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (tracker, id);
  return p.ok;
}

/* refresh() (or an ordinary poll) and wait for that poll. */
static gboolean
tt_poll_full (FerryMigrationTracker *tracker, gboolean refresh)
{
  TtPoll p = { 0 };
  gulong id;

  while (ferry_migration_tracker_get_polling (tracker))
    g_main_context_iteration (NULL, TRUE);
  id = g_signal_connect (tracker, "poll-finished", G_CALLBACK (tt_on_poll_finished), &p);
  if (refresh)
    ferry_migration_tracker_refresh (tracker);
  else
    _ferry_migration_tracker_poll (tracker);
  if (!ferry_migration_tracker_get_polling (tracker))
    {
      /* Nothing to ask for: no request was sent. */
      g_signal_handler_disconnect (tracker, id);
      return TRUE;
    }
  while (!p.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (tracker, id);
  return p.ok;
}

static G_GNUC_UNUSED gboolean
tt_refresh (FerryMigrationTracker *tracker)
{
  return tt_poll_full (tracker, TRUE);
}

static G_GNUC_UNUSED gboolean
tt_poll (FerryMigrationTracker *tracker)
{
  return tt_poll_full (tracker, FALSE);
}
