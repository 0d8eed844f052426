"""A sentence of a composed abstract, with what fitting needs to know about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Priorities, highest kept longest. What must stay (age and sex, the complaint, key
#: abnormal results, the tissue status, the final diagnosis, the outcome and one
#: learning point) is never left out to fit.
MUST = 10
KEY = 8  # results not judged against a range (casekit cannot tell they are normal)
FINDING = 6  # imaging, other tests, working and presumptive diagnoses
TREATMENT = 5
DIFFERENTIAL = 4
NARRATIVE = 3  # an event's own description that adds nothing structured
DETAIL = 2  # further learning points, normal results, follow-up details
BACKGROUND = 1


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
    that lists what was left out; ``author`` marks text the author wrote for the abstract."""

    text: str
    priority: int
    holds: str
    moment: Moment | None = None
    author: bool = False

    @property
    def must_stay(self) -> bool:
        return self.priority >= MUST
