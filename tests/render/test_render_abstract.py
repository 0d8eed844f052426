"""Abstracts: the profile's rules decide what is printed and what is counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casekit.render import RenderError, list_profiles, load_profile, render


def tiny_case() -> dict[str, Any]:
    """An obviously synthetic case whose abstract parts are easy to count by hand."""
    return {
        "schema_version": 1,
        "id": "synthetic-tiny",
        "title": "Synthetic tiny case",
        "status": "draft",
        "authors": [
            {"name": "Test Author", "affiliations": ["Example Unit"]},
            {"name": "Second Author", "affiliations": ["Example Unit", "Other Unit"]},
        ],
        "keywords": ["synthetic"],
        "introduction": "One two three four five.",
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


def write_profile(folder: Path, **changes: Any) -> Path:
    data: dict[str, Any] = {
        "name": "tiny",
        "title": "A test profile",
        "venue": "Test venue",
        "source": {"url": None, "year": None},
        "accepts_case_reports": "yes",
        "limit": {"unit": "words", "max": 10},
        "counted_parts": {},
        "body": {
            "structure": "headings",
            "sections": [
                {"heading": "Background", "content": ["introduction"]},
                {"heading": "Lessons", "content": ["learning_points"]},
            ],
        },
    }
    data.update(changes)
    path = folder / "tiny.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_word_limit_counts_only_the_body_when_the_profile_says_so(tmp_path: Path) -> None:
    profile = write_profile(tmp_path)
    result = render(tiny_case(), "abstract", to="txt", profile=str(profile))
    report = result.report
    assert report is not None
    # Background: "One two three four five." = 5; Lessons: "Count carefully." = 2
    assert report.total == 7
    assert report.fits
    assert "Background: One two three four five." in str(result.content)
    assert "Test Author1, Second Author1,2" in str(result.content)
    assert "1 Example Unit" in str(result.content) and "2 Other Unit" in str(result.content)


def test_over_the_limit_the_lowest_priority_goes_first_and_is_named(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, limit={"unit": "words", "max": 6})
    report = render(tiny_case(), "abstract", to="txt", profile=str(profile)).report
    assert report is not None and report.fits  # 7 words; the background may go, the lesson stays
    assert report.total == 2
    assert report.left_out == ["the background"]
    (note,) = [n for n in report.notes if "'Background'" in n]
    assert note.startswith(
        "the section 'Background' was left out whole to fit the limit: not even its most"
        " important sentence fits in 6 words beside what must stay. Test venue expects"
        " this section:"
    )


def test_when_what_must_stay_is_over_it_names_what_to_shorten(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, limit={"unit": "words", "max": 1})
    report = render(tiny_case(), "abstract", to="txt", profile=str(profile)).report
    assert report is not None and not report.fits
    (problem,) = report.problems()
    assert "2 words, the limit is 1 words (1 words over)" in problem
    assert "Shorten: learning point 1 (2 words)." in problem


def test_character_limit_without_spaces_counts_authors_and_headings(tmp_path: Path) -> None:
    profile = write_profile(
        tmp_path,
        limit={"unit": "characters", "max": 100, "spaces_count": False},
        counted_parts={"authors": True, "headings": True, "title": False},
    )
    report = render(tiny_case(), "abstract", to="txt", profile=str(profile)).report
    assert report is not None
    # Authors "Test Author, Second Author" without spaces: TestAuthor,(11) SecondAuthor(12) = 23
    # Headings "Background Lessons" without spaces: 10 + 7 = 17
    # Background "One two three four five." without spaces: 3+3+5+4+5 = 20
    # Lessons "Count carefully." without spaces: 5 + 10 = 15
    assert report.total == 23 + 17 + 20 + 15


def test_a_section_limit_is_checked_on_its_own(tmp_path: Path) -> None:
    profile = write_profile(
        tmp_path,
        limit={"unit": "words", "max": None},
        body={
            "structure": "headings",
            "sections": [
                {"heading": "Introduction", "content": ["introduction"], "max": 4},
                {"heading": "Lessons", "content": ["learning_points"], "max": 1},
            ],
        },
    )
    report = render(tiny_case(), "abstract", to="txt", profile=str(profile)).report
    assert report is not None and not report.fits
    assert report.left_out == ["the background"]  # 5 words, over its own 4
    assert (
        "the section 'Introduction' was left out whole to fit the limit: not even its most"
        " important sentence fits in the 4 words tiny allows for it."
    ) in report.notes[-1]
    (problem,) = report.problems()
    assert "the section 'Lessons' has 2 words; tiny allows 1 words" in problem


def test_citations_are_numbered_when_references_are_allowed(founding: dict[str, Any]) -> None:
    result = render(founding, "abstract", to="txt", profile="eular-2020")
    text = str(result.content)
    assert "after ALL [1]." not in text  # the discussion is not part of the EULAR body
    founding["introduction"] += " See the earlier report [@abril1994]."
    text = str(render(founding, "abstract", to="txt", profile="eular-2020").content)
    assert "earlier report [1]." in text
    assert "1. Abril JC, Castillo F" in text


def test_an_abstract_numbers_the_references_it_cites_from_one(founding: dict[str, Any]) -> None:
    # Across the whole case the discussion cites [@abril1994] first (number 1); the EULAR
    # abstract leaves the discussion out, so the report it does cite is its number 1.
    founding["learning_points"][0] += " See the poster [@mcmahon2008]."
    text = str(render(founding, "abstract", to="txt", profile="eular-2020").content)
    assert "See the poster [1]." in text
    assert "1. McMahon A" in text
    assert "Abril" not in text and "[2]" not in text


def test_a_number_typed_in_brackets_is_not_a_citation(
    founding: dict[str, Any], docx_text: Any
) -> None:
    founding["introduction"] += " Pain was scored [2] on the synthetic scale."
    for to in ("txt", "docx"):
        content = render(founding, "abstract", to=to, profile="eular-2020").content
        text = docx_text(content) if isinstance(content, bytes) else str(content)
        assert "scored [2] on the synthetic scale" in text
        assert "References" not in text  # nothing is cited, so nothing is listed
        assert "Abril" not in text


def test_citations_are_dropped_when_references_are_not_allowed(founding: dict[str, Any]) -> None:
    founding["introduction"] += " See the earlier report [@abril1994]."
    result = render(founding, "abstract", to="txt", profile="jmcr")
    assert "earlier report." in str(result.content)
    assert "[@abril1994]" not in str(result.content)
    assert result.report is not None
    assert any("citations were left out" in note for note in result.report.notes)


def test_every_shipped_profile_cites_its_source_and_renders(founding: dict[str, Any]) -> None:
    names = [p.name for p in list_profiles()]
    assert len(names) == len(set(names)) >= 8
    for profile in list_profiles():
        assert profile.source_url or profile.unconfirmed, profile.name
        assert load_profile(profile.name) == profile
        result = render(founding, "abstract", to="md", profile=profile.name)
        assert result.report is not None and result.report.profile.name == profile.name


def test_unknown_profile_lists_the_choices(founding: dict[str, Any]) -> None:
    with pytest.raises(RenderError, match=r"no abstract profile called 'nope'.*jmcr"):
        render(founding, "abstract", profile="nope")


def test_broken_profile_file_says_where(tmp_path: Path, founding: dict[str, Any]) -> None:
    profile = write_profile(tmp_path, limit={"unit": "lines", "max": 3})
    with pytest.raises(RenderError, match="does not follow the profile format at limit/unit"):
        render(founding, "abstract", profile=str(profile))


def test_format_and_output_type_must_match(founding: dict[str, Any]) -> None:
    with pytest.raises(RenderError, match="can be written as md, not as 'docx'"):
        render(founding, "web", to="docx")
    with pytest.raises(RenderError, match="profile applies only to --format abstract"):
        render(founding, "web", profile="jmcr")


def test_rendering_again_starts_from_the_same_abstract() -> None:
    """The site renders each abstract as text and as Word from one composition: what one
    rendering adds (a blinded copy, a note) must not show up in the next."""
    case = tiny_case()
    first = render(case, "abstract", to="txt")
    assert first.report is not None
    notes, parts = list(first.report.notes), list(first.report.parts)
    first.report.notes.append("synthetic note a caller added")
    first.report.parts.pop()
    blinded = render(case, "abstract", to="txt", blinded=True)
    again = render(case, "abstract", to="txt")

    assert "Test Author" in str(first.content)
    assert "Test Author" not in str(blinded.content)
    assert again.content == first.content
    assert again.report is not None
    assert again.report.notes == notes
    assert again.report.parts == parts


LIBRARY = Path(__file__).resolve().parents[2] / "cases"


@pytest.mark.parametrize("case_file", sorted(LIBRARY.glob("*.json")), ids=lambda p: p.stem)
def test_every_case_of_the_library_renders_its_abstract_for_every_venue(case_file: Path) -> None:
    """The library's cases pass lint, so no venue's abstract of them may be refused as
    printing an identifier (the learned layer once took 'pain-free' in a composed sentence
    for an age, and the case could not be rendered)."""
    case = json.loads(case_file.read_text(encoding="utf-8"))
    for profile in list_profiles():
        result = render(case, "abstract", to="txt", profile=profile.name, case_dir=case_file.parent)
        assert result.identifiers == (), (profile.name, result.identifiers)
