"""What a case holds, read one way by every part of casekit: patients, credits, times.

A case is about one patient (the patient's details at the top level) or, from format
version 2, it is a case series: ``patients`` lists two or more entries, each with the
patient's own details, timeline, findings, tests, diagnoses, treatment, outcome and
consent, under one shared title, introduction, discussion, learning points and
references.

Code written for one patient reads a series through :func:`patient_views`: each patient
as a case-like dict (the shared fields plus that patient's own, in the order of the
file) with the JSON path where that patient's entry sits, so that a rule or a renderer
runs unchanged on each patient and maps what it finds back into the file. What the
series is as a whole (how many patients, their ages and sexes) is derived here by
:func:`series_summary`, never typed into the case. Who is credited for a case
(:func:`credited_authors`) and when each procedure happened (:func:`placed_items`) are
answered here too, so that lint, the abstract, the web page and the site agree.

Every function accepts schema-valid data; they also tolerate a damaged case (a wrong
type reads as absent) because the site and the renderers may meet one.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from casekit import durations
from casekit.findings import JsonPath

#: The fields that belong to one patient: at the top level of a single-patient case, in
#: each entry of ``patients`` in a series.
PER_PATIENT_KEYS = (
    "patient",
    "timeline",
    "findings",
    "investigations",
    "tissue_samples",
    "diagnoses",
    "differential",
    "interventions",
    "outcome",
    "patient_perspective",
    "consent",
)
#: The value a case gives where its source does not say (consent status, a diagnosis's
#: basis and certainty, an alternative's status).
NOT_REPORTED = "not-reported"
#: Sexes in the order the schema lists them (for summaries and facets).
SEXES = ("female", "male", "intersex", "not-stated")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# --- patients -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PatientView:
    """One patient of a case, read as a single-patient case.

    ``prefix`` is ``()`` for a single-patient case and ``("patients", i)`` in a series;
    ``data`` holds the shared fields and this patient's own; ``label`` is how to name
    the patient to a reader ('Patient 2', or the entry's own label).
    """

    prefix: JsonPath
    data: dict[str, Any]
    label: str
    patient_id: str | None = None

    def case_path(self, path: JsonPath) -> JsonPath:
        """Where a path inside :attr:`data` lies in the case file."""
        if self.prefix and path and path[0] in PER_PATIENT_KEYS:
            return (*self.prefix, *path)
        return path

    @property
    def position(self) -> int:
        """0-based position in the series (0 for a single-patient case)."""
        return int(self.prefix[1]) if self.prefix else 0


def is_series(case: Any) -> bool:
    """Whether the case is a case series (it has a ``patients`` list)."""
    return isinstance(case, dict) and isinstance(case.get("patients"), list)


def patient_label(entry: Any, index: int) -> str:
    """The entry's own label, else 'Patient N' (1-based, in file order)."""
    label = _dict(entry).get("label")
    if isinstance(label, str) and label.strip():
        return " ".join(label.split())
    return f"Patient {index + 1}"


def patient_views(case: dict[str, Any]) -> list[PatientView]:
    """Every patient of the case as a case-like dict: one for a single-patient case,
    one per entry of ``patients`` in a series (in file order)."""
    if not is_series(case):
        return [PatientView((), case, "The patient")]
    views = []
    for index, entry in enumerate(case["patients"]):
        if not isinstance(entry, dict):
            continue
        data: dict[str, Any] = {}
        for key, value in case.items():
            if key == "patients":  # the patient's own fields where the list stands
                data.update((k, v) for k, v in entry.items() if k in PER_PATIENT_KEYS)
            elif key not in PER_PATIENT_KEYS:
                data[key] = value
        patient_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        views.append(
            PatientView(("patients", index), data, patient_label(entry, index), patient_id)
        )
    return views


def patient_count(case: dict[str, Any]) -> int:
    return len(patient_views(case)) if is_series(case) else 1


@dataclass(frozen=True)
class SeriesSummary:
    """What a case says about its patients as a group (a single patient is a group of one).

    ``ages`` and ``sexes`` follow the patients in file order (``None`` / 'not-stated'
    where a patient's is not given); ``youngest`` and ``oldest`` are the age objects as
    written.
    """

    count: int
    ages: tuple[dict[str, Any] | None, ...]
    sexes: tuple[str, ...]
    youngest: dict[str, Any] | None
    oldest: dict[str, Any] | None

    @property
    def sex_counts(self) -> dict[str, int]:
        """How many patients of each sex, in the schema's order, only those present."""
        counted = Counter(self.sexes)
        return {sex: counted[sex] for sex in SEXES if counted[sex]}

    @property
    def age_range(self) -> str:
        """'2 to 10 years', '18 months to 4 years', '3 years' (all alike); '' if no ages."""
        low, high = self.youngest, self.oldest
        if low is None or high is None:
            return ""
        if durations.to_days(low) == durations.to_days(high):
            return durations.phrase(low)
        low_parts, high_parts = durations.parts(low), durations.parts(high)
        if len(low_parts) == len(high_parts) == 1 and low_parts[0][1] == high_parts[0][1]:
            unit = high_parts[0][1]
            return (
                f"{durations.number(low_parts[0][0])} to {durations.amount(high_parts[0][0], unit)}"
            )
        return f"{durations.phrase(low)} to {durations.phrase(high)}"


def _age(view: PatientView) -> dict[str, Any] | None:
    age = _dict(view.data.get("patient")).get("age")
    if not isinstance(age, dict):
        return None
    try:
        durations.to_days(age)
    except (KeyError, TypeError, ValueError):
        return None
    return age


def series_summary(case: dict[str, Any]) -> SeriesSummary:
    """Count, ages and sexes of the case's patients, derived from their entries."""
    views = patient_views(case)
    ages = tuple(_age(view) for view in views)
    sexes = tuple(
        str(_dict(view.data.get("patient")).get("sex") or "not-stated")
        if _dict(view.data.get("patient")).get("sex") in SEXES
        else "not-stated"
        for view in views
    )
    known = [age for age in ages if age is not None]
    return SeriesSummary(
        count=len(views),
        ages=ages,
        sexes=sexes,
        youngest=min(known, key=durations.to_days) if known else None,
        oldest=max(known, key=durations.to_days) if known else None,
    )


def consents(case: dict[str, Any]) -> list[tuple[PatientView, dict[str, Any]]]:
    """Each patient's consent (an empty dict where none is recorded)."""
    return [(view, _dict(view.data.get("consent"))) for view in patient_views(case)]


def diagnoses(case: dict[str, Any]) -> list[tuple[JsonPath, dict[str, Any]]]:
    """Every diagnosis of every patient, with its path in the file."""
    return [
        (view.case_path(("diagnoses", i)), dx)
        for view in patient_views(case)
        for i, dx in enumerate(_list(view.data.get("diagnoses")))
        if isinstance(dx, dict)
    ]


# --- who is credited ------------------------------------------------------------------------


@dataclass(frozen=True)
class Credit:
    """A person to name on the report, as pages and abstracts print them."""

    name: str
    affiliations: tuple[str, ...] = ()
    orcid: str | None = None
    corresponding: bool = False


def is_curated(case: dict[str, Any]) -> bool:
    """Whether the case is curated from the published literature."""
    return _dict(case.get("source")).get("kind") == "published-literature"


def source_reference(case: dict[str, Any]) -> dict[str, Any] | None:
    """The reference a curated case names as its original publication, if present."""
    wanted = _dict(case.get("source")).get("reference")
    if not isinstance(wanted, str):
        return None
    return next(
        (r for r in _list(case.get("references")) if isinstance(r, dict) and r.get("id") == wanted),
        None,
    )


def csl_name(author: Any) -> str:
    """A CSL-JSON name as printed: 'A. McMahon' from given 'A.' and family 'McMahon'."""
    author = _dict(author)
    if isinstance(author.get("literal"), str):
        return " ".join(author["literal"].split())
    parts = [author.get(key) for key in ("given", "family")]
    return " ".join(" ".join(p.split()) for p in parts if isinstance(p, str) and p.strip())


def _credits(case: dict[str, Any], role: str) -> list[Credit]:
    found = []
    for author in _list(case.get("authors")):
        if not isinstance(author, dict) or (author.get("role") or "author") != role:
            continue
        name = author.get("name")
        if not isinstance(name, str) or not name.strip():
            continue
        found.append(
            Credit(
                name=" ".join(name.split()),
                affiliations=tuple(
                    a for a in _list(author.get("affiliations")) if isinstance(a, str)
                ),
                orcid=author.get("orcid") if isinstance(author.get("orcid"), str) else None,
                corresponding=author.get("corresponding") is True,
            )
        )
    return found


def curators(case: dict[str, Any]) -> list[Credit]:
    """The people who curated the case (authors with role 'curator')."""
    return _credits(case, "curator")


def credited_authors(case: dict[str, Any]) -> list[Credit]:
    """Who the report is credited to, for pages and abstracts.

    For a case curated from the literature: the authors of its original publication as
    the source reference names them (never the curators); if the reference names none,
    the case's own authors other than curators. For any other case: its authors other
    than curators.
    """
    if is_curated(case):
        reference = source_reference(case)
        names = [csl_name(a) for a in _list((reference or {}).get("author"))]
        original = [Credit(name) for name in names if name]
        if original:
            return original
    return _credits(case, "author")


# --- procedures in time ----------------------------------------------------------------------

#: The kinds of item that can be placed in time, where each list lives in a patient's data.
PLACEABLE: dict[str, tuple[str, ...]] = {
    "tissue_sample": ("tissue_samples",),
    "intervention": ("interventions",),
    "imaging": ("investigations", "imaging"),
    "other_test": ("investigations", "other"),
}


@dataclass(frozen=True)
class Placed:
    """An item (a tissue sample, an intervention, an imaging study, another test) and when
    it happened.

    ``how`` says where the time comes from: 'own time' (the item's ``time``), 'event'
    (the event its ``event`` names), 'linked' (the earliest timeline event whose
    ``links`` list it), or 'unplaced' (the case does not say; ``time`` is None).
    ``path`` is relative to the patient's data (map it with
    :meth:`PatientView.case_path`).
    """

    kind: str
    path: JsonPath
    item: dict[str, Any]
    time: dict[str, Any] | None
    until: dict[str, Any] | None
    event_id: str | None
    how: str

    @property
    def days(self) -> float | None:
        return durations.to_days(self.time) if self.time is not None else None


def _events(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        e["id"]: e
        for e in _list(data.get("timeline"))
        if isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("time"), dict)
    }


def linking_events(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """For each item id, the timeline events whose ``links`` list it (in file order)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for event in _events(data).values():
        for target in _list(event.get("links")):
            if isinstance(target, str):
                found.setdefault(target, []).append(event)
    return found


def _items(data: dict[str, Any], where: tuple[str, ...]) -> list[Any]:
    node: Any = data
    for key in where:
        node = _dict(node).get(key)
    return _list(node)


def placed_items(data: dict[str, Any]) -> list[Placed]:
    """Every tissue sample, intervention, imaging study and other test of one patient
    (``data`` is a single-patient case or a :class:`PatientView`'s data), with when it
    happened, in time order; items the case does not place in time come last."""
    events = _events(data)
    linked = linking_events(data)
    out: list[Placed] = []
    for kind, where in PLACEABLE.items():
        for index, item in enumerate(_items(data, where)):
            if not isinstance(item, dict):
                continue
            until = item.get("until") if isinstance(item.get("until"), dict) else None
            own_event = item.get("event") if isinstance(item.get("event"), str) else None
            time: dict[str, Any] | None
            if isinstance(item.get("time"), dict):
                time, how, event_id = item["time"], "own time", own_event
            elif own_event in events:
                time, how, event_id = events[own_event]["time"], "event", own_event
            elif linked.get(str(item.get("id"))):
                first = min(linked[str(item["id"])], key=lambda e: durations.to_days(e["time"]))
                time, how, event_id = first["time"], "linked", first["id"]
            else:
                time, how, event_id = None, "unplaced", None
            out.append(Placed(kind, (*where, index), item, time, until, event_id, how))
    return sorted(out, key=lambda p: (p.days is None, p.days or 0.0))


def named_events(data: dict[str, Any]) -> set[str]:
    """Every event id that an item :func:`placed_items` would list names in its ``event``."""
    return {
        item["event"]
        for where in PLACEABLE.values()
        for item in _items(data, where)
        if isinstance(item, dict) and isinstance(item.get("event"), str)
    }


def time_of(data: dict[str, Any], item_id: str) -> dict[str, Any] | None:
    """When the item with ``item_id`` happened, as :func:`placed_items` decides, or None."""
    return next((p.time for p in placed_items(data) if p.item.get("id") == item_id), None)


# --- imaging modalities ------------------------------------------------------------------------

_MODALITIES = Path(__file__).resolve().parent / "lint" / "data" / "modalities.json"


@cache
def modalities() -> dict[str, dict[str, Any]]:
    """Each modality value with its label and DICOM codes (lint/data/modalities.json)."""
    with _MODALITIES.open(encoding="utf-8") as handle:
        table: dict[str, dict[str, Any]] = json.load(handle)["modalities"]
    return table


def modality_name(study: dict[str, Any]) -> str:
    """What a reader calls an imaging study's modality: 'Echocardiography', 'PET-CT', or the
    author's words for 'other' ('thermography')."""
    value = str(study.get("modality", ""))
    other = study.get("modality_other")
    if value == "other" and isinstance(other, str) and other.strip():
        return " ".join(other.split())
    entry = modalities().get(value)
    return str(entry["label"]) if entry else value.replace("-", " ")
