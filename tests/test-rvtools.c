/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rvtools.c: the RVTools import, from exports the test writes itself
 *
 * The same small estate with tricky cells (commas, quotes, line breaks, non-ASCII names, empty
 * rows, numbers stored as text, one VM name in two vCenters) is written as a workbook and as
 * CSV files, in both of RVTools' column dialects and several CSV dialects, imported, and
 * checked field by field; then the asynchronous import with progress and cancellation. Bad
 * files are in test-rvtools-bad.c. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferry-rvtools-private.h"
#include "ferry-rvtools.h"
#include "rvtools-fixture.h"

#define MIB ((gint64)1024 * 1024)
#define WEB_NAME RV_TRICKY_WEB_NAME
#define INTL_NAME RV_TRICKY_INTL_NAME

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* The estate --------------------------------------------------------------------------------- */

static FerryVm *
vm_at (FerryInventoryFacts *facts, guint i)
{
  GListModel *vms = ferry_inventory_facts_get_vms (facts);
  g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);

  return vm; /* the model keeps it alive */
}

static void
check_nic (FerryVm *vm, guint i, const char *label, const char *network, const char *mac,
           gboolean connected)
{
  FerryNic *nic = ferry_vm_get_nic (vm, i);

  g_assert_nonnull (nic);
  g_assert_cmpstr (ferry_nic_get_label (nic), ==, label);
  g_assert_cmpstr (ferry_nic_get_network_name (nic), ==, network);
  g_assert_cmpstr (ferry_nic_get_network_id (nic), ==, network);
  g_assert_cmpstr (ferry_nic_get_mac_address (nic), ==, mac);
  g_assert_cmpint (ferry_nic_get_connected (nic), ==, connected);
}

/* The model the tricky estate must become, whatever the file form. */
static void
check_tricky (FerryInventoryFacts *facts)
{
  GListModel *vms = ferry_inventory_facts_get_vms (facts);
  FerryVm *web, *intl, *db1, *db2, *tmpl;
  FerryVmFacts *f;
  g_autofree char *described = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 12, 2, 1, 0, 0);
  g_autofree char *age = NULL;
  const char *const *notes;

  g_assert_cmpuint (g_list_model_get_n_items (vms), ==, 5);
  web = vm_at (facts, 0);
  intl = vm_at (facts, 1);
  db1 = vm_at (facts, 2);
  db2 = vm_at (facts, 3);
  tmpl = vm_at (facts, 4);

  /* A name with a comma and quotes; every vInfo field. */
  g_assert_cmpstr (ferry_vm_get_name (web), ==, WEB_NAME);
  g_assert_cmpstr (ferry_vm_get_id (web), ==, "vm-101");
  g_assert_cmpint (ferry_vm_get_power_state (web), ==, FERRY_POWER_STATE_ON);
  g_assert_cmpint (ferry_vm_get_num_cpu (web), ==, 4);
  g_assert_cmpint (ferry_vm_get_memory_mb (web), ==, 8192);
  g_assert_cmpint (ferry_vm_get_disk_bytes (web), ==, 40960 * MIB);
  g_assert_cmpstr (ferry_vm_get_folder (web), ==, "Workloads/Web");
  g_assert_cmpstr (ferry_vm_get_cluster (web), ==, "Cluster-A");
  g_assert_cmpstr (ferry_vm_get_datastore (web), ==, "vsanDatastore");
  g_assert_cmpstr (ferry_vm_get_hardware_version (web), ==, "vmx-19");
  g_assert_cmpstr (ferry_vm_get_guest_full_name (web), ==, "Ubuntu Linux (64-bit)");
  g_assert_cmpstr (ferry_vm_get_guest_host_name (web), ==, "web-01.corp.local");
  g_assert_cmpstr (ferry_vm_get_tools_status (web), ==, "toolsOk");
  g_assert_cmpint (ferry_vm_get_snapshot_count (web), ==, 0);
  g_assert_cmpint (ferry_vm_get_iso_mounted (web), ==, FERRY_TRI_STATE_NO);
  g_assert_cmpuint (ferry_vm_get_n_nics (web), ==, 2);
  check_nic (web, 0, "Network adapter 1", "VLAN100-Web", "00:50:56:8a:01:01", TRUE);
  check_nic (web, 1, "Network adapter 2", "VLAN400-Mgmt", "00:50:56:8a:01:02", FALSE);
  f = ferry_inventory_facts_lookup (facts, web);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->vm_uuid, ==, "50030001-aaaa-bbbb-cccc-000000000101");
  g_assert_cmpstr (f->bios_uuid, ==, "42030001-1111-2222-3333-000000000101");
  g_assert_cmpstr (f->vcenter, ==, "vc01.corp.local");
  g_assert_cmpstr (f->datacenter, ==, "DC-1");
  g_assert_cmpstr (f->resource_pool, ==, "Web pool");
  g_assert_cmpstr (f->host, ==, "esx01.corp.local");
  g_assert_cmpstr (f->guest_os_tools, ==, "Ubuntu 22.04.3 LTS");
  g_assert_cmpint (f->provisioned_mib, ==, 41000);
  g_assert_cmpint (f->in_use_mib, ==, 20000);
  g_assert_false (f->template_vm);
  g_assert_null (f->snapshot_names);
  g_assert_null (f->iso_file);

  /* Each fact's source and date. */
  g_assert_nonnull (f->sources[FERRY_FACT_SNAPSHOTS]);
  described = ferry_fact_source_describe (f->sources[FERRY_FACT_SNAPSHOTS]);
  g_assert_cmpstr (described, ==, "from the RVTools export of 20 Nov 2026, vc01");
  age = ferry_fact_source_describe_age (f->sources[FERRY_FACT_SNAPSHOTS], now);
  g_assert_cmpstr (age, ==, "11 days old");
  g_assert_cmpint (ferry_fact_source_get_kind (f->sources[FERRY_FACT_TOOLS_STATUS]), ==,
                   FERRY_FACT_SOURCE_KIND_RVTOOLS);
  g_assert_cmpstr (ferry_fact_source_get_server (f->sources[FERRY_FACT_NICS]), ==,
                   "vc01.corp.local");

  /* Non-ASCII, numbers stored as text, old hardware, snapshots with tricky names, an ISO. */
  g_assert_cmpstr (ferry_vm_get_name (intl), ==, INTL_NAME);
  g_assert_cmpint (ferry_vm_get_power_state (intl), ==, FERRY_POWER_STATE_OFF);
  g_assert_cmpint (ferry_vm_get_num_cpu (intl), ==, 2);
  g_assert_cmpint (ferry_vm_get_memory_mb (intl), ==, 16384);
  g_assert_cmpint (ferry_vm_get_disk_bytes (intl), ==, 102400 * MIB);
  g_assert_cmpstr (ferry_vm_get_folder (intl), ==, "Workloads/Ünïcode");
  g_assert_cmpstr (ferry_vm_get_datastore (intl), ==, "ds-02");
  g_assert_cmpstr (ferry_vm_get_hardware_version (intl), ==, "vmx-13");
  g_assert_cmpint (ferry_vm_get_hardware_version_number (intl), ==, 13);
  g_assert_cmpstr (ferry_vm_get_tools_status (intl), ==, "toolsNotRunning");
  g_assert_cmpint (ferry_vm_get_snapshot_count (intl), ==, 2);
  g_assert_cmpint (ferry_vm_get_iso_mounted (intl), ==, FERRY_TRI_STATE_YES);
  check_nic (intl, 0, "Network adapter 1", "VLAN200-App; Ü", "00:50:56:8a:01:03", TRUE);
  f = ferry_inventory_facts_lookup (facts, intl);
  g_assert_null (f->vm_uuid);
  g_assert_cmpint (f->provisioned_mib, ==, -1);
  g_assert_nonnull (f->snapshot_names);
  g_assert_cmpuint (g_strv_length (f->snapshot_names), ==, 2);
  g_assert_cmpstr (f->snapshot_names[0], ==, "before\nupgrade");
  g_assert_cmpstr (f->snapshot_names[1], ==, "nightly, \"auto\"");
  g_assert_cmpstr (f->oldest_snapshot, ==, "2026-10-01T07:45:30");
  g_assert_cmpstr (f->iso_file, ==, "[ds-02] iso/Windows Server 2019.iso");

  /* One name, two vCenters: each tab's rows went to the right one. */
  g_assert_cmpstr (ferry_vm_get_name (db1), ==, "db-01");
  g_assert_cmpstr (ferry_vm_get_name (db2), ==, "db-01");
  g_assert_cmpstr (ferry_vm_get_id (db1), ==, "vm-103");
  g_assert_cmpstr (ferry_vm_get_id (db2), ==, "rvtools:vc02.corp.local/vm-103");
  g_assert_cmpint (ferry_vm_get_memory_mb (db1), ==, 8192);
  g_assert_cmpstr (ferry_vm_get_hardware_version (db1), ==, "vmx-19"); /* vInfo's alone */
  g_assert_cmpint (ferry_vm_get_power_state (db2), ==, FERRY_POWER_STATE_SUSPENDED);
  g_assert_cmpuint (ferry_vm_get_n_nics (db1), ==, 1);
  g_assert_cmpuint (ferry_vm_get_n_nics (db2), ==, 1);
  check_nic (db1, 0, "Network adapter 1", "VLAN300-DB", "00:50:56:8a:01:04", TRUE);
  check_nic (db2, 0, "Network adapter 1", "VLAN301-DB-Test", "00:50:56:8a:02:04", TRUE);
  g_assert_cmpint (ferry_vm_get_snapshot_count (db1), ==, 0);
  g_assert_cmpint (ferry_vm_get_snapshot_count (db2), ==, 1);
  g_assert_null (ferry_vm_get_tools_status (db1));
  g_assert_cmpstr (ferry_vm_get_tools_status (db2), ==, "toolsOld");
  g_assert_null (ferry_inventory_facts_get_fact_source (facts, db1, FERRY_FACT_TOOLS_STATUS));
  g_assert_nonnull (ferry_inventory_facts_get_fact_source (facts, db2, FERRY_FACT_TOOLS_STATUS));
  g_assert_cmpstr (ferry_inventory_facts_lookup (facts, db2)->vcenter, ==, "vc02.corp.local");
  described = (g_free (described),
               ferry_fact_source_describe (
                   ferry_inventory_facts_get_fact_source (facts, db2, FERRY_FACT_SNAPSHOTS)));
  g_assert_cmpstr (described, ==, "from the RVTools export of 20 Nov 2026, vc02");

  g_assert_true (ferry_inventory_facts_lookup (facts, tmpl)->template_vm);
  g_assert_cmpuint (ferry_vm_get_n_nics (tmpl), ==, 0);

  /* Networks, each name once; the row of a VM that is not in vInfo is noted, not imported. */
  g_assert_cmpuint (g_list_model_get_n_items (ferry_inventory_facts_get_networks (facts)), ==, 5);
  notes = ferry_inventory_facts_get_notes (facts);
  g_assert_cmpuint (g_strv_length ((char **)notes), ==, 1);
  g_assert_nonnull (strstr (notes[0], "vNetwork: 1 row"));
}

static FerryInventoryFacts *
import_paths (GError **error, const char *first, ...)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list ap;

  va_start (ap, first);
  for (const char *p = first; p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (files, g_file_new_for_path (p));
  va_end (ap);
  return ferry_rvtools_import ((GFile *const *)files->pdata, files->len, NULL, error);
}

typedef struct
{
  RvDialect dialect;
  gboolean xlsx;
  gboolean constant_memory;
  RvCsvOptions csv;
  gboolean folder; /* import the folder, not the vInfo file */
} Form;

static void
test_forms (gconstpointer data)
{
  const Form *form = data;
  g_autoptr (RvFixture) fx = rv_fixture_new_tricky ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;
  g_autofree char *dir = NULL;
  static guint n;

  dir = g_strdup_printf ("%s/form-%u", tmp_dir, n++);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (form->xlsx)
    {
      g_autofree char *path = g_build_filename (dir, "RVTools_export_all.xlsx", NULL);

      rv_fixture_write_xlsx (fx, path, form->dialect, form->constant_memory);
      facts = import_paths (&error, form->folder ? dir : path, NULL);
    }
  else
    {
      g_autofree char *vinfo = g_build_filename (dir, "RVTools_tabvInfo.csv", NULL);

      rv_fixture_write_csv (fx, dir, "RVTools_tab", form->dialect, &form->csv);
      /* The vInfo file alone brings its sibling tabs. */
      facts = import_paths (&error, form->folder ? dir : vinfo, NULL);
    }
  g_assert_no_error (error);
  g_assert_nonnull (facts);
  check_tricky (facts);
}

/* Several CSV files chosen one by one, in any order, give the same model. */
static void
test_csv_files (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new_tricky ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;
  g_autofree char *dir = tmp_path ("files");
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *m = NULL;

  rv_fixture_write_csv (fx, dir, "export-", RV_DIALECT_CSV, NULL);
  a = g_build_filename (dir, "export-vTools.csv", NULL);
  b = g_build_filename (dir, "export-vCD.csv", NULL);
  c = g_build_filename (dir, "export-vInfo.csv", NULL);
  d = g_build_filename (dir, "export-vNetwork.csv", NULL);
  e = g_build_filename (dir, "export-vSnapshot.csv", NULL);
  m = g_build_filename (dir, "export-vMetaData.csv", NULL);
  facts = import_paths (&error, a, b, c, d, e, m, NULL);
  g_assert_no_error (error);
  check_tricky (facts);
}

/* A tab left out leaves its facts unknown, with no source. */
static void
test_optional_tabs (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new_tricky ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;
  g_autofree char *path = tmp_path ("no-snapshots.xlsx");
  FerryVm *web;

  rv_fixture_omit_tab (fx, RV_VSNAPSHOT);
  rv_fixture_omit_tab (fx, RV_VTOOLS);
  rv_fixture_omit_tab (fx, RV_VMETADATA);
  rv_fixture_write_xlsx (fx, path, RV_DIALECT_WORKBOOK, FALSE);
  facts = import_paths (&error, path, NULL);
  g_assert_no_error (error);
  web = vm_at (facts, 0);
  g_assert_cmpint (ferry_vm_get_snapshot_count (web), ==, -1);
  g_assert_null (ferry_vm_get_tools_status (web));
  g_assert_null (ferry_inventory_facts_get_fact_source (facts, web, FERRY_FACT_SNAPSHOTS));
  g_assert_null (ferry_inventory_facts_get_fact_source (facts, web, FERRY_FACT_TOOLS_STATUS));
  g_assert_nonnull (ferry_inventory_facts_get_fact_source (facts, web, FERRY_FACT_ISO));
  /* Without vMetaData the date is the workbook's creation date (docProps/core.xml). */
  {
    g_autofree char *described = ferry_fact_source_describe (
        ferry_inventory_facts_get_fact_source (facts, web, FERRY_FACT_ISO));

    g_assert_cmpstr (described, ==, "from the RVTools export of 8 Nov 2026, vc01");
  }
}

/* Values ------------------------------------------------------------------------------------- */

static void
test_values (void)
{
  static const struct
  {
    const char *text;
    gboolean ok;
    gint64 value;
  } ints[] = {
    { "8192", TRUE, 8192 },
    { "8,192", TRUE, 8192 },
    { "8.192", TRUE, 8192 },
    { "8 192", TRUE, 8192 },
    { "8\u00a0192", TRUE, 8192 },
    { "1.234.567", TRUE, 1234567 },
    { "1.024,5", TRUE, 1025 },
    { "4096.0", TRUE, 4096 },
    { "12,5", TRUE, 13 },
    { " 42 ", TRUE, 42 },
    { "", FALSE, 0 },
    { "n/a", FALSE, 0 },
    { "-1", TRUE, -1 },
  };
  static const struct
  {
    const char *text;
    gboolean numeric;
    const char *iso;
  } dates[] = {
    { "2026/11/20 14:02:11", FALSE, "2026-11-20T14:02:11" },
    { "2026-11-20T14:02:11", FALSE, "2026-11-20T14:02:11" },
    { "20.11.2026 14:02", FALSE, "2026-11-20T14:02:00" },
    { "11/20/2026 2:02:11 PM", FALSE, "2026-11-20T14:02:11" },
    { "20/11/2026 14:02:11", FALSE, "2026-11-20T14:02:11" },
    { "46346.5", TRUE, "2026-11-20T12:00:00" },
    { "soon", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      gint64 v = 0;

      g_assert_cmpint (_ferry_rvtools_parse_int (ints[i].text, &v), ==, ints[i].ok);
      if (ints[i].ok)
        g_assert_cmpint (v, ==, ints[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr (GDateTime) d = _ferry_rvtools_parse_date (dates[i].text, dates[i].numeric, FALSE);
      g_autofree char *iso = d ? g_date_time_format (d, "%Y-%m-%dT%H:%M:%S") : NULL;

      g_assert_cmpstr (iso, ==, dates[i].iso);
    }
  g_assert_cmpint (_ferry_rvtools_parse_bool ("True"), ==, 1);
  g_assert_cmpint (_ferry_rvtools_parse_bool ("FALSCH"), ==, 0);
  g_assert_cmpint (_ferry_rvtools_parse_bool ("maybe"), ==, -1);
  g_assert_true (ferry_vcenter_name_equal ("vc01", "VC01.corp.local"));
  g_assert_false (ferry_vcenter_name_equal ("vc01.a.local", "vc01.b.local"));
  g_assert_false (ferry_vcenter_name_equal ("10.0.0.1", "10.0.0.2"));
}

/* Not UTF-8: a Windows-1252 CSV as older Excel saves it. */
static void
test_windows_1252 (void)
{
  g_autofree char *dir = tmp_path ("cp1252");
  g_autofree char *vinfo = g_build_filename (dir, "vInfo.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (vinfo,
                                      "VM;Powerstate;CPUs;Memory\r\n"
                                      "M\xfcller-\x80;poweredOn;2;4096\r\n",
                                      -1, NULL));
  facts = import_paths (&error, vinfo, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_vm_get_name (vm_at (facts, 0)), ==, "Müller-€");
}

/* UTF-16 with a byte order mark, tab-separated: Excel's "Unicode text". */
static void
test_utf16 (void)
{
  static const char text[] = "VM\tPowerstate\tCPUs\tMemory\r\n数据库-01\tpoweredOn\t4\t8192\r\n";
  g_autofree char *dir = tmp_path ("utf16");
  g_autofree char *vinfo = g_build_filename (dir, "RVTools_tabvInfo.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  gsize len;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (len + 2);
  with_bom[0] = (char)0xff;
  with_bom[1] = (char)0xfe;
  memcpy (with_bom + 2, utf16, len);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (vinfo, with_bom, len + 2, NULL));
  facts = import_paths (&error, vinfo, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_vm_get_name (vm_at (facts, 0)), ==, "数据库-01");
  g_assert_cmpint (ferry_vm_get_memory_mb (vm_at (facts, 0)), ==, 8192);
}

/* Async: progress on the main context, the main loop running, cancellation ------------------ */

typedef struct
{
  guint progress_calls;
  double last_fraction;
  gboolean on_main;
  guint ticks;
  GCancellable *cancel_on_progress;
  GAsyncResult *result;
  guint destroyed;
  gboolean destroyed_on_main;
} Async;

static void
on_progress_destroy (gpointer user_data)
{
  Async *a = user_data;

  a->destroyed++;
  a->destroyed_on_main = g_main_context_is_owner (g_main_context_default ());
}

static void
on_progress (double fraction, const char *phase, gpointer user_data)
{
  Async *a = user_data;

  a->progress_calls++;
  a->on_main &= g_main_context_is_owner (g_main_context_default ());
  g_assert_cmpfloat (fraction, >=, a->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_true (g_str_has_prefix (phase, "Reading v"));
  a->last_fraction = fraction;
  if (a->cancel_on_progress != NULL)
    g_cancellable_cancel (a->cancel_on_progress);
}

static gboolean
on_tick (gpointer user_data)
{
  Async *a = user_data;

  a->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Async *a = user_data;

  a->result = g_object_ref (result);
}

static void
run_async (const char *path, Async *a, GCancellable *cancellable)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  guint tick = g_timeout_add (5, on_tick, a);

  a->on_main = TRUE;
  ferry_rvtools_import_async (&file, 1, on_progress, a, on_progress_destroy, cancellable, on_done,
                              a);
  while (a->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* Drops the result; the progress data goes on the main context once the worker let go too. */
static void
release_async (Async *a)
{
  g_clear_object (&a->result);
  while (a->destroyed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (a->destroyed, ==, 1);
  g_assert_true (a->destroyed_on_main);
}

static void
test_async (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  g_autofree char *path = tmp_path ("estate.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;
  Async a = { 0 };

  rv_fixture_add_estate (fx, 3000);
  rv_fixture_write_xlsx (fx, path, RV_DIALECT_WORKBOOK, FALSE);
  run_async (path, &a, NULL);
  facts = ferry_rvtools_import_finish (a.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_inventory_facts_get_vms (facts)), ==, 3000);
  g_assert_cmpuint (a.progress_calls, >=, 5); /* at least once per tab */
  g_assert_true (a.on_main);
  g_assert_cmpuint (a.ticks, >, 0); /* the main loop kept running */
  release_async (&a);
}

static void
test_async_cancel (void)
{
  g_autoptr (RvFixture) fx = rv_fixture_new ();
  g_autofree char *path = tmp_path ("estate-cancel.xlsx");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;
  Async a = { 0 };

  rv_fixture_add_estate (fx, 3000);
  rv_fixture_write_xlsx (fx, path, RV_DIALECT_WORKBOOK, FALSE);
  a.cancel_on_progress = cancellable;
  run_async (path, &a, cancellable);
  facts = ferry_rvtools_import_finish (a.result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (facts);
  /* The worker stopped: no progress through the remaining tabs (one report may be queued). */
  g_assert_cmpuint (a.progress_calls, <=, 2);
  release_async (&a);
  g_clear_error (&error);

  /* The blocking import stops too. */
  {
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (FerryInventoryFacts) none = ferry_rvtools_import (&file, 1, cancellable, &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (none);
  }
}

int
main (int argc, char *argv[])
{
  static const Form forms[] = {
    { RV_DIALECT_WORKBOOK, TRUE, FALSE },
    { RV_DIALECT_CSV, TRUE, TRUE },
    { RV_DIALECT_WORKBOOK, TRUE, FALSE, { 0 }, TRUE },
    { RV_DIALECT_CSV, FALSE, FALSE, { ',', FALSE, FALSE } },
    { RV_DIALECT_WORKBOOK, FALSE, FALSE, { ',', TRUE, TRUE } },
    { RV_DIALECT_WORKBOOK, FALSE, FALSE, { ';', TRUE, TRUE } },
    { RV_DIALECT_CSV, FALSE, FALSE, { ';', FALSE, TRUE, TRUE } },
    { RV_DIALECT_CSV, FALSE, FALSE, { '\t', FALSE, FALSE }, TRUE },
  };
  static const char *const form_names[] = {
    "xlsx-workbook-names",
    "xlsx-csv-names-inline-strings",
    "xlsx-folder",
    "csv-csv-names",
    "csv-workbook-names-bom-crlf",
    "csv-semicolon-bom-crlf",
    "csv-semicolon-sep-line",
    "csv-tab-folder",
  };
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ferry-rvtools-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *name = g_strdup_printf ("/rvtools/import/%s", form_names[i]);

      g_test_add_data_func (name, &forms[i], test_forms);
    }
  g_test_add_func ("/rvtools/import/csv-files", test_csv_files);
  g_test_add_func ("/rvtools/import/optional-tabs", test_optional_tabs);
  g_test_add_func ("/rvtools/import/windows-1252", test_windows_1252);
  g_test_add_func ("/rvtools/import/utf-16", test_utf16);
  g_test_add_func ("/rvtools/values", test_values);
  g_test_add_func ("/rvtools/async/progress", test_async);
  g_test_add_func ("/rvtools/async/cancel", test_async_cancel);
  status = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
