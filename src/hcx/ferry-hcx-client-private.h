/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-private.h: what the parts of FerryHcxClient share.
 *
 *   ferry-hcx-client.c            the object: properties, session, login and logout
 *   ferry-hcx-client-request.c    one HTTP exchange: TLS trust, errors, re-login, JSON calls
 *   ferry-hcx-client-inventory.c  sites, containers, VMs, networks, datastores, storage
 *                                 profiles, interconnect, prerequisites
 *   ferry-hcx-client-mobility.c   validate, start (+ reconcile), query, cancel, groups, jobs */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ferry-hcx-client.h"
#include "ferry-hcx-json.h"

G_BEGIN_DECLS

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
  GTlsCertificate *pin_verified; /* the last certificate found to match the pin */
  gboolean certificate_expired;  /* the pinned certificate is past its expiry date */
  guint reconcile_timeout;       /* seconds an uncertain start or group creation is checked */

  /* Requests waiting for a re-login that is in flight. */
  GPtrArray *relogin_waiters;
  gboolean relogin_in_progress;
};

typedef enum
{
  FERRY_HCX_REQUEST_SAFE = 1 << 0,    /* may be repeated after a re-login; may reuse connections */
  FERRY_HCX_REQUEST_NO_AUTH = 1 << 1, /* the login itself */
  FERRY_HCX_REQUEST_ACCEPT_400 = 1 << 2, /* a 400 body is returned to the caller (validate/start) */
} FerryHcxRequestFlags;

/* ferry-hcx-client.c */
void
_ferry_hcx_secure_free (char *str);
void
_ferry_hcx_client_set_token (FerryHcxClient *self, const char *token);
void
_ferry_hcx_client_set_peer_certificate (FerryHcxClient *self, FerryHcxCertificate *cert);
void
_ferry_hcx_client_set_certificate_expired (FerryHcxClient *self, gboolean expired);

/* ferry-hcx-client-request.c */
char *
_ferry_hcx_server_says (const char *server_message);
void
_ferry_hcx_return_error (GTask *task, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

void
_ferry_hcx_client_request_send (FerryHcxClient *self, const char *method, const char *path,
                                JsonNode *body, FerryHcxRequestFlags flags,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data);
void
_ferry_hcx_client_request_login (FerryHcxClient *self, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
GBytes *
_ferry_hcx_client_request_finish (FerryHcxClient *self, GAsyncResult *result, guint *status,
                                  GError **error);

void
_ferry_hcx_client_call_json (FerryHcxClient *self, const char *method, const char *path,
                             JsonNode *body, FerryHcxRequestFlags flags, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
JsonNode *
_ferry_hcx_client_call_json_finish (FerryHcxClient *self, GAsyncResult *result, guint *status,
                                    GError **error);

/* request -> list of model objects (a GListStore of item_type), request -> success */
void
_ferry_hcx_client_list_call (FerryHcxClient *self, gpointer source_tag, const char *method,
                             const char *path, JsonNode *body, FerryHcxJsonItemFunc func,
                             GType item_type, const char *endpoint_id, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);

void
_ferry_hcx_client_bool_call (FerryHcxClient *self, gpointer source_tag, const char *method,
                             const char *path, JsonNode *body, FerryHcxRequestFlags flags,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data);

/* The _finish of the public calls: checks the result and its source tag, then propagates. */
gpointer
_ferry_hcx_client_finish_pointer (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag,
                                  GError **error);
gboolean
_ferry_hcx_client_finish_boolean (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag,
                                  GError **error);

G_END_DECLS
