"""Rebuilds render only what changed; a stale or damaged cache entry is never used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casefactory import synthetic_case, write_case

from casekit.loader import load_case
from casekit.render import RenderResult, render
from casekit.site.cache import PageCache, fingerprint
from casekit.site.pages import build_pages


class CountingRenderer:
    def __init__(self) -> None:
        self.cases: list[str] = []

    def __call__(self, case: dict[str, Any], fmt: str, **options: Any) -> RenderResult:
        self.cases.append(case["id"])
        return render(case, fmt, **options)


def _docs(folder: Path) -> list[Any]:
    return [load_case(p) for p in sorted(folder.glob("*.json"))]


def test_second_build_renders_nothing_and_a_change_renders_one_case(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    for name in ("synthetic-one", "synthetic-two"):
        write_case(library, synthetic_case(name))
    cache_dir = tmp_path / "cache"
    first_renderer, second_renderer, third_renderer = (CountingRenderer() for _ in range(3))

    first = build_pages(
        _docs(library), renderer=first_renderer, cache=PageCache(cache_dir, fingerprint(()))
    )
    second = build_pages(
        _docs(library), renderer=second_renderer, cache=PageCache(cache_dir, fingerprint(()))
    )
    assert set(first_renderer.cases) == {"synthetic-one", "synthetic-two"}
    assert second_renderer.cases == []
    assert second.files == first.files

    changed = synthetic_case("synthetic-two", title="Synthetic teaching case, retitled")
    write_case(library, changed)
    third = build_pages(
        _docs(library), renderer=third_renderer, cache=PageCache(cache_dir, fingerprint(()))
    )
    assert set(third_renderer.cases) == {"synthetic-two"}
    assert "retitled" in str(third.files["cases/synthetic-two/index.md"])


def test_deleted_case_leaves_no_cache_entry(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    keep = write_case(library, synthetic_case("synthetic-keep"))
    gone = write_case(library, synthetic_case("synthetic-gone"))
    cache_dir = tmp_path / "cache"
    build_pages(_docs(library), cache=PageCache(cache_dir, fingerprint(())))
    assert len(list(cache_dir.glob("*.json"))) == 2
    gone.unlink()
    build_pages(_docs(library), cache=PageCache(cache_dir, fingerprint(())))
    (entry,) = cache_dir.glob("*.json")
    assert "synthetic-gone" not in entry.read_bytes().decode("latin-1")
    assert keep.exists()


def test_damaged_cache_entry_is_rendered_again(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    write_case(library, synthetic_case("synthetic-damaged"))
    cache_dir = tmp_path / "cache"
    build_pages(_docs(library), cache=PageCache(cache_dir, fingerprint(())))
    (entry,) = cache_dir.glob("*.json")
    entry.write_bytes(b"\x80\x05 not JSON")
    renderer = CountingRenderer()
    pages = build_pages(
        _docs(library), renderer=renderer, cache=PageCache(cache_dir, fingerprint(()))
    )
    assert renderer.cases, "the damaged entry must not be used"
    assert "cases/synthetic-damaged/index.md" in pages.files


def test_editing_a_template_changes_every_key(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    before = fingerprint((templates,))
    (templates / "web.md.j2").write_text(json.dumps("an override"))
    assert fingerprint((templates,)) != before
