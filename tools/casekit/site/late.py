"""Write the cases' downloads while MkDocs builds the pages.

In a first build, rendering the downloads (the Word abstract above all) was about a third
of casekit's own work, and it all happened before MkDocs started; MkDocs then built the
pages on one core and left the other idle. A page only links to its downloads, so they can
be made while MkDocs works: one worker process renders them, a batch of cases at a time,
and writes each file straight into the site folder and the case's cache entry, so nothing
large travels back. The MkDocs hook registers the download files without content (MkDocs
knows them; a plugin that reads one gets nothing) and waits for this work before any
other plugin's end-of-build step (see :mod:`casekit.site.hooks`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casekit.batch import Background
from casekit.fsutil import OutputError, atomic_write
from casekit.site.cache import Files, PageCache
from casekit.site.catalog import Entry

if TYPE_CHECKING:
    from collections.abc import Callable

#: Cases per task sent to the worker: small enough to keep memory flat, large enough
#: that sending them costs little.
BATCH = 50


#: Added to a case's cache key for the entry that holds its page alone until the
#: downloads are written (then the worker puts both in the case's own entry).
PAGE_ONLY = "-page"


@dataclass(frozen=True)
class LateCase:
    """A case whose page is made and whose downloads are still to be written.

    It holds where the case's text is, not the text, the parsed case or its page: the
    build keeps one of these per case until the end, and at 10,000 cases the parsed cases
    and pages held about 500 MB. ``source`` is the scratch copy of exactly the text the
    gate judged (see :mod:`casekit.site.casework`), not the case file, which an author may
    have changed since. The worker parses it again, and takes the page from the cache
    entry the build wrote for it (:data:`PAGE_ONLY`).
    """

    path: Path  # the case file, for messages
    source: Path
    item: Entry
    key: str  # its cache entry, written with the downloads


def _write(
    batch: list[LateCase],
    *,
    renderer: Callable[..., Any],
    template_dirs: tuple[Path, ...],
    cache: PageCache[Files],
    site_dir: Path,
) -> list[tuple[str, str]]:
    """Render and write a batch of cases' downloads; the cases that failed, and why."""
    from casekit.loader import parse_text
    from casekit.site.pages import case_downloads

    failed = []
    for case in batch:
        try:
            doc = parse_text(case.path, case.source.read_text(encoding="utf-8"))
            files = case_downloads(doc, case.item, renderer, template_dirs=template_dirs)
            for src_uri, content in files.items():
                atomic_write(site_dir / src_uri, content, durable=False)
        except OutputError as exc:  # a full disk, a folder that cannot be written
            failed.append((case.item.case_id, str(exc)))
            continue
        except Exception as exc:
            failed.append(
                (
                    case.item.case_id,
                    f"an internal error ({type(exc).__name__}: {exc}); this is probably a bug"
                    " in casekit, please report it",
                )
            )
            continue
        page = cache.take(case.key + PAGE_ONLY)
        if page is not None:
            cache.put(case.key, page | files)
    return failed


class LateDownloads:
    """The downloads of the cases rendered in this build, written in the background."""

    def __init__(
        self,
        cases: list[LateCase],
        renderer: Callable[..., Any],
        template_dirs: tuple[Path, ...],
        cache: PageCache[Files],
    ) -> None:
        self.cases = cases
        self._renderer = renderer
        self._template_dirs = template_dirs
        self._cache = cache
        self._work: Background[LateCase, list[tuple[str, str]]] | None = None
        #: After :meth:`wait`: the cases whose downloads could not be written, and why.
        self.failures: list[tuple[str, str]] = []

    def paths(self) -> list[str]:
        """Every download file still to come, by path in the docs folder."""
        from casekit.site.pages import download_paths

        return [path for case in self.cases for path in download_paths(case.item.case_id)]

    def start(self, site_dir: Path) -> None:
        """Begin writing the downloads into ``site_dir``, in one worker process."""
        write = functools.partial(
            _write,
            renderer=self._renderer,
            template_dirs=self._template_dirs,
            cache=self._cache,
            site_dir=site_dir,
        )
        batches = [self.cases[i : i + BATCH] for i in range(0, len(self.cases), BATCH)]
        self._work = Background(write, batches)
        self._work.start()

    def wait(self) -> list[tuple[str, str]]:
        """Wait until every download is written; the cases that failed, and why."""
        if self._work is None:
            return []
        work, self._work = self._work, None
        try:
            self.failures = [failure for batch in work.wait() for failure in batch]
        except Exception as exc:  # the worker itself failed (killed, out of memory)
            self.failures = [
                (case.item.case_id, f"the worker writing it stopped ({exc})") for case in self.cases
            ]
        return self.failures

    def cancel(self) -> None:
        """Stop the work (a build that failed)."""
        if self._work is not None:
            self._work.stop()
            self._work = None
