/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A few tolerant readers for request bodies (never crash on odd input)… */
JsonObject *
ferry_sim_json_object (JsonObject *object, const char *member);
JsonArray *
ferry_sim_json_array (JsonObject *object, const char *member);
const char *
ferry_sim_json_string (JsonObject *object, const char *member);
gint64
ferry_sim_json_int (JsonObject *object, const char *member, gint64 fallback);
double
ferry_sim_json_double (JsonObject *object, const char *member, double fallback);
gboolean
ferry_sim_json_bool (JsonObject *object, const char *member, gboolean fallback);
gboolean
ferry_sim_json_has (JsonObject *object, const char *member);
gboolean
ferry_sim_json_array_has_string (JsonArray *array, const char *value);

/* …and a small streaming writer for large pages. */
void
ferry_sim_json_append_string (GString *out, const char *value);
void
ferry_sim_json_append_member (GString *out, const char *name, const char *value);

/* Builder shortcuts. */
void
ferry_sim_json_add_string (JsonBuilder *b, const char *name, const char *value);
void
ferry_sim_json_add_int (JsonBuilder *b, const char *name, gint64 value);
void
ferry_sim_json_add_bool (JsonBuilder *b, const char *name, gboolean value);
void
ferry_sim_json_add_double (JsonBuilder *b, const char *name, double value);

G_END_DECLS
