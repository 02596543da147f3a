/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-private.h: what the Networks step's files share */
#pragma once

#include "ferry-wizard-networks-page.h"

G_BEGIN_DECLS

struct _FerryWizardNetworksPage
{
  AdwBin parent_instance;

  FerryPlan *plan;
  FerryNetworkMap *map;
  GCancellable *cancellable;
  FerryHcxClient *client;
  char *endpoint_id;
  const char *state;
  char *blocker;
  gboolean show_unmapped;
  gboolean shown_once;
  guint refresh_id; /* a refresh queued by the map's totals, until the plan's "changed" */

  /* Left: sources (filtered by "Show Unmapped") → tree with their NICs → selection. */
  GtkCustomFilter *source_filter;
  GtkCustomFilter *nic_filter;
  GtkFilterListModel *sources;
  GtkMultiSelection *source_selection;
  GHashTable *bound_rows; /* GtkListItem of either column, bound now */
  /* Right: destinations, sorted and searched. */
  GtkStringFilter *target_filter;
  GtkSortListModel *targets_sorted;
  GtkFilterListModel *targets;
  GListModel *target_slots; /* the destination rows by position (FerryNetworkSlots) */
  GtkSingleSelection *target_selection;
  GHashTable *target_counts; /* destination id → the number of sources mapped to it */
  GtkWidget *chooser;
  GtkWidget *suggestions;

  /* template widgets */
  GtkStack *state_stack;
  AdwStatusPage *error_page;
  GtkLabel *summary_label;
  GtkLabel *sources_title;
  GtkLabel *targets_title;
  GtkListView *source_view;
  GtkListView *target_view;
  GtkSearchEntry *search_entry;
  GtkWidget *map_button;
  GtkWidget *destinations_button; /* offline only */
  GtkWidget *destinations_dialog; /* the open one, or NULL */
  GtkWidget *sources_empty;
  GtkWidget *targets_empty;
};

/* ferry-wizard-networks-mapping.c: the selection, drops, the chooser (the functions below
 * up to the suggestions). */

/* Offline: opens (or raises) the "Destination Networks" dialog over the plan's map. */
void
ferry_wizard_networks_page_open_destinations (FerryWizardNetworksPage *self);

/* ferry-wizard-networks-rows.c: the two columns' rows, their drag sources and drop targets. */
void
ferry_wizard_networks_page_setup_rows (FerryWizardNetworksPage *self);
/* Shows the current state of every bound row (after a mapping change). */
void
ferry_wizard_networks_page_update_rows (FerryWizardNetworksPage *self);
/* What a drag of the row showing @item carries: @item, or every selected row if it is one of
 * them. */
GdkContentProvider *
ferry_wizard_networks_page_drag_content (FerryWizardNetworksPage *self, GObject *item);
/* The screen reader's name of a destination, a source, a NIC (newly allocated). */
char *
ferry_wizard_networks_describe_source (FerryWizardNetworksPage *self, FerryNetworkSource *source);
char *
ferry_wizard_networks_describe_nic (FerryNetworkNicRef *ref);
/* "VLAN @vlan" in @buf, or NULL for none (0). */
const char *
ferry_wizard_networks_vlan_text (guint vlan, char buf[32]);
/* The VM's name and the NIC's label (newly allocated). */
char *
ferry_wizard_networks_nic_name (FerryNetworkNicRef *ref);

/* The selected rows' items (FerryNetworkSource / FerryNetworkNicRef), in order. */
GPtrArray *
ferry_wizard_networks_page_selected (FerryWizardNetworksPage *self);
/* Opens the chooser for @items (NULL: the selected rows) pointing at @anchor (NULL: the Map
 * To… button). */
void
ferry_wizard_networks_page_open_chooser (FerryWizardNetworksPage *self, GPtrArray *items,
                                         GtkWidget *anchor);
/* Maps @items to @target: sources by rule (one undo step), NICs by exception. */
gboolean
ferry_wizard_networks_page_map_items (FerryWizardNetworksPage *self, GPtrArray *items,
                                      FerryNetwork *target);

/* Unmaps the sources among @items and resets the NICs among them to their rules. */
void
ferry_wizard_networks_page_unmap_items (FerryWizardNetworksPage *self, GPtrArray *items);

/* ferry-wizard-networks-suggest.c: "Suggest Mappings". */
GtkWidget *
ferry_wizard_networks_suggest_dialog_new (FerryWizardNetworksPage *self);

G_END_DECLS
