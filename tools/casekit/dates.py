"""The one rule for dates that decide publication: embargoes are judged in UTC.

A case's ``embargo_until`` is a calendar date with no time zone. casekit reads it as a
date in Coordinated Universal Time: the embargo is over from 00:00 UTC on that day, on
every machine, whatever its local time zone (a build server in UTC and an author's laptop
in another zone judge alike).
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def today_utc() -> date:
    """Today's date in UTC: the day embargoes are judged on."""
    return datetime.now(UTC).date()


def calendar_date(text: str) -> date | None:
    """``text`` (YYYY-MM-DD) as a date that exists, or None (2026-02-30, 0000-01-01)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
