"""[tool.casekit.lint] in pyproject.toml: found by walking up, checked before any case is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from linthelpers import base_case, write_case

from casekit.findings import Severity
from casekit.lint import ConfigError, LintConfig, load_config


def _library(tmp_path: Path, settings: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "cases").mkdir()
    data = base_case()
    data.pop("outcome")  # CK109 (warning)
    data["references"][0]["DOI"] = "doi:10.1007/BF02484425"  # CK508 (error)
    write_case(tmp_path / "cases", data)
    return tmp_path


def test_settings_are_found_from_a_subfolder(tmp_path: Path) -> None:
    _library(tmp_path, '[tool.casekit.lint]\nignore = ["CK1"]\nseverity = { CK508 = "warning" }\n')
    config = load_config(tmp_path / "cases")
    assert config.ignore == ("CK1",)
    assert config.severity == {"CK508": Severity.WARNING}
    assert "CK109" not in {r.code for r in config.enabled_rules()}


def test_no_settings_means_every_rule(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(tmp_path) == LintConfig()


def test_settings_apply_on_the_command_line(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(tmp_path, '[tool.casekit.lint]\nignore = ["CK109"]\nseverity = { CK508 = "info" }\n')
    monkeypatch.chdir(tmp_path / "cases")
    result = cli("lint", ".")
    assert result.code == 0
    assert "CK109" not in result.out
    assert "CK508 (info)" in result.out


def test_command_line_select_replaces_configured_select(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(tmp_path, '[tool.casekit.lint]\nselect = ["completeness"]\n')
    monkeypatch.chdir(tmp_path)
    assert "CK508" not in cli("lint").out
    assert "CK508" in cli("lint", "--select", "CK5").out


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ('[tool.casekit.lint]\nselekt = ["CK1"]\n', "Did you mean 'select'?"),
        ('[tool.casekit.lint]\nselect = "CK1"\n', "must be a list of texts"),
        ('[tool.casekit.lint]\nignore = ["CK999"]\n', "'CK999' matches no lint rule"),
        ('[tool.casekit.lint]\nignore = ["CK011"]\n', "always run"),
        (
            '[tool.casekit.lint]\nseverity = { CK109 = "fatal" }\n',
            "allowed values: error, warning, info",
        ),
        ('[tool.casekit.lint]\nseverity = { CK999 = "info" }\n', "not a lint rule"),
        ("[tool.casekit.lint\n", "not valid TOML"),
    ],
)
def test_bad_settings_exit_2_with_the_allowed_values(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str, expected: str
) -> None:
    _library(tmp_path, settings)
    monkeypatch.chdir(tmp_path)
    result = cli("lint")
    assert result.code == 2
    assert expected in result.err
    assert "pyproject.toml" in result.err
    with pytest.raises(ConfigError):
        load_config(tmp_path)
