/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tracker.c: FerryMigrationTracker against the simulator and its explicit clock. */

#include "config.h"

#include <glib/gstdio.h>

#include "ferry-migration-report.h"
#include "csv-test-util.h"
#include "tracker-test-common.h"

#define GB ((gint64)1 << 30)
#define QUIET_INTERVAL (10 * 60 * 1000) /* no timer poll during a test */

static FerryMigrationTracker *
new_tracker (TtWorld *w, const char *state_file)
{
  FerryMigrationTracker *t = ferry_migration_tracker_new (w->client, state_file);

  ferry_migration_tracker_set_base_interval (t, QUIET_INTERVAL);
  return t;
}

/* The migrations as a direct query shows them: id → FerryMigration. */
static GHashTable *
truth (TtWorld *w, const char *group)
{
  const char *groups[] = { group, NULL };
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) all = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  ferry_hcx_client_query_migrations_async (w->client, NULL, group != NULL ? groups : NULL, NULL,
                                           NULL, tt_got_result, &r);
  all = ferry_hcx_client_query_migrations_finish (w->client, tt_wait (&r), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      FerryMigration *m = g_list_model_get_item (all, i);

      g_hash_table_insert (table, (gpointer)ferry_migration_get_migration_id (m), m);
    }
  return table;
}

static FerryMigration *
nth (FerryMigrationTracker *t, guint i)
{
  FerryMigration *m = g_list_model_get_item (ferry_migration_tracker_get_migrations (t), i);

  g_object_unref (m); /* the model keeps it */
  return m;
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, guint *removed_sum)
{
  *removed_sum += removed;
}

/* States and progress follow the simulator step by step; rows are updated in place. */
static void
test_follow (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *group = tt_start_wave (w, 3, 150 * GB, 0, NULL);
  GListModel *model = ferry_migration_tracker_get_migrations (t);
  FerryMigration *rows[3];
  guint removed = 0;
  gboolean seen[FERRY_MIGRATION_N_STAGES] = { 0 };
  guint steps = 0;
  g_autofree char **plans = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &removed);
  ferry_migration_tracker_follow_group (t, group, "Wave 1");
  g_assert_cmpint (ferry_migration_tracker_get_status (t), ==, FERRY_TRACKER_STATUS_IDLE);
  _ferry_migration_tracker_set_clock (t, tt_sim_clock (w));
  ferry_migration_tracker_start (t);
  g_assert_true (tt_next_poll (t));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (ferry_migration_tracker_get_status (t), ==, FERRY_TRACKER_STATUS_POLLING);
  for (guint i = 0; i < 3; i++)
    {
      rows[i] = nth (t, i);
      g_assert_cmpstr (ferry_migration_tracker_get_plan_name (t, rows[i]), ==, "Wave 1");
    }
  plans = (char **)ferry_migration_tracker_dup_plan_names (t);
  g_assert_cmpstr (plans[0], ==, "Wave 1");
  g_assert_null (plans[1]);
  g_strfreev (g_steal_pointer (&plans));

  /* Step by step until every migration completed: each poll shows what the simulator says. */
  while (ferry_migration_tracker_get_summary (t)->active > 0)
    {
      g_autoptr (GHashTable) sim = NULL;
      const FerryTrackerSummary *s;
      gint64 bytes = 0;
      guint counted = 0;

      g_assert_cmpuint (++steps, <, 200);
      tt_advance (w, 20);
      _ferry_migration_tracker_set_clock (t, tt_sim_clock (w));
      g_assert_true (tt_poll (t));
      sim = truth (w, group);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          FerryMigration *m = nth (t, i);
          FerryMigration *expected
              = g_hash_table_lookup (sim, ferry_migration_get_migration_id (m));

          g_assert_true (m == rows[i]); /* in place */
          g_assert_nonnull (expected);
          g_assert_cmpstr (ferry_migration_get_state (m), ==, ferry_migration_get_state (expected));
          g_assert_cmpint (ferry_migration_get_bytes_transferred (m), ==,
                           ferry_migration_get_bytes_transferred (expected));
          g_assert_cmpint (ferry_migration_get_total_bytes (m), ==,
                           ferry_migration_get_total_bytes (expected));
          g_assert_cmpuint (g_list_model_get_n_items (ferry_migration_get_events (m)), ==,
                            g_list_model_get_n_items (ferry_migration_get_events (expected)));
          seen[ferry_migration_stage_from_migration (m)] = TRUE;
          bytes += MAX (ferry_migration_get_bytes_transferred (m), 0);
        }
      s = ferry_migration_tracker_get_summary (t);
      for (guint i = 0; i < FERRY_MIGRATION_N_STAGES; i++)
        counted += s->counts[i];
      g_assert_cmpuint (counted, ==, 3);
      g_assert_cmpuint (s->total, ==, 3);
      g_assert_cmpint (s->bytes_transferred, ==, bytes);
      if (s->counts[FERRY_MIGRATION_STAGE_TRANSFERRING] > 0 && steps > 4)
        {
          g_assert_cmpfloat (s->throughput, >, 0);
          g_assert_cmpint (s->eta, >, tt_sim_clock (w));
        }
    }
  g_assert_true (seen[FERRY_MIGRATION_STAGE_TRANSFERRING]);
  g_assert_true (seen[FERRY_MIGRATION_STAGE_SWITCHING]);
  g_assert_true (seen[FERRY_MIGRATION_STAGE_COMPLETED]);
  g_assert_cmpuint (
      ferry_migration_tracker_get_summary (t)->counts[FERRY_MIGRATION_STAGE_COMPLETED], ==, 3);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpint (ferry_migration_tracker_get_summary (t)->bytes_transferred, ==,
                   ferry_migration_tracker_get_summary (t)->bytes_total);

  /* Everything finished: no more polls (nothing is asked for, no timer). */
  {
    gint64 before = tt_requests (w, TT_QUERY_PATH);

    g_assert_cmpuint (ferry_migration_tracker_get_interval (t), ==, 0);
    g_assert_cmpint (ferry_migration_tracker_get_status (t), ==, FERRY_TRACKER_STATUS_IDLE);
    g_assert_true (tt_poll (t));
    g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before);
    /* A refresh asks again, once. */
    g_assert_true (tt_refresh (t));
    g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before + 1);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  }
  g_assert_true (ferry_migration_tracker_get_history (t, NULL) != NULL);
  tt_world_free (w);
}

/* The per-migration rate and the total throughput are bytes over the tracker's clock. */
static void
test_throughput (void)
{
  FerrySimOptions opts = { .n_vms = 300, .migration_mbps = 800 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *group = tt_start_wave (w, 1, 150 * GB, 0, NULL);
  const FerryTrackerSummary *s = ferry_migration_tracker_get_summary (t);
  double expected = 800e6 / 8;
  FerryMigration *m;
  guint n;

  ferry_migration_tracker_follow_group (t, group, NULL);
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  m = nth (t, 0);
  /* Into the transfer (10 s validated, 5 s queued), then four polls 20 s apart. */
  tt_advance (w, 16);
  for (guint i = 0; i < 4; i++)
    {
      _ferry_migration_tracker_set_clock (t, tt_sim_clock (w));
      g_assert_true (tt_poll (t));
      g_assert_cmpstr (ferry_migration_get_state (m), ==, "TRANSFER_IN_PROGRESS");
      tt_advance (w, 20);
    }
  g_assert_cmpfloat_with_epsilon (ferry_migration_tracker_get_rate (t, m), expected,
                                  expected / 100);
  g_assert_cmpfloat_with_epsilon (s->throughput, expected, expected / 100);
  g_assert_cmpint (ferry_migration_tracker_get_eta_seconds (t, m), >, 0);
  {
    gint64 left = ferry_migration_get_total_bytes (m) - ferry_migration_get_bytes_transferred (m);
    gint64 want = (gint64)(left / expected);

    g_assert_cmpint (ABS (ferry_migration_tracker_get_eta_seconds (t, m) - want), <=, 2);
    g_assert_cmpint (
        ABS ((s->eta - tt_sim_clock (w) + 20 * G_USEC_PER_SEC) / G_USEC_PER_SEC - want), <=, 2);
  }
  ferry_migration_tracker_get_history (t, &n);
  g_assert_cmpuint (n, ==, 5);
  tt_world_free (w);
}

/* One request per poll whatever the number of migrations (the client pages 200 at a time). */
static void
test_one_request_per_poll (void)
{
  FerrySimOptions opts = { .n_vms = 3000 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *g1 = tt_start_wave (w, 5, 100 * GB, 0, NULL);
  g_autofree char *g2 = NULL;
  g_autofree char *g3 = NULL;
  gint64 before;
  GListModel *model = ferry_migration_tracker_get_migrations (t);

  ferry_migration_tracker_follow_group (t, g1, "A");
  ferry_migration_tracker_start (t);
  before = tt_requests (w, TT_QUERY_PATH);
  tt_next_poll (t);
  g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before + 1);
  for (guint i = 0; i < 3; i++)
    {
      before = tt_requests (w, TT_QUERY_PATH);
      tt_advance (w, 5);
      g_assert_true (tt_poll (t));
      g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before + 1);
    }

  /* 150 more: still one request per poll. */
  g2 = tt_start_wave (w, 150, 100 * GB, 0, NULL);
  ferry_migration_tracker_follow_group (t, g2, "B");
  tt_next_poll (t);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 155);
  for (guint i = 0; i < 3; i++)
    {
      before = tt_requests (w, TT_QUERY_PATH);
      tt_advance (w, 5);
      g_assert_true (tt_poll (t));
      g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before + 1);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 155);
    }

  /* Past one page of 200: one query, paged (2 pages for 255), never one per migration. */
  g3 = tt_start_wave (w, 100, 100 * GB, 0, NULL);
  ferry_migration_tracker_follow_group (t, g3, "C");
  tt_next_poll (t);
  before = tt_requests (w, TT_QUERY_PATH);
  g_assert_true (tt_poll (t));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 255);
  g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before + 2);
  tt_world_free (w);
}

static gint64
sim_filter_ids (TtWorld *w)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (w->sim, "GET", "/__sim/state", NULL);

  return json_object_get_int_member (json_node_get_object (state), "queryFilterIds");
}

/* A poll by migration id sends each id once, however many pages its answer takes: the
 * simulator counts the ids it received in query filters. */
static void
test_filter_once_per_poll (void)
{
  FerrySimOptions opts = { .n_vms = 3000 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  GListModel *model = ferry_migration_tracker_get_migrations (t);
  gint64 ids_before, requests_before;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *group = tt_start_wave (w, 150, 100 * GB, 0, NULL);

      ferry_migration_tracker_follow_group (t, group, NULL);
    }
  ferry_migration_tracker_start (t);
  tt_next_poll (t); /* by group: no migration ids */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 450);
  g_assert_cmpuint (ferry_migration_tracker_get_summary (t)->active, ==, 450);

  for (guint i = 0; i < 2; i++)
    {
      ids_before = sim_filter_ids (w);
      requests_before = tt_requests (w, TT_QUERY_PATH);
      tt_advance (w, 5);
      g_assert_true (tt_poll (t));
      /* 450 ids, each sent once, in 3 requests (199 ids each at most, so that every answer
       * is a short page of 200); before, every page repeated all 450. */
      g_assert_cmpint (sim_filter_ids (w) - ids_before, ==, 450);
      g_assert_cmpint (tt_requests (w, TT_QUERY_PATH) - requests_before, ==, 3);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 450);
      g_assert_cmpuint (ferry_migration_tracker_get_summary (t)->active, ==, 450);
    }
  tt_world_free (w);
}

/* A server that ignores the query's filter answers with every migration on the manager: the
 * tracker keeps only those it asked for, by group and by id, and says how many it left out. */
static void
test_ignored_filter (void)
{
  FerrySimOptions opts = { .n_vms = 200 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  GListModel *model = ferry_migration_tracker_get_migrations (t);
  g_autofree char *ours = tt_start_wave (w, 3, 100 * GB, 0, NULL);
  g_autofree char *theirs = tt_start_wave (w, 4, 100 * GB, 0, NULL);

  tt_ctl (w, "POST", "/__sim/faults", "{\"path\":\"/migrations\",\"ignoreFilter\":true}");
  ferry_migration_tracker_follow_group (t, ours, "Ours");
  ferry_migration_tracker_start (t);
  tt_next_poll (t); /* by group */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (_ferry_migration_tracker_get_n_ignored (t), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (model, i);

      g_assert_cmpstr (ferry_migration_get_migration_group_id (m), ==, ours);
    }

  tt_advance (w, 5);
  g_assert_true (tt_poll (t)); /* by id */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (_ferry_migration_tracker_get_n_ignored (t), ==, 8);
  g_assert_cmpuint (ferry_migration_tracker_get_summary (t)->active, ==, 3);
  tt_world_free (w);
}

/* The chart's history starts with the first migration seen, not with the empty polls before. */
static void
test_history_starts_with_data (void)
{
  FerrySimOptions opts = { .n_vms = 50 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *group = NULL;
  const FerryTrackerSample *s;
  guint n = 99;

  ferry_migration_tracker_set_show_all (t, TRUE);
  ferry_migration_tracker_start (t);
  g_assert_true (tt_next_poll (t));
  tt_advance (w, 5);
  g_assert_true (tt_refresh (t));
  ferry_migration_tracker_get_history (t, &n);
  g_assert_cmpuint (n, ==, 0);

  group = tt_start_wave (w, 2, 100 * GB, 0, NULL);
  tt_advance (w, 5);
  g_assert_true (tt_refresh (t));
  s = ferry_migration_tracker_get_history (t, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (s[0].bytes_total, >, 0);
  tt_advance (w, 5);
  g_assert_true (tt_refresh (t));
  s = ferry_migration_tracker_get_history (t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (s[1].time, >, s[0].time);
  tt_world_free (w);
}

static void
on_notify_interval (GObject *object, GParamSpec *pspec, GArray *intervals)
{
  guint interval = ferry_migration_tracker_get_interval (FERRY_MIGRATION_TRACKER (object));

  g_array_append_val (intervals, interval);
}

/* Injected 5xx: the interval doubles, "reconnecting", the data stays; then it recovers. */
static void
test_backoff (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *group = tt_start_wave (w, 2, 150 * GB, 0, NULL);
  g_autoptr (GArray) intervals = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *model = ferry_migration_tracker_get_migrations (t);
  FerryMigration *m;
  g_autofree char *state = NULL;

  ferry_migration_tracker_follow_group (t, group, NULL);
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  m = nth (t, 0);
  state = g_strdup (ferry_migration_get_state (m));
  /* 200 ms: an answer within half of it (the interval is never shorter than twice the time the
   * server took) even on a loaded machine. */
  ferry_migration_tracker_set_base_interval (t, 200);
  g_signal_connect (t, "notify::interval", G_CALLBACK (on_notify_interval), intervals);

  tt_ctl (w, "POST", "/__sim/faults", "{\"path\":\"/migrations\",\"status\":503}");
  tt_advance (w, 100);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (tt_next_poll (t));
      g_assert_cmpint (ferry_migration_tracker_get_status (t), ==,
                       FERRY_TRACKER_STATUS_RECONNECTING);
      g_assert_nonnull (ferry_migration_tracker_get_last_error (t));
      g_assert_cmpuint (ferry_migration_tracker_get_interval (t), ==, 200u << (i + 1));
      /* The last good data is kept. */
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
      g_assert_cmpstr (ferry_migration_get_state (m), ==, state);
    }
  tt_ctl (w, "DELETE", "/__sim/faults", NULL);
  g_assert_true (tt_next_poll (t));
  g_assert_cmpint (ferry_migration_tracker_get_status (t), ==, FERRY_TRACKER_STATUS_POLLING);
  g_assert_null (ferry_migration_tracker_get_last_error (t));
  g_assert_cmpstr (ferry_migration_get_state (m), !=, state);
  g_assert_cmpuint (ferry_migration_tracker_get_interval (t), ==, 200);

  /* A slow server gets room: at least twice the time it took. */
  tt_ctl (w, "POST", "/__sim/faults", "{\"path\":\"/migrations\",\"latencyMs\":300}");
  g_assert_true (tt_next_poll (t));
  g_assert_cmpuint (ferry_migration_tracker_get_interval (t), >=, 600);
  tt_ctl (w, "DELETE", "/__sim/faults", NULL);
  g_assert_true (tt_next_poll (t));
  g_assert_cmpuint (ferry_migration_tracker_get_interval (t), ==, 200);
  tt_world_free (w);
}

/* The interval follows what the migrations do: fast while switching, slow while waiting. */
static void
test_adaptive_interval (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *group = tt_start_wave (w, 1, 60 * GB, 2 * 3600, NULL);
  FerryMigration *m;
  guint steps = 0;

  ferry_migration_tracker_set_base_interval (t, 1000 * 1000);
  ferry_migration_tracker_follow_group (t, group, NULL);
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  m = nth (t, 0);
  g_assert_cmpuint (ferry_migration_tracker_get_interval (t), ==, 1000 * 1000);
  while (g_strcmp0 (ferry_migration_get_state (m), "WAITING_FOR_SWITCHOVER") != 0)
    {
      g_assert_cmpuint (++steps, <, 200);
      tt_advance (w, 60);
      tt_poll (t);
    }
  g_assert_cmpuint (ferry_migration_tracker_get_interval (t), ==, 6 * 1000 * 1000);
  while (g_strcmp0 (ferry_migration_get_state (m), "SWITCHOVER_IN_PROGRESS") != 0)
    {
      g_assert_cmpuint (++steps, <, 400);
      tt_advance (w, 120);
      tt_poll (t);
    }
  g_assert_cmpuint (ferry_migration_tracker_get_interval (t), ==, 400 * 1000);
  tt_world_free (w);
}

/* Unknown state names are kept verbatim; the flags decide the stage and "finished". */
static void
test_unknown_states (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *group = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FerryMigration *m;
  gboolean saw_unknown_transfer = FALSE;
  guint steps = 0;
  gint64 before;

  tt_ctl (w, "POST", "/__sim/quirks", "{\"unknownStates\":true}");
  group = tt_start_wave (w, 1, 150 * GB, 0, NULL);
  ferry_migration_tracker_follow_group (t, group, NULL);
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  m = nth (t, 0);
  while (ferry_migration_tracker_get_summary (t)->active > 0)
    {
      g_autoptr (GHashTable) sim = NULL;
      FerryMigration *expected;

      g_assert_cmpuint (++steps, <, 200);
      tt_advance (w, 30);
      tt_poll (t);
      sim = truth (w, group);
      expected = g_hash_table_lookup (sim, ferry_migration_get_migration_id (m));
      g_assert_cmpstr (ferry_migration_get_state (m), ==, ferry_migration_get_state (expected));
      g_hash_table_add (names, g_strdup (ferry_migration_get_state (m)));
      if (ferry_migration_get_is_transfer_progress (m)
          && g_strcmp0 (ferry_migration_get_state (m), "TRANSFER_IN_PROGRESS") != 0)
        {
          saw_unknown_transfer = TRUE;
          g_assert_cmpint (ferry_migration_stage_from_migration (m), ==,
                           FERRY_MIGRATION_STAGE_TRANSFERRING);
        }
    }
  g_assert_true (saw_unknown_transfer);
  g_assert_cmpuint (g_hash_table_size (names), >=, 3);
  g_assert_cmpint (ferry_migration_stage_from_migration (m), ==, FERRY_MIGRATION_STAGE_COMPLETED);
  g_assert_true (ferry_migration_get_is_done (m));
  before = tt_requests (w, TT_QUERY_PATH);
  tt_poll (t);
  g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before);

  /* A state name nobody knows, with the flags only. */
  {
    g_autoptr (FerryMigration) x = ferry_migration_new ();

    ferry_migration_set_state (x, "SOMETHING_NEW");
    g_assert_cmpint (ferry_migration_stage_from_migration (x), ==, FERRY_MIGRATION_STAGE_OTHER);
    ferry_migration_set_did_fail (x, TRUE);
    g_assert_cmpint (ferry_migration_stage_from_migration (x), ==, FERRY_MIGRATION_STAGE_FAILED);
    ferry_migration_set_did_fail (x, FALSE);
    ferry_migration_set_is_cancelled (x, TRUE);
    g_assert_cmpint (ferry_migration_stage_from_migration (x), ==, FERRY_MIGRATION_STAGE_CANCELLED);
    ferry_migration_set_is_cancelled (x, FALSE);
    ferry_migration_set_is_done (x, TRUE);
    g_assert_cmpint (ferry_migration_stage_from_migration (x), ==, FERRY_MIGRATION_STAGE_COMPLETED);
  }
  tt_world_free (w);
}

static gboolean
file_contains (const char *path, const char *what)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, what) != NULL;
}

/* What is followed is saved; a new tracker with the same file resumes it. */
static void
test_resume (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autofree char *path = ferry_migration_tracker_default_state_file ("127.0.0.1:1234");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *group = tt_start_wave (w, 3, 150 * GB, 0, NULL);
  g_autofree char *other = tt_start_wave (w, 2, 150 * GB, 0, NULL);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char *single[2] = { NULL, NULL };

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "127.0.0.1_1234.json"));
  {
    g_autoptr (FerryMigrationTracker) t = new_tracker (w, path);
    g_autoptr (GHashTable) sim = truth (w, other);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, sim);
    g_assert_true (g_hash_table_iter_next (&iter, &key, NULL));
    single[0] = g_strdup (key);
    g_ptr_array_add (ids, (char *)single[0]);

    ferry_migration_tracker_start (t);
    ferry_migration_tracker_follow_group (t, group, "Plan \"A\", wave 1");
    ferry_migration_tracker_follow_migrations (t, single);
    while (!file_contains (path, single[0]))
      g_main_context_iteration (NULL, TRUE);
    while (ferry_migration_tracker_get_polling (t)
           || g_list_model_get_n_items (ferry_migration_tracker_get_migrations (t)) < 4)
      g_main_context_iteration (NULL, TRUE);
  }
  /* Nothing else in the directory: written by rename, no temporary left over. */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  tt_advance (w, 40);
  {
    g_autoptr (FerryMigrationTracker) t = new_tracker (w, path);
    GListModel *model = ferry_migration_tracker_get_migrations (t);
    g_auto (GStrv) groups = NULL;
    guint n_a = 0;

    ferry_migration_tracker_start (t);
    while (g_list_model_get_n_items (model) < 4)
      tt_next_poll (t);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
    groups = ferry_migration_tracker_dup_groups (t);
    g_assert_cmpuint (g_strv_length (groups), ==, 1);
    g_assert_cmpstr (groups[0], ==, group);
    g_assert_nonnull (ferry_migration_tracker_lookup (t, single[0]));
    for (guint i = 0; i < 4; i++)
      if (g_strcmp0 (ferry_migration_tracker_get_plan_name (t, nth (t, i)), "Plan \"A\", wave 1")
          == 0)
        n_a++;
    g_assert_cmpuint (n_a, ==, 3);
  }

  /* A damaged state file is reported and ignored, never a crash. */
  g_assert_true (g_file_set_contents (path, "{\"groups\": [42, {\"id\": 7}, {\"id\":", -1, NULL));
  {
    g_autoptr (FerryMigrationTracker) t = new_tracker (w, path);

    ferry_migration_tracker_start (t);
    ferry_migration_tracker_follow_group (t, group, NULL);
    g_assert_true (tt_next_poll (t));
    g_assert_cmpuint (g_list_model_get_n_items (ferry_migration_tracker_get_migrations (t)), ==, 3);
    /* The damaged file is replaced by the next save (before the test's directory goes). */
    while (!file_contains (path, group))
      g_main_context_iteration (NULL, TRUE);
  }
  tt_world_free (w);
}

static void
on_cancel_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
cancel_sync (FerryMigrationTracker *t, FerryMigration *m, gboolean force, GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (FERRY_TYPE_MIGRATION);
  g_autoptr (GAsyncResult) r = NULL;

  g_list_store_append (list, m);
  ferry_migration_tracker_cancel_async (t, G_LIST_MODEL (list), force, NULL, on_cancel_done, &r);
  return ferry_migration_tracker_cancel_finish (t, tt_wait (&r), error);
}

/* What changes before the state file has been read (the window turns on "show all" before it
 * starts the tracker) joins what the file holds, and never overwrites it. */
static void
test_resume_early_change (void)
{
  FerrySimOptions opts = { .n_vms = 100 };
  TtWorld *w = tt_world_new (&opts);
  g_autofree char *path = ferry_migration_tracker_default_state_file ("127.0.0.1:4321");
  g_autofree char *group = tt_start_wave (w, 2, 100 * GB, 0, NULL);
  g_autofree char *other = tt_start_wave (w, 1, 100 * GB, 0, NULL);

  {
    g_autoptr (FerryMigrationTracker) t = new_tracker (w, path);

    ferry_migration_tracker_start (t);
    ferry_migration_tracker_follow_group (t, group, "First");
    while (!file_contains (path, group))
      g_main_context_iteration (NULL, TRUE);
  }
  {
    g_autoptr (FerryMigrationTracker) t = new_tracker (w, path);
    g_auto (GStrv) groups = NULL;

    ferry_migration_tracker_set_show_all (t, TRUE);
    while (!file_contains (path, "\"showAll\" : true"))
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (file_contains (path, group)); /* still there */
    ferry_migration_tracker_follow_group (t, other, "Second");
    ferry_migration_tracker_start (t);
    while (!file_contains (path, other))
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (file_contains (path, group));
    groups = ferry_migration_tracker_dup_groups (t);
    g_assert_cmpuint (g_strv_length (groups), ==, 2);
    g_assert_true (g_strv_contains ((const char *const *)groups, group));
    g_assert_true (g_strv_contains ((const char *const *)groups, other));
    g_assert_true (ferry_migration_tracker_get_show_all (t));
  }
  tt_world_free (w);
}

/* Cancel: through CANCEL_IN_PROGRESS; force cancel: at once; finished ones are skipped. */
static void
test_cancel (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *group = tt_start_wave (w, 3, 150 * GB, 0, NULL);
  g_autoptr (GError) error = NULL;
  FerryMigration *a, *b, *c;
  gint64 before;

  ferry_migration_tracker_follow_group (t, group, NULL);
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  tt_advance (w, 20);
  tt_poll (t);
  a = nth (t, 0);
  b = nth (t, 1);
  c = nth (t, 2);
  g_assert_cmpstr (ferry_migration_get_state (a), ==, "TRANSFER_IN_PROGRESS");

  g_assert_true (cancel_sync (t, a, FALSE, &error));
  g_assert_no_error (error);
  while (ferry_migration_tracker_get_polling (t))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (ferry_migration_get_state (a), ==, "CANCEL_IN_PROGRESS");
  g_assert_cmpint (ferry_migration_stage_from_migration (a), ==, FERRY_MIGRATION_STAGE_CANCELLING);
  g_assert_cmpuint (
      ferry_migration_tracker_get_summary (t)->counts[FERRY_MIGRATION_STAGE_CANCELLING], ==, 1);

  g_assert_true (cancel_sync (t, b, TRUE, &error));
  g_assert_no_error (error);
  while (ferry_migration_tracker_get_polling (t))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (ferry_migration_get_state (b), ==, "MIGRATION_CANCELLED");
  g_assert_true (ferry_migration_get_is_cancelled (b));

  tt_advance (w, 31);
  tt_poll (t);
  g_assert_cmpstr (ferry_migration_get_state (a), ==, "MIGRATION_CANCELLED");
  g_assert_cmpstr (ferry_migration_get_state (c), ==, "TRANSFER_IN_PROGRESS");
  g_assert_cmpuint (
      ferry_migration_tracker_get_summary (t)->counts[FERRY_MIGRATION_STAGE_CANCELLED], ==, 2);

  /* Nothing left to cancel in a finished one: no request. */
  before = tt_requests (w, "/hybridity/api/mobility/migrations/cancel");
  g_assert_true (cancel_sync (t, b, FALSE, &error));
  g_assert_cmpint (tt_requests (w, "/hybridity/api/mobility/migrations/cancel"), ==, before);

  /* A refused cancel (the server says no) is an error with its message. */
  tt_ctl (w, "POST", "/__sim/faults",
          "{\"path\":\"/mobility/migrations/forceCancel\",\"status\":500,\"count\":1}");
  g_assert_false (cancel_sync (t, c, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  tt_world_free (w);
}

typedef struct
{
  guint failed;
  guint switchover;
  guint finished;
  char *finished_plan;
} Events;

static void
on_failed (FerryMigrationTracker *t, FerryMigration *m, Events *e)
{
  e->failed++;
}

static void
on_switchover (FerryMigrationTracker *t, FerryMigration *m, Events *e)
{
  e->switchover++;
}

static void
on_group_finished (FerryMigrationTracker *t, const char *group, const char *plan, Events *e)
{
  e->finished++;
  g_free (e->finished_plan);
  e->finished_plan = g_strdup (plan);
}

/* Signals for the notifications: a failure, a window opening, a plan all done. */
static void
test_events (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autoptr (GPtrArray) entities = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *group = tt_start_wave (w, 3, 150 * GB, 1800, entities);
  g_autofree char *body = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"transfer\"}",
                                           (char *)entities->pdata[0]);
  Events e = { 0 };
  guint steps = 0;

  tt_ctl (w, "POST", "/__sim/vm-failure", body);
  g_signal_connect (t, "migration-failed", G_CALLBACK (on_failed), &e);
  g_signal_connect (t, "switchover-started", G_CALLBACK (on_switchover), &e);
  g_signal_connect (t, "group-finished", G_CALLBACK (on_group_finished), &e);
  ferry_migration_tracker_follow_group (t, group, "Finance");
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  while (ferry_migration_tracker_get_summary (t)->active > 0)
    {
      g_assert_cmpuint (++steps, <, 300);
      g_assert_cmpuint (e.finished, ==, 0);
      tt_advance (w, 60);
      tt_poll (t);
    }
  g_assert_cmpuint (e.failed, ==, 1);
  g_assert_cmpuint (e.switchover, ==, 2);
  g_assert_cmpuint (e.finished, ==, 1);
  g_assert_cmpstr (e.finished_plan, ==, "Finance");
  /* Once only. */
  tt_refresh (t);
  g_assert_cmpuint (e.failed, ==, 1);
  g_assert_cmpuint (e.finished, ==, 1);
  g_free (e.finished_plan);
  tt_world_free (w);
}

/* Show-all: every migration on the manager, also those started elsewhere. */
static void
test_show_all (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autofree char *g1 = tt_start_wave (w, 2, 150 * GB, 0, NULL);
  g_autofree char *g2 = tt_start_wave (w, 3, 150 * GB, 0, NULL);
  g_autofree char *g3 = NULL;
  GListModel *model = ferry_migration_tracker_get_migrations (t);
  gint64 before;

  ferry_migration_tracker_set_show_all (t, TRUE);
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_null (ferry_migration_tracker_get_plan_name (t, nth (t, 0)));
  /* Later polls ask for the active ones only, in one request. */
  before = tt_requests (w, TT_QUERY_PATH);
  tt_advance (w, 20);
  tt_poll (t);
  g_assert_cmpint (tt_requests (w, TT_QUERY_PATH), ==, before + 1);
  /* A refresh finds new ones. */
  g3 = tt_start_wave (w, 1, 150 * GB, 0, NULL);
  tt_refresh (t);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  tt_world_free (w);
}

static FerryMigration *
fake_migration (const char *name, const char *error)
{
  FerryMigration *m = ferry_migration_new ();
  g_autoptr (FerryMigrationEvent) e = ferry_migration_event_new ();

  ferry_migration_set_migration_id (m, name);
  ferry_migration_set_entity_name (m, name);
  ferry_migration_set_migration_type (m, "vSphereReplication");
  ferry_migration_set_state (m, "MIGRATION_FAILED");
  ferry_migration_set_start_time (m, 1767261600000);
  ferry_migration_set_end_time (m, 1767261600000 + 3723000);
  ferry_migration_set_bytes_transferred (m, 1234567890123);
  ferry_migration_set_total_bytes (m, -1);
  ferry_migration_set_error_message (m, error);
  ferry_migration_event_set_error_message (e, error);
  ferry_migration_add_event (m, e);
  return m;
}

/* Commas, quotes, newlines, non-ASCII and formulas come back intact from a strict reader. */
static void
test_report_csv (void)
{
  const char *names[] = { "web, 01",        "say \"hi\"",        "line\nbreak\r\nagain",
                          "Ünïcødé-虚拟机", "=HYPERLINK(\"x\")", "plain" };
  g_autoptr (GListStore) store = g_list_store_new (FERRY_TYPE_MIGRATION);
  g_autofree char *csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GDateTime) start = g_date_time_new_from_unix_local (1767261600);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d %H:%M:%S");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (FerryMigration) m
          = fake_migration (names[i], i == 0 ? "Disk copy failed: \"vmdk\", retry,\nlater" : NULL);

      g_list_store_append (store, m);
    }
  csv = ferry_migration_report_to_csv (G_LIST_MODEL (store), NULL);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  rows = parse_csv (csv + 3);
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (names));
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *)rows->pdata[r])->len, ==, 10);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "VM");
  g_assert_cmpstr (cell (rows, 0, 9), ==, "Errors");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (names[i][0] == '=')
        {
          g_assert_cmpstr (cell (rows, i + 1, 0), ==, "'=HYPERLINK(\"x\")");
          continue;
        }
      g_assert_cmpstr (cell (rows, i + 1, 0), ==, names[i]);
      g_assert_cmpstr (cell (rows, i + 1, 1), ==, "Bulk Migration");
      g_assert_cmpstr (cell (rows, i + 1, 2), ==, "MIGRATION_FAILED");
      g_assert_cmpstr (cell (rows, i + 1, 3), ==, "");
      g_assert_cmpstr (cell (rows, i + 1, 4), ==, start_text);
      g_assert_cmpstr (cell (rows, i + 1, 6), ==, "1:02:03");
      g_assert_cmpstr (cell (rows, i + 1, 7), ==, "1234567890123");
      g_assert_cmpstr (cell (rows, i + 1, 8), ==, ""); /* unknown total: empty, not 0 or -1 */
    }
  /* The error once, though both the migration and its event carry it. */
  g_assert_cmpstr (cell (rows, 1, 9), ==, "Disk copy failed: \"vmdk\", retry,\nlater");
  g_assert_cmpstr (cell (rows, 2, 9), ==, "");
  /* Exactly as RFC 4180 writes it. */
  g_assert_nonnull (strstr (csv, "\r\n\"web, 01\",Bulk Migration,"));
  g_assert_nonnull (strstr (csv, "\r\n\"say \"\"hi\"\"\",Bulk"));
  g_assert_nonnull (strstr (csv, "\r\nÜnïcødé-虚拟机,Bulk"));
}

/* The report of real migrations, one failed with the server's message, written to a file. */
static void
test_report_file (void)
{
  FerrySimOptions opts = { .n_vms = 300 };
  TtWorld *w = tt_world_new (&opts);
  g_autoptr (FerryMigrationTracker) t = new_tracker (w, NULL);
  g_autoptr (GPtrArray) entities = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *group = tt_start_wave (w, 2, 150 * GB, 0, entities);
  g_autofree char *body = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"transfer\"}",
                                           (char *)entities->pdata[0]);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "report.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  guint failed_row = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  tt_ctl (w, "POST", "/__sim/vm-failure", body);
  ferry_migration_tracker_follow_group (t, group, "Plan, \"B\"");
  ferry_migration_tracker_start (t);
  tt_next_poll (t);
  for (guint i = 0; i < 300 && ferry_migration_tracker_get_summary (t)->active > 0; i++)
    {
      tt_advance (w, 60);
      tt_poll (t);
    }
  ferry_migration_report_write_async (ferry_migration_tracker_get_migrations (t), t, file, NULL,
                                      tt_got_result, &r);
  ferry_migration_report_write_finish (tt_wait (&r), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  rows = parse_csv (contents + 3);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpstr (cell (rows, i, 3), ==, "Plan, \"B\"");
      g_assert_cmpstr (cell (rows, i, 4), !=, "");
      g_assert_cmpstr (cell (rows, i, 5), !=, "");
      if (g_strcmp0 (cell (rows, i, 2), "TRANSFER_FAILED") == 0)
        failed_row = i;
      else
        g_assert_cmpstr (cell (rows, i, 7), ==, cell (rows, i, 8));
    }
  g_assert_cmpuint (failed_row, >, 0);
  g_assert_nonnull (strstr (cell (rows, failed_row, 9), "injected failure"));
  tt_world_free (w);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tracker/follow", test_follow);
  g_test_add_func ("/tracker/throughput", test_throughput);
  g_test_add_func ("/tracker/one-request-per-poll", test_one_request_per_poll);
  g_test_add_func ("/tracker/filter-once-per-poll", test_filter_once_per_poll);
  g_test_add_func ("/tracker/ignored-filter", test_ignored_filter);
  g_test_add_func ("/tracker/history-starts-with-data", test_history_starts_with_data);
  g_test_add_func ("/tracker/backoff", test_backoff);
  g_test_add_func ("/tracker/adaptive-interval", test_adaptive_interval);
  g_test_add_func ("/tracker/unknown-states", test_unknown_states);
  g_test_add_func ("/tracker/resume", test_resume);
  g_test_add_func ("/tracker/resume-early-change", test_resume_early_change);
  g_test_add_func ("/tracker/cancel", test_cancel);
  g_test_add_func ("/tracker/events", test_events);
  g_test_add_func ("/tracker/show-all", test_show_all);
  g_test_add_func ("/report/csv", test_report_csv);
  g_test_add_func ("/report/file", test_report_file);
  return g_test_run ();
}
