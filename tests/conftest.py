"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casekit.cli import main

REPO = Path(__file__).resolve().parent.parent


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run the casekit command in-process and capture what a user would see."""

    def run(*args: str) -> CliResult:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse exits for --help and usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def repo() -> Path:
    return REPO


#: Every process the suite starts inherits this, so one left running can be found.
_OWNER = "CASEKIT_TEST_OWNER"


def _left_running() -> list[tuple[int, str]]:
    mark = f"{_OWNER}={os.getpid()}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdecimal() or int(entry.name) == os.getpid():
            continue
        try:
            if mark in (entry / "environ").read_bytes().split(b"\0"):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
                found.append((int(entry.name), command.decode(errors="replace")))
        except OSError:
            continue  # ended meanwhile, or not ours to read
    return found


@pytest.fixture(scope="session", autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """Fail the run if a process the tests started (a build's worker, a server) outlives it.

    Issue 12, item 10: a killed build's workers lived on with parent 1. Linux only (/proc).
    """
    os.environ[_OWNER] = str(os.getpid())
    yield
    if not Path("/proc/self/environ").exists():
        return
    deadline = time.monotonic() + 10
    while (left := _left_running()) and time.monotonic() < deadline:
        time.sleep(0.2)  # pools and servers being shut down
    for pid, _ in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes started by the tests are still running: {left}"


@pytest.fixture(scope="session", autouse=True)
def _code_list_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Parsed code lists (casekit.codes.cache) go to a folder of the test run, not to the
    user's cache folder."""
    before = os.environ.get("CASEKIT_CACHE_DIR")
    os.environ["CASEKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("casekit-cache"))
    yield
    if before is None:
        os.environ.pop("CASEKIT_CACHE_DIR", None)
    else:
        os.environ["CASEKIT_CACHE_DIR"] = before
