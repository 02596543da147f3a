/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-server-faults.c: injected faults (latency, errors, dropped, reset, stalled or mangled
 * answers, ignored paging) and how an answer reaches the wire. */

#include "ferry-sim-server-private.h"

#include "ferry-sim-json.h"

#include <string.h>
#include <sys/socket.h>

void
ferry_sim_fault_free (gpointer data)
{
  Fault *f = data;

  g_free (f->path);
  g_free (f);
}

/* ---- faults ----------------------------------------------------------------------------- */

gboolean
ferry_sim_server_add_fault (FerrySimServer *self, JsonObject *o, GError **error)
{
  Fault *f;
  const char *path = ferry_sim_json_string (o, "path");
  double rate = ferry_sim_json_double (o, "errorRate", 0);
  gint64 status = ferry_sim_json_int (o, "status", 0);

  g_return_val_if_fail (FERRY_IS_SIM_SERVER (self), FALSE);

  if (o == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "A fault must be a JSON object");
      return FALSE;
    }
  if (!(rate >= 0 && rate <= 1)) /* also refuses NaN */
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "errorRate must be between 0 and 1, not %g", rate);
      return FALSE;
    }
  if (status != 0 && (status < 100 || status > 599))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "status must be an HTTP status code, not %" G_GINT64_FORMAT, status);
      return FALSE;
    }
  f = g_new0 (Fault, 1);
  f->path = g_strdup (path != NULL && *path != '\0' ? path : "*");
  f->latency_ms = (guint)CLAMP (ferry_sim_json_int (o, "latencyMs", 0), 0, 600000);
  f->error_rate = rate;
  f->status = (guint)status;
  f->drop = ferry_sim_json_bool (o, "drop", FALSE);
  f->drop_after = ferry_sim_json_bool (o, "dropAfter", FALSE);
  f->truncate = ferry_sim_json_bool (o, "truncate", FALSE);
  f->malformed = ferry_sim_json_bool (o, "malformed", FALSE);
  f->html = ferry_sim_json_bool (o, "html", FALSE);
  f->reset = ferry_sim_json_bool (o, "reset", FALSE);
  f->stall = ferry_sim_json_bool (o, "stall", FALSE);
  f->ignore_paging = ferry_sim_json_bool (o, "ignorePaging", FALSE);
  f->ignore_filter = ferry_sim_json_bool (o, "ignoreFilter", FALSE);
  f->latency_after_ms = (guint)CLAMP (ferry_sim_json_int (o, "latencyAfterMs", 0), 0, 600000);
  f->settle_ms = (guint)CLAMP (ferry_sim_json_int (o, "settleMs", 0), 0, 600000);
  f->skip = (guint)CLAMP (ferry_sim_json_int (o, "nth", 1), 1, G_MAXINT32) - 1;
  f->count = (guint)CLAMP (ferry_sim_json_int (o, "count", 0), 0, G_MAXINT32);
  /* A status alone means "always answer with it". */
  if (f->status != 0 && f->error_rate == 0 && !f->html)
    f->error_rate = 1;
  g_ptr_array_add (self->faults, f);
  return TRUE;
}

static gboolean
fault_matches (Fault *f, const char *path)
{
  if (g_str_equal (f->path, "*"))
    return TRUE;
  if (!g_str_has_prefix (f->path, "/"))
    {
      /* Allow "service/inventory/virtualmachines" or "/service/…" relative to the API root. */
      g_autofree char *full = g_strconcat (API "/", f->path, NULL);

      return g_str_has_prefix (path, full);
    }
  return g_str_has_prefix (path, f->path)
         || (!g_str_has_prefix (f->path, API) && g_str_has_prefix (path, API)
             && g_str_has_prefix (path + strlen (API), f->path));
}

/* The newest matching fault, copied (so that a count reaching 0 may free the original). */
Fault *
ferry_sim_server_take_fault (FerrySimServer *self, const char *path)
{
  guint i;

  for (i = self->faults->len; i > 0; i--)
    {
      Fault *f = g_ptr_array_index (self->faults, i - 1);
      Fault *copy;

      if (!fault_matches (f, path))
        continue;
      /* "nth": the first nth - 1 matching requests go through untouched. */
      if (f->skip > 0)
        {
          f->skip--;
          return NULL;
        }
      copy = g_memdup2 (f, sizeof *f);
      copy->path = g_strdup (f->path);
      /* Roll the error rate now so that "count" only counts requests actually affected. */
      if (copy->error_rate > 0 && g_rand_double (self->rand) >= copy->error_rate)
        copy->error_rate = 0;
      else if (copy->error_rate > 0)
        copy->error_rate = 1;
      if (copy->latency_ms == 0 && copy->error_rate == 0 && !copy->drop && !copy->drop_after
          && !copy->truncate && !copy->malformed && !copy->html && !copy->reset && !copy->stall
          && !copy->ignore_paging && !copy->ignore_filter && copy->latency_after_ms == 0
          && copy->settle_ms == 0)
        {
          ferry_sim_fault_free (copy);
          return NULL;
        }
      if (f->count > 0 && --f->count == 0)
        g_ptr_array_remove_index (self->faults, i - 1);
      return copy;
    }
  return NULL;
}

void
ferry_sim_fault_mangle_response (Fault *f, Response *r)
{
  if (f->html)
    {
      static const char html[]
          = "<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>\n"
            "<body><h1>Service Unavailable</h1><p>The HCX Manager is starting up or a proxy in "
            "front of it is failing. Try again later.</p></body></html>\n";

      ferry_sim_respond_raw (r, f->status != 0 ? f->status : 200, "text/html; charset=utf-8",
                             g_strdup (html), strlen (html));
    }
  else if (f->malformed)
    {
      static const char bad[] = "{\"success\":true,\"completed\":true,\"data\":{\"items\":"
                                "[{\"id\":\"vm-1001\",,\"name\":web-01}]},\"errors\":[}";

      ferry_sim_respond_raw (r, r->status, "application/json", g_strdup (bad), strlen (bad));
    }
  else if (f->truncate && r->body != NULL)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (r->body, &len);

      ferry_sim_respond_raw (r, r->status, r->content_type, g_strndup (data, len / 2), len / 2);
    }
}

/* A server that ignores paging: as if the request had asked for the first page. */
void
ferry_sim_fault_strip_paging (JsonNode *body)
{
  JsonObject *paging;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return;
  paging = ferry_sim_json_object (json_node_get_object (body), "paging");
  if (paging == NULL)
    return;
  if (json_object_has_member (paging, "offset"))
    json_object_remove_member (paging, "offset");
  if (json_object_has_member (paging, "skipCount"))
    json_object_remove_member (paging, "skipCount");
}

/* A server that ignores the filter answers with every migration (drafts aside): the ids, groups,
 * states and VMs asked for are dropped from the request before the engine sees it. */
void
ferry_sim_fault_strip_filter (JsonNode *body)
{
  static const char *const members[] = { "migrationId", "migrationGroupId", "state", "entityId" };
  JsonObject *filter;
  guint i;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return;
  filter = ferry_sim_json_object (json_node_get_object (body), "filter");
  if (filter == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (filter, members[i]))
      json_object_remove_member (filter, members[i]);
}

/* ---- delivery --------------------------------------------------------------------------- */

void
ferry_sim_send_response (SoupServerMessage *msg, Response *r)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gsize len = 0;
  gconstpointer data = r->body != NULL ? g_bytes_get_data (r->body, &len) : NULL;

  soup_server_message_set_status (msg, r->status != 0 ? r->status : 500, NULL);
  if (r->token != NULL)
    soup_message_headers_replace (headers, "x-hm-authorization", r->token);
  /* An empty body goes without a Content-Type. */
  soup_server_message_set_response (msg,
                                    r->content_type != NULL ? r->content_type
                                    : len > 0               ? "application/json"
                                                            : NULL,
                                    SOUP_MEMORY_COPY, data, len);
}

void
ferry_sim_drop_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  soup_server_message_set_status (msg, 500, NULL);
}

typedef struct
{
  FerrySimServer *self;
  SoupServerMessage *msg;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_object_unref (p->msg);
  g_free (p);
}

/* A source on the server's context, destroyed with the server if it has not run by then. */
static void
pending_schedule (FerrySimServer *self, guint ms, GSourceFunc func, gpointer data,
                  GDestroyNotify destroy)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, data, destroy);
  g_source_attach (source, self->context);
  g_ptr_array_add (self->delayed, source); /* owns the reference */
}

/* Closing with a zero linger time sends a TCP RST instead of a FIN. */
static gboolean
reset_cb (gpointer data)
{
  Pending *p = data;
  GSocket *socket = soup_server_message_get_socket (p->msg);

  g_ptr_array_remove_fast (p->self->delayed, g_main_current_source ());
  if (socket != NULL)
    {
      struct linger lg = { 1, 0 };

      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
      g_socket_close (socket, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* Once the first half is on the wire, give the client a moment to read it, then reset. */
static void
wrote_part_cb (SoupServerMessage *msg, gpointer user_data)
{
  FerrySimServer *self = user_data;
  Pending *p = g_new0 (Pending, 1);

  g_signal_handlers_disconnect_by_func (msg, wrote_part_cb, user_data);
  p->self = self;
  p->msg = g_object_ref (msg);
  pending_schedule (self, 20, reset_cb, p, pending_free);
}

/* Headers that promise the whole body, then only its first half: libsoup pauses the message
 * when it runs out of body, so the rest never comes (a stall), or a reset cuts it short. */
static void
send_partial (FerrySimServer *self, SoupServerMessage *msg, Response *r, gboolean reset)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gsize len = 0;
  gconstpointer data = r->body != NULL ? g_bytes_get_data (r->body, &len) : NULL;

  soup_server_message_set_status (msg, r->status != 0 ? r->status : 500, NULL);
  if (r->token != NULL)
    soup_message_headers_replace (headers, "x-hm-authorization", r->token);
  soup_message_headers_set_content_type (
      headers, r->content_type != NULL ? r->content_type : "application/json", NULL);
  soup_message_headers_set_content_length (headers, MAX (len, 2));
  if (len / 2 > 0)
    soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY, data,
                              len / 2);
  if (reset)
    g_signal_connect (msg, len / 2 > 0 ? "wrote-chunk" : "wrote-headers",
                      G_CALLBACK (wrote_part_cb), self);
}

typedef struct
{
  FerrySimServer *self;
  SoupServerMessage *msg;
  Response r;
  gboolean reset;
  gboolean stall;
} Held;

static void
held_free (gpointer data)
{
  Held *h = data;

  g_object_unref (h->msg);
  ferry_sim_response_clear (&h->r);
  g_free (h);
}

static void
send_now (FerrySimServer *self, SoupServerMessage *msg, Response *r, gboolean reset, gboolean stall)
{
  if (reset || stall)
    send_partial (self, msg, r, reset);
  else
    ferry_sim_send_response (msg, r);
}

static gboolean
held_cb (gpointer data)
{
  Held *h = data;

  g_ptr_array_remove_fast (h->self->delayed, g_main_current_source ());
  send_now (h->self, h->msg, &h->r, h->reset, h->stall);
  soup_server_message_unpause (h->msg);
  return G_SOURCE_REMOVE;
}

gboolean
ferry_sim_server_deliver (FerrySimServer *self, SoupServerMessage *msg, Fault *fault, Response *r)
{
  gboolean reset = fault != NULL && fault->reset;
  gboolean stall = fault != NULL && fault->stall;

  if (fault != NULL && fault->latency_after_ms > 0)
    {
      Held *h = g_new0 (Held, 1);

      h->self = self;
      h->msg = g_object_ref (msg);
      h->r = *r; /* steals the answer */
      memset (r, 0, sizeof *r);
      h->reset = reset;
      h->stall = stall;
      soup_server_message_pause (msg);
      pending_schedule (self, fault->latency_after_ms, held_cb, h, held_free);
      return TRUE;
    }
  send_now (self, msg, r, reset, stall);
  return FALSE;
}
