/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-options-page.c: defaults and per-VM overrides */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-wizard-options-page.h"

struct _FerryWizardOptionsPage
{
  AdwBin parent_instance;

  FerryPlan *plan;
  GtkMultiSelection *items;
  GHashTable *bound; /* GtkListItem of the per-VM list, bound now */
  GtkStack *stack;
  GtkStack *detail_stack;
  FerryPlanSettings *defaults_panel;
  FerryPlanSettings *override_panel;
  GtkLabel *problems_label;
  GtkLabel *detail_title;
};

G_DEFINE_FINAL_TYPE (FerryWizardOptionsPage, ferry_wizard_options_page, ADW_TYPE_BIN)

static void
update_row (FerryWizardOptionsPage *self, GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *caption = gtk_widget_get_next_sibling (name);
  FerryPlanItem *item = gtk_list_item_get_item (list_item);
  FerryVm *vm = ferry_plan_item_get_vm (item);
  FerryPreflightFlags problems = ferry_plan_item_get_problems (item);
  guint n = ferry_plan_item_get_n_overrides (item);
  g_autoptr (GString) text
      = g_string_new (ferry_migration_type_get_title (ferry_plan_item_get_migration_type (item)));

  gtk_label_set_text (GTK_LABEL (name), ferry_vm_get_name (vm));
  /* The row (GTK 4.8 would call it "GtkListItemWidget") is read as its VM. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, ferry_vm_get_name (vm), -1);
  if (n > 0)
    {
      g_autofree char *overrides = g_strdup_printf (ngettext ("%u override", "%u overrides", n), n);

      g_string_append_printf (text, " · %s", overrides);
    }
  for (guint i = 0; i < FERRY_PREFLIGHT_N_RULES; i++)
    if (problems & (1u << i))
      g_string_append_printf (text, " · %s", ferry_preflight_get_title (1u << i));
  gtk_label_set_text (GTK_LABEL (caption), text->str);
  if (problems != 0)
    gtk_widget_add_css_class (caption, "warning");
  else
    gtk_widget_remove_css_class (caption, "warning");
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FerryWizardOptionsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FerryWizardOptionsPage *self)
{
  g_hash_table_add (self->bound, item);
  update_row (self, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FerryWizardOptionsPage *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
update_detail (FerryWizardOptionsPage *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->items));
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint pos;
  g_autoptr (GString) problems = g_string_new (NULL);

  if (gtk_bitset_iter_init_first (&iter, set, &pos))
    do
      g_ptr_array_add (targets, g_list_model_get_item (G_LIST_MODEL (self->items), pos));
    while (gtk_bitset_iter_next (&iter, &pos));

  if (targets->len == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      ferry_plan_settings_set_targets (self->override_panel, NULL);
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  if (targets->len == 1)
    {
      FerryPlanItem *item = targets->pdata[0];
      FerryVm *vm = ferry_plan_item_get_vm (item);
      g_autofree char *text = ferry_preflight_describe_all (
          ferry_plan_item_get_problems (item), vm, ferry_plan_item_get_migration_type (item));

      ferry_accessible_set_label_or_hide (self->detail_title, ferry_vm_get_name (vm));
      g_string_append (problems, text);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (
          ngettext ("%u VM Selected", "%u VMs Selected", targets->len), targets->len);

      ferry_accessible_set_label_or_hide (self->detail_title, title);
    }
  ferry_accessible_set_label_or_hide (self->problems_label, problems->str);
  ferry_plan_settings_set_targets (self->override_panel, targets);
}

static void
plan_changed_cb (FerryWizardOptionsPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_row (self, item);

  /* The problems text of a single selected VM follows its settings. */
  {
    g_autoptr (GtkBitset) set
        = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->items));

    if (gtk_bitset_get_size (set) == 1)
      {
        g_autoptr (FerryPlanItem) one
            = g_list_model_get_item (G_LIST_MODEL (self->items), gtk_bitset_get_nth (set, 0));
        g_autofree char *text = ferry_preflight_describe_all (
            ferry_plan_item_get_problems (one), ferry_plan_item_get_vm (one),
            ferry_plan_item_get_migration_type (one));

        ferry_accessible_set_label_or_hide (self->problems_label, text);
      }
  }
}

static GtkWidget *
scrolled_clamp (GtkWidget *child, const char *label)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 24);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

static void
ferry_wizard_options_page_dispose (GObject *object)
{
  FerryWizardOptionsPage *self = FERRY_WIZARD_OPTIONS_PAGE (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ferry_wizard_options_page_parent_class)->dispose (object);
}

static void
ferry_wizard_options_page_class_init (FerryWizardOptionsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ferry_wizard_options_page_dispose;
}

static void
ferry_wizard_options_page_init (FerryWizardOptionsPage *self)
{
  self->bound = g_hash_table_new (g_direct_hash, g_direct_equal);
}

GtkWidget *
ferry_wizard_options_page_new (FerryPlan *plan)
{
  FerryWizardOptionsPage *self = g_object_new (FERRY_TYPE_WIZARD_OPTIONS_PAGE, NULL);
  GtkWidget *box, *switcher, *defaults_box, *paned, *list, *list_scroller, *detail, *empty;
  GtkWidget *intro;
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->plan = g_object_ref (plan);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  /* All VMs: the defaults (the HCX "green area"). */
  defaults_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  intro = gtk_label_new (_ ("These settings apply to every selected VM that does not override "
                            "them. Override a VM under “Per VM”."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (defaults_box), intro);
  self->defaults_panel = FERRY_PLAN_SETTINGS (ferry_plan_settings_new (plan, FALSE));
  gtk_widget_add_css_class (GTK_WIDGET (self->defaults_panel), "defaults-panel");
  gtk_box_append (GTK_BOX (defaults_box), GTK_WIDGET (self->defaults_panel));
  gtk_stack_add_titled (self->stack, scrolled_clamp (defaults_box, _ ("All VMs")), "defaults",
                        _ ("All VMs"));

  /* Per VM: the list on the start side, the overrides of the selected ones beside it. */
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 260);
  gtk_accessible_update_property (GTK_ACCESSIBLE (paned), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Per VM"), -1);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  self->items = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (plan)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->items)),
                            g_object_ref (factory));
  gtk_widget_set_name (list, "item-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Selected Virtual Machines"), -1);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  list_scroller = gtk_scrolled_window_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Selected Virtual Machines"), -1);
  gtk_widget_set_size_request (list_scroller, 200, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller), list);
  gtk_paned_set_start_child (GTK_PANED (paned), list_scroller);

  self->detail_stack = GTK_STACK (gtk_stack_new ());
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-select-all-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _ ("No VM Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _ ("Select one or more VMs in the list (Ctrl or Shift for "
                                      "several) to give them their own settings."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->detail_stack, empty, "empty");
  detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->detail_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_title), "title-2");
  /* Both shown once they say something (update_detail). */
  gtk_widget_set_visible (GTK_WIDGET (self->detail_title), FALSE);
  self->problems_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problems_label, TRUE);
  gtk_label_set_xalign (self->problems_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "warning");
  gtk_widget_set_name (GTK_WIDGET (self->problems_label), "problems");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
  self->override_panel = FERRY_PLAN_SETTINGS (ferry_plan_settings_new (plan, TRUE));
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->detail_title));
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->problems_label));
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->override_panel));
  gtk_stack_add_named (self->detail_stack,
                       scrolled_clamp (detail, _ ("Settings of the Selected VMs")), "detail");
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->detail_stack));
  gtk_stack_add_titled (self->stack, paned, "per-vm", _ ("Per VM"));

  adw_bin_set_child (ADW_BIN (self), box);
  g_signal_connect_object (self->items, "selection-changed", G_CALLBACK (update_detail), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (update_detail), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  update_detail (self);
  ferry_accessible_name_status_pages (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

FerryPlanSettings *
ferry_wizard_options_page_get_defaults_panel (FerryWizardOptionsPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_OPTIONS_PAGE (self), NULL);
  return self->defaults_panel;
}

FerryPlanSettings *
ferry_wizard_options_page_get_override_panel (FerryWizardOptionsPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_OPTIONS_PAGE (self), NULL);
  return self->override_panel;
}

GtkSelectionModel *
ferry_wizard_options_page_get_item_selection (FerryWizardOptionsPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_OPTIONS_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->items);
}

void
ferry_wizard_options_page_show (FerryWizardOptionsPage *self, const char *name)
{
  g_return_if_fail (FERRY_IS_WIZARD_OPTIONS_PAGE (self));
  gtk_stack_set_visible_child_name (self->stack, name);
}

void
ferry_wizard_options_page_set_offline (FerryWizardOptionsPage *self, gboolean offline)
{
  g_return_if_fail (FERRY_IS_WIZARD_OPTIONS_PAGE (self));
  ferry_plan_settings_set_offline (self->defaults_panel, offline);
  ferry_plan_settings_set_offline (self->override_panel, offline);
}
