/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-prereq.h: is a migration type possible between two sites?
 *
 * A type is available only if its service (Bulk → BULK_MIGRATION, vMotion and Cold → VMOTION,
 * RAV → RAV, OSAM → OS_ASSISTED_MIGRATION) is enabled in a source compute profile, in a
 * destination compute profile and in a service mesh that joins both. When it is not, the report
 * names what to fix where:
 *   "Service “Bulk Migration” is not enabled in the destination compute profile “avs-cp”". */
#pragma once

#include <gio/gio.h>

#include "ferry-model-types.h"

G_BEGIN_DECLS

#define FERRY_TYPE_PREREQ_ENTRY (ferry_prereq_entry_get_type ())
G_DECLARE_FINAL_TYPE (FerryPrereqEntry, ferry_prereq_entry, FERRY, PREREQ_ENTRY, GObject)

/* Properties: "migration-type" (FerryMigrationType), "title" (string), "available" (bool),
 * "reasons" (GStrv, empty when available), "summary" (reasons joined by newlines, or "") */
FerryMigrationType
ferry_prereq_entry_get_migration_type (FerryPrereqEntry *self);
const char *
ferry_prereq_entry_get_title (FerryPrereqEntry *self);
gboolean
ferry_prereq_entry_get_available (FerryPrereqEntry *self);
const char *const *
ferry_prereq_entry_get_reasons (FerryPrereqEntry *self);
const char *
ferry_prereq_entry_get_summary (FerryPrereqEntry *self);

#define FERRY_TYPE_PREREQ_REPORT (ferry_prereq_report_get_type ())
G_DECLARE_FINAL_TYPE (FerryPrereqReport, ferry_prereq_report, FERRY, PREREQ_REPORT, GObject)

/* @source_profiles: FerryComputeProfile of the local (source) site;
 * @destination_profiles: FerryComputeProfile read with ?endpointId=<remote>;
 * @meshes: FerryServiceMesh;
 * @source_endpoint_id / @destination_endpoint_id: identify a mesh's ends when its member
 * compute profiles are not among the given profiles (either may be NULL).
 * @include_osam: whether to report OS Assisted Migration too. */
FerryPrereqReport *
ferry_prereq_evaluate (GListModel *source_profiles, GListModel *destination_profiles,
                       GListModel *meshes, const char *source_endpoint_id,
                       const char *destination_endpoint_id, gboolean include_osam);

/* FerryPrereqEntry, one per migration type, in FerryMigrationType order. */
GListModel *
ferry_prereq_report_get_entries (FerryPrereqReport *self);
/* NULL for a type the report does not cover (OSAM when not included). */
FerryPrereqEntry *
ferry_prereq_report_get_entry (FerryPrereqReport *self, FerryMigrationType type);
gboolean
ferry_prereq_report_is_available (FerryPrereqReport *self, FerryMigrationType type);
const char *const *
ferry_prereq_report_get_reasons (FerryPrereqReport *self, FerryMigrationType type);
/* TRUE when every covered type is available. */
gboolean
ferry_prereq_report_all_available (FerryPrereqReport *self);

G_END_DECLS
