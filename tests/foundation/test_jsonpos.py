"""Positions: the quick single-path walk agrees with the full map on every value."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit import jsonpos

REPO = Path(__file__).resolve().parent.parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "cases").glob("*.json"))] + [
    '{"a": [ {}, [], "x", {"b": 1, "c": {"d": [1, [2, {"e": null}]]}}], "f": {}}',
    '  [ {"k\\"ey": "v"} , 3.5e2 ]  ',
]


@pytest.mark.parametrize("text", TEXTS)
def test_find_agrees_with_full_map(text: str) -> None:
    full = jsonpos.build(text)
    assert full.values
    for path, offset in full.values.items():
        value_offset, key_offset = jsonpos.find(text, path)
        assert value_offset == offset, path
        assert key_offset == full.keys.get(path), path


def test_missing_path_points_at_deepest_container() -> None:
    text = '{"a": {"b": [1, 2]}}'
    assert jsonpos.find(text, ("a", "zzz"))[0] == text.index('{"b"')
    assert jsonpos.find(text, ("a", "b", 5))[0] == text.index("[1")
    assert jsonpos.find(text, ("a", "b", 0, "x"))[0] == text.index("1,")


@pytest.mark.parametrize(
    "text", ["NaN }", "[NaN, {2}]", '{"a": NaN, ]', 'NaN\n  "x": 1\n}', '{"a": 1, "a": 2}}}']
)
def test_full_map_survives_text_that_is_malformed_after_the_problem(text: str) -> None:
    positions = jsonpos.build(text)
    assert positions.nonfinite or positions.duplicates
