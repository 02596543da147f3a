/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm.h: a virtual machine of the source inventory
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>
#include "ferry-model-types.h"
#include "ferry-nic.h"

G_BEGIN_DECLS

#define FERRY_TYPE_VM (ferry_vm_get_type ())
G_DECLARE_FINAL_TYPE (FerryVm, ferry_vm, FERRY, VM, GObject)

FerryVm *
ferry_vm_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_vm_set_quiet (FerryVm *self, gboolean quiet);

const char *
ferry_vm_get_id (FerryVm *self);
void
ferry_vm_set_id (FerryVm *self, const char *id);
const char *
ferry_vm_get_name (FerryVm *self);
void
ferry_vm_set_name (FerryVm *self, const char *name);
const char *
ferry_vm_get_guest_full_name (FerryVm *self);
void
ferry_vm_set_guest_full_name (FerryVm *self, const char *guest_full_name);
const char *
ferry_vm_get_guest_id (FerryVm *self);
void
ferry_vm_set_guest_id (FerryVm *self, const char *guest_id);
const char *
ferry_vm_get_guest_host_name (FerryVm *self);
void
ferry_vm_set_guest_host_name (FerryVm *self, const char *guest_host_name);
int
ferry_vm_get_num_cpu (FerryVm *self);
void
ferry_vm_set_num_cpu (FerryVm *self, int num_cpu);
gint64
ferry_vm_get_memory_mb (FerryVm *self);
void
ferry_vm_set_memory_mb (FerryVm *self, gint64 memory_mb);
gint64
ferry_vm_get_disk_bytes (FerryVm *self);
void
ferry_vm_set_disk_bytes (FerryVm *self, gint64 disk_bytes);
FerryPowerState
ferry_vm_get_power_state (FerryVm *self);
void
ferry_vm_set_power_state (FerryVm *self, FerryPowerState power_state);
const char *
ferry_vm_get_folder (FerryVm *self);
void
ferry_vm_set_folder (FerryVm *self, const char *folder);
const char *
ferry_vm_get_cluster (FerryVm *self);
void
ferry_vm_set_cluster (FerryVm *self, const char *cluster);
const char *
ferry_vm_get_datastore (FerryVm *self);
void
ferry_vm_set_datastore (FerryVm *self, const char *datastore);
const char *
ferry_vm_get_hardware_version (FerryVm *self);
void
ferry_vm_set_hardware_version (FerryVm *self, const char *hardware_version);
const char *
ferry_vm_get_tools_status (FerryVm *self);
void
ferry_vm_set_tools_status (FerryVm *self, const char *tools_status);
int
ferry_vm_get_snapshot_count (FerryVm *self);
void
ferry_vm_set_snapshot_count (FerryVm *self, int snapshot_count);
FerryTriState
ferry_vm_get_iso_mounted (FerryVm *self);
void
ferry_vm_set_iso_mounted (FerryVm *self, FerryTriState iso_mounted);
const char *
ferry_vm_get_endpoint_id (FerryVm *self);
void
ferry_vm_set_endpoint_id (FerryVm *self, const char *endpoint_id);

/* NICs: the parser appends them; the list model is created on first use. */
void
ferry_vm_add_nic (FerryVm *self, FerryNic *nic);
guint
ferry_vm_get_n_nics (FerryVm *self);
FerryNic *
ferry_vm_get_nic (FerryVm *self, guint position);
GListModel *
ferry_vm_get_nics (FerryVm *self);

/* "vmx-19" -> 19; -1 when unknown or unparsable. */
int
ferry_vm_get_hardware_version_number (FerryVm *self);
/* Lower-case, case-folded "name guest host folder cluster" key for fast filtering. */
const char *
ferry_vm_get_search_key (FerryVm *self);

G_END_DECLS
