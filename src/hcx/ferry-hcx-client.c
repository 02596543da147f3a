/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client.c: one HCX Manager, one SoupSession.
 *
 * Layers, bottom up:
 *   request_*  one HTTP exchange (+ the 401 -> re-login -> repeat-if-safe dance), mapping every
 *              transport, TLS and status failure to a FERRY_HCX_ERROR; returns the body bytes.
 *   call_json  request + JSON parsing of small answers (main thread).
 *   the API    one small state machine per call; VM pages are parsed in a worker thread. */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "ferry-hcx-client.h"
#include "ferry-hcx-json.h"

#define DEFAULT_TIMEOUT 120
#define DEFAULT_CONNECT_TIMEOUT 20
#define DEFAULT_PAGE_SIZE 1000
#define QUERY_PAGE_SIZE 200
#define TOKEN_HEADER "x-hm-authorization"

struct _FerryHcxClient
{
  GObject parent_instance;

  SoupSession *session;
  char *server;
  char *base_url;
  char *host;
  char *pinned_fingerprint;
  guint timeout;
  guint connect_timeout;
  guint page_size;

  char *username;
  char *password;
  char *token;
  char *endpoint_id;
  guint token_generation; /* bumped by every new token */

  FerryHcxCertificate *peer_certificate;

  /* Requests waiting for a re-login that is in flight. */
  GPtrArray *relogin_waiters;
  gboolean relogin_in_progress;
};

G_DEFINE_FINAL_TYPE (FerryHcxClient, ferry_hcx_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SERVER,
  PROP_BASE_URL,
  PROP_HOST,
  PROP_PINNED_FINGERPRINT,
  PROP_TIMEOUT,
  PROP_CONNECT_TIMEOUT,
  PROP_LOGGED_IN,
  PROP_USERNAME,
  PROP_ENDPOINT_ID,
  PROP_PEER_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ------------------------------------------------------------------------------------- */

static void
secure_free (char *str)
{
  if (str != NULL)
    {
      explicit_bzero (str, strlen (str));
      g_free (str);
    }
}

static void
set_logged_in (FerryHcxClient *self, const char *token)
{
  gboolean was = self->token != NULL;

  secure_free (self->token);
  self->token = g_strdup (token);
  if (token != NULL)
    self->token_generation++;
  if (was != (self->token != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGGED_IN]);
}

/* "Server said: …" suffix, or "" */
static char *
server_says (const char *server_message)
{
  if (server_message == NULL || *server_message == '\0')
    return g_strdup ("");
  return g_strdup_printf (_ (" The server said: “%s”"), server_message);
}

static void
return_error (GTask *task, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
return_error (GTask *task, int code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_task_return_new_error (task, FERRY_HCX_ERROR, code, "%s", message);
}

/* Request ------------------------------------------------------------------------------------- */

typedef enum
{
  REQUEST_SAFE = 1 << 0,       /* may be repeated after a re-login; may reuse connections */
  REQUEST_NO_AUTH = 1 << 1,    /* the login itself */
  REQUEST_ACCEPT_400 = 1 << 2, /* a 400 body is returned to the caller (validate/start) */
} RequestFlags;

typedef struct
{
  char *method;
  char *path;
  GBytes *body;
  RequestFlags flags;
  gboolean relogged;
  guint token_generation; /* of the token this attempt carried */

  SoupMessage *msg;
  GCancellable *attempt_cancellable;
  gulong cancelled_id;
  GSource *timeout_source;
  gboolean timed_out;
  int certificate_error; /* -1 or FERRY_HCX_ERROR_CERTIFICATE_* */
  gint64 started;

  guint status;
} Request;

static void
request_free (Request *req)
{
  g_clear_pointer (&req->method, g_free);
  g_clear_pointer (&req->path, g_free);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_object (&req->msg);
  g_clear_object (&req->attempt_cancellable);
  if (req->timeout_source != NULL)
    {
      g_source_destroy (req->timeout_source);
      g_clear_pointer (&req->timeout_source, g_source_unref);
    }
  g_free (req);
}

static void
request_attempt (GTask *task);

static gboolean
on_accept_certificate (SoupMessage *msg, GTlsCertificate *certificate, GTlsCertificateFlags errors,
                       GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr (FerryHcxCertificate) cert = ferry_hcx_certificate_new (certificate, errors);

  g_set_object (&self->peer_certificate, cert);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEER_CERTIFICATE]);

  if (self->pinned_fingerprint == NULL)
    {
      g_debug ("%s: untrusted certificate %s", self->host,
               ferry_hcx_certificate_get_fingerprint (cert));
      req->certificate_error = FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED;
      return FALSE;
    }
  if (ferry_hcx_fingerprint_equal (self->pinned_fingerprint,
                                   ferry_hcx_certificate_get_fingerprint (cert)))
    return TRUE;

  g_debug ("%s: certificate %s does not match the pinned one", self->host,
           ferry_hcx_certificate_get_fingerprint (cert));
  req->certificate_error = FERRY_HCX_ERROR_CERTIFICATE_CHANGED;
  return FALSE;
}

static gboolean
on_request_timeout (gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  req->timed_out = TRUE;
  g_clear_pointer (&req->timeout_source, g_source_unref);
  g_cancellable_cancel (req->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *cancellable, GCancellable *attempt)
{
  g_cancellable_cancel (attempt);
}

static void
request_cleanup_attempt (GTask *task)
{
  Request *req = g_task_get_task_data (task);

  if (req->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), req->cancelled_id);
      req->cancelled_id = 0;
    }
  if (req->timeout_source != NULL)
    {
      g_source_destroy (req->timeout_source);
      g_clear_pointer (&req->timeout_source, g_source_unref);
    }
}

static void
remember_peer_certificate (FerryHcxClient *self, SoupMessage *msg)
{
  GTlsCertificate *tls = soup_message_get_tls_peer_certificate (msg);

  if (tls == NULL)
    return;
  if (self->peer_certificate != NULL
      && g_tls_certificate_is_same (
          tls, ferry_hcx_certificate_get_tls_certificate (self->peer_certificate)))
    return;
  g_clear_object (&self->peer_certificate);
  self->peer_certificate
      = ferry_hcx_certificate_new (tls, soup_message_get_tls_peer_certificate_errors (msg));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEER_CERTIFICATE]);
}

static void
return_transport_error (GTask *task, GError *error)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _ ("The operation was cancelled"));
      return;
    }
  if (req->timed_out)
    {
      return_error (task, FERRY_HCX_ERROR_TIMEOUT,
                    _ ("HCX Manager “%s” did not answer within %u seconds."), self->host,
                    self->timeout);
      return;
    }
  if (req->certificate_error == FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED)
    {
      g_autofree char *why = self->peer_certificate != NULL
                                 ? ferry_hcx_certificate_describe_errors (self->peer_certificate)
                                 : NULL;

      return_error (task, FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED,
                    _ ("The certificate of “%s” is not trusted (%s). Check its fingerprint and "
                       "trust it only if it is the certificate of your HCX Manager."),
                    self->host, why != NULL && *why != '\0' ? why : _ ("unknown issuer"));
      return;
    }
  if (req->certificate_error == FERRY_HCX_ERROR_CERTIFICATE_CHANGED)
    {
      return_error (task, FERRY_HCX_ERROR_CERTIFICATE_CHANGED,
                    _ ("The certificate of “%s” changed since you trusted it. This can mean the "
                       "appliance got a new certificate, or that someone is intercepting the "
                       "connection. Review the new certificate before trusting it."),
                    self->host);
      return;
    }
  if (error->domain == G_TLS_ERROR)
    {
      return_error (
          task,
          error->code == G_TLS_ERROR_BAD_CERTIFICATE ? FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED
                                                     : FERRY_HCX_ERROR_TLS,
          _ ("Could not establish a secure connection to “%s”: %s"), self->host, error->message);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      return_error (task, FERRY_HCX_ERROR_TIMEOUT,
                    _ ("HCX Manager “%s” did not answer in time (%s)."), self->host,
                    error->message);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The attempt was cancelled by something other than the caller or our timer. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _ ("The operation was cancelled"));
      return;
    }
  return_error (task, FERRY_HCX_ERROR_UNREACHABLE, _ ("Could not reach HCX Manager “%s”: %s"),
                self->host, error->message);
}

static void
relogin_begin (FerryHcxClient *self, GTask *waiter);

static void
return_status_error (GTask *task, guint status, GBytes *bytes)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr (JsonNode) root = ferry_hcx_json_parse (bytes, self->host, NULL);
  g_autofree char *server_message = ferry_hcx_json_error_message (root);
  g_autofree char *says = NULL;
  const char *reason = soup_status_get_phrase (status);

  if (server_message == NULL && root == NULL && bytes != NULL && g_bytes_get_size (bytes) > 0)
    {
      /* Not JSON (an HTML error page?): show nothing of it but say so. */
      server_message = NULL;
    }
  says = server_says (server_message);

  switch (status)
    {
      case SOUP_STATUS_UNAUTHORIZED:
        if (req->flags & REQUEST_NO_AUTH)
          return_error (task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
                        _ ("HCX Manager “%s” did not accept the user name or password.%s"),
                        self->host, says);
        else if (!req->relogged)
          return_error (task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
                        _ ("The session on HCX Manager “%s” has expired; log in again.%s"),
                        self->host, says);
        else
          return_error (task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
                        _ ("HCX Manager “%s” refused the session even after logging in again.%s"),
                        self->host, says);
        break;

      case SOUP_STATUS_FORBIDDEN:
        return_error (task, FERRY_HCX_ERROR_FORBIDDEN,
                      _ ("The user is not allowed to do this on HCX Manager “%s” (HTTP 403); check "
                         "the HCX role mapped to this user.%s"),
                      self->host, says);
        break;

      case SOUP_STATUS_NOT_FOUND:
        return_error (task, FERRY_HCX_ERROR_NOT_FOUND,
                      _ ("HCX Manager “%s” does not know %s (HTTP 404).%s"), self->host, req->path,
                      says);
        break;

      default:
        if (status >= 500)
          return_error (task, FERRY_HCX_ERROR_SERVER_ERROR,
                        _ ("HCX Manager “%s” reported a server error (HTTP %u %s).%s"), self->host,
                        status, reason != NULL ? reason : "", says);
        else if (status >= 400)
          return_error (task, FERRY_HCX_ERROR_BAD_REQUEST,
                        _ ("HCX Manager “%s” rejected the request (HTTP %u %s).%s"), self->host,
                        status, reason != NULL ? reason : "", says);
        else
          return_error (task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                        _ ("HCX Manager “%s” gave an unexpected answer (HTTP %u %s).%s"),
                        self->host, status, reason != NULL ? reason : "", says);
        break;
    }
}

static void
on_request_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FerryHcxClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  double ms;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  request_cleanup_attempt (task);
  ms = (double)(g_get_monotonic_time () - req->started) / 1000.0;

  if (bytes == NULL)
    {
      g_debug ("%s %s -> failed after %.0f ms: %s", req->method, req->path, ms, error->message);
      return_transport_error (task, error);
      return;
    }

  remember_peer_certificate (self, req->msg);
  req->status = soup_message_get_status (req->msg);
  g_debug ("%s %s -> %u (%" G_GSIZE_FORMAT " bytes, %.0f ms)", req->method, req->path, req->status,
           g_bytes_get_size (bytes), ms);

  if (req->status == SOUP_STATUS_UNAUTHORIZED && !(req->flags & REQUEST_NO_AUTH) && !req->relogged
      && self->password != NULL)
    {
      if (req->token_generation != self->token_generation && self->token != NULL
          && !self->relogin_in_progress && (req->flags & REQUEST_SAFE))
        {
          /* Sent with a token that a re-login has replaced meanwhile: just repeat it. */
          request_attempt (g_steal_pointer (&task));
          return;
        }
      g_debug ("%s: session expired, logging in again", self->host);
      req->relogged = TRUE;
      relogin_begin (self, g_steal_pointer (&task));
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (req->status)
      || (req->status == SOUP_STATUS_BAD_REQUEST && (req->flags & REQUEST_ACCEPT_400)))
    {
      if (req->flags & REQUEST_NO_AUTH)
        {
          const char *token = soup_message_headers_get_one (
              soup_message_get_response_headers (req->msg), TOKEN_HEADER);

          if (token == NULL || *token == '\0')
            {
              return_error (task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                            _ ("HCX Manager “%s” accepted the login but sent no session token; "
                               "is this an HCX Manager?"),
                            self->host);
              return;
            }
          set_logged_in (self, token);
        }
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify)g_bytes_unref);
      return;
    }

  return_status_error (task, req->status, bytes);
}

static void
request_attempt (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *url = g_strconcat (self->base_url, req->path, NULL);
  SoupMessageHeaders *headers;

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _ ("The operation was cancelled"));
      g_object_unref (task);
      return;
    }

  g_clear_object (&req->msg);
  req->msg = soup_message_new (req->method, url);
  if (req->msg == NULL)
    {
      return_error (task, FERRY_HCX_ERROR_INVALID_ARGUMENT, _ ("Invalid request address %s"), url);
      g_object_unref (task);
      return;
    }
  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (!(req->flags & REQUEST_NO_AUTH) && self->token != NULL)
    soup_message_headers_replace (headers, TOKEN_HEADER, self->token);
  req->token_generation = self->token_generation;
  if (req->body != NULL)
    soup_message_set_request_body_from_bytes (req->msg, "application/json", req->body);
  else
    soup_message_headers_replace (headers, "Content-Type", "application/json");
  if (req->flags & REQUEST_SAFE)
    soup_message_add_flags (req->msg, SOUP_MESSAGE_IDEMPOTENT);
  g_signal_connect (req->msg, "accept-certificate", G_CALLBACK (on_accept_certificate), task);

  req->timed_out = FALSE;
  req->certificate_error = -1;
  g_clear_object (&req->attempt_cancellable);
  req->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    req->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                               req->attempt_cancellable, NULL);
  if (self->timeout > 0)
    {
      req->timeout_source = g_timeout_source_new_seconds (self->timeout);
      g_source_set_callback (req->timeout_source, on_request_timeout, task, NULL);
      g_source_set_static_name (req->timeout_source, "[ferry-hcx] request timeout");
      g_source_attach (req->timeout_source, g_main_context_get_thread_default ());
    }
  req->started = g_get_monotonic_time ();
  g_debug ("%s %s", req->method, req->path);
  soup_session_send_and_read_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                                    req->attempt_cancellable, on_request_sent, task);
}

/* Re-login: one login in flight; every request that met a 401 waits for it. */

static void
on_relogin_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GPtrArray) waiters = g_steal_pointer (&self->relogin_waiters);

  self->relogin_waiters = g_ptr_array_new ();
  self->relogin_in_progress = FALSE;
  if (bytes == NULL)
    set_logged_in (self, NULL);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);
      Request *req = g_task_get_task_data (task);

      if (bytes == NULL)
        {
          if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS))
            return_error (task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
                          _ ("The session on HCX Manager “%s” expired and logging in again failed: "
                             "the user name or password is no longer accepted."),
                          self->host);
          else
            g_task_return_error (task, g_error_copy (error));
          g_object_unref (task);
        }
      else if (req->flags & REQUEST_SAFE)
        request_attempt (task); /* takes the reference */
      else
        {
          return_error (
              task, FERRY_HCX_ERROR_SESSION_EXPIRED,
              _ ("The session on HCX Manager “%s” had expired, so the server did not carry "
                 "out the request. Ferry has logged in again; try again."),
              self->host);
          g_object_unref (task);
        }
    }
}

static void
request_send (FerryHcxClient *self, const char *method, const char *path, JsonNode *body,
              RequestFlags flags, GCancellable *cancellable, GAsyncReadyCallback callback,
              gpointer user_data);

static GBytes *
login_body (FerryHcxClient *self);

static void
relogin_begin (FerryHcxClient *self, GTask *waiter)
{
  GTask *task;
  Request *req;

  g_ptr_array_add (self->relogin_waiters, waiter);
  if (self->relogin_in_progress)
    return;
  self->relogin_in_progress = TRUE;
  /* The stale token stays until the new one arrives, so that "logged-in" only drops when the
   * re-login fails (the UI then asks for the password again). */

  task = g_task_new (self, NULL, on_relogin_done, NULL);
  g_task_set_source_tag (task, relogin_begin);
  req = g_new0 (Request, 1);
  req->method = g_strdup ("POST");
  req->path = g_strdup ("/sessions");
  req->body = login_body (self);
  req->flags = REQUEST_NO_AUTH;
  g_task_set_task_data (task, req, (GDestroyNotify)request_free);
  request_attempt (task);
}

static void
request_send (FerryHcxClient *self, const char *method, const char *path, JsonNode *body,
              RequestFlags flags, GCancellable *cancellable, GAsyncReadyCallback callback,
              gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *req = g_new0 (Request, 1);

  g_task_set_source_tag (task, request_send);
  req->method = g_strdup (method);
  req->path = g_strdup (path);
  req->flags = flags;
  if (body != NULL)
    {
      gsize len = 0;
      char *data = json_to_string (body, FALSE);

      len = strlen (data);
      req->body = g_bytes_new_take (data, len);
    }
  g_task_set_task_data (task, req, (GDestroyNotify)request_free);

  if (!(flags & REQUEST_NO_AUTH) && self->token == NULL)
    {
      if (self->password != NULL && self->relogin_in_progress)
        {
          req->relogged = TRUE;
          relogin_begin (self, task);
          return;
        }
      return_error (task, FERRY_HCX_ERROR_NOT_LOGGED_IN, _ ("Not logged in to HCX Manager “%s”."),
                    self->host);
      g_object_unref (task);
      return;
    }
  request_attempt (task);
}

/* Returns the body; *status is the HTTP status (200, 202, or 400 with REQUEST_ACCEPT_400). */
static GBytes *
request_finish (FerryHcxClient *self, GAsyncResult *result, guint *status, GError **error)
{
  Request *req = g_task_get_task_data (G_TASK (result));

  if (status != NULL)
    *status = req->status;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* call_json: request + parse (small answers, main thread) ------------------------------------- */

static void
on_call_json_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  JsonNode *root;
  guint status = 0;

  bytes = request_finish (self, result, &status, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = ferry_hcx_json_parse (bytes, self->host, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, GUINT_TO_POINTER (status), NULL);
  g_task_return_pointer (task, root, (GDestroyNotify)json_node_unref);
}

static void
call_json (FerryHcxClient *self, const char *method, const char *path, JsonNode *body,
           RequestFlags flags, GCancellable *cancellable, GAsyncReadyCallback callback,
           gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, call_json);
  request_send (self, method, path, body, flags, cancellable, on_call_json_done, task);
}

static JsonNode *
call_json_finish (FerryHcxClient *self, GAsyncResult *result, guint *status, GError **error)
{
  if (status != NULL)
    *status = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
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

  root = call_json_finish (self, result, NULL, &error);
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

static void
list_call (FerryHcxClient *self, gpointer source_tag, const char *method, const char *path,
           JsonNode *body, FerryHcxJsonItemFunc func, GType item_type, const char *endpoint_id,
           GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ListOp *op = g_new0 (ListOp, 1);

  g_task_set_source_tag (task, source_tag);
  op->func = func;
  op->item_type = item_type;
  op->endpoint_id = g_strdup (endpoint_id);
  g_task_set_task_data (task, op, (GDestroyNotify)list_op_free);
  call_json (self, method, path, body, REQUEST_SAFE, cancellable, on_list_done, task);
}

static GListModel *
list_finish (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* {"filter":{"cloud":{"local":true}}} or {"filter":{"cloud":{"endpointId":"…"}}} plus extras */
static void
build_cloud_filter (JsonBuilder *b, const char *endpoint_id)
{
  json_builder_set_member_name (b, "cloud");
  json_builder_begin_object (b);
  if (endpoint_id == NULL)
    {
      json_builder_set_member_name (b, "local");
      json_builder_add_boolean_value (b, TRUE);
    }
  else
    {
      json_builder_set_member_name (b, "endpointId");
      json_builder_add_string_value (b, endpoint_id);
    }
  json_builder_end_object (b);
}

static JsonNode *
filter_body (const char *endpoint_id, gboolean with_cloud)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filter");
  json_builder_begin_object (b);
  if (with_cloud)
    build_cloud_filter (b, endpoint_id);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
escape (const char *str)
{
  return g_uri_escape_string (str, NULL, FALSE);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
ferry_hcx_client_dispose (GObject *object)
{
  FerryHcxClient *self = (FerryHcxClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->peer_certificate);

  G_OBJECT_CLASS (ferry_hcx_client_parent_class)->dispose (object);
}

static void
ferry_hcx_client_finalize (GObject *object)
{
  FerryHcxClient *self = (FerryHcxClient *)object;

  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->pinned_fingerprint, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->password, secure_free);
  g_clear_pointer (&self->token, secure_free);
  g_clear_pointer (&self->endpoint_id, g_free);
  g_clear_pointer (&self->relogin_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (ferry_hcx_client_parent_class)->finalize (object);
}

static void
ferry_hcx_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (object);

  switch (prop_id)
    {
      case PROP_SERVER:
        g_value_set_string (value, self->server);
        break;

      case PROP_BASE_URL:
        g_value_set_string (value, self->base_url);
        break;

      case PROP_HOST:
        g_value_set_string (value, self->host);
        break;

      case PROP_PINNED_FINGERPRINT:
        g_value_set_string (value, self->pinned_fingerprint);
        break;

      case PROP_TIMEOUT:
        g_value_set_uint (value, self->timeout);
        break;

      case PROP_CONNECT_TIMEOUT:
        g_value_set_uint (value, self->connect_timeout);
        break;

      case PROP_LOGGED_IN:
        g_value_set_boolean (value, self->token != NULL);
        break;

      case PROP_USERNAME:
        g_value_set_string (value, self->username);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      case PROP_PEER_CERTIFICATE:
        g_value_set_object (value, self->peer_certificate);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_hcx_client_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (object);

  switch (prop_id)
    {
      case PROP_SERVER:
        self->server = g_value_dup_string (value);
        break;

      case PROP_PINNED_FINGERPRINT:
        ferry_hcx_client_set_pinned_fingerprint (self, g_value_get_string (value));
        break;

      case PROP_TIMEOUT:
        ferry_hcx_client_set_timeout (self, g_value_get_uint (value));
        break;

      case PROP_CONNECT_TIMEOUT:
        ferry_hcx_client_set_connect_timeout (self, g_value_get_uint (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_hcx_client_class_init (FerryHcxClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ferry_hcx_client_dispose;
  object_class->finalize = ferry_hcx_client_finalize;
  object_class->get_property = ferry_hcx_client_get_property;
  object_class->set_property = ferry_hcx_client_set_property;

  properties[PROP_SERVER]
      = g_param_spec_string ("server", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL, ro);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, ro);
  properties[PROP_PINNED_FINGERPRINT]
      = g_param_spec_string ("pinned-fingerprint", NULL, NULL, NULL, rw);
  properties[PROP_TIMEOUT]
      = g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT, rw);
  properties[PROP_CONNECT_TIMEOUT] = g_param_spec_uint ("connect-timeout", NULL, NULL, 0, G_MAXUINT,
                                                        DEFAULT_CONNECT_TIMEOUT, rw);
  properties[PROP_LOGGED_IN] = g_param_spec_boolean ("logged-in", NULL, NULL, FALSE, ro);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, ro);
  properties[PROP_ENDPOINT_ID] = g_param_spec_string ("endpoint-id", NULL, NULL, NULL, ro);
  properties[PROP_PEER_CERTIFICATE]
      = g_param_spec_object ("peer-certificate", NULL, NULL, FERRY_TYPE_HCX_CERTIFICATE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_hcx_client_init (FerryHcxClient *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->page_size = DEFAULT_PAGE_SIZE;
  self->relogin_waiters = g_ptr_array_new ();
  self->session
      = soup_session_new_with_options ("timeout", DEFAULT_CONNECT_TIMEOUT, "idle-timeout", 60,
                                       "user-agent", "Ferry/" PACKAGE_VERSION " ", NULL);
}

/* Parses the server address into base_url and host. */
static gboolean
parse_server (FerryHcxClient *self, const char *server, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (server != NULL ? server : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *scheme;
  const char *hostname;
  int port;
  gboolean ipv6;

  if (*trimmed == '\0')
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                   _ ("Enter the address of the HCX Manager"));
      return FALSE;
    }
  with_scheme = strstr (trimmed, "://") != NULL ? g_strdup (trimmed)
                                                : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a valid server address"), trimmed);
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                   _ ("HCX Manager is only reachable over HTTPS; “%s” uses %s"), trimmed, scheme);
      return FALSE;
    }
  hostname = g_uri_get_host (uri);
  port = g_uri_get_port (uri);
  ipv6 = strchr (hostname, ':') != NULL;
  if (port > 0 && port != 443)
    self->host = g_strdup_printf (ipv6 ? "[%s]:%d" : "%s:%d", hostname, port);
  else
    self->host = g_strdup_printf (ipv6 ? "[%s]" : "%s", hostname);
  self->base_url = g_strdup_printf ("https://%s/hybridity/api", self->host);

  /* Never through a proxy to the loopback (the embedded simulator); this also keeps the
   * desktop's proxy settings out of isolated test environments. */
  if (g_hostname_is_ip_address (hostname) || g_ascii_strcasecmp (hostname, "localhost") == 0)
    {
      g_autoptr (GInetAddress) address = g_inet_address_new_from_string (hostname);

      if (address == NULL || g_inet_address_get_is_loopback (address))
        soup_session_set_proxy_resolver (self->session, NULL);
    }
  return TRUE;
}

FerryHcxClient *
ferry_hcx_client_new (const char *server, GError **error)
{
  g_autoptr (FerryHcxClient) self = g_object_new (FERRY_TYPE_HCX_CLIENT, "server", server, NULL);

  if (!parse_server (self, server, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Accessors ----------------------------------------------------------------------------------- */

const char *
ferry_hcx_client_get_server (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->server;
}

const char *
ferry_hcx_client_get_base_url (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->base_url;
}

const char *
ferry_hcx_client_get_host (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->host;
}

const char *
ferry_hcx_client_get_pinned_fingerprint (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->pinned_fingerprint;
}

void
ferry_hcx_client_set_pinned_fingerprint (FerryHcxClient *self, const char *fingerprint)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  normalized = fingerprint != NULL ? ferry_hcx_fingerprint_normalize (fingerprint) : NULL;
  if (fingerprint != NULL && normalized == NULL)
    g_warning ("Ignoring malformed certificate fingerprint");
  if (g_strcmp0 (normalized, self->pinned_fingerprint) == 0)
    return;
  g_free (self->pinned_fingerprint);
  self->pinned_fingerprint = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_FINGERPRINT]);
}

guint
ferry_hcx_client_get_timeout (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), 0);
  return self->timeout;
}

void
ferry_hcx_client_set_timeout (FerryHcxClient *self, guint seconds)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
ferry_hcx_client_get_connect_timeout (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), 0);
  return self->connect_timeout;
}

void
ferry_hcx_client_set_connect_timeout (FerryHcxClient *self, guint seconds)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  if (self->connect_timeout == seconds)
    return;
  self->connect_timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

gboolean
ferry_hcx_client_get_logged_in (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), FALSE);
  return self->token != NULL;
}

const char *
ferry_hcx_client_get_username (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->username;
}

const char *
ferry_hcx_client_get_endpoint_id (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->endpoint_id;
}

FerryHcxCertificate *
ferry_hcx_client_get_peer_certificate (FerryHcxClient *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  return self->peer_certificate;
}

void
ferry_hcx_client_set_page_size (FerryHcxClient *self, guint page_size)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  self->page_size = page_size > 0 ? page_size : DEFAULT_PAGE_SIZE;
}

void
ferry_hcx_client_set_tls_database (FerryHcxClient *self, GTlsDatabase *database)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  soup_session_set_tls_database (self->session, database);
}

/* Login --------------------------------------------------------------------------------------- */

static GBytes *
login_body (FerryHcxClient *self)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) root = NULL;
  char *data;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "username");
  json_builder_add_string_value (b, self->username != NULL ? self->username : "");
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, self->password != NULL ? self->password : "");
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  data = json_to_string (root, FALSE);
  /* The copy inside the builder's tree goes away with it; GBytes frees data securely. */
  return g_bytes_new_with_free_func (data, strlen (data), (GDestroyNotify)secure_free, data);
}

static void
on_login_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = request_finish (self, result, NULL, &error);
  g_autoptr (JsonNode) root = NULL;

  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The body is informative only (user, roles, endpointId); tolerate anything. */
  root = ferry_hcx_json_parse (bytes, self->host, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *data = ferry_json_get_object (json_node_get_object (root), "data");
      JsonObject *info = ferry_json_get_object (data, "endpointInfo");
      g_autofree char *uuid = ferry_json_dup_id (info, "uuid");

      if (uuid == NULL)
        uuid = ferry_json_dup_id (info, "endpointId");
      if (uuid != NULL && g_strcmp0 (uuid, self->endpoint_id) != 0)
        {
          g_free (self->endpoint_id);
          self->endpoint_id = g_steal_pointer (&uuid);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
        }
    }
  g_task_return_boolean (task, TRUE);
}

void
ferry_hcx_client_login_async (FerryHcxClient *self, const char *username, const char *password,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;
  GTask *req_task;
  Request *req;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_login_async);

  if (g_strcmp0 (self->username, username) != 0)
    {
      g_free (self->username);
      self->username = g_strdup (username);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
    }
  secure_free (self->password);
  self->password = g_strdup (password);
  set_logged_in (self, NULL);

  req_task = g_task_new (self, cancellable, on_login_done, task);
  g_task_set_source_tag (req_task, request_send);
  req = g_new0 (Request, 1);
  req->method = g_strdup ("POST");
  req->path = g_strdup ("/sessions");
  req->body = login_body (self);
  req->flags = REQUEST_NO_AUTH;
  g_task_set_task_data (req_task, req, (GDestroyNotify)request_free);
  request_attempt (req_task);
}

gboolean
ferry_hcx_client_login_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_hcx_client_logout (FerryHcxClient *self)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  g_clear_pointer (&self->password, secure_free);
  set_logged_in (self, NULL);
}

/* Sites and inventory ------------------------------------------------------------------------- */

void
ferry_hcx_client_list_sites_async (FerryHcxClient *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_call (self, ferry_hcx_client_list_sites_async, "GET", "/cloudConfigs", NULL,
             (FerryHcxJsonItemFunc)ferry_hcx_json_to_site, FERRY_TYPE_SITE, NULL, cancellable,
             callback, user_data);
}

GListModel *
ferry_hcx_client_list_sites_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_sites_async, error);
}

void
ferry_hcx_client_list_resource_containers_async (FerryHcxClient *self, gboolean remote,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filter");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cloud");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "local");
  json_builder_add_boolean_value (b, !remote);
  json_builder_set_member_name (b, "remote");
  json_builder_add_boolean_value (b, !!remote);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  list_call (self, ferry_hcx_client_list_resource_containers_async, "POST",
             "/service/inventory/resourcecontainer/list", body,
             (FerryHcxJsonItemFunc)ferry_hcx_json_to_resource_container,
             FERRY_TYPE_RESOURCE_CONTAINER, NULL, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_resource_containers_finish (FerryHcxClient *self, GAsyncResult *result,
                                                  GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_resource_containers_async, error);
}

void
ferry_hcx_client_list_networks_async (FerryHcxClient *self, const char *endpoint_id,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (JsonNode) body = filter_body (endpoint_id, TRUE);

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_call (self, ferry_hcx_client_list_networks_async, "POST", "/service/inventory/networks",
             body, (FerryHcxJsonItemFunc)ferry_hcx_json_to_network, FERRY_TYPE_NETWORK, endpoint_id,
             cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_networks_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_networks_async, error);
}

void
ferry_hcx_client_list_containers_async (FerryHcxClient *self, const char *endpoint_id,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  static const char *const types[] = { "datacenter", "cluster", "resourcePool", "folder" };
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filter");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cloud");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, endpoint_id != NULL ? "remote" : "local");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "entityType");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    json_builder_add_string_value (b, types[i]);
  json_builder_end_array (b);
  if (endpoint_id != NULL)
    {
      json_builder_set_member_name (b, "endpointId");
      json_builder_add_string_value (b, endpoint_id);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "options");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "compat");
  json_builder_add_double_value (b, 2.1);
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  list_call (self, ferry_hcx_client_list_containers_async, "POST", "/service/inventory/containers",
             body, (FerryHcxJsonItemFunc)ferry_hcx_json_to_container, FERRY_TYPE_CONTAINER,
             endpoint_id, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_containers_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_containers_async, error);
}

void
ferry_hcx_client_list_datastores_async (FerryHcxClient *self, const char *endpoint_id,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_autoptr (JsonNode) body = filter_body (endpoint_id, TRUE);

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_call (self, ferry_hcx_client_list_datastores_async, "POST", "/service/inventory/datastores",
             body, (FerryHcxJsonItemFunc)ferry_hcx_json_to_datastore, FERRY_TYPE_DATASTORE,
             endpoint_id, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_datastores_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_datastores_async, error);
}

void
ferry_hcx_client_list_storage_profiles_async (FerryHcxClient *self, const char *endpoint_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonNode) body = filter_body (endpoint_id, endpoint_id != NULL);

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_call (self, ferry_hcx_client_list_storage_profiles_async, "POST",
             "/service/inventory/storageProfiles", body,
             (FerryHcxJsonItemFunc)ferry_hcx_json_to_storage_profile, FERRY_TYPE_STORAGE_PROFILE,
             NULL, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_storage_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_storage_profiles_async, error);
}

/* VMs: paged, parsed in workers --------------------------------------------------------------
 *
 * Up to max_pages_in_flight() pages are requested and parsed at once (the JSON parsing and object
 * creation run in worker threads), and appended to the store strictly in order. Without a
 * total from the server the next page is requested speculatively; the first short page ends the
 * load and any page beyond it is dropped. The main thread only splices finished pages. */

/* Two: one page parsing while the next one travels. FERRY_HCX_PAGES_IN_FLIGHT=n for experiments. */
static guint
max_pages_in_flight (void)
{
  const char *env = g_getenv ("FERRY_HCX_PAGES_IN_FLIGHT");

  return env != NULL ? (guint)CLAMP (atoi (env), 1, 16) : 2;
}

typedef struct _VmPage VmPage;

typedef struct
{
  char *endpoint_id;
  FerryHcxProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GListStore *store;
  GPtrArray *pages;  /* VmPage*, indexed by page number; NULL until parsed */
  guint n_requested; /* pages requested so far */
  guint n_consumed;  /* pages appended to the store */
  guint in_flight;
  guint last_page; /* index of the first short page, G_MAXUINT if unknown */
  guint page_size;
  gint64 total;
  gboolean finished;
  char *last_first_id; /* id of the first VM of the last page appended */
} VmLoad;

struct _VmPage
{
  GTask *load_task; /* the list_vms task (a reference) */
  guint index;
  GBytes *bytes;
  char *host;
  char *endpoint_id;
  GPtrArray *vms;
  guint n_items; /* items in the page, including unusable ones */
  gint64 total;
  gboolean ignore_total;
};

static void
vm_page_free (VmPage *page)
{
  if (page == NULL)
    return;
  g_clear_object (&page->load_task);
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_clear_pointer (&page->vms, g_ptr_array_unref);
  g_free (page->host);
  g_free (page->endpoint_id);
  g_free (page);
}

static void
vm_load_free (VmLoad *load)
{
  if (load->progress_destroy != NULL)
    load->progress_destroy (load->progress_data);
  g_free (load->endpoint_id);
  g_free (load->last_first_id);
  g_clear_object (&load->store);
  g_clear_pointer (&load->pages, g_ptr_array_unref);
  g_free (load);
}

static void
parse_vm_page_thread (GTask *task, gpointer source_object, gpointer task_data,
                      GCancellable *cancellable)
{
  VmPage *page = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  gint64 t0 = g_get_monotonic_time ();
  JsonArray *items;
  gsize len = 0;
  const char *data = g_bytes_get_data (page->bytes, &len);

  page->vms = g_ptr_array_new_with_free_func (g_object_unref);

  /* The streaming parser first; anything unusual goes to the tree parser (which also gives
   * the right error). FERRY_HCX_TREE_PARSER=1 skips it, for comparisons. */
  if (g_getenv ("FERRY_HCX_TREE_PARSER") == NULL
      && ferry_hcx_json_parse_vm_page_fast (data, len, page->vms, &page->n_items, &page->total))
    {
      g_clear_pointer (&page->bytes, g_bytes_unref);
      /* A real HCX Manager promises no total; FERRY_HCX_IGNORE_TOTAL=1 makes the client behave
       * as if the server sent none (the tests use it to cover that path). */
      if (page->ignore_total)
        page->total = -1;
      for (guint i = 0; page->endpoint_id != NULL && i < page->vms->len; i++)
        ferry_vm_set_endpoint_id (g_ptr_array_index (page->vms, i), page->endpoint_id);
      g_debug ("page %u: %u VMs in %.1f ms (streaming)", page->index, page->vms->len,
               (g_get_monotonic_time () - t0) / 1000.0);
      g_task_return_boolean (task, TRUE);
      return;
    }

  root = ferry_hcx_json_parse (page->bytes, page->host, &error);
  g_clear_pointer (&page->bytes, g_bytes_unref);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = ferry_hcx_json_find_items (root);
  if (items == NULL)
    {
      g_task_return_new_error (task, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                               _ ("%s answered without the expected list of virtual machines"),
                               page->host);
      return;
    }
  page->total = page->ignore_total ? -1 : ferry_hcx_json_find_total (root);
  page->n_items = json_array_get_length (items);
  for (guint i = 0; i < page->n_items; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      FerryVm *vm;

      if ((i & 127) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      vm = ferry_hcx_json_to_vm (json_node_get_object (node));
      if (page->endpoint_id != NULL)
        ferry_vm_set_endpoint_id (vm, page->endpoint_id);
      g_ptr_array_add (page->vms, vm);
    }
  g_debug ("page %u: %u VMs in %.1f ms (tree)", page->index, page->vms->len,
           (g_get_monotonic_time () - t0) / 1000.0);
  g_task_return_boolean (task, TRUE);
}

/* The parser threads: a pool of our own whose threads run at a lower priority than the main
 * thread, so that parsing a large inventory never competes with drawing the UI on a busy
 * machine (GTask's shared pool cannot be reniced without affecting everybody). */
static void
parse_pool_func (gpointer data, gpointer user_data)
{
  GTask *task = data;

#ifdef __linux__
  {
    static GPrivate reniced;

    if (g_private_get (&reniced) == NULL)
      {
        /* Linux applies nice values per thread; failure only means "as fast as before". */
        (void)setpriority (PRIO_PROCESS, (id_t)syscall (SYS_gettid), 5);
        g_private_set (&reniced, GINT_TO_POINTER (1));
      }
  }
#endif
  parse_vm_page_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                        g_task_get_cancellable (task));
  g_object_unref (task);
}

static void
run_in_parse_pool (GTask *task)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      guint n = CLAMP (g_get_num_processors (), 2, 4);

      g_once_init_leave (&pool, g_thread_pool_new (parse_pool_func, NULL, (int)n, FALSE, NULL));
    }
  g_thread_pool_push (pool, g_object_ref (task), NULL);
}

static void
vm_load_request_more (GTask *task);

static void
vm_load_fail (GTask *task, GError *error)
{
  VmLoad *load = g_task_get_task_data (task);

  if (load->finished)
    {
      g_error_free (error);
      return;
    }
  load->finished = TRUE;
  g_task_return_error (task, error);
}

/* Appends every parsed page that is next in order; finishes at the last one. */
static void
vm_load_consume (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  VmLoad *load = g_task_get_task_data (task);

  while (!load->finished && load->n_consumed < load->pages->len
         && g_ptr_array_index (load->pages, load->n_consumed) != NULL)
    {
      VmPage *page = g_ptr_array_index (load->pages, load->n_consumed);
      const char *first_id
          = page->vms->len > 0 ? ferry_vm_get_id (g_ptr_array_index (page->vms, 0)) : NULL;
      guint n_loaded;

      g_ptr_array_index (load->pages, load->n_consumed) = NULL;
      load->n_consumed++;
      if (first_id != NULL && page->index > 0 && g_strcmp0 (first_id, load->last_first_id) == 0)
        {
          /* The same page again: the server ignores skipCount. What we have is all there is. */
          g_debug ("%s: page %u repeats the previous one; the server does not page", self->host,
                   page->index);
          vm_page_free (page);
          load->finished = TRUE;
          g_task_return_pointer (task, g_object_ref (load->store), g_object_unref);
          return;
        }
      else
        {
          g_list_store_splice (load->store, g_list_model_get_n_items (G_LIST_MODEL (load->store)),
                               0, page->vms->pdata, page->vms->len);
          g_free (load->last_first_id);
          load->last_first_id = g_strdup (first_id);
          if (page->total >= 0)
            load->total = page->total;
          /* A short page ends the list; so does a long one (the server ignored pageSize and
           * sent everything at once). */
          if (page->n_items != load->page_size)
            load->last_page = MIN (load->last_page, page->index);
          vm_page_free (page);
        }

      n_loaded = g_list_model_get_n_items (G_LIST_MODEL (load->store));
      if (load->progress != NULL)
        load->progress (load->n_consumed, n_loaded, load->total, load->progress_data);
      /* The progress callback may have cancelled the load. */
      if (g_task_return_error_if_cancelled (task))
        {
          load->finished = TRUE;
          return;
        }

      if (load->n_consumed > load->last_page
          || (load->total >= 0 && (gint64)load->n_consumed * load->page_size >= load->total))
        {
          load->finished = TRUE;
          g_debug ("%s: %u VMs in %u pages", self->host, n_loaded, load->n_consumed);
          g_task_return_pointer (task, g_object_ref (load->store), g_object_unref);
          return;
        }
    }
  if (!load->finished)
    vm_load_request_more (task);
}

static void
on_vm_page_parsed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  VmPage *page = g_task_get_task_data (G_TASK (result)); /* owned here: no destroy notify */
  g_autoptr (GTask) task = g_steal_pointer (&page->load_task);
  VmLoad *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->in_flight--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      vm_page_free (page);
      vm_load_fail (task, error);
      return;
    }
  if (load->finished)
    {
      vm_page_free (page);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      vm_page_free (page);
      load->finished = TRUE;
      return;
    }
  g_ptr_array_index (load->pages, page->index) = page;
  if (page->n_items != load->page_size)
    load->last_page = MIN (load->last_page, page->index);
  vm_load_consume (task);
}

static void
on_vm_page_received (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  VmPage *page = user_data;
  g_autoptr (GTask) task = g_object_ref (page->load_task);
  VmLoad *load = g_task_get_task_data (task);
  GError *error = NULL;
  GBytes *bytes = request_finish (self, result, NULL, &error);
  GTask *parse;

  if (bytes == NULL || load->finished)
    {
      load->in_flight--;
      vm_page_free (page);
      if (bytes == NULL)
        vm_load_fail (task, error);
      g_clear_pointer (&bytes, g_bytes_unref);
      return;
    }
  page->bytes = bytes;
  parse = g_task_new (self, g_task_get_cancellable (task), on_vm_page_parsed, NULL);
  g_task_set_source_tag (parse, parse_vm_page_thread);
  g_task_set_task_data (parse, page, NULL);
  run_in_parse_pool (parse);
  g_object_unref (parse);
}

static void
vm_load_request_more (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  VmLoad *load = g_task_get_task_data (task);

  while (load->in_flight < max_pages_in_flight () && load->n_requested <= load->last_page
         && (load->total < 0 || (gint64)load->n_requested * load->page_size < load->total) &&
         /* Without a total, do not run far ahead of what is known. */
         (load->total >= 0 || load->n_requested < load->n_consumed + 2))
    {
      g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
      g_autoptr (JsonNode) body = NULL;
      VmPage *page = g_new0 (VmPage, 1);

      page->load_task = g_object_ref (task);
      page->index = load->n_requested;
      page->host = g_strdup (self->host);
      page->endpoint_id = g_strdup (load->endpoint_id);
      page->ignore_total = g_strcmp0 (g_getenv ("FERRY_HCX_IGNORE_TOTAL"), "1") == 0;
      g_ptr_array_add (load->pages, NULL);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "filter");
      json_builder_begin_object (b);
      build_cloud_filter (b, load->endpoint_id);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "paging");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "skipCount");
      json_builder_add_int_value (b, (gint64)load->n_requested * load->page_size);
      json_builder_set_member_name (b, "pageSize");
      json_builder_add_int_value (b, load->page_size);
      json_builder_end_object (b);
      json_builder_end_object (b);
      body = json_builder_get_root (b);

      load->n_requested++;
      load->in_flight++;
      request_send (self, "POST", "/service/inventory/virtualmachines", body, REQUEST_SAFE,
                    g_task_get_cancellable (task), on_vm_page_received, page);
    }
}

void
ferry_hcx_client_list_vms_async (FerryHcxClient *self, const char *endpoint_id,
                                 FerryHcxProgressFunc progress, gpointer progress_data,
                                 GDestroyNotify progress_destroy, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  VmLoad *load;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_list_vms_async);
  load = g_new0 (VmLoad, 1);
  load->endpoint_id = g_strdup (endpoint_id);
  load->progress = progress;
  load->progress_data = progress_data;
  load->progress_destroy = progress_destroy;
  load->store = g_list_store_new (FERRY_TYPE_VM);
  load->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)vm_page_free);
  load->last_page = G_MAXUINT;
  load->page_size = self->page_size;
  load->total = -1;
  g_task_set_task_data (task, load, (GDestroyNotify)vm_load_free);
  vm_load_request_more (task);
}

GListModel *
ferry_hcx_client_list_vms_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_vms_async, error);
}

/* Interconnect -------------------------------------------------------------------------------- */

void
ferry_hcx_client_list_compute_profiles_async (FerryHcxClient *self, const char *endpoint_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  if (endpoint_id != NULL)
    {
      escaped = escape (endpoint_id);
      path = g_strdup_printf ("/interconnect/computeProfiles?endpointId=%s", escaped);
    }
  else
    path = g_strdup ("/interconnect/computeProfiles");
  list_call (self, ferry_hcx_client_list_compute_profiles_async, "GET", path, NULL,
             (FerryHcxJsonItemFunc)ferry_hcx_json_to_compute_profile, FERRY_TYPE_COMPUTE_PROFILE,
             endpoint_id != NULL ? endpoint_id : self->endpoint_id, cancellable, callback,
             user_data);
}

GListModel *
ferry_hcx_client_list_compute_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_compute_profiles_async, error);
}

void
ferry_hcx_client_list_service_meshes_async (FerryHcxClient *self, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_call (self, ferry_hcx_client_list_service_meshes_async, "GET", "/interconnect/serviceMesh",
             NULL, (FerryHcxJsonItemFunc)ferry_hcx_json_to_service_mesh, FERRY_TYPE_SERVICE_MESH,
             NULL, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_service_meshes_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error)
{
  return list_finish (self, result, ferry_hcx_client_list_service_meshes_async, error);
}

typedef struct
{
  char *remote;
  GListModel *source;
  GListModel *destination;
  GListModel *meshes;
  GError *error;
  guint pending;
} PrereqOp;

static void
prereq_op_free (PrereqOp *op)
{
  g_free (op->remote);
  g_clear_object (&op->source);
  g_clear_object (&op->destination);
  g_clear_object (&op->meshes);
  g_clear_error (&op->error);
  g_free (op);
}

static void
prereq_part_done (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  PrereqOp *op = g_task_get_task_data (task);

  if (--op->pending > 0)
    {
      g_object_unref (task);
      return;
    }
  if (op->error != NULL)
    g_task_return_error (task, g_steal_pointer (&op->error));
  else
    g_task_return_pointer (task,
                           ferry_prereq_evaluate (op->source, op->destination, op->meshes,
                                                  self->endpoint_id, op->remote, FALSE),
                           g_object_unref);
  g_object_unref (task);
}

static void
on_prereq_source (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  PrereqOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->source
      = ferry_hcx_client_list_compute_profiles_finish (FERRY_HCX_CLIENT (source), result, &error);
  if (error != NULL && op->error == NULL)
    op->error = error;
  else
    g_clear_error (&error);
  prereq_part_done (task);
}

static void
on_prereq_destination (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  PrereqOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->destination
      = ferry_hcx_client_list_compute_profiles_finish (FERRY_HCX_CLIENT (source), result, &error);
  if (error != NULL && op->error == NULL)
    op->error = error;
  else
    g_clear_error (&error);
  prereq_part_done (task);
}

static void
on_prereq_meshes (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  PrereqOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->meshes
      = ferry_hcx_client_list_service_meshes_finish (FERRY_HCX_CLIENT (source), result, &error);
  if (error != NULL && op->error == NULL)
    op->error = error;
  else
    g_clear_error (&error);
  prereq_part_done (task);
}

void
ferry_hcx_client_check_prerequisites_async (FerryHcxClient *self, const char *remote_endpoint_id,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data)
{
  GTask *task;
  PrereqOp *op;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (remote_endpoint_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_check_prerequisites_async);
  op = g_new0 (PrereqOp, 1);
  op->remote = g_strdup (remote_endpoint_id);
  op->pending = 3;
  g_task_set_task_data (task, op, (GDestroyNotify)prereq_op_free);
  ferry_hcx_client_list_compute_profiles_async (self, NULL, cancellable, on_prereq_source,
                                                g_object_ref (task));
  ferry_hcx_client_list_compute_profiles_async (self, remote_endpoint_id, cancellable,
                                                on_prereq_destination, g_object_ref (task));
  ferry_hcx_client_list_service_meshes_async (self, cancellable, on_prereq_meshes, task);
}

FerryPrereqReport *
ferry_hcx_client_check_prerequisites_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Validate and start -------------------------------------------------------------------------- */

typedef struct
{
  char *group_id;
  gboolean start;
  GError *start_error;
} MigrateOp;

static void
migrate_op_free (MigrateOp *op)
{
  g_free (op->group_id);
  g_clear_error (&op->start_error);
  g_free (op);
}

static void
on_reconcile_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  MigrateOp *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) migrations
      = ferry_hcx_client_query_migrations_finish (self, result, &error);
  g_autoptr (FerryValidationResult) vr = NULL;
  guint n;

  if (migrations == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      return_error (
          task, FERRY_HCX_ERROR_START_UNCONFIRMED,
          _ ("The start request to HCX Manager “%s” was interrupted (%s), and Ferry could "
             "not find out which migrations were created (%s). Do not start again: "
             "check the tracking view of group %s first."),
          self->host, op->start_error->message, error->message, op->group_id);
      return;
    }

  n = g_list_model_get_n_items (migrations);
  g_debug ("start of group %s reconciled by query: %u migrations exist", op->group_id, n);
  vr = ferry_validation_result_new ();
  ferry_validation_result_set_reconciled (vr, TRUE);
  ferry_validation_result_set_migration_group_id (vr, op->group_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);
      g_autoptr (FerryValidationItem) item = ferry_validation_item_new ();

      ferry_validation_item_set_entity_id (item, ferry_migration_get_entity_id (m));
      ferry_validation_item_set_entity_name (item, ferry_migration_get_entity_name (m));
      ferry_validation_item_set_migration_id (item, ferry_migration_get_migration_id (m));
      ferry_validation_item_set_migration_group_id (item,
                                                    ferry_migration_get_migration_group_id (m));
      ferry_validation_result_add_item (vr, item);
      ferry_validation_result_add_migration (vr, m);
    }
  g_task_return_pointer (task, g_steal_pointer (&vr), g_object_unref);
}

static void
on_migrate_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  MigrateOp *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  FerryValidationResult *vr;
  guint status = 0;

  root = call_json_finish (self, result, &status, &error);
  if (root == NULL)
    {
      if (op->start
          && (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNREACHABLE)
              || g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_TIMEOUT)
              || g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE)))
        {
          const char *ids[] = { op->group_id, NULL };
          GCancellable *cancellable = g_task_get_cancellable (task);

          g_debug ("start of group %s interrupted (%s); querying what was created", op->group_id,
                   error->message);
          op->start_error = g_steal_pointer (&error);
          ferry_hcx_client_query_migrations_async (self, NULL, ids, NULL, cancellable,
                                                   on_reconcile_done, g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  vr = ferry_hcx_json_to_validation_result (root);
  if (vr == NULL)
    {
      return_error (task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                    _ ("HCX Manager “%s” answered the %s request in an unexpected format."),
                    self->host, op->start ? "start" : "validation");
      return;
    }
  if (status == SOUP_STATUS_BAD_REQUEST && !ferry_validation_result_has_errors (vr))
    {
      g_autofree char *msg = ferry_hcx_json_error_message (root);
      g_autofree char *says = server_says (msg);

      g_object_unref (vr);
      return_error (task, FERRY_HCX_ERROR_BAD_REQUEST,
                    _ ("HCX Manager “%s” rejected the request (HTTP 400).%s"), self->host, says);
      return;
    }
  if (ferry_validation_result_get_migration_group_id (vr) == NULL)
    ferry_validation_result_set_migration_group_id (vr, op->group_id);
  g_task_return_pointer (task, vr, g_object_unref);
}

static void
migrate_call (FerryHcxClient *self, gpointer source_tag, gboolean start, GListModel *intents,
              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  MigrateOp *op = g_new0 (MigrateOp, 1);
  g_autoptr (JsonNode) body = NULL;
  guint n = g_list_model_get_n_items (intents);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify)migrate_op_free);
  op->start = start;

  if (n == 0)
    {
      return_error (task, FERRY_HCX_ERROR_INVALID_ARGUMENT, _ ("No virtual machine to migrate."));
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);
      const char *group = ferry_migration_intent_get_migration_group_id (intent);

      if (group == NULL)
        continue;
      if (op->group_id == NULL)
        op->group_id = g_strdup (group);
      else if (strcmp (op->group_id, group) != 0)
        {
          return_error (task, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                        _ ("The migrations belong to different migration groups."));
          g_object_unref (task);
          return;
        }
    }
  if (op->group_id == NULL && start)
    op->group_id = g_uuid_string_random ();

  body = ferry_hcx_json_from_intents (intents, op->group_id);
  call_json (self, "POST", start ? "/mobility/migrations/start" : "/mobility/migrations/validate",
             body, (start ? 0 : REQUEST_SAFE) | REQUEST_ACCEPT_400, cancellable, on_migrate_done,
             task);
}

void
ferry_hcx_client_validate_async (FerryHcxClient *self, GListModel *intents,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (intents));

  migrate_call (self, ferry_hcx_client_validate_async, FALSE, intents, cancellable, callback,
                user_data);
}

FerryValidationResult *
ferry_hcx_client_validate_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_start_async (FerryHcxClient *self, GListModel *intents, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (intents));

  migrate_call (self, ferry_hcx_client_start_async, TRUE, intents, cancellable, callback,
                user_data);
}

FerryValidationResult *
ferry_hcx_client_start_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Query --------------------------------------------------------------------------------------- */

typedef struct
{
  GStrv migration_ids;
  GStrv group_ids;
  GStrv entity_ids;
  guint offset;
  GListStore *store;
} QueryOp;

static void
query_op_free (QueryOp *op)
{
  g_strfreev (op->migration_ids);
  g_strfreev (op->group_ids);
  g_strfreev (op->entity_ids);
  g_clear_object (&op->store);
  g_free (op);
}

static void
add_strv (JsonBuilder *b, const char *member, GStrv values)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
query_next (GTask *task);

static void
on_query_page (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  QueryOp *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = call_json_finish (self, result, NULL, &error);
  g_autoptr (GPtrArray) items = NULL;
  JsonArray *raw;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  raw = ferry_hcx_json_find_items (root);
  items = ferry_hcx_json_to_array (root, (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration,
                                   self->host, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_list_store_splice (op->store, g_list_model_get_n_items (G_LIST_MODEL (op->store)), 0,
                       items->pdata, items->len);
  if (json_array_get_length (raw) < MIN (self->page_size, QUERY_PAGE_SIZE))
    {
      g_task_return_pointer (task, g_object_ref (op->store), g_object_unref);
      return;
    }
  op->offset += json_array_get_length (raw);
  query_next (g_steal_pointer (&task));
}

static void
query_next (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  QueryOp *op = g_task_get_task_data (task);
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filter");
  json_builder_begin_object (b);
  add_strv (b, "migrationId", op->migration_ids);
  add_strv (b, "migrationGroupId", op->group_ids);
  add_strv (b, "state", NULL);
  add_strv (b, "entityId", op->entity_ids);
  json_builder_set_member_name (b, "skipDrafts");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "includeArchived");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "options");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "resultLevel");
  json_builder_add_string_value (b, "MOBILITYGROUP_ITEMS");
  json_builder_set_member_name (b, "compat");
  json_builder_add_double_value (b, 2.1);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "paging");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pageSize");
  json_builder_add_int_value (b, MIN (self->page_size, QUERY_PAGE_SIZE));
  json_builder_set_member_name (b, "offset");
  json_builder_add_int_value (b, op->offset);
  json_builder_set_member_name (b, "skipCount");
  json_builder_add_int_value (b, op->offset);
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  call_json (self, "POST", "/migrations?action=query", body, REQUEST_SAFE,
             g_task_get_cancellable (task), on_query_page, task);
}

void
ferry_hcx_client_query_migrations_async (FerryHcxClient *self, const char *const *migration_ids,
                                         const char *const *migration_group_ids,
                                         const char *const *entity_ids, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;
  QueryOp *op;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_query_migrations_async);
  op = g_new0 (QueryOp, 1);
  op->migration_ids = g_strdupv ((char **)migration_ids);
  op->group_ids = g_strdupv ((char **)migration_group_ids);
  op->entity_ids = g_strdupv ((char **)entity_ids);
  op->store = g_list_store_new (FERRY_TYPE_MIGRATION);
  g_task_set_task_data (task, op, (GDestroyNotify)query_op_free);
  query_next (task);
}

GListModel *
ferry_hcx_client_query_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                          GError **error)
{
  return list_finish (self, result, ferry_hcx_client_query_migrations_async, error);
}

/* Simple "request -> success" calls ------------------------------------------------------------ */

static void
on_bool_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = request_finish (FERRY_HCX_CLIENT (source), result, NULL, &error);

  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
bool_call (FerryHcxClient *self, gpointer source_tag, const char *method, const char *path,
           JsonNode *body, RequestFlags flags, GCancellable *cancellable,
           GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  request_send (self, method, path, body, flags, cancellable, on_bool_done, task);
}

static gboolean
bool_finish (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_hcx_client_cancel_migrations_async (FerryHcxClient *self, GListModel *migrations,
                                          gboolean force, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;
  guint n;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (migrations));

  n = g_list_model_get_n_items (migrations);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "migrationId");
      json_builder_add_string_value (b, ferry_migration_get_migration_id (m));
      if (ferry_migration_get_migration_group_id (m) != NULL)
        {
          json_builder_set_member_name (b, "migrationGroupId");
          json_builder_add_string_value (b, ferry_migration_get_migration_group_id (m));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "removeLongRecoveryData");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  bool_call (self, ferry_hcx_client_cancel_migrations_async, "POST",
             force ? "/mobility/migrations/forceCancel" : "/mobility/migrations/cancel", body, 0,
             cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_cancel_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                           GError **error)
{
  return bool_finish (self, result, ferry_hcx_client_cancel_migrations_async, error);
}

/* Mobility groups ----------------------------------------------------------------------------- */

static void
on_group_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = call_json_finish (self, result, NULL, &error);
  JsonArray *items;
  FerryMobilityGroup *group = NULL;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = ferry_hcx_json_find_items (root);
  if (items != NULL && json_array_get_length (items) > 0
      && JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, 0)))
    group = ferry_hcx_json_to_mobility_group (json_array_get_object_element (items, 0));
  else if (JSON_NODE_HOLDS_OBJECT (root))
    group = ferry_hcx_json_to_mobility_group (json_node_get_object (root));
  if (group == NULL || ferry_mobility_group_get_id (group) == NULL)
    {
      g_clear_object (&group);
      return_error (task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                    _ ("HCX Manager “%s” created the mobility group but did not say its id."),
                    self->host);
      return;
    }
  if (ferry_mobility_group_get_name (group) == NULL)
    ferry_mobility_group_set_name (group, g_task_get_task_data (task));
  g_task_return_pointer (task, group, g_object_unref);
}

void
ferry_hcx_client_create_mobility_group_async (FerryHcxClient *self, const char *name,
                                              GListModel *intents, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;
  GTask *task;
  guint n;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (intents));

  n = g_list_model_get_n_items (intents);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "groupDefaults");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "migrations");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (intents, i);

      json_builder_add_value (b, ferry_hcx_json_from_intent (intent, NULL));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_create_mobility_group_async);
  g_task_set_task_data (task, g_strdup (name), g_free);
  call_json (self, "POST", "/mobility/groups", body, 0, cancellable, on_group_created, task);
}

FerryMobilityGroup *
ferry_hcx_client_create_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonNode *
group_ids_body (const char *const *group_ids)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; group_ids != NULL && group_ids[i] != NULL; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "migrationGroupId");
      json_builder_add_string_value (b, group_ids[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

void
ferry_hcx_client_start_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonNode) body = group_ids_body (group_ids);

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  bool_call (self, ferry_hcx_client_start_mobility_groups_async, "POST", "/mobility/groups/start",
             body, 0, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_start_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return bool_finish (self, result, ferry_hcx_client_start_mobility_groups_async, error);
}

void
ferry_hcx_client_archive_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonNode) body = group_ids_body (group_ids);

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  bool_call (self, ferry_hcx_client_archive_mobility_groups_async, "POST",
             "/mobility/groups/archive", body, 0, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_archive_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error)
{
  return bool_finish (self, result, ferry_hcx_client_archive_mobility_groups_async, error);
}

void
ferry_hcx_client_schedule_mobility_group_async (FerryHcxClient *self, const char *group_id,
                                                gint64 start_ms, gint64 expiry_ms, gboolean clear,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (group_id != NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mobilityGroupDefaults");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "switchover");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "startTime");
  json_builder_add_int_value (b, clear ? 0 : start_ms);
  json_builder_set_member_name (b, "expiryTime");
  json_builder_add_int_value (b, clear ? 0 : expiry_ms);
  json_builder_set_member_name (b, "clearSchedule");
  json_builder_add_boolean_value (b, clear);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  escaped = escape (group_id);
  path = g_strdup_printf ("/mobility/groups/%s/schedule", escaped);
  bool_call (self, ferry_hcx_client_schedule_mobility_group_async, "POST", path, body, 0,
             cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_schedule_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error)
{
  return bool_finish (self, result, ferry_hcx_client_schedule_mobility_group_async, error);
}

/* Jobs ---------------------------------------------------------------------------------------- */

static void
on_job_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = call_json_finish (self, result, NULL, &error);

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      return_error (task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                    _ ("HCX Manager “%s” answered the job request in an unexpected format."),
                    self->host);
      return;
    }
  g_task_return_pointer (task, ferry_hcx_json_to_job (json_node_get_object (root)), g_object_unref);
}

void
ferry_hcx_client_get_job_async (FerryHcxClient *self, const char *job_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (job_id != NULL);

  escaped = escape (job_id);
  path = g_strdup_printf ("/jobs/%s", escaped);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_get_job_async);
  call_json (self, "GET", path, NULL, REQUEST_SAFE, cancellable, on_job_done, task);
}

FerryJob *
ferry_hcx_client_get_job_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (FERRY_IS_HCX_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
