/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"

#include "ferry-site-page.h"

typedef enum
{
  PENDING_NONE,
  PENDING_LOAD_SITES,
  PENDING_CHECK,
} PendingOp;

struct _FerrySitePage
{
  AdwBin parent_instance;

  FerryConnectionSession *session;
  GListModel *sites;
  FerrySite *selected_site;
  FerryPrereqReport *report;
  GCancellable *sites_cancellable;
  GCancellable *check_cancellable;
  GCancellable *login_cancellable;
  gboolean loading;
  gboolean checking;

  /* Asking for the password again after the session could not be renewed. */
  AdwMessageDialog *password_dialog;
  GtkEntry *password_entry;
  PendingOp pending;

  /* template widgets */
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_page;
  AdwPreferencesGroup *sites_group;
  GtkListBox *sites_list;
  AdwPreferencesGroup *prereq_group;
  GtkSpinner *prereq_spinner;
  GtkButton *refresh_button;
  GtkListBox *prereq_list;
  GtkLabel *prereq_error;
};

G_DEFINE_FINAL_TYPE (FerrySitePage, ferry_site_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_SITES,
  PROP_SELECTED_SITE,
  PROP_REPORT,
  PROP_LOADING,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_site_page_ask_password (FerrySitePage *self, PendingOp pending, const char *problem);

static FerryHcxClient *
ferry_site_page_get_client (FerrySitePage *self)
{
  return ferry_connection_session_get_client (self->session);
}

static void
ferry_site_page_set_loading (FerrySitePage *self, gboolean loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.reload", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
ferry_site_page_set_checking (FerrySitePage *self, gboolean checking)
{
  if (self->checking == checking)
    return;

  self->checking = checking;
  gtk_widget_set_visible (GTK_WIDGET (self->prereq_spinner), checking);
  gtk_spinner_set_spinning (self->prereq_spinner, checking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.refresh",
                                 !checking && self->selected_site != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* ---- Prerequisite check ---- */

static GtkWidget *
create_prereq_row (FerryPrereqEntry *entry, guint index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *state;
  gboolean available = ferry_prereq_entry_get_available (entry);
  g_autofree char *name = g_strdup_printf ("prereq-%u", index);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ferry_prereq_entry_get_title (entry));
  if (available)
    adw_action_row_set_subtitle (
        ADW_ACTION_ROW (row),
        _ ("Enabled in the source and destination compute profiles and the service mesh"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ferry_prereq_entry_get_summary (entry));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  icon
      = gtk_image_new_from_icon_name (available ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, available ? "success" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  state = gtk_label_new (available ? _ ("Available") : _ ("Not Available"));
  gtk_widget_set_name (state, "state");
  gtk_widget_add_css_class (state, available ? "success" : "warning");
  gtk_widget_add_css_class (state, "heading");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  /* Read, not acted on: no tab stop per row. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
ferry_site_page_show_report (FerrySitePage *self)
{
  GtkWidget *child;
  GListModel *entries;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->prereq_list))) != NULL)
    gtk_list_box_remove (self->prereq_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->prereq_list), self->report != NULL);
  if (self->report == NULL)
    return;

  entries = ferry_prereq_report_get_entries (self->report);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (FerryPrereqEntry) entry = g_list_model_get_item (entries, i);

      gtk_list_box_append (self->prereq_list, create_prereq_row (entry, i));
    }
}

static void
check_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerrySitePage) self = user_data;
  g_autoptr (FerryPrereqReport) report = NULL;
  g_autoptr (GError) error = NULL;

  report = ferry_hcx_client_check_prerequisites_finish (FERRY_HCX_CLIENT (source), result, &error);
  /* Cancelled, or the page is gone (disposed: its template widgets with it). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session == NULL)
    return;

  g_clear_object (&self->check_cancellable);
  ferry_site_page_set_checking (self, FALSE);

  if (error != NULL)
    {
      g_autofree char *message = ferry_connection_session_describe_error (self->session, error);

      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS))
        {
          ferry_site_page_ask_password (self, PENDING_CHECK, NULL);
          return;
        }

      gtk_label_set_text (self->prereq_error, message);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->prereq_error), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->prereq_error), TRUE);
      return;
    }

  g_set_object (&self->report, report);
  ferry_site_page_show_report (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

void
ferry_site_page_refresh (FerrySitePage *self)
{
  g_autofree char *description = NULL;
  FerryHcxClient *client;

  g_return_if_fail (FERRY_IS_SITE_PAGE (self));

  if (self->selected_site == NULL)
    return;

  client = ferry_site_page_get_client (self);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();

  /* TRANSLATORS: %s is the remote site's name */
  description = g_strdup_printf (_ ("What each migration type needs, from this HCX Manager to %s"),
                                 ferry_site_get_name (self->selected_site));
  adw_preferences_group_set_description (self->prereq_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->prereq_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->prereq_error), FALSE);
  ferry_site_page_set_checking (self, TRUE);

  ferry_hcx_client_check_prerequisites_async (
      client, ferry_site_get_endpoint_id (self->selected_site), self->check_cancellable, check_cb,
      g_object_ref (self));
}

/* ---- Sites ---- */

static void
ferry_site_page_update_selection_marks (FerrySitePage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sites_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
      FerrySite *site = g_object_get_data (G_OBJECT (row), "site");

      if (check != NULL)
        gtk_widget_set_opacity (check, site == self->selected_site ? 1.0 : 0.0);
      if (site == self->selected_site)
        gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
      else
        gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, FALSE,
                                     -1);
    }
}

gboolean
ferry_site_page_select_site (FerrySitePage *self, const char *endpoint_id)
{
  g_return_val_if_fail (FERRY_IS_SITE_PAGE (self), FALSE);

  for (guint i = 0; self->sites != NULL && i < g_list_model_get_n_items (self->sites); i++)
    {
      g_autoptr (FerrySite) site = g_list_model_get_item (self->sites, i);

      if (g_strcmp0 (ferry_site_get_endpoint_id (site), endpoint_id) != 0)
        continue;

      if (site != self->selected_site)
        {
          g_set_object (&self->selected_site, site);
          g_clear_object (&self->report);
          ferry_site_page_show_report (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SITE]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
        }
      ferry_site_page_update_selection_marks (self);
      ferry_site_page_refresh (self);
      return TRUE;
    }

  return FALSE;
}

void
ferry_site_page_focus_sites (FerrySitePage *self)
{
  GtkWidget *first;

  g_return_if_fail (FERRY_IS_SITE_PAGE (self));

  first = gtk_widget_get_first_child (GTK_WIDGET (self->sites_list));
  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (self->selected_site != NULL
        && g_object_get_data (G_OBJECT (row), "site") == self->selected_site)
      {
        gtk_widget_grab_focus (row);
        return;
      }
  if (first != NULL)
    gtk_widget_grab_focus (first);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* The site type for people; NULL for a value Ferry does not know (shown as it is). */
static const char *
site_type_title (const char *cloud_type)
{
  static const struct
  {
    const char *value;
    const char *title;
  } types[] = {
    { "VC", N_ ("vCenter") },
    { "AVS", N_ ("Azure VMware Solution") },
    { "VMC", N_ ("VMware Cloud on AWS") },
    { "GCVE", N_ ("Google Cloud VMware Engine") },
    { "OCVS", N_ ("Oracle Cloud VMware Solution") },
  };

  for (guint i = 0; cloud_type != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (cloud_type, types[i].value) == 0)
      return _ (types[i].title);
  return NULL;
}

static GtkWidget *
create_site_row (gpointer item, gpointer user_data)
{
  FerrySite *site = FERRY_SITE (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check, *box, *type, *version;
  const char *cloud_type = ferry_site_get_cloud_type (site);
  const char *cloud_name = ferry_site_get_cloud_name (site);
  g_autofree char *version_text = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ferry_site_get_name (site));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ferry_site_get_url (site));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "site.select");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", ferry_site_get_endpoint_id (site));
  g_object_set_data_full (G_OBJECT (row), "site", g_object_ref (site), g_object_unref);

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_opacity (check, 0.0);
  gtk_widget_add_css_class (check, "accent");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (cloud_type != NULL && *cloud_type != '\0')
    {
      const char *title = site_type_title (cloud_type);
      /* TRANSLATORS: tooltip of a site's type; %s is the raw value HCX gives, such as "AVS" */
      g_autofree char *tooltip = g_strdup_printf (_ ("Site type “%s”"), cloud_type);

      type = gtk_label_new (title != NULL ? title : cloud_type);
      gtk_widget_set_tooltip_text (type, tooltip);
    }
  else
    type = gtk_label_new (cloud_name != NULL ? cloud_name : _ ("Unknown type"));
  gtk_widget_set_name (type, "type");
  gtk_label_set_xalign (GTK_LABEL (type), 1);
  /* TRANSLATORS: the HCX version of a remote site */
  version_text = g_strdup_printf (_ ("Version %s"), ferry_site_get_version (site)
                                                        ? ferry_site_get_version (site)
                                                        : _ ("unknown"));
  version = gtk_label_new (version_text);
  gtk_widget_set_name (version, "version");
  gtk_label_set_xalign (GTK_LABEL (version), 1);
  gtk_widget_add_css_class (version, "dim-label");
  gtk_widget_add_css_class (version, "caption");
  gtk_box_append (GTK_BOX (box), type);
  gtk_box_append (GTK_BOX (box), version);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

static void
sites_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerrySitePage) self = user_data;
  g_autoptr (GListModel) sites = NULL;
  g_autoptr (GError) error = NULL;
  gboolean first_load;

  sites = ferry_hcx_client_list_sites_finish (FERRY_HCX_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session == NULL)
    return;

  g_clear_object (&self->sites_cancellable);
  ferry_site_page_set_loading (self, FALSE);

  if (error != NULL)
    {
      g_autofree char *message = ferry_connection_session_describe_error (self->session, error);

      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS))
        {
          ferry_site_page_ask_password (self, PENDING_LOAD_SITES, NULL);
          return;
        }

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  first_load = self->sites == NULL;
  g_set_object (&self->sites, sites);
  gtk_list_box_bind_model (self->sites_list, self->sites, create_site_row, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITES]);

  if (g_list_model_get_n_items (sites) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "sites");

  /* Arriving from the start page, the keyboard focus starts on the site pairs (not on the
   * header bar's Disconnect, where Enter would leave the page); before a pair is chosen, since
   * choosing one may lead the window on to its home page, which takes the focus then. */
  if (first_load)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sites_list, 0);

      if (row != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  /* Keep the chosen pair across a reload; with a single pair, choose it. */
  if (self->selected_site != NULL)
    {
      g_autofree char *id = g_strdup (ferry_site_get_endpoint_id (self->selected_site));

      g_clear_object (&self->selected_site);
      ferry_site_page_select_site (self, id);
    }
  else if (g_list_model_get_n_items (sites) == 1)
    {
      g_autoptr (FerrySite) only = g_list_model_get_item (sites, 0);

      ferry_site_page_select_site (self, ferry_site_get_endpoint_id (only));
    }
}

void
ferry_site_page_reload (FerrySitePage *self)
{
  g_return_if_fail (FERRY_IS_SITE_PAGE (self));

  g_cancellable_cancel (self->sites_cancellable);
  g_clear_object (&self->sites_cancellable);
  self->sites_cancellable = g_cancellable_new ();

  if (self->sites == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  ferry_site_page_set_loading (self, TRUE);
  ferry_hcx_client_list_sites_async (ferry_site_page_get_client (self), self->sites_cancellable,
                                     sites_cb, g_object_ref (self));
}

/* ---- Logging in again ---- */

static void
ferry_site_page_retry (FerrySitePage *self, PendingOp pending)
{
  switch (pending)
    {
      case PENDING_LOAD_SITES:
        ferry_site_page_reload (self);
        break;
      case PENDING_CHECK:
        ferry_site_page_refresh (self);
        break;
      case PENDING_NONE:
      default:
        break;
    }
}

static void
login_again_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerrySitePage) self = user_data;
  g_autoptr (GError) error = NULL;
  PendingOp pending = self->pending;
  gboolean ok;

  ok = ferry_connection_session_login_again_finish (FERRY_CONNECTION_SESSION (source), result,
                                                    &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session == NULL)
    return;

  g_clear_object (&self->login_cancellable);
  self->pending = PENDING_NONE;
  if (!ok)
    {
      g_autofree char *message = NULL;

      message = ferry_connection_session_describe_error (self->session, error);
      if (g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_BAD_CREDENTIALS))
        {
          ferry_site_page_ask_password (self, pending, message);
          return;
        }

      /* Show it where the failed operation would have. */
      if (pending == PENDING_CHECK)
        {
          gtk_label_set_text (self->prereq_error, message);
          gtk_widget_set_visible (GTK_WIDGET (self->prereq_error), TRUE);
        }
      else
        {
          adw_status_page_set_description (self->error_page, message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  ferry_site_page_retry (self, pending);
}

static void
password_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  FerrySitePage *self = FERRY_SITE_PAGE (user_data);
  g_autofree char *password = NULL;

  /* Answered once already (closing the dialog responds again). */
  if (self->password_dialog != dialog)
    return;

  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  self->password_dialog = NULL;
  self->password_entry = NULL;

  if (g_strcmp0 (response, "login") != 0 || *password == '\0')
    {
      PendingOp pending = self->pending;

      self->pending = PENDING_NONE;
      if (pending == PENDING_LOAD_SITES)
        {
          adw_status_page_set_description (
              self->error_page, _ ("The session ended. Log in again to see the site pairs."));
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else if (pending == PENDING_CHECK)
        {
          gtk_label_set_text (self->prereq_error, _ ("The session ended. Check again to log in."));
          gtk_widget_set_visible (GTK_WIDGET (self->prereq_error), TRUE);
        }
      ferry_credential_store_free_password (g_steal_pointer (&password));
      return;
    }

  g_cancellable_cancel (self->login_cancellable);
  g_clear_object (&self->login_cancellable);
  self->login_cancellable = g_cancellable_new ();
  ferry_connection_session_login_again_async (self->session, password, self->login_cancellable,
                                              login_again_cb, g_object_ref (self));
  ferry_credential_store_free_password (g_steal_pointer (&password));
}

static void
ferry_site_page_ask_password (FerrySitePage *self, PendingOp pending, const char *problem)
{
  FerryConnection *connection = ferry_connection_session_get_connection (self->session);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  self->pending = pending;
  if (self->password_dialog != NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Log In Again"), NULL));
  if (problem != NULL)
    adw_message_dialog_set_body (dialog, problem);
  else
    adw_message_dialog_format_body (
        dialog,
        _ ("The session on %s ended and Ferry could not log in again with the "
           "password it has. Enter the password for %s to carry on where you were."),
        ferry_connection_get_server (connection), ferry_connection_get_user (connection));

  /* A plain invisible GtkEntry: GTK 4.8's GtkPasswordEntry warns when disposed while focused,
   * which is exactly how this dialog ends. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Password"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Password"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "login", _ ("_Log In"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "login", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "login");
  adw_message_dialog_set_close_response (dialog, "cancel");
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);

  self->password_dialog = dialog;
  self->password_entry = GTK_ENTRY (entry);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- Actions ---- */

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_site_page_reload (FERRY_SITE_PAGE (widget));
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_site_page_refresh (FERRY_SITE_PAGE (widget));
}

static void
select_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ferry_site_page_select_site (FERRY_SITE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* ---- GObject ---- */

static void
ferry_site_page_constructed (GObject *object)
{
  FerrySitePage *self = FERRY_SITE_PAGE (object);

  G_OBJECT_CLASS (ferry_site_page_parent_class)->constructed (object);

  g_assert (self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.refresh", FALSE);
  ferry_site_page_reload (self);
}

static void
ferry_site_page_dispose (GObject *object)
{
  FerrySitePage *self = FERRY_SITE_PAGE (object);

  g_cancellable_cancel (self->sites_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_cancellable_cancel (self->login_cancellable);
  g_clear_object (&self->sites_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->login_cancellable);
  if (self->password_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->password_dialog));
  self->password_dialog = NULL;
  /* The template's root (the stack) is the AdwBin's child: AdwBin disposes it. */
  g_clear_object (&self->report);
  g_clear_object (&self->selected_site);
  g_clear_object (&self->sites);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ferry_site_page_parent_class)->dispose (object);
}

static void
ferry_site_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerrySitePage *self = FERRY_SITE_PAGE (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        g_value_set_object (value, self->session);
        break;
      case PROP_SITES:
        g_value_set_object (value, self->sites);
        break;
      case PROP_SELECTED_SITE:
        g_value_set_object (value, self->selected_site);
        break;
      case PROP_REPORT:
        g_value_set_object (value, self->report);
        break;
      case PROP_LOADING:
        g_value_set_boolean (value, self->loading);
        break;
      case PROP_CHECKING:
        g_value_set_boolean (value, self->checking);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_site_page_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  FerrySitePage *self = FERRY_SITE_PAGE (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        self->session = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_site_page_class_init (FerrySitePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ferry_site_page_constructed;
  object_class->dispose = ferry_site_page_dispose;
  object_class->get_property = ferry_site_page_get_property;
  object_class->set_property = ferry_site_page_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, FERRY_TYPE_CONNECTION_SESSION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SITES]
      = g_param_spec_object ("sites", NULL, NULL, G_TYPE_LIST_MODEL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_SITE]
      = g_param_spec_object ("selected-site", NULL, NULL, FERRY_TYPE_SITE,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT]
      = g_param_spec_object ("report", NULL, NULL, FERRY_TYPE_PREREQ_REPORT,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING]
      = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING]
      = g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferry_hcx/Ferry/ferry-site-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, stack);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, sites_group);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, sites_list);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, prereq_group);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, prereq_spinner);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, prereq_list);
  gtk_widget_class_bind_template_child (widget_class, FerrySitePage, prereq_error);

  gtk_widget_class_install_action (widget_class, "site.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "site.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "site.select", "s", select_action);
}

static void
ferry_site_page_init (FerrySitePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The page carries actions, so assistive technologies list it: name it as the window does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remote Site Connection"), -1);
  ferry_accessible_name_status_pages (GTK_WIDGET (self->stack));
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
ferry_site_page_new (FerryConnectionSession *session)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_SESSION (session), NULL);

  return g_object_new (FERRY_TYPE_SITE_PAGE, "session", session, NULL);
}

GListModel *
ferry_site_page_get_sites (FerrySitePage *self)
{
  g_return_val_if_fail (FERRY_IS_SITE_PAGE (self), NULL);
  return self->sites;
}

FerrySite *
ferry_site_page_get_selected_site (FerrySitePage *self)
{
  g_return_val_if_fail (FERRY_IS_SITE_PAGE (self), NULL);
  return self->selected_site;
}

FerryPrereqReport *
ferry_site_page_get_report (FerrySitePage *self)
{
  g_return_val_if_fail (FERRY_IS_SITE_PAGE (self), NULL);
  return self->report;
}

gboolean
ferry_site_page_get_loading (FerrySitePage *self)
{
  g_return_val_if_fail (FERRY_IS_SITE_PAGE (self), FALSE);
  return self->loading;
}

gboolean
ferry_site_page_get_checking (FerrySitePage *self)
{
  g_return_val_if_fail (FERRY_IS_SITE_PAGE (self), FALSE);
  return self->checking;
}
