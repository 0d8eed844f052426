"""Run one function over many cases, on every core when the library is large.

Validation and lint of one case are independent of every other case, so a library of
thousands is split across worker processes. Small runs stay in one process: starting
workers costs more than a few dozen cases take. Results come back in file order, and a
counter shows on a terminal (see :mod:`casekit.authoring.progress`).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from casekit.authoring.progress import progress

if TYPE_CHECKING:  # imported where workers start: 20 ms a one-case ``casekit lint`` need not pay
    from concurrent.futures import ProcessPoolExecutor

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


#: prctl(2) option: the signal a process gets when the thread that started it ends.
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the casekit process that started it dies.

    Without it, a killed ``casekit build`` left its workers running, holding memory and
    the library's data, with process 1 as their parent. On Linux the kernel sends SIGKILL
    (prctl PR_SET_PDEATHSIG); elsewhere nothing is done.
    """
    if sys.platform.startswith("linux"):
        import ctypes  # here, in the worker: a one-process run never needs it

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above took effect
            os._exit(1)


def _executor(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers end with this process, and start now, from this thread.

    The death signal is tied to the thread that started a worker, and a pool starts its
    workers in the thread of its first task: starting them here, in the caller's thread,
    keeps them from being killed when a helper thread that hands out work ends.
    """
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    # What the workers inherit (casekit's modules, word lists, rules) lives as long as they
    # do. Frozen while they start, it is passed by in their full garbage collections (37 ms
    # of CPU per 5,000 cases linted, 5 ms when frozen) and its memory stays shared. This
    # process collects it again as before once the workers are started.
    gc.freeze()
    try:
        pool.submit(int).result()
    finally:
        gc.unfreeze()
    return pool


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


def stop_shared_workers() -> None:
    """End the workers of :func:`shared_workers` now, to give their memory back before a
    step that needs none of them; a later :func:`map_files` in the block starts new ones."""
    if _shared.pool is not None:
        _shared.pool.shutdown()
        _shared.pool = None


def _pool(jobs: int) -> tuple[ProcessPoolExecutor, bool]:
    """A pool of ``jobs`` workers, and whether the caller must shut it down."""
    if _shared.depth == 0:
        return _executor(jobs), True
    if _shared.pool is None or _shared.jobs != jobs:
        if _shared.pool is not None:
            _shared.pool.shutdown()
        _shared.pool, _shared.jobs = _executor(jobs), jobs
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
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(64, len(files) // (jobs * 8)))
    pool, own = _pool(jobs)
    try:
        results: Iterator[R] = pool.map(work, files, chunksize=chunk)
        return [next(results) for _ in progress(range(len(files)), label=label)]
    except BrokenProcessPool:
        if not own:
            _drop_shared_pool()  # a worker died (out of memory, killed): start afresh next time
        raise
    finally:
        if own:
            pool.shutdown()


def _drop_shared_pool() -> None:
    if _shared.pool is not None:
        _shared.pool.shutdown(wait=False, cancel_futures=True)
        _shared.pool = None
