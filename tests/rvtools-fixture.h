/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rvtools-fixture.h: RVTools exports written by the tests themselves
 *
 * An RvFixture holds rows per tab in a fixed column order (RV_* below) and writes them as an
 * .xlsx workbook (libxlsxwriter) or as per-tab CSV files (libcsv's writer), with the header
 * names of either RVTools dialect: the workbook's ("VM", "Total disk capacity MiB") or the CSV
 * export's ("vInfoVMName", "vInfoTotalDiskCapacityMiB").
 *
 * Cell conventions: a text that looks like a number is written as a number to a workbook,
 * unless it starts with an apostrophe ("'8192": a number stored as text, as in Excel); a text
 * "@date:2026-11-02 10:15:00" is a date cell (an Excel serial with a date format in a
 * workbook, "2026/11/02 10:15:00" in CSV). */
#pragma once

#include <gio/gio.h>

#include "ferry-vm.h"

G_BEGIN_DECLS

typedef enum
{
  RV_DIALECT_WORKBOOK, /* "VM", "Powerstate", … */
  RV_DIALECT_CSV,      /* "vInfoVMName", "vInfoPowerstate", … */
} RvDialect;

typedef enum
{
  RV_VINFO,
  RV_VNETWORK,
  RV_VSNAPSHOT,
  RV_VCD,
  RV_VTOOLS,
  RV_VMETADATA,
  RV_N_TABS
} RvTab;

/* Column order of each tab's rows. */
enum
{
  RV_INFO_VM,
  RV_INFO_POWER,
  RV_INFO_TEMPLATE,
  RV_INFO_CPUS,
  RV_INFO_MEMORY,
  RV_INFO_DISK,
  RV_INFO_PROVISIONED,
  RV_INFO_IN_USE,
  RV_INFO_HW,
  RV_INFO_DATACENTER,
  RV_INFO_CLUSTER,
  RV_INFO_HOST,
  RV_INFO_FOLDER,
  RV_INFO_POOL,
  RV_INFO_PATH,
  RV_INFO_OS,
  RV_INFO_OS_TOOLS,
  RV_INFO_DNS,
  RV_INFO_VM_ID,
  RV_INFO_VM_UUID,
  RV_INFO_BIOS_UUID,
  RV_INFO_SERVER,
  RV_INFO_ANNOTATION,
  RV_INFO_N
};
enum
{
  RV_NET_VM,
  RV_NET_LABEL,
  RV_NET_ADAPTER,
  RV_NET_NETWORK,
  RV_NET_CONNECTED,
  RV_NET_MAC,
  RV_NET_SERVER,
  RV_NET_N
};
enum
{
  RV_SNAP_VM,
  RV_SNAP_NAME,
  RV_SNAP_DATE,
  RV_SNAP_SERVER,
  RV_SNAP_N
};
enum
{
  RV_CD_VM,
  RV_CD_CONNECTED,
  RV_CD_TYPE,
  RV_CD_SERVER,
  RV_CD_N
};
enum
{
  RV_TOOLS_VM,
  RV_TOOLS_STATUS,
  RV_TOOLS_VM_VERSION,
  RV_TOOLS_SERVER,
  RV_TOOLS_N
};
enum
{
  RV_META_VERSION,
  RV_META_DATE,
  RV_META_SERVER,
  RV_META_N
};

typedef struct _RvFixture RvFixture;

RvFixture *
rv_fixture_new (void);
void
rv_fixture_free (RvFixture *fx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RvFixture, rv_fixture_free)

/* Appends a row of @tab: the tab's columns in order, NULL-terminated (missing trailing cells
 * are empty). */
void
rv_fixture_add (RvFixture *fx, RvTab tab, ...) G_GNUC_NULL_TERMINATED;
void
rv_fixture_addv (RvFixture *fx, RvTab tab, const char *const *cells, guint n_cells);
/* An empty row, as spreadsheets leave between blocks. */
void
rv_fixture_add_empty_row (RvFixture *fx, RvTab tab);
/* Leaves a tab out of what is written (it is written when it has rows or is included). */
void
rv_fixture_omit_tab (RvFixture *fx, RvTab tab);
/* Leaves a column out of a tab's header and rows (to test a missing column). */
void
rv_fixture_omit_column (RvFixture *fx, RvTab tab, guint column);

/* @constant_memory: libxlsxwriter's mode that writes inline strings instead of shared ones. */
void
rv_fixture_write_xlsx (RvFixture *fx, const char *path, RvDialect dialect,
                       gboolean constant_memory);

typedef struct
{
  char delimiter;    /* ',' (default when 0), ';', '\t' */
  gboolean bom;      /* UTF-8 byte order mark */
  gboolean crlf;     /* CRLF line ends */
  gboolean sep_line; /* Excel's "sep=;" first line */
} RvCsvOptions;

/* Writes "<dir>/<prefix><tab>.csv" per tab (prefix "RVTools_tab" as RVTools does). */
void
rv_fixture_write_csv (RvFixture *fx, const char *dir, const char *prefix, RvDialect dialect,
                      const RvCsvOptions *options);

/* An estate of @n_vms VMs over two vCenters (vc01.corp.local, vc02.corp.local): 1–3 NICs,
 * some snapshots, ISOs, old hardware, Tools states, names "app-%05u". Deterministic. */
void
rv_fixture_add_estate (RvFixture *fx, guint n_vms);

/* Five VMs with tricky cells: a name with a comma and quotes, a non-ASCII name with numbers
 * stored as text and two snapshots (one name with a line break), "db-01" in vc01 and vc02, a
 * template; empty rows; a vNetwork row of a VM that is not in vInfo. */
#define RV_TRICKY_WEB_NAME "web, frontend \"01\""
#define RV_TRICKY_INTL_NAME "Bücher-ñ-数据库"
RvFixture *
rv_fixture_new_tricky (void);

/* The VM named @name in @vms (a list of FerryVm), or NULL; the list keeps it. */
FerryVm *
rv_vm_named (GListModel *vms, const char *name);

/* Reads the export at @export_path (ferry_rvtools_import) and writes @inventory_path for the
 * simulator: the same estate as it is "now", app-00003 with twice the memory, app-00005 gone
 * (renamed, another id). Asserts on error. */
void
rv_write_estate_now (const char *export_path, const char *inventory_path);

G_END_DECLS
