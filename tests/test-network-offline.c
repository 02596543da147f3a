/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-network-offline.c: destination networks typed in or imported with no manager: the core
 * list (duplicates, the board's destinations, mapping to them, a removed one's problem), the
 * list file (plain names, CSV name,type,vlan with a header, the semicolon dialect, a BOM,
 * quotes, CRLF, Windows-1252; bad rows refused whole), the plan file ("networks.destinations"
 * saved and loaded, older files without it), and reconciling with the manager's networks by
 * name (bound, missing with the board's problem, undo history cleared). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ferry-network-list.h"
#include "ferry-network-map-offline.h"
#include "ferry-plan-store.h"
#include "ferry-plan.h"

static FerryVm *
make_vm (const char *id, const char *name, const char *net_id, const char *net_name,
         const char *mac)
{
  FerryVm *vm = ferry_vm_new ();
  g_autoptr (FerryNic) nic = ferry_nic_new ();

  ferry_vm_set_id (vm, id);
  ferry_vm_set_name (vm, name);
  ferry_vm_set_power_state (vm, FERRY_POWER_STATE_ON);
  ferry_nic_set_label (nic, "Network adapter 1");
  ferry_nic_set_mac_address (nic, mac);
  ferry_nic_set_network_id (nic, net_id);
  ferry_nic_set_network_name (nic, net_name);
  ferry_nic_set_network_type (nic, "DistributedVirtualPortgroup");
  ferry_nic_set_connected (nic, TRUE);
  ferry_vm_add_nic (vm, nic);
  return vm;
}

static FerryNetwork *
make_net (const char *id, const char *name)
{
  FerryNetwork *n = ferry_network_new ();

  ferry_network_set_id (n, id);
  ferry_network_set_name (n, name);
  ferry_network_set_network_type (n, "NsxtSegment");
  return n;
}

/* A plan of three VMs on the source networks web, db and app. */
static FerryPlan *
make_plan (void)
{
  FerryPlan *plan = ferry_plan_new ();
  g_autoptr (FerryVm) a = make_vm ("vm-1", "web01", "net-web", "VLAN100-Web", "00:50:56:00:00:01");
  g_autoptr (FerryVm) b = make_vm ("vm-2", "db01", "net-db", "VLAN200-DB", "00:50:56:00:00:02");
  g_autoptr (FerryVm) c = make_vm ("vm-3", "app01", "net-app", "VLAN300-App", "00:50:56:00:00:03");

  ferry_plan_add_vm (plan, a);
  ferry_plan_add_vm (plan, b);
  ferry_plan_add_vm (plan, c);
  return plan;
}

static GPtrArray *
offline_list (const char *first, ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  va_list ap;

  va_start (ap, first);
  for (const char *name = first; name != NULL; name = va_arg (ap, const char *))
    g_ptr_array_add (list, ferry_network_offline_new (name, "NsxtSegment", 0));
  va_end (ap);
  return list;
}

static FerryNetwork *
dest_named (FerryNetworkMap *map, const char *name)
{
  GListModel *list = ferry_network_map_get_destinations (map);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (FerryNetwork) net = g_list_model_get_item (list, i);

      if (g_strcmp0 (ferry_network_get_name (net), name) == 0)
        return net; /* the list keeps it */
    }
  return NULL;
}

static void
map_one (FerryPlan *plan, const char *source_id, FerryNetwork *target)
{
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  FerryNetworkSource *source = ferry_network_map_lookup_source (map, source_id);

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  ferry_network_map_map (map, &source, 1, target);
}

static void
test_core (void)
{
  g_autoptr (FerryPlan) plan = make_plan ();
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (GPtrArray) list = offline_list ("web-segment", "db-segment", "WEB-SEGMENT", NULL);
  g_autoptr (GPtrArray) more = offline_list ("db-segment", "app-segment", NULL);
  g_autoptr (FerryNetwork) blank = ferry_network_offline_new ("  ", NULL, 0);
  g_autoptr (FerryNetwork) trimmed = ferry_network_offline_new ("  seg a ", NULL, 5000);
  g_autoptr (GListModel) suggestions = NULL;
  const char *type = NULL;

  g_assert_null (blank);
  g_assert_cmpstr (ferry_network_get_name (trimmed), ==, "seg a");
  g_assert_cmpstr (ferry_network_get_id (trimmed), ==, "offline:seg a");
  g_assert_cmpuint (ferry_network_get_vlan_id (trimmed), ==, 0);
  g_assert_true (ferry_network_is_offline (trimmed));
  g_assert_true (ferry_network_offline_type_from_text (" Port Group ", &type));
  g_assert_cmpstr (type, ==, "DistributedVirtualPortgroup");
  g_assert_true (ferry_network_offline_type_from_text ("segment", &type));
  g_assert_cmpstr (type, ==, "NsxtSegment");
  g_assert_true (ferry_network_offline_type_from_text ("", &type));
  g_assert_null (type);
  g_assert_false (ferry_network_offline_type_from_text ("uplink", &type));

  /* No destinations until some are typed in; then the offline list is the board's. */
  g_assert_null (ferry_network_map_get_destinations (map));
  g_assert_false (ferry_network_map_get_offline (map));
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 3);
  g_assert_cmpuint (ferry_network_map_add_offline_destinations (
                        map, (FerryNetwork *const *)list->pdata, list->len),
                    ==, 2); /* WEB-SEGMENT is web-segment */
  g_assert_true (ferry_network_map_get_offline (map));
  g_assert_true (ferry_network_map_get_destinations (map)
                 == ferry_network_map_get_offline_destinations (map));
  g_assert_cmpuint (ferry_network_map_add_offline_destinations (
                        map, (FerryNetwork *const *)more->pdata, more->len),
                    ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_offline_destinations (map)), ==,
                    3);

  /* Mapped as to any destination; auto-map suggests the typed names. */
  suggestions = ferry_network_map_suggest (map);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 3);
  map_one (plan, "net-web", dest_named (map, "web-segment"));
  map_one (plan, "net-db", dest_named (map, "db-segment"));
  map_one (plan, "net-app", dest_named (map, "app-segment"));
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);

  /* A removed one leaves its mapping with the board's problem. */
  ferry_network_map_remove_offline_destination (map, dest_named (map, "app-segment"));
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 1);
  g_assert_cmpstr (
      ferry_network_source_get_problem (ferry_network_map_lookup_source (map, "net-app")), ==,
      "app-segment is no longer on the destination");
}

static void
test_reconcile (void)
{
  g_autoptr (FerryPlan) plan = make_plan ();
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (GPtrArray) list = offline_list ("web-segment", "DB segment", "gone-segment", NULL);
  g_autoptr (GListStore) manager = g_list_store_new (FERRY_TYPE_NETWORK);
  g_autoptr (FerryNetwork) web = make_net ("seg-1", "web-segment");
  g_autoptr (FerryNetwork) db = make_net ("seg-2", "db-segment");
  g_autoptr (FerryNetwork) other = make_net ("seg-3", "other-segment");
  g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), 1);
  FerryNic *nic = ferry_vm_get_nic (ferry_plan_item_get_vm (item), 0);
  guint missing = 99;

  ferry_network_map_add_offline_destinations (map, (FerryNetwork *const *)list->pdata, list->len);
  map_one (plan, "net-web", dest_named (map, "web-segment"));
  map_one (plan, "net-app", dest_named (map, "gone-segment"));
  /* db01's NIC as an exception to "DB segment": the manager calls it db-segment. */
  ferry_network_map_set_exception (map, item, nic, dest_named (map, "DB segment"));
  g_assert_true (ferry_network_map_get_can_undo (map));
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (map), ==, 0);

  g_list_store_append (manager, web);
  g_list_store_append (manager, db);
  g_list_store_append (manager, other);
  g_assert_cmpuint (ferry_network_map_reconcile_offline (map, G_LIST_MODEL (manager), &missing), ==,
                    2);
  g_assert_cmpuint (missing, ==, 1);
  g_assert_true (ferry_network_map_get_destinations (map) == G_LIST_MODEL (manager));
  g_assert_false (ferry_network_map_get_offline (map));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_offline_destinations (map)), ==,
                    0);
  g_assert_false (ferry_network_map_get_can_undo (map));
  g_assert_true (ferry_network_source_get_target (ferry_network_map_lookup_source (map, "net-web"))
                 == web);
  g_assert_true (ferry_network_map_resolve (map, item, nic) == db);
  g_assert_cmpstr (
      ferry_network_source_get_problem (ferry_network_map_lookup_source (map, "net-app")), ==,
      "gone-segment is no longer on the destination");
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 1);

  /* A second load with nothing offline only sets the destinations, keeping the history. */
  map_one (plan, "net-app", other);
  g_assert_true (ferry_network_map_get_can_undo (map));
  g_assert_cmpuint (ferry_network_map_reconcile_offline (map, G_LIST_MODEL (manager), &missing), ==,
                    0);
  g_assert_cmpuint (missing, ==, 0);
  g_assert_true (ferry_network_map_get_can_undo (map));
  g_assert_cmpuint (ferry_network_map_get_n_problems (map), ==, 0);
}

static GPtrArray *
parse_ok (const char *text, gssize len)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = ferry_network_list_parse (text, len < 0 ? strlen (text) : (gsize)len,
                                              "networks.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

#define NET(list, i) ((FerryNetwork *)g_ptr_array_index ((list), (i)))

static void
parse_fails (const char *text, FerryNetworkListError code, const char *part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list
      = ferry_network_list_parse (text, strlen (text), "networks.csv", &error);

  g_assert_null (list);
  g_assert_error (error, FERRY_NETWORK_LIST_ERROR, (gint)code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("no “%s” in “%s”", part, error->message);
}

static void
test_list_file (void)
{
  g_autoptr (GPtrArray) plain
      = parse_ok ("web-segment\r\n\r\n# comment\n  db-segment  \nWeb-Segment\n", -1);
  g_autoptr (GPtrArray) csv = parse_ok ("\xef\xbb\xbfName,Type,VLAN\r\n"
                                        "web-segment,segment,100\r\n"
                                        "\"dmz, \"\"outer\"\"\",port group,\r\n"
                                        ",,\r\n"
                                        "\"multi\nline\",,7\r\n",
                                        -1);
  g_autoptr (GPtrArray) reordered = parse_ok ("vlan;name\n200;db-segment\n;app\n", -1);
  g_autoptr (GPtrArray) positional = parse_ok ("a-seg\tNsxtSegment\t12\nb-seg\tpg\n", -1);
  g_autoptr (GPtrArray) latin1 = parse_ok ("Stra\xdf"
                                           "e-net\nMitte\n",
                                           -1);
  /* UTF-16 with a BOM, as Excel's "Unicode text" saves. */
  g_autofree char *utf16 = NULL;
  gsize utf16_len = 0;
  g_autoptr (GPtrArray) wide = NULL;
  const char *type = NULL;

  g_assert_cmpuint (plain->len, ==, 2);
  g_assert_cmpstr (ferry_network_get_name (NET (plain, 0)), ==, "web-segment");
  g_assert_cmpstr (ferry_network_get_name (NET (plain, 1)), ==, "db-segment");
  g_assert_null (ferry_network_get_network_type (NET (plain, 0)));

  g_assert_cmpuint (csv->len, ==, 3);
  g_assert_cmpstr (ferry_network_get_name (NET (csv, 0)), ==, "web-segment");
  g_assert_cmpstr (ferry_network_get_network_type (NET (csv, 0)), ==, "NsxtSegment");
  g_assert_cmpuint (ferry_network_get_vlan_id (NET (csv, 0)), ==, 100);
  g_assert_cmpstr (ferry_network_get_name (NET (csv, 1)), ==, "dmz, \"outer\"");
  g_assert_cmpstr (ferry_network_get_network_type (NET (csv, 1)), ==,
                   "DistributedVirtualPortgroup");
  g_assert_cmpuint (ferry_network_get_vlan_id (NET (csv, 1)), ==, 0);
  g_assert_cmpstr (ferry_network_get_name (NET (csv, 2)), ==, "multi\nline");
  g_assert_cmpuint (ferry_network_get_vlan_id (NET (csv, 2)), ==, 7);

  g_assert_cmpuint (reordered->len, ==, 2);
  g_assert_cmpstr (ferry_network_get_name (NET (reordered, 0)), ==, "db-segment");
  g_assert_cmpuint (ferry_network_get_vlan_id (NET (reordered, 0)), ==, 200);
  g_assert_cmpstr (ferry_network_get_name (NET (reordered, 1)), ==, "app");

  g_assert_cmpuint (positional->len, ==, 2);
  g_assert_cmpuint (ferry_network_get_vlan_id (NET (positional, 0)), ==, 12);
  g_assert_cmpstr (ferry_network_get_network_type (NET (positional, 1)), ==,
                   "DistributedVirtualPortgroup");

  g_assert_cmpuint (latin1->len, ==, 2);
  g_assert_cmpstr (ferry_network_get_name (NET (latin1, 0)), ==, "Straße-net");

  utf16 = g_convert ("\xef\xbb\xbfseg-\xc3\xa9t\xc3\xa9\nother\n", -1, "UTF-16LE", "UTF-8", NULL,
                     &utf16_len, NULL);
  g_assert_nonnull (utf16);
  {
    g_autofree char *with_bom = g_malloc (utf16_len);

    memcpy (with_bom, utf16, utf16_len);
    wide = parse_ok (with_bom, utf16_len);
  }
  g_assert_cmpuint (wide->len, ==, 2);
  g_assert_cmpstr (ferry_network_get_name (NET (wide, 0)), ==, "seg-été");

  parse_fails ("name,type\nweb,uplink\n", FERRY_NETWORK_LIST_ERROR_BAD_ROW,
               "row 2: “uplink” is not a network type");
  parse_fails ("web,segment,4095\n", FERRY_NETWORK_LIST_ERROR_BAD_ROW,
               "row 1: the VLAN “4095” is not a number from 1 to 4094");
  parse_fails ("web,segment,ten\n", FERRY_NETWORK_LIST_ERROR_BAD_ROW, "VLAN “ten”");
  parse_fails ("web,segment\n,segment\n", FERRY_NETWORK_LIST_ERROR_BAD_ROW,
               "row 2: it has no network name");
  parse_fails ("\n\n# nothing\n", FERRY_NETWORK_LIST_ERROR_EMPTY, "names no network");
  parse_fails ("name\n", FERRY_NETWORK_LIST_ERROR_EMPTY, "names no network");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) none
        = ferry_network_list_parse ("PK\x03\x04\0\0zip", 10, "x.xlsx", &error);

    g_assert_null (none);
    g_assert_error (error, FERRY_NETWORK_LIST_ERROR, FERRY_NETWORK_LIST_ERROR_NOT_TEXT);
  }
  (void)type;
}

/* Bad input never crashes: random bytes, and random mixes of the characters that matter. */
static void
test_list_random (void)
{
  static const char alphabet[] = "ab,;\t\"\r\n #\xef\xbb\xbf\xff\xfe"
                                 "0123456789-";
  GRand *rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 2000; round++)
    {
      gsize len = g_rand_int_range (rand, 0, 300);
      g_autofree char *data = g_malloc (len + 1);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) list = NULL;

      for (gsize i = 0; i < len; i++)
        data[i] = round % 2 == 0 ? (char)g_rand_int_range (rand, 0, 256)
                                 : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      data[len] = '\0';
      list = ferry_network_list_parse (data, len, "random.csv", &error);
      g_assert_true ((list == NULL) != (error == NULL));
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          const char *name = ferry_network_get_name (NET (list, i));

          g_assert_true (g_utf8_validate (name, -1, NULL));
          g_assert_cmpstr (name, !=, "");
        }
    }
  g_rand_free (rand);
}

static void
read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ferry_network_list_read_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_list_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-netlist-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "dest.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) list = NULL;

  g_assert_true (g_file_set_contents (path, "web-segment\ndb-segment\n", -1, NULL));
  ferry_network_list_read_async (file, NULL, read_cb, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (list->len, ==, 2);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_plan_file (void)
{
  g_autoptr (FerryPlan) plan = make_plan ();
  FerryNetworkMap *map = ferry_plan_get_network_map (plan);
  g_autoptr (GPtrArray) list = offline_list ("web-segment", "db-segment", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *old_json = NULL;
  g_autoptr (FerryPlan) loaded = NULL;
  g_autoptr (FerryPlan) old = NULL;
  FerryNetworkMap *lmap;
  FerryNetwork *target;
  gsize len = 0;

  ferry_network_set_vlan_id (g_ptr_array_index (list, 0), 100);
  ferry_network_map_add_offline_destinations (map, (FerryNetwork *const *)list->pdata, list->len);
  map_one (plan, "net-web", dest_named (map, "web-segment"));
  map_one (plan, "net-db", dest_named (map, "db-segment"));
  json = ferry_plan_to_json (plan, &len);
  g_assert_nonnull (strstr (json, "\"destinations\""));
  g_assert_nonnull (strstr (json, "\"offline:web-segment\""));

  loaded = ferry_plan_from_json (json, len, &error);
  g_assert_no_error (error);
  lmap = ferry_plan_get_network_map (loaded);
  g_assert_true (ferry_network_map_get_offline (lmap));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_network_map_get_offline_destinations (lmap)),
                    ==, 2);
  target = ferry_network_source_get_target (ferry_network_map_lookup_source (lmap, "net-web"));
  /* The rule's target is the destination list's object, not a copy. */
  g_assert_true (target == dest_named (lmap, "web-segment"));
  g_assert_cmpuint (ferry_network_get_vlan_id (target), ==, 100);
  g_assert_cmpstr (ferry_network_get_network_type (target), ==, "NsxtSegment");
  g_assert_cmpuint (ferry_network_map_get_n_problems (lmap), ==, 0);
  g_assert_cmpuint (ferry_network_map_get_n_unmapped (lmap), ==, 1); /* net-app */

  /* A file written before offline destinations (no "destinations") still loads. */
  {
    g_autoptr (FerryPlan) plain = make_plan ();
    g_autoptr (FerryNetwork) seg = make_net ("seg-1", "web-segment");

    map_one (plain, "net-web", seg);
    old_json = ferry_plan_to_json (plain, &len);
    g_assert_null (strstr (old_json, "\"destinations\""));
  }
  old = ferry_plan_from_json (old_json, len, &error);
  g_assert_no_error (error);
  g_assert_false (ferry_network_map_get_offline (ferry_plan_get_network_map (old)));

  /* A damaged section refuses the file. */
  {
    g_autoptr (GString) bad = g_string_new (json);
    g_autoptr (FerryPlan) none = NULL;

    g_string_replace (bad, "\"name\" : \"db-segment\"", "\"name\" : 12", 0);
    g_string_replace (bad, "\"name\":\"db-segment\"", "\"name\":12", 0);
    none = ferry_plan_from_json (bad->str, bad->len, &error);
    g_assert_null (none);
    g_assert_error (error, FERRY_PLAN_STORE_ERROR, FERRY_PLAN_STORE_ERROR_CORRUPT);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/network-offline/core", test_core);
  g_test_add_func ("/network-offline/reconcile", test_reconcile);
  g_test_add_func ("/network-offline/list-file", test_list_file);
  g_test_add_func ("/network-offline/list-random", test_list_random);
  g_test_add_func ("/network-offline/list-read", test_list_read);
  g_test_add_func ("/network-offline/plan-file", test_plan_file);
  return g_test_run ();
}
