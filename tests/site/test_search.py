"""The site's Pagefind search index, read back from the files a reader's browser downloads."""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from casefactory import SECRET_MARKERS, BuiltSite, build_site, make_library

from casekit.cli import main
from casekit.site import search

#: Pagefind's files start with this signature once decompressed.
_SIGNATURE = b"pagefind_dcd"


def _decoded(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    return data.removeprefix(_SIGNATURE)


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Every indexed page (Pagefind's 'fragment': its URL, text, filters, meta) by URL."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(_decoded(path))
        found[fragment["url"]] = fragment
    return found


def index_bytes(site: Path) -> bytes:
    """Everything in the index a browser could download, decompressed."""
    folder = site / "pagefind"
    parts = [_decoded(p) for p in folder.rglob("*") if p.suffix.startswith(".pf_")]
    return b"\n".join(parts)


@pytest.fixture(scope="module")
def indexed(built_site: BuiltSite) -> dict[str, dict[str, Any]]:
    assert built_site.exit_code == 0, built_site.stderr
    return fragments(built_site.output)


def test_published_cases_and_guide_pages_are_indexed(indexed: dict[str, dict[str, Any]]) -> None:
    assert indexed["/cases/crmo-not-crmo/"]["filters"]["Kind"] == ["Case"]
    assert indexed["/cases/synthetic-septic-hip/"]["filters"]["Kind"] == ["Case"]
    assert indexed["/authoring/"]["filters"]["Kind"] == ["Guide"]
    assert indexed["/authoring/"]["meta"]["kind"] == "Guide"


def test_listing_pages_are_not_indexed(indexed: dict[str, dict[str, Any]]) -> None:
    assert not [url for url in indexed if url.startswith(("/library/", "/search/"))]


def test_unpublished_cases_never_reach_the_index(built_site: BuiltSite) -> None:
    text = index_bytes(built_site.output).decode("utf-8", "replace").lower()
    assert text  # the index was read
    for marker in SECRET_MARKERS:
        assert marker not in text


def test_a_case_has_its_filters_and_title_from_the_catalogue(
    indexed: dict[str, dict[str, Any]],
) -> None:
    founding = indexed["/cases/crmo-not-crmo/"]
    assert founding["filters"]["Final diagnosis"] == ["Common acute lymphoblastic leukaemia"]
    assert founding["filters"]["Sex"] == ["Female"]
    assert founding["filters"]["Age group"] == ["Child (2-11 years)"]
    assert founding["filters"]["Year"] == ["2008"]
    assert founding["meta"]["title"].startswith("Acute lymphoblastic leukaemia first labelled")


def test_labels_and_values_do_not_run_together(indexed: dict[str, dict[str, Any]]) -> None:
    content = indexed["/cases/crmo-not-crmo/"]["content"]
    assert "Age: 3 years" in content
    assert "Age3" not in content
    assert "SexFemale" not in content
    assert "¶" not in content  # heading permalinks are not text
    assert "<svg" not in content and "viewBox" not in content


def test_the_search_page_loads_pagefinds_ui_from_the_site(built_site: BuiltSite) -> None:
    page = (built_site.output / "search" / "index.html").read_text(encoding="utf-8")
    assert 'src="../pagefind/pagefind-ui.js"' in page
    assert (built_site.output / "pagefind" / "pagefind-ui.js").is_file()
    assert "https://" not in page.split('id="casekit-search"')[1].split("</script>")[0]
    assert "<noscript>" in page
    assert "md-search__input" not in page  # Material's own search is switched off


def _zensical() -> str | None:
    return shutil.which("zensical") or shutil.which(
        "zensical", path=str(Path(sys.executable).parent)
    )


@pytest.mark.skipif(_zensical() is None, reason="Zensical is not installed")
def test_a_zensical_build_is_indexed_the_same_way(tmp_path: Path) -> None:
    library = make_library(tmp_path / "cases")
    output = tmp_path / "zensical-site"
    assert main([*build_site(library, output), "--engine", "zensical"]) == 0
    found = fragments(output)
    assert found["/cases/crmo-not-crmo/"]["filters"]["Kind"] == ["Case"]
    assert found["/authoring/"]["filters"]["Kind"] == ["Guide"]
    assert "Age: 3 years" in found["/cases/crmo-not-crmo/"]["content"]
    text = index_bytes(output).decode("utf-8", "replace").lower()
    for marker in SECRET_MARKERS:
        assert marker not in text


def _parted_project(root: Path, part_pages: int) -> Path:
    """A library project whose search index is made in parts of ``part_pages`` pages."""
    import yaml
    from casefactory import REPO

    root.mkdir(parents=True, exist_ok=True)
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(REPO / "site")
    settings["hooks"] = [str(REPO / "tools" / "casekit" / "site" / "hooks.py")]
    settings["extra"]["casekit"] = {"library": "cases", "search_part_pages": part_pages}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    make_library(root / "cases")
    return root / "mkdocs.yml"


def _build(config: Path, output: Path) -> int:
    from casefactory import TODAY

    args = ["build", "--config", str(config), "--output", str(output), "--today", TODAY]
    return main(args)


def test_a_large_library_is_indexed_in_parts_that_a_rebuild_reuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _parted_project(tmp_path / "project", part_pages=3)
    output = tmp_path / "out"
    assert _build(config, output) == 0
    parts = sorted((output / "pagefind").glob("part-*/pagefind-entry.json"))
    assert parts, "more pages than one part holds: there are several parts"
    script = (output / "pagefind" / "casekit-parts.js").read_text(encoding="utf-8")
    assert all(f'"{p.parent.name}/"' in script for p in parts)
    # Every page is in exactly one part; the first part holds the guide pages.
    seen: list[str] = []
    for entry in (output / "pagefind").rglob("pagefind-entry.json"):
        seen.extend(fragments_of(entry.parent))
    assert sorted(seen) == sorted(set(seen))
    assert "/authoring/" in fragments_of(output / "pagefind")
    assert "/cases/crmo-not-crmo/" in seen and "/authoring/" in seen
    # Pagefind's search interface is served from the first part only.
    assert (output / "pagefind" / "pagefind-ui.js").is_file()
    for part in parts:
        assert (part.parent / "pagefind.js").is_file()
        assert not list(part.parent.glob("pagefind-*ui.*")), part.parent.name
        assert not (part.parent / "pagefind-highlight.js").exists()

    cache = tmp_path / "project" / ".casekit-cache" / "search"
    before = {p.name for p in cache.iterdir()}
    assert len(before) == len(parts) + 1  # the first part, in pagefind/, and the others
    case = tmp_path / "project" / "cases" / "crmo-not-crmo.json"
    case.write_text(case.read_text("utf-8").replace("swollen ankle", "swollen left ankle"), "utf-8")
    assert _build(config, output) == 0
    after = {p.name for p in cache.iterdir()}
    assert len(before - after) == 1 and len(after - before) == 1  # one part indexed again
    founding = _in_any_part(output, "/cases/crmo-not-crmo/")
    assert "swollen left ankle" in founding["content"]
    # A part copied from the cache goes without the interface too.
    assert not list((output / "pagefind").glob("part-*/pagefind-ui.*"))
    capsys.readouterr()


def fragments_of(bundle: Path) -> dict[str, dict[str, Any]]:
    """The page records of one bundle of the index (``pagefind/`` or a part)."""
    found = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(_decoded(path))
        found[fragment["url"]] = fragment
    return found


def _in_any_part(site: Path, url: str) -> dict[str, Any]:
    for entry in (site / "pagefind").rglob("pagefind-entry.json"):
        found = fragments_of(entry.parent)
        if url in found:
            return found[url]
    raise AssertionError(f"{url} is in no part of the index")


def test_a_wrong_part_size_is_named_before_anything_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _parted_project(tmp_path / "project", part_pages=3)
    config.write_text(
        config.read_text("utf-8").replace("search_part_pages: 3", "search_part_pages: lots"),
        "utf-8",
    )
    assert _build(config, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert "'search_part_pages'" in err and "'lots'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def _fake_pagefind(outcomes: list[bool]) -> Any:
    """A stand-in for Pagefind that writes a complete index or one with empty files."""

    async def index(copies: Path, output: Path, *, directory_urls: bool) -> None:
        complete = outcomes.pop(0)
        output.mkdir(parents=True, exist_ok=True)
        entry = json.dumps({"version": "test", "languages": {"en": {"hash": "x"}}})
        (output / "pagefind-entry.json").write_text(entry if complete else "", "utf-8")
        (output / "pagefind.js").write_text("// search" if complete else "", "utf-8")

    return index


def test_an_index_pagefind_left_incomplete_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "part" / "pages").mkdir(parents=True)
    outcomes = [False, True]
    monkeypatch.setattr(search, "_index", _fake_pagefind(outcomes))
    output = tmp_path / "site" / "pagefind"
    search._index_part(tmp_path / "part", "key", output, None, directory_urls=True)
    assert outcomes == []  # indexed twice
    assert json.loads((output / "pagefind-entry.json").read_text("utf-8"))["languages"]


def test_an_index_that_stays_incomplete_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "part" / "pages").mkdir(parents=True)
    monkeypatch.setattr(search, "_index", _fake_pagefind([False] * search.ATTEMPTS))
    with pytest.raises(search.SearchError, match="incomplete search index"):
        search._index_part(
            tmp_path / "part", "key", tmp_path / "out", tmp_path / "cache", directory_urls=True
        )
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "cache" / "key").exists()  # nothing incomplete is cached


def test_side_by_side_only_while_two_parts_fit_in_a_quarter_more_than_one() -> None:
    assert search.side_by_side([505, 507], 1000)  # about 1,000 cases: two half-full parts
    assert not search.side_by_side([920] * 11, 1000)  # 10,000 cases: one after another
    assert not search.side_by_side([900], 1000)  # one part: nothing to run beside it
    assert not search.side_by_side([3, 3, 2], 3)  # a small part size is kept as a bound


def test_parts_indexed_side_by_side_hold_what_parts_indexed_in_turn_hold(
    built_site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site.output, site)
    shutil.rmtree(site / "pagefind")  # the build's own index
    published = {
        path.parent.name: None for path in (built_site.output / "cases").glob("*/index.html")
    }
    pages = len(list(search._pages(site, published)))  # type: ignore[arg-type]
    threads: set[str] = set()
    index_part = search._index_part

    def recorded(*args: Any, **kwargs: Any) -> str | None:
        import threading

        threads.add(threading.current_thread().name)
        return index_part(*args, **kwargs)

    def indexed_pages() -> list[str]:
        found: list[str] = []
        for entry in (site / "pagefind").rglob("pagefind-entry.json"):
            found.extend(fragments_of(entry.parent))
        return sorted(found)

    monkeypatch.setattr(search, "_index_part", recorded)
    search.index_site(site, published, directory_urls=True, part_pages=pages - 1)  # type: ignore[arg-type]
    assert len(threads) == 2  # two Pagefind processes, each from a thread of its own
    side_by_side = indexed_pages()
    shutil.rmtree(site / "pagefind")
    threads.clear()
    monkeypatch.setattr(search, "side_by_side", lambda sizes, part_pages: False)
    search.index_site(site, published, directory_urls=True, part_pages=pages - 1)  # type: ignore[arg-type]
    assert len(threads) == 1
    assert indexed_pages() == side_by_side
    assert len(side_by_side) == pages and len(set(side_by_side)) == pages


def _fresh_site(built_site: BuiltSite, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    site = tmp_path / "site"
    shutil.copytree(built_site.output, site)
    shutil.rmtree(site / "pagefind")  # the build's own index
    published = {path.parent.name: None for path in (site / "cases").glob("*/index.html")}
    return site, published


def test_kept_copies_follow_the_site_and_nothing_else_is_indexed(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    """The copies Pagefind reads are kept between builds; a page the next build does not
    publish (and anything else in the folder) is removed before Pagefind reads it."""
    site, published = _fresh_site(built_site, tmp_path)
    copies = tmp_path / "copies"
    search.index_site(site, published, directory_urls=True, copies=copies)  # type: ignore[arg-type]
    founding = copies / "part-0" / "pages" / "cases" / "crmo-not-crmo" / "index.html"
    assert founding.is_file()
    written = founding.stat().st_mtime_ns

    stray = copies / "part-0" / "pages" / "cases" / "synthetic-stray" / "index.html"
    stray.parent.mkdir()
    stray.write_text("<html><body><article data-pagefind-body>Zqxstray</article></body></html>")
    left_out = next(case for case in published if case != "crmo-not-crmo")
    del published[left_out]
    shutil.rmtree(site / "pagefind")
    search.index_site(site, published, directory_urls=True, copies=copies)  # type: ignore[arg-type]

    assert founding.stat().st_mtime_ns == written  # the same copy: not written again
    assert not stray.parent.exists()
    assert not (copies / "part-0" / "pages" / "cases" / left_out).exists()
    urls = fragments(site)
    assert f"/cases/{left_out}/" not in urls and "/cases/synthetic-stray/" not in urls
    assert b"Zqxstray" not in index_bytes(site)
    assert "/cases/crmo-not-crmo/" in urls


def test_copies_another_build_holds_are_left_alone(built_site: BuiltSite, tmp_path: Path) -> None:
    import subprocess

    site, published = _fresh_site(built_site, tmp_path)
    copies = tmp_path / "copies"
    copies.mkdir()
    script = (  # another build: it holds the folder as casekit does
        "import time\n"
        "from pathlib import Path\n"
        "from casekit.fsutil import folder_lock\n"
        f"with folder_lock(Path({str(copies)!r}), wait=False):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            indexed = search.index_site(site, published, directory_urls=True, copies=copies)  # type: ignore[arg-type]
        finally:
            holder.kill()
    assert indexed.cases == len(published)
    assert list(copies.iterdir()) == []  # a scratch folder was used
    assert "/cases/crmo-not-crmo/" in fragments(site)


def test_copies_of_parts_a_build_no_longer_makes_are_removed(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    site, published = _fresh_site(built_site, tmp_path)
    copies = tmp_path / "copies"
    search.index_site(site, published, directory_urls=True, copies=copies, part_pages=3)  # type: ignore[arg-type]
    assert len([p for p in copies.iterdir() if p.name.startswith("part-")]) > 1
    shutil.rmtree(site / "pagefind")
    search.index_site(site, published, directory_urls=True, copies=copies)  # type: ignore[arg-type]
    assert sorted(p.name for p in copies.iterdir()) == ["part-0"]
    assert len(fragments(site)) == len(list((copies / "part-0" / "pages").rglob("*.html")))


def test_a_library_of_a_thousand_pages_is_indexed_in_quarters() -> None:
    """A rebuild indexes again only the part of the page that changed: parts of a quarter of
    the library, of 250 pages at least, and never more than the part size."""
    assert search.part_count(16, 1000) == 1
    assert search.part_count(499, 1000) == 1
    assert search.part_count(600, 1000) == 2
    assert search.part_count(1012, 1000) == 4
    assert search.part_count(4500, 1000) == 5
    assert search.part_count(10012, 1000) == 11
    assert search.part_count(16, 3) == 6


def test_a_copy_keeps_each_drawings_tag_and_not_what_it_draws() -> None:
    """Pagefind leaves drawings out of the index but parses them: the copy drops what they
    draw. Text around them stays, even beside a self-closing or nested drawing."""
    page = (
        '<html lang="en"><body><article class="md-content__inner">'
        "<p>Before Zqxone.</p>"
        '<svg id="case-course" viewBox="0 0 10 10"><text>Zqxlabel</text><rect/></svg>'
        '<p>Between <svg class="icon" /> Zqxtwo.</p>'
        '<svg id="outer"><g><svg id="inner"><text>Zqxinner</text></svg></g></svg>'
        "<p>After Zqxthree.</p>"
        "</article></body></html>"
    )
    copy = search.indexable(page, search.GUIDE, None)
    assert copy is not None
    for kept in ("Zqxone", "Zqxtwo", "Zqxthree", 'id="case-course"', 'id="inner"', 'id="outer"'):
        assert kept in copy
    assert "Zqxlabel" not in copy and "Zqxinner" not in copy and "<rect" not in copy
