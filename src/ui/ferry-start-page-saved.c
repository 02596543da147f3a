/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The start page's saved connections: one row per connection (connect, edit, forget), the
 * actions behind them, and where a user starts: the keyboard focus (a saved connection, or the
 * first empty field) and a server named on the command line (its saved connection, if any). */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"

#include "ferry-start-page-private.h"

static void
connect_saved_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);
  FerryConnection *connection = ferry_connection_store_find_by_id (
      self->connections, g_variant_get_string (parameter, NULL));
  g_autoptr (FerryConnectionSession) session = NULL;

  if (connection == NULL || self->busy)
    return;

  /* Show what is being connected to, so a failure can be corrected in place. */
  ferry_start_page_set_form (self, ferry_connection_get_server (connection),
                             ferry_connection_get_user (connection), connection);
  /* Connecting, not editing: the form only shows what a failure would let the user correct. */
  ferry_start_page_set_form_title (self, _ ("Saved Connection"));
  session = ferry_connection_session_new (connection, self->credentials);
  ferry_start_page_connect (self, session, NULL, TRUE);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);
  FerryConnection *connection = ferry_connection_store_find_by_id (
      self->connections, g_variant_get_string (parameter, NULL));

  if (connection == NULL || self->busy)
    return;

  ferry_start_page_set_form (self, ferry_connection_get_server (connection),
                             ferry_connection_get_user (connection), connection);
  gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
}

static void
forget_cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryStartPage) self = user_data;
  g_autoptr (GError) error = NULL;

  /* Say so on the page (unless it is gone): the password would otherwise stay behind unseen. */
  if (!ferry_credential_store_clear_finish (FERRY_CREDENTIAL_STORE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->connections != NULL)
    ferry_start_page_show_error (
        self,
        _ ("The connection is forgotten, but its password could not be removed from your keyring."),
        error->message);
}

static void
forget_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  FerryStartPage *self = FERRY_START_PAGE (user_data);
  FerryConnection *connection = g_object_get_data (G_OBJECT (dialog), "connection");

  /* Also nothing to do once the page is gone (disposed while the dialog was open). */
  if (g_strcmp0 (response, "forget") != 0 || connection == NULL || self->connections == NULL)
    return;

  /* Answered once: a second "response" (closing the dialog) finds nothing to do. */
  g_object_ref (connection);
  g_object_set_data (G_OBJECT (dialog), "connection", NULL);
  ferry_credential_store_clear_async (self->credentials, ferry_connection_get_server (connection),
                                      ferry_connection_get_user (connection), NULL,
                                      forget_cleared_cb, g_object_ref (self));
  if (self->editing == connection)
    ferry_start_page_set_form (self, NULL, NULL, NULL);
  ferry_connection_store_remove (self->connections, connection);
  g_object_unref (connection);
}

static void
forget_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);
  FerryConnection *connection = ferry_connection_store_find_by_id (
      self->connections, g_variant_get_string (parameter, NULL));
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (connection == NULL || self->busy)
    return;

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Forget This Connection?"), NULL));
  adw_message_dialog_format_body (
      dialog,
      _ ("Ferry will no longer list %s for %s, and removes its password from your "
         "keyring and the certificate you trusted. The HCX Manager itself is not "
         "changed."),
      ferry_connection_get_server (connection), ferry_connection_get_user (connection));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "forget", _ ("_Forget"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (dialog));

  g_object_set_data_full (G_OBJECT (dialog), "connection", g_object_ref (connection),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Where the user starts ---- */

void
ferry_start_page_focus_first (FerryStartPage *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (FERRY_IS_START_PAGE (self));

  first = gtk_list_box_get_row_at_index (self->saved_list, 0);
  if (self->busy)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  else if (first != NULL && self->editing == NULL
           && *gtk_editable_get_text (GTK_EDITABLE (self->server_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (first));
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->server_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->user_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->password_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->connect_button));
}

void
ferry_start_page_open_server (FerryStartPage *self, const char *server)
{
  GListModel *connections;

  g_return_if_fail (FERRY_IS_START_PAGE (self));
  g_return_if_fail (server != NULL);

  if (self->busy)
    return;

  connections = G_LIST_MODEL (self->connections);
  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr (FerryConnection) connection = g_list_model_get_item (connections, i);

      if (g_strcmp0 (ferry_connection_get_server (connection), server) == 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "start.connect-saved", "s",
                                      ferry_connection_get_id (connection));
          return;
        }
    }

  ferry_start_page_fill (self, server, NULL);
}

/* ---- Saved connection rows ---- */

/* Names the row's buttons after the connection ("Edit cloudadmin on hcx.example.com"): a
 * screen reader lists them apart from the row, where "Edit" alone says nothing. */
static void
update_row_names (FerryConnection *connection, GParamSpec *pspec, GtkWidget *row)
{
  const char *title = ferry_connection_get_title (connection);
  GtkWidget *edit = g_object_get_data (G_OBJECT (row), "edit");
  GtkWidget *forget = g_object_get_data (G_OBJECT (row), "forget");
  /* TRANSLATORS: accessible name of a saved connection's button; %s is the connection, as
   * "user on server" */
  g_autofree char *edit_name = g_strdup_printf (_ ("Edit %s"), title);
  /* TRANSLATORS: accessible name of a saved connection's button; %s is the connection */
  g_autofree char *forget_name = g_strdup_printf (_ ("Forget %s"), title);
  /* TRANSLATORS: accessible name of a saved connection's row; %s is the connection */
  g_autofree char *connect_name = g_strdup_printf (_ ("Connect as %s"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (forget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  forget_name, -1);
  /* The row reads as its server; the description says what activating it does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  connect_name, -1);
}

static GtkWidget *
create_row_button (const char *icon_name, const char *tooltip, const char *name,
                   const char *action_name, GVariant *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

GtkWidget *
ferry_start_page_create_saved_row (gpointer item, gpointer user_data)
{
  FerryConnection *connection = FERRY_CONNECTION (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit, *forget, *icon;
  GVariant *target = g_variant_new_string (ferry_connection_get_id (connection));

  g_variant_ref_sink (target);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (connection, "server", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (connection, "user", row, "subtitle", G_BINDING_SYNC_CREATE);
  /* One line each (a server address, a user name): a list box measures every row, and labels
   * that may wrap freely cost several times as much to measure. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "start.connect-saved");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_widget_set_tooltip_text (row, _ ("Connect"));

  icon = gtk_image_new_from_icon_name ("network-server-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  edit = create_row_button ("document-edit-symbolic", _ ("Edit"), "edit", "start.edit", target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  forget
      = create_row_button ("user-trash-symbolic", _ ("Forget"), "forget", "start.forget", target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data (G_OBJECT (row), "edit", edit);
  g_object_set_data (G_OBJECT (row), "forget", forget);
  update_row_names (connection, NULL, row);
  g_signal_connect_object (connection, "notify::title", G_CALLBACK (update_row_names), row, 0);

  g_variant_unref (target);
  return row;
}

void
ferry_start_page_class_init_saved (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "start.connect-saved", "s", connect_saved_action);
  gtk_widget_class_install_action (widget_class, "start.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "start.forget", "s", forget_action);
}
