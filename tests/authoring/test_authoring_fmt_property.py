"""Property test: on any schema-valid case, in any key order and layout, fmt keeps every
value exactly and a second run changes nothing."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.authoring.jsonfmt import RawNumber, format_text, parse_lossless
from casekit.characters import hidden_pattern
from casekit.loader import parse_text
from casekit.validate import validate_document

REPO = Path(__file__).resolve().parents[2]
BASE = (REPO / "cases" / "synthetic-septic-arthritis-hip.json").read_text(encoding="utf-8")

# Text an author may type: no control, format, private-use or unassigned characters
# (casekit rejects invisible characters), but tabs, line breaks, quotes and backslashes.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")).filter(
            lambda c: hidden_pattern().search(c) is None  # CK016: invisible characters
        ),
        st.sampled_from(["\n", "\t", '"', "\\", "/", "é", "\u00b5", "\U0001f9ea"]),
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
#: Within the schema's bounds (a time of at most 7,800 weeks; exponents only shrink).
NUMBER = st.from_regex(r"-?(0|[1-9][0-9]{0,2})(\.[0-9]{1,6})?([eE]-[0-9]{1,2})?", fullmatch=True)
FREE_TEXT_KEYS = {"description", "introduction", "discussion", "result", "presenting_complaint"}
FREE_NUMBER_KEYS = {("time", "value"), ("laboratory", "value")}


def mutate(value: Any, draw: Any, parent: str = "", key: str = "") -> Any:
    """Replace free text and unbounded numbers with generated ones, keeping validity."""
    if isinstance(value, dict):
        return {k: mutate(v, draw, key, k) for k, v in value.items()}
    if isinstance(value, list):
        return [mutate(v, draw, key, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT_KEYS:
        return draw(TEXT)
    if isinstance(value, RawNumber) and key == "value" and parent in {"time", "laboratory"}:
        return RawNumber(draw(NUMBER))
    return value


def shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {k: shuffled(value[k], rng) for k in keys}
    if isinstance(value, list):
        return [shuffled(v, rng) for v in value]
    return value


def serialise(value: Any, indent: int | None, ascii_only: bool) -> str:
    """JSON text in some author's layout (not casekit's), numbers as written."""
    pad = "" if indent is None else "\n"

    def walk(v: Any, depth: int) -> str:
        inner = pad + " " * ((indent or 0) * (depth + 1))
        outer = pad + " " * ((indent or 0) * depth)
        if isinstance(v, dict):
            items = [
                f"{inner}{json.dumps(k, ensure_ascii=ascii_only)}: {walk(x, depth + 1)}"
                for k, x in v.items()
            ]
            return "{" + ",".join(items) + outer + "}" if items else "{}"
        if isinstance(v, list):
            items = [inner + walk(x, depth + 1) for x in v]
            return "[" + ",".join(items) + outer + "]" if items else "[]"
        if isinstance(v, RawNumber):
            return v.text
        return json.dumps(v, ensure_ascii=ascii_only)

    return walk(value, 0)


@st.composite
def case_texts(draw: Any) -> str:
    data = mutate(parse_lossless(BASE), draw)
    data = shuffled(data, random.Random(draw(st.integers(0, 2**32))))
    return serialise(data, draw(st.sampled_from([None, 0, 1, 4])), draw(st.booleans()))


def numbers_as_text(text: str) -> Any:
    return json.loads(text, parse_float=lambda s: ("n", s), parse_int=lambda s: ("n", s))


@settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(case_texts())
def test_fmt_is_lossless_and_idempotent_on_valid_cases(text: str) -> None:
    path = Path("cases/synthetic-septic-arthritis-hip.json")
    findings = validate_document(parse_text(path, text))
    assert [f for f in findings if f.severity.value == "error"] == []  # really a valid case
    once = format_text(text)
    assert numbers_as_text(once) == numbers_as_text(text)
    assert format_text(once) == once
    assert once.endswith("\n") and list(json.loads(once))[:3] == ["$schema", "schema_version", "id"]
