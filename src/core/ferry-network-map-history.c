/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-history.c: the network map's undo/redo history: steps of rule, exception
 * and retain-MAC changes, applied backwards or forwards, and the read-only guard of a started
 * plan */

#include "config.h"

#include "ferry-network-map-state-private.h"
#include "ferry-plan-start.h"

/* ---- Undo steps ---- */

typedef enum
{
  CHANGE_RULE,
  CHANGE_EXCEPTION,
  CHANGE_RETAIN_MAC,
} ChangeKind;

typedef struct
{
  ChangeKind kind;
  char *key; /* source id, exception key, or VM id */
  FerryNetwork *before, *after;
  int mac_before, mac_after; /* -1: not overridden, else the override */
} Change;

struct _FerryNetworkMapStep
{
  GArray *changes;
};

static void
change_clear (gpointer data)
{
  Change *c = data;

  g_free (c->key);
  g_clear_object (&c->before);
  g_clear_object (&c->after);
}

void
_ferry_network_map_step_free (gpointer data)
{
  FerryNetworkMapStep *step = data;

  g_array_unref (step->changes);
  g_free (step);
}

/* A started plan is read-only: its mapping does not change any more. */
gboolean
_ferry_network_map_frozen (FerryNetworkMap *self)
{
  return self->plan != NULL && ferry_plan_get_read_only (self->plan);
}

FerryNetworkMapStep *
_ferry_network_map_step_begin (FerryNetworkMap *self)
{
  FerryNetworkMapStep *step = g_new0 (FerryNetworkMapStep, 1);

  step->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (step->changes, change_clear);
  return step;
}

static void
step_add (FerryNetworkMapStep *step, ChangeKind kind, const char *key, FerryNetwork *before,
          FerryNetwork *after)
{
  Change c = { kind, g_strdup (key), NULL, NULL, -1, -1 };

  g_set_object (&c.before, before);
  g_set_object (&c.after, after);
  g_array_append_val (step->changes, c);
}

void
_ferry_network_map_step_set_rule (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                  const char *source_id, FerryNetwork *target)
{
  g_autoptr (FerryNetwork) before = NULL;

  g_set_object (&before, g_hash_table_lookup (self->rules, source_id));
  if (_ferry_network_map_set_rule_raw (self, source_id, target))
    step_add (step, CHANGE_RULE, source_id, before, target);
}

void
_ferry_network_map_step_set_exception (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                       const char *key, FerryNetwork *target)
{
  ExcEntry *e = g_hash_table_lookup (self->exceptions, key);
  g_autoptr (FerryNetwork) before = NULL;

  if (e != NULL)
    g_set_object (&before, e->target);
  if (_ferry_network_map_set_exception_raw (self, key, target))
    step_add (step, CHANGE_EXCEPTION, key, before, target);
}

static int
item_retain_mac_state (FerryPlanItem *item)
{
  if (!ferry_plan_item_get_overridden (item, FERRY_PLAN_FIELD_RETAIN_MAC))
    return -1;
  return ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_RETAIN_MAC) ? 1 : 0;
}

static void
item_set_retain_mac_state (FerryPlanItem *item, int state)
{
  if (item_retain_mac_state (item) == state)
    return;
  if (state < 0)
    ferry_plan_item_reset (item, FERRY_PLAN_FIELD_RETAIN_MAC);
  else
    ferry_plan_item_override_boolean (item, FERRY_PLAN_FIELD_RETAIN_MAC, state == 1);
}

void
_ferry_network_map_step_set_retain_mac (FerryNetworkMap *self, FerryNetworkMapStep *step,
                                        FerryPlanItem *item, gboolean retain)
{
  Change c = { CHANGE_RETAIN_MAC, NULL, NULL, NULL, -1, -1 };

  c.mac_before = item_retain_mac_state (item);
  c.mac_after = retain ? 1 : 0;
  if (c.mac_before == c.mac_after)
    return;
  if (!self->in_plan_batch)
    {
      _ferry_plan_begin_batch (self->plan);
      self->in_plan_batch = TRUE;
    }
  c.key = g_strdup (ferry_vm_get_id (ferry_plan_item_get_vm (item)));
  item_set_retain_mac_state (item, c.mac_after);
  g_array_append_val (step->changes, c);
}

static void
set_can (FerryNetworkMap *self)
{
  gboolean can_undo = self->undo->len > 0, can_redo = self->redo->len > 0;

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      _ferry_network_map_notify (self, PROP_CAN_UNDO);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      _ferry_network_map_notify (self, PROP_CAN_REDO);
    }
}

static void
finish_change (FerryNetworkMap *self)
{
  _ferry_network_map_update_end (self, TRUE);
  set_can (self);
  if (self->plan != NULL)
    _ferry_plan_emit_changed (self->plan);
  if (self->in_plan_batch)
    {
      self->in_plan_batch = FALSE;
      _ferry_plan_end_batch (self->plan);
    }
}

void
_ferry_network_map_step_end (FerryNetworkMap *self, FerryNetworkMapStep *step)
{
  if (step->changes->len == 0)
    {
      _ferry_network_map_step_free (step);
      if (self->in_plan_batch)
        {
          self->in_plan_batch = FALSE;
          _ferry_plan_end_batch (self->plan);
        }
      _ferry_network_map_update_end (self, FALSE);
      return;
    }
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  finish_change (self);
}

static void
apply_change (FerryNetworkMap *self, Change *c, gboolean forward)
{
  switch (c->kind)
    {
      case CHANGE_RULE:
        _ferry_network_map_set_rule_raw (self, c->key, forward ? c->after : c->before);
        break;
      case CHANGE_EXCEPTION:
        _ferry_network_map_set_exception_raw (self, c->key, forward ? c->after : c->before);
        break;
      case CHANGE_RETAIN_MAC:
        {
          FerryPlanItem *item = ferry_plan_lookup (self->plan, c->key);

          if (item == NULL)
            break;
          if (!self->in_plan_batch)
            {
              _ferry_plan_begin_batch (self->plan);
              self->in_plan_batch = TRUE;
            }
          item_set_retain_mac_state (item, forward ? c->mac_after : c->mac_before);
        }
        break;
    }
}

gboolean
ferry_network_map_undo (FerryNetworkMap *self)
{
  FerryNetworkMapStep *step;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);

  if (self->undo->len == 0 || _ferry_network_map_frozen (self))
    return FALSE;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->changes->len; i-- > 0;)
    apply_change (self, &g_array_index (step->changes, Change, i), FALSE);
  g_ptr_array_add (self->redo, step);
  finish_change (self);
  return TRUE;
}

gboolean
ferry_network_map_redo (FerryNetworkMap *self)
{
  FerryNetworkMapStep *step;

  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);

  if (self->redo->len == 0 || _ferry_network_map_frozen (self))
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->changes->len; i++)
    apply_change (self, &g_array_index (step->changes, Change, i), TRUE);
  g_ptr_array_add (self->undo, step);
  finish_change (self);
  return TRUE;
}

gboolean
ferry_network_map_get_can_undo (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);
  return self->can_undo;
}

gboolean
ferry_network_map_get_can_redo (FerryNetworkMap *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_MAP (self), FALSE);
  return self->can_redo;
}

void
ferry_network_map_clear_history (FerryNetworkMap *self)
{
  g_return_if_fail (FERRY_IS_NETWORK_MAP (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  set_can (self);
}
