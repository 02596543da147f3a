/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-site.h: a remote site connection (cloudConfig)
 *
 * A plain data object: one property per field (same boilerplate shape in every model class),
 * setters notify only on change; hand-written helpers at the end. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_SITE (ferry_site_get_type ())
G_DECLARE_FINAL_TYPE (FerrySite, ferry_site, FERRY, SITE, GObject)

FerrySite *
ferry_site_new (void);

/* Internal, for parsers filling a fresh object nobody watches yet: setters skip change
 * notifications while quiet (GLib 2.74 notifications cost ~1 µs each). */
void
_ferry_site_set_quiet (FerrySite *self, gboolean quiet);

const char *
ferry_site_get_endpoint_id (FerrySite *self);
void
ferry_site_set_endpoint_id (FerrySite *self, const char *endpoint_id);
const char *
ferry_site_get_name (FerrySite *self);
void
ferry_site_set_name (FerrySite *self, const char *name);
const char *
ferry_site_get_url (FerrySite *self);
void
ferry_site_set_url (FerrySite *self, const char *url);
const char *
ferry_site_get_cloud_type (FerrySite *self);
void
ferry_site_set_cloud_type (FerrySite *self, const char *cloud_type);
const char *
ferry_site_get_cloud_name (FerrySite *self);
void
ferry_site_set_cloud_name (FerrySite *self, const char *cloud_name);
const char *
ferry_site_get_version (FerrySite *self);
void
ferry_site_set_version (FerrySite *self, const char *version);
const char *
ferry_site_get_build_number (FerrySite *self);
void
ferry_site_set_build_number (FerrySite *self, const char *build_number);
const char *
ferry_site_get_username (FerrySite *self);
void
ferry_site_set_username (FerrySite *self, const char *username);

G_END_DECLS
