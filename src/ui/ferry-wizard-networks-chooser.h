/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ferry-network.h"

G_BEGIN_DECLS

#define FERRY_TYPE_NETWORK_CHOOSER (ferry_network_chooser_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetworkChooser, ferry_network_chooser, FERRY, NETWORK_CHOOSER,
                      GtkPopover)

/* A searchable list of destination networks in a popover, for the keyboard: type to search,
 * Up/Down to move, Enter to choose, Escape to close. Signal "chosen" (FerryNetwork) when the
 * user picks one; the popover then closes. */
GtkWidget *
ferry_network_chooser_new (GListModel *networks, const char *heading);

void
ferry_network_chooser_set_search (FerryNetworkChooser *self, const char *text);
/* The networks shown (matching the search), the highlighted one first chosen by Enter. */
GListModel *
ferry_network_chooser_get_shown (FerryNetworkChooser *self);
/* What Enter in the search field does: chooses the highlighted network; FALSE if none. */
gboolean
ferry_network_chooser_activate (FerryNetworkChooser *self);
GtkWidget *
ferry_network_chooser_get_search_entry (FerryNetworkChooser *self);

/* "NSX segment", "port group", … for a wire type (never NULL). */
const char *
ferry_network_type_title (const char *network_type);

G_END_DECLS
