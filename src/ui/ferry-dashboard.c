/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-dashboard.c: the page, its summary, actions, cancel and export. */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-dashboard-private.h"
#include "ferry-migration-report.h"

G_DEFINE_FINAL_TYPE (FerryDashboard, ferry_dashboard, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_TRACKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The summary's order (Other only when there is one). */
static const FerryMigrationStage summary_stages[] = {
  FERRY_MIGRATION_STAGE_QUEUED,    FERRY_MIGRATION_STAGE_TRANSFERRING,
  FERRY_MIGRATION_STAGE_WAITING,   FERRY_MIGRATION_STAGE_SWITCHING,
  FERRY_MIGRATION_STAGE_COMPLETED, FERRY_MIGRATION_STAGE_FAILED,
  FERRY_MIGRATION_STAGE_CANCELLED, FERRY_MIGRATION_STAGE_CANCELLING,
  FERRY_MIGRATION_STAGE_OTHER,
};

/* ---- Summary ---- */

char *
_ferry_format_updated (gint64 seconds_ago)
{
  g_autofree char *span = NULL;

  if (seconds_ago < 10)
    return g_strdup (_ ("Updated just now"));
  /* In steps of 10 s under a minute: a label that changes every second draws the eye (and
   * costs a relayout) for nothing. */
  span = _ferry_format_duration (seconds_ago < 60 ? seconds_ago / 10 * 10 : seconds_ago);
  /* TRANSLATORS: "Updated 2 min ago" */
  return g_strdup_printf (_ ("Updated %s ago"), span);
}

static void
update_eta (FerryDashboard *self)
{
  const FerryTrackerSummary *s = ferry_migration_tracker_get_summary (self->tracker);
  gint64 now = g_get_real_time ();
  g_autofree char *text = NULL;

  if (s->total == 0)
    text = g_strdup ("");
  else if (s->active == 0)
    text = g_strdup (_ ("All finished"));
  else if (s->eta < 0)
    text = g_strdup (_ ("Time left unknown"));
  else
    {
      gint64 left = MAX (s->eta - now, 0) / G_USEC_PER_SEC;
      g_autofree char *left_text = _ferry_format_duration (left);
      g_autofree char *when = _ferry_format_time (s->eta / 1000, left > 20 * 3600);

      /* TRANSLATORS: "About 1 h 05 min left (finishes 03:12)" */
      text = g_strdup_printf (_ ("About %s left (at %s)"), left_text, when);
    }
  ferry_accessible_set_label_or_hide (self->eta_label, text);

  if (ferry_migration_tracker_get_last_success (self->tracker) > 0)
    {
      gint64 ago
          = (now - ferry_migration_tracker_get_last_success (self->tracker)) / G_USEC_PER_SEC;
      g_autofree char *label = _ferry_format_updated (ago);

      ferry_accessible_set_label_or_hide (self->updated_label, label);
    }
  else
    ferry_accessible_set_label_or_hide (self->updated_label, NULL);
}

static gboolean
on_clock (gpointer user_data)
{
  update_eta (FERRY_DASHBOARD (user_data));
  return G_SOURCE_CONTINUE;
}

static void
update_summary (FerryDashboard *self)
{
  const FerryTrackerSummary *s = ferry_migration_tracker_get_summary (self->tracker);
  g_autofree char *done = g_format_size (s->bytes_transferred);
  g_autofree char *total = g_format_size (s->bytes_total);
  g_autofree char *bytes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (summary_stages); i++)
    {
      FerryMigrationStage stage = summary_stages[i];
      g_autofree char *n = g_strdup_printf ("%u", s->counts[stage]);
      GtkWidget *child
          = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->count_labels[stage])));

      gtk_label_set_label (self->count_labels[stage], n);
      /* Red only when something failed: a red 0 reads as an alarm. */
      if (stage == FERRY_MIGRATION_STAGE_FAILED && s->counts[stage] > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->count_labels[stage]), "dashboard-failed");
      else if (stage == FERRY_MIGRATION_STAGE_FAILED)
        gtk_widget_remove_css_class (GTK_WIDGET (self->count_labels[stage]), "dashboard-failed");
      if (stage == FERRY_MIGRATION_STAGE_OTHER || stage == FERRY_MIGRATION_STAGE_CANCELLING)
        gtk_widget_set_visible (child, s->counts[stage] > 0);
    }

  if (s->bytes_total > 0)
    {
      double fraction = CLAMP ((double)s->bytes_transferred / (double)s->bytes_total, 0, 1);
      g_autofree char *pct = g_strdup_printf ("%.0f %%", fraction * 100);

      gtk_progress_bar_set_fraction (self->overall_bar, fraction);
      gtk_progress_bar_set_show_text (self->overall_bar, TRUE);
      gtk_progress_bar_set_text (self->overall_bar, pct);
    }
  else
    {
      gtk_progress_bar_set_fraction (self->overall_bar, 0);
      gtk_progress_bar_set_show_text (self->overall_bar, FALSE);
    }
  if (s->total == 0)
    bytes = g_strdup (_ ("No migrations"));
  else if (s->unknown_totals > 0)
    /* TRANSLATORS: "1.2 TB of 3.4 TB moved (2 sizes unknown)" */
    bytes = g_strdup_printf (ngettext ("%s of %s moved (%u size unknown)",
                                       "%s of %s moved (%u sizes unknown)", s->unknown_totals),
                             done, total, s->unknown_totals);
  else
    /* TRANSLATORS: "1.2 TB of 3.4 TB moved" */
    bytes = g_strdup_printf (_ ("%s of %s moved"), done, total);
  gtk_label_set_label (self->bytes_label, bytes);

  if (s->throughput >= 0 && s->active > 0)
    {
      g_autofree char *rate = g_format_size ((guint64)s->throughput);
      /* TRANSLATORS: total throughput, "850 MB/s" */
      g_autofree char *text = g_strdup_printf (_ ("%s/s"), rate);

      ferry_accessible_set_label_or_hide (self->throughput_label, text);
    }
  else
    ferry_accessible_set_label_or_hide (self->throughput_label, NULL);
  update_eta (self);
}

static void
update_status (FerryDashboard *self)
{
  gboolean reconnecting
      = ferry_migration_tracker_get_status (self->tracker) == FERRY_TRACKER_STATUS_RECONNECTING;

  if (reconnecting)
    {
      gint64 last = ferry_migration_tracker_get_last_success (self->tracker);
      g_autofree char *when = last > 0 ? _ferry_format_time (last / 1000, FALSE) : NULL;
      g_autofree char *text = NULL;

      if (when != NULL)
        /* TRANSLATORS: "Reconnecting… The data shown is from 01:02:03. <server's error>" */
        text = g_strdup_printf (_ ("Reconnecting… The data shown is from %s. %s"), when,
                                ferry_migration_tracker_get_last_error (self->tracker));
      else
        text = g_strdup_printf (_ ("Reconnecting… %s"),
                                ferry_migration_tracker_get_last_error (self->tracker));
      gtk_label_set_label (self->reconnect_label, text);
    }
  gtk_revealer_set_reveal_child (self->reconnect_revealer, reconnecting);
}

static void
update_plans (FerryDashboard *self)
{
  g_auto (GStrv) names = ferry_migration_tracker_dup_plan_names (self->tracker);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan_names));
  gboolean same = n == g_strv_length (names) + 2;

  for (guint i = 0; same && names[i] != NULL; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->plan_names, i + 2), names[i]) == 0;
  if (same)
    return;
  gtk_string_list_splice (self->plan_names, 2, n - 2, (const char *const *)names);
}

static void
on_tracker_updated (FerryDashboard *self)
{
  update_summary (self);
  update_plans (self);
  update_status (self);
  _ferry_dashboard_list_updated (self);
}

/* ---- Actions ---- */

static GListModel *
selected_migrations (FerryDashboard *self)
{
  GListStore *list = g_list_store_new (FERRY_TYPE_MIGRATION);
  g_autoptr (GtkBitset) set
      = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint pos;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (G_LIST_MODEL (self->selection), pos);

      if (!ferry_migration_stage_is_finished (ferry_migration_stage_from_migration (m)))
        g_list_store_append (list, m);
    }
  return G_LIST_MODEL (list);
}

static void
update_actions (FerryDashboard *self)
{
  g_autoptr (GListModel) selected = selected_migrations (self);
  gboolean any = g_list_model_get_n_items (selected) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.cancel", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.force-cancel", any);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "dashboard.export",
      g_list_model_get_n_items (ferry_migration_tracker_get_migrations (self->tracker)) > 0);
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_dashboard_refresh (FERRY_DASHBOARD (widget));
}

typedef struct
{
  FerryDashboard *self; /* weak */
  GListModel *migrations;
  gboolean force;
} CancelData;

static void
cancel_data_free (CancelData *data)
{
  g_clear_weak_pointer (&data->self);
  g_clear_object (&data->migrations);
  g_free (data);
}

static void
on_cancel_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CancelData *data = user_data;
  g_autoptr (GError) error = NULL;

  if (!ferry_migration_tracker_cancel_finish (FERRY_MIGRATION_TRACKER (source), result, &error)
      && data->self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* TRANSLATORS: a toast, "Could not cancel: <the server's message>" */
      g_autofree char *text = g_strdup_printf (_ ("Could not cancel: %s"), error->message);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (data->self->toast_overlay, toast);
    }
  cancel_data_free (data);
}

static void
on_cancel_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  CancelData *data = user_data;

  /* Answered once: the data goes with this answer. */
  g_signal_handlers_disconnect_by_data (dialog, data);
  if (g_strcmp0 (response, "cancel-migrations") == 0 && data->self != NULL)
    {
      FerryDashboard *self = data->self;

      ferry_migration_tracker_cancel_async (self->tracker, data->migrations, data->force,
                                            self->cancellable, on_cancel_done, data);
      return;
    }
  cancel_data_free (data);
}

static void
ask_cancel (FerryDashboard *self, gboolean force)
{
  g_autoptr (GListModel) selected = selected_migrations (self);
  guint n = g_list_model_get_n_items (selected);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  CancelData *data;
  g_autofree char *heading = NULL;
  const char *body;

  if (n == 0)
    return;
  if (n == 1)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (selected, 0);

      heading = force ? g_strdup_printf (_ ("Force Cancel the Migration of %s?"),
                                         _ferry_dashboard_vm_name (m))
                      : g_strdup_printf (_ ("Cancel the Migration of %s?"),
                                         _ferry_dashboard_vm_name (m));
    }
  else
    heading
        = force
              ? g_strdup_printf (
                  ngettext ("Force Cancel %u Migration?", "Force Cancel %u Migrations?", n), n)
              : g_strdup_printf (ngettext ("Cancel %u Migration?", "Cancel %u Migrations?", n), n);
  if (force)
    body = _ ("Force cancel is for a migration that is stuck: HCX stops it at once, without a "
              "clean stop. The source VM stays where it is and keeps running. The partly "
              "copied target VM and its replicated data may be left on the destination site "
              "and need removing by hand.");
  else
    body = _ ("The source VM stays where it is and keeps running, unchanged. The partly copied "
              "target VM and its replicated data are removed from the destination site. A "
              "migration that is already switching over cannot be cancelled.");

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _ ("_Keep Migrating"),
                                    "cancel-migrations",
                                    force ? _ ("_Force Cancel") : _ ("_Cancel Migration"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-migrations",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  data = g_new0 (CancelData, 1);
  g_set_weak_pointer (&data->self, self);
  data->migrations = g_steal_pointer (&selected);
  data->force = force;
  g_signal_connect (dialog, "response", G_CALLBACK (on_cancel_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ask_cancel (FERRY_DASHBOARD (widget), g_str_equal (action_name, "dashboard.force-cancel"));
}

typedef struct
{
  FerryDashboard *self; /* weak */
  GFile *file;
} ExportData;

static void
on_report_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ExportData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *text = NULL;

  if (!ferry_migration_report_write_finish (result, &error))
    /* TRANSLATORS: "Could not save report.csv: <why>" */
    text = g_strdup_printf (_ ("Could not save %s: %s"), name, error->message);
  else
    /* TRANSLATORS: a toast, "Report saved as report.csv" */
    text = g_strdup_printf (_ ("Report saved as %s"), name);
  if (data->self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (data->self->toast_overlay, adw_toast_new (text));
  g_clear_weak_pointer (&data->self);
  g_object_unref (data->file);
  g_free (data);
}

void
_ferry_dashboard_export_to (FerryDashboard *self, GFile *file)
{
  ExportData *data = g_new0 (ExportData, 1);

  g_set_weak_pointer (&data->self, self);
  data->file = g_object_ref (file);
  ferry_migration_report_write_async (G_LIST_MODEL (self->sorted), self->tracker, file,
                                      self->cancellable, on_report_written, data);
}

static void
on_chooser_response (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  FerryDashboard *self = FERRY_DASHBOARD (user_data);
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    _ferry_dashboard_export_to (self, file);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryDashboard *self = FERRY_DASHBOARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "ferry-migrations-%Y%m%d-%H%M.csv");
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (
      _ ("Export Migration Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _ ("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
show_migration_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_dashboard_show_migration (FERRY_DASHBOARD (widget), g_variant_get_string (parameter, NULL));
}

static void
on_selection_changed (FerryDashboard *self)
{
  g_autoptr (GtkBitset) set
      = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr (FerryMigration) m = NULL;

  if (!gtk_bitset_is_empty (set))
    m = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (set));
  _ferry_dashboard_show_details (self, m);
  update_actions (self);
}

/* ---- Public ---- */

void
ferry_dashboard_refresh (FerryDashboard *self)
{
  g_return_if_fail (FERRY_IS_DASHBOARD (self));
  ferry_migration_tracker_refresh (self->tracker);
}

gboolean
ferry_dashboard_show_migration (FerryDashboard *self, const char *migration_id)
{
  guint n;

  g_return_val_if_fail (FERRY_IS_DASHBOARD (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (ferry_migration_get_migration_id (m), migration_id) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                                      i);
          return TRUE;
        }
    }
  return FALSE;
}

void
ferry_dashboard_show_plan (FerryDashboard *self, const char *plan_name)
{
  guint n;

  g_return_if_fail (FERRY_IS_DASHBOARD (self));

  if (plan_name == NULL)
    {
      gtk_drop_down_set_selected (self->plan_dropdown, 0);
      return;
    }
  update_plans (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->plan_names));
  for (guint i = 2; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->plan_names, i), plan_name) == 0)
      {
        gtk_drop_down_set_selected (self->plan_dropdown, i);
        return;
      }
  /* Not followed (yet): its migrations are those started from Ferry. */
  gtk_drop_down_set_selected (self->plan_dropdown, 1);
}

const char *
ferry_dashboard_get_plan_filter (FerryDashboard *self)
{
  g_return_val_if_fail (FERRY_IS_DASHBOARD (self), NULL);
  return self->plan_filter;
}

FerryMigrationTracker *
ferry_dashboard_get_tracker (FerryDashboard *self)
{
  g_return_val_if_fail (FERRY_IS_DASHBOARD (self), NULL);
  return self->tracker;
}

GtkWidget *
ferry_dashboard_new (FerryMigrationTracker *tracker)
{
  return g_object_new (FERRY_TYPE_DASHBOARD, "tracker", tracker, NULL);
}

GtkColumnView *
_ferry_dashboard_get_column_view (FerryDashboard *self)
{
  return self->column_view;
}

GtkLabel *
_ferry_dashboard_get_count_label (FerryDashboard *self, FerryMigrationStage stage)
{
  return self->count_labels[stage];
}

guint
_ferry_dashboard_get_n_resorts (FerryDashboard *self)
{
  return self->n_resorts;
}

void
_ferry_dashboard_set_focus_override (FerryDashboard *self, int focused)
{
  self->focus_override = focused;
}

const char *
_ferry_dashboard_get_last_notice (FerryDashboard *self, gboolean *was_toast)
{
  if (was_toast != NULL)
    *was_toast = self->last_notice_was_toast;
  return self->last_notice_title;
}

/* ---- GObject ---- */

static void
build_counts (FerryDashboard *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (summary_stages); i++)
    {
      FerryMigrationStage stage = summary_stages[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *value = gtk_label_new ("0");
      GtkWidget *caption = gtk_label_new (ferry_migration_stage_get_label (stage));

      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (box, "dashboard-count");
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      caption, NULL, -1);
      gtk_flow_box_append (self->counts_box, box);
      /* Figures to read, not items to pick: no focus stop per count. */
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
      self->count_labels[stage] = GTK_LABEL (value);
    }
}

static void
on_map (FerryDashboard *self)
{
  ferry_migration_tracker_start (self->tracker);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (1, on_clock, self);
}

static void
on_unmap (FerryDashboard *self)
{
  /* Polling goes on (notifications); only the seconds of the ETA stop. */
  g_clear_handle_id (&self->clock_id, g_source_remove);
}

static void
ferry_dashboard_constructed (GObject *object)
{
  FerryDashboard *self = FERRY_DASHBOARD (object);
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);
  const char *initial_plans[] = { _ ("All Plans"), _ ("Started from Ferry"), NULL };

  G_OBJECT_CLASS (ferry_dashboard_parent_class)->constructed (object);
  g_assert (self->tracker != NULL);

  gtk_string_list_append (states, _ ("All States"));
  for (guint i = 0; i < G_N_ELEMENTS (summary_stages); i++)
    gtk_string_list_append (states, ferry_migration_stage_get_label (summary_stages[i]));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  self->plan_names = GTK_STRING_LIST (gtk_drop_down_get_model (self->plan_dropdown));
  gtk_string_list_splice (self->plan_names, 0, 0, initial_plans);

  ferry_accessible_set_label_or_hide (self->prereq_label, NULL);
  build_counts (self);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->facts_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    gtk_widget_set_focusable (c, FALSE);
  ferry_progress_chart_set_tracker (self->chart, self->tracker);
  _ferry_dashboard_setup_list (self);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->tracker, "updated", G_CALLBACK (on_tracker_updated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tracker, "notify::status", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  _ferry_dashboard_connect_notices (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  on_tracker_updated (self);
  update_actions (self);
}

static void
ferry_dashboard_dispose (GObject *object)
{
  FerryDashboard *self = FERRY_DASHBOARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  _ferry_dashboard_pulse_stop (self);
  _ferry_dashboard_list_stop (self);
  _ferry_dashboard_show_details (self, NULL);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* The template's widgets are AdwBin's child, which its dispose unparents. */
  g_clear_object (&self->selection);
  g_clear_object (&self->tracker);
  G_OBJECT_CLASS (ferry_dashboard_parent_class)->dispose (object);
}

static void
ferry_dashboard_finalize (GObject *object)
{
  FerryDashboard *self = FERRY_DASHBOARD (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pulsing, g_ptr_array_unref);
  g_clear_pointer (&self->rate_items, g_ptr_array_unref);
  /* Cells torn down in the template's dispose may have queued an update. */
  _ferry_dashboard_list_stop (self);
  g_clear_pointer (&self->stale_items, g_hash_table_unref);
  g_free (self->search_key);
  g_free (self->plan_filter);
  g_free (self->last_notice_title);
  G_OBJECT_CLASS (ferry_dashboard_parent_class)->finalize (object);
}

static void
ferry_dashboard_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_TRACKER:
        g_value_set_object (value, FERRY_DASHBOARD (object)->tracker);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_dashboard_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_TRACKER:
        FERRY_DASHBOARD (object)->tracker = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard arrives on the page's first action, "Migrate Virtual Machines". */
static gboolean
ferry_dashboard_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (FERRY_DASHBOARD (widget)->migrate_button));
}

static void
ferry_dashboard_class_init (FerryDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ferry_dashboard_constructed;
  object_class->dispose = ferry_dashboard_dispose;
  object_class->finalize = ferry_dashboard_finalize;
  object_class->get_property = ferry_dashboard_get_property;
  object_class->set_property = ferry_dashboard_set_property;
  widget_class->grab_focus = ferry_dashboard_grab_focus;

  properties[PROP_TRACKER]
      = g_param_spec_object ("tracker", NULL, NULL, FERRY_TYPE_MIGRATION_TRACKER,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FERRY_TYPE_PROGRESS_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferry_hcx/Ferry/ferry-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, reconnect_revealer);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, reconnect_label);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, prereq_revealer);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, prereq_label);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, migrate_button);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, counts_box);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, facts_box);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, bytes_label);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, throughput_label);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, eta_label);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, updated_label);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, chart);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, column_view);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, details_stack);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, details_title);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, details_subtitle);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, details_error);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, settings_grid);
  gtk_widget_class_bind_template_child (widget_class, FerryDashboard, timeline);

  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "dashboard.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dashboard.force-cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "dashboard.show-migration", "s",
                                   show_migration_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "dashboard.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "dashboard.cancel", NULL);
}

static void
ferry_dashboard_init (FerryDashboard *self)
{
  self->stage_filter = -1;
  self->focus_override = -1;
  self->cancellable = g_cancellable_new ();
  self->pulsing = g_ptr_array_new ();
  self->rate_items = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
