"""A case as it stood at a point in its course (``casekit lint --as-of "4 months"``).

Cases are written with hindsight. To ask what casekit would have said at the 4-month
review, :func:`case_as_of` keeps what was known by then:

- timeline events after that time are dropped;
- findings, tests, tissue samples, diagnoses and interventions that are linked only to
  dropped events are dropped, and so are items whose own time (or own event) is later
  (items placed in time in no way are kept: their time is unknown); links to dropped
  items are removed everywhere;
- a diagnosis revised into one that is not made yet keeps its role as it was then
  (its ``revised_to`` is removed; a role of 'revised' becomes 'presumptive');
- final diagnoses not yet made disappear with their events;
- differential entries whose evidence was all dropped are dropped.

In a case series each patient is cut at the same time from their own presentation.

Narrative fields (introduction, discussion, learning points) are kept as written.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from casekit import model
from casekit.durations import UNITS, to_days
from casekit.findings import JsonPath
from casekit.loader import CaseDocument

_DURATION = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([a-z]+)\s*$", re.I)


class DurationError(ValueError):
    """The text is not a duration such as '4 months'."""


def parse_duration(text: str) -> tuple[float, str]:
    """'4 months', '6 weeks', '1 year', '10d' -> (value, unit)."""
    match = _DURATION.match(text)
    if match:
        value, word = float(match.group(1)), match.group(2).lower()
        for unit in UNITS:
            if word in (unit, unit[:-1], unit[0]) or (unit == "months" and word in ("mo", "mos")):
                return value, unit
    raise DurationError(
        f"'{text}' is not a time from presentation. Write a number and a unit, for example"
        f" '4 months' (units: {', '.join(UNITS)})."
    )


@dataclass
class _Trim:
    """The trimmed data and, for each list that lost items, the original index of each kept one."""

    data: dict[str, Any]
    kept: dict[JsonPath, list[int]] = field(default_factory=dict)

    def filter(self, path: JsonPath, items: list[Any], keep: list[bool]) -> list[Any]:
        if not all(keep):
            self.kept[path] = [i for i, k in enumerate(keep) if k]
        return [item for item, k in zip(items, keep, strict=True) if k]

    def to_original(self, path: JsonPath) -> JsonPath:
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int) and tuple(out) in self.kept:
                indexes = self.kept[tuple(out)]
                part = indexes[part] if part < len(indexes) else part
            out.append(part)
        return tuple(out)


def _trim(data: dict[str, Any], value: float, unit: str) -> _Trim:
    cutoff = to_days({"value": value, "unit": unit}) + 1e-9
    case = copy.deepcopy(data)
    trim = _Trim(case)
    if model.is_series(case):  # each patient's times run from their own presentation
        for index, entry in enumerate(case["patients"]):
            _trim_patient(trim, entry, ("patients", index), cutoff)
    else:
        _trim_patient(trim, case, (), cutoff)
    return trim


def _trim_patient(trim: _Trim, case: dict[str, Any], prefix: JsonPath, cutoff: float) -> None:
    """Trim one patient's fields (held by ``case`` at ``prefix`` in the file) to ``cutoff``."""
    events = case.get("timeline") or []
    keep_event = [to_days(e["time"]) <= cutoff for e in events]
    linked_kept: set[str] = set()
    linked_dropped: set[str] = set()
    for event, keep in zip(events, keep_event, strict=True):
        (linked_kept if keep else linked_dropped).update(event.get("links") or [])
    dropped = linked_dropped - linked_kept
    dropped |= {e["id"] for e, k in zip(events, keep_event, strict=True) if not k}
    # An item that states its own time (or its own event) goes by that time.
    for placed in model.placed_items(case):
        if placed.how in ("own time", "event") and (placed.days or 0.0) > cutoff:
            dropped.add(placed.item["id"])
    if "timeline" in case:
        case["timeline"] = trim.filter((*prefix, "timeline"), events, keep_event)

    def drop_items(path: JsonPath, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return trim.filter(path, items, [item["id"] not in dropped for item in items])

    for section in ("findings", "tissue_samples", "diagnoses", "interventions"):
        if section in case:
            case[section] = drop_items((*prefix, section), case[section])
    for kind, items in (case.get("investigations") or {}).items():
        case["investigations"][kind] = drop_items((*prefix, "investigations", kind), items)

    def prune(owner: dict[str, Any], key: str, path: JsonPath) -> None:
        ids = owner.get(key)
        if ids:
            owner[key] = trim.filter(path, ids, [i not in dropped for i in ids])
            if not owner[key]:
                del owner[key]

    for index, event in enumerate(case.get("timeline") or []):
        prune(event, "links", (*trim.to_original((*prefix, "timeline", index)), "links"))
    for index, dx in enumerate(case.get("diagnoses") or []):
        original = trim.to_original((*prefix, "diagnoses", index))
        prune(dx, "confirmed_by", (*original, "confirmed_by"))
        if dx.get("revised_to") in dropped:
            del dx["revised_to"]
            if dx["role"] == "revised":
                dx["role"] = "presumptive"
    if "differential" in case:
        alternatives = case["differential"]
        keep_alt = [
            not alt.get("evidence") or any(i not in dropped for i in alt["evidence"])
            for alt in alternatives
        ]
        case["differential"] = trim.filter((*prefix, "differential"), alternatives, keep_alt)
        for index, alt in enumerate(case["differential"]):
            original = trim.to_original((*prefix, "differential", index))
            prune(alt, "evidence", (*original, "evidence"))


def case_as_of(data: dict[str, Any], value: float, unit: str) -> dict[str, Any]:
    """A copy of ``data`` holding only what was known ``value`` ``unit`` after presentation."""
    if unit not in UNITS:
        raise DurationError(f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
    return _trim(data, value, unit).data


class AsOfDocument(CaseDocument):
    """A trimmed case that still reports lines and columns of the original file."""

    def __init__(self, doc: CaseDocument, trim: _Trim) -> None:
        super().__init__(path=doc.path, text=doc.text, data=trim.data)
        self._original = doc
        self._trim = trim

    def locate(self, path: JsonPath, *, prefer_key: bool = False) -> tuple[int, int]:
        return self._original.locate(self._trim.to_original(path), prefer_key=prefer_key)

    def locate_in_string(self, path: JsonPath, index: int) -> tuple[int, int]:
        return self._original.locate_in_string(self._trim.to_original(path), index)


def document_as_of(doc: CaseDocument, value: float, unit: str) -> CaseDocument:
    if unit not in UNITS:
        raise DurationError(f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
    return AsOfDocument(doc, _trim(doc.data, value, unit))
