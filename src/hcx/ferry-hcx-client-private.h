/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-private.h: what the parts of FerryHcxClient share.
 *
 *   ferry-hcx-client.c            the object: properties, session, login and logout
 *   ferry-hcx-client-request.c    one HTTP exchange: TLS trust, errors, re-login
 *   ferry-hcx-client-calls.c      JSON calls, list calls, acknowledged calls
 *   ferry-hcx-client-inventory.c  sites, containers, VMs, networks, datastores, storage
 *                                 profiles, interconnect, prerequisites
 *   ferry-hcx-client-mobility.c   validate, start, cancel, groups, jobs
 *   ferry-hcx-client-query.c      the migrations query (pages parsed in worker threads)
 *   ferry-hcx-client-reconcile.c  what an interrupted start or group creation did */

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

/* ferry-hcx-client-calls.c */
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
/* Whether @bytes acknowledge an unsafe call: empty, or JSON that does not say it failed. */
gboolean
_ferry_hcx_client_check_ack (FerryHcxClient *self, GBytes *bytes, GError **error);

/* ferry-hcx-client-query.c: the migrations query, with drafts or without. */
void
_ferry_hcx_client_query_async (FerryHcxClient *self, const char *const *migration_ids,
                               const char *const *migration_group_ids,
                               const char *const *entity_ids, gboolean skip_drafts,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
GListModel *
_ferry_hcx_client_query_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);

/* ferry-hcx-client-reconcile.c */
typedef enum
{
  FERRY_HCX_OUTCOME_NOT_DONE,  /* certainly not carried out (never sent, 401, cancelled) */
  FERRY_HCX_OUTCOME_REFUSED,   /* a 4xx that is not a parsed answer: most likely not done */
  FERRY_HCX_OUTCOME_UNCERTAIN, /* anything else: the server may have acted */
} FerryHcxOutcome;

/* What a failed unsafe call (@error, NULL for an answer that could not be understood; @status
 * the HTTP status, 0 if none came) says about whether the server acted. */
FerryHcxOutcome
_ferry_hcx_outcome (const GError *error, guint status);
/* Finish @task (a start) with what exists of @group_id: takes @start_error. */
void
_ferry_hcx_client_reconcile_start (FerryHcxClient *self, GTask *task, const char *group_id,
                                   const char *const *entity_ids, guint n_expected,
                                   GError *start_error, gboolean refused);
/* Finish @task (a group creation) with the group that appeared for @entity_ids: the one with
 * @group_id (the desiredMigrationGroupId sent), else one that was not among @groups_before (a
 * server that chose its own id). Takes @create_error. */
void
_ferry_hcx_client_reconcile_group (FerryHcxClient *self, GTask *task, const char *name,
                                   const char *group_id, const char *const *entity_ids,
                                   GHashTable *groups_before, GError *create_error,
                                   gboolean refused);

/* Starts the mobility groups @group_ids (@body is the request); an answer that is not an
 * acknowledgement is reconciled: TRUE once no migration of the groups is a draft any more,
 * otherwise FERRY_HCX_ERROR_START_UNCONFIRMED (or the refusal). Finish with
 * _ferry_hcx_client_finish_boolean(). */
void
_ferry_hcx_client_start_groups (FerryHcxClient *self, gpointer source_tag,
                                const char *const *group_ids, JsonNode *body,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data);

/* The _finish of the public calls: checks the result and its source tag, then propagates. */
gpointer
_ferry_hcx_client_finish_pointer (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag,
                                  GError **error);
gboolean
_ferry_hcx_client_finish_boolean (FerryHcxClient *self, GAsyncResult *result, gpointer source_tag,
                                  GError **error);

/* ferry-hcx-client-inventory.c: {"filter":{"cloud":{"local":true}}} or
 * {"filter":{"cloud":{"endpointId":"…"}}}, in the object being built (for the VM list too). */
void
_ferry_hcx_client_build_cloud_filter (JsonBuilder *b, const char *endpoint_id);

G_END_DECLS
