"""Where a value lies against its range: one answer for lint (CK503) and the web page's flag."""

from __future__ import annotations

from typing import Any

import pytest

from casekit.labranges import side_of_range
from casekit.render.text import lab_flag

RANGE = {"low": 2, "high": 5}

CASES = [
    # value, comparator, range, expected
    (8, None, RANGE, "high"),
    (5, None, RANGE, "normal"),  # the limits belong to the range
    (2, None, RANGE, "normal"),
    (1, None, RANGE, "low"),
    (5, ">", RANGE, "high"),  # more than the upper limit
    (5, ">=", RANGE, None),  # could be exactly 5
    (6, ">=", RANGE, "high"),
    (500, "<", RANGE, None),  # anything below 500, the range included
    (2, "<", RANGE, "low"),
    (2, "<=", RANGE, None),
    (1, "<=", RANGE, "low"),
    (4, "<", {"high": 5}, "normal"),  # below 4, and no lower limit
    (4, "<", RANGE, None),  # below 4 may be below 2
    (3, ">", {"low": 2}, "normal"),
    (3, None, {"low": 5, "high": 2}, None),  # swapped limits: CK509 speaks, not CK503
    (3, None, {}, None),
    (3, None, {"source": "only a source"}, None),
    ("3", None, RANGE, None),
    (True, None, RANGE, None),
]


@pytest.mark.parametrize(("value", "comparator", "reference", "expected"), CASES)
def test_side_of_range(
    value: Any, comparator: str | None, reference: dict[str, Any], expected: str | None
) -> None:
    result: dict[str, Any] = {"value": value, "reference_range": reference}
    if comparator:
        result["comparator"] = comparator
    assert side_of_range(result) == expected
    # The page shows the same, or 'not stated'; a flag the author gave always wins.
    assert lab_flag(result) == (expected or "not stated")
    assert lab_flag({**result, "flag": "abnormal"}) == "abnormal"
