/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hcx-reconcile.c: a start or a group creation is never misreported, whatever answer the
 * server gives (slow, lost, a proxy's 5xx page, a failed re-login); acknowledgements are
 * checked; paging always ends. Against the simulator, and against small servers of the test's
 * own where the simulator behaves too well. */

#include "config.h"

#include <string.h>

#include "hcx-test-util.h"

#define START_PATH HCX_TEST_API "/mobility/migrations/start"

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

/* A start the server carries out only after the client gave up waiting: the client keeps
 * asking, with backoff, and reports the migrations once they are there. */
static void
test_slow_start (void)
{
  HcxWorld *w = hcx_test_world_new (NULL);
  g_autoptr (GListStore) intents = hcx_test_world_intents (w, 0, 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr = NULL;

  ferry_hcx_client_set_timeout (w->client, 1);
  ferry_hcx_client_set_reconcile_timeout (w->client, 15);
  hcx_test_sim_fault (w->sim, "{\"path\":\"/mobility/migrations/start\",\"latencyMs\":2500,"
                              "\"count\":1}");
  vr = hcx_test_start (w->client, G_LIST_MODEL (intents), 30, &error);
  g_assert_no_error (error);
  g_assert_true (ferry_validation_result_get_reconciled (vr));
  g_assert_cmpuint (n_items (ferry_validation_result_get_migrations (vr)), ==, 2);
  g_assert_cmpuint (n_items (ferry_validation_result_get_items (vr)), ==, 2);
  g_assert_cmpint (hcx_test_sim_requests (w->sim, START_PATH), ==, 1);
  g_assert_cmpint (hcx_test_sim_count (w->sim, "migrations"), ==, 2);

  /* Acted at once, answer held past the client's timeout, and the migrations only show in
   * queries two seconds later (a server still settling). */
  {
    g_autoptr (GListStore) more = hcx_test_world_intents (w, 2, 3);
    g_autoptr (FerryValidationResult) settled = NULL;

    hcx_test_sim_fault (w->sim, "{\"path\":\"/mobility/migrations/start\","
                                "\"latencyAfterMs\":1500,\"settleMs\":2000,\"count\":1}");
    settled = hcx_test_start (w->client, G_LIST_MODEL (more), 30, &error);
    g_assert_no_error (error);
    g_assert_true (ferry_validation_result_get_reconciled (settled));
    g_assert_cmpuint (n_items (ferry_validation_result_get_migrations (settled)), ==, 3);
    g_assert_cmpint (hcx_test_sim_count (w->sim, "migrations"), ==, 5);
  }
  hcx_test_world_free (w);
}

/* A proxy's 502 page after the server acted: reconciled, the migrations are reported. A 503
 * before it acted: "not confirmed yet", never "nothing was started". */
static void
test_5xx_start (void)
{
  HcxWorld *w = hcx_test_world_new (NULL);
  g_autoptr (GListStore) intents = hcx_test_world_intents (w, 0, 2);
  g_autoptr (GListStore) others = hcx_test_world_intents (w, 2, 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr = NULL;
  g_autoptr (FerryValidationResult) none = NULL;

  ferry_hcx_client_set_reconcile_timeout (w->client, 2);
  hcx_test_sim_fault (w->sim, "{\"path\":\"/mobility/migrations/start\",\"html\":true,"
                              "\"status\":502,\"count\":1}");
  vr = hcx_test_start (w->client, G_LIST_MODEL (intents), 30, &error);
  g_assert_no_error (error);
  g_assert_true (ferry_validation_result_get_reconciled (vr));
  g_assert_cmpuint (n_items (ferry_validation_result_get_migrations (vr)), ==, 2);
  g_assert_cmpint (hcx_test_sim_count (w->sim, "migrations"), ==, 2);

  hcx_test_sim_fault (w->sim, "{\"path\":\"/mobility/migrations/start\",\"status\":503,"
                              "\"count\":1}");
  none = hcx_test_start (w->client, G_LIST_MODEL (others), 30, &error);
  g_assert_null (none);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_START_UNCONFIRMED);
  g_assert_nonnull (strstr (error->message, "not confirmed yet"));
  g_assert_cmpint (hcx_test_sim_count (w->sim, "migrations"), ==, 2);
  g_assert_cmpint (hcx_test_sim_requests (w->sim, START_PATH), ==, 2);
  hcx_test_world_free (w);
}

/* The session expired and logging in again failed on the network: the start was never sent
 * again, and the error says it is safe to retry (not "unconfirmed"). */
static void
test_start_relogin_failed (void)
{
  HcxWorld *w = hcx_test_world_new (NULL);
  g_autoptr (GListStore) intents = hcx_test_world_intents (w, 0, 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr = NULL;
  g_autoptr (FerryValidationResult) again = NULL;
  g_autoptr (JsonNode) r = NULL;

  ferry_hcx_client_set_reconcile_timeout (w->client, 2);
  r = ferry_test_sim_control (w->sim, "POST", "/__sim/expire-sessions", NULL);
  /* Every login fails (libsoup may retry a dropped one on its own). */
  hcx_test_sim_fault (w->sim, "{\"path\":\"/sessions\",\"drop\":true}");
  vr = hcx_test_start (w->client, G_LIST_MODEL (intents), 30, &error);
  g_assert_null (vr);
  g_test_message ("%s", error->message);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "safe to try again"));
  g_clear_error (&error);
  g_assert_cmpint (hcx_test_sim_requests (w->sim, START_PATH), ==, 1);
  g_assert_cmpint (hcx_test_sim_count (w->sim, "migrations"), ==, 0);

  /* And indeed it is. */
  g_clear_pointer (&r, json_node_unref);
  r = ferry_test_sim_control (w->sim, "DELETE", "/__sim/faults", NULL);
  g_assert_true (hcx_test_login (w->client, HCX_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  again = hcx_test_start (w->client, G_LIST_MODEL (intents), 30, &error);
  g_assert_no_error (error);
  g_assert_false (ferry_validation_result_get_reconciled (again));
  g_assert_cmpint (hcx_test_sim_count (w->sim, "migrations"), ==, 2);
  hcx_test_world_free (w);
}

/* Group creation whose answer is lost, mangled or replaced: the group that appeared is found
 * and returned, never created a second time; one lost before the server acted is "not
 * confirmed yet". */
static void
test_group_create (void)
{
  static const char *const faults[] = {
    "{\"path\":\"/mobility/groups\",\"truncate\":true,\"count\":1}",
    "{\"path\":\"/mobility/groups\",\"html\":true,\"count\":1}",
    "{\"path\":\"/mobility/groups\",\"dropAfter\":true,\"count\":1}",
    "{\"path\":\"/mobility/groups\",\"html\":true,\"status\":503,\"count\":1}",
  };
  HcxWorld *w = hcx_test_world_new (NULL);
  g_autoptr (GError) error = NULL;

  ferry_hcx_client_set_reconcile_timeout (w->client, 2);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr (GListStore) intents = hcx_test_world_intents (w, 2 * i, 2);
      g_autoptr (FerryMobilityGroup) group = NULL;
      g_autofree char *name = g_strdup_printf ("Wave %u", i + 1);

      g_test_message ("fault %s", faults[i]);
      hcx_test_sim_fault (w->sim, faults[i]);
      group = hcx_test_create_group (w->client, name, G_LIST_MODEL (intents), 30, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ferry_mobility_group_get_id (group));
      g_assert_cmpstr (ferry_mobility_group_get_name (group), ==, name);
      g_assert_cmpint (hcx_test_sim_count (w->sim, "groups"), ==, i + 1);
    }

  /* Dropped before the server acted: nothing to find, and the client does not claim either. */
  {
    g_autoptr (GListStore) intents = hcx_test_world_intents (w, 8, 2);
    g_autoptr (FerryMobilityGroup) group = NULL;

    hcx_test_sim_fault (w->sim, "{\"path\":\"/mobility/groups\",\"drop\":true,\"count\":1}");
    group = hcx_test_create_group (w->client, "Wave 5", G_LIST_MODEL (intents), 30, &error);
    g_assert_null (group);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_START_UNCONFIRMED);
    g_assert_nonnull (strstr (error->message, "not confirmed yet"));
    g_clear_error (&error);
    g_assert_cmpint (hcx_test_sim_count (w->sim, "groups"), ==, G_N_ELEMENTS (faults));
  }

  /* A second group for VMs that already have drafts in another one is still told apart. */
  {
    g_autoptr (GListStore) intents = hcx_test_world_intents (w, 0, 2);
    g_autoptr (FerryMobilityGroup) group = NULL;

    hcx_test_sim_fault (w->sim, "{\"path\":\"/mobility/groups\",\"dropAfter\":true,\"count\":1}");
    group = hcx_test_create_group (w->client, "Wave 1 again", G_LIST_MODEL (intents), 30, &error);
    g_assert_no_error (error);
    g_assert_cmpint (hcx_test_sim_count (w->sim, "groups"), ==, G_N_ELEMENTS (faults) + 1);
    g_assert_nonnull (ferry_mobility_group_get_id (group));
  }
  hcx_test_world_free (w);
}

/* An HTML page with a 200 is not "done" for cancel, force cancel and the group calls. */
static gboolean
ack (FerryHcxClient *c, const char *what, const char *id, GListModel *migrations, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;
  const char *ids[] = { id, NULL };

  if (g_str_equal (what, "cancel") || g_str_equal (what, "force"))
    {
      ferry_hcx_client_cancel_migrations_async (c, migrations, g_str_equal (what, "force"), NULL,
                                                hcx_test_got_result, &r);
      return ferry_hcx_client_cancel_migrations_finish (c, hcx_test_wait (&r, 30), error);
    }
  if (g_str_equal (what, "start"))
    {
      ferry_hcx_client_start_mobility_groups_async (c, ids, NULL, hcx_test_got_result, &r);
      return ferry_hcx_client_start_mobility_groups_finish (c, hcx_test_wait (&r, 30), error);
    }
  if (g_str_equal (what, "archive"))
    {
      ferry_hcx_client_archive_mobility_groups_async (c, ids, NULL, hcx_test_got_result, &r);
      return ferry_hcx_client_archive_mobility_groups_finish (c, hcx_test_wait (&r, 30), error);
    }
  ferry_hcx_client_schedule_mobility_group_async (c, id, 0, 0, TRUE, NULL, hcx_test_got_result, &r);
  return ferry_hcx_client_schedule_mobility_group_finish (c, hcx_test_wait (&r, 30), error);
}

static void
test_ack_shape (void)
{
  static const char *const calls[][2] = {
    { "cancel", "/mobility/migrations/cancel" },    { "force", "/mobility/migrations/forceCancel" },
    { "start", "/mobility/groups/start" },          { "archive", "/mobility/groups/archive" },
    { "schedule", "/mobility/groups/" /* + id */ },
  };
  HcxWorld *w = hcx_test_world_new (NULL);
  g_autoptr (GListStore) intents = hcx_test_world_intents (w, 0, 1);
  g_autoptr (GListStore) drafts = hcx_test_world_intents (w, 1, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryValidationResult) vr
      = hcx_test_start (w->client, G_LIST_MODEL (intents), 30, &error);
  g_autoptr (FerryMobilityGroup) group = NULL;

  g_autoptr (GListModel) started = NULL;
  const char *started_group[] = { NULL, NULL };

  g_assert_no_error (error);
  started_group[0] = ferry_validation_result_get_migration_group_id (vr);
  started = hcx_test_query (w->client, started_group, 30, &error);
  g_assert_no_error (error);
  group = hcx_test_create_group (w->client, "Ack", G_LIST_MODEL (drafts), 30, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *fault
          = g_strdup_printf ("{\"path\":\"%s%s\",\"html\":true,\"count\":1}", calls[i][1],
                             i == 4 ? ferry_mobility_group_get_id (group) : "");

      g_test_message ("%s", calls[i][0]);
      hcx_test_sim_fault (w->sim, fault);
      if (g_str_equal (calls[i][0], "start"))
        {
          /* Not taken as done either, but a group start is reconciled: the simulator started
           * the group before it sent the page, and the query shows no draft left. */
          g_autoptr (FerryMigrationIntent) draft = g_list_model_get_item (G_LIST_MODEL (drafts), 0);

          g_assert_true (
              ack (w->client, calls[i][0], ferry_mobility_group_get_id (group), started, &error));
          g_assert_no_error (error);
          g_assert_cmpint (hcx_test_sim_count_of (w->sim, "draftsByEntity",
                                                  ferry_migration_intent_get_entity_id (draft)),
                           ==, 0);
          continue;
        }
      g_assert_false (
          ack (w->client, calls[i][0], ferry_mobility_group_get_id (group), started, &error));
      g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
      g_clear_error (&error);
    }
  /* Without the fault, the same calls succeed (archive is not offered by the simulator). */
  g_assert_true (ack (w->client, "schedule", ferry_mobility_group_get_id (group), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ack (w->client, "start", ferry_mobility_group_get_id (group), NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GListStore) more = hcx_test_world_intents (w, 2, 1);
    g_autoptr (FerryValidationResult) fresh
        = hcx_test_start (w->client, G_LIST_MODEL (more), 30, &error);
    const char *groups[] = { NULL, NULL };
    g_autoptr (GListModel) running = NULL;

    g_assert_no_error (error);
    groups[0] = ferry_validation_result_get_migration_group_id (fresh);
    running = hcx_test_query (w->client, groups, 30, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_items (running), ==, 1);
    g_assert_true (ack (w->client, "cancel", NULL, running, &error));
    g_assert_no_error (error);
  }
  hcx_test_world_free (w);
}

/* Servers that do not page ------------------------------------------------------------------- */

typedef enum
{
  PAGING_IGNORE_OFFSET, /* the same first page every time, no total */
  PAGING_ENDLESS_TOTAL, /* new items on every page, a total that the pages overrun */
  PAGING_ENDLESS,       /* new items on every page, no total */
} PagingMode;

typedef struct
{
  PagingMode mode;
  guint queries;
  guint vm_requests;
} Paging;

static void
paging_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                gpointer user_data)
{
  Paging *p = user_data;
  g_autoptr (GString) body = g_string_new (NULL);

  if (g_str_equal (path, HCX_TEST_API "/sessions"))
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "x-hm-authorization", "paging-token");
  if (g_str_equal (path, HCX_TEST_API "/migrations"))
    {
      guint base = p->mode == PAGING_IGNORE_OFFSET ? 0 : p->queries * 200;

      p->queries++;
      g_string_append (body, "{\"data\":{\"items\":[");
      for (guint i = 0; i < 200; i++)
        g_string_append_printf (body, "%s{\"migrationId\":\"m-%u\",\"state\":\"VALIDATED\"}",
                                i > 0 ? "," : "", base + i);
      g_string_append (body, "]");
      if (p->mode == PAGING_ENDLESS_TOTAL)
        g_string_append (body, ",\"paging\":{\"totalSize\":450}");
      g_string_append (body, "}}");
    }
  else if (g_str_equal (path, HCX_TEST_API "/service/inventory/virtualmachines"))
    {
      /* Two VMs per page whatever the offset, and a total of five. */
      p->vm_requests++;
      g_string_append (body, "{\"data\":{\"items\":[{\"id\":\"vm-1\"},{\"id\":\"vm-2\"}],"
                             "\"paging\":{\"totalSize\":5}}}");
    }
  else
    g_string_append (body, "{}");
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body->str,
                                    body->len);
}

static void
test_paging_bounded (void)
{
  Paging p = { 0 };
  g_autofree char *url = NULL;
  g_autoptr (SoupServer) server = hcx_test_server_new (NULL, paging_handler, &p, &url);
  g_autoptr (FerryHcxClient) client = NULL;
  g_autoptr (GError) error = NULL;

  client = hcx_test_client_new (url, NULL);
  {
    g_autoptr (GTlsCertificate) c = NULL;
    g_autofree char *fp = NULL;

    g_object_get (server, "tls-certificate", &c, NULL);
    fp = ferry_hcx_fingerprint_for_certificate (c);
    ferry_hcx_client_set_pinned_fingerprint (client, fp);
  }
  g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  /* Offset ignored: the second page brings nothing new; a clear error, two requests. */
  {
    g_autoptr (GListModel) m = NULL;

    p.mode = PAGING_IGNORE_OFFSET;
    p.queries = 0;
    m = hcx_test_query (client, NULL, 30, &error);
    g_assert_null (m);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
    g_assert_nonnull (strstr (error->message, "page"));
    g_clear_error (&error);
    g_assert_cmpuint (p.queries, ==, 2);
  }

  /* A total of 450: three pages of 200 hold it; no fourth is asked for. */
  {
    g_autoptr (GListModel) m = NULL;

    p.mode = PAGING_ENDLESS_TOTAL;
    p.queries = 0;
    m = hcx_test_query (client, NULL, 30, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (p.queries, ==, 3);
    g_assert_cmpuint (n_items (m), ==, 600);
  }

  /* No total and no end: capped at 1000 pages, then a clear error. */
  {
    g_autoptr (GListModel) m = NULL;

    p.mode = PAGING_ENDLESS;
    p.queries = 0;
    m = hcx_test_query (client, NULL, 60, &error);
    g_assert_null (m);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
    g_clear_error (&error);
    g_assert_cmpuint (p.queries, ==, 1000);
  }

  /* The VM list: pages that repeat while the total says there is more: an error, not two VMs
   * passed off as the whole inventory. */
  {
    g_autoptr (GListModel) vms = NULL;

    ferry_hcx_client_set_page_size (client, 2);
    vms = hcx_test_list_vms (client, 30, &error);
    g_assert_null (vms);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
    g_clear_error (&error);
    g_assert_cmpuint (p.vm_requests, <=, 3);
  }
  soup_server_disconnect (server);
}

/* A site list answered in XML or HTML right after a successful login ------------------------ */

typedef struct
{
  guint markup_answers; /* how many of the next site lists get markup */
  const char *markup;
  guint sites_requests;
} Markup;

static void
markup_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                gpointer user_data)
{
  Markup *m = user_data;
  const char *body = "{}";
  const char *type = "application/json";

  if (g_str_equal (path, HCX_TEST_API "/sessions"))
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "x-hm-authorization", "markup-token");
  else if (g_str_equal (path, HCX_TEST_API "/cloudConfigs"))
    {
      m->sites_requests++;
      if (m->markup_answers > 0)
        {
          m->markup_answers--;
          body = m->markup;
          type = m->markup[1] == 'm' ? "application/xml" : "text/html";
        }
      else
        body = "{\"data\":{\"items\":[{\"endpointId\":\"e-1\",\"name\":\"AVS\"}]}}";
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
test_markup_after_login (void)
{
  static const char *const markups[]
      = { "<map><entry><string>items</string></entry></map>",
          "<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>" };
  Markup m = { 0 };
  g_autofree char *url = NULL;
  g_autoptr (SoupServer) server = hcx_test_server_new (NULL, markup_handler, &m, &url);
  g_autoptr (GTlsCertificate) cert = NULL;
  g_autofree char *fp = NULL;
  g_autoptr (FerryHcxClient) client = NULL;
  g_autoptr (GError) error = NULL;

  g_object_get (server, "tls-certificate", &cert, NULL);
  fp = ferry_hcx_fingerprint_for_certificate (cert);
  client = hcx_test_client_new (url, fp);
  g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (markups); i++)
    {
      g_autoptr (GListModel) sites = NULL;
      g_autoptr (GListModel) none = NULL;
      g_autoptr (GAsyncResult) r1 = NULL;
      g_autoptr (GAsyncResult) r2 = NULL;

      /* Once: asked again, and the list arrives. */
      m.markup = markups[i];
      m.markup_answers = 1;
      m.sites_requests = 0;
      ferry_hcx_client_list_sites_async (client, NULL, hcx_test_got_result, &r1);
      sites = ferry_hcx_client_list_sites_finish (client, hcx_test_wait (&r1, 30), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_items (sites), ==, 1);
      g_assert_cmpuint (m.sites_requests, ==, 2);

      /* Every time: asked twice, then an error that knows the login worked. */
      m.markup_answers = 100;
      m.sites_requests = 0;
      ferry_hcx_client_list_sites_async (client, NULL, hcx_test_got_result, &r2);
      none = ferry_hcx_client_list_sites_finish (client, hcx_test_wait (&r2, 30), &error);
      g_assert_null (none);
      g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNEXPECTED_RESPONSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "accepted the login"));
      g_assert_null (strstr (error->message, "is this the address"));
      g_assert_nonnull (strstr (error->message, url));
      g_clear_error (&error);
      g_assert_cmpuint (m.sites_requests, ==, 2);
    }
  soup_server_disconnect (server);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcx-reconcile/slow-start", test_slow_start);
  g_test_add_func ("/hcx-reconcile/5xx-start", test_5xx_start);
  g_test_add_func ("/hcx-reconcile/start-relogin-failed", test_start_relogin_failed);
  g_test_add_func ("/hcx-reconcile/group-create", test_group_create);
  g_test_add_func ("/hcx-reconcile/ack-shape", test_ack_shape);
  g_test_add_func ("/hcx-reconcile/paging-bounded", test_paging_bounded);
  g_test_add_func ("/hcx-reconcile/markup-after-login", test_markup_after_login);
  return g_test_run ();
}
