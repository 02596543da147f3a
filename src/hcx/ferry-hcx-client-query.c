/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-query.c: the migrations query (POST /migrations?action=query, hcx-api.md §7).
 *
 * Paged with offset/skipCount. Each page is parsed in a worker thread (GTask): the answers of a
 * tracker's poll are megabytes of JSON, and the main thread only gets the FerryMigration
 * objects back, appended in one splice at the end.
 *
 * A long list of migration ids is sent in chunks, each id once per query: the server keeps no
 * paging state of its own (no continuation), so an id filter resent with every page would cost
 * its whole length again for each page. A chunk holds one id fewer than the page size, so that
 * a server honouring the filter always answers it with a short page (one request per chunk,
 * with or without a total); a full page means it did not (it answers more than was asked), and
 * that chunk is then paged through as any other list, which ends the query.
 *
 * Paging always ends: a short page ends a chunk, so does having as many migrations as the total
 * the server gave; a page that brings nothing new (a server that ignores the offset) or more
 * pages than the total allows fail with UNEXPECTED_RESPONSE. Migrations seen on an earlier page
 * (the list shifted while paging) are not added twice. */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-hcx-client-private.h"

#define QUERY_PAGE_SIZE 200

/* Without a total: 1000 pages of 200 migrations. */
#define QUERY_MAX_PAGES 1000

typedef struct
{
  GStrv migration_ids;
  GStrv group_ids;
  GStrv entity_ids;
  gboolean skip_drafts;
  guint n_ids;        /* of migration_ids */
  guint chunk;        /* index of the first id of the current chunk */
  guint chunk_len;    /* ids in it (0: no id filter) */
  guint offset;       /* in the current chunk's answer */
  guint pages;        /* of the current chunk */
  gint64 total;       /* the first total the server gave for this chunk, -1 before */
  gboolean ignored;   /* the server answered migrations not asked for: it ignores the filter */
  gboolean repeated;  /* this page was answered with markup once already */
  GHashTable *wanted; /* the migration ids asked for (borrowed from migration_ids) */
  GHashTable *seen;   /* ids appended (borrowed from the objects in items) */
  GHashTable *known;  /* id → guint64 digest of a log the caller holds, or NULL; only read */
  GPtrArray *items;   /* FerryMigration, in order */
} QueryOp;

static void
query_op_free (QueryOp *op)
{
  g_strfreev (op->migration_ids);
  g_strfreev (op->group_ids);
  g_strfreev (op->entity_ids);
  g_clear_pointer (&op->wanted, g_hash_table_unref);
  g_clear_pointer (&op->seen, g_hash_table_unref);
  g_clear_pointer (&op->known, g_hash_table_unref);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_free (op);
}

static guint
query_page_size (FerryHcxClient *self)
{
  return MIN (self->page_size, QUERY_PAGE_SIZE);
}

/* ---- One page, parsed in a worker ---- */

typedef struct
{
  GBytes *bytes; /* the body; dropped once parsed */
  char *host;
  GHashTable *known; /* the op's, read in the worker (nobody writes it any more) */
  GPtrArray *items;  /* FerryMigration */
  guint n_raw;       /* elements of the item array, usable or not */
  gint64 total;
  gboolean markup; /* the body was XML or HTML */
} QueryPage;

static void
query_page_free (QueryPage *page)
{
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_pointer (&page->known, g_hash_table_unref);
  g_free (page->host);
  g_free (page);
}

/* XML or HTML: what some endpoints answer now and then without regard to Accept. */
static gboolean
is_markup (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize i = 0;

  while (data != NULL && i < len && g_ascii_isspace (data[i]))
    i++;
  return data != NULL && i < len && data[i] == '<';
}

static void
parse_page_thread (GTask *task, gpointer source_object, gpointer task_data,
                   GCancellable *cancellable)
{
  QueryPage *page = task_data;
  g_autoptr (JsonNode) root = NULL;
  GError *error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (page->bytes, &len);

  if (g_task_return_error_if_cancelled (task))
    return;
  /* The streaming parser first; anything unusual goes to the tree parser (which also gives
   * the right error). FERRY_HCX_TREE_PARSER=1 skips it, for comparisons. */
  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  if (g_getenv ("FERRY_HCX_TREE_PARSER") == NULL
      && ferry_hcx_json_parse_migration_page_known (data, len, page->known, page->items,
                                                    &page->n_raw, &page->total))
    {
      g_clear_pointer (&page->bytes, g_bytes_unref);
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_clear_pointer (&page->items, g_ptr_array_unref);
  root = ferry_hcx_json_parse (page->bytes, page->host, &error);
  if (root == NULL)
    {
      page->markup = is_markup (page->bytes);
      g_task_return_error (task, error);
      return;
    }
  g_clear_pointer (&page->bytes, g_bytes_unref);
  page->items = ferry_hcx_json_to_array (root, (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration,
                                         page->host, &error);
  if (page->items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  page->n_raw = json_array_get_length (ferry_hcx_json_find_items (root));
  page->total = ferry_hcx_json_find_total (root);
  g_task_return_boolean (task, TRUE);
}

/* ---- The pages of a query ---- */

static void
query_next (GTask *task);

static void
query_finish (GTask *task)
{
  QueryOp *op = g_task_get_task_data (task);
  GListStore *store = g_list_store_new (FERRY_TYPE_MIGRATION);

  g_list_store_splice (store, 0, 0, op->items->pdata, op->items->len);
  g_task_return_pointer (task, store, g_object_unref);
}

/* The next chunk of ids, or FALSE when there is none left. */
static gboolean
next_chunk (FerryHcxClient *self, QueryOp *op)
{
  guint per_chunk = MAX (query_page_size (self), 2) - 1;

  op->chunk += op->chunk_len;
  op->offset = 0;
  op->pages = 0;
  op->total = -1;
  if (op->ignored || op->chunk >= op->n_ids)
    return FALSE;
  op->chunk_len = MIN (op->n_ids - op->chunk, per_chunk);
  return TRUE;
}

static void
on_page_parsed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  QueryOp *op = g_task_get_task_data (task);
  QueryPage *page = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  guint page_size = query_page_size (self);
  guint n_new = 0, n_loaded, max_pages;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (page->markup && self->token != NULL
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Logged in, so this is the HCX Manager: the markup is its own hiccup. The query is
           * safe to repeat: asked once more; then the message says what happened. */
          if (!op->repeated)
            {
              g_debug ("the migrations query answered markup instead of JSON; asking once more");
              op->repeated = TRUE;
              query_next (g_steal_pointer (&task));
              return;
            }
          _ferry_hcx_return_error (
              task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
              _ ("HCX Manager “%s” accepted the login, but answered %s twice with XML or HTML "
                 "instead of JSON. The address is right; this part of the server may be "
                 "unavailable or in maintenance. Try again later."),
              self->host, "/migrations?action=query");
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  op->repeated = FALSE;
  op->pages++;
  for (guint i = 0; i < page->items->len; i++)
    {
      FerryMigration *m = g_ptr_array_index (page->items, i);
      const char *id = ferry_migration_get_migration_id (m);

      if (id != NULL && op->wanted != NULL && !g_hash_table_contains (op->wanted, id))
        op->ignored = TRUE;
      if (id != NULL && !g_hash_table_add (op->seen, (gpointer)id))
        continue;
      g_ptr_array_add (op->items, g_object_ref (m));
      n_new++;
    }
  n_loaded = op->offset + page->n_raw;
  if (op->total < 0 && page->total >= 0)
    op->total = page->total;

  if (page->n_raw < page_size || (op->total >= 0 && n_loaded >= op->total))
    {
      if (next_chunk (self, op))
        query_next (g_steal_pointer (&task));
      else
        query_finish (task);
      return;
    }
  max_pages = op->total >= 0
                  ? (guint)MIN ((op->total + page_size - 1) / page_size + 1, QUERY_MAX_PAGES)
                  : QUERY_MAX_PAGES;
  if (n_new == 0 || op->pages >= max_pages)
    {
      g_debug ("migrations query: page %u brought %u new of %u (total %" G_GINT64_FORMAT ")",
               op->pages, n_new, page->n_raw, op->total);
      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
          n_new == 0
              ? _ ("HCX Manager “%s” does not page the list of migrations as asked (page %u "
                   "only repeated what it had sent before); Ferry stopped there.")
              : _ ("HCX Manager “%s” does not page the list of migrations as asked (the list "
                   "did not end after %u pages); Ferry stopped there."),
          self->host, op->pages);
      return;
    }
  op->offset += page->n_raw;
  query_next (g_steal_pointer (&task));
}

static void
on_page_received (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  GTask *task = user_data; /* owned */
  GError *error = NULL;
  GBytes *bytes = _ferry_hcx_client_request_finish (self, result, NULL, &error);
  g_autoptr (GTask) parse = NULL;
  QueryPage *page;
  QueryOp *op;

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  page = g_new0 (QueryPage, 1);
  page->bytes = bytes;
  page->host = g_strdup (self->host);
  page->total = -1;
  op = g_task_get_task_data (task);
  page->known = op->known != NULL ? g_hash_table_ref (op->known) : NULL;
  parse = g_task_new (self, g_task_get_cancellable (task), on_page_parsed, task);
  g_task_set_source_tag (parse, parse_page_thread);
  g_task_set_task_data (parse, page, (GDestroyNotify)query_page_free);
  g_task_run_in_thread (parse, parse_page_thread);
}

static void
add_strv (JsonBuilder *b, const char *member, const char *const *values, guint n)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && i < n && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
query_next (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  QueryOp *op = g_task_get_task_data (task);
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr (JsonNode) body = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filter");
  json_builder_begin_object (b);
  add_strv (b, "migrationId",
            op->migration_ids != NULL ? (const char *const *)op->migration_ids + op->chunk : NULL,
            op->chunk_len);
  add_strv (b, "migrationGroupId", (const char *const *)op->group_ids, G_MAXUINT);
  add_strv (b, "state", NULL, 0);
  add_strv (b, "entityId", (const char *const *)op->entity_ids, G_MAXUINT);
  json_builder_set_member_name (b, "skipDrafts");
  json_builder_add_boolean_value (b, op->skip_drafts);
  json_builder_set_member_name (b, "includeArchived");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "options");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "resultLevel");
  json_builder_add_string_value (b, "MOBILITYGROUP_ITEMS");
  json_builder_set_member_name (b, "compat");
  json_builder_add_double_value (b, 2.1);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "paging");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pageSize");
  json_builder_add_int_value (b, query_page_size (self));
  json_builder_set_member_name (b, "offset");
  json_builder_add_int_value (b, op->offset);
  json_builder_set_member_name (b, "skipCount");
  json_builder_add_int_value (b, op->offset);
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  _ferry_hcx_client_request_send (self, "POST", "/migrations?action=query", body,
                                  FERRY_HCX_REQUEST_SAFE, g_task_get_cancellable (task),
                                  on_page_received, task);
}

static void
query_async (FerryHcxClient *self, const char *const *migration_ids,
             const char *const *migration_group_ids, const char *const *entity_ids,
             gboolean skip_drafts, GHashTable *known_logs, GCancellable *cancellable,
             GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  QueryOp *op = g_new0 (QueryOp, 1);

  g_task_set_source_tag (task, _ferry_hcx_client_query_async);
  op->known = known_logs != NULL ? g_hash_table_ref (known_logs) : NULL;
  op->migration_ids = g_strdupv ((char **)migration_ids);
  op->group_ids = g_strdupv ((char **)migration_group_ids);
  op->entity_ids = g_strdupv ((char **)entity_ids);
  op->skip_drafts = skip_drafts;
  op->n_ids = op->migration_ids != NULL ? g_strv_length (op->migration_ids) : 0;
  op->total = -1;
  op->seen = g_hash_table_new (g_str_hash, g_str_equal);
  op->items = g_ptr_array_new_with_free_func (g_object_unref);
  if (op->n_ids > 0)
    {
      op->wanted = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < op->n_ids; i++)
        g_hash_table_add (op->wanted, op->migration_ids[i]);
      op->chunk_len = MIN (op->n_ids, MAX (query_page_size (self), 2) - 1);
    }
  g_task_set_task_data (task, op, (GDestroyNotify)query_op_free);
  query_next (task);
}

void
_ferry_hcx_client_query_async (FerryHcxClient *self, const char *const *migration_ids,
                               const char *const *migration_group_ids,
                               const char *const *entity_ids, gboolean skip_drafts,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  query_async (self, migration_ids, migration_group_ids, entity_ids, skip_drafts, NULL, cancellable,
               callback, user_data);
}

GListModel *
_ferry_hcx_client_query_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_public_query_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  GListModel *model = _ferry_hcx_client_query_finish (FERRY_HCX_CLIENT (source), result, &error);

  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

/* Both public queries: one task of the public source tag around the paged query. */
static void
public_query_async (FerryHcxClient *self, const char *const *migration_ids,
                    const char *const *migration_group_ids, const char *const *entity_ids,
                    GHashTable *known_logs, GCancellable *cancellable, GAsyncReadyCallback callback,
                    gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ferry_hcx_client_query_migrations_async);
  query_async (self, migration_ids, migration_group_ids, entity_ids, TRUE, known_logs, cancellable,
               on_public_query_done, task);
}

void
ferry_hcx_client_query_migrations_async (FerryHcxClient *self, const char *const *migration_ids,
                                         const char *const *migration_group_ids,
                                         const char *const *entity_ids, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  public_query_async (self, migration_ids, migration_group_ids, entity_ids, NULL, cancellable,
                      callback, user_data);
}

void
ferry_hcx_client_refresh_migrations_async (FerryHcxClient *self, const char *const *migration_ids,
                                           const char *const *migration_group_ids,
                                           GHashTable *known_logs, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  public_query_async (self, migration_ids, migration_group_ids, NULL, known_logs, cancellable,
                      callback, user_data);
}

GListModel *
ferry_hcx_client_query_migrations_finish (FerryHcxClient *self, GAsyncResult *result,
                                          GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_query_migrations_async,
                                           error);
}
