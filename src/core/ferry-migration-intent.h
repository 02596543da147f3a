/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-intent.h: one VM's migration request (what validate and start send)
 *
 * A plain data object: one property per field, all described by one table in the .c file
 * (ferry-model-fields-private.h) that drives the GParamSpecs and get/set_property;
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>
#include "ferry-model-types.h"
#include "ferry-resource-container.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MIGRATION_INTENT (ferry_migration_intent_get_type ())
G_DECLARE_FINAL_TYPE (FerryMigrationIntent, ferry_migration_intent, FERRY, MIGRATION_INTENT,
                      GObject)

FerryMigrationIntent *
ferry_migration_intent_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_migration_intent_set_quiet (FerryMigrationIntent *self, gboolean quiet);

FerryMigrationType
ferry_migration_intent_get_migration_type (FerryMigrationIntent *self);
void
ferry_migration_intent_set_migration_type (FerryMigrationIntent *self,
                                           FerryMigrationType migration_type);
const char *
ferry_migration_intent_get_entity_id (FerryMigrationIntent *self);
void
ferry_migration_intent_set_entity_id (FerryMigrationIntent *self, const char *entity_id);
const char *
ferry_migration_intent_get_entity_name (FerryMigrationIntent *self);
void
ferry_migration_intent_set_entity_name (FerryMigrationIntent *self, const char *entity_name);
FerryResourceContainer *
ferry_migration_intent_get_source (FerryMigrationIntent *self);
void
ferry_migration_intent_set_source (FerryMigrationIntent *self, FerryResourceContainer *source);
FerryResourceContainer *
ferry_migration_intent_get_destination (FerryMigrationIntent *self);
void
ferry_migration_intent_set_destination (FerryMigrationIntent *self,
                                        FerryResourceContainer *destination);
const char *
ferry_migration_intent_get_migration_group_id (FerryMigrationIntent *self);
void
ferry_migration_intent_set_migration_group_id (FerryMigrationIntent *self,
                                               const char *migration_group_id);
gint64
ferry_migration_intent_get_switchover_start (FerryMigrationIntent *self);
void
ferry_migration_intent_set_switchover_start (FerryMigrationIntent *self, gint64 switchover_start);
gint64
ferry_migration_intent_get_switchover_expiry (FerryMigrationIntent *self);
void
ferry_migration_intent_set_switchover_expiry (FerryMigrationIntent *self, gint64 switchover_expiry);
gboolean
ferry_migration_intent_get_long_recovery (FerryMigrationIntent *self);
void
ferry_migration_intent_set_long_recovery (FerryMigrationIntent *self, gboolean long_recovery);
gboolean
ferry_migration_intent_get_retain_mac (FerryMigrationIntent *self);
void
ferry_migration_intent_set_retain_mac (FerryMigrationIntent *self, gboolean retain_mac);
gboolean
ferry_migration_intent_get_force_power_off (FerryMigrationIntent *self);
void
ferry_migration_intent_set_force_power_off (FerryMigrationIntent *self, gboolean force_power_off);
gboolean
ferry_migration_intent_get_upgrade_hardware (FerryMigrationIntent *self);
void
ferry_migration_intent_set_upgrade_hardware (FerryMigrationIntent *self, gboolean upgrade_hardware);
gboolean
ferry_migration_intent_get_upgrade_tools (FerryMigrationIntent *self);
void
ferry_migration_intent_set_upgrade_tools (FerryMigrationIntent *self, gboolean upgrade_tools);
gboolean
ferry_migration_intent_get_remove_isos (FerryMigrationIntent *self);
void
ferry_migration_intent_set_remove_isos (FerryMigrationIntent *self, gboolean remove_isos);
gboolean
ferry_migration_intent_get_remove_snapshots (FerryMigrationIntent *self);
void
ferry_migration_intent_set_remove_snapshots (FerryMigrationIntent *self, gboolean remove_snapshots);
gboolean
ferry_migration_intent_get_remove_cbt (FerryMigrationIntent *self);
void
ferry_migration_intent_set_remove_cbt (FerryMigrationIntent *self, gboolean remove_cbt);
gboolean
ferry_migration_intent_get_retain_tags (FerryMigrationIntent *self);
void
ferry_migration_intent_set_retain_tags (FerryMigrationIntent *self, gboolean retain_tags);
gboolean
ferry_migration_intent_get_replicate_security_tags (FerryMigrationIntent *self);
void
ferry_migration_intent_set_replicate_security_tags (FerryMigrationIntent *self,
                                                    gboolean replicate_security_tags);
gboolean
ferry_migration_intent_get_update_custom_attributes (FerryMigrationIntent *self);
void
ferry_migration_intent_set_update_custom_attributes (FerryMigrationIntent *self,
                                                     gboolean update_custom_attributes);
const char *
ferry_migration_intent_get_datastore_id (FerryMigrationIntent *self);
void
ferry_migration_intent_set_datastore_id (FerryMigrationIntent *self, const char *datastore_id);
const char *
ferry_migration_intent_get_datastore_name (FerryMigrationIntent *self);
void
ferry_migration_intent_set_datastore_name (FerryMigrationIntent *self, const char *datastore_name);
const char *
ferry_migration_intent_get_datastore_type (FerryMigrationIntent *self);
void
ferry_migration_intent_set_datastore_type (FerryMigrationIntent *self, const char *datastore_type);
const char *
ferry_migration_intent_get_disk_provision_type (FerryMigrationIntent *self);
void
ferry_migration_intent_set_disk_provision_type (FerryMigrationIntent *self,
                                                const char *disk_provision_type);
const char *
ferry_migration_intent_get_storage_profile_id (FerryMigrationIntent *self);
void
ferry_migration_intent_set_storage_profile_id (FerryMigrationIntent *self,
                                               const char *storage_profile_id);
const char *
ferry_migration_intent_get_storage_profile_name (FerryMigrationIntent *self);
void
ferry_migration_intent_set_storage_profile_name (FerryMigrationIntent *self,
                                                 const char *storage_profile_name);

/* placement[]: type is one of dataCenter, cluster, resourcePool, folder, host, vApp. */
typedef struct
{
  char *type;
  char *id;
  char *name;
} FerryPlacement;

/* networkParams.networkMappings[] */
typedef struct
{
  char *src_network_id;
  char *src_network_type;
  char *src_network_name;
  char *dest_network_id;
  char *dest_network_type;
  char *dest_network_name;
  char *mac_address;
  gboolean is_primary_nic;
  gboolean connected;
} FerryNetworkMapping;

void
ferry_placement_clear (FerryPlacement *placement);
void
ferry_network_mapping_clear (FerryNetworkMapping *mapping);

/* Replaces an existing placement of the same type. */
void
ferry_migration_intent_set_placement (FerryMigrationIntent *self, const char *type, const char *id,
                                      const char *name);
guint
ferry_migration_intent_get_n_placements (FerryMigrationIntent *self);
const FerryPlacement *
ferry_migration_intent_get_placement (FerryMigrationIntent *self, guint position);
void
ferry_migration_intent_clear_placements (FerryMigrationIntent *self);

/* Copies the strings of @mapping. */
void
ferry_migration_intent_add_network_mapping (FerryMigrationIntent *self,
                                            const FerryNetworkMapping *mapping);
guint
ferry_migration_intent_get_n_network_mappings (FerryMigrationIntent *self);
const FerryNetworkMapping *
ferry_migration_intent_get_network_mapping (FerryMigrationIntent *self, guint position);
void
ferry_migration_intent_clear_network_mappings (FerryMigrationIntent *self);

G_END_DECLS
