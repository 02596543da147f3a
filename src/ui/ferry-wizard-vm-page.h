/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-hcx-client.h"
#include "ferry-inventory-facts.h"
#include "ferry-plan.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WIZARD_VM_PAGE (ferry_wizard_vm_page_get_type ())
G_DECLARE_FINAL_TYPE (FerryWizardVmPage, ferry_wizard_vm_page, FERRY, WIZARD_VM_PAGE, AdwBin)

/* The wizard's first step: the source inventory in a column view (search as you type, filters,
 * sortable columns, pre-flight badges); its selection is the plan's (FerryVmSelection).
 *
 * Properties: "plan" (FerryPlan, construct-only), "inventory" (GListModel of FerryVm, read-only:
 * the whole inventory once loaded, NULL while it loads or after a load that did not finish),
 * "loading" (bool). Signal "loaded" when an inventory load ends (error or not).
 *
 * While the inventory loads, each page's VMs join the list as they arrive: they can be searched,
 * sorted and selected at once, and the search, sort and selection hold for the pages after. */
GtkWidget *
ferry_wizard_vm_page_new (FerryPlan *plan);

/* Loads the local site's VMs page by page (cancellable with "vms.cancel-loading"). */
void
ferry_wizard_vm_page_load (FerryWizardVmPage *self, FerryHcxClient *client);
/* Shows @inventory (a GListModel of FerryVm) and reconciles the plan with it. */
void
ferry_wizard_vm_page_set_inventory (FerryWizardVmPage *self, GListModel *inventory);
GListModel *
ferry_wizard_vm_page_get_inventory (FerryWizardVmPage *self);
/* Where the inventory's facts came from (the manager's, enriched from an RVTools export):
 * the badges are checked again and their explanations name each fact's source and age. */
void
ferry_wizard_vm_page_set_facts (FerryWizardVmPage *self, FerryInventoryFacts *facts);
gboolean
ferry_wizard_vm_page_get_loading (FerryWizardVmPage *self);
/* The rows shown: the VMs loaded so far, filtered and sorted, as the view's selection model
 * (a FerryVmSelection: items are FerryVmRow, ferry_vm_selection_get_vm() gives the VM). */
GtkSelectionModel *
ferry_wizard_vm_page_get_selection (FerryWizardVmPage *self);
GtkColumnView *
ferry_wizard_vm_page_get_column_view (FerryWizardVmPage *self);

/* Filters, for the tests and the benchmark (the widgets do the same). NULL = any. */
void
ferry_wizard_vm_page_set_search (FerryWizardVmPage *self, const char *text);
void
ferry_wizard_vm_page_set_cluster_filter (FerryWizardVmPage *self, const char *cluster);
void
ferry_wizard_vm_page_set_power_filter (FerryWizardVmPage *self, FerryPowerState state);
void
ferry_wizard_vm_page_set_problems_filter (FerryWizardVmPage *self, gboolean only_problems);

/* Selects the VMs named in @text (ferry_plan_parse_names()); returns how many were added and
 * the names not found. */
guint
ferry_wizard_vm_page_select_names (FerryWizardVmPage *self, const char *text, GStrv *out_missing);

/* What a VM's pre-flight badge says on hover: each problem and the option that fixes it (or
 * why nothing could be checked); NULL when there is nothing to say. */
char *
ferry_wizard_vm_page_describe_problems (FerryWizardVmPage *self, FerryVm *vm);

G_END_DECLS
