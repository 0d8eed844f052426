"""Counting words and characters the way abstract submission systems do.

Conventions (tested against hand-counted examples in tests/render/test_counting.py):

* A word is a run of characters between whitespace that contains at least one letter
  or digit. ``L2-3``, ``10^9/L`` and ``non-steroidal`` are one word each; a lone ``-``
  or ``>`` is not a word.
* Characters are counted after each run of whitespace (spaces, tabs, line breaks) has
  become a single space and the ends are trimmed. "Without spaces" leaves out every
  whitespace character; punctuation always counts.
* Each part (title, an author list, a heading, a section) is counted on its own and the
  counts are added; the line breaks and separators casekit puts between parts do not count.
"""

from __future__ import annotations


def count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def count_characters(text: str, *, spaces: bool = True) -> int:
    normalised = " ".join(text.split())
    if spaces:
        return len(normalised)
    return len(normalised.replace(" ", ""))
