"""``casekit new``: start a case from a skeleton with every CARE section in place."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casekit import durations, exitcodes
from casekit.authoring.jsonfmt import format_data
from casekit.authoring.skeleton import (
    MAX_SERIES,
    Essentials,
    PatientEssentials,
    schema_reference,
    series_skeleton,
    skeleton,
    slug_problem,
)
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
    parser.add_argument(
        "--series",
        type=int,
        metavar="N",
        help=f"start a case series of N patients (2 to {MAX_SERIES}), each with every section",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    problem = slug_problem(args.slug)
    if problem:
        raise UsageError(problem)
    if args.series is not None and not 2 <= args.series <= MAX_SERIES:
        raise UsageError(
            f"--series takes the number of patients, from 2 to {MAX_SERIES}; a case about one"
            " patient needs no --series."
        )
    target: Path = args.dir / f"{args.slug}.json"
    if target.exists():
        sys.stderr.write(
            f"casekit: {target} already exists; casekit new never overwrites a case. Choose"
            " another name, or edit the existing file.\n"
        )
        return exitcodes.PROBLEMS
    essentials = Essentials()
    patients: list[PatientEssentials] = []
    if args.interactive:
        if not sys.stdin.isatty():
            raise UsageError(
                "--interactive needs a terminal to ask questions; run without it and edit the"
                " file instead."
            )
        try:
            essentials = ask_essentials(input)
            if args.series is not None:
                patients = [essentials]
                for number in range(2, args.series + 1):
                    print(f"Patient {number}:")
                    patients.append(ask_patient(input))
        except EOFError:
            sys.stderr.write("\ncasekit: no answer given; nothing was written.\n")
            return exitcodes.PROBLEMS
    reference = schema_reference(args.dir)
    if args.series is not None:
        case = series_skeleton(args.slug, args.series, patients, reference, essentials.status)
    else:
        case = skeleton(args.slug, essentials, reference)
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
    patient = ask_patient(ask)
    e = Essentials(patient.age, patient.sex, patient.presenting_complaint)
    e.status = _choice(ask, "Status", _enum("properties", "status"), default="draft")
    return e


def ask_patient(ask: Ask) -> PatientEssentials:
    """Ask one patient's age, sex and presenting complaint."""
    e = PatientEssentials()
    defs = ("$defs",)
    age_units = _enum(*defs, "age", "properties", "unit")
    sexes = _enum(*defs, "patient", "properties", "sex")
    while True:
        answer = ask(
            "Age at first presentation (for example '3 years', '10 months' or '2 years 8 months'): "
        )
        parsed = _age(answer, age_units)
        if parsed:
            e.age = parsed
            break
        print(
            "  Please give an age from 0 to 90 years with its unit"
            f" ({', '.join(age_units)}), for example '3 years' or '2 years 8 months'."
        )
    e.sex = _choice(ask, "Sex", sexes, default="not-stated")
    while True:
        complaint = ask("Presenting complaint, in one sentence: ").strip()
        if complaint:
            e.presenting_complaint = complaint
            break
        print("  Please write a short sentence, for example 'A limp with a hot, swollen ankle.'")
    return e


def _age(answer: str, units: list[str]) -> dict[str, Any] | None:
    """'3' or '3 years' -> {"value": 3, "unit": "years"}; '2 years 8 months' -> parts."""
    answer = answer.strip()
    if answer.replace(".", "", 1).isdigit():
        answer += " years"
    try:
        age = durations.from_text(answer)
    except durations.DurationTextError:
        return None
    used = [age["unit"]] if "unit" in age else [u for u in durations.PARTS if u in age]
    if any(unit not in units for unit in used):
        return None
    if not 0 <= durations.to_days(age) <= 90 * durations.DAYS_PER_YEAR:
        return None
    if "value" in age and age["value"] > 90:
        return None
    return age


def _choice(ask: Ask, label: str, options: list[str], *, default: str) -> str:
    while True:
        answer = ask(f"{label} ({' / '.join(options)}) [{default}]: ").strip().lower()
        if not answer:
            return default
        if answer in options:
            return answer
        print(f"  Please answer one of: {', '.join(options)}.")
