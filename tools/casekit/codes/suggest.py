"""HPO terms for a finding's words, from the shipped ontology: exact matches of a term's
name or synonym first, then terms whose name or a synonym holds every word given."""

from __future__ import annotations

from dataclasses import dataclass

from casekit.codes import hpo, similarity


@dataclass(frozen=True)
class Suggestion:
    id: str
    name: str
    #: 'name' or 'synonym' (exact), 'words' (every word found)
    match: str
    matched: str


def _normal(text: str) -> str:
    return " ".join(similarity._spelling(w) for w in text.lower().replace("-", " ").split())


def suggest(words: str, limit: int = 10) -> list[Suggestion]:
    onto = hpo.ontology()
    wanted = _normal(words)
    stems = similarity.stems(words)
    exact: list[Suggestion] = []
    partial: list[tuple[int, Suggestion]] = []
    for term in onto.terms.values():
        if term.obsolete or not onto.is_a(term.id, hpo.PHENOTYPIC_ABNORMALITY):
            continue
        if _normal(term.name) == wanted:
            exact.insert(0, Suggestion(term.id, term.name, "name", term.name))
            continue
        synonym = next((s for s in term.synonyms if _normal(s) == wanted), None)
        if synonym is not None:
            exact.append(Suggestion(term.id, term.name, "synonym", synonym))
            continue
        if not stems:
            continue
        for text in (term.name, *term.synonyms):
            if stems <= similarity.stems(text):
                partial.append((len(text), Suggestion(term.id, term.name, "words", text)))
                break
    partial.sort(key=lambda pair: (pair[0], pair[1].id))
    return (exact + [s for _, s in partial])[:limit]
