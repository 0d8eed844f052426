"""CK2xx: whether the case says what tissue the diagnoses rest on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from casekit.findings import Severity
from casekit.lint import data
from casekit.lint.engine import CaseView, Hit, rule
from casekit.lint.knowledge import pack_for


@dataclass(frozen=True)
class TissueDiagnosis:
    label: str
    pattern: re.Pattern[str]
    tissue: str
    accepted_basis: frozenset[str]


@cache
def tissue_diagnoses() -> tuple[TissueDiagnosis, ...]:
    return tuple(
        TissueDiagnosis(
            entry["label"],
            re.compile("|".join(entry["patterns"]), re.IGNORECASE),
            entry["tissue"],
            frozenset(entry["accepted_basis"]),
        )
        for entry in data.load("tissue_diagnoses.json")["diagnoses"]
    )


@dataclass(frozen=True)
class ClinicalDiagnosis:
    label: str
    pattern: re.Pattern[str]
    criteria: str


@cache
def clinical_diagnoses() -> tuple[ClinicalDiagnosis, ...]:
    """Diagnoses made on published clinical criteria (lint/data/clinical_diagnoses.json)."""
    return tuple(
        ClinicalDiagnosis(
            entry["label"],
            re.compile("|".join(entry["patterns"]), re.IGNORECASE),
            entry["criteria"],
        )
        for entry in data.load("clinical_diagnoses.json")["diagnoses"]
    )


@lru_cache(maxsize=4096)
def clinical_diagnosis(name: str) -> ClinicalDiagnosis | None:
    """The entry for a diagnosis made on published clinical criteria, matched by name."""
    normal = re.sub(r"[\s\-\u2010\u2013]+", " ", name)
    return next((c for c in clinical_diagnoses() if c.pattern.search(normal)), None)


def rests_on_clinical_criteria(dx: dict[str, Any]) -> bool:
    return "published-criteria" in (dx.get("basis") or []) or bool(clinical_diagnosis(dx["name"]))


@rule(
    "CK201",
    "biopsy-status-not-stated",
    "tissue",
    Severity.WARNING,
    summary="The case does not say whether a biopsy or other tissue sample was taken.",
    rationale="Whether the final and any presumptive diagnosis rest on tissue is often the"
    " teaching point of a case. State every relevant biopsy, including one that was not"
    " done (with the reason) or does not apply (with the reason). Diagnoses made on"
    " published clinical criteria (Kawasaki disease, acute rheumatic fever, transient"
    " synovitis...; casekit/lint/data/clinical_diagnoses.json) or with the basis"
    " 'published-criteria' are not asked about.",
    bad='"diagnoses": [{"name": "Septic arthritis", "role": "final", ...}]  (no "tissue_samples")',
    good='"tissue_samples": [{"id": "ts1", "kind": "joint aspirate", "status": "performed",'
    ' "site": "Right hip", "result": "Pus; Staphylococcus aureus grown"}]',
)
def biopsy_status_not_stated(case: CaseView) -> Iterator[Hit]:
    if case.tissue_samples:
        return
    for path, dx in case.diagnoses:
        if dx["role"] in ("final", "presumptive") and not rests_on_clinical_criteria(dx):
            yield Hit(
                (*path, "name"),
                f"The case does not say whether a biopsy or other tissue sample was taken for"
                f" the {dx['role']} diagnosis '{dx['name']}'.",
                "Add 'tissue_samples' with the status of each relevant sample: performed,"
                " not-performed (with the reason), pending, or not-applicable (with the reason,"
                " for example a clinical diagnosis).",
            )


@rule(
    "CK202",
    "tissue-diagnosis-without-tissue",
    "tissue",
    Severity.WARNING,
    summary="A diagnosis normally confirmed on tissue rests on no tissue or cytology.",
    rationale="Malignancies and some other diagnoses are confirmed by histology or cytology;"
    " a report that gives one without it must say why. Clinical diagnoses (where biopsy is"
    " not the standard) are never flagged: only the list in"
    " casekit/lint/data/tissue_diagnoses.json is checked.",
    bad='{"name": "Burkitt lymphoma", "role": "final", "basis": ["imaging"]}',
    good='{"name": "Burkitt lymphoma", "role": "final", "basis": ["histology"],'
    ' "confirmed_by": ["ts-node-biopsy"]}',
)
def tissue_diagnosis_without_tissue(case: CaseView) -> Iterator[Hit]:
    performed = {ts["id"] for _, ts in case.tissue_samples if ts["status"] == "performed"}
    for path, dx in case.diagnoses:
        if dx["role"] not in ("final", "presumptive") or case.is_revised(dx):
            continue
        if pack_for(dx["name"]) is not None:
            continue  # a knowledge pack checks this diagnosis (CK4xx)
        if clinical_diagnosis(dx["name"]) is not None:
            continue  # made on clinical criteria: tissue is not the standard
        entry = next((t for t in tissue_diagnoses() if t.pattern.search(dx["name"])), None)
        if entry is None:
            continue
        if performed & set(dx.get("confirmed_by") or []):
            continue
        if entry.accepted_basis & set(dx["basis"]) or dx["basis"] == ["not-reported"]:
            continue  # (a basis the source does not report is CK120's to mention)
        yield Hit(
            (*path, "basis"),
            f"'{dx['name']}' is normally confirmed on tissue ({entry.tissue}), but this"
            f" {dx['role']} diagnosis rests on {', '.join(dx['basis'])} alone.",
            "Link the tissue sample that confirmed it in 'confirmed_by' and add 'histology' to"
            " the basis, or say in the discussion why tissue was not obtained.",
        )
