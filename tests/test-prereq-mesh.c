/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-prereq-mesh.c: the prerequisite check's service mesh must join the local compute profile
 * with a compute profile of the chosen remote site, matched by endpoint as well as by id (ids
 * are unique only within one HCX Manager). */

#include "config.h"

#include <string.h>

#include "ferry-compute-profile.h"
#include "ferry-prereq.h"
#include "ferry-service-mesh.h"

static const char *all_services[]
    = { "INTERCONNECT",          "WANOPT", "VMOTION", "BULK_MIGRATION", "RAV", "NETWORK_EXTENSION",
        "OS_ASSISTED_MIGRATION", NULL };

static FerryComputeProfile *
profile (const char *id, const char *name, const char *endpoint)
{
  FerryComputeProfile *cp = ferry_compute_profile_new ();

  ferry_compute_profile_set_id (cp, id);
  ferry_compute_profile_set_name (cp, name);
  ferry_compute_profile_set_endpoint_id (cp, endpoint);
  ferry_compute_profile_set_services (cp, all_services);
  return cp;
}

static GListModel *
profiles (FerryComputeProfile *cp)
{
  GListStore *store = g_list_store_new (FERRY_TYPE_COMPUTE_PROFILE);

  g_list_store_append (store, cp);
  return G_LIST_MODEL (store);
}

/* One mesh: the local site (e-local) with the first remote site (e-avs1). */
static GListModel *
first_pair_mesh (void)
{
  GListStore *store = g_list_store_new (FERRY_TYPE_SERVICE_MESH);
  g_autoptr (FerryServiceMesh) mesh = ferry_service_mesh_new ();

  ferry_service_mesh_set_id (mesh, "sm-1");
  ferry_service_mesh_set_name (mesh, "onprem-to-avs1");
  ferry_service_mesh_set_services (mesh, all_services);
  ferry_service_mesh_add_member (mesh, "cp-local", "onprem-cp", "e-local", "onprem", TRUE);
  ferry_service_mesh_add_member (mesh, "cp-remote", "avs-cp", "e-avs1", "avs1", FALSE);
  g_list_store_append (store, mesh);
  return G_LIST_MODEL (store);
}

static void
assert_no_mesh (FerryPrereqReport *report)
{
  GListModel *entries = ferry_prereq_report_get_entries (report);

  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  g_assert_false (ferry_prereq_report_all_available (report));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (FerryPrereqEntry) entry = g_list_model_get_item (entries, i);
      const char *const *reasons = ferry_prereq_entry_get_reasons (entry);

      g_assert_false (ferry_prereq_entry_get_available (entry));
      g_assert_cmpuint (g_strv_length ((char **)reasons), ==, 1);
      g_assert_nonnull (strstr (reasons[0], "No service mesh joins"));
    }
}

/* The second remote site's profile has the same id as the first one's (another manager): the
 * only mesh joins the first site, so nothing is available towards the second. */
static void
test_second_site_same_profile_id (void)
{
  g_autoptr (FerryComputeProfile) local = profile ("cp-local", "onprem-cp", "e-local");
  g_autoptr (FerryComputeProfile) first = profile ("cp-remote", "avs-cp", "e-avs1");
  g_autoptr (FerryComputeProfile) second = profile ("cp-remote", "avs-cp", "e-avs2");
  g_autoptr (GListModel) source = profiles (local);
  g_autoptr (GListModel) to_first = profiles (first);
  g_autoptr (GListModel) to_second = profiles (second);
  g_autoptr (GListModel) meshes = first_pair_mesh ();
  g_autoptr (FerryPrereqReport) ok = NULL;
  g_autoptr (FerryPrereqReport) wrong = NULL;

  ok = ferry_prereq_evaluate (source, to_first, meshes, "e-local", "e-avs1", TRUE);
  g_assert_true (ferry_prereq_report_all_available (ok));

  wrong = ferry_prereq_evaluate (source, to_second, meshes, "e-local", "e-avs2", TRUE);
  assert_no_mesh (wrong);
}

/* Real compute profiles may carry no endpoint id: the side's endpoint decides. */
static void
test_profiles_without_endpoint (void)
{
  g_autoptr (FerryComputeProfile) local = profile ("cp-local", "onprem-cp", NULL);
  g_autoptr (FerryComputeProfile) remote = profile ("cp-remote", "avs-cp", NULL);
  g_autoptr (GListModel) source = profiles (local);
  g_autoptr (GListModel) destination = profiles (remote);
  g_autoptr (GListModel) meshes = first_pair_mesh ();
  g_autoptr (FerryPrereqReport) ok = NULL;
  g_autoptr (FerryPrereqReport) wrong = NULL;
  g_autoptr (FerryPrereqReport) unknown = NULL;

  ok = ferry_prereq_evaluate (source, destination, meshes, "e-local", "e-avs1", FALSE);
  g_assert_true (ferry_prereq_report_all_available (ok));

  wrong = ferry_prereq_evaluate (source, destination, meshes, "e-local", "e-avs2", FALSE);
  assert_no_mesh (wrong);

  /* Nothing says where the profiles are: the ids alone decide, as before. */
  unknown = ferry_prereq_evaluate (source, destination, meshes, NULL, NULL, FALSE);
  g_assert_true (ferry_prereq_report_all_available (unknown));
}

/* A mesh whose members name no endpoint still matches by profile id. */
static void
test_mesh_without_endpoints (void)
{
  g_autoptr (FerryComputeProfile) local = profile ("cp-local", "onprem-cp", "e-local");
  g_autoptr (FerryComputeProfile) remote = profile ("cp-remote", "avs-cp", "e-avs1");
  g_autoptr (GListModel) source = profiles (local);
  g_autoptr (GListModel) destination = profiles (remote);
  g_autoptr (GListStore) meshes = g_list_store_new (FERRY_TYPE_SERVICE_MESH);
  g_autoptr (FerryServiceMesh) mesh = ferry_service_mesh_new ();
  g_autoptr (FerryPrereqReport) report = NULL;

  ferry_service_mesh_set_services (mesh, all_services);
  ferry_service_mesh_add_member (mesh, "cp-local", "onprem-cp", NULL, NULL, TRUE);
  ferry_service_mesh_add_member (mesh, "cp-remote", "avs-cp", NULL, NULL, FALSE);
  g_list_store_append (meshes, mesh);
  report = ferry_prereq_evaluate (source, destination, G_LIST_MODEL (meshes), "e-local", "e-avs1",
                                  FALSE);
  g_assert_true (ferry_prereq_report_all_available (report));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prereq-mesh/second-site-same-profile-id", test_second_site_same_profile_id);
  g_test_add_func ("/prereq-mesh/profiles-without-endpoint", test_profiles_without_endpoint);
  g_test_add_func ("/prereq-mesh/mesh-without-endpoints", test_mesh_without_endpoints);

  return g_test_run ();
}
