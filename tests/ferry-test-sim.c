/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "ferry-test-sim.h"

#include <libsoup/soup.h>
#include <string.h>

/* Whether a simulator started here leaves out what real managers leave out of their answers
 * (empty 401/404 bodies, no totalSize, no top-level VALIDATION_FAILED, warnings without code),
 * unless the test's options say (FerrySimOptions.real_omissions: a test that needs the totals
 * asks for them). On by default, so the client and the UI are tested against the leaner answers
 * a real manager gives; FERRY_TEST_SIM_REAL_OMISSIONS (1 or 0) overrides it for a whole run. */
#define REAL_OMISSIONS_DEFAULT 1

static int
real_omissions_default (void)
{
  const char *env = g_getenv ("FERRY_TEST_SIM_REAL_OMISSIONS");

  if (env != NULL && *env != '\0')
    return g_str_equal (env, "0") ? -1 : 1;
  return REAL_OMISSIONS_DEFAULT ? 1 : -1;
}

FerrySimThread *
ferry_test_sim_start (const FerrySimOptions *opts)
{
  g_autoptr (GError) error = NULL;
  FerrySimOptions o = { 0 };
  FerrySimThread *sim;

  if (opts != NULL)
    o = *opts;
  if (o.real_omissions == 0)
    o.real_omissions = real_omissions_default ();
  sim = ferry_sim_thread_start (&o, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sim);
  return sim;
}

static gboolean
accept_certificate_cb (SoupMessage *msg, GTlsCertificate *certificate, GTlsCertificateFlags errors,
                       gpointer user_data)
{
  const char *fingerprint = user_data;
  g_autoptr (GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString *fp = g_string_new (NULL);
  gboolean ok;
  gsize i;

  g_object_get (certificate, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  for (i = 0; hex[i] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (fp, ':');
      g_string_append_c (fp, g_ascii_toupper (hex[i]));
      g_string_append_c (fp, g_ascii_toupper (hex[i + 1]));
    }
  ok = g_ascii_strcasecmp (fp->str, fingerprint) == 0;
  g_string_free (fp, TRUE);
  return ok;
}

JsonNode *
ferry_test_request (const char *base_url, const char *fingerprint, const char *method,
                    const char *path, const char *token, const char *json_body, guint *out_status,
                    char **out_token)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) response = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;
  JsonNode *root = NULL;
  gsize len = 0;
  const char *data;

  g_assert_nonnull (fingerprint);
  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("timeout", 60, "proxy-resolver", NULL, "tls-database",
                                           NULL, NULL);
  uri = g_strconcat (base_url, path, NULL);
  msg = soup_message_new (method, uri);
  g_assert_nonnull (msg);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb),
                    (gpointer)fingerprint);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                "application/json");
  if (token != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "x-hm-authorization",
                                  token);
  if (json_body != NULL)
    {
      g_autoptr (GBytes) body = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (out_status != NULL)
    *out_status = soup_message_get_status (msg);
  if (out_token != NULL)
    *out_token = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                         "x-hm-authorization"));
  data = g_bytes_get_data (response, &len);
  if (len > 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, data, (gssize)len, NULL)
          && json_parser_get_root (parser) != NULL)
        root = json_node_copy (json_parser_get_root (parser));
    }
  /* Let the session go while its context is still the thread default. */
  g_clear_object (&msg);
  g_clear_object (&session);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
  return root;
}

JsonNode *
ferry_test_sim_request (FerrySimThread *sim, const char *method, const char *path,
                        const char *token, const char *json_body, guint *out_status,
                        char **out_token)
{
  return ferry_test_request (ferry_sim_thread_get_url (sim), ferry_sim_thread_get_fingerprint (sim),
                             method, path, token, json_body, out_status, out_token);
}

JsonNode *
ferry_test_sim_control (FerrySimThread *sim, const char *method, const char *path,
                        const char *json_body)
{
  guint status = 0;
  JsonNode *root = ferry_test_sim_request (sim, method, path, NULL, json_body, &status, NULL);

  if (status < 200 || status >= 300)
    g_error ("Simulator control %s %s answered %u", method, path, status);
  return root;
}

gint64
ferry_test_sim_state_migrations_of (JsonNode *state, const char *vm_id)
{
  JsonObject *by;

  g_assert_nonnull (state);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (state));
  by = json_object_get_object_member (json_node_get_object (state), "migrationsByEntity");
  g_assert_nonnull (by);
  return json_object_has_member (by, vm_id) ? json_object_get_int_member (by, vm_id) : 0;
}

char *
replace_once (const char *str, const char *old, const char *replacement)
{
  const char *at = strstr (str, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int)(at - str), str, replacement, at + strlen (old));
}
