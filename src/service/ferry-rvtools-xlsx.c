/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-rvtools-xlsx.c: an RVTools workbook, read with libgsf (zip) and libxml2 (xmlReader)
 *
 * Office Open XML as RVTools (and Excel, LibreOffice, libxlsxwriter) writes it:
 * xl/workbook.xml names the sheets and their relationship ids, xl/_rels/workbook.xml.rels maps
 * them to the sheet parts, xl/sharedStrings.xml holds the strings most cells point to (<c t="s">),
 * other cells hold inline strings (t="inlineStr"), formula strings (t="str"), booleans (t="b")
 * or numbers. Each sheet is streamed row by row into the builder: nothing but the shared
 * strings is kept in memory. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "ferry-rvtools-private.h"

/* libgsf 1.14.50 (Debian 12) defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

typedef struct
{
  FerryRvtoolsRun *run;
  FerryRvtoolsTab tab;
  GsfInput *input;
  GError *error; /* a cancellation seen while reading */
  char *xml_error;
} Stream;

static int
stream_read (void *context, char *buffer, int len)
{
  Stream *stream = context;
  gsf_off_t remaining = gsf_input_remaining (stream->input);
  int n = (int)MIN ((gsf_off_t)len, remaining);

  if (n <= 0)
    return 0;
  if (gsf_input_read (stream->input, n, (guint8 *)buffer) == NULL)
    return -1;
  if (!_ferry_rvtools_run_advance (stream->run, stream->tab, n, &stream->error))
    return -1;
  return n;
}

static int
stream_close (void *context)
{
  return 0;
}

static void
stream_xml_error (void *context, xmlErrorPtr error)
{
  Stream *stream = context;

  if (stream->xml_error == NULL && error != NULL && error->message != NULL)
    stream->xml_error = g_strchomp (g_strdup (error->message));
}

static xmlTextReaderPtr
stream_open (Stream *stream, FerryRvtoolsRun *run, FerryRvtoolsTab tab, GsfInput *input)
{
  xmlTextReaderPtr reader;

  stream->run = run;
  stream->tab = tab;
  stream->input = input;
  reader = xmlReaderForIO (stream_read, stream_close, stream, NULL, NULL, XML_PARSE_NONET);
  if (reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (reader, stream_xml_error, stream);
  return reader;
}

/* Ends a stream: FALSE with the error if reading failed (cancelled, broken XML). */
static gboolean
stream_close_reader (Stream *stream, xmlTextReaderPtr reader, int status, const char *what,
                     GFile *file, GError **error)
{
  gboolean ok = status == 0 && stream->error == NULL && stream->xml_error == NULL;

  if (reader != NULL)
    xmlFreeTextReader (reader);
  if (stream->error != NULL)
    g_propagate_error (error, g_steal_pointer (&stream->error));
  else if (!ok)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_DAMAGED,
                   _ ("The workbook “%s” is damaged: %s cannot be read (%s)"), name, what,
                   stream->xml_error ? stream->xml_error : _ ("unexpected end"));
    }
  g_clear_pointer (&stream->xml_error, g_free);
  return ok;
}

static const char *
local_name (xmlTextReaderPtr reader)
{
  return (const char *)xmlTextReaderConstLocalName (reader);
}

static char *
attribute (xmlTextReaderPtr reader, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *)name);
  char *copy = value ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

/* "xl/worksheets/sheet1.xml" inside the zip, directory by directory. */
static GsfInput *
open_member (GsfInfile *zip, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  g_autoptr (GsfInput) current = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInfile *dir = current ? GSF_INFILE (current) : zip;
      GsfInput *child;

      if (current != NULL && !GSF_IS_INFILE (current))
        return NULL;
      child = gsf_infile_child_by_name (dir, parts[i]);
      g_clear_object (&current);
      if (child == NULL)
        return NULL;
      current = child;
    }
  return g_steal_pointer (&current);
}

typedef struct
{
  char *name;
  char *rel_id;
  char *target;
} Sheet;

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->rel_id);
  g_free (sheet->target);
  g_free (sheet);
}

typedef struct
{
  FerryRvtoolsRun *run;
  GFile *file;
  GsfInfile *zip;
  GPtrArray *sheets; /* Sheet* */
  gboolean date1904;
  char *shared_strings_target;
  GPtrArray *strings; /* char* into chunk */
  GStringChunk *chunk;
} Workbook;

static gboolean
read_workbook (Workbook *wb, GError **error)
{
  g_autoptr (GsfInput) input = open_member (wb->zip, "xl/workbook.xml");
  Stream stream = { NULL };
  xmlTextReaderPtr reader;
  int status;

  if (input == NULL)
    {
      g_autofree char *name = g_file_get_basename (wb->file);

      g_set_error (
          error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
          _ ("“%s” is a zip archive but not an Excel workbook, so it is no RVTools export"), name);
      return FALSE;
    }
  reader = stream_open (&stream, wb->run, FERRY_RVTOOLS_TAB_VINFO, input);
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      const char *name;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = local_name (reader);
      if (g_strcmp0 (name, "sheet") == 0)
        {
          Sheet *sheet = g_new0 (Sheet, 1);
          xmlChar *id = xmlTextReaderGetAttributeNs (
              reader, (const xmlChar *)"id",
              (const xmlChar
                   *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");

          sheet->name = attribute (reader, "name");
          sheet->rel_id = id ? g_strdup ((const char *)id) : attribute (reader, "r:id");
          xmlFree (id);
          g_ptr_array_add (wb->sheets, sheet);
        }
      else if (g_strcmp0 (name, "workbookPr") == 0)
        {
          g_autofree char *d = attribute (reader, "date1904");

          wb->date1904 = d != NULL && (strcmp (d, "1") == 0 || strcmp (d, "true") == 0);
        }
    }
  status = status < 0 ? -1 : 0;
  return stream_close_reader (&stream, reader, status, "xl/workbook.xml", wb->file, error);
}

static char *
resolve_target (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  if (g_str_has_prefix (target, "../"))
    return g_strdup (target + 3);
  return g_strconcat ("xl/", target, NULL);
}

static gboolean
read_relationships (Workbook *wb, GError **error)
{
  g_autoptr (GsfInput) input = open_member (wb->zip, "xl/_rels/workbook.xml.rels");
  Stream stream = { NULL };
  xmlTextReaderPtr reader;
  int status;

  if (input == NULL)
    return TRUE; /* fall back to the usual part names */
  reader = stream_open (&stream, wb->run, FERRY_RVTOOLS_TAB_VINFO, input);
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      g_autofree char *id = NULL, *target = NULL, *type = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT
          || g_strcmp0 (local_name (reader), "Relationship") != 0)
        continue;
      id = attribute (reader, "Id");
      target = attribute (reader, "Target");
      type = attribute (reader, "Type");
      if (target == NULL)
        continue;
      if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
        {
          g_free (wb->shared_strings_target);
          wb->shared_strings_target = resolve_target (target);
        }
      for (guint i = 0; id != NULL && i < wb->sheets->len; i++)
        {
          Sheet *sheet = g_ptr_array_index (wb->sheets, i);

          if (g_strcmp0 (sheet->rel_id, id) == 0)
            {
              g_free (sheet->target);
              sheet->target = resolve_target (target);
            }
        }
    }
  status = status < 0 ? -1 : 0;
  return stream_close_reader (&stream, reader, status, "xl/_rels/workbook.xml.rels", wb->file,
                              error);
}

static gboolean
read_shared_strings (Workbook *wb, GError **error)
{
  g_autoptr (GsfInput) input = NULL;
  Stream stream = { NULL };
  xmlTextReaderPtr reader;
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean in_t = FALSE;
  int status;

  input = open_member (wb->zip, wb->shared_strings_target ? wb->shared_strings_target
                                                          : "xl/sharedStrings.xml");
  if (input == NULL)
    return TRUE;
  reader = stream_open (&stream, wb->run, FERRY_RVTOOLS_TAB_VINFO, input);
  status = xmlTextReaderRead (reader);
  while (status == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = local_name (reader);

      if (type == XML_READER_TYPE_ELEMENT && g_strcmp0 (name, "rPh") == 0)
        {
          /* Phonetic runs (ruby text) are not part of the string. */
          status = xmlTextReaderNext (reader);
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT && g_strcmp0 (name, "si") == 0)
        {
          g_string_truncate (text, 0);
          if (xmlTextReaderIsEmptyElement (reader))
            g_ptr_array_add (wb->strings, g_string_chunk_insert_const (wb->chunk, ""));
        }
      else if (type == XML_READER_TYPE_ELEMENT && g_strcmp0 (name, "t") == 0)
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (type == XML_READER_TYPE_END_ELEMENT && g_strcmp0 (name, "t") == 0)
        in_t = FALSE;
      else if (type == XML_READER_TYPE_END_ELEMENT && g_strcmp0 (name, "si") == 0)
        g_ptr_array_add (wb->strings, g_string_chunk_insert (wb->chunk, text->str));
      else if (in_t
               && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_CDATA))
        g_string_append (text, (const char *)xmlTextReaderConstValue (reader));
      status = xmlTextReaderRead (reader);
    }
  status = status < 0 ? -1 : 0;
  return stream_close_reader (&stream, reader, status, "xl/sharedStrings.xml", wb->file, error);
}

/* "AB12" -> 27 (zero-based column), -1 without letters. */
static int
column_of (const char *ref)
{
  int col = 0;
  const char *p = ref;

  if (ref == NULL || !g_ascii_isalpha (*p))
    return -1;
  for (; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > 16384)
        return -1;
    }
  return col - 1;
}

typedef struct
{
  GPtrArray *texts; /* char* per column, NULL for none */
  GArray *numeric;  /* gboolean per column */
  GArray *cells;    /* FerryRvtoolsCell */
} RowBuffer;

static void
row_set (RowBuffer *row, int col, char *text, gboolean numeric)
{
  if (col < 0 || col > 16383)
    {
      g_free (text);
      return;
    }
  if ((guint)col >= row->texts->len)
    {
      g_ptr_array_set_size (row->texts, col + 1);
      g_array_set_size (row->numeric, col + 1);
    }
  g_free (g_ptr_array_index (row->texts, col));
  g_ptr_array_index (row->texts, col) = text;
  g_array_index (row->numeric, gboolean, col) = numeric;
}

static gboolean
row_flush (RowBuffer *row, FerryRvtoolsBuilder *builder, GError **error)
{
  gboolean ok;

  g_array_set_size (row->cells, 0);
  for (guint i = 0; i < row->texts->len; i++)
    {
      const char *text = g_ptr_array_index (row->texts, i);
      FerryRvtoolsCell c = { text ? text : "", g_array_index (row->numeric, gboolean, i) };

      g_array_append_val (row->cells, c);
    }
  ok = _ferry_rvtools_builder_row (builder, (FerryRvtoolsCell *)(void *)row->cells->data,
                                   row->cells->len, error);
  g_ptr_array_set_size (row->texts, 0);
  g_array_set_size (row->numeric, 0);
  return ok;
}

static gboolean
read_sheet (Workbook *wb, FerryRvtoolsBuilder *builder, FerryRvtoolsTab tab, Sheet *sheet,
            GError **error)
{
  g_autoptr (GsfInput) input = open_member (wb->zip, sheet->target);
  g_autofree char *where = NULL;
  Stream stream = { NULL };
  xmlTextReaderPtr reader;
  RowBuffer row;
  g_autoptr (GString) value = g_string_new (NULL);
  g_autofree char *cell_type = NULL;
  int cell_col = -1, next_col = 0, status;
  gboolean in_value = FALSE, in_cell = FALSE, ok = TRUE;
  g_autofree char *basename = g_file_get_basename (wb->file);

  if (input == NULL)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_DAMAGED,
                   _ ("The workbook “%s” is damaged: its %s sheet is missing"), basename,
                   sheet->name);
      return FALSE;
    }
  /* Translators: "the vInfo sheet of “export.xlsx”" */
  where = g_strdup_printf (_ ("The %s sheet of “%s”"), sheet->name, basename);
  _ferry_rvtools_builder_begin_tab (builder, tab, where);
  row.texts = g_ptr_array_new_with_free_func (g_free);
  row.numeric = g_array_new (FALSE, TRUE, sizeof (gboolean));
  row.cells = g_array_new (FALSE, FALSE, sizeof (FerryRvtoolsCell));

  reader = stream_open (&stream, wb->run, tab, input);
  while (ok && (status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = local_name (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (strcmp (name, "row") == 0)
            {
              next_col = 0;
              if (xmlTextReaderIsEmptyElement (reader))
                continue;
            }
          else if (strcmp (name, "c") == 0)
            {
              g_autofree char *ref = attribute (reader, "r");

              g_free (cell_type);
              cell_type = attribute (reader, "t");
              cell_col = column_of (ref);
              if (cell_col < 0)
                cell_col = next_col;
              next_col = cell_col + 1;
              g_string_truncate (value, 0);
              in_cell = !xmlTextReaderIsEmptyElement (reader);
            }
          else if (in_cell && (strcmp (name, "v") == 0 || strcmp (name, "t") == 0))
            in_value = !xmlTextReaderIsEmptyElement (reader);
          else if (in_cell && strcmp (name, "rPh") == 0)
            xmlTextReaderNext (reader);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
            in_value = FALSE;
          else if (strcmp (name, "c") == 0 && in_cell)
            {
              char *text = NULL;
              gboolean numeric = FALSE;

              in_cell = FALSE;
              if (g_strcmp0 (cell_type, "s") == 0)
                {
                  gint64 index;

                  if (_ferry_rvtools_parse_int (value->str, &index) && index >= 0
                      && index < wb->strings->len)
                    text = g_strdup (g_ptr_array_index (wb->strings, index));
                }
              else if (g_strcmp0 (cell_type, "e") == 0)
                text = NULL; /* #N/A and friends: no value */
              else
                {
                  numeric = cell_type == NULL || strcmp (cell_type, "n") == 0;
                  text = g_strdup (value->str);
                }
              row_set (&row, cell_col, text, numeric);
            }
          else if (strcmp (name, "row") == 0)
            ok = row_flush (&row, builder, error);
        }
      else if (in_value
               && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_CDATA))
        g_string_append (value, (const char *)xmlTextReaderConstValue (reader));
    }
  g_ptr_array_unref (row.texts);
  g_array_unref (row.numeric);
  g_array_unref (row.cells);
  if (!ok)
    {
      xmlFreeTextReader (reader);
      g_clear_error (&stream.error);
      g_free (stream.xml_error);
      return FALSE;
    }
  status = status < 0 ? -1 : 0;
  if (!stream_close_reader (&stream, reader, status, where, wb->file, error))
    return FALSE;
  return _ferry_rvtools_builder_end_tab (builder, error);
}

/* dcterms:created of docProps/core.xml, the workbook's creation date. */
static GDateTime *
read_created (Workbook *wb)
{
  g_autoptr (GsfInput) input = open_member (wb->zip, "docProps/core.xml");
  Stream stream = { NULL };
  xmlTextReaderPtr reader;
  GDateTime *date = NULL;
  gboolean in_created = FALSE;
  int status;

  if (input == NULL)
    return NULL;
  reader = stream_open (&stream, wb->run, FERRY_RVTOOLS_TAB_VINFO, input);
  while (date == NULL && (status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        in_created = g_strcmp0 (local_name (reader), "created") == 0;
      else if (in_created && type == XML_READER_TYPE_TEXT)
        {
          g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

          date = g_date_time_new_from_iso8601 ((const char *)xmlTextReaderConstValue (reader), utc);
        }
    }
  xmlFreeTextReader (reader);
  g_clear_error (&stream.error);
  g_free (stream.xml_error);
  return date;
}

static GDateTime *
file_mtime (GFile *file)
{
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return NULL;
  return g_date_time_new_from_unix_utc (
      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));
}

static void
workbook_clear (Workbook *wb)
{
  g_clear_object (&wb->zip);
  g_ptr_array_unref (wb->sheets);
  g_ptr_array_unref (wb->strings);
  g_string_chunk_free (wb->chunk);
  g_free (wb->shared_strings_target);
}

static FerryInventoryFacts *
read_workbook_tabs (Workbook *wb, GError **error)
{
  Sheet *by_tab[FERRY_RVTOOLS_N_TABS] = { NULL };
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *basename = g_file_get_basename (wb->file);
  gboolean any_rvtools = FALSE;
  g_autoptr (GDateTime) created = NULL;
  g_autoptr (FerryRvtoolsBuilder) builder = NULL;
  /* vMetaData first (the date), vInfo next (the VMs), then the tabs that refer to them. */
  static const FerryRvtoolsTab order[] = {
    FERRY_RVTOOLS_TAB_VMETADATA, FERRY_RVTOOLS_TAB_VINFO, FERRY_RVTOOLS_TAB_VNETWORK,
    FERRY_RVTOOLS_TAB_VSNAPSHOT, FERRY_RVTOOLS_TAB_VCD,   FERRY_RVTOOLS_TAB_VTOOLS,
  };

  if (!read_workbook (wb, error) || !read_relationships (wb, error))
    return NULL;
  for (guint i = 0; i < wb->sheets->len; i++)
    {
      Sheet *sheet = g_ptr_array_index (wb->sheets, i);
      FerryRvtoolsTab tab;

      if (sheet->name == NULL)
        continue;
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", sheet->name);
      any_rvtools |= _ferry_rvtools_is_rvtools_tab (sheet->name);
      if (_ferry_rvtools_tab_from_name (sheet->name, &tab) && by_tab[tab] == NULL)
        {
          if (sheet->target == NULL)
            sheet->target = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
          by_tab[tab] = sheet;
        }
    }
  if (!any_rvtools)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_NOT_RVTOOLS,
                   _ ("“%s” is not an RVTools export: its sheets are %s, and an export has vInfo, "
                      "vNetwork, vSnapshot and the other RVTools tabs"),
                   basename, names->len ? names->str : _ ("none"));
      return NULL;
    }
  if (by_tab[FERRY_RVTOOLS_TAB_VINFO] == NULL)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_MISSING_TAB,
                   _ ("The RVTools export “%s” has no vInfo sheet, the list of virtual machines "
                      "(its sheets: %s); export again with the vInfo tab"),
                   basename, names->str);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GsfInput *part = by_tab[order[i]] ? open_member (wb->zip, by_tab[order[i]]->target) : NULL;

      if (part != NULL)
        _ferry_rvtools_run_add_total (wb->run, gsf_input_size (part));
      g_clear_object (&part);
    }
  if (!read_shared_strings (wb, error))
    return NULL;

  created = read_created (wb);
  if (created == NULL)
    created = file_mtime (wb->file);
  builder = _ferry_rvtools_builder_new (basename, created);
  _ferry_rvtools_builder_set_date1904 (builder, wb->date1904);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (by_tab[order[i]] != NULL && !read_sheet (wb, builder, order[i], by_tab[order[i]], error))
      return NULL;
  return _ferry_rvtools_builder_finish (builder, error);
}

FerryInventoryFacts *
_ferry_rvtools_read_xlsx (FerryRvtoolsRun *run, GFile *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GsfInput) input = gsf_input_gio_new (file, &local_error);
  g_autofree char *basename = g_file_get_basename (file);
  Workbook wb = { run, file };
  FerryInventoryFacts *facts;

  if (input == NULL)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_READ,
                   _ ("“%s” cannot be read: %s"), basename, local_error->message);
      return NULL;
    }
  wb.zip = gsf_infile_zip_new (input, &local_error);
  if (wb.zip == NULL)
    {
      g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_DAMAGED,
                   _ ("The workbook “%s” is damaged or incomplete (%s); was it copied or "
                      "downloaded only in part?"),
                   basename, local_error ? local_error->message : _ ("not a readable zip archive"));
      return NULL;
    }
  wb.sheets = g_ptr_array_new_with_free_func (sheet_free);
  wb.strings = g_ptr_array_new ();
  wb.chunk = g_string_chunk_new (64 * 1024);
  facts = read_workbook_tabs (&wb, error);
  workbook_clear (&wb);
  return facts;
}

void
_ferry_rvtools_cfb_error (GFile *file, GError **error)
{
  g_autoptr (GsfInput) input = gsf_input_gio_new (file, NULL);
  g_autoptr (GsfInfile) ole = input ? gsf_infile_msole_new (input, NULL) : NULL;
  g_autoptr (GsfInput) package = ole ? gsf_infile_child_by_name (ole, "EncryptedPackage") : NULL;
  g_autofree char *basename = g_file_get_basename (file);

  if (package != NULL)
    g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_ENCRYPTED,
                 _ ("The workbook “%s” is password-protected; open it in Excel or LibreOffice, "
                    "save it without a password and import that copy"),
                 basename);
  else if (ole != NULL)
    g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_UNSUPPORTED,
                 _ ("“%s” is an Excel 97–2003 workbook (.xls); RVTools exports .xlsx: save it as "
                    ".xlsx or export again"),
                 basename);
  else
    g_set_error (error, FERRY_RVTOOLS_ERROR, FERRY_RVTOOLS_ERROR_DAMAGED,
                 _ ("“%s” looks like an Office document but is damaged or incomplete"), basename);
}
