/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "ferry-sim-json.h"

#include <math.h>

JsonObject *
ferry_sim_json_object (JsonObject *object, const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
ferry_sim_json_array (JsonObject *object, const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

const char *
ferry_sim_json_string (JsonObject *object, const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
ferry_sim_json_has (JsonObject *object, const char *member)
{
  return object != NULL && json_object_has_member (object, member)
         && !JSON_NODE_HOLDS_NULL (json_object_get_member (object, member));
}

gint64
ferry_sim_json_int (JsonObject *object, const char *member, gint64 fallback)
{
  JsonNode *node;
  GType type;

  if (!ferry_sim_json_has (object, member))
    return fallback;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      /* Out-of-range or NaN doubles would be undefined behaviour in a cast. */
      if (isnan (d))
        return fallback;
      if (d >= 9.2e18)
        return G_MAXINT64;
      if (d <= -9.2e18)
        return G_MININT64;
      return (gint64)d;
    }
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? 1 : 0;
  if (type == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      char *end = NULL;
      gint64 v = g_ascii_strtoll (s, &end, 10);

      if (end != NULL && end != s && *end == '\0')
        return v;
    }
  return fallback;
}

double
ferry_sim_json_double (JsonObject *object, const char *member, double fallback)
{
  JsonNode *node;
  GType type;

  if (!ferry_sim_json_has (object, member))
    return fallback;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return (double)json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (type == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      char *end = NULL;
      double v = g_ascii_strtod (s, &end);

      if (end != NULL && end != s && *end == '\0')
        return v;
    }
  return fallback;
}

gboolean
ferry_sim_json_bool (JsonObject *object, const char *member, gboolean fallback)
{
  JsonNode *node;

  if (!ferry_sim_json_has (object, member))
    return fallback;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strcasecmp (json_node_get_string (node), "true") == 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node) != 0;
  return fallback;
}

gboolean
ferry_sim_json_array_has_string (JsonArray *array, const char *value)
{
  guint i, n;

  if (array == NULL || value == NULL)
    return FALSE;
  n = json_array_get_length (array);
  for (i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }
  return FALSE;
}

void
ferry_sim_json_append_string (GString *out, const char *value)
{
  const unsigned char *p;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (p = (const unsigned char *)value; *p != '\0'; p++)
    {
      switch (*p)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          default:
            if (*p < 0x20)
              g_string_append_printf (out, "\\u%04x", (guint)*p);
            else
              g_string_append_c (out, (char)*p);
        }
    }
  g_string_append_c (out, '"');
}

void
ferry_sim_json_append_member (GString *out, const char *name, const char *value)
{
  ferry_sim_json_append_string (out, name);
  g_string_append_c (out, ':');
  ferry_sim_json_append_string (out, value);
}

void
ferry_sim_json_add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
ferry_sim_json_add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
ferry_sim_json_add_bool (JsonBuilder *b, const char *name, gboolean value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

void
ferry_sim_json_add_double (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}
