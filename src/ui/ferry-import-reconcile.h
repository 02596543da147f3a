/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-inventory-reconcile.h"

G_BEGIN_DECLS

#define FERRY_TYPE_IMPORT_RECONCILE (ferry_import_reconcile_get_type ())
G_DECLARE_FINAL_TYPE (FerryImportReconcile, ferry_import_reconcile, FERRY, IMPORT_RECONCILE,
                      AdwWindow)

/* "The Plan on HCX Manager …": a saved plan compared with the manager's inventory when it is
 * opened against it, before anything is validated. Per VM what changed (NICs, size, power
 * state, each change in words), what is missing or ambiguous, and how many were found
 * unchanged. @items: FerryReconcileItem s (ferry_inventory_reconcile()); @manager: the
 * manager's address, for the title. */
FerryImportReconcile *
ferry_import_reconcile_new (GtkWindow *parent, GListModel *items, const char *manager);

GListModel *
ferry_import_reconcile_get_items (FerryImportReconcile *self);
/* What the dialog shows, a line per VM listed ("db-01: missing: …"), for tests. */
char *
ferry_import_reconcile_describe (FerryImportReconcile *self);

G_END_DECLS
