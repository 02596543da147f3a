/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-server-api.c: the HCX Manager API calls the server answers itself: sessions,
 * sites, inventory and interconnect (the mobility calls go to the engine). */

#include "ferry-sim-server-private.h"

#include "ferry-sim-json.h"

#include <string.h>

/* ---- sessions --------------------------------------------------------------------------- */

void
ferry_sim_server_handle_login (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *o = ferry_sim_root_object (body);
  const char *username = ferry_sim_json_string (o, "username");
  const char *password = ferry_sim_json_string (o, "password");
  const char *expected = username != NULL ? g_hash_table_lookup (self->users, username) : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  Session *s;
  char token[33];
  guint i;

  if (expected == NULL || g_strcmp0 (expected, password) != 0)
    {
      ferry_sim_respond_unauthorized (r);
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

  ferry_sim_envelope_begin (self, b);
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
  ferry_sim_envelope_end (b);
  ferry_sim_respond_builder (r, 200, b);
}

Session *
ferry_sim_server_check_session (FerrySimServer *self, SoupServerMessage *msg)
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

void
ferry_sim_server_handle_cloud_configs (FerrySimServer *self, Response *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  FerrySimSite *d = &self->world->destination;

  ferry_sim_envelope_begin (self, b);
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
  ferry_sim_envelope_end (b);
  ferry_sim_respond_builder (r, 200, b);
}

void
ferry_sim_server_handle_resource_containers (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *filter = ferry_sim_json_object (ferry_sim_root_object (body), "filter");
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
          FerrySimSite *s = ferry_sim_server_site_for_filter (self, filter);

          want_local = s == &self->world->source;
          want_remote = s == &self->world->destination;
        }
    }

  ferry_sim_envelope_begin (self, b);
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
      ferry_sim_add_site_ref (b, s);
      ferry_sim_json_add_string (b, "endpointId", s->endpoint_id);
      ferry_sim_json_add_string (b, "endpointName", s->name);
      ferry_sim_json_add_string (b, "endpointType", "VC");
      ferry_sim_json_add_bool (b, "isLocal", s->is_local);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  ferry_sim_envelope_end (b);
  ferry_sim_respond_builder (r, 200, b);
}

/* ---- inventory -------------------------------------------------------------------------- */

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* World indices of the VMs that left the source (their migration completed), ascending. */
static GArray *
departed (FerrySimWorld *w, GPtrArray *arrived)
{
  GArray *gone = g_array_sized_new (FALSE, FALSE, sizeof (guint), arrived->len);
  guint i;

  for (i = 0; i < arrived->len; i++)
    {
      guint idx = ferry_sim_world_vm_index (w, g_ptr_array_index (arrived, i));

      g_array_append_val (gone, idx);
    }
  g_array_sort (gone, compare_uint);
  return gone;
}

void
ferry_sim_server_handle_vms (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *root = ferry_sim_root_object (body);
  JsonObject *filter = ferry_sim_json_object (root, "filter");
  JsonObject *paging = ferry_sim_json_object (root, "paging");
  FerrySimSite *site = ferry_sim_server_site_for_filter (self, filter);
  /* Either name; if both are sent, the larger wins (a stale zero never loops a client). */
  gint64 skip
      = MAX (ferry_sim_json_int (paging, "skipCount", 0), ferry_sim_json_int (paging, "offset", 0));
  gint64 page_size = ferry_sim_json_int (paging, "pageSize", 1000);
  /* The destination lists the VMs whose migration completed; the source, the others. */
  GPtrArray *done = ferry_sim_engine_get_arrived (self->engine);
  GPtrArray *arrived = site == &self->world->destination ? done : NULL;
  g_autoptr (GArray) gone = site == &self->world->source ? departed (self->world, done) : NULL;
  guint total = site == &self->world->source ? self->world->n_vms - gone->len
                : arrived != NULL            ? arrived->len
                                             : 0;
  guint from, to, i, idx = 0, j = 0;
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
  /* The from-th VM still at the source: step over each departed index at or before it. */
  if (gone != NULL)
    for (idx = from; j < gone->len && g_array_index (gone, guint, j) <= idx; j++)
      idx++;
  for (i = from; i < to; i++)
    {
      const FerrySimVm *vm;
      FerrySimVmView view;

      if (arrived != NULL)
        {
          vm = g_ptr_array_index (arrived, i);
          ferry_sim_engine_arrived_view (self->engine, i, &view);
        }
      else
        {
          while (j < gone->len && g_array_index (gone, guint, j) == idx)
            {
              idx++;
              j++;
            }
          vm = &self->world->vms[idx++];
        }
      if (i > from)
        g_string_append_c (out, ',');
      ferry_sim_world_write_vm (self->world, vm, arrived != NULL ? &view : NULL, out);
    }
  g_string_append_printf (out, "],\"paging\":{\"skipCount\":%u,\"pageSize\":%" G_GINT64_FORMAT,
                          from, page_size);
  /* Real managers leave the total out. */
  if (!ferry_sim_engine_get_real_omissions (self->engine))
    g_string_append_printf (out, ",\"totalSize\":%u", total);
  g_string_append (out, "}},\"errors\":[]}");
  ferry_sim_respond_gstring (r, 200, out);
}

void
ferry_sim_server_handle_networks (FerrySimServer *self, JsonNode *body, Response *r)
{
  FerrySimSite *site = ferry_sim_server_site_for_filter (
      self, ferry_sim_json_object (ferry_sim_root_object (body), "filter"));
  GPtrArray *nets = site == &self->world->source        ? self->world->src_networks
                    : site == &self->world->destination ? self->world->dst_networks
                                                        : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  ferry_sim_envelope_begin (self, b);
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
  ferry_sim_envelope_end (b);
  ferry_sim_respond_builder (r, 200, b);
}

void
ferry_sim_server_handle_containers (FerrySimServer *self, JsonNode *body, Response *r)
{
  JsonObject *filter = ferry_sim_json_object (ferry_sim_root_object (body), "filter");
  JsonArray *wanted = ferry_sim_json_array (filter, "entityType");
  FerrySimSite *site = ferry_sim_server_site_for_filter (self, filter);
  GPtrArray *list = site == &self->world->source        ? self->world->src_containers
                    : site == &self->world->destination ? self->world->dst_containers
                                                        : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  ferry_sim_envelope_begin (self, b);
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
  ferry_sim_envelope_end (b);
  ferry_sim_respond_builder (r, 200, b);
}

void
ferry_sim_server_handle_datastores (FerrySimServer *self, JsonNode *body, Response *r)
{
  FerrySimSite *site = ferry_sim_server_site_for_filter (
      self, ferry_sim_json_object (ferry_sim_root_object (body), "filter"));
  gboolean remote = site == &self->world->destination;
  GPtrArray *list = remote                         ? self->world->dst_datastores
                    : site == &self->world->source ? self->world->src_datastores
                                                   : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  ferry_sim_envelope_begin (self, b);
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
  ferry_sim_envelope_end (b);
  ferry_sim_respond_builder (r, 200, b);
}

void
ferry_sim_server_handle_storage_profiles (FerrySimServer *self, Response *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  ferry_sim_envelope_begin (self, b);
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
  ferry_sim_envelope_end (b);
  ferry_sim_respond_builder (r, 200, b);
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

void
ferry_sim_server_handle_compute_profiles (FerrySimServer *self, GHashTable *query, Response *r)
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
  ferry_sim_respond_builder (r, 200, b);
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

void
ferry_sim_server_handle_service_mesh (FerrySimServer *self, Response *r)
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
  ferry_sim_respond_builder (r, 200, b);
}
