/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-main.c: one libFuzzer binary (fuzz-ferry) for every target; FERRY_FUZZ_TARGET picks one
 * at start-up:
 *
 *   json         the HCX response body parsers (fuzz-hcx.c)
 *   vm-page      the streaming VM page parser against the json-glib one (fuzz-hcx.c)
 *   migration-page  the same for the migrations query's pages (fuzz-hcx.c)
 *   sim-request  the simulator's request parsers: JSON body, strict binding, engine (fuzz-sim.c)
 *   plan-file    the plan file loader, its round trip, and the VM name import (fuzz-plan.c)
 *
 * Seeds are in tests/fuzz/corpus/<target>. See build-aux/fuzz (long runs) and run-short.sh. */

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-private.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv);
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef void (*FuzzFunc) (const uint8_t *data, size_t size);

static const struct
{
  const char *name;
  FuzzFunc func;
} targets[] = {
  { "json", fuzz_hcx_json },
  { "vm-page", fuzz_hcx_vm_page },
  { "migration-page", fuzz_hcx_migration_page },
  { "sim-request", fuzz_sim_request },
  { "plan-file", fuzz_plan_file },
};

static FuzzFunc target_func;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  const char *target = g_getenv ("FERRY_FUZZ_TARGET");

  /* json-glib and GObject warnings on odd input are not bugs; criticals are. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  if (target == NULL)
    target = "json";
  for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_str_equal (target, targets[i].name))
      target_func = targets[i].func;
  if (target_func == NULL)
    {
      fprintf (stderr, "FERRY_FUZZ_TARGET must be json, vm-page, migration-page, sim-request or "
                       "plan-file\n");
      exit (2);
    }
  if (target_func == fuzz_sim_request)
    fuzz_sim_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  target_func (data, size);
  return 0;
}
