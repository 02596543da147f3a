/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-review.c: the review page: the plan's summary and its VMs with their effective
 * settings (validation and start are in ferry-wizard-review-run.c) */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-wizard-review-private.h"
#include "ferry-wizard.h"

G_DEFINE_FINAL_TYPE (FerryWizardReview, ferry_wizard_review, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_SESSION,
  PROP_STORE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_GO_TO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Values as text ---- */

static char *
format_time (gint64 ms, gboolean utc)
{
  g_autoptr (GDateTime) t = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr (GDateTime) local = NULL;

  if (t == NULL)
    return g_strdup ("?");
  if (utc)
    return g_date_time_format (t, "%Y-%m-%d %H:%M UTC");
  local = g_date_time_to_local (t);
  return g_date_time_format (local, "%a %Y-%m-%d %H:%M %Z");
}

/* "Sat 2026-12-05 22:00 CET – 02:00 (21:00–01:00 UTC)", or NULL without a window. */
static char *
format_window (gint64 start, gint64 end)
{
  g_autofree char *ls = NULL, *le = NULL, *us = NULL, *ue = NULL;

  if (start <= 0 && end <= 0)
    return NULL;
  ls = start > 0 ? format_time (start, FALSE) : g_strdup (_ ("now"));
  le = end > 0 ? format_time (end, FALSE) : g_strdup (_ ("open-ended"));
  us = start > 0 ? format_time (start, TRUE) : g_strdup (_ ("now"));
  ue = end > 0 ? format_time (end, TRUE) : g_strdup (_ ("open-ended"));
  /* TRANSLATORS: a switchover window in local time, then in UTC */
  return g_strdup_printf (_ ("%s – %s (%s – %s)"), ls, le, us, ue);
}

static char *
value_text (FerryPlanItem *item, FerryPlanField field)
{
  const GValue *v = ferry_plan_item_peek_value (item, field);
  GObject *o;

  switch (field)
    {
      case FERRY_PLAN_FIELD_MIGRATION_TYPE:
        return g_strdup (
            ferry_migration_type_get_title (ferry_plan_item_get_migration_type (item)));
      case FERRY_PLAN_FIELD_DISK_PROVISION:
        return g_strdup (
            ferry_disk_provision_get_title (ferry_plan_item_get_disk_provision (item)));
      case FERRY_PLAN_FIELD_SWITCHOVER_START:
      case FERRY_PLAN_FIELD_SWITCHOVER_END:
        return g_value_get_int64 (v) > 0 ? format_time (g_value_get_int64 (v), FALSE)
                                         : g_strdup (_ ("none"));
      default:
        break;
    }
  if (G_VALUE_HOLDS_BOOLEAN (v))
    return g_strdup (g_value_get_boolean (v) ? _ ("on") : _ ("off"));
  if (!G_VALUE_HOLDS_OBJECT (v))
    return g_strdup ("");
  o = g_value_get_object (v);
  if (o == NULL)
    return g_strdup (_ ("none"));
  if (FERRY_IS_CONTAINER (o))
    return g_strdup (ferry_container_get_name (FERRY_CONTAINER (o)));
  if (FERRY_IS_DATASTORE (o))
    return g_strdup (ferry_datastore_get_name (FERRY_DATASTORE (o)));
  if (FERRY_IS_STORAGE_PROFILE (o))
    return g_strdup (ferry_storage_profile_get_name (FERRY_STORAGE_PROFILE (o)));
  return g_strdup ("?");
}

/* The destination placement of @item: "Cluster-1 / pool / host, folder Workloads, datastore
 * vsanDatastore (policy), thin". */
static char *
placement_text (FerryPlanItem *item)
{
  g_autoptr (GString) s = g_string_new (NULL);
  const FerryPlanField compute[]
      = { FERRY_PLAN_FIELD_CLUSTER, FERRY_PLAN_FIELD_RESOURCE_POOL, FERRY_PLAN_FIELD_HOST };

  for (guint i = 0; i < G_N_ELEMENTS (compute); i++)
    if (ferry_plan_item_get_object (item, compute[i]) != NULL)
      {
        g_autofree char *t = value_text (item, compute[i]);

        g_string_append_printf (s, "%s%s", s->len > 0 ? " / " : "", t);
      }
  if (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_FOLDER) != NULL)
    {
      g_autofree char *t = value_text (item, FERRY_PLAN_FIELD_FOLDER);

      g_string_append_printf (s, _ (", folder %s"), t);
    }
  {
    g_autofree char *ds = value_text (item, FERRY_PLAN_FIELD_DATASTORE);

    g_string_append_printf (s, _ (", datastore %s"), ds);
  }
  if (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_STORAGE_POLICY) != NULL)
    {
      g_autofree char *t = value_text (item, FERRY_PLAN_FIELD_STORAGE_POLICY);

      g_string_append_printf (s, " (%s)", t);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- Summary ---- */

void
ferry_wizard_review_update (FerryWizardReview *self)
{
  guint counts[FERRY_N_MIGRATION_TYPES] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  g_autoptr (GString) types = g_string_new (NULL);
  g_autoptr (GHashTable) windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) placements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *size = g_format_size (ferry_plan_get_total_disk_bytes (self->plan));
  g_autofree char *site = NULL;
  g_autofree char *count = NULL;
  g_autofree char *first_window = NULL;
  g_autofree char *first_placement = NULL;
  FerryResourceContainer *src = ferry_plan_get_source (self->plan);
  FerryResourceContainer *dst = ferry_plan_get_destination (self->plan);

  g_return_if_fail (FERRY_IS_WIZARD_REVIEW (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);
      FerryMigrationType type = ferry_plan_item_get_migration_type (item);
      char *w = NULL;

      counts[type]++;
      if (ferry_plan_field_applies_to (FERRY_PLAN_FIELD_SWITCHOVER_START, type, NULL))
        w = format_window (ferry_plan_item_get_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_START),
                           ferry_plan_item_get_int64 (item, FERRY_PLAN_FIELD_SWITCHOVER_END));
      if (w == NULL)
        w = g_strdup (_ ("As soon as the data is copied"));
      if (first_window == NULL)
        first_window = g_strdup (w);
      g_hash_table_add (windows, w);
      if (g_hash_table_size (placements) < 64)
        {
          char *p = placement_text (item);

          if (first_placement == NULL)
            first_placement = g_strdup (p);
          g_hash_table_add (placements, p);
        }
    }
  for (guint t = 0; t < FERRY_N_MIGRATION_TYPES; t++)
    if (counts[t] > 0)
      g_string_append_printf (types, "%s%s (%u)", types->len > 0 ? ", " : "",
                              ferry_migration_type_get_title (t), counts[t]);

  site = g_strdup_printf (
      _ ("%s → %s"),
      src != NULL && ferry_resource_container_get_name (src) != NULL
          ? ferry_resource_container_get_name (src)
          : (ferry_plan_get_server (self->plan) != NULL ? ferry_plan_get_server (self->plan)
                                                        : _ ("this site")),
      ferry_plan_get_remote_name (self->plan) != NULL
          ? ferry_plan_get_remote_name (self->plan)
          : (dst != NULL ? ferry_resource_container_get_name (dst) : _ ("the remote site")));
  adw_action_row_set_subtitle (self->site_row, site);
  adw_action_row_set_subtitle (self->types_row, n > 0 ? types->str : _ ("none"));
  count = g_strdup_printf (ngettext ("%u VM", "%u VMs", n), n);
  adw_action_row_set_subtitle (self->count_row, count);
  adw_action_row_set_subtitle (self->data_row, size);
  if (g_hash_table_size (windows) > 1)
    {
      g_autofree char *t = g_strdup_printf (_ ("%s, and %u other windows set per VM"), first_window,
                                            g_hash_table_size (windows) - 1);

      adw_action_row_set_subtitle (self->window_row, t);
    }
  else
    adw_action_row_set_subtitle (self->window_row, first_window != NULL ? first_window : "");
  if (g_hash_table_size (placements) > 1)
    {
      g_autofree char *t
          = g_strdup_printf (_ ("%s; other VMs have their own placement"), first_placement);

      adw_action_row_set_subtitle (self->placement_row, t);
    }
  else
    adw_action_row_set_subtitle (self->placement_row,
                                 first_placement != NULL ? first_placement : "");
}

/* ---- The VM list ---- */

static gboolean
filter_func (gpointer object, gpointer user_data)
{
  FerryWizardReview *self = user_data;
  FerryVm *vm = ferry_plan_item_get_vm (FERRY_PLAN_ITEM (object));

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  return ferry_vm_get_search_key (vm) != NULL
         && strstr (ferry_vm_get_search_key (vm), self->search) != NULL;
}

void
ferry_wizard_review_set_search (FerryWizardReview *self, const char *text)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  g_return_if_fail (FERRY_IS_WIZARD_REVIEW (self));
  if (g_strcmp0 (folded, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed_cb (FerryWizardReview *self)
{
  ferry_wizard_review_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

GListModel *
ferry_wizard_review_get_shown (FerryWizardReview *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_REVIEW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *settings = gtk_label_new (NULL);
  GtkWidget *overrides = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "review-vm");
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_name (status, "vm-status");
  gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (status), 36);
  gtk_widget_set_name (settings, "settings");
  gtk_widget_add_css_class (settings, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (settings), 0);
  gtk_label_set_ellipsize (GTK_LABEL (settings), PANGO_ELLIPSIZE_END);
  gtk_widget_set_name (overrides, "overrides");
  gtk_widget_add_css_class (overrides, "review-overrides");
  gtk_label_set_xalign (GTK_LABEL (overrides), 0);
  gtk_label_set_wrap (GTK_LABEL (overrides), TRUE);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), settings);
  gtk_box_append (GTK_BOX (box), overrides);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
fill_row (FerryWizardReview *self, GtkWidget *box, FerryPlanItem *item)
{
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (top);
  GtkWidget *status = gtk_widget_get_next_sibling (name);
  GtkWidget *settings = gtk_widget_get_next_sibling (top);
  GtkWidget *overrides = gtk_widget_get_next_sibling (settings);
  FerryVm *vm = ferry_plan_item_get_vm (item);
  const char *mid = ferry_plan_get_migration_id (self->plan, ferry_vm_get_id (vm));
  FerryValidationItem *vi = self->runner != NULL
                                ? ferry_plan_runner_lookup_item (self->runner, ferry_vm_get_id (vm))
                                : NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  g_autoptr (GString) over = g_string_new (NULL);
  g_autofree char *type = value_text (item, FERRY_PLAN_FIELD_MIGRATION_TYPE);
  g_autofree char *placement = placement_text (item);
  g_autofree char *size = g_format_size (MAX (ferry_vm_get_disk_bytes (vm), 0));
  gboolean stale = self->runner != NULL && ferry_plan_runner_get_validation_stale (self->runner);

  gtk_label_set_text (GTK_LABEL (name), ferry_vm_get_name (vm));
  g_string_append_printf (line, "%s · %s · %s", type, size, placement);
  for (guint f = FERRY_PLAN_FIELD_RETAIN_MAC; f < FERRY_PLAN_N_FIELDS; f++)
    if (ferry_plan_item_get_boolean (item, f))
      g_string_append_printf (line, " · %s", ferry_plan_field_get_title (f));
  gtk_label_set_text (GTK_LABEL (settings), line->str);
  gtk_widget_set_tooltip_text (settings, line->str);
  for (guint f = 0; f < FERRY_PLAN_N_FIELDS; f++)
    if (ferry_plan_item_get_overridden (item, f))
      {
        g_autofree char *v = value_text (item, f);

        g_string_append_printf (over, "%s%s: %s", over->len > 0 ? ", " : "",
                                ferry_plan_field_get_title (f), v);
      }
  if (over->len > 0)
    {
      g_autofree char *t = g_strdup_printf (_ ("Overrides %s"), over->str);

      gtk_label_set_text (GTK_LABEL (overrides), t);
    }
  gtk_widget_set_visible (overrides, over->len > 0);
  gtk_widget_set_css_classes (status, NULL);
  if (mid != NULL)
    {
      g_autofree char *t = g_strdup_printf (_ ("Started: %s"), mid);

      gtk_label_set_text (GTK_LABEL (status), t);
      gtk_widget_add_css_class (status, "success");
    }
  else if (vi != NULL && ferry_validation_item_has_errors (vi))
    {
      gtk_label_set_text (GTK_LABEL (status), ferry_validation_item_get_errors (vi)[0]);
      gtk_widget_add_css_class (status, "error");
    }
  else if (vi != NULL && ferry_validation_item_has_warnings (vi))
    {
      gtk_label_set_text (GTK_LABEL (status), ferry_validation_item_get_warnings (vi)[0]);
      gtk_widget_add_css_class (status, "warning");
    }
  else if (vi != NULL)
    {
      gtk_label_set_text (GTK_LABEL (status), _ ("Valid"));
      gtk_widget_add_css_class (status, "success");
    }
  else
    gtk_label_set_text (GTK_LABEL (status), _ ("Not validated"));
  if (stale && mid == NULL)
    gtk_widget_add_css_class (status, "stale");
  gtk_widget_set_tooltip_text (status, gtk_label_get_text (GTK_LABEL (status)));
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, FerryWizardReview *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  FerryPlanItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_widget_get_parent (child);

  g_hash_table_add (self->bound, list_item);
  fill_row (self, child, item);
  /* The row is read as its VM (GTK 4.8 leaves list rows unnamed). */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    ferry_vm_get_name (ferry_plan_item_get_vm (item)), -1);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, FerryWizardReview *self)
{
  g_hash_table_remove (self->bound, list_item);
}

void
_ferry_wizard_review_refresh_rows (FerryWizardReview *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *li = key;

      if (gtk_list_item_get_item (li) != NULL)
        fill_row (self, gtk_list_item_get_child (li), gtk_list_item_get_item (li));
    }
}

/* ---- Go to the step where a problem is fixed ---- */

int
ferry_wizard_review_step_for_code (const char *code)
{
  static const char *const vm_codes[]
      = { "ENTITY_NOT_FOUND", "DUPLICATE_ENTITY", "MIGRATION_IN_PROGRESS", NULL };

  if (code == NULL)
    return FERRY_WIZARD_STEP_OPTIONS;
  if (g_str_has_prefix (code, "NETWORK_"))
    return FERRY_WIZARD_STEP_NETWORKS;
  if (g_strv_contains (vm_codes, code))
    return FERRY_WIZARD_STEP_VMS;
  return FERRY_WIZARD_STEP_OPTIONS;
}

void
_ferry_wizard_review_go_to (FerryWizardReview *self, int step, const char *vm_id)
{
  g_signal_emit (self, signals[SIGNAL_GO_TO], 0, step, vm_id);
}

const char *
_ferry_wizard_review_vm_name (FerryWizardReview *self, const char *vm_id)
{
  FerryPlanItem *item = vm_id != NULL ? ferry_plan_lookup (self->plan, vm_id) : NULL;

  return item != NULL ? ferry_vm_get_name (ferry_plan_item_get_vm (item)) : vm_id;
}

/* ---- GObject ---- */

static void
plan_changed_cb (FerryWizardReview *self)
{
  gboolean read_only = ferry_plan_get_read_only (self->plan);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ferry_wizard_review_update (self);
  _ferry_wizard_review_sync (self);
  _ferry_wizard_review_refresh_rows (self);
  if (read_only)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

GtkWidget *
ferry_wizard_review_new (FerryPlan *plan, FerryConnectionSession *session, FerryPlanStore *store)
{
  return g_object_new (FERRY_TYPE_WIZARD_REVIEW, "plan", plan, "session", session, "store", store,
                       NULL);
}

FerryPlanRunner *
ferry_wizard_review_get_runner (FerryWizardReview *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_REVIEW (self), NULL);
  _ferry_wizard_review_ensure_runner (self);
  return self->runner;
}

gboolean
ferry_wizard_review_get_read_only (FerryWizardReview *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD_REVIEW (self), FALSE);
  return ferry_plan_get_read_only (self->plan);
}

static void
ferry_wizard_review_constructed (GObject *object)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (object);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (ferry_wizard_review_parent_class)->constructed (object);
  g_assert (self->plan != NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->plan)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->vm_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->vm_list, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                              G_LIST_MODEL (g_object_ref (self->shown)))));
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  ferry_wizard_review_update (self);
  /* "Cancel Validation" and "Check with HCX Manager" by their words, not "_Cancel …". */
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  _ferry_wizard_review_ensure_runner (self);
  _ferry_wizard_review_sync (self);
}

static void
ferry_wizard_review_dispose (GObject *object)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (object);

  g_cancellable_cancel (self->validate_cancellable);
  g_clear_object (&self->validate_cancellable);
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->runner);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (ferry_wizard_review_parent_class)->dispose (object);
}

static void
ferry_wizard_review_finalize (GObject *object)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (object);

  g_hash_table_unref (self->bound);
  g_free (self->search);
  g_free (self->message);
  g_clear_object (&self->issues_for);
  G_OBJECT_CLASS (ferry_wizard_review_parent_class)->finalize (object);
}

static void
ferry_wizard_review_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        g_value_set_object (value, self->plan);
        break;
      case PROP_SESSION:
        g_value_set_object (value, self->session);
        break;
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_READ_ONLY:
        g_value_set_boolean (value, ferry_wizard_review_get_read_only (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_review_set_property (GObject *object, guint prop_id, const GValue *value,
                                  GParamSpec *pspec)
{
  FerryWizardReview *self = FERRY_WIZARD_REVIEW (object);

  switch (prop_id)
    {
      case PROP_PLAN:
        self->plan = g_value_dup_object (value);
        break;
      case PROP_SESSION:
        self->session = g_value_dup_object (value);
        break;
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_review_class_init (FerryWizardReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ferry_wizard_review_constructed;
  object_class->dispose = ferry_wizard_review_dispose;
  object_class->finalize = ferry_wizard_review_finalize;
  object_class->get_property = ferry_wizard_review_get_property;
  object_class->set_property = ferry_wizard_review_set_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, FERRY_TYPE_PLAN, co);
  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, FERRY_TYPE_CONNECTION_SESSION, co);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, FERRY_TYPE_PLAN_STORE, co);
  properties[PROP_READ_ONLY]
      = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_GO_TO]
      = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferry_hcx/Ferry/ferry-wizard-review.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, site_row);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, types_row);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, count_row);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, data_row);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, window_row);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, placement_row);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, status_label);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, progress);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, spinner);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, check_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, track_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, track_started_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, validate_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, start_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, issues_group);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, issues_list);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, vm_list);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, started_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWizardReview, started_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  _ferry_wizard_review_install_actions (widget_class);
}

static void
ferry_wizard_review_init (FerryWizardReview *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
