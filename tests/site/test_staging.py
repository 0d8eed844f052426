"""Publishing a Zensical build: the new site replaces the old one whole, or not at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casekit.site import staging
from casekit.site.staging import StagingError, publish


def _built(scratch: Path, marker: str) -> None:
    (scratch / "site" / "cases").mkdir(parents=True)
    (scratch / "site" / "index.html").write_text(f"<p>{marker}</p>", "utf-8")
    (scratch / "site" / "cases" / "page.html").write_text(marker, "utf-8")


def _previous(site: Path) -> None:
    site.mkdir()
    (site / "index.html").write_text("<p>old</p>", "utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", "utf-8")
    (site / ".casekit-site").write_text("built by casekit", "utf-8")


def test_the_new_site_replaces_the_old(tmp_path: Path) -> None:
    _built(tmp_path / "scratch", "new")
    _previous(tmp_path / "out")
    publish(tmp_path / "scratch", tmp_path / "out")
    assert (tmp_path / "out" / "index.html").read_text("utf-8") == "<p>new</p>"
    assert not (tmp_path / "out" / "sitemap.xml").exists()  # nothing of the old site stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "scratch"]


def test_a_failed_move_leaves_the_old_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built(tmp_path / "scratch", "new")
    _previous(tmp_path / "out")

    def failing_move(src: str, dst: str) -> None:
        Path(dst).mkdir()
        (Path(dst) / "index.html").write_text("half", "utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(staging.shutil, "move", failing_move)
    with pytest.raises(StagingError, match="the disk is full"):
        publish(tmp_path / "scratch", tmp_path / "out")
    assert (tmp_path / "out" / "index.html").read_text("utf-8") == "<p>old</p>"
    assert (tmp_path / "out" / "sitemap.xml").exists()
    assert not list(tmp_path.glob(".out.*"))  # the half-made site is cleared away


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path: Path) -> None:
    _built(tmp_path / "scratch", "new")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.docx").write_text("someone's work", "utf-8")
    with pytest.raises(StagingError, match="was not built by casekit"):
        publish(tmp_path / "scratch", tmp_path / "out")
    assert (tmp_path / "out" / "thesis.docx").read_text("utf-8") == "someone's work"


def test_a_build_without_a_site_is_not_published(tmp_path: Path) -> None:
    (tmp_path / "scratch" / "site").mkdir(parents=True)
    _previous(tmp_path / "out")
    with pytest.raises(StagingError, match="without writing the site"):
        publish(tmp_path / "scratch", tmp_path / "out")
    assert (tmp_path / "out" / "index.html").read_text("utf-8") == "<p>old</p>"
    shutil.rmtree(tmp_path / "scratch")
