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

void
ferry_accessible_set_label_or_hide (GtkLabel *label, const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
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

static void
combo_choice_update_check (AdwComboRow *row, GParamSpec *pspec, GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = box != NULL ? gtk_widget_get_last_child (box) : NULL;

  if (check != NULL)
    gtk_widget_set_opacity (
        check, gtk_list_item_get_position (item) == adw_combo_row_get_selected (row) ? 1 : 0);
}

static void
combo_choice_setup (GtkSignalListItemFactory *factory, GtkListItem *item, AdwComboRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_choice_update_check), item,
                           0);
}

static void
combo_choice_bind (GtkSignalListItemFactory *factory, GtkListItem *item, AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object)
                         ? gtk_string_object_get_string (GTK_STRING_OBJECT (object))
                         : NULL;
  GtkWidget *list_row = gtk_widget_get_parent (box);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text != NULL ? text : "");
  combo_choice_update_check (row, NULL, item);
  if (list_row != NULL && text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

/* Names every list (GtkListView or GtkListBox) under @root that has no label of its own. */
static void
name_lists (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child) || GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        title, -1);
      name_lists (child, title);
    }
}

void
ferry_accessible_name_rows (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *title = ADW_IS_PREFERENCES_ROW (child)
                              ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child))
                              : NULL;

      if (ADW_IS_COMBO_ROW (child) && title != NULL)
        {
          g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
          g_autoptr (GtkListItemFactory) current = gtk_signal_list_item_factory_new ();

          g_signal_connect (factory, "setup", G_CALLBACK (combo_choice_setup), child);
          g_signal_connect (factory, "bind", G_CALLBACK (combo_choice_bind), child);
          adw_combo_row_set_list_factory (ADW_COMBO_ROW (child), factory);
          /* The chosen one, shown in the row: its text alone. */
          g_signal_connect (current, "setup", G_CALLBACK (drop_down_row_setup), NULL);
          g_signal_connect (current, "bind", G_CALLBACK (drop_down_row_bind), NULL);
          adw_combo_row_set_factory (ADW_COMBO_ROW (child), current);
          name_lists (child, title);
        }
      else if (ADW_IS_EXPANDER_ROW (child) && title != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          title, -1);
          name_lists (child, title);
          /* Its own rows (added to its inner list) are named like any other. */
          ferry_accessible_name_rows (child);
        }
      else
        ferry_accessible_name_rows (child);
    }
}

/* A column without a title (a check mark column) still has its title's label, empty. */
static void
hide_empty_labels (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_label (GTK_LABEL (child)) == '\0')
        gtk_widget_set_visible (child, FALSE);
      else
        hide_empty_labels (child);
    }
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
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Column Headers"), -1);
          hide_empty_labels (child);
        }
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
