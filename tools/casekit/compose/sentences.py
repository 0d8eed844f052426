"""A sentence of a composed abstract, with what fitting needs to know about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Priorities, highest kept longest. What must stay (age and sex, the complaint, key
#: abnormal results, the tissue status, the final diagnosis, the outcome and one
#: learning point) is never left out to fit.
MUST = 10
KEY = 8  # results not judged against a range; red flags the knowledge packs name
FINDING = 6  # imaging, other tests, working and presumptive diagnoses
TREATMENT = 5
DIFFERENTIAL = 4
NARRATIVE = 3  # an event's own description that adds nothing structured
DETAIL = 2  # further learning points, normal results, follow-up details
BACKGROUND = 1
#: A later patient's sentence in a case series that an earlier patient's says word for word:
#: kept, it adds only '(in all three)' to the earlier one (:func:`casekit.compose.realise`).
REPEAT = 0
#: More than this share of a discussion sentence said by the learning points makes it their echo.
ECHO = 0.5


@dataclass(frozen=True)
class Moment:
    """When a sentence happened: the time as the case writes it, and in days."""

    time: dict[str, Any] | None
    days: float | None
    order: int


@dataclass(frozen=True)
class Sentence:
    """One sentence. ``text`` is without its time phrase (added when realised, against
    the sentence that survives before it); ``holds`` names what it says, for the message
    that lists what was left out; ``author`` marks text the author wrote for the abstract;
    ``echoes`` are the learning points a discussion sentence may repeat: while those that
    survive say most of it (:func:`is_echo`), fitting leaves it out; ``patient`` is the
    number of the patient of a case series it tells of (1 for the first), None otherwise."""

    text: str
    priority: int
    holds: str
    moment: Moment | None = None
    author: bool = False
    echoes: tuple[str, ...] = ()
    patient: int | None = None

    @property
    def must_stay(self) -> bool:
        return self.priority >= MUST


def is_echo(sentence: Sentence, said: set[str] | frozenset[str]) -> bool:
    """Whether the learning points still said (``said``: texts) say most of ``sentence``."""
    from casekit.compose.wording import coverage

    if not sentence.echoes:
        return False
    points = " ".join(p for p in sentence.echoes if p in said)
    return bool(points) and coverage(sentence.text, points) > ECHO
