/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-server-respond.c: answers: raw bodies, JSON, error bodies, the hybridity envelope. */

#include "ferry-sim-server-private.h"

#include "ferry-sim-json.h"

#include <string.h>

/* ---- responses -------------------------------------------------------------------------- */

void
ferry_sim_response_clear (Response *r)
{
  g_free (r->content_type);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->token);
  memset (r, 0, sizeof *r);
}

void
ferry_sim_respond_raw (Response *r, guint status, const char *content_type, char *data, gsize len)
{
  char *type = g_strdup (content_type); /* content_type may be r->content_type itself */

  r->status = status;
  g_free (r->content_type);
  r->content_type = type;
  g_clear_pointer (&r->body, g_bytes_unref);
  r->body = g_bytes_new_take (data, len);
}

void
ferry_sim_respond_gstring (Response *r, guint status, GString *body)
{
  gsize len = body->len;

  ferry_sim_respond_raw (r, status, "application/json", g_string_free (body, FALSE), len);
}

void
ferry_sim_respond_node (Response *r, guint status, JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  gsize len = 0;
  char *data;

  json_generator_set_root (gen, node);
  data = json_generator_to_data (gen, &len);
  ferry_sim_respond_raw (r, status, "application/json", data, len);
}

void
ferry_sim_respond_builder (Response *r, guint status, JsonBuilder *b)
{
  g_autoptr (JsonNode) node = json_builder_get_root (b);

  ferry_sim_respond_node (r, status, node);
}

/* Migration-style error body, with the old-style fields too so either reader finds a message. */
void
ferry_sim_respond_error (Response *r, guint status, const char *code, const char *message)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  ferry_sim_json_add_bool (b, "success", FALSE);
  ferry_sim_json_add_bool (b, "completed", TRUE);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "code", code);
  ferry_sim_json_add_string (b, "message", message);
  ferry_sim_json_add_string (b, "error", code);
  ferry_sim_json_add_string (b, "text", message);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  ferry_sim_respond_builder (r, status, b);
}

void
ferry_sim_respond_unauthorized (Response *r)
{
  static const char body[] = "{\"success\":false,\"completed\":false,"
                             "\"errorCode\":\"INVALID_CREDENTIALS\",\"error\":\"Unauthorized\"}";

  ferry_sim_respond_raw (r, 401, "application/json", g_strdup (body), strlen (body));
}

/* Hybridity envelope, opened: the caller adds "data" members then calls envelope_end. */
void
ferry_sim_envelope_begin (FerrySimServer *self, JsonBuilder *b)
{
  json_builder_begin_object (b);
  ferry_sim_json_add_bool (b, "success", TRUE);
  ferry_sim_json_add_bool (b, "completed", TRUE);
  ferry_sim_json_add_int (b, "time", g_get_real_time () / 1000);
  ferry_sim_json_add_string (b, "version", "1.0");
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
}

void
ferry_sim_envelope_end (JsonBuilder *b)
{
  json_builder_end_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* ---- helpers ---------------------------------------------------------------------------- */

JsonObject *
ferry_sim_root_object (JsonNode *body)
{
  return body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
}

/* Which site a {"filter":{"cloud":…}} selects; default the local one. NULL if unknown. */
FerrySimSite *
ferry_sim_server_site_for_filter (FerrySimServer *self, JsonObject *filter)
{
  JsonObject *cloud = ferry_sim_json_object (filter, "cloud");
  const char *endpoint_id = ferry_sim_json_string (cloud, "endpointId");

  if (endpoint_id == NULL)
    endpoint_id = ferry_sim_json_string (filter, "endpointId");
  if (endpoint_id != NULL)
    {
      if (g_str_equal (endpoint_id, self->world->source.endpoint_id))
        return &self->world->source;
      if (g_str_equal (endpoint_id, self->world->destination.endpoint_id))
        return &self->world->destination;
      return NULL;
    }
  if (ferry_sim_json_bool (cloud, "remote", FALSE) && !ferry_sim_json_bool (cloud, "local", FALSE))
    return &self->world->destination;
  return &self->world->source;
}

void
ferry_sim_add_site_ref (JsonBuilder *b, FerrySimSite *site)
{
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "endpointId", site->endpoint_id);
  ferry_sim_json_add_string (b, "name", site->name);
  ferry_sim_json_add_string (b, "cloudType", site->cloud_type);
  json_builder_end_object (b);
}
