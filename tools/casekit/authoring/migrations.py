"""Upgrading case files from one version of the case format to the next.

Each step is a function registered for the version it upgrades *from*; it receives the
case data (as parsed by :func:`casekit.authoring.jsonfmt.parse_lossless`, numbers kept
as written) and returns the data one version later, including the new
``schema_version``. :func:`migrate` applies the steps in order.

Version history:

* **2**: case series (``patients``), an explicit 'not-reported' for what the source does
  not say, authors optional for a curated case (with a curator role), procedures placed
  in time, ages and times in parts (``{"years": 2, "months": 8}``), more imaging
  modalities. Every version-1 field keeps its meaning, so a version-1 case is a
  version-2 case once its version says 2: the step changes nothing else. Version-1
  files are still read, with a warning (CK020), until format version 3.
* **1**: the first published format.
* **0**: a pre-release draft, never published. It stored the patient's age as a bare
  number of years (``patient.age_years``). It exists so the migration mechanism is
  tested; no real case library uses it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from casekit.authoring.jsonfmt import RawNumber, to_plain
from casekit.findings import JsonPath, format_json_path
from casekit.resources import schema_version

Step = Callable[[dict[str, Any]], dict[str, Any]]

#: ``STEPS[n]`` upgrades a version-``n`` case to version ``n + 1``.
STEPS: dict[int, Step] = {}


class MigrationError(Exception):
    """A case cannot be upgraded; the message says why and what to do."""


def step(from_version: int) -> Callable[[Step], Step]:
    def register(func: Step) -> Step:
        if from_version in STEPS:
            raise ValueError(f"two migration steps from version {from_version}")
        STEPS[from_version] = func
        return func

    return register


@step(0)
def _age_years_to_age_object(case: dict[str, Any]) -> dict[str, Any]:
    """Version 0 wrote ``"age_years": 3``; version 1 ``"age": {"value": 3, "unit": "years"}``."""
    patient = case.get("patient")
    if isinstance(patient, dict) and "age_years" in patient and "age" not in patient:
        rebuilt: dict[str, Any] = {}
        for key, value in patient.items():
            if key == "age_years":
                rebuilt["age"] = {"value": value, "unit": "years"}
            else:
                rebuilt[key] = value
        case["patient"] = rebuilt
    case["schema_version"] = 1
    return case


@step(1)
def _version_2(case: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only adds to version 1: the version number is all that changes."""
    case["schema_version"] = 2
    return case


def version_of(case: Any) -> int:
    """The case's ``schema_version``, or :class:`MigrationError` explaining what is wrong."""
    if not isinstance(case, dict):
        raise MigrationError("the file does not hold a case (a JSON object { ... }).")
    if "schema_version" not in case:
        raise MigrationError(
            "the case has no 'schema_version'. Add \"schema_version\": N for the format it was"
            f" written in (the current format is {schema_version()})."
        )
    raw = case["schema_version"]
    value = raw.value() if isinstance(raw, RawNumber) else raw
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MigrationError(
            f"'schema_version' must be a whole number such as {schema_version()}, not {raw!r}."
        )
    return value


def pending_steps(version: int) -> list[int]:
    """The versions to step from, in order, to reach the current format."""
    current = schema_version()
    if version > current:
        raise MigrationError(
            f"the case is in format version {version}, newer than this casekit understands"
            f" (version {current}). Upgrade casekit: pip install --upgrade casekit."
        )
    missing = [v for v in range(version, current) if v not in STEPS]
    if missing:
        raise MigrationError(
            f"casekit cannot upgrade a case from format version {missing[0]}: it was never a"
            " published format. Check the 'schema_version' value."
        )
    return list(range(version, current))


def migrate(case: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The case upgraded to the current format, and the version it started from."""
    start = version_of(case)
    for version in pending_steps(start):
        case = STEPS[version](case)
    return case, start


def _leaves(data: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path, data


def _comparable(value: Any) -> Any:
    """A leaf as a value: 7.0 and 7 stay different (the text is kept), 'x' is 'x'."""
    return ("number", value.text) if isinstance(value, RawNumber) else (type(value).__name__, value)


def lost_values(before: Any, after: Any) -> list[tuple[JsonPath, Any]]:
    """Values of ``before`` (other than its ``schema_version``) that ``after`` no longer
    holds anywhere: what an upgrade would lose. Empty for every step casekit ships."""
    kept = Counter(_comparable(v) for p, v in _leaves(after) if p != ("schema_version",))
    lost = []
    for path, value in _leaves(before):
        if path == ("schema_version",):
            continue
        key = _comparable(value)
        if kept[key]:
            kept[key] -= 1
        else:
            lost.append((path, value))
    return lost


def describe_changes(before: Any, after: Any, path: JsonPath = ()) -> list[str]:
    """What an upgrade changes, one line per place: '$.schema_version: 1 -> 2'."""
    if isinstance(before, dict) and isinstance(after, dict):
        lines = []
        for key in before:
            if key not in after:
                lines.append(f"{format_json_path((*path, key))}: removed")
            else:
                lines += describe_changes(before[key], after[key], (*path, key))
        lines += [f"{format_json_path((*path, key))}: added" for key in after if key not in before]
        return lines
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [
            line
            for index, (old, new) in enumerate(zip(before, after, strict=True))
            for line in describe_changes(old, new, (*path, index))
        ]
    if before == after:
        return []
    shown = [_shown(v) for v in (before, after)]
    return [f"{format_json_path(path)}: {shown[0]} -> {shown[1]}"]


def _shown(value: Any) -> str:
    text = json.dumps(to_plain(value), ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
