/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-job.h: an HCX job (GET /jobs/{id})
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_JOB (ferry_job_get_type ())
G_DECLARE_FINAL_TYPE (FerryJob, ferry_job, FERRY, JOB, GObject)

FerryJob *
ferry_job_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_job_set_quiet (FerryJob *self, gboolean quiet);

const char *
ferry_job_get_id (FerryJob *self);
void
ferry_job_set_id (FerryJob *self, const char *id);
gboolean
ferry_job_get_is_queued (FerryJob *self);
void
ferry_job_set_is_queued (FerryJob *self, gboolean is_queued);
gboolean
ferry_job_get_is_done (FerryJob *self);
void
ferry_job_set_is_done (FerryJob *self, gboolean is_done);
gboolean
ferry_job_get_did_fail (FerryJob *self);
void
ferry_job_set_did_fail (FerryJob *self, gboolean did_fail);
gboolean
ferry_job_get_is_cancelled (FerryJob *self);
void
ferry_job_set_is_cancelled (FerryJob *self, gboolean is_cancelled);
double
ferry_job_get_percent_complete (FerryJob *self);
void
ferry_job_set_percent_complete (FerryJob *self, double percent_complete);
gint64
ferry_job_get_start_time (FerryJob *self);
void
ferry_job_set_start_time (FerryJob *self, gint64 start_time);
gint64
ferry_job_get_end_time (FerryJob *self);
void
ferry_job_set_end_time (FerryJob *self, gint64 end_time);
const char *
ferry_job_get_error_message (FerryJob *self);
void
ferry_job_set_error_message (FerryJob *self, const char *error_message);

G_END_DECLS
