"""``casekit init``: every file of a new library, and nothing existing overwritten."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import yaml

from casekit.authoring.library import library_files


def test_init_writes_a_complete_library(cli, tmp_path: Path) -> None:
    folder = tmp_path / "my-library"
    result = cli("init", str(folder))
    assert result.code == 0, result.err
    for relative in library_files("x"):
        assert (folder / relative).is_file(), relative
    settings = json.loads((folder / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["json.schemas"][0]["fileMatch"] == ["cases/*.json"]
    config = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    assert "casekit" in config["tool"]
    mkdocs = yaml.load((folder / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert mkdocs["site_name"] == "My Library"
    assert mkdocs["hooks"] == ["hooks/casekit_site.py"]
    assert (folder / "schema/case.schema.json").read_text(encoding="utf-8").startswith("{")
    yaml.safe_load((folder / ".github/workflows/publish-site.yml").read_text(encoding="utf-8"))


def test_init_never_overwrites(cli, tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    result = cli("init", str(tmp_path))
    assert result.code == 0
    assert "kept" in result.out and "mkdocs.yml" in result.out
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"
    again = cli("init", str(tmp_path))
    assert again.code == 0 and "created" not in again.out


def test_a_new_case_in_a_new_library_validates(cli, tmp_path: Path, monkeypatch) -> None:
    assert cli("init", str(tmp_path)).code == 0
    monkeypatch.chdir(tmp_path)
    assert cli("new", "first-case").code == 0
    case = json.loads(Path("cases/first-case.json").read_text(encoding="utf-8"))
    assert case["$schema"] == "../schema/case.schema.json"
    assert cli("validate").code == 0


def test_init_on_a_file_is_refused(cli, tmp_path: Path) -> None:
    path = tmp_path / "file.txt"
    path.write_text("x", encoding="utf-8")
    result = cli("init", str(path))
    assert result.code == 1 and "is a file" in result.err


def test_a_new_library_builds_at_once(cli, tmp_path: Path, monkeypatch) -> None:
    assert cli("init", str(tmp_path)).code == 0
    monkeypatch.chdir(tmp_path)
    result = cli("build")
    assert result.code == 0, result.err
    assert (tmp_path / "site_build" / "index.html").is_file()
    assert (tmp_path / "site_build" / "reference" / "case-fields" / "index.html").is_file()
