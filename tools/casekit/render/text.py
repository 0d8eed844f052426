"""Small wordings shared by every output: times, ages, lab values."""

from __future__ import annotations

from typing import Any

from casekit.durations import UNIT_DAYS
from casekit.labranges import side_of_range

EN_DASH = "\u2013"
_SINGULAR = {"hours": "hour", "days": "day", "weeks": "week", "months": "month", "years": "year"}


def _amount(value: float | int, unit: str) -> str:
    shown = str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"
    word = _SINGULAR.get(unit, unit) if abs(value) == 1 else unit
    return f"{shown} {word}"


def time_phrase(duration: dict[str, Any]) -> str:
    """'At presentation', 'About 4 months after presentation', '2 weeks before presentation'."""
    value = duration.get("value", 0)
    unit = str(duration.get("unit", "days"))
    about = "about " if duration.get("approximate") else ""
    if value == 0:
        return "At presentation" if not about else "Around presentation"
    side = "after" if value > 0 else "before"
    phrase = f"{about}{_amount(abs(value), unit)} {side} presentation"
    return phrase[0].upper() + phrase[1:]


def figure_time(duration: dict[str, Any]) -> str:
    """A timeline label: "Presentation", "1 week", "About 4 months", "2 days before"."""
    value = duration.get("value", 0)
    if value == 0:
        return "Presentation"
    about = "About " if duration.get("approximate") else ""
    amount = _amount(abs(value), str(duration.get("unit", "days")))
    phrase = f"{about}{amount}" + (" before" if value < 0 else "")
    return phrase[0].upper() + phrase[1:]


def short_time(duration: dict[str, Any]) -> str:
    """A compact label for figures: 'Day 0', '~4 mo', '1 wk', '-2 d'."""
    abbreviations = {"hours": "h", "days": "d", "weeks": "wk", "months": "mo", "years": "y"}
    value = duration.get("value", 0)
    unit = str(duration.get("unit", "days"))
    if value == 0:
        return "Presentation"
    shown = str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"
    mark = "~" if duration.get("approximate") else ""
    return f"{mark}{shown} {abbreviations.get(unit, unit)}"


def in_days(duration: dict[str, Any]) -> float:
    """Like :func:`casekit.durations.to_days`, reading a missing value or unit as 0 days."""
    value = duration.get("value", 0)
    return float(value) * UNIT_DAYS.get(str(duration.get("unit", "days")), 1.0)


def age_phrase(age: dict[str, Any]) -> str:
    value = age.get("value", 0)
    unit = str(age.get("unit", "years"))
    return _amount(value, unit)


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
    return _LABELS.get(str(token), humanize(token))


def humanize(token: str) -> str:
    """'not-performed' -> 'not performed'; 'bone-scan' -> 'bone scan'."""
    return str(token).replace("-", " ").replace("_", " ")


def oxford_join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
