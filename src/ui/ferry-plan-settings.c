/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-settings.c: the defaults panel and the per-VM override panel (one class, two
 * modes). The rows come from the plan's field table; each reads the plan objects and writes
 * back through them on every change (overrides for all targets at once), so nothing is copied
 * and kept aside. */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-plan-settings.h"

struct _FerryPlanSettings
{
  GtkBox parent_instance;

  FerryPlan *plan;
  GPtrArray *targets;                      /* FerryPlanItem (strong); NULL = the defaults */
  GPtrArray *choices[FERRY_PLAN_N_FIELDS]; /* object fields: NULL first, then the objects */
  GArray *types;                           /* FerryMigrationType per combo position */
  GtkWidget *rows[FERRY_PLAN_N_FIELDS];
  GtkWidget *controls[FERRY_PLAN_N_FIELDS]; /* GtkSwitch, GtkEntry, or the combo row itself */
  GtkWidget *resets[FERRY_PLAN_N_FIELDS];
  GtkWidget *name_rows[FERRY_PLAN_N_FIELDS]; /* offline: placement typed by name */
  GtkWidget *name_resets[FERRY_PLAN_N_FIELDS];
  AdwPreferencesGroup *placement_group;
  GtkWidget *unavailable_row;
  GtkWidget *snapshot_note;
  gboolean overrides;
  gboolean offline;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (FerryPlanSettings, ferry_plan_settings, GTK_TYPE_BOX)

static void
refresh (FerryPlanSettings *self);

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

static void
write_value (FerryPlanSettings *self, FerryPlanField field, const GValue *value)
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
static gint64
parse_local (const char *text)
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

static const char *
object_name (gpointer object)
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
  return g_strdup (object_name (object) != NULL ? object_name (object) : "?");
}

static void
fill_combo (FerryPlanSettings *self, FerryPlanField field)
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
  fill_combo (self, field);
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
    return g_strdup (object_name (g_value_get_object (v)));
  return g_strdup (field == FERRY_PLAN_FIELD_STORAGE_POLICY ? _ ("Datastore Default")
                                                            : _ ("Not Set"));
}

static void
refresh_field (FerryPlanSettings *self, FerryPlanField field)
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

      if (parse_local (gtk_editable_get_text (entry)) != g_value_get_int64 (v))
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
  name = g_value_get_object (v) != NULL ? object_name (g_value_get_object (v)) : NULL;
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

static void
refresh (FerryPlanSettings *self)
{
  for (guint f = 0; f < FERRY_PLAN_N_FIELDS; f++)
    {
      refresh_field (self, f);
      refresh_name_row (self, f);
    }
}

static void
plan_changed_cb (FerryPlanSettings *self)
{
  refresh (self);
}

/* ---- Widget → plan ---- */

static void
switch_active_cb (GtkSwitch *sw, GParamSpec *pspec, FerryPlanSettings *self)
{
  FerryPlanField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "ferry-field"));
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, gtk_switch_get_active (sw));
  write_value (self, field, &v);
}

static void
entry_changed_cb (GtkEditable *entry, FerryPlanSettings *self)
{
  FerryPlanField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "ferry-field"));
  gint64 ms = parse_local (gtk_editable_get_text (entry));
  g_auto (GValue) v = G_VALUE_INIT;

  if (self->syncing)
    return;
  if (ms < 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[field]),
                                   _ ("Type the date and time as YYYY-MM-DD HH:MM, in your "
                                      "time zone."));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, ms);
  write_value (self, field, &v);
  refresh_field (self, field);
}

/* Offline placement: a container or datastore known by its name only (no id until the
 * destination's inventory is read, see resolve_names()). */
static void
name_changed_cb (GtkEditable *entry, FerryPlanSettings *self)
{
  FerryPlanField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "ferry-field"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_auto (GValue) v = G_VALUE_INIT;

  if (self->syncing)
    return;
  g_value_init (&v, ferry_plan_field_get_value_type (field));
  if (name[0] != '\0' && field == FERRY_PLAN_FIELD_DATASTORE)
    {
      g_autoptr (FerryDatastore) ds = ferry_datastore_new ();

      ferry_datastore_set_name (ds, name);
      ferry_datastore_set_free_bytes (ds, -1);
      ferry_datastore_set_capacity_bytes (ds, -1);
      g_value_set_object (&v, ds);
    }
  else if (name[0] != '\0')
    {
      g_autoptr (FerryContainer) c = ferry_container_new ();

      ferry_container_set_name (c, name);
      ferry_container_set_entity_type (c, field == FERRY_PLAN_FIELD_CLUSTER  ? "cluster"
                                          : field == FERRY_PLAN_FIELD_FOLDER ? "folder"
                                                                             : "resourcePool");
      g_value_set_object (&v, c);
    }
  write_value (self, field, &v);
}

static void
combo_selected_cb (AdwComboRow *row, GParamSpec *pspec, FerryPlanSettings *self)
{
  FerryPlanField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ferry-field"));
  guint pos = adw_combo_row_get_selected (row);
  g_auto (GValue) v = G_VALUE_INIT;

  if (self->syncing || pos == GTK_INVALID_LIST_POSITION)
    return;
  g_value_init (&v, ferry_plan_field_get_value_type (field));
  if (field == FERRY_PLAN_FIELD_MIGRATION_TYPE)
    {
      if (pos >= self->types->len)
        return;
      g_value_set_enum (&v, g_array_index (self->types, FerryMigrationType, pos));
    }
  else if (field == FERRY_PLAN_FIELD_DISK_PROVISION)
    g_value_set_enum (&v, pos);
  else
    {
      if (pos >= self->choices[field]->len)
        return;
      g_value_set_object (&v, self->choices[field]->pdata[pos]);
    }
  write_value (self, field, &v);
}

static void
reset_clicked_cb (GtkButton *button, FerryPlanSettings *self)
{
  FerryPlanField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ferry-field"));

  if (self->targets != NULL)
    ferry_plan_reset (self->plan, (FerryPlanItem **)self->targets->pdata, self->targets->len,
                      field);
}

/* ---- Building ---- */

static void
unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
add_reset (FerryPlanSettings *self, FerryPlanField field, GtkWidget *row)
{
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  g_autofree char *label
      = g_strdup_printf (_ ("Reset %s to Default"), ferry_plan_field_get_title (field));

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _ ("Reset to Default"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_name (reset, "reset");
  gtk_widget_set_visible (reset, FALSE);
  g_object_set_data (G_OBJECT (reset), "ferry-field", GINT_TO_POINTER (field));
  g_signal_connect (reset, "clicked", G_CALLBACK (reset_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  self->resets[field] = reset;
}

static void
add_name_row (FerryPlanSettings *self, AdwPreferencesGroup *group, FerryPlanField field)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  g_autofree char *name = g_strdup_printf ("%s-name", ferry_plan_field_get_name (field));
  g_autofree char *label
      = g_strdup_printf (_ ("Reset %s to Default"), ferry_plan_field_get_title (field));
  /* TRANSLATORS: an entry's title for placement typed by name, e.g. "Cluster Name" */
  g_autofree char *title = g_strdup_printf (_ ("%s Name"), ferry_plan_field_get_title (field));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_widget_set_visible (row, FALSE);
  g_object_set_data (G_OBJECT (row), "ferry-field", GINT_TO_POINTER (field));
  g_signal_connect (row, "changed", G_CALLBACK (name_changed_cb), self);

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _ ("Reset to Default"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (reset, FALSE);
  g_object_set_data (G_OBJECT (reset), "ferry-field", GINT_TO_POINTER (field));
  g_signal_connect (reset, "clicked", G_CALLBACK (reset_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), reset);
  adw_preferences_group_add (group, row);
  self->name_rows[field] = row;
  self->name_resets[field] = reset;
}

static GtkWidget *
add_row (FerryPlanSettings *self, AdwPreferencesGroup *group, FerryPlanField field)
{
  GType type = ferry_plan_field_get_value_type (field);
  GtkWidget *row;

  if (type == G_TYPE_BOOLEAN)
    {
      GtkWidget *sw = gtk_switch_new ();

      row = adw_action_row_new ();
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (sw), "ferry-field", GINT_TO_POINTER (field));
      g_signal_connect (sw, "notify::active", G_CALLBACK (switch_active_cb), self);
      /* Named by its row: libadwaita labels an activatable widget by the row's title (a label
       * of its own too would be read twice). */
      add_reset (self, field, row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      self->controls[field] = sw;
    }
  else if (type == G_TYPE_INT64)
    {
      GtkWidget *entry = gtk_entry_new ();

      row = adw_action_row_new ();
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("YYYY-MM-DD HH:MM"));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
      g_object_set_data (G_OBJECT (entry), "ferry-field", GINT_TO_POINTER (field));
      g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ferry_plan_field_get_title (field), -1);
      add_reset (self, field, row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      self->controls[field] = entry;
    }
  else
    {
      row = adw_combo_row_new ();
      g_object_set_data (G_OBJECT (row), "ferry-field", GINT_TO_POINTER (field));
      add_reset (self, field, row);
      self->controls[field] = row;
      if (type == FERRY_TYPE_DISK_PROVISION)
        {
          const char *titles[]
              = { ferry_disk_provision_get_title (0), ferry_disk_provision_get_title (1),
                  ferry_disk_provision_get_title (2), NULL };
          g_autoptr (GtkStringList) list = gtk_string_list_new (titles);

          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
        }
      else if (type != FERRY_TYPE_MIGRATION_TYPE)
        {
          self->choices[field] = g_ptr_array_new_with_free_func (unref0);
          g_ptr_array_add (self->choices[field], NULL);
          self->rows[field] = row;
          fill_combo (self, field);
        }
      g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ferry_plan_field_get_title (field));
  gtk_widget_set_name (row, ferry_plan_field_get_name (field));
  adw_preferences_group_add (group, row);
  self->rows[field] = row;
  if (field == FERRY_PLAN_FIELD_CLUSTER || field == FERRY_PLAN_FIELD_FOLDER
      || field == FERRY_PLAN_FIELD_DATASTORE)
    add_name_row (self, group, field);
  return row;
}

void
ferry_plan_settings_update_types (FerryPlanSettings *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *expander = self->unavailable_row;
  GtkWidget *child;
  guint n_unavailable = 0;

  g_return_if_fail (FERRY_IS_PLAN_SETTINGS (self));

  g_array_set_size (self->types, 0);
  /* The expander's rows are rebuilt: remove the old ones. */
  while ((child = g_object_get_data (G_OBJECT (expander), "ferry-first")) != NULL)
    {
      g_object_set_data (G_OBJECT (expander), "ferry-first",
                         g_object_get_data (G_OBJECT (child), "ferry-next"));
      adw_expander_row_remove (ADW_EXPANDER_ROW (expander), child);
    }
  for (guint t = 0; t < FERRY_N_MIGRATION_TYPES; t++)
    {
      const char *reason = NULL;

      if (ferry_plan_type_allowed (self->plan, t, &reason))
        {
          g_array_append_val (self->types, t);
          gtk_string_list_append (list, ferry_migration_type_get_title (t));
        }
      else
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         ferry_migration_type_get_title (t));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason != NULL ? reason : "");
          g_object_set_data (G_OBJECT (row), "ferry-next",
                             g_object_get_data (G_OBJECT (expander), "ferry-first"));
          g_object_set_data (G_OBJECT (expander), "ferry-first", row);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          n_unavailable++;
        }
    }
  gtk_widget_set_visible (expander, n_unavailable > 0);
  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FERRY_PLAN_FIELD_MIGRATION_TYPE]),
                           G_LIST_MODEL (list));
  self->syncing = FALSE;
  refresh (self);
}

static void
set_choices (FerryPlanSettings *self, FerryPlanField field, GListModel *model,
             const char *entity_type)
{
  GPtrArray *choices = self->choices[field];
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  g_ptr_array_set_size (choices, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) object = g_list_model_get_item (model, i);

      if (entity_type != NULL
          && g_ascii_strcasecmp (ferry_container_get_entity_type (FERRY_CONTAINER (object)),
                                 entity_type)
                 != 0)
        continue;
      g_ptr_array_add (choices, g_object_ref (object));
    }
  fill_combo (self, field);
}

/* The destination's object named @object's name, for placement typed offline. */
static gpointer
find_by_name (FerryPlanSettings *self, FerryPlanField field, gpointer object)
{
  GPtrArray *choices = self->choices[field];
  const char *id = FERRY_IS_CONTAINER (object)   ? ferry_container_get_id (object)
                   : FERRY_IS_DATASTORE (object) ? ferry_datastore_get_id (object)
                                                 : "";

  if (object == NULL || id != NULL)
    return NULL;
  for (guint i = 1; i < choices->len; i++)
    if (g_strcmp0 (object_name (choices->pdata[i]), object_name (object)) == 0)
      return choices->pdata[i];
  return NULL;
}

/* A plan made offline names its placement: once the destination's lists are known, each name
 * becomes the destination's object of that name (in the defaults and in every override). */
static void
resolve_names (FerryPlanSettings *self)
{
  static const FerryPlanField fields[]
      = { FERRY_PLAN_FIELD_CLUSTER, FERRY_PLAN_FIELD_FOLDER, FERRY_PLAN_FIELD_DATASTORE };
  FerryPlanOptions *defaults = ferry_plan_get_defaults (self->plan);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));

  ferry_plan_begin_changes (self->plan);
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      gpointer match
          = find_by_name (self, fields[f], ferry_plan_options_get_object (defaults, fields[f]));

      if (match != NULL)
        ferry_plan_options_set_object (defaults, fields[f], match);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);
          g_auto (GValue) v = G_VALUE_INIT;

          if (!ferry_plan_item_get_overridden (item, fields[f]))
            continue;
          match = find_by_name (self, fields[f], ferry_plan_item_get_object (item, fields[f]));
          if (match == NULL)
            continue;
          g_value_init (&v, ferry_plan_field_get_value_type (fields[f]));
          g_value_set_object (&v, match);
          ferry_plan_override (self->plan, (FerryPlanItem **)&item, 1, fields[f], &v);
        }
    }
  ferry_plan_end_changes (self->plan);
}

void
ferry_plan_settings_set_offline (FerryPlanSettings *self, gboolean offline)
{
  g_return_if_fail (FERRY_IS_PLAN_SETTINGS (self));

  offline = !!offline;
  if (self->offline == offline)
    return;
  self->offline = offline;
  adw_preferences_group_set_description (
      self->placement_group,
      offline && !self->overrides
          ? _ ("With no connection the destination’s inventory is not known: type the names of "
               "the cluster, folder and datastore. They are matched with the destination when "
               "you connect.")
          : NULL);
  refresh (self);
}

void
ferry_plan_settings_set_destination (FerryPlanSettings *self, GListModel *containers,
                                     GListModel *datastores, GListModel *policies)
{
  g_return_if_fail (FERRY_IS_PLAN_SETTINGS (self));

  set_choices (self, FERRY_PLAN_FIELD_CLUSTER, containers, "cluster");
  set_choices (self, FERRY_PLAN_FIELD_RESOURCE_POOL, containers, "resourcePool");
  set_choices (self, FERRY_PLAN_FIELD_FOLDER, containers, "folder");
  set_choices (self, FERRY_PLAN_FIELD_DATASTORE, datastores, NULL);
  set_choices (self, FERRY_PLAN_FIELD_STORAGE_POLICY, policies, NULL);
  if (!self->overrides)
    resolve_names (self);
  refresh (self);
}

void
ferry_plan_settings_set_targets (FerryPlanSettings *self, GPtrArray *items)
{
  g_return_if_fail (FERRY_IS_PLAN_SETTINGS (self));

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  if (items != NULL && items->len > 0)
    {
      self->targets = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (self->targets, g_object_ref (items->pdata[i]));
    }
  gtk_widget_set_visible (self->snapshot_note, !self->overrides);
  refresh (self);
}

GtkWidget *
ferry_plan_settings_get_row (FerryPlanSettings *self, FerryPlanField field)
{
  g_return_val_if_fail (FERRY_IS_PLAN_SETTINGS (self), NULL);
  g_return_val_if_fail ((int)field >= 0 && field < FERRY_PLAN_N_FIELDS, NULL);
  return self->rows[field];
}

static AdwPreferencesGroup *
add_group (FerryPlanSettings *self, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self), group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
ferry_plan_settings_dispose (GObject *object)
{
  FerryPlanSettings *self = FERRY_PLAN_SETTINGS (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  for (guint i = 0; i < FERRY_PLAN_N_FIELDS; i++)
    g_clear_pointer (&self->choices[i], g_ptr_array_unref);
  g_clear_pointer (&self->types, g_array_unref);

  G_OBJECT_CLASS (ferry_plan_settings_parent_class)->dispose (object);
}

static void
ferry_plan_settings_class_init (FerryPlanSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_plan_settings_dispose;
}

static void
ferry_plan_settings_init (FerryPlanSettings *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
  self->types = g_array_new (FALSE, FALSE, sizeof (FerryMigrationType));
}

GtkWidget *
ferry_plan_settings_new (FerryPlan *plan, gboolean overrides)
{
  FerryPlanSettings *self;
  AdwPreferencesGroup *group;
  static const FerryPlanField extended[]
      = { FERRY_PLAN_FIELD_RETAIN_MAC,       FERRY_PLAN_FIELD_FORCE_POWER_OFF,
          FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS, FERRY_PLAN_FIELD_REMOVE_ISOS,
          FERRY_PLAN_FIELD_SEED_CHECKPOINT,  FERRY_PLAN_FIELD_UPGRADE_TOOLS,
          FERRY_PLAN_FIELD_UPGRADE_HARDWARE, FERRY_PLAN_FIELD_MIGRATE_CUSTOM_ATTRIBUTES,
          FERRY_PLAN_FIELD_MIGRATE_TAGS,     FERRY_PLAN_FIELD_REPLICATE_SECURITY_TAGS,
          FERRY_PLAN_FIELD_REMOVE_CBT };

  g_return_val_if_fail (FERRY_IS_PLAN (plan), NULL);

  self = g_object_new (FERRY_TYPE_PLAN_SETTINGS, NULL);
  self->plan = g_object_ref (plan);
  self->overrides = overrides;

  group = add_group (self, _ ("Transfer and Placement"));
  self->placement_group = group;
  add_row (self, group, FERRY_PLAN_FIELD_MIGRATION_TYPE);
  self->unavailable_row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unavailable_row),
                                 _ ("Not Available for This Site Pair"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->unavailable_row),
                                 _ ("Migration types the prerequisite check ruled out, and why"));
  gtk_widget_set_name (self->unavailable_row, "unavailable-types");
  adw_preferences_group_add (group, self->unavailable_row);
  add_row (self, group, FERRY_PLAN_FIELD_CLUSTER);
  add_row (self, group, FERRY_PLAN_FIELD_RESOURCE_POOL);
  add_row (self, group, FERRY_PLAN_FIELD_FOLDER);
  add_row (self, group, FERRY_PLAN_FIELD_DATASTORE);
  add_row (self, group, FERRY_PLAN_FIELD_STORAGE_POLICY);
  add_row (self, group, FERRY_PLAN_FIELD_DISK_PROVISION);

  group = add_group (self, _ ("Switchover"));
  adw_preferences_group_set_description (
      group, _ ("The window in which HCX switches the VMs over, in your time zone (saved as UTC). "
                "Leave it empty to switch over as soon as the transfer is done."));
  add_row (self, group, FERRY_PLAN_FIELD_SWITCHOVER_START);
  add_row (self, group, FERRY_PLAN_FIELD_SWITCHOVER_END);

  group = add_group (self, _ ("Extended Options"));
  /* The seed's warning, once, where snapshots are decided. */
  self->snapshot_note = gtk_label_new (ferry_preflight_get_snapshot_warning ());
  gtk_label_set_wrap (GTK_LABEL (self->snapshot_note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->snapshot_note), 0);
  gtk_widget_set_margin_bottom (self->snapshot_note, 12);
  gtk_widget_add_css_class (self->snapshot_note, "snapshot-note");
  gtk_widget_set_name (self->snapshot_note, "snapshot-note");
  gtk_widget_set_visible (self->snapshot_note, !overrides);
  adw_preferences_group_add (group, self->snapshot_note);
  for (guint i = 0; i < G_N_ELEMENTS (extended); i++)
    add_row (self, group, extended[i]);

  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  ferry_plan_settings_update_types (self);
  ferry_accessible_name_rows (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}
