/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client.c: TEMPORARY STUB so that the tree builds; the real client follows. */

#include "config.h"

#include "ferry-hcx-client.h"

struct _FerryHcxClient
{
  GObject parent_instance;
  char *server;
  char *pinned;
};

G_DEFINE_FINAL_TYPE (FerryHcxClient, ferry_hcx_client, G_TYPE_OBJECT)

static void
ferry_hcx_client_finalize (GObject *object)
{
  FerryHcxClient *self = (FerryHcxClient *)object;

  g_free (self->server);
  g_free (self->pinned);
  G_OBJECT_CLASS (ferry_hcx_client_parent_class)->finalize (object);
}

static void
ferry_hcx_client_class_init (FerryHcxClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_hcx_client_finalize;
}

static void
ferry_hcx_client_init (FerryHcxClient *self)
{
}

static void
stub_async (gpointer source, gpointer tag, GCancellable *cancellable, GAsyncReadyCallback callback,
            gpointer user_data)
{
  GTask *task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not implemented yet");
  g_object_unref (task);
}

FerryHcxClient *
ferry_hcx_client_new (const char *server, GError **error)
{
  FerryHcxClient *self = g_object_new (FERRY_TYPE_HCX_CLIENT, NULL);

  self->server = g_strdup (server);
  return self;
}

const char *
ferry_hcx_client_get_server (FerryHcxClient *self)
{
  return NULL;
}

const char *
ferry_hcx_client_get_base_url (FerryHcxClient *self)
{
  return NULL;
}

const char *
ferry_hcx_client_get_host (FerryHcxClient *self)
{
  return NULL;
}

const char *
ferry_hcx_client_get_pinned_fingerprint (FerryHcxClient *self)
{
  return NULL;
}

void
ferry_hcx_client_set_pinned_fingerprint (FerryHcxClient *self, const char *fingerprint)
{
}

guint
ferry_hcx_client_get_timeout (FerryHcxClient *self)
{
  return 0;
}

void
ferry_hcx_client_set_timeout (FerryHcxClient *self, guint seconds)
{
}

guint
ferry_hcx_client_get_connect_timeout (FerryHcxClient *self)
{
  return 0;
}

void
ferry_hcx_client_set_connect_timeout (FerryHcxClient *self, guint seconds)
{
}

gboolean
ferry_hcx_client_get_logged_in (FerryHcxClient *self)
{
  return 0;
}

const char *
ferry_hcx_client_get_username (FerryHcxClient *self)
{
  return NULL;
}

const char *
ferry_hcx_client_get_endpoint_id (FerryHcxClient *self)
{
  return NULL;
}

FerryHcxCertificate *
ferry_hcx_client_get_peer_certificate (FerryHcxClient *self)
{
  return NULL;
}

void
ferry_hcx_client_set_page_size (FerryHcxClient *self, guint page_size)
{
}

void
ferry_hcx_client_login_async (FerryHcxClient *self, const char *username, const char *password,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  stub_async (self, ferry_hcx_client_login_async, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_login_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_hcx_client_logout (FerryHcxClient *self)
{
}

void
ferry_hcx_client_list_sites_async (FerryHcxClient *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_sites_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_sites_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_resource_containers_async (FerryHcxClient *self, gboolean remote,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_resource_containers_async, cancellable, callback,
              user_data);
}

GListModel *
ferry_hcx_client_list_resource_containers_finish (FerryHcxClient *self, GAsyncResult *result,
                                                  GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_vms_async (FerryHcxClient *self, const char *endpoint_id,
                                 FerryHcxProgressFunc progress, gpointer progress_data,
                                 GDestroyNotify progress_destroy, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_vms_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_vms_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_networks_async (FerryHcxClient *self, const char *endpoint_id,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_networks_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_networks_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_containers_async (FerryHcxClient *self, const char *endpoint_id,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_containers_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_containers_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_datastores_async (FerryHcxClient *self, const char *endpoint_id,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_datastores_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_datastores_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_storage_profiles_async (FerryHcxClient *self, const char *endpoint_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_storage_profiles_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_storage_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_compute_profiles_async (FerryHcxClient *self, const char *endpoint_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_compute_profiles_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_compute_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_list_service_meshes_async (FerryHcxClient *self, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_list_service_meshes_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_service_meshes_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_check_prerequisites_async (FerryHcxClient *self, const char *remote_endpoint_id,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data)
{
  stub_async (self, ferry_hcx_client_check_prerequisites_async, cancellable, callback, user_data);
}

FerryPrereqReport *
ferry_hcx_client_check_prerequisites_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_validate_async (FerryHcxClient *self, GListModel *intents,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  stub_async (self, ferry_hcx_client_validate_async, cancellable, callback, user_data);
}

FerryValidationResult *
ferry_hcx_client_validate_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_start_async (FerryHcxClient *self, GListModel *intents, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_start_async, cancellable, callback, user_data);
}

FerryValidationResult *
ferry_hcx_client_start_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_query_migrations_async (FerryHcxClient *self, const char *const *migration_ids,
                                         const char *const *migration_group_ids,
                                         const char *const *entity_ids, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_query_migrations_async, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_query_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                          GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_cancel_migrations_async (FerryHcxClient *self, GListModel *migrations,
                                          gboolean force, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_cancel_migrations_async, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_cancel_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                           GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_hcx_client_create_mobility_group_async (FerryHcxClient *self, const char *name,
                                              GListModel *intents, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_create_mobility_group_async, cancellable, callback, user_data);
}

FerryMobilityGroup *
ferry_hcx_client_create_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_hcx_client_start_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_start_mobility_groups_async, cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_start_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_hcx_client_archive_mobility_groups_async (FerryHcxClient *self, const char *const *group_ids,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_archive_mobility_groups_async, cancellable, callback,
              user_data);
}

gboolean
ferry_hcx_client_archive_mobility_groups_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_hcx_client_schedule_mobility_group_async (FerryHcxClient *self, const char *group_id,
                                                gint64 start_ms, gint64 expiry_ms, gboolean clear,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_schedule_mobility_group_async, cancellable, callback,
              user_data);
}

gboolean
ferry_hcx_client_schedule_mobility_group_finish (FerryHcxClient *self, GAsyncResult *result,
                                                 GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ferry_hcx_client_get_job_async (FerryHcxClient *self, const char *job_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  stub_async (self, ferry_hcx_client_get_job_async, cancellable, callback, user_data);
}

FerryJob *
ferry_hcx_client_get_job_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
