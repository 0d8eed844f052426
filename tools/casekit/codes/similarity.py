"""Is a code's title close to the words it sits on? Word overlap after normalising
spelling, and the ICD-10 chapter a diagnosis's own words point to.

Deliberately simple and explainable: a clinician reading the warning should see why it
fired ("'Open wound of ankle' shares no word with 'acute lymphoblastic leukaemia'").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_WORD = re.compile(r"[a-z0-9]+")
#: Words that say nothing about what a diagnosis or finding is.
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "the",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "with",
        "without",
        "from",
        "due",
        "not",
        "nos",
        "other",
        "unspecified",
        "elsewhere",
        "classified",
        "site",
        "sites",
        "specified",
        "type",
        "left",
        "right",
        "bilateral",
        "side",
        "both",
        "acute",
        "chronic",
        "primary",
        "secondary",
        "disease",
        "diseases",
        "disorder",
        "disorders",
        "syndrome",
        "abnormal",
        "abnormality",
        "finding",
        "condition",
        "severe",
        "mild",
        "moderate",
        "stage",
        "common",
        "recurrent",
        "episodic",
        "increased",
        "decreased",
        "elevated",
        "reduced",
        "high",
        "low",
        "multiple",
        "several",
        "part",
        "parts",
        "region",
    ]
)
#: Word forms that no prefix links.
_SAME = {"swollen": "swelling", "swell": "swelling", "lame": "limp", "thin": "weight"}


def spelling(word: str) -> str:
    """American spelling, so that 'leukaemia' meets 'leukemia' and 'oedema' 'edema'."""
    word = word.replace("ae", "e").replace("oe", "e")
    return word.replace("tumour", "tumor")


def stems(text: str) -> frozenset[str]:
    """The content words of ``text``, normalised and cut to their first five letters."""
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP or word.isdigit():
            continue
        word = _SAME.get(word, word)
        word = spelling(word)
        out.add(word[:5])
    return frozenset(out)


def overlaps(texts: Iterable[str], titles: Iterable[str]) -> bool:
    """Whether any of ``texts`` shares a content word with any of ``titles``."""
    mine: set[str] = set()
    for text in texts:
        mine |= stems(text)
    theirs: set[str] = set()
    for title in titles:
        theirs |= stems(title)
    return bool(mine & theirs) or not mine or not theirs


@dataclass(frozen=True)
class ChapterWords:
    name: str
    who: tuple[str, str]
    cm: tuple[str, str]
    words: frozenset[str]


@cache
def chapter_words() -> tuple[ChapterWords, ...]:
    path = Path(__file__).resolve().parent / "data" / "chapter_words.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        ChapterWords(
            c["name"],
            (c["who"][0], c["who"][1]),
            (c["cm"][0], c["cm"][1]),
            frozenset(spelling(w) for w in c["words"]),
        )
        for c in data["chapters"]
    )


def chapter_of_words(text: str) -> ChapterWords | None:
    """The ICD chapter that a diagnosis's own words place it in, if they do."""
    words = {spelling(w) for w in _WORD.findall(text.lower())}
    words |= {w for w in (spelling(x) for x in re.findall(r"[a-z]+blastoma", text.lower()))}
    for chapter in chapter_words():
        if words & chapter.words:
            return chapter
    return None


def outside(chapter: ChapterWords, system: str, code: str) -> bool:
    first, last = chapter.cm if system == "ICD-10-CM" else chapter.who
    return not first <= code[:3] <= last
