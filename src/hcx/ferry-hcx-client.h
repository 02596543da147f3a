/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client.h: one HCX Manager, one SoupSession.
 *
 * Every call is an _async/_finish pair that takes a GCancellable and must be started from the
 * thread whose thread-default main context was current when the client was created (the
 * callbacks run there). Errors are FERRY_HCX_ERROR (see ferry-hcx-error.h) or
 * G_IO_ERROR_CANCELLED; every message names the server and carries the server's own message
 * when there is one.
 *
 * Session: ferry_hcx_client_login_async() keeps the token (x-hm-authorization) and the
 * credentials in memory. A call that gets 401 logs in again once and is repeated if it is safe
 * (GETs, inventory and query POSTs, validate); start is never sent twice. If that re-login
 * fails, "logged-in" turns FALSE (notify::logged-in) and the calls fail with BAD_CREDENTIALS (or
 * the transport error): ask for the password again and call login_async().
 *
 * TLS: without a pin, a certificate that validates normally is accepted. An untrusted
 * certificate fails with FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED and
 * ferry_hcx_client_get_peer_certificate() returns it; set #FerryHcxClient:pinned-fingerprint to
 * its fingerprint to trust it. Once a fingerprint is pinned, only that certificate is accepted:
 * any other one, even one that chains to a trusted CA (a TLS-inspecting proxy), fails with
 * FERRY_HCX_ERROR_CERTIFICATE_CHANGED before the request is sent. A pinned certificate past its
 * expiry date is accepted, and #FerryHcxClient:certificate-expired turns TRUE (the date is the
 * peer certificate's not-after) so that the UI can say so. */
#pragma once

#include <gio/gio.h>

#include "ferry-compute-profile.h"
#include "ferry-container.h"
#include "ferry-datastore.h"
#include "ferry-hcx-certificate.h"
#include "ferry-hcx-error.h"
#include "ferry-job.h"
#include "ferry-migration-intent.h"
#include "ferry-migration.h"
#include "ferry-mobility-group.h"
#include "ferry-network.h"
#include "ferry-prereq.h"
#include "ferry-resource-container.h"
#include "ferry-service-mesh.h"
#include "ferry-site.h"
#include "ferry-storage-profile.h"
#include "ferry-validation-result.h"
#include "ferry-vm.h"

G_BEGIN_DECLS

#define FERRY_TYPE_HCX_CLIENT (ferry_hcx_client_get_type ())
G_DECLARE_FINAL_TYPE (FerryHcxClient, ferry_hcx_client, FERRY, HCX_CLIENT, GObject)

/* Called on the client's main context after each page. @total is -1 when the server does not
 * say how many items there are. */
typedef void (*FerryHcxProgressFunc) (guint pages_loaded, guint items_loaded, gint64 total,
                                      gpointer user_data);

/* @server: "host", "host:port", or "https://host[:port][/hybridity/api]" (port 443 default).
 * Returns NULL and sets FERRY_HCX_ERROR_INVALID_ARGUMENT for an unusable address. */
FerryHcxClient *
ferry_hcx_client_new (const char *server, GError **error);

/* Properties:
 *  "server" (string, construct-only): the address as given.
 *  "base-url" (string, read-only): "https://host:port/hybridity/api".
 *  "host" (string, read-only): "host[:port]" as shown in messages.
 *  "pinned-fingerprint" (string): SHA-256 fingerprint the user trusted, or NULL.
 *  "timeout" (uint, seconds, default 120): overall limit for one request (0 = none).
 *  "connect-timeout" (uint, seconds, default 20): limit for connecting and for each wait on the
 *     socket (SoupSession:timeout).
 *  "logged-in" (bool, read-only), "username" (string, read-only),
 *  "endpoint-id" (string, read-only): this manager's endpointId, from the login answer.
 *  "peer-certificate" (FerryHcxCertificate, read-only): the last certificate the server showed.
 *  "certificate-expired" (bool, read-only): the pinned certificate was accepted although it is
 *     past its expiry date (ferry_hcx_certificate_get_not_after() of the peer certificate).
 *  "reconcile-timeout" (uint, seconds, default 30): how long an interrupted start or group
 *     creation is checked (with backoff) before it is reported as not confirmed yet. */
const char *
ferry_hcx_client_get_server (FerryHcxClient *self);
const char *
ferry_hcx_client_get_base_url (FerryHcxClient *self);
const char *
ferry_hcx_client_get_host (FerryHcxClient *self);
const char *
ferry_hcx_client_get_pinned_fingerprint (FerryHcxClient *self);
void
ferry_hcx_client_set_pinned_fingerprint (FerryHcxClient *self, const char *fingerprint);
guint
ferry_hcx_client_get_timeout (FerryHcxClient *self);
void
ferry_hcx_client_set_timeout (FerryHcxClient *self, guint seconds);
guint
ferry_hcx_client_get_connect_timeout (FerryHcxClient *self);
void
ferry_hcx_client_set_connect_timeout (FerryHcxClient *self, guint seconds);
gboolean
ferry_hcx_client_get_logged_in (FerryHcxClient *self);
const char *
ferry_hcx_client_get_username (FerryHcxClient *self);
const char *
ferry_hcx_client_get_endpoint_id (FerryHcxClient *self);
FerryHcxCertificate *
ferry_hcx_client_get_peer_certificate (FerryHcxClient *self);
guint
ferry_hcx_client_get_reconcile_timeout (FerryHcxClient *self);
void
ferry_hcx_client_set_reconcile_timeout (FerryHcxClient *self, guint seconds);
gboolean
ferry_hcx_client_get_certificate_expired (FerryHcxClient *self);
/* Page size for inventory paging (default 1000). */
void
ferry_hcx_client_set_page_size (FerryHcxClient *self, guint page_size);

/* Replaces the trust store (default: the system's). For custom CAs and for tests. */
void
ferry_hcx_client_set_tls_database (FerryHcxClient *self, GTlsDatabase *database);

/* Session ---------------------------------------------------------------------------------- */
void
ferry_hcx_client_login_async (FerryHcxClient *self, const char *username, const char *password,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean
ferry_hcx_client_login_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);
/* Forgets the token and the stored credentials (no request is sent). */
void
ferry_hcx_client_logout (FerryHcxClient *self);

/* Sites --------------------------------------------------------------------------------------
 * list_sites: FerrySite (GET /cloudConfigs). */
void
ferry_hcx_client_list_sites_async (FerryHcxClient *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
GListModel *
ferry_hcx_client_list_sites_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);

/* FerryResourceContainer (vCenters) of the local site (@remote FALSE) or of the remote sites. */
void
ferry_hcx_client_list_resource_containers_async (FerryHcxClient *self, gboolean remote,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
GListModel *
ferry_hcx_client_list_resource_containers_finish (FerryHcxClient *self, GAsyncResult *result,
                                                  GError **error);

/* Inventory ----------------------------------------------------------------------------------
 * @endpoint_id: NULL for the local (source) site, else a remote site's endpointId.
 *
 * list_vms: FerryVm, paged (page size 1000, two pages in flight); @progress is called on the
 * main context after each page. Pages are parsed in worker threads; the main loop only appends
 * finished pages. Without a total from the server it pages until a short page. */
void
ferry_hcx_client_list_vms_async (FerryHcxClient *self, const char *endpoint_id,
                                 FerryHcxProgressFunc progress, gpointer progress_data,
                                 GDestroyNotify progress_destroy, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
GListModel *
ferry_hcx_client_list_vms_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);
/* The same, appending each page to @store (empty, of FerryVm) on the main context as it arrives,
 * before @progress is called for it, so the VMs can be shown while the rest loads. On an
 * error or cancellation the pages appended so far stay in @store. */
void
ferry_hcx_client_list_vms_into_async (FerryHcxClient *self, const char *endpoint_id,
                                      GListStore *store, FerryHcxProgressFunc progress,
                                      gpointer progress_data, GDestroyNotify progress_destroy,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean
ferry_hcx_client_list_vms_into_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);

/* FerryNetwork */
void
ferry_hcx_client_list_networks_async (FerryHcxClient *self, const char *endpoint_id,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data);
GListModel *
ferry_hcx_client_list_networks_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);

/* FerryContainer: datacenters, clusters, resource pools and folders. */
void
ferry_hcx_client_list_containers_async (FerryHcxClient *self, const char *endpoint_id,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
GListModel *
ferry_hcx_client_list_containers_finish (FerryHcxClient *self, GAsyncResult *result,
                                         GError **error);

/* FerryDatastore */
void
ferry_hcx_client_list_datastores_async (FerryHcxClient *self, const char *endpoint_id,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
GListModel *
ferry_hcx_client_list_datastores_finish (FerryHcxClient *self, GAsyncResult *result,
                                         GError **error);

/* FerryStorageProfile */
void
ferry_hcx_client_list_storage_profiles_async (FerryHcxClient *self, const char *endpoint_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
GListModel *
ferry_hcx_client_list_storage_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error);

/* Interconnect -------------------------------------------------------------------------------
 * FerryComputeProfile of the local site (@endpoint_id NULL) or as read with ?endpointId=. */
void
ferry_hcx_client_list_compute_profiles_async (FerryHcxClient *self, const char *endpoint_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
GListModel *
ferry_hcx_client_list_compute_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error);

/* FerryServiceMesh */
void
ferry_hcx_client_list_service_meshes_async (FerryHcxClient *self, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
GListModel *
ferry_hcx_client_list_service_meshes_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error);

/* Fetches the source and destination compute profiles and the meshes for the pair
 * (this manager → @remote_endpoint_id) and evaluates them (ferry_prereq_evaluate()). */
void
ferry_hcx_client_check_prerequisites_async (FerryHcxClient *self, const char *remote_endpoint_id,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data);
FerryPrereqReport *
ferry_hcx_client_check_prerequisites_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error);

/* Migrations ---------------------------------------------------------------------------------
 * @intents: a GListModel of FerryMigrationIntent. Validation errors (also when the server
 * answers 400 with a validation body) are in the result, not in @error. */
void
ferry_hcx_client_validate_async (FerryHcxClient *self, GListModel *intents,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
FerryValidationResult *
ferry_hcx_client_validate_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);

/* Starts the migrations. Every intent is sent with one migrationGroupId: the intents' own
 * (they must agree) or a new one; it is in the result's "migration-group-id". Start is sent
 * once, never repeated (not even after a 401: the client logs in again and fails with
 * SESSION_EXPIRED; nothing was started; if that re-login fails, the error says the request was
 * not carried out and is safe to retry). Only a parsed answer is taken at its word: after any
 * other (a dropped connection, a timeout, a truncated or HTML body, a proxy's 5xx) the client
 * queries that group with backoff for #FerryHcxClient:reconcile-timeout seconds and returns a
 * result with "reconciled" TRUE and the migrations that exist; if none appeared (or the
 * queries failed) the error is FERRY_HCX_ERROR_START_UNCONFIRMED: not confirmed yet, do not
 * start again blindly. A 4xx gets one query and, if nothing is there, the server's error.
 * Cancelling a start returns G_IO_ERROR_CANCELLED without that query (the request may have
 * arrived): set the intents' migration-group-id yourself if you offer to cancel, so that you
 * can query the group. */
void
ferry_hcx_client_start_async (FerryHcxClient *self, GListModel *intents, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data);
FerryValidationResult *
ferry_hcx_client_start_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);

/* One batched, paged query (POST /migrations?action=query) for all given ids (any may be NULL;
 * all NULL queries every non-archived migration). Returns FerryMigration. Paging always ends:
 * a page with nothing new, or more pages than the total allows (1000 without a total), fails
 * with UNEXPECTED_RESPONSE. */
void
ferry_hcx_client_query_migrations_async (FerryHcxClient *self, const char *const *migration_ids,
                                         const char *const *migration_group_ids,
                                         const char *const *entity_ids, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
/* The same query for a caller that holds the migrations already (a tracker): @known_logs
 * (ferry_migration_log_digests_new (); may be NULL; not changed until the call
 * finishes) names the event logs it has, and a migration whose log is unchanged
 * comes back without its events, marked ferry_migration_get_log_omitted (), for
 * ferry_migration_update_from () to keep the events it has. Finished with
 * ferry_hcx_client_query_migrations_finish (). */
void
ferry_hcx_client_refresh_migrations_async (FerryHcxClient *self, const char *const *migration_ids,
                                           const char *const *migration_group_ids,
                                           GHashTable *known_logs, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
GListModel *
ferry_hcx_client_query_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                          GError **error);

/* Cancels (gracefully, or with @force the forceCancel endpoint) the given FerryMigrations. */
void
ferry_hcx_client_cancel_migrations_async (FerryHcxClient *self, GListModel *migrations,
                                          gboolean force, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_hcx_client_cancel_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                           GError **error);

/* Mobility groups ----------------------------------------------------------------------------
 * Creates a group named @name holding @intents (FerryMigrationIntent) as drafts, with an id of
 * the client's choosing (desiredMigrationGroupId). Sent once: the client first notes which
 * groups already hold drafts of these VMs, and after an answer it cannot use it looks for the
 * group with its id holding them (or, on a server that chose its own id, the new group holding
 * them), as start does, returning it, or START_UNCONFIRMED ("not confirmed yet") when none
 * appears.
 * Group start, archive, schedule and cancel succeed on an empty or JSON body; HTML, XML or
 * broken JSON is UNEXPECTED_RESPONSE, JSON saying "success":false is SERVER_ERROR. A group
 * start whose answer is anything but an acknowledgement is reconciled: success once the
 * groups' migrations are no longer drafts, else START_UNCONFIRMED (or the server's refusal). */
void
ferry_hcx_client_create_mobility_group_async (FerryHcxClient *self, const char *name,
                                              GListModel *intents, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
FerryMobilityGroup *
ferry_hcx_client_create_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error);

/* POST /mobility/groups/start or /archive for the given group ids. */
void
ferry_hcx_client_start_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_hcx_client_start_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error);
void
ferry_hcx_client_archive_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_hcx_client_archive_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error);

/* Reschedules a group's switchover window (epoch ms; @clear drops the schedule). */
void
ferry_hcx_client_schedule_mobility_group_async (FerryHcxClient *self, const char *group_id,
                                                gint64 start_ms, gint64 expiry_ms, gboolean clear,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_hcx_client_schedule_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error);

/* Jobs ---------------------------------------------------------------------------------------- */
void
ferry_hcx_client_get_job_async (FerryHcxClient *self, const char *job_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
FerryJob *
ferry_hcx_client_get_job_finish (FerryHcxClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
