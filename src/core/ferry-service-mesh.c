/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-service-mesh.c: an HCX service mesh joining compute profiles of two sites */

#include "ferry-service-mesh.h"

#include "ferry-model-types.h"

struct _FerryServiceMesh
{
  GObject parent_instance;

  char *id;
  char *name;
  char *state;
  char *status;
  char **services;
  char *last_task_type;
  char *last_task_status;
  GArray *members;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryServiceMesh, ferry_service_mesh, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATE,
  PROP_STATUS,
  PROP_SERVICES,
  PROP_LAST_TASK_TYPE,
  PROP_LAST_TASK_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_service_mesh_finalize (GObject *object)
{
  FerryServiceMesh *self = (FerryServiceMesh *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->services, g_strfreev);
  g_clear_pointer (&self->last_task_type, g_free);
  g_clear_pointer (&self->last_task_status, g_free);
  g_clear_pointer (&self->members, g_array_unref);

  G_OBJECT_CLASS (ferry_service_mesh_parent_class)->finalize (object);
}

static void
ferry_service_mesh_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryServiceMesh *self = (FerryServiceMesh *)object;

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_STATE:
        g_value_set_string (value, self->state);
        break;

      case PROP_STATUS:
        g_value_set_string (value, self->status);
        break;

      case PROP_SERVICES:
        g_value_set_boxed (value, self->services);
        break;

      case PROP_LAST_TASK_TYPE:
        g_value_set_string (value, self->last_task_type);
        break;

      case PROP_LAST_TASK_STATUS:
        g_value_set_string (value, self->last_task_status);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_service_mesh_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  FerryServiceMesh *self = (FerryServiceMesh *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_service_mesh_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_service_mesh_set_name (self, g_value_get_string (value));
        break;

      case PROP_STATE:
        ferry_service_mesh_set_state (self, g_value_get_string (value));
        break;

      case PROP_STATUS:
        ferry_service_mesh_set_status (self, g_value_get_string (value));
        break;

      case PROP_SERVICES:
        ferry_service_mesh_set_services (self, g_value_get_boxed (value));
        break;

      case PROP_LAST_TASK_TYPE:
        ferry_service_mesh_set_last_task_type (self, g_value_get_string (value));
        break;

      case PROP_LAST_TASK_STATUS:
        ferry_service_mesh_set_last_task_status (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_service_mesh_class_init (FerryServiceMeshClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_service_mesh_finalize;
  object_class->get_property = ferry_service_mesh_get_property;
  object_class->set_property = ferry_service_mesh_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE]
      = g_param_spec_string ("state", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS]
      = g_param_spec_string ("status", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICES]
      = g_param_spec_boxed ("services", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_TASK_TYPE]
      = g_param_spec_string ("last-task-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_TASK_STATUS]
      = g_param_spec_string ("last-task-status", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_service_mesh_init (FerryServiceMesh *self)
{
  self->members = g_array_new (FALSE, TRUE, sizeof (FerryServiceMeshMember));
  g_array_set_clear_func (self->members, (GDestroyNotify)ferry_service_mesh_member_clear);
}

FerryServiceMesh *
ferry_service_mesh_new (void)
{
  return g_object_new (FERRY_TYPE_SERVICE_MESH, NULL);
}

const char *
ferry_service_mesh_get_id (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  return self->id;
}

void
ferry_service_mesh_set_id (FerryServiceMesh *self, const char *id)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_service_mesh_get_name (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  return self->name;
}

void
ferry_service_mesh_set_name (FerryServiceMesh *self, const char *name)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_service_mesh_get_state (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  return self->state;
}

void
ferry_service_mesh_set_state (FerryServiceMesh *self, const char *state)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  if (g_strcmp0 (self->state, state) == 0)
    return;
  g_free (self->state);
  self->state = g_strdup (state);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
ferry_service_mesh_get_status (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  return self->status;
}

void
ferry_service_mesh_set_status (FerryServiceMesh *self, const char *status)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *const *
ferry_service_mesh_get_services (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  return (const char *const *)self->services;
}

void
ferry_service_mesh_set_services (FerryServiceMesh *self, const char *const *services)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  if (!ferry_set_strv (&self->services, services))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES]);
}

const char *
ferry_service_mesh_get_last_task_type (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  return self->last_task_type;
}

void
ferry_service_mesh_set_last_task_type (FerryServiceMesh *self, const char *last_task_type)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  if (g_strcmp0 (self->last_task_type, last_task_type) == 0)
    return;
  g_free (self->last_task_type);
  self->last_task_type = g_strdup (last_task_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_TASK_TYPE]);
}

const char *
ferry_service_mesh_get_last_task_status (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  return self->last_task_status;
}

void
ferry_service_mesh_set_last_task_status (FerryServiceMesh *self, const char *last_task_status)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  if (g_strcmp0 (self->last_task_status, last_task_status) == 0)
    return;
  g_free (self->last_task_status);
  self->last_task_status = g_strdup (last_task_status);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_TASK_STATUS]);
}

void
_ferry_service_mesh_set_quiet (FerryServiceMesh *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  self->quiet = !!quiet;
}

void
ferry_service_mesh_member_clear (FerryServiceMeshMember *member)
{
  g_clear_pointer (&member->compute_profile_id, g_free);
  g_clear_pointer (&member->compute_profile_name, g_free);
  g_clear_pointer (&member->endpoint_id, g_free);
  g_clear_pointer (&member->endpoint_name, g_free);
}

gboolean
ferry_service_mesh_has_service (FerryServiceMesh *self, const char *service)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), FALSE);
  g_return_val_if_fail (service != NULL, FALSE);

  return self->services != NULL && g_strv_contains ((const char *const *)self->services, service);
}

void
ferry_service_mesh_add_member (FerryServiceMesh *self, const char *compute_profile_id,
                               const char *compute_profile_name, const char *endpoint_id,
                               const char *endpoint_name, gboolean is_initiator)
{
  FerryServiceMeshMember member;

  g_return_if_fail (FERRY_IS_SERVICE_MESH (self));

  member.compute_profile_id = g_strdup (compute_profile_id);
  member.compute_profile_name = g_strdup (compute_profile_name);
  member.endpoint_id = g_strdup (endpoint_id);
  member.endpoint_name = g_strdup (endpoint_name);
  member.is_initiator = !!is_initiator;
  g_array_append_val (self->members, member);
}

guint
ferry_service_mesh_get_n_members (FerryServiceMesh *self)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), 0);

  return self->members->len;
}

const FerryServiceMeshMember *
ferry_service_mesh_get_member (FerryServiceMesh *self, guint position)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), NULL);

  if (position >= self->members->len)
    return NULL;
  return &g_array_index (self->members, FerryServiceMeshMember, position);
}

gboolean
ferry_service_mesh_has_member (FerryServiceMesh *self, const char *compute_profile_id,
                               const char *endpoint_id)
{
  g_return_val_if_fail (FERRY_IS_SERVICE_MESH (self), FALSE);

  for (guint i = 0; i < self->members->len; i++)
    {
      const FerryServiceMeshMember *m = &g_array_index (self->members, FerryServiceMeshMember, i);

      if (compute_profile_id != NULL)
        {
          if (g_strcmp0 (m->compute_profile_id, compute_profile_id) == 0)
            return TRUE;
        }
      else if (endpoint_id != NULL && g_strcmp0 (m->endpoint_id, endpoint_id) == 0)
        return TRUE;
    }
  return FALSE;
}
