"""Codes where readers meet them: the case page and the library's tags."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casekit.site.catalog import tags_of

FOUNDING = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"


def _founding() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FOUNDING.read_text(encoding="utf-8"))
    return data


def test_the_case_page_lists_the_codes_with_their_labels(cli: Callable[..., Any]) -> None:
    result = cli("render", str(FOUNDING), "--format", "web")
    assert result.code == 0, result.err
    page = result.out
    assert '<table id="codes-table">' in page
    assert "<td>ICD-10 C91.0</td><td>Acute lymphoblastic leukaemia</td>" in page
    assert "Finding&#58; Limp</td><td>HP&#58;0031955</td><td>Limp</td>" in page


def test_coded_features_and_rare_diseases_become_tags() -> None:
    tags = {(t.kind, t.label) for t in tags_of(_founding())}
    assert ("phenotype", "Low back pain (HP:0003419)") in tags
    assert ("phenotype", "Vertebral compression fracture (HP:0002953)") in tags
    assert ("rare-disease", "Chronic recurrent multifocal osteomyelitis (ORPHA:324964)") in tags


def test_a_wrong_or_absent_code_makes_no_tag() -> None:
    data = copy.deepcopy(_founding())
    data["findings"][0]["codes"] = [
        {"system": "HPO", "code": "HP:9999999", "label": "Limp"},
        {"system": "HPO", "code": "HP:0001945", "label": "Fever", "excluded": True},
    ]
    labels = {t.label for t in tags_of(data) if t.kind == "phenotype"}
    assert not any("HP:9999999" in label or "Fever" in label for label in labels)
    assert "Low back pain (HP:0003419)" in labels


def test_a_series_page_lists_each_patients_codes_under_its_label(
    cli: Callable[..., Any], tmp_path: Path, repo: Path
) -> None:
    data = json.loads((repo / "cases" / "synthetic-cno-series.json").read_text(encoding="utf-8"))
    data["patients"][1]["findings"][0]["codes"] = [
        {"system": "HPO", "code": "HP:0002653", "label": "Bone pain"}
    ]
    case = tmp_path / "synthetic-cno-series.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    result = cli("render", str(case), "--format", "web")
    assert result.code == 0, result.err
    assert "<td>Patient 2&#58; Finding&#58; A tender swelling over the left clavicle</td>" in (
        result.out
    )
    assert "<td>HP&#58;0002653</td><td>Bone pain</td>" in result.out
