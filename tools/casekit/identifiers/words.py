"""The word lists of the dictionary layer, read once per process when first needed.

The large lists (names, places, ordinary English words) are built by
``tools/build_identifier_lists.py`` from library data sets and committed, sorted, with their
sources, in ``data/``; the safe-list and the short names of institutions are hand-written.
A sorted list is searched where it lies in the file's text (binary search), so reading one
costs a file read, not a set of 170,000 strings in every lint worker.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _text(name: str) -> str:
    return resources.files("casekit.identifiers").joinpath("data", name).read_text("utf-8")


def _lines(name: str) -> list[str]:
    return [line for line in _text(name).splitlines() if line and not line.startswith("#")]


class SortedWords:
    """Membership in a sorted, newline-separated word list, without splitting it."""

    def __init__(self, text: str) -> None:
        body = text
        while body.startswith("#"):
            body = body[body.index("\n") + 1 :]
        self._blob = body.rstrip("\n")

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        blob = self._blob
        lo, hi = 0, len(blob)
        while lo < hi:
            middle = (lo + hi) // 2
            start = blob.rfind("\n", 0, middle) + 1
            end = blob.find("\n", start)
            if end == -1:
                end = len(blob)
            line = blob[start:end]
            if line == word:
                return True
            if line < word:
                lo = end + 1
            else:
                hi = start
        return False


@cache
def given_names() -> SortedWords:
    return SortedWords(_text("given_names.txt"))


@cache
def surnames() -> SortedWords:
    return SortedWords(_text("surnames.txt"))


@cache
def places() -> SortedWords:
    return SortedWords(_text("places.txt"))


@cache
def english_words() -> SortedWords:
    """Ordinary lower-case English words ('still', 'grace', 'reading')."""
    return SortedWords(_text("english_words.txt"))


@cache
def medical_words() -> frozenset[str]:
    """Eponyms, genera and the like: never a name or a place."""
    return frozenset(word for line in _lines("medical_words.txt") for word in line.split())


@cache
def clinical_capitals() -> SortedWords:
    """Capitalised words of the clinical vocabularies that are no name or place ('Aarskog',
    'Kasabach'), built by tools/build_clinical_capitals.py."""
    return SortedWords(_text("clinical_capitals.txt"))


@cache
def institutions() -> tuple[str, ...]:
    """Institutions known by a short name, longest first."""
    return tuple(sorted(_lines("institutions.txt"), key=len, reverse=True))


@cache
def large_areas() -> frozenset[str]:
    """Countries, continents, states and world regions: places Safe Harbor allows."""
    return frozenset(_lines("large_areas.txt"))
