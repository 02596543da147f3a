/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-site-page.c: the trust dialog and the Remote Site Connection page as read by a person:
 * dates, names, site types, tab stops, the shortcuts window. Under Xvfb against the simulator. */
#include "config.h"

#include "ferry-certificate-dialog.h"
#include "test-connect-common.h"

static void
test_distinguished_names (void)
{
  static const struct
  {
    const char *dn;
    const char *shown;
  } cases[] = {
    { "OU=HCX,O=Example,CN=hcx.example.com", "hcx.example.com\nO=Example, OU=HCX" },
    { "CN=hcx.example.com,O=Example,OU=HCX", "hcx.example.com\nO=Example, OU=HCX" },
    { "C=US,O=Example\\, Inc.,CN=hcx", "hcx\nO=Example\\, Inc., C=US" },
    { "CN=only", "only" },
    { "O=No Common Name", "O=No Common Name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ferry_certificate_dialog_format_name (cases[i].dn);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  g_assert_null (ferry_certificate_dialog_format_name (""));
  g_assert_null (ferry_certificate_dialog_format_name (NULL));
}

static const char *
row_value (GtkWidget *dialog, const char *row)
{
  GtkWidget *found = find_named (dialog, row);

  g_assert_nonnull (found);
  return gtk_label_get_text (GTK_LABEL (find_named (found, "value")));
}

/* The trust dialog: long dates, the common name first, details that are no tab stops. */
static void
test_trust_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  GtkWidget *dialog;
  const char *validity;
  g_autofree char *year = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (dialog_shown, NULL);
  dialog = GTK_WIDGET (find_dialog ());

  validity = row_value (dialog, "validity");
  g_test_message ("Valid: %s", validity);
  year = g_date_time_format (now, "%Y");
  g_assert_nonnull (strstr (validity, year)); /* four digits, not "26" */
  g_assert_null (strchr (validity, '/'));
  g_assert_true (g_str_has_prefix (row_value (dialog, "subject"), "hcx-sim"));
  g_assert_false (gtk_widget_get_focusable (find_named (dialog, "server")));
  g_assert_false (
      gtk_label_get_selectable (GTK_LABEL (find_named (find_named (dialog, "server"), "value"))));
  g_assert_true (gtk_label_get_selectable (
      GTK_LABEL (find_named (find_named (dialog, "fingerprint"), "value"))));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   FERRY_CERTIFICATE_RESPONSE_CANCEL);
  answer_dialog ("cancel");
}

/* Site types by name, the raw value in a tooltip; prerequisite rows are read, not tab stops. */
static void
test_site_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autoptr (FerryConnection) connection = ferry_connection_new (url, SIM_USER, NULL);
  FerrySitePage *page;
  GtkWidget *sites, *prereqs, *type;
  const char *tooltip;
  guint n = 0;

  ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (f->sim));
  ferry_connection_store_add (f->connections, connection);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  page = ferry_window_get_site_page (f->window);

  /* The keyboard starts on the site pairs. */
  sites = child (page, FERRY_TYPE_SITE_PAGE, "sites_list");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), sites));

  sites = child (page, FERRY_TYPE_SITE_PAGE, "sites_list");
  type = find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sites), 0)), "type");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (type)), ==, "Azure VMware Solution");
  tooltip = gtk_widget_get_tooltip_text (type);
  g_assert_nonnull (strstr (tooltip, "AVS"));

  prereqs = child (page, FERRY_TYPE_SITE_PAGE, "prereq_list");
  for (GtkWidget *row = gtk_widget_get_first_child (prereqs); row != NULL;
       row = gtk_widget_get_next_sibling (row), n++)
    g_assert_false (gtk_widget_get_focusable (row));
  g_assert_cmpuint (n, >=, 4);

  /* "Check Again" as its tooltip says it, and short back button tooltips: from the site page
   * back to the home page (the dashboard), from there Disconnect. */
  g_assert_cmpstr (
      gtk_widget_get_tooltip_text (child (page, FERRY_TYPE_SITE_PAGE, "refresh_button")), ==,
      "Check Again (Ctrl+R)");
  g_assert_cmpstr (
      gtk_widget_get_tooltip_text (child (f->window, FERRY_TYPE_WINDOW, "back_button")), ==,
      "Back to Migration Tracking");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "dashboard");
  g_assert_cmpstr (
      gtk_widget_get_tooltip_text (child (f->window, FERRY_TYPE_WINDOW, "back_button")), ==,
      "Disconnect");
  g_assert_true (gtk_widget_get_visible (child (f->window, FERRY_TYPE_WINDOW, "site_button")));
}

/* The shortcuts window files the prerequisite refresh under Remote Sites. */
static void
test_shortcuts (void)
{
  g_autoptr (GtkBuilder) builder
      = gtk_builder_new_from_resource ("/io/github/ferry_hcx/Ferry/ferry-shortcuts.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GtkWidget *refresh = NULL;
  g_autofree char *group_title = NULL;
  GtkWidget *group;

  g_assert_nonnull (overlay);
  for (GSList *l = gtk_builder_get_objects (builder); l != NULL; l = g_slist_delete_link (l, l))
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *action = NULL;

        g_object_get (l->data, "action-name", &action, NULL);
        if (g_strcmp0 (action, "win.refresh") == 0)
          refresh = l->data;
      }
  g_assert_nonnull (refresh);
  group = gtk_widget_get_ancestor (refresh, GTK_TYPE_SHORTCUTS_GROUP);
  g_assert_nonnull (group);
  g_object_get (group, "title", &group_title, NULL);
  g_assert_cmpstr (group_title, ==, "Remote Sites");
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    g_error ("no display");
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/site-page/distinguished-names", test_distinguished_names);
  g_test_add_func ("/site-page/shortcuts", test_shortcuts);
#define ADD(path, func)                                                                            \
  g_test_add ("/site-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("trust-dialog", test_trust_dialog);
  ADD ("site-rows", test_site_rows);
#undef ADD

  return g_test_run ();
}
