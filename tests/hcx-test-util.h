/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hcx-test-util.h: what the FerryHcxClient tests share: async → sync with a bound on time,
 * a logged-in client on a simulator, small HTTPS servers of the test's own. */
#pragma once

#include <libsoup/soup.h>

#include "ferry-hcx-client.h"
#include "ferry-test-sim.h"

G_BEGIN_DECLS

#define HCX_TEST_USER "cloudadmin@vsphere.local"
#define HCX_TEST_PASSWORD "VMware1!"
#define HCX_TEST_API "/hybridity/api"

/* A GAsyncReadyCallback that stores a reference to the result in *(GAsyncResult **)user_data. */
void
hcx_test_got_result (GObject *source, GAsyncResult *result, gpointer user_data);
/* Iterates the thread-default main context until *slot is set; fails the test (instead of
 * hanging) when that takes longer than @seconds. */
GAsyncResult *
hcx_test_wait (GAsyncResult **slot, guint seconds);

/* Names what this thread is waiting for, in the message of a wait that expires. */
void
hcx_test_set_label (const char *label);

FerryHcxClient *
hcx_test_client_new (const char *url, const char *pin);
gboolean
hcx_test_login (FerryHcxClient *client, const char *password, GError **error);

/* The request count the simulator has seen for @path. */
gint64
hcx_test_sim_requests (FerrySimThread *sim, const char *path);
/* POST /__sim/faults with @json (asserts 2xx). */
void
hcx_test_sim_fault (FerrySimThread *sim, const char *json);
/* Number of migrations / groups the simulator holds (GET /__sim/state). */
gint64
hcx_test_sim_count (FerrySimThread *sim, const char *member);
/* state[@member][@key] (0 when absent): "migrationsByEntity", "groupsByName", … */
gint64
hcx_test_sim_count_of (FerrySimThread *sim, const char *member, const char *key);

/* A simulator, a client logged in to it (pinned), and what intents need. */
typedef struct
{
  FerrySimThread *sim;
  FerryHcxClient *client;
  char *remote_endpoint;
  GListModel *vms;
  GPtrArray *clean; /* FerryVm that validate for Bulk */
  FerryResourceContainer *source;
  FerryResourceContainer *destination;
  char *segment;
  char *datastore;
} HcxWorld;

HcxWorld *
hcx_test_world_new (const FerrySimOptions *opts);
void
hcx_test_world_free (HcxWorld *w);
/* A new client on the same simulator, logged in. */
FerryHcxClient *
hcx_test_world_client (HcxWorld *w);
/* Bulk intents for the clean VMs first … first + n - 1 (valid on the simulator). */
GListStore *
hcx_test_world_intents (HcxWorld *w, guint first, guint n);

/* Synchronous calls with a bound on time. */
FerryValidationResult *
hcx_test_start (FerryHcxClient *client, GListModel *intents, guint seconds, GError **error);
FerryMobilityGroup *
hcx_test_create_group (FerryHcxClient *client, const char *name, GListModel *intents, guint seconds,
                       GError **error);
GListModel *
hcx_test_query (FerryHcxClient *client, const char *const *group_ids, guint seconds,
                GError **error);
GListModel *
hcx_test_list_vms (FerryHcxClient *client, guint seconds, GError **error);

/* An HTTPS SoupServer on 127.0.0.1 with @certificate (a fresh self-signed one when NULL),
 * handled by @handler; *url becomes "127.0.0.1:PORT". */
SoupServer *
hcx_test_server_new (GTlsCertificate *certificate, SoupServerCallback handler, gpointer data,
                     char **url);

G_END_DECLS
