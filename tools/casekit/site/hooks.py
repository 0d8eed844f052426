"""MkDocs hooks (named in ``mkdocs.yml``): generate the case library pages on every build.

Pages are created with ``File.generated`` on each build (the listings in memory, each
case's page and figures in the build's scratch folder, removed when the build ends), so a
case that is unpublished or deleted is simply not there next time, and ``mkdocs serve``
rebuilds when a case, a template or the schema changes. ``casekit build`` prepares the same
pages itself (to report problems before MkDocs runs) and hands them over in ``config.extra``.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from casekit.batch import shared_workers, stop_shared_workers
from casekit.resources import data_dir
from casekit.site import navcache, replay
from casekit.site.catalog import Entry
from casekit.site.library import (
    PREPARED,
    Prepared,
    cache_dir,
    library_dir,
    prepare,
    prerendered,
    template_dirs,
)
from casekit.site.pages import SCRIPT, STYLE
from casekit.site.prerender import PageStore, digest, missing_links
from casekit.site.search import SearchError, index_site_with, part_pages

#: A library's own hooks file may simply ``from casekit.site.hooks import *``.
__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_nav",
    "on_page_content",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_serve",
]

log = logging.getLogger("mkdocs.plugins.casekit")

#: This build's generated pages already converted to HTML, by path in the docs folder
#: (filled by on_files, kept on disk), and those whose Markdown reached MkDocs unchanged
#: by any plugin.
_store = PageStore()
_in_use: set[str] = set()
#: Every address in this build's site, for checking the links of converted pages.
_known_urls: set[str] = set()
#: The pages casekit converted, whose anchors MkDocs checks once every page is written.
_pages: list[Any] = []
#: Every page casekit generated in this build, by path in the docs folder.
_generated: set[str] = set()
#: The catalogue entries of the cases published in this build, for the search index.
_published: dict[str, Entry] = {}
#: This build's prepared library, whose scratch files MkDocs reads until the build ends.
_prepared: list[Prepared] = []
#: The reuse of the previous site's unchanged case pages (``casekit build`` only).
_replay: list[replay.Replay] = []
#: The navigation rendered once for the pages outside it (see :mod:`.navcache`).
_nav = navcache.NavCache()


def on_config(config: Any) -> Any:
    """Check the search settings; add the library filter's script and style sheet."""
    try:
        part_pages(config)  # before the build, not after it
    except SearchError as exc:
        raise PluginError(f"casekit: {exc}") from None
    if STYLE not in [str(css) for css in config.extra_css]:
        config.extra_css.append(STYLE)
    if SCRIPT not in [str(js) for js in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    return config


def _inclusion(src_uri: str) -> InclusionLevel:
    # Case and tag pages are reached from the library index, never listed in the
    # navigation: listing thousands of cases on every page would make output grow with
    # the square of the library.
    if src_uri.startswith(("cases/", "library/tags/")) and src_uri != "library/tags/index.md":
        return InclusionLevel.NOT_IN_NAV
    return InclusionLevel.UNDEFINED


def on_files(files: Files, config: Any) -> Files:
    _end_of_build()  # anything left over from a build that stopped before its end
    # The gate, rendering and HTML conversion share worker processes. MkDocs works on one
    # core from here: workers would only hold memory.
    with shared_workers():
        files = _add_pages(files, config)
    stop_shared_workers()
    return files


def _add_pages(files: Files, config: Any) -> Files:
    prepared = config.extra.pop(PREPARED, None)
    if not isinstance(prepared, Prepared):
        prepared = prepare(config)
        for skipped in prepared.skipped:
            log.info(skipped.message())
        for case_id, problem in prepared.pages.problems:
            log.warning(
                f"case '{case_id}' passed the publication gate but could not be rendered"
                f" ({problem}); it is left out of the site."
            )
    _prepared.append(prepared)  # its scratch files are removed when the build ends
    _generated.clear()
    _generated.update(src for src in prepared.pages.files if src.endswith(".md"))
    for src_uri, content in prepared.pages.files.items():
        inclusion = _inclusion(src_uri)
        if isinstance(content, Path):  # a case's page or figure, read when MkDocs needs it
            generated = _ScratchFile.generated(
                config, src_uri, abs_src_path=str(content), inclusion=inclusion
            )
        else:
            generated = File.generated(config, src_uri, content=content, inclusion=inclusion)
        _add(files, generated)
    # The search index needs only the catalogue entries of the published cases.
    _published.clear()
    _published.update(prepared.published)
    _in_use.clear()
    _known_urls.clear()
    _replace_store(prerendered(config, prepared.pages))
    for src_uri in _store.digests:
        # Only pages outside the navigation: MkDocs gives a page in it its title from the
        # navigation only when it makes the page itself.
        converted = files.get_file_from_path(src_uri)
        if (
            converted is not None
            and converted.page is None
            and _inclusion(src_uri) is InclusionLevel.NOT_IN_NAV
        ):
            _ConvertedPage(None, converted, config)  # MkDocs uses the page a file has
    # From here MkDocs holds the pages (and drops them as it writes them, see
    # on_page_markdown and on_post_page): the build keeps no second copy.
    prepared.pages.files.clear()
    return files


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    """Open the record of the previous build's case pages, now that the navigation
    (which every page shows) is known."""
    _replay.clear()
    site = _prepared[-1].site if _prepared else None
    if site is not None and not _others_change_pages(config):
        opened = replay.Replay.open(
            cache_dir(config, "render"), site, replay.site_state(config, nav)
        )
        if opened is not None:
            _replay.append(opened)
    return nav


def _others_change_pages(config: Any) -> bool:
    """Whether a plugin other than casekit's hooks may change a page as it is written
    (it would change a reused page a second time). Plugins switched off do not count."""
    ours = Path(__file__).resolve()
    for event in ("page_context", "post_page"):
        for handler in config.plugins.events.get(event, []):
            owner = getattr(handler, "__self__", None)
            settings = getattr(owner, "config", None)
            if isinstance(settings, Mapping) and settings.get("enabled") is False:
                continue
            code = getattr(handler, "__code__", None)
            if code is None or Path(code.co_filename).resolve() != ours:
                return True
    return False


def on_env(env: Any, config: Any, files: Files) -> Any:
    """Add the template that reuses a case page's previous output (see :mod:`.replay`), and
    the navigation rendered once for the pages outside it (see :mod:`.navcache`)."""
    env.loader = jinja2.ChoiceLoader(
        [env.loader, jinja2.DictLoader({replay.TEMPLATE: replay.TEMPLATE_SOURCE})]
    )
    _nav.install(env, config)
    return env


class _ConvertedPage(Page):
    """A generated page casekit has converted to HTML already (see :func:`on_page_markdown`).

    MkDocs makes a new Markdown converter with every extension for each page it renders,
    even for no text: about half a millisecond a page, spent for nothing on every case.
    A page whose Markdown was swapped for casekit's HTML skips it; a page another plugin
    changed is converted by MkDocs as usual.
    """

    def render(self, config: Any, files: Any) -> None:
        if self.markdown != "" or self.file.src_uri not in _in_use:
            super().render(config, files)
            return
        self.content = ""  # put in place by _put_content, with its contents and anchors
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


class _ScratchFile(File):
    """A generated file in the build's scratch folder (see :mod:`casekit.site.casework`).

    The scratch folder is removed when the build ends, so its files are linked into the
    site, not copied: the site keeps the file under its own name (a rebuild of 1,000
    cases copies about 5,000 downloads and figures, a second of copying saved). Where
    links cannot be made (another file system), the file is copied as MkDocs would.
    """

    def copy_file(self, dirty: bool = False) -> None:
        source, output = self.abs_src_path, self.abs_dest_path
        if self._content is None and source is not None and not dirty:
            try:
                os.makedirs(os.path.dirname(output), exist_ok=True)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(output)
                os.link(source, output)
                return
            except OSError:
                pass
        super().copy_file(dirty)


def _add(files: Files, generated: File) -> None:
    """Add a generated file; a hand-written file of the same name is an error."""
    clash = files.get_file_from_path(generated.src_uri)
    if clash is not None and not clash.generated_by:
        raise PluginError(
            f"casekit: '{generated.src_uri}' in the docs folder has the name of a generated"
            " page. Rename or remove it; casekit writes that page from the case files."
        )
    if clash is not None:
        files.remove(clash)
    files.append(generated)


@event_priority(100)  # before other plugins' end-of-build steps
def on_post_build(config: Any) -> None:
    """Index the site for search.

    A search index that cannot be made stops the build (see :mod:`casekit.site.search`).
    """
    for record in _replay:
        log.debug(f"casekit: {record.reused} unchanged case page(s) reused from the last build")
        record.save()
    _end_of_build()
    # Pagefind's processes start now: give back what MkDocs held.
    _release_memory()
    try:
        index_site_with(Path(config.site_dir), config, _published)
    except SearchError as exc:
        raise PluginError(f"casekit: {exc}") from None
    finally:
        _published.clear()


def on_build_error(error: Exception) -> None:
    """Remove what a build that has failed left (its scratch files)."""
    _end_of_build()


def _end_of_build() -> None:
    _replace_store(PageStore())
    # MkDocs has checked the links to anchors (just before on_post_build): what it kept for
    # that goes now, before Pagefind starts (at 10,000 cases about 40 MB).
    for page in _pages:
        page.present_anchor_ids = set()
        page.links_to_anchors = {}
    _pages.clear()
    _known_urls.clear()
    _replay.clear()
    _nav.kept.clear()
    while _prepared:
        _prepared.pop().close()


@event_priority(-100)  # after every other plugin: only an unchanged page may be swapped
def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Give MkDocs nothing to convert for a page casekit has converted already.

    If another plugin changed the page's Markdown, MkDocs converts it as usual.
    """
    src_uri = page.file.src_uri
    ready = _store.digests.get(src_uri)
    if ready is None or ready != digest(markdown):
        return markdown
    _in_use.add(src_uri)
    page.file.content_string = ""  # read already; MkDocs does not read a page twice
    return ""


@event_priority(100)  # before every other plugin, so they all see the page's real HTML
def _put_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Put the page's prepared HTML, table of contents and anchors in place."""
    src_uri = page.file.src_uri
    if src_uri not in _in_use:
        return html
    ready = _store.take(src_uri)
    if ready is None:  # the scratch file was lost: the page is not built half-empty
        raise PluginError(f"casekit: the converted page '{src_uri}' could not be read back.")
    page.toc = get_toc(cast(Any, ready.toc_tokens))
    page.present_anchor_ids = set(ready.anchors)
    _pages.append(page)
    # MkDocs checks a page's links while converting it; this page it did not convert.
    if not _known_urls:
        _known_urls.update(file.url.rstrip("/") for file in files)
    for link in missing_links(page.url, ready.links, _known_urls):
        log.warning(
            f"the generated page '{src_uri}' links to '{link}', which is not in the site."
            " This is probably a bug in casekit; please report it."
        )
    return ready.html


@event_priority(-100)  # after every other plugin has changed the page's HTML
def _set_content_aside(html: str, page: Any, config: Any, files: Files) -> str:
    """Keep a converted page's final HTML on disk until MkDocs writes the page.

    MkDocs reads every page before it writes any, and keeps each page's HTML meanwhile:
    for 10,000 case pages about 300 MB. From here to the page's own turn (see
    :func:`on_page_context`) a casekit page holds no HTML in memory; a plugin that reads
    page contents in between (in ``on_env``, say) finds them empty.
    """
    src_uri = page.file.src_uri
    if src_uri not in _in_use:
        return html
    if _replay and page.file.inclusion.is_not_in_nav():
        _replay[0].choose(page, html, page.toc)
    _store.put_aside(src_uri, html, page.toc)
    page.toc = get_toc([])
    return ""


on_page_content = CombinedEvent(_put_content, _set_content_aside)


@event_priority(100)  # before every other plugin, so they all see the page's real HTML
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Bring back the HTML set aside by :func:`_set_content_aside`, for the theme."""
    _nav.mark(context, page)
    src_uri = page.file.src_uri
    if _replay and src_uri in _replay[0].chosen:
        output = _replay[0].take(page)
        if output is not None:  # the page as the last build wrote it: no need of its HTML
            _store.drop_aside(src_uri)
            context[replay.CONTEXT_KEY] = Markup(output)  # written out as it is
            return context
    if src_uri in _in_use and not page.content:
        aside = _store.take_aside(src_uri)
        if aside is None:
            raise PluginError(f"casekit: the page '{src_uri}' could not be read back.")
        page.content, page.toc = aside
    return context


@event_priority(-100)  # after every other plugin has seen the written page
def on_post_page(output: str, page: Any, config: Any) -> str:
    """Let go of a page casekit generated, once it is written (the library's index, which
    MkDocs converts itself, is 9 MB of HTML at 10,000 cases).

    (MkDocs itself reads only the page's anchors and links after this.)
    """
    if _replay:
        _replay[0].written(page, output)
    if page.file.src_uri in _in_use or page.file.src_uri in _generated:
        page.content = None
        page.markdown = None
        page.toc = get_toc([])
    return output


def _replace_store(store: PageStore) -> None:
    global _store
    _store.close()
    _store = store


def _release_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it for reuse otherwise)."""
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).malloc_trim(0)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when a case, a template or the case schema changes."""
    server.watch(str(library_dir(config)))
    for folder in (data_dir("templates"), data_dir("schema"), *template_dirs(config)):
        if folder.is_dir():
            server.watch(str(folder))
    return server
