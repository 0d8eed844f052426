"""Each case file from the publication gate to its files on disk, in one worker task.

A build used to gate the whole library, then render every published case, then hand the
pages to MkDocs, and the main process held every parsed case and every generated page in
between: at 10,000 cases about 850 MB. Here one task takes a case file through all of it
in a worker process (load, the gate, its catalogue entry, its page from the cache or
rendered) and writes the page, its figures and a copy of the text it judged into a
scratch folder. What comes back is an :class:`Outcome`: where the files are, not what
they hold. MkDocs reads each page from there when it needs it.

Each task writes under a folder of its own (the file's position in the library), so two
files that claim the same case id never write over each other's pages; the second is
left out, as the gate always did.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casekit.batch import default_jobs, map_files
from casekit.site.cache import Files, PageCache
from casekit.site.catalog import Entry, entry
from casekit.site.gate import Linter, Skipped, duplicate_reason, judge
from casekit.site.late import PAGE_ONLY, LateCase
from casekit.site.pages import Content, Renderer, images_fingerprint, render_case

#: The copy of the text the gate judged, in a task's folder (beside ``cases/``).
JUDGED = "judged.json"


@dataclass(frozen=True)
class CaseWork:
    """What every task needs besides its case file (sent to the workers once per batch)."""

    today: date
    linter: Linter
    renderer: Renderer
    directory_urls: bool
    template_dirs: tuple[Path, ...]
    cache: PageCache[Files]
    scratch: Path
    #: Leave the downloads of cases rendered now to be written while MkDocs builds.
    late_downloads: bool = False


@dataclass(frozen=True)
class Outcome:
    """What one case file came to."""

    path: Path
    case_id: str
    #: Why the gate left the case out, or None.
    reason: str | None = None
    item: Entry | None = None
    #: The case's generated files, by path in the docs folder: where each is on disk.
    files: dict[str, Path] = field(default_factory=dict)
    #: Why a case that passed the gate could not be rendered, or None.
    problem: str | None = None
    #: The cache entries the task read or wrote (kept when the cache is pruned).
    cache_keys: tuple[str, ...] = ()
    late: LateCase | None = None


def make_case(job: tuple[int, Path], *, work: CaseWork) -> Outcome:
    """Judge one case file and, if it may be published, write its files (in a worker)."""
    index, path = job
    doc, case_id, reason = judge(path, today=work.today, linter=work.linter)
    if doc is None or reason is not None:
        return Outcome(path, case_id or path.stem, reason=reason or "")
    item = entry(doc.data)
    key = work.cache.key(doc.text + images_fingerprint(doc), directory_urls=work.directory_urls)
    files = work.cache.get(key)
    keys = [key]
    late = False
    if files is None:
        late = work.late_downloads
        made = render_case(
            (doc, item),
            renderer=work.renderer,
            directory_urls=work.directory_urls,
            template_dirs=work.template_dirs,
            downloads=not late,
        )
        if isinstance(made, str):
            return Outcome(path, case_id, item=item, problem=made)
        files = made
        if late:
            keys.append(key + PAGE_ONLY)
        work.cache.put(keys[-1], files)
    folder = work.scratch / str(index)
    written = {src_uri: _write(folder / src_uri, content) for src_uri, content in files.items()}
    late_case = None
    if late:
        judged = _write(folder / JUDGED, doc.text)
        late_case = LateCase(path, judged, item, key)
    return Outcome(path, case_id, item=item, files=written, cache_keys=tuple(keys), late=late_case)


def _write(target: Path, content: str | bytes) -> Path:
    """Write a scratch file (private to this build: no need for a temporary name)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)
    return target


@dataclass
class Library:
    """The outcome of every case file, in the order the gate always reported them."""

    published: dict[str, Entry] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    #: Cases that passed the gate but could not be rendered: (case id, message).
    problems: list[tuple[str, str]] = field(default_factory=list)
    files: dict[str, Content] = field(default_factory=dict)
    late: list[LateCase] = field(default_factory=list)


def make_library(
    paths: Sequence[Path], work: CaseWork, *, leave_out: dict[str, str] | None = None
) -> Library:
    """Every case file in ``paths`` judged and, where it may be published, written.

    ``leave_out``: case ids an earlier attempt of this build could not render, with why.
    The cache keeps exactly the entries this build used.
    """
    late = work.late_downloads and default_jobs(len(paths)) > 1
    task = functools.partial(make_case, work=_with_late(work, late))
    outcomes = map_files(task, list(enumerate(paths)), label="build")
    library = Library()
    seen: dict[str, Path] = {}
    for outcome in outcomes:
        reason = outcome.reason
        if reason is None and outcome.case_id in seen:
            reason = duplicate_reason(outcome.case_id, seen[outcome.case_id])
        if reason is None and outcome.case_id in (leave_out or {}):
            cause = (leave_out or {})[outcome.case_id].rstrip(".")
            reason = f"it could not be rendered ({cause}). The other cases are built."
        if reason is not None:
            library.skipped.append(Skipped(outcome.path, outcome.case_id, reason))
            continue
        seen[outcome.case_id] = outcome.path
        if outcome.problem is not None or outcome.item is None:
            library.problems.append((outcome.case_id, outcome.problem or ""))
            continue
        library.published[outcome.case_id] = outcome.item
        library.files.update(outcome.files)
        work.cache.mark_used(outcome.cache_keys)
        if outcome.late is not None:
            library.late.append(outcome.late)
    work.cache.prune()
    return library


def _with_late(work: CaseWork, late: bool) -> CaseWork:
    if work.late_downloads == late:
        return work
    return CaseWork(
        work.today,
        work.linter,
        work.renderer,
        work.directory_urls,
        work.template_dirs,
        work.cache,
        work.scratch,
        late,
    )


class Scratch:
    """A build's scratch folder for generated files, removed when the build ends.

    It lies in ``base`` (the cache folder, on disk: a system's temporary folder may be
    memory) when that can be written, else in the system's temporary folder. Its name
    holds the building process's id, so that a later build can remove what a build that
    was killed left behind.
    """

    PREFIX = "pages-"

    def __init__(self, base: Path | None) -> None:
        self.path = self._make(base)

    @classmethod
    def _make(cls, base: Path | None) -> Path:
        if base is not None:
            with contextlib.suppress(OSError):
                base.mkdir(parents=True, exist_ok=True)
                cls._remove_abandoned(base)
                return Path(tempfile.mkdtemp(prefix=f"{cls.PREFIX}{os.getpid()}-", dir=base))
        return Path(tempfile.mkdtemp(prefix=f"casekit-{cls.PREFIX}{os.getpid()}-"))

    @classmethod
    def _remove_abandoned(cls, base: Path) -> None:
        for folder in base.glob(f"{cls.PREFIX}*-*"):
            pid = folder.name.removeprefix(cls.PREFIX).split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to someone else
        return True
    return True
