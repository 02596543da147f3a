/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-selection.c: the VM step's rows, filtered and sorted; the plan as their selection */

#include "config.h"

#include "ferry-vm-selection.h"

/* ---- FerryVmRow ---- */

struct _FerryVmRow
{
  GObject parent_instance;

  FerryVmSelection *owner; /* unowned; NULL once the row is gone */
  guint position;
};

G_DEFINE_FINAL_TYPE (FerryVmRow, ferry_vm_row, G_TYPE_OBJECT)

static void
ferry_vm_row_class_init (FerryVmRowClass *klass)
{
}

static void
ferry_vm_row_init (FerryVmRow *self)
{
}

guint
ferry_vm_row_get_position (FerryVmRow *self)
{
  g_return_val_if_fail (FERRY_IS_VM_ROW (self), GTK_INVALID_LIST_POSITION);
  return self->position;
}

FerryVm *
ferry_vm_row_get_vm (FerryVmRow *self)
{
  g_return_val_if_fail (FERRY_IS_VM_ROW (self), NULL);
  return self->owner != NULL ? ferry_vm_selection_get_vm (self->owner, self->position) : NULL;
}

/* ---- FerryVmSelection ---- */

struct _FerryVmSelection
{
  GObject parent_instance;

  FerryVmArray *vms;
  FerryPlan *plan;
  FerryVmFilterFunc filter;
  gpointer filter_data;
  int sort; /* FerryVmSort, or -1 */
  gboolean descending;
  GPtrArray *shown;  /* FerryVm, borrowed from vms */
  GPtrArray *rows;   /* FerryVmRow or NULL (not asked for yet), as long as shown */
  guint n_seen;      /* VMs of vms looked at so far */
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
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- GListModel: one row object per position ---- */

static GType
get_item_type (GListModel *list)
{
  return FERRY_TYPE_VM_ROW;
}

static guint
get_n_items (GListModel *list)
{
  return FERRY_VM_SELECTION (list)->shown->len;
}

static gpointer
get_item (GListModel *list, guint position)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (list);
  FerryVmRow *row;

  if (position >= self->shown->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row == NULL)
    {
      row = g_object_new (FERRY_TYPE_VM_ROW, NULL);
      row->owner = self;
      row->position = position;
      g_ptr_array_index (self->rows, position) = row;
    }
  return g_object_ref (row);
}

static void
ferry_vm_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

FerryVm *
ferry_vm_selection_get_vm (FerryVmSelection *self, guint position)
{
  g_return_val_if_fail (FERRY_IS_VM_SELECTION (self), NULL);
  return position < self->shown->len ? g_ptr_array_index (self->shown, position) : NULL;
}

/* ---- Filtering and sorting ---- */

static void
drop_rows_from (FerryVmSelection *self, guint from)
{
  for (guint i = from; i < self->rows->len; i++)
    {
      FerryVmRow *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        {
          row->owner = NULL;
          g_object_unref (row);
        }
    }
  if (from < self->rows->len)
    g_ptr_array_set_size (self->rows, from);
}

/* The rows of [@first, @last) whose VM's selected state differs from the one they showed
 * before, as few selection-changed ranges: GTK keeps each row's state from its last update
 * (and GTK 4.8 binds the row again for it), so only those need telling. */
static void
notify_selected_states (FerryVmSelection *self, GPtrArray *old, guint first, guint last)
{
  guint start = G_MAXUINT;

  if (self->plan == NULL || ferry_plan_get_n_items (self->plan) == 0)
    return;
  for (guint i = first; i <= last; i++)
    {
      gboolean differs = i < last && old->pdata[i] != self->shown->pdata[i]
                         && ferry_plan_contains (self->plan, old->pdata[i])
                                != ferry_plan_contains (self->plan, self->shown->pdata[i]);

      if (differs && start == G_MAXUINT)
        start = i;
      else if (!differs && start != G_MAXUINT)
        {
          gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), start, i - start);
          start = G_MAXUINT;
        }
    }
}

/* Shows @shown instead: the count changes at the end of the list; the rows kept show other
 * VMs where they differ ("rows-changed"). */
static void
replace_shown (FerryVmSelection *self, GPtrArray *shown)
{
  g_autoptr (GPtrArray) old = self->shown;
  guint old_n = old->len, new_n = shown->len;
  guint common = MIN (old_n, new_n);
  guint first = 0, last = common;

  while (first < common && old->pdata[first] == shown->pdata[first])
    first++;
  while (last > first && old->pdata[last - 1] == shown->pdata[last - 1])
    last--;
  self->shown = shown;
  drop_rows_from (self, new_n);
  g_ptr_array_set_size (self->rows, new_n);
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
  if (last > first)
    {
      g_signal_emit (self, signals[SIGNAL_ROWS_CHANGED], 0, first, last - first);
      notify_selected_states (self, old, first, last);
    }
}

static gboolean
passes (FerryVmSelection *self, FerryVm *vm)
{
  return self->filter == NULL || self->filter (vm, self->filter_data);
}

/* Every VM, in order, through the filter. */
static void
recompute (FerryVmSelection *self)
{
  guint n = self->vms != NULL ? ferry_vm_array_get_length (self->vms) : 0;
  FerryVm *const *vms = self->vms != NULL ? ferry_vm_array_peek (self->vms) : NULL;
  GPtrArray *shown = g_ptr_array_sized_new (n);

  if (self->sort < 0)
    {
      for (guint i = 0; i < n; i++)
        if (passes (self, vms[i]))
          g_ptr_array_add (shown, vms[i]);
    }
  else if (n > 0)
    {
      const guint *order = ferry_vm_array_get_order (self->vms, self->sort);

      for (guint k = 0; k < n; k++)
        {
          FerryVm *vm = vms[order[self->descending ? n - 1 - k : k]];

          if (passes (self, vm))
            g_ptr_array_add (shown, vm);
        }
    }
  self->n_seen = n;
  replace_shown (self, shown);
}

/* Only the VMs shown, through the filter. */
static void
narrow (FerryVmSelection *self)
{
  GPtrArray *shown = g_ptr_array_sized_new (self->shown->len);

  for (guint i = 0; i < self->shown->len; i++)
    if (passes (self, self->shown->pdata[i]))
      g_ptr_array_add (shown, self->shown->pdata[i]);
  replace_shown (self, shown);
}

void
ferry_vm_selection_set_filter_func (FerryVmSelection *self, FerryVmFilterFunc func,
                                    gpointer user_data)
{
  g_return_if_fail (FERRY_IS_VM_SELECTION (self));

  self->filter = func;
  self->filter_data = user_data;
  recompute (self);
}

void
ferry_vm_selection_refilter (FerryVmSelection *self, GtkFilterChange change)
{
  g_return_if_fail (FERRY_IS_VM_SELECTION (self));

  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    narrow (self);
  else
    recompute (self);
}

void
ferry_vm_selection_set_sort (FerryVmSelection *self, int sort, gboolean descending)
{
  g_return_if_fail (FERRY_IS_VM_SELECTION (self));
  g_return_if_fail (sort < FERRY_VM_N_SORTS);

  if (sort < 0)
    descending = FALSE;
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  recompute (self);
}

/* The inventory grew (while it loads): in the inventory's order only the new VMs need
 * looking at; sorted, they may go anywhere. */
static void
vms_items_changed_cb (FerryVmSelection *self, guint position, guint removed, guint added,
                      GListModel *vms)
{
  guint n = g_list_model_get_n_items (vms);
  FerryVm *const *all = ferry_vm_array_peek (self->vms);
  GPtrArray *shown;

  if (removed != 0 || position != self->n_seen || self->sort >= 0)
    {
      recompute (self);
      return;
    }
  shown = g_ptr_array_sized_new (self->shown->len + added);
  g_ptr_array_extend (shown, self->shown, NULL, NULL);
  for (guint i = self->n_seen; i < n; i++)
    if (passes (self, all[i]))
      g_ptr_array_add (shown, all[i]);
  self->n_seen = n;
  replace_shown (self, shown);
}

/* ---- GtkSelectionModel: the plan's membership ---- */

static gboolean
is_selected (GtkSelectionModel *model, guint position)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (model);
  FerryVm *vm = ferry_vm_selection_get_vm (self, position);

  return self->plan != NULL && vm != NULL && ferry_plan_contains (self->plan, vm);
}

static gboolean
change_range (FerryVmSelection *self, guint position, guint n_items, gboolean add)
{
  guint n = self->shown->len;

  if (self->plan == NULL)
    return FALSE;
  if (position >= n || n_items == 0)
    return TRUE;
  n_items = MIN (n_items, n - position);
  self->changing = TRUE;
  if (add)
    ferry_plan_add_vms (self->plan, (FerryVm *const *)self->shown->pdata + position, n_items);
  else
    ferry_plan_remove_vms (self->plan, (FerryVm *const *)self->shown->pdata + position, n_items);
  self->changing = FALSE;
  gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, n_items);
  return TRUE;
}

static gboolean
select_range (GtkSelectionModel *model, guint position, guint n_items, gboolean unselect_rest)
{
  /* Additive: a plain click adds to the selection instead of replacing it (@unselect_rest is
   * ignored), so a selection of hundreds built up across searches is never lost to one click.
   * Ctrl+click unselects a selected VM; "Clear" unselects all. */
  return change_range (FERRY_VM_SELECTION (model), position, n_items, TRUE);
}

static gboolean
unselect_range (GtkSelectionModel *model, guint position, guint n_items)
{
  return change_range (FERRY_VM_SELECTION (model), position, n_items, FALSE);
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
  if (self->shown->len > 0)
    gtk_selection_model_selection_changed (model, 0, self->shown->len);
  return TRUE;
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model, guint position, guint n_items)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (model);
  GtkBitset *set = gtk_bitset_new_empty ();
  guint end = MIN ((guint64)position + n_items, self->shown->len);

  /* Nothing selected: no row needs looking at. */
  if (self->plan == NULL || ferry_plan_get_n_items (self->plan) == 0)
    return set;
  for (guint i = position; i < end; i++)
    if (ferry_plan_contains (self->plan, self->shown->pdata[i]))
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
plan_items_changed_cb (FerryVmSelection *self, guint position, guint removed, guint added,
                       GListModel *plan)
{
  if (self->changing)
    return;
  /* Changed elsewhere: which rows are affected is not known cheaply; the view only updates
   * the rows it shows. */
  if (self->shown->len > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, self->shown->len);
}

void
ferry_vm_selection_set_plan (FerryVmSelection *self, FerryPlan *plan)
{
  g_return_if_fail (FERRY_IS_VM_SELECTION (self));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "items-changed", G_CALLBACK (plan_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (self->shown->len > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, self->shown->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
ferry_vm_selection_dispose (GObject *object)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (object);

  if (self->vms != NULL)
    g_signal_handlers_disconnect_by_data (self->vms, self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  drop_rows_from (self, 0);
  g_ptr_array_set_size (self->shown, 0);
  g_clear_object (&self->vms);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ferry_vm_selection_parent_class)->dispose (object);
}

static void
ferry_vm_selection_finalize (GObject *object)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (object);

  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ferry_vm_selection_parent_class)->finalize (object);
}

static void
ferry_vm_selection_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryVmSelection *self = FERRY_VM_SELECTION (object);

  switch (prop_id)
    {
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
  object_class->finalize = ferry_vm_selection_finalize;
  object_class->get_property = ferry_vm_selection_get_property;
  object_class->set_property = ferry_vm_selection_set_property;

  properties[PROP_PLAN]
      = g_param_spec_object ("plan", NULL, NULL, FERRY_TYPE_PLAN,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ROWS_CHANGED]
      = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
ferry_vm_selection_init (FerryVmSelection *self)
{
  self->sort = -1;
  self->shown = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
}

FerryVmSelection *
ferry_vm_selection_new (FerryVmArray *vms, FerryPlan *plan)
{
  FerryVmSelection *self;

  g_return_val_if_fail (FERRY_IS_VM_ARRAY (vms), NULL);

  self = g_object_new (FERRY_TYPE_VM_SELECTION, "plan", plan, NULL);
  self->vms = g_object_ref (vms);
  g_signal_connect_object (vms, "items-changed", G_CALLBACK (vms_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  recompute (self);
  return self;
}

FerryVmArray *
ferry_vm_selection_get_vms (FerryVmSelection *self)
{
  g_return_val_if_fail (FERRY_IS_VM_SELECTION (self), NULL);
  return self->vms;
}

FerryPlan *
ferry_vm_selection_get_plan (FerryVmSelection *self)
{
  g_return_val_if_fail (FERRY_IS_VM_SELECTION (self), NULL);
  return self->plan;
}
