"""casekit.model: patients, what a series is as a whole, credits and procedures in time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casekit import model

REPO = Path(__file__).resolve().parents[2]


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPO / "cases" / name).read_text(encoding="utf-8"))
    return data


SERIES = load("synthetic-cno-series.json")
SINGLE = load("synthetic-septic-arthritis-hip.json")
CURATED = load("crmo-not-crmo.json")


def test_a_single_patient_case_is_one_view_of_itself() -> None:
    (view,) = model.patient_views(SINGLE)
    assert view.prefix == () and view.data is SINGLE and view.label == "The patient"
    assert view.case_path(("timeline", 0)) == ("timeline", 0)
    assert not model.is_series(SINGLE) and model.patient_count(SINGLE) == 1


def test_a_series_is_one_view_per_patient_with_the_shared_fields() -> None:
    views = model.patient_views(SERIES)
    assert [v.prefix for v in views] == [("patients", 0), ("patients", 1), ("patients", 2)]
    assert [v.label for v in views] == ["Patient 1", "Patient 2", "Patient 3"]
    assert [v.patient_id for v in views] == ["p1", "p2", "p3"]
    second = views[1]
    assert second.data["title"] == SERIES["title"]
    assert second.data["timeline"] is SERIES["patients"][1]["timeline"]
    assert "patients" not in second.data and "id" in second.data
    assert second.data["id"] == SERIES["id"]  # the case's id, not the patient's
    # the patient's own fields stand where 'patients' stands in the file
    keys = list(second.data)
    assert keys.index("introduction") < keys.index("timeline") < keys.index("discussion")
    assert second.case_path(("timeline", 2, "links")) == ("patients", 1, "timeline", 2, "links")
    assert second.case_path(("title",)) == ("title",)
    assert second.position == 1


def test_a_patient_without_a_label_is_numbered_in_file_order() -> None:
    data = json.loads(json.dumps(SERIES))
    del data["patients"][2]["label"]
    data["patients"][0]["label"] = "  Case  A "
    assert [v.label for v in model.patient_views(data)] == ["Case A", "Patient 2", "Patient 3"]


def test_series_summary_is_derived_from_the_patients() -> None:
    summary = model.series_summary(SERIES)
    assert summary.count == 3
    assert summary.sexes == ("female", "male", "female")
    assert summary.sex_counts == {"female": 2, "male": 1}
    assert summary.youngest == {"years": 6, "months": 9}
    assert summary.oldest == {"value": 11, "unit": "years"}
    assert summary.age_range == "6 years 9 months to 11 years"


def test_age_ranges_read_as_clinicians_write_them() -> None:
    def summary(*ages: dict[str, Any]) -> model.SeriesSummary:
        return model.SeriesSummary(len(ages), ages, ("female",) * len(ages), min(ages, key=_d),
                                   max(ages, key=_d))  # fmt: skip

    def _d(age: dict[str, Any]) -> float:
        from casekit.durations import to_days

        return to_days(age)

    two_ten = summary({"value": 2, "unit": "years"}, {"value": 10, "unit": "years"})
    assert two_ten.age_range == "2 to 10 years"
    mixed = summary({"value": 18, "unit": "months"}, {"value": 4, "unit": "years"})
    assert mixed.age_range == "18 months to 4 years"
    same = summary({"years": 3}, {"value": 36, "unit": "months"})
    assert same.age_range == "3 years"
    assert model.SeriesSummary(2, (None, None), ("male", "male"), None, None).age_range == ""


def test_a_single_patient_is_a_series_of_one() -> None:
    summary = model.series_summary(SINGLE)
    assert (summary.count, summary.sexes, summary.age_range) == (1, ("male",), "6 years")


def test_consents_and_diagnoses_of_every_patient() -> None:
    consents = model.consents(SERIES)
    assert [c["status"] for _, c in consents] == ["not-applicable"] * 3
    paths = [path for path, _ in model.diagnoses(SERIES)]
    assert paths[:2] == [("patients", 0, "diagnoses", 0), ("patients", 0, "diagnoses", 1)]
    assert len(paths) == 6


def test_a_curated_case_credits_the_authors_of_its_source() -> None:
    assert model.is_curated(CURATED)
    assert [c.name for c in model.credited_authors(CURATED)] == ["A. McMahon", "C. Pilkington"]
    data = json.loads(json.dumps(CURATED))
    data["authors"] = [{"name": "Cura Tor", "role": "curator", "affiliations": ["A library"]}]
    assert [c.name for c in model.credited_authors(data)] == ["A. McMahon", "C. Pilkington"]
    assert model.curators(data) == [model.Credit("Cura Tor", ("A library",))]
    for ref in data["references"]:
        ref.pop("author", None)
    data["authors"].append({"name": "Orig Inal"})
    assert [c.name for c in model.credited_authors(data)] == ["Orig Inal"]
    data["authors"] = data["authors"][:1]
    assert model.credited_authors(data) == []


def test_an_own_case_credits_its_authors_but_not_its_curators() -> None:
    credits = model.credited_authors(SINGLE)
    assert [c.name for c in credits] == ["Example Author", "Second Example"]
    assert credits[0].corresponding and credits[0].orcid == "0000-0002-1825-0097"
    assert credits[1].affiliations == (
        "Department of Paediatrics, Example Teaching Hospital",
        "Example Medical School",
    )


def test_csl_names() -> None:
    assert model.csl_name({"family": "McMahon", "given": "A."}) == "A. McMahon"
    assert model.csl_name({"literal": "The  Study Group"}) == "The Study Group"
    assert model.csl_name({"family": "Solo"}) == "Solo"
    assert model.csl_name("not a name") == ""


def test_procedures_are_placed_in_time_by_their_own_time_their_event_or_a_link() -> None:
    patient = model.patient_views(SERIES)[0].data
    placed = {p.item["id"]: p for p in model.placed_items(patient)}
    assert placed["p1-ts-bone"].how == "event"
    assert placed["p1-ts-bone"].time == {"weeks": 3}
    assert placed["p1-rx-nsaid"].how == "own time"
    assert placed["p1-rx-nsaid"].until == {"months": 6}
    assert placed["p1-img-xray"].how == "linked"
    assert placed["p1-img-xray"].event_id == "p1-presentation"
    assert placed["p1-ts-bone"].path == ("tissue_samples", 0)
    days = [p.days for p in model.placed_items(patient)]
    assert days == sorted(days)  # in time order
    assert model.time_of(patient, "p1-img-wbmri") == {"weeks": 2}
    assert model.time_of(patient, "nothing") is None


def test_an_item_placed_in_no_way_comes_last() -> None:
    data = json.loads(json.dumps(SINGLE))
    data["timeline"][1]["links"].remove("t-aspirate")
    placed = model.placed_items(data)
    assert placed[-1].item["id"] == "t-aspirate"
    assert (placed[-1].how, placed[-1].time, placed[-1].days) == ("unplaced", None, None)


def test_modality_names() -> None:
    assert model.modality_name({"modality": "pet-mri"}) == "PET-MRI"
    assert model.modality_name({"modality": "other", "modality_other": " thermo  graphy"}) == (
        "thermo graphy"
    )
    assert model.modality_name({"modality": "other"}) == "Other imaging"
    assert model.modalities()["echocardiography"]["dicom"] == ["US"]


def test_the_modality_list_and_the_schema_agree() -> None:
    from casekit.resources import case_schema

    enum = case_schema()["$defs"]["imaging"]["properties"]["modality"]["enum"]
    assert sorted(model.modalities()) == sorted(enum)
    assert all(entry["label"] and entry["dicom"] for entry in model.modalities().values())


def test_damaged_data_reads_as_absent() -> None:
    damaged: dict[str, Any] = {"patients": ["not an entry", {"patient": "not an object"}]}
    (view,) = model.patient_views(damaged)
    assert view.prefix == ("patients", 1)
    summary = model.series_summary(damaged)
    assert (summary.count, summary.sexes, summary.ages) == (1, ("not-stated",), (None,))
    assert model.placed_items({"timeline": "x", "tissue_samples": [1, {"id": "a"}]})[0].how == (
        "unplaced"
    )
    assert model.credited_authors({"authors": [{"name": 3}, "x"]}) == []
