"""Finding, in a case, the features that knowledge packs call red flags.

How a feature is recognised (the words that name it, or the laboratory analyte and the
direction) is data: ``lint/data/red_flags.json``. Whether a feature is a red flag for a
diagnosis, for what, and from which threshold, is clinical knowledge: it lives in the
packs (``casekit/knowledge/*.json``), each claim with its sources.

Features are looked for only where the patient's own course is told: the presenting
complaint and history, the findings, the timeline, and the results of imaging and other
tests; never in the introduction, discussion or differential, which talk about features
in general. Everything is read through :class:`~casekit.lint.engine.CaseView`, so the same
code serves one patient of a series.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from casekit.durations import DAYS_PER_YEAR
from casekit.findings import JsonPath
from casekit.labranges import side_of_range
from casekit.lint import data
from casekit.lint.engine import CaseView, to_days
from casekit.lint.labvalues import analyte_by_id, analyte_of, shown, value_in_own_unit
from casekit.lint.plausibility import judge
from casekit.render.units import with_unit


@dataclass(frozen=True)
class Feature:
    id: str
    label: str
    #: The patterns that find the feature in text, as written in red_flags.json.
    patterns: tuple[str, ...]
    analyte: str | None
    direction: str | None
    any_of: tuple[str, ...]
    all_of: tuple[str, ...]
    negatable: bool
    #: also measured as a body temperature in °C (a pack's threshold reads the numbers)
    temperature: bool

    @cached_property
    def text(self) -> tuple[re.Pattern[str], ...]:
        """The patterns compiled, at the first case that asks about this feature: a case
        is checked for the red flags of its own diagnoses' packs, a few of the 70 or so
        (compiling every one took about 3 ms of each cold 'casekit lint')."""
        return tuple(re.compile(p, re.IGNORECASE) for p in self.patterns)


@dataclass(frozen=True)
class Threshold:
    """A pack's own cut-off for a laboratory feature (or a temperature), with its age range."""

    below: float | None = None
    above: float | None = None
    at_least: float | None = None
    unit: str | None = None
    min_age: float | None = None
    max_age: float | None = None

    def describe(self) -> str:
        unit = self.unit or ""
        if self.below is not None:
            return f"below {with_unit(shown(self.below), unit)}"
        if self.above is not None:
            return f"above {with_unit(shown(self.above), unit)}"
        if self.at_least is not None:
            return f"{with_unit(shown(self.at_least), unit)} or more"
        return ""

    def ages(self) -> str:
        if self.min_age is not None and self.max_age is not None:
            return f", at ages {shown(self.min_age)} to {shown(self.max_age)} years"
        if self.min_age is not None:
            return f", at age {shown(self.min_age)} years or more"
        if self.max_age is not None:
            return f", under {shown(self.max_age)} years of age"
        return ""


@dataclass(frozen=True)
class Evidence:
    """Where a feature was found and how to show it: "'Pain waking her at night'" or
    'Platelet count 200 ×10⁹/L, below 250 ×10⁹/L'."""

    path: JsonPath
    shown: str


@cache
def features() -> dict[str, Feature]:
    raw = data.load("red_flags.json")["flags"]
    out: dict[str, Feature] = {}
    for key, entry in raw.items():
        lab = entry.get("lab") or {}
        out[key] = Feature(
            id=key,
            label=entry["label"],
            patterns=tuple(entry.get("text", [])),
            analyte=lab.get("analyte"),
            direction=lab.get("direction"),
            any_of=tuple(entry.get("any_of", [])),
            all_of=tuple(entry.get("all_of", [])),
            negatable=entry.get("negatable", True),
            temperature=entry.get("temperature", False),
        )
    return out


@cache
def _negation() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    raw = data.load("red_flags.json")["negation"]
    before = re.compile(r"\b(?:" + "|".join(map(re.escape, raw["before"])) + r")\b", re.I)
    after = re.compile(r"^\W*(?:" + "|".join(map(re.escape, raw["after"])) + r")\b", re.I)
    return before, after, int(raw["window_words"])


_CLAUSE_END = re.compile(r"[.;:!?\n]|\bbut\b|\bhowever\b", re.I)


def negated(text: str, start: int, end: int) -> bool:
    """Whether the mention at text[start:end] is negated: a cue ('no', 'without', ...) among
    the few words before it in the same clause, or 'absent', 'denied' ... just after it."""
    before, after, window = _negation()
    clause_start = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        clause_start = match.end()
    words = text[clause_start:start].split()
    if before.search(" ".join(words[-window:])):
        return True
    clause_end = _CLAUSE_END.search(text, end)
    tail = text[end : clause_end.start() if clause_end else len(text)]
    return bool(after.search(tail))


def _patient_text(case: CaseView) -> list[tuple[JsonPath, str]]:
    """The text that tells this patient's course (never the discussion or differential)."""
    out: list[tuple[JsonPath, str]] = []
    patient = case.data.get("patient") or {}
    for key in ("presenting_complaint", "history"):
        if isinstance(patient.get(key), str):
            out.append((("patient", key), patient[key]))
    for index, finding in enumerate(case.data.get("findings") or []):
        out.append((("findings", index, "description"), str(finding.get("description", ""))))
    for index, event in enumerate(case.data.get("timeline") or []):
        out.append((("timeline", index, "description"), str(event.get("description", ""))))
    investigations = case.data.get("investigations") or {}
    for section in ("imaging", "other"):
        for index, item in enumerate(investigations.get(section) or []):
            if isinstance(item.get("result"), str):
                out.append((("investigations", section, index, "result"), item["result"]))
    return out


def _age_years(case: CaseView) -> float | None:
    age = (case.data.get("patient") or {}).get("age")
    return to_days(age) / DAYS_PER_YEAR if age else None


_TEMPERATURE = re.compile(
    r"(?<![\d.])(\d{2}(?:\.\d{1,2})?)\s*(?:°\s*C|º\s*C|degrees? C(?:elsius)?\b)"
)


@dataclass
class _Finder:
    case: CaseView
    text: list[tuple[JsonPath, str]]
    age: float | None
    memo: dict[tuple[str, Threshold | None], list[Evidence]] = field(default_factory=dict)


def _finder(case: CaseView) -> _Finder:
    return _Finder(case, _patient_text(case), _age_years(case))


def find(case: CaseView, feature_id: str, threshold: Threshold | None = None) -> list[Evidence]:
    """Where the case records the feature (empty when it does not)."""
    finder = case.shared(_finder)
    key = (feature_id, threshold)
    if key not in finder.memo:
        finder.memo[key] = list(_find(finder, features()[feature_id], threshold))
    return finder.memo[key]


def _find(finder: _Finder, feature: Feature, threshold: Threshold | None) -> Iterator[Evidence]:
    if threshold is not None and (threshold.min_age is not None or threshold.max_age is not None):
        age = finder.age
        if age is None:
            return
        if threshold.min_age is not None and age < threshold.min_age:
            return
        if threshold.max_age is not None and age >= threshold.max_age:
            return
    if feature.all_of:
        found = [find(finder.case, sub) for sub in feature.all_of]
        if all(found):
            for evidence in found:
                yield evidence[0]
        return
    if threshold is not None and feature.temperature:
        yield from _temperatures(finder, threshold)
        return
    if threshold is not None:
        yield from _labs(finder.case, feature, threshold)
        return
    yield from _mentions(finder, feature)
    yield from _labs(finder.case, feature, None)
    for sub in feature.any_of:
        yield from find(finder.case, sub)


def _mentions(finder: _Finder, feature: Feature) -> Iterator[Evidence]:
    for path, text in finder.text:
        for pattern in feature.text:
            match = pattern.search(text)
            while match and feature.negatable and negated(text, match.start(), match.end()):
                match = pattern.search(text, match.end())
            if match:
                yield Evidence(path, f"'{_excerpt(text, match)}'")
                break


def _excerpt(text: str, match: re.Match[str], width: int = 70) -> str:
    if len(text) <= width:
        return text.strip()
    start = max(0, min(match.start() - 20, len(text) - width))
    piece = text[start : start + width].strip()
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _temperatures(finder: _Finder, threshold: Threshold) -> Iterator[Evidence]:
    limit = threshold.above if threshold.above is not None else threshold.at_least
    if limit is None:
        return
    for path, text in finder.text:
        for match in _TEMPERATURE.finditer(text):
            value = float(match.group(1))
            if value > limit or (threshold.at_least is not None and value >= limit):
                yield Evidence(path, f"'{match.group(0)}', {threshold.describe()}")
                break


def _certainly(value: float, comparator: str | None, op: str, limit: float) -> bool:
    if op == "below":
        return value < limit if comparator in (None, "<=") else value <= limit and comparator == "<"
    if op == "above":
        return value > limit if comparator in (None, ">=") else value >= limit and comparator == ">"
    return value >= limit if comparator in (None, ">", ">=") else False


def _labs(case: CaseView, feature: Feature, threshold: Threshold | None) -> Iterator[Evidence]:
    if feature.analyte is None:
        return
    wanted = analyte_by_id(feature.analyte)
    for path, lab in case.lab_results:
        analyte = analyte_of(lab)
        if analyte is None or analyte.id != wanted.id or judge(lab) is not None:
            continue  # a value CK520/CK521 question is no evidence of anything
        written = f"{lab.get('comparator', '')}{shown(float(lab['value']))}"
        reading = f"{lab['test']} {with_unit(written, str(lab.get('unit', '')))}"
        if threshold is None:
            side = side_of_range(lab)
            if lab.get("flag") == feature.direction:
                yield Evidence(path, f"{reading}, flagged {feature.direction}")
            elif side == feature.direction:
                yield Evidence(path, f"{reading}, {feature.direction} for its stated range")
            continue
        value = value_in_own_unit(lab, analyte)
        if value is None or threshold.unit is None:
            continue
        comparator = lab.get("comparator") or None
        for op in ("below", "above", "at_least"):
            limit = getattr(threshold, op)
            converted = analyte.convert(limit, threshold.unit) if limit is not None else None
            if converted is not None and _certainly(value, comparator, op, converted):
                yield Evidence(path, f"{reading}, {threshold.describe()}{threshold.ages()}")
                break


def label(feature_id: str) -> str:
    return features()[feature_id].label


def threshold_of(raw: dict[str, Any]) -> Threshold | None:
    """The threshold a pack's red-flag entry gives, if any."""
    keys = ("below", "above", "at_least", "min_age_years", "max_age_years")
    if not any(k in raw for k in keys):
        return None
    return Threshold(
        below=raw.get("below"),
        above=raw.get("above"),
        at_least=raw.get("at_least"),
        unit=raw.get("unit"),
        min_age=raw.get("min_age_years"),
        max_age=raw.get("max_age_years"),
    )
