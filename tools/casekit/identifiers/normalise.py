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

from casekit.characters import HOMOGLYPHS, default_ignorable, noncharacters


def _ignorable(char: str) -> bool:
    """Default-ignorable code points and non-characters, as CK016 knows them."""
    code = ord(char)
    return code in default_ignorable() or code in noncharacters()


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
