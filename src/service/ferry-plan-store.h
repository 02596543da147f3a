/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store.h: migration plans on disk
 *
 * The plan itself (src/core/ferry-plan.h) knows nothing of files. The store
 *  - saves a tracked plan automatically, a short while after each change (debounced), to
 *    <user data dir>/ferry/plans/<plan id>.json;
 *  - writes atomically: the new text goes to a temporary file beside the old one, is flushed
 *    to disk (fsync) and then renamed over it, so a crash or a kill mid-save leaves either the
 *    previous plan or the new one, never a broken file;
 *  - finds the unfinished plan of a manager to offer resuming it;
 *  - exports and imports plans as JSON files of the documented format below, refusing corrupt,
 *    newer-version and foreign files with a clear error and without changing anything;
 *  - reads a list of VM names (one a line, or the first column of a CSV such as an RVTools
 *    vInfo export).
 *
 * The file format, version 2 (UTF-8 JSON; unknown members are ignored, so later versions may
 * add members without changing the version; a version above 2 is refused as "newer"; version
 * 1 files, which have no "networks", still load):
 *
 *   { "format": "ferry-plan",                       required, identifies the file
 *     "version": 2,                                 required
 *     "id": "<uuid>", "migrationGroupId": "<uuid>", required
 *     "name": "…", "created": <epoch ms>, "modified": <epoch ms>,
 *     "manager": { "server": "hcx.example.com", "endpointId": "…" },
 *     "remote": { "endpointId": "…", "name": "avs-westeurope-hcx" },
 *     "source": <vCenter>, "destination": <vCenter>,
 *         vCenter: { "endpointId", "endpointName", "endpointType", "resourceType",
 *                    "resourceId", "resourceName", "name", "url" }
 *     "defaults": <settings>,                       every field
 *     "items": [ { "vm": <vm>, "overrides": <settings> } … ]   overrides: only those set
 *     "networks": {                                 optional (version 2): the network mapping
 *         "rules": [ { "source": "<source network id>", "target": <network> } … ],
 *         "exceptions": [ { "vm": "<vm id>", "nic": "<nic key>", "target": <network> } … ],
 *         "destinations": [ { "name", "networkType", "vlanId" } … ] },   optional: destination
 *           networks typed in or imported offline (ferry-network-map-offline.h); targets to
 *           them have the id "offline:<name>". Absent in older files and once reconciled.
 *       network: { "id" (required), "name", "entityType", "networkType", "extended",
 *                  "vlanId" (0 = unknown) }
 *       nic key: the NIC's MAC address (lower case), else "label:<label>", else "#<position>"
 *         (ferry_network_nic_key ()). Rules and exceptions of networks or VMs not in the
 *         selection are kept. A damaged section refuses the file as corrupt.
 *     "start": { "state": "sent" | "started",       optional: what the start did
 *                "migrations": { "<vm id>": "<migration id>" … } }   (ferry-plan-start.h)
 *   }
 *   settings: one member per plan field, named as the field ("migration-type", "cluster",
 *     "retain-mac", … see FerryPlanField):
 *       booleans: true/false; "switchover-start"/"switchover-end": epoch ms UTC (0 = none);
 *       "migration-type": the wire name ("vSphereReplication", "vMotion", "ColdMigration",
 *         "RAV", "OsAssistedMigration"); "disk-provision": "thin", "thick", "sameAsSource";
 *       "cluster", "resource-pool", "host", "folder": { "id", "name", "entityType" } or null;
 *       "datastore": { "id", "name", "entityType", "isCluster", "freeBytes",
 *         "capacityBytes" } or null; "storage-policy": { "id", "name" } or null.
 *   vm: the inventory facts kept for planning while the manager is out of reach:
 *     { "id", "name", "guestFullName", "guestId", "numCpu", "memoryMB", "diskBytes",
 *       "powerState" ("poweredOn"/"poweredOff"/"suspended"), "folder", "cluster",
 *       "datastore", "hardwareVersion", "toolsStatus", "snapshotCount" (-1 unknown),
 *       "isoMounted" (true/false/null), "nics": [ { "label", "macAddress", "networkId",
 *       "networkName", "networkType", "connected", "primary" (only when the inventory said) }
 *       ] } */
#pragma once

#include <gio/gio.h>

#include "ferry-plan.h"

G_BEGIN_DECLS

#define FERRY_PLAN_STORE_ERROR (ferry_plan_store_error_quark ())
typedef enum
{
  /* Not JSON, truncated, or a member of the wrong type. */
  FERRY_PLAN_STORE_ERROR_CORRUPT,
  /* A Ferry plan of a later format version. */
  FERRY_PLAN_STORE_ERROR_NEWER_VERSION,
  /* JSON, but not a Ferry plan. */
  FERRY_PLAN_STORE_ERROR_FOREIGN,
  /* The file could not be read or written (the message says why). */
  FERRY_PLAN_STORE_ERROR_IO,
  /* Importing would replace a plan whose start was sent (ferry_plan_store_check_import). */
  FERRY_PLAN_STORE_ERROR_STARTED,
} FerryPlanStoreError;
GQuark
ferry_plan_store_error_quark (void);

#define FERRY_PLAN_FORMAT_VERSION 2

/* Serialisation ---------------------------------------------------------------------------- */
char *
ferry_plan_to_json (FerryPlan *plan, gsize *out_length);
FerryPlan *
ferry_plan_from_json (const char *data, gssize length, GError **error);

/* Files ------------------------------------------------------------------------------------ */
/* Synchronous, atomic (temporary file, fsync, rename). Errors are FERRY_PLAN_STORE_ERROR_IO. */
gboolean
ferry_plan_save_file (FerryPlan *plan, GFile *file, GError **error);
FerryPlan *
ferry_plan_load_file (GFile *file, GError **error);
/* The same in a worker thread (the plan is serialised on the calling thread first). */
void
ferry_plan_save_file_async (FerryPlan *plan, GFile *file, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_plan_save_file_finish (GAsyncResult *result, GError **error);
void
ferry_plan_load_file_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data);
FerryPlan *
ferry_plan_load_file_finish (GAsyncResult *result, GError **error);

/* Names ------------------------------------------------------------------------------------ */
/* VM names from pasted or imported text: one a line, or the first column of a CSV (comma,
 * semicolon or tab separated, double quotes as in RFC 4180, a UTF-8 BOM, CRLF). A header
 * row ("VM", "Name", "VM Name", "vInfoVMName") is skipped; blanks and duplicates are dropped. */
GStrv
ferry_plan_parse_names (const char *text, gssize length);

/* The store ------------------------------------------------------------------------------- */
#define FERRY_TYPE_PLAN_STORE (ferry_plan_store_get_type ())
G_DECLARE_FINAL_TYPE (FerryPlanStore, ferry_plan_store, FERRY, PLAN_STORE, GObject)

/* @directory: where autosaved plans live; NULL for <user data dir>/ferry/plans.
 * Properties: "directory" (GFile, construct-only), "delay" (uint ms, default 800: the
 * debounce), "saving" (bool), "last-error" (string or NULL: the last autosave failure, for the
 * UI to show; cleared by the next successful save). Signal "saved" (FerryPlan). */
FerryPlanStore *
ferry_plan_store_new (GFile *directory);

GFile *
ferry_plan_store_get_directory (FerryPlanStore *self);
GFile *
ferry_plan_store_get_file (FerryPlanStore *self, FerryPlan *plan);
void
ferry_plan_store_set_delay (FerryPlanStore *self, guint delay_ms);
gboolean
ferry_plan_store_get_saving (FerryPlanStore *self);
const char *
ferry_plan_store_get_last_error (FerryPlanStore *self);

/* Saves @plan after each change from now on (and once now). */
void
ferry_plan_store_track (FerryPlanStore *self, FerryPlan *plan);
void
ferry_plan_store_untrack (FerryPlanStore *self, FerryPlan *plan);
/* Writes any pending change now, synchronously (on quit). */
void
ferry_plan_store_flush (FerryPlanStore *self);
/* Forgets @plan's autosave file (the plan was finished or thrown away). */
gboolean
ferry_plan_store_discard (FerryPlanStore *self, FerryPlan *plan, GError **error);

/* Before an imported @plan is opened (and so autosaved over the file of its id): fails with
 * FERRY_PLAN_STORE_ERROR_STARTED when the store holds a plan of that id whose start was sent and
 * @plan would lose what it records (an earlier start state, or fewer migration ids), e.g. a copy
 * exported before the start. The saved file is read in a worker thread. */
void
ferry_plan_store_check_import_async (FerryPlanStore *self, FerryPlan *plan,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean
ferry_plan_store_check_import_finish (FerryPlanStore *self, GAsyncResult *result, GError **error);

/* The most recently modified autosaved plan with VMs for the manager: the one with its
 * @manager_id (endpointId) where both are known, else the one for @server; NULL (no error)
 * when there is none. Unreadable files are skipped. @server NULL (and no @manager_id) finds
 * the latest plan made offline, with no server. */
void
ferry_plan_store_find_resumable_async (FerryPlanStore *self, const char *server,
                                       const char *manager_id, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
FerryPlan *
ferry_plan_store_find_resumable_finish (FerryPlanStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
