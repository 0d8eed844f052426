"""``casekit migrate``: the step registry, the command, and upgrades that lose nothing.

Version 0 is a tiny pre-release draft format (see casekit.authoring.migrations); it was
never published and exists to test the mechanism. Version 1 is the first published format;
``fixtures/v1/`` holds every version-1 case file the project had (its own cases, the lint
base case and the validation fixtures) as they were before version 2.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.authoring.jsonfmt import (
    RawNumber,
    child_schema,
    format_data,
    format_text,
    parse_lossless,
)
from casekit.authoring.migrations import (
    STEPS,
    MigrationError,
    describe_changes,
    lost_values,
    migrate,
)
from casekit.loader import LoadError, parse_text
from casekit.resources import frozen_schema, schema_version
from casekit.validate import validate_document

HERE = Path(__file__).parent
V1 = HERE / "fixtures" / "v1"
REPO = HERE.parent.parent


def copy_fixture(fixtures: Path, tmp_path: Path) -> Path:
    cases = tmp_path / "cases"
    cases.mkdir()
    return Path(shutil.copy(fixtures / "v0-draft-case.json", cases / "v0-draft-case.json"))


def test_there_is_a_step_from_every_older_version() -> None:
    assert sorted(STEPS) == list(range(schema_version()))


def test_migrate_upgrades_a_version_0_case(cli, fixtures: Path, tmp_path: Path) -> None:
    path = copy_fixture(fixtures, tmp_path)
    assert cli("validate", str(path)).code == 1  # version 0 is not a format casekit reads
    result = cli("migrate", str(path))
    assert result.code == 0, result.err
    assert f"upgraded {path} from version 0 to 2:" in result.out
    assert "$.patient.age_years: removed" in result.out
    assert "$.patient.age: added" in result.out
    text = path.read_text(encoding="utf-8")
    case = json.loads(text)
    assert case["schema_version"] == 2
    assert case["patient"]["age"] == {"value": 7.0, "unit": "years"}
    assert '"value": 7.0' in text  # the number is kept as written
    assert "age_years" not in case["patient"]
    assert cli("validate", str(path)).code == 0
    assert cli("fmt", "--check", str(path)).code == 0


def test_migrate_leaves_current_cases_alone(cli, repo: Path, synthetic_case: Path) -> None:
    before = synthetic_case.read_bytes()
    result = cli("migrate", str(synthetic_case))
    assert result.code == 0
    assert "0 upgraded, 1 already current" in result.out
    assert synthetic_case.read_bytes() == before


def test_check_reports_without_writing(cli, fixtures: Path, tmp_path: Path) -> None:
    path = copy_fixture(fixtures, tmp_path)
    before = path.read_bytes()
    result = cli("migrate", "--check", str(tmp_path / "cases"))
    assert result.code == 1
    assert f"would upgrade {path} from version 0 to 2:" in result.out
    assert "    $.schema_version: 0 -> 2" in result.out
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("version", "message"),
    [(99, "newer than this casekit"), ("one", "whole number"), (None, "no 'schema_version'")],
)
def test_unusable_versions_are_explained(
    cli, tmp_path: Path, version: object, message: str
) -> None:
    case: dict[str, object] = {"id": "odd-case"}
    if version is not None:
        case["schema_version"] = version
    path = tmp_path / "odd-case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    result = cli("migrate", str(path))
    assert result.code == 1
    assert message in result.err
    assert json.loads(path.read_text(encoding="utf-8")) == case


def test_a_version_without_a_step_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(STEPS, 0)
    with pytest.raises(MigrationError, match="never a published format"):
        migrate({"schema_version": 0})


def test_an_upgrade_that_would_lose_a_value_is_refused(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def careless(case: dict[str, Any]) -> dict[str, Any]:
        case.pop("title")
        case["schema_version"] = 2
        return case

    monkeypatch.setitem(STEPS, 1, careless)
    path = tmp_path / "minimal.json"
    shutil.copy(V1 / "minimal.json", path)
    before = path.read_bytes()
    result = cli("migrate", str(path))
    assert result.code == 1
    assert "would lose the value at $.title" in result.err
    assert path.read_bytes() == before


# --- every version-1 case the project has -------------------------------------------------


def _v1_files() -> list[Path]:
    """Every case file in the repository written in version 1 (the fixtures above and any
    other that is still in version 1)."""
    found = []
    for path in sorted([*REPO.glob("tests/**/*.json"), *REPO.glob("cases/*.json")]):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(data, dict) and data.get("schema_version") == 1:
            found.append(path)
    return found


V1_FILES = _v1_files()


def test_the_project_keeps_its_version_1_cases_as_fixtures() -> None:
    names = {p.name for p in V1_FILES}
    assert {"crmo-not-crmo.json", "synthetic-septic-arthritis-hip.json", "minimal.json"} <= names
    assert len(V1_FILES) >= 15


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    if isinstance(data, dict):
        return {p: v for k, sub in data.items() for p, v in _leaves(sub, (*path, k)).items()}
    if isinstance(data, list):
        return {p: v for i, sub in enumerate(data) for p, v in _leaves(sub, (*path, i)).items()}
    return {path: data}


def _found(text: str, name: str) -> list[tuple[str, str]]:
    """(code, JSON path) of what validation finds, less the notice of an old version."""
    try:
        doc = parse_text(Path(name), text)
    except LoadError as exc:
        return [(exc.finding.code, exc.finding.json_path_text)]
    return sorted(
        (f.code, f.json_path_text)
        for f in validate_document(doc)
        if f.code not in ("CK020", "CK021")
    )


@pytest.mark.parametrize("path", V1_FILES, ids=[p.name for p in V1_FILES])
def test_every_version_1_case_migrates_with_nothing_lost(cli, path: Path, tmp_path: Path) -> None:
    target = tmp_path / path.name
    shutil.copy(path, target)
    original = path.read_text(encoding="utf-8")
    try:
        parse_text(path, original)
    except LoadError:  # a file casekit cannot read (NaN, a repeated key...) is left alone
        result = cli("migrate", str(target))
        assert result.code == 1
        assert target.read_text(encoding="utf-8") == original
        return
    result = cli("migrate", str(target))
    assert result.code == 0, result.err
    assert result.out.splitlines()[1:2] == ["    $.schema_version: 1 -> 2"]
    migrated = target.read_text(encoding="utf-8")
    before, after = _leaves(parse_lossless(original)), _leaves(parse_lossless(migrated))
    assert after.pop(("schema_version",)) == RawNumber("2")
    assert before.pop(("schema_version",)) == RawNumber("1")
    assert after == before  # every value, at the same place, as written
    assert format_text(migrated) == migrated  # laid out as fmt lays it out
    assert _found(migrated, path.name) == _found(original, path.name)
    old = [f.code for f in validate_document(parse_text(path, original))]
    assert "CK020" in old or any(f.startswith("CK011") for f in old)
    assert "CK020" not in [f.code for f in validate_document(parse_text(path, migrated))]


# --- any version-1 case ----------------------------------------------------------------------

V1_SCHEMA = frozen_schema(1)
VALID_V1 = [
    parse_lossless((V1 / name).read_text(encoding="utf-8"))
    for name in (
        "crmo-not-crmo.json",
        "synthetic-septic-arthritis-hip.json",
        "base-case.json",
        "minimal.json",
    )
]
TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")
NUMBER = st.from_regex(r"-?(0|[1-9][0-9]{0,6})(\.[0-9]{1,4})?", fullmatch=True)
NOT_FREE = {"id", "links", "confirmed_by", "revised_to", "evidence", "reference", "$schema"}


def _vary(value: Any, schema: Any, draw: Any, key: str | int | None = None) -> Any:
    """``value`` with optional fields dropped and values redrawn, within version 1."""
    node = child_schema(schema, key, V1_SCHEMA) if key is not None else schema
    if isinstance(value, dict):
        node = node or {}
        required = set(node.get("required", []))
        out = {}
        for name, sub in value.items():
            if name not in required and draw(st.integers(0, 4)) == 0:
                continue  # an optional field left out
            out[name] = _vary(sub, node, draw, name)
        return out
    if isinstance(value, list):
        items = [_vary(v, node, draw, 0) for v in value]
        if node and "minItems" in node:
            return items
        return items[: draw(st.integers(0, len(items)))]
    if node and ("enum" in node or "const" in node):
        if key == "schema_version" or "const" in node or draw(st.booleans()):
            return value
        return draw(st.sampled_from(node["enum"]))
    if isinstance(value, str) and key not in NOT_FREE and not (node or {}).get("pattern"):
        return draw(TEXT) if draw(st.booleans()) else value
    if isinstance(value, RawNumber) and node and "minimum" not in node and key != "schema_version":
        return RawNumber(draw(NUMBER))
    return value


@st.composite
def v1_cases(draw: Any) -> Any:
    base = copy.deepcopy(draw(st.sampled_from(VALID_V1)))
    return _vary(base, V1_SCHEMA, draw)


@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(v1_cases())
def test_any_version_1_case_migrates_losslessly_and_keeps_its_meaning(case: Any) -> None:
    text = format_data(case)
    upgraded, start = migrate(copy.deepcopy(case))
    assert start == 1
    assert lost_values(case, upgraded) == []
    assert describe_changes(case, upgraded) == ["$.schema_version: 1 -> 2"]
    before, after = _leaves(case), _leaves(upgraded)
    before.pop(("schema_version",))
    after.pop(("schema_version",))
    assert before == after
    new_text = format_data(upgraded)
    assert format_text(new_text) == new_text
    # What validation says about the case is unchanged, but for the old-version notice.
    assert _found(new_text, "case.json") == _found(text, "case.json")
