/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-accessible.h: names for the controls GTK 4.8 leaves badly named to assistive
 * technologies (tests/test-a11y.c checks the result over AT-SPI). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Every button under @root with a mnemonic is named by its label's text alone: GTK 4.8 reads
 * the raw label before the text ("_Cancel Cancel"). For pages and dialogs alike. */
void
ferry_accessible_name_mnemonic_buttons (GtkWidget *root);
/* Names @label the icon-only buttons a widget makes inside itself (a password row's peek
 * button, an info bar's close button), which GTK 4.8 would call "GtkImage". */
void
ferry_accessible_name_icon_buttons (GtkWidget *root, const char *label);
/* Names the scroller inside each AdwStatusPage under @root after its title (GTK 4.8 leaves
 * it blank). */
void
ferry_accessible_name_status_pages (GtkWidget *root);

/* Sets @label's text (NULL for none) and shows it only while it says something: GTK 4.8
 * exposes every label as actionable, so an empty one is an unnamed stop. */
void
ferry_accessible_set_label_or_hide (GtkLabel *label, const char *text);

/* GTK 4.8 names neither a drop-down's own button nor the rows of its list: the button gets
 * @label, and each row of the list its item's text (items that are GtkStringObjects). */
void
ferry_accessible_name_drop_down (GtkDropDown *drop_down, const char *label);
/* Names what libadwaita 1.2 leaves unnamed in the rows under @root: an expander row and the
 * lists inside it get its title; a combo row's list of choices gets its title, and each choice
 * its text (choices that are GtkStringObjects), keeping the check mark on the chosen one. */
void
ferry_accessible_name_rows (GtkWidget *root);

/* A column view's inner list view gets @label (GTK 4.8 calls it "GtkColumnListView"). */
void
ferry_accessible_name_column_view (GtkColumnView *view, const char *label);
/* From a column's bind: names the row that holds @cell_child (a cell's child) @name, as a
 * screen reader announces it (GTK 4.8 calls every row "GtkListItemWidget"). */
void
ferry_accessible_name_row (GtkWidget *cell_child, const char *name);

G_END_DECLS
