/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ferry-application.h"
#include "ferry-test-require.h"
#include "ferry-window.h"

/* G_TEST_OPTION_ISOLATE_DIRS hides the system MIME database (reset for every test), without which
 * gdk-pixbuf cannot recognise SVG icons. */
static void
use_system_mime_database (void)
{
  const char *mime_dirs[] = { "/usr/share/mime", NULL };

  g_content_type_set_mime_dirs (mime_dirs);
}

static void
iterate_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!check (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
about_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static gboolean
shortcuts_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL;
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (data)) == NULL;
}

/* The header bar's main menu button. */
static GtkMenuButton *
window_menu_button (FerryWindow *window)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (window), FERRY_TYPE_WINDOW,
                                                   "primary_menu_button");

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  return GTK_MENU_BUTTON (button);
}

static FerryApplication *shared_app;

/* One registered application for the whole run, as in the real process. */
static FerryApplication *
create_app (void)
{
  if (shared_app == NULL)
    {
      g_autoptr (GError) error = NULL;

      shared_app = ferry_application_new ("io.github.ferry_hcx.Ferry.TestWindow",
                                          G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (shared_app), NULL, &error);
      g_assert_no_error (error);
      /* Keep it alive between tests although no window is open. */
      g_application_hold (G_APPLICATION (shared_app));
    }

  return g_object_ref (shared_app);
}

static FerryWindow *
open_window (FerryApplication *app)
{
  GList *windows;

  g_application_activate (G_APPLICATION (app));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_nonnull (windows);
  g_assert_true (FERRY_IS_WINDOW (windows->data));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (windows->data)));

  return FERRY_WINDOW (windows->data);
}

static void
close_all (FerryApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate_until (no_windows, app);
}

static void
test_window_opens (void)
{
  g_autoptr (FerryApplication) app = NULL;
  FerryWindow *window;

  use_system_mime_database ();

  app = create_app ();
  window = open_window (app);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ferry");
  g_assert_cmpstr (ferry_window_get_visible_page (window), ==, "start");
  /* Activating again presents the same window rather than opening a second one. */
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  close_all (app);
}

static void
test_window_about (void)
{
  g_autoptr (FerryApplication) app = NULL;
  AdwAboutWindow *about;
  FerryWindow *window;

  use_system_mime_database ();

  app = create_app ();
  window = open_window (app);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate_until (about_shown, NULL);

  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Ferry");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, PACKAGE_WEBSITE);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (about));
  close_all (app);
}

static void
test_window_shortcuts (void)
{
  g_autoptr (FerryApplication) app = NULL;
  GtkShortcutsWindow *overlay;
  FerryWindow *window;
  g_auto (GStrv) help_accels = NULL;
  g_auto (GStrv) quit_accels = NULL;
  g_auto (GStrv) close_accels = NULL;

  use_system_mime_database ();

  app = create_app ();
  window = open_window (app);

  /* The shortcuts window (ferry-shortcuts.ui in the resources) is not built with the window,
   * before its first frame, but when it is first asked for; the main menu's popover too. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_null (gtk_menu_button_get_popover (window_menu_button (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate_until (shortcuts_shown, NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == GTK_WINDOW (overlay));
  /* Asked for again, the same window. */
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate_until (shortcuts_shown, NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                 == overlay);

  /* The main menu still opens with its items. */
  gtk_menu_button_popup (window_menu_button (window));
  g_assert_nonnull (gtk_menu_button_get_popover (window_menu_button (window)));
  g_assert_nonnull (gtk_menu_button_get_menu_model (window_menu_button (window)));
  g_assert_cmpint (
      g_menu_model_get_n_items (gtk_menu_button_get_menu_model (window_menu_button (window))), ==,
      2);
  gtk_menu_button_popdown (window_menu_button (window));

  help_accels
      = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char *const *)help_accels, "<Control>question"));
  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char *const *)quit_accels, "<Control>q"));
  close_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  g_assert_true (g_strv_contains ((const char *const *)close_accels, "<Control>w"));

  gtk_window_close (GTK_WINDOW (overlay));
  close_all (app);
}

static void
test_window_state_saved (void)
{
  g_autoptr (FerryApplication) app = NULL;
  GSettings *settings;
  FerryWindow *window;
  int width, height;

  use_system_mime_database ();

  app = create_app ();
  settings = ferry_application_get_settings (app);
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 720);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* Restored from the settings. */
  window = open_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 720);

  /* Saved on close: Ctrl+W is window.close. */
  gtk_window_set_default_size (GTK_WINDOW (window), 880, 640);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  iterate_until (no_windows, app);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 880);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* And Ctrl+Q (app.quit) saves too. */
  window = open_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  close_all (app);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
}

typedef struct
{
  gboolean (*check) (FerryWindow *window);
  gboolean passed;
  gint64 deadline;
} CommandLineCheck;

static gboolean
command_line_check_cb (gpointer data)
{
  CommandLineCheck *check = g_object_get_data (G_OBJECT (data), "check");
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  if (windows != NULL && FERRY_IS_WINDOW (windows->data)
      && check->check (FERRY_WINDOW (windows->data)))
    check->passed = TRUE;
  else if (g_get_monotonic_time () < check->deadline)
    return G_SOURCE_CONTINUE;

  /* Destroying a window removes it from the application's list: destroy from a copy. */
  windows = g_list_copy (windows);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

/* Runs the application as `ferry ARG` until @check holds for its window (or 30 s pass). */
static void
run_command_line (const char *app_id, const char *arg, gboolean (*check_func) (FerryWindow *))
{
  g_autoptr (FerryApplication) app = ferry_application_new (
      app_id, G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *)"ferry", (char *)arg, NULL };
  CommandLineCheck check
      = { check_func, FALSE,
          g_get_monotonic_time () + 30 * G_USEC_PER_SEC * ferry_test_time_factor () };
  int status;

  g_object_set_data (G_OBJECT (app), "check", &check);
  g_timeout_add (50, command_line_check_cb, app);
  status = g_application_run (G_APPLICATION (app), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.passed);
}

static gboolean
server_prefilled (FerryWindow *window)
{
  GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (ferry_window_get_start_page (window)), FERRY_TYPE_START_PAGE, "server_row"));

  return g_strcmp0 (ferry_window_get_visible_page (window), "start") == 0
         && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), "hcx.example.com:8443") == 0;
}

/* `ferry https://host:port` opens the connect form for that server. */
static void
test_window_command_line_server (void)
{
  use_system_mime_database ();
  run_command_line ("io.github.ferry_hcx.Ferry.TestServer", "https://hcx.example.com:8443",
                    server_prefilled);
}

static gboolean
simulator_checked (FerryWindow *window)
{
  FerrySitePage *page = ferry_window_get_site_page (window);

  return g_strcmp0 (ferry_window_get_visible_page (window), "dashboard") == 0 && page != NULL
         && ferry_site_page_get_report (page) != NULL
         && ferry_connection_session_get_simulated (ferry_window_get_session (window))
         && ferry_prereq_report_all_available (ferry_site_page_get_report (page));
}

/* `ferry --simulator` lands connected to the embedded simulator, on its tracking dashboard (the
 * only site pair chosen) with a green prerequisite check. */
static void
test_window_command_line_simulator (void)
{
  use_system_mime_database ();
  run_command_line ("io.github.ferry_hcx.Ferry.TestSimulator", "--simulator", simulator_checked);
}

int
main (int argc, char *argv[])
{
  /* The isolated XDG dirs hide org.gnome.system.proxy (GIO's GNOME proxy resolver). */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    return ferry_test_run_no_display ("/window/display");
  adw_init ();
  /* No animations: libadwaita 1.2 keeps an AdwAnimation that is still playing when its widget
   * goes away alive for good (seen under the asan setup as a leaked AdwTimedAnimation and its
   * AdwCallbackAnimationTarget, created in a template's instance init), and every run then
   * takes the same path whatever the machine's load. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, "gtk-enable-animations",
                FALSE, NULL);

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/state-saved", test_window_state_saved);
  g_test_add_func ("/window/command-line/server", test_window_command_line_server);
  g_test_add_func ("/window/command-line/simulator", test_window_command_line_simulator);

  return g_test_run ();
}
