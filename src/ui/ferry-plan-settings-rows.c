/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-settings-rows.c: the settings panel's plan → rows side: reading the plan objects'
 * values (mixed or overridden across the targets), the schedule's local and UTC times, the
 * combo rows' choices, and refreshing each row (the panel and the widget → plan side are in
 * ferry-plan-settings.c) */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-plan-settings-private.h"

/* ---- Values ---- */

static const GValue *
peek (FerryPlanSettings *self, FerryPlanField field)
{
  if (self->targets != NULL)
    return ferry_plan_item_peek_value (self->targets->pdata[0], field);
  return ferry_plan_options_peek_value (ferry_plan_get_defaults (self->plan), field);
}

static gboolean
any_overridden (FerryPlanSettings *self, FerryPlanField field)
{
  for (guint i = 0; self->targets != NULL && i < self->targets->len; i++)
    if (ferry_plan_item_get_overridden (self->targets->pdata[i], field))
      return TRUE;
  return FALSE;
}

static gboolean
mixed (FerryPlanSettings *self, FerryPlanField field)
{
  const GValue *first = peek (self, field);

  for (guint i = 1; self->targets != NULL && i < self->targets->len; i++)
    if (!ferry_plan_field_values_equal (
            field, first, ferry_plan_item_peek_value (self->targets->pdata[i], field)))
      return TRUE;
  return FALSE;
}

void
_ferry_plan_settings_write_value (FerryPlanSettings *self, FerryPlanField field,
                                  const GValue *value)
{
  if (self->syncing)
    return;
  if (self->targets == NULL)
    ferry_plan_options_set_value (ferry_plan_get_defaults (self->plan), field, value);
  else
    ferry_plan_override (self->plan, (FerryPlanItem **)self->targets->pdata, self->targets->len,
                         field, value);
}

static FerryMigrationType
current_type (FerryPlanSettings *self)
{
  return g_value_get_enum (peek (self, FERRY_PLAN_FIELD_MIGRATION_TYPE));
}

/* ---- Time ---- */

static char *
format_local (gint64 ms)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (ms <= 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
format_utc (gint64 ms)
{
  g_autoptr (GDateTime) utc = NULL;

  if (ms <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  return utc != NULL ? g_date_time_format (utc, "%Y-%m-%d %H:%M UTC") : NULL;
}

/* "YYYY-MM-DD HH:MM" in local time → epoch ms; 0 for empty; -1 when unreadable. */
gint64
_ferry_plan_settings_parse_local (const char *text)
{
  int y, mo, d, h, mi;
  char tail;
  g_autoptr (GDateTime) local = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return 0;
  if (sscanf (text, "%d-%d-%d %d:%d %c", &y, &mo, &d, &h, &mi, &tail) != 5)
    return -1;
  local = g_date_time_new_local (y, mo, d, h, mi, 0);
  if (local == NULL)
    return -1;
  return g_date_time_to_unix (local) * 1000;
}

/* ---- Row updates ---- */

const char *
_ferry_plan_settings_object_name (gpointer object)
{
  if (FERRY_IS_CONTAINER (object))
    return ferry_container_get_name (object);
  if (FERRY_IS_DATASTORE (object))
    return ferry_datastore_get_name (object);
  if (FERRY_IS_STORAGE_PROFILE (object))
    return ferry_storage_profile_get_name (object);
  return NULL;
}

static char *
choice_label (gpointer object)
{
  if (FERRY_IS_DATASTORE (object) && ferry_datastore_get_free_bytes (object) >= 0)
    {
      g_autofree char *free_text = g_format_size (ferry_datastore_get_free_bytes (object));

      /* TRANSLATORS: a datastore and its free space: "vsanDatastore (12.3 TB free)" */
      return g_strdup_printf (ferry_datastore_get_is_cluster (object) ? _ ("%s (cluster, %s free)")
                                                                      : _ ("%s (%s free)"),
                              ferry_datastore_get_name (object), free_text);
    }
  return g_strdup (_ferry_plan_settings_object_name (object) != NULL
                       ? _ferry_plan_settings_object_name (object)
                       : "?");
}

void
_ferry_plan_settings_fill_combo (FerryPlanSettings *self, FerryPlanField field)
{
  GPtrArray *choices = self->choices[field];
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, field == FERRY_PLAN_FIELD_STORAGE_POLICY ? _ ("Datastore Default")
                                                                         : _ ("Not Set"));
  for (guint i = 1; i < choices->len; i++)
    {
      g_autofree char *label = choice_label (choices->pdata[i]);

      gtk_string_list_append (list, label);
    }
  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[field]), G_LIST_MODEL (list));
  self->syncing = FALSE;
}

/* The combo position of @object, adding it as a choice when the destination's lists do not
 * have it (a plan loaded before they arrived). */
static guint
choice_position (FerryPlanSettings *self, FerryPlanField field, gpointer object)
{
  GPtrArray *choices = self->choices[field];
  g_auto (GValue) a = G_VALUE_INIT;
  g_auto (GValue) b = G_VALUE_INIT;

  if (object == NULL)
    return 0;
  g_value_init (&a, ferry_plan_field_get_value_type (field));
  g_value_init (&b, ferry_plan_field_get_value_type (field));
  g_value_set_object (&a, object);
  for (guint i = 1; i < choices->len; i++)
    {
      g_value_set_object (&b, choices->pdata[i]);
      if (ferry_plan_field_values_equal (field, &a, &b))
        return i;
    }
  g_ptr_array_add (choices, g_object_ref (object));
  _ferry_plan_settings_fill_combo (self, field);
  return choices->len - 1;
}

static char *
value_text (FerryPlanSettings *self, FerryPlanField field, const GValue *v)
{
  GType type = G_VALUE_TYPE (v);

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (v) ? _ ("On") : _ ("Off"));
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (v) > 0 ? format_local (g_value_get_int64 (v))
                                     : g_strdup (_ ("As soon as possible"));
  if (type == FERRY_TYPE_MIGRATION_TYPE)
    return g_strdup (ferry_migration_type_get_title (g_value_get_enum (v)));
  if (type == FERRY_TYPE_DISK_PROVISION)
    return g_strdup (ferry_disk_provision_get_title (g_value_get_enum (v)));
  if (g_value_get_object (v) != NULL)
    return g_strdup (_ferry_plan_settings_object_name (g_value_get_object (v)));
  return g_strdup (field == FERRY_PLAN_FIELD_STORAGE_POLICY ? _ ("Datastore Default")
                                                            : _ ("Not Set"));
}

void
_ferry_plan_settings_refresh_field (FerryPlanSettings *self, FerryPlanField field)
{
  GtkWidget *row = self->rows[field];
  const GValue *v = peek (self, field);
  const char *reason = NULL;
  gboolean applies = ferry_plan_field_applies_to (field, current_type (self), &reason);
  gboolean overridden = any_overridden (self, field);
  g_autofree char *subtitle = NULL;
  GType type;

  if (row == NULL)
    return;
  type = G_VALUE_TYPE (v);

  self->syncing = TRUE;
  if (type == G_TYPE_BOOLEAN)
    gtk_switch_set_active (GTK_SWITCH (self->controls[field]), g_value_get_boolean (v));
  else if (type == G_TYPE_INT64)
    {
      g_autofree char *text = format_local (g_value_get_int64 (v));
      GtkEditable *entry = GTK_EDITABLE (self->controls[field]);

      if (_ferry_plan_settings_parse_local (gtk_editable_get_text (entry)) != g_value_get_int64 (v))
        gtk_editable_set_text (entry, text);
    }
  else if (type == FERRY_TYPE_MIGRATION_TYPE)
    {
      guint pos = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < self->types->len; i++)
        if (g_array_index (self->types, FerryMigrationType, i) == (guint)g_value_get_enum (v))
          pos = i;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), pos);
    }
  else if (type == FERRY_TYPE_DISK_PROVISION)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_value_get_enum (v));
  else
    adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                choice_position (self, field, g_value_get_object (v)));
  self->syncing = FALSE;

  /* What the row says under its title. */
  if (!applies)
    subtitle = g_strdup (reason);
  else if (type == FERRY_TYPE_MIGRATION_TYPE
           && !ferry_plan_type_allowed (self->plan, g_value_get_enum (v), &reason))
    subtitle = g_strdup_printf (_ ("Not available for this site pair: %s"),
                                reason != NULL ? reason : "");
  else if (self->targets != NULL && mixed (self, field))
    subtitle = g_strdup (_ ("Mixed: the selected VMs differ"));
  else if (self->targets != NULL && overridden)
    subtitle = g_strdup (_ ("Overridden for this VM"));
  else if (self->targets != NULL)
    {
      g_autofree char *text = value_text (self, field, v);

      subtitle = g_strdup_printf (_ ("Default: %s"), text);
    }
  else if (type == G_TYPE_INT64)
    subtitle = format_utc (g_value_get_int64 (v));

  if (type == G_TYPE_INT64 && applies && g_value_get_int64 (v) > 0 && self->targets != NULL)
    {
      g_autofree char *utc = format_utc (g_value_get_int64 (v));
      char *joined = g_strdup_printf ("%s · %s", subtitle, utc);

      g_free (subtitle);
      subtitle = joined;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_widget_set_sensitive (self->controls[field] == row ? row : self->controls[field], applies);
  if (self->controls[field] != row)
    gtk_widget_set_sensitive (row, TRUE);
  gtk_widget_set_tooltip_text (row, applies ? NULL : reason);

  if (self->targets != NULL && !overridden)
    gtk_widget_add_css_class (row, "inherited");
  else
    gtk_widget_remove_css_class (row, "inherited");
  if (self->targets != NULL && overridden)
    gtk_widget_add_css_class (row, "overridden");
  else
    gtk_widget_remove_css_class (row, "overridden");
  if (self->resets[field] != NULL)
    gtk_widget_set_visible (self->resets[field], self->targets != NULL && overridden);
}

/* Offline: the name typed (or saved) for a placement field. */
static void
refresh_name_row (FerryPlanSettings *self, FerryPlanField field)
{
  GtkWidget *row = self->name_rows[field];
  const GValue *v;
  const char *name;
  g_autofree char *typed = NULL;
  gboolean overridden;

  if (row == NULL)
    return;
  gtk_widget_set_visible (row, self->offline);
  gtk_widget_set_visible (self->rows[field], !self->offline);
  if (!self->offline)
    return;
  v = peek (self, field);
  name = g_value_get_object (v) != NULL ? _ferry_plan_settings_object_name (g_value_get_object (v))
                                        : NULL;
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (g_strcmp0 (typed, name != NULL ? name : "") != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (row), name != NULL ? name : "");
      self->syncing = FALSE;
    }
  overridden = any_overridden (self, field);
  if (self->targets != NULL && !overridden)
    gtk_widget_add_css_class (row, "inherited");
  else
    gtk_widget_remove_css_class (row, "inherited");
  if (self->targets != NULL && overridden)
    gtk_widget_add_css_class (row, "overridden");
  else
    gtk_widget_remove_css_class (row, "overridden");
  gtk_widget_set_visible (self->name_resets[field], self->targets != NULL && overridden);
}

void
_ferry_plan_settings_refresh (FerryPlanSettings *self)
{
  for (guint f = 0; f < FERRY_PLAN_N_FIELDS; f++)
    {
      _ferry_plan_settings_refresh_field (self, f);
      refresh_name_row (self, f);
    }
}

void
_ferry_plan_settings_plan_changed_cb (FerryPlanSettings *self)
{
  _ferry_plan_settings_refresh (self);
}
