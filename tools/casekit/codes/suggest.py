"""HPO terms for a finding's words, from the shipped ontology: exact matches of a term's
name or synonym first, then terms whose name or a synonym holds every word given."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from casekit.codes import hpo, similarity


@dataclass(frozen=True)
class Suggestion:
    id: str
    name: str
    #: 'name' or 'synonym' (exact), 'words' (every word found)
    match: str
    matched: str


def _normal(text: str) -> str:
    return similarity.spelling(" ".join(text.lower().replace("-", " ").split()))


@cache
def _texts() -> list[tuple[str, Suggestion]]:
    """(normalised text, suggestion) for the name and every synonym
    of each current phenotypic-abnormality term, shortest texts first; built once."""
    onto = hpo.ontology()
    out = []
    for term in onto.terms():
        if term.obsolete or not onto.is_a(term.id, hpo.PHENOTYPIC_ABNORMALITY):
            continue
        for text, kind in ((term.name, "name"), *((s, "synonym") for s in term.synonyms)):
            out.append((_normal(text), Suggestion(term.id, term.name, kind, text)))
    out.sort(key=lambda entry: (len(entry[0]), entry[1].match != "name", entry[1].id))
    return out


def suggest(words: str, limit: int = 10) -> list[Suggestion]:
    wanted = _normal(words)
    stems = similarity.stems(words)
    exact: list[Suggestion] = []
    partial: list[Suggestion] = []
    seen: set[str] = set()
    for normal, suggestion in _texts():
        if suggestion.id in seen:
            continue
        if normal == wanted:
            exact.append(suggestion)
            seen.add(suggestion.id)
        elif (
            stems
            and len(partial) < limit
            and all(stem in normal for stem in stems)
            and stems <= similarity.stems(normal)
        ):
            partial.append(Suggestion(suggestion.id, suggestion.name, "words", suggestion.matched))
            seen.add(suggestion.id)
    partial = [s for s in partial if s.id not in {e.id for e in exact}]
    return (exact + partial)[:limit]
