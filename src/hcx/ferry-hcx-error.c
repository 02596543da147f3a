/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-error.c: the FERRY_HCX_ERROR domain. */

#include "ferry-hcx-error.h"

/* The quark name is a string, not an expression: keep clang-format off it. */
/* clang-format off */
G_DEFINE_QUARK (ferry-hcx-error-quark, ferry_hcx_error)
/* clang-format on */
