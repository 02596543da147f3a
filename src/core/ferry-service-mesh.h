/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-service-mesh.h: an HCX service mesh joining compute profiles of two sites
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_SERVICE_MESH (ferry_service_mesh_get_type ())
G_DECLARE_FINAL_TYPE (FerryServiceMesh, ferry_service_mesh, FERRY, SERVICE_MESH, GObject)

FerryServiceMesh *
ferry_service_mesh_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_service_mesh_set_quiet (FerryServiceMesh *self, gboolean quiet);

const char *
ferry_service_mesh_get_id (FerryServiceMesh *self);
void
ferry_service_mesh_set_id (FerryServiceMesh *self, const char *id);
const char *
ferry_service_mesh_get_name (FerryServiceMesh *self);
void
ferry_service_mesh_set_name (FerryServiceMesh *self, const char *name);
const char *
ferry_service_mesh_get_state (FerryServiceMesh *self);
void
ferry_service_mesh_set_state (FerryServiceMesh *self, const char *state);
const char *
ferry_service_mesh_get_status (FerryServiceMesh *self);
void
ferry_service_mesh_set_status (FerryServiceMesh *self, const char *status);
const char *const *
ferry_service_mesh_get_services (FerryServiceMesh *self);
void
ferry_service_mesh_set_services (FerryServiceMesh *self, const char *const *services);
const char *
ferry_service_mesh_get_last_task_type (FerryServiceMesh *self);
void
ferry_service_mesh_set_last_task_type (FerryServiceMesh *self, const char *last_task_type);
const char *
ferry_service_mesh_get_last_task_status (FerryServiceMesh *self);
void
ferry_service_mesh_set_last_task_status (FerryServiceMesh *self, const char *last_task_status);

typedef struct
{
  char *compute_profile_id;
  char *compute_profile_name;
  char *endpoint_id;
  char *endpoint_name;
  gboolean is_initiator;
} FerryServiceMeshMember;

void
ferry_service_mesh_member_clear (FerryServiceMeshMember *member);

gboolean
ferry_service_mesh_has_service (FerryServiceMesh *self, const char *service);
void
ferry_service_mesh_add_member (FerryServiceMesh *self, const char *compute_profile_id,
                               const char *compute_profile_name, const char *endpoint_id,
                               const char *endpoint_name, gboolean is_initiator);
guint
ferry_service_mesh_get_n_members (FerryServiceMesh *self);
const FerryServiceMeshMember *
ferry_service_mesh_get_member (FerryServiceMesh *self, guint position);
/* TRUE when a member compute profile has this id (or, with id NULL, this endpoint). */
gboolean
ferry_service_mesh_has_member (FerryServiceMesh *self, const char *compute_profile_id,
                               const char *endpoint_id);

G_END_DECLS
