"""Fixtures for the lint tests."""

from __future__ import annotations

from typing import Any

import pytest
from linthelpers import base_case


@pytest.fixture
def case() -> dict[str, Any]:
    return base_case()
