/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-list.c: reading a list file of destination networks (libcsv) */

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "ferry-network-list.h"
#include "ferry-network-map-offline.h"

G_DEFINE_QUARK (ferry - network - list - error - quark, ferry_network_list_error)

/* ---- Text ---- */

/* @data as UTF-8 without a byte order mark. */
static char *
decode (const char *data, gsize len, const char *display_name, GError **error)
{
  const guint8 *b = (const guint8 *)data;

  if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff)))
    {
      g_autoptr (GError) local = NULL;
      char *text = g_convert (data, len, "UTF-8", "UTF-16", NULL, NULL, &local);

      if (text == NULL)
        g_set_error (error, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_NOT_TEXT,
                     _ ("“%s” is not a text file Ferry can read (%s)."), display_name,
                     local->message);
      else if (text[0] == (char)0xef && text[1] == (char)0xbb && text[2] == (char)0xbf)
        memmove (text, text + 3, strlen (text + 3) + 1);
      return text;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_NOT_TEXT,
                   _ ("“%s” is not a text file: choose a list of network names, one per line, "
                      "or a CSV file."),
                   display_name);
      return NULL;
    }
  if (g_utf8_validate (data, len, NULL))
    return g_strndup (data, len);
  /* Spreadsheets on Windows save their own code page. */
  {
    char *text = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

    return text != NULL ? text : g_utf8_make_valid (data, len);
  }
}

/* The separator of the first non-empty line outside quotes (',' ';' '\t'), or 0: a plain list. */
static char
sniff (const char *text)
{
  guint counts[3] = { 0 };
  const char seps[3] = { ',', ';', '\t' };
  gboolean quoted = FALSE, any = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          if (any)
            break;
          continue;
        }
      else if (!quoted)
        for (guint i = 0; i < 3; i++)
          if (*p == seps[i])
            counts[i]++;
      if (!g_ascii_isspace (*p))
        any = TRUE;
    }
  for (guint i = 1; i < 3; i++)
    if (counts[i] > counts[best])
      best = i;
  return counts[best] > 0 ? seps[best] : 0;
}

/* ---- Rows ---- */

enum
{
  COL_NAME,
  COL_TYPE,
  COL_VLAN,
  N_COLS
};

typedef struct
{
  const char *display_name;
  GPtrArray *fields; /* char*, the current record's */
  GPtrArray *networks;
  GHashTable *seen; /* casefolded names */
  int columns[N_COLS];
  guint row;
  gboolean header_checked;
  GError *error;
} Parse;

static gboolean
is_word (const char *cell, const char *const *words)
{
  g_autofree char *lower = g_strstrip (g_ascii_strdown (cell, -1));

  return g_strv_contains (words, lower);
}

/* A header row: its cells name the columns. */
static gboolean
read_header (Parse *parse)
{
  static const char *const name_words[] = { "name",     "network",     "network name",
                                            "networks", "destination", "destination network",
                                            NULL };
  static const char *const type_words[] = { "type", "network type", "kind", NULL };
  static const char *const vlan_words[] = { "vlan", "vlan id", "vlanid", "vlan_id", NULL };
  int columns[N_COLS] = { -1, -1, -1 };

  for (guint i = 0; i < parse->fields->len; i++)
    {
      const char *cell = g_ptr_array_index (parse->fields, i);

      if (is_word (cell, name_words) && columns[COL_NAME] < 0)
        columns[COL_NAME] = i;
      else if (is_word (cell, type_words) && columns[COL_TYPE] < 0)
        columns[COL_TYPE] = i;
      else if (is_word (cell, vlan_words) && columns[COL_VLAN] < 0)
        columns[COL_VLAN] = i;
    }
  if (columns[COL_NAME] < 0)
    return FALSE;
  memcpy (parse->columns, columns, sizeof columns);
  return TRUE;
}

static const char *
cell (Parse *parse, int column)
{
  int at = parse->columns[column];

  if (at < 0 || (guint)at >= parse->fields->len)
    return "";
  return g_ptr_array_index (parse->fields, at);
}

static void
bad_row (Parse *parse, const char *what)
{
  /* Translators: "“networks.csv”, row 4: …" */
  g_set_error (&parse->error, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_BAD_ROW,
               _ ("“%s”, row %u: %s. Nothing was added."), parse->display_name, parse->row, what);
}

static void
take_row (Parse *parse)
{
  g_autofree char *name = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *vlan_text = NULL;
  g_autofree char *folded = NULL;
  const char *type = NULL;
  guint64 vlan = 0;
  gboolean empty = TRUE;

  parse->row++;
  for (guint i = 0; i < parse->fields->len && empty; i++)
    empty = g_strstrip ((char *)g_ptr_array_index (parse->fields, i))[0] == '\0';
  if (empty || parse->error != NULL)
    return;
  if (!parse->header_checked)
    {
      parse->header_checked = TRUE;
      if (read_header (parse))
        return;
    }
  name = g_strdup (cell (parse, COL_NAME));
  type_text = g_strdup (cell (parse, COL_TYPE));
  vlan_text = g_strdup (cell (parse, COL_VLAN));
  if (name[0] == '\0')
    {
      bad_row (parse, _ ("it has no network name"));
      return;
    }
  if (!ferry_network_offline_type_from_text (type_text, &type))
    {
      g_autofree char *what = g_strdup_printf (
          _ ("“%s” is not a network type Ferry knows (write segment, port group, network or "
             "opaque, or leave it empty)"),
          type_text);

      bad_row (parse, what);
      return;
    }
  if (vlan_text[0] != '\0' && (!g_ascii_string_to_unsigned (vlan_text, 10, 0, 4094, &vlan, NULL)))
    {
      g_autofree char *what
          = g_strdup_printf (_ ("the VLAN “%s” is not a number from 1 to 4094"), vlan_text);

      bad_row (parse, what);
      return;
    }
  folded = g_utf8_casefold (name, -1);
  if (g_hash_table_contains (parse->seen, folded))
    return;
  g_hash_table_add (parse->seen, g_steal_pointer (&folded));
  g_ptr_array_add (parse->networks, ferry_network_offline_new (name, type, (guint)vlan));
}

static void
on_field (void *data, size_t len, void *user_data)
{
  Parse *parse = user_data;

  g_ptr_array_add (parse->fields, g_strndup (data != NULL ? data : "", len));
}

static void
on_record (int c, void *user_data)
{
  Parse *parse = user_data;

  take_row (parse);
  g_ptr_array_set_size (parse->fields, 0);
}

GPtrArray *
ferry_network_list_parse (const char *data, gsize len, const char *display_name, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) networks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  Parse parse = { display_name, fields, networks, seen, { COL_NAME, COL_TYPE, COL_VLAN } };
  char delim;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (len > FERRY_NETWORK_LIST_MAX_BYTES)
    {
      g_set_error (error, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_TOO_LARGE,
                   _ ("“%s” is too large for a list of networks (over 4 MiB)."), display_name);
      return NULL;
    }
  text = decode (data != NULL ? data : "", len, display_name, error);
  if (text == NULL)
    return NULL;
  delim = sniff (text);
  if (delim == 0)
    {
      /* One name per line. */
      g_auto (GStrv) lines = g_strsplit_set (text, "\r\n", -1);

      parse.columns[COL_TYPE] = parse.columns[COL_VLAN] = -1;
      for (guint i = 0; lines[i] != NULL && parse.error == NULL; i++)
        {
          char *line = g_strstrip (lines[i]);

          if (line[0] == '\0' || line[0] == '#')
            continue;
          g_ptr_array_add (fields, g_strdup (line));
          parse.header_checked = TRUE; /* a plain list has no header but "name" would be one */
          if (g_ascii_strcasecmp (line, "name") != 0 || parse.row > 0)
            take_row (&parse);
          else
            parse.row++;
          g_ptr_array_set_size (fields, 0);
        }
    }
  else
    {
      struct csv_parser parser;
      gsize n = strlen (text);

      if (csv_init (&parser, CSV_APPEND_NULL) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_strerror (ENOMEM));
          return NULL;
        }
      csv_set_delim (&parser, delim);
      if (csv_parse (&parser, text, n, on_field, on_record, &parse) != n)
        {
          g_set_error (error, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_BAD_ROW,
                       _ ("“%s” cannot be read as CSV (%s). Nothing was added."), display_name,
                       csv_strerror (csv_error (&parser)));
          csv_free (&parser);
          g_clear_error (&parse.error);
          return NULL;
        }
      csv_fini (&parser, on_field, on_record, &parse);
      csv_free (&parser);
    }
  if (parse.error != NULL)
    {
      g_propagate_error (error, parse.error);
      return NULL;
    }
  if (networks->len == 0)
    {
      g_set_error (error, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_EMPTY,
                   _ ("“%s” names no network: write one name per line, or CSV rows "
                      "“name,type,vlan”."),
                   display_name);
      return NULL;
    }
  return g_steal_pointer (&networks);
}

/* ---- Reading a file ---- */

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  GPtrArray *networks;
  gsize len = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &len, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_READ,
                                 _ ("“%s” cannot be read: %s"), name, error->message);
      return;
    }
  networks = ferry_network_list_parse (contents, len, name, &error);
  if (networks == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, networks, (GDestroyNotify)g_ptr_array_unref);
}

static void
info_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_READ,
                                 _ ("“%s” cannot be read: %s"), name, error->message);
      return;
    }
  /* Not a whole disk image into memory by mistake. */
  if (g_file_info_get_size (info) > FERRY_NETWORK_LIST_MAX_BYTES)
    {
      g_task_return_new_error (task, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_TOO_LARGE,
                               _ ("“%s” is too large for a list of networks (over 4 MiB)."), name);
      return;
    }
  g_file_load_contents_async (G_FILE (source), g_task_get_cancellable (task), loaded_cb,
                              g_object_ref (task));
}

void
ferry_network_list_read_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_network_list_read_async);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, cancellable, info_cb, g_object_ref (task));
}

GPtrArray *
ferry_network_list_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
