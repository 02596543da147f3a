/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-hung-keyring.c: a Secret Service that never answers, for the start-up benchmark.
 *
 * Owns org.freedesktop.secrets on the session bus and drops every method call addressed to
 * it, so that a client waits for its D-Bus timeout (25 s by default): the keyring as it is
 * when its daemon hangs, or a locked keyring whose unlock prompt nobody sees. Prints "ready"
 * once the name is owned; runs until killed.
 *
 *   bench-hung-keyring */

#include <gio/gio.h>
#include <stdio.h>

static GDBusMessage *
drop_calls (GDBusConnection *connection, GDBusMessage *message, gboolean incoming,
            gpointer user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL
      && g_strcmp0 (g_dbus_message_get_interface (message), "org.freedesktop.DBus.Peer") != 0)
    {
      g_object_unref (message);
      return NULL; /* never answered */
    }
  return message;
}

static void
name_acquired (GDBusConnection *connection, const char *name, gpointer user_data)
{
  printf ("ready\n");
  fflush (stdout);
}

static void
name_lost (GDBusConnection *connection, const char *name, gpointer user_data)
{
  g_printerr ("bench-hung-keyring: could not own %s\n", name);
  g_main_loop_quit (user_data);
}

int
main (void)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  if (bus == NULL)
    {
      g_printerr ("bench-hung-keyring: %s\n", error->message);
      return 1;
    }
  g_dbus_connection_add_filter (bus, drop_calls, NULL, NULL);
  g_bus_own_name_on_connection (bus, "org.freedesktop.secrets", G_BUS_NAME_OWNER_FLAGS_NONE,
                                name_acquired, name_lost, loop, NULL);
  g_main_loop_run (loop);
  return 1;
}
