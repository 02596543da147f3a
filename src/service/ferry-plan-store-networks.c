/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store-networks.c: saving and reading the plan's network mapping */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-network-map-offline.h"
#include "ferry-plan-store-networks-private.h"
#include "ferry-plan-store.h"

/* ---- Writing ---- */

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_network (JsonBuilder *b, FerryNetwork *net)
{
  json_builder_set_member_name (b, "target");
  json_builder_begin_object (b);
  add_string (b, "id", ferry_network_get_id (net));
  add_string (b, "name", ferry_network_get_name (net));
  add_string (b, "entityType", ferry_network_get_entity_type (net));
  add_string (b, "networkType", ferry_network_get_network_type (net));
  json_builder_set_member_name (b, "extended");
  json_builder_add_boolean_value (b, ferry_network_get_extended (net));
  json_builder_set_member_name (b, "vlanId");
  json_builder_add_int_value (b, ferry_network_get_vlan_id (net));
  json_builder_end_object (b);
}

static void
add_rule (const char *source_id, FerryNetwork *target, gpointer data)
{
  JsonBuilder *b = data;

  json_builder_begin_object (b);
  add_string (b, "source", source_id);
  add_network (b, target);
  json_builder_end_object (b);
}

static void
add_exception (const char *vm_id, const char *nic_key, FerryNetwork *target, gpointer data)
{
  JsonBuilder *b = data;

  json_builder_begin_object (b);
  add_string (b, "vm", vm_id);
  add_string (b, "nic", nic_key);
  add_network (b, target);
  json_builder_end_object (b);
}

/* The destination networks typed in or imported offline (only when there are any). */
static void
add_destinations (JsonBuilder *b, GListModel *offline)
{
  guint n = g_list_model_get_n_items (offline);

  if (n == 0)
    return;
  json_builder_set_member_name (b, "destinations");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryNetwork) net = g_list_model_get_item (offline, i);

      json_builder_begin_object (b);
      add_string (b, "name", ferry_network_get_name (net));
      add_string (b, "networkType", ferry_network_get_network_type (net));
      json_builder_set_member_name (b, "vlanId");
      json_builder_add_int_value (b, ferry_network_get_vlan_id (net));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

void
_ferry_plan_store_add_networks (JsonBuilder *b, FerryPlan *plan)
{
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);

  json_builder_set_member_name (b, "networks");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  ferry_network_map_foreach_rule (map, add_rule, b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "exceptions");
  json_builder_begin_array (b);
  ferry_network_map_foreach_exception (map, add_exception, b);
  json_builder_end_array (b);
  add_destinations (b, ferry_network_map_get_offline_destinations (map));
  json_builder_end_object (b);
}

/* ---- Reading ---- */

typedef struct
{
  char *source_id; /* a rule's; NULL for an exception */
  char *vm_id;     /* an exception's */
  char *nic_key;
  FerryNetwork *target;
} Entry;

struct _FerryPlanStoreNetworks
{
  GArray *entries;         /* Entry */
  GPtrArray *destinations; /* FerryNetwork: offline destinations */
};

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->source_id);
  g_free (e->vm_id);
  g_free (e->nic_key);
  g_clear_object (&e->target);
}

void
_ferry_plan_store_networks_free (FerryPlanStoreNetworks *networks)
{
  if (networks == NULL)
    return;
  g_array_unref (networks->entries);
  g_ptr_array_unref (networks->destinations);
  g_free (networks);
}

static gboolean
damaged (GError **error, const char *what)
{
  g_set_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_CORRUPT,
               _ ("The plan file is damaged (its network mappings: %s). Nothing was changed."),
               what);
  return FALSE;
}

/* A string member, or NULL when absent or null; FALSE when present with another type. */
static gboolean
read_string (JsonObject *o, const char *member, const char **out, GError **error)
{
  JsonNode *n = json_object_get_member (o, member);

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_autofree char *what = g_strdup_printf (_ ("“%s” is not text"), member);

      return damaged (error, what);
    }
  *out = json_node_get_string (n);
  return TRUE;
}

static FerryNetwork *
read_target (JsonObject *o, GError **error)
{
  JsonNode *n = json_object_get_member (o, "target");
  g_autoptr (FerryNetwork) net = NULL;
  const char *id, *name, *entity_type, *network_type;
  JsonObject *t;
  JsonNode *m;

  if (n == NULL || !JSON_NODE_HOLDS_OBJECT (n))
    {
      damaged (error, _ ("a mapping has no target network"));
      return NULL;
    }
  t = json_node_get_object (n);
  if (!read_string (t, "id", &id, error) || !read_string (t, "name", &name, error)
      || !read_string (t, "entityType", &entity_type, error)
      || !read_string (t, "networkType", &network_type, error))
    return NULL;
  if (id == NULL || id[0] == '\0')
    {
      damaged (error, _ ("a target network has no id"));
      return NULL;
    }
  net = ferry_network_new ();
  ferry_network_set_id (net, id);
  ferry_network_set_name (net, name);
  ferry_network_set_entity_type (net, entity_type);
  ferry_network_set_network_type (net, network_type);
  m = json_object_get_member (t, "extended");
  if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_BOOLEAN)
    ferry_network_set_extended (net, json_node_get_boolean (m));
  m = json_object_get_member (t, "vlanId");
  if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_INT64
      && json_node_get_int (m) >= 1 && json_node_get_int (m) <= 4094)
    ferry_network_set_vlan_id (net, (guint)json_node_get_int (m));
  return g_steal_pointer (&net);
}

static JsonArray *
read_list (JsonObject *o, const char *member, GError **error)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      g_autofree char *what = g_strdup_printf (_ ("“%s” is not a list"), member);

      damaged (error, what);
      return NULL;
    }
  return json_node_get_array (n);
}

static gboolean
read_entries (JsonArray *list, gboolean rules, GArray *out, GError **error)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *n = json_array_get_element (list, i);
      JsonObject *o;
      Entry e = { 0 };
      const char *a = NULL, *b = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return damaged (error, _ ("a mapping is not an object"));
      o = json_node_get_object (n);
      if (rules)
        {
          if (!read_string (o, "source", &a, error))
            return FALSE;
          if (a == NULL || a[0] == '\0')
            return damaged (error, _ ("a rule has no source network"));
        }
      else
        {
          if (!read_string (o, "vm", &a, error) || !read_string (o, "nic", &b, error))
            return FALSE;
          if (a == NULL || a[0] == '\0' || b == NULL || b[0] == '\0')
            return damaged (error, _ ("an exception does not name its VM and network adapter"));
        }
      e.target = read_target (o, error);
      if (e.target == NULL)
        return FALSE;
      if (rules)
        e.source_id = g_strdup (a);
      else
        {
          e.vm_id = g_strdup (a);
          e.nic_key = g_strdup (b);
        }
      g_array_append_val (out, e);
    }
  return TRUE;
}

/* "destinations": [{ "name", "networkType", "vlanId" }], optional. */
static gboolean
read_destinations (JsonArray *list, GPtrArray *out, GError **error)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *n = json_array_get_element (list, i);
      const char *name, *type;
      JsonObject *o;
      JsonNode *m;
      guint vlan = 0;
      FerryNetwork *net;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return damaged (error, _ ("a destination network is not an object"));
      o = json_node_get_object (n);
      if (!read_string (o, "name", &name, error) || !read_string (o, "networkType", &type, error))
        return FALSE;
      m = json_object_get_member (o, "vlanId");
      if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_INT64
          && json_node_get_int (m) >= 1 && json_node_get_int (m) <= 4094)
        vlan = (guint)json_node_get_int (m);
      net = ferry_network_offline_new (name, type, vlan);
      if (net == NULL)
        return damaged (error, _ ("a destination network has no name"));
      g_ptr_array_add (out, net);
    }
  return TRUE;
}

FerryPlanStoreNetworks *
_ferry_plan_store_read_networks (JsonObject *o, GError **error)
{
  g_autoptr (FerryPlanStoreNetworks) networks = g_new0 (FerryPlanStoreNetworks, 1);
  JsonNode *n = json_object_get_member (o, "networks");
  JsonObject *section;
  JsonArray *rules, *exceptions, *destinations = NULL;
  GError *local = NULL;

  networks->destinations = g_ptr_array_new_with_free_func (g_object_unref);
  networks->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (networks->entries, entry_clear);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_steal_pointer (&networks);
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      damaged (error, _ ("“networks” is not an object"));
      return NULL;
    }
  section = json_node_get_object (n);
  rules = read_list (section, "rules", &local);
  if (local == NULL)
    exceptions = read_list (section, "exceptions", &local);
  if (local == NULL)
    destinations = read_list (section, "destinations", &local);
  if (local == NULL && read_entries (rules, TRUE, networks->entries, &local)
      && read_entries (exceptions, FALSE, networks->entries, &local))
    read_destinations (destinations, networks->destinations, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&networks);
}

void
_ferry_plan_store_apply_networks (FerryPlanStoreNetworks *networks, FerryPlan *plan)
{
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);

  /* The offline destinations first: the rules to them bind to the same objects. */
  if (networks->destinations->len > 0)
    ferry_network_map_add_offline_destinations (
        map, (FerryNetwork *const *)networks->destinations->pdata, networks->destinations->len);
  for (guint i = 0; i < networks->entries->len; i++)
    {
      Entry *e = &g_array_index (networks->entries, Entry, i);
      /* The same destination network in several entries is one object in the plan. */
      FerryNetwork *known
          = ferry_network_map_lookup_destination (map, ferry_network_get_id (e->target));
      FerryNetwork *target = known != NULL ? known : e->target;

      if (e->source_id != NULL)
        ferry_network_map_restore_rule (map, e->source_id, target);
      else
        ferry_network_map_restore_exception (map, e->vm_id, e->nic_key, target);
    }
  ferry_network_map_clear_history (map);
}
