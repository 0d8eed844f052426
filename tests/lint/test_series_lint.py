"""Lint on a case series: each rule sees each patient, and what it finds lands in the file
where the reader looks for it, named, and once for what the patients share."""

from __future__ import annotations

from typing import Any

from linthelpers import as_series, base_case, document, lint_data

from casekit.asof import document_as_of
from casekit.findings import Severity
from casekit.lint import REGISTRY, lint_document


def found(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.json_path_text, f.message) for f in lint_data(data))


def test_a_patients_own_problem_is_reported_under_that_patient_and_named() -> None:
    data = as_series(base_case(), 3)
    data["patients"][1]["consent"] = {"status": "pending"}
    ((code, path, message),) = found(data)
    assert (code, path) == ("CK601", "$.patients[1].consent.status")
    assert (
        message == "Patient 2: Consent for publication is 'pending' for the authors' own patient."
    )


def test_a_problem_in_shared_text_is_reported_once() -> None:
    data = as_series(base_case(), 3)
    data["discussion"] = "Her mother, Mrs Jones, brought her."
    assert [(c, p) for c, p, _ in found(data)] == [("CK602", "$.discussion")]


def test_a_problem_every_patient_has_is_reported_once_for_the_case() -> None:
    data = as_series(base_case(), 3)
    for entry in data["patients"]:
        del entry["outcome"]
    assert found(data) == [("CK109", "$", "The case reports no outcome or follow-up.")]


def test_a_problem_some_patients_have_is_reported_for_each_of_them() -> None:
    data = as_series(base_case(), 3)
    del data["patients"][0]["outcome"]
    del data["patients"][2]["outcome"]
    assert found(data) == [
        ("CK109", "$.patients[0]", "Patient 1: The case reports no outcome or follow-up."),
        ("CK109", "$.patients[2]", "Patient 3: The case reports no outcome or follow-up."),
    ]


def test_labels_name_the_patients() -> None:
    data = as_series(base_case(), 2)
    data["patients"][1]["label"] = "Case 7"
    data["patients"][1]["findings"] = []
    data["patients"][1]["timeline"][0]["links"].remove("f1-2")
    (finding,) = lint_data(data)
    assert finding.message.startswith("Case 7: The case records no clinical findings")


def test_abbreviations_are_read_in_file_order_across_patients() -> None:
    data = as_series(base_case(), 2)
    first = data["patients"][0]["timeline"][0]
    first["description"] = "Seen with a hot knee; septic arthritis (SA) was suspected."
    data["patients"][1]["timeline"][0]["description"] = "Seen with SA."  # defined above it
    data["discussion"] = "SA was confirmed in both."
    assert found(data) == []
    data["introduction"] = "An invented series about SA."  # before the definition
    ((code, path, _),) = found(data)
    assert (code, path) == ("CK701", "$.introduction")


def test_the_title_may_name_any_patients_final_diagnosis() -> None:
    data = as_series(base_case(), 2)
    data["keywords"] = ["knee", "joint aspiration"]
    data["title"] = "Lyme disease in two invented children"
    assert "CK101" in [c for c, _, _ in found(data)]
    data["patients"][1]["diagnoses"][1]["name"] = "Lyme disease of the left knee"
    assert "CK101" not in [c for c, _, _ in found(data)]
    assert REGISTRY["CK101"].scope == "case" and REGISTRY["CK601"].scope == "patient"


def test_a_suppression_can_name_one_patient() -> None:
    data = as_series(base_case(), 2)
    for entry in data["patients"]:
        del entry["outcome"]
    reason = "The source reports no outcome for the second patient."
    data["lint"] = {"suppress": [{"code": "CK109", "path": "$.patients[1]", "reason": reason}]}
    data["patients"][0]["outcome"] = base_case()["outcome"]
    assert found(data) == []


def test_honest_unknowns_are_a_note_when_curated_and_a_warning_for_your_own_patient() -> None:
    data = base_case()
    data["diagnoses"][1]["certainty"] = "not-reported"
    (own,) = lint_data(data)
    assert (own.code, own.severity) == ("CK120", Severity.WARNING)
    assert "how certain the diagnosis 'Septic arthritis of the left knee' was" in own.message
    data["source"] = {"kind": "published-literature", "reference": "ref1"}
    data["consent"] = {"status": "not-reported"}
    data["references"][0]["author"] = [{"family": "Example", "given": "A."}]
    notes = lint_data(data)
    assert {(f.code, f.severity, f.json_path_text) for f in notes} == {
        ("CK120", Severity.INFO, "$.diagnoses[1].certainty"),
        ("CK120", Severity.INFO, "$.consent.status"),
    }


def test_as_of_cuts_each_patient_from_their_own_presentation() -> None:
    data = as_series(base_case(), 2)
    data["patients"][1]["timeline"][1]["time"] = {"days": 30}  # aspiration a month later
    data["patients"][1]["timeline"][2]["time"] = {"days": 31}
    doc = document_as_of(document(data), 1, "days")
    first, second = doc.data["patients"]
    assert [e["id"] for e in first["timeline"]] == ["e1-1", "e2-1", "e3-1"]
    assert [e["id"] for e in second["timeline"]] == ["e1-2"]
    assert [d["id"] for d in second["diagnoses"]] == ["dx1-2"]
    assert "revised_to" not in second["diagnoses"][0]
    # a finding on the trimmed case is placed on its line in the file as written
    data["patients"][1]["timeline"][3]["description"] = "Reviewed by Dr Smith."  # dropped
    data["patients"][1]["findings"][0]["description"] = "Seen by Dr Smith."  # kept
    doc = document_as_of(document(data), 1, "days")
    (trimmed,) = [f for f in lint_document(doc) if f.code == "CK602"]
    (whole,) = [f for f in lint_data(data) if f.json_path_text == trimmed.json_path_text]
    assert len([f for f in lint_data(data) if f.code == "CK602"]) == 2
    assert trimmed.json_path_text == "$.patients[1].findings[0].description"
    assert (trimmed.line, trimmed.column) == (whole.line, whole.column)


def test_as_of_drops_a_procedure_whose_own_time_is_later() -> None:
    data = base_case()
    data["timeline"][1]["links"].remove("ts1")
    data["tissue_samples"][0]["time"] = {"days": 3}
    doc = document_as_of(document(data), 1, "days")
    assert doc.data.get("tissue_samples") == []
    assert "ts1" not in doc.data["diagnoses"][1].get("confirmed_by", [])
