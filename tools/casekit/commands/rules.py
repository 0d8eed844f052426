"""``casekit rules``: the lint rules, with their code, name, group, severity and summary."""

from __future__ import annotations

import argparse
import json
import sys

from casekit import exitcodes
from casekit.lint import all_rules


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the lint rules",
        description="List every lint rule: code, name, group, default severity and what it"
        " checks. Use the codes, prefixes or groups with 'casekit lint --select/--ignore'.",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.format == "json":
        payload = [
            {
                "code": r.code,
                "name": r.name,
                "group": r.group,
                "severity": r.severity.value,
                "summary": r.summary,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return exitcodes.OK
    width = max(len(r.name) for r in rules)
    for r in rules:
        sys.stdout.write(
            f"{r.code}  {r.name:<{width}}  {r.group:<12}  {r.severity.value:<7}  {r.summary}\n"
        )
    return exitcodes.OK
