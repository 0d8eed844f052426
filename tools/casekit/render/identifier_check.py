"""Refuse to write an abstract that prints a patient identifier.

After an abstract is composed (the author's own parts included), its text is run
through the privacy rules. Composition only rearranges what the case holds, so a hit
here is an identifier that lint also reports in the case; render stops on it rather
than write it into a file that leaves the author's hands.

The rules are asked in one place, :func:`_privacy_hits`, so that the detector behind
them can be replaced without touching the renderer.
"""

from __future__ import annotations

from collections.abc import Iterable

from casekit.findings import Severity


def _privacy_hits(texts: list[str]) -> list[tuple[int, str, str]]:
    """(index of the text, rule code, message) for every privacy error in ``texts``."""
    from casekit.lint import privacy  # noqa: F401  (registers the rules)
    from casekit.lint.engine import REGISTRY, CaseView

    view = CaseView({"abstract_text": list(texts)})
    found = []
    for code, declared in sorted(REGISTRY.items()):
        if declared.group != "privacy" or code == "CK601" or declared.check is None:
            continue  # CK601 is about the consent record, not about text
        if declared.severity is not Severity.ERROR:
            continue
        for hit in declared.check(view):
            if len(hit.path) >= 2 and isinstance(hit.path[1], int):
                found.append((hit.path[1], code, hit.message))
    return found


def identifiers_in(sections: Iterable[tuple[str, list[str]]]) -> list[str]:
    """One message per identifier found: the section, the paragraph and where in it.

    ``sections``: each section's heading and its paragraphs, as the abstract prints them.
    """
    places: list[tuple[str, int]] = []
    texts: list[str] = []
    for heading, paragraphs in sections:
        for number, paragraph in enumerate(paragraphs, start=1):
            places.append((heading, number))
            texts.append(paragraph)
    messages = []
    for index, code, message in _privacy_hits(texts):
        heading, number = places[index]
        messages.append(
            f"{code}: in the abstract's section '{heading}', paragraph {number}:"
            f" {message.rstrip('.')}."
        )
    return messages
