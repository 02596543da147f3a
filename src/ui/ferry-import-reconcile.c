/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-import-reconcile.c: a saved plan compared with the manager's inventory */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-import-reconcile.h"

struct _FerryImportReconcile
{
  AdwWindow parent_instance;

  GListModel *items;
  GString *text;
};

G_DEFINE_FINAL_TYPE (FerryImportReconcile, ferry_import_reconcile, ADW_TYPE_WINDOW)

/* Rows listed per group at most: the rest is counted (a plan of 10,000 VMs all changed must
 * not build 10,000 rows in a dialog). */
#define MAX_ROWS 500

static const char *
status_word (FerryReconcileStatus status)
{
  switch (status)
    {
      case FERRY_RECONCILE_MATCHED:
        return _ ("unchanged");
      case FERRY_RECONCILE_CHANGED:
        return _ ("changed");
      case FERRY_RECONCILE_MISSING:
        return _ ("missing");
      case FERRY_RECONCILE_AMBIGUOUS:
        return _ ("ambiguous");
      case FERRY_RECONCILE_NEW:
      default:
        return _ ("new");
    }
}

static GtkWidget *
item_row (FerryReconcileItem *item)
{
  FerryReconcileStatus status = ferry_reconcile_item_get_status (item);
  FerryVm *vm = ferry_reconcile_item_get_planned_vm (item);
  const char *const *details = ferry_reconcile_item_get_details (item);
  g_autofree char *subtitle = g_strjoinv ("\n", (char **)details);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (
      status == FERRY_RECONCILE_CHANGED ? "dialog-warning-symbolic" : "dialog-error-symbolic");

  gtk_widget_add_css_class (icon, status == FERRY_RECONCILE_CHANGED ? "warning" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_word (status), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  /* Names and the manager's messages are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 vm != NULL ? ferry_vm_get_name (vm) : "?");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
add_group (GtkBox *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return group;
}

static void
fill_group (FerryImportReconcile *self, GtkWidget *group, FerryReconcileStatus a,
            FerryReconcileStatus b)
{
  guint n = g_list_model_get_n_items (self->items);
  guint shown = 0, more = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryReconcileItem) item = g_list_model_get_item (self->items, i);
      FerryReconcileStatus status = ferry_reconcile_item_get_status (item);
      FerryVm *vm = ferry_reconcile_item_get_planned_vm (item);
      g_autofree char *details = NULL;

      if (status != a && status != b)
        continue;
      details = g_strjoinv ("; ", (char **)ferry_reconcile_item_get_details (item));
      g_string_append_printf (self->text, "%s: %s: %s\n", vm != NULL ? ferry_vm_get_name (vm) : "?",
                              status_word (status), details);
      if (shown >= MAX_ROWS)
        {
          more++;
          continue;
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_row (item));
      shown++;
    }
  if (more > 0)
    {
      g_autofree char *text
          = g_strdup_printf (ngettext ("and %u more VM", "and %u more VMs", more), more);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  gtk_widget_set_visible (group, shown > 0);
}

static void
build (FerryImportReconcile *self, const char *manager)
{
  guint matched = ferry_inventory_reconcile_count (self->items, FERRY_RECONCILE_MATCHED);
  guint changed = ferry_inventory_reconcile_count (self->items, FERRY_RECONCILE_CHANGED);
  guint missing = ferry_inventory_reconcile_count (self->items, FERRY_RECONCILE_MISSING)
                  + ferry_inventory_reconcile_count (self->items, FERRY_RECONCILE_AMBIGUOUS);
  guint total = matched + changed + missing;
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_ ("The Plan on HCX Manager"), manager);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *summary, *group, *button;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The plan compared with the manager’s inventory"), -1);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  /* TRANSLATORS: "Of the plan's 20 VMs, 17 are unchanged, 2 changed and 1 is missing." */
  counts = g_strdup_printf (_ ("%u unchanged, %u changed, %u missing"), matched, changed, missing);
  text = g_strdup_printf (
      ngettext ("The plan’s %u VM was compared with this manager’s inventory before anything is "
                "validated: %s.",
                "The plan’s %u VMs were compared with this manager’s inventory before anything "
                "is validated: %s.",
                total),
      total, counts);
  summary = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_set_name (summary, "reconcile-summary");
  gtk_box_append (GTK_BOX (box), summary);
  g_string_append_printf (self->text, "%s\n", counts);

  group = add_group (GTK_BOX (box), _ ("Missing"),
                     _ ("Not in the manager’s inventory: they stay in the plan with the facts it "
                        "saved, and HCX Manager will refuse them. Leave them out on the VM "
                        "step."));
  fill_group (self, group, FERRY_RECONCILE_MISSING, FERRY_RECONCILE_AMBIGUOUS);
  group = add_group (GTK_BOX (box), _ ("Changed"),
                     _ ("The plan now uses the manager’s facts: check their settings and "
                        "networks again."));
  fill_group (self, group, FERRY_RECONCILE_CHANGED, FERRY_RECONCILE_CHANGED);

  button = gtk_button_new_with_mnemonic (_ ("_Continue"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  gtk_box_append (GTK_BOX (box), button);

  adw_window_set_content (ADW_WINDOW (self), outer);
  gtk_window_set_default_widget (GTK_WINDOW (self), button);
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  ferry_accessible_name_rows (box);
  gtk_widget_grab_focus (button);
}

static void
ferry_import_reconcile_finalize (GObject *object)
{
  FerryImportReconcile *self = FERRY_IMPORT_RECONCILE (object);

  g_clear_object (&self->items);
  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (ferry_import_reconcile_parent_class)->finalize (object);
}

static void
ferry_import_reconcile_class_init (FerryImportReconcileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ferry_import_reconcile_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ferry_import_reconcile_init (FerryImportReconcile *self)
{
  self->text = g_string_new (NULL);
}

FerryImportReconcile *
ferry_import_reconcile_new (GtkWindow *parent, GListModel *items, const char *manager)
{
  FerryImportReconcile *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (FERRY_TYPE_IMPORT_RECONCILE, "transient-for", parent, "modal", TRUE,
                       "destroy-with-parent", TRUE, "title", _ ("The Plan on HCX Manager"),
                       "default-width", 520, "default-height", 560, NULL);
  gtk_widget_set_name (GTK_WIDGET (self), "reconcile-dialog");
  self->items = g_object_ref (items);
  build (self, manager);
  return self;
}

GListModel *
ferry_import_reconcile_get_items (FerryImportReconcile *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_RECONCILE (self), NULL);
  return self->items;
}

char *
ferry_import_reconcile_describe (FerryImportReconcile *self)
{
  g_return_val_if_fail (FERRY_IS_IMPORT_RECONCILE (self), NULL);
  return g_strdup (self->text->str);
}
