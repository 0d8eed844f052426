"""The plan of an abstract: every part as a list of prioritised sentences.

Part kinds are the profile's content names (``introduction``, ``case``, ``outcome``,
``discussion``, ``learning_points``, ``consent``) plus ``differential``, which goes to
the discussion where a profile has one and to the case presentation otherwise. Where
the author wrote a part for the abstract (``abstract`` in the case, for every venue or
for one profile), that text is used verbatim and is never shortened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from casekit import model
from casekit.compose import salience, story
from casekit.compose import wording as w
from casekit.compose.sentences import (
    BACKGROUND,
    DETAIL,
    KEY,
    MUST,
    NARRATIVE,
    REPEAT,
    TREATMENT,
    Sentence,
    is_echo,
)
from casekit.render.text import oxford_join

PART_KINDS = (
    "introduction",
    "case",
    "outcome",
    "differential",
    "discussion",
    "learning_points",
    "consent",
)
#: The names an author uses in the case's ``abstract`` object, and the part each fills.
AUTHOR_PARTS = {
    "background": "introduction",
    "case_presentation": "case",
    "outcome": "outcome",
    "discussion": "discussion",
    "conclusion": "learning_points",
}


@dataclass(frozen=True)
class Plan:
    """The sentences of each part, in reading order, before anything is left out."""

    parts: dict[str, list[Sentence]]
    abbreviations: dict[str, str]
    authored: frozenset[str]

    def sentences(self) -> list[tuple[str, int, Sentence]]:
        return [(kind, i, s) for kind, ss in self.parts.items() for i, s in enumerate(ss)]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def author_text(case: dict[str, Any], profile_name: str | None) -> dict[str, str]:
    """The author's own abstract text per part kind: the profile's own, else the general."""
    written = _dict(case.get("abstract"))
    general = {k: v for k, v in written.items() if k in AUTHOR_PARTS and isinstance(v, str)}
    own = _dict(_dict(written.get("profiles")).get(profile_name or ""))
    general.update({k: v for k, v in own.items() if k in AUTHOR_PARTS and isinstance(v, str)})
    # Text without a letter or digit says nothing: the part is composed instead.
    return {AUTHOR_PARTS[k]: v for k, v in general.items() if re.search(r"[^\W_]", v)}


def _authored(text: str, kind: str) -> list[Sentence]:
    return [
        Sentence(" ".join(s.split()), MUST, f"your own {kind.replace('_', ' ')} text", author=True)
        for s in w.split_sentences(text)
    ]


def _prose(text: Any, first: int, rest: int, holds: str) -> list[Sentence]:
    sentences = w.split_sentences(str(text or ""))
    return [
        Sentence(
            w.sentence(s),
            first if i == 0 else rest,
            holds if len(sentences) == 1 else f"{holds}, sentence {i + 1} of {len(sentences)}",
        )
        for i, s in enumerate(sentences)
    ]


def _repeat_priority(sentence: Sentence) -> int:
    """The rank of a later patient's sentence that an earlier patient's says word for word.
    Kept, it costs only '(in all three)' on the earlier one: a result or a diagnosis keeps
    its rank (the second child's biopsy showed the same), anything else goes before what is
    this patient's own ('A radiograph was taken' again, before her outcome)."""
    return sentence.priority if sentence.priority >= TREATMENT else REPEAT


def _series_case(case: dict[str, Any], abbreviations: dict[str, str]) -> list[Sentence]:
    summary = model.series_summary(case)
    views = model.patient_views(case)
    ages = [a for a in summary.ages if a is not None]
    adults = bool(ages) and all(w.person_noun({"age": a}).endswith("adult") for a in ages)
    noun = "adults" if adults else "children"
    count = w.capitalise(w.number_words(summary.count))
    aged = f" aged {summary.age_range}" if summary.age_range else ""
    sexes = summary.sex_counts
    sex_words = {
        "female": ("girl", "girls", "woman", "women"),
        "male": ("boy", "boys", "man", "men"),
    }
    described = []
    for sex, n in sexes.items():
        if sex in sex_words:
            one, many, one_adult, many_adult = sex_words[sex]
            word = (one_adult if n == 1 else many_adult) if adults else (one if n == 1 else many)
            described.append(f"{w.number_words(n)} {word}")
    who = f" ({oxford_join(described)})" if len(described) > 1 else ""
    out = [
        Sentence(
            w.sentence(f"{count} {noun}{who}{aged} are described"),
            MUST,
            "the number, ages and sexes of the patients",
        )
    ]
    told: set[str] = set()  # the earlier patients' sentences
    for index, view in enumerate(views):
        patient = _dict(view.data.get("patient"))
        ordinal = w.ordinal_words(index + 1)
        noun_phrase = w.article(w.person_noun(patient))
        complaint = w.lower_first(w.clause(str(patient.get("presenting_complaint") or "")))
        lead = w.sentence(
            f"The {ordinal}, {noun_phrase}, presented with {complaint}"
            if complaint
            else f"The {ordinal} was {noun_phrase}"
        )
        patient_story = story.story(
            view.data, abbreviations, lead=lead, lower=3 if index else 1, keep_must=index == 0
        )
        out.extend(
            Sentence(
                s.text,
                _repeat_priority(s) if index and s.text in told else s.priority,
                f"{view.label}: {s.holds}",
                s.moment,
                patient=index + 1,
            )
            for s in patient_story
        )
        told.update(s.text for s in patient_story)
    return out


def _learning_points(case: dict[str, Any]) -> list[Sentence]:
    """The learning points; the one the case turns on stays. That is the first point
    naming a confirming test the case went without (a bone biopsy not performed, for a
    presumed CRMO), else the first point; the first ranks next, the rest after the case."""
    points = [p for p in case.get("learning_points") or [] if isinstance(p, str) and p.strip()]
    views = model.patient_views(case)
    missing = tuple(t for v in views for t in salience.teaching(v.data).missing_tests)
    about_test = salience.Teaching(missing_tests=missing).names_missing_test
    turning = next((i for i, p in enumerate(points) if about_test(p)), 0)

    def priority(index: int) -> int:
        if index == turning:
            return MUST
        return KEY - 1 if index == 0 else DETAIL

    return [
        Sentence(w.sentence(p), priority(i), f"learning point {i + 1}")
        for i, p in enumerate(points)
    ]


def _mark_echoes(discussion: list[Sentence], points: list[Sentence]) -> list[Sentence]:
    """A discussion sentence that the learning points mostly say again ('Early on, CRMO can
    look like acute osteomyelitis, and it is confirmed only by bone biopsy.' beside 'At
    presentation, CRMO can mimic acute osteomyelitis.' and 'The definitive diagnosis of
    CRMO is by bone biopsy') is marked as their echo: fitting leaves it out while they stay.
    The rank of a discussion's first sentence goes to its first sentence that is no echo."""
    texts = tuple(p.text for p in points)
    marked = [replace(s, echoes=texts) for s in discussion]
    echoing = [is_echo(s, frozenset(texts)) for s in marked]
    if marked and echoing[0] and not all(echoing):
        first = echoing.index(False)
        top = marked[0].priority
        marked[0] = replace(marked[0], priority=marked[first].priority)
        marked[first] = replace(marked[first], priority=top)
    return marked


def plan(case: dict[str, Any], profile_name: str | None = None) -> Plan:
    """Every part of the abstract as prioritised sentences, before fitting."""
    abbreviations = story.case_abbreviations(case)
    authored = author_text(case, profile_name)
    parts: dict[str, list[Sentence]] = {}
    parts["introduction"] = _prose(
        case.get("introduction"), NARRATIVE - 1, BACKGROUND, "the background"
    )
    if model.is_series(case):
        parts["case"] = _series_case(case, abbreviations)
        parts["outcome"] = []
        parts["differential"] = []
    else:
        parts["outcome"] = story.outcome_sentences(case)
        # The outcome must stay; an event that only says the same goes.
        parts["case"] = [
            s
            for s in story.story(case, abbreviations)
            if s.must_stay or not any(w.coverage(s.text, o.text) >= 0.75 for o in parts["outcome"])
        ]
        parts["differential"] = story.differential_sentences(case)
    parts["discussion"] = _prose(
        case.get("discussion"), BACKGROUND + 1, BACKGROUND, "the discussion"
    )
    parts["learning_points"] = _learning_points(case)
    parts["discussion"] = _mark_echoes(parts["discussion"], parts["learning_points"])
    consent = _dict(case.get("consent")).get("statement")
    parts["consent"] = _prose(consent, BACKGROUND, BACKGROUND, "the consent statement")
    for kind, text in authored.items():
        parts[kind] = _authored(text, kind)
        if kind == "case":
            parts["outcome"] = []
            parts["differential"] = []
    # Nothing said twice: a composed sentence the author's own text already says goes.
    written = [s.text for kind in authored for s in parts[kind]]
    if written:
        for kind in parts:
            if kind not in authored:
                parts[kind] = [
                    s
                    for s in parts[kind]
                    if not any(w.coverage(s.text, t) >= 0.75 for t in written)
                ]
    return Plan(parts, abbreviations, frozenset(authored))
