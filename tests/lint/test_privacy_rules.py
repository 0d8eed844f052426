"""Privacy rules: consent severity by status, and identifiers wherever text reaches the site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from linthelpers import base_case, lint_data

from casekit.findings import Severity
from casekit.lint import lint_document
from casekit.loader import load_case


@pytest.mark.parametrize(
    ("status", "severity"),
    [("draft", Severity.WARNING), ("submitted", Severity.ERROR), ("published", Severity.ERROR)],
)
def test_pending_consent(case: dict[str, Any], status: str, severity: Severity) -> None:
    case["status"] = status
    case["consent"] = {"status": "pending"}
    (finding,) = [f for f in lint_data(case) if f.code == "CK601"]
    assert finding.severity is severity


def test_identifiers_in_tags_are_found(case: dict[str, Any]) -> None:
    """Keywords and themes become tag pages and web addresses: they are scanned too."""
    case["keywords"] = ["septic arthritis", "contact someone@example.org"]
    case["themes"] = ["call 020 7946 0000"]
    codes = {f.code for f in lint_data(case) if f.json_path[:1] in (("keywords",), ("themes",))}
    assert codes and all(code.startswith("CK6") for code in codes)


def test_findings_do_not_repeat_the_identifier(case: dict[str, Any]) -> None:
    """Findings go to CI logs and code-scanning services: mask what was found, say where."""
    history = "Seen by Dr Smithson; call 020 7946 0000; MRN 12345678."
    case["patient"]["history"] = history
    findings = [f for f in lint_data(case) if f.json_path == ("patient", "history")]
    assert {f.code for f in findings} >= {"CK602", "CK605", "CK606"}
    for finding in findings:
        text = finding.message + finding.hint
        for secret in ("Smithson", "7946 0000", "12345678"):
            assert secret not in text


def test_a_finding_points_at_the_identifier_itself(tmp_path: Path) -> None:
    """Line and column are those of the identifier in the file, escapes counted as written,
    so that an editor jumps to it, not to the start of the field."""
    data = base_case()
    data["patient"]["history"] = 'Previously well \u00e9\u2014 "quoted"; seen by Dr Smithson.'
    text = json.dumps(data, indent=2, ensure_ascii=True)
    path = tmp_path / f"{data['id']}.json"
    path.write_text(text, encoding="utf-8")
    (finding,) = [f for f in lint_document(load_case(path)) if f.code == "CK602"]
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith("Dr Smithson")
    assert finding.severity is Severity.ERROR
