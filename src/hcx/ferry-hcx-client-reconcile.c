/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-client-reconcile.c: what an interrupted start, group creation or group start did.
 *
 * Neither is ever sent twice. When the answer is anything but a parsed one (a dropped
 * connection, a timeout, a proxy's 5xx or HTML page, a truncated body), the server may have
 * acted, or may still be acting: the client asks it what exists (migrations of the group, or
 * drafts of the VMs in a group that was not there before), again and again with backoff over
 * #FerryHcxClient:reconcile-timeout, and reports what it found. Until it finds something it
 * says "not confirmed yet" (FERRY_HCX_ERROR_START_UNCONFIRMED), never "nothing was done". A 4xx
 * is a refusal: one query, and the server's own error if nothing is there. */

#define G_LOG_DOMAIN "Ferry-HCX"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ferry-hcx-client-private.h"

#define FIRST_DELAY_MS 250
#define MAX_DELAY_MS 4000

FerryHcxOutcome
_ferry_hcx_outcome (const GError *error, guint status)
{
  if (error == NULL)
    return FERRY_HCX_OUTCOME_UNCERTAIN; /* an answer that could not be understood */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FERRY_HCX_OUTCOME_NOT_DONE;
  /* 401: the server refused the session, so it did not act (a re-login may have failed
   * after it: still not sent again). */
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return FERRY_HCX_OUTCOME_NOT_DONE;
  if (error->domain == FERRY_HCX_ERROR)
    switch ((FerryHcxError)error->code)
      {
        /* Failed before the request could be written. */
        case FERRY_HCX_ERROR_NOT_LOGGED_IN:
        case FERRY_HCX_ERROR_INVALID_ARGUMENT:
        case FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED:
        case FERRY_HCX_ERROR_CERTIFICATE_CHANGED:
        case FERRY_HCX_ERROR_TLS:
        case FERRY_HCX_ERROR_BAD_CREDENTIALS:
        case FERRY_HCX_ERROR_SESSION_EXPIRED:
          return FERRY_HCX_OUTCOME_NOT_DONE;
        default:
          break;
      }
  if (status >= 400 && status < 500)
    return FERRY_HCX_OUTCOME_REFUSED;
  return FERRY_HCX_OUTCOME_UNCERTAIN;
}

/* Settle: query until the answer is complete or the time is up ------------------------------- */

typedef gboolean (*SettleDoneFunc) (GListModel *found, gpointer data);

typedef struct
{
  GStrv group_ids;
  GStrv entity_ids;
  gboolean skip_drafts;
  gint64 deadline; /* monotonic µs */
  guint delay_ms;
  guint queries;
  SettleDoneFunc done;
  gpointer done_data;
  GListModel *found; /* the last answer */
  GError *error;     /* the last failure */
  GSource *wait;
} Settle;

static void
settle_free (Settle *s)
{
  g_strfreev (s->group_ids);
  g_strfreev (s->entity_ids);
  g_clear_object (&s->found);
  g_clear_error (&s->error);
  if (s->wait != NULL)
    {
      g_source_destroy (s->wait);
      g_source_unref (s->wait);
    }
  g_free (s);
}

static void
settle_query (GTask *task);

static gboolean
on_settle_wait (gpointer user_data)
{
  GTask *task = user_data;
  Settle *s = g_task_get_task_data (task);

  g_clear_pointer (&s->wait, g_source_unref);
  if (!g_task_return_error_if_cancelled (task))
    settle_query (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
on_settle_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  Settle *s = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) found = _ferry_hcx_client_query_finish (self, result, &error);
  gint64 now = g_get_monotonic_time ();
  guint delay;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (found != NULL)
    {
      g_set_object (&s->found, found);
      g_debug ("reconcile query %u: %u migrations", s->queries, g_list_model_get_n_items (found));
      if (s->done (found, s->done_data))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  else
    {
      g_debug ("reconcile query %u failed: %s", s->queries, error->message);
      g_clear_error (&s->error);
      s->error = g_steal_pointer (&error);
    }
  if (now >= s->deadline)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  delay = MIN (s->delay_ms, (guint)((s->deadline - now) / 1000) + 1);
  s->delay_ms = MIN (s->delay_ms * 2, MAX_DELAY_MS);
  s->wait = g_timeout_source_new (delay);
  g_source_set_callback (s->wait, on_settle_wait, g_steal_pointer (&task), NULL);
  g_source_set_static_name (s->wait, "[ferry-hcx] reconcile backoff");
  g_source_attach (s->wait, g_main_context_get_thread_default ());
}

static void
settle_query (GTask *task)
{
  FerryHcxClient *self = g_task_get_source_object (task);
  Settle *s = g_task_get_task_data (task);

  s->queries++;
  _ferry_hcx_client_query_async (
      self, NULL, (const char *const *)s->group_ids, (const char *const *)s->entity_ids,
      s->skip_drafts, g_task_get_cancellable (task), on_settle_answer, g_object_ref (task));
}

/* Queries (migrations of @group_ids and/or of @entity_ids) until @done says the answer is
 * complete or @seconds have passed (0: one query). */
static void
settle_async (FerryHcxClient *self, const char *const *group_ids, const char *const *entity_ids,
              gboolean skip_drafts, guint seconds, SettleDoneFunc done, gpointer done_data,
              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Settle *s = g_new0 (Settle, 1);

  g_task_set_source_tag (task, settle_async);
  s->group_ids = g_strdupv ((char **)group_ids);
  s->entity_ids = g_strdupv ((char **)entity_ids);
  s->skip_drafts = skip_drafts;
  s->deadline = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;
  s->delay_ms = FIRST_DELAY_MS;
  s->done = done;
  s->done_data = done_data;
  g_task_set_task_data (task, s, (GDestroyNotify)settle_free);
  settle_query (task);
  g_object_unref (task);
}

/* Returns the last answer (NULL if every query failed: then @error is the last failure) and
 * whether it was complete. */
static GListModel *
settle_finish (FerryHcxClient *self, GAsyncResult *result, gboolean *complete, GError **error)
{
  Settle *s = g_task_get_task_data (G_TASK (result));
  GError *local_error = NULL;

  *complete = g_task_propagate_boolean (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (s->found == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&s->error));
      return NULL;
    }
  return g_object_ref (s->found);
}

/* Start --------------------------------------------------------------------------------------- */

typedef struct
{
  char *group_id;
  guint n_expected;
  GError *start_error;
  gboolean refused;
} StartCheck;

static void
start_check_free (StartCheck *c)
{
  g_free (c->group_id);
  g_clear_error (&c->start_error);
  g_free (c);
}

static gboolean
start_done (GListModel *found, gpointer data)
{
  StartCheck *c = data;

  return g_list_model_get_n_items (found) >= c->n_expected;
}

static void
on_start_settled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  StartCheck *c = g_object_get_data (G_OBJECT (task), "ferry-start-check");
  g_autoptr (GError) error = NULL;
  gboolean complete = FALSE;
  g_autoptr (GListModel) migrations = settle_finish (self, result, &complete, &error);
  g_autoptr (FerryValidationResult) vr = NULL;
  guint n;

  if (migrations == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_START_UNCONFIRMED,
          _ ("The start request to HCX Manager “%s” was interrupted (%s), and Ferry could "
             "not find out which migrations were created (%s). Do not start again: "
             "check the tracking view of group %s first."),
          self->host, c->start_error->message, error->message, c->group_id);
      return;
    }

  n = g_list_model_get_n_items (migrations);
  if (n == 0 && c->refused)
    {
      /* A refusal, and indeed nothing is there. */
      g_task_return_error (task, g_steal_pointer (&c->start_error));
      return;
    }
  if (n == 0)
    {
      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_START_UNCONFIRMED,
          _ ("The start request to HCX Manager “%s” was interrupted (%s). No migration of "
             "group %s has appeared after %u seconds, but the server may still be creating "
             "them: not confirmed yet. Do not start again; check the tracking view of the "
             "group first."),
          self->host, c->start_error->message, c->group_id, self->reconcile_timeout);
      return;
    }
  g_debug ("start of group %s reconciled by query: %u of %u migrations exist%s", c->group_id, n,
           c->n_expected, complete ? "" : " (no more appeared)");
  vr = ferry_validation_result_new ();
  ferry_validation_result_set_reconciled (vr, TRUE);
  ferry_validation_result_set_migration_group_id (vr, c->group_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (migrations, i);
      g_autoptr (FerryValidationItem) item = ferry_validation_item_new ();

      ferry_validation_item_set_entity_id (item, ferry_migration_get_entity_id (m));
      ferry_validation_item_set_entity_name (item, ferry_migration_get_entity_name (m));
      ferry_validation_item_set_migration_id (item, ferry_migration_get_migration_id (m));
      ferry_validation_item_set_migration_group_id (item,
                                                    ferry_migration_get_migration_group_id (m));
      ferry_validation_result_add_item (vr, item);
      ferry_validation_result_add_migration (vr, m);
    }
  g_task_return_pointer (task, g_steal_pointer (&vr), g_object_unref);
}

void
_ferry_hcx_client_reconcile_start (FerryHcxClient *self, GTask *task, const char *group_id,
                                   const char *const *entity_ids, guint n_expected,
                                   GError *start_error, gboolean refused)
{
  StartCheck *c = g_new0 (StartCheck, 1);
  const char *groups[] = { group_id, NULL };

  c->group_id = g_strdup (group_id);
  c->n_expected = MAX (n_expected, 1);
  c->start_error = start_error;
  c->refused = refused;
  g_object_set_data_full (G_OBJECT (task), "ferry-start-check", c,
                          (GDestroyNotify)start_check_free);
  g_debug ("start of group %s %s (%s); asking what was created", group_id,
           refused ? "refused" : "interrupted", start_error->message);
  settle_async (self, groups, entity_ids, TRUE, refused ? 0 : self->reconcile_timeout, start_done,
                c, g_task_get_cancellable (task), on_start_settled, task);
}

/* Group creation ------------------------------------------------------------------------------ */

typedef struct
{
  char *name;
  char *group_id;     /* the desiredMigrationGroupId sent */
  GHashTable *before; /* group ids that held drafts of these VMs before the request */
  guint n_expected;
  GError *create_error;
  gboolean refused;
} GroupCheck;

static void
group_check_free (GroupCheck *c)
{
  g_free (c->name);
  g_free (c->group_id);
  g_clear_pointer (&c->before, g_hash_table_unref);
  g_clear_error (&c->create_error);
  g_free (c);
}

/* The group with the id the request asked for, if it holds drafts of our VMs; else (a server
 * that ignores desiredMigrationGroupId) the group that is new since the request and holds the
 * most of them; or NULL. */
static const char *
new_group (GroupCheck *c, GListModel *found, guint *count)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_n = 0;
  guint ours = 0;

  for (guint i = 0; c->group_id != NULL && i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (found, i);

      if (g_strcmp0 (ferry_migration_get_migration_group_id (m), c->group_id) == 0)
        ours++;
    }
  if (ours > 0)
    {
      *count = ours;
      return c->group_id;
    }

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (found, i);
      const char *id = ferry_migration_get_migration_group_id (m);
      guint n;

      if (id == NULL || g_hash_table_contains (c->before, id))
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1;
      /* The key lives as long as the model, which outlives this function. */
      g_hash_table_insert (counts, (gpointer)id, GUINT_TO_POINTER (n));
      if (n > best_n)
        {
          best = id;
          best_n = n;
        }
    }
  *count = best_n;
  return best;
}

static gboolean
group_done (GListModel *found, gpointer data)
{
  GroupCheck *c = data;
  guint n = 0;

  new_group (c, found, &n);
  return n >= c->n_expected;
}

static void
on_group_settled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  GroupCheck *c = g_object_get_data (G_OBJECT (task), "ferry-group-check");
  g_autoptr (GError) error = NULL;
  gboolean complete = FALSE;
  g_autoptr (GListModel) found = settle_finish (self, result, &complete, &error);
  const char *id;
  guint n = 0;
  FerryMobilityGroup *group;

  if (found == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_START_UNCONFIRMED,
          _ ("Creating the mobility group “%s” on HCX Manager “%s” was interrupted (%s), and "
             "Ferry could not find out whether it was created (%s). Do not create it again "
             "before checking the server's mobility groups."),
          c->name, self->host, c->create_error->message, error->message);
      return;
    }
  id = new_group (c, found, &n);
  if (id == NULL && c->refused)
    {
      g_task_return_error (task, g_steal_pointer (&c->create_error));
      return;
    }
  if (id == NULL)
    {
      _ferry_hcx_return_error (
          task, FERRY_HCX_ERROR_START_UNCONFIRMED,
          _ ("Creating the mobility group “%s” on HCX Manager “%s” was interrupted (%s). It "
             "has not appeared after %u seconds, but the server may still be creating it: not "
             "confirmed yet. Do not create it again before checking the server's mobility "
             "groups."),
          c->name, self->host, c->create_error->message, self->reconcile_timeout);
      return;
    }
  g_debug ("creation of group “%s” reconciled by query: %s holds %u of %u drafts", c->name, id, n,
           c->n_expected);
  group = ferry_mobility_group_new ();
  ferry_mobility_group_set_id (group, id);
  ferry_mobility_group_set_name (group, c->name);
  ferry_mobility_group_set_n_migrations (group, (int)n);
  g_task_return_pointer (task, group, g_object_unref);
}

void
_ferry_hcx_client_reconcile_group (FerryHcxClient *self, GTask *task, const char *name,
                                   const char *group_id, const char *const *entity_ids,
                                   GHashTable *groups_before, GError *create_error,
                                   gboolean refused)
{
  GroupCheck *c = g_new0 (GroupCheck, 1);

  c->name = g_strdup (name);
  c->group_id = g_strdup (group_id);
  c->before = g_hash_table_ref (groups_before);
  c->n_expected = MAX (g_strv_length ((char **)entity_ids), 1);
  c->create_error = create_error;
  c->refused = refused;
  g_object_set_data_full (G_OBJECT (task), "ferry-group-check", c,
                          (GDestroyNotify)group_check_free);
  g_debug ("creation of group “%s” %s (%s); asking what was created", name,
           refused ? "refused" : "interrupted", create_error->message);
  settle_async (self, NULL, entity_ids, FALSE, refused ? 0 : self->reconcile_timeout, group_done, c,
                g_task_get_cancellable (task), on_group_settled, task);
}

/* Group start --------------------------------------------------------------------------------- */

typedef struct
{
  GStrv group_ids;
  GError *start_error;
  gboolean refused;
} GroupStartCheck;

static void
group_start_check_free (GroupStartCheck *c)
{
  g_strfreev (c->group_ids);
  g_clear_error (&c->start_error);
  g_free (c);
}

/* A group start turns every draft of the groups into a migration: done when the groups hold
 * migrations and none of them is a draft any more. */
static gboolean
group_start_done (GListModel *found, gpointer data)
{
  guint n = g_list_model_get_n_items (found);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryMigration) m = g_list_model_get_item (found, i);

      if (g_ascii_strcasecmp (
              ferry_migration_get_state (m) != NULL ? ferry_migration_get_state (m) : "", "DRAFT")
          == 0)
        return FALSE;
    }
  return n > 0;
}

static void
on_group_start_settled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  g_autoptr (GTask) task = user_data;
  GroupStartCheck *c = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  gboolean complete = FALSE;
  g_autoptr (GListModel) found = settle_finish (self, result, &complete, &error);
  g_autofree char *groups = g_strjoinv (", ", c->group_ids);

  if (found == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (found != NULL && complete)
    {
      g_debug ("start of groups %s reconciled by query: %u migrations, none a draft", groups,
               g_list_model_get_n_items (found));
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (c->refused)
    {
      g_task_return_error (task, g_steal_pointer (&c->start_error));
      return;
    }
  if (found == NULL)
    _ferry_hcx_return_error (
        task, FERRY_HCX_ERROR_START_UNCONFIRMED,
        _ ("Starting the mobility groups %s on HCX Manager “%s” was interrupted (%s), and Ferry "
           "could not find out whether they started (%s). Do not start them again before "
           "checking their migrations."),
        groups, self->host, c->start_error->message, error->message);
  else
    _ferry_hcx_return_error (
        task, FERRY_HCX_ERROR_START_UNCONFIRMED,
        _ ("Starting the mobility groups %s on HCX Manager “%s” was interrupted (%s). Their "
           "migrations are still drafts after %u seconds, but the server may still be starting "
           "them: not confirmed yet. Check the groups before starting them again."),
        groups, self->host, c->start_error->message, self->reconcile_timeout);
}

static void
on_groups_start_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FerryHcxClient *self = FERRY_HCX_CLIENT (source);
  GTask *task = user_data;
  GroupStartCheck *c = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  guint status = 0;
  g_autoptr (GBytes) bytes = _ferry_hcx_client_request_finish (self, result, &status, &error);
  FerryHcxOutcome outcome;

  if (bytes != NULL && _ferry_hcx_client_check_ack (self, bytes, &error))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  /* A body that is no acknowledgement came with a 2xx: the server may well have acted. */
  outcome = _ferry_hcx_outcome (bytes != NULL ? NULL : error, status);
  if (outcome == FERRY_HCX_OUTCOME_NOT_DONE || c->group_ids[0] == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  c->start_error = g_steal_pointer (&error);
  c->refused = outcome == FERRY_HCX_OUTCOME_REFUSED;
  g_debug ("start of mobility groups %s (%s); asking whether they started",
           c->refused ? "refused" : "interrupted", c->start_error->message);
  settle_async (self, (const char *const *)c->group_ids, NULL, FALSE,
                c->refused ? 0 : self->reconcile_timeout, group_start_done, c,
                g_task_get_cancellable (task), on_group_start_settled, task);
}

void
_ferry_hcx_client_start_groups (FerryHcxClient *self, gpointer source_tag,
                                const char *const *group_ids, JsonNode *body,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GroupStartCheck *c = g_new0 (GroupStartCheck, 1);

  g_task_set_source_tag (task, source_tag);
  c->group_ids = g_strdupv ((char **)group_ids);
  if (c->group_ids == NULL)
    c->group_ids = g_new0 (char *, 1);
  g_task_set_task_data (task, c, (GDestroyNotify)group_start_check_free);
  _ferry_hcx_client_request_send (self, "POST", "/mobility/groups/start", body, 0, cancellable,
                                  on_groups_start_sent, task);
}
