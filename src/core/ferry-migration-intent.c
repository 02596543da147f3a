/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-intent.c: one VM's migration request (what validate and start send) */

#include "ferry-migration-intent.h"
#include "ferry-model-fields-private.h"

struct _FerryMigrationIntent
{
  GObject parent_instance;

  FerryMigrationType migration_type;
  char *entity_id;
  char *entity_name;
  FerryResourceContainer *source;
  FerryResourceContainer *destination;
  char *migration_group_id;
  gint64 switchover_start;
  gint64 switchover_expiry;
  gboolean long_recovery;
  gboolean retain_mac;
  gboolean force_power_off;
  gboolean upgrade_hardware;
  gboolean upgrade_tools;
  gboolean remove_isos;
  gboolean remove_snapshots;
  gboolean remove_cbt;
  gboolean retain_tags;
  gboolean replicate_security_tags;
  gboolean update_custom_attributes;
  char *datastore_id;
  char *datastore_name;
  char *datastore_type;
  char *disk_provision_type;
  char *storage_profile_id;
  char *storage_profile_name;
  GArray *placements;
  GArray *mappings;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryMigrationIntent, ferry_migration_intent, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_MIGRATION_TYPE,
  PROP_ENTITY_ID,
  PROP_ENTITY_NAME,
  PROP_SOURCE,
  PROP_DESTINATION,
  PROP_MIGRATION_GROUP_ID,
  PROP_SWITCHOVER_START,
  PROP_SWITCHOVER_EXPIRY,
  PROP_LONG_RECOVERY,
  PROP_RETAIN_MAC,
  PROP_FORCE_POWER_OFF,
  PROP_UPGRADE_HARDWARE,
  PROP_UPGRADE_TOOLS,
  PROP_REMOVE_ISOS,
  PROP_REMOVE_SNAPSHOTS,
  PROP_REMOVE_CBT,
  PROP_RETAIN_TAGS,
  PROP_REPLICATE_SECURITY_TAGS,
  PROP_UPDATE_CUSTOM_ATTRIBUTES,
  PROP_DATASTORE_ID,
  PROP_DATASTORE_NAME,
  PROP_DATASTORE_TYPE,
  PROP_DISK_PROVISION_TYPE,
  PROP_STORAGE_PROFILE_ID,
  PROP_STORAGE_PROFILE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One row per property: name, kind, field, default (int64: also the minimum), type. */
#define FIELD(kind, member, dflt)                                                                  \
  FERRY_FIELD_##kind, FERRY_FIELD_OFFSET (FerryMigrationIntent, member), dflt

static const FerryField fields[N_PROPS] = {
  [PROP_MIGRATION_TYPE]
  = { "migration-type", FIELD (ENUM, migration_type, FERRY_MIGRATION_TYPE_BULK),
      ferry_migration_type_get_type },
  [PROP_ENTITY_ID] = { "entity-id", FIELD (STRING, entity_id, 0) },
  [PROP_ENTITY_NAME] = { "entity-name", FIELD (STRING, entity_name, 0) },
  [PROP_SOURCE] = { "source", FIELD (OBJECT, source, 0), ferry_resource_container_get_type },
  [PROP_DESTINATION]
  = { "destination", FIELD (OBJECT, destination, 0), ferry_resource_container_get_type },
  [PROP_MIGRATION_GROUP_ID] = { "migration-group-id", FIELD (STRING, migration_group_id, 0) },
  [PROP_SWITCHOVER_START] = { "switchover-start", FIELD (INT64, switchover_start, 0) },
  [PROP_SWITCHOVER_EXPIRY] = { "switchover-expiry", FIELD (INT64, switchover_expiry, 0) },
  [PROP_LONG_RECOVERY] = { "long-recovery", FIELD (BOOLEAN, long_recovery, FALSE) },
  [PROP_RETAIN_MAC] = { "retain-mac", FIELD (BOOLEAN, retain_mac, TRUE) },
  [PROP_FORCE_POWER_OFF] = { "force-power-off", FIELD (BOOLEAN, force_power_off, FALSE) },
  [PROP_UPGRADE_HARDWARE] = { "upgrade-hardware", FIELD (BOOLEAN, upgrade_hardware, FALSE) },
  [PROP_UPGRADE_TOOLS] = { "upgrade-tools", FIELD (BOOLEAN, upgrade_tools, FALSE) },
  [PROP_REMOVE_ISOS] = { "remove-isos", FIELD (BOOLEAN, remove_isos, TRUE) },
  [PROP_REMOVE_SNAPSHOTS] = { "remove-snapshots", FIELD (BOOLEAN, remove_snapshots, TRUE) },
  [PROP_REMOVE_CBT] = { "remove-cbt", FIELD (BOOLEAN, remove_cbt, FALSE) },
  [PROP_RETAIN_TAGS] = { "retain-tags", FIELD (BOOLEAN, retain_tags, TRUE) },
  [PROP_REPLICATE_SECURITY_TAGS]
  = { "replicate-security-tags", FIELD (BOOLEAN, replicate_security_tags, FALSE) },
  [PROP_UPDATE_CUSTOM_ATTRIBUTES]
  = { "update-custom-attributes", FIELD (BOOLEAN, update_custom_attributes, TRUE) },
  [PROP_DATASTORE_ID] = { "datastore-id", FIELD (STRING, datastore_id, 0) },
  [PROP_DATASTORE_NAME] = { "datastore-name", FIELD (STRING, datastore_name, 0) },
  [PROP_DATASTORE_TYPE] = { "datastore-type", FIELD (STRING, datastore_type, 0) },
  [PROP_DISK_PROVISION_TYPE] = { "disk-provision-type", FIELD (STRING, disk_provision_type, 0) },
  [PROP_STORAGE_PROFILE_ID] = { "storage-profile-id", FIELD (STRING, storage_profile_id, 0) },
  [PROP_STORAGE_PROFILE_NAME] = { "storage-profile-name", FIELD (STRING, storage_profile_name, 0) },
};

#undef FIELD

static const FerryFieldTable table = {
  fields,
  properties,
  N_PROPS,
  FERRY_FIELD_OFFSET (FerryMigrationIntent, quiet),
};

static void
ferry_migration_intent_finalize (GObject *object)
{
  FerryMigrationIntent *self = (FerryMigrationIntent *)object;

  ferry_fields_finalize (self, &table);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->mappings, g_array_unref);

  G_OBJECT_CLASS (ferry_migration_intent_parent_class)->finalize (object);
}

static void
ferry_migration_intent_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  ferry_fields_get_property (object, &table, prop_id, value, pspec);
}

static void
ferry_migration_intent_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  ferry_fields_set_property (object, &table, prop_id, value, pspec);
}

static void
ferry_migration_intent_class_init (FerryMigrationIntentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_migration_intent_finalize;
  object_class->get_property = ferry_migration_intent_get_property;
  object_class->set_property = ferry_migration_intent_set_property;

  ferry_fields_install (object_class, &table);
}

static void
ferry_migration_intent_init (FerryMigrationIntent *self)
{
  ferry_fields_init (self, &table);
  self->placements = g_array_new (FALSE, TRUE, sizeof (FerryPlacement));
  g_array_set_clear_func (self->placements, (GDestroyNotify)ferry_placement_clear);
  self->mappings = g_array_new (FALSE, TRUE, sizeof (FerryNetworkMapping));
  g_array_set_clear_func (self->mappings, (GDestroyNotify)ferry_network_mapping_clear);
}

FerryMigrationIntent *
ferry_migration_intent_new (void)
{
  return g_object_new (FERRY_TYPE_MIGRATION_INTENT, NULL);
}

FerryMigrationType
ferry_migration_intent_get_migration_type (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), 0);
  return self->migration_type;
}

void
ferry_migration_intent_set_migration_type (FerryMigrationIntent *self,
                                           FerryMigrationType migration_type)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_enum (self, &table, PROP_MIGRATION_TYPE, migration_type);
}

const char *
ferry_migration_intent_get_entity_id (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->entity_id;
}

void
ferry_migration_intent_set_entity_id (FerryMigrationIntent *self, const char *entity_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_ENTITY_ID, entity_id);
}

const char *
ferry_migration_intent_get_entity_name (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->entity_name;
}

void
ferry_migration_intent_set_entity_name (FerryMigrationIntent *self, const char *entity_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_ENTITY_NAME, entity_name);
}

FerryResourceContainer *
ferry_migration_intent_get_source (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->source;
}

void
ferry_migration_intent_set_source (FerryMigrationIntent *self, FerryResourceContainer *source)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_object (self, &table, PROP_SOURCE, source);
}

FerryResourceContainer *
ferry_migration_intent_get_destination (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->destination;
}

void
ferry_migration_intent_set_destination (FerryMigrationIntent *self,
                                        FerryResourceContainer *destination)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_object (self, &table, PROP_DESTINATION, destination);
}

const char *
ferry_migration_intent_get_migration_group_id (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->migration_group_id;
}

void
ferry_migration_intent_set_migration_group_id (FerryMigrationIntent *self,
                                               const char *migration_group_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_MIGRATION_GROUP_ID, migration_group_id);
}

gint64
ferry_migration_intent_get_switchover_start (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), -1);
  return self->switchover_start;
}

void
ferry_migration_intent_set_switchover_start (FerryMigrationIntent *self, gint64 switchover_start)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_int64 (self, &table, PROP_SWITCHOVER_START, switchover_start);
}

gint64
ferry_migration_intent_get_switchover_expiry (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), -1);
  return self->switchover_expiry;
}

void
ferry_migration_intent_set_switchover_expiry (FerryMigrationIntent *self, gint64 switchover_expiry)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_int64 (self, &table, PROP_SWITCHOVER_EXPIRY, switchover_expiry);
}

gboolean
ferry_migration_intent_get_long_recovery (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->long_recovery;
}

void
ferry_migration_intent_set_long_recovery (FerryMigrationIntent *self, gboolean long_recovery)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_LONG_RECOVERY, long_recovery);
}

gboolean
ferry_migration_intent_get_retain_mac (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->retain_mac;
}

void
ferry_migration_intent_set_retain_mac (FerryMigrationIntent *self, gboolean retain_mac)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_RETAIN_MAC, retain_mac);
}

gboolean
ferry_migration_intent_get_force_power_off (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->force_power_off;
}

void
ferry_migration_intent_set_force_power_off (FerryMigrationIntent *self, gboolean force_power_off)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_FORCE_POWER_OFF, force_power_off);
}

gboolean
ferry_migration_intent_get_upgrade_hardware (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->upgrade_hardware;
}

void
ferry_migration_intent_set_upgrade_hardware (FerryMigrationIntent *self, gboolean upgrade_hardware)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_UPGRADE_HARDWARE, upgrade_hardware);
}

gboolean
ferry_migration_intent_get_upgrade_tools (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->upgrade_tools;
}

void
ferry_migration_intent_set_upgrade_tools (FerryMigrationIntent *self, gboolean upgrade_tools)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_UPGRADE_TOOLS, upgrade_tools);
}

gboolean
ferry_migration_intent_get_remove_isos (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->remove_isos;
}

void
ferry_migration_intent_set_remove_isos (FerryMigrationIntent *self, gboolean remove_isos)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_REMOVE_ISOS, remove_isos);
}

gboolean
ferry_migration_intent_get_remove_snapshots (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->remove_snapshots;
}

void
ferry_migration_intent_set_remove_snapshots (FerryMigrationIntent *self, gboolean remove_snapshots)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_REMOVE_SNAPSHOTS, remove_snapshots);
}

gboolean
ferry_migration_intent_get_remove_cbt (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->remove_cbt;
}

void
ferry_migration_intent_set_remove_cbt (FerryMigrationIntent *self, gboolean remove_cbt)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_REMOVE_CBT, remove_cbt);
}

gboolean
ferry_migration_intent_get_retain_tags (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->retain_tags;
}

void
ferry_migration_intent_set_retain_tags (FerryMigrationIntent *self, gboolean retain_tags)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_RETAIN_TAGS, retain_tags);
}

gboolean
ferry_migration_intent_get_replicate_security_tags (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->replicate_security_tags;
}

void
ferry_migration_intent_set_replicate_security_tags (FerryMigrationIntent *self,
                                                    gboolean replicate_security_tags)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_REPLICATE_SECURITY_TAGS, replicate_security_tags);
}

gboolean
ferry_migration_intent_get_update_custom_attributes (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), FALSE);
  return self->update_custom_attributes;
}

void
ferry_migration_intent_set_update_custom_attributes (FerryMigrationIntent *self,
                                                     gboolean update_custom_attributes)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_boolean (self, &table, PROP_UPDATE_CUSTOM_ATTRIBUTES, update_custom_attributes);
}

const char *
ferry_migration_intent_get_datastore_id (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->datastore_id;
}

void
ferry_migration_intent_set_datastore_id (FerryMigrationIntent *self, const char *datastore_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_DATASTORE_ID, datastore_id);
}

const char *
ferry_migration_intent_get_datastore_name (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->datastore_name;
}

void
ferry_migration_intent_set_datastore_name (FerryMigrationIntent *self, const char *datastore_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_DATASTORE_NAME, datastore_name);
}

const char *
ferry_migration_intent_get_datastore_type (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->datastore_type;
}

void
ferry_migration_intent_set_datastore_type (FerryMigrationIntent *self, const char *datastore_type)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_DATASTORE_TYPE, datastore_type);
}

const char *
ferry_migration_intent_get_disk_provision_type (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->disk_provision_type;
}

void
ferry_migration_intent_set_disk_provision_type (FerryMigrationIntent *self,
                                                const char *disk_provision_type)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_DISK_PROVISION_TYPE, disk_provision_type);
}

const char *
ferry_migration_intent_get_storage_profile_id (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->storage_profile_id;
}

void
ferry_migration_intent_set_storage_profile_id (FerryMigrationIntent *self,
                                               const char *storage_profile_id)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_STORAGE_PROFILE_ID, storage_profile_id);
}

const char *
ferry_migration_intent_get_storage_profile_name (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);
  return self->storage_profile_name;
}

void
ferry_migration_intent_set_storage_profile_name (FerryMigrationIntent *self,
                                                 const char *storage_profile_name)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  ferry_fields_set_string (self, &table, PROP_STORAGE_PROFILE_NAME, storage_profile_name);
}

void
_ferry_migration_intent_set_quiet (FerryMigrationIntent *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));

  self->quiet = !!quiet;
}

void
ferry_placement_clear (FerryPlacement *placement)
{
  g_clear_pointer (&placement->type, g_free);
  g_clear_pointer (&placement->id, g_free);
  g_clear_pointer (&placement->name, g_free);
}

void
ferry_network_mapping_clear (FerryNetworkMapping *mapping)
{
  g_clear_pointer (&mapping->src_network_id, g_free);
  g_clear_pointer (&mapping->src_network_type, g_free);
  g_clear_pointer (&mapping->src_network_name, g_free);
  g_clear_pointer (&mapping->dest_network_id, g_free);
  g_clear_pointer (&mapping->dest_network_type, g_free);
  g_clear_pointer (&mapping->dest_network_name, g_free);
  g_clear_pointer (&mapping->mac_address, g_free);
}

void
ferry_migration_intent_set_placement (FerryMigrationIntent *self, const char *type, const char *id,
                                      const char *name)
{
  FerryPlacement placement;

  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  g_return_if_fail (type != NULL);

  for (guint i = 0; i < self->placements->len; i++)
    {
      FerryPlacement *p = &g_array_index (self->placements, FerryPlacement, i);

      if (g_strcmp0 (p->type, type) == 0)
        {
          g_array_remove_index (self->placements, i);
          break;
        }
    }
  if (id == NULL)
    return;
  placement.type = g_strdup (type);
  placement.id = g_strdup (id);
  placement.name = g_strdup (name);
  g_array_append_val (self->placements, placement);
}

guint
ferry_migration_intent_get_n_placements (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), 0);

  return self->placements->len;
}

const FerryPlacement *
ferry_migration_intent_get_placement (FerryMigrationIntent *self, guint position)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);

  if (position >= self->placements->len)
    return NULL;
  return &g_array_index (self->placements, FerryPlacement, position);
}

void
ferry_migration_intent_clear_placements (FerryMigrationIntent *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));

  g_array_set_size (self->placements, 0);
}

void
ferry_migration_intent_add_network_mapping (FerryMigrationIntent *self,
                                            const FerryNetworkMapping *mapping)
{
  FerryNetworkMapping copy;

  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));
  g_return_if_fail (mapping != NULL);

  copy.src_network_id = g_strdup (mapping->src_network_id);
  copy.src_network_type = g_strdup (mapping->src_network_type);
  copy.src_network_name = g_strdup (mapping->src_network_name);
  copy.dest_network_id = g_strdup (mapping->dest_network_id);
  copy.dest_network_type = g_strdup (mapping->dest_network_type);
  copy.dest_network_name = g_strdup (mapping->dest_network_name);
  copy.mac_address = g_strdup (mapping->mac_address);
  copy.is_primary_nic = !!mapping->is_primary_nic;
  copy.connected = !!mapping->connected;
  g_array_append_val (self->mappings, copy);
}

guint
ferry_migration_intent_get_n_network_mappings (FerryMigrationIntent *self)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), 0);

  return self->mappings->len;
}

const FerryNetworkMapping *
ferry_migration_intent_get_network_mapping (FerryMigrationIntent *self, guint position)
{
  g_return_val_if_fail (FERRY_IS_MIGRATION_INTENT (self), NULL);

  if (position >= self->mappings->len)
    return NULL;
  return &g_array_index (self->mappings, FerryNetworkMapping, position);
}

void
ferry_migration_intent_clear_network_mappings (FerryMigrationIntent *self)
{
  g_return_if_fail (FERRY_IS_MIGRATION_INTENT (self));

  g_array_set_size (self->mappings, 0);
}
