"""``find(text)``: every identifier in a piece of text, as :class:`Match` spans."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from casekit.identifiers import patterns
from casekit.identifiers.capitals import found_inside, recase
from casekit.identifiers.learned import find_learned
from casekit.identifiers.match import Match
from casekit.identifiers.normalise import normalise
from casekit.identifiers.proper import find_proper, is_term_after

#: Whether the learned layer (:mod:`.learned`) adds its matches to the rules': a sentence the
#: rules leave alone is flagged when the model is confident it holds an identifier. Measured
#: in tests/identifiers/README.md; set False to run the rules alone.
LEARNED_LAYER = True

_STRUCTURED = [
    *patterns.CONTACTS,
    *patterns.DATES,
    *patterns.AGES,
    *patterns.NUMBERS,
    *patterns.ADDRESSES,
    *patterns.SIGNALS,
]
_NEEDLES = patterns.all_needles(_STRUCTURED)
#: The needles of the recognizers and of the number labels, found in one pass.
_SCAN = patterns.NeedleScan(_NEEDLES + patterns.NUMBER_NEEDLES, patterns.all_inside(_STRUCTURED))
_NUMBER_NEEDLES = frozenset(patterns.NUMBER_NEEDLES)
#: Which recognizers a needle lets run (by place in :data:`_STRUCTURED`), and those that
#: need none: a text's recognizers are found from the needles it holds, not by asking
#: each of the ~140 whether its needles are there.
_BY_NEEDLE: dict[str, list[int]] = {}
for _at, _recognizer in enumerate(_STRUCTURED):
    assert not (_recognizer.needles and _recognizer.inside), _recognizer.name
    for _needle in (*_recognizer.needles, *_recognizer.inside):
        _BY_NEEDLE.setdefault(_needle, []).append(_at)
for _recognizer in _STRUCTURED:  # searched in windows only (:func:`_structured`)
    assert not (_recognizer.dense and _recognizer.capital_digit), _recognizer.name
    assert not (
        (_recognizer.dense or _recognizer.capital_digit)
        and (_recognizer.anchored or _recognizer.in_fields)
    ), _recognizer.name
_WITHOUT_NEEDLES = frozenset(
    at for at, r in enumerate(_STRUCTURED) if not r.needles and not r.inside
)
#: Each recognizer's needles as a set: those a text holds are found by one intersection
#: with the text's (a recognizer may have twenty needles, a text few of them).
_NEEDLE_SETS = [frozenset(r.needles) for r in _STRUCTURED]
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


_DIGIT = re.compile(r"[0-9]")


def _labelled_numbers(
    text: str, lowered: str, occurrences: list[tuple[str, int]]
) -> list[tuple[int, int, str, str]]:
    """Numbers that a word before them labels ('passport number 925076473')."""
    found: list[tuple[int, int, str, str]] = []
    if len(lowered) != len(text):
        return found
    seen: set[int] = set()
    tried: set[int] = set()
    for needle, at in occurrences:
        if needle not in _NUMBER_NEEDLES:
            continue
        # The keyword holds its needle, or starts a few words before it ('record' in
        # 'medical record number'): try it at each start of a word up to the needle.
        end = at + len(needle)
        if _DIGIT.search(text, end, end + 45) is None:
            continue  # no number after it: nothing it could label
        for begins in range(max(0, at - 30), at + 1):
            if (
                begins in tried
                or (begins and lowered[begins - 1].isalnum())
                or not lowered[begins].isalpha()
            ):
                continue  # tried already, or inside a word
            tried.add(begins)
            keyword = patterns.NUMBER_KEYWORDS.compiled.match(lowered, begins)
            if keyword is None or keyword.end() in seen:
                continue
            seen.add(keyword.end())
            after = patterns.NUMBER_AFTER_KEYWORD.match(text, keyword.end())
            if after is None:
                continue
            category = (keyword.lastgroup or "").replace("_", "-")
            start, stop = after.span("id")
            value = text[start:stop].rstrip(".,;:)")
            if value.startswith("(") and ")" not in value:
                start, value = start + 1, value[1:]  # 'card (4111 1111 1111 1111)'
            if category == "number" and not patterns.generic_number_valid(value):
                continue
            if keyword.group().strip() == "nhs" and len(value) <= 3:
                continue  # 'rang NHS 111': a telephone service, no NHS number
            if patterns.CODE_SYSTEM_BEFORE.search(
                text, max(0, start - 40), start
            ) or patterns.TRIAL_REGISTRATION.fullmatch(value):
                continue  # 'EudraCT number 2019-001234-56': a study's, not a person's
            if keyword.group() in ("number", "numbered") and not patterns.bare_number_valid(
                text[keyword.end() : start], value
            ):
                continue  # 'the platelet number was 250000', 'a total number of 1200'
            found.append((start, start + len(value), category, f"{category}-number-word"))
    return found


def _fields(text: str) -> list[tuple[int, int]]:
    """(start, end) of each text that :func:`find_in_fields` joined into ``text``."""
    bounds = []
    start = 0
    at = text.find(SEPARATOR)
    while at != -1:
        bounds.append((start, at))
        start = at + len(SEPARATOR)
        at = text.find(SEPARATOR, start)
    bounds.append((start, len(text)))
    return bounds


def _structured(text: str, lowered: str) -> list[tuple[int, int, str, str]]:
    occurrences = _SCAN.scan(lowered)
    found = _labelled_numbers(text, lowered, occurrences)
    present = frozenset(needle for needle, _ in occurrences)
    windows: list[tuple[int, int]] | None = None
    capital_windows: list[tuple[int, int]] | None = None
    where: dict[str, list[int]] | None = None  # where each needle is, for anchored patterns
    fields: list[tuple[int, int]] | None = None  # (start, end) of each text joined
    firsts: list[int] = []
    whole = [(0, len(text))]
    aligned = len(lowered) == len(text)  # (lower-casing can lengthen a few letters)
    chosen = set(_WITHOUT_NEEDLES)
    for needle in present:
        chosen.update(_BY_NEEDLE.get(needle, ()))
    for index in sorted(chosen):
        recognizer = _STRUCTURED[index]
        # A recognizer that searches only windows of the text has nothing to do without any
        # (most texts: a case's have no four digits close together and no capital beside a
        # digit), so it is left before its setting up: about 25 of them a text.
        if recognizer.dense:
            if windows is None:
                windows = patterns.digit_windows(text)
            if not windows:
                continue
        elif recognizer.capital_digit:
            if capital_windows is None:
                capital_windows = patterns.capital_digit_windows(text)
            if not capital_windows:
                continue
        if recognizer.possible is not None and not recognizer.possible(text):
            continue
        lower = recognizer.lower and aligned
        scan = recognizer.scan_regex if lower else recognizer.regex.compiled
        searched = lowered if lower else text
        if recognizer.dense and windows is not None:
            spans = windows
        elif recognizer.capital_digit and capital_windows is not None:
            spans = capital_windows
        else:
            spans = whole
        fielded = recognizer.in_fields and aligned
        if ((recognizer.anchored and lower) or fielded) and where is None:
            where = {}
            for needle, at in occurrences:
                where.setdefault(needle, []).append(at)
        if recognizer.anchored and lower and where is not None:
            held = where.keys() & _NEEDLE_SETS[index]
            starts = sorted({at for needle in held for at in where[needle]})
            matches: Iterable[re.Match[str]] = filter(
                None, (scan.match(searched, at) for at in starts)
            )
        elif fielded and where is not None:
            if fields is None:
                fields = _fields(text)
                firsts = [start for start, _ in fields]
            held = where.keys() & _NEEDLE_SETS[index]
            holding = sorted(
                {bisect.bisect_right(firsts, at) - 1 for needle in held for at in where[needle]}
            )
            matches = (
                m for k in holding for m in scan.finditer(searched, fields[k][0], fields[k][1])
            )
        else:
            matches = (m for begin, end in spans for m in scan.finditer(searched, begin, end))
        for match in matches:
            if lower and match.start() and lowered[match.start() - 1].isalnum():
                continue  # not at the start of a word
            group = recognizer.group
            start, end = match.span(group)
            value = text[start:end].rstrip(".,;:)")
            end = start + len(value)
            if not value or (recognizer.valid is not None and not recognizer.valid(value)):
                continue
            if recognizer.dense and patterns.DOI_BEFORE.search(text, max(0, start - 40), start):
                continue  # inside a DOI ('doi:10.1097/RHU.0000000000000512')
            if recognizer.dense and patterns.CODE_SYSTEM_BEFORE.search(
                text, max(0, start - 24), start
            ):
                continue  # a code ('SNOMED CT 22298006'), not a person's number
            if recognizer.name == "ipv4" and patterns.VERSION_BEFORE.search(
                text, max(0, start - 40), start
            ):
                continue  # a software version ('firmware 3.2.1.7')
            if (
                recognizer.name == "bare-day-ordinal"
                and "centile" in text[max(0, start - 80) : start]
            ):
                continue  # a centile ('below the 0.4th centile; mid-parental on the 25th')
            if recognizer.name == "street-address" and is_term_after(text, end):
                continue  # named after a place ('the Chapel Hill consensus')
            category = recognizer.category
            if category == "phone":
                extension = patterns.EXTENSION.match(text, end)
                if extension:
                    end = extension.end()
                if patterns.FAX_WORD.search(text, max(0, start - 40), start):
                    category = "fax"
            found.append((start, end, category, recognizer.name))
    return found


SEPARATOR = "\n\x00\n"


#: Results for short texts already seen in this process ('mg/L', 'Blood', a lab test's
#: name): such fields repeat from case to case, and a field's result never depends on
#: the fields around it. Bounded; cleared when full.
_SEEN: dict[str, list[Match]] = {}
_SEEN_LONGEST = 120
_SEEN_MOST = 20_000


def find_in_fields(texts: list[str]) -> list[list[Match]]:
    """``find`` for each of ``texts``, in one pass over them all (far faster than one call
    per field: most of the cost is per pass). A match never spans two texts: the
    separator between them stops every pattern."""
    out: list[list[Match]] = [[] for _ in texts]
    todo = []
    for index, text in enumerate(texts):
        seen = _SEEN.get(text) if len(text) <= _SEEN_LONGEST else None
        if seen is not None:
            out[index] = list(seen)
        elif text and not text.isspace():
            todo.append(index)
    if not todo:
        return out
    joined = SEPARATOR.join(texts[i] for i in todo)
    starts = []
    offset = 0
    for index in todo:
        starts.append(offset)
        offset += len(texts[index]) + len(SEPARATOR)
    for match in find(joined):
        slot = bisect.bisect_right(starts, match.start) - 1
        base, index = starts[slot], todo[slot]
        if match.end > base + len(texts[index]):
            continue  # across a separator: cannot be one identifier
        out[index].append(
            Match(
                match.category, match.start - base, match.end - base, match.text, match.recognizer
            )
        )
    if len(_SEEN) > _SEEN_MOST:
        _SEEN.clear()
    for index in todo:
        if len(texts[index]) <= _SEEN_LONGEST:
            _SEEN[texts[index]] = list(out[index])
    return out


def find(text: str, *, learned: bool | None = None) -> list[Match]:
    """Every identifier in ``text``, in order, with offsets into ``text`` as given.

    Matching runs on a normalised copy (see :mod:`casekit.identifiers.normalise`); where
    two recognizers claim overlapping text, one match is kept (:data:`_PRIORITY`).
    ``learned``: whether the learned layer reads the text too (default
    :data:`LEARNED_LAYER`); False for text casekit composed itself.
    """
    if not text or text.isspace():
        return []
    norm = normalise(text)
    body = norm.text
    spans = _structured(body, body.lower())
    spans.extend((p.start, p.end, p.category, p.recognizer) for p in find_proper(body))
    recased = recase(body)  # stretches typed in capitals, read again as prose writes them
    if recased is not None:
        titled, stretches = recased
        proper = [(p.start, p.end, p.category, p.recognizer) for p in find_proper(titled)]
        spans.extend(found_inside(titled, stretches, _structured(titled, titled.lower()), proper))
    if LEARNED_LAYER if learned is None else learned:
        spans.extend(find_learned(body, [(s[0], s[1]) for s in spans]))
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
