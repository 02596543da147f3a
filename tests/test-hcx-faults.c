/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hcx-faults.c: the fault matrix. Every public call of FerryHcxClient × every kind of fault
 * the simulator can inject (plus an expired session, a failing re-login and a rotated
 * certificate). Each cell asserts a typed FERRY_HCX_ERROR or a correct success, within a bound
 * on time; for start and group creation, also that the simulator holds exactly what the client
 * reported (every VM started once or not at all, one group or none). Cells run in several
 * workers at once, each with its own simulator, client and main context: 8 by default,
 * FERRY_TEST_FAULT_WORKERS=N for N (the asan and valgrind setups use 2, so that the short
 * per-call timeouts, scaled by the sanitizer's factor, are not missed on a 2-core machine). */

#include "config.h"

#include <string.h>

#include "ferry-test-require.h"
#include "hcx-test-util.h"

#define DEFAULT_WORKERS 8
#define MAX_WORKERS 32
/* Seconds: a cell that takes longer fails the test. The slowest take ~4.5 s; the margin is for
 * a machine under heavy load. */
#define CELL_BOUND (40 * slow)
/* Seconds: the client's timeout for the call of a cell whose fault is about time (short, so that
 * "latency past timeout" and a stalled body are timeouts), and for every other call, the cells'
 * set-up and restore included (a loaded machine under ASan must not fail those). */
#define CALL_TIMEOUT (1 * slow)
#define SETUP_TIMEOUT (30 * slow)
/* Seconds: how long a reconcile waits for a server that may still be acting. It must outlast the
 * fault's settleMs where there is one (and the latency past the call's timeout); elsewhere it only
 * sets how long "not confirmed" takes to say, so it is kept shorter there. */
#define RECONCILE_TIMEOUT (2 * slow)
#define SETTLE_RECONCILE_TIMEOUT (4 * slow)

/* Under valgrind and ASan everything is slower: so are the client's timeouts, the faults'
 * delays and the bound on a cell's time, by the same factor (ferry_test_time_factor (): 6 under
 * ASan, 10 under valgrind), so that each cell still tests what it names. */
static guint slow = 1;

/* The start barrier: no worker runs a cell before every worker has built its world (simulator,
 * client, a first start). Building a world is the heaviest part under a sanitizer; without the
 * barrier the first cells' timed calls compete with the other workers' set-up for the cores. */
static struct
{
  GMutex lock;
  GCond cond;
  guint waiting;
  guint total;
} barrier;

static void
barrier_wait (void)
{
  g_mutex_lock (&barrier.lock);
  barrier.waiting++;
  if (barrier.waiting == barrier.total)
    g_cond_broadcast (&barrier.cond);
  while (barrier.waiting < barrier.total)
    g_cond_wait (&barrier.cond, &barrier.lock);
  g_mutex_unlock (&barrier.lock);
}

static guint
n_workers (void)
{
  const char *env = g_getenv ("FERRY_TEST_FAULT_WORKERS");
  guint64 n = DEFAULT_WORKERS;

  if (env != NULL && *env != '\0'
      && (!g_ascii_string_to_unsigned (env, 10, 1, MAX_WORKERS, &n, NULL)))
    g_error ("FERRY_TEST_FAULT_WORKERS=%s: give a number of workers from 1 to %d", env,
             MAX_WORKERS);
  return (guint)n;
}

typedef enum
{
  CALL_LOGIN,
  CALL_SITES,
  CALL_RESOURCE_CONTAINERS,
  CALL_VMS,
  CALL_NETWORKS,
  CALL_CONTAINERS,
  CALL_DATASTORES,
  CALL_STORAGE_PROFILES,
  CALL_COMPUTE_PROFILES,
  CALL_MESHES,
  CALL_PREREQUISITES,
  CALL_VALIDATE,
  CALL_START,
  CALL_QUERY,
  CALL_CANCEL,
  CALL_FORCE_CANCEL,
  CALL_GROUP_CREATE,
  CALL_GROUP_START,
  CALL_GROUP_ARCHIVE,
  CALL_GROUP_SCHEDULE,
  CALL_JOB,
  N_CALLS
} Call;

static const char *const call_names[N_CALLS] = {
  "login",    "sites",   "rc",     "vms",    "networks", "containers", "datastores",
  "profiles", "compute", "meshes", "prereq", "validate", "start",      "query",
  "cancel",   "force",   "group+", "group>", "archive",  "schedule",   "job",
};

/* Special faults, done through the control API rather than /__sim/faults. */
#define EXPIRE "expire"
#define EXPIRE_RELOGIN_FAILS "expire+relogin-fails"
#define ROTATE "rotate"

/* timed: the fault is about time (a latency, a stall), so the cell's call gets the short
 * CALL_TIMEOUT; the others get SETUP_TIMEOUT, so that a busy machine (a sanitizer on 2 cores)
 * cannot turn a fault that costs no time into a timeout. */
static const struct
{
  const char *name;
  const char *json;
  gboolean timed;
} faults[] = {
  { "none", NULL },
  { "latency 300 ms", "{\"path\":\"*\",\"latencyMs\":300,\"count\":1}", TRUE },
  { "latency past timeout", "{\"path\":\"*\",\"latencyMs\":1500,\"count\":1}", TRUE },
  { "slow answer, settling",
    "{\"path\":\"*\",\"latencyAfterMs\":1500,\"settleMs\":2000,"
    "\"count\":1}",
    TRUE },
  { "503", "{\"path\":\"*\",\"status\":503,\"count\":1}" },
  { "500", "{\"path\":\"*\",\"status\":500,\"count\":1}" },
  { "400", "{\"path\":\"*\",\"status\":400,\"count\":1}" },
  { "403", "{\"path\":\"*\",\"status\":403,\"count\":1}" },
  { "404", "{\"path\":\"*\",\"status\":404,\"count\":1}" },
  { "drop", "{\"path\":\"*\",\"drop\":true,\"count\":1}" },
  { "drop after acting", "{\"path\":\"*\",\"dropAfter\":true,\"count\":1}" },
  { "reset mid-body", "{\"path\":\"*\",\"reset\":true,\"count\":1}" },
  { "stalled body", "{\"path\":\"*\",\"stall\":true,\"count\":1}", TRUE },
  { "truncated", "{\"path\":\"*\",\"truncate\":true,\"count\":1}" },
  { "malformed", "{\"path\":\"*\",\"malformed\":true,\"count\":1}" },
  { "HTML 200", "{\"path\":\"*\",\"html\":true,\"count\":1}" },
  { "HTML 502", "{\"path\":\"*\",\"html\":true,\"status\":502,\"count\":1}" },
  { "2nd request 503", "{\"path\":\"*\",\"status\":503,\"nth\":2,\"count\":1}" },
  { "3rd request dropped", "{\"path\":\"*\",\"drop\":true,\"nth\":3,\"count\":1}" },
  { "paging ignored", "{\"path\":\"*\",\"ignorePaging\":true}" },
  { "session expired", EXPIRE },
  { "re-login fails", EXPIRE_RELOGIN_FAILS },
  { "certificate rotated", ROTATE },
};

static gboolean
settles (guint f)
{
  return faults[f].json != NULL && strstr (faults[f].json, "settleMs") != NULL;
}

typedef struct
{
  guint call;
  guint fault;
  char outcome[24]; /* "ok", "ok*" (reconciled) or the error code */
  double seconds;   /* the call alone */
  double total;     /* the cell: its set-up, the call, the checks and the restore */
} Cell;

typedef struct
{
  GPtrArray *cells; /* Cell*, not owned */
  HcxWorld *w;
  guint next_vm;
  char *job_id;
  char *job_group;
} Worker;

static GListStore *
take_intents (Worker *k, guint n)
{
  GListStore *intents = hcx_test_world_intents (k->w, k->next_vm, n);

  k->next_vm += n;
  return intents;
}

static gboolean
scale_ms (const GMatchInfo *match, GString *result, gpointer user_data)
{
  g_autofree char *name = g_match_info_fetch (match, 1);
  g_autofree char *value = g_match_info_fetch (match, 2);

  g_string_append_printf (result, "\"%s\":%" G_GUINT64_FORMAT, name,
                          g_ascii_strtoull (value, NULL, 10) * slow);
  return FALSE;
}

static void
apply_fault (Worker *k, guint f, Call call)
{
  const char *json = faults[f].json;
  g_autofree char *scaled = NULL;
  g_autofree char *aimed = NULL;

  if (json == NULL)
    return;
  if (g_str_equal (json, EXPIRE) || g_str_equal (json, EXPIRE_RELOGIN_FAILS))
    {
      g_autoptr (JsonNode) r
          = ferry_test_sim_control (k->w->sim, "POST", "/__sim/expire-sessions", NULL);

      if (g_str_equal (json, EXPIRE_RELOGIN_FAILS))
        hcx_test_sim_fault (k->w->sim, "{\"path\":\"/sessions\",\"drop\":true}");
    }
  else if (g_str_equal (json, ROTATE))
    {
      g_autoptr (JsonNode) r
          = ferry_test_sim_control (k->w->sim, "POST", "/__sim/certificate/rotate", NULL);
    }
  else
    {
      g_autoptr (GRegex) ms
          = g_regex_new ("\"(latencyMs|latencyAfterMs|settleMs)\":([0-9]+)", 0, 0, NULL);

      scaled = g_regex_replace_eval (ms, json, -1, 0, 0, scale_ms, NULL, NULL);
      /* A group creation first asks which groups hold drafts of its VMs: a fault on the first
       * request would hit that query. Aim it at the creation itself, where an answer lost after
       * the server acted must be reconciled (faults on the Nth request stay where they are). */
      if (call == CALL_GROUP_CREATE && strstr (scaled, "\"nth\"") == NULL)
        {
          g_autoptr (GString) s = g_string_new (scaled);

          g_string_replace (s, "\"path\":\"*\"", "\"path\":\"/mobility/groups\"", 1);
          aimed = g_string_free (g_steal_pointer (&s), FALSE);
        }
      hcx_test_sim_fault (k->w->sim, aimed != NULL ? aimed : scaled);
    }
}

/* Back to a clean state after a cell (its faults are cleared already): logged in, pinned to the
 * current certificate (a new client after a rotation: kept-alive connections show the old one). */
static void
restore (Worker *k, guint f)
{
  g_autoptr (GError) error = NULL;

  if (faults[f].json != NULL && g_str_equal (faults[f].json, ROTATE))
    {
      g_clear_object (&k->w->client);
      k->w->client = hcx_test_world_client (k->w);
    }
  ferry_hcx_client_set_page_size (k->w->client, 300);
  if (!ferry_hcx_client_get_logged_in (k->w->client))
    {
      g_assert_true (hcx_test_login (k->w->client, HCX_TEST_PASSWORD, &error));
      g_assert_no_error (error);
    }
}

static GListModel *
list_call (FerryHcxClient *c, Call call, const char *remote, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

#define LIST(async, finish, ...)                                                                   \
  do                                                                                               \
    {                                                                                              \
      async (c, __VA_ARGS__, NULL, hcx_test_got_result, &r);                                       \
      return finish (c, hcx_test_wait (&r, CELL_BOUND), error);                                    \
    }                                                                                              \
  while (0)
  switch (call)
    {
      case CALL_RESOURCE_CONTAINERS:
        LIST (ferry_hcx_client_list_resource_containers_async,
              ferry_hcx_client_list_resource_containers_finish, FALSE);
      case CALL_NETWORKS:
        LIST (ferry_hcx_client_list_networks_async, ferry_hcx_client_list_networks_finish, remote);
      case CALL_CONTAINERS:
        LIST (ferry_hcx_client_list_containers_async, ferry_hcx_client_list_containers_finish,
              remote);
      case CALL_DATASTORES:
        LIST (ferry_hcx_client_list_datastores_async, ferry_hcx_client_list_datastores_finish,
              remote);
      case CALL_STORAGE_PROFILES:
        LIST (ferry_hcx_client_list_storage_profiles_async,
              ferry_hcx_client_list_storage_profiles_finish, remote);
      case CALL_COMPUTE_PROFILES:
        LIST (ferry_hcx_client_list_compute_profiles_async,
              ferry_hcx_client_list_compute_profiles_finish, NULL);
      default:
        break;
    }
#undef LIST
  if (call == CALL_SITES)
    {
      ferry_hcx_client_list_sites_async (c, NULL, hcx_test_got_result, &r);
      return ferry_hcx_client_list_sites_finish (c, hcx_test_wait (&r, CELL_BOUND), error);
    }
  if (call == CALL_MESHES)
    {
      ferry_hcx_client_list_service_meshes_async (c, NULL, hcx_test_got_result, &r);
      return ferry_hcx_client_list_service_meshes_finish (c, hcx_test_wait (&r, CELL_BOUND), error);
    }
  g_assert_cmpint (call, ==, CALL_VMS);
  return hcx_test_list_vms (c, CELL_BOUND, error);
}

static gboolean
bool_call (FerryHcxClient *c, Call call, const char *group, GListModel *migrations, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;
  const char *ids[] = { group, NULL };

  switch (call)
    {
      case CALL_CANCEL:
      case CALL_FORCE_CANCEL:
        ferry_hcx_client_cancel_migrations_async (c, migrations, call == CALL_FORCE_CANCEL, NULL,
                                                  hcx_test_got_result, &r);
        return ferry_hcx_client_cancel_migrations_finish (c, hcx_test_wait (&r, CELL_BOUND), error);
      case CALL_GROUP_START:
        ferry_hcx_client_start_mobility_groups_async (c, ids, NULL, hcx_test_got_result, &r);
        return ferry_hcx_client_start_mobility_groups_finish (c, hcx_test_wait (&r, CELL_BOUND),
                                                              error);
      case CALL_GROUP_ARCHIVE:
        ferry_hcx_client_archive_mobility_groups_async (c, ids, NULL, hcx_test_got_result, &r);
        return ferry_hcx_client_archive_mobility_groups_finish (c, hcx_test_wait (&r, CELL_BOUND),
                                                                error);
      case CALL_GROUP_SCHEDULE:
        ferry_hcx_client_schedule_mobility_group_async (c, group, 0, 0, TRUE, NULL,
                                                        hcx_test_got_result, &r);
        return ferry_hcx_client_schedule_mobility_group_finish (c, hcx_test_wait (&r, CELL_BOUND),
                                                                error);
      default:
        g_assert_not_reached ();
    }
  return FALSE;
}

/* Runs one cell; on success checks the result, and sets cell->outcome. */
static void
run_cell (Worker *k, Cell *cell)
{
  HcxWorld *w = k->w;
  FerryHcxClient *c;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) intents = NULL;
  g_autoptr (GListModel) migrations = NULL;
  g_autoptr (FerryMobilityGroup) group = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *group_vm = NULL; /* the VM of the group a group start starts */
  gboolean ok = FALSE;
  gboolean reconciled = FALSE;
  gboolean rejected = FALSE;
  g_autoptr (JsonNode) cleared = NULL;
  gint64 t0;
  const gint64 cell_t0 = g_get_monotonic_time ();

  {
    g_autofree char *label
        = g_strdup_printf ("%s × %s", call_names[cell->call], faults[cell->fault].name);

    hcx_test_set_label (label);
  }

  /* What the call needs, made before the fault is armed. */
  switch (cell->call)
    {
      case CALL_START:
      case CALL_VALIDATE:
        intents = take_intents (k, 2);
        break;
      case CALL_GROUP_CREATE:
        intents = take_intents (k, 2);
        group_name = g_strdup_printf ("Cell %u/%u", cell->call, cell->fault);
        break;
      case CALL_CANCEL:
      case CALL_FORCE_CANCEL:
        {
          g_autoptr (GListStore) one = take_intents (k, 1);
          g_autoptr (FerryValidationResult) vr
              = hcx_test_start (w->client, G_LIST_MODEL (one), CELL_BOUND, &error);
          const char *groups[] = { NULL, NULL };

          g_assert_no_error (error);
          groups[0] = ferry_validation_result_get_migration_group_id (vr);
          migrations = hcx_test_query (w->client, groups, CELL_BOUND, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (migrations), ==, 1);
        }
        break;
      case CALL_GROUP_START:
      case CALL_GROUP_ARCHIVE:
      case CALL_GROUP_SCHEDULE:
        {
          g_autoptr (GListStore) one = take_intents (k, 1);
          g_autoptr (FerryMigrationIntent) intent = g_list_model_get_item (G_LIST_MODEL (one), 0);

          group
              = hcx_test_create_group (w->client, "Setup", G_LIST_MODEL (one), CELL_BOUND, &error);
          g_assert_no_error (error);
          group_vm = g_strdup (ferry_migration_intent_get_entity_id (intent));
        }
        break;
      default:
        break;
    }

  apply_fault (k, cell->fault, cell->call);
  c = w->client;
  ferry_hcx_client_set_timeout (c, faults[cell->fault].timed ? CALL_TIMEOUT : SETUP_TIMEOUT);
  ferry_hcx_client_set_reconcile_timeout (c, settles (cell->fault) ? SETTLE_RECONCILE_TIMEOUT
                                                                   : RECONCILE_TIMEOUT);
  t0 = g_get_monotonic_time ();
  switch (cell->call)
    {
      case CALL_LOGIN:
        ok = hcx_test_login (c, HCX_TEST_PASSWORD, &error);
        break;
      case CALL_SITES:
      case CALL_RESOURCE_CONTAINERS:
      case CALL_VMS:
      case CALL_NETWORKS:
      case CALL_CONTAINERS:
      case CALL_DATASTORES:
      case CALL_STORAGE_PROFILES:
      case CALL_COMPUTE_PROFILES:
      case CALL_MESHES:
        {
          g_autoptr (GListModel) list = list_call (c, cell->call, w->remote_endpoint, &error);

          ok = list != NULL;
          if (ok)
            g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
          if (ok && cell->call == CALL_VMS)
            g_assert_cmpuint (g_list_model_get_n_items (list), ==,
                              g_list_model_get_n_items (w->vms));
        }
        break;
      case CALL_PREREQUISITES:
        {
          g_autoptr (GAsyncResult) r = NULL;
          g_autoptr (FerryPrereqReport) report = NULL;

          ferry_hcx_client_check_prerequisites_async (c, w->remote_endpoint, NULL,
                                                      hcx_test_got_result, &r);
          report = ferry_hcx_client_check_prerequisites_finish (c, hcx_test_wait (&r, CELL_BOUND),
                                                                &error);
          ok = report != NULL;
        }
        break;
      case CALL_VALIDATE:
        {
          g_autoptr (GAsyncResult) r = NULL;
          g_autoptr (FerryValidationResult) vr = NULL;

          ferry_hcx_client_validate_async (c, G_LIST_MODEL (intents), NULL, hcx_test_got_result,
                                           &r);
          vr = ferry_hcx_client_validate_finish (c, hcx_test_wait (&r, CELL_BOUND), &error);
          ok = vr != NULL;
          rejected = ok && ferry_validation_result_has_errors (vr);
        }
        break;
      case CALL_START:
        {
          g_autoptr (FerryValidationResult) vr
              = hcx_test_start (c, G_LIST_MODEL (intents), CELL_BOUND, &error);

          ok = vr != NULL;
          if (ok)
            {
              reconciled = ferry_validation_result_get_reconciled (vr);
              /* A refusal with the validation shape (a 400): nothing was started. */
              rejected = ferry_validation_result_has_errors (vr);
              g_assert_true (!rejected || !reconciled);
            }
          if (ok && !rejected)
            {
              GListModel *items = ferry_validation_result_get_items (vr);

              g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
              for (guint i = 0; i < 2; i++)
                {
                  g_autoptr (FerryValidationItem) item = g_list_model_get_item (items, i);

                  g_assert_nonnull (ferry_validation_item_get_migration_id (item));
                }
            }
        }
        break;
      case CALL_QUERY:
        {
          const char *groups[] = { k->job_group, NULL };
          g_autoptr (GListModel) found = hcx_test_query (c, groups, CELL_BOUND, &error);

          ok = found != NULL;
          if (ok)
            g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
        }
        break;
      case CALL_CANCEL:
      case CALL_FORCE_CANCEL:
        ok = bool_call (c, cell->call, NULL, migrations, &error);
        break;
      case CALL_GROUP_CREATE:
        {
          g_autoptr (FerryMobilityGroup) made
              = hcx_test_create_group (c, group_name, G_LIST_MODEL (intents), CELL_BOUND, &error);

          ok = made != NULL;
          if (ok)
            {
              g_assert_nonnull (ferry_mobility_group_get_id (made));
              g_assert_cmpstr (ferry_mobility_group_get_name (made), ==, group_name);
            }
        }
        break;
      case CALL_GROUP_START:
      case CALL_GROUP_ARCHIVE:
      case CALL_GROUP_SCHEDULE:
        ok = bool_call (c, cell->call, ferry_mobility_group_get_id (group), NULL, &error);
        break;
      case CALL_JOB:
        {
          g_autoptr (GAsyncResult) r = NULL;
          g_autoptr (FerryJob) job = NULL;

          ferry_hcx_client_get_job_async (c, k->job_id, NULL, hcx_test_got_result, &r);
          job = ferry_hcx_client_get_job_finish (c, hcx_test_wait (&r, CELL_BOUND), &error);
          ok = job != NULL;
          if (ok)
            g_assert_cmpstr (ferry_job_get_id (job), ==, k->job_id);
        }
        break;
      default:
        g_assert_not_reached ();
    }
  cell->seconds = (double)(g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
  ferry_hcx_client_set_timeout (c, SETUP_TIMEOUT);

  /* A typed error or a success: nothing else. */
  g_assert_true (ok == (error == NULL));
  if (!ok)
    {
      if (error->domain != FERRY_HCX_ERROR)
        g_error ("%s × %s: untyped error %s (%s)", call_names[cell->call], faults[cell->fault].name,
                 g_quark_to_string (error->domain), error->message);
      g_snprintf (cell->outcome, sizeof cell->outcome, "E%d", error->code);
    }
  else
    g_strlcpy (cell->outcome, rejected ? "rej" : reconciled ? "ok*" : "ok", sizeof cell->outcome);

  /* The simulator holds exactly what was reported. */
  cleared = ferry_test_sim_control (w->sim, "DELETE", "/__sim/faults", NULL);
  if (cell->call == CALL_START)
    {
      g_autoptr (JsonNode) state = ferry_test_sim_control (w->sim, "GET", "/__sim/state", NULL);
      JsonObject *by_entity
          = json_object_get_object_member (json_node_get_object (state), "migrationsByEntity");

      for (guint i = 0; i < 2; i++)
        {
          g_autoptr (FerryMigrationIntent) intent
              = g_list_model_get_item (G_LIST_MODEL (intents), i);
          const char *vm = ferry_migration_intent_get_entity_id (intent);
          gint64 n = json_object_has_member (by_entity, vm)
                         ? json_object_get_int_member (by_entity, vm)
                         : 0;

          if (n != (ok && !rejected ? 1 : 0))
            g_error ("start × %s: reported %s, the simulator holds %" G_GINT64_FORMAT
                     " migrations of %s",
                     faults[cell->fault].name, ok ? cell->outcome : error->message, n, vm);
        }
    }
  if (cell->call == CALL_GROUP_CREATE)
    {
      gint64 n = hcx_test_sim_count_of (w->sim, "groupsByName", group_name);

      if (n != (ok ? 1 : 0))
        g_error ("group create × %s: reported %s, the simulator holds %" G_GINT64_FORMAT " groups",
                 faults[cell->fault].name, ok ? "success" : error->message, n);
    }
  if (cell->call == CALL_GROUP_START)
    {
      /* Started: the draft became a migration. Not started: it is still a draft. */
      gint64 drafts = hcx_test_sim_count_of (w->sim, "draftsByEntity", group_vm);
      gint64 started = hcx_test_sim_count_of (w->sim, "migrationsByEntity", group_vm);

      if (drafts != (ok ? 0 : 1) || started != (ok ? 1 : 0))
        g_error ("group start × %s: reported %s, the simulator holds %" G_GINT64_FORMAT
                 " drafts and %" G_GINT64_FORMAT " migrations of %s",
                 faults[cell->fault].name, ok ? "success" : error->message, drafts, started,
                 group_vm);
    }
  /* Without a fault, and with one that costs only time, every call must succeed (the
   * simulator offers no archive). */
  if ((cell->fault <= 1) && cell->call != CALL_GROUP_ARCHIVE && (!ok || rejected))
    g_error ("%s × %s failed: %s", call_names[cell->call], faults[cell->fault].name,
             ok ? "rejected" : error->message);
  restore (k, cell->fault);
  cell->total = (double)(g_get_monotonic_time () - cell_t0) / G_USEC_PER_SEC;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *k = data;
  GMainContext *context = g_main_context_new ();
  FerrySimOptions opts = { .n_vms = 400 };

  g_main_context_push_thread_default (context);
  k->w = hcx_test_world_new (&opts);
  ferry_hcx_client_set_timeout (k->w->client, SETUP_TIMEOUT);
  ferry_hcx_client_set_reconcile_timeout (k->w->client, SETTLE_RECONCILE_TIMEOUT);
  ferry_hcx_client_set_page_size (k->w->client, 300);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GListStore) two = take_intents (k, 2);
    g_autoptr (FerryValidationResult) vr
        = hcx_test_start (k->w->client, G_LIST_MODEL (two), CELL_BOUND, &error);

    g_assert_no_error (error);
    k->job_id = g_strdup (ferry_validation_result_get_job_id (vr));
    k->job_group = g_strdup (ferry_validation_result_get_migration_group_id (vr));
    g_assert_nonnull (k->job_id);
  }
  barrier_wait ();
  for (guint i = 0; i < k->cells->len; i++)
    {
      run_cell (k, g_ptr_array_index (k->cells, i));
      /* A rotation replaced the client: keep the settings. */
      ferry_hcx_client_set_timeout (k->w->client, SETUP_TIMEOUT);
      ferry_hcx_client_set_reconcile_timeout (k->w->client, SETTLE_RECONCILE_TIMEOUT);
    }
  hcx_test_world_free (k->w);
  g_free (k->job_id);
  g_free (k->job_group);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return NULL;
}

static int
by_total_desc (gconstpointer a, gconstpointer b)
{
  const Cell *x = *(const Cell *const *)a;
  const Cell *y = *(const Cell *const *)b;

  return (x->total < y->total) - (x->total > y->total);
}

static void
test_matrix (void)
{
  const guint n_faults = G_N_ELEMENTS (faults);
  g_autofree Cell *cells = g_new0 (Cell, N_CALLS * n_faults);
  const guint workers_n = n_workers ();
  Worker workers[MAX_WORKERS] = { 0 };
  GThread *threads[MAX_WORKERS];
  gint64 t0 = g_get_monotonic_time ();
  double slowest = 0;
  const char *only = g_getenv ("FERRY_TEST_FAULT");

  /* Cells of one fault stay in one worker; the slow faults spread over the workers. */
  for (guint k = 0; k < workers_n; k++)
    workers[k].cells = g_ptr_array_new ();
  /* FERRY_TEST_FAULT=name runs one row only (for debugging; the suite runs them all). */
  for (guint f = 0; f < n_faults; f++)
    for (guint call = 0; call < N_CALLS; call++)
      {
        Cell *cell = &cells[f * N_CALLS + call];

        cell->call = call;
        cell->fault = f;
        if (only != NULL && !g_str_equal (only, faults[f].name))
          g_strlcpy (cell->outcome, "-", sizeof cell->outcome);
        else
          g_ptr_array_add (workers[(f * N_CALLS + call) % workers_n].cells, cell);
      }
  barrier.waiting = 0;
  barrier.total = workers_n;
  for (guint k = 0; k < workers_n; k++)
    threads[k] = g_thread_new ("fault-matrix", worker_thread, &workers[k]);
  for (guint k = 0; k < workers_n; k++)
    {
      g_thread_join (threads[k]);
      g_ptr_array_unref (workers[k].cells);
    }

  /* The matrix, for the log: ok, ok* (reconciled), or the FERRY_HCX_ERROR code. */
  {
    g_autoptr (GString) head = g_string_new ("                      ");

    for (guint call = 0; call < N_CALLS; call++)
      g_string_append_printf (head, " %-5.5s", call_names[call]);
    g_test_message ("%s", head->str);
  }
  for (guint f = 0; f < n_faults; f++)
    {
      g_autoptr (GString) row = g_string_new (NULL);
      double row_total = 0;

      g_string_append_printf (row, "%-22.22s", faults[f].name);
      for (guint call = 0; call < N_CALLS; call++)
        {
          Cell *cell = &cells[f * N_CALLS + call];

          g_assert_cmpstr (cell->outcome, !=, "");
          g_string_append_printf (row, " %-5s", cell->outcome);
          slowest = MAX (slowest, cell->seconds);
          row_total += cell->total;
        }
      /* Where the time goes: the row's cells, set-up and restore included. */
      g_string_append_printf (row, " %6.1f s", row_total);
      g_test_message ("%s", row->str);
    }
  {
    g_autoptr (GString) row = g_string_new ("seconds per call      ");

    for (guint call = 0; call < N_CALLS; call++)
      {
        double column = 0;

        for (guint f = 0; f < n_faults; f++)
          column += cells[f * N_CALLS + call].total;
        g_string_append_printf (row, " %-5.0f", column);
      }
    g_test_message ("%s", row->str);
  }
  {
    g_autoptr (GPtrArray) slow_cells = g_ptr_array_new ();

    for (guint i = 0; i < N_CALLS * n_faults; i++)
      g_ptr_array_add (slow_cells, &cells[i]);
    g_ptr_array_sort (slow_cells, by_total_desc);
    for (guint i = 0; i < MIN (10, slow_cells->len); i++)
      {
        const Cell *cell = g_ptr_array_index (slow_cells, i);

        g_test_message ("slow cell: %s × %s, %.1f s (the call %.1f s)", call_names[cell->call],
                        faults[cell->fault].name, cell->total, cell->seconds);
      }
  }
  g_test_message ("%u cells in %.1f s in %u workers (slowest cell %.1f s, bound %u s)",
                  N_CALLS * n_faults, (double)(g_get_monotonic_time () - t0) / G_USEC_PER_SEC,
                  workers_n, slowest, CELL_BOUND);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  slow = (guint)ferry_test_time_factor ();

  g_test_add_func ("/hcx-faults/matrix", test_matrix);
  return g_test_run ();
}
