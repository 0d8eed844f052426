"""A test library built once per session into a temporary folder."""

from __future__ import annotations

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
