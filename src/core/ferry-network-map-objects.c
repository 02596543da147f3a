/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-map-objects.c: the network map's row objects: sources, NIC references and
 * suggestions (read-only properties, notified on change) */

#include "config.h"

#include "ferry-network-map-private.h"

#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* ---- FerryNetworkSource ---- */

G_DEFINE_FINAL_TYPE (FerryNetworkSource, ferry_network_source, G_TYPE_OBJECT)

enum
{
  SRC_PROP_0,
  SRC_PROP_ID,
  SRC_PROP_NAME,
  SRC_PROP_NETWORK_TYPE,
  SRC_PROP_VLAN,
  SRC_PROP_N_NICS,
  SRC_PROP_N_VMS,
  SRC_PROP_N_CONNECTED,
  SRC_PROP_N_UNMAPPED,
  SRC_PROP_N_EXCEPTIONS,
  SRC_PROP_TARGET,
  SRC_PROP_PROBLEM,
  SRC_N_PROPS
};

static GParamSpec *src_props[SRC_N_PROPS];

static void
ferry_network_source_finalize (GObject *object)
{
  FerryNetworkSource *self = FERRY_NETWORK_SOURCE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->network_type);
  g_free (self->sort_key);
  g_free (self->problem);
  g_free (self->shown_problem);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (ferry_network_source_parent_class)->finalize (object);
}

static void
ferry_network_source_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryNetworkSource *self = FERRY_NETWORK_SOURCE (object);

  switch (prop_id)
    {
      case SRC_PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case SRC_PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case SRC_PROP_NETWORK_TYPE:
        g_value_set_string (value, self->network_type);
        break;
      case SRC_PROP_VLAN:
        g_value_set_uint (value, self->vlan);
        break;
      case SRC_PROP_N_NICS:
        g_value_set_uint (value, self->shown_n_nics);
        break;
      case SRC_PROP_N_VMS:
        g_value_set_uint (value, self->shown_n_vms);
        break;
      case SRC_PROP_N_CONNECTED:
        g_value_set_uint (value, self->shown_n_connected);
        break;
      case SRC_PROP_N_UNMAPPED:
        g_value_set_uint (value, self->shown_n_unmapped);
        break;
      case SRC_PROP_N_EXCEPTIONS:
        g_value_set_uint (value, self->shown_n_exceptions);
        break;
      case SRC_PROP_TARGET:
        g_value_set_object (value, self->target);
        break;
      case SRC_PROP_PROBLEM:
        g_value_set_string (value, self->problem);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_network_source_class_init (FerryNetworkSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_network_source_finalize;
  object_class->get_property = ferry_network_source_get_property;

  src_props[SRC_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO_FLAGS);
  src_props[SRC_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RO_FLAGS);
  src_props[SRC_PROP_NETWORK_TYPE]
      = g_param_spec_string ("network-type", NULL, NULL, NULL, RO_FLAGS);
  src_props[SRC_PROP_VLAN] = g_param_spec_uint ("vlan", NULL, NULL, 0, 4095, 0, RO_FLAGS);
  src_props[SRC_PROP_N_NICS] = g_param_spec_uint ("n-nics", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  src_props[SRC_PROP_N_VMS] = g_param_spec_uint ("n-vms", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  src_props[SRC_PROP_N_CONNECTED]
      = g_param_spec_uint ("n-connected", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  src_props[SRC_PROP_N_UNMAPPED]
      = g_param_spec_uint ("n-unmapped", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  src_props[SRC_PROP_N_EXCEPTIONS]
      = g_param_spec_uint ("n-exceptions", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  src_props[SRC_PROP_TARGET]
      = g_param_spec_object ("target", NULL, NULL, FERRY_TYPE_NETWORK, RO_FLAGS);
  src_props[SRC_PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, RO_FLAGS);
  g_object_class_install_properties (object_class, SRC_N_PROPS, src_props);
}

static void
ferry_network_source_init (FerryNetworkSource *self)
{
}

FerryNetworkSource *
_ferry_network_source_new (const char *id, const char *name, const char *network_type)
{
  FerryNetworkSource *self = g_object_new (FERRY_TYPE_NETWORK_SOURCE, NULL);
  g_autofree char *folded = g_utf8_casefold (name != NULL ? name : id, -1);

  self->id = g_strdup (id);
  self->name = g_strdup (name != NULL ? name : id);
  self->network_type = g_strdup (network_type);
  self->sort_key = g_strconcat (folded, "\x01", id, NULL);
  self->vlan = ferry_network_name_vlan (self->name);
  return self;
}

guint
_ferry_network_source_unmapped (FerryNetworkSource *self)
{
  return self->target != NULL ? 0 : self->n_connected - self->n_connected_exceptions;
}

void
_ferry_network_source_set_vlan (FerryNetworkSource *self, guint vlan)
{
  if (self->vlan == vlan)
    return;
  self->vlan = vlan;
  g_object_notify_by_pspec (G_OBJECT (self), src_props[SRC_PROP_VLAN]);
}

#define SYNC_UINT(field, value, PROP)                                                              \
  G_STMT_START                                                                                     \
  {                                                                                                \
    guint v_ = (value);                                                                            \
    if (self->field != v_)                                                                         \
      {                                                                                            \
        self->field = v_;                                                                          \
        g_object_notify_by_pspec (G_OBJECT (self), src_props[PROP]);                               \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

void
_ferry_network_source_sync (FerryNetworkSource *self)
{
  self->dirty = FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  SYNC_UINT (shown_n_nics, self->n_nics, SRC_PROP_N_NICS);
  SYNC_UINT (shown_n_vms, self->n_vms, SRC_PROP_N_VMS);
  SYNC_UINT (shown_n_connected, self->n_connected, SRC_PROP_N_CONNECTED);
  SYNC_UINT (shown_n_unmapped, _ferry_network_source_unmapped (self), SRC_PROP_N_UNMAPPED);
  SYNC_UINT (shown_n_exceptions, self->n_exceptions, SRC_PROP_N_EXCEPTIONS);
  if (self->shown_target != self->target)
    {
      self->shown_target = self->target;
      g_object_notify_by_pspec (G_OBJECT (self), src_props[SRC_PROP_TARGET]);
    }
  if (g_strcmp0 (self->shown_problem, self->problem) != 0)
    {
      g_free (self->shown_problem);
      self->shown_problem = g_strdup (self->problem);
      g_object_notify_by_pspec (G_OBJECT (self), src_props[SRC_PROP_PROBLEM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ferry_network_source_get_id (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), NULL);
  return self->id;
}

const char *
ferry_network_source_get_name (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), NULL);
  return self->name;
}

const char *
ferry_network_source_get_network_type (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), NULL);
  return self->network_type;
}

guint
ferry_network_source_get_vlan (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), 0);
  return self->vlan;
}

/* The getters return what was last notified, so a reader never sees a count ahead of its
 * notification; the map syncs at the end of every change. */
guint
ferry_network_source_get_n_nics (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), 0);
  return self->shown_n_nics;
}

guint
ferry_network_source_get_n_vms (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), 0);
  return self->shown_n_vms;
}

guint
ferry_network_source_get_n_connected (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), 0);
  return self->shown_n_connected;
}

guint
ferry_network_source_get_n_unmapped (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), 0);
  return self->shown_n_unmapped;
}

guint
ferry_network_source_get_n_exceptions (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), 0);
  return self->shown_n_exceptions;
}

FerryNetwork *
ferry_network_source_get_target (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), NULL);
  return self->target;
}

const char *
ferry_network_source_get_problem (FerryNetworkSource *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SOURCE (self), NULL);
  return self->problem;
}

/* ---- FerryNetworkNicRef ---- */

struct _FerryNetworkNicRef
{
  GObject parent_instance;

  FerryPlanItem *item;
  FerryNic *nic;
  gboolean primary;
  FerryNetwork *target;
  gboolean exception;
  char *problem;
};

G_DEFINE_FINAL_TYPE (FerryNetworkNicRef, ferry_network_nic_ref, G_TYPE_OBJECT)

enum
{
  REF_PROP_0,
  REF_PROP_ITEM,
  REF_PROP_NIC,
  REF_PROP_PRIMARY,
  REF_PROP_TARGET,
  REF_PROP_EXCEPTION,
  REF_PROP_PROBLEM,
  REF_N_PROPS
};

static GParamSpec *ref_props[REF_N_PROPS];

static void
ferry_network_nic_ref_finalize (GObject *object)
{
  FerryNetworkNicRef *self = FERRY_NETWORK_NIC_REF (object);

  g_clear_object (&self->item);
  g_clear_object (&self->nic);
  g_clear_object (&self->target);
  g_free (self->problem);

  G_OBJECT_CLASS (ferry_network_nic_ref_parent_class)->finalize (object);
}

static void
ferry_network_nic_ref_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  FerryNetworkNicRef *self = FERRY_NETWORK_NIC_REF (object);

  switch (prop_id)
    {
      case REF_PROP_ITEM:
        g_value_set_object (value, self->item);
        break;
      case REF_PROP_NIC:
        g_value_set_object (value, self->nic);
        break;
      case REF_PROP_PRIMARY:
        g_value_set_boolean (value, self->primary);
        break;
      case REF_PROP_TARGET:
        g_value_set_object (value, self->target);
        break;
      case REF_PROP_EXCEPTION:
        g_value_set_boolean (value, self->exception);
        break;
      case REF_PROP_PROBLEM:
        g_value_set_string (value, self->problem);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_network_nic_ref_class_init (FerryNetworkNicRefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_network_nic_ref_finalize;
  object_class->get_property = ferry_network_nic_ref_get_property;

  ref_props[REF_PROP_ITEM]
      = g_param_spec_object ("item", NULL, NULL, FERRY_TYPE_PLAN_ITEM, RO_FLAGS);
  ref_props[REF_PROP_NIC] = g_param_spec_object ("nic", NULL, NULL, FERRY_TYPE_NIC, RO_FLAGS);
  ref_props[REF_PROP_PRIMARY] = g_param_spec_boolean ("primary", NULL, NULL, FALSE, RO_FLAGS);
  ref_props[REF_PROP_TARGET]
      = g_param_spec_object ("target", NULL, NULL, FERRY_TYPE_NETWORK, RO_FLAGS);
  ref_props[REF_PROP_EXCEPTION] = g_param_spec_boolean ("exception", NULL, NULL, FALSE, RO_FLAGS);
  ref_props[REF_PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, RO_FLAGS);
  g_object_class_install_properties (object_class, REF_N_PROPS, ref_props);
}

static void
ferry_network_nic_ref_init (FerryNetworkNicRef *self)
{
}

FerryNetworkNicRef *
_ferry_network_nic_ref_new (FerryPlanItem *item, FerryNic *nic, gboolean primary)
{
  FerryNetworkNicRef *self = g_object_new (FERRY_TYPE_NETWORK_NIC_REF, NULL);

  self->item = g_object_ref (item);
  self->nic = g_object_ref (nic);
  self->primary = primary;
  return self;
}

void
_ferry_network_nic_ref_update (FerryNetworkNicRef *self, FerryNetwork *target, gboolean exception,
                               const char *problem)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), ref_props[REF_PROP_TARGET]);
  exception = !!exception;
  if (self->exception != exception)
    {
      self->exception = exception;
      g_object_notify_by_pspec (G_OBJECT (self), ref_props[REF_PROP_EXCEPTION]);
    }
  if (g_strcmp0 (self->problem, problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify_by_pspec (G_OBJECT (self), ref_props[REF_PROP_PROBLEM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

FerryPlanItem *
ferry_network_nic_ref_get_item (FerryNetworkNicRef *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_NIC_REF (self), NULL);
  return self->item;
}

FerryNic *
ferry_network_nic_ref_get_nic (FerryNetworkNicRef *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_NIC_REF (self), NULL);
  return self->nic;
}

gboolean
ferry_network_nic_ref_get_primary (FerryNetworkNicRef *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_NIC_REF (self), FALSE);
  return self->primary;
}

FerryNetwork *
ferry_network_nic_ref_get_target (FerryNetworkNicRef *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_NIC_REF (self), NULL);
  return self->target;
}

gboolean
ferry_network_nic_ref_get_exception (FerryNetworkNicRef *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_NIC_REF (self), FALSE);
  return self->exception;
}

const char *
ferry_network_nic_ref_get_problem (FerryNetworkNicRef *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_NIC_REF (self), NULL);
  return self->problem;
}

/* ---- FerryNetworkSuggestion ---- */

GType
ferry_network_suggestion_reason_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { FERRY_NETWORK_SUGGESTION_SAME_NAME, "FERRY_NETWORK_SUGGESTION_SAME_NAME", "same-name" },
        { FERRY_NETWORK_SUGGESTION_SAME_VLAN, "FERRY_NETWORK_SUGGESTION_SAME_VLAN", "same-vlan" },
        { FERRY_NETWORK_SUGGESTION_EXTENDED, "FERRY_NETWORK_SUGGESTION_EXTENDED", "extended" },
        { FERRY_NETWORK_SUGGESTION_SIMILAR_NAME, "FERRY_NETWORK_SUGGESTION_SIMILAR_NAME",
          "similar-name" },
        { 0, NULL, NULL },
      };

      g_once_init_leave (&type, g_enum_register_static ("FerryNetworkSuggestionReason", values));
    }
  return type;
}

struct _FerryNetworkSuggestion
{
  GObject parent_instance;

  FerryNetworkSource *source;
  FerryNetwork *target;
  FerryNetworkSuggestionReason reason;
  char *reason_text;
  gboolean retain_mac;
};

G_DEFINE_FINAL_TYPE (FerryNetworkSuggestion, ferry_network_suggestion, G_TYPE_OBJECT)

enum
{
  SUG_PROP_0,
  SUG_PROP_SOURCE,
  SUG_PROP_TARGET,
  SUG_PROP_REASON,
  SUG_PROP_REASON_TEXT,
  SUG_PROP_RETAIN_MAC,
  SUG_N_PROPS
};

static GParamSpec *sug_props[SUG_N_PROPS];

static void
ferry_network_suggestion_finalize (GObject *object)
{
  FerryNetworkSuggestion *self = FERRY_NETWORK_SUGGESTION (object);

  g_clear_object (&self->source);
  g_clear_object (&self->target);
  g_free (self->reason_text);

  G_OBJECT_CLASS (ferry_network_suggestion_parent_class)->finalize (object);
}

static void
ferry_network_suggestion_get_property (GObject *object, guint prop_id, GValue *value,
                                       GParamSpec *pspec)
{
  FerryNetworkSuggestion *self = FERRY_NETWORK_SUGGESTION (object);

  switch (prop_id)
    {
      case SUG_PROP_SOURCE:
        g_value_set_object (value, self->source);
        break;
      case SUG_PROP_TARGET:
        g_value_set_object (value, self->target);
        break;
      case SUG_PROP_REASON:
        g_value_set_enum (value, self->reason);
        break;
      case SUG_PROP_REASON_TEXT:
        g_value_set_string (value, self->reason_text);
        break;
      case SUG_PROP_RETAIN_MAC:
        g_value_set_boolean (value, self->retain_mac);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_network_suggestion_class_init (FerryNetworkSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_network_suggestion_finalize;
  object_class->get_property = ferry_network_suggestion_get_property;

  sug_props[SUG_PROP_SOURCE]
      = g_param_spec_object ("source", NULL, NULL, FERRY_TYPE_NETWORK_SOURCE, RO_FLAGS);
  sug_props[SUG_PROP_TARGET]
      = g_param_spec_object ("target", NULL, NULL, FERRY_TYPE_NETWORK, RO_FLAGS);
  sug_props[SUG_PROP_REASON]
      = g_param_spec_enum ("reason", NULL, NULL, FERRY_TYPE_NETWORK_SUGGESTION_REASON,
                           FERRY_NETWORK_SUGGESTION_SAME_NAME, RO_FLAGS);
  sug_props[SUG_PROP_REASON_TEXT] = g_param_spec_string ("reason-text", NULL, NULL, NULL, RO_FLAGS);
  sug_props[SUG_PROP_RETAIN_MAC] = g_param_spec_boolean ("retain-mac", NULL, NULL, FALSE, RO_FLAGS);
  g_object_class_install_properties (object_class, SUG_N_PROPS, sug_props);
}

static void
ferry_network_suggestion_init (FerryNetworkSuggestion *self)
{
}

FerryNetworkSuggestion *
_ferry_network_suggestion_new (FerryNetworkSource *source, FerryNetwork *target,
                               FerryNetworkSuggestionReason reason, const char *reason_text,
                               gboolean retain_mac)
{
  FerryNetworkSuggestion *self = g_object_new (FERRY_TYPE_NETWORK_SUGGESTION, NULL);

  self->source = g_object_ref (source);
  self->target = g_object_ref (target);
  self->reason = reason;
  self->reason_text = g_strdup (reason_text);
  self->retain_mac = retain_mac;
  return self;
}

FerryNetworkSource *
ferry_network_suggestion_get_source (FerryNetworkSuggestion *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SUGGESTION (self), NULL);
  return self->source;
}

FerryNetwork *
ferry_network_suggestion_get_target (FerryNetworkSuggestion *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SUGGESTION (self), NULL);
  return self->target;
}

FerryNetworkSuggestionReason
ferry_network_suggestion_get_reason (FerryNetworkSuggestion *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SUGGESTION (self), FERRY_NETWORK_SUGGESTION_SAME_NAME);
  return self->reason;
}

const char *
ferry_network_suggestion_get_reason_text (FerryNetworkSuggestion *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SUGGESTION (self), NULL);
  return self->reason_text;
}

gboolean
ferry_network_suggestion_get_retain_mac (FerryNetworkSuggestion *self)
{
  g_return_val_if_fail (FERRY_IS_NETWORK_SUGGESTION (self), FALSE);
  return self->retain_mac;
}
