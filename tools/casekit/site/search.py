"""The site's search: a Pagefind index of the built site, made after every build.

Material's built-in search puts every page's text into one JSON file that a reader's
browser downloads whole before the first search (about 6 MB for 1,000 cases). Pagefind
splits its index into chunks by word, so a first search downloads a few small files
whatever the size of the library. It runs after the site is built, from the one build path
(the MkDocs hook for ``mkdocs build`` and ``casekit build``; ``casekit build --engine
zensical`` after Zensical), and writes its index and its own search UI into ``pagefind/``.

Only pages of the built site are indexed, and of the case pages only those of cases that
passed the publication gate in this build (``published``): privacy never depends on an
engine's exclude settings. Listing pages (the library index and the tag pages) are left out:
a reader searching a diagnosis wants the case, not every list that names it.

The pages themselves are not changed. What Pagefind reads is a copy of each page's main
content (the theme's ``<article>``), marked up for it here:

- ``data-pagefind-body`` on the article, so the navigation and footer are not indexed;
- filters (kind, final diagnosis, specialty, age group, sex, year) and the title, taken from
  the library's own catalogue entry for the case, not from the page's wording;
- a separator after each label and cell (``<dt>``, ``<th>``, ``<td>``), which Pagefind
  would otherwise run into the next word ("Age3 years SexFemale");
- figures' SVG drawings and heading permalinks are not indexed (each figure's caption is);
  what a drawing draws is not even copied (its tag and id are).

Pagefind holds a whole index in memory while it writes it (about 0.2 MB per case page), so a
large library is indexed in parts, one Pagefind process after another (two side by side
while they are small: :func:`side_by_side`), and the search page merges them (Pagefind's
``mergeIndex``). Each part is cached by its pages' content, so a
rebuild runs Pagefind only on the parts whose pages changed (see :func:`index_site`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from importlib import metadata
from pathlib import Path
from typing import Any

from casekit.fsutil import FolderBusy, OutputError, atomic_write, folder_lock
from casekit.site.catalog import Entry

#: Where Pagefind writes its index and UI, inside the built site.
INDEX_FOLDER = "pagefind"
#: The generated search page, in the docs folder.
SEARCH_PAGE = "search/index.md"
#: Pages per part of the index (see :func:`index_site`).
PART_PAGES = 1000
#: The values of the "Kind" filter.
CASE, GUIDE = "Case", "Guide"
#: Folders of the built site that are never indexed (listings, assets, the search itself).
_SKIPPED = ("library/", "search/", "assets/", "casekit/", f"{INDEX_FOLDER}/")
_ARTICLE = re.compile(r"<article\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"<html\b[^>]*\blang=\"([A-Za-z-]+)\"", re.IGNORECASE)
_SEPARATED = re.compile(r"</(dt|dd|th|td)>", re.IGNORECASE)
_SEPARATORS = {"dt": ": ", "dd": " ", "th": " ", "td": " "}
#: An SVG drawing that holds no other: its opening tag, what it draws, its closing tag.
_DRAWING = re.compile(
    r"(<svg\b[^>]*(?<!/)>)(?:(?!<svg\b).)*?(</svg\s*>)", re.IGNORECASE | re.DOTALL
)


def _version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "unknown"


_PAGEFIND_VERSION = _version()


class SearchError(Exception):
    """The search index could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Indexed:
    """What went into the index: the number of case pages and of other (guide) pages."""

    cases: int
    guides: int


def search_page(*, directory_urls: bool = True) -> str:
    """The search page: Pagefind's own UI, loaded from the folder Pagefind writes.

    Addresses are relative, so the site works from any folder of a web server; the UI is
    told the site's base address (the folder above ``pagefind/``) so its result links do too.
    A query in the address (``search/?q=...``, where the header's search box sends it) is
    run at once, and the address follows what the reader types, so going back from a
    result shows the same results (the filters work on them as on any search).
    """
    library = "../library/" if directory_urls else "../library/index.html"
    return (
        '---\ntitle: "Search"\n---\n\n'
        "# Search\n\n"
        '<link href="../pagefind/pagefind-ui.css" rel="stylesheet">\n'
        # Material styles every <details> in a page as a call-out box; the filters are not.
        "<style>.md-typeset .casekit-search details, .md-typeset .casekit-search summary"
        " {border: 0; box-shadow: none; background: none; margin: 0; padding: 0;"
        " font-size: inherit; overflow: visible}"
        " .md-typeset .casekit-search summary::before,"
        " .md-typeset .casekit-search summary::after {display: none}</style>\n"
        '<div id="casekit-search" class="casekit-search"></div>\n'
        f'<noscript><p>Searching needs JavaScript. Without it, the <a href="{library}">case'
        " library</a> lists every case, and its tags group them.</p></noscript>\n"
        '<script src="../pagefind/pagefind-ui.js"></script>\n'
        '<script src="../pagefind/casekit-parts.js"></script>\n'
        "<script>\n"
        "(function () {\n"
        '  var bundle = new URL("../pagefind/", document.baseURI);\n'
        '  var base = new URL("../", bundle).pathname;\n'
        "  var parts = (window.casekitSearchParts || []).map(function (part) {\n"
        "    return {bundlePath: new URL(part, bundle).pathname, baseUrl: base};\n"
        "  });\n"
        "  var ui = new PagefindUI({\n"
        '    element: "#casekit-search",\n'
        "    bundlePath: bundle.pathname,\n"
        "    baseUrl: base,\n"
        "    mergeIndex: parts,\n"
        "    showSubResults: true,\n"
        "    showImages: false,\n"
        "    resetStyles: true,\n"
        "  });\n"
        '  var query = new URLSearchParams(window.location.search).get("q");\n'
        "  if (query) ui.triggerSearch(query);\n"
        '  document.getElementById("casekit-search").addEventListener("input", function (e) {\n'
        '    if (!e.target.matches(".pagefind-ui__search-input")) return;\n'
        "    var address = new URL(window.location.href);\n"
        '    if (e.target.value) address.searchParams.set("q", e.target.value);\n'
        '    else address.searchParams.delete("q");\n'
        '    history.replaceState(history.state, "", address.href);\n'
        "  });\n"
        "})();\n"
        "</script>\n"
    )


def page_kind(relative: str, published: Mapping[str, Entry]) -> str | None:
    """``CASE``, ``GUIDE`` or None (not indexed) for a page of the built site."""
    if not relative.endswith(".html") or relative == "404.html":
        return None
    if relative.startswith(_SKIPPED):
        return None
    if relative.startswith("cases/"):
        parts = relative.split("/")
        if len(parts) == 3 and parts[2] == "index.html" and parts[1] in published:
            return CASE
        return None  # not a published case's page: never indexed
    return GUIDE


def _filters(item: Entry) -> dict[str, list[str]]:
    wanted = {"diagnosis": "Final diagnosis", "specialty": "Specialty", "age": "Age group"}
    wanted["sex"] = "Sex"
    filters: dict[str, list[str]] = {"Kind": [CASE]}
    for tag in item.tags:
        if tag.kind in wanted:
            filters.setdefault(wanted[tag.kind], []).append(tag.label)
    if item.year is not None:
        filters["Year"] = [str(item.year)]
    return filters


def _marks(kind: str, item: Entry | None) -> str:
    """Hidden filter and title elements for Pagefind (never in the page a reader sees)."""
    filters = _filters(item) if item is not None else {"Kind": [kind]}
    spans = [
        f'<span data-pagefind-filter="{escape(name)}">{escape(value)}</span>'
        for name, values in filters.items()
        for value in values
    ]
    if item is not None:
        spans.append(f'<span data-pagefind-meta="title">{escape(item.title)}</span>')
    spans.append(f'<span data-pagefind-meta="kind">{kind}</span>')
    return f"<div data-pagefind-ignore>{''.join(spans)}</div>"


def indexable(html: str, kind: str, item: Entry | None) -> str | None:
    """The copy of a page Pagefind reads (see the module's docstring); None: no content."""
    opening = _ARTICLE.search(html)
    end = html.rfind("</article>")
    if opening is None or end < opening.end():
        return None
    lang = _LANG.search(html)
    # Pagefind leaves figures' drawings out of the index (exclude_selectors) but parses
    # them: two fifths of a case page's bytes. The copy keeps each drawing's tag, with its id
    # (an anchor Pagefind records), and not what it draws: the same index, 15% less of
    # Pagefind's time.
    body = _DRAWING.sub(r"\1\2", html[opening.end() : end])
    body = _SEPARATED.sub(lambda m: _SEPARATORS[m.group(1).lower()] + m.group(0), body)
    return (
        f'<html lang="{lang.group(1) if lang else "en"}"><body>'
        f"<article data-pagefind-body>{body}{_marks(kind, item)}</article></body></html>"
    )


def _pages(site: Path, published: Mapping[str, Entry]) -> Iterator[tuple[str, str]]:
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        kind = page_kind(relative, published)
        if kind is not None:
            yield relative, kind


def part_of(relative: str, kind: str, parts: int) -> int:
    """The part of the index a page goes in: guides in the first, cases spread by id.

    A case stays in its part while the number of parts stays the same, so a rebuild after
    one case changed indexes one part again and reuses the others.
    """
    if kind != CASE or parts == 1:
        return 0
    digest = hashlib.sha256(relative.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % parts


def bundle_folder(part: int) -> str:
    """Where a part's bundle goes: the first in ``pagefind/``, with the search UI."""
    return INDEX_FOLDER if part == 0 else f"{INDEX_FOLDER}/part-{part + 1}"


def _parts_script(parts: list[int]) -> str:
    """``pagefind/casekit-parts.js``: the parts besides the first, for the search page."""
    others = [f"part-{number + 1}/" for number in parts if number > 0]
    return f"window.casekitSearchParts = {json.dumps(others)};\n"


async def _index(copies: Path, output: Path, *, directory_urls: bool) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        output_path=str(output),
        exclude_selectors=["svg", ".headerlink"],
        keep_index_url=not directory_urls,
    )
    # One request for the whole folder: Pagefind reads the files itself, on every core.
    # (Adding pages one by one through the Python API costs a tenth of a second each.)
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(copies))


def _part_digest(directory_urls: bool) -> Any:
    """The start of a part's cache key: Pagefind's version and the address style."""
    return hashlib.sha256(f"{_PAGEFIND_VERSION}\0{directory_urls}\n".encode())


#: Pagefind's search interface, which it writes beside every index: the search page loads it
#: from the first part only (the others are read through ``mergeIndex``), so the other parts
#: go without it (about 418 kB each; at 10,000 cases, ten parts).
_INTERFACE = shutil.ignore_patterns(
    "pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js"
)


def _index_part(
    folder: Path,
    key: str,
    output: Path,
    cache: Path | None,
    *,
    directory_urls: bool,
    interface: bool = True,
) -> str | None:
    """Index one part's pages (written under ``folder/pages``) into ``output``, or copy
    the same part from the cache; ``key``: the digest of its pages (see :func:`index_site`);
    ``interface``: whether the part keeps Pagefind's search interface (:data:`_INTERFACE`).

    Returns the name of the part's cache entry (None: no cache).
    """
    ignore = None if interface else _INTERFACE
    cached = cache / key if cache is not None else None
    if cached is not None and (cached / "pagefind-entry.json").is_file():
        shutil.copytree(cached, output, dirs_exist_ok=True, ignore=ignore)
        return cached.name
    written = Path(tempfile.mkdtemp(prefix="casekit-pagefind-")) / "index"
    try:
        _index_into(folder, written, directory_urls=directory_urls)
        if cached is not None:
            with contextlib.suppress(OSError):  # a cache that cannot be written is no cache
                unfinished = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
                shutil.copytree(written, unfinished)
                unfinished.rename(cached)  # whole or not at all
        shutil.copytree(written, output, dirs_exist_ok=True, ignore=ignore)
    finally:
        shutil.rmtree(written.parent, ignore_errors=True)
    return cached.name if cached is not None else None


def _index_into(folder: Path, written: Path, *, directory_urls: bool) -> None:
    """Run Pagefind on ``folder/pages`` into ``written`` until its index is complete."""
    for _ in range(ATTEMPTS):
        shutil.rmtree(written, ignore_errors=True)
        asyncio.run(_index(folder / "pages", written, directory_urls=directory_urls))
        if _complete(written):
            break
    else:
        raise SearchError(
            f"Pagefind wrote an incomplete search index {ATTEMPTS} times in a row (empty"
            " files). Build again; if it keeps happening, report it with Pagefind's version."
        )


#: Times a part is indexed before an incomplete index is an error (see :func:`_complete`).
ATTEMPTS = 3


def _complete(index: Path) -> bool:
    """Whether Pagefind finished writing ``index``: its entry file is JSON naming the
    languages, and no file is empty.

    Pagefind's Python wrapper stops the indexing process as soon as it has answered that
    the files are written; once in 11 parts at 10,000 cases some files of the last part were
    still empty (every Pagefind file is compressed or JSON, so never empty when complete).
    """
    try:
        entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
        if not isinstance(entry, dict) or not entry.get("languages"):
            return False
        return all(path.stat().st_size > 0 for path in index.rglob("*") if path.is_file())
    except (OSError, ValueError):
        return False


def _prune(cache: Path, used: set[str | None]) -> None:
    """Delete the cached parts this build did not use (and any left unfinished)."""
    for kept in cache.iterdir() if cache.is_dir() else ():
        if kept.name not in used:
            shutil.rmtree(kept, ignore_errors=True)


#: A library is indexed in at least this many parts once each would hold
#: :data:`QUARTER_PAGES` pages or more (see :func:`part_count`).
QUARTERS = 4
QUARTER_PAGES = 250


def part_count(pages: int, part_pages: int) -> int:
    """How many parts ``pages`` pages are indexed in: none holds more than ``part_pages``
    (Pagefind's memory), and up to four are made as long as each holds 250 pages or more
    (two from 500 pages, four from 1,000).

    A rebuild after one page changed runs Pagefind again on the one part that holds it, so a
    part of a quarter of the library keeps that short (at 1,000 cases 4.1 s instead of
    5.3-5.7 s for the whole rebuild); the price is a few more small files on a reader's first
    search (712 KiB instead of 496 KiB at 1,000 cases; the largest file is the same).
    """
    return max(1, -(-pages // part_pages), min(QUARTERS, pages // QUARTER_PAGES))


def side_by_side(sizes: list[int], part_pages: int) -> bool:
    """Whether the parts of these sizes (pages) are indexed two at a time.

    A Pagefind process keeps about 1.4 of two cores busy, so two side by side use the
    machine better (at 1,000 cases the index took about 2.9 s instead of 3.7 s, in noisy
    runs); but each holds its part's whole index in memory (about 0.2 MB a page). Two run
    side by side only while the two largest parts together hold at most a quarter more pages
    than one full part: a library of 1,000 to about 2,000 cases (quarters: see
    :func:`part_count`), not one of 10,000 (full parts, one after another, within the
    memory it always took).
    """
    largest = sorted(sizes)[-2:]
    return len(largest) == 2 and sum(largest) <= part_pages * 5 // 4


@contextlib.contextmanager
def _copies_folder(copies: Path | None) -> Iterator[Path]:
    """Where the copies of the pages Pagefind reads are written, for the block.

    Kept between builds in ``copies`` (locked by one build at a time, as an output folder
    is: :func:`~casekit.fsutil.folder_lock`): a rebuild writes again only the copies that
    changed, and no build removes a thousand folders of copies (one per case page; removing
    folders is slow on some file systems: about a second per thousand on the machine the
    benchmarks ran on). Without ``copies``, or while another build holds it, a scratch folder.
    """
    with contextlib.ExitStack() as stack:
        if copies is not None:
            try:
                stack.enter_context(folder_lock(copies, wait=False))
                copies.mkdir(parents=True, exist_ok=True)
            except (FolderBusy, OutputError, OSError):
                stack.close()
                copies = None
        if copies is None:
            copies = Path(
                stack.enter_context(tempfile.TemporaryDirectory(prefix="casekit-search-"))
            )
        yield copies


def _keep(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` unless it holds that already."""
    with contextlib.suppress(OSError):
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _remove_others(root: Path, kept: set[Path]) -> None:
    """Remove what ``root`` holds besides the files in ``kept``, so that Pagefind reads no
    copy of a page this build does not have."""
    folders_kept = {root}
    for path in kept:
        folders_kept.update(path.parents)
    for folder, subfolders, names in os.walk(root, topdown=False):
        here = Path(folder)
        for name in names:
            path = here / name
            if path not in kept:
                path.unlink()
        for name in subfolders:
            if here / name not in folders_kept:
                (here / name).rmdir()


def index_site_with(site: Path, config: Any, published: Mapping[str, Entry]) -> Indexed:
    """Index a site built with ``config`` (an MkDocs configuration); ``published``: the
    catalogue entries of the cases published, by case id.

    ``extra: casekit: search_part_pages: N`` sets the pages per part of the index.
    """
    from casekit.site.library import cache_dir

    return index_site(
        site,
        published,
        directory_urls=bool(config.use_directory_urls),
        cache=cache_dir(config, "search"),
        copies=cache_dir(config, "search-pages"),
        part_pages=part_pages(config),
    )


def part_pages(config: Any) -> int:
    """``extra: casekit: search_part_pages`` (default :data:`PART_PAGES`), checked."""
    settings = config.extra.get("casekit") or {}
    raw = settings.get("search_part_pages") if isinstance(settings, dict) else None
    if raw is None:
        return PART_PAGES
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
        raise SearchError(
            "'search_part_pages' under 'extra: casekit:' in mkdocs.yml must be a whole number"
            f" of pages (1 or more), not {raw!r}."
        )
    return raw


def index_site(
    site: Path,
    published: Mapping[str, Entry],
    *,
    directory_urls: bool,
    cache: Path | None = None,
    copies: Path | None = None,
    part_pages: int = PART_PAGES,
) -> Indexed:
    """Index the built ``site`` into ``site/pagefind/``; ``published``: entries by case id.

    The index is made in parts of about ``part_pages`` pages, one Pagefind process at a
    time, or two while the parts are small (Pagefind holds a whole index in memory, about
    0.2 MB per case page: see :func:`side_by_side`), and the search page merges them.
    ``cache``: a folder keeping each part's index by its pages' content, so that a rebuild
    indexes again only the parts whose pages changed; parts no build asked for are deleted.
    ``copies``: a folder keeping the copies of the pages Pagefind reads (see
    :func:`_copies_folder`), or None for a scratch folder.
    """
    # Sorted by address, so that a part's key does not depend on the order of the folder.
    pages = sorted(_pages(site, published))
    parts = part_count(len(pages), part_pages)
    counts = {CASE: 0, GUIDE: 0}
    try:
        with _copies_folder(copies) as root:
            folders = [root / f"part-{number}" for number in range(parts)]
            keys = [_part_digest(directory_urls) for _ in range(parts)]
            sizes = [0] * parts
            kept: set[Path] = set()
            for relative, kind in pages:
                item = published.get(relative.split("/")[1]) if kind == CASE else None
                content = indexable((site / relative).read_text(encoding="utf-8"), kind, item)
                if content is None:
                    continue
                number = part_of(relative, kind, parts)
                data = content.encode("utf-8", "surrogatepass")
                keys[number].update(f"pages/{relative}\0{len(content)}\0".encode())
                keys[number].update(data)
                # Each copy goes straight to its part's folder (not kept in memory: at
                # 10,000 cases the copies alone were about 200 MB).
                target = folders[number] / "pages" / relative
                _keep(target, data)
                kept.add(target)
                sizes[number] += 1
                counts[kind] += 1
            _remove_others(root, kept)
            written = [number for number in range(parts) if sizes[number]]  # none: no index

            def index_part(number: int) -> str | None:
                output = site / bundle_folder(number)
                key = keys[number].hexdigest()
                return _index_part(
                    folders[number],
                    key,
                    output,
                    cache,
                    directory_urls=directory_urls,
                    interface=number == 0,
                )

            if side_by_side([sizes[number] for number in written], part_pages):
                with ThreadPoolExecutor(max_workers=2) as pool:
                    used = set(pool.map(index_part, written))
            else:
                used = {index_part(number) for number in written}
        if cache is not None:
            _prune(cache, used)
        atomic_write(site / INDEX_FOLDER / "casekit-parts.js", _parts_script(written))
    except SearchError:
        raise
    except ImportError:
        raise SearchError(
            "Pagefind is not installed, so the site has no search. Install casekit again"
            " (pip install casekit installs Pagefind with it)."
        ) from None
    except (OSError, OutputError) as exc:
        raise SearchError(f"the search index could not be written: {exc}") from None
    except Exception as exc:  # the Pagefind service reports failures as plain exceptions
        raise SearchError(f"Pagefind could not index the site: {exc}") from None
    return Indexed(cases=counts[CASE], guides=counts[GUIDE])
