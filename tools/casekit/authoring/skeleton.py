"""The starting point of a new case: every CARE section present, each with a short
``TODO:`` note saying what belongs there.

The skeleton is schema-valid so that an author can run ``casekit validate`` at once;
the ``TODO:`` notes are meant to be replaced before the case leaves 'draft'.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casekit.resources import schema_version

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,79}$")
SCHEMA_IN_LIBRARY = Path("schema") / "case.schema.json"


@dataclass
class Essentials:
    """What ``casekit new --interactive`` asks; defaults leave the TODO notes in place."""

    age_value: int | float = 0
    age_unit: str = "years"
    sex: str = "not-stated"
    presenting_complaint: str = (
        "TODO: the main symptoms that brought the patient to care, in one sentence."
    )
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
            "age": {"value": e.age_value, "unit": e.age_unit},
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
                "description": "TODO: a symptom or examination finding (CARE 6).",
            }
        ],
        "investigations": {"laboratory": [], "imaging": [], "other": []},
        "tissue_samples": [],
        "diagnoses": [
            {
                "id": "dx-working",
                "name": "TODO: the first diagnosis considered (CARE 8).",
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
