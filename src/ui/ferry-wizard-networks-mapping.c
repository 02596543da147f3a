/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-mapping.c: the Networks step's mapping operations: what is selected, a
 * drop, "Map To…" and its chooser, unmapping; what sources and NICs say to a screen reader */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-plan-start.h"
#include "ferry-wizard-networks-chooser.h"
#include "ferry-wizard-networks-destinations.h"
#include "ferry-wizard-networks-private.h"

/* ---- Mapping ---- */

GPtrArray *
ferry_wizard_networks_page_selected (FerryWizardNetworksPage *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkBitset) selected
      = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->source_selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (GtkTreeListRow) row
          = g_list_model_get_item (G_LIST_MODEL (self->source_selection), position);

      if (row != NULL)
        g_ptr_array_add (items, gtk_tree_list_row_get_item (row));
    }
  return items;
}

gboolean
ferry_wizard_networks_page_map_items (FerryWizardNetworksPage *self, GPtrArray *items,
                                      FerryNetwork *target)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  gboolean mapped = FALSE;

  if (items == NULL || target == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      /* Only what is still on the board (a drag may outlive a selection change). */
      if (FERRY_IS_NETWORK_SOURCE (item)
          && ferry_network_map_lookup_source (
                 self->map, ferry_network_source_get_id (FERRY_NETWORK_SOURCE (item)))
                 == (FerryNetworkSource *)item)
        g_ptr_array_add (sources, item);
    }
  ferry_plan_begin_changes (self->plan);
  if (sources->len > 0)
    {
      ferry_network_map_map (self->map, (FerryNetworkSource *const *)sources->pdata, sources->len,
                             target);
      mapped = TRUE;
    }
  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (FERRY_IS_NETWORK_NIC_REF (item))
        {
          FerryNetworkNicRef *ref = FERRY_NETWORK_NIC_REF (item);

          ferry_network_map_set_exception (self->map, ferry_network_nic_ref_get_item (ref),
                                           ferry_network_nic_ref_get_nic (ref), target);
          mapped = TRUE;
        }
    }
  ferry_plan_end_changes (self->plan);
  return mapped;
}

gboolean
ferry_wizard_networks_page_drop (FerryWizardNetworksPage *self, const GValue *value,
                                 FerryNetwork *target)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), FALSE);

  if (value == NULL || !G_VALUE_HOLDS (value, G_TYPE_PTR_ARRAY) || !FERRY_IS_NETWORK (target))
    return FALSE;
  return ferry_wizard_networks_page_map_items (self, g_value_get_boxed (value), target);
}

void
ferry_wizard_networks_page_unmap_items (FerryWizardNetworksPage *self, GPtrArray *items)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    if (FERRY_IS_NETWORK_SOURCE (g_ptr_array_index (items, i))
        && ferry_network_source_get_target (g_ptr_array_index (items, i)) != NULL)
      g_ptr_array_add (sources, g_ptr_array_index (items, i));
  ferry_plan_begin_changes (self->plan);
  if (sources->len > 0)
    ferry_network_map_unmap (self->map, (FerryNetworkSource *const *)sources->pdata, sources->len);
  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (FERRY_IS_NETWORK_NIC_REF (item)
          && ferry_network_nic_ref_get_exception (FERRY_NETWORK_NIC_REF (item)))
        ferry_network_map_set_exception (
            self->map, ferry_network_nic_ref_get_item (FERRY_NETWORK_NIC_REF (item)),
            ferry_network_nic_ref_get_nic (FERRY_NETWORK_NIC_REF (item)), NULL);
    }
  ferry_plan_end_changes (self->plan);
}

/* ---- The chooser ---- */

static void
chooser_chosen_cb (FerryNetworkChooser *chooser, FerryNetwork *network,
                   FerryWizardNetworksPage *self)
{
  GPtrArray *items = g_object_get_data (G_OBJECT (chooser), "ferry-items");

  ferry_wizard_networks_page_map_items (self, items, network);
}

static gboolean
unparent_cb (gpointer data)
{
  if (gtk_widget_get_parent (data) != NULL)
    gtk_widget_unparent (data);
  return G_SOURCE_REMOVE;
}

static void
chooser_closed_cb (GtkPopover *chooser, FerryWizardNetworksPage *self)
{
  if (self->chooser == GTK_WIDGET (chooser))
    self->chooser = NULL;
  /* After the popover's own handlers: it is unparented from an idle. */
  g_idle_add_full (G_PRIORITY_DEFAULT, unparent_cb, g_object_ref (chooser), g_object_unref);
}

static char *
chooser_heading (GPtrArray *items)
{
  guint n_sources = 0, n_nics = 0;
  GObject *first = items->len > 0 ? g_ptr_array_index (items, 0) : NULL;

  for (guint i = 0; i < items->len; i++)
    {
      if (FERRY_IS_NETWORK_SOURCE (g_ptr_array_index (items, i)))
        n_sources++;
      else
        n_nics++;
    }
  if (items->len == 1 && FERRY_IS_NETWORK_SOURCE (first))
    return g_strdup_printf (_ ("Map %s To"),
                            ferry_network_source_get_name (FERRY_NETWORK_SOURCE (first)));
  if (items->len == 1)
    {
      FerryNetworkNicRef *ref = FERRY_NETWORK_NIC_REF (first);

      return g_strdup_printf (
          _ ("Map %s’s %s To"),
          ferry_vm_get_name (ferry_plan_item_get_vm (ferry_network_nic_ref_get_item (ref))),
          ferry_nic_get_label (ferry_network_nic_ref_get_nic (ref)));
    }
  if (n_nics == 0)
    return g_strdup_printf (ngettext ("Map %u Network To", "Map %u Networks To", n_sources),
                            n_sources);
  if (n_sources == 0)
    return g_strdup_printf (ngettext ("Map %u NIC To", "Map %u NICs To", n_nics), n_nics);
  return g_strdup_printf (_ ("Map %u Networks and %u NICs To"), n_sources, n_nics);
}

void
ferry_wizard_networks_page_open_chooser (FerryWizardNetworksPage *self, GPtrArray *items,
                                         GtkWidget *anchor)
{
  g_autoptr (GPtrArray) selected = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *chooser;

  if (items == NULL)
    items = selected = ferry_wizard_networks_page_selected (self);
  if (items->len == 0 || ferry_network_map_get_destinations (self->map) == NULL)
    return;
  if (anchor == NULL || !gtk_widget_get_mapped (anchor))
    anchor = GTK_WIDGET (self->source_view);
  if (self->chooser != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->chooser));

  heading = chooser_heading (items);
  chooser = ferry_network_chooser_new (G_LIST_MODEL (self->targets_sorted), heading);
  g_object_set_data_full (G_OBJECT (chooser), "ferry-items", g_ptr_array_ref (items),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (chooser_chosen_cb), self, 0);
  g_signal_connect_object (chooser, "closed", G_CALLBACK (chooser_closed_cb), self, 0);
  gtk_widget_set_parent (chooser, anchor);
  self->chooser = chooser;
  gtk_popover_popup (GTK_POPOVER (chooser));
}

static void
destinations_closed_cb (FerryWizardNetworksPage *self)
{
  self->destinations_dialog = NULL;
}

/* ---- Offline: the destination networks typed in ---- */

void
ferry_wizard_networks_page_open_destinations (FerryWizardNetworksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->client != NULL || ferry_plan_get_read_only (self->plan))
    return;
  if (self->destinations_dialog == NULL)
    {
      self->destinations_dialog = ferry_wizard_networks_destinations_new (
          GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->map);
      gtk_widget_set_name (self->destinations_dialog, "destinations-dialog");
      g_signal_connect_object (self->destinations_dialog, "destroy",
                               G_CALLBACK (destinations_closed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->destinations_dialog));
}

GtkWidget *
ferry_wizard_networks_page_get_destinations_dialog (FerryWizardNetworksPage *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_NETWORKS_PAGE (self), NULL);
  return self->destinations_dialog;
}

const char *
ferry_wizard_networks_vlan_text (guint vlan, char buf[32])
{
  if (vlan == 0)
    return NULL;
  g_snprintf (buf, 32, _ ("VLAN %u"), vlan);
  return buf;
}

/* ---- Descriptions (what the rows say to a screen reader) ---- */

char *
ferry_wizard_networks_describe_source (FerryWizardNetworksPage *self, FerryNetworkSource *source)
{
  FerryNetwork *target = ferry_network_source_get_target (source);
  const char *problem = ferry_network_source_get_problem (source);
  guint unmapped = ferry_network_source_get_n_unmapped (source);
  GString *s = g_string_new (ferry_network_source_get_name (source));
  char vlan[32];

  g_string_append_printf (
      s, ", %s", ferry_network_type_title (ferry_network_source_get_network_type (source)));
  if (ferry_wizard_networks_vlan_text (ferry_network_source_get_vlan (source), vlan) != NULL)
    g_string_append_printf (s, ", %s", vlan);
  g_string_append (s, ", ");
  g_string_append_printf (s,
                          ngettext ("%u NIC", "%u NICs", ferry_network_source_get_n_nics (source)),
                          ferry_network_source_get_n_nics (source));
  g_string_append_printf (
      s, ngettext (" on %u VM", " on %u VMs", ferry_network_source_get_n_vms (source)),
      ferry_network_source_get_n_vms (source));
  if (target != NULL)
    g_string_append_printf (s, _ (": mapped to %s"), ferry_network_get_name (target));
  else
    g_string_append (s, _ (": not mapped"));
  if (unmapped > 0)
    g_string_append_printf (s,
                            ngettext (", %u connected NIC without a destination",
                                      ", %u connected NICs without a destination", unmapped),
                            unmapped);
  if (ferry_network_source_get_n_exceptions (source) > 0)
    g_string_append_printf (s,
                            ngettext (", %u exception", ", %u exceptions",
                                      ferry_network_source_get_n_exceptions (source)),
                            ferry_network_source_get_n_exceptions (source));
  if (problem != NULL)
    g_string_append_printf (s, _ (". Problem: %s"), problem);
  return g_string_free (s, FALSE);
}

char *
ferry_wizard_networks_nic_name (FerryNetworkNicRef *ref)
{
  return g_strdup_printf (
      "%s %s", ferry_vm_get_name (ferry_plan_item_get_vm (ferry_network_nic_ref_get_item (ref))),
      ferry_nic_get_label (ferry_network_nic_ref_get_nic (ref)));
}

char *
ferry_wizard_networks_describe_nic (FerryNetworkNicRef *ref)
{
  FerryNic *nic = ferry_network_nic_ref_get_nic (ref);
  FerryNetwork *target = ferry_network_nic_ref_get_target (ref);
  const char *problem = ferry_network_nic_ref_get_problem (ref);
  g_autofree char *name = ferry_wizard_networks_nic_name (ref);
  GString *s = g_string_new (name);

  if (ferry_nic_get_mac_address (nic) != NULL)
    g_string_append_printf (s, ", %s", ferry_nic_get_mac_address (nic));
  if (ferry_network_nic_ref_get_primary (ref))
    g_string_append_printf (s, ", %s", _ ("primary"));
  g_string_append_printf (s, ", %s",
                          ferry_nic_get_connected (nic) ? _ ("connected") : _ ("not connected"));
  if (target == NULL)
    g_string_append (s, _ (": not mapped"));
  else if (ferry_network_nic_ref_get_exception (ref))
    g_string_append_printf (s, _ (": mapped to %s by exception"), ferry_network_get_name (target));
  else
    g_string_append_printf (s, _ (": mapped to %s by its network’s rule"),
                            ferry_network_get_name (target));
  if (problem != NULL)
    g_string_append_printf (s, _ (". Problem: %s"), problem);
  return g_string_free (s, FALSE);
}
