/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-tracker-summary.c: stages, totals, rates, the ETA and the chart's history.
 *
 * Rates are measured on the tracker's own clock (g_get_real_time() at each good poll; tests set
 * it to the simulator's clock), not on lastUpdated, which a manager only moves at events. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-migration-tracker-private.h"

#define MAX_HISTORY 512
#define THROUGHPUT_WINDOW (G_USEC_PER_SEC * 60)

typedef struct
{
  const char *name;
  FerryMigrationStage stage;
} KnownState;

/* The simulator's names (hcx-api.md §7), the real terminal ones, and the older jobInfo family. */
static const KnownState known_states[] = {
  { "DRAFT", FERRY_MIGRATION_STAGE_QUEUED },
  { "VALIDATED", FERRY_MIGRATION_STAGE_QUEUED },
  { "TRANSFER_QUEUED", FERRY_MIGRATION_STAGE_QUEUED },
  { "TRANSFER_IN_PROGRESS", FERRY_MIGRATION_STAGE_TRANSFERRING },
  { "MIGRATING", FERRY_MIGRATION_STAGE_TRANSFERRING },
  { "WAITING_FOR_SWITCHOVER", FERRY_MIGRATION_STAGE_WAITING },
  { "SWITCHOVER_IN_PROGRESS", FERRY_MIGRATION_STAGE_SWITCHING },
  { "CANCEL_IN_PROGRESS", FERRY_MIGRATION_STAGE_CANCELLING },
  { "MIGRATION_COMPLETE", FERRY_MIGRATION_STAGE_COMPLETED },
  { "MIGRATED", FERRY_MIGRATION_STAGE_COMPLETED },
  { "MIGRATION_FAILED", FERRY_MIGRATION_STAGE_FAILED },
  { "TRANSFER_FAILED", FERRY_MIGRATION_STAGE_FAILED },
  { "MIGRATE_FAILED", FERRY_MIGRATION_STAGE_FAILED },
  { "MIGRATION_CANCELLED", FERRY_MIGRATION_STAGE_CANCELLED },
  { "MIGRATE_CANCELED", FERRY_MIGRATION_STAGE_CANCELLED },
};

FerryMigrationStage
ferry_migration_stage_from_migration (FerryMigration *m)
{
  const char *state;

  g_return_val_if_fail (FERRY_IS_MIGRATION (m), FERRY_MIGRATION_STAGE_OTHER);

  state = ferry_migration_get_state (m);
  for (guint i = 0; state != NULL && i < G_N_ELEMENTS (known_states); i++)
    if (strcmp (state, known_states[i].name) == 0)
      return known_states[i].stage;

  /* An unknown name: the flags decide (hcx-api.md §7). */
  if (ferry_migration_get_did_fail (m))
    return FERRY_MIGRATION_STAGE_FAILED;
  if (ferry_migration_get_is_cancelled (m))
    return FERRY_MIGRATION_STAGE_CANCELLED;
  if (ferry_migration_get_is_done (m))
    return FERRY_MIGRATION_STAGE_COMPLETED;
  if (ferry_migration_get_is_switchover_progress (m))
    return FERRY_MIGRATION_STAGE_SWITCHING;
  if (ferry_migration_get_is_waiting_for_maint_window (m))
    return FERRY_MIGRATION_STAGE_WAITING;
  if (ferry_migration_get_is_transfer_progress (m))
    return FERRY_MIGRATION_STAGE_TRANSFERRING;
  return FERRY_MIGRATION_STAGE_OTHER;
}

gboolean
ferry_migration_stage_is_finished (FerryMigrationStage stage)
{
  return stage == FERRY_MIGRATION_STAGE_COMPLETED || stage == FERRY_MIGRATION_STAGE_FAILED
         || stage == FERRY_MIGRATION_STAGE_CANCELLED;
}

const char *
ferry_migration_stage_get_label (FerryMigrationStage stage)
{
  switch (stage)
    {
      case FERRY_MIGRATION_STAGE_QUEUED:
        return _ ("Queued");
      case FERRY_MIGRATION_STAGE_TRANSFERRING:
        return _ ("Transferring");
      case FERRY_MIGRATION_STAGE_WAITING:
        return _ ("Waiting for Switchover");
      case FERRY_MIGRATION_STAGE_SWITCHING:
        return _ ("Switching Over");
      case FERRY_MIGRATION_STAGE_CANCELLING:
        return _ ("Cancelling");
      case FERRY_MIGRATION_STAGE_COMPLETED:
        return _ ("Completed");
      case FERRY_MIGRATION_STAGE_FAILED:
        return _ ("Failed");
      case FERRY_MIGRATION_STAGE_CANCELLED:
        return _ ("Cancelled");
      case FERRY_MIGRATION_STAGE_OTHER:
      case FERRY_MIGRATION_N_STAGES:
      default:
        return _ ("Other");
    }
}

/* ---- Per migration ---- */

void
_ferry_migration_tracker_observe (FerryMigrationTracker *self, FerryTrackedEntry *entry,
                                  gint64 old_bytes, gint64 old_updated, gint64 now)
{
  gint64 bytes = ferry_migration_get_bytes_transferred (entry->migration);

  (void)old_updated;
  if (entry->prev_bytes >= 0 && bytes >= entry->prev_bytes && entry->prev_time > 0
      && now > entry->prev_time)
    {
      double rate
          = (double)(bytes - entry->prev_bytes) * G_USEC_PER_SEC / (double)(now - entry->prev_time);

      entry->rate = rate;
      self->moved += bytes - entry->prev_bytes;
    }
  else if (old_bytes < 0 && entry->prev_bytes < 0)
    entry->rate = -1;
  if (bytes >= 0)
    {
      entry->prev_bytes = bytes;
      entry->prev_time = now;
    }
}

/* ---- Totals ---- */

static void
add_sample (FerryMigrationTracker *self, gint64 now)
{
  FerryTrackerSample sample = { 0 };

  /* Nothing tracked yet: no point, so the chart starts with the first migration and not with
   * a stretch of zeros and a cliff where the wave was started. */
  if (self->summary.total == 0)
    return;
  /* The same instant (two polls within the clock's resolution): replace it. */
  if (self->history->len > 0
      && g_array_index (self->history, FerryTrackerSample, self->history->len - 1).time >= now)
    g_array_set_size (self->history, self->history->len - 1);
  sample.time = now;
  sample.bytes_transferred = self->summary.bytes_transferred;
  sample.bytes_total = self->summary.bytes_total;
  sample.bytes_moved = self->moved;
  g_array_append_val (self->history, sample);

  /* Full: thin out the older half (every other point), so the chart keeps its whole span. */
  if (self->history->len > MAX_HISTORY)
    {
      guint half = self->history->len / 2;

      for (guint i = 1; i < half; i++)
        g_array_remove_index (self->history, i);
    }
}

static double
compute_throughput (FerryMigrationTracker *self, gint64 now)
{
  guint n = self->history->len;
  guint first = n;

  if (n < 2)
    return -1;
  for (guint i = n - 1; i-- > 0;)
    {
      first = i;
      if (now - g_array_index (self->history, FerryTrackerSample, i).time >= THROUGHPUT_WINDOW)
        break;
    }
  if (first >= n - 1)
    return -1;
  {
    gint64 dt = now - g_array_index (self->history, FerryTrackerSample, first).time;
    gint64 db = g_array_index (self->history, FerryTrackerSample, n - 1).bytes_moved
                - g_array_index (self->history, FerryTrackerSample, first).bytes_moved;

    if (dt <= 0)
      return -1;
    return (double)MAX (db, 0) * G_USEC_PER_SEC / (double)dt;
  }
}

void
_ferry_migration_tracker_update_summary (FerryMigrationTracker *self, gint64 now)
{
  FerryTrackerSummary *s = &self->summary;
  GHashTableIter iter;
  gpointer value;
  gint64 remaining = 0;

  memset (s, 0, sizeof *s);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FerryTrackedEntry *entry = value;
      FerryMigration *m = entry->migration;
      gint64 done = ferry_migration_get_bytes_transferred (m);
      gint64 total = ferry_migration_get_total_bytes (m);
      gboolean finished = ferry_migration_stage_is_finished (entry->stage);

      s->counts[entry->stage]++;
      s->total++;
      if (!finished && !entry->gone)
        s->active++;
      if (done > 0)
        s->bytes_transferred += done;
      if (total >= 0)
        s->bytes_total += total;
      else
        s->unknown_totals++;
      if (!finished && !entry->gone && total >= 0)
        remaining += MAX (total - MAX (done, 0), 0);
    }

  add_sample (self, now);
  s->throughput = compute_throughput (self, now);
  s->eta = -1;
  if (s->active > 0 && remaining > 0 && s->throughput > 0)
    s->eta = now + (gint64)((double)remaining / s->throughput * G_USEC_PER_SEC);
}
