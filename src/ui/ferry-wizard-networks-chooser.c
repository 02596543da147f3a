/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-chooser.c: "Map To…", a searchable popover of destination networks */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-wizard-networks-chooser.h"

struct _FerryNetworkChooser
{
  GtkPopover parent_instance;

  GtkStringFilter *filter;
  GtkFilterListModel *shown;
  GtkSingleSelection *selection;
  GtkSearchEntry *entry;
  GtkListView *view;
};

G_DEFINE_FINAL_TYPE (FerryNetworkChooser, ferry_network_chooser, GTK_TYPE_POPOVER)

enum
{
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
ferry_network_type_title (const char *network_type)
{
  if (g_strcmp0 (network_type, "NsxtSegment") == 0)
    return _ ("NSX segment");
  if (g_strcmp0 (network_type, "DistributedVirtualPortgroup") == 0)
    return _ ("Distributed port group");
  if (g_strcmp0 (network_type, "Network") == 0)
    return _ ("Standard port group");
  if (g_strcmp0 (network_type, "OpaqueNetwork") == 0)
    return _ ("Opaque network");
  if (network_type == NULL || *network_type == '\0')
    return _ ("Network");
  return network_type;
}

static void
choose (FerryNetworkChooser *self, guint position)
{
  g_autoptr (FerryNetwork) network = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (network == NULL)
    return;
  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, network);
  g_object_unref (self);
}

gboolean
ferry_network_chooser_activate (FerryNetworkChooser *self)
{
  guint position;

  g_return_val_if_fail (FERRY_IS_NETWORK_CHOOSER (self), FALSE);
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  choose (self, position);
  return TRUE;
}

static void
search_changed_cb (FerryNetworkChooser *self);

static void
entry_activate_cb (FerryNetworkChooser *self)
{
  /* Enter right after typing: the search entry's delay has not run the search yet. */
  if (g_strcmp0 (gtk_string_filter_get_search (self->filter),
                 gtk_editable_get_text (GTK_EDITABLE (self->entry)))
      != 0)
    search_changed_cb (self);
  ferry_network_chooser_activate (self);
}

static void
view_activate_cb (FerryNetworkChooser *self, guint position)
{
  choose (self, position);
}

static void
search_changed_cb (FerryNetworkChooser *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
stop_search_cb (FerryNetworkChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Up and Down in the search field move the highlight (which Enter chooses). */
static gboolean
entry_key_cb (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
              FerryNetworkChooser *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint selected = gtk_single_selection_get_selected (self->selection);
  int delta = 0;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    delta = 1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    delta = -1;
  else
    return FALSE;
  if (n == 0)
    return TRUE;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  else if (delta > 0 && selected + 1 < n)
    selected++;
  else if (delta < 0 && selected > 0)
    selected--;
  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", selected);
  return TRUE;
}

static void
row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  FerryNetwork *network = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *caption = gtk_widget_get_next_sibling (name);
  g_autofree char *text = NULL;
  g_autofree char *a11y = NULL;

  text = ferry_network_get_extended (network)
             ? g_strdup_printf ("%s · %s",
                                ferry_network_type_title (ferry_network_get_network_type (network)),
                                _ ("Extended"))
             : g_strdup (ferry_network_type_title (ferry_network_get_network_type (network)));
  gtk_label_set_text (GTK_LABEL (name), ferry_network_get_name (network));
  gtk_label_set_text (GTK_LABEL (caption), text);
  a11y = g_strdup_printf ("%s, %s", ferry_network_get_name (network), text);
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
ferry_network_chooser_map (GtkWidget *widget)
{
  FerryNetworkChooser *self = FERRY_NETWORK_CHOOSER (widget);

  GTK_WIDGET_CLASS (ferry_network_chooser_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
ferry_network_chooser_dispose (GObject *object)
{
  FerryNetworkChooser *self = FERRY_NETWORK_CHOOSER (object);

  g_clear_object (&self->selection);
  self->shown = NULL;
  self->filter = NULL;

  G_OBJECT_CLASS (ferry_network_chooser_parent_class)->dispose (object);
}

static void
ferry_network_chooser_class_init (FerryNetworkChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_network_chooser_dispose;
  widget_class->map = ferry_network_chooser_map;

  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, FERRY_TYPE_NETWORK);
}

static void
ferry_network_chooser_init (FerryNetworkChooser *self)
{
}

GtkWidget *
ferry_network_chooser_new (GListModel *networks, const char *heading)
{
  FerryNetworkChooser *self = g_object_new (FERRY_TYPE_NETWORK_CHOOSER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  g_return_val_if_fail (networks == NULL || G_IS_LIST_MODEL (networks), NULL);

  self->filter
      = gtk_string_filter_new (gtk_property_expression_new (FERRY_TYPE_NETWORK, NULL, "name"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->shown = gtk_filter_list_model_new (networks != NULL ? g_object_ref (networks) : NULL,
                                           GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->shown));

  gtk_widget_add_css_class (GTK_WIDGET (self), "network-chooser");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_widget_add_css_class (title, "heading");
  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "chooser-search");
  g_object_set (self->entry, "placeholder-text", _ ("Search destination networks"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Search Destination Networks"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  self->view = GTK_LIST_VIEW (gtk_list_view_new (
      GTK_SELECTION_MODEL (g_object_ref (self->selection)), g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Destination Networks"), -1);
  g_signal_connect_swapped (self->view, "activate", G_CALLBACK (view_activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Destination Networks"), -1);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  return GTK_WIDGET (self);
}

void
ferry_network_chooser_set_search (FerryNetworkChooser *self, const char *text)
{
  g_return_if_fail (FERRY_IS_NETWORK_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  /* Now, not after the search entry's delay. */
  search_changed_cb (self);
}

GListModel *
ferry_network_chooser_get_shown (FerryNetworkChooser *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_CHOOSER (self), NULL);
  return G_LIST_MODEL (self->shown);
}

GtkWidget *
ferry_network_chooser_get_search_entry (FerryNetworkChooser *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_CHOOSER (self), NULL);
  return GTK_WIDGET (self->entry);
}
