"""Fixtures for the render tests: the founding case and a reader for Word files."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document

REPO = Path(__file__).resolve().parents[2]
FOUNDING = REPO / "cases" / "crmo-not-crmo.json"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _docx_text(data: bytes) -> str:
    """The text a reader sees in a .docx file: paragraphs, then table rows (cells joined by |)."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


@pytest.fixture
def docx_text() -> Callable[[bytes], str]:
    return _docx_text


@pytest.fixture
def golden_dir() -> Path:
    return GOLDEN


@pytest.fixture
def founding_path() -> Path:
    return FOUNDING


@pytest.fixture(scope="session")
def _founding() -> dict[str, Any]:
    with FOUNDING.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@pytest.fixture
def founding(_founding: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy of the founding case for each test, to change freely."""
    return copy.deepcopy(_founding)
