/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-connection-store.h"
#include "ferry-credential-store.h"

G_BEGIN_DECLS

#define FERRY_TYPE_APPLICATION (ferry_application_get_type ())
G_DECLARE_FINAL_TYPE (FerryApplication, ferry_application, FERRY, APPLICATION, AdwApplication)

FerryApplication *
ferry_application_new (const char *application_id, GApplicationFlags flags);
GSettings *
ferry_application_get_settings (FerryApplication *self);
FerryConnectionStore *
ferry_application_get_connections (FerryApplication *self);
FerryCredentialStore *
ferry_application_get_credentials (FerryApplication *self);

G_END_DECLS
