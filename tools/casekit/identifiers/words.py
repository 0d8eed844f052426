"""The word lists of the dictionary layer, read once per process when first needed.

The large lists (names, places, ordinary English words) are built by
``tools/build_identifier_lists.py`` from library data sets and committed, sorted, with their
sources, in ``data/``; the safe-list and the short names of institutions are hand-written.
A sorted list is searched where it lies in the file's bytes (binary search on the UTF-8,
whose byte order is the order of the code points the lists are sorted by), so reading one
costs a file read: no set of 170,000 strings in every lint worker, and no decoding (the
2 MB gazetteer took 16 ms to decode, 0.3 ms to read).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

#: The lists ship inside the package (a wheel installs them as files, never zipped), so they
#: are read from beside this module: ``importlib.resources`` took 28 ms to set up on first use.
_DATA = Path(__file__).resolve().parent / "data"


def _text(name: str) -> str:
    return _bytes(name).decode("utf-8")


def _bytes(name: str) -> bytes:
    return (_DATA / name).read_bytes()


def _lines(name: str) -> list[str]:
    return [line for line in _text(name).splitlines() if line and not line.startswith("#")]


def write_sorted(path: Path, header: str, words: Iterable[str]) -> int:
    """Write ``words`` as :class:`SortedWords` reads them: '#' lines for ``header``, then
    the words sorted by code point (the byte order of their UTF-8), one a line. For the
    scripts that build the lists; returns how many words were written."""
    from casekit.fsutil import atomic_write

    kept = sorted(set(words))
    comments = [f"# {line}" for line in header.strip().splitlines()]
    atomic_write(path, "\n".join([*comments, *kept]) + "\n")
    return len(kept)


class SortedWords:
    """Membership in a sorted, newline-separated word list (UTF-8 bytes, '#' comment lines
    first), without splitting or decoding it."""

    def __init__(self, data: bytes) -> None:
        start = 0
        while data.startswith(b"#", start):
            start = data.index(b"\n", start) + 1
        self._blob = data[start:].rstrip(b"\n")

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        key = word.encode("utf-8")
        blob = self._blob
        lo, hi = 0, len(blob)
        while lo < hi:
            middle = (lo + hi) // 2
            start = blob.rfind(b"\n", 0, middle) + 1
            end = blob.find(b"\n", start)
            if end == -1:
                end = len(blob)
            line = blob[start:end]
            if line == key:
                return True
            if line < key:
                lo = end + 1
            else:
                hi = start
        return False


@cache
def given_names() -> SortedWords:
    return SortedWords(_bytes("given_names.txt"))


@cache
def surnames() -> SortedWords:
    return SortedWords(_bytes("surnames.txt"))


@cache
def places() -> SortedWords:
    return SortedWords(_bytes("places.txt"))


@cache
def english_words() -> SortedWords:
    """Ordinary lower-case English words ('still', 'grace', 'reading')."""
    return SortedWords(_bytes("english_words.txt"))


@cache
def medical_words() -> frozenset[str]:
    """Eponyms, genera and the like: never a name or a place."""
    return frozenset(word for line in _lines("medical_words.txt") for word in line.split())


@cache
def clinical_capitals() -> SortedWords:
    """Capitalised words of the clinical vocabularies that are no name or place ('Aarskog',
    'Kasabach'), built by tools/build_clinical_capitals.py."""
    return SortedWords(_bytes("clinical_capitals.txt"))


def clinical_term(word: str) -> bool:
    """A capitalised word of clinical text that is never a name or a place: an eponym or a
    genus of the safe-list (as written or in lower case), a clinical capital, a drug's name,
    or a word shaped like a specialty's ('Kasabach', 'Rifaximin', 'Electrophysiology')."""
    return (
        word in medical_words()
        or word.lower() in medical_words()
        or word in clinical_capitals()
        or word in drug_names()
        or specialty_shaped(word)
    )


#: Endings of the names of clinical specialties ('Electrophysiology', 'Cardiothoracic',
#: 'Orthogeriatric', 'Urogynaecology', 'Haematology'): no given name, surname or place ends so.
_SPECIALTY_ENDING = re.compile(r"(?:ology|ological|iatric|iatrics|thoracic)$")


def specialty_shaped(word: str) -> bool:
    """A capitalised word of eight letters or more shaped like a clinical specialty's name."""
    return len(word) >= 8 and word[:1].isupper() and _SPECIALTY_ENDING.search(word) is not None


@cache
def drug_names() -> SortedWords:
    """Names of drugs no other list holds, generic, of other pharmacopoeias and brands
    ('Bromocriptine', 'Salbutamol', 'Tazocin'), for the drugs of DrugBank's open vocabulary,
    built by tools/build_drug_names.py. Read by the rules only: the learned layer's features
    were trained without it."""
    return SortedWords(_bytes("drug_names.txt"))


@cache
def eponym_nouns() -> SortedWords:
    """Lower-case words that follow an eponym in the clinical vocabularies ('angina' of
    'Ludwig's angina'), built by tools/build_eponym_nouns.py."""
    return SortedWords(_bytes("eponym_nouns.txt"))


@cache
def institutions() -> tuple[str, ...]:
    """Institutions known by a short name, longest first."""
    return tuple(sorted(_lines("institutions.txt"), key=len, reverse=True))


@cache
def languages() -> frozenset[str]:
    """Names of languages ('Dari', 'Welsh', 'Tagalog'), built by tools/build_identifier_lists.py."""
    return frozenset(_lines("languages.txt"))


@cache
def large_areas() -> frozenset[str]:
    """Countries, continents, states and world regions: places Safe Harbor allows."""
    return frozenset(_lines("large_areas.txt"))


@cache
def uniqueness_words() -> dict[str, str]:
    """Cue words of uniqueness or rank ('only', 'oldest': kind 'u') and of publicity
    ('famous', 'televised': kind 'f'), read by the learned layer as a flag."""
    return dict(line.split(" ", 1) for line in _lines("uniqueness_words.txt"))
