/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-mobility-group.h: a mobility group (a wave of migrations started together)
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_MOBILITY_GROUP (ferry_mobility_group_get_type ())
G_DECLARE_FINAL_TYPE (FerryMobilityGroup, ferry_mobility_group, FERRY, MOBILITY_GROUP, GObject)

FerryMobilityGroup *
ferry_mobility_group_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_mobility_group_set_quiet (FerryMobilityGroup *self, gboolean quiet);

const char *
ferry_mobility_group_get_id (FerryMobilityGroup *self);
void
ferry_mobility_group_set_id (FerryMobilityGroup *self, const char *id);
const char *
ferry_mobility_group_get_name (FerryMobilityGroup *self);
void
ferry_mobility_group_set_name (FerryMobilityGroup *self, const char *name);
const char *
ferry_mobility_group_get_state (FerryMobilityGroup *self);
void
ferry_mobility_group_set_state (FerryMobilityGroup *self, const char *state);
int
ferry_mobility_group_get_n_migrations (FerryMobilityGroup *self);
void
ferry_mobility_group_set_n_migrations (FerryMobilityGroup *self, int n_migrations);

G_END_DECLS
