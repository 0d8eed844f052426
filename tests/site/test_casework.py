"""Each case file from the gate to its files on disk (casekit.site.casework).

The pages of a build live in a scratch folder until MkDocs has read them; these tests
check that the folder goes when the build ends, that two files with one id never mix
their pages, and that the downloads publish exactly the text the gate judged.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from casefactory import synthetic_case, write_case
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_prerender import TODAY, _project

from casekit.cli import main
from casekit.render import render
from casekit.site import gate
from casekit.site.cache import PageCache
from casekit.site.casework import CaseWork, make_case, make_library
from casekit.site.gate import make_linter
from casekit.site.scratch import Scratch


def _scratch_folders(project: Path) -> list[Path]:
    return sorted((project / ".casekit-cache" / "scratch").glob(f"{Scratch.PREFIX}*"))


def test_casekit_build_leaves_no_scratch_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(tmp_path / "project")
    out = tmp_path / "out"
    code = main(["build", "--config", str(config), "--output", str(out), "--today", TODAY])
    assert code == 0
    assert (out / "cases" / "crmo-not-crmo" / "index.html").is_file()
    assert _scratch_folders(tmp_path / "project") == []
    capsys.readouterr()


def test_plain_mkdocs_build_leaves_no_scratch_files(tmp_path: Path) -> None:
    config_file = _project(tmp_path / "project")
    build(load_config(str(config_file), site_dir=str(tmp_path / "out")))
    assert (tmp_path / "out" / "cases" / "crmo-not-crmo" / "index.html").is_file()
    assert _scratch_folders(tmp_path / "project") == []


def test_a_killed_builds_scratch_folder_is_removed_by_the_next(tmp_path: Path) -> None:
    base = tmp_path / "scratch"
    dead = base / f"{Scratch.PREFIX}999999999-abandoned"  # no process has this id
    alive = base / f"{Scratch.PREFIX}{os.getppid()}-running"  # another build, still running
    for folder in (dead, alive):
        folder.mkdir(parents=True)
        (folder / "page.md").write_text("left behind", "utf-8")
    scratch = Scratch(base)
    assert not dead.exists()
    assert alive.exists()
    assert scratch.path.is_dir()
    scratch.remove()
    assert not scratch.path.exists()


def _work(tmp_path: Path, *, verdicts: PageCache[dict[str, Any]] | None = None) -> CaseWork:
    return CaseWork(
        today=date.fromisoformat(TODAY),
        linter=make_linter(),
        verdicts=verdicts or PageCache(None, ""),
        renderer=render,
        directory_urls=True,
        template_dirs=(),
        cache=PageCache(None, ""),
        scratch=Scratch(tmp_path / "scratch").path,
    )


def test_two_files_with_one_id_never_mix_their_pages(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    first = write_case(cases, synthetic_case("synthetic-twin", title="Synthetic first twin"))
    (cases / "older").mkdir()  # the same file name in another folder of the library
    second = write_case(
        cases / "older", synthetic_case("synthetic-twin", title="Synthetic second twin")
    )
    library = make_library([first, second], _work(tmp_path))
    assert list(library.published) == ["synthetic-twin"]
    (skipped,) = library.skipped
    assert skipped.path == second
    assert f"the id 'synthetic-twin' is also used by {first}" in skipped.reason
    page = library.files["cases/synthetic-twin/index.md"]
    assert isinstance(page, Path)
    assert "Synthetic first twin" in page.read_text("utf-8")


def test_the_downloads_publish_the_text_the_gate_judged(tmp_path: Path) -> None:
    """An author who saves the file during a build cannot slip unjudged text into it."""
    cases = tmp_path / "cases"
    cases.mkdir()
    path = write_case(cases, synthetic_case("synthetic-judged"))
    judged = path.read_text("utf-8")
    outcome = make_case((0, path), work=_work(tmp_path))
    changed = synthetic_case("synthetic-judged", title="Synthetic case saved during the build")
    path.write_text(json.dumps(changed), "utf-8")  # after the gate, before MkDocs copies it
    assert outcome.reason is None
    download = outcome.files["cases/synthetic-judged/synthetic-judged.json"]
    assert download.read_text("utf-8") == judged
    abstract = outcome.files["cases/synthetic-judged/synthetic-judged-abstract.txt"]
    assert "saved during the build" not in abstract.read_text("utf-8")


def test_a_case_left_out_writes_nothing(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    path = write_case(cases, synthetic_case("synthetic-draft", status="draft"))
    work = _work(tmp_path)
    outcome = make_case((0, path), work=work)
    assert outcome.reason is not None and "'draft'" in outcome.reason
    assert outcome.files == {}
    assert list(work.scratch.iterdir()) == []


def _no_lint(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("linted again although nothing lint reads changed")


def test_a_rebuild_takes_lint_verdicts_from_the_cache_and_judges_the_rest_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    keep = write_case(cases, synthetic_case("synthetic-kept"))
    withdrawn = write_case(cases, synthetic_case("synthetic-withdrawn"))
    leaky = write_case(
        cases, synthetic_case("synthetic-leaky", title="Synthetic case of zqx.person@example.com")
    )
    folder = tmp_path / "gate-cache"
    first = make_library(
        [keep, withdrawn, leaky], _work(tmp_path, verdicts=PageCache(folder, "v1"))
    )
    assert sorted(first.published) == ["synthetic-kept", "synthetic-withdrawn"]
    assert "CK605" in first.skipped[0].reason

    # The status is judged on every build; lint verdicts come from the cache.
    write_case(cases, synthetic_case("synthetic-withdrawn", status="draft"))
    monkeypatch.setattr(gate, "lint_reason", _no_lint)
    second = make_library(
        [keep, withdrawn, leaky], _work(tmp_path, verdicts=PageCache(folder, "v1"))
    )
    assert list(second.published) == ["synthetic-kept"]
    reasons = {skipped.case_id: skipped.reason for skipped in second.skipped}
    assert "'draft'" in reasons["synthetic-withdrawn"]
    assert "CK605" in reasons["synthetic-leaky"]  # the cached verdict still keeps it out

    # New lint settings or a new casekit (another fingerprint): every case is linted again.
    with pytest.raises(AssertionError, match="linted again"):
        make_library([keep], _work(tmp_path, verdicts=PageCache(folder, "v2")))


def test_a_changed_image_is_linted_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "synthetic-figure.png").write_bytes(b"not yet an image")
    data = synthetic_case("synthetic-figure")
    data["figures"] = [{"file": "synthetic-figure.png", "caption": "Synthetic radiograph."}]
    path = write_case(cases, data)
    folder = tmp_path / "gate-cache"
    make_library([path], _work(tmp_path, verdicts=PageCache(folder, "v1")))
    (cases / "synthetic-figure.png").write_bytes(b"another file")
    monkeypatch.setattr(gate, "lint_reason", _no_lint)
    with pytest.raises(AssertionError, match="linted again"):
        make_library([path], _work(tmp_path, verdicts=PageCache(folder, "v1")))


def test_a_scratch_folder_that_cannot_be_written_names_the_cause(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    path = write_case(cases, synthetic_case("synthetic-unwritten"))
    work = _work(tmp_path)
    (work.scratch / "0.0.md").mkdir()  # a folder where the case's page would go
    outcome = make_case((0, path), work=work)
    assert outcome.reason is None
    assert outcome.problem is not None
    assert outcome.problem.startswith(f"its files could not be written to {work.scratch}")
