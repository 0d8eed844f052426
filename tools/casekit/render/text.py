"""Small wordings shared by every output: times, ages, lab values."""

from __future__ import annotations

from typing import Any

from casekit import durations, model
from casekit.durations import UNIT_DAYS
from casekit.labranges import side_of_range

EN_DASH = "\u2013"


def time_phrase(duration: dict[str, Any]) -> str:
    """'At presentation', 'About 4 months after presentation', '2 weeks before presentation'
    ('2 years 8 months after presentation' for a time written in parts)."""
    about = "about " if duration.get("approximate") else ""
    if durations.is_zero(duration):
        return "At presentation" if not about else "Around presentation"
    side = "before" if durations.is_before(duration) else "after"
    phrase = f"{about}{durations.phrase(duration)} {side} presentation"
    return phrase[0].upper() + phrase[1:]


def figure_time(duration: dict[str, Any]) -> str:
    """A timeline label: "Presentation", "1 week", "About 4 months", "2 days before"."""
    if durations.is_zero(duration):
        return "Presentation"
    about = "About " if duration.get("approximate") else ""
    phrase = f"{about}{durations.phrase(duration)}"
    phrase += " before" if durations.is_before(duration) else ""
    return phrase[0].upper() + phrase[1:]


def short_time(duration: dict[str, Any]) -> str:
    """A compact label for figures: 'Day 0', '~4 mo', '1 wk', '-2 d', '2 y 8 mo'."""
    abbreviations = {"hours": "h", "days": "d", "weeks": "wk", "months": "mo", "years": "y"}
    if durations.is_zero(duration):
        return "Presentation"
    sign = "-" if durations.is_before(duration) else ""
    shown = " ".join(
        f"{durations.number(value)} {abbreviations.get(unit, unit)}"
        for value, unit in durations.parts(duration)
    )
    mark = "~" if duration.get("approximate") else ""
    return f"{mark}{sign}{shown}"


def in_days(duration: dict[str, Any]) -> float:
    """Like :func:`casekit.durations.to_days`, reading a missing value or unit as 0 days."""
    if durations.in_parts(duration):
        return durations.to_days(duration)
    value = duration.get("value", 0)
    return float(value) * UNIT_DAYS.get(str(duration.get("unit", "days")), 1.0)


def age_phrase(age: dict[str, Any]) -> str:
    """'3 years', '18 months', '2 years 8 months'."""
    if not durations.in_parts(age):
        age = {"value": age.get("value", 0), "unit": age.get("unit", "years")}
    return durations.phrase(age)


def sex_word(sex: str) -> str:
    return {"female": "Female", "male": "Male", "intersex": "Intersex"}.get(sex, "Not stated")


def lab_value(result: dict[str, Any]) -> str:
    comparator = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}.get(
        str(result.get("comparator", "")), ""
    )
    value = result.get("value")
    shown = repr(value) if isinstance(value, float) else str(value)
    return f"{comparator} {shown}".strip() if comparator else shown


def reference_range(result: dict[str, Any]) -> str:
    """The range as the case states it, or 'not stated' — never a guess."""
    rng = result.get("reference_range") or {}
    low, high = rng.get("low"), rng.get("high")
    if low is not None and high is not None:
        return f"{low:g}{EN_DASH}{high:g}"
    if high is not None:
        return f"≤ {high:g}"
    if low is not None:
        return f"≥ {low:g}"
    return "not stated"


def lab_flag(result: dict[str, Any]) -> str:
    """The case's own flag; else one read from its stated range; else 'not stated'."""
    flag = result.get("flag")
    if isinstance(flag, str):
        return flag
    return side_of_range(result) or "not stated"


_LABELS = {
    "x-ray": "X-ray",
    "ct": "CT",
    "mri": "MRI",
    "whole-body-mri": "Whole-body MRI",
    "bone-scan": "Bone scan",
    "pet-ct": "PET-CT",
    "ultrasound": "Ultrasound",
    "follow-up": "follow-up",
}


def label(token: str) -> str:
    """Enumerated values as people write them: 'x-ray' -> 'X-ray', 'bone-scan' -> 'Bone scan'."""
    if str(token) in _LABELS:
        return _LABELS[str(token)]
    modality = model.modalities().get(str(token))
    return str(modality["label"]) if modality else humanize(token)


def humanize(token: str) -> str:
    """'not-performed' -> 'not performed'; 'bone-scan' -> 'bone scan'."""
    return str(token).replace("-", " ").replace("_", " ")


def oxford_join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
