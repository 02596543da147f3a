/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json.c: HCX JSON <-> model objects. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "ferry-hcx-json.h"

/* Accessors ----------------------------------------------------------------------------------- */

static JsonNode *
get_member (JsonObject *object, const char *member)
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
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  *type = json_node_get_value_type (node);
  return node;
}

const char *
ferry_json_get_string (JsonObject *object, const char *member)
{
  JsonNode *node = get_member (object, member);

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
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
ferry_json_get_array (JsonObject *object, const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* The index-th element of array if it is an object, NULL otherwise. */
static JsonObject *
array_get_object (JsonArray *array, guint index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* First string among several member names. */
static const char *
get_string_any (JsonObject *object, const char *first, ...) G_GNUC_NULL_TERMINATED;

static const char *
get_string_any (JsonObject *object, const char *first, ...)
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

static char *
dup_id_any (JsonObject *object, const char *first, const char *second, const char *third)
{
  char *id = ferry_json_dup_id (object, first);

  if (id == NULL && second != NULL)
    id = ferry_json_dup_id (object, second);
  if (id == NULL && third != NULL)
    id = ferry_json_dup_id (object, third);
  return id;
}

/* Parsing the body ---------------------------------------------------------------------------- */

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
  data = get_member (object, "data");
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
static const char *
message_text (JsonNode *node, const char *const *text_members, const char **code)
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
      *code = get_string_any (o, "code", "errorCode", NULL);
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
      const char *text = message_text (json_array_get_element (array, i), text_members, &code);

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
          const char *msg = get_string_any (object, "message", "errorMessage", "text", NULL);
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
      JsonObject *o = array_get_object (items, i);
      gpointer obj;

      if (o == NULL)
        continue;
      obj = func (o);
      if (obj != NULL)
        g_ptr_array_add (result, obj);
    }
  return result;
}

/* Models -------------------------------------------------------------------------------------- */

FerrySite *
ferry_hcx_json_to_site (JsonObject *o)
{
  FerrySite *site = ferry_site_new ();
  g_autofree char *endpoint_id = dup_id_any (o, "endpointId", "id", NULL);

  ferry_site_set_endpoint_id (site, endpoint_id);
  ferry_site_set_name (site, get_string_any (o, "name", "endpointName", "cloudName", NULL));
  ferry_site_set_url (site, ferry_json_get_string (o, "url"));
  ferry_site_set_cloud_type (site, ferry_json_get_string (o, "cloudType"));
  ferry_site_set_cloud_name (site, ferry_json_get_string (o, "cloudName"));
  ferry_site_set_version (site, ferry_json_get_string (o, "version"));
  ferry_site_set_build_number (site, ferry_json_get_string (o, "buildNumber"));
  ferry_site_set_username (site, ferry_json_get_string (o, "username"));
  return site;
}

FerryResourceContainer *
ferry_hcx_json_to_resource_container (JsonObject *o)
{
  FerryResourceContainer *rc = ferry_resource_container_new ();
  JsonObject *endpoint = ferry_json_get_object (o, "endpoint");
  const char *endpoint_id = ferry_json_get_string (o, "endpointId");
  const char *endpoint_name = ferry_json_get_string (o, "endpointName");
  const char *cloud_type = ferry_json_get_string (endpoint, "cloudType");

  if (endpoint_id == NULL)
    endpoint_id = ferry_json_get_string (endpoint, "endpointId");
  if (endpoint_name == NULL)
    endpoint_name = ferry_json_get_string (endpoint, "name");
  ferry_resource_container_set_name (rc, ferry_json_get_string (o, "name"));
  ferry_resource_container_set_url (rc, ferry_json_get_string (o, "url"));
  ferry_resource_container_set_vcuuid (rc, ferry_json_get_string (o, "vcuuid"));
  ferry_resource_container_set_version (rc, ferry_json_get_string (o, "version"));
  ferry_resource_container_set_build_number (rc, ferry_json_get_string (o, "buildNumber"));
  ferry_resource_container_set_resource_id (rc, ferry_json_get_string (o, "resourceId"));
  ferry_resource_container_set_resource_type (rc, ferry_json_get_string (o, "resourceType"));
  ferry_resource_container_set_resource_name (rc, ferry_json_get_string (o, "resourceName"));
  ferry_resource_container_set_endpoint_id (rc, endpoint_id);
  ferry_resource_container_set_endpoint_name (rc, endpoint_name);
  ferry_resource_container_set_endpoint_type (rc, ferry_json_get_string (o, "endpointType"));
  ferry_resource_container_set_cloud_type (rc, cloud_type);
  ferry_resource_container_set_is_local (rc, ferry_json_get_bool (o, "isLocal", FALSE));
  return rc;
}

static FerryTriState
get_tri_state (JsonObject *o, const char *member)
{
  JsonNode *node = get_member (o, member);

  if (node == NULL)
    return FERRY_TRI_STATE_UNKNOWN;
  if (ferry_json_get_bool (o, member, FALSE))
    return FERRY_TRI_STATE_YES;
  if (!ferry_json_get_bool (o, member, TRUE))
    return FERRY_TRI_STATE_NO;
  return FERRY_TRI_STATE_UNKNOWN;
}

/* A VM field may be at the top level or inside "summary". */
static const char *
vm_string (JsonObject *o, JsonObject *summary, const char *member)
{
  const char *s = ferry_json_get_string (o, member);

  return s != NULL ? s : ferry_json_get_string (summary, member);
}

static gint64
vm_int (JsonObject *o, JsonObject *summary, const char *member)
{
  gint64 v = ferry_json_get_int (summary, member, -1);

  return v >= 0 ? v : ferry_json_get_int (o, member, -1);
}

/* A NIC from "networkDevices" (the full details) or, without those, from "network": then there is
 * one NIC per network the VM is on. */
static FerryNic *
to_nic (JsonObject *d, gboolean from_device)
{
  FerryNic *nic = ferry_nic_new ();

  _ferry_nic_set_quiet (nic, TRUE);
  if (from_device)
    {
      ferry_nic_set_label (nic, ferry_json_get_string (d, "label"));
      ferry_nic_set_mac_address (nic, get_string_any (d, "macAddress", "mac", NULL));
      ferry_nic_set_network_id (nic, get_string_any (d, "networkId", "network", NULL));
      ferry_nic_set_network_name (nic, ferry_json_get_string (d, "networkName"));
      ferry_nic_set_network_type (nic, ferry_json_get_string (d, "networkType"));
      ferry_nic_set_connected (nic, ferry_json_get_bool (d, "connected", TRUE));
    }
  else
    {
      ferry_nic_set_network_id (nic, get_string_any (d, "id", "value", NULL));
      ferry_nic_set_network_name (nic, get_string_any (d, "name", "displayName", NULL));
      ferry_nic_set_network_type (nic, ferry_json_get_string (d, "type"));
    }
  _ferry_nic_set_quiet (nic, FALSE);
  return nic;
}

FerryVm *
ferry_hcx_json_to_vm (JsonObject *o)
{
  FerryVm *vm = ferry_vm_new ();
  JsonObject *summary = ferry_json_get_object (o, "summary");
  JsonArray *devices = ferry_json_get_array (o, "networkDevices");
  JsonArray *networks = ferry_json_get_array (o, "network");
  JsonArray *nics = devices != NULL ? devices : networks;
  guint n_nics = nics != NULL ? json_array_get_length (nics) : 0;
  g_autofree char *id = dup_id_any (o, "id", "entityId", "entity_id");
  gint64 memory_mb = vm_int (o, summary, "memorySizeMB");
  gint64 num_cpu = vm_int (o, summary, "numCpu");
  gint64 snapshots = ferry_json_get_int (o, "snapshotCount", -1);
  const char *power = vm_string (o, summary, "powerState");

  _ferry_vm_set_quiet (vm, TRUE);
  if (memory_mb < 0)
    {
      gint64 bytes = vm_int (o, summary, "memorySize");

      if (bytes >= 0)
        memory_mb = bytes / (1024 * 1024);
    }
  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, get_string_any (o, "name", "entityName", NULL));
  ferry_vm_set_guest_full_name (vm, vm_string (o, summary, "guestFullName"));
  ferry_vm_set_guest_id (vm, vm_string (o, summary, "guestId"));
  ferry_vm_set_guest_host_name (vm, vm_string (o, summary, "guestHostName"));
  ferry_vm_set_num_cpu (vm, num_cpu >= 0 && num_cpu <= G_MAXINT ? (int)num_cpu : -1);
  ferry_vm_set_memory_mb (vm, memory_mb);
  ferry_vm_set_disk_bytes (vm, vm_int (o, summary, "diskSize"));
  ferry_vm_set_power_state (vm, ferry_power_state_from_string (power));
  ferry_vm_set_folder (vm, ferry_json_get_string (o, "folder"));
  ferry_vm_set_cluster (vm, ferry_json_get_string (o, "cluster"));
  ferry_vm_set_datastore (vm, ferry_json_get_string (o, "datastore"));
  ferry_vm_set_hardware_version (vm, vm_string (o, summary, "hardwareVersion"));
  ferry_vm_set_tools_status (vm, vm_string (o, summary, "toolsStatus"));
  ferry_vm_set_snapshot_count (vm, snapshots >= 0 && snapshots <= G_MAXINT ? (int)snapshots : -1);
  ferry_vm_set_iso_mounted (vm, get_tri_state (o, "isoMounted"));

  for (guint i = 0; i < n_nics; i++)
    {
      JsonObject *d = array_get_object (nics, i);
      g_autoptr (FerryNic) nic = NULL;

      if (d == NULL)
        continue;
      nic = to_nic (d, nics == devices);
      ferry_vm_add_nic (vm, nic);
    }
  _ferry_vm_set_quiet (vm, FALSE);
  return vm;
}

FerryNetwork *
ferry_hcx_json_to_network (JsonObject *o)
{
  FerryNetwork *net = ferry_network_new ();
  g_autofree char *id = dup_id_any (o, "entity_id", "entityId", "id");

  if (id == NULL)
    id = ferry_json_dup_id (o, "value");
  ferry_network_set_id (net, id);
  ferry_network_set_name (net, get_string_any (o, "name", "displayName", NULL));
  ferry_network_set_entity_type (net, ferry_json_get_string (o, "entityType"));
  ferry_network_set_network_type (net, ferry_json_get_string (o, "type"));
  ferry_network_set_href (net, ferry_json_get_string (o, "href"));
  ferry_network_set_extended (net, ferry_json_get_bool (o, "extended", FALSE));
  ferry_network_set_endpoint_id (net, ferry_json_get_string (o, "endpointId"));
  return net;
}

FerryContainer *
ferry_hcx_json_to_container (JsonObject *o)
{
  FerryContainer *c = ferry_container_new ();
  JsonObject *parent = ferry_json_get_object (o, "parent");
  g_autofree char *id = dup_id_any (o, "entity_id", "entityId", "id");
  g_autofree char *parent_id = dup_id_any (parent, "value", "id", "entity_id");

  ferry_container_set_id (c, id);
  ferry_container_set_name (c, ferry_json_get_string (o, "name"));
  ferry_container_set_entity_type (c, get_string_any (o, "entityType", "type", NULL));
  ferry_container_set_parent_id (c, parent_id);
  ferry_container_set_parent_type (c, get_string_any (parent, "type", "entityType", NULL));
  ferry_container_set_endpoint_id (c, ferry_json_get_string (o, "endpointId"));
  return c;
}

FerryDatastore *
ferry_hcx_json_to_datastore (JsonObject *o)
{
  FerryDatastore *ds = ferry_datastore_new ();
  g_autofree char *id = dup_id_any (o, "entity_id", "entityId", "id");
  const char *entity_type = ferry_json_get_string (o, "entityType");
  gboolean is_cluster = ferry_json_get_bool (o, "isCluster", FALSE)
                        || g_strcmp0 (entity_type, "StoragePod") == 0
                        || g_strcmp0 (entity_type, "DatastoreCluster") == 0;

  ferry_datastore_set_id (ds, id);
  ferry_datastore_set_name (ds, ferry_json_get_string (o, "name"));
  ferry_datastore_set_entity_type (ds, entity_type);
  ferry_datastore_set_capacity_bytes (ds, ferry_json_get_int (o, "capacityBytes", -1));
  ferry_datastore_set_free_bytes (ds, ferry_json_get_int (o, "freeBytes", -1));
  ferry_datastore_set_is_cluster (ds, is_cluster);
  ferry_datastore_set_endpoint_id (ds, ferry_json_get_string (o, "endpointId"));
  return ds;
}

FerryStorageProfile *
ferry_hcx_json_to_storage_profile (JsonObject *o)
{
  FerryStorageProfile *sp = ferry_storage_profile_new ();
  g_autofree char *id = dup_id_any (o, "id", "entity_id", "profileId");

  ferry_storage_profile_set_id (sp, id);
  ferry_storage_profile_set_name (sp, ferry_json_get_string (o, "name"));
  ferry_storage_profile_set_profile_type (sp, ferry_json_get_string (o, "type"));
  ferry_storage_profile_set_entity_type (sp, ferry_json_get_string (o, "entityType"));
  return sp;
}

/* services: [{"name":"BULK_MIGRATION"}, …] or ["BULK_MIGRATION", …] */
static GStrv
service_names (JsonArray *array, const char *member)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        name = json_node_get_string (node);
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *so = json_node_get_object (node);

          name = ferry_json_get_string (so, member);
          if (name == NULL)
            name = ferry_json_get_string (so, "name");
          /* An explicitly disabled entry does not count. */
          if (name != NULL && !ferry_json_get_bool (so, "enabled", TRUE))
            name = NULL;
        }
      if (name != NULL)
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

FerryComputeProfile *
ferry_hcx_json_to_compute_profile (JsonObject *o)
{
  FerryComputeProfile *cp = ferry_compute_profile_new ();
  g_autofree char *id = dup_id_any (o, "computeProfileId", "id", NULL);
  g_auto (GStrv) services = service_names (ferry_json_get_array (o, "services"), "name");
  g_auto (GStrv) compute = service_names (ferry_json_get_array (o, "compute"), "cmpName");

  ferry_compute_profile_set_id (cp, id);
  ferry_compute_profile_set_name (cp, get_string_any (o, "name", "computeProfileName", NULL));
  ferry_compute_profile_set_state (cp, get_string_any (o, "state", "status", NULL));
  ferry_compute_profile_set_endpoint_id (cp, ferry_json_get_string (o, "endpointId"));
  ferry_compute_profile_set_services (cp, (const char *const *)services);
  ferry_compute_profile_set_compute_names (cp, (const char *const *)compute);
  return cp;
}

FerryServiceMesh *
ferry_hcx_json_to_service_mesh (JsonObject *o)
{
  FerryServiceMesh *mesh = ferry_service_mesh_new ();
  g_autofree char *id = dup_id_any (o, "serviceMeshId", "id", NULL);
  g_auto (GStrv) services = service_names (ferry_json_get_array (o, "services"), "name");
  JsonArray *members = ferry_json_get_array (o, "computeProfiles");
  JsonObject *task = ferry_json_get_object (o, "lastTaskDetails");
  guint n = members != NULL ? json_array_get_length (members) : 0;

  ferry_service_mesh_set_id (mesh, id);
  ferry_service_mesh_set_name (mesh, ferry_json_get_string (o, "name"));
  ferry_service_mesh_set_state (mesh, ferry_json_get_string (o, "state"));
  ferry_service_mesh_set_status (mesh, ferry_json_get_string (o, "status"));
  ferry_service_mesh_set_services (mesh, (const char *const *)services);
  ferry_service_mesh_set_last_task_type (mesh, ferry_json_get_string (task, "type"));
  ferry_service_mesh_set_last_task_status (mesh, ferry_json_get_string (task, "status"));
  for (guint i = 0; i < n; i++)
    {
      JsonObject *m = array_get_object (members, i);
      g_autofree char *cp_id = NULL;

      if (m == NULL)
        continue;
      cp_id = dup_id_any (m, "computeProfileId", "id", NULL);
      ferry_service_mesh_add_member (
          mesh, cp_id, get_string_any (m, "computeProfileName", "name", NULL),
          ferry_json_get_string (m, "endpointId"), ferry_json_get_string (m, "endpointName"),
          ferry_json_get_bool (m, "isInitiator", FALSE));
    }
  return mesh;
}

static FerryMigrationEvent *
to_event (JsonObject *o)
{
  FerryMigrationEvent *ev = ferry_migration_event_new ();

  _ferry_migration_event_set_quiet (ev, TRUE);
  ferry_migration_event_set_status (ev, ferry_json_get_string (o, "status"));
  ferry_migration_event_set_message (ev, ferry_json_get_string (o, "message"));
  ferry_migration_event_set_error_message (ev, ferry_json_get_string (o, "errorMessage"));
  ferry_migration_event_set_last_updated (ev, ferry_json_get_int (o, "lastUpdated", -1));
  ferry_migration_event_set_bytes_transferred (ev, ferry_json_get_int (o, "bytesTransferred", -1));
  ferry_migration_event_set_total_bytes (ev, ferry_json_get_int (o, "totalBytes", -1));
  _ferry_migration_event_set_quiet (ev, FALSE);
  return ev;
}

FerryMigration *
ferry_hcx_json_to_migration (JsonObject *o)
{
  FerryMigration *m = ferry_migration_new ();
  JsonObject *entity = ferry_json_get_object (o, "entity");
  JsonObject *source = ferry_json_get_object (o, "source");
  JsonObject *destination = ferry_json_get_object (o, "destination");
  JsonObject *switchover = ferry_json_get_object (o, "switchoverParams");
  JsonObject *schedule = ferry_json_get_object (switchover, "schedule");
  JsonObject *progress = ferry_json_get_object (o, "progress");
  JsonObject *total = ferry_json_get_object (progress, "total");
  JsonObject *pstate = ferry_json_get_object (progress, "state");
  JsonArray *log = ferry_json_get_array (progress, "log");
  g_autofree char *migration_id = dup_id_any (o, "migrationId", "id", NULL);
  g_autofree char *group_id = ferry_json_dup_id (o, "migrationGroupId");
  g_autofree char *entity_id = dup_id_any (entity, "entityId", "id", NULL);
  gint64 total_bytes = ferry_json_get_int (total, "value", -1);
  gint64 transferred = ferry_json_get_int (total, "bytesTransferred", -1);
  double percent = -1.0;
  gboolean is_done = ferry_json_get_bool (progress, "isDone", FALSE);
  gboolean did_fail = ferry_json_get_bool (progress, "didFail", FALSE);
  gboolean is_cancelled = ferry_json_get_bool (progress, "isCancelled", FALSE);
  const char *state = ferry_json_get_string (o, "state");
  guint n_log = log != NULL ? json_array_get_length (log) : 0;

  _ferry_migration_set_quiet (m, TRUE);
  if (entity_id == NULL)
    entity_id = ferry_json_dup_id (o, "entityId");
  if (total_bytes > 0 && transferred >= 0)
    percent = (double)transferred * 100.0 / (double)total_bytes;
  else
    {
      percent = ferry_json_get_double (progress, "percentComplete", -1.0);
      if (percent < 0)
        percent = ferry_json_get_double (o, "percentComplete", -1.0);
    }
  if (percent > 100.0)
    percent = 100.0;
  if (percent < 0.0 || isnan (percent))
    percent = -1.0;
  if (state == NULL)
    state = ferry_json_get_string (pstate, "status");

  ferry_migration_set_migration_id (m, migration_id);
  ferry_migration_set_migration_group_id (m, group_id);
  ferry_migration_set_migration_type (m, ferry_json_get_string (o, "migrationType"));
  ferry_migration_set_state (m, state);
  ferry_migration_set_username (m, ferry_json_get_string (o, "username"));
  ferry_migration_set_creation_date (m, ferry_json_get_int (o, "creationDate", -1));
  ferry_migration_set_last_updated (m, ferry_json_get_int (o, "lastUpdated", -1));
  ferry_migration_set_entity_id (m, entity_id);
  ferry_migration_set_entity_name (m, get_string_any (entity, "entityName", "name", NULL));
  ferry_migration_set_source_endpoint_id (m, ferry_json_get_string (source, "endpointId"));
  ferry_migration_set_source_endpoint_name (m, ferry_json_get_string (source, "endpointName"));
  ferry_migration_set_source_resource_name (m, ferry_json_get_string (source, "resourceName"));
  ferry_migration_set_destination_endpoint_id (m,
                                               ferry_json_get_string (destination, "endpointId"));
  ferry_migration_set_destination_endpoint_name (
      m, ferry_json_get_string (destination, "endpointName"));
  ferry_migration_set_destination_resource_name (
      m, ferry_json_get_string (destination, "resourceName"));
  ferry_migration_set_switchover_start (m, ferry_json_get_int (schedule, "startTime", -1));
  ferry_migration_set_switchover_expiry (m, ferry_json_get_int (schedule, "expiryTime", -1));
  ferry_migration_set_start_time (m, ferry_json_get_int (progress, "startTime", -1));
  ferry_migration_set_end_time (m, ferry_json_get_int (progress, "endTime", -1));
  ferry_migration_set_message (m, ferry_json_get_string (progress, "message"));
  ferry_migration_set_status (m, ferry_json_get_string (pstate, "status"));
  ferry_migration_set_status_message (m, ferry_json_get_string (pstate, "message"));
  ferry_migration_set_error_message (m, ferry_json_get_string (pstate, "errorMessage"));
  ferry_migration_set_is_done (m, is_done);
  ferry_migration_set_did_fail (m, did_fail);
  ferry_migration_set_is_cancelled (m, is_cancelled);
  ferry_migration_set_is_transfer_progress (
      m, ferry_json_get_bool (pstate, "isTransferProgress", FALSE));
  ferry_migration_set_is_switchover_progress (
      m, ferry_json_get_bool (pstate, "isSwitchoverProgress", FALSE));
  ferry_migration_set_is_waiting_for_maint_window (
      m, ferry_json_get_bool (pstate, "isWaitingForMaintWindow", FALSE));
  ferry_migration_set_bytes_transferred (m, transferred);
  ferry_migration_set_total_bytes (m, total_bytes);
  ferry_migration_set_percent (m, percent);
  ferry_migration_set_finished (
      m, ferry_migration_compute_finished (state, is_done, did_fail, is_cancelled));
  for (guint i = 0; i < n_log; i++)
    {
      JsonObject *e = array_get_object (log, i);
      g_autoptr (FerryMigrationEvent) ev = NULL;

      if (e == NULL)
        continue;
      ev = to_event (e);
      ferry_migration_add_event (m, ev);
    }
  _ferry_migration_set_quiet (m, FALSE);
  return m;
}

FerryMobilityGroup *
ferry_hcx_json_to_mobility_group (JsonObject *o)
{
  FerryMobilityGroup *g = ferry_mobility_group_new ();
  g_autofree char *id = dup_id_any (o, "migrationGroupId", "mobilityGroupId", "id");
  JsonArray *migrations = ferry_json_get_array (o, "migrations");

  if (migrations == NULL)
    migrations = ferry_json_get_array (o, "items");
  ferry_mobility_group_set_id (g, id);
  ferry_mobility_group_set_name (g, ferry_json_get_string (o, "name"));
  ferry_mobility_group_set_state (g, get_string_any (o, "state", "status", NULL));
  ferry_mobility_group_set_n_migrations (
      g, migrations != NULL ? (int)json_array_get_length (migrations) : -1);
  return g;
}

FerryJob *
ferry_hcx_json_to_job (JsonObject *o)
{
  FerryJob *job = ferry_job_new ();
  g_autofree char *id = dup_id_any (o, "jobId", "id", NULL);
  JsonObject *data = ferry_json_get_object (o, "data");

  /* Accept the job at the top level or inside a hybridity envelope's data. */
  if (id == NULL && data != NULL)
    {
      g_object_unref (job);
      return ferry_hcx_json_to_job (data);
    }
  ferry_job_set_id (job, id);
  ferry_job_set_is_queued (job, ferry_json_get_bool (o, "isQueued", FALSE));
  ferry_job_set_is_done (job, ferry_json_get_bool (o, "isDone", FALSE));
  ferry_job_set_did_fail (job, ferry_json_get_bool (o, "didFail", FALSE));
  ferry_job_set_is_cancelled (job, ferry_json_get_bool (o, "isCancelled", FALSE));
  ferry_job_set_percent_complete (job, ferry_json_get_double (o, "percentComplete", -1.0));
  ferry_job_set_start_time (job, ferry_json_get_int (o, "startTime", -1));
  ferry_job_set_end_time (job, ferry_json_get_int (o, "endTime", -1));
  ferry_job_set_error_message (job, get_string_any (o, "errorMessage", "error", NULL));
  return job;
}

/* Validation ---------------------------------------------------------------------------------- */

static void
collect_messages (JsonArray *array, GStrvBuilder *messages, GStrvBuilder *codes)
{
  static const char *const text_members[] = { "message", "text", "errorMessage", "error", NULL };
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *code;
      const char *text = message_text (json_array_get_element (array, i), text_members, &code);

      if (text == NULL)
        continue;
      g_strv_builder_add (messages, text);
      if (codes != NULL)
        g_strv_builder_add (codes, code != NULL ? code : "");
    }
}

/* The messages of a validation answer, or of one of its items. */
typedef struct
{
  GStrv errors;
  GStrv codes; /* one per error, "" where the server gave none */
  GStrv warnings;
} Messages;

static void
messages_clear (Messages *m)
{
  g_clear_pointer (&m->errors, g_strfreev);
  g_clear_pointer (&m->codes, g_strfreev);
  g_clear_pointer (&m->warnings, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Messages, messages_clear)

/* The "errors" and "warnings" arrays of first, then of second (either may be NULL). */
static void
messages_collect (Messages *m, JsonObject *first, JsonObject *second)
{
  g_autoptr (GStrvBuilder) errors = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) warnings = g_strv_builder_new ();

  collect_messages (ferry_json_get_array (first, "errors"), errors, codes);
  collect_messages (ferry_json_get_array (first, "warnings"), warnings, NULL);
  collect_messages (ferry_json_get_array (second, "errors"), errors, codes);
  collect_messages (ferry_json_get_array (second, "warnings"), warnings, NULL);
  m->errors = g_strv_builder_end (errors);
  m->codes = g_strv_builder_end (codes);
  m->warnings = g_strv_builder_end (warnings);
}

FerryValidationResult *
ferry_hcx_json_to_validation_result (JsonNode *root)
{
  FerryValidationResult *result;
  JsonObject *o;
  JsonArray *items;
  g_auto (Messages) general = { NULL };
  g_autofree char *job_id = NULL;
  JsonObject *data;
  guint n;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  o = json_node_get_object (root);
  data = ferry_json_get_object (o, "data");
  items = ferry_json_get_array (o, "items");
  if (items == NULL && data != NULL)
    items = ferry_json_get_array (data, "items");
  if (items == NULL && ferry_json_get_array (o, "errors") == NULL
      && ferry_json_get_array (o, "warnings") == NULL)
    return NULL;

  result = ferry_validation_result_new ();
  messages_collect (&general, o, data);
  ferry_validation_result_set_errors (result, (const char *const *)general.errors);
  ferry_validation_result_set_error_codes (result, (const char *const *)general.codes);
  ferry_validation_result_set_warnings (result, (const char *const *)general.warnings);
  job_id = ferry_json_dup_id (o, "jobId");
  if (job_id == NULL && data != NULL)
    job_id = ferry_json_dup_id (data, "jobId");
  ferry_validation_result_set_job_id (result, job_id);

  n = items != NULL ? json_array_get_length (items) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *io = array_get_object (items, i);
      JsonObject *entity;
      g_autoptr (FerryValidationItem) item = NULL;
      g_auto (Messages) messages = { NULL };
      g_autofree char *entity_id = NULL;
      g_autofree char *migration_id = NULL;
      g_autofree char *group_id = NULL;

      if (io == NULL)
        continue;
      entity = ferry_json_get_object (io, "entity");
      entity_id = ferry_json_dup_id (io, "entityId");
      if (entity_id == NULL)
        entity_id = ferry_json_dup_id (entity, "entityId");
      migration_id = ferry_json_dup_id (io, "migrationId");
      group_id = ferry_json_dup_id (io, "migrationGroupId");
      messages_collect (&messages, io, NULL);

      item = ferry_validation_item_new ();
      ferry_validation_item_set_entity_id (item, entity_id);
      ferry_validation_item_set_entity_name (item, ferry_json_get_string (entity, "entityName"));
      ferry_validation_item_set_migration_id (item, migration_id);
      ferry_validation_item_set_migration_group_id (item, group_id);
      ferry_validation_item_set_errors (item, (const char *const *)messages.errors);
      ferry_validation_item_set_error_codes (item, (const char *const *)messages.codes);
      ferry_validation_item_set_warnings (item, (const char *const *)messages.warnings);
      ferry_validation_result_add_item (result, item);
      if (group_id != NULL && ferry_validation_result_get_migration_group_id (result) == NULL)
        ferry_validation_result_set_migration_group_id (result, group_id);
    }
  return result;
}

/* Request bodies ------------------------------------------------------------------------------ */

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_bool (JsonBuilder *b, const char *member, gboolean value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

static void
add_int (JsonBuilder *b, const char *member, gint64 value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static void
add_site (JsonBuilder *b, const char *member, FerryResourceContainer *rc)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  if (rc != NULL)
    {
      add_string (b, "endpointId", ferry_resource_container_get_endpoint_id (rc));
      add_string (b, "endpointType",
                  ferry_resource_container_get_endpoint_type (rc) != NULL
                      ? ferry_resource_container_get_endpoint_type (rc)
                      : "VC");
      add_string (b, "endpointName", ferry_resource_container_get_endpoint_name (rc));
      add_string (b, "resourceType",
                  ferry_resource_container_get_resource_type (rc) != NULL
                      ? ferry_resource_container_get_resource_type (rc)
                      : "VC");
      add_string (b, "resourceId", ferry_resource_container_get_resource_id (rc));
      add_string (b, "resourceName", ferry_resource_container_get_resource_name (rc));
    }
  json_builder_end_object (b);
}

static void
build_intent (JsonBuilder *b, FerryMigrationIntent *intent, const char *migration_group_id)
{
  FerryMigrationType type = ferry_migration_intent_get_migration_type (intent);
  const char *wire = ferry_migration_type_to_wire (type);
  gint64 start = ferry_migration_intent_get_switchover_start (intent);
  gint64 expiry = ferry_migration_intent_get_switchover_expiry (intent);
  const char *group = migration_group_id != NULL
                          ? migration_group_id
                          : ferry_migration_intent_get_migration_group_id (intent);
  guint n_placements = ferry_migration_intent_get_n_placements (intent);
  guint n_mappings = ferry_migration_intent_get_n_network_mappings (intent);
  const char *provision = ferry_migration_intent_get_disk_provision_type (intent);
  const char *ds_type = ferry_migration_intent_get_datastore_type (intent);

  json_builder_begin_object (b);
  add_string (b, "migrationType", wire);
  if (group != NULL)
    add_string (b, "migrationGroupId", group);

  json_builder_set_member_name (b, "entity");
  json_builder_begin_object (b);
  add_string (b, "entityId", ferry_migration_intent_get_entity_id (intent));
  add_string (b, "entityType", "VirtualMachine");
  add_string (b, "entityName", ferry_migration_intent_get_entity_name (intent));
  json_builder_end_object (b);

  add_site (b, "source", ferry_migration_intent_get_source (intent));
  add_site (b, "destination", ferry_migration_intent_get_destination (intent));

  json_builder_set_member_name (b, "transferParams");
  json_builder_begin_object (b);
  add_string (b, "transferType", ferry_migration_type_get_transfer_type (type));
  json_builder_set_member_name (b, "schedule");
  json_builder_begin_object (b);
  add_int (b, "startTime", 0);
  add_int (b, "expiryTime", 0);
  json_builder_end_object (b);
  add_bool (b, "longRecovery", ferry_migration_intent_get_long_recovery (intent));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "switchoverParams");
  json_builder_begin_object (b);
  add_string (b, "switchoverType", wire);
  json_builder_set_member_name (b, "schedule");
  json_builder_begin_object (b);
  add_int (b, "startTime", start);
  add_int (b, "expiryTime", expiry);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "options");
  json_builder_begin_object (b);
  add_bool (b, "retainMac", ferry_migration_intent_get_retain_mac (intent));
  add_bool (b, "forcePowerOffVm", ferry_migration_intent_get_force_power_off (intent));
  add_bool (b, "upgradeHardware", ferry_migration_intent_get_upgrade_hardware (intent));
  add_bool (b, "upgradeVMTools", ferry_migration_intent_get_upgrade_tools (intent));
  add_bool (b, "removeISOs", ferry_migration_intent_get_remove_isos (intent));
  add_bool (b, "removeSnapshots", ferry_migration_intent_get_remove_snapshots (intent));
  add_bool (b, "removeCbt", ferry_migration_intent_get_remove_cbt (intent));
  add_bool (b, "retainTags", ferry_migration_intent_get_retain_tags (intent));
  add_bool (b, "replicateSecurityTags",
            ferry_migration_intent_get_replicate_security_tags (intent));
  add_bool (b, "updateCustomAttributes",
            ferry_migration_intent_get_update_custom_attributes (intent));
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "placement");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_placements; i++)
    {
      const FerryPlacement *p = ferry_migration_intent_get_placement (intent, i);

      json_builder_begin_object (b);
      add_string (b, "type", p->type);
      add_string (b, "id", p->id);
      add_string (b, "name", p->name);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "storage");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "defaultStorage");
  json_builder_begin_object (b);
  add_string (b, "id", ferry_migration_intent_get_datastore_id (intent));
  add_string (b, "name", ferry_migration_intent_get_datastore_name (intent));
  add_string (b, "type", ds_type != NULL ? ds_type : "Datastore");
  add_string (b, "diskProvisionType", provision != NULL ? provision : "thin");
  if (ferry_migration_intent_get_storage_profile_id (intent) != NULL
      || ferry_migration_intent_get_storage_profile_name (intent) != NULL)
    {
      json_builder_set_member_name (b, "storageParams");
      json_builder_begin_object (b);
      add_string (b, "storageProfileId", ferry_migration_intent_get_storage_profile_id (intent));
      add_string (b, "storageProfileName",
                  ferry_migration_intent_get_storage_profile_name (intent));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "networkParams");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "networkMappings");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_mappings; i++)
    {
      const FerryNetworkMapping *m = ferry_migration_intent_get_network_mapping (intent, i);

      json_builder_begin_object (b);
      add_string (b, "srcNetworkId", m->src_network_id);
      add_string (b, "srcNetworkType", m->src_network_type);
      add_string (b, "srcNetworkName", m->src_network_name);
      add_string (b, "destNetworkId", m->dest_network_id);
      add_string (b, "destNetworkType", m->dest_network_type);
      add_string (b, "destNetworkName", m->dest_network_name);
      add_string (b, "macAddress", m->mac_address);
      add_bool (b, "isPrimaryNic", m->is_primary_nic);
      add_bool (b, "connected", m->connected);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_end_object (b);
}

JsonNode *
ferry_hcx_json_from_intent (FerryMigrationIntent *intent, const char *migration_group_id)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (intent), NULL);

  build_intent (b, intent, migration_group_id);
  return json_builder_get_root (b);
}

JsonNode *
ferry_hcx_json_from_intents (GListModel *intents, const char *migration_group_id)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (intents), NULL);

  n = g_list_model_get_n_items (intents);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);

      build_intent (b, intent, migration_group_id);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
