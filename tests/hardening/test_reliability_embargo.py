"""Embargo dates (issue 12, item 12): dates that cannot exist, and the day judged in UTC."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import pytest
from reliability_project import synthetic_case, write_case

from casekit.site.library import today


@pytest.mark.parametrize("day", ["2026-02-30", "0000-01-01", "2027-04-31"])
def test_an_embargo_date_that_cannot_exist_is_a_lint_error(cli, tmp_path: Path, day: str) -> None:
    path = write_case(tmp_path, synthetic_case("synthetic-odd-embargo", embargo_until=day))
    result = cli("lint", "--format", "json", str(path))
    assert result.code == 1
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "CK018" in codes


def test_a_real_embargo_date_is_no_finding(cli, tmp_path: Path) -> None:
    path = write_case(
        tmp_path, synthetic_case("synthetic-real-embargo", embargo_until="2028-02-29")
    )
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 0, result.out


def test_the_embargo_is_judged_in_utc_whatever_the_local_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At any moment one of these zones (UTC+14, UTC-12) has another date than UTC.
    class Config:
        extra: ClassVar[dict[str, object]] = {}

    try:
        for zone in ("Pacific/Kiritimati", "Etc/GMT+12"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            before = datetime.now(UTC).date()
            judged = today(Config())
            after = datetime.now(UTC).date()
            if before == after:  # midnight UTC did not pass meanwhile
                assert judged == before, zone
    finally:
        monkeypatch.undo()
        time.tzset()
