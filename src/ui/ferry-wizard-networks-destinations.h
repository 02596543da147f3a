/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-network-map.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WIZARD_NETWORKS_DESTINATIONS (ferry_wizard_networks_destinations_get_type ())
G_DECLARE_FINAL_TYPE (FerryWizardNetworksDestinations, ferry_wizard_networks_destinations, FERRY,
                      WIZARD_NETWORKS_DESTINATIONS, AdwWindow)

/* "Destination Networks": planning offline (no HCX Manager), the user types in the networks of
 * the destination site, or imports a list file of them (ferry-network-list.h), to map the
 * source networks to on the board. The list is the map's offline destinations
 * (ferry-network-map-offline.h): saved with the plan and matched by name to the manager's
 * networks on connecting. Each network can be removed again; a name already listed is not
 * added twice. A list file that cannot be used is refused with one message and nothing is
 * added.
 *
 * Named widgets (for tests): "destination-name" (AdwEntryRow), "destination-type"
 * (AdwComboRow), "destination-vlan" (AdwEntryRow), "destination-add", "destination-list"
 * (GtkListBox), "destination-import". Actions: "destinations.add", "destinations.import"
 * (the file chooser). */
GtkWidget *
ferry_wizard_networks_destinations_new (GtkWindow *parent, FerryNetworkMap *map);

/* Reads @file as a list of networks and adds them (what the chooser does; for tests). */
void
ferry_wizard_networks_destinations_import_file (FerryWizardNetworksDestinations *self, GFile *file);
/* TRUE while a list file is being read. */
gboolean
ferry_wizard_networks_destinations_get_busy (FerryWizardNetworksDestinations *self);
/* The last message shown: what an import added, or why it was refused (NULL: none). */
const char *
ferry_wizard_networks_destinations_get_message (FerryWizardNetworksDestinations *self);

G_END_DECLS
