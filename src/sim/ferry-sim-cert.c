/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-cert.c: a self-signed certificate made at run time with GnuTLS.
 * No private key ever lives in the repository. */

#include "ferry-sim-cert.h"

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>
#include <time.h>

#define CERT_FILE_NAME "ferry-hcx-sim.pem"

static gboolean
check_gnutls (int rc, const char *what, GError **error)
{
  if (rc >= 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "Could not create the simulator's certificate (%s: %s)", what, gnutls_strerror (rc));
  return FALSE;
}

GTlsCertificate *
ferry_sim_cert_generate (char **out_pem, GError **error)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t crt_pem = { NULL, 0 };
  gnutls_datum_t key_pem = { NULL, 0 };
  guint8 serial[16];
  const guint8 loopback[4] = { 127, 0, 0, 1 };
  time_t now = time (NULL);
  GTlsCertificate *cert = NULL;
  g_autofree char *pem = NULL;
  gboolean ok;
  guint i;

  for (i = 0; i < sizeof serial; i++)
    serial[i] = (guint8)g_random_int_range (0, 256);
  serial[0] &= 0x7f; /* positive */
  serial[0] |= 0x01;

  ok = check_gnutls (gnutls_x509_privkey_init (&key), "key init", error)
       && check_gnutls (
           gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                         GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0),
           "key generation", error)
       && check_gnutls (gnutls_x509_crt_init (&crt), "certificate init", error)
       && check_gnutls (gnutls_x509_crt_set_version (crt, 3), "version", error)
       && check_gnutls (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "serial", error)
       && check_gnutls (gnutls_x509_crt_set_activation_time (crt, now - 3600), "activation", error)
       && check_gnutls (gnutls_x509_crt_set_expiration_time (crt, now + 365 * 24 * 3600),
                        "expiration", error)
       && check_gnutls (gnutls_x509_crt_set_dn (
                            crt, "CN=hcx-sim.localdomain,O=Ferry HCX Simulator,OU=Testing", NULL),
                        "subject", error)
       && check_gnutls (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, "localhost",
                                                              strlen ("localhost"),
                                                              GNUTLS_FSAN_APPEND),
                        "DNS name", error)
       && check_gnutls (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, loopback,
                                                              sizeof loopback, GNUTLS_FSAN_APPEND),
                        "IP address", error)
       && check_gnutls (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), "constraints", error)
       && check_gnutls (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE),
                        "key usage", error)
       && check_gnutls (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0),
                        "key purpose", error)
       && check_gnutls (gnutls_x509_crt_set_key (crt, key), "public key", error)
       && check_gnutls (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), "signature",
                        error)
       && check_gnutls (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &crt_pem),
                        "certificate export", error)
       && check_gnutls (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                           GNUTLS_PKCS_PLAIN, &key_pem),
                        "key export", error);

  if (ok)
    {
      pem = g_strdup_printf ("%.*s%.*s", (int)crt_pem.size, (const char *)crt_pem.data,
                             (int)key_pem.size, (const char *)key_pem.data);
      cert = g_tls_certificate_new_from_pem (pem, -1, error);
    }

  if (key_pem.data != NULL)
    {
      memset (key_pem.data, 0, key_pem.size);
      gnutls_free (key_pem.data);
    }
  if (crt_pem.data != NULL)
    gnutls_free (crt_pem.data);
  if (crt != NULL)
    gnutls_x509_crt_deinit (crt);
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);

  if (cert != NULL && out_pem != NULL)
    *out_pem = g_steal_pointer (&pem);
  return cert;
}

GTlsCertificate *
ferry_sim_cert_load_or_generate (const char *cert_dir, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *pem = NULL;
  GTlsCertificate *cert;

  if (cert_dir == NULL)
    return ferry_sim_cert_generate (NULL, error);

  path = g_build_filename (cert_dir, CERT_FILE_NAME, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GError) local_error = NULL;

      cert = g_tls_certificate_new_from_file (path, &local_error);
      if (cert != NULL)
        return cert;
      g_warning ("Ignoring unreadable simulator certificate %s: %s", path, local_error->message);
    }

  cert = ferry_sim_cert_generate (&pem, error);
  if (cert == NULL)
    return NULL;

  if (g_mkdir_with_parents (cert_dir, 0700) == 0)
    {
      g_autoptr (GError) local_error = NULL;

      if (!g_file_set_contents_full (path, pem, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                     &local_error))
        g_warning ("Could not save the simulator certificate to %s: %s", path,
                   local_error->message);
    }
  memset (pem, 0, strlen (pem));
  return cert;
}

char *
ferry_sim_cert_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr (GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString *out;
  gsize i;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  out = g_string_sized_new (96);
  for (i = 0; hex[i] != '\0' && hex[i + 1] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_c (out, g_ascii_toupper (hex[i]));
      g_string_append_c (out, g_ascii_toupper (hex[i + 1]));
    }
  return g_string_free (out, FALSE);
}
