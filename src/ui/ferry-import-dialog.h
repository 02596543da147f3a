/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-inventory-facts.h"

G_BEGIN_DECLS

#define FERRY_TYPE_IMPORT_DIALOG (ferry_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FerryImportDialog, ferry_import_dialog, FERRY, IMPORT_DIALOG, AdwWindow)

/* "Import RVTools Export": reads an export (ferry_rvtools_import_async) with its progress and
 * Cancel, then shows either one message saying what is wrong with the file (nothing is
 * imported) or what was read: VMs, network adapters, networks, vCenters, the export's date,
 * the tabs found and those missing, the importer's notes.
 *
 * Properties: "connected" (bool, construct-only: the summary offers "Plan Offline" only when
 * not connected), "facts" (FerryInventoryFacts, read-only: the import, once it succeeded),
 * "state" (string, read-only: "progress", "error" or "summary"), "error" (string, read-only).
 * Signals: "imported" (FerryInventoryFacts): the import succeeded; "plan-offline"
 * (FerryInventoryFacts): the user asked to plan from it (the dialog closes). */
FerryImportDialog *
ferry_import_dialog_new (GtkWindow *parent, gboolean connected);

/* Reads @files (as ferry_rvtools_import_async() takes them); shows the dialog. */
void
ferry_import_dialog_import (FerryImportDialog *self, GFile *const *files, guint n_files);

FerryInventoryFacts *
ferry_import_dialog_get_facts (FerryImportDialog *self);
const char *
ferry_import_dialog_get_state (FerryImportDialog *self);
const char *
ferry_import_dialog_get_error (FerryImportDialog *self);
/* The summary's text, one line per row ("Virtual machines: 200"), for tests. */
char *
ferry_import_dialog_describe (FerryImportDialog *self);

typedef void (*FerryImportChooseFunc) (GFile *const *files, guint n_files, gpointer user_data);

/* A GtkFileChooserNative for an RVTools export: an .xlsx workbook, or the vInfo CSV (or all
 * CSV files) of a per-tab export. Calls @func with the files chosen (not when cancelled). */
void
ferry_import_choose_files (GtkWindow *parent, FerryImportChooseFunc func, gpointer user_data,
                           GDestroyNotify destroy);

G_END_DECLS
