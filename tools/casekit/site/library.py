"""One build's worth of work: gate the library and generate its pages.

Shared by the MkDocs hooks and ``casekit build``. It lives apart from ``hooks.py`` because
MkDocs loads a hooks file as a module of its own: a class defined there would not be the
same class as the one ``casekit build`` imports.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from casekit.dates import today_utc
from casekit.discover import case_files
from casekit.lint import ConfigError
from casekit.render import render
from casekit.render.settings import paper_size
from casekit.resources import data_dir
from casekit.site.cache import Files, PageCache, fingerprint
from casekit.site.casework import CaseWork, make_library
from casekit.site.catalog import Entry
from casekit.site.gate import Skipped, make_linter
from casekit.site.pages import SitePages, fixed_files, listing_files
from casekit.site.prerender import HtmlPage, MarkdownSetup, PageStore, prerender
from casekit.site.scratch import Scratch
from casekit.site.search import SEARCH_PAGE, search_page

#: Key in ``config.extra`` under which ``casekit build`` passes its prepared pages.
PREPARED = "_casekit_prepared"


@dataclass
class Prepared:
    library: Path
    #: The catalogue entries of the cases published, by case id.
    published: dict[str, Entry]
    #: The cases the gate left out, and why.
    skipped: list[Skipped]
    pages: SitePages
    #: Where the cases' generated files are until the build has read them.
    scratch: Scratch | None = None
    #: The output folder the build replaces whole (``casekit build``): the previous site
    #: in it is there until the end, and its unchanged case pages can be reused (see
    #: :mod:`casekit.site.replay`). None under ``mkdocs build``, which empties it first.
    site: Path | None = None

    def close(self) -> None:
        """Remove the scratch files (once the site is built, or the build has failed)."""
        if self.scratch is not None:
            self.scratch.remove()


def library_dir(config: Any) -> Path:
    """The folder of case files: ``extra.casekit.library`` (default ``cases``)."""
    settings = config.extra.get("casekit") or {}
    raw = settings.get("library", "cases") if isinstance(settings, dict) else "cases"
    base = Path(config.config_file_path or ".").resolve().parent
    folder = (base / str(raw)).resolve()
    if not folder.is_dir():
        raise PluginError(
            f"casekit: the case folder '{folder}' does not exist. Set 'extra: casekit: library:'"
            " in mkdocs.yml to the folder that holds the case files."
        )
    return folder


def today(config: Any) -> date:
    settings = config.extra.get("casekit") or {}
    raw = settings.get("today") if isinstance(settings, dict) else None
    if raw is None:
        return today_utc()
    try:
        return raw if isinstance(raw, date) else date.fromisoformat(str(raw))
    except ValueError:
        raise PluginError(
            f"casekit: 'extra: casekit: today: {raw}' is not a date in the form YYYY-MM-DD."
        ) from None


def template_dirs(config: Any) -> tuple[Path, ...]:
    """The library's own ``templates/`` folder (beside mkdocs.yml), if it has one."""
    folder = Path(config.config_file_path or ".").resolve().parent / "templates"
    bundled = data_dir("templates").resolve()
    return (folder,) if folder.is_dir() and folder != bundled else ()


def _setting(config: Any, name: str) -> Any:
    settings = config.extra.get("casekit") or {}
    return settings.get(name) if isinstance(settings, dict) else None


def cache_dir(config: Any, part: str = "pages") -> Path | None:
    """``.casekit-cache/<part>`` beside mkdocs.yml; ``extra.casekit.cache: false`` turns it off."""
    if _setting(config, "cache") is False:
        return None
    return Path(config.config_file_path or ".").resolve().parent / ".casekit-cache" / part


def prepare(config: Any) -> Prepared:
    """Gate the library and generate its pages (the work of one build).

    The cases' pages and figures are in a scratch folder (see :mod:`casekit.site.casework`)
    until the build has read them: call :meth:`Prepared.close` when it ends."""
    folder = library_dir(config)
    try:
        linter = make_linter(folder)
        paper = paper_size(folder)
    except ConfigError as exc:
        raise PluginError(f"casekit: the library's settings are not valid: {exc}") from None
    templates = template_dirs(config)
    directory_urls = bool(config.use_directory_urls)
    cache: PageCache[Files] = PageCache(cache_dir(config), f"{fingerprint(templates)}-{paper}")
    renderer = functools.partial(render, paper=paper)
    scratch = Scratch(cache_dir(config, "scratch"))
    # A lint verdict depends on casekit's own files and the library's lint settings.
    lint_settings = repr(getattr(linter, "config", linter))
    verdicts: PageCache[dict[str, Any]] = PageCache(
        cache_dir(config, "gate"), f"{fingerprint(())}-{lint_settings}"
    )
    work = CaseWork(
        today=today(config),
        linter=linter,
        verdicts=verdicts,
        renderer=renderer,
        directory_urls=directory_urls,
        template_dirs=templates,
        cache=cache,
        scratch=scratch.path,
    )
    try:
        made = make_library(list(case_files([folder])), work)
    except BaseException:
        scratch.remove()
        raise
    pages = SitePages(files=fixed_files(), problems=made.problems)
    pages.files.update(made.files)
    pages.files.update(listing_files(made.published.values(), directory_urls=directory_urls))
    pages.files[SEARCH_PAGE] = search_page(directory_urls=directory_urls)
    return Prepared(folder, made.published, made.skipped, pages, scratch)


def prerendered(config: Any, pages: SitePages) -> PageStore:
    """The generated pages converted to HTML ahead of MkDocs (see :mod:`.prerender`).

    Empty when ``extra.casekit.prerender: false`` is set, or when the Markdown setup cannot
    be shared with worker processes: MkDocs then converts every page itself. The store's
    scratch file is in the cache folder (on disk, where a system's temporary folder may
    be memory).
    """
    store = PageStore(cache_dir(config, "scratch"))
    if _setting(config, "prerender") is False:
        return store
    setup = MarkdownSetup.from_config(config)
    if setup is None:
        return store
    # An extension that reads other files could change a page that did not change: then
    # convert every build, on every core, but keep nothing.
    folder = cache_dir(config, "html") if setup.cacheable else None
    cache = PageCache(folder, fingerprint(template_dirs(config)), HtmlPage)
    return prerender(pages.files, setup, cache, store)
