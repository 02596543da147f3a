/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network.h: a network (port group or NSX-T segment) of a site
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_NETWORK (ferry_network_get_type ())
G_DECLARE_FINAL_TYPE (FerryNetwork, ferry_network, FERRY, NETWORK, GObject)

FerryNetwork *
ferry_network_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_network_set_quiet (FerryNetwork *self, gboolean quiet);

const char *
ferry_network_get_id (FerryNetwork *self);
void
ferry_network_set_id (FerryNetwork *self, const char *id);
const char *
ferry_network_get_name (FerryNetwork *self);
void
ferry_network_set_name (FerryNetwork *self, const char *name);
const char *
ferry_network_get_entity_type (FerryNetwork *self);
void
ferry_network_set_entity_type (FerryNetwork *self, const char *entity_type);
const char *
ferry_network_get_network_type (FerryNetwork *self);
void
ferry_network_set_network_type (FerryNetwork *self, const char *network_type);
const char *
ferry_network_get_href (FerryNetwork *self);
void
ferry_network_set_href (FerryNetwork *self, const char *href);
gboolean
ferry_network_get_extended (FerryNetwork *self);
void
ferry_network_set_extended (FerryNetwork *self, gboolean extended);
const char *
ferry_network_get_endpoint_id (FerryNetwork *self);
void
ferry_network_set_endpoint_id (FerryNetwork *self, const char *endpoint_id);
/* The VLAN the network carries ("vlanId" on the wire): 0 when unknown; out of 1–4094 is 0. */
guint
ferry_network_get_vlan_id (FerryNetwork *self);
void
ferry_network_set_vlan_id (FerryNetwork *self, guint vlan_id);

G_END_DECLS
