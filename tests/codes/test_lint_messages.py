"""What an author sees from ``casekit lint`` when a code is wrong."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

FOUNDING = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"


def _with_back_pain_code(tmp_path: Path, code: str) -> Path:
    data = copy.deepcopy(json.loads(FOUNDING.read_text(encoding="utf-8")))
    finding = next(f for f in data["findings"] if f["id"] == "f-back-pain")
    finding["codes"][0]["code"] = code
    path = tmp_path / "crmo-not-crmo.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_a_mistyped_hpo_code_that_exists_names_the_term_the_label_means(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    result = cli("lint", str(_with_back_pain_code(tmp_path, "HP:0003491")))
    assert result.code == 0  # a warning
    line = next(line for line in result.out.splitlines() if "CK803" in line)
    assert "'Elevated urine pyrophosphate', which shares no word with its label" in line
    assert line.endswith("[$.findings[4].codes[0]]")
    assert "For 'Low back pain' HPO has HP:0003419 ('Low back pain')." in result.out


def test_a_code_that_does_not_exist_is_an_error_with_a_suggestion(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    result = cli("lint", str(_with_back_pain_code(tmp_path, "HP:9003419")))
    assert result.code == 1
    wanted = "CK801 (error) HPO HP:9003419 ('Low back pain') is not in the HPO code list"
    assert wanted in result.out
    assert "HPO has HP:0003419 ('Low back pain')" in result.out


def test_the_founding_case_has_no_coding_finding(cli: Callable[..., Any]) -> None:
    result = cli("lint", str(FOUNDING), "--select", "CK8")
    assert result.code == 0
    assert "CK8" not in result.out
