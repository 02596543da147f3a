/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-plan.c: the plan object, its selection and its defaults (intents in
 * ferry-plan-intents.c) */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-plan-object-private.h"

/* clang-format off */
G_DEFINE_QUARK (ferry-plan-error-quark, ferry_plan_error)
/* clang-format on */

static void
ferry_plan_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryPlan, ferry_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ferry_plan_list_model_init))

GParamSpec *_ferry_plan_properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- GListModel ---- */

static GType
ferry_plan_get_item_type (GListModel *model)
{
  return FERRY_TYPE_PLAN_ITEM;
}

static guint
ferry_plan_list_get_n_items (GListModel *model)
{
  return FERRY_PLAN (model)->items->len;
}

static gpointer
ferry_plan_get_item (GListModel *model, guint position)
{
  FerryPlan *self = FERRY_PLAN (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ferry_plan_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ferry_plan_get_item_type;
  iface->get_n_items = ferry_plan_list_get_n_items;
  iface->get_item = ferry_plan_get_item;
}

/* ---- Changes ---- */

static void
emit_changed (FerryPlan *self)
{
  if (self->batch_depth > 0)
    {
      self->pending_changed = TRUE;
      return;
    }
  self->pending_changed = FALSE;
  self->modified = g_get_real_time () / 1000;
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
begin_batch (FerryPlan *self)
{
  self->batch_depth++;
}

static void
end_batch (FerryPlan *self)
{
  g_assert (self->batch_depth > 0);
  if (--self->batch_depth == 0 && self->pending_changed)
    {
      _ferry_plan_update_all_problems (self);
      emit_changed (self);
    }
}

void
_ferry_plan_set_n_problems (FerryPlan *self, guint n)
{
  if (self->n_problems == n)
    return;
  self->n_problems = n;
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_N_PROBLEMS]);
}

void
_ferry_plan_recount_problems (FerryPlan *self)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    if (ferry_plan_item_get_problems (g_ptr_array_index (self->items, i)) != 0)
      n++;
  _ferry_plan_set_n_problems (self, n);
}

gboolean
_ferry_plan_datastore_free_known (FerryDatastore *ds)
{
  return ds != NULL && ferry_datastore_get_free_bytes (ds) >= 0
         && ferry_datastore_get_id (ds) != NULL;
}

/* Sums the selection's disk per target datastore, then recomputes every item's problems. */
void
_ferry_plan_update_all_problems (FerryPlan *self)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) sums = g_array_new (FALSE, TRUE, sizeof (gint64));

  for (guint i = 0; i < self->items->len; i++)
    {
      FerryPlanItem *item = g_ptr_array_index (self->items, i);
      FerryDatastore *ds = ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE);
      gint64 disk = ferry_vm_get_disk_bytes (ferry_plan_item_get_vm (item));
      gpointer slot;

      if (!_ferry_plan_datastore_free_known (ds))
        continue;
      if (!g_hash_table_lookup_extended (index, ferry_datastore_get_id (ds), NULL, &slot))
        {
          gint64 zero = 0;

          slot = GUINT_TO_POINTER (sums->len);
          g_array_append_val (sums, zero);
          g_hash_table_insert (index, (gpointer)ferry_datastore_get_id (ds), slot);
        }
      g_array_index (sums, gint64, GPOINTER_TO_UINT (slot)) += MAX (disk, 0);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      FerryPlanItem *item = g_ptr_array_index (self->items, i);
      FerryDatastore *ds = ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE);
      gboolean too_small = FALSE;

      if (_ferry_plan_datastore_free_known (ds))
        {
          gpointer slot = g_hash_table_lookup (index, ferry_datastore_get_id (ds));

          too_small = g_array_index (sums, gint64, GPOINTER_TO_UINT (slot))
                      > ferry_datastore_get_free_bytes (ds);
        }
      _ferry_plan_item_update_problems (item, too_small);
    }
  _ferry_plan_recount_problems (self);
}

void
_ferry_plan_item_changed (FerryPlan *self, FerryPlanItem *item, FerryPlanField field)
{
  if (self->batch_depth == 0)
    {
      if (field == FERRY_PLAN_FIELD_DATASTORE)
        _ferry_plan_update_all_problems (self);
      else
        _ferry_plan_recount_problems (self);
    }
  emit_changed (self);
}

void
_ferry_plan_fill_preflight_input (FerryPlan *self, FerryPlanItem *item, FerryPreflightInput *in)
{
  in->type = ferry_plan_item_get_migration_type (item);
  in->type_available = ferry_plan_type_allowed (self, in->type, NULL);
  in->remove_snapshots = ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_REMOVE_SNAPSHOTS);
  in->remove_isos = ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_REMOVE_ISOS);
  in->force_power_off = ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_FORCE_POWER_OFF);
  in->seed_checkpoint = ferry_plan_item_get_boolean (item, FERRY_PLAN_FIELD_SEED_CHECKPOINT);
  in->datastore = ferry_plan_item_get_object (item, FERRY_PLAN_FIELD_DATASTORE);
  in->datastore_too_small = _ferry_plan_item_get_datastore_too_small (item);
}

static void
defaults_notify_cb (FerryPlan *self, GParamSpec *pspec, FerryPlanOptions *defaults)
{
  FerryPlanField field = ferry_plan_field_from_name (pspec->name);

  if (field == FERRY_PLAN_FIELD_NONE)
    return;

  for (guint i = 0; i < self->items->len; i++)
    _ferry_plan_item_default_changed (g_ptr_array_index (self->items, i), field);
  _ferry_plan_update_all_problems (self);
  emit_changed (self);
}

/* ---- GObject ---- */

static void
ferry_plan_dispose (GObject *object)
{
  FerryPlan *self = FERRY_PLAN (object);

  if (self->network_map != NULL)
    _ferry_network_map_detach (self->network_map);
  g_clear_object (&self->network_map);
  if (self->items != NULL)
    for (guint i = 0; i < self->items->len; i++)
      _ferry_plan_item_detach (g_ptr_array_index (self->items, i));
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->defaults != NULL)
    g_signal_handlers_disconnect_by_data (self->defaults, self);
  g_clear_object (&self->defaults);
  g_clear_object (&self->source);
  g_clear_object (&self->destination);

  G_OBJECT_CLASS (ferry_plan_parent_class)->dispose (object);
}

static void
ferry_plan_finalize (GObject *object)
{
  FerryPlan *self = FERRY_PLAN (object);

  g_free (self->id);
  g_free (self->migration_group_id);
  g_free (self->name);
  g_free (self->server);
  g_free (self->manager_id);
  g_free (self->remote_endpoint_id);
  g_free (self->remote_name);
  for (guint i = 0; i < FERRY_N_MIGRATION_TYPES; i++)
    g_free (self->reasons[i]);

  G_OBJECT_CLASS (ferry_plan_parent_class)->finalize (object);
}

static void
ferry_plan_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryPlan *self = FERRY_PLAN (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_MIGRATION_GROUP_ID:
        g_value_set_string (value, self->migration_group_id);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_SERVER:
        g_value_set_string (value, self->server);
        break;
      case PROP_MANAGER_ID:
        g_value_set_string (value, self->manager_id);
        break;
      case PROP_REMOTE_ENDPOINT_ID:
        g_value_set_string (value, self->remote_endpoint_id);
        break;
      case PROP_REMOTE_NAME:
        g_value_set_string (value, self->remote_name);
        break;
      case PROP_SOURCE:
        g_value_set_object (value, self->source);
        break;
      case PROP_DESTINATION:
        g_value_set_object (value, self->destination);
        break;
      case PROP_DEFAULTS:
        g_value_set_object (value, self->defaults);
        break;
      case PROP_N_ITEMS:
        g_value_set_uint (value, self->items->len);
        break;
      case PROP_TOTAL_DISK_BYTES:
        g_value_set_int64 (value, self->total_disk);
        break;
      case PROP_N_PROBLEMS:
        g_value_set_uint (value, self->n_problems);
        break;
      case PROP_CREATED:
        g_value_set_int64 (value, self->created);
        break;
      case PROP_MODIFIED:
        g_value_set_int64 (value, self->modified);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_plan_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FerryPlan *self = FERRY_PLAN (object);

  switch (prop_id)
    {
      case PROP_NAME:
        ferry_plan_set_name (self, g_value_get_string (value));
        break;
      case PROP_SERVER:
        ferry_plan_set_server (self, g_value_get_string (value));
        break;
      case PROP_MANAGER_ID:
        ferry_plan_set_manager_id (self, g_value_get_string (value));
        break;
      case PROP_REMOTE_ENDPOINT_ID:
        ferry_plan_set_remote_endpoint_id (self, g_value_get_string (value));
        break;
      case PROP_REMOTE_NAME:
        ferry_plan_set_remote_name (self, g_value_get_string (value));
        break;
      case PROP_SOURCE:
        ferry_plan_set_source (self, g_value_get_object (value));
        break;
      case PROP_DESTINATION:
        ferry_plan_set_destination (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_STRING(name)                                                                            \
  g_param_spec_string (name, NULL, NULL, NULL,                                                     \
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
ferry_plan_class_init (FerryPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_plan_dispose;
  object_class->finalize = ferry_plan_finalize;
  object_class->get_property = ferry_plan_get_property;
  object_class->set_property = ferry_plan_set_property;

  _ferry_plan_properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO_FLAGS);
  _ferry_plan_properties[PROP_MIGRATION_GROUP_ID]
      = g_param_spec_string ("migration-group-id", NULL, NULL, NULL, RO_FLAGS);
  _ferry_plan_properties[PROP_NAME] = RW_STRING ("name");
  _ferry_plan_properties[PROP_SERVER] = RW_STRING ("server");
  _ferry_plan_properties[PROP_MANAGER_ID] = RW_STRING ("manager-id");
  _ferry_plan_properties[PROP_REMOTE_ENDPOINT_ID] = RW_STRING ("remote-endpoint-id");
  _ferry_plan_properties[PROP_REMOTE_NAME] = RW_STRING ("remote-name");
  _ferry_plan_properties[PROP_SOURCE]
      = g_param_spec_object ("source", NULL, NULL, FERRY_TYPE_RESOURCE_CONTAINER,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ferry_plan_properties[PROP_DESTINATION]
      = g_param_spec_object ("destination", NULL, NULL, FERRY_TYPE_RESOURCE_CONTAINER,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ferry_plan_properties[PROP_DEFAULTS]
      = g_param_spec_object ("defaults", NULL, NULL, FERRY_TYPE_PLAN_OPTIONS, RO_FLAGS);
  _ferry_plan_properties[PROP_N_ITEMS]
      = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  _ferry_plan_properties[PROP_TOTAL_DISK_BYTES]
      = g_param_spec_int64 ("total-disk-bytes", NULL, NULL, 0, G_MAXINT64, 0, RO_FLAGS);
  _ferry_plan_properties[PROP_N_PROBLEMS]
      = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, RO_FLAGS);
  _ferry_plan_properties[PROP_CREATED]
      = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, RO_FLAGS);
  _ferry_plan_properties[PROP_MODIFIED]
      = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, RO_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, _ferry_plan_properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ferry_plan_init (FerryPlan *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->defaults = ferry_plan_options_new ();
  self->allowed_mask = (1u << FERRY_N_MIGRATION_TYPES) - 1;
  self->created = self->modified = g_get_real_time () / 1000;
  g_signal_connect_object (self->defaults, "notify", G_CALLBACK (defaults_notify_cb), self,
                           G_CONNECT_SWAPPED);
  /* First on "items-changed", so the map is up to date for every other handler. */
  self->network_map = _ferry_network_map_new (self);
}

FerryNetworkMap *
ferry_plan_get_network_map (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  return self->network_map;
}

FerryPlan *
ferry_plan_new (void)
{
  return ferry_plan_new_with_ids (NULL, NULL);
}

FerryPlan *
ferry_plan_new_with_ids (const char *id, const char *migration_group_id)
{
  FerryPlan *self = g_object_new (FERRY_TYPE_PLAN, NULL);

  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  self->migration_group_id
      = migration_group_id != NULL ? g_strdup (migration_group_id) : g_uuid_string_random ();
  return self;
}

/* ---- Plain properties ---- */

const char *
ferry_plan_get_id (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  return self->id;
}

const char *
ferry_plan_get_migration_group_id (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  return self->migration_group_id;
}

static void
set_string (FerryPlan *self, char **field, const char *value, guint prop)
{
  if (_ferry_plan_is_locked (self) || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[prop]);
  emit_changed (self);
}

#define STRING_ACCESSORS(field, PROP)                                                              \
  const char *ferry_plan_get_##field (FerryPlan *self)                                             \
  {                                                                                                \
    g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);                                             \
    return self->field;                                                                            \
  }                                                                                                \
  void ferry_plan_set_##field (FerryPlan *self, const char *value)                                 \
  {                                                                                                \
    g_return_if_fail (FERRY_IS_PLAN (self));                                                       \
    set_string (self, &self->field, value, PROP);                                                  \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (server, PROP_SERVER)
STRING_ACCESSORS (manager_id, PROP_MANAGER_ID)
STRING_ACCESSORS (remote_endpoint_id, PROP_REMOTE_ENDPOINT_ID)
STRING_ACCESSORS (remote_name, PROP_REMOTE_NAME)

FerryResourceContainer *
ferry_plan_get_source (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  return self->source;
}

void
ferry_plan_set_source (FerryPlan *self, FerryResourceContainer *source)
{
  g_return_if_fail (FERRY_IS_PLAN (self));

  if (_ferry_plan_is_locked (self))
    return;
  if (g_set_object (&self->source, source))
    {
      g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_SOURCE]);
      emit_changed (self);
    }
}

FerryResourceContainer *
ferry_plan_get_destination (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  return self->destination;
}

void
ferry_plan_set_destination (FerryPlan *self, FerryResourceContainer *destination)
{
  g_return_if_fail (FERRY_IS_PLAN (self));

  if (_ferry_plan_is_locked (self))
    return;
  if (g_set_object (&self->destination, destination))
    {
      g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_DESTINATION]);
      emit_changed (self);
    }
}

FerryPlanOptions *
ferry_plan_get_defaults (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  return self->defaults;
}

gint64
ferry_plan_get_created (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);
  return self->created;
}

gint64
ferry_plan_get_modified (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), 0);
  return self->modified;
}

void
ferry_plan_set_times (FerryPlan *self, gint64 created, gint64 modified)
{
  g_return_if_fail (FERRY_IS_PLAN (self));

  self->created = created;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_CREATED]);
  g_object_notify_by_pspec (G_OBJECT (self), _ferry_plan_properties[PROP_MODIFIED]);
}

/* ---- Migration types ---- */

void
ferry_plan_set_prereq_report (FerryPlan *self, FerryPrereqReport *report)
{
  FerryPlanOptions *defaults;
  FerryMigrationType current;

  g_return_if_fail (FERRY_IS_PLAN (self));
  g_return_if_fail (report == NULL || FERRY_IS_PREREQ_REPORT (report));

  if (_ferry_plan_is_locked (self))
    return;
  self->allowed_mask = 0;
  for (guint t = 0; t < FERRY_N_MIGRATION_TYPES; t++)
    {
      g_clear_pointer (&self->reasons[t], g_free);
      if (report == NULL)
        self->allowed_mask |= 1u << t;
      else if (ferry_prereq_report_get_entry (report, t) == NULL)
        self->reasons[t] = g_strdup_printf (_ ("%s was not checked for this site pair."),
                                            ferry_migration_type_get_title (t));
      else if (ferry_prereq_report_is_available (report, t))
        self->allowed_mask |= 1u << t;
      else
        self->reasons[t] = g_strjoinv ("\n", (char **)ferry_prereq_report_get_reasons (report, t));
    }

  defaults = self->defaults;
  current = ferry_plan_options_get_migration_type (defaults);
  begin_batch (self);
  if (!ferry_plan_type_allowed (self, current, NULL))
    for (guint t = 0; t < FERRY_N_MIGRATION_TYPES; t++)
      if (ferry_plan_type_allowed (self, t, NULL))
        {
          ferry_plan_options_set_migration_type (defaults, t);
          break;
        }
  _ferry_plan_update_all_problems (self);
  end_batch (self);
}

gboolean
ferry_plan_type_allowed (FerryPlan *self, FerryMigrationType type, const char **out_reason)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), FALSE);

  if ((guint)type >= FERRY_N_MIGRATION_TYPES)
    {
      if (out_reason != NULL)
        *out_reason = _ ("Unknown migration type.");
      return FALSE;
    }
  if (out_reason != NULL)
    *out_reason = self->reasons[type];
  return (self->allowed_mask & (1u << type)) != 0;
}

void
_ferry_plan_begin_batch (FerryPlan *self)
{
  begin_batch (self);
}

void
_ferry_plan_end_batch (FerryPlan *self)
{
  end_batch (self);
}

void
ferry_plan_begin_changes (FerryPlan *self)
{
  g_return_if_fail (FERRY_IS_PLAN (self));
  begin_batch (self);
}

void
ferry_plan_end_changes (FerryPlan *self)
{
  g_return_if_fail (FERRY_IS_PLAN (self));
  g_return_if_fail (self->batch_depth > 0);
  end_batch (self);
}

void
_ferry_plan_emit_changed (FerryPlan *self)
{
  emit_changed (self);
}
