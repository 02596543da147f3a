/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rvtools-fixture.c: RVTools exports for the tests, written with libxlsxwriter and libcsv */

#include "config.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ferry-rvtools.h"
#include "rvtools-fixture.h"

static const char *const tab_names[RV_N_TABS]
    = { "vInfo", "vNetwork", "vSnapshot", "vCD", "vTools", "vMetaData" };

/* Header names: workbook dialect | CSV dialect. */
static const char *const vinfo_headers[RV_INFO_N][2] = {
  { "VM", "vInfoVMName" },
  { "Powerstate", "vInfoPowerstate" },
  { "Template", "vInfoTemplate" },
  { "CPUs", "vInfoCPUs" },
  { "Memory", "vInfoMemory" },
  { "Total disk capacity MiB", "vInfoTotalDiskCapacityMiB" },
  { "Provisioned MiB", "vInfoProvisioned" },
  { "In Use MiB", "vInfoInUse" },
  { "HW version", "VInfoVersion" },
  { "Datacenter", "vInfoDataCenter" },
  { "Cluster", "vInfoCluster" },
  { "Host", "vInfoHost" },
  { "Folder", "vInfoFolder" },
  { "Resource pool", "vInfoResourcepool" },
  { "Path", "vInfoPath" },
  { "OS according to the configuration file", "vInfoOS" },
  { "OS according to the VMware Tools", "vInfoOSTools" },
  { "DNS Name", "vInfoGuestHostName" },
  { "VM ID", "vInfoObjectID" },
  { "VM UUID", "vInfoInstanceUUID" },
  { "SMBIOS UUID", "vInfoUUID" },
  { "VI SDK Server", "vInfoVISDKServer" },
  { "Annotation", "vInfoAnnotation" },
};
static const char *const vnetwork_headers[RV_NET_N][2] = {
  { "VM", "vNetworkVMName" },
  { "NIC label", "vNetworkLabel" },
  { "Adapter", "vNetworkAdapter" },
  { "Network", "vNetworkNetwork" },
  { "Connected", "vNetworkConnected" },
  { "Mac Address", "vNetworkMacAddress" },
  { "VI SDK Server", "vNetworkVISDKServer" },
};
static const char *const vsnapshot_headers[RV_SNAP_N][2] = {
  { "VM", "vSnapshotVMName" },
  { "Name", "vSnapshotName" },
  { "Date / time", "vSnapshotDateTime" },
  { "VI SDK Server", "vSnapshotVISDKServer" },
};
static const char *const vcd_headers[RV_CD_N][2] = {
  { "VM", "vCDVMName" },
  { "Connected", "vCDConnected" },
  { "Device Type", "vCDDeviceType" },
  { "VI SDK Server", "vCDVISDKServer" },
};
static const char *const vtools_headers[RV_TOOLS_N][2] = {
  { "VM", "vToolsVMName" },
  { "Tools", "vToolsTools" },
  { "VM Version", "vToolsVMVersion" },
  { "VI SDK Server", "vToolsVISDKServer" },
};
static const char *const vmeta_headers[RV_META_N][2] = {
  { "RVTools version", "vMetaDataRVToolsVersion" },
  { "xlsx creation datetime", "vMetaDataxlsxCreationDatetime" },
  { "Server", "vMetaDataServer" },
};

static const struct
{
  const char *const (*headers)[2];
  guint n;
} tabs[RV_N_TABS] = {
  { vinfo_headers, RV_INFO_N }, { vnetwork_headers, RV_NET_N }, { vsnapshot_headers, RV_SNAP_N },
  { vcd_headers, RV_CD_N },     { vtools_headers, RV_TOOLS_N }, { vmeta_headers, RV_META_N },
};

struct _RvFixture
{
  GPtrArray *rows[RV_N_TABS]; /* GStrv per row */
  gboolean omit[RV_N_TABS];
  guint64 omit_columns[RV_N_TABS]; /* bit per column */
};

RvFixture *
rv_fixture_new (void)
{
  RvFixture *fx = g_new0 (RvFixture, 1);

  for (guint t = 0; t < RV_N_TABS; t++)
    fx->rows[t] = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  return fx;
}

void
rv_fixture_free (RvFixture *fx)
{
  for (guint t = 0; t < RV_N_TABS; t++)
    g_ptr_array_unref (fx->rows[t]);
  g_free (fx);
}

void
rv_fixture_addv (RvFixture *fx, RvTab tab, const char *const *cells, guint n_cells)
{
  char **row = g_new0 (char *, tabs[tab].n + 1);

  for (guint i = 0; i < tabs[tab].n; i++)
    row[i] = g_strdup (i < n_cells && cells[i] ? cells[i] : "");
  g_ptr_array_add (fx->rows[tab], row);
}

void
rv_fixture_add (RvFixture *fx, RvTab tab, ...)
{
  const char *cells[64];
  guint n = 0;
  va_list ap;
  const char *cell;

  va_start (ap, tab);
  while ((cell = va_arg (ap, const char *)) != NULL && n < G_N_ELEMENTS (cells))
    cells[n++] = cell;
  va_end (ap);
  rv_fixture_addv (fx, tab, cells, n);
}

void
rv_fixture_add_empty_row (RvFixture *fx, RvTab tab)
{
  rv_fixture_addv (fx, tab, NULL, 0);
}

void
rv_fixture_omit_tab (RvFixture *fx, RvTab tab)
{
  fx->omit[tab] = TRUE;
}

void
rv_fixture_omit_column (RvFixture *fx, RvTab tab, guint column)
{
  fx->omit_columns[tab] |= G_GUINT64_CONSTANT (1) << column;
}

static gboolean
written (RvFixture *fx, RvTab tab)
{
  return !fx->omit[tab] && (fx->rows[tab]->len > 0 || tab != RV_VMETADATA);
}

static gboolean
column_written (RvFixture *fx, RvTab tab, guint column)
{
  return (fx->omit_columns[tab] & (G_GUINT64_CONSTANT (1) << column)) == 0;
}

static gboolean
looks_numeric (const char *text)
{
  char *end = NULL;

  if (text[0] == '\0' || g_ascii_isspace (text[0]))
    return FALSE;
  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static gboolean
parse_date (const char *text, lxw_datetime *out)
{
  int y, mo, d, h, mi, s;

  if (!g_str_has_prefix (text, "@date:")
      || sscanf (text + 6, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6)
    return FALSE;
  *out = (lxw_datetime){ y, mo, d, h, mi, s };
  return TRUE;
}

void
rv_fixture_write_xlsx (RvFixture *fx, const char *path, RvDialect dialect, gboolean constant_memory)
{
  lxw_workbook_options options = { .constant_memory = constant_memory };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_format *date_format;
  lxw_doc_properties props = { .title = "RVTools export", .created = 1794124800 };

  g_assert_nonnull (wb);
  workbook_set_properties (wb, &props); /* created: 2026-11-08 */
  date_format = workbook_add_format (wb);
  format_set_num_format (date_format, "yyyy/mm/dd hh:mm:ss");
  for (guint t = 0; t < RV_N_TABS; t++)
    {
      lxw_worksheet *ws;
      guint col;

      if (!written (fx, t))
        continue;
      ws = workbook_add_worksheet (wb, tab_names[t]);
      col = 0;
      for (guint c = 0; c < tabs[t].n; c++)
        if (column_written (fx, t, c))
          worksheet_write_string (ws, 0, col++, tabs[t].headers[c][dialect], NULL);
      for (guint r = 0; r < fx->rows[t]->len; r++)
        {
          char **row = g_ptr_array_index (fx->rows[t], r);
          lxw_datetime dt;

          col = 0;
          for (guint c = 0; c < tabs[t].n; c++)
            {
              const char *text = row[c];

              if (!column_written (fx, t, c))
                continue;
              if (text[0] == '\0')
                ; /* an empty cell: nothing written */
              else if (parse_date (text, &dt))
                worksheet_write_datetime (ws, r + 1, col, &dt, date_format);
              else if (text[0] == '\'')
                worksheet_write_string (ws, r + 1, col, text + 1, NULL);
              else if (looks_numeric (text))
                worksheet_write_number (ws, r + 1, col, g_ascii_strtod (text, NULL), NULL);
              else
                worksheet_write_string (ws, r + 1, col, text, NULL);
              col++;
            }
        }
    }
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
}

static void
write_cell (FILE *out, const char *text, gboolean first, char delimiter)
{
  lxw_datetime dt;
  g_autofree char *date = NULL;

  if (!first)
    fputc (delimiter, out);
  if (parse_date (text, &dt))
    text = date = g_strdup_printf ("%04d/%02d/%02d %02d:%02d:%02d", dt.year, dt.month, dt.day,
                                   dt.hour, dt.min, (int)dt.sec);
  else if (text[0] == '\'')
    text++;
  /* libcsv's writer quotes every cell and doubles the quotes inside. */
  g_assert_cmpint (csv_fwrite (out, text, strlen (text)), ==, 0);
}

void
rv_fixture_write_csv (RvFixture *fx, const char *dir, const char *prefix, RvDialect dialect,
                      const RvCsvOptions *options)
{
  RvCsvOptions defaults = { ',' };
  const RvCsvOptions *o = options ? options : &defaults;
  char delimiter = o->delimiter ? o->delimiter : ',';
  const char *eol = o->crlf ? "\r\n" : "\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint t = 0; t < RV_N_TABS; t++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      FILE *out;
      gboolean first = TRUE;

      if (!written (fx, t))
        continue;
      name = g_strdup_printf ("%s%s.csv", prefix, tab_names[t]);
      path = g_build_filename (dir, name, NULL);
      out = fopen (path, "wb");
      g_assert_nonnull (out);
      if (o->bom)
        fputs ("\xef\xbb\xbf", out);
      if (o->sep_line)
        fprintf (out, "sep=%c%s", delimiter, eol);
      for (guint c = 0; c < tabs[t].n; c++)
        if (column_written (fx, t, c))
          {
            write_cell (out, tabs[t].headers[c][dialect], first, delimiter);
            first = FALSE;
          }
      fputs (eol, out);
      for (guint r = 0; r < fx->rows[t]->len; r++)
        {
          char **row = g_ptr_array_index (fx->rows[t], r);

          first = TRUE;
          for (guint c = 0; c < tabs[t].n; c++)
            if (column_written (fx, t, c))
              {
                write_cell (out, row[c], first, delimiter);
                first = FALSE;
              }
          fputs (eol, out);
        }
      g_assert_cmpint (fclose (out), ==, 0);
    }
}

void
rv_fixture_add_estate (RvFixture *fx, guint n_vms)
{
  static const char *const networks[]
      = { "VLAN100-Web", "VLAN200-App", "VLAN300-DB", "VLAN400-Mgmt", "VM Network" };
  static const char *const tools[]
      = { "toolsOk", "toolsOk", "toolsOk", "toolsOld", "toolsNotRunning", "toolsNotInstalled" };
  GRand *rand = g_rand_new_with_seed (18);

  rv_fixture_add (fx, RV_VMETADATA, "4.6.1.0", "@date:2026-11-20 09:30:00", "vc01.corp.local",
                  NULL);
  for (guint i = 0; i < n_vms; i++)
    {
      g_autofree char *name = g_strdup_printf ("app-%05u", i);
      const char *server = i % 2 ? "vc02.corp.local" : "vc01.corp.local";
      g_autofree char *cpus = g_strdup_printf ("%d", 1 << g_rand_int_range (rand, 0, 4));
      g_autofree char *memory = g_strdup_printf ("%d", 1024 << g_rand_int_range (rand, 0, 6));
      gint64 disk = 20480 * (gint64)g_rand_int_range (rand, 1, 20);
      g_autofree char *disk_s = g_strdup_printf ("%" G_GINT64_FORMAT, disk);
      g_autofree char *in_use = g_strdup_printf ("%" G_GINT64_FORMAT, disk / 2);
      g_autofree char *hw = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 20) == 0 ? 7 : 19);
      g_autofree char *vm_id = g_strdup_printf ("vm-%u", 1000 + i);
      g_autofree char *uuid = g_strdup_printf ("5003%04x-aaaa-bbbb-cccc-%012x", i & 0xffff, i);
      g_autofree char *bios = g_strdup_printf ("4203%04x-1111-2222-3333-%012x", i & 0xffff, i);
      g_autofree char *path = g_strdup_printf ("[vsanDatastore] %s/%s.vmx", name, name);
      g_autofree char *dns = g_strdup_printf ("%s.corp.local", name);
      g_autofree char *cluster = g_strdup_printf ("Cluster-%c", 'A' + i % 4);
      int n_nics = g_rand_int_range (rand, 1, 4);
      int n_snapshots = g_rand_int_range (rand, 0, 8) == 0 ? g_rand_int_range (rand, 1, 4) : 0;

      rv_fixture_add (fx, RV_VINFO, name,
                      g_rand_int_range (rand, 0, 8) ? "poweredOn" : "poweredOff", "False", cpus,
                      memory, disk_s, disk_s, in_use, hw, "DC-1", cluster, "esx01.corp.local",
                      "Workloads/App", "Resources", path, "Ubuntu Linux (64-bit)",
                      "Ubuntu Linux (64-bit)", dns, vm_id, uuid, bios, server, "estate VM", NULL);
      for (int n = 0; n < n_nics; n++)
        {
          g_autofree char *label = g_strdup_printf ("Network adapter %d", n + 1);
          g_autofree char *mac
              = g_strdup_printf ("00:50:56:%02x:%02x:%02x", (i >> 8) & 0xff, i & 0xff, n);

          rv_fixture_add (fx, RV_VNETWORK, name, label, "vmxnet3",
                          networks[(i + n) % G_N_ELEMENTS (networks)], n == 2 ? "False" : "True",
                          mac, server, NULL);
        }
      for (int n = 0; n < n_snapshots; n++)
        {
          g_autofree char *snap = g_strdup_printf ("before-patch-%d", n);
          g_autofree char *date = g_strdup_printf ("@date:2026-10-%02d 08:00:00", 10 + n);

          rv_fixture_add (fx, RV_VSNAPSHOT, name, snap, date, server, NULL);
        }
      rv_fixture_add (fx, RV_VCD, name, i % 20 == 3 ? "True" : "False",
                      i % 20 == 3 ? "[vsanDatastore] iso/ubuntu-22.04.iso" : "Client Device",
                      server, NULL);
      rv_fixture_add (fx, RV_VTOOLS, name, tools[g_rand_int_range (rand, 0, G_N_ELEMENTS (tools))],
                      "vmx-19", server, NULL);
    }
  g_rand_free (rand);
}

/* The small estate with tricky cells that test-rvtools checks field by field. */
RvFixture *
rv_fixture_new_tricky (void)
{
  RvFixture *fx = rv_fixture_new ();

  rv_fixture_add (fx, RV_VMETADATA, "4.6.1.0", "@date:2026-11-20 09:30:00", "vc01.corp.local",
                  NULL);
  rv_fixture_add (fx, RV_VINFO, RV_TRICKY_WEB_NAME, "poweredOn", "False", "4", "8192", "40960",
                  "41000", "20000", "19", "DC-1", "Cluster-A", "esx01.corp.local", "Workloads/Web",
                  "Web pool", "[vsanDatastore] web-01/web-01.vmx", "Ubuntu Linux (64-bit)",
                  "Ubuntu 22.04.3 LTS", "web-01.corp.local", "vm-101",
                  "50030001-aaaa-bbbb-cccc-000000000101", "42030001-1111-2222-3333-000000000101",
                  "vc01.corp.local", "owner: web team, \"tier 1\"\nsecond line", NULL);
  rv_fixture_add_empty_row (fx, RV_VINFO);
  /* Numbers stored as text, old hardware, no UUIDs. */
  rv_fixture_add (fx, RV_VINFO, RV_TRICKY_INTL_NAME, "poweredOff", "False", "'2", "'16384",
                  "'102400", "", "", "vmx-13", "DC-1", "Cluster-B", "esx02.corp.local",
                  "Workloads/Ünïcode", "", "[ds-02] buecher/buecher.vmx",
                  "Microsoft Windows Server 2019 (64-bit)", "", "", "vm-102", "", "",
                  "vc01.corp.local", "", NULL);
  rv_fixture_add_empty_row (fx, RV_VINFO);
  rv_fixture_add_empty_row (fx, RV_VINFO);
  /* The same name in two vCenters. */
  rv_fixture_add (fx, RV_VINFO, "db-01", "poweredOn", "False", "8", "'8,192", "204800", "", "",
                  "19", "DC-1", "Cluster-A", "", "Workloads/DB", "", "", "", "", "", "vm-103",
                  "50030001-aaaa-bbbb-cccc-000000000103", "", "vc01.corp.local", "", NULL);
  rv_fixture_add (fx, RV_VINFO, "db-01", "suspended", "False", "2", "4096", "51200", "", "", "19",
                  "DC-2", "Cluster-Z", "", "Test/DB", "", "", "", "", "", "vm-103",
                  "50030002-aaaa-bbbb-cccc-000000000103", "", "vc02.corp.local", "", NULL);
  rv_fixture_add (fx, RV_VINFO, "tmpl-ubuntu", "poweredOff", "True", "1", "1024", "10240", "", "",
                  "19", "DC-1", "Cluster-A", "", "Templates", "", "", "", "", "", "vm-105", "", "",
                  "vc01.corp.local", "", NULL);

  rv_fixture_add (fx, RV_VNETWORK, RV_TRICKY_WEB_NAME, "Network adapter 1", "vmxnet3",
                  "VLAN100-Web", "True", "00:50:56:8a:01:01", "vc01.corp.local", NULL);
  rv_fixture_add (fx, RV_VNETWORK, RV_TRICKY_WEB_NAME, "Network adapter 2", "vmxnet3",
                  "VLAN400-Mgmt", "False", "00:50:56:8a:01:02", "vc01.corp.local", NULL);
  rv_fixture_add_empty_row (fx, RV_VNETWORK);
  rv_fixture_add (fx, RV_VNETWORK, RV_TRICKY_INTL_NAME, "Network adapter 1", "e1000e",
                  "VLAN200-App; Ü", "True", "00:50:56:8a:01:03", "vc01.corp.local", NULL);
  rv_fixture_add (fx, RV_VNETWORK, "db-01", "Network adapter 1", "vmxnet3", "VLAN300-DB", "True",
                  "00:50:56:8a:01:04", "vc01.corp.local", NULL);
  rv_fixture_add (fx, RV_VNETWORK, "db-01", "Network adapter 1", "vmxnet3", "VLAN301-DB-Test",
                  "True", "00:50:56:8a:02:04", "vc02.corp.local", NULL);
  rv_fixture_add (fx, RV_VNETWORK, "ghost", "Network adapter 1", "vmxnet3", "VLAN100-Web", "True",
                  "00:50:56:8a:09:09", "vc01.corp.local", NULL);

  rv_fixture_add (fx, RV_VSNAPSHOT, RV_TRICKY_INTL_NAME, "before\nupgrade",
                  "@date:2026-10-02 08:00:00", "vc01.corp.local", NULL);
  rv_fixture_add (fx, RV_VSNAPSHOT, RV_TRICKY_INTL_NAME, "nightly, \"auto\"",
                  "@date:2026-10-01 07:45:30", "vc01.corp.local", NULL);
  rv_fixture_add (fx, RV_VSNAPSHOT, "db-01", "pre-test", "@date:2026-11-01 12:00:00",
                  "vc02.corp.local", NULL);

  rv_fixture_add (fx, RV_VCD, RV_TRICKY_WEB_NAME, "False", "Client Device", "vc01.corp.local",
                  NULL);
  rv_fixture_add (fx, RV_VCD, RV_TRICKY_INTL_NAME, "True", "[ds-02] iso/Windows Server 2019.iso",
                  "vc01.corp.local", NULL);

  rv_fixture_add (fx, RV_VTOOLS, RV_TRICKY_WEB_NAME, "toolsOk", "vmx-19", "vc01.corp.local", NULL);
  rv_fixture_add (fx, RV_VTOOLS, RV_TRICKY_INTL_NAME, "toolsNotRunning", "vmx-13",
                  "vc01.corp.local", NULL);
  rv_fixture_add (fx, RV_VTOOLS, "db-01", "toolsOld", "vmx-19", "vc02.corp.local", NULL);
  return fx;
}

FerryVm *
rv_vm_named (GListModel *vms, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (vms); i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);

      if (g_strcmp0 (ferry_vm_get_name (vm), name) == 0)
        return vm; /* the list keeps it */
    }
  return NULL;
}

void
rv_write_estate_now (const char *export_path, const char *inventory_path)
{
  g_autoptr (GFile) file = g_file_new_for_path (export_path);
  g_autoptr (GFile) inventory = g_file_new_for_path (inventory_path);
  g_autoptr (FerryInventoryFacts) facts = NULL;
  g_autoptr (GError) error = NULL;
  FerryVm *vm;

  facts = ferry_rvtools_import (&file, 1, NULL, &error);
  g_assert_no_error (error);
  vm = rv_vm_named (ferry_inventory_facts_get_vms (facts), "app-00003");
  g_assert_nonnull (vm);
  ferry_vm_set_memory_mb (vm, ferry_vm_get_memory_mb (vm) * 2);
  vm = rv_vm_named (ferry_inventory_facts_get_vms (facts), "app-00005");
  g_assert_nonnull (vm);
  ferry_vm_set_name (vm, "app-00005-retired");
  ferry_vm_set_id (vm, "vm-retired");
  g_assert_true (ferry_rvtools_write_sim_inventory (facts, inventory, NULL, &error));
  g_assert_no_error (error);
}
