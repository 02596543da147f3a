/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan-store-start.c: saving and reading what a plan's start did */

#include "config.h"

#include "ferry-plan-store-start-private.h"

void
_ferry_plan_store_add_start (JsonBuilder *b, FerryPlan *plan)
{
  const char *state = ferry_plan_start_state_to_string (ferry_plan_get_start_state (plan));
  g_auto (GStrv) ids = ferry_plan_list_started_vm_ids (plan);

  if (state == NULL && ids[0] == NULL)
    return;
  json_builder_set_member_name (b, "start");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "state");
  if (state != NULL)
    json_builder_add_string_value (b, state);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "migrations");
  json_builder_begin_object (b);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      json_builder_set_member_name (b, ids[i]);
      json_builder_add_string_value (b, ferry_plan_get_migration_id (plan, ids[i]));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

void
_ferry_plan_store_read_start (JsonObject *o, FerryPlan *plan)
{
  JsonNode *n = json_object_get_member (o, "start");
  JsonObject *start, *migrations = NULL;
  JsonNode *m;

  if (n == NULL || !JSON_NODE_HOLDS_OBJECT (n))
    return;
  start = json_node_get_object (n);
  m = json_object_get_member (start, "migrations");
  if (m != NULL && JSON_NODE_HOLDS_OBJECT (m))
    migrations = json_node_get_object (m);
  if (migrations != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (migrations);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *v = json_object_get_member (migrations, l->data);

          if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
            ferry_plan_set_migration_id (plan, l->data, json_node_get_string (v));
        }
    }
  n = json_object_get_member (start, "state");
  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    ferry_plan_set_start_state (plan,
                                ferry_plan_start_state_from_string (json_node_get_string (n)));
}
