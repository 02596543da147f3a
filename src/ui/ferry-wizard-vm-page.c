/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-vm-page.c: choose the VMs (columns and sorting in ferry-wizard-vm-columns.c) */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-plan-store.h"
#include "ferry-vm-array.h"
#include "ferry-vm-selection.h"
#include "ferry-wizard-vm-page-private.h"

G_DEFINE_FINAL_TYPE (FerryWizardVmPage, ferry_wizard_vm_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_INVENTORY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Filtering ---- */

static gboolean
vm_matches (gpointer item, gpointer user_data)
{
  FerryWizardVmPage *self = user_data;
  FerryVm *vm = item;

  if (self->search[0] != '\0' && strstr (ferry_vm_get_search_key (vm), self->search) == NULL)
    return FALSE;
  if (self->cluster != NULL && g_strcmp0 (ferry_vm_get_cluster (vm), self->cluster) != 0)
    return FALSE;
  if (self->folder != NULL && g_strcmp0 (ferry_vm_get_folder (vm), self->folder) != 0)
    return FALSE;
  if (self->power != FERRY_POWER_STATE_UNKNOWN && ferry_vm_get_power_state (vm) != self->power)
    return FALSE;
  if (self->guest != NULL && g_strcmp0 (ferry_vm_get_guest_full_name (vm), self->guest) != 0)
    return FALSE;
  if (self->only_problems && ferry_plan_check_vm (self->plan, vm) == 0)
    return FALSE;
  return TRUE;
}

void
ferry_wizard_vm_page_set_search (FerryWizardVmPage *self, const char *text)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));

  folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_strstrip (folded);
  if (g_str_equal (folded, self->search))
    return;

  /* A longer search that contains the old one can only match fewer VMs, and the other way
   * round: GTK then filters only the rows already (or not yet) shown. */
  if (strstr (folded, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->syncing = FALSE;
    }
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_changed_cb (FerryWizardVmPage *self, GtkEditable *entry)
{
  if (!self->syncing)
    ferry_wizard_vm_page_set_search (self, gtk_editable_get_text (entry));
}

static void
set_choice (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The dropdown's string, or NULL for its first entry ("All …"). */
static const char *
dropdown_choice (GtkDropDown *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  GListModel *model = gtk_drop_down_get_model (dropdown);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || model == NULL)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), i);
}

static void
dropdown_changed_cb (FerryWizardVmPage *self, GParamSpec *pspec, GtkDropDown *dropdown)
{
  guint power;

  if (self->syncing)
    return;
  set_choice (&self->cluster, dropdown_choice (self->cluster_dropdown));
  set_choice (&self->folder, dropdown_choice (self->folder_dropdown));
  set_choice (&self->guest, dropdown_choice (self->guest_dropdown));
  power = gtk_drop_down_get_selected (self->power_dropdown);
  self->power = power == 1   ? FERRY_POWER_STATE_ON
                : power == 2 ? FERRY_POWER_STATE_OFF
                : power == 3 ? FERRY_POWER_STATE_SUSPENDED
                             : FERRY_POWER_STATE_UNKNOWN;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
select_in_dropdown (FerryWizardVmPage *self, GtkDropDown *dropdown, const char *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  guint found = 0;

  for (guint i = 1; value != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), value) == 0)
      found = i;
  gtk_drop_down_set_selected (dropdown, found);
}

void
ferry_wizard_vm_page_set_cluster_filter (FerryWizardVmPage *self, const char *cluster)
{
  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));
  select_in_dropdown (self, self->cluster_dropdown, cluster);
}

void
ferry_wizard_vm_page_set_power_filter (FerryWizardVmPage *self, FerryPowerState state)
{
  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));
  gtk_drop_down_set_selected (self->power_dropdown, state == FERRY_POWER_STATE_ON          ? 1
                                                    : state == FERRY_POWER_STATE_OFF       ? 2
                                                    : state == FERRY_POWER_STATE_SUSPENDED ? 3
                                                                                           : 0);
}

void
ferry_wizard_vm_page_set_problems_filter (FerryWizardVmPage *self, gboolean only_problems)
{
  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));
  gtk_toggle_button_set_active (self->problems_button, only_problems);
}

static void
problems_toggled_cb (FerryWizardVmPage *self, GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  if (self->only_problems == active)
    return;
  self->only_problems = active;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      active ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *)a, *(const char *const *)b);
}

/* The filter dropdowns' choices: the distinct values in the inventory, sorted. */
static GtkStringList *
distinct_values (GListModel *vms, const char *(*get) (FerryVm *), const char *all)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = vms != NULL ? g_list_model_get_n_items (vms) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);
      const char *v = get (vm);

      /* The strings live as long as the inventory, which outlives this function. */
      if (v != NULL && g_hash_table_add (seen, (gpointer)v))
        g_ptr_array_add (values, (gpointer)v);
    }
  g_ptr_array_sort (values, compare_strings);
  gtk_string_list_append (list, all);
  for (guint i = 0; i < values->len; i++)
    gtk_string_list_append (list, values->pdata[i]);
  return list;
}

static void
fill_filters (FerryWizardVmPage *self)
{
  g_autoptr (GtkStringList) clusters
      = distinct_values (self->rows, ferry_vm_get_cluster, _ ("All Clusters"));
  g_autoptr (GtkStringList) folders
      = distinct_values (self->rows, ferry_vm_get_folder, _ ("All Folders"));
  g_autoptr (GtkStringList) guests
      = distinct_values (self->rows, ferry_vm_get_guest_full_name, _ ("All Guest OSes"));

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->cluster_dropdown, G_LIST_MODEL (clusters));
  gtk_drop_down_set_model (self->folder_dropdown, G_LIST_MODEL (folders));
  gtk_drop_down_set_model (self->guest_dropdown, G_LIST_MODEL (guests));
  self->syncing = FALSE;
  select_in_dropdown (self, self->cluster_dropdown, self->cluster);
  select_in_dropdown (self, self->folder_dropdown, self->folder);
  select_in_dropdown (self, self->guest_dropdown, self->guest);
}

/* ---- Inventory ---- */

static void
update_summary (FerryWizardVmPage *self)
{
  g_autofree char *size = g_format_size (ferry_plan_get_total_disk_bytes (self->plan));
  g_autofree char *text = NULL;
  guint selected = ferry_plan_get_n_items (self->plan);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = self->inventory != NULL ? g_list_model_get_n_items (self->inventory) : 0;

  /* TRANSLATORS: "12 selected (1.2 TB) · 340 of 10,000 shown" */
  text = g_strdup_printf (_ ("%u selected (%s) · %u of %u shown"), selected, size, shown, total);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vms.clear-selection", selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vms.select-matching", shown > 0);
}

void
ferry_wizard_vm_page_set_inventory (FerryWizardVmPage *self, GListModel *inventory)
{
  g_auto (GStrv) missing = NULL;

  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));
  g_return_if_fail (inventory == NULL || G_IS_LIST_MODEL (inventory));

  if (!g_set_object (&self->inventory, inventory))
    return;
  /* Sorting and filtering read the items by position, often: an array, not the tree of a
   * GListStore. */
  g_clear_object (&self->rows);
  if (inventory != NULL)
    self->rows = G_LIST_MODEL (ferry_vm_array_new (inventory));
  gtk_sort_list_model_set_model (self->sort_model, self->rows);
  if (inventory != NULL)
    {
      fill_filters (self);
      /* A resumed plan's items take the manager's objects; VMs gone are kept and said. */
      missing = ferry_plan_reconcile (self->plan, self->rows);
      if (missing != NULL && missing[0] != NULL)
        {
          g_autofree char *names = g_strjoinv (", ", missing);
          g_autofree char *text
              = g_strdup_printf (ngettext ("%u VM of the plan is no longer in the inventory: %s",
                                           "%u VMs of the plan are no longer in the inventory: %s",
                                           g_strv_length (missing)),
                                 g_strv_length (missing), names);

          gtk_label_set_text (self->error_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
    }
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVENTORY]);
}

void
ferry_wizard_vm_page_set_facts (FerryWizardVmPage *self, FerryInventoryFacts *facts)
{
  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));

  g_set_object (&self->facts, facts);
  _ferry_wizard_vm_page_refresh_badges (self);
  if (self->only_problems)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_loading (FerryWizardVmPage *self, gboolean loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_revealer_set_reveal_child (self->loading_revealer, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vms.cancel-loading", loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_progress_cb (guint pages, guint items, gint64 total, gpointer user_data)
{
  FerryWizardVmPage *self = user_data;
  g_autofree char *text = NULL;

  if (total > 0)
    {
      text = g_strdup_printf (_ ("Loading the inventory: %u of %" G_GINT64_FORMAT " VMs…"), items,
                              total);
      gtk_progress_bar_set_fraction (self->loading_bar, MIN ((double)items / total, 1.0));
    }
  else
    {
      text = g_strdup_printf (_ ("Loading the inventory: %u VMs…"), items);
      gtk_progress_bar_pulse (self->loading_bar);
    }
  gtk_label_set_text (self->loading_label, text);
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizardVmPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) vms = NULL;

  vms = ferry_hcx_client_list_vms_finish (FERRY_HCX_CLIENT (source), result, &error);
  if (self->load_cancellable == NULL || g_cancellable_is_cancelled (self->load_cancellable))
    {
      /* Stopped by the user (or the page went away): keep what is shown. */
      g_clear_object (&self->load_cancellable);
      set_loading (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->inventory == NULL)
        {
          gtk_label_set_text (self->error_label,
                              _ ("Loading the inventory was stopped. Reload the wizard to "
                                 "load it again."));
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  g_clear_object (&self->load_cancellable);
  set_loading (self, FALSE);
  if (vms == NULL)
    {
      g_autofree char *text
          = g_strdup_printf (_ ("The inventory could not be loaded: %s"), error->message);

      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  else
    ferry_wizard_vm_page_set_inventory (self, vms);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
ferry_wizard_vm_page_load (FerryWizardVmPage *self, FerryHcxClient *client)
{
  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));
  g_return_if_fail (FERRY_IS_HCX_CLIENT (client));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->loading_label, _ ("Loading the inventory…"));
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  set_loading (self, TRUE);
  ferry_hcx_client_list_vms_async (client, NULL, load_progress_cb, g_object_ref (self),
                                   g_object_unref, self->load_cancellable, load_done_cb,
                                   g_object_ref (self));
}

static void
cancel_loading_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

/* ---- Selection ---- */

static void
select_matching_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (widget);

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
clear_selection_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

guint
ferry_wizard_vm_page_select_names (FerryWizardVmPage *self, const char *text, GStrv *out_missing)
{
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) missing = NULL;
  guint added = 0;

  g_return_val_if_fail (FERRY_IS_WIZARD_VM_PAGE (self), 0);

  names = ferry_plan_parse_names (text, -1);
  if (self->inventory != NULL)
    missing
        = ferry_plan_select_names (self->plan, self->inventory, (const char *const *)names, &added);
  else
    missing = g_strdupv (names);
  if (out_missing != NULL)
    *out_missing = g_steal_pointer (&missing);
  return added;
}

static void
plan_changed_cb (FerryWizardVmPage *self)
{
  update_summary (self);
  _ferry_wizard_vm_page_refresh_badges (self);
  /* Problems depend on the settings: the "has problems" filter follows them. */
  if (self->only_problems)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filter_items_changed_cb (FerryWizardVmPage *self)
{
  update_summary (self);
}

/* ---- GObject ---- */

static void
ferry_wizard_vm_page_constructed (GObject *object)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (object);
  g_autoptr (GtkStringList) powers = NULL;
  const char *power_names[]
      = { _ ("Any Power State"), _ ("Powered On"), _ ("Powered Off"), _ ("Suspended"), NULL };

  G_OBJECT_CLASS (ferry_wizard_vm_page_parent_class)->constructed (object);

  g_assert (self->plan != NULL);

  /* GListStore of FerryVm → sorted by the column view's sorter → filtered → the plan as the
   * selection. Sorting once and filtering the sorted list keeps a keystroke cheap. */
  self->sort_model = gtk_sort_list_model_new (NULL, NULL);
  self->filter = gtk_custom_filter_new (vm_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  self->selection = ferry_vm_selection_new (G_LIST_MODEL (self->filter_model), self->plan);
  _ferry_wizard_vm_page_setup_columns (self);
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  ferry_accessible_name_column_view (self->column_view, _ ("Virtual Machines"));
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  powers = gtk_string_list_new (power_names);
  gtk_drop_down_set_model (self->power_dropdown, G_LIST_MODEL (powers));
  fill_filters (self);

  g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  update_summary (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vms.cancel-loading", FALSE);
}

static void
ferry_wizard_vm_page_dispose (GObject *object)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_pointer (&self->bound_badges, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->inventory);
  g_clear_object (&self->facts);
  g_clear_object (&self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_WIZARD_VM_PAGE);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ferry_wizard_vm_page_parent_class)->dispose (object);
}

static void
ferry_wizard_vm_page_finalize (GObject *object)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (object);

  g_free (self->search);
  g_free (self->cluster);
  g_free (self->folder);
  g_free (self->guest);

  G_OBJECT_CLASS (ferry_wizard_vm_page_parent_class)->finalize (object);
}

static void
ferry_wizard_vm_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        g_value_set_object (value, self->plan);
        break;
      case PROP_INVENTORY:
        g_value_set_object (value, self->inventory);
        break;
      case PROP_LOADING:
        g_value_set_boolean (value, self->loading);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_vm_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        self->plan = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_vm_page_class_init (FerryWizardVmPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ferry_wizard_vm_page_constructed;
  object_class->dispose = ferry_wizard_vm_page_dispose;
  object_class->finalize = ferry_wizard_vm_page_finalize;
  object_class->get_property = ferry_wizard_vm_page_get_property;
  object_class->set_property = ferry_wizard_vm_page_set_property;

  properties[PROP_PLAN]
      = g_param_spec_object ("plan", NULL, NULL, FERRY_TYPE_PLAN,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVENTORY]
      = g_param_spec_object ("inventory", NULL, NULL, G_TYPE_LIST_MODEL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING]
      = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/ferry_hcx/Ferry/ferry-wizard-vm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, problems_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, folder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, power_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardVmPage, guest_dropdown);

  gtk_widget_class_install_action (widget_class, "vms.select-matching", NULL,
                                   select_matching_action);
  gtk_widget_class_install_action (widget_class, "vms.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_install_action (widget_class, "vms.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "vms.import-names", NULL,
                                   _ferry_wizard_vm_page_import_names_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "vms.focus-search", NULL);
  gtk_widget_class_install_action (widget_class, "vms.focus-search", NULL,
                                   _ferry_wizard_vm_page_focus_search_action);
}

static void
ferry_wizard_vm_page_init (FerryWizardVmPage *self)
{
  self->search = g_strdup ("");
  self->power = FERRY_POWER_STATE_UNKNOWN;
  self->bound_badges = g_hash_table_new (g_direct_hash, g_direct_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->problems_button, "toggled", G_CALLBACK (problems_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cluster_dropdown, "notify::selected",
                           G_CALLBACK (dropdown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->folder_dropdown, "notify::selected",
                           G_CALLBACK (dropdown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->power_dropdown, "notify::selected",
                           G_CALLBACK (dropdown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->guest_dropdown, "notify::selected",
                           G_CALLBACK (dropdown_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ferry_wizard_vm_page_new (FerryPlan *plan)
{
  g_return_val_if_fail (FERRY_IS_PLAN (plan), NULL);
  return g_object_new (FERRY_TYPE_WIZARD_VM_PAGE, "plan", plan, NULL);
}

GListModel *
ferry_wizard_vm_page_get_inventory (FerryWizardVmPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_VM_PAGE (self), NULL);
  return self->inventory;
}

gboolean
ferry_wizard_vm_page_get_loading (FerryWizardVmPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_VM_PAGE (self), FALSE);
  return self->loading;
}

GtkSelectionModel *
ferry_wizard_vm_page_get_selection (FerryWizardVmPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_VM_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkColumnView *
ferry_wizard_vm_page_get_column_view (FerryWizardVmPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_VM_PAGE (self), NULL);
  return self->column_view;
}
