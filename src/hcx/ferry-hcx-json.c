/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json.c: HCX JSON <-> model objects: the tolerant accessors, parsing a body, the
 * envelopes (items, totals, error messages). The models are in ferry-hcx-json-inventory.c and
 * ferry-hcx-json-mobility.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "ferry-hcx-json-private.h"

/* Accessors ----------------------------------------------------------------------------------- */

JsonNode *
ferry_json_get_member (JsonObject *object, const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

/* The member if it holds a plain value (string, number or boolean), with that value's type. */
static JsonNode *
get_value (JsonObject *object, const char *member, GType *type)
{
  JsonNode *node = ferry_json_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  *type = json_node_get_value_type (node);
  return node;
}

const char *
ferry_json_get_string (JsonObject *object, const char *member)
{
  JsonNode *node = ferry_json_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

char *
ferry_json_dup_id (JsonObject *object, const char *member)
{
  GType type = G_TYPE_INVALID;
  JsonNode *node = get_value (object, member, &type);

  if (node == NULL)
    return NULL;
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static gboolean
parse_number (const char *str, double *out)
{
  char *end = NULL;
  double v;

  if (str == NULL)
    return FALSE;
  while (g_ascii_isspace (*str))
    str++;
  if (*str == '\0')
    return FALSE;
  v = g_ascii_strtod (str, &end);
  if (end == str)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* A finite double within the range of gint64, truncated; fallback otherwise. */
static gint64
double_to_int (double d, gint64 fallback)
{
  if (!isfinite (d) || d > (double)G_MAXINT64 || d < (double)G_MININT64)
    return fallback;
  return (gint64)d;
}

gint64
ferry_json_string_to_int (const char *s, gint64 fallback)
{
  char *end = NULL;
  gint64 v;
  double d;

  while (s != NULL && g_ascii_isspace (*s))
    s++;
  if (s == NULL || *s == '\0')
    return fallback;
  errno = 0;
  v = g_ascii_strtoll (s, &end, 10);
  if (end != s && *end == '\0' && errno == 0)
    return v;
  if (parse_number (s, &d))
    return double_to_int (d, fallback);
  return fallback;
}

gboolean
ferry_json_string_to_bool (const char *s, gboolean fallback)
{
  if (s == NULL)
    return fallback;
  if (g_ascii_strcasecmp (s, "true") == 0 || g_strcmp0 (s, "1") == 0
      || g_ascii_strcasecmp (s, "yes") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (s, "false") == 0 || g_strcmp0 (s, "0") == 0
      || g_ascii_strcasecmp (s, "no") == 0)
    return FALSE;
  return fallback;
}

gint64
ferry_json_get_int (JsonObject *object, const char *member, gint64 fallback)
{
  GType type = G_TYPE_INVALID;
  JsonNode *node = get_value (object, member, &type);

  if (node == NULL)
    return fallback;
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return double_to_int (json_node_get_double (node), fallback);
  if (type == G_TYPE_STRING)
    return ferry_json_string_to_int (json_node_get_string (node), fallback);
  return fallback;
}

double
ferry_json_get_double (JsonObject *object, const char *member, double fallback)
{
  GType type = G_TYPE_INVALID;
  JsonNode *node = get_value (object, member, &type);
  double d;

  if (node == NULL)
    return fallback;
  if (type == G_TYPE_INT64)
    return (double)json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (type == G_TYPE_STRING && parse_number (json_node_get_string (node), &d))
    return d;
  return fallback;
}

gboolean
ferry_json_get_bool (JsonObject *object, const char *member, gboolean fallback)
{
  GType type = G_TYPE_INVALID;
  JsonNode *node = get_value (object, member, &type);

  if (node == NULL)
    return fallback;
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node) != 0;
  if (type == G_TYPE_STRING)
    return ferry_json_string_to_bool (json_node_get_string (node), fallback);
  return fallback;
}

JsonObject *
ferry_json_get_object (JsonObject *object, const char *member)
{
  JsonNode *node = ferry_json_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
ferry_json_get_array (JsonObject *object, const char *member)
{
  JsonNode *node = ferry_json_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

JsonObject *
ferry_json_array_get_object (JsonArray *array, guint index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
ferry_json_get_string_any (JsonObject *object, const char *first, ...)
{
  va_list args;
  const char *name = first;
  const char *found = NULL;

  va_start (args, first);
  while (name != NULL && found == NULL)
    {
      found = ferry_json_get_string (object, name);
      name = va_arg (args, const char *);
    }
  va_end (args);
  return found;
}

char *
ferry_json_dup_id_any (JsonObject *object, const char *first, const char *second, const char *third)
{
  char *id = ferry_json_dup_id (object, first);

  if (id == NULL && second != NULL)
    id = ferry_json_dup_id (object, second);
  if (id == NULL && third != NULL)
    id = ferry_json_dup_id (object, third);
  return id;
}

/* Parsing the body ---------------------------------------------------------------------------- */

gboolean
ferry_hcx_json_node_is_valid_utf8 (JsonNode *node)
{
  if (node == NULL)
    return TRUE;
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, &name, &member))
            if (!g_utf8_validate (name, -1, NULL) || !ferry_hcx_json_node_is_valid_utf8 (member))
              return FALSE;
          return TRUE;
        }
      case JSON_NODE_ARRAY:
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);

          for (guint i = 0; i < n; i++)
            if (!ferry_hcx_json_node_is_valid_utf8 (json_array_get_element (array, i)))
              return FALSE;
          return TRUE;
        }
      case JSON_NODE_VALUE:
        if (json_node_get_value_type (node) == G_TYPE_STRING)
          {
            const char *str = json_node_get_string (node);

            return str == NULL || g_utf8_validate (str, -1, NULL);
          }
        return TRUE;
      case JSON_NODE_NULL:
      default:
        return TRUE;
    }
}

JsonNode *
ferry_hcx_json_parse (GBytes *bytes, const char *host, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *data;
  gsize len = 0;
  gsize i = 0;

  data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;
  while (data != NULL && i < len && g_ascii_isspace (data[i]))
    i++;
  if (data == NULL || i == len)
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   _ ("%s answered with an empty response where data was expected"), host);
      return NULL;
    }
  if (data[i] == '<')
    {
      gboolean html = len - i >= 5
                      && (g_ascii_strncasecmp (data + i, "<!doc", 5) == 0
                          || g_ascii_strncasecmp (data + i, "<html", 5) == 0);

      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   html ? _ ("%s answered with an HTML page instead of JSON; is this the address "
                             "of an HCX Manager?")
                        : _ ("%s answered with XML instead of JSON (unexpected response format)"),
                   host);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + i, (gssize)(len - i), &local_error))
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   _ ("%s answered with malformed or truncated JSON (%s)"), host,
                   local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   _ ("%s answered with an empty response where data was expected"), host);
      return NULL;
    }
  /* json-glib 1.6 turns some escapes (a lone surrogate such as \ud800, octal-looking ones)
   * into bytes that are not UTF-8; nothing downstream may see such strings. */
  if (!ferry_hcx_json_node_is_valid_utf8 (json_parser_get_root (parser)))
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   _ ("%s answered with malformed JSON (a string that is not valid UTF-8)"), host);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

JsonArray *
ferry_hcx_json_find_items (JsonNode *root)
{
  JsonObject *object;
  JsonNode *data;
  JsonArray *items;

  if (root == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  data = ferry_json_get_member (object, "data");
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    {
      items = ferry_json_get_array (json_node_get_object (data), "items");
      if (items != NULL)
        return items;
    }
  if (data != NULL && JSON_NODE_HOLDS_ARRAY (data))
    return json_node_get_array (data);
  return ferry_json_get_array (object, "items");
}

gint64
ferry_hcx_json_find_total (JsonNode *root)
{
  JsonObject *object;
  JsonObject *data;
  JsonObject *paging;
  gint64 total = -1;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return -1;
  object = json_node_get_object (root);
  data = ferry_json_get_object (object, "data");
  paging = ferry_json_get_object (data, "paging");
  if (paging == NULL)
    paging = ferry_json_get_object (object, "paging");
  if (paging != NULL)
    {
      total = ferry_json_get_int (paging, "totalSize", -1);
      if (total < 0)
        total = ferry_json_get_int (paging, "totalCount", -1);
    }
  if (total < 0 && data != NULL)
    total = ferry_json_get_int (data, "totalSize", -1);
  return total >= 0 ? total : -1;
}

/* One entry of an errors or warnings array: a plain string, or an object whose first string
 * among text_members is the text. The code ("code"/"errorCode") stands in for a missing text. */
const char *
ferry_json_message_text (JsonNode *node, const char *const *text_members, const char **code)
{
  const char *text = NULL;

  *code = NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);

      for (guint i = 0; text == NULL && text_members[i] != NULL; i++)
        text = ferry_json_get_string (o, text_members[i]);
      *code = ferry_json_get_string_any (o, "code", "errorCode", NULL);
    }
  return text != NULL ? text : *code;
}

static void
append_messages (GString *s, JsonArray *array)
{
  /* Old style: {"error":"Login failure","text":"…"} — the text is the useful part. */
  static const char *const text_members[]
      = { "text", "message", "errorMessage", "error", "msg", NULL };
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *code;
      const char *text
          = ferry_json_message_text (json_array_get_element (array, i), text_members, &code);

      if (text == NULL || *text == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, "; ");
      g_string_append (s, text);
    }
}

char *
ferry_hcx_json_error_message (JsonNode *root)
{
  GString *s;
  JsonObject *object;
  JsonObject *data;

  if (root == NULL)
    return NULL;
  s = g_string_new (NULL);
  if (JSON_NODE_HOLDS_ARRAY (root))
    append_messages (s, json_node_get_array (root));
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      object = json_node_get_object (root);
      append_messages (s, ferry_json_get_array (object, "errors"));
      data = ferry_json_get_object (object, "data");
      if (s->len == 0 && data != NULL)
        append_messages (s, ferry_json_get_array (data, "errors"));
      if (s->len == 0)
        {
          const char *msg
              = ferry_json_get_string_any (object, "message", "errorMessage", "text", NULL);
          const char *err = ferry_json_get_string (object, "error");
          const char *code = ferry_json_get_string (object, "errorCode");

          if (msg != NULL)
            g_string_append (s, msg);
          else if (err != NULL)
            g_string_append (s, err);
          if (code != NULL && (s->len == 0 || strstr (s->str, code) == NULL))
            g_string_append_printf (s, s->len > 0 ? " (%s)" : "%s", code);
        }
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

GPtrArray *
ferry_hcx_json_to_array (JsonNode *root, FerryHcxJsonItemFunc func, const char *host,
                         GError **error)
{
  JsonArray *items = ferry_hcx_json_find_items (root);
  GPtrArray *result;
  guint n;

  if (items == NULL)
    {
      g_autofree char *message = ferry_hcx_json_error_message (root);

      /* {"success":false,"errors":[…]} with a 200: the server's own failure. */
      if (message != NULL)
        g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_SERVER_ERROR,
                     _ ("HCX Manager “%s” reported an error: “%s”"), host, message);
      else
        g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                     _ ("%s answered without the expected list of items"), host);
      return NULL;
    }
  n = json_array_get_length (items);
  result = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *o = ferry_json_array_get_object (items, i);
      gpointer obj;

      if (o == NULL)
        continue;
      obj = func (o);
      if (obj != NULL)
        g_ptr_array_add (result, obj);
    }
  return result;
}
