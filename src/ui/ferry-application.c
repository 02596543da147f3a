/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-application.h"
#include "ferry-window.h"

struct _FerryApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  FerryConnectionStore *connections;
  FerryCredentialStore *credentials;
};

G_DEFINE_FINAL_TYPE (FerryApplication, ferry_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[]
    = { { "simulator", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
          N_ ("Start the built-in HCX Manager simulator and connect to it"), NULL },
        { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
          N_ ("Show the version and exit"), NULL },
        { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, NULL },
        { NULL } };

static FerryWindow *
ferry_application_ensure_window (FerryApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (FERRY_IS_WINDOW (window))
    return FERRY_WINDOW (window);

  return ferry_window_new (self);
}

static void
ferry_application_activate (GApplication *app)
{
  FerryWindow *window = ferry_application_ensure_window (FERRY_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static int
ferry_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
ferry_application_command_line (GApplication *app, GApplicationCommandLine *cmdline)
{
  FerryApplication *self = FERRY_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree const char **remaining = NULL;
  FerryWindow *window;
  gboolean simulator = FALSE;

  g_variant_dict_lookup (options, "simulator", "b", &simulator);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&s", &remaining);

  if (remaining != NULL && remaining[0] != NULL && remaining[1] != NULL)
    {
      g_application_command_line_printerr (cmdline, "%s\n", _ ("Give at most one server address."));
      return 1;
    }

  window = ferry_application_ensure_window (self);
  gtk_window_present (GTK_WINDOW (window));

  if (simulator)
    ferry_window_start_simulator (window);
  else if (remaining != NULL && remaining[0] != NULL)
    ferry_window_open_server (window, remaining[0]);

  return 0;
}

static void
ferry_application_about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  FerryApplication *self = user_data;
  static const char *developers[] = { "The Ferry contributors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (
      ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", TRUE, "application-name",
      _ ("Ferry"), "application-icon", APPLICATION_ID, "version", PACKAGE_VERSION, "comments",
      _ ("Plan and track VMware HCX migrations"), "developer-name", _ ("The Ferry contributors"),
      "developers", developers, "copyright", "© 2026 The Ferry contributors", "license-type",
      GTK_LICENSE_GPL_3_0, "website", PACKAGE_WEBSITE, "issue-url", PACKAGE_WEBSITE "/issues",
      "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
ferry_application_quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  FerryApplication *self = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close windows properly so that each saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", ferry_application_about_action },
  { "quit", ferry_application_quit_action },
};

static void
ferry_application_startup (GApplication *app)
{
  FerryApplication *self = FERRY_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (ferry_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);
  ferry_window_set_accels (GTK_APPLICATION (self));
}

static void
ferry_application_dispose (GObject *object)
{
  FerryApplication *self = FERRY_APPLICATION (object);

  g_clear_object (&self->connections);
  g_clear_object (&self->credentials);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ferry_application_parent_class)->dispose (object);
}

static void
ferry_application_class_init (FerryApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ferry_application_dispose;
  app_class->activate = ferry_application_activate;
  app_class->startup = ferry_application_startup;
  app_class->command_line = ferry_application_command_line;
  app_class->handle_local_options = ferry_application_handle_local_options;
}

static void
ferry_application_init (FerryApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _ ("[https://SERVER[:PORT]]"));
}

FerryApplication *
ferry_application_new (const char *application_id, GApplicationFlags flags)
{
  return g_object_new (FERRY_TYPE_APPLICATION, "application-id", application_id, "flags", flags,
                       "resource-base-path", "/io/github/ferry_hcx/Ferry", NULL);
}

/**
 * ferry_application_get_settings:
 *
 * Returns: (transfer none): the application's settings, created on first use
 */
GSettings *
ferry_application_get_settings (FerryApplication *self)
{
  g_return_val_if_fail (FERRY_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);

  return self->settings;
}

/**
 * ferry_application_get_connections:
 *
 * Returns: (transfer none): the saved connections, shared by all windows
 */
FerryConnectionStore *
ferry_application_get_connections (FerryApplication *self)
{
  g_return_val_if_fail (FERRY_IS_APPLICATION (self), NULL);

  if (self->connections == NULL)
    self->connections = ferry_connection_store_new (ferry_application_get_settings (self));

  return self->connections;
}

/**
 * ferry_application_get_credentials:
 *
 * Returns: (transfer none): the credential store, shared by all windows
 */
FerryCredentialStore *
ferry_application_get_credentials (FerryApplication *self)
{
  g_return_val_if_fail (FERRY_IS_APPLICATION (self), NULL);

  if (self->credentials == NULL)
    self->credentials = ferry_credential_store_new ();

  return self->credentials;
}
