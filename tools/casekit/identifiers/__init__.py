"""Identifier detection: the core service behind the privacy rules, the renderers and the
publication gate (issue 14).

``find(text)`` returns every identifier in a piece of plain text as :class:`Match` spans
(category, start and end in the text as given, the recognizer that found it, the text
masked). Three layers of rules: patterns for structured identifiers (:mod:`.patterns`), word
lists and context for names, places and institutions (:mod:`.proper`, :mod:`.words`); and a
learned layer for sentences the rules leave alone (:mod:`.learned`). The text is
normalised first (:mod:`.normalise`) so look-alike letters and invisible characters hide
nothing.
"""

from casekit.identifiers.detector import find, find_in_fields
from casekit.identifiers.match import CATEGORIES, Match

__all__ = ["CATEGORIES", "Match", "find", "find_in_fields"]
