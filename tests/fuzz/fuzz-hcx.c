/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-hcx.c: the libFuzzer targets for the HCX response parsers (see fuzz-main.c).
 *
 *   json     every body parser: ferry_hcx_json_parse, the envelopes (items, totals, error
 *            messages), every item → model conversion, the validation / start answer, jobs and
 *            groups.
 *   vm-page  the streaming VM page parser against the json-glib tree parser: whatever the
 *            streaming one accepts, the tree parser must accept too, with the same item count,
 *            total and VMs, field by field.
 *   migration-page  the streaming parser of the migrations query against the tree parser, in
 *            the same way: every migration field by field, and its event log entry by entry.
 *
 * A disagreement aborts, as a crash does, so libFuzzer keeps the input. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferry-hcx-json.h"

#include "fuzz-private.h"

/* The json target ------------------------------------------------------------------------------ */

static const FerryHcxJsonItemFunc item_funcs[] = {
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_site,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_resource_container,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_vm,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_network,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_container,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_datastore,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_storage_profile,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_compute_profile,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_service_mesh,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_mobility_group,
  (FerryHcxJsonItemFunc)ferry_hcx_json_to_job,
};

void
fuzz_hcx_json (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = ferry_hcx_json_parse (bytes, "hcx.example", &error);
  g_autofree char *message = NULL;
  g_autoptr (FerryValidationResult) vr = NULL;

  if (root == NULL)
    {
      /* Every refusal is a typed error with a message. */
      if (!g_error_matches (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE)
          || error->message == NULL || *error->message == '\0')
        abort ();
      return;
    }
  (void)ferry_hcx_json_find_items (root);
  (void)ferry_hcx_json_find_total (root);
  message = ferry_hcx_json_error_message (root);
  for (guint i = 0; i < G_N_ELEMENTS (item_funcs); i++)
    {
      g_autoptr (GError) list_error = NULL;
      g_autoptr (GPtrArray) items
          = ferry_hcx_json_to_array (root, item_funcs[i], "hcx.example", &list_error);

      if ((items == NULL) == (list_error == NULL))
        abort ();
    }
  vr = ferry_hcx_json_to_validation_result (root);
  if (vr != NULL)
    (void)ferry_validation_result_has_errors (vr);
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autoptr (FerryJob) job = ferry_hcx_json_to_job (json_node_get_object (root));
      g_autoptr (FerryMobilityGroup) group
          = ferry_hcx_json_to_mobility_group (json_node_get_object (root));
    }
}

/* The vm-page target --------------------------------------------------------------------------- */

static gboolean
objects_equal (GObject *a, GObject *b, const char **differs)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;

      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &va);
      g_object_get_property (b, specs[i]->name, &vb);
      if (g_param_values_cmp (specs[i], &va, &vb) != 0)
        {
          *differs = specs[i]->name;
          return FALSE;
        }
    }
  return TRUE;
}

static void
disagree_about (const char *parsers, const char *what, guint index, const char *detail)
{
  fprintf (stderr, "The %s page parsers disagree: %s (item %u%s%s)\n", parsers, what, index,
           detail != NULL ? ", " : "", detail != NULL ? detail : "");
  abort ();
}

typedef gboolean (*FastPageFunc) (const char *data, gsize len, GPtrArray *items, guint *n_items,
                                  gint64 *total);

/* Runs the streaming page parser @fast_func and, when it accepts, the json-glib one with
 * @item_func, and checks that both agree on the envelope: item count, total and the number of
 * objects. Returns the tree parser's objects (and the streaming ones in @fast), or NULL when the
 * streaming parser refused, which it may do for anything it does not fully understand. */
static GPtrArray *
compare_pages (const char *parsers, FastPageFunc fast_func, FerryHcxJsonItemFunc item_func,
               const uint8_t *data, size_t size, GPtrArray *fast)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (JsonNode) root = NULL;
  GPtrArray *tree;
  JsonArray *items;
  guint n_items = 0;
  gint64 total = -1;

  if (!fast_func ((const char *)data, size, fast, &n_items, &total))
    {
      if (fast->len != 0)
        disagree_about (parsers, "refused, but left objects behind", fast->len, NULL);
      return NULL;
    }
  root = ferry_hcx_json_parse (bytes, "hcx.example", NULL);
  if (root == NULL)
    disagree_about (parsers, "accepted what json-glib refuses", 0, NULL);
  items = ferry_hcx_json_find_items (root);
  if (items == NULL)
    disagree_about (parsers, "accepted a body without an item list", 0, NULL);
  if (n_items != json_array_get_length (items))
    disagree_about (parsers, "item count", n_items, NULL);
  if (total != ferry_hcx_json_find_total (root))
    disagree_about (parsers, "total", 0, NULL);
  tree = ferry_hcx_json_to_array (root, item_func, "h", NULL);
  if (tree == NULL || tree->len != fast->len)
    disagree_about (parsers, "number of objects", fast->len, NULL);
  return tree;
}

void
fuzz_hcx_vm_page (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) fast = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) tree
      = compare_pages ("VM", ferry_hcx_json_parse_vm_page_fast,
                       (FerryHcxJsonItemFunc)ferry_hcx_json_to_vm, data, size, fast);

  if (tree == NULL)
    return;
  for (guint i = 0; i < fast->len; i++)
    {
      FerryVm *a = g_ptr_array_index (fast, i);
      FerryVm *b = g_ptr_array_index (tree, i);
      const char *differs = NULL;

      if (!objects_equal (G_OBJECT (a), G_OBJECT (b), &differs))
        disagree_about ("VM", "a field", i, differs);
      if (ferry_vm_get_n_nics (a) != ferry_vm_get_n_nics (b))
        disagree_about ("VM", "number of NICs", i, NULL);
      for (guint j = 0; j < ferry_vm_get_n_nics (a); j++)
        if (!objects_equal (G_OBJECT (ferry_vm_get_nic (a, j)), G_OBJECT (ferry_vm_get_nic (b, j)),
                            &differs))
          disagree_about ("VM", "a NIC field", i, differs);
    }
}

/* The migration-page target -------------------------------------------------------------------- */

static gboolean
same_events (GListModel *ea, GListModel *eb)
{
  const char *differs = NULL;

  if (g_list_model_get_n_items (ea) != g_list_model_get_n_items (eb))
    return FALSE;
  for (guint j = 0; j < g_list_model_get_n_items (ea); j++)
    {
      g_autoptr (GObject) x = g_list_model_get_item (ea, j);
      g_autoptr (GObject) y = g_list_model_get_item (eb, j);

      if (!objects_equal (x, y, &differs))
        return FALSE;
    }
  return TRUE;
}

/* The page read again, told of the logs of the first reading (as a tracker's next poll): it
 * must read, with the same fields and digests; a log left out only under its own digest, and
 * a log read the same as the first time. */
static void
check_known_logs (const char *data, size_t size, GPtrArray *first)
{
  g_autoptr (GHashTable) known = ferry_migration_log_digests_new ();
  g_autoptr (GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = 0;
  gint64 total = -1;

  for (guint i = 0; i < first->len; i++)
    ferry_migration_log_digests_add (known, g_ptr_array_index (first, i));
  if (!ferry_hcx_json_parse_migration_page_known (data, size, known, again, &n_items, &total))
    disagree_about ("migration (known logs)", "whether the page reads", 0, NULL);
  if (again->len != first->len)
    disagree_about ("migration (known logs)", "number of objects", again->len, NULL);
  for (guint i = 0; i < first->len; i++)
    {
      FerryMigration *a = g_ptr_array_index (first, i);
      FerryMigration *b = g_ptr_array_index (again, i);
      const char *differs = NULL;
      const guint64 *held = ferry_migration_get_migration_id (a) != NULL
                                ? g_hash_table_lookup (known, ferry_migration_get_migration_id (a))
                                : NULL;

      if (!objects_equal (G_OBJECT (a), G_OBJECT (b), &differs))
        disagree_about ("migration (known logs)", "a field", i, differs);
      if (ferry_migration_get_log_digest (a) != ferry_migration_get_log_digest (b))
        disagree_about ("migration (known logs)", "the log's digest", i, NULL);
      if (ferry_migration_get_log_omitted (b)
              ? held == NULL || *held != ferry_migration_get_log_digest (b)
              : !same_events (ferry_migration_get_events (a), ferry_migration_get_events (b)))
        disagree_about ("migration (known logs)", "the log", i, NULL);
    }
}

void
fuzz_hcx_migration_page (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) fast = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) tree
      = compare_pages ("migration", ferry_hcx_json_parse_migration_page_fast,
                       (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration, data, size, fast);

  if (tree == NULL)
    return;
  for (guint i = 0; i < fast->len; i++)
    {
      FerryMigration *a = g_ptr_array_index (fast, i);
      FerryMigration *b = g_ptr_array_index (tree, i);
      GListModel *ea = ferry_migration_get_events (a);
      GListModel *eb = ferry_migration_get_events (b);
      const char *differs = NULL;

      if (!objects_equal (G_OBJECT (a), G_OBJECT (b), &differs))
        disagree_about ("migration", "a field", i, differs);
      if (g_list_model_get_n_items (ea) != g_list_model_get_n_items (eb))
        disagree_about ("migration", "number of log entries", i, NULL);
      for (guint j = 0; j < g_list_model_get_n_items (ea); j++)
        {
          g_autoptr (GObject) x = g_list_model_get_item (ea, j);
          g_autoptr (GObject) y = g_list_model_get_item (eb, j);

          if (!objects_equal (x, y, &differs))
            disagree_about ("migration", "a log entry field", i, differs);
        }
    }
  check_known_logs ((const char *)data, size, fast);
}
