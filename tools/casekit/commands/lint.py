"""``casekit lint``: schema validation, then every enabled rule, for each case file."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from casekit import exitcodes, model
from casekit.batch import map_files
from casekit.discover import UsageError, case_files, default_paths
from casekit.findings import Finding, Severity
from casekit.lint import LintConfig, lint_document, load_config, rule_catalogue
from casekit.lint.engine import NOTHING_TO_CHECK
from casekit.loader import CaseDocument, LoadError, load_case
from casekit.reporters import (
    LINE_FORMATS,
    REPORTERS,
    FilePart,
    assembled,
    emit,
    file_parts,
    use_colour,
)
from casekit.validate import validate_document

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="check cases for completeness, reasoning, data quality, privacy and writing",
        description="Check each case: first the schema, then the lint rules ('casekit rules'"
        " lists them). Settings come from [tool.casekit.lint] in the nearest pyproject.toml."
        " Exit code 0: no errors (warnings allowed); 1: at least one error; 2: usage error.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="case files or folders (default: cases/)"
    )
    parser.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="text",
        help="how to show findings (default: text)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="run only these rules: codes, prefixes or groups, comma-separated (replaces the"
        " configured list), for example --select CK1,privacy",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="skip these rules (added to the configured list), for example --ignore CK113",
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when errors are found (report only)"
    )
    parser.add_argument(
        "--as-of",
        metavar="DURATION",
        help="lint each case as it stood this long after presentation, for example '4 months'",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes for large libraries (default: one per core from 200 files;"
        " also CASEKIT_JOBS)",
    )
    parser.set_defaults(run=run)


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def lint_file(
    path: Path, config: LintConfig, as_of: tuple[float, str] | None = None
) -> list[Finding]:
    """Every finding for one file: load, validate, optionally cut to --as-of, lint."""
    try:
        doc = load_case(path)
    except LoadError as exc:
        return [exc.finding]
    if as_of is not None:
        from casekit.asof import document_as_of

        problems = validate_document(doc)
        if any(p.severity is Severity.ERROR for p in problems):
            return problems
        doc = document_as_of(doc, *as_of)
        if not model.diagnoses(doc.data):
            return [_nothing_to_check(doc, as_of)]
    return lint_document(doc, config)


def lint_paths(
    paths: list[Path],
    config: LintConfig,
    as_of: tuple[float, str] | None = None,
    jobs: int | None = None,
) -> tuple[list[Finding], int]:
    work = functools.partial(lint_file, config=config, as_of=as_of)
    per_file, count = _each_file(paths, work, jobs)
    return [finding for findings in per_file for finding in findings], count


def _each_file(
    paths: list[Path], work: Callable[[Path], list[T]], jobs: int | None
) -> tuple[list[list[T]], int]:
    """``work`` on each case file of ``paths`` (in parallel where it pays), and how many."""
    files = case_files(paths or default_paths())
    return map_files(work, files, label="lint", jobs=jobs), len(files)


def _nothing_to_check(doc: CaseDocument, as_of: tuple[float, str]) -> Finding:
    value, unit = as_of
    return Finding(
        NOTHING_TO_CHECK.code,
        NOTHING_TO_CHECK.name,
        NOTHING_TO_CHECK.severity,
        doc.path,
        f"{value:g} {unit} after presentation, no diagnosis had been made yet: nothing to check.",
        "Choose a later time with --as-of, after the first diagnosis in the timeline.",
    )


def run(args: argparse.Namespace) -> int:
    config = load_config().with_overrides(_split(args.select), _split(args.ignore))
    as_of = None
    if args.as_of is not None:
        # Imported only for --as-of, like document_as_of in lint_file.
        from casekit.asof import DurationError, parse_duration

        try:
            as_of = parse_duration(args.as_of)
        except DurationError as exc:
            raise UsageError(f"--as-of: {exc}") from None
    if args.format in LINE_FORMATS:
        colour = args.format == "text" and use_colour(sys.stdout)
        parts, count = lint_paths_written(args.paths, config, args.format, colour, as_of, args.jobs)
        sys.stdout.writelines(assembled(args.format, parts, count))
        errors = any(part.counts.errors for part in parts)
    else:
        findings, count = lint_paths(args.paths, config, as_of, args.jobs)
        emit(args.format, findings, count, rule_catalogue())
        errors = any(f.severity is Severity.ERROR for f in findings)
    if errors and not args.exit_zero:
        return exitcodes.PROBLEMS
    return exitcodes.OK


def _lint_file_written(
    path: Path, config: LintConfig, name: str, colour: bool, as_of: tuple[float, str] | None
) -> list[FilePart]:
    return file_parts(name, lint_file(path, config, as_of), colour=colour)


def lint_paths_written(
    paths: list[Path],
    config: LintConfig,
    name: str,
    colour: bool,
    as_of: tuple[float, str] | None = None,
    jobs: int | None = None,
) -> tuple[list[FilePart], int]:
    """:func:`lint_paths`, each file's findings written in the line format ``name`` where
    they are found (:func:`casekit.reporters.file_parts`).

    In a large library most of the report's cost was the main process's, after the workers
    had finished: taking back 40,000 findings as objects, sorting and writing them. A worker
    now sends each file's lines and counts, which cost less to send, and the main process
    only puts them in order."""
    work = functools.partial(
        _lint_file_written, config=config, name=name, colour=colour, as_of=as_of
    )
    per_file, count = _each_file(paths, work, jobs)
    return [part for parts in per_file for part in parts], count
