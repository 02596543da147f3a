/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-inventory.c: what there is to migrate, and where to.
 *
 * Sites, resource containers, networks, containers, datastores, storage profiles, compute
 * profiles and service meshes, and the prerequisite check built from them (the VMs, paged and
 * parsed in worker threads, are in ferry-hcx-client-vms.c). */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include "ferry-hcx-client-private.h"

/* {"filter":{"cloud":{"local":true}}} or {"filter":{"cloud":{"endpointId":"…"}}} plus extras */
void
_ferry_hcx_client_build_cloud_filter (JsonBuilder *b, const char *endpoint_id)
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

/* POST path {"filter":{"cloud":…}} (or {"filter":{}} without with_cloud) -> list of item_type;
 * items without an endpoint id get endpoint_id when stamp is TRUE. */
static void
list_filtered (FerryHcxClient *self, gpointer source_tag, const char *path, const char *endpoint_id,
               gboolean with_cloud, gboolean stamp, FerryHcxJsonItemFunc func, GType item_type,
               GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filter");
  json_builder_begin_object (b);
  if (with_cloud)
    _ferry_hcx_client_build_cloud_filter (b, endpoint_id);
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  _ferry_hcx_client_list_call (self, source_tag, "POST", path, body, func, item_type,
                               stamp ? endpoint_id : NULL, cancellable, callback, user_data);
}

/* Sites and inventory ------------------------------------------------------------------------- */

void
ferry_hcx_client_list_sites_async (FerryHcxClient *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  _ferry_hcx_client_list_call (self, ferry_hcx_client_list_sites_async, "GET", "/cloudConfigs",
                               NULL, (FerryHcxJsonItemFunc)ferry_hcx_json_to_site, FERRY_TYPE_SITE,
                               NULL, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_sites_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_list_sites_async, error);
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
  _ferry_hcx_client_list_call (self, ferry_hcx_client_list_resource_containers_async, "POST",
                               "/service/inventory/resourcecontainer/list", body,
                               (FerryHcxJsonItemFunc)ferry_hcx_json_to_resource_container,
                               FERRY_TYPE_RESOURCE_CONTAINER, NULL, cancellable, callback,
                               user_data);
}

GListModel *
ferry_hcx_client_list_resource_containers_finish (FerryHcxClient *self, GAsyncResult *result,
                                                  GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result,
                                           ferry_hcx_client_list_resource_containers_async, error);
}

void
ferry_hcx_client_list_networks_async (FerryHcxClient *self, const char *endpoint_id,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_filtered (self, ferry_hcx_client_list_networks_async, "/service/inventory/networks",
                 endpoint_id, TRUE, TRUE, (FerryHcxJsonItemFunc)ferry_hcx_json_to_network,
                 FERRY_TYPE_NETWORK, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_networks_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_list_networks_async,
                                           error);
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

  _ferry_hcx_client_list_call (self, ferry_hcx_client_list_containers_async, "POST",
                               "/service/inventory/containers", body,
                               (FerryHcxJsonItemFunc)ferry_hcx_json_to_container,
                               FERRY_TYPE_CONTAINER, endpoint_id, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_containers_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_list_containers_async,
                                           error);
}

void
ferry_hcx_client_list_datastores_async (FerryHcxClient *self, const char *endpoint_id,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_filtered (self, ferry_hcx_client_list_datastores_async, "/service/inventory/datastores",
                 endpoint_id, TRUE, TRUE, (FerryHcxJsonItemFunc)ferry_hcx_json_to_datastore,
                 FERRY_TYPE_DATASTORE, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_datastores_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_list_datastores_async,
                                           error);
}

void
ferry_hcx_client_list_storage_profiles_async (FerryHcxClient *self, const char *endpoint_id,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_filtered (self, ferry_hcx_client_list_storage_profiles_async,
                 "/service/inventory/storageProfiles", endpoint_id, endpoint_id != NULL, FALSE,
                 (FerryHcxJsonItemFunc)ferry_hcx_json_to_storage_profile,
                 FERRY_TYPE_STORAGE_PROFILE, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_storage_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result,
                                           ferry_hcx_client_list_storage_profiles_async, error);
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
      escaped = g_uri_escape_string (endpoint_id, NULL, FALSE);
      path = g_strdup_printf ("/interconnect/computeProfiles?endpointId=%s", escaped);
    }
  else
    path = g_strdup ("/interconnect/computeProfiles");
  _ferry_hcx_client_list_call (
      self, ferry_hcx_client_list_compute_profiles_async, "GET", path, NULL,
      (FerryHcxJsonItemFunc)ferry_hcx_json_to_compute_profile, FERRY_TYPE_COMPUTE_PROFILE,
      endpoint_id != NULL ? endpoint_id : self->endpoint_id, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_compute_profiles_finish (FerryHcxClient *self, GAsyncResult *result,
                                               GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result,
                                           ferry_hcx_client_list_compute_profiles_async, error);
}

void
ferry_hcx_client_list_service_meshes_async (FerryHcxClient *self, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  _ferry_hcx_client_list_call (self, ferry_hcx_client_list_service_meshes_async, "GET",
                               "/interconnect/serviceMesh", NULL,
                               (FerryHcxJsonItemFunc)ferry_hcx_json_to_service_mesh,
                               FERRY_TYPE_SERVICE_MESH, NULL, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_service_meshes_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_list_service_meshes_async,
                                           error);
}

/* The check needs three lists; they are fetched at once and the first error wins. */
typedef enum
{
  PREREQ_SOURCE_PROFILES,
  PREREQ_DESTINATION_PROFILES,
  PREREQ_MESHES,
  N_PREREQ_LISTS
} PrereqList;

typedef struct
{
  char *remote;
  GListModel *lists[N_PREREQ_LISTS];
  GError *error;
  guint pending;
} PrereqOp;

typedef struct
{
  GTask *task; /* a reference */
  PrereqList which;
} PrereqPart;

static void
prereq_op_free (PrereqOp *op)
{
  g_free (op->remote);
  for (guint i = 0; i < N_PREREQ_LISTS; i++)
    g_clear_object (&op->lists[i]);
  g_clear_error (&op->error);
  g_free (op);
}

static void
on_prereq_list (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autofree PrereqPart *part = user_data;
  g_autoptr (GTask) task = part->task;
  PrereqOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (part->which == PREREQ_MESHES)
    op->lists[part->which] = ferry_hcx_client_list_service_meshes_finish (self, result, &error);
  else
    op->lists[part->which] = ferry_hcx_client_list_compute_profiles_finish (self, result, &error);
  if (error != NULL && op->error == NULL)
    op->error = error;
  else
    g_clear_error (&error);

  if (--op->pending > 0)
    return;
  if (op->error != NULL)
    g_task_return_error (task, g_steal_pointer (&op->error));
  else
    g_task_return_pointer (task,
                           ferry_prereq_evaluate (op->lists[PREREQ_SOURCE_PROFILES],
                                                  op->lists[PREREQ_DESTINATION_PROFILES],
                                                  op->lists[PREREQ_MESHES], self->endpoint_id,
                                                  op->remote, FALSE),
                           g_object_unref);
}

static PrereqPart *
prereq_part_new (GTask *task, PrereqList which)
{
  PrereqPart *part = g_new0 (PrereqPart, 1);

  part->task = g_object_ref (task);
  part->which = which;
  return part;
}

void
ferry_hcx_client_check_prerequisites_async (FerryHcxClient *self, const char *remote_endpoint_id,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  PrereqOp *op;

  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (remote_endpoint_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_check_prerequisites_async);
  op = g_new0 (PrereqOp, 1);
  op->remote = g_strdup (remote_endpoint_id);
  op->pending = N_PREREQ_LISTS;
  g_task_set_task_data (task, op, (GDestroyNotify)prereq_op_free);
  ferry_hcx_client_list_compute_profiles_async (self, NULL, cancellable, on_prereq_list,
                                                prereq_part_new (task, PREREQ_SOURCE_PROFILES));
  ferry_hcx_client_list_compute_profiles_async (
      self, remote_endpoint_id, cancellable, on_prereq_list,
      prereq_part_new (task, PREREQ_DESTINATION_PROFILES));
  ferry_hcx_client_list_service_meshes_async (self, cancellable, on_prereq_list,
                                              prereq_part_new (task, PREREQ_MESHES));
}

FerryPrereqReport *
ferry_hcx_client_check_prerequisites_finish (FerryHcxClient *self, GAsyncResult *result,
                                             GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_check_prerequisites_async,
                                           error);
}
