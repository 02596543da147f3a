/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-engine-clock.c: the migration state machine (hcx-api.md §7) on a simulated clock.
 *
 * The engine is lazy: nothing ticks in the background. Every request first runs the engine up
 * to the current simulated time, event by event, so a large clock jump (a test advancing by
 * hours) is exact: queued transfers start when slots free up, bandwidth is re-shared, windows
 * open, all in order. */

#include "ferry-sim-engine-private.h"
#include "ferry-sim-json.h"

#include <math.h>

void
ferry_sim_migration_log (Migration *m, gint64 time, const char *message, const char *error)
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

void
ferry_sim_migration_set_state (Migration *m, gint64 time, const char *state, const char *message,
                               const char *error)
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
  ferry_sim_migration_log (m, time, message, error);
}

gboolean
ferry_sim_state_is_terminal (const char *state)
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

void
ferry_sim_migration_finish (FerrySimEngine *e, Migration *m, gint64 time, const char *state,
                            const char *message, const char *error)
{
  ferry_sim_migration_set_state (m, time, state, message, error);
  m->end_time = time;
  if (state == ST_FAILED || state == ST_TRANSFER_FAILED)
    m->did_fail = TRUE;
  if (state == ST_CANCELLED)
    m->is_cancelled = TRUE;
  if (state != ST_COMPLETE)
    release_reservation (e, m);
  else
    {
      /* The VM moves: out of the source inventory, into the destination's. */
      e->world->vms[ferry_sim_world_vm_index (e->world, m->vm)].migrated = TRUE;
      g_ptr_array_add (e->arrived, (gpointer)m->vm);
      g_ptr_array_add (e->arrived_by, m);
    }
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

      if (m->state == ST_TRANSFER && ferry_sim_mig_types[m->type].vmotion_class == vmotion_class)
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

  ferry_sim_migration_set_state (m, t, ST_SWITCHOVER, messages[m->type], NULL);
  m->phase_end = t + ferry_sim_mig_types[m->type].switchover_ms;
}

static void
transfer_done (FerrySimEngine *e, Migration *m, gint64 t)
{
  if (ferry_sim_mig_types[m->type].allows_window && m->win_end > 0 && t > m->win_end)
    ferry_sim_migration_finish (
        e, m, t, ST_FAILED, "Migration failed",
        "The switchover window closed before the transfer finished. Schedule a new window "
        "and migrate the VM again.");
  else if (ferry_sim_mig_types[m->type].allows_window && m->win_start > t)
    {
      ferry_sim_migration_set_state (
          m, t, ST_WAITING, "Initial sync complete; waiting for the scheduled switchover window",
          NULL);
    }
  else
    begin_switchover (e, m, t);
}

/* A window that closes while the VM is still queued or transferring: the migration fails when
 * it closes (not when the transfer ends), saying so in its log. */
static gboolean
window_closes_before_switchover (Migration *m)
{
  return ferry_sim_mig_types[m->type].allows_window && m->win_end > 0
         && (m->state == ST_VALIDATED || m->state == ST_QUEUED || m->state == ST_TRANSFER);
}

static void
window_closed (FerrySimEngine *e, Migration *m, gint64 t)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (m->win_end / 1000);
  g_autofree char *at = g_date_time_format (when, "%Y-%m-%d %H:%M UTC");
  g_autofree char *error = g_strdup_printf (
      "The switchover window closed at %s before the transfer finished (%.0f %% transferred). "
      "Schedule a new window and migrate the VM again.",
      at, m->total_bytes > 0 ? 100.0 * m->transferred / m->total_bytes : 0);

  ferry_sim_migration_finish (e, m, t, ST_FAILED,
                              "Migration failed: the switchover window closed before the "
                              "transfer finished",
                              error);
}

/* Applies every transition due at e->time. Returns TRUE if anything changed. */
gboolean
ferry_sim_engine_instant (FerrySimEngine *e)
{
  gboolean changed = FALSE;
  guint free_repl, free_vmo;
  gint64 t = e->time;
  guint i;

  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (window_closes_before_switchover (m) && t >= m->win_end)
        {
          window_closed (e, m, t);
          changed = TRUE;
        }
      else if (m->state == ST_VALIDATED && t >= m->phase_end)
        {
          ferry_sim_migration_set_state (m, t, ST_QUEUED, "Queued for transfer", NULL);
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
              /* An injected transfer failure strikes half-way (after the 25 % entry). */
              if (g_strcmp0 (failure, "transfer") == 0 && target < m->total_bytes
                  && target + 0.5 >= m->total_bytes / 2.0)
                ferry_sim_migration_finish (
                    e, m, t, ST_TRANSFER_FAILED, "Transfer failed",
                    "Transfer failed: the replication connection to the target site was "
                    "lost (injected failure). Check the service mesh uplink and retry.");
              else if (m->next_quarter >= 4)
                {
                  ferry_sim_migration_log (m, t, "Transfer complete", NULL);
                  transfer_done (e, m, t);
                }
              else
                {
                  g_autofree char *msg
                      = g_strdup_printf ("Transfer %u %% complete", m->next_quarter * 25);

                  ferry_sim_migration_log (m, t, msg, NULL);
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
            ferry_sim_migration_finish (
                e, m, t, ST_FAILED, "Migration failed",
                "Switchover failed: the VM could not be powered on at the target site "
                "(injected failure). The source VM was powered on again.");
          else
            ferry_sim_migration_finish (e, m, t, ST_COMPLETE, "Migration complete", NULL);
          changed = TRUE;
        }
      else if (m->state == ST_CANCELLING && t >= m->phase_end)
        {
          ferry_sim_migration_finish (e, m, t, ST_CANCELLED, "Migration cancelled", NULL);
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
      slots = ferry_sim_mig_types[m->type].vmotion_class ? &free_vmo : &free_repl;
      if (*slots == 0)
        continue;
      (*slots)--;
      ferry_sim_migration_set_state (m, t, ST_TRANSFER,
                                     ferry_sim_mig_types[m->type].vmotion_class
                                         ? "Transferring the VM's disks and memory"
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
          if ((ferry_sim_mig_types[m->type].vmotion_class ? free_vmo : free_repl) > 0)
            at = m->queued_since + QUEUED_MIN_MS;
        }
      else if (m->state == ST_TRANSFER && rate > 0)
        {
          double left = transfer_target (e, m) - m->transferred;

          at = e->time + (gint64)ceil (MAX (left, 0) / rate);
        }
      if (window_closes_before_switchover (m))
        at = MIN (at, m->win_end);
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

      while (ferry_sim_engine_instant (e) && inner++ < 1000)
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
