/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "ferry-sim-thread.h"

struct _FerrySimThread
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  FerrySimServer *server;

  /* Start-up hand-shake. */
  GMutex lock;
  GCond cond;
  gboolean ready;
  GError *error;
  const FerrySimOptions *opts;
  guint16 port;
};

static gpointer
thread_main (gpointer data)
{
  FerrySimThread *self = data;
  g_autoptr (FerrySimServer) server = NULL;
  GError *error = NULL;

  g_main_context_push_thread_default (self->context);

  server = ferry_sim_server_new (self->opts, &error);
  if (server != NULL && !ferry_sim_server_listen (server, self->port, &error))
    g_clear_object (&server);

  g_mutex_lock (&self->lock);
  self->server = server;
  self->error = error;
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (server != NULL)
    g_main_loop_run (self->loop);

  /* Drop the server on its own thread, then let pending sources finish. */
  self->server = NULL;
  g_clear_object (&server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
thread_free (FerrySimThread *self)
{
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

FerrySimThread *
ferry_sim_thread_start_on_port (const FerrySimOptions *opts, guint16 port, GError **error)
{
  FerrySimThread *self = g_new0 (FerrySimThread, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->opts = opts;
  self->port = port;

  self->thread = g_thread_new ("ferry-hcx-sim", thread_main, self);
  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
  self->opts = NULL;

  if (self->server == NULL)
    {
      g_thread_join (self->thread);
      g_propagate_error (error, self->error);
      thread_free (self);
      return NULL;
    }
  return self;
}

FerrySimThread *
ferry_sim_thread_start (const FerrySimOptions *opts, GError **error)
{
  return ferry_sim_thread_start_on_port (opts, 0, error);
}

const char *
ferry_sim_thread_get_url (FerrySimThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return ferry_sim_server_get_url (self->server);
}

const char *
ferry_sim_thread_get_fingerprint (FerrySimThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return ferry_sim_server_get_fingerprint (self->server);
}

FerrySimServer *
ferry_sim_thread_get_server (FerrySimThread *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->server;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
ferry_sim_thread_stop (FerrySimThread *self)
{
  GSource *source;

  if (self == NULL)
    return;
  source = g_idle_source_new ();
  g_source_set_callback (source, quit_cb, self->loop, NULL);
  g_source_attach (source, self->context);
  g_source_unref (source);
  g_thread_join (self->thread);
  thread_free (self);
}
