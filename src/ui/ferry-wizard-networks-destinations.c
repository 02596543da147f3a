/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-destinations.c: typing in or importing the destination's networks
 * while planning offline */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-network-list.h"
#include "ferry-network-map-offline.h"
#include "ferry-wizard-networks-destinations.h"

struct _FerryWizardNetworksDestinations
{
  AdwWindow parent_instance;

  FerryNetworkMap *map;
  GCancellable *cancellable;
  char *message;
  gboolean busy;

  AdwEntryRow *name_row;
  AdwComboRow *type_row;
  AdwEntryRow *vlan_row;
  GtkWidget *add_button;
  GtkWidget *import_button;
  GtkListBox *list;
  AdwPreferencesGroup *list_group;
  GtkLabel *message_label;
  GtkWidget *empty_label;
};

G_DEFINE_FINAL_TYPE (FerryWizardNetworksDestinations, ferry_wizard_networks_destinations,
                     ADW_TYPE_WINDOW)

/* The type row's choices, in order: NULL = not said (taken as attachable). */
static const char *const type_values[] = { NULL, "NsxtSegment", "DistributedVirtualPortgroup" };

static void
set_message (FerryWizardNetworksDestinations *self, const char *text, gboolean error)
{
  g_free (self->message);
  self->message = g_strdup (text);
  ferry_accessible_set_label_or_hide (self->message_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update (FerryWizardNetworksDestinations *self)
{
  GListModel *list = ferry_network_map_get_offline_destinations (self->map);
  guint n = g_list_model_get_n_items (list);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *title = g_strdup_printf (_ ("Destination Networks (%u)"), n);

  adw_preferences_group_set_title (self->list_group, title);
  gtk_widget_set_visible (self->empty_label, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "destinations.add",
                                 trimmed[0] != '\0' && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "destinations.import", !self->busy);
}

/* ---- The list ---- */

static void
remove_clicked_cb (GtkButton *button, FerryWizardNetworksDestinations *self)
{
  FerryNetwork *net = g_object_get_data (G_OBJECT (button), "ferry-network");

  ferry_network_map_remove_offline_destination (self->map, net);
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  FerryWizardNetworksDestinations *self = user_data;
  FerryNetwork *net = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *type = ferry_network_type_describe (net);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;

  if (ferry_network_get_vlan_id (net) > 0)
    /* TRANSLATORS: a destination network's details, e.g. "NSX segment · VLAN 100" */
    subtitle = g_strdup_printf (_ ("%s · VLAN %u"), type != NULL ? type : _ ("Any type"),
                                ferry_network_get_vlan_id (net));
  else
    subtitle = g_strdup (type != NULL ? type : _ ("Any type"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ferry_network_get_name (net));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Bounded lines: the list box lays out all of up to 500 rows, and freely wrapping labels
   * cost several times as much to measure (see the auto-map dialog). */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  /* TRANSLATORS: the remove button of a destination network typed in, read by screen readers */
  remove_label = g_strdup_printf (_ ("Remove %s"), ferry_network_get_name (net));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "ferry-network", g_object_ref (net), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* ---- Adding ---- */

static void
add_action (GtkWidget *widget, const char *action, GVariant *param)
{
  FerryWizardNetworksDestinations *self = FERRY_WIZARD_NETWORKS_DESTINATIONS (widget);
  guint type = adw_combo_row_get_selected (self->type_row);
  g_autofree char *vlan_text
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->vlan_row))));
  guint64 vlan = 0;
  g_autoptr (FerryNetwork) net = NULL;
  g_autofree char *text = NULL;

  if (vlan_text[0] != '\0' && !g_ascii_string_to_unsigned (vlan_text, 10, 1, 4094, &vlan, NULL))
    {
      text = g_strdup_printf (_ ("The VLAN “%s” is not a number from 1 to 4094."), vlan_text);
      set_message (self, text, TRUE);
      return;
    }
  net = ferry_network_offline_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                   type < G_N_ELEMENTS (type_values) ? type_values[type] : NULL,
                                   (guint)vlan);
  if (net == NULL)
    return;
  if (ferry_network_map_add_offline_destinations (self->map, &net, 1) == 0)
    {
      text = g_strdup_printf (_ ("%s is already listed."), ferry_network_get_name (net));
      set_message (self, text, TRUE);
      return;
    }
  set_message (self, NULL, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->vlan_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
name_activated_cb (FerryWizardNetworksDestinations *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "destinations.add", NULL);
}

/* ---- Importing a list ---- */

static void
read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizardNetworksDestinations) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) networks = ferry_network_list_read_finish (result, &error);
  g_autofree char *text = NULL;
  guint added;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (networks == NULL)
    {
      set_message (self, error->message, TRUE);
      update (self);
      return;
    }
  added = ferry_network_map_add_offline_destinations (
      self->map, (FerryNetwork *const *)networks->pdata, networks->len);
  if (added == networks->len)
    text = g_strdup_printf (ngettext ("Added %u network.", "Added %u networks.", added), added);
  else
    /* TRANSLATORS: "Added 10 networks; 2 were already listed." */
    text = g_strdup_printf (ngettext ("Added %u network; %u were already listed.",
                                      "Added %u networks; %u were already listed.", added),
                            added, networks->len - added);
  set_message (self, text, FALSE);
  update (self);
}

void
ferry_wizard_networks_destinations_import_file (FerryWizardNetworksDestinations *self, GFile *file)
{
  g_return_if_fail (FERRY_IS_WIZARD_NETWORKS_DESTINATIONS (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  set_message (self, _ ("Reading the list…"), FALSE);
  update (self);
  ferry_network_list_read_async (file, self->cancellable, read_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr (FerryWizardNetworksDestinations) self = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && gtk_widget_get_visible (GTK_WIDGET (self)))
    ferry_wizard_networks_destinations_import_file (self, file);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkFileChooserNative *chooser
      = gtk_file_chooser_native_new (_ ("Import Destination Networks"), GTK_WINDOW (widget),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) any = gtk_file_filter_new ();

  /* TRANSLATORS: the file chooser's filter */
  gtk_file_filter_set_name (lists, _ ("Network Lists (.txt, .csv)"));
  gtk_file_filter_add_suffix (lists, "txt");
  gtk_file_filter_add_suffix (lists, "csv");
  gtk_file_filter_add_mime_type (lists, "text/plain");
  gtk_file_filter_add_mime_type (lists, "text/csv");
  gtk_file_filter_set_name (any, _ ("All Files"));
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Building ---- */

static GtkWidget *
build_add_group (FerryWizardNetworksDestinations *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkStringList *types = gtk_string_list_new (
      (const char *const[]){ _ ("Any type"), _ ("NSX segment"), _ ("Port group"), NULL });

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Add a Network"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _ ("Name the destination site’s networks as HCX Manager will list them: on connecting, "
         "each mapping to one of them is matched to the manager’s network of that name."));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->name_row), "destination-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _ ("Network name"));
  g_signal_connect_object (self->name_row, "entry-activated", G_CALLBACK (name_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));

  self->type_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->type_row), "destination-type");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->type_row), _ ("Type"));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  g_object_unref (types);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->type_row));

  self->vlan_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->vlan_row), "destination-vlan");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vlan_row),
                                 _ ("VLAN (1–4094, empty when not known)"));
  adw_entry_row_set_input_purpose (self->vlan_row, GTK_INPUT_PURPOSE_DIGITS);
  g_signal_connect_object (self->vlan_row, "entry-activated", G_CALLBACK (name_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->vlan_row));

  self->add_button = gtk_button_new_with_mnemonic (_ ("_Add Network"));
  gtk_widget_set_name (self->add_button, "destination-add");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "destinations.add");
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->add_button, 12);
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->add_button);
  return group;
}

static GtkWidget *
build_list_group (FerryWizardNetworksDestinations *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  self->list_group = ADW_PREFERENCES_GROUP (group);
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->message_label), 6);
  gtk_widget_set_name (GTK_WIDGET (self->message_label), "destination-message");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  adw_preferences_group_add (self->list_group, GTK_WIDGET (self->message_label));

  self->empty_label = gtk_label_new (
      _ ("None yet. Type a name above, or import a list: one name per line, or CSV rows "
         "“name,type,vlan”."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  adw_preferences_group_add (self->list_group, self->empty_label);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "destination-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Destination networks"), -1);
  gtk_list_box_bind_model (self->list, ferry_network_map_get_offline_destinations (self->map),
                           create_row, self, NULL);
  adw_preferences_group_add (self->list_group, GTK_WIDGET (self->list));
  return group;
}

static void
build (FerryWizardNetworksDestinations *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *done = gtk_button_new_with_mnemonic (_ ("_Done"));

  self->import_button = gtk_button_new_with_mnemonic (_ ("_Import List…"));
  gtk_widget_set_name (self->import_button, "destination-import");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "destinations.import");
  gtk_widget_set_tooltip_text (self->import_button,
                               _ ("A text file with one network name per line, or a CSV file "
                                  "with name, type and VLAN columns"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->import_button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "window.close");
  gtk_widget_add_css_class (done, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), done);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_add_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_list_group (self)));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  /* The page's scroller is a stop for screen readers: GTK 4.8 leaves it unnamed. */
  for (GtkWidget *c = gtk_widget_get_first_child (page); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_SCROLLED_WINDOW (c))
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Destination Networks"), -1);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Destination Networks"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  ferry_accessible_name_rows (GTK_WIDGET (self));
}

/* ---- GObject ---- */

static void
ferry_wizard_networks_destinations_dispose (GObject *object)
{
  FerryWizardNetworksDestinations *self = FERRY_WIZARD_NETWORKS_DESTINATIONS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  self->list = NULL;
  g_clear_object (&self->map);
  G_OBJECT_CLASS (ferry_wizard_networks_destinations_parent_class)->dispose (object);
}

static void
ferry_wizard_networks_destinations_finalize (GObject *object)
{
  FerryWizardNetworksDestinations *self = FERRY_WIZARD_NETWORKS_DESTINATIONS (object);

  g_free (self->message);
  G_OBJECT_CLASS (ferry_wizard_networks_destinations_parent_class)->finalize (object);
}

static void
ferry_wizard_networks_destinations_class_init (FerryWizardNetworksDestinationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_wizard_networks_destinations_dispose;
  object_class->finalize = ferry_wizard_networks_destinations_finalize;
  gtk_widget_class_install_action (widget_class, "destinations.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "destinations.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "destinations.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ferry_wizard_networks_destinations_init (FerryWizardNetworksDestinations *self)
{
}

GtkWidget *
ferry_wizard_networks_destinations_new (GtkWindow *parent, FerryNetworkMap *map)
{
  FerryWizardNetworksDestinations *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (map), NULL);

  self = g_object_new (FERRY_TYPE_WIZARD_NETWORKS_DESTINATIONS, "transient-for", parent, NULL);
  self->map = g_object_ref (map);
  build (self);
  g_signal_connect_object (ferry_network_map_get_offline_destinations (map), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

gboolean
ferry_wizard_networks_destinations_get_busy (FerryWizardNetworksDestinations *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_DESTINATIONS (self), FALSE);
  return self->busy;
}

const char *
ferry_wizard_networks_destinations_get_message (FerryWizardNetworksDestinations *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_DESTINATIONS (self), NULL);
  return self->message;
}
