/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-credential-store-private.h: shared by ferry-credential-store.c (operations, the
 * in-memory fallback, GObject) and ferry-credential-store-probe.c (probe and deadlines). */
#pragma once

#include <libsecret/secret.h>

#include "ferry-credential-store.h"

G_BEGIN_DECLS

struct _FerryCredentialStore
{
  GObject parent_instance;

  FerryCredentialBackend backend;
  char *fallback_reason;
  guint timeout_ms;
  guint unlock_timeout_ms;

  /* In-memory passwords ("server\nuser" → password) while the keyring cannot be used. */
  GHashTable *memory;

  /* GTasks waiting for the probe in flight. */
  GPtrArray *probe_waiters;
  gboolean probing;
};

/* A cancellable that fires on the caller's cancel or after a timeout. */
typedef struct
{
  GCancellable *cancellable;
  GCancellable *user_cancellable;
  gulong cancelled_id;
  guint timeout_id;
  gboolean timed_out;
} Deadline;

Deadline *
ferry_credential_deadline_new (GCancellable *user_cancellable, guint timeout_ms);
void
ferry_credential_deadline_free (Deadline *deadline);
/* TRUE when the operation ended because the caller cancelled it (not our timeout). */
gboolean
ferry_credential_deadline_user_cancelled (Deadline *deadline);

const SecretSchema *
ferry_credential_schema (void);
/* Switches to memory-only passwords and says why ("fallback-reason"). */
void
ferry_credential_store_fall_back (FerryCredentialStore *self, const char *reason);
/* The keyring works: "backend" becomes KEYRING. */
void
ferry_credential_store_set_keyring (FerryCredentialStore *self);

G_END_DECLS
