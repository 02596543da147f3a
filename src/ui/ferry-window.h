/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-application.h"
#include "ferry-connection-store.h"
#include "ferry-credential-store.h"
#include "ferry-dashboard.h"
#include "ferry-site-page.h"
#include "ferry-start-page.h"
#include "ferry-wizard.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WINDOW (ferry_window_get_type ())
G_DECLARE_FINAL_TYPE (FerryWindow, ferry_window, FERRY, WINDOW, AdwApplicationWindow)

FerryWindow *
ferry_window_new (FerryApplication *application);
void
ferry_window_set_accels (GtkApplication *application);
void
ferry_window_start_simulator (FerryWindow *self);
void
ferry_window_open_server (FerryWindow *self, const char *address);
void
ferry_window_add_toast (FerryWindow *self, const char *message);
/* The header bar's subtitle (what the window works on: the connection, or the export a plan
 * is made offline from); the start page clears it. */
void
ferry_window_set_subtitle (FerryWindow *self, const char *subtitle);
const char *
ferry_window_get_subtitle (FerryWindow *self);
const char *
ferry_window_get_visible_page (FerryWindow *self);
FerryStartPage *
ferry_window_get_start_page (FerryWindow *self);
/* NULL until connected */
FerrySitePage *
ferry_window_get_site_page (FerryWindow *self);
FerryConnectionSession *
ferry_window_get_session (FerryWindow *self);
/* The migration wizard: opens it on @plan (NULL: the one open, or a new plan). */
void
ferry_window_open_wizard (FerryWindow *self, FerryPlan *plan);
/* NULL until opened */
FerryWizard *
ferry_window_get_wizard (FerryWindow *self);
FerryPlanStore *
ferry_window_get_plan_store (FerryWindow *self);
/* The tracking dashboard (win.show-dashboard), NULL until connected; its tracker is what a
 * started plan should follow (ferry_migration_tracker_follow_group). */
FerryDashboard *
ferry_window_get_dashboard (FerryWindow *self);

G_END_DECLS
