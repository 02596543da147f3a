/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hcx-paging.c: the VM list ends exactly, whatever the VM count and page size: counts
 * that fill exactly one, two or three pages, with a total from the server and without one (as a
 * real HCX Manager may send none), each finishing with the right count. An off-by-one in the
 * end-of-paging comparison makes the load wait forever for a page it never asks for; the waits
 * here are bounded, so that fails the test instead of hanging it. And servers that ignore
 * paging: the simulator's ignorePaging fault, for the VM list and the migrations query. */

#include "config.h"

#include <string.h>

#include "hcx-test-util.h"

#define N_VMS 240
#define VM_PATH HCX_TEST_API "/service/inventory/virtualmachines"

typedef struct
{
  guint calls;
  guint items;
  gint64 total;
} Progress;

static void
on_progress (guint pages, guint items, gint64 total, gpointer user_data)
{
  Progress *p = user_data;

  p->calls++;
  g_assert_cmpuint (pages, ==, p->calls);
  p->items = items;
  p->total = total;
}

static GListModel *
load (FerryHcxClient *client, Progress *p, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_list_vms_async (client, NULL, on_progress, p, NULL, NULL, hcx_test_got_result,
                                   &r);
  return ferry_hcx_client_list_vms_finish (client, hcx_test_wait (&r, 20), error);
}

static void
test_exact_pages (void)
{
  /* Totals on (the "with total" cases need them), whatever the run's default. */
  FerrySimOptions opts = { .n_vms = N_VMS, .real_omissions = -1 };
  FerrySimThread *sim = ferry_test_sim_start (&opts);
  g_autoptr (FerryHcxClient) client = hcx_test_client_new (ferry_sim_thread_get_url (sim),
                                                           ferry_sim_thread_get_fingerprint (sim));
  g_autoptr (GError) error = NULL;

  g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  /* One page in flight first: no speculative request, so the server sees exactly the pages
   * (with two, a speculative one may still arrive after the load has finished). */
  for (guint in_flight = 1; in_flight <= 2; in_flight++)
    for (guint with_total = 0; with_total < 2; with_total++)
      for (guint n_pages = 1; n_pages <= 3; n_pages++)
        {
          g_autoptr (GListModel) vms = NULL;
          g_autofree char *flight = g_strdup_printf ("%u", in_flight);
          Progress p = { 0 };
          gint64 before = hcx_test_sim_requests (sim, VM_PATH);
          guint page_size = N_VMS / n_pages;

          g_test_message ("%u pages of %u, %s total, %u in flight", n_pages, page_size,
                          with_total ? "with" : "without", in_flight);
          if (!with_total)
            g_setenv ("FERRY_HCX_IGNORE_TOTAL", "1", TRUE);
          g_setenv ("FERRY_HCX_PAGES_IN_FLIGHT", flight, TRUE);
          ferry_hcx_client_set_page_size (client, page_size);
          vms = load (client, &p, &error);
          g_unsetenv ("FERRY_HCX_IGNORE_TOTAL");
          g_unsetenv ("FERRY_HCX_PAGES_IN_FLIGHT");
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (vms), ==, N_VMS);
          g_assert_cmpuint (p.items, ==, N_VMS);
          g_assert_cmpint (p.total, ==, with_total ? N_VMS : -1);
          /* With a total the pages it fills; without, one empty page more says the end. */
          g_assert_cmpuint (p.calls, ==, n_pages + (with_total ? 0 : 1));
          if (in_flight == 1)
            g_assert_cmpint (hcx_test_sim_requests (sim, VM_PATH) - before, ==, p.calls);
        }
  g_clear_object (&client);
  ferry_sim_thread_stop (sim);
}

/* The simulator's server that ignores paging: every page is the first. */
static void
test_ignored_paging (void)
{
  HcxWorld *w = hcx_test_world_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) intents = hcx_test_world_intents (w, 0, 3);
  g_autoptr (FerryValidationResult) vr = NULL;

  /* VMs, with the total: an error, in a bounded number of requests. */
  {
    g_autoptr (GListModel) vms = NULL;
    gint64 before = hcx_test_sim_requests (w->sim, VM_PATH);

    hcx_test_sim_fault (w->sim, "{\"path\":\"/service/inventory/virtualmachines\","
                                "\"ignorePaging\":true}");
    ferry_hcx_client_set_page_size (w->client, 50);
    vms = hcx_test_list_vms (w->client, 20, &error);
    g_assert_null (vms);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
    g_clear_error (&error);
    /* At most the four pages the total allows (two in flight), and a resend or two that
     * libsoup may make of a safe request on a connection that closed. */
    g_assert_cmpint (hcx_test_sim_requests (w->sim, VM_PATH) - before, <=, 6);
  }

  /* The migrations query, pages of 2 for 3 migrations: the second page repeats the first. */
  vr = hcx_test_start (w->client, G_LIST_MODEL (intents), 30, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GListModel) m = NULL;
    gint64 before = hcx_test_sim_requests (w->sim, HCX_TEST_API "/migrations");

    hcx_test_sim_fault (w->sim, "{\"path\":\"/migrations\",\"ignorePaging\":true}");
    ferry_hcx_client_set_page_size (w->client, 2);
    m = hcx_test_query (w->client, NULL, 20, &error);
    g_assert_null (m);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
    g_clear_error (&error);
    g_assert_cmpint (hcx_test_sim_requests (w->sim, HCX_TEST_API "/migrations") - before, ==, 2);
  }
  hcx_test_world_free (w);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcx-paging/exact-pages", test_exact_pages);
  g_test_add_func ("/hcx-paging/ignored-paging", test_ignored_paging);
  return g_test_run ();
}
