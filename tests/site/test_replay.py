"""A rebuild reuses the previous site's unchanged case pages and never a stale one.

``casekit build`` keeps the theme's output of each case page between builds (see
casekit.site.replay). These tests check what a reader would see: after a change the site
is the same as one built from nothing, a page edited by hand in the output or a change of
settings or theme is rendered again, and a plugin that changes pages turns reuse off.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from casefactory import REPO, TODAY, make_library, synthetic_case, write_case

from casekit.cli import main
from casekit.site import replay

CHANGED = "synthetic-septic-hip"
UNCHANGED = "synthetic-hostile-text"


def _project(root: Path, **changes: Any) -> Path:
    """A library project of its own (its own caches), with the repository's site pages."""
    root.mkdir(parents=True, exist_ok=True)
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(REPO / "site")
    settings["hooks"] = [str(REPO / "tools" / "casekit" / "site" / "hooks.py")]
    settings.update(changes)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    if not (root / "cases").exists():
        make_library(root / "cases")
    return root / "mkdocs.yml"


class Reused:
    """Counts the pages taken from the previous site."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pages: list[str] = []
        take = replay.Replay.take

        def counting(record: replay.Replay, page: Any) -> str | None:
            output = take(record, page)
            if output is not None:
                self.pages.append(page.file.src_uri)
            return output

        monkeypatch.setattr(replay.Replay, "take", counting)


def _build(config: Path, output: Path) -> None:
    code = main(["build", "--config", str(config), "--output", str(output), "--today", TODAY])
    assert code == 0


def _build_twice(
    config: Path, site: Path, monkeypatch: pytest.MonkeyPatch, between: Any = None
) -> Reused:
    """Build, call ``between()`` if given, build again: the pages the second build reused."""
    _build(config, site)
    if between is not None:
        between()
    reused = Reused(monkeypatch)
    _build(config, site)
    return reused


def _html(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.html"))
    }


def _page(site: Path, case_id: str) -> str:
    return (site / "cases" / case_id / "index.html").read_text(encoding="utf-8")


def _change_discussion(config: Path, words: str) -> None:
    case = synthetic_case(CHANGED, themes=["tissue diagnosis"])
    case["discussion"] += f" {words}"
    write_case(config.parent / "cases", case)


def test_a_rebuild_reuses_unchanged_pages_and_matches_a_build_from_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path / "library")
    site = tmp_path / "site"
    _build(config, site)
    before = _page(site, UNCHANGED)
    _change_discussion(config, "Synthetic afterthought added for the rebuild.")
    reused = Reused(monkeypatch)
    _build(config, site)

    assert f"cases/{UNCHANGED}/index.md" in reused.pages
    assert f"cases/{CHANGED}/index.md" not in reused.pages
    assert "Synthetic afterthought added for the rebuild." in _page(site, CHANGED)
    assert _page(site, UNCHANGED) == before
    # The same library built by a project that has never built it: the same pages.
    fresh_config = _project(tmp_path / "fresh")
    shutil.rmtree(fresh_config.parent / "cases")
    shutil.copytree(config.parent / "cases", fresh_config.parent / "cases")
    fresh = tmp_path / "fresh-site"
    _build(fresh_config, fresh)
    assert _html(site) == _html(fresh)


def test_a_page_edited_by_hand_in_the_output_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path / "library")
    site = tmp_path / "site"
    _build(config, site)
    page = site / "cases" / UNCHANGED / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- edited by hand -->", "utf-8")
    reused = Reused(monkeypatch)
    _build(config, site)

    assert "edited by hand" not in _page(site, UNCHANGED)
    assert f"cases/{UNCHANGED}/index.md" not in reused.pages
    assert reused.pages  # the others were reused


def test_new_settings_render_every_page_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path / "library")
    site = tmp_path / "site"

    def rename() -> None:
        _project(tmp_path / "library", site_name="Synthetic renamed library")

    reused = _build_twice(config, site, monkeypatch, rename)

    assert reused.pages == []
    assert "Synthetic renamed library" in _page(site, UNCHANGED)


def test_a_theme_that_prints_the_build_date_is_always_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overrides = tmp_path / "library" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}Built {{ build_date_utc }}{% endblock %}',
        "utf-8",
    )
    theme = {"name": "material", "custom_dir": str(overrides)}
    config = _project(tmp_path / "library", theme=theme)
    site = tmp_path / "site"
    reused = _build_twice(config, site, monkeypatch)

    assert reused.pages == []
    assert "Built " in _page(site, UNCHANGED)


def test_a_plugin_that_changes_written_pages_turns_reuse_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp = tmp_path / "library" / "stamp.py"
    stamp.parent.mkdir(parents=True)
    stamp.write_text(
        "def on_post_page(output, page, config):\n    return output + '<!-- synthetic stamp -->'\n",
        "utf-8",
    )
    hooks = [str(REPO / "tools" / "casekit" / "site" / "hooks.py"), str(stamp)]
    config = _project(tmp_path / "library", hooks=hooks)
    site = tmp_path / "site"
    reused = _build_twice(config, site, monkeypatch)

    assert reused.pages == []
    assert _page(site, UNCHANGED).count("synthetic stamp") == 1
