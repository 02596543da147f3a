/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-dashboard-notices.c: what the dashboard tells the user unasked: desktop notifications
 * and toasts (a failure, a switchover, a plan finished) and the banner naming the migration
 * types the site pair's prerequisites block. */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-dashboard-private.h"

/* ---- Notifications ---- */

static gboolean
window_focused (FerryDashboard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->focus_override >= 0)
    return self->focus_override > 0;
  return GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root));
}

static void
notice (FerryDashboard *self, const char *id, const char *title, const char *body,
        const char *migration_id)
{
  gboolean focused = window_focused (self);

  g_free (self->last_notice_title);
  self->last_notice_title = g_strdup (title);
  self->last_notice_was_toast = focused;
  if (focused)
    {
      AdwToast *toast = adw_toast_new (title);

      if (migration_id != NULL)
        {
          adw_toast_set_button_label (toast, _ ("Show"));
          adw_toast_set_action_name (toast, "dashboard.show-migration");
          adw_toast_set_action_target_value (toast, g_variant_new_string (migration_id));
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      g_autoptr (GNotification) n = g_notification_new (title);
      GApplication *app = g_application_get_default ();

      if (body != NULL)
        g_notification_set_body (n, body);
      if (migration_id != NULL)
        g_notification_set_default_action_and_target (n, "app.show-migration", "s", migration_id);
      if (app != NULL)
        g_application_send_notification (app, id, n);
    }
}

const char *
_ferry_dashboard_vm_name (FerryMigration *m)
{
  const char *name = ferry_migration_get_entity_name (m);

  return name != NULL ? name : ferry_migration_get_entity_id (m);
}

static void
on_migration_failed (FerryDashboard *self, FerryMigration *m)
{
  /* TRANSLATORS: a notification, "Migration of web-01 failed" */
  g_autofree char *title
      = g_strdup_printf (_ ("Migration of %s failed"), _ferry_dashboard_vm_name (m));
  g_autofree char *id = g_strdup_printf ("failed-%s", ferry_migration_get_migration_id (m));
  const char *why = ferry_migration_get_error_message (m);

  notice (self, id, title, why != NULL ? why : ferry_migration_get_state (m),
          ferry_migration_get_migration_id (m));
}

static void
on_switchover_started (FerryDashboard *self, FerryMigration *m)
{
  /* TRANSLATORS: a notification, "web-01 is switching over" */
  g_autofree char *title
      = g_strdup_printf (_ ("%s is switching over"), _ferry_dashboard_vm_name (m));
  g_autofree char *id = g_strdup_printf ("switchover-%s", ferry_migration_get_migration_id (m));

  notice (self, id, title, _ ("Its switchover window opened."),
          ferry_migration_get_migration_id (m));
}

static void
on_group_finished (FerryDashboard *self, const char *group_id, const char *plan_name)
{
  g_autofree char *title = NULL;
  g_autofree char *id = g_strdup_printf ("group-%s", group_id);

  if (plan_name != NULL)
    /* TRANSLATORS: a notification, "Every migration of “Wave 1” has finished" */
    title = g_strdup_printf (_ ("Every migration of “%s” has finished"), plan_name);
  else
    title = g_strdup (_ ("Every migration of a group has finished"));
  notice (self, id, title, NULL, NULL);
}

void
_ferry_dashboard_connect_notices (FerryDashboard *self)
{
  g_signal_connect_object (self->tracker, "migration-failed", G_CALLBACK (on_migration_failed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tracker, "switchover-started", G_CALLBACK (on_switchover_started),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tracker, "group-finished", G_CALLBACK (on_group_finished), self,
                           G_CONNECT_SWAPPED);
}

/* ---- The site pair's prerequisites ---- */

void
ferry_dashboard_set_site (FerryDashboard *self, FerrySite *site, FerryPrereqReport *report)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *types = NULL;
  g_autofree char *text = NULL;
  GListModel *entries;

  g_return_if_fail (FERRY_IS_DASHBOARD (self));
  g_return_if_fail (site == NULL || FERRY_IS_SITE (site));
  g_return_if_fail (report == NULL || FERRY_IS_PREREQ_REPORT (report));

  entries = report != NULL ? ferry_prereq_report_get_entries (report) : NULL;
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (FerryPrereqEntry) entry = g_list_model_get_item (entries, i);

      if (!ferry_prereq_entry_get_available (entry))
        g_ptr_array_add (missing, g_strdup (ferry_prereq_entry_get_title (entry)));
    }
  if (site == NULL || missing->len == 0)
    {
      gtk_revealer_set_reveal_child (self->prereq_revealer, FALSE);
      ferry_accessible_set_label_or_hide (self->prereq_label, NULL);
      return;
    }
  g_ptr_array_add (missing, NULL);
  /* TRANSLATORS: joins the names of migration types in a list: "Bulk Migration, vMotion" */
  types = g_strjoinv (_ (", "), (char **)missing->pdata);
  if (missing->len - 1 == g_list_model_get_n_items (entries))
    /* TRANSLATORS: %s is the remote site; nothing can be migrated until it is fixed */
    text = g_strdup_printf (_ ("No migration type is available to %s yet: the compute profiles "
                               "or the service mesh lack the services it needs."),
                            ferry_site_get_name (site));
  else
    /* TRANSLATORS: the first %s is the remote site, the second a list of migration types */
    text = g_strdup_printf (_ ("Not available to %s: %s. The wizard offers only the other "
                               "migration types."),
                            ferry_site_get_name (site), types);
  ferry_accessible_set_label_or_hide (self->prereq_label, text);
  gtk_revealer_set_reveal_child (self->prereq_revealer, TRUE);
}
