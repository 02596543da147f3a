/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ferry-vm-selection.h"
#include "ferry-wizard-vm-page.h"

G_BEGIN_DECLS

struct _FerryWizardVmPage
{
  AdwBin parent_instance;

  FerryPlan *plan;
  GListModel *inventory; /* the whole inventory, once loaded */
  FerryVmArray *rows;    /* the inventory as an array, growing while it loads */
  GListStore *loading;   /* the pages loaded so far, while loading */
  FerryVmSelection *selection;
  GCancellable *load_cancellable;
  gboolean is_loading;
  gboolean syncing;
  GHashTable *bound;       /* GtkListItem bound now → its column */
  GHashTable *distinct[3]; /* the filter dropdowns' values seen: cluster, folder, guest */
  GObject *probe[2];       /* two objects to ask the column view's sorter which column */
  int probed_column;
  FerryInventoryFacts *facts; /* where the inventory's facts came from, or NULL */

  /* filter state */
  char *search; /* case-folded */
  char *cluster;
  char *folder;
  char *guest;
  FerryPowerState power;
  gboolean only_problems;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkToggleButton *problems_button;
  GtkRevealer *loading_revealer;
  GtkLabel *loading_label;
  GtkProgressBar *loading_bar;
  GtkLabel *error_label;
  GtkColumnView *column_view;
  GtkLabel *summary_label;
  GtkPopover *filter_popover;
  GtkDropDown *cluster_dropdown;
  GtkDropDown *folder_dropdown;
  GtkDropDown *power_dropdown;
  GtkDropDown *guest_dropdown;
};

/* ferry-wizard-vm-columns.c */
void
_ferry_wizard_vm_page_setup_columns (FerryWizardVmPage *self);
void
_ferry_wizard_vm_page_refresh_badges (FerryWizardVmPage *self);
void
_ferry_wizard_vm_page_rebind (FerryWizardVmPage *self, guint position, guint n_rows);
void
_ferry_wizard_vm_page_sorter_changed (FerryWizardVmPage *self);
void
_ferry_wizard_vm_page_import_names_action (GtkWidget *widget, const char *name, GVariant *param);
void
_ferry_wizard_vm_page_focus_search_action (GtkWidget *widget, const char *name, GVariant *param);

G_END_DECLS
