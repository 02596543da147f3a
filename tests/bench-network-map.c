/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-network-map.c: the plan's network map at the scale: 1,000 selected VMs with
 * 4 NICs each (4,000 NICs) over 200 source networks, 500 destination networks. Each figure is
 * the median (min-max) of several runs of the core call, in ms of wall time:
 *   - the sources kept up to date on selection changes (select 1,000 at once, add/remove 10, add
 *     one, remove one, clear), against the same selection changes on a plan of VMs without NICs
 *     (what the map adds),
 *   - map 200 sources in one call and in 200 calls (one per drop), re-map, undo, redo,
 *   - one exception, with a source's 20 NICs listed (refs kept up to date),
 *   - suggest (200 × 500) and apply all suggestions,
 *   - build the 1,000 intents (4,000 networkMappings) and check the blocker.
 *
 *   bench-network-map [RUNS]   (default 15) */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ferry-plan.h"

#define N_VMS 1000
#define N_NICS 4
#define N_SOURCES 200
#define N_DESTS 500

static guint runs = 15;

typedef struct
{
  GPtrArray *vms;     /* FerryVm, with NICs */
  GPtrArray *bare;    /* FerryVm, same ids, no NICs */
  GListStore *dests;  /* FerryNetwork */
  GPtrArray *targets; /* FerryNetwork, 200 of the destinations (one per source) */
  FerryContainer *cluster;
  FerryDatastore *datastore;
  FerryResourceContainer *vc;
} World;

static const char *roles[] = { "Web", "App", "DB", "Mgmt", "Backup", "DMZ", "Dev", "Test" };

static char *
source_name (guint s)
{
  return g_strdup_printf ("VLAN%u-%s-%02u", 100 + s, roles[s % G_N_ELEMENTS (roles)], s / 8);
}

static World *
world_new (void)
{
  World *w = g_new0 (World, 1);

  w->vms = g_ptr_array_new_with_free_func (g_object_unref);
  w->bare = g_ptr_array_new_with_free_func (g_object_unref);
  w->dests = g_list_store_new (FERRY_TYPE_NETWORK);
  w->targets = g_ptr_array_new ();
  for (guint i = 0; i < N_VMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("vm-%u", 1000 + i);
      g_autofree char *name = g_strdup_printf ("app-%04u", i);
      FerryVm *vm = ferry_vm_new ();
      FerryVm *bare = ferry_vm_new ();

      ferry_vm_set_id (vm, id);
      ferry_vm_set_name (vm, name);
      ferry_vm_set_power_state (vm, FERRY_POWER_STATE_ON);
      ferry_vm_set_hardware_version (vm, "vmx-19");
      ferry_vm_set_id (bare, id);
      ferry_vm_set_name (bare, name);
      for (guint k = 0; k < N_NICS; k++)
        {
          g_autoptr (FerryNic) nic = ferry_nic_new ();
          /* Spread over the 200 networks: each VM on 4 different ones. */
          guint s = (i * 7 + k * 53) % N_SOURCES;
          g_autofree char *net_id = g_strdup_printf ("dvportgroup-%u", 1000 + s);
          g_autofree char *net_name = source_name (s);
          g_autofree char *mac = g_strdup_printf ("00:50:56:%02x:%02x:%02x", i >> 8, i & 0xff, k);
          g_autofree char *label = g_strdup_printf ("Network adapter %u", k + 1);

          ferry_nic_set_label (nic, label);
          ferry_nic_set_mac_address (nic, mac);
          ferry_nic_set_network_id (nic, net_id);
          ferry_nic_set_network_name (nic, net_name);
          ferry_nic_set_network_type (nic, "DistributedVirtualPortgroup");
          ferry_nic_set_connected (nic, k != 3 || i % 2 == 0);
          ferry_vm_add_nic (vm, nic);
        }
      g_ptr_array_add (w->vms, vm);
      g_ptr_array_add (w->bare, bare);
    }
  /* Destinations: a VLAN segment per source, 100 L2 extensions, and 200 others. */
  for (guint d = 0; d < N_DESTS; d++)
    {
      g_autoptr (FerryNetwork) n = ferry_network_new ();
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;

      if (d < N_SOURCES)
        name = g_strdup_printf ("seg-vlan%u-%s", 100 + d, roles[d % G_N_ELEMENTS (roles)]);
      else if (d < N_SOURCES + 100)
        {
          g_autofree char *src = source_name (d - N_SOURCES);

          name = g_strdup_printf ("L2E_%s-%u-%08x", src, 100 + d - N_SOURCES, g_random_int ());
          ferry_network_set_extended (n, TRUE);
        }
      else
        name = g_strdup_printf ("tenant-%u-segment", d);
      id = g_strdup_printf ("/infra/segments/%s", name);
      ferry_network_set_id (n, id);
      ferry_network_set_name (n, name);
      ferry_network_set_entity_type (n, "NsxtSegment");
      ferry_network_set_network_type (n, "NsxtSegment");
      g_list_store_append (w->dests, n);
      if (d < N_SOURCES)
        g_ptr_array_add (w->targets, n); /* the store holds it */
    }
  w->cluster = ferry_container_new ();
  ferry_container_set_id (w->cluster, "domain-c8");
  ferry_container_set_entity_type (w->cluster, "cluster");
  w->datastore = ferry_datastore_new ();
  ferry_datastore_set_id (w->datastore, "datastore-61");
  w->vc = ferry_resource_container_new ();
  return w;
}

static void
world_free (World *w)
{
  g_ptr_array_unref (w->vms);
  g_ptr_array_unref (w->bare);
  g_ptr_array_unref (w->targets);
  g_object_unref (w->dests);
  g_object_unref (w->cluster);
  g_object_unref (w->datastore);
  g_object_unref (w->vc);
  g_free (w);
}

/* ---- Timing ---- */

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what, GArray *samples)
{
  double *v = (double *)samples->data;

  qsort (v, samples->len, sizeof (double), compare_doubles);
  g_print ("%-58s %8.3f ms  (%.3f-%.3f, %u runs)\n", what, v[samples->len / 2], v[0],
           v[samples->len - 1], samples->len);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static FerryPlan *
plan_new (World *w, GPtrArray *vms)
{
  FerryPlan *plan = ferry_plan_new ();
  FerryPlanOptions *d = ferry_plan_get_defaults (plan);

  ferry_plan_set_source (plan, w->vc);
  ferry_plan_set_destination (plan, w->vc);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_CLUSTER, w->cluster);
  ferry_plan_options_set_object (d, FERRY_PLAN_FIELD_DATASTORE, w->datastore);
  if (vms != NULL)
    ferry_plan_add_vms (plan, (FerryVm **)vms->pdata, vms->len);
  return plan;
}

static GPtrArray *
all_sources (FerryPlan *plan)
{
  GListModel *sources = ferry_network_map_get_sources (ferry_plan_get_network_map (plan));
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    g_ptr_array_add (all, g_list_model_get_item (sources, i));
  return all;
}

/* Selection changes, on VMs with NICs (the map works) or without (it has nothing to do). */
static void
bench_selection (World *w, GPtrArray *vms, const char *label)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ten = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ten_back = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) one = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) one_back = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) clear = g_array_new (FALSE, FALSE, sizeof (double));
  char title[128];

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (FerryPlan) plan = plan_new (w, NULL);
      gint64 t;
      double ms;

      t = g_get_monotonic_time ();
      ferry_plan_add_vms (plan, (FerryVm **)vms->pdata, vms->len);
      ms = ms_since (t);
      g_array_append_val (all, ms);

      /* Ten VMs from the middle leave, and come back. */
      t = g_get_monotonic_time ();
      ferry_plan_remove_vms (plan, (FerryVm **)vms->pdata + 500, 10);
      ms = ms_since (t);
      g_array_append_val (ten, ms);
      t = g_get_monotonic_time ();
      ferry_plan_add_vms (plan, (FerryVm **)vms->pdata + 500, 10);
      ms = ms_since (t);
      g_array_append_val (ten_back, ms);

      /* One (a checkbox). */
      t = g_get_monotonic_time ();
      ferry_plan_remove_vm (plan, vms->pdata[123]);
      ms = ms_since (t);
      g_array_append_val (one, ms);
      t = g_get_monotonic_time ();
      ferry_plan_add_vm (plan, vms->pdata[123]);
      ms = ms_since (t);
      g_array_append_val (one_back, ms);

      t = g_get_monotonic_time ();
      ferry_plan_clear (plan);
      ms = ms_since (t);
      g_array_append_val (clear, ms);
    }
  g_snprintf (title, sizeof title, "%s: select 1,000 VMs at once", label);
  report (title, all);
  g_snprintf (title, sizeof title, "%s: 10 VMs leave the selection", label);
  report (title, ten);
  g_snprintf (title, sizeof title, "%s: 10 VMs join the selection", label);
  report (title, ten_back);
  g_snprintf (title, sizeof title, "%s: 1 VM leaves", label);
  report (title, one);
  g_snprintf (title, sizeof title, "%s: 1 VM joins", label);
  report (title, one_back);
  g_snprintf (title, sizeof title, "%s: clear the selection", label);
  report (title, clear);
}

static void
bench_mapping (World *w)
{
  g_autoptr (GArray) map_one_call = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) map_per_drop = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) remap = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) undo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) redo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) exception = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list_nics = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) destinations = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) suggest = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) apply = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) intents = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) intents_bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) blocked = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_suggestions = 0, n_mappings = 0;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (FerryPlan) plan = plan_new (w, w->vms);
      g_autoptr (FerryPlan) bare = plan_new (w, w->bare);
      FerryNetworkMap *map = ferry_plan_get_network_map (plan);
      g_autoptr (GPtrArray) sources = all_sources (plan);
      g_autoptr (GListModel) refs = NULL;
      g_autoptr (GListModel) list = NULL;
      g_autoptr (GListModel) built = NULL;
      g_autoptr (GPtrArray) picked = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (GError) error = NULL;
      FerryPlanItem *item;
      gint64 t;
      double ms;

      g_assert (sources->len == N_SOURCES);
      t = g_get_monotonic_time ();
      ferry_network_map_set_destinations (map, G_LIST_MODEL (w->dests));
      ms = ms_since (t);
      g_array_append_val (destinations, ms);

      /* The blocker, on the unmapped plan. */
      t = g_get_monotonic_time ();
      built = ferry_plan_build_intents (plan, &error);
      ms = ms_since (t);
      g_assert (built == NULL && error != NULL);
      g_clear_error (&error);
      g_array_append_val (blocked, ms);

      t = g_get_monotonic_time ();
      list = ferry_network_map_suggest (map);
      ms = ms_since (t);
      g_array_append_val (suggest, ms);
      n_suggestions = g_list_model_get_n_items (list);
      for (guint i = 0; i < n_suggestions; i++)
        g_ptr_array_add (picked, g_list_model_get_item (list, i));
      t = g_get_monotonic_time ();
      ferry_network_map_apply_suggestions (map, (FerryNetworkSuggestion **)picked->pdata,
                                           picked->len);
      ms = ms_since (t);
      g_array_append_val (apply, ms);
      ferry_network_map_undo (map);

      /* A source's NICs listed (the board expanded it): the refs follow every change below. */
      refs = ferry_network_map_list_nics (map, sources->pdata[0]);
      t = g_get_monotonic_time ();
      g_clear_object (&refs);
      refs = ferry_network_map_list_nics (map, sources->pdata[0]);
      ms = ms_since (t);
      g_array_append_val (list_nics, ms);

      t = g_get_monotonic_time ();
      for (guint s = 0; s < sources->len; s++)
        ferry_network_map_map (map, (FerryNetworkSource **)sources->pdata + s, 1,
                               w->targets->pdata[s]);
      ms = ms_since (t) / sources->len;
      g_array_append_val (map_per_drop, ms);
      for (guint s = 0; s < sources->len; s++)
        ferry_network_map_undo (map);

      t = g_get_monotonic_time ();
      ferry_network_map_map (map, (FerryNetworkSource **)sources->pdata, sources->len,
                             w->targets->pdata[0]);
      ms = ms_since (t);
      g_array_append_val (map_one_call, ms);
      t = g_get_monotonic_time ();
      ferry_network_map_map (map, (FerryNetworkSource **)sources->pdata, sources->len,
                             w->targets->pdata[1]);
      ms = ms_since (t);
      g_array_append_val (remap, ms);
      t = g_get_monotonic_time ();
      ferry_network_map_undo (map);
      ms = ms_since (t);
      g_array_append_val (undo, ms);
      t = g_get_monotonic_time ();
      ferry_network_map_redo (map);
      ms = ms_since (t);
      g_array_append_val (redo, ms);

      item = ferry_plan_lookup (plan, "vm-1500");
      t = g_get_monotonic_time ();
      ferry_network_map_set_exception (
          map, item, ferry_vm_get_nic (ferry_plan_item_get_vm (item), 1), w->targets->pdata[7]);
      ms = ms_since (t);
      g_array_append_val (exception, ms);

      g_clear_object (&built);
      t = g_get_monotonic_time ();
      built = ferry_plan_build_intents (plan, &error);
      ms = ms_since (t);
      g_assert (built != NULL);
      g_array_append_val (intents, ms);
      n_mappings = 0;
      for (guint i = 0; i < g_list_model_get_n_items (built); i++)
        {
          g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (built, i);

          n_mappings += ferry_migration_intent_get_n_network_mappings (intent);
        }
      g_clear_object (&built);
      t = g_get_monotonic_time ();
      built = ferry_plan_build_intents (bare, &error);
      ms = ms_since (t);
      g_assert (built != NULL);
      g_array_append_val (intents_bare, ms);
    }
  report ("set the 500 destinations (problems recomputed)", destinations);
  report ("build_intents refused (the blocker, unmapped plan)", blocked);
  report ("suggest (200 sources x 500 destinations)", suggest);
  g_print ("  (%u suggestions)\n", n_suggestions);
  report ("apply every suggestion (one step, Retain MAC overrides)", apply);
  report ("list the NICs of one source", list_nics);
  report ("map one source (one drop), mean of 200 drops", map_per_drop);
  report ("map 200 sources in one call", map_one_call);
  report ("re-map 200 sources", remap);
  report ("undo (200 rules)", undo);
  report ("redo (200 rules)", redo);
  report ("one per-NIC exception", exception);
  report ("build 1,000 intents, mapped", intents);
  g_print ("  (%u networkMappings)\n", n_mappings);
  report ("build 1,000 intents, VMs without NICs (no map work)", intents_bare);
}

int
main (int argc, char **argv)
{
  World *w;

  if (argc > 1)
    runs = MAX (1, (guint)atoi (argv[1]));
  w = world_new ();
  g_print ("# %u VMs, %u NICs, %u source and %u destination networks\n", N_VMS, N_VMS * N_NICS,
           N_SOURCES, N_DESTS);
  bench_selection (w, w->vms, "4 NICs/VM");
  bench_selection (w, w->bare, "no NICs ");
  bench_mapping (w);
  world_free (w);
  return 0;
}
