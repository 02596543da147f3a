/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm-array.c: an array-backed GListModel of FerryVm */

#include "config.h"

#include "ferry-vm-array.h"
#include "ferry-vm.h"

struct _FerryVmArray
{
  GObject parent_instance;

  GPtrArray *vms;
};

static void
ferry_vm_array_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryVmArray, ferry_vm_array, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_vm_array_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return FERRY_TYPE_VM;
}

static guint
get_n_items (GListModel *model)
{
  return FERRY_VM_ARRAY (model)->vms->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  FerryVmArray *self = FERRY_VM_ARRAY (model);

  if (position >= self->vms->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->vms, position));
}

static void
ferry_vm_array_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
ferry_vm_array_finalize (GObject *object)
{
  FerryVmArray *self = FERRY_VM_ARRAY (object);

  g_ptr_array_unref (self->vms);

  G_OBJECT_CLASS (ferry_vm_array_parent_class)->finalize (object);
}

static void
ferry_vm_array_class_init (FerryVmArrayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_vm_array_finalize;
}

static void
ferry_vm_array_init (FerryVmArray *self)
{
  self->vms = g_ptr_array_new_with_free_func (g_object_unref);
}

FerryVmArray *
ferry_vm_array_new (GListModel *model)
{
  FerryVmArray *self = g_object_new (FERRY_TYPE_VM_ARRAY, NULL);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  g_ptr_array_set_size (self->vms, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->vms, g_list_model_get_item (model, i));
  return self;
}
