"""``casekit export --to phenopacket`` as a user runs it, checked with the Phenopacket
bindings and against the facts of the case."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import json_format
from phenopackets.schema.v2 import phenopackets_pb2
from phenopackets.schema.v2.core import individual_pb2

from casekit import codes

FOUNDING = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"
SERIES = Path(__file__).resolve().parents[2] / "cases" / "synthetic-cno-series.json"
#: A calendar date or time of day, as ISO 8601 writes one.
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|T\d{2}:\d{2}")


def _parse(text: str) -> phenopackets_pb2.Phenopacket:
    return json_format.Parse(text, phenopackets_pb2.Phenopacket(), ignore_unknown_fields=False)


@pytest.fixture(scope="module")
def founding() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FOUNDING.read_text(encoding="utf-8"))
    return data


def test_the_founding_case_exports_a_phenopacket_the_bindings_parse(
    cli: Callable[..., Any], tmp_path: Path, founding: dict[str, Any]
) -> None:
    out = tmp_path / "crmo.json"
    result = cli("export", str(FOUNDING), "--to", "phenopacket", "-o", str(out))
    assert result.code == 0, result.err
    assert f"wrote {out}" in result.err
    packet = _parse(out.read_text(encoding="utf-8"))
    assert packet.id == "crmo-not-crmo"
    assert packet.subject.sex == individual_pb2.Sex.Value("FEMALE")
    features = {f.type.id for f in packet.phenotypic_features}
    assert {"HP:0031955", "HP:0003419", "HP:0002953", "HP:0000980"} <= features
    assert [d.term.id for d in packet.diseases] == ["ICD10:C91.0"]
    assert packet.biosamples[0].histological_diagnosis.id == "ICD10:C91.0"
    assert len(packet.measurements) == 7
    prefixes = {r.namespace_prefix: r.version for r in packet.meta_data.resources}
    assert prefixes["HP"] == "2025-01-16"
    assert {"HP", "ICD10", "LOINC", "UCUM", "SNOMEDCT"} <= set(prefixes)
    assert [r.id for r in packet.meta_data.external_references] == [
        "DOI:10.1186/1546-0096-6-S1-P190"
    ]


def test_no_calendar_date_of_the_patient_is_written(
    cli: Callable[..., Any], founding: dict[str, Any]
) -> None:
    result = cli("export", str(FOUNDING))
    assert result.code == 0
    packet = json.loads(result.out)
    # what is about the file, not the patient: when it was made, the code lists' releases
    created = packet["metaData"].pop("created")
    assert _DATE.search(created)
    for resource in packet["metaData"]["resources"]:
        resource.pop("version")
    assert not _DATE.search(json.dumps(packet)), "a calendar date leaked into the phenopacket"
    assert "dateOfBirth" not in packet["subject"]
    assert packet["subject"]["timeAtLastEncounter"] == {"age": {"iso8601duration": "P3Y6M"}}


def test_round_trip_the_facts_of_the_case_survive(
    cli: Callable[..., Any], founding: dict[str, Any]
) -> None:
    result = cli("export", str(FOUNDING))
    packet = json_format.MessageToDict(_parse(result.out))
    # every HPO term on a finding or study, once, with every item's words
    expected: dict[str, list[str]] = {}
    for c in codes.coded(founding):
        if c.system == "HPO":
            expected.setdefault(c.code, []).append(c.words)
    got = {
        f["type"]["id"]: f.get("description", "").split("; ") for f in packet["phenotypicFeatures"]
    }
    assert got == expected
    assert not any(f.get("excluded") for f in packet["phenotypicFeatures"])
    # a term seen twice keeps its earliest onset: the ankle swelling at presentation
    swelling = next(f for f in packet["phenotypicFeatures"] if f["type"]["id"] == "HP:0001785")
    assert swelling["onset"] == {"age": {"iso8601duration": "P3Y"}}
    # every LOINC-coded laboratory value with its unit, in the order of the case
    labs = founding["investigations"]["laboratory"]
    measured = [
        (m["assay"]["id"], m["value"]["quantity"]["value"], m["value"]["quantity"]["unit"]["label"])
        for m in packet["measurements"]
    ]
    assert measured == [
        (f"LOINC:{lab['codes'][0]['code']}", lab["value"], lab["unit"]) for lab in labs
    ]
    # the ESR was reported only as a bound, and the phenopacket says so
    assert "> 60 mm/h" in packet["measurements"][0]["description"]
    # features seen at presentation have the age at presentation as onset
    limp = packet["phenotypicFeatures"][0]
    assert limp["onset"] == {"age": {"iso8601duration": "P3Y"}}


def _coded_series() -> dict[str, Any]:
    """The synthetic series with an HPO code on each finding and the final diagnoses coded."""
    data: dict[str, Any] = copy.deepcopy(json.loads(SERIES.read_text(encoding="utf-8")))
    for patient in data["patients"]:
        patient["findings"][0]["codes"] = [
            {"system": "HPO", "code": "HP:0002653", "label": "Bone pain"}
        ]
        for dx in patient["diagnoses"]:
            if dx["role"] == "final":
                dx["codes"] = [
                    {
                        "system": "ORPHA",
                        "code": "ORPHA:324964",
                        "label": "Chronic nonbacterial osteomyelitis",
                    }
                ]
    return data


def test_a_series_gives_one_phenopacket_per_patient(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    case = tmp_path / "synthetic-cno-series.json"
    data = _coded_series()
    case.write_text(json.dumps(data), encoding="utf-8")
    folder = tmp_path / "packets"
    result = cli("export", str(case), "-o", str(folder))
    assert result.code == 0, result.err
    written = sorted(folder.glob("*.json"))
    assert [p.name for p in written] == [
        f"synthetic-cno-series-{patient['id']}.json" for patient in data["patients"]
    ]
    for path, patient in zip(written, data["patients"], strict=True):
        packet = _parse(path.read_text(encoding="utf-8"))
        assert packet.subject.id == patient["id"]
        assert [f.type.id for f in packet.phenotypic_features] == ["HP:0002653"]
        assert "ORPHA:324964" in [d.term.id for d in packet.diseases]
    on_screen = cli("export", str(case))
    assert len(json.loads(on_screen.out)) == len(data["patients"])


def test_a_series_refuses_a_single_output_file(cli: Callable[..., Any], tmp_path: Path) -> None:
    case = tmp_path / "synthetic-cno-series.json"
    case.write_text(json.dumps(_coded_series()), encoding="utf-8")
    result = cli("export", str(case), "-o", str(tmp_path / "one.json"))
    assert result.code == 2
    assert "one phenopacket per patient" in result.err


def test_a_case_without_codes_is_told_what_to_add(cli: Callable[..., Any], repo: Path) -> None:
    result = cli("export", str(repo / "cases" / "synthetic-cno-series.json"))
    assert result.code == 1
    assert result.out == ""
    assert "too few codes" in result.err
    assert "Patient 2: no finding has an HPO code" in result.err
    assert "casekit codes suggest" in result.err


def test_an_invalid_case_is_not_exported(cli: Callable[..., Any], tmp_path: Path) -> None:
    case = tmp_path / "broken.json"
    case.write_text('{"schema_version": 2, "id": "broken"}', encoding="utf-8")
    result = cli("export", str(case))
    assert result.code == 1
    assert "fix these errors" in result.err


def test_source_date_epoch_makes_the_export_reproducible(
    cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first, second = cli("export", str(FOUNDING)), cli("export", str(FOUNDING))
    assert first.out == second.out
    assert json.loads(first.out)["metaData"]["created"] == "2026-01-01T00:00:00Z"


def test_an_excluded_feature_is_exported_as_excluded_without_onset(
    cli: Callable[..., Any], tmp_path: Path, founding: dict[str, Any]
) -> None:
    data = copy.deepcopy(founding)
    data["findings"][0]["codes"].append(
        {"system": "HPO", "code": "HP:0001945", "label": "Fever", "excluded": True}
    )
    case = tmp_path / "crmo-not-crmo.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    result = cli("export", str(case))
    assert result.code == 0, result.err
    fever = [
        f for f in json.loads(result.out)["phenotypicFeatures"] if f["type"]["id"] == "HP:0001945"
    ]
    assert fever == [
        {"type": {"id": "HP:0001945", "label": "Fever"}, "description": "Limp", "excluded": True}
    ]
