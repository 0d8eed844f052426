"""Times in a case (``{"value": 4, "unit": "months"}``) as a number of days.

One table for every part of casekit that compares times or ages: the --as-of cut, the
timeline checks, the renderers' ordering and the site's age groups. A month is a twelfth
of a Julian year (30.4375 days), so twelve months make exactly one year.
"""

from __future__ import annotations

from typing import Any

UNITS = ("hours", "days", "weeks", "months", "years")
DAYS_PER_YEAR = 365.25
UNIT_DAYS = {
    "hours": 1 / 24,
    "days": 1.0,
    "weeks": 7.0,
    "months": DAYS_PER_YEAR / 12,
    "years": DAYS_PER_YEAR,
}


def to_days(duration: dict[str, Any]) -> float:
    """A schema-valid duration or age in days."""
    return float(duration["value"]) * UNIT_DAYS[duration["unit"]]
