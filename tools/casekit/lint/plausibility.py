"""CK520-CK522: laboratory values that cannot be right, and the likely reason.

A value is judged in its analyte's own unit (``lint/labvalues.py``) against the limits in
``lint/data/lab_values.json``: physical limits (a count cannot be negative, a Westergren
ESR cannot exceed its column) make a value impossible (CK520, an error); the most extreme
values reported in the cited sources make it implausible (CK521, a warning). A count per
microlitre written with a fractional part cannot be a count at all (CK520).

Each message names the likely cause when one explains the value: a thousands separator
read as a decimal point ('WBC 11.570/µL'), a unit mixed up with its tenfold neighbour
(g/dL for g/L, mg/dL for mg/L: a CRP of 84 mg/dL), or a lost superscript (×10⁹/L written
as /L). A cause explains a value when the corrected value is within every limit and, where
the analyte has one, within a wide band around its usual range.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from casekit.findings import JsonPath, Severity
from casekit.lint.data_quality import normal_unit
from casekit.lint.engine import CaseView, Hit, rule
from casekit.lint.labvalues import Analyte, Limit, analyte_of, shown
from casekit.lint.labvalues import sources as lab_sources
from casekit.render.units import display_unit, with_unit

#: How far outside its usual range a corrected value may still fall and count as ordinary.
_USUAL_BAND = 4.0
#: How far below its usual range a value must be before a thousandfold slip is suspected.
_FAR_BELOW = 10.0
_TENFOLD_PARTNERS = {"g/dl": "g/L", "g/l": "g/dL", "mg/dl": "mg/L", "mg/l": "mg/dL"}


@dataclass(frozen=True)
class Verdict:
    impossible: bool
    message: str
    hint: str


@dataclass(frozen=True)
class _Cause:
    description: str
    corrected: float  # in the analyte's own unit
    rewrite: str  # how to write it


def _cite(keys: tuple[str, ...]) -> str:
    """': Hajek et al., Rev Med Interne 2011; ...' (empty when there are no sources)."""
    known = lab_sources()
    names = [known[k].get("short", k) for k in keys if k in known]
    return f": {'; '.join(names)}" if names else ""


def _beyond(value: float, limit: Limit) -> bool:
    return value < limit.value if limit.side == "low" else value > limit.value


def _acceptable(analyte: Analyte, value: float) -> bool:
    if any(_beyond(value, lim) for lim in analyte.limits):
        return False
    if analyte.usual is None:
        return True
    low, high = analyte.usual
    return low / _USUAL_BAND <= value <= high * _USUAL_BAND


def _causes(analyte: Analyte, value: float, unit: str) -> Iterator[_Cause]:
    normal = normal_unit(unit)
    shown_unit = display_unit(unit)
    if analyte.is_count_per_volume(unit) and value < 1000:
        written = f"{value:.3f}"
        thousands = f"{round(value * 1000):,}".replace(",", " ")
        factor = analyte.factor(unit) or 0
        yield _Cause(
            f"'{written}' written with a point as the thousands separator, for"
            f" {thousands} {shown_unit}",
            value * 1000 * factor,
            f"{round(value * 1000)} {shown_unit}",
        )
    partner = _TENFOLD_PARTNERS.get(normal)
    if partner and analyte.factor(partner) is not None:
        yield _Cause(
            f"the unit mixed up with its tenfold neighbour: {shown(value)} {partner} rather"
            f" than {shown(value)} {shown_unit}",
            value * (analyte.factor(partner) or 0),
            f"{shown(value)} {partner}",
        )
    if analyte.kind == "count" and normal == "/l" and analyte.factor("10^9/L") is not None:
        yield _Cause(
            f"a lost superscript: {shown(value)} ×10⁹/L written as {shown(value)} /L",
            value * (analyte.factor("10^9/L") or 0),
            f"{shown(value)} ×10^9/L",
        )


def _as_own(value: float, analyte: Analyte) -> str:
    """' 0.335 ×10⁹/L,' (nothing for a number too small to read)."""
    return f" {with_unit(shown(value), analyte.unit)}," if value >= 0.001 else ""


def _likely(analyte: Analyte, value: float, unit: str) -> _Cause | None:
    causes = _causes(analyte, value, unit)
    return next((c for c in causes if _acceptable(analyte, c.corrected)), None)


def judge(lab: dict[str, object]) -> Verdict | None:
    """What is wrong with a laboratory value, if anything a rule should say."""
    analyte = analyte_of(lab)
    value = lab.get("value")
    unit = str(lab.get("unit", ""))
    if analyte is None or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    factor = analyte.factor(unit)
    if factor is None:
        return None
    value = float(value)
    own = value * factor
    usual = analyte.usual is None or own >= analyte.usual[0] / _FAR_BELOW
    within = not any(_beyond(own, limit) for limit in analyte.limits)
    whole = value.is_integer() or not analyte.is_count_per_volume(unit)
    if usual and within and whole:
        return None  # the usual case, decided before any message is written
    reading = f"{lab.get('test')} {with_unit(shown(value), unit)}"
    if analyte.is_count_per_volume(unit) and not value.is_integer():
        three_decimals = abs(value * 1000 - round(value * 1000)) < 1e-6
        cause = _likely(analyte, value, unit) if three_decimals else None
        return Verdict(
            True,
            f"{reading} is not a whole number of cells per microlitre"
            + (f": probably {cause.description}." if cause else "."),
            (f"Write {cause.rewrite}" if cause else "Check the value against the report")
            + f", or give it in ×10⁹/L ({shown(own)} ×10⁹/L as written).",
        )
    for kind, impossible in (("physical", True), ("reported", False)):
        for limit in analyte.limits:
            if limit.kind != kind or not _beyond(own, limit):
                continue
            cause = _likely(analyte, value, unit)
            edge = "below" if limit.side == "low" else "above"
            limit_text = with_unit(shown(limit.value), analyte.unit)
            if factor != 1:
                edge = f"{with_unit(shown(own), analyte.unit)}, {edge}"
            if impossible:
                why = f"{reading} cannot be right: it is {edge} {limit_text}. {limit.note}"
            else:
                why = (
                    f"{reading} is {edge} the most extreme value casekit's sources report"
                    f" ({limit_text}{_cite(limit.sources)})."
                )
            likely = f" Probably {cause.description}." if cause else ""
            hint = (
                f"Check the report; if that is the cause, write {cause.rewrite}."
                if cause
                else "Check the value and its unit against the report."
            )
            return Verdict(impossible, why.rstrip() + likely, hint)
    if analyte.usual is not None and own < analyte.usual[0] / _FAR_BELOW:
        cause = _likely(analyte, value, unit)
        if cause is not None:
            low, high = analyte.usual
            band = f"{shown(low)}-{shown(high)} {display_unit(analyte.unit)}"
            return Verdict(
                False,
                f"{reading} is{_as_own(own, analyte)} far below the usual"
                f" range ({band} in adults and children{_cite(analyte.usual_sources)}):"
                f" probably {cause.description}.",
                f"Check the report; if that is the cause, write {cause.rewrite}.",
            )
    return None


def _verdicts(case: CaseView) -> list[tuple[JsonPath, Verdict]]:
    """Every laboratory result's verdict, judged once for CK520 and CK521 together."""
    found = ((path, judge(lab)) for path, lab in case.lab_results)
    return [(path, verdict) for path, verdict in found if verdict is not None]


@rule(
    "CK520",
    "lab-value-impossible",
    "data-quality",
    Severity.ERROR,
    summary="A laboratory value cannot be right (beyond a physical limit, or a count per"
    " microlitre with a fraction).",
    rationale="A count cannot be negative or fractional per microlitre, a percentage of a whole"
    " cannot pass 100, a Westergren ESR cannot exceed its 200 mm column, whole-blood"
    " haemoglobin cannot exceed the concentration inside red cells. Such a value is a typing"
    " or pasting slip, usually a thousands separator read as a decimal point or a unit mixed"
    " up; the message names the likely cause. Limits and their sources are data"
    " (casekit/lint/data/lab_values.json).",
    bad='{"test": "White cell count", "value": 11.57, "unit": "/µL"}  (typed from "WBC 11.570/µL")',
    good='{"test": "White cell count", "value": 11570, "unit": "/µL"}',
)
def lab_value_impossible(case: CaseView) -> Iterator[Hit]:
    for path, verdict in case.shared(_verdicts):
        if verdict.impossible:
            yield Hit((*path, "value"), verdict.message, verdict.hint)


@rule(
    "CK521",
    "lab-value-implausible",
    "data-quality",
    Severity.WARNING,
    summary="A laboratory value is beyond anything the cited sources report, or a thousandth"
    " of its usual range.",
    rationale="A CRP of 84 mg/dL (840 mg/L) is higher than any value in published series;"
    " a platelet count of 335 per microlitre is a thousandth of the usual range. Such values"
    " are almost always a unit mixed up with its tenfold neighbour or a thousands separator"
    " read as a decimal point. The limits are the most extreme values in cited sources, not"
    " reference ranges (casekit/lint/data/lab_values.json).",
    bad='{"test": "C-reactive protein", "value": 84, "unit": "mg/dL"}',
    good='{"test": "C-reactive protein", "value": 84, "unit": "mg/L"}',
)
def lab_value_implausible(case: CaseView) -> Iterator[Hit]:
    for path, verdict in case.shared(_verdicts):
        if not verdict.impossible:
            yield Hit((*path, "value"), verdict.message, verdict.hint)


#: '11.570/µL', '335.000 /mm³': a point followed by exactly three digits before a count unit.
_SEPARATOR = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?![\d,])(?!\.\d)\s*(/\s*(?:µ|μ|u|mc)?l\b|/\s*mm(?:3|³)|"
    r"cells\s*/\s*(?:µ|μ|u)?l\b|/\s*cumm\b)",
    re.IGNORECASE,
)


@rule(
    "CK522",
    "thousands-separator-in-count",
    "data-quality",
    Severity.WARNING,
    summary="A count in the text uses a point as the thousands separator ('11.570/µL').",
    rationale="Reports from many countries print '11.570/µL' for eleven thousand five hundred"
    " and seventy; an English reader, and any program, reads 11.57. Write counts without a"
    " separator or in ×10⁹/L.",
    bad='"description": "WBC 11.570/µL, PLT 335.000/µL"',
    good='"description": "WBC 11.57 ×10⁹/L, platelets 335 ×10⁹/L"',
)
def thousands_separator_in_count(case: CaseView) -> Iterator[Hit]:
    for path, text in case.text_fields:
        if "." not in text or "/" not in text:
            continue
        match = _SEPARATOR.search(text)
        if match:
            digits = match.group(1).replace(".", "")
            unit = match.group(2).strip()
            spaced = f"{int(digits):,}".replace(",", " ")
            yield Hit(
                path,
                f"'{match.group(0)}' reads as {shown(float(match.group(1)))} per microlitre; it is"
                f" probably {spaced} {unit} written with a point as the thousands separator.",
                f"Write {digits}{unit} (no separator), or {shown(int(digits) / 1000)} ×10⁹/L.",
            )
