/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-floor.h: running a floor program (../shared/floors) beside Ferry in the same benchmark
 * run, and the figures both print ("process CPU 123.4 ms", "peak RSS 40.1 MB", …).
 *
 * The floors are found in $FERRY_FLOORS_DIR, else in the build tree's floors/ directory next
 * to tests/ (`ninja -C build floors` builds them there). Header-only: each benchmark is one
 * executable. */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The floors directory, or NULL (and a line saying the comparison is skipped) when @program
 * is not built there. */
static inline char *
bench_floor_path (const char *program)
{
  const char *env = g_getenv ("FERRY_FLOORS_DIR");
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  char *path;

  if (env != NULL)
    dir = g_strdup (env);
  else if (exe != NULL)
    {
      g_autofree char *tests = g_path_get_dirname (exe);
      g_autofree char *build = g_path_get_dirname (tests);

      dir = g_build_filename (build, "floors", NULL);
    }
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, program, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("# floor %s is not built (looked in %s): comparison SKIPPED; build the floors "
               "with `ninja -C <build> floors` (needs libyajl-dev)\n",
               program, dir);
      g_free (path);
      return NULL;
    }
  return path;
}

/* The number after @label in @text ("process CPU " → 123.4), or -1. */
static inline double
bench_figure (const char *text, const char *label)
{
  const char *p = text != NULL ? strstr (text, label) : NULL;

  if (p == NULL)
    return -1;
  p += strlen (label);
  while (*p == ' ')
    p++;
  return g_ascii_strtod (p, NULL);
}

/* Runs @argv, returns stdout+stderr (NULL on failure, with a line saying so). */
static inline char *
bench_run_env (char **argv, char **envp)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_print ("# %s failed: %s\n%s%s", argv[0], error->message, out ? out : "", err ? err : "");
      return NULL;
    }
  return g_strconcat (out, err, NULL);
}

static inline char *
bench_run (char **argv)
{
  return bench_run_env (argv, NULL);
}

static int
bench_cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Median, min and max of the @n values (sorted in place); -1 when there are none. */
static inline double
bench_median (double *v, guint n, double *min, double *max)
{
  if (n == 0)
    {
      *min = *max = -1;
      return -1;
    }
  qsort (v, n, sizeof *v, bench_cmp_double);
  *min = v[0];
  *max = v[n - 1];
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* "label: Ferry 123.4 unit (101.0-130.2), floor 100.0 unit (...): 1.23x (goal <= 1.20x)"; plain
 * ASCII, as g_print () in the C locale turns anything else into "?". */
static inline void
bench_compare (const char *label, const char *unit, double *ferry, guint n_ferry, double *floor,
               guint n_floor, double goal)
{
  double fmin, fmax, lmin, lmax;
  double f = bench_median (ferry, n_ferry, &fmin, &fmax);
  double l = bench_median (floor, n_floor, &lmin, &lmax);

  if (n_floor == 0 || l <= 0)
    {
      g_print ("%s: Ferry %.1f %s (%.1f-%.1f, %u runs); floor not measured, comparison "
               "SKIPPED\n",
               label, f, unit, fmin, fmax, n_ferry);
      return;
    }
  if (goal >= G_MAXDOUBLE)
    g_print ("%s: Ferry %.1f %s (%.1f-%.1f), floor %.1f %s (%.1f-%.1f), %u+%u runs: %.2fx (no "
             "goal)\n",
             label, f, unit, fmin, fmax, l, unit, lmin, lmax, n_ferry, n_floor, f / l);
  else
    g_print ("%s: Ferry %.1f %s (%.1f-%.1f), floor %.1f %s (%.1f-%.1f), %u+%u runs: "
             "%.2fx (goal <= %.2fx) %s\n",
             label, f, unit, fmin, fmax, l, unit, lmin, lmax, n_ferry, n_floor, f / l, goal,
             f / l <= goal ? "MET" : "NOT MET");
}
