/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-intent.c: one VM's migration request (what validate and start send) */

#include "ferry-migration-intent.h"

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

static void
ferry_migration_intent_finalize (GObject *object)
{
  FerryMigrationIntent *self = (FerryMigrationIntent *)object;

  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->entity_name, g_free);
  g_clear_object (&self->source);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->migration_group_id, g_free);
  g_clear_pointer (&self->datastore_id, g_free);
  g_clear_pointer (&self->datastore_name, g_free);
  g_clear_pointer (&self->datastore_type, g_free);
  g_clear_pointer (&self->disk_provision_type, g_free);
  g_clear_pointer (&self->storage_profile_id, g_free);
  g_clear_pointer (&self->storage_profile_name, g_free);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->mappings, g_array_unref);

  G_OBJECT_CLASS (ferry_migration_intent_parent_class)->finalize (object);
}

static void
ferry_migration_intent_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  FerryMigrationIntent *self = (FerryMigrationIntent *)object;

  switch (prop_id)
    {
      case PROP_MIGRATION_TYPE:
        g_value_set_enum (value, self->migration_type);
        break;

      case PROP_ENTITY_ID:
        g_value_set_string (value, self->entity_id);
        break;

      case PROP_ENTITY_NAME:
        g_value_set_string (value, self->entity_name);
        break;

      case PROP_SOURCE:
        g_value_set_object (value, self->source);
        break;

      case PROP_DESTINATION:
        g_value_set_object (value, self->destination);
        break;

      case PROP_MIGRATION_GROUP_ID:
        g_value_set_string (value, self->migration_group_id);
        break;

      case PROP_SWITCHOVER_START:
        g_value_set_int64 (value, self->switchover_start);
        break;

      case PROP_SWITCHOVER_EXPIRY:
        g_value_set_int64 (value, self->switchover_expiry);
        break;

      case PROP_LONG_RECOVERY:
        g_value_set_boolean (value, self->long_recovery);
        break;

      case PROP_RETAIN_MAC:
        g_value_set_boolean (value, self->retain_mac);
        break;

      case PROP_FORCE_POWER_OFF:
        g_value_set_boolean (value, self->force_power_off);
        break;

      case PROP_UPGRADE_HARDWARE:
        g_value_set_boolean (value, self->upgrade_hardware);
        break;

      case PROP_UPGRADE_TOOLS:
        g_value_set_boolean (value, self->upgrade_tools);
        break;

      case PROP_REMOVE_ISOS:
        g_value_set_boolean (value, self->remove_isos);
        break;

      case PROP_REMOVE_SNAPSHOTS:
        g_value_set_boolean (value, self->remove_snapshots);
        break;

      case PROP_REMOVE_CBT:
        g_value_set_boolean (value, self->remove_cbt);
        break;

      case PROP_RETAIN_TAGS:
        g_value_set_boolean (value, self->retain_tags);
        break;

      case PROP_REPLICATE_SECURITY_TAGS:
        g_value_set_boolean (value, self->replicate_security_tags);
        break;

      case PROP_UPDATE_CUSTOM_ATTRIBUTES:
        g_value_set_boolean (value, self->update_custom_attributes);
        break;

      case PROP_DATASTORE_ID:
        g_value_set_string (value, self->datastore_id);
        break;

      case PROP_DATASTORE_NAME:
        g_value_set_string (value, self->datastore_name);
        break;

      case PROP_DATASTORE_TYPE:
        g_value_set_string (value, self->datastore_type);
        break;

      case PROP_DISK_PROVISION_TYPE:
        g_value_set_string (value, self->disk_provision_type);
        break;

      case PROP_STORAGE_PROFILE_ID:
        g_value_set_string (value, self->storage_profile_id);
        break;

      case PROP_STORAGE_PROFILE_NAME:
        g_value_set_string (value, self->storage_profile_name);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_intent_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  FerryMigrationIntent *self = (FerryMigrationIntent *)object;

  switch (prop_id)
    {
      case PROP_MIGRATION_TYPE:
        ferry_migration_intent_set_migration_type (self, g_value_get_enum (value));
        break;

      case PROP_ENTITY_ID:
        ferry_migration_intent_set_entity_id (self, g_value_get_string (value));
        break;

      case PROP_ENTITY_NAME:
        ferry_migration_intent_set_entity_name (self, g_value_get_string (value));
        break;

      case PROP_SOURCE:
        ferry_migration_intent_set_source (self, g_value_get_object (value));
        break;

      case PROP_DESTINATION:
        ferry_migration_intent_set_destination (self, g_value_get_object (value));
        break;

      case PROP_MIGRATION_GROUP_ID:
        ferry_migration_intent_set_migration_group_id (self, g_value_get_string (value));
        break;

      case PROP_SWITCHOVER_START:
        ferry_migration_intent_set_switchover_start (self, g_value_get_int64 (value));
        break;

      case PROP_SWITCHOVER_EXPIRY:
        ferry_migration_intent_set_switchover_expiry (self, g_value_get_int64 (value));
        break;

      case PROP_LONG_RECOVERY:
        ferry_migration_intent_set_long_recovery (self, g_value_get_boolean (value));
        break;

      case PROP_RETAIN_MAC:
        ferry_migration_intent_set_retain_mac (self, g_value_get_boolean (value));
        break;

      case PROP_FORCE_POWER_OFF:
        ferry_migration_intent_set_force_power_off (self, g_value_get_boolean (value));
        break;

      case PROP_UPGRADE_HARDWARE:
        ferry_migration_intent_set_upgrade_hardware (self, g_value_get_boolean (value));
        break;

      case PROP_UPGRADE_TOOLS:
        ferry_migration_intent_set_upgrade_tools (self, g_value_get_boolean (value));
        break;

      case PROP_REMOVE_ISOS:
        ferry_migration_intent_set_remove_isos (self, g_value_get_boolean (value));
        break;

      case PROP_REMOVE_SNAPSHOTS:
        ferry_migration_intent_set_remove_snapshots (self, g_value_get_boolean (value));
        break;

      case PROP_REMOVE_CBT:
        ferry_migration_intent_set_remove_cbt (self, g_value_get_boolean (value));
        break;

      case PROP_RETAIN_TAGS:
        ferry_migration_intent_set_retain_tags (self, g_value_get_boolean (value));
        break;

      case PROP_REPLICATE_SECURITY_TAGS:
        ferry_migration_intent_set_replicate_security_tags (self, g_value_get_boolean (value));
        break;

      case PROP_UPDATE_CUSTOM_ATTRIBUTES:
        ferry_migration_intent_set_update_custom_attributes (self, g_value_get_boolean (value));
        break;

      case PROP_DATASTORE_ID:
        ferry_migration_intent_set_datastore_id (self, g_value_get_string (value));
        break;

      case PROP_DATASTORE_NAME:
        ferry_migration_intent_set_datastore_name (self, g_value_get_string (value));
        break;

      case PROP_DATASTORE_TYPE:
        ferry_migration_intent_set_datastore_type (self, g_value_get_string (value));
        break;

      case PROP_DISK_PROVISION_TYPE:
        ferry_migration_intent_set_disk_provision_type (self, g_value_get_string (value));
        break;

      case PROP_STORAGE_PROFILE_ID:
        ferry_migration_intent_set_storage_profile_id (self, g_value_get_string (value));
        break;

      case PROP_STORAGE_PROFILE_NAME:
        ferry_migration_intent_set_storage_profile_name (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_migration_intent_class_init (FerryMigrationIntentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_migration_intent_finalize;
  object_class->get_property = ferry_migration_intent_get_property;
  object_class->set_property = ferry_migration_intent_set_property;

  properties[PROP_MIGRATION_TYPE] = g_param_spec_enum (
      "migration-type", NULL, NULL, FERRY_TYPE_MIGRATION_TYPE, FERRY_MIGRATION_TYPE_BULK,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_ID]
      = g_param_spec_string ("entity-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_NAME]
      = g_param_spec_string ("entity-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE]
      = g_param_spec_object ("source", NULL, NULL, FERRY_TYPE_RESOURCE_CONTAINER,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION]
      = g_param_spec_object ("destination", NULL, NULL, FERRY_TYPE_RESOURCE_CONTAINER,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIGRATION_GROUP_ID]
      = g_param_spec_string ("migration-group-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SWITCHOVER_START]
      = g_param_spec_int64 ("switchover-start", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SWITCHOVER_EXPIRY]
      = g_param_spec_int64 ("switchover-expiry", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LONG_RECOVERY]
      = g_param_spec_boolean ("long-recovery", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETAIN_MAC]
      = g_param_spec_boolean ("retain-mac", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORCE_POWER_OFF]
      = g_param_spec_boolean ("force-power-off", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPGRADE_HARDWARE]
      = g_param_spec_boolean ("upgrade-hardware", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPGRADE_TOOLS]
      = g_param_spec_boolean ("upgrade-tools", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOVE_ISOS]
      = g_param_spec_boolean ("remove-isos", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOVE_SNAPSHOTS]
      = g_param_spec_boolean ("remove-snapshots", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOVE_CBT]
      = g_param_spec_boolean ("remove-cbt", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETAIN_TAGS]
      = g_param_spec_boolean ("retain-tags", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLICATE_SECURITY_TAGS]
      = g_param_spec_boolean ("replicate-security-tags", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATE_CUSTOM_ATTRIBUTES]
      = g_param_spec_boolean ("update-custom-attributes", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASTORE_ID]
      = g_param_spec_string ("datastore-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASTORE_NAME]
      = g_param_spec_string ("datastore-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASTORE_TYPE]
      = g_param_spec_string ("datastore-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISK_PROVISION_TYPE]
      = g_param_spec_string ("disk-provision-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORAGE_PROFILE_ID]
      = g_param_spec_string ("storage-profile-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORAGE_PROFILE_NAME]
      = g_param_spec_string ("storage-profile-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_migration_intent_init (FerryMigrationIntent *self)
{
  self->migration_type = FERRY_MIGRATION_TYPE_BULK;
  self->switchover_start = 0;
  self->switchover_expiry = 0;
  self->retain_mac = TRUE;
  self->remove_isos = TRUE;
  self->remove_snapshots = TRUE;
  self->retain_tags = TRUE;
  self->update_custom_attributes = TRUE;
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

  if (self->migration_type == migration_type)
    return;
  self->migration_type = migration_type;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_TYPE]);
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

  if (g_strcmp0 (self->entity_id, entity_id) == 0)
    return;
  g_free (self->entity_id);
  self->entity_id = g_strdup (entity_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_ID]);
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

  if (g_strcmp0 (self->entity_name, entity_name) == 0)
    return;
  g_free (self->entity_name);
  self->entity_name = g_strdup (entity_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_NAME]);
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

  if (!g_set_object (&self->source, source))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
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

  if (!g_set_object (&self->destination, destination))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION]);
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

  if (g_strcmp0 (self->migration_group_id, migration_group_id) == 0)
    return;
  g_free (self->migration_group_id);
  self->migration_group_id = g_strdup (migration_group_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATION_GROUP_ID]);
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

  if (self->switchover_start == switchover_start)
    return;
  self->switchover_start = switchover_start;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCHOVER_START]);
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

  if (self->switchover_expiry == switchover_expiry)
    return;
  self->switchover_expiry = switchover_expiry;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCHOVER_EXPIRY]);
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

  long_recovery = !!long_recovery;
  if (self->long_recovery == long_recovery)
    return;
  self->long_recovery = long_recovery;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONG_RECOVERY]);
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

  retain_mac = !!retain_mac;
  if (self->retain_mac == retain_mac)
    return;
  self->retain_mac = retain_mac;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETAIN_MAC]);
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

  force_power_off = !!force_power_off;
  if (self->force_power_off == force_power_off)
    return;
  self->force_power_off = force_power_off;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORCE_POWER_OFF]);
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

  upgrade_hardware = !!upgrade_hardware;
  if (self->upgrade_hardware == upgrade_hardware)
    return;
  self->upgrade_hardware = upgrade_hardware;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPGRADE_HARDWARE]);
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

  upgrade_tools = !!upgrade_tools;
  if (self->upgrade_tools == upgrade_tools)
    return;
  self->upgrade_tools = upgrade_tools;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPGRADE_TOOLS]);
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

  remove_isos = !!remove_isos;
  if (self->remove_isos == remove_isos)
    return;
  self->remove_isos = remove_isos;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVE_ISOS]);
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

  remove_snapshots = !!remove_snapshots;
  if (self->remove_snapshots == remove_snapshots)
    return;
  self->remove_snapshots = remove_snapshots;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVE_SNAPSHOTS]);
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

  remove_cbt = !!remove_cbt;
  if (self->remove_cbt == remove_cbt)
    return;
  self->remove_cbt = remove_cbt;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVE_CBT]);
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

  retain_tags = !!retain_tags;
  if (self->retain_tags == retain_tags)
    return;
  self->retain_tags = retain_tags;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETAIN_TAGS]);
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

  replicate_security_tags = !!replicate_security_tags;
  if (self->replicate_security_tags == replicate_security_tags)
    return;
  self->replicate_security_tags = replicate_security_tags;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLICATE_SECURITY_TAGS]);
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

  update_custom_attributes = !!update_custom_attributes;
  if (self->update_custom_attributes == update_custom_attributes)
    return;
  self->update_custom_attributes = update_custom_attributes;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATE_CUSTOM_ATTRIBUTES]);
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

  if (g_strcmp0 (self->datastore_id, datastore_id) == 0)
    return;
  g_free (self->datastore_id);
  self->datastore_id = g_strdup (datastore_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE_ID]);
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

  if (g_strcmp0 (self->datastore_name, datastore_name) == 0)
    return;
  g_free (self->datastore_name);
  self->datastore_name = g_strdup (datastore_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE_NAME]);
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

  if (g_strcmp0 (self->datastore_type, datastore_type) == 0)
    return;
  g_free (self->datastore_type);
  self->datastore_type = g_strdup (datastore_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE_TYPE]);
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

  if (g_strcmp0 (self->disk_provision_type, disk_provision_type) == 0)
    return;
  g_free (self->disk_provision_type);
  self->disk_provision_type = g_strdup (disk_provision_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_PROVISION_TYPE]);
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

  if (g_strcmp0 (self->storage_profile_id, storage_profile_id) == 0)
    return;
  g_free (self->storage_profile_id);
  self->storage_profile_id = g_strdup (storage_profile_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORAGE_PROFILE_ID]);
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

  if (g_strcmp0 (self->storage_profile_name, storage_profile_name) == 0)
    return;
  g_free (self->storage_profile_name);
  self->storage_profile_name = g_strdup (storage_profile_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORAGE_PROFILE_NAME]);
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
