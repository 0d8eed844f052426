"""CK791 to CK793: the abstract text an author wrote (``abstract`` in the case) checked
against the structured case.

casekit uses the author's own abstract text verbatim, so nothing composes it from the
case: these rules make sure it still agrees with the case. A number with a unit must be
a value the case holds (a result, an age, a time or a difference of two times, or a
number the case's own text gives with that unit); an author who replaces the case
presentation must still name the final diagnosis and say what became of each tissue
sample. The privacy rules (CK6xx) read this text like any other free text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations
from typing import Any

from casekit import durations, model
from casekit.findings import JsonPath, Severity
from casekit.lint.engine import CaseView, Hit, rule

_TIME_UNITS = {
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
}
#: Units recognised in running text besides the case's own laboratory units.
_COMMON_UNITS = (
    "%", "mg/L", "mg/dL", "g/L", "g/dL", "mm/h", "mm/hr", "mmol/L", "µmol/L", "umol/L",
    "U/L", "IU/L", "×10⁹/L", "x10^9/L", "×10^9/L", "10^9/L", "×10¹²/L", "ng/mL", "pg/mL",
    "kg", "cm", "mm", "°C", "mmHg", "bpm",
)  # fmt: skip


def _parts(case: dict[str, Any]) -> list[tuple[JsonPath, str]]:
    """Every piece of author abstract text with its path: general parts, then per profile."""
    written = case.get("abstract")
    if not isinstance(written, dict):
        return []
    found: list[tuple[JsonPath, str]] = []
    for key, value in written.items():
        if isinstance(value, str):
            found.append((("abstract", key), value))
    profiles = written.get("profiles")
    for name, parts in (profiles or {}).items() if isinstance(profiles, dict) else []:
        for key, value in (parts or {}).items() if isinstance(parts, dict) else []:
            if isinstance(value, str):
                found.append((("abstract", "profiles", name, key), value))
    return found


def _variants(case: dict[str, Any]) -> list[tuple[JsonPath, dict[str, str]]]:
    """Each version of the author's abstract (general, and per profile over it) that
    replaces the case presentation, with the path of its case presentation."""
    written = case.get("abstract")
    if not isinstance(written, dict):
        return []
    general = {k: v for k, v in written.items() if isinstance(v, str)}
    out: list[tuple[JsonPath, dict[str, str]]] = []
    if "case_presentation" in general:
        out.append((("abstract", "case_presentation"), general))
    profiles = written.get("profiles")
    for name, parts in profiles.items() if isinstance(profiles, dict) else []:
        if not isinstance(parts, dict):
            continue
        merged = {**general, **{k: v for k, v in parts.items() if isinstance(v, str)}}
        if "case_presentation" in merged:
            where = "profiles" if "case_presentation" in parts else None
            path: JsonPath = (
                ("abstract", "profiles", name, "case_presentation")
                if where
                else ("abstract", "case_presentation")
            )
            out.append((path, merged))
    return out


def _norm_unit(unit: str) -> str:
    from casekit.render.units import display_unit

    text = display_unit(unit).casefold().replace(" ", "")
    text = text.replace("mm/hr", "mm/h").replace("x10", "×10").replace("umol", "µmol")
    word = re.sub(r"s$", "", text.removesuffix("-old"))
    return _TIME_UNITS.get(word, text)


def _unit_pattern(units: set[str]) -> re.Pattern[str]:
    forms = sorted(units | set(_COMMON_UNITS), key=len, reverse=True)
    alternatives = "|".join(re.escape(u) for u in forms if u)
    times = r"(?:hours?|days?|weeks?|months?|years?)(?:-old)?"
    return re.compile(
        rf"(?<![\w.,])(\d+(?:\.\d+)?)(?:\s*|-)({alternatives}|{times})(?![A-Za-z])",
    )


def _known(case: dict[str, Any]) -> tuple[set[tuple[float, str]], set[str]]:
    """The (value, unit) pairs the case holds, and the laboratory units it uses."""
    values: set[tuple[float, str]] = set()
    units: set[str] = set()
    times: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if _is_duration(node):
                times.append(node)
            for key, value in node.items():
                if key != "abstract":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(case)
    for view in model.patient_views(case):
        investigations = view.data.get("investigations") or {}
        for lab in investigations.get("laboratory") or []:
            if isinstance(lab, dict) and isinstance(lab.get("value"), int | float):
                unit = str(lab.get("unit", ""))
                units.add(unit)
                values.add((float(lab["value"]), _norm_unit(unit)))
    by_unit: dict[str, list[float]] = {}
    for time in times:
        for value, unit in durations.parts(time):
            values.add((float(value), unit))
            by_unit.setdefault(unit, []).append(float(value))
    for unit, amounts in by_unit.items():
        for a, b in combinations(sorted(set(amounts)), 2):
            values.add((round(b - a, 6), unit))
    pattern = _unit_pattern(units)
    for _, text in CaseView({k: v for k, v in case.items() if k != "abstract"}).text_fields:
        for match in pattern.finditer(text):
            values.add((float(match.group(1)), _norm_unit(match.group(2))))
    return values, units


def _is_duration(node: dict[str, Any]) -> bool:
    try:
        durations.to_days(node)
    except (KeyError, TypeError, ValueError):
        return False
    return True


@rule(
    "CK791",
    "abstract-number-not-in-case",
    "writing",
    Severity.ERROR,
    summary="A number with a unit in the author's own abstract text is not a value the case holds.",
    rationale="casekit prints the author's abstract text as written. A value there that the"
    " structured case does not hold (a mistyped result, a time that changed) would reach the"
    " venue unchecked; results, ages and times belong in the case, and the abstract should"
    " repeat them.",
    bad='"abstract": {"case_presentation": "... platelets 880 ×10⁹/L ..."} while the case'
    " records 808",
    good='"abstract": {"case_presentation": "... platelets 808 ×10⁹/L ..."}',
    scope="case",
)
def number_not_in_case(case: CaseView) -> Iterator[Hit]:
    parts = _parts(case.data)
    if not parts:
        return
    values, units = _known(case.data)
    pattern = _unit_pattern(units)
    for path, text in parts:
        for match in pattern.finditer(text):
            value, unit = float(match.group(1)), _norm_unit(match.group(2))
            if any(abs(value - v) < 1e-9 and unit == u for v, u in values):
                continue
            yield Hit(
                path,
                f"'{match.group(0)}' (character {match.start() + 1}) is not a value the case"
                " holds with that unit.",
                "Correct the number, or add the result, age or time to the structured case"
                " so that the abstract and the case agree.",
            )


def _mentions(text: str, name: str) -> bool:
    from casekit.compose import wording
    from casekit.compose.story import case_abbreviations

    short = [a for a, long in case_abbreviations({"t": text}).items() if long in name]
    if any(re.search(rf"\b{re.escape(a)}\b", text) for a in short):
        return True
    return wording.coverage(name, text) >= 0.8


@rule(
    "CK792",
    "abstract-misses-final-diagnosis",
    "writing",
    Severity.WARNING,
    summary="The author's own case presentation replaces the composed one but the abstract"
    " never names the final diagnosis.",
    rationale="The final diagnosis is what an abstract must keep: casekit keeps it in every"
    " composed abstract, and an author-written one should too.",
    bad='"abstract": {"case_presentation": "A 3-year-old girl presented with a limp."}',
    good='"abstract": {"case_presentation": "... Bone marrow examination showed acute'
    ' lymphoblastic leukaemia."}',
    scope="case",
)
def misses_final_diagnosis(case: CaseView) -> Iterator[Hit]:
    finals = [
        str(dx.get("name", ""))
        for _, dx in model.diagnoses(case.data)
        if dx.get("role") == "final" and dx.get("name")
    ]
    for path, parts in _variants(case.data):
        text = " ".join(parts.values())
        for name in finals:
            if not _mentions(text, name):
                yield Hit(
                    path,
                    f"The abstract written here does not name the final diagnosis, '{name}'.",
                    "Say what the final diagnosis was, in the case presentation or the conclusion.",
                )


@rule(
    "CK793",
    "abstract-misses-tissue-status",
    "writing",
    Severity.WARNING,
    summary="The author's own case presentation does not say what became of a tissue sample.",
    rationale="Whether a biopsy was done, and what it showed or why it was not done, is what"
    " readers of a case abstract look for first; casekit keeps it in every composed abstract.",
    bad='"abstract": {"case_presentation": "... A presumptive diagnosis of CRMO was made."}'
    " in a case whose bone biopsy was not performed",
    good='"abstract": {"case_presentation": "... A bone biopsy was judged not to be indicated."}',
    scope="case",
)
def misses_tissue_status(case: CaseView) -> Iterator[Hit]:
    variants = _variants(case.data)
    if not variants:
        return  # no case presentation of the author's own: nothing to compare
    from casekit.compose import wording

    samples = [
        str(sample.get("kind", ""))
        for view in model.patient_views(case.data)
        for sample in view.data.get("tissue_samples") or []
        if isinstance(sample, dict) and sample.get("kind")
    ]
    for path, parts in variants:
        text = " ".join(parts.values())
        for kind in dict.fromkeys(samples):
            if wording.coverage(kind, text) < 0.99:
                yield Hit(
                    path,
                    f"The abstract written here does not mention the {kind}: say whether it"
                    " was done, and what it showed or why not.",
                    "Add a sentence on the tissue sample; it must stay in every abstract.",
                )
