/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-window-private.h: what the window's files share
 *   ferry-window.c        the window: state, connecting, the simulator, the wizard, resuming
 *   ferry-window-pages.c  the pages and the way between them: the dashboard as the home page of
 *                         a connected manager, the site pair page, back, following started plans */
#pragma once

#include "ferry-sim-thread.h"
#include "ferry-window.h"

G_BEGIN_DECLS

struct _FerryWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  FerryConnectionStore *connections;
  FerryCredentialStore *credentials;

  FerryConnectionSession *session; /* logged in, or NULL */
  FerrySimThread *simulator;
  GCancellable *simulator_cancellable;
  gboolean simulator_starting;

  FerryStartPage *start_page;
  FerrySitePage *site_page;
  FerryDashboard *dashboard; /* with the session */
  gboolean home_ready;       /* a site pair is chosen: the dashboard is the home page */

  /* The migration wizard and its saved plans */
  FerryPlanStore *plan_store;
  FerryWizard *wizard;
  GCancellable *resume_cancellable;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkButton *site_button;
  GtkLabel *site_label;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  GtkStack *stack;
};

/* ferry-window-pages.c */
void
_ferry_window_update_actions (FerryWindow *self);
/* Shows the page called @name ("start", "sites", "dashboard", "wizard") with its title, back
 * button and header buttons. */
void
_ferry_window_show_page (FerryWindow *self, const char *name);
/* Home of the connected manager: the dashboard once a site pair is chosen, else the site page. */
void
_ferry_window_show_home (FerryWindow *self);
/* After connecting: the site page (choosing the pair, its prerequisites) and the dashboard. */
void
_ferry_window_add_pages (FerryWindow *self, FerryConnectionSession *session);
void
_ferry_window_remove_pages (FerryWindow *self);
/* The dashboard's tracker follows the group of @plan once it has started migrations. */
void
_ferry_window_follow_plan (FerryWindow *self, FerryPlan *plan);
void
_ferry_window_install_page_actions (GtkWidgetClass *widget_class);

G_END_DECLS
