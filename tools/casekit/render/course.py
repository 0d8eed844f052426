"""The course of a case as a figure: what happened when, on a time-scaled axis.

The narrative above the figure tells the story in words; the figure shows its shape.
Each diagnosis is a bar from when it was made to when it was revised (or on to the end
of the course for a final one), each treatment a bar from its start to its stop (or a
mark when the case gives no stop), each tissue sample, imaging study and other test a
mark at its time; faint vertical lines mark the times of the timeline's events. The axis
is scaled in time from the first presentation.

The figure is inline SVG without JavaScript, 100 % of the column wide: positions are
percentages and the text keeps its CSS size at any width (nothing is scaled down to
unreadable on a phone). Every label sits on its own line above its mark, so a long
label never runs into another. Its ``<desc>`` says everything the figure shows, in
words, and names what the case does not place in time.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from casekit import durations, model
from casekit.render import text
from casekit.render.escape import escape_inline as esc

LABEL_CHARS = 46  # wrap width: fits a 358 px phone column at 13 px
_LINE, _MARK_ROW, _GAP, _HEADING = 16, 14, 10, 24
_LEFT, _RIGHT = 2.0, 97.0  # the plot's extent, in % of the width

STYLE = (
    "<style>"
    ".ck-course,.ck-trend{font-family:var(--md-text-font-family,inherit),sans-serif;"
    "font-size:13px;display:block;overflow:visible}"
    ".ck-course .ck-ink,.ck-trend .ck-ink{fill:var(--md-default-fg-color,#333)}"
    ".ck-course .ck-muted,.ck-trend .ck-muted{fill:var(--md-default-fg-color--light,#595959)}"
    ".ck-course .ck-axis,.ck-trend .ck-axis{stroke:var(--md-default-fg-color--light,#777);"
    "stroke-width:1}"
    ".ck-course .ck-guide{stroke:var(--md-default-fg-color--lightest,#ddd);stroke-width:1}"
    ".ck-course .ck-solid,.ck-trend .ck-solid{fill:var(--md-primary-fg-color,#4051b5)}"
    ".ck-course .ck-open{fill:var(--md-default-bg-color,#fff);"
    "stroke:var(--md-primary-fg-color,#4051b5);stroke-width:2;stroke-dasharray:5 3}"
    ".ck-course .ck-hollow{fill:var(--md-default-bg-color,#fff);"
    "stroke:var(--md-default-fg-color--light,#777);stroke-width:2}"
    ".ck-trend .ck-band{fill:var(--md-accent-fg-color--transparent,rgba(82,108,254,.12))}"
    ".ck-trend .ck-stroke{stroke:var(--md-primary-fg-color,#4051b5);stroke-width:2}"
    ".ck-course .ck-small,.ck-trend .ck-small{font-size:12px}"
    "</style>"
)


@dataclass(frozen=True)
class Mark:
    """One thing on the figure: a bar from ``start`` to ``end`` (days), or a point."""

    lane: str
    label: str
    start: float
    end: float | None = None
    #: 'solid' (done, final), 'open' (tentative: working or presumptive diagnosis),
    #: 'hollow' (not done: a sample not taken).
    style: str = "solid"
    #: The mark runs on past the end of the axis (a final diagnosis, a treatment not stopped).
    ongoing: bool = False


@dataclass(frozen=True)
class Course:
    marks: list[Mark]
    event_days: list[float]
    #: What the case does not place in time: (lane, label).
    unplaced: list[tuple[str, str]]


LANES = ("Diagnoses", "Treatment", "Samples and tests")


def _earliest(events: list[dict[str, Any]]) -> float | None:
    days = [text.in_days(e["time"]) for e in events if isinstance(e.get("time"), dict)]
    return min(days) if days else None


def _diagnosis_label(dx: dict[str, Any], revised: bool) -> str:
    role = str(dx.get("role", ""))
    words = {"working": "working diagnosis", "presumptive": "presumptive diagnosis"}
    state = words.get(role, role)
    if revised:
        state += ", revised"
    return f"{dx.get('name', '')} ({state})" if state else str(dx.get("name", ""))


def _placed_label(placed: model.Placed) -> str:
    item = placed.item
    if placed.kind == "tissue_sample":
        status = str(item.get("status", ""))
        kind = str(item.get("kind", "tissue sample"))
        kind = kind[:1].upper() + kind[1:]
        return kind if status == "performed" else f"{kind}: {text.humanize(status)}"
    if placed.kind == "imaging":
        return f"{model.modality_name(item)}: {item.get('site', '')}"
    if placed.kind == "other_test":
        return str(item.get("name", ""))
    return str(item.get("description", ""))


def course_of(data: dict[str, Any]) -> Course:
    """What the figure of one patient (``data``: a case or a patient's view) shows."""
    linked = model.linking_events(data)
    marks: list[Mark] = []
    unplaced: list[tuple[str, str]] = []
    diagnoses = [d for d in data.get("diagnoses") or [] if isinstance(d, dict)]
    made = {str(d.get("id")): _earliest(linked.get(str(d.get("id")), [])) for d in diagnoses}
    for dx in diagnoses:
        start = made[str(dx.get("id"))]
        revised_to = dx.get("revised_to")
        label = _diagnosis_label(dx, bool(revised_to))
        if start is None:
            unplaced.append(("Diagnoses", label))
            continue
        end = made.get(str(revised_to)) if revised_to else None
        tentative = dx.get("role") in ("working", "presumptive", "revised")
        marks.append(
            Mark(
                "Diagnoses",
                label,
                start,
                end,
                "open" if tentative else "solid",
                ongoing=end is None and not revised_to,
            )
        )
    for placed in model.placed_items(data):
        lane = "Treatment" if placed.kind == "intervention" else "Samples and tests"
        label = _placed_label(placed)
        if placed.days is None:
            unplaced.append((lane, label))
            continue
        end = durations.to_days(placed.until) if placed.until else None
        not_done = placed.item.get("status") in ("not-performed", "not-applicable")
        marks.append(Mark(lane, label, placed.days, end, "hollow" if not_done else "solid"))
    event_days = sorted(
        {
            text.in_days(e["time"])
            for e in data.get("timeline") or []
            if isinstance(e, dict) and isinstance(e.get("time"), dict)
        }
    )
    return Course(marks, event_days, unplaced)


# --- the axis ---------------------------------------------------------------------------------

_AXIS_UNITS = (("days", 1.0), ("weeks", 7.0), ("months", 365.25 / 12), ("years", 365.25))


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    unit: str
    step: float  # in days

    def x(self, days: float) -> float:
        """Where ``days`` lies, in % of the figure's width."""
        return _LEFT + (days - self.low) / (self.high - self.low) * (_RIGHT - _LEFT)

    def ticks(self) -> list[tuple[float, str]]:
        size = dict(_AXIS_UNITS)[self.unit]
        first = math.ceil(self.low / self.step - 1e-9)
        out = []
        n = first
        while n * self.step <= self.high + 1e-9:
            days = n * self.step
            out.append((days, durations.number(round(days / size, 2))))
            n += 1
        return out


def axis_for(days: list[float]) -> Axis:
    """A time axis over ``days`` (always including presentation) with at most 7 ticks, in
    the unit that suits the span."""
    low, high = min([0.0, *days]), max([0.0, *days])
    span = max(high - low, 1.0)
    if span <= 21:
        unit = "days"
    elif span <= 16 * 7:
        unit = "weeks"
    elif span <= 36 * 365.25 / 12:
        unit = "months"
    else:
        unit = "years"
    size = dict(_AXIS_UNITS)[unit]
    step_units = next(
        (m for m in (1, 2, 3, 4, 6, 12, 24, 36, 60, 120) if span / (m * size) <= 6),
        math.ceil(span / size / 6),
    )
    step = step_units * size
    low = math.floor(low / step) * step
    high = max(math.ceil(high / step - 1e-9) * step, low + step)
    return Axis(low, high, unit, step)


# --- drawing ------------------------------------------------------------------------------------


def _svg(fig_id: str, css_class: str, height: int, title: str, desc: str, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg id="{fig_id}" class="{css_class}" role="img"'
            f' xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}"'
            f' aria-labelledby="{fig_id}-title {fig_id}-desc">',
            f'<title id="{fig_id}-title">{esc(title)}</title>',
            f'<desc id="{fig_id}-desc">{esc(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _describe(course: Course) -> str:
    parts = ["The course in time from the first presentation."]
    for lane in LANES:
        said = []
        for mark in (m for m in course.marks if m.lane == lane):
            span = f"from {_phrase(mark.start)}"
            if mark.end is not None:
                span += f" to {_phrase(mark.end)}"
            elif not mark.ongoing:
                span = f"at {_phrase(mark.start)}"
            said.append(f"{mark.label}, {span}")
        if said:
            parts.append(f"{lane}: " + "; ".join(said) + ".")
    if course.unplaced:
        parts.append(
            "Not placed in time by the case: "
            + "; ".join(label for _, label in course.unplaced)
            + "."
        )
    return " ".join(parts)


_SHORT = {"days": "d", "weeks": "wk", "months": "mo", "years": "y"}


def _short(days: float) -> str:
    """A time in days, short: 'presentation', '1 wk', '4 mo', '3 d before'."""
    if abs(days) < 0.5:
        return "presentation"
    for unit, size in reversed(_AXIS_UNITS):
        amount = abs(days) / size
        if amount >= 1 and abs(amount - round(amount)) < 0.05:
            shown = f"{round(amount)} {_SHORT[unit]}"
            break
    else:
        shown = f"{round(abs(days))} d"
    return shown + (" before" if days < 0 else "")


def _span(mark: Mark) -> str:
    """When a mark lies: 'presentation', '4 mo', '1 wk to 6 mo', 'from 6 mo'."""
    if mark.end is not None:
        return f"{_short(mark.start)} to {_short(mark.end)}"
    if mark.ongoing:
        return f"from {_short(mark.start)}"
    return "at presentation" if abs(mark.start) < 0.5 else _short(mark.start)


def _phrase(days: float) -> str:
    """A time in days as readers say it, in the largest unit that is nearly whole."""
    if abs(days) < 0.5:
        return "presentation"
    for unit, size in reversed(_AXIS_UNITS):
        amount = abs(days) / size
        if amount >= 1 and abs(amount - round(amount)) < 0.05:
            n = round(amount)
            word = unit if n != 1 else unit[:-1]
            return f"{n} {word} {'before' if days < 0 else 'after'} presentation"
    n = round(abs(days))
    return f"{n} day{'s' if n != 1 else ''} {'before' if days < 0 else 'after'} presentation"


def course_svg(data: dict[str, Any], fig_id: str = "case-course") -> Markup | None:
    """The course figure of one patient, or None when nothing is placed in time."""
    course = course_of(data)
    if not course.marks:
        return None
    days = [m.start for m in course.marks] + [m.end for m in course.marks if m.end is not None]
    days += course.event_days
    if any(m.ongoing for m in course.marks):
        # Room after the last time for what goes on (a final diagnosis made last).
        days.append(max(days) + 0.15 * max(max(days) - min([0.0, *days]), 7.0))
    axis = axis_for(days)
    body: list[str] = [STYLE]
    y = 4
    rows: list[str] = []
    for lane in LANES:
        marks = [m for m in course.marks if m.lane == lane]
        if not marks:
            continue
        y += _HEADING
        rows.append(f'<text class="ck-muted" x="0" y="{y - 8}" font-weight="bold">{lane}</text>')
        for mark in sorted(marks, key=lambda m: m.start):
            lines = textwrap.wrap(mark.label, LABEL_CHARS, max_lines=2, placeholder="…") or [""]
            when = _span(mark)
            # The time beside the label, muted: on a phone the axis is far below.
            together = len(lines[-1]) + 3 + len(when) <= LABEL_CHARS
            for i, line in enumerate(lines):
                y += _LINE
                tail = ""
                if together and i == len(lines) - 1:
                    tail = f'<tspan class="ck-muted"> · {esc(when)}</tspan>'
                rows.append(f'<text class="ck-ink" x="0" y="{y - 3}">{esc(line)}{tail}</text>')
            if not together:
                y += _LINE
                rows.append(f'<text class="ck-muted" x="0" y="{y - 3}">{esc(when)}</text>')
            y += _MARK_ROW
            rows.append(_mark(mark, axis, y - _MARK_ROW // 2))
            y += _GAP
    top, bottom = 4, y
    guides = [
        f'<line class="ck-guide" x1="{axis.x(d):.2f}%" y1="{top}" x2="{axis.x(d):.2f}%"'
        f' y2="{bottom}"/>'
        for d in course.event_days
    ]
    body += guides + rows
    body.append(f'<line class="ck-axis" x1="{_LEFT}%" y1="{y}" x2="{_RIGHT}%" y2="{y}"/>')
    ticks = axis.ticks()
    for i, (tick, label) in enumerate(ticks):
        anchor = "start" if i == 0 else "end" if i == len(ticks) - 1 else "middle"
        body.append(
            f'<line class="ck-axis" x1="{axis.x(tick):.2f}%" y1="{y}"'
            f' x2="{axis.x(tick):.2f}%" y2="{y + 5}"/>'
        )
        body.append(
            f'<text class="ck-muted ck-small" x="{axis.x(tick):.2f}%" y="{y + 19}"'
            f' text-anchor="{anchor}">{label}</text>'
        )
    unit_word = axis.unit.capitalize()
    body.append(
        f'<text class="ck-muted ck-small" x="50%" y="{y + 38}" text-anchor="middle">'
        f"{unit_word} from the first presentation</text>"
    )
    desc = _describe(course)
    return Markup(_svg(fig_id, "ck-course", y + 46, "The course of the case", desc, body))


def _mark(mark: Mark, axis: Axis, mid: int) -> str:
    x1 = axis.x(mark.start)
    css = {"solid": "ck-solid", "open": "ck-open", "hollow": "ck-hollow"}[mark.style]
    tip = f"<title>{esc(mark.label)}</title>"
    if mark.end is None and not mark.ongoing:
        return f'<circle class="{css}" cx="{x1:.2f}%" cy="{mid}" r="6">{tip}</circle>'
    x2 = axis.x(mark.end) if mark.end is not None else _RIGHT
    width = max(x2 - x1, 0.8)
    out = (
        f'<rect class="{css}" x="{x1:.2f}%" y="{mid - 6}" width="{width:.2f}%" height="12"'
        f' rx="3">{tip}</rect>'
    )
    return out
