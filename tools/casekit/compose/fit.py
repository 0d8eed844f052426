"""Leave out the lowest-priority sentences until the abstract fits.

``measure`` is given the parts that survive and answers how far over the limit they
are (0 or less: fits) and which parts are over a per-part limit. Sentences are left out
lowest priority first and, among equals, last first; what must stay never is. When what
must stay is still over, the result says so and names the longest must-stay sentences.

A structured abstract's sections (``sections``: the part kinds under each heading) each
keep their last sentence, the highest-priority one, while anything else may go: a venue
returns an abstract without its Background, where a clinician would have shortened the
case presentation. Only when the abstract cannot fit with it is such a sentence left out,
the lowest-priority first, and the caller says that the section went.

Leaving out one at a time can overshoot: a long sentence goes and leaves room for a
shorter one left out before it. So once the text fits, what was left out is tried again,
a sentence that would fill an emptied section first, then highest priority first, and
each sentence that still fits comes back in its place. A discussion sentence that echoes
a learning point still there is left out and does not come back: the point says it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from casekit.compose.sentences import Sentence, is_echo

Measure = Callable[[dict[str, list[Sentence]]], tuple[int, set[str]]]
Parts = dict[str, list[Sentence]]


@dataclass
class FitResult:
    parts: Parts
    left_out: list[Sentence] = field(default_factory=list)
    fits: bool = True
    over: int = 0


def fit(parts: Parts, measure: Measure, sections: Sequence[Collection[str]] = ()) -> FitResult:
    """``parts`` fitted by ``measure``; each of ``sections`` (part kinds shown under one
    heading) keeps a sentence unless the abstract cannot fit with it."""
    current = {kind: list(sentences) for kind, sentences in parts.items()}
    left_out: list[Sentence] = []
    _leave_out_echoes(current, left_out)
    over = _leave_out(current, left_out, measure, sections)
    if over is not None:
        over = _leave_out(current, left_out, measure, ())
    if over is not None:
        return FitResult(current, left_out, False, over)
    _bring_back(parts, current, left_out, measure, sections)
    return FitResult(current, left_out, True, 0)


def _leave_out(
    current: Parts, left_out: list[Sentence], measure: Measure, sections: Sequence[Collection[str]]
) -> int | None:
    """Leave out sentences until ``measure`` says the parts fit (returns None), never the
    last sentence of one of ``sections``; else how far over they stay."""
    while True:
        over, over_parts = measure(current)
        if over <= 0 and not over_parts:
            return None
        last = _last_of_sections(current, sections)
        candidates = [
            (s.priority, -index, -order, kind, index)
            for order, (kind, sentences) in enumerate(current.items())
            if not over_parts or kind in over_parts
            for index, s in enumerate(sentences)
            if not s.must_stay and id(s) not in last
        ]
        if not candidates:
            return over
        *_, kind, index = min(candidates)
        left_out.append(current[kind].pop(index))


def _last_of_sections(current: Parts, sections: Sequence[Collection[str]]) -> set[int]:
    """The ids of the sentences that are the only one left in their section."""
    last = set()
    for kinds in sections:
        remaining = [s for kind in kinds for s in current.get(kind, [])]
        if len(remaining) == 1:
            last.add(id(remaining[0]))
    return last


def _said(current: Parts) -> set[str]:
    return {s.text for sentences in current.values() for s in sentences}


def _leave_out_echoes(current: Parts, left_out: list[Sentence]) -> None:
    said = _said(current)
    for kind, sentences in current.items():
        left_out.extend(s for s in sentences if is_echo(s, said))
        current[kind] = [s for s in sentences if not is_echo(s, said)]


def _bring_back(
    parts: Parts,
    current: Parts,
    left_out: list[Sentence],
    measure: Measure,
    sections: Sequence[Collection[str]],
) -> None:
    """Put back each left-out sentence that still fits, in its place in its part: first
    those that would fill an emptied section, then highest priority first (then in
    reading order)."""
    where = {id(s): (kind, i) for kind, ss in parts.items() for i, s in enumerate(ss)}
    order = list(where)

    def fills_empty(sentence: Sentence) -> bool:
        kind, _ = where[id(sentence)]
        return any(kind in kinds and not any(current.get(k) for k in kinds) for kinds in sections)

    ordered = sorted(left_out, key=lambda s: (-s.priority, order.index(id(s))))
    for sentence in ordered:
        if fills_empty(sentence):
            _put_back(sentence, where[id(sentence)][0], parts, current, left_out, measure)
    for sentence in ordered:
        if any(s is sentence for s in left_out):
            _put_back(sentence, where[id(sentence)][0], parts, current, left_out, measure)


def _put_back(
    sentence: Sentence,
    kind: str,
    parts: Parts,
    current: Parts,
    left_out: list[Sentence],
    measure: Measure,
) -> None:
    """Put ``sentence`` back in its place in ``kind`` if the parts still fit with it."""
    if is_echo(sentence, _said(current)):
        return
    kept = {id(s) for s in current[kind]} | {id(sentence)}
    trial = dict(current)
    trial[kind] = [s for s in parts[kind] if id(s) in kept]
    over, over_parts = measure(trial)
    if over <= 0 and not over_parts:
        current[kind] = trial[kind]
        left_out.remove(sentence)
