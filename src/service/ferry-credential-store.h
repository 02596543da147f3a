/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-credential-store.h: passwords of saved connections.
 *
 * Passwords live in the user's keyring (Secret Service, through libsecret) under Ferry's own
 * schema "io.github.ferry_hcx.Ferry.Password" with the attributes "server" and "user". When no
 * Secret Service is available or the keyring stays locked, the store keeps passwords in memory
 * for the life of the process only, and says why through the "fallback-reason" property.
 * A password is never written to a file, to GSettings or to a log. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  FERRY_CREDENTIAL_BACKEND_UNKNOWN, /* not probed yet */
  FERRY_CREDENTIAL_BACKEND_KEYRING,
  FERRY_CREDENTIAL_BACKEND_MEMORY,
} FerryCredentialBackend;

#define FERRY_TYPE_CREDENTIAL_BACKEND (ferry_credential_backend_get_type ())
GType
ferry_credential_backend_get_type (void);

#define FERRY_CREDENTIAL_ERROR (ferry_credential_error_quark ())
typedef enum
{
  FERRY_CREDENTIAL_ERROR_TIMEOUT,
  FERRY_CREDENTIAL_ERROR_INVALID,
} FerryCredentialError;
GQuark
ferry_credential_error_quark (void);

#define FERRY_TYPE_CREDENTIAL_STORE (ferry_credential_store_get_type ())
G_DECLARE_FINAL_TYPE (FerryCredentialStore, ferry_credential_store, FERRY, CREDENTIAL_STORE,
                      GObject)

/* The libsecret schema name, for tests and tools. */
#define FERRY_CREDENTIAL_SCHEMA_NAME "io.github.ferry_hcx.Ferry.Password"

FerryCredentialStore *
ferry_credential_store_new (void);

/* Properties: "backend" (FerryCredentialBackend), "fallback-reason" (string, NULL while the
 * keyring works), "timeout" (ms for each keyring call), "unlock-timeout" (ms to wait for the user
 * to unlock a locked keyring in its own prompt). */
FerryCredentialBackend
ferry_credential_store_get_backend (FerryCredentialStore *self);
const char *
ferry_credential_store_get_fallback_reason (FerryCredentialStore *self);
guint
ferry_credential_store_get_timeout (FerryCredentialStore *self);
void
ferry_credential_store_set_timeout (FerryCredentialStore *self, guint timeout_ms);

/* Finds out (once) whether the keyring can be used; then "backend" is set. */
void
ferry_credential_store_probe_async (FerryCredentialStore *self, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
FerryCredentialBackend
ferry_credential_store_probe_finish (FerryCredentialStore *self, GAsyncResult *result,
                                     GError **error);

void
ferry_credential_store_store_async (FerryCredentialStore *self, const char *server,
                                    const char *user, const char *password,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean
ferry_credential_store_store_finish (FerryCredentialStore *self, GAsyncResult *result,
                                     GError **error);

/* Finishes with NULL and no error when no password is stored. Free with
 * ferry_credential_store_free_password(). */
void
ferry_credential_store_lookup_async (FerryCredentialStore *self, const char *server,
                                     const char *user, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data);
char *
ferry_credential_store_lookup_finish (FerryCredentialStore *self, GAsyncResult *result,
                                      GError **error);

void
ferry_credential_store_clear_async (FerryCredentialStore *self, const char *server,
                                    const char *user, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_credential_store_clear_finish (FerryCredentialStore *self, GAsyncResult *result,
                                     GError **error);

/* Overwrites and frees a password. */
void
ferry_credential_store_free_password (char *password);

G_END_DECLS
