"""Leave out the lowest-priority sentences until the abstract fits.

``measure`` is given the parts that survive and answers how far over the limit they
are (0 or less: fits) and which parts are over a per-part limit. Sentences are left out
lowest priority first and, among equals, last first; what must stay never is. When what
must stay is still over, the result says so and names the longest must-stay sentences.

Leaving out one at a time can overshoot: a long sentence goes and leaves room for a
shorter one left out before it. So once the text fits, what was left out is tried again,
highest priority first, and each sentence that still fits comes back in its place. A
discussion sentence that echoes a learning point still there is left out and does not
come back: the point says it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from casekit.compose.sentences import Sentence, is_echo

Measure = Callable[[dict[str, list[Sentence]]], tuple[int, set[str]]]


@dataclass
class FitResult:
    parts: dict[str, list[Sentence]]
    left_out: list[Sentence] = field(default_factory=list)
    fits: bool = True
    over: int = 0


def fit(parts: dict[str, list[Sentence]], measure: Measure) -> FitResult:
    current = {kind: list(sentences) for kind, sentences in parts.items()}
    left_out: list[Sentence] = []
    _leave_out_echoes(current, left_out)
    while True:
        over, over_parts = measure(current)
        if over <= 0 and not over_parts:
            break
        candidates = [
            (s.priority, -index, -order, kind, index)
            for order, (kind, sentences) in enumerate(current.items())
            if not over_parts or kind in over_parts
            for index, s in enumerate(sentences)
            if not s.must_stay
        ]
        if not candidates:
            return FitResult(current, left_out, False, over)
        *_, kind, index = min(candidates)
        left_out.append(current[kind].pop(index))
    _bring_back(parts, current, left_out, measure)
    return FitResult(current, left_out, True, 0)


def _said(current: dict[str, list[Sentence]]) -> set[str]:
    return {s.text for sentences in current.values() for s in sentences}


def _leave_out_echoes(current: dict[str, list[Sentence]], left_out: list[Sentence]) -> None:
    said = _said(current)
    for kind, sentences in current.items():
        left_out.extend(s for s in sentences if is_echo(s, said))
        current[kind] = [s for s in sentences if not is_echo(s, said)]


def _bring_back(
    parts: dict[str, list[Sentence]],
    current: dict[str, list[Sentence]],
    left_out: list[Sentence],
    measure: Measure,
) -> None:
    """Put back, highest priority first (then in reading order), each left-out sentence
    that still fits, in its place in its part."""
    where = {id(s): (kind, i) for kind, ss in parts.items() for i, s in enumerate(ss)}
    order = list(where)
    for sentence in sorted(left_out, key=lambda s: (-s.priority, order.index(id(s)))):
        if is_echo(sentence, _said(current)):
            continue
        kind, _ = where[id(sentence)]
        kept = {id(s) for s in current[kind]} | {id(sentence)}
        trial = dict(current)
        trial[kind] = [s for s in parts[kind] if id(s) in kept]
        over, over_parts = measure(trial)
        if over <= 0 and not over_parts:
            current[kind] = trial[kind]
            left_out.remove(sentence)
