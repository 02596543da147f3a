/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-prereq.c: is a migration type possible between two sites? */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ferry-compute-profile.h"
#include "ferry-prereq.h"
#include "ferry-service-mesh.h"

/* FerryPrereqEntry ---------------------------------------------------------------------------- */

struct _FerryPrereqEntry
{
  GObject parent_instance;
  FerryMigrationType migration_type;
  gboolean available;
  GStrv reasons;
  char *summary;
};

G_DEFINE_FINAL_TYPE (FerryPrereqEntry, ferry_prereq_entry, G_TYPE_OBJECT)

enum
{
  ENTRY_PROP_0,
  ENTRY_PROP_MIGRATION_TYPE,
  ENTRY_PROP_TITLE,
  ENTRY_PROP_AVAILABLE,
  ENTRY_PROP_REASONS,
  ENTRY_PROP_SUMMARY,
  ENTRY_N_PROPS
};

static GParamSpec *entry_properties[ENTRY_N_PROPS];

static void
ferry_prereq_entry_finalize (GObject *object)
{
  FerryPrereqEntry *self = (FerryPrereqEntry *)object;

  g_clear_pointer (&self->reasons, g_strfreev);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (ferry_prereq_entry_parent_class)->finalize (object);
}

static void
ferry_prereq_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FerryPrereqEntry *self = (FerryPrereqEntry *)object;

  switch (prop_id)
    {
      case ENTRY_PROP_MIGRATION_TYPE:
        g_value_set_enum (value, self->migration_type);
        break;

      case ENTRY_PROP_TITLE:
        g_value_set_string (value, ferry_prereq_entry_get_title (self));
        break;

      case ENTRY_PROP_AVAILABLE:
        g_value_set_boolean (value, self->available);
        break;

      case ENTRY_PROP_REASONS:
        g_value_set_boxed (value, self->reasons);
        break;

      case ENTRY_PROP_SUMMARY:
        g_value_set_string (value, self->summary);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_prereq_entry_class_init (FerryPrereqEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ferry_prereq_entry_finalize;
  object_class->get_property = ferry_prereq_entry_get_property;

  entry_properties[ENTRY_PROP_MIGRATION_TYPE] = g_param_spec_enum (
      "migration-type", NULL, NULL, FERRY_TYPE_MIGRATION_TYPE, FERRY_MIGRATION_TYPE_BULK, flags);
  entry_properties[ENTRY_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_AVAILABLE]
      = g_param_spec_boolean ("available", NULL, NULL, FALSE, flags);
  entry_properties[ENTRY_PROP_REASONS]
      = g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV, flags);
  entry_properties[ENTRY_PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
ferry_prereq_entry_init (FerryPrereqEntry *self)
{
}

FerryMigrationType
ferry_prereq_entry_get_migration_type (FerryPrereqEntry *self)
{
  g_return_val_if_fail (FERRY_IS_PREREQ_ENTRY (self), FERRY_MIGRATION_TYPE_BULK);

  return self->migration_type;
}

const char *
ferry_prereq_entry_get_title (FerryPrereqEntry *self)
{
  g_return_val_if_fail (FERRY_IS_PREREQ_ENTRY (self), NULL);

  return ferry_migration_type_get_title (self->migration_type);
}

gboolean
ferry_prereq_entry_get_available (FerryPrereqEntry *self)
{
  g_return_val_if_fail (FERRY_IS_PREREQ_ENTRY (self), FALSE);

  return self->available;
}

const char *const *
ferry_prereq_entry_get_reasons (FerryPrereqEntry *self)
{
  g_return_val_if_fail (FERRY_IS_PREREQ_ENTRY (self), NULL);

  return (const char *const *)self->reasons;
}

const char *
ferry_prereq_entry_get_summary (FerryPrereqEntry *self)
{
  g_return_val_if_fail (FERRY_IS_PREREQ_ENTRY (self), NULL);

  return self->summary;
}

/* FerryPrereqReport --------------------------------------------------------------------------- */

struct _FerryPrereqReport
{
  GObject parent_instance;
  GListStore *entries;
};

G_DEFINE_FINAL_TYPE (FerryPrereqReport, ferry_prereq_report, G_TYPE_OBJECT)

static void
ferry_prereq_report_finalize (GObject *object)
{
  FerryPrereqReport *self = (FerryPrereqReport *)object;

  g_clear_object (&self->entries);

  G_OBJECT_CLASS (ferry_prereq_report_parent_class)->finalize (object);
}

static void
ferry_prereq_report_class_init (FerryPrereqReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_prereq_report_finalize;
}

static void
ferry_prereq_report_init (FerryPrereqReport *self)
{
  self->entries = g_list_store_new (FERRY_TYPE_PREREQ_ENTRY);
}

GListModel *
ferry_prereq_report_get_entries (FerryPrereqReport *self)
{
  g_return_val_if_fail (FERRY_IS_PREREQ_REPORT (self), NULL);

  return G_LIST_MODEL (self->entries);
}

FerryPrereqEntry *
ferry_prereq_report_get_entry (FerryPrereqReport *self, FerryMigrationType type)
{
  guint n;

  g_return_val_if_fail (FERRY_IS_PREREQ_REPORT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPrereqEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->migration_type == type)
        return entry; /* owned by the store */
    }
  return NULL;
}

gboolean
ferry_prereq_report_is_available (FerryPrereqReport *self, FerryMigrationType type)
{
  FerryPrereqEntry *entry = ferry_prereq_report_get_entry (self, type);

  return entry != NULL && entry->available;
}

const char *const *
ferry_prereq_report_get_reasons (FerryPrereqReport *self, FerryMigrationType type)
{
  FerryPrereqEntry *entry = ferry_prereq_report_get_entry (self, type);

  return entry != NULL ? (const char *const *)entry->reasons : NULL;
}

gboolean
ferry_prereq_report_all_available (FerryPrereqReport *self)
{
  guint n;

  g_return_val_if_fail (FERRY_IS_PREREQ_REPORT (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryPrereqEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (!entry->available)
        return FALSE;
    }
  return TRUE;
}

/* Evaluation ---------------------------------------------------------------------------------- */

static char *
quote_names (GPtrArray *names)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append_printf (s, "“%s”", (const char *)g_ptr_array_index (names, i));
    }
  return g_string_free (s, FALSE);
}

static const char *
profile_label (FerryComputeProfile *cp)
{
  const char *name = ferry_compute_profile_get_name (cp);

  if (name == NULL || *name == '\0')
    name = ferry_compute_profile_get_id (cp);
  return name != NULL ? name : "?";
}

static const char *
mesh_label (FerryServiceMesh *mesh)
{
  const char *name = ferry_service_mesh_get_name (mesh);

  if (name == NULL || *name == '\0')
    name = ferry_service_mesh_get_id (mesh);
  return name != NULL ? name : "?";
}

/* Is @member the compute profile @cp of the site at @endpoint_id? Profile ids are unique only
 * within one HCX Manager (a second site pair can list a profile with the same id), so where the
 * mesh names the member's endpoint it must be this side's: the side's endpoint, else the
 * profile's own. */
static gboolean
member_is_profile (const FerryServiceMeshMember *member, FerryComputeProfile *cp,
                   const char *endpoint_id)
{
  const char *expected
      = endpoint_id != NULL ? endpoint_id : ferry_compute_profile_get_endpoint_id (cp);

  if (ferry_compute_profile_get_id (cp) == NULL
      || g_strcmp0 (member->compute_profile_id, ferry_compute_profile_get_id (cp)) != 0)
    return FALSE;
  return member->endpoint_id == NULL || *member->endpoint_id == '\0' || expected == NULL
         || g_strcmp0 (member->endpoint_id, expected) == 0;
}

/* Does @mesh have a member among @profiles of the site at @endpoint_id (or, for profiles
 * without ids, any member at @endpoint_id)? If @service is set, only profiles with that service
 * count. */
static gboolean
mesh_joins (FerryServiceMesh *mesh, GListModel *profiles, const char *endpoint_id,
            const char *service)
{
  guint n = profiles != NULL ? g_list_model_get_n_items (profiles) : 0;
  guint n_members = ferry_service_mesh_get_n_members (mesh);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryComputeProfile) cp = g_list_model_get_item (profiles, i);

      if (service != NULL && !ferry_compute_profile_has_service (cp, service))
        continue;
      for (guint m = 0; m < n_members; m++)
        if (member_is_profile (ferry_service_mesh_get_member (mesh, m), cp, endpoint_id))
          return TRUE;
    }
  /* Profiles without ids (or not listed): fall back to the endpoint, unless a service filter
   * excluded every listed profile. */
  if (service == NULL && endpoint_id != NULL
      && ferry_service_mesh_has_member (mesh, NULL, endpoint_id))
    return TRUE;
  return FALSE;
}

static void
check_side (GListModel *profiles, const char *service, const char *service_title,
            gboolean destination, GPtrArray *reasons)
{
  guint n = profiles != NULL ? g_list_model_get_n_items (profiles) : 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  if (n == 0)
    {
      g_ptr_array_add (
          reasons,
          g_strdup (destination ? _ ("The destination site has no compute profile: create one "
                                     "in HCX (Interconnect › Compute Profiles) on that site")
                                : _ ("The source site has no compute profile: create one in HCX "
                                     "(Interconnect › Compute Profiles)")));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FerryComputeProfile) cp = g_list_model_get_item (profiles, i);

      if (ferry_compute_profile_has_service (cp, service))
        return;
      g_ptr_array_add (names, (gpointer)profile_label (cp));
    }
  if (names->len == 1)
    g_ptr_array_add (
        reasons,
        g_strdup_printf (destination ? _ ("Service “%s” is not enabled in the destination compute "
                                          "profile “%s”")
                                     : _ ("Service “%s” is not enabled in the source compute "
                                          "profile “%s”"),
                         service_title, (const char *)g_ptr_array_index (names, 0)));
  else
    {
      g_autofree char *list = quote_names (names);

      g_ptr_array_add (
          reasons,
          g_strdup_printf (destination ? _ ("Service “%s” is not enabled in any destination "
                                            "compute profile (%s)")
                                       : _ ("Service “%s” is not enabled in any source compute "
                                            "profile (%s)"),
                           service_title, list));
    }
}

static FerryPrereqEntry *
evaluate_type (FerryMigrationType type, GListModel *source_profiles,
               GListModel *destination_profiles, GListModel *meshes, const char *source_endpoint_id,
               const char *destination_endpoint_id)
{
  FerryPrereqEntry *entry = g_object_new (FERRY_TYPE_PREREQ_ENTRY, NULL);
  const char *service = ferry_migration_type_get_service (type);
  const char *service_title = ferry_service_get_title (service);
  g_autoptr (GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) joining = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_meshes = meshes != NULL ? g_list_model_get_n_items (meshes) : 0;
  gboolean available = FALSE;

  entry->migration_type = type;

  check_side (source_profiles, service, service_title, FALSE, reasons);
  check_side (destination_profiles, service, service_title, TRUE, reasons);

  /* Meshes that join both sites at all. */
  for (guint i = 0; i < n_meshes; i++)
    {
      g_autoptr (FerryServiceMesh) mesh = g_list_model_get_item (meshes, i);

      if (mesh_joins (mesh, source_profiles, source_endpoint_id, NULL)
          && mesh_joins (mesh, destination_profiles, destination_endpoint_id, NULL))
        g_ptr_array_add (joining, g_steal_pointer (&mesh));
    }

  if (joining->len == 0)
    {
      g_ptr_array_add (reasons,
                       g_strdup (_ ("No service mesh joins the source and destination "
                                    "sites: create one in HCX (Interconnect › Service Mesh)")));
    }
  else
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      gboolean mesh_has_service = FALSE;

      for (guint i = 0; i < joining->len; i++)
        {
          FerryServiceMesh *mesh = g_ptr_array_index (joining, i);

          if (ferry_service_mesh_has_service (mesh, service))
            {
              mesh_has_service = TRUE;
              /* Available: this mesh has the service and joins profiles that have it. */
              if (reasons->len == 0
                  && mesh_joins (mesh, source_profiles, source_endpoint_id, service)
                  && mesh_joins (mesh, destination_profiles, destination_endpoint_id, service))
                available = TRUE;
            }
          else
            g_ptr_array_add (names, (gpointer)mesh_label (mesh));
        }

      if (!mesh_has_service)
        {
          if (names->len == 1)
            g_ptr_array_add (reasons,
                             g_strdup_printf (_ ("Service “%s” is not enabled in the service mesh "
                                                 "“%s”"),
                                              service_title,
                                              (const char *)g_ptr_array_index (names, 0)));
          else
            {
              g_autofree char *list = quote_names (names);

              g_ptr_array_add (
                  reasons, g_strdup_printf (_ ("Service “%s” is not enabled in any service mesh "
                                               "joining the sites (%s)"),
                                            service_title, list));
            }
        }
      else if (!available && reasons->len == 0)
        {
          g_ptr_array_add (reasons,
                           g_strdup_printf (_ ("No service mesh with “%s” joins compute profiles "
                                               "that have it enabled on both sites"),
                                            service_title));
        }
    }

  /* Take the data-driven verdict: no reasons means available. */
  entry->available = reasons->len == 0;
  g_ptr_array_add (reasons, NULL);
  entry->reasons = (GStrv)g_ptr_array_steal (reasons, NULL);
  entry->summary = g_strjoinv ("\n", entry->reasons);
  return entry;
}

FerryPrereqReport *
ferry_prereq_evaluate (GListModel *source_profiles, GListModel *destination_profiles,
                       GListModel *meshes, const char *source_endpoint_id,
                       const char *destination_endpoint_id, gboolean include_osam)
{
  FerryPrereqReport *report;

  g_return_val_if_fail (source_profiles == NULL || G_IS_LIST_MODEL (source_profiles), NULL);
  g_return_val_if_fail (destination_profiles == NULL || G_IS_LIST_MODEL (destination_profiles),
                        NULL);
  g_return_val_if_fail (meshes == NULL || G_IS_LIST_MODEL (meshes), NULL);

  report = g_object_new (FERRY_TYPE_PREREQ_REPORT, NULL);
  for (guint t = 0; t < FERRY_N_MIGRATION_TYPES; t++)
    {
      g_autoptr (FerryPrereqEntry) entry = NULL;

      if (t == FERRY_MIGRATION_TYPE_OSAM && !include_osam)
        continue;
      entry = evaluate_type ((FerryMigrationType)t, source_profiles, destination_profiles, meshes,
                             source_endpoint_id, destination_endpoint_id);
      g_list_store_append (report->entries, entry);
    }
  return report;
}
