"""Turn the paths a user typed into the list of case files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


class UsageError(Exception):
    """The command line names something that cannot be used; exit code 2."""


def case_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched for ``*.json`` (hidden folders skipped), sorted. A
    file named twice (``cases/ cases/a.json``) is checked once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_json_files(path), key=lambda p: p.parts))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return list(dict.fromkeys(found))


def _json_files(folder: Path) -> Iterable[Path]:
    """``*.json`` under ``folder``, not looking inside hidden folders at all (a library's
    ``.git`` or ``.venv`` holds thousands of files; ``Path.rglob`` would read them all).
    Links to folders are not followed, as ``rglob`` did not."""
    for top, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        here = Path(top)
        yield from (here / name for name in files if name.endswith(".json") and name[0] != ".")


def default_paths() -> list[Path]:
    """``cases/`` in the current folder, when no path is given."""
    cases = Path("cases")
    if cases.is_dir():
        return [cases]
    raise UsageError(
        "no files given and there is no 'cases' folder here. Name the case files or folders"
        " to check, or run casekit from the library's top folder."
    )
