/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools-build.c: rows of RVTools' tabs -> FerryVm, FerryNic, FerryNetwork and facts */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-rvtools-private.h"

#define MIB ((gint64)1024 * 1024)

struct _FerryRvtoolsBuilder
{
  char *origin;
  GDateTime *fallback_date;
  GDateTime *meta_date;
  gboolean date1904;
  FerryInventoryFacts *facts;

  /* The tab being read. */
  FerryRvtoolsTab tab;
  char *where;
  gboolean header_seen;
  int *cols; /* per cell: FerryRvtoolsCol or -1 */
  guint n_cols;
  guint unmatched_rows;
  guint nameless_rows;

  gboolean tab_read[FERRY_RVTOOLS_N_TABS];
  GHashTable *by_uuid;        /* lower-case VM UUID -> FerryVm* */
  GHashTable *by_name_server; /* "name\x1fserver" -> FerryVm* */
  GHashTable *by_name;        /* name -> FerryVm*, or the builder itself when ambiguous */
  GHashTable *ids;            /* VM ids given so far */
  GHashTable *networks;       /* network name set */
};

FerryRvtoolsBuilder *
_ferry_rvtools_builder_new (const char *origin, GDateTime *fallback_date)
{
  FerryRvtoolsBuilder *self = g_new0 (FerryRvtoolsBuilder, 1);

  self->origin = g_strdup (origin);
  self->fallback_date = fallback_date ? g_date_time_ref (fallback_date) : NULL;
  self->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_name_server = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->networks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
_ferry_rvtools_builder_free (FerryRvtoolsBuilder *self)
{
  if (self == NULL)
    return;
  g_free (self->origin);
  g_clear_pointer (&self->fallback_date, g_date_time_unref);
  g_clear_pointer (&self->meta_date, g_date_time_unref);
  g_clear_object (&self->facts);
  g_free (self->where);
  g_free (self->cols);
  g_hash_table_unref (self->by_uuid);
  g_hash_table_unref (self->by_name_server);
  g_hash_table_unref (self->by_name);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->networks);
  g_free (self);
}

void
_ferry_rvtools_builder_set_date1904 (FerryRvtoolsBuilder *self, gboolean date1904)
{
  self->date1904 = date1904;
}

void
_ferry_rvtools_builder_begin_tab (FerryRvtoolsBuilder *self, FerryRvtoolsTab tab, const char *where)
{
  self->tab = tab;
  g_free (self->where);
  self->where = g_strdup (where);
  self->header_seen = FALSE;
  g_clear_pointer (&self->cols, g_free);
  self->n_cols = 0;
  self->unmatched_rows = 0;
  self->nameless_rows = 0;
}

/* A row's cells by column ------------------------------------------------------------------- */

typedef struct
{
  const FerryRvtoolsCell *by_col[FERRY_RVTOOLS_N_COLS];
} Row;

static const char *
cell (const Row *row, FerryRvtoolsCol col)
{
  const FerryRvtoolsCell *c = row->by_col[col];

  return c != NULL && c->text[0] != '\0' ? c->text : NULL;
}

/* The cell's text without surrounding white space, or NULL when empty. */
static char *
cell_dup (const Row *row, FerryRvtoolsCol col)
{
  const char *text = cell (row, col);
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gint64
cell_int (const Row *row, FerryRvtoolsCol col)
{
  gint64 value;

  if (!_ferry_rvtools_parse_int (cell (row, col), &value))
    return -1;
  return value;
}

static char *
name_server_key (const char *name, const char *server)
{
  g_autofree char *lower = g_ascii_strdown (server, -1);

  return g_strconcat (name, "\x1f", lower, NULL);
}

/* The VM a row of another tab is about: by VM UUID, else name and vCenter, else a unique
 * name. */
static FerryVm *
find_vm (FerryRvtoolsBuilder *self, const Row *row)
{
  g_autofree char *name = cell_dup (row, FERRY_RVTOOLS_COL_VM);
  g_autofree char *uuid = cell_dup (row, FERRY_RVTOOLS_COL_VM_UUID);
  g_autofree char *server = cell_dup (row, FERRY_RVTOOLS_COL_SERVER);
  FerryVm *vm;

  if (uuid != NULL)
    {
      g_autofree char *key = g_ascii_strdown (uuid, -1);

      vm = g_hash_table_lookup (self->by_uuid, key);
      if (vm != NULL)
        return vm;
    }
  if (name == NULL)
    return NULL;
  if (server != NULL)
    {
      g_autofree char *key = name_server_key (name, server);

      vm = g_hash_table_lookup (self->by_name_server, key);
      if (vm != NULL)
        return vm;
    }
  vm = g_hash_table_lookup (self->by_name, name);
  return (gpointer)vm == (gpointer)self ? NULL : vm;
}

/* vInfo --------------------------------------------------------------------------------------- */

static char *
normalize_hw_version (const char *text)
{
  gint64 n;

  if (text == NULL)
    return NULL;
  /* RVTools 4 writes "19", older versions and vTools "vmx-19". */
  if (_ferry_rvtools_parse_int (text, &n) && n > 0 && n < 1000)
    return g_strdup_printf ("vmx-%02d", (int)n);
  return g_strdup (text);
}

/* "[vsanDatastore] web-01/web-01.vmx" -> "vsanDatastore" */
static char *
datastore_from_path (const char *path)
{
  const char *close;

  if (path == NULL || path[0] != '[')
    return NULL;
  close = strchr (path, ']');
  if (close == NULL || close == path + 1)
    return NULL;
  return g_strndup (path + 1, close - path - 1);
}

static char *
unique_id (FerryRvtoolsBuilder *self, const char *vm_id, const char *server, const char *name)
{
  g_autofree char *base = NULL;
  char *id;

  if (vm_id != NULL && !g_hash_table_contains (self->ids, vm_id))
    return g_strdup (vm_id);
  /* The same moref in two vCenters, or no VM ID column: qualify by the vCenter. */
  base = g_strdup_printf ("rvtools:%s/%s", server ? server : "", vm_id ? vm_id : name);
  id = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (self->ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s#%u", base, n);
    }
  return id;
}

static void
vinfo_row (FerryRvtoolsBuilder *self, const Row *row)
{
  g_autofree char *name = cell_dup (row, FERRY_RVTOOLS_COL_VM);
  g_autofree char *server = cell_dup (row, FERRY_RVTOOLS_COL_SERVER);
  g_autofree char *vm_id = cell_dup (row, FERRY_RVTOOLS_COL_VM_ID);
  g_autofree char *id = NULL;
  g_autofree char *hw = NULL;
  g_autofree char *datastore = NULL;
  g_autofree char *os = NULL;
  g_autoptr (FerryVm) vm = NULL;
  FerryVmFacts *facts;
  gint64 value;

  if (name == NULL)
    {
      self->nameless_rows++;
      return;
    }
  vm = ferry_vm_new ();
  _ferry_vm_set_quiet (vm, TRUE);
  id = unique_id (self, vm_id, server, name);
  g_hash_table_add (self->ids, g_strdup (id));
  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, name);
  ferry_vm_set_power_state (
      vm, ferry_power_state_from_string (cell (row, FERRY_RVTOOLS_COL_POWERSTATE)));
  value = cell_int (row, FERRY_RVTOOLS_COL_CPUS);
  ferry_vm_set_num_cpu (vm, value >= 0 && value < G_MAXINT ? (int)value : -1);
  ferry_vm_set_memory_mb (vm, cell_int (row, FERRY_RVTOOLS_COL_MEMORY));
  value = cell_int (row, FERRY_RVTOOLS_COL_DISK_MIB);
  if (value < 0)
    value = cell_int (row, FERRY_RVTOOLS_COL_PROVISIONED_MIB);
  ferry_vm_set_disk_bytes (vm, value >= 0 ? value * MIB : -1);
  ferry_vm_set_folder (vm, cell (row, FERRY_RVTOOLS_COL_FOLDER));
  ferry_vm_set_cluster (vm, cell (row, FERRY_RVTOOLS_COL_CLUSTER));
  datastore = datastore_from_path (cell (row, FERRY_RVTOOLS_COL_PATH));
  ferry_vm_set_datastore (vm, datastore);
  hw = normalize_hw_version (cell (row, FERRY_RVTOOLS_COL_HW_VERSION));
  ferry_vm_set_hardware_version (vm, hw);
  os = cell_dup (row, FERRY_RVTOOLS_COL_OS_CONFIG);
  if (os == NULL)
    os = cell_dup (row, FERRY_RVTOOLS_COL_OS_TOOLS);
  ferry_vm_set_guest_full_name (vm, os);
  ferry_vm_set_guest_host_name (vm, cell (row, FERRY_RVTOOLS_COL_DNS_NAME));

  facts = ferry_inventory_facts_add_vm (self->facts, vm, server);
  facts->vm_uuid = cell_dup (row, FERRY_RVTOOLS_COL_VM_UUID);
  facts->bios_uuid = cell_dup (row, FERRY_RVTOOLS_COL_BIOS_UUID);
  facts->datacenter = cell_dup (row, FERRY_RVTOOLS_COL_DATACENTER);
  facts->resource_pool = cell_dup (row, FERRY_RVTOOLS_COL_RESOURCE_POOL);
  facts->guest_os_tools = cell_dup (row, FERRY_RVTOOLS_COL_OS_TOOLS);
  facts->host = cell_dup (row, FERRY_RVTOOLS_COL_HOST);
  facts->provisioned_mib = cell_int (row, FERRY_RVTOOLS_COL_PROVISIONED_MIB);
  facts->in_use_mib = cell_int (row, FERRY_RVTOOLS_COL_IN_USE_MIB);
  facts->template_vm = _ferry_rvtools_parse_bool (cell (row, FERRY_RVTOOLS_COL_TEMPLATE)) == 1;

  if (facts->vm_uuid != NULL)
    g_hash_table_insert (self->by_uuid, g_ascii_strdown (facts->vm_uuid, -1), vm);
  if (server != NULL)
    {
      char *key = name_server_key (name, server);

      if (g_hash_table_contains (self->by_name_server, key))
        g_free (key);
      else
        g_hash_table_insert (self->by_name_server, key, vm);
    }
  if (g_hash_table_contains (self->by_name, name))
    g_hash_table_insert (self->by_name, g_strdup (name), self); /* ambiguous */
  else
    g_hash_table_insert (self->by_name, g_strdup (name), vm);
}

/* The other tabs ---------------------------------------------------------------------------- */

static void
vnetwork_row (FerryRvtoolsBuilder *self, FerryVm *vm, const Row *row)
{
  g_autoptr (FerryNic) nic = ferry_nic_new ();
  g_autofree char *network = cell_dup (row, FERRY_RVTOOLS_COL_NETWORK);
  g_autofree char *label = cell_dup (row, FERRY_RVTOOLS_COL_NIC_LABEL);
  int connected = _ferry_rvtools_parse_bool (cell (row, FERRY_RVTOOLS_COL_CONNECTED));

  _ferry_nic_set_quiet (nic, TRUE);
  if (label == NULL)
    label = g_strdup_printf (_ ("Network adapter %u"), ferry_vm_get_n_nics (vm) + 1);
  ferry_nic_set_label (nic, label);
  ferry_nic_set_mac_address (nic, cell (row, FERRY_RVTOOLS_COL_MAC));
  /* No port group ids in an export: a network is known by its name. */
  ferry_nic_set_network_id (nic, network);
  ferry_nic_set_network_name (nic, network);
  ferry_nic_set_connected (nic, connected != 0);
  _ferry_nic_set_quiet (nic, FALSE);
  ferry_vm_add_nic (vm, nic);

  if (network != NULL && !g_hash_table_contains (self->networks, network))
    {
      g_autoptr (FerryNetwork) net = ferry_network_new ();

      ferry_network_set_id (net, network);
      ferry_network_set_name (net, network);
      ferry_inventory_facts_add_network (self->facts, net);
      g_hash_table_add (self->networks, g_steal_pointer (&network));
    }
}

static void
vsnapshot_row (FerryRvtoolsBuilder *self, FerryVm *vm, FerryVmFacts *facts, const Row *row)
{
  g_autofree char *name = cell_dup (row, FERRY_RVTOOLS_COL_SNAPSHOT_NAME);
  const FerryRvtoolsCell *date_cell = row->by_col[FERRY_RVTOOLS_COL_SNAPSHOT_DATE];
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *when = NULL;
  int count = ferry_vm_get_snapshot_count (vm);

  ferry_vm_set_snapshot_count (vm, count < 0 ? 1 : count + 1);
  if (name != NULL)
    {
      guint n = facts->snapshot_names ? g_strv_length (facts->snapshot_names) : 0;

      facts->snapshot_names = g_renew (char *, facts->snapshot_names, n + 2);
      facts->snapshot_names[n] = g_steal_pointer (&name);
      facts->snapshot_names[n + 1] = NULL;
    }
  if (date_cell != NULL && date_cell->text[0] != '\0')
    {
      date = _ferry_rvtools_parse_date (date_cell->text, date_cell->numeric, self->date1904);
      when = date ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%S") : g_strdup (date_cell->text);
      /* ISO 8601 sorts as text; a date that did not parse only fills a gap. */
      if (facts->oldest_snapshot == NULL
          || (date != NULL && strcmp (when, facts->oldest_snapshot) < 0))
        ferry_vm_facts_set_string (&facts->oldest_snapshot, when);
    }
}

static void
vcd_row (FerryRvtoolsBuilder *self, FerryVm *vm, FerryVmFacts *facts, const Row *row)
{
  const char *type = cell (row, FERRY_RVTOOLS_COL_CD_DEVICE_TYPE);
  const char *file = cell (row, FERRY_RVTOOLS_COL_CD_FILE);
  const char *what = file ? file : type;
  g_autofree char *folded = what ? g_ascii_strdown (what, -1) : NULL;
  gboolean iso;

  /* A connected drive backed by an ISO file ("[ds1] iso/x.iso", "Datastore ISO file"). */
  iso = _ferry_rvtools_parse_bool (cell (row, FERRY_RVTOOLS_COL_CONNECTED)) == 1 && folded != NULL
        && (strstr (folded, "iso") != NULL || folded[0] == '[');
  if (iso)
    {
      ferry_vm_set_iso_mounted (vm, FERRY_TRI_STATE_YES);
      if (file != NULL || (what != NULL && what[0] == '['))
        ferry_vm_facts_set_string (&facts->iso_file, what);
    }
  else if (ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_UNKNOWN)
    ferry_vm_set_iso_mounted (vm, FERRY_TRI_STATE_NO);
}

static void
vtools_row (FerryRvtoolsBuilder *self, FerryVm *vm, const Row *row)
{
  const char *hw = ferry_vm_get_hardware_version (vm);

  ferry_vm_set_tools_status (vm, cell (row, FERRY_RVTOOLS_COL_TOOLS_STATUS));
  if (hw == NULL || hw[0] == '\0')
    {
      g_autofree char *version
          = normalize_hw_version (cell (row, FERRY_RVTOOLS_COL_TOOLS_VM_VERSION));

      ferry_vm_set_hardware_version (vm, version);
    }
}

static gboolean
header_row (FerryRvtoolsBuilder *self, const FerryRvtoolsCell *cells, guint n_cells, GError **error)
{
  g_autofree char **headers = g_new0 (char *, n_cells + 1);
  gboolean have[FERRY_RVTOOLS_N_COLS] = { FALSE };
  g_autofree char *missing = NULL;

  for (guint i = 0; i < n_cells; i++)
    headers[i] = (char *)cells[i].text;
  self->cols = g_new (int, n_cells);
  self->n_cols = n_cells;
  _ferry_rvtools_map_header (self->tab, headers, n_cells, self->cols);
  for (guint i = 0; i < n_cells; i++)
    if (self->cols[i] >= 0)
      have[self->cols[i]] = TRUE;
  missing = _ferry_rvtools_describe_missing (self->tab, have);
  if (missing != NULL)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_MISSING_COLUMN,
                   /* Translators: "The vInfo tab of “export.xlsx” has no column “CPUs” (or …)" */
                   _ ("%s has no column %s; Ferry needs it to import the export"), self->where,
                   missing);
      return FALSE;
    }
  self->header_seen = TRUE;
  self->tab_read[self->tab] = TRUE;
  return TRUE;
}

gboolean
_ferry_rvtools_builder_row (FerryRvtoolsBuilder *self, const FerryRvtoolsCell *cells, guint n_cells,
                            GError **error)
{
  Row row = { { NULL } };
  gboolean empty = TRUE;
  FerryVm *vm;

  for (guint i = 0; i < n_cells && empty; i++)
    for (const char *p = cells[i].text; *p != '\0' && empty; p++)
      empty = g_ascii_isspace (*p);
  if (empty)
    return TRUE;
  if (!self->header_seen)
    return header_row (self, cells, n_cells, error);

  for (guint i = 0; i < n_cells && i < self->n_cols; i++)
    if (self->cols[i] >= 0)
      row.by_col[self->cols[i]] = &cells[i];

  switch (self->tab)
    {
      case FERRY_RVTOOLS_TAB_VINFO:
        if (self->facts == NULL)
          {
            GDateTime *date = self->meta_date ? self->meta_date : self->fallback_date;
            g_autoptr (FerryFactSource) source
                = ferry_fact_source_new (FERRY_FACT_SOURCE_KIND_RVTOOLS, self->origin, NULL, date);

            self->facts = ferry_inventory_facts_new (source);
          }
        vinfo_row (self, &row);
        return TRUE;

      case FERRY_RVTOOLS_TAB_VMETADATA:
        if (self->meta_date == NULL && row.by_col[FERRY_RVTOOLS_COL_EXPORT_DATE] != NULL)
          self->meta_date = _ferry_rvtools_parse_date (
              row.by_col[FERRY_RVTOOLS_COL_EXPORT_DATE]->text,
              row.by_col[FERRY_RVTOOLS_COL_EXPORT_DATE]->numeric, self->date1904);
        return TRUE;

      case FERRY_RVTOOLS_TAB_VNETWORK:
      case FERRY_RVTOOLS_TAB_VSNAPSHOT:
      case FERRY_RVTOOLS_TAB_VCD:
      case FERRY_RVTOOLS_TAB_VTOOLS:
      case FERRY_RVTOOLS_N_TABS:
      default:
        break;
    }

  vm = self->facts ? find_vm (self, &row) : NULL;
  if (vm == NULL)
    {
      self->unmatched_rows++;
      return TRUE;
    }
  if (self->tab == FERRY_RVTOOLS_TAB_VNETWORK)
    vnetwork_row (self, vm, &row);
  else if (self->tab == FERRY_RVTOOLS_TAB_VSNAPSHOT)
    vsnapshot_row (self, vm, ferry_inventory_facts_lookup (self->facts, vm), &row);
  else if (self->tab == FERRY_RVTOOLS_TAB_VCD)
    vcd_row (self, vm, ferry_inventory_facts_lookup (self->facts, vm), &row);
  else if (self->tab == FERRY_RVTOOLS_TAB_VTOOLS)
    vtools_row (self, vm, &row);
  return TRUE;
}

gboolean
_ferry_rvtools_builder_end_tab (FerryRvtoolsBuilder *self, GError **error)
{
  const char *tab = _ferry_rvtools_tab_name (self->tab);

  if (self->tab == FERRY_RVTOOLS_TAB_VINFO
      && (self->facts == NULL
          || g_list_model_get_n_items (ferry_inventory_facts_get_vms (self->facts)) == 0))
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_EMPTY,
                   _ ("%s lists no virtual machine"), self->where);
      return FALSE;
    }
  if (self->facts != NULL && self->unmatched_rows > 0)
    {
      g_autofree char *note = g_strdup_printf (
          g_dngettext (
              GETTEXT_PACKAGE, "%s: %u row names a VM that is not in vInfo (or not uniquely)",
              "%s: %u rows name VMs that are not in vInfo (or not uniquely)", self->unmatched_rows),
          tab, self->unmatched_rows);

      ferry_inventory_facts_add_note (self->facts, note);
    }
  if (self->facts != NULL && self->nameless_rows > 0)
    {
      g_autofree char *note = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%s: %u row without a VM name was skipped",
                       "%s: %u rows without a VM name were skipped", self->nameless_rows),
          tab, self->nameless_rows);

      ferry_inventory_facts_add_note (self->facts, note);
    }
  return TRUE;
}

FerryInventoryFacts *
_ferry_rvtools_builder_finish (FerryRvtoolsBuilder *self, GError **error)
{
  GListModel *vms;
  guint n;

  if (self->facts == NULL)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_MISSING_TAB,
                   _ ("The export has no vInfo tab, the list of virtual machines"));
      return NULL;
    }

  /* A tab that was read makes "nothing listed" a fact (no snapshot, no ISO); a tab that was
   * not leaves the fact unknown, without a source. */
  vms = ferry_inventory_facts_get_vms (self->facts);
  n = g_list_model_get_n_items (vms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);
      FerryVmFacts *facts = ferry_inventory_facts_lookup (self->facts, vm);
      const char *hw = ferry_vm_get_hardware_version (vm);
      const char *tools = ferry_vm_get_tools_status (vm);

      if (self->tab_read[FERRY_RVTOOLS_TAB_VSNAPSHOT] && ferry_vm_get_snapshot_count (vm) < 0)
        ferry_vm_set_snapshot_count (vm, 0);
      if (self->tab_read[FERRY_RVTOOLS_TAB_VCD]
          && ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_UNKNOWN)
        ferry_vm_set_iso_mounted (vm, FERRY_TRI_STATE_NO);
      if (ferry_vm_get_snapshot_count (vm) < 0)
        g_clear_object (&facts->sources[FERRY_FACT_SNAPSHOTS]);
      if (ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_UNKNOWN)
        g_clear_object (&facts->sources[FERRY_FACT_ISO]);
      if (!self->tab_read[FERRY_RVTOOLS_TAB_VNETWORK])
        g_clear_object (&facts->sources[FERRY_FACT_NICS]);
      if (hw == NULL || hw[0] == '\0')
        g_clear_object (&facts->sources[FERRY_FACT_HARDWARE_VERSION]);
      if (tools == NULL || tools[0] == '\0')
        g_clear_object (&facts->sources[FERRY_FACT_TOOLS_STATUS]);
      if (ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_UNKNOWN)
        g_clear_object (&facts->sources[FERRY_FACT_POWER_STATE]);
      _ferry_vm_set_quiet (vm, FALSE);
    }
  {
    GStrvBuilder *tabs = g_strv_builder_new ();

    for (guint t = 0; t < FERRY_RVTOOLS_N_TABS; t++)
      if (self->tab_read[t])
        g_strv_builder_add (tabs, _ferry_rvtools_tab_name (t));
    g_object_set_data_full (G_OBJECT (self->facts), "ferry-rvtools-tabs", g_strv_builder_end (tabs),
                            (GDestroyNotify)g_strfreev);
    g_strv_builder_unref (tabs);
  }
  return g_steal_pointer (&self->facts);
}
