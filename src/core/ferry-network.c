/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network.c: a network (port group or NSX-T segment) of a site */

#include "ferry-network.h"

struct _FerryNetwork
{
  GObject parent_instance;

  char *id;
  char *name;
  char *entity_type;
  char *network_type;
  char *href;
  gboolean extended;
  char *endpoint_id;
  guint vlan_id;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryNetwork, ferry_network, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ENTITY_TYPE,
  PROP_NETWORK_TYPE,
  PROP_HREF,
  PROP_EXTENDED,
  PROP_ENDPOINT_ID,
  PROP_VLAN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_network_finalize (GObject *object)
{
  FerryNetwork *self = (FerryNetwork *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->entity_type, g_free);
  g_clear_pointer (&self->network_type, g_free);
  g_clear_pointer (&self->href, g_free);
  g_clear_pointer (&self->endpoint_id, g_free);

  G_OBJECT_CLASS (ferry_network_parent_class)->finalize (object);
}

static void
ferry_network_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryNetwork *self = (FerryNetwork *)object;

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_ENTITY_TYPE:
        g_value_set_string (value, self->entity_type);
        break;

      case PROP_NETWORK_TYPE:
        g_value_set_string (value, self->network_type);
        break;

      case PROP_HREF:
        g_value_set_string (value, self->href);
        break;

      case PROP_EXTENDED:
        g_value_set_boolean (value, self->extended);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      case PROP_VLAN_ID:
        g_value_set_uint (value, self->vlan_id);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_network_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerryNetwork *self = (FerryNetwork *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_network_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_network_set_name (self, g_value_get_string (value));
        break;

      case PROP_ENTITY_TYPE:
        ferry_network_set_entity_type (self, g_value_get_string (value));
        break;

      case PROP_NETWORK_TYPE:
        ferry_network_set_network_type (self, g_value_get_string (value));
        break;

      case PROP_HREF:
        ferry_network_set_href (self, g_value_get_string (value));
        break;

      case PROP_EXTENDED:
        ferry_network_set_extended (self, g_value_get_boolean (value));
        break;

      case PROP_ENDPOINT_ID:
        ferry_network_set_endpoint_id (self, g_value_get_string (value));
        break;

      case PROP_VLAN_ID:
        ferry_network_set_vlan_id (self, g_value_get_uint (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_network_class_init (FerryNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_network_finalize;
  object_class->get_property = ferry_network_get_property;
  object_class->set_property = ferry_network_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_TYPE]
      = g_param_spec_string ("entity-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORK_TYPE]
      = g_param_spec_string ("network-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HREF]
      = g_param_spec_string ("href", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTENDED]
      = g_param_spec_boolean ("extended", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_ID]
      = g_param_spec_string ("endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0 = unknown (or untagged); 1–4094 otherwise. */
  properties[PROP_VLAN_ID]
      = g_param_spec_uint ("vlan-id", NULL, NULL, 0, 4094, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_network_init (FerryNetwork *self)
{
}

FerryNetwork *
ferry_network_new (void)
{
  return g_object_new (FERRY_TYPE_NETWORK, NULL);
}

const char *
ferry_network_get_id (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), NULL);

  return self->id;
}

void
ferry_network_set_id (FerryNetwork *self, const char *id)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_network_get_name (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), NULL);

  return self->name;
}

void
ferry_network_set_name (FerryNetwork *self, const char *name)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_network_get_entity_type (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), NULL);

  return self->entity_type;
}

void
ferry_network_set_entity_type (FerryNetwork *self, const char *entity_type)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  if (g_strcmp0 (self->entity_type, entity_type) == 0)
    return;
  g_free (self->entity_type);
  self->entity_type = g_strdup (entity_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_TYPE]);
}

const char *
ferry_network_get_network_type (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), NULL);

  return self->network_type;
}

void
ferry_network_set_network_type (FerryNetwork *self, const char *network_type)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  if (g_strcmp0 (self->network_type, network_type) == 0)
    return;
  g_free (self->network_type);
  self->network_type = g_strdup (network_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_TYPE]);
}

const char *
ferry_network_get_href (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), NULL);

  return self->href;
}

void
ferry_network_set_href (FerryNetwork *self, const char *href)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  if (g_strcmp0 (self->href, href) == 0)
    return;
  g_free (self->href);
  self->href = g_strdup (href);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HREF]);
}

gboolean
ferry_network_get_extended (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), FALSE);

  return self->extended;
}

void
ferry_network_set_extended (FerryNetwork *self, gboolean extended)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  extended = !!extended;
  if (self->extended == extended)
    return;
  self->extended = extended;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENDED]);
}

const char *
ferry_network_get_endpoint_id (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), NULL);

  return self->endpoint_id;
}

void
ferry_network_set_endpoint_id (FerryNetwork *self, const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  if (g_strcmp0 (self->endpoint_id, endpoint_id) == 0)
    return;
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
}

guint
ferry_network_get_vlan_id (FerryNetwork *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK (self), 0);

  return self->vlan_id;
}

void
ferry_network_set_vlan_id (FerryNetwork *self, guint vlan_id)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  if (vlan_id > 4094)
    vlan_id = 0;
  if (self->vlan_id == vlan_id)
    return;
  self->vlan_id = vlan_id;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VLAN_ID]);
}

void
_ferry_network_set_quiet (FerryNetwork *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_NETWORK (self));

  self->quiet = !!quiet;
}
