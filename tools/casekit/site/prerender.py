"""Convert the generated pages from Markdown to HTML on every core, before MkDocs needs them.

MkDocs converts its pages one after another in one process; for a library that is most of
the build (about 6 of 12 seconds for 1,000 case pages, much of it parsing the raw HTML that
carries the case text). casekit made those pages, so it can convert them itself: in worker
processes (:mod:`casekit.batch`), with the same Markdown extensions and settings MkDocs
would use, and cached between builds when the extensions read nothing but the page (a
page whose Markdown has not changed is then not converted again). The MkDocs hook then
gives MkDocs an empty page to convert and puts the prepared HTML, table of contents and
anchor list in place (see :mod:`casekit.site.hooks`).

What MkDocs would have added is done here too: the front matter is taken off the same way,
and every ``id`` in the output is listed, so that links from other pages to anchors in
these pages are checked as usual. MkDocs's rewriting of links to ``.md`` files is not
needed: casekit's pages link with addresses already worked out
(:func:`casekit.site.pages.link`). MkDocs checks a page's links while converting it; for
these pages the hook checks them instead (:func:`missing_links`), raw HTML links included.
A test builds a site both ways and compares the pages byte for byte.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import posixpath
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from casekit.batch import default_jobs, map_files
from casekit.site import rawhtml
from casekit.site.cache import PageCache
from casekit.site.scratch import Scratch


@dataclass(frozen=True)
class HtmlPage:
    """A page converted as MkDocs would: its HTML, table of contents and anchor ids."""

    html: str
    toc_tokens: list[dict[str, Any]]
    anchors: frozenset[str]
    #: SHA-256 of the Markdown converted (front matter taken off), so the hook can tell
    #: whether another plugin changed the page since.
    source_digest: str
    #: The page's links to other places in the site (relative addresses, without the
    #: '#...' part), for the hook to check as MkDocs would have.
    links: tuple[str, ...] = ()


def digest(markdown_text: str) -> str:
    return hashlib.sha256(markdown_text.encode("utf-8", "surrogatepass")).hexdigest()


#: Extensions whose output depends only on the page's text and their own settings, so
#: that the HTML they make can be cached: Python-Markdown's own and most of PyMdown
#: Extensions'. Left out on purpose: pymdownx.snippets (it pastes in other files, which
#: can change while the page does not), pymdownx.b64 (it reads images) and
#: pymdownx.pathconverter (it depends on where the page is). With any extension not
#: listed here the pages are still converted on every core, only never cached.
PURE_EXTENSIONS = frozenset(
    {
        *(
            f"markdown.extensions.{name}"
            for name in [
                "abbr",
                "admonition",
                "attr_list",
                "codehilite",
                "def_list",
                "extra",
                "fenced_code",
                "footnotes",
                "legacy_attrs",
                "legacy_em",
                "md_in_html",
                "meta",
                "nl2br",
                "sane_lists",
                "smarty",
                "tables",
                "toc",
                "wikilinks",
            ]
        ),
        *(
            f"pymdownx.{name}"
            for name in [
                "arithmatex",
                "betterem",
                "caret",
                "critic",
                "details",
                "emoji",
                "escapeall",
                "fancylists",
                "highlight",
                "inlinehilite",
                "keys",
                "magiclink",
                "mark",
                "progressbar",
                "saneheaders",
                "smartsymbols",
                "striphtml",
                "superfences",
                "tabbed",
                "tasklist",
                "tilde",
                "blocks.admonition",
                "blocks.caption",
                "blocks.definition",
                "blocks.details",
                "blocks.html",
                "blocks.tab",
            ]
        ),
    }
)


def _extension_name(extension: Any) -> str:
    """'toc' and 'markdown.extensions.toc' are the same extension; objects by their module."""
    name = extension if isinstance(extension, str) else type(extension).__module__
    name = name.split(":")[0]  # 'package.module:Class' names an extension class
    return f"markdown.extensions.{name}" if "." not in name else name


@dataclass(frozen=True)
class MarkdownSetup:
    """The Markdown extensions and their settings, as MkDocs will use them."""

    extensions: tuple[Any, ...]
    configs: dict[str, Any]

    @classmethod
    def from_config(cls, config: Any) -> MarkdownSetup | None:
        """The setup of a loaded MkDocs configuration, or None if it cannot be shared.

        Extensions given as objects (by a plugin, say) may not travel to worker processes;
        then MkDocs converts the pages itself, as it always could.
        """
        setup = cls(tuple(config["markdown_extensions"]), dict(config["mdx_configs"] or {}))
        try:
            pickle.dumps(setup)
        except Exception:  # anything unpicklable means: do not prerender
            return None
        return setup

    @property
    def cacheable(self) -> bool:
        """Whether the HTML depends only on the page and this setup (see PURE_EXTENSIONS)."""
        return all(_extension_name(e) in PURE_EXTENSIONS for e in self.extensions)

    @functools.cached_property
    def key(self) -> str:
        """A digest of the setup and of the versions of the packages that do the work."""
        described = repr((self.extensions, sorted(self.configs.items()), _versions(self)))
        return hashlib.sha256(described.encode()).hexdigest()


def _versions(setup: MarkdownSetup) -> list[tuple[str, str]]:
    """Where Markdown, MkDocs and each extension's package are installed, and when.

    Upgrading a package rewrites its files, so the size and time of each package's
    ``__init__`` file change with its version. (Asking the installed-package metadata which
    distribution each module belongs to took 0.3 s a build.)
    """
    import importlib.util

    # Pygments colours highlighted code; casekit's shortcut for its own HTML blocks takes
    # part in every conversion (:mod:`casekit.site.rawhtml`).
    modules = {"markdown", "mkdocs", "pygments", "casekit.site.rawhtml"}
    for extension in setup.extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        modules.add(name.split(".")[0])
    found = []
    for module in sorted(modules):
        try:
            spec = importlib.util.find_spec(module)
            origin = spec.origin if spec is not None else None
            stat = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            stat = origin = None
        found.append((module, f"{origin}:{stat.st_size}:{stat.st_mtime_ns}" if stat else "?"))
    return found


class _Collector:
    """lxml parser target: the ids, link names and link addresses of a page, as the parser
    meets them. No document tree is built: for the library index of 10,000 cases (9 MB of
    HTML) a tree took about 100 MB of a worker's memory."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        if found := attrib.get("id"):
            self.ids.append(found)
        if tag == "a":
            if name := attrib.get("name"):
                self.ids.append(name)
            if href := attrib.get("href"):
                self.hrefs.append(href)

    def end(self, tag: str) -> None:
        return None

    def data(self, data: str) -> None:
        return None

    def close(self) -> _Collector:
        return self


def _collect(html: str) -> _Collector:
    """The ids and links of ``html``, by lxml's HTML parser (in C: the same ids as MkDocs's
    pure-Python pass finds, in a fifth of the time)."""
    collector = _Collector()
    if html.strip():
        from lxml import etree

        parser = etree.HTMLParser(target=collector)
        etree.fromstring(html, parser)
    return collector


def anchors(html: str, found: _Collector | None = None) -> frozenset[str]:
    """Every ``id`` (and ``name`` of a link) in a page, as MkDocs lists them."""
    found = _collect(html) if found is None else found
    return frozenset(found.ids)


def site_links(html: str, found: _Collector | None = None) -> tuple[str, ...]:
    """The page's relative links (no scheme, no leading '/'), without their '#...' part."""
    found = _collect(html) if found is None else found
    paths = []
    for href in found.hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
            continue
        paths.append(parts.path)
    return tuple(dict.fromkeys(paths))


def missing_links(page_url: str, links: Iterable[str], known: set[str]) -> list[str]:
    """The links of the page at ``page_url`` that lead to no address in ``known``.

    Addresses are compared without a trailing '/', as MkDocs writes them in File.url.
    """
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    missing = []
    for link in links:
        target = (
            posixpath.normpath(posixpath.join(base, link)) if base else posixpath.normpath(link)
        )
        target = "" if target == "." else target
        if target.rstrip("/") not in known:
            missing.append(link)
    return missing


def convert(text: str, setup: MarkdownSetup) -> HtmlPage | None:
    """One page's Markdown (with front matter) converted as MkDocs would convert it.

    None for a page without a ``title`` in its front matter: MkDocs would take its title
    from the first heading while converting, so such a page is left to MkDocs.
    """
    import markdown
    from mkdocs.utils import meta

    body, front = meta.get_data(text)
    if "title" not in front:
        return None
    md = markdown.Markdown(extensions=list(setup.extensions), extension_configs=setup.configs)
    rawhtml.install(md)  # casekit's own HTML blocks, set aside without the HTML parser
    html = md.convert(body)
    toc_tokens = list(getattr(md, "toc_tokens", []))
    found = _collect(html)
    return HtmlPage(html, toc_tokens, anchors(html, found), digest(body), site_links(html, found))


def _may_have_title(text: str) -> bool:
    """A quick look for a ``title`` in the front matter (:func:`convert` makes sure)."""
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3)
    return end > 0 and "\ntitle:" in text[:end]


def _convert_job(
    job: tuple[str, str | Path, Path | None], *, setup: MarkdownSetup, cache: PageCache[HtmlPage]
) -> tuple[str, HtmlPage | str | None]:
    """One page converted (or taken from the cache), with its cache key; the page is None
    when MkDocs is to convert it (and report any problem) itself.

    A page on disk is read here, in the worker. With a ``target``, the page is pickled
    into it and only its source digest comes back: the main process never holds it.
    """
    src_uri, content, target = job
    key, found = _converted(src_uri, content, setup=setup, cache=cache)
    if target is None or found is None:
        return key, found
    try:
        target.write_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # the scratch folder cannot be written: the page comes back instead
        return key, found
    return key, found.source_digest


def _converted(
    src_uri: str, content: str | Path, *, setup: MarkdownSetup, cache: PageCache[HtmlPage]
) -> tuple[str, HtmlPage | None]:
    try:
        text = content.read_text(encoding="utf-8") if isinstance(content, Path) else content
    except (OSError, UnicodeDecodeError):
        return "", None  # MkDocs reads it too, and names the problem
    if not _may_have_title(text):
        return "", None
    key = cache.key_of(setup.key, src_uri, text)
    found = cache.get(key)
    if found is not None:
        return key, found
    try:
        page = convert(text, setup)
    except Exception:  # MkDocs meets the same problem and names the page
        return key, None
    if page is not None:
        cache.put(key, page)
    return key, page


#: Characters of converted HTML a :class:`PageStore` keeps in memory before it writes
#: pages to its scratch file: about 1,500 case pages (writing and reading them back costs
#: time a library of that size would gain nothing from).
MEMORY_BUDGET = 48_000_000
#: A build of more pages than this writes every page to the scratch file from the start:
#: a large library gains nothing from a few pages in memory, and they add to its peak.
IN_MEMORY_PAGES = 1_500


class PageStore:
    """Converted pages kept until MkDocs needs each one: in memory up to
    :data:`MEMORY_BUDGET`, past it in a scratch file read back by offset.

    Held in memory, they cost about 43 KB a case page (430 MB for 10,000 cases), and
    MkDocs holds every page's HTML from the moment it reads the page until it writes the
    last one; the hooks keep the HTML here in between (see :mod:`casekit.site.hooks`).
    In a large build the worker processes that convert the pages write each one to a file
    of its own in a scratch folder (:meth:`worker_folder`), so that the pages never pass
    through this process's memory on the way. The digest of each page's Markdown always
    stays in memory.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._file: Any = None  # opened at the first page that does not fit in memory
        self._held: dict[str, object] = {}
        self._sizes: dict[str, int] = {}
        self._held_size = 0
        self._workers_scratch: Scratch | None = None
        self._pickled: dict[str, Path] = {}
        #: Whether every page goes to the scratch file (see :data:`IN_MEMORY_PAGES`).
        self.spill_all = False
        self._where: dict[str, tuple[int, int]] = {}
        #: The source digest of every page stored, by path in the docs folder.
        self.digests: dict[str, str] = {}

    def _scratch(self) -> Any:
        if self._file is None:
            folder = self._folder
            if folder is not None:
                with contextlib.suppress(OSError):
                    folder.mkdir(parents=True, exist_ok=True)
            try:  # closed by close(), at the end of the build
                self._file = tempfile.TemporaryFile(prefix="casekit-html-", dir=folder)  # noqa: SIM115
            except OSError:  # the cache folder cannot be written: the system's scratch folder
                self._file = tempfile.TemporaryFile(prefix="casekit-html-")  # noqa: SIM115
        return self._file

    def worker_folder(self) -> Path:
        """A folder for worker processes to write pages into (see :meth:`put_pickled`)."""
        if self._workers_scratch is None:
            self._workers_scratch = Scratch(self._folder)
        return self._workers_scratch.path

    def put_pickled(self, src_uri: str, digest: str, path: Path) -> None:
        """Keep a page a worker pickled into ``path`` (in :meth:`worker_folder`)."""
        self._pickled[src_uri] = path
        self.digests[src_uri] = digest

    def _put(self, key: str, value: object, size: int) -> None:
        if not self.spill_all and self._held_size + size <= MEMORY_BUDGET:
            self._held[key] = value
            self._sizes[key] = size
            self._held_size += size
            return
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        scratch = self._scratch()
        scratch.seek(0, os.SEEK_END)
        self._where[key] = (scratch.tell(), len(data))
        scratch.write(data)

    def _take(self, key: str) -> Any:
        if key in self._held:
            self._held_size -= self._sizes.pop(key)
            return self._held.pop(key)
        pickled = self._pickled.pop(key, None)
        if pickled is not None:
            try:
                data = pickled.read_bytes()
                pickled.unlink()
            except OSError:
                return None
            return pickle.loads(data)
        where = self._where.pop(key, None)
        if where is None:
            return None
        self._file.seek(where[0])
        return pickle.loads(self._file.read(where[1]))

    def put(self, src_uri: str, page: HtmlPage) -> None:
        self._put(src_uri, page, len(page.html))
        self.digests[src_uri] = page.source_digest

    def take(self, src_uri: str) -> HtmlPage | None:
        """The page stored for ``src_uri`` (once: it is not kept after)."""
        found = self._take(src_uri)
        return found if isinstance(found, HtmlPage) else None

    def put_aside(self, src_uri: str, html: str, toc: Any) -> None:
        """Keep a page's final HTML and table of contents (after every plugin) until the
        page is written."""
        self._put(f"\0html:{src_uri}", (html, toc), len(html))

    def take_aside(self, src_uri: str) -> tuple[str, Any] | None:
        """The HTML and table of contents kept by :meth:`put_aside` (once), or None."""
        found = self._take(f"\0html:{src_uri}")
        return found if isinstance(found, tuple) else None

    def drop_aside(self, src_uri: str) -> None:
        """Forget what :meth:`put_aside` kept for ``src_uri``, without reading it back."""
        key = f"\0html:{src_uri}"
        if key in self._held:
            self._held_size -= self._sizes.pop(key)
            del self._held[key]
        self._where.pop(key, None)

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self.digests

    def __len__(self) -> int:
        return len(self.digests)

    def close(self) -> None:
        self._held.clear()
        self._sizes.clear()
        self._held_size = 0
        self._where.clear()
        self._pickled.clear()
        self.digests.clear()
        if self._workers_scratch is not None:
            self._workers_scratch.remove()
            self._workers_scratch = None
        if self._file is not None:
            self._file.close()
            self._file = None


#: Characters of Markdown above which a page is left to MkDocs. Only the listings of a
#: large library are this long (the index of 10,000 cases: 6 MB); converting one takes
#: about 75 MB for a moment, which in a worker, beside the other worker and this process,
#: set the build's peak memory. MkDocs converts it after the workers have ended.
LARGE = 1_000_000

#: Pages converted per round: the HTML of a round is in memory until it is stored.
ROUND = 500


def prerender(
    pages: Mapping[str, str | bytes | Path],
    setup: MarkdownSetup,
    cache: PageCache[HtmlPage],
    store: PageStore | None = None,
) -> PageStore:
    """HTML for every Markdown page in ``pages`` (by path in the docs folder), in ``store``.

    A page is given as its text or as the scratch file that holds it. One that cannot be
    converted here is simply left out: MkDocs converts it as usual.
    """
    store = store if store is not None else PageStore()
    jobs = [
        (src, content)
        for src, content in pages.items()
        if src.endswith(".md")
        and (isinstance(content, Path) or (isinstance(content, str) and len(content) <= LARGE))
    ]
    store.spill_all = len(jobs) > IN_MEMORY_PAGES
    folder = store.worker_folder() if store.spill_all else None
    work = functools.partial(_convert_job, setup=setup, cache=cache)
    workers = default_jobs(len(jobs))
    for start in range(0, len(jobs), ROUND):
        chosen = [
            (src, content, None if folder is None else folder / f"{start + i}.pickle")
            for i, (src, content) in enumerate(jobs[start : start + ROUND])
        ]
        converted = map_files(work, chosen, label="convert", jobs=workers)
        for (src, _, target), (key, page) in zip(chosen, converted, strict=True):
            if key:
                cache.mark_used([key])
            if isinstance(page, HtmlPage):
                store.put(src, page)
            elif isinstance(page, str) and target is not None:
                store.put_pickled(src, page, target)
    cache.prune()
    return store
