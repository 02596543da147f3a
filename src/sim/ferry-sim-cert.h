/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GTlsCertificate *
ferry_sim_cert_generate (char **out_pem, GError **error);
GTlsCertificate *
ferry_sim_cert_load_or_generate (const char *cert_dir, GError **error);
char *
ferry_sim_cert_fingerprint (GTlsCertificate *certificate);

G_END_DECLS
