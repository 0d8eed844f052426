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
