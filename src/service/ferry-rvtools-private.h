/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools-private.h: the pieces of the RVTools import
 *
 * The readers (ferry-rvtools-xlsx.c, ferry-rvtools-csv.c) turn a tab into rows of cells and
 * hand them to the builder (ferry-rvtools-build.c), which finds the columns by the alias table
 * (ferry-rvtools-columns.c) and makes the model. vInfo is always read first, so that the other
 * tabs' rows find their VMs as they stream by. */
#pragma once

#include "ferry-rvtools.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_RVTOOLS_TAB_VINFO,
  FERRY_RVTOOLS_TAB_VNETWORK,
  FERRY_RVTOOLS_TAB_VSNAPSHOT,
  FERRY_RVTOOLS_TAB_VCD,
  FERRY_RVTOOLS_TAB_VTOOLS,
  FERRY_RVTOOLS_TAB_VMETADATA,
  FERRY_RVTOOLS_N_TABS
} FerryRvtoolsTab;

typedef enum
{
  /* vInfo (several also in the other tabs) */
  FERRY_RVTOOLS_COL_VM,
  FERRY_RVTOOLS_COL_POWERSTATE,
  FERRY_RVTOOLS_COL_TEMPLATE,
  FERRY_RVTOOLS_COL_CPUS,
  FERRY_RVTOOLS_COL_MEMORY,
  FERRY_RVTOOLS_COL_DISK_MIB,
  FERRY_RVTOOLS_COL_PROVISIONED_MIB,
  FERRY_RVTOOLS_COL_IN_USE_MIB,
  FERRY_RVTOOLS_COL_HW_VERSION,
  FERRY_RVTOOLS_COL_DATACENTER,
  FERRY_RVTOOLS_COL_CLUSTER,
  FERRY_RVTOOLS_COL_HOST,
  FERRY_RVTOOLS_COL_FOLDER,
  FERRY_RVTOOLS_COL_RESOURCE_POOL,
  FERRY_RVTOOLS_COL_PATH,
  FERRY_RVTOOLS_COL_OS_CONFIG,
  FERRY_RVTOOLS_COL_OS_TOOLS,
  FERRY_RVTOOLS_COL_DNS_NAME,
  FERRY_RVTOOLS_COL_VM_ID,
  FERRY_RVTOOLS_COL_VM_UUID,
  FERRY_RVTOOLS_COL_BIOS_UUID,
  FERRY_RVTOOLS_COL_SERVER,
  /* vNetwork */
  FERRY_RVTOOLS_COL_NIC_LABEL,
  FERRY_RVTOOLS_COL_NETWORK,
  FERRY_RVTOOLS_COL_MAC,
  FERRY_RVTOOLS_COL_CONNECTED,
  /* vSnapshot */
  FERRY_RVTOOLS_COL_SNAPSHOT_NAME,
  FERRY_RVTOOLS_COL_SNAPSHOT_DATE,
  /* vCD */
  FERRY_RVTOOLS_COL_CD_DEVICE_TYPE,
  FERRY_RVTOOLS_COL_CD_FILE,
  /* vTools */
  FERRY_RVTOOLS_COL_TOOLS_STATUS,
  FERRY_RVTOOLS_COL_TOOLS_VM_VERSION,
  /* vMetaData */
  FERRY_RVTOOLS_COL_EXPORT_DATE,
  FERRY_RVTOOLS_N_COLS
} FerryRvtoolsCol;

/* One cell as a reader found it. @text is NUL-terminated UTF-8 (never NULL: "" when empty);
 * @numeric: the workbook stored a number (so a date column holds an Excel serial). */
typedef struct
{
  const char *text;
  gboolean numeric;
} FerryRvtoolsCell;

/* Columns ----------------------------------------------------------------------------------- */

const char *
_ferry_rvtools_tab_name (FerryRvtoolsTab tab);
/* A sheet name ("vInfo", case-insensitive) -> tab. */
gboolean
_ferry_rvtools_tab_from_name (const char *name, FerryRvtoolsTab *out_tab);
/* Any of RVTools' 27 tab names, read or not (vHost, vDisk, …). */
gboolean
_ferry_rvtools_is_rvtools_tab (const char *name);
/* A CSV file name ("RVTools_tabvInfo.csv", "vinfo.csv") -> tab; FALSE if it names none of
 * Ferry's tabs, with *out_other_tab TRUE when it names another RVTools tab. */
gboolean
_ferry_rvtools_tab_from_file_name (const char *basename, FerryRvtoolsTab *out_tab,
                                   gboolean *out_other_tab);
/* Maps each header cell to a column of @tab (-1 for a column Ferry does not read) in
 * @out_cols[n_headers]; returns how many headers were recognised. */
guint
_ferry_rvtools_map_header (FerryRvtoolsTab tab, char *const *headers, guint n_headers,
                           int *out_cols);
/* The required columns of @tab that @have (indexed by FerryRvtoolsCol) lacks, as
 * "“VM” (or VM Name, vInfoVMName)" strings, or NULL when none lacks. */
char *
_ferry_rvtools_describe_missing (FerryRvtoolsTab tab, const gboolean *have);

/* Values ------------------------------------------------------------------------------------ */

/* "8192", "8,192", "8 192", "8192.0", "1.024,0" -> integer; FALSE for empty or not a number. */
gboolean
_ferry_rvtools_parse_int (const char *text, gint64 *out_value);
/* True/False/Yes/No/1/0 (and Excel's 1/0): -1 unknown, 0, 1. */
int
_ferry_rvtools_parse_bool (const char *text);
/* An Excel serial (@numeric) or "2026/11/20 14:02:11", "2026-11-20T14:02:11", "20.11.2026
 * 14:02", "11/20/2026 2:02:11 PM" … -> UTC date time, or NULL. */
GDateTime *
_ferry_rvtools_parse_date (const char *text, gboolean numeric, gboolean date1904);

/* Building ---------------------------------------------------------------------------------- */

typedef struct _FerryRvtoolsBuilder FerryRvtoolsBuilder;

/* @origin: the export's name for the source; @fallback_date: the date used when the export
 * has no vMetaData tab with a date (the workbook's creation date, the file's modification
 * time), or NULL. vMetaData, if any, must come before vInfo. */
FerryRvtoolsBuilder *
_ferry_rvtools_builder_new (const char *origin, GDateTime *fallback_date);
void
_ferry_rvtools_builder_free (FerryRvtoolsBuilder *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryRvtoolsBuilder, _ferry_rvtools_builder_free)
/* The workbook's dates count from 1904 (workbookPr date1904). */
void
_ferry_rvtools_builder_set_date1904 (FerryRvtoolsBuilder *self, gboolean date1904);
/* @where: what a message calls the tab ("the vInfo sheet", "“RVTools_tabvInfo.csv”"). */
void
_ferry_rvtools_builder_begin_tab (FerryRvtoolsBuilder *self, FerryRvtoolsTab tab,
                                  const char *where);
/* The first non-empty row is the header; rows that are empty are skipped. */
gboolean
_ferry_rvtools_builder_row (FerryRvtoolsBuilder *self, const FerryRvtoolsCell *cells, guint n_cells,
                            GError **error);
gboolean
_ferry_rvtools_builder_end_tab (FerryRvtoolsBuilder *self, GError **error);
/* The inventory, or an error (no vInfo tab was read, no VM in it). */
FerryInventoryFacts *
_ferry_rvtools_builder_finish (FerryRvtoolsBuilder *self, GError **error);

/* Reading ----------------------------------------------------------------------------------- */

typedef struct _FerryRvtoolsRun FerryRvtoolsRun;

/* Progress and cancellation, for the readers: @bytes more were read while reading @tab. FALSE
 * (and G_IO_ERROR_CANCELLED) once cancelled. */
gboolean
_ferry_rvtools_run_advance (FerryRvtoolsRun *run, FerryRvtoolsTab tab, guint64 bytes,
                            GError **error);
void
_ferry_rvtools_run_add_total (FerryRvtoolsRun *run, guint64 bytes);

/* @file is a workbook (already sniffed as a zip); @cfb: it is an OLE compound file instead. */
FerryInventoryFacts *
_ferry_rvtools_read_xlsx (FerryRvtoolsRun *run, GFile *file, GError **error);
/* Classifies, reads and builds the CSV files. */
FerryInventoryFacts *
_ferry_rvtools_read_csv (FerryRvtoolsRun *run, GFile *const *files, guint n_files,
                         const char *origin, gboolean from_folder, GError **error);
/* Message for a CFB (OLE2) file: password-protected OOXML or a legacy .xls. */
void
_ferry_rvtools_cfb_error (GFile *file, GError **error);

G_END_DECLS
