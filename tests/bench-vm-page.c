/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-vm-page.c: the VM page parser alone, beside the floor's yajl stream parse of the same
 * pages (`floor_load stream DIR`, ../shared/floors), in the same run.
 *
 * The simulator's pages of 1,000 VMs are saved as files; then both programs, each in a fresh
 * process, read them and build the VM objects into one GListStore: process CPU (alternating
 * runs, medians) and, under callgrind when valgrind is installed, the instructions of the parse
 * itself (floor: page_stream (); Ferry: parse_pages (), the same work: parse, build, splice).
 *
 *   bench-vm-page                  the comparison (10 pages for CPU, 2 for instructions)
 *   bench-vm-page --parse DIR      parse the pages in DIR once (what the comparison runs)
 *   bench-vm-page --save DIR N     save N pages of the simulator's VMs into DIR
 *   FERRY_BENCH_ROUNDS=n           CPU rounds (default 5) */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "ferry-hcx-json.h"
#include "ferry-test-sim.h"
#include "bench-floor.h"

static double
cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 + ru.ru_stime.tv_sec * 1000.0
         + ru.ru_stime.tv_usec / 1000.0;
}

static int
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char **)a, *(char **)b);
}

/* What the floor's page_stream () does for one page: parse, objects, splice. Not inlined, so
 * that callgrind can count it alone. */
G_GNUC_NO_INLINE static guint
parse_pages (const char *data, gsize len, GListStore *store)
{
  g_autoptr (GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = 0;
  gint64 total = -1;

  if (!ferry_hcx_json_parse_vm_page_fast (data, len, vms, &n_items, &total))
    g_error ("the streaming parser refused a simulator page");
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, vms->pdata,
                       vms->len);
  return vms->len;
}

static int
parse_dir (const char *dir_name)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (dir_name, 0, NULL);
  g_autoptr (GListStore) store = g_list_store_new (FERRY_TYPE_VM);
  const char *name;
  double c0, t_parse = 0;
  guint total = 0;

  if (dir == NULL)
    return 1;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir_name, name, NULL));
  g_ptr_array_sort (files, cmp_str);
  g_type_ensure (FERRY_TYPE_NIC);
  c0 = cpu_ms ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *data = NULL;
      gsize len;
      double p0;

      if (!g_file_get_contents (files->pdata[i], &data, &len, NULL))
        return 1;
      p0 = cpu_ms ();
      total += parse_pages (data, len, store);
      t_parse += cpu_ms () - p0;
    }
  printf ("Ferry parser %6u VMs: process CPU %8.1f ms (parse+objects+splice %.1f)\n", total,
          cpu_ms () - c0, t_parse);
  return 0;
}

/* Saves the simulator's VM pages (1,000 VMs each) into @dir, as json-glib writes them. */
static void
save_pages (FerrySimThread *sim, const char *dir, guint n_pages)
{
  g_autofree char *token = NULL;
  g_autoptr (JsonNode) login = NULL;
  guint status = 0;

  login = ferry_test_sim_request (sim, "POST", "/hybridity/api/sessions", NULL,
                                  "{\"username\":\"cloudadmin@vsphere.local\","
                                  "\"password\":\"VMware1!\"}",
                                  &status, &token);
  g_assert_nonnull (token);
  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *body = g_strdup_printf (
          "{\"filter\":{\"cloud\":{\"local\":true}},\"paging\":{\"skipCount\":%u,"
          "\"pageSize\":1000}}",
          i * 1000);
      g_autoptr (JsonNode) page
          = ferry_test_sim_request (sim, "POST", "/hybridity/api/service/inventory/virtualmachines",
                                    token, body, &status, NULL);
      g_autofree char *json = json_to_string (page, FALSE);
      g_autofree char *file = g_strdup_printf ("%s/page-%03u.json", dir, i);

      g_assert_cmpuint (status, ==, 200);
      g_file_set_contents (file, json, -1, NULL);
    }
}

/* Instructions counted by callgrind in @function, or -1. */
static double
callgrind (char **argv, const char *function, const char *tmp)
{
  g_autofree char *out_file = g_build_filename (tmp, "callgrind.out", NULL);
  g_autofree char *out_arg = g_strconcat ("--callgrind-out-file=", out_file, NULL);
  g_autofree char *toggle = g_strconcat ("--toggle-collect=", function, NULL);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) full = NULL;
  g_autofree char *out = NULL;

  g_strv_builder_add_many (b, "valgrind", "--tool=callgrind", out_arg, toggle, NULL);
  g_strv_builder_addv (b, (const char **)argv);
  full = g_strv_builder_end (b);
  full[0] = g_find_program_in_path ("valgrind") ?: full[0];
  out = bench_run (full);
  g_unlink (out_file);
  return bench_figure (out, "Collected :");
}

int
main (int argc, char *argv[])
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *floor = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_autofree char *valgrind = g_find_program_in_path ("valgrind");
  FerrySimOptions opts = { .n_vms = 10000 };
  FerrySimThread *sim;
  const char *rounds_env = g_getenv ("FERRY_BENCH_ROUNDS");
  guint rounds = rounds_env != NULL ? (guint)CLAMP (atoi (rounds_env), 1, 16) : 5;
  double ferry_cpu[16], floor_cpu[16];
  guint n_ferry = 0, n_floor = 0;

  if (argc == 3 && strcmp (argv[1], "--parse") == 0)
    return parse_dir (argv[2]);
  if (argc == 4 && strcmp (argv[1], "--save") == 0)
    {
      guint n_pages = (guint)CLAMP (atoi (argv[3]), 1, 1000);

      opts.n_vms = n_pages * 1000;
      sim = ferry_test_sim_start (&opts);
      save_pages (sim, argv[2], n_pages);
      ferry_sim_thread_stop (sim);
      return 0;
    }

  tmp = g_dir_make_tmp ("ferry-bench-vm-page-XXXXXX", NULL);
  big = g_build_filename (tmp, "10", NULL);
  small = g_build_filename (tmp, "2", NULL);
  sim = ferry_test_sim_start (&opts);
  save_pages (sim, big, 10);
  save_pages (sim, small, 2);
  ferry_sim_thread_stop (sim);

  floor = bench_floor_path ("floor_load");
  for (guint i = 0; i < rounds; i++)
    {
      char *ferry_argv[] = { self, "--parse", big, NULL };
      char *floor_argv[] = { floor, "stream", big, NULL };
      g_autofree char *a = floor != NULL ? bench_run (floor_argv) : NULL;
      g_autofree char *b = bench_run (ferry_argv);

      g_print ("%s%s", a ? a : "", b ? b : "");
      if (bench_figure (a, "(CPU") > 0)
        floor_cpu[n_floor++] = bench_figure (a, "(CPU");
      if (bench_figure (b, "process CPU") > 0)
        ferry_cpu[n_ferry++] = bench_figure (b, "process CPU");
    }
  bench_compare ("VM page parser, 10,000 VMs from files, process CPU", "ms", ferry_cpu, n_ferry,
                 floor_cpu, n_floor, 1.2);

  if (valgrind == NULL)
    g_print ("# valgrind is not installed: instruction counts SKIPPED\n");
  else
    {
      char *ferry_argv[] = { self, "--parse", small, NULL };
      char *floor_argv[] = { floor, "stream", small, NULL };
      double fi = callgrind (ferry_argv, "parse_pages", tmp);
      double li = floor != NULL ? callgrind (floor_argv, "page_stream", tmp) : -1;

      bench_compare ("VM page parser, 2,000 VMs, instructions (callgrind), millions", "M",
                     (double[]){ fi / 1e6 }, fi > 0, (double[]){ li / 1e6 }, li > 0, 1.2);
    }
  {
    char *cmd[] = { "rm", "-rf", tmp, NULL };

    g_free (bench_run ((char **)cmd));
  }
  return 0;
}
