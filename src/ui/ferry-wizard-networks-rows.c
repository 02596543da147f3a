/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-rows.c: the board's rows: a source network (or one of its NICs) on
 * the left, with its drag source and its link; a destination network on the right, with its
 * drop target */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-wizard-networks-chooser.h"
#include "ferry-wizard-networks-private.h"
#include "ferry-wizard-networks-slots.h"

/* The widgets of one row of either column, kept on its GtkListItem. */
typedef struct
{
  FerryWizardNetworksPage *page;
  GtkListItem *list_item;
  gboolean target; /* a destination row */
  GtkWidget *expander;
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *tag;
  GtkWidget *caption;
  GtkWidget *status;
  GtkWidget *link;
  GtkWidget *link_label;
  GtkWidget *link_tag;
  GtkWidget *unmap_button;
  GtkWidget *unmapped;
  GtkWidget *text;          /* the column of lines beside the icon */
  GtkWidget *change_button; /* NIC rows only: made when a row first shows a NIC */
  GtkWidget *reset_button;
  GtkWidget *problem;
  char *shown; /* what the row shows now (row_signature), or NULL after a bind */
  /* The tooltips of the title and the link, given when GTK asks for them: setting a widget's
   * tooltip text makes GTK 4.8 ask the display where the pointer is (an X round trip a row). */
  char *title_tip;
  char *link_tip;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->shown);
  g_free (row->title_tip);
  g_free (row->link_tip);
  g_free (row);
}

/* One line of a row's text. GTK 4.8 keeps ~200 rows of each list alive and measures them all; a
 * GtkInscription's size comes from its character counts, so only the rows on screen lay out their
 * text (a GtkLabel shapes its text to be measured: ~30 ms of the ~200 ms of entering the step). */
static GtkWidget *
line_new (GtkInscriptionOverflow overflow, guint min_chars, guint nat_chars)
{
  GtkWidget *line = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (line), overflow);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (line), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (line), nat_chars);
  return line;
}

static void
line_set (GtkWidget *line, const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (line), text);
}

static GtkWidget *
caption_label (void)
{
  GtkWidget *label = line_new (GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END, 8, 36);

  gtk_widget_add_css_class (label, "caption");
  return label;
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  char **text)
{
  if (*text == NULL || **text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, *text);
  return TRUE;
}

/* @widget shows the text at @slot as its tooltip, read when the tooltip is shown. */
static void
lazy_tooltip (GtkWidget *widget, char **slot)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), slot);
}

static void
set_tip (char **slot, const char *text)
{
  if (g_strcmp0 (*slot, text) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (text);
}

static GObject *
row_item (Row *row)
{
  gpointer item = gtk_list_item_get_item (row->list_item);

  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (item); /* a new reference */
  if (FERRY_IS_NETWORK_SLOT (item))
    return ferry_network_slot_dup_item (item);
  return item != NULL ? g_object_ref (item) : NULL;
}

static void
name_row (Row *row, const char *name)
{
  GtkWidget *child = gtk_list_item_get_child (row->list_item);
  GtkWidget *parent = child != NULL ? gtk_widget_get_parent (child) : NULL;

  /* The expander (a group to GTK 4.8) says what expanding it shows. */
  if (row->expander != NULL)
    {
      g_autoptr (GObject) item = row_item (row);
      g_autofree char *label
          = FERRY_IS_NETWORK_SOURCE (item) ? g_strdup_printf (
                _ ("NICs on %s"), ferry_network_source_get_name (FERRY_NETWORK_SOURCE (item)))
                                           : g_strdup (name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
  /* The row (GTK 4.8 would call it "GtkListItemWidget") is read as what it shows. */
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static void
set_class (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* ---- Drag and drop ---- */

GdkContentProvider *
ferry_wizard_networks_page_drag_content (FerryWizardNetworksPage *self, GObject *item)
{
  g_autoptr (GPtrArray) items = ferry_wizard_networks_page_selected (self);
  gboolean in_selection = FALSE;
  GValue value = G_VALUE_INIT;
  GdkContentProvider *content;

  for (guint i = 0; i < items->len && !in_selection; i++)
    in_selection = g_ptr_array_index (items, i) == (gpointer)item;
  if (!in_selection)
    {
      g_ptr_array_set_size (items, 0);
      g_ptr_array_add (items, g_object_ref (item));
    }
  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, items);
  content = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return content;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, Row *row)
{
  g_autoptr (GObject) item = row_item (row);

  if (item == NULL || ferry_network_map_get_destinations (row->page->map) == NULL)
    return NULL;
  return ferry_wizard_networks_page_drag_content (row->page, item);
}

/* The drag icon names what is dragged and how many NICs. */
static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, Row *row)
{
  GdkContentProvider *content = gdk_drag_get_content (drag);
  GValue value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  GPtrArray *items;
  guint n_sources = 0, n_nics = 0;
  GtkWidget *label;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  if (!gdk_content_provider_get_value (content, &value, NULL)
      || (items = g_value_get_boxed (&value)) == NULL || items->len == 0)
    {
      g_value_unset (&value);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (FERRY_IS_NETWORK_SOURCE (item))
        n_nics += ferry_network_source_get_n_nics (FERRY_NETWORK_SOURCE (item)), n_sources++;
      else
        n_nics++;
    }
  if (items->len == 1 && n_sources == 1)
    text = g_strdup_printf (
        ngettext ("%s · %u NIC", "%s · %u NICs", n_nics),
        ferry_network_source_get_name (FERRY_NETWORK_SOURCE (g_ptr_array_index (items, 0))),
        n_nics);
  else if (items->len == 1)
    text = ferry_wizard_networks_nic_name (FERRY_NETWORK_NIC_REF (g_ptr_array_index (items, 0)));
  else if (n_sources == items->len)
    text = g_strdup_printf (ngettext ("%u networks · %u NIC", "%u networks · %u NICs", n_nics),
                            n_sources, n_nics);
  else
    text = g_strdup_printf (ngettext ("%u items · %u NIC", "%u items · %u NICs", n_nics),
                            items->len, n_nics);
  g_value_unset (&value);

  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "network-drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), label);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, Row *row)
{
  g_autoptr (GObject) item = row_item (row);

  return FERRY_IS_NETWORK (item)
         && ferry_wizard_networks_page_drop (row->page, value, FERRY_NETWORK (item));
}

/* ---- Source rows (and NIC rows under an expanded source) ---- */

static void
change_clicked_cb (GtkButton *button, Row *row)
{
  g_autoptr (GObject) item = row_item (row);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!FERRY_IS_NETWORK_NIC_REF (item))
    return;
  g_ptr_array_add (items, g_object_ref (item));
  ferry_wizard_networks_page_open_chooser (row->page, items, GTK_WIDGET (button));
}

static void
reset_clicked_cb (GtkButton *button, Row *row)
{
  g_autoptr (GObject) item = row_item (row);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!FERRY_IS_NETWORK_NIC_REF (item))
    return;
  g_ptr_array_add (items, g_object_ref (item));
  ferry_wizard_networks_page_unmap_items (row->page, items);
}

static Row *
row_new (FerryWizardNetworksPage *self, GtkListItem *list_item, gboolean target)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow;

  row->page = self;
  row->list_item = list_item;
  row->target = target;
  row->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (row->row, target ? "network-target" : "network-source");
  /* For the widget tests: which row of the model this widget shows. */
  g_object_set_data (G_OBJECT (row->row), "ferry-list-item", list_item);
  row->icon = gtk_image_new ();
  gtk_widget_set_valign (row->icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->icon, "dim-label");
  row->title = line_new (GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE, 8, 28);
  gtk_widget_set_hexpand (row->title, TRUE);
  gtk_widget_add_css_class (row->title, "network-name");
  lazy_tooltip (row->title, &row->title_tip);
  row->tag = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->tag, "network-tag");
  gtk_widget_set_valign (row->tag, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (title_box), row->title);
  gtk_box_append (GTK_BOX (title_box), row->tag);
  row->caption = caption_label ();
  gtk_widget_add_css_class (row->caption, "dim-label");
  gtk_box_append (GTK_BOX (text), title_box);
  gtk_box_append (GTK_BOX (text), row->caption);

  if (!target)
    {
      row->status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_margin_top (row->status, 2);
      row->link = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_widget_add_css_class (row->link, "network-link");
      lazy_tooltip (row->link, &row->link_tip);
      gtk_widget_set_valign (row->link, GTK_ALIGN_CENTER);
      arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_box_append (GTK_BOX (row->link), arrow);
      row->link_label = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (row->link_label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (row->link_label), 40);
      gtk_label_set_width_chars (GTK_LABEL (row->link_label), 9);
      gtk_box_append (GTK_BOX (row->link), row->link_label);
      row->link_tag = gtk_label_new (NULL);
      gtk_widget_add_css_class (row->link_tag, "network-link-tag");
      gtk_box_append (GTK_BOX (row->link), row->link_tag);
      row->unmap_button = gtk_button_new_with_label (_ ("Unmap"));
      gtk_widget_add_css_class (row->unmap_button, "flat");
      gtk_widget_add_css_class (row->unmap_button, "network-unmap");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row->unmap_button), "s", "");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row->unmap_button), "networks.unmap-source");
      gtk_box_append (GTK_BOX (row->link), row->unmap_button);
      gtk_box_append (GTK_BOX (row->status), row->link);
      row->unmapped = line_new (GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END, 8, 26);
      gtk_widget_set_hexpand (row->unmapped, TRUE);
      gtk_widget_add_css_class (row->unmapped, "network-unmapped");
      gtk_widget_add_css_class (row->unmapped, "caption");
      gtk_box_append (GTK_BOX (row->status), row->unmapped);
      gtk_box_append (GTK_BOX (text), row->status);
    }
  else
    {
      row->unmapped = caption_label ();
      gtk_widget_add_css_class (row->unmapped, "network-mapped-from");
      gtk_box_append (GTK_BOX (text), row->unmapped);
    }
  row->text = text;
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row->row), row->icon);
  gtk_box_append (GTK_BOX (row->row), text);
  return row;
}

/* The widgets only some rows show are made when a row first needs them: GTK 4.8 keeps ~200 rows
 * of each list alive, and entering the step makes them all. */
static void
show_problem (Row *row, const char *problem)
{
  if (problem == NULL)
    {
      if (row->problem != NULL)
        gtk_widget_set_visible (row->problem, FALSE);
      return;
    }
  if (row->problem == NULL)
    {
      row->problem = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->problem), 0);
      gtk_label_set_wrap (GTK_LABEL (row->problem), TRUE);
      gtk_widget_add_css_class (row->problem, "caption");
      gtk_widget_add_css_class (row->problem, "error");
      gtk_box_append (GTK_BOX (row->text), row->problem); /* the last line */
    }
  gtk_label_set_text (GTK_LABEL (row->problem), problem);
  gtk_widget_set_visible (row->problem, TRUE);
}

static void
ensure_nic_buttons (Row *row)
{
  if (row->change_button != NULL)
    return;
  row->change_button = gtk_button_new_with_label (_ ("Change…"));
  gtk_widget_add_css_class (row->change_button, "flat");
  gtk_widget_add_css_class (row->change_button, "network-nic-button");
  g_signal_connect (row->change_button, "clicked", G_CALLBACK (change_clicked_cb), row);
  gtk_box_append (GTK_BOX (row->status), row->change_button);
  row->reset_button = gtk_button_new_with_label (_ ("Reset to Rule"));
  gtk_widget_add_css_class (row->reset_button, "flat");
  gtk_widget_add_css_class (row->reset_button, "network-nic-button");
  g_signal_connect (row->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), row);
  gtk_widget_set_halign (row->reset_button, GTK_ALIGN_START);
  /* On a line of its own under the status (only exceptions have it), so a narrow column still
   * fits. */
  gtk_box_insert_child_after (GTK_BOX (row->text), row->reset_button, row->status);
}

static void
update_source (Row *row, FerryNetworkSource *source)
{
  FerryNetwork *target = ferry_network_source_get_target (source);
  const char *problem = ferry_network_source_get_problem (source);
  guint unmapped = ferry_network_source_get_n_unmapped (source);
  guint exceptions = ferry_network_source_get_n_exceptions (source);
  GString *caption
      = g_string_new (ferry_network_type_title (ferry_network_source_get_network_type (source)));
  g_autofree char *a11y = ferry_wizard_networks_describe_source (row->page, source);
  char vlan[32];

  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), "network-wired-symbolic");
  line_set (row->title, ferry_network_source_get_name (source));
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (row->title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  set_tip (&row->title_tip, ferry_network_source_get_name (source));
  gtk_widget_set_visible (row->tag, exceptions > 0);
  if (exceptions > 0)
    {
      g_autofree char *text
          = g_strdup_printf (ngettext ("%u exception", "%u exceptions", exceptions), exceptions);

      gtk_label_set_text (GTK_LABEL (row->tag), text);
    }
  if (ferry_wizard_networks_vlan_text (ferry_network_source_get_vlan (source), vlan) != NULL)
    g_string_append_printf (caption, " · %s", vlan);
  g_string_append (caption, " · ");
  g_string_append_printf (caption,
                          ngettext ("%u NIC", "%u NICs", ferry_network_source_get_n_nics (source)),
                          ferry_network_source_get_n_nics (source));
  g_string_append (caption, " · ");
  g_string_append_printf (caption,
                          ngettext ("%u VM", "%u VMs", ferry_network_source_get_n_vms (source)),
                          ferry_network_source_get_n_vms (source));
  line_set (row->caption, caption->str);
  g_string_free (caption, TRUE);

  gtk_widget_set_visible (row->link, target != NULL);
  gtk_widget_set_visible (row->link_tag, FALSE);
  gtk_widget_set_visible (row->unmap_button, target != NULL);
  if (row->change_button != NULL)
    {
      gtk_widget_set_visible (row->change_button, FALSE);
      gtk_widget_set_visible (row->reset_button, FALSE);
    }
  set_class (row->link, "error", problem != NULL);
  set_class (row->link, "exception", FALSE);
  if (target != NULL)
    {
      g_autofree char *unmap
          = g_strdup_printf (_ ("Unmap %s from %s"), ferry_network_source_get_name (source),
                             ferry_network_get_name (target));
      g_autofree char *link
          = g_strdup_printf (_ ("%s mapped to %s"), ferry_network_source_get_name (source),
                             ferry_network_get_name (target));

      gtk_label_set_text (GTK_LABEL (row->link_label), ferry_network_get_name (target));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row->unmap_button), "s",
                                        ferry_network_source_get_id (source));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->unmap_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, unmap, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->link), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      link, -1);
      set_tip (&row->link_tip, link);
    }
  gtk_widget_set_visible (row->unmapped, unmapped > 0);
  if (unmapped > 0)
    {
      g_autofree char *text = NULL;

      if (target == NULL)
        text = g_strdup_printf (
            ngettext ("Not mapped · %u connected NIC", "Not mapped · %u connected NICs", unmapped),
            unmapped);
      else
        text = g_strdup_printf (
            ngettext ("%u connected NIC not mapped", "%u connected NICs not mapped", unmapped),
            unmapped);
      line_set (row->unmapped, text);
    }
  else if (target == NULL)
    {
      /* Only disconnected NICs: nothing blocks, but nothing is mapped either. */
      line_set (row->unmapped, _ ("Not mapped · no connected NIC"));
      gtk_widget_set_visible (row->unmapped, TRUE);
    }
  set_class (row->unmapped, "warning", unmapped > 0);
  set_class (row->unmapped, "dim-label", unmapped == 0);
  show_problem (row, problem);
  set_class (row->row, "unmapped", unmapped > 0);
  name_row (row, a11y);
}

static void
update_nic (Row *row, FerryNetworkNicRef *ref)
{
  FerryNic *nic = ferry_network_nic_ref_get_nic (ref);
  FerryNetwork *target = ferry_network_nic_ref_get_target (ref);
  const char *problem = ferry_network_nic_ref_get_problem (ref);
  gboolean exception = ferry_network_nic_ref_get_exception (ref);
  gboolean connected = ferry_nic_get_connected (nic);
  g_autofree char *name = ferry_wizard_networks_nic_name (ref);
  g_autofree char *a11y = ferry_wizard_networks_describe_nic (ref);
  g_autofree char *change = g_strdup_printf (_ ("Map %s elsewhere"), name);
  g_autofree char *reset = g_strdup_printf (_ ("Reset %s to its network’s rule"), name);
  const char *vm_name
      = ferry_vm_get_name (ferry_plan_item_get_vm (ferry_network_nic_ref_get_item (ref)));
  GString *caption = g_string_new (ferry_nic_get_label (nic));

  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), connected
                                                           ? "computer-symbolic"
                                                           : "network-wired-disconnected-symbolic");
  /* The VM as the title (ellipsized at its end), the adapter in the caption. */
  line_set (row->title, vm_name);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (row->title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  set_tip (&row->title_tip, name);
  gtk_widget_set_visible (row->tag, ferry_network_nic_ref_get_primary (ref));
  gtk_label_set_text (GTK_LABEL (row->tag), _ ("Primary"));
  if (ferry_nic_get_mac_address (nic) != NULL)
    g_string_append_printf (caption, "%s%s", caption->len > 0 ? " · " : "",
                            ferry_nic_get_mac_address (nic));
  if (caption->len > 0)
    g_string_append (caption, " · ");
  g_string_append (caption, connected ? _ ("Connected") : _ ("Not connected"));
  line_set (row->caption, caption->str);
  g_string_free (caption, TRUE);

  gtk_widget_set_visible (row->link, target != NULL);
  gtk_widget_set_visible (row->unmap_button, FALSE);
  set_tip (&row->link_tip, NULL);
  /* A NIC that follows its network's rule shows its target plainly; an exception says so. */
  gtk_widget_set_visible (row->link_tag, target != NULL && exception);
  set_class (row->link, "error", problem != NULL);
  set_class (row->link, "exception", exception);
  if (target != NULL)
    {
      gtk_label_set_text (GTK_LABEL (row->link_label), ferry_network_get_name (target));
      gtk_label_set_text (GTK_LABEL (row->link_tag), exception ? _ ("Exception") : _ ("Rule"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->link), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a11y, -1);
    }
  gtk_widget_set_visible (row->unmapped, target == NULL);
  line_set (row->unmapped, connected ? _ ("Not mapped") : _ ("Not mapped · not connected"));
  set_class (row->unmapped, "warning", target == NULL && connected);
  set_class (row->unmapped, "dim-label", !connected);
  ensure_nic_buttons (row);
  gtk_widget_set_visible (row->change_button, TRUE);
  gtk_widget_set_sensitive (row->change_button,
                            ferry_network_map_get_destinations (row->page->map) != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->change_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, change, -1);
  gtk_widget_set_visible (row->reset_button, exception);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->reset_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reset, -1);
  show_problem (row, problem);
  set_class (row->row, "unmapped", target == NULL && connected);
  name_row (row, a11y);
}

static void
update_target (Row *row, FerryNetwork *network)
{
  GPtrArray *from = g_hash_table_lookup (
      row->page->target_counts,
      ferry_network_get_id (network) != NULL ? ferry_network_get_id (network) : "");
  GString *caption
      = g_string_new (ferry_network_type_title (ferry_network_get_network_type (network)));
  g_autofree char *mapped = NULL;
  g_autofree char *a11y = NULL;
  guint vlan_id = ferry_network_get_vlan_id (network) != 0
                      ? ferry_network_get_vlan_id (network)
                      : ferry_network_name_vlan (ferry_network_get_name (network));
  char vlan[32];

  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), ferry_network_get_extended (network)
                                                           ? "network-transmit-receive-symbolic"
                                                           : "network-wired-symbolic");
  line_set (row->title, ferry_network_get_name (network));
  set_tip (&row->title_tip, ferry_network_get_name (network));
  gtk_label_set_text (GTK_LABEL (row->tag), _ ("Extended"));
  gtk_widget_set_visible (row->tag, ferry_network_get_extended (network));
  if (ferry_wizard_networks_vlan_text (vlan_id, vlan) != NULL)
    g_string_append_printf (caption, " · %s", vlan);
  line_set (row->caption, caption->str);

  if (from != NULL && from->len > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < from->len && i < 3; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (const char *)g_ptr_array_index (from, i));
      if (from->len > 3)
        g_string_append_printf (names, _ (" and %u more"), from->len - 3);
      mapped = g_strdup_printf (_ ("From %s"), names->str);
    }
  line_set (row->unmapped, mapped);
  gtk_widget_set_visible (row->unmapped, mapped != NULL);
  set_class (row->row, "mapped", mapped != NULL);
  show_problem (row, NULL);
  a11y = g_strdup_printf ("%s, %s%s%s: %s", ferry_network_get_name (network), caption->str,
                          ferry_network_get_extended (network) ? ", " : "",
                          ferry_network_get_extended (network) ? _ ("extended") : "",
                          mapped != NULL ? mapped : _ ("no source network mapped here"));
  g_string_free (caption, TRUE);
  name_row (row, a11y);
}

/* Everything a row's widgets are made from, as one string: a refresh rewrites a row only when
 * this changed (a change rewrote all ~400 bound rows, twice, before: 130–280 ms a drop at
 * 1,000 VMs). */
static char *
row_signature (Row *row, GObject *item)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%p|", (void *)item);
  if (FERRY_IS_NETWORK_SOURCE (item))
    {
      FerryNetworkSource *source = FERRY_NETWORK_SOURCE (item);
      FerryNetwork *target = ferry_network_source_get_target (source);

      g_string_append_printf (
          s, "%s|%s|%u|%u|%u|%u|%u|%p|%s|%s", ferry_network_source_get_name (source),
          ferry_network_source_get_network_type (source), ferry_network_source_get_vlan (source),
          ferry_network_source_get_n_nics (source), ferry_network_source_get_n_vms (source),
          ferry_network_source_get_n_unmapped (source),
          ferry_network_source_get_n_exceptions (source), (void *)target,
          target != NULL ? ferry_network_get_name (target) : "",
          ferry_network_source_get_problem (source));
    }
  else if (FERRY_IS_NETWORK_NIC_REF (item))
    {
      FerryNetworkNicRef *ref = FERRY_NETWORK_NIC_REF (item);
      FerryNic *nic = ferry_network_nic_ref_get_nic (ref);
      FerryNetwork *target = ferry_network_nic_ref_get_target (ref);

      g_string_append_printf (
          s, "%s|%s|%s|%d|%d|%d|%d|%p|%s|%s",
          ferry_vm_get_name (ferry_plan_item_get_vm (ferry_network_nic_ref_get_item (ref))),
          ferry_nic_get_label (nic), ferry_nic_get_mac_address (nic), ferry_nic_get_connected (nic),
          ferry_network_nic_ref_get_primary (ref), ferry_network_nic_ref_get_exception (ref),
          ferry_network_map_get_destinations (row->page->map) != NULL, (void *)target,
          target != NULL ? ferry_network_get_name (target) : "",
          ferry_network_nic_ref_get_problem (ref));
    }
  else if (FERRY_IS_NETWORK (item))
    {
      FerryNetwork *network = FERRY_NETWORK (item);
      GPtrArray *from = g_hash_table_lookup (
          row->page->target_counts,
          ferry_network_get_id (network) != NULL ? ferry_network_get_id (network) : "");

      g_string_append_printf (s, "%s|%s|%u|%d", ferry_network_get_name (network),
                              ferry_network_get_network_type (network),
                              ferry_network_get_vlan_id (network),
                              ferry_network_get_extended (network));
      for (guint i = 0; from != NULL && i < from->len && i < 4; i++)
        g_string_append_printf (s, "|%s", (const char *)g_ptr_array_index (from, i));
      g_string_append_printf (s, "|%u", from != NULL ? from->len : 0);
    }
  return g_string_free (s, FALSE);
}

static void
update_row (Row *row)
{
  g_autoptr (GObject) item = row_item (row);
  char *shown = item != NULL ? row_signature (row, item) : NULL;

  if (shown != NULL && g_strcmp0 (shown, row->shown) == 0)
    {
      g_free (shown);
      return;
    }
  g_free (row->shown);
  row->shown = shown;

  if (FERRY_IS_NETWORK_SOURCE (item))
    update_source (row, FERRY_NETWORK_SOURCE (item));
  else if (FERRY_IS_NETWORK_NIC_REF (item))
    update_nic (row, FERRY_NETWORK_NIC_REF (item));
  else if (FERRY_IS_NETWORK (item))
    update_target (row, FERRY_NETWORK (item));
}

void
ferry_wizard_networks_page_update_rows (FerryWizardNetworksPage *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    update_row (row);
}

static void
source_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                 FerryWizardNetworksPage *self)
{
  Row *row = row_new (self, list_item, FALSE);
  GtkDragSource *drag = gtk_drag_source_new ();

  row->expander = gtk_tree_expander_new ();
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (row->expander), row->row);
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row->row, GTK_EVENT_CONTROLLER (drag));
  g_object_set_data_full (G_OBJECT (list_item), "ferry-row", row, row_free);
  gtk_list_item_set_child (list_item, row->expander);
}

static void
source_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                FerryWizardNetworksPage *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "ferry-row");

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander),
                                  gtk_list_item_get_item (list_item));
  g_hash_table_add (self->bound_rows, row);
  g_clear_pointer (&row->shown, g_free);
  update_row (row);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
               FerryWizardNetworksPage *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "ferry-row");

  g_hash_table_remove (self->bound_rows, row);
  if (row->expander != NULL)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander), NULL);
}

static void
target_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                 FerryWizardNetworksPage *self)
{
  Row *row = row_new (self, list_item, TRUE);
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_PTR_ARRAY, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row->row, GTK_EVENT_CONTROLLER (drop));
  g_object_set_data_full (G_OBJECT (list_item), "ferry-row", row, row_free);
  gtk_list_item_set_child (list_item, row->row);
}

static void
target_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                FerryWizardNetworksPage *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "ferry-row");

  g_hash_table_add (self->bound_rows, row);
  g_clear_pointer (&row->shown, g_free);
  update_row (row);
}

void
ferry_wizard_networks_page_setup_rows (FerryWizardNetworksPage *self)
{
  g_autoptr (GtkListItemFactory) sources = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) targets = gtk_signal_list_item_factory_new ();

  g_signal_connect (sources, "setup", G_CALLBACK (source_setup_cb), self);
  g_signal_connect (sources, "bind", G_CALLBACK (source_bind_cb), self);
  g_signal_connect (sources, "unbind", G_CALLBACK (row_unbind_cb), self);
  g_signal_connect (targets, "setup", G_CALLBACK (target_setup_cb), self);
  g_signal_connect (targets, "bind", G_CALLBACK (target_bind_cb), self);
  g_signal_connect (targets, "unbind", G_CALLBACK (row_unbind_cb), self);
  gtk_list_view_set_factory (self->source_view, sources);
  gtk_list_view_set_factory (self->target_view, targets);
}
