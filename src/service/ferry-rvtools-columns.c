/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools-columns.c: RVTools' tabs, the column alias table, and cell values
 *
 * The alias table. RVTools names a column one way in its workbook ("VM", "Total disk capacity
 * MiB") and another in its CSV export, where each name carries the tab as a prefix and loses
 * its spaces ("vInfoVMName", "vInfoTotalDiskCapacityMiB"); older versions said "MB" for "MiB",
 * and some columns were renamed over the years ("HW version" / "VInfoVersion"). A header
 * matches an alias when both are equal after keeping only letters and digits and folding case,
 * first as written and then without the tab's prefix ("vNetworkMacAddress" -> "MacAddress").
 * Columns marked required must be there; without the others their facts stay unknown. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-rvtools-private.h"

typedef struct
{
  FerryRvtoolsCol col;
  gboolean required;
  const char *aliases; /* '|'-separated; the first is the name a message uses */
} ColumnSpec;

/* clang-format off */
static const ColumnSpec vinfo_columns[] = {
  { FERRY_RVTOOLS_COL_VM,              TRUE,  "VM|VM Name|vInfoVMName" },
  { FERRY_RVTOOLS_COL_POWERSTATE,      TRUE,  "Powerstate|Power state|vInfoPowerstate" },
  { FERRY_RVTOOLS_COL_TEMPLATE,        FALSE, "Template|vInfoTemplate" },
  { FERRY_RVTOOLS_COL_CPUS,            TRUE,  "CPUs|Num CPU|vInfoCPUs" },
  { FERRY_RVTOOLS_COL_MEMORY,          TRUE,  "Memory|Memory MiB|Memory MB|vInfoMemory" },
  { FERRY_RVTOOLS_COL_DISK_MIB,        FALSE, "Total disk capacity MiB|Total disk capacity MB|vInfoTotalDiskCapacityMiB" },
  { FERRY_RVTOOLS_COL_PROVISIONED_MIB, FALSE, "Provisioned MiB|Provisioned MB|vInfoProvisioned" },
  { FERRY_RVTOOLS_COL_IN_USE_MIB,      FALSE, "In Use MiB|In Use MB|vInfoInUse" },
  { FERRY_RVTOOLS_COL_HW_VERSION,      FALSE, "HW version|HW Version|Version|vInfoHWVersion|VInfoVersion" },
  { FERRY_RVTOOLS_COL_DATACENTER,      FALSE, "Datacenter|vInfoDataCenter" },
  { FERRY_RVTOOLS_COL_CLUSTER,         FALSE, "Cluster|vInfoCluster" },
  { FERRY_RVTOOLS_COL_HOST,            FALSE, "Host|vInfoHost" },
  { FERRY_RVTOOLS_COL_FOLDER,          FALSE, "Folder|vInfoFolder" },
  { FERRY_RVTOOLS_COL_RESOURCE_POOL,   FALSE, "Resource pool|vInfoResourcepool" },
  { FERRY_RVTOOLS_COL_PATH,            FALSE, "Path|vInfoPath" },
  { FERRY_RVTOOLS_COL_OS_CONFIG,       FALSE, "OS according to the configuration file|OS|vInfoOS" },
  { FERRY_RVTOOLS_COL_OS_TOOLS,        FALSE, "OS according to the VMware Tools|OS Tools|vInfoOSTools" },
  { FERRY_RVTOOLS_COL_DNS_NAME,        FALSE, "DNS Name|Guest Host Name|vInfoGuestHostName" },
  { FERRY_RVTOOLS_COL_VM_ID,           FALSE, "VM ID|Object ID|vInfoVMID|vInfoObjectID" },
  { FERRY_RVTOOLS_COL_VM_UUID,         FALSE, "VM UUID|Instance UUID|vInfoVMUUID|vInfoInstanceUUID" },
  { FERRY_RVTOOLS_COL_BIOS_UUID,       FALSE, "SMBIOS UUID|BIOS UUID|UUID|vInfoSMBIOSUUID|vInfoUUID" },
  { FERRY_RVTOOLS_COL_SERVER,          FALSE, "VI SDK Server|vCenter|vInfoVISDKServer" },
};

static const ColumnSpec vnetwork_columns[] = {
  { FERRY_RVTOOLS_COL_VM,        TRUE,  "VM|VM Name|vNetworkVMName" },
  { FERRY_RVTOOLS_COL_NIC_LABEL, FALSE, "NIC label|Label|Network adapter|vNetworkLabel|vNetworkNICLabel" },
  { FERRY_RVTOOLS_COL_NETWORK,   TRUE,  "Network|Port group|Portgroup|vNetworkNetwork|vNetworkName" },
  { FERRY_RVTOOLS_COL_MAC,       FALSE, "Mac Address|MAC|vNetworkMacAddress" },
  { FERRY_RVTOOLS_COL_CONNECTED, FALSE, "Connected|vNetworkConnected" },
  { FERRY_RVTOOLS_COL_VM_UUID,   FALSE, "VM UUID|Instance UUID|vNetworkVMUUID" },
  { FERRY_RVTOOLS_COL_SERVER,    FALSE, "VI SDK Server|vCenter|vNetworkVISDKServer" },
};

static const ColumnSpec vsnapshot_columns[] = {
  { FERRY_RVTOOLS_COL_VM,            TRUE,  "VM|VM Name|vSnapshotVMName" },
  { FERRY_RVTOOLS_COL_SNAPSHOT_NAME, FALSE, "Name|Snapshot|Snapshot name|vSnapshotName" },
  { FERRY_RVTOOLS_COL_SNAPSHOT_DATE, FALSE, "Date / time|Date time|Date|Created|vSnapshotDateTime" },
  { FERRY_RVTOOLS_COL_VM_UUID,       FALSE, "VM UUID|Instance UUID|vSnapshotVMUUID" },
  { FERRY_RVTOOLS_COL_SERVER,        FALSE, "VI SDK Server|vCenter|vSnapshotVISDKServer" },
};

static const ColumnSpec vcd_columns[] = {
  { FERRY_RVTOOLS_COL_VM,             TRUE,  "VM|VM Name|vCDVMName" },
  { FERRY_RVTOOLS_COL_CONNECTED,      TRUE,  "Connected|vCDConnected" },
  { FERRY_RVTOOLS_COL_CD_DEVICE_TYPE, FALSE, "Device Type|Type|vCDDeviceType" },
  { FERRY_RVTOOLS_COL_CD_FILE,        FALSE, "ISO Path|File|Backing|vCDISOPath|vCDFile" },
  { FERRY_RVTOOLS_COL_VM_UUID,        FALSE, "VM UUID|Instance UUID|vCDVMUUID" },
  { FERRY_RVTOOLS_COL_SERVER,         FALSE, "VI SDK Server|vCenter|vCDVISDKServer" },
};

static const ColumnSpec vtools_columns[] = {
  { FERRY_RVTOOLS_COL_VM,               TRUE,  "VM|VM Name|vToolsVMName" },
  { FERRY_RVTOOLS_COL_TOOLS_STATUS,     TRUE,  "Tools|Tools status|Status|vToolsTools|vToolsToolsStatus" },
  { FERRY_RVTOOLS_COL_TOOLS_VM_VERSION, FALSE, "VM Version|vToolsVMVersion" },
  { FERRY_RVTOOLS_COL_VM_UUID,          FALSE, "VM UUID|Instance UUID|vToolsVMUUID" },
  { FERRY_RVTOOLS_COL_SERVER,           FALSE, "VI SDK Server|vCenter|vToolsVISDKServer" },
};

static const ColumnSpec vmetadata_columns[] = {
  { FERRY_RVTOOLS_COL_EXPORT_DATE, FALSE, "xlsx creation datetime|csv creation datetime|Creation datetime|Export date|vMetaDataxlsxCreationDatetime" },
  { FERRY_RVTOOLS_COL_SERVER,      FALSE, "Server|VI SDK Server|vMetaDataServer" },
};
/* clang-format on */

static const struct
{
  const char *name;
  const ColumnSpec *columns;
  guint n_columns;
} tabs[FERRY_RVTOOLS_N_TABS] = {
  [FERRY_RVTOOLS_TAB_VINFO] = { "vInfo", vinfo_columns, G_N_ELEMENTS (vinfo_columns) },
  [FERRY_RVTOOLS_TAB_VNETWORK] = { "vNetwork", vnetwork_columns, G_N_ELEMENTS (vnetwork_columns) },
  [FERRY_RVTOOLS_TAB_VSNAPSHOT]
  = { "vSnapshot", vsnapshot_columns, G_N_ELEMENTS (vsnapshot_columns) },
  [FERRY_RVTOOLS_TAB_VCD] = { "vCD", vcd_columns, G_N_ELEMENTS (vcd_columns) },
  [FERRY_RVTOOLS_TAB_VTOOLS] = { "vTools", vtools_columns, G_N_ELEMENTS (vtools_columns) },
  [FERRY_RVTOOLS_TAB_VMETADATA]
  = { "vMetaData", vmetadata_columns, G_N_ELEMENTS (vmetadata_columns) },
};

/* Every tab RVTools 4.x writes. */
static const char *const rvtools_tabs[] = {
  "vInfo",      "vCPU",       "vMemory",  "vDisk",     "vPartition", "vNetwork",  "vCD",
  "vUSB",       "vSnapshot",  "vTools",   "vSource",   "vRP",        "vCluster",  "vHost",
  "vHBA",       "vNIC",       "vSwitch",  "vPort",     "dvSwitch",   "dvPort",    "vSC_VMK",
  "vDatastore", "vMultiPath", "vLicense", "vFileInfo", "vHealth",    "vMetaData",
};

const char *
_ferry_rvtools_tab_name (FerryRvtoolsTab tab)
{
  g_return_val_if_fail (tab < FERRY_RVTOOLS_N_TABS, NULL);

  return tabs[tab].name;
}

gboolean
_ferry_rvtools_tab_from_name (const char *name, FerryRvtoolsTab *out_tab)
{
  for (guint i = 0; i < FERRY_RVTOOLS_N_TABS; i++)
    if (g_ascii_strcasecmp (name, tabs[i].name) == 0)
      {
        *out_tab = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
_ferry_rvtools_is_rvtools_tab (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (rvtools_tabs); i++)
    if (g_ascii_strcasecmp (name, rvtools_tabs[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_ferry_rvtools_tab_from_file_name (const char *basename, FerryRvtoolsTab *out_tab,
                                   gboolean *out_other_tab)
{
  g_autofree char *lower = g_ascii_strdown (basename, -1);
  const char *best = NULL;
  gsize len;

  *out_other_tab = FALSE;
  if (!g_str_has_suffix (lower, ".csv"))
    return FALSE;
  len = strlen (lower) - 4;
  lower[len] = '\0';
  /* The longest tab name the file name ends with ("dvSwitch" over "vSwitch"). */
  for (guint i = 0; i < G_N_ELEMENTS (rvtools_tabs); i++)
    {
      gsize tl = strlen (rvtools_tabs[i]);

      if (tl <= len && g_ascii_strcasecmp (lower + len - tl, rvtools_tabs[i]) == 0
          && (best == NULL || tl > strlen (best)))
        best = rvtools_tabs[i];
    }
  if (best == NULL)
    return FALSE;
  if (_ferry_rvtools_tab_from_name (best, out_tab))
    return TRUE;
  *out_other_tab = TRUE;
  return FALSE;
}

/* Letters and digits only, ASCII case folded ("Total disk capacity MiB" ->
 * "totaldiskcapacitymib"); other UTF-8 characters are kept as they are. */
static char *
normalize (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if ((guchar)*p >= 0x80)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* normalized alias -> column + 1, per tab; built once. */
static GHashTable *alias_tables[FERRY_RVTOOLS_N_TABS];

static GHashTable *
alias_table (FerryRvtoolsTab tab)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint t = 0; t < FERRY_RVTOOLS_N_TABS; t++)
        {
          alias_tables[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint c = 0; c < tabs[t].n_columns; c++)
            {
              g_auto (GStrv) names = g_strsplit (tabs[t].columns[c].aliases, "|", -1);

              for (guint a = 0; names[a] != NULL; a++)
                g_hash_table_insert (alias_tables[t], normalize (names[a]),
                                     GINT_TO_POINTER (tabs[t].columns[c].col + 1));
            }
        }
      g_once_init_leave (&done, 1);
    }
  return alias_tables[tab];
}

guint
_ferry_rvtools_map_header (FerryRvtoolsTab tab, char *const *headers, guint n_headers,
                           int *out_cols)
{
  GHashTable *table = alias_table (tab);
  g_autofree char *prefix = normalize (tabs[tab].name);
  gsize prefix_len = strlen (prefix);
  guint known = 0;
  gboolean seen[FERRY_RVTOOLS_N_COLS] = { FALSE };

  for (guint i = 0; i < n_headers; i++)
    {
      g_autofree char *key = normalize (headers[i] ? headers[i] : "");
      int col = GPOINTER_TO_INT (g_hash_table_lookup (table, key)) - 1;

      if (col < 0 && g_str_has_prefix (key, prefix) && key[prefix_len] != '\0')
        col = GPOINTER_TO_INT (g_hash_table_lookup (table, key + prefix_len)) - 1;
      /* The first of two columns with the same meaning wins. */
      if (col >= 0 && seen[col])
        col = -1;
      if (col >= 0)
        {
          seen[col] = TRUE;
          known++;
        }
      out_cols[i] = col;
    }
  return known;
}

char *
_ferry_rvtools_describe_missing (FerryRvtoolsTab tab, const gboolean *have)
{
  g_autoptr (GString) out = NULL;

  for (guint c = 0; c < tabs[tab].n_columns; c++)
    {
      const ColumnSpec *spec = &tabs[tab].columns[c];
      g_auto (GStrv) names = NULL;

      if (!spec->required || have[spec->col])
        continue;
      names = g_strsplit (spec->aliases, "|", -1);
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, ", ");
      g_string_append_printf (out, "“%s”", names[0]);
      if (names[1] != NULL)
        {
          g_autofree char *others = g_strjoinv (", ", names + 1);

          /* Translators: the other names a column may have: "“VM” (or VM Name, vInfoVMName)" */
          g_string_append_printf (out, _ (" (or %s)"), others);
        }
    }
  return out ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Values ------------------------------------------------------------------------------------ */

gboolean
_ferry_rvtools_parse_int (const char *text, gint64 *out_value)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *p;
  const char *last_sep = NULL;
  guint n_dot = 0, n_comma = 0;
  gboolean negative = FALSE;
  char decimal = 0;
  double value;

  if (text == NULL)
    return FALSE;
  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (const char *q = p; *q != '\0'; q++)
    {
      if (*q == '.')
        n_dot++, last_sep = q;
      else if (*q == ',')
        n_comma++, last_sep = q;
    }
  /* Which separator is the decimal one: the last of two kinds; a lone one unless exactly
   * three digits follow it (then it groups thousands: "8,192", "1.024"). */
  if (n_dot > 0 && n_comma > 0)
    decimal = *last_sep;
  else if (n_dot + n_comma == 1 && strspn (last_sep + 1, "0123456789") != 3)
    decimal = *last_sep;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == decimal)
        g_string_append_c (digits, '.');
      else if (*p == '.' || *p == ',' || *p == ' ' || *p == '\'' || *p == '_')
        continue;
      else if ((guchar)p[0] == 0xc2 && (guchar)p[1] == 0xa0) /* no-break space */
        p++;
      else if ((guchar)p[0] == 0xe2 && (guchar)p[1] == 0x80 && (guchar)p[2] == 0xaf)
        p += 2; /* narrow no-break space */
      else if (g_ascii_isspace (*p))
        continue;
      else
        return FALSE;
    }
  if (digits->len == 0 || (digits->len == 1 && digits->str[0] == '.'))
    return FALSE;
  value = g_ascii_strtod (digits->str, NULL);
  if (value > (double)G_MAXINT64 / 2)
    return FALSE;
  *out_value = (gint64)(value + 0.5) * (negative ? -1 : 1);
  return TRUE;
}

int
_ferry_rvtools_parse_bool (const char *text)
{
  static const char *const yes[] = { "true", "yes", "1", "on", "wahr", "vrai", "waar", "sí", "si" };
  static const char *const no[] = { "false", "no", "0", "off", "falsch", "faux", "onwaar" };
  g_autofree char *t = NULL;

  if (text == NULL)
    return -1;
  t = g_utf8_strdown (text, -1);
  g_strstrip (t);
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (t, yes[i]) == 0)
      return 1;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (t, no[i]) == 0)
      return 0;
  return -1;
}

GDateTime *
_ferry_rvtools_parse_date (const char *text, gboolean numeric, gboolean date1904)
{
  int n[6] = { 0 };
  int count = 0, first_len = 0, third_len = 0;
  char first_sep = 0;
  gboolean pm = FALSE, am = FALSE;
  int y, mo, d;
  const char *p;
  char *end = NULL;
  double serial;

  if (text == NULL || text[0] == '\0')
    return NULL;

  serial = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0' && (numeric || strchr (text, '/') == NULL))
    {
      /* An Excel serial: days since 1899-12-30 (or 1904-01-01), the fraction is the time. */
      g_autoptr (GDateTime) base = NULL;

      if (serial < 1 || serial > 2958465)
        return NULL;
      base = date1904 ? g_date_time_new_utc (1904, 1, 1, 0, 0, 0)
                      : g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
      return g_date_time_add_seconds (base, (gint64)(serial * 86400.0 + 0.5));
    }

  for (p = text; *p != '\0' && count < 6;)
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          int v = 0;

          while (g_ascii_isdigit (*p) && p - start < 9)
            v = v * 10 + (*p++ - '0');
          if (count == 0)
            {
              first_len = p - start;
              first_sep = *p;
            }
          if (count == 2)
            third_len = p - start;
          n[count++] = v;
        }
      else
        p++;
    }
  pm = strstr (text, "PM") != NULL || strstr (text, "pm") != NULL;
  am = strstr (text, "AM") != NULL || strstr (text, "am") != NULL;
  if (count < 3)
    return NULL;
  if (first_len == 4)
    y = n[0], mo = n[1], d = n[2];
  else if (third_len == 4 && (first_sep == '.' || first_sep == '-' || n[0] > 12))
    d = n[0], mo = n[1], y = n[2];
  else if (third_len == 4)
    mo = n[0], d = n[1], y = n[2];
  else
    return NULL;
  if (pm && n[3] < 12)
    n[3] += 12;
  else if (am && n[3] == 12)
    n[3] = 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || n[3] > 23 || n[4] > 59 || n[5] > 60)
    return NULL;
  return g_date_time_new_utc (y, mo, d, n[3], n[4], n[5]);
}
