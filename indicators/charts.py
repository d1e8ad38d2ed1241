"""Server-side SVG charts of an indicator's history: no JavaScript, well-formed XML, with a <title>
and <desc> for screen readers (the page also renders the same numbers as a table)."""

import xml.etree.ElementTree as ET

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 16, 16, 28, 40
MAX_AXIS_LABELS = 10


def svg_root(base_id, width, height, css_class):
    """An accessible chart's <svg>: an image named by its <title> and <desc> (ids base_id-title, -desc)."""
    return ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "class": css_class,
            "role": "img",
            "aria-labelledby": f"{base_id}-title {base_id}-desc",
            "focusable": "false",
        },
    )


def chart_description(summary):
    points = summary.points
    lowest = min(points, key=lambda point: point.observation.value)
    highest = max(points, key=lambda point: point.observation.value)
    unit = f" {summary.unit}" if summary.unit else ""
    return gettext(
        "Bar chart of %(count)s values from %(first)s to %(last)s. Lowest %(low)s%(unit)s (%(low_period)s), "
        "highest %(high)s%(unit)s (%(high_period)s), latest %(latest)s%(unit)s (%(last)s)."
    ) % {
        "count": len(points),
        "first": points[0].label,
        "last": points[-1].label,
        "low": lowest.value_text,
        "low_period": lowest.label,
        "high": highest.value_text,
        "high_period": highest.label,
        "latest": points[-1].value_text,
        "unit": unit,
    }


def history_chart(summary):
    """The SVG markup (safe string) of a bar chart of `summary.points`, or "" with no data."""
    points = summary.points
    if not points:
        return ""
    base_id = f"indicator-chart-{summary.indicator.pk}"
    svg = svg_root(base_id, WIDTH, HEIGHT, "indicator-chart")
    ET.SubElement(svg, "title", {"id": f"{base_id}-title"}).text = gettext("History of %(name)s") % {
        "name": summary.indicator.name
    }
    ET.SubElement(svg, "desc", {"id": f"{base_id}-desc"}).text = chart_description(summary)

    values = [float(point.observation.value) for point in points]
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        high = low + 1
    plot_height = HEIGHT - TOP - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT

    def y_of(value):
        return TOP + (high - value) / (high - low) * plot_height

    slot = plot_width / len(points)
    bar_width = max(2.0, slot * 0.6)
    zero = y_of(0.0)
    ET.SubElement(
        svg,
        "line",
        {
            "class": "indicator-chart__axis",
            "x1": str(LEFT),
            "x2": str(WIDTH - RIGHT),
            "y1": f"{zero:.1f}",
            "y2": f"{zero:.1f}",
        },
    )
    label_every = max(1, -(-len(points) // MAX_AXIS_LABELS))
    bars = ET.SubElement(svg, "g", {"class": "indicator-chart__bars"})
    for index, (point, value) in enumerate(zip(points, values, strict=True)):
        x = LEFT + index * slot + (slot - bar_width) / 2
        top = min(y_of(value), zero)
        height = max(abs(y_of(value) - zero), 1.0)
        latest = index == len(points) - 1
        ET.SubElement(
            bars,
            "rect",
            {
                "class": "indicator-chart__bar" + (" indicator-chart__bar--latest" if latest else ""),
                "x": f"{x:.1f}",
                "y": f"{top:.1f}",
                "width": f"{bar_width:.1f}",
                "height": f"{height:.1f}",
            },
        )
        centre = f"{x + bar_width / 2:.1f}"
        if latest or index % label_every == 0:
            label = ET.SubElement(
                svg,
                "text",
                {
                    "class": "indicator-chart__label",
                    "x": centre,
                    "y": str(HEIGHT - BOTTOM + 18),
                    "text-anchor": "middle",
                },
            )
            label.text = point.label
        if latest or len(points) <= 8:
            figure = ET.SubElement(
                svg,
                "text",
                {"class": "indicator-chart__value", "x": centre, "y": f"{top - 6:.1f}", "text-anchor": "middle"},
            )
            figure.text = point.value_text
    return mark_safe(ET.tostring(svg, encoding="unicode"))
