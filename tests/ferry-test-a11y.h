/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-test-a11y.h: checks what a screen reader sees of a widget, over real AT-SPI.
 *
 *   ferry_test_a11y_start ();           before gtk_init (): starts the accessibility bus on
 *                                        the test's private D-Bus session, turns GTK_A11Y on
 *   gtk_init (); …build and show the UI…
 *   ferry_test_a11y_assert_named (page); walks @page's accessible subtree as a screen reader
 *                                        does and fails the test on any badly named control
 *   ferry_test_a11y_stop ();            at the end
 *
 * "Badly named": a control that is focusable or has actions, is showing, and whose accessible
 * name is empty, is a type name ("GtkImage", "AdwEntryRow"), still holds a mnemonic
 * underscore ("C_onnect Connect"), or says the same words twice ("Connect Connect").
 *
 * The walk finds the widget by a marker in its accessible description, and resets that
 * description afterwards: do not check a widget whose own description matters. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns FALSE (and says why in @error) when no accessibility bus can be started. */
gboolean
ferry_test_a11y_start (GError **error);
void
ferry_test_a11y_stop (void);

/* The problems found under @widget, one line each ("push button “GtkImage”: a type name");
 * an empty array when there are none. Also counts the controls seen in @n_checked. */
GStrv
ferry_test_a11y_check (GtkWidget *widget, guint *n_checked);
/* Fails the test, listing every problem, unless ferry_test_a11y_check() finds none; also fails
 * when it finds no control at all (the walk saw nothing). */
void
ferry_test_a11y_assert_named (GtkWidget *widget);

/* The accessible name of @widget as a screen reader reads it. */
char *
ferry_test_a11y_get_name (GtkWidget *widget);

/* The rule on one name, for the tests of the walker itself: NULL when @name is fine, else why
 * not (static string). */
const char *
ferry_test_a11y_name_problem (const char *name);

G_END_DECLS
