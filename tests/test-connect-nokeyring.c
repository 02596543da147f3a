/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The connect flow with no Secret Service on the bus (tests/run-test.sh --nokeyring): Ferry
 * still works, keeps a remembered password in memory for the life of the process only, and
 * says why, once. */
#include "config.h"

#include "test-connect-common.h"

static gboolean
backend_known (gpointer data)
{
  Fixture *f = data;

  return ferry_credential_store_get_backend (f->credentials) != FERRY_CREDENTIAL_BACKEND_UNKNOWN;
}

static void
add_trusted_connection (Fixture *f)
{
  g_autofree char *url = sim_server (f);
  g_autoptr (FerryConnection) connection = ferry_connection_new (url, SIM_USER, NULL);

  ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (f->sim));
  ferry_connection_store_add (f->connections, connection);
}

static void
test_fallback (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autoptr (GVariant) value = NULL;
  g_autofree char *printed = NULL;
  GtkInfoBar *bar = GTK_INFO_BAR (START_CHILD (f, "keyring_bar"));
  const char *reason;

  /* The start page finds out at once, and says why. */
  iterate_until (backend_known, f);
  g_assert_cmpint (ferry_credential_store_get_backend (f->credentials), ==,
                   FERRY_CREDENTIAL_BACKEND_MEMORY);
  reason = ferry_credential_store_get_fallback_reason (f->credentials);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "no keyring service"));
  iterate_a_little ();
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (START_CHILD (f, "keyring_label"))), ==, reason);
  g_assert_nonnull (
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (START_CHILD (f, "remember_row"))),
              "memory only"));

  /* Connect and "remember": works, kept in memory. */
  add_trusted_connection (f);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, TRUE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  value = g_settings_get_value (f->settings, "connections");
  printed = g_variant_print (value, FALSE);
  g_assert_null (strstr (printed, SIM_PASSWORD));

  /* Said once: dismissed, it stays away for the rest of the run, in other windows too. */
  g_signal_emit_by_name (bar, "response", GTK_RESPONSE_CLOSE);
  g_assert_false (gtk_info_bar_get_revealed (bar));
  disconnect (f);
  {
    g_autoptr (FerryWindow) second
        = g_object_new (FERRY_TYPE_WINDOW, "settings", f->settings, "connections", f->connections,
                        "credentials", f->credentials, NULL);
    FerryStartPage *second_start;

    g_object_ref_sink (second);
    second_start = ferry_window_get_start_page (second);
    gtk_window_present (GTK_WINDOW (second));
    iterate_a_little ();
    g_assert_false (gtk_info_bar_get_revealed (
        GTK_INFO_BAR (child (second_start, FERRY_TYPE_START_PAGE, "keyring_bar"))));
    gtk_window_destroy (GTK_WINDOW (second));
  }

  /* Reconnect without typing, from memory. */
  g_assert_true (gtk_widget_activate (saved_row (f, 0)));
  iterate_until (idle_or_dialog, f);
  iterate_until (on_sites_page, f);
  g_assert_false (gtk_info_bar_get_revealed (bar));
}

/* After a restart (a new credential store) the password is gone: Ferry asks for it. */
static void
test_asks_after_restart (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autofree char *server = ferry_connection_normalize_server (url, NULL);

  add_trusted_connection (f);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, TRUE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  disconnect (f);

  /* "Restart": new window, new credential store, same saved connections. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->credentials);
  g_clear_object (&f->connections);
  f->connections = ferry_connection_store_new (f->settings);
  f->credentials = ferry_credential_store_new ();
  f->window = g_object_new (FERRY_TYPE_WINDOW, "settings", f->settings, "connections",
                            f->connections, "credentials", f->credentials, NULL);
  g_object_ref_sink (f->window);
  f->start = ferry_window_get_start_page (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_until (backend_known, f);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 1);
  /* The new process says why once again. */
  iterate_a_little ();
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (START_CHILD (f, "keyring_bar"))));
  g_assert_true (gtk_widget_activate (saved_row (f, 0)));
  iterate_until (idle_or_dialog, f);
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  assert_error_contains (f, "Enter the password");
  /* …and why it has to ask. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (START_CHILD (f, "error_details"))),
                            "no keyring service"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "server_row"))), ==,
                   server);

  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "password_row")), SIM_PASSWORD);
  click_connect (f);
  iterate_until (on_sites_page, f);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    return ferry_test_run_no_display ("/connect-nokeyring/display");
  adw_init ();
  /* No animations: libadwaita 1.2 keeps an AdwAnimation that is still playing when its widget
   * goes away alive for good (seen under the asan setup as a leaked AdwTimedAnimation and its
   * AdwCallbackAnimationTarget, created in a template's instance init), and every run then
   * takes the same path whatever the machine's load. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, "gtk-enable-animations",
                FALSE, NULL);

  g_test_add ("/connect-nokeyring/fallback", Fixture, NULL, fixture_set_up, test_fallback,
              fixture_tear_down);
  g_test_add ("/connect-nokeyring/asks-after-restart", Fixture, NULL, fixture_set_up,
              test_asks_after_restart, fixture_tear_down);

  return g_test_run ();
}
