"""The founding case: clean of errors as published, and the CNO pack's pitfall at 4 months."""

from __future__ import annotations

from pathlib import Path

from casekit.asof import case_as_of, document_as_of
from casekit.findings import Severity
from casekit.lint import lint_document
from casekit.loader import load_case

FOUNDING = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"


def test_the_published_founding_case_has_no_lint_errors() -> None:
    findings = lint_document(load_case(FOUNDING))
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    # What the source abstract does not report is still pointed out.
    assert {"CK109", "CK301"} <= {f.code for f in findings}
    assert "CK507" not in {f.code for f in findings}  # both references have a DOI


def test_at_the_4_month_review_the_cno_pack_flags_exactly_the_pitfall() -> None:
    findings = lint_document(document_as_of(load_case(FOUNDING), 4, "months"))
    pack = [f for f in findings if f.code.startswith("CK4")]
    assert sorted(f.code for f in pack) == ["CK401", "CK402"]
    biopsy, exclusions = sorted(pack, key=lambda f: f.code)
    assert "bone biopsy was not performed" in biopsy.message
    assert "malignancy" in exclusions.message and "leukaemia" in exclusions.message
    assert biopsy.json_path == ("diagnoses", 1, "name")
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_as_of_findings_point_at_the_lines_of_the_original_file() -> None:
    doc = load_case(FOUNDING)
    trimmed = document_as_of(doc, 4, "months")
    finding = next(f for f in lint_document(trimmed) if f.code == "CK401")
    line_text = doc.text.splitlines()[finding.line - 1]
    assert "Chronic recurrent multifocal osteomyelitis" in line_text[finding.column - 1 :]


def test_as_of_keeps_what_was_known_then() -> None:
    data = load_case(FOUNDING).data
    then = case_as_of(data, 4, "months")
    assert [dx["id"] for dx in then["diagnoses"]] == ["dx-osteomyelitis", "dx-crmo"]
    crmo = then["diagnoses"][1]
    assert crmo["role"] == "presumptive" and "revised_to" not in crmo
    assert [ts["id"] for ts in then["tissue_samples"]] == ["ts-bone-biopsy"]
    assert "lab-hb-2" not in {lab["id"] for lab in then["investigations"]["laboratory"]}
    assert all(e["time"]["value"] <= 4 or e["time"]["unit"] != "months" for e in then["timeline"])
    assert data["diagnoses"][1]["revised_to"] == "dx-all"  # the original is untouched


def test_as_of_one_week_has_no_biopsy_decision_yet() -> None:
    findings = lint_document(document_as_of(load_case(FOUNDING), 1, "weeks"))
    ck401 = next(f for f in findings if f.code == "CK401")
    assert "no bone biopsy is recorded" in ck401.message


def test_after_the_diagnosis_of_leukaemia_the_pack_is_silent() -> None:
    findings = lint_document(document_as_of(load_case(FOUNDING), 7, "months"))
    assert not [f for f in findings if f.code.startswith("CK4")]
