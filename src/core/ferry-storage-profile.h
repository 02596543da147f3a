/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-storage-profile.h: a vSphere storage policy
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_STORAGE_PROFILE (ferry_storage_profile_get_type ())
G_DECLARE_FINAL_TYPE (FerryStorageProfile, ferry_storage_profile, FERRY, STORAGE_PROFILE, GObject)

FerryStorageProfile *
ferry_storage_profile_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_storage_profile_set_quiet (FerryStorageProfile *self, gboolean quiet);

const char *
ferry_storage_profile_get_id (FerryStorageProfile *self);
void
ferry_storage_profile_set_id (FerryStorageProfile *self, const char *id);
const char *
ferry_storage_profile_get_name (FerryStorageProfile *self);
void
ferry_storage_profile_set_name (FerryStorageProfile *self, const char *name);
const char *
ferry_storage_profile_get_profile_type (FerryStorageProfile *self);
void
ferry_storage_profile_set_profile_type (FerryStorageProfile *self, const char *profile_type);
const char *
ferry_storage_profile_get_entity_type (FerryStorageProfile *self);
void
ferry_storage_profile_set_entity_type (FerryStorageProfile *self, const char *entity_type);

G_END_DECLS
