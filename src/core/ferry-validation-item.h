/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-validation-item.h: the validation (or start) outcome for one VM
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_VALIDATION_ITEM (ferry_validation_item_get_type ())
G_DECLARE_FINAL_TYPE (FerryValidationItem, ferry_validation_item, FERRY, VALIDATION_ITEM, GObject)

FerryValidationItem *
ferry_validation_item_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_validation_item_set_quiet (FerryValidationItem *self, gboolean quiet);

const char *
ferry_validation_item_get_entity_id (FerryValidationItem *self);
void
ferry_validation_item_set_entity_id (FerryValidationItem *self, const char *entity_id);
const char *
ferry_validation_item_get_entity_name (FerryValidationItem *self);
void
ferry_validation_item_set_entity_name (FerryValidationItem *self, const char *entity_name);
const char *
ferry_validation_item_get_migration_id (FerryValidationItem *self);
void
ferry_validation_item_set_migration_id (FerryValidationItem *self, const char *migration_id);
const char *
ferry_validation_item_get_migration_group_id (FerryValidationItem *self);
void
ferry_validation_item_set_migration_group_id (FerryValidationItem *self,
                                              const char *migration_group_id);
const char *const *
ferry_validation_item_get_errors (FerryValidationItem *self);
void
ferry_validation_item_set_errors (FerryValidationItem *self, const char *const *errors);
const char *const *
ferry_validation_item_get_error_codes (FerryValidationItem *self);
void
ferry_validation_item_set_error_codes (FerryValidationItem *self, const char *const *error_codes);
const char *const *
ferry_validation_item_get_warnings (FerryValidationItem *self);
void
ferry_validation_item_set_warnings (FerryValidationItem *self, const char *const *warnings);

gboolean
ferry_validation_item_has_errors (FerryValidationItem *self);
gboolean
ferry_validation_item_has_warnings (FerryValidationItem *self);

G_END_DECLS
