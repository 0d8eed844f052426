"""A test library built once per session into a temporary folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from casefactory import REPO, make_library

from casekit.cli import main

#: Embargoes in the test library are judged on this day.
TODAY = "2026-06-01"


@dataclass
class BuiltSite:
    library: Path
    output: Path
    exit_code: int
    stdout: str
    stderr: str


def build_site(library: Path, output: Path, *extra: str) -> list[str]:
    return [
        "build",
        "--config",
        str(REPO / "mkdocs.yml"),
        "--library",
        str(library),
        "--output",
        str(output),
        "--today",
        TODAY,
        *extra,
    ]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("library")
    library = make_library(root / "cases")
    output = root / "site_build"
    capture = pytest.MonkeyPatch()
    import io
    import sys

    out, err = io.StringIO(), io.StringIO()
    capture.setattr(sys, "stdout", out)
    capture.setattr(sys, "stderr", err)
    try:
        code = main(build_site(library, output))
    finally:
        capture.undo()
    return BuiltSite(library, output, code, out.getvalue(), err.getvalue())
