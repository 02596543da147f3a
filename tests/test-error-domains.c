/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-error-domains.c: every GError domain carries its real name ("ferry-hcx-error-quark"),
 * the name a user sees in a log and a developer greps for. A formatter once turned the names
 * into "ferry - hcx - error - quark"; this keeps them honest. Add each new domain here. */

#include "config.h"

#include "ferry-connection-session.h"
#include "ferry-connection.h"
#include "ferry-credential-store.h"
#include "ferry-hcx-error.h"
#include "ferry-plan-store.h"
#include "ferry-plan.h"

static void
test_domain_names (void)
{
  const struct
  {
    GQuark quark;
    const char *name;
  } domains[] = {
    { FERRY_CONNECTION_ERROR, "ferry-connection-error-quark" },
    { FERRY_HCX_ERROR, "ferry-hcx-error-quark" },
    { FERRY_CONNECTION_SESSION_ERROR, "ferry-connection-session-error-quark" },
    { FERRY_CREDENTIAL_ERROR, "ferry-credential-error-quark" },
    { FERRY_PLAN_ERROR, "ferry-plan-error-quark" },
    { FERRY_PLAN_STORE_ERROR, "ferry-plan-store-error-quark" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      g_assert_cmpuint (domains[i].quark, !=, 0);
      g_assert_cmpstr (g_quark_to_string (domains[i].quark), ==, domains[i].name);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/error-domains/names", test_domain_names);
  return g_test_run ();
}
