/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-selection.c: the plan as the column view's selection */

#include "config.h"

#include "ferry-vm-selection.h"

struct _FerryVmSelection
{
  GObject parent_instance;

  GListModel *model;
  FerryPlan *plan;
  gboolean changing; /* our own change to the plan: report the exact range, not everything */
};

static void
ferry_vm_selection_list_model_init (GListModelInterface *iface);
static void
ferry_vm_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryVmSelection, ferry_vm_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_vm_selection_list_model_init)
                                   G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                          ferry_vm_selection_selection_model_init))

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- GListModel: the model's items ---- */

static GType
get_item_type (GListModel *list)
{
  return FERRY_TYPE_VM;
}

static guint
get_n_items (GListModel *list)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (list);

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
get_item (GListModel *list, guint position)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (list);

  return self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;
}

static void
ferry_vm_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ---- GtkSelectionModel: the plan's membership ---- */

static gboolean
is_selected (GtkSelectionModel *model, guint position)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (model);
  g_autoptr (FerryVm) vm = NULL;

  if (self->plan == NULL || self->model == NULL)
    return FALSE;
  vm = g_list_model_get_item (self->model, position);
  return vm != NULL && ferry_plan_contains (self->plan, vm);
}

static GPtrArray *
collect (FerryVmSelection *self, guint position, guint n_items)
{
  GPtrArray *vms = g_ptr_array_new_full (n_items, g_object_unref);
  guint n = get_n_items (G_LIST_MODEL (self));

  for (guint i = position; i < position + n_items && i < n; i++)
    g_ptr_array_add (vms, g_list_model_get_item (self->model, i));
  return vms;
}

static gboolean
select_range (GtkSelectionModel *model, guint position, guint n_items, gboolean unselect_rest)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (model);
  g_autoptr (GPtrArray) vms = NULL;
  guint n = get_n_items (G_LIST_MODEL (self));

  if (self->plan == NULL)
    return FALSE;
  vms = collect (self, position, n_items);
  self->changing = TRUE;
  ferry_plan_begin_changes (self->plan);
  if (unselect_rest)
    ferry_plan_clear (self->plan);
  ferry_plan_add_vms (self->plan, (FerryVm **)vms->pdata, vms->len);
  ferry_plan_end_changes (self->plan);
  self->changing = FALSE;
  if (unselect_rest)
    gtk_selection_model_selection_changed (model, 0, n);
  else if (n_items > 0)
    gtk_selection_model_selection_changed (model, position, MIN (n_items, n - position));
  return TRUE;
}

static gboolean
unselect_range (GtkSelectionModel *model, guint position, guint n_items)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (model);
  g_autoptr (GPtrArray) vms = NULL;
  guint n = get_n_items (G_LIST_MODEL (self));

  if (self->plan == NULL)
    return FALSE;
  vms = collect (self, position, n_items);
  self->changing = TRUE;
  ferry_plan_remove_vms (self->plan, (FerryVm **)vms->pdata, vms->len);
  self->changing = FALSE;
  if (n_items > 0 && position < n)
    gtk_selection_model_selection_changed (model, position, MIN (n_items, n - position));
  return TRUE;
}

static gboolean
select_item (GtkSelectionModel *model, guint position, gboolean unselect_rest)
{
  return select_range (model, position, 1, unselect_rest);
}

static gboolean
unselect_item (GtkSelectionModel *model, guint position)
{
  return unselect_range (model, position, 1);
}

static gboolean
select_all (GtkSelectionModel *model)
{
  return select_range (model, 0, get_n_items (G_LIST_MODEL (model)), FALSE);
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (model);

  if (self->plan == NULL)
    return FALSE;
  self->changing = TRUE;
  ferry_plan_clear (self->plan);
  self->changing = FALSE;
  gtk_selection_model_selection_changed (model, 0, get_n_items (G_LIST_MODEL (model)));
  return TRUE;
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model, guint position, guint n_items)
{
  GtkBitset *set = gtk_bitset_new_empty ();

  for (guint i = position; i < position + n_items; i++)
    if (is_selected (model, i))
      gtk_bitset_add (set, i);
  return set;
}

static void
ferry_vm_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->select_item = select_item;
  iface->unselect_item = unselect_item;
  iface->select_range = select_range;
  iface->unselect_range = unselect_range;
  iface->select_all = select_all;
  iface->unselect_all = unselect_all;
}

/* ---- Plumbing ---- */

static void
model_items_changed_cb (FerryVmSelection *self, guint position, guint removed, guint added,
                        GListModel *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
plan_items_changed_cb (FerryVmSelection *self, guint position, guint removed, guint added,
                       GListModel *plan)
{
  guint n;

  if (self->changing)
    return;
  /* Changed elsewhere: which rows are affected is not known cheaply; the view only rebinds
   * the rows it shows. */
  n = get_n_items (G_LIST_MODEL (self));
  if (n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n);
}

static void
ferry_vm_selection_set_model (FerryVmSelection *self, GListModel *model)
{
  guint old_n = get_n_items (G_LIST_MODEL (self));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, get_n_items (G_LIST_MODEL (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
ferry_vm_selection_set_plan (FerryVmSelection *self, FerryPlan *plan)
{
  guint n;

  g_return_if_fail (FERRY_IS_VM_SELECTION (self));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "items-changed", G_CALLBACK (plan_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  n = get_n_items (G_LIST_MODEL (self));
  if (n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
ferry_vm_selection_dispose (GObject *object)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->model);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ferry_vm_selection_parent_class)->dispose (object);
}

static void
ferry_vm_selection_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (object);

  switch (prop_id)
    {
      case PROP_MODEL:
        g_value_set_object (value, self->model);
        break;
      case PROP_PLAN:
        g_value_set_object (value, self->plan);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_vm_selection_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (object);

  switch (prop_id)
    {
      case PROP_MODEL:
        ferry_vm_selection_set_model (self, g_value_get_object (value));
        break;
      case PROP_PLAN:
        ferry_vm_selection_set_plan (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_vm_selection_class_init (FerryVmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_vm_selection_dispose;
  object_class->get_property = ferry_vm_selection_get_property;
  object_class->set_property = ferry_vm_selection_set_property;

  properties[PROP_MODEL]
      = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN]
      = g_param_spec_object ("plan", NULL, NULL, FERRY_TYPE_PLAN,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_vm_selection_init (FerryVmSelection *self)
{
}

FerryVmSelection *
ferry_vm_selection_new (GListModel *model, FerryPlan *plan)
{
  return g_object_new (FERRY_TYPE_VM_SELECTION, "model", model, "plan", plan, NULL);
}

GListModel *
ferry_vm_selection_get_model (FerryVmSelection *self)
{
  g_return_val_if_fail (FERRY_IS_VM_SELECTION (self), NULL);
  return self->model;
}

FerryPlan *
ferry_vm_selection_get_plan (FerryVmSelection *self)
{
  g_return_val_if_fail (FERRY_IS_VM_SELECTION (self), NULL);
  return self->plan;
}
