/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-test-a11y.c: what a screen reader sees, read over AT-SPI from a thread of the test.
 *
 * The accessibility bus comes from at-spi-bus-launcher on the test's private session bus (that
 * bus activates nothing by itself); GTK registers the application with the AT-SPI registry on it.
 * The walk runs in a worker thread with its own connection, because GTK answers AT-SPI calls from
 * the main loop, which keeps running meanwhile. The widget to check is found by a unique marker
 * put in its accessible description for the time of the walk. */

#include "config.h"

#include <string.h>

#include "ferry-test-a11y.h"
#include "ferry-test-require.h"

#define ATSPI_ACCESSIBLE "org.a11y.atspi.Accessible"
#define ATSPI_ACTION "org.a11y.atspi.Action"
#define ATSPI_STATE_FOCUSABLE 11
#define ATSPI_STATE_VISIBLE 30
#define CALL_TIMEOUT_MS 5000
#define MAX_NODES 5000

static GSubprocess *launcher;

gboolean
ferry_test_a11y_start (GError **error)
{
  g_autoptr (GDBusConnection) session = NULL;
  gint64 deadline;

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (session == NULL)
    return FALSE;

  launcher = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, error,
                               "/usr/libexec/at-spi-bus-launcher", "--launch-immediately",
                               "--a11y=1", NULL);
  if (launcher == NULL)
    return FALSE;

  /* Wait for it to own org.a11y.Bus and answer with the bus address. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr (GVariant) reply = NULL;
      g_autoptr (GError) local_error = NULL;

      reply = g_dbus_connection_call_sync (
          session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", NULL,
          G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, 1000, NULL, &local_error);
      if (reply != NULL)
        break;
      if (g_get_monotonic_time () > deadline)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "at-spi-bus-launcher did not answer: ");
          ferry_test_a11y_stop ();
          return FALSE;
        }
      g_usleep (50 * 1000);
    }

  /* The tests' environment turns accessibility off for the other tests. */
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  g_unsetenv ("NO_AT_BRIDGE");
  return TRUE;
}

void
ferry_test_a11y_stop (void)
{
  if (launcher == NULL)
    return;
  /* SIGTERM: the launcher takes its bus daemon down with it. */
  g_subprocess_send_signal (launcher, SIGTERM);
  g_subprocess_wait (launcher, NULL, NULL);
  g_clear_object (&launcher);
}

/* ---- The rule ---- */

/* A word of letters with one underscore inside or in front ("C_onnect", "_Cancel"). Names with
 * digits, dots, "@" or "-" in the word (user names, server names) are not mnemonics. */
static gboolean
is_mnemonic_word (const char *word, gsize len)
{
  guint underscores = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (word[i] == '_')
        {
          underscores++;
          if (i + 1 >= len || !g_ascii_isalpha (word[i + 1]))
            return FALSE;
        }
      else if (!g_ascii_isalpha (word[i]) && !strchr ("…’'", word[i]) && (guchar)word[i] < 0x80)
        return FALSE;
    }
  return underscores == 1;
}

const char *
ferry_test_a11y_name_problem (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  const char *p;

  if (*stripped == '\0')
    return "no name";

  /* GTK 4.8 falls back to the widget's name, which is its type name unless set. */
  if ((g_str_has_prefix (stripped, "Gtk") || g_str_has_prefix (stripped, "Adw")
       || g_str_has_prefix (stripped, "Ferry"))
      && g_ascii_isupper (stripped[3 + (g_str_has_prefix (stripped, "Ferry") ? 2 : 0)])
      && strchr (stripped, ' ') == NULL)
    return "a type name";

  /* The same words twice ("Connect Connect"): a label read once as a property, once as text. */
  {
    gsize len = strlen (stripped);

    if (len % 2 == 1 && stripped[len / 2] == ' '
        && strncmp (stripped, stripped + len / 2 + 1, len / 2) == 0)
      return "the same words twice";
  }

  p = stripped;
  while (*p != '\0')
    {
      gsize len = strcspn (p, " \t\n");

      if (len > 0 && is_mnemonic_word (p, len))
        return "a mnemonic underscore";
      p += len;
      p += strspn (p, " \t\n");
    }

  return NULL;
}

/* ---- The walk (worker thread) ---- */

typedef struct
{
  char *address; /* of the accessibility bus */
  char *marker;
  GDBusConnection *connection;
  GPtrArray *problems;
  guint n_checked;
  guint n_nodes;
  gboolean found;
  gboolean name_only; /* just the marked node's name, into found_name */
  char *found_name;
  char *error;
} Walk;

static void
walk_free (Walk *walk)
{
  g_free (walk->address);
  g_free (walk->marker);
  g_clear_object (&walk->connection);
  g_clear_pointer (&walk->problems, g_ptr_array_unref);
  g_free (walk->error);
  g_free (walk->found_name);
  g_free (walk);
}

static GVariant *
call (Walk *walk, const char *bus_name, const char *path, const char *interface, const char *method,
      GVariant *parameters, const char *reply_type)
{
  g_autoptr (GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (walk->connection, bus_name, path, interface, method,
                                       parameters, G_VARIANT_TYPE (reply_type),
                                       G_DBUS_CALL_FLAGS_NONE, CALL_TIMEOUT_MS, NULL, &error);
  if (reply == NULL && walk->error == NULL)
    walk->error = g_strdup_printf ("%s.%s on %s: %s", interface, method, path, error->message);
  return reply;
}

static char *
get_string_property (Walk *walk, const char *bus_name, const char *path, const char *name)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) value = NULL;

  reply = call (walk, bus_name, path, "org.freedesktop.DBus.Properties", "Get",
                g_variant_new ("(ss)", ATSPI_ACCESSIBLE, name), "(v)");
  if (reply == NULL)
    return NULL;
  g_variant_get (reply, "(v)", &value);
  return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ? g_variant_dup_string (value, NULL)
                                                             : NULL;
}

static gboolean
has_state (GVariant *states, guint state)
{
  g_autoptr (GVariant) array = g_variant_get_child_value (states, 0);
  gsize n;
  const guint32 *words = g_variant_get_fixed_array (array, &n, sizeof (guint32));

  return state / 32 < n && (words[state / 32] & (1u << (state % 32))) != 0;
}

/* 0 as well for an object without the Action interface. */
static gint32
n_actions (Walk *walk, const char *bus_name, const char *path)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) value = NULL;

  reply = g_dbus_connection_call_sync (
      walk->connection, bus_name, path, "org.freedesktop.DBus.Properties", "Get",
      g_variant_new ("(ss)", ATSPI_ACTION, "NActions"), G_VARIANT_TYPE ("(v)"),
      G_DBUS_CALL_FLAGS_NONE, CALL_TIMEOUT_MS, NULL, NULL);
  if (reply == NULL)
    return 0;
  g_variant_get (reply, "(v)", &value);
  return g_variant_is_of_type (value, G_VARIANT_TYPE_INT32) ? g_variant_get_int32 (value) : 0;
}

static void
walk_node (Walk *walk, const char *bus_name, const char *path, gboolean checking,
           const char *context)
{
  g_autofree char *own_context = NULL;
  g_autofree char *name = NULL;

  if (walk->error != NULL || ++walk->n_nodes > MAX_NODES)
    return;

  if (!checking)
    {
      g_autofree char *description = get_string_property (walk, bus_name, path, "Description");

      if (g_strcmp0 (description, walk->marker) == 0)
        {
          checking = TRUE;
          walk->found = TRUE;
          if (walk->name_only)
            {
              walk->found_name = get_string_property (walk, bus_name, path, "Name");
              return;
            }
        }
    }

  if (checking)
    {
      name = get_string_property (walk, bus_name, path, "Name");
      /* Where a problem is: the nearest named ancestor. */
      if (name != NULL && *name != '\0' && ferry_test_a11y_name_problem (name) == NULL)
        context = own_context = g_strdup (name);
    }

  if (checking)
    {
      g_autoptr (GVariant) states = NULL;
      g_autoptr (GVariant) role = NULL;

      states = call (walk, bus_name, path, ATSPI_ACCESSIBLE, "GetState", NULL, "(au)");
      role = call (walk, bus_name, path, ATSPI_ACCESSIBLE, "GetRoleName", NULL, "(s)");
      if (states == NULL || role == NULL)
        return;

      if (g_getenv ("FERRY_TEST_A11Y_DUMP") != NULL)
        {
          g_autofree char *dump_states = g_variant_print (states, FALSE);
          g_autofree char *dump_role = g_variant_print (role, FALSE);

          g_printerr ("a11y: %s %s “%s” %s\n", path, dump_role, name, dump_states);
        }

      /* Hidden (a hidden row or page): nobody meets it there, nor its subtree. (GTK 4.8 sets
       * no SHOWING state; VISIBLE is what it has.) */
      if (!has_state (states, ATSPI_STATE_VISIBLE))
        return;

      /* Actionable: has actions through the Action interface (GTK 4.8 gives the interface to
       * every widget, so the number of actions is what tells). */
      if (has_state (states, ATSPI_STATE_FOCUSABLE) || n_actions (walk, bus_name, path) > 0)
        {
          const char *problem;
          const char *role_name;

          g_variant_get (role, "(&s)", &role_name);
          walk->n_checked++;
          problem = ferry_test_a11y_name_problem (name);
          if (problem != NULL)
            g_ptr_array_add (walk->problems,
                             g_strdup_printf ("%s “%s” (in “%s”): %s", role_name,
                                              name != NULL ? name : "", context, problem));
        }
    }

  /* GTK 4.8 answers GetChildren with nothing: ask child by child. */
  {
    g_autoptr (GVariant) reply = NULL;
    g_autoptr (GVariant) value = NULL;
    gint32 n_children = 0;

    reply = call (walk, bus_name, path, "org.freedesktop.DBus.Properties", "Get",
                  g_variant_new ("(ss)", ATSPI_ACCESSIBLE, "ChildCount"), "(v)");
    if (reply == NULL)
      return;
    g_variant_get (reply, "(v)", &value);
    if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
      n_children = g_variant_get_int32 (value);

    for (gint32 i = 0; i < n_children; i++)
      {
        g_autoptr (GVariant) child = NULL;
        const char *child_bus, *child_path;

        /* Either the marked subtree, or looking for it. */
        if (walk->found && !checking)
          break;
        child = call (walk, bus_name, path, ATSPI_ACCESSIBLE, "GetChildAtIndex",
                      g_variant_new ("(i)", i), "((so))");
        if (child == NULL)
          return;
        g_variant_get (child, "((&s&o))", &child_bus, &child_path);
        walk_node (walk, child_bus, child_path, checking, context);
      }
  }
}

static void
walk_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Walk *walk = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) apps = NULL;
  GVariantIter *iter;
  const char *bus_name, *path;

  walk->connection = g_dbus_connection_new_for_address_sync (
      walk->address,
      G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
          | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
      NULL, NULL, &error);
  if (walk->connection == NULL)
    {
      walk->error = g_strdup (error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The registry's root lists the applications; this process is the only one. */
  apps = call (walk, "org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root", ATSPI_ACCESSIBLE,
               "GetChildren", NULL, "(a(so))");
  if (apps != NULL)
    {
      g_variant_get (apps, "(a(so))", &iter);
      while (!walk->found && g_variant_iter_loop (iter, "(&s&o)", &bus_name, &path))
        walk_node (walk, bus_name, path, FALSE, "");
      g_variant_iter_free (iter);
    }
  g_task_return_boolean (task, TRUE);
}

static char *
a11y_bus_address (void)
{
  g_autoptr (GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  char *address = NULL;

  if (session == NULL)
    return NULL;
  reply = g_dbus_connection_call_sync (
      session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", NULL,
      G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, CALL_TIMEOUT_MS, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(s)", &address);
  return address;
}

static void
walk_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

static Walk *
run_walk_once (GtkWidget *widget, gboolean name_only)
{
  static guint serial;
  Walk *walk = g_new0 (Walk, 1);
  g_autoptr (GTask) task = NULL;
  gboolean done = FALSE;
  gint64 deadline;

  walk->address = a11y_bus_address ();
  walk->marker = g_strdup_printf ("ferry-a11y-walk-%u-%u", (guint)getpid (), ++serial);
  walk->problems = g_ptr_array_new_with_free_func (g_free);
  walk->name_only = name_only;
  if (walk->address == NULL)
    g_error ("no accessibility bus: call ferry_test_a11y_start () before gtk_init ()");

  /* Let pending layout and state changes reach the accessible tree first (one dispatch at a
   * time: an animation always has a frame pending, and draining would not end). */
  for (int i = 0; i < 200; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (200);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  walk->marker, -1);

  task = g_task_new (NULL, NULL, walk_done, &done);
  g_task_set_task_data (task, walk, NULL);
  g_task_run_in_thread (task, walk_thread);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC * ferry_test_time_factor ();
  while (!done)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the accessibility walk did not finish");
      g_main_context_iteration (NULL, TRUE);
    }

  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  return walk;
}

/* A page may still be building rows (the start page adds its saved connections a frame after the
 * first), so the tree can change under a walk: a child that went away between GetChildCount and
 * GetChildAtIndex. That is no finding about names; walk again once things settle. */
static Walk *
run_walk (GtkWidget *widget, gboolean name_only)
{
  Walk *walk = run_walk_once (widget, name_only);

  for (int attempt = 1;
       attempt < 5 && walk->error != NULL && strstr (walk->error, "No child with index") != NULL;
       attempt++)
    {
      g_test_message ("the accessible tree changed during the walk (%s); walking again",
                      walk->error);
      walk_free (walk);
      walk = run_walk_once (widget, name_only);
    }
  if (walk->error != NULL)
    g_error ("accessibility walk: %s", walk->error);
  if (!walk->found)
    g_error ("accessibility walk: %s (%s) is not in the accessible tree (%u nodes seen)",
             G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget), walk->n_nodes);
  return walk;
}

char *
ferry_test_a11y_get_name (GtkWidget *widget)
{
  Walk *walk;
  char *name;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  walk = run_walk (widget, TRUE);
  name = g_steal_pointer (&walk->found_name);
  walk_free (walk);
  return name;
}

GStrv
ferry_test_a11y_check (GtkWidget *widget, guint *n_checked)
{
  Walk *walk;
  GStrvBuilder *builder;
  GStrv result;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  walk = run_walk (widget, FALSE);
  if (n_checked != NULL)
    *n_checked = walk->n_checked;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < walk->problems->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (walk->problems, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  walk_free (walk);
  return result;
}

void
ferry_test_a11y_assert_named (GtkWidget *widget)
{
  guint n_checked = 0;
  g_auto (GStrv) problems = ferry_test_a11y_check (widget, &n_checked);

  g_test_message ("%s: %u controls checked", G_OBJECT_TYPE_NAME (widget), n_checked);
  if (n_checked == 0)
    g_error ("%s: the accessibility walk met no control", G_OBJECT_TYPE_NAME (widget));
  if (problems[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n  ", problems);

      g_error ("%s: %u badly named controls:\n  %s", G_OBJECT_TYPE_NAME (widget),
               g_strv_length (problems), list);
    }
}
