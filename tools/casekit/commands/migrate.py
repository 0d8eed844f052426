"""``casekit migrate``: upgrade case files written for an older version of the format."""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

from casekit import exitcodes
from casekit.authoring.formatting import load_for_rewrite, rewrite_target
from casekit.authoring.jsonfmt import format_data, parse_lossless
from casekit.authoring.migrations import (
    MigrationError,
    describe_changes,
    lost_values,
    migrate,
)
from casekit.authoring.progress import progress
from casekit.discover import case_files, default_paths
from casekit.findings import format_json_path
from casekit.fsutil import OutputError, atomic_write
from casekit.loader import LoadError
from casekit.reporters import finding_text
from casekit.resources import schema_version


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="upgrade cases written for an older version of the case format",
        description="Upgrade case files to the current version of the case format"
        f" (schema_version {schema_version()}), and lay them out as 'casekit fmt' does."
        " Each upgrade lists what it changes; no value is ever lost (an upgrade that would"
        " lose one is refused). Files already current are left alone. Exit code 0: done"
        " (or, with --check, all current); 1: a file could not be upgraded, or (with"
        " --check) needs upgrading; 2: usage error.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="case files or folders (default: cases/)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; list the files that need upgrading and what would change",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files = case_files(args.paths or default_paths())
    upgraded = current = failed = 0
    for path in progress(files, label="migrate"):
        try:
            doc = load_for_rewrite(path)
            before = parse_lossless(doc.text)
            case, start = migrate(copy.deepcopy(before))
        except LoadError as exc:
            sys.stderr.write(finding_text(exc.finding))
            failed += 1
            continue
        except MigrationError as exc:
            sys.stderr.write(f"{path}: {exc}\n")
            failed += 1
            continue
        if start == schema_version():
            current += 1
            continue
        lost = lost_values(before, case)
        if lost:  # a bug in a step: refuse rather than lose what the author wrote
            where = ", ".join(format_json_path(p) for p, _ in lost[:3])
            sys.stderr.write(
                f"{path}: the upgrade would lose the value at {where}; the file was left as it"
                " is. Please report this as a bug in casekit.\n"
            )
            failed += 1
            continue
        changes = "".join(f"    {line}\n" for line in describe_changes(before, case))
        if args.check:
            print(f"would upgrade {path} from version {start} to {schema_version()}:")
            sys.stdout.write(changes)
        else:
            try:
                atomic_write(rewrite_target(path), format_data(case))
            except OutputError as exc:
                sys.stderr.write(f"casekit: {exc}\n")
                failed += 1
                continue
            print(f"upgraded {path} from version {start} to {schema_version()}:")
            sys.stdout.write(changes)
        upgraded += 1
    verb = "need upgrading" if args.check else "upgraded"
    summary = f"{upgraded} {verb}, {current} already current"
    if failed:
        summary += f", {failed} could not be upgraded"
    print(summary + ".")
    if upgraded and not args.check:
        print("Run 'casekit validate' on the upgraded files to check them.")
    if failed or (args.check and upgraded):
        return exitcodes.PROBLEMS
    return exitcodes.OK
