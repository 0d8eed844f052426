"""``casekit new``: a skeleton that validates, refuses to overwrite, and optional questions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casekit.commands.new import ask_essentials, ask_patient


def test_new_writes_a_valid_skeleton_with_every_care_section(cli, tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    result = cli("new", "invented-case", "--dir", str(folder))
    assert result.code == 0, result.err
    path = folder / "invented-case.json"
    assert f"created {path}" in result.out
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["id"] == "invented-case" and case["status"] == "draft"
    for section in (
        "title", "keywords", "introduction", "patient", "timeline", "findings",
        "investigations", "diagnoses", "differential", "interventions", "outcome",
        "discussion", "learning_points", "patient_perspective", "consent", "references",
    ):  # fmt: skip
        assert section in case, section
    assert "TODO:" in case["introduction"]
    assert cli("validate", str(path)).code == 0
    assert cli("fmt", "--check", str(path)).code == 0


def test_new_points_editors_at_the_library_schema(cli, tmp_path: Path, repo: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "case.schema.json").write_text("{}", encoding="utf-8")
    assert cli("new", "invented-case", "--dir", str(tmp_path / "cases")).code == 0
    case = json.loads((tmp_path / "cases" / "invented-case.json").read_text(encoding="utf-8"))
    assert case["$schema"] == "../schema/case.schema.json"


def test_new_refuses_to_overwrite(cli, tmp_path: Path) -> None:
    path = tmp_path / "invented-case.json"
    path.write_text("keep me", encoding="utf-8")
    result = cli("new", "invented-case", "--dir", str(tmp_path))
    assert result.code == 1
    assert "already exists" in result.err
    assert path.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("slug", ["Bad Name", "ab", "double--hyphen", "trailing-"])
def test_new_rejects_names_that_cannot_be_case_ids(cli, tmp_path: Path, slug: str) -> None:
    result = cli("new", slug, "--dir", str(tmp_path))
    assert result.code == 2
    assert "cannot be used as a case name" in result.err
    assert list(tmp_path.iterdir()) == []


def test_interactive_needs_a_terminal(cli, tmp_path: Path) -> None:
    result = cli("new", "invented-case", "--dir", str(tmp_path), "--interactive")
    assert result.code == 2
    assert "needs a terminal" in result.err
    assert not (tmp_path / "invented-case.json").exists()


def test_questions_repeat_until_the_answer_can_be_used(capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["three years", "3 years", "robot", "female", "", "A limp.", "draft"])
    essentials = ask_essentials(lambda _prompt: next(answers))
    assert essentials.age == {"value": 3, "unit": "years"}
    assert essentials.sex == "female"
    assert essentials.presenting_complaint == "A limp."
    assert essentials.status == "draft"
    said = capsys.readouterr().out
    assert "an age from 0 to 90 years" in said and "Please answer one of" in said


def test_an_age_may_be_given_in_parts(capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["91 years", "2 years 8 hours", "2 years 8 months", "male", "A limp."])
    patient = ask_patient(lambda _prompt: next(answers))
    assert patient.age == {"years": 2, "months": 8}
    assert capsys.readouterr().out.count("Please give an age from 0 to 90 years") == 2


def test_new_series_writes_a_valid_skeleton_for_each_patient(cli, tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    result = cli("new", "invented-series", "--dir", str(folder), "--series", "3")
    assert result.code == 0, result.err
    path = folder / "invented-series.json"
    case = json.loads(path.read_text(encoding="utf-8"))
    assert [p["id"] for p in case["patients"]] == ["p1", "p2", "p3"]
    assert [p["label"] for p in case["patients"]] == ["Patient 1", "Patient 2", "Patient 3"]
    for section in ("patient", "timeline", "diagnoses", "consent", "timeline", "findings"):
        assert section not in case
        assert all(section in p for p in case["patients"])
    second = case["patients"][1]
    assert second["timeline"][0]["id"] == "p2-t-presentation"
    assert second["timeline"][0]["links"] == ["p2-f-main", "p2-dx-working"]
    assert "TODO:" in case["title"] and "series" in case["title"]
    assert cli("validate", str(path)).code == 0
    assert cli("fmt", "--check", str(path)).code == 0
    lint = cli("lint", str(path))
    assert lint.code == 0  # warnings only (TODO notes, consent pending in a draft)
    assert "Patient 3: Consent for publication is 'pending'" in lint.out


@pytest.mark.parametrize("count", ["1", "0", "201"])
def test_new_series_needs_2_to_200_patients(cli, tmp_path: Path, count: str) -> None:
    result = cli("new", "invented-series", "--dir", str(tmp_path), "--series", count)
    assert result.code == 2
    assert "from 2 to 200" in result.err
    assert list(tmp_path.iterdir()) == []
