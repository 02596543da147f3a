/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-migration-report.c: the CSV report (see the header for the format). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-migration-report.h"

const char *
ferry_migration_type_get_label (const char *migration_type)
{
  static const struct
  {
    const char *wire;
    const char *label;
  } types[] = {
    { "vSphereReplication", N_ ("Bulk Migration") },
    { "vMotion", N_ ("HCX vMotion") },
    { "ColdMigration", N_ ("Cold Migration") },
    { "RAV", N_ ("Replication Assisted vMotion") },
    { "OsAssistedMigration", N_ ("OS Assisted Migration") },
  };

  if (migration_type == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].wire, migration_type) == 0)
      return _ (types[i].label);
  return migration_type;
}

void
ferry_csv_append_field (GString *out, const char *field)
{
  gboolean formula;

  if (field == NULL || field[0] == '\0')
    return;
  formula = strchr ("=+-@", field[0]) != NULL || field[0] == '\t' || field[0] == '\r';
  if (!formula && strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_time (GString *out, gint64 ms)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (ms <= 0)
    return;
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  if (utc == NULL)
    return;
  local = g_date_time_to_local (utc);
  text = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_string_append (out, text);
}

static void
append_int (GString *out, gint64 value)
{
  if (value >= 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* The server's error messages: the migration's own and the event log's, each once. */
static char *
collect_errors (FerryMigration *m)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  GListModel *events = ferry_migration_get_events (m);
  const char *own = ferry_migration_get_error_message (m);
  guint n = g_list_model_get_n_items (events);

  if (own != NULL && own[0] != '\0')
    g_ptr_array_add (seen, (gpointer)own);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigrationEvent) e = g_list_model_get_item (events, i);
      const char *text = ferry_migration_event_get_error_message (e);
      gboolean dup = FALSE;

      if (text == NULL || text[0] == '\0')
        continue;
      for (guint j = 0; j < seen->len && !dup; j++)
        dup = strcmp (seen->pdata[j], text) == 0;
      if (!dup)
        g_ptr_array_add (seen, (gpointer)text);
    }
  g_ptr_array_add (seen, NULL);
  return g_strjoinv ("\n", (char **)seen->pdata);
}

char *
ferry_migration_report_to_csv (GListModel *migrations, FerryMigrationTracker *tracker)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint n;
  const char *headers[]
      = { N_ ("VM"),          N_ ("Type"),  N_ ("State"),    N_ ("Plan"),
          N_ ("Start"),       N_ ("End"),   N_ ("Duration"), N_ ("Bytes Transferred"),
          N_ ("Total Bytes"), N_ ("Errors") };

  g_return_val_if_fail (G_IS_LIST_MODEL (migrations), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ferry_csv_append_field (out, _ (headers[i]));
    }
  g_string_append (out, "\r\n");

  n = g_list_model_get_n_items (migrations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);
      g_autofree char *errors = collect_errors (m);
      const char *name = ferry_migration_get_entity_name (m);
      gint64 start = ferry_migration_get_start_time (m);
      gint64 end = ferry_migration_get_end_time (m);

      ferry_csv_append_field (out, name != NULL ? name : ferry_migration_get_entity_id (m));
      g_string_append_c (out, ',');
      ferry_csv_append_field (
          out, ferry_migration_type_get_label (ferry_migration_get_migration_type (m)));
      g_string_append_c (out, ',');
      ferry_csv_append_field (out, ferry_migration_get_state (m));
      g_string_append_c (out, ',');
      if (tracker != NULL)
        ferry_csv_append_field (out, ferry_migration_tracker_get_plan_name (tracker, m));
      g_string_append_c (out, ',');
      append_time (out, start);
      g_string_append_c (out, ',');
      append_time (out, end);
      g_string_append_c (out, ',');
      if (start > 0 && end >= start)
        {
          gint64 s = (end - start) / 1000;

          g_string_append_printf (out, "%" G_GINT64_FORMAT ":%02d:%02d", s / 3600,
                                  (int)(s / 60 % 60), (int)(s % 60));
        }
      g_string_append_c (out, ',');
      append_int (out, ferry_migration_get_bytes_transferred (m));
      g_string_append_c (out, ',');
      append_int (out, ferry_migration_get_total_bytes (m));
      g_string_append_c (out, ',');
      ferry_csv_append_field (out, errors);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static void
on_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ferry_migration_report_write_async (GListModel *migrations, FerryMigrationTracker *tracker,
                                    GFile *file, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GBytes) bytes = NULL;
  char *csv;

  g_return_if_fail (G_IS_LIST_MODEL (migrations));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_migration_report_write_async);
  csv = ferry_migration_report_to_csv (migrations, tracker);
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, on_written, g_steal_pointer (&task));
}

gboolean
ferry_migration_report_write_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
