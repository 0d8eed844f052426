"""Rebuilds render only what changed; a stale or damaged cache entry is never used."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from casefactory import synthetic_case, write_case

from casekit.render import RenderResult, render
from casekit.site.cache import PageCache, fingerprint
from casekit.site.casework import CaseWork, make_library
from casekit.site.gate import make_linter
from casekit.site.pages import read_content
from casekit.site.scratch import Scratch


class CountingRenderer:
    def __init__(self) -> None:
        self.cases: list[str] = []

    def __call__(self, case: dict[str, Any], fmt: str, **options: Any) -> RenderResult:
        self.cases.append(case["id"])
        return render(case, fmt, **options)


def _build(
    library: Path, cache: PageCache[Any], renderer: Any = render, *, scratch: Path
) -> dict[str, Any]:
    """The files a site build makes of ``library``'s cases, by path, with their content."""
    work = CaseWork(
        today=date(2026, 1, 1),
        linter=make_linter(),
        verdicts=PageCache(None, ""),
        renderer=renderer,
        directory_urls=True,
        template_dirs=(),
        cache=cache,
        scratch=Scratch(scratch).path,
    )
    made = make_library(sorted(library.glob("*.json")), work)
    return {src: read_content(path) for src, path in made.files.items()}


def test_second_build_renders_nothing_and_a_change_renders_one_case(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    for name in ("synthetic-one", "synthetic-two"):
        write_case(library, synthetic_case(name))
    cache_dir = tmp_path / "cache"
    first_renderer, second_renderer, third_renderer = (CountingRenderer() for _ in range(3))

    scratch = tmp_path / "scratch"
    cache = PageCache(cache_dir, fingerprint(()))
    first = _build(library, cache, first_renderer, scratch=scratch)
    second = _build(
        library, PageCache(cache_dir, fingerprint(())), second_renderer, scratch=scratch
    )
    assert set(first_renderer.cases) == {"synthetic-one", "synthetic-two"}
    assert second_renderer.cases == []
    assert second == first

    changed = synthetic_case("synthetic-two", title="Synthetic teaching case, retitled")
    write_case(library, changed)
    third = _build(library, PageCache(cache_dir, fingerprint(())), third_renderer, scratch=scratch)
    assert set(third_renderer.cases) == {"synthetic-two"}
    assert "retitled" in str(third["cases/synthetic-two/index.md"])


def test_deleted_case_leaves_no_cache_entry(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    keep = write_case(library, synthetic_case("synthetic-keep"))
    gone = write_case(library, synthetic_case("synthetic-gone"))
    cache_dir = tmp_path / "cache"
    _build(library, PageCache(cache_dir, fingerprint(())), scratch=tmp_path / "scratch")
    assert len(list(cache_dir.glob("*.json"))) == 2
    gone.unlink()
    _build(library, PageCache(cache_dir, fingerprint(())), scratch=tmp_path / "scratch")
    (entry,) = cache_dir.glob("*.json")
    assert "synthetic-gone" not in entry.read_bytes().decode("latin-1")
    assert keep.exists()


def test_damaged_cache_entry_is_rendered_again(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    write_case(library, synthetic_case("synthetic-damaged"))
    cache_dir = tmp_path / "cache"
    _build(library, PageCache(cache_dir, fingerprint(())), scratch=tmp_path / "scratch")
    (entry,) = cache_dir.glob("*.json")
    entry.write_bytes(b"\x80\x05 not JSON")
    renderer = CountingRenderer()
    pages = _build(
        library, PageCache(cache_dir, fingerprint(())), renderer, scratch=tmp_path / "scratch"
    )
    assert renderer.cases, "the damaged entry must not be used"
    assert "cases/synthetic-damaged/index.md" in pages


def test_editing_a_template_changes_every_key(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    before = fingerprint((templates,))
    (templates / "web.md.j2").write_text(json.dumps("an override"))
    assert fingerprint((templates,)) != before


def test_a_new_year_changes_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ages over 89 are judged from a year of birth and today's year, so nothing judged or
    rendered in one year is reused in the next."""
    from casekit.site import cache

    before = fingerprint(())
    monkeypatch.setattr(cache, "this_year", lambda: date.today().year + 1)
    assert fingerprint(()) != before
