"""Formatting case files on disk: read (tolerating a byte-order mark), format, write."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from casekit.authoring.jsonfmt import FormatMismatchError, format_text
from casekit.findings import Finding, Severity
from casekit.fsutil import OutputError, atomic_write
from casekit.loader import CaseDocument, LoadError, load_case, parse_text

_BOM = b"\xef\xbb\xbf"


def load_for_rewrite(path: Path) -> CaseDocument:
    """Load ``path`` like :func:`load_case`, but accept (and drop) a UTF-8 byte-order mark.

    The loader rejects a BOM and tells the author to run ``casekit fmt``; commands that
    rewrite the file are the ones that can remove it.
    """
    try:
        return load_case(path)
    except LoadError as exc:
        if exc.finding.code != "CK005":
            raise
    try:
        text = path.read_bytes()[len(_BOM) :].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        raise LoadError(
            Finding(
                code="CK004",
                rule="not-utf8",
                severity=Severity.ERROR,
                file=path,
                message="The file starts with a UTF-8 byte-order mark but the rest is not"
                " valid UTF-8 text.",
                hint="Save the file as UTF-8 (without BOM) in your editor, then run casekit"
                " fmt again.",
                line=1,
                column=1,
            )
        ) from None
    return parse_text(path, text)


def rewrite_target(path: Path) -> Path:
    """The file to replace when rewriting ``path``: a link's target, so the link stays a link.

    (The loader has already refused links that lead out of the case's folder.)
    """
    return path.resolve() if path.is_symlink() else path


class Outcome(enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    FAILED = "failed"


@dataclass
class FormatResult:
    path: Path
    outcome: Outcome
    finding: Finding | None = None
    error: str = ""


def format_file(path: Path, *, write: bool = True) -> FormatResult:
    """Format one case file in place (or, with ``write=False``, only say if it would change)."""
    try:
        doc = load_for_rewrite(path)
    except LoadError as exc:
        return FormatResult(path, Outcome.FAILED, finding=exc.finding)
    try:
        formatted = format_text(doc.text)
    except RecursionError:
        return FormatResult(path, Outcome.FAILED, error="the file is nested too deeply to format.")
    except FormatMismatchError as exc:
        return FormatResult(path, Outcome.FAILED, error=str(exc))
    if doc.text == formatted and not _has_bom(path):
        return FormatResult(path, Outcome.UNCHANGED)
    if write:
        try:
            atomic_write(rewrite_target(path), formatted)
        except OutputError as exc:
            return FormatResult(path, Outcome.FAILED, error=str(exc))
    return FormatResult(path, Outcome.CHANGED)


def _has_bom(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(_BOM)) == _BOM
