/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{                             /* zero-initialised = defaults */
  guint n_vms;                /* 0 → 200 */
  guint seed;                 /* 0 → 1 */
  double speed;               /* simulated seconds per real second; 0 → clock stands still */
  const char *username;       /* NULL → "cloudadmin@vsphere.local" */
  const char *password;       /* NULL → "VMware1!" */
  const char *cert_dir;       /* NULL → generate an ephemeral cert in memory */
  const char *inventory_file; /* NULL → generated */
  /* Extensions (also zero = default). */
  double migration_mbps; /* bandwidth per migration, Mbit/s (0 → 1000) */
  double appliance_mbps; /* bandwidth shared by all transfers, Mbit/s (0 → 10000) */
  guint max_concurrent;  /* concurrent Bulk/RAV/OSAM transfers (0 → 200) */
  guint max_vmotion;     /* concurrent vMotion/Cold transfers (0 → 1) */
  guint session_timeout; /* idle seconds before a token expires (0 → 1800) */
  /* Leave out what real managers leave out: empty 401/404 bodies, no totalSize, no top-level
   * VALIDATION_FAILED, warnings without a code. > 0 on; 0 or < 0 off (the test helper reads 0
   * as "its default"). Also /__sim/quirks {"realOmissions":…}. */
  int real_omissions;
  /* The network board's scale: source port groups and destination segments in all (0, or
   * no more than the generated world's 13 and 13: the world as generated). Generated worlds
   * only (ferry_sim_world_add_networks ()). */
  guint n_source_networks;
  guint n_destination_networks;
} FerrySimOptions;

#define FERRY_TYPE_SIM_SERVER (ferry_sim_server_get_type ())
G_DECLARE_FINAL_TYPE (FerrySimServer, ferry_sim_server, FERRY, SIM_SERVER, GObject)

FerrySimServer *
ferry_sim_server_new (const FerrySimOptions *opts, GError **error);
gboolean
ferry_sim_server_listen (FerrySimServer *self, guint16 port, GError **error);
const char *
ferry_sim_server_get_url (FerrySimServer *self);
const char *
ferry_sim_server_get_fingerprint (FerrySimServer *self);
GTlsCertificate *
ferry_sim_server_get_certificate (FerrySimServer *self);
guint16
ferry_sim_server_get_port (FerrySimServer *self);

void
ferry_sim_server_add_user (FerrySimServer *self, const char *username, const char *password);
gboolean
ferry_sim_server_add_fault (FerrySimServer *self, JsonObject *fault, GError **error);

G_END_DECLS
