/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

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
