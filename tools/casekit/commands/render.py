"""``casekit render``: turn one case into an abstract, a web page or a CARE checklist."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casekit import exitcodes
from casekit.discover import UsageError
from casekit.findings import Severity
from casekit.fsutil import OutputError, atomic_write
from casekit.loader import LoadError, load_case
from casekit.render import FORMATS, RenderError, list_profiles, render
from casekit.reporters import text_report
from casekit.validate import validate_document

_SUFFIX_TO = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "render",
        help="turn a case into a conference abstract, a web page or a CARE checklist",
        description="Turn one case into a conference abstract (checked against a venue's"
        " length rules), the Markdown page for the case library, or the CARE checklist."
        " Exit code 0: written; 1: the case has errors or the abstract does not fit;"
        " 2: usage error.",
    )
    parser.add_argument("case", nargs="?", type=Path, help="the case file (.json)")
    parser.add_argument(
        "--format",
        "-f",
        dest="fmt",
        choices=sorted(FORMATS),
        default="abstract",
        help="what to produce (default: abstract)",
    )
    parser.add_argument(
        "--profile", "-p", help="abstract profile: a name from --list-profiles, or a .json file"
    )
    parser.add_argument(
        "--to",
        "-t",
        choices=sorted({t for ts in FORMATS.values() for t in ts}),
        help="file type: abstract txt|md|html|docx, web md, care-checklist md|docx"
        " (default: from the --output name, else txt for abstracts and md otherwise)",
    )
    parser.add_argument(
        "--output",
        "-o",
        help="where to write ('-' for the screen; default: the screen,"
        " or for Word a .docx file named after the case)",
    )
    parser.add_argument(
        "--templates",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="a folder of your own templates, searched before casekit's (may be repeated)",
    )
    parser.add_argument(
        "--blinded",
        action="store_true",
        help="an abstract without authors and affiliations, for blind review (the report"
        " names any author or institution the text itself still mentions)",
    )
    parser.add_argument(
        "--list-profiles", action="store_true", help="list the abstract profiles and stop"
    )
    parser.set_defaults(run=run)


def _list_profiles() -> int:
    for profile in list_profiles():
        year = profile.source_year or "year not stated"
        sys.stdout.write(
            f"{profile.name}\n    {profile.title}\n    source: {profile.source_url} ({year})\n"
        )
        if profile.unconfirmed:
            sys.stdout.write(
                f"    unconfirmed: {len(profile.unconfirmed)} point(s); see the profile file\n"
            )
    return exitcodes.OK


def _choose_to(args: argparse.Namespace) -> str:
    if args.to:
        return str(args.to)
    if args.output and args.output != "-":
        inferred = _SUFFIX_TO.get(Path(args.output).suffix.lower())
        if inferred in FORMATS[args.fmt]:
            return inferred
    return FORMATS[args.fmt][0]


def run(args: argparse.Namespace) -> int:
    if args.list_profiles:
        return _list_profiles()
    if args.case is None:
        raise UsageError(
            "give the case file to render, for example 'casekit render cases/my-case.json'."
        )
    for folder in args.templates:
        if not folder.is_dir():
            raise UsageError(f"the template folder {folder} does not exist.")
    try:
        doc = load_case(args.case)
    except LoadError as exc:
        sys.stderr.write(text_report([exc.finding], 1))
        return exitcodes.PROBLEMS
    errors = [f for f in validate_document(doc) if f.severity is Severity.ERROR]
    if errors:
        sys.stderr.write(text_report(errors, 1))
        sys.stderr.write("casekit: fix these errors, then render again.\n")
        return exitcodes.PROBLEMS
    to = _choose_to(args)
    try:
        result = render(
            doc.data,
            args.fmt,
            to=to,
            profile=args.profile,
            template_dirs=args.templates,
            blinded=args.blinded,
            case_dir=args.case.parent,
        )
    except RenderError as exc:
        raise UsageError(str(exc)) from None
    code = exitcodes.OK
    if result.report is not None:
        sys.stderr.write(result.report.summary() + "\n")
        for problem in result.report.problems():
            sys.stderr.write(f"casekit: {problem}\n")
        if not result.report.fits:
            code = exitcodes.PROBLEMS
    output = args.output
    if output is None and isinstance(result.content, bytes):
        blinded = "-blinded" if args.blinded else ""
        output = f"{doc.data.get('id', args.case.stem)}-{args.fmt}{blinded}{result.suffix}"
    if output is None or output == "-":
        if isinstance(result.content, bytes):
            raise UsageError(
                "a Word file cannot be shown on the screen; give a file name with --output."
            )
        sys.stdout.write(result.content)
        return code
    target = Path(output)
    if target.resolve() == args.case.resolve():
        raise UsageError(
            f"--output {output} is the case file itself; writing there would replace the case."
            " Choose another file name."
        )
    if isinstance(result.content, bytes) != (target.suffix.lower() == ".docx"):
        raise UsageError(
            f"--output {output} does not fit what is being written ({result.suffix} file)."
            f" Name the file with {result.suffix}, or choose the output with --to."
        )
    new_folder = next((p for p in reversed(target.parents) if not p.exists()), None)
    try:
        atomic_write(target, result.content)
    except OutputError as exc:
        sys.stderr.write(f"casekit: {exc}\n")
        return exitcodes.USAGE
    created = f" (created the folder {new_folder})" if new_folder is not None else ""
    sys.stderr.write(f"casekit: wrote {output}{created}\n")
    return code
