/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-array.c: an array-backed GListModel of FerryVm, with its sort orders */

#include "config.h"

#include <string.h>

#include "ferry-vm-array.h"

struct _FerryVmArray
{
  GObject parent_instance;

  GPtrArray *vms;                   /* FerryVm, strong */
  GPtrArray *name_keys;             /* char *, each VM's name collate key, parallel to vms */
  GArray *orders[FERRY_VM_N_SORTS]; /* guint positions; NULL until asked for (name: always) */
};

static void
ferry_vm_array_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryVmArray, ferry_vm_array, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_vm_array_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return FERRY_TYPE_VM;
}

static guint
get_n_items (GListModel *model)
{
  return FERRY_VM_ARRAY (model)->vms->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  FerryVmArray *self = FERRY_VM_ARRAY (model);

  if (position >= self->vms->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->vms, position));
}

static void
ferry_vm_array_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ---- Sort orders ---- */

static void
drop_derived_orders (FerryVmArray *self)
{
  for (guint i = 0; i < FERRY_VM_N_SORTS; i++)
    if (i != FERRY_VM_SORT_NAME)
      g_clear_pointer (&self->orders[i], g_array_unref);
}

static int
compare_names (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  FerryVmArray *self = user_data;
  guint a = *(const guint *)pa, b = *(const guint *)pb;
  int r = strcmp (g_ptr_array_index (self->name_keys, a), g_ptr_array_index (self->name_keys, b));

  return r != 0 ? r : (a > b) - (a < b);
}

/* Merges the VMs from @first on (just appended) into the name order: the new ones sorted
 * among themselves, then one merge pass, so a page costs O(n + k log k), not a full sort. */
static void
merge_name_order (FerryVmArray *self, guint first)
{
  guint n_new = self->vms->len - first;
  GArray *old = self->orders[FERRY_VM_SORT_NAME];
  g_autofree guint *fresh = g_new (guint, n_new);
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->vms->len);
  guint i = 0, j = 0;

  for (guint k = 0; k < n_new; k++)
    fresh[k] = first + k;
  g_qsort_with_data (fresh, (int)n_new, sizeof (guint), compare_names, self);
  while (i < old->len || j < n_new)
    {
      guint take;

      if (j == n_new
          || (i < old->len && compare_names (&g_array_index (old, guint, i), &fresh[j], self) < 0))
        take = g_array_index (old, guint, i++);
      else
        take = fresh[j++];
      g_array_append_val (merged, take);
    }
  g_array_unref (old);
  self->orders[FERRY_VM_SORT_NAME] = merged;
}

static int
compare_values (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const gint64 *values = user_data;
  gint64 a = values[*(const guint *)pa], b = values[*(const guint *)pb];

  return (a > b) - (a < b);
}

static int
compare_collate (gconstpointer pa, gconstpointer pb)
{
  return strcmp (((char *const *)pa)[1], ((char *const *)pb)[1]);
}

static const char *
text_of (FerryVm *vm, FerryVmSort sort)
{
  const char *text = sort == FERRY_VM_SORT_GUEST     ? ferry_vm_get_guest_full_name (vm)
                     : sort == FERRY_VM_SORT_CLUSTER ? ferry_vm_get_cluster (vm)
                                                     : ferry_vm_get_folder (vm);

  return text != NULL ? text : "";
}

/* Text columns have few distinct values: each one's collate key is computed once, and the
 * VMs are ranked by it. */
static void
rank_texts (FerryVmArray *self, FerryVmSort sort, gint64 *values)
{
  g_autoptr (GHashTable) ranks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, 2 * sizeof (char *));
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->vms->len; i++)
    g_hash_table_add (ranks, (gpointer)text_of (g_ptr_array_index (self->vms, i), sort));
  g_hash_table_iter_init (&iter, ranks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      char *pair[2] = { key, g_utf8_collate_key_for_filename (key, -1) };

      g_array_append_vals (pairs, pair, 1);
    }
  g_array_sort (pairs, compare_collate);
  for (guint r = 0; r < pairs->len; r++)
    {
      char **pair = &g_array_index (pairs, char *, 2 * r);
      /* Equal keys, equal ranks. */
      guint rank = r > 0 && strcmp (pair[1], pair[-1]) == 0
                       ? GPOINTER_TO_UINT (g_hash_table_lookup (ranks, pair[-2]))
                       : r;

      g_hash_table_insert (ranks, pair[0], GUINT_TO_POINTER (rank));
    }
  for (guint i = 0; i < self->vms->len; i++)
    values[i] = GPOINTER_TO_UINT (
        g_hash_table_lookup (ranks, text_of (g_ptr_array_index (self->vms, i), sort)));
  for (guint r = 0; r < pairs->len; r++)
    g_free (g_array_index (pairs, char *, 2 * r + 1));
}

static GArray *
derive_order (FerryVmArray *self, FerryVmSort sort)
{
  GArray *names = self->orders[FERRY_VM_SORT_NAME];
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), names->len);
  g_autofree gint64 *values = g_new (gint64, MAX (self->vms->len, 1));

  for (guint i = 0; i < self->vms->len; i++)
    {
      FerryVm *vm = g_ptr_array_index (self->vms, i);

      switch (sort)
        {
          case FERRY_VM_SORT_POWER:
            values[i] = ferry_vm_get_power_state (vm);
            break;
          case FERRY_VM_SORT_CPU:
            values[i] = ferry_vm_get_num_cpu (vm);
            break;
          case FERRY_VM_SORT_MEMORY:
            values[i] = ferry_vm_get_memory_mb (vm);
            break;
          case FERRY_VM_SORT_DISK:
            values[i] = ferry_vm_get_disk_bytes (vm);
            break;
          case FERRY_VM_SORT_NICS:
            values[i] = ferry_vm_get_n_nics (vm);
            break;
          default:
            break;
        }
    }
  if (sort == FERRY_VM_SORT_GUEST || sort == FERRY_VM_SORT_CLUSTER || sort == FERRY_VM_SORT_FOLDER)
    rank_texts (self, sort, values);
  g_array_append_vals (order, names->data, names->len);
  /* g_qsort_with_data is a stable merge sort: equal values keep their name order. */
  g_qsort_with_data (order->data, (int)order->len, sizeof (guint), compare_values, values);
  return order;
}

const guint *
ferry_vm_array_get_order (FerryVmArray *self, FerryVmSort sort)
{
  g_return_val_if_fail (FERRY_IS_VM_ARRAY (self), NULL);
  g_return_val_if_fail (sort < FERRY_VM_N_SORTS, NULL);

  if (self->orders[sort] == NULL)
    self->orders[sort] = derive_order (self, sort);
  return (const guint *)self->orders[sort]->data;
}

/* ---- Contents ---- */

void
ferry_vm_array_append (FerryVmArray *self, FerryVm *const *vms, guint n_vms)
{
  guint first;

  g_return_if_fail (FERRY_IS_VM_ARRAY (self));

  if (n_vms == 0)
    return;
  first = self->vms->len;
  for (guint i = 0; i < n_vms; i++)
    {
      const char *name = ferry_vm_get_name (vms[i]);

      g_ptr_array_add (self->vms, g_object_ref (vms[i]));
      g_ptr_array_add (self->name_keys,
                       g_utf8_collate_key_for_filename (name != NULL ? name : "", -1));
    }
  merge_name_order (self, first);
  drop_derived_orders (self);
  g_list_model_items_changed (G_LIST_MODEL (self), first, 0, n_vms);
}

void
ferry_vm_array_clear (FerryVmArray *self)
{
  guint n;

  g_return_if_fail (FERRY_IS_VM_ARRAY (self));

  n = self->vms->len;
  if (n == 0)
    return;
  g_ptr_array_set_size (self->vms, 0);
  g_ptr_array_set_size (self->name_keys, 0);
  g_array_set_size (self->orders[FERRY_VM_SORT_NAME], 0);
  drop_derived_orders (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
}

guint
ferry_vm_array_get_length (FerryVmArray *self)
{
  g_return_val_if_fail (FERRY_IS_VM_ARRAY (self), 0);
  return self->vms->len;
}

FerryVm *const *
ferry_vm_array_peek (FerryVmArray *self)
{
  g_return_val_if_fail (FERRY_IS_VM_ARRAY (self), NULL);
  return (FerryVm *const *)self->vms->pdata;
}

/* ---- GObject ---- */

static void
ferry_vm_array_finalize (GObject *object)
{
  FerryVmArray *self = FERRY_VM_ARRAY (object);

  g_ptr_array_unref (self->vms);
  g_ptr_array_unref (self->name_keys);
  for (guint i = 0; i < FERRY_VM_N_SORTS; i++)
    g_clear_pointer (&self->orders[i], g_array_unref);

  G_OBJECT_CLASS (ferry_vm_array_parent_class)->finalize (object);
}

static void
ferry_vm_array_class_init (FerryVmArrayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_vm_array_finalize;
}

static void
ferry_vm_array_init (FerryVmArray *self)
{
  self->vms = g_ptr_array_new_with_free_func (g_object_unref);
  self->name_keys = g_ptr_array_new_with_free_func (g_free);
  self->orders[FERRY_VM_SORT_NAME] = g_array_new (FALSE, FALSE, sizeof (guint));
}

FerryVmArray *
ferry_vm_array_new (void)
{
  return g_object_new (FERRY_TYPE_VM_ARRAY, NULL);
}

FerryVmArray *
ferry_vm_array_new_from_model (GListModel *model)
{
  FerryVmArray *self = ferry_vm_array_new ();
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autoptr (GPtrArray) vms = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (vms, g_list_model_get_item (model, i));
  ferry_vm_array_append (self, (FerryVm *const *)vms->pdata, vms->len);
  return self;
}
