"""``casekit export CASE --to phenopacket``: a case as GA4GH Phenopackets (v2).

One phenopacket per patient. A single-patient case gives one JSON object (on the screen,
or in the file named by ``-o``); a case series gives one file per patient, named
``<case id>-<patient id>.json``, in the folder named by ``-o`` (on the screen without
``-o``: a JSON list, one phenopacket per patient).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from casekit import exitcodes, model
from casekit.discover import UsageError
from casekit.findings import Severity
from casekit.fsutil import OutputError, atomic_write
from casekit.loader import LoadError, load_case
from casekit.reporters import text_report
from casekit.validate import validate_document


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a case as GA4GH Phenopackets (one per patient)",
        description="Write a case as GA4GH Phenopacket v2 JSON, one phenopacket per patient,"
        " from its codes: HPO-coded findings, LOINC-coded laboratory results, coded"
        " diagnoses, tissue samples and SNOMED CT-coded interventions. No calendar date of"
        " the patient is written. A single-patient case gives one file; a case series one"
        " file per patient in the folder given with -o (or a JSON list on the screen)."
        " Exit code 0: written; 1: the case has errors or too few codes (the message says"
        " what to add); 2: usage error.",
    )
    parser.add_argument("case", type=Path, help="the case file (.json)")
    parser.add_argument(
        "--to", choices=("phenopacket",), default="phenopacket", help="the format (phenopacket)"
    )
    parser.add_argument(
        "--output",
        "-o",
        help="where to write: a .json file for one patient, a folder for a case series"
        " (default: the screen)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from casekit.codes.phenopacket import NotEnoughCoded, export_case
    from casekit.codes.shipped import CodeListMissing

    try:
        doc = load_case(args.case)
    except LoadError as exc:
        sys.stderr.write(text_report([exc.finding], 1))
        return exitcodes.PROBLEMS
    errors = [f for f in validate_document(doc) if f.severity is Severity.ERROR]
    if errors:
        sys.stderr.write(text_report(errors, 1))
        sys.stderr.write("casekit: fix these errors, then export again.\n")
        return exitcodes.PROBLEMS
    try:
        result = export_case(doc.data)
    except NotEnoughCoded as exc:
        sys.stderr.write(
            f"casekit: {args.case} has too few codes for a useful phenopacket.\n{exc}\n"
        )
        return exitcodes.PROBLEMS
    except CodeListMissing as exc:
        raise UsageError(str(exc)) from None
    for note in result.notes:
        sys.stderr.write(f"casekit: note: {note}\n")
    series = model.is_series(doc.data)
    if args.output in (None, "-"):
        payload = result.packets if series else result.packets[0]
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return exitcodes.OK
    target = Path(args.output)
    if target.resolve() == args.case.resolve():
        raise UsageError(f"--output {args.output} is the case file itself; choose another name.")
    if series and target.suffix.lower() == ".json":
        raise UsageError(
            f"{args.case} is a case series: it gives one phenopacket per patient. Give a"
            f" folder with -o (for example -o {target.with_suffix('')}/)."
        )
    try:
        if series:
            target.mkdir(parents=True, exist_ok=True)
            for packet in result.packets:
                _write(target / f"{packet['id']}.json", packet)
        else:
            _write(target, result.packets[0])
    except (OutputError, OSError) as exc:
        sys.stderr.write(f"casekit: {exc}\n")
        return exitcodes.USAGE
    return exitcodes.OK


def _write(path: Path, packet: dict[str, object]) -> None:
    atomic_write(path, json.dumps(packet, indent=2, ensure_ascii=False) + "\n")
    sys.stderr.write(f"casekit: wrote {path}\n")
