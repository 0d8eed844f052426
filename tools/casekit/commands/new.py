"""``casekit new``: start a case from a skeleton with every CARE section in place."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from casekit import exitcodes
from casekit.authoring.jsonfmt import format_data
from casekit.authoring.skeleton import Essentials, schema_reference, skeleton, slug_problem
from casekit.discover import UsageError
from casekit.fsutil import OutputError, atomic_write
from casekit.resources import case_schema

Ask = Callable[[str], str]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new",
        help="start a new case from a skeleton",
        description="Create cases/SLUG.json with every section of the CARE guideline present"
        " and a short TODO note in each. An existing file is never overwritten."
        " Exit code 0: created; 1: the file exists or cannot be written; 2: usage error.",
    )
    parser.add_argument("slug", help="short case name, e.g. 'crmo-not-crmo' (also the file name)")
    parser.add_argument(
        "--dir", type=Path, default=Path("cases"), help="folder for the new case (default: cases)"
    )
    parser.add_argument(
        "--interactive",
        "-i",
        action="store_true",
        help="ask for the essentials (age, sex, presenting complaint, status); only on a terminal",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    problem = slug_problem(args.slug)
    if problem:
        raise UsageError(problem)
    target: Path = args.dir / f"{args.slug}.json"
    if target.exists():
        sys.stderr.write(
            f"casekit: {target} already exists; casekit new never overwrites a case. Choose"
            " another name, or edit the existing file.\n"
        )
        return exitcodes.PROBLEMS
    essentials = Essentials()
    if args.interactive:
        if not sys.stdin.isatty():
            raise UsageError(
                "--interactive needs a terminal to ask questions; run without it and edit the"
                " file instead."
            )
        try:
            essentials = ask_essentials(input)
        except EOFError:
            sys.stderr.write("\ncasekit: no answer given; nothing was written.\n")
            return exitcodes.PROBLEMS
    case = skeleton(args.slug, essentials, schema_reference(args.dir))
    try:
        atomic_write(target, format_data(case))
    except OutputError as exc:
        sys.stderr.write(f"casekit: {exc}\n")
        return exitcodes.PROBLEMS
    print(f"created {target}")
    print(
        "Next: replace every 'TODO:' note (your editor shows what each field means), then run"
        f" 'casekit validate {target}' and 'casekit lint {target}'."
    )
    return exitcodes.OK


def _enum(*path: str) -> list[str]:
    node = case_schema()
    for key in path:
        node = node[key]
    return list(node["enum"])


def ask_essentials(ask: Ask) -> Essentials:
    """Ask the four essentials, repeating a question until the answer can be used."""
    e = Essentials()
    defs = ("$defs",)
    age_units = _enum(*defs, "age", "properties", "unit")
    sexes = _enum(*defs, "patient", "properties", "sex")
    statuses = _enum("properties", "status")
    while True:
        answer = ask("Age at first presentation (for example '3 years' or '10 months'): ").split()
        parsed = _age(answer, age_units)
        if parsed:
            e.age_value, e.age_unit = parsed
            break
        print(f"  Please give a number from 0 to 90 and a unit ({', '.join(age_units)}).")
    e.sex = _choice(ask, "Sex", sexes, default="not-stated")
    while True:
        complaint = ask("Presenting complaint, in one sentence: ").strip()
        if complaint:
            e.presenting_complaint = complaint
            break
        print("  Please write a short sentence, for example 'A limp with a hot, swollen ankle.'")
    e.status = _choice(ask, "Status", statuses, default="draft")
    return e


def _age(words: list[str], units: list[str]) -> tuple[int | float, str] | None:
    if len(words) == 1:
        words = [*words, "years"]
    if len(words) != 2:
        return None
    number, unit = words
    unit = unit.lower() if unit.lower().endswith("s") else unit.lower() + "s"
    try:
        value: int | float = int(number)
    except ValueError:
        try:
            value = float(number)
        except ValueError:
            return None
    if unit not in units or not 0 <= value <= 90 or value != value:
        return None
    return value, unit


def _choice(ask: Ask, label: str, options: list[str], *, default: str) -> str:
    while True:
        answer = ask(f"{label} ({' / '.join(options)}) [{default}]: ").strip().lower()
        if not answer:
            return default
        if answer in options:
            return answer
        print(f"  Please answer one of: {', '.join(options)}.")
