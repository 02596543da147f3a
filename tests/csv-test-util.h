/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv-test-util.h: reading back the CSV report in tests (test-tracker, test-wizard-review). */
#pragma once

#include <glib.h>

/* A strict RFC 4180 reader for the checks: rows of fields. */
static G_GNUC_UNUSED GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0'); /* closed */
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, '"'), p += 2;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_true (p[1] == '\n'); /* CRLF only */
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_true (*p != '\n'); /* a bare LF only inside quotes */
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (row->len, ==, 0); /* the last line ends with CRLF */
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static G_GNUC_UNUSED const char *
cell (GPtrArray *rows, guint r, guint c)
{
  GPtrArray *row = rows->pdata[r];

  g_assert_cmpuint (c, <, row->len);
  return row->pdata[c];
}
