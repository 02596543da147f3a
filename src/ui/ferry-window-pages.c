/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-window-pages.c: the window's pages and the way between them.
 *
 * Connecting shows the site page while the site pairs load. As soon as a pair is chosen (the
 * only one, at once; else the one the user picks), the tracking dashboard becomes the home page
 * of that manager, as Migration Tracking is in HCX: "Migrate Virtual Machines" (Ctrl+M) opens
 * the wizard from it, closing the wizard comes back to it, and the site pair button in the
 * header bar (win.show-sites) leads to the pair and its prerequisite check, whose problems the
 * dashboard also shows in a banner. Back (the header's button, Alt+Left) goes from the wizard
 * and the site page to the home page, and from the home page disconnects. */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-plan-start.h"
#include "ferry-window-private.h"

static const struct
{
  const char *page;
  const char *title;
} page_titles[] = {
  { "start", N_ ("Ferry") },
  { "sites", N_ ("Remote Site Connection") },
  { "dashboard", N_ ("Migration Tracking") },
  { "wizard", N_ ("Migrate Virtual Machines") },
};

static const char *
visible_page (FerryWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* What back does on the page shown: NULL (nothing), "disconnect" or "home". */
static const char *
back_target (FerryWindow *self)
{
  const char *page = visible_page (self);

  if (self->session == NULL || g_strcmp0 (page, "start") == 0)
    return NULL;
  if (g_strcmp0 (page, "wizard") == 0 || (g_strcmp0 (page, "sites") == 0 && self->home_ready))
    return "home";
  return "disconnect";
}

static void
update_back_button (FerryWindow *self)
{
  const char *target = back_target (self);
  const char *label;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), target != NULL);
  if (target == NULL)
    return;
  if (g_str_equal (target, "disconnect"))
    label = _ ("Disconnect");
  else if (self->home_ready)
    label = _ ("Back to Migration Tracking");
  else
    label = _ ("Back to the Site Pairs");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static void
update_site_button (FerryWindow *self)
{
  FerrySite *site
      = self->site_page != NULL ? ferry_site_page_get_selected_site (self->site_page) : NULL;
  gboolean shown = site != NULL && g_strcmp0 (visible_page (self), "dashboard") == 0;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->site_button), shown);
  if (site == NULL)
    return;
  gtk_label_set_label (self->site_label, ferry_site_get_name (site));
  /* TRANSLATORS: tooltip of the header bar's site pair button; %s is the remote site */
  tooltip
      = g_strdup_printf (_ ("Site Pair to %s and Its Prerequisites"), ferry_site_get_name (site));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->site_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->site_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
}

void
_ferry_window_update_actions (FerryWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean connected = self->session != NULL;

  gtk_widget_action_set_enabled (widget, "win.disconnect", connected);
  gtk_widget_action_set_enabled (widget, "win.go-back", back_target (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.refresh", connected);
  gtk_widget_action_set_enabled (widget, "win.show-dashboard", connected);
  gtk_widget_action_set_enabled (widget, "win.show-sites", connected && self->site_page != NULL);
  gtk_widget_action_set_enabled (widget, "win.start-simulator", !self->simulator_starting);
  gtk_widget_action_set_enabled (widget, "win.migrate-vms", connected);
  gtk_widget_action_set_enabled (widget, "win.close-wizard", self->wizard != NULL);
  gtk_widget_action_set_enabled (widget, "win.track-plan",
                                 self->wizard != NULL && self->dashboard != NULL);
  update_back_button (self);
  update_site_button (self);
}

void
_ferry_window_show_page (FerryWindow *self, const char *name)
{
  gboolean was_shown = g_strcmp0 (visible_page (self), name) == 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  for (guint i = 0; i < G_N_ELEMENTS (page_titles); i++)
    if (g_str_equal (page_titles[i].page, name))
      adw_window_title_set_title (self->window_title, _ (page_titles[i].title));
  if (g_str_equal (name, "start"))
    adw_window_title_set_subtitle (self->window_title, NULL);
  _ferry_window_update_actions (self);

  /* The keyboard follows to the page shown (the hidden page may hold the focus). */
  if (!was_shown && g_str_equal (name, "dashboard") && self->dashboard != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->dashboard));
}

void
_ferry_window_show_home (FerryWindow *self)
{
  if (self->session == NULL)
    _ferry_window_show_page (self, "start");
  else if (self->home_ready && self->dashboard != NULL)
    _ferry_window_show_page (self, "dashboard");
  else if (self->site_page != NULL)
    _ferry_window_show_page (self, "sites");
}

/* ---- The site page and the dashboard of a session ---- */

static void
site_chosen_cb (FerryWindow *self)
{
  FerrySite *site = ferry_site_page_get_selected_site (self->site_page);

  if (site == NULL)
    return;
  if (self->dashboard != NULL)
    ferry_dashboard_set_site (self->dashboard, site, NULL);
  if (self->home_ready)
    {
      _ferry_window_update_actions (self);
      return;
    }
  /* The first choice after connecting: home, unless the user went elsewhere meanwhile (a
   * resumed wizard). */
  self->home_ready = TRUE;
  if (g_strcmp0 (visible_page (self), "sites") == 0)
    _ferry_window_show_page (self, "dashboard");
  else
    _ferry_window_update_actions (self);
}

static void
site_report_cb (FerryWindow *self)
{
  if (self->dashboard != NULL)
    ferry_dashboard_set_site (self->dashboard, ferry_site_page_get_selected_site (self->site_page),
                              ferry_site_page_get_report (self->site_page));
}

void
_ferry_window_add_pages (FerryWindow *self, FerryConnectionSession *session)
{
  FerryHcxClient *client = ferry_connection_session_get_client (session);

  _ferry_window_remove_pages (self);
  if (client != NULL)
    {
      g_autofree char *state_file
          = ferry_migration_tracker_default_state_file (ferry_hcx_client_get_host (client));
      g_autoptr (FerryMigrationTracker) tracker = ferry_migration_tracker_new (client, state_file);

      /* Every migration on the manager, resumed from the state file of that manager. */
      ferry_migration_tracker_set_show_all (tracker, TRUE);
      self->dashboard = FERRY_DASHBOARD (ferry_dashboard_new (tracker));
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->dashboard), "dashboard");
    }

  self->home_ready = FALSE;
  self->site_page = FERRY_SITE_PAGE (ferry_site_page_new (session));
  g_signal_connect_object (self->site_page, "notify::selected-site", G_CALLBACK (site_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->site_page, "notify::report", G_CALLBACK (site_report_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->site_page), "sites");
}

void
_ferry_window_remove_pages (FerryWindow *self)
{
  if (self->dashboard != NULL)
    {
      ferry_migration_tracker_stop (ferry_dashboard_get_tracker (self->dashboard));
      gtk_stack_remove (self->stack, GTK_WIDGET (self->dashboard));
      self->dashboard = NULL;
    }
  if (self->site_page != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->site_page, self);
      gtk_stack_remove (self->stack, GTK_WIDGET (self->site_page));
      self->site_page = NULL;
    }
  self->home_ready = FALSE;
}

/* ---- Started plans ---- */

/* The name the dashboard files a plan's migrations under: its own, or when it has none, when
 * it was created. */
static char *
plan_display_name (FerryPlan *plan)
{
  const char *name = ferry_plan_get_name (plan);
  g_autoptr (GDateTime) created = NULL;

  if (name != NULL && name[0] != '\0')
    return g_strdup (name);
  created = g_date_time_new_from_unix_local (ferry_plan_get_created (plan) / 1000);
  if (created != NULL && ferry_plan_get_created (plan) > 0)
    {
      g_autofree char *when = g_date_time_format (created, "%x %H:%M");

      /* TRANSLATORS: the name of an unnamed plan on the dashboard; %s is its creation time */
      return g_strdup_printf (_ ("Plan of %s"), when);
    }
  /* TRANSLATORS: the name of an unnamed plan on the dashboard; %.8s starts its group id */
  return g_strdup_printf (_ ("Plan %.8s"), ferry_plan_get_migration_group_id (plan));
}

void
_ferry_window_follow_plan (FerryWindow *self, FerryPlan *plan)
{
  static const char key[] = "ferry-window-followed";
  FerryMigrationTracker *tracker;
  g_autofree char *name = NULL;
  guint n_started;

  if (self->dashboard == NULL || plan == NULL
      || ferry_plan_get_start_state (plan) == FERRY_PLAN_START_NONE)
    return;
  /* Once per start state and count of started migrations: what they are is polled now, not at
   * the next discovery of new migrations. */
  n_started = ferry_plan_get_n_started (plan);
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (plan), key))
      == (n_started << 2 | ferry_plan_get_start_state (plan)))
    return;
  g_object_set_data (G_OBJECT (plan), key,
                     GUINT_TO_POINTER (n_started << 2 | ferry_plan_get_start_state (plan)));
  name = plan_display_name (plan);
  tracker = ferry_dashboard_get_tracker (self->dashboard);
  ferry_migration_tracker_follow_group (tracker, ferry_plan_get_migration_group_id (plan), name);
  ferry_migration_tracker_refresh (tracker);
}

/* win.track-plan: the dashboard, showing the migrations of the wizard's plan. */
static void
track_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);
  FerryPlan *plan = self->wizard != NULL ? ferry_wizard_get_plan (self->wizard) : NULL;
  g_autofree char *name = NULL;

  if (plan == NULL || self->dashboard == NULL)
    return;
  _ferry_window_follow_plan (self, plan);
  if (ferry_plan_get_start_state (plan) != FERRY_PLAN_START_NONE)
    {
      name = plan_display_name (plan);
      ferry_dashboard_show_plan (self->dashboard, name);
    }
  self->home_ready = TRUE;
  _ferry_window_show_page (self, "dashboard");
}

/* ---- Actions ---- */

static void
show_dashboard_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);

  if (self->dashboard == NULL)
    return;
  _ferry_window_show_page (self, "dashboard");
}

static void
show_sites_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);

  if (self->site_page == NULL)
    return;
  _ferry_window_show_page (self, "sites");
  ferry_site_page_focus_sites (self->site_page);
}

static void
close_wizard_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);

  /* The wizard stays (and its plan saved) until another is opened: "Migrate Virtual
   * Machines" comes back to it. */
  _ferry_window_show_home (self);
  /* A plan made offline (ferry-import.c) closes: it is saved, and offered on connecting. */
  if (self->session == NULL && self->wizard != NULL)
    {
      ferry_plan_store_flush (self->plan_store);
      gtk_stack_remove (self->stack, GTK_WIDGET (self->wizard));
      self->wizard = NULL;
      _ferry_window_update_actions (self);
    }
}

static void
go_back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);
  const char *target = back_target (self);

  if (g_strcmp0 (target, "disconnect") == 0)
    gtk_widget_activate_action (widget, "win.disconnect", NULL);
  else if (g_strcmp0 (target, "home") == 0 && g_strcmp0 (visible_page (self), "wizard") == 0)
    gtk_widget_activate_action (widget, "win.close-wizard", NULL);
  else if (target != NULL)
    _ferry_window_show_home (self);
}

void
_ferry_window_install_page_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.show-sites", NULL, show_sites_action);
  gtk_widget_class_install_action (widget_class, "win.close-wizard", NULL, close_wizard_action);
  gtk_widget_class_install_action (widget_class, "win.track-plan", NULL, track_plan_action);
}
