"""Fixtures for the image tests: a small library with one case and its figure."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import synth

REPO = Path(__file__).resolve().parents[2]
SYNTHETIC_CASE = REPO / "cases" / "synthetic-septic-arthritis-hip.json"


def figure(file: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "fig-hip",
        "file": file,
        "kind": "radiograph",
        "caption": "Illustrative, synthetic: a gradient test pattern standing in for a hip"
        " radiograph.",
        "alt": "A grey gradient with a light square, a synthetic test pattern.",
        "links": ["i-us"],
        "synthetic": True,
        **extra,
    }


@pytest.fixture
def library(tmp_path: Path) -> Callable[..., Path]:
    """``library(kind, name)``: a case folder holding the synthetic hip case, with one
    figure whose image is made by ``synth.make(kind, ...)``; returns the case file."""

    def make(kind: str = "plain-png", name: str = "images/hip-radiograph.png") -> Path:
        folder = tmp_path / "library" / "cases"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.loads(SYNTHETIC_CASE.read_text(encoding="utf-8"))
        data["figures"] = [figure(name)]
        synth.make(kind, folder / name)
        path = folder / SYNTHETIC_CASE.name
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        return path

    return make
