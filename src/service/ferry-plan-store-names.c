/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store-names.c: VM names from a pasted list or a CSV's first column */

#include "config.h"

#include <string.h>

#include "ferry-plan-store.h"

static gboolean
is_header (const char *cell)
{
  static const char *const headers[]
      = { "vm", "name", "vm name", "vminfovmname", "vinfovmname", "virtual machine", NULL };
  g_autofree char *lower = g_utf8_strdown (cell, -1);

  return g_strv_contains (headers, lower);
}

/* The separator of a CSV line: the first of , ; or tab outside quotes, or 0 for a plain list. */
static char
detect_separator (const char *line, gsize len)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (!quoted && (line[i] == ',' || line[i] == ';' || line[i] == '\t'))
        return line[i];
    }
  return 0;
}

/* The first cell of the record at *p (RFC 4180 quotes; a quoted cell may span lines); moves
 * *p past the record's end. */
static char *
first_cell (const char **p, const char *end, char sep)
{
  g_autoptr (GString) cell = g_string_new (NULL);
  const char *s = *p;
  guint field = 0;
  gboolean quoted = FALSE, at_start = TRUE;

  while (s < end)
    {
      char c = *s;

      if (quoted)
        {
          if (c == '"' && s + 1 < end && s[1] == '"')
            {
              if (field == 0)
                g_string_append_c (cell, '"');
              s += 2;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              s++;
            }
          else
            {
              if (field == 0)
                g_string_append_c (cell, c);
              s++;
            }
          continue;
        }
      if (at_start && c == '"')
        {
          quoted = TRUE;
          at_start = FALSE;
          s++;
          continue;
        }
      if (c == '\n' || c == '\r')
        break;
      if (sep != 0 && c == sep)
        {
          field++;
          at_start = TRUE;
          s++;
          continue;
        }
      at_start = FALSE;
      if (field == 0)
        g_string_append_c (cell, c);
      s++;
    }
  while (s < end && (*s == '\r' || *s == '\n'))
    s++;
  *p = s;
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

GStrv
ferry_plan_parse_names (const char *text, gssize length)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p, *end, *eol;
  gboolean first = TRUE;
  char sep;

  if (text == NULL)
    return g_strv_builder_end (names);
  if (length < 0)
    length = (gssize)strlen (text);
  p = text;
  end = text + length;
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  eol = memchr (p, '\n', (gsize)(end - p));
  sep = detect_separator (p, (gsize)((eol != NULL ? eol : end) - p));

  while (p < end)
    {
      g_autofree char *raw = first_cell (&p, end, sep);
      char *cell;

      if (!g_utf8_validate (raw, -1, NULL))
        {
          char *valid = g_utf8_make_valid (raw, -1);

          g_free (raw);
          raw = valid;
        }
      cell = g_strstrip (raw);
      if (cell[0] == '\0')
        continue;
      if (first && is_header (cell))
        {
          first = FALSE;
          continue;
        }
      first = FALSE;
      if (g_hash_table_contains (seen, cell))
        continue;
      g_hash_table_add (seen, g_strdup (cell));
      g_strv_builder_add (names, cell);
    }
  return g_strv_builder_end (names);
}
