"""Small pieces of English for composed sentences: articles, numbers, casing, sentences.

Inflection (``a``/``an``, numbers in words) comes from the ``inflect`` library, which
knows that it is "an X-ray", "an MRI" and "a urinary tract infection". It is imported at
the first inflection, not with this module: lint rules that only compare words
(:func:`coverage`) would otherwise pay its import (about 14 ms) on every cold run.
"""

from __future__ import annotations

import importlib
import re
import sys
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from casekit import durations
from casekit.render.units import typeset_powers

if TYPE_CHECKING:
    import inflect as inflect_types


def _import_inflect() -> ModuleType:
    """``inflect`` without typeguard's run-time type checks.

    inflect decorates its engine with typeguard's ``@typechecked``, which re-parses and
    recompiles every method when the module is imported: 2.2 s of every casekit process
    (every cold ``casekit lint``, every worker). typeguard meant those checks for
    development, not production (they are off under ``python -O``), so the decorator is a
    no-op while inflect is imported. Importing typeguard itself costs another 60 ms (it
    pulls in unittest.mock and asyncio), so unless something has loaded it already, inflect
    is given a stand-in module holding only that no-op decorator, removed again at once.
    """

    def unchecked(target: Any = None, **_: Any) -> Any:
        return target if target is not None else (lambda later: later)

    loaded = sys.modules.get("typeguard")
    if loaded is None:
        stand_in = ModuleType("typeguard")
        setattr(stand_in, "typechecked", unchecked)  # noqa: B010 (a module built here)
        sys.modules["typeguard"] = stand_in
        try:
            return importlib.import_module("inflect")
        finally:
            del sys.modules["typeguard"]
    original = getattr(loaded, "typechecked")  # noqa: B009 (typeguard is imported only here)
    setattr(loaded, "typechecked", unchecked)  # noqa: B010
    try:
        return importlib.import_module("inflect")
    finally:
        setattr(loaded, "typechecked", original)  # noqa: B010


@cache
def _inflect() -> ModuleType:
    """The ``inflect`` module, imported at the first inflection of the process."""
    return _import_inflect()


#: Eponyms and other words that keep their capital inside a sentence (test and imaging
#: names rarely start with one; diagnoses often do).
_KEEP_CAPITAL = frozenset(
    {
        "Addison", "Barr", "Behçet", "Coombs", "Crohn", "Cushing", "Down", "Epstein",
        "Ewing", "Gram", "Graves", "Guillain", "Hashimoto", "Henoch", "Hodgkin", "Kawasaki",
        "Langerhans", "Legg", "Lyme", "Mantoux", "Paget", "Perthes", "Schober", "Sjögren",
        "Still", "Takayasu", "Westergren", "Wilms", "Wilson",
    }
)  # fmt: skip
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "with",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "as",
        "it",
        "its",
        "this",
        "that",
        "she",
        "he",
        "they",
        "her",
        "his",
        "their",
        "had",
        "has",
        "have",
        "but",
        "not",
        "no",
        "which",
        "who",
        "after",
        "before",
        "than",
        "then",
        "there",
        "also",
    ]
)
#: A parenthesis that only records what the source does not say: "(side not stated)".
_NOT_STATED = re.compile(
    r"\s*\((?:[^()]*\bnot (?:stated|reported|given|known|recorded|detailed)\b[^()]*)\)",
    re.IGNORECASE,
)
_ABBREVIATION_STOPS = ("e.g.", "i.e.", "approx.", "vs.", "Dr.", "Fig.", "No.", "cf.", "ca.")


@cache
def _engine() -> inflect_types.engine:
    engine: inflect_types.engine = _inflect().engine()
    return engine


@cache
def article(phrase: str) -> str:
    """``phrase`` with 'a' or 'an' in front: 'an X-ray', 'a 3-year-old girl', 'an
    8-year-old boy' (a number is chosen for as it is spoken)."""
    if not re.match(r"[A-Za-z0-9]", phrase):
        return phrase  # nothing to choose an article for
    match = re.match(r"(\d+)", phrase)
    if match:
        spoken = str(_engine().a(str(_engine().number_to_words(match.group(1)))))
        return f"{spoken.split()[0]} {phrase}"
    return str(_engine().a(phrase))


@cache
def number_words(value: int | float) -> str:
    """A number as words for the start of a sentence ('four'); digits when not whole."""
    if float(value).is_integer() and 0 <= value < 1000:
        return str(_engine().number_to_words(str(int(value))))
    return durations.number(value)


@cache
def ordinal_words(value: int) -> str:
    """'first', 'second', 'twelfth'."""
    return str(_engine().ordinal(str(_engine().number_to_words(str(value)))))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Short capitalised words that are ordinary words, not abbreviations ('Hb', 'Plt').
_SHORT_WORDS = frozenset(
    [
        "A",
        "An",
        "The",
        "Her",
        "His",
        "She",
        "He",
        "It",
        "Its",
        "On",
        "In",
        "At",
        "One",
        "Two",
        "Six",
        "Ten",
        "Our",
        "All",
        "Any",
        "Few",
        "New",
        "Old",
        "Bone",
        "Leg",
        "Arm",
        "Hip",
        "Eye",
        "Ear",
        "Jaw",
        "Rib",
        "Toe",
        "Day",
        "Low",
        "Raw",
        "Dry",
        "Red",
        "Non",
        "Pre",
        "Sub",
        "Mid",
        "Out",
        "Off",
        "Was",
    ]
)


def lower_first(text: str) -> str:
    """The phrase as it reads inside a sentence: 'Bone scan' -> 'bone scan', but 'CT',
    'MRI', 'Hb', 'X-ray', 'Kawasaki disease' and 'Still's disease' keep their capitals."""
    match = re.match(r"([A-Z][a-z]*)(?=$|[\s,;:.)'\u2019-])", text)
    if not match:
        return text
    word = match.group(1)
    after = text[len(word) : len(word) + 1]
    if word in _KEEP_CAPITAL or after in ("'", "\u2019"):
        return text
    if re.match(r"\s+[A-Z][a-z]", text[len(word) :]):
        return text  # a name of two capitalised words: 'Ozymandias Quux disease'

    if len(word) <= 3 and word not in _SHORT_WORDS:
        return text  # 'Hb', 'Plt', 'X' of 'X-ray'
    return word.lower() + text[len(word) :]


def without_not_stated(text: str) -> str:
    """Leave out notes of what the source does not say: 'Ankle (side not stated)'."""
    return " ".join(_NOT_STATED.sub("", text).split())


def is_not_stated(text: str) -> bool:
    """Whether the text only says the source is silent ('Not reported by the source')."""
    return bool(
        re.match(
            r"\s*(?:not (?:stated|reported|given|known)\b|nothing relevant\W*$|none\W*$)",
            text,
            re.IGNORECASE,
        )
    )


def clause(text: str) -> str:
    """The text as one sentence's worth: spaces tidied, units typeset, no final stop."""
    text = typeset_powers(without_not_stated(" ".join(str(text).split())))
    return text.rstrip(" .;,")


def sentence(text: str) -> str:
    text = clause(text)
    if not text:
        return ""
    text = capitalise(text)
    return text if text[-1] in ".!?" else text + "."


def split_sentences(text: str) -> list[str]:
    """Author prose split into sentences (abbreviations such as 'e.g.' do not end one)."""
    text = " ".join(str(text).split())
    protected = text
    for stop in _ABBREVIATION_STOPS:
        protected = protected.replace(stop, stop.replace(".", "\x01"))
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])", protected)
    return [p.replace("\x01", ".").strip() for p in parts if p.strip()]


def unlabel(text: str) -> str:
    """An author's 'Rheumatology review: she had improved.' as prose: 'At rheumatology
    review, she had improved.'; 'Repeat blood count: Hb 7.0 g/dL' -> 'A repeat blood count
    showed Hb 7.0 g/dL'."""
    match = re.match(r"([A-Z][\w -]{2,40}?):\s+(\S.*)$", text)
    if not match or len(match.group(1).split()) > 4:
        return text
    label, rest = match.group(1), match.group(2)
    if re.match(r"(?:she|he|they|the patient|her|his|it)\b", rest, re.IGNORECASE):
        return f"At {lower_first(label)}, {rest[:1].lower()}{rest[1:]}"
    return f"{capitalise(_with_article(lower_first(label)))} showed {lower_first(rest)}"


def _with_article(noun_phrase: str) -> str:
    """'repeat blood count' -> 'a repeat blood count'; a plural ('blood tests') or a phrase
    that already has its determiner ('the film') stays as it is."""
    last = noun_phrase.split()[-1]
    if noun_phrase.split()[0].casefold() in _DETERMINERS or _engine().singular_noun(last):
        return noun_phrase
    return article(noun_phrase)


_DETERMINERS = frozenset(["a", "an", "the", "her", "his", "their", "this", "that"])


_TOKEN = re.compile(r"[A-Za-z0-9µ⁰¹²³⁴⁵⁶⁷⁸⁹.]+")


@lru_cache(maxsize=4096)  # composing compares the same sentences again and again
def words(text: str) -> frozenset[str]:
    """Content words, cut to four letters so that 'limp' meets 'limping'."""
    stripped = (t.strip(".") for t in _TOKEN.findall(text.casefold()))
    return frozenset(t[:4] for t in stripped if t and t not in _STOP)


def coverage(text: str, other: str | frozenset[str]) -> float:
    """How much of ``text``'s content ``other`` already says (0 to 1)."""
    mine = words(text)
    if not mine:
        return 1.0
    theirs = other if isinstance(other, frozenset) else words(other)
    return len(mine & theirs) / len(mine)


def first_clause(text: str) -> str:
    return re.split(r"[:;,(]", clause(text), maxsplit=1)[0]


def after_first_clause(text: str) -> str:
    """What ``text`` says after its first clause, with the mark that opens it: ': right
    femoral neck, both knees', '; no blast cells seen', ' (left tibia)'; '' for one clause."""
    whole = clause(text)
    return whole[len(first_clause(text)) :].strip()


_WORD = re.compile(r"[^\W_]+")


def with_detail(text: str, anchor: str, detail: str) -> str | None:
    """The sentence ``text`` with ``detail`` (from :func:`after_first_clause`) put just
    after the words of ``anchor`` it contains: 'A bone scan found several areas of
    increased uptake.' + ': right femoral neck, both knees' -> 'A bone scan found several
    areas of increased uptake: right femoral neck, both knees.' At the end of the sentence
    the detail keeps its own mark; inside it, it goes in brackets. None when ``text`` does
    not hold the anchor's words, or when brackets inside the detail would nest."""
    stems = words(anchor)
    seen: set[str] = set()
    end = None
    for match in _WORD.finditer(text):
        stem = match.group().casefold()[:4]
        if stem in stems and stem not in seen:
            seen.add(stem)
            end = match.end()
    if end is None or not detail:
        return None
    mark, rest = detail[0], detail[1:].strip()
    after = text[end:]
    if after.strip() in ("", ".", "!", "?"):
        joined = f" {detail}" if mark == "(" else f"{mark} {rest}"
        return text[:end] + joined + after
    if mark == "(" and detail.endswith(")") and detail.count("(") == detail.count(")") == 1:
        return f"{text[:end]} {detail}{after}"
    if mark == "(" or "(" in rest or ")" in rest:
        return None
    return f"{text[:end]} ({rest}){after}"


_SIDE = re.compile(r"\b(right|left)\s+([a-z][a-z-]*)", re.IGNORECASE)
_ANY_SIDE = re.compile(r"\b(?:right|left|bilateral(?:ly)?|both|either)\b", re.IGNORECASE)
#: Where the name of a part of the body ends in an item's text: 'right femoral neck, both
#: knees', 'right hip and proximal femur', 'left main bronchus (biopsy)'.
_PART_END = re.compile(r"\s*(?:[,;:.()]|\band\b|\bor\b|\bof\b|\bwith\b|\bunder\b|$)")


def with_side(text: str, source: str) -> str:
    """The sentence ``text`` with the side that ``source`` (a structured item it mentions)
    gives to a part of the body it names without one: 'He had an arthroscopic washout of the
    hip.' + 'Arthroscopic washout of the right hip' -> '... of the right hip.'

    Only the whole name of the part counts: 'right femoral neck' gives nothing to 'the
    femoral artery'. The sentence is left as written when it holds any side word already
    (even 'she left hospital': a wrong side is worse than none), when the item names both
    sides or none, or when the sentence does not name that part."""
    sides = {m.group(1).casefold() for m in _SIDE.finditer(source)}
    if len(sides) != 1 or _ANY_SIDE.search(text):
        return text
    found = _SIDE.search(source)
    if found is None:
        return text
    side = found.group(1).casefold()
    rest = source[found.start(2) :]
    end = _PART_END.search(rest)
    part = rest[: end.start()] if end else rest
    if not part:
        return text
    where = re.search(rf"\bthe\s+(?={re.escape(part)}\b)", text, re.IGNORECASE)
    if where is None:
        return text
    return f"{text[: where.end()]}{side} {text[where.end() :]}"


def person_noun(patient: dict[str, Any]) -> str:
    """'3-year-old girl', '18-month-old boy', '45-year-old woman', '7-year-old child'."""
    age: dict[str, Any] = patient["age"] if isinstance(patient.get("age"), dict) else {}
    sex = str(patient.get("sex") or "not-stated")
    years = None
    try:
        days = durations.to_days(age) if age else None
    except (KeyError, TypeError, ValueError):
        days = None
    adult = days is not None and days >= 18 * 365.25
    noun = {
        "female": "woman" if adult else "girl",
        "male": "man" if adult else "boy",
    }.get(sex, "adult" if adult else "child")
    if days is None:
        return noun
    parts = durations.parts(age)
    value, unit = parts[0] if parts else (0, "years")
    singular = {"years": "year", "months": "month", "weeks": "week", "days": "day"}.get(unit, unit)
    years = durations.number(value)
    return f"{years}-{singular}-old {noun}"


def pronoun(patient: dict[str, Any]) -> str:
    return {"female": "she", "male": "he"}.get(str(patient.get("sex")), "they")
