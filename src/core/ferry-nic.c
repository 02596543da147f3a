/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-nic.c: one network adapter of a source VM */

#include "ferry-nic.h"

#include "ferry-model-types.h"

struct _FerryNic
{
  GObject parent_instance;

  char *label;
  char *mac_address;
  char *network_id;
  char *network_name;
  char *network_type;
  gboolean connected;
  FerryTriState primary;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryNic, ferry_nic, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_MAC_ADDRESS,
  PROP_NETWORK_ID,
  PROP_NETWORK_NAME,
  PROP_NETWORK_TYPE,
  PROP_CONNECTED,
  PROP_PRIMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_nic_finalize (GObject *object)
{
  FerryNic *self = (FerryNic *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->mac_address, g_free);
  g_clear_pointer (&self->network_id, g_free);
  g_clear_pointer (&self->network_name, g_free);
  g_clear_pointer (&self->network_type, g_free);

  G_OBJECT_CLASS (ferry_nic_parent_class)->finalize (object);
}

static void
ferry_nic_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryNic *self = (FerryNic *)object;

  switch (prop_id)
    {
      case PROP_LABEL:
        g_value_set_string (value, self->label);
        break;

      case PROP_MAC_ADDRESS:
        g_value_set_string (value, self->mac_address);
        break;

      case PROP_NETWORK_ID:
        g_value_set_string (value, self->network_id);
        break;

      case PROP_NETWORK_NAME:
        g_value_set_string (value, self->network_name);
        break;

      case PROP_NETWORK_TYPE:
        g_value_set_string (value, self->network_type);
        break;

      case PROP_CONNECTED:
        g_value_set_boolean (value, self->connected);
        break;

      case PROP_PRIMARY:
        g_value_set_enum (value, self->primary);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_nic_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerryNic *self = (FerryNic *)object;

  switch (prop_id)
    {
      case PROP_LABEL:
        ferry_nic_set_label (self, g_value_get_string (value));
        break;

      case PROP_MAC_ADDRESS:
        ferry_nic_set_mac_address (self, g_value_get_string (value));
        break;

      case PROP_NETWORK_ID:
        ferry_nic_set_network_id (self, g_value_get_string (value));
        break;

      case PROP_NETWORK_NAME:
        ferry_nic_set_network_name (self, g_value_get_string (value));
        break;

      case PROP_NETWORK_TYPE:
        ferry_nic_set_network_type (self, g_value_get_string (value));
        break;

      case PROP_CONNECTED:
        ferry_nic_set_connected (self, g_value_get_boolean (value));
        break;

      case PROP_PRIMARY:
        ferry_nic_set_primary (self, g_value_get_enum (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_nic_class_init (FerryNicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_nic_finalize;
  object_class->get_property = ferry_nic_get_property;
  object_class->set_property = ferry_nic_set_property;

  properties[PROP_LABEL]
      = g_param_spec_string ("label", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAC_ADDRESS]
      = g_param_spec_string ("mac-address", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORK_ID]
      = g_param_spec_string ("network-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORK_NAME]
      = g_param_spec_string ("network-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORK_TYPE]
      = g_param_spec_string ("network-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTED]
      = g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the inventory says this is the VM's primary NIC (unknown: the first NIC is). */
  properties[PROP_PRIMARY]
      = g_param_spec_enum ("primary", NULL, NULL, FERRY_TYPE_TRI_STATE, FERRY_TRI_STATE_UNKNOWN,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_nic_init (FerryNic *self)
{
  self->connected = TRUE;
  self->primary = FERRY_TRI_STATE_UNKNOWN;
}

FerryNic *
ferry_nic_new (void)
{
  return g_object_new (FERRY_TYPE_NIC, NULL);
}

const char *
ferry_nic_get_label (FerryNic *self)
{
  g_return_val_if_fail (FERRY_IS_NIC (self), NULL);

  return self->label;
}

void
ferry_nic_set_label (FerryNic *self, const char *label)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
ferry_nic_get_mac_address (FerryNic *self)
{
  g_return_val_if_fail (FERRY_IS_NIC (self), NULL);

  return self->mac_address;
}

void
ferry_nic_set_mac_address (FerryNic *self, const char *mac_address)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  if (g_strcmp0 (self->mac_address, mac_address) == 0)
    return;
  g_free (self->mac_address);
  self->mac_address = g_strdup (mac_address);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAC_ADDRESS]);
}

const char *
ferry_nic_get_network_id (FerryNic *self)
{
  g_return_val_if_fail (FERRY_IS_NIC (self), NULL);

  return self->network_id;
}

void
ferry_nic_set_network_id (FerryNic *self, const char *network_id)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  if (g_strcmp0 (self->network_id, network_id) == 0)
    return;
  g_free (self->network_id);
  self->network_id = g_strdup (network_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_ID]);
}

const char *
ferry_nic_get_network_name (FerryNic *self)
{
  g_return_val_if_fail (FERRY_IS_NIC (self), NULL);

  return self->network_name;
}

void
ferry_nic_set_network_name (FerryNic *self, const char *network_name)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  if (g_strcmp0 (self->network_name, network_name) == 0)
    return;
  g_free (self->network_name);
  self->network_name = g_strdup (network_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_NAME]);
}

const char *
ferry_nic_get_network_type (FerryNic *self)
{
  g_return_val_if_fail (FERRY_IS_NIC (self), NULL);

  return self->network_type;
}

void
ferry_nic_set_network_type (FerryNic *self, const char *network_type)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  if (g_strcmp0 (self->network_type, network_type) == 0)
    return;
  g_free (self->network_type);
  self->network_type = g_strdup (network_type);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_TYPE]);
}

gboolean
ferry_nic_get_connected (FerryNic *self)
{
  g_return_val_if_fail (FERRY_IS_NIC (self), FALSE);

  return self->connected;
}

void
ferry_nic_set_connected (FerryNic *self, gboolean connected)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  connected = !!connected;
  if (self->connected == connected)
    return;
  self->connected = connected;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

FerryTriState
ferry_nic_get_primary (FerryNic *self)
{
  g_return_val_if_fail (FERRY_IS_NIC (self), FERRY_TRI_STATE_UNKNOWN);

  return self->primary;
}

void
ferry_nic_set_primary (FerryNic *self, FerryTriState primary)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  if (self->primary == primary)
    return;
  self->primary = primary;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY]);
}

void
_ferry_nic_set_quiet (FerryNic *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_NIC (self));

  self->quiet = !!quiet;
}
