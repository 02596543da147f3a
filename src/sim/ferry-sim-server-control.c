/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-sim-server-control.c: the /__sim/ control endpoints (no login). */

#include "ferry-sim-server-private.h"

#include "ferry-sim-cert.h"
#include "ferry-sim-json.h"

/* ---- control (/__sim/) ------------------------------------------------------------------ */

static void
respond_ok (Response *r)
{
  static const char ok[] = "{\"ok\":true}";

  ferry_sim_respond_raw (r, 200, "application/json", g_strdup (ok), strlen (ok));
}

void
ferry_sim_server_handle_control (FerrySimServer *self, SoupServerMessage *msg, const char *method,
                                 const char *path, JsonNode *body, Response *r)
{
  JsonObject *o = ferry_sim_root_object (body);
  g_autoptr (GError) error = NULL;

  if (g_str_equal (path, "/__sim/reset") && g_str_equal (method, "POST"))
    {
      ferry_sim_engine_reset (self->engine);
      ferry_sim_engine_set_real_omissions (self->engine, self->real_omissions);
      self->xml_without_accept = TRUE;
      g_ptr_array_set_size (self->faults, 0);
      g_hash_table_remove_all (self->requests);
      g_hash_table_remove_all (self->traffic);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/clock") && g_str_equal (method, "POST"))
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      if (ferry_sim_json_has (o, "speed"))
        ferry_sim_engine_set_speed (self->engine, ferry_sim_json_double (o, "speed", 0));
      if (ferry_sim_json_has (o, "advanceSeconds"))
        ferry_sim_engine_advance (self->engine, ferry_sim_json_double (o, "advanceSeconds", 0));
      json_builder_begin_object (b);
      ferry_sim_json_add_int (b, "clock", ferry_sim_engine_now (self->engine));
      ferry_sim_json_add_double (b, "speed", ferry_sim_engine_get_speed (self->engine));
      json_builder_end_object (b);
      ferry_sim_respond_builder (r, 200, b);
    }
  else if (g_str_equal (path, "/__sim/clock") && g_str_equal (method, "GET"))
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      ferry_sim_json_add_int (b, "clock", ferry_sim_engine_now (self->engine));
      ferry_sim_json_add_double (b, "speed", ferry_sim_engine_get_speed (self->engine));
      json_builder_end_object (b);
      ferry_sim_respond_builder (r, 200, b);
    }
  else if (g_str_equal (path, "/__sim/faults") && g_str_equal (method, "POST"))
    {
      if (!ferry_sim_server_add_fault (self, o, &error))
        ferry_sim_respond_error (r, 400, "INVALID_FAULT", error->message);
      else
        respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/faults") && g_str_equal (method, "DELETE"))
    {
      g_ptr_array_set_size (self->faults, 0);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/quirks") && g_str_equal (method, "POST"))
    {
      if (ferry_sim_json_has (o, "unknownStates"))
        ferry_sim_engine_set_unknown_states (self->engine,
                                             ferry_sim_json_bool (o, "unknownStates", FALSE));
      if (ferry_sim_json_has (o, "realOmissions"))
        ferry_sim_engine_set_real_omissions (self->engine,
                                             ferry_sim_json_bool (o, "realOmissions", FALSE));
      if (ferry_sim_json_has (o, "xmlWithoutAccept"))
        self->xml_without_accept = ferry_sim_json_bool (o, "xmlWithoutAccept", TRUE);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/age-sessions") && g_str_equal (method, "POST"))
    {
      /* As if every session had been idle for this much longer: idle expiry without waiting. */
      gint64 seconds = ferry_sim_json_int (o, "seconds", 0);
      GHashTableIter iter;
      gpointer value;

      if (seconds < 0)
        {
          ferry_sim_respond_error (r, 400, "INVALID_REQUEST", "seconds must not be negative");
          return;
        }
      g_hash_table_iter_init (&iter, self->sessions);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        ((Session *)value)->last_used_us -= MIN (seconds, G_MAXINT32) * G_USEC_PER_SEC;
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/expire-sessions") && g_str_equal (method, "POST"))
    {
      g_hash_table_remove_all (self->sessions);
      respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/services") && g_str_equal (method, "POST"))
    {
      const char *side = ferry_sim_json_string (o, "side");
      FerrySimSide s = g_strcmp0 (side, "source") == 0        ? FERRY_SIM_SIDE_SOURCE
                       : g_strcmp0 (side, "destination") == 0 ? FERRY_SIM_SIDE_DESTINATION
                       : g_strcmp0 (side, "mesh") == 0        ? FERRY_SIM_SIDE_MESH
                                                              : FERRY_SIM_N_SIDES;

      if (s == FERRY_SIM_N_SIDES)
        ferry_sim_respond_error (r, 400, "INVALID_SIDE",
                                 "side must be source, destination or mesh");
      else if (!ferry_sim_engine_set_service (self->engine, s, ferry_sim_json_string (o, "service"),
                                              ferry_sim_json_bool (o, "enabled", FALSE), &error))
        ferry_sim_respond_error (r, 400, "INVALID_SERVICE", error->message);
      else
        respond_ok (r);
    }
  else if (g_str_equal (path, "/__sim/vm-failure") && g_str_equal (method, "POST"))
    {
      const char *entity = ferry_sim_json_string (o, "entityId");
      const char *phase = ferry_sim_json_string (o, "phase");

      if (ferry_sim_world_find_vm (self->world, entity) == NULL)
        ferry_sim_respond_error (r, 400, "ENTITY_NOT_FOUND",
                                 "entityId is not a VM of the source inventory");
      else if (phase != NULL && *phase != '\0' && !g_str_equal (phase, "transfer")
               && !g_str_equal (phase, "switchover"))
        ferry_sim_respond_error (r, 400, "INVALID_PHASE",
                                 "phase must be transfer or switchover (or null "
                                 "to clear)");
      else
        {
          ferry_sim_engine_set_vm_failure (self->engine, entity, phase);
          respond_ok (r);
        }
    }
  else if (g_str_equal (path, "/__sim/state") && g_str_equal (method, "GET"))
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      GHashTableIter iter;
      gpointer key, value;

      json_builder_begin_object (b);
      ferry_sim_json_add_int (b, "sessions", g_hash_table_size (self->sessions));
      ferry_sim_json_add_int (b, "vms", self->world->n_vms);
      ferry_sim_json_add_int (b, "faults", self->faults->len);
      ferry_sim_json_add_string (b, "fingerprint", ferry_sim_server_get_fingerprint (self));
      ferry_sim_json_add_string (b, "sourceEndpointId", self->world->source.endpoint_id);
      ferry_sim_json_add_string (b, "destinationEndpointId", self->world->destination.endpoint_id);
      ferry_sim_json_add_bool (b, "realOmissions",
                               ferry_sim_engine_get_real_omissions (self->engine));
      ferry_sim_engine_add_state (self->engine, b);
      json_builder_set_member_name (b, "requests");
      json_builder_begin_object (b);
      g_hash_table_iter_init (&iter, self->requests);
      while (g_hash_table_iter_next (&iter, &key, &value))
        ferry_sim_json_add_int (b, key, GPOINTER_TO_UINT (value));
      json_builder_end_object (b);
      /* Body bytes per path, as received and as sent (headers and TLS not counted). */
      for (guint side = 0; side < 2; side++)
        {
          json_builder_set_member_name (b, side == 0 ? "requestBytes" : "responseBytes");
          json_builder_begin_object (b);
          g_hash_table_iter_init (&iter, self->traffic);
          while (g_hash_table_iter_next (&iter, &key, &value))
            ferry_sim_json_add_int (b, key, (gint64)((guint64 *)value)[side]);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      ferry_sim_respond_builder (r, 200, b);
    }
  else if (g_str_equal (path, "/__sim/certificate/rotate") && g_str_equal (method, "POST"))
    {
      g_autoptr (GTlsCertificate) cert = ferry_sim_cert_generate (NULL, &error);
      g_autoptr (JsonBuilder) b = json_builder_new ();

      if (cert == NULL || !ferry_sim_server_rotate_certificate (self, cert, &error))
        {
          ferry_sim_respond_error (r, 500, "CERTIFICATE_ERROR", error->message);
          return;
        }
      json_builder_begin_object (b);
      ferry_sim_json_add_bool (b, "ok", TRUE);
      ferry_sim_json_add_string (b, "fingerprint", ferry_sim_server_get_fingerprint (self));
      json_builder_end_object (b);
      ferry_sim_respond_builder (r, 200, b);
    }
  else
    {
      g_autofree char *m = g_strdup_printf ("No simulator control endpoint %s %s", method, path);

      ferry_sim_respond_error (r, 404, "NOT_FOUND", m);
    }
}
