/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-job.c: an HCX job (GET /jobs/{id}) */

#include "ferry-job.h"

struct _FerryJob
{
  GObject parent_instance;

  char *id;
  gboolean is_queued;
  gboolean is_done;
  gboolean did_fail;
  gboolean is_cancelled;
  double percent_complete;
  gint64 start_time;
  gint64 end_time;
  char *error_message;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryJob, ferry_job, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_IS_QUEUED,
  PROP_IS_DONE,
  PROP_DID_FAIL,
  PROP_IS_CANCELLED,
  PROP_PERCENT_COMPLETE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_job_finalize (GObject *object)
{
  FerryJob *self = (FerryJob *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (ferry_job_parent_class)->finalize (object);
}

static void
ferry_job_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryJob *self = (FerryJob *)object;

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_IS_QUEUED:
        g_value_set_boolean (value, self->is_queued);
        break;

      case PROP_IS_DONE:
        g_value_set_boolean (value, self->is_done);
        break;

      case PROP_DID_FAIL:
        g_value_set_boolean (value, self->did_fail);
        break;

      case PROP_IS_CANCELLED:
        g_value_set_boolean (value, self->is_cancelled);
        break;

      case PROP_PERCENT_COMPLETE:
        g_value_set_double (value, self->percent_complete);
        break;

      case PROP_START_TIME:
        g_value_set_int64 (value, self->start_time);
        break;

      case PROP_END_TIME:
        g_value_set_int64 (value, self->end_time);
        break;

      case PROP_ERROR_MESSAGE:
        g_value_set_string (value, self->error_message);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_job_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerryJob *self = (FerryJob *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_job_set_id (self, g_value_get_string (value));
        break;

      case PROP_IS_QUEUED:
        ferry_job_set_is_queued (self, g_value_get_boolean (value));
        break;

      case PROP_IS_DONE:
        ferry_job_set_is_done (self, g_value_get_boolean (value));
        break;

      case PROP_DID_FAIL:
        ferry_job_set_did_fail (self, g_value_get_boolean (value));
        break;

      case PROP_IS_CANCELLED:
        ferry_job_set_is_cancelled (self, g_value_get_boolean (value));
        break;

      case PROP_PERCENT_COMPLETE:
        ferry_job_set_percent_complete (self, g_value_get_double (value));
        break;

      case PROP_START_TIME:
        ferry_job_set_start_time (self, g_value_get_int64 (value));
        break;

      case PROP_END_TIME:
        ferry_job_set_end_time (self, g_value_get_int64 (value));
        break;

      case PROP_ERROR_MESSAGE:
        ferry_job_set_error_message (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_job_class_init (FerryJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_job_finalize;
  object_class->get_property = ferry_job_get_property;
  object_class->set_property = ferry_job_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_QUEUED]
      = g_param_spec_boolean ("is-queued", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_DONE]
      = g_param_spec_boolean ("is-done", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DID_FAIL]
      = g_param_spec_boolean ("did-fail", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_CANCELLED]
      = g_param_spec_boolean ("is-cancelled", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERCENT_COMPLETE]
      = g_param_spec_double ("percent-complete", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_TIME]
      = g_param_spec_int64 ("start-time", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_TIME]
      = g_param_spec_int64 ("end-time", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE]
      = g_param_spec_string ("error-message", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_job_init (FerryJob *self)
{
  self->percent_complete = -1.0;
  self->start_time = -1;
  self->end_time = -1;
}

FerryJob *
ferry_job_new (void)
{
  return g_object_new (FERRY_TYPE_JOB, NULL);
}

const char *
ferry_job_get_id (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  return self->id;
}

void
ferry_job_set_id (FerryJob *self, const char *id)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gboolean
ferry_job_get_is_queued (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), FALSE);

  return self->is_queued;
}

void
ferry_job_set_is_queued (FerryJob *self, gboolean is_queued)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  is_queued = !!is_queued;
  if (self->is_queued == is_queued)
    return;
  self->is_queued = is_queued;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_QUEUED]);
}

gboolean
ferry_job_get_is_done (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), FALSE);

  return self->is_done;
}

void
ferry_job_set_is_done (FerryJob *self, gboolean is_done)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  is_done = !!is_done;
  if (self->is_done == is_done)
    return;
  self->is_done = is_done;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DONE]);
}

gboolean
ferry_job_get_did_fail (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), FALSE);

  return self->did_fail;
}

void
ferry_job_set_did_fail (FerryJob *self, gboolean did_fail)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  did_fail = !!did_fail;
  if (self->did_fail == did_fail)
    return;
  self->did_fail = did_fail;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DID_FAIL]);
}

gboolean
ferry_job_get_is_cancelled (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), FALSE);

  return self->is_cancelled;
}

void
ferry_job_set_is_cancelled (FerryJob *self, gboolean is_cancelled)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  is_cancelled = !!is_cancelled;
  if (self->is_cancelled == is_cancelled)
    return;
  self->is_cancelled = is_cancelled;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CANCELLED]);
}

double
ferry_job_get_percent_complete (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), -1.0);

  return self->percent_complete;
}

void
ferry_job_set_percent_complete (FerryJob *self, double percent_complete)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  if (self->percent_complete == percent_complete)
    return;
  self->percent_complete = percent_complete;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT_COMPLETE]);
}

gint64
ferry_job_get_start_time (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), -1);

  return self->start_time;
}

void
ferry_job_set_start_time (FerryJob *self, gint64 start_time)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  if (self->start_time == start_time)
    return;
  self->start_time = start_time;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}

gint64
ferry_job_get_end_time (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), -1);

  return self->end_time;
}

void
ferry_job_set_end_time (FerryJob *self, gint64 end_time)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  if (self->end_time == end_time)
    return;
  self->end_time = end_time;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

const char *
ferry_job_get_error_message (FerryJob *self)
{
  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  return self->error_message;
}

void
ferry_job_set_error_message (FerryJob *self, const char *error_message)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  if (g_strcmp0 (self->error_message, error_message) == 0)
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (error_message);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

void
_ferry_job_set_quiet (FerryJob *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  self->quiet = !!quiet;
}
