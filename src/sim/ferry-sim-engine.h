/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ferry-sim-inventory.h"

G_BEGIN_DECLS

/* The migration engine: services, validation, the per-type state machine on a simulated clock,
 * mobility groups and jobs. Plain struct, used from the server's thread only. */

typedef struct _FerrySimEngine FerrySimEngine;

typedef enum
{
  FERRY_SIM_SIDE_SOURCE,
  FERRY_SIM_SIDE_DESTINATION,
  FERRY_SIM_SIDE_MESH,
  FERRY_SIM_N_SIDES
} FerrySimSide;

typedef struct
{
  double speed;                   /* simulated seconds per real second */
  double migration_bandwidth_bps; /* bits per second per migration (0 → 1 Gbps) */
  double appliance_bandwidth_bps; /* shared by all transfers (0 → 10 Gbps) */
  guint max_replication;          /* concurrent Bulk/RAV/OSAM transfers (0 → 200) */
  guint max_vmotion;              /* concurrent vMotion/Cold transfers (0 → 1, serial) */
} FerrySimEngineConfig;

FerrySimEngine *
ferry_sim_engine_new (FerrySimWorld *world, const FerrySimEngineConfig *config);
void
ferry_sim_engine_free (FerrySimEngine *engine);
void
ferry_sim_engine_reset (FerrySimEngine *engine);

gint64
ferry_sim_engine_now (FerrySimEngine *engine); /* runs the engine up to "now"; epoch ms */
double
ferry_sim_engine_get_speed (FerrySimEngine *engine);
void
ferry_sim_engine_set_speed (FerrySimEngine *engine, double speed);
void
ferry_sim_engine_advance (FerrySimEngine *engine, double seconds);

gboolean
ferry_sim_engine_set_service (FerrySimEngine *engine, FerrySimSide side, const char *service,
                              gboolean enabled, GError **error);
void
ferry_sim_engine_add_services (FerrySimEngine *engine, FerrySimSide side, JsonBuilder *b);
void
ferry_sim_engine_set_unknown_states (FerrySimEngine *engine, gboolean enabled);
void
ferry_sim_engine_set_real_omissions (FerrySimEngine *engine, gboolean enabled);
gboolean
ferry_sim_engine_get_real_omissions (FerrySimEngine *engine);
void
ferry_sim_engine_set_settle (FerrySimEngine *engine, guint ms);
void
ferry_sim_engine_set_vm_failure (FerrySimEngine *engine, const char *entity_id, const char *phase);

/* Each returns a response body and sets *status. */
JsonNode *
ferry_sim_engine_validate (FerrySimEngine *engine, JsonNode *body, const char *username,
                           gboolean start, guint *status);
JsonNode *
ferry_sim_engine_cancel (FerrySimEngine *engine, JsonNode *body, gboolean force, guint *status);
JsonNode *
ferry_sim_engine_query (FerrySimEngine *engine, JsonNode *body, guint *status);
JsonNode *
ferry_sim_engine_groups_create (FerrySimEngine *engine, JsonNode *body, const char *username,
                                guint *status);
JsonNode *
ferry_sim_engine_groups_start (FerrySimEngine *engine, JsonNode *body, guint *status);
JsonNode *
ferry_sim_engine_group_schedule (FerrySimEngine *engine, const char *group_id, JsonNode *body,
                                 guint *status);
JsonNode *
ferry_sim_engine_job (FerrySimEngine *engine, const char *job_id, guint *status);

GPtrArray *
ferry_sim_engine_get_arrived (FerrySimEngine *engine); /* const FerrySimVm* */
void
ferry_sim_engine_arrived_view (FerrySimEngine *engine, guint i, FerrySimVmView *view);
guint64
ferry_sim_engine_reserved (FerrySimEngine *engine, const char *datastore_id);
void
ferry_sim_engine_add_state (FerrySimEngine *engine, JsonBuilder *b);
guint
ferry_sim_engine_count_migrations (FerrySimEngine *engine);

G_END_DECLS
