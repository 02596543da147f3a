/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-binding.c: the value types each request body must have (hcx-api.md §4, §6–§8), as
 * a strict server's JSON binding enforces them. Absent members and nulls are left to the
 * endpoint; only a present value of the wrong type is refused here. */

#include "ferry-sim-binding.h"

#include <string.h>

typedef enum
{
  K_NUMBER,
  K_BOOL,
  K_STRING,
  K_OBJECT,
  K_ARRAY,
} Kind;

typedef struct
{
  const char *path; /* "a.b[].c": members, "[]" = every element of an array */
  Kind kind;
} Rule;

static const char *kind_names[] = { "a number", "a boolean", "a string", "an object", "a list" };

#define OPTION(name)                                                                               \
  {                                                                                                \
    "switchoverParams.options." name, K_BOOL                                                       \
  }

/* One migration intent (§6), relative to the intent. */
static const Rule intent_rules[] = {
  { "", K_OBJECT },
  { "migrationType", K_STRING },
  { "desiredMigrationGroupId", K_STRING },
  { "migrationGroupId", K_STRING },
  { "entity", K_OBJECT },
  { "entity.entityId", K_STRING },
  { "entity.entityType", K_STRING },
  { "entity.entityName", K_STRING },
  { "source", K_OBJECT },
  { "source.endpointId", K_STRING },
  { "source.resourceId", K_STRING },
  { "destination", K_OBJECT },
  { "destination.endpointId", K_STRING },
  { "destination.resourceId", K_STRING },
  { "transferParams", K_OBJECT },
  { "transferParams.transferType", K_STRING },
  { "transferParams.longRecovery", K_BOOL },
  { "transferParams.schedule", K_OBJECT },
  { "transferParams.schedule.startTime", K_NUMBER },
  { "transferParams.schedule.expiryTime", K_NUMBER },
  { "switchoverParams", K_OBJECT },
  { "switchoverParams.switchoverType", K_STRING },
  { "switchoverParams.schedule", K_OBJECT },
  { "switchoverParams.schedule.startTime", K_NUMBER },
  { "switchoverParams.schedule.expiryTime", K_NUMBER },
  { "switchoverParams.options", K_OBJECT },
  OPTION ("retainMac"),
  OPTION ("forcePowerOffVm"),
  OPTION ("upgradeHardware"),
  OPTION ("upgradeVMTools"),
  OPTION ("removeISOs"),
  OPTION ("removeSnapshots"),
  OPTION ("removeCbt"),
  OPTION ("retainTags"),
  OPTION ("replicateSecurityTags"),
  OPTION ("updateCustomAttributes"),
  { "placement", K_ARRAY },
  { "placement[]", K_OBJECT },
  { "placement[].type", K_STRING },
  { "placement[].id", K_STRING },
  { "placement[].name", K_STRING },
  { "storage", K_OBJECT },
  { "storage.defaultStorage", K_OBJECT },
  { "storage.defaultStorage.id", K_STRING },
  { "storage.defaultStorage.diskProvisionType", K_STRING },
  { "networkParams", K_OBJECT },
  { "networkParams.networkMappings", K_ARRAY },
  { "networkParams.networkMappings[]", K_OBJECT },
  { "networkParams.networkMappings[].srcNetworkId", K_STRING },
  { "networkParams.networkMappings[].destNetworkId", K_STRING },
  { "networkParams.networkMappings[].macAddress", K_STRING },
  { "networkParams.networkMappings[].isPrimaryNic", K_BOOL },
  { "networkParams.networkMappings[].connected", K_BOOL },
};

static const Rule paging_rules[] = {
  { "paging", K_OBJECT },
  { "paging.pageSize", K_NUMBER },
  { "paging.offset", K_NUMBER },
  { "paging.skipCount", K_NUMBER },
};

static const Rule inventory_rules[] = {
  { "filter", K_OBJECT },
  { "filter.cloud", K_OBJECT },
  { "filter.cloud.local", K_BOOL },
  { "filter.cloud.remote", K_BOOL },
  { "filter.cloud.endpointId", K_STRING },
  { "filter.endpointId", K_STRING },
  { "filter.entityType", K_ARRAY },
  { "filter.entityType[]", K_STRING },
};

static const Rule query_rules[] = {
  { "filter", K_OBJECT },
  { "filter.migrationId", K_ARRAY },
  { "filter.migrationId[]", K_STRING },
  { "filter.migrationGroupId", K_ARRAY },
  { "filter.migrationGroupId[]", K_STRING },
  { "filter.state", K_ARRAY },
  { "filter.state[]", K_STRING },
  { "filter.entityId", K_ARRAY },
  { "filter.entityId[]", K_STRING },
  { "filter.skipDrafts", K_BOOL },
  { "filter.includeArchived", K_BOOL },
  { "options", K_OBJECT },
};

static const Rule items_rules[] = {
  { "items", K_ARRAY },
};

static const Rule cancel_rules[] = {
  { "items[]", K_OBJECT },
  { "items[].migrationId", K_STRING },
  { "items[].migrationGroupId", K_STRING },
  { "removeLongRecoveryData", K_BOOL },
};

static const Rule groups_rules[] = {
  { "items[]", K_OBJECT },
  { "items[].name", K_STRING },
  { "items[].desiredMigrationGroupId", K_STRING },
  { "items[].groupDefaults", K_OBJECT },
  { "items[].migrations", K_ARRAY },
};

static const Rule group_start_rules[] = {
  { "items[]", K_OBJECT },
  { "items[].migrationGroupId", K_STRING },
};

static const Rule schedule_rules[] = {
  { "mobilityGroupDefaults", K_OBJECT },
  { "mobilityGroupDefaults.switchover", K_OBJECT },
  { "mobilityGroupDefaults.switchover.startTime", K_NUMBER },
  { "mobilityGroupDefaults.switchover.expiryTime", K_NUMBER },
  { "mobilityGroupDefaults.switchover.clearSchedule", K_BOOL },
};

static const char *
type_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "a list";
  switch (json_node_get_value_type (node))
    {
      case G_TYPE_STRING:
        return "a string";
      case G_TYPE_BOOLEAN:
        return "a boolean";
      default:
        return "a number";
    }
}

static gboolean
is_kind (JsonNode *node, Kind kind)
{
  GType t;

  if (kind == K_OBJECT)
    return JSON_NODE_HOLDS_OBJECT (node);
  if (kind == K_ARRAY)
    return JSON_NODE_HOLDS_ARRAY (node);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  if (kind == K_NUMBER)
    return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
  if (kind == K_BOOL)
    return t == G_TYPE_BOOLEAN;
  return t == G_TYPE_STRING;
}

/* Walks parts from node; where is the path so far ("items[0].placement"). */
static gboolean
walk (JsonNode *node, char **parts, Kind kind, GString *where, GError **error)
{
  gsize len = where->len;
  g_autofree char *name = NULL;
  gboolean each;
  JsonObject *o;
  JsonNode *member;
  guint i;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (*parts == NULL || **parts == '\0')
    {
      if (is_kind (node, kind))
        return TRUE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The request is not valid: %s must be %s, not %s.",
                   where->len > 0 ? where->str : "the body", kind_names[kind], type_of (node));
      return FALSE;
    }
  /* A parent of the wrong type is its own rule's to report. */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  each = g_str_has_suffix (*parts, "[]");
  name = g_strndup (*parts, strlen (*parts) - (each ? 2 : 0));
  o = json_node_get_object (node);
  member = json_object_has_member (o, name) ? json_object_get_member (o, name) : NULL;
  if (member == NULL)
    return TRUE;
  g_string_append_printf (where, "%s%s", where->len > 0 ? "." : "", name);
  if (!each)
    {
      gboolean ok = walk (member, parts + 1, kind, where, error);

      g_string_truncate (where, len);
      return ok;
    }
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      g_string_truncate (where, len);
      return TRUE;
    }
  for (i = 0; i < json_array_get_length (json_node_get_array (member)); i++)
    {
      gsize before = where->len;

      g_string_append_printf (where, "[%u]", i);
      if (!walk (json_array_get_element (json_node_get_array (member), i), parts + 1, kind, where,
                 error))
        return FALSE;
      g_string_truncate (where, before);
    }
  g_string_truncate (where, len);
  return TRUE;
}

static gboolean
check (JsonNode *body, const char *prefix, const Rule *rules, gsize n, GError **error)
{
  gsize i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *path = *rules[i].path == '\0' ? g_strdup (prefix)
                              : *prefix == '\0'      ? g_strdup (rules[i].path)
                                                : g_strconcat (prefix, ".", rules[i].path, NULL);
      g_auto (GStrv) parts = g_strsplit (path, ".", -1);
      g_autoptr (GString) where = g_string_new (NULL);

      if (!walk (body, parts, rules[i].kind, where, error))
        return FALSE;
    }
  return TRUE;
}

#define CHECK(prefix, rules) check (body, prefix, rules, G_N_ELEMENTS (rules), error)

gboolean
ferry_sim_binding_check (const char *api_path, JsonNode *body, GError **error)
{
  if (body == NULL || JSON_NODE_HOLDS_NULL (body))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The request is not valid: the body must be a JSON object, not %s.",
                   type_of (body));
      return FALSE;
    }
  if (g_str_equal (api_path, "/mobility/migrations/validate")
      || g_str_equal (api_path, "/mobility/migrations/start"))
    return CHECK ("", items_rules) && CHECK ("items[]", intent_rules);
  if (g_str_equal (api_path, "/mobility/migrations/cancel")
      || g_str_equal (api_path, "/mobility/migrations/forceCancel"))
    return CHECK ("", items_rules) && CHECK ("", cancel_rules);
  if (g_str_equal (api_path, "/migrations"))
    return CHECK ("", query_rules) && CHECK ("", paging_rules);
  if (g_str_equal (api_path, "/mobility/groups"))
    return CHECK ("", items_rules) && CHECK ("", groups_rules)
           && CHECK ("items[].migrations[]", intent_rules);
  if (g_str_equal (api_path, "/mobility/groups/start"))
    return CHECK ("", items_rules) && CHECK ("", group_start_rules);
  if (g_str_has_prefix (api_path, "/mobility/groups/") && g_str_has_suffix (api_path, "/schedule"))
    return CHECK ("", schedule_rules);
  if (g_str_has_prefix (api_path, "/service/inventory/"))
    return CHECK ("", inventory_rules) && CHECK ("", paging_rules);
  return TRUE;
}
