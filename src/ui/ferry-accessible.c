/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ferry-accessible.h"

void
ferry_accessible_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child))
          && gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
      else
        ferry_accessible_name_mnemonic_buttons (child);
    }
}

void
ferry_accessible_name_icon_buttons (GtkWidget *root, const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
      else
        ferry_accessible_name_icon_buttons (child, label);
    }
}

static void
name_scrollers (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_STATUS_PAGE (child))
        name_scrollers (child, adw_status_page_get_title (ADW_STATUS_PAGE (child)));
      else if (GTK_IS_SCROLLED_WINDOW (child) && title != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        title, -1);
      else
        name_scrollers (child, title);
    }
}

void
ferry_accessible_name_status_pages (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_scrollers (root, NULL);
}

static void
drop_down_row_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
drop_down_row_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object)
                         ? gtk_string_object_get_string (GTK_STRING_OBJECT (object))
                         : NULL;
  GtkWidget *row = gtk_widget_get_parent (label);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  if (row != NULL && text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
ferry_accessible_name_drop_down (GtkDropDown *drop_down, const char *label)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (drop_down_row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (drop_down_row_bind), NULL);
  gtk_drop_down_set_list_factory (drop_down, factory);
  /* The button shows the chosen item through the same kind of row. */
  gtk_drop_down_set_factory (drop_down, factory);
}

void
ferry_accessible_name_column_view (GtkColumnView *view, const char *label)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (label != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
      /* The header row (a private GtkListItemWidget in GTK 4.8) holds the sortable titles. */
      else if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _ ("Column Headers"), -1);
    }
}

void
ferry_accessible_name_row (GtkWidget *cell_child, const char *name)
{
  GtkWidget *cell;
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (cell_child));

  cell = gtk_widget_get_parent (cell_child);
  row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  if (row != NULL && name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
