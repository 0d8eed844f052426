"""``casekit rules``: the lint rules, with their code, name, group, severity and summary."""

from __future__ import annotations

import argparse
import json
import sys

from casekit import exitcodes
from casekit.lint import all_rules
from casekit.lint.knowledge import packs


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the lint rules",
        description="List every lint rule: code, name, group, default severity and what it"
        " checks, then the clinical knowledge packs with their sources. Use the codes,"
        " prefixes or groups with 'casekit lint --select/--ignore'.",
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
    sys.stdout.write(_packs_text())
    return exitcodes.OK


def _packs_text() -> str:
    """The knowledge packs, each with its sources (a DOI or address for each)."""
    lines = ["", "Knowledge packs (read by CK401, CK402 and CK403), with their sources:"]
    for pack in packs():
        lines.append(f"  {pack.id}: {pack.data['title']}")
        for source in pack.data["sources"].values():
            where = (
                f"doi:{source['doi']}"
                if source.get("doi")
                else source.get("url") or (f"PMID {source['pmid']}" if source.get("pmid") else "")
            )
            lines.append(f"    - {source['citation']}" + (f" <{where}>" if where else ""))
    return "\n".join(lines) + "\n"
