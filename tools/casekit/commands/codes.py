"""``casekit codes``: find HPO terms for a finding, look a code up, list the releases."""

from __future__ import annotations

import argparse
import sys

from casekit import exitcodes


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "codes",
        help="suggest HPO terms, look up a code, list the code-list releases",
        description="Work with the code lists casekit ships (read offline from installed"
        " packages). 'casekit codes suggest \"swollen ankle\"' proposes HPO terms for a"
        " finding (exact name and synonym matches first); 'casekit codes show ICD-10 C91.0'"
        " gives a code's title; 'casekit codes releases' lists the releases casekit checks"
        " against.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    suggest = actions.add_parser("suggest", help="HPO terms for a finding's words")
    suggest.add_argument("words", nargs="+", help="the finding, in a few words")
    suggest.add_argument("--limit", type=int, default=10, help="how many (default 10)")
    suggest.set_defaults(run=run_suggest)
    show = actions.add_parser("show", help="what the shipped list says of one code")
    show.add_argument(
        "system", help="ICD-10, ICD-10-CM, HPO, ORPHA, OMIM, ICD-11, SNOMED CT, LOINC"
    )
    show.add_argument("code", help="the code, for example C91.0 or HP:0001386")
    show.set_defaults(run=run_show)
    listed = actions.add_parser("releases", help="the releases casekit checks codes against")
    listed.set_defaults(run=run_releases)
    parser.set_defaults(run=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return exitcodes.USAGE


def run_suggest(args: argparse.Namespace) -> int:
    from casekit.codes.suggest import suggest

    words = " ".join(args.words)
    found = suggest(words, args.limit)
    if not found:
        sys.stdout.write(
            f"No HPO term matches '{words}'. Try fewer or plainer words ('swollen ankle',"
            " not 'hot swollen left ankle at one week').\n"
        )
        return exitcodes.PROBLEMS
    for s in found:
        how = {"name": "name", "synonym": f"synonym '{s.matched}'", "words": f"'{s.matched}'"}
        sys.stdout.write(f"{s.id}  {s.name}  ({how[s.match]})\n")
    sys.stdout.write(
        'Add to the finding: "codes": [{"system": "HPO", "code": "'
        + found[0].id
        + '", "label": "'
        + found[0].name
        + '"}]\n'
    )
    return exitcodes.OK


def run_show(args: argparse.Namespace) -> int:
    from casekit.codes import SYSTEMS, look_up

    system = {s.lower(): s for s in SYSTEMS}.get(args.system.lower())
    if system is None:
        sys.stderr.write(
            f"casekit: unknown code list '{args.system}'; use one of {', '.join(SYSTEMS)}.\n"
        )
        return exitcodes.USAGE
    found = look_up(system, args.code)
    messages = {
        "found": f"{system} {args.code}: {found.title}"
        + (f" (chapter {found.chapter})" if found.chapter else ""),
        "unknown": f"{system} {args.code} is not in the shipped {system} list.",
        "obsolete": f"{system} {args.code} ('{found.title}') is obsolete; use {found.replaced_by}.",
        "alternative": f"{system} {args.code} is an old id of {found.replaced_by}"
        f" ('{found.title}').",
        "malformed": f"'{args.code}' is not a well-formed {system} code.",
        "form-only": f"{system} {args.code} is well formed (casekit cannot ship {system}: only"
        " its form and check digit are checked by lint).",
        "not-annotated": f"{args.code} is not among the diseases HPO annotates; casekit cannot"
        " check it.",
    }
    sys.stdout.write(messages[found.status] + "\n")
    return exitcodes.OK if found.status in ("found", "form-only") else exitcodes.PROBLEMS


def run_releases(_args: argparse.Namespace) -> int:
    from casekit.codes.shipped import releases

    for system, release in releases().items():
        sys.stdout.write(f"{system}: {release}\n")
    sys.stdout.write("ICD-11, SNOMED CT, LOINC: not shipped (form and check digits only)\n")
    return exitcodes.OK
