/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-model-fields-private.h: one table per model class drives its GParamSpecs, its
 * get/set_property, its defaults, its finalize and its typed setters
 *
 * A plain data class (one property per instance field) describes each property once, indexed by
 * its PROP_ id: name, kind, the field's offset in the instance struct and its default. The class
 * keeps its public getters (they read the field directly) and its setters, each one line over
 * ferry_fields_set_*(): those compare, store, and notify by pspec only on change, and stay
 * silent while the instance's quiet flag is set (parsers filling a fresh object). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FERRY_FIELD_NONE = 0, /* PROP_0 */
  FERRY_FIELD_STRING,   /* char *, owned */
  FERRY_FIELD_INT64,    /* gint64, range [dflt, G_MAXINT64] */
  FERRY_FIELD_BOOLEAN,  /* gboolean */
  FERRY_FIELD_DOUBLE,   /* double, range [dflt, G_MAXDOUBLE] */
  FERRY_FIELD_ENUM,     /* int of the enum type gtype () */
  FERRY_FIELD_OBJECT,   /* GObject * of type gtype (), owned */
} FerryFieldKind;

typedef struct
{
  const char *name;
  FerryFieldKind kind;
  guint16 offset;
  gint64 dflt;
  GType (*gtype) (void);
} FerryField;

typedef struct
{
  const FerryField *fields; /* n_props entries, [0] unused */
  GParamSpec **pspecs;      /* n_props entries, filled by ferry_fields_install () */
  guint n_props;
  guint16 quiet_offset; /* a gboolean in the instance */
} FerryFieldTable;

#define FERRY_FIELD_OFFSET(Type, member) ((guint16)G_STRUCT_OFFSET (Type, member))

void
ferry_fields_install (GObjectClass *klass, const FerryFieldTable *table);
void
ferry_fields_init (gpointer instance, const FerryFieldTable *table);
void
ferry_fields_finalize (gpointer instance, const FerryFieldTable *table);

void
ferry_fields_get_property (GObject *object, const FerryFieldTable *table, guint prop_id,
                           GValue *value, GParamSpec *pspec);
void
ferry_fields_set_property (GObject *object, const FerryFieldTable *table, guint prop_id,
                           const GValue *value, GParamSpec *pspec);

/* Each returns TRUE when the value changed (and notified unless quiet). */
gboolean
ferry_fields_set_string (gpointer instance, const FerryFieldTable *table, guint prop_id,
                         const char *value);
gboolean
ferry_fields_set_int64 (gpointer instance, const FerryFieldTable *table, guint prop_id,
                        gint64 value);
gboolean
ferry_fields_set_boolean (gpointer instance, const FerryFieldTable *table, guint prop_id,
                          gboolean value);
gboolean
ferry_fields_set_double (gpointer instance, const FerryFieldTable *table, guint prop_id,
                         double value);
gboolean
ferry_fields_set_enum (gpointer instance, const FerryFieldTable *table, guint prop_id, int value);
gboolean
ferry_fields_set_object (gpointer instance, const FerryFieldTable *table, guint prop_id,
                         gpointer value);

/* Copies every field of @other that differs into @instance (same class), notifying each. */
void
ferry_fields_update_from (gpointer instance, gconstpointer other, const FerryFieldTable *table);

G_END_DECLS
