/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-certificate.c: what the user needs to decide whether to trust a server. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ferry-hcx-certificate.h"

struct _FerryHcxCertificate
{
  GObject parent_instance;
  GTlsCertificate *certificate;
  GTlsCertificateFlags errors;
  char *fingerprint;
  char *subject;
  char *issuer;
  GDateTime *not_before;
  GDateTime *not_after;
  char *pem;
};

G_DEFINE_FINAL_TYPE (FerryHcxCertificate, ferry_hcx_certificate, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FINGERPRINT,
  PROP_SUBJECT,
  PROP_ISSUER,
  PROP_NOT_BEFORE,
  PROP_NOT_AFTER,
  PROP_PEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_hcx_certificate_finalize (GObject *object)
{
  FerryHcxCertificate *self = (FerryHcxCertificate *)object;

  g_clear_object (&self->certificate);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->not_before, g_date_time_unref);
  g_clear_pointer (&self->not_after, g_date_time_unref);
  g_clear_pointer (&self->pem, g_free);

  G_OBJECT_CLASS (ferry_hcx_certificate_parent_class)->finalize (object);
}

static void
ferry_hcx_certificate_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  FerryHcxCertificate *self = (FerryHcxCertificate *)object;

  switch (prop_id)
    {
      case PROP_FINGERPRINT:
        g_value_set_string (value, self->fingerprint);
        break;

      case PROP_SUBJECT:
        g_value_set_string (value, self->subject);
        break;

      case PROP_ISSUER:
        g_value_set_string (value, self->issuer);
        break;

      case PROP_NOT_BEFORE:
        g_value_set_boxed (value, self->not_before);
        break;

      case PROP_NOT_AFTER:
        g_value_set_boxed (value, self->not_after);
        break;

      case PROP_PEM:
        g_value_set_string (value, self->pem);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_hcx_certificate_class_init (FerryHcxCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ferry_hcx_certificate_finalize;
  object_class->get_property = ferry_hcx_certificate_get_property;

  properties[PROP_FINGERPRINT] = g_param_spec_string ("fingerprint", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, NULL, flags);
  properties[PROP_NOT_BEFORE]
      = g_param_spec_boxed ("not-before", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_NOT_AFTER]
      = g_param_spec_boxed ("not-after", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_PEM] = g_param_spec_string ("pem", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_hcx_certificate_init (FerryHcxCertificate *self)
{
}

char *
ferry_hcx_fingerprint_for_certificate (GTlsCertificate *certificate)
{
  g_autoptr (GByteArray) der = NULL;
  g_autoptr (GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize len = sizeof digest;
  GString *s;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &len);
  s = g_string_sized_new (96);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, i == 0 ? "%02X" : ":%02X", digest[i]);
  return g_string_free (s, FALSE);
}

char *
ferry_hcx_fingerprint_normalize (const char *fingerprint)
{
  GString *hex;
  GString *out;

  if (fingerprint == NULL)
    return NULL;
  hex = g_string_new (NULL);
  for (const char *p = fingerprint; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        g_string_append_c (hex, g_ascii_toupper (*p));
      else if (*p != ':' && *p != ' ' && *p != '-')
        {
          g_string_free (hex, TRUE);
          return NULL;
        }
    }
  if (hex->len != 64)
    {
      g_string_free (hex, TRUE);
      return NULL;
    }
  out = g_string_sized_new (96);
  for (gsize i = 0; i < hex->len; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_len (out, hex->str + i, 2);
    }
  g_string_free (hex, TRUE);
  return g_string_free (out, FALSE);
}

gboolean
ferry_hcx_fingerprint_equal (const char *a, const char *b)
{
  g_autofree char *na = ferry_hcx_fingerprint_normalize (a);
  g_autofree char *nb = ferry_hcx_fingerprint_normalize (b);

  return na != NULL && nb != NULL && strcmp (na, nb) == 0;
}

FerryHcxCertificate *
ferry_hcx_certificate_new (GTlsCertificate *certificate, GTlsCertificateFlags errors)
{
  FerryHcxCertificate *self;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  self = g_object_new (FERRY_TYPE_HCX_CERTIFICATE, NULL);
  self->certificate = g_object_ref (certificate);
  self->errors = errors;
  self->fingerprint = ferry_hcx_fingerprint_for_certificate (certificate);
  g_object_get (certificate, "subject-name", &self->subject, "issuer-name", &self->issuer,
                "not-valid-before", &self->not_before, "not-valid-after", &self->not_after,
                "certificate-pem", &self->pem, NULL);
  return self;
}

GTlsCertificate *
ferry_hcx_certificate_get_tls_certificate (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  return self->certificate;
}

const char *
ferry_hcx_certificate_get_fingerprint (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  return self->fingerprint;
}

const char *
ferry_hcx_certificate_get_subject (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  return self->subject;
}

const char *
ferry_hcx_certificate_get_issuer (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  return self->issuer;
}

GDateTime *
ferry_hcx_certificate_get_not_before (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  return self->not_before;
}

GDateTime *
ferry_hcx_certificate_get_not_after (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  return self->not_after;
}

const char *
ferry_hcx_certificate_get_pem (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  return self->pem;
}

GTlsCertificateFlags
ferry_hcx_certificate_get_errors (FerryHcxCertificate *self)
{
  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), 0);

  return self->errors;
}

char *
ferry_hcx_certificate_describe_errors (FerryHcxCertificate *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (self), NULL);

  if (self->errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (parts, (gpointer)_ ("it is self-signed or signed by an unknown authority"));
  if (self->errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (parts, (gpointer)_ ("it was issued for another server name"));
  if (self->errors & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (parts, (gpointer)_ ("it is not valid yet"));
  if (self->errors & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (parts, (gpointer)_ ("it has expired"));
  if (self->errors & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (parts, (gpointer)_ ("it has been revoked"));
  if (self->errors & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (parts, (gpointer)_ ("it uses insecure cryptography"));
  if (parts->len == 0 && self->errors != 0)
    g_ptr_array_add (parts, (gpointer)_ ("it could not be verified"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **)parts->pdata);
}
