"""Laboratory results as clinicians read them: one row per test, one column per time point.

A case lists each measurement on its own (``investigations.laboratory``) and places it in
time through the timeline events that link to it. The page pivots them: a row per test
(the same test in the same unit), a column per distinct time from presentation, the unit
and reference range once per row. A value outside its range carries its flag as a word
("high"), not colour alone. Nothing is filled in for what the case does not state: a test
not measured at a time has an empty cell, and the range column appears only when the case
gives a range.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casekit import durations, model
from casekit.render import text
from casekit.render.units import display_unit

#: The heading of the column for results the case does not place in time.
UNTIMED = "Time not given"


@dataclass(frozen=True)
class Cell:
    value: str
    #: 'high', 'low', 'abnormal' (shown with the value); '' for normal or unknown.
    flag: str = ""


@dataclass
class Row:
    test: str
    abbreviation: str
    unit: str
    reference_range: str
    range_source: str
    #: One list of cells per column (usually one cell; two values at one time are both kept).
    cells: list[list[Cell]] = field(default_factory=list)


@dataclass
class LabTable:
    columns: list[str]
    rows: list[Row]
    has_ranges: bool


def lab_times(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each laboratory result's time: that of the earliest timeline event linking to it."""
    times: dict[str, dict[str, Any]] = {}
    for item_id, events in model.linking_events(data).items():
        first = min(events, key=lambda e: text.in_days(e.get("time") or {}))
        times[item_id] = first.get("time") or {}
    return times


def column_label(duration: dict[str, Any] | None) -> str:
    """'At presentation', '1 week', 'About 6 months', '2 weeks before'."""
    if duration is None:
        return UNTIMED
    if durations.is_zero(duration):
        return "At presentation"
    return text.figure_time(duration)


def _flag(result: dict[str, Any]) -> str:
    flag = text.lab_flag(result)
    return flag if flag in ("high", "low", "abnormal") else ""


def lab_table(data: dict[str, Any]) -> LabTable | None:
    """The pivoted table of one patient's laboratory results, or None when there are none."""
    results = [
        r
        for r in (data.get("investigations") or {}).get("laboratory", []) or []
        if isinstance(r, dict)
    ]
    if not results:
        return None
    times = lab_times(data)
    # Columns: distinct times in time order (two results at the same time share a column).
    keyed: dict[tuple[float, str], str] = {}
    for result in results:
        when = times.get(str(result.get("id")))
        key = (text.in_days(when), column_label(when)) if when else (float("inf"), UNTIMED)
        keyed.setdefault(key, key[1])
    order = sorted(keyed)
    column_of = {key: i for i, key in enumerate(order)}
    rows: dict[tuple[str, str], Row] = {}
    for result in results:
        name = str(result.get("test", ""))
        unit = str(result.get("unit", ""))
        row = rows.get((name.casefold(), unit))
        if row is None:
            row = Row(
                test=name,
                abbreviation=str(result.get("abbreviation", "")),
                unit=display_unit(unit),
                reference_range="",
                range_source="",
                cells=[[] for _ in order],
            )
            rows[(name.casefold(), unit)] = row
        if not row.reference_range and result.get("reference_range"):
            row.reference_range = text.reference_range(result)
            row.range_source = str((result.get("reference_range") or {}).get("source", ""))
        when = times.get(str(result.get("id")))
        key = (text.in_days(when), column_label(when)) if when else (float("inf"), UNTIMED)
        row.cells[column_of[key]].append(Cell(text.lab_value(result), _flag(result)))
    return LabTable(
        columns=[label for _, label in order],
        rows=list(rows.values()),
        has_ranges=any(row.reference_range for row in rows.values()),
    )
