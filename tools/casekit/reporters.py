"""Show findings: as text for people, or as JSON, SARIF 2.1.0 or GitHub annotations for tools.

Every reporter takes the same list of :class:`~casekit.findings.Finding` and returns a
string; the CLI chooses one by name from :data:`REPORTERS`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TextIO

from casekit import __version__
from casekit.findings import Finding, Severity


@dataclass(frozen=True)
class RuleInfo:
    """What a reporter may say about a rule beyond one finding (used by SARIF)."""

    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR


RuleCatalogue = Mapping[str, RuleInfo]

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"
_DIM = "\033[2m"


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def summary_line(findings: Sequence[Finding], files_checked: int) -> str:
    return _summary(Counts.of(findings), files_checked)


@dataclass(frozen=True)
class Counts:
    """What the summary line counts."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    files_with_errors: int = 0

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> Counts:
        return cls(
            sum(f.severity is Severity.ERROR for f in findings),
            sum(f.severity is Severity.WARNING for f in findings),
            sum(f.severity is Severity.INFO for f in findings),
            len({f.file for f in findings if f.severity is Severity.ERROR}),
        )


def _summary(counts: Counts, files_checked: int) -> str:
    errors, warnings, infos = counts.errors, counts.warnings, counts.infos
    bad_files = counts.files_with_errors
    parts = [f"{files_checked} file{'s' if files_checked != 1 else ''} checked"]
    if not (errors or warnings or infos):
        parts.append("no problems found")
    else:
        files = f"{bad_files} file{'s' if bad_files != 1 else ''}"
        parts.append(f"{errors} error{'s' if errors != 1 else ''} in {files}")
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
        if infos:
            parts.append(f"{infos} note{'s' if infos != 1 else ''}")
    return ", ".join(parts) + "."


def text_report(
    findings: Sequence[Finding],
    files_checked: int,
    rules: RuleCatalogue | None = None,
    *,
    colour: bool = False,
) -> str:
    return assemble("text", file_parts("text", findings, colour=colour), files_checked)


def finding_text(finding: Finding, *, colour: bool = False) -> str:
    """One finding as people read it: ``path:line:col: CODE message [$.path]`` and its hint."""
    where = f"{finding.file}:{finding.line}:{finding.column}"
    code = finding.code
    if colour:
        code = f"{_COLOURS[finding.severity]}{code}{_RESET}"
    label = f"({finding.severity.value}) "
    path = f" [{finding.json_path_text}]" if finding.json_path else ""
    text = f"{where}: {code} {label}{finding.message}{path}\n"
    if finding.hint:
        hint = f"    hint: {finding.hint}"
        text += (f"{_DIM}{hint}{_RESET}" if colour else hint) + "\n"
    return text


def json_report(
    findings: Sequence[Finding], files_checked: int, rules: RuleCatalogue | None = None
) -> str:
    """The report as JSON, one finding per line.

    ``json.dumps(..., indent=2)`` goes through the standard library's pure-Python encoder:
    two seconds for the 40,000 findings of a 10,000-case library, longer than linting a
    quarter of it. Each finding is encoded on one line by the C encoder instead, which also
    keeps the report easy to read and to search line by line.
    """
    return assemble("json", file_parts("json", findings), files_checked)


#: What ``json.dumps(text, ensure_ascii=False)`` writes for a string (the C encoder).
_quoted = json.encoder.encode_basestring


def finding_json(finding: Finding) -> str:
    """``json.dumps(finding.to_dict(), ensure_ascii=False)``, byte for byte, written out.

    ``json.dumps`` makes an encoder and a dictionary for every finding: 0.3 s for the
    40,000 findings of a 10,000-case library, in the main process after the workers have
    finished. Quoting each string with the encoder's own function takes a third of that.
    A line or column that is not a plain ``int`` goes the general way.
    """
    line, column = finding.line, finding.column
    if type(line) is not int or type(column) is not int:
        return json.dumps(finding.to_dict(), ensure_ascii=False)
    return (
        f'{{"code": {_quoted(finding.code)}, "rule": {_quoted(finding.rule)},'
        f' "severity": {_quoted(finding.severity.value)}, "file": {_quoted(str(finding.file))},'
        f' "line": {line}, "column": {column},'
        f' "json_path": {_quoted(finding.json_path_text)},'
        f' "message": {_quoted(finding.message)}, "hint": {_quoted(finding.hint)}}}'
    )


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif_report(
    findings: Sequence[Finding], files_checked: int, rules: RuleCatalogue | None = None
) -> str:
    """SARIF 2.1.0, the format code-scanning services read."""
    catalogue: dict[str, RuleInfo] = dict(rules or {})
    for finding in findings:
        catalogue.setdefault(
            finding.code, RuleInfo(finding.code, finding.rule, finding.rule, finding.severity)
        )
    ordered = sorted(catalogue)
    index = {code: i for i, code in enumerate(ordered)}
    results = []
    for finding in sorted(findings, key=Finding.sort_key):
        region = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": _SARIF_LEVEL[finding.severity],
                "message": {"text": finding.message + (f" {finding.hint}" if finding.hint else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": finding.file.as_posix()},
                            "region": region,
                        },
                        "logicalLocations": [{"fullyQualifiedName": finding.json_path_text}],
                    }
                ],
            }
        )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "casekit",
                        "version": __version__,
                        "rules": [
                            {
                                "id": code,
                                "name": catalogue[code].name,
                                "shortDescription": {"text": catalogue[code].summary},
                                "defaultConfiguration": {
                                    "level": _SARIF_LEVEL[catalogue[code].severity]
                                },
                            }
                            for code in ordered
                        ],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(
    findings: Sequence[Finding], files_checked: int, rules: RuleCatalogue | None = None
) -> str:
    """GitHub Actions workflow commands, which show as annotations on a pull request."""
    return assemble("github", file_parts("github", findings), files_checked)


_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def finding_github(finding: Finding) -> str:
    """One finding as a GitHub Actions workflow command."""
    props = [f"file={_escape_property(finding.file.as_posix())}"]
    if finding.line:
        props += [f"line={finding.line}", f"col={finding.column}"]
    props.append(f"title={_escape_property(finding.code + ' ' + finding.rule)}")
    message = finding.message + (f" {finding.hint}" if finding.hint else "")
    return f"::{_COMMAND[finding.severity]} {','.join(props)}::{_escape_data(message)}"


#: How each line format writes one finding (text's colour is chosen by the caller).
_LINE_WRITERS: dict[str, Callable[[Finding], str]] = {
    "text": finding_text,
    "json": finding_json,
    "github": finding_github,
}
#: The reports that are one piece of text per finding, in order, between a head and a tail.
#: Each file's pieces can be written where its findings are made (a worker process, see
#: ``casekit lint``) and the report put together from them (:func:`assemble`), which gives
#: the same bytes as writing it from every finding at once.
LINE_FORMATS = frozenset(_LINE_WRITERS)


@dataclass(frozen=True)
class FilePart:
    """One file's findings as a line format writes them, in report order, and what the
    summary counts of them."""

    file: str
    lines: tuple[str, ...]
    counts: Counts


def file_parts(name: str, findings: Sequence[Finding], *, colour: bool = False) -> list[FilePart]:
    """``findings`` as format ``name`` (one of :data:`LINE_FORMATS`) writes them, file by
    file."""
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(str(finding.file), []).append(finding)
    if name not in _LINE_WRITERS:
        raise ValueError(f"not a line format: {name}")
    write = partial(finding_text, colour=colour) if name == "text" else _LINE_WRITERS[name]
    return [
        FilePart(file, tuple(map(write, sorted(found, key=Finding.sort_key))), Counts.of(found))
        for file, found in by_file.items()
    ]


def assemble(name: str, parts: Sequence[FilePart], files_checked: int) -> str:
    """The report of format ``name`` from its files' parts (:func:`file_parts`), in any
    order: files in the order of their names, as :meth:`Finding.sort_key` orders them."""
    return "".join(assembled(name, parts, files_checked))


def assembled(name: str, parts: Sequence[FilePart], files_checked: int) -> list[str]:
    """:func:`assemble`'s report in a few pieces, to write one after another.

    The JSON report of a 10,000-case library is 14 MB; putting it in one string copied it
    three times, 75 ms of the main process after the workers had finished (38 ms now)."""
    ordered = sorted(parts, key=lambda part: part.file)
    lines = [line for part in ordered for line in part.lines]
    if name == "text":
        counts = Counts(
            sum(p.counts.errors for p in parts),
            sum(p.counts.warnings for p in parts),
            sum(p.counts.infos for p in parts),
            len({p.file for p in parts if p.counts.errors}),
        )
        return ["".join(lines), _summary(counts, files_checked) + "\n"]
    if name == "json":
        head = {"tool": "casekit", "version": __version__, "files_checked": files_checked}
        top = "".join(f"  {json.dumps(key)}: {json.dumps(value)},\n" for key, value in head.items())
        if not lines:
            return ["{\n" + top + '  "findings": []\n}\n']
        return ["{\n" + top + '  "findings": [\n    ', ",\n    ".join(lines), "\n  ]\n}\n"]
    if name == "github":
        return ["\n".join(lines), "\n" if lines else ""]
    raise ValueError(f"not a line format: {name}")


Reporter = Callable[[Sequence[Finding], int, RuleCatalogue | None], str]

REPORTERS: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "sarif": sarif_report,
    "github": github_report,
}


def emit(
    name: str,
    findings: Sequence[Finding],
    files_checked: int,
    rules: RuleCatalogue | None = None,
    stream: TextIO | None = None,
) -> None:
    out = stream or sys.stdout
    if name == "text":
        out.write(text_report(findings, files_checked, rules, colour=use_colour(out)))
    else:
        out.write(REPORTERS[name](findings, files_checked, rules))
