"""Privacy rules: consent severity by status, and identifiers wherever text reaches the site."""

from __future__ import annotations

from typing import Any

import pytest
from linthelpers import lint_data

from casekit.findings import Severity


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
    name = next(f for f in findings if f.code == "CK602")
    assert f"at character {history.index('Dr Smithson') + 1}" in name.message
