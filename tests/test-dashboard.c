/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dashboard.c: the tracking dashboard's widgets under Xvfb, against the simulator.
 *
 * FERRY_SCREENSHOTS=DIR also saves PNGs of the page (default size, 600 px wide, dark). */

#include "config.h"

#include <adwaita.h>

#include "ferry-application.h"
#include "ferry-dashboard-private.h"
#include "ferry-window.h"
#include "tracker-test-common.h"

#define GB ((gint64)1 << 30)

typedef struct
{
  TtWorld *w;
  FerryMigrationTracker *tracker;
  GtkWindow *window;
  FerryDashboard *dash;
  char *wave;
  char *failing_vm;
} Fx;

static Fx fx;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
step (guint seconds)
{
  tt_advance (fx.w, seconds);
  _ferry_migration_tracker_set_clock (fx.tracker, tt_sim_clock (fx.w));
  g_assert_true (tt_poll (fx.tracker));
  spin (50);
}

static void
fx_setup (void)
{
  FerrySimOptions opts = { .n_vms = 400 };
  g_autoptr (GPtrArray) entities = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *other = NULL;
  g_autofree char *body = NULL;

  fx.w = tt_world_new (&opts);
  fx.wave = tt_start_wave (fx.w, 6, 200 * GB, 0, entities);
  other = tt_start_wave (fx.w, 4, 200 * GB, 3600, NULL);
  fx.failing_vm = g_strdup (entities->pdata[1]);
  body = g_strdup_printf ("{\"entityId\":\"%s\",\"phase\":\"transfer\"}", fx.failing_vm);
  tt_ctl (fx.w, "POST", "/__sim/vm-failure", body);

  fx.tracker = ferry_migration_tracker_new (fx.w->client, NULL);
  ferry_migration_tracker_set_base_interval (fx.tracker, 10 * 60 * 1000);
  ferry_migration_tracker_set_show_all (fx.tracker, TRUE);
  ferry_migration_tracker_follow_group (fx.tracker, fx.wave, "Wave 1");
  fx.dash = FERRY_DASHBOARD (ferry_dashboard_new (fx.tracker));
  fx.window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fx.window, 1100, 760);
  adw_window_set_content (ADW_WINDOW (fx.window), GTK_WIDGET (fx.dash));
  gtk_window_present (fx.window);
  g_assert_true (tt_next_poll (fx.tracker)); /* mapping starts the tracker */
  step (20);
  spin (100);
}

static void
fx_teardown (void)
{
  gtk_window_destroy (fx.window);
  g_clear_object (&fx.tracker);
  tt_world_free (fx.w);
  g_free (fx.wave);
  g_free (fx.failing_vm);
}

/* ---- Widget helpers ---- */

static void
collect (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

/* Whether a mapped GtkInscription or GtkLabel under @root shows @text. */
static gboolean
shows_text (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) a = g_ptr_array_new ();
  g_autoptr (GPtrArray) b = g_ptr_array_new ();

  collect (root, GTK_TYPE_INSCRIPTION, a);
  collect (root, GTK_TYPE_LABEL, b);
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (gtk_inscription_get_text (a->pdata[i]), text) == 0)
      return TRUE;
  for (guint i = 0; i < b->len; i++)
    if (g_strcmp0 (gtk_label_get_label (b->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static GListModel *
shown_rows (void)
{
  return G_LIST_MODEL (gtk_column_view_get_model (_ferry_dashboard_get_column_view (fx.dash)));
}

static FerryMigration *
find_row (FerryMigrationStage stage, guint *position)
{
  GListModel *rows = shown_rows ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (rows, i);

      if (ferry_migration_stage_from_migration (m) == stage)
        {
          if (position != NULL)
            *position = i;
          return m; /* the tracker's model keeps it */
        }
    }
  return NULL;
}

static void
select_row (guint position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (shown_rows ()), position, TRUE);
  spin (100);
}

static void
save_png (const char *name, int width, int height)
{
  const char *dir = g_getenv ("FERRY_SCREENSHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  if (dir == NULL)
    return;
  gtk_window_set_default_size (fx.window, width, height);
  spin (600);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (fx.window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (fx.window)),
                          gtk_widget_get_height (GTK_WIDGET (fx.window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (fx.window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The colour of @widget's pixel at (@x, @y), as drawn now: 0xRRGGBB. Negative x and y count
 * from the right and the bottom. */
static guint32
pixel_of (GtkWidget *widget, int x, int y)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  g_autofree guchar *data = NULL;
  const guchar *p;

  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  data = g_malloc ((gsize)w * h * 4);
  gdk_texture_download (texture, data, (gsize)w * 4);
  x = x < 0 ? w + x : x;
  y = y < 0 ? h + y : y;
  p = data + ((gsize)y * w + x) * 4; /* CAIRO_FORMAT_ARGB32: B, G, R, A in memory */
  return ((guint32)p[2] << 16) | ((guint32)p[1] << 8) | p[0];
}

#define RED(c) ((int)((c) >> 16 & 0xff))
#define BLUE(c) ((int)((c)&0xff))

/* ---- Tests ---- */

/* The counts, bytes and progress bar say what the tracker (and so the simulator) says. */
static void
test_summary (void)
{
  const FerryTrackerSummary *s;
  guint sum = 0;
  g_autofree char *done = NULL;

  step (60);
  step (60);
  s = ferry_migration_tracker_get_summary (fx.tracker);
  g_assert_cmpuint (s->total, ==, 10);
  for (guint i = 0; i < FERRY_MIGRATION_N_STAGES; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", s->counts[i]);

      g_assert_cmpstr (gtk_label_get_label (_ferry_dashboard_get_count_label (fx.dash, i)), ==, n);
      sum += s->counts[i];
    }
  g_assert_cmpuint (sum, ==, 10);
  g_assert_cmpuint (s->counts[FERRY_MIGRATION_STAGE_TRANSFERRING], >, 0);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (fx.dash->overall_bar),
                                  (double)s->bytes_transferred / (double)s->bytes_total, 1e-9);
  done = g_format_size (s->bytes_transferred);
  g_assert_nonnull (strstr (gtk_label_get_label (fx.dash->bytes_label), done));
  g_assert_cmpstr (gtk_label_get_label (fx.dash->throughput_label), !=, "");
  g_assert_nonnull (strstr (ferry_progress_chart_get_description (fx.dash->chart), done));
  g_assert_false (gtk_revealer_get_reveal_child (fx.dash->reconnect_revealer));
  {
    /* The chart draws what was moved as a filled area in the accent colour: there at the end
     * (bottom right), nothing at the start above the bottom (the history starts at zero). */
    guint32 end = pixel_of (GTK_WIDGET (fx.dash->chart), -10, -10);
    guint32 start = pixel_of (GTK_WIDGET (fx.dash->chart), 10, -30);

    g_assert_cmpint (BLUE (end) - RED (end), >, 60);
    g_assert_cmpint (ABS (BLUE (start) - RED (start)), <, 20);
  }

  save_png ("ferry-dashboard.png", 1100, 760);

  /* Reconnecting, with the last data kept. */
  tt_ctl (fx.w, "POST", "/__sim/faults", "{\"path\":\"/migrations\",\"status\":503}");
  tt_advance (fx.w, 30);
  g_assert_false (tt_poll (fx.tracker));
  spin (50);
  g_assert_true (gtk_revealer_get_reveal_child (fx.dash->reconnect_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (fx.dash->reconnect_label), "Reconnecting"));
  g_assert_nonnull (strstr (gtk_label_get_label (fx.dash->bytes_label), done));
  tt_ctl (fx.w, "DELETE", "/__sim/faults", NULL);
  g_assert_true (tt_poll (fx.tracker));
  spin (50);
  g_assert_false (gtk_revealer_get_reveal_child (fx.dash->reconnect_revealer));
}

/* One row per migration, cells showing the VM and its state; search, state and plan filters. */
static void
test_rows (void)
{
  GListModel *rows = shown_rows ();
  g_autoptr (FerryMigration) first = NULL;
  const char *name;
  FerryMigration *failed;
  guint steps = 0;

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  first = g_list_model_get_item (rows, 0);
  name = ferry_migration_get_entity_name (first);
  g_assert_true (shows_text (GTK_WIDGET (fx.dash->column_view), name));
  g_assert_true (shows_text (GTK_WIDGET (fx.dash->column_view), ferry_migration_get_state (first)));

  gtk_editable_set_text (GTK_EDITABLE (fx.dash->search_entry), name);
  while (g_list_model_get_n_items (rows) != 1)
    spin (50); /* the search entry's delay */
  gtk_editable_set_text (GTK_EDITABLE (fx.dash->search_entry), "");
  while (g_list_model_get_n_items (rows) != 10)
    spin (50);

  gtk_drop_down_set_selected (fx.dash->plan_dropdown, 2); /* "Wave 1" */
  g_assert_cmpstr (gtk_string_list_get_string (fx.dash->plan_names, 2), ==, "Wave 1");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 6);
  gtk_drop_down_set_selected (fx.dash->plan_dropdown, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);

  while ((failed = find_row (FERRY_MIGRATION_STAGE_FAILED, NULL)) == NULL)
    {
      g_assert_cmpuint (++steps, <, 100);
      step (60);
    }
  gtk_drop_down_set_selected (fx.dash->state_dropdown, 6); /* Failed */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  spin (100);
  g_assert_true (
      shows_text (GTK_WIDGET (fx.dash->column_view), ferry_migration_get_state (failed)));
  gtk_drop_down_set_selected (fx.dash->state_dropdown, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);

  /* A percentage the server does not give: a pulsing bar saying so, never 0 %. */
  {
    g_autoptr (FerryMigration) m = g_list_model_get_item (rows, 0);
    g_autoptr (GPtrArray) bars = g_ptr_array_new ();
    guint unknown = 0;

    ferry_migration_set_percent (m, -1);
    spin (100);
    collect (GTK_WIDGET (fx.dash->column_view), GTK_TYPE_PROGRESS_BAR, bars);
    g_assert_cmpuint (bars->len, >=, 10);
    for (guint i = 0; i < bars->len; i++)
      if (g_strcmp0 (gtk_progress_bar_get_text (bars->pdata[i]), "Unknown") == 0)
        unknown++;
    g_assert_cmpuint (unknown, ==, 1);
    g_assert_cmpuint (fx.dash->pulsing->len, ==, 1);
    ferry_migration_set_percent (m, 12.5);
    spin (50);
    g_assert_cmpuint (fx.dash->pulsing->len, ==, 0);
  }

  /* Export: the listed rows, in the listed order, as CSV. */
  gtk_drop_down_set_selected (fx.dash->plan_dropdown, 2);
  {
    g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "report.csv", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autofree char *csv = NULL;
    g_auto (GStrv) lines = NULL;

    g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
    _ferry_dashboard_export_to (fx.dash, file);
    /* Until the write finished (the toast says so; the file is whole then). */
    for (;;)
      {
        g_clear_pointer (&csv, g_free);
        g_clear_pointer (&lines, g_strfreev);
        if (g_file_get_contents (path, &csv, NULL, NULL))
          lines = g_strsplit (csv, "\r\n", -1);
        if (lines != NULL && g_strv_length (lines) >= 8)
          break;
        g_main_context_iteration (NULL, TRUE);
      }
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 6 + 1); /* header, rows, the last CRLF */
    for (guint i = 0; i < 6; i++)
      {
        g_autoptr (FerryMigration) m = g_list_model_get_item (rows, i);

        g_assert_true (g_str_has_prefix (lines[i + 1], ferry_migration_get_entity_name (m)));
        g_assert_nonnull (strstr (lines[i + 1], ",Wave 1,"));
      }
  }
  gtk_drop_down_set_selected (fx.dash->plan_dropdown, 0);
}

static gboolean
rows_in_order (void)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (_ferry_dashboard_get_column_view (fx.dash));
  GListModel *rows = shown_rows ();

  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GObject) a = g_list_model_get_item (rows, i - 1);
      g_autoptr (GObject) b = g_list_model_get_item (rows, i);

      if (gtk_sorter_compare (sorter, a, b) == GTK_ORDERING_LARGER)
        return FALSE;
    }
  return TRUE;
}

/* Rows updated in place move to where the sorted column puts them, the selection staying on
 * the same migration and the list where the user scrolled it. */
static void
test_resort (void)
{
  GtkColumnView *view = _ferry_dashboard_get_column_view (fx.dash);
  GListModel *rows = shown_rows ();
  g_autoptr (GtkColumnViewColumn) progress
      = g_list_model_get_item (gtk_column_view_get_columns (view), 4);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_autoptr (FerryMigration) chosen = NULL;
  g_autoptr (GtkBitset) selected = NULL;
  guint n = g_list_model_get_n_items (rows);
  guint resorts;
  double offset;

  g_assert_cmpstr (gtk_column_view_column_get_title (progress), ==, "Progress");
  /* A short window: the list scrolls. */
  gtk_window_set_default_size (fx.window, 1100, 420);
  spin (300);
  gtk_column_view_sort_by_column (view, progress, GTK_SORT_ASCENDING);
  spin (100);
  g_assert_true (rows_in_order ());

  /* Polls: whatever the simulator's migrations do, the order holds. */
  for (guint i = 0; i < 4; i++)
    {
      step (90);
      g_assert_true (rows_in_order ());
    }

  /* Scrolled down, one migration selected in the middle. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj));
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) / 3);
  spin (100);
  offset = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (offset, >, 0);
  select_row (n / 2);
  chosen = g_list_model_get_item (rows, n / 2);

  /* An update turns the order around: every row changes place. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (rows, i);

      ferry_migration_set_percent (m, 90.0 - i * 5);
    }
  g_assert_false (rows_in_order ());
  resorts = _ferry_dashboard_get_n_resorts (fx.dash);
  g_signal_emit_by_name (fx.tracker, "updated");
  spin (200);
  g_assert_cmpuint (_ferry_dashboard_get_n_resorts (fx.dash), ==, resorts + 1);
  g_assert_true (rows_in_order ());
  {
    g_autoptr (FerryMigration) now = g_list_model_get_item (rows, n - 1 - n / 2);

    g_assert_true (now == chosen);
  }
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (rows));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_cmpuint (gtk_bitset_get_nth (selected, 0), ==, n - 1 - n / 2);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), offset, 1.0);

  /* In order already: nothing is sorted again. */
  g_signal_emit_by_name (fx.tracker, "updated");
  g_assert_cmpuint (_ferry_dashboard_get_n_resorts (fx.dash), ==, resorts + 1);
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
}

/* The details: the title, the server's error, one timeline row per event, local times. */
static void
test_details (void)
{
  FerryMigration *m;
  guint position = 0;
  guint steps = 0;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *when = NULL;
  g_autoptr (FerryMigrationEvent) first = NULL;

  while ((m = find_row (FERRY_MIGRATION_STAGE_FAILED, &position)) == NULL)
    {
      g_assert_cmpuint (++steps, <, 100);
      step (60);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fx.dash->details_stack), ==, "none");
  select_row (position);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fx.dash->details_stack), ==, "details");
  g_assert_cmpstr (gtk_label_get_label (fx.dash->details_title), ==,
                   ferry_migration_get_entity_name (m));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fx.dash->details_error)));
  g_assert_nonnull (strstr (gtk_label_get_label (fx.dash->details_error), "injected failure"));
  collect (GTK_WIDGET (fx.dash->timeline), GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (ferry_migration_get_events (m)));
  g_assert_cmpuint (rows->len, >=, 3);
  first = g_list_model_get_item (ferry_migration_get_events (m), 0);
  when = _ferry_format_time (ferry_migration_event_get_last_updated (first), TRUE);
  g_assert_true (shows_text (GTK_WIDGET (fx.dash->timeline), when));
  g_assert_true (
      shows_text (GTK_WIDGET (fx.dash->timeline), ferry_migration_event_get_message (first)));

  save_png ("ferry-dashboard-details.png", 1100, 760);
  save_png ("ferry-dashboard-narrow.png", 600, 900);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_png ("ferry-dashboard-dark.png", 1100, 760);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The selected row follows the next poll, and its timeline grows in place. */
  {
    guint before = g_list_model_get_n_items (ferry_migration_get_events (m));

    select_row (0);
    m = g_list_model_get_item (shown_rows (), 0);
    g_object_unref (m);
    before = g_list_model_get_n_items (ferry_migration_get_events (m));
    for (guint i = 0; i < 20 && g_list_model_get_n_items (ferry_migration_get_events (m)) == before;
         i++)
      step (60);
    g_ptr_array_set_size (rows, 0);
    collect (GTK_WIDGET (fx.dash->timeline), GTK_TYPE_LIST_BOX_ROW, rows);
    g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (ferry_migration_get_events (m)));
  }
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (tops, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && g_object_get_data (w, "answered") == NULL)
        {
          g_object_set_data (w, "answered", GINT_TO_POINTER (TRUE));
          return ADW_MESSAGE_DIALOG (w);
        }
    }
  return NULL;
}

/* Cancel asks first, saying what happens to the source and target VM; "keep" does nothing. */
static void
test_cancel_confirmation (void)
{
  FerryMigration *m;
  guint position = 0;
  AdwMessageDialog *dialog;
  gint64 before = tt_requests (fx.w, "/hybridity/api/mobility/migrations/cancel");
  g_autofree char *state = NULL;

  m = find_row (FERRY_MIGRATION_STAGE_TRANSFERRING, &position);
  g_assert_nonnull (m);
  select_row (position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.dash), "dashboard.cancel", NULL));
  spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (
      strstr (adw_message_dialog_get_heading (dialog), ferry_migration_get_entity_name (m)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "source VM"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "target VM"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  adw_message_dialog_response (dialog, "keep");
  spin (200);
  g_assert_cmpint (tt_requests (fx.w, "/hybridity/api/mobility/migrations/cancel"), ==, before);
  state = g_strdup (ferry_migration_get_state (m));

  /* Now for real. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.dash), "dashboard.cancel", NULL));
  spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel-migrations");
  while (g_strcmp0 (ferry_migration_get_state (m), "CANCEL_IN_PROGRESS") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (tt_requests (fx.w, "/hybridity/api/mobility/migrations/cancel"), ==, before + 1);

  /* Force cancel for a stuck one: its own words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.dash), "dashboard.force-cancel", NULL));
  spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stuck"));
  adw_message_dialog_response (dialog, "cancel-migrations");
  while (g_strcmp0 (ferry_migration_get_state (m), "MIGRATION_CANCELLED") != 0)
    g_main_context_iteration (NULL, TRUE);
}

/* A failure while the window is not focused is a desktop notification, while focused a toast. */
static void
test_notification (void)
{
  gboolean toast = TRUE;
  const char *title;
  guint steps = 0;
  g_autofree char *expected = NULL;
  FerryMigration *failed;

  _ferry_dashboard_set_focus_override (fx.dash, 0);
  while ((failed = find_row (FERRY_MIGRATION_STAGE_FAILED, NULL)) == NULL)
    {
      g_assert_cmpuint (++steps, <, 100);
      step (60);
    }
  title = _ferry_dashboard_get_last_notice (fx.dash, &toast);
  expected = g_strdup_printf ("Migration of %s failed", ferry_migration_get_entity_name (failed));
  g_assert_cmpstr (title, ==, expected);
  g_assert_false (toast);

  /* Focused: a toast, for the plan finishing. */
  _ferry_dashboard_set_focus_override (fx.dash, 1);
  for (steps = 0; ferry_migration_tracker_get_summary (fx.tracker)->active > 0; steps++)
    {
      g_assert_cmpuint (steps, <, 300);
      step (300);
    }
  title = _ferry_dashboard_get_last_notice (fx.dash, &toast);
  g_assert_true (toast);
  g_assert_nonnull (title);

  /* Clicking a notification opens that migration. */
  g_assert_true (
      ferry_dashboard_show_migration (fx.dash, ferry_migration_get_migration_id (failed)));
  spin (100);
  g_assert_cmpstr (gtk_label_get_label (fx.dash->details_title), ==,
                   ferry_migration_get_entity_name (failed));
}

/* In the window: win.show-dashboard after connecting (here to the embedded simulator), Ctrl+R
 * (win.refresh) refreshes it, app.show-migration exists, disconnecting removes the page. */
static GtkWidget *
window_child (FerryWindow *window, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), FERRY_TYPE_WINDOW, name));
}

/* On the home page: its title, the site pair in the header bar, back disconnects. */
static void
assert_home (FerryWindow *window)
{
  GtkWidget *site = window_child (window, "site_button");
  FerrySite *pair = ferry_site_page_get_selected_site (ferry_window_get_site_page (window));

  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "dashboard");
  g_assert_cmpstr (
      adw_window_title_get_title (ADW_WINDOW_TITLE (window_child (window, "window_title"))), ==,
      "Migration Tracking");
  g_assert_nonnull (pair);
  g_assert_true (gtk_widget_get_visible (site));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window_child (window, "site_label"))), ==,
                   ferry_site_get_name (pair));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (site)), ==, "win.show-sites");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (window_child (window, "back_button")), ==,
                   "Disconnect");
}

static void
test_window (void)
{
  g_autoptr (FerryApplication) app
      = ferry_application_new ("io.github.ferry_hcx.Ferry.TestDashboard", G_APPLICATION_NON_UNIQUE);
  g_autoptr (GError) error = NULL;
  FerryWindow *window;
  FerryDashboard *dash;
  FerryMigrationTracker *t;
  guint polls;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  g_application_activate (G_APPLICATION (app));
  window = FERRY_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_null (ferry_window_get_dashboard (window));
  ferry_window_start_simulator (window);
  /* Connecting shows the site pairs while they load... */
  while (g_strcmp0 (ferry_window_get_visible_page (window), "sites") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "show-migration"));
  dash = ferry_window_get_dashboard (window);
  g_assert_nonnull (dash);
  t = ferry_dashboard_get_tracker (dash);
  g_assert_true (ferry_migration_tracker_get_show_all (t));

  /* ...and the only pair chosen, the dashboard is the home page, the keyboard on it. */
  while (g_strcmp0 (ferry_window_get_visible_page (window), "dashboard") != 0)
    g_main_context_iteration (NULL, TRUE);
  assert_home (window);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window))
                 == (GtkWidget *)gtk_widget_get_template_child (
                     GTK_WIDGET (dash), FERRY_TYPE_DASHBOARD, "migrate_button"));

  /* The site pair and its prerequisites, one button away; back (Alt+Left) comes home. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sites", NULL));
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "sites");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (window_child (window, "back_button")), ==,
                   "Back to Migration Tracking");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (ferry_window_get_site_page (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  assert_home (window);

  /* "Migrate Virtual Machines" on the dashboard opens the wizard; closing it, or back, comes
   * home again; Ctrl+M is the same action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dash), "win.migrate-vms", NULL));
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "wizard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  assert_home (window);
  g_signal_emit_by_name (
      gtk_widget_get_template_child (GTK_WIDGET (dash), FERRY_TYPE_DASHBOARD, "migrate_button"),
      "clicked");
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "wizard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-wizard", NULL));
  assert_home (window);
  {
    g_auto (GStrv) accels
        = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.migrate-vms");
    g_auto (GStrv) back
        = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.go-back");

    g_assert_true (g_strv_contains ((const char *const *)accels, "<Control>m"));
    g_assert_true (g_strv_contains ((const char *const *)back, "<Alt>Left"));
  }
  while (_ferry_migration_tracker_get_n_polls (t) == 0 || ferry_migration_tracker_get_polling (t))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ferry_migration_tracker_get_status (t), !=, FERRY_TRACKER_STATUS_RECONNECTING);
  polls = _ferry_migration_tracker_get_n_polls (t);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_cmpuint (_ferry_migration_tracker_get_n_polls (t), ==, polls + 1);
  while (ferry_migration_tracker_get_polling (t))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.disconnect", NULL));
  g_assert_null (ferry_window_get_dashboard (window));
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "start");
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
}

/* The Transferred cells on screen say what their migration says now; returns how many. Cells
 * off screen may be stale (they are brought up to date when they come into view). */
static guint
check_bytes_cells_on_screen (void)
{
  GtkWidget *view = GTK_WIDGET (_ferry_dashboard_get_column_view (fx.dash));
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  guint checked = 0;

  collect (view, GTK_TYPE_INSCRIPTION, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      FerryMigration *m = _ferry_dashboard_cell_get_migration (cell);
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));
      graphene_rect_t b;
      g_autofree char *done = NULL;
      g_autofree char *total = NULL;
      g_autofree char *expected = NULL;

      if (m == NULL || text == NULL || strstr (text, " of ") == NULL
          || !gtk_widget_compute_bounds (cell, view, &b) || b.origin.y + b.size.height <= 0
          || b.origin.y >= gtk_widget_get_height (view))
        continue;
      done = g_format_size (ferry_migration_get_bytes_transferred (m));
      total = g_format_size (ferry_migration_get_total_bytes (m));
      expected = g_strdup_printf ("%s of %s", done, total);
      g_assert_cmpstr (text, ==, expected);
      checked++;
    }
  return checked;
}

/* Cells off screen wait; scrolled into view they are up to date before they are drawn. */
static void
test_offscreen_cells (void)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (
      GTK_SCROLLABLE (_ferry_dashboard_get_column_view (fx.dash)));

  g_autofree char *more = tt_start_wave (fx.w, 30, 200 * GB, 0, NULL);

  g_assert_true (tt_refresh (fx.tracker));
  spin (600);
  /* More rows than the view shows. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj), >, 60);
  gtk_adjustment_set_value (adj, 0);
  spin (100);
  step (60);
  g_assert_cmpuint (check_bytes_cells_on_screen (), >, 0);

  /* The rows below changed while off screen. */
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  spin (200);
  g_assert_cmpuint (check_bytes_cells_on_screen (), >, 0);
  /* And those above, while scrolled down. */
  step (60);
  gtk_adjustment_set_value (adj, 0);
  spin (200);
  g_assert_cmpuint (check_bytes_cells_on_screen (), >, 0);
}

/* "Updated … ago" moves in steps of 10 s under a minute, not every second. */
static void
test_updated_text (void)
{
  static const struct
  {
    gint64 ago;
    const char *text;
  } cases[] = {
    { -5, "Updated just now" },         { 0, "Updated just now" },   { 9, "Updated just now" },
    { 10, "Updated 10 s ago" },         { 19, "Updated 10 s ago" },  { 20, "Updated 20 s ago" },
    { 59, "Updated 50 s ago" },         { 60, "Updated 1 min ago" }, { 150, "Updated 3 min ago" },
    { 3700, "Updated 1 h 01 min ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _ferry_format_updated (cases[i].ago);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
run (gconstpointer data)
{
  GTestFunc func = (GTestFunc)data;

  fx_setup ();
  func ();
  fx_teardown ();
}

int
main (int argc, char *argv[])
{
  const char *mime_dirs[] = { "/usr/share/mime", NULL };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The isolated XDG dirs hide the MIME database, which loading SVG icons needs. */
  g_content_type_set_mime_dirs (mime_dirs);
  gtk_init ();
  adw_init ();
  if (g_getenv ("FERRY_SCREENSHOTS") != NULL)
    {
      /* As the application shows it (AdwApplication loads style.css by itself). */
      g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/github/ferry_hcx/Ferry/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  g_test_add_func ("/dashboard/updated-text", test_updated_text);
  g_test_add_data_func ("/dashboard/summary", test_summary, run);
  g_test_add_data_func ("/dashboard/rows", test_rows, run);
  g_test_add_data_func ("/dashboard/resort", test_resort, run);
  g_test_add_data_func ("/dashboard/details", test_details, run);
  g_test_add_data_func ("/dashboard/offscreen-cells", test_offscreen_cells, run);
  g_test_add_data_func ("/dashboard/cancel-confirmation", test_cancel_confirmation, run);
  g_test_add_data_func ("/dashboard/notification", test_notification, run);
  g_test_add_func ("/dashboard/window", test_window);
  return g_test_run ();
}
