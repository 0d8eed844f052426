"""Word and character counts, checked against texts counted by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casekit.render.counting import count_characters, count_words

EN_DASH = "\u2013"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "CRMO / is / a / diagnosis / of / exclusion." -> 6
        ("CRMO is a diagnosis of exclusion.", 6),
        # hyphenated and unit-like tokens are one word each: "L2-3" (en dash), "10^9/L",
        # "non-steroidal" -> Kyphosis at L2-3; WCC 17 10^9/L; non-steroidal drugs. = 8
        (f"Kyphosis at L2{EN_DASH}3; WCC 17 10^9/L; non-steroidal drugs.", 8),
        # a lone dash or comparator is not a word: "ESR", "60", "mm/h", "raised" -> 4
        (f"ESR > 60 mm/h {EN_DASH} raised", 4),
        # whitespace of any kind separates words; empty text has none
        ("one\ttwo\nthree  four", 4),
        ("", 0),
        (f"   {EN_DASH} \u2014 >  ", 0),
    ],
)
def test_words_are_counted_by_hand(text: str, words: int) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("text", "with_spaces", "without_spaces"),
    [
        # "A limp." = A(1) space(1) l-i-m-p(4) .(1) = 7; without the one space = 6
        ("A limp.", 7, 6),
        # runs of whitespace count as one space: "Hb  7.0\n g/dL" -> "Hb 7.0 g/dL" = 11, no spaces 9
        ("Hb  7.0\n g/dL", 11, 9),
        # leading and trailing whitespace is not counted
        ("  ALL  ", 3, 3),
        # non-ASCII characters count once each: "L2-3" with an en dash = 4
        (f"L2{EN_DASH}3", 4, 4),
    ],
)
def test_characters_are_counted_by_hand(text: str, with_spaces: int, without_spaces: int) -> None:
    assert count_characters(text, spaces=True) == with_spaces
    assert count_characters(text, spaces=False) == without_spaces


#: Any character, and often the spaces, separators and marks where the two counts could part.
_CHARACTERS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\u00a0\u1680\u2009\u2028\u3000\u200b_-\u00b2\u0663"),
)


@given(st.text(alphabet=_CHARACTERS, max_size=60))
def test_a_word_is_a_run_between_spaces_with_a_letter_or_digit(text: str) -> None:
    """The quick count is the definition's: split on whitespace, keep runs with a letter or
    digit, whatever the script, spaces and marks."""
    expected = sum(1 for token in text.split() if any(ch.isalnum() for ch in token))
    assert count_words(text) == expected
