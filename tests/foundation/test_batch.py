"""Parallel work: results in order, the same as one process, and workers shared when asked."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from casekit import batch


def _square(n: int) -> int:
    return n * n


def _worker(_: int) -> int:
    return os.getpid()


def test_results_come_back_in_order_on_any_number_of_workers() -> None:
    items = list(range(500))
    expected = [n * n for n in items]
    assert batch.map_files(_square, items, label="test", jobs=1) == expected
    assert batch.map_files(_square, items, label="test", jobs=2) == expected


def test_steps_inside_shared_workers_use_the_same_processes() -> None:
    with batch.shared_workers():
        first = set(batch.map_files(_worker, list(range(400)), label="test", jobs=2))
        with batch.shared_workers():  # nested: still the outer block's pool
            second = set(batch.map_files(_worker, list(range(400)), label="test", jobs=2))
    assert os.getpid() not in first
    assert first & second
    assert batch._shared.pool is None  # shut down when the outer block ends


def test_each_call_outside_a_block_has_its_own_workers() -> None:
    first = set(batch.map_files(_worker, list(range(400)), label="test", jobs=2))
    second = set(batch.map_files(_worker, list(range(400)), label="test", jobs=2))
    assert not first & second


def test_jobs_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEKIT_JOBS", "3")
    assert batch.default_jobs(10) == 3
    monkeypatch.delenv("CASEKIT_JOBS")
    assert batch.default_jobs(10) == 1  # few files: one process is faster


def _die(n: int) -> int:
    if n == 7:
        os._exit(1)  # a worker killed (out of memory, say)
    return n


def test_a_dead_worker_does_not_break_the_steps_after_it() -> None:
    with batch.shared_workers():
        with pytest.raises(BrokenProcessPool):
            batch.map_files(_die, list(range(400)), label="test", jobs=2)
        assert batch.map_files(_square, list(range(400)), label="test", jobs=2)[20] == 400
