/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-vms.c: the VM inventory (POST /service/inventory/virtualmachines): paged,
 * parsed in worker threads and spliced into the store in order; the rest of the inventory is in
 * ferry-hcx-client-inventory.c. */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "ferry-hcx-client-private.h"

/* VMs: paged, parsed in workers --------------------------------------------------------------
 *
 * Up to max_pages_in_flight() pages are requested and parsed at once, max_pages_on_wire() of
 * them travelling (the JSON parsing and object creation run in worker threads), and appended
 * to the store strictly in order. Without a
 * total from the server the next page is requested speculatively; the first short page ends the
 * load and any page beyond it is dropped. The main thread only splices finished pages. */

/* Two: one page parsing while the next one travels. FERRY_HCX_PAGES_IN_FLIGHT=n for experiments. */
static guint
max_pages_in_flight (void)
{
  const char *env = g_getenv ("FERRY_HCX_PAGES_IN_FLIGHT");

  return env != NULL ? (guint)CLAMP (atoi (env), 1, 16) : 2;
}

/* One request on the wire, the next sent when a page arrives (while it is parsed): a second
 * would open a second TLS connection mid-load (~10 ms of main thread at once), for no gain on
 * 2 cores. FERRY_HCX_PAGES_ON_WIRE=n for experiments. */
static guint
max_pages_on_wire (void)
{
  const char *env = g_getenv ("FERRY_HCX_PAGES_ON_WIRE");

  return env != NULL ? (guint)CLAMP (atoi (env), 1, 16) : 1;
}

typedef struct _VmPage VmPage;

typedef struct
{
  char *endpoint_id;
  FerryHcxProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GListStore *store;
  GPtrArray *pages;  /* VmPage*, indexed by page number; NULL until parsed */
  guint n_requested; /* pages requested so far */
  guint n_consumed;  /* pages appended to the store */
  guint in_flight;   /* requested and not yet parsed */
  guint on_wire;     /* requested and not yet received */
  guint last_page;   /* index of the first short page, G_MAXUINT if unknown */
  guint page_size;
  gint64 total;
  gboolean finished;
  GHashTable *first_ids; /* id of the first VM of every page appended */
} VmLoad;

/* Without a total from the server, paging stops with an error past this many VMs. */
#define VM_MAX_WITHOUT_TOTAL 2000000

struct _VmPage
{
  GTask *load_task; /* the list_vms task (a reference) */
  guint index;
  GBytes *bytes;
  char *host;
  char *endpoint_id;
  GPtrArray *vms;
  guint n_items; /* items in the page, including unusable ones */
  gint64 total;
  gboolean ignore_total;
};

static void
vm_page_free (VmPage *page)
{
  if (page == NULL)
    return;
  g_clear_object (&page->load_task);
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_clear_pointer (&page->vms, g_ptr_array_unref);
  g_free (page->host);
  g_free (page->endpoint_id);
  g_free (page);
}

static void
vm_load_free (VmLoad *load)
{
  if (load->progress_destroy != NULL)
    load->progress_destroy (load->progress_data);
  g_free (load->endpoint_id);
  g_clear_pointer (&load->first_ids, g_hash_table_unref);
  g_clear_object (&load->store);
  g_clear_pointer (&load->pages, g_ptr_array_unref);
  g_free (load);
}

static void
parse_vm_page_thread (GTask *task, gpointer source_object, gpointer task_data,
                      GCancellable *cancellable)
{
  VmPage *page = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  gint64 t0 = g_get_monotonic_time ();
  JsonArray *items;
  gsize len = 0;
  const char *data = g_bytes_get_data (page->bytes, &len);

  page->vms = g_ptr_array_new_with_free_func (g_object_unref);

  /* The streaming parser first; anything unusual goes to the tree parser (which also gives
   * the right error). FERRY_HCX_TREE_PARSER=1 skips it, for comparisons. */
  if (g_getenv ("FERRY_HCX_TREE_PARSER") == NULL
      && ferry_hcx_json_parse_vm_page_fast (data, len, page->vms, &page->n_items, &page->total))
    {
      g_clear_pointer (&page->bytes, g_bytes_unref);
      /* A real HCX Manager promises no total; FERRY_HCX_IGNORE_TOTAL=1 makes the client behave
       * as if the server sent none (the tests use it to cover that path). */
      if (page->ignore_total)
        page->total = -1;
      for (guint i = 0; page->endpoint_id != NULL && i < page->vms->len; i++)
        ferry_vm_set_endpoint_id (g_ptr_array_index (page->vms, i), page->endpoint_id);
      g_debug ("page %u: %u VMs in %.1f ms (streaming)", page->index, page->vms->len,
               (g_get_monotonic_time () - t0) / 1000.0);
      g_task_return_boolean (task, TRUE);
      return;
    }

  root = ferry_hcx_json_parse (page->bytes, page->host, &error);
  g_clear_pointer (&page->bytes, g_bytes_unref);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = ferry_hcx_json_find_items (root);
  if (items == NULL)
    {
      g_task_return_new_error (task, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                               _ ("%s answered without the expected list of virtual machines"),
                               page->host);
      return;
    }
  page->total = page->ignore_total ? -1 : ferry_hcx_json_find_total (root);
  page->n_items = json_array_get_length (items);
  for (guint i = 0; i < page->n_items; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      FerryVm *vm;

      if ((i & 127) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      vm = ferry_hcx_json_to_vm (json_node_get_object (node));
      if (page->endpoint_id != NULL)
        ferry_vm_set_endpoint_id (vm, page->endpoint_id);
      g_ptr_array_add (page->vms, vm);
    }
  g_debug ("page %u: %u VMs in %.1f ms (tree)", page->index, page->vms->len,
           (g_get_monotonic_time () - t0) / 1000.0);
  g_task_return_boolean (task, TRUE);
}

/* The parser threads: a pool of our own whose threads run at a lower priority than the main
 * thread, so that parsing a large inventory never competes with drawing the UI on a busy
 * machine (GTask's shared pool cannot be reniced without affecting everybody). */
static void
parse_pool_func (gpointer data, gpointer user_data)
{
  GTask *task = data;

#ifdef __linux__
  {
    static GPrivate reniced;

    if (g_private_get (&reniced) == NULL)
      {
        /* Linux applies nice values per thread; failure only means "as fast as before". */
        (void)setpriority (PRIO_PROCESS, (id_t)syscall (SYS_gettid), 5);
        g_private_set (&reniced, GINT_TO_POINTER (1));
      }
  }
#endif
  parse_vm_page_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                        g_task_get_cancellable (task));
  g_object_unref (task);
}

static void
run_in_parse_pool (GTask *task)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      guint n = CLAMP (g_get_num_processors (), 2, 4);

      g_once_init_leave (&pool, g_thread_pool_new (parse_pool_func, NULL, (int)n, FALSE, NULL));
    }
  g_thread_pool_push (pool, g_object_ref (task), NULL);
}

static void
vm_load_request_more (GTask *task);

static void
vm_load_fail (GTask *task, GError *error)
{
  VmLoad *load = g_task_get_task_data (task);

  if (load->finished)
    {
      g_error_free (error);
      return;
    }
  load->finished = TRUE;
  g_task_return_error (task, error);
}

/* Appends every parsed page that is next in order; finishes at the last one. */
static void
vm_load_consume (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  VmLoad *load = g_task_get_task_data (task);

  while (!load->finished && load->n_consumed < load->pages->len
         && g_ptr_array_index (load->pages, load->n_consumed) != NULL)
    {
      VmPage *page = g_ptr_array_index (load->pages, load->n_consumed);
      const char *first_id
          = page->vms->len > 0 ? ferry_vm_get_id (g_ptr_array_index (page->vms, 0)) : NULL;
      guint n_loaded;

      g_ptr_array_index (load->pages, load->n_consumed) = NULL;
      load->n_consumed++;
      if (page->total >= 0)
        load->total = page->total;
      if (first_id != NULL && page->index > 0 && g_hash_table_contains (load->first_ids, first_id))
        {
          /* A page seen before: the server ignores skipCount. What came so far is not the
           * whole list (or, rarely, exactly one page of it): never pass it off as all. */
          n_loaded = g_list_model_get_n_items (G_LIST_MODEL (load->store));
          g_debug ("%s: page %u repeats an earlier one; the server does not page", self->host,
                   page->index);
          vm_page_free (page);
          vm_load_fail (task, g_error_new (FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                                           _ ("HCX Manager “%s” does not page the list of "
                                              "virtual machines as asked (a page repeated an "
                                              "earlier one after %u VMs); Ferry stopped there "
                                              "rather than show part of the inventory as all "
                                              "of it."),
                                           self->host, n_loaded));
          return;
        }
      else
        {
          g_list_store_splice (load->store, g_list_model_get_n_items (G_LIST_MODEL (load->store)),
                               0, page->vms->pdata, page->vms->len);
          if (first_id != NULL)
            g_hash_table_add (load->first_ids, g_strdup (first_id));
          /* A short page ends the list; so does a long one (the server ignored pageSize and
           * sent everything at once). */
          if (page->n_items != load->page_size)
            load->last_page = MIN (load->last_page, page->index);
          vm_page_free (page);
        }
      if (load->n_consumed <= load->last_page
          && (gint64)load->n_consumed * load->page_size
                 > (load->total >= 0 ? load->total + load->page_size : VM_MAX_WITHOUT_TOTAL))
        {
          /* Pages keep coming past what the total (or any inventory) allows. */
          vm_load_fail (task, g_error_new (FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,
                                           _ ("HCX Manager “%s” does not page the list of "
                                              "virtual machines as asked (the list did not end "
                                              "after %u pages); Ferry stopped there."),
                                           self->host, load->n_consumed));
          return;
        }

      n_loaded = g_list_model_get_n_items (G_LIST_MODEL (load->store));
      if (load->progress != NULL)
        load->progress (load->n_consumed, n_loaded, load->total, load->progress_data);
      /* The progress callback may have cancelled the load. */
      if (g_task_return_error_if_cancelled (task))
        {
          load->finished = TRUE;
          return;
        }

      if (load->n_consumed > load->last_page
          || (load->total >= 0 && (gint64)load->n_consumed * load->page_size >= load->total))
        {
          load->finished = TRUE;
          g_debug ("%s: %u VMs in %u pages", self->host, n_loaded, load->n_consumed);
          g_task_return_pointer (task, g_object_ref (load->store), g_object_unref);
          return;
        }
    }
  if (!load->finished)
    vm_load_request_more (task);
}

static void
on_vm_page_parsed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  VmPage *page = g_task_get_task_data (G_TASK (result)); /* owned here: no destroy notify */
  g_autoptr (GTask) task = g_steal_pointer (&page->load_task);
  VmLoad *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->in_flight--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      vm_page_free (page);
      vm_load_fail (task, error);
      return;
    }
  if (load->finished)
    {
      vm_page_free (page);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      vm_page_free (page);
      load->finished = TRUE;
      return;
    }
  g_ptr_array_index (load->pages, page->index) = page;
  if (page->n_items != load->page_size)
    load->last_page = MIN (load->last_page, page->index);
  vm_load_consume (task);
}

static void
on_vm_page_received (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  VmPage *page = user_data;
  g_autoptr (GTask) task = g_object_ref (page->load_task);
  VmLoad *load = g_task_get_task_data (task);
  GError *error = NULL;
  GBytes *bytes = _ferry_hcx_client_request_finish (self, result, NULL, &error);
  GTask *parse;

  load->on_wire--;
  if (bytes == NULL || load->finished)
    {
      load->in_flight--;
      vm_page_free (page);
      if (bytes == NULL)
        vm_load_fail (task, error);
      g_clear_pointer (&bytes, g_bytes_unref);
      return;
    }
  page->bytes = bytes;
  parse = g_task_new (self, g_task_get_cancellable (task), on_vm_page_parsed, NULL);
  g_task_set_source_tag (parse, parse_vm_page_thread);
  g_task_set_task_data (parse, page, NULL);
  run_in_parse_pool (parse);
  g_object_unref (parse);
  vm_load_request_more (task);
}

static void
vm_load_request_more (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  VmLoad *load = g_task_get_task_data (task);

  while (load->in_flight < max_pages_in_flight () && load->on_wire < max_pages_on_wire ()
         && load->n_requested <= load->last_page
         && (load->total < 0 || (gint64)load->n_requested * load->page_size < load->total) &&
         /* Without a total, do not run far ahead of what is known. */
         (load->total >= 0 || load->n_requested < load->n_consumed + 2))
    {
      g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
      g_autoptr (JsonNode) body = NULL;
      VmPage *page = g_new0 (VmPage, 1);

      page->load_task = g_object_ref (task);
      page->index = load->n_requested;
      page->host = g_strdup (self->host);
      page->endpoint_id = g_strdup (load->endpoint_id);
      page->ignore_total = g_strcmp0 (g_getenv ("FERRY_HCX_IGNORE_TOTAL"), "1") == 0;
      g_ptr_array_add (load->pages, NULL);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "filter");
      json_builder_begin_object (b);
      _ferry_hcx_client_build_cloud_filter (b, load->endpoint_id);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "paging");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "skipCount");
      json_builder_add_int_value (b, (gint64)load->n_requested * load->page_size);
      json_builder_set_member_name (b, "pageSize");
      json_builder_add_int_value (b, load->page_size);
      json_builder_end_object (b);
      json_builder_end_object (b);
      body = json_builder_get_root (b);

      load->n_requested++;
      load->in_flight++;
      load->on_wire++;
      _ferry_hcx_client_request_send (self, "POST", "/service/inventory/virtualmachines", body,
                                      FERRY_HCX_REQUEST_SAFE, g_task_get_cancellable (task),
                                      on_vm_page_received, page);
    }
}

static void
list_vms (FerryHcxClient *self, const char *endpoint_id, GListStore *store,
          FerryHcxProgressFunc progress, gpointer progress_data, GDestroyNotify progress_destroy,
          GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  VmLoad *load;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_hcx_client_list_vms_async);
  load = g_new0 (VmLoad, 1);
  load->endpoint_id = g_strdup (endpoint_id);
  load->progress = progress;
  load->progress_data = progress_data;
  load->progress_destroy = progress_destroy;
  load->store = store;
  load->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)vm_page_free);
  load->last_page = G_MAXUINT;
  load->first_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  load->page_size = self->page_size;
  load->total = -1;
  g_task_set_task_data (task, load, (GDestroyNotify)vm_load_free);
  vm_load_request_more (task);
}

void
ferry_hcx_client_list_vms_async (FerryHcxClient *self, const char *endpoint_id,
                                 FerryHcxProgressFunc progress, gpointer progress_data,
                                 GDestroyNotify progress_destroy, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));

  list_vms (self, endpoint_id, g_list_store_new (FERRY_TYPE_VM), progress, progress_data,
            progress_destroy, cancellable, callback, user_data);
}

GListModel *
ferry_hcx_client_list_vms_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  return _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_list_vms_async, error);
}

void
ferry_hcx_client_list_vms_into_async (FerryHcxClient *self, const char *endpoint_id,
                                      GListStore *store, FerryHcxProgressFunc progress,
                                      gpointer progress_data, GDestroyNotify progress_destroy,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (FERRY_IS_HCX_CLIENT (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (g_list_model_get_item_type (G_LIST_MODEL (store)) == FERRY_TYPE_VM);
  g_return_if_fail (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0);

  list_vms (self, endpoint_id, g_object_ref (store), progress, progress_data, progress_destroy,
            cancellable, callback, user_data);
}

gboolean
ferry_hcx_client_list_vms_into_finish (FerryHcxClient *self, GAsyncResult *result, GError **error)
{
  g_autoptr (GListModel) store
      = _ferry_hcx_client_finish_pointer (self, result, ferry_hcx_client_list_vms_async, error);

  return store != NULL;
}
