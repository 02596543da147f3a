/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim.c: the HCX Manager simulator over real HTTPS with a plain libsoup client. */

#include "ferry-test-sim.h"

static void
test_login (void)
{
  FerrySimThread *sim = ferry_test_sim_start (NULL);
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *token = NULL;
  guint status = 0;

  root = ferry_test_sim_request (
      sim, "POST", "/hybridity/api/sessions", NULL,
      "{\"username\":\"cloudadmin@vsphere.local\",\"password\":\"VMware1!\"}", &status, &token);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (token);
  ferry_sim_thread_stop (sim);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sim/login", test_login);
  return g_test_run ();
}
