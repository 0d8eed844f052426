"""Turn the paths a user typed into the list of case files to check."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class UsageError(Exception):
    """The command line names something that cannot be used; exit code 2."""


def case_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched for ``*.json`` (hidden folders skipped), sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*.json")
                    if not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return found


def default_paths() -> list[Path]:
    """``cases/`` in the current folder, when no path is given."""
    cases = Path("cases")
    if cases.is_dir():
        return [cases]
    raise UsageError(
        "no files given and there is no 'cases' folder here. Name the case files or folders"
        " to check, or run casekit from the library's top folder."
    )
