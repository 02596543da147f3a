/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rvtools-bad.c: files the RVTools import must refuse, each with one error naming what is
 * wrong (the file, the tab, the column) and no inventory at all: not an export, no vInfo, a
 * missing column, truncated workbooks and CSV, password-protected and legacy workbooks, an
 * unknown CSV dialect, an empty vInfo, a file that does not exist. */

#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ferry-rvtools.h"
#include "rvtools-fixture.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static FerryInventoryFacts *
import_paths (GError **error, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return ferry_rvtools_import (&file, 1, NULL, error);
}

static void
assert_import_error (const char *path, FerryRvtoolsError code, const char *const *mentions)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = import_paths (&error, path);

  g_assert_null (facts);
  g_assert_error (error, FERRY_RVTOOLS_ERROR, (int)code);
  for (guint i = 0; mentions != NULL && mentions[i] != NULL; i++)
    if (strstr (error->message, mentions[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, mentions[i]);
}

#define MENTIONS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void
test_not_rvtools (void)
{
  g_autofree char *xlsx = tmp_path ("budget.xlsx");
  g_autofree char *text = tmp_path ("notes.pdf");
  g_autofree char *empty_dir = tmp_path ("empty");
  lxw_workbook *wb = workbook_new (xlsx);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Budget 2027");

  worksheet_write_string (ws, 0, 0, "Item", NULL);
  worksheet_write_number (ws, 1, 0, 12, NULL);
  workbook_add_worksheet (wb, "Notes");
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  assert_import_error (xlsx, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
                       MENTIONS ("budget.xlsx", "Budget 2027, Notes"));

  g_assert_true (g_file_set_contents (text, "%PDF-1.7 not a spreadsheet", -1, NULL));
  assert_import_error (text, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS, MENTIONS ("notes.pdf"));

  g_assert_cmpint (g_mkdir_with_parents (empty_dir, 0700), ==, 0);
  assert_import_error (empty_dir, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS, MENTIONS ("empty"));
}

static void
test_missing_vinfo (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new_tricky ();
  g_autofree char *xlsx = tmp_path ("no-vinfo.xlsx");
  g_autofree char *dir = tmp_path ("no-vinfo");
  g_autofree char *network = NULL;

  rv_fixture_omit_tab (fx, RV_VINFO);
  rv_fixture_write_xlsx (fx, xlsx, RV_DIALECT_WORKBOOK, FALSE);
  assert_import_error (xlsx, FERRY_RVTOOLS_ERROR_MISSING_TAB, MENTIONS ("no vInfo", "vNetwork"));
  rv_fixture_write_csv (fx, dir, "RVTools_tab", RV_DIALECT_CSV, NULL);
  assert_import_error (dir, FERRY_RVTOOLS_ERROR_MISSING_TAB, MENTIONS ("vInfo"));
  network = g_build_filename (dir, "RVTools_tabvNetwork.csv", NULL);
  assert_import_error (network, FERRY_RVTOOLS_ERROR_MISSING_TAB, MENTIONS ("vInfo"));
}

static void
test_missing_column (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new_tricky ();
  g_autoptr (RvFixture) fx2 = rv_fixture_new_tricky ();
  g_autofree char *xlsx = tmp_path ("no-cpus.xlsx");
  g_autofree char *dir = tmp_path ("no-network");
  g_autofree char *vinfo = NULL;

  rv_fixture_omit_column (fx, RV_VINFO, RV_INFO_CPUS);
  rv_fixture_write_xlsx (fx, xlsx, RV_DIALECT_WORKBOOK, FALSE);
  assert_import_error (xlsx, FERRY_RVTOOLS_ERROR_MISSING_COLUMN,
                       MENTIONS ("vInfo sheet", "no-cpus.xlsx", "“CPUs”", "vInfoCPUs"));

  /* vInfo is fine, vNetwork lacks its Network column: nothing is imported. */
  rv_fixture_omit_column (fx2, RV_VNETWORK, RV_NET_NETWORK);
  rv_fixture_write_csv (fx2, dir, "RVTools_tab", RV_DIALECT_CSV, NULL);
  vinfo = g_build_filename (dir, "RVTools_tabvInfo.csv", NULL);
  assert_import_error (vinfo, FERRY_RVTOOLS_ERROR_MISSING_COLUMN,
                       MENTIONS ("RVTools_tabvNetwork.csv", "“Network”", "vNetworkNetwork"));
}

static void
truncate_file (const char *from, const char *to, double fraction)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize)(len * fraction), NULL));
}

static void
test_truncated (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new_tricky ();
  g_autofree char *whole = tmp_path ("whole.xlsx");
  g_autofree char *cut = tmp_path ("cut.xlsx");
  g_autofree char *dir = tmp_path ("cut-csv");
  g_autofree char *vinfo = NULL;
  g_autofree char *data = NULL;
  g_autofree char *cut_row = NULL;
  g_autofree char *row_dir = tmp_path ("cut-row");
  gsize len;

  rv_fixture_write_xlsx (fx, whole, RV_DIALECT_WORKBOOK, FALSE);
  truncate_file (whole, cut, 0.6);
  assert_import_error (cut, FERRY_RVTOOLS_ERROR_DAMAGED, MENTIONS ("cut.xlsx", "damaged"));

  /* libcsv's writer quotes every cell: cut inside one. */
  rv_fixture_write_csv (fx, dir, "RVTools_tab", RV_DIALECT_WORKBOOK, NULL);
  vinfo = g_build_filename (dir, "RVTools_tabvInfo.csv", NULL);
  g_assert_true (g_file_get_contents (vinfo, &data, &len, NULL));
  g_assert_true (g_file_set_contents (vinfo, data, strstr (data, "Cluster-B") + 4 - data, NULL));
  assert_import_error (vinfo, FERRY_RVTOOLS_ERROR_DAMAGED,
                       MENTIONS ("RVTools_tabvInfo.csv", "quoted cell"));

  /* Cut after a separator, outside any quote. */
  g_assert_cmpint (g_mkdir_with_parents (row_dir, 0700), ==, 0);
  cut_row = g_build_filename (row_dir, "RVTools_tabvInfo.csv", NULL);
  g_assert_true (g_file_set_contents (cut_row,
                                      "VM,Powerstate,CPUs,Memory\r\nweb-01,poweredOn,2,4096\r\n"
                                      "web-02,poweredOn,",
                                      -1, NULL));
  assert_import_error (cut_row, FERRY_RVTOOLS_ERROR_DAMAGED, MENTIONS ("middle of a row"));
}

static void
write_cfb (const char *path, const char *const *streams)
{
  g_autoptr (GError) error = NULL;
  GsfOutput *out = gsf_output_stdio_new (path, &error);
  GsfOutfile *ole;

  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (out);
  for (guint i = 0; streams[i] != NULL; i++)
    {
      GsfOutput *child = gsf_outfile_new_child (ole, streams[i], FALSE);

      g_assert_true (gsf_output_write (child, 16, (const guint8 *)"0123456789abcdef"));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  g_object_unref (ole);
  g_object_unref (out);
}

static void
test_encrypted (void)
{
  g_autofree char *locked = tmp_path ("locked.xlsx");
  g_autofree char *legacy = tmp_path ("legacy.xls");

  gsf_init ();
  /* An encrypted OOXML package is an OLE compound file with these two streams. */
  write_cfb (locked, MENTIONS ("EncryptionInfo", "EncryptedPackage"));
  assert_import_error (locked, FERRY_RVTOOLS_ERROR_ENCRYPTED,
                       MENTIONS ("locked.xlsx", "password-protected"));
  write_cfb (legacy, MENTIONS ("Workbook"));
  assert_import_error (legacy, FERRY_RVTOOLS_ERROR_UNSUPPORTED, MENTIONS ("legacy.xls", ".xlsx"));
}

static void
test_unknown_dialect (void)
{
  g_autofree char *dir = tmp_path ("pipes");
  g_autofree char *vinfo = g_build_filename (dir, "RVTools_tabvInfo.csv", NULL);
  g_autofree char *empty_dir = tmp_path ("header-only");
  g_autofree char *empty = g_build_filename (empty_dir, "RVTools_tabvInfo.csv", NULL);
  g_autofree char *missing = tmp_path ("does-not-exist.xlsx");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (vinfo, "VM|Powerstate|CPUs|Memory\nweb-01|poweredOn|2|4096\n",
                                      -1, NULL));
  assert_import_error (vinfo, FERRY_RVTOOLS_ERROR_CSV_DIALECT,
                       MENTIONS ("RVTools_tabvInfo.csv", "dialect", "VM|Powerstate"));

  g_assert_cmpint (g_mkdir_with_parents (empty_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (empty, "VM;Powerstate;CPUs;Memory\r\n\r\n", -1, NULL));
  assert_import_error (empty, FERRY_RVTOOLS_ERROR_EMPTY, MENTIONS ("no virtual machine"));

  assert_import_error (missing, FERRY_RVTOOLS_ERROR_READ, MENTIONS ("does-not-exist.xlsx"));
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ferry-rvtools-bad-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/rvtools/bad/not-rvtools", test_not_rvtools);
  g_test_add_func ("/rvtools/bad/missing-vinfo", test_missing_vinfo);
  g_test_add_func ("/rvtools/bad/missing-column", test_missing_column);
  g_test_add_func ("/rvtools/bad/truncated", test_truncated);
  g_test_add_func ("/rvtools/bad/encrypted", test_encrypted);
  g_test_add_func ("/rvtools/bad/unknown-dialect", test_unknown_dialect);
  status = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
