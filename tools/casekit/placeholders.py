"""The marker ``casekit new`` writes into every section it leaves for the author.

``TODO: what the case is about...``: lint warns about it until it is replaced (see
:mod:`casekit.lint.placeholders`), and the learned identifier layer does not read a field
that holds it (casekit's own words, no text it learned from).
"""

from __future__ import annotations

import re

#: Capitals only, so that the word 'todo' in prose is not taken for it.
_PLACEHOLDER = re.compile(r"\bTODO\b")


def is_placeholder(text: str) -> bool:
    return "TODO" in text and bool(_PLACEHOLDER.search(text))
