/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the engine's files (ferry-sim-engine*.c) only. */

#include "ferry-sim-engine.h"

G_BEGIN_DECLS

#define SEC 1000
#define VALIDATED_MS (10 * SEC)
#define QUEUED_MIN_MS (5 * SEC)
#define CANCEL_MS (30 * SEC)
#define HOUR_MS (3600 * SEC)

typedef enum
{
  TYPE_BULK,
  TYPE_VMOTION,
  TYPE_COLD,
  TYPE_RAV,
  TYPE_OSAM,
  N_TYPES
} MigType;

typedef struct
{
  const char *migration_type;
  const char *ui_name;
  const char *transfer_type;
  const char *service;
  gboolean needs_power_on;
  gboolean allows_window;
  gboolean vmotion_class;
  gint64 switchover_ms;
} FerrySimMigTypeInfo;

extern const FerrySimMigTypeInfo ferry_sim_mig_types[N_TYPES];

/* States: static strings, compared by pointer. */
extern const char ferry_sim_st_draft[];
extern const char ferry_sim_st_validated[];
extern const char ferry_sim_st_queued[];
extern const char ferry_sim_st_transfer[];
extern const char ferry_sim_st_waiting[];
extern const char ferry_sim_st_switchover[];
extern const char ferry_sim_st_complete[];
extern const char ferry_sim_st_failed[];
extern const char ferry_sim_st_transfer_failed[];
extern const char ferry_sim_st_cancelling[];
extern const char ferry_sim_st_cancelled[];
#define ST_DRAFT ferry_sim_st_draft
#define ST_VALIDATED ferry_sim_st_validated
#define ST_QUEUED ferry_sim_st_queued
#define ST_TRANSFER ferry_sim_st_transfer
#define ST_WAITING ferry_sim_st_waiting
#define ST_SWITCHOVER ferry_sim_st_switchover
#define ST_COMPLETE ferry_sim_st_complete
#define ST_FAILED ferry_sim_st_failed
#define ST_TRANSFER_FAILED ferry_sim_st_transfer_failed
#define ST_CANCELLING ferry_sim_st_cancelling
#define ST_CANCELLED ferry_sim_st_cancelled

typedef struct
{
  const char *status;
  char *message;
  char *error;
  gint64 time;
  guint64 bytes;
  guint64 total;
} LogEntry;

typedef struct
{
  char *id;
  char *group_id;
  char *username;
  const FerrySimVm *vm;
  MigType type;
  const char *state; /* static string */
  JsonNode *intent;
  char *datastore_id;
  guint64 reserved;
  gint64 created;
  gint64 updated;
  gint64 start_time;
  gint64 end_time;
  gint64 phase_end;
  gint64 queued_since;
  gint64 win_start;
  gint64 win_end;
  guint64 total_bytes;
  double transferred;
  guint next_quarter;
  gboolean did_fail;
  gboolean is_cancelled;
  gint64 visible_after_us; /* monotonic; out of queries until then (a server still settling) */
  char *message;
  char *error;
  GArray *log;
} Migration;

typedef struct
{
  char *id;
  char *name;
  gint64 created;
  GPtrArray *migrations; /* Migration*, not owned */
} Group;

typedef struct
{
  char *id;
  char *operation;
  gint64 time;
  GPtrArray *migration_ids;
} Job;

struct _FerrySimEngine
{
  FerrySimWorld *world;
  FerrySimEngineConfig config;

  gint64 initial_ms;
  gint64 base_sim_ms;
  gint64 base_real_us;
  double speed;
  gint64 time; /* engine time, epoch ms */

  guint services[FERRY_SIM_N_SIDES];
  GPtrArray *migrations;   /* Migration, in creation order */
  GHashTable *by_id;       /* id → Migration */
  GPtrArray *groups;       /* Group */
  GHashTable *jobs;        /* id → Job */
  GHashTable *failures;    /* entity id → phase */
  GHashTable *reserved;    /* datastore id → guint64* */
  gboolean unknown_states; /* report intermediate states under other names */
  GPtrArray *arrived;      /* const FerrySimVm*: migrated, now in the destination inventory */
  GPtrArray *arrived_by;   /* Migration*: the completed migration of each arrived VM */
  guint64 counter;
  guint settle_ms;          /* migrations created now stay out of queries this long */
  gboolean real_omissions;  /* leave out what real managers leave out of their answers */
  guint64 query_filter_ids; /* migration ids received in query filters, in all */
};

typedef struct
{
  JsonBuilder *errors;
  JsonBuilder *warnings;
  guint n_errors;
  guint n_warnings;
  gboolean omit_warning_codes; /* as real managers do */
} Findings;

/* ferry-sim-engine.c */
int
ferry_sim_service_bit (const char *name);
char *
ferry_sim_engine_new_id (FerrySimEngine *e, const char *prefix);
Group *
ferry_sim_engine_find_group (FerrySimEngine *e, const char *id);
Group *
ferry_sim_engine_ensure_group (FerrySimEngine *e, const char *id, const char *name);
Migration *
ferry_sim_migration_new (FerrySimEngine *e, JsonObject *intent, const FerrySimVm *vm, MigType type,
                         Group *group, const char *username);
void
ferry_sim_migration_start (FerrySimEngine *e, Migration *m, const char *datastore_id);
Job *
ferry_sim_job_new (FerrySimEngine *e, const char *operation);
JsonNode *
ferry_sim_error_body (const char *code, const char *message);
JsonArray *
ferry_sim_body_items (JsonNode *body);

/* ferry-sim-engine-clock.c: the state machine */
void
ferry_sim_migration_log (Migration *m, gint64 time, const char *message, const char *error);
void
ferry_sim_migration_set_state (Migration *m, gint64 time, const char *state, const char *message,
                               const char *error);
gboolean
ferry_sim_state_is_terminal (const char *state);
void
ferry_sim_migration_finish (FerrySimEngine *e, Migration *m, gint64 time, const char *state,
                            const char *message, const char *error);
gboolean
ferry_sim_engine_instant (FerrySimEngine *e);

/* ferry-sim-engine-validate.c */
void
ferry_sim_findings_init (Findings *f, FerrySimEngine *e);
void
ferry_sim_findings_clear (Findings *f);
void
ferry_sim_findings_error (Findings *f, const char *code, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
void
ferry_sim_findings_warning (Findings *f, const char *code, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
void
ferry_sim_findings_add_to (Findings *f, JsonBuilder *b);
int
ferry_sim_parse_type (const char *migration_type);
void
ferry_sim_engine_validate_intent (FerrySimEngine *e, JsonObject *intent, GHashTable *pending,
                                  GHashTable *seen, gboolean check_busy, Findings *f,
                                  const FerrySimVm **out_vm, int *out_type, const char **out_ds);

G_END_DECLS
