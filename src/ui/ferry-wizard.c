/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard.c: the migration wizard's steps and navigation */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-wizard-networks-page.h"
#include "ferry-wizard-review.h"
#include "ferry-wizard.h"

#define N_STEPS 4

struct _FerryWizard
{
  AdwBin parent_instance;

  FerryConnectionSession *session;
  FerryPlan *plan;
  FerryPlanStore *store;
  GCancellable *cancellable;
  char *remote_endpoint_id;
  GListModel *containers;
  GListModel *datastores;
  GListModel *policies;
  int step;
  int reached; /* the furthest step reached */
  char *blocker;

  FerryWizardVmPage *vm_page;
  FerryWizardOptionsPage *options_page;
  FerryWizardNetworksPage *networks_page;
  GtkWidget *review_page;

  /* template widgets */
  GtkStack *stack;
  GtkLabel *reason_label;
  GtkButton *next_button;
  GtkButton *back_button;
  GtkToggleButton *step_vms;
  GtkToggleButton *step_options;
  GtkToggleButton *step_networks;
  GtkToggleButton *step_review;
};

G_DEFINE_FINAL_TYPE (FerryWizard, ferry_wizard, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_PLAN,
  PROP_STORE,
  PROP_STEP,
  PROP_BLOCKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_PLAN_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const step_names[N_STEPS] = { "vms", "options", "networks", "review" };

/* ---- Blockers: why Next is disabled ---- */

static char *
options_blocker (FerryWizard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  guint errors = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);
      const char *name = ferry_vm_get_name (ferry_plan_item_get_vm (item));

      if (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_CLUSTER) == NULL
          && ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_RESOURCE_POOL) == NULL
          && ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_HOST) == NULL)
        return g_strdup_printf (_ ("Choose a compute container for %s (and any other VM without "
                                   "one)."),
                                name);
      if (ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE) == NULL)
        return g_strdup_printf (_ ("Choose a datastore for %s (and any other VM without one)."),
                                name);
      if (ferry_plan_item_get_has_errors (item))
        errors++;
    }
  if (errors > 0)
    return g_strdup_printf (ngettext ("%u VM has a problem that blocks its migration: fix it "
                                      "under “Per VM” or leave the VM out.",
                                      "%u VMs have problems that block their migration: fix them "
                                      "under “Per VM” or leave them out.",
                                      errors),
                            errors);
  return NULL;
}

static char *
step_blocker (FerryWizard *self, int step)
{
  switch (step)
    {
      case FERRY_WIZARD_STEP_VMS:
        if (ferry_plan_get_n_items (self->plan) == 0)
          return g_strdup (_ ("Select at least one virtual machine to migrate."));
        return NULL;
      case FERRY_WIZARD_STEP_OPTIONS:
        return options_blocker (self);
      case FERRY_WIZARD_STEP_NETWORKS:
        return g_strdup (ferry_wizard_networks_page_get_blocker (self->networks_page));
      default:
        return NULL;
    }
}

static void
update_navigation (FerryWizard *self)
{
  g_autofree char *blocker = step_blocker (self, self->step);
  GtkToggleButton *buttons[N_STEPS]
      = { self->step_vms, self->step_options, self->step_networks, self->step_review };

  if (g_strcmp0 (blocker, self->blocker) != 0)
    {
      g_free (self->blocker);
      self->blocker = g_strdup (blocker);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKER]);
    }
  ferry_accessible_set_label_or_hide (self->reason_label, blocker);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 blocker == NULL && self->step < N_STEPS - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->step < N_STEPS - 1);
  gtk_button_set_label (self->back_button, self->step == 0 ? _ ("_Close") : _ ("_Back"));
  /* Read as its text alone (see ferry_accessible_name_mnemonic_buttons). */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (int i = 0; i < N_STEPS; i++)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (buttons[i]), i <= self->reached);
      if (i < self->step)
        gtk_widget_add_css_class (GTK_WIDGET (buttons[i]), "done");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (buttons[i]), "done");
    }
}

static void
update_review (FerryWizard *self);

static void
set_step (FerryWizard *self, int step)
{
  step = CLAMP (step, 0, N_STEPS - 1);
  /* Forward only through steps that are complete. */
  for (int s = self->step; s < step; s++)
    {
      g_autofree char *blocker = step_blocker (self, s);

      if (blocker != NULL)
        {
          step = s;
          break;
        }
    }
  if (step == self->step)
    {
      /* The toggle button of a refused step must show the real state again. */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
      update_navigation (self);
      return;
    }
  self->step = step;
  self->reached = MAX (self->reached, step);
  if (step == FERRY_WIZARD_STEP_REVIEW)
    update_review (self);
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  update_navigation (self);
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizard *self = FERRY_WIZARD (widget);

  set_step (self, self->step + 1);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizard *self = FERRY_WIZARD (widget);

  if (self->step == 0)
    gtk_widget_activate_action (widget, "win.close-wizard", NULL);
  else
    set_step (self, self->step - 1);
}

static void
plan_changed_cb (FerryWizard *self)
{
  update_navigation (self);
  if (self->step == FERRY_WIZARD_STEP_REVIEW)
    update_review (self);
}

/* ---- Review ---- */

static void
update_review (FerryWizard *self)
{
  ferry_wizard_review_update (FERRY_WIZARD_REVIEW (self->review_page));
}

/* "Fix" on the review page: the step and the VM where the problem is fixed. */
static void
review_go_to_cb (FerryWizard *self, int step, const char *vm_id)
{
  FerryPlanItem *item = ferry_plan_lookup (self->plan, vm_id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  guint position = 0;

  set_step (self, step);
  if (item == NULL)
    return;
  for (position = 0; position < n; position++)
    {
      g_autoptr (FerryPlanItem) at = g_list_model_get_item (G_LIST_MODEL (self->plan), position);

      if (at == item)
        break;
    }
  if (step == FERRY_WIZARD_STEP_VMS)
    ferry_wizard_vm_page_set_search (self->vm_page,
                                     ferry_vm_get_name (ferry_plan_item_get_vm (item)));
  else if (step == FERRY_WIZARD_STEP_OPTIONS && position < n)
    {
      ferry_wizard_options_page_show (self->options_page, "per-vm");
      gtk_selection_model_select_item (
          ferry_wizard_options_page_get_item_selection (self->options_page), position, TRUE);
    }
}

/* A started plan is read-only: its steps cannot be changed any more. */
static void
review_read_only_cb (FerryWizard *self)
{
  gboolean ro = ferry_wizard_review_get_read_only (FERRY_WIZARD_REVIEW (self->review_page));
  GtkToggleButton *steps[]
      = { self->step_vms, self->step_options, self->step_networks, self->step_review };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (steps[i]), !ro);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !ro);
  if (ro && self->step != FERRY_WIZARD_STEP_REVIEW)
    set_step (self, FERRY_WIZARD_STEP_REVIEW);
}

/* ---- Destination inventory ---- */

static void
apply_destination (FerryWizard *self)
{
  ferry_plan_settings_set_destination (
      ferry_wizard_options_page_get_defaults_panel (self->options_page), self->containers,
      self->datastores, self->policies);
  ferry_plan_settings_set_destination (
      ferry_wizard_options_page_get_override_panel (self->options_page), self->containers,
      self->datastores, self->policies);
}

#define DESTINATION_CB(name, field, finish)                                                        \
  static void name (GObject *source, GAsyncResult *result, gpointer user_data)                     \
  {                                                                                                \
    g_autoptr (FerryWizard) self = user_data;                                                      \
    g_autoptr (GError) error = NULL;                                                               \
    GListModel *list = finish (FERRY_HCX_CLIENT (source), result, &error);                         \
    if (list == NULL)                                                                              \
      {                                                                                            \
        if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))                            \
          g_warning ("Destination inventory: %s", error->message);                                 \
        return;                                                                                    \
      }                                                                                            \
    g_clear_object (&self->field);                                                                 \
    self->field = list;                                                                            \
    apply_destination (self);                                                                      \
  }

DESTINATION_CB (containers_cb, containers, ferry_hcx_client_list_containers_finish)
DESTINATION_CB (datastores_cb, datastores, ferry_hcx_client_list_datastores_finish)
DESTINATION_CB (policies_cb, policies, ferry_hcx_client_list_storage_profiles_finish)

static void
vcenters_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizard) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  list = ferry_hcx_client_list_resource_containers_finish (FERRY_HCX_CLIENT (source), result,
                                                           &error);
  if (list == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (FerryResourceContainer) vc = g_list_model_get_item (list, i);

      if (ferry_resource_container_get_is_local (vc))
        {
          if (ferry_plan_get_source (self->plan) == NULL)
            ferry_plan_set_source (self->plan, vc);
        }
      else if (self->remote_endpoint_id == NULL
               || g_strcmp0 (ferry_resource_container_get_endpoint_id (vc),
                             self->remote_endpoint_id)
                      == 0)
        {
          if (ferry_plan_get_destination (self->plan) == NULL)
            ferry_plan_set_destination (self->plan, vc);
        }
    }
}

void
ferry_wizard_set_site (FerryWizard *self, FerrySite *site, FerryPrereqReport *report)
{
  FerryHcxClient *client;

  g_return_if_fail (FERRY_IS_WIZARD (self));

  if (site != NULL)
    {
      g_free (self->remote_endpoint_id);
      self->remote_endpoint_id = g_strdup (ferry_site_get_endpoint_id (site));
      ferry_plan_set_remote_endpoint_id (self->plan, ferry_site_get_endpoint_id (site));
      ferry_plan_set_remote_name (self->plan, ferry_site_get_name (site));
    }
  ferry_plan_set_prereq_report (self->plan, report);
  ferry_plan_settings_update_types (
      ferry_wizard_options_page_get_defaults_panel (self->options_page));
  ferry_plan_settings_update_types (
      ferry_wizard_options_page_get_override_panel (self->options_page));

  client = self->session != NULL ? ferry_connection_session_get_client (self->session) : NULL;
  if (client == NULL || self->remote_endpoint_id == NULL)
    return;
  ferry_hcx_client_list_resource_containers_async (client, FALSE, self->cancellable, vcenters_cb,
                                                   g_object_ref (self));
  ferry_hcx_client_list_resource_containers_async (client, TRUE, self->cancellable, vcenters_cb,
                                                   g_object_ref (self));
  ferry_hcx_client_list_containers_async (client, self->remote_endpoint_id, self->cancellable,
                                          containers_cb, g_object_ref (self));
  ferry_hcx_client_list_datastores_async (client, self->remote_endpoint_id, self->cancellable,
                                          datastores_cb, g_object_ref (self));
  ferry_hcx_client_list_storage_profiles_async (client, self->remote_endpoint_id, self->cancellable,
                                                policies_cb, g_object_ref (self));
  ferry_wizard_networks_page_load (self->networks_page, client, self->remote_endpoint_id);
}

/* ---- Export and import ---- */

static void
show_error (FerryWizard *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_widget_set_name (dialog, "plan-error");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizard) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ferry_plan_save_file_finish (result, &error))
    show_error (self, _ ("The Plan Was Not Exported"), error->message);
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWizard) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) plan = ferry_plan_load_file_finish (result, &error);

  if (plan == NULL)
    show_error (self, _ ("The Plan Was Not Imported"), error->message);
  else
    g_signal_emit (self, signals[SIGNAL_PLAN_IMPORTED], 0, plan);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, FerryWizard *self)
{
  gboolean save
      = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && save)
    ferry_plan_save_file_async (self->plan, file, NULL, exported_cb, g_object_ref (self));
  else if (file != NULL)
    ferry_plan_load_file_async (file, NULL, imported_cb, g_object_ref (self));
  g_object_unref (chooser);
}

static void
plan_file_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FerryWizard *self = FERRY_WIZARD (widget);
  gboolean save = g_str_equal (name, "wizard.export-plan");
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      save ? _ ("Export the Plan") : _ ("Import a Plan"), GTK_WINDOW (gtk_widget_get_root (widget)),
      save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
      save ? _ ("_Export") : _ ("_Import"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Ferry Plans (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    {
      g_autofree char *file_name = g_strdup_printf (
          "%s.json", ferry_plan_get_name (self->plan) != NULL ? ferry_plan_get_name (self->plan)
                                                              : "ferry-plan");

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ---- */

static void
ferry_wizard_constructed (GObject *object)
{
  FerryWizard *self = FERRY_WIZARD (object);
  G_OBJECT_CLASS (ferry_wizard_parent_class)->constructed (object);

  g_assert (self->plan != NULL);
  self->vm_page = FERRY_WIZARD_VM_PAGE (ferry_wizard_vm_page_new (self->plan));
  self->options_page = FERRY_WIZARD_OPTIONS_PAGE (ferry_wizard_options_page_new (self->plan));
  self->networks_page = FERRY_WIZARD_NETWORKS_PAGE (ferry_wizard_networks_page_new (self->plan));
  g_signal_connect_object (self->networks_page, "notify::blocker", G_CALLBACK (update_navigation),
                           self, G_CONNECT_SWAPPED);
  self->review_page = ferry_wizard_review_new (self->plan, self->session, self->store);
  g_signal_connect_object (self->review_page, "go-to", G_CALLBACK (review_go_to_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "notify::read-only", G_CALLBACK (review_read_only_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->vm_page), "vms");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->options_page), "options");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->networks_page), "networks");
  gtk_stack_add_named (self->stack, self->review_page, "review");
  gtk_stack_set_visible_child_name (self->stack, "vms");
  ferry_accessible_name_status_pages (GTK_WIDGET (self));
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->store != NULL)
    ferry_plan_store_track (self->store, self->plan);
  if (self->session != NULL && ferry_connection_session_get_client (self->session) != NULL)
    ferry_wizard_vm_page_load (self->vm_page, ferry_connection_session_get_client (self->session));
  update_navigation (self);
  /* A plan whose start was sent opens on Review, which asks the server what it created. */
  if (ferry_plan_get_start_state (self->plan) != FERRY_PLAN_START_NONE)
    set_step (self, FERRY_WIZARD_STEP_REVIEW);
  review_read_only_cb (self);
}

static void
ferry_wizard_dispose (GObject *object)
{
  FerryWizard *self = FERRY_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_WIZARD);
  g_clear_object (&self->containers);
  g_clear_object (&self->datastores);
  g_clear_object (&self->policies);
  g_clear_object (&self->session);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ferry_wizard_parent_class)->dispose (object);
}

static void
ferry_wizard_finalize (GObject *object)
{
  FerryWizard *self = FERRY_WIZARD (object);

  g_free (self->blocker);
  g_free (self->remote_endpoint_id);

  G_OBJECT_CLASS (ferry_wizard_parent_class)->finalize (object);
}

static void
ferry_wizard_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryWizard *self = FERRY_WIZARD (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        g_value_set_object (value, self->session);
        break;
      case PROP_PLAN:
        g_value_set_object (value, self->plan);
        break;
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_STEP:
        g_value_set_int (value, self->step);
        break;
      case PROP_BLOCKER:
        g_value_set_string (value, self->blocker);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerryWizard *self = FERRY_WIZARD (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        self->session = g_value_dup_object (value);
        break;
      case PROP_PLAN:
        self->plan = g_value_dup_object (value);
        break;
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        break;
      case PROP_STEP:
        set_step (self, g_value_get_int (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_wizard_class_init (FerryWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ferry_wizard_constructed;
  object_class->dispose = ferry_wizard_dispose;
  object_class->finalize = ferry_wizard_finalize;
  object_class->get_property = ferry_wizard_get_property;
  object_class->set_property = ferry_wizard_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, FERRY_TYPE_CONNECTION_SESSION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN]
      = g_param_spec_object ("plan", NULL, NULL, FERRY_TYPE_PLAN,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, FERRY_TYPE_PLAN_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP]
      = g_param_spec_int ("step", NULL, NULL, 0, N_STEPS - 1, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKER]
      = g_param_spec_string ("blocker", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PLAN_IMPORTED]
      = g_signal_new ("plan-imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, FERRY_TYPE_PLAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferry_hcx/Ferry/ferry-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, reason_label);
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, step_vms);
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, step_options);
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, step_networks);
  gtk_widget_class_bind_template_child (widget_class, FerryWizard, step_review);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_property_action (widget_class, "wizard.go-step", "step");
  gtk_widget_class_install_action (widget_class, "wizard.export-plan", NULL, plan_file_action);
  gtk_widget_class_install_action (widget_class, "wizard.import-plan", NULL, plan_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "wizard.export-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "wizard.import-plan", NULL);
}

static void
ferry_wizard_init (FerryWizard *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ferry_wizard_new (FerryConnectionSession *session, FerryPlan *plan, FerryPlanStore *store)
{
  g_return_val_if_fail (FERRY_IS_PLAN (plan), NULL);
  return g_object_new (FERRY_TYPE_WIZARD, "session", session, "plan", plan, "store", store, NULL);
}

FerryPlan *
ferry_wizard_get_plan (FerryWizard *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD (self), NULL);
  return self->plan;
}

FerryWizardStep
ferry_wizard_get_step (FerryWizard *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD (self), 0);
  return self->step;
}

const char *
ferry_wizard_get_blocker (FerryWizard *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD (self), NULL);
  return self->blocker;
}

FerryWizardVmPage *
ferry_wizard_get_vm_page (FerryWizard *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD (self), NULL);
  return self->vm_page;
}

FerryWizardOptionsPage *
ferry_wizard_get_options_page (FerryWizard *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD (self), NULL);
  return self->options_page;
}

FerryWizardNetworksPage *
ferry_wizard_get_networks_page (FerryWizard *self)
{
  g_return_val_if_fail (FERRY_IS_WIZARD (self), NULL);
  return self->networks_page;
}
