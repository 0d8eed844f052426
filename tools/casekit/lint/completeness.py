"""CK1xx: what the CARE checklist asks a case report to state (one rule per missable item).

CARE item 3 (abstract) is not checked here: casekit writes the abstract from the other
parts. Item 13 (informed consent) is checked with privacy (CK601).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from casekit.findings import Severity
from casekit.lint.engine import CaseView, Hit, rule

WARN, INFO = Severity.WARNING, Severity.INFO

_WORD = re.compile(r"[a-z][a-z'-]{3,}")
#: Words too general to show what a case is about.
_GENERIC_WORDS = (
    "acute chronic common disease disorder syndrome case report with without left right"
    " child children patient presentation unusual rare first type primary secondary"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _GENERIC}


@rule(
    "CK101",
    "title-says-what",
    "completeness",
    WARN,
    summary="The title does not name the diagnosis, intervention or keyword the case is about.",
    rationale="CARE item 1: the title says what the case is about, so that readers and"
    " search engines can find it.",
    bad='"title": "An unusual presentation in a child"',
    good='"title": "Acute lymphoblastic leukaemia first labelled chronic recurrent multifocal'
    ' osteomyelitis without a bone biopsy"',
    scope="case",
)
def title_says_what(case: CaseView) -> Iterator[Hit]:
    title = str(case.data.get("title", "")).lower()
    keywords = [str(k).lower() for k in case.data.get("keywords") or []]
    if any(k in title for k in keywords):
        return
    named = [dx["name"] for _, dx in case.diagnoses if dx["role"] == "final"] or [
        dx["name"] for _, dx in case.diagnoses
    ]
    wanted: set[str] = set()
    for name in named:
        wanted |= _content_words(name)
    if wanted & _content_words(title):
        return
    yield Hit(
        ("title",),
        "The title does not say what the case is about: it names neither the final diagnosis"
        " nor any keyword.",
        "Put the diagnosis or the main intervention in the title, for example '"
        + (named[0] if named else "the diagnosis")
        + " presenting as …'.",
    )


@rule(
    "CK102",
    "keyword-count",
    "completeness",
    WARN,
    summary="There are fewer than 2 or more than 5 keywords.",
    rationale="CARE item 2 asks for two to five key words that identify the diagnoses or"
    " interventions; the library groups and searches cases by them.",
    bad='"keywords": ["osteomyelitis"]',
    good='"keywords": ["chronic recurrent multifocal osteomyelitis", "acute lymphoblastic'
    ' leukaemia", "bone biopsy"]',
)
def keyword_count(case: CaseView) -> Iterator[Hit]:
    keywords = case.data.get("keywords") or []
    count = len(keywords)
    if 2 <= count <= 5:
        return
    if count == 0:
        message = "The case has no keywords."
    elif count == 1:
        message = "The case has only one keyword."
    else:
        message = f"The case has {count} keywords; CARE asks for two to five."
    hint = (
        "Keep the two to five that best identify the diagnoses and interventions (MeSH terms"
        " where possible)."
        if count > 5
        else "Add two to five keywords naming the diagnoses and interventions (MeSH terms"
        " where possible)."
    )
    yield Hit(("keywords",) if "keywords" in case.data else (), message, hint)


def _missing(case: CaseView, key: str) -> bool:
    value = case.data.get(key)
    if isinstance(value, str):
        return not value.strip()
    return not value


@rule(
    "CK103",
    "no-introduction",
    "completeness",
    WARN,
    summary="There is no introduction saying why the case matters.",
    rationale="CARE item 4: a short introduction tells the reader why this case is worth"
    " reading and what is already known.",
    bad="(no 'introduction' field)",
    good='"introduction": "CRMO has no diagnostic test of its own: ..."',
)
def no_introduction(case: CaseView) -> Iterator[Hit]:
    if _missing(case, "introduction"):
        yield Hit(
            (),
            "The case has no introduction.",
            "Add 'introduction': one or two paragraphs on why this case matters.",
        )


@rule(
    "CK104",
    "no-patient-history",
    "completeness",
    INFO,
    summary="The patient information gives no medical, family or psychosocial history.",
    rationale="CARE item 5 asks for relevant medical, family and psychosocial history,"
    " including past interventions; say 'nothing relevant' rather than leave it out.",
    bad='"patient": {"age": ..., "sex": "female", "presenting_complaint": "Limp"}',
    good='"patient": {..., "history": "Previously well; no past admissions."}',
)
def no_patient_history(case: CaseView) -> Iterator[Hit]:
    patient = case.data.get("patient") or {}
    if not any(patient.get(k) for k in ("history", "family_history", "psychosocial_history")):
        yield Hit(
            ("patient",),
            "The patient information gives no past medical, family or psychosocial history.",
            "Add patient.history (and family_history where relevant); write 'Nothing"
            " relevant' or 'Not reported by the source' rather than leave it out.",
        )


@rule(
    "CK105",
    "no-clinical-findings",
    "completeness",
    WARN,
    summary="No symptoms or examination findings are recorded.",
    rationale="CARE item 6: the clinical findings are what the reader reasons from.",
    bad='"findings": []',
    good='"findings": [{"id": "f-limp", "kind": "sign", "description": "Limp"}]',
)
def no_clinical_findings(case: CaseView) -> Iterator[Hit]:
    if _missing(case, "findings"):
        yield Hit(
            ("findings",) if "findings" in case.data else (),
            "The case records no clinical findings (symptoms or signs).",
            "Add the main symptoms and examination findings to 'findings'.",
        )


@rule(
    "CK106",
    "no-timeline",
    "completeness",
    WARN,
    summary="The timeline is empty.",
    rationale="CARE item 7: a timeline of the course, in time from presentation, is what"
    " lets a reader see when each decision was made.",
    bad='"timeline": []',
    good='"timeline": [{"id": "t0", "time": {"value": 0, "unit": "days"}, "category":'
    ' "presentation", "description": "..."}]',
)
def no_timeline(case: CaseView) -> Iterator[Hit]:
    if _missing(case, "timeline"):
        yield Hit(
            ("timeline",),
            "The timeline is empty.",
            "Add the main events (presentation, tests, diagnoses, treatment, follow-up)"
            " with their time from presentation.",
        )


@rule(
    "CK107",
    "no-diagnostic-assessment",
    "completeness",
    WARN,
    summary="No investigations or tissue samples are recorded.",
    rationale="CARE item 8a: the diagnostic methods (laboratory tests, imaging, biopsies)"
    " show how the diagnosis was reached.",
    bad='"investigations": {}',
    good='"investigations": {"laboratory": [...], "imaging": [...]}',
)
def no_diagnostic_assessment(case: CaseView) -> Iterator[Hit]:
    investigations = case.data.get("investigations") or {}
    if not any(investigations.values()) and not case.data.get("tissue_samples"):
        yield Hit(
            ("investigations",) if "investigations" in case.data else (),
            "The case records no investigations: no laboratory tests, imaging, other"
            " tests or tissue samples.",
            "Add the tests that led to the diagnosis, with their results.",
        )


@rule(
    "CK108",
    "no-interventions",
    "completeness",
    WARN,
    summary="No treatment or other intervention is recorded.",
    rationale="CARE item 9: the therapeutic interventions, how they were given and any"
    " changes. If nothing was given, say so and suppress this check with the reason.",
    bad='"interventions": []',
    good='"interventions": [{"id": "rx1", "kind": "pharmacological", "description":'
    ' "Naproxen by mouth for 3 months"}]',
)
def no_interventions(case: CaseView) -> Iterator[Hit]:
    if _missing(case, "interventions"):
        yield Hit(
            ("interventions",) if "interventions" in case.data else (),
            "The case records no treatment or other intervention.",
            "Add what was given or done; if nothing was, suppress CK108 with that reason.",
        )


@rule(
    "CK109",
    "no-outcome",
    "completeness",
    WARN,
    summary="No outcome or follow-up is reported.",
    rationale="CARE item 10: what happened to the patient, and for how long they were"
    " followed, is what makes a case report useful.",
    bad="(no 'outcome' field)",
    good='"outcome": {"summary": "In remission at 2 years", "follow_up": "Clinic review'
    ' every 3 months"}',
)
def no_outcome(case: CaseView) -> Iterator[Hit]:
    outcome = case.data.get("outcome") or {}
    if not outcome.get("summary") and not outcome.get("follow_up"):
        yield Hit(
            ("outcome",) if "outcome" in case.data else (),
            "The case reports no outcome or follow-up.",
            "Add outcome.summary and outcome.follow_up; if the source does not report"
            " them, suppress CK109 with that reason.",
        )


@rule(
    "CK110",
    "adverse-events-not-stated",
    "completeness",
    INFO,
    summary="The outcome does not say whether adverse or unanticipated events occurred.",
    rationale="CARE item 10 asks authors to state whether any adverse or unanticipated"
    " events occurred, including when there were none.",
    bad='"outcome": {"summary": "Full recovery"}',
    good='"outcome": {"summary": "Full recovery", "adverse_events": "None."}',
)
def adverse_events_not_stated(case: CaseView) -> Iterator[Hit]:
    outcome = case.data.get("outcome") or {}
    if (outcome.get("summary") or outcome.get("follow_up")) and not outcome.get("adverse_events"):
        yield Hit(
            ("outcome",),
            "The outcome does not say whether any adverse or unanticipated events occurred.",
            "Add outcome.adverse_events; write 'None' if there were none.",
        )


@rule(
    "CK111",
    "no-discussion",
    "completeness",
    WARN,
    summary="There is no discussion.",
    rationale="CARE item 11: the discussion gives the strengths and limitations, the"
    " literature and the reasoning behind the conclusions.",
    bad="(no 'discussion' field)",
    good='"discussion": "Early on, CRMO can look like acute osteomyelitis ..."',
)
def no_discussion(case: CaseView) -> Iterator[Hit]:
    if _missing(case, "discussion"):
        yield Hit(
            (),
            "The case has no discussion.",
            "Add 'discussion': what the case shows, its limits, and the literature.",
        )


@rule(
    "CK112",
    "no-learning-points",
    "completeness",
    WARN,
    summary="There are no learning points.",
    rationale="CARE item 11 asks for the take-away lessons; the library shows them first.",
    bad='"learning_points": []',
    good='"learning_points": ["CRMO is a diagnosis of exclusion."]',
)
def no_learning_points(case: CaseView) -> Iterator[Hit]:
    if _missing(case, "learning_points"):
        yield Hit(
            ("learning_points",) if "learning_points" in case.data else (),
            "The case has no learning points.",
            "Add one to three take-away lessons, one short sentence each.",
        )


@rule(
    "CK113",
    "no-patient-perspective",
    "completeness",
    INFO,
    summary="The patient's own perspective is not included.",
    rationale="CARE item 12: the patient (or family) may share their experience; it is"
    " optional, so this is only a note.",
    bad="(no 'patient_perspective' field)",
    good='"patient_perspective": "The waiting was the hardest part."',
)
def no_patient_perspective(case: CaseView) -> Iterator[Hit]:
    if _missing(case, "patient_perspective"):
        yield Hit(
            (),
            "The case does not include the patient's own perspective.",
            "If the patient or family wish to, add 'patient_perspective' in their words.",
        )
