/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json-private.h: what the ferry-hcx-json*.c files share beyond the public accessors. */
#pragma once

#include "ferry-hcx-json.h"

G_BEGIN_DECLS

/* The member, NULL when missing or JSON null. */
JsonNode *
ferry_json_get_member (JsonObject *object, const char *member);
/* The index-th element of @array if it is an object, NULL otherwise. */
JsonObject *
ferry_json_array_get_object (JsonArray *array, guint index);
/* The first string among several member names (NULL-terminated). */
const char *
ferry_json_get_string_any (JsonObject *object, const char *first, ...) G_GNUC_NULL_TERMINATED;
/* ferry_json_dup_id() of the first of up to three members that has one (@second and @third may
 * be NULL). */
char *
ferry_json_dup_id_any (JsonObject *object, const char *first, const char *second,
                       const char *third);
/* One entry of an errors or warnings array: a plain string, or an object whose first string
 * among @text_members is the text. The code ("code"/"errorCode") stands in for a missing text. */
const char *
ferry_json_message_text (JsonNode *node, const char *const *text_members, const char **code);

G_END_DECLS
