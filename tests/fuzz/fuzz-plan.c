/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-plan.c: the plan-file target. ferry_plan_from_json() on any bytes: a plan or a typed
 * FERRY_PLAN_STORE_ERROR with a message. A plan it loads must save and load again (what Ferry
 * wrote it must read back). The same bytes go through the VM name import of pasted or CSV text
 * (ferry_plan_parse_names), which must give valid UTF-8 names, none empty. */

#include "config.h"

#include <stdlib.h>

#include "ferry-plan-store.h"

#include "fuzz-private.h"

void
fuzz_plan_file (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) plan = ferry_plan_from_json ((const char *)data, (gssize)size, &error);
  g_auto (GStrv) names = ferry_plan_parse_names ((const char *)data, (gssize)size);

  if (plan == NULL)
    {
      if (error == NULL || error->domain != FERRY_PLAN_STORE_ERROR || error->message == NULL
          || *error->message == '\0')
        abort ();
    }
  else
    {
      gsize len = 0;
      g_autofree char *saved = ferry_plan_to_json (plan, &len);
      g_autoptr (GError) again_error = NULL;
      g_autoptr (FerryPlan) again = ferry_plan_from_json (saved, (gssize)len, &again_error);

      if (again == NULL)
        {
          g_printerr ("a loaded plan did not load again after saving: %s\n%s\n",
                      again_error->message, saved);
          abort ();
        }
    }
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (*names[i] == '\0' || !g_utf8_validate (names[i], -1, NULL))
      abort ();
}
