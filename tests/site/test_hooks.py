"""The MkDocs hooks on their own, as ``mkdocs build`` and ``mkdocs serve`` use them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from casefactory import REPO, synthetic_case, write_case
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from casekit.site import hooks


def _project(tmp_path: Path, *, library: str = "cases") -> Path:
    """A copy of the repository's site configuration and pages, with its own case folder."""
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "site", tmp_path / "site")
    hook = tmp_path / "tools" / "casekit" / "site"
    hook.mkdir(parents=True)
    (hook / "hooks.py").write_text("from casekit.site.hooks import *  # noqa: F403\n", "utf-8")
    (tmp_path / library).mkdir(exist_ok=True)
    return tmp_path / "mkdocs.yml"


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_reloads_on_cases_templates_and_schema(tmp_path: Path) -> None:
    config = load_config(str(_project(tmp_path)))
    server = _Server()
    hooks.on_serve(server, config, None)
    watched = {Path(p).name for p in server.watched}
    assert {"cases", "templates", "schema"} <= watched


def test_plain_mkdocs_build_generates_the_case_pages(tmp_path: Path) -> None:
    config_file = _project(tmp_path)
    write_case(tmp_path / "cases", synthetic_case("synthetic-plain-build"))
    config = load_config(str(config_file), site_dir=str(tmp_path / "out"), strict=True)
    build(config)
    assert (tmp_path / "out" / "cases" / "synthetic-plain-build" / "index.html").is_file()


def _fails_with(config_file: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> str:
    # MkDocs logs a hook's PluginError and stops with Abort.
    config = load_config(str(config_file), site_dir=str(tmp_path / "out"))
    with pytest.raises(Abort):
        build(config)
    return caplog.text


def test_a_missing_case_folder_stops_mkdocs_with_a_plain_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = _project(tmp_path)
    (tmp_path / "cases").rmdir()
    assert "the case folder" in _fails_with(config_file, tmp_path, caplog)


def test_a_hand_written_page_may_not_take_a_generated_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = _project(tmp_path)
    (tmp_path / "site" / "library").mkdir()
    (tmp_path / "site" / "library" / "index.md").write_text("# Mine\n", encoding="utf-8")
    assert "has the name of a generated page" in _fails_with(config_file, tmp_path, caplog)
