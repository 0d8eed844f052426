"""The case page's figure block, rendered without building a site."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import synth

REPO = Path(__file__).resolve().parents[2]


def test_a_series_figure_says_which_patients_items_it_shows(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    data = json.loads((REPO / "cases" / "synthetic-cno-series.json").read_text(encoding="utf-8"))
    studies = [s["id"] for p in data["patients"] for s in p["investigations"]["imaging"]]
    data["figures"] = [
        {
            "id": "fig-pair",
            "file": "images/series-radiographs.png",
            "kind": "radiograph",
            "caption": "Illustrative, synthetic: a test pattern.",
            "alt": "A grey gradient with a light square.",
            "links": [studies[0], studies[2]],
            "synthetic": True,
        }
    ]
    synth.make("plain-png", tmp_path / "images" / "series-radiographs.png")
    case = tmp_path / "synthetic-cno-series.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    assert cli("lint", str(case)).code == 0
    page = html.unescape(cli("render", str(case), "-f", "web", "-o", "-").out)
    shows = next(line for line in page.splitlines() if "Shows:" in line)
    assert "Patient 1: X-ray" in shows and "Patient 2: X-ray" in shows
    assert 'alt="A grey gradient with a light square."' in page
