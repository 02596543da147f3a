/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-private.h: the targets of the fuzzing binary (fuzz-main.c picks one). */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* fuzz-hcx.c: the client's response parsers */
void
fuzz_hcx_json (const uint8_t *data, size_t size);
void
fuzz_hcx_vm_page (const uint8_t *data, size_t size);
void
fuzz_hcx_migration_page (const uint8_t *data, size_t size);

/* fuzz-sim.c: the simulator's request parsers */
void
fuzz_sim_init (void);
void
fuzz_sim_request (const uint8_t *data, size_t size);

/* fuzz-plan.c: the plan file loader and the VM name import */
void
fuzz_plan_file (const uint8_t *data, size_t size);
