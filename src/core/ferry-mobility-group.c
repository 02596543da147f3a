/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-mobility-group.c: a mobility group (a wave of migrations started together) */

#include "ferry-mobility-group.h"

struct _FerryMobilityGroup
{
  GObject parent_instance;

  char *id;
  char *name;
  char *state;
  int n_migrations;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryMobilityGroup, ferry_mobility_group, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATE,
  PROP_N_MIGRATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_mobility_group_finalize (GObject *object)
{
  FerryMobilityGroup *self = (FerryMobilityGroup *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->state, g_free);

  G_OBJECT_CLASS (ferry_mobility_group_parent_class)->finalize (object);
}

static void
ferry_mobility_group_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryMobilityGroup *self = (FerryMobilityGroup *)object;

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

      case PROP_N_MIGRATIONS:
        g_value_set_int (value, self->n_migrations);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_mobility_group_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  FerryMobilityGroup *self = (FerryMobilityGroup *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_mobility_group_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_mobility_group_set_name (self, g_value_get_string (value));
        break;

      case PROP_STATE:
        ferry_mobility_group_set_state (self, g_value_get_string (value));
        break;

      case PROP_N_MIGRATIONS:
        ferry_mobility_group_set_n_migrations (self, g_value_get_int (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_mobility_group_class_init (FerryMobilityGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_mobility_group_finalize;
  object_class->get_property = ferry_mobility_group_get_property;
  object_class->set_property = ferry_mobility_group_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE]
      = g_param_spec_string ("state", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MIGRATIONS]
      = g_param_spec_int ("n-migrations", NULL, NULL, -1, G_MAXINT, -1,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_mobility_group_init (FerryMobilityGroup *self)
{
  self->n_migrations = -1;
}

FerryMobilityGroup *
ferry_mobility_group_new (void)
{
  return g_object_new (FERRY_TYPE_MOBILITY_GROUP, NULL);
}

const char *
ferry_mobility_group_get_id (FerryMobilityGroup *self)
{
  g_return_val_if_fail (FERRY_IS_MOBILITY_GROUP (self), NULL);

  return self->id;
}

void
ferry_mobility_group_set_id (FerryMobilityGroup *self, const char *id)
{
  g_return_if_fail (FERRY_IS_MOBILITY_GROUP (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_mobility_group_get_name (FerryMobilityGroup *self)
{
  g_return_val_if_fail (FERRY_IS_MOBILITY_GROUP (self), NULL);

  return self->name;
}

void
ferry_mobility_group_set_name (FerryMobilityGroup *self, const char *name)
{
  g_return_if_fail (FERRY_IS_MOBILITY_GROUP (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_mobility_group_get_state (FerryMobilityGroup *self)
{
  g_return_val_if_fail (FERRY_IS_MOBILITY_GROUP (self), NULL);

  return self->state;
}

void
ferry_mobility_group_set_state (FerryMobilityGroup *self, const char *state)
{
  g_return_if_fail (FERRY_IS_MOBILITY_GROUP (self));

  if (g_strcmp0 (self->state, state) == 0)
    return;
  g_free (self->state);
  self->state = g_strdup (state);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

int
ferry_mobility_group_get_n_migrations (FerryMobilityGroup *self)
{
  g_return_val_if_fail (FERRY_IS_MOBILITY_GROUP (self), -1);

  return self->n_migrations;
}

void
ferry_mobility_group_set_n_migrations (FerryMobilityGroup *self, int n_migrations)
{
  g_return_if_fail (FERRY_IS_MOBILITY_GROUP (self));

  if (self->n_migrations == n_migrations)
    return;
  self->n_migrations = n_migrations;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MIGRATIONS]);
}

void
_ferry_mobility_group_set_quiet (FerryMobilityGroup *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_MOBILITY_GROUP (self));

  self->quiet = !!quiet;
}
