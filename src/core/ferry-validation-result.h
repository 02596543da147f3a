/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-validation-result.h: the answer to validate or start: general and per-VM errors/warnings
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>
#include "ferry-validation-item.h"
#include "ferry-migration.h"

G_BEGIN_DECLS

#define FERRY_TYPE_VALIDATION_RESULT (ferry_validation_result_get_type ())
G_DECLARE_FINAL_TYPE (FerryValidationResult, ferry_validation_result, FERRY, VALIDATION_RESULT,
                      GObject)

FerryValidationResult *
ferry_validation_result_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_validation_result_set_quiet (FerryValidationResult *self, gboolean quiet);

const char *const *
ferry_validation_result_get_errors (FerryValidationResult *self);
void
ferry_validation_result_set_errors (FerryValidationResult *self, const char *const *errors);
const char *const *
ferry_validation_result_get_error_codes (FerryValidationResult *self);
void
ferry_validation_result_set_error_codes (FerryValidationResult *self,
                                         const char *const *error_codes);
const char *const *
ferry_validation_result_get_warnings (FerryValidationResult *self);
void
ferry_validation_result_set_warnings (FerryValidationResult *self, const char *const *warnings);
const char *
ferry_validation_result_get_migration_group_id (FerryValidationResult *self);
void
ferry_validation_result_set_migration_group_id (FerryValidationResult *self,
                                                const char *migration_group_id);
gboolean
ferry_validation_result_get_reconciled (FerryValidationResult *self);
void
ferry_validation_result_set_reconciled (FerryValidationResult *self, gboolean reconciled);
const char *
ferry_validation_result_get_job_id (FerryValidationResult *self);
void
ferry_validation_result_set_job_id (FerryValidationResult *self, const char *job_id);

/* Per-VM outcomes (FerryValidationItem). */
GListModel *
ferry_validation_result_get_items (FerryValidationResult *self);
void
ferry_validation_result_add_item (FerryValidationResult *self, FerryValidationItem *item);
FerryValidationItem *
ferry_validation_result_find_item (FerryValidationResult *self, const char *entity_id);
/* For a start that was reconciled by a query (#FerryValidationResult:reconciled): the
 * migrations the server created (FerryMigration). Empty otherwise. */
GListModel *
ferry_validation_result_get_migrations (FerryValidationResult *self);
void
ferry_validation_result_add_migration (FerryValidationResult *self, FerryMigration *migration);

/* Any error, general or per VM: validation failed, start must not proceed. */
gboolean
ferry_validation_result_has_errors (FerryValidationResult *self);
/* Any warning, general or per VM: start needs the user's explicit second confirmation. */
gboolean
ferry_validation_result_has_warnings (FerryValidationResult *self);
guint
ferry_validation_result_count_errors (FerryValidationResult *self);
guint
ferry_validation_result_count_warnings (FerryValidationResult *self);

G_END_DECLS
