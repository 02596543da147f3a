/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-dashboard-list.c: the column view of migrations.
 *
 * Cells are GtkInscriptions (cheap) and a GtkProgressBar, updated from the row's own
 * notify::<property> signals, so a poll touches only what changed in bound rows. Throughput and
 * ETA come from the tracker after each poll. GTK 4.8's list keeps about 200 rows bound however
 * few are on screen (those out of view unmapped): a cell off screen is only marked stale, and
 * brought up to date when it comes into view (most of the dashboard's work per poll was in rows
 * nobody could see). A
 * percentage that is not known shows a pulsing bar, never 0 %. Sorting per column; the filter is
 * the search (case-folded VM name), the state and the plan. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ferry-accessible.h"
#include "ferry-dashboard-private.h"
#include "ferry-migration-report.h"

typedef void (*CellUpdate) (FerryDashboard *self, GtkWidget *cell, FerryMigration *m);

typedef struct
{
  FerryDashboard *self;
  CellUpdate update;
  const char *const *props; /* notify::<prop> that change the cell */
  gboolean progress;        /* a progress bar, not text */
  gboolean per_poll;        /* updated after each poll (rates) */
} ColumnInfo;

/* List items whose cells need the tracker after each poll (rates) or pulse (unknown %). */
static const char BOUND_KEY[] = "ferry-bound-migration";

/* ---- Cells ---- */

/* Only what changed. The tooltip (the whole text of an ellipsized cell) is asked for when it
 * is shown: setting it with each update made GTK query the pointer from the X server for every
 * cell of every poll, most of the dashboard's time. */
static void
set_text (GtkWidget *cell, const char *text)
{
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), text) != 0)
    gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static gboolean
on_query_tooltip (GtkWidget *cell, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_vm (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  const char *name = ferry_migration_get_entity_name (m);

  set_text (cell, name != NULL ? name : ferry_migration_get_entity_id (m));
}

static void
update_type (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  set_text (cell, ferry_migration_type_get_label (ferry_migration_get_migration_type (m)));
}

static void
update_state (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  FerryMigrationStage stage = ferry_migration_stage_from_migration (m);

  set_text (cell, ferry_migration_get_state (m));
  if (stage == FERRY_MIGRATION_STAGE_FAILED)
    gtk_widget_add_css_class (cell, "dashboard-failed");
  else
    gtk_widget_remove_css_class (cell, "dashboard-failed");
}

static void
update_phase (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  const char *text = ferry_migration_get_status_message (m);

  if (text == NULL || text[0] == '\0')
    text = ferry_migration_get_message (m);
  set_text (cell, text);
}

static gboolean
on_pulse (gpointer user_data)
{
  FerryDashboard *self = user_data;

  for (guint i = 0; i < self->pulsing->len; i++)
    gtk_progress_bar_pulse (self->pulsing->pdata[i]);
  return G_SOURCE_CONTINUE;
}

void
_ferry_dashboard_pulse_stop (FerryDashboard *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->pulsing != NULL)
    g_ptr_array_set_size (self->pulsing, 0);
}

static void
set_pulsing (FerryDashboard *self, GtkWidget *bar, gboolean pulsing)
{
  gboolean was = g_ptr_array_find (self->pulsing, bar, NULL);

  if (pulsing && !was)
    g_ptr_array_add (self->pulsing, bar);
  else if (!pulsing && was)
    g_ptr_array_remove_fast (self->pulsing, bar);
  if (self->pulsing->len > 0 && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (250, on_pulse, self);
  else if (self->pulsing->len == 0)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
update_progress (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (cell);
  double percent = ferry_migration_get_percent (m);
  FerryMigrationStage stage = ferry_migration_stage_from_migration (m);
  gboolean unknown = percent < 0 && !ferry_migration_stage_is_finished (stage);
  g_autofree char *text = NULL;

  set_pulsing (self, cell, unknown);
  if (unknown)
    {
      gtk_progress_bar_set_text (bar, _ ("Unknown"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                      _ ("Progress unknown"), -1);
      return;
    }
  if (percent < 0)
    percent = stage == FERRY_MIGRATION_STAGE_COMPLETED ? 100 : 0;
  text = g_strdup_printf ("%.0f %%", floor (percent));
  if (gtk_progress_bar_get_fraction (bar) != CLAMP (percent / 100, 0, 1))
    gtk_progress_bar_set_fraction (bar, CLAMP (percent / 100, 0, 1));
  if (g_strcmp0 (gtk_progress_bar_get_text (bar), text) != 0)
    gtk_progress_bar_set_text (bar, text);
}

static void
update_bytes (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  gint64 done = ferry_migration_get_bytes_transferred (m);
  gint64 total = ferry_migration_get_total_bytes (m);
  g_autofree char *a = done >= 0 ? g_format_size (done) : g_strdup ("?");
  g_autofree char *b = total >= 0 ? g_format_size (total) : g_strdup ("?");
  /* TRANSLATORS: bytes transferred of total in a list cell, "12.3 GB of 40.0 GB" */
  g_autofree char *text = g_strdup_printf (_ ("%s of %s"), a, b);

  set_text (cell, done < 0 && total < 0 ? "" : text);
}

static void
update_throughput (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  double rate = ferry_migration_tracker_get_rate (self->tracker, m);
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;

  if (rate < 0)
    {
      set_text (cell, "");
      return;
    }
  size = g_format_size ((guint64)rate);
  text = g_strdup_printf (_ ("%s/s"), size);
  set_text (cell, text);
}

static void
update_eta (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  gint64 eta = ferry_migration_tracker_get_eta_seconds (self->tracker, m);
  g_autofree char *text = eta >= 0 ? _ferry_format_duration (eta) : NULL;

  set_text (cell, text);
}

static void
update_window (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  g_autofree char *text = _ferry_format_window (m);

  set_text (cell, text);
}

static void
update_last (FerryDashboard *self, GtkWidget *cell, FerryMigration *m)
{
  g_autofree char *text = _ferry_format_time (ferry_migration_get_last_updated (m), FALSE);

  set_text (cell, text);
}

/* ---- Factories ---- */

/* A row's height above and below the view still counts as on screen (scrolling by a row never
 * shows a stale cell, even for a frame). */
#define ON_SCREEN_MARGIN 48

static gboolean
cell_on_screen (FerryDashboard *self, GtkWidget *cell)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  int height = gtk_widget_get_height (view);
  graphene_rect_t bounds;

  /* The page not shown, or a bound row GTK keeps out of view (GTK 4.8 unmaps those). */
  if (!gtk_widget_get_mapped (view) || !gtk_widget_get_mapped (cell))
    return FALSE;
  /* Not laid out yet: as good as shown. */
  if (height <= 0 || !gtk_widget_compute_bounds (cell, view, &bounds))
    return TRUE;
  return bounds.origin.y + bounds.size.height >= -ON_SCREEN_MARGIN
         && bounds.origin.y <= height + ON_SCREEN_MARGIN;
}

/* Now if it can be seen, else when it comes into view. */
static void
update_item (FerryDashboard *self, GtkListItem *item, FerryMigration *m)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "ferry-column");
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (!cell_on_screen (self, cell))
    {
      g_hash_table_add (self->stale_items, item);
      return;
    }
  g_hash_table_remove (self->stale_items, item);
  info->update (self, cell, m);
}

static void
update_stale (FerryDashboard *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->stale_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *item = key;
      ColumnInfo *info = g_object_get_data (G_OBJECT (item), "ferry-column");
      FerryMigration *m = g_object_get_data (G_OBJECT (item), BOUND_KEY);
      GtkWidget *cell = gtk_list_item_get_child (item);

      if (m == NULL)
        g_hash_table_iter_remove (&iter);
      else if (cell_on_screen (self, cell))
        {
          g_hash_table_iter_remove (&iter);
          info->update (self, cell, m);
        }
    }
}

static void
on_after_paint (GdkFrameClock *clock, FerryDashboard *self)
{
  update_stale (self);
  if (g_hash_table_size (self->stale_items) == 0)
    _ferry_dashboard_list_stop (self);
}

/* Scrolled, resized, rows moved: what came into view is brought up to date. GTK maps the rows
 * it shows in the frame's layout, so this looks after each frame (while anything is stale):
 * for one frame a row that just came into view may show the values of the poll before. */
static void
queue_update_stale (FerryDashboard *self)
{
  GdkFrameClock *clock;

  if (self->stale_clock != NULL || g_hash_table_size (self->stale_items) == 0)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));
  if (clock == NULL)
    return; /* not realized: mapping it queues this again */
  self->stale_clock = g_object_ref (clock);
  self->stale_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

void
_ferry_dashboard_list_stop (FerryDashboard *self)
{
  /* A clock disposed with its window has dropped its handlers already. */
  if (self->stale_clock != NULL
      && g_signal_handler_is_connected (self->stale_clock, self->stale_paint_id))
    g_signal_handler_disconnect (self->stale_clock, self->stale_paint_id);
  self->stale_paint_id = 0;
  g_clear_object (&self->stale_clock);
}

static void
on_item_notify (FerryMigration *m, GParamSpec *pspec, GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "ferry-column");

  update_item (info->self, item, m);
}

FerryMigration *
_ferry_dashboard_cell_get_migration (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), BOUND_KEY);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnInfo *info)
{
  GtkWidget *cell;

  if (info->progress)
    {
      cell = gtk_progress_bar_new ();
      gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (cell), TRUE);
      gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (cell), 0.1);
      gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
    }
  else
    {
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 6);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 14);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
    }
  g_object_set_data (G_OBJECT (item), "ferry-column", info);
  gtk_list_item_set_child (item, cell);
  if (info->per_poll)
    g_ptr_array_add (info->self->rate_items, item);
}

static void
teardown_cell (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnInfo *info)
{
  g_hash_table_remove (info->self->stale_items, item);
  if (info->per_poll)
    g_ptr_array_remove_fast (info->self->rate_items, item);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnInfo *info)
{
  FerryMigration *m = gtk_list_item_get_item (item);
  GArray *handlers = g_array_new (FALSE, FALSE, sizeof (gulong));

  g_hash_table_remove (info->self->stale_items, item);
  info->update (info->self, gtk_list_item_get_child (item), m);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), BOUND_KEY, m);
  ferry_accessible_name_row (gtk_list_item_get_child (item), ferry_migration_get_entity_name (m));
  for (guint i = 0; info->props[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", info->props[i], NULL);
      gulong id = g_signal_connect (m, signal, G_CALLBACK (on_item_notify), item);

      g_array_append_val (handlers, id);
    }
  g_object_set_data_full (G_OBJECT (item), "ferry-handlers", handlers,
                          (GDestroyNotify)g_array_unref);
  g_object_set_data_full (G_OBJECT (item), BOUND_KEY, g_object_ref (m), g_object_unref);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnInfo *info)
{
  FerryMigration *m = g_object_get_data (G_OBJECT (item), BOUND_KEY);
  GArray *handlers = g_object_get_data (G_OBJECT (item), "ferry-handlers");

  for (guint i = 0; m != NULL && handlers != NULL && i < handlers->len; i++)
    g_signal_handler_disconnect (m, g_array_index (handlers, gulong, i));
  g_object_set_data (G_OBJECT (item), "ferry-handlers", NULL);
  g_object_set_data (G_OBJECT (item), BOUND_KEY, NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), BOUND_KEY, NULL);
  g_hash_table_remove (info->self->stale_items, item);
  if (info->progress)
    set_pulsing (info->self, gtk_list_item_get_child (item), FALSE);
}

/* ---- Sorting ---- */

static int
cmp_strings (const char *a, const char *b)
{
  g_autofree char *ka = g_utf8_collate_key_for_filename (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

static int
cmp_int (gint64 a, gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_column (gconstpointer a, gconstpointer b, gpointer user_data)
{
  FerryMigration *x = (FerryMigration *)a;
  FerryMigration *y = (FerryMigration *)b;
  ColumnInfo *info = user_data;
  FerryMigrationTracker *t = info->self->tracker;

  if (info->update == update_vm)
    return cmp_strings (ferry_migration_get_entity_name (x), ferry_migration_get_entity_name (y));
  if (info->update == update_type)
    return cmp_strings (ferry_migration_get_migration_type (x),
                        ferry_migration_get_migration_type (y));
  if (info->update == update_state)
    return cmp_int (ferry_migration_stage_from_migration (x),
                    ferry_migration_stage_from_migration (y));
  if (info->update == update_phase)
    return cmp_strings (ferry_migration_get_status_message (x),
                        ferry_migration_get_status_message (y));
  if (info->update == update_progress)
    return cmp_int ((gint64)(ferry_migration_get_percent (x) * 100),
                    (gint64)(ferry_migration_get_percent (y) * 100));
  if (info->update == update_bytes)
    return cmp_int (ferry_migration_get_bytes_transferred (x),
                    ferry_migration_get_bytes_transferred (y));
  if (info->update == update_throughput)
    return cmp_int ((gint64)ferry_migration_tracker_get_rate (t, x),
                    (gint64)ferry_migration_tracker_get_rate (t, y));
  if (info->update == update_eta)
    return cmp_int (ferry_migration_tracker_get_eta_seconds (t, x),
                    ferry_migration_tracker_get_eta_seconds (t, y));
  if (info->update == update_window)
    return cmp_int (ferry_migration_get_switchover_start (x),
                    ferry_migration_get_switchover_start (y));
  return cmp_int (ferry_migration_get_last_updated (x), ferry_migration_get_last_updated (y));
}

/* ---- Filter ---- */

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  FerryDashboard *self = user_data;
  FerryMigration *m = item;

  if (self->stage_filter >= 0
      && (int)ferry_migration_stage_from_migration (m) != self->stage_filter)
    return FALSE;
  if (self->plan_filter != NULL)
    {
      const char *plan = ferry_migration_tracker_get_plan_name (self->tracker, m);

      if (plan == NULL || (self->plan_filter[0] != '\0' && strcmp (plan, self->plan_filter) != 0))
        return FALSE;
    }
  if (self->search_key != NULL)
    {
      const char *name = ferry_migration_get_entity_name (m);
      g_autofree char *key = g_utf8_casefold (name != NULL ? name : "", -1);

      if (strstr (key, self->search_key) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
on_search_changed (FerryDashboard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->search_key);
  self->search_key = text[0] != '\0' ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static const FerryMigrationStage dropdown_stages[] = {
  FERRY_MIGRATION_STAGE_QUEUED,    FERRY_MIGRATION_STAGE_TRANSFERRING,
  FERRY_MIGRATION_STAGE_WAITING,   FERRY_MIGRATION_STAGE_SWITCHING,
  FERRY_MIGRATION_STAGE_COMPLETED, FERRY_MIGRATION_STAGE_FAILED,
  FERRY_MIGRATION_STAGE_CANCELLED, FERRY_MIGRATION_STAGE_CANCELLING,
  FERRY_MIGRATION_STAGE_OTHER,
};

static void
on_state_selected (FerryDashboard *self)
{
  guint i = gtk_drop_down_get_selected (self->state_dropdown);

  self->stage_filter
      = i == 0 || i == GTK_INVALID_LIST_POSITION || i > G_N_ELEMENTS (dropdown_stages)
            ? -1
            : (int)dropdown_stages[i - 1];
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_plan_selected (FerryDashboard *self)
{
  guint i = gtk_drop_down_get_selected (self->plan_dropdown);

  g_clear_pointer (&self->plan_filter, g_free);
  if (i == 1)
    self->plan_filter = g_strdup ("");
  else if (i >= 2 && i != GTK_INVALID_LIST_POSITION)
    self->plan_filter = g_strdup (gtk_string_list_get_string (self->plan_names, i));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- Setup ---- */

static GPtrArray *
column_infos (FerryDashboard *self)
{
  return g_object_get_data (G_OBJECT (self), "ferry-columns");
}

static void
add_column (FerryDashboard *self, const char *title, CellUpdate update, const char *const *props,
            gboolean progress, gboolean per_poll, gboolean expand, int width)
{
  ColumnInfo *info = g_new0 (ColumnInfo, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  g_autoptr (GtkSorter) sorter = NULL;

  info->self = self;
  info->update = update;
  info->props = props;
  info->progress = progress;
  info->per_poll = per_poll;
  g_ptr_array_add (column_infos (self), info);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), info);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell), info);
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_column, info, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

void
_ferry_dashboard_setup_list (FerryDashboard *self)
{
  static const char *const vm[] = { "entity-name", NULL };
  static const char *const type[] = { "migration-type", NULL };
  static const char *const state[] = { "state", NULL };
  static const char *const phase[] = { "status-message", "message", NULL };
  static const char *const progress[] = { "percent", "state", NULL };
  static const char *const bytes[] = { "bytes-transferred", "total-bytes", NULL };
  static const char *const none[] = { NULL };
  static const char *const window[] = { "switchover-start", "switchover-expiry", NULL };
  static const char *const last[] = { "last-updated", NULL };
  GListModel *model = ferry_migration_tracker_get_migrations (self->tracker);

  g_object_set_data_full (G_OBJECT (self), "ferry-columns", g_ptr_array_new_with_free_func (g_free),
                          (GDestroyNotify)g_ptr_array_unref);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (model), GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (
      G_LIST_MODEL (self->filtered), g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->stale_items = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (queue_update_stale), self,
                           G_CONNECT_SWAPPED);
  {
    GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

    g_assert (adj != NULL); /* the template puts the view in a scrolled window */
    g_signal_connect_object (adj, "value-changed", G_CALLBACK (queue_update_stale), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (adj, "changed", G_CALLBACK (queue_update_stale), self,
                             G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->column_view, "map", G_CALLBACK (queue_update_stale), self,
                           G_CONNECT_SWAPPED);

  add_column (self, _ ("VM"), update_vm, vm, FALSE, FALSE, TRUE, 150);
  add_column (self, _ ("Type"), update_type, type, FALSE, FALSE, FALSE, 110);
  add_column (self, _ ("State"), update_state, state, FALSE, FALSE, FALSE, 200);
  add_column (self, _ ("Phase"), update_phase, phase, FALSE, FALSE, FALSE, 150);
  add_column (self, _ ("Progress"), update_progress, progress, TRUE, FALSE, FALSE, 110);
  add_column (self, _ ("Transferred"), update_bytes, bytes, FALSE, FALSE, FALSE, 150);
  add_column (self, _ ("Throughput"), update_throughput, none, FALSE, TRUE, FALSE, 100);
  add_column (self, _ ("Time Left"), update_eta, none, FALSE, TRUE, FALSE, 90);
  add_column (self, _ ("Switchover Window"), update_window, window, FALSE, FALSE, FALSE, 170);
  add_column (self, _ ("Last Update"), update_last, last, FALSE, FALSE, FALSE, 100);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (on_state_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan_dropdown, "notify::selected", G_CALLBACK (on_plan_selected),
                           self, G_CONNECT_SWAPPED);

  /* Names GTK 4.8 would leave blank or call by their type. */
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  ferry_accessible_name_status_pages (GTK_WIDGET (self));
  ferry_accessible_name_drop_down (self->state_dropdown, _ ("Filter by state"));
  ferry_accessible_name_drop_down (self->plan_dropdown, _ ("Filter by plan"));
  ferry_accessible_name_column_view (self->column_view, _ ("Migrations"));
}

/* ---- Keeping the order ---- */

/* A poll changes the rows in place, which GtkSortListModel does not see: it sorts when items
 * are added or its sorter changes (GTK 4.8). So after a poll, if two neighbours are now out of
 * order under the column view's sorter, the sorter is said to have changed: the model sorts
 * again and announces the range that moved as one items-changed with as many added as removed.
 * Across it GtkMultiSelection keeps its selected items (it re-finds them among the added ones),
 * and the list view keeps its vertical offset: the rows move under a list that stays where the
 * user scrolled it (test-dashboard /dashboard/resort checks all three). In order already (the
 * common case), nothing happens beyond n - 1 comparisons. */
gboolean
_ferry_dashboard_resort (FerryDashboard *self)
{
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sorted);
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  g_autoptr (GObject) previous = NULL;
  gboolean ordered = TRUE;

  if (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE || n < 2)
    return FALSE;
  previous = g_list_model_get_item (model, 0);
  for (guint i = 1; i < n && ordered; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      ordered = gtk_sorter_compare (sorter, previous, item) != GTK_ORDERING_LARGER;
      g_set_object (&previous, item);
    }
  if (ordered)
    return FALSE;

  gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  self->n_resorts++;
  return TRUE;
}

/* After a poll: the state filter, the order and the rate cells of bound rows follow. */
void
_ferry_dashboard_list_updated (FerryDashboard *self)
{
  GListModel *model = ferry_migration_tracker_get_migrations (self->tracker);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (model) > 0 ? "list" : "empty");
  if (self->stage_filter >= 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _ferry_dashboard_resort (self);
  for (guint i = 0; i < self->rate_items->len; i++)
    {
      GtkListItem *item = self->rate_items->pdata[i];
      FerryMigration *m = g_object_get_data (G_OBJECT (item), BOUND_KEY);

      if (m != NULL)
        update_item (self, item, m);
    }
  /* Rows the poll moved (a resort, new migrations above). */
  queue_update_stale (self);
}
