"""Build ``identifiers/data/drug_names.txt`` (run by hand; the output is committed).

    .venv/bin/pip install drug-named-entity-recognition==2.0.9
    .venv/bin/python tools/build_drug_names.py

Authors capitalise drugs ('Dantrolene and Bromocriptine were given'), and a capitalised word
that no list knows reads as a name. The WHO's INN stems (``proper._DRUG_STEM``) cover the
classes that have one; this list covers the rest: the drugs of DrugBank's open vocabulary
(DrugBank Open Data, CC0 1.0, https://go.drugbank.com/releases/latest#open-data), as the
``drug-named-entity-recognition`` package (Fast Data Science, MIT licence) ships them in its
dictionary file, by every name the package maps to one of them: the generic name ('albuterol'),
the names of other pharmacopoeias and languages ('salbutamol', 'frusemide', 'lignocaine') and
brand names ('Tazocin'). A word is kept when it has five letters or more and is no ordinary
English word, given name, surname or place (so a brand such as 'Allegra', and 'Candida',
'Angelica' or 'Evans', stay names and places), nor already a clinical capital.

The dictionary is a bz2 pickle read from the installed package's folder without importing the
package (importing it reads a cache in the home folder). A build-time tool only: casekit does
not depend on the package, and no lint process reads more than the word list written here.
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
import sys
from pathlib import Path

from casekit.identifiers import words

OUT = Path(__file__).resolve().parent / "casekit" / "identifiers" / "data" / "drug_names.txt"
PACKAGE = "drug-named-entity-recognition==2.0.9"
#: A word of a drug's name (the package holds them in lower case): letters only, five or more.
WORD = re.compile(r"\b[a-z]{5,}\b")


def _names() -> list[str]:
    """Every name (lower case) the package maps to a drug that has a DrugBank identifier."""
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"build_drug_names: install {PACKAGE} into this environment first.")
    folder = Path(next(iter(spec.submodule_search_locations)))
    with bz2.open(folder / "drug_ner_dictionary.pkl.bz2", "rb") as handle:
        loaded = pickle.load(handle)  # a pinned package's own data file
    canonical: dict[str, dict[str, object]] = loaded["drug_canonical_to_data"]
    variants: dict[str, list[str]] = loaded["drug_variant_to_canonical"]
    in_drugbank = {key for key, entry in canonical.items() if "drugbank_id" in entry}
    return [name for name, drugs in variants.items() if not in_drugbank.isdisjoint(drugs)]


def main() -> None:
    found = {word.capitalize() for name in _names() for word in WORD.findall(name.lower())}
    ordinary, given = words.english_words(), words.given_names()
    family, places, clinical = words.surnames(), words.places(), words.clinical_capitals()
    kept = [
        word
        for word in found
        if word.lower() not in ordinary
        and word not in given
        and word not in family
        and word not in places
        and word not in clinical
    ]
    header = (
        "Names of the drugs of DrugBank's open vocabulary (DrugBank Open Data, CC0 1.0): generic,\n"
        f"other pharmacopoeias' and brand names, as {PACKAGE}\n"
        "maps them, that are neither ordinary English words, given names, surnames, places nor\n"
        "clinical capitals. Built by tools/build_drug_names.py."
    )
    print(f"{OUT.name}: {words.write_sorted(OUT, header, kept)} words")


if __name__ == "__main__":
    main()
