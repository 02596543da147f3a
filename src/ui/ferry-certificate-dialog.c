/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ferry-accessible.h"
#include "ferry-certificate-dialog.h"

/* An unambiguous long date in the user's language ("1 December 2026"), never "12/01/26". */
static char *
format_date (GDateTime *date)
{
  g_autoptr (GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup (_ ("unknown"));

  local = g_date_time_to_local (date);
  /* TRANSLATORS: a certificate's validity date, see the strftime() manual; keep it long and
   * unambiguous (day, month name, year) */
  return g_date_time_format (local != NULL ? local : date, _ ("%-d %B %Y"));
}

/* The distinguished name with its common name first, then the rest in the usual order
 * ("hcx.example.com\nO=Example, OU=HCX" for "OU=HCX,O=Example,CN=hcx.example.com"). */
char *
ferry_certificate_dialog_format_name (const char *dn)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) rest = g_string_new (NULL);
  g_autofree char *common_name = NULL;
  const char *start;

  if (dn == NULL || *dn == '\0')
    return NULL;

  /* Split on commas that are not escaped ("O=Example\, Inc."). */
  start = dn;
  for (const char *p = dn;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == ',' || *p == '\0')
        {
          g_autofree char *part = g_strstrip (g_strndup (start, p - start));

          if (*part != '\0')
            g_ptr_array_add (parts, g_steal_pointer (&part));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }

  /* The rest keeps the order it is written in, read from the common name outwards (GnuTLS
   * writes the common name last: "OU=HCX,O=Example,CN=host"). */
  {
    guint cn = parts->len;
    gboolean backwards;

    for (guint i = 0; i < parts->len && cn == parts->len; i++)
      if (g_ascii_strncasecmp (g_ptr_array_index (parts, i), "CN=", 3) == 0)
        cn = i;
    backwards = cn != 0;
    if (cn < parts->len)
      common_name = g_strdup ((const char *)g_ptr_array_index (parts, cn) + 3);

    for (guint k = 0; k < parts->len; k++)
      {
        guint i = backwards ? parts->len - 1 - k : k;

        if (i == cn)
          continue;
        if (rest->len > 0)
          g_string_append (rest, ", ");
        g_string_append (rest, g_ptr_array_index (parts, i));
      }
  }

  if (common_name == NULL)
    return g_strdup (rest->str);
  if (rest->len == 0)
    return g_steal_pointer (&common_name);
  return g_strdup_printf ("%s\n%s", common_name, rest->str);
}

/* One "heading over value" row. Only fingerprints are selectable (to be copied): the rest is
 * read, not a tab stop, so the first focus lands on the buttons. */
static GtkWidget *
add_row (GtkListBox *list, const char *name, const char *title, const char *value,
         gboolean monospace)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);
  const char *shown = value != NULL && *value != '\0' ? value : _ ("unknown");
  GtkWidget *label = gtk_label_new (shown);
  /* TRANSLATORS: accessible name of a certificate detail, "Heading: value" */
  g_autofree char *accessible_name = g_strdup_printf (_ ("%s: %s"), title, shown);

  gtk_widget_set_name (row, name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);

  gtk_widget_set_name (label, "value");
  gtk_label_set_selectable (GTK_LABEL (label), monospace);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (monospace)
    {
      gtk_widget_add_css_class (label, "monospace");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible_name, -1);
    }

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);

  return row;
}

static GtkWidget *
find_mapped_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child)
          && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_mapped_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* First focus on Cancel, the safe default: not on the details above it. */
static void
dialog_mapped_cb (AdwMessageDialog *dialog)
{
  GtkWidget *cancel = find_mapped_button (
      GTK_WIDGET (dialog),
      adw_message_dialog_get_response_label (dialog, FERRY_CERTIFICATE_RESPONSE_CANCEL));

  if (cancel != NULL)
    gtk_widget_grab_focus (cancel);
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
  g_autofree char *subject = NULL;
  g_autofree char *issuer = NULL;
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
          _ ("%s shows a different certificate from the one you trusted: expected after "
             "a renewal, but also what an interception looks like. Compare the "
             "fingerprint with the HCX administrator’s first."),
          server);
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _ ("Trust This Certificate?"));
      adw_message_dialog_format_body (
          dialog,
          _ ("This computer cannot verify %s, as is usual for an HCX Manager. Trust it "
             "if the fingerprint matches the one the HCX Manager shows: Ferry then "
             "refuses any other."),
          server);
    }

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_name (list, "certificate-details");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Certificate"), -1);

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
  subject = ferry_certificate_dialog_format_name (ferry_hcx_certificate_get_subject (certificate));
  issuer = ferry_certificate_dialog_format_name (ferry_hcx_certificate_get_issuer (certificate));
  add_row (GTK_LIST_BOX (list), "subject", _ ("Issued To"), subject, FALSE);
  add_row (GTK_LIST_BOX (list), "issuer", _ ("Issued By"), issuer, FALSE);
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
  ferry_accessible_name_mnemonic_buttons (GTK_WIDGET (dialog));
  g_signal_connect_after (dialog, "map", G_CALLBACK (dialog_mapped_cb), NULL);

  return dialog;
}
