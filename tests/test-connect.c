/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests of the start page and the Remote Site Connection page, under Xvfb, against the
 * simulator over HTTPS and a real unlocked gnome-keyring-daemon (tests/run-test.sh --keyring). */
#define _GNU_SOURCE
#include "config.h"

#include "test-connect-common.h"

static const SecretSchema test_schema = {
  FERRY_CREDENTIAL_SCHEMA_NAME,
  SECRET_SCHEMA_NONE,
  {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
  },
};

/* Reads the password straight from the keyring, as another Secret Service client would.
 * (Through the item API: secret_password_lookup_sync() leaks its D-Bus reply in libsecret
 * 0.20.5, which would hide real leaks under valgrind and ASan.) */
static char *
keyring_password (const char *server, const char *user)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SecretService) service = NULL;
  g_autoptr (GHashTable) attributes = NULL;
  GList *items;
  char *password = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  g_assert_no_error (error);
  attributes = secret_attributes_build (&test_schema, "server", server, "user", user, NULL);
  items = secret_service_search_sync (service, &test_schema, attributes, SECRET_SEARCH_UNLOCK, NULL,
                                      &error);
  g_assert_no_error (error);
  if (items != NULL)
    {
      SecretValue *value;

      g_assert_true (secret_item_load_secret_sync (items->data, NULL, &error));
      g_assert_no_error (error);
      value = secret_item_get_secret (items->data);
      if (value != NULL)
        {
          password = g_strdup (secret_value_get_text (value));
          secret_value_unref (value);
        }
    }
  g_list_free_full (items, g_object_unref);

  return password;
}

/* Every item of the default collection, whatever its schema, with its secret loaded. */
static GList *
keyring_all_items (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SecretService) service = NULL;
  g_autoptr (SecretCollection) collection = NULL;
  GList *items;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_LOAD_ITEMS, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  items = secret_collection_get_items (collection);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_assert_true (secret_item_load_secret_sync (l->data, NULL, &error));
      g_assert_no_error (error);
    }

  return items;
}

static gboolean
is_ferry_item_for (SecretItem *item, const char *server)
{
  g_autoptr (GHashTable) attributes = secret_item_get_attributes (item);
  g_autofree char *schema = secret_item_get_schema_name (item);

  return g_strcmp0 (schema, FERRY_CREDENTIAL_SCHEMA_NAME) == 0
         && g_strcmp0 (g_hash_table_lookup (attributes, "server"), server) == 0;
}

/* How many items of Ferry's schema the keyring holds for @server, for any user. (The keyring
 * lives as long as the test binary: earlier cases leave items for their own simulators.) */
static guint
keyring_ferry_items (const char *server)
{
  GList *items = keyring_all_items ();
  guint n = 0;

  for (GList *l = items; l != NULL; l = l->next)
    if (is_ferry_item_for (l->data, server))
      n++;
  g_list_free_full (items, g_object_unref);

  return n;
}

static gboolean
found_in_tree (const char *dir, const char *needle)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return FALSE;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (found_in_tree (path, needle))
            return TRUE;
        }
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (g_file_get_contents (path, &contents, &length, NULL)
              && memmem (contents, length, needle, strlen (needle)) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static void
sim_control (FerrySimThread *sim, const char *method, const char *path, const char *body)
{
  JsonNode *node = ferry_test_sim_control (sim, method, path, body);

  if (node != NULL)
    json_node_unref (node);
}

static gint64
sim_state_int (Fixture *f, const char *member)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (f->sim, "GET", "/__sim/state", NULL);

  return json_object_get_int_member (json_node_get_object (state), member);
}

/* The server part of the saved connection for the fixture's simulator. */
static char *
normalized_server (Fixture *f)
{
  g_autofree char *url = sim_server (f);

  return ferry_connection_normalize_server (url, NULL);
}

/* Adds a connection with the simulator's certificate trusted already. */
static FerryConnection *
add_trusted_connection (Fixture *f)
{
  g_autofree char *url = sim_server (f);
  g_autoptr (FerryConnection) connection = ferry_connection_new (url, SIM_USER, NULL);

  ferry_connection_set_fingerprint (connection, ferry_sim_thread_get_fingerprint (f->sim));
  return ferry_connection_store_add (f->connections, connection);
}

/* First connect: the trust dialog shows the certificate; trusting pins it and logs in; the
 * connection is saved (no password in GSettings) and the password is in the keyring only. */
static void
test_add_and_remember (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autofree char *server = normalized_server (f);
  g_autofree char *password = NULL;
  g_autofree char *printed = NULL;
  g_autoptr (GVariant) value = NULL;
  FerryConnection *saved;
  GtkWindow *dialog;
  GtkWidget *fingerprint;
  const char *dirs[] = { g_get_home_dir (), g_get_user_config_dir (), g_get_user_data_dir (),
                         g_get_user_cache_dir (), g_getenv ("FERRY_TEST_TMPDIR") };

  g_assert_false (gtk_widget_get_visible (START_CHILD (f, "saved_group")));
  fill_form (f, url, SIM_USER, SIM_PASSWORD, TRUE);
  click_connect (f);

  /* The trust dialog, with the server's real fingerprint. */
  iterate_until (dialog_shown, NULL);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Trust This Certificate?");
  fingerprint = find_named (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)),
                            "fingerprint");
  g_assert_nonnull (fingerprint);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (fingerprint, "value"))), ==,
                   ferry_sim_thread_get_fingerprint (f->sim));
  g_assert_nonnull (
      find_named (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)), "validity"));
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  answer_dialog ("trust");

  iterate_until (on_sites_page, f);
  g_assert_true (ferry_connection_session_get_connected (ferry_window_get_session (f->window)));

  /* Saved: server, user and the pinned fingerprint. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 1);
  saved = ferry_connection_store_find (f->connections, server, SIM_USER);
  g_assert_nonnull (saved);
  g_assert_true (ferry_hcx_fingerprint_equal (ferry_connection_get_fingerprint (saved),
                                              ferry_sim_thread_get_fingerprint (f->sim)));

  /* The password is in the keyring and nowhere else. */
  iterate_a_little ();
  password = keyring_password (server, SIM_USER);
  g_assert_cmpstr (password, ==, SIM_PASSWORD);
  value = g_settings_get_value (f->settings, "connections");
  printed = g_variant_print (value, FALSE);
  g_assert_nonnull (strstr (printed, server));
  g_assert_null (strstr (printed, SIM_PASSWORD));
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    if (dirs[i] != NULL)
      g_assert_false (found_in_tree (dirs[i], SIM_PASSWORD));

  /* The form was emptied; the saved list shows the connection. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "password_row"))), ==, "");
  disconnect (f);
  g_assert_true (gtk_widget_get_visible (START_CHILD (f, "saved_group")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (saved_row (f, 0))), ==,
                   server);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (saved_row (f, 0))), ==, SIM_USER);
}

/* A saved connection with a remembered password connects without typing and without a trust
 * prompt; then "forget" (after confirming) removes it and its keyring entry. */
static void
test_reconnect_and_forget (Fixture *f, gconstpointer data)
{
  g_autofree char *server = normalized_server (f);
  g_autofree char *password = NULL;
  GtkWidget *forget;
  gint64 logins, deadline;

  test_add_and_remember (f, data);
  logins = sim_state_int (f, "sessions");

  /* Activate the saved row: Enter on it, as a keyboard user would. */
  g_assert_true (gtk_widget_activate (saved_row (f, 0)));
  iterate_until (idle_or_dialog, f);
  g_assert_null (find_dialog ());
  iterate_until (on_sites_page, f);
  g_assert_cmpint (sim_state_int (f, "sessions"), >, logins);
  disconnect (f);

  /* Forget, but cancel first: nothing changes. */
  forget = find_named (saved_row (f, 0), "forget");
  g_assert_nonnull (forget);
  click (forget);
  iterate_until (dialog_shown, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (find_dialog ())), ==,
                   "Forget This Connection?");
  answer_dialog ("cancel");
  iterate_a_little ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 1);
  password = keyring_password (server, SIM_USER);
  g_assert_cmpstr (password, ==, SIM_PASSWORD);
  g_clear_pointer (&password, g_free);
  g_assert_cmpuint (keyring_ferry_items (server), ==, 1);

  forget = find_named (saved_row (f, 0), "forget");
  g_assert_nonnull (forget);
  click (forget);
  answer_dialog ("forget");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 0);
  g_assert_false (gtk_widget_get_visible (START_CHILD (f, "saved_group")));

  /* The keyring item goes with it (removed asynchronously): read back as another Secret Service
   * client would, until it is gone or the deadline passes. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC * ferry_test_time_factor ();
  while (keyring_ferry_items (server) > 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Forget left the password of %s in the keyring", server);
      iterate_a_little ();
    }
  password = keyring_password (server, SIM_USER);
  g_assert_null (password);
  g_assert_null (error_text (f));
}

/* The keyring item's label and attributes are readable without unlocking by anything that lists
 * the keyring: they name the server and the user, never the password. */
static void
test_item_holds_no_secret_outside (Fixture *f, gconstpointer data)
{
  g_autofree char *server = normalized_server (f);
  GList *items;
  guint found = 0;

  test_add_and_remember (f, data);

  items = keyring_all_items ();
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autofree char *label = secret_item_get_label (item);
      g_autoptr (GHashTable) attributes = secret_item_get_attributes (item);
      SecretValue *value = secret_item_get_secret (item);
      GHashTableIter iter;
      const char *key, *attribute;

      g_test_message ("item “%s”", label);
      if (strstr (label, SIM_PASSWORD) != NULL)
        g_error ("the password is in the keyring item's label “%s”", label);
      g_hash_table_iter_init (&iter, attributes);
      while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&attribute))
        if (strstr (key, SIM_PASSWORD) != NULL || strstr (attribute, SIM_PASSWORD) != NULL)
          g_error ("the password is in the keyring item's attribute %s=%s", key, attribute);

      if (is_ferry_item_for (item, server))
        {
          found++;
          /* The item that holds it: the password as its secret, found by server and user. */
          g_assert_nonnull (value);
          g_assert_cmpstr (secret_value_get_text (value), ==, SIM_PASSWORD);
          g_assert_cmpstr (g_hash_table_lookup (attributes, "server"), ==, server);
          g_assert_cmpstr (g_hash_table_lookup (attributes, "user"), ==, SIM_USER);
          g_assert_nonnull (strstr (label, server));
          g_assert_nonnull (strstr (label, SIM_USER));
        }
      g_clear_pointer (&value, secret_value_unref);
    }
  g_list_free_full (items, g_object_unref);
  g_assert_cmpuint (found, ==, 1);
}

/* Without "remember" the connection is saved but the password is not; reconnecting asks for it. */
static void
test_not_remembered (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autofree char *server = normalized_server (f);
  g_autofree char *password = NULL;

  add_trusted_connection (f);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  iterate_a_little ();
  password = keyring_password (server, SIM_USER);
  g_assert_null (password);
  disconnect (f);

  g_assert_true (gtk_widget_activate (saved_row (f, 0)));
  iterate_until (idle_or_dialog, f);
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  assert_error_contains (f, "Enter the password");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "server_row"))), ==,
                   server);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "user_row"))), ==,
                   SIM_USER);
  g_assert_true (gtk_widget_has_focus (START_CHILD (f, "password_row"))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                            START_CHILD (f, "password_row")));

  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "password_row")), SIM_PASSWORD);
  click_connect (f);
  iterate_until (on_sites_page, f);
}

static const char *sim_fingerprint_old;

static gboolean
sim_fingerprint_changed (gpointer data)
{
  Fixture *f = data;

  return !ferry_hcx_fingerprint_equal (ferry_sim_thread_get_fingerprint (f->sim),
                                       sim_fingerprint_old);
}

/* "Edit" puts a saved connection in the form, keeping its trusted certificate; an edit that
 * fails to log in replaces nothing. */
static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autofree char *server = normalized_server (f);
  g_autofree char *old_password = NULL;
  g_autofree char *new_password = NULL;
  FerryConnection *edited;
  GtkWidget *edit;

  test_add_and_remember (f, data);

  edit = find_named (saved_row (f, 0), "edit");
  g_assert_nonnull (edit);
  click (edit);
  g_assert_cmpstr (
      adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (START_CHILD (f, "form_group"))), ==,
      "Edit Connection");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "server_row"))), ==,
                   server);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "user_row"))), ==,
                   SIM_USER);

  /* Another spelling of the same server maps onto the same saved entry. */
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "server_row")),
                         ferry_sim_thread_get_url (f->sim));
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "password_row")), SIM_PASSWORD);
  click_connect (f);
  g_assert_null (find_dialog ()); /* still trusted */
  iterate_until (on_sites_page, f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 1);
  edited = ferry_connection_store_find (f->connections, server, SIM_USER);
  g_assert_nonnull (edited);
  disconnect (f);

  /* Now really change the user: the old entry and its password go, the new one is saved. */
  click (find_named (saved_row (f, 0), "edit"));
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "user_row")), "someone-else@vsphere.local");
  gtk_editable_set_text (GTK_EDITABLE (START_CHILD (f, "password_row")), SIM_PASSWORD);
  click_connect (f);
  g_assert_null (find_dialog ()); /* same server: the certificate stays trusted */
  /* The simulator rejects that user: the error is shown and nothing was replaced. */
  assert_error_contains (f, "did not accept the user name or password");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 1);
  g_assert_nonnull (ferry_connection_store_find (f->connections, server, SIM_USER));
  old_password = keyring_password (server, SIM_USER);
  g_assert_cmpstr (old_password, ==, SIM_PASSWORD);
  new_password = keyring_password (server, "someone-else@vsphere.local");
  g_assert_null (new_password);
}

/* A changed certificate refuses plainly; "Review Certificate" shows both fingerprints and
 * trusting the new one connects and pins it. */
static void
test_changed_certificate (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autofree char *old_fingerprint = NULL;
  g_autofree char *new_fingerprint = NULL;
  FerryConnection *connection;
  GtkWindow *dialog;
  GtkWidget *extra;

  connection = add_trusted_connection (f);
  old_fingerprint = g_strdup (ferry_connection_get_fingerprint (connection));

  sim_control (f->sim, "POST", "/__sim/certificate/rotate", "{}");
  /* The simulator publishes the new fingerprint from its own thread. */
  sim_fingerprint_old = old_fingerprint;
  iterate_until (sim_fingerprint_changed, f);
  new_fingerprint = g_strdup (ferry_sim_thread_get_fingerprint (f->sim));

  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  assert_error_contains (f, "certificate");
  assert_error_contains (f, "changed since you trusted it");
  g_assert_true (gtk_widget_get_visible (START_CHILD (f, "review_button")));
  /* What was typed is kept. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "password_row"))), ==,
                   SIM_PASSWORD);
  /* Still pinned to the old one. */
  g_assert_cmpstr (ferry_connection_get_fingerprint (connection), ==, old_fingerprint);

  click (START_CHILD (f, "review_button"));
  iterate_until (dialog_shown, NULL);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Certificate Changed");
  extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (ferry_hcx_fingerprint_equal (
      gtk_label_get_text (GTK_LABEL (find_named (find_named (extra, "fingerprint"), "value"))),
      new_fingerprint));
  g_assert_cmpstr (gtk_label_get_text (
                       GTK_LABEL (find_named (find_named (extra, "pinned-fingerprint"), "value"))),
                   ==, old_fingerprint);
  answer_dialog ("trust");

  iterate_until (on_sites_page, f);
  g_assert_true (
      ferry_hcx_fingerprint_equal (ferry_connection_get_fingerprint (connection), new_fingerprint));
}

typedef struct
{
  const char *name;
  const char *fault;  /* JSON for /__sim/faults, or NULL */
  const char *server; /* NULL: the simulator */
  const char *password;
  guint timeout;
  const char *expected;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "bad-credentials", NULL, NULL, "wrong-password", 0,
    "did not accept the user name or password" },
  { "forbidden", "{\"path\":\"/hybridity/api/sessions\",\"status\":403}", NULL, SIM_PASSWORD, 0,
    "may not use this HCX Manager" },
  { "server-error", "{\"path\":\"/hybridity/api/sessions\",\"status\":503}", NULL, SIM_PASSWORD, 0,
    "reported an internal error" },
  { "dropped", "{\"path\":\"/hybridity/api/sessions\",\"drop\":true}", NULL, SIM_PASSWORD, 0,
    "Could not reach" },
  { "timeout", "{\"path\":\"/hybridity/api/sessions\",\"latencyMs\":4000}", NULL, SIM_PASSWORD, 1,
    "did not answer in time" },
  { "unreachable", NULL, "127.0.0.1:1", SIM_PASSWORD, 0, "Could not reach" },
};

static gboolean
sites_idle (gpointer data)
{
  return !ferry_site_page_get_loading (FERRY_SITE_PAGE (data))
         && !ferry_site_page_get_checking (FERRY_SITE_PAGE (data));
}

/* Each failure from the client is shown inline, in words to act on, keeping what was typed. */
static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);

  add_trusted_connection (f);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      const char *server = c->server != NULL ? c->server : url;
      FerryConnectionSession *session;

      g_test_message ("case %s", c->name);
      if (c->fault != NULL)
        sim_control (f->sim, "POST", "/__sim/faults", c->fault);

      fill_form (f, server, SIM_USER, c->password, FALSE);
      if (c->timeout > 0)
        {
          /* Start, then shorten the client's timeout before the request gets anywhere. */
          click (START_CHILD (f, "connect_button"));
          session = ferry_start_page_get_session (f->start);
          ferry_connection_session_set_timeout (session, c->timeout);
          iterate_until (idle_or_dialog, f);
        }
      else
        {
          click_connect (f);
        }

      g_assert_null (find_dialog ());
      g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
      g_assert_nonnull (error_text (f));
      if (strstr (error_text (f), c->expected) == NULL)
        g_error ("%s: “%s” does not say “%s”", c->name, error_text (f), c->expected);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "server_row"))), ==,
                       server);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "user_row"))), ==,
                       SIM_USER);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "password_row"))), ==,
                       c->password);
      g_assert_false (gtk_widget_get_visible (START_CHILD (f, "review_button")));

      if (c->fault != NULL)
        sim_control (f->sim, "DELETE", "/__sim/faults", NULL);
    }

  /* And after all that, the right password works. */
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);

  /* Something that is not the HCX API (a proxy's HTML page) where the site pairs should be. */
  {
    FerrySitePage *page = ferry_window_get_site_page (f->window);
    AdwStatusPage *error_page = ADW_STATUS_PAGE (child (page, FERRY_TYPE_SITE_PAGE, "error_page"));

    sim_control (f->sim, "POST", "/__sim/faults",
                 "{\"path\":\"/hybridity/api/cloudConfigs\",\"html\":true}");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "site.reload", NULL));
    iterate_until (sites_idle, page);
    g_assert_cmpstr (
        gtk_stack_get_visible_child_name (GTK_STACK (child (page, FERRY_TYPE_SITE_PAGE, "stack"))),
        ==, "error");
    g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "does not understand"));

    sim_control (f->sim, "DELETE", "/__sim/faults", NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "site.reload", NULL));
    iterate_until (sites_idle, page);
    g_assert_cmpstr (
        gtk_stack_get_visible_child_name (GTK_STACK (child (page, FERRY_TYPE_SITE_PAGE, "stack"))),
        ==, "sites");
  }
}

static gboolean
busy (gpointer data)
{
  Fixture *f = data;

  return ferry_start_page_get_busy (f->start);
}

/* Connecting shows progress and can be cancelled; nothing is left behind. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);

  add_trusted_connection (f);
  sim_control (f->sim, "POST", "/__sim/faults",
               "{\"path\":\"/hybridity/api/sessions\",\"latencyMs\":3000}");
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click (START_CHILD (f, "connect_button"));
  iterate_until (busy, f);
  g_assert_true (gtk_widget_get_visible (START_CHILD (f, "spinner")));
  g_assert_true (gtk_widget_get_visible (START_CHILD (f, "cancel_button")));
  g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (START_CHILD (f, "status_label"))), "Connecting to"));
  g_assert_false (gtk_widget_get_sensitive (START_CHILD (f, "form_list")));

  click (START_CHILD (f, "cancel_button"));
  g_assert_false (ferry_start_page_get_busy (f->start));
  iterate_a_little ();
  g_assert_null (error_text (f));
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  g_assert_true (gtk_widget_get_sensitive (START_CHILD (f, "form_list")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "password_row"))), ==,
                   SIM_PASSWORD);
}

static FerryPrereqEntry *
prereq_entry (Fixture *f, FerryMigrationType type)
{
  return ferry_prereq_report_get_entry (
      ferry_site_page_get_report (ferry_window_get_site_page (f->window)), type);
}

/* The prerequisite row of @type as shown: "Available"/"Not Available" and its subtitle. */
static void
assert_prereq_row (Fixture *f, FerryMigrationType type, gboolean available,
                   const char *subtitle_part)
{
  FerrySitePage *page = ferry_window_get_site_page (f->window);
  GListModel *entries = ferry_prereq_report_get_entries (ferry_site_page_get_report (page));
  GtkListBox *list = GTK_LIST_BOX (child (page, FERRY_TYPE_SITE_PAGE, "prereq_list"));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (FerryPrereqEntry) entry = g_list_model_get_item (entries, i);
      GtkListBoxRow *row;
      const char *subtitle;

      if (ferry_prereq_entry_get_migration_type (entry) != type)
        continue;

      row = gtk_list_box_get_row_at_index (list, i);
      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       ferry_prereq_entry_get_title (entry));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (row), "state"))), ==,
                       available ? "Available" : "Not Available");
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      if (subtitle_part != NULL && strstr (subtitle, subtitle_part) == NULL)
        g_error ("“%s” does not mention “%s”", subtitle, subtitle_part);
      return;
    }

  g_assert_not_reached ();
}

static void
set_service (Fixture *f, const char *side, const char *service, gboolean enabled)
{
  g_autofree char *body = g_strdup_printf ("{\"side\":\"%s\",\"service\":\"%s\",\"enabled\":%s}",
                                           side, service, enabled ? "true" : "false");

  sim_control (f->sim, "POST", "/__sim/services", body);
}

static void
refresh (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.refresh", NULL));
  g_assert_true (ferry_site_page_get_checking (ferry_window_get_site_page (f->window)));
  iterate_until (sites_checked, f);
}

/* The site pairs, and the prerequisite check with a service switched off in the source
 * profile, the destination profile and the mesh in turn. */
static void
test_sites_and_prerequisites (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  g_autoptr (JsonNode) state = NULL;
  FerrySitePage *page;
  GListModel *sites;
  GtkListBoxRow *row;
  const struct
  {
    const char *side;
    const char *where;
  } sides[] = {
    { "source", "source" },
    { "destination", "destination" },
    { "mesh", "mesh" },
  };

  add_trusted_connection (f);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);

  page = ferry_window_get_site_page (f->window);
  sites = ferry_site_page_get_sites (page);
  g_assert_cmpuint (g_list_model_get_n_items (sites), >=, 1);
  row = gtk_list_box_get_row_at_index (
      GTK_LIST_BOX (child (page, FERRY_TYPE_SITE_PAGE, "sites_list")), 0);
  {
    g_autoptr (FerrySite) site = g_list_model_get_item (sites, 0);
    g_autofree char *version = g_strdup_printf ("Version %s", ferry_site_get_version (site));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     ferry_site_get_name (site));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     ferry_site_get_url (site));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (row), "version"))), ==,
                     version);
    g_assert_nonnull (ferry_site_get_cloud_type (site));
    {
      /* The type by its human name; the raw API value stays in the tooltip. */
      GtkWidget *type = find_named (GTK_WIDGET (row), "type");
      g_autofree char *raw = g_strdup_printf ("“%s”", ferry_site_get_cloud_type (site));

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (type)), !=, "");
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (type), raw));
    }
    g_assert_true (
        ferry_site_page_get_selected_site (page) == site
        || g_strcmp0 (ferry_site_get_endpoint_id (ferry_site_page_get_selected_site (page)),
                      ferry_site_get_endpoint_id (site))
               == 0);
  }
  state = ferry_test_sim_control (f->sim, "GET", "/__sim/state", NULL);

  /* Choosing the row (keyboard activation) re-runs the check for it. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  iterate_until (sites_checked, f);

  /* All green. */
  g_assert_true (ferry_prereq_report_all_available (ferry_site_page_get_report (page)));
  for (FerryMigrationType t = FERRY_MIGRATION_TYPE_BULK; t <= FERRY_MIGRATION_TYPE_RAV; t++)
    assert_prereq_row (f, t, TRUE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      const char *const *reasons;

      g_test_message ("BULK_MIGRATION off in the %s", sides[i].side);
      set_service (f, sides[i].side, "BULK_MIGRATION", FALSE);
      refresh (f);
      g_assert_false (
          ferry_prereq_entry_get_available (prereq_entry (f, FERRY_MIGRATION_TYPE_BULK)));
      reasons = ferry_prereq_entry_get_reasons (prereq_entry (f, FERRY_MIGRATION_TYPE_BULK));
      g_assert_nonnull (reasons);
      g_assert_nonnull (reasons[0]);
      assert_prereq_row (f, FERRY_MIGRATION_TYPE_BULK, FALSE, sides[i].where);
      assert_prereq_row (f, FERRY_MIGRATION_TYPE_BULK, FALSE, reasons[0]);
      /* The others stay available. */
      assert_prereq_row (f, FERRY_MIGRATION_TYPE_VMOTION, TRUE, NULL);
      assert_prereq_row (f, FERRY_MIGRATION_TYPE_RAV, TRUE, NULL);
      /* The home page names what is blocked too, and leads here. */
      {
        GtkWidget *dash = GTK_WIDGET (ferry_window_get_dashboard (f->window));
        GtkWidget *label = child (dash, FERRY_TYPE_DASHBOARD, "prereq_label");

        g_assert_true (gtk_revealer_get_reveal_child (
            GTK_REVEALER (child (dash, FERRY_TYPE_DASHBOARD, "prereq_revealer"))));
        g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)),
                                  ferry_migration_type_get_title (FERRY_MIGRATION_TYPE_BULK)));
      }

      set_service (f, sides[i].side, "BULK_MIGRATION", TRUE);
      refresh (f);
      assert_prereq_row (f, FERRY_MIGRATION_TYPE_BULK, TRUE, NULL);
    }

  /* vMotion off in the mesh takes Cold with it. */
  set_service (f, "mesh", "VMOTION", FALSE);
  refresh (f);
  assert_prereq_row (f, FERRY_MIGRATION_TYPE_VMOTION, FALSE, "mesh");
  assert_prereq_row (f, FERRY_MIGRATION_TYPE_COLD, FALSE, "mesh");
  assert_prereq_row (f, FERRY_MIGRATION_TYPE_BULK, TRUE, NULL);
}

static gboolean
password_asked (gpointer data)
{
  GtkWindow *dialog = find_dialog ();

  return dialog != NULL
         && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Log In Again")
                == 0;
}

/* Session expiry: the client logs in again by itself; when that fails, the page asks for the
 * password and carries on where it was. */
static void
test_session_expiry (Fixture *f, gconstpointer data)
{
  g_autofree char *url = sim_server (f);
  FerrySitePage *page;
  GtkWindow *dialog;
  GtkWidget *entry;

  add_trusted_connection (f);
  fill_form (f, url, SIM_USER, SIM_PASSWORD, FALSE);
  click_connect (f);
  iterate_until (on_sites_page, f);
  page = ferry_window_get_site_page (f->window);

  /* Expired, re-login works: nothing to see. */
  sim_control (f->sim, "POST", "/__sim/expire-sessions", "{}");
  refresh (f);
  g_assert_null (find_dialog ());
  g_assert_true (ferry_site_page_get_report (page) != NULL);

  /* Expired and the re-login is refused: ask, without leaving the page. */
  sim_control (f->sim, "POST", "/__sim/expire-sessions", "{}");
  sim_control (f->sim, "POST", "/__sim/faults",
               "{\"path\":\"/hybridity/api/sessions\",\"status\":401,\"count\":1}");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.refresh", NULL));
  iterate_until (password_asked, NULL);
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "sites");
  g_assert_true (ferry_window_get_site_page (f->window) == page);

  dialog = find_dialog ();
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), SIM_PASSWORD);
  answer_dialog ("login");

  iterate_until (sites_checked, f);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "sites");
  g_assert_true (ferry_window_get_site_page (f->window) == page);
  g_assert_true (ferry_prereq_report_all_available (ferry_site_page_get_report (page)));
}

/* "Try with a simulated HCX Manager": the embedded simulator, the same connect path, no trust
 * prompt (its certificate is known in-process), nothing saved. */
static void
test_simulator_entry (Fixture *f, gconstpointer data)
{
  GtkWidget *row = START_CHILD (f, "simulator_row");
  FerryConnectionSession *session;
  FerryConnection *connection;
  g_autofree char *server = NULL;

  g_assert_true (gtk_widget_activate (row));
  iterate_until (on_sites_page, f);
  g_assert_null (find_dialog ());

  session = ferry_window_get_session (f->window);
  g_assert_true (ferry_connection_session_get_simulated (session));
  connection = ferry_connection_session_get_connection (session);
  g_assert_true (g_str_has_prefix (ferry_connection_get_server (connection), "127.0.0.1:"));
  g_assert_nonnull (ferry_connection_get_fingerprint (connection));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->connections)), ==, 0);
  g_assert_true (ferry_prereq_report_all_available (
      ferry_site_page_get_report (ferry_window_get_site_page (f->window))));

  /* Back and again (through the action): the same simulator is reused. */
  server = g_strdup (ferry_connection_get_server (connection));
  disconnect (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-simulator", NULL));
  iterate_until (on_sites_page, f);
  connection = ferry_connection_session_get_connection (ferry_window_get_session (f->window));
  g_assert_cmpstr (ferry_connection_get_server (connection), ==, server);
}

static GtkWidget *
find_text (GtkWidget *root)
{
  if (GTK_IS_TEXT (root))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_text (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shows_unreachable (gpointer data)
{
  Fixture *f = data;

  return !ferry_start_page_get_busy (f->start) && error_text (f) != NULL
         && strstr (error_text (f), "Could not reach") != NULL;
}

/* `ferry https://host` opens the form for that server. */
static void
test_open_server (Fixture *f, gconstpointer data)
{
  ferry_window_open_server (f->window, "https://HCX.example.com:8443/");
  g_assert_cmpstr (ferry_window_get_visible_page (f->window), ==, "start");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "server_row"))), ==,
                   "hcx.example.com:8443");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "user_row"))), ==, "");
  g_assert_null (error_text (f));

  ferry_window_open_server (f->window, "http://plain.example.com");
  assert_error_contains (f, "HTTPS");

  /* Connect needs a server and a user… */
  fill_form (f, "", SIM_USER, "x", FALSE);
  iterate_a_little ();
  g_assert_false (gtk_widget_get_sensitive (START_CHILD (f, "connect_button")));

  /* …and an address that is not one is explained, not sent. */
  fill_form (f, "hcx example com", SIM_USER, "x", FALSE);
  click_connect (f);
  assert_error_contains (f, "is not a server address");
  g_assert_false (ferry_start_page_get_busy (f->start));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (START_CHILD (f, "server_row"))), ==,
                   "hcx example com");

  /* Enter in the password field connects (the Connect button is the default). */
  fill_form (f, "127.0.0.1:1", SIM_USER, "x", FALSE);
  g_signal_emit_by_name (find_text (START_CHILD (f, "password_row")), "activate");
  iterate_until (shows_unreachable, f);
  g_assert_false (ferry_start_page_get_busy (f->start));
}

int
main (int argc, char *argv[])
{
  /* The isolated XDG dirs hide org.gnome.system.proxy, which GIO's GNOME proxy resolver reads;
   * the simulator is on loopback anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    return ferry_test_run_no_display ("/connect/display");
  adw_init ();
  /* GtkText's blink timer warns when focus moves without a focus-out event, which is what
   * happens without a window manager. */
  /* No animations: libadwaita 1.2 keeps an AdwAnimation that is still playing when its widget
   * goes away alive for good (seen under the asan setup as a leaked AdwTimedAnimation and its
   * AdwCallbackAnimationTarget, created in a template's instance init), and every run then
   * takes the same path whatever the machine's load. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, "gtk-enable-animations",
                FALSE, NULL);

#define ADD(path, func)                                                                            \
  g_test_add ("/connect/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-and-remember", test_add_and_remember);
  ADD ("reconnect-and-forget", test_reconnect_and_forget);
  ADD ("item-holds-no-secret-outside", test_item_holds_no_secret_outside);
  ADD ("not-remembered", test_not_remembered);
  ADD ("edit", test_edit);
  ADD ("changed-certificate", test_changed_certificate);
  ADD ("errors", test_errors);
  ADD ("cancel", test_cancel);
  ADD ("sites-and-prerequisites", test_sites_and_prerequisites);
  ADD ("session-expiry", test_session_expiry);
  ADD ("simulator-entry", test_simulator_entry);
  ADD ("open-server", test_open_server);
#undef ADD

  return g_test_run ();
}
