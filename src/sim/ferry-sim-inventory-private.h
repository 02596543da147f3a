/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by ferry-sim-inventory*.c only. */

#include "ferry-sim-inventory.h"

G_BEGIN_DECLS

#define GB (G_GUINT64_CONSTANT (1024) * 1024 * 1024)

FerrySimNetwork *
ferry_sim_network_new (const char *id, const char *name, const char *type, guint vlan,
                       gboolean extended);
FerrySimWorld *
ferry_sim_world_new_topology (guint seed, guint n_clusters);
void
ferry_sim_world_index_vm (FerrySimWorld *w, guint i);

G_END_DECLS
