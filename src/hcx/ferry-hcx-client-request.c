/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-request.c: one HTTP exchange with the HCX Manager.
 *
 * Layers, bottom up:
 *   request_*  one HTTP exchange (+ the 401 -> re-login -> repeat-if-safe dance), mapping every
 *              transport, TLS and status failure to a FERRY_HCX_ERROR; returns the body bytes.
 *              TLS trust is decided here, per attempt: a certificate that validates normally is
 *              accepted, otherwise the pinned fingerprint must match.
 * On top of it, in ferry-hcx-client-calls.c: call_json (request + JSON parsing of small answers)
 * and the shapes most API calls take, "request -> list of model objects" and "request ->
 * acknowledged". */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-hcx-client-private.h"

#define TOKEN_HEADER "x-hm-authorization"

/* Helpers ------------------------------------------------------------------------------------- */

/* "Server said: …" suffix, or "" */
char *
_ferry_hcx_server_says (const char *server_message)
{
  if (server_message == NULL || *server_message == '\0')
    return g_strdup ("");
  return g_strdup_printf (_ (" The server said: “%s”"), server_message);
}

void
_ferry_hcx_return_error (GTask *task, int code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_task_return_new_error (task, FERRY_HCX_ERROR, code, "%s", message);
}

/* Request ------------------------------------------------------------------------------------- */

typedef struct
{
  char *method;
  char *path;
  GBytes *body;
  FerryHcxRequestFlags flags;
  gboolean relogged;
  guint token_generation; /* of the token this attempt carried */

  SoupMessage *msg;
  GCancellable *attempt_cancellable;
  gulong cancelled_id;
  GSource *timeout_source;
  gboolean timed_out;
  int certificate_error; /* -1 or FERRY_HCX_ERROR_CERTIFICATE_* */
  gboolean handshaked;   /* this attempt finished a TLS handshake */
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

/* Only called for a certificate that did not validate: the pin decides. */
static gboolean
on_accept_certificate (SoupMessage *msg, GTlsCertificate *certificate, GTlsCertificateFlags errors,
                       GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr (FerryHcxCertificate) cert = ferry_hcx_certificate_new (certificate, errors);

  _ferry_hcx_client_set_peer_certificate (self, cert);

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

/* Whether @certificate is the pinned one (TRUE when nothing is pinned). Remembers the last one
 * that matched, so that a kept-alive connection costs no hashing. */
static gboolean
pin_matches (FerryHcxClient *self, GTlsCertificate *certificate)
{
  g_autofree char *fingerprint = NULL;

  if (self->pinned_fingerprint == NULL)
    return TRUE;
  if (self->pin_verified != NULL && g_tls_certificate_is_same (self->pin_verified, certificate))
    return TRUE;
  fingerprint = ferry_hcx_fingerprint_for_certificate (certificate);
  if (!ferry_hcx_fingerprint_equal (self->pinned_fingerprint, fingerprint))
    return FALSE;
  g_set_object (&self->pin_verified, certificate);
  return TRUE;
}

/* Once a fingerprint is pinned, only that certificate is accepted, even one that validates
 * normally (a TLS-inspecting proxy's, say): accept-certificate only sees the ones that do not.
 * The check runs when the handshake is done, before the request is written. */
static void
on_network_event (SoupMessage *msg, GSocketClientEvent event, GIOStream *connection, GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  GTlsCertificate *certificate;
  GTlsCertificateFlags errors;

  if (event != G_SOCKET_CLIENT_TLS_HANDSHAKED || !G_IS_TLS_CONNECTION (connection))
    return;
  req->handshaked = TRUE;
  certificate = g_tls_connection_get_peer_certificate (G_TLS_CONNECTION (connection));
  errors = g_tls_connection_get_peer_certificate_errors (G_TLS_CONNECTION (connection));
  if (certificate == NULL)
    return;
  if (self->peer_certificate == NULL
      || !g_tls_certificate_is_same (
          certificate, ferry_hcx_certificate_get_tls_certificate (self->peer_certificate))
      || ferry_hcx_certificate_get_errors (self->peer_certificate) != errors)
    {
      g_autoptr (FerryHcxCertificate) cert = ferry_hcx_certificate_new (certificate, errors);

      _ferry_hcx_client_set_peer_certificate (self, cert);
    }
  if (!pin_matches (self, certificate))
    {
      g_debug ("%s: certificate %s is valid but not the pinned one", self->host,
               ferry_hcx_certificate_get_fingerprint (self->peer_certificate));
      req->certificate_error = FERRY_HCX_ERROR_CERTIFICATE_CHANGED;
      g_cancellable_cancel (req->attempt_cancellable);
      return;
    }
  _ferry_hcx_client_set_certificate_expired (
      self, self->pinned_fingerprint != NULL && (errors & G_TLS_CERTIFICATE_EXPIRED) != 0);
}

/* libsoup sends a GET again by itself when a kept-alive connection drops before the answer
 * (the peer closed it as the request went out). libsoup 3.2 then has two reads of the answer in
 * flight for one message: the failed one's completion can still be pending in an idle callback
 * when the queue has already given the message another idle kept-alive connection and started
 * reading again. That stale completion is then taken as the message's final error, the queue
 * frees the message's queue item, and the second read completes on freed memory (a crash in
 * run_until_read_done). A message that is sent again on a connection of its own cannot be
 * running before the stale completion is dispatched (connecting takes further main-loop
 * iterations), and the completion then sees a restarted message and is dropped as libsoup
 * intends. A fresh connection is also the better choice after a drop: the other kept-alive
 * connections to that server may be dead as well. */
static void
on_restarted (SoupMessage *msg, GTask *task)
{
  Request *req = g_task_get_task_data (task);

  g_debug ("%s %s: connection dropped, sent again on a new connection", req->method, req->path);
  soup_message_add_flags (msg, SOUP_MESSAGE_NEW_CONNECTION);
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

  /* libsoup may keep the message a while (a connection closing); the handlers point at us. */
  if (req->msg != NULL)
    g_signal_handlers_disconnect_by_data (req->msg, task);

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
  g_autoptr (FerryHcxCertificate) cert = NULL;

  if (tls == NULL)
    return;
  if (self->peer_certificate != NULL
      && g_tls_certificate_is_same (
          tls, ferry_hcx_certificate_get_tls_certificate (self->peer_certificate)))
    return;
  cert = ferry_hcx_certificate_new (tls, soup_message_get_tls_peer_certificate_errors (msg));
  _ferry_hcx_client_set_peer_certificate (self, cert);
}

/* The TLS backend reports a reset or a close in the middle of the handshake as a handshake
 * failure, with the system's words for the cause in the message (the same libc's, so the same
 * language as g_strerror()). */
static gboolean
closed_during_handshake (const GError *error, gboolean handshaked)
{
  if (error->domain != G_TLS_ERROR || handshaked)
    return FALSE;
  return error->code == G_TLS_ERROR_EOF || strstr (error->message, g_strerror (ECONNRESET)) != NULL
         || strstr (error->message, g_strerror (EPIPE)) != NULL;
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
      _ferry_hcx_return_error (task, FERRY_HCX_ERROR_TIMEOUT,
                               _ ("HCX Manager “%s” did not answer within %u seconds."), self->host,
                               self->timeout);
      return;
    }
  if (req->certificate_error == FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED)
    {
      g_autofree char *why = self->peer_certificate != NULL
                                 ? ferry_hcx_certificate_describe_errors (self->peer_certificate)
                                 : NULL;

      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED,
          _ ("The certificate of “%s” is not trusted (%s). Check its fingerprint and "
             "trust it only if it is the certificate of your HCX Manager."),
          self->host, why != NULL && *why != '\0' ? why : _ ("unknown issuer"));
      return;
    }
  if (req->certificate_error == FERRY_HCX_ERROR_CERTIFICATE_CHANGED)
    {
      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_CERTIFICATE_CHANGED,
          _ ("The certificate of “%s” changed since you trusted it. This can mean the "
             "appliance got a new certificate, or that someone is intercepting the "
             "connection. Review the new certificate before trusting it."),
          self->host);
      return;
    }
  if (closed_during_handshake (error, req->handshaked))
    {
      /* The peer reset or closed the connection in the middle of the handshake: a firewall or
       * a service that is not (yet) up, not a TLS problem. */
      _ferry_hcx_return_error (task, FERRY_HCX_ERROR_UNREACHABLE,
                               _ ("Could not reach HCX Manager “%s”: the connection was closed "
                                  "during the secure handshake (%s)."),
                               self->host, error->message);
      return;
    }
  if (error->domain == G_TLS_ERROR)
    {
      _ferry_hcx_return_error (
          task,
          error->code == G_TLS_ERROR_BAD_CERTIFICATE ? FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED
                                                     : FERRY_HCX_ERROR_TLS,
          _ ("Could not establish a secure connection to “%s”: %s"), self->host, error->message);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      _ferry_hcx_return_error (task, FERRY_HCX_ERROR_TIMEOUT,
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
  _ferry_hcx_return_error (task, FERRY_HCX_ERROR_UNREACHABLE,
                           _ ("Could not reach HCX Manager “%s”: %s"), self->host, error->message);
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
  says = _ferry_hcx_server_says (server_message);

  switch (status)
    {
      case SOUP_STATUS_UNAUTHORIZED:
        if (req->flags & FERRY_HCX_REQUEST_NO_AUTH)
          _ferry_hcx_return_error (
              task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
              _ ("HCX Manager “%s” did not accept the user name or password.%s"), self->host, says);
        else if (!req->relogged)
          _ferry_hcx_return_error (
              task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
              _ ("The session on HCX Manager “%s” has expired; log in again.%s"), self->host, says);
        else
          _ferry_hcx_return_error (
              task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
              _ ("HCX Manager “%s” refused the session even after logging in again.%s"), self->host,
              says);
        break;

      case SOUP_STATUS_FORBIDDEN:
        _ferry_hcx_return_error (
            task, FERRY_HCX_ERROR_FORBIDDEN,
            _ ("The user is not allowed to do this on HCX Manager “%s” (HTTP 403); check "
               "the HCX role mapped to this user.%s"),
            self->host, says);
        break;

      case SOUP_STATUS_NOT_FOUND:
        _ferry_hcx_return_error (task, FERRY_HCX_ERROR_NOT_FOUND,
                                 _ ("HCX Manager “%s” does not know %s (HTTP 404).%s"), self->host,
                                 req->path, says);
        break;

      default:
        if (status >= 500)
          _ferry_hcx_return_error (task, FERRY_HCX_ERROR_SERVER_ERROR,
                                   _ ("HCX Manager “%s” reported a server error (HTTP %u %s).%s"),
                                   self->host, status, reason != NULL ? reason : "", says);
        else if (status >= 400)
          _ferry_hcx_return_error (task, FERRY_HCX_ERROR_BAD_REQUEST,
                                   _ ("HCX Manager “%s” rejected the request (HTTP %u %s).%s"),
                                   self->host, status, reason != NULL ? reason : "", says);
        else
          _ferry_hcx_return_error (task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
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
  if (soup_message_get_tls_peer_certificate (req->msg) != NULL
      && !pin_matches (self, soup_message_get_tls_peer_certificate (req->msg)))
    {
      /* A connection opened before this pin was set (the check above runs per handshake). */
      req->certificate_error = FERRY_HCX_ERROR_CERTIFICATE_CHANGED;
      return_transport_error (task, NULL);
      return;
    }
  req->status = soup_message_get_status (req->msg);
  g_debug ("%s %s -> %u (%" G_GSIZE_FORMAT " bytes, %.0f ms)", req->method, req->path, req->status,
           g_bytes_get_size (bytes), ms);

  if (req->status == SOUP_STATUS_UNAUTHORIZED && !(req->flags & FERRY_HCX_REQUEST_NO_AUTH)
      && !req->relogged && self->password != NULL)
    {
      if (req->token_generation != self->token_generation && self->token != NULL
          && !self->relogin_in_progress && (req->flags & FERRY_HCX_REQUEST_SAFE))
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
      || (req->status == SOUP_STATUS_BAD_REQUEST && (req->flags & FERRY_HCX_REQUEST_ACCEPT_400)))
    {
      if (req->flags & FERRY_HCX_REQUEST_NO_AUTH)
        {
          const char *token = soup_message_headers_get_one (
              soup_message_get_response_headers (req->msg), TOKEN_HEADER);

          if (token == NULL || *token == '\0')
            {
              _ferry_hcx_return_error (
                  task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                  _ ("HCX Manager “%s” accepted the login but sent no session token; "
                     "is this an HCX Manager?"),
                  self->host);
              return;
            }
          _ferry_hcx_client_set_token (self, token);
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
      _ferry_hcx_return_error (task, FERRY_HCX_ERROR_INVALID_ARGUMENT,
                               _ ("Invalid request address %s"), url);
      g_object_unref (task);
      return;
    }
  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (!(req->flags & FERRY_HCX_REQUEST_NO_AUTH) && self->token != NULL)
    soup_message_headers_replace (headers, TOKEN_HEADER, self->token);
  req->token_generation = self->token_generation;
  if (req->body != NULL)
    soup_message_set_request_body_from_bytes (req->msg, "application/json", req->body);
  else
    soup_message_headers_replace (headers, "Content-Type", "application/json");
  if (req->flags & FERRY_HCX_REQUEST_SAFE)
    soup_message_add_flags (req->msg, SOUP_MESSAGE_IDEMPOTENT);
  g_signal_connect (req->msg, "accept-certificate", G_CALLBACK (on_accept_certificate), task);
  g_signal_connect (req->msg, "network-event", G_CALLBACK (on_network_event), task);
  g_signal_connect (req->msg, "restarted", G_CALLBACK (on_restarted), task);

  req->timed_out = FALSE;
  req->certificate_error = -1;
  req->handshaked = FALSE;
  req->status = 0;
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
    _ferry_hcx_client_set_token (self, NULL);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);
      Request *req = g_task_get_task_data (task);

      if (bytes == NULL)
        {
          if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS))
            _ferry_hcx_return_error (
                task, FERRY_HCX_ERROR_BAD_CREDENTIALS,
                _ ("The session on HCX Manager “%s” expired and logging in again failed: "
                   "the user name or password is no longer accepted."),
                self->host);
          else if (req->flags & FERRY_HCX_REQUEST_SAFE)
            g_task_return_error (task, g_error_copy (error));
          else
            /* The server refused the session (401), so it did not act; and the request is
             * not sent again. Say so: the user may safely try again. */
            g_task_return_new_error (
                task, error->domain, error->code,
                _ ("The session on HCX Manager “%s” had expired and logging in again failed "
                   "(%s). The request was not carried out; it is safe to try again once the "
                   "server can be reached."),
                self->host, error->message);
          g_object_unref (task);
        }
      else if (req->flags & FERRY_HCX_REQUEST_SAFE)
        request_attempt (task); /* takes the reference */
      else
        {
          _ferry_hcx_return_error (
              task, FERRY_HCX_ERROR_SESSION_EXPIRED,
              _ ("The session on HCX Manager “%s” had expired, so the server did not carry "
                 "out the request. Ferry has logged in again; try again."),
              self->host);
          g_object_unref (task);
        }
    }
}

/* The TLS backend and the system's trust store are loaded once per process, in a worker
 * thread before the first request: libsoup would load them on the calling thread when the
 * first connection opens, ~20-40 ms of reading and parsing the CA certificates during which
 * the main loop stands still. Both are cached by GIO; later requests start at once. */
static gint tls_ready;

static void
tls_warm_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GTlsDatabase) database
      = g_tls_backend_get_default_database (g_tls_backend_get_default ());

  g_atomic_int_set (&tls_ready, 1);
  g_task_return_boolean (task, TRUE);
}

static void
tls_warmed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  request_attempt (G_TASK (user_data));
}

static void
request_start (GTask *task)
{
  g_autoptr (GTask) warm = NULL;

  if (g_atomic_int_get (&tls_ready))
    {
      request_attempt (task);
      return;
    }
  warm = g_task_new (g_task_get_source_object (task), NULL, tls_warmed_cb, task);
  g_task_set_source_tag (warm, request_start);
  g_task_run_in_thread (warm, tls_warm_thread);
}

/* Takes body (may be NULL) as it is: the login's carries a password and frees it securely. */
static void
request_send_bytes (FerryHcxClient *self, const char *method, const char *path, GBytes *body,
                    FerryHcxRequestFlags flags, GCancellable *cancellable,
                    GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *req = g_new0 (Request, 1);

  g_task_set_source_tag (task, request_send_bytes);
  req->method = g_strdup (method);
  req->path = g_strdup (path);
  req->body = body;
  req->flags = flags;
  g_task_set_task_data (task, req, (GDestroyNotify)request_free);

  if (!(flags & FERRY_HCX_REQUEST_NO_AUTH) && self->token == NULL)
    {
      if (self->password != NULL && self->relogin_in_progress)
        {
          req->relogged = TRUE;
          relogin_begin (self, task);
          return;
        }
      _ferry_hcx_return_error (task, FERRY_HCX_ERROR_NOT_LOGGED_IN,
                               _ ("Not logged in to HCX Manager “%s”."), self->host);
      g_object_unref (task);
      return;
    }
  request_start (task);
}

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
  return g_bytes_new_with_free_func (data, strlen (data), (GDestroyNotify)_ferry_hcx_secure_free,
                                     data);
}

void
_ferry_hcx_client_request_login (FerryHcxClient *self, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  request_send_bytes (self, "POST", "/sessions", login_body (self), FERRY_HCX_REQUEST_NO_AUTH,
                      cancellable, callback, user_data);
}

static void
relogin_begin (FerryHcxClient *self, GTask *waiter)
{
  g_ptr_array_add (self->relogin_waiters, waiter);
  if (self->relogin_in_progress)
    return;
  self->relogin_in_progress = TRUE;
  /* The stale token stays until the new one arrives, so that "logged-in" only drops when the
   * re-login fails (the UI then asks for the password again). */
  _ferry_hcx_client_request_login (self, NULL, on_relogin_done, NULL);
}

void
_ferry_hcx_client_request_send (FerryHcxClient *self, const char *method, const char *path,
                                JsonNode *body, FerryHcxRequestFlags flags,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GBytes *bytes = NULL;

  if (body != NULL)
    {
      char *data = json_to_string (body, FALSE);

      bytes = g_bytes_new_take (data, strlen (data));
    }
  request_send_bytes (self, method, path, bytes, flags, cancellable, callback, user_data);
}

/* Returns the body; *status is the HTTP status (200, 202, or 400 with
 * FERRY_HCX_REQUEST_ACCEPT_400). */
GBytes *
_ferry_hcx_client_request_finish (FerryHcxClient *self, GAsyncResult *result, guint *status,
                                  GError **error)
{
  Request *req = g_task_get_task_data (G_TASK (result));

  if (status != NULL)
    *status = req->status;
  return g_task_propagate_pointer (G_TASK (result), error);
}
