/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-dashboard-private.h: what the dashboard's files share, and what its tests look at.
 *   ferry-dashboard.c          the page: summary, actions, cancel, export, notifications
 *   ferry-dashboard-list.c     the column view: columns, cells, sort, filter, search
 *   ferry-dashboard-notices.c  notifications, toasts and the prerequisite banner
 *   ferry-dashboard-details.c  the selected migration: settings, errors, timeline */
#pragma once

#include "ferry-dashboard.h"
#include "ferry-progress-chart.h"

G_BEGIN_DECLS

struct _FerryDashboard
{
  AdwBin parent_instance;

  FerryMigrationTracker *tracker;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;
  GtkCustomFilter *filter;
  GPtrArray *pulsing; /* GtkProgressBar of rows whose percentage is unknown */
  guint pulse_id;
  GPtrArray *rate_items;      /* GtkListItem (not owned) of the throughput and time-left columns */
  GHashTable *stale_items;    /* GtkListItem (not owned) off screen whose migration changed */
  GdkFrameClock *stale_clock; /* while cells are stale: after each frame, those now shown */
  gulong stale_paint_id;
  guint clock_id;        /* the live ETA, every second */
  FerryMigration *shown; /* in the details pane */
  gulong shown_notify_id;
  guint shown_events_id; /* idle that refills the details after a burst of notifications */
  char *search_key;      /* case-folded search text, or NULL */
  int stage_filter;      /* FerryMigrationStage, or -1 for all */
  char *plan_filter;     /* plan name, "" = started from Ferry, NULL = all */
  int focus_override;    /* tests: -1 real focus, 0 not focused, 1 focused */
  guint n_resorts;       /* tests: times the order was restored after a poll */
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;

  /* what the last notification said (tests) */
  char *last_notice_title;
  gboolean last_notice_was_toast;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkRevealer *reconnect_revealer;
  GtkLabel *reconnect_label;
  GtkRevealer *prereq_revealer;
  GtkLabel *prereq_label;
  GtkButton *migrate_button;
  GtkSearchEntry *search_entry;
  GtkDropDown *state_dropdown;
  GtkDropDown *plan_dropdown;
  GtkStringList *plan_names;
  GtkFlowBox *counts_box;
  GtkLabel *count_labels[FERRY_MIGRATION_N_STAGES];
  GtkProgressBar *overall_bar;
  GtkFlowBox *facts_box;
  GtkLabel *bytes_label;
  GtkLabel *throughput_label;
  GtkLabel *eta_label;
  GtkLabel *updated_label;
  FerryProgressChart *chart;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkStack *details_stack;
  GtkLabel *details_title;
  GtkLabel *details_subtitle;
  GtkLabel *details_error;
  GtkGrid *settings_grid;
  GtkListBox *timeline;
};

/* list.c */
void
_ferry_dashboard_setup_list (FerryDashboard *self);
void
_ferry_dashboard_list_updated (FerryDashboard *self);
void
_ferry_dashboard_pulse_stop (FerryDashboard *self);
void
_ferry_dashboard_list_stop (FerryDashboard *self);
/* Sorts again if a poll put rows out of order; TRUE if it did. */
gboolean
_ferry_dashboard_resort (FerryDashboard *self);

/* notices.c */
void
_ferry_dashboard_connect_notices (FerryDashboard *self);
/* The VM's name, else its id. */
const char *
_ferry_dashboard_vm_name (FerryMigration *m);

/* details.c */
void
_ferry_dashboard_show_details (FerryDashboard *self, FerryMigration *migration);
char *
_ferry_format_time (gint64 ms, gboolean with_date);
char *
_ferry_format_duration (gint64 seconds);
/* "Updated just now", "Updated 20 s ago" (10 s steps under a minute), "Updated 3 min ago". */
char *
_ferry_format_updated (gint64 seconds_ago);
char *
_ferry_format_window (FerryMigration *migration);

/* Writes the CSV report of the listed migrations (what the file chooser leads to). */
void
_ferry_dashboard_export_to (FerryDashboard *self, GFile *file);

/* For tests. */
/* The migration a list cell shows, or NULL. */
FerryMigration *
_ferry_dashboard_cell_get_migration (GtkWidget *cell);
GtkColumnView *
_ferry_dashboard_get_column_view (FerryDashboard *self);
GtkLabel *
_ferry_dashboard_get_count_label (FerryDashboard *self, FerryMigrationStage stage);
void
_ferry_dashboard_set_focus_override (FerryDashboard *self, int focused);
guint
_ferry_dashboard_get_n_resorts (FerryDashboard *self);
const char *
_ferry_dashboard_get_last_notice (FerryDashboard *self, gboolean *was_toast);

G_END_DECLS
