"""Case format version 2: every new value is accepted, every new bound is enforced, and the
old and new mistakes are explained in plain words (``casekit validate`` as a user sees it)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from casekit.loader import parse_text
from casekit.model import PER_PATIENT_KEYS
from casekit.resources import case_schema, frozen_schema, readable_versions, schema_version
from casekit.validate import validate_document

REPO = Path(__file__).resolve().parents[2]
BASE = json.loads((REPO / "tests" / "lint" / "base_case.json").read_text(encoding="utf-8"))


def series(count: int = 2) -> dict[str, Any]:
    """The lint base case as a series of ``count`` copies of its patient (ids suffixed)."""
    own = json.dumps({k: BASE[k] for k in PER_PATIENT_KEYS if k in BASE})
    ids = [
        "e1",
        "e2",
        "e3",
        "e4",
        "f1",
        "lab1",
        "lab2",
        "img1",
        "film1",
        "ts1",
        "dx1",
        "dx2",
        "rx1",
    ]
    patients = []
    for n in range(1, count + 1):
        text = own
        for old in ids:
            text = text.replace(f'"{old}"', f'"{old}-{n}"')
        patients.append({"id": f"p{n}", **json.loads(text)})
    shared = {k: v for k, v in BASE.items() if k not in PER_PATIENT_KEYS}
    return {**shared, "patients": patients}


def findings(data: Any) -> list[tuple[str, str, str, str]]:
    """(code, JSON path, message, hint) of what validation finds in ``data``."""
    doc = parse_text(Path("base-case.json"), json.dumps(data, indent=2, ensure_ascii=False))
    return [(f.code, f.json_path_text, f.message, f.hint) for f in validate_document(doc)]


def errors(data: Any) -> list[tuple[str, str, str, str]]:
    return [f for f in findings(data) if f[0] not in ("CK020",)]


def changed(data: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    *parents, last = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    node: Any = out
    for part in parents:
        node = node[part]
    node[last] = value
    return out


def test_the_current_version_is_2_and_1_is_still_read() -> None:
    assert schema_version() == 2
    assert readable_versions() == [1, 2]
    assert frozen_schema(1)["properties"]["schema_version"] == {
        "title": "Schema version",
        "description": "The version of the casekit case format this file follows. 'casekit"
        " migrate' upgrades older files.",
        "const": 1,
    }


def test_a_single_patient_case_is_written_as_before() -> None:
    assert findings(BASE) == []
    assert findings(series(2)) == []
    assert findings(series(200)) == []


# --- new values, each accepted ----------------------------------------------------------------

NEW_VALUES = [
    ("consent.status", "not-reported"),
    ("diagnoses.1.certainty", "not-reported"),
    ("diagnoses.1.basis", ["not-reported"]),
    ("differential.0.status", "not-reported"),
    ("authors.0.role", "curator"),
    ("authors.0.role", "author"),
    ("patient.age", {"years": 7, "months": 4}),
    ("patient.age", {"months": 18}),
    ("patient.age", {"weeks": 3, "days": 2}),
    ("patient.age", {"years": 90}),
    ("patient.age", {"years": 40, "approximate": True}),
    ("timeline.0.time", {"hours": 0}),
    ("timeline.3.time", {"weeks": 6, "approximate": True}),
    ("timeline.0.time", {"years": 1, "months": 2, "before": True}),
    ("tissue_samples.0.time", {"hours": 6}),
    ("tissue_samples.0.event", "e2"),
    ("interventions.0.time", {"value": 8, "unit": "hours"}),
    ("interventions.0.event", "e3"),
    ("interventions.0.until", {"weeks": 4}),
    ("investigations.imaging.0.time", {"days": 0}),
    ("investigations.imaging.0.event", "e1"),
    ("investigations.other.0.time", {"hours": 6}),
    ("investigations.other.0.event", "e2"),
    ("investigations.imaging.0.modality_other", "thermography"),
] + [
    ("investigations.imaging.0.modality", value)
    for value in case_schema()["$defs"]["imaging"]["properties"]["modality"]["enum"]
]


@pytest.mark.parametrize(("where", "value"), NEW_VALUES, ids=[f"{w}={v}" for w, v in NEW_VALUES])
def test_each_new_value_is_accepted(where: str, value: Any) -> None:
    assert errors(changed(BASE, where, value)) == []


def test_every_version_1_value_stays_valid() -> None:
    old, new = frozen_schema(1)["$defs"], case_schema()["$defs"]
    enums = [
        ("imaging", "modality"),
        ("consent", "status"),
        ("diagnosis", "certainty"),
        ("differential_item", "status"),
        ("tissue_sample", "status"),
        ("age", "unit"),
        ("duration", "unit"),
    ]
    for definition, field in enums:
        before = set(old[definition]["properties"][field]["enum"])
        assert before <= set(new[definition]["properties"][field]["enum"]), definition
    assert set(old["diagnosis"]["properties"]["basis"]["items"]["enum"]) <= set(
        new["diagnosis"]["properties"]["basis"]["items"]["enum"]
    )


def test_authors_are_optional_only_for_a_curated_case() -> None:
    curated = {**BASE, "source": {"kind": "published-literature", "reference": "ref1"}}
    curated["consent"] = {"status": "original-publication"}
    del curated["authors"]
    assert errors(curated) == []
    own = {k: v for k, v in BASE.items() if k != "authors"}
    ((code, path, message, hint),) = errors(own)
    assert (code, path) == ("CK011", "$")
    assert message == "The required field 'authors' (Authors) is missing."
    assert "Optional for a case curated from the published literature" in hint


# --- new bounds, each enforced at its edge ------------------------------------------------------

BOUNDS = [
    ("patient.age", "years", 90, 91),
    ("patient.age", "months", 1080, 1081),
    ("patient.age", "weeks", 4700, 4701),
    ("patient.age", "days", 33000, 33001),
    ("timeline.0.time", "years", 150, 151),
    ("timeline.0.time", "months", 1800, 1801),
    ("timeline.0.time", "weeks", 7800, 7801),
    ("timeline.0.time", "days", 55000, 55001),
    ("timeline.0.time", "hours", 1320000, 1320001),
]


@pytest.mark.parametrize(("where", "part", "largest", "beyond"), BOUNDS)
def test_parts_of_a_time_have_bounds(where: str, part: str, largest: int, beyond: int) -> None:
    allowed = errors(changed(BASE, where, {part: largest}))
    assert [f for f in allowed if f[0] == "CK011"] == []
    ((code, path, message, _),) = errors(changed(BASE, where, {part: beyond}))
    assert code == "CK011" and path.endswith(f".{part}")
    assert f"the largest allowed is {largest}" in message
    ((code, _, message, _),) = errors(changed(BASE, where, {part: -1}))
    assert code == "CK011"
    assert "negative" in message if where != "patient.age" else "smallest allowed is 0" in message


def test_a_part_must_be_a_whole_number() -> None:
    ((code, path, message, _),) = errors(changed(BASE, "timeline.0.time", {"months": 2.5}))
    assert (code, path) == ("CK011", "$.timeline[0].time.months")
    assert "whole number" in message


def test_a_negative_part_is_explained_with_before() -> None:
    ((_, _, message, hint),) = errors(changed(BASE, "timeline.0.time", {"months": -2}))
    assert "negative" in message
    assert '"before": true' in hint


def test_a_series_has_between_2_and_200_patients() -> None:
    ((code, path, message, hint),) = errors({**series(2), "patients": series(2)["patients"][:1]})
    assert (code, path) == ("CK011", "$.patients")
    assert message == "A case series needs at least 2 patients; this one has 1."
    assert "A case about one patient has no 'patients' list" in hint
    ((code, path, message, _),) = errors(series(201))
    assert (code, path) == ("CK011", "$.patients")
    assert "201 entries; at most 200" in message


@pytest.mark.parametrize(
    ("where", "longest"),
    [("patients.0.label", 40), ("investigations.imaging.0.modality_other", 100)],
)
def test_new_text_fields_have_a_length_bound(where: str, longest: int) -> None:
    data = series(2) if where.startswith("patients") else BASE
    assert errors(changed(data, where, "x" * longest)) == []
    ((code, _, message, _),) = errors(changed(data, where, "x" * (longest + 1)))
    assert code == "CK011" and f"at most {longest} allowed" in message


def test_an_age_in_parts_over_90_years_is_refused() -> None:
    ((code, path, message, hint),) = errors(changed(BASE, "patient.age", {"years": 90, "days": 1}))
    assert (code, path) == ("CK022", "$.patient.age")
    assert "over 90 years" in message and '"value": 90' in hint


# --- the new shapes, explained -------------------------------------------------------------------


@pytest.mark.parametrize("field", PER_PATIENT_KEYS)
def test_a_series_cannot_also_have_top_level_patient_fields(field: str) -> None:
    data = series(2)
    data[field] = BASE.get(field, {"status": "obtained"})
    ((code, path, message, hint),) = errors(data)
    assert (code, path) == ("CK011", f"$.{field}")
    assert message == (
        f"This case is a series ('patients'), so '{field}' belongs inside each patient's entry,"
        " not at the top level."
    )
    assert f"patients[N].{field}" in hint


def test_a_single_patient_case_still_needs_its_patient_fields() -> None:
    for field in ("patient", "timeline", "diagnoses", "consent"):
        data = {k: v for k, v in BASE.items() if k != field}
        ((code, path, message, _),) = errors(data)
        assert (code, path) == ("CK011", "$")
        assert message.startswith(f"The required field '{field}'")


def test_each_patient_of_a_series_needs_its_own_fields() -> None:
    data = series(2)
    del data["patients"][1]["consent"]
    ((code, path, message, _),) = errors(data)
    assert (code, path) == ("CK011", "$.patients[1]")
    assert message == "The required field 'consent' (Informed consent) is missing."


def test_a_time_given_both_ways_is_explained() -> None:
    mixed = {"value": 2, "unit": "weeks", "days": 3}
    ((code, path, message, hint),) = errors(changed(BASE, "timeline.1.time", mixed))
    assert (code, path) == ("CK011", "$.timeline[1].time.days")
    assert message == "'days' cannot be used together with 'value' and 'unit' here."
    assert "either as value and unit or in parts" in hint


def test_a_value_without_its_unit_is_explained() -> None:
    ((code, path, message, _),) = errors(changed(BASE, "timeline.1.time", {"value": 2}))
    assert (code, path) == ("CK011", "$.timeline[1].time")
    assert message == "The field 'unit' (Unit) is missing: it goes with 'value'."


def test_a_time_with_no_amount_is_explained() -> None:
    ((_, _, message, _),) = errors(changed(BASE, "timeline.1.time", {"approximate": True}))
    assert message.startswith("Time from presentation needs at least one of 'value' (Amount)")


def test_before_belongs_to_the_form_in_parts() -> None:
    value_form = {"value": 2, "unit": "weeks", "before": True}
    ((_, path, message, _),) = errors(changed(BASE, "timeline.1.time", value_form))
    assert path == "$.timeline[1].time.before"
    assert "'before' cannot be used together with 'value' and 'unit'" in message


def test_not_reported_stands_alone_in_a_basis() -> None:
    mixed = ["not-reported", "clinical"]
    ((code, path, message, _),) = errors(changed(BASE, "diagnoses.1.basis", mixed))
    assert (code, path) == ("CK011", "$.diagnoses[1].basis")
    assert message == "Basis: 'not-reported' cannot stand beside other values."


def test_ids_are_unique_across_a_series_and_links_stay_with_their_patient() -> None:
    data = series(2)
    data["patients"][1]["findings"][0]["id"] = "f1-1"
    ((code, path, message, hint),) = [f for f in errors(data) if f[0] == "CK014"]
    assert (code, path) == ("CK014", "$.patients[1].findings[0].id")
    assert "unique across the whole series" in hint
    data = series(2)
    data["patients"][0]["timeline"][0]["links"].append("f1-2")
    ((code, path, message, hint),) = errors(data)
    assert (code, path) == ("CK013", "$.patients[0].timeline[0].links[4]")
    assert "belongs to Patient 2; links stay within one patient" in message
    assert "Did you mean 'f1-1'?" in hint


def test_an_item_event_must_be_a_timeline_event_of_the_same_patient() -> None:
    data = series(2)
    data["patients"][0]["tissue_samples"][0]["event"] = "e2-2"
    ((code, path, message, _),) = errors(data)
    assert (code, path) == ("CK013", "$.patients[0].tissue_samples[0].event")
    assert "the timeline of Patient 1 has no event with that id" in message


def test_a_version_1_file_is_read_with_a_warning() -> None:
    old = {**BASE, "schema_version": 1}
    ((code, path, message, hint),) = findings(old)
    assert (code, path) == ("CK020", "$.schema_version")
    assert "version 1 of the case format; the current version is 2" in message
    assert "casekit migrate" in hint and "until format version 3" in hint


@pytest.mark.parametrize(
    ("where", "value", "shown"),
    [
        ("patient.age", {"years": 3}, "$.patient.age"),
        ("consent.status", "not-reported", "$.consent.status"),
        ("investigations.imaging.0.modality", "echocardiography", "$.investigations.imaging[0]"),
        ("tissue_samples.0.event", "e2", "$.tissue_samples[0]"),
    ],
)
def test_a_version_1_file_using_version_2_fields_is_an_error(
    where: str, value: Any, shown: str
) -> None:
    old = changed({**BASE, "schema_version": 1}, where, value)
    ((code, path, message, hint),) = findings(old)
    assert (code, path) == ("CK021", "$.schema_version")
    assert f"what it holds at {shown}" in message
    assert "casekit migrate" in hint


def test_a_version_1_series_or_author_less_case_is_an_error() -> None:
    ((code, _, message, _),) = findings({**series(2), "schema_version": 1})
    assert code == "CK021" and "what it holds at $.patients is only allowed from" in message
    curated = {**BASE, "schema_version": 1, "consent": {"status": "original-publication"}}
    curated["source"] = {"kind": "published-literature", "reference": "ref1"}
    del curated["authors"]
    ((code, _, message, _),) = findings(curated)
    assert code == "CK021" and "it has no $.authors, which version 1 requires" in message


def test_a_version_1_file_still_validates_and_lints(cli, tmp_path: Path) -> None:
    path = tmp_path / "base-case.json"
    old = {**BASE, "schema_version": 1}
    old["patient"] = {k: v for k, v in BASE["patient"].items() if "history" not in k}
    path.write_text(json.dumps(old, indent=2), encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 0
    assert "CK020 (warning) The case is written in version 1" in result.out
    result = cli("lint", str(path))
    assert result.code == 0
    assert "CK020" in result.out and "CK104" in result.out  # the rules still run
    old["patient"]["age"] = {"years": 7}
    path.write_text(json.dumps(old, indent=2), encoding="utf-8")
    result = cli("lint", str(path))
    assert result.code == 1
    assert "CK021" in result.out and "CK104" not in result.out
