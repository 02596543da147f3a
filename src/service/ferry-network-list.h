/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-network-list.h: a list file of destination networks, for planning offline
 *
 * The file is text: one network name per line, or CSV "name[,type][,vlan]" (comma, semicolon
 * or tab, told from the first line; quotes, separators and line breaks inside quoted cells;
 * read with libcsv). An optional header row names its columns ("name"/"network", "type",
 * "vlan"/"vlan id", in any order). UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252;
 * CRLF or LF. Empty lines, and lines starting with "#" in a plain list, are skipped. Types as
 * ferry_network_offline_type_from_text() knows them; VLAN 1–4094 or empty.
 *
 * All or nothing: any error returns NULL and one FERRY_NETWORK_LIST_ERROR naming the row and
 * what is wrong; a name listed twice (case ignored) is kept once. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FERRY_NETWORK_LIST_ERROR (ferry_network_list_error_quark ())

typedef enum
{
  FERRY_NETWORK_LIST_ERROR_READ,      /* the file cannot be read */
  FERRY_NETWORK_LIST_ERROR_TOO_LARGE, /* over 4 MiB: not a list of networks */
  FERRY_NETWORK_LIST_ERROR_NOT_TEXT,  /* binary data (a NUL byte) */
  FERRY_NETWORK_LIST_ERROR_BAD_ROW,   /* a row with an unknown type, a bad VLAN, no name */
  FERRY_NETWORK_LIST_ERROR_EMPTY,     /* no network named */
} FerryNetworkListError;

GQuark
ferry_network_list_error_quark (void);

#define FERRY_NETWORK_LIST_MAX_BYTES (4 * 1024 * 1024)

/* The networks (FerryNetwork from ferry_network_offline_new (), in the file's order) of the
 * list in @data; @display_name names the file in messages. */
GPtrArray *
ferry_network_list_parse (const char *data, gsize len, const char *display_name, GError **error);

/* Reads @file and parses it (the file is read asynchronously; a list is small). */
void
ferry_network_list_read_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
GPtrArray *
ferry_network_list_read_finish (GAsyncResult *result, GError **error);

G_END_DECLS
