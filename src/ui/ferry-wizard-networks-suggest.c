/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-suggest.c: "Suggest Mappings": the map's suggestions with their
 * reasons, to accept all or some */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-wizard-networks-private.h"

typedef struct
{
  FerryWizardNetworksPage *page; /* weak */
  GPtrArray *suggestions;        /* FerryNetworkSuggestion */
  GPtrArray *checks;             /* GtkCheckButton, one per suggestion */
} Suggest;

static void
suggest_free (Suggest *s)
{
  g_clear_weak_pointer (&s->page);
  g_ptr_array_unref (s->suggestions);
  g_ptr_array_unref (s->checks);
  g_free (s);
}

static void
update_apply (AdwMessageDialog *dialog, Suggest *s)
{
  guint n = 0;
  g_autofree char *label = NULL;

  for (guint i = 0; i < s->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (s->checks, i)))
      n++;
  label = g_strdup_printf (ngettext ("_Map %u Network", "_Map %u Networks", n), n);
  adw_message_dialog_set_response_label (dialog, "apply", label);
  adw_message_dialog_set_response_enabled (dialog, "apply", n > 0);
}

static void
check_toggled_cb (GtkCheckButton *check, AdwMessageDialog *dialog)
{
  update_apply (dialog, g_object_get_data (G_OBJECT (dialog), "ferry-suggest"));
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, Suggest *s)
{
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();

  if (!g_str_equal (response, "apply") || s->page == NULL)
    return;
  for (guint i = 0; i < s->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (s->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (s->suggestions, i));
  if (chosen->len > 0)
    ferry_network_map_apply_suggestions (
        s->page->map, (FerryNetworkSuggestion *const *)chosen->pdata, chosen->len);
}

static GtkWidget *
suggestion_row (FerryNetworkSuggestion *suggestion, Suggest *s, AdwMessageDialog *dialog)
{
  FerryNetworkSource *source = ferry_network_suggestion_get_source (suggestion);
  FerryNetwork *target = ferry_network_suggestion_get_target (suggestion);
  g_autofree char *title = g_strdup_printf ("%s → %s", ferry_network_source_get_name (source),
                                            ferry_network_get_name (target));
  g_autofree char *subtitle = NULL;
  g_autofree char *nics
      = g_strdup_printf (ngettext ("%u NIC", "%u NICs", ferry_network_source_get_n_nics (source)),
                         ferry_network_source_get_n_nics (source));
  g_autofree char *a11y = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  subtitle = ferry_network_suggestion_get_retain_mac (suggestion)
                 ? g_strdup_printf (_ ("%s · %s · Retain MAC on"),
                                    ferry_network_suggestion_get_reason_text (suggestion), nics)
                 : g_strdup_printf ("%s · %s",
                                    ferry_network_suggestion_get_reason_text (suggestion), nics);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* At most two lines each (the names wrap at the arrow in a dialog this narrow): a list box
   * lays out every row, and a row whose labels may wrap freely costs several times as much to
   * measure (200 suggestions: 835 ms to the dialog's first frame, against 0.4 s this way). The
   * check's accessible label has the whole text. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  a11y = g_strdup_printf (_ ("Map %s to %s: %s"), ferry_network_source_get_name (source),
                          ferry_network_get_name (target), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), dialog);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (s->checks, check);
  return row;
}

GtkWidget *
ferry_wizard_networks_suggest_dialog_new (FerryWizardNetworksPage *self)
{
  g_autoptr (GListModel) suggestions = ferry_network_map_suggest (self->map);
  guint n = suggestions != NULL ? g_list_model_get_n_items (suggestions) : 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Suggest *s = g_new0 (Suggest, 1);
  GtkWidget *dialog;

  g_set_weak_pointer (&s->page, self);
  s->suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  s->checks = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (s->suggestions, g_list_model_get_item (suggestions, i));

  if (n == 0)
    {
      dialog = adw_message_dialog_new (
          GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("No Suggestions"),
          _ ("No unmapped source network has a destination network with the same name, the "
             "same VLAN number or its own extended network. Map the rest by dragging them, or "
             "with Map To…"));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
    }
  else
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();
      g_autofree char *body = g_strdup_printf (
          ngettext ("Ferry found a destination for %u unmapped network. Uncheck any you do not "
                    "want; one undo takes them all back.",
                    "Ferry found destinations for %u unmapped networks. Uncheck any you do not "
                    "want; one undo takes them all back.",
                    n),
          n);

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _ ("Suggested Mappings"), body);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Suggested Mappings"), -1);
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (
            GTK_LIST_BOX (list),
            suggestion_row (g_ptr_array_index (s->suggestions, i), s, ADW_MESSAGE_DIALOG (dialog)));
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Suggested Mappings"), -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "apply", "");
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  gtk_widget_set_name (dialog, "network-suggestions");
  if (n > 0)
    update_apply (ADW_MESSAGE_DIALOG (dialog), s);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "ferry-suggest", s, (GDestroyNotify)suggest_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), s);
  ferry_accessible_name_mnemonic_buttons (dialog);
  return dialog;
}
