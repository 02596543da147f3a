/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-report.h: the migration report as CSV (RFC 4180), for any spreadsheet.
 *
 * Columns: VM, Type, State, Plan, Start, End, Duration, Bytes Transferred, Total Bytes, Errors.
 * UTF-8 with a byte order mark (so that spreadsheets do not guess another encoding), CRLF line
 * ends, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled); text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe. Times are
 * local ("2026-12-02 01:05:00"), durations h:mm:ss, bytes whole numbers, unknown values empty. */
#pragma once

#include <gio/gio.h>

#include "ferry-migration-tracker.h"

G_BEGIN_DECLS

/* "Bulk Migration" for "vSphereReplication", …; unknown types verbatim. */
const char *
ferry_migration_type_get_label (const char *migration_type);

/* Appends @field to @out, quoted and escaped as RFC 4180 needs. */
void
ferry_csv_append_field (GString *out, const char *field);

/* The whole report for @migrations (FerryMigration); @tracker (optional) names the plans. */
char *
ferry_migration_report_to_csv (GListModel *migrations, FerryMigrationTracker *tracker);

/* Writes the report to @file (replacing it atomically). */
void
ferry_migration_report_write_async (GListModel *migrations, FerryMigrationTracker *tracker,
                                    GFile *file, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
gboolean
ferry_migration_report_write_finish (GAsyncResult *result, GError **error);

G_END_DECLS
