/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-preflight.h: problems found locally, before HCX Manager validates the plan
 *
 * The rules are those the manager enforces (../shared/hcx-api.md §6), computed from the
 * inventory's facts and the VM's effective settings. Each rule names the setting that fixes it
 * (ferry_preflight_get_fix_field()); turning that setting on (or choosing another value) clears
 * the problem. A fact the inventory does not have (a real manager has no snapshot count) makes
 * the rule "not checked" (ferry_preflight_unchecked()), never "OK". */
#pragma once

#include <gio/gio.h>

#include "ferry-datastore.h"
#include "ferry-plan-options.h"
#include "ferry-vm.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_PREFLIGHT_NONE = 0,
  FERRY_PREFLIGHT_SNAPSHOTS = 1 << 0,
  FERRY_PREFLIGHT_ISO_MOUNTED = 1 << 1,
  FERRY_PREFLIGHT_OLD_HARDWARE = 1 << 2,
  FERRY_PREFLIGHT_POWER_STATE = 1 << 3,
  FERRY_PREFLIGHT_TOOLS_NOT_RUNNING = 1 << 4,
  FERRY_PREFLIGHT_SEED_ON_DATASTORE_CLUSTER = 1 << 5,
  FERRY_PREFLIGHT_DATASTORE_TOO_SMALL = 1 << 6,
  FERRY_PREFLIGHT_TYPE_NOT_AVAILABLE = 1 << 7,
} FerryPreflightFlags;

#define FERRY_PREFLIGHT_N_RULES 8
#define FERRY_TYPE_PREFLIGHT_FLAGS (ferry_preflight_flags_get_type ())
GType
ferry_preflight_flags_get_type (void) G_GNUC_CONST;

/* What the rules look at besides the VM. */
typedef struct
{
  FerryMigrationType type;
  gboolean type_available;
  gboolean remove_snapshots;
  gboolean remove_isos;
  gboolean force_power_off;
  gboolean seed_checkpoint;
  FerryDatastore *datastore;    /* borrowed, may be NULL */
  gboolean datastore_too_small; /* computed by the plan over all VMs on that datastore */
} FerryPreflightInput;

FerryPreflightFlags
ferry_preflight_check (FerryVm *vm, const FerryPreflightInput *input);
/* The rules that could not be checked for @vm (its facts are unknown) under @type. */
FerryPreflightFlags
ferry_preflight_unchecked (FerryVm *vm, FerryMigrationType type);

/* For one rule (a single flag): */
/* Errors block validation; warnings (Tools not running, snapshots on Bulk) do not. */
gboolean
ferry_preflight_is_error (FerryPreflightFlags rule, FerryMigrationType type);
/* Short badge text: "Snapshots", "ISO Mounted", … */
const char *
ferry_preflight_get_title (FerryPreflightFlags rule);
/* The setting that fixes it. */
FerryPlanField
ferry_preflight_get_fix_field (FerryPreflightFlags rule);
/* "Turn on “Remove Snapshots”", "Choose Bulk Migration", … */
const char *
ferry_preflight_get_fix (FerryPreflightFlags rule);
/* A sentence about @vm that says what is wrong and what fixes it. */
char *
ferry_preflight_describe (FerryPreflightFlags rule, FerryVm *vm, FerryMigrationType type);
/* All of @flags described, one per line (for a tooltip). */
char *
ferry_preflight_describe_all (FerryPreflightFlags flags, FerryVm *vm, FerryMigrationType type);

/* The seed's warning about snapshots taken during a migration, in plain words. */
const char *
ferry_preflight_get_snapshot_warning (void);

G_END_DECLS
