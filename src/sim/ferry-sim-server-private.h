/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by ferry-sim-server*.c only. */

#include "ferry-sim-engine.h"
#include "ferry-sim-inventory.h"
#include "ferry-sim-server.h"

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define API "/hybridity/api"

typedef struct
{
  char *username;
  gint64 last_used_us;
} Session;

typedef struct
{
  char *path; /* prefix, or "*" */
  guint latency_ms;
  double error_rate;
  guint status;
  gboolean drop;
  gboolean drop_after; /* act on the request, then drop the connection: the answer is lost */
  gboolean truncate;
  gboolean malformed;
  gboolean html;
  gboolean reset;         /* headers and half the body, then a TCP reset */
  gboolean stall;         /* headers and half the body, then nothing more */
  gboolean ignore_paging; /* offset/skipCount ignored: every page is the first */
  gboolean ignore_filter; /* the query's id, group, state and VM filters ignored */
  guint latency_after_ms; /* act at once, answer this much later */
  guint settle_ms;        /* migrations this request creates stay out of queries this long */
  guint skip;             /* matching requests still to let through before this one acts */
  guint count;            /* 0 = until cleared */
} Fault;

typedef struct
{
  guint status;
  char *content_type;
  GBytes *body;
  char *token;
} Response;

struct _FerrySimServer
{
  GObject parent_instance;

  SoupServer *soup;
  GMainContext *context;
  GTlsCertificate *certificate;
  GMutex lock;             /* guards url and fingerprints (read from other threads) */
  GPtrArray *fingerprints; /* every fingerprint served; the last one is current */
  char *url;
  guint16 port;

  guint n_vms;
  guint seed;
  char *cert_dir;
  char *inventory_file;
  FerrySimEngineConfig engine_config;
  gint64 session_timeout_us;

  FerrySimWorld *world;
  FerrySimEngine *engine;
  GHashTable *users;    /* name → password */
  GHashTable *sessions; /* token → Session */
  GPtrArray *faults;    /* Fault, newest last */
  GHashTable *requests; /* path → count */
  GHashTable *traffic;  /* path → guint64[2]: request and response body bytes */
  GRand *rand;
  gboolean xml_without_accept;
  gboolean real_omissions; /* the start value (options), restored by /__sim/reset */
  GPtrArray *delayed;      /* GSource*: requests paused by injected latency */
  GPtrArray *retired;      /* SoupServer: replaced by a certificate rotation */
};

/* ferry-sim-server-respond.c */
void
ferry_sim_response_clear (Response *r);
void
ferry_sim_respond_raw (Response *r, guint status, const char *content_type, char *data, gsize len);
void
ferry_sim_respond_gstring (Response *r, guint status, GString *body);
void
ferry_sim_respond_node (Response *r, guint status, JsonNode *node);
void
ferry_sim_respond_builder (Response *r, guint status, JsonBuilder *b);
void
ferry_sim_respond_error (Response *r, guint status, const char *code, const char *message);
void
ferry_sim_respond_unauthorized (Response *r);
void
ferry_sim_envelope_begin (FerrySimServer *self, JsonBuilder *b);
void
ferry_sim_envelope_end (JsonBuilder *b);
JsonObject *
ferry_sim_root_object (JsonNode *body);
FerrySimSite *
ferry_sim_server_site_for_filter (FerrySimServer *self, JsonObject *filter);
void
ferry_sim_add_site_ref (JsonBuilder *b, FerrySimSite *site);

/* ferry-sim-server-api.c */
void
ferry_sim_server_handle_login (FerrySimServer *self, JsonNode *body, Response *r);
Session *
ferry_sim_server_check_session (FerrySimServer *self, SoupServerMessage *msg);
void
ferry_sim_server_handle_cloud_configs (FerrySimServer *self, Response *r);
void
ferry_sim_server_handle_resource_containers (FerrySimServer *self, JsonNode *body, Response *r);
void
ferry_sim_server_handle_vms (FerrySimServer *self, JsonNode *body, Response *r);
void
ferry_sim_server_handle_networks (FerrySimServer *self, JsonNode *body, Response *r);
void
ferry_sim_server_handle_containers (FerrySimServer *self, JsonNode *body, Response *r);
void
ferry_sim_server_handle_datastores (FerrySimServer *self, JsonNode *body, Response *r);
void
ferry_sim_server_handle_storage_profiles (FerrySimServer *self, Response *r);
void
ferry_sim_server_handle_compute_profiles (FerrySimServer *self, GHashTable *query, Response *r);
void
ferry_sim_server_handle_service_mesh (FerrySimServer *self, Response *r);

/* ferry-sim-server-faults.c: faults, and how an answer reaches the wire */
void
ferry_sim_fault_free (gpointer data);
Fault *
ferry_sim_server_take_fault (FerrySimServer *self, const char *path);
void
ferry_sim_fault_mangle_response (Fault *f, Response *r);
void
ferry_sim_fault_strip_paging (JsonNode *body);
void
ferry_sim_fault_strip_filter (JsonNode *body);
void
ferry_sim_send_response (SoupServerMessage *msg, Response *r);
void
ferry_sim_drop_connection (SoupServerMessage *msg);
gboolean
ferry_sim_server_deliver (FerrySimServer *self, SoupServerMessage *msg, Fault *fault, Response *r);

/* ferry-sim-server-control.c */
void
ferry_sim_server_handle_control (FerrySimServer *self, SoupServerMessage *msg, const char *method,
                                 const char *path, JsonNode *body, Response *r);

/* ferry-sim-server.c */
gboolean
ferry_sim_server_rotate_certificate (FerrySimServer *self, GTlsCertificate *certificate,
                                     GError **error);

G_END_DECLS
