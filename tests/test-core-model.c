/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-core-model.c: the table-driven model classes (ferry-model-fields-private.h) behave like
 * hand-written GObject properties: defaults, set/get through GValue and through the C setters,
 * one notification per change and none without a change or while quiet, update_from. */

#include "ferry-migration.h"
#include "ferry-migration-intent.h"

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  guint *n = data;

  (*n)++;
}

/* A value for @pspec that differs from its default. */
static void
other_value (GParamSpec *pspec, GValue *value, guint salt)
{
  g_value_init (value, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING)
    g_value_take_string (value, g_strdup_printf ("%s-%u", pspec->name, salt));
  else if (pspec->value_type == G_TYPE_INT64)
    g_value_set_int64 (value, 1000 + salt);
  else if (pspec->value_type == G_TYPE_DOUBLE)
    g_value_set_double (value, 12.5 + salt);
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    g_value_set_enum (value, G_PARAM_SPEC_ENUM (pspec)->default_value == 0 ? 1 : 0);
  else if (g_type_is_a (pspec->value_type, G_TYPE_OBJECT))
    g_value_take_object (value, g_object_new (pspec->value_type, NULL));
  else
    g_assert_not_reached ();
}

static void
check_class (GType type)
{
  g_autoptr (GObject) object = g_object_new (type, NULL);
  g_autoptr (GObject) other = g_object_new (type, NULL);
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs
      = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  g_assert_cmpuint (n_pspecs, >, 10);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto (GValue) now = G_VALUE_INIT;
      g_auto (GValue) want = G_VALUE_INIT;
      g_autofree char *detail = g_strconcat ("notify::", pspec->name, NULL);
      guint notified = 0;
      gulong id;

      g_test_message ("%s:%s", g_type_name (type), pspec->name);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);

      /* A fresh object holds the pspec's default. */
      g_value_init (&now, pspec->value_type);
      g_object_get_property (object, pspec->name, &now);
      g_assert_true (g_param_value_defaults (pspec, &now));

      id = g_signal_connect (object, detail, G_CALLBACK (count_notify), &notified);
      other_value (pspec, &want, i);
      g_object_set_property (object, pspec->name, &want);
      g_assert_cmpuint (notified, ==, 1);
      g_value_reset (&now);
      g_object_get_property (object, pspec->name, &now);
      g_assert_cmpint (g_param_values_cmp (pspec, &now, &want), ==, 0);

      /* The same value again: no notification. */
      g_object_set_property (object, pspec->name, &want);
      g_assert_cmpuint (notified, ==, 1);
      g_signal_handler_disconnect (object, id);

      /* update_from copies it and notifies once, then not again. */
      if (type == FERRY_TYPE_MIGRATION)
        {
          notified = 0;
          id = g_signal_connect (other, detail, G_CALLBACK (count_notify), &notified);
          ferry_migration_update_from (FERRY_MIGRATION (other), FERRY_MIGRATION (object));
          g_assert_cmpuint (notified, ==, 1);
          ferry_migration_update_from (FERRY_MIGRATION (other), FERRY_MIGRATION (object));
          g_assert_cmpuint (notified, ==, 1);
          g_signal_handler_disconnect (other, id);
          g_value_reset (&now);
          g_object_get_property (other, pspec->name, &now);
          g_assert_cmpint (g_param_values_cmp (pspec, &now, &want), ==, 0);
        }
    }
}

static void
test_migration_properties (void)
{
  check_class (FERRY_TYPE_MIGRATION);
}

static void
test_intent_properties (void)
{
  check_class (FERRY_TYPE_MIGRATION_INTENT);
}

static void
test_setters_and_quiet (void)
{
  g_autoptr (FerryMigration) m = ferry_migration_new ();
  g_autoptr (FerryMigrationIntent) intent = ferry_migration_intent_new ();
  guint notified = 0;

  g_assert_cmpint (ferry_migration_get_total_bytes (m), ==, -1);
  g_assert_cmpfloat (ferry_migration_get_percent (m), ==, -1.0);
  g_assert_true (ferry_migration_intent_get_retain_mac (intent));
  g_assert_false (ferry_migration_intent_get_force_power_off (intent));
  g_assert_cmpint (ferry_migration_intent_get_migration_type (intent), ==,
                   FERRY_MIGRATION_TYPE_BULK);

  g_signal_connect (m, "notify", G_CALLBACK (count_notify), &notified);
  ferry_migration_set_state (m, "TRANSFER_STARTED");
  ferry_migration_set_state (m, "TRANSFER_STARTED");
  ferry_migration_set_is_done (m, 7); /* any true value is TRUE */
  ferry_migration_set_is_done (m, TRUE);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (ferry_migration_get_state (m), ==, "TRANSFER_STARTED");
  g_assert_true (ferry_migration_get_is_done (m) == TRUE);

  _ferry_migration_set_quiet (m, TRUE);
  ferry_migration_set_state (m, "MIGRATION_COMPLETE");
  ferry_migration_set_percent (m, 100.0);
  _ferry_migration_set_quiet (m, FALSE);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (ferry_migration_get_state (m), ==, "MIGRATION_COMPLETE");
  g_assert_cmpfloat (ferry_migration_get_percent (m), ==, 100.0);
  ferry_migration_set_state (m, NULL);
  g_assert_null (ferry_migration_get_state (m));
  g_assert_cmpuint (notified, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core-model/migration-properties", test_migration_properties);
  g_test_add_func ("/core-model/intent-properties", test_intent_properties);
  g_test_add_func ("/core-model/setters-and-quiet", test_setters_and_quiet);

  return g_test_run ();
}
