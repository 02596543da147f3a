/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-start.c: a plan's start state and migration ids, kept beside the plan object */

#include "config.h"

#include <stdlib.h>

#include "ferry-plan-private.h"
#include "ferry-plan-start.h"

typedef struct
{
  FerryPlanStartState state;
  GHashTable *migration_ids; /* vm id → migration id */
} PlanStart;

static void
plan_start_free (gpointer data)
{
  PlanStart *s = data;

  g_hash_table_unref (s->migration_ids);
  g_free (s);
}

static PlanStart *
peek (FerryPlan *self, gboolean create)
{
  static GQuark quark;
  PlanStart *s;

  if (quark == 0)
    quark = g_quark_from_static_string ("ferry-plan-start");
  s = g_object_get_qdata (G_OBJECT (self), quark);
  if (s == NULL && create)
    {
      s = g_new0 (PlanStart, 1);
      s->migration_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_qdata_full (G_OBJECT (self), quark, s, plan_start_free);
    }
  return s;
}

static void
start_changed (FerryPlan *self)
{
  _ferry_plan_emit_changed (self);
}

FerryPlanStartState
ferry_plan_get_start_state (FerryPlan *self)
{
  PlanStart *s;

  g_return_val_if_fail (FERRY_IS_PLAN (self), FERRY_PLAN_START_NONE);
  s = peek (self, FALSE);
  return s != NULL ? s->state : FERRY_PLAN_START_NONE;
}

void
ferry_plan_set_start_state (FerryPlan *self, FerryPlanStartState state)
{
  PlanStart *s;

  g_return_if_fail (FERRY_IS_PLAN (self));
  s = peek (self, TRUE);
  if (s->state == state)
    return;
  s->state = state;
  _ferry_plan_options_set_locked (ferry_plan_get_defaults (self), state != FERRY_PLAN_START_NONE);
  start_changed (self);
}

gboolean
_ferry_plan_is_locked (FerryPlan *self)
{
  return ferry_plan_get_start_state (self) != FERRY_PLAN_START_NONE;
}

gboolean
ferry_plan_get_read_only (FerryPlan *self)
{
  return ferry_plan_get_start_state (self) == FERRY_PLAN_START_STARTED;
}

const char *
ferry_plan_get_migration_id (FerryPlan *self, const char *vm_id)
{
  PlanStart *s;

  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  s = peek (self, FALSE);
  return s != NULL && vm_id != NULL ? g_hash_table_lookup (s->migration_ids, vm_id) : NULL;
}

void
ferry_plan_set_migration_id (FerryPlan *self, const char *vm_id, const char *migration_id)
{
  PlanStart *s;

  g_return_if_fail (FERRY_IS_PLAN (self));
  g_return_if_fail (vm_id != NULL);
  if (g_strcmp0 (ferry_plan_get_migration_id (self, vm_id), migration_id) == 0)
    return;
  s = peek (self, TRUE);
  if (migration_id == NULL)
    g_hash_table_remove (s->migration_ids, vm_id);
  else
    g_hash_table_insert (s->migration_ids, g_strdup (vm_id), g_strdup (migration_id));
  start_changed (self);
}

GStrv
ferry_plan_list_started_vm_ids (FerryPlan *self)
{
  PlanStart *s;
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  GStrv out;

  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  s = peek (self, FALSE);
  if (s == NULL)
    return g_new0 (char *, 1);
  keys = g_hash_table_get_keys_as_array (s->migration_ids, &n);
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (keys[i]);
  qsort (out, n, sizeof (char *), (GCompareFunc)g_strcmp0);
  return out;
}

guint
ferry_plan_get_n_started (FerryPlan *self)
{
  PlanStart *s;

  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);
  s = peek (self, FALSE);
  return s != NULL ? g_hash_table_size (s->migration_ids) : 0;
}

const char *
ferry_plan_start_state_to_string (FerryPlanStartState state)
{
  switch (state)
    {
      case FERRY_PLAN_START_SENT:
        return "sent";
      case FERRY_PLAN_START_STARTED:
        return "started";
      case FERRY_PLAN_START_NONE:
      default:
        return NULL;
    }
}

FerryPlanStartState
ferry_plan_start_state_from_string (const char *text)
{
  if (g_strcmp0 (text, "sent") == 0)
    return FERRY_PLAN_START_SENT;
  if (g_strcmp0 (text, "started") == 0)
    return FERRY_PLAN_START_STARTED;
  return FERRY_PLAN_START_NONE;
}
