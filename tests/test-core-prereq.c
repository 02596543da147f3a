/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-core-prereq.c: the prerequisite rules (which migration types a site pair allows) and the
 * small model helpers they rely on. */

#include "config.h"

#include <string.h>

#include "ferry-compute-profile.h"
#include "ferry-migration.h"
#include "ferry-migration-intent.h"
#include "ferry-prereq.h"
#include "ferry-service-mesh.h"
#include "ferry-validation-result.h"
#include "ferry-vm.h"

static const char *all_services[]
    = { "INTERCONNECT",          "WANOPT", "VMOTION", "BULK_MIGRATION", "RAV", "NETWORK_EXTENSION",
        "OS_ASSISTED_MIGRATION", NULL };

static FerryComputeProfile *
profile (const char *id, const char *name, const char *endpoint, const char **services)
{
  FerryComputeProfile *cp = ferry_compute_profile_new ();

  ferry_compute_profile_set_id (cp, id);
  ferry_compute_profile_set_name (cp, name);
  ferry_compute_profile_set_endpoint_id (cp, endpoint);
  ferry_compute_profile_set_services (cp, services);
  return cp;
}

static char **
without (const char *service)
{
  GStrvBuilder *b = g_strv_builder_new ();
  char **v;

  for (guint i = 0; all_services[i] != NULL; i++)
    if (g_strcmp0 (all_services[i], service) != 0)
      g_strv_builder_add (b, all_services[i]);
  v = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return v;
}

typedef struct
{
  GListStore *source;
  GListStore *destination;
  GListStore *meshes;
} Pair;

static void
pair_init (Pair *p, const char *src_missing, const char *dst_missing, const char *mesh_missing)
{
  g_auto (GStrv) s = without (src_missing);
  g_auto (GStrv) d = without (dst_missing);
  g_auto (GStrv) m = without (mesh_missing);
  g_autoptr (FerryComputeProfile) src = profile ("cp-src", "onprem-cp", "e-src", (const char **)s);
  g_autoptr (FerryComputeProfile) dst = profile ("cp-dst", "avs-cp", "e-dst", (const char **)d);
  g_autoptr (FerryServiceMesh) mesh = ferry_service_mesh_new ();

  p->source = g_list_store_new (FERRY_TYPE_COMPUTE_PROFILE);
  p->destination = g_list_store_new (FERRY_TYPE_COMPUTE_PROFILE);
  p->meshes = g_list_store_new (FERRY_TYPE_SERVICE_MESH);
  g_list_store_append (p->source, src);
  g_list_store_append (p->destination, dst);
  ferry_service_mesh_set_id (mesh, "sm-1");
  ferry_service_mesh_set_name (mesh, "onprem-to-avs");
  ferry_service_mesh_set_services (mesh, (const char *const *)m);
  ferry_service_mesh_add_member (mesh, "cp-src", "onprem-cp", "e-src", "src", TRUE);
  ferry_service_mesh_add_member (mesh, "cp-dst", "avs-cp", "e-dst", "dst", FALSE);
  g_list_store_append (p->meshes, mesh);
}

static void
pair_clear (Pair *p)
{
  g_clear_object (&p->source);
  g_clear_object (&p->destination);
  g_clear_object (&p->meshes);
}

static FerryPrereqReport *
evaluate (Pair *p, gboolean osam)
{
  return ferry_prereq_evaluate (G_LIST_MODEL (p->source), G_LIST_MODEL (p->destination),
                                G_LIST_MODEL (p->meshes), "e-src", "e-dst", osam);
}

static void
test_all_available (void)
{
  Pair p;
  g_autoptr (FerryPrereqReport) report = NULL;
  g_autoptr (FerryPrereqReport) with_osam = NULL;
  GListModel *entries;

  pair_init (&p, NULL, NULL, NULL);
  report = evaluate (&p, FALSE);
  with_osam = evaluate (&p, TRUE);
  entries = ferry_prereq_report_get_entries (report);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_prereq_report_get_entries (with_osam)), ==, 5);
  g_assert_true (ferry_prereq_report_all_available (report));
  g_assert_true (ferry_prereq_report_all_available (with_osam));
  g_assert_null (ferry_prereq_report_get_entry (report, FERRY_MIGRATION_TYPE_OSAM));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (FerryPrereqEntry) e = g_list_model_get_item (entries, i);
      g_autofree char *title = NULL;
      gboolean available;

      g_object_get (e, "title", &title, "available", &available, NULL);
      g_assert_true (available);
      g_assert_nonnull (title);
      g_assert_cmpuint (g_strv_length ((char **)ferry_prereq_entry_get_reasons (e)), ==, 0);
      g_assert_cmpstr (ferry_prereq_entry_get_summary (e), ==, "");
    }
  pair_clear (&p);
}

typedef struct
{
  const char *side;
  const char *service;
  FerryMigrationType unavailable[3];
  guint n_unavailable;
  const char *reason;
} Case;

static void
test_missing_services (void)
{
  static const Case cases[] = {
    { "source",
      "BULK_MIGRATION",
      { FERRY_MIGRATION_TYPE_BULK },
      1,
      "Service “Bulk Migration” is not enabled in the source compute profile “onprem-cp”" },
    { "destination",
      "BULK_MIGRATION",
      { FERRY_MIGRATION_TYPE_BULK },
      1,
      "Service “Bulk Migration” is not enabled in the destination compute profile “avs-cp”" },
    { "mesh",
      "BULK_MIGRATION",
      { FERRY_MIGRATION_TYPE_BULK },
      1,
      "Service “Bulk Migration” is not enabled in the service mesh “onprem-to-avs”" },
    /* vMotion and Cold share the VMOTION service. */
    { "destination",
      "VMOTION",
      { FERRY_MIGRATION_TYPE_VMOTION, FERRY_MIGRATION_TYPE_COLD },
      2,
      "Service “vMotion Migration” is not enabled in the destination compute profile “avs-cp”" },
    { "mesh",
      "RAV",
      { FERRY_MIGRATION_TYPE_RAV },
      1,
      "Service “Replication Assisted vMotion Migration” is not enabled in the service mesh "
      "“onprem-to-avs”" },
    { "source",
      "OS_ASSISTED_MIGRATION",
      { FERRY_MIGRATION_TYPE_OSAM },
      1,
      "Service “OS Assisted Migration” is not enabled in the source compute profile “onprem-cp”" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      Pair p;
      g_autoptr (FerryPrereqReport) report = NULL;

      pair_init (&p, g_str_equal (cases[c].side, "source") ? cases[c].service : NULL,
                 g_str_equal (cases[c].side, "destination") ? cases[c].service : NULL,
                 g_str_equal (cases[c].side, "mesh") ? cases[c].service : NULL);
      report = evaluate (&p, TRUE);
      g_assert_false (ferry_prereq_report_all_available (report));
      for (guint t = 0; t < FERRY_N_MIGRATION_TYPES; t++)
        {
          gboolean expect_unavailable = FALSE;
          const char *const *reasons = ferry_prereq_report_get_reasons (report, t);

          for (guint k = 0; k < cases[c].n_unavailable; k++)
            expect_unavailable |= cases[c].unavailable[k] == (FerryMigrationType)t;
          g_assert_cmpint (ferry_prereq_report_is_available (report, t), ==, !expect_unavailable);
          if (expect_unavailable)
            {
              g_assert_cmpuint (g_strv_length ((char **)reasons), ==, 1);
              g_assert_cmpstr (reasons[0], ==, cases[c].reason);
              g_assert_cmpstr (
                  ferry_prereq_entry_get_summary (ferry_prereq_report_get_entry (report, t)), ==,
                  cases[c].reason);
            }
        }
      pair_clear (&p);
    }
}

static void
test_several_places (void)
{
  Pair p;
  g_autoptr (FerryPrereqReport) report = NULL;
  const char *const *reasons;

  /* Missing on both profiles and in the mesh: three reasons, each naming its place. */
  pair_init (&p, "BULK_MIGRATION", "BULK_MIGRATION", "BULK_MIGRATION");
  report = evaluate (&p, FALSE);
  reasons = ferry_prereq_report_get_reasons (report, FERRY_MIGRATION_TYPE_BULK);
  g_assert_cmpuint (g_strv_length ((char **)reasons), ==, 3);
  g_assert_nonnull (strstr (reasons[0], "source compute profile"));
  g_assert_nonnull (strstr (reasons[1], "destination compute profile"));
  g_assert_nonnull (strstr (reasons[2], "service mesh"));
  pair_clear (&p);
}

static void
test_no_mesh_or_profiles (void)
{
  Pair p;
  g_autoptr (FerryPrereqReport) report = NULL;
  g_autoptr (FerryPrereqReport) empty = NULL;
  g_autoptr (FerryServiceMesh) other = ferry_service_mesh_new ();
  const char *const *reasons;

  /* A mesh that joins other sites does not count. */
  pair_init (&p, NULL, NULL, NULL);
  g_list_store_remove_all (p.meshes);
  ferry_service_mesh_set_name (other, "elsewhere");
  ferry_service_mesh_set_services (other, all_services);
  ferry_service_mesh_add_member (other, "cp-src", "onprem-cp", "e-src", "src", TRUE);
  ferry_service_mesh_add_member (other, "cp-x", "x", "e-x", "x", FALSE);
  g_list_store_append (p.meshes, other);
  report = evaluate (&p, FALSE);
  reasons = ferry_prereq_report_get_reasons (report, FERRY_MIGRATION_TYPE_VMOTION);
  g_assert_false (ferry_prereq_report_is_available (report, FERRY_MIGRATION_TYPE_VMOTION));
  g_assert_nonnull (strstr (reasons[0], "No service mesh"));

  /* Nothing at all: every type unavailable, with the place to start. */
  empty = ferry_prereq_evaluate (NULL, NULL, NULL, NULL, NULL, FALSE);
  for (guint t = 0; t < 4; t++)
    {
      reasons = ferry_prereq_report_get_reasons (empty, t);
      g_assert_false (ferry_prereq_report_is_available (empty, t));
      g_assert_cmpuint (g_strv_length ((char **)reasons), ==, 3);
      g_assert_nonnull (strstr (reasons[0], "source site has no compute profile"));
      g_assert_nonnull (strstr (reasons[1], "destination site has no compute profile"));
    }
  pair_clear (&p);
}

static void
test_several_profiles (void)
{
  Pair p;
  g_autoptr (FerryPrereqReport) report = NULL;
  g_auto (GStrv) no_bulk = without ("BULK_MIGRATION");
  g_autoptr (FerryComputeProfile) second = NULL;
  g_autoptr (FerryComputeProfile) third = NULL;
  g_autoptr (FerryServiceMesh) mesh2 = ferry_service_mesh_new ();
  const char *const *reasons;

  /* Two source profiles, only the second has Bulk, but the mesh joins the first: the service
   * has to be there on both ends of one mesh. */
  pair_init (&p, "BULK_MIGRATION", NULL, NULL);
  second = profile ("cp-src2", "onprem-cp-2", "e-src", all_services);
  g_list_store_append (p.source, second);
  report = evaluate (&p, FALSE);
  g_assert_false (ferry_prereq_report_is_available (report, FERRY_MIGRATION_TYPE_BULK));
  reasons = ferry_prereq_report_get_reasons (report, FERRY_MIGRATION_TYPE_BULK);
  g_assert_cmpuint (g_strv_length ((char **)reasons), ==, 1);
  g_assert_nonnull (strstr (reasons[0], "No service mesh with “Bulk Migration”"));
  g_clear_object (&report);

  /* A second mesh that joins the Bulk-enabled profile fixes it. */
  ferry_service_mesh_set_name (mesh2, "mesh-2");
  ferry_service_mesh_set_services (mesh2, all_services);
  ferry_service_mesh_add_member (mesh2, "cp-src2", "onprem-cp-2", "e-src", "src", TRUE);
  ferry_service_mesh_add_member (mesh2, "cp-dst", "avs-cp", "e-dst", "dst", FALSE);
  g_list_store_append (p.meshes, mesh2);
  report = evaluate (&p, FALSE);
  g_assert_true (ferry_prereq_report_all_available (report));
  g_clear_object (&report);
  pair_clear (&p);

  /* Two destination profiles, neither with Bulk: both named. */
  pair_init (&p, NULL, "BULK_MIGRATION", NULL);
  third = profile ("cp-dst2", "avs-cp-2", "e-dst", (const char **)no_bulk);
  g_list_store_append (p.destination, third);
  report = evaluate (&p, FALSE);
  reasons = ferry_prereq_report_get_reasons (report, FERRY_MIGRATION_TYPE_BULK);
  g_assert_cmpstr (reasons[0], ==,
                   "Service “Bulk Migration” is not enabled in any destination compute profile "
                   "(“avs-cp”, “avs-cp-2”)");
  pair_clear (&p);
}

static void
test_migration_types (void)
{
  FerryMigrationType t;

  g_assert_cmpstr (ferry_migration_type_to_wire (FERRY_MIGRATION_TYPE_BULK), ==,
                   "vSphereReplication");
  g_assert_cmpstr (ferry_migration_type_to_wire (FERRY_MIGRATION_TYPE_COLD), ==, "ColdMigration");
  g_assert_cmpstr (ferry_migration_type_get_transfer_type (FERRY_MIGRATION_TYPE_VMOTION), ==,
                   "NO_OP");
  g_assert_cmpstr (ferry_migration_type_get_service (FERRY_MIGRATION_TYPE_COLD), ==, "VMOTION");
  g_assert_true (ferry_migration_type_from_wire ("RAV", &t));
  g_assert_cmpint (t, ==, FERRY_MIGRATION_TYPE_RAV);
  g_assert_false (ferry_migration_type_from_wire ("Teleport", &t));
  g_assert_false (ferry_migration_type_needs_power_on (FERRY_MIGRATION_TYPE_COLD));
  g_assert_false (ferry_migration_type_supports_schedule (FERRY_MIGRATION_TYPE_VMOTION));
  g_assert_true (ferry_migration_type_supports_schedule (FERRY_MIGRATION_TYPE_BULK));
  g_assert_cmpint (ferry_power_state_from_string ("poweredOff"), ==, FERRY_POWER_STATE_OFF);
  g_assert_cmpint (ferry_power_state_from_string ("banana"), ==, FERRY_POWER_STATE_UNKNOWN);
  g_assert_cmpstr (ferry_service_get_title ("SOMETHING_NEW"), ==, "SOMETHING_NEW");
}

static void
test_model_helpers (void)
{
  g_autoptr (FerryVm) vm = ferry_vm_new ();
  g_autoptr (FerryNic) nic = ferry_nic_new ();
  g_autoptr (FerryMigrationIntent) intent = ferry_migration_intent_new ();
  g_autoptr (FerryMigration) m = ferry_migration_new ();

  /* Unknown is -1 / UNKNOWN, never 0. */
  g_assert_cmpint (ferry_vm_get_num_cpu (vm), ==, -1);
  g_assert_cmpint (ferry_vm_get_snapshot_count (vm), ==, -1);
  g_assert_cmpint (ferry_vm_get_iso_mounted (vm), ==, FERRY_TRI_STATE_UNKNOWN);
  ferry_vm_set_hardware_version (vm, "vmx-08");
  g_assert_cmpint (ferry_vm_get_hardware_version_number (vm), ==, 8);
  ferry_vm_set_hardware_version (vm, "garbage");
  g_assert_cmpint (ferry_vm_get_hardware_version_number (vm), ==, -1);
  ferry_vm_add_nic (vm, nic);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_vm_get_nics (vm)), ==, 1);
  g_assert_true (ferry_nic_get_connected (nic));

  g_assert_true (ferry_migration_intent_get_remove_isos (intent));
  g_assert_true (ferry_migration_intent_get_retain_mac (intent));
  ferry_migration_intent_set_placement (intent, "folder", "group-v1", "A");
  ferry_migration_intent_set_placement (intent, "folder", "group-v2", "B");
  g_assert_cmpuint (ferry_migration_intent_get_n_placements (intent), ==, 1);
  g_assert_cmpstr (ferry_migration_intent_get_placement (intent, 0)->id, ==, "group-v2");
  ferry_migration_intent_set_placement (intent, "folder", NULL, NULL);
  g_assert_cmpuint (ferry_migration_intent_get_n_placements (intent), ==, 0);

  g_assert_cmpfloat (ferry_migration_get_percent (m), ==, -1.0);
  ferry_migration_set_state (m, "MIGRATION_COMPLETE");
  ferry_migration_update_finished (m);
  g_assert_true (ferry_migration_get_finished (m));
  ferry_migration_set_state (m, "BRAND_NEW_STATE");
  ferry_migration_update_finished (m);
  g_assert_false (ferry_migration_get_finished (m));
  ferry_migration_set_is_cancelled (m, TRUE);
  ferry_migration_update_finished (m);
  g_assert_true (ferry_migration_get_finished (m));
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The string-array setters (ferry_set_strv) notify only on a real change; NULL and an empty
 * array are different values. */
static void
test_strv_setters (void)
{
  g_autoptr (FerryValidationItem) item = ferry_validation_item_new ();
  g_autoptr (FerryValidationResult) result = ferry_validation_result_new ();
  const char *one[] = { "disk too large", NULL };
  const char *same[] = { "disk too large", NULL };
  const char *two[] = { "disk too large", "no network mapping", NULL };
  const char *empty[] = { NULL };
  char **before;
  guint notified = 0;

  g_signal_connect (item, "notify::errors", G_CALLBACK (count_notify), &notified);
  ferry_validation_item_set_errors (item, NULL);
  g_assert_cmpuint (notified, ==, 0);
  ferry_validation_item_set_errors (item, one);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (ferry_validation_item_get_errors (item) != one); /* a copy */
  before = (char **)ferry_validation_item_get_errors (item);
  ferry_validation_item_set_errors (item, same);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true ((char **)ferry_validation_item_get_errors (item) == before);
  ferry_validation_item_set_errors (item, ferry_validation_item_get_errors (item));
  g_assert_cmpuint (notified, ==, 1);
  ferry_validation_item_set_errors (item, two);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstrv (ferry_validation_item_get_errors (item), two);
  ferry_validation_item_set_errors (item, empty);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_nonnull (ferry_validation_item_get_errors (item));
  g_assert_true (ferry_validation_item_has_errors (item) == FALSE);
  ferry_validation_item_set_errors (item, NULL);
  g_assert_cmpuint (notified, ==, 4);
  g_assert_null (ferry_validation_item_get_errors (item));

  /* Counting adds the general messages and those of every item. */
  ferry_validation_item_set_errors (item, two);
  ferry_validation_item_set_warnings (item, one);
  ferry_validation_result_add_item (result, item);
  ferry_validation_result_set_errors (result, one);
  g_assert_cmpuint (ferry_validation_result_count_errors (result), ==, 3);
  g_assert_cmpuint (ferry_validation_result_count_warnings (result), ==, 1);
  g_assert_true (ferry_validation_result_has_errors (result));
  g_assert_true (ferry_validation_result_has_warnings (result));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core-prereq/all-available", test_all_available);
  g_test_add_func ("/core-prereq/missing-services", test_missing_services);
  g_test_add_func ("/core-prereq/several-places", test_several_places);
  g_test_add_func ("/core-prereq/no-mesh-or-profiles", test_no_mesh_or_profiles);
  g_test_add_func ("/core-prereq/several-profiles", test_several_profiles);
  g_test_add_func ("/core-prereq/migration-types", test_migration_types);
  g_test_add_func ("/core-prereq/model-helpers", test_model_helpers);
  g_test_add_func ("/core-prereq/strv-setters", test_strv_setters);

  return g_test_run ();
}
