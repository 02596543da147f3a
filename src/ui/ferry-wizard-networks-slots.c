/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-wizard-networks-slots.c: a list's rows by position, for row widgets that stay; a
 * source's NICs, listed when first asked for */

#include "config.h"

#include "ferry-wizard-networks-slots.h"

/* ---- FerryNetworkSlot ---- */

struct _FerryNetworkSlot
{
  GObject parent_instance;

  FerryNetworkSlots *owner; /* unowned; NULL once the slot is gone */
  guint position;
};

G_DEFINE_FINAL_TYPE (FerryNetworkSlot, ferry_network_slot, G_TYPE_OBJECT)

static void
ferry_network_slot_class_init (FerryNetworkSlotClass *klass)
{
}

static void
ferry_network_slot_init (FerryNetworkSlot *self)
{
}

/* ---- FerryNetworkSlots ---- */

struct _FerryNetworkSlots
{
  GObject parent_instance;

  GListModel *model;
  guint n_items;
  GPtrArray *slots; /* FerryNetworkSlot or NULL (not asked for yet), as long as n_items */
};

enum
{
  SIGNAL_ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ferry_network_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryNetworkSlots, ferry_network_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_network_slots_list_model_init))

gpointer
ferry_network_slot_dup_item (FerryNetworkSlot *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SLOT (self), NULL);

  if (self->owner == NULL || self->position >= self->owner->n_items)
    return NULL;
  return g_list_model_get_item (self->owner->model, self->position);
}

guint
ferry_network_slot_get_position (FerryNetworkSlot *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SLOT (self), G_MAXUINT);
  return self->position;
}

static GType
slots_get_item_type (GListModel *model)
{
  return FERRY_TYPE_NETWORK_SLOT;
}

static guint
slots_get_n_items (GListModel *model)
{
  return FERRY_NETWORK_SLOTS (model)->n_items;
}

static gpointer
slots_get_item (GListModel *model, guint position)
{
  FerryNetworkSlots *self = FERRY_NETWORK_SLOTS (model);
  FerryNetworkSlot *slot;

  if (position >= self->n_items)
    return NULL;
  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      slot = g_object_new (FERRY_TYPE_NETWORK_SLOT, NULL);
      slot->owner = self;
      slot->position = position;
      g_ptr_array_index (self->slots, position) = slot;
    }
  return g_object_ref (slot);
}

static void
ferry_network_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = slots_get_item_type;
  iface->get_n_items = slots_get_n_items;
  iface->get_item = slots_get_item;
}

static void
slot_free (gpointer data)
{
  FerryNetworkSlot *slot = data;

  if (slot == NULL)
    return;
  slot->owner = NULL;
  g_object_unref (slot);
}

static void
model_items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                        FerryNetworkSlots *self)
{
  guint old_n = self->n_items, new_n = old_n - removed + added;
  guint common = MIN (old_n, new_n);

  self->n_items = new_n;
  g_ptr_array_set_size (self->slots, new_n);
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
  if (position < common)
    g_signal_emit (self, signals[SIGNAL_ROWS_CHANGED], 0, position, common - position);
}

static void
ferry_network_slots_dispose (GObject *object)
{
  FerryNetworkSlots *self = FERRY_NETWORK_SLOTS (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->slots, 0);
  self->n_items = 0;

  G_OBJECT_CLASS (ferry_network_slots_parent_class)->dispose (object);
}

static void
ferry_network_slots_finalize (GObject *object)
{
  FerryNetworkSlots *self = FERRY_NETWORK_SLOTS (object);

  g_ptr_array_unref (self->slots);

  G_OBJECT_CLASS (ferry_network_slots_parent_class)->finalize (object);
}

static void
ferry_network_slots_class_init (FerryNetworkSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_network_slots_dispose;
  object_class->finalize = ferry_network_slots_finalize;

  signals[SIGNAL_ROWS_CHANGED]
      = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
ferry_network_slots_init (FerryNetworkSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_free);
}

FerryNetworkSlots *
ferry_network_slots_new (GListModel *model)
{
  FerryNetworkSlots *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (FERRY_TYPE_NETWORK_SLOTS, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_ptr_array_set_size (self->slots, self->n_items);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self, 0);
  return self;
}

/* ---- FerryNetworkNics ---- */

struct _FerryNetworkNics
{
  GObject parent_instance;

  FerryNetworkMap *map;
  FerryNetworkSource *source;
  GListModel *nics; /* NULL until asked for */
};

static void
ferry_network_nics_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryNetworkNics, ferry_network_nics, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_network_nics_list_model_init))

static void
nics_items_changed_cb (FerryNetworkNics *self, guint position, guint removed, guint added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GListModel *
nics_ensure (FerryNetworkNics *self)
{
  if (self->nics == NULL)
    {
      self->nics = ferry_network_map_list_nics (self->map, self->source);
      g_signal_connect_object (self->nics, "items-changed", G_CALLBACK (nics_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  return self->nics;
}

static GType
nics_get_item_type (GListModel *list)
{
  return FERRY_TYPE_NETWORK_NIC_REF;
}

static guint
nics_get_n_items (GListModel *list)
{
  return g_list_model_get_n_items (nics_ensure (FERRY_NETWORK_NICS (list)));
}

static gpointer
nics_get_item (GListModel *list, guint position)
{
  return g_list_model_get_item (nics_ensure (FERRY_NETWORK_NICS (list)), position);
}

static void
ferry_network_nics_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nics_get_item_type;
  iface->get_n_items = nics_get_n_items;
  iface->get_item = nics_get_item;
}

static void
ferry_network_nics_dispose (GObject *object)
{
  FerryNetworkNics *self = FERRY_NETWORK_NICS (object);

  g_clear_object (&self->nics);
  g_clear_object (&self->source);
  g_clear_object (&self->map);
  G_OBJECT_CLASS (ferry_network_nics_parent_class)->dispose (object);
}

static void
ferry_network_nics_class_init (FerryNetworkNicsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ferry_network_nics_dispose;
}

static void
ferry_network_nics_init (FerryNetworkNics *self)
{
}

FerryNetworkNics *
ferry_network_nics_new (FerryNetworkMap *map, FerryNetworkSource *source)
{
  FerryNetworkNics *self;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (map), NULL);
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (source), NULL);

  self = g_object_new (FERRY_TYPE_NETWORK_NICS, NULL);
  self->map = g_object_ref (map);
  self->source = g_object_ref (source);
  return self;
}
