/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-inventory-reconcile-private.h: building FerryReconcileItem s */
#pragma once

#include "ferry-inventory-reconcile.h"

G_BEGIN_DECLS

FerryReconcileItem *
_ferry_reconcile_item_new (FerryReconcileStatus status, FerryReconcileMatch match,
                           FerryVm *planned_vm, FerryVm *manager_vm);
/* Adds @change (may be NONE, for an explanation) and takes @detail (may be NULL); a MATCHED
 * item with a change becomes CHANGED. */
void
_ferry_reconcile_item_add_change (FerryReconcileItem *self, FerryReconcileChanges change,
                                  char *detail);

G_END_DECLS
