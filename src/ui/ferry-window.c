/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-import.h"
#include "ferry-plan-start.h"
#include "ferry-window-private.h"

#define SIMULATOR_USER "cloudadmin@vsphere.local"
#define SIMULATOR_PASSWORD "VMware1!"

G_DEFINE_FINAL_TYPE (FerryWindow, ferry_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_CONNECTIONS,
  PROP_CREDENTIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Window state ---- */

static void
ferry_window_save_state (FerryWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* Keep the unmaximized size, so un-maximizing after a restart returns to it. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
ferry_window_restore_state (FerryWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 400));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
ferry_window_close_request (GtkWindow *window)
{
  ferry_window_save_state (FERRY_WINDOW (window));

  return GTK_WINDOW_CLASS (ferry_window_parent_class)->close_request (window);
}

/* ---- Pages ---- */

static void
ferry_window_show_start (FerryWindow *self)
{
  _ferry_window_show_page (self, "start");
}

static void
ferry_window_offer_resume (FerryWindow *self);

/* app.show-migration (a notification was clicked): the dashboard of a window that lists it. */
static void
show_migration_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *id = g_variant_get_string (parameter, NULL);

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      FerryWindow *window = FERRY_IS_WINDOW (l->data) ? l->data : NULL;

      if (window == NULL || window->dashboard == NULL)
        continue;
      if (ferry_dashboard_show_migration (window->dashboard, id))
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL);
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
    }
}

/* "application" is set after construction: add app.show-migration once it is known. */
static void
on_application_set (FerryWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GSimpleAction) action = NULL;

  if (app == NULL || g_action_map_lookup_action (G_ACTION_MAP (app), "show-migration") != NULL)
    return;
  action = g_simple_action_new ("show-migration", G_VARIANT_TYPE_STRING);
  g_signal_connect_object (action, "activate", G_CALLBACK (show_migration_activated), app, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
}

void
ferry_window_set_subtitle (FerryWindow *self, const char *subtitle)
{
  g_return_if_fail (FERRY_IS_WINDOW (self));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

const char *
ferry_window_get_subtitle (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);
  return adw_window_title_get_subtitle (self->window_title);
}

static void
start_page_connected_cb (FerryWindow *self, FerryConnectionSession *session)
{
  FerryConnection *connection = ferry_connection_session_get_connection (session);
  g_autofree char *subtitle = NULL;

  g_set_object (&self->session, session);
  _ferry_window_add_pages (self, session);

  if (ferry_connection_session_get_simulated (session))
    /* TRANSLATORS: window subtitle while connected to the built-in simulator */
    subtitle = g_strdup_printf (_ ("%s on the simulated HCX Manager"),
                                ferry_connection_get_user (connection));
  else
    subtitle = g_strdup (ferry_connection_get_title (connection));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* The site pairs first; the dashboard once one is chosen (ferry-window-pages.c). */
  _ferry_window_show_page (self, "sites");
  ferry_window_offer_resume (self);
}

/* ---- The migration wizard ---- */

static void
ferry_window_close_wizard (FerryWindow *self)
{
  if (self->wizard == NULL)
    return;
  if (self->plan_store != NULL)
    ferry_plan_store_flush (self->plan_store);
  gtk_stack_remove (self->stack, GTK_WIDGET (self->wizard));
  self->wizard = NULL;
}

static void
wizard_plan_imported_cb (FerryWindow *self, FerryPlan *plan);

void
ferry_window_open_wizard (FerryWindow *self, FerryPlan *plan)
{
  g_autoptr (FerryPlan) new_plan = NULL;
  FerryConnection *connection;
  FerryHcxClient *client;

  g_return_if_fail (FERRY_IS_WINDOW (self));

  if (self->session == NULL && plan == NULL)
    return; /* with no connection, only a plan made offline (ferry-import.c) */
  if (plan == NULL && self->wizard != NULL)
    {
      _ferry_window_show_page (self, "wizard");
      return;
    }
  ferry_window_close_wizard (self);
  if (plan == NULL)
    plan = new_plan = ferry_plan_new ();

  connection = self->session ? ferry_connection_session_get_connection (self->session) : NULL;
  client = self->session ? ferry_connection_session_get_client (self->session) : NULL;
  if (connection != NULL)
    ferry_plan_set_server (plan, ferry_connection_get_server (connection));
  if (client != NULL && ferry_hcx_client_get_endpoint_id (client) != NULL)
    ferry_plan_set_manager_id (plan, ferry_hcx_client_get_endpoint_id (client));

  self->wizard = FERRY_WIZARD (ferry_wizard_new (self->session, plan, self->plan_store));
  g_signal_connect_object (self->wizard, "plan-imported", G_CALLBACK (wizard_plan_imported_cb),
                           self, G_CONNECT_SWAPPED);
  ferry_import_attach_wizard (self, self->wizard);
  if (self->site_page != NULL)
    ferry_wizard_set_site (self->wizard, ferry_site_page_get_selected_site (self->site_page),
                           ferry_site_page_get_report (self->site_page));
  /* Once it starts migrations, the dashboard follows its group (also for a plan resumed after
   * a restart mid-start). */
  g_signal_connect_object (plan, "changed", G_CALLBACK (_ferry_window_follow_plan), self,
                           G_CONNECT_SWAPPED);
  _ferry_window_follow_plan (self, plan);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->wizard), "wizard");
  _ferry_window_show_page (self, "wizard");
}

static void
import_refused (FerryWindow *self, const char *message)
{
  GtkWidget *dialog
      = adw_message_dialog_new (GTK_WINDOW (self), _ ("The Plan Was Not Imported"), message);

  gtk_widget_set_name (dialog, "import-refused");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryPlan) plan = user_data;
  g_autoptr (GError) error = NULL;
  FerryWindow *self;

  if (!ferry_plan_store_check_import_finish (FERRY_PLAN_STORE (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = g_object_get_data (G_OBJECT (plan), "ferry-window");
  if (self == NULL || self->session == NULL)
    return;
  if (error != NULL)
    import_refused (self, error->message);
  else
    ferry_window_open_wizard (self, plan);
}

/* An imported plan replaces neither the open plan nor a saved one that has started
 * migrations (the store checks its file); else it opens in the wizard. */
static void
wizard_plan_imported_cb (FerryWindow *self, FerryPlan *plan)
{
  FerryPlan *open = self->wizard != NULL ? ferry_wizard_get_plan (self->wizard) : NULL;

  if (open != NULL && g_strcmp0 (ferry_plan_get_id (open), ferry_plan_get_id (plan)) == 0
      && ferry_plan_get_start_state (open) != FERRY_PLAN_START_NONE
      && (ferry_plan_get_start_state (plan) < ferry_plan_get_start_state (open)
          || ferry_plan_get_n_started (plan) < ferry_plan_get_n_started (open)))
    {
      import_refused (self, _ ("This is an earlier copy of the plan that is open, which has "
                               "started migrations. Ferry keeps the started plan as it is: its "
                               "migrations are on the dashboard."));
      return;
    }
  if (self->plan_store == NULL)
    {
      ferry_window_open_wizard (self, plan);
      return;
    }
  ferry_plan_store_flush (self->plan_store);
  g_object_set_data (G_OBJECT (plan), "ferry-window", self);
  ferry_plan_store_check_import_async (self->plan_store, plan, self->resume_cancellable,
                                       import_checked_cb, g_object_ref (plan));
}

static void
migrate_vms_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_window_open_wizard (FERRY_WINDOW (widget), NULL);
}

static void
resume_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  g_autoptr (FerryPlan) plan = g_object_steal_data (G_OBJECT (dialog), "ferry-plan");
  FerryWindow *self = FERRY_WINDOW (user_data);

  if (g_strcmp0 (response, "resume") == 0 && plan != NULL)
    ferry_window_open_wizard (self, plan);
}

static void
resumable_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryWindow *self;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) plan = NULL;
  g_autofree char *body = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  GtkWidget *dialog;

  plan = ferry_plan_store_find_resumable_finish (FERRY_PLAN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_WINDOW (user_data);
  if (plan == NULL && error == NULL && self->session != NULL && self->wizard == NULL)
    ferry_import_offer_offline_plan (self);
  if (plan == NULL || self->session == NULL || self->wizard != NULL)
    return;

  when = g_date_time_new_from_unix_local (ferry_plan_get_modified (plan) / 1000);
  when_text = when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("");
  body = g_strdup_printf (
      ngettext ("A migration plan with %u VM, last changed %s, was not finished. Continue "
                "where you left off?",
                "A migration plan with %u VMs, last changed %s, was not finished. Continue "
                "where you left off?",
                ferry_plan_get_n_items (plan)),
      ferry_plan_get_n_items (plan), when_text);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Resume the Unfinished Plan?"), body);
  gtk_widget_set_name (dialog, "resume-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _ ("_Not Now"), "resume",
                                    _ ("_Resume"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resume",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resume");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "ferry-plan", g_steal_pointer (&plan), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (resume_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* On connecting (at start or again later), offer the manager's unfinished plan. */
static void
ferry_window_offer_resume (FerryWindow *self)
{
  FerryConnection *connection = ferry_connection_session_get_connection (self->session);
  FerryHcxClient *client = ferry_connection_session_get_client (self->session);

  if (self->plan_store == NULL)
    return;
  g_cancellable_cancel (self->resume_cancellable);
  g_clear_object (&self->resume_cancellable);
  self->resume_cancellable = g_cancellable_new ();
  ferry_plan_store_find_resumable_async (self->plan_store, ferry_connection_get_server (connection),
                                         client != NULL ? ferry_hcx_client_get_endpoint_id (client)
                                                        : NULL,
                                         self->resume_cancellable, resumable_found_cb, self);
}

static void
disconnect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);

  if (self->session == NULL)
    return;

  ferry_window_close_wizard (self);
  _ferry_window_remove_pages (self);
  ferry_connection_session_disconnect (self->session);
  g_clear_object (&self->session);
  ferry_window_show_start (self);
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);

  if (self->dashboard != NULL
      && gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->dashboard))
    ferry_dashboard_refresh (self->dashboard);
  else if (self->site_page != NULL)
    ferry_site_page_refresh (self->site_page);
}

static void
new_connection_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);

  if (self->session != NULL)
    return; /* disconnect first (Alt+Left) */

  ferry_window_show_start (self);
  ferry_start_page_new_connection (self->start_page);
}

/* ---- The embedded simulator ---- */

static void
ferry_window_connect_simulator (FerryWindow *self)
{
  g_autoptr (FerryConnection) connection = NULL;
  g_autoptr (FerryConnectionSession) session = NULL;
  g_autoptr (GError) error = NULL;

  connection
      = ferry_connection_new (ferry_sim_thread_get_url (self->simulator), SIMULATOR_USER, &error);
  if (connection == NULL)
    {
      ferry_start_page_show_error (
          self->start_page, _ ("The simulated HCX Manager could not be used."), error->message);
      return;
    }

  /* Its certificate is known in-process: the trust prompt is answered already. */
  ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (self->simulator));
  session = ferry_connection_session_new (connection, NULL);
  ferry_connection_session_set_simulated (session, TRUE);
  ferry_start_page_connect (self->start_page, session, SIMULATOR_PASSWORD, FALSE);
}

static void
simulator_thread_func (GTask *task, gpointer source_object, gpointer task_data,
                       GCancellable *cancellable)
{
  FerrySimOptions options = { 0 };
  GError *error = NULL;
  FerrySimThread *simulator;

  options.n_vms = 500;
  options.speed = 10;
  simulator = ferry_sim_thread_start (&options, &error);
  if (simulator == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, simulator, (GDestroyNotify)ferry_sim_thread_stop);
}

static void
simulator_started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryWindow *self = FERRY_WINDOW (source);
  g_autoptr (GError) error = NULL;
  FerrySimThread *simulator;

  simulator = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->simulator_cancellable);
  self->simulator_starting = FALSE;
  _ferry_window_update_actions (self);
  /* Cancelled from the start page while it started: keep it for later, do not connect. */
  if (!ferry_start_page_get_busy (self->start_page))
    {
      if (simulator != NULL && self->simulator == NULL)
        self->simulator = simulator;
      else if (simulator != NULL)
        ferry_sim_thread_stop (simulator);
      return;
    }
  ferry_start_page_set_progress (self->start_page, NULL);

  if (simulator == NULL)
    {
      ferry_start_page_show_error (
          self->start_page, _ ("The simulated HCX Manager could not be started."), error->message);
      return;
    }

  if (self->simulator != NULL)
    ferry_sim_thread_stop (simulator);
  else
    self->simulator = simulator;

  ferry_window_connect_simulator (self);
}

void
ferry_window_start_simulator (FerryWindow *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (FERRY_IS_WINDOW (self));

  if (self->simulator_starting || ferry_start_page_get_busy (self->start_page))
    return;

  if (self->session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.disconnect", NULL);
  ferry_window_show_start (self);

  if (self->simulator != NULL)
    {
      ferry_window_connect_simulator (self);
      return;
    }

  self->simulator_starting = TRUE;
  _ferry_window_update_actions (self);
  ferry_start_page_set_progress (self->start_page, _ ("Starting the simulated HCX Manager…"));

  g_clear_object (&self->simulator_cancellable);
  self->simulator_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->simulator_cancellable, simulator_started_cb, NULL);
  g_task_set_source_tag (task, ferry_window_start_simulator);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, simulator_thread_func);
}

static void
start_simulator_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_window_start_simulator (FERRY_WINDOW (widget));
}

void
ferry_window_open_server (FerryWindow *self, const char *address)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *server = NULL;

  g_return_if_fail (FERRY_IS_WINDOW (self));
  g_return_if_fail (address != NULL);

  if (self->session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.disconnect", NULL);
  ferry_window_show_start (self);

  server = ferry_connection_normalize_server (address, &error);
  if (server != NULL)
    {
      /* A saved connection for that server is used as it is (no asking for the user again). */
      ferry_start_page_open_server (self->start_page, server);
      return;
    }
  ferry_start_page_fill (self->start_page, address, NULL);
  ferry_start_page_show_error (self->start_page, error->message, NULL);
}

/* ---- Built on first use, not before the first frame ---- */

/* The main menu's popover is made when it first opens: a menu model set at start-up builds
 * the whole popover and its items before the window is first drawn. */
static void
primary_menu_create_popup (GtkMenuButton *button, gpointer user_data)
{
  FerryWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The shortcuts window is built when it is first asked for. GtkApplication would build it
 * for every new window from gtk/help-overlay.ui, before the first frame. */
static void
show_help_overlay_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder
          = gtk_builder_new_from_resource ("/io/github/ferry_hcx/Ferry/ferry-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
ferry_window_add_lazy_parts (FerryWindow *self)
{
  g_autoptr (GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (help, "activate", G_CALLBACK (show_help_overlay_activated), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, primary_menu_create_popup, self,
                                         NULL);
}

/* ---- GObject ---- */

static void
ferry_window_constructed (GObject *object)
{
  FerryWindow *self = FERRY_WINDOW (object);

  G_OBJECT_CLASS (ferry_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  if (self->connections == NULL)
    self->connections = ferry_connection_store_new (self->settings);
  if (self->credentials == NULL)
    self->credentials = ferry_credential_store_new ();
  self->plan_store = ferry_plan_store_new (NULL);

  self->start_page = FERRY_START_PAGE (ferry_start_page_new (self->connections, self->credentials));
  g_signal_connect_object (self->start_page, "connected", G_CALLBACK (start_page_connected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->start_page), "start");
  ferry_window_show_start (self);

  ferry_window_restore_state (self);
  ferry_window_add_lazy_parts (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_set), NULL);
  on_application_set (self);
}

static void
ferry_window_dispose (GObject *object)
{
  FerryWindow *self = FERRY_WINDOW (object);

  g_cancellable_cancel (self->simulator_cancellable);
  g_clear_object (&self->simulator_cancellable);
  g_cancellable_cancel (self->resume_cancellable);
  g_clear_object (&self->resume_cancellable);
  if (self->plan_store != NULL)
    ferry_plan_store_flush (self->plan_store);
  self->wizard = NULL;
  g_clear_object (&self->plan_store);
  /* The template children belong to the parent class (window content / AdwBin child),
   * which disposes them; unparenting them here would leave it with dangling pointers. */
  self->start_page = NULL;
  self->site_page = NULL;
  self->dashboard = NULL;
  g_clear_object (&self->session);
  g_clear_pointer (&self->simulator, ferry_sim_thread_stop);
  g_clear_object (&self->connections);
  g_clear_object (&self->credentials);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ferry_window_parent_class)->dispose (object);
}

static void
ferry_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryWindow *self = FERRY_WINDOW (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        g_value_set_object (value, self->settings);
        break;
      case PROP_CONNECTIONS:
        g_value_set_object (value, self->connections);
        break;
      case PROP_CREDENTIALS:
        g_value_set_object (value, self->credentials);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerryWindow *self = FERRY_WINDOW (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        self->settings = g_value_dup_object (value);
        break;
      case PROP_CONNECTIONS:
        self->connections = g_value_dup_object (value);
        break;
      case PROP_CREDENTIALS:
        self->credentials = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_window_class_init (FerryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ferry_window_constructed;
  object_class->dispose = ferry_window_dispose;
  object_class->get_property = ferry_window_get_property;
  object_class->set_property = ferry_window_set_property;
  window_class->close_request = ferry_window_close_request;

  properties[PROP_SETTINGS]
      = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                 | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTIONS]
      = g_param_spec_object ("connections", NULL, NULL, FERRY_TYPE_CONNECTION_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIALS]
      = g_param_spec_object ("credentials", NULL, NULL, FERRY_TYPE_CREDENTIAL_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferry_hcx/Ferry/ferry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, site_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, site_label);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, stack);

  gtk_widget_class_install_action (widget_class, "win.disconnect", NULL, disconnect_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.new-connection", NULL, new_connection_action);
  gtk_widget_class_install_action (widget_class, "win.start-simulator", NULL,
                                   start_simulator_action);
  gtk_widget_class_install_action (widget_class, "win.migrate-vms", NULL, migrate_vms_action);
  _ferry_window_install_page_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.import-rvtools", NULL, ferry_import_action);
}

static void
ferry_window_init (FerryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FerryWindow *
ferry_window_new (FerryApplication *application)
{
  return g_object_new (FERRY_TYPE_WINDOW, "application", application, "settings",
                       ferry_application_get_settings (application), "connections",
                       ferry_application_get_connections (application), "credentials",
                       ferry_application_get_credentials (application), NULL);
}

void
ferry_window_set_accels (GtkApplication *application)
{
  static const char *back_accels[] = { "<Alt>Left", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  static const char *migrate_accels[] = { "<Control>m", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };

  gtk_application_set_accels_for_action (application, "win.go-back", back_accels);
  gtk_application_set_accels_for_action (application, "win.new-connection", new_accels);
  gtk_application_set_accels_for_action (application, "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (application, "win.migrate-vms", migrate_accels);
  gtk_application_set_accels_for_action (application, "win.import-rvtools", import_accels);
}

void
ferry_window_add_toast (FerryWindow *self, const char *message)
{
  g_return_if_fail (FERRY_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

const char *
ferry_window_get_visible_page (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

FerryStartPage *
ferry_window_get_start_page (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);
  return self->start_page;
}

FerrySitePage *
ferry_window_get_site_page (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);
  return self->site_page;
}

FerryDashboard *
ferry_window_get_dashboard (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);
  return self->dashboard;
}

FerryConnectionSession *
ferry_window_get_session (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);
  return self->session;
}

FerryWizard *
ferry_window_get_wizard (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);
  return self->wizard;
}

FerryPlanStore *
ferry_window_get_plan_store (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);
  return self->plan_store;
}
