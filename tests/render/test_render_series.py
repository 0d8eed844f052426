"""A case series renders to every output without losing a patient (the interim page: each
patient's facts, labelled; the abstract opens with the series and tells each patient)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casekit.render import render
from casekit.render.profiles import list_profiles

REPO = Path(__file__).resolve().parents[2]
SERIES_PATH = REPO / "cases" / "synthetic-cno-series.json"
SERIES: dict[str, Any] = json.loads(SERIES_PATH.read_text(encoding="utf-8"))
PROFILES = [p.name for p in list_profiles()]


@pytest.mark.parametrize("to", ["txt", "md", "html", "docx"])
@pytest.mark.parametrize("profile", PROFILES)
def test_a_series_renders_to_every_profile(
    profile: str, to: str, docx_text: Callable[[bytes], str]
) -> None:
    result = render(SERIES, "abstract", to=to, profile=profile)
    assert result.content
    assert result.report is not None and result.report.fits, result.report.problems()
    text = docx_text(result.content) if isinstance(result.content, bytes) else result.content
    opening = "Three children (two girls and one boy) aged 6 years 9 months to 11 years"
    assert opening in text.replace("&#40;", "(").replace("&#41;", ")")
    for who in ("The first, an 8-year-old girl,", "The second, an 11-year-old boy,", "The third"):
        assert who in text


def test_the_abstract_keeps_what_the_series_shares() -> None:
    result = render(SERIES, "abstract", to="txt", profile="generic-case-report")
    assert isinstance(result.content, str)
    assert "CNO is a diagnosis of exclusion" in result.content
    assert SERIES["title"] in result.content


def test_the_page_of_a_series_shows_every_patient(docx_text: Callable[[bytes], str]) -> None:
    page = render(SERIES, "web").content
    assert isinstance(page, str)
    assert "<dt>Patients</dt><dd>Three children aged 6 years 9 months to 11 years</dd>" in page
    assert "<dt>Sex</dt><dd>2 female, 1 male</dd>" in page
    assert "0 years" not in page
    for entry in SERIES["patients"]:
        label = entry["label"]
        for event in entry["timeline"]:
            assert event["description"].replace(":", "&#58;") in page
        assert (
            f"{label}&#58; "
            + entry["patient"]["presenting_complaint"].replace(",", ",").rstrip(".")
            in page
        )
        assert f"<td>{label}&#58; Chronic non-bacterial osteomyelitis</td>" in page
        assert entry["outcome"]["summary"] in page
    # One laboratory table and one course figure per patient: their times do not mix.
    assert page.count("C-reactive protein (CRP)") == 3
    assert [page.count(f'id="case-timeline-{n}"') for n in (1, 2, 3, 4)] == [1, 1, 1, 0]
    assert f"Figure 3. {SERIES['patients'][2]['label']}: the course" in page
    assert '<table id="patients-table">' in page


def test_the_care_checklist_of_a_series_renders(docx_text: Callable[[bytes], str]) -> None:
    markdown = render(SERIES, "care-checklist").content
    assert isinstance(markdown, str) and "in three children after infection" in markdown
    assert "Patient: age and sex |" in markdown  # found in each patient's entry
    word = render(SERIES, "care-checklist", to="docx").content
    assert isinstance(word, bytes) and "CARE" in docx_text(word)


def test_render_command_on_a_series(cli, tmp_path: Path) -> None:
    out = tmp_path / "page.md"
    result = cli("render", str(SERIES_PATH), "--format", "web", "-o", str(out))
    assert result.code == 0, result.err
    assert "Patient 3" in out.read_text(encoding="utf-8")
    result = cli("render", str(SERIES_PATH), "--profile", "jmcr")
    assert result.code == 0, result.err
    assert "Three children" in result.out


def _case_presentation(text: str) -> str:
    return text.split("Case presentation: ", 1)[1].split("\n\n", 1)[0]


def test_what_every_patient_shared_is_said_once_for_all() -> None:
    """The three children's biopsies showed the same: the abstract says it once, for all
    three, rather than leaving the second and third without a biopsy result."""
    result = render(SERIES, "abstract", to="txt", profile="generic-case-report", full=True)
    assert isinstance(result.content, str)
    told = _case_presentation(result.content)
    for sentence in (
        "The bone biopsy showed chronic inflammation with fibrosis; no malignant cells;"
        " culture sterile (in all three).",
        "The final diagnosis was chronic non-bacterial osteomyelitis, confirmed by bone biopsy"
        " and whole-body MRI (in all three).",
        "a non-steroidal anti-inflammatory drug was started (in all three).",
    ):
        assert told.count(sentence) == 1, sentence
    assert told.count("The bone biopsy showed") == 1
    # What differs is still said for each: their own sites and outcomes.
    for own in ("bone biopsy of the left clavicle", "the swelling had settled", "left femur"):
        assert own in told


def test_a_sentence_shared_by_some_patients_names_them() -> None:
    series = json.loads(SERIES_PATH.read_text(encoding="utf-8"))
    biopsy = series["patients"][1]["tissue_samples"][0]
    biopsy["result"] = "Granulomas; no malignant cells; culture sterile"
    result = render(series, "abstract", to="txt", profile="generic-case-report", full=True)
    assert isinstance(result.content, str)
    told = _case_presentation(result.content)
    assert (
        "The bone biopsy showed chronic inflammation with fibrosis; no malignant cells;"
        " culture sterile (also in the third)." in told
    )
    assert "The bone biopsy showed granulomas; no malignant cells; culture sterile." in told


def test_fitting_lists_a_patient_whose_shared_sentence_it_left_out() -> None:
    """When a venue's limit leaves out the later children's copies, the first child's
    sentence claims it for no one else, and the list of what was left out names them."""
    result = render(SERIES, "abstract", to="txt", profile="eser-2026")
    assert result.report is not None and result.report.fits
    assert isinstance(result.content, str)
    biopsy = "the result of the bone biopsy 3 weeks after presentation"
    for patient in (2, 3):
        assert f"Patient {patient}: {biopsy}" in result.report.left_out
    told = _case_presentation(result.content)
    assert (
        "The bone biopsy showed chronic inflammation with fibrosis; no malignant cells;"
        " culture sterile. " in told
    )
    assert "and whole-body MRI (in all three)." in told  # what all three kept


def test_a_sentence_both_patients_of_two_share() -> None:
    series = json.loads(SERIES_PATH.read_text(encoding="utf-8"))
    del series["patients"][2]
    result = render(series, "abstract", to="txt", profile="generic-case-report", full=True)
    assert isinstance(result.content, str)
    assert "no malignant cells; culture sterile (in both)." in _case_presentation(result.content)


def _said(*sentences: tuple[int, str], patients: int = 3, abbreviations: Any = None) -> str:
    from casekit.compose.realise import realise
    from casekit.compose.sentences import Sentence

    made = [Sentence(text, 5, "a fact", patient=n) for n, text in sentences]
    return " ".join(realise([("case", made)], abbreviations or {}, patients)["case"])


def test_sentences_that_differ_in_a_sign_or_a_figure_are_each_said() -> None:
    said = _said(
        (1, "Procalcitonin was <0.5 ng/mL."),
        (2, "Procalcitonin was >0.5 ng/mL."),
        (3, "Procalcitonin was 0,5 ng/mL."),
    )
    assert said == (
        "Procalcitonin was <0.5 ng/mL. Procalcitonin was >0.5 ng/mL. Procalcitonin was 0,5 ng/mL."
    )


def test_a_shared_sentence_is_matched_before_its_abbreviation_is_written_out() -> None:
    said = _said(
        (1, "CRP was normal."),
        (2, "CRP was normal."),
        (3, "CRP was normal."),
        abbreviations={"CRP": "C-reactive protein"},
    )
    assert said == "C-reactive protein (CRP) was normal (in all three)."


def test_whom_a_shared_sentence_names_counts_every_patient_of_the_series() -> None:
    # The third patient's sentences were all left out to fit: two of three is not 'both'.
    assert _said((1, "Culture was sterile."), (2, "Culture was sterile.")) == (
        "Culture was sterile (also in the second)."
    )
    assert _said((1, "Culture was sterile."), (2, "Culture was sterile."), patients=2) == (
        "Culture was sterile (in both)."
    )
    assert _said((1, "She was given ceftriaxone i.v."), (2, "She was given ceftriaxone i.v.")) == (
        "She was given ceftriaxone i.v. (also in the second)."
    )


def test_fitting_leaves_out_a_repeated_routine_sentence_before_a_patient_s_own_outcome() -> None:
    result = render(SERIES, "abstract", to="txt", profile="bsr-2025")
    assert result.report is not None and result.report.fits
    assert isinstance(result.content, str)
    told = result.content
    assert "the swelling had settled" in told  # the second child's own outcome
    assert "no malignant cells; culture sterile (in all three)." in told
    left_out = result.report.left_out
    assert (
        "Patient 2: 'A non-steroidal anti-inflammatory drug was …' (4 weeks after presentation)"
        in left_out
    )
