/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-model-fields.c: the table that drives a plain data class's properties */

#include "ferry-model-fields-private.h"

#define FIELD_PTR(instance, field) ((gpointer)((guint8 *)(instance) + (field)->offset))
#define FIELD_AT(instance, field, Type) (*(Type *)FIELD_PTR (instance, field))

static const GParamFlags flags
    = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

void
ferry_fields_install (GObjectClass *klass, const FerryFieldTable *table)
{
  for (guint i = 1; i < table->n_props; i++)
    {
      const FerryField *f = &table->fields[i];
      GParamSpec *pspec = NULL;

      switch (f->kind)
        {
          case FERRY_FIELD_STRING:
            pspec = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
            break;
          case FERRY_FIELD_INT64:
            pspec = g_param_spec_int64 (f->name, NULL, NULL, f->dflt, G_MAXINT64, f->dflt, flags);
            break;
          case FERRY_FIELD_BOOLEAN:
            pspec = g_param_spec_boolean (f->name, NULL, NULL, f->dflt != 0, flags);
            break;
          case FERRY_FIELD_DOUBLE:
            pspec = g_param_spec_double (f->name, NULL, NULL, (double)f->dflt, G_MAXDOUBLE,
                                         (double)f->dflt, flags);
            break;
          case FERRY_FIELD_ENUM:
            pspec = g_param_spec_enum (f->name, NULL, NULL, f->gtype (), (int)f->dflt, flags);
            break;
          case FERRY_FIELD_OBJECT:
            pspec = g_param_spec_object (f->name, NULL, NULL, f->gtype (), flags);
            break;
          case FERRY_FIELD_NONE:
          default:
            g_assert_not_reached ();
        }
      table->pspecs[i] = pspec;
    }
  g_object_class_install_properties (klass, table->n_props, table->pspecs);
}

void
ferry_fields_init (gpointer instance, const FerryFieldTable *table)
{
  for (guint i = 1; i < table->n_props; i++)
    {
      const FerryField *f = &table->fields[i];

      switch (f->kind)
        {
          case FERRY_FIELD_INT64:
            FIELD_AT (instance, f, gint64) = f->dflt;
            break;
          case FERRY_FIELD_BOOLEAN:
            FIELD_AT (instance, f, gboolean) = f->dflt != 0;
            break;
          case FERRY_FIELD_DOUBLE:
            FIELD_AT (instance, f, double) = (double)f->dflt;
            break;
          case FERRY_FIELD_ENUM:
            FIELD_AT (instance, f, int) = (int)f->dflt;
            break;
          case FERRY_FIELD_STRING:
          case FERRY_FIELD_OBJECT:
          case FERRY_FIELD_NONE:
          default:
            break; /* GObject zeroes the instance */
        }
    }
}

void
ferry_fields_finalize (gpointer instance, const FerryFieldTable *table)
{
  for (guint i = 1; i < table->n_props; i++)
    {
      const FerryField *f = &table->fields[i];

      if (f->kind == FERRY_FIELD_STRING)
        g_clear_pointer ((char **)FIELD_PTR (instance, f), g_free);
      else if (f->kind == FERRY_FIELD_OBJECT)
        g_clear_object ((GObject **)FIELD_PTR (instance, f));
    }
}

void
ferry_fields_get_property (GObject *object, const FerryFieldTable *table, guint prop_id,
                           GValue *value, GParamSpec *pspec)
{
  const FerryField *f = prop_id < table->n_props ? &table->fields[prop_id] : NULL;

  switch (f != NULL ? f->kind : FERRY_FIELD_NONE)
    {
      case FERRY_FIELD_STRING:
        g_value_set_string (value, FIELD_AT (object, f, char *));
        break;
      case FERRY_FIELD_INT64:
        g_value_set_int64 (value, FIELD_AT (object, f, gint64));
        break;
      case FERRY_FIELD_BOOLEAN:
        g_value_set_boolean (value, FIELD_AT (object, f, gboolean));
        break;
      case FERRY_FIELD_DOUBLE:
        g_value_set_double (value, FIELD_AT (object, f, double));
        break;
      case FERRY_FIELD_ENUM:
        g_value_set_enum (value, FIELD_AT (object, f, int));
        break;
      case FERRY_FIELD_OBJECT:
        g_value_set_object (value, FIELD_AT (object, f, GObject *));
        break;
      case FERRY_FIELD_NONE:
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
ferry_fields_set_property (GObject *object, const FerryFieldTable *table, guint prop_id,
                           const GValue *value, GParamSpec *pspec)
{
  const FerryField *f = prop_id < table->n_props ? &table->fields[prop_id] : NULL;

  switch (f != NULL ? f->kind : FERRY_FIELD_NONE)
    {
      case FERRY_FIELD_STRING:
        ferry_fields_set_string (object, table, prop_id, g_value_get_string (value));
        break;
      case FERRY_FIELD_INT64:
        ferry_fields_set_int64 (object, table, prop_id, g_value_get_int64 (value));
        break;
      case FERRY_FIELD_BOOLEAN:
        ferry_fields_set_boolean (object, table, prop_id, g_value_get_boolean (value));
        break;
      case FERRY_FIELD_DOUBLE:
        ferry_fields_set_double (object, table, prop_id, g_value_get_double (value));
        break;
      case FERRY_FIELD_ENUM:
        ferry_fields_set_enum (object, table, prop_id, g_value_get_enum (value));
        break;
      case FERRY_FIELD_OBJECT:
        ferry_fields_set_object (object, table, prop_id, g_value_get_object (value));
        break;
      case FERRY_FIELD_NONE:
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
changed (gpointer instance, const FerryFieldTable *table, guint prop_id)
{
  if (!*(gboolean *)((guint8 *)instance + table->quiet_offset))
    g_object_notify_by_pspec (G_OBJECT (instance), table->pspecs[prop_id]);
  return TRUE;
}

gboolean
ferry_fields_set_string (gpointer instance, const FerryFieldTable *table, guint prop_id,
                         const char *value)
{
  char **field = FIELD_PTR (instance, &table->fields[prop_id]);

  g_assert (table->fields[prop_id].kind == FERRY_FIELD_STRING);
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return changed (instance, table, prop_id);
}

gboolean
ferry_fields_set_int64 (gpointer instance, const FerryFieldTable *table, guint prop_id,
                        gint64 value)
{
  gint64 *field = FIELD_PTR (instance, &table->fields[prop_id]);

  g_assert (table->fields[prop_id].kind == FERRY_FIELD_INT64);
  if (*field == value)
    return FALSE;
  *field = value;
  return changed (instance, table, prop_id);
}

gboolean
ferry_fields_set_boolean (gpointer instance, const FerryFieldTable *table, guint prop_id,
                          gboolean value)
{
  gboolean *field = FIELD_PTR (instance, &table->fields[prop_id]);

  g_assert (table->fields[prop_id].kind == FERRY_FIELD_BOOLEAN);
  value = !!value;
  if (*field == value)
    return FALSE;
  *field = value;
  return changed (instance, table, prop_id);
}

gboolean
ferry_fields_set_double (gpointer instance, const FerryFieldTable *table, guint prop_id,
                         double value)
{
  double *field = FIELD_PTR (instance, &table->fields[prop_id]);

  g_assert (table->fields[prop_id].kind == FERRY_FIELD_DOUBLE);
  if (*field == value)
    return FALSE;
  *field = value;
  return changed (instance, table, prop_id);
}

gboolean
ferry_fields_set_enum (gpointer instance, const FerryFieldTable *table, guint prop_id, int value)
{
  int *field = FIELD_PTR (instance, &table->fields[prop_id]);

  g_assert (table->fields[prop_id].kind == FERRY_FIELD_ENUM);
  if (*field == value)
    return FALSE;
  *field = value;
  return changed (instance, table, prop_id);
}

gboolean
ferry_fields_set_object (gpointer instance, const FerryFieldTable *table, guint prop_id,
                         gpointer value)
{
  GObject **field = FIELD_PTR (instance, &table->fields[prop_id]);

  g_assert (table->fields[prop_id].kind == FERRY_FIELD_OBJECT);
  if (!g_set_object (field, value))
    return FALSE;
  return changed (instance, table, prop_id);
}

void
ferry_fields_update_from (gpointer instance, gconstpointer other, const FerryFieldTable *table)
{
  for (guint i = 1; i < table->n_props; i++)
    {
      const FerryField *f = &table->fields[i];

      switch (f->kind)
        {
          case FERRY_FIELD_STRING:
            ferry_fields_set_string (instance, table, i, FIELD_AT (other, f, char *));
            break;
          case FERRY_FIELD_INT64:
            ferry_fields_set_int64 (instance, table, i, FIELD_AT (other, f, gint64));
            break;
          case FERRY_FIELD_BOOLEAN:
            ferry_fields_set_boolean (instance, table, i, FIELD_AT (other, f, gboolean));
            break;
          case FERRY_FIELD_DOUBLE:
            ferry_fields_set_double (instance, table, i, FIELD_AT (other, f, double));
            break;
          case FERRY_FIELD_ENUM:
            ferry_fields_set_enum (instance, table, i, FIELD_AT (other, f, int));
            break;
          case FERRY_FIELD_OBJECT:
            ferry_fields_set_object (instance, table, i, FIELD_AT (other, f, GObject *));
            break;
          case FERRY_FIELD_NONE:
          default:
            break;
        }
    }
}
