/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-vm-page.c: a streaming parser for one page of the VM inventory.
 *
 * json-glib builds a tree (hash tables, GSlice nodes) that costs ~8x the size of the JSON and
 * most of the time of an inventory load. This parser walks the bytes once and fills FerryVm
 * objects directly, with exactly the semantics of ferry_hcx_json_to_vm() (the tests compare
 * both on the simulator's pages and on mangled input). It is deliberately strict: whenever
 * something is not plain, valid JSON in one of the two expected shapes it gives up and the
 * caller falls back to the tree parser. */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "ferry-hcx-json.h"

typedef struct
{
  const char *p;
  const char *end;
  GString *buf; /* scratch for unescaping */
} Lexer;

typedef enum
{
  V_NONE,   /* absent or null */
  V_STRING, /* str */
  V_INT,    /* i */
  V_DOUBLE, /* d */
  V_BOOL,   /* b */
  V_OTHER,  /* object or array */
} ValueType;

typedef struct
{
  ValueType type;
  char *str;
  gint64 i;
  double d;
  gboolean b;
} Value;

static void
value_clear (Value *v)
{
  g_clear_pointer (&v->str, g_free);
  v->type = V_NONE;
}

static void
skip_ws (Lexer *lx)
{
  while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\n' || *lx->p == '\r' || *lx->p == '\t'))
    lx->p++;
}

static gboolean
expect (Lexer *lx, char c)
{
  skip_ws (lx);
  if (lx->p >= lx->end || *lx->p != c)
    return FALSE;
  lx->p++;
  return TRUE;
}

static gboolean
peek (Lexer *lx, char c)
{
  skip_ws (lx);
  return lx->p < lx->end && *lx->p == c;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int h = g_ascii_xdigit_value (p[i]);

      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  return v;
}

/* Reads a string token into lx->buf (unescaped). */
static gboolean
read_string (Lexer *lx)
{
  const char *start;

  skip_ws (lx);
  if (lx->p >= lx->end || *lx->p != '"')
    return FALSE;
  lx->p++;
  g_string_truncate (lx->buf, 0);
  start = lx->p;
  while (lx->p < lx->end)
    {
      char c = *lx->p;

      if (c == '"')
        {
          g_string_append_len (lx->buf, start, lx->p - start);
          lx->p++;
          return TRUE;
        }
      if ((guchar)c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          gunichar u;

          g_string_append_len (lx->buf, start, lx->p - start);
          lx->p++;
          if (lx->p >= lx->end)
            return FALSE;
          switch (*lx->p)
            {
              case '"':
              case '\\':
              case '/':
                g_string_append_c (lx->buf, *lx->p);
                lx->p++;
                break;
              case 'b':
                g_string_append_c (lx->buf, '\b');
                lx->p++;
                break;
              case 'f':
                g_string_append_c (lx->buf, '\f');
                lx->p++;
                break;
              case 'n':
                g_string_append_c (lx->buf, '\n');
                lx->p++;
                break;
              case 'r':
                g_string_append_c (lx->buf, '\r');
                lx->p++;
                break;
              case 't':
                g_string_append_c (lx->buf, '\t');
                lx->p++;
                break;
              case 'u':
                if (lx->end - lx->p < 5 || (int)(u = hex4 (lx->p + 1)) < 0)
                  return FALSE;
                lx->p += 5;
                if (u >= 0xD800 && u <= 0xDBFF)
                  {
                    int lo;

                    if (lx->end - lx->p < 6 || lx->p[0] != '\\' || lx->p[1] != 'u')
                      return FALSE;
                    lo = hex4 (lx->p + 2);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                      return FALSE;
                    u = 0x10000 + ((u - 0xD800) << 10) + ((gunichar)lo - 0xDC00);
                    lx->p += 6;
                  }
                else if ((u >= 0xDC00 && u <= 0xDFFF) || u == 0)
                  return FALSE; /* lone surrogate or NUL: leave it to json-glib */
                g_string_append_unichar (lx->buf, u);
                break;
              default:
                return FALSE;
            }
          start = lx->p;
          continue;
        }
      lx->p++;
    }
  return FALSE;
}

static gboolean
read_number (Lexer *lx, Value *v)
{
  const char *s = lx->p;
  gboolean is_double = FALSE;
  char tmp[64];
  gsize n;

  if (lx->p < lx->end && *lx->p == '-')
    lx->p++;
  if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
    return FALSE;
  if (*lx->p == '0' && lx->p + 1 < lx->end && g_ascii_isdigit (lx->p[1]))
    return FALSE;
  while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
    lx->p++;
  if (lx->p < lx->end && *lx->p == '.')
    {
      is_double = TRUE;
      lx->p++;
      if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
        return FALSE;
      while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
        lx->p++;
    }
  if (lx->p < lx->end && (*lx->p == 'e' || *lx->p == 'E'))
    {
      is_double = TRUE;
      lx->p++;
      if (lx->p < lx->end && (*lx->p == '+' || *lx->p == '-'))
        lx->p++;
      if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
        return FALSE;
      while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
        lx->p++;
    }
  n = (gsize)(lx->p - s);
  if (n >= sizeof tmp)
    return FALSE;
  memcpy (tmp, s, n);
  tmp[n] = '\0';
  if (is_double)
    {
      v->type = V_DOUBLE;
      v->d = g_ascii_strtod (tmp, NULL);
      if (!isfinite (v->d))
        return FALSE;
    }
  else
    {
      errno = 0;
      v->type = V_INT;
      v->i = g_ascii_strtoll (tmp, NULL, 10);
      if (errno != 0)
        return FALSE; /* out of range: json-glib's call */
    }
  return TRUE;
}

static gboolean
match_word (Lexer *lx, const char *word)
{
  gsize n = strlen (word);

  if ((gsize)(lx->end - lx->p) < n || memcmp (lx->p, word, n) != 0)
    return FALSE;
  lx->p += n;
  return TRUE;
}

static gboolean
skip_value (Lexer *lx, int depth);

/* Reads a scalar into @v; objects and arrays are skipped and reported as V_OTHER. */
static gboolean
read_value (Lexer *lx, Value *v)
{
  value_clear (v);
  skip_ws (lx);
  if (lx->p >= lx->end)
    return FALSE;
  switch (*lx->p)
    {
      case '"':
        if (!read_string (lx))
          return FALSE;
        v->type = V_STRING;
        v->str = g_strndup (lx->buf->str, lx->buf->len);
        return TRUE;
      case 't':
        v->type = V_BOOL;
        v->b = TRUE;
        return match_word (lx, "true");
      case 'f':
        v->type = V_BOOL;
        v->b = FALSE;
        return match_word (lx, "false");
      case 'n':
        v->type = V_NONE;
        return match_word (lx, "null");
      case '{':
      case '[':
        v->type = V_OTHER;
        return skip_value (lx, 0);
      default:
        return read_number (lx, v);
    }
}

static gboolean
skip_value (Lexer *lx, int depth)
{
  Value v = { 0 };
  gboolean ok;

  if (depth > 64)
    return FALSE;
  skip_ws (lx);
  if (lx->p >= lx->end)
    return FALSE;
  if (*lx->p == '{')
    {
      lx->p++;
      if (expect (lx, '}'))
        return TRUE;
      do
        {
          if (!read_string (lx) || !expect (lx, ':') || !skip_value (lx, depth + 1))
            return FALSE;
        }
      while (expect (lx, ','));
      return expect (lx, '}');
    }
  if (*lx->p == '[')
    {
      lx->p++;
      if (expect (lx, ']'))
        return TRUE;
      do
        {
          if (!skip_value (lx, depth + 1))
            return FALSE;
        }
      while (expect (lx, ','));
      return expect (lx, ']');
    }
  ok = read_value (lx, &v);
  value_clear (&v);
  return ok;
}

/* The conversions of ferry_json_get_*(). */

static const char *
as_string (const Value *v)
{
  return v->type == V_STRING ? v->str : NULL;
}

static char *
as_id (const Value *v)
{
  if (v->type == V_STRING)
    return g_strdup (v->str);
  if (v->type == V_INT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, v->i);
  return NULL;
}

static gint64
as_int (const Value *v, gint64 fallback)
{
  switch (v->type)
    {
      case V_INT:
        return v->i;
      case V_DOUBLE:
        if (!isfinite (v->d) || v->d > (double)G_MAXINT64 || v->d < (double)G_MININT64)
          return fallback;
        return (gint64)v->d;
      case V_STRING:
        return ferry_json_string_to_int (v->str, fallback);
      case V_NONE:
      case V_BOOL:
      case V_OTHER:
      default:
        return fallback;
    }
}

static gboolean
as_bool (const Value *v, gboolean fallback)
{
  switch (v->type)
    {
      case V_BOOL:
        return v->b;
      case V_INT:
        return v->i != 0;
      case V_STRING:
        return ferry_json_string_to_bool (v->str, fallback);
      case V_NONE:
      case V_DOUBLE:
      case V_OTHER:
      default:
        return fallback;
    }
}

/* Fields of ferry_hcx_json_to_vm(), top level (T_) and in "summary" (S_). */
enum
{
  F_ID,
  F_ENTITY_ID,
  F_ENTITY_ID2,
  F_NAME,
  F_ENTITY_NAME,
  F_GUEST_FULL_NAME,
  F_GUEST_ID,
  F_GUEST_HOST_NAME,
  F_POWER_STATE,
  F_HARDWARE_VERSION,
  F_TOOLS_STATUS,
  F_NUM_CPU,
  F_MEMORY_MB,
  F_MEMORY,
  F_DISK,
  F_FOLDER,
  F_CLUSTER,
  F_DATASTORE,
  F_SNAPSHOTS,
  F_ISO,
  N_FIELDS
};

static const char *const field_names[N_FIELDS] = {
  [F_ID] = "id",
  [F_ENTITY_ID] = "entityId",
  [F_ENTITY_ID2] = "entity_id",
  [F_NAME] = "name",
  [F_ENTITY_NAME] = "entityName",
  [F_GUEST_FULL_NAME] = "guestFullName",
  [F_GUEST_ID] = "guestId",
  [F_GUEST_HOST_NAME] = "guestHostName",
  [F_POWER_STATE] = "powerState",
  [F_HARDWARE_VERSION] = "hardwareVersion",
  [F_TOOLS_STATUS] = "toolsStatus",
  [F_NUM_CPU] = "numCpu",
  [F_MEMORY_MB] = "memorySizeMB",
  [F_MEMORY] = "memorySize",
  [F_DISK] = "diskSize",
  [F_FOLDER] = "folder",
  [F_CLUSTER] = "cluster",
  [F_DATASTORE] = "datastore",
  [F_SNAPSHOTS] = "snapshotCount",
  [F_ISO] = "isoMounted",
};

static int
field_index (const char *key)
{
  for (int i = 0; i < N_FIELDS; i++)
    if (strcmp (field_names[i], key) == 0)
      return i;
  return -1;
}

/* One NIC-ish object: networkDevices[] or network[] entries. */
enum
{
  N_LABEL,
  N_MAC,
  N_MAC2,
  N_NETWORK_ID,
  N_NETWORK,
  N_NETWORK_NAME,
  N_NETWORK_TYPE,
  N_CONNECTED,
  N_ID,
  N_VALUE,
  N_NAME,
  N_DISPLAY_NAME,
  N_TYPE,
  N_NIC_FIELDS
};

static const char *const nic_field_names[N_NIC_FIELDS] = {
  [N_LABEL] = "label",
  [N_MAC] = "macAddress",
  [N_MAC2] = "mac",
  [N_NETWORK_ID] = "networkId",
  [N_NETWORK] = "network",
  [N_NETWORK_NAME] = "networkName",
  [N_NETWORK_TYPE] = "networkType",
  [N_CONNECTED] = "connected",
  [N_ID] = "id",
  [N_VALUE] = "value",
  [N_NAME] = "name",
  [N_DISPLAY_NAME] = "displayName",
  [N_TYPE] = "type",
};

typedef struct
{
  Value f[N_NIC_FIELDS];
} NicValues;

static void
nic_values_clear (NicValues *n)
{
  for (int i = 0; i < N_NIC_FIELDS; i++)
    value_clear (&n->f[i]);
}

static const char *
first_string (const Value *a, const Value *b)
{
  return as_string (a) != NULL ? as_string (a) : as_string (b);
}

/* Reads an array of NIC objects (non-objects are skipped, like the tree parser does). */
static gboolean
read_nic_array (Lexer *lx, gboolean devices, GPtrArray *out)
{
  if (!expect (lx, '['))
    return FALSE;
  if (expect (lx, ']'))
    return TRUE;
  do
    {
      NicValues n = { 0 };
      FerryNic *nic;

      if (!peek (lx, '{'))
        {
          if (!skip_value (lx, 1))
            return FALSE;
          continue;
        }
      lx->p++;
      if (!expect (lx, '}'))
        {
          do
            {
              int idx = -1;

              if (!read_string (lx) || !expect (lx, ':'))
                {
                  nic_values_clear (&n);
                  return FALSE;
                }
              for (int i = 0; i < N_NIC_FIELDS; i++)
                if (strcmp (nic_field_names[i], lx->buf->str) == 0)
                  idx = i;
              if (idx < 0 ? !skip_value (lx, 2) : !read_value (lx, &n.f[idx]))
                {
                  nic_values_clear (&n);
                  return FALSE;
                }
            }
          while (expect (lx, ','));
          if (!expect (lx, '}'))
            {
              nic_values_clear (&n);
              return FALSE;
            }
        }

      nic = ferry_nic_new ();
      _ferry_nic_set_quiet (nic, TRUE);
      if (devices)
        {
          ferry_nic_set_label (nic, as_string (&n.f[N_LABEL]));
          ferry_nic_set_mac_address (nic, first_string (&n.f[N_MAC], &n.f[N_MAC2]));
          ferry_nic_set_network_id (nic, first_string (&n.f[N_NETWORK_ID], &n.f[N_NETWORK]));
          ferry_nic_set_network_name (nic, as_string (&n.f[N_NETWORK_NAME]));
          ferry_nic_set_network_type (nic, as_string (&n.f[N_NETWORK_TYPE]));
          ferry_nic_set_connected (nic, as_bool (&n.f[N_CONNECTED], TRUE));
        }
      else
        {
          ferry_nic_set_network_id (nic, first_string (&n.f[N_ID], &n.f[N_VALUE]));
          ferry_nic_set_network_name (nic, first_string (&n.f[N_NAME], &n.f[N_DISPLAY_NAME]));
          ferry_nic_set_network_type (nic, as_string (&n.f[N_TYPE]));
        }
      _ferry_nic_set_quiet (nic, FALSE);
      g_ptr_array_add (out, nic);
      nic_values_clear (&n);
    }
  while (expect (lx, ','));
  return expect (lx, ']');
}

typedef struct
{
  Value top[N_FIELDS];
  Value summary[N_FIELDS];
  GPtrArray *devices;  /* FerryNic, when networkDevices is an array */
  GPtrArray *networks; /* FerryNic, when network is an array */
} VmValues;

static void
vm_values_clear (VmValues *v)
{
  for (int i = 0; i < N_FIELDS; i++)
    {
      value_clear (&v->top[i]);
      value_clear (&v->summary[i]);
    }
  g_clear_pointer (&v->devices, g_ptr_array_unref);
  g_clear_pointer (&v->networks, g_ptr_array_unref);
}

static gboolean
read_summary (Lexer *lx, Value *fields)
{
  if (!expect (lx, '{'))
    return FALSE;
  if (expect (lx, '}'))
    return TRUE;
  do
    {
      int idx;

      if (!read_string (lx) || !expect (lx, ':'))
        return FALSE;
      idx = field_index (lx->buf->str);
      if (idx < 0 ? !skip_value (lx, 2) : !read_value (lx, &fields[idx]))
        return FALSE;
    }
  while (expect (lx, ','));
  return expect (lx, '}');
}

/* vm_string(): top level first, then summary. */
static const char *
vm_string (VmValues *v, int f)
{
  const char *s = as_string (&v->top[f]);

  return s != NULL ? s : as_string (&v->summary[f]);
}

/* vm_int(): summary first (if ≥ 0), then top level. */
static gint64
vm_int (VmValues *v, int f)
{
  gint64 x = as_int (&v->summary[f], -1);

  return x >= 0 ? x : as_int (&v->top[f], -1);
}

static FerryVm *
build_vm (VmValues *v)
{
  FerryVm *vm = ferry_vm_new ();
  g_autofree char *id = as_id (&v->top[F_ID]);
  gint64 memory_mb = vm_int (v, F_MEMORY_MB);
  gint64 num_cpu = vm_int (v, F_NUM_CPU);
  gint64 snapshots = as_int (&v->top[F_SNAPSHOTS], -1);
  const Value *iso = &v->top[F_ISO];
  GPtrArray *nics = v->devices != NULL ? v->devices : v->networks;
  FerryTriState iso_state = FERRY_TRI_STATE_UNKNOWN;

  if (id == NULL)
    id = as_id (&v->top[F_ENTITY_ID]);
  if (id == NULL)
    id = as_id (&v->top[F_ENTITY_ID2]);
  if (memory_mb < 0)
    {
      gint64 bytes = vm_int (v, F_MEMORY);

      if (bytes >= 0)
        memory_mb = bytes / (1024 * 1024);
    }
  if (iso->type != V_NONE)
    {
      if (as_bool (iso, FALSE))
        iso_state = FERRY_TRI_STATE_YES;
      else if (!as_bool (iso, TRUE))
        iso_state = FERRY_TRI_STATE_NO;
    }

  _ferry_vm_set_quiet (vm, TRUE);
  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, first_string (&v->top[F_NAME], &v->top[F_ENTITY_NAME]));
  ferry_vm_set_guest_full_name (vm, vm_string (v, F_GUEST_FULL_NAME));
  ferry_vm_set_guest_id (vm, vm_string (v, F_GUEST_ID));
  ferry_vm_set_guest_host_name (vm, vm_string (v, F_GUEST_HOST_NAME));
  ferry_vm_set_num_cpu (vm, num_cpu >= 0 && num_cpu <= G_MAXINT ? (int)num_cpu : -1);
  ferry_vm_set_memory_mb (vm, memory_mb);
  ferry_vm_set_disk_bytes (vm, vm_int (v, F_DISK));
  ferry_vm_set_power_state (vm, ferry_power_state_from_string (vm_string (v, F_POWER_STATE)));
  ferry_vm_set_folder (vm, as_string (&v->top[F_FOLDER]));
  ferry_vm_set_cluster (vm, as_string (&v->top[F_CLUSTER]));
  ferry_vm_set_datastore (vm, as_string (&v->top[F_DATASTORE]));
  ferry_vm_set_hardware_version (vm, vm_string (v, F_HARDWARE_VERSION));
  ferry_vm_set_tools_status (vm, vm_string (v, F_TOOLS_STATUS));
  ferry_vm_set_snapshot_count (vm, snapshots >= 0 && snapshots <= G_MAXINT ? (int)snapshots : -1);
  ferry_vm_set_iso_mounted (vm, iso_state);
  for (guint i = 0; nics != NULL && i < nics->len; i++)
    ferry_vm_add_nic (vm, g_ptr_array_index (nics, i));
  _ferry_vm_set_quiet (vm, FALSE);
  return vm;
}

static gboolean
read_vm (Lexer *lx, GPtrArray *vms)
{
  VmValues v = { 0 };
  gboolean ok = FALSE;

  lx->p++; /* '{' */
  if (expect (lx, '}'))
    goto done;
  do
    {
      int idx;

      if (!read_string (lx) || !expect (lx, ':'))
        goto out;
      if (strcmp (lx->buf->str, "summary") == 0)
        {
          /* json-glib keeps the last of duplicate members. */
          for (int i = 0; i < N_FIELDS; i++)
            value_clear (&v.summary[i]);
          if (peek (lx, '{'))
            {
              if (!read_summary (lx, v.summary))
                goto out;
            }
          else if (!skip_value (lx, 1))
            goto out;
          continue;
        }
      if (strcmp (lx->buf->str, "networkDevices") == 0 || strcmp (lx->buf->str, "network") == 0)
        {
          gboolean devices = lx->buf->str[7] == 'D';
          GPtrArray **slot = devices ? &v.devices : &v.networks;

          g_clear_pointer (slot, g_ptr_array_unref);
          if (peek (lx, '['))
            {
              *slot = g_ptr_array_new_with_free_func (g_object_unref);
              if (!read_nic_array (lx, devices, *slot))
                goto out;
            }
          else if (!skip_value (lx, 1))
            goto out;
          continue;
        }
      idx = field_index (lx->buf->str);
      if (idx < 0 ? !skip_value (lx, 1) : !read_value (lx, &v.top[idx]))
        goto out;
    }
  while (expect (lx, ','));
  if (!expect (lx, '}'))
    goto out;
done:
  g_ptr_array_add (vms, build_vm (&v));
  ok = TRUE;
out:
  vm_values_clear (&v);
  return ok;
}

static gboolean
read_items (Lexer *lx, GPtrArray *vms, guint *n_items)
{
  if (!expect (lx, '['))
    return FALSE;
  if (expect (lx, ']'))
    return TRUE;
  do
    {
      (*n_items)++;
      if (peek (lx, '{'))
        {
          if (!read_vm (lx, vms))
            return FALSE;
        }
      else if (!skip_value (lx, 1))
        return FALSE;
    }
  while (expect (lx, ','));
  return expect (lx, ']');
}

/* paging: {"totalSize": …, "totalCount": …} */
static gboolean
read_paging (Lexer *lx, gint64 *total_size, gint64 *total_count)
{
  if (!expect (lx, '{'))
    return FALSE;
  if (expect (lx, '}'))
    return TRUE;
  do
    {
      Value v = { 0 };
      gboolean size;

      if (!read_string (lx) || !expect (lx, ':'))
        return FALSE;
      size = strcmp (lx->buf->str, "totalSize") == 0;
      if (!size && strcmp (lx->buf->str, "totalCount") != 0)
        {
          if (!skip_value (lx, 2))
            return FALSE;
          continue;
        }
      if (!read_value (lx, &v))
        return FALSE;
      if (size)
        *total_size = as_int (&v, -1);
      else
        *total_count = as_int (&v, -1);
      value_clear (&v);
    }
  while (expect (lx, ','));
  return expect (lx, '}');
}

typedef struct
{
  gboolean has_items;
  gboolean has_paging;
  gint64 total_size;
  gint64 total_count;
  gint64 data_total;
} Envelope;

/* An object with "items" (and "paging"); @is_data for data{}, which may also carry totalSize. */
static gboolean
read_container (Lexer *lx, gboolean is_data, Envelope *env, GPtrArray *vms, guint *n_items,
                gboolean *has_data)
{
  if (!expect (lx, '{'))
    return FALSE;
  if (expect (lx, '}'))
    return TRUE;
  do
    {
      if (!read_string (lx) || !expect (lx, ':'))
        return FALSE;
      if (strcmp (lx->buf->str, "items") == 0)
        {
          /* Duplicate item lists, or items where json-glib would not look: give up. */
          if (env->has_items || !peek (lx, '['))
            return FALSE;
          env->has_items = TRUE;
          if (!read_items (lx, vms, n_items))
            return FALSE;
        }
      else if (strcmp (lx->buf->str, "paging") == 0)
        {
          if (!peek (lx, '{') || env->has_paging)
            return FALSE;
          env->has_paging = TRUE;
          if (!read_paging (lx, &env->total_size, &env->total_count))
            return FALSE;
        }
      else if (is_data && strcmp (lx->buf->str, "totalSize") == 0)
        {
          Value v = { 0 };

          if (!read_value (lx, &v))
            return FALSE;
          env->data_total = as_int (&v, -1);
          value_clear (&v);
        }
      else if (!is_data && strcmp (lx->buf->str, "data") == 0)
        {
          if (*has_data || !peek (lx, '{'))
            return FALSE;
          *has_data = TRUE;
          if (!read_container (lx, TRUE, env, vms, n_items, has_data))
            return FALSE;
        }
      else if (!skip_value (lx, 1))
        return FALSE;
    }
  while (expect (lx, ','));
  return expect (lx, '}');
}

gboolean
ferry_hcx_json_parse_vm_page_fast (const char *data, gsize len, GPtrArray *vms, guint *n_items,
                                   gint64 *total)
{
  g_autoptr (GString) buf = g_string_sized_new (256);
  Lexer lx = { data, data + len, buf };
  Envelope root_env = { FALSE, FALSE, -1, -1, -1 };
  gboolean has_data = FALSE;
  guint start_len = vms->len;
  gint64 t;

  *n_items = 0;
  *total = -1;
  /* json-glib rejects invalid UTF-8; so do we, by leaving it to json-glib. */
  if (data == NULL || len == 0 || !g_utf8_validate (data, (gssize)len, NULL))
    return FALSE;
  if (!peek (&lx, '{') || !read_container (&lx, FALSE, &root_env, vms, n_items, &has_data))
    goto fail;
  skip_ws (&lx);
  if (lx.p != lx.end || !root_env.has_items)
    goto fail;
  /* ferry_hcx_json_find_items(): data.items wins over a top-level items list; both at once
   * would need that precedence, so leave such a body to the tree parser. */
  /* ferry_hcx_json_find_total(): paging.totalSize, then paging.totalCount, then data.totalSize
   * (a data.paging object wins over a top-level one; we only accept one of them). */
  t = root_env.total_size >= 0 ? root_env.total_size : root_env.total_count;
  if (t < 0 && has_data)
    t = root_env.data_total;
  *total = t >= 0 ? t : -1;
  return TRUE;

fail:
  g_ptr_array_remove_range (vms, start_len, vms->len - start_len);
  *n_items = 0;
  return FALSE;
}
