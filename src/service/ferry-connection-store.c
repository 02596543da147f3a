/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ferry-connection-store.h"

#define CONNECTIONS_KEY "connections"

struct _FerryConnectionStore
{
  GObject parent_instance;

  GSettings *settings;
  GPtrArray *connections; /* FerryConnection */
  gboolean loading;
};

static void
ferry_connection_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryConnectionStore, ferry_connection_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_connection_store_list_model_init))

enum
{
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
ferry_connection_store_get_item_type (GListModel *model)
{
  return FERRY_TYPE_CONNECTION;
}

static guint
ferry_connection_store_get_n_items (GListModel *model)
{
  return FERRY_CONNECTION_STORE (model)->connections->len;
}

static gpointer
ferry_connection_store_get_item (GListModel *model, guint position)
{
  FerryConnectionStore *self = FERRY_CONNECTION_STORE (model);

  if (position >= self->connections->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->connections, position));
}

static void
ferry_connection_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ferry_connection_store_get_item_type;
  iface->get_n_items = ferry_connection_store_get_n_items;
  iface->get_item = ferry_connection_store_get_item;
}

/* Never the password: only id, server, user and the pinned fingerprint. */
static void
ferry_connection_store_save (FerryConnectionStore *self)
{
  GVariantBuilder builder;

  if (self->loading || self->settings == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{ss}"));
  for (guint i = 0; i < self->connections->len; i++)
    {
      FerryConnection *connection = g_ptr_array_index (self->connections, i);
      const char *fingerprint = ferry_connection_get_fingerprint (connection);

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{ss}"));
      g_variant_builder_add (&builder, "{ss}", "id", ferry_connection_get_id (connection));
      g_variant_builder_add (&builder, "{ss}", "server", ferry_connection_get_server (connection));
      g_variant_builder_add (&builder, "{ss}", "user", ferry_connection_get_user (connection));
      if (fingerprint != NULL)
        g_variant_builder_add (&builder, "{ss}", "fingerprint", fingerprint);
      g_variant_builder_close (&builder);
    }

  g_settings_set_value (self->settings, CONNECTIONS_KEY, g_variant_builder_end (&builder));
}

static void
connection_changed_cb (FerryConnection *connection, GParamSpec *pspec, FerryConnectionStore *self)
{
  ferry_connection_store_save (self);
}

static void
ferry_connection_store_append (FerryConnectionStore *self, FerryConnection *connection)
{
  g_signal_connect_object (connection, "notify::server", G_CALLBACK (connection_changed_cb), self,
                           0);
  g_signal_connect_object (connection, "notify::user", G_CALLBACK (connection_changed_cb), self, 0);
  g_signal_connect_object (connection, "notify::fingerprint", G_CALLBACK (connection_changed_cb),
                           self, 0);
  g_ptr_array_add (self->connections, g_object_ref (connection));
}

static void
ferry_connection_store_load (FerryConnectionStore *self)
{
  g_autoptr (GVariant) value = NULL;
  GVariantIter iter;
  GVariant *entry;

  value = g_settings_get_value (self->settings, CONNECTIONS_KEY);
  self->loading = TRUE;

  g_variant_iter_init (&iter, value);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr (FerryConnection) connection = NULL;
      g_autoptr (GError) error = NULL;
      const char *id = NULL, *server = NULL, *user = NULL, *fingerprint = NULL;

      g_variant_lookup (entry, "id", "&s", &id);
      g_variant_lookup (entry, "server", "&s", &server);
      g_variant_lookup (entry, "user", "&s", &user);
      g_variant_lookup (entry, "fingerprint", "&s", &fingerprint);

      connection = ferry_connection_new (server, user, &error);
      if (connection == NULL)
        {
          g_warning ("Ignoring a saved connection that cannot be used: %s", error->message);
        }
      else
        {
          FerryConnection *with_id = g_object_new (
              FERRY_TYPE_CONNECTION, "id", id, "server", ferry_connection_get_server (connection),
              "user", ferry_connection_get_user (connection), "fingerprint", fingerprint, NULL);

          if (ferry_connection_store_find (self, ferry_connection_get_server (with_id),
                                           ferry_connection_get_user (with_id))
              == NULL)
            ferry_connection_store_append (self, with_id);
          g_object_unref (with_id);
        }
      g_variant_unref (entry);
    }

  self->loading = FALSE;
}

FerryConnection *
ferry_connection_store_find (FerryConnectionStore *self, const char *server, const char *user)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_STORE (self), NULL);

  for (guint i = 0; i < self->connections->len; i++)
    {
      FerryConnection *connection = g_ptr_array_index (self->connections, i);

      if (g_strcmp0 (ferry_connection_get_server (connection), server) == 0
          && g_strcmp0 (ferry_connection_get_user (connection), user) == 0)
        return connection;
    }

  return NULL;
}

FerryConnection *
ferry_connection_store_find_by_id (FerryConnectionStore *self, const char *id)
{
  g_return_val_if_fail (FERRY_IS_CONNECTION_STORE (self), NULL);

  for (guint i = 0; i < self->connections->len; i++)
    {
      FerryConnection *connection = g_ptr_array_index (self->connections, i);

      if (g_strcmp0 (ferry_connection_get_id (connection), id) == 0)
        return connection;
    }

  return NULL;
}

FerryConnection *
ferry_connection_store_add (FerryConnectionStore *self, FerryConnection *connection)
{
  FerryConnection *existing;
  guint position;

  g_return_val_if_fail (FERRY_IS_CONNECTION_STORE (self), NULL);
  g_return_val_if_fail (FERRY_IS_CONNECTION (connection), NULL);

  if (g_ptr_array_find (self->connections, connection, NULL))
    return connection;

  existing = ferry_connection_store_find (self, ferry_connection_get_server (connection),
                                          ferry_connection_get_user (connection));
  if (existing != NULL)
    {
      if (ferry_connection_get_fingerprint (connection) != NULL)
        ferry_connection_set_fingerprint (existing, ferry_connection_get_fingerprint (connection));
      return existing;
    }

  position = self->connections->len;
  ferry_connection_store_append (self, connection);
  ferry_connection_store_save (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return connection;
}

gboolean
ferry_connection_store_remove (FerryConnectionStore *self, FerryConnection *connection)
{
  guint position;

  g_return_val_if_fail (FERRY_IS_CONNECTION_STORE (self), FALSE);
  g_return_val_if_fail (FERRY_IS_CONNECTION (connection), FALSE);

  if (!g_ptr_array_find (self->connections, connection, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (connection, self);
  g_ptr_array_remove_index (self->connections, position);
  ferry_connection_store_save (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return TRUE;
}

static void
ferry_connection_store_constructed (GObject *object)
{
  FerryConnectionStore *self = FERRY_CONNECTION_STORE (object);

  G_OBJECT_CLASS (ferry_connection_store_parent_class)->constructed (object);

  if (self->settings != NULL)
    ferry_connection_store_load (self);
}

static void
ferry_connection_store_dispose (GObject *object)
{
  FerryConnectionStore *self = FERRY_CONNECTION_STORE (object);

  for (guint i = 0; self->connections != NULL && i < self->connections->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->connections, i), self);
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ferry_connection_store_parent_class)->dispose (object);
}

static void
ferry_connection_store_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  FerryConnectionStore *self = FERRY_CONNECTION_STORE (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        g_value_set_object (value, self->settings);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_connection_store_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  FerryConnectionStore *self = FERRY_CONNECTION_STORE (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        self->settings = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_connection_store_class_init (FerryConnectionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ferry_connection_store_constructed;
  object_class->dispose = ferry_connection_store_dispose;
  object_class->get_property = ferry_connection_store_get_property;
  object_class->set_property = ferry_connection_store_set_property;

  properties[PROP_SETTINGS]
      = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_connection_store_init (FerryConnectionStore *self)
{
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
}

FerryConnectionStore *
ferry_connection_store_new (GSettings *settings)
{
  return g_object_new (FERRY_TYPE_CONNECTION_STORE, "settings", settings, NULL);
}
