"""``casekit validate``: is each file a readable, schema-valid case?"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from casekit import exitcodes
from casekit.batch import map_files
from casekit.discover import case_files, default_paths
from casekit.findings import Finding, Severity
from casekit.loader import LoadError, load_case
from casekit.reporters import REPORTERS, emit
from casekit.validate import validate_document


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check that case files are readable JSON and follow the case schema",
        description="Check that each case file is readable JSON that follows the case schema."
        " Exit code 0: all valid; 1: at least one file has an error; 2: usage error.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="case files or folders (default: cases/)"
    )
    add_output_options(parser)
    parser.add_argument(
        "--all-errors",
        action="store_true",
        help="list every schema error, not just the best match at each place",
    )
    parser.set_defaults(run=run)


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="text",
        help="how to show problems (default: text)",
    )


def validate_file(path: Path, *, all_errors: bool = False) -> list[Finding]:
    try:
        doc = load_case(path)
    except LoadError as exc:
        return [exc.finding]
    return validate_document(doc, all_errors=all_errors)


def validate_paths(paths: list[Path], *, all_errors: bool = False) -> tuple[list[Finding], int]:
    files = case_files(paths or default_paths())
    work = functools.partial(validate_file, all_errors=all_errors)
    per_file = map_files(work, files, label="validate")
    return [finding for findings in per_file for finding in findings], len(files)


def run(args: argparse.Namespace) -> int:
    findings, count = validate_paths(args.paths, all_errors=args.all_errors)
    emit(args.format, findings, count)
    if any(f.severity is Severity.ERROR for f in findings):
        return exitcodes.PROBLEMS
    return exitcodes.OK
