"""``find(text)``: every identifier in a piece of text, as :class:`Match` spans."""

from __future__ import annotations

from casekit.identifiers import patterns
from casekit.identifiers.match import Match
from casekit.identifiers.normalise import normalise
from casekit.identifiers.proper import find_proper

_STRUCTURED = [
    *patterns.CONTACTS,
    *patterns.DATES,
    *patterns.AGES,
    *patterns.NUMBERS,
    *patterns.ADDRESSES,
    *patterns.SIGNALS,
]
#: When two spans overlap, the earlier category here wins (then the longer span).
_PRIORITY = {
    category: rank
    for rank, category in enumerate(
        [
            "email",
            "url",
            "ip",
            "handle",
            "date",
            "phone",
            "fax",
            "record",
            "ssn",
            "health-plan",
            "account",
            "licence",
            "vehicle",
            "device",
            "age",
            "institution",
            "place",
            "name",
            "number",
            "biometric",
            "photo",
            "characteristic",
        ]
    )
}


def _structured(text: str, lowered: str) -> list[tuple[int, int, str, str]]:
    found = []
    for recognizer in _STRUCTURED:
        if recognizer.needles and not any(n in lowered for n in recognizer.needles):
            continue
        for match in recognizer.regex.finditer(text):
            group = recognizer.group
            if match.group(group) is None and group == "id":
                group = "id2" if "id2" in match.groupdict() else 0
            start, end = match.span(group)
            value = text[start:end].rstrip(".,;:)")
            end = start + len(value)
            if not value or (recognizer.valid is not None and not recognizer.valid(value)):
                continue
            category = recognizer.category
            if category == "phone":
                extension = patterns.EXTENSION.match(text, end)
                if extension:
                    end = extension.end()
                if patterns.FAX_WORD.search(text, max(0, start - 40), start):
                    category = "fax"
            found.append((start, end, category, recognizer.name))
    return found


def find(text: str) -> list[Match]:
    """Every identifier in ``text``, in order, with offsets into ``text`` as given.

    Matching runs on a normalised copy (see :mod:`casekit.identifiers.normalise`); where
    two recognizers claim overlapping text, one match is kept (:data:`_PRIORITY`).
    """
    if not text or text.isspace():
        return []
    norm = normalise(text)
    body = norm.text
    spans = _structured(body, body.lower())
    spans.extend((p.start, p.end, p.category, p.recognizer) for p in find_proper(body))
    # A number labelled by the words before it ('MRN: 00123456') is what its label says,
    # whatever its shape; then categories in order of priority, longer spans first.
    spans.sort(key=lambda s: (not s[3].endswith("-word"), _PRIORITY[s[2]], s[0] - s[1]))
    kept: list[tuple[int, int, str, str]] = []
    for span in spans:
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    matches = []
    for start, end, category, recognizer in sorted(kept):
        first, last = norm.span(start, end)
        matches.append(Match(category, first, last, text[first:last], recognizer))
    return matches
