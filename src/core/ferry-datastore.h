/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-datastore.h: a datastore (or datastore cluster) of a site
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_DATASTORE (ferry_datastore_get_type ())
G_DECLARE_FINAL_TYPE (FerryDatastore, ferry_datastore, FERRY, DATASTORE, GObject)

FerryDatastore *
ferry_datastore_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_datastore_set_quiet (FerryDatastore *self, gboolean quiet);

const char *
ferry_datastore_get_id (FerryDatastore *self);
void
ferry_datastore_set_id (FerryDatastore *self, const char *id);
const char *
ferry_datastore_get_name (FerryDatastore *self);
void
ferry_datastore_set_name (FerryDatastore *self, const char *name);
const char *
ferry_datastore_get_entity_type (FerryDatastore *self);
void
ferry_datastore_set_entity_type (FerryDatastore *self, const char *entity_type);
gint64
ferry_datastore_get_capacity_bytes (FerryDatastore *self);
void
ferry_datastore_set_capacity_bytes (FerryDatastore *self, gint64 capacity_bytes);
gint64
ferry_datastore_get_free_bytes (FerryDatastore *self);
void
ferry_datastore_set_free_bytes (FerryDatastore *self, gint64 free_bytes);
gboolean
ferry_datastore_get_is_cluster (FerryDatastore *self);
void
ferry_datastore_set_is_cluster (FerryDatastore *self, gboolean is_cluster);
const char *
ferry_datastore_get_endpoint_id (FerryDatastore *self);
void
ferry_datastore_set_endpoint_id (FerryDatastore *self, const char *endpoint_id);

G_END_DECLS
