/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the simulator's tests (test-sim*.c): see test-sim-client.c. */

#include "ferry-test-sim.h"

#include <libsoup/soup.h>
#include <string.h>

G_BEGIN_DECLS

#define API "/hybridity/api"
#define LOGIN_BODY "{\"username\":\"cloudadmin@vsphere.local\",\"password\":\"VMware1!\"}"

typedef struct
{
  guint status;
  GBytes *body;
  char *content_type;
  char *token;
  GError *error;
  JsonNode *json;
} Reply;

void
reply_free (Reply *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

typedef struct
{
  FerrySimThread *sim;
  char *token;
  char *src_endpoint;
  char *dst_endpoint;
  char *src_vc;
  char *dst_vc;
  JsonArray *vms; /* the whole source inventory */
  JsonNode *vms_root;
} Fx;

typedef enum
{
  VM_CLEAN,      /* on, no snapshot, no ISO, hw ≥ 9, tools OK */
  VM_OFF,        /* off, otherwise clean-ish */
  VM_OLD_HW,     /* on, hw < 9 */
  VM_ISO,        /* on, ISO mounted, no snapshots, hw ≥ 9 */
  VM_SNAPSHOTS,  /* on, snapshots, no ISO, hw ≥ 9 */
  VM_TOOLS_DOWN, /* on, tools not running */
  VM_BIG,        /* on, clean, disk > 300 GB */
} VmKind;

typedef struct
{
  const char *type; /* default vSphereReplication */
  gint64 win_start;
  gint64 win_end;
  gboolean no_retain_mac;
  gboolean remove_iso;
  gboolean remove_snapshots;
  const char *datastore; /* default datastore-61 */
  gboolean skip_mappings;
  const char *dest_network; /* default /infra/segments/web-segment */
  const char *group;
  gboolean long_recovery;
} IntentOpts;

/* Seconds before a client call on a fresh session gives up (tests of stalled answers lower it). */
extern guint client_timeout;

/* How much slower than normal this run is (10 under valgrind, 3 under ASan, else 1): tests that
 * race real time (timeouts, settle delays) stretch their delays by it. */
guint
test_slowdown (void);

Reply *
call_full (FerrySimThread *sim, const char *token, const char *method, const char *path,
           const char *body, gboolean accept_json, gboolean fresh);
Reply *
call (FerrySimThread *sim, const char *token, const char *method, const char *path,
      const char *body);
Reply *
api (Fx *fx, const char *method, const char *path, const char *body);
JsonNode *
jget (JsonNode *node, const char *path);
const char *
jstr (JsonNode *node, const char *path);
gint64
jint (JsonNode *node, const char *path);
gboolean
jbool (JsonNode *node, const char *path);
guint
jlen (JsonNode *node, const char *path);
gboolean
has_code (JsonNode *node, const char *path, const char *code);
const char *
message_for (JsonNode *node, const char *path, const char *code);
JsonNode *
control (Fx *fx, const char *method, const char *path, const char *body);
gint64
sim_clock (Fx *fx);
void
advance (Fx *fx, double seconds);
Fx *
fx_new (const FerrySimOptions *opts);
void
fx_free (Fx *fx);
gboolean
vm_is (JsonNode *vm, VmKind kind);
JsonNode *
find_vm (Fx *fx, VmKind kind, guint nth);
char *
intent (Fx *fx, JsonNode *vm, const IntentOpts *o);
Reply *
mobility (Fx *fx, const char *action, const char *items);
Reply *
validate_one (Fx *fx, JsonNode *vm, const IntentOpts *o);
char *
start_one (Fx *fx, JsonNode *vm, const IntentOpts *o);
Reply *
query (Fx *fx, const char *filter, const char *paging);
char *
state_of (Fx *fx, const char *migration_id);
void
expect_error (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code);
void
expect_no_error (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code);
void
expect_warning (Fx *fx, JsonNode *vm, const IntentOpts *o, const char *code);
gboolean
log_has (JsonNode *item, const char *status);
gint64
state_count (Fx *fx, const char *path);
void
set_fault (Fx *fx, const char *json);
void
expect_error_in (Fx *fx, const char *items, const char *code);
char *
first_page (FerrySimThread *sim);
gboolean
has_service (JsonNode *services, const char *name);

#define assert_state(fx, id, expected)                                                             \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *_s = state_of (fx, id);                                                       \
    g_assert_cmpstr (_s, ==, expected);                                                            \
  }                                                                                                \
  G_STMT_END
G_END_DECLS
