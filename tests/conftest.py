"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
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
