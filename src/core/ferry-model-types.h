/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-model-types.h: enumerations shared by the model objects. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  FERRY_POWER_STATE_UNKNOWN,
  FERRY_POWER_STATE_ON,
  FERRY_POWER_STATE_OFF,
  FERRY_POWER_STATE_SUSPENDED,
} FerryPowerState;

typedef enum
{
  FERRY_TRI_STATE_UNKNOWN = -1,
  FERRY_TRI_STATE_NO = 0,
  FERRY_TRI_STATE_YES = 1,
} FerryTriState;

/* The wizard's "Migration Profile". */
typedef enum
{
  FERRY_MIGRATION_TYPE_BULK,
  FERRY_MIGRATION_TYPE_VMOTION,
  FERRY_MIGRATION_TYPE_COLD,
  FERRY_MIGRATION_TYPE_RAV,
  FERRY_MIGRATION_TYPE_OSAM,
} FerryMigrationType;

#define FERRY_N_MIGRATION_TYPES (FERRY_MIGRATION_TYPE_OSAM + 1)

#define FERRY_TYPE_POWER_STATE (ferry_power_state_get_type ())
#define FERRY_TYPE_TRI_STATE (ferry_tri_state_get_type ())
#define FERRY_TYPE_MIGRATION_TYPE (ferry_migration_type_get_type ())

GType
ferry_power_state_get_type (void) G_GNUC_CONST;
GType
ferry_tri_state_get_type (void) G_GNUC_CONST;
GType
ferry_migration_type_get_type (void) G_GNUC_CONST;

/* "poweredOn" / "poweredOff" / "suspended" (case-insensitive); anything else is UNKNOWN. */
FerryPowerState
ferry_power_state_from_string (const char *str);
const char *
ferry_power_state_to_string (FerryPowerState state); /* wire form or NULL */

/* Human-readable name: "Bulk Migration", "HCX vMotion", "Cold Migration",
 * "Replication Assisted vMotion", "OS Assisted Migration" (translatable). */
const char *
ferry_migration_type_get_title (FerryMigrationType type);
/* migrationType / switchoverType on the wire: "vSphereReplication", "vMotion", … */
const char *
ferry_migration_type_to_wire (FerryMigrationType type);
/* transferParams.transferType: "vSphereReplication", "NO_OP", "OsAssistedReplication". */
const char *
ferry_migration_type_get_transfer_type (FerryMigrationType type);
/* Parses a wire migrationType; returns FALSE for an unknown one. */
gboolean
ferry_migration_type_from_wire (const char *wire, FerryMigrationType *out_type);
/* The HCX service a type needs: BULK_MIGRATION, VMOTION, RAV, OS_ASSISTED_MIGRATION. */
const char *
ferry_migration_type_get_service (FerryMigrationType type);
/* Whether the VM must be powered on (Bulk, vMotion, RAV, OSAM) or off (Cold). */
gboolean
ferry_migration_type_needs_power_on (FerryMigrationType type);
/* Whether the type supports a scheduled switchover window (Bulk, RAV, OSAM). */
gboolean
ferry_migration_type_supports_schedule (FerryMigrationType type);

/* For the model classes' setters: like g_set_str () (GLib 2.76) for string arrays. Replaces
 * *strv_ptr by a copy of new_strv and returns TRUE, unless the two are equal (NULL equals only
 * NULL, not an empty array). */
gboolean
ferry_set_strv (char ***strv_ptr, const char *const *new_strv);

/* Display name of an HCX service ("BULK_MIGRATION" -> "Bulk Migration"); unknown names as-is. */
const char *
ferry_service_get_title (const char *service);

G_END_DECLS
