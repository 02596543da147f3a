/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-migration-tracker.h"
#include "ferry-prereq.h"
#include "ferry-site.h"

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
/* Filters the list by that plan (a name the tracker follows a group under; it is added to the
 * plan filter at once if the tracker has not polled since), or NULL for every plan. */
void
ferry_dashboard_show_plan (FerryDashboard *self, const char *plan_name);
/* The plan the list is filtered by: NULL for all, "" for every plan started from Ferry. */
const char *
ferry_dashboard_get_plan_filter (FerryDashboard *self);
/* The chosen site pair and its prerequisite check (NULL while unknown): migration types it does
 * not allow are named in a banner that leads to the site page (win.show-sites). */
void
ferry_dashboard_set_site (FerryDashboard *self, FerrySite *site, FerryPrereqReport *report);

G_END_DECLS
