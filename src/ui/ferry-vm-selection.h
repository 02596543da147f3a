/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-selection.h: a GtkSelectionModel whose selection is the plan's
 *
 * Over any GListModel of FerryVm (the filtered, sorted inventory), a VM is selected exactly when
 * the FerryPlan holds an item for it: selecting adds VMs to the plan, unselecting removes
 * them, and changes made to the plan elsewhere (a name list, a resumed plan) show at once. So
 * the selection survives filtering and sorting, and is saved with the plan. "Select all"
 * selects every VM of the model, that is every VM matching the current search and filters. */
#pragma once

#include <gtk/gtk.h>

#include "ferry-plan.h"

G_BEGIN_DECLS

#define FERRY_TYPE_VM_SELECTION (ferry_vm_selection_get_type ())
G_DECLARE_FINAL_TYPE (FerryVmSelection, ferry_vm_selection, FERRY, VM_SELECTION, GObject)

/* Properties: "model" (GListModel of FerryVm), "plan" (FerryPlan). */
FerryVmSelection *
ferry_vm_selection_new (GListModel *model, FerryPlan *plan);

GListModel *
ferry_vm_selection_get_model (FerryVmSelection *self);
FerryPlan *
ferry_vm_selection_get_plan (FerryVmSelection *self);
void
ferry_vm_selection_set_plan (FerryVmSelection *self, FerryPlan *plan);

G_END_DECLS
