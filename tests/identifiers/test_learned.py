"""The learned layer (casekit.identifiers.learned): what it adds to the rules, where it
points, what it leaves alone, and the switch that turns it off."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest

from casekit.identifiers import detector, find, learned

#: Invented people in sentences that no rule frames: a first name alone after 'that'.
UNFRAMED_NAME = "The boy told us that Zephyrine had pushed him off the trampoline."


@pytest.fixture
def rules_only() -> Iterator[None]:
    detector.LEARNED_LAYER = False
    try:
        yield
    finally:
        detector.LEARNED_LAYER = True


def test_a_name_the_rules_miss_is_found_and_pointed_at(rules_only: None) -> None:
    assert find(UNFRAMED_NAME) == []  # the rules alone
    detector.LEARNED_LAYER = True
    matches = find(UNFRAMED_NAME)
    # The category is the second model's guess, not pinned: round 4's model gives
    # 'institution' (0.39) just above 'name' (0.38) here; a reviewer reads the sentence.
    assert [(m.text, m.recognizer) for m in matches] == [("Zephyrine", "learned")]


def test_a_number_the_layer_flags_is_pointed_at_not_the_word_that_weighed_most() -> None:
    """The layer weighs "farrier's" most here, but says a record number: an editor is taken
    to the number (invented)."""
    sentence = "The farrier's case number for the horse (FR-4471) was checked against the record."
    matches = find(sentence)
    assert [(m.category, m.text, m.recognizer) for m in matches] == [
        ("record", "FR-4471", "learned")
    ]


def test_the_switch_turns_the_layer_off(rules_only: None) -> None:
    assert detector.LEARNED_LAYER is False
    assert not any(m.recognizer == "learned" for m in find(UNFRAMED_NAME))


@pytest.mark.parametrize(
    "sentence",
    [
        "Still's disease and Kawasaki disease were both considered.",
        "A Baker cyst and a Salter-Harris type II fracture were seen.",
        "Crohn disease, Hodgkin lymphoma and Graves disease were excluded.",
        "Parkinson disease was diagnosed by Hoehn and Yahr stage 2 criteria.",
        "The Wells score was 4 and the Caprini score 6.",
    ],
)
def test_eponyms_are_not_flagged(sentence: str) -> None:
    assert learned.find_learned(sentence) == []
    assert find(sentence) == []


def test_a_sentence_the_rules_found_is_left_to_them() -> None:
    sentence = "Seen by Dr Quillon Marbury, who knew that Zephyrine had pushed him."
    matches = find(sentence)
    assert matches and all(m.recognizer != "learned" for m in matches)


def test_a_short_field_is_not_read() -> None:
    """One abbreviation or a label is no sentence; the corpus it learned from is sentences."""
    for field in ("CRP", "ESR", "White cell count"):
        assert learned.find_learned(field) == []


def test_citations_and_code_descriptors_are_not_read() -> None:
    tokens = [t[2] for t in learned.tokens_of("Leukocytes [#/volume] in Blood [@smith2020].")]
    assert tokens == ["Leukocytes", "in", "Blood", "."]


def test_sentences_are_cut_at_stops_but_not_after_a_title() -> None:
    text = "She met Dr. Okafor. Then she left.\nNext line"
    assert [text[a:b] for a, b in learned.sentences_of(text)] == [
        "She met Dr. Okafor.",
        "Then she left.",
        "Next line",
    ]


def test_the_model_file_is_small_and_says_what_it_learned_from() -> None:
    assert learned.MODEL_PATH.stat().st_size + learned.CATEGORY_PATH.stat().st_size < 2_000_000
    data = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    # Every corpus in tests/identifiers but the unseen ones (independent12, 14, 15, 16), and
    # ordinary prose as clean text (round 4b).
    for part in ("independent9", "independent11", "independent13", "session13", "session14"):
        assert f"{part}.tsv" in data["trained_on"]
        assert f"{part}_clean.txt" in data["trained_on"]
    assert "tests/identifiers/plain_clean.txt, as clean" in data["trained_on"]
    assert not any("independent12" in name for name in data["trained_on"])
    assert not any("independent14" in name for name in data["trained_on"])
    assert not any("independent15" in name for name in data["trained_on"])
    assert not any("independent16" in name for name in data["trained_on"])
    assert not any("independent18" in name for name in data["trained_on"])
    assert not any("independent21" in name for name in data["trained_on"])
    assert not any("independent23" in name for name in data["trained_on"])
    assert not any("prose" in name for name in data["trained_on"])
    assert 0.5 < data["detect"]["threshold"] < 1
    detect = data["detect"]
    assert len(detect["features"].split("\n")) == len(detect["weights"])
    assert all(isinstance(weight, int) for weight in detect["weights"])


def test_markup_is_not_read_but_comparisons_are() -> None:
    attack = "Seen. <script>window.x=1</script> <img src=x onerror=y> {{ 7*7 }} <!-- -->"
    assert [t[2] for t in learned.tokens_of(attack)] == ["Seen", "."]
    assert [t[2] for t in learned.tokens_of("CRP <5 and CK >200")] == [
        "CRP",
        "<",
        "5",
        "and",
        "CK",
        ">",
        "200",
    ]


def test_a_placeholder_casekit_new_wrote_is_not_read_by_the_layer() -> None:
    """casekit's own 'TODO:' notes are no patient text: a new case lints without errors."""
    placeholder = (
        'TODO: a symptom or examination finding (CARE 6). To make it searchable, add "codes"'
        ' with an HPO term: casekit codes suggest "words".'
    )
    assert not [m for m in find(placeholder) if m.recognizer == "learned"]
    # A field holding the marker is not read, whatever else it says: a sentence the layer
    # flags on its own is left alone there. (Rounds 4 and 4b take the placeholder's own
    # 'add' for a name when the marker is taken off; round 7's candidate, trained on more
    # ordinary prose, did not, so an unframed name stands in: true of every model.)
    assert learned.find_learned(UNFRAMED_NAME) != []
    assert learned.find_learned(f"TODO: describe what happened. {UNFRAMED_NAME}") == []


def test_the_layer_points_at_a_word_not_at_punctuation() -> None:
    tokens = learned.tokens_of("Seen: today by the team")
    scores = [0.1, 5.0, 0.2, 0.3, 0.1, 0.2]  # the colon weighs most
    start, end = learned._span(tokens, scores)
    assert "Seen: today by the team"[start:end].isalpha()


def test_words_of_uniqueness_and_publicity_are_one_flag_on_their_neighbours() -> None:
    assert learned._cue("longest-surviving") == "u"
    assert learned._cue("Only") == "u"
    assert learned._cue("televised") == "f"
    assert learned._cue("forest") == learned._cue("2021") == learned._cue(None) == ""
    tokens = learned._read(learned.words_of("She was the oldest patient in the region."))
    features = [learned.token_features(tokens, index) for index in range(len(tokens))]
    assert "q=u" in features[3]  # 'oldest'
    assert "qa=u|w=the" in features[2]  # the word before it
    assert "qb=u|w=patient" in features[4]  # the word after it
    assert "qb2=u|w=in" in features[5]  # two after it


def test_the_opening_sentence_of_a_case_report_is_no_identifier() -> None:
    """'A 62-year-old woman presented with painless jaundice.' in 264 forms (ages under 90,
    four nouns, six continuations): none flagged. The layer's round 4 flagged 18 of them as
    an age over 89 (an error that stops publication) and was withdrawn for it; round 4b
    learned ordinary prose as clean text."""
    ages = [3, 8, 15, 24, 38, 45, 50, 62, 71, 84, 88]
    nouns = ["woman", "man", "girl", "boy"]
    rests = [
        "presented with painless jaundice.",
        "presented with a painful red eye and reduced vision.",
        "presented with fever and a limp.",
        "was admitted with pneumonia.",
        "presented with a two-week history of cough.",
        "with a history of asthma presented with wheeze.",
    ]
    flagged = [
        sentence
        for age in ages
        for noun in nouns
        for rest in rests
        if find(sentence := f"A {age}-year-old {noun} {rest}")
    ]
    assert flagged == []


def test_drug_and_service_names_are_read_in_lower_case() -> None:
    read = learned.generic_lowered
    assert read(["follow-up", "in", "the", "Hepatology", "Clinic"]) == (
        ["follow-up", "in", "the", "hepatology", "clinic"]
    )
    assert read(["to", "the", "Major", "Trauma", "Centre"])[-3:] == ["major", "trauma", "centre"]
    assert read(["relapsed", "on", "Capecitabine"])[-1] == "capecitabine"
    # a sentence's own capital, a named centre and care words alone stay as written
    assert read(["Dapagliflozin", "was", "withheld"])[0] == "Dapagliflozin"
    assert read(["at", "the", "Bridgewater", "Centre"])[-2:] == ["Bridgewater", "Centre"]
    assert read(["a", "Major", "Trauma", "case"])[1:3] == ["Major", "Trauma"]


@pytest.mark.parametrize(
    "sentence",
    [
        "She was discharged home with follow-up in the Hepatology Clinic.",
        "He was transferred to the Major Trauma Centre.",
        "She developed palmar-plantar erythrodysaesthesia on Capecitabine.",
        "The aneurysm was coiled by the Interventional Neuroradiology Team.",
    ],
)
def test_a_service_or_drug_with_capitals_is_not_taken_for_an_identifier(sentence: str) -> None:
    assert find(sentence) == []


def test_a_named_centre_is_still_found() -> None:
    assert find("He was transferred to the Bridgewater Trauma Centre.")


#: Sentences the model alone takes for a unique characteristic: an ordinary job with the
#: indefinite article, and reported speech (a quotation and a verb of saying).
ORDINARY = [
    "The patient is a retired plumber who still repairs boilers for friends.",
    'Her father said, "She was asleep before her head hit the pillow."',
    "Pt: 'it burns like fire when I pass urine.'",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_an_ordinary_job_or_a_quotation_is_no_unique_characteristic(sentence: str) -> None:
    assert learned.ordinary(sentence, learned._TOKEN.findall(sentence))
    assert find(sentence) == []


@pytest.mark.parametrize("sentence", ORDINARY[:2])
def test_the_model_alone_flags_the_ordinary_sentences_when_it_fires_more_readily(
    sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model of round 10 no longer flags these at its threshold; at a low one (0.05) it
    takes the first two for a unique characteristic, and :func:`learned.ordinary`, not the
    model, keeps them out (so the test above still tests something)."""
    low = dataclasses.replace(learned.model(), threshold=0.05)
    monkeypatch.setattr(learned, "model", lambda: low)
    learned._certain_logits.cache_clear()
    try:
        assert find(sentence) == []
        monkeypatch.setattr(learned, "ordinary", lambda sentence, words: False)
        assert [(m.recognizer, m.category) for m in find(sentence)] == [
            ("learned", "characteristic")
        ]
    finally:
        monkeypatch.undo()
        learned._certain_logits.cache_clear()


def test_a_job_held_by_one_person_or_a_famous_speaker_is_still_a_characteristic() -> None:
    oboist = "She is the principal oboist of the national orchestra."
    assert [m.category for m in find(oboist)] == ["characteristic"]
    known = '"Everyone knows me, I\'m the one on the cereal box," he said.'
    assert not learned.ordinary(known, learned._TOKEN.findall(known))
    national = "He is a former national rowing coach."
    assert not learned.ordinary(national, learned._TOKEN.findall(national))
    famous = "She is a famous chef."
    assert not learned.ordinary(famous, learned._TOKEN.findall(famous))


def test_a_job_in_a_notes_label_and_what_a_patient_wrote_are_ordinary() -> None:
    for sentence in (
        "Occupation: window cleaner, works long hours.",
        "The patient wrote: 'I hope this helps someone.'",
    ):
        assert learned.ordinary(sentence, learned._TOKEN.findall(sentence))


def test_an_institution_that_names_none_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model of round 10 reads 'a District General Hospital' as an institution; made
    of the rules' generic words and an institution word, it names none."""
    generic = "Seen at a District General Hospital with a hot knee."
    assert find(generic) == []
    assert learned.unnamed(generic, generic.index("District"), generic.index(" with"))
    named = "Blood cultures taken at the National Referral Hospital grew nothing."
    assert not learned.unnamed(named, named.index("Referral"), named.index(" grew"))
    monkeypatch.setattr(learned, "unnamed", lambda sentence, first, last: False)
    assert [(m.recognizer, m.text) for m in find(generic)] == [
        ("learned", "District General Hospital")
    ]


@pytest.mark.parametrize(
    ("sentence", "guard", "pointed"),
    [
        (
            "A 38-year-old woman, para 3, presented to the medical outpatient department of our"
            " hospital in Pakistan with weakness for the last five years.",
            "young",
            ("age", "presented"),
        ),
        ("Pt 86 y/o, lives with daughter, independent ADLs.", "young", ("age", "with")),
    ],
)
def test_an_age_under_90_stated_is_no_age_over_89(
    sentence: str, guard: str, pointed: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model takes these for an age over 89, but the sentence states one under 90: the
    guard, not the model, keeps them out."""
    assert find(sentence) == []
    monkeypatch.setattr(learned, guard, lambda *args: False)
    assert [(m.category, m.text) for m in find(sentence)] == [pointed]


def test_an_age_that_could_be_over_89_is_still_read() -> None:
    assert learned.young("A 34-year-old woman presented with fatigue.")
    assert not learned.young("A 34-year-old woman cared for her mother, aged 96.")
    assert not learned.young("She lived alone.")  # no age stated: left to the model
    assert not learned.young("The 78-year-old is the widow of a centenarian.")
