/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-start-page-private.h: what the start page's files share (ferry-start-page.c: the form
 * and connecting; ferry-start-page-saved.c: the saved connections list and its actions). */
#pragma once

#include "ferry-start-page.h"

G_BEGIN_DECLS

struct _FerryStartPage
{
  AdwBin parent_instance;

  FerryConnectionStore *connections;
  FerryCredentialStore *credentials;

  FerryConnectionSession *session; /* the attempt in flight, or the last one */
  FerryConnection *editing;        /* the saved connection in the form, if any */
  GCancellable *cancellable;
  char *password; /* typed for the attempt in flight (for a retry after trust) */
  gboolean remember;
  gboolean busy;
  gboolean keyring_reason_shown;
  gboolean saved_bound;    /* the saved rows exist (from the frame after the first) */
  GtkWidget *focus_before; /* weak: where the focus was when the attempt started */
  guint scroll_tick;       /* brings the connecting status into view */
  guint scroll_frames;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkInfoBar *keyring_bar;
  GtkLabel *keyring_label;
  AdwPreferencesGroup *saved_group;
  GtkListBox *saved_list;
  AdwPreferencesGroup *form_group;
  GtkListBox *form_list;
  AdwEntryRow *server_row;
  AdwEntryRow *user_row;
  AdwPasswordEntryRow *password_row;
  AdwActionRow *remember_row;
  GtkSwitch *remember_switch;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkExpander *error_expander;
  GtkLabel *error_details;
  GtkButton *review_button;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkButton *cancel_button;
  GtkButton *clear_button;
  GtkButton *connect_button;
  AdwPreferencesGroup *sim_group;
  AdwActionRow *simulator_row;
  AdwActionRow *import_row;
};

/* Puts @server and @user in the form (empty when NULL), clears the password and any error;
 * @editing is the saved connection being edited, or NULL for a new one. */
void
ferry_start_page_set_form (FerryStartPage *self, const char *server, const char *user,
                           FerryConnection *editing);

/* Heads the form: "New Connection", "Edit Connection", "Saved Connection". */
void
ferry_start_page_set_form_title (FerryStartPage *self, const char *title);

/* ferry-start-page-saved.c */
GtkWidget *
ferry_start_page_create_saved_row (gpointer item, gpointer user_data);
void
ferry_start_page_class_init_saved (GtkWidgetClass *widget_class);

G_END_DECLS
