"""Write the cases' downloads while MkDocs builds the pages.

In a first build, rendering the downloads (the Word abstract above all) was about a third
of casekit's own work, and it all happened before MkDocs started; MkDocs then built the
pages on one core and left the other idle. A page only links to its downloads, so they can
be made while MkDocs works: one worker process renders them, a batch of cases at a time,
and writes each file straight into the site folder and the case's cache entry, so nothing
large travels back. The MkDocs hook registers the download files (so links to them are
checked as usual) without content, and waits for this work at the end of the build.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casekit.fsutil import atomic_write
from casekit.loader import CaseDocument
from casekit.site.cache import Files, PageCache
from casekit.site.catalog import Entry

if TYPE_CHECKING:
    from collections.abc import Callable

#: Cases per task sent to the worker: small enough to keep memory flat, large enough
#: that sending them costs little.
BATCH = 50


@dataclass(frozen=True)
class LateCase:
    """A case whose page is made and whose downloads are still to be written."""

    doc: CaseDocument
    item: Entry
    key: str  # its cache entry, written with the downloads
    page: Files  # its page, kept in the cache entry beside the downloads


def _write(
    batch: list[LateCase],
    *,
    renderer: Callable[..., Any],
    template_dirs: tuple[Path, ...],
    cache: PageCache[Files],
    site_dir: Path,
) -> list[tuple[str, str]]:
    """Render and write a batch of cases' downloads; the cases that failed, and why."""
    from casekit.site.pages import case_downloads

    failed = []
    for case in batch:
        try:
            files = case_downloads(case.doc, case.item, renderer, template_dirs=template_dirs)
            for src_uri, content in files.items():
                atomic_write(site_dir / src_uri, content, durable=False)
        except Exception as exc:  # reported by wait(): the build then stops
            failed.append((case.item.case_id, f"{type(exc).__name__}: {exc}"))
            continue
        cache.put(case.key, case.page | files)
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
        self._pool: ProcessPoolExecutor | None = None
        self._tasks: list[Future[list[tuple[str, str]]]] = []

    def paths(self) -> list[str]:
        """Every download file still to come, by path in the docs folder."""
        from casekit.site.pages import download_paths

        return [path for case in self.cases for path in download_paths(case.item.case_id)]

    def start(self, site_dir: Path) -> None:
        """Begin writing the downloads into ``site_dir``, on one worker process."""
        self._pool = ProcessPoolExecutor(max_workers=1)
        for first in range(0, len(self.cases), BATCH):
            self._tasks.append(
                self._pool.submit(
                    _write,
                    self.cases[first : first + BATCH],
                    renderer=self._renderer,
                    template_dirs=self._template_dirs,
                    cache=self._cache,
                    site_dir=site_dir,
                )
            )

    def wait(self) -> list[tuple[str, str]]:
        """Wait until every download is written; the cases that failed, and why."""
        failed: list[tuple[str, str]] = []
        try:
            for task in self._tasks:
                failed.extend(task.result())
        finally:
            self.cancel()
        return failed

    def cancel(self) -> None:
        """Stop the work (a build that failed), or release the worker (one that ended)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
