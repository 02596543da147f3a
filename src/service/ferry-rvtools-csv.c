/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools-csv.c: RVTools' per-tab CSV files, read with libcsv
 *
 * RVTools writes one file per tab (RVTools_tabvInfo.csv, …); spreadsheets that saved a tab
 * again write their own dialect. Handled: a UTF-8 byte order mark, UTF-16 with a byte order
 * mark (Excel's "Unicode text"), cells that are not UTF-8 (read as Windows-1252), comma,
 * semicolon or tab separators (the one that splits the header line into the most RVTools
 * columns, or Excel's "sep=;" first line), quoted cells with separators, quotes and line
 * breaks, CRLF or LF. A file that ends inside a quoted cell or in the middle of a row is
 * reported as truncated. */

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-rvtools-private.h"

#define CHUNK (64 * 1024)

typedef struct
{
  GFile *file;
  FerryRvtoolsTab tab;
} CsvFile;

/* Splits a header line (no line break) at @delim, honouring simple quotes. */
static GPtrArray *
split_header (const char *line, char delim)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == delim && !quoted)
        {
          g_ptr_array_add (out, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (out, g_string_free (field, FALSE));
  return out;
}

/* Which separator (and, for a file whose name tells no tab, which tab) fits the header. */
static guint
sniff (const char *header, gboolean any_tab, FerryRvtoolsTab *inout_tab, char *out_delim)
{
  static const char delims[] = { ',', ';', '\t' };
  guint best = 0;

  for (guint d = 0; d < G_N_ELEMENTS (delims); d++)
    {
      g_autoptr (GPtrArray) cells = split_header (header, delims[d]);
      g_autofree int *cols = g_new (int, cells->len);

      for (guint t = 0; t < FERRY_RVTOOLS_N_TABS; t++)
        {
          guint known;

          if (!any_tab && t != *inout_tab)
            continue;
          known = _ferry_rvtools_map_header (t, (char **)cells->pdata, cells->len, cols);
          if (any_tab)
            {
              gboolean have[FERRY_RVTOOLS_N_COLS] = { FALSE };
              g_autofree char *missing = NULL;

              for (guint i = 0; i < cells->len; i++)
                if (cols[i] >= 0)
                  have[cols[i]] = TRUE;
              missing = _ferry_rvtools_describe_missing (t, have);
              if (missing != NULL || known < 2)
                continue;
            }
          if (known > best)
            {
              best = known;
              *out_delim = delims[d];
              *inout_tab = t;
            }
        }
    }
  return best;
}

typedef struct
{
  FerryRvtoolsBuilder *builder;
  GPtrArray *fields; /* char* of the current record */
  GArray *cells;
  GError *error;
  guint header_fields; /* fields of the first record */
  guint last_fields;   /* fields of the last record */
  gboolean last_unterminated;
  guint64 quotes; /* '"' seen: odd at the end means an open quoted cell */
} Parse;

static void
count_quotes (Parse *parse, const char *data, gsize len)
{
  for (const char *p = data, *end = data + len; (p = memchr (p, '"', end - p)) != NULL; p++)
    parse->quotes++;
}

static void
on_field (void *data, size_t len, void *user_data)
{
  Parse *parse = user_data;
  const char *text = data ? data : "";
  char *copy;

  if (parse->error != NULL)
    return;
  if (g_utf8_validate (text, len, NULL))
    copy = g_strndup (text, len);
  else
    {
      copy = g_convert (text, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (copy == NULL)
        copy = g_convert (text, len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (copy == NULL)
        copy = g_utf8_make_valid (text, len);
    }
  /* A CRLF inside a quoted cell is one line break. */
  if (strchr (copy, '\r') != NULL)
    {
      char *w = copy;

      for (const char *r = copy; *r != '\0'; r++)
        if (!(r[0] == '\r' && r[1] == '\n'))
          *w++ = *r;
      *w = '\0';
    }
  g_ptr_array_add (parse->fields, copy);
}

static void
on_record (int c, void *user_data)
{
  Parse *parse = user_data;

  if (parse->error == NULL)
    {
      g_array_set_size (parse->cells, 0);
      for (guint i = 0; i < parse->fields->len; i++)
        {
          FerryRvtoolsCell cell = { g_ptr_array_index (parse->fields, i), FALSE };

          g_array_append_val (parse->cells, cell);
        }
      if (parse->header_fields == 0)
        parse->header_fields = parse->fields->len;
      parse->last_fields = parse->fields->len;
      parse->last_unterminated = c == -1;
      _ferry_rvtools_builder_row (parse->builder, (FerryRvtoolsCell *)(void *)parse->cells->data,
                                  parse->cells->len, &parse->error);
    }
  g_ptr_array_set_size (parse->fields, 0);
}

/* Opens @file decoded to UTF-8 without its byte order mark. */
static GInputStream *
open_decoded (GFile *file, GError **error)
{
  g_autoptr (GFileInputStream) raw = g_file_read (file, NULL, error);
  g_autoptr (GInputStream) buffered = NULL;
  const guint8 *head;
  gsize n;

  if (raw == NULL)
    return NULL;
  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (raw), CHUNK);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 4, NULL, error) < 0)
    return NULL;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);
  if (n >= 3 && head[0] == 0xef && head[1] == 0xbb && head[2] == 0xbf)
    {
      if (g_input_stream_skip (buffered, 3, NULL, error) < 0)
        return NULL;
    }
  else if (n >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
    {
      g_autoptr (GCharsetConverter) conv = g_charset_converter_new ("UTF-8", "UTF-16", error);

      if (conv == NULL)
        return NULL;
      return g_converter_input_stream_new (buffered, G_CONVERTER (conv));
    }
  return g_steal_pointer (&buffered);
}

static gboolean
read_one (FerryRvtoolsRun *run, FerryRvtoolsBuilder *builder, CsvFile *f, GError **error)
{
  g_autofree char *basename = g_file_get_basename (f->file);
  g_autofree char *where = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GInputStream) in = open_decoded (f->file, &local_error);
  g_autofree char *buffer = g_malloc (CHUNK);
  g_autoptr (GString) head = g_string_new (NULL);
  struct csv_parser parser;
  Parse parse = { builder };
  char delim = 0;
  gboolean first = TRUE, ok = TRUE;
  gssize got;

  if (in == NULL)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_READ,
                   _ ("“%s” cannot be read: %s"), basename, local_error->message);
      return FALSE;
    }
  /* Translators: "The vInfo file “RVTools_tabvInfo.csv”" */
  where = g_strdup_printf (_ ("The %s file “%s”"), _ferry_rvtools_tab_name (f->tab), basename);
  if (csv_init (&parser, CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_strerror (ENOMEM));
      return FALSE;
    }
  parse.fields = g_ptr_array_new_with_free_func (g_free);
  parse.cells = g_array_new (FALSE, FALSE, sizeof (FerryRvtoolsCell));
  _ferry_rvtools_builder_begin_tab (builder, f->tab, where);

  while (ok && (got = g_input_stream_read (in, buffer, CHUNK, NULL, &local_error)) > 0)
    {
      const char *data = buffer;
      gsize len = got;

      ok = _ferry_rvtools_run_advance (run, f->tab, got, error);
      if (!ok)
        break;
      if (first)
        {
          const char *nl;

          /* The header decides the separator: wait for its whole line. */
          g_string_append_len (head, buffer, got);
          nl = memchr (head->str, '\n', head->len);
          if (nl == NULL && head->len < 1024 * 1024)
            continue;
          first = FALSE;
          data = head->str;
          len = head->len;
          if (g_ascii_strncasecmp (data, "sep=", 4) == 0 && nl != NULL && nl - data >= 5)
            {
              delim = data[4];
              len -= nl + 1 - data;
              data = nl + 1;
            }
          else
            {
              g_autofree char *line = g_strndup (data, nl ? (gsize)(nl - data) : len);
              FerryRvtoolsTab tab = f->tab;

              if (sniff (line, FALSE, &tab, &delim) == 0)
                {
                  g_autofree char *shown = g_utf8_make_valid (line, MIN (strlen (line), 80));

                  g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_CSV_DIALECT,
                               _ ("%s is in a CSV dialect Ferry does not know: its first line "
                                  "(“%s”) does not split into RVTools columns at commas, "
                                  "semicolons or tabs"),
                               where, shown);
                  ok = FALSE;
                  break;
                }
            }
          csv_set_delim (&parser, delim);
        }
      count_quotes (&parse, data, len);
      if (csv_parse (&parser, data, len, on_field, on_record, &parse) != len)
        {
          g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_DAMAGED,
                       _ ("%s cannot be read as CSV (%s)"), where,
                       csv_strerror (csv_error (&parser)));
          ok = FALSE;
        }
      if (ok && parse.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parse.error));
          ok = FALSE;
        }
    }
  if (ok && got < 0)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_READ,
                   _ ("“%s” cannot be read: %s"), basename, local_error->message);
      ok = FALSE;
    }
  if (ok && first && head->len > 0)
    {
      /* A single line without a line break: a header with no rows, or a file cut short. */
      FerryRvtoolsTab tab = f->tab;

      if (sniff (head->str, FALSE, &tab, &delim) == 0)
        delim = ',';
      csv_set_delim (&parser, delim);
      count_quotes (&parse, head->str, head->len);
      csv_parse (&parser, head->str, head->len, on_field, on_record, &parse);
    }
  /* libcsv (not strict: a stray quote inside a cell is kept) closes an open quoted cell at
   * the end: an odd number of quotes and a last row without its line break is a cut file. */
  if (ok
      && (csv_fini (&parser, on_field, on_record, &parse) != 0
          || (parse.quotes % 2 == 1 && parse.last_unterminated)))
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_DAMAGED,
                   _ ("%s ends inside a quoted cell: it is truncated or damaged"), where);
      ok = FALSE;
    }
  if (ok && parse.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse.error));
      ok = FALSE;
    }
  if (ok && parse.last_unterminated && parse.last_fields < parse.header_fields)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_DAMAGED,
                   _ ("%s ends in the middle of a row: it is truncated"), where);
      ok = FALSE;
    }
  csv_free (&parser);
  g_clear_error (&parse.error);
  g_ptr_array_unref (parse.fields);
  g_array_unref (parse.cells);
  return ok && _ferry_rvtools_builder_end_tab (builder, error);
}

/* The first line of a file, for telling its tab when its name does not. */
static char *
first_line (GFile *file)
{
  g_autoptr (GInputStream) in = open_decoded (file, NULL);
  char buffer[8192];
  gssize got;
  char *nl;

  if (in == NULL || (got = g_input_stream_read (in, buffer, sizeof buffer - 1, NULL, NULL)) <= 0)
    return NULL;
  buffer[got] = '\0';
  nl = strchr (buffer, '\n');
  if (nl != NULL)
    *nl = '\0';
  return g_strdup (buffer);
}

/* Adds the sibling tabs of a lone vInfo file: "X_tabvNetwork.csv" beside "X_tabvInfo.csv". */
static void
add_siblings (GPtrArray *files, GFile *vinfo)
{
  g_autofree char *basename = g_file_get_basename (vinfo);
  g_autoptr (GFile) dir = g_file_get_parent (vinfo);
  gsize prefix_len = strlen (basename) - strlen ("vInfo.csv");

  if (dir == NULL)
    return;
  for (guint t = 0; t < FERRY_RVTOOLS_N_TABS; t++)
    {
      g_autofree char *prefix = g_strndup (basename, prefix_len);
      g_autofree char *name = NULL;
      g_autoptr (GFile) sibling = NULL;
      CsvFile *f;

      if (t == FERRY_RVTOOLS_TAB_VINFO)
        continue;
      name = g_strconcat (prefix, _ferry_rvtools_tab_name (t), ".csv", NULL);
      sibling = g_file_get_child (dir, name);
      if (!g_file_query_exists (sibling, NULL))
        continue;
      f = g_new0 (CsvFile, 1);
      f->file = g_steal_pointer (&sibling);
      f->tab = t;
      g_ptr_array_add (files, f);
    }
}

static void
csv_file_free (gpointer data)
{
  CsvFile *f = data;

  g_object_unref (f->file);
  g_free (f);
}

FerryInventoryFacts *
_ferry_rvtools_read_csv (FerryRvtoolsRun *run, GFile *const *files, guint n_files,
                         const char *origin, gboolean from_folder, GError **error)
{
  g_autoptr (GPtrArray) csv = g_ptr_array_new_with_free_func (csv_file_free);
  g_autoptr (FerryRvtoolsBuilder) builder = NULL;
  g_autoptr (GDateTime) mtime = NULL;
  gboolean any_vinfo = FALSE;
  guint n_given;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *basename = g_file_get_basename (files[i]);
      FerryRvtoolsTab tab;
      gboolean other = FALSE;
      CsvFile *f;

      if (!_ferry_rvtools_tab_from_file_name (basename, &tab, &other))
        {
          g_autofree char *line = other ? NULL : first_line (files[i]);
          char delim;

          if (other)
            continue; /* vHost, vDisk, …: RVTools tabs Ferry does not read */
          if (line == NULL || sniff (line, TRUE, &tab, &delim) == 0)
            {
              if (from_folder)
                continue;
              g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
                           _ ("“%s” is not an RVTools tab: neither its name (such as "
                              "RVTools_tabvInfo.csv) nor its columns say which tab it is"),
                           basename);
              return NULL;
            }
        }
      f = g_new0 (CsvFile, 1);
      f->file = g_object_ref (files[i]);
      f->tab = tab;
      any_vinfo |= tab == FERRY_RVTOOLS_TAB_VINFO;
      g_ptr_array_add (csv, f);
    }
  n_given = csv->len;
  if (n_given == 1 && any_vinfo && !from_folder)
    add_siblings (csv, ((CsvFile *)g_ptr_array_index (csv, 0))->file);
  if (!any_vinfo)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR,
                   csv->len > 0 ? FERRY_RVTOOLS_ERROR_MISSING_TAB : FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
                   csv->len > 0 ? _ ("The RVTools export “%s” has no vInfo file "
                                     "(RVTools_tabvInfo.csv), the list of virtual machines")
                                : _ ("“%s” holds no RVTools export: no .xlsx workbook and no "
                                     "RVTools CSV files such as RVTools_tabvInfo.csv"),
                   origin);
      return NULL;
    }

  for (guint i = 0; i < csv->len; i++)
    {
      CsvFile *f = g_ptr_array_index (csv, i);
      g_autoptr (GFileInfo) info = g_file_query_info (
          f->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
          G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info == NULL)
        continue;
      _ferry_rvtools_run_add_total (run, g_file_info_get_size (info));
      if (f->tab == FERRY_RVTOOLS_TAB_VINFO && mtime == NULL
          && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
        mtime = g_date_time_new_from_unix_utc (
            g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));
    }

  builder = _ferry_rvtools_builder_new (origin, mtime);
  /* vMetaData first (the date), then vInfo (the VMs), then the tabs that refer to them. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < csv->len; i++)
      {
        CsvFile *f = g_ptr_array_index (csv, i);
        int want = f->tab == FERRY_RVTOOLS_TAB_VMETADATA ? 0
                   : f->tab == FERRY_RVTOOLS_TAB_VINFO   ? 1
                                                         : 2;

        if (want == pass && !read_one (run, builder, f, error))
          return NULL;
      }
  return _ferry_rvtools_builder_finish (builder, error);
}
