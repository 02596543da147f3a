/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The strict JSON binding of a real manager: a request whose values have the wrong JSON type
 * (a string where the contract has a number or a boolean, a non-list filter field, a
 * non-object filter or paging) is refused as a whole, before anything is looked at.
 * api_path is the path below /hybridity/api. Returns FALSE with a message naming the field. */
gboolean
ferry_sim_binding_check (const char *api_path, JsonNode *body, GError **error);

G_END_DECLS
