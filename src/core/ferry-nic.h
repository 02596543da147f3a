/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-nic.h: one network adapter of a source VM
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

#include "ferry-model-types.h"

G_BEGIN_DECLS

#define FERRY_TYPE_NIC (ferry_nic_get_type ())
G_DECLARE_FINAL_TYPE (FerryNic, ferry_nic, FERRY, NIC, GObject)

FerryNic *
ferry_nic_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_nic_set_quiet (FerryNic *self, gboolean quiet);

const char *
ferry_nic_get_label (FerryNic *self);
void
ferry_nic_set_label (FerryNic *self, const char *label);
const char *
ferry_nic_get_mac_address (FerryNic *self);
void
ferry_nic_set_mac_address (FerryNic *self, const char *mac_address);
const char *
ferry_nic_get_network_id (FerryNic *self);
void
ferry_nic_set_network_id (FerryNic *self, const char *network_id);
const char *
ferry_nic_get_network_name (FerryNic *self);
void
ferry_nic_set_network_name (FerryNic *self, const char *network_name);
const char *
ferry_nic_get_network_type (FerryNic *self);
void
ferry_nic_set_network_type (FerryNic *self, const char *network_type);
gboolean
ferry_nic_get_connected (FerryNic *self);
void
ferry_nic_set_connected (FerryNic *self, gboolean connected);
/* Whether the inventory marks this NIC as the VM's primary one; UNKNOWN when it does not say
 * (then the VM's first NIC is the primary). */
FerryTriState
ferry_nic_get_primary (FerryNic *self);
void
ferry_nic_set_primary (FerryNic *self, FerryTriState primary);

G_END_DECLS
