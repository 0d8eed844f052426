"""CK123-CK124: a case series as a whole.

Each patient of a series is checked by every other rule on their own (see
:mod:`casekit.lint.engine`); these rules look at the series itself. casekit derives the
number of patients, their ages and sexes from the entries (:func:`casekit.model.series_summary`);
where the prose states the number too, it must agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from casekit import model
from casekit.findings import JsonPath, Severity
from casekit.lint.engine import CaseView, Hit, rule

_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_NUMBERS = {word: n for n, word in enumerate(_NUMBER_WORDS, start=1)}
_N = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_WHO = (
    r"(patients|children|cases|adults|infants|neonates|newborns|boys|girls|men|women"
    r"|adolescents|siblings)"
)
#: The words of :data:`_WHO`, one of which every match of :data:`_TITLE` holds: an ASCII
#: title without any is not searched (case-blind, the pattern is tried at every character).
#: Beyond ASCII, U+0131 (dotless i) and U+017F (long s) match 'i' and 's' too: such a title
#: always is.
_WHO_WORDS = _WHO.strip("()").split("|")
_BETWEEN = r"\s+(?:[a-z-]+\s+){0,3}?"
#: 'we report five children', 'described here are the cases of 3 patients', 'a series of
#: four patients': how a report states how many patients it is about. Counts from the
#: literature ('40 cases have been published') are not matched.
_STATED = re.compile(
    r"\b(?:report|reports|reported|describe|describes|described|present|presents|presented)"
    r"\s+(?:here\s+)?(?:a\s+series\s+of\s+|the\s+cases?\s+of\s+)?" + _N + _BETWEEN + _WHO + r"\b"
    r"|\bseries\s+of\s+" + _N + _BETWEEN + _WHO + r"\b",
    re.IGNORECASE,
)
#: Words one of which every match of :data:`_STATED` holds: a text without any is not
#: searched (the search is case-blind and slow on long narrative).
_STATED_CUES = ("report", "describ", "present", "series")
#: In the title also: 'Five children with ...', '... in three siblings'.
_TITLE = re.compile(r"(?:^|\b(?:in|of)\s+)" + _N + _BETWEEN + _WHO + r"\b", re.IGNORECASE)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


@rule(
    "CK123",
    "patient-label-repeated",
    "completeness",
    Severity.WARNING,
    summary="Two patients of a series have the same label.",
    rationale="Labels ('Patient 3', 'Case 2') are how the page, the abstract and readers tell"
    " the patients apart; a repeated label makes two patients one.",
    bad='"patients": [{"id": "p1", "label": "Case 1", ...}, {"id": "p2", "label": "Case 1", ...}]',
    good='"patients": [{"id": "p1", "label": "Case 1", ...}, {"id": "p2", "label": "Case 2", ...}]',
    scope="case",
)
def patient_label_repeated(case: CaseView) -> Iterator[Hit]:
    seen: dict[str, str] = {}
    for view in model.patient_views(case.data) if model.is_series(case.data) else []:
        key = view.label.casefold()
        if key in seen:
            yield Hit(
                (*view.prefix, "label")
                if "label" in case.data["patients"][view.position]
                else view.prefix,
                f"{view.label} has the same label as an earlier patient ({seen[key]}).",
                "Give each patient its own label, or leave the labels out (casekit then says"
                " 'Patient 1', 'Patient 2' ... in file order).",
            )
        else:
            seen[key] = str(view.patient_id)


@rule(
    "CK124",
    "patient-count-contradicts-text",
    "completeness",
    Severity.WARNING,
    summary="The title or text states a number of patients that differs from the patients"
    " the case records.",
    rationale="casekit counts the patients from the case itself; a text that says 'five"
    " children' for a series of three (or 'two cases' for a case about one patient, whose"
    " other patient lives only in the prose) misleads, and the abstract and page will"
    " speak of the patients recorded.",
    bad='"title": "Five children with ...", "patients": [three entries]',
    good='"title": "Three children with ...", "patients": [three entries]',
    scope="case",
)
def patient_count_contradicts_text(case: CaseView) -> Iterator[Hit]:
    count = model.patient_count(case.data)
    places: list[tuple[JsonPath, object, bool]] = [(("title",), case.data.get("title"), True)]
    places += [((key,), case.data.get(key), False) for key in ("introduction", "discussion")]
    places += [
        (("learning_points", i), point, False)
        for i, point in enumerate(case.data.get("learning_points") or [])
    ]
    for path, text, is_title in places:
        if not isinstance(text, str):
            continue
        lowered = text.lower()
        cued = any(cue in lowered for cue in _STATED_CUES)
        matches = list(_STATED.finditer(text)) if cued else []
        if is_title and (not text.isascii() or any(who in lowered for who in _WHO_WORDS)):
            matches += list(_TITLE.finditer(text))
        for match in matches:
            word = next(g for g in match.groups() if g is not None)
            stated = _count(word)
            if stated == count:
                continue
            recorded = f"{count} patients in 'patients'" if count > 1 else "one patient"
            hint = (
                "Correct the number in the text, or record every patient: a case about"
                " several patients is a case series ('patients', one entry each)."
                if count == 1
                else "Correct the number in the text, or add the missing patients to 'patients'."
            )
            yield Hit(
                path,
                f"The text speaks of {stated} {match.group(match.lastindex or 0).lower()}"
                f" ('{match.group().strip()}'), but the case records {recorded}.",
                hint,
            )
            break
