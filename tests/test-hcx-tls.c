/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hcx-tls.c: what a pin means. Certificates made here with GnuTLS (a CA of the test's own,
 * a server certificate it signs, an expired one), served by small HTTPS servers of the test's
 * own, and trusted through a TLS database the test controls. */

#include "config.h"

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "hcx-test-util.h"

#define DAY (24 * 3600)

typedef struct
{
  gnutls_x509_privkey_t key;
  gnutls_x509_crt_t crt;
  char *cert_pem;
  char *key_pem;
} Cert;

static void
check (int rc)
{
  if (rc < 0)
    g_error ("GnuTLS: %s", gnutls_strerror (rc));
}

static char *
export_crt (gnutls_x509_crt_t crt)
{
  gnutls_datum_t d = { NULL, 0 };
  char *pem;

  check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &d));
  pem = g_strndup ((const char *)d.data, d.size);
  gnutls_free (d.data);
  return pem;
}

/* A certificate for 127.0.0.1 valid from @not_before to @not_after (relative to now, seconds),
 * signed by @issuer (self-signed when NULL); a CA when @is_ca. */
static Cert *
cert_make (const char *dn, Cert *issuer, gboolean is_ca, gint64 not_before, gint64 not_after)
{
  Cert *c = g_new0 (Cert, 1);
  const guint8 loopback[4] = { 127, 0, 0, 1 };
  time_t now = time (NULL);
  guint8 serial[8];
  gnutls_datum_t d = { NULL, 0 };

  for (guint i = 0; i < sizeof serial; i++)
    serial[i] = (guint8)g_random_int_range (0, 256);
  serial[0] = (serial[0] & 0x7f) | 1;
  check (gnutls_x509_privkey_init (&c->key));
  check (gnutls_x509_privkey_generate (c->key, GNUTLS_PK_ECDSA,
                                       GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0));
  check (gnutls_x509_crt_init (&c->crt));
  check (gnutls_x509_crt_set_version (c->crt, 3));
  check (gnutls_x509_crt_set_serial (c->crt, serial, sizeof serial));
  check (gnutls_x509_crt_set_activation_time (c->crt, now + not_before));
  check (gnutls_x509_crt_set_expiration_time (c->crt, now + not_after));
  check (gnutls_x509_crt_set_dn (c->crt, dn, NULL));
  check (gnutls_x509_crt_set_key (c->crt, c->key));
  if (is_ca)
    {
      check (gnutls_x509_crt_set_basic_constraints (c->crt, 1, -1));
      check (gnutls_x509_crt_set_key_usage (c->crt, GNUTLS_KEY_KEY_CERT_SIGN));
    }
  else
    {
      check (gnutls_x509_crt_set_subject_alt_name (c->crt, GNUTLS_SAN_IPADDRESS, loopback,
                                                   sizeof loopback, GNUTLS_FSAN_APPEND));
      check (gnutls_x509_crt_set_basic_constraints (c->crt, 0, -1));
      check (gnutls_x509_crt_set_key_usage (c->crt, GNUTLS_KEY_DIGITAL_SIGNATURE));
      check (gnutls_x509_crt_set_key_purpose_oid (c->crt, GNUTLS_KP_TLS_WWW_SERVER, 0));
    }
  check (gnutls_x509_crt_sign2 (c->crt, issuer != NULL ? issuer->crt : c->crt,
                                issuer != NULL ? issuer->key : c->key, GNUTLS_DIG_SHA256, 0));
  c->cert_pem = export_crt (c->crt);
  check (
      gnutls_x509_privkey_export2_pkcs8 (c->key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &d));
  c->key_pem = g_strndup ((const char *)d.data, d.size);
  gnutls_free (d.data);
  return c;
}

static void
cert_free (Cert *c)
{
  gnutls_x509_crt_deinit (c->crt);
  gnutls_x509_privkey_deinit (c->key);
  g_free (c->cert_pem);
  g_free (c->key_pem);
  g_free (c);
}

static GTlsCertificate *
cert_tls (Cert *c)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pem = g_strconcat (c->cert_pem, c->key_pem, NULL);
  GTlsCertificate *tls = g_tls_certificate_new_from_pem (pem, -1, &error);

  g_assert_no_error (error);
  return tls;
}

static char *
cert_fingerprint (Cert *c)
{
  g_autoptr (GTlsCertificate) tls = cert_tls (c);

  return ferry_hcx_fingerprint_for_certificate (tls);
}

/* A TLS database whose only anchor is @ca (written to dir/anchor.pem, which the database keeps
 * reading: remove it at the end). */
static GTlsDatabase *
database_with_anchor (Cert *ca, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = g_build_filename (dir, "anchor.pem", NULL);
  GTlsDatabase *db;

  g_assert_true (g_file_set_contents (file, ca->cert_pem, -1, &error));
  db = g_tls_file_database_new (file, &error);
  g_assert_no_error (error);
  return db;
}

/* A server that logs anyone in and counts what reaches it. */
typedef struct
{
  guint requests;
} Server;

static void
server_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                gpointer user_data)
{
  Server *s = user_data;
  const char *body = "{\"data\":{\"items\":[]}}";

  s->requests++;
  if (g_str_equal (path, HCX_TEST_API "/sessions"))
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "x-hm-authorization", "tls-test-token");
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static GListModel *
list_sites (FerryHcxClient *client, GError **error)
{
  g_autoptr (GAsyncResult) r = NULL;

  ferry_hcx_client_list_sites_async (client, NULL, hcx_test_got_result, &r);
  return ferry_hcx_client_list_sites_finish (client, hcx_test_wait (&r, 30), error);
}

/* Once pinned, a certificate that validates normally (it chains to an anchor of the client's
 * trust store) but is not the pinned one is refused, before anything is sent. */
static void
test_pin_excludes_ca_signed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ferry-tls-XXXXXX", &error);
  Cert *ca = cert_make ("CN=Ferry Test Inspecting Proxy CA", NULL, TRUE, -DAY, 30 * DAY);
  Cert *leaf = cert_make ("CN=127.0.0.1,O=Proxy", ca, FALSE, -DAY, 30 * DAY);
  Cert *appliance = cert_make ("CN=hcx.example,O=Appliance", NULL, FALSE, -DAY, 30 * DAY);
  g_autofree char *leaf_fp = cert_fingerprint (leaf);
  g_autofree char *appliance_fp = cert_fingerprint (appliance);
  g_autoptr (GTlsCertificate) leaf_tls = cert_tls (leaf);
  g_autoptr (GTlsDatabase) db = database_with_anchor (ca, dir);
  Server s = { 0 };
  g_autofree char *url = NULL;
  g_autoptr (SoupServer) server = hcx_test_server_new (leaf_tls, server_handler, &s, &url);

  g_assert_no_error (error);

  /* Without a pin the CA-signed certificate validates: accepted, no error flags. */
  {
    g_autoptr (FerryHcxClient) client = hcx_test_client_new (url, NULL);

    ferry_hcx_client_set_tls_database (client, db);
    g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (
        ferry_hcx_certificate_get_errors (ferry_hcx_client_get_peer_certificate (client)), ==, 0);
    g_assert_cmpuint (s.requests, ==, 1);
  }

  /* Pinned to the appliance's certificate: the proxy's is refused as a changed certificate,
   * and the login (with its password) never reaches the server. */
  {
    g_autoptr (FerryHcxClient) client = hcx_test_client_new (url, appliance_fp);

    ferry_hcx_client_set_tls_database (client, db);
    g_assert_false (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_CHANGED);
    g_clear_error (&error);
    g_assert_cmpuint (s.requests, ==, 1);
    g_assert_cmpstr (
        ferry_hcx_certificate_get_fingerprint (ferry_hcx_client_get_peer_certificate (client)), ==,
        leaf_fp);

    /* Re-trusting what the user reviewed works. */
    ferry_hcx_client_set_pinned_fingerprint (client, leaf_fp);
    g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (s.requests, ==, 2);
  }

  /* A pin set after a connection was made without one also holds on the kept-alive
   * connection: the next call fails, nothing is used. */
  {
    g_autoptr (FerryHcxClient) client = hcx_test_client_new (url, NULL);
    g_autoptr (GListModel) sites = NULL;

    ferry_hcx_client_set_tls_database (client, db);
    g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
    g_assert_no_error (error);
    ferry_hcx_client_set_pinned_fingerprint (client, appliance_fp);
    sites = list_sites (client, &error);
    g_assert_null (sites);
    g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_CHANGED);
    g_clear_error (&error);
  }

  soup_server_disconnect (server);
  cert_free (ca);
  cert_free (leaf);
  cert_free (appliance);
  {
    g_autofree char *file = g_build_filename (dir, "anchor.pem", NULL);

    g_unlink (file);
  }
  g_rmdir (dir);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

/* An expired certificate: untrusted until pinned; once pinned it is accepted, and the client
 * says that it has expired (with the date on the peer certificate). */
static void
test_expired_pinned (void)
{
  g_autoptr (GError) error = NULL;
  Cert *old = cert_make ("CN=hcx.example,O=Appliance", NULL, FALSE, -400 * DAY, -10 * DAY);
  g_autofree char *fp = cert_fingerprint (old);
  g_autoptr (GTlsCertificate) tls = cert_tls (old);
  Server s = { 0 };
  g_autofree char *url = NULL;
  g_autoptr (SoupServer) server = hcx_test_server_new (tls, server_handler, &s, &url);
  g_autoptr (FerryHcxClient) client = hcx_test_client_new (url, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  guint notified = 0;
  FerryHcxCertificate *peer;

  g_assert_false (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED);
  g_clear_error (&error);
  peer = ferry_hcx_client_get_peer_certificate (client);
  g_assert_true (ferry_hcx_certificate_get_errors (peer) & G_TLS_CERTIFICATE_EXPIRED);
  g_assert_false (ferry_hcx_client_get_certificate_expired (client));

  ferry_hcx_client_set_pinned_fingerprint (client, fp);
  g_signal_connect_swapped (client, "notify::certificate-expired", G_CALLBACK (count_notify),
                            &notified);
  g_assert_true (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (ferry_hcx_client_get_certificate_expired (client));
  g_assert_cmpuint (notified, ==, 1);
  peer = ferry_hcx_client_get_peer_certificate (client);
  g_assert_cmpstr (ferry_hcx_certificate_get_fingerprint (peer), ==, fp);
  g_assert_true (g_date_time_compare (ferry_hcx_certificate_get_not_after (peer), now) < 0);

  /* Another pin clears the flag until that certificate is seen. */
  ferry_hcx_client_set_pinned_fingerprint (client, NULL);
  g_assert_false (ferry_hcx_client_get_certificate_expired (client));

  soup_server_disconnect (server);
  cert_free (old);
}

/* A TCP reset in the middle of the TLS handshake (a firewall, a service starting up) is
 * "unreachable", not a TLS problem. */
/* Runs in the service's own thread, as the client needs the main context meanwhile. */
static gboolean
on_reset_run (GThreadedSocketService *service, GSocketConnection *connection, GObject *source,
              gpointer user_data)
{
  GSocket *socket = g_socket_connection_get_socket (connection);
  struct linger lin = { 1, 0 };
  char buf[64];

  /* Wait for the ClientHello, then reset: SO_LINGER 0 makes close() send an RST. */
  (void)g_socket_receive (socket, buf, sizeof buf, NULL, NULL);
  g_assert_true (setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &lin, sizeof lin)
                 == 0);
  g_socket_close (socket, NULL);
  g_atomic_int_inc ((gint *)user_data);
  return TRUE;
}

static void
test_reset_in_handshake (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (2);
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (FerryHcxClient) client = NULL;
  g_autofree char *url = NULL;
  gint resets = 0;

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), addr,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &effective, &error));
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (on_reset_run), &resets);
  g_socket_service_start (service);
  url = g_strdup_printf ("127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));

  client = hcx_test_client_new (url, NULL);
  ferry_hcx_client_set_connect_timeout (client, 5);
  g_assert_false (hcx_test_login (client, HCX_TEST_PASSWORD, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, FERRY_HCX_ERROR, FERRY_HCX_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_cmpint (g_atomic_int_get (&resets), >=, 1);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcx-tls/pin-excludes-ca-signed", test_pin_excludes_ca_signed);
  g_test_add_func ("/hcx-tls/expired-pinned", test_expired_pinned);
  g_test_add_func ("/hcx-tls/reset-in-handshake", test_reset_in_handshake);
  return g_test_run ();
}
