/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools.h: importing an RVTools export
 *
 * An RVTools export, either the .xlsx workbook (one sheet per tab) or the per-tab CSV files
 * (RVTools_tabvInfo.csv, …), becomes a FerryInventoryFacts: FerryVm s with their FerryNic s,
 * the networks they are on, and per VM the facts FerryVm has no field for, each with its source
 * ("from the RVTools export of 20 Nov 2026, vc01"). Tabs read: vInfo (required), vNetwork,
 * vSnapshot, vCD, vTools and vMetaData (the export's date); a tab that is absent leaves its
 * facts unknown. Columns are found by name through the alias table in ferry-rvtools-columns.c
 * (RVTools' workbook names such as "VM" and its CSV names such as "vInfoVMName"), so the order
 * and the extra columns do not matter.
 *
 * The workbook is read with libgsf (the zip container) and libxml2's xmlReader (sheets, shared
 * strings); CSV with libcsv: quoted cells with separators and line breaks, a UTF-8 (or UTF-16)
 * byte order mark, comma, semicolon or tab separators (told from the header line, or an Excel
 * "sep=;" line), CRLF or LF; cells that are not UTF-8 are read as Windows-1252.
 *
 * All or nothing: on any error the import returns NULL and one FERRY_RVTOOLS_ERROR naming what
 * is wrong (the file, the tab, the column), never a partial inventory. */
#pragma once

#include <gio/gio.h>

#include "ferry-inventory-facts.h"

G_BEGIN_DECLS

#define FERRY_RVTOOLS_ERROR (ferry_rvtools_error_quark ())

typedef enum
{
  FERRY_RVTOOLS_ERROR_READ,           /* the file or folder cannot be opened or read */
  FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,    /* a file that is no RVTools export at all */
  FERRY_RVTOOLS_ERROR_MISSING_TAB,    /* an RVTools export without its vInfo tab */
  FERRY_RVTOOLS_ERROR_MISSING_COLUMN, /* a tab lacks a column Ferry needs (named) */
  FERRY_RVTOOLS_ERROR_DAMAGED,        /* truncated or corrupt (zip, XML, an open quote) */
  FERRY_RVTOOLS_ERROR_ENCRYPTED,      /* a password-protected workbook */
  FERRY_RVTOOLS_ERROR_UNSUPPORTED,    /* a legacy .xls workbook */
  FERRY_RVTOOLS_ERROR_CSV_DIALECT,    /* a CSV whose separator cannot be told */
  FERRY_RVTOOLS_ERROR_EMPTY,          /* vInfo lists no VM */
} FerryRvtoolsError;

GQuark
ferry_rvtools_error_quark (void);

/* Called on the caller's main context, at most every 50 ms and at each tab: @fraction of the
 * bytes read (0…1), @phase what is being read ("Reading vNetwork", translatable). Never after
 * the import's callback; the destroy notify also runs on that context. */
typedef void (*FerryRvtoolsProgressFunc) (double fraction, const char *phase, gpointer user_data);

/* @files: one .xlsx workbook; or one folder (its .xlsx, or its RVTools CSV files); or one or
 * more CSV files (one vInfo CSV alone brings its sibling tabs from the same folder, e.g.
 * RVTools_tabvNetwork.csv beside RVTools_tabvInfo.csv). Reads in a worker thread; the
 * callback runs on the thread-default main context of the caller. */
void
ferry_rvtools_import_async (GFile *const *files, guint n_files, FerryRvtoolsProgressFunc progress,
                            gpointer progress_data, GDestroyNotify progress_destroy,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data);
FerryInventoryFacts *
ferry_rvtools_import_finish (GAsyncResult *result, GError **error);

/* The same, blocking: for worker threads, tools and benchmarks. */
FerryInventoryFacts *
ferry_rvtools_import (GFile *const *files, guint n_files, GCancellable *cancellable,
                      GError **error);

/* The tabs an import read ("vInfo", "vNetwork", …, in the order of
 * ferry_rvtools_get_tab_names()); empty for facts that did not come from an import. */
const char *const *
ferry_rvtools_get_tabs_read (FerryInventoryFacts *facts);
/* Every tab Ferry reads: vInfo, vNetwork, vSnapshot, vCD, vTools, vMetaData. */
const char *const *
ferry_rvtools_get_tab_names (void);

/* Writes @facts' VMs as an inventory file for the simulator (the HCX API's virtualmachines
 * items: names, sizes, power states, NICs and their networks, placement, hardware, Tools,
 * snapshots, ISO), for `ferry-hcx-sim --inventory FILE` or FerrySimOptions.inventory_file: a
 * rehearsal on the exported estate. Blocking: call it from a worker thread. */
gboolean
ferry_rvtools_write_sim_inventory (FerryInventoryFacts *facts, GFile *file,
                                   GCancellable *cancellable, GError **error);

G_END_DECLS
