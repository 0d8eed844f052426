"""Text as the identifier patterns read it, with a map back to the text as typed.

A name hidden by a look-alike letter ("Ѕmith" with a Cyrillic S), a number split by an
invisible character ("943͏476͏5919") or written in full-width digits ("０７７００") must be
found, and its position reported in the original text. So matching runs on a normalised
copy: NFKC, default-ignorable characters removed, common Cyrillic and Greek look-alikes
folded to Latin; every character of the copy remembers where it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the common ones).
HOMOGLYPHS = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеіјорсхуѕԁһӏԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοαν",
    "ABESIJKMHOPCTXYaeijopcxysdhlqwABEZHIKMNOPTYXoav",
)


def _ignorable(char: str) -> bool:
    """Default-ignorable code points and non-characters (Unicode's DerivedCoreProperties,
    approximated by category Cf plus the listed ranges)."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or code in (0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x00AD)
        or 0x180B <= code <= 0x180F
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0000 <= code <= 0xE0FFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
    )


@dataclass(frozen=True)
class Normalised:
    text: str
    #: For each character of ``text``, the index of the original character it came from
    #: (None: the text was already normal and positions are the same).
    origin: list[int] | None
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``."""
        if self.origin is None:
            return start, end
        if start >= len(self.origin):
            return self.original_length, self.original_length
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]


def normalise(text: str) -> Normalised:
    if text.isascii():
        return Normalised(text, None, len(text))
    out: list[str] = []
    origin: list[int] = []
    previous = 0
    # ASCII stretches are copied whole; only other characters are looked at one by one.
    for found in _NOT_ASCII.finditer(text):
        index = found.start()
        out.append(text[previous:index])
        origin.extend(range(previous, index))
        previous = index + 1
        char = found.group()
        if _ignorable(char):
            continue
        folded = unicodedata.normalize("NFKC", char).translate(HOMOGLYPHS)
        out.append(folded)
        origin.extend([index] * len(folded))
    out.append(text[previous:])
    origin.extend(range(previous, len(text)))
    normal = "".join(out)
    if normal == text:
        return Normalised(text, None, len(text))
    return Normalised(normal, origin, len(text))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
