/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-container.h: a placement container: cluster, resource pool, folder, datacenter
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_CONTAINER (ferry_container_get_type ())
G_DECLARE_FINAL_TYPE (FerryContainer, ferry_container, FERRY, CONTAINER, GObject)

FerryContainer *
ferry_container_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_container_set_quiet (FerryContainer *self, gboolean quiet);

const char *
ferry_container_get_id (FerryContainer *self);
void
ferry_container_set_id (FerryContainer *self, const char *id);
const char *
ferry_container_get_name (FerryContainer *self);
void
ferry_container_set_name (FerryContainer *self, const char *name);
const char *
ferry_container_get_entity_type (FerryContainer *self);
void
ferry_container_set_entity_type (FerryContainer *self, const char *entity_type);
const char *
ferry_container_get_parent_id (FerryContainer *self);
void
ferry_container_set_parent_id (FerryContainer *self, const char *parent_id);
const char *
ferry_container_get_parent_type (FerryContainer *self);
void
ferry_container_set_parent_type (FerryContainer *self, const char *parent_type);
const char *
ferry_container_get_endpoint_id (FerryContainer *self);
void
ferry_container_set_endpoint_id (FerryContainer *self, const char *endpoint_id);

G_END_DECLS
