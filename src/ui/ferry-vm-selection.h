/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-selection.h: the VM step's rows, filtered and sorted, as a GtkSelectionModel whose
 * selection is the plan's
 *
 * Over a FerryVmArray (the inventory, growing while it loads), it shows the VMs that pass a
 * filter function, in the order of one column (FerryVmArray's precomputed orders) or in the
 * inventory's. A VM is selected exactly when the FerryPlan holds an item for it: selecting adds
 * VMs to the plan, unselecting removes them, and changes made to the plan elsewhere (a name
 * list, a resumed plan) show at once. So the selection survives filtering, sorting and loading,
 * and is saved with the plan. "Select all" selects every VM shown, that is every VM matching the
 * current search and filters.
 *
 * Its items are FerryVmRow objects, one per position, that stay the same while the VMs at
 * their positions change: a search or a sort changes which VM a row shows, never the rows
 * themselves (only the count changes, at the end of the list). GTK 4.8's list views destroy and
 * build the widgets of every row whose item changed; this way a keystroke or a sort rebinds the
 * few rows on screen instead ("rows-changed"). */
#pragma once

#include <gtk/gtk.h>

#include "ferry-plan.h"
#include "ferry-vm-array.h"

G_BEGIN_DECLS

#define FERRY_TYPE_VM_ROW (ferry_vm_row_get_type ())
G_DECLARE_FINAL_TYPE (FerryVmRow, ferry_vm_row, FERRY, VM_ROW, GObject)

/* The VM at the row's position now (borrowed), or NULL once the row is gone. */
FerryVm *
ferry_vm_row_get_vm (FerryVmRow *self);
guint
ferry_vm_row_get_position (FerryVmRow *self);

#define FERRY_TYPE_VM_SELECTION (ferry_vm_selection_get_type ())
G_DECLARE_FINAL_TYPE (FerryVmSelection, ferry_vm_selection, FERRY, VM_SELECTION, GObject)

typedef gboolean (*FerryVmFilterFunc) (FerryVm *vm, gpointer user_data);

/* Properties: "plan" (FerryPlan). Signal "rows-changed" (guint position, guint n_rows): the
 * VMs shown by those rows changed in place; rows bound to them need binding again. */
FerryVmSelection *
ferry_vm_selection_new (FerryVmArray *vms, FerryPlan *plan);

FerryVmArray *
ferry_vm_selection_get_vms (FerryVmSelection *self);
FerryPlan *
ferry_vm_selection_get_plan (FerryVmSelection *self);
void
ferry_vm_selection_set_plan (FerryVmSelection *self, FerryPlan *plan);

/* The VM shown at @position (borrowed), or NULL past the end. */
FerryVm *
ferry_vm_selection_get_vm (FerryVmSelection *self, guint position);

/* Shows only the VMs @func accepts (NULL: all). */
void
ferry_vm_selection_set_filter_func (FerryVmSelection *self, FerryVmFilterFunc func,
                                    gpointer user_data);
/* The filter's answers changed: GTK_FILTER_CHANGE_MORE_STRICT looks only at the VMs shown. */
void
ferry_vm_selection_refilter (FerryVmSelection *self, GtkFilterChange change);
/* @sort of FerryVmSort, or -1 for the inventory's order. */
void
ferry_vm_selection_set_sort (FerryVmSelection *self, int sort, gboolean descending);

G_END_DECLS
