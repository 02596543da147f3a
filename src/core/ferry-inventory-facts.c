/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-inventory-facts.c: one inventory, the facts FerryVm lacks, and each fact's source */

#include "config.h"

#include <string.h>

#include "ferry-inventory-facts.h"

struct _FerryInventoryFacts
{
  GObject parent_instance;

  FerryFactSource *source;
  GListStore *vms;
  GListStore *networks;
  GHashTable *facts;       /* FerryVm* (ref) -> FerryVmFacts* */
  GHashTable *network_set; /* network name -> FerryNetwork* (borrowed from networks) */
  GHashTable *sources;     /* server ("" for none) -> FerryFactSource* */
  GPtrArray *notes;        /* char*, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (FerryInventoryFacts, ferry_inventory_facts, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SOURCE,
  PROP_VMS,
  PROP_NETWORKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vm_facts_free (gpointer data)
{
  FerryVmFacts *facts = data;

  g_free (facts->vm_uuid);
  g_free (facts->bios_uuid);
  g_free (facts->vcenter);
  g_free (facts->datacenter);
  g_free (facts->resource_pool);
  g_free (facts->guest_os_tools);
  g_free (facts->host);
  g_strfreev (facts->snapshot_names);
  g_free (facts->oldest_snapshot);
  g_free (facts->iso_file);
  for (guint i = 0; i < FERRY_N_FACTS; i++)
    g_clear_object (&facts->sources[i]);
  g_free (facts);
}

static void
ferry_inventory_facts_dispose (GObject *object)
{
  FerryInventoryFacts *self = (FerryInventoryFacts *)object;

  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_clear_pointer (&self->network_set, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_object (&self->vms);
  g_clear_object (&self->networks);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (ferry_inventory_facts_parent_class)->dispose (object);
}

static void
ferry_inventory_facts_finalize (GObject *object)
{
  FerryInventoryFacts *self = (FerryInventoryFacts *)object;

  g_ptr_array_unref (self->notes);

  G_OBJECT_CLASS (ferry_inventory_facts_parent_class)->finalize (object);
}

static void
ferry_inventory_facts_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  FerryInventoryFacts *self = (FerryInventoryFacts *)object;

  switch (prop_id)
    {
      case PROP_SOURCE:
        g_value_set_object (value, self->source);
        break;

      case PROP_VMS:
        g_value_set_object (value, self->vms);
        break;

      case PROP_NETWORKS:
        g_value_set_object (value, self->networks);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_inventory_facts_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  FerryInventoryFacts *self = (FerryInventoryFacts *)object;

  switch (prop_id)
    {
      case PROP_SOURCE:
        self->source = g_value_dup_object (value);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_inventory_facts_constructed (GObject *object)
{
  FerryInventoryFacts *self = (FerryInventoryFacts *)object;

  G_OBJECT_CLASS (ferry_inventory_facts_parent_class)->constructed (object);

  if (self->source == NULL)
    self->source = ferry_fact_source_new (FERRY_FACT_SOURCE_KIND_RVTOOLS, NULL, NULL, NULL);
}

static void
ferry_inventory_facts_class_init (FerryInventoryFactsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_inventory_facts_dispose;
  object_class->finalize = ferry_inventory_facts_finalize;
  object_class->constructed = ferry_inventory_facts_constructed;
  object_class->get_property = ferry_inventory_facts_get_property;
  object_class->set_property = ferry_inventory_facts_set_property;

  properties[PROP_SOURCE]
      = g_param_spec_object ("source", NULL, NULL, FERRY_TYPE_FACT_SOURCE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                 | G_PARAM_STATIC_STRINGS);
  properties[PROP_VMS] = g_param_spec_object ("vms", NULL, NULL, G_TYPE_LIST_MODEL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORKS] = g_param_spec_object ("networks", NULL, NULL, G_TYPE_LIST_MODEL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_inventory_facts_init (FerryInventoryFacts *self)
{
  self->vms = g_list_store_new (FERRY_TYPE_VM);
  self->networks = g_list_store_new (FERRY_TYPE_NETWORK);
  self->facts
      = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, vm_facts_free);
  self->network_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

FerryInventoryFacts *
ferry_inventory_facts_new (FerryFactSource *source)
{
  g_return_val_if_fail (source == NULL || FERRY_IS_FACT_SOURCE (source), NULL);

  return g_object_new (FERRY_TYPE_INVENTORY_FACTS, "source", source, NULL);
}

FerryFactSource *
ferry_inventory_facts_get_source (FerryInventoryFacts *self)
{
  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);

  return self->source;
}

GListModel *
ferry_inventory_facts_get_vms (FerryInventoryFacts *self)
{
  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);

  return G_LIST_MODEL (self->vms);
}

GListModel *
ferry_inventory_facts_get_networks (FerryInventoryFacts *self)
{
  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);

  return G_LIST_MODEL (self->networks);
}

FerryFactSource *
ferry_inventory_facts_source_for_server (FerryInventoryFacts *self, const char *server)
{
  FerryFactSource *source;

  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);

  if (server == NULL || server[0] == '\0')
    return self->source;
  source = g_hash_table_lookup (self->sources, server);
  if (source == NULL)
    {
      source = ferry_fact_source_for_server (self->source, server);
      g_hash_table_insert (self->sources, g_strdup (server), source);
    }
  return source;
}

static FerryVmFacts *
add_vm_facts (FerryInventoryFacts *self, FerryVm *vm, const char *vcenter)
{
  FerryVmFacts *facts = g_new0 (FerryVmFacts, 1);
  FerryFactSource *source = ferry_inventory_facts_source_for_server (self, vcenter);

  facts->vcenter = g_strdup (vcenter);
  facts->provisioned_mib = -1;
  facts->in_use_mib = -1;
  for (guint i = 0; i < FERRY_N_FACTS; i++)
    facts->sources[i] = g_object_ref (source);
  g_hash_table_insert (self->facts, g_object_ref (vm), facts);
  return facts;
}

FerryVmFacts *
ferry_inventory_facts_add_vm (FerryInventoryFacts *self, FerryVm *vm, const char *vcenter)
{
  FerryVmFacts *facts;

  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);
  g_return_val_if_fail (FERRY_IS_VM (vm), NULL);
  g_return_val_if_fail (!g_hash_table_contains (self->facts, vm), NULL);

  facts = add_vm_facts (self, vm, vcenter);
  g_list_store_append (self->vms, vm);
  return facts;
}

static void
forget_unknown (FerryVmFacts *facts, FerryFact fact, gboolean known)
{
  if (!known)
    g_clear_object (&facts->sources[fact]);
}

void
ferry_inventory_facts_add_vms (FerryInventoryFacts *self, GListModel *vms, const char *vcenter)
{
  guint n;
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (FERRY_IS_INVENTORY_FACTS (self));
  g_return_if_fail (G_IS_LIST_MODEL (vms));

  n = g_list_model_get_n_items (vms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryVm) vm = g_list_model_get_item (vms, i);
      FerryVmFacts *facts;
      const char *hw, *tools;

      if (!FERRY_IS_VM (vm) || g_hash_table_contains (self->facts, vm))
        continue;
      facts = add_vm_facts (self, vm, vcenter);
      hw = ferry_vm_get_hardware_version (vm);
      tools = ferry_vm_get_tools_status (vm);
      forget_unknown (facts, FERRY_FACT_POWER_STATE,
                      ferry_vm_get_power_state (vm) != FERRY_POWER_STATE_UNKNOWN);
      forget_unknown (facts, FERRY_FACT_HARDWARE_VERSION, hw != NULL && hw[0] != '\0');
      forget_unknown (facts, FERRY_FACT_TOOLS_STATUS, tools != NULL && tools[0] != '\0');
      forget_unknown (facts, FERRY_FACT_SNAPSHOTS, ferry_vm_get_snapshot_count (vm) >= 0);
      forget_unknown (facts, FERRY_FACT_ISO,
                      ferry_vm_get_iso_mounted (vm) != FERRY_TRI_STATE_UNKNOWN);
      g_ptr_array_add (added, g_steal_pointer (&vm));
    }
  g_list_store_splice (self->vms, g_list_model_get_n_items (G_LIST_MODEL (self->vms)), 0,
                       added->pdata, added->len);
}

void
ferry_inventory_facts_add_network (FerryInventoryFacts *self, FerryNetwork *network)
{
  const char *name;

  g_return_if_fail (FERRY_IS_INVENTORY_FACTS (self));
  g_return_if_fail (FERRY_IS_NETWORK (network));

  name = ferry_network_get_name (network);
  if (name == NULL || g_hash_table_contains (self->network_set, name))
    return;
  g_list_store_append (self->networks, network);
  /* The key is the network's own name string, alive as long as the store holds it. */
  g_hash_table_insert (self->network_set, (gpointer)name, network);
}

FerryVmFacts *
ferry_inventory_facts_lookup (FerryInventoryFacts *self, FerryVm *vm)
{
  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);

  if (vm == NULL)
    return NULL;
  return g_hash_table_lookup (self->facts, vm);
}

FerryFactSource *
ferry_inventory_facts_get_fact_source (FerryInventoryFacts *self, FerryVm *vm, FerryFact fact)
{
  FerryVmFacts *facts;

  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);
  g_return_val_if_fail (fact < FERRY_N_FACTS, NULL);

  facts = ferry_inventory_facts_lookup (self, vm);
  return facts ? facts->sources[fact] : NULL;
}

void
ferry_inventory_facts_set_fact_source (FerryInventoryFacts *self, FerryVm *vm, FerryFact fact,
                                       FerryFactSource *source)
{
  FerryVmFacts *facts;

  g_return_if_fail (FERRY_IS_INVENTORY_FACTS (self));
  g_return_if_fail (fact < FERRY_N_FACTS);

  facts = ferry_inventory_facts_lookup (self, vm);
  g_return_if_fail (facts != NULL);
  g_set_object (&facts->sources[fact], source);
}

void
ferry_inventory_facts_add_note (FerryInventoryFacts *self, const char *note)
{
  g_return_if_fail (FERRY_IS_INVENTORY_FACTS (self));
  g_return_if_fail (note != NULL);

  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup (note));
}

const char *const *
ferry_inventory_facts_get_notes (FerryInventoryFacts *self)
{
  g_return_val_if_fail (FERRY_IS_INVENTORY_FACTS (self), NULL);

  return (const char *const *)self->notes->pdata;
}

void
ferry_vm_facts_set_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static gsize
first_label_len (const char *s)
{
  const char *dot = strchr (s, '.');

  return dot ? (gsize)(dot - s) : strlen (s);
}

gboolean
ferry_vcenter_name_equal (const char *a, const char *b)
{
  gsize la, lb;

  if (a == NULL || b == NULL || a[0] == '\0' || b[0] == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (a, b) == 0)
    return TRUE;
  /* One of them is a bare host name: compare it with the other's first label. */
  la = first_label_len (a);
  lb = first_label_len (b);
  if (a[la] != '\0' && b[lb] != '\0')
    return FALSE;
  if (g_ascii_isdigit (a[0]) || g_ascii_isdigit (b[0]))
    return FALSE; /* an IP address is never shortened */
  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}
