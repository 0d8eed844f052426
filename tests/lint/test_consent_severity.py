"""Missing consent blocks a submitted or published case, but only warns on a draft."""

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
