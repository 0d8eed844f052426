"""Run one function over many cases, on every core when the library is large.

Validation and lint of one case are independent of every other case, so a library of
thousands is split across worker processes. Small runs stay in one process: starting
workers costs more than a few dozen cases take. Results come back in file order, and a
counter shows on a terminal (see :mod:`casekit.authoring.progress`).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

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
    pool.submit(int).result()
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


class Background(Generic[T, R]):
    """``work`` over batches, one batch at a time, in one worker process, while the caller
    goes on with other work on its own core.

    Inside :func:`shared_workers` the batches go to the shared pool's workers, which were
    started before (no process is started while the caller works); elsewhere to a worker
    of its own. A thread of the caller's process hands over one batch at a time, so only
    one worker is busy and the caller keeps the other core.
    """

    def __init__(self, work: Callable[[list[T]], R], batches: list[list[T]]) -> None:
        self._work = work
        self._batches = batches
        self._results: list[R] = []
        self._error: BaseException | None = None
        self._stopping = threading.Event()
        self._hurry = threading.Event()
        self._thread: threading.Thread | None = None
        self._own: ProcessPoolExecutor | None = None

    def start(self) -> None:
        pool = _shared.pool if _shared.depth > 0 else None
        if pool is None:
            pool = self._own = _executor(1)
        self._thread = threading.Thread(target=self._run, args=(pool,), daemon=True)
        self._thread.start()

    def _run(self, pool: ProcessPoolExecutor) -> None:
        try:
            for index, batch in enumerate(self._batches):
                if self._stopping.is_set():
                    return
                if self._hurry.is_set():  # the caller waits: every worker takes batches
                    rest = [pool.submit(self._work, b) for b in self._batches[index:]]
                    self._results.extend(future.result() for future in rest)
                    return
                self._results.append(pool.submit(self._work, batch).result())
        except BaseException as exc:  # handed to wait(), in the caller's thread
            self._error = exc

    def wait(self) -> list[R]:
        """Every batch's result, in order; a failure in the work is raised here.

        The caller's core is free from here on, so the batches not yet handed over go to
        every worker of the pool at once.
        """
        self._hurry.set()
        try:
            if self._thread is not None:
                self._thread.join()
            from concurrent.futures.process import BrokenProcessPool

            if isinstance(self._error, BrokenProcessPool) and self._own is None:
                _drop_shared_pool()
            if self._error is not None:
                raise self._error
            return self._results
        finally:
            self._release()

    def stop(self) -> None:
        """Hand over no more batches; wait for the one under way."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
        self._release()

    def _release(self) -> None:
        if self._own is not None:
            self._own.shutdown(cancel_futures=True)
            self._own = None
