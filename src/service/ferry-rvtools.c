/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools.c: the RVTools import: what the files are, the worker thread, progress */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <string.h>

#include "ferry-rvtools-private.h"

/* The quark name is a string, not an expression: keep clang-format off it. */
/* clang-format off */
G_DEFINE_QUARK (ferry-rvtools-error-quark, ferry_rvtools_error)
/* clang-format on */

#define REPORT_INTERVAL_US (50 * 1000)

/* Progress, shared by the worker and the idles it posts (refcounted: an idle may run after
 * the worker is done). */
typedef struct
{
  GMutex lock;
  double fraction;
  char *phase;
  gboolean pending;
  FerryRvtoolsProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
} Progress;

static void
progress_clear (gpointer data)
{
  Progress *progress = data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_free (progress->phase);
  g_mutex_clear (&progress->lock);
}

static void
progress_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_clear);
}

struct _FerryRvtoolsRun
{
  GCancellable *cancellable;
  guint64 total;
  guint64 done;
  int last_tab;
  gint64 last_report;
  GMainContext *context;
  Progress *progress; /* NULL for the blocking import */
};

static gboolean
progress_idle (gpointer data)
{
  Progress *progress = data;
  double fraction;
  g_autofree char *phase = NULL;

  g_mutex_lock (&progress->lock);
  fraction = progress->fraction;
  phase = g_steal_pointer (&progress->phase);
  progress->pending = FALSE;
  g_mutex_unlock (&progress->lock);
  progress->func (fraction, phase ? phase : "", progress->data);
  return G_SOURCE_REMOVE;
}

static void
run_report (FerryRvtoolsRun *run, FerryRvtoolsTab tab)
{
  Progress *progress = run->progress;
  gboolean post;

  if (progress == NULL || progress->func == NULL)
    return;
  g_mutex_lock (&progress->lock);
  progress->fraction = run->total > 0 ? MIN (1.0, (double)run->done / run->total) : 0.0;
  g_free (progress->phase);
  /* Translators: the progress of an import: "Reading vNetwork" */
  progress->phase = g_strdup_printf (_ ("Reading %s"), _ferry_rvtools_tab_name (tab));
  post = !progress->pending;
  progress->pending = TRUE;
  g_mutex_unlock (&progress->lock);
  if (post)
    {
      g_autoptr (GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_idle, g_atomic_rc_box_acquire (progress),
                             progress_unref);
      g_source_set_static_name (source, "[ferry] rvtools progress");
      g_source_attach (source, run->context);
    }
}

gboolean
_ferry_rvtools_run_advance (FerryRvtoolsRun *run, FerryRvtoolsTab tab, guint64 bytes,
                            GError **error)
{
  gint64 now;

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  run->done += bytes;
  now = g_get_monotonic_time ();
  if ((int)tab != run->last_tab || now - run->last_report >= REPORT_INTERVAL_US)
    {
      run->last_tab = tab;
      run->last_report = now;
      run_report (run, tab);
    }
  return TRUE;
}

void
_ferry_rvtools_run_add_total (FerryRvtoolsRun *run, guint64 bytes)
{
  run->total += bytes;
}

/* What the files are ------------------------------------------------------------------------ */

typedef enum
{
  KIND_OTHER,
  KIND_ZIP,
  KIND_CFB,
  KIND_CSV,
} Kind;

static Kind
sniff_file (GFile *file, GError **error)
{
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);
  guint8 magic[8] = { 0 };
  gsize got = 0;
  g_autofree char *basename = g_file_get_basename (file);
  static const guint8 cfb[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

  if (in == NULL)
    return KIND_OTHER;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), magic, sizeof magic, &got, NULL, error))
    return KIND_OTHER;
  if (got >= 4 && memcmp (magic, "PK\003\004", 4) == 0)
    return KIND_ZIP;
  if (got == sizeof magic && memcmp (magic, cfb, sizeof cfb) == 0)
    return KIND_CFB;
  if (g_str_has_suffix (basename, ".csv") || g_str_has_suffix (basename, ".CSV")
      || g_str_has_suffix (basename, ".txt"))
    return KIND_CSV;
  if (got >= 2 && memcmp (magic, "PK", 2) == 0)
    return KIND_ZIP; /* a zip that starts damaged: let the zip reader say what is wrong */
  return KIND_OTHER;
}

static void
set_read_error (GFile *file, GError *cause, GError **error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_READ,
                 _ ("“%s” cannot be read: %s"), name, cause->message);
}

static FerryInventoryFacts *
import_one_file (FerryRvtoolsRun *run, GFile *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  Kind kind = sniff_file (file, &local_error);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (GFile) parent = NULL;
  g_autofree char *origin = NULL;

  if (local_error != NULL)
    {
      set_read_error (file, local_error, error);
      return NULL;
    }
  switch (kind)
    {
      case KIND_ZIP:
        return _ferry_rvtools_read_xlsx (run, file, error);
      case KIND_CFB:
        _ferry_rvtools_cfb_error (file, error);
        return NULL;
      case KIND_CSV:
        parent = g_file_get_parent (file);
        origin = parent ? g_file_get_basename (parent) : g_strdup (name);
        return _ferry_rvtools_read_csv (run, &file, 1, origin, FALSE, error);
      case KIND_OTHER:
      default:
        g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
                     _ ("“%s” is not an RVTools export: it is neither an Excel workbook (.xlsx) "
                        "nor an RVTools CSV file"),
                     name);
        return NULL;
    }
}

static FerryInventoryFacts *
import_folder (FerryRvtoolsRun *run, GFile *folder, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileEnumerator) children
      = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                   run->cancellable, &local_error);
  g_autoptr (GPtrArray) csv = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) xlsx = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = g_file_get_basename (folder);
  GFileInfo *info;

  if (children == NULL)
    {
      set_read_error (folder, local_error, error);
      return NULL;
    }
  while ((info = g_file_enumerator_next_file (children, run->cancellable, &local_error)))
    {
      g_autoptr (GFileInfo) owned = info;
      g_autofree char *lower = g_ascii_strdown (g_file_info_get_name (info), -1);

      if (g_str_has_suffix (lower, ".csv"))
        g_ptr_array_add (csv, g_file_get_child (folder, g_file_info_get_name (info)));
      else if (g_str_has_suffix (lower, ".xlsx") && lower[0] != '~')
        g_ptr_array_add (xlsx, g_file_get_child (folder, g_file_info_get_name (info)));
    }
  if (local_error != NULL)
    {
      set_read_error (folder, local_error, error);
      return NULL;
    }
  if (csv->len > 0)
    return _ferry_rvtools_read_csv (run, (GFile *const *)csv->pdata, csv->len, name, TRUE, error);
  if (xlsx->len == 1)
    return _ferry_rvtools_read_xlsx (run, g_ptr_array_index (xlsx, 0), error);
  g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
               xlsx->len > 1 ? _ ("The folder “%s” holds several workbooks: choose the one to "
                                  "import")
                             : _ ("“%s” holds no RVTools export: no .xlsx workbook and no RVTools "
                                  "CSV files such as RVTools_tabvInfo.csv"),
               name);
  return NULL;
}

static FerryInventoryFacts *
import_files (FerryRvtoolsRun *run, GFile *const *files, guint n_files, GError **error)
{
  g_autoptr (GFile) parent = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (n_files > 0, NULL);

  if (n_files == 1)
    {
      GFileType type = g_file_query_file_type (files[0], G_FILE_QUERY_INFO_NONE, NULL);

      if (type == G_FILE_TYPE_DIRECTORY)
        return import_folder (run, files[0], error);
      return import_one_file (run, files[0], error);
    }
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr (GError) local_error = NULL;
      Kind kind = sniff_file (files[i], &local_error);
      g_autofree char *name = g_file_get_basename (files[i]);

      if (local_error != NULL)
        {
          set_read_error (files[i], local_error, error);
          return NULL;
        }
      if (kind != KIND_CSV)
        {
          g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
                       _ ("“%s” is not a CSV file: choose one workbook, or the CSV files of one "
                          "export"),
                       name);
          return NULL;
        }
    }
  parent = g_file_get_parent (files[0]);
  origin = parent ? g_file_get_basename (parent) : g_file_get_basename (files[0]);
  return _ferry_rvtools_read_csv (run, files, n_files, origin, FALSE, error);
}

static void
init_libraries (void)
{
  static gsize done = 0;

  /* Both want to be initialised once, before any thread uses them. */
  if (g_once_init_enter (&done))
    {
      gsf_init ();
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

FerryInventoryFacts *
ferry_rvtools_import (GFile *const *files, guint n_files, GCancellable *cancellable, GError **error)
{
  FerryRvtoolsRun run = { cancellable, 0, 0, -1, 0, NULL, NULL };

  g_return_val_if_fail (files != NULL && n_files > 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  init_libraries ();
  return import_files (&run, files, n_files, error);
}

/* Async -------------------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *files;
  Progress *progress;
  GMainContext *context;
} ImportData;

static gboolean
release_progress (gpointer data)
{
  progress_unref (data);
  return G_SOURCE_REMOVE;
}

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_ptr_array_unref (d->files);
  /* The last reference may go in the worker: progress_destroy runs on the caller's context. */
  g_main_context_invoke (d->context, release_progress, d->progress);
  g_main_context_unref (d->context);
  g_free (d);
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ImportData *d = task_data;
  FerryRvtoolsRun run = { cancellable, 0, 0, -1, 0, d->context, d->progress };
  GError *error = NULL;
  FerryInventoryFacts *facts
      = import_files (&run, (GFile *const *)d->files->pdata, d->files->len, &error);

  if (facts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, facts, g_object_unref);
}

void
ferry_rvtools_import_async (GFile *const *files, guint n_files, FerryRvtoolsProgressFunc progress,
                            gpointer progress_data, GDestroyNotify progress_destroy,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ImportData *d;

  g_return_if_fail (files != NULL && n_files > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  init_libraries ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_rvtools_import_async);
  g_task_set_name (task, "[ferry] rvtools import");
  d = g_new0 (ImportData, 1);
  d->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (d->files, g_object_ref (files[i]));
  d->progress = g_atomic_rc_box_new0 (Progress);
  g_mutex_init (&d->progress->lock);
  d->progress->func = progress;
  d->progress->data = progress_data;
  d->progress->destroy = progress_destroy;
  d->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, d, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

FerryInventoryFacts *
ferry_rvtools_import_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, ferry_rvtools_import_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *const *
ferry_rvtools_get_tabs_read (FerryInventoryFacts *facts)
{
  static const char *const none[] = { NULL };
  const char *const *tabs;

  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (facts), none);
  tabs = g_object_get_data (G_OBJECT (facts), "ferry-rvtools-tabs");
  return tabs != NULL ? tabs : none;
}

const char *const *
ferry_rvtools_get_tab_names (void)
{
  static const char *const names[]
      = { "vInfo", "vNetwork", "vSnapshot", "vCD", "vTools", "vMetaData", NULL };

  return names;
}
