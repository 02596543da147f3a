/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-rvtools.c: importing a 10,000-VM RVTools export (all five tabs), as a workbook and as
 * CSV files: wall time, process CPU and peak RSS of a fresh process per import.
 *
 *   bench-rvtools                       write the exports, import each in a child (3 rounds)
 *   bench-rvtools --import PATH         import PATH once and print the figures
 *   FERRY_BENCH_VMS=n                   VMs (default 10000); FERRY_BENCH_ROUNDS=n (default 3)
 *   FERRY_BENCH_KEEP=1                  keep the exports (for a profiler) and print where */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "ferry-rvtools.h"
#include "rvtools-fixture.h"

static double
cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 + ru.ru_stime.tv_sec * 1000.0
         + ru.ru_stime.tv_usec / 1000.0;
}

/* VmHWM (peak resident set) and VmRSS, in MB. */
static double
status_mb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line ? g_ascii_strtod (line + strlen (key) + 1, NULL) / 1024.0 : -1;
}

static int
import_once (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryInventoryFacts) facts = NULL;
  double rss0 = status_mb ("VmRSS:");
  gint64 t0 = g_get_monotonic_time ();
  double c0 = cpu_ms ();
  guint n_nics = 0;
  GListModel *vms;

  g_type_ensure (FERRY_TYPE_VM);
  g_type_ensure (FERRY_TYPE_NIC);
  facts = ferry_rvtools_import (&file, 1, NULL, &error);
  if (facts == NULL)
    {
      g_printerr ("import failed: %s\n", error->message);
      return 1;
    }
  vms = ferry_inventory_facts_get_vms (facts);
  for (guint i = 0; i < g_list_model_get_n_items (vms); i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);

      n_nics += ferry_vm_get_n_nics (vm);
    }
  printf ("%u %u %.1f %.1f %.1f %.1f\n", g_list_model_get_n_items (vms), n_nics,
          (g_get_monotonic_time () - t0) / 1000.0, cpu_ms () - c0, rss0, status_mb ("VmHWM:"));
  return 0;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
measure (const char *self, const char *label, const char *path, guint rounds, gsize bytes)
{
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double base = 0, peak = 0;
  guint vms = 0, nics = 0;

  for (guint r = 0; r < rounds; r++)
    {
      const char *argv[] = { self, "--import", path, NULL };
      g_autofree char *out = NULL;
      g_autoptr (GError) error = NULL;
      int status = 0;
      double w, c;

      if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("the import of %s failed: %s", path, error->message);
      if (sscanf (out, "%u %u %lf %lf %lf %lf", &vms, &nics, &w, &c, &base, &peak) != 6)
        g_error ("unexpected output: %s", out);
      g_array_append_val (wall, w);
      g_array_append_val (cpu, c);
    }
  g_array_sort (wall, cmp_double);
  g_array_sort (cpu, cmp_double);
  printf ("%-28s %6u VMs %6u NICs  %5.1f MB on disk  wall %7.1f ms  CPU %7.1f ms  "
          "RSS %5.1f MB before, peak %5.1f MB (medians of %u, last peak)\n",
          label, vms, nics, bytes / 1e6, g_array_index (wall, double, rounds / 2),
          g_array_index (cpu, double, rounds / 2), base, peak, rounds);
}

static gsize
tree_size (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  gsize total = 0;
  GStatBuf st;

  if (dir == NULL)
    return g_stat (path, &st) == 0 ? (gsize)st.st_size : 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_stat (child, &st) == 0)
        total += st.st_size;
    }
  return total;
}

int
main (int argc, char *argv[])
{
  const char *vms_env = g_getenv ("FERRY_BENCH_VMS");
  const char *rounds_env = g_getenv ("FERRY_BENCH_ROUNDS");
  guint n_vms = vms_env ? (guint)atoi (vms_env) : 10000;
  guint rounds = rounds_env ? MAX (1, atoi (rounds_env)) : 3;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *xlsx = NULL, *xlsx_inline = NULL, *csv = NULL, *csv_semi = NULL, *cmd = NULL;
  g_autoptr (RvFixture) fx = NULL;
  RvCsvOptions semi = { ';', TRUE, TRUE };
  gint64 t0;

  if (argc == 3 && strcmp (argv[1], "--import") == 0)
    return import_once (argv[2]);

  dir = g_dir_make_tmp ("ferry-bench-rvtools-XXXXXX", NULL);
  xlsx = g_build_filename (dir, "estate.xlsx", NULL);
  xlsx_inline = g_build_filename (dir, "estate-inline.xlsx", NULL);
  csv = g_build_filename (dir, "csv", NULL);
  csv_semi = g_build_filename (dir, "csv-semicolon", NULL);
  t0 = g_get_monotonic_time ();
  fx = rv_fixture_new ();
  rv_fixture_add_estate (fx, n_vms);
  rv_fixture_write_xlsx (fx, xlsx, RV_DIALECT_WORKBOOK, FALSE);
  rv_fixture_write_xlsx (fx, xlsx_inline, RV_DIALECT_CSV, TRUE);
  rv_fixture_write_csv (fx, csv, "RVTools_tab", RV_DIALECT_CSV, NULL);
  rv_fixture_write_csv (fx, csv_semi, "RVTools_tab", RV_DIALECT_WORKBOOK, &semi);
  printf ("# %u-VM export (vInfo, vNetwork, vSnapshot, vCD, vTools, vMetaData) written in %.1f s\n",
          n_vms, (g_get_monotonic_time () - t0) / 1e6);

  measure (self, "xlsx (shared strings)", xlsx, rounds, tree_size (xlsx));
  measure (self, "xlsx (inline strings)", xlsx_inline, rounds, tree_size (xlsx_inline));
  measure (self, "CSV folder (comma)", csv, rounds, tree_size (csv));
  measure (self, "CSV folder (semicolon, BOM)", csv_semi, rounds, tree_size (csv_semi));

  if (g_strcmp0 (g_getenv ("FERRY_BENCH_KEEP"), "1") == 0)
    {
      printf ("# exports kept in %s\n", dir);
      return 0;
    }
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  return system (cmd) == 0 ? 0 : 1;
}
