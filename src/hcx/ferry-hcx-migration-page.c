/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-migration-page.c: a streaming parser for one page of the migrations query.
 *
 * A tracker's poll of 1,000 migrations is ~2.8 MB of JSON, each migration with its event log;
 * json-glib's tree costs most of the poll. This parser walks the bytes once (the lexer of
 * ferry-hcx-json-lexer.c) and fills FerryMigration objects directly, with exactly the semantics
 * of ferry_hcx_json_to_migration () (the tests compare both on the simulator's answers and on
 * mangled input). Like the VM page parser it is strict: anything that is not plain, valid JSON
 * in the expected envelope makes it give up, and the caller falls back to the tree parser.
 *
 * A tracker polls the same migrations every few seconds, and most of their logs are the same as
 * the poll before: told which logs the caller holds (by digest), the parser only skips those and
 * leaves the events out (ferry_migration_get_log_omitted ()), which saves building, comparing
 * and freeing a few events per migration per poll. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ferry-hcx-json.h"
#include "ferry-hcx-json-lexer-private.h"

/* The members read, by object. json-glib keeps the last of duplicate members: so does a
 * Value slot, and an object read again starts from nothing. */
enum
{
  /* top level */
  T_MIGRATION_ID,
  T_ID,
  T_GROUP_ID,
  T_TYPE,
  T_STATE,
  T_USERNAME,
  T_CREATION_DATE,
  T_LAST_UPDATED,
  T_ENTITY_ID,
  T_PERCENT,
  /* entity */
  E_ENTITY_ID,
  E_ID,
  E_ENTITY_NAME,
  E_NAME,
  /* source, destination */
  S_ENDPOINT_ID,
  S_ENDPOINT_NAME,
  S_RESOURCE_NAME,
  D_ENDPOINT_ID,
  D_ENDPOINT_NAME,
  D_RESOURCE_NAME,
  /* switchoverParams.schedule */
  W_START,
  W_EXPIRY,
  /* progress */
  P_START,
  P_END,
  P_MESSAGE,
  P_IS_DONE,
  P_DID_FAIL,
  P_IS_CANCELLED,
  P_PERCENT,
  /* progress.total */
  PT_VALUE,
  PT_BYTES,
  /* progress.state */
  PS_STATUS,
  PS_MESSAGE,
  PS_ERROR,
  PS_TRANSFER,
  PS_SWITCHOVER,
  PS_WAITING,
  N_VALUES
};

typedef struct
{
  const char *name;
  gsize len;
  int slot;
} Key;

#define KEY(literal, slot)                                                                         \
  {                                                                                                \
    literal, sizeof literal - 1, slot                                                              \
  }
#define END_KEYS                                                                                   \
  {                                                                                                \
    NULL, 0, -1                                                                                    \
  }

static const Key top_keys[] = {
  KEY ("migrationId", T_MIGRATION_ID),
  KEY ("id", T_ID),
  KEY ("migrationGroupId", T_GROUP_ID),
  KEY ("migrationType", T_TYPE),
  KEY ("state", T_STATE),
  KEY ("username", T_USERNAME),
  KEY ("creationDate", T_CREATION_DATE),
  KEY ("lastUpdated", T_LAST_UPDATED),
  KEY ("entityId", T_ENTITY_ID),
  KEY ("percentComplete", T_PERCENT),
  END_KEYS,
};
static const Key entity_keys[] = {
  KEY ("entityId", E_ENTITY_ID), KEY ("id", E_ID), KEY ("entityName", E_ENTITY_NAME),
  KEY ("name", E_NAME),          END_KEYS,
};
static const Key source_keys[] = {
  KEY ("endpointId", S_ENDPOINT_ID),
  KEY ("endpointName", S_ENDPOINT_NAME),
  KEY ("resourceName", S_RESOURCE_NAME),
  END_KEYS,
};
static const Key destination_keys[] = {
  KEY ("endpointId", D_ENDPOINT_ID),
  KEY ("endpointName", D_ENDPOINT_NAME),
  KEY ("resourceName", D_RESOURCE_NAME),
  END_KEYS,
};
static const Key schedule_keys[] = {
  KEY ("startTime", W_START),
  KEY ("expiryTime", W_EXPIRY),
  END_KEYS,
};
static const Key progress_keys[] = {
  KEY ("startTime", P_START),         KEY ("endTime", P_END),
  KEY ("message", P_MESSAGE),         KEY ("isDone", P_IS_DONE),
  KEY ("didFail", P_DID_FAIL),        KEY ("isCancelled", P_IS_CANCELLED),
  KEY ("percentComplete", P_PERCENT), END_KEYS,
};
static const Key total_keys[] = {
  KEY ("value", PT_VALUE),
  KEY ("bytesTransferred", PT_BYTES),
  END_KEYS,
};
static const Key pstate_keys[] = {
  KEY ("status", PS_STATUS),
  KEY ("message", PS_MESSAGE),
  KEY ("errorMessage", PS_ERROR),
  KEY ("isTransferProgress", PS_TRANSFER),
  KEY ("isSwitchoverProgress", PS_SWITCHOVER),
  KEY ("isWaitingForMaintWindow", PS_WAITING),
  END_KEYS,
};

/* An event of progress.log. */
enum
{
  L_STATUS,
  L_MESSAGE,
  L_ERROR,
  L_LAST_UPDATED,
  L_BYTES,
  L_TOTAL,
  N_LOG_VALUES
};

static const Key log_keys[] = {
  KEY ("status", L_STATUS),
  KEY ("message", L_MESSAGE),
  KEY ("errorMessage", L_ERROR),
  KEY ("lastUpdated", L_LAST_UPDATED),
  KEY ("bytesTransferred", L_BYTES),
  KEY ("totalBytes", L_TOTAL),
  END_KEYS,
};

static int
slot_of (Lexer *lx, const Key *keys)
{
  for (const Key *k = keys; k->name != NULL; k++)
    if (k->len == lx->len && memcmp (k->name, lx->str, lx->len) == 0)
      return k->slot;
  return -1;
}

typedef struct
{
  Value v[N_VALUES];
  GPtrArray *events; /* FerryMigrationEvent of the last progress.log seen; reused */
  GHashTable *known; /* migration id → guint64 digest of the log the caller holds, or NULL */
  /* The last progress.log seen, as sent (in the body itself, not the lexer's copy) */
  const char *log_start; /* NULL: none */
  gsize log_len;
  int log_depth;
  gboolean log_deferred; /* skipped: read once the id is known, unless the caller holds it */
} MigrationValues;

static void
forget_log (MigrationValues *mv)
{
  g_ptr_array_set_size (mv->events, 0);
  mv->log_start = NULL;
  mv->log_len = 0;
  mv->log_deferred = FALSE;
}

/* ferry_json_get_double () of a value. */
static double
value_as_double (const Value *v, double fallback)
{
  const char *s;
  char *end = NULL;
  double d;

  switch (v->type)
    {
      case V_INT:
        return (double)v->i;
      case V_DOUBLE:
        return v->d;
      case V_STRING:
        s = v->str;
        while (g_ascii_isspace (*s))
          s++;
        if (*s == '\0')
          return fallback;
        d = g_ascii_strtod (s, &end);
        if (end == s)
          return fallback;
        while (g_ascii_isspace (*end))
          end++;
        return *end == '\0' && isfinite (d) ? d : fallback;
      case V_NONE:
      case V_BOOL:
      case V_OTHER:
      default:
        return fallback;
    }
}

/* Resets the slots of @keys: an object read again (or replaced by a non-object) starts empty. */
static void
clear_slots (MigrationValues *mv, const Key *keys)
{
  for (const Key *k = keys; k->name != NULL; k++)
    ferry_value_clear (&mv->v[k->slot]);
}

/* An object whose members of interest are scalars in @keys; @nested (may be NULL) reads the
 * members that are objects or arrays themselves. */
typedef gboolean (*NestedFunc) (Lexer *lx, MigrationValues *mv, int depth, gboolean *handled);

static gboolean
read_object (Lexer *lx, MigrationValues *mv, const Key *keys, NestedFunc nested, int depth)
{
  /* The caller saw '{' (peeked). */
  lx->p++;
  if (ferry_lexer_expect (lx, '}'))
    return TRUE;
  do
    {
      int slot;
      gboolean handled = FALSE;

      if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
        return FALSE;
      if (nested != NULL)
        {
          if (!nested (lx, mv, depth, &handled))
            return FALSE;
          if (handled)
            continue;
        }
      slot = slot_of (lx, keys);
      if (slot < 0 ? !ferry_lexer_skip_value (lx, depth + 1)
                   : !ferry_lexer_read_value (lx, &mv->v[slot]))
        return FALSE;
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, '}');
}

/* A member that must be an object to count: read it into @keys' slots, or skip it. */
static gboolean
read_sub (Lexer *lx, MigrationValues *mv, const Key *keys, NestedFunc nested, int depth)
{
  clear_slots (mv, keys);
  if (!ferry_lexer_peek (lx, '{'))
    return ferry_lexer_skip_value (lx, depth + 1);
  return read_object (lx, mv, keys, nested, depth + 1);
}

static FerryMigrationEvent *
build_event (const Value *v)
{
  FerryMigrationEvent *ev = ferry_migration_event_new ();

  _ferry_migration_event_set_quiet (ev, TRUE);
  ferry_migration_event_set_status (ev, ferry_value_as_string (&v[L_STATUS]));
  ferry_migration_event_set_message (ev, ferry_value_as_string (&v[L_MESSAGE]));
  ferry_migration_event_set_error_message (ev, ferry_value_as_string (&v[L_ERROR]));
  ferry_migration_event_set_last_updated (ev, ferry_value_as_int (&v[L_LAST_UPDATED], -1));
  ferry_migration_event_set_bytes_transferred (ev, ferry_value_as_int (&v[L_BYTES], -1));
  ferry_migration_event_set_total_bytes (ev, ferry_value_as_int (&v[L_TOTAL], -1));
  _ferry_migration_event_set_quiet (ev, FALSE);
  return ev;
}

/* progress.log: an array of events (non-objects skipped, like the tree parser). */
static gboolean
read_log_events (Lexer *lx, MigrationValues *mv, int depth)
{
  g_ptr_array_set_size (mv->events, 0);
  if (!ferry_lexer_peek (lx, '['))
    return ferry_lexer_skip_value (lx, depth + 1);
  lx->p++;
  if (ferry_lexer_expect (lx, ']'))
    return TRUE;
  do
    {
      Value v[N_LOG_VALUES] = { { 0 } };

      if (!ferry_lexer_peek (lx, '{'))
        {
          if (!ferry_lexer_skip_value (lx, depth + 2))
            return FALSE;
          continue;
        }
      lx->p++;
      if (!ferry_lexer_expect (lx, '}'))
        {
          do
            {
              int slot;

              if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
                return FALSE;
              slot = slot_of (lx, log_keys);
              if (slot < 0 ? !ferry_lexer_skip_value (lx, depth + 3)
                           : !ferry_lexer_read_value (lx, &v[slot]))
                return FALSE;
            }
          while (ferry_lexer_expect (lx, ','));
          if (!ferry_lexer_expect (lx, '}'))
            return FALSE;
        }
      g_ptr_array_add (mv->events, build_event (v));
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, ']');
}

/* progress.log, its place in the body kept for its digest. When the caller holds logs, it is
 * only skipped here: most logs of a poll are the ones of the poll before, and whether this one
 * is can be told only once the migration's id is read (which may come after it). */
static gboolean
read_log (Lexer *lx, MigrationValues *mv, int depth)
{
  const char *start;

  forget_log (mv);
  ferry_lexer_skip_ws (lx);
  start = lx->p;
  if (mv->known != NULL ? !ferry_lexer_skip_value (lx, depth + 1)
                        : !read_log_events (lx, mv, depth))
    return FALSE;
  mv->log_start = lx->orig + (start - lx->copy);
  mv->log_len = (gsize)(lx->p - start);
  mv->log_depth = depth;
  mv->log_deferred = mv->known != NULL;
  return TRUE;
}

/* The events of a skipped log, unless the caller holds that log already (*omitted). */
static gboolean
read_deferred_log (MigrationValues *mv, const char *migration_id, guint64 digest, gboolean *omitted)
{
  const guint64 *held = migration_id != NULL ? g_hash_table_lookup (mv->known, migration_id) : NULL;
  Lexer sub;
  gboolean ok;

  *omitted = held != NULL && *held == digest;
  if (*omitted)
    return TRUE;
  if (!ferry_lexer_init (&sub, mv->log_start, mv->log_len))
    return FALSE;
  ok = read_log_events (&sub, mv, mv->log_depth);
  ferry_lexer_skip_ws (&sub);
  ok = ok && sub.p == sub.end;
  ferry_lexer_clear (&sub);
  return ok;
}

static gboolean
progress_nested (Lexer *lx, MigrationValues *mv, int depth, gboolean *handled)
{
  *handled = TRUE;
  if (FERRY_LEXER_IS (lx, "total"))
    return read_sub (lx, mv, total_keys, NULL, depth);
  if (FERRY_LEXER_IS (lx, "state"))
    return read_sub (lx, mv, pstate_keys, NULL, depth);
  if (FERRY_LEXER_IS (lx, "log"))
    return read_log (lx, mv, depth);
  *handled = FALSE;
  return TRUE;
}

static gboolean
switchover_nested (Lexer *lx, MigrationValues *mv, int depth, gboolean *handled)
{
  *handled = TRUE;
  if (FERRY_LEXER_IS (lx, "schedule"))
    return read_sub (lx, mv, schedule_keys, NULL, depth);
  *handled = FALSE;
  return TRUE;
}

static gboolean
top_nested (Lexer *lx, MigrationValues *mv, int depth, gboolean *handled)
{
  *handled = TRUE;
  if (FERRY_LEXER_IS (lx, "entity"))
    return read_sub (lx, mv, entity_keys, NULL, depth);
  if (FERRY_LEXER_IS (lx, "source"))
    return read_sub (lx, mv, source_keys, NULL, depth);
  if (FERRY_LEXER_IS (lx, "destination"))
    return read_sub (lx, mv, destination_keys, NULL, depth);
  if (FERRY_LEXER_IS (lx, "switchoverParams"))
    {
      /* A switchoverParams read again (or not an object) forgets the schedule of before. */
      clear_slots (mv, schedule_keys);
      if (!ferry_lexer_peek (lx, '{'))
        return ferry_lexer_skip_value (lx, depth + 1);
      return read_object (lx, mv, (const Key[]){ END_KEYS }, switchover_nested, depth + 1);
    }
  if (FERRY_LEXER_IS (lx, "progress"))
    {
      clear_slots (mv, progress_keys);
      clear_slots (mv, total_keys);
      clear_slots (mv, pstate_keys);
      forget_log (mv);
      if (!ferry_lexer_peek (lx, '{'))
        return ferry_lexer_skip_value (lx, depth + 1);
      return read_object (lx, mv, progress_keys, progress_nested, depth + 1);
    }
  *handled = FALSE;
  return TRUE;
}

static const char *
first_string (const Value *a, const Value *b)
{
  return ferry_value_as_string (a) != NULL ? ferry_value_as_string (a) : ferry_value_as_string (b);
}

static char *
first_id (const Value *a, const Value *b)
{
  char *id = ferry_value_as_id (a);

  return id != NULL ? id : ferry_value_as_id (b);
}

/* ferry_hcx_json_to_migration (), from the values; NULL if a skipped log does not read. */
static FerryMigration *
build_migration (MigrationValues *mv)
{
  const Value *v = mv->v;
  FerryMigration *m = ferry_migration_new ();
  g_autofree char *migration_id = first_id (&v[T_MIGRATION_ID], &v[T_ID]);
  g_autofree char *group_id = ferry_value_as_id (&v[T_GROUP_ID]);
  g_autofree char *entity_id = first_id (&v[E_ENTITY_ID], &v[E_ID]);
  gint64 total_bytes = ferry_value_as_int (&v[PT_VALUE], -1);
  gint64 transferred = ferry_value_as_int (&v[PT_BYTES], -1);
  gboolean is_done = ferry_value_as_bool (&v[P_IS_DONE], FALSE);
  gboolean did_fail = ferry_value_as_bool (&v[P_DID_FAIL], FALSE);
  gboolean is_cancelled = ferry_value_as_bool (&v[P_IS_CANCELLED], FALSE);
  const char *state = first_string (&v[T_STATE], &v[PS_STATUS]);
  guint64 digest = mv->log_start != NULL ? ferry_lexer_digest (mv->log_start, mv->log_len) : 0;
  gboolean omitted = FALSE;
  double percent;

  if (mv->log_deferred && !read_deferred_log (mv, migration_id, digest, &omitted))
    {
      g_object_unref (m);
      return NULL;
    }
  if (entity_id == NULL)
    entity_id = ferry_value_as_id (&v[T_ENTITY_ID]);
  if (total_bytes > 0 && transferred >= 0)
    percent = (double)transferred * 100.0 / (double)total_bytes;
  else
    {
      percent = value_as_double (&v[P_PERCENT], -1.0);
      if (percent < 0)
        percent = value_as_double (&v[T_PERCENT], -1.0);
    }
  if (percent > 100.0)
    percent = 100.0;
  if (percent < 0.0 || isnan (percent))
    percent = -1.0;

  _ferry_migration_set_quiet (m, TRUE);
  ferry_migration_set_migration_id (m, migration_id);
  ferry_migration_set_migration_group_id (m, group_id);
  ferry_migration_set_migration_type (m, ferry_value_as_string (&v[T_TYPE]));
  ferry_migration_set_state (m, state);
  ferry_migration_set_username (m, ferry_value_as_string (&v[T_USERNAME]));
  ferry_migration_set_creation_date (m, ferry_value_as_int (&v[T_CREATION_DATE], -1));
  ferry_migration_set_last_updated (m, ferry_value_as_int (&v[T_LAST_UPDATED], -1));
  ferry_migration_set_entity_id (m, entity_id);
  ferry_migration_set_entity_name (m, first_string (&v[E_ENTITY_NAME], &v[E_NAME]));
  ferry_migration_set_source_endpoint_id (m, ferry_value_as_string (&v[S_ENDPOINT_ID]));
  ferry_migration_set_source_endpoint_name (m, ferry_value_as_string (&v[S_ENDPOINT_NAME]));
  ferry_migration_set_source_resource_name (m, ferry_value_as_string (&v[S_RESOURCE_NAME]));
  ferry_migration_set_destination_endpoint_id (m, ferry_value_as_string (&v[D_ENDPOINT_ID]));
  ferry_migration_set_destination_endpoint_name (m, ferry_value_as_string (&v[D_ENDPOINT_NAME]));
  ferry_migration_set_destination_resource_name (m, ferry_value_as_string (&v[D_RESOURCE_NAME]));
  ferry_migration_set_switchover_start (m, ferry_value_as_int (&v[W_START], -1));
  ferry_migration_set_switchover_expiry (m, ferry_value_as_int (&v[W_EXPIRY], -1));
  ferry_migration_set_start_time (m, ferry_value_as_int (&v[P_START], -1));
  ferry_migration_set_end_time (m, ferry_value_as_int (&v[P_END], -1));
  ferry_migration_set_message (m, ferry_value_as_string (&v[P_MESSAGE]));
  ferry_migration_set_status (m, ferry_value_as_string (&v[PS_STATUS]));
  ferry_migration_set_status_message (m, ferry_value_as_string (&v[PS_MESSAGE]));
  ferry_migration_set_error_message (m, ferry_value_as_string (&v[PS_ERROR]));
  ferry_migration_set_is_done (m, is_done);
  ferry_migration_set_did_fail (m, did_fail);
  ferry_migration_set_is_cancelled (m, is_cancelled);
  ferry_migration_set_is_transfer_progress (m, ferry_value_as_bool (&v[PS_TRANSFER], FALSE));
  ferry_migration_set_is_switchover_progress (m, ferry_value_as_bool (&v[PS_SWITCHOVER], FALSE));
  ferry_migration_set_is_waiting_for_maint_window (m, ferry_value_as_bool (&v[PS_WAITING], FALSE));
  ferry_migration_set_bytes_transferred (m, transferred);
  ferry_migration_set_total_bytes (m, total_bytes);
  ferry_migration_set_percent (m, percent);
  ferry_migration_set_finished (
      m, ferry_migration_compute_finished (state, is_done, did_fail, is_cancelled));
  for (guint i = 0; i < mv->events->len; i++)
    ferry_migration_add_event (m, g_ptr_array_index (mv->events, i));
  ferry_migration_set_log_digest (m, digest);
  ferry_migration_set_log_omitted (m, omitted);
  _ferry_migration_set_quiet (m, FALSE);
  forget_log (mv);
  return m;
}

static gboolean
read_items (Lexer *lx, GHashTable *known, GPtrArray *out, guint *n_items)
{
  MigrationValues mv = { { { 0 } }, NULL, known, NULL, 0, 0, FALSE };
  gboolean ok = FALSE;

  if (!ferry_lexer_expect (lx, '['))
    return FALSE;
  if (ferry_lexer_expect (lx, ']'))
    return TRUE;
  mv.events = g_ptr_array_new_with_free_func (g_object_unref);
  do
    {
      FerryMigration *m;

      (*n_items)++;
      if (!ferry_lexer_peek (lx, '{'))
        {
          if (!ferry_lexer_skip_value (lx, 3))
            goto out;
          continue;
        }
      memset (mv.v, 0, sizeof mv.v);
      forget_log (&mv);
      /* {"data":{"items":[{…}]}}: the item's members are at depth 4 at most. */
      if (!read_object (lx, &mv, top_keys, top_nested, 3) || (m = build_migration (&mv)) == NULL)
        goto out;
      g_ptr_array_add (out, m);
    }
  while (ferry_lexer_expect (lx, ','));
  ok = ferry_lexer_expect (lx, ']');
out:
  g_ptr_array_unref (mv.events);
  return ok;
}

/* paging: {"totalSize": …, "totalCount": …} */
static gboolean
read_paging (Lexer *lx, gint64 *total_size, gint64 *total_count)
{
  if (!ferry_lexer_expect (lx, '{'))
    return FALSE;
  if (ferry_lexer_expect (lx, '}'))
    return TRUE;
  do
    {
      Value v = { 0 };
      gboolean size;

      if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
        return FALSE;
      size = FERRY_LEXER_IS (lx, "totalSize");
      if (!size && !FERRY_LEXER_IS (lx, "totalCount"))
        {
          if (!ferry_lexer_skip_value (lx, 3))
            return FALSE;
          continue;
        }
      if (!ferry_lexer_read_value (lx, &v))
        return FALSE;
      if (size)
        *total_size = ferry_value_as_int (&v, -1);
      else
        *total_count = ferry_value_as_int (&v, -1);
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, '}');
}

typedef struct
{
  gboolean has_items;
  gboolean has_paging;
  gboolean has_data;
  gint64 total_size;
  gint64 total_count;
  gint64 data_total;
} Envelope;

/* The envelope of ferry_hcx_json_find_items () and ferry_hcx_json_find_total (), as the VM page
 * parser reads it: {"data":{"items":[…],"paging":{…}}} or {"items":[…],"paging":{…}}. */
static gboolean
read_container (Lexer *lx, gboolean is_data, Envelope *env, GHashTable *known, GPtrArray *out,
                guint *n_items)
{
  if (!ferry_lexer_expect (lx, '{'))
    return FALSE;
  if (ferry_lexer_expect (lx, '}'))
    return TRUE;
  do
    {
      if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':'))
        return FALSE;
      if (FERRY_LEXER_IS (lx, "items"))
        {
          /* Duplicate item lists, or items where json-glib would not look: give up. */
          if (env->has_items || !ferry_lexer_peek (lx, '['))
            return FALSE;
          env->has_items = TRUE;
          if (!read_items (lx, known, out, n_items))
            return FALSE;
        }
      else if (FERRY_LEXER_IS (lx, "paging"))
        {
          if (!ferry_lexer_peek (lx, '{') || env->has_paging)
            return FALSE;
          env->has_paging = TRUE;
          if (!read_paging (lx, &env->total_size, &env->total_count))
            return FALSE;
        }
      else if (is_data && FERRY_LEXER_IS (lx, "totalSize"))
        {
          Value v = { 0 };

          if (!ferry_lexer_read_value (lx, &v))
            return FALSE;
          env->data_total = ferry_value_as_int (&v, -1);
        }
      else if (!is_data && FERRY_LEXER_IS (lx, "data"))
        {
          if (env->has_data || !ferry_lexer_peek (lx, '{'))
            return FALSE;
          env->has_data = TRUE;
          if (!read_container (lx, TRUE, env, known, out, n_items))
            return FALSE;
        }
      else if (!ferry_lexer_skip_value (lx, is_data ? 2 : 1))
        return FALSE;
    }
  while (ferry_lexer_expect (lx, ','));
  return ferry_lexer_expect (lx, '}');
}

gboolean
ferry_hcx_json_parse_migration_page_fast (const char *data, gsize len, GPtrArray *migrations,
                                          guint *n_items, gint64 *total)
{
  return ferry_hcx_json_parse_migration_page_known (data, len, NULL, migrations, n_items, total);
}

gboolean
ferry_hcx_json_parse_migration_page_known (const char *data, gsize len, GHashTable *known_logs,
                                           GPtrArray *migrations, guint *n_items, gint64 *total)
{
  Lexer lx;
  Envelope env = { FALSE, FALSE, FALSE, -1, -1, -1 };
  guint start_len = migrations->len;
  gint64 t;

  *n_items = 0;
  *total = -1;
  /* json-glib rejects invalid UTF-8; so do we, by leaving it to json-glib. */
  if (!ferry_lexer_init (&lx, data, len))
    return FALSE;
  if (!ferry_lexer_peek (&lx, '{')
      || !read_container (&lx, FALSE, &env, known_logs, migrations, n_items))
    goto fail;
  ferry_lexer_skip_ws (&lx);
  if (lx.p != lx.end || !env.has_items)
    goto fail;
  t = env.total_size >= 0 ? env.total_size : env.total_count;
  if (t < 0 && env.has_data)
    t = env.data_total;
  *total = t >= 0 ? t : -1;
  ferry_lexer_clear (&lx);
  return TRUE;

fail:
  ferry_lexer_clear (&lx);
  g_ptr_array_remove_range (migrations, start_len, migrations->len - start_len);
  *n_items = 0;
  return FALSE;
}
