"""Refuse to write an abstract that prints a patient identifier.

After an abstract is composed (the author's own parts included), its text is run
through the privacy rules (not the learned layer, which lint runs on the case's own
fields: see :func:`casekit.lint.privacy.identifiers_in_text`). Composition only
rearranges what the case holds, so a hit here is an identifier that lint also reports in
the case; render stops on it rather than write it into a file that leaves the author's
hands.

The identifier detector (:mod:`casekit.identifiers`, the service behind the privacy
rules) is asked in one place, :func:`_privacy_hits`, with the rules' own severities.
"""

from __future__ import annotations

from collections.abc import Iterable

from casekit.identifiers import CATEGORIES


def _privacy_hits(texts: list[str]) -> list[tuple[int, str, str]]:
    """(index of the text, rule code, message) for every identifier in ``texts`` that lint
    reports as an error: the detector behind the privacy rules, asked directly so that
    the message can say where in the paragraph the identifier is."""
    from casekit.lint.privacy import identifiers_in_text

    found = []
    for index, text in enumerate(texts):
        for match in identifiers_in_text(text):  # warnings (a photograph) do not stop it
            code, what = CATEGORIES[match.category]
            message = (
                f"'{match.masked}' ({len(match.text)} characters) at character"
                f" {match.start + 1} looks like {what}."
            )
            found.append((index, code, message))
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
