/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-vm-page.c: choose the VMs (columns and sorting in ferry-wizard-vm-columns.c) */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

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
vm_matches (FerryVm *vm, gpointer user_data)
{
  FerryWizardVmPage *self = user_data;

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
  ferry_vm_selection_refilter (self->selection, change);
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
  ferry_vm_selection_refilter (self->selection, GTK_FILTER_CHANGE_DIFFERENT);
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
  ferry_vm_selection_refilter (self->selection, active ? GTK_FILTER_CHANGE_MORE_STRICT
                                                       : GTK_FILTER_CHANGE_LESS_STRICT);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *)a, *(const char *const *)b);
}

/* The filter dropdowns' choices: the distinct values in the inventory, sorted. */
static GtkStringList *
distinct_values (GHashTable *seen, const char *all)
{
  g_autofree const char **values = (const char **)g_hash_table_get_keys_as_array (seen, NULL);
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = g_hash_table_size (seen);

  qsort (values, n, sizeof (char *), compare_strings);
  gtk_string_list_append (list, all);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, values[i]);
  return list;
}

static const char *(*const distinct_getters[3]) (FerryVm *) = {
  ferry_vm_get_cluster,
  ferry_vm_get_folder,
  ferry_vm_get_guest_full_name,
};

/* Notes the values of @n_vms new VMs; rebuilds the dropdowns that got new ones (rarely: the
 * clusters, folders and guest OSes of an inventory are few). */
static void
add_filter_values (FerryWizardVmPage *self, FerryVm *const *vms, guint n_vms)
{
  GtkDropDown *dropdowns[3]
      = { self->cluster_dropdown, self->folder_dropdown, self->guest_dropdown };
  const char *alls[3] = { _ ("All Clusters"), _ ("All Folders"), _ ("All Guest OSes") };
  char **chosen[3] = { &self->cluster, &self->folder, &self->guest };

  for (guint d = 0; d < 3; d++)
    {
      guint before = g_hash_table_size (self->distinct[d]);
      g_autoptr (GtkStringList) list = NULL;

      /* The strings live as long as the inventory, which outlives the table. */
      for (guint i = 0; i < n_vms; i++)
        {
          const char *v = distinct_getters[d](vms[i]);

          if (v != NULL)
            g_hash_table_add (self->distinct[d], (gpointer)v);
        }
      if (g_hash_table_size (self->distinct[d]) == before && n_vms > 0)
        continue;
      list = distinct_values (self->distinct[d], alls[d]);
      self->syncing = TRUE;
      gtk_drop_down_set_model (dropdowns[d], G_LIST_MODEL (list));
      self->syncing = FALSE;
      select_in_dropdown (self, dropdowns[d], *chosen[d]);
    }
}

static void
reset_filter_values (FerryWizardVmPage *self)
{
  for (guint d = 0; d < 3; d++)
    g_hash_table_remove_all (self->distinct[d]);
  add_filter_values (self, NULL, 0);
}

/* ---- Inventory ---- */

static void
update_summary (FerryWizardVmPage *self)
{
  g_autofree char *size = g_format_size (ferry_plan_get_total_disk_bytes (self->plan));
  g_autofree char *text = NULL;
  guint selected = ferry_plan_get_n_items (self->plan);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint total = ferry_vm_array_get_length (self->rows);

  /* TRANSLATORS: "12 selected (1.2 TB) · 340 of 10,000 shown" */
  text = g_strdup_printf (_ ("%u selected (%s) · %u of %u shown"), selected, size, shown, total);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vms.clear-selection", selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vms.select-matching", shown > 0);
}

/* The whole inventory is there: the plan is reconciled with it. */
static void
inventory_complete (FerryWizardVmPage *self, GListModel *inventory)
{
  g_auto (GStrv) missing = NULL;

  g_set_object (&self->inventory, inventory);
  /* A resumed plan's items take the manager's objects; VMs gone are kept and said. */
  missing = ferry_plan_reconcile (self->plan, G_LIST_MODEL (self->rows));
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
    ferry_vm_selection_refilter (self->selection, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
append_vms (FerryWizardVmPage *self, FerryVm *const *vms, guint n_vms)
{
  /* Each VM's search key now, a page at a time (~2 ms), rather than all of them on the first
   * keystroke. */
  for (guint i = 0; i < n_vms; i++)
    (void)ferry_vm_get_search_key (vms[i]);
  ferry_vm_array_append (self->rows, vms, n_vms);
  add_filter_values (self, vms, n_vms);
  update_summary (self);
}

static void
clear_inventory (FerryWizardVmPage *self)
{
  if (self->inventory != NULL)
    {
      g_clear_object (&self->inventory);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVENTORY]);
    }
  ferry_vm_array_clear (self->rows);
  reset_filter_values (self);
  update_summary (self);
}

void
ferry_wizard_vm_page_set_inventory (FerryWizardVmPage *self, GListModel *inventory)
{
  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));
  g_return_if_fail (inventory == NULL || G_IS_LIST_MODEL (inventory));

  if (self->inventory == inventory)
    return;
  clear_inventory (self);
  if (inventory != NULL)
    {
      guint n = g_list_model_get_n_items (inventory);
      g_autoptr (GPtrArray) vms = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (vms, g_list_model_get_item (inventory, i));
      append_vms (self, (FerryVm *const *)vms->pdata, vms->len);
      inventory_complete (self, inventory);
    }
}

static void
set_loading (FerryWizardVmPage *self, gboolean loading)
{
  if (self->is_loading == loading)
    return;
  self->is_loading = loading;
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

/* A page arrived: its VMs are shown at once (searchable, selectable) while the rest loads. */
static void
loading_items_changed_cb (FerryWizardVmPage *self, guint position, guint removed, guint added,
                          GListModel *store)
{
  g_autoptr (GPtrArray) vms = g_ptr_array_new_full (added, g_object_unref);

  for (guint i = position; i < position + added; i++)
    g_ptr_array_add (vms, g_list_model_get_item (store, i));
  append_vms (self, (FerryVm *const *)vms->pdata, vms->len);
}

static void
stop_loading (FerryWizardVmPage *self)
{
  if (self->loading != NULL)
    g_signal_handlers_disconnect_by_data (self->loading, self);
  g_clear_object (&self->loading);
  g_clear_object (&self->load_cancellable);
  set_loading (self, FALSE);
}

static void
show_error (FerryWizardVmPage *self, const char *text)
{
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

typedef struct
{
  FerryWizardVmPage *page;   /* strong */
  GCancellable *cancellable; /* strong: which load this is */
} Load;

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree Load *load = user_data;
  g_autoptr (FerryWizardVmPage) self = load->page;
  g_autoptr (GCancellable) cancellable = load->cancellable;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) store = NULL;
  guint n = ferry_vm_array_get_length (self->rows);
  gboolean ok;

  ok = ferry_hcx_client_list_vms_into_finish (FERRY_HCX_CLIENT (source), result, &error);
  if (cancellable != self->load_cancellable || g_cancellable_is_cancelled (cancellable))
    {
      /* Stopped by the user (or the page went away, or a new load began): keep what is shown. */
      gboolean mine = cancellable == self->load_cancellable;

      if (mine)
        stop_loading (self);
      if (mine && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text
              = n == 0 ? g_strdup (_ ("Loading the inventory was stopped. Reload the wizard to "
                                      "load it again."))
                       : g_strdup_printf (ngettext ("Loading the inventory was stopped after %u "
                                                    "VM: only it is shown. Reload the wizard to "
                                                    "load them all.",
                                                    "Loading the inventory was stopped after %u "
                                                    "VMs: only those are shown. Reload the wizard "
                                                    "to load them all.",
                                                    n),
                                          n);

          show_error (self, text);
        }
      if (mine)
        g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  store = g_object_ref (self->loading);
  stop_loading (self);
  if (!ok)
    {
      g_autofree char *text
          = n == 0 ? g_strdup_printf (_ ("The inventory could not be loaded: %s"), error->message)
                   : g_strdup_printf (ngettext ("The inventory could not be loaded in full (%u VM "
                                                "is shown): %s",
                                                "The inventory could not be loaded in full (%u "
                                                "VMs are shown): %s",
                                                n),
                                      n, error->message);

      show_error (self, text);
    }
  else
    inventory_complete (self, G_LIST_MODEL (store));
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
ferry_wizard_vm_page_load (FerryWizardVmPage *self, FerryHcxClient *client)
{
  Load *load;

  g_return_if_fail (FERRY_IS_WIZARD_VM_PAGE (self));
  g_return_if_fail (FERRY_IS_HCX_CLIENT (client));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  stop_loading (self);
  clear_inventory (self);
  self->load_cancellable = g_cancellable_new ();
  self->loading = g_list_store_new (FERRY_TYPE_VM);
  g_signal_connect_object (self->loading, "items-changed", G_CALLBACK (loading_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->loading_label, _ ("Loading the inventory…"));
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  set_loading (self, TRUE);
  load = g_new0 (Load, 1);
  load->page = g_object_ref (self);
  load->cancellable = g_object_ref (self->load_cancellable);
  ferry_hcx_client_list_vms_into_async (client, NULL, self->loading, load_progress_cb,
                                        g_object_ref (self), g_object_unref, self->load_cancellable,
                                        load_done_cb, load);
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
  /* While the inventory loads: among the VMs loaded so far. */
  missing = ferry_plan_select_names (self->plan, G_LIST_MODEL (self->rows),
                                     (const char *const *)names, &added);
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
    ferry_vm_selection_refilter (self->selection, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
shown_items_changed_cb (FerryWizardVmPage *self)
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

  /* The inventory's array → filtered and sorted by its precomputed orders → rows whose VMs
   * change in place, with the plan as their selection (ferry-vm-selection.h). */
  self->rows = ferry_vm_array_new ();
  self->selection = ferry_vm_selection_new (self->rows, self->plan);
  ferry_vm_selection_set_filter_func (self->selection, vm_matches, self);
  g_signal_connect_object (self->selection, "rows-changed",
                           G_CALLBACK (_ferry_wizard_vm_page_rebind), self, G_CONNECT_SWAPPED);
  _ferry_wizard_vm_page_setup_columns (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (_ferry_wizard_vm_page_sorter_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  ferry_accessible_name_column_view (self->column_view, _ ("Virtual Machines"));
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  powers = gtk_string_list_new (power_names);
  gtk_drop_down_set_model (self->power_dropdown, G_LIST_MODEL (powers));
  reset_filter_values (self);

  g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (shown_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
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
  if (self->loading != NULL)
    g_signal_handlers_disconnect_by_data (self->loading, self);
  g_clear_object (&self->loading);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->inventory);
  g_clear_object (&self->facts);
  g_clear_object (&self->rows);
  for (guint d = 0; d < G_N_ELEMENTS (self->distinct); d++)
    g_clear_pointer (&self->distinct[d], g_hash_table_unref);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);
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
        g_value_set_boolean (value, self->is_loading);
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
  self->bound = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  for (guint d = 0; d < G_N_ELEMENTS (self->distinct); d++)
    self->distinct[d] = g_hash_table_new (g_str_hash, g_str_equal);
  self->probe[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe[1] = g_object_new (G_TYPE_OBJECT, NULL);
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
  return self->is_loading;
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
