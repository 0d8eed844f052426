"""A case series on the site: one entry that knows its patients, facets that cover every
patient, every patient's consent checked before anything is published."""

from __future__ import annotations

import copy
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from casefactory import REPO, build_site, synthetic_case, write_case

from casekit.cli import main
from casekit.site.catalog import CASE_SERIES, SINGLE_PATIENT, entry
from casekit.site.gate import consent_reason, gate

SERIES: dict[str, Any] = json.loads(
    (REPO / "cases" / "synthetic-cno-series.json").read_text(encoding="utf-8")
)
TODAY = date(2026, 6, 1)


def series(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(SERIES)
    data.pop("$schema", None)
    data.update(changes)
    return data


def test_a_series_is_one_entry_that_knows_its_patients() -> None:
    item = entry(SERIES)
    assert item.patients == 3
    assert item.series_note == "Case series of 3 patients"
    assert item.age_group == "Child (2-11 years)"
    assert item.sex == "Female; Male"
    assert item.final_diagnosis == "Chronic non-bacterial osteomyelitis"
    tags = {(t.kind, t.label) for t in item.tags}
    assert ("patients", CASE_SERIES) in tags
    assert {("sex", "Female"), ("sex", "Male"), ("age", "Child (2-11 years)")} <= tags
    complaints = {label for kind, label in tags if kind == "complaint"}
    assert len(complaints) == 3  # one for each patient


def test_the_age_facet_covers_every_patient() -> None:
    data = series()
    data["patients"][1]["patient"]["age"] = {"years": 15}
    data["patients"][2]["patient"]["age"] = {"months": 20}
    item = entry(data)
    assert item.age_group == (
        "Child (2-11 years); Adolescent (12-17 years); Infant or toddler (28 days-23 months)"
    )
    ages = {t.label for t in item.tags if t.kind == "age"}
    assert ages == {
        "Child (2-11 years)",
        "Adolescent (12-17 years)",
        "Infant or toddler (28 days-23 months)",
    }


def test_a_single_patient_case_is_tagged_as_one() -> None:
    item = entry(synthetic_case("synthetic-single"))
    assert (item.patients, item.series_note) == (1, "")
    assert ("patients", SINGLE_PATIENT) in {(t.kind, t.label) for t in item.tags}


def _gate_one(tmp_path: Path, data: dict[str, Any]) -> tuple[list[str], list[str]]:
    path = write_case(tmp_path, data)
    result = gate([path], today=TODAY)
    return [d.data["id"] for d in result.published], [s.message() for s in result.skipped]


def test_every_patient_of_a_series_needs_consent(tmp_path: Path) -> None:
    assert _gate_one(tmp_path, series()) == (["synthetic-cno-series"], [])
    data = series()
    for entry_ in data["patients"]:
        entry_["consent"] = {"status": "obtained", "statement": "Invented consent."}
    data["source"] = {"kind": "own-patient"}
    data["patients"][1]["consent"] = {"status": "pending"}
    published, (skipped,) = _gate_one(tmp_path, data)
    assert published == []
    assert "the consent of Patient 2 is 'pending'" in skipped


@pytest.mark.parametrize(
    ("source", "published"),
    [
        ({"kind": "published-literature", "reference": "mcmahon2008"}, True),
        ({"kind": "own-patient"}, False),
        ({"kind": "synthetic"}, False),
    ],
)
def test_consent_not_reported_is_published_only_for_a_curated_case(
    source: dict[str, str], published: bool
) -> None:
    data = synthetic_case("synthetic-gate", source=source)
    data["consent"] = {"status": "not-reported"}
    reason = consent_reason(data)
    assert (reason is None) == published
    if not published:
        assert reason is not None and "'not-reported'" in reason


def test_a_series_builds_and_what_may_not_be_published_stays_off(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    write_case(library, series())
    write_case(library, synthetic_case("synthetic-septic-hip"))
    held = series(id="synthetic-zqxseriesheld", source={"kind": "own-patient"})
    for entry_ in held["patients"]:
        entry_["consent"] = {"status": "obtained", "statement": "Invented consent."}
    held["patients"][2]["consent"] = {"status": "pending"}
    held["patients"][0]["patient"]["history"] = "Zqxseriesheld history."
    write_case(library, held)
    out, err = io.StringIO(), io.StringIO()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(build_site(library, tmp_path / "site"))
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    assert code == 0, err.getvalue()
    assert "2 case(s) published, 1 left out" in out.getvalue()
    assert "the consent of Patient 3 is 'pending'" in err.getvalue()
    site = tmp_path / "site"
    page = (site / "cases" / "synthetic-cno-series" / "index.html").read_text(encoding="utf-8")
    for label in ("Patient 1", "Patient 2", "Patient 3"):
        assert f"{label}: Chronic non-bacterial osteomyelitis" in page.replace("&#58;", ":")
    index = (site / "library" / "index.html").read_text(encoding="utf-8")
    assert "Case series of 3 patients" in index
    tag = site / "library" / "tags" / "patients" / "case-series" / "index.html"
    assert "synthetic-cno-series" in tag.read_text(encoding="utf-8")
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".txt", ".xml"):
            assert "zqxseriesheld" not in path.read_text(encoding="utf-8", errors="replace")
