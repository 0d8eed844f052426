"""A site built on every core (casekit.site.casework) is the site built in one process.

CASEKIT_JOBS=2 asks for worker processes even for this small test library, CASEKIT_JOBS=1
for none.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path
from typing import Any

import pytest
from casefactory import build_site, make_library
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_prerender import _project, _site_files

from casekit.cli import main
from casekit.site import pages


def _build(library: Path, output: Path, jobs: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("CASEKIT_JOBS", jobs)
    monkeypatch.chdir(output.parent)  # the cache goes beside the configuration: keep apart
    return main(build_site(library, output, "--config", str(_config(output.parent))))


def _config(root: Path) -> Path:
    config = root / "project" / "mkdocs.yml"
    if not config.exists():
        _project(root / "project")
    return config


def test_workers_make_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    library = make_library(tmp_path / "cases")
    (tmp_path / "late").mkdir()
    (tmp_path / "first").mkdir()
    assert _build(library, tmp_path / "late" / "out", "2", monkeypatch) == 0
    assert _build(library, tmp_path / "first" / "out", "1", monkeypatch) == 0
    late = _site_files(tmp_path / "late" / "out")
    first = _site_files(tmp_path / "first" / "out")
    docx = [name for name in late if name.endswith("-abstract.docx")]
    assert len(docx) >= 3
    assert late.keys() == first.keys()
    assert [name for name in late if late[name] != first[name]] == []
    capsys.readouterr()


def test_downloads_are_cached_with_their_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    library = make_library(tmp_path / "cases")
    assert _build(library, tmp_path / "out", "2", monkeypatch) == 0
    cache = tmp_path / "project" / ".casekit-cache" / "pages"
    entries = [json.loads(p.read_bytes()) for p in cache.glob("*.json")]
    founding = [e for e in entries if "cases/crmo-not-crmo/index.md" in e]
    assert len(founding) == 1
    assert "cases/crmo-not-crmo/crmo-not-crmo-abstract.docx" in founding[0]

    def must_not_render(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("rendered again although nothing changed")

    monkeypatch.setattr(pages, "case_downloads", must_not_render)
    monkeypatch.setattr(pages, "case_page_file", must_not_render)
    assert _build(library, tmp_path / "out", "2", monkeypatch) == 0
    docx = tmp_path / "out" / "cases" / "crmo-not-crmo" / "crmo-not-crmo-abstract.docx"
    assert docx.stat().st_size > 1000
    capsys.readouterr()


def _fail_downloads_of(case_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make rendering that case's downloads fail (in forked workers too)."""
    real = pages.case_downloads

    def failing(doc: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        if item.case_id == case_id:
            raise ValueError("synthetic failure for the test")
        return real(doc, item, *args, **kwargs)

    monkeypatch.setattr(pages, "case_downloads", failing)


#: The tests that replace a function in this process rely on worker processes being forked
#: from it (the default on Linux up to Python 3.13).
forked = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="workers are not forked from the test process, so they cannot see the replacement",
)


@forked
def test_a_download_that_fails_leaves_that_case_out_and_builds_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    library = make_library(tmp_path / "cases")
    output = tmp_path / "out"
    assert _build(library, output, "1", monkeypatch) == 0
    _fail_downloads_of("crmo-not-crmo", monkeypatch)
    for entry in (tmp_path / "project" / ".casekit-cache").rglob("*.json"):
        entry.unlink()  # render everything again
    capsys.readouterr()
    assert _build(library, output, "2", monkeypatch) == 0  # issue 12, item 4
    err = capsys.readouterr().err
    assert (
        "case 'crmo-not-crmo' is left out of the site: it could not be rendered"
        " (ValueError: synthetic failure for the test)"
    ) in err
    assert not (output / "cases" / "crmo-not-crmo").exists()
    assert (output / "cases" / "synthetic-septic-hip" / "index.html").is_file()
    index = (output / "library" / "index.html").read_text(encoding="utf-8")
    assert "crmo-not-crmo" not in index


def test_plain_mkdocs_build_writes_the_downloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEKIT_JOBS", "2")
    config = load_config(str(_project(tmp_path / "project")), site_dir=str(tmp_path / "out"))
    build(config)
    folder = tmp_path / "out" / "cases" / "crmo-not-crmo"
    assert (folder / "crmo-not-crmo-abstract.docx").stat().st_size > 1000
    assert (folder / "crmo-not-crmo.json").read_text("utf-8").lstrip().startswith("{")


_COUNTING_PLUGIN = """
from pathlib import Path

SEEN = []


def on_post_build(config):
    SEEN.append(len(list(Path(config.site_dir).rglob("*-abstract.docx"))))
    Path(config.site_dir, "docx-seen-by-other-plugin.txt").write_text(str(SEEN[-1]))
"""


@forked
def test_other_plugins_see_every_download_at_the_end_of_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pages.case_downloads

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # a large library: the downloads finish after the pages
        return real(*args, **kwargs)

    monkeypatch.setattr(pages, "case_downloads", slow)
    monkeypatch.setenv("CASEKIT_JOBS", "2")
    config_file = _project(tmp_path / "project", extra_hook=_COUNTING_PLUGIN)
    config = load_config(str(config_file), site_dir=str(tmp_path / "out"))
    build(config)
    published = len(list((tmp_path / "out" / "cases").iterdir()))
    assert (tmp_path / "out" / "docx-seen-by-other-plugin.txt").read_text() == str(published)


@forked
def test_plain_mkdocs_build_goes_on_without_a_failed_download_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _fail_downloads_of("crmo-not-crmo", monkeypatch)
    monkeypatch.setenv("CASEKIT_JOBS", "2")
    config = load_config(str(_project(tmp_path / "project")), site_dir=str(tmp_path / "out"))
    build(config)  # not strict: built, with a warning
    assert (
        "case 'crmo-not-crmo' passed the publication gate but could not be rendered"
        " (ValueError: synthetic failure for the test); it is left out of the site."
    ) in caplog.text
    assert not (tmp_path / "out" / "cases" / "crmo-not-crmo").exists()
    other = tmp_path / "out" / "cases" / "synthetic-septic-hip"
    assert (other / "synthetic-septic-hip-abstract.docx").stat().st_size > 1000
