"""Leave out the lowest-priority sentences until the abstract fits.

``measure`` is given the parts that survive and answers how far over the limit they
are (0 or less: fits) and which parts are over a per-part limit. Sentences are left out
lowest priority first and, among equals, last first; what must stay never is. When what
must stay is still over, the result says so and names the longest must-stay sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from casekit.compose.sentences import Sentence

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
    while True:
        over, over_parts = measure(current)
        if over <= 0 and not over_parts:
            return FitResult(current, left_out, True, 0)
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
