"""The CARE checklist, filled in from a case: each item with where the case reports it.

Item wording is paraphrased from care-statement.org/care-checklist.html and the EQUATOR
Network's CARE pages. Two numberings circulate:
the 2013 table published in J Med Case Rep 2013;7:223 (abstract 3a-3c, patient
information 5a-5c) and the checklist used with the 2017 explanation and elaboration
(Riley et al., J Clin Epidemiol 2017;89:218-235; abstract 3a-3d, patient information
5a-5d). Each item carries both numbers. Where the case "reports" an item means the field
of the case file (and so the section of the rendered report) that holds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casekit import model
from casekit.images.context import support_lines

SOURCES = (
    "CARE checklist 2013: https://www.care-statement.org/care-checklist.html"
    " (2013 numbering as in J Med Case Rep 2013;7:223)",
    "CARE explanation and elaboration: Riley DS et al. J Clin Epidemiol 2017;89:218-235"
    " (2017 numbering)",
)


@dataclass(frozen=True)
class CareItem:
    n2013: str
    n2017: str
    topic: str
    item: str
    locate: Callable[[dict[str, Any]], list[str]]


@dataclass(frozen=True)
class FilledItem:
    n2013: str
    n2017: str
    topic: str
    item: str
    where: str
    reported: bool


def _has(value: Any) -> bool:
    return bool(value) and (not isinstance(value, str) or bool(value.strip()))


def _field(*path: str, label: str) -> Callable[[dict[str, Any]], list[str]]:
    def locate(case: dict[str, Any]) -> list[str]:
        value: Any = case
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if not _has(value):
            return []
        count = f" ({len(value)})" if isinstance(value, list) else ""
        return [f"{label}{count}"]

    return locate


def _any(*locators: Callable[[dict[str, Any]], list[str]]) -> Callable[[dict[str, Any]], list[str]]:
    def locate(case: dict[str, Any]) -> list[str]:
        return [w for loc in locators for w in loc(case)]

    return locate


def _abstract(
    *sources: Callable[[dict[str, Any]], list[str]],
) -> Callable[[dict[str, Any]], list[str]]:
    def locate(case: dict[str, Any]) -> list[str]:
        found = [w for s in sources for w in s(case)]
        return (
            [f"Abstract (casekit render --format abstract), built from: {', '.join(found)}"]
            if found
            else []
        )

    return locate


def _revised(case: dict[str, Any]) -> list[str]:
    roles = [d.get("role") for d in case.get("diagnoses", []) or []]
    if any(r in ("presumptive", "revised") for r in roles) or any(
        d.get("revised_to") for d in case.get("diagnoses", []) or []
    ):
        return ["Diagnoses: presumptive or revised diagnoses show the diagnostic challenge"]
    return []


def _changes(case: dict[str, Any]) -> list[str]:
    changed = [i for i in case.get("interventions", []) or [] if i.get("change")]
    return [f"Interventions: change and rationale ({len(changed)})"] if changed else []


def _title(case: dict[str, Any]) -> list[str]:
    title = str(case.get("title", ""))
    if not title:
        return []
    note = (
        ""
        if "case report" in title.lower()
        else " (without the words 'case report'; some venues forbid them)"
    )
    return [f"Title{note}"]


def _consent(case: dict[str, Any]) -> list[str]:
    consent = case.get("consent") or {}
    if _has(consent.get("statement")):
        return ["Consent statement"]
    if consent.get("status"):
        return [f"Consent: status '{consent['status']}' (no statement to print)"]
    return []


_INTRO = _field("introduction", label="Introduction")
_COMPLAINT = _field("patient", "presenting_complaint", label="Patient: presenting complaint")
_FINDINGS = _field("findings", label="Clinical findings")
_DIAGNOSES = _field("diagnoses", label="Diagnoses")


def _prognosis(case: dict[str, Any]) -> list[str]:
    diagnoses = case.get("diagnoses") or []
    given = [d for d in diagnoses if isinstance(d, dict) and _has(d.get("prognosis"))]
    return [f"Diagnoses: prognostic characteristics ({len(given)})"] if given else []


_INTERVENTIONS = _field("interventions", label="Interventions")
_OUTCOME = _field("outcome", "summary", label="Outcome")
_LEARNING = _field("learning_points", label="Learning points")

ITEMS: tuple[CareItem, ...] = (
    CareItem(
        "1",
        "1",
        "Title",
        "The diagnosis or intervention of primary focus, with the words 'case report'.",
        _title,
    ),
    CareItem(
        "2",
        "2",
        "Key words",
        "Two to five key words that identify the diagnoses or interventions.",
        _field("keywords", label="Keywords"),
    ),
    CareItem(
        "3a",
        "3a",
        "Abstract",
        "Introduction: what is unique about the case and what it adds.",
        _abstract(_INTRO),
    ),
    CareItem(
        "3b",
        "3b",
        "Abstract",
        "The patient's main symptoms and important clinical findings.",
        _abstract(_COMPLAINT, _FINDINGS),
    ),
    CareItem(
        "3b",
        "3c",
        "Abstract",
        "The main diagnoses, therapeutic interventions and outcomes.",
        _abstract(_DIAGNOSES, _INTERVENTIONS, _OUTCOME),
    ),
    CareItem(
        "3c", "3d", "Abstract", "Conclusion: the main take-away lessons.", _abstract(_LEARNING)
    ),
    CareItem(
        "4",
        "4",
        "Introduction",
        "Why this case matters, with references to the relevant literature.",
        _INTRO,
    ),
    CareItem(
        "5a",
        "5a",
        "Patient information",
        "De-identified patient-specific information (age, sex).",
        _field("patient", "age", label="Patient: age and sex"),
    ),
    CareItem(
        "5b",
        "5b",
        "Patient information",
        "Primary concerns and symptoms of the patient.",
        _COMPLAINT,
    ),
    CareItem(
        "5c",
        "5c",
        "Patient information",
        "Medical, family and psychosocial history, including relevant genetic information.",
        _any(
            _field("patient", "history", label="Patient: history"),
            _field("patient", "family_history", label="Patient: family history"),
            _field("patient", "psychosocial_history", label="Patient: psychosocial history"),
        ),
    ),
    CareItem(
        "5c",
        "5d",
        "Patient information",
        "Relevant past interventions and their outcomes.",
        _field("patient", "history", label="Patient: history"),
    ),
    CareItem(
        "6",
        "6",
        "Clinical findings",
        "The relevant physical examination and other clinical findings.",
        _FINDINGS,
    ),
    CareItem(
        "7",
        "7",
        "Timeline",
        "Relevant data from this episode of care organised as a timeline (table or figure).",
        _field("timeline", label="Timeline (events)"),
    ),
    CareItem(
        "8a",
        "8a",
        "Diagnostic assessment",
        "Diagnostic methods (examination, laboratory tests, imaging, questionnaires).",
        _any(
            _field("investigations", "laboratory", label="Laboratory results"),
            _field("investigations", "imaging", label="Imaging"),
            _field("investigations", "other", label="Other tests"),
            _field("tissue_samples", label="Tissue diagnosis"),
            support_lines,  # figures, and the findings each supports
        ),
    ),
    CareItem(
        "8b",
        "8b",
        "Diagnostic assessment",
        "Diagnostic challenges (access to testing, financial or cultural).",
        _revised,
    ),
    CareItem(
        "8c",
        "8c",
        "Diagnostic assessment",
        "Diagnostic reasoning, including other diagnoses considered.",
        _any(_field("differential", label="Differential diagnosis"), _DIAGNOSES),
    ),
    CareItem(
        "8d",
        "8d",
        "Diagnostic assessment",
        "Prognostic characteristics where applicable.",
        _prognosis,
    ),
    CareItem(
        "9a",
        "9a",
        "Therapeutic intervention",
        "Types of therapeutic intervention (pharmacological, surgical, preventive, self-care).",
        _INTERVENTIONS,
    ),
    CareItem(
        "9b",
        "9b",
        "Therapeutic intervention",
        "Administration of the intervention (dosage, strength, duration).",
        _INTERVENTIONS,
    ),
    CareItem(
        "9c",
        "9c",
        "Therapeutic intervention",
        "Changes in the intervention, with the rationale.",
        _changes,
    ),
    CareItem(
        "10a",
        "10a",
        "Follow-up and outcomes",
        "Clinician- and patient-assessed outcomes.",
        _OUTCOME,
    ),
    CareItem(
        "10b",
        "10b",
        "Follow-up and outcomes",
        "Important follow-up diagnostic and other test results.",
        _field("outcome", "follow_up", label="Outcome: follow-up"),
    ),
    CareItem(
        "10c",
        "10c",
        "Follow-up and outcomes",
        "Intervention adherence and tolerability, and how they were assessed.",
        _field("outcome", "adherence", label="Outcome: adherence"),
    ),
    CareItem(
        "10d",
        "10d",
        "Follow-up and outcomes",
        "Adverse and unanticipated events (state whether there were any).",
        _field("outcome", "adverse_events", label="Outcome: adverse events"),
    ),
    CareItem(
        "11a",
        "11a",
        "Discussion",
        "Strengths and limitations in the approach to this case.",
        _field("discussion", label="Discussion"),
    ),
    CareItem(
        "11b",
        "11b",
        "Discussion",
        "Discussion of the relevant medical literature.",
        _any(_field("discussion", label="Discussion"), _field("references", label="References")),
    ),
    CareItem(
        "11c",
        "11c",
        "Discussion",
        "The rationale for the conclusions, including assessment of possible causes.",
        _field("discussion", label="Discussion"),
    ),
    CareItem(
        "11d", "11d", "Discussion", "The primary take-away lessons of the case report.", _LEARNING
    ),
    CareItem(
        "12",
        "12",
        "Patient perspective",
        "The patient's perspective on the treatment they received, when they wish to share it.",
        _field("patient_perspective", label="Patient perspective"),
    ),
    CareItem(
        "13",
        "13",
        "Informed consent",
        "Whether the patient gave informed consent for publication.",
        _consent,
    ),
)


def fill(case: dict[str, Any]) -> list[FilledItem]:
    """Every item with where the case reports it; in a case series, item by item for each
    patient (:func:`casekit.model.patient_views`), naming any patient it is missing for."""
    views = model.patient_views(case)
    filled = []
    for item in ITEMS:
        found = [item.locate(view.data) for view in views]
        places = list(dict.fromkeys(place for per in found for place in per))
        missing = [view.label for view, per in zip(views, found, strict=True) if not per]
        if places and missing:
            places.append(f"not reported for {', '.join(missing)}")
        filled.append(
            FilledItem(
                item.n2013,
                item.n2017,
                item.topic,
                item.item,
                "; ".join(places) if places else "not reported",
                bool(places),
            )
        )
    return filled
