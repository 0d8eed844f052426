"""Characters that must not be in a case, and text prepared for identifier matching.

Invisible characters can hide or reorder what a reader sees ("Trojan Source",
CVE-2021-42574) and can split an identifier so that no pattern finds it: U+034F inside
"943͏476͏5919" hides an NHS number. Non-characters and characters XML cannot hold make the
Word writer (and any XML consumer) fail. :func:`hidden_pattern` finds all of them, for CK016.

The default-ignorable set follows the derivation in Unicode's DerivedCoreProperties.txt
(version 15.1.0, "Default_Ignorable_Code_Point"):

    Other_Default_Ignorable_Code_Point + Cf + Variation_Selector
    - White_Space - FFF9..FFFB (interlinear annotation) - 13430..1343F (Egyptian format)
    - Prepended_Concatenation_Mark

The general category Cf is read from Python's :mod:`unicodedata`; the two short property
lists it does not expose (Other_Default_Ignorable_Code_Point and Variation_Selector, from
PropList.txt 15.1.0) are written out below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

Ranges = tuple[tuple[int, int], ...]

#: PropList.txt 15.1.0, Other_Default_Ignorable_Code_Point.
_OTHER_DEFAULT_IGNORABLE: Ranges = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0000),
    (0xE0002, 0xE001F),
    (0xE0080, 0xE00FF),
    (0xE01F0, 0xE0FFF),
)
#: PropList.txt 15.1.0, Variation_Selector.
_VARIATION_SELECTORS: Ranges = (
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0xFE00, 0xFE0F),
    (0xE0100, 0xE01EF),
)
#: PropList.txt 15.1.0, Prepended_Concatenation_Mark (format characters that are visible).
_PREPENDED_CONCATENATION_MARKS: Ranges = (
    (0x0600, 0x0605),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
)
_NOT_IGNORABLE: Ranges = (
    (0xFFF9, 0xFFFB),
    (0x13430, 0x1343F),
    *_PREPENDED_CONCATENATION_MARKS,
)


def _expand(ranges: Ranges) -> set[int]:
    return {code for low, high in ranges for code in range(low, high + 1)}


#: Where format characters (Cf) are: planes 0 and 1 and the tag block of plane 14. A test
#: checks that a scan of every code point finds no other.
FORMAT_PLANES = (range(0x0000, 0x20000), range(0xE0000, 0xE1000))

#: Default_Ignorable_Code_Point as ranges: the result of :func:`derive_default_ignorable`,
#: written out because deriving it reads 135,000 code points (70 ms of every process, and
#: ``casekit lint`` runs on every save in an editor). A test checks the two agree.
DEFAULT_IGNORABLE: Ranges = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


def derive_default_ignorable() -> frozenset[int]:
    """Default_Ignorable_Code_Point derived as the module docstring says (slow: for tests)."""
    found = {c for part in FORMAT_PLANES for c in part if unicodedata.category(chr(c)) == "Cf"}
    found |= _expand(_OTHER_DEFAULT_IGNORABLE) | _expand(_VARIATION_SELECTORS)
    found -= _expand(_NOT_IGNORABLE)
    return frozenset(c for c in found if not chr(c).isspace())


@cache
def default_ignorable() -> frozenset[int]:
    """Every Default_Ignorable_Code_Point."""
    return frozenset(_expand(DEFAULT_IGNORABLE))


def noncharacters() -> frozenset[int]:
    """The 66 non-characters: U+FDD0..U+FDEF and the last two code points of every plane."""
    planes = {plane * 0x10000 + last for plane in range(17) for last in (0xFFFE, 0xFFFF)}
    return frozenset(range(0xFDD0, 0xFDF0)) | planes


#: Control characters other than tab and line breaks (C0 and C1): XML 1.0 cannot hold the
#: C0 ones at all, and none of them is visible.
CONTROLS: Ranges = ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F))


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges in order, those that overlap or touch joined into one.

    Works on the ranges themselves: listing their 4,300 code points and joining them
    again took about 1.5 ms of every process that checks a case.
    """
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _character_class(ranges: Iterable[tuple[int, int]]) -> str:
    parts = []
    for low, high in _merged(ranges):
        first, last = re.escape(chr(low)), re.escape(chr(high))
        parts.append(first if low == high else f"{first}-{last}")
    return "[" + "".join(parts) + "]"


def _hidden_ranges() -> list[tuple[int, int]]:
    singles = ((code, code) for code in noncharacters())
    return _merged((*DEFAULT_IGNORABLE, *singles, *CONTROLS))


@cache
def hidden_pattern() -> re.Pattern[str]:
    """Finds any control character, default-ignorable code point or non-character."""
    return re.compile(_character_class(_hidden_ranges()))


#: Any character beyond U+FFFF.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _hidden_halves() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`hidden_pattern`'s class cut in two at U+FFFF.

    Python's ``re`` tests a character against a class that reaches beyond U+FFFF range by
    range: about 40 ns a character for this one, 0.7 ms for a 17 kB case that is not plain
    ASCII. The half up to U+FFFF is tested against a table instead (3 ns a character)."""
    ranges = _hidden_ranges()
    low = [(first, min(last, 0xFFFF)) for first, last in ranges if first <= 0xFFFF]
    high = [(max(first, 0x10000), last) for first, last in ranges if last > 0xFFFF]
    return re.compile(_character_class(low)), re.compile(_character_class(high))


def first_hidden(text: str) -> tuple[int, str] | None:
    """Where :func:`hidden_pattern` first matches in ``text``, and the character: the same
    answer, found several times faster (see :func:`_hidden_halves`)."""
    low, high = _hidden_halves()
    match = low.search(text)
    end = len(text) if match is None else match.start()
    # A character beyond U+FFFF can come first only if the text holds one before ``end``
    # (``isascii`` costs nothing: Python records it with the string).
    if not text.isascii() and _ASTRAL.search(text, 0, end) is not None:
        beyond = high.search(text, 0, end)
        if beyond is not None:
            return beyond.start(), beyond.group()
    return None if match is None else (match.start(), match.group())


@cache
def _ignorable_pattern() -> re.Pattern[str]:
    return re.compile(_character_class((*DEFAULT_IGNORABLE, *CONTROLS)))


#: Letters of other scripts that look like Latin ones, folded for identifier matching
#: (the most common of Unicode's confusables.txt for Cyrillic and Greek).
#: Cyrillic and Greek letters drawn like Latin ones (the common ones of Unicode's confusables),
#: folded to Latin before identifiers are matched.
HOMOGLYPHS = str.maketrans(
    # Cyrillic, then Greek (written as escapes: the letters look like the Latin ones)
    (
        "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423"
        "\u0406\u0408\u0405\u051a\u051c\u0430\u0435\u043e\u0440\u0441\u0443\u0445"
        "\u0456\u0458\u0455\u04bb\u0501\u051b\u051d\u04cf\u0391\u0392\u0395\u0396"
        "\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf\u03bd"
        "\u03b9\u03ba\u03c1\u03c4\u03c5\u03c7\u03b1"
    ),
    "ABEKMHOPCTXYIJSQWaeopcyxijshdqwlABEZHIKMNOPTYXovikptuxa",
)


def _ascii_digit(match: re.Match[str]) -> str:
    char = match.group()
    value = unicodedata.decimal(char, None)
    return char if value is None else str(value)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def normalise_for_matching(text: str) -> str:
    """``text`` as an identifier pattern should see it.

    NFKC (full-width and superscript digits become plain ones), invisible characters
    removed, digits of other scripts made ASCII, and Cyrillic and Greek letters that look
    Latin folded to Latin. Only for matching: never shown or stored. The result may be
    shorter than ``text``, so positions in it are not positions in ``text``.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = _ignorable_pattern().sub("", folded)
    folded = folded.translate(HOMOGLYPHS)
    return _NOT_ASCII.sub(_ascii_digit, folded)
