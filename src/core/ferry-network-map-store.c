/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-store.c: what the plan store reads and restores: rules and exceptions in a
 * stable (sorted) order, and restoring them without undo steps */

#include "config.h"

#include "ferry-network-map-state-private.h"

/* ---- For the store ---- */

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

void
ferry_network_map_foreach_rule (FerryNetworkMap *self, FerryNetworkMapRuleFunc func,
                                gpointer user_data)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));

  keys = g_hash_table_get_keys_as_array (self->rules, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    func (keys[i], g_hash_table_lookup (self->rules, keys[i]), user_data);
}

void
ferry_network_map_foreach_exception (FerryNetworkMap *self, FerryNetworkMapExceptionFunc func,
                                     gpointer user_data)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));

  keys = g_hash_table_get_keys_as_array (self->exceptions, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      const char *key = keys[i];
      const char *sep = strchr (key, '\x1f');
      g_autofree char *vm_id = g_strndup (key, sep - key);
      ExcEntry *e = g_hash_table_lookup (self->exceptions, key);

      func (vm_id, sep + 1, e->target, user_data);
    }
}

void
ferry_network_map_restore_rule (FerryNetworkMap *self, const char *source_id, FerryNetwork *target)
{
  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (source_id != NULL);
  g_return_if_fail (target == NULL || FERRY_IS_NETWORK (target));

  _ferry_network_map_set_rule_raw (self, source_id, target);
  _ferry_network_map_update_end (self, TRUE);
}

void
ferry_network_map_restore_exception (FerryNetworkMap *self, const char *vm_id, const char *nic_key,
                                     FerryNetwork *target)
{
  g_autofree char *key = NULL;

  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));
  g_return_if_fail (vm_id != NULL && nic_key != NULL);
  g_return_if_fail (target == NULL || FERRY_IS_NETWORK (target));

  key = _ferry_network_exception_key (vm_id, nic_key);
  _ferry_network_map_set_exception_raw (self, key, target);
  _ferry_network_map_update_end (self, TRUE);
}
