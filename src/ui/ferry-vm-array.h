/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-array.h: the VM step's inventory, a GListModel of FerryVm over an array
 *
 * GListStore keeps its items in a GSequence (a balanced tree): get_item costs a tree walk,
 * and sorting and filtering 100,000 VMs read the items hundreds of thousands of times. The VM
 * step keeps the inventory in this array instead, whose get_item is an index. It grows page by
 * page while the inventory loads (ferry_vm_array_append()).
 *
 * It also keeps each column's sort order (a permutation of the positions): by name always,
 * merged page by page from a collate key computed once per VM; by any other column on first
 * use, derived from the name order by a stable sort, so that ties stay in name order. */
#pragma once

#include <gio/gio.h>

#include "ferry-vm.h"

G_BEGIN_DECLS

#define FERRY_TYPE_VM_ARRAY (ferry_vm_array_get_type ())
G_DECLARE_FINAL_TYPE (FerryVmArray, ferry_vm_array, FERRY, VM_ARRAY, GObject)

/* What a VM list can be sorted by. */
typedef enum
{
  FERRY_VM_SORT_NAME,
  FERRY_VM_SORT_POWER,
  FERRY_VM_SORT_GUEST,
  FERRY_VM_SORT_CPU,
  FERRY_VM_SORT_MEMORY,
  FERRY_VM_SORT_DISK,
  FERRY_VM_SORT_NICS,
  FERRY_VM_SORT_CLUSTER,
  FERRY_VM_SORT_FOLDER,
  FERRY_VM_N_SORTS
} FerryVmSort;

/* An empty array. */
FerryVmArray *
ferry_vm_array_new (void);
/* A snapshot of @model's items (FerryVm) at the time of the call. */
FerryVmArray *
ferry_vm_array_new_from_model (GListModel *model);

/* Appends @n_vms VMs (referenced) and emits items-changed once. */
void
ferry_vm_array_append (FerryVmArray *self, FerryVm *const *vms, guint n_vms);
/* Removes every VM. */
void
ferry_vm_array_clear (FerryVmArray *self);

guint
ferry_vm_array_get_length (FerryVmArray *self);
/* The VMs, borrowed, valid until the array changes. */
FerryVm *const *
ferry_vm_array_peek (FerryVmArray *self);

/* The positions of every VM in ascending order of @sort (ties by name, then by position),
 * borrowed and valid until the array changes; computed on first use. */
const guint *
ferry_vm_array_get_order (FerryVmArray *self, FerryVmSort sort);

G_END_DECLS
