"""The compiled validator (jsonschema-rs) must agree with jsonschema on every input.

validate trusts jsonschema-rs's yes/no for speed and asks jsonschema only for the
details of a failure, so a disagreement would hide a real error.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.validate import _fast_is_valid, validator

HERE = Path(__file__).parent
GOOD = json.loads((HERE / "good" / "minimal.json").read_text())
FOUNDING = json.loads((HERE.parent.parent / "cases" / "crmo-not-crmo.json").read_text())

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _refuse(token: str) -> Any:
    raise ValueError(token)


def _agree(instance: Any) -> None:
    assert _fast_is_valid()(instance) == validator().is_valid(instance)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from([GOOD, FOUNDING]),
    pick=st.integers(min_value=0),
    replacement=_json,
)
def test_agree_on_mutated_cases(base: dict[str, Any], pick: int, replacement: Any) -> None:
    data = copy.deepcopy(base)
    paths = [p for p in _paths(data) if p]
    path = paths[pick % len(paths)]
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = replacement
    _agree(data)


def test_agree_on_bad_fixtures_that_parse() -> None:
    checked = 0
    for path in (HERE / "bad").glob("*.json"):
        try:  # only what the loader lets through reaches validation (no NaN, no Infinity)
            data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse)
        except (ValueError, UnicodeDecodeError):
            continue
        _agree(data)
        checked += 1
    assert checked >= 8
