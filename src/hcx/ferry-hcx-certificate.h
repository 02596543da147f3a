/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-certificate.h: what the user needs to decide whether to trust a server. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_TYPE_HCX_CERTIFICATE (ferry_hcx_certificate_get_type ())
G_DECLARE_FINAL_TYPE (FerryHcxCertificate, ferry_hcx_certificate, FERRY, HCX_CERTIFICATE, GObject)

/* @errors: why it did not validate (0 if it validated). */
FerryHcxCertificate *
ferry_hcx_certificate_new (GTlsCertificate *certificate, GTlsCertificateFlags errors);

GTlsCertificate *
ferry_hcx_certificate_get_tls_certificate (FerryHcxCertificate *self);
/* SHA-256 of the DER, upper-case colon-separated hex "AB:CD:…" (95 characters). */
const char *
ferry_hcx_certificate_get_fingerprint (FerryHcxCertificate *self);
const char *
ferry_hcx_certificate_get_subject (FerryHcxCertificate *self); /* may be NULL */
const char *
ferry_hcx_certificate_get_issuer (FerryHcxCertificate *self); /* may be NULL */
GDateTime *
ferry_hcx_certificate_get_not_before (FerryHcxCertificate *self); /* may be NULL */
GDateTime *
ferry_hcx_certificate_get_not_after (FerryHcxCertificate *self); /* may be NULL */
const char *
ferry_hcx_certificate_get_pem (FerryHcxCertificate *self);
GTlsCertificateFlags
ferry_hcx_certificate_get_errors (FerryHcxCertificate *self);
/* "The certificate is self-signed or signed by an unknown authority; it has expired" … */
char *
ferry_hcx_certificate_describe_errors (FerryHcxCertificate *self);

/* Helpers. */
char *
ferry_hcx_fingerprint_for_certificate (GTlsCertificate *certificate);
/* Compares two fingerprints ignoring case, colons and spaces. FALSE if either is NULL. */
gboolean
ferry_hcx_fingerprint_equal (const char *a, const char *b);
/* Normalises "abcd…" / "ab:cd:…" / "AB CD …" into "AB:CD:…"; NULL if it is not 32 hex bytes. */
char *
ferry_hcx_fingerprint_normalize (const char *fingerprint);

G_END_DECLS
