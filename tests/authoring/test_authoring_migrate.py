"""``casekit migrate``: the step registry, and the command on a version-0 fixture.

Version 0 is a tiny pre-release draft format (see casekit.authoring.migrations); it was
never published and exists to test the mechanism.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casekit.authoring.migrations import STEPS, MigrationError, migrate
from casekit.resources import schema_version


def copy_fixture(fixtures: Path, tmp_path: Path) -> Path:
    cases = tmp_path / "cases"
    cases.mkdir()
    return Path(shutil.copy(fixtures / "v0-draft-case.json", cases / "v0-draft-case.json"))


def test_there_is_a_step_from_every_older_version() -> None:
    assert sorted(STEPS) == list(range(schema_version()))


def test_migrate_upgrades_a_version_0_case(cli, fixtures: Path, tmp_path: Path) -> None:
    path = copy_fixture(fixtures, tmp_path)
    assert cli("validate", str(path)).code == 1  # version 0 is not the current format
    result = cli("migrate", str(path))
    assert result.code == 0, result.err
    assert f"upgraded {path} from version 0 to 1" in result.out
    text = path.read_text(encoding="utf-8")
    case = json.loads(text)
    assert case["schema_version"] == 1
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
    assert "would upgrade" in result.out
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
