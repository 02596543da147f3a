/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-vm-columns.c: the VM step's columns, sort keys, badges and the name-list dialog */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-wizard-vm-page-private.h"

typedef enum
{
  COLUMN_SELECT,
  COLUMN_NAME,
  COLUMN_POWER,
  COLUMN_GUEST,
  COLUMN_CPU,
  COLUMN_MEMORY,
  COLUMN_DISK,
  COLUMN_NICS,
  COLUMN_CLUSTER,
  COLUMN_FOLDER,
  COLUMN_BADGES,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  int width;
  float xalign;
} columns[N_COLUMNS] = {
  [COLUMN_SELECT] = { "", 40, 0.5f },
  [COLUMN_NAME] = { N_ ("Name"), 170, 0 },
  [COLUMN_POWER] = { N_ ("Power"), 60, 0 },
  [COLUMN_GUEST] = { N_ ("Guest OS"), 170, 0 },
  [COLUMN_CPU] = { N_ ("vCPU"), 50, 1 },
  [COLUMN_MEMORY] = { N_ ("Memory"), 70, 1 },
  [COLUMN_DISK] = { N_ ("Disk"), 80, 1 },
  [COLUMN_NICS] = { N_ ("NICs"), 45, 1 },
  [COLUMN_CLUSTER] = { N_ ("Cluster"), 90, 0 },
  [COLUMN_FOLDER] = { N_ ("Folder"), 120, 0 },
  [COLUMN_BADGES] = { N_ ("Pre-flight"), 160, 0 },
};

/* ---- Sorting ----
 *
 * The rows are sorted by FerryVmSelection on the inventory's precomputed orders, not by a
 * GtkSortListModel (which re-sorts with compare() calls, and makes GTK 4.8 build every row's
 * widgets again). The columns still carry sorters, for the headers: when the column view's
 * sorter changes, comparing two probe objects with it tells which column is first and in which
 * direction (GTK 4.8 has no getter for it). */

typedef struct
{
  FerryWizardVmPage *page; /* unowned: the page owns the column view */
  Column column;
} Probe;

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  Probe *probe = user_data;

  probe->page->probed_column = probe->column;
  return a == probe->page->probe[0] ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static const int sort_of_column[N_COLUMNS] = {
  [COLUMN_SELECT] = -1,
  [COLUMN_NAME] = FERRY_VM_SORT_NAME,
  [COLUMN_POWER] = FERRY_VM_SORT_POWER,
  [COLUMN_GUEST] = FERRY_VM_SORT_GUEST,
  [COLUMN_CPU] = FERRY_VM_SORT_CPU,
  [COLUMN_MEMORY] = FERRY_VM_SORT_MEMORY,
  [COLUMN_DISK] = FERRY_VM_SORT_DISK,
  [COLUMN_NICS] = FERRY_VM_SORT_NICS,
  [COLUMN_CLUSTER] = FERRY_VM_SORT_CLUSTER,
  [COLUMN_FOLDER] = FERRY_VM_SORT_FOLDER,
  [COLUMN_BADGES] = -1,
};

void
_ferry_wizard_vm_page_sorter_changed (FerryWizardVmPage *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  if (self->column_view == NULL || self->selection == NULL)
    return; /* going away */
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self->probe[0], self->probe[1]);
  if (self->probed_column < 0 || order == GTK_ORDERING_EQUAL)
    ferry_vm_selection_set_sort (self->selection, -1, FALSE);
  else
    ferry_vm_selection_set_sort (self->selection, sort_of_column[self->probed_column],
                                 order == GTK_ORDERING_LARGER);
}

/* ---- Cells ---- */

static const char *
power_text (FerryPowerState state)
{
  switch (state)
    {
      case FERRY_POWER_STATE_ON:
        return _ ("On");
      case FERRY_POWER_STATE_OFF:
        return _ ("Off");
      case FERRY_POWER_STATE_SUSPENDED:
        return _ ("Suspended");
      default:
        return _ ("Unknown");
    }
}

static FerryMigrationType
type_for (FerryWizardVmPage *self, FerryVm *vm)
{
  FerryPlanItem *plan_item = ferry_plan_lookup (self->plan, ferry_vm_get_id (vm));

  return plan_item != NULL
             ? ferry_plan_item_get_migration_type (plan_item)
             : ferry_plan_options_get_migration_type (ferry_plan_get_defaults (self->plan));
}

/* The VM a list item shows now (its row's position may show another VM since it was bound). */
static FerryVm *
vm_of (GtkListItem *item)
{
  FerryVmRow *row = gtk_list_item_get_item (item);

  return row != NULL ? ferry_vm_row_get_vm (row) : NULL;
}

static void
update_badges (FerryWizardVmPage *self, GtkListItem *item, FerryVm *vm)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  FerryMigrationType type = type_for (self, vm);
  FerryPreflightFlags flags = ferry_plan_check_vm (self->plan, vm);
  FerryPreflightFlags unchecked = ferry_preflight_unchecked (vm, type);
  char text[256] = "";
  gboolean error = FALSE;

  for (guint i = 0; i < FERRY_PREFLIGHT_N_RULES; i++)
    if (flags & (1u << i))
      {
        if (text[0] != '\0')
          g_strlcat (text, " · ", sizeof text);
        g_strlcat (text, ferry_preflight_get_title (1u << i), sizeof text);
        error |= ferry_preflight_is_error (1u << i, type);
      }
  if (flags == 0 && unchecked != 0)
    g_strlcpy (text, _ ("Not checked"), sizeof text);
  gtk_label_set_text (GTK_LABEL (label), text);
  /* Shown only while it says something: an empty label is an empty stop for a screen reader. */
  gtk_widget_set_visible (label, text[0] != '\0');
  /* The tooltip is written when asked for (query-tooltip): setting tooltip text on every
   * bind makes GTK ask the X server where the pointer is, once per row. */
  gtk_widget_set_has_tooltip (label, text[0] != '\0');
  if (error)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (flags != 0 && !error)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
  if (flags == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* Where the pre-flight facts came from when not from the manager itself: "Snapshots, hardware
 * version: from the RVTools export of 20 Nov 2026, vc01 (12 days old)", a line per source. */
static char *
describe_sources (FerryInventoryFacts *facts, FerryVm *vm)
{
  static const FerryFact checked[] = { FERRY_FACT_SNAPSHOTS, FERRY_FACT_ISO,
                                       FERRY_FACT_HARDWARE_VERSION, FERRY_FACT_TOOLS_STATUS };
  const char *titles[]
      = { _ ("Snapshots"), _ ("Mounted ISO"), _ ("Hardware version"), _ ("VMware Tools") };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gboolean done[G_N_ELEMENTS (checked)] = { FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      FerryFactSource *source = ferry_inventory_facts_get_fact_source (facts, vm, checked[i]);
      g_autoptr (GString) names = NULL;
      g_autofree char *where = NULL;
      g_autofree char *age = NULL;

      if (done[i] || source == NULL
          || ferry_fact_source_get_kind (source) != FERRY_FACT_SOURCE_KIND_RVTOOLS)
        continue;
      names = g_string_new (titles[i]);
      for (guint j = i + 1; j < G_N_ELEMENTS (checked); j++)
        if (ferry_inventory_facts_get_fact_source (facts, vm, checked[j]) == source)
          {
            done[j] = TRUE;
            g_string_append_printf (names, ", %s", titles[j]);
          }
      where = ferry_fact_source_describe (source);
      age = ferry_fact_source_describe_age (source, now);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: "Snapshots, hardware version: from the RVTools export of 20 Nov 2026,
       * vc01 (12 days old)" */
      g_string_append_printf (out, _ ("%s: %s (%s)"), names->str, where, age);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* The badge's explanation: each problem and the option that fixes it. */
char *
ferry_wizard_vm_page_describe_problems (FerryWizardVmPage *self, FerryVm *vm)
{
  FerryMigrationType type = type_for (self, vm);
  FerryPreflightFlags flags = ferry_plan_check_vm (self->plan, vm);

  if (flags != 0)
    {
      g_autofree char *text = ferry_preflight_describe_all (flags, vm, type);
      g_autofree char *sources = self->facts != NULL ? describe_sources (self->facts, vm) : NULL;

      if (sources == NULL)
        return g_steal_pointer (&text);
      return g_strdup_printf ("%s\n\n%s", text, sources);
    }
  if (ferry_preflight_unchecked (vm, type) != 0)
    return g_strdup (_ ("The inventory does not say whether this VM has snapshots, a mounted "
                        "ISO, old hardware or VMware Tools running: these checks are left to "
                        "HCX Manager's validation."));
  return NULL;
}

static gboolean
badge_query_tooltip_cb (GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                        GtkListItem *item)
{
  FerryWizardVmPage *self = g_object_get_data (G_OBJECT (label), "ferry-page");
  FerryVm *vm = vm_of (item);
  g_autofree char *text = NULL;

  if (vm == NULL)
    return FALSE;
  text = ferry_wizard_vm_page_describe_problems (self, vm);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_check (FerryWizardVmPage *self, GtkListItem *item, FerryVm *vm)
{
  GtkImage *image = GTK_IMAGE (gtk_list_item_get_child (item));

  /* An image, not a check button: a row costs less, and clicking the row selects it. */
  gtk_image_set_from_icon_name (
      image, ferry_plan_contains (self->plan, vm) ? "object-select-symbolic" : NULL);
}

/* What a list item shows, so that binding again skips cells whose VM did not change. */
typedef struct
{
  Column column;
  FerryVm *vm; /* unowned: only compared */
} Bound;

void
_ferry_wizard_vm_page_refresh_badges (FerryWizardVmPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Bound *bound = value;
      FerryVm *vm = vm_of (key);

      if (vm == NULL)
        continue;
      if (bound->column == COLUMN_BADGES)
        update_badges (self, key, vm);
      else if (bound->column == COLUMN_SELECT)
        update_check (self, key, vm);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FerryWizardVmPage *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ferry-column"));
  GtkWidget *child;

  if (column == COLUMN_SELECT)
    {
      child = gtk_image_new ();
      gtk_widget_add_css_class (child, "accent");
    }
  else if (column == COLUMN_BADGES)
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (child, "preflight-badges");
      g_object_set_data (G_OBJECT (child), "ferry-page", self);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (badge_query_tooltip_cb), item);
    }
  else
    {
      /* GtkInscription: the cheapest text cell in GTK 4.8 (no size negotiation per row). */
      child = gtk_inscription_new (NULL);
      /* Its natural height is one line: long text ellipsizes instead of wrapping. */
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (child), columns[column].xalign);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      if (column != COLUMN_NAME)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
}

static void
show_cell (FerryWizardVmPage *self, GtkListItem *item, Column column, FerryVm *vm)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (column)
    {
      case COLUMN_SELECT:
        update_check (self, item, vm);
        return;
      case COLUMN_BADGES:
        update_badges (self, item, vm);
        return;
      case COLUMN_NAME:
        text = ferry_vm_get_name (vm);
        ferry_accessible_name_row (child, text);
        break;
      case COLUMN_POWER:
        text = power_text (ferry_vm_get_power_state (vm));
        break;
      case COLUMN_GUEST:
        text = ferry_vm_get_guest_full_name (vm);
        break;
      case COLUMN_CPU:
        if (ferry_vm_get_num_cpu (vm) >= 0)
          text = owned = g_strdup_printf ("%d", ferry_vm_get_num_cpu (vm));
        break;
      case COLUMN_MEMORY:
        if (ferry_vm_get_memory_mb (vm) >= 0)
          text = owned = g_strdup_printf (_ ("%.0f GB"), ferry_vm_get_memory_mb (vm) / 1024.0);
        break;
      case COLUMN_DISK:
        if (ferry_vm_get_disk_bytes (vm) >= 0)
          text = owned = g_format_size (ferry_vm_get_disk_bytes (vm));
        break;
      case COLUMN_NICS:
        text = owned = g_strdup_printf ("%u", ferry_vm_get_n_nics (vm));
        break;
      case COLUMN_CLUSTER:
        text = ferry_vm_get_cluster (vm);
        break;
      case COLUMN_FOLDER:
        text = ferry_vm_get_folder (vm);
        break;
      default:
        break;
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text != NULL ? text : "—");
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FerryWizardVmPage *self)
{
  Bound *bound = g_new0 (Bound, 1);

  bound->column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ferry-column"));
  bound->vm = vm_of (item);
  g_hash_table_insert (self->bound, item, bound);
  if (bound->vm != NULL)
    show_cell (self, item, bound->column, bound->vm);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FerryWizardVmPage *self)
{
  g_hash_table_remove (self->bound, item);
}

/* The VMs of rows @position to @position + @n_rows changed in place (a search, a sort): only
 * the cells bound to those rows, on screen or near it, show their new VM. */
void
_ferry_wizard_vm_page_rebind (FerryWizardVmPage *self, guint position, guint n_rows)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Bound *bound = value;
      FerryVmRow *row = gtk_list_item_get_item (key);
      guint at = row != NULL ? ferry_vm_row_get_position (row) : GTK_INVALID_LIST_POSITION;
      FerryVm *vm;

      if (at < position || at - position >= n_rows)
        continue;
      vm = ferry_vm_row_get_vm (row);
      if (vm == NULL || vm == bound->vm)
        continue;
      bound->vm = vm;
      show_cell (self, key, bound->column, vm);
    }
}

void
_ferry_wizard_vm_page_setup_columns (FerryWizardVmPage *self)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "ferry-column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
      column = gtk_column_view_column_new (c == COLUMN_SELECT ? "" : _ (columns[c].title),
                                           g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_column_set_resizable (column, c != COLUMN_SELECT);
      if (sort_of_column[c] >= 0)
        {
          Probe *probe = g_new0 (Probe, 1);
          g_autoptr (GtkSorter) sorter = NULL;

          probe->page = self;
          probe->column = c;
          sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));

          gtk_column_view_column_set_sorter (column, sorter);
        }
      if (c == COLUMN_NAME)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* ---- Name list ---- */

typedef struct
{
  FerryWizardVmPage *page; /* strong */
  GtkTextBuffer *buffer;   /* strong */
} NamesDialog;

static void
names_dialog_free (NamesDialog *d)
{
  g_clear_object (&d->page);
  g_clear_object (&d->buffer);
  g_free (d);
}

static void
names_response_cb (AdwMessageDialog *dialog, const char *response, NamesDialog *d)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) missing = NULL;
  GtkTextIter start, end;
  AdwMessageDialog *result;
  g_autofree char *heading = NULL;
  guint added;

  if (g_strcmp0 (response, "select") != 0)
    return;
  gtk_text_buffer_get_bounds (d->buffer, &start, &end);
  text = gtk_text_buffer_get_text (d->buffer, &start, &end, FALSE);
  added = ferry_wizard_vm_page_select_names (d->page, text, &missing);
  if (missing == NULL || missing[0] == NULL)
    return;

  /* Say which names were not found, so the list can be fixed. */
  heading
      = g_strdup_printf (ngettext ("%u VM Selected, %u Name Not Found",
                                   "%u VMs Selected, %u Names Not Found", g_strv_length (missing)),
                         added, g_strv_length (missing));
  {
    g_autofree char *names = g_strjoinv ("\n", missing);

    result = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (d->page))), heading, names));
  }
  adw_message_dialog_add_response (result, "close", _ ("_Close"));
  gtk_widget_set_name (GTK_WIDGET (result), "names-not-found");
  gtk_window_present (GTK_WINDOW (result));
}

static void
file_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GtkTextBuffer) buffer = user_data;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *text
          = g_strdup_printf (_ ("The file could not be read: %s"), error->message);

      gtk_text_buffer_set_text (buffer, text, -1);
      return;
    }
  if (!g_utf8_validate (contents, (gssize)length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (contents, (gssize)length);

      gtk_text_buffer_set_text (buffer, valid, -1);
    }
  else
    gtk_text_buffer_set_text (buffer, contents, (int)length);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, GtkTextBuffer *buffer)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        g_file_load_contents_async (file, NULL, file_loaded_cb, g_object_ref (buffer));
    }
  g_object_unref (chooser);
}

static void
open_file_clicked_cb (GtkButton *button, NamesDialog *d)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _ ("Open a List of VM Names"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
      GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Lists and CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), d->buffer, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ferry_wizard_vm_page_import_names_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box, *scroller, *view, *button;
  NamesDialog *d;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Select VMs by Name"),
      _ ("Paste VM names, one a line, or open a list or a CSV file such as an RVTools vInfo "
         "export (its first column).")));
  gtk_widget_set_name (GTK_WIDGET (dialog), "names-dialog");
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "select", _ ("_Select"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "select", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "select");
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_size_request (scroller, 320, 160);
  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "names");
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("VM Names"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  button = gtk_button_new_with_mnemonic (_ ("_Open File…"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), button);
  adw_message_dialog_set_extra_child (dialog, box);

  d = g_new0 (NamesDialog, 1);
  d->page = g_object_ref (self);
  d->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_signal_connect_data (dialog, "response", G_CALLBACK (names_response_cb), d,
                         (GClosureNotify)(void (*) (void))names_dialog_free, 0);
  g_signal_connect (button, "clicked", G_CALLBACK (open_file_clicked_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_ferry_wizard_vm_page_focus_search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizardVmPage *self = FERRY_WIZARD_VM_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
