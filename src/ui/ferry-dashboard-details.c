/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-dashboard-details.c: the selected migration: its errors with the server's words, its
 * event log as a timeline (progress.log), its settings; every time in local time. */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-dashboard-private.h"
#include "ferry-migration-report.h"

char *
_ferry_format_time (gint64 ms, gboolean with_date)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (ms <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, with_date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S");
}

char *
_ferry_format_duration (gint64 seconds)
{
  if (seconds < 0)
    return NULL;
  if (seconds < 60)
    /* TRANSLATORS: a duration, "45 s" */
    return g_strdup_printf (_ ("%d s"), (int)seconds);
  if (seconds < 3600)
    /* TRANSLATORS: a duration, "12 min" */
    return g_strdup_printf (_ ("%d min"), (int)((seconds + 30) / 60));
  if (seconds < 48 * 3600)
    /* TRANSLATORS: a duration, "3 h 05 min" */
    return g_strdup_printf (_ ("%d h %02d min"), (int)(seconds / 3600), (int)(seconds / 60 % 60));
  /* TRANSLATORS: a duration, "4 days 3 h" */
  return g_strdup_printf (_ ("%d days %d h"), (int)(seconds / 86400), (int)(seconds / 3600 % 24));
}

char *
_ferry_format_window (FerryMigration *m)
{
  gint64 start = ferry_migration_get_switchover_start (m);
  gint64 end = ferry_migration_get_switchover_expiry (m);
  g_autofree char *a = _ferry_format_time (start, TRUE);
  g_autofree char *b = _ferry_format_time (end, TRUE);

  if (a == NULL)
    return g_strdup (_ ("As soon as ready"));
  if (b == NULL)
    /* TRANSLATORS: a switchover window with no end, "from 2026-12-02 02:00:00" */
    return g_strdup_printf (_ ("from %s"), a);
  /* TRANSLATORS: a switchover window, "2026-12-02 02:00:00 – 2026-12-02 06:00:00" */
  return g_strdup_printf (_ ("%s – %s"), a, b);
}

static void
add_setting (FerryDashboard *self, int row, const char *key, const char *value)
{
  GtkWidget *k = gtk_label_new (key);
  GtkWidget *v = gtk_label_new (value != NULL && value[0] != '\0' ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (k), 0);
  gtk_label_set_yalign (GTK_LABEL (k), 0);
  gtk_widget_add_css_class (k, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (v), 0);
  gtk_label_set_wrap (GTK_LABEL (v), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (v), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (v), TRUE);
  gtk_widget_set_hexpand (v, TRUE);
  gtk_grid_attach (self->settings_grid, k, 0, row, 1, 1);
  gtk_grid_attach (self->settings_grid, v, 1, row, 1, 1);
}

static void
fill_settings (FerryDashboard *self, FerryMigration *m)
{
  GtkWidget *child;
  int row = 0;
  g_autofree char *window = _ferry_format_window (m);
  g_autofree char *created = _ferry_format_time (ferry_migration_get_creation_date (m), TRUE);
  g_autofree char *started = _ferry_format_time (ferry_migration_get_start_time (m), TRUE);
  g_autofree char *ended = _ferry_format_time (ferry_migration_get_end_time (m), TRUE);
  g_autofree char *updated = _ferry_format_time (ferry_migration_get_last_updated (m), TRUE);
  g_autofree char *source = g_strjoin (
      " / ",
      ferry_migration_get_source_endpoint_name (m) ? ferry_migration_get_source_endpoint_name (m)
                                                   : "?",
      ferry_migration_get_source_resource_name (m) ? ferry_migration_get_source_resource_name (m)
                                                   : "?",
      NULL);
  g_autofree char *destination = g_strjoin (" / ",
                                            ferry_migration_get_destination_endpoint_name (m)
                                                ? ferry_migration_get_destination_endpoint_name (m)
                                                : "?",
                                            ferry_migration_get_destination_resource_name (m)
                                                ? ferry_migration_get_destination_resource_name (m)
                                                : "?",
                                            NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->settings_grid))) != NULL)
    gtk_grid_remove (self->settings_grid, child);
  add_setting (self, row++, _ ("Type"),
               ferry_migration_type_get_label (ferry_migration_get_migration_type (m)));
  add_setting (self, row++, _ ("Plan"), ferry_migration_tracker_get_plan_name (self->tracker, m));
  add_setting (self, row++, _ ("Source"), source);
  add_setting (self, row++, _ ("Destination"), destination);
  add_setting (self, row++, _ ("Switchover window"), window);
  add_setting (self, row++, _ ("Created"), created);
  add_setting (self, row++, _ ("Started"), started);
  add_setting (self, row++, _ ("Ended"), ended);
  add_setting (self, row++, _ ("Last update"), updated);
  add_setting (self, row++, _ ("Started by"), ferry_migration_get_username (m));
  add_setting (self, row++, _ ("Migration ID"), ferry_migration_get_migration_id (m));
  add_setting (self, row++, _ ("Group ID"), ferry_migration_get_migration_group_id (m));
  add_setting (self, row++, _ ("VM ID"), ferry_migration_get_entity_id (m));
}

static GtkWidget *
timeline_row (FerryMigrationEvent *e)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *when = _ferry_format_time (ferry_migration_event_get_last_updated (e), TRUE);
  const char *message = ferry_migration_event_get_message (e);
  const char *error = ferry_migration_event_get_error_message (e);
  gint64 done = ferry_migration_event_get_bytes_transferred (e);
  gint64 total = ferry_migration_event_get_total_bytes (e);
  GtkWidget *label;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (when != NULL ? when : "—");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (top), label);
  label = gtk_label_new (message != NULL ? message : ferry_migration_event_get_status (e));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), label);
  if (done > 0 && total > 0)
    {
      g_autofree char *a = g_format_size (done);
      g_autofree char *b = g_format_size (total);
      g_autofree char *text = g_strdup_printf (_ ("%s of %s"), a, b);

      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (top), label);
    }
  gtk_box_append (GTK_BOX (box), top);
  label = gtk_label_new (ferry_migration_event_get_status (e));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  if (error != NULL && error[0] != '\0')
    {
      label = gtk_label_new (error);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dashboard-error");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  {
    /* What a screen reader says of the entry: when, and what happened. */
    g_autofree char *name
        = g_strdup_printf ("%s: %s", when != NULL ? when : "—",
                           message != NULL ? message : ferry_migration_event_get_status (e));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  return row;
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  return timeline_row (FERRY_MIGRATION_EVENT (item));
}

static void
fill (FerryDashboard *self)
{
  FerryMigration *m = self->shown;
  const char *name = ferry_migration_get_entity_name (m);
  const char *error = ferry_migration_get_error_message (m);
  FerryMigrationStage stage = ferry_migration_stage_from_migration (m);
  /* TRANSLATORS: details subtitle, "TRANSFER_IN_PROGRESS · Transferring" */
  g_autofree char *subtitle = g_strdup_printf (_ ("%s · %s"), ferry_migration_get_state (m),
                                               ferry_migration_stage_get_label (stage));

  gtk_label_set_label (self->details_title,
                       name != NULL ? name : ferry_migration_get_entity_id (m));
  /* Selectable (so focusable) only once it holds a name: an empty focus stop says nothing. */
  gtk_label_set_selectable (self->details_title, TRUE);
  gtk_label_set_label (self->details_subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->details_title), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_subtitle), TRUE);
  gtk_label_set_label (self->details_error, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_error), error != NULL && error[0] != '\0');
  fill_settings (self, m);
}

static gboolean
fill_idle (gpointer user_data)
{
  FerryDashboard *self = user_data;

  self->shown_events_id = 0;
  if (self->shown != NULL)
    fill (self);
  return G_SOURCE_REMOVE;
}

/* The notifications of one poll come one property at a time: fill once after them. */
static void
on_shown_notify (FerryDashboard *self)
{
  if (self->shown_events_id == 0)
    self->shown_events_id = g_idle_add (fill_idle, self);
}

void
_ferry_dashboard_show_details (FerryDashboard *self, FerryMigration *m)
{
  if (self->shown == m)
    return;
  if (self->shown != NULL)
    {
      g_clear_signal_handler (&self->shown_notify_id, self->shown);
      g_clear_object (&self->shown);
    }
  g_clear_handle_id (&self->shown_events_id, g_source_remove);
  if (m == NULL)
    {
      if (self->timeline != NULL)
        gtk_list_box_bind_model (self->timeline, NULL, NULL, NULL, NULL);
      if (self->details_stack != NULL)
        gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }
  self->shown = g_object_ref (m);
  /* One handler for all properties: notifications of one poll are frozen into one burst. */
  self->shown_notify_id
      = g_signal_connect_swapped (m, "notify", G_CALLBACK (on_shown_notify), self);
  gtk_list_box_bind_model (self->timeline, ferry_migration_get_events (m), create_row, NULL, NULL);
  fill (self);
  gtk_stack_set_visible_child_name (self->details_stack, "details");
}
