/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ferry-import-dialog.h"
#include "ferry-window.h"

G_BEGIN_DECLS

/* An RVTools export in the window (issue 18): importing it (win.import-rvtools), planning
 * from it with no connection, comparing a saved plan with the manager's inventory when it is
 * opened against one, and the export's facts in the VM step's badges while connected. The
 * last export imported stays with the window until another one is. */

/* win.import-rvtools: the file chooser, then the import dialog. */
void
ferry_import_activate (FerryWindow *window);
/* The same with an action's signature, for gtk_widget_class_install_action(). */
void
ferry_import_action (GtkWidget *widget, const char *name, GVariant *parameter);
/* Imports @files in a new import dialog (what the chooser does; for tests). */
FerryImportDialog *
ferry_import_open_files (FerryWindow *window, GFile *const *files, guint n_files);
/* The last export imported in @window, or NULL. */
FerryInventoryFacts *
ferry_import_get_facts (FerryWindow *window);
/* "Plan Offline": a new plan in the wizard with no connection, over the export's VMs, with
 * placement by name. */
void
ferry_import_plan_offline (FerryWindow *window, FerryInventoryFacts *facts);
/* Called by the window for each wizard it opens with a connection: once the manager's
 * inventory is loaded, the plan's VMs are compared with it (a dialog lists what is missing and
 * what changed) and the manager's VMs are enriched with the export's facts. */
void
ferry_import_attach_wizard (FerryWindow *window, FerryWizard *wizard);
/* After connecting, when the manager has no unfinished plan: offers the latest plan made
 * offline. */
void
ferry_import_offer_offline_plan (FerryWindow *window);

G_END_DECLS
