/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-hcx-certificate.h"

G_BEGIN_DECLS

/* Response ids of the dialog. */
#define FERRY_CERTIFICATE_RESPONSE_CANCEL "cancel"
#define FERRY_CERTIFICATE_RESPONSE_TRUST "trust"

/* An AdwMessageDialog that shows @certificate of @server (fingerprint, subject, issuer, validity,
 * what is wrong with it) and explains what trusting it means. With @pinned_fingerprint (the one
 * the user trusted before) it explains that the certificate changed. */
AdwMessageDialog *
ferry_certificate_dialog_new (GtkWindow *parent, const char *server,
                              FerryHcxCertificate *certificate, const char *pinned_fingerprint);

/* A distinguished name for people: the common name first, the other parts after it on a second
 * line; NULL for an empty @dn. */
char *
ferry_certificate_dialog_format_name (const char *dn);
G_END_DECLS
