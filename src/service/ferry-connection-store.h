/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-connection-store.h: the saved connections, kept in GSettings ("connections"), as a
 * GListModel of FerryConnection. Saves itself whenever a connection is added, removed or
 * changed. */
#pragma once

#include <gio/gio.h>

#include "ferry-connection.h"

G_BEGIN_DECLS

#define FERRY_TYPE_CONNECTION_STORE (ferry_connection_store_get_type ())
G_DECLARE_FINAL_TYPE (FerryConnectionStore, ferry_connection_store, FERRY, CONNECTION_STORE,
                      GObject)

/* @settings: a GSettings of the io.github.ferry_hcx.Ferry schema (property "settings"). */
FerryConnectionStore *
ferry_connection_store_new (GSettings *settings);

/* (transfer none) or NULL */
FerryConnection *
ferry_connection_store_find (FerryConnectionStore *self, const char *server, const char *user);
FerryConnection *
ferry_connection_store_find_by_id (FerryConnectionStore *self, const char *id);
/* Adds @connection, or returns the saved one with the same server and user (transfer none). */
FerryConnection *
ferry_connection_store_add (FerryConnectionStore *self, FerryConnection *connection);
gboolean
ferry_connection_store_remove (FerryConnectionStore *self, FerryConnection *connection);

G_END_DECLS
