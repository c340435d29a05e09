"""Inline SVG line charts, drawn here so a report needs no script or library to show them.

Pure: numbers in, an SVG string out. Every label is XML-escaped, so the markup is safe to
drop into an HTML page as is (the templates mark it safe).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

# Distinct on screen and in greyscale print (each series also gets its own dash pattern).
PALETTE = (
    "#1f4e9c", "#d1495b", "#2e933c", "#edae49", "#7b2cbf", "#00798c",
    "#8c564b", "#e377c2", "#5c5c5c", "#bcbd22",
)
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per x label; None = no score at that point (the line breaks)
    emphasis: bool = False  # drawn thicker (e.g. the overall score)


@dataclass
class ChartSpec:
    title: str
    labels: list[str]
    series: list[Series]
    y_max: float = 100.0
    y_ticks: list[float] = field(default_factory=lambda: [0, 25, 50, 75, 100])
    y_label: str = ""
    width: int = 760
    height: int = 320
    note: str = ""  # one line under the title: what the points are over


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _runs(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Split a point list at the gaps (None) into runs of consecutive points."""
    runs: list[list[tuple[float, float]]] = [[]]
    for p in points:
        if p is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(p)
    return [r for r in runs if r]


def line_chart(spec: ChartSpec) -> str:
    """An SVG line chart: one polyline per series (split at gaps), a dot per point, a legend."""
    legend_rows = (len(spec.series) + 2) // 3
    left, right, top = 48, 44, 34  # right: room for the last x label, centred on its point
    if spec.note:
        top += 16  # the note's line under the title
    bottom = 46 + 18 * legend_rows
    plot_w = spec.width - left - right
    plot_h = spec.height - top - bottom
    if plot_h < 60:  # a long legend grows the chart instead of squashing the plot
        spec = ChartSpec(**{**spec.__dict__, "height": spec.height + 60 - plot_h})
        plot_h = 60
    n = len(spec.labels)

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else plot_w * i / (n - 1))

    def y_at(v: float) -> float:
        v = min(max(v, 0.0), spec.y_max)
        return top + plot_h * (1 - v / spec.y_max)

    out: list[str] = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {spec.width} {spec.height}" '
        f'width="{spec.width}" height="{spec.height}" role="img" aria-label="{escape(spec.title)}">',
        f"<title>{escape(spec.title)}</title>",
        f'<text x="{left}" y="20" font-size="14" font-weight="bold" fill="#222">{escape(spec.title)}</text>',
    ]
    if spec.note:
        out.append(f'<text class="note" x="{left}" y="38" font-size="11" fill="#555">{escape(spec.note)}</text>')
    # grid and y axis
    for tick in spec.y_ticks:
        y = y_at(tick)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#555">{_fmt(tick)}</text>')
    if spec.y_label:
        out.append(
            f'<text x="12" y="{top + plot_h / 2:.1f}" font-size="11" fill="#555" text-anchor="middle" '
            f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">{escape(spec.y_label)}</text>'
        )
    # x labels
    for i, label in enumerate(spec.labels):
        out.append(
            f'<text x="{x_at(i):.1f}" y="{top + plot_h + 16}" font-size="11" text-anchor="middle" fill="#555">'
            f"{escape(label)}</text>"
        )
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#888"/>')
    # series
    for k, s in enumerate(spec.series):
        colour = PALETTE[k % len(PALETTE)]
        dash = DASHES[k % len(DASHES)]
        width = 3.0 if s.emphasis else 1.6
        points = [None if v is None else (x_at(i), y_at(v)) for i, v in enumerate(s.values[:n])]
        out.append(f'<g class="series" data-series="{escape(s.name)}">')
        for run in _runs(points):
            if len(run) > 1:
                pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                out.append(
                    f'<polyline fill="none" stroke="{colour}" stroke-width="{width}"{dash_attr} points="{pts}"/>'
                )
        for i, v in enumerate(s.values[:n]):
            if v is None:
                continue
            out.append(
                f'<circle cx="{x_at(i):.1f}" cy="{y_at(v):.1f}" r="{3.5 if s.emphasis else 2.5}" fill="{colour}">'
                f"<title>{escape(s.name)} · {escape(spec.labels[i])}: {_fmt(v)}</title></circle>"
            )
        out.append("</g>")
    # legend, three per row
    legend_top = top + plot_h + 34
    col_w = plot_w / 3
    for k, s in enumerate(spec.series):
        colour = PALETTE[k % len(PALETTE)]
        dash = DASHES[k % len(DASHES)]
        lx = left + col_w * (k % 3)
        ly = legend_top + 18 * (k // 3)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{lx:.1f}" y1="{ly - 4}" x2="{lx + 22:.1f}" y2="{ly - 4}" stroke="{colour}" '
            f'stroke-width="{3.0 if s.emphasis else 1.6}"{dash_attr}/>'
        )
        out.append(f'<text x="{lx + 28:.1f}" y="{ly}" font-size="11" fill="#222">{escape(s.name)}</text>')
    out.append("</svg>")
    return "\n".join(out)
