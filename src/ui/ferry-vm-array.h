/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-array.h: a read-only GListModel of FerryVm over an array
 *
 * GListStore keeps its items in a GSequence (a balanced tree): get_item costs a tree walk,
 * and sorting and filtering 100,000 VMs call it hundreds of thousands of times. The VM step
 * copies the inventory once into this array, whose get_item is an index. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_VM_ARRAY (ferry_vm_array_get_type ())
G_DECLARE_FINAL_TYPE (FerryVmArray, ferry_vm_array, FERRY, VM_ARRAY, GObject)

/* A snapshot of @model's items (FerryVm) at the time of the call. */
FerryVmArray *
ferry_vm_array_new (GListModel *model);

G_END_DECLS
