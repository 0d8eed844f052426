"""``casekit init``: start a new, empty case library that builds at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casekit import exitcodes
from casekit.authoring.library import create_library
from casekit.fsutil import OutputError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a new, empty case library (site, schema, editor settings)",
        description="Create a case library in DIR: a cases/ folder, a copy of the case"
        " schema, a templates/ folder, the website configuration (mkdocs.yml and pages),"
        " editor settings, pre-commit hooks and an example CI workflow for publishing the"
        " site. Existing files are never overwritten. Exit code 0: done; 1: a file could"
        " not be written; 2: usage error.",
    )
    parser.add_argument("dir", type=Path, help="the folder for the library (created if needed)")
    parser.add_argument("--name", help="the site's title (default: from the folder name)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder: Path = args.dir
    if folder.exists() and not folder.is_dir():
        sys.stderr.write(f"casekit: {folder} is a file, not a folder. Choose another name.\n")
        return exitcodes.PROBLEMS
    try:
        report = create_library(folder, args.name)
    except OutputError as exc:
        sys.stderr.write(f"casekit: {exc}\n")
        return exitcodes.PROBLEMS
    for path in report.written:
        print(f"created {path}")
    for path in report.kept:
        print(f"kept    {path} (already there; not changed)")
    print(
        f"\nYour case library is ready. Next:\n"
        f"  cd {folder}\n"
        "  casekit new my-first-case     # start a case\n"
        "  casekit build                 # build the website into site_build/"
    )
    return exitcodes.OK
