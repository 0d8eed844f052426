"""``casekit fmt``: rewrite case files in the canonical layout, so diffs stay readable."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casekit import exitcodes
from casekit.authoring.formatting import FormatResult, Outcome, format_file
from casekit.authoring.progress import progress
from casekit.discover import case_files, default_paths
from casekit.reporters import finding_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fmt",
        help="lay case files out the standard way (field order, indentation)",
        description="Rewrite case files in casekit's standard layout: fields in the order of"
        " the schema, 2-space indentation, UTF-8, a final newline. Values are never changed."
        " Exit code 0: done (or, with --check, nothing to change); 1: a file could not be"
        " read, or (with --check) would change; 2: usage error.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="case files or folders (default: cases/)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; list the files that are not formatted and exit 1 if any",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files = case_files(args.paths or default_paths())
    results = [format_file(path, write=not args.check) for path in progress(files, label="fmt")]
    _report(results, check=args.check)
    failed = any(r.outcome is Outcome.FAILED for r in results)
    changed = any(r.outcome is Outcome.CHANGED for r in results)
    if failed or (args.check and changed):
        return exitcodes.PROBLEMS
    return exitcodes.OK


def _report(results: list[FormatResult], *, check: bool) -> None:
    out = sys.stdout
    for result in results:
        if result.outcome is Outcome.CHANGED:
            out.write(f"{'would reformat' if check else 'formatted'} {result.path}\n")
    for result in results:
        if result.finding is not None:
            sys.stderr.write(finding_text(result.finding))
            sys.stderr.write(f"    {result.path} was not formatted: fix the problem above first.\n")
        elif result.error:
            sys.stderr.write(f"{result.path}: {result.error}\n")
    changed = sum(r.outcome is Outcome.CHANGED for r in results)
    unchanged = sum(r.outcome is Outcome.UNCHANGED for r in results)
    failed = sum(r.outcome is Outcome.FAILED for r in results)
    verb = "would be reformatted" if check else "reformatted"
    parts = [f"{_files(changed)} {verb}", f"{_files(unchanged)} already formatted"]
    if failed:
        parts.append(f"{_files(failed)} could not be read")
    out.write(", ".join(parts) + ".\n")
    if check and changed:
        out.write("Run 'casekit fmt' on these files to format them.\n")


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"
