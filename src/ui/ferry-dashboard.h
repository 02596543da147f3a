/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-migration-tracker.h"

G_BEGIN_DECLS

#define FERRY_TYPE_DASHBOARD (ferry_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (FerryDashboard, ferry_dashboard, FERRY, DASHBOARD, AdwBin)

/* The tracking dashboard (Migration Tracking): totals by state, the overall progress and a
 * chart, one row per migration, the selected one's timeline, cancel and force cancel, CSV
 * export, notifications. Everything comes from the tracker (construct-only "tracker"), which
 * the dashboard starts when it is mapped.
 *
 * Actions (on the widget): dashboard.refresh, dashboard.cancel, dashboard.force-cancel,
 * dashboard.export. "Migrate Virtual Machines" activates win.migrate-vms when it exists. */
GtkWidget *
ferry_dashboard_new (FerryMigrationTracker *tracker);
FerryMigrationTracker *
ferry_dashboard_get_tracker (FerryDashboard *self);
void
ferry_dashboard_refresh (FerryDashboard *self);
/* Selects (and shows the details of) the migration with that id; FALSE if it is not listed. */
gboolean
ferry_dashboard_show_migration (FerryDashboard *self, const char *migration_id);

G_END_DECLS
