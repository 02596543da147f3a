/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-compute-profile.c: an HCX compute profile and its enabled services */

#include "ferry-compute-profile.h"

#include "ferry-model-types.h"

struct _FerryComputeProfile
{
  GObject parent_instance;

  char *id;
  char *name;
  char *state;
  char *endpoint_id;
  char **services;
  char **compute_names;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryComputeProfile, ferry_compute_profile, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATE,
  PROP_ENDPOINT_ID,
  PROP_SERVICES,
  PROP_COMPUTE_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_compute_profile_finalize (GObject *object)
{
  FerryComputeProfile *self = (FerryComputeProfile *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->endpoint_id, g_free);
  g_clear_pointer (&self->services, g_strfreev);
  g_clear_pointer (&self->compute_names, g_strfreev);

  G_OBJECT_CLASS (ferry_compute_profile_parent_class)->finalize (object);
}

static void
ferry_compute_profile_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  FerryComputeProfile *self = (FerryComputeProfile *)object;

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_STATE:
        g_value_set_string (value, self->state);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      case PROP_SERVICES:
        g_value_set_boxed (value, self->services);
        break;

      case PROP_COMPUTE_NAMES:
        g_value_set_boxed (value, self->compute_names);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_compute_profile_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  FerryComputeProfile *self = (FerryComputeProfile *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_compute_profile_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_compute_profile_set_name (self, g_value_get_string (value));
        break;

      case PROP_STATE:
        ferry_compute_profile_set_state (self, g_value_get_string (value));
        break;

      case PROP_ENDPOINT_ID:
        ferry_compute_profile_set_endpoint_id (self, g_value_get_string (value));
        break;

      case PROP_SERVICES:
        ferry_compute_profile_set_services (self, g_value_get_boxed (value));
        break;

      case PROP_COMPUTE_NAMES:
        ferry_compute_profile_set_compute_names (self, g_value_get_boxed (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_compute_profile_class_init (FerryComputeProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_compute_profile_finalize;
  object_class->get_property = ferry_compute_profile_get_property;
  object_class->set_property = ferry_compute_profile_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE]
      = g_param_spec_string ("state", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_ID]
      = g_param_spec_string ("endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICES]
      = g_param_spec_boxed ("services", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPUTE_NAMES]
      = g_param_spec_boxed ("compute-names", NULL, NULL, G_TYPE_STRV,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_compute_profile_init (FerryComputeProfile *self)
{
}

FerryComputeProfile *
ferry_compute_profile_new (void)
{
  return g_object_new (FERRY_TYPE_COMPUTE_PROFILE, NULL);
}

const char *
ferry_compute_profile_get_id (FerryComputeProfile *self)
{
  g_return_val_if_fail (FERRY_IS_COMPUTE_PROFILE (self), NULL);

  return self->id;
}

void
ferry_compute_profile_set_id (FerryComputeProfile *self, const char *id)
{
  g_return_if_fail (FERRY_IS_COMPUTE_PROFILE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_compute_profile_get_name (FerryComputeProfile *self)
{
  g_return_val_if_fail (FERRY_IS_COMPUTE_PROFILE (self), NULL);

  return self->name;
}

void
ferry_compute_profile_set_name (FerryComputeProfile *self, const char *name)
{
  g_return_if_fail (FERRY_IS_COMPUTE_PROFILE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_compute_profile_get_state (FerryComputeProfile *self)
{
  g_return_val_if_fail (FERRY_IS_COMPUTE_PROFILE (self), NULL);

  return self->state;
}

void
ferry_compute_profile_set_state (FerryComputeProfile *self, const char *state)
{
  g_return_if_fail (FERRY_IS_COMPUTE_PROFILE (self));

  if (g_strcmp0 (self->state, state) == 0)
    return;
  g_free (self->state);
  self->state = g_strdup (state);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
ferry_compute_profile_get_endpoint_id (FerryComputeProfile *self)
{
  g_return_val_if_fail (FERRY_IS_COMPUTE_PROFILE (self), NULL);

  return self->endpoint_id;
}

void
ferry_compute_profile_set_endpoint_id (FerryComputeProfile *self, const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_COMPUTE_PROFILE (self));

  if (g_strcmp0 (self->endpoint_id, endpoint_id) == 0)
    return;
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
}

const char *const *
ferry_compute_profile_get_services (FerryComputeProfile *self)
{
  g_return_val_if_fail (FERRY_IS_COMPUTE_PROFILE (self), NULL);

  return (const char *const *)self->services;
}

void
ferry_compute_profile_set_services (FerryComputeProfile *self, const char *const *services)
{
  g_return_if_fail (FERRY_IS_COMPUTE_PROFILE (self));

  if (!ferry_set_strv (&self->services, services))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES]);
}

const char *const *
ferry_compute_profile_get_compute_names (FerryComputeProfile *self)
{
  g_return_val_if_fail (FERRY_IS_COMPUTE_PROFILE (self), NULL);

  return (const char *const *)self->compute_names;
}

void
ferry_compute_profile_set_compute_names (FerryComputeProfile *self,
                                         const char *const *compute_names)
{
  g_return_if_fail (FERRY_IS_COMPUTE_PROFILE (self));

  if (!ferry_set_strv (&self->compute_names, compute_names))
    return;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTE_NAMES]);
}

void
_ferry_compute_profile_set_quiet (FerryComputeProfile *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_COMPUTE_PROFILE (self));

  self->quiet = !!quiet;
}

gboolean
ferry_compute_profile_has_service (FerryComputeProfile *self, const char *service)
{
  g_return_val_if_fail (FERRY_IS_COMPUTE_PROFILE (self), FALSE);
  g_return_val_if_fail (service != NULL, FALSE);

  return self->services != NULL && g_strv_contains ((const char *const *)self->services, service);
}
