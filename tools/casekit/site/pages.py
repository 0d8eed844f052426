"""Generate every case-library page in memory, as engine-neutral Markdown.

The pages are returned as a mapping from a path inside the docs folder to its content, so
the MkDocs hook can hand them to MkDocs without writing anything into ``site/`` (no stale
page can survive a case being unpublished), and ``casekit build --engine zensical`` can
write the same mapping to a scratch folder.

Case text is data: everything taken from a case is HTML-escaped and placed inside raw HTML
blocks, which Markdown leaves alone, so neither HTML nor Markdown syntax in a case is
interpreted. Markdown links are used only for fixed text and case ids (which the schema
restricts to lower-case letters, digits and hyphens).
"""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from casekit.images.publish import case_figure_files
from casekit.loader import CaseDocument
from casekit.render import RenderResult
from casekit.site.catalog import FACETS, TAG_KINDS, Entry, Tag

LIBRARY = "library/index.md"
TAGS = "library/tags/index.md"
LINT_RULES = "reference/lint-rules.md"
FIELDS = "reference/case-fields.md"
#: casekit's script and style sheet, added to every site by the hook (and by the Zensical
#: staging): the library filter and the header's search box (see :func:`fixed_files`).
SCRIPT = "casekit/library-filter.js"
STYLE = "casekit/library.css"
_ASSETS = Path(__file__).resolve().parent / "assets"
#: The assets served in SCRIPT and STYLE, in order: one file each, so both engines load the
#: header's search box with the settings they already have for the library filter.
_SCRIPT_PARTS = ("library-filter.js", "header-search.js")
_STYLE_PARTS = ("library.css", "header-search.css")


Renderer = Callable[..., RenderResult]


#: A generated file's content, or the scratch file that holds it (see
#: :mod:`casekit.site.casework`: a large library's pages are not held in memory).
Content = str | bytes | Path


def read_content(content: Content) -> str | bytes:
    """The content itself, read from its scratch file if it is there."""
    if isinstance(content, Path):
        return content.read_bytes() if content.suffix != ".md" else content.read_text("utf-8")
    return content


@dataclass
class SitePages:
    files: dict[str, Content] = field(default_factory=dict)
    #: Cases that passed the gate but could not be rendered: (case id, message).
    problems: list[tuple[str, str]] = field(default_factory=list)


def case_page(case_id: str) -> str:
    return f"cases/{case_id}/index.md"


def tag_page(tag: Tag) -> str:
    return f"library/tags/{tag.kind}/{tag.slug}/index.md"


def link(from_src: str, to_src: str, *, directory_urls: bool) -> str:
    """The relative address from one generated ``.../index.md`` page to another."""
    rel = _relative(posixpath.dirname(to_src), posixpath.dirname(from_src))
    rel = "" if not rel else rel + "/"
    return rel if directory_urls else rel + "index.html"


def _relative(to_dir: str, from_dir: str) -> str:
    """``posixpath.relpath`` for two folders inside the docs folder ('' for the same one),
    without its look at the working directory: a library's listings make some 10,000
    links per 1,000 cases."""
    start = from_dir.split("/") if from_dir else []
    end = to_dir.split("/") if to_dir else []
    common = 0
    while common < min(len(start), len(end)) and start[common] == end[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + end[common:])


def _front_matter(title: str, *, searchable: bool = True) -> str:
    # The theme prints the title without escaping it: escape here, quote as a JSON string
    # (valid YAML), so a case title can never become markup in <title> or the header.
    # Listing pages are left out of search: a reader searching a diagnosis wants the case,
    # not every list that names it (and indexing them costs a third of the build).
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(escape(title), ensure_ascii=False)}\n{search}---\n\n"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _series_note(item: Entry) -> str:
    note = item.series_note
    return f' <span class="casekit-series">({_e(note)})</span>' if note else ""


def _card_meta(item: Entry) -> str:
    """'Female, 3 years · Paediatric rheumatology · 2008' (what is stated, nothing else)."""
    who = ", ".join(
        part
        for part in (
            item.sex if item.sex != "Not stated" else "",
            item.age,
        )
        if part
    )
    parts = [who, item.specialty if item.specialty != "Not stated" else "", item.year or ""]
    return " · ".join(_e(p) for p in parts if p)


def case_cards(
    entries: Iterable[Entry], *, page: str, directory_urls: bool, cards_id: str = ""
) -> str:
    """The cases as Material's grid cards (``.grid > .card``, plain HTML that Zensical's
    theme styles too); each card carries its tags, title, year and age for the filter
    script. Without JavaScript every card is shown."""
    id_attr = f' id="{cards_id}"' if cards_id else ""
    cards = []
    for item in entries:
        href = link(page, case_page(item.case_id), directory_urls=directory_urls)
        tags = " ".join(_e(t.key) for t in item.tags)
        themes = [t.label for t in item.tags if t.kind == "theme"]
        chips = "".join(
            f'<span class="casekit-chip">{_e(label)}</span> '
            for label in [*item.complaints, *themes]
        ).strip()
        age = "" if item.age_days is None else f"{item.age_days:.0f}"
        cards.append(
            f'<div class="card casekit-card" data-case="{item.case_id}" data-tags="{tags}"'
            f' data-title="{_e(item.title.casefold())}" data-year="{item.year or ""}"'
            f' data-age="{age}">\n'
            f'<p class="casekit-card-title"><a href="{href}">{_e(item.title)}</a>'
            f"{_series_note(item)}</p>\n"
            f'<p class="casekit-card-meta">{_card_meta(item)}</p>\n'
            f'<p class="casekit-card-dx"><span class="casekit-card-label">Final diagnosis:</span>'
            f" {_e(item.final_diagnosis)}</p>\n"
            + (f'<p class="casekit-chips">{chips}</p>\n' if chips else "")
            + "</div>"
        )
    body = "\n".join(cards)
    return f'<div{id_attr} class="grid casekit-cards">\n{body}\n</div>\n'


def _tag_index(entries: list[Entry]) -> dict[str, list[tuple[Tag, list[Entry]]]]:
    by_key: dict[str, tuple[Tag, list[Entry]]] = {}
    for item in entries:
        for tag in item.tags:
            by_key.setdefault(tag.key, (tag, []))[1].append(item)
    grouped: dict[str, list[tuple[Tag, list[Entry]]]] = defaultdict(list)
    for tag, members in by_key.values():
        grouped[tag.kind].append((tag, members))
    for kind in grouped:
        if kind == "year":  # newest first
            grouped[kind].sort(key=lambda pair: pair[0].label, reverse=True)
        else:
            grouped[kind].sort(key=lambda pair: pair[0].label.casefold())
    return grouped


#: How the filter script can order the cards: (value, label); the page's own order first.
SORTS = (
    ("title", "Title (A to Z)"),
    ("newest", "Year, newest first"),
    ("oldest", "Year, oldest first"),
    ("youngest", "Age, youngest first"),
    ("oldest-patient", "Age, oldest first"),
)


def _filter_form(grouped: dict[str, list[tuple[Tag, list[Entry]]]]) -> str:
    """Facet filters with counts, a sort and a count of what is shown. Hidden without
    JavaScript (the list then shows every case, and the tag pages do the filtering)."""
    parts = [
        '<form id="casekit-filter" class="casekit-filter" hidden>',
        '<details class="casekit-facets">',
        "<summary>Filter the cases</summary>",
        '<div class="casekit-facet-grid">',
    ]
    for kind in FACETS:
        tags = grouped.get(kind)
        if not tags:
            continue
        options = "\n".join(
            f'<label class="casekit-option"><input type="checkbox" name="{kind}"'
            f' value="{_e(tag.key)}"> <span class="casekit-option-label">{_e(tag.label)}</span>'
            f' <span class="casekit-count">({len(members)})</span></label>'
            for tag, members in tags
        )
        parts.append(
            f'<fieldset class="casekit-facet" data-kind="{kind}">'
            f"<legend>{TAG_KINDS[kind]}</legend>\n{options}\n</fieldset>"
        )
    parts.append("</div>")
    parts.append("</details>")
    sorts = "".join(f'<option value="{value}">{label}</option>' for value, label in SORTS)
    parts.append(
        '<div class="casekit-filter-bar">'
        f'<label class="casekit-sort">Sort by <select name="sort">{sorts}</select></label>'
        ' <button type="reset" class="md-button">Clear filters</button>'
        "</div>"
    )
    parts.append("</form>")
    return "\n".join(parts) + "\n"


def library_page(entries: list[Entry], *, directory_urls: bool) -> str:
    grouped = _tag_index(entries)
    tags_href = link(LIBRARY, TAGS, directory_urls=directory_urls)
    count = len(entries)
    plural = "s" if count != 1 else ""
    intro = (
        f'<p class="casekit-library-intro">{count} published case{plural}.'
        f' Filter them below, or <a href="{tags_href}">browse by tag</a>.</p>\n'
    )
    status = (
        f'<p id="casekit-filter-count" class="casekit-filter-count" role="status">'
        f"Showing all {count} case{plural}.</p>\n"
    )
    return (
        _front_matter("Case library", searchable=False)
        + "# Case library\n\n"
        + intro
        + "\n"
        + _filter_form(grouped)
        + "\n"
        + status
        + "\n"
        + case_cards(
            entries, page=LIBRARY, directory_urls=directory_urls, cards_id="casekit-library"
        )
    )


def tags_page(entries: list[Entry], *, directory_urls: bool) -> str:
    grouped = _tag_index(entries)
    out = [_front_matter("Browse by tag", searchable=False), "# Browse by tag\n\n"]
    for kind, heading in TAG_KINDS.items():
        if not grouped.get(kind):
            continue
        items = "\n".join(
            f'<li><a href="{link(TAGS, tag_page(tag), directory_urls=directory_urls)}">'
            f"{_e(tag.label)}</a> ({len(members)})</li>"
            for tag, members in grouped[kind]
        )
        out.append(f'## {heading}\n\n<ul class="casekit-tags">\n{items}\n</ul>\n\n')
    return "".join(out)


def single_tag_page(tag: Tag, members: list[Entry], *, directory_urls: bool) -> str:
    page = tag_page(tag)
    heading = f"{TAG_KINDS[tag.kind]}: {tag.label}"
    back = link(page, TAGS, directory_urls=directory_urls)
    items = "\n".join(
        f'<li><a href="{link(page, case_page(m.case_id), directory_urls=directory_urls)}">'
        f"{_e(m.title)}</a> <span>({_e(m.final_diagnosis)})</span></li>"
        for m in members
    )
    # A plain list rather than the index's table: a tag shared by every case would otherwise
    # repeat the whole library's table once per tag.
    return (
        _front_matter(heading, searchable=False)
        + f"<h1>{_e(heading)}</h1>\n\n"
        + f"<p>{len(members)} case{'s' if len(members) != 1 else ''}."
        + f' <a href="{back}">All tags</a></p>\n\n'
        + f'<ul class="casekit-tag-cases">\n{items}\n</ul>\n'
    )


def _tag_links(item: Entry, *, directory_urls: bool) -> str:
    page = case_page(item.case_id)
    items = "\n".join(
        f"<li>{TAG_KINDS[t.kind]}: "
        f'<a href="{link(page, tag_page(t), directory_urls=directory_urls)}">{_e(t.label)}</a></li>'
        for t in item.tags
    )
    return f'<ul class="casekit-tags">\n{items}\n</ul>\n'


#: A case's downloads, in the order the page lists them: (link text, file name after the
#: case id). The page's list and the files written both come from here.
DOWNLOADS = (
    ("Abstract (plain text)", "-abstract.txt"),
    ("Abstract (Word document)", "-abstract.docx"),
    ("CARE checklist (Markdown text)", "-care-checklist.txt"),
    ("Case file (JSON)", ".json"),
)


def download_paths(case_id: str) -> list[str]:
    """Where a case's downloads go in the docs folder, beside its page."""
    return [f"cases/{case_id}/{case_id}{suffix}" for _, suffix in DOWNLOADS]


def case_page_file(
    doc: CaseDocument,
    item: Entry,
    render: Renderer,
    *,
    directory_urls: bool,
    template_dirs: tuple[Path, ...] = (),
) -> dict[str, str | bytes]:
    """The case page, ``cases/<id>/index.md``, which links to its downloads."""
    cid = item.case_id
    web = render(doc.data, "web", to="md", template_dirs=template_dirs).content
    listed = "".join(f"- [{label}]({cid}{suffix})\n" for label, suffix in DOWNLOADS)
    downloads = f"## Downloads\n\n{listed}\n"
    page = (
        _front_matter(item.title)
        + (web if isinstance(web, str) else web.decode("utf-8")).rstrip("\n")
        + "\n\n"
        + downloads
        + "## Tags\n\n"
        + _tag_links(item, directory_urls=directory_urls)
    )
    return {case_page(cid): page} | _figure_files(doc, cid)


def _figure_files(doc: CaseDocument, case_id: str) -> dict[str, str | bytes]:
    """The cleaned copies of the case's images (never the originals), beside its page."""
    if not doc.data.get("figures"):
        return {}
    made = case_figure_files(doc.path.parent, doc.data)
    return {f"cases/{case_id}/{name}": data for name, data in made.items()}


def case_downloads(
    doc: CaseDocument, item: Entry, render: Renderer, *, template_dirs: tuple[Path, ...] = ()
) -> dict[str, str | bytes]:
    """The case's downloads, in the order of :data:`DOWNLOADS`."""
    data: dict[str, Any] = doc.data
    dirs = template_dirs  # profile=None: the generic abstract profile
    text = render(data, "abstract", to="txt", profile=None, template_dirs=dirs).content
    docx = render(data, "abstract", to="docx", profile=None, template_dirs=dirs).content
    checklist = render(data, "care-checklist", to="md", template_dirs=dirs).content
    return dict(zip(download_paths(item.case_id), (text, docx, checklist, doc.text), strict=True))


def case_files(
    doc: CaseDocument,
    item: Entry,
    render: Renderer,
    *,
    directory_urls: bool,
    template_dirs: tuple[Path, ...] = (),
) -> dict[str, str | bytes]:
    """The case page and its downloads, all in the folder ``cases/<id>/``."""
    page = case_page_file(
        doc, item, render, directory_urls=directory_urls, template_dirs=template_dirs
    )
    return page | case_downloads(doc, item, render, template_dirs=template_dirs)


def _reference_page(title: str, producer: Callable[[], str], missing: str) -> str:
    try:
        body = producer()
    except ImportError:
        body = f"# {title}\n\n{missing}\n"
    if not body.lstrip().startswith("#"):
        body = f"# {title}\n\n{body}"
    return _front_matter(title) + body


def _lint_rules() -> str:
    from casekit.lint.docs import rule_reference_markdown

    return str(rule_reference_markdown())


def _case_fields() -> str:
    from casekit.schemadoc import field_reference_markdown

    return str(field_reference_markdown())


def reference_pages() -> dict[str, str | bytes]:
    return {
        LINT_RULES: _reference_page(
            "Lint rules", _lint_rules, "The lint rule reference is not available in this build."
        ),
        FIELDS: _reference_page(
            "Case file fields",
            _case_fields,
            "The case field reference is not available in this build.",
        ),
    }


def render_case(
    job: tuple[CaseDocument, Entry],
    *,
    renderer: Renderer,
    directory_urls: bool,
    template_dirs: tuple[Path, ...],
) -> dict[str, str | bytes] | str:
    """One case's files, or why they could not be made (in a worker)."""
    doc, item = job
    try:
        return case_files(
            doc, item, renderer, directory_urls=directory_urls, template_dirs=template_dirs
        )
    except Exception as exc:  # one broken case must not stop the library being built
        return f"{type(exc).__name__}: {exc}"


def fixed_files() -> dict[str, Content]:
    """The pages and assets every site has, whatever its cases: the references, and
    casekit's script and style sheet (the library filter and the header's search box)."""
    files: dict[str, Content] = dict(reference_pages())
    files[SCRIPT] = _joined(_SCRIPT_PARTS)
    files[STYLE] = _joined(_STYLE_PARTS)
    return files


def _joined(names: tuple[str, ...]) -> str:
    return "\n".join((_ASSETS / name).read_text(encoding="utf-8") for name in names)


def listing_files(entries: Iterable[Entry], *, directory_urls: bool) -> dict[str, Content]:
    """The library index, the tag index and one page per tag, for the published cases."""
    ordered = sorted(entries, key=lambda e: (e.title.casefold(), e.case_id))
    files: dict[str, Content] = {
        LIBRARY: library_page(ordered, directory_urls=directory_urls),
        TAGS: tags_page(ordered, directory_urls=directory_urls),
    }
    for tags in _tag_index(ordered).values():
        for tag, members in tags:
            files[tag_page(tag)] = single_tag_page(tag, members, directory_urls=directory_urls)
    return files
