"""A structured abstract keeps every section the venue lists while anything else may go.

A journal with headed abstracts (Background / Case presentation / Conclusions) returns a
submission without one of them; a clinician shortens the case presentation instead. So
fitting leaves a headed section its highest-priority sentence until the abstract cannot
fit with it, and then the note says plainly that the section went and what to do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casekit.compose import Sentence, fit
from casekit.compose.sentences import BACKGROUND, MUST, NARRATIVE
from casekit.render import render

REPO = Path(__file__).resolve().parents[2]
SERIES = REPO / "cases" / "synthetic-cno-series.json"


def _words(parts: dict[str, list[Sentence]]) -> int:
    return sum(len(s.text.split()) for ss in parts.values() for s in ss)


def _within(limit: int) -> Any:
    return lambda parts: (_words(parts) - limit, set())


def _series() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SERIES.read_text(encoding="utf-8"))
    return data


def _section(text: str, heading: str) -> str:
    """The text of one headed section of a rendered txt abstract ('' when absent)."""
    for paragraph in text.split("\n\n"):
        if paragraph.startswith(f"{heading}: "):
            return paragraph.removeprefix(f"{heading}: ")
    return ""


def test_the_cno_series_for_jmcr_keeps_its_background_and_still_fits() -> None:
    result = render(_series(), "abstract", to="txt", profile="jmcr")
    report = result.report
    assert report is not None and report.fits and report.total <= 350
    background = _section(str(result.content), "Background")
    assert background.startswith("Chronic non-bacterial osteomyelitis (CNO) is a diagnosis")
    assert not any("left out whole" in note for note in report.notes)
    # The second background sentence goes, and the list says so.
    assert "the background, sentence 2 of 2" in report.left_out
    assert "the background, sentence 1 of 2" not in report.left_out


def test_the_cno_series_for_eser_keeps_its_discussion() -> None:
    result = render(_series(), "abstract", to="txt", profile="eser-2026")
    report = result.report
    assert report is not None and report.fits
    discussion = _section(str(result.content), "Discussion")
    assert discussion.startswith("In each child the final diagnosis rested on bone biopsy")
    assert not any("left out whole" in note for note in report.notes)


def test_a_section_keeps_its_highest_priority_sentence_while_other_sentences_go() -> None:
    first = Sentence("one two three four five six seven eight.", NARRATIVE - 1, "background 1")
    second = Sentence("nine ten eleven twelve.", BACKGROUND, "background 2")
    must = Sentence("a b c d e f.", MUST, "must")
    extra = Sentence("g h i.", NARRATIVE, "extra")
    parts = {"introduction": [first, second], "case": [must, extra]}
    result = fit(parts, _within(15), [{"introduction"}, {"case"}])
    assert result.fits
    assert result.parts == {"introduction": [first], "case": [must]}
    assert result.left_out == [second, extra]
    # Without sections (a free-form body) the lowest priority goes first, as before: the
    # first background sentence goes before the higher-ranked case sentence.
    free = fit(parts, _within(15))
    assert first in free.left_out and free.parts["case"] == [must, extra]


def test_a_section_is_emptied_only_when_nothing_else_can_go() -> None:
    background = Sentence("one two three four five.", NARRATIVE - 1, "background")
    must = Sentence("a b c d e f.", MUST, "must")
    parts = {"introduction": [background], "case": [must]}
    result = fit(parts, _within(8), [{"introduction"}, {"case"}])
    assert result.fits
    assert result.parts == {"introduction": [], "case": [must]}
    assert result.left_out == [background]


def test_an_emptied_section_is_refilled_before_other_sentences_come_back() -> None:
    """Emptying sections one after another can overshoot: the room freed comes back first
    to a section left empty, before a higher-priority sentence of a section that has one."""
    background = Sentence("one two three.", BACKGROUND, "background")
    discussion = Sentence("d1 d2 d3 d4 d5 d6 d7 d8 d9 d10.", NARRATIVE + 2, "discussion")
    must = Sentence("a b c d e f.", MUST, "must")
    finding = Sentence("g h i.", NARRATIVE + 1, "finding")
    parts = {"introduction": [background], "discussion": [discussion], "case": [must, finding]}
    result = fit(parts, _within(10), [{"introduction"}, {"discussion"}, {"case"}])
    assert result.fits
    assert result.parts == {"introduction": [background], "discussion": [], "case": [must]}
    assert result.left_out == [finding, discussion]


def _tiny_case(background: str) -> dict[str, Any]:
    """An obviously synthetic case: a background, an invented complaint, one lesson."""
    return {
        "schema_version": 1,
        "id": "synthetic-sections",
        "title": "Synthetic case for section keeping",
        "status": "draft",
        "authors": [{"name": "Test Author", "affiliations": ["Example Unit"]}],
        "keywords": ["synthetic"],
        "introduction": background,
        "patient": {
            "age": {"value": 40, "unit": "years"},
            "sex": "not-stated",
            "presenting_complaint": "Invented cough.",
        },
        "timeline": [],
        "diagnoses": [
            {
                "id": "dx",
                "name": "Invented disease",
                "role": "final",
                "certainty": "possible",
                "basis": ["clinical"],
            }
        ],
        "learning_points": ["Count carefully."],
        "consent": {"status": "not-obtained"},
    }


def _profile(folder: Path, limit: int) -> Path:
    data = {
        "name": "synthetic-structured",
        "title": "A structured test profile",
        "venue": "Synthetic Journal",
        "source": {"url": None, "year": None},
        "accepts_case_reports": "yes",
        "limit": {"unit": "words", "max": limit},
        "counted_parts": {},
        "body": {
            "structure": "headings",
            "sections": [
                {"heading": "Background", "content": ["introduction"]},
                {"heading": "Case presentation", "content": ["case", "outcome"]},
                {"heading": "Conclusions", "content": ["learning_points"]},
            ],
        },
    }
    path = folder / "structured.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_background_that_cannot_fit_beside_what_must_stay_gets_a_plain_note(
    tmp_path: Path,
) -> None:
    case = _tiny_case("Invented diseases are rare. They are never seen in real clinics.")
    roomy = render(case, "abstract", to="txt", profile=str(_profile(tmp_path, 200))).report
    assert roomy is not None and roomy.fits
    must_stay = roomy.total - 11  # all but the two background sentences (4 + 7 words)
    assert roomy.parts[4].name == "Section: Background" and roomy.parts[4].words == 11
    # Room for the must-stay text and the first background sentence: it stays.
    tight = render(case, "abstract", to="txt", profile=str(_profile(tmp_path, must_stay + 4)))
    assert tight.report is not None and tight.report.fits
    assert "Background: Invented diseases are rare." in str(tight.content)
    assert tight.report.left_out == ["the background, sentence 2 of 2"]
    # No room for even that: the section goes, and the note says so and what to do.
    result = render(case, "abstract", to="txt", profile=str(_profile(tmp_path, must_stay + 3)))
    report = result.report
    assert report is not None and report.fits
    assert "Background:" not in str(result.content)
    assert set(report.left_out) == {
        "the background, sentence 1 of 2",
        "the background, sentence 2 of 2",
    }
    assert (
        f"the section 'Background' was left out whole to fit the limit: not even its most"
        f" important sentence fits in {must_stay + 3} words beside what must stay."
        " Synthetic Journal expects this section: shorten the case text to make room, or"
        " write a shorter background for the abstract yourself (abstract.background in the"
        " case)."
    ) in report.notes
