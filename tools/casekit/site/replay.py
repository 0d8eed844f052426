"""Reuse the theme's output for a case page that has not changed since the last build.

MkDocs passes every page through the theme's templates on every build (it has no
incremental build; ``--dirty`` trusts file times and cannot see a changed navigation or
theme). For a library of 1,000 cases that is about a third of a rebuild after one case
changed, spent writing out pages identical to the ones already in the site.

``casekit build`` writes the new site beside the old one and swaps it in whole, so the
previous output is still there while the next build runs. A manifest in
``.casekit-cache/render/`` records, for each case page written, a key of everything its
output depends on and the digest of what was written. A later build that computes the
same key for a page, and finds the old file with that digest, copies the old output
instead of rendering the theme again; anything else is rendered as usual.

The key covers the page's HTML, table of contents, title, metadata and address; the
navigation; the site's settings; the theme's templates (and MkDocs', the theme's and
casekit's versions) and the list of plugins. Templates that print the build's date
(``build_date_utc``, ``page.update_date``) would go stale in a reused page, so a theme
whose templates mention them turns reuse off. Only pages casekit generated and left out
of the navigation (case and tag pages) are reused; the hand-written pages and the
listings are rendered every time.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from casekit.fsutil import OutputError, atomic_write
from casekit.site.cache import fingerprint

log = logging.getLogger("mkdocs.plugins.casekit")

#: The template a page to be reused is rendered with: the old output when it can be read
#: back unchanged (see :meth:`Replay.take`), otherwise the theme's own main template.
TEMPLATE = "casekit-replay.html"
TEMPLATE_SOURCE = (
    "{%- if casekit_replay is defined -%}{{ casekit_replay }}"
    '{%- else -%}{% include "main.html" %}{%- endif -%}'
)
#: The context variable that carries the old output to :data:`TEMPLATE`.
CONTEXT_KEY = "casekit_replay"
_MANIFEST = "manifest.json"
#: Words in a template that make its output change from build to build.
_DATED = ("build_date_utc", "update_date")
_SETTINGS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "repo_url",
    "repo_name",
    "edit_uri",
    "copyright",
    "use_directory_urls",
    "extra_css",
    "extra_javascript",
    "extra_templates",
    "google_analytics",
)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def _theme_state(config: Any) -> str | None:
    """A digest of the theme's templates, or None when one of them prints the build date."""
    digest = hashlib.sha256()
    for folder in map(Path, config.theme.dirs):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.html")):
            text = path.read_bytes()
            if any(word.encode() in text for word in _DATED):
                return None
            digest.update(path.as_posix().encode() + b"\0" + hashlib.sha256(text).digest())
    return digest.hexdigest()


def _nav_items(items: Any) -> list[Any]:
    return [
        [type(item).__name__, item.title, getattr(item, "url", None), _nav_items(item.children)]
        if getattr(item, "children", None)
        else [type(item).__name__, item.title, getattr(item, "url", None)]
        for item in items
    ]


def site_state(config: Any, nav: Any) -> str | None:
    """What every page's output depends on besides the page itself (None: do not reuse)."""
    theme = _theme_state(config)
    if theme is None:
        return None
    extra = {key: value for key, value in config.extra.items() if not key.startswith("casekit_")}
    state = {
        "versions": [_version("mkdocs"), _version("mkdocs-material"), fingerprint(())],
        "theme": theme,
        "theme_settings": sorted((str(k), repr(v)) for k, v in config.theme.items()),
        "settings": [(name, repr(config.get(name))) for name in _SETTINGS],
        "extra": repr(sorted(extra.items(), key=lambda kv: str(kv[0]))),
        "plugins": list(config.plugins.keys()),
        "nav": _nav_items(nav.items),
        "homepage": getattr(nav.homepage, "url", None),
    }
    return hashlib.sha256(json.dumps(state, default=repr).encode()).hexdigest()


def _toc_items(links: Any) -> list[Any]:
    return [[link.level, link.id, link.title, _toc_items(link.children)] for link in links]


def page_key(state: str, page: Any, html: str, toc: Any) -> str:
    """The key of one page's output: the site's state and everything of the page."""
    digest = hashlib.sha256(state.encode())
    described = [
        page.file.src_uri,
        page.file.dest_uri,
        page.url,
        page.title,
        page.canonical_url,
        page.edit_url,
        json.dumps(page.meta, sort_keys=True, default=repr),
        json.dumps(_toc_items(toc)),
    ]
    for part in described:
        digest.update(b"\0" + str(part).encode())
    digest.update(b"\0" + html.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def output_digest(output: str) -> str:
    # As MkDocs writes it (see mkdocs.commands.build._build_page).
    return hashlib.sha256(output.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()


@dataclass
class Replay:
    """The previous build's case pages, and the record of this build's for the next."""

    site: Path
    manifest: Path
    state: str
    old: dict[str, list[str]]
    new: dict[str, list[str]] = field(default_factory=dict)
    #: Pages of this build to be reused, by path in the docs folder.
    chosen: set[str] = field(default_factory=set)
    reused: int = 0

    @classmethod
    def open(cls, cache: Path | None, site: Path | None, state: str | None) -> Replay | None:
        """Reuse of the pages in ``site`` (the output folder the build replaces), or None
        when pages cannot be reused (no cache, ``mkdocs build``, a theme that dates its
        pages). The pages of this build are recorded even when there is no site yet."""
        if cache is None or site is None or state is None:
            return None
        manifest = cache / _MANIFEST
        old: dict[str, list[str]] = {}
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8"))
            if recorded.get("site") == str(site) and recorded.get("state") == state:
                old = {str(k): [str(v[0]), str(v[1])] for k, v in recorded["pages"].items()}
        except (OSError, ValueError, LookupError, TypeError, AttributeError):
            old = {}  # no manifest yet, or an unreadable one: render everything
        return cls(site, manifest, state, old)

    def choose(self, page: Any, html: str, toc: Any) -> bool:
        """Whether ``page`` can be reused; if so it is rendered with :data:`TEMPLATE`."""
        dest = page.file.dest_uri
        key = page_key(self.state, page, html, toc)
        self.new[dest] = [key, ""]
        recorded = self.old.get(dest)
        if recorded is None or recorded[0] != key or not (self.site / dest).is_file():
            return False
        self.chosen.add(page.file.src_uri)
        page.meta["template"] = TEMPLATE
        return True

    def take(self, page: Any) -> str | None:
        """The old output of a chosen page, or None if it is gone or not what was written
        (then the theme renders the page: see :data:`TEMPLATE`)."""
        recorded = self.old.get(page.file.dest_uri)
        if page.file.src_uri not in self.chosen or recorded is None:
            return None
        try:
            data: bytes = (self.site / page.file.dest_uri).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != recorded[1]:
            return None  # changed by hand since, or a build that failed part-way
        try:
            output = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        self.reused += 1
        return output

    def written(self, page: Any, output: str) -> None:
        """Record what was written for ``page``, for the next build."""
        entry = self.new.get(page.file.dest_uri)
        if entry is not None:
            entry[1] = output_digest(output)

    def save(self) -> None:
        """Write the manifest for the next build, which finds this build's site in
        :attr:`site`. (If this build fails after this, the digests no longer match what
        is there, and the next build renders those pages.)"""
        pages = {dest: entry for dest, entry in self.new.items() if entry[1]}
        record = {"site": str(self.site), "state": self.state, "pages": pages}
        try:
            atomic_write(self.manifest, json.dumps(record), durable=False)
        except OutputError as exc:
            log.info(f"casekit: the record of rendered pages was not saved ({exc}).")
