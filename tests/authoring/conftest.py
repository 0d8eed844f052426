"""Fixtures for the authoring commands (fmt, new, init, migrate, import-refs)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def synthetic_case(repo: Path, tmp_path: Path) -> Path:
    """A copy of the project's synthetic example case in a temporary cases/ folder."""
    cases = tmp_path / "cases"
    cases.mkdir()
    target = cases / "synthetic-septic-arthritis-hip.json"
    target.write_bytes((repo / "cases" / "synthetic-septic-arthritis-hip.json").read_bytes())
    return target
