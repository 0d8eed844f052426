"""The starting point of a new case: every CARE section present, each with a short
``TODO:`` note saying what belongs there.

The skeleton is schema-valid so that an author can run ``casekit validate`` at once;
the ``TODO:`` notes are meant to be replaced before the case leaves 'draft'. A case
series (:func:`series_skeleton`) has the same sections for each of its patients.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casekit.model import PER_PATIENT_KEYS
from casekit.resources import schema_version

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,79}\Z")
SCHEMA_IN_LIBRARY = Path("schema") / "case.schema.json"


@dataclass
class PatientEssentials:
    """What ``casekit new --interactive`` asks about each patient."""

    age: dict[str, Any] = field(default_factory=lambda: {"value": 0, "unit": "years"})
    sex: str = "not-stated"
    presenting_complaint: str = (
        "TODO: the main symptoms that brought the patient to care, in one sentence."
    )


@dataclass
class Essentials(PatientEssentials):
    """What ``casekit new --interactive`` asks; defaults leave the TODO notes in place."""

    status: str = "draft"


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot be a case id, in plain words; ``None`` when it can."""
    if SLUG_PATTERN.match(slug):
        return None
    return (
        f"'{slug}' cannot be used as a case name. Use 3 to 80 lower-case letters, digits and"
        " single hyphens, starting and ending with a letter or digit (for example"
        " 'crmo-not-crmo'). Never use the patient's name, initials or record number."
    )


def schema_reference(case_dir: Path) -> str | None:
    """A relative path from ``case_dir`` to the library's schema, if one is found above it."""
    start = case_dir.resolve()
    for folder in (start, *start.parents):
        candidate = folder / SCHEMA_IN_LIBRARY
        if candidate.is_file():
            return Path(os.path.relpath(candidate, start)).as_posix()
    return None


def skeleton(
    slug: str, essentials: Essentials | None = None, schema_ref: str | None = None
) -> dict[str, Any]:
    """A new case named ``slug``; keys are put in schema order by the formatter."""
    e = essentials or Essentials()
    case: dict[str, Any] = {}
    if schema_ref:
        case["$schema"] = schema_ref
    case |= {
        "schema_version": schema_version(),
        "id": slug,
        "title": "TODO: what the case is about: the diagnosis or the main intervention.",
        "status": e.status,
        "authors": [
            {
                "name": "TODO: your name as it should be printed",
                "affiliations": ["TODO: department, institution"],
                "corresponding": True,
            }
        ],
        "keywords": ["TODO: two to five keywords, ideally MeSH terms (CARE 2)"],
        "specialty": "TODO: the clinical specialty, for grouping cases in the library",
        "themes": [],
        "source": {"kind": "own-patient"},
        "introduction": "TODO: why this case matters, in one or two paragraphs (CARE 4).",
        "patient": {
            "age": dict(e.age),
            "sex": e.sex,
            "presenting_complaint": e.presenting_complaint,
            "history": "TODO: past medical history that matters to this case (CARE 5).",
            "family_history": "TODO: relevant family history, or remove this line.",
            "psychosocial_history": "TODO: relevant social circumstances, without identifying"
            " details, or remove this line.",
        },
        "timeline": [
            {
                "id": "t-presentation",
                "time": {"value": 0, "unit": "days"},
                "category": "presentation",
                "description": "TODO: what happened at the first presentation. Give times"
                " relative to it, never calendar dates (CARE 7).",
                "links": ["f-main", "dx-working"],
            }
        ],
        "findings": [
            {
                "id": "f-main",
                "kind": "symptom",
                "description": "TODO: a symptom or examination finding (CARE 6). To make it"
                ' searchable, add "codes" with an HPO term: casekit codes suggest "words".',
            }
        ],
        "investigations": {"laboratory": [], "imaging": [], "other": []},
        "tissue_samples": [],
        "diagnoses": [
            {
                "id": "dx-working",
                "name": "TODO: the first diagnosis considered (CARE 8). Optionally add"
                ' "codes" (ICD-10, ORPHA, OMIM...): see the authoring guide on coding.',
                "role": "working",
                "certainty": "possible",
                "basis": ["clinical"],
            }
        ],
        "differential": [],
        "interventions": [],
        "outcome": {
            "summary": "TODO: clinician- and patient-assessed outcomes (CARE 10).",
            "follow_up": "TODO: how long the patient was followed, and the tests.",
            "adverse_events": "TODO: adverse events; write 'None.' if there were none.",
        },
        "discussion": "TODO: strengths and limitations, the literature, and the reasoning"
        " behind your conclusions (CARE 11).",
        "learning_points": ["TODO: one take-away lesson per line (CARE 11)."],
        "patient_perspective": "TODO: the patient's or family's own account, if they wish to"
        " share it (CARE 12), or remove this line.",
        "consent": {"status": "pending"},
        "references": [],
    }
    return case


#: The largest series ``casekit new --series`` starts (the schema's bound on 'patients').
MAX_SERIES = 200


def series_skeleton(
    slug: str,
    count: int,
    essentials: list[PatientEssentials] | None = None,
    schema_ref: str | None = None,
    status: str = "draft",
) -> dict[str, Any]:
    """A new case series of ``count`` patients, each with every per-patient section.

    Patient N has id 'pN', label 'Patient N', and ids prefixed 'pN-' (ids are unique
    across the file); ``essentials`` fills in each patient's age, sex and complaint.
    """
    answers = list(essentials or [])
    answers += [PatientEssentials() for _ in range(count - len(answers))]
    single = skeleton(slug, Essentials(status=status), schema_ref)
    own = {key: single.pop(key) for key in PER_PATIENT_KEYS if key in single}
    template = json.dumps(own)
    ids = set(re.findall(r'"id": "([^"]+)"', template))
    patients = []
    for number, answer in enumerate(answers[:count], start=1):
        prefix = f"p{number}-"

        def renamed(match: re.Match[str], prefix: str = prefix) -> str:
            word = match.group(1)
            return f'"{prefix}{word}"' if word in ids else match.group(0)

        text = re.sub(r'"([^"]+)"', renamed, template)
        entry: dict[str, Any] = {"id": f"p{number}", "label": f"Patient {number}"}
        entry |= json.loads(text)
        entry["patient"] |= {
            "age": dict(answer.age),
            "sex": answer.sex,
            "presenting_complaint": answer.presenting_complaint,
        }
        patients.append(entry)
    case: dict[str, Any] = {}
    for key, value in single.items():
        case[key] = value
        if key == "introduction":
            case["patients"] = patients
    case["title"] = (
        "TODO: what the series is about: the diagnosis, the presentation or the pitfall."
    )
    case["introduction"] = (
        "TODO: why this series matters, in one or two paragraphs (CARE 4). Each patient's own"
        " details go in their entry in 'patients'; casekit counts the patients and gives"
        " their ages and sexes itself."
    )
    return case
