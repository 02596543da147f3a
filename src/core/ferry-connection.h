/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-connection.h: a saved connection to an HCX Manager: server, user and the pinned
 * certificate fingerprint. Never the password (see ferry-credential-store.h). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_CONNECTION_ERROR (ferry_connection_error_quark ())
typedef enum
{
  FERRY_CONNECTION_ERROR_INVALID_ADDRESS,
  FERRY_CONNECTION_ERROR_INVALID_USER,
} FerryConnectionError;
GQuark
ferry_connection_error_quark (void);

#define FERRY_TYPE_CONNECTION (ferry_connection_get_type ())
G_DECLARE_FINAL_TYPE (FerryConnection, ferry_connection, FERRY, CONNECTION, GObject)

/* @server: "host", "host:port" or "https://host[:port]"; stored normalised as "host[:port]"
 * (no port when it is 443). Returns NULL with an error a user can act on if it is not usable. */
FerryConnection *
ferry_connection_new (const char *server, const char *user, GError **error);

/* Properties: "id" (construct-only, generated when NULL), "server", "user", "fingerprint"
 * (SHA-256 of the trusted certificate, NULL until the user trusts one), "title". */
const char *
ferry_connection_get_id (FerryConnection *self);
const char *
ferry_connection_get_server (FerryConnection *self);
void
ferry_connection_set_server (FerryConnection *self, const char *server);
const char *
ferry_connection_get_user (FerryConnection *self);
void
ferry_connection_set_user (FerryConnection *self, const char *user);
const char *
ferry_connection_get_fingerprint (FerryConnection *self);
void
ferry_connection_set_fingerprint (FerryConnection *self, const char *fingerprint);
/* "USER on SERVER", for messages and titles. */
const char *
ferry_connection_get_title (FerryConnection *self);
/* "https://host[:port]" */
char *
ferry_connection_get_url (FerryConnection *self);

/* Normalises what a user typed into "host[:port]" (port omitted when 443). */
char *
ferry_connection_normalize_server (const char *address, GError **error);

G_END_DECLS
