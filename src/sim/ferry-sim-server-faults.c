/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-server-faults.c: injected faults (latency, errors, dropped or mangled answers). */

#include "ferry-sim-server-private.h"

#include "ferry-sim-json.h"

#include <string.h>

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
      copy = g_memdup2 (f, sizeof *f);
      copy->path = g_strdup (f->path);
      /* Roll the error rate now so that "count" only counts requests actually affected. */
      if (copy->error_rate > 0 && g_rand_double (self->rand) >= copy->error_rate)
        copy->error_rate = 0;
      else if (copy->error_rate > 0)
        copy->error_rate = 1;
      if (copy->latency_ms == 0 && copy->error_rate == 0 && !copy->drop && !copy->drop_after
          && !copy->truncate && !copy->malformed && !copy->html)
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
