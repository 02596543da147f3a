/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-network-map.c: the plan's network mapping in core: sources following the selection,
 * a rule applied to every NIC, per-NIC exceptions, the unmapped-NIC blocker, problems,
 * undo/redo, auto-map suggestions (on the simulator's generated names and on tricky ones) and
 * the networkMappings the intents carry. */
#include "config.h"

#include "ferry-plan-start.h"
#include "ferry-plan.h"

typedef struct
{
  const char *net_id;
  const char *net_name;
  const char *mac;
  gboolean connected;
} NicSpec;

static FerryVm *
make_vm (const char *id, const char *name, const NicSpec *nics, guint n_nics)
{
  FerryVm *vm = ferry_vm_new ();

  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, name);
  ferry_vm_set_power_state (vm, FERRY_POWER_STATE_ON);
  ferry_vm_set_hardware_version (vm, "vmx-19");
  for (guint i = 0; i < n_nics; i++)
    {
      g_autoptr (FerryNic) nic = ferry_nic_new ();
      g_autofree char *label = g_strdup_printf ("Network adapter %u", i + 1);

      ferry_nic_set_label (nic, label);
      ferry_nic_set_mac_address (nic, nics[i].mac);
      ferry_nic_set_network_id (nic, nics[i].net_id);
      ferry_nic_set_network_name (nic, nics[i].net_name);
      ferry_nic_set_network_type (nic, "DistributedVirtualPortgroup");
      ferry_nic_set_connected (nic, nics[i].connected);
      ferry_vm_add_nic (vm, nic);
    }
  return vm;
}

static FerryNetwork *
make_net (const char *id, const char *name, const char *type, gboolean extended, guint vlan)
{
  FerryNetwork *n = ferry_network_new ();

  ferry_network_set_id (n, id);
  ferry_network_set_name (n, name);
  ferry_network_set_entity_type (n, type);
  ferry_network_set_network_type (n, type);
  ferry_network_set_extended (n, extended);
  ferry_network_set_vlan_id (n, vlan);
  return n;
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

static void
changed_cb (FerryPlan *plan, guint *count)
{
  (*count)++;
}

static FerryNetworkSource *
source (FerryPlan *plan, const char *id)
{
  FerryNetworkSource *s = ferry_network_map_lookup_source (ferry_plan_get_network_map (plan), id);

  g_assert_nonnull (s);
  return s;
}

/* Three VMs: web-01 (Web + Backup), web-02 (Web), db-01 (DB, Backup disconnected). */
static FerryPlan *
three_vm_plan (FerryVm **vms)
{
  static const NicSpec web1[]
      = { { "dvportgroup-45", "VLAN100-Web", "00:50:56:00:00:01", TRUE },
          { "dvportgroup-57", "VLAN140-Backup", "00:50:56:00:00:02", TRUE } };
  static const NicSpec web2[] = { { "dvportgroup-45", "VLAN100-Web", "00:50:56:00:00:03", TRUE } };
  static const NicSpec db1[]
      = { { "dvportgroup-51", "VLAN120-DB", "00:50:56:00:00:04", TRUE },
          { "dvportgroup-57", "VLAN140-Backup", "00:50:56:00:00:05", FALSE } };
  FerryPlan *plan = ferry_plan_new ();

  vms[0] = make_vm ("vm-1", "web-01", web1, G_N_ELEMENTS (web1));
  vms[1] = make_vm ("vm-2", "web-02", web2, G_N_ELEMENTS (web2));
  vms[2] = make_vm ("vm-3", "db-01", db1, G_N_ELEMENTS (db1));
  ferry_plan_add_vms (plan, vms, 3);
  return plan;
}

static void
free_vms (FerryVm **vms, guint n)
{
  for (guint i = 0; i < n; i++)
    g_object_unref (vms[i]);
}

/* ---- Names ---- */

static void
test_names (void)
{
  static const struct
  {
    const char *name;
    guint vlan;
  } cases[] = {
    { "VLAN100-Web", 100 },
    { "seg-vlan100-web", 100 },
    { "vlan-100-web", 100 },
    { "Vlan_100", 100 },
    { "VID200 legacy", 200 },
    { "L2E_VLAN100-Web-100-1a2b3c4d", 100 },
    { "web-100", 100 },
    { "web-segment", 0 },     /* no VLAN */
    { "VM Network", 0 },      /* no number */
    { "web-2019", 0 },        /* a year, not a VLAN */
    { "db01", 0 },            /* an index glued to a word */
    { "db-01", 0 },           /* zero-padded: an index */
    { "app-10-20", 0 },       /* two numbers: ambiguous */
    { "VLAN100-VLAN200", 0 }, /* two tags that disagree */
    { "VLAN100-Web-2", 100 }, /* the tag wins over a lone number */
    { "vlan5000", 0 },        /* out of range */
    { "net-4095", 0 },
    { "", 0 },
    { NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name != NULL ? cases[i].name : "(null)");
      g_assert_cmpuint (ferry_network_name_vlan (cases[i].name), ==, cases[i].vlan);
    }

  {
    g_autofree char *a = ferry_network_name_key ("VLAN100-Web");
    g_autofree char *b = ferry_network_name_key ("vlan_100 web");
    g_autofree char *c = ferry_network_name_key ("Vlan100.WEB");

    g_assert_cmpstr (a, ==, "vlan100web");
    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (a, ==, c);
  }
}

/* ---- Sources ---- */

static void
test_sources_follow_selection (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  GListModel *sources = ferry_network_map_get_sources (map);
  FerryNetworkSource *web, *backup;
  guint nics_notified = 0, list_changes = 0;

  g_assert_true (ferry_plan_get_network_map (plan) == map);
  g_assert_true (g_list_model_get_item_type (sources) == FERRY_TYPE_NETWORK_SOURCE);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);

  /* Sorted by name. */
  {
    g_autoptr (FerryNetworkSource) a = g_list_model_get_item (sources, 0);
    g_autoptr (FerryNetworkSource) b = g_list_model_get_item (sources, 1);
    g_autoptr (FerryNetworkSource) c = g_list_model_get_item (sources, 2);

    g_assert_cmpstr (ferry_network_source_get_name (a), ==, "VLAN100-Web");
    g_assert_cmpstr (ferry_network_source_get_name (b), ==, "VLAN120-DB");
    g_assert_cmpstr (ferry_network_source_get_name (c), ==, "VLAN140-Backup");
  }

  web = source (plan, "dvportgroup-45");
  backup = source (plan, "dvportgroup-57");
  g_assert_cmpstr (ferry_network_source_get_network_type (web), ==, "DistributedVirtualPortgroup");
  g_assert_cmpuint (ferry_network_source_get_vlan (web), ==, 100);
  g_assert_cmpuint (ferry_network_source_get_n_nics (web), ==, 2);
  g_assert_cmpuint (ferry_network_source_get_n_vms (web), ==, 2);
  g_assert_cmpuint (ferry_network_source_get_n_connected (web), ==, 2);
  g_assert_cmpuint (ferry_network_source_get_n_unmapped (web), ==, 2);
  g_assert_cmpuint (ferry_network_source_get_n_nics (backup), ==, 2);
  g_assert_cmpuint (ferry_network_source_get_n_connected (backup), ==, 1);
  g_assert_null (ferry_network_source_get_target (web));
  /* 2 on Web, 1 on DB, 1 connected on Backup. */
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 4);

  /* Removing a VM updates the same source objects in place, notified once per change. */
  g_signal_connect (web, "notify::n-nics", G_CALLBACK (count_cb), &nics_notified);
  g_signal_connect (sources, "items-changed", G_CALLBACK (items_changed_cb), &list_changes);
  ferry_plan_remove_vm (plan, vms[1]);
  g_assert_true (source (plan, "dvportgroup-45") == web);
  g_assert_cmpuint (ferry_network_source_get_n_nics (web), ==, 1);
  g_assert_cmpuint (ferry_network_source_get_n_vms (web), ==, 1);
  g_assert_cmpuint (nics_notified, ==, 1);
  g_assert_cmpuint (list_changes, ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 3);

  /* The last NIC on DB leaves: so does the source. */
  ferry_plan_remove_vm (plan, vms[2]);
  g_assert_null (ferry_network_map_lookup_source (map, "dvportgroup-51"));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_cmpuint (list_changes, ==, 1);
  g_assert_cmpuint (ferry_network_source_get_n_connected (backup), ==, 1);

  /* Back again, and cleared. */
  ferry_plan_add_vms (plan, vms + 1, 2);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
  g_assert_cmpuint (ferry_network_source_get_n_nics (web), ==, 2);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 4);
  ferry_plan_clear (plan);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);

  free_vms (vms, 3);
}

/* The inventory's VLAN wins over the name's. */
static void
test_source_vlan_from_inventory (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (GListStore) nets = g_list_store_new (FERRY_TYPE_NETWORK);
  g_autoptr (FerryNetwork) web
      = make_net ("dvportgroup-45", "VLAN100-Web", "DistributedVirtualPortgroup", FALSE, 1100);

  g_list_store_append (nets, web);
  ferry_network_map_set_source_networks (map, G_LIST_MODEL (nets));
  g_assert_cmpuint (ferry_network_source_get_vlan (source (plan, "dvportgroup-45")), ==, 1100);
  g_assert_cmpuint (ferry_network_source_get_vlan (source (plan, "dvportgroup-51")), ==, 120);
  /* A source made after the inventory's networks are known takes their VLAN too. */
  ferry_plan_remove_vm (plan, vms[0]);
  ferry_plan_remove_vm (plan, vms[1]);
  g_assert_null (ferry_network_map_lookup_source (map, "dvportgroup-45"));
  ferry_plan_add_vm (plan, vms[1]);
  g_assert_cmpuint (ferry_network_source_get_vlan (source (plan, "dvportgroup-45")), ==, 1100);
  ferry_network_map_set_source_networks (map, NULL);
  g_assert_cmpuint (ferry_network_source_get_vlan (source (plan, "dvportgroup-45")), ==, 100);
  free_vms (vms, 3);
}

/* ---- Rules, exceptions, the blocker ---- */

static void
test_rule_and_exceptions (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (FerryNetwork) seg_web
      = make_net ("/infra/segments/web", "web-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (FerryNetwork) seg_dmz
      = make_net ("/infra/segments/dmz", "dmz-segment", "NsxtSegment", FALSE, 0);
  FerryNetworkSource *web = source (plan, "dvportgroup-45");
  FerryPlanItem *item1 = ferry_plan_lookup (plan, "vm-1");
  FerryPlanItem *item2 = ferry_plan_lookup (plan, "vm-2");
  FerryNic *nic1 = ferry_vm_get_nic (vms[0], 0);
  FerryNic *nic2 = ferry_vm_get_nic (vms[1], 0);
  guint changed = 0, unmapped_notified = 0, target_notified = 0;
  g_autoptr (GListModel) refs = NULL;
  g_autoptr (FerryNetworkNicRef) ref2 = NULL;

  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);
  g_signal_connect (map, "notify::n-unmapped", G_CALLBACK (count_cb), &unmapped_notified);
  g_signal_connect (web, "notify::target", G_CALLBACK (count_cb), &target_notified);

  /* One rule maps every NIC on the network. */
  ferry_network_map_map (map, &web, 1, seg_web);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (target_notified, ==, 1);
  g_assert_cmpuint (unmapped_notified, ==, 1);
  g_assert_true (ferry_network_source_get_target (web) == seg_web);
  g_assert_cmpuint (ferry_network_source_get_n_unmapped (web), ==, 0);
  g_assert_true (ferry_network_map_resolve (map, item1, nic1) == seg_web);
  g_assert_true (ferry_network_map_resolve (map, item2, nic2) == seg_web);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 2);

  /* The same again changes nothing. */
  ferry_network_map_map (map, &web, 1, seg_web);
  g_assert_cmpuint (changed, ==, 1);

  /* The source's NICs, for expanding it. */
  refs = ferry_network_map_list_nics (map, web);
  g_assert_cmpuint (g_list_model_get_n_items (refs), ==, 2);
  ref2 = g_list_model_get_item (refs, 1);
  g_assert_true (ferry_network_nic_ref_get_item (ref2) == item2);
  g_assert_true (ferry_network_nic_ref_get_nic (ref2) == nic2);
  g_assert_true (ferry_network_nic_ref_get_primary (ref2));
  g_assert_true (ferry_network_nic_ref_get_target (ref2) == seg_web);
  g_assert_false (ferry_network_nic_ref_get_exception (ref2));

  /* An exception on one NIC: the other keeps the rule. */
  ferry_network_map_set_exception (map, item2, nic2, seg_dmz);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (ferry_network_map_has_exception (map, item2, nic2));
  g_assert_false (ferry_network_map_has_exception (map, item1, nic1));
  g_assert_true (ferry_network_map_resolve (map, item2, nic2) == seg_dmz);
  g_assert_true (ferry_network_map_resolve (map, item1, nic1) == seg_web);
  g_assert_cmpuint (ferry_network_source_get_n_exceptions (web), ==, 1);
  g_assert_true (ferry_network_nic_ref_get_exception (ref2));
  g_assert_true (ferry_network_nic_ref_get_target (ref2) == seg_dmz);

  /* Unmapping the rule leaves the exception's NIC mapped. */
  ferry_network_map_unmap (map, &web, 1);
  g_assert_null (ferry_network_source_get_target (web));
  g_assert_cmpuint (ferry_network_source_get_n_unmapped (web), ==, 1);
  g_assert_null (ferry_network_map_resolve (map, item1, nic1));
  g_assert_true (ferry_network_map_resolve (map, item2, nic2) == seg_dmz);

  /* Reset to the rule. */
  ferry_network_map_set_exception (map, item2, nic2, NULL);
  g_assert_false (ferry_network_map_has_exception (map, item2, nic2));
  g_assert_false (ferry_network_nic_ref_get_exception (ref2));
  g_assert_null (ferry_network_nic_ref_get_target (ref2));
  g_assert_cmpuint (ferry_network_source_get_n_exceptions (web), ==, 0);
  g_assert_cmpuint (ferry_network_source_get_n_unmapped (web), ==, 2);

  /* An exception outlives its VM leaving the selection, and a rule its source's. */
  ferry_network_map_set_exception (map, item2, nic2, seg_dmz);
  ferry_network_map_map (map, &web, 1, seg_web);
  g_object_ref (item2);
  ferry_plan_remove_vm (plan, vms[1]);
  g_assert_true (ferry_network_map_resolve (map, item2, nic2) == seg_dmz);
  g_assert_cmpuint (ferry_network_source_get_n_exceptions (web), ==, 0);
  g_object_unref (item2);
  ferry_plan_remove_vm (plan, vms[0]);
  g_assert_null (ferry_network_map_lookup_source (map, "dvportgroup-45"));
  ferry_plan_add_vms (plan, vms, 2);
  web = source (plan, "dvportgroup-45");
  g_assert_true (ferry_network_source_get_target (web) == seg_web);
  item2 = ferry_plan_lookup (plan, "vm-2");
  g_assert_true (ferry_network_map_has_exception (map, item2, nic2));
  g_assert_true (ferry_network_map_resolve (map, item2, nic2) == seg_dmz);
  g_assert_cmpuint (ferry_network_source_get_n_exceptions (web), ==, 1);

  free_vms (vms, 3);
}

/* Several sources dropped together: one step, one "changed". */
static void
test_map_several (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (FerryNetwork) seg
      = make_net ("/infra/segments/x", "x-segment", "NsxtSegment", FALSE, 0);
  FerryNetworkSource *all[3];
  guint changed = 0;

  for (guint i = 0; i < 3; i++)
    all[i] = g_list_model_get_item (ferry_network_map_get_sources (map), i);
  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);
  ferry_network_map_map (map, all, 3, seg);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
  g_assert_true (ferry_network_map_undo (map));
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 4);
  g_assert_false (ferry_network_map_get_can_undo (map));
  for (guint i = 0; i < 3; i++)
    g_object_unref (all[i]);
  free_vms (vms, 3);
}

/* ---- Intents ---- */

static FerryContainer *
make_container (const char *id, const char *name, const char *type)
{
  FerryContainer *c = ferry_container_new ();

  ferry_container_set_id (c, id);
  ferry_container_set_name (c, name);
  ferry_container_set_entity_type (c, type);
  return c;
}

static void
complete_plan (FerryPlan *plan, GPtrArray *hold)
{
  FerryPlanOptions *d = ferry_plan_get_defaults (plan);
  FerryResourceContainer *src = ferry_resource_container_new ();
  FerryResourceContainer *dst = ferry_resource_container_new ();
  FerryContainer *cluster = make_container ("domain-c8", "Cluster-1", "cluster");
  FerryDatastore *ds = ferry_datastore_new ();

  ferry_datastore_set_id (ds, "datastore-61");
  ferry_datastore_set_name (ds, "vsanDatastore");
  ferry_plan_set_source (plan, src);
  ferry_plan_set_destination (plan, dst);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_CLUSTER, cluster);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_DATASTORE, ds);
  g_ptr_array_add (hold, src);
  g_ptr_array_add (hold, dst);
  g_ptr_array_add (hold, cluster);
  g_ptr_array_add (hold, ds);
}

static void
test_intents (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  g_autoptr (GPtrArray) hold = g_ptr_array_new_with_free_func (g_object_unref);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (FerryNetwork) seg_web
      = make_net ("/infra/segments/web", "web-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (FerryNetwork) seg_db
      = make_net ("/infra/segments/db", "db-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (FerryNetwork) seg_bak
      = make_net ("/infra/segments/bak", "backup-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) intents = NULL;
  FerryNetworkSource *web = source (plan, "dvportgroup-45");
  FerryNetworkSource *db = source (plan, "dvportgroup-51");
  FerryNetworkSource *backup = source (plan, "dvportgroup-57");

  complete_plan (plan, hold);

  /* Unmapped connected NICs block, naming the VM and the NIC. */
  intents = ferry_plan_build_intents (plan, &error);
  g_assert_null (intents);
  g_assert_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "web-01"));
  g_assert_nonnull (strstr (error->message, "Network adapter 1"));
  g_assert_nonnull (strstr (error->message, "VLAN100-Web"));
  g_clear_error (&error);

  ferry_network_map_map (map, &web, 1, seg_web);
  ferry_network_map_map (map, &db, 1, seg_db);
  intents = ferry_plan_build_intents (plan, &error);
  g_assert_null (intents);
  g_assert_nonnull (strstr (error->message, "web-01"));
  g_assert_nonnull (strstr (error->message, "Network adapter 2"));
  g_assert_nonnull (strstr (error->message, "VLAN140-Backup"));
  g_clear_error (&error);

  /* web-01's backup NIC by exception: db-01's disconnected one needs nothing. */
  ferry_network_map_set_exception (map, ferry_plan_lookup (plan, "vm-1"),
                                   ferry_vm_get_nic (vms[0], 1), seg_bak);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
  intents = ferry_plan_build_intents (plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (intents), ==, 3);
  {
    g_autoptr (FerryMigrationIntent) i1 = g_list_model_get_item (intents, 0);
    g_autoptr (FerryMigrationIntent) i3 = g_list_model_get_item (intents, 2);
    const FerryNetworkMapping *m;

    g_assert_cmpuint (ferry_migration_intent_get_n_network_mappings (i1), ==, 2);
    m = ferry_migration_intent_get_network_mapping (i1, 0);
    g_assert_cmpstr (m->src_network_id, ==, "dvportgroup-45");
    g_assert_cmpstr (m->src_network_type, ==, "DistributedVirtualPortgroup");
    g_assert_cmpstr (m->src_network_name, ==, "VLAN100-Web");
    g_assert_cmpstr (m->dest_network_id, ==, "/infra/segments/web");
    g_assert_cmpstr (m->dest_network_type, ==, "NsxtSegment");
    g_assert_cmpstr (m->dest_network_name, ==, "web-segment");
    g_assert_cmpstr (m->mac_address, ==, "00:50:56:00:00:01");
    g_assert_true (m->is_primary_nic);
    g_assert_true (m->connected);
    m = ferry_migration_intent_get_network_mapping (i1, 1);
    g_assert_cmpstr (m->dest_network_id, ==, "/infra/segments/bak");
    g_assert_false (m->is_primary_nic);

    /* db-01: its disconnected NIC has no destination, so only one mapping. */
    g_assert_cmpuint (ferry_migration_intent_get_n_network_mappings (i3), ==, 1);
  }
  g_clear_object (&intents);

  /* Mapped, the disconnected NIC goes too, as not connected. */
  ferry_network_map_map (map, &backup, 1, seg_bak);
  {
    g_autoptr (FerryMigrationIntent) i3
        = ferry_plan_build_intent (plan, ferry_plan_lookup (plan, "vm-3"));
    const FerryNetworkMapping *m;

    g_assert_cmpuint (ferry_migration_intent_get_n_network_mappings (i3), ==, 2);
    m = ferry_migration_intent_get_network_mapping (i3, 1);
    g_assert_cmpstr (m->src_network_name, ==, "VLAN140-Backup");
    g_assert_false (m->connected);
    g_assert_false (m->is_primary_nic);
  }
  free_vms (vms, 3);
}

/* The inventory's primary NIC, else the first. */
static void
test_primary (void)
{
  static const NicSpec two[]
      = { { "dvportgroup-45", "VLAN100-Web", "00:50:56:00:01:01", TRUE },
          { "dvportgroup-57", "VLAN140-Backup", "00:50:56:00:01:02", TRUE } };
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (FerryVm) a = make_vm ("vm-a", "a", two, 2);
  g_autoptr (FerryVm) b = make_vm ("vm-b", "b", two, 2);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);

  ferry_nic_set_primary (ferry_vm_get_nic (b, 1), FERRY_TRI_STATE_YES);
  ferry_plan_add_vm (plan, a);
  ferry_plan_add_vm (plan, b);
  g_assert_true (ferry_network_map_is_primary (map, ferry_plan_lookup (plan, "vm-a"),
                                               ferry_vm_get_nic (a, 0)));
  g_assert_false (ferry_network_map_is_primary (map, ferry_plan_lookup (plan, "vm-a"),
                                                ferry_vm_get_nic (a, 1)));
  g_assert_false (ferry_network_map_is_primary (map, ferry_plan_lookup (plan, "vm-b"),
                                                ferry_vm_get_nic (b, 0)));
  g_assert_true (ferry_network_map_is_primary (map, ferry_plan_lookup (plan, "vm-b"),
                                               ferry_vm_get_nic (b, 1)));
}

/* ---- Problems ---- */

static void
test_problems (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  g_autoptr (GPtrArray) hold = g_ptr_array_new_with_free_func (g_object_unref);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (FerryNetwork) seg_web
      = make_net ("/infra/segments/web", "web-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (FerryNetwork) live_web
      = make_net ("/infra/segments/web", "web-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (FerryNetwork) uplink
      = make_net ("dvportgroup-9", "DVS-Uplinks", "DistributedVirtualPortgroupUplink", FALSE, 0);
  g_autoptr (GListStore) dests = g_list_store_new (FERRY_TYPE_NETWORK);
  FerryNetworkSource *all[3];
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) intents = NULL;
  guint problem_notified = 0;

  complete_plan (plan, hold);
  for (guint i = 0; i < 3; i++)
    all[i] = g_list_model_get_item (ferry_network_map_get_sources (map), i);
  g_signal_connect (all[0], "notify::problem", G_CALLBACK (count_cb), &problem_notified);

  /* Destinations unknown: no "not present" problem. */
  ferry_network_map_map (map, all, 3, seg_web);
  g_assert_null (ferry_network_source_get_problem (all[0]));
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);

  /* The destination's list does not have it any more. */
  ferry_network_map_set_destinations (map, G_LIST_MODEL (dests));
  g_assert_true (ferry_network_map_get_destinations (map) == G_LIST_MODEL (dests));
  g_assert_cmpstr (ferry_network_source_get_problem (all[0]), ==,
                   "web-segment is no longer on the destination");
  g_assert_cmpuint (problem_notified, ==, 1);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 3);
  intents = ferry_plan_build_intents (plan, &error);
  g_assert_null (intents);
  g_assert_error (error, FERRY_PLAN_ERROR, FERRY_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "no longer on the destination"));
  g_assert_nonnull (strstr (error->message, "web-01"));
  g_clear_error (&error);

  /* It comes back: the rule now points at the list's object. */
  g_list_store_append (dests, live_web);
  g_assert_null (ferry_network_source_get_problem (all[0]));
  g_assert_true (ferry_network_source_get_target (all[0]) == live_web);
  g_assert_cmpuint (problem_notified, ==, 2);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);
  g_assert_true (ferry_network_map_lookup_destination (map, "/infra/segments/web") == live_web);

  /* A type VMs cannot attach to. */
  g_list_store_append (dests, uplink);
  ferry_network_map_map (map, all + 1, 1, uplink);
  g_assert_nonnull (ferry_network_source_get_problem (all[1]));
  g_assert_nonnull (strstr (ferry_network_source_get_problem (all[1]), "DVS-Uplinks"));
  g_assert_nonnull (strstr (ferry_network_source_get_problem (all[1]), "cannot be attached"));
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 1);

  /* An exception to a bad target is counted, and shown on its NIC. */
  ferry_network_map_map (map, all + 1, 1, live_web);
  ferry_network_map_set_exception (map, ferry_plan_lookup (plan, "vm-1"),
                                   ferry_vm_get_nic (vms[0], 0), uplink);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 1);
  g_assert_nonnull (ferry_network_map_get_nic_problem (map, ferry_plan_lookup (plan, "vm-1"),
                                                       ferry_vm_get_nic (vms[0], 0)));

  for (guint i = 0; i < 3; i++)
    g_object_unref (all[i]);
  free_vms (vms, 3);
}

/* ---- Undo/redo ---- */

static void
test_undo_redo (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (FerryNetwork) a = make_net ("/infra/segments/a", "a-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (FerryNetwork) b = make_net ("/infra/segments/b", "b-segment", "NsxtSegment", FALSE, 0);
  FerryNetworkSource *web = source (plan, "dvportgroup-45");
  FerryPlanItem *item2 = ferry_plan_lookup (plan, "vm-2");
  FerryNic *nic2 = ferry_vm_get_nic (vms[1], 0);
  guint undo_notified = 0, redo_notified = 0, changed = 0;

  g_signal_connect (map, "notify::can-undo", G_CALLBACK (count_cb), &undo_notified);
  g_signal_connect (map, "notify::can-redo", G_CALLBACK (count_cb), &redo_notified);
  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);

  g_assert_false (ferry_network_map_get_can_undo (map));
  g_assert_false (ferry_network_map_undo (map));
  g_assert_false (ferry_network_map_redo (map));

  ferry_network_map_map (map, &web, 1, a); /* step 1 */
  g_assert_true (ferry_network_map_get_can_undo (map));
  g_assert_cmpuint (undo_notified, ==, 1);
  ferry_network_map_map (map, &web, 1, b);               /* step 2: re-map */
  ferry_network_map_set_exception (map, item2, nic2, a); /* step 3 */
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (ferry_network_map_undo (map)); /* undo 3 */
  g_assert_cmpuint (changed, ==, 4);
  g_assert_true (ferry_network_map_get_can_redo (map));
  g_assert_cmpuint (redo_notified, ==, 1);
  g_assert_false (ferry_network_map_has_exception (map, item2, nic2));
  g_assert_true (ferry_network_map_resolve (map, item2, nic2) == b);
  g_assert_true (ferry_network_map_undo (map)); /* undo 2 */
  g_assert_true (ferry_network_source_get_target (web) == a);
  g_assert_true (ferry_network_map_undo (map)); /* undo 1 */
  g_assert_null (ferry_network_source_get_target (web));
  g_assert_false (ferry_network_map_get_can_undo (map));
  g_assert_cmpuint (undo_notified, ==, 2);
  g_assert_false (ferry_network_map_undo (map));

  g_assert_true (ferry_network_map_redo (map)); /* redo 1 */
  g_assert_true (ferry_network_source_get_target (web) == a);
  g_assert_true (ferry_network_map_redo (map)); /* redo 2 */
  g_assert_true (ferry_network_source_get_target (web) == b);

  /* A new change drops what could be redone. */
  ferry_network_map_unmap (map, &web, 1);
  g_assert_false (ferry_network_map_get_can_redo (map));
  g_assert_false (ferry_network_map_redo (map));
  g_assert_true (ferry_network_map_undo (map));
  g_assert_true (ferry_network_source_get_target (web) == b);

  /* A started plan's mapping does not change. */
  ferry_plan_set_start_state (plan, FERRY_PLAN_START_STARTED);
  ferry_network_map_map (map, &web, 1, a);
  g_assert_true (ferry_network_source_get_target (web) == b);
  ferry_network_map_set_exception (map, item2, nic2, a);
  g_assert_false (ferry_network_map_has_exception (map, item2, nic2));
  g_assert_true (ferry_network_map_get_can_undo (map));
  g_assert_false (ferry_network_map_undo (map));
  g_assert_true (ferry_network_source_get_target (web) == b);
  ferry_plan_set_start_state (plan, FERRY_PLAN_START_NONE);

  /* A no-op is no step. */
  ferry_network_map_clear_history (map);
  ferry_network_map_map (map, &web, 1, b);
  g_assert_false (ferry_network_map_get_can_undo (map));
  free_vms (vms, 3);
}

/* ---- Suggestions ---- */

static FerryNetworkSuggestion *
find_suggestion (GListModel *list, const char *source_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (FerryNetworkSuggestion) s = g_list_model_get_item (list, i);

      if (g_str_equal (ferry_network_source_get_name (ferry_network_suggestion_get_source (s)),
                       source_name))
        return s; /* the list holds it */
    }
  return NULL;
}

/* The simulator's world: its port groups, NSX segments and L2 extensions (src/sim). */
static void
test_suggest_sim_names (void)
{
  static const struct
  {
    const char *id, *name;
  } port_groups[] = {
    { "dvportgroup-45", "VLAN100-Web" },    { "dvportgroup-48", "VLAN110-App" },
    { "dvportgroup-51", "VLAN120-DB" },     { "dvportgroup-54", "VLAN130-Mgmt" },
    { "dvportgroup-57", "VLAN140-Backup" }, { "dvportgroup-60", "VLAN150-DMZ" },
    { "dvportgroup-63", "VLAN160-Dev" },    { "dvportgroup-66", "VLAN170-Test" },
    { "dvportgroup-69", "VLAN180-VDI" },    { "dvportgroup-72", "VLAN190-Storage" },
    { "dvportgroup-75", "VLAN200-Legacy" }, { "dvportgroup-78", "VLAN210-K8s" },
    { "network-12", "VM Network" },
  };
  static const char *segments[]
      = { "web-segment", "app-segment",  "db-segment",  "mgmt-segment", "dmz-segment",
          "dev-segment", "test-segment", "vdi-segment", "k8s-segment" };
  static const char *extended[]
      = { "L2E_VLAN100-Web-100-5f3a9c01", "L2E_VLAN110-App-110-0be3d2aa",
          "L2E_VLAN120-DB-120-77aa0c3e", "L2E_VLAN130-Mgmt-130-1c2d3e4f" };
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GListStore) dests = g_list_store_new (FERRY_TYPE_NETWORK);
  g_autoptr (GListModel) list = NULL;
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  FerryNetworkSuggestion *s;

  for (guint i = 0; i < G_N_ELEMENTS (port_groups); i++)
    {
      NicSpec nic = { port_groups[i].id, port_groups[i].name, NULL, TRUE };
      g_autofree char *id = g_strdup_printf ("vm-%u", 100 + i);
      g_autofree char *mac = g_strdup_printf ("00:50:56:00:02:%02x", i);

      nic.mac = mac;
      g_ptr_array_add (vms, make_vm (id, id, &nic, 1));
    }
  ferry_plan_add_vms (plan, (FerryVm **)vms->pdata, vms->len);
  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      g_autofree char *id = g_strdup_printf ("/infra/segments/%s", segments[i]);
      g_autoptr (FerryNetwork) n = make_net (id, segments[i], "NsxtSegment", FALSE, 0);

      g_list_store_append (dests, n);
    }
  for (guint i = 0; i < G_N_ELEMENTS (extended); i++)
    {
      g_autofree char *id = g_strdup_printf ("/infra/segments/%s", extended[i]);
      g_autoptr (FerryNetwork) n = make_net (id, extended[i], "NsxtSegment", TRUE, 100 + 10 * i);

      g_list_store_append (dests, n);
    }

  /* Nothing to suggest before the destinations are known. */
  list = ferry_network_map_suggest (map);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  ferry_network_map_set_destinations (map, G_LIST_MODEL (dests));
  list = ferry_network_map_suggest (map);

  /* Extended first, with Retain MAC. */
  s = find_suggestion (list, "VLAN100-Web");
  g_assert_nonnull (s);
  g_assert_cmpint (ferry_network_suggestion_get_reason (s), ==, FERRY_NETWORK_SUGGESTION_EXTENDED);
  g_assert_cmpstr (ferry_network_get_name (ferry_network_suggestion_get_target (s)), ==,
                   "L2E_VLAN100-Web-100-5f3a9c01");
  g_assert_true (ferry_network_suggestion_get_retain_mac (s));
  g_assert_nonnull (ferry_network_suggestion_get_reason_text (s));
  s = find_suggestion (list, "VLAN130-Mgmt");
  g_assert_cmpint (ferry_network_suggestion_get_reason (s), ==, FERRY_NETWORK_SUGGESTION_EXTENDED);
  g_assert_cmpstr (ferry_network_get_name (ferry_network_suggestion_get_target (s)), ==,
                   "L2E_VLAN130-Mgmt-130-1c2d3e4f");

  /* The segments by their names' cores. */
  s = find_suggestion (list, "VLAN150-DMZ");
  g_assert_nonnull (s);
  g_assert_cmpint (ferry_network_suggestion_get_reason (s), ==,
                   FERRY_NETWORK_SUGGESTION_SIMILAR_NAME);
  g_assert_cmpstr (ferry_network_get_name (ferry_network_suggestion_get_target (s)), ==,
                   "dmz-segment");
  g_assert_false (ferry_network_suggestion_get_retain_mac (s));
  s = find_suggestion (list, "VLAN210-K8s");
  g_assert_cmpstr (ferry_network_get_name (ferry_network_suggestion_get_target (s)), ==,
                   "k8s-segment");

  /* Nothing sensible for these. */
  g_assert_null (find_suggestion (list, "VLAN140-Backup"));
  g_assert_null (find_suggestion (list, "VLAN190-Storage"));
  g_assert_null (find_suggestion (list, "VM Network"));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 9);

  /* Accepting all: one step, every rule, Retain MAC for the extended ones' VMs only. */
  {
    g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
    guint changed = 0;
    FerryPlanItem *web_item = ferry_plan_lookup (plan, "vm-100");
    FerryPlanItem *dmz_item = ferry_plan_lookup (plan, "vm-105");

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      g_ptr_array_add (all, g_list_model_get_item (list, i));
    g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);
    ferry_network_map_apply_suggestions (map, (FerryNetworkSuggestion **)all->pdata, all->len);
    g_assert_cmpuint (changed, ==, 1);
    g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 4);
    g_assert_true (ferry_plan_item_get_overridden (web_item, FERRY_PLAN_FIELD_RETAIN_MAC));
    g_assert_true (ferry_plan_item_get_boolean (web_item, FERRY_PLAN_FIELD_RETAIN_MAC));
    g_assert_false (ferry_plan_item_get_overridden (dmz_item, FERRY_PLAN_FIELD_RETAIN_MAC));

    /* Suggestions only for what is still unmapped. */
    {
      g_autoptr (GListModel) again = ferry_network_map_suggest (map);

      g_assert_cmpuint (g_list_model_get_n_items (again), ==, 0);
    }

    /* One undo takes back the rules and the Retain MAC overrides. */
    g_assert_true (ferry_network_map_undo (map));
    g_assert_cmpuint (changed, ==, 2);
    g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 13);
    g_assert_false (ferry_plan_item_get_overridden (web_item, FERRY_PLAN_FIELD_RETAIN_MAC));
    g_assert_false (ferry_network_map_get_can_undo (map));
    g_assert_true (ferry_network_map_redo (map));
    g_assert_true (ferry_plan_item_get_boolean (web_item, FERRY_PLAN_FIELD_RETAIN_MAC));
    g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 4);
  }
}

typedef struct
{
  const char *source;
  const char *dests[4];
  const char *want; /* NULL: no suggestion */
  FerryNetworkSuggestionReason reason;
} TrickyCase;

static void
test_suggest_tricky (void)
{
  static const TrickyCase cases[] = {
    /* Case and separators. */
    { "Web_Servers",
      { "web-servers", "app", NULL },
      "web-servers",
      FERRY_NETWORK_SUGGESTION_SAME_NAME },
    { "VLAN100-Web",
      { "seg-vlan100-web", "seg-vlan110-app", NULL },
      "seg-vlan100-web",
      FERRY_NETWORK_SUGGESTION_SAME_VLAN },
    /* The same VLAN, differently written. */
    { "vlan_120_db",
      { "VLAN-120-Database", NULL },
      "VLAN-120-Database",
      FERRY_NETWORK_SUGGESTION_SAME_VLAN },
    /* Two numbers in the source: the tagged one counts. */
    { "VLAN130-Mgmt-2",
      { "mgmt-130", "mgmt-2", NULL },
      "mgmt-130",
      FERRY_NETWORK_SUGGESTION_SAME_VLAN },
    /* Two lone numbers: no VLAN, and no core match either. */
    { "app-10-20", { "app-10", "app-20", NULL }, NULL, 0 },
    /* A year is not a VLAN. */
    { "web-2019", { "vlan2019", "app", NULL }, NULL, 0 },
    /* An index glued to a word is not a VLAN: only the identical name matches. */
    { "db01", { "db-vlan1", "db01", NULL }, "db01", FERRY_NETWORK_SUGGESTION_SAME_NAME },
    { "db01", { "db-vlan1", "db02", NULL }, NULL, 0 },
    /* No VLAN at all, no name in common. */
    { "Corporate LAN", { "web-segment", "app-segment", NULL }, NULL, 0 },
    /* The same VLAN on two segments, neither named like the source: ambiguous. */
    { "VLAN300-Data", { "seg-300-a", "seg-300-b", NULL }, NULL, 0 },
    /* … one named like it wins. */
    { "VLAN300-Data",
      { "seg-300-a", "data-300", NULL },
      "data-300",
      FERRY_NETWORK_SUGGESTION_SAME_VLAN },
    /* The identical name beats a VLAN match. */
    { "VLAN100-Web",
      { "seg-vlan100-web", "vlan100_web", NULL },
      "vlan100_web",
      FERRY_NETWORK_SUGGESTION_SAME_NAME },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      NicSpec nic = { "dvportgroup-1", cases[c].source, "00:50:56:00:03:01", TRUE };
      g_autoptr (FerryPlan) plan = ferry_plan_new ();
      g_autoptr (FerryVm) vm = make_vm ("vm-1", "vm", &nic, 1);
      g_autoptr (GListStore) dests = g_list_store_new (FERRY_TYPE_NETWORK);
      g_autoptr (GListModel) list = NULL;
      FerryNetworkMap *map = ferry_plan_get_network_map (plan);

      g_test_message ("%s", cases[c].source);
      ferry_plan_add_vm (plan, vm);
      for (guint i = 0; cases[c].dests[i] != NULL; i++)
        {
          g_autofree char *id = g_strdup_printf ("/infra/segments/%u", i);
          g_autoptr (FerryNetwork) n = make_net (id, cases[c].dests[i], "NsxtSegment", FALSE, 0);

          g_list_store_append (dests, n);
        }
      ferry_network_map_set_destinations (map, G_LIST_MODEL (dests));
      list = ferry_network_map_suggest (map);
      if (cases[c].want == NULL)
        g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
      else
        {
          g_autoptr (FerryNetworkSuggestion) s = NULL;

          g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
          s = g_list_model_get_item (list, 0);
          g_assert_cmpstr (ferry_network_get_name (ferry_network_suggestion_get_target (s)), ==,
                           cases[c].want);
          g_assert_cmpint (ferry_network_suggestion_get_reason (s), ==, cases[c].reason);
        }
    }
}

/* The destination's "vlan-id" when it knows it; an extension of another source is never
 * offered; a segment of a type VMs cannot use neither. */
static void
test_suggest_inventory_vlan (void)
{
  NicSpec nic = { "dvportgroup-1", "Finance", "00:50:56:00:04:01", TRUE };
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  g_autoptr (FerryVm) vm = make_vm ("vm-1", "vm", &nic, 1);
  g_autoptr (GListStore) src_nets = g_list_store_new (FERRY_TYPE_NETWORK);
  g_autoptr (GListStore) dests = g_list_store_new (FERRY_TYPE_NETWORK);
  g_autoptr (FerryNetwork) src
      = make_net ("dvportgroup-1", "Finance", "DistributedVirtualPortgroup", FALSE, 42);
  g_autoptr (FerryNetwork) other_ext
      = make_net ("/infra/segments/x", "L2E_HR-42-00000000", "NsxtSegment", TRUE, 42);
  g_autoptr (FerryNetwork) uplink
      = make_net ("dvportgroup-9", "uplink-42", "DistributedVirtualPortgroupUplink", FALSE, 42);
  g_autoptr (FerryNetwork) seg
      = make_net ("/infra/segments/fin", "segment-a", "NsxtSegment", FALSE, 42);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (FerryNetworkSuggestion) s = NULL;
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);

  ferry_plan_add_vm (plan, vm);
  g_list_store_append (src_nets, src);
  ferry_network_map_set_source_networks (map, G_LIST_MODEL (src_nets));
  g_list_store_append (dests, other_ext);
  g_list_store_append (dests, uplink);
  g_list_store_append (dests, seg);
  ferry_network_map_set_destinations (map, G_LIST_MODEL (dests));
  list = ferry_network_map_suggest (map);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  s = g_list_model_get_item (list, 0);
  g_assert_true (ferry_network_suggestion_get_target (s) == seg);
  g_assert_cmpint (ferry_network_suggestion_get_reason (s), ==, FERRY_NETWORK_SUGGESTION_SAME_VLAN);
  g_assert_nonnull (strstr (ferry_network_suggestion_get_reason_text (s), "42"));
}

/* ---- Reconcile keeps exceptions across a VM id change ---- */

static void
test_reconcile (void)
{
  FerryVm *vms[3];
  g_autoptr (FerryPlan) plan = three_vm_plan (vms);
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (FerryNetwork) seg
      = make_net ("/infra/segments/a", "a-segment", "NsxtSegment", FALSE, 0);
  g_autoptr (GListStore) inventory = g_list_store_new (FERRY_TYPE_VM);
  static const NicSpec web2[] = { { "dvportgroup-45", "VLAN100-Web", "00:50:56:00:00:03", TRUE } };
  g_autoptr (FerryVm) moved = make_vm ("vm-2002", "web-02", web2, 1);
  FerryPlanItem *item2 = ferry_plan_lookup (plan, "vm-2");
  g_auto (GStrv) missing = NULL;

  ferry_network_map_set_exception (map, item2, ferry_vm_get_nic (vms[1], 0), seg);
  g_list_store_append (inventory, vms[0]);
  g_list_store_append (inventory, moved);
  g_list_store_append (inventory, vms[2]);
  missing = ferry_plan_reconcile (plan, G_LIST_MODEL (inventory));
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_true (ferry_plan_item_get_vm (item2) == moved);
  g_assert_true (ferry_network_map_has_exception (map, item2, ferry_vm_get_nic (moved, 0)));
  g_assert_true (ferry_network_map_resolve (map, item2, ferry_vm_get_nic (moved, 0)) == seg);
  g_assert_cmpuint (ferry_network_source_get_n_exceptions (source (plan, "dvportgroup-45")), ==, 1);
  g_assert_cmpuint (ferry_network_source_get_n_nics (source (plan, "dvportgroup-45")), ==, 2);
  free_vms (vms, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network-map/names", test_names);
  g_test_add_func ("/network-map/sources-follow-selection", test_sources_follow_selection);
  g_test_add_func ("/network-map/source-vlan-from-inventory", test_source_vlan_from_inventory);
  g_test_add_func ("/network-map/rule-and-exceptions", test_rule_and_exceptions);
  g_test_add_func ("/network-map/map-several", test_map_several);
  g_test_add_func ("/network-map/intents", test_intents);
  g_test_add_func ("/network-map/primary", test_primary);
  g_test_add_func ("/network-map/problems", test_problems);
  g_test_add_func ("/network-map/undo-redo", test_undo_redo);
  g_test_add_func ("/network-map/suggest-sim-names", test_suggest_sim_names);
  g_test_add_func ("/network-map/suggest-tricky", test_suggest_tricky);
  g_test_add_func ("/network-map/suggest-inventory-vlan", test_suggest_inventory_vlan);
  g_test_add_func ("/network-map/reconcile", test_reconcile);
  return g_test_run ();
}
