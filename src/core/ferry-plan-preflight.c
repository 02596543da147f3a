/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-preflight.c: local pre-flight rules */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-plan-preflight.h"

GType
ferry_preflight_flags_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { FERRY_PREFLIGHT_NONE, "FERRY_PREFLIGHT_NONE", "none" },
        { FERRY_PREFLIGHT_SNAPSHOTS, "FERRY_PREFLIGHT_SNAPSHOTS", "snapshots" },
        { FERRY_PREFLIGHT_ISO_MOUNTED, "FERRY_PREFLIGHT_ISO_MOUNTED", "iso-mounted" },
        { FERRY_PREFLIGHT_OLD_HARDWARE, "FERRY_PREFLIGHT_OLD_HARDWARE", "old-hardware" },
        { FERRY_PREFLIGHT_POWER_STATE, "FERRY_PREFLIGHT_POWER_STATE", "power-state" },
        { FERRY_PREFLIGHT_TOOLS_NOT_RUNNING, "FERRY_PREFLIGHT_TOOLS_NOT_RUNNING",
          "tools-not-running" },
        { FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER, "FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER",
          "seed-on-datastore-cluster" },
        { FERRY_PREFLIGHT_DATASTORE_TOO_SMALL, "FERRY_PREFLIGHT_DATASTORE_TOO_SMALL",
          "datastore-too-small" },
        { FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE, "FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE",
          "type-not-available" },
        { 0, NULL, NULL },
      };
      GType id = g_flags_register_static (g_intern_static_string ("FerryPreflightFlags"), values);

      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

static gboolean
needs_hw9 (FerryMigrationType type)
{
  return type == FERRY_MIGRATION_TYPE_VMOTION || type == FERRY_MIGRATION_TYPE_RAV
         || type == FERRY_MIGRATION_TYPE_COLD;
}

static gboolean
iso_blocks (FerryMigrationType type)
{
  return type == FERRY_MIGRATION_TYPE_VMOTION || type == FERRY_MIGRATION_TYPE_COLD;
}

/* Tools matter where the switchover shuts the guest down (replication-based types). */
static gboolean
tools_matter (FerryMigrationType type)
{
  return type == FERRY_MIGRATION_TYPE_BULK || type == FERRY_MIGRATION_TYPE_RAV
         || type == FERRY_MIGRATION_TYPE_OSAM;
}

static gboolean
tools_running (const char *status)
{
  /* toolsOk, toolsOld (running but outdated); toolsNotRunning, toolsNotInstalled are not. */
  return g_strcmp0 (status, "toolsOk") == 0 || g_strcmp0 (status, "toolsOld") == 0
         || g_strcmp0 (status, "guestToolsRunning") == 0;
}

FerryPreflightFlags
ferry_preflight_check (FerryVm *vm, const FerryPreflightInput *in)
{
  FerryPreflightFlags flags = FERRY_PREFLIGHT_NONE;
  FerryPowerState power;
  int hw;

  g_return_val_if_fail (FERRY_IS_VM (vm), FERRY_PREFLIGHT_NONE);
  g_return_val_if_fail (in != NULL, FERRY_PREFLIGHT_NONE);

  if (!in->type_available)
    flags |= FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE;

  if (ferry_vm_get_snapshot_count (vm) > 0 && !in->remove_snapshots)
    flags |= FERRY_PREFLIGHT_SNAPSHOTS;

  if (ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_YES && !in->remove_isos)
    flags |= FERRY_PREFLIGHT_ISO_MOUNTED;

  hw = ferry_vm_get_hardware_version_number (vm);
  if (hw >= 0 && hw < 9 && needs_hw9 (in->type))
    flags |= FERRY_PREFLIGHT_OLD_HARDWARE;

  power = ferry_vm_get_power_state (vm);
  if (power != FERRY_POWER_STATE_UNKNOWN
      && (power == FERRY_POWER_STATE_ON) != ferry_migration_type_needs_power_on (in->type))
    flags |= FERRY_PREFLIGHT_POWER_STATE;

  if (power == FERRY_POWER_STATE_ON && tools_matter (in->type) && !in->force_power_off
      && ferry_vm_get_tools_status (vm) != NULL && !tools_running (ferry_vm_get_tools_status (vm)))
    flags |= FERRY_PREFLIGHT_TOOLS_NOT_RUNNING;

  if (in->seed_checkpoint && in->datastore != NULL && ferry_datastore_get_is_cluster (in->datastore)
      && (in->type == FERRY_MIGRATION_TYPE_BULK || in->type == FERRY_MIGRATION_TYPE_RAV))
    flags |= FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER;

  if (in->datastore_too_small)
    flags |= FERRY_PREFLIGHT_DATASTORE_TOO_SMALL;

  return flags;
}

FerryPreflightFlags
ferry_preflight_unchecked (FerryVm *vm, FerryMigrationType type)
{
  FerryPreflightFlags flags = FERRY_PREFLIGHT_NONE;

  g_return_val_if_fail (FERRY_IS_VM (vm), FERRY_PREFLIGHT_NONE);

  if (ferry_vm_get_snapshot_count (vm) < 0)
    flags |= FERRY_PREFLIGHT_SNAPSHOTS;
  if (ferry_vm_get_iso_mounted (vm) == FERRY_TRI_STATE_UNKNOWN)
    flags |= FERRY_PREFLIGHT_ISO_MOUNTED;
  if (ferry_vm_get_hardware_version_number (vm) < 0 && needs_hw9 (type))
    flags |= FERRY_PREFLIGHT_OLD_HARDWARE;
  if (ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_UNKNOWN)
    flags |= FERRY_PREFLIGHT_POWER_STATE;
  if (ferry_vm_get_tools_status (vm) == NULL && tools_matter (type))
    flags |= FERRY_PREFLIGHT_TOOLS_NOT_RUNNING;
  return flags;
}

gboolean
ferry_preflight_is_error (FerryPreflightFlags rule, FerryMigrationType type)
{
  switch (rule)
    {
      case FERRY_PREFLIGHT_TOOLS_NOT_RUNNING:
        return FALSE;
      case FERRY_PREFLIGHT_SNAPSHOTS:
        /* Bulk and OSAM remove them at the target anyway: the manager only warns. */
        return needs_hw9 (type);
      case FERRY_PREFLIGHT_ISO_MOUNTED:
        return iso_blocks (type);
      default:
        return TRUE;
    }
}

const char *
ferry_preflight_get_title (FerryPreflightFlags rule)
{
  switch (rule)
    {
      case FERRY_PREFLIGHT_SNAPSHOTS:
        return _ ("Snapshots");
      case FERRY_PREFLIGHT_ISO_MOUNTED:
        return _ ("ISO Mounted");
      case FERRY_PREFLIGHT_OLD_HARDWARE:
        return _ ("Old Hardware");
      case FERRY_PREFLIGHT_POWER_STATE:
        return _ ("Power State");
      case FERRY_PREFLIGHT_TOOLS_NOT_RUNNING:
        return _ ("Tools Not Running");
      case FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER:
        return _ ("Seed on Datastore Cluster");
      case FERRY_PREFLIGHT_DATASTORE_TOO_SMALL:
        return _ ("No Room");
      case FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE:
        return _ ("Type Unavailable");
      default:
        return NULL;
    }
}

FerryPlanField
ferry_preflight_get_fix_field (FerryPreflightFlags rule)
{
  switch (rule)
    {
      case FERRY_PREFLIGHT_SNAPSHOTS:
        return FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS;
      case FERRY_PREFLIGHT_ISO_MOUNTED:
        return FERRY_PLAN_FIELD_REMOVE_ISOS;
      case FERRY_PREFLIGHT_OLD_HARDWARE:
      case FERRY_PREFLIGHT_POWER_STATE:
      case FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE:
        return FERRY_PLAN_FIELD_MIGRATION_TYPE;
      case FERRY_PREFLIGHT_TOOLS_NOT_RUNNING:
        return FERRY_PLAN_FIELD_FORCE_POWER_OFF;
      case FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER:
        return FERRY_PLAN_FIELD_SEED_CHECKPOINT;
      case FERRY_PREFLIGHT_DATASTORE_TOO_SMALL:
        return FERRY_PLAN_FIELD_DATASTORE;
      default:
        return FERRY_PLAN_FIELD_NONE;
    }
}

const char *
ferry_preflight_get_fix (FerryPreflightFlags rule)
{
  switch (rule)
    {
      case FERRY_PREFLIGHT_SNAPSHOTS:
        return _ ("Turn on “Remove Snapshots”");
      case FERRY_PREFLIGHT_ISO_MOUNTED:
        return _ ("Turn on “Force Unmount ISO Images”");
      case FERRY_PREFLIGHT_OLD_HARDWARE:
        return _ ("Choose Bulk Migration");
      case FERRY_PREFLIGHT_POWER_STATE:
        return _ ("Choose a migration type for the VM’s power state");
      case FERRY_PREFLIGHT_TOOLS_NOT_RUNNING:
        return _ ("Turn on “Force Power-off”");
      case FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER:
        return _ ("Turn off “Enable Seed Checkpoint” or choose a single datastore");
      case FERRY_PREFLIGHT_DATASTORE_TOO_SMALL:
        return _ ("Choose another datastore");
      case FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE:
        return _ ("Choose an available migration type");
      default:
        return NULL;
    }
}

char *
ferry_preflight_describe (FerryPreflightFlags rule, FerryVm *vm, FerryMigrationType type)
{
  const char *name = ferry_vm_get_name (vm) != NULL ? ferry_vm_get_name (vm) : _ ("This VM");
  const char *type_title = ferry_migration_type_get_title (type);
  g_autofree char *what = NULL;

  switch (rule)
    {
      case FERRY_PREFLIGHT_SNAPSHOTS:
        {
          int n = ferry_vm_get_snapshot_count (vm);

          if (ferry_preflight_is_error (rule, type))
            what = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                               "%s has %d snapshot: %s cannot migrate it.",
                                               "%s has %d snapshots: %s cannot migrate it.", n),
                                    name, n, type_title);
          else
            what = g_strdup_printf (
                dngettext (GETTEXT_PACKAGE,
                           "%s has %d snapshot; it is removed at the target during switchover.",
                           "%s has %d snapshots; they are removed at the target during switchover.",
                           n),
                name, n);
          break;
        }
      case FERRY_PREFLIGHT_ISO_MOUNTED:
        if (ferry_preflight_is_error (rule, type))
          what = g_strdup_printf (_ ("%s has an ISO image mounted: %s cannot proceed with it."),
                                  name, type_title);
        else
          what = g_strdup_printf (_ ("%s has an ISO image mounted."), name);
        break;
      case FERRY_PREFLIGHT_OLD_HARDWARE:
        what = g_strdup_printf (_ ("%s has virtual hardware %s: %s needs version 9 or later."),
                                name, ferry_vm_get_hardware_version (vm), type_title);
        break;
      case FERRY_PREFLIGHT_POWER_STATE:
        if (ferry_migration_type_needs_power_on (type))
          what = g_strdup_printf (_ ("%s is powered off: %s needs a running VM (use Cold "
                                     "Migration)."),
                                  name, type_title);
        else
          what = g_strdup_printf (_ ("%s is powered on: Cold Migration needs a powered-off VM "
                                     "(use Bulk Migration or HCX vMotion)."),
                                  name);
        break;
      case FERRY_PREFLIGHT_TOOLS_NOT_RUNNING:
        what = g_strdup_printf (_ ("VMware Tools is not running in %s: the guest cannot be shut "
                                   "down for the switchover."),
                                name);
        break;
      case FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER:
        what = g_strdup (_ ("A seed checkpoint needs a single datastore, not a datastore "
                            "cluster."));
        break;
      case FERRY_PREFLIGHT_DATASTORE_TOO_SMALL:
        what = g_strdup (_ ("The target datastore has too little free space for the VMs "
                            "placed on it."));
        break;
      case FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE:
        what = g_strdup_printf (_ ("%s is not available for this site pair."), type_title);
        break;
      default:
        return NULL;
    }

  /* TRANSLATORS: a problem, then what fixes it: "web-01 has 2 snapshots… Fix: Turn on …" */
  return g_strdup_printf (_ ("%s Fix: %s."), what, ferry_preflight_get_fix (rule));
}

char *
ferry_preflight_describe_all (FerryPreflightFlags flags, FerryVm *vm, FerryMigrationType type)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < FERRY_PREFLIGHT_N_RULES; i++)
    {
      FerryPreflightFlags rule = 1u << i;
      g_autofree char *line = NULL;

      if ((flags & rule) == 0)
        continue;
      line = ferry_preflight_describe (rule, vm, type);
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, line);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

const char *
ferry_preflight_get_snapshot_warning (void)
{
  return _ ("Do not take snapshots of these VMs while they migrate, by hand or by a backup "
            "tool: a snapshot taken during the migration disrupts it.");
}
