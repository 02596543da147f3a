/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-selection.c: the map following the plan's selection: one record per
 * selected item, its NICs counted on their sources (sources made and dropped as NICs come and go),
 * and exceptions following a VM that was replaced */

#include "config.h"

#include "ferry-network-map-state-private.h"

/* ---- Item records ---- */

char *
ferry_network_nic_key (FerryNic *nic, guint position)
{
  const char *mac, *label;

  g_return_val_if_fail (FERRY_IS_NIC (nic), NULL);

  mac = ferry_nic_get_mac_address (nic);
  if (mac != NULL && mac[0] != '\0')
    return g_ascii_strdown (mac, -1);
  label = ferry_nic_get_label (nic);
  if (label != NULL && label[0] != '\0')
    return g_strconcat ("label:", label, NULL);
  return g_strdup_printf ("#%u", position);
}

char *
_ferry_network_exception_key (const char *vm_id, const char *nic_key)
{
  return g_strconcat (vm_id != NULL ? vm_id : "", "\x1f", nic_key, NULL);
}

void
_ferry_network_map_exc_entry_free (gpointer data)
{
  ExcEntry *e = data;

  if (e->nic != NULL)
    e->nic->exc = NULL;
  g_clear_object (&e->target);
  g_free (e);
}

void
_ferry_network_map_source_count (FerryNetworkMap *self, NicRec *n, int sign,
                                 gboolean first_on_source)
{
  FerryNetworkSource *src = n->src;

  if (src == NULL)
    {
      if (n->connected && n->exc == NULL)
        self->orphan_unmapped += sign;
      return;
    }
  src->n_nics += sign;
  if (first_on_source)
    src->n_vms += sign;
  if (n->connected)
    src->n_connected += sign;
  if (n->exc != NULL)
    {
      src->n_exceptions += sign;
      if (n->connected)
        src->n_connected_exceptions += sign;
    }
  _ferry_network_map_mark_dirty (self, src);
}

static FerryNetworkSource *
source_for_nic (FerryNetworkMap *self, FerryNic *nic)
{
  const char *id = ferry_nic_get_network_id (nic);
  const char *name = ferry_nic_get_network_name (nic);
  FerryNetworkSource *src;
  gboolean found;
  guint pos;

  if (id == NULL || id[0] == '\0')
    id = name;
  if (id == NULL || id[0] == '\0')
    return NULL;
  src = g_hash_table_lookup (self->sources_by_id, id);
  if (src != NULL)
    return src;

  src = _ferry_network_source_new (id, name, ferry_nic_get_network_type (nic));
  if (self->source_vlans != NULL)
    {
      guint vlan = GPOINTER_TO_UINT (g_hash_table_lookup (self->source_vlans, id));

      if (vlan > 0)
        src->vlan = vlan;
    }
  g_set_object (&src->target, g_hash_table_lookup (self->rules, id));
  src->problem = _ferry_network_map_problem (self, src->target);
  pos = _ferry_network_map_source_position (self, src->sort_key, &found);
  g_ptr_array_insert (self->sources, pos, src);
  g_hash_table_insert (self->sources_by_id, src->id, src);
  _ferry_network_map_mark_dirty (self, src);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
  return src;
}

void
_ferry_network_map_item_rec_free (ItemRec *rec)
{
  for (guint i = 0; i < rec->n_nics; i++)
    {
      if (rec->nics[i].exc != NULL)
        rec->nics[i].exc->nic = NULL;
      g_free (rec->nics[i].key);
    }
  g_free (rec->nics);
  g_clear_object (&rec->item);
  g_clear_object (&rec->vm);
  g_free (rec);
}

static ItemRec *
item_rec_add (FerryNetworkMap *self, FerryPlanItem *item)
{
  ItemRec *rec = g_new0 (ItemRec, 1);
  FerryVm *vm = ferry_plan_item_get_vm (item);
  guint n = ferry_vm_get_n_nics (vm);
  gint primary = -1;

  rec->item = g_object_ref (item);
  rec->vm = g_object_ref (vm);
  rec->n_nics = n;
  rec->nics = g_new0 (NicRec, MAX (n, 1));

  for (guint i = 0; i < n && primary < 0; i++)
    if (ferry_nic_get_primary (ferry_vm_get_nic (vm, i)) == FERRY_TRI_STATE_YES)
      primary = (gint)i;
  if (primary < 0)
    primary = 0;

  for (guint i = 0; i < n; i++)
    {
      NicRec *nr = &rec->nics[i];
      g_autofree char *key = NULL;
      gboolean first = TRUE;
      ExcEntry *e;

      nr->nic = ferry_vm_get_nic (vm, i);
      nr->key = ferry_network_nic_key (nr->nic, i);
      nr->connected = ferry_nic_get_connected (nr->nic);
      nr->primary = (gint)i == primary;
      nr->src = source_for_nic (self, nr->nic);
      key = _ferry_network_exception_key (ferry_vm_get_id (vm), nr->key);
      e = g_hash_table_lookup (self->exceptions, key);
      if (e != NULL && e->nic == NULL)
        {
          e->nic = nr;
          nr->exc = e;
        }
      for (guint j = 0; j < i; j++)
        if (rec->nics[j].src == nr->src)
          first = FALSE;
      _ferry_network_map_source_count (self, nr, +1, first);
    }
  g_hash_table_insert (self->rec_by_item, item, rec);
  return rec;
}

static void
item_rec_remove (FerryNetworkMap *self, ItemRec *rec)
{
  for (guint i = 0; i < rec->n_nics; i++)
    {
      NicRec *nr = &rec->nics[i];
      gboolean first = TRUE;

      for (guint j = 0; j < i; j++)
        if (rec->nics[j].src == nr->src)
          first = FALSE;
      _ferry_network_map_source_count (self, nr, -1, first);
      if (nr->exc != NULL)
        {
          nr->exc->nic = NULL;
          nr->exc = NULL;
        }
    }
  g_hash_table_remove (self->rec_by_item, rec->item);
  _ferry_network_map_item_rec_free (rec);
}

NicRec *
_ferry_network_map_find_nic (FerryNetworkMap *self, FerryPlanItem *item, FerryNic *nic)
{
  ItemRec *rec = g_hash_table_lookup (self->rec_by_item, item);

  if (rec == NULL)
    return NULL;
  for (guint i = 0; i < rec->n_nics; i++)
    if (rec->nics[i].nic == nic)
      return &rec->nics[i];
  return NULL;
}

ItemRec *
_ferry_network_map_find_item (FerryNetworkMap *self, FerryPlanItem *item)
{
  return g_hash_table_lookup (self->rec_by_item, item);
}

FerryNetwork *
_ferry_network_map_effective (NicRec *nr)
{
  if (nr->exc != NULL)
    return nr->exc->target;
  return nr->src != NULL ? nr->src->target : NULL;
}

/* ---- Following the plan's selection ---- */

void
_ferry_network_map_plan_items_changed_cb (GListModel *plan, guint position, guint removed,
                                          guint added, FerryNetworkMap *self)
{
  g_autoptr (GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) fresh = g_ptr_array_sized_new (added);

  g_return_if_fail (position + removed <= self->recs->len);

  /* Items present before and after the change keep their records. */
  if (removed > 0 && added > 0)
    {
      g_autoptr (GHashTable) after = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < added; i++)
        {
          FerryPlanItem *item = g_list_model_get_item (plan, position + i);

          g_hash_table_add (after, item);
          g_object_unref (item); /* the plan holds it */
        }
      for (guint i = 0; i < removed; i++)
        {
          ItemRec *rec = g_ptr_array_index (self->recs, position + i);

          if (g_hash_table_contains (after, rec->item))
            g_hash_table_insert (kept, rec->item, rec);
        }
    }
  for (guint i = 0; i < removed; i++)
    {
      ItemRec *rec = g_ptr_array_index (self->recs, position + i);

      if (!g_hash_table_contains (kept, rec->item))
        item_rec_remove (self, rec);
    }
  for (guint i = 0; i < added; i++)
    {
      FerryPlanItem *item = g_list_model_get_item (plan, position + i);
      ItemRec *rec = g_hash_table_lookup (kept, item);

      g_ptr_array_add (fresh, rec != NULL ? rec : item_rec_add (self, item));
      g_object_unref (item);
    }

  /* Splice the mirror. */
  g_ptr_array_remove_range (self->recs, position, removed);
  for (guint i = 0; i < fresh->len; i++)
    g_ptr_array_insert (self->recs, position + i, fresh->pdata[i]);
  _ferry_network_map_update_end (self, FALSE);
}

void
_ferry_network_map_item_rebound (FerryNetworkMap *self, FerryPlanItem *item, const char *old_vm_id)
{
  ItemRec *rec = g_hash_table_lookup (self->rec_by_item, item);
  const char *new_id = ferry_vm_get_id (ferry_plan_item_get_vm (item));
  guint pos;

  /* Exceptions follow the VM to its new id. */
  if (g_strcmp0 (old_vm_id, new_id) != 0 && old_vm_id != NULL)
    {
      g_autofree char *prefix = g_strconcat (old_vm_id, "\x1f", NULL);
      g_autoptr (GPtrArray) moved = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->exceptions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_str_has_prefix (key, prefix))
          {
            g_ptr_array_add (moved, g_strdup ((char *)key + strlen (prefix)));
            g_ptr_array_add (moved, value);
            g_hash_table_iter_steal (&iter);
            g_free (key);
          }
      for (guint i = 0; i < moved->len; i += 2)
        {
          g_autofree char *nic_key = moved->pdata[i];

          g_hash_table_replace (self->exceptions, _ferry_network_exception_key (new_id, nic_key),
                                moved->pdata[i + 1]);
        }
    }
  if (rec == NULL || !g_ptr_array_find (self->recs, rec, &pos))
    return;
  item_rec_remove (self, rec);
  self->recs->pdata[pos] = item_rec_add (self, item);
  _ferry_network_map_update_end (self, TRUE);
}
