/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-certificate-dialog.h"

static char *
format_date (GDateTime *date)
{
  if (date == NULL)
    return g_strdup (_ ("unknown"));

  return g_date_time_format (date, "%x %X UTC");
}

/* One "heading over value" row; the value is selectable so that a fingerprint can be copied. */
static GtkWidget *
add_row (GtkListBox *list, const char *name, const char *title, const char *value,
         gboolean monospace)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *label = gtk_label_new (value != NULL && *value != '\0' ? value : _ ("unknown"));

  gtk_widget_set_name (row, name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);

  gtk_widget_set_name (label, "value");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (monospace)
    gtk_widget_add_css_class (label, "monospace");

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);

  return row;
}

AdwMessageDialog *
ferry_certificate_dialog_new (GtkWindow *parent, const char *server,
                              FerryHcxCertificate *certificate, const char *pinned_fingerprint)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *validity = NULL;
  g_autofree char *problems = NULL;
  gboolean changed = pinned_fingerprint != NULL;

  g_return_val_if_fail (FERRY_IS_HCX_CERTIFICATE (certificate), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, NULL, NULL));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);

  if (changed)
    {
      adw_message_dialog_set_heading (dialog, _ ("The Certificate Changed"));
      adw_message_dialog_format_body (
          dialog,
          _ ("%s now shows a different certificate from the one you trusted. "
             "This is expected after the certificate was renewed, but it is also "
             "what someone intercepting the connection would cause. Compare the "
             "fingerprint with the one the HCX administrator sees before you trust "
             "it."),
          server);
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _ ("Trust This Certificate?"));
      adw_message_dialog_format_body (
          dialog,
          _ ("The identity of %s cannot be verified: its certificate is not signed "
             "by an authority this computer trusts. HCX Managers often use such "
             "self-signed certificates. If the fingerprint below matches the one "
             "shown by the HCX Manager, trust it: Ferry remembers it for this server "
             "and refuses to connect if it ever changes."),
          server);
    }

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_name (list, "certificate-details");

  from = format_date (ferry_hcx_certificate_get_not_before (certificate));
  until = format_date (ferry_hcx_certificate_get_not_after (certificate));
  /* TRANSLATORS: certificate validity, "from DATE to DATE" */
  validity = g_strdup_printf (_ ("From %s to %s"), from, until);
  problems = ferry_hcx_certificate_describe_errors (certificate);
  if (problems != NULL && *problems != '\0')
    {
      /* Shown as a sentence of its own. */
      g_autofree char *rest = g_strdup (g_utf8_next_char (problems));
      g_autofree char *first = g_utf8_strup (problems, g_utf8_next_char (problems) - problems);

      g_free (problems);
      problems = g_strconcat (first, rest, NULL);
    }

  add_row (GTK_LIST_BOX (list), "server", _ ("Server"), server, FALSE);
  add_row (GTK_LIST_BOX (list), "fingerprint", _ ("SHA-256 Fingerprint"),
           ferry_hcx_certificate_get_fingerprint (certificate), TRUE);
  if (changed)
    add_row (GTK_LIST_BOX (list), "pinned-fingerprint", _ ("Previously Trusted Fingerprint"),
             pinned_fingerprint, TRUE);
  add_row (GTK_LIST_BOX (list), "subject", _ ("Issued To"),
           ferry_hcx_certificate_get_subject (certificate), FALSE);
  add_row (GTK_LIST_BOX (list), "issuer", _ ("Issued By"),
           ferry_hcx_certificate_get_issuer (certificate), FALSE);
  add_row (GTK_LIST_BOX (list), "validity", _ ("Valid"), validity, FALSE);
  if (problems != NULL && *problems != '\0')
    add_row (GTK_LIST_BOX (list), "problems", _ ("Why It Is Not Trusted"), problems, FALSE);

  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (
      dialog, FERRY_CERTIFICATE_RESPONSE_CANCEL, _ ("_Cancel"), FERRY_CERTIFICATE_RESPONSE_TRUST,
      changed ? _ ("_Trust New Certificate and Connect") : _ ("_Trust and Connect"), NULL);
  adw_message_dialog_set_response_appearance (dialog, FERRY_CERTIFICATE_RESPONSE_TRUST,
                                              changed ? ADW_RESPONSE_DESTRUCTIVE
                                                      : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, FERRY_CERTIFICATE_RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (dialog, FERRY_CERTIFICATE_RESPONSE_CANCEL);

  return dialog;
}
