/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-engine.c: the engine's life cycle, the migration types, services, and the
 * migrations, groups and jobs it creates. The state machine and the clock are in
 * ferry-sim-engine-clock.c, the validation rules in ferry-sim-engine-validate.c, start and
 * cancel in ferry-sim-engine-start.c, the query and jobs in ferry-sim-engine-query.c and
 * mobility groups in ferry-sim-engine-groups.c. */

#include "ferry-sim-engine-private.h"
#include "ferry-sim-json.h"

#include <string.h>

const FerrySimMigTypeInfo ferry_sim_mig_types[N_TYPES] = {
  { "vSphereReplication", "Bulk Migration", "vSphereReplication", "BULK_MIGRATION", TRUE, TRUE,
    FALSE, 300 * SEC },
  { "vMotion", "HCX vMotion", "NO_OP", "VMOTION", TRUE, FALSE, TRUE, 60 * SEC },
  { "ColdMigration", "Cold Migration", "NO_OP", "VMOTION", FALSE, FALSE, TRUE, 60 * SEC },
  { "RAV", "Replication Assisted vMotion", "vSphereReplication", "RAV", TRUE, TRUE, FALSE,
    180 * SEC },
  { "OsAssistedMigration", "OS Assisted Migration", "OsAssistedReplication",
    "OS_ASSISTED_MIGRATION", TRUE, TRUE, FALSE, 600 * SEC },
};

static const char *service_names[] = {
  "INTERCONNECT",      "WANOPT", "VMOTION",
  "BULK_MIGRATION",    "RAV",    "NETWORK_EXTENSION",
  "DISASTER_RECOVERY", "SRM",    "OS_ASSISTED_MIGRATION",
};
#define DEFAULT_SERVICES 0x3f /* INTERCONNECT … NETWORK_EXTENSION */

/* States are compared by pointer: each has one definition. */
const char ferry_sim_st_draft[] = "DRAFT";
const char ferry_sim_st_validated[] = "VALIDATED";
const char ferry_sim_st_queued[] = "TRANSFER_QUEUED";
const char ferry_sim_st_transfer[] = "TRANSFER_IN_PROGRESS";
const char ferry_sim_st_waiting[] = "WAITING_FOR_SWITCHOVER";
const char ferry_sim_st_switchover[] = "SWITCHOVER_IN_PROGRESS";
const char ferry_sim_st_complete[] = "MIGRATION_COMPLETE";
const char ferry_sim_st_failed[] = "MIGRATION_FAILED";
const char ferry_sim_st_transfer_failed[] = "TRANSFER_FAILED";
const char ferry_sim_st_cancelling[] = "CANCEL_IN_PROGRESS";
const char ferry_sim_st_cancelled[] = "MIGRATION_CANCELLED";

static void
log_entry_clear (gpointer data)
{
  LogEntry *e = data;

  g_free (e->message);
  g_free (e->error);
}

static void
migration_free (gpointer data)
{
  Migration *m = data;

  g_free (m->id);
  g_free (m->group_id);
  g_free (m->username);
  g_free (m->datastore_id);
  g_free (m->message);
  g_free (m->error);
  if (m->intent != NULL)
    json_node_unref (m->intent);
  g_array_unref (m->log);
  g_free (m);
}

static void
group_free (gpointer data)
{
  Group *g = data;

  g_free (g->id);
  g_free (g->name);
  g_ptr_array_unref (g->migrations);
  g_free (g);
}

static void
job_free (gpointer data)
{
  Job *j = data;

  g_free (j->id);
  g_free (j->operation);
  g_ptr_array_unref (j->migration_ids);
  g_free (j);
}

static gint64
real_now_ms (void)
{
  return g_get_real_time () / 1000;
}

FerrySimEngine *
ferry_sim_engine_new (FerrySimWorld *world, const FerrySimEngineConfig *config)
{
  FerrySimEngine *e = g_new0 (FerrySimEngine, 1);

  e->world = world;
  if (config != NULL)
    e->config = *config;
  if (e->config.migration_bandwidth_bps <= 0)
    e->config.migration_bandwidth_bps = 1e9;
  if (e->config.appliance_bandwidth_bps <= 0)
    e->config.appliance_bandwidth_bps = 10e9;
  if (e->config.max_replication == 0)
    e->config.max_replication = 200;
  if (e->config.max_vmotion == 0)
    e->config.max_vmotion = 1;
  if (e->config.speed < 0)
    e->config.speed = 0;

  /* Whole seconds, so clock arithmetic in tests stays readable. */
  e->initial_ms = real_now_ms () / 1000 * 1000;
  e->migrations = g_ptr_array_new_with_free_func (migration_free);
  e->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  e->groups = g_ptr_array_new_with_free_func (group_free);
  e->jobs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, job_free);
  e->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->arrived = g_ptr_array_new ();
  e->arrived_by = g_ptr_array_new ();
  ferry_sim_engine_reset (e);
  return e;
}

void
ferry_sim_engine_free (FerrySimEngine *e)
{
  if (e == NULL)
    return;
  g_hash_table_unref (e->by_id);
  g_ptr_array_unref (e->migrations);
  g_ptr_array_unref (e->groups);
  g_hash_table_unref (e->jobs);
  g_hash_table_unref (e->failures);
  g_hash_table_unref (e->reserved);
  g_ptr_array_unref (e->arrived);
  g_ptr_array_unref (e->arrived_by);
  g_free (e);
}

void
ferry_sim_engine_reset (FerrySimEngine *e)
{
  guint i;

  g_hash_table_remove_all (e->by_id);
  g_ptr_array_set_size (e->migrations, 0);
  g_ptr_array_set_size (e->groups, 0);
  g_hash_table_remove_all (e->jobs);
  g_hash_table_remove_all (e->failures);
  g_hash_table_remove_all (e->reserved);
  for (i = 0; i < FERRY_SIM_N_SIDES; i++)
    e->services[i] = DEFAULT_SERVICES;
  e->unknown_states = FALSE;
  for (i = 0; i < e->arrived->len; i++)
    e->world->vms[ferry_sim_world_vm_index (e->world, g_ptr_array_index (e->arrived, i))].migrated
        = FALSE;
  g_ptr_array_set_size (e->arrived, 0);
  g_ptr_array_set_size (e->arrived_by, 0);
  e->speed = e->config.speed;
  e->base_sim_ms = e->initial_ms;
  e->base_real_us = g_get_monotonic_time ();
  e->time = e->initial_ms;
}

/* ---- services --------------------------------------------------------------------------- */

int
ferry_sim_service_bit (const char *name)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (service_names); i++)
    if (g_strcmp0 (service_names[i], name) == 0)
      return (int)i;
  return -1;
}

gboolean
ferry_sim_engine_set_service (FerrySimEngine *e, FerrySimSide side, const char *service,
                              gboolean enabled, GError **error)
{
  int bit = ferry_sim_service_bit (service);

  if (bit < 0 || side >= FERRY_SIM_N_SIDES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Unknown service %s",
                   service != NULL ? service : "(null)");
      return FALSE;
    }
  if (enabled)
    e->services[side] |= 1u << bit;
  else
    e->services[side] &= ~(1u << bit);
  return TRUE;
}

void
ferry_sim_engine_add_services (FerrySimEngine *e, FerrySimSide side, JsonBuilder *b)
{
  guint i;

  json_builder_begin_array (b);
  for (i = 0; i < G_N_ELEMENTS (service_names); i++)
    {
      if (!(e->services[side] & (1u << i)))
        continue;
      json_builder_begin_object (b);
      ferry_sim_json_add_string (b, "name", service_names[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* No totalSize in query answers, no top-level VALIDATION_FAILED, warnings without a code. */
void
ferry_sim_engine_set_real_omissions (FerrySimEngine *e, gboolean enabled)
{
  e->real_omissions = enabled;
}

gboolean
ferry_sim_engine_get_real_omissions (FerrySimEngine *e)
{
  return e->real_omissions;
}

/* While set, the migrations a request creates stay out of query answers for that many real
 * milliseconds: a server that acts first and shows it later. */
void
ferry_sim_engine_set_settle (FerrySimEngine *e, guint ms)
{
  e->settle_ms = ms;
}

void
ferry_sim_engine_set_vm_failure (FerrySimEngine *e, const char *entity_id, const char *phase)
{
  if (entity_id == NULL)
    return;
  if (phase == NULL || *phase == '\0')
    g_hash_table_remove (e->failures, entity_id);
  else
    g_hash_table_insert (e->failures, g_strdup (entity_id), g_strdup (phase));
}

/* ---- migrations, groups and jobs --------------------------------------------------------- */

char *
ferry_sim_engine_new_id (FerrySimEngine *e, const char *prefix)
{
  guint32 a = g_random_int (), b = g_random_int ();

  e->counter++;
  return g_strdup_printf ("%s%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x", prefix, a, b >> 16,
                          (guint)(e->counter & 0xfff), 0x8000 | (b & 0x3fff), (gint64)e->counter);
}

Group *
ferry_sim_engine_find_group (FerrySimEngine *e, const char *id)
{
  guint i;

  if (id == NULL)
    return NULL;
  for (i = 0; i < e->groups->len; i++)
    {
      Group *g = g_ptr_array_index (e->groups, i);

      if (g_str_equal (g->id, id))
        return g;
    }
  return NULL;
}

Group *
ferry_sim_engine_ensure_group (FerrySimEngine *e, const char *id, const char *name)
{
  Group *g = ferry_sim_engine_find_group (e, id);

  if (g != NULL)
    return g;
  g = g_new0 (Group, 1);
  g->id = id != NULL ? g_strdup (id) : ferry_sim_engine_new_id (e, "");
  g->name = g_strdup (name != NULL ? name : "Migration group");
  g->created = e->time;
  g->migrations = g_ptr_array_new ();
  g_ptr_array_add (e->groups, g);
  return g;
}

Migration *
ferry_sim_migration_new (FerrySimEngine *e, JsonObject *intent, const FerrySimVm *vm, MigType type,
                         Group *group, const char *username)
{
  Migration *m = g_new0 (Migration, 1);
  JsonObject *schedule
      = ferry_sim_json_object (ferry_sim_json_object (intent, "switchoverParams"), "schedule");
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, intent);
  m->id = ferry_sim_engine_new_id (e, "");
  m->group_id = g_strdup (group->id);
  m->username = g_strdup (username);
  m->vm = vm;
  m->type = type;
  m->state = ST_DRAFT;
  m->intent = node;
  m->created = m->updated = e->time;
  if (e->settle_ms > 0)
    m->visible_after_us = g_get_monotonic_time () + (gint64)e->settle_ms * 1000;
  m->win_start = ferry_sim_json_int (schedule, "startTime", 0);
  m->win_end = ferry_sim_json_int (schedule, "expiryTime", 0);
  m->total_bytes = vm->disk_bytes;
  if (type == TYPE_VMOTION)
    m->total_bytes += (guint64)vm->memory_mb * 1024 * 1024;
  m->log = g_array_new (FALSE, TRUE, sizeof (LogEntry));
  g_array_set_clear_func (m->log, log_entry_clear);
  g_ptr_array_add (e->migrations, m);
  g_hash_table_insert (e->by_id, m->id, m);
  g_ptr_array_add (group->migrations, m);
  return m;
}

void
ferry_sim_migration_start (FerrySimEngine *e, Migration *m, const char *datastore_id)
{
  guint64 *r;

  m->start_time = e->time;
  if (datastore_id != NULL)
    {
      g_free (m->datastore_id);
      m->datastore_id = g_strdup (datastore_id);
      r = g_hash_table_lookup (e->reserved, datastore_id);
      if (r == NULL)
        {
          r = g_new0 (guint64, 1);
          g_hash_table_insert (e->reserved, g_strdup (datastore_id), r);
        }
      *r += m->vm->disk_bytes;
      m->reserved = m->vm->disk_bytes;
    }
  ferry_sim_migration_set_state (m, e->time, ST_VALIDATED, "Migration validated and submitted",
                                 NULL);
  m->phase_end = e->time + VALIDATED_MS;
}

Job *
ferry_sim_job_new (FerrySimEngine *e, const char *operation)
{
  Job *j = g_new0 (Job, 1);

  j->id = ferry_sim_engine_new_id (e, "job-");
  j->operation = g_strdup (operation);
  j->time = e->time;
  j->migration_ids = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_insert (e->jobs, j->id, j);
  return j;
}

JsonNode *
ferry_sim_error_body (const char *code, const char *message)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  ferry_sim_json_add_string (b, "code", code);
  ferry_sim_json_add_string (b, "message", message);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonArray *
ferry_sim_body_items (JsonNode *body)
{
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  return ferry_sim_json_array (json_node_get_object (body), "items");
}

/* ---- state -------------------------------------------------------------------------------- */

/* name → count, written as a JSON object (the keys must outlive the table). */
static void
count_into (GHashTable *table, const char *key)
{
  g_hash_table_insert (table, (gpointer)key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static void
add_counts (JsonBuilder *b, const char *member, GHashTable *table)
{
  GHashTableIter iter;
  gpointer key, value;

  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ferry_sim_json_add_int (b, key, GPOINTER_TO_UINT (value));
  json_builder_end_object (b);
}

void
ferry_sim_engine_add_state (FerrySimEngine *e, JsonBuilder *b)
{
  g_autoptr (GHashTable) by_state = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_entity = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) drafts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 now_us = g_get_monotonic_time ();
  guint i, settling = 0;

  ferry_sim_engine_now (e);
  ferry_sim_json_add_int (b, "clock", e->time);
  ferry_sim_json_add_double (b, "speed", e->speed);
  ferry_sim_json_add_int (b, "migrations", e->migrations->len);
  ferry_sim_json_add_int (b, "groups", e->groups->len);
  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      count_into (by_state, m->state);
      count_into (m->state == ST_DRAFT ? drafts : by_entity, m->vm->id);
      if (m->visible_after_us > now_us)
        settling++;
    }
  for (i = 0; i < e->groups->len; i++)
    count_into (by_name, ((Group *)g_ptr_array_index (e->groups, i))->name);
  /* Still hidden from queries by a "settleMs" fault. */
  ferry_sim_json_add_int (b, "settlingMigrations", settling);
  /* What clients put in their query filters: how much of a filter is sent again and again. */
  ferry_sim_json_add_int (b, "queryFilterIds", (gint64)e->query_filter_ids);
  add_counts (b, "migrationsByState", by_state);
  /* Per VM: migrations other than drafts, and drafts (of groups not started). */
  add_counts (b, "migrationsByEntity", by_entity);
  add_counts (b, "draftsByEntity", drafts);
  add_counts (b, "groupsByName", by_name);
  json_builder_set_member_name (b, "services");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  ferry_sim_engine_add_services (e, FERRY_SIM_SIDE_SOURCE, b);
  json_builder_set_member_name (b, "destination");
  ferry_sim_engine_add_services (e, FERRY_SIM_SIDE_DESTINATION, b);
  json_builder_set_member_name (b, "mesh");
  ferry_sim_engine_add_services (e, FERRY_SIM_SIDE_MESH, b);
  json_builder_end_object (b);
}

guint
ferry_sim_engine_count_migrations (FerrySimEngine *e)
{
  return e->migrations->len;
}

guint64
ferry_sim_engine_reserved (FerrySimEngine *e, const char *datastore_id)
{
  guint64 *r = g_hash_table_lookup (e->reserved, datastore_id);

  return r != NULL ? *r : 0;
}

GPtrArray *
ferry_sim_engine_get_arrived (FerrySimEngine *e)
{
  ferry_sim_engine_now (e);
  return e->arrived;
}

/* How the destination shows arrived VM i: in the cluster, folder and datastore its migration
 * chose, on the networks it was mapped to. */
void
ferry_sim_engine_arrived_view (FerrySimEngine *e, guint i, FerrySimVmView *view)
{
  Migration *m = g_ptr_array_index (e->arrived_by, i);
  FerrySimWorld *w = e->world;
  JsonObject *intent = json_node_get_object (m->intent);
  JsonArray *placement = ferry_sim_json_array (intent, "placement");
  JsonArray *mappings
      = ferry_sim_json_array (ferry_sim_json_object (intent, "networkParams"), "networkMappings");
  FerrySimDatastore *ds = ferry_sim_world_find_datastore (w->dst_datastores, m->datastore_id);
  guint k, j;

  memset (view, 0, sizeof *view);
  for (j = 0; placement != NULL && j < json_array_get_length (placement); j++)
    {
      JsonNode *pn = json_array_get_element (placement, j);
      JsonObject *p = JSON_NODE_HOLDS_OBJECT (pn) ? json_node_get_object (pn) : NULL;
      FerrySimContainer *c
          = ferry_sim_world_find_container (w->dst_containers, ferry_sim_json_string (p, "id"));

      if (c != NULL && g_str_equal (c->type, "cluster"))
        view->cluster = c->name;
      else if (c != NULL && g_str_equal (c->type, "folder"))
        view->folder = c->name;
      else if (c != NULL && view->cluster == NULL
               && (g_str_equal (c->type, "resourcePool") || g_str_equal (c->type, "host")))
        {
          FerrySimContainer *parent
              = ferry_sim_world_find_container (w->dst_containers, c->parent_id);

          if (parent != NULL && g_str_equal (parent->type, "cluster"))
            view->cluster = parent->name;
        }
    }
  if (ds != NULL)
    view->datastore = ds->name;
  for (k = 0; k < m->vm->n_nics; k++)
    {
      FerrySimNetwork *src = g_ptr_array_index (w->src_networks, m->vm->nic_net[k]);
      char mac[18];

      ferry_sim_world_vm_mac (w, m->vm, k, mac);
      for (j = 0; mappings != NULL && j < json_array_get_length (mappings); j++)
        {
          JsonNode *mn = json_array_get_element (mappings, j);
          JsonObject *mo = JSON_NODE_HOLDS_OBJECT (mn) ? json_node_get_object (mn) : NULL;
          const char *mapping_mac = ferry_sim_json_string (mo, "macAddress");

          if (g_strcmp0 (ferry_sim_json_string (mo, "srcNetworkId"), src->id) != 0)
            continue;
          if (mapping_mac != NULL && *mapping_mac != '\0'
              && g_ascii_strcasecmp (mapping_mac, mac) != 0)
            continue;
          view->nics[k] = ferry_sim_world_find_network (
              w->dst_networks, ferry_sim_json_string (mo, "destNetworkId"));
          break;
        }
    }
}
