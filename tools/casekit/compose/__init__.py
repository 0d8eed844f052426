"""Compose an abstract as data: parts of prioritised sentences, planned from the whole case.

:func:`plan` reads a case (one patient or a series) and returns the abstract's parts
(background, case presentation, outcome, differential, discussion, conclusion, consent),
each a list of :class:`~casekit.compose.sentences.Sentence` carrying a priority and a
label of what it holds. :func:`fit` leaves out the lowest-priority sentences until a
measure says the text fits; :func:`realise` turns the surviving sentences into text
(time phrases chosen against the sentence before, abbreviations defined once, nothing
said twice). Templates only lay the text out.
"""

from __future__ import annotations

from casekit.compose.fit import FitResult, fit
from casekit.compose.plan import AUTHOR_PARTS, PART_KINDS, Plan, plan
from casekit.compose.realise import realise
from casekit.compose.sentences import MUST, Sentence

__all__ = [
    "AUTHOR_PARTS",
    "MUST",
    "PART_KINDS",
    "FitResult",
    "Plan",
    "Sentence",
    "fit",
    "plan",
    "realise",
]
