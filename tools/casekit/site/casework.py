"""Each case file from the publication gate to its files on disk, in one worker task.

A build used to gate the whole library, then render every published case, then hand the
pages to MkDocs, and the main process held every parsed case and every generated page in
between: at 10,000 cases about 850 MB. Here one task takes a case file through all of it
in a worker process (load, the gate, its catalogue entry, its page from the cache or
rendered with its downloads) and writes them all into a scratch folder. What comes back
is an :class:`Outcome`: where the files are, not what they hold. MkDocs reads each file
from there when it needs it. The case's own JSON download is the text the gate judged, by
construction: an author who saves the file during a build cannot slip unjudged text into
the site.

Everything a case needs is made here, on every core, so MkDocs (which works on one core)
runs with no worker processes beside it. Writing the downloads in a worker while MkDocs
built the pages was tried: at 1,000 cases it saved no time, and at 10,000 the worker's
memory on top of MkDocs's set the build's peak.

Each task's files are named by the case file's position in the library and their own
(``12.0.md``, ``12.1.txt``, all in the one scratch folder: a folder per case cost a
thousand directories to make and remove per thousand cases), so two files that claim the
same case id never write over each other's pages; the second is left out, as the gate
always did.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from casekit.batch import map_files
from casekit.images.publish import case_fingerprint
from casekit.site.cache import Files, PageCache
from casekit.site.catalog import Entry, entry
from casekit.site.gate import Linter, Skipped, duplicate_reason, judge
from casekit.site.pages import Content, Renderer, render_case


@dataclass(frozen=True)
class CaseWork:
    """What every task needs besides its case file (sent to the workers once per batch)."""

    today: date
    linter: Linter
    #: Lint verdicts of earlier builds (see :func:`~casekit.site.gate.cached_lint_reason`).
    verdicts: PageCache[dict[str, Any]]
    renderer: Renderer
    directory_urls: bool
    template_dirs: tuple[Path, ...]
    cache: PageCache[Files]
    scratch: Path


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
    #: The cache entries the task read or wrote (kept when the caches are pruned).
    cache_key: str = ""
    verdict_key: str = ""


def make_case(job: tuple[int, Path], *, work: CaseWork) -> Outcome:
    """Judge one case file and, if it may be published, write its files (in a worker)."""
    index, path = job
    verdict = judge(path, today=work.today, linter=work.linter, verdicts=work.verdicts)
    doc, case_id, verdict_key = verdict.doc, verdict.case_id, verdict.cache_key
    if doc is None or verdict.reason is not None:
        return Outcome(path, case_id, reason=verdict.reason or "", verdict_key=verdict_key)
    item = entry(doc.data)
    images = case_fingerprint(doc.path.parent, doc.data)
    key = work.cache.key(doc.text + images, directory_urls=work.directory_urls)
    files = work.cache.get(key)
    if files is None:
        made = render_case(
            (doc, item),
            renderer=work.renderer,
            directory_urls=work.directory_urls,
            template_dirs=work.template_dirs,
        )
        if isinstance(made, str):
            return Outcome(path, case_id, item=item, problem=made)
        files = made
        work.cache.put(key, files)
    try:
        written = {
            src: _write(work.scratch / f"{index}.{number}{Path(src).suffix}", content)
            for number, (src, content) in enumerate(files.items())
        }
    except OSError as exc:  # a full disk, say: the case is left out and the cause named
        problem = f"its files could not be written to {work.scratch}: {exc.strerror or exc}"
        return Outcome(path, case_id, item=item, problem=problem)
    return Outcome(path, case_id, item=item, files=written, cache_key=key, verdict_key=verdict_key)


def _write(target: Path, content: str | bytes) -> Path:
    """Write a scratch file (private to this build: no need for a temporary name)."""
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


def make_library(paths: Sequence[Path], work: CaseWork) -> Library:
    """Every case file in ``paths`` judged and, where it may be published, written.

    The cache keeps exactly the entries this build used.
    """
    task = functools.partial(make_case, work=work)
    outcomes = map_files(task, list(enumerate(paths)), label="build")
    library = Library()
    seen: dict[str, Path] = {}
    for outcome in outcomes:
        if outcome.verdict_key:
            work.verdicts.mark_used([outcome.verdict_key])
        reason = outcome.reason
        if reason is None and outcome.case_id in seen:
            reason = duplicate_reason(outcome.case_id, seen[outcome.case_id])
        if reason is not None:
            library.skipped.append(Skipped(outcome.path, outcome.case_id, reason))
            continue
        seen[outcome.case_id] = outcome.path
        if outcome.problem is not None or outcome.item is None:
            library.problems.append((outcome.case_id, outcome.problem or ""))
            continue
        library.published[outcome.case_id] = outcome.item
        library.files.update(outcome.files)
        work.cache.mark_used([outcome.cache_key])
    work.cache.prune()
    work.verdicts.prune()
    return library
