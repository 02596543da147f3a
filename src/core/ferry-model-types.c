/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-model-types.c: enumerations shared by the model objects. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-model-types.h"

GType
ferry_power_state_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { FERRY_POWER_STATE_UNKNOWN, "FERRY_POWER_STATE_UNKNOWN", "unknown" },
        { FERRY_POWER_STATE_ON, "FERRY_POWER_STATE_ON", "on" },
        { FERRY_POWER_STATE_OFF, "FERRY_POWER_STATE_OFF", "off" },
        { FERRY_POWER_STATE_SUSPENDED, "FERRY_POWER_STATE_SUSPENDED", "suspended" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static ("FerryPowerState", values));
    }
  return type;
}

GType
ferry_tri_state_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { FERRY_TRI_STATE_UNKNOWN, "FERRY_TRI_STATE_UNKNOWN", "unknown" },
        { FERRY_TRI_STATE_NO, "FERRY_TRI_STATE_NO", "no" },
        { FERRY_TRI_STATE_YES, "FERRY_TRI_STATE_YES", "yes" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static ("FerryTriState", values));
    }
  return type;
}

GType
ferry_migration_type_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { FERRY_MIGRATION_TYPE_BULK, "FERRY_MIGRATION_TYPE_BULK", "bulk" },
        { FERRY_MIGRATION_TYPE_VMOTION, "FERRY_MIGRATION_TYPE_VMOTION", "vmotion" },
        { FERRY_MIGRATION_TYPE_COLD, "FERRY_MIGRATION_TYPE_COLD", "cold" },
        { FERRY_MIGRATION_TYPE_RAV, "FERRY_MIGRATION_TYPE_RAV", "rav" },
        { FERRY_MIGRATION_TYPE_OSAM, "FERRY_MIGRATION_TYPE_OSAM", "osam" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static ("FerryMigrationType", values));
    }
  return type;
}

FerryPowerState
ferry_power_state_from_string (const char *str)
{
  if (str == NULL)
    return FERRY_POWER_STATE_UNKNOWN;
  if (g_ascii_strcasecmp (str, "poweredOn") == 0 || g_ascii_strcasecmp (str, "on") == 0)
    return FERRY_POWER_STATE_ON;
  if (g_ascii_strcasecmp (str, "poweredOff") == 0 || g_ascii_strcasecmp (str, "off") == 0)
    return FERRY_POWER_STATE_OFF;
  if (g_ascii_strcasecmp (str, "suspended") == 0)
    return FERRY_POWER_STATE_SUSPENDED;
  return FERRY_POWER_STATE_UNKNOWN;
}

const char *
ferry_power_state_to_string (FerryPowerState state)
{
  switch (state)
    {
      case FERRY_POWER_STATE_ON:
        return "poweredOn";
      case FERRY_POWER_STATE_OFF:
        return "poweredOff";
      case FERRY_POWER_STATE_SUSPENDED:
        return "suspended";
      case FERRY_POWER_STATE_UNKNOWN:
      default:
        return NULL;
    }
}

typedef struct
{
  const char *wire;
  const char *transfer;
  const char *service;
  const char *title;
  gboolean power_on;
  gboolean schedule;
} TypeInfo;

static const TypeInfo type_info[FERRY_N_MIGRATION_TYPES] = {
  [FERRY_MIGRATION_TYPE_BULK] = { "vSphereReplication", "vSphereReplication", "BULK_MIGRATION",
                                  N_ ("Bulk Migration"), TRUE, TRUE },
  [FERRY_MIGRATION_TYPE_VMOTION]
  = { "vMotion", "NO_OP", "VMOTION", N_ ("HCX vMotion"), TRUE, FALSE },
  [FERRY_MIGRATION_TYPE_COLD]
  = { "ColdMigration", "NO_OP", "VMOTION", N_ ("Cold Migration"), FALSE, FALSE },
  [FERRY_MIGRATION_TYPE_RAV]
  = { "RAV", "vSphereReplication", "RAV", N_ ("Replication Assisted vMotion"), TRUE, TRUE },
  [FERRY_MIGRATION_TYPE_OSAM]
  = { "OsAssistedMigration", "OsAssistedReplication", "OS_ASSISTED_MIGRATION",
      N_ ("OS Assisted Migration"), TRUE, TRUE },
};

static const TypeInfo *
get_info (FerryMigrationType type)
{
  if ((guint)type >= FERRY_N_MIGRATION_TYPES)
    return &type_info[FERRY_MIGRATION_TYPE_BULK];
  return &type_info[type];
}

const char *
ferry_migration_type_get_title (FerryMigrationType type)
{
  return g_dgettext (GETTEXT_PACKAGE, get_info (type)->title);
}

const char *
ferry_migration_type_to_wire (FerryMigrationType type)
{
  return get_info (type)->wire;
}

const char *
ferry_migration_type_get_transfer_type (FerryMigrationType type)
{
  return get_info (type)->transfer;
}

gboolean
ferry_migration_type_from_wire (const char *wire, FerryMigrationType *out_type)
{
  if (wire == NULL)
    return FALSE;
  for (guint i = 0; i < FERRY_N_MIGRATION_TYPES; i++)
    {
      if (g_ascii_strcasecmp (type_info[i].wire, wire) == 0)
        {
          if (out_type != NULL)
            *out_type = (FerryMigrationType)i;
          return TRUE;
        }
    }
  /* Other spellings seen in the wild. */
  if (g_ascii_strcasecmp (wire, "Bulk") == 0 || g_ascii_strcasecmp (wire, "BulkMigration") == 0)
    {
      if (out_type != NULL)
        *out_type = FERRY_MIGRATION_TYPE_BULK;
      return TRUE;
    }
  if (g_ascii_strcasecmp (wire, "Cold") == 0)
    {
      if (out_type != NULL)
        *out_type = FERRY_MIGRATION_TYPE_COLD;
      return TRUE;
    }
  return FALSE;
}

const char *
ferry_migration_type_get_service (FerryMigrationType type)
{
  return get_info (type)->service;
}

gboolean
ferry_migration_type_needs_power_on (FerryMigrationType type)
{
  return get_info (type)->power_on;
}

gboolean
ferry_migration_type_supports_schedule (FerryMigrationType type)
{
  return get_info (type)->schedule;
}

const char *
ferry_service_get_title (const char *service)
{
  static const struct
  {
    const char *name;
    const char *title;
  } services[] = {
    { "INTERCONNECT", N_ ("Interconnect") },
    { "WANOPT", N_ ("WAN Optimization") },
    { "VMOTION", N_ ("vMotion Migration") },
    { "BULK_MIGRATION", N_ ("Bulk Migration") },
    { "RAV", N_ ("Replication Assisted vMotion Migration") },
    { "NETWORK_EXTENSION", N_ ("Network Extension") },
    { "DISASTER_RECOVERY", N_ ("Disaster Recovery") },
    { "SRM", N_ ("SRM Integration") },
    { "OS_ASSISTED_MIGRATION", N_ ("OS Assisted Migration") },
  };

  if (service == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (g_strcmp0 (services[i].name, service) == 0)
      return g_dgettext (GETTEXT_PACKAGE, services[i].title);
  return service;
}

gboolean
ferry_set_strv (char ***strv_ptr, const char *const *new_strv)
{
  char **copy;

  g_return_val_if_fail (strv_ptr != NULL, FALSE);

  if (*strv_ptr == (char **)new_strv)
    return FALSE;
  if (*strv_ptr != NULL && new_strv != NULL
      && g_strv_equal ((const char *const *)*strv_ptr, new_strv))
    return FALSE;
  copy = g_strdupv ((char **)new_strv);
  g_strfreev (*strv_ptr);
  *strv_ptr = copy;
  return TRUE;
}
