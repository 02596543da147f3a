/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-calls.c: the shapes most API calls take, on top of one HTTP exchange
 * (ferry-hcx-client-request.c):
 *   call_json   request + JSON parsing of small answers (main thread);
 *   list_call   request -> list of model objects;
 *   bool_call   request -> acknowledged (an empty body or JSON that does not say it failed). */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-hcx-client-private.h"

/* _ferry_hcx_client_call_json: request + parse (small answers, main thread)
 * ------------------------------------- */

typedef struct
{
  guint status;
  char *method;
  char *path;
  JsonNode *body;
  FerryHcxRequestFlags flags;
  gboolean repeated;
} CallOp;

static void
call_op_free (CallOp *op)
{
  g_free (op->method);
  g_free (op->path);
  g_clear_pointer (&op->body, json_node_unref);
  g_free (op);
}

/* XML or HTML: what some endpoints answer now and then without regard to Accept. */
static gboolean
is_markup (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize i = 0;

  while (data != NULL && i < len && g_ascii_isspace (data[i]))
    i++;
  return data != NULL && i < len && data[i] == '<';
}

static void
on_call_json_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  CallOp *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  JsonNode *root;

  bytes = _ferry_hcx_client_request_finish (self, result, &op->status, &error);
  /* The status also on failure: 0 when no answer came, 401 when the server refused the
   * session (the request was then certainly not carried out), and so on. */
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = ferry_hcx_json_parse (bytes, self->host, &error);
  if (root == NULL && self->token != NULL && is_markup (bytes))
    {
      /* Logged in, so this is the HCX Manager: the markup is its own hiccup. A safe request
       * is asked once more; then the message says what happened, not "check the address". */
      if ((op->flags & FERRY_HCX_REQUEST_SAFE) && !op->repeated)
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          g_debug ("%s %s answered markup instead of JSON; asking once more", op->method, op->path);
          op->repeated = TRUE;
          _ferry_hcx_client_request_send (self, op->method, op->path, op->body, op->flags,
                                          cancellable, on_call_json_done, g_steal_pointer (&task));
          return;
        }
      g_clear_error (&error);
      g_set_error (&error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   op->repeated ? _ ("HCX Manager “%s” accepted the login, but answered %s twice "
                                     "with XML or HTML instead of JSON. The address is right; "
                                     "this part of the server may be unavailable or in "
                                     "maintenance. Try again later.")
                                : _ ("HCX Manager “%s” accepted the login, but answered %s with "
                                     "XML or HTML instead of JSON. The address is right; this "
                                     "part of the server may be unavailable or in "
                                     "maintenance."),
                   self->host, op->path);
    }
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, root, (GDestroyNotify)json_node_unref);
}

void
_ferry_hcx_client_call_json (FerryHcxClient *self, const char *method, const char *path,
                             JsonNode *body, FerryHcxRequestFlags flags, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  CallOp *op = g_new0 (CallOp, 1);

  g_task_set_source_tag (task, _ferry_hcx_client_call_json);
  op->method = g_strdup (method);
  op->path = g_strdup (path);
  op->body = body != NULL ? json_node_ref (body) : NULL;
  op->flags = flags;
  g_task_set_task_data (task, op, (GDestroyNotify)call_op_free);
  _ferry_hcx_client_request_send (self, method, path, body, flags, cancellable, on_call_json_done,
                                  task);
}

JsonNode *
_ferry_hcx_client_call_json_finish (FerryHcxClient *self, GAsyncResult *result, guint *status,
                                    GError **error)
{
  CallOp *op = g_task_get_task_data (G_TASK (result));

  if (status != NULL)
    *status = op->status;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Simple "request -> item list" calls ---------------------------------------------------------- */

typedef struct
{
  FerryHcxJsonItemFunc func;
  GType item_type;
  char *endpoint_id; /* stamped on items that have an endpoint-id property */
} ListOp;

static void
list_op_free (ListOp *op)
{
  g_free (op->endpoint_id);
  g_free (op);
}

static void
on_list_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  ListOp *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) items = NULL;
  GListStore *store;

  root = _ferry_hcx_client_call_json_finish (self, result, NULL, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = ferry_hcx_json_to_array (root, op->func, self->host, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (op->endpoint_id != NULL)
    {
      GParamSpec *pspec
          = g_object_class_find_property (g_type_class_peek (op->item_type), "endpoint-id");

      for (guint i = 0; pspec != NULL && i < items->len; i++)
        {
          g_autofree char *current = NULL;

          g_object_get (g_ptr_array_index (items, i), "endpoint-id", &current, NULL);
          if (current == NULL)
            g_object_set (g_ptr_array_index (items, i), "endpoint-id", op->endpoint_id, NULL);
        }
    }
  store = g_list_store_new (op->item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  g_task_return_pointer (task, store, g_object_unref);
}

void
_ferry_hcx_client_list_call (FerryHcxClient *self, gpointer source_tag, const char *method,
                             const char *path, JsonNode *body, FerryHcxJsonItemFunc func,
                             GType item_type, const char *endpoint_id, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ListOp *op = g_new0 (ListOp, 1);

  g_task_set_source_tag (task, source_tag);
  op->func = func;
  op->item_type = item_type;
  op->endpoint_id = g_strdup (endpoint_id);
  g_task_set_task_data (task, op, (GDestroyNotify)list_op_free);
  _ferry_hcx_client_call_json (self, method, path, body, FERRY_HCX_REQUEST_SAFE, cancellable,
                               on_list_done, task);
}

gpointer
_ferry_hcx_client_finish_pointer (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag,
                                  GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Simple "request -> success" calls ------------------------------------------------------------ */

/* An acknowledgement (cancel, group start, archive, schedule): an empty body or JSON. HTML, XML
 * or broken JSON is not one, even with a 2xx (a proxy's page, a truncated answer), and a JSON
 * body that says it failed is that failure. */
gboolean
_ferry_hcx_client_check_ack (FerryHcxClient *self, GBytes *bytes, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *message = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize i = 0;

  while (data != NULL && i < len && g_ascii_isspace (data[i]))
    i++;
  if (data == NULL || i == len)
    return TRUE;
  root = ferry_hcx_json_parse (bytes, self->host, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root) && !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                   _ ("HCX Manager “%s” answered in an unexpected format."), self->host);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_OBJECT (root)
      && !ferry_json_get_bool (json_node_get_object (root), "success", TRUE)
      && (message = ferry_hcx_json_error_message (root)) != NULL)
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_SERVER_ERROR,
                   _ ("HCX Manager “%s” reported an error: “%s”"), self->host, message);
      return FALSE;
    }
  return TRUE;
}

static void
on_bool_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = _ferry_hcx_client_request_finish (self, result, NULL, &error);

  if (bytes == NULL || !_ferry_hcx_client_check_ack (self, bytes, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
_ferry_hcx_client_bool_call (FerryHcxClient *self, gpointer source_tag, const char *method,
                             const char *path, JsonNode *body, FerryHcxRequestFlags flags,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  _ferry_hcx_client_request_send (self, method, path, body, flags, cancellable, on_bool_done, task);
}

gboolean
_ferry_hcx_client_finish_boolean (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag,
                                  GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
