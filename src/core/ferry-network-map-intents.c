/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-intents.c: the network map's part of a migrationIntent
 * (networkParams.networkMappings, hcx-api.md §6) */

#include "config.h"

#include "ferry-network-map-state-private.h"

void
_ferry_network_map_fill_intent (FerryNetworkMap *self, FerryPlanItem *item,
                                FerryMigrationIntent *intent)
{
  ItemRec *rec = _ferry_network_map_find_item (self, item);

  if (rec == NULL)
    return;
  for (guint i = 0; i < rec->n_nics; i++)
    {
      NicRec *nr = &rec->nics[i];
      FerryNetwork *target = _ferry_network_map_effective (nr);
      FerryNetworkMapping m = { 0 };

      if (target == NULL)
        continue;
      m.src_network_id = (char *)(ferry_nic_get_network_id (nr->nic) != NULL
                                      ? ferry_nic_get_network_id (nr->nic)
                                      : (nr->src != NULL ? nr->src->id : NULL));
      m.src_network_type = (char *)ferry_nic_get_network_type (nr->nic);
      m.src_network_name = (char *)ferry_nic_get_network_name (nr->nic);
      m.dest_network_id = (char *)ferry_network_get_id (target);
      m.dest_network_type = (char *)(ferry_network_get_network_type (target) != NULL
                                         ? ferry_network_get_network_type (target)
                                         : ferry_network_get_entity_type (target));
      m.dest_network_name = (char *)ferry_network_get_name (target);
      m.mac_address = (char *)ferry_nic_get_mac_address (nr->nic);
      m.is_primary_nic = nr->primary;
      m.connected = nr->connected;
      ferry_migration_intent_add_network_mapping (intent, &m);
    }
}

FerryNic *
_ferry_network_map_first_unmapped (FerryNetworkMap *self, FerryPlanItem *item, guint *out_index)
{
  ItemRec *rec = _ferry_network_map_find_item (self, item);

  for (guint i = 0; rec != NULL && i < rec->n_nics; i++)
    {
      NicRec *nr = &rec->nics[i];

      if (nr->connected && _ferry_network_map_effective (nr) == NULL)
        {
          if (out_index != NULL)
            *out_index = i;
          return nr->nic;
        }
    }
  return NULL;
}
