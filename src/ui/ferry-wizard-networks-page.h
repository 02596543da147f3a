/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-hcx-client.h"
#include "ferry-network-map.h"
#include "ferry-plan.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WIZARD_NETWORKS_PAGE (ferry_wizard_networks_page_get_type ())
G_DECLARE_FINAL_TYPE (FerryWizardNetworksPage, ferry_wizard_networks_page, FERRY,
                      WIZARD_NETWORKS_PAGE, AdwBin)

/* The wizard's "Networks" step: the plan's network map as a board. On the left the source
 * networks of the selected VMs' NICs (expanding one lists its NICs, each of which can map
 * elsewhere as an exception), on the right the destination site's networks with a search
 * field. Dragging sources onto a destination maps them; "Map To…" (Ctrl+Return) does the same
 * from the keyboard with a searchable chooser; "Suggest Mappings" offers the map's
 * suggestions; Ctrl+Z / Shift+Ctrl+Z undo and redo.
 *
 * Properties: "plan" (FerryPlan, construct-only), "state" (string, read-only: "idle" before
 * loading, "loading", "error", "board"), "show-unmapped" (bool: only the sources and NICs that
 * still block), "blocker" (string, read-only: why the step is not done, or NULL). */
GtkWidget *
ferry_wizard_networks_page_new (FerryPlan *plan);

/* Loads the destination site's networks (@endpoint_id: the plan's remote endpoint) into the
 * map; "state" follows, and on an error Retry ("networks.retry") loads again. */
void
ferry_wizard_networks_page_load (FerryWizardNetworksPage *self, FerryHcxClient *client,
                                 const char *endpoint_id);

const char *
ferry_wizard_networks_page_get_state (FerryWizardNetworksPage *self);
const char *
ferry_wizard_networks_page_get_blocker (FerryWizardNetworksPage *self);
gboolean
ferry_wizard_networks_page_get_show_unmapped (FerryWizardNetworksPage *self);
void
ferry_wizard_networks_page_set_show_unmapped (FerryWizardNetworksPage *self,
                                              gboolean show_unmapped);

/* The left column's selection: a GtkMultiSelection over GtkTreeListRows whose items are
 * FerryNetworkSources and, under an expanded source, its FerryNetworkNicRefs. */
GtkSelectionModel *
ferry_wizard_networks_page_get_source_selection (FerryWizardNetworksPage *self);
/* The right column as shown (searched): FerryNetworks. */
GListModel *
ferry_wizard_networks_page_get_targets (FerryWizardNetworksPage *self);
void
ferry_wizard_networks_page_set_search (FerryWizardNetworksPage *self, const char *text);

/* What a drag from the board carries (a GPtrArray of FerryNetworkSource and
 * FerryNetworkNicRef, in a GValue of G_TYPE_PTR_ARRAY) and the one place a drop on @target is
 * handled: the GtkDropTarget of every destination row calls it. Sources get @target as their
 * rule, NICs as their exception. FALSE when the value carries nothing to map. */
gboolean
ferry_wizard_networks_page_drop (FerryWizardNetworksPage *self, const GValue *value,
                                 FerryNetwork *target);

/* The open "Map To…" chooser (a FerryNetworkChooser), or NULL. */
GtkWidget *
ferry_wizard_networks_page_get_chooser (FerryWizardNetworksPage *self);
/* The open "Suggest Mappings" dialog (an AdwMessageDialog: one check row per suggestion,
 * responses "apply" and "cancel", or "close" when there is nothing to suggest), or NULL. */
GtkWidget *
ferry_wizard_networks_page_get_suggestions_dialog (FerryWizardNetworksPage *self);
/* Planning offline (no client loaded), "Destination Networks…" ("networks.destinations") opens
 * a FerryWizardNetworksDestinations over the plan's map: the open one, or NULL. */
GtkWidget *
ferry_wizard_networks_page_get_destinations_dialog (FerryWizardNetworksPage *self);

G_END_DECLS
