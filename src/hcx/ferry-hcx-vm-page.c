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

#include <string.h>

#include "ferry-hcx-json.h"
#include "ferry-hcx-json-lexer-private.h"

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

typedef struct
{
  const char *name;
  gsize len;
} Key;

#define KEY(literal)                                                                               \
  {                                                                                                \
    literal, sizeof literal - 1                                                                    \
  }

static const Key field_names[N_FIELDS] = {
  [F_ID] = KEY ("id"),
  [F_ENTITY_ID] = KEY ("entityId"),
  [F_ENTITY_ID2] = KEY ("entity_id"),
  [F_NAME] = KEY ("name"),
  [F_ENTITY_NAME] = KEY ("entityName"),
  [F_GUEST_FULL_NAME] = KEY ("guestFullName"),
  [F_GUEST_ID] = KEY ("guestId"),
  [F_GUEST_HOST_NAME] = KEY ("guestHostName"),
  [F_POWER_STATE] = KEY ("powerState"),
  [F_HARDWARE_VERSION] = KEY ("hardwareVersion"),
  [F_TOOLS_STATUS] = KEY ("toolsStatus"),
  [F_NUM_CPU] = KEY ("numCpu"),
  [F_MEMORY_MB] = KEY ("memorySizeMB"),
  [F_MEMORY] = KEY ("memorySize"),
  [F_DISK] = KEY ("diskSize"),
  [F_FOLDER] = KEY ("folder"),
  [F_CLUSTER] = KEY ("cluster"),
  [F_DATASTORE] = KEY ("datastore"),
  [F_SNAPSHOTS] = KEY ("snapshotCount"),
  [F_ISO] = KEY ("isoMounted"),
};

/* The index of the last string read in @keys, or -1: lengths first, so that a key costs a
 * few integer comparisons and (at most) one or two memcmp (). */
static int
key_index (Lexer *lx, const Key *keys, int n_keys)
{
  for (int i = 0; i < n_keys; i++)
    if (keys[i].len == lx->len && memcmp (keys[i].name, lx->str, lx->len) == 0)
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
  N_PRIMARY,
  N_PRIMARY2,
  N_ID,
  N_VALUE,
  N_NAME,
  N_DISPLAY_NAME,
  N_TYPE,
  N_NIC_FIELDS
};

static const Key nic_field_names[N_NIC_FIELDS] = {
  [N_LABEL] = KEY ("label"),
  [N_MAC] = KEY ("macAddress"),
  [N_MAC2] = KEY ("mac"),
  [N_NETWORK_ID] = KEY ("networkId"),
  [N_NETWORK] = KEY ("network"),
  [N_NETWORK_NAME] = KEY ("networkName"),
  [N_NETWORK_TYPE] = KEY ("networkType"),
  [N_CONNECTED] = KEY ("connected"),
  [N_PRIMARY] = KEY ("isPrimaryNic"),
  [N_PRIMARY2] = KEY ("primary"),
  [N_ID] = KEY ("id"),
  [N_VALUE] = KEY ("value"),
  [N_NAME] = KEY ("name"),
  [N_DISPLAY_NAME] = KEY ("displayName"),
  [N_TYPE] = KEY ("type"),
};

typedef struct
{
  Value f[N_NIC_FIELDS];
} NicValues;

/* The values of one VM. Its NIC lists are kept as values (strings borrowed from the lexer)
 * and only the one that wins becomes FerryNic objects: the simulator, like HCX, sends both
 * network[] and networkDevices[], and the devices win. The arrays are the page's, reused. */
typedef struct
{
  Value top[N_FIELDS];
  Value summary[N_FIELDS];
  GArray *devices;  /* NicValues, when networkDevices is an array (has_devices) */
  GArray *networks; /* NicValues, when network is an array (has_networks) */
  gboolean has_devices;
  gboolean has_networks;
} VmValues;

static const char *
first_string (const Value *a, const Value *b)
{
  return ferry_value_as_string (a) != NULL ? ferry_value_as_string (a) : ferry_value_as_string (b);
}

/* Reads an array of NIC objects into @out (non-objects are skipped, like the tree parser). */
static gboolean
read_nic_array (Lexer *lx, GArray *out)
{
  g_array_set_size (out, 0);
  if (!ferry_lexer_expect (lx, '['))
    return FALSE;
  if (ferry_lexer_expect (lx, ']'))
    return TRUE;
  do
    {
      NicValues *n;

      if (!ferry_lexer_peek (lx, '{'))
        {
          if (!ferry_lexer_skip_value (lx, 1))
            return FALSE;
          continue;
        }
      lx->p++;
      g_array_set_size (out, out->len + 1); /* zeroed: every value V_NONE */
      n = &g_array_index (out, NicValues, out->len - 1);
      if (ferry_lexer_expect (lx, '}'))
        continue;
      do
        {
          int idx;

          if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
            return FALSE;
          /* json-glib keeps the last of duplicate members; so does n->f[idx]. */
          idx = key_index (lx, nic_field_names, N_NIC_FIELDS);
          if (idx < 0 ? !ferry_lexer_skip_value (lx, 2) : !ferry_lexer_read_value (lx, &n->f[idx]))
            return FALSE;
        }
      while (ferry_lexer_expect (lx, ','));
      if (!ferry_lexer_expect (lx, '}'))
        return FALSE;
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, ']');
}

/* A boolean member as a tri-state: absent, null or not a boolean is unknown. */
static FerryTriState
value_tri_state (const Value *v)
{
  gboolean yes = ferry_value_as_bool (v, TRUE), no = ferry_value_as_bool (v, FALSE);

  if (yes != no)
    return FERRY_TRI_STATE_UNKNOWN;
  return yes ? FERRY_TRI_STATE_YES : FERRY_TRI_STATE_NO;
}

static FerryNic *
build_nic (const NicValues *n, gboolean devices)
{
  FerryNic *nic = ferry_nic_new ();

  _ferry_nic_set_quiet (nic, TRUE);
  if (devices)
    {
      ferry_nic_set_label (nic, ferry_value_as_string (&n->f[N_LABEL]));
      ferry_nic_set_mac_address (nic, first_string (&n->f[N_MAC], &n->f[N_MAC2]));
      ferry_nic_set_network_id (nic, first_string (&n->f[N_NETWORK_ID], &n->f[N_NETWORK]));
      ferry_nic_set_network_name (nic, ferry_value_as_string (&n->f[N_NETWORK_NAME]));
      ferry_nic_set_network_type (nic, ferry_value_as_string (&n->f[N_NETWORK_TYPE]));
      ferry_nic_set_connected (nic, ferry_value_as_bool (&n->f[N_CONNECTED], TRUE));
      ferry_nic_set_primary (nic, value_tri_state (&n->f[N_PRIMARY]) != FERRY_TRI_STATE_UNKNOWN
                                      ? value_tri_state (&n->f[N_PRIMARY])
                                      : value_tri_state (&n->f[N_PRIMARY2]));
    }
  else
    {
      ferry_nic_set_network_id (nic, first_string (&n->f[N_ID], &n->f[N_VALUE]));
      ferry_nic_set_network_name (nic, first_string (&n->f[N_NAME], &n->f[N_DISPLAY_NAME]));
      ferry_nic_set_network_type (nic, ferry_value_as_string (&n->f[N_TYPE]));
    }
  _ferry_nic_set_quiet (nic, FALSE);
  return nic;
}

static gboolean
read_summary (Lexer *lx, Value *fields)
{
  if (!ferry_lexer_expect (lx, '{'))
    return FALSE;
  if (ferry_lexer_expect (lx, '}'))
    return TRUE;
  do
    {
      int idx;

      if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
        return FALSE;
      idx = key_index (lx, field_names, N_FIELDS);
      if (idx < 0 ? !ferry_lexer_skip_value (lx, 2) : !ferry_lexer_read_value (lx, &fields[idx]))
        return FALSE;
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, '}');
}

/* vm_string(): top level first, then summary. */
static const char *
vm_string (VmValues *v, int f)
{
  const char *s = ferry_value_as_string (&v->top[f]);

  return s != NULL ? s : ferry_value_as_string (&v->summary[f]);
}

/* vm_int(): summary first (if ≥ 0), then top level. */
static gint64
vm_int (VmValues *v, int f)
{
  gint64 x = ferry_value_as_int (&v->summary[f], -1);

  return x >= 0 ? x : ferry_value_as_int (&v->top[f], -1);
}

static FerryVm *
build_vm (VmValues *v)
{
  FerryVm *vm = ferry_vm_new ();
  g_autofree char *id = ferry_value_as_id (&v->top[F_ID]);
  gint64 memory_mb = vm_int (v, F_MEMORY_MB);
  gint64 num_cpu = vm_int (v, F_NUM_CPU);
  gint64 snapshots = ferry_value_as_int (&v->top[F_SNAPSHOTS], -1);
  const Value *iso = &v->top[F_ISO];
  GArray *nics = v->has_devices ? v->devices : v->has_networks ? v->networks : NULL;
  FerryTriState iso_state = FERRY_TRI_STATE_UNKNOWN;

  if (id == NULL)
    id = ferry_value_as_id (&v->top[F_ENTITY_ID]);
  if (id == NULL)
    id = ferry_value_as_id (&v->top[F_ENTITY_ID2]);
  if (memory_mb < 0)
    {
      gint64 bytes = vm_int (v, F_MEMORY);

      if (bytes >= 0)
        memory_mb = bytes / (1024 * 1024);
    }
  if (iso->type != V_NONE)
    {
      if (ferry_value_as_bool (iso, FALSE))
        iso_state = FERRY_TRI_STATE_YES;
      else if (!ferry_value_as_bool (iso, TRUE))
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
  ferry_vm_set_folder (vm, ferry_value_as_string (&v->top[F_FOLDER]));
  ferry_vm_set_cluster (vm, ferry_value_as_string (&v->top[F_CLUSTER]));
  ferry_vm_set_datastore (vm, ferry_value_as_string (&v->top[F_DATASTORE]));
  ferry_vm_set_hardware_version (vm, vm_string (v, F_HARDWARE_VERSION));
  ferry_vm_set_tools_status (vm, vm_string (v, F_TOOLS_STATUS));
  ferry_vm_set_snapshot_count (vm, snapshots >= 0 && snapshots <= G_MAXINT ? (int)snapshots : -1);
  ferry_vm_set_iso_mounted (vm, iso_state);
  for (guint i = 0; nics != NULL && i < nics->len; i++)
    {
      g_autoptr (FerryNic) nic
          = build_nic (&g_array_index (nics, NicValues, i), nics == v->devices);

      ferry_vm_add_nic (vm, nic);
    }
  _ferry_vm_set_quiet (vm, FALSE);
  return vm;
}

/* Reads one VM object into @v (whose NIC arrays are reused) and adds it to @vms. */
static gboolean
read_vm (Lexer *lx, GPtrArray *vms, VmValues *v)
{
  memset (v->top, 0, sizeof v->top);
  memset (v->summary, 0, sizeof v->summary);
  v->has_devices = v->has_networks = FALSE;

  lx->p++; /* '{' */
  if (!ferry_lexer_expect (lx, '}'))
    {
      do
        {
          int idx;

          if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
            return FALSE;
          if (FERRY_LEXER_IS (lx, "summary"))
            {
              /* json-glib keeps the last of duplicate members. */
              memset (v->summary, 0, sizeof v->summary);
              if (ferry_lexer_peek (lx, '{') ? !read_summary (lx, v->summary)
                                             : !ferry_lexer_skip_value (lx, 1))
                return FALSE;
              continue;
            }
          if (FERRY_LEXER_IS (lx, "networkDevices") || FERRY_LEXER_IS (lx, "network"))
            {
              gboolean devices = lx->len > 7;
              gboolean *has = devices ? &v->has_devices : &v->has_networks;

              *has = ferry_lexer_peek (lx, '[');
              if (*has ? !read_nic_array (lx, devices ? v->devices : v->networks)
                       : !ferry_lexer_skip_value (lx, 1))
                return FALSE;
              continue;
            }
          idx = key_index (lx, field_names, N_FIELDS);
          if (idx < 0 ? !ferry_lexer_skip_value (lx, 1)
                      : !ferry_lexer_read_value (lx, &v->top[idx]))
            return FALSE;
        }
      while (ferry_lexer_expect (lx, ','));
      if (!ferry_lexer_expect (lx, '}'))
        return FALSE;
    }
  g_ptr_array_add (vms, build_vm (v));
  return TRUE;
}

static gboolean
read_items (Lexer *lx, GPtrArray *vms, guint *n_items)
{
  VmValues v = { 0 };
  gboolean ok = FALSE;

  if (!ferry_lexer_expect (lx, '['))
    return FALSE;
  if (ferry_lexer_expect (lx, ']'))
    return TRUE;
  v.devices = g_array_sized_new (FALSE, TRUE, sizeof (NicValues), 8);
  v.networks = g_array_sized_new (FALSE, TRUE, sizeof (NicValues), 8);
  do
    {
      (*n_items)++;
      if (ferry_lexer_peek (lx, '{') ? !read_vm (lx, vms, &v) : !ferry_lexer_skip_value (lx, 1))
        goto out;
    }
  while (ferry_lexer_expect (lx, ','));
  ok = ferry_lexer_expect (lx, ']');
out:
  g_array_unref (v.devices);
  g_array_unref (v.networks);
  return ok;
}

/* paging: {"totalSize": …, "totalCount": …} */
static gboolean
read_paging (Lexer *lx, gint64 *total_size, gint64 *total_count)
{
  if (!ferry_lexer_expect (lx, '{'))
    return FALSE;
  if (ferry_lexer_expect (lx, '}'))
    return TRUE;
  do
    {
      Value v = { 0 };
      gboolean size;

      if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
        return FALSE;
      size = FERRY_LEXER_IS (lx, "totalSize");
      if (!size && !FERRY_LEXER_IS (lx, "totalCount"))
        {
          if (!ferry_lexer_skip_value (lx, 2))
            return FALSE;
          continue;
        }
      if (!ferry_lexer_read_value (lx, &v))
        return FALSE;
      if (size)
        *total_size = ferry_value_as_int (&v, -1);
      else
        *total_count = ferry_value_as_int (&v, -1);
      ferry_value_clear (&v);
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, '}');
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
  if (!ferry_lexer_expect (lx, '{'))
    return FALSE;
  if (ferry_lexer_expect (lx, '}'))
    return TRUE;
  do
    {
      if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
        return FALSE;
      if (FERRY_LEXER_IS (lx, "items"))
        {
          /* Duplicate item lists, or items where json-glib would not look: give up. */
          if (env->has_items || !ferry_lexer_peek (lx, '['))
            return FALSE;
          env->has_items = TRUE;
          if (!read_items (lx, vms, n_items))
            return FALSE;
        }
      else if (FERRY_LEXER_IS (lx, "paging"))
        {
          if (!ferry_lexer_peek (lx, '{') || env->has_paging)
            return FALSE;
          env->has_paging = TRUE;
          if (!read_paging (lx, &env->total_size, &env->total_count))
            return FALSE;
        }
      else if (is_data && FERRY_LEXER_IS (lx, "totalSize"))
        {
          Value v = { 0 };

          if (!ferry_lexer_read_value (lx, &v))
            return FALSE;
          env->data_total = ferry_value_as_int (&v, -1);
          ferry_value_clear (&v);
        }
      else if (!is_data && FERRY_LEXER_IS (lx, "data"))
        {
          if (*has_data || !ferry_lexer_peek (lx, '{'))
            return FALSE;
          *has_data = TRUE;
          if (!read_container (lx, TRUE, env, vms, n_items, has_data))
            return FALSE;
        }
      else if (!ferry_lexer_skip_value (lx, 1))
        return FALSE;
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, '}');
}

gboolean
ferry_hcx_json_parse_vm_page_fast (const char *data, gsize len, GPtrArray *vms, guint *n_items,
                                   gint64 *total)
{
  Lexer lx;
  Envelope root_env = { FALSE, FALSE, -1, -1, -1 };
  gboolean has_data = FALSE;
  guint start_len = vms->len;
  gint64 t;

  *n_items = 0;
  *total = -1;
  /* json-glib rejects invalid UTF-8; so do we, by leaving it to json-glib. */
  if (!ferry_lexer_init (&lx, data, len))
    return FALSE;
  if (!ferry_lexer_peek (&lx, '{')
      || !read_container (&lx, FALSE, &root_env, vms, n_items, &has_data))
    goto fail;
  ferry_lexer_skip_ws (&lx);
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
  ferry_lexer_clear (&lx);
  return TRUE;

fail:
  ferry_lexer_clear (&lx);
  g_ptr_array_remove_range (vms, start_len, vms->len - start_len);
  *n_items = 0;
  return FALSE;
}
