"""The publication gate decides case by case, and says why a case is left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casefactory import synthetic_case, write_case

from casekit.site.gate import gate, make_linter

TODAY = date(2026, 6, 1)


def _gate_one(tmp_path: Path, **changes: object) -> tuple[list[str], list[str]]:
    data = synthetic_case("synthetic-gate-case", **changes)
    path = write_case(tmp_path, data)
    result = gate([path], today=TODAY)
    return [d.data["id"] for d in result.published], [s.message() for s in result.skipped]


def test_a_published_case_with_consent_passes(tmp_path: Path) -> None:
    published, skipped = _gate_one(tmp_path)
    assert published == ["synthetic-gate-case"]
    assert skipped == []


def test_a_draft_is_left_out_with_its_name_and_status(tmp_path: Path) -> None:
    published, skipped = _gate_one(tmp_path, status="draft")
    assert published == []
    assert "synthetic-gate-case" in skipped[0]
    assert "'draft'" in skipped[0]


def test_an_embargo_holds_until_its_day(tmp_path: Path) -> None:
    _, skipped = _gate_one(tmp_path, embargo_until="2026-06-02")
    assert "embargo until 2026-06-02" in skipped[0]
    published, _ = _gate_one(tmp_path, embargo_until="2026-06-01")
    assert published == ["synthetic-gate-case"]


def test_consent_must_be_obtained(tmp_path: Path) -> None:
    _, skipped = _gate_one(tmp_path, consent={"status": "pending"})
    assert "consent" in skipped[0]
    assert "'pending'" in skipped[0]


def test_original_publication_needs_a_curated_source(tmp_path: Path) -> None:
    _, skipped = _gate_one(tmp_path, consent={"status": "original-publication"})
    assert "published-literature" in skipped[0]


def test_the_founding_case_is_curated_from_the_literature_and_passes() -> None:
    founding = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"
    result = gate([founding], today=TODAY)
    assert [d.data["id"] for d in result.published] == ["crmo-not-crmo"]


def test_a_case_with_errors_is_left_out(tmp_path: Path) -> None:
    published, skipped = _gate_one(tmp_path, patient={"age": {"value": 6, "unit": "years"}})
    assert published == []
    assert "error" in skipped[0]
    assert "casekit lint" in skipped[0]


def test_an_unreadable_file_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "synthetic-broken.json"
    path.write_text("{ not json", encoding="utf-8")
    result = gate([path], today=TODAY)
    assert result.published == []
    assert "synthetic-broken" in result.skipped[0].message()


def test_a_suppressed_privacy_error_still_keeps_a_case_off_the_site(tmp_path: Path) -> None:
    data = synthetic_case("synthetic-suppressed-email")
    data["patient"]["history"] = "Family contact: someone@example.org."
    data["lint"] = {
        "suppress": [
            {"code": code, "reason": "Synthetic test: trying to publish it anyway."}
            for code in ("CK601", "CK602", "CK603", "CK604", "CK605", "CK606", "CK607")
        ]
    }
    path = write_case(tmp_path, data)
    result = gate([path], today=date(2026, 6, 1), linter=make_linter(tmp_path))
    assert result.published == []
    (skipped,) = result.skipped
    assert "CK6" in skipped.reason


def test_consent_not_applicable_only_for_an_invented_patient(tmp_path: Path) -> None:
    invented = synthetic_case("synthetic-invented")
    invented["source"] = {"kind": "synthetic"}
    invented["consent"] = {"status": "not-applicable"}
    real = synthetic_case("synthetic-claims-real")
    real["source"] = {"kind": "own-patient"}
    real["consent"] = {"status": "not-applicable"}
    paths = [write_case(tmp_path, invented), write_case(tmp_path, real)]
    result = gate(paths, today=date(2026, 6, 1))
    assert [doc.data["id"] for doc in result.published] == ["synthetic-invented"]
    (skipped,) = result.skipped
    assert skipped.case_id == "synthetic-claims-real"
    assert "only an invented patient" in skipped.reason


def test_a_judged_case_travels_between_processes_without_what_lint_prepared(
    tmp_path: Path,
) -> None:
    # the gate's two runs of rules share what lint prepared from the case; a published
    # case goes back from a worker to the build without it
    import pickle

    path = write_case(tmp_path, synthetic_case("synthetic-travels"))
    (doc,) = gate([path], today=date(2026, 6, 1)).published
    assert doc.lint_views is not None
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.lint_views is None and copy.data == doc.data
