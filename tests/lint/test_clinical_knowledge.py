"""Issue 15: clinical diagnoses, red flags, possible values and placeholders, as a user sees
them (messages, exit codes, the site gate). The rule cases in rule_cases/*.json say which
codes each invented case raises; these tests check what the messages tell the clinician."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from linthelpers import apply_changes, base_case, document, lint_data, write_case

from casekit.asof import document_as_of
from casekit.authoring.skeleton import Essentials, skeleton
from casekit.findings import Finding, Severity
from casekit.lint import lint_document
from casekit.lint.docs import rule_reference_markdown
from casekit.lint.knowledge import PACK_DIR, PackError, packs, parse_pack
from casekit.loader import load_case, parse_text
from casekit.site.gate import case_reason, make_linter

FOUNDING = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"


def _findings(spec: dict[str, Any]) -> list[Finding]:
    return lint_data(apply_changes(base_case(), spec))


def _one(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, [(f.code, f.message) for f in findings]
    return matching[0]


JIA_NIGHT_PAIN = {
    "patch": {
        "differential": [
            {"diagnosis": "Septic arthritis", "status": "excluded", "how_excluded": "Invented."}
        ]
    },
    "set": {
        "diagnoses.1": {
            "id": "dx2",
            "name": "Juvenile idiopathic arthritis",
            "role": "final",
            "certainty": "probable",
            "basis": ["clinical"],
        },
        "findings.1": {
            "id": "f2",
            "kind": "symptom",
            "description": "Knee pain waking her at night",
        },
        "investigations.laboratory.2": {
            "id": "lab3",
            "test": "Platelet count",
            "value": 620,
            "unit": "10^9/L",
            "reference_range": {"low": 150, "high": 450, "source": "Invented"},
            "flag": "high",
        },
    },
}


def test_a_jia_case_with_night_pain_names_the_red_flag_and_its_sources() -> None:
    finding = _one(_findings(JIA_NIGHT_PAIN), "CK403")
    assert finding.severity is Severity.WARNING
    assert finding.json_path == ("diagnoses", 1, "name")
    assert "Juvenile idiopathic arthritis is a diagnosis of exclusion" in finding.message
    assert "night pain ('Knee pain waking her at night')" in finding.message
    assert "leukaemia" in finding.message and "not recorded as excluded" in finding.message
    # thrombocytosis is not a red flag the sources give for leukaemia in JIA: not named
    assert "620" not in finding.message
    assert "Jones et al., Pediatrics 2006" in finding.hint
    assert "blood film" in finding.hint and "bone marrow" in finding.hint


def test_transient_synovitis_names_the_kocher_predictors_found() -> None:
    finding = _one(
        _findings(
            {
                "patch": {"differential": None},
                "set": {
                    "diagnoses.1": {
                        "id": "dx2",
                        "name": "Transient synovitis",
                        "role": "presumptive",
                        "certainty": "possible",
                        "basis": ["clinical"],
                    },
                    "investigations.laboratory.2": {
                        "id": "lab3",
                        "test": "Erythrocyte sedimentation rate",
                        "value": 58,
                        "unit": "mm/1st h",
                    },
                },
            }
        ),
        "CK402",
    )
    assert "septic arthritis" in finding.message
    assert "above 38.5 °C" in finding.message  # the base case's 38.8 °C
    assert "58 mm/1st h, above 40 mm/h" in finding.message
    assert "88 mg/L, 20 mg/L or more" in finding.message
    assert "Kocher et al." in finding.hint and "aspiration" in finding.hint


def test_red_flags_read_against_the_case_range_and_the_packs_thresholds() -> None:
    spec = {
        "patch": {"differential": None},
        "set": {
            "diagnoses.1": {
                "id": "dx2",
                "name": "Immune thrombocytopenia",
                "role": "final",
                "certainty": "probable",
                "basis": ["laboratory"],
            },
            "investigations.laboratory.2": {
                "id": "lab3",
                "test": "White cell count",
                "value": 3.1,
                "unit": "x10^9/L",
            },
        },
    }
    finding = _one(_findings(spec), "CK403")
    assert "White cell count 3.1 ×10⁹/L, below 4 ×10⁹/L, at ages 6 to 18 years" in finding.message
    adult = apply_changes(base_case(), spec)
    adult["patient"]["age"] = {"value": 40, "unit": "years"}
    assert "CK403" not in {f.code for f in lint_data(adult)}


def test_a_value_lint_questions_is_no_red_flag() -> None:
    spec = json.loads(json.dumps(JIA_NIGHT_PAIN))
    spec["set"]["findings.1"]["description"] = "Invented: knee pain by day"
    spec["set"]["investigations.laboratory.2"] = {
        "id": "lab3",
        "test": "White cell count",
        "value": 3.57,  # '3.570/µL': a thousands separator, not a leukopenia
        "unit": "/µL",
    }
    codes = {f.code for f in _findings(spec)}
    assert "CK520" in codes and "CK403" not in codes


def test_the_founding_case_at_4_months_still_raises_ck401_and_ck402_and_nothing_new() -> None:
    findings = lint_document(document_as_of(load_case(FOUNDING), 4, "months"))
    assert sorted(f.code for f in findings) == [
        "CK104",
        "CK109",
        "CK113",
        "CK301",
        "CK401",
        "CK402",
    ]
    ck402 = next(f for f in findings if f.code == "CK402")
    assert "infection (bacterial osteomyelitis)" in ck402.message
    assert "leukaemia and lymphoma" in ck402.message


def test_the_published_founding_case_gains_no_finding() -> None:
    codes = sorted(f.code for f in lint_document(load_case(FOUNDING)))
    assert codes == ["CK104", "CK109", "CK113", "CK301"]


def test_impossible_and_implausible_values_name_the_likely_cause() -> None:
    findings = _findings(
        {
            "set": {
                "investigations.laboratory.2": {
                    "id": "lab3",
                    "test": "White cell count",
                    "abbreviation": "WBC",
                    "value": 11.570,
                    "unit": "/µL",
                },
                "investigations.laboratory.3": {
                    "id": "lab4",
                    "test": "C-reactive protein",
                    "value": 84,
                    "unit": "mg/dL",
                },
                "investigations.laboratory.4": {
                    "id": "lab5",
                    "test": "Platelet count",
                    "value": 335,
                    "unit": "/µL",
                },
            }
        }
    )
    wbc = _one(findings, "CK520")
    assert wbc.severity is Severity.ERROR
    assert wbc.json_path == ("investigations", "laboratory", 2, "value")
    assert "'11.570' written with a point as the thousands separator" in wbc.message
    assert "11570 /µL" in wbc.hint
    crp, platelets = sorted((f for f in findings if f.code == "CK521"), key=lambda f: f.line)
    assert "840 mg/L" in crp.message and "772 mg/L" in crp.message
    assert "Hajek et al." in crp.message and "84 mg/L rather than 84 mg/dL" in crp.message
    assert "0.335 ×10⁹/L" in platelets.message and "thousands separator" in platelets.message


def test_a_draft_with_placeholders_warns_and_a_published_one_is_kept_off_the_site(
    tmp_path: Path,
) -> None:
    draft = document(skeleton("untouched-skeleton"), "untouched-skeleton.json")
    placeholders = [f for f in lint_document(draft) if f.code == "CK114"]
    assert len(placeholders) >= 15
    assert {f.severity for f in placeholders} == {Severity.WARNING}
    assert "'casekit new'" in placeholders[0].message

    published = skeleton("untouched-skeleton", Essentials(status="published"))
    published["consent"] = {"status": "obtained", "from": "patient", "statement": "Invented."}
    doc = document(published, "untouched-skeleton.json")
    errors = [f for f in lint_document(doc) if f.code == "CK114"]
    assert errors and {f.severity for f in errors} == {Severity.ERROR}
    reason = case_reason(doc, today=date(2026, 12, 1), linter=make_linter(tmp_path))
    assert reason is not None and "CK114" in reason


def test_a_placeholder_spelled_with_json_escapes_is_still_found() -> None:
    # lint skips the search when the file's text cannot hold the marker; an escaped
    # "\u0054ODO" is still the marker once read
    data = base_case()
    data["discussion"] = "TODO: the discussion."
    text = json.dumps(data, indent=2).replace("TODO", "\\u0054ODO")
    assert "TODO" not in text
    findings = lint_document(parse_text(Path("base-case.json"), text))
    found = [f for f in findings if f.code == "CK114"]
    assert [f.json_path for f in found] == [("discussion",)]


def test_the_cli_fails_on_a_published_skeleton(cli: Any, tmp_path: Path) -> None:
    published = skeleton("untouched-skeleton", Essentials(status="published"))
    result = cli("lint", str(write_case(tmp_path / "cases", published)))
    assert result.code == 1
    assert "untouched-skeleton.json:4:12: CK114 (error) This is still the placeholder" in result.out


def test_every_pack_and_its_sources_are_in_the_rule_reference_and_casekit_rules(
    cli: Any,
) -> None:
    page = rule_reference_markdown()
    listed = cli("rules")
    assert listed.code == 0
    for pack in packs():
        assert f"### {pack.data['title']}" in page
        assert f"{pack.id}: {pack.data['title']}" in listed.out
        for key, source in pack.data["sources"].items():
            assert f"**{key}**: {source['citation']}" in page
            assert source["citation"] in listed.out
    assert "## Diagnoses made on clinical criteria" in page
    assert "## Possible laboratory values" in page
    assert "Red flags:" in page and "a low white cell count (below 4 ×10⁹/L) [jones2006]" in page


def _pack_data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PACK_DIR / name).read_text(encoding="utf-8"))
    return data


def _unknown_flag(data: dict[str, Any]) -> None:
    data["must_exclude"][0]["red_flags"].append({"flag": "hunch", "sources": ["jones2006"]})


def _unknown_unit(data: dict[str, Any]) -> None:
    data["must_exclude"][0]["red_flags"].append(
        {"flag": "leukopenia", "below": 4, "unit": "furlongs", "sources": ["jones2006"]}
    )


def _no_red_flags(data: dict[str, Any]) -> None:
    del data["must_exclude"][0]["red_flags"]


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (_unknown_flag, "red flag 'hunch'"),
        (_unknown_unit, "'furlongs' is not a unit"),
        (_no_red_flags, "red_flags"),
    ],
)
def test_a_pack_casekit_cannot_apply_is_refused(
    tmp_path: Path, breakage: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = _pack_data("juvenile-idiopathic-arthritis.json")
    breakage(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PackError, match=message):
        parse_pack(path)
