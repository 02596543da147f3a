/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-compute-profile.h: an HCX compute profile and its enabled services
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_COMPUTE_PROFILE (ferry_compute_profile_get_type ())
G_DECLARE_FINAL_TYPE (FerryComputeProfile, ferry_compute_profile, FERRY, COMPUTE_PROFILE, GObject)

FerryComputeProfile *
ferry_compute_profile_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_compute_profile_set_quiet (FerryComputeProfile *self, gboolean quiet);

const char *
ferry_compute_profile_get_id (FerryComputeProfile *self);
void
ferry_compute_profile_set_id (FerryComputeProfile *self, const char *id);
const char *
ferry_compute_profile_get_name (FerryComputeProfile *self);
void
ferry_compute_profile_set_name (FerryComputeProfile *self, const char *name);
const char *
ferry_compute_profile_get_state (FerryComputeProfile *self);
void
ferry_compute_profile_set_state (FerryComputeProfile *self, const char *state);
const char *
ferry_compute_profile_get_endpoint_id (FerryComputeProfile *self);
void
ferry_compute_profile_set_endpoint_id (FerryComputeProfile *self, const char *endpoint_id);
const char *const *
ferry_compute_profile_get_services (FerryComputeProfile *self);
void
ferry_compute_profile_set_services (FerryComputeProfile *self, const char *const *services);
const char *const *
ferry_compute_profile_get_compute_names (FerryComputeProfile *self);
void
ferry_compute_profile_set_compute_names (FerryComputeProfile *self,
                                         const char *const *compute_names);

gboolean
ferry_compute_profile_has_service (FerryComputeProfile *self, const char *service);

G_END_DECLS
