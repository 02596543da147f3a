/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json.h: HCX JSON <-> model objects (internal to src/hcx, public for the tests).
 *
 * Liberal in what it accepts: numbers may be strings, unknown members are ignored, optional
 * members may be missing, lists may come in any of the three envelopes. Everything here is
 * thread-safe (no shared state), so pages can be parsed in a worker thread. */
#pragma once

#include <json-glib/json-glib.h>

#include "ferry-hcx-client.h"

G_BEGIN_DECLS

/* Tolerant accessors: @fallback when missing, null or of an unusable type. */
const char *
ferry_json_get_string (JsonObject *object, const char *member);
/* Like get_string but also renders integer ids ("id": 42 → "42"). Free with g_free(). */
char *
ferry_json_dup_id (JsonObject *object, const char *member);
gint64
ferry_json_get_int (JsonObject *object, const char *member, gint64 fallback);
double
ferry_json_get_double (JsonObject *object, const char *member, double fallback);
/* TRUE/FALSE from JSON booleans, numbers and "true"/"false" strings; else @fallback. */
gboolean
ferry_json_get_bool (JsonObject *object, const char *member, gboolean fallback);
JsonObject *
ferry_json_get_object (JsonObject *object, const char *member);
JsonArray *
ferry_json_get_array (JsonObject *object, const char *member);

/* The same conversions for a JSON string value ("42", " 1e3", "true", "no", …). */
gint64
ferry_json_string_to_int (const char *str, gint64 fallback);
gboolean
ferry_json_string_to_bool (const char *str, gboolean fallback);

/* Fast path for a page of VMs (the largest answers by far): a streaming parser that builds
 * FerryVm objects with exactly the semantics of ferry_hcx_json_to_vm() without building a JSON
 * tree. Handles {"data":{"items":[…],"paging":{…}}} and {"items":[…]}; returns FALSE for
 * anything else or anything it does not fully understand (malformed input included), and the
 * caller then uses the tree parser, which also produces the right error. On success appends to
 * @vms and sets the number of array elements and the total (-1 if absent). */
gboolean
ferry_hcx_json_parse_vm_page_fast (const char *data, gsize len, GPtrArray *vms, guint *n_items,
                                   gint64 *total);

/* The same for a page of the migrations query: FerryMigration objects with exactly the
 * semantics of ferry_hcx_json_to_migration (), or FALSE (nothing appended) for the tree parser. */
gboolean
ferry_hcx_json_parse_migration_page_fast (const char *data, gsize len, GPtrArray *migrations,
                                          guint *n_items, gint64 *total);
/* The same, told which logs the caller holds (@known_logs: ferry_migration_log_digests_new (),
 * or NULL): a migration whose log has that digest comes back
 * without its events, marked ferry_migration_get_log_omitted (). Every migration carries the
 * digest of its log (0 when it has none). @known_logs is only read (from the calling thread). */
gboolean
ferry_hcx_json_parse_migration_page_known (const char *data, gsize len, GHashTable *known_logs,
                                           GPtrArray *migrations, guint *n_items, gint64 *total);

/* Parses a response body. Empty, XML, HTML and malformed bodies fail with
 * FERRY_HCX_ERROR_UNEXPECTED_RESPONSE ("… answered with an HTML page instead of JSON"); @host
 * names the server in the message. */
JsonNode *
ferry_hcx_json_parse (GBytes *bytes, const char *host, GError **error);

/* Whether every string and member name under @node is valid UTF-8 (json-glib 1.6 can yield
 * invalid UTF-8 from some escapes, e.g. a lone surrogate "\ud800"). */
gboolean
ferry_hcx_json_node_is_valid_utf8 (JsonNode *node);

/* The item array of any envelope: {"data":{"items":[…]}}, {"items":[…]}, {"data":[…]}, […].
 * NULL when there is none (an envelope with no list at all). */
JsonArray *
ferry_hcx_json_find_items (JsonNode *root);
/* data.paging.totalSize (or paging.totalSize, data.total…), -1 when absent. */
gint64
ferry_hcx_json_find_total (JsonNode *root);
/* The server's own message from any error shape ("errors":[{"error","text"}] /
 * [{"code","message"}] / "error" / "message" / "errorCode"), or NULL. */
char *
ferry_hcx_json_error_message (JsonNode *root);

/* Items → objects. Items that are not objects are skipped. */
FerrySite *
ferry_hcx_json_to_site (JsonObject *item);
FerryResourceContainer *
ferry_hcx_json_to_resource_container (JsonObject *item);
FerryVm *
ferry_hcx_json_to_vm (JsonObject *item);
FerryNetwork *
ferry_hcx_json_to_network (JsonObject *item);
FerryContainer *
ferry_hcx_json_to_container (JsonObject *item);
FerryDatastore *
ferry_hcx_json_to_datastore (JsonObject *item);
FerryStorageProfile *
ferry_hcx_json_to_storage_profile (JsonObject *item);
FerryComputeProfile *
ferry_hcx_json_to_compute_profile (JsonObject *item);
FerryServiceMesh *
ferry_hcx_json_to_service_mesh (JsonObject *item);
FerryMigration *
ferry_hcx_json_to_migration (JsonObject *item);
FerryMobilityGroup *
ferry_hcx_json_to_mobility_group (JsonObject *item);
FerryJob *
ferry_hcx_json_to_job (JsonObject *item);

typedef gpointer (*FerryHcxJsonItemFunc) (JsonObject *item);

/* Parses every item of @root (any envelope) with @func into a new GPtrArray (owning the
 * objects). A body with no item list at all fails with UNEXPECTED_RESPONSE, an empty list is
 * fine. */
GPtrArray *
ferry_hcx_json_to_array (JsonNode *root, FerryHcxJsonItemFunc func, const char *host,
                         GError **error);

/* validate / start answers (also a 400 with that shape). NULL (no error set) if @root does
 * not look like one. */
FerryValidationResult *
ferry_hcx_json_to_validation_result (JsonNode *root);

/* Request bodies. */
JsonNode *
ferry_hcx_json_from_intent (FerryMigrationIntent *intent, const char *migration_group_id);
/* {"items":[intent, …]} */
JsonNode *
ferry_hcx_json_from_intents (GListModel *intents, const char *migration_group_id);

G_END_DECLS
