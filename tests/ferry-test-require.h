/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a test needs from around it (a display, a keyring, a tool). Under the test script
 * (build-aux/test and CI set FERRY_TEST_STRICT=1, and FERRY_TEST_DISPLAY_READY=1 for their Xvfb)
 * something missing is a failure, never a pass by skipping; in a developer's plain `meson test`
 * it is a skip that says what is missing. See tests/README.md. */
#pragma once

#include <glib.h>

G_GNUC_UNUSED static gboolean
ferry_test_strict (void)
{
  return g_strcmp0 (g_getenv ("FERRY_TEST_STRICT"), "1") == 0
         || g_strcmp0 (g_getenv ("FERRY_TEST_DISPLAY_READY"), "1") == 0;
}

G_GNUC_UNUSED static void
ferry_test_missing_cb (gconstpointer data)
{
  const char *what = data;

  if (ferry_test_strict ())
    g_test_fail_printf ("%s; under the test script (FERRY_TEST_STRICT=1) that is a failure", what);
  else
    g_test_skip_printf ("%s", what);
}

/* Runs the suite as one case at @path that fails (strict) or skips, saying @what is missing.
 * For main(): `return ferry_test_run_missing ("/window/display", "…");` */
G_GNUC_UNUSED static int
ferry_test_run_missing (const char *path, const char *what)
{
  g_printerr ("%s\n", what);
  g_test_add_data_func (path, what, ferry_test_missing_cb);
  return g_test_run ();
}

/* The message for a display that gtk_init_check() could not open. */
#define FERRY_TEST_NO_DISPLAY                                                                      \
  "no display: gtk_init_check() failed (DISPLAY=“%s”); tests/run-test.sh starts Xvfb when "    \
  "xvfb-run is installed (apt-get install xvfb xauth)"

G_GNUC_UNUSED static int
ferry_test_run_no_display (const char *path)
{
  g_autofree char *what = g_strdup_printf (FERRY_TEST_NO_DISPLAY, g_getenv ("DISPLAY") ?: "");
  int status = ferry_test_run_missing (path, what);

  return status;
}

/* How much longer than normal a test may wait for something, under the setups that slow every
 * allocation down: the timeout multipliers of the asan (6) and valgrind (10) setups. */
G_GNUC_UNUSED static gint64
ferry_test_time_factor (void)
{
  if (g_getenv ("FERRY_TEST_WRAPPER") != NULL && *g_getenv ("FERRY_TEST_WRAPPER") != '\0')
    return 10;
  if (g_getenv ("FERRY_TEST_ASAN") != NULL)
    return 6;
  return 1;
}
