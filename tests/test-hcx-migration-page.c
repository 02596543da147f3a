/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hcx-migration-page.c: the streaming parser of the migrations query against the
 * json-glib one (ferry_hcx_json_to_migration ()): on hand-written pages, on thousands of
 * mangled ones, and on what the simulator answers as migrations move through their states. */

#include "config.h"

#include "ferry-hcx-json.h"
#include "tracker-test-common.h"

#define GB ((gint64)1 << 30)

static gboolean
objects_equal (GObject *a, GObject *b)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;

      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &va);
      g_object_get_property (b, specs[i]->name, &vb);
      if (g_param_values_cmp (specs[i], &va, &vb) != 0)
        {
          g_test_message ("property %s differs", specs[i]->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
migrations_equal (FerryMigration *a, FerryMigration *b)
{
  GListModel *ea = ferry_migration_get_events (a);
  GListModel *eb = ferry_migration_get_events (b);

  if (!objects_equal (G_OBJECT (a), G_OBJECT (b))
      || g_list_model_get_n_items (ea) != g_list_model_get_n_items (eb))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (ea); i++)
    {
      g_autoptr (GObject) x = g_list_model_get_item (ea, i);
      g_autoptr (GObject) y = g_list_model_get_item (eb, i);

      if (!objects_equal (x, y))
        {
          g_test_message ("event %u differs", i);
          return FALSE;
        }
    }
  return TRUE;
}

/* Returns whether the fast parser accepted @json; if it did, asserts it agrees with the tree. */
static gboolean
check_fast_vs_tree (const char *json, gsize len)
{
  g_autoptr (GPtrArray) fast = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GBytes) bytes = g_bytes_new (json, len);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) tree = NULL;
  JsonArray *items;
  guint n_items = 0;
  gint64 total = -1;

  if (!ferry_hcx_json_parse_migration_page_fast (json, len, fast, &n_items, &total))
    {
      g_assert_cmpuint (fast->len, ==, 0);
      return FALSE;
    }
  root = ferry_hcx_json_parse (bytes, "hcx.example", NULL);
  if (root == NULL)
    g_error ("fast parser accepted what json-glib rejects: %.*s", (int)MIN (len, 300), json);
  items = ferry_hcx_json_find_items (root);
  g_assert_nonnull (items);
  g_assert_cmpuint (n_items, ==, json_array_get_length (items));
  g_assert_cmpint (total, ==, ferry_hcx_json_find_total (root));
  tree = ferry_hcx_json_to_array (root, (FerryHcxJsonItemFunc)ferry_hcx_json_to_migration, "h",
                                  NULL);
  g_assert_nonnull (tree);
  g_assert_cmpuint (fast->len, ==, tree->len);
  for (guint i = 0; i < fast->len; i++)
    if (!migrations_equal (g_ptr_array_index (fast, i), g_ptr_array_index (tree, i)))
      g_error ("migration %u differs between the parsers in: %.*s", i, (int)MIN (len, 600), json);
  return TRUE;
}

static const char *pages[] = {
  /* the simulator's shape: numbers as strings here and there, unknown members, the log */
  "{\"data\":{\"items\":[{\"migrationId\":\"m-1\",\"migrationGroupId\":\"g-1\","
  "\"migrationType\":\"BULK\",\"state\":\"TRANSFER_IN_PROGRESS\",\"username\":\"admin\","
  "\"creationDate\":1700000000000,\"lastUpdated\":\"1700000005000\",\"entity\":{\"entityId\":"
  "\"vm-1\",\"entityName\":\"web-01\",\"entityType\":\"VirtualMachine\"},\"source\":{"
  "\"endpointId\":\"src\",\"endpointName\":\"On-prem\",\"resourceName\":\"Cluster-A\"},"
  "\"destination\":{\"endpointId\":\"dst\",\"endpointName\":\"AVS\",\"resourceName\":\"C-1\"},"
  "\"transferParams\":{\"transferType\":\"BULK\",\"longRecovery\":false},\"switchoverParams\":{"
  "\"switchoverType\":\"BULK\",\"schedule\":{\"startTime\":1700000100000,\"expiryTime\":"
  "\"1700000200000\"},\"options\":{\"removeSnapshots\":true}},\"placement\":[{\"x\":1}],"
  "\"progress\":{\"startTime\":1700000001000,\"endTime\":-1,\"message\":\"Copying\","
  "\"isDone\":false,\"didFail\":false,\"isCancelled\":\"false\",\"percentComplete\":12.5,"
  "\"total\":{\"value\":\"21474836480\",\"bytesTransferred\":2684354560},\"state\":{"
  "\"status\":\"TRANSFER_IN_PROGRESS\",\"message\":\"Copying\",\"errorMessage\":null,"
  "\"isTransferProgress\":true,\"isSwitchoverProgress\":false,\"isWaitingForMaintWindow\":"
  "false},\"log\":[{\"status\":\"VALIDATED\",\"message\":\"ok\",\"errorMessage\":null,"
  "\"lastUpdated\":1700000000000,\"bytesTransferred\":0,\"totalBytes\":21474836480},"
  "{\"status\":\"TRANSFER_QUEUED\",\"message\":\"q\",\"lastUpdated\":\"1700000000500\","
  "\"bytesTransferred\":\"0\",\"totalBytes\":1.5e3}]}}],\"paging\":{\"pageSize\":200,"
  "\"skipCount\":0,\"totalSize\":1}}}",
  /* bare envelope, fallbacks: id, entityId at the top, name, state from progress.state,
   * percent from the top level, non-objects in the lists */
  "{\"items\":[{\"id\":42,\"entityId\":7,\"entity\":{\"id\":\"e\",\"name\":\"n\"},"
  "\"percentComplete\":\"33.3\",\"progress\":{\"state\":{\"status\":\"MIGRATION_COMPLETE\"},"
  "\"total\":{\"value\":0,\"bytesTransferred\":5},\"log\":[1,null,{},{\"status\":5}]}},"
  "{\"migrationId\":\"m-2\",\"entity\":\"not an object\",\"progress\":null},7,\"x\",[],{}],"
  "\"paging\":{\"totalCount\":\"6\"}}",
  /* duplicates (the last wins, a repeated object starts empty), odd values everywhere */
  "{\"data\":{\"totalSize\":3,\"items\":[{\"migrationId\":\"a\",\"migrationId\":\"b\","
  "\"state\":\"X\",\"progress\":{\"isDone\":true,\"log\":[{\"status\":\"s\"}],\"total\":{"
  "\"value\":10,\"bytesTransferred\":20}},\"progress\":{\"didFail\":\"yes\",\"percentComplete\":"
  "\"abc\"},\"switchoverParams\":{\"schedule\":{\"startTime\":5}},\"switchoverParams\":{},"
  "\"entity\":{\"entityId\":\"x\"},\"entity\":{\"entityName\":\"y\"},\"creationDate\":1.5,"
  "\"lastUpdated\":1e300,\"username\":[\"u\"],\"migrationGroupId\":true},"
  "{\"migrationId\":\"c\",\"progress\":{\"percentComplete\":250,\"isCancelled\":1,\"state\":"
  "{\"isWaitingForMaintWindow\":\"true\",\"status\":\"MIGRATE_CANCELED\"},\"state\":7},"
  "\"state\":null},{\"migrationId\":\"d\",\"percentComplete\":-3,\"progress\":{"
  "\"percentComplete\":\" 7 \",\"log\":{\"not\":\"an array\"}}}]}}",
  /* escapes, non-ASCII, escaped keys */
  "{\"items\":[{\"migrati\\u006fnId\":\"m-\\u00e9\",\"entity\":{\"entityName\":\"caf\\u00e9 "
  "\\ud83d\\ude00 Gr\xc3\xbc\xc3\x9f"
  "e\"},\"progress\":{\"message\":\"a\\\"b\\\\c\\/d\\n\",\"log\":[{\"message\":\"\\t\"}]}}]}",
};

static void
test_pages (void)
{
  static const char *rejected[] = {
    "",
    "<html></html>",
    "[{\"migrationId\":\"m\"}]",
    "{\"data\":[{\"migrationId\":\"m\"}]}",
    "{\"items\":[],\"data\":{\"items\":[]}}",
    "{\"items\":[{\"migrationId\":\"m\"}]} x",
    "{\"items\":[{\"migrationId\":01}]}",
    "{\"items\":[{\"migrationId\":\"\\ud800\"}]}",
    "{\"items\":[{\"progress\":{\"log\":[{\"status\":\"a\",}]}}]}",
    "{\"success\":false,\"errors\":[{\"message\":\"no\"}]}",
    "{\"items\":[{\"migrationId\":\"\xff\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_true (check_fast_vs_tree (pages[i], strlen (pages[i])));
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    g_assert_false (check_fast_vs_tree (rejected[i], strlen (rejected[i])));
}

static void
test_mangled (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  static const char junk[] = "{}[]\",:0123456789.-eEtruefalsenull \\u/x";
  guint accepted = 0;

  for (guint round = 0; round < 4000; round++)
    {
      const char *page = pages[round % G_N_ELEMENTS (pages)];
      gsize len = strlen (page);
      g_autofree char *copy = g_strdup (page);
      guint n = g_rand_int_range (rand, 1, 3);

      for (guint m = 0; m < n; m++)
        copy[g_rand_int_range (rand, 0, (gint32)len)]
            = junk[g_rand_int_range (rand, 0, (gint32)sizeof junk - 1)];
      if (round % 7 == 0)
        len = g_rand_int_range (rand, 0, (gint32)len);
      accepted += check_fast_vs_tree (copy, len);
    }
  g_test_message ("%u mangled pages accepted and identical", accepted);
  g_assert_cmpuint (accepted, >, 100);
}

/* Digest of each migration's log, by id: what a tracker holding @held tells the reader. */
static GHashTable *
known_of (GPtrArray *held)
{
  GHashTable *known = ferry_migration_log_digests_new ();

  for (guint i = 0; i < held->len; i++)
    ferry_migration_log_digests_add (known, g_ptr_array_index (held, i));
  return known;
}

static GPtrArray *
parse_known (const char *json, GHashTable *known)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = 0;
  gint64 total = -1;

  g_assert_true (ferry_hcx_json_parse_migration_page_known (json, strlen (json), known, out,
                                                            &n_items, &total));
  return out;
}

static guint
n_events (FerryMigration *m)
{
  return g_list_model_get_n_items (ferry_migration_get_events (m));
}

/* Told which logs the caller holds, the reader leaves out the events of those that did not
 * change, and only those: every other field as before; a changed log, a log under another
 * digest, or a log before the migration's id are read; update_from () keeps the held events
 * for an omitted log and takes the new ones otherwise. */
static void
test_known_logs (void)
{
  g_autoptr (GPtrArray) held = parse_known (pages[0], NULL);
  g_autoptr (GHashTable) known = known_of (held);
  g_autoptr (GPtrArray) again = parse_known (pages[0], known);
  g_autofree char *changed_json
      = replace_once (pages[0], "\"message\":\"ok\"", "\"message\":\"OK\"");
  g_autoptr (GPtrArray) changed = parse_known (changed_json, known);
  FerryMigration *h = g_ptr_array_index (held, 0);
  static const char late_id[]
      = "{\"items\":[{\"progress\":{\"log\":[{\"status\":\"s\"},{\"status\":\"t\"}]},"
        "\"migrationId\":\"m-9\"}]}";
  g_autoptr (GPtrArray) late = parse_known (late_id, NULL);
  g_autoptr (GHashTable) late_known = known_of (late);
  g_autoptr (GPtrArray) late_again = parse_known (late_id, late_known);
  guint64 wrong = ferry_migration_get_log_digest (g_ptr_array_index (late, 0)) ^ 1;
  g_autoptr (GPtrArray) late_wrong = NULL;
  g_autoptr (GPtrArray) none = NULL;

  /* Unchanged: no events, the digest, every property the same. */
  g_assert_cmpuint (n_events (h), ==, 2);
  g_assert_cmpuint (ferry_migration_get_log_digest (h), !=, 0);
  g_assert_false (ferry_migration_get_log_omitted (h));
  g_assert_true (ferry_migration_get_log_omitted (g_ptr_array_index (again, 0)));
  g_assert_cmpuint (n_events (g_ptr_array_index (again, 0)), ==, 0);
  g_assert_cmpuint (ferry_migration_get_log_digest (g_ptr_array_index (again, 0)), ==,
                    ferry_migration_get_log_digest (h));
  g_assert_true (objects_equal (G_OBJECT (h), g_ptr_array_index (again, 0)));
  ferry_migration_update_from (h, g_ptr_array_index (again, 0));
  g_assert_cmpuint (n_events (h), ==, 2);

  /* Changed: read, and the same as the tree parser's. */
  g_assert_false (ferry_migration_get_log_omitted (g_ptr_array_index (changed, 0)));
  g_assert_cmpuint (ferry_migration_get_log_digest (g_ptr_array_index (changed, 0)), !=,
                    ferry_migration_get_log_digest (h));
  g_assert_true (check_fast_vs_tree (changed_json, strlen (changed_json)));
  ferry_migration_update_from (h, g_ptr_array_index (changed, 0));
  g_assert_cmpuint (n_events (h), ==, 2);
  {
    g_autoptr (FerryMigrationEvent) first
        = g_list_model_get_item (ferry_migration_get_events (h), 0);

    g_assert_cmpstr (ferry_migration_event_get_message (first), ==, "OK");
  }
  g_assert_cmpuint (ferry_migration_get_log_digest (h), ==,
                    ferry_migration_get_log_digest (g_ptr_array_index (changed, 0)));

  /* The log before the id: skipped, then left out or read once the id is known. */
  g_assert_cmpuint (n_events (g_ptr_array_index (late, 0)), ==, 2);
  g_assert_true (ferry_migration_get_log_omitted (g_ptr_array_index (late_again, 0)));
  g_hash_table_insert (late_known, g_strdup ("m-9"), g_memdup2 (&wrong, sizeof wrong));
  late_wrong = parse_known (late_id, late_known);
  g_assert_false (ferry_migration_get_log_omitted (g_ptr_array_index (late_wrong, 0)));
  g_assert_cmpuint (n_events (g_ptr_array_index (late_wrong, 0)), ==, 2);

  /* Every page of the hand-written ones: told of its own logs, the same but for the events. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GPtrArray) first = parse_known (pages[i], NULL);
      g_autoptr (GHashTable) k = known_of (first);
      g_autoptr (GPtrArray) second = parse_known (pages[i], k);

      g_assert_cmpuint (first->len, ==, second->len);
      for (guint j = 0; j < first->len; j++)
        {
          FerryMigration *a = g_ptr_array_index (first, j);
          FerryMigration *b = g_ptr_array_index (second, j);
          gboolean held_log = ferry_migration_get_migration_id (a) != NULL
                              && g_hash_table_contains (k, ferry_migration_get_migration_id (a));

          g_assert_true (objects_equal (G_OBJECT (a), G_OBJECT (b)));
          g_assert_cmpuint (ferry_migration_get_log_digest (a), ==,
                            ferry_migration_get_log_digest (b));
          /* Duplicate ids ("b" once, but a page may repeat one): the last log decides. */
          g_assert_true (ferry_migration_get_log_omitted (b) == held_log);
          g_assert_cmpuint (n_events (b), ==, held_log ? 0 : n_events (a));
        }
    }

  /* No log: no digest, nothing left out. */
  none = parse_known ("{\"items\":[{\"migrationId\":\"x\",\"progress\":{}}]}", known);
  g_assert_cmpuint (ferry_migration_get_log_digest (g_ptr_array_index (none, 0)), ==, 0);
  g_assert_false (ferry_migration_get_log_omitted (g_ptr_array_index (none, 0)));
}

static GListModel *
refresh (TtWorld *w, const char *const *groups, GHashTable *known)
{
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *model;

  ferry_hcx_client_refresh_migrations_async (w->client, NULL, groups, known, NULL, tt_got_result,
                                             &r);
  model = ferry_hcx_client_query_migrations_finish (w->client, tt_wait (&r), &error);
  g_assert_no_error (error);
  return model;
}

static GListModel *
query (TtWorld *w, const char *const *groups)
{
  g_autoptr (GAsyncResult) r = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *model;

  ferry_hcx_client_query_migrations_async (w->client, NULL, groups, NULL, NULL, tt_got_result, &r);
  model = ferry_hcx_client_query_migrations_finish (w->client, tt_wait (&r), &error);
  g_assert_no_error (error);
  return model;
}

/* The client parses the simulator's pages with the streaming parser, FERRY_HCX_TREE_PARSER=1
 * with json-glib: the same migrations, field by field and event by event, in every state
 * (the clock stands still between the two queries), with known and with unknown state names. */
static void
test_simulator (void)
{
  FerrySimOptions opts = { .n_vms = 400 };
  TtWorld *w = tt_world_new (&opts);
  g_autofree char *group = tt_start_wave (w, 60, 100 * GB, 30, NULL);
  const char *groups[] = { group, NULL };
  guint compared = 0, omitted = 0, read = 0;
  g_autoptr (GPtrArray) held = NULL;

  for (guint step = 0; step < 12; step++)
    {
      g_autoptr (GListModel) fast = NULL;
      g_autoptr (GListModel) tree = NULL;

      if (step == 6)
        tt_ctl (w, "POST", "/__sim/quirks", "{\"unknownStates\":true}");
      fast = query (w, groups);
      /* What a tracker holds, refreshed with the logs it has named: the same as the tree. */
      if (held == NULL)
        {
          held = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < g_list_model_get_n_items (fast); i++)
            g_ptr_array_add (held, g_list_model_get_item (fast, i));
        }
      else
        {
          g_autoptr (GHashTable) known = known_of (held);
          g_autoptr (GListModel) fresh = refresh (w, groups, known);

          g_assert_cmpuint (g_list_model_get_n_items (fresh), ==, held->len);
          for (guint i = 0; i < held->len; i++)
            {
              g_autoptr (FerryMigration) f = g_list_model_get_item (fresh, i);
              FerryMigration *h = g_ptr_array_index (held, i);

              g_assert_cmpstr (ferry_migration_get_migration_id (f), ==,
                               ferry_migration_get_migration_id (h));
              if (ferry_migration_get_log_omitted (f))
                omitted++;
              else
                read++;
              ferry_migration_update_from (h, f);
            }
        }
      g_setenv ("FERRY_HCX_TREE_PARSER", "1", TRUE);
      tree = query (w, groups);
      g_unsetenv ("FERRY_HCX_TREE_PARSER");
      g_assert_cmpuint (g_list_model_get_n_items (fast), ==, 60);
      g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 60);
      for (guint i = 0; i < 60; i++)
        {
          g_autoptr (FerryMigration) a = g_list_model_get_item (fast, i);
          g_autoptr (FerryMigration) b = g_list_model_get_item (tree, i);

          if (!migrations_equal (a, b))
            g_error ("step %u: migration %s differs between the parsers", step,
                     ferry_migration_get_migration_id (a));
          if (!migrations_equal (g_ptr_array_index (held, i), b))
            g_error ("step %u: migration %s as held differs from the tree parser's", step,
                     ferry_migration_get_migration_id (a));
          compared += g_list_model_get_n_items (ferry_migration_get_events (a)) > 1;
        }
      tt_advance (w, 600);
    }
  /* The migrations moved: their logs grew; most refreshes left an unchanged log out. */
  g_assert_cmpuint (compared, >, 60);
  g_test_message ("refreshed: %u logs left out, %u read", omitted, read);
  g_assert_cmpuint (read, >, 60);
  g_assert_cmpuint (omitted, >, read);
  tt_world_free (w);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/hcx-migration-page/pages", test_pages);
  g_test_add_func ("/hcx-migration-page/mangled", test_mangled);
  g_test_add_func ("/hcx-migration-page/known-logs", test_known_logs);
  g_test_add_func ("/hcx-migration-page/simulator", test_simulator);
  return g_test_run ();
}
