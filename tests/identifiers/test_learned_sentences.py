"""The learned layer's quick reading (casekit.identifiers.learned): the sentences, words and
decisions of :func:`find_learned` are those of the plain reading it replaced, one field and
one cut at a time (:func:`learned._sentences_to_read`, :func:`learned.words_of`,
:func:`learned.probability`), on texts made to trip it."""

from __future__ import annotations

import bisect
import math
import random

import pytest

from casekit.identifiers import learned

#: Pieces of text that touch every rule of the quick reading: stops before a capital or a
#: newline, titles and initials before a stop, whitespace that is not a space, field
#: separators, placeholders, markup, characters outside ASCII.
PIECES = [
    *["the", "child", "was", "seen", "by", "Quillon", "Marbury", "in", "Zephyrine", "clinic"],
    *["Dr", "Mrs", "St", "e.g", "i.e", "J", "K", "no", "12", "3.5", "2021-08-17", "O'Brien"],
    *["st-john", "café", "Zoë", "_x", "µg", "°C", "todo", "TODO", "TODO:"],
    *["et al", "Dr. ", "J. ", "et al. ", "No. ", "x.Dr. ", "\u2019", "\u201c", '"', "(", ")"],
    *[".", ".", ". ", ". ", "! ", "? ", ",", ":", "-", "/"],
    *[" ", " ", " ", "  ", "\t", "\x0b", "\x1c", "\u00a0", "\u2028", "\r"],
    *["\n", "\n", ". \n", ".\n", ".  \n ", "\x00", "\n\x00\n", "\n\x00\n"],
    *["[@smith2020]", "[#/volume]", "<b>", "</b>", "<!-- a. B -->", "{{ x }}", "](http://x.y)"],
    *["<", "[", "{"],
]


def _texts(count: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [chooser.choice(PIECES) for _ in range(chooser.randint(0, 40))]
        texts.append("".join(w if chooser.random() < 0.5 else w + " " for w in words))
    return texts


def _as_before(text: str, covered: list[int]) -> list[tuple[int, int, list[str]]]:
    """The readable sentences as the plain reading finds them."""
    found = []
    for start, end in learned._sentences_to_read(text):
        at = bisect.bisect_left(covered, start)
        if at < len(covered) and covered[at] < end:
            continue
        words = learned.words_of(text[start:end])
        if learned.readable(words):
            found.append((start, end, words))
    return found


TEXTS = [
    *_texts(4000, 20260101),
    "She met Dr. Okafor. Then she left.\nNext line",
    "Seen by J. Example and K. Other. The plan was agreed.",
    "The child was seen. \nThe plan was agreed. ",  # a stop's space runs over the newline
    "x. B\nthe child was seen by Quillon",  # a cut in a line too short to read
    "a b c\n\x00\nd,e,f. G h i",  # three words in five characters
    "Haemoglobin\n\x00\nPlatelet count\n\x00\nThe boy told us that Zephyrine had left.",
    "TODO: the first diagnosis considered. Optionally add codes.\n\x00\nThe boy saw Zephyrine.",
    "CRP <5 and CK >200 were seen. The boy told us that Zephyrine had left.",
]


@pytest.mark.parametrize("seed", range(4))
def test_sentences_are_those_of_the_plain_reading(seed: int) -> None:
    chooser = random.Random(seed)
    for text in TEXTS[seed::4]:
        assert learned._sentence_spans(text) == list(learned._sentences_to_read(text)), text
        some = sorted(chooser.sample(range(len(text) + 1), min(len(text) + 1, seed + 1)))
        for covered in ([], some):
            # In any order: those of lines with a stop inside come last.
            read = sorted(learned._readable_sentences(text, covered))
            assert read == _as_before(text, covered), text


def test_matches_are_those_of_the_plain_reading() -> None:
    threshold = learned.model().threshold
    for text in [
        *TEXTS[::4],
        *TEXTS[-8:],
        "The boy told us that Zephyrine had pushed him off the trampoline.",
        "Haemoglobin\n\x00\nThe boy told us that Zephyrine had pushed him. He cried.",
    ]:
        expected = []
        for start, end, words in _as_before(text, []):
            if learned.probability(words) >= threshold:
                first, last, category = learned.pointed_at(text[start:end], words)
                expected.append((start + first, start + last, category, "learned"))
        assert learned.find_learned(text) == expected, text


def test_stops_at_the_end_are_not_read() -> None:
    assert learned._read(["Seen", "today", ".", "!"]) == ["Seen", "today"]
    assert learned._read(["Seen", "today"]) == ["Seen", "today"]


def test_a_kept_score_is_the_score_worked_out_again() -> None:
    words = learned.words_of("The boy told us that Zephyrine had pushed him off the trampoline.")
    kept = learned.probability(words)
    learned.reload_model()
    assert learned.probability(words) == kept  # worked out afresh
    assert learned.probability(words) == kept  # read from what was kept


def test_logits_far_from_the_threshold_decide_as_the_probability_does() -> None:
    never, always = learned._certain_logits()
    threshold = learned.model().threshold
    assert never < always < never + 1e-4
    for step in range(-2000, 2001):
        logit = (never + always) / 2 + step * (always - never) / 100
        if logit < never:
            assert learned._sigmoid(logit) < threshold
        elif logit >= always:
            assert learned._sigmoid(logit) >= threshold
    assert math.isfinite(never) and math.isfinite(always)
