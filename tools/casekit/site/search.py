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
- figures' SVG drawings and heading permalinks are not indexed (each figure's caption is).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from casekit.loader import CaseDocument
from casekit.site.catalog import Entry, entry

#: Where Pagefind writes its index and UI, inside the built site.
INDEX_FOLDER = "pagefind"
#: The generated search page, in the docs folder.
SEARCH_PAGE = "search/index.md"
#: The values of the "Kind" filter.
CASE, GUIDE = "Case", "Guide"
#: Folders of the built site that are never indexed (listings, assets, the search itself).
_SKIPPED = ("library/", "search/", "assets/", "casekit/", f"{INDEX_FOLDER}/")
_ARTICLE = re.compile(r"<article\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"<html\b[^>]*\blang=\"([A-Za-z-]+)\"", re.IGNORECASE)
_SEPARATED = re.compile(r"</(dt|dd|th|td)>", re.IGNORECASE)
_SEPARATORS = {"dt": ": ", "dd": " ", "th": " ", "td": " "}


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
        "<script>\n"
        "(function () {\n"
        '  var bundle = new URL("../pagefind/", document.baseURI);\n'
        "  new PagefindUI({\n"
        '    element: "#casekit-search",\n'
        "    bundlePath: bundle.pathname,\n"
        '    baseUrl: new URL("../", bundle).pathname,\n'
        "    showSubResults: true,\n"
        "    showImages: false,\n"
        "    resetStyles: true,\n"
        "  });\n"
        "})();\n"
        "</script>\n"
    )


def published_entries(docs: list[CaseDocument]) -> dict[str, Entry]:
    """The catalogue entries of the cases that passed the gate, by case id."""
    found = (entry(doc.data) for doc in docs)
    return {item.case_id: item for item in found}


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


def _url(relative: str, *, directory_urls: bool) -> str:
    if directory_urls and (relative == "index.html" or relative.endswith("/index.html")):
        relative = relative.removesuffix("index.html")
    return "/" + relative


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
    body = _SEPARATED.sub(
        lambda m: _SEPARATORS[m.group(1).lower()] + m.group(0), html[opening.end() : end]
    )
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


async def _index(site: Path, published: Mapping[str, Entry], directory_urls: bool) -> Indexed:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        output_path=str(site / INDEX_FOLDER),
        exclude_selectors=["svg", ".headerlink"],
    )
    counts = {CASE: 0, GUIDE: 0}
    async with PagefindIndex(config=config) as index:
        for relative, kind in _pages(site, published):
            item = published.get(relative.split("/")[1]) if kind == CASE else None
            html = (site / relative).read_text(encoding="utf-8")
            content = indexable(html, kind, item)
            if content is None:
                continue
            url = _url(relative, directory_urls=directory_urls)
            await index.add_html_file(content=content, url=url)
            counts[kind] += 1
    return Indexed(cases=counts[CASE], guides=counts[GUIDE])


def index_site(site: Path, published: Mapping[str, Entry], *, directory_urls: bool) -> Indexed:
    """Index the built ``site`` into ``site/pagefind/``; ``published``: entries by case id."""
    try:
        return asyncio.run(_index(site, published, directory_urls))
    except ImportError:
        raise SearchError(
            "Pagefind is not installed, so the site has no search. Install casekit again"
            " (pip install casekit installs Pagefind with it)."
        ) from None
    except Exception as exc:  # the Pagefind service reports failures as plain exceptions
        raise SearchError(f"Pagefind could not index the site: {exc}") from None
