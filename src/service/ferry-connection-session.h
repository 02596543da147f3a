/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-connection-session.h: connecting to one HCX Manager and staying logged in.
 *
 * Ties a FerryConnection (server, user, pinned fingerprint) to a FerryHcxClient and the
 * FerryCredentialStore: connect with a typed password or the remembered one, pin a certificate
 * the user trusted, remember or forget the password, and log in again with a new password after
 * the server rejected the remembered one. No GTK. */
#pragma once

#include <gio/gio.h>

#include "ferry-connection.h"
#include "ferry-credential-store.h"
#include "ferry-hcx-client.h"

G_BEGIN_DECLS

#define FERRY_CONNECTION_SESSION_ERROR (ferry_connection_session_error_quark ())
typedef enum
{
  /* No password was typed and none is remembered: ask the user. */
  FERRY_CONNECTION_SESSION_ERROR_NEEDS_PASSWORD,
} FerryConnectionSessionError;
GQuark
ferry_connection_session_error_quark (void);

#define FERRY_TYPE_CONNECTION_SESSION (ferry_connection_session_get_type ())
G_DECLARE_FINAL_TYPE (FerryConnectionSession, ferry_connection_session, FERRY, CONNECTION_SESSION,
                      GObject)

/* Properties: "connection" (FerryConnection, construct-only), "credentials"
 * (FerryCredentialStore, construct-only, may be NULL: nothing is remembered), "client"
 * (FerryHcxClient, read-only; NULL before the first connect), "connected" (bool),
 * "simulated" (bool: the embedded simulator, whose certificate is known in-process). */
FerryConnectionSession *
ferry_connection_session_new (FerryConnection *connection, FerryCredentialStore *credentials);

FerryConnection *
ferry_connection_session_get_connection (FerryConnectionSession *self);
FerryHcxClient *
ferry_connection_session_get_client (FerryConnectionSession *self);
gboolean
ferry_connection_session_get_connected (FerryConnectionSession *self);
gboolean
ferry_connection_session_get_simulated (FerryConnectionSession *self);
void
ferry_connection_session_set_simulated (FerryConnectionSession *self, gboolean simulated);

/* Request timeout handed to the client (seconds, 0 = the client's default). */
void
ferry_connection_session_set_timeout (FerryConnectionSession *self, guint seconds);

/* Logs in. @password NULL or "" uses the remembered password (or fails with NEEDS_PASSWORD).
 * With @remember the password is put in the keyring after a successful login; without it any
 * remembered one is removed. Errors are FERRY_HCX_ERROR (certificate problems included: the
 * certificate is then ferry_connection_session_get_peer_certificate()), FERRY_CONNECTION_ERROR,
 * FERRY_CONNECTION_SESSION_ERROR or G_IO_ERROR_CANCELLED. */
void
ferry_connection_session_connect_async (FerryConnectionSession *self, const char *password,
                                        gboolean remember, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_connection_session_connect_finish (FerryConnectionSession *self, GAsyncResult *result,
                                         GError **error);

/* Logs in again with a new @password after the server rejected the old one (session expired
 * and the automatic re-login failed). If the password was remembered, the new one replaces it. */
void
ferry_connection_session_login_again_async (FerryConnectionSession *self, const char *password,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data);
gboolean
ferry_connection_session_login_again_finish (FerryConnectionSession *self, GAsyncResult *result,
                                             GError **error);

/* The certificate the server last showed (for the trust dialog), or NULL. */
FerryHcxCertificate *
ferry_connection_session_get_peer_certificate (FerryConnectionSession *self);
/* Pins @certificate for this connection (saved with it); the next connect accepts it. */
void
ferry_connection_session_trust_certificate (FerryConnectionSession *self,
                                            FerryHcxCertificate *certificate);

/* Forgets the client's token and credentials. */
void
ferry_connection_session_disconnect (FerryConnectionSession *self);

/* Human words for an error from connect or from a later client call, naming what to do. */
char *
ferry_connection_session_describe_error (FerryConnectionSession *self, const GError *error);

G_END_DECLS
