"""Run one function over many cases, on every core when the library is large.

Validation and lint of one case are independent of every other case, so a library of
thousands is split across worker processes. Small runs stay in one process: starting
workers costs more than a few dozen cases take. Results come back in file order, and a
counter shows on a terminal (see :mod:`casekit.authoring.progress`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from casekit.authoring.progress import progress

T = TypeVar("T")
R = TypeVar("R")

#: Below this many files one process is faster than starting workers.
PARALLEL_FROM = 200


def default_jobs(count: int) -> int:
    """Worker processes for ``count`` files: ``CASEKIT_JOBS`` if set, else one per core."""
    configured = os.environ.get("CASEKIT_JOBS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    if count < PARALLEL_FROM:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


class _Shared:
    """The worker processes kept by :func:`shared_workers`, started at first need."""

    def __init__(self) -> None:
        self.depth = 0
        self.pool: ProcessPoolExecutor | None = None
        self.jobs = 0


_shared = _Shared()


@contextlib.contextmanager
def shared_workers() -> Iterator[None]:
    """Let every :func:`map_files` call inside the block use the same worker processes.

    A site build runs several parallel steps one after another (publication gate,
    rendering, conversion to HTML). With a pool per step, every worker imported casekit's
    renderers and compiled the templates again for each step; sharing one pool does that
    once per worker. Nested blocks share the outermost one's pool.
    """
    _shared.depth += 1
    try:
        yield
    finally:
        _shared.depth -= 1
        if _shared.depth == 0 and _shared.pool is not None:
            _shared.pool.shutdown()
            _shared.pool = None


def _pool(jobs: int) -> tuple[ProcessPoolExecutor, bool]:
    """A pool of ``jobs`` workers, and whether the caller must shut it down."""
    if _shared.depth == 0:
        return ProcessPoolExecutor(max_workers=jobs), True
    if _shared.pool is None or _shared.jobs != jobs:
        if _shared.pool is not None:
            _shared.pool.shutdown()
        _shared.pool, _shared.jobs = ProcessPoolExecutor(max_workers=jobs), jobs
    return _shared.pool, False


def map_files(
    work: Callable[[T], R], files: Sequence[T], *, label: str, jobs: int | None = None
) -> list[R]:
    """``[work(f) for f in files]``, in parallel where it pays.

    ``work`` and the items must be picklable (a module-level function, or a
    :func:`functools.partial` of one).
    """
    jobs = default_jobs(len(files)) if jobs is None else jobs
    if jobs <= 1:
        return [work(path) for path in progress(files, label=label)]
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    pool, own = _pool(jobs)
    try:
        results: Iterator[R] = pool.map(work, files, chunksize=chunk)
        return [next(results) for _ in progress(range(len(files)), label=label)]
    finally:
        if own:
            pool.shutdown()
