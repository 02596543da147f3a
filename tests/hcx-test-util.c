/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hcx-test-util.c: see hcx-test-util.h. */

#include "config.h"

#include "hcx-test-util.h"

#include "ferry-sim-cert.h"

void
hcx_test_got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static gboolean
on_wait_expired (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

GAsyncResult *
hcx_test_wait (GAsyncResult **slot, guint seconds)
{
  gboolean expired = FALSE;
  GSource *source = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (source, on_wait_expired, &expired, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  while (*slot == NULL && !expired)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_source_destroy (source);
  g_source_unref (source);
  if (*slot == NULL)
    g_error ("The call did not finish within %u seconds", seconds);
  return *slot;
}

FerryHcxClient *
hcx_test_client_new (const char *url, const char *pin)
{
  g_autoptr (GError) error = NULL;
  FerryHcxClient *client = ferry_hcx_client_new (url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  if (pin != NULL)
    ferry_hcx_client_set_pinned_fingerprint (client, pin);
  return client;
}

gboolean
hcx_test_login (FerryHcxClient *client, const char *password, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ferry_hcx_client_login_async (client, HCX_TEST_USER, password, NULL, hcx_test_got_result,
                                &result);
  return ferry_hcx_client_login_finish (client, hcx_test_wait (&result, 60), error);
}

gint64
hcx_test_sim_requests (FerrySimThread *sim, const char *path)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (sim, "GET", "/__sim/state", NULL);
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");

  if (!json_object_has_member (requests, path))
    return 0;
  return json_object_get_int_member (requests, path);
}

void
hcx_test_sim_fault (FerrySimThread *sim, const char *json)
{
  g_autoptr (JsonNode) r = ferry_test_sim_control (sim, "POST", "/__sim/faults", json);
}

gint64
hcx_test_sim_count (FerrySimThread *sim, const char *member)
{
  g_autoptr (JsonNode) state = ferry_test_sim_control (sim, "GET", "/__sim/state", NULL);

  return json_object_get_int_member (json_node_get_object (state), member);
}

SoupServer *
hcx_test_server_new (GTlsCertificate *certificate, SoupServerCallback handler, gpointer data,
                     char **url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsCertificate) own = NULL;
  SoupServer *server;
  GSList *uris;

  if (certificate == NULL)
    {
      own = ferry_sim_cert_generate (NULL, &error);
      g_assert_no_error (error);
      certificate = own;
    }
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, handler, data, NULL);
  g_assert_true (soup_server_listen_local (
      server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return server;
}
