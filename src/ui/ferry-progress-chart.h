/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-progress-chart.h: data moved over time, drawn with GtkSnapshot (no image, no library).
 *
 * One column per poll of the tracker's history (bytes transferred, filled), the total as a
 * line above; the newest value and the span are written on it. Redrawn on the tracker's
 * "updated". Its accessible description says the same in words. */
#pragma once

#include <gtk/gtk.h>

#include "ferry-migration-tracker.h"

G_BEGIN_DECLS

#define FERRY_TYPE_PROGRESS_CHART (ferry_progress_chart_get_type ())
G_DECLARE_FINAL_TYPE (FerryProgressChart, ferry_progress_chart, FERRY, PROGRESS_CHART, GtkWidget)

GtkWidget *
ferry_progress_chart_new (void);
/* "tracker" property */
FerryMigrationTracker *
ferry_progress_chart_get_tracker (FerryProgressChart *self);
void
ferry_progress_chart_set_tracker (FerryProgressChart *self, FerryMigrationTracker *tracker);
/* The text of the accessible description (also for tests). */
const char *
ferry_progress_chart_get_description (FerryProgressChart *self);

G_END_DECLS
