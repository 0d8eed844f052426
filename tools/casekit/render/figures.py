"""Inline SVG trend charts for the web page: laboratory tests measured more than once.

Drawn in Python, no JavaScript and no external service. One small chart per test, each
100 % of its grid cell wide: the points stand on a time-scaled axis (positions in % of the
width, so the text keeps its CSS size at any width), the value is written above each point
and its time below, the first label starting at its point and the last ending at its point
so that nothing is clipped. Each chart carries a ``<title>`` and a ``<desc>`` (referenced
by aria-labelledby) that state its values in words. Colours come from the Material for
MkDocs CSS variables, with fallbacks for other themes. Case text goes through
:func:`escape_inline`. The course figure is in :mod:`casekit.render.course`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from casekit.render import text
from casekit.render.course import STYLE
from casekit.render.escape import escape_inline as esc
from casekit.render.labtable import lab_times
from casekit.render.units import display_unit

_LEFT, _RIGHT = 10.0, 90.0  # the plot's extent, in % of the chart's width
_TOP, _BOTTOM, _HEIGHT = 40, 112, 150


@dataclass(frozen=True)
class _Point:
    label: str
    value: float
    shown: str
    order: float


def repeated_tests(case: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Tests measured more than once in the same unit, keyed by their short name."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for result in (case.get("investigations") or {}).get("laboratory", []) or []:
        name = str(result.get("abbreviation") or result.get("test"))
        groups.setdefault((name, str(result.get("unit"))), []).append(result)
    return {name: results for (name, _), results in groups.items() if len(results) > 1}


def trend_svg(case: dict[str, Any], fig_id: str = "lab-trends") -> Markup | None:
    """A grid of trend charts, one per repeated test, or None when no test is repeated."""
    tests = repeated_tests(case)
    if not tests:
        return None
    times = lab_times(case)
    charts = []
    for index, (name, results) in enumerate(tests.items()):
        timed = all(str(r.get("id")) in times for r in results)
        points = []
        for n, result in enumerate(results):
            when = times.get(str(result.get("id")))
            if timed and when is not None:
                label, order = text.short_time(when), text.in_days(when)
            else:
                label, order = f"Result {n + 1}", float(n)
            points.append(
                _Point(label, float(result.get("value", 0)), text.lab_value(result), order)
            )
        points.sort(key=lambda p: p.order)
        unit = display_unit(str(results[0].get("unit", "")))
        full = str(results[0].get("test", name))
        said = ", ".join(f"{p.shown} {unit} ({p.label})" for p in points)
        stated = text.reference_range(results[0])
        scale = "time from presentation" if timed else "the order of the results"
        desc = f"{full} over {scale}: {said}; reference range {stated}."
        chart_id = f"{fig_id}-{index + 1}"
        rng = results[0].get("reference_range") or {}
        body = _chart(name, unit, points, rng, timed)
        charts.append(
            "\n".join(
                [
                    f'<svg id="{chart_id}" class="ck-trend" role="img"'
                    f' xmlns="http://www.w3.org/2000/svg" width="100%" height="{_HEIGHT}"'
                    f' aria-labelledby="{chart_id}-title {chart_id}-desc">',
                    f'<title id="{chart_id}-title">Trend of {esc(full)}</title>',
                    f'<desc id="{chart_id}-desc">{esc(desc)}</desc>',
                    STYLE if index == 0 else "",
                    body,
                    "</svg>",
                ]
            )
        )
    return Markup(f'<div id="{fig_id}" class="ck-trends">\n' + "\n".join(charts) + "\n</div>")


def _chart(name: str, unit: str, points: list[_Point], rng: dict[str, Any], timed: bool) -> str:
    values = [p.value for p in points]
    low_ref, high_ref = rng.get("low"), rng.get("high")
    scale_values = values + [v for v in (low_ref, high_ref) if isinstance(v, int | float)]
    lo, hi = min(scale_values), max(scale_values)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.1
    lo, hi = lo - pad, hi + pad

    def y(v: float) -> float:
        return _BOTTOM - (v - lo) / (hi - lo) * (_BOTTOM - _TOP)

    first, last = points[0].order, points[-1].order
    span = (last - first) or 1.0

    def x(p: _Point) -> float:
        if len(points) == 1:
            return (_LEFT + _RIGHT) / 2
        return _LEFT + (p.order - first) / span * (_RIGHT - _LEFT)

    out = [
        f'<text class="ck-ink" x="0" y="16" font-weight="bold">{esc(name)}'
        f' <tspan class="ck-muted" font-weight="normal">({esc(unit)})</tspan></text>'
    ]
    if isinstance(low_ref, int | float) and isinstance(high_ref, int | float):
        out.append(
            f'<rect class="ck-band" x="{_LEFT}%" y="{y(high_ref):.1f}" width="{_RIGHT - _LEFT}%"'
            f' height="{max(y(low_ref) - y(high_ref), 1):.1f}">'
            f"<title>Reference range {low_ref:g}{text.EN_DASH}{high_ref:g}</title></rect>"
        )
    out.append(
        f'<line class="ck-axis" x1="{_LEFT}%" y1="{_BOTTOM + 8}" x2="{_RIGHT}%"'
        f' y2="{_BOTTOM + 8}"/>'
    )
    for a, b in itertools.pairwise(points):
        out.append(
            f'<line class="ck-stroke" x1="{x(a):.2f}%" y1="{y(a.value):.1f}"'
            f' x2="{x(b):.2f}%" y2="{y(b.value):.1f}"/>'
        )
    for i, p in enumerate(points):
        anchor = "middle"
        if len(points) > 1 and i == 0:
            anchor = "start"
        elif len(points) > 1 and i == len(points) - 1:
            anchor = "end"
        shift = {"start": -4, "end": 4, "middle": 0}[anchor]
        out.append(f'<circle class="ck-solid" cx="{x(p):.2f}%" cy="{y(p.value):.1f}" r="4"/>')
        out.append(
            f'<text class="ck-ink" x="{x(p):.2f}%" dx="{shift}" y="{y(p.value) - 9:.1f}"'
            f' text-anchor="{anchor}">{esc(p.shown)}</text>'
        )
        out.append(
            f'<text class="ck-muted ck-small" x="{x(p):.2f}%" dx="{shift}" y="{_BOTTOM + 26}"'
            f' text-anchor="{anchor}">{esc(p.label)}</text>'
        )
    if not timed:
        out.append(
            f'<text class="ck-muted ck-small" x="0" y="{_HEIGHT - 2}">'
            "Times not given: in the order recorded</text>"
        )
    return "\n".join(out)
