"""Text typed in capitals, read again as if typed in title case.

Headers, forms and old systems write whole fields in capitals ('PATIENT: HAWTHORNE, GLADYS M.',
'REFERRING CENTRE: NORTHFIELD GENERAL HOSPITAL', 'ADDRESS: 14 PEMBERTON ROAD'). The rules for
names, places and institutions read capitalised words against lower-case ones, so in such a
stretch every word looks the same to them and nothing is found. :func:`recase` gives a copy of
the text with each stretch in capitals written as prose would write it, letter for letter (so
offsets stay the same), and where the stretches are; the detector reads the copy too and keeps
what :func:`found_inside` accepts.
"""

from __future__ import annotations

import re

from casekit.identifiers import words

#: A stretch in capitals: words of capitals (and digits, punctuation, spaces between them, not
#: a line break), starting with a word of two letters or more.
_STRETCH = re.compile(r"(?<![\w'’])[A-Z][A-Z'’-]*[A-Z](?:[^a-zA-Z\n]+[A-Z](?:[A-Z'’-]*[A-Z])?)+\b")
#: A word of the stretch: letters between non-letters ('O'BRIEN' is 'O' and 'BRIEN').
_WORD = re.compile(r"(?<![A-Za-z])[A-Z]+(?![A-Za-z])")
#: Words long enough to be a name or a place, not an abbreviation ('CRP', 'WCC', 'KG').
_LONG_WORD = re.compile(r"[A-Z]{4,}")
#: Each capital's byte made 'A', every other byte a space: a text of ASCII characters holds
#: a match of :data:`_LONG_WORD` when its bytes so translated hold 'AAAA' (a tenth of the
#: time of the search, which tries the pattern at every capital).
_CAPITALS_AS_A = bytes(65 if 65 <= code <= 90 else 32 for code in range(256))
#: What separates the tokens of a stretch: two of them must hold a long word, so that one
#: hyphenated name of a trial ('NICE-SUGAR', 'EMPA-REG') is no stretch.
_TOKEN = re.compile(r"[^A-Z'’-]+")
#: Small words prose writes in lower case ('NEXT OF KIN', 'SENSITIVE TO'; and any English word
#: of three letters or fewer, '(SON)'), and titles it writes with a capital ('DR PENHALIGON').
#: Other short words stay as typed: abbreviations ('CRP', 'X-RAY', 'MG').
_SMALL_WORDS = frozenset(
    ["OF", "TO", "AND", "THE", "FOR", "IN", "ON", "AT", "BY", "WITH", "FROM", "A", "AN", "OR"]
)
_TITLES = frozenset(["DR", "MRS", "MISS", "PROF", "SIR"])
_NAME_PART = re.compile(r"[A-Za-z][a-z'’]+")


def _prose(word: str) -> str:
    if len(word) >= 4 or word in _TITLES:
        return word[0] + word[1:].lower()
    if word in _SMALL_WORDS or word.lower() in words.english_words():
        return word.lower()  # 'NEXT OF KIN', '(SON)', 'SENSITIVE TO'
    return word


def _shouted(text: str, match: re.Match[str]) -> bool:
    """A stretch is read again when it holds two tokens with a word of four letters or more
    and is its whole line (a header's field: 'ADDRESS: 14 PEMBERTON ROAD'). Not code
    ('SOURCE_DATE_EPOCH'), nor acronyms within prose ('the ORPHA/OMIM annotations', 'ICD-10,
    ORPHA, OMIM, SNOMED CT'), where capitals mean an abbreviation."""
    stretch = match.group()
    if "_" in stretch:
        return False
    if sum(1 for token in _TOKEN.split(stretch) if _LONG_WORD.search(token)) < 2:
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end == -1 else line_end
    return not _LOWER.search(text, line_start, match.start()) and not _LOWER.search(
        text, match.end(), line_end
    )


_LOWER = re.compile(r"[a-z]")


def _has_long_word(text: str) -> bool:
    """Whether ``text`` holds a match of :data:`_LONG_WORD`."""
    if text.isascii():
        return b"AAAA" in text.encode("ascii").translate(_CAPITALS_AS_A)
    return _LONG_WORD.search(text) is not None


def recase(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The text with its stretches in capitals as prose writes them, and the stretches; None
    when there is no stretch with two tokens that hold a word of four letters or more."""
    if not _has_long_word(text):
        return None
    stretches = [match.span() for match in _STRETCH.finditer(text) if _shouted(text, match)]
    if not stretches:
        return None
    pieces = []
    previous = 0
    for start, end in stretches:
        pieces.append(text[previous:start])
        pieces.append(_WORD.sub(lambda word: _prose(word.group()), text[start:end]))
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces), stretches


Span = tuple[int, int, str, str]


def found_inside(
    titled: str, stretches: list[tuple[int, int]], structured: list[Span], proper: list[Span]
) -> list[Span]:
    """What counts of the matches in the recased copy: those inside a stretch that are either
    a shape the structured patterns found ('14 Pemberton Road', 'Age 96') or a run of names
    that holds a word the lists know as a name or a place ('Hawthorne, Gladys M.',
    'Northfield General Hospital'). A header's words in title case ('Staphylococcus Aureus,
    Sensitive') look like a run of names to rules written for prose; the lists decide there."""
    given, surnames, places = words.given_names(), words.surnames(), words.places()

    def inside(span: Span) -> bool:
        return any(span[0] < stop and span[1] > begin for begin, stop in stretches)

    def listed(span: Span) -> bool:
        return any(
            part in given or part in surnames or part in places
            for part in _NAME_PART.findall(titled[span[0] : span[1]])
        )

    return [span for span in structured if inside(span)] + [
        span for span in proper if inside(span) and listed(span)
    ]
