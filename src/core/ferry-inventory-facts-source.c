/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-inventory-facts-source.c: FerryFactSource, where a fact came from and when */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-inventory-facts.h"

struct _FerryFactSource
{
  GObject parent_instance;

  FerryFactSourceKind kind;
  char *origin;
  char *server;
  GDateTime *date;
};

G_DEFINE_FINAL_TYPE (FerryFactSource, ferry_fact_source, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_ORIGIN,
  PROP_SERVER,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_fact_source_finalize (GObject *object)
{
  FerryFactSource *self = (FerryFactSource *)object;

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (ferry_fact_source_parent_class)->finalize (object);
}

static void
ferry_fact_source_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryFactSource *self = (FerryFactSource *)object;

  switch (prop_id)
    {
      case PROP_KIND:
        g_value_set_int (value, self->kind);
        break;

      case PROP_ORIGIN:
        g_value_set_string (value, self->origin);
        break;

      case PROP_SERVER:
        g_value_set_string (value, self->server);
        break;

      case PROP_DATE:
        g_value_set_boxed (value, self->date);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_fact_source_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  FerryFactSource *self = (FerryFactSource *)object;

  switch (prop_id)
    {
      case PROP_KIND:
        self->kind = g_value_get_int (value);
        break;

      case PROP_ORIGIN:
        self->origin = g_value_dup_string (value);
        break;

      case PROP_SERVER:
        self->server = g_value_dup_string (value);
        break;

      case PROP_DATE:
        self->date = g_value_dup_boxed (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_fact_source_class_init (FerryFactSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_fact_source_finalize;
  object_class->get_property = ferry_fact_source_get_property;
  object_class->set_property = ferry_fact_source_set_property;

  properties[PROP_KIND]
      = g_param_spec_int ("kind", NULL, NULL, FERRY_FACT_SOURCE_KIND_RVTOOLS,
                          FERRY_FACT_SOURCE_KIND_HCX_MANAGER, FERRY_FACT_SOURCE_KIND_RVTOOLS,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                              | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN]
      = g_param_spec_string ("origin", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                 | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER]
      = g_param_spec_string ("server", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                 | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE]
      = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_fact_source_init (FerryFactSource *self)
{
}

FerryFactSource *
ferry_fact_source_new (FerryFactSourceKind kind, const char *origin, const char *server,
                       GDateTime *date)
{
  return g_object_new (FERRY_TYPE_FACT_SOURCE, "kind", kind, "origin", origin, "server", server,
                       "date", date, NULL);
}

FerryFactSourceKind
ferry_fact_source_get_kind (FerryFactSource *self)
{
  g_return_val_if_fail (FERRY_IS_FACT_SOURCE (self), FERRY_FACT_SOURCE_KIND_RVTOOLS);

  return self->kind;
}

const char *
ferry_fact_source_get_origin (FerryFactSource *self)
{
  g_return_val_if_fail (FERRY_IS_FACT_SOURCE (self), NULL);

  return self->origin;
}

const char *
ferry_fact_source_get_server (FerryFactSource *self)
{
  g_return_val_if_fail (FERRY_IS_FACT_SOURCE (self), NULL);

  return self->server;
}

GDateTime *
ferry_fact_source_get_date (FerryFactSource *self)
{
  g_return_val_if_fail (FERRY_IS_FACT_SOURCE (self), NULL);

  return self->date;
}

FerryFactSource *
ferry_fact_source_for_server (FerryFactSource *self, const char *server)
{
  g_return_val_if_fail (FERRY_IS_FACT_SOURCE (self), NULL);

  if (g_strcmp0 (self->server, server) == 0)
    return g_object_ref (self);
  return ferry_fact_source_new (self->kind, self->origin, server, self->date);
}

static gboolean
is_ip_address (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != ':' && !g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* "vc01.corp.local" -> "vc01"; an IP address stays whole. */
static char *
short_server (const char *server)
{
  const char *dot = strchr (server, '.');

  if (dot == NULL || dot == server || is_ip_address (server))
    return g_strdup (server);
  return g_strndup (server, dot - server);
}

char *
ferry_fact_source_describe (FerryFactSource *self)
{
  g_autofree char *date = NULL;
  g_autofree char *server = NULL;

  g_return_val_if_fail (FERRY_IS_FACT_SOURCE (self), NULL);

  /* Day, abbreviated month, year: "20 Nov 2026". */
  if (self->date != NULL)
    date = g_date_time_format (self->date, "%-d %b %Y");
  if (self->server != NULL && self->server[0] != '\0')
    server = short_server (self->server);

  if (self->kind == FERRY_FACT_SOURCE_KIND_HCX_MANAGER)
    {
      const char *host = self->origin ? self->origin : "";

      if (date != NULL)
        /* Translators: "from HCX Manager hcx01.corp.local, 2 Dec 2026" */
        return g_strdup_printf (_ ("from HCX Manager %s, %s"), host, date);
      return g_strdup_printf (_ ("from HCX Manager %s"), host);
    }

  if (date != NULL && server != NULL)
    /* Translators: "from the RVTools export of 20 Nov 2026, vc01" (date, vCenter) */
    return g_strdup_printf (_ ("from the RVTools export of %s, %s"), date, server);
  if (date != NULL)
    return g_strdup_printf (_ ("from the RVTools export of %s"), date);
  if (server != NULL)
    /* Translators: "from the RVTools export (undated), vc01" */
    return g_strdup_printf (_ ("from the RVTools export (undated), %s"), server);
  return g_strdup (_ ("from the RVTools export (undated)"));
}

int
ferry_fact_source_get_age_days (FerryFactSource *self, GDateTime *now)
{
  GTimeSpan span;

  g_return_val_if_fail (FERRY_IS_FACT_SOURCE (self), -1);
  g_return_val_if_fail (now != NULL, -1);

  if (self->date == NULL)
    return -1;
  span = g_date_time_difference (now, self->date);
  if (span < 0)
    return 0;
  return (int)(span / G_TIME_SPAN_DAY);
}

char *
ferry_fact_source_describe_age (FerryFactSource *self, GDateTime *now)
{
  int days = ferry_fact_source_get_age_days (self, now);

  if (days < 0)
    return g_strdup (_ ("date unknown"));
  if (days == 0)
    return g_strdup (_ ("taken today"));
  /* Translators: how old a fact is: "1 day old", "12 days old" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day old", "%d days old", days), days);
}
