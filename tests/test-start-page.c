/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-start-page.c: the start page driven from the keyboard as a new user would, under Xvfb
 * against the simulator: where the focus goes, Enter after a failure and after a cancelled trust
 * dialog, the connecting status in view, a stale error, a saved connection for a URL argument.
 * The cursor blinks here (unlike in test-connect), so that a lost focus-out shows as a warning,
 * which GTest makes fatal. */
#include "config.h"

#include "test-connect-common.h"

static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* The focus is @widget or inside it (an entry row focuses its text). */
static gboolean
focus_in (Fixture *f, GtkWidget *widget)
{
  GtkWidget *focus = focus_widget (f);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

#define assert_focus_in(f, widget)                                                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    GtkWidget *focus_ = focus_widget (f);                                                          \
    if (!focus_in ((f), (widget)))                                                                 \
      g_error ("%s:%d: the focus is on %s (%s), not in %s", __FILE__, __LINE__,                    \
               focus_ ? G_OBJECT_TYPE_NAME (focus_) : "nothing",                                   \
               focus_ ? gtk_widget_get_name (focus_) : "", #widget);                               \
  }                                                                                                \
  G_STMT_END

/* Enter in the focused field, as a user presses it. */
static void
press_enter (Fixture *f)
{
  GtkWidget *focus = focus_widget (f);

  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
}

static gboolean
busy (gpointer data)
{
  return ferry_start_page_get_busy (((Fixture *)data)->start);
}

static gboolean
error_shown (gpointer data)
{
  Fixture *f = data;

  return !ferry_start_page_get_busy (f->start) && error_text (f) != NULL;
}

/* A new window on the fixture's stores, as at launch. */
static void
reopen_window (Fixture *f)
{
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  f->window = g_object_new (FERRY_TYPE_WINDOW, "settings", f->settings, "connections",
                            f->connections, "credentials", f->credentials, NULL);
  g_object_ref_sink (f->window);
  f->start = ferry_window_get_start_page (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_a_little ();
}

static FerryConnection *
add_saved (Fixture *f, const char *server, const char *user, gboolean trusted)
{
  g_autoptr (FerryConnection) connection = ferry_connection_new (server, user, NULL);

  if (trusted)
    ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (f->sim));
  return ferry_connection_store_add (f->connections, connection);
}

/* Lets the cursor blink timer run (1.2 s a blink) long enough to notice a lost focus-out. */
static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  /* One dispatch at a time: with a spinner spinning there is always a frame to draw, and on a
   * slow run (valgrind) draining the loop would never end. */
  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* At launch the focus is in the first empty field; with saved connections, on the first. */
static void
test_first_focus (Fixture *f, gconstpointer data)
{
  assert_focus_in (f, START_CHILD (f, "server_row"));

  add_saved (f, "hcx-a.example.com", SIM_USER, FALSE);
  add_saved (f, "hcx-b.example.com", SIM_USER, FALSE);
  reopen_window (f);
  assert_focus_in (f, saved_row (f, 0));

  /* `ferry https://new.example.com`: the next empty field is the user name. */
  ferry_window_open_server (f->window, "https://new.example.com");
  assert_focus_in (f, START_CHILD (f, "user_row"));
}

/* Enter connects again after a failed try: the default widget survives the busy state; the
 * focus moved off the field before it turned insensitive, so no focus-out is lost. */
static void
test_enter_after_failure (Fixture *f, gconstpointer data)
{
  FerryConnectionSession *first;

  fill_form (f, "127.0.0.1:1", SIM_USER, "x", FALSE);
  gtk_widget_grab_focus (START_CHILD (f, "password_row"));
  press_enter (f);
  iterate_until (busy, f); /* the button it activates clicks a moment later */
  first = ferry_start_page_get_session (f->start);
  iterate_until (error_shown, f);
  iterate_for (3000);

  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (f->window))
                 == START_CHILD (f, "connect_button"));
  /* The focus is on Connect after this failure; back in the field, Enter tries again. */
  gtk_widget_grab_focus (START_CHILD (f, "password_row"));
  press_enter (f);
  iterate_until (busy, f);
  g_assert_true (ferry_start_page_get_session (f->start) != first);
  iterate_until (error_shown, f);
  iterate_for (3000);
}

/* The unreachable server is said once; the socket error is there, folded away. */
static void
test_error_said_once (Fixture *f, gconstpointer data)
{
  GtkWidget *expander = START_CHILD (f, "error_expander");

  fill_form (f, "127.0.0.1:1", SIM_USER, "x", FALSE);
  click_connect (f);
  assert_error_contains (f, "127.0.0.1:1");
  g_assert_true (gtk_widget_get_visible (expander));
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (START_CHILD (f, "error_details"))), !=, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (START_CHILD (f, "error_details"))), !=,
                   error_text (f));
}

/* Editing the form marks the error stale; the next attempt's own error is not. */
static void
test_stale_error (Fixture *f, gconstpointer data)
{
  GtkWidget *revealer = START_CHILD (f, "error_revealer");

  fill_form (f, "127.0.0.1:1", SIM_USER, "x", FALSE);
  click_connect (f);
  g_assert_nonnull (error_text (f));
  g_assert_false (gtk_widget_has_css_class (revealer, "stale"));

  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "server_row")), "127.0.0.1:2");
  g_assert_true (gtk_widget_has_css_class (revealer, "stale"));

  click_connect (f);
  assert_error_contains (f, "127.0.0.1:2");
  g_assert_false (gtk_widget_has_css_class (revealer, "stale"));
}

/* Cancel in the trust dialog puts the focus back; Enter then asks again. */
static void
test_enter_after_cancelled_trust (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);

  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  gtk_widget_grab_focus (START_CHILD (f, "password_row"));
  press_enter (f);
  iterate_until (dialog_shown, NULL);
  /* The dialog's first focus is on its buttons, not on the details. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (find_dialog ()));

    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Cancel");
  }
  answer_dialog ("cancel");
  assert_focus_in (f, START_CHILD (f, "password_row"));
  g_assert_false (ferry_start_page_get_busy (f->start));

  press_enter (f);
  iterate_until (dialog_shown, NULL);
  answer_dialog ("trust");
  iterate_until (on_sites_page, f);
}

/* With saved connections at the default size, "Connecting to …" and its Cancel button are
 * scrolled into view, on one line. */
static void
test_status_in_view (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  GtkWidget *scroller, *cancel, *status;
  g_autofree char *status_text = NULL;
  FerryConnection *sim;
  graphene_rect_t bounds;
  int width, height;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *server = g_strdup_printf ("hcx-%u.example.com", i);

      add_saved (f, server, SIM_USER, FALSE);
    }
  sim = add_saved (f, url, SIM_USER, TRUE);
  reopen_window (f);
  scroller = START_CHILD (f, "scroller");
  cancel = START_CHILD (f, "cancel_button");
  status = START_CHILD (f, "status_label");
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 760);

  /* The state a connect is in while the server has not answered (the page's own progress, so
   * that no network timing can end it early). */
  status_text = g_strdup_printf ("Connecting to %s…", ferry_connection_get_server (sim));
  ferry_start_page_set_progress (f->start, status_text);
  g_assert_true (ferry_start_page_get_busy (f->start));
  iterate_until (is_mapped, cancel);
  iterate_for (1500); /* a few frames: laid out, then scrolled */

  g_assert_true (gtk_widget_compute_bounds (cancel, scroller, &bounds));
  g_test_message ("Cancel at y %.0f, height %.0f; the page shows %d", bounds.origin.y,
                  bounds.size.height, gtk_widget_get_height (scroller));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
  /* One line. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "Connecting to"));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (status))), ==, 1);
  assert_focus_in (f, cancel);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->start), "start.cancel", NULL));
  g_assert_false (ferry_start_page_get_busy (f->start));
}

/* `ferry https://host` with a saved connection for that server uses it: the user is not asked
 * for again (only the password, which no keyring holds here). */
static void
test_open_saved_server (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  FerryConnection *saved;

  saved = add_saved (f, url, SIM_USER, TRUE);
  ferry_window_open_server (f->window, url);
  iterate_until (idle_or_dialog, f);
  g_assert_null (find_dialog ());
  g_assert_true (ferry_connection_session_get_connection (ferry_start_page_get_session (f->start))
                 == saved);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "user_row"))), ==,
                   SIM_USER);
  g_assert_cmpstr (
      adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (START_CHILD (f, "form_group"))), ==,
      "Saved Connection");
  assert_error_contains (f, "password");
  assert_focus_in (f, START_CHILD (f, "password_row"));

  /* Type the password, Enter: connected. */
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "password_row")), SIM_PASSWORD);
  press_enter (f);
  iterate_until (on_sites_page, f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    g_error ("no display");
  adw_init ();
  /* The cursor blinks, as on a desktop (see the top of this file). */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", TRUE, NULL);

#define ADD(path, func)                                                                            \
  g_test_add ("/start-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("first-focus", test_first_focus);
  ADD ("enter-after-failure", test_enter_after_failure);
  ADD ("error-said-once", test_error_said_once);
  ADD ("stale-error", test_stale_error);
  ADD ("enter-after-cancelled-trust", test_enter_after_cancelled_trust);
  ADD ("status-in-view", test_status_in_view);
  ADD ("open-saved-server", test_open_saved_server);
#undef ADD

  return g_test_run ();
}
