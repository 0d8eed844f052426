"""CK540-CK542: tissue samples, treatments and other procedures placed in time.

From format version 2 a procedure can carry its own time or name the timeline event at
which it happened; older cases place it only through an event's ``links``. These rules
check that the ways agree, that a treatment does not stop before it starts, and say
when a biopsy or a treatment is not placed in time at all (it then cannot appear on the
timeline figure or in the story of the case). :func:`casekit.model.placed_items` decides
when each item happened; the renderers read the same answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from casekit import durations, model
from casekit.findings import Severity
from casekit.lint.engine import CaseView, Hit, rule

#: Two times closer than this (in days; about a second) are the same time.
_SAME = 1e-5


def _placed(case: CaseView) -> list[model.Placed]:
    """When each procedure happened, worked out once per patient for the three rules."""
    return model.placed_items(case.data)


def _name(placed: model.Placed) -> str:
    item = placed.item
    if placed.kind == "tissue_sample":
        text = str(item.get("kind", "tissue sample"))
    elif placed.kind == "imaging":
        text = f"{item.get('modality', 'imaging')} of the {item.get('site', '')}".strip()
    elif placed.kind == "other_test":
        text = str(item.get("name", "test"))
    else:
        text = str(item.get("description", "intervention"))
    text = " ".join(text.split())
    text = text if len(text) <= 60 else text[:57].rstrip() + "…"
    return f"'{text}' ({item.get('id')})"


def _when(time: dict[str, Any]) -> str:
    if durations.is_zero(time):
        return "presentation"
    side = "before" if durations.is_before(time) else "after"
    return f"{durations.phrase(time)} {side} presentation"


@rule(
    "CK540",
    "procedure-time-disagrees",
    "data-quality",
    Severity.WARNING,
    summary="A procedure's own time disagrees with the timeline event it names or that lists it.",
    rationale="A tissue sample, treatment or test placed at one time by its own 'time' and at"
    " another by its timeline event would be drawn and told at the wrong moment; usually one"
    " of the two times, or the link, is wrong.",
    bad='"time": {"value": 3, "unit": "months"}, "event": "t-4-months"  (an event at 4 months)',
    good='"event": "t-4-months"  (and no separate time)',
)
def procedure_time_disagrees(case: CaseView) -> Iterator[Hit]:
    events = {e["id"]: e for e in case.data.get("timeline") or []}
    linking = model.linking_events(case.data)
    for placed in case.shared(_placed):
        if placed.time is None or placed.how not in ("own time", "event"):
            continue
        at = durations.to_days(placed.time)
        own_event = events.get(placed.item.get("event", ""))
        if (
            placed.how == "own time"
            and own_event is not None
            and abs(durations.to_days(own_event["time"]) - at) > _SAME
        ):
            yield Hit(
                (*placed.path, "time"),
                f"{_name(placed)} is given at {_when(placed.time)}, but its event"
                f" '{own_event['id']}' is at {_when(own_event['time'])}.",
                "Correct the time or the event; when the event is right, leave the time"
                " out (the event gives it).",
            )
            continue
        listed = linking.get(str(placed.item.get("id")), [])
        if listed and all(abs(durations.to_days(e["time"]) - at) > _SAME for e in listed):
            where = "time" if placed.how == "own time" else "event"
            yield Hit(
                (*placed.path, where),
                f"{_name(placed)} is placed at {_when(placed.time)}, but the timeline event"
                f" '{listed[0]['id']}' that lists it is at {_when(listed[0]['time'])}.",
                "Correct the time, or link the item from the event at which it happened.",
            )


@rule(
    "CK541",
    "treatment-stops-before-it-starts",
    "data-quality",
    Severity.ERROR,
    summary="A treatment stops ('until') before it starts.",
    rationale="A course that ends before it begins is a wrong time or unit; the timeline"
    " figure would draw it backwards.",
    bad='"time": {"value": 2, "unit": "weeks"}, "until": {"value": 3, "unit": "days"}',
    good='"time": {"value": 3, "unit": "days"}, "until": {"value": 2, "unit": "weeks"}',
)
def treatment_stops_before_it_starts(case: CaseView) -> Iterator[Hit]:
    for placed in case.shared(_placed):
        if placed.until is None or placed.time is None:
            continue
        if durations.to_days(placed.until) < durations.to_days(placed.time) - _SAME:
            yield Hit(
                (*placed.path, "until"),
                f"{_name(placed)} stops at {_when(placed.until)}, before it starts at"
                f" {_when(placed.time)}.",
                "Check both times and their units.",
            )


@rule(
    "CK542",
    "procedure-not-in-time",
    "data-quality",
    Severity.INFO,
    summary="A performed biopsy or a treatment is not placed in time.",
    rationale="'When was the marrow aspirate done?' A procedure with no time, no event and no"
    " timeline event that lists it cannot appear on the timeline figure or in the story of"
    " the case.",
    bad='{"id": "ts-marrow", "kind": "bone marrow aspirate", "status": "performed", ...}'
    "  (in no event's links, no time)",
    good='{"id": "ts-marrow", ..., "event": "t-6-months"}',
)
def procedure_not_in_time(case: CaseView) -> Iterator[Hit]:
    for placed in case.shared(_placed):
        if placed.how != "unplaced" or placed.kind not in ("tissue_sample", "intervention"):
            continue
        if placed.kind == "tissue_sample" and placed.item.get("status") != "performed":
            continue
        yield Hit(
            placed.path,
            f"{_name(placed)} is not placed in time.",
            "Give its 'time' from presentation, or 'event' (the id of the timeline event at"
            " which it was done); if the report does not say when, leave it.",
        )
