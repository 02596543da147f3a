/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the connect widget tests (test-connect.c, test-connect-nokeyring.c):
 * a FerryWindow on injected stores, driving its widgets and waiting for the main loop. */
#pragma once

#include <adwaita.h>
#include <libsecret/secret.h>
#include <string.h>

#include "ferry-test-require.h"
#include "ferry-test-sim.h"
#include "ferry-window.h"

#define SIM_USER "cloudadmin@vsphere.local"
#define SIM_PASSWORD "VMware1!"

typedef struct
{
  FerrySimThread *sim;
  GSettings *settings;
  FerryConnectionStore *connections;
  FerryCredentialStore *credentials;
  FerryWindow *window;
  FerryStartPage *start;
} Fixture;

/* The isolated dirs hide the system MIME database (reset per test); without it SVG icons
 * cannot be recognised. */
G_GNUC_UNUSED static void
use_system_mime_database (void)
{
  const char *mime_dirs[] = { "/usr/share/mime", NULL };

  g_content_type_set_mime_dirs (mime_dirs);
}

G_GNUC_UNUSED static void
iterate_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC * ferry_test_time_factor ();

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the UI");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

G_GNUC_UNUSED static void
iterate_a_little (void)
{
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

G_GNUC_UNUSED static GtkWidget *
child (gpointer widget, GType type, const char *name)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));

  g_assert_nonnull (found);
  return found;
}

#define START_CHILD(f, name) child ((f)->start, FERRY_TYPE_START_PAGE, (name))

G_GNUC_UNUSED static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const FerrySimOptions *options = data;
  FerrySimOptions defaults = { 0 };

  use_system_mime_database ();
  f->sim = ferry_test_sim_start (options != NULL ? options : &defaults);
  f->settings = g_settings_new ("io.github.ferry_hcx.Ferry");
  g_settings_reset (f->settings, "connections");
  f->connections = ferry_connection_store_new (f->settings);
  f->credentials = ferry_credential_store_new ();
  f->window = g_object_new (FERRY_TYPE_WINDOW, "settings", f->settings, "connections",
                            f->connections, "credentials", f->credentials, NULL);
  g_object_ref_sink (f->window);
  f->start = ferry_window_get_start_page (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_a_little ();
}

G_GNUC_UNUSED static GtkWindow *
find_dialog (void)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

G_GNUC_UNUSED static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

G_GNUC_UNUSED static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static void
count_clicks (GtkButton *button, guint *clicks)
{
  (*clicks)++;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
clicked (gpointer data)
{
  return *(guint *)data > 0;
}

/* Activates @button as Enter or Space would; GtkButton emits "clicked" a moment later. */
G_GNUC_UNUSED static void
click (GtkWidget *button)
{
  g_autoptr (GtkWidget) held = g_object_ref (button); /* a dialog button goes with its dialog */
  guint clicks = 0;
  gulong id = g_signal_connect (held, "clicked", G_CALLBACK (count_clicks), &clicks);

  /* A button only acts once it is on screen (realized), as for a user. */
  iterate_until (is_mapped, held);
  g_assert_true (gtk_widget_is_sensitive (held));
  g_assert_true (gtk_widget_activate (held));
  iterate_until (clicked, &clicks);
  g_signal_handler_disconnect (held, id);
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Waits for a message dialog and clicks the button of @response (a real activation: the dialog
 * responds and closes itself). */
G_GNUC_UNUSED static void
answer_dialog (const char *response)
{
  GtkWindow *dialog;
  GtkWidget *button;

  iterate_until (dialog_shown, NULL);
  dialog = find_dialog ();
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  button
      = find_button (GTK_WIDGET (dialog),
                     adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response));
  g_assert_nonnull (button);
  click (button);
  iterate_until (no_dialog, NULL);
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (dialog);
  /* Without a window manager no focus-out arrives; drop the focus before destroying. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  iterate_a_little ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  iterate_a_little ();
  g_clear_object (&f->connections);
  g_clear_object (&f->credentials);
  g_clear_object (&f->settings);
  g_clear_pointer (&f->sim, ferry_sim_thread_stop);
}

G_GNUC_UNUSED static void
fill_form (Fixture *f, const char *server, const char *user, const char *password,
           gboolean remember)
{
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "server_row")), server);
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "user_row")), user);
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "password_row")), password);
  gtk_switch_set_active (GTK_SWITCH (START_CHILD (f, "remember_switch")), remember);
}

G_GNUC_UNUSED static gboolean
not_busy (gpointer data)
{
  Fixture *f = data;

  return !ferry_start_page_get_busy (f->start) && find_dialog () == NULL;
}

G_GNUC_UNUSED static gboolean
idle_or_dialog (gpointer data)
{
  Fixture *f = data;

  return !ferry_start_page_get_busy (f->start);
}

/* Clicks Connect and waits until the attempt is over or a dialog asks something. */
G_GNUC_UNUSED static void
click_connect (Fixture *f)
{
  click (START_CHILD (f, "connect_button"));
  iterate_until (idle_or_dialog, f);
}

G_GNUC_UNUSED static gboolean
sites_checked (gpointer data)
{
  Fixture *f = data;
  FerrySitePage *page = ferry_window_get_site_page (f->window);

  return page != NULL && !ferry_site_page_get_loading (page) && !ferry_site_page_get_checking (page)
         && ferry_site_page_get_report (page) != NULL;
}

G_GNUC_UNUSED static gboolean
on_sites_page (gpointer data)
{
  Fixture *f = data;

  const char *page = ferry_window_get_visible_page (f->window);

  /* Connected, the only site pair is chosen and the dashboard is the home page; the site page
   * is what the header bar's site pair button (win.show-sites) leads to. */
  if (g_strcmp0 (page, "dashboard") == 0 && sites_checked (f))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sites", NULL));
  return g_strcmp0 (ferry_window_get_visible_page (f->window), "sites") == 0 && sites_checked (f);
}

G_GNUC_UNUSED static const char *
error_text (Fixture *f)
{
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (START_CHILD (f, "error_revealer"))))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (START_CHILD (f, "error_label")));
}

/* Asserts that the start page shows an error mentioning @part. */
#define assert_error_contains(f, part)                                                             \
  G_STMT_START                                                                                     \
  {                                                                                                \
    const char *shown_ = error_text (f);                                                           \
    if (shown_ == NULL || strstr (shown_, (part)) == NULL)                                         \
      g_error ("%s:%d: the page shows “%s” (page %s), not something with “%s”", __FILE__,          \
               __LINE__, shown_ ? shown_ : "(no error)",                                           \
               ferry_window_get_visible_page ((f)->window), (part));                               \
  }                                                                                                \
  G_STMT_END

G_GNUC_UNUSED static void
disconnect (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.disconnect", NULL));
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  g_assert_null (ferry_window_get_site_page (f->window));
}

/* The saved-connection rows of the start page. */
G_GNUC_UNUSED static GtkWidget *
saved_row (Fixture *f, guint index)
{
  GtkListBoxRow *row
      = gtk_list_box_get_row_at_index (GTK_LIST_BOX (START_CHILD (f, "saved_list")), index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

G_GNUC_UNUSED static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

G_GNUC_UNUSED static char *
sim_server (Fixture *f)
{
  return g_strdup (ferry_sim_thread_get_url (f->sim));
}
