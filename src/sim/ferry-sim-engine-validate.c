/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-engine-validate.c: the validation rules of hcx-api.md §5 and §6, item by item. */

#include "ferry-sim-engine-private.h"
#include "ferry-sim-json.h"

void
ferry_sim_findings_init (Findings *f, FerrySimEngine *e)
{
  f->omit_warning_codes = e->real_omissions;
  f->errors = json_builder_new ();
  f->warnings = json_builder_new ();
  json_builder_begin_array (f->errors);
  json_builder_begin_array (f->warnings);
  f->n_errors = f->n_warnings = 0;
}

void
ferry_sim_findings_clear (Findings *f)
{
  g_clear_object (&f->errors);
  g_clear_object (&f->warnings);
}

G_GNUC_PRINTF (3, 4)
void
ferry_sim_findings_error (Findings *f, const char *code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  json_builder_begin_object (f->errors);
  ferry_sim_json_add_string (f->errors, "code", code);
  ferry_sim_json_add_string (f->errors, "message", message);
  json_builder_end_object (f->errors);
  f->n_errors++;
}

G_GNUC_PRINTF (3, 4)
void
ferry_sim_findings_warning (Findings *f, const char *code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  json_builder_begin_object (f->warnings);
  if (!f->omit_warning_codes)
    ferry_sim_json_add_string (f->warnings, "code", code);
  ferry_sim_json_add_string (f->warnings, "message", message);
  json_builder_end_object (f->warnings);
  f->n_warnings++;
}

void
ferry_sim_findings_add_to (Findings *f, JsonBuilder *b)
{
  json_builder_end_array (f->errors);
  json_builder_end_array (f->warnings);
  json_builder_set_member_name (b, "errors");
  json_builder_add_value (b, json_builder_get_root (f->errors));
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, json_builder_get_root (f->warnings));
}

/* Only the canonical migrationType values (hcx-api.md §6); "Bulk", "Cold" and other spellings
 * are refused, as a real manager's enum binding would. */
int
ferry_sim_parse_type (const char *migration_type)
{
  guint i;

  for (i = 0; i < N_TYPES; i++)
    if (g_strcmp0 (ferry_sim_mig_types[i].migration_type, migration_type) == 0)
      return (int)i;
  return -1;
}

static guint64
reserved_on (FerrySimEngine *e, GHashTable *pending, const char *ds_id)
{
  guint64 *r = g_hash_table_lookup (e->reserved, ds_id);
  guint64 *p = g_hash_table_lookup (pending, ds_id);

  return (r != NULL ? *r : 0) + (p != NULL ? *p : 0);
}

static void
add_pending (GHashTable *pending, const char *ds_id, guint64 bytes)
{
  guint64 *p = g_hash_table_lookup (pending, ds_id);

  if (p == NULL)
    {
      p = g_new0 (guint64, 1);
      g_hash_table_insert (pending, g_strdup (ds_id), p);
    }
  *p += bytes;
}

static gboolean
entity_busy (FerrySimEngine *e, const char *entity_id, const Migration *except)
{
  guint i;

  for (i = 0; i < e->migrations->len; i++)
    {
      Migration *m = g_ptr_array_index (e->migrations, i);

      if (m != except && !ferry_sim_state_is_terminal (m->state) && m->state != ST_DRAFT
          && g_str_equal (m->vm->id, entity_id))
        return TRUE;
    }
  return FALSE;
}

static void
check_services (FerrySimEngine *e, MigType type, Findings *f)
{
  int bit = ferry_sim_service_bit (ferry_sim_mig_types[type].service);
  const char *svc = ferry_sim_mig_types[type].service;
  const char *ui = ferry_sim_mig_types[type].ui_name;

  if (!(e->services[FERRY_SIM_SIDE_SOURCE] & (1u << bit)))
    ferry_sim_findings_error (
        f, "SERVICE_NOT_ENABLED",
        "%s is not available: the service %s is not enabled in the source compute "
        "profile '%s'. Enable it in the compute profile and resync the service mesh '%s'.",
        ui, svc, e->world->source.cp_name, e->world->mesh_name);
  if (!(e->services[FERRY_SIM_SIDE_DESTINATION] & (1u << bit)))
    ferry_sim_findings_error (
        f, "SERVICE_NOT_ENABLED",
        "%s is not available: the service %s is not enabled in the destination compute "
        "profile '%s' at %s.",
        ui, svc, e->world->destination.cp_name, e->world->destination.name);
  if (!(e->services[FERRY_SIM_SIDE_MESH] & (1u << bit)))
    ferry_sim_findings_error (
        f, "SERVICE_NOT_ENABLED",
        "%s is not available: the service %s is not enabled in the service mesh '%s'.", ui, svc,
        e->world->mesh_name);
}

static void
check_endpoint (FerrySimEngine *e, JsonObject *intent, const char *member, FerrySimSite *site,
                Findings *f)
{
  JsonObject *o = ferry_sim_json_object (intent, member);
  const char *endpoint_id = ferry_sim_json_string (o, "endpointId");
  const char *resource_id = ferry_sim_json_string (o, "resourceId");

  if (endpoint_id == NULL)
    ferry_sim_findings_error (f, "INVALID_REQUEST", "The %s endpoint is missing (%s.endpointId).",
                              member, member);
  else if (!g_str_equal (endpoint_id, site->endpoint_id))
    ferry_sim_findings_error (
        f, "ENDPOINT_NOT_FOUND",
        "The %s endpoint %s is not known to this HCX Manager; expected %s (%s).", member,
        endpoint_id, site->endpoint_id, site->name);
  if (resource_id != NULL && !g_str_equal (resource_id, site->vc_uuid))
    ferry_sim_findings_error (f, "RESOURCE_NOT_FOUND",
                              "The %s vCenter %s is not known; expected %s (%s).", member,
                              resource_id, site->vc_uuid, site->vc_name);
}

/* Placement types (hcx-api.md §6, exact case) and the container kinds they name. */
static const struct
{
  const char *type;
  const char *kind; /* FerrySimContainer.type */
  gboolean compute;
} placement_types[] = {
  { "dataCenter", "datacenter", FALSE },
  { "cluster", "cluster", TRUE },
  { "resourcePool", "resourcePool", TRUE },
  { "folder", "folder", FALSE },
  { "host", "host", TRUE },
  { "vApp", "vApp", TRUE },
};

/* Is container c inside the container with this id (its parent chain reaches it)? */
static gboolean
container_within (GPtrArray *containers, FerrySimContainer *c, const char *ancestor_id)
{
  guint depth;

  for (depth = 0; c != NULL && depth < 32; depth++)
    {
      if (g_strcmp0 (c->parent_id, ancestor_id) == 0)
        return TRUE;
      c = ferry_sim_world_find_container (containers, c->parent_id);
    }
  return FALSE;
}

static void
check_placement (FerrySimEngine *e, JsonArray *placement, const char *vm_name, Findings *f)
{
  FerrySimWorld *w = e->world;
  FerrySimContainer *cluster = NULL;
  gboolean has_compute = FALSE;
  guint n = placement != NULL ? json_array_get_length (placement) : 0;
  guint i, k;

  if (n == 0)
    {
      ferry_sim_findings_error (f, "PLACEMENT_MISSING",
                                "No target placement for %s: choose a cluster or resource pool.",
                                vm_name);
      return;
    }
  /* The chosen cluster first: resource pools and hosts must be in it. */
  for (i = 0; i < n; i++)
    {
      JsonNode *pn = json_array_get_element (placement, i);
      JsonObject *p = JSON_NODE_HOLDS_OBJECT (pn) ? json_node_get_object (pn) : NULL;

      if (g_strcmp0 (ferry_sim_json_string (p, "type"), "cluster") == 0 && cluster == NULL)
        cluster
            = ferry_sim_world_find_container (w->dst_containers, ferry_sim_json_string (p, "id"));
    }
  for (i = 0; i < n; i++)
    {
      JsonNode *pn = json_array_get_element (placement, i);
      JsonObject *p = JSON_NODE_HOLDS_OBJECT (pn) ? json_node_get_object (pn) : NULL;
      const char *ptype = ferry_sim_json_string (p, "type");
      const char *pid = ferry_sim_json_string (p, "id");
      FerrySimContainer *c = ferry_sim_world_find_container (w->dst_containers, pid);
      int known = -1;

      for (k = 0; k < G_N_ELEMENTS (placement_types); k++)
        if (g_strcmp0 (ptype, placement_types[k].type) == 0)
          known = (int)k;
      if (known < 0)
        {
          ferry_sim_findings_error (
              f, "INVALID_PLACEMENT_TYPE",
              "Placement %u of %s has the type '%s'; use dataCenter, cluster, resourcePool, "
              "folder, host or vApp (exact case).",
              i + 1, vm_name, ptype != NULL ? ptype : "(missing)");
          continue;
        }
      if (placement_types[known].compute)
        has_compute = TRUE;
      if (c == NULL)
        {
          ferry_sim_findings_error (f, "PLACEMENT_NOT_FOUND",
                                    "The target %s '%s' does not exist at %s.", ptype,
                                    pid != NULL ? pid : "(missing id)", w->destination.name);
          continue;
        }
      if (!g_str_equal (c->type, placement_types[known].kind))
        {
          ferry_sim_findings_error (f, "PLACEMENT_TYPE_MISMATCH",
                                    "Placement %u of %s names %s '%s' (%s) as a %s, but it is a "
                                    "%s.",
                                    i + 1, vm_name, c->type, c->name, c->id, ptype, c->type);
          continue;
        }
      if ((g_str_equal (ptype, "resourcePool") || g_str_equal (ptype, "host")) && cluster != NULL
          && !container_within (w->dst_containers, c, cluster->id))
        ferry_sim_findings_error (f, "PLACEMENT_NOT_IN_CLUSTER",
                                  "The %s '%s' (%s) for %s is not in the chosen cluster '%s' "
                                  "(%s).",
                                  ptype, c->name, c->id, vm_name, cluster->name, cluster->id);
    }
  if (!has_compute)
    ferry_sim_findings_error (f, "PLACEMENT_MISSING",
                              "No target compute container for %s: add a cluster or resource pool.",
                              vm_name);
}

/* Validates one intent; on success fills out_vm, out_type and out_ds. */
void
ferry_sim_engine_validate_intent (FerrySimEngine *e, JsonObject *intent, GHashTable *pending,
                                  GHashTable *seen, gboolean check_busy, Findings *f,
                                  const FerrySimVm **out_vm, int *out_type, const char **out_ds)
{
  FerrySimWorld *w = e->world;
  JsonObject *entity = ferry_sim_json_object (intent, "entity");
  JsonObject *transfer = ferry_sim_json_object (intent, "transferParams");
  JsonObject *switchover = ferry_sim_json_object (intent, "switchoverParams");
  JsonObject *schedule = ferry_sim_json_object (switchover, "schedule");
  JsonObject *options = ferry_sim_json_object (switchover, "options");
  JsonObject *storage
      = ferry_sim_json_object (ferry_sim_json_object (intent, "storage"), "defaultStorage");
  JsonArray *placement = ferry_sim_json_array (intent, "placement");
  const char *transfer_type = ferry_sim_json_string (transfer, "transferType");
  const char *switchover_type = ferry_sim_json_string (switchover, "switchoverType");
  JsonArray *mappings
      = ferry_sim_json_array (ferry_sim_json_object (intent, "networkParams"), "networkMappings");
  const char *migration_type = ferry_sim_json_string (intent, "migrationType");
  const char *entity_id = ferry_sim_json_string (entity, "entityId");
  const FerrySimVm *vm;
  int type;
  const char *vm_name;
  gint64 win_start, win_end;
  guint i, k;

  *out_vm = NULL;
  *out_type = -1;
  *out_ds = NULL;

  type = ferry_sim_parse_type (migration_type);
  if (type < 0)
    ferry_sim_findings_error (
        f, "UNSUPPORTED_MIGRATION_TYPE",
        "Unknown migration type '%s'. Use vSphereReplication, vMotion, ColdMigration, "
        "RAV or OsAssistedMigration.",
        migration_type != NULL ? migration_type : "(missing)");

  vm = ferry_sim_world_find_vm (w, entity_id);
  if (vm == NULL)
    {
      ferry_sim_findings_error (f, "ENTITY_NOT_FOUND",
                                "The virtual machine %s was not found in the source inventory.",
                                entity_id != NULL ? entity_id : "(missing entity.entityId)");
      return;
    }
  vm_name = vm->name;
  if (vm->migrated)
    {
      ferry_sim_findings_error (f, "ENTITY_NOT_FOUND",
                                "%s (%s) has been migrated to %s and is no longer in the source "
                                "inventory.",
                                vm_name, vm->id, w->destination.name);
      return;
    }
  if (g_hash_table_contains (seen, vm->id))
    ferry_sim_findings_error (f, "DUPLICATE_ENTITY", "%s is listed more than once in this request.",
                              vm_name);
  g_hash_table_add (seen, (gpointer)vm->id);
  if (check_busy && entity_busy (e, vm->id, NULL))
    ferry_sim_findings_error (
        f, "MIGRATION_IN_PROGRESS",
        "%s already has a migration in progress. Wait for it to finish or cancel it.", vm_name);

  check_endpoint (e, intent, "source", &w->source, f);
  check_endpoint (e, intent, "destination", &w->destination, f);

  if (type < 0)
    return;

  check_services (e, type, f);

  /* transferType and switchoverType must be the ones the type uses. */
  if (g_strcmp0 (transfer_type, ferry_sim_mig_types[type].transfer_type) != 0)
    ferry_sim_findings_error (
        f, "INVALID_TRANSFER_TYPE",
        "transferParams.transferType is '%s', but %s (%s) uses the transfer type %s.",
        transfer_type != NULL ? transfer_type : "(missing)", ferry_sim_mig_types[type].ui_name,
        ferry_sim_mig_types[type].migration_type, ferry_sim_mig_types[type].transfer_type);
  if (g_strcmp0 (switchover_type, ferry_sim_mig_types[type].migration_type) != 0)
    ferry_sim_findings_error (
        f, "INVALID_SWITCHOVER_TYPE",
        "switchoverParams.switchoverType is '%s', but %s uses the switchover type %s.",
        switchover_type != NULL ? switchover_type : "(missing)", ferry_sim_mig_types[type].ui_name,
        ferry_sim_mig_types[type].migration_type);

  /* Power state. */
  if (vm->suspended)
    ferry_sim_findings_error (
        f, "VM_POWER_STATE", "%s is suspended. %s needs a powered-%s VM; resume it and %s.",
        vm_name, ferry_sim_mig_types[type].ui_name,
        ferry_sim_mig_types[type].needs_power_on ? "on" : "off",
        ferry_sim_mig_types[type].needs_power_on ? "keep it running" : "power it off");
  else if (ferry_sim_mig_types[type].needs_power_on && !vm->powered_on)
    ferry_sim_findings_error (
        f, "VM_POWER_STATE",
        "%s is powered off. %s needs a powered-on VM; use Cold Migration for powered-off "
        "VMs.",
        vm_name, ferry_sim_mig_types[type].ui_name);
  else if (!ferry_sim_mig_types[type].needs_power_on && vm->powered_on)
    ferry_sim_findings_error (
        f, "VM_POWER_STATE",
        "%s is powered on. Cold Migration needs a powered-off VM; power it off or choose "
        "Bulk Migration or HCX vMotion.",
        vm_name);

  /* Hardware version. */
  if ((type == TYPE_VMOTION || type == TYPE_RAV || type == TYPE_COLD) && vm->hw_version < 9)
    ferry_sim_findings_error (
        f, "VM_HARDWARE_VERSION",
        "%s has virtual hardware version vmx-%02u. %s needs hardware version 9 or later; "
        "upgrade the VM's compatibility or use Bulk Migration.",
        vm_name, vm->hw_version, ferry_sim_mig_types[type].ui_name);

  /* Mounted ISO. */
  if ((type == TYPE_VMOTION || type == TYPE_COLD) && vm->iso_mounted
      && !ferry_sim_json_bool (options, "removeISOs", FALSE))
    ferry_sim_findings_error (
        f, "VM_ISO_MOUNTED",
        "%s has an ISO image mounted. %s cannot proceed with a mounted ISO; enable "
        "\"Remove ISOs\" or unmount it.",
        vm_name, ferry_sim_mig_types[type].ui_name);

  /* Snapshots. */
  if (vm->snapshot_count > 0)
    {
      gboolean remove = ferry_sim_json_bool (options, "removeSnapshots", FALSE);

      if ((type == TYPE_VMOTION || type == TYPE_RAV || type == TYPE_COLD) && !remove)
        ferry_sim_findings_error (
            f, "VM_HAS_SNAPSHOTS",
            "%s has %u snapshot(s). %s cannot migrate a VM with snapshots; enable "
            "\"Remove snapshots\" or consolidate them first.",
            vm_name, vm->snapshot_count, ferry_sim_mig_types[type].ui_name);
      else if (type == TYPE_BULK || type == TYPE_OSAM)
        ferry_sim_findings_warning (
            f, "VM_HAS_SNAPSHOTS",
            "%s has %u snapshot(s); they will be removed at the target during "
            "switchover.",
            vm_name, vm->snapshot_count);
    }

  /* Switchover window. */
  win_start = ferry_sim_json_int (schedule, "startTime", 0);
  win_end = ferry_sim_json_int (schedule, "expiryTime", 0);
  if (!ferry_sim_mig_types[type].allows_window && (win_start > 0 || win_end > 0))
    ferry_sim_findings_error (
        f, "SCHEDULE_NOT_SUPPORTED",
        "%s does not support a scheduled switchover window; remove the schedule or use "
        "Bulk Migration or RAV.",
        ferry_sim_mig_types[type].ui_name);
  else if (ferry_sim_mig_types[type].allows_window)
    {
      gint64 now = e->time;

      if (win_end > 0 && win_start > 0 && win_end <= win_start)
        ferry_sim_findings_error (f, "INVALID_SCHEDULE",
                                  "The switchover window for %s ends before it starts.", vm_name);
      else if (win_end > 0 && win_end <= now)
        ferry_sim_findings_error (
            f, "INVALID_SCHEDULE",
            "The switchover window for %s has already ended; choose a window in the "
            "future.",
            vm_name);
      else if (win_start > 0 && win_end > 0 && win_end - win_start < HOUR_MS)
        ferry_sim_findings_warning (
            f, "SHORT_SWITCHOVER_WINDOW",
            "The switchover window for %s is shorter than one hour (%" G_GINT64_FORMAT
            " minutes); the migration fails if the transfer is not done by its end.",
            vm_name, (win_end - win_start) / 60000);
    }

  /* Seed checkpoint. */
  if (ferry_sim_json_bool (transfer, "longRecovery", FALSE))
    {
      if (type != TYPE_BULK && type != TYPE_RAV)
        ferry_sim_findings_error (f, "SEED_CHECKPOINT_NOT_SUPPORTED",
                                  "Seed checkpoint is only available for Bulk Migration and RAV.");
    }

  /* MAC address on Bulk. */
  if (type == TYPE_BULK && !ferry_sim_json_bool (options, "retainMac", FALSE))
    ferry_sim_findings_warning (
        f, "MAC_WILL_CHANGE",
        "%s will get new MAC addresses at the target because \"Retain MAC\" is off.", vm_name);

  /* VMware Tools. */
  if (vm->powered_on && vm->tools != FERRY_SIM_TOOLS_OK && vm->tools != FERRY_SIM_TOOLS_OLD)
    ferry_sim_findings_warning (
        f, "VM_TOOLS_NOT_RUNNING",
        "VMware Tools is not running in %s; guest shutdown and customisation will not "
        "be possible.",
        vm_name);

  check_placement (e, placement, vm_name, f);

  /* Storage. */
  {
    const char *ds_id = ferry_sim_json_string (storage, "id");
    const char *provision = ferry_sim_json_string (storage, "diskProvisionType");
    FerrySimDatastore *ds = ferry_sim_world_find_datastore (w->dst_datastores, ds_id);

    if (provision != NULL && !g_str_equal (provision, "thin") && !g_str_equal (provision, "thick")
        && !g_str_equal (provision, "sameAsSource"))
      ferry_sim_findings_error (f, "INVALID_DISK_PROVISION_TYPE",
                                "Unknown disk provisioning '%s'; use thin, thick or sameAsSource.",
                                provision);
    if (ds_id == NULL)
      ferry_sim_findings_error (f, "STORAGE_MISSING", "No target datastore for %s.", vm_name);
    else if (ds == NULL)
      ferry_sim_findings_error (f, "DATASTORE_NOT_FOUND",
                                "The target datastore '%s' does not exist at %s.", ds_id,
                                w->destination.name);
    else
      {
        guint64 used = reserved_on (e, pending, ds->id);
        guint64 avail = ds->free > used ? ds->free - used : 0;

        if (vm->disk_bytes > avail)
          ferry_sim_findings_error (
              f, "INSUFFICIENT_STORAGE",
              "The datastore %s has %.1f GB free, but %s needs %.1f GB. Choose another "
              "datastore.",
              ds->name, avail / 1073741824.0, vm_name, vm->disk_bytes / 1073741824.0);
        else
          add_pending (pending, ds->id, vm->disk_bytes);
        if (ds->is_cluster && ferry_sim_json_bool (transfer, "longRecovery", FALSE))
          ferry_sim_findings_error (
              f, "SEED_CHECKPOINT_NOT_SUPPORTED",
              "Seed checkpoint needs a single datastore, not the datastore cluster %s.", ds->name);
        *out_ds = ds->id;
      }
  }

  /* Networks: every connected NIC needs a mapping to an existing target network. */
  for (k = 0; k < vm->n_nics; k++)
    {
      FerrySimNetwork *src = g_ptr_array_index (w->src_networks, vm->nic_net[k]);
      gboolean found = FALSE;
      char mac[18];

      if (vm->nic_disconnected & (1u << k))
        continue;
      ferry_sim_world_vm_mac (w, vm, k, mac);
      for (i = 0; mappings != NULL && i < json_array_get_length (mappings) && !found; i++)
        {
          JsonNode *mn = json_array_get_element (mappings, i);
          JsonObject *mo = JSON_NODE_HOLDS_OBJECT (mn) ? json_node_get_object (mn) : NULL;
          const char *src_id = ferry_sim_json_string (mo, "srcNetworkId");
          const char *mapping_mac = ferry_sim_json_string (mo, "macAddress");
          const char *dst_id = ferry_sim_json_string (mo, "destNetworkId");

          if (g_strcmp0 (src_id, src->id) != 0)
            continue;
          if (mapping_mac != NULL && *mapping_mac != '\0'
              && g_ascii_strcasecmp (mapping_mac, mac) != 0)
            continue;
          found = TRUE;
          if (ferry_sim_world_find_network (w->dst_networks, dst_id) == NULL)
            ferry_sim_findings_error (
                f, "NETWORK_NOT_FOUND",
                "Network adapter %u of %s is mapped to '%s', which does not exist at %s.", k + 1,
                vm_name, dst_id != NULL ? dst_id : "(missing destNetworkId)", w->destination.name);
        }
      if (!found)
        ferry_sim_findings_error (
            f, "NETWORK_MAPPING_MISSING",
            "Network adapter %u of %s (%s, on %s) has no target network. Map %s to a "
            "target network.",
            k + 1, vm_name, mac, src->name, src->name);
    }

  *out_vm = vm;
  *out_type = type;
}
