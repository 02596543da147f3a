/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-engine.c: validation rules (hcx-api.md §5, §6), the migration state machine (§7) on
 * a simulated clock, mobility groups (§8) and jobs (§9).
 *
 * The engine is lazy: nothing ticks in the background. Every request first runs the engine up
 * to the current simulated time, event by event, so a large clock jump (a test advancing by
 * hours) is exact: queued transfers start when slots free up, bandwidth is re-shared, windows
 * open, all in order. */

#include "ferry-sim-engine.h"
#include "ferry-sim-json.h"

#include <math.h>
#include <string.h>

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

static const struct
{
  const char *migration_type;
  const char *ui_name;
  const char *transfer_type;
  const char *service;
  gboolean needs_power_on;
  gboolean allows_window;
  gboolean vmotion_class;
  gint64 switchover_ms;
} types[N_TYPES] = {
  { "vSphereReplication", "Bulk Migration", "vSphereReplication", "BULK_MIGRATION", TRUE, TRUE,
    FALSE, 300 * SEC },
  { "vMotion", "HCX vMotion", "NO_OP", "VMOTION", TRUE, FALSE, TRUE, 60 * SEC },
  { "ColdMigration", "Cold Migration", "NO_OP", "VMOTION", FALSE, FALSE, TRUE, 60 * SEC },
  { "RAV", "Replication Assisted vMotion", "vSphereReplication", "RAV", TRUE, TRUE, FALSE,
    180 * SEC },
  { "OsAssistedMigration", "OS Assisted Migration", "OsAssistedReplication",
    "OS_ASSISTED_MIGRATION", TRUE, TRUE, FALSE, 600 * SEC },
};

static const char *service_names[] = {
  "INTERCONNECT",      "WANOPT", "VMOTION",
  "BULK_MIGRATION",    "RAV",    "NETWORK_EXTENSION",
  "DISASTER_RECOVERY", "SRM",    "OS_ASSISTED_MIGRATION",
};
#define DEFAULT_SERVICES 0x3f /* INTERCONNECT … NETWORK_EXTENSION */

static const char ST_DRAFT[] = "DRAFT";
static const char ST_VALIDATED[] = "VALIDATED";
static const char ST_QUEUED[] = "TRANSFER_QUEUED";
static const char ST_TRANSFER[] = "TRANSFER_IN_PROGRESS";
static const char ST_WAITING[] = "WAITING_FOR_SWITCHOVER";
static const char ST_SWITCHOVER[] = "SWITCHOVER_IN_PROGRESS";
static const char ST_COMPLETE[] = "MIGRATION_COMPLETE";
static const char ST_FAILED[] = "MIGRATION_FAILED";
static const char ST_TRANSFER_FAILED[] = "TRANSFER_FAILED";
static const char ST_CANCELLING[] = "CANCEL_IN_PROGRESS";
static const char ST_CANCELLED[] = "MIGRATION_CANCELLED";

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
  guint64 counter;
};

static void
log_entry_clear (gpointer data)
{
  LogEntry *e = data;

  g_free (e->message);
  g_free (e->error);
}

static void
migration_free (gpointer data)
{
  Migration *m = data;

  g_free (m->id);
  g_free (m->group_id);
  g_free (m->username);
  g_free (m->datastore_id);
  g_free (m->message);
  g_free (m->error);
  if (m->intent != NULL)
    json_node_unref (m->intent);
  g_array_unref (m->log);
  g_free (m);
}

static void
group_free (gpointer data)
{
  Group *g = data;

  g_free (g->id);
  g_free (g->name);
  g_ptr_array_unref (g->migrations);
  g_free (g);
}

static void
job_free (gpointer data)
{
  Job *j = data;

  g_free (j->id);
  g_free (j->operation);
  g_ptr_array_unref (j->migration_ids);
  g_free (j);
}

static gint64
real_now_ms (void)
{
  return g_get_real_time () / 1000;
}

FerrySimEngine *
ferry_sim_engine_new (FerrySimWorld *world, const FerrySimEngineConfig *config)
{
  FerrySimEngine *e = g_new0 (FerrySimEngine, 1);

  e->world = world;
  if (config != NULL)
    e->config = *config;
  if (e->config.migration_bandwidth_bps <= 0)
    e->config.migration_bandwidth_bps = 1e9;
  if (e->config.appliance_bandwidth_bps <= 0)
    e->config.appliance_bandwidth_bps = 10e9;
  if (e->config.max_replication == 0)
    e->config.max_replication = 200;
  if (e->config.max_vmotion == 0)
    e->config.max_vmotion = 1;
  if (e->config.speed < 0)
    e->config.speed = 0;

  /* Whole seconds, so clock arithmetic in tests stays readable. */
  e->initial_ms = real_now_ms () / 1000 * 1000;
  e->migrations = g_ptr_array_new_with_free_func (migration_free);
  e->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  e->groups = g_ptr_array_new_with_free_func (group_free);
  e->jobs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, job_free);
  e->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->arrived = g_ptr_array_new ();
  ferry_sim_engine_reset (e);
  return e;
}

void
ferry_sim_engine_free (FerrySimEngine *e)
{
  if (e == NULL)
    return;
  g_hash_table_unref (e->by_id);
  g_ptr_array_unref (e->migrations);
  g_ptr_array_unref (e->groups);
  g_hash_table_unref (e->jobs);
  g_hash_table_unref (e->failures);
  g_hash_table_unref (e->reserved);
  g_ptr_array_unref (e->arrived);
  g_free (e);
}

void
ferry_sim_engine_reset (FerrySimEngine *e)
{
  guint i;

  g_hash_table_remove_all (e->by_id);
  g_ptr_array_set_size (e->migrations, 0);
  g_ptr_array_set_size (e->groups, 0);
  g_hash_table_remove_all (e->jobs);
  g_hash_table_remove_all (e->failures);
  g_hash_table_remove_all (e->reserved);
  for (i = 0; i < FERRY_SIM_N_SIDES; i++)
    e->services[i] = DEFAULT_SERVICES;
  e->unknown_states = FALSE;
  g_ptr_array_set_size (e->arrived, 0);
  e->speed = e->config.speed;
  e->base_sim_ms = e->initial_ms;
  e->base_real_us = g_get_monotonic_time ();
  e->time = e->initial_ms;
}

/* ---- clock and state machine ------------------------------------------------------------ */

static void
add_log (Migration *m, gint64 time, const char *message, const char *error)
{
  LogEntry entry = { 0 };

  entry.status = m->state;
  entry.message = g_strdup (message);
  entry.error = g_strdup (error);
  entry.time = time;
  entry.bytes = (guint64)m->transferred;
  entry.total = m->total_bytes;
  g_array_append_val (m->log, entry);
}

static void
set_state (Migration *m, gint64 time, const char *state, const char *message, const char *error)
{
  m->state = state;
  m->updated = time;
  g_free (m->message);
  m->message = g_strdup (message);
  if (error != NULL)
    {
      g_free (m->error);
      m->error = g_strdup (error);
    }
  add_log (m, time, message, error);
}

static gboolean
is_terminal (const char *state)
{
  return state == ST_COMPLETE || state == ST_FAILED || state == ST_TRANSFER_FAILED
         || state == ST_CANCELLED;
}

static void
release_reservation (FerrySimEngine *e, Migration *m)
{
  guint64 *r;

  if (m->reserved == 0 || m->datastore_id == NULL)
    return;
  r = g_hash_table_lookup (e->reserved, m->datastore_id);
  if (r != NULL)
    *r -= MIN (*r, m->reserved);
  m->reserved = 0;
}

static void
finish (FerrySimEngine *e, Migration *m, gint64 time, const char *state, const char *message,
        const char *error)
{
  set_state (m, time, state, message, error);
  m->end_time = time;
  if (state == ST_FAILED || state == ST_TRANSFER_FAILED)
    m->did_fail = TRUE;
  if (state == ST_CANCELLED)
    m->is_cancelled = TRUE;
  if (state != ST_COMPLETE)
    release_reservation (e, m);
  else
    g_ptr_array_add (e->arrived, (gpointer)m->vm);
}

static const char *
failure_for (FerrySimEngine *e, Migration *m)
{
  return g_hash_table_lookup (e->failures, m->vm->id);
}

static guint
count_in_transfer (FerrySimEngine *e, gboolean vmotion_class)
{
  guint i, n = 0;

  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (m->state == ST_TRANSFER && types[m->type].vmotion_class == vmotion_class)
        n++;
    }
  return n;
}

/* Bytes per millisecond for each active transfer. */
static double
transfer_rate (FerrySimEngine *e)
{
  guint active = count_in_transfer (e, FALSE) + count_in_transfer (e, TRUE);
  double per = e->config.migration_bandwidth_bps;

  if (active > 0)
    per = MIN (per, e->config.appliance_bandwidth_bps / active);
  return per / 8.0 / 1000.0;
}

static double
transfer_target (FerrySimEngine *e, Migration *m)
{
  const char *failure = failure_for (e, m);
  double quarter = m->total_bytes / 4.0 * m->next_quarter;

  if (g_strcmp0 (failure, "transfer") == 0)
    return MIN (quarter, m->total_bytes / 2.0);
  return quarter;
}

static void
begin_switchover (FerrySimEngine *e, Migration *m, gint64 t)
{
  static const char *messages[N_TYPES] = {
    "Switchover started: final delta sync, powering off the source VM",
    "Switchover started: vMotion of the VM's memory and state",
    "Switchover started: relocating the powered-off VM",
    "Switchover started: final delta sync and vMotion",
    "Switchover started: final OS-assisted sync and cut-over",
  };

  set_state (m, t, ST_SWITCHOVER, messages[m->type], NULL);
  m->phase_end = t + types[m->type].switchover_ms;
}

static void
transfer_done (FerrySimEngine *e, Migration *m, gint64 t)
{
  if (types[m->type].allows_window && m->win_end > 0 && t > m->win_end)
    finish (e, m, t, ST_FAILED, "Migration failed",
            "The switchover window closed before the transfer finished. Schedule a new window "
            "and migrate the VM again.");
  else if (types[m->type].allows_window && m->win_start > t)
    {
      set_state (m, t, ST_WAITING,
                 "Initial sync complete; waiting for the scheduled switchover window", NULL);
    }
  else
    begin_switchover (e, m, t);
}

/* Applies every transition due at e->time. Returns TRUE if anything changed. */
static gboolean
engine_instant (FerrySimEngine *e)
{
  gboolean changed = FALSE;
  guint free_repl, free_vmo;
  gint64 t = e->time;
  guint i;

  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (m->state == ST_VALIDATED && t >= m->phase_end)
        {
          set_state (m, t, ST_QUEUED, "Queued for transfer", NULL);
          m->queued_since = t;
          changed = TRUE;
        }
      else if (m->state == ST_TRANSFER)
        {
          double target = transfer_target (e, m);

          if (m->transferred + 0.5 >= target)
            {
              const char *failure = failure_for (e, m);

              m->transferred = target;
              m->updated = t;
              changed = TRUE;
              if (g_strcmp0 (failure, "transfer") == 0 && target < m->total_bytes)
                finish (e, m, t, ST_TRANSFER_FAILED, "Transfer failed",
                        "Transfer failed: the replication connection to the target site was "
                        "lost (injected failure). Check the service mesh uplink and retry.");
              else if (m->next_quarter >= 4)
                {
                  add_log (m, t, "Transfer complete", NULL);
                  transfer_done (e, m, t);
                }
              else
                {
                  g_autofree char *msg
                      = g_strdup_printf ("Transfer %u %% complete", m->next_quarter * 25);

                  add_log (m, t, msg, NULL);
                  m->next_quarter++;
                }
            }
        }
      else if (m->state == ST_WAITING && t >= m->win_start)
        {
          begin_switchover (e, m, t);
          changed = TRUE;
        }
      else if (m->state == ST_SWITCHOVER && t >= m->phase_end)
        {
          if (g_strcmp0 (failure_for (e, m), "switchover") == 0)
            finish (e, m, t, ST_FAILED, "Migration failed",
                    "Switchover failed: the VM could not be powered on at the target site "
                    "(injected failure). The source VM was powered on again.");
          else
            finish (e, m, t, ST_COMPLETE, "Migration complete", NULL);
          changed = TRUE;
        }
      else if (m->state == ST_CANCELLING && t >= m->phase_end)
        {
          finish (e, m, t, ST_CANCELLED, "Migration cancelled", NULL);
          changed = TRUE;
        }
    }

  /* Start queued transfers, first come first served, as slots allow. */
  free_repl
      = e->config.max_replication - MIN (e->config.max_replication, count_in_transfer (e, FALSE));
  free_vmo = e->config.max_vmotion - MIN (e->config.max_vmotion, count_in_transfer (e, TRUE));
  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);
      guint *slots;

      if (m->state != ST_QUEUED || t < m->queued_since + QUEUED_MIN_MS)
        continue;
      slots = types[m->type].vmotion_class ? &free_vmo : &free_repl;
      if (*slots == 0)
        continue;
      (*slots)--;
      set_state (m, t, ST_TRANSFER,
                 types[m->type].vmotion_class ? "Transferring the VM's disks and memory"
                                              : "Initial sync: replicating the VM's disks",
                 NULL);
      m->next_quarter = 1;
      changed = TRUE;
    }
  return changed;
}

static gint64
engine_next_event (FerrySimEngine *e)
{
  gint64 next = G_MAXINT64;
  double rate = transfer_rate (e);
  guint free_repl, free_vmo;
  guint i;

  free_repl
      = e->config.max_replication - MIN (e->config.max_replication, count_in_transfer (e, FALSE));
  free_vmo = e->config.max_vmotion - MIN (e->config.max_vmotion, count_in_transfer (e, TRUE));

  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);
      gint64 at = G_MAXINT64;

      if (m->state == ST_VALIDATED || m->state == ST_SWITCHOVER || m->state == ST_CANCELLING)
        at = m->phase_end;
      else if (m->state == ST_WAITING)
        at = m->win_start;
      else if (m->state == ST_QUEUED)
        {
          if ((types[m->type].vmotion_class ? free_vmo : free_repl) > 0)
            at = m->queued_since + QUEUED_MIN_MS;
        }
      else if (m->state == ST_TRANSFER && rate > 0)
        {
          double left = transfer_target (e, m) - m->transferred;

          at = e->time + (gint64)ceil (MAX (left, 0) / rate);
        }
      next = MIN (next, MAX (at, e->time + 1));
    }
  return next;
}

static void
engine_flow (FerrySimEngine *e, gint64 dt)
{
  double rate = transfer_rate (e) * dt;
  guint i;

  if (dt <= 0)
    return;
  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (m->state == ST_TRANSFER)
        m->transferred = MIN (m->transferred + rate, transfer_target (e, m));
    }
}

static void
engine_run_until (FerrySimEngine *e, gint64 target)
{
  guint guard;

  for (guard = 0; guard < 10000000; guard++)
    {
      gint64 next;
      guint inner = 0;

      while (engine_instant (e) && inner++ < 1000)
        ;
      if (e->time >= target)
        return;
      next = engine_next_event (e);
      if (next > target)
        {
          engine_flow (e, target - e->time);
          e->time = target;
          return;
        }
      engine_flow (e, next - e->time);
      e->time = next;
    }
}

static gint64
clock_now (FerrySimEngine *e)
{
  gint64 elapsed_us = g_get_monotonic_time () - e->base_real_us;

  return e->base_sim_ms + (gint64)(elapsed_us / 1000.0 * e->speed);
}

gint64
ferry_sim_engine_now (FerrySimEngine *e)
{
  gint64 now = clock_now (e);

  if (now > e->time)
    engine_run_until (e, now);
  return e->time;
}

double
ferry_sim_engine_get_speed (FerrySimEngine *e)
{
  return e->speed;
}

void
ferry_sim_engine_set_speed (FerrySimEngine *e, double speed)
{
  e->base_sim_ms = ferry_sim_engine_now (e);
  e->base_real_us = g_get_monotonic_time ();
  e->speed = speed > 0 ? MIN (speed, 1e6) : 0; /* also maps NaN to 0 */
}

void
ferry_sim_engine_advance (FerrySimEngine *e, double seconds)
{
  /* At most ten years at a time (and no NaN): keeps the arithmetic defined. */
  if (!(seconds > 0))
    seconds = 0;
  seconds = MIN (seconds, 10.0 * 365 * 24 * 3600);
  e->base_sim_ms = ferry_sim_engine_now (e) + (gint64)(seconds * 1000);
  e->base_real_us = g_get_monotonic_time ();
  engine_run_until (e, e->base_sim_ms);
}

/* ---- services --------------------------------------------------------------------------- */

static int
service_bit (const char *name)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (service_names); i++)
    if (g_strcmp0 (service_names[i], name) == 0)
      return (int)i;
  return -1;
}

gboolean
ferry_sim_engine_set_service (FerrySimEngine *e, FerrySimSide side, const char *service,
                              gboolean enabled, GError **error)
{
  int bit = service_bit (service);

  if (bit < 0 || side >= FERRY_SIM_N_SIDES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Unknown service %s",
                   service != NULL ? service : "(null)");
      return FALSE;
    }
  if (enabled)
    e->services[side] |= 1u << bit;
  else
    e->services[side] &= ~(1u << bit);
  return TRUE;
}

void
ferry_sim_engine_add_services (FerrySimEngine *e, FerrySimSide side, JsonBuilder *b)
{
  guint i;

  json_builder_begin_array (b);
  for (i = 0; i < G_N_ELEMENTS (service_names); i++)
    {
      if (!(e->services[side] & (1u << i)))
        continue;
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "name", service_names[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

void
ferry_sim_engine_set_vm_failure (FerrySimEngine *e, const char *entity_id, const char *phase)
{
  if (entity_id == NULL)
    return;
  if (phase == NULL || *phase == '\0')
    g_hash_table_remove (e->failures, entity_id);
  else
    g_hash_table_insert (e->failures, g_strdup (entity_id), g_strdup (phase));
}

/* ---- validation -------------------------------------------------------------------------- */

typedef struct
{
  JsonBuilder *errors;
  JsonBuilder *warnings;
  guint n_errors;
  guint n_warnings;
} Findings;

static void
findings_init (Findings *f)
{
  f->errors = json_builder_new ();
  f->warnings = json_builder_new ();
  json_builder_begin_array (f->errors);
  json_builder_begin_array (f->warnings);
  f->n_errors = f->n_warnings = 0;
}

static void
findings_clear (Findings *f)
{
  g_clear_object (&f->errors);
  g_clear_object (&f->warnings);
}

G_GNUC_PRINTF (3, 4)
static void
add_error (Findings *f, const char *code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  json_builder_begin_object (f->errors);
  ferry_sim_json_add_string (f->errors, "code", code);
  ferry_sim_json_add_string (f->errors, "message", message);
  json_builder_end_object (f->errors);
  f->n_errors++;
}

G_GNUC_PRINTF (3, 4)
static void
add_warning (Findings *f, const char *code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  json_builder_begin_object (f->warnings);
  ferry_sim_json_add_string (f->warnings, "code", code);
  ferry_sim_json_add_string (f->warnings, "message", message);
  json_builder_end_object (f->warnings);
  f->n_warnings++;
}

static void
findings_add_to (Findings *f, JsonBuilder *b)
{
  json_builder_end_array (f->errors);
  json_builder_end_array (f->warnings);
  json_builder_set_member_name (b, "errors");
  json_builder_add_value (b, json_builder_get_root (f->errors));
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, json_builder_get_root (f->warnings));
}

static int
parse_type (const char *migration_type)
{
  guint i;

  for (i = 0; i < N_TYPES; i++)
    if (g_strcmp0 (types[i].migration_type, migration_type) == 0)
      return (int)i;
  /* Accept a few spellings the UI and PowerCLI use. */
  if (g_strcmp0 (migration_type, "Bulk") == 0)
    return TYPE_BULK;
  if (g_strcmp0 (migration_type, "Cold") == 0)
    return TYPE_COLD;
  return -1;
}

static guint64
reserved_on (FerrySimEngine *e, GHashTable *pending, const char *ds_id)
{
  guint64 *r = g_hash_table_lookup (e->reserved, ds_id);
  guint64 *p = g_hash_table_lookup (pending, ds_id);

  return (r != NULL ? *r : 0) + (p != NULL ? *p : 0);
}

static void
add_pending (GHashTable *pending, const char *ds_id, guint64 bytes)
{
  guint64 *p = g_hash_table_lookup (pending, ds_id);

  if (p == NULL)
    {
      p = g_new0 (guint64, 1);
      g_hash_table_insert (pending, g_strdup (ds_id), p);
    }
  *p += bytes;
}

static gboolean
entity_busy (FerrySimEngine *e, const char *entity_id, const Migration *except)
{
  guint i;

  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (m != except && !is_terminal (m->state) && m->state != ST_DRAFT
          && g_str_equal (m->vm->id, entity_id))
        return TRUE;
    }
  return FALSE;
}

static void
check_services (FerrySimEngine *e, MigType type, Findings *f)
{
  int bit = service_bit (types[type].service);
  const char *svc = types[type].service;
  const char *ui = types[type].ui_name;

  if (!(e->services[FERRY_SIM_SIDE_SOURCE] & (1u << bit)))
    add_error (f, "SERVICE_NOT_ENABLED",
               "%s is not available: the service %s is not enabled in the source compute "
               "profile '%s'. Enable it in the compute profile and resync the service mesh '%s'.",
               ui, svc, e->world->source.cp_name, e->world->mesh_name);
  if (!(e->services[FERRY_SIM_SIDE_DESTINATION] & (1u << bit)))
    add_error (f, "SERVICE_NOT_ENABLED",
               "%s is not available: the service %s is not enabled in the destination compute "
               "profile '%s' at %s.",
               ui, svc, e->world->destination.cp_name, e->world->destination.name);
  if (!(e->services[FERRY_SIM_SIDE_MESH] & (1u << bit)))
    add_error (f, "SERVICE_NOT_ENABLED",
               "%s is not available: the service %s is not enabled in the service mesh '%s'.", ui,
               svc, e->world->mesh_name);
}

static void
check_endpoint (FerrySimEngine *e, JsonObject *intent, const char *member, FerrySimSite *site,
                Findings *f)
{
  JsonObject *o = ferry_sim_json_object (intent, member);
  const char *endpoint_id = ferry_sim_json_string (o, "endpointId");
  const char *resource_id = ferry_sim_json_string (o, "resourceId");

  if (endpoint_id == NULL)
    add_error (f, "INVALID_REQUEST", "The %s endpoint is missing (%s.endpointId).", member, member);
  else if (!g_str_equal (endpoint_id, site->endpoint_id))
    add_error (f, "ENDPOINT_NOT_FOUND",
               "The %s endpoint %s is not known to this HCX Manager; expected %s (%s).", member,
               endpoint_id, site->endpoint_id, site->name);
  if (resource_id != NULL && !g_str_equal (resource_id, site->vc_uuid))
    add_error (f, "RESOURCE_NOT_FOUND", "The %s vCenter %s is not known; expected %s (%s).", member,
               resource_id, site->vc_uuid, site->vc_name);
}

/* Validates one intent; on success fills out_vm, out_type and out_ds. */
static void
validate_intent (FerrySimEngine *e, JsonObject *intent, GHashTable *pending, GHashTable *seen,
                 gboolean check_busy, Findings *f, const FerrySimVm **out_vm, int *out_type,
                 const char **out_ds)
{
  FerrySimWorld *w = e->world;
  JsonObject *entity = ferry_sim_json_object (intent, "entity");
  JsonObject *transfer = ferry_sim_json_object (intent, "transferParams");
  JsonObject *switchover = ferry_sim_json_object (intent, "switchoverParams");
  JsonObject *schedule = ferry_sim_json_object (switchover, "schedule");
  JsonObject *options = ferry_sim_json_object (switchover, "options");
  JsonObject *storage
      = ferry_sim_json_object (ferry_sim_json_object (intent, "storage"), "defaultStorage");
  JsonArray *placement = ferry_sim_json_array (intent, "placement");
  JsonArray *mappings
      = ferry_sim_json_array (ferry_sim_json_object (intent, "networkParams"), "networkMappings");
  const char *migration_type = ferry_sim_json_string (intent, "migrationType");
  const char *entity_id = ferry_sim_json_string (entity, "entityId");
  const FerrySimVm *vm;
  int type;
  const char *vm_name;
  gint64 win_start, win_end;
  gboolean has_compute = FALSE;
  guint i, k;

  *out_vm = NULL;
  *out_type = -1;
  *out_ds = NULL;

  type = parse_type (migration_type);
  if (type < 0)
    add_error (f, "UNSUPPORTED_MIGRATION_TYPE",
               "Unknown migration type '%s'. Use vSphereReplication, vMotion, ColdMigration, "
               "RAV or OsAssistedMigration.",
               migration_type != NULL ? migration_type : "(missing)");

  vm = ferry_sim_world_find_vm (w, entity_id);
  if (vm == NULL)
    {
      add_error (f, "ENTITY_NOT_FOUND",
                 "The virtual machine %s was not found in the source inventory.",
                 entity_id != NULL ? entity_id : "(missing entity.entityId)");
      return;
    }
  vm_name = vm->name;
  if (g_hash_table_contains (seen, vm->id))
    add_error (f, "DUPLICATE_ENTITY", "%s is listed more than once in this request.", vm_name);
  g_hash_table_add (seen, (gpointer)vm->id);
  if (check_busy && entity_busy (e, vm->id, NULL))
    add_error (f, "MIGRATION_IN_PROGRESS",
               "%s already has a migration in progress. Wait for it to finish or cancel it.",
               vm_name);

  check_endpoint (e, intent, "source", &w->source, f);
  check_endpoint (e, intent, "destination", &w->destination, f);

  if (type < 0)
    return;

  check_services (e, type, f);

  /* Power state. */
  if (types[type].needs_power_on && !vm->powered_on)
    add_error (f, "VM_POWER_STATE",
               "%s is powered off. %s needs a powered-on VM; use Cold Migration for powered-off "
               "VMs.",
               vm_name, types[type].ui_name);
  else if (!types[type].needs_power_on && vm->powered_on)
    add_error (f, "VM_POWER_STATE",
               "%s is powered on. Cold Migration needs a powered-off VM; power it off or choose "
               "Bulk Migration or HCX vMotion.",
               vm_name);

  /* Hardware version. */
  if ((type == TYPE_VMOTION || type == TYPE_RAV || type == TYPE_COLD) && vm->hw_version < 9)
    add_error (f, "VM_HARDWARE_VERSION",
               "%s has virtual hardware version vmx-%02u. %s needs hardware version 9 or later; "
               "upgrade the VM's compatibility or use Bulk Migration.",
               vm_name, vm->hw_version, types[type].ui_name);

  /* Mounted ISO. */
  if ((type == TYPE_VMOTION || type == TYPE_COLD) && vm->iso_mounted
      && !ferry_sim_json_bool (options, "removeISOs", FALSE))
    add_error (f, "VM_ISO_MOUNTED",
               "%s has an ISO image mounted. %s cannot proceed with a mounted ISO; enable "
               "\"Remove ISOs\" or unmount it.",
               vm_name, types[type].ui_name);

  /* Snapshots. */
  if (vm->snapshot_count > 0)
    {
      gboolean remove = ferry_sim_json_bool (options, "removeSnapshots", FALSE);

      if ((type == TYPE_VMOTION || type == TYPE_RAV || type == TYPE_COLD) && !remove)
        add_error (f, "VM_HAS_SNAPSHOTS",
                   "%s has %u snapshot(s). %s cannot migrate a VM with snapshots; enable "
                   "\"Remove snapshots\" or consolidate them first.",
                   vm_name, vm->snapshot_count, types[type].ui_name);
      else if (type == TYPE_BULK || type == TYPE_OSAM)
        add_warning (f, "VM_HAS_SNAPSHOTS",
                     "%s has %u snapshot(s); they will be removed at the target during "
                     "switchover.",
                     vm_name, vm->snapshot_count);
    }

  /* Switchover window. */
  win_start = ferry_sim_json_int (schedule, "startTime", 0);
  win_end = ferry_sim_json_int (schedule, "expiryTime", 0);
  if (!types[type].allows_window && (win_start > 0 || win_end > 0))
    add_error (f, "SCHEDULE_NOT_SUPPORTED",
               "%s does not support a scheduled switchover window; remove the schedule or use "
               "Bulk Migration or RAV.",
               types[type].ui_name);
  else if (types[type].allows_window)
    {
      gint64 now = e->time;

      if (win_end > 0 && win_start > 0 && win_end <= win_start)
        add_error (f, "INVALID_SCHEDULE", "The switchover window for %s ends before it starts.",
                   vm_name);
      else if (win_end > 0 && win_end <= now)
        add_error (f, "INVALID_SCHEDULE",
                   "The switchover window for %s has already ended; choose a window in the "
                   "future.",
                   vm_name);
      else if (win_start > 0 && win_end > 0 && win_end - win_start < HOUR_MS)
        add_warning (f, "SHORT_SWITCHOVER_WINDOW",
                     "The switchover window for %s is shorter than one hour (%" G_GINT64_FORMAT
                     " minutes); the migration fails if the transfer is not done by its end.",
                     vm_name, (win_end - win_start) / 60000);
    }

  /* Seed checkpoint. */
  if (ferry_sim_json_bool (transfer, "longRecovery", FALSE))
    {
      if (type != TYPE_BULK && type != TYPE_RAV)
        add_error (f, "SEED_CHECKPOINT_NOT_SUPPORTED",
                   "Seed checkpoint is only available for Bulk Migration and RAV.");
    }

  /* MAC address on Bulk. */
  if (type == TYPE_BULK && !ferry_sim_json_bool (options, "retainMac", FALSE))
    add_warning (f, "MAC_WILL_CHANGE",
                 "%s will get new MAC addresses at the target because \"Retain MAC\" is off.",
                 vm_name);

  /* VMware Tools. */
  if (vm->powered_on && vm->tools != FERRY_SIM_TOOLS_OK && vm->tools != FERRY_SIM_TOOLS_OLD)
    add_warning (f, "VM_TOOLS_NOT_RUNNING",
                 "VMware Tools is not running in %s; guest shutdown and customisation will not "
                 "be possible.",
                 vm_name);

  /* Placement. */
  if (placement == NULL || json_array_get_length (placement) == 0)
    add_error (f, "PLACEMENT_MISSING",
               "No target placement for %s: choose a cluster or resource pool.", vm_name);
  else
    for (i = 0; i < json_array_get_length (placement); i++)
      {
        JsonNode *pn = json_array_get_element (placement, i);
        JsonObject *p = JSON_NODE_HOLDS_OBJECT (pn) ? json_node_get_object (pn) : NULL;
        const char *ptype = ferry_sim_json_string (p, "type");
        const char *pid = ferry_sim_json_string (p, "id");

        if (g_strcmp0 (ptype, "cluster") == 0 || g_strcmp0 (ptype, "resourcePool") == 0
            || g_strcmp0 (ptype, "host") == 0 || g_strcmp0 (ptype, "vApp") == 0)
          has_compute = TRUE;
        if (pid == NULL || ferry_sim_world_find_container (w->dst_containers, pid) == NULL)
          add_error (f, "PLACEMENT_NOT_FOUND", "The target %s '%s' does not exist at %s.",
                     ptype != NULL ? ptype : "container", pid != NULL ? pid : "(missing id)",
                     w->destination.name);
      }
  if (placement != NULL && json_array_get_length (placement) > 0 && !has_compute)
    add_error (f, "PLACEMENT_MISSING",
               "No target compute container for %s: add a cluster or resource pool.", vm_name);

  /* Storage. */
  {
    const char *ds_id = ferry_sim_json_string (storage, "id");
    const char *provision = ferry_sim_json_string (storage, "diskProvisionType");
    FerrySimDatastore *ds = ferry_sim_world_find_datastore (w->dst_datastores, ds_id);

    if (provision != NULL && !g_str_equal (provision, "thin") && !g_str_equal (provision, "thick")
        && !g_str_equal (provision, "sameAsSource"))
      add_error (f, "INVALID_DISK_PROVISION_TYPE",
                 "Unknown disk provisioning '%s'; use thin, thick or sameAsSource.", provision);
    if (ds_id == NULL)
      add_error (f, "STORAGE_MISSING", "No target datastore for %s.", vm_name);
    else if (ds == NULL)
      add_error (f, "DATASTORE_NOT_FOUND", "The target datastore '%s' does not exist at %s.", ds_id,
                 w->destination.name);
    else
      {
        guint64 used = reserved_on (e, pending, ds->id);
        guint64 avail = ds->free > used ? ds->free - used : 0;

        if (vm->disk_bytes > avail)
          add_error (f, "INSUFFICIENT_STORAGE",
                     "The datastore %s has %.1f GB free, but %s needs %.1f GB. Choose another "
                     "datastore.",
                     ds->name, avail / 1073741824.0, vm_name, vm->disk_bytes / 1073741824.0);
        else
          add_pending (pending, ds->id, vm->disk_bytes);
        if (ds->is_cluster && ferry_sim_json_bool (transfer, "longRecovery", FALSE))
          add_error (f, "SEED_CHECKPOINT_NOT_SUPPORTED",
                     "Seed checkpoint needs a single datastore, not the datastore cluster %s.",
                     ds->name);
        *out_ds = ds->id;
      }
  }

  /* Networks: every connected NIC needs a mapping to an existing target network. */
  for (k = 0; k < vm->n_nics; k++)
    {
      FerrySimNetwork *src = g_ptr_array_index (w->src_networks, vm->nic_net[k]);
      gboolean found = FALSE;
      char mac[18];

      if (vm->nic_disconnected & (1u << k))
        continue;
      ferry_sim_world_vm_mac (w, vm, k, mac);
      for (i = 0; mappings != NULL && i < json_array_get_length (mappings) && !found; i++)
        {
          JsonNode *mn = json_array_get_element (mappings, i);
          JsonObject *mo = JSON_NODE_HOLDS_OBJECT (mn) ? json_node_get_object (mn) : NULL;
          const char *src_id = ferry_sim_json_string (mo, "srcNetworkId");
          const char *mapping_mac = ferry_sim_json_string (mo, "macAddress");
          const char *dst_id = ferry_sim_json_string (mo, "destNetworkId");

          if (g_strcmp0 (src_id, src->id) != 0)
            continue;
          if (mapping_mac != NULL && *mapping_mac != '\0'
              && g_ascii_strcasecmp (mapping_mac, mac) != 0)
            continue;
          found = TRUE;
          if (ferry_sim_world_find_network (w->dst_networks, dst_id) == NULL)
            add_error (f, "NETWORK_NOT_FOUND",
                       "Network adapter %u of %s is mapped to '%s', which does not exist at %s.",
                       k + 1, vm_name, dst_id != NULL ? dst_id : "(missing destNetworkId)",
                       w->destination.name);
        }
      if (!found)
        add_error (f, "NETWORK_MAPPING_MISSING",
                   "Network adapter %u of %s (%s, on %s) has no target network. Map %s to a "
                   "target network.",
                   k + 1, vm_name, mac, src->name, src->name);
    }

  *out_vm = vm;
  *out_type = type;
}

static char *
new_id (FerrySimEngine *e, const char *prefix)
{
  guint32 a = g_random_int (), b = g_random_int ();

  e->counter++;
  return g_strdup_printf ("%s%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x", prefix, a, b >> 16,
                          (guint)(e->counter & 0xfff), 0x8000 | (b & 0x3fff), (gint64)e->counter);
}

static Group *
find_group (FerrySimEngine *e, const char *id)
{
  guint i;

  if (id == NULL)
    return NULL;
  for (i = 0; i < e->groups->len; i++)
    {
      Group *g = g_ptr_array_index (e->groups, i);

      if (g_str_equal (g->id, id))
        return g;
    }
  return NULL;
}

static Group *
ensure_group (FerrySimEngine *e, const char *id, const char *name)
{
  Group *g = find_group (e, id);

  if (g != NULL)
    return g;
  g = g_new0 (Group, 1);
  g->id = id != NULL ? g_strdup (id) : new_id (e, "");
  g->name = g_strdup (name != NULL ? name : "Migration group");
  g->created = e->time;
  g->migrations = g_ptr_array_new ();
  g_ptr_array_add (e->groups, g);
  return g;
}

static Migration *
migration_new (FerrySimEngine *e, JsonObject *intent, const FerrySimVm *vm, MigType type,
               Group *group, const char *username)
{
  Migration *m = g_new0 (Migration, 1);
  JsonObject *schedule
      = ferry_sim_json_object (ferry_sim_json_object (intent, "switchoverParams"), "schedule");
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, intent);
  m->id = new_id (e, "");
  m->group_id = g_strdup (group->id);
  m->username = g_strdup (username);
  m->vm = vm;
  m->type = type;
  m->state = ST_DRAFT;
  m->intent = node;
  m->created = m->updated = e->time;
  m->win_start = ferry_sim_json_int (schedule, "startTime", 0);
  m->win_end = ferry_sim_json_int (schedule, "expiryTime", 0);
  m->total_bytes = vm->disk_bytes;
  if (type == TYPE_VMOTION)
    m->total_bytes += (guint64)vm->memory_mb * 1024 * 1024;
  m->log = g_array_new (FALSE, TRUE, sizeof (LogEntry));
  g_array_set_clear_func (m->log, log_entry_clear);
  g_ptr_array_add (e->migrations, m);
  g_hash_table_insert (e->by_id, m->id, m);
  g_ptr_array_add (group->migrations, m);
  return m;
}

static void
migration_start (FerrySimEngine *e, Migration *m, const char *datastore_id)
{
  guint64 *r;

  m->start_time = e->time;
  if (datastore_id != NULL)
    {
      g_free (m->datastore_id);
      m->datastore_id = g_strdup (datastore_id);
      r = g_hash_table_lookup (e->reserved, datastore_id);
      if (r == NULL)
        {
          r = g_new0 (guint64, 1);
          g_hash_table_insert (e->reserved, g_strdup (datastore_id), r);
        }
      *r += m->vm->disk_bytes;
      m->reserved = m->vm->disk_bytes;
    }
  set_state (m, e->time, ST_VALIDATED, "Migration validated and submitted", NULL);
  m->phase_end = e->time + VALIDATED_MS;
}

static Job *
job_new (FerrySimEngine *e, const char *operation)
{
  Job *j = g_new0 (Job, 1);

  j->id = new_id (e, "job-");
  j->operation = g_strdup (operation);
  j->time = e->time;
  j->migration_ids = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_insert (e->jobs, j->id, j);
  return j;
}

static JsonNode *
error_body (const char *code, const char *message)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "code", code);
  ferry_sim_json_add_string (b, "message", message);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static JsonArray *
body_items (JsonNode *body)
{
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  return ferry_sim_json_array (json_node_get_object (body), "items");
}

JsonNode *
ferry_sim_engine_validate (FerrySimEngine *e, JsonNode *body, const char *username, gboolean start,
                           guint *status)
{
  JsonArray *items = body_items (body);
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (GHashTable) pending = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GArray) vms = NULL;
  g_autoptr (GArray) kinds = NULL;
  g_autoptr (GPtrArray) datastores = NULL;
  g_autoptr (GPtrArray) item_nodes = NULL;
  const char *group_id = NULL;
  Group *group = NULL;
  Job *job = NULL;
  guint total_errors = 0;
  guint i, n;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return error_body ("INVALID_REQUEST",
                         "The request has no migrations: expected {\"items\":[migration, …]}.");
    }

  n = json_array_get_length (items);
  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  vms = g_array_sized_new (FALSE, TRUE, sizeof (gpointer), n);
  kinds = g_array_sized_new (FALSE, TRUE, sizeof (int), n);
  datastores = g_ptr_array_new ();
  item_nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);

  for (i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *intent = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const FerrySimVm *vm = NULL;
      int type = -1;
      const char *ds = NULL;
      Findings f;
      g_autoptr (JsonBuilder) ib = json_builder_new ();
      const char *gid;

      findings_init (&f);
      if (intent == NULL)
        add_error (&f, "INVALID_REQUEST", "Item %u is not a migration object.", i + 1);
      else
        validate_intent (e, intent, pending, seen, TRUE, &f, &vm, &type, &ds);
      gid = ferry_sim_json_string (intent, "desiredMigrationGroupId");
      if (gid == NULL)
        gid = ferry_sim_json_string (intent, "migrationGroupId");
      if (group_id == NULL && gid != NULL)
        group_id = gid;

      json_builder_begin_object (ib);
      ferry_sim_json_add_string (
          ib, "entityId",
          vm != NULL
              ? vm->id
              : ferry_sim_json_string (ferry_sim_json_object (intent, "entity"), "entityId"));
      findings_add_to (&f, ib);
      total_errors += f.n_errors;
      if (f.n_errors > 0)
        vm = NULL;
      findings_clear (&f);
      g_array_append_val (vms, vm);
      g_array_append_val (kinds, type);
      g_ptr_array_add (datastores, (gpointer)ds);
      json_builder_end_object (ib);
      g_ptr_array_add (item_nodes, json_builder_get_root (ib));
    }

  if (start && total_errors == 0)
    {
      group = ensure_group (e, group_id, NULL);
      job = job_new (e, "START_MIGRATIONS");
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  if (total_errors > 0)
    {
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "code", "VALIDATION_FAILED");
      ferry_sim_json_add_string (b, "message",
                                 start ? "Validation failed; no migration was started."
                                       : "Validation failed for one or more migrations.");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  if (job != NULL)
    ferry_sim_json_add_string (b, "jobId", job->id);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < n; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (item_nodes, i));

      if (group != NULL)
        {
          JsonNode *node = json_array_get_element (items, i);
          const FerrySimVm *vm = g_array_index (vms, const FerrySimVm *, i);
          Migration *m = migration_new (e, json_node_get_object (node), vm,
                                        g_array_index (kinds, int, i), group, username);

          migration_start (e, m, g_ptr_array_index (datastores, i));
          json_object_set_string_member (item, "migrationId", m->id);
          json_object_set_string_member (item, "migrationGroupId", m->group_id);
          g_ptr_array_add (job->migration_ids, g_strdup (m->id));
        }
      else if (group_id != NULL)
        json_object_set_string_member (item, "migrationGroupId", group_id);
      json_builder_add_value (b, json_node_ref (g_ptr_array_index (item_nodes, i)));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  *status = (start && total_errors > 0) ? 400 : (start ? 202 : 200);
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_cancel (FerrySimEngine *e, JsonNode *body, gboolean force, guint *status)
{
  JsonArray *items = body_items (body);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GPtrArray) targets = g_ptr_array_new ();
  Job *job;
  guint i, j;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return error_body ("INVALID_REQUEST",
                         "Nothing to cancel: expected {\"items\":[{\"migrationId\":…}]}.");
    }
  job = job_new (e, force ? "FORCE_CANCEL" : "CANCEL");

  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "jobId", job->id);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *mid = ferry_sim_json_string (o, "migrationId");
      const char *gid = ferry_sim_json_string (o, "migrationGroupId");
      Migration *single = mid != NULL ? g_hash_table_lookup (e->by_id, mid) : NULL;
      Group *group = mid == NULL ? find_group (e, gid) : NULL;

      g_ptr_array_set_size (targets, 0);
      if (single != NULL)
        g_ptr_array_add (targets, single);
      else if (group != NULL)
        for (j = 0; j < group->migrations->len; j++)
          g_ptr_array_add (targets, g_ptr_array_index (group->migrations, j));
      else
        {
          Findings f;

          findings_init (&f);
          add_error (&f, "MIGRATION_NOT_FOUND", "No migration %s.",
                     mid != NULL   ? mid
                     : gid != NULL ? gid
                                   : "(missing migrationId)");
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", mid);
          ferry_sim_json_add_string (b, "migrationGroupId", gid);
          findings_add_to (&f, b);
          findings_clear (&f);
          json_builder_end_object (b);
          continue;
        }

      for (j = 0; j < targets->len; j++)
        {
          Migration *m = g_ptr_array_index (targets, j);
          Findings f;

          findings_init (&f);
          if (is_terminal (m->state))
            add_warning (&f, "ALREADY_FINISHED", "Migration %s has already finished (%s).", m->id,
                         m->state);
          else if (force)
            {
              finish (e, m, e->time, ST_CANCELLED, "Migration force-cancelled", NULL);
              g_ptr_array_add (job->migration_ids, g_strdup (m->id));
            }
          else if (m->state == ST_SWITCHOVER)
            add_error (&f, "CANCEL_NOT_ALLOWED",
                       "Migration of %s is in switchover and cannot be cancelled now; use force "
                       "cancel only if it is stuck.",
                       m->vm->name);
          else if (m->state == ST_CANCELLING)
            add_warning (&f, "ALREADY_CANCELLING", "Migration %s is already being cancelled.",
                         m->id);
          else
            {
              set_state (m, e->time, ST_CANCELLING,
                         "Cancelling: cleaning up replicas at the "
                         "target",
                         NULL);
              m->phase_end = e->time + CANCEL_MS;
              g_ptr_array_add (job->migration_ids, g_strdup (m->id));
            }
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", m->id);
          ferry_sim_json_add_string (b, "migrationGroupId", m->group_id);
          ferry_sim_json_add_string (b, "state", m->state);
          findings_add_to (&f, b);
          findings_clear (&f);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = 202;
  return json_builder_get_root (b);
}

/* ---- query ------------------------------------------------------------------------------ */

static void
add_schedule (JsonBuilder *b, gint64 start, gint64 end)
{
  json_builder_set_member_name (b, "schedule");
  json_builder_begin_object (b);
  ferry_sim_json_add_int (b, "startTime", start);
  ferry_sim_json_add_int (b, "expiryTime", end);
  json_builder_end_object (b);
}

static void
add_copy (JsonBuilder *b, JsonObject *from, const char *member)
{
  if (!ferry_sim_json_has (from, member))
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_value (b, json_node_copy (json_object_get_member (from, member)));
}

/* With the "unknownStates" quirk, intermediate states carry names no client knows in advance,
 * as a newer HCX release might; terminal states keep their documented names. */
static const char *
shown_state (FerrySimEngine *e, const char *state)
{
  if (!e->unknown_states)
    return state;
  if (state == ST_VALIDATED)
    return "MIGRATION_SUBMITTED";
  if (state == ST_QUEUED)
    return "WAITING_FOR_RESOURCES";
  if (state == ST_TRANSFER)
    return "BASE_SYNC_IN_PROGRESS";
  if (state == ST_WAITING)
    return "READY_FOR_CUTOVER";
  if (state == ST_SWITCHOVER)
    return "CUTOVER_IN_PROGRESS";
  if (state == ST_CANCELLING)
    return "ROLLBACK_IN_PROGRESS";
  return state;
}

void
ferry_sim_engine_set_unknown_states (FerrySimEngine *e, gboolean enabled)
{
  e->unknown_states = enabled;
}

static void
write_migration (FerrySimEngine *e, Migration *m, JsonBuilder *b)
{
  JsonObject *intent = json_node_get_object (m->intent);
  JsonObject *switchover = ferry_sim_json_object (intent, "switchoverParams");
  JsonObject *transfer = ferry_sim_json_object (intent, "transferParams");
  double percent = m->total_bytes > 0 ? 100.0 * m->transferred / m->total_bytes : 0;
  g_autofree char *total = g_strdup_printf ("%" G_GUINT64_FORMAT, m->total_bytes);
  guint i;

  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "migrationId", m->id);
  ferry_sim_json_add_string (b, "migrationGroupId", m->group_id);
  ferry_sim_json_add_string (b, "migrationType", types[m->type].migration_type);
  ferry_sim_json_add_string (b, "state", shown_state (e, m->state));
  ferry_sim_json_add_string (b, "username", m->username);
  ferry_sim_json_add_int (b, "creationDate", m->created);
  ferry_sim_json_add_int (b, "lastUpdated", m->updated);
  json_builder_set_member_name (b, "entity");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "entityId", m->vm->id);
  ferry_sim_json_add_string (b, "entityName", m->vm->name);
  ferry_sim_json_add_string (b, "entityType", "VirtualMachine");
  json_builder_end_object (b);
  add_copy (b, intent, "source");
  add_copy (b, intent, "destination");
  json_builder_set_member_name (b, "transferParams");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "transferType", types[m->type].transfer_type);
  ferry_sim_json_add_bool (b, "longRecovery",
                           ferry_sim_json_bool (transfer, "longRecovery", FALSE));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "switchoverParams");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "switchoverType", types[m->type].migration_type);
  add_schedule (b, m->win_start, m->win_end);
  add_copy (b, switchover, "options");
  json_builder_end_object (b);
  add_copy (b, intent, "placement");
  add_copy (b, intent, "storage");
  add_copy (b, intent, "networkParams");

  json_builder_set_member_name (b, "progress");
  json_builder_begin_object (b);
  ferry_sim_json_add_int (b, "startTime", m->start_time);
  ferry_sim_json_add_int (b, "endTime", m->end_time);
  ferry_sim_json_add_string (b, "message", m->message);
  ferry_sim_json_add_bool (b, "isDone", is_terminal (m->state));
  ferry_sim_json_add_bool (b, "didFail", m->did_fail);
  ferry_sim_json_add_bool (b, "isCancelled", m->is_cancelled);
  ferry_sim_json_add_double (b, "percentComplete", floor (percent * 10) / 10);
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  /* Real servers send some numbers as strings: so does the simulator, on purpose. */
  ferry_sim_json_add_string (b, "value", total);
  ferry_sim_json_add_int (b, "bytesTransferred", (gint64)m->transferred);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "state");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "status", shown_state (e, m->state));
  ferry_sim_json_add_string (b, "message", m->message);
  ferry_sim_json_add_string (b, "errorMessage", m->error);
  ferry_sim_json_add_bool (b, "isTransferProgress", m->state == ST_TRANSFER);
  ferry_sim_json_add_bool (b, "isSwitchoverProgress", m->state == ST_SWITCHOVER);
  ferry_sim_json_add_bool (b, "isWaitingForMaintWindow", m->state == ST_WAITING);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "log");
  json_builder_begin_array (b);
  for (i = 0; i < m->log->len; i++)
    {
      LogEntry *entry = &g_array_index (m->log, LogEntry, i);

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "status", shown_state (e, entry->status));
      ferry_sim_json_add_string (b, "message", entry->message);
      ferry_sim_json_add_string (b, "errorMessage", entry->error);
      ferry_sim_json_add_int (b, "lastUpdated", entry->time);
      ferry_sim_json_add_int (b, "bytesTransferred", (gint64)entry->bytes);
      ferry_sim_json_add_int (b, "totalBytes", (gint64)entry->total);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static gboolean
filter_matches (JsonArray *list, const char *value)
{
  return list == NULL || json_array_get_length (list) == 0
         || ferry_sim_json_array_has_string (list, value);
}

JsonNode *
ferry_sim_engine_query (FerrySimEngine *e, JsonNode *body, guint *status)
{
  JsonObject *root
      = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  JsonObject *filter = ferry_sim_json_object (root, "filter");
  JsonObject *paging = ferry_sim_json_object (root, "paging");
  JsonArray *ids = ferry_sim_json_array (filter, "migrationId");
  JsonArray *groups = ferry_sim_json_array (filter, "migrationGroupId");
  JsonArray *states = ferry_sim_json_array (filter, "state");
  JsonArray *entities = ferry_sim_json_array (filter, "entityId");
  gboolean skip_drafts = ferry_sim_json_bool (filter, "skipDrafts", TRUE);
  gint64 page_size = ferry_sim_json_int (paging, "pageSize", 50);
  /* Either name; if both are sent, the larger wins (a stale zero never loops a client). */
  gint64 skip
      = MAX (ferry_sim_json_int (paging, "skipCount", 0), ferry_sim_json_int (paging, "offset", 0));
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i, matched = 0, emitted = 0;

  ferry_sim_engine_now (e);
  if (page_size <= 0)
    page_size = 50;
  if (skip < 0)
    skip = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (skip_drafts && m->state == ST_DRAFT)
        continue;
      if (!filter_matches (ids, m->id) || !filter_matches (groups, m->group_id)
          || !(filter_matches (states, m->state)
               || filter_matches (states, shown_state (e, m->state)))
          || !filter_matches (entities, m->vm->id))
        continue;
      matched++;
      if (matched <= (guint64)skip || emitted >= (guint64)page_size)
        continue;
      write_migration (e, m, b);
      emitted++;
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "paging");
  json_builder_begin_object (b);
  ferry_sim_json_add_int (b, "pageSize", page_size);
  ferry_sim_json_add_int (b, "skipCount", skip);
  ferry_sim_json_add_int (b, "totalSize", matched);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

/* ---- groups and jobs -------------------------------------------------------------------- */

JsonNode *
ferry_sim_engine_groups_create (FerrySimEngine *e, JsonNode *body, const char *username,
                                guint *status)
{
  JsonArray *items = body_items (body);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i, j;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return error_body ("INVALID_REQUEST",
                         "No groups to create: expected {\"items\":[{\"name\":…}]}.");
    }
  /* Check every draft refers to a known VM and type before creating anything. */
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *migrations = ferry_sim_json_array (o, "migrations");

      for (j = 0; migrations != NULL && j < json_array_get_length (migrations); j++)
        {
          JsonNode *mn = json_array_get_element (migrations, j);
          JsonObject *intent = JSON_NODE_HOLDS_OBJECT (mn) ? json_node_get_object (mn) : NULL;
          const char *entity_id
              = ferry_sim_json_string (ferry_sim_json_object (intent, "entity"), "entityId");
          const char *type = ferry_sim_json_string (intent, "migrationType");

          if (ferry_sim_world_find_vm (e->world, entity_id) == NULL || parse_type (type) < 0)
            {
              g_autofree char *msg = g_strdup_printf (
                  "Group %u, migration %u: unknown VM '%s' or migration type '%s'.", i + 1, j + 1,
                  entity_id != NULL ? entity_id : "", type != NULL ? type : "");

              *status = 400;
              return error_body ("INVALID_REQUEST", msg);
            }
        }
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *migrations = ferry_sim_json_array (o, "migrations");
      Group *g = ensure_group (e, NULL, ferry_sim_json_string (o, "name"));

      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "migrationGroupId", g->id);
      ferry_sim_json_add_string (b, "name", g->name);
      json_builder_set_member_name (b, "migrations");
      json_builder_begin_array (b);
      for (j = 0; migrations != NULL && j < json_array_get_length (migrations); j++)
        {
          JsonObject *intent = json_node_get_object (json_array_get_element (migrations, j));
          const char *entity_id
              = ferry_sim_json_string (ferry_sim_json_object (intent, "entity"), "entityId");
          Migration *m = migration_new (
              e, intent, ferry_sim_world_find_vm (e->world, entity_id),
              parse_type (ferry_sim_json_string (intent, "migrationType")), g, username);

          set_state (m, e->time, ST_DRAFT, "Draft", NULL);
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", m->id);
          ferry_sim_json_add_string (b, "entityId", m->vm->id);
          ferry_sim_json_add_string (b, "state", m->state);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_groups_start (FerrySimEngine *e, JsonNode *body, guint *status)
{
  JsonArray *items = body_items (body);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GHashTable) pending = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GPtrArray) to_start = g_ptr_array_new ();
  g_autoptr (GPtrArray) ds_ids = g_ptr_array_new ();
  guint total_errors = 0;
  Job *job;
  guint i, j;

  ferry_sim_engine_now (e);
  if (items == NULL || json_array_get_length (items) == 0)
    {
      *status = 400;
      return error_body ("INVALID_REQUEST",
                         "No groups to start: expected {\"items\":[{\"migrationGroupId\":…}]}.");
    }
  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *gid = ferry_sim_json_string (o, "migrationGroupId");
      Group *g = find_group (e, gid);

      if (g == NULL)
        {
          g_autofree char *msg
              = g_strdup_printf ("No migration group %s.", gid != NULL ? gid : "(missing)");

          *status = 404;
          return error_body ("GROUP_NOT_FOUND", msg);
        }
      for (j = 0; j < g->migrations->len; j++)
        {
          Migration *m = g_ptr_array_index (g->migrations, j);
          const FerrySimVm *vm;
          int type;
          const char *ds;
          Findings f;

          if (m->state != ST_DRAFT)
            continue;
          findings_init (&f);
          validate_intent (e, json_node_get_object (m->intent), pending, seen, TRUE, &f, &vm, &type,
                           &ds);
          json_builder_begin_object (b);
          ferry_sim_json_add_string (b, "migrationId", m->id);
          ferry_sim_json_add_string (b, "migrationGroupId", m->group_id);
          ferry_sim_json_add_string (b, "entityId", m->vm->id);
          total_errors += f.n_errors;
          findings_add_to (&f, b);
          findings_clear (&f);
          json_builder_end_object (b);
          g_ptr_array_add (to_start, m);
          g_ptr_array_add (ds_ids, (gpointer)ds);
        }
    }
  json_builder_end_array (b);

  if (total_errors == 0)
    {
      job = job_new (e, "START_GROUP");
      for (i = 0; i < to_start->len; i++)
        {
          Migration *m = g_ptr_array_index (to_start, i);

          migration_start (e, m, g_ptr_array_index (ds_ids, i));
          g_ptr_array_add (job->migration_ids, g_strdup (m->id));
        }
      ferry_sim_json_add_string (b, "jobId", job->id);
    }
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  if (total_errors > 0)
    {
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "code", "VALIDATION_FAILED");
      ferry_sim_json_add_string (b, "message", "Validation failed; the group was not started.");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = total_errors > 0 ? 400 : 202;
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_group_schedule (FerrySimEngine *e, const char *group_id, JsonNode *body,
                                 guint *status)
{
  Group *g = find_group (e, group_id);
  JsonObject *root
      = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  JsonObject *sw
      = ferry_sim_json_object (ferry_sim_json_object (root, "mobilityGroupDefaults"), "switchover");
  g_autoptr (JsonBuilder) b = json_builder_new ();
  gint64 start, end;
  gboolean clear;
  guint i;

  ferry_sim_engine_now (e);
  if (g == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("No migration group %s.", group_id);

      *status = 404;
      return error_body ("GROUP_NOT_FOUND", msg);
    }
  if (sw == NULL)
    {
      *status = 400;
      return error_body ("INVALID_REQUEST",
                         "Expected {\"mobilityGroupDefaults\":{\"switchover\":{\"startTime\":…,"
                         "\"expiryTime\":…}}}.");
    }
  clear = ferry_sim_json_bool (sw, "clearSchedule", FALSE);
  start = clear ? 0 : ferry_sim_json_int (sw, "startTime", 0);
  end = clear ? 0 : ferry_sim_json_int (sw, "expiryTime", 0);
  if (!clear && end > 0 && end <= MAX (start, e->time))
    {
      *status = 400;
      return error_body ("INVALID_SCHEDULE", "The switchover window must end in the future and "
                                             "after it starts.");
    }

  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "migrationGroupId", g->id);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (i = 0; i < g->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (g->migrations, i);
      Findings f;

      findings_init (&f);
      if (!types[m->type].allows_window)
        add_warning (&f, "SCHEDULE_NOT_SUPPORTED", "%s does not use a switchover window.",
                     types[m->type].ui_name);
      else if (is_terminal (m->state) || m->state == ST_SWITCHOVER || m->state == ST_CANCELLING)
        add_warning (&f, "SCHEDULE_NOT_APPLIED",
                     "Migration of %s is past the point of "
                     "rescheduling (%s).",
                     m->vm->name, m->state);
      else
        {
          m->win_start = start;
          m->win_end = end;
          m->updated = e->time;
          add_log (m, e->time, clear ? "Switchover schedule cleared" : "Switchover rescheduled",
                   NULL);
        }
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "migrationId", m->id);
      findings_add_to (&f, b);
      findings_clear (&f);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  /* A cleared window lets waiting migrations proceed at once. */
  {
    guint inner = 0;

    while (engine_instant (e) && inner++ < 1000)
      ;
  }
  *status = 200;
  return json_builder_get_root (b);
}

JsonNode *
ferry_sim_engine_job (FerrySimEngine *e, const char *job_id, guint *status)
{
  Job *j = job_id != NULL ? g_hash_table_lookup (e->jobs, job_id) : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint i;

  if (j == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("No job %s.", job_id != NULL ? job_id : "");

      *status = 404;
      return error_body ("JOB_NOT_FOUND", msg);
    }
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "jobId", j->id);
  ferry_sim_json_add_bool (b, "isQueued", FALSE);
  ferry_sim_json_add_bool (b, "isDone", TRUE);
  ferry_sim_json_add_bool (b, "didFail", FALSE);
  ferry_sim_json_add_bool (b, "isCancelled", FALSE);
  ferry_sim_json_add_int (b, "percentComplete", 100);
  ferry_sim_json_add_int (b, "startTime", j->time);
  ferry_sim_json_add_int (b, "endTime", j->time);
  json_builder_set_member_name (b, "jobData");
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "operation", j->operation);
  json_builder_set_member_name (b, "migrationIds");
  json_builder_begin_array (b);
  for (i = 0; i < j->migration_ids->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (j->migration_ids, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

void
ferry_sim_engine_add_state (FerrySimEngine *e, JsonBuilder *b)
{
  g_autoptr (GHashTable) by_state = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint i;

  ferry_sim_engine_now (e);
  ferry_sim_json_add_int (b, "clock", e->time);
  ferry_sim_json_add_double (b, "speed", e->speed);
  ferry_sim_json_add_int (b, "migrations", e->migrations->len);
  ferry_sim_json_add_int (b, "groups", e->groups->len);
  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      g_hash_table_insert (
          by_state, (gpointer)m->state,
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_state, m->state)) + 1));
    }
  json_builder_set_member_name (b, "migrationsByState");
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, by_state);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ferry_sim_json_add_int (b, key, GPOINTER_TO_UINT (value));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "services");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  ferry_sim_engine_add_services (e, FERRY_SIM_SIDE_SOURCE, b);
  json_builder_set_member_name (b, "destination");
  ferry_sim_engine_add_services (e, FERRY_SIM_SIDE_DESTINATION, b);
  json_builder_set_member_name (b, "mesh");
  ferry_sim_engine_add_services (e, FERRY_SIM_SIDE_MESH, b);
  json_builder_end_object (b);
}

guint
ferry_sim_engine_count_migrations (FerrySimEngine *e)
{
  return e->migrations->len;
}

guint64
ferry_sim_engine_reserved (FerrySimEngine *e, const char *datastore_id)
{
  guint64 *r = g_hash_table_lookup (e->reserved, datastore_id);

  return r != NULL ? *r : 0;
}

GPtrArray *
ferry_sim_engine_get_arrived (FerrySimEngine *e)
{
  ferry_sim_engine_now (e);
  return e->arrived;
}
