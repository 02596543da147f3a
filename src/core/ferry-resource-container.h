/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-resource-container.h: a vCenter of a site (fills a migration's source/destination)
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_RESOURCE_CONTAINER (ferry_resource_container_get_type ())
G_DECLARE_FINAL_TYPE (FerryResourceContainer, ferry_resource_container, FERRY, RESOURCE_CONTAINER,
                      GObject)

FerryResourceContainer *
ferry_resource_container_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_resource_container_set_quiet (FerryResourceContainer *self, gboolean quiet);

const char *
ferry_resource_container_get_name (FerryResourceContainer *self);
void
ferry_resource_container_set_name (FerryResourceContainer *self, const char *name);
const char *
ferry_resource_container_get_url (FerryResourceContainer *self);
void
ferry_resource_container_set_url (FerryResourceContainer *self, const char *url);
const char *
ferry_resource_container_get_vcuuid (FerryResourceContainer *self);
void
ferry_resource_container_set_vcuuid (FerryResourceContainer *self, const char *vcuuid);
const char *
ferry_resource_container_get_version (FerryResourceContainer *self);
void
ferry_resource_container_set_version (FerryResourceContainer *self, const char *version);
const char *
ferry_resource_container_get_build_number (FerryResourceContainer *self);
void
ferry_resource_container_set_build_number (FerryResourceContainer *self, const char *build_number);
const char *
ferry_resource_container_get_resource_id (FerryResourceContainer *self);
void
ferry_resource_container_set_resource_id (FerryResourceContainer *self, const char *resource_id);
const char *
ferry_resource_container_get_resource_type (FerryResourceContainer *self);
void
ferry_resource_container_set_resource_type (FerryResourceContainer *self,
                                            const char *resource_type);
const char *
ferry_resource_container_get_resource_name (FerryResourceContainer *self);
void
ferry_resource_container_set_resource_name (FerryResourceContainer *self,
                                            const char *resource_name);
const char *
ferry_resource_container_get_endpoint_id (FerryResourceContainer *self);
void
ferry_resource_container_set_endpoint_id (FerryResourceContainer *self, const char *endpoint_id);
const char *
ferry_resource_container_get_endpoint_name (FerryResourceContainer *self);
void
ferry_resource_container_set_endpoint_name (FerryResourceContainer *self,
                                            const char *endpoint_name);
const char *
ferry_resource_container_get_endpoint_type (FerryResourceContainer *self);
void
ferry_resource_container_set_endpoint_type (FerryResourceContainer *self,
                                            const char *endpoint_type);
const char *
ferry_resource_container_get_cloud_type (FerryResourceContainer *self);
void
ferry_resource_container_set_cloud_type (FerryResourceContainer *self, const char *cloud_type);
gboolean
ferry_resource_container_get_is_local (FerryResourceContainer *self);
void
ferry_resource_container_set_is_local (FerryResourceContainer *self, gboolean is_local);

G_END_DECLS
