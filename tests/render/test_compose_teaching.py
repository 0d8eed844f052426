"""Priorities that follow what teaches, sentence by sentence, on invented patients: red flags
the knowledge packs name, a diagnosis made without its confirming test, repeats, the learning
point the case turns on, discussion echoes, and fitting that uses the room it leaves."""

from __future__ import annotations

import copy
from typing import Any

from casekit.compose import FitResult, Sentence, fit, plan
from casekit.compose.sentences import DETAIL, FINDING, KEY, MUST, NARRATIVE
from casekit.render import render

CASE: dict[str, Any] = {
    "schema_version": 2,
    "id": "synthetic-teaching",
    "title": "An invented girl with bone pain",
    "status": "draft",
    "authors": [{"name": "Testina Example"}],
    "patient": {
        "age": {"value": 7, "unit": "years"},
        "sex": "female",
        "presenting_complaint": "Pain in the right shin.",
    },
    "timeline": [
        {"id": "e0", "time": {"value": 0, "unit": "days"}, "category": "presentation",
         "description": "Seen in clinic.", "links": ["img-1"]},
        {"id": "e1", "time": {"value": 2, "unit": "weeks"}, "category": "investigation",
         "description": "Reviewed in clinic.", "links": ["img-2"]},
        {"id": "e2", "time": {"value": 3, "unit": "weeks"}, "category": "diagnosis",
         "description": "A presumptive diagnosis of CRMO was made without a bone biopsy.",
         "links": ["dx-crmo"]},
        {"id": "e3", "time": {"value": 2, "unit": "months"}, "category": "follow-up",
         "description": "The shin was less tender. She woke at night with pain and had lost"
         " weight.", "links": ["ts-biopsy"]},
    ],
    "investigations": {
        "imaging": [
            {"id": "img-1", "modality": "x-ray", "site": "Right tibia",
             "result": "Lytic lesion of the tibia"},
            {"id": "img-2", "modality": "x-ray", "site": "Right tibia and fibula, whole length",
             "result": "Lytic lesion"},
        ],
    },
    "tissue_samples": [
        {"id": "ts-biopsy", "kind": "bone biopsy", "status": "not-performed",
         "reason": "judged not to be needed"},
    ],
    "diagnoses": [
        {"id": "dx-crmo", "name": "Chronic recurrent multifocal osteomyelitis (CRMO)",
         "role": "presumptive", "certainty": "possible", "basis": ["clinical"]},
    ],
    "learning_points": [
        "Bone pain in a child has many causes.",
        "CRMO is confirmed by bone biopsy; here it was presumed without one.",
        "Invented lesions can come and go.",
    ],
    "discussion": "Bone pain in a child has many causes, among them CRMO. Nothing else is known.",
    "consent": {"status": "not-applicable"},
}  # fmt: skip


def _case(**changes: Any) -> dict[str, Any]:
    case = copy.deepcopy(CASE)
    case.update(changes)
    return case


def _sentence(case: dict[str, Any], start: str) -> Sentence:
    found = [s for _, _, s in plan(case).sentences() if s.text.startswith(start)]
    assert len(found) == 1, [s.text for _, _, s in plan(case).sentences()]
    return found[0]


def test_a_red_flag_the_knowledge_packs_name_outranks_a_routine_finding() -> None:
    flagged = _sentence(CASE, "She woke at night with pain")
    routine = _sentence(CASE, "The shin was less tender")
    assert flagged.priority >= KEY > routine.priority
    assert flagged.priority > _sentence(CASE, "An X-ray of the right tibia showed").priority


def test_a_negated_red_flag_or_one_no_pack_asks_for_ranks_as_usual() -> None:
    negated = _case()
    negated["timeline"][3]["description"] = "The shin was less tender. There was no weight loss."
    assert _sentence(negated, "There was no weight loss").priority < KEY
    # Without a diagnosis a pack knows, night pain and weight loss are told, not promoted.
    other = _case()
    other["diagnoses"][0]["name"] = "Ozymandias Quux disease"
    other["timeline"][2]["description"] = "A presumptive diagnosis was made."
    assert _sentence(other, "She woke at night with pain").priority < KEY


def test_a_diagnosis_made_without_its_confirming_test_stays_and_is_not_told_twice() -> None:
    stated = _sentence(CASE, "A presumptive diagnosis of CRMO was made without a bone biopsy")
    assert stated.must_stay
    # The bone biopsy's own sentence, later, only says again what must stay already says.
    told_again = _sentence(CASE, "A bone biopsy was not performed")
    assert not told_again.must_stay and told_again.priority == FINDING


def test_a_study_that_only_repeats_a_finding_already_told_ranks_low() -> None:
    first = _sentence(CASE, "An X-ray of the right tibia showed lytic lesion of the tibia")
    again = _sentence(CASE, "An X-ray of the right tibia and fibula, whole length showed lytic")
    assert first.priority == FINDING and again.priority == NARRATIVE
    different = _case()
    different["investigations"]["imaging"][1]["result"] = "Periosteal reaction"
    assert _sentence(different, "An X-ray of the right tibia and fibula, whole").priority == FINDING
    # The same finding in another bone is news, not a repeat.
    elsewhere = _case()
    elsewhere["investigations"]["imaging"][1]["site"] = "Left femur"
    assert _sentence(elsewhere, "An X-ray of the left femur showed lytic").priority == FINDING


def test_the_learning_point_about_the_missing_test_is_the_one_that_stays() -> None:
    points = plan(CASE).parts["learning_points"]
    assert [p.priority for p in points] == [KEY - 1, MUST, DETAIL]
    # A biopsy that was done leaves the first point the one that stays.
    done = _case()
    done["tissue_samples"][0] = {
        "id": "ts-biopsy", "kind": "bone biopsy", "status": "performed", "site": "Right tibia",
        "result": "Sterile osteitis",
    }  # fmt: skip
    done["timeline"][2]["description"] = "A diagnosis of CRMO was made."
    assert [p.priority for p in plan(done).parts["learning_points"]] == [MUST, DETAIL, DETAIL]


def _words(parts: dict[str, list[Sentence]], kinds: tuple[str, ...]) -> int:
    return sum(len(s.text.split()) for k in kinds for s in parts[k])


def test_a_discussion_sentence_the_learning_points_say_is_left_out_while_they_stay() -> None:
    kinds = ("discussion", "learning_points")
    parts = {k: plan(CASE).parts[k] for k in kinds}
    result = fit(parts, lambda p: (_words(p, kinds) - 1000, set()))
    said = [s.text for s in result.parts["discussion"]]
    assert said == ["Nothing else is known."]
    assert [s.text for s in result.left_out] == [
        "Bone pain in a child has many causes, among them CRMO."
    ]
    # Without the point it echoes, the discussion sentence is no echo and stays.
    alone = {"discussion": parts["discussion"], "learning_points": parts["learning_points"][1:]}
    result = fit(alone, lambda p: (_words(p, kinds) - 1000, set()))
    assert len(result.parts["discussion"]) == 2 and not result.left_out


def test_what_was_left_out_comes_back_where_it_still_fits() -> None:
    must = Sentence("one two three four five.", MUST, "must")
    long = Sentence("a b c d e f g h i j.", 5, "long")
    short = Sentence("x y.", 3, "short")
    parts = {"case": [must, long, short]}
    result = fit(parts, lambda p: (_words(p, ("case",)) - 9, set()))
    assert isinstance(result, FitResult) and result.fits
    assert result.parts["case"] == [must, short] and result.left_out == [long]


def test_the_founding_case_for_bmj_keeps_its_red_flags_and_closes_on_the_biopsy(
    founding: dict[str, Any],
) -> None:
    result = render(founding, "abstract", to="txt", profile="bmj-case-reports")
    assert result.report is not None and result.report.fits
    text = " ".join(str(result.content).split())
    for red_flag in (
        "episodic lower back pain by day and by night",
        "had lost weight",
        "She was pale, with a kyphosis at L2",
        "without a bone biopsy",
    ):
        assert red_flag in text
    body = text.split("Keywords:")[0].strip()
    assert body.endswith(
        "The definitive diagnosis of CRMO is by bone biopsy; here it was presumed without one."
    )
    # What repeats or only names a suspicion went first.
    assert "Acute osteomyelitis was suspected" not in text
    assert "its radiograph showed osteomyelitis" not in text


def test_a_treatment_an_event_already_told_is_not_told_again() -> None:
    case = _case()
    case["timeline"][2]["description"] += " Ibuprofen by mouth was started."
    case["interventions"] = [
        {"id": "rx-1", "kind": "pharmacological", "description": "Ibuprofen by mouth",
         "time": {"value": 3, "unit": "weeks"}},
    ]  # fmt: skip
    texts = [s.text for _, _, s in plan(case).sentences() if "buprofen" in s.text]
    assert texts == ["Ibuprofen by mouth was started."]
    case["timeline"][2]["description"] = "A presumptive diagnosis of CRMO was made."
    texts = [s.text for _, _, s in plan(case).sentences() if "buprofen" in s.text]
    assert texts == ["Ibuprofen by mouth was given."]
