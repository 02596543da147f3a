/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-certificate-dialog.h"
#include "ferry-start-page-private.h"

G_DEFINE_FINAL_TYPE (FerryStartPage, ferry_start_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONNECTIONS,
  PROP_CREDENTIALS,
  PROP_BUSY,
  N_PROPS
};

enum
{
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ferry_start_page_connect_session (FerryStartPage *self);

static gboolean
ferry_start_page_form_complete (FerryStartPage *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->server_row)) != '\0'
         && *gtk_editable_get_text (GTK_EDITABLE (self->user_row)) != '\0';
}

/* Something to clear: typed text or a saved connection being edited. */
static gboolean
ferry_start_page_form_used (FerryStartPage *self)
{
  return self->editing != NULL || *gtk_editable_get_text (GTK_EDITABLE (self->server_row)) != '\0'
         || *gtk_editable_get_text (GTK_EDITABLE (self->user_row)) != '\0'
         || *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0';
}

/* Brings the status and its Cancel button into view once laid out (two frames: the first
 * runs before the layout that places them). */
static gboolean
scroll_to_status_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);
  GtkWidget *status = gtk_widget_get_parent (GTK_WIDGET (self->cancel_button));
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (!self->busy)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (++self->scroll_frames < 2 || viewport == NULL
      || !gtk_widget_compute_bounds (status, viewport, &bounds) || bounds.size.height <= 0)
    return G_SOURCE_CONTINUE;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = value + bounds.origin.y - 12;
  bottom = value + bounds.origin.y + bounds.size.height + 12;
  if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
  else if (top < value)
    gtk_adjustment_set_value (adjustment, top);

  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Enter in any field of the form connects: the Connect button is the window's default.
 * Hiding it while busy unsets the default, so it is set again each time it shows. */
static void
ferry_start_page_set_default (FerryStartPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->busy)
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->connect_button));
}

/* Something in GTK 4.8 drops the default widget a while after the Connect button was hidden
 * and shown again (a focus change through the busy state): put it back while this page shows. */
static void
default_widget_changed_cb (FerryStartPage *self, GParamSpec *pspec, GtkWindow *window)
{
  if (gtk_window_get_default_widget (window) == NULL)
    ferry_start_page_set_default (self);
}

static void
ferry_start_page_set_busy (FerryStartPage *self, gboolean busy, const char *status)
{
  self->busy = busy;

  /* Focus moves to Cancel before the form turns insensitive: an entry made insensitive while
   * focused gets no focus-out, and its cursor blink then warns ("GtkText - did not receive a
   * focus-out event"). */
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), busy && status != NULL);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), status);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.cancel", busy);
  if (busy)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
      self->scroll_frames = 0;
      if (self->scroll_tick == 0)
        self->scroll_tick
            = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_status_tick, NULL, NULL);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->form_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->saved_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sim_group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button),
                          !busy && ferry_start_page_form_used (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.connect",
                                 !busy && ferry_start_page_form_complete (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.connect-saved", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.edit", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.forget", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.new", !busy);
  ferry_start_page_set_default (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A hidden revealer still takes the box's spacing: hide it once it has slid away. */
static void
error_revealed_cb (FerryStartPage *self)
{
  if (!gtk_revealer_get_child_revealed (self->error_revealer)
      && !gtk_revealer_get_reveal_child (self->error_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), FALSE);
}

static void
ferry_start_page_hide_error (FerryStartPage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_revealer), "stale");
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), FALSE);
}

void
ferry_start_page_show_error (FerryStartPage *self, const char *message, const char *details)
{
  g_return_if_fail (FERRY_IS_START_PAGE (self));

  gtk_label_set_text (self->error_label, message);
  gtk_label_set_text (self->error_details, details != NULL ? details : "");
  /* The technical detail is there for whoever needs it, folded away. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_expander),
                          details != NULL && *details != '\0' && g_strcmp0 (details, message) != 0);
  gtk_expander_set_expanded (self->error_expander, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_revealer), "stale");
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  /* The message sits at the top of the page: make sure it is seen. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
ferry_start_page_update_keyring_reason (FerryStartPage *self)
{
  const char *reason = ferry_credential_store_get_fallback_reason (self->credentials);

  if (reason == NULL)
    return;

  adw_action_row_set_subtitle (
      self->remember_row, _ ("Kept in memory only until Ferry quits: the keyring cannot be used"));
  /* Once per process: the credential store is shared by every window. */
  if (self->keyring_reason_shown
      || g_object_get_data (G_OBJECT (self->credentials), "ferry-reason-shown") != NULL)
    return;

  /* Say why, once. */
  self->keyring_reason_shown = TRUE;
  g_object_set_data (G_OBJECT (self->credentials), "ferry-reason-shown", GINT_TO_POINTER (TRUE));
  gtk_label_set_text (self->keyring_label, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->keyring_bar), TRUE);
  gtk_info_bar_set_revealed (self->keyring_bar, TRUE);
}

static void
credentials_fallback_cb (FerryStartPage *self)
{
  ferry_start_page_update_keyring_reason (self);
}

static void
keyring_bar_response_cb (FerryStartPage *self, int response, GtkInfoBar *bar)
{
  gtk_info_bar_set_revealed (bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (bar), FALSE);
}

static void
form_changed_cb (FerryStartPage *self)
{
  /* An error about what was there before no longer describes the form: dim it. */
  if (gtk_revealer_get_reveal_child (self->error_revealer))
    gtk_widget_add_css_class (GTK_WIDGET (self->error_revealer), "stale");

  /* Connect needs a server and a user; the password may come from the keyring. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.connect",
                                 !self->busy && ferry_start_page_form_complete (self));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button),
                          !self->busy && ferry_start_page_form_used (self));
}

void
ferry_start_page_set_form (FerryStartPage *self, const char *server, const char *user,
                           FerryConnection *editing)
{
  g_set_object (&self->editing, editing);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server != NULL ? server : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user != NULL ? user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  ferry_start_page_set_form_title (self,
                                   editing != NULL ? _ ("Edit Connection") : _ ("New Connection"));
  ferry_start_page_hide_error (self);
  form_changed_cb (self);
}

void
ferry_start_page_set_form_title (FerryStartPage *self, const char *title)
{
  adw_preferences_group_set_title (self->form_group, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->form_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
}

void
ferry_start_page_fill (FerryStartPage *self, const char *server, const char *user)
{
  g_return_if_fail (FERRY_IS_START_PAGE (self));

  ferry_start_page_set_form (self, server, user, NULL);
  if (user == NULL || *user == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
ferry_start_page_set_progress (FerryStartPage *self, const char *status)
{
  g_return_if_fail (FERRY_IS_START_PAGE (self));

  if (status != NULL)
    ferry_start_page_hide_error (self);
  ferry_start_page_set_busy (self, status != NULL, status);
}

void
ferry_start_page_new_connection (FerryStartPage *self)
{
  g_return_if_fail (FERRY_IS_START_PAGE (self));

  if (self->busy)
    return;

  ferry_start_page_set_form (self, NULL, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
}

/* ---- Certificate trust ---- */

static void
trust_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  FerryStartPage *self = FERRY_START_PAGE (user_data);
  g_autoptr (FerryHcxCertificate) certificate
      = g_object_steal_data (G_OBJECT (dialog), "certificate");

  /* Stolen: a second "response" (closing the dialog) finds nothing to do. */
  if (certificate == NULL || self->session == NULL)
    return;

  if (g_strcmp0 (response, FERRY_CERTIFICATE_RESPONSE_TRUST) != 0)
    {
      /* Back where the user was (the dialog took the focus with it). */
      if (self->focus_before != NULL && gtk_widget_is_sensitive (self->focus_before)
          && gtk_widget_get_mapped (self->focus_before))
        gtk_widget_grab_focus (self->focus_before);
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->connect_button));
      return;
    }

  ferry_connection_session_trust_certificate (self->session, certificate);
  ferry_start_page_connect_session (self);
}

static void
ferry_start_page_show_certificate (FerryStartPage *self, gboolean changed)
{
  FerryHcxCertificate *certificate;
  FerryConnection *connection;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (self->session == NULL)
    return;

  certificate = ferry_connection_session_get_peer_certificate (self->session);
  if (certificate == NULL)
    return;

  connection = ferry_connection_session_get_connection (self->session);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ferry_certificate_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, ferry_connection_get_server (connection),
      certificate, changed ? ferry_connection_get_fingerprint (connection) : NULL);
  g_object_set_data_full (G_OBJECT (dialog), "certificate", g_object_ref (certificate),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (trust_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Connecting ---- */

static void
connect_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryConnectionSession *session = FERRY_CONNECTION_SESSION (source);
  g_autoptr (FerryStartPage) self = user_data;
  g_autoptr (GError) error = NULL;
  FerryConnection *connection = ferry_connection_session_get_connection (session);

  ferry_connection_session_connect_finish (session, result, &error);

  if (session != self->session)
    return; /* a newer attempt replaced this one */

  g_clear_object (&self->cancellable);
  ferry_start_page_set_busy (self, FALSE, NULL);

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED)
          && ferry_connection_session_get_peer_certificate (session) != NULL)
        {
          ferry_start_page_show_certificate (self, FALSE);
          return;
        }

      if (g_error_matches (error, FERRY_CONNECTION_SESSION_ERROR,
                           FERRY_CONNECTION_SESSION_ERROR_NEEDS_PASSWORD))
        {
          if (!ferry_connection_session_get_simulated (session))
            {
              gtk_editable_set_text (GTK_EDITABLE (self->server_row),
                                     ferry_connection_get_server (connection));
              gtk_editable_set_text (GTK_EDITABLE (self->user_row),
                                     ferry_connection_get_user (connection));
            }
          ferry_start_page_show_error (
              self, error->message, ferry_credential_store_get_fallback_reason (self->credentials));
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
          return;
        }

      message = ferry_connection_session_describe_error (session, error);
      /* The client's own words add the technical detail (HTTP status, the server's message,
       * the socket error), except where they would only repeat the explanation. */
      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_CHANGED)
          || g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS))
        ferry_start_page_show_error (self, message, NULL);
      else
        ferry_start_page_show_error (self, message, error->message);
      gtk_widget_set_visible (
          GTK_WIDGET (self->review_button),
          g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_CHANGED)
              && ferry_connection_session_get_peer_certificate (session) != NULL);
      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS))
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      else if (gtk_widget_get_visible (GTK_WIDGET (self->review_button)))
        gtk_widget_grab_focus (GTK_WIDGET (self->review_button));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->connect_button));
      return;
    }

  /* Logged in: remember the connection (never the password, which is in the keyring if
   * asked for), drop the one it replaces when edited, and hand the session on. */
  if (!ferry_connection_session_get_simulated (session))
    {
      if (self->editing != NULL && self->editing != connection)
        {
          ferry_credential_store_clear_async (
              self->credentials, ferry_connection_get_server (self->editing),
              ferry_connection_get_user (self->editing), NULL, NULL, NULL);
          ferry_connection_store_remove (self->connections, self->editing);
        }
      ferry_connection_store_add (self->connections, connection);
      ferry_start_page_set_form (self, NULL, NULL, NULL);
    }

  g_clear_pointer (&self->password, ferry_credential_store_free_password);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, session);
}

static void
ferry_start_page_connect_session (FerryStartPage *self)
{
  FerryConnection *connection = ferry_connection_session_get_connection (self->session);
  g_autofree char *status = NULL;

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Remembered for a cancelled trust dialog (not Cancel itself, on a retry after trusting). */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self))
      && focus != GTK_WIDGET (self->cancel_button))
    g_set_weak_pointer (&self->focus_before, focus);

  ferry_start_page_hide_error (self);
  status = g_strdup_printf (_ ("Connecting to %s…"), ferry_connection_get_server (connection));
  ferry_start_page_set_busy (self, TRUE, status);

  ferry_connection_session_connect_async (self->session, self->password, self->remember,
                                          self->cancellable, connect_cb, g_object_ref (self));
}

void
ferry_start_page_connect (FerryStartPage *self, FerryConnectionSession *session,
                          const char *password, gboolean remember)
{
  g_return_if_fail (FERRY_IS_START_PAGE (self));
  g_return_if_fail (FERRY_IS_CONNECTION_SESSION (session));

  g_set_object (&self->session, session);
  g_clear_pointer (&self->password, ferry_credential_store_free_password);
  self->password = g_strdup (password);
  self->remember = remember;
  ferry_start_page_connect_session (self);
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);
  g_autoptr (FerryConnection) typed = NULL;
  g_autoptr (FerryConnectionSession) session = NULL;
  g_autoptr (GError) error = NULL;
  FerryConnection *connection;
  const char *server, *user;

  if (self->busy)
    return;

  typed = ferry_connection_new (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->user_row)), &error);
  if (typed == NULL)
    {
      ferry_start_page_show_error (self, error->message, NULL);
      if (g_error_matches (error, FERRY_CONNECTION_ERROR, FERRY_CONNECTION_ERROR_INVALID_USER))
        gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }

  server = ferry_connection_get_server (typed);
  user = ferry_connection_get_user (typed);

  /* Reuse a saved connection (its pinned certificate), or the last attempt's (a certificate
   * trusted before a typo in the password), else start a new one. */
  connection = ferry_connection_store_find (self->connections, server, user);
  if (connection == NULL && self->session != NULL)
    {
      FerryConnection *last = ferry_connection_session_get_connection (self->session);

      if (!ferry_connection_session_get_simulated (self->session)
          && g_strcmp0 (ferry_connection_get_server (last), server) == 0
          && g_strcmp0 (ferry_connection_get_user (last), user) == 0)
        connection = last;
    }
  if (connection == NULL)
    {
      connection = typed;
      /* Edited without changing the server: the certificate stays trusted. */
      if (self->editing != NULL
          && g_strcmp0 (ferry_connection_get_server (self->editing), server) == 0)
        ferry_connection_set_fingerprint (connection,
                                          ferry_connection_get_fingerprint (self->editing));
    }

  session = ferry_connection_session_new (connection, self->credentials);
  ferry_start_page_connect (self, session,
                            gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                            gtk_switch_get_active (self->remember_switch));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  ferry_start_page_set_busy (self, FALSE, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->connect_button));
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_start_page_new_connection (FERRY_START_PAGE (widget));
}

static void
review_certificate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_start_page_show_certificate (FERRY_START_PAGE (widget), TRUE);
}

static void
saved_changed_cb (FerryStartPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->saved_group),
                          self->saved_bound
                              && g_list_model_get_n_items (G_LIST_MODEL (self->connections)) > 0);
}

/* The saved rows are built on the frame after the first: with 20 saved connections, building,
 * styling and measuring their widgets would add ~80 ms before the window first shows. The
 * keyring is first asked then too. */
static gboolean
bind_saved_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);
  guint *ticks = user_data;

  if (++*ticks < 2 || self->connections == NULL)
    return self->connections != NULL ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  /* Find out early whether passwords can be remembered, so the form can say so; after the
   * first frame, as nothing before it may wait on D-Bus or the keyring. */
  ferry_credential_store_probe_async (self->credentials, NULL, NULL, NULL);
  self->saved_bound = TRUE;
  gtk_list_box_bind_model (self->saved_list, G_LIST_MODEL (self->connections),
                           ferry_start_page_create_saved_row, self, NULL);
  saved_changed_cb (self);
  /* The first focus went to the empty server field because there were no rows yet; now that
   * there are, it belongs on the first saved connection, unless the user has begun typing. */
  {
    GtkRoot *root = gtk_widget_get_root (widget);
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL
        && (focus == GTK_WIDGET (self->server_row)
            || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->server_row))))
      ferry_start_page_focus_first (self);
  }
  return G_SOURCE_REMOVE;
}

/* ---- GObject ---- */

static void
ferry_start_page_map (GtkWidget *widget)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);

  GtkRoot *root;

  GTK_WIDGET_CLASS (ferry_start_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::default-widget", G_CALLBACK (default_widget_changed_cb),
                             self, G_CONNECT_SWAPPED);
  ferry_start_page_set_default (self);
  ferry_start_page_focus_first (self);
}

static void
ferry_start_page_unmap (GtkWidget *widget)
{
  FerryStartPage *self = FERRY_START_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, default_widget_changed_cb, self);
  if (GTK_IS_WINDOW (root)
      && gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (self->connect_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (ferry_start_page_parent_class)->unmap (widget);
}

static void
ferry_start_page_constructed (GObject *object)
{
  FerryStartPage *self = FERRY_START_PAGE (object);

  G_OBJECT_CLASS (ferry_start_page_parent_class)->constructed (object);

  if (self->connections == NULL)
    self->connections = ferry_connection_store_new (NULL);
  if (self->credentials == NULL)
    self->credentials = ferry_credential_store_new ();

  gtk_widget_add_tick_callback (GTK_WIDGET (self), bind_saved_tick, g_new0 (guint, 1), g_free);
  g_signal_connect_object (self->connections, "items-changed", G_CALLBACK (saved_changed_cb), self,
                           G_CONNECT_SWAPPED);
  saved_changed_cb (self);

  g_signal_connect_object (self->credentials, "notify::fallback-reason",
                           G_CALLBACK (credentials_fallback_cb), self, G_CONNECT_SWAPPED);
  ferry_start_page_update_keyring_reason (self);

  ferry_start_page_set_busy (self, FALSE, NULL);
  ferry_start_page_set_form_title (self, _ ("New Connection"));
  form_changed_cb (self);
  ferry_accessible_name_icon_buttons (GTK_WIDGET (self->password_row), _ ("Show or Hide Password"));
  ferry_accessible_name_icon_buttons (GTK_WIDGET (self->keyring_bar), _ ("Close"));
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  g_signal_connect_object (self->error_revealer, "notify::child-revealed",
                           G_CALLBACK (error_revealed_cb), self, G_CONNECT_SWAPPED);
}

static void
ferry_start_page_dispose (GObject *object)
{
  FerryStartPage *self = FERRY_START_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->focus_before);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  /* The template children belong to the parent class (window content / AdwBin child),
   * which disposes them; unparenting them here would leave it with dangling pointers. */
  g_clear_object (&self->session);
  g_clear_object (&self->editing);
  g_clear_object (&self->connections);
  g_clear_object (&self->credentials);
  g_clear_pointer (&self->password, ferry_credential_store_free_password);

  G_OBJECT_CLASS (ferry_start_page_parent_class)->dispose (object);
}

static void
ferry_start_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryStartPage *self = FERRY_START_PAGE (object);

  switch (prop_id)
    {
      case PROP_CONNECTIONS:
        g_value_set_object (value, self->connections);
        break;
      case PROP_CREDENTIALS:
        g_value_set_object (value, self->credentials);
        break;
      case PROP_BUSY:
        g_value_set_boolean (value, self->busy);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_start_page_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  FerryStartPage *self = FERRY_START_PAGE (object);

  switch (prop_id)
    {
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
ferry_start_page_class_init (FerryStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ferry_start_page_constructed;
  object_class->dispose = ferry_start_page_dispose;
  object_class->get_property = ferry_start_page_get_property;
  object_class->set_property = ferry_start_page_set_property;
  widget_class->map = ferry_start_page_map;
  widget_class->unmap = ferry_start_page_unmap;

  properties[PROP_CONNECTIONS]
      = g_param_spec_object ("connections", NULL, NULL, FERRY_TYPE_CONNECTION_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIALS]
      = g_param_spec_object ("credentials", NULL, NULL, FERRY_TYPE_CREDENTIAL_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CONNECTED]
      = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, FERRY_TYPE_CONNECTION_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferry_hcx/Ferry/ferry-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, keyring_bar);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, saved_group);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, saved_list);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, form_list);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, remember_row);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, error_expander);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, error_details);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, review_button);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, sim_group);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, simulator_row);
  gtk_widget_class_bind_template_child (widget_class, FerryStartPage, import_row);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, keyring_bar_response_cb);

  gtk_widget_class_install_action (widget_class, "start.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "start.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "start.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "start.review-certificate", NULL,
                                   review_certificate_action);
  ferry_start_page_class_init_saved (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "start.cancel", NULL);
}

static void
ferry_start_page_init (FerryStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The page carries actions, so assistive technologies list it: name it as its title does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Connect to an HCX Manager"), -1);
}

GtkWidget *
ferry_start_page_new (FerryConnectionStore *connections, FerryCredentialStore *credentials)
{
  return g_object_new (FERRY_TYPE_START_PAGE, "connections", connections, "credentials",
                       credentials, NULL);
}

gboolean
ferry_start_page_get_busy (FerryStartPage *self)
{
  g_return_val_if_fail (FERRY_IS_START_PAGE (self), FALSE);
  return self->busy;
}

FerryConnectionSession *
ferry_start_page_get_session (FerryStartPage *self)
{
  g_return_val_if_fail (FERRY_IS_START_PAGE (self), NULL);
  return self->session;
}
