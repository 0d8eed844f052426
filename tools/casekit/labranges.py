"""Where a laboratory value lies against its stated reference range.

Lint (CK503: a value outside its range must be flagged) and the renderers (the flag shown
when the case gives none) both ask this, so they answer it here, the same way. A value
given only as a bound (``"comparator": "<"``, value 5: "below 5") is judged by what is
certain: "> 450" against an upper limit of 450 is certainly high, "< 500" is not.
"""

from __future__ import annotations

from typing import Any, Literal

Side = Literal["high", "low", "normal"]


def _certainly_above(value: float, comparator: str | None, limit: float) -> bool:
    if comparator is None:
        return value > limit
    if comparator == ">":
        return value >= limit
    if comparator == ">=":
        return value > limit
    return False  # "< x" and "<= x" say nothing about how far below x the value is


def _certainly_below(value: float, comparator: str | None, limit: float) -> bool:
    if comparator is None:
        return value < limit
    if comparator == "<":
        return value <= limit
    if comparator == "<=":
        return value < limit
    return False


def side_of_range(result: dict[str, Any]) -> Side | None:
    """'high' or 'low' when the value is certainly outside its stated range, 'normal' when
    it is certainly inside, None when there is no range, its limits are swapped, or the
    bound leaves it open."""
    value = result.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    comparator = result.get("comparator") or None
    reference = result.get("reference_range") or {}
    high, low = reference.get("high"), reference.get("low")
    if isinstance(high, int | float) and isinstance(low, int | float) and low > high:
        return None  # swapped limits (lint CK509): nothing can be said against them
    if isinstance(high, int | float) and _certainly_above(value, comparator, high):
        return "high"
    if isinstance(low, int | float) and _certainly_below(value, comparator, low):
        return "low"
    has_limit = isinstance(high, int | float) or isinstance(low, int | float)
    below_high = not isinstance(high, int | float) or (
        comparator in (None, "<", "<=") and value <= high
    )
    above_low = not isinstance(low, int | float) or (
        comparator in (None, ">", ">=") and value >= low
    )
    return "normal" if has_limit and below_high and above_low else None
