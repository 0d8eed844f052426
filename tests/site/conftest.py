"""A test library built once per session into a temporary folder."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from pathlib import Path

import pytest
from casefactory import BuiltSite, build_site, make_library

from casekit.cli import main


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


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The same test library built with Zensical (skipped where Zensical is missing)."""
    beside_python = str(Path(sys.executable).parent)
    if not (shutil.which("zensical") or shutil.which("zensical", path=beside_python)):
        pytest.skip("Zensical is not installed")
    root = tmp_path_factory.mktemp("zensical-library")
    library = make_library(root / "cases")
    output = root / "site_build"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*build_site(library, output), "--engine", "zensical"])
    return BuiltSite(library, output, code, out.getvalue(), err.getvalue())
