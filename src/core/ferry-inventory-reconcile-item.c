/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-inventory-reconcile-item.c: FerryReconcileItem, one VM's outcome of a reconcile */

#include "config.h"

#include "ferry-inventory-reconcile-private.h"

struct _FerryReconcileItem
{
  GObject parent_instance;

  FerryReconcileStatus status;
  FerryReconcileChanges changes;
  FerryReconcileMatch match;
  FerryVm *planned_vm;
  FerryVm *manager_vm;
  GPtrArray *details; /* char*, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (FerryReconcileItem, ferry_reconcile_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_CHANGES,
  PROP_MATCH,
  PROP_PLANNED_VM,
  PROP_MANAGER_VM,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_reconcile_item_dispose (GObject *object)
{
  FerryReconcileItem *self = (FerryReconcileItem *)object;

  g_clear_object (&self->planned_vm);
  g_clear_object (&self->manager_vm);

  G_OBJECT_CLASS (ferry_reconcile_item_parent_class)->dispose (object);
}

static void
ferry_reconcile_item_finalize (GObject *object)
{
  FerryReconcileItem *self = (FerryReconcileItem *)object;

  g_ptr_array_unref (self->details);

  G_OBJECT_CLASS (ferry_reconcile_item_parent_class)->finalize (object);
}

static void
ferry_reconcile_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryReconcileItem *self = (FerryReconcileItem *)object;

  switch (prop_id)
    {
      case PROP_STATUS:
        g_value_set_int (value, self->status);
        break;

      case PROP_CHANGES:
        g_value_set_uint (value, self->changes);
        break;

      case PROP_MATCH:
        g_value_set_int (value, self->match);
        break;

      case PROP_PLANNED_VM:
        g_value_set_object (value, self->planned_vm);
        break;

      case PROP_MANAGER_VM:
        g_value_set_object (value, self->manager_vm);
        break;

      case PROP_DETAILS:
        g_value_set_boxed (value, self->details->pdata);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_reconcile_item_class_init (FerryReconcileItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ferry_reconcile_item_dispose;
  object_class->finalize = ferry_reconcile_item_finalize;
  object_class->get_property = ferry_reconcile_item_get_property;

  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, FERRY_RECONCILE_MATCHED,
                                              FERRY_RECONCILE_NEW, FERRY_RECONCILE_MATCHED, flags);
  properties[PROP_CHANGES] = g_param_spec_uint ("changes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MATCH]
      = g_param_spec_int ("match", NULL, NULL, FERRY_RECONCILE_MATCH_NONE,
                          FERRY_RECONCILE_MATCH_NAME, FERRY_RECONCILE_MATCH_NONE, flags);
  properties[PROP_PLANNED_VM]
      = g_param_spec_object ("planned-vm", NULL, NULL, FERRY_TYPE_VM, flags);
  properties[PROP_MANAGER_VM]
      = g_param_spec_object ("manager-vm", NULL, NULL, FERRY_TYPE_VM, flags);
  properties[PROP_DETAILS] = g_param_spec_boxed ("details", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_reconcile_item_init (FerryReconcileItem *self)
{
  self->details = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->details, NULL);
}

FerryReconcileItem *
_ferry_reconcile_item_new (FerryReconcileStatus status, FerryReconcileMatch match,
                           FerryVm *planned_vm, FerryVm *manager_vm)
{
  FerryReconcileItem *self = g_object_new (FERRY_TYPE_RECONCILE_ITEM, NULL);

  self->status = status;
  self->match = match;
  g_set_object (&self->planned_vm, planned_vm);
  g_set_object (&self->manager_vm, manager_vm);
  return self;
}

void
_ferry_reconcile_item_add_change (FerryReconcileItem *self, FerryReconcileChanges change,
                                  char *detail)
{
  self->changes |= change;
  if (self->status == FERRY_RECONCILE_MATCHED && change != FERRY_RECONCILE_CHANGE_NONE)
    self->status = FERRY_RECONCILE_CHANGED;
  if (detail != NULL)
    g_ptr_array_insert (self->details, self->details->len - 1, detail);
}

FerryReconcileStatus
ferry_reconcile_item_get_status (FerryReconcileItem *self)
{
  g_return_val_if_fail (FERRY_IS_RECONCILE_ITEM (self), FERRY_RECONCILE_MISSING);

  return self->status;
}

FerryReconcileChanges
ferry_reconcile_item_get_changes (FerryReconcileItem *self)
{
  g_return_val_if_fail (FERRY_IS_RECONCILE_ITEM (self), FERRY_RECONCILE_CHANGE_NONE);

  return self->changes;
}

FerryReconcileMatch
ferry_reconcile_item_get_match (FerryReconcileItem *self)
{
  g_return_val_if_fail (FERRY_IS_RECONCILE_ITEM (self), FERRY_RECONCILE_MATCH_NONE);

  return self->match;
}

FerryVm *
ferry_reconcile_item_get_planned_vm (FerryReconcileItem *self)
{
  g_return_val_if_fail (FERRY_IS_RECONCILE_ITEM (self), NULL);

  return self->planned_vm;
}

FerryVm *
ferry_reconcile_item_get_manager_vm (FerryReconcileItem *self)
{
  g_return_val_if_fail (FERRY_IS_RECONCILE_ITEM (self), NULL);

  return self->manager_vm;
}

const char *const *
ferry_reconcile_item_get_details (FerryReconcileItem *self)
{
  g_return_val_if_fail (FERRY_IS_RECONCILE_ITEM (self), NULL);

  return (const char *const *)self->details->pdata;
}
