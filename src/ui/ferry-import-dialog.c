/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-import-dialog.c: reading an RVTools export, with progress, and what was read */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-import-dialog.h"
#include "ferry-rvtools.h"

struct _FerryImportDialog
{
  AdwWindow parent_instance;

  gboolean connected;
  GCancellable *cancellable;
  FerryInventoryFacts *facts;
  char *state;
  char *error;
  GPtrArray *lines; /* the summary as text, for describe() */

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwStatusPage *progress_page;
  GtkProgressBar *progress_bar;
  GtkLabel *phase_label;
  GtkButton *cancel_button;
  AdwStatusPage *error_page;
  GtkButton *choose_button;
  GtkLabel *summary_label;
  GtkListBox *counts_list;
  AdwPreferencesGroup *notes_group;
  GtkLabel *notes_label;
  GtkLabel *next_label;
  GtkButton *done_button;
  GtkButton *plan_button;
};

G_DEFINE_FINAL_TYPE (FerryImportDialog, ferry_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONNECTED,
  PROP_FACTS,
  PROP_STATE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_IMPORTED,
  SIGNAL_PLAN_OFFLINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_state (FerryImportDialog *self, const char *state)
{
  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel",
                                 g_str_equal (state, "progress"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.plan-offline",
                                 g_str_equal (state, "summary") && !self->connected);
  if (g_strcmp0 (self->state, state) == 0)
    return;
  g_free (self->state);
  self->state = g_strdup (state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* ---- The summary ---- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row of the summary: a short @value (a count, a date) beside the title, a long one (a list
 * of names) under it; @note under it too. */
static void
add_row (FerryImportDialog *self, const char *title, const char *value, const char *note)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean is_long = g_utf8_strlen (value, -1) > 16;
  g_autofree char *subtitle = NULL;
  g_autofree char *line = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (is_long)
    subtitle = note != NULL ? g_strdup_printf ("%s\n%s", value, note) : g_strdup (value);
  else
    subtitle = g_strdup (note);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (!is_long)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (self->counts_list, row);

  line = note != NULL ? g_strdup_printf ("%s: %s (%s)", title, value, note)
                      : g_strdup_printf ("%s: %s", title, value);
  g_ptr_array_add (self->lines, g_steal_pointer (&line));
}

static char *
format_count (guint n)
{
  /* Digits grouped as the locale does ("10,000"). */
  return g_strdup_printf ("%'u", n);
}

static void
fill_summary (FerryImportDialog *self)
{
  FerryFactSource *source = ferry_inventory_facts_get_source (self->facts);
  GListModel *vms = ferry_inventory_facts_get_vms (self->facts);
  guint n_vms = g_list_model_get_n_items (vms);
  guint n_nics = 0, n_on = 0, n_templates = 0;
  g_autoptr (GPtrArray) vcenters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) found = g_string_new (NULL);
  g_autoptr (GString) missing = g_string_new (NULL);
  const char *const *read = ferry_rvtools_get_tabs_read (self->facts);
  const char *const *all = ferry_rvtools_get_tab_names ();
  const char *const *notes = ferry_inventory_facts_get_notes (self->facts);
  GDateTime *date = source != NULL ? ferry_fact_source_get_date (source) : NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *vm_text = NULL;
  g_autofree char *nic_text = NULL;
  g_autofree char *net_text = NULL;
  g_autofree char *vm_sub = NULL;
  g_autofree char *vc_text = NULL;
  g_autofree char *summary = NULL;

  g_ptr_array_set_size (self->lines, 0);
  clear_list (self->counts_list);
  for (guint i = 0; i < n_vms; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);
      FerryVmFacts *facts = ferry_inventory_facts_lookup (self->facts, vm);
      gboolean seen = FALSE;

      n_nics += ferry_vm_get_n_nics (vm);
      if (ferry_vm_get_power_state (vm) == FERRY_POWER_STATE_ON)
        n_on++;
      if (facts == NULL)
        continue;
      if (facts->template_vm)
        n_templates++;
      for (guint v = 0; facts->vcenter != NULL && v < vcenters->len && !seen; v++)
        seen = ferry_vcenter_name_equal (vcenters->pdata[v], facts->vcenter);
      if (facts->vcenter != NULL && !seen)
        g_ptr_array_add (vcenters, g_strdup (facts->vcenter));
    }

  summary = g_strdup_printf (_ ("%s, read without errors."),
                             source != NULL && ferry_fact_source_get_origin (source) != NULL
                                 ? ferry_fact_source_get_origin (source)
                                 : _ ("The export"));
  ferry_accessible_set_label_or_hide (self->summary_label, summary);

  vm_text = format_count (n_vms);
  /* TRANSLATORS: under "Virtual Machines": "150 powered on, 2 templates" */
  vm_sub = g_strdup_printf (
      ngettext ("%u powered on, %u template", "%u powered on, %u templates", n_templates), n_on,
      n_templates);
  add_row (self, _ ("Virtual Machines"), vm_text, vm_sub);
  nic_text = format_count (n_nics);
  add_row (self, _ ("Network Adapters"), nic_text, NULL);
  net_text
      = format_count (g_list_model_get_n_items (ferry_inventory_facts_get_networks (self->facts)));
  add_row (self, _ ("Networks"), net_text, NULL);
  g_ptr_array_add (vcenters, NULL);
  vc_text = vcenters->len > 1 ? g_strjoinv (", ", (char **)vcenters->pdata)
                              : g_strdup (_ ("Not named in the export"));
  add_row (self, ngettext ("vCenter", "vCenters", MAX (vcenters->len - 1, 1)), vc_text, NULL);
  if (date != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (date);
      g_autofree char *when = g_date_time_format (local, "%e %b %Y");
      g_autofree char *age = ferry_fact_source_describe_age (source, now);

      g_strstrip (when);
      add_row (self, _ ("Exported"), when, age);
    }
  else
    add_row (self, _ ("Exported"), _ ("Date unknown"), _ ("The export has no vMetaData tab"));

  for (guint t = 0; all[t] != NULL; t++)
    {
      GString *s = g_strv_contains (read, all[t]) ? found : missing;

      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, all[t]);
    }
  add_row (self, _ ("Tabs Read"), found->str, NULL);
  if (missing->len > 0)
    add_row (self, _ ("Tabs Missing"), missing->str, _ ("What they tell stays “Not checked”"));

  if (notes != NULL && notes[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **)notes);

      gtk_label_set_text (self->notes_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->notes_group), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);

  ferry_accessible_set_label_or_hide (
      self->next_label, self->connected
                            ? _ ("Its snapshot, ISO, hardware and Tools facts now fill the "
                                 "pre-flight badges of the manager’s VMs it lists.")
                            : _ ("Plan a migration from it now; when you connect to HCX "
                                 "Manager later, Ferry compares the plan with its inventory."));
  gtk_widget_set_visible (GTK_WIDGET (self->plan_button), !self->connected);
  ferry_accessible_name_rows (GTK_WIDGET (self->counts_list));
}

/* ---- Importing ---- */

static void
progress_cb (double fraction, const char *phase, gpointer user_data)
{
  FerryImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  gtk_label_set_text (self->phase_label, phase != NULL ? phase : "");
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = ferry_rvtools_import_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled by the user: nothing was imported, and there is nothing to show. */
      if (self->cancellable != NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  g_clear_object (&self->cancellable);
  if (facts == NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }
  g_set_object (&self->facts, facts);
  fill_summary (self);
  set_state (self, "summary");
  /* Enter takes the next step: planning offline, or Done while connected. */
  gtk_window_set_default_widget (
      GTK_WINDOW (self), GTK_WIDGET (self->connected ? self->done_button : self->plan_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->connected ? self->done_button : self->plan_button));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTS]);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, facts);
}

void
ferry_import_dialog_import (FerryImportDialog *self, GFile *const *files, guint n_files)
{
  g_autofree char *name = NULL;

  g_return_if_fail (FERRY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (n_files > 0);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->error, g_free);

  name = g_file_get_basename (files[0]);
  adw_status_page_set_description (self->progress_page, name);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->phase_label, _ ("Opening…"));
  set_state (self, "progress");
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  ferry_rvtools_import_async (files, n_files, progress_cb, g_object_ref (self), g_object_unref,
                              self->cancellable, imported_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
chosen_again_cb (GFile *const *files, guint n_files, gpointer user_data)
{
  ferry_import_dialog_import (FERRY_IMPORT_DIALOG (user_data), files, n_files);
}

static void
choose_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ferry_import_choose_files (GTK_WINDOW (widget), chosen_again_cb, g_object_ref (widget),
                             g_object_unref);
}

static void
plan_offline_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (widget);
  g_autoptr (FerryInventoryFacts) facts = NULL;

  if (self->facts == NULL)
    return;
  facts = g_object_ref (self->facts);
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[SIGNAL_PLAN_OFFLINE], 0, facts);
  g_object_unref (self);
}

/* ---- The file chooser ---- */

typedef struct
{
  FerryImportChooseFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} ChooseData;

static void
choose_data_free (ChooseData *d)
{
  if (d->destroy != NULL)
    d->destroy (d->user_data);
  g_free (d);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, ChooseData *d)
{
  g_autoptr (GListModel) files = NULL;
  g_autoptr (GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len > 0)
    d->func ((GFile *const *)array->pdata, array->len, d->user_data);
  choose_data_free (d);
  g_object_unref (chooser);
}

void
ferry_import_choose_files (GtkWindow *parent, FerryImportChooseFunc func, gpointer user_data,
                           GDestroyNotify destroy)
{
  GtkFileChooserNative *chooser
      = gtk_file_chooser_native_new (_ ("Import an RVTools Export"), parent,
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) any = gtk_file_filter_new ();
  ChooseData *d = g_new0 (ChooseData, 1);

  d->func = func;
  d->user_data = user_data;
  d->destroy = destroy;
  /* TRANSLATORS: the file chooser's filter */
  gtk_file_filter_set_name (exports, _ ("RVTools Exports (.xlsx, vInfo .csv)"));
  gtk_file_filter_add_suffix (exports, "xlsx");
  gtk_file_filter_add_suffix (exports, "csv");
  gtk_file_filter_add_mime_type (
      exports, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (exports, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), exports);
  gtk_file_filter_set_name (any, _ ("All Files"));
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ---- */

static void
ferry_import_dialog_dispose (GObject *object)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->facts);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (ferry_import_dialog_parent_class)->dispose (object);
}

static void
ferry_import_dialog_finalize (GObject *object)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (object);

  g_free (self->state);
  g_free (self->error);
  g_ptr_array_unref (self->lines);

  G_OBJECT_CLASS (ferry_import_dialog_parent_class)->finalize (object);
}

static void
ferry_import_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (object);

  switch (prop_id)
    {
      case PROP_CONNECTED:
        g_value_set_boolean (value, self->connected);
        break;
      case PROP_FACTS:
        g_value_set_object (value, self->facts);
        break;
      case PROP_STATE:
        g_value_set_string (value, self->state);
        break;
      case PROP_ERROR:
        g_value_set_string (value, self->error);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_import_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                  GParamSpec *pspec)
{
  FerryImportDialog *self = FERRY_IMPORT_DIALOG (object);

  switch (prop_id)
    {
      case PROP_CONNECTED:
        self->connected = g_value_get_boolean (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_import_dialog_class_init (FerryImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_import_dialog_dispose;
  object_class->finalize = ferry_import_dialog_finalize;
  object_class->get_property = ferry_import_dialog_get_property;
  object_class->set_property = ferry_import_dialog_set_property;

  properties[PROP_CONNECTED]
      = g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FACTS]
      = g_param_spec_object ("facts", NULL, NULL, FERRY_TYPE_INVENTORY_FACTS,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE]
      = g_param_spec_string ("state", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR]
      = g_param_spec_string ("error", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_IMPORTED]
      = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 1, FERRY_TYPE_INVENTORY_FACTS);
  signals[SIGNAL_PLAN_OFFLINE]
      = g_signal_new ("plan-offline", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, FERRY_TYPE_INVENTORY_FACTS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferry_hcx/Ferry/ferry-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, phase_label);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, counts_list);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, next_label);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, FerryImportDialog, plan_button);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.plan-offline", NULL, plan_offline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ferry_import_dialog_init (FerryImportDialog *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  ferry_accessible_name_status_pages (GTK_WIDGET (self));
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
}

FerryImportDialog *
ferry_import_dialog_new (GtkWindow *parent, gboolean connected)
{
  return g_object_new (FERRY_TYPE_IMPORT_DIALOG, "transient-for", parent, "connected", connected,
                       "destroy-with-parent", TRUE, NULL);
}

FerryInventoryFacts *
ferry_import_dialog_get_facts (FerryImportDialog *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_DIALOG (self), NULL);
  return self->facts;
}

const char *
ferry_import_dialog_get_state (FerryImportDialog *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_DIALOG (self), NULL);
  return self->state;
}

const char *
ferry_import_dialog_get_error (FerryImportDialog *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_DIALOG (self), NULL);
  return self->error;
}

char *
ferry_import_dialog_describe (FerryImportDialog *self)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_return_val_if_fail (FERRY_IS_IMPORT_DIALOG (self), NULL);
  for (guint i = 0; i < self->lines->len; i++)
    g_string_append_printf (s, "%s\n", (const char *)self->lines->pdata[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
