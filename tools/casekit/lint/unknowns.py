"""CK120-CK122: what a case honestly does not know, and whom it credits.

From format version 2 a case can say that its source does not report something (consent,
how a diagnosis was made and how sure it was, what became of an alternative) instead of
guessing. That is an honest unknown: a note for a case curated from the literature,
whose encoders can only report what the source says, and a warning for the authors' own
patient, whose authors should know.
"""

from __future__ import annotations

from collections.abc import Iterator

from casekit import model
from casekit.findings import JsonPath, Severity
from casekit.lint.engine import CaseView, Hit, rule

WARN, INFO = Severity.WARNING, Severity.INFO


def _source_kind(case: CaseView) -> str:
    return str((case.data.get("source") or {}).get("kind") or "own-patient")


def _unknowns(case: CaseView) -> Iterator[tuple[JsonPath, str]]:
    """(path, what is not reported) for every 'not-reported' in one patient's data."""
    consent = case.data.get("consent") or {}
    if consent.get("status") == model.NOT_REPORTED and _source_kind(case) != "own-patient":
        # For the authors' own patient CK601 says more: consent must be obtained.
        yield ("consent", "status"), "whether consent for publication was given"
    for path, dx in case.diagnoses:
        if dx.get("certainty") == model.NOT_REPORTED:
            yield (*path, "certainty"), f"how certain the diagnosis '{dx['name']}' was"
        if model.NOT_REPORTED in (dx.get("basis") or []):
            yield (*path, "basis"), f"what the diagnosis '{dx['name']}' rested on"
    for index, alt in enumerate(case.data.get("differential") or []):
        if alt.get("status") == model.NOT_REPORTED:
            yield (
                ("differential", index, "status"),
                f"whether '{alt['diagnosis']}' was excluded",
            )


@rule(
    "CK120",
    "not-reported-by-source",
    "completeness",
    WARN,
    summary="The case records that its source does not report something (consent, a"
    " diagnosis's basis or certainty, an alternative's status).",
    rationale="'not-reported' is an honest unknown, better than a guess; but a reader should"
    " know what the report leaves open. For a case curated from the literature this is only"
    " a note (its encoders can report no more than the source); for the authors' own patient"
    " it is a warning, because the authors should know and can say.",
    bad='(own patient) "certainty": "not-reported"',
    good='"certainty": "certain", "basis": ["cytology"], "confirmed_by": ["ts-marrow"]',
)
def not_reported_by_source(case: CaseView) -> Iterator[Hit]:
    kind = _source_kind(case)
    mild = INFO if kind == "published-literature" else None
    for path, what in _unknowns(case):
        if kind == "published-literature":
            hint = "Nothing to do if the source is silent; readers are told it does not say."
        else:
            hint = "You looked after the patient (or invented the case): replace 'not-reported'"
            hint += " with what happened."
        yield Hit(path, f"The case does not say {what}: it is marked not reported.", hint, mild)


@rule(
    "CK121",
    "other-modality-unnamed",
    "completeness",
    INFO,
    summary="An imaging study's modality is 'other' without saying what it was.",
    rationale="'other' keeps a study the modality list does not cover, but a reader needs to"
    " know what kind of imaging it was; 'modality_other' names it.",
    bad='{"modality": "other", "site": "Hands", "result": "..."}',
    good='{"modality": "other", "modality_other": "thermography", "site": "Hands", ...}',
)
def other_modality_unnamed(case: CaseView) -> Iterator[Hit]:
    imaging = (case.data.get("investigations") or {}).get("imaging") or []
    for index, study in enumerate(imaging):
        if study.get("modality") == "other" and not study.get("modality_other"):
            yield Hit(
                ("investigations", "imaging", index, "modality"),
                f"The imaging of the {study['site']} has modality 'other' and does not say"
                " what it was.",
                "Add 'modality_other', for example 'thermography', or choose the modality"
                " from the list if one fits.",
            )


@rule(
    "CK122",
    "curated-case-credits-no-one",
    "completeness",
    WARN,
    summary="A case curated from the literature credits no author: its source reference names"
    " none and the case lists none.",
    rationale="Pages and abstracts credit a curated case to the authors of the original"
    " report, read from the source reference; without them the case is shown with no"
    " author at all.",
    bad='"source": {"kind": "published-literature", "reference": "smith2020"}, "references":'
    ' [{"id": "smith2020", "type": "article-journal", "title": "..."}]',
    good='"references": [{"id": "smith2020", ..., "author": [{"family": "Smith", "given": "A."}]}]',
    scope="case",
)
def curated_case_credits_no_one(case: CaseView) -> Iterator[Hit]:
    if not model.is_curated(case.data) or model.credited_authors(case.data):
        return
    reference = model.source_reference(case.data)
    path: JsonPath = ("source", "reference") if reference else ("source",)
    yield Hit(
        path,
        "The case is curated from the literature, but neither its source reference nor the"
        " case names the original report's authors.",
        "Add the authors to the source reference ('author' in the CSL item; 'casekit"
        " import-refs' brings them from a reference manager).",
    )
