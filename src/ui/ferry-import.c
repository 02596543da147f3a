/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-import.c: an RVTools export in the window: import, offline planning, reconciling a
 * plan opened against a manager, and enrichment of the manager's VMs */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-import-reconcile.h"
#include "ferry-import.h"
#include "ferry-inventory-reconcile.h"
#include "ferry-plan-start.h"

#define FACTS_KEY "ferry-import-facts"     /* on the window: the last export */
#define PLANNED_KEY "ferry-import-planned" /* on a wizard: its plan's VMs as opened */
#define MANAGER_KEY "ferry-import-manager" /* on a wizard: the manager's inventory as facts */

FerryInventoryFacts *
ferry_import_get_facts (FerryWindow *window)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), FACTS_KEY);
}

/* ---- Enrichment ---- */

/* The export's snapshot, ISO, hardware and Tools facts into the manager's VMs of the open
 * wizard (the manager's own values win), and the badges told where each fact came from. */
static void
enrich_wizard (FerryWindow *window)
{
  FerryWizard *wizard = ferry_window_get_wizard (window);
  FerryInventoryFacts *export_facts = ferry_import_get_facts (window);
  FerryInventoryFacts *manager;
  g_autoptr (GListModel) reconciled = NULL;

  if (wizard == NULL || export_facts == NULL)
    return;
  manager = g_object_get_data (G_OBJECT (wizard), MANAGER_KEY);
  if (manager == NULL)
    return;
  reconciled = ferry_inventory_reconcile (export_facts, manager, FERRY_RECONCILE_FLAG_NONE);
  ferry_inventory_facts_enrich (manager, export_facts, reconciled);
  ferry_wizard_vm_page_set_facts (ferry_wizard_get_vm_page (wizard), manager);
}

/* ---- Importing ---- */

static void
imported_cb (FerryImportDialog *dialog, FerryInventoryFacts *facts, FerryWindow *window)
{
  g_object_set_data_full (G_OBJECT (window), FACTS_KEY, g_object_ref (facts), g_object_unref);
  enrich_wizard (window);
}

static void
plan_offline_cb (FerryImportDialog *dialog, FerryInventoryFacts *facts, FerryWindow *window)
{
  ferry_import_plan_offline (window, facts);
}

FerryImportDialog *
ferry_import_open_files (FerryWindow *window, GFile *const *files, guint n_files)
{
  FerryImportDialog *dialog;

  g_return_val_if_fail (FERRY_IS_WINDOW (window), NULL);

  dialog = ferry_import_dialog_new (GTK_WINDOW (window), ferry_window_get_session (window) != NULL);
  gtk_widget_set_name (GTK_WIDGET (dialog), "import-dialog");
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), window, 0);
  g_signal_connect_object (dialog, "plan-offline", G_CALLBACK (plan_offline_cb), window, 0);
  ferry_import_dialog_import (dialog, files, n_files);
  return dialog;
}

static void
chosen_cb (GFile *const *files, guint n_files, gpointer user_data)
{
  ferry_import_open_files (FERRY_WINDOW (user_data), files, n_files);
}

void
ferry_import_activate (FerryWindow *window)
{
  g_return_if_fail (FERRY_IS_WINDOW (window));
  ferry_import_choose_files (GTK_WINDOW (window), chosen_cb, g_object_ref (window), g_object_unref);
}

void
ferry_import_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ferry_import_activate (FERRY_WINDOW (widget));
}

/* ---- Offline planning ---- */

void
ferry_import_plan_offline (FerryWindow *window, FerryInventoryFacts *facts)
{
  g_autoptr (FerryPlan) plan = ferry_plan_new ();
  FerryFactSource *source = ferry_inventory_facts_get_source (facts);
  FerryWizard *wizard;
  FerryWizardVmPage *vm_page;
  g_autofree char *name = NULL;

  g_return_if_fail (FERRY_IS_WINDOW (window));
  g_return_if_fail (FERRY_IS_INVENTORY_FACTS (facts));

  g_object_set_data_full (G_OBJECT (window), FACTS_KEY, g_object_ref (facts), g_object_unref);
  if (source != NULL && ferry_fact_source_get_origin (source) != NULL)
    {
      g_autofree char *base = g_strdup (ferry_fact_source_get_origin (source));
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      /* TRANSLATORS: the name of a plan made from an RVTools export, e.g. "Plan from RVTools" */
      name = g_strdup_printf (_ ("Plan from %s"), base);
      ferry_plan_set_name (plan, name);
    }
  ferry_window_open_wizard (window, plan);
  wizard = ferry_window_get_wizard (window);
  if (wizard == NULL || ferry_wizard_get_plan (wizard) != plan)
    return;
  if (source != NULL)
    {
      g_autofree char *from = ferry_fact_source_describe (source);
      g_autofree char *subtitle = NULL;

      if (ferry_fact_source_get_origin (source) != NULL)
        /* TRANSLATORS: the window's subtitle, e.g. "Planning offline from the RVTools export of
         * 20 Nov 2026, vc01 (wave1.xlsx)" */
        subtitle = g_strdup_printf (_ ("Planning offline %s (%s)"), from,
                                    ferry_fact_source_get_origin (source));
      else
        subtitle = g_strdup_printf (_ ("Planning offline %s"), from);
      ferry_window_set_subtitle (window, subtitle);
    }
  vm_page = ferry_wizard_get_vm_page (wizard);
  ferry_wizard_vm_page_set_inventory (vm_page, ferry_inventory_facts_get_vms (facts));
  ferry_wizard_vm_page_set_facts (vm_page, facts);
  ferry_wizard_options_page_set_offline (ferry_wizard_get_options_page (wizard), TRUE);
}

/* ---- A plan opened against a manager ---- */

static void
inventory_loaded_cb (FerryWizardVmPage *vm_page, FerryWizard *wizard)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (wizard));
  GListModel *inventory = ferry_wizard_vm_page_get_inventory (vm_page);
  FerryInventoryFacts *planned = g_object_get_data (G_OBJECT (wizard), PLANNED_KEY);
  FerryConnectionSession *session;
  FerryWindow *window;
  const char *server;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (FerryFactSource) source = NULL;
  FerryInventoryFacts *manager;

  if (!FERRY_IS_WINDOW (root) || inventory == NULL
      || g_object_get_data (G_OBJECT (wizard), MANAGER_KEY) != NULL)
    return;
  window = FERRY_WINDOW (root);
  session = ferry_window_get_session (window);
  if (session == NULL)
    return;
  server = ferry_connection_get_server (ferry_connection_session_get_connection (session));
  now = g_date_time_new_now_utc ();
  source = ferry_fact_source_new (FERRY_FACT_SOURCE_KIND_HCX_MANAGER, server, NULL, now);
  manager = ferry_inventory_facts_new (source);
  ferry_inventory_facts_add_vms (manager, inventory, NULL);
  g_object_set_data_full (G_OBJECT (wizard), MANAGER_KEY, manager, g_object_unref);

  if (planned != NULL)
    {
      g_autoptr (GListModel) items
          = ferry_inventory_reconcile (planned, manager, FERRY_RECONCILE_FLAG_NONE);
      guint n = g_list_model_get_n_items (items);

      if (ferry_inventory_reconcile_count (items, FERRY_RECONCILE_MATCHED) == n)
        {
          g_autofree char *text
              = g_strdup_printf (ngettext ("The plan’s %u VM is unchanged on %s",
                                           "The plan’s %u VMs are unchanged on %s", n),
                                 n, server);

          ferry_window_add_toast (window, text);
        }
      else
        gtk_window_present (
            GTK_WINDOW (ferry_import_reconcile_new (GTK_WINDOW (window), items, server)));
      g_object_set_data (G_OBJECT (wizard), PLANNED_KEY, NULL);
    }
  enrich_wizard (window);
}

void
ferry_import_attach_wizard (FerryWindow *window, FerryWizard *wizard)
{
  FerryPlan *plan = ferry_wizard_get_plan (wizard);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (plan));

  g_return_if_fail (FERRY_IS_WINDOW (window));
  g_return_if_fail (FERRY_IS_WIZARD (wizard));

  if (ferry_window_get_session (window) == NULL)
    return;
  /* The plan's VMs as it was saved: the inventory's load rebinds its items to the manager's
   * objects, after which the saved facts are gone. */
  if (n > 0 && ferry_plan_get_start_state (plan) == FERRY_PLAN_START_NONE)
    {
      g_autoptr (GListStore) vms = g_list_store_new (FERRY_TYPE_VM);
      FerryInventoryFacts *planned = ferry_inventory_facts_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (FerryPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

          g_list_store_append (vms, ferry_plan_item_get_vm (item));
        }
      ferry_inventory_facts_add_vms (planned, G_LIST_MODEL (vms), NULL);
      g_object_set_data_full (G_OBJECT (wizard), PLANNED_KEY, planned, g_object_unref);
    }
  g_signal_connect_object (ferry_wizard_get_vm_page (wizard), "loaded",
                           G_CALLBACK (inventory_loaded_cb), wizard, 0);
}

/* ---- Offering an offline plan after connecting ---- */

static void
offline_response_cb (AdwMessageDialog *dialog, const char *response, FerryWindow *window)
{
  g_autoptr (FerryPlan) plan = g_object_steal_data (G_OBJECT (dialog), "ferry-plan");

  if (g_strcmp0 (response, "open") == 0 && plan != NULL && ferry_window_get_session (window))
    ferry_window_open_wizard (window, plan);
}

static void
offline_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FerryWindow) window = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FerryPlan) plan = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  plan = ferry_plan_store_find_resumable_finish (FERRY_PLAN_STORE (source), result, &error);
  if (plan == NULL || ferry_window_get_session (window) == NULL
      || ferry_window_get_wizard (window) != NULL)
    return;
  when = g_date_time_new_from_unix_local (ferry_plan_get_modified (plan) / 1000);
  when_text = when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("");
  body = g_strdup_printf (
      ngettext ("A plan with %u VM was made without a connection (last changed %s). Open it on "
                "this HCX Manager? Ferry first compares it with the manager’s inventory.",
                "A plan with %u VMs was made without a connection (last changed %s). Open it on "
                "this HCX Manager? Ferry first compares it with the manager’s inventory.",
                ferry_plan_get_n_items (plan)),
      ferry_plan_get_n_items (plan), when_text);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _ ("Open the Plan Made Offline?"), body);
  gtk_widget_set_name (dialog, "offline-plan-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _ ("_Not Now"), "open",
                                    _ ("_Open Plan"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "ferry-plan", g_steal_pointer (&plan), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (offline_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ferry_import_offer_offline_plan (FerryWindow *window)
{
  FerryPlanStore *store;

  g_return_if_fail (FERRY_IS_WINDOW (window));

  store = ferry_window_get_plan_store (window);
  if (store == NULL || ferry_window_get_session (window) == NULL)
    return;
  /* Plans made offline have no server. */
  ferry_plan_store_find_resumable_async (store, NULL, NULL, NULL, offline_found_cb,
                                         g_object_ref (window));
}
