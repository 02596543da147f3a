/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-progress-chart.c: see the header. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ferry-progress-chart.h"

#define PAD 6

struct _FerryProgressChart
{
  GtkWidget parent_instance;

  FerryMigrationTracker *tracker;
  gulong updated_id;
  char *description;
};

G_DEFINE_FINAL_TYPE (FerryProgressChart, ferry_progress_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TRACKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_description (FerryProgressChart *self)
{
  const FerryTrackerSample *samples = NULL;
  guint n = 0;
  g_autofree char *done = NULL;
  g_autofree char *total = NULL;

  if (self->tracker != NULL)
    samples = ferry_migration_tracker_get_history (self->tracker, &n);
  g_free (self->description);
  if (n == 0)
    self->description = g_strdup (_ ("No data moved yet"));
  else
    {
      done = g_format_size (samples[n - 1].bytes_transferred);
      total = g_format_size (samples[n - 1].bytes_total);
      /* TRANSLATORS: the chart in words: "1.2 TB of 3.4 TB moved, 40 points" */
      self->description = g_strdup_printf (_ ("%s of %s moved, %u measurements"), done, total, n);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
}

static void
on_updated (FerryProgressChart *self)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
get_colors (FerryProgressChart *self, GdkRGBA *fill, GdkRGBA *line, GdkRGBA *text)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* libadwaita's accent blue (@accent_bg_color), lighter on dark. */
  gdk_rgba_parse (fill, dark ? "#78aeed" : "#3584e4");
  *line = *text;
  line->alpha = 0.45f;
  fill->alpha = 0.75f;
}

static void
append_text (FerryProgressChart *self, GtkSnapshot *snapshot, const char *text, float x, float y,
             gboolean right, const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (right ? x - w : x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
ferry_progress_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  FerryProgressChart *self = FERRY_PROGRESS_CHART (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  const FerryTrackerSample *s = NULL;
  guint n = 0;
  GdkRGBA fill, line, text, faint;
  gint64 max = 1;
  float plot_h = height - 2 * PAD;
  float plot_w = width - 2 * PAD;

  if (self->tracker != NULL)
    s = ferry_migration_tracker_get_history (self->tracker, &n);
  get_colors (self, &fill, &line, &text);
  faint = line;
  faint.alpha = 0.12f;

  /* The frame of the plot. */
  gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (PAD, PAD, plot_w, plot_h));
  if (n == 0 || plot_w <= 0 || plot_h <= 0)
    {
      append_text (self, snapshot, _ ("No data moved yet"), PAD + 6, PAD + 4, FALSE, &text);
      return;
    }
  for (guint i = 0; i < n; i++)
    max = MAX (max, MAX (s[i].bytes_total, s[i].bytes_transferred));

  /* One filled area for what was moved (straight lines between measurements: it grows
   * steadily between polls) and a step line for the total (it changes when migrations join,
   * at once). GTK 4.8's snapshot has no paths: a cairo node the size of the plot. */
  {
    cairo_t *cr
        = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (PAD, PAD, plot_w, plot_h));
    gint64 t0 = s[0].time;
    double span = (double)MAX (s[n - 1].time - t0, 1);
    double bottom = PAD + plot_h;
    /* Room above the total for the label. */
    double scale_h = plot_h > 60 ? plot_h - 24 : plot_h;

#define X_OF(i)                                                                                    \
  (n == 1 ? (double)PAD + (i) * (double)plot_w                                                     \
          : PAD + (double)plot_w * (double)(s[i].time - t0) / span)
#define Y_OF(v) (bottom - scale_h * (double)(v) / (double)max)

    cairo_move_to (cr, PAD, bottom);
    for (guint i = 0; i < n; i++)
      cairo_line_to (cr, X_OF (i), Y_OF (s[i].bytes_transferred));
    if (n == 1)
      cairo_line_to (cr, PAD + plot_w, Y_OF (s[0].bytes_transferred));
    cairo_line_to (cr, PAD + plot_w, bottom);
    cairo_close_path (cr);
    gdk_cairo_set_source_rgba (cr, &fill);
    cairo_fill (cr);

    cairo_move_to (cr, PAD, Y_OF (s[0].bytes_total));
    for (guint i = 1; i < n; i++)
      {
        cairo_line_to (cr, X_OF (i), Y_OF (s[i - 1].bytes_total));
        cairo_line_to (cr, X_OF (i), Y_OF (s[i].bytes_total));
      }
    cairo_line_to (cr, PAD + plot_w, Y_OF (s[n - 1].bytes_total));
    gdk_cairo_set_source_rgba (cr, &line);
    cairo_set_line_width (cr, 2);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
    cairo_stroke (cr);
    cairo_destroy (cr);
#undef X_OF
#undef Y_OF
  }

  {
    g_autofree char *done = g_format_size (s[n - 1].bytes_transferred);
    g_autofree char *total = g_format_size (s[n - 1].bytes_total);
    /* TRANSLATORS: on the chart, "1.2 TB of 3.4 TB" */
    g_autofree char *label = g_strdup_printf (_ ("%s of %s"), done, total);
    gint64 span = (s[n - 1].time - s[0].time) / G_USEC_PER_SEC;
    g_autofree char *span_text = NULL;

    append_text (self, snapshot, label, PAD + 6, PAD + 4, FALSE, &text);
    if (span >= 3600)
      span_text = g_strdup_printf (_ ("last %" G_GINT64_FORMAT " h %02" G_GINT64_FORMAT " min"),
                                   span / 3600, span / 60 % 60);
    else
      span_text = g_strdup_printf (_ ("last %" G_GINT64_FORMAT " min"), MAX (span / 60, 1));
    append_text (self, snapshot, span_text, PAD + plot_w - 6, PAD + 4, TRUE, &text);
  }
}

static void
ferry_progress_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                              int *minimum, int *natural, int *minimum_baseline,
                              int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 400;
    }
  else
    {
      *minimum = 72;
      *natural = 110;
    }
}

FerryMigrationTracker *
ferry_progress_chart_get_tracker (FerryProgressChart *self)
{
  g_return_val_if_fail (FERRY_IS_PROGRESS_CHART (self), NULL);
  return self->tracker;
}

void
ferry_progress_chart_set_tracker (FerryProgressChart *self, FerryMigrationTracker *tracker)
{
  g_return_if_fail (FERRY_IS_PROGRESS_CHART (self));

  if (self->tracker == tracker)
    return;
  if (self->tracker != NULL)
    g_clear_signal_handler (&self->updated_id, self->tracker);
  g_set_object (&self->tracker, tracker);
  if (tracker != NULL)
    self->updated_id = g_signal_connect_object (tracker, "updated", G_CALLBACK (on_updated), self,
                                                G_CONNECT_SWAPPED);
  on_updated (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKER]);
}

const char *
ferry_progress_chart_get_description (FerryProgressChart *self)
{
  g_return_val_if_fail (FERRY_IS_PROGRESS_CHART (self), NULL);
  return self->description;
}

GtkWidget *
ferry_progress_chart_new (void)
{
  return g_object_new (FERRY_TYPE_PROGRESS_CHART, NULL);
}

static void
ferry_progress_chart_dispose (GObject *object)
{
  FerryProgressChart *self = FERRY_PROGRESS_CHART (object);

  if (self->tracker != NULL)
    g_clear_signal_handler (&self->updated_id, self->tracker);
  g_clear_object (&self->tracker);
  G_OBJECT_CLASS (ferry_progress_chart_parent_class)->dispose (object);
}

static void
ferry_progress_chart_finalize (GObject *object)
{
  g_free (FERRY_PROGRESS_CHART (object)->description);
  G_OBJECT_CLASS (ferry_progress_chart_parent_class)->finalize (object);
}

static void
ferry_progress_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_TRACKER:
        g_value_set_object (value, FERRY_PROGRESS_CHART (object)->tracker);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_progress_chart_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_TRACKER:
        ferry_progress_chart_set_tracker (FERRY_PROGRESS_CHART (object),
                                          g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_progress_chart_class_init (FerryProgressChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_progress_chart_dispose;
  object_class->finalize = ferry_progress_chart_finalize;
  object_class->get_property = ferry_progress_chart_get_property;
  object_class->set_property = ferry_progress_chart_set_property;
  widget_class->snapshot = ferry_progress_chart_snapshot;
  widget_class->measure = ferry_progress_chart_measure;

  properties[PROP_TRACKER]
      = g_param_spec_object ("tracker", NULL, NULL, FERRY_TYPE_MIGRATION_TRACKER,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "ferry-progress-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ferry_progress_chart_init (FerryProgressChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Data moved over time"), -1);
  update_description (self);
}
