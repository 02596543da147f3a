/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-vm.c: a virtual machine of the source inventory */

#include "ferry-vm.h"

struct _FerryVm
{
  GObject parent_instance;

  char *id;
  char *name;
  char *guest_full_name;
  char *guest_id;
  char *guest_host_name;
  int num_cpu;
  gint64 memory_mb;
  gint64 disk_bytes;
  FerryPowerState power_state;
  char *folder;
  char *cluster;
  char *datastore;
  char *hardware_version;
  char *tools_status;
  int snapshot_count;
  FerryTriState iso_mounted;
  char *endpoint_id;
  GPtrArray *nic_array;
  GListStore *nic_store;
  char *search_key;
  gboolean quiet;
};

G_DEFINE_FINAL_TYPE (FerryVm, ferry_vm, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GUEST_FULL_NAME,
  PROP_GUEST_ID,
  PROP_GUEST_HOST_NAME,
  PROP_NUM_CPU,
  PROP_MEMORY_MB,
  PROP_DISK_BYTES,
  PROP_POWER_STATE,
  PROP_FOLDER,
  PROP_CLUSTER,
  PROP_DATASTORE,
  PROP_HARDWARE_VERSION,
  PROP_TOOLS_STATUS,
  PROP_SNAPSHOT_COUNT,
  PROP_ISO_MOUNTED,
  PROP_ENDPOINT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_vm_finalize (GObject *object)
{
  FerryVm *self = (FerryVm *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->guest_full_name, g_free);
  g_clear_pointer (&self->guest_id, g_free);
  g_clear_pointer (&self->guest_host_name, g_free);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->cluster, g_free);
  g_clear_pointer (&self->datastore, g_free);
  g_clear_pointer (&self->hardware_version, g_free);
  g_clear_pointer (&self->tools_status, g_free);
  g_clear_pointer (&self->endpoint_id, g_free);
  g_clear_pointer (&self->nic_array, g_ptr_array_unref);
  g_clear_object (&self->nic_store);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (ferry_vm_parent_class)->finalize (object);
}

static void
ferry_vm_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryVm *self = (FerryVm *)object;

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;

      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;

      case PROP_GUEST_FULL_NAME:
        g_value_set_string (value, self->guest_full_name);
        break;

      case PROP_GUEST_ID:
        g_value_set_string (value, self->guest_id);
        break;

      case PROP_GUEST_HOST_NAME:
        g_value_set_string (value, self->guest_host_name);
        break;

      case PROP_NUM_CPU:
        g_value_set_int (value, self->num_cpu);
        break;

      case PROP_MEMORY_MB:
        g_value_set_int64 (value, self->memory_mb);
        break;

      case PROP_DISK_BYTES:
        g_value_set_int64 (value, self->disk_bytes);
        break;

      case PROP_POWER_STATE:
        g_value_set_enum (value, self->power_state);
        break;

      case PROP_FOLDER:
        g_value_set_string (value, self->folder);
        break;

      case PROP_CLUSTER:
        g_value_set_string (value, self->cluster);
        break;

      case PROP_DATASTORE:
        g_value_set_string (value, self->datastore);
        break;

      case PROP_HARDWARE_VERSION:
        g_value_set_string (value, self->hardware_version);
        break;

      case PROP_TOOLS_STATUS:
        g_value_set_string (value, self->tools_status);
        break;

      case PROP_SNAPSHOT_COUNT:
        g_value_set_int (value, self->snapshot_count);
        break;

      case PROP_ISO_MOUNTED:
        g_value_set_enum (value, self->iso_mounted);
        break;

      case PROP_ENDPOINT_ID:
        g_value_set_string (value, self->endpoint_id);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_vm_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerryVm *self = (FerryVm *)object;

  switch (prop_id)
    {
      case PROP_ID:
        ferry_vm_set_id (self, g_value_get_string (value));
        break;

      case PROP_NAME:
        ferry_vm_set_name (self, g_value_get_string (value));
        break;

      case PROP_GUEST_FULL_NAME:
        ferry_vm_set_guest_full_name (self, g_value_get_string (value));
        break;

      case PROP_GUEST_ID:
        ferry_vm_set_guest_id (self, g_value_get_string (value));
        break;

      case PROP_GUEST_HOST_NAME:
        ferry_vm_set_guest_host_name (self, g_value_get_string (value));
        break;

      case PROP_NUM_CPU:
        ferry_vm_set_num_cpu (self, g_value_get_int (value));
        break;

      case PROP_MEMORY_MB:
        ferry_vm_set_memory_mb (self, g_value_get_int64 (value));
        break;

      case PROP_DISK_BYTES:
        ferry_vm_set_disk_bytes (self, g_value_get_int64 (value));
        break;

      case PROP_POWER_STATE:
        ferry_vm_set_power_state (self, g_value_get_enum (value));
        break;

      case PROP_FOLDER:
        ferry_vm_set_folder (self, g_value_get_string (value));
        break;

      case PROP_CLUSTER:
        ferry_vm_set_cluster (self, g_value_get_string (value));
        break;

      case PROP_DATASTORE:
        ferry_vm_set_datastore (self, g_value_get_string (value));
        break;

      case PROP_HARDWARE_VERSION:
        ferry_vm_set_hardware_version (self, g_value_get_string (value));
        break;

      case PROP_TOOLS_STATUS:
        ferry_vm_set_tools_status (self, g_value_get_string (value));
        break;

      case PROP_SNAPSHOT_COUNT:
        ferry_vm_set_snapshot_count (self, g_value_get_int (value));
        break;

      case PROP_ISO_MOUNTED:
        ferry_vm_set_iso_mounted (self, g_value_get_enum (value));
        break;

      case PROP_ENDPOINT_ID:
        ferry_vm_set_endpoint_id (self, g_value_get_string (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_vm_class_init (FerryVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_vm_finalize;
  object_class->get_property = ferry_vm_get_property;
  object_class->set_property = ferry_vm_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUEST_FULL_NAME]
      = g_param_spec_string ("guest-full-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUEST_ID]
      = g_param_spec_string ("guest-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUEST_HOST_NAME]
      = g_param_spec_string ("guest-host-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUM_CPU]
      = g_param_spec_int ("num-cpu", NULL, NULL, -1, G_MAXINT, -1,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMORY_MB]
      = g_param_spec_int64 ("memory-mb", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISK_BYTES]
      = g_param_spec_int64 ("disk-bytes", NULL, NULL, -1, G_MAXINT64, -1,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POWER_STATE] = g_param_spec_enum (
      "power-state", NULL, NULL, FERRY_TYPE_POWER_STATE, FERRY_POWER_STATE_UNKNOWN,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDER]
      = g_param_spec_string ("folder", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER]
      = g_param_spec_string ("cluster", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASTORE]
      = g_param_spec_string ("datastore", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HARDWARE_VERSION]
      = g_param_spec_string ("hardware-version", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOLS_STATUS]
      = g_param_spec_string ("tools-status", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPSHOT_COUNT]
      = g_param_spec_int ("snapshot-count", NULL, NULL, -1, G_MAXINT, -1,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ISO_MOUNTED]
      = g_param_spec_enum ("iso-mounted", NULL, NULL, FERRY_TYPE_TRI_STATE, FERRY_TRI_STATE_UNKNOWN,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_ID]
      = g_param_spec_string ("endpoint-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_vm_init (FerryVm *self)
{
  self->num_cpu = -1;
  self->memory_mb = -1;
  self->disk_bytes = -1;
  self->power_state = FERRY_POWER_STATE_UNKNOWN;
  self->snapshot_count = -1;
  self->iso_mounted = FERRY_TRI_STATE_UNKNOWN;
  self->nic_array = g_ptr_array_new_with_free_func (g_object_unref);
}

FerryVm *
ferry_vm_new (void)
{
  return g_object_new (FERRY_TYPE_VM, NULL);
}

const char *
ferry_vm_get_id (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->id;
}

void
ferry_vm_set_id (FerryVm *self, const char *id)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ferry_vm_get_name (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->name;
}

void
ferry_vm_set_name (FerryVm *self, const char *name)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ferry_vm_get_guest_full_name (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->guest_full_name;
}

void
ferry_vm_set_guest_full_name (FerryVm *self, const char *guest_full_name)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->guest_full_name, guest_full_name) == 0)
    return;
  g_free (self->guest_full_name);
  self->guest_full_name = g_strdup (guest_full_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUEST_FULL_NAME]);
}

const char *
ferry_vm_get_guest_id (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->guest_id;
}

void
ferry_vm_set_guest_id (FerryVm *self, const char *guest_id)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->guest_id, guest_id) == 0)
    return;
  g_free (self->guest_id);
  self->guest_id = g_strdup (guest_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUEST_ID]);
}

const char *
ferry_vm_get_guest_host_name (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->guest_host_name;
}

void
ferry_vm_set_guest_host_name (FerryVm *self, const char *guest_host_name)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->guest_host_name, guest_host_name) == 0)
    return;
  g_free (self->guest_host_name);
  self->guest_host_name = g_strdup (guest_host_name);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUEST_HOST_NAME]);
}

int
ferry_vm_get_num_cpu (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), -1);

  return self->num_cpu;
}

void
ferry_vm_set_num_cpu (FerryVm *self, int num_cpu)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (self->num_cpu == num_cpu)
    return;
  self->num_cpu = num_cpu;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM_CPU]);
}

gint64
ferry_vm_get_memory_mb (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), -1);

  return self->memory_mb;
}

void
ferry_vm_set_memory_mb (FerryVm *self, gint64 memory_mb)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (self->memory_mb == memory_mb)
    return;
  self->memory_mb = memory_mb;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_MB]);
}

gint64
ferry_vm_get_disk_bytes (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), -1);

  return self->disk_bytes;
}

void
ferry_vm_set_disk_bytes (FerryVm *self, gint64 disk_bytes)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (self->disk_bytes == disk_bytes)
    return;
  self->disk_bytes = disk_bytes;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_BYTES]);
}

FerryPowerState
ferry_vm_get_power_state (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), 0);

  return self->power_state;
}

void
ferry_vm_set_power_state (FerryVm *self, FerryPowerState power_state)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (self->power_state == power_state)
    return;
  self->power_state = power_state;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POWER_STATE]);
}

const char *
ferry_vm_get_folder (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->folder;
}

void
ferry_vm_set_folder (FerryVm *self, const char *folder)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->folder, folder) == 0)
    return;
  g_free (self->folder);
  self->folder = g_strdup (folder);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

const char *
ferry_vm_get_cluster (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->cluster;
}

void
ferry_vm_set_cluster (FerryVm *self, const char *cluster)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->cluster, cluster) == 0)
    return;
  g_free (self->cluster);
  self->cluster = g_strdup (cluster);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER]);
}

const char *
ferry_vm_get_datastore (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->datastore;
}

void
ferry_vm_set_datastore (FerryVm *self, const char *datastore)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->datastore, datastore) == 0)
    return;
  g_free (self->datastore);
  self->datastore = g_strdup (datastore);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE]);
}

const char *
ferry_vm_get_hardware_version (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->hardware_version;
}

void
ferry_vm_set_hardware_version (FerryVm *self, const char *hardware_version)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->hardware_version, hardware_version) == 0)
    return;
  g_free (self->hardware_version);
  self->hardware_version = g_strdup (hardware_version);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HARDWARE_VERSION]);
}

const char *
ferry_vm_get_tools_status (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->tools_status;
}

void
ferry_vm_set_tools_status (FerryVm *self, const char *tools_status)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->tools_status, tools_status) == 0)
    return;
  g_free (self->tools_status);
  self->tools_status = g_strdup (tools_status);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLS_STATUS]);
}

int
ferry_vm_get_snapshot_count (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), -1);

  return self->snapshot_count;
}

void
ferry_vm_set_snapshot_count (FerryVm *self, int snapshot_count)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (self->snapshot_count == snapshot_count)
    return;
  self->snapshot_count = snapshot_count;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT_COUNT]);
}

FerryTriState
ferry_vm_get_iso_mounted (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), 0);

  return self->iso_mounted;
}

void
ferry_vm_set_iso_mounted (FerryVm *self, FerryTriState iso_mounted)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (self->iso_mounted == iso_mounted)
    return;
  self->iso_mounted = iso_mounted;
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISO_MOUNTED]);
}

const char *
ferry_vm_get_endpoint_id (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  return self->endpoint_id;
}

void
ferry_vm_set_endpoint_id (FerryVm *self, const char *endpoint_id)
{
  g_return_if_fail (FERRY_IS_VM (self));

  if (g_strcmp0 (self->endpoint_id, endpoint_id) == 0)
    return;
  g_free (self->endpoint_id);
  self->endpoint_id = g_strdup (endpoint_id);
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT_ID]);
}

void
_ferry_vm_set_quiet (FerryVm *self, gboolean quiet)
{
  g_return_if_fail (FERRY_IS_VM (self));

  self->quiet = !!quiet;
}

void
ferry_vm_add_nic (FerryVm *self, FerryNic *nic)
{
  g_return_if_fail (FERRY_IS_VM (self));
  g_return_if_fail (FERRY_IS_NIC (nic));

  g_ptr_array_add (self->nic_array, g_object_ref (nic));
  if (self->nic_store != NULL)
    g_list_store_append (self->nic_store, nic);
}

guint
ferry_vm_get_n_nics (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), 0);

  return self->nic_array->len;
}

FerryNic *
ferry_vm_get_nic (FerryVm *self, guint position)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  if (position >= self->nic_array->len)
    return NULL;
  return g_ptr_array_index (self->nic_array, position);
}

GListModel *
ferry_vm_get_nics (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  if (self->nic_store == NULL)
    {
      self->nic_store = g_list_store_new (FERRY_TYPE_NIC);
      g_list_store_splice (self->nic_store, 0, 0, self->nic_array->pdata, self->nic_array->len);
    }
  return G_LIST_MODEL (self->nic_store);
}

int
ferry_vm_get_hardware_version_number (FerryVm *self)
{
  const char *p;
  gint64 v;
  char *end = NULL;

  g_return_val_if_fail (FERRY_IS_VM (self), -1);

  if (self->hardware_version == NULL)
    return -1;
  p = self->hardware_version;
  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return -1;
  v = g_ascii_strtoll (p, &end, 10);
  if (end == p || v < 0 || v > 1000)
    return -1;
  return (int)v;
}

const char *
ferry_vm_get_search_key (FerryVm *self)
{
  g_return_val_if_fail (FERRY_IS_VM (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *joined = g_strjoin (
          " ", self->name ? self->name : "", self->guest_full_name ? self->guest_full_name : "",
          self->guest_host_name ? self->guest_host_name : "", self->folder ? self->folder : "",
          self->cluster ? self->cluster : "", NULL);
      self->search_key = g_utf8_casefold (joined, -1);
    }
  return self->search_key;
}
