"""CK5xx: the numbers, times and identifiers in a case."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from casekit import durations
from casekit.durations import DAYS_PER_YEAR
from casekit.findings import Severity
from casekit.labranges import side_of_range
from casekit.lint import data
from casekit.lint.engine import CaseView, Hit, rule, to_days

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


_SPACE = re.compile(r"\s+")
_SUPERSCRIPT_POWER = re.compile(r"^[x\u00d7*]?10(?:\^|\*|e)?([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_TIMES_TEN = re.compile(r"^[x\u00d7*]10(?=[\^*e])")
_TEN_TO_THE = re.compile(r"^10[*e](\d)")
_MICRO = re.compile(r"\bmc(?=g)")
#: 'mm/1st h', 'mm/1st hour', 'mm/first hour' (how many reports print the ESR's unit).
_FIRST_HOUR = re.compile(r"/(?:1st|first|1)(?:hour|hr|h)$")


@lru_cache(maxsize=4096)  # a library uses a few dozen units, over and over
@lru_cache(maxsize=2048)  # a library writes a few dozen units, over and over
def normal_unit(unit: str) -> str:
    u = unit.strip().replace("µ", "u").replace("μ", "u").lower()
    u = _SPACE.sub("", u)
    u = _SUPERSCRIPT_POWER.sub(lambda m: "10^" + m.group(1).translate(_SUPERSCRIPTS), u)
    u = _TIMES_TEN.sub("10", u)
    u = _TEN_TO_THE.sub(r"10^\1", u)
    u = _MICRO.sub("u", u)
    u = u.translate(_SUPERSCRIPTS)  # what is left: areas and volumes ('m²', 'mm³')
    u = _FIRST_HOUR.sub("/1h", u)
    return u.replace("/hr", "/h").replace("/hour", "/h")


@cache
def _units() -> tuple[frozenset[str], frozenset[str]]:
    table = data.load("units.json")
    return (
        frozenset(normal_unit(u) for u in table["units"]),
        frozenset(m.lower() for m in table["missing"]),
    )


@rule(
    "CK501",
    "lab-unit-missing",
    "data-quality",
    Severity.ERROR,
    summary="A laboratory value has no unit.",
    rationale="A number without its unit cannot be read: haemoglobin 7.0 means different"
    " things in g/dL and mmol/L.",
    bad='{"test": "Haemoglobin", "value": 7.0, "unit": "-"}',
    good='{"test": "Haemoglobin", "value": 7.0, "unit": "g/dL"}',
)
def lab_unit_missing(case: CaseView) -> Iterator[Hit]:
    _, missing = _units()
    for path, lab in case.lab_results:
        if lab["unit"].strip().lower() in missing:
            yield Hit(
                (*path, "unit"),
                f"{lab['test']} ({lab['value']}) has no unit.",
                "Write the unit as the report gives it, for example 'g/dL' or '10^9/L'.",
            )


@rule(
    "CK502",
    "lab-unit-unknown",
    "data-quality",
    Severity.WARNING,
    summary="A laboratory value has a unit casekit does not know.",
    rationale="An unfamiliar unit is usually a typing mistake ('mg/dl/' or 'mmol') or a"
    " pasted artefact. The list of known units is data (casekit/lint/data/units.json).",
    bad='{"test": "C-reactive protein", "value": 96, "unit": "mgs per litre"}',
    good='{"test": "C-reactive protein", "value": 96, "unit": "mg/L"}',
)
def lab_unit_unknown(case: CaseView) -> Iterator[Hit]:
    known, missing = _units()
    for path, lab in case.lab_results:
        unit = lab["unit"]
        if unit.strip().lower() in missing or _LOST_SUPERSCRIPT_UNIT.search(unit):
            continue  # CK501 and CK504 say more
        if normal_unit(unit) not in known:
            yield Hit(
                (*path, "unit"),
                f"The unit '{unit}' of {lab['test']} is not one casekit knows.",
                "Check the spelling (for example 'g/dL', '10^9/L', 'mmol/L');"
                " if the unit is right, add it to casekit/lint/data/units.json.",
            )


@rule(
    "CK503",
    "abnormal-value-not-flagged",
    "data-quality",
    Severity.WARNING,
    summary="A value outside its stated reference range is not flagged (or flagged wrongly).",
    rationale="Readers scan the flags; a value outside its range marked 'normal' or not"
    " marked at all is easily missed, and a wrong direction misleads.",
    bad='{"test": "Platelet count", "value": 808, "unit": "10^9/L", "reference_range":'
    ' {"low": 150, "high": 450}}',
    good='{"test": "Platelet count", "value": 808, "unit": "10^9/L", "reference_range":'
    ' {"low": 150, "high": 450}, "flag": "high"}',
)
def abnormal_value_not_flagged(case: CaseView) -> Iterator[Hit]:
    for path, lab in case.lab_results:
        side = side_of_range(lab)
        flag = lab.get("flag")
        if side in (None, "normal") or flag == side or flag == "abnormal":
            continue
        ref = lab["reference_range"]
        bounds = f"{ref.get('low', '')} to {ref.get('high', '')}".strip(" to")
        shown = f"{lab.get('comparator', '')}{lab['value']}"
        if flag is None:
            message = (
                f"{lab['test']} {shown} {lab['unit']} is outside its range ({bounds}) but not"
                " flagged."
            )
        else:
            message = (
                f"{lab['test']} {shown} {lab['unit']} is {side} for its range ({bounds})"
                f" but flagged '{flag}'."
            )
        yield Hit((*path, "flag") if flag else path, message, f"Set 'flag' to '{side}'.")


@rule(
    "CK509",
    "reference-range-reversed",
    "data-quality",
    Severity.ERROR,
    summary="A reference range's lower limit is above its upper limit.",
    rationale="Swapped limits make every value look abnormal and the flags meaningless;"
    " it usually means the two numbers were typed into each other's place.",
    bad='"reference_range": {"low": 450, "high": 150}',
    good='"reference_range": {"low": 150, "high": 450, "source": "Reporting laboratory"}',
)
def reference_range_reversed(case: CaseView) -> Iterator[Hit]:
    for path, lab in case.lab_results:
        reference = lab.get("reference_range") or {}
        low, high = reference.get("low"), reference.get("high")
        if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
            yield Hit(
                (*path, "reference_range"),
                f"The range of {lab['test']} runs from {low} down to {high}.",
                "Swap 'low' and 'high' (or correct the one that is wrong).",
            )


@rule(
    "CK510",
    "reference-range-unsourced",
    "data-quality",
    Severity.WARNING,
    summary="A reference range does not say where it comes from.",
    rationale="Normal ranges differ between laboratories, methods and ages (children's above"
    " all); a reader can only judge a value against a range whose source is known.",
    bad='"reference_range": {"low": 150, "high": 450}',
    good='"reference_range": {"low": 150, "high": 450, "source": "Reporting laboratory"}',
)
def reference_range_unsourced(case: CaseView) -> Iterator[Hit]:
    for path, lab in case.lab_results:
        reference = lab.get("reference_range")
        if isinstance(reference, dict) and not str(reference.get("source") or "").strip():
            yield Hit(
                (*path, "reference_range"),
                f"The range of {lab['test']} does not say where it comes from.",
                "Add 'source': the reporting laboratory, or the reference the range is taken"
                " from. If the report gives no range, leave the range out rather than guess.",
            )


#: 'x 109/L' (with a multiplication sign) is what 'x 10⁹/L' becomes when the superscript
#: is lost in copy and paste.
_POWER = r"10\s?(?:9|12|6|3)\s?/\s?(?:[lL]|[u\u00b5\u03bc][lL])"
_LOST_SUPERSCRIPT_TEXT = re.compile(r"[x\u00d7]\s?" + _POWER + r"\b")
_LOST_SUPERSCRIPT_UNIT = re.compile(r"^\s*[x\u00d7]?\s?" + _POWER + r"\s*$")
#: A number with a decimal comma and a unit; the word boundary before the number is tested
#: after its first digit, so that the regular-expression engine skips ahead to digits.
_DECIMAL_COMMA = re.compile(
    r"\d(?<![\w]\d)\d{0,2},\d{1,2}\s?(?:g/d[lL]|g/[lL]|mg/[lL]|mg/d[lL]|mmol/[lL]|[x\u00d7]\s?10)"
)


@rule(
    "CK504",
    "pasted-value-artefact",
    "data-quality",
    Severity.ERROR,
    summary="A value looks damaged by copy and paste (a lost superscript or a decimal comma).",
    rationale="Pasting from a PDF turns '\u00d7 10⁹/L' into '\u00d7 109/L' and can keep a decimal"
    " comma ('7,9'): the number a reader sees is then wrong by a factor of a million or"
    " more.",
    bad='"result": "WCC 7.9 \u00d7 109/L"  or  "unit": "109/L"',
    good='"result": "WCC 7.9 \u00d7 10^9/L"  and  "unit": "10^9/L"',
)
def pasted_value_artefact(case: CaseView) -> Iterator[Hit]:
    for path, lab in case.lab_results:
        if _LOST_SUPERSCRIPT_UNIT.search(lab["unit"]):
            yield Hit(
                (*path, "unit"),
                f"The unit '{lab['unit']}' of {lab['test']} looks like"
                " '10⁹/L' (or another power of ten) with its superscript lost.",
                "Write the power with a caret: '10^9/L', '10^12/L'.",
            )
    for path, text in case.text_fields:
        match = _LOST_SUPERSCRIPT_TEXT.search(text) if "10" in text else None
        if match:
            yield Hit(
                path,
                f"'{match.group()}' looks like a power of ten with its superscript"
                " lost in copy and paste (109 for 10⁹).",
                "Write it as '\u00d7 10^9/L' (or 10⁹/L), and put laboratory values in"
                " investigations.laboratory.",
            )
        match = _DECIMAL_COMMA.search(text) if "," in text else None
        if match:
            yield Hit(
                path,
                f"'{match.group()}' uses a decimal comma.",
                "Write decimals with a point (7.9, not 7,9).",
            )


@rule(
    "CK505",
    "timeline-out-of-order",
    "data-quality",
    Severity.WARNING,
    summary="Timeline events are not in time order.",
    rationale="The timeline is read top to bottom; an event listed before an earlier one is"
    " usually a wrong time or unit ('6 weeks' typed as '6 days').",
    bad='[{"time": {"value": 2, "unit": "weeks"}}, {"time": {"value": 3, "unit": "days"}}]',
    good='[{"time": {"value": 3, "unit": "days"}}, {"time": {"value": 2, "unit": "weeks"}}]',
)
def timeline_out_of_order(case: CaseView) -> Iterator[Hit]:
    latest = None
    for index, event in enumerate(case.data.get("timeline") or []):
        days = to_days(event["time"])
        if latest is not None and days < latest[0]:
            yield Hit(
                ("timeline", index, "time"),
                f"This event ({_when(event['time'])}) is listed after one at {_when(latest[1])}.",
                "Check the time and its unit, or move the event to its place in time.",
            )
        if latest is None or days >= latest[0]:
            latest = (days, event["time"])


def _when(time: dict[str, Any]) -> str:
    """'4 months', '-5 years', '2 years 8 months'."""
    return ("-" if durations.is_before(time) else "") + durations.phrase(time)


_STATED_AGE = re.compile(
    r"\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b|\baged (\d{1,3})(?: years)?\b", re.I
)


def _age_years(case: CaseView) -> float | None:
    age = (case.data.get("patient") or {}).get("age")
    if not age:
        return None
    return to_days(age) / DAYS_PER_YEAR


@rule(
    "CK506",
    "timeline-contradicts-age",
    "data-quality",
    Severity.ERROR,
    summary="A timeline event contradicts the patient's stated age.",
    rationale="An event before birth, or an age in the text that cannot be right at that"
    " point of the course, means a time, a unit or an age is wrong.",
    bad='"patient": {"age": {"value": 3, "unit": "years"}}, "timeline": [{"time": {"value":'
    ' -5, "unit": "years"}, ...}]',
    good='"timeline": [{"time": {"value": -2, "unit": "years"}, "description": "Born at term'
    ' ..."}]',
)
def timeline_contradicts_age(case: CaseView) -> Iterator[Hit]:
    age = _age_years(case)
    if age is None:
        return
    for index, event in enumerate(case.data.get("timeline") or []):
        at = age + to_days(event["time"]) / DAYS_PER_YEAR
        if at < -0.75:  # allow for events in pregnancy
            yield Hit(
                ("timeline", index, "time"),
                f"This event ({_when(event['time'])} from presentation) would fall before"
                f" the patient was born (age at presentation"
                f" {_when(case.data['patient']['age'])}).",
                "Check the time, its unit and the patient's age.",
            )
            continue
        lowered = event["description"].lower()
        if "old" not in lowered and "aged" not in lowered:
            continue  # no stated age (one of the two words is in every match)
        for match in _STATED_AGE.finditer(event["description"]):
            stated = int(match.group(1) or match.group(2))
            if abs(stated - at) > 1.0:
                yield Hit(
                    ("timeline", index, "description"),
                    f"The text says '{match.group()}', but the patient would be about"
                    f" {at:.0f} years old at this point.",
                    "Check the patient's age, the event's time, or the text.",
                )
                break


_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


@rule(
    "CK507",
    "reference-without-identifier",
    "data-quality",
    Severity.WARNING,
    summary="A reference has neither a DOI nor a PMID.",
    rationale="A DOI or PMID lets readers and the site link the work and lets casekit check"
    " the citation; most journal articles have one.",
    bad='{"id": "smith2020", "type": "article-journal", "title": "..."}',
    good='{"id": "smith2020", "type": "article-journal", "title": "...", "DOI":'
    ' "10.1007/BF02484425"}',
)
def reference_without_identifier(case: CaseView) -> Iterator[Hit]:
    for index, ref in enumerate(case.data.get("references") or []):
        if not ref.get("DOI") and not ref.get("PMID"):
            yield Hit(
                ("references", index),
                f"The reference '{ref['id']}' has neither a DOI nor a PMID.",
                "Add its DOI (or PMID); a reference manager export usually includes it."
                " If the work has none, suppress CK507 here with that reason.",
            )


@rule(
    "CK508",
    "malformed-identifier",
    "data-quality",
    Severity.ERROR,
    summary="A DOI is malformed.",
    rationale="A malformed DOI produces a dead link on the site and in the abstract.",
    bad='"DOI": "https://doi.org/10.1007/BF02484425"  or  "DOI": "10.1007 BF02484425"',
    good='"DOI": "10.1007/BF02484425"',
)
def malformed_identifier(case: CaseView) -> Iterator[Hit]:
    places = [
        (("references", i, "DOI"), r.get("DOI"))
        for i, r in enumerate(case.data.get("references") or [])
    ]
    places += [
        (("presentations", i, "doi"), p.get("doi"))
        for i, p in enumerate(case.data.get("presentations") or [])
    ]
    for path, doi in places:
        if not isinstance(doi, str) or _DOI.match(doi.strip()):
            continue
        if _DOI_PREFIX.match(doi):
            hint = f"Write the DOI alone, without the prefix: '{_DOI_PREFIX.sub('', doi)}'."
        else:
            hint = (
                "A DOI starts with '10.', then a number, a slash and the item's suffix, for"
                " example '10.1007/BF02484425'."
            )
        yield Hit(path, f"'{doi}' is not a well-formed DOI.", hint)
