/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-sim.c: the sim-request target. The simulator's side of a request, as its server runs it
 * after the transport: the body parsed as JSON (as the server does, paging faults aside), the
 * strict binding check for the path, then the engine call the path routes to (validate, start,
 * cancel, query, group creation, start and schedule, jobs) on a generated world of 200 VMs (the
 * simulator's default, so the seeds' VM ids exist). The engine is reset after every input, so an
 * input's outcome depends on it alone.
 *
 * Input: the path below /hybridity/api on the first line, the body after it. Whatever the body,
 * the answer is a JSON body and a status; a crash, a critical or a missing answer aborts.
 * FERRY_FUZZ_VERBOSE=1 prints each answer (to see where the seeds get). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "ferry-sim-binding.h"
#include "ferry-sim-engine.h"

#include "fuzz-private.h"

static FerrySimWorld *world;
static FerrySimEngine *engine;

void
fuzz_sim_init (void)
{
  FerrySimEngineConfig config = { .speed = 1 };

  world = ferry_sim_world_generate (200, 1);
  engine = ferry_sim_engine_new (world, &config);
}

static JsonNode *
route (const char *path, JsonNode *body, guint *status)
{
  if (g_str_equal (path, "/mobility/migrations/validate"))
    return ferry_sim_engine_validate (engine, body, "fuzz", FALSE, status);
  if (g_str_equal (path, "/mobility/migrations/start"))
    return ferry_sim_engine_validate (engine, body, "fuzz", TRUE, status);
  if (g_str_equal (path, "/mobility/migrations/cancel"))
    return ferry_sim_engine_cancel (engine, body, FALSE, status);
  if (g_str_equal (path, "/mobility/migrations/forceCancel"))
    return ferry_sim_engine_cancel (engine, body, TRUE, status);
  if (g_str_equal (path, "/migrations"))
    return ferry_sim_engine_query (engine, body, status);
  if (g_str_equal (path, "/mobility/groups"))
    return ferry_sim_engine_groups_create (engine, body, "fuzz", status);
  if (g_str_equal (path, "/mobility/groups/start"))
    return ferry_sim_engine_groups_start (engine, body, status);
  if (g_str_has_prefix (path, "/mobility/groups/") && g_str_has_suffix (path, "/schedule")
      && strlen (path) > strlen ("/mobility/groups//schedule"))
    {
      g_autofree char *id
          = g_strndup (path + strlen ("/mobility/groups/"),
                       strlen (path) - strlen ("/mobility/groups/") - strlen ("/schedule"));

      return ferry_sim_engine_group_schedule (engine, id, body, status);
    }
  if (g_str_has_prefix (path, "/jobs/") && path[strlen ("/jobs/")] != '\0')
    return ferry_sim_engine_job (engine, path + strlen ("/jobs/"), status);
  return NULL; /* inventory paths: the binding check is what parses their bodies */
}

void
fuzz_sim_request (const uint8_t *data, size_t size)
{
  const char *newline = memchr (data, '\n', size);
  g_autofree char *path = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  const char *text;
  gsize len;
  guint status = 0;

  if (newline == NULL)
    return;
  path = g_strndup ((const char *)data, (gsize)(newline - (const char *)data));
  if (!g_utf8_validate (path, -1, NULL))
    return;
  text = newline + 1;
  len = size - (gsize)(text - (const char *)data);
  if (len > 0)
    {
      if (!json_parser_load_from_data (parser, text, (gssize)len, NULL))
        return; /* the server answers 400 INVALID_JSON */
      if (json_parser_get_root (parser) != NULL)
        body = json_node_copy (json_parser_get_root (parser));
    }
  if (!ferry_sim_binding_check (path, body, &error))
    {
      /* A refusal names what is wrong. */
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return;
    }
  answer = route (path, body, &status);
  if (answer != NULL)
    {
      g_autofree char *out = json_to_string (answer, FALSE);

      if (status < 200 || status > 599 || out == NULL)
        abort ();
      if (g_getenv ("FERRY_FUZZ_VERBOSE") != NULL)
        g_printerr ("%s -> %u %.200s\n", path, status, out);
    }
  ferry_sim_engine_reset (engine);
}
