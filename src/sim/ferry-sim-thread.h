/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ferry-sim-server.h"

G_BEGIN_DECLS

/* A simulator running in its own thread with its own GMainContext, so that a test's or the
 * app's main loop never shares a thread with the server. */
typedef struct _FerrySimThread FerrySimThread;

FerrySimThread *
ferry_sim_thread_start (const FerrySimOptions *opts, GError **error);
FerrySimThread *
ferry_sim_thread_start_on_port (const FerrySimOptions *opts, guint16 port, GError **error);
const char *
ferry_sim_thread_get_url (FerrySimThread *self);
const char *
ferry_sim_thread_get_fingerprint (FerrySimThread *self);
FerrySimServer *
ferry_sim_thread_get_server (FerrySimThread *self);
void
ferry_sim_thread_stop (FerrySimThread *self); /* joins + frees */

G_END_DECLS
