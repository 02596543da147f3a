/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-connection-session.h"
#include "ferry-connection-store.h"
#include "ferry-credential-store.h"

G_BEGIN_DECLS

#define FERRY_TYPE_START_PAGE (ferry_start_page_get_type ())
G_DECLARE_FINAL_TYPE (FerryStartPage, ferry_start_page, FERRY, START_PAGE, AdwBin)

/* Properties: "connections", "credentials" (construct-only), "busy" (read-only).
 * Signal "connected" (FerryConnectionSession *session): logged in. */
GtkWidget *
ferry_start_page_new (FerryConnectionStore *connections, FerryCredentialStore *credentials);

/* Connects @session (whose connection may be unsaved) the same way the form does: progress,
 * cancel, certificate trust and errors shown on this page. @password NULL uses the keyring. */
void
ferry_start_page_connect (FerryStartPage *self, FerryConnectionSession *session,
                          const char *password, gboolean remember);
/* Opens @server as `ferry https://SERVER` does: connects with the saved connection for that
 * server if there is one (the first, if several users have one), else fills the form for a new
 * connection to it. */
void
ferry_start_page_open_server (FerryStartPage *self, const char *server);
/* Puts the keyboard focus where a user starts: the first saved connection, else the first
 * empty field of the form. */
void
ferry_start_page_focus_first (FerryStartPage *self);
/* Fills the form for a new connection to @server (and @user if not NULL). */
void
ferry_start_page_fill (FerryStartPage *self, const char *server, const char *user);
/* Shows an error on the page as a failed connect would (for the simulator failing to start). */
void
ferry_start_page_show_error (FerryStartPage *self, const char *message, const char *details);
/* Shows @status with a spinner and Cancel while something other than a connect is in progress
 * (starting the simulator); NULL ends it. Cancel ends it too ("busy" turns FALSE). */
void
ferry_start_page_set_progress (FerryStartPage *self, const char *status);
void
ferry_start_page_new_connection (FerryStartPage *self);
gboolean
ferry_start_page_get_busy (FerryStartPage *self);
FerryConnectionSession *
ferry_start_page_get_session (FerryStartPage *self);

G_END_DECLS
