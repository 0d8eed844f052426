"""Inline SVG figures for the web page: the case timeline and laboratory trends.

Drawn in Python, no JavaScript and no external service. Each figure carries a <title>
and a <desc> (referenced by aria-labelledby) that state its content in words, so a
screen reader or a text browser gets the same information. Colours come from the
Material for MkDocs CSS variables, with fallbacks for other themes. Every piece of case
text goes through :func:`escape_inline`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from casekit.render import text
from casekit.render.escape import escape_inline as esc

_STYLE = (
    "<style>"
    ".ck-fig{font-family:var(--md-text-font-family,inherit),sans-serif;font-size:13px}"
    ".ck-fig .ck-ink{fill:var(--md-default-fg-color,#333)}"
    ".ck-fig .ck-muted{fill:var(--md-default-fg-color--light,#666)}"
    ".ck-fig .ck-line{stroke:var(--md-default-fg-color--lighter,#999);stroke-width:2;fill:none}"
    ".ck-fig .ck-accent{fill:var(--md-primary-fg-color,#4051b5)}"
    ".ck-fig .ck-stroke{stroke:var(--md-primary-fg-color,#4051b5);stroke-width:2;fill:none}"
    ".ck-fig .ck-band{fill:var(--md-accent-fg-color--transparent,rgba(82,108,254,.1))}"
    ".ck-fig .ck-dx{fill:var(--md-accent-fg-color,#526cfe)}"
    "</style>"
)
_CATEGORY_CLASS = {"diagnosis": "ck-dx"}


def _svg(fig_id: str, width: int, height: int, title: str, desc: str, body: list[str]) -> Markup:
    head = (
        f'<svg id="{fig_id}" class="ck-fig" role="img" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' style="max-width:100%;height:auto"'
        f' aria-labelledby="{fig_id}-title {fig_id}-desc">'
    )
    parts = [
        head,
        f'<title id="{fig_id}-title">{esc(title)}</title>',
        f'<desc id="{fig_id}-desc">{esc(desc)}</desc>',
        _STYLE,
        *body,
        "</svg>",
    ]
    return Markup("\n".join(parts))


def timeline_svg(case: dict[str, Any], fig_id: str = "case-timeline") -> Markup | None:
    events = [e for e in case.get("timeline", []) or [] if isinstance(e, dict)]
    if not events:
        return None
    order = sorted(range(len(events)), key=lambda i: (text.in_days(events[i].get("time") or {}), i))
    events = [events[i] for i in order]
    width, left, line_x, wrap = 760, 10, 196, 68
    y = 28
    body: list[str] = []
    descs = []
    rows = []
    for event in events:
        when = text.time_phrase(event.get("time") or {})
        category = text.label(str(event.get("category", "")))
        category = category[:1].upper() + category[1:]
        lines = textwrap.wrap(" ".join(str(event.get("description", "")).split()), wrap) or [""]
        rows.append(
            (y, text.figure_time(event.get("time") or {}), category, lines, event.get("category"))
        )
        descs.append(f"{when} ({category.lower()}): {event.get('description', '')}")
        y += 22 + 17 * len(lines) + 14
    height = y
    body.append(f'<line class="ck-line" x1="{line_x}" y1="14" x2="{line_x}" y2="{height - 14}"/>')
    for row_y, label, category, lines, kind in rows:
        dot = _CATEGORY_CLASS.get(str(kind), "ck-accent")
        body.append('<g class="ck-event">')
        body.append(f'<circle class="{dot}" cx="{line_x}" cy="{row_y - 4}" r="6"/>')
        body.append(
            f'<text class="ck-ink" x="{left}" y="{row_y}" font-weight="bold">'
            f"{esc(textwrap.shorten(label, 28, placeholder='…'))}</text>"
        )
        body.append(
            f'<text class="ck-muted" x="{line_x + 16}" y="{row_y}" font-weight="bold">'
            f"{esc(category)}</text>"
        )
        for i, line in enumerate(lines):
            body.append(
                f'<text class="ck-ink" x="{line_x + 16}" y="{row_y + 18 + 17 * i}">'
                f"{esc(line)}</text>"
            )
        body.append("</g>")
    desc = "Timeline of the case, in time from the first presentation. " + " ".join(descs)
    return _svg(fig_id, width, height, "Timeline of the case", desc, body)


@dataclass(frozen=True)
class _Point:
    label: str
    value: float
    shown: str
    order: float


def _lab_times(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    times: dict[str, dict[str, Any]] = {}
    for event in case.get("timeline", []) or []:
        for link in event.get("links", []) or []:
            times.setdefault(str(link), event.get("time") or {})
    return times


def repeated_tests(case: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Tests measured more than once in the same unit, keyed by their short name."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for result in (case.get("investigations") or {}).get("laboratory", []) or []:
        name = str(result.get("abbreviation") or result.get("test"))
        groups.setdefault((name, str(result.get("unit"))), []).append(result)
    return {name: results for (name, _), results in groups.items() if len(results) > 1}


def trend_svg(case: dict[str, Any], fig_id: str = "lab-trends") -> Markup | None:
    tests = repeated_tests(case)
    if not tests:
        return None
    times = _lab_times(case)
    panel_w, panel_h, gap = 220, 170, 16
    width = len(tests) * panel_w + (len(tests) - 1) * gap
    body: list[str] = []
    descs: list[str] = []
    for index, (name, results) in enumerate(tests.items()):
        points = []
        for n, result in enumerate(results):
            when = times.get(str(result.get("id")))
            label = text.short_time(when) if when else f"Result {n + 1}"
            order = text.in_days(when) if when else float(n)
            points.append(
                _Point(label, float(result.get("value", 0)), text.lab_value(result), order)
            )
        points.sort(key=lambda p: p.order)
        unit = str(results[0].get("unit", ""))
        full = str(results[0].get("test", name))
        rng = results[0].get("reference_range") or {}
        body.append(_panel(index * (panel_w + gap), panel_w, panel_h, name, unit, points, rng))
        said = ", ".join(f"{p.shown} {unit} ({p.label.lower()})" for p in points)
        stated = text.reference_range(results[0])
        descs.append(f"{full}: {said}; reference range {stated}.")
    desc = "Laboratory values measured more than once. " + " ".join(descs)
    return _svg(fig_id, width, panel_h, "Trend of repeated laboratory tests", desc, body)


def _panel(
    x0: int, w: int, h: int, name: str, unit: str, points: list[_Point], rng: dict[str, Any]
) -> str:
    top, bottom, left, right = 30, h - 34, x0 + 40, x0 + w - 14
    values = [p.value for p in points]
    low_ref, high_ref = rng.get("low"), rng.get("high")
    scale_values = values + [v for v in (low_ref, high_ref) if isinstance(v, int | float)]
    lo, hi = min(scale_values), max(scale_values)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.15
    lo, hi = lo - pad, hi + pad

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    def x(i: int) -> float:
        return left + (right - left) * (i / (len(points) - 1) if len(points) > 1 else 0.5)

    out = ['<g class="ck-panel">']
    out.append(
        f'<text class="ck-ink" x="{x0 + 4}" y="16" font-weight="bold">{esc(name)}'
        f' <tspan class="ck-muted" font-weight="normal">({esc(unit)})</tspan></text>'
    )
    if isinstance(low_ref, int | float) and isinstance(high_ref, int | float):
        out.append(
            f'<rect class="ck-band" x="{left}" y="{y(high_ref):.1f}" width="{right - left}"'
            f' height="{max(y(low_ref) - y(high_ref), 1):.1f}">'
            f"<title>Reference range {low_ref:g}{text.EN_DASH}{high_ref:g}</title></rect>"
        )
    out.append(f'<line class="ck-line" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>')
    path = " ".join(
        f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(p.value):.1f}" for i, p in enumerate(points)
    )
    out.append(f'<path class="ck-stroke" d="{path}"/>')
    for i, p in enumerate(points):
        out.append(f'<circle class="ck-accent" cx="{x(i):.1f}" cy="{y(p.value):.1f}" r="4"/>')
        out.append(
            f'<text class="ck-ink" x="{x(i):.1f}" y="{y(p.value) - 9:.1f}"'
            f' text-anchor="middle">{esc(p.shown)}</text>'
        )
        out.append(
            f'<text class="ck-muted" x="{x(i):.1f}" y="{bottom + 18}"'
            f' text-anchor="middle">{esc(p.label)}</text>'
        )
    out.append("</g>")
    return "\n".join(out)
