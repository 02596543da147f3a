/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-inventory-reconcile.c: planned VMs against the manager's inventory; enrichment */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-inventory-reconcile-private.h"

#define MIB (1024 * 1024)

typedef struct
{
  FerryInventoryFacts *manager;
  GHashTable *by_vm_uuid;   /* lower-case UUID -> FerryVm* */
  GHashTable *by_bios_uuid; /* lower-case UUID -> FerryVm* */
  GHashTable *by_name;      /* name -> GPtrArray of FerryVm* */
  GHashTable *used;         /* FerryVm* set */
} Index;

static void
index_clear (Index *index)
{
  g_hash_table_unref (index->by_vm_uuid);
  g_hash_table_unref (index->by_bios_uuid);
  g_hash_table_unref (index->by_name);
  g_hash_table_unref (index->used);
}

static void
index_build (Index *index, FerryInventoryFacts *manager)
{
  GListModel *vms = ferry_inventory_facts_get_vms (manager);
  guint n = g_list_model_get_n_items (vms);

  index->manager = manager;
  index->by_vm_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_bios_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_name
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  index->used = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);
      FerryVmFacts *facts = ferry_inventory_facts_lookup (manager, vm);
      const char *name = ferry_vm_get_name (vm);
      GPtrArray *same;

      if (facts != NULL && facts->vm_uuid != NULL)
        g_hash_table_insert (index->by_vm_uuid, g_ascii_strdown (facts->vm_uuid, -1), vm);
      if (facts != NULL && facts->bios_uuid != NULL)
        g_hash_table_insert (index->by_bios_uuid, g_ascii_strdown (facts->bios_uuid, -1), vm);
      if (name == NULL)
        continue;
      same = g_hash_table_lookup (index->by_name, name);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (index->by_name, (gpointer)name, same);
        }
      g_ptr_array_add (same, vm);
    }
}

static FerryVm *
lookup_uuid (GHashTable *table, const char *uuid)
{
  g_autofree char *key = NULL;

  if (uuid == NULL || uuid[0] == '\0')
    return NULL;
  key = g_ascii_strdown (uuid, -1);
  return g_hash_table_lookup (table, key);
}

static gboolean
uuid_differs (const char *a, const char *b)
{
  return a != NULL && b != NULL && g_ascii_strcasecmp (a, b) != 0;
}

/* Finds @vm's manager VM; *out_match tells how, *out_ambiguous how many could be it. */
static FerryVm *
find_match (Index *index, FerryVm *vm, FerryVmFacts *facts, guint planned_same_name,
            FerryReconcileMatch *out_match, guint *out_ambiguous)
{
  const char *name = ferry_vm_get_name (vm);
  FerryVm *found;
  GPtrArray *same;
  FerryVm *exact = NULL, *loose = NULL;
  guint n_exact = 0, n_loose = 0;

  *out_match = FERRY_RECONCILE_MATCH_NONE;
  *out_ambiguous = 0;
  if (facts != NULL)
    {
      found = lookup_uuid (index->by_vm_uuid, facts->vm_uuid);
      if (found == NULL)
        found = lookup_uuid (index->by_bios_uuid, facts->bios_uuid);
      if (found != NULL && !g_hash_table_contains (index->used, found))
        {
          *out_match = FERRY_RECONCILE_MATCH_UUID;
          return found;
        }
    }

  same = name ? g_hash_table_lookup (index->by_name, name) : NULL;
  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      FerryVm *candidate = g_ptr_array_index (same, i);
      FerryVmFacts *cf = ferry_inventory_facts_lookup (index->manager, candidate);
      const char *pv = facts ? facts->vcenter : NULL;
      const char *cv = cf ? cf->vcenter : NULL;

      if (g_hash_table_contains (index->used, candidate))
        continue;
      /* The same name but another UUID: another VM (deleted and recreated). */
      if (facts != NULL && cf != NULL
          && (uuid_differs (facts->vm_uuid, cf->vm_uuid)
              || ((facts->vm_uuid == NULL || cf->vm_uuid == NULL)
                  && uuid_differs (facts->bios_uuid, cf->bios_uuid))))
        continue;
      if (pv != NULL && cv != NULL && pv[0] != '\0' && cv[0] != '\0')
        {
          if (ferry_vcenter_name_equal (pv, cv))
            {
              exact = candidate;
              n_exact++;
            }
        }
      else
        {
          loose = candidate;
          n_loose++;
        }
    }

  if (n_exact == 1)
    {
      *out_match = FERRY_RECONCILE_MATCH_NAME_VCENTER;
      return exact;
    }
  if (n_exact > 1)
    {
      *out_ambiguous = n_exact;
      return NULL;
    }
  if (n_loose == 1 && planned_same_name <= 1)
    {
      *out_match = FERRY_RECONCILE_MATCH_NAME;
      return loose;
    }
  if (n_loose >= 1)
    *out_ambiguous = MAX (n_loose, planned_same_name);
  return NULL;
}

static const char *
power_title (FerryPowerState state)
{
  switch (state)
    {
      case FERRY_POWER_STATE_ON:
        return _ ("powered on");
      case FERRY_POWER_STATE_OFF:
        return _ ("powered off");
      case FERRY_POWER_STATE_SUSPENDED:
        return _ ("suspended");
      case FERRY_POWER_STATE_UNKNOWN:
      default:
        return _ ("unknown");
    }
}

static const char *
nic_title (FerryNic *nic)
{
  const char *label = ferry_nic_get_label (nic);

  if (label != NULL && label[0] != '\0')
    return label;
  label = ferry_nic_get_mac_address (nic);
  return label ? label : _ ("a network adapter");
}

static FerryNic *
take_nic (GPtrArray *nics, FerryNic *like)
{
  const char *mac = ferry_nic_get_mac_address (like);
  const char *label = ferry_nic_get_label (like);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < nics->len; i++)
      {
        FerryNic *nic = g_ptr_array_index (nics, i);
        const char *other = pass == 0 ? ferry_nic_get_mac_address (nic) : ferry_nic_get_label (nic);
        const char *want = pass == 0 ? mac : label;

        if (want != NULL && other != NULL && g_ascii_strcasecmp (want, other) == 0
            && (pass == 1 || mac != NULL))
          return g_ptr_array_steal_index (nics, i);
      }
  return NULL;
}

static void
compare_nics (FerryReconcileItem *item, FerryVm *planned, FerryVm *manager)
{
  guint np = ferry_vm_get_n_nics (planned), nm = ferry_vm_get_n_nics (manager);
  g_autoptr (GPtrArray) left = g_ptr_array_new ();

  /* A manager that does not list NICs (networkDevices is optional) says nothing about them. */
  if (nm == 0 && np > 0)
    return;
  for (guint i = 0; i < nm; i++)
    g_ptr_array_add (left, ferry_vm_get_nic (manager, i));
  for (guint i = 0; i < np; i++)
    {
      FerryNic *p = ferry_vm_get_nic (planned, i);
      FerryNic *m = take_nic (left, p);

      if (m == NULL)
        {
          _ferry_reconcile_item_add_change (item, FERRY_RECONCILE_CHANGE_NICS,
                                            g_strdup_printf (_ ("%s is gone"), nic_title (p)));
          continue;
        }
      if (g_strcmp0 (ferry_nic_get_network_name (p), ferry_nic_get_network_name (m)) != 0)
        _ferry_reconcile_item_add_change (
            item, FERRY_RECONCILE_CHANGE_NICS,
            /* Translators: "Network adapter 2: network VLAN100-Web → VLAN200-App" */
            g_strdup_printf (_ ("%s: network %s → %s"), nic_title (p),
                             ferry_nic_get_network_name (p) ?: "—",
                             ferry_nic_get_network_name (m) ?: "—"));
      if (ferry_nic_get_connected (p) != ferry_nic_get_connected (m))
        _ferry_reconcile_item_add_change (item, FERRY_RECONCILE_CHANGE_NICS,
                                          g_strdup_printf (ferry_nic_get_connected (m)
                                                               ? _ ("%s is connected now")
                                                               : _ ("%s is disconnected now"),
                                                           nic_title (p)));
    }
  for (guint i = 0; i < left->len; i++)
    _ferry_reconcile_item_add_change (
        item, FERRY_RECONCILE_CHANGE_NICS,
        g_strdup_printf (_ ("%s is new"), nic_title (g_ptr_array_index (left, i))));
}

static void
compare (FerryReconcileItem *item, FerryVm *p, FerryVm *m)
{
  FerryPowerState pp = ferry_vm_get_power_state (p), mp = ferry_vm_get_power_state (m);
  gint64 pd = ferry_vm_get_disk_bytes (p), md = ferry_vm_get_disk_bytes (m);

  if (pp != FERRY_POWER_STATE_UNKNOWN && mp != FERRY_POWER_STATE_UNKNOWN && pp != mp)
    _ferry_reconcile_item_add_change (
        item, FERRY_RECONCILE_CHANGE_POWER_STATE,
        /* Translators: "Now powered off (was powered on)" */
        g_strdup_printf (_ ("Now %s (was %s)"), power_title (mp), power_title (pp)));
  if (ferry_vm_get_num_cpu (p) >= 0 && ferry_vm_get_num_cpu (m) >= 0
      && ferry_vm_get_num_cpu (p) != ferry_vm_get_num_cpu (m))
    _ferry_reconcile_item_add_change (
        item, FERRY_RECONCILE_CHANGE_SIZE,
        g_strdup_printf (_ ("CPUs %d → %d"), ferry_vm_get_num_cpu (p), ferry_vm_get_num_cpu (m)));
  if (ferry_vm_get_memory_mb (p) >= 0 && ferry_vm_get_memory_mb (m) >= 0
      && ferry_vm_get_memory_mb (p) != ferry_vm_get_memory_mb (m))
    _ferry_reconcile_item_add_change (
        item, FERRY_RECONCILE_CHANGE_SIZE,
        g_strdup_printf (_ ("Memory %" G_GINT64_FORMAT " MiB → %" G_GINT64_FORMAT " MiB"),
                         ferry_vm_get_memory_mb (p), ferry_vm_get_memory_mb (m)));
  /* An export counts whole MiB: a difference under 2 MiB is rounding. */
  if (pd >= 0 && md >= 0 && ABS (pd - md) >= 2 * MIB)
    _ferry_reconcile_item_add_change (
        item, FERRY_RECONCILE_CHANGE_SIZE,
        g_strdup_printf (_ ("Disk %" G_GINT64_FORMAT " MiB → %" G_GINT64_FORMAT " MiB"),
                         (pd + MIB / 2) / MIB, (md + MIB / 2) / MIB));
  compare_nics (item, p, m);
}

GListModel *
ferry_inventory_reconcile (FerryInventoryFacts *planned, FerryInventoryFacts *manager,
                           FerryReconcileFlags flags)
{
  GListStore *items;
  GListModel *pvms, *mvms;
  guint n;
  Index index;
  g_autoptr (GHashTable) planned_names = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (planned), NULL);
  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (manager), NULL);

  index_build (&index, manager);
  pvms = ferry_inventory_facts_get_vms (planned);
  n = g_list_model_get_n_items (pvms);

  /* How often each planned name occurs: a name-only match must be unique on both sides. */
  planned_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (pvms, i);
      const char *name = ferry_vm_get_name (vm);

      if (name != NULL)
        g_hash_table_insert (
            planned_names, (gpointer)name,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (planned_names, name)) + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (pvms, i);
      FerryVmFacts *facts = ferry_inventory_facts_lookup (planned, vm);
      const char *name = ferry_vm_get_name (vm);
      guint same = name ? GPOINTER_TO_UINT (g_hash_table_lookup (planned_names, name)) : 0;
      FerryReconcileMatch match;
      guint ambiguous;
      FerryVm *found = find_match (&index, vm, facts, same, &match, &ambiguous);
      FerryReconcileItem *item;

      if (found != NULL)
        {
          g_hash_table_add (index.used, found);
          item = _ferry_reconcile_item_new (FERRY_RECONCILE_MATCHED, match, vm, found);
          compare (item, vm, found);
        }
      else if (ambiguous > 0)
        {
          item = _ferry_reconcile_item_new (FERRY_RECONCILE_AMBIGUOUS, match, vm, NULL);
          _ferry_reconcile_item_add_change (
              item, FERRY_RECONCILE_CHANGE_NONE,
              g_strdup_printf (_ ("%u VMs are named “%s” and the vCenter does not tell them "
                                  "apart"),
                               ambiguous, name));
        }
      else
        {
          item = _ferry_reconcile_item_new (FERRY_RECONCILE_MISSING, match, vm, NULL);
          _ferry_reconcile_item_add_change (
              item, FERRY_RECONCILE_CHANGE_NONE,
              g_strdup_printf (_ ("No VM named “%s” in the manager’s inventory%s%s"),
                               name ? name : "", facts && facts->vcenter ? _ (" of ") : "",
                               facts && facts->vcenter ? facts->vcenter : ""));
        }
      g_ptr_array_add (out, item);
    }

  if (flags & FERRY_RECONCILE_FLAG_NEW)
    {
      mvms = ferry_inventory_facts_get_vms (manager);
      for (guint i = 0; i < g_list_model_get_n_items (mvms); i++)
        {
          g_autoptr (FerryVm) vm = g_list_model_get_item (mvms, i);

          if (!g_hash_table_contains (index.used, vm))
            g_ptr_array_add (out, _ferry_reconcile_item_new (FERRY_RECONCILE_NEW,
                                                             FERRY_RECONCILE_MATCH_NONE, NULL, vm));
        }
    }
  index_clear (&index);

  items = g_list_store_new (FERRY_TYPE_RECONCILE_ITEM);
  g_list_store_splice (items, 0, 0, out->pdata, out->len);
  return G_LIST_MODEL (items);
}

guint
ferry_inventory_reconcile_count (GListModel *items, FerryReconcileStatus status)
{
  guint count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), 0);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (FerryReconcileItem) item = g_list_model_get_item (items, i);

      if (ferry_reconcile_item_get_status (item) == status)
        count++;
    }
  return count;
}

/* Enrichment ------------------------------------------------------------------------------ */

static void
copy_missing (char **to, const char *from)
{
  if (*to == NULL && from != NULL)
    *to = g_strdup (from);
}

static gboolean
fill (FerryInventoryFacts *manager, FerryVm *vm, FerryVmFacts *ef, FerryFact fact,
      gboolean manager_knows, gboolean export_knows)
{
  if (manager_knows || !export_knows || ef->sources[fact] == NULL)
    return FALSE;
  ferry_inventory_facts_set_fact_source (manager, vm, fact, ef->sources[fact]);
  return TRUE;
}

static guint
enrich_one (FerryInventoryFacts *manager, FerryVm *mvm, FerryVmFacts *mf, FerryVm *evm,
            FerryVmFacts *ef)
{
  guint filled = 0;
  const char *mhw = ferry_vm_get_hardware_version (mvm);
  const char *mtools = ferry_vm_get_tools_status (mvm);
  const char *ehw = ferry_vm_get_hardware_version (evm);
  const char *etools = ferry_vm_get_tools_status (evm);
  gboolean snapshots_filled, iso_filled;

  snapshots_filled
      = fill (manager, mvm, ef, FERRY_FACT_SNAPSHOTS, ferry_vm_get_snapshot_count (mvm) >= 0,
              ferry_vm_get_snapshot_count (evm) >= 0);
  if (snapshots_filled)
    {
      ferry_vm_set_snapshot_count (mvm, ferry_vm_get_snapshot_count (evm));
      if (mf->snapshot_names == NULL && ef->snapshot_names != NULL)
        mf->snapshot_names = g_strdupv (ef->snapshot_names);
      copy_missing (&mf->oldest_snapshot, ef->oldest_snapshot);
      filled++;
    }
  iso_filled = fill (manager, mvm, ef, FERRY_FACT_ISO,
                     ferry_vm_get_iso_mounted (mvm) != FERRY_TRI_STATE_UNKNOWN,
                     ferry_vm_get_iso_mounted (evm) != FERRY_TRI_STATE_UNKNOWN);
  if (iso_filled)
    {
      ferry_vm_set_iso_mounted (mvm, ferry_vm_get_iso_mounted (evm));
      copy_missing (&mf->iso_file, ef->iso_file);
      filled++;
    }
  if (fill (manager, mvm, ef, FERRY_FACT_HARDWARE_VERSION, mhw != NULL && mhw[0] != '\0',
            ehw != NULL && ehw[0] != '\0'))
    {
      ferry_vm_set_hardware_version (mvm, ehw);
      filled++;
    }
  if (fill (manager, mvm, ef, FERRY_FACT_TOOLS_STATUS, mtools != NULL && mtools[0] != '\0',
            etools != NULL && etools[0] != '\0'))
    {
      ferry_vm_set_tools_status (mvm, etools);
      filled++;
    }

  /* Facts FerryVm has no field for: copied where the manager has none. */
  copy_missing (&mf->vm_uuid, ef->vm_uuid);
  copy_missing (&mf->bios_uuid, ef->bios_uuid);
  copy_missing (&mf->vcenter, ef->vcenter);
  copy_missing (&mf->datacenter, ef->datacenter);
  copy_missing (&mf->resource_pool, ef->resource_pool);
  copy_missing (&mf->guest_os_tools, ef->guest_os_tools);
  copy_missing (&mf->host, ef->host);
  if (mf->provisioned_mib < 0)
    mf->provisioned_mib = ef->provisioned_mib;
  if (mf->in_use_mib < 0)
    mf->in_use_mib = ef->in_use_mib;
  return filled;
}

guint
ferry_inventory_facts_enrich (FerryInventoryFacts *manager, FerryInventoryFacts *export_facts,
                              GListModel *reconciled)
{
  guint filled = 0;

  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (manager), 0);
  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (export_facts), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (reconciled), 0);

  for (guint i = 0; i < g_list_model_get_n_items (reconciled); i++)
    {
      g_autoptr (FerryReconcileItem) item = g_list_model_get_item (reconciled, i);
      FerryVm *evm = ferry_reconcile_item_get_planned_vm (item);
      FerryVm *mvm = ferry_reconcile_item_get_manager_vm (item);
      FerryVmFacts *ef, *mf;

      if (evm == NULL || mvm == NULL)
        continue;
      ef = ferry_inventory_facts_lookup (export_facts, evm);
      mf = ferry_inventory_facts_lookup (manager, mvm);
      if (ef == NULL || mf == NULL)
        continue;
      filled += enrich_one (manager, mvm, mf, evm, ef);
    }
  return filled;
}
