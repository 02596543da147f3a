/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ferry-connection-session.h"

G_BEGIN_DECLS

#define FERRY_TYPE_SITE_PAGE (ferry_site_page_get_type ())
G_DECLARE_FINAL_TYPE (FerrySitePage, ferry_site_page, FERRY, SITE_PAGE, AdwBin)

/* The Remote Site Connection page: the site pairs of the connected HCX Manager and, for the
 * chosen pair, the prerequisite check per migration type.
 *
 * Properties: "session" (construct-only), "sites" (GListModel of FerrySite, read-only),
 * "selected-site" (FerrySite), "report" (FerryPrereqReport of the selected pair, NULL while
 * unknown), "loading" and "checking" (bool: a request is in flight). */
GtkWidget *
ferry_site_page_new (FerryConnectionSession *session);

void
ferry_site_page_reload (FerrySitePage *self);
/* Re-runs the prerequisite check of the selected pair. */
void
ferry_site_page_refresh (FerrySitePage *self);
gboolean
ferry_site_page_select_site (FerrySitePage *self, const char *endpoint_id);
/* Moves the keyboard focus to the chosen site pair's row (else the first row). */
void
ferry_site_page_focus_sites (FerrySitePage *self);

GListModel *
ferry_site_page_get_sites (FerrySitePage *self);
FerrySite *
ferry_site_page_get_selected_site (FerrySitePage *self);
FerryPrereqReport *
ferry_site_page_get_report (FerrySitePage *self);
gboolean
ferry_site_page_get_loading (FerrySitePage *self);
gboolean
ferry_site_page_get_checking (FerrySitePage *self);

G_END_DECLS
