"""Times and ages in a case, in every form the format allows.

A time or an age is written either as an amount with its unit (``{"value": 4, "unit":
"months"}``; a negative value for a time before presentation) or, from format version 2,
in parts as clinicians say it (``{"years": 2, "months": 8}``, with ``"before": true`` for
a time before presentation). This module is the one place that reads both: as a number of
days (the --as-of cut, the timeline checks, the renderers' ordering, the site's age
groups), as a phrase for people ("2 years 8 months") and as an ISO 8601 duration
("P2Y8M", which the Phenopacket export needs).

A month is a twelfth of a Julian year (30.4375 days), so twelve months make exactly one
year.
"""

from __future__ import annotations

import re
from typing import Any

UNITS = ("hours", "days", "weeks", "months", "years")
#: The parts of a time written in parts, largest first.
PARTS = ("years", "months", "weeks", "days", "hours")
DAYS_PER_YEAR = 365.25
UNIT_DAYS = {
    "hours": 1 / 24,
    "days": 1.0,
    "weeks": 7.0,
    "months": DAYS_PER_YEAR / 12,
    "years": DAYS_PER_YEAR,
}
_SINGULAR = {"hours": "hour", "days": "day", "weeks": "week", "months": "month", "years": "year"}


def in_parts(duration: dict[str, Any]) -> bool:
    """Whether ``duration`` is written in parts (``{"years": 2, "months": 8}``)."""
    return "value" not in duration and any(part in duration for part in PARTS)


def is_before(duration: dict[str, Any]) -> bool:
    """Whether the time lies before the first presentation."""
    if in_parts(duration):
        return duration.get("before") is True
    value = duration.get("value", 0)
    return isinstance(value, int | float) and value < 0


def parts(duration: dict[str, Any]) -> list[tuple[int | float, str]]:
    """The amounts and units, largest first, without sign; zero parts left out (a zero
    time keeps one part, so that it still reads '0 days')."""
    if in_parts(duration):
        found = [(duration[unit], unit) for unit in PARTS if unit in duration]
        nonzero = [(amount, unit) for amount, unit in found if amount]
        return nonzero or found[-1:]
    value = duration.get("value", 0)
    unit = str(duration.get("unit", "days"))
    return [(abs(value) if isinstance(value, int | float) else 0, unit)]


def to_days(duration: dict[str, Any]) -> float:
    """A schema-valid duration or age in days (negative before presentation)."""
    if in_parts(duration):
        days = sum(float(duration[unit]) * UNIT_DAYS[unit] for unit in PARTS if unit in duration)
        return -days if duration.get("before") is True else days
    return float(duration["value"]) * UNIT_DAYS[duration["unit"]]


def number(value: int | float) -> str:
    """7 for 7.0, 2.5 for 2.5: the amount as people write it."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}"


def amount(value: int | float, unit: str) -> str:
    """'1 month', '8 months', '2.5 years'."""
    word = _SINGULAR.get(unit, unit) if abs(value) == 1 else unit
    return f"{number(value)} {word}"


def phrase(duration: dict[str, Any]) -> str:
    """The length of a time or an age in words, without its direction: '2 years 8 months'."""
    return " ".join(amount(value, unit) for value, unit in parts(duration))


def is_zero(duration: dict[str, Any]) -> bool:
    return all(value == 0 for value, _ in parts(duration))


_ISO_DATE_PARTS = {"years": "Y", "months": "M", "days": "D"}


def iso8601(duration: dict[str, Any]) -> str:
    """The duration in ISO 8601 form: 'P2Y8M', 'P3W', 'P1DT6H', 'P2.5Y'.

    Weeks are written alone ('P3W') when they are the only part; beside other parts they
    become days, because ISO 8601-1 does not combine weeks with other parts. A time
    before presentation starts with a minus sign ('-P2W'), as ISO 8601-2 allows.
    """
    found = parts(duration)
    sign = "-" if is_before(duration) and not is_zero(duration) else ""
    if len(found) == 1 and found[0][1] == "weeks":
        return f"{sign}P{number(found[0][0])}W"
    date: dict[str, int | float] = {}
    hours: int | float = 0
    for value, unit in found:
        if unit == "weeks":
            date["days"] = date.get("days", 0) + value * 7
        elif unit == "hours":
            hours += value
        else:
            date[unit] = date.get(unit, 0) + value
    text = "".join(
        f"{number(date[unit])}{letter}" for unit, letter in _ISO_DATE_PARTS.items() if unit in date
    )
    if hours:
        text += f"T{number(hours)}H"
    return f"{sign}P{text or '0D'}"


_UNIT_WORDS = {
    "years": ("years", "year", "yrs", "yr", "y"),
    "months": ("months", "month", "mos", "mo", "m"),
    "weeks": ("weeks", "week", "wks", "wk", "w"),
    "days": ("days", "day", "d"),
    "hours": ("hours", "hour", "hrs", "hr", "h"),
}
_WORD_UNIT = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
_PAIR = re.compile(
    r"(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(_WORD_UNIT, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


class DurationTextError(ValueError):
    """The text is not a time or age such as '2 years 8 months'."""


def from_text(text: str) -> dict[str, Any]:
    """'3 years' -> {"value": 3, "unit": "years"}; '2 years 8 months' -> {"years": 2,
    "months": 8}; '2.5 years' -> {"value": 2.5, "unit": "years"}.

    One amount keeps the value-and-unit form; several become parts, which must be whole
    numbers, each unit once, largest first.
    """
    pairs = []
    at = 0
    stripped = text.strip()
    for match in _PAIR.finditer(stripped):
        if stripped[at : match.start()].strip(" ,") not in ("", "and"):
            break
        pairs.append((match.group(1), _WORD_UNIT[match.group(2).lower()]))
        at = match.end()
    if not pairs or stripped[at:].strip():
        raise DurationTextError(
            f"'{text}' is not a time such as '3 years', '18 months' or '2 years 8 months'."
        )
    if len(pairs) == 1:
        raw, unit = pairs[0]
        value: int | float = float(raw) if "." in raw else int(raw)
        return {"value": value, "unit": unit}
    units = [unit for _, unit in pairs]
    if any("." in raw for raw, _ in pairs):
        raise DurationTextError(
            f"'{text}': a time in parts takes whole numbers ('2 years 8 months'); write a"
            " fraction with one unit only ('2.5 years')."
        )
    if len(set(units)) != len(units) or units != sorted(units, key=PARTS.index):
        raise DurationTextError(
            f"'{text}': give each unit once, largest first ('2 years 8 months')."
        )
    return {unit: int(raw) for raw, unit in pairs}
