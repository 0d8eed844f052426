"""What a structured item holds beyond the author's timeline sentence reaches the
abstract: the sites of a bone scan after 'several areas of increased uptake', the
result of a biopsy the sentence only says was done. Said once, in the author's sentence
where it fits, and never as a second sentence repeating the first."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from casekit.compose import wording as w
from casekit.render import render

REPO = Path(__file__).resolve().parents[2]

SITES = "right femoral neck, both knees, both ankles and the scapula"

#: An invented patient with the founding case's shape: the timeline sentence says only
#: the first clause of the bone scan's result.
CASE: dict[str, Any] = {
    "schema_version": 2,
    "id": "synthetic-quux-scan",
    "title": "An invented case of multifocal Ozymandias Quux disease",
    "status": "draft",
    "authors": [{"name": "Testina Example"}],
    "patient": {
        "age": {"value": 7, "unit": "years"},
        "sex": "female",
        "presenting_complaint": "A limp and a swollen knee.",
    },
    "timeline": [
        {
            "id": "e0",
            "time": {"value": 0, "unit": "days"},
            "category": "presentation",
            "description": "She was seen in clinic with a swollen knee.",
        },
        {
            "id": "e1",
            "time": {"value": 1, "unit": "weeks"},
            "category": "investigation",
            "description": "A bone scan found several areas of increased uptake.",
            "links": ["img-scan"],
        },
        {
            "id": "e2",
            "time": {"value": 3, "unit": "weeks"},
            "category": "diagnosis",
            "description": "She had a bone biopsy of the left tibia.",
            "links": ["ts-biopsy", "dx-final"],
        },
    ],
    "investigations": {
        "imaging": [
            {
                "id": "img-scan",
                "modality": "bone-scan",
                "site": "Not stated (several sites reported)",
                "result": f"Several areas of increased uptake: {SITES}",
            }
        ]
    },
    "tissue_samples": [
        {
            "id": "ts-biopsy",
            "kind": "bone biopsy",
            "status": "performed",
            "site": "Left tibia",
            "result": "Invented granulomas; no malignant cells",
        }
    ],
    "diagnoses": [
        {
            "id": "dx-final",
            "name": "Ozymandias Quux disease",
            "role": "final",
            "certainty": "certain",
            "basis": ["histology"],
            "confirmed_by": ["ts-biopsy"],
        }
    ],
    "learning_points": ["Invented disease can involve several bones at once."],
    "consent": {"status": "not-applicable"},
}


def _text(case: dict[str, Any], profile: str = "generic-case-report") -> str:
    result = render(case, "abstract", to="txt", profile=profile)
    return " ".join(str(result.content).split())


def _sentences_about(text: str, words: str) -> list[str]:
    return [s for s in w.split_sentences(text) if words in s]


def test_the_founding_abstract_names_the_bone_scan_sites_in_one_sentence(
    founding_path: Path,
) -> None:
    case = json.loads(founding_path.read_text(encoding="utf-8"))
    text = _text(case, "bsr-2025")
    scan = _sentences_about(text, "bone scan")
    assert scan[0] == f"A bone scan found several areas of increased uptake: {SITES}."
    assert text.count("increased uptake") == 1 and text.count("femoral neck") == 1


def test_an_invented_case_of_the_same_shape_gets_the_sites_once() -> None:
    text = _text(copy.deepcopy(CASE))
    # 'One week later, a bone scan found ...': the time phrase comes first
    assert f"a bone scan found several areas of increased uptake: {SITES}." in text
    assert text.count("increased uptake") == 1
    assert "bone scan showed" not in text.casefold()  # no second, structured sentence


def test_a_sentence_that_already_gives_the_whole_result_is_left_as_written() -> None:
    case = copy.deepcopy(CASE)
    case["timeline"][1]["description"] = (
        f"A bone scan found several areas of increased uptake, in the {SITES}."
    )
    text = _text(case)
    assert f"a bone scan found several areas of increased uptake, in the {SITES}." in text
    assert text.count("femoral neck") == 1 and text.count("increased uptake") == 1


def test_detail_inside_a_sentence_goes_in_brackets_after_the_words_it_completes() -> None:
    case = copy.deepcopy(CASE)
    case["timeline"][1]["description"] = (
        "A bone scan found several areas of increased uptake and she was admitted."
    )
    text = _text(case)
    assert f"increased uptake ({SITES}) and she was admitted." in text


def test_a_biopsy_the_sentence_only_names_gets_a_sentence_of_its_result() -> None:
    text = _text(copy.deepcopy(CASE))
    assert "she had a bone biopsy of the left tibia." in text
    assert "The bone biopsy showed invented granulomas; no malignant cells." in text


def test_a_biopsy_result_the_author_gave_is_not_said_again() -> None:
    case = copy.deepcopy(CASE)
    case["timeline"][2]["description"] = (
        "A bone biopsy of the left tibia showed invented granulomas and no malignant cells."
    )
    text = _text(case)
    assert text.count("granulomas") == 1


def test_under_a_tight_limit_the_longer_sentence_goes_whole_and_is_named(
    founding_path: Path,
) -> None:
    case = json.loads(founding_path.read_text(encoding="utf-8"))
    result = render(case, "abstract", to="txt", profile="bmj-case-reports")
    assert result.report is not None and result.report.fits
    text = str(result.content)
    assert "bone scan found" not in text and "femoral neck" not in text
    assert "'A bone scan found several …' (1 week after presentation)" in result.report.left_out


def test_with_detail_keeps_the_detail_s_own_mark_at_the_end() -> None:
    assert (
        w.with_detail("Blood film was normal.", "Normal", "; no blast cells seen")
        == "Blood film was normal; no blast cells seen."
    )
    assert (
        w.with_detail("The X-ray showed osteomyelitis.", "Osteomyelitis", "(left distal tibia)")
        == "The X-ray showed osteomyelitis (left distal tibia)."
    )
    assert w.with_detail("Nothing about it here.", "Marrow oedema", ": left femur") is None
    # brackets would nest inside the sentence: the caller gives the item its own sentence
    assert w.with_detail("It showed oedema and she went home.", "Oedema", ": femur (left)") is None
    assert re.fullmatch(r": right femoral neck, .*", w.after_first_clause(f"Uptake: {SITES}."))


def test_two_sentences_mentioning_the_scan_carry_its_sites_once() -> None:
    case = copy.deepcopy(CASE)
    case["timeline"][1]["description"] = (
        "A bone scan found several areas of increased uptake. Several areas of increased "
        "uptake were unexpected."
    )
    text = _text(case)
    assert text.count("femoral neck") == 1


def test_with_side_gives_a_body_part_the_side_the_item_names() -> None:
    washout = "Arthroscopic washout of the right hip"
    assert (
        w.with_side("He had an arthroscopic washout of the hip.", washout)
        == "He had an arthroscopic washout of the right hip."
    )
    assert (
        w.with_side("The biopsy of the distal tibia was done.", "left distal tibia")
        == "The biopsy of the left distal tibia was done."
    )
    # a side already said, both sides in the item, no side, or no such part: as written
    assert w.with_side("Washout of the left hip.", washout) == "Washout of the left hip."
    assert w.with_side("Washout of both hips.", washout) == "Washout of both hips."
    both = "right hip and left knee"
    assert w.with_side("Washout of the hip.", both) == "Washout of the hip."
    assert w.with_side("Washout of the hip.", "hip joint") == "Washout of the hip."
    assert w.with_side("She was treated.", washout) == "She was treated."


def test_the_abstract_keeps_the_side_of_the_washout() -> None:
    case = json.loads(
        (REPO / "cases" / "synthetic-septic-arthritis-hip.json").read_text(encoding="utf-8")
    )
    text = render(case, "abstract", to="txt", profile="generic-case-report").content
    assert isinstance(text, str)
    assert "he had an arthroscopic washout of the right hip" in text
    assert "the right hip joint was aspirated" in text


def test_with_side_needs_the_whole_name_of_the_part() -> None:
    for text, source in [
        ("The femoral artery was cannulated.", "right femoral neck"),
        ("The main finding was a mass.", "left main bronchus"),
        ("The upper airway was clear.", "right upper lobe"),
        ("She left hospital after the hip was washed out.", "right hip"),
    ]:
        assert w.with_side(text, source) == text, text
    assert w.with_side("A biopsy of the femoral neck.", "right femoral neck, both knees") == (
        "A biopsy of the right femoral neck."
    )
    assert w.with_side("The MRI of the hip showed effusion.", "right hip and proximal femur") == (
        "The MRI of the right hip showed effusion."
    )
