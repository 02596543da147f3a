/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ferry-sim-thread.h"

G_BEGIN_DECLS

/* Starts a simulator in its own thread; asserts on error. Stop it with ferry_sim_thread_stop().
 * opts->real_omissions > 0 makes it answer as leanly as a real manager (src/sim/README.md,
 * "Bodies a real manager omits"); 0 takes the helper's default (off for now, or
 * FERRY_TEST_SIM_REAL_OMISSIONS=1|0 for a whole run). */
FerrySimThread *
ferry_test_sim_start (const FerrySimOptions *opts);

/* A synchronous call to /__sim/… (blocking libsoup on its own main context, trusting the sim's
 * certificate by fingerprint). Asserts a 2xx status; returns the parsed JSON root (transfer
 * full) or NULL for an empty body. */
JsonNode *
ferry_test_sim_control (FerrySimThread *sim, const char *method, const char *path,
                        const char *json_body);

/* A synchronous request to @base_url + @path (HTTPS, trusting only the certificate whose SHA-256
 * fingerprint is @fingerprint), with an optional session token and JSON body; does not assert
 * the status. Returns the parsed JSON root (transfer full), or NULL for an empty or non-JSON
 * body. */
JsonNode *
ferry_test_request (const char *base_url, const char *fingerprint, const char *method,
                    const char *path, const char *token, const char *json_body, guint *out_status,
                    char **out_token);

/* ferry_test_request() to a simulator; does not assert the status. */
JsonNode *
ferry_test_sim_request (FerrySimThread *sim, const char *method, const char *path,
                        const char *token, const char *json_body, guint *out_status,
                        char **out_token);

/* How many migrations (in any state but draft) the simulator holds for @vm_id, from one
 * GET /__sim/state answer. Fetch the state once for a whole wave and look each VM up in it:
 * every synchronous call runs on a context of its own while the test's main context (and
 * whatever Ferry has in flight on it) waits, and a call per VM of a large wave stood that main
 * context still for tens of seconds. */
gint64
ferry_test_sim_state_migrations_of (JsonNode *state, const char *vm_id);

/* @str with the first @old replaced by @replacement (asserts that @old is there). */
char *
replace_once (const char *str, const char *old, const char *replacement);

G_END_DECLS
