/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-page.c: the Networks step: loading, the models, the actions, drops */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-network-map-offline.h"
#include "ferry-wizard-networks-chooser.h"
#include "ferry-wizard-networks-private.h"
#include "ferry-wizard-networks-slots.h"

G_DEFINE_FINAL_TYPE (FerryWizardNetworksPage, ferry_wizard_networks_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_STATE,
  PROP_SHOW_UNMAPPED,
  PROP_BLOCKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- State, blocker, summary ---- */

static void
refresh (FerryWizardNetworksPage *self);

static void
set_state (FerryWizardNetworksPage *self, const char *state)
{
  if (g_strcmp0 (self->state, state) == 0)
    return;
  self->state = g_intern_string (state);
  gtk_stack_set_visible_child_name (self->state_stack,
                                    g_str_equal (state, "idle") ? "board" : state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (self->source_selection != NULL)
    refresh (self);
}

static char *
compute_blocker (FerryWizardNetworksPage *self)
{
  guint unmapped = ferry_network_map_get_n_unmapped (self->map);
  guint problems = ferry_network_map_get_n_problems (self->map);

  if (g_str_equal (self->state, "loading"))
    return g_strdup (_ ("The destination’s networks are still loading."));
  if (g_str_equal (self->state, "error"))
    return g_strdup (_ ("The destination’s networks could not be loaded: Retry on the Networks "
                        "step."));
  if (unmapped > 0)
    return g_strdup_printf (ngettext ("%u connected NIC has no destination network: map it "
                                      "(“Show Unmapped” finds it).",
                                      "%u connected NICs have no destination network: map them "
                                      "(“Show Unmapped” finds them).",
                                      unmapped),
                            unmapped);
  if (problems > 0)
    return g_strdup_printf (ngettext ("%u mapping has a problem: map it to another network.",
                                      "%u mappings have problems: map them to other networks.",
                                      problems),
                            problems);
  return NULL;
}

static void
update_summary (FerryWizardNetworksPage *self)
{
  GListModel *sources = ferry_network_map_get_sources (self->map);
  GListModel *destinations = ferry_network_map_get_destinations (self->map);
  guint n_sources = g_list_model_get_n_items (sources);
  guint n_mapped = 0;
  guint unmapped = ferry_network_map_get_n_unmapped (self->map);
  guint problems = ferry_network_map_get_n_problems (self->map);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *mapped = NULL;

  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr (FerryNetworkSource) source = g_list_model_get_item (sources, i);

      if (ferry_network_source_get_target (source) != NULL)
        n_mapped++;
    }
  title = g_strdup_printf (_ ("Source Networks (%u)"), n_sources);
  gtk_label_set_text (self->sources_title, title);
  g_clear_pointer (&title, g_free);
  title = destinations != NULL ? g_strdup_printf (_ ("Destination Networks (%u)"),
                                                  g_list_model_get_n_items (destinations))
                               : g_strdup (_ ("Destination Networks"));
  gtk_label_set_text (self->targets_title, title);

  mapped = g_strdup_printf (
      ngettext ("%u of %u source network mapped", "%u of %u source networks mapped", n_sources),
      n_mapped, n_sources);
  if (n_sources == 0)
    text = g_strdup (_ ("The selected VMs have no network adapters: nothing to map."));
  else if (unmapped > 0)
    text = g_strdup_printf (ngettext ("%s · %u connected NIC not mapped yet",
                                      "%s · %u connected NICs not mapped yet", unmapped),
                            mapped, unmapped);
  else if (problems > 0)
    text = g_strdup_printf (
        ngettext ("%s · %u mapping with a problem", "%s · %u mappings with problems", problems),
        mapped, problems);
  else
    text = g_strdup_printf (_ ("%s · every connected NIC has a destination"), mapped);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), n_sources == 0 ? "dim-label"
                                                              : unmapped > 0 ? "warning"
                                                              : problems > 0 ? "error"
                                                                             : "success");
}

static void
update_empty (FerryWizardNetworksPage *self)
{
  GListModel *destinations = ferry_network_map_get_destinations (self->map);
  guint n_shown_sources = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  guint n_shown_targets = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  const char *sources_text = NULL;
  const char *targets_text = NULL;

  if (n_shown_sources == 0)
    sources_text = self->show_unmapped ? _ ("Nothing left unmapped.")
                                       : _ ("The selected VMs have no network adapters.");
  if (self->client == NULL && (destinations == NULL || ferry_network_map_get_offline (self->map))
      && (destinations == NULL || g_list_model_get_n_items (destinations) == 0))
    targets_text = _ ("Planning offline: add the destination site’s networks with “Destination "
                      "Networks…”, by name or from a list.");
  else if (destinations == NULL)
    targets_text = _ ("The destination’s networks are not known yet.");
  else if (g_list_model_get_n_items (destinations) == 0)
    targets_text = _ ("The destination site has no networks.");
  else if (n_shown_targets == 0)
    targets_text = _ ("No destination network matches the search.");
  ferry_accessible_set_label_or_hide (GTK_LABEL (self->sources_empty), sources_text);
  ferry_accessible_set_label_or_hide (GTK_LABEL (self->targets_empty), targets_text);
}

static gboolean
has_selection (FerryWizardNetworksPage *self)
{
  g_autoptr (GtkBitset) selected
      = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->source_selection));

  return !gtk_bitset_is_empty (selected);
}

static void
update_actions (FerryWizardNetworksPage *self)
{
  gboolean selected = has_selection (self);
  gboolean known = ferry_network_map_get_destinations (self->map) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "networks.map-to", selected && known);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "networks.unmap", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "networks.suggest", known);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "networks.undo",
                                 ferry_network_map_get_can_undo (self->map));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "networks.redo",
                                 ferry_network_map_get_can_redo (self->map));
}

static void
update_target_counts (FerryWizardNetworksPage *self)
{
  GListModel *sources = ferry_network_map_get_sources (self->map);
  guint n = g_list_model_get_n_items (sources);

  g_hash_table_remove_all (self->target_counts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryNetworkSource) source = g_list_model_get_item (sources, i);
      FerryNetwork *target = ferry_network_source_get_target (source);
      GPtrArray *names;

      if (target == NULL || ferry_network_get_id (target) == NULL)
        continue;
      names = g_hash_table_lookup (self->target_counts, ferry_network_get_id (target));
      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (self->target_counts, g_strdup (ferry_network_get_id (target)),
                               names);
        }
      g_ptr_array_add (names, g_strdup (ferry_network_source_get_name (source)));
    }
}

/* Everything shown follows the map: after every mapping change and selection change. */
static void
refresh (FerryWizardNetworksPage *self)
{
  g_autofree char *blocker = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  blocker = compute_blocker (self);

  if (self->show_unmapped)
    {
      gtk_filter_changed (GTK_FILTER (self->source_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (GTK_FILTER (self->nic_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  update_target_counts (self);
  update_summary (self);
  update_empty (self);
  update_actions (self);
  ferry_wizard_networks_page_update_rows (self);
  if (g_strcmp0 (blocker, self->blocker) != 0)
    {
      g_free (self->blocker);
      self->blocker = g_steal_pointer (&blocker);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKER]);
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  FerryWizardNetworksPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The map's totals change in the middle of a change, and the plan's "changed" that ends it
 * refreshes the board: one refresh a change (there were up to three). Totals that change
 * alone still refresh before the next frame. */
static void
queue_refresh (FerryWizardNetworksPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

/* ---- Models ---- */

static gboolean
source_needs_mapping (gpointer item, gpointer data)
{
  FerryNetworkSource *source = item;

  return ferry_network_source_get_n_unmapped (source) > 0
         || ferry_network_source_get_problem (source) != NULL;
}

static gboolean
nic_needs_mapping (gpointer item, gpointer data)
{
  FerryNetworkNicRef *ref = item;

  return (ferry_network_nic_ref_get_target (ref) == NULL
          && ferry_nic_get_connected (ferry_network_nic_ref_get_nic (ref)))
         || ferry_network_nic_ref_get_problem (ref) != NULL;
}

static GListModel *
create_nics (gpointer item, gpointer data)
{
  FerryWizardNetworksPage *self = data;
  GListModel *nics;

  if (!FERRY_IS_NETWORK_SOURCE (item))
    return NULL;
  nics = G_LIST_MODEL (ferry_network_nics_new (self->map, item));
  if (self->show_unmapped)
    return G_LIST_MODEL (
        gtk_filter_list_model_new (nics, g_object_ref (GTK_FILTER (self->nic_filter))));
  return nics;
}

/* A new tree (every source collapsed): at construction and when "Show Unmapped" changes what
 * the NICs under a source are. */
static void
rebuild_tree (FerryWizardNetworksPage *self)
{
  GtkTreeListModel *tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->sources)),
                                                    FALSE, FALSE, create_nics, self, NULL);

  gtk_filter_list_model_set_filter (self->sources,
                                    self->show_unmapped ? GTK_FILTER (self->source_filter) : NULL);
  gtk_multi_selection_set_model (self->source_selection, G_LIST_MODEL (tree));
  g_object_unref (tree);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self->source_view), "list.scroll-to-item", "u", 0);
}

/* The lists start at their tops: while the step is hidden, sources come and go as VMs are
 * selected, and a list view keeps whichever row it anchored in view. */
static void
scroll_to_top (FerryWizardNetworksPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->source_selection)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->source_view), "list.scroll-to-item", "u", 0);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->targets)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->target_view), "list.scroll-to-item", "u", 0);
}

static void
page_map_cb (FerryWizardNetworksPage *self)
{
  if (!self->shown_once)
    scroll_to_top (self);
  self->shown_once = TRUE;
}

static void
destinations_changed_cb (FerryWizardNetworksPage *self)
{
  gtk_sort_list_model_set_model (self->targets_sorted,
                                 ferry_network_map_get_destinations (self->map));
  refresh (self);
}

/* ---- Loading the destination's networks ---- */

static void
networks_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizardNetworksPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) networks
      = ferry_hcx_client_list_networks_finish (FERRY_HCX_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (networks == NULL)
    {
      g_autofree char *text = g_strdup_printf (
          _ ("%s\nThe mapping made so far is kept. Retry when the connection is back."),
          error->message);

      adw_status_page_set_description (self->error_page, text);
      set_state (self, "error");
      return;
    }
  /* A plan made offline: its typed-in destinations become the manager's networks by name. */
  ferry_network_map_reconcile_offline (self->map, networks, NULL);
  set_state (self, "board");
  refresh (self);
}

static void
start_loading (FerryWizardNetworksPage *self)
{
  if (self->client == NULL || self->endpoint_id == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_state (self, "loading");
  ferry_hcx_client_list_networks_async (self->client, self->endpoint_id, self->cancellable,
                                        networks_cb, g_object_ref (self));
}

void
ferry_wizard_networks_page_load (FerryWizardNetworksPage *self, FerryHcxClient *client,
                                 const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self));
  g_return_if_fail (client == NULL || FERRY_IS_HCX_CLIENT (client));

  g_set_object (&self->client, client);
  gtk_widget_set_visible (self->destinations_button, client == NULL);
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  start_loading (self);
}

/* ---- Actions ---- */

static void
map_to_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ferry_wizard_networks_page_open_chooser (FERRY_WIZARD_NETWORKS_PAGE (widget), NULL, NULL);
}

static void
unmap_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (widget);
  g_autoptr (GPtrArray) items = ferry_wizard_networks_page_selected (self);

  ferry_wizard_networks_page_unmap_items (self, items);
}

static void
unmap_source_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (widget);
  FerryNetworkSource *source
      = ferry_network_map_lookup_source (self->map, g_variant_get_string (param, NULL));

  if (source != NULL)
    ferry_network_map_unmap (self->map, &source, 1);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (widget);

  if (g_str_equal (name, "networks.undo"))
    ferry_network_map_undo (self->map);
  else
    ferry_network_map_redo (self->map);
}

static void
retry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  start_loading (FERRY_WIZARD_NETWORKS_PAGE (widget));
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (FERRY_WIZARD_NETWORKS_PAGE (widget)->search_entry));
}

static void
destinations_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ferry_wizard_networks_page_open_destinations (FERRY_WIZARD_NETWORKS_PAGE (widget));
}

static void
suggestions_closed_cb (FerryWizardNetworksPage *self)
{
  self->suggestions = NULL;
}

static void
suggest_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (widget);

  if (self->suggestions != NULL)
    gtk_window_destroy (GTK_WINDOW (self->suggestions));
  self->suggestions = ferry_wizard_networks_suggest_dialog_new (self);
  g_signal_connect_object (self->suggestions, "destroy", G_CALLBACK (suggestions_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->suggestions));
}

/* Enter (or a double click) on a destination maps the selected sources and NICs to it. */
static void
target_activate_cb (FerryWizardNetworksPage *self, guint position)
{
  g_autoptr (FerryNetwork) target = g_list_model_get_item (G_LIST_MODEL (self->targets), position);
  g_autoptr (GPtrArray) items = ferry_wizard_networks_page_selected (self);

  if (target != NULL)
    ferry_wizard_networks_page_map_items (self, items, target);
}

/* Enter on a source expands or collapses it; on a NIC opens its chooser. */
static void
source_activate_cb (FerryWizardNetworksPage *self, guint position)
{
  g_autoptr (GtkTreeListRow) row
      = g_list_model_get_item (G_LIST_MODEL (self->source_selection), position);
  g_autoptr (GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (item == NULL)
    return;
  if (gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (FERRY_IS_NETWORK_NIC_REF (item))
    {
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (items, g_object_ref (item));
      ferry_wizard_networks_page_open_chooser (self, items, NULL);
    }
}

/* The destination rows kept show other networks (a search, a new list): they are rewritten,
 * and a highlighted row no longer shows the network that was highlighted. */
static void
target_rows_changed_cb (FerryWizardNetworksPage *self, guint position, guint n)
{
  guint selected = gtk_single_selection_get_selected (self->target_selection);

  if (selected >= position && selected - position < n)
    gtk_single_selection_set_selected (self->target_selection, GTK_INVALID_LIST_POSITION);
  ferry_wizard_networks_page_update_rows (self);
}

static void
search_changed_cb (FerryWizardNetworksPage *self)
{
  gtk_string_filter_set_search (self->target_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_empty (self);
}

/* ---- GObject ---- */

static void
ferry_wizard_networks_page_constructed (GObject *object)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (object);
  GtkStringSorter *sorter;

  G_OBJECT_CLASS (ferry_wizard_networks_page_parent_class)->constructed (object);

  g_assert (self->plan != NULL);
  self->map = g_object_ref (ferry_plan_get_network_map (self->plan));

  self->source_filter = gtk_custom_filter_new (source_needs_mapping, NULL, NULL);
  self->nic_filter = gtk_custom_filter_new (nic_needs_mapping, NULL, NULL);
  self->sources
      = gtk_filter_list_model_new (g_object_ref (ferry_network_map_get_sources (self->map)), NULL);
  self->source_selection = gtk_multi_selection_new (NULL);
  rebuild_tree (self);

  sorter = gtk_string_sorter_new (gtk_property_expression_new (FERRY_TYPE_NETWORK, NULL, "name"));
  self->targets_sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (sorter));
  self->target_filter
      = gtk_string_filter_new (gtk_property_expression_new (FERRY_TYPE_NETWORK, NULL, "name"));
  gtk_string_filter_set_match_mode (self->target_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->targets = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->targets_sorted)),
                                             g_object_ref (GTK_FILTER (self->target_filter)));
  self->target_slots = G_LIST_MODEL (ferry_network_slots_new (G_LIST_MODEL (self->targets)));
  self->target_selection = gtk_single_selection_new (g_object_ref (self->target_slots));
  gtk_single_selection_set_autoselect (self->target_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->target_selection, TRUE);

  ferry_wizard_networks_page_setup_rows (self);
  gtk_list_view_set_model (self->source_view, GTK_SELECTION_MODEL (self->source_selection));
  gtk_list_view_set_model (self->target_view, GTK_SELECTION_MODEL (self->target_selection));
  g_signal_connect_object (self->source_view, "activate", G_CALLBACK (source_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_view, "activate", G_CALLBACK (target_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_selection, "selection-changed", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources, "items-changed", G_CALLBACK (update_empty), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_slots, "rows-changed", G_CALLBACK (target_rows_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->plan, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (page_map_cb), NULL);
  g_signal_connect_object (self->map, "notify::destinations", G_CALLBACK (destinations_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map, "notify::n-problems", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map, "notify::n-unmapped", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map, "notify::can-undo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map, "notify::can-redo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);

  /* Offline until a client loads the destination's networks. */
  gtk_widget_set_visible (self->destinations_button, TRUE);
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  ferry_accessible_name_status_pages (GTK_WIDGET (self));
  /* "idle" from init: set_state() would change nothing, and the stack starts on "loading". */
  gtk_stack_set_visible_child_name (self->state_stack, "board");
  set_state (self, "idle");
  destinations_changed_cb (self);
}

static void
ferry_wizard_networks_page_dispose (GObject *object)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->chooser != NULL)
    {
      GtkWidget *chooser = g_steal_pointer (&self->chooser);

      g_signal_handlers_disconnect_by_data (chooser, self);
      gtk_widget_unparent (chooser);
    }
  if (self->suggestions != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->suggestions)));
  if (self->destinations_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->destinations_dialog)));
  if (self->source_view != NULL)
    gtk_list_view_set_model (self->source_view, NULL);
  if (self->target_view != NULL)
    gtk_list_view_set_model (self->target_view, NULL);
  /* The stack is both a template child and the bin's child: the bin lets go of it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->source_view = NULL;
  self->target_view = NULL;
  g_clear_object (&self->source_selection);
  g_clear_object (&self->sources);
  g_clear_object (&self->source_filter);
  g_clear_object (&self->nic_filter);
  g_clear_object (&self->target_selection);
  g_clear_object (&self->target_slots);
  g_clear_object (&self->targets);
  g_clear_object (&self->targets_sorted);
  g_clear_object (&self->target_filter);
  g_clear_object (&self->client);
  g_clear_object (&self->map);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ferry_wizard_networks_page_parent_class)->dispose (object);
}

static void
ferry_wizard_networks_page_finalize (GObject *object)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (object);

  g_free (self->endpoint_id);
  g_free (self->blocker);
  g_hash_table_unref (self->bound_rows);
  g_hash_table_unref (self->target_counts);

  G_OBJECT_CLASS (ferry_wizard_networks_page_parent_class)->finalize (object);
}

static void
ferry_wizard_networks_page_get_property (GObject *object, guint prop_id, GValue *value,
                                         GParamSpec *pspec)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        g_value_set_object (value, self->plan);
        break;
      case PROP_STATE:
        g_value_set_string (value, self->state);
        break;
      case PROP_SHOW_UNMAPPED:
        g_value_set_boolean (value, self->show_unmapped);
        break;
      case PROP_BLOCKER:
        g_value_set_string (value, self->blocker);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_networks_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                         GParamSpec *pspec)
{
  FerryWizardNetworksPage *self = FERRY_WIZARD_NETWORKS_PAGE (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        self->plan = g_value_dup_object (value);
        break;
      case PROP_SHOW_UNMAPPED:
        ferry_wizard_networks_page_set_show_unmapped (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_networks_page_class_init (FerryWizardNetworksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ferry_wizard_networks_page_constructed;
  object_class->dispose = ferry_wizard_networks_page_dispose;
  object_class->finalize = ferry_wizard_networks_page_finalize;
  object_class->get_property = ferry_wizard_networks_page_get_property;
  object_class->set_property = ferry_wizard_networks_page_set_property;

  properties[PROP_PLAN]
      = g_param_spec_object ("plan", NULL, NULL, FERRY_TYPE_PLAN,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE]
      = g_param_spec_string ("state", NULL, NULL, "idle",
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_UNMAPPED]
      = g_param_spec_boolean ("show-unmapped", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKER]
      = g_param_spec_string ("blocker", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/ferry_hcx/Ferry/ferry-wizard-networks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, sources_title);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, targets_title);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, source_view);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, target_view);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, map_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, destinations_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, sources_empty);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardNetworksPage, targets_empty);

  gtk_widget_class_install_action (widget_class, "networks.map-to", NULL, map_to_action);
  gtk_widget_class_install_action (widget_class, "networks.unmap", NULL, unmap_action);
  gtk_widget_class_install_action (widget_class, "networks.unmap-source", "s", unmap_source_action);
  gtk_widget_class_install_action (widget_class, "networks.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "networks.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "networks.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "networks.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "networks.destinations", NULL,
                                   destinations_action);
  gtk_widget_class_install_action (widget_class, "networks.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "networks.show-unmapped",
                                            "show-unmapped");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "networks.map-to", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "networks.map-to", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "networks.unmap", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "networks.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "networks.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "networks.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "networks.search",
                                       NULL);
}

static void
ferry_wizard_networks_page_init (FerryWizardNetworksPage *self)
{
  self->state = g_intern_static_string ("idle");
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->target_counts
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ferry_wizard_networks_page_new (FerryPlan *plan)
{
  g_return_val_if_fail (FERRY_IS_PLAN (plan), NULL);
  return g_object_new (FERRY_TYPE_WIZARD_NETWORKS_PAGE, "plan", plan, NULL);
}

const char *
ferry_wizard_networks_page_get_state (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), NULL);
  return self->state;
}

const char *
ferry_wizard_networks_page_get_blocker (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), NULL);
  return self->blocker;
}

gboolean
ferry_wizard_networks_page_get_show_unmapped (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), FALSE);
  return self->show_unmapped;
}

void
ferry_wizard_networks_page_set_show_unmapped (FerryWizardNetworksPage *self, gboolean show_unmapped)
{
  g_return_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self));

  show_unmapped = !!show_unmapped;
  if (self->show_unmapped == show_unmapped)
    return;
  self->show_unmapped = show_unmapped;
  if (self->source_selection != NULL)
    {
      rebuild_tree (self);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_UNMAPPED]);
}

GtkSelectionModel *
ferry_wizard_networks_page_get_source_selection (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->source_selection);
}

GListModel *
ferry_wizard_networks_page_get_targets (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), NULL);
  return G_LIST_MODEL (self->targets);
}

void
ferry_wizard_networks_page_set_search (FerryWizardNetworksPage *self, const char *text)
{
  g_return_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

GtkWidget *
ferry_wizard_networks_page_get_chooser (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), NULL);
  return self->chooser;
}

GtkWidget *
ferry_wizard_networks_page_get_suggestions_dialog (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), NULL);
  return self->suggestions;
}
