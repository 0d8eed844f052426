"""``casekit import-refs``: add references exported by a reference manager to a case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casekit import exitcodes
from casekit.authoring.formatting import load_for_rewrite, rewrite_target
from casekit.authoring.jsonfmt import format_data, parse_lossless
from casekit.authoring.references import ReferenceFileError, add_references, read_references
from casekit.fsutil import OutputError, atomic_write
from casekit.loader import LoadError
from casekit.reporters import finding_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import-refs",
        help="add references from a CSL-JSON or BibTeX export to a case",
        description="Add the references in FILE (CSL-JSON or BibTeX, as exported by Zotero,"
        " Mendeley, EndNote and others) to the case's 'references'. A reference whose id,"
        " DOI or PMID is already in the case is skipped. Exit code 0: done; 1: the case or"
        " the file could not be read, or some references could not be used; 2: usage error.",
    )
    parser.add_argument("case", type=Path, help="the case file to add references to")
    parser.add_argument("file", type=Path, help="the exported references (.json or .bib)")
    parser.add_argument(
        "--from",
        dest="kind",
        choices=["csl", "bibtex"],
        help="the file's format (default: from its extension or content)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        doc = load_for_rewrite(args.case)
    except LoadError as exc:
        sys.stderr.write(finding_text(exc.finding))
        return exitcodes.PROBLEMS
    case = parse_lossless(doc.text)
    if not isinstance(case, dict):
        _error(f"{args.case} does not hold a case (a JSON object {{ ... }}).")
        return exitcodes.PROBLEMS
    try:
        items = read_references(args.file, args.kind)
        report = add_references(case, items)
    except RecursionError:  # an item nested thousands of levels down
        _error(f"casekit: cannot import from {args.file}: a reference in it is nested too deeply.")
        return exitcodes.PROBLEMS
    except ReferenceFileError as exc:
        _error(f"casekit: cannot import from {args.file}: {exc}")
        return exitcodes.PROBLEMS
    if report.added:
        try:
            atomic_write(rewrite_target(args.case), format_data(case))
        except OutputError as exc:
            _error(f"casekit: {exc}")
            return exitcodes.PROBLEMS
    for label in report.added:
        print(f"added {label}")
    for label, reason in report.skipped:
        print(f"skipped {label}: {reason}")
    for label, reason in report.rejected:
        _error(
            f"not imported {label}: {reason}. Correct it in your reference manager and export"
            " it again."
        )
    print(
        f"{len(report.added)} added, {len(report.skipped)} already in the case,"
        f" {len(report.rejected)} could not be used."
    )
    return exitcodes.PROBLEMS if report.rejected else exitcodes.OK


def _error(text: str) -> None:
    sys.stderr.write(text + "\n")
