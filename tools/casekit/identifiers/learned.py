"""A learned layer beside the rules: a linear model over the words of a sentence and their
context, trained by ``tools/train_identifier_model.py`` on the labelled corpus.

The corpus is labelled per sentence (one identifier or none), so the model is a
sentence-level logistic regression over binary features. Every feature is produced by one
token (its word, its shape, what the word lists say of it, its neighbours, and whether it or
a neighbour is a word of uniqueness or publicity, :func:`_cue`), so a sentence's
score is the sum of its tokens' scores: the token that adds most is where the model points,
and a match reports it (with its neighbours when they add too). The category comes from a
second linear model over the same features; when it is unsure the match is a
'characteristic' (words) or a 'number' (digits).

Pure Python and the standard library only: the weights are read from
``data/learned_model.json`` the first time they are needed (the category model from
``data/learned_category.json`` when a sentence first fires).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from operator import getitem
from pathlib import Path
from typing import Any

from casekit.identifiers import words
from casekit.identifiers.patterns import OLD_AGE_FIGURES
from casekit.identifiers.proper import (
    CARE_WORDS,
    GENERIC,
    INSTITUTION_WORDS,
    SPECIALTIES,
    TITLES,
)
from casekit.placeholders import is_placeholder

MODEL_PATH = Path(__file__).resolve().parent / "data" / "learned_model.json"
#: The category model, read only when a sentence first fires (most texts never do).
CATEGORY_PATH = MODEL_PATH.with_name("learned_category.json")

#: A token: a word with inner apostrophes, stops or hyphens ('O'Brien', 'J.T.K', 'st-john'),
#: a run of digits with inner separators, or one other character.
_TOKEN = re.compile(r"\w+(?:['’.\-/:]\w+)*|[^\w\s]")
#: The same tokens in a text of ASCII characters only, found in two thirds of the time: a
#: character's class is looked up in a table (what is whitespace, written out, as Unicode
#: says: \x1c-\x1f too), and nothing is given back once taken (no token is ever shorter).
_ASCII_TOKEN = re.compile(r"\w++(?:['.\-/:]\w++)*+|[^\w\s\x1c-\x1f]", re.ASCII)
#: Where a text is cut into sentences: a newline, or a stop then space and a capital when
#: the word before the stop is no title or initial ('Dr. Smith', 'J. Example').
_BREAK = re.compile(r"\n|\x00|(?<=[.!?])\s+(?=[\"“(A-Z])")
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|No|vs|e\.g|i\.e|et al)|\b[A-Z])\.$"
)
#: The longest text :data:`_NO_BREAK_BEFORE` can match ('et al.' is 6): enough of what comes
#: before a stop to read.
_NO_BREAK_REACH = 8
#: A line (what lies between newlines and field separators), never empty.
_LINE = re.compile(r"[^\n\x00]+")
#: A stop, then space on one line (group 1), then a capital or a newline (group 2): a
#: stop-and-space cut of :data:`_BREAK` when a capital follows; when a newline does, a cut
#: may run over it (the only way one reaches past its line: where a stop is followed by the
#: newline itself, the newline alone is the cut). In one pass over a text, as most have one.
_STOP_SPACE = re.compile(r"[.!?]([^\S\n]+)(?=[\"“(A-Z]|(\n))")
#: The same for a text with no '!' and no '?' (most): a pattern that opens with one character
#: is found from it, where a class of three is tested at every character of the text (0.002
#: against 0.005 ms a generated case).
_STOP_SPACE_DOT = re.compile(r"\.([^\S\n]+)(?=[\"“(A-Z]|(\n))")

#: Lexical flags, one letter each, in this order.
_FLAGS = "gspelmcaiT"


#: How many answers each cache keeps. A cache of N entries costs about N x 200 bytes when
#: full (a library with varied text fills them); the word caches are read only when a pair
#: of words is new (:data:`_PAIRS`), so they can be smaller than the pairs'.
_WORDS_KEPT = 16_384
_PAIRS_KEPT = 16_384


@lru_cache(maxsize=_WORDS_KEPT)
def shape(token: str) -> str:
    """The token's shape: letters as X or x (a run as one), digits as 'd' and their count,
    other characters as they are ('Smith' Xx, 'AB12' Xd2, '2021-08-17' d4-d2-d2)."""
    out: list[str] = []
    previous = ""
    count = 0
    for char in token:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if kind == "d" and previous == "d":
            count += 1
            continue
        if previous == "d":
            out.append(str(min(count, 9)))
        if kind == previous and kind in "Xx":
            continue
        out.append(kind)
        previous = kind
        count = 1
    if previous == "d":
        out.append(str(min(count, 9)))
    return "".join(out)[:12]


@lru_cache(maxsize=_WORDS_KEPT)
def _lexical(token: str) -> str:
    """What the word lists say of a word, as flag letters (see :data:`_FLAGS`): given name,
    surname, place, English word, large area, medical safe-list, clinical capital, eponym
    noun, institution word, title; upper-cased first when the word is capitalised."""
    if not token[:1].isalpha():
        return ""
    lower = token.lower()
    rest = token[1:].lower() if token.isupper() else token[1:]
    capital = token[:1].upper() + rest
    flags = [
        "g" if capital in words.given_names() else "",
        "s" if capital in words.surnames() else "",
        "p" if capital in words.places() else "",
        "e" if lower in words.english_words() else "",
        "l" if capital in words.large_areas() else "",
        "m" if capital in words.medical_words() else "",
        "c" if capital in words.clinical_capitals() else "",
        "a" if lower in words.eponym_nouns() else "",
        "i" if capital in INSTITUTION_WORDS else "",
        "T" if capital.rstrip(".") in TITLES else "",
    ]
    case = "U" if token.isupper() and len(token) > 1 else "C" if token[:1].isupper() else "L"
    return case + "".join(flags)


@lru_cache(maxsize=_WORDS_KEPT)
def _cue(token: str | None) -> str:
    """The kind of cue a word is (:func:`words.uniqueness_words`): 'u' for uniqueness or
    rank ('only', 'longest-surviving'), 'f' for publicity ('televised', 'high-profile'), ''
    for none. Shared by every word of a kind, so that 'the only ... in the country' learned
    from one sentence is read in another with 'first' or 'youngest'."""
    if token is None or not token[:1].isalpha():
        return ""
    cues = words.uniqueness_words()
    lower = token.lower()
    kind = cues.get(lower)
    if kind is None and "-" in lower:
        kind = next((cues[part] for part in lower.split("-") if part in cues), None)
    return kind or ""


@lru_cache(maxsize=_WORDS_KEPT)
def _word(token: str) -> str:
    """The token as a feature: a word in lower case, a number by its shape."""
    if any(char.isdigit() for char in token):
        return "#" + shape(token)
    return token.lower()


def _value(token: str) -> tuple[str, ...]:
    """A whole number of up to three figures by its range: an age over 89 reads differently
    from a score or a day."""
    if not token.isdigit() or len(token) > 3:
        return ()
    value = int(token)
    bucket = next((f"<{bound}" for bound in (13, 32, 90, 126) if value < bound), ">")
    return (f"v={bucket}",)


def token_features(tokens: list[str], index: int) -> list[str]:
    """The features that token ``index`` produces: a function of the token, the two before
    it and the one after it (so that a token's score can be kept, :func:`_token_score`)."""
    return list(_features_at(*_context(tokens, index)))


#: A token in its context: the two tokens before it, the token, the one after it (None at
#: either end of the sentence).
_Context = tuple[str | None, str | None, str, str | None]


def _context(tokens: list[str], index: int) -> _Context:
    return (
        tokens[index - 2] if index > 1 else None,
        tokens[index - 1] if index else None,
        tokens[index],
        tokens[index + 1] if index + 1 < len(tokens) else None,
    )


def _features_at(
    before2: str | None, before: str | None, token: str, after: str | None
) -> tuple[str, ...]:
    """The features of ``token`` between its neighbours, in four parts that each depend on
    fewer tokens (so that each part's score can be kept: most pairs of words recur)."""
    return (
        _alone(token, before is None)
        + _with_before(before, token)
        + _with_after(token, after)
        + _with_before2(before2, token)
    )


def _near(token: str | None, end: str) -> tuple[str, str]:
    """A neighbour as a word and as its lexical flags ('<s>' or '</s>' past the end)."""
    return (end, end) if token is None else (_word(token), _lexical(token))


@lru_cache(maxsize=4_096)  # the scores below are cached; these serve category_of
def _alone(token: str, first: bool) -> tuple[str, ...]:
    lex = _lexical(token)
    features = (f"w={_word(token)}", *_value(token), f"s={shape(token)}")
    if lex:
        features += (f"x={lex}",) + ((f"first|x={lex}",) if first else ())
    cue = _cue(token)
    if cue:
        features += (f"q={cue}",)
    return features


@lru_cache(maxsize=4_096)  # the scores below are cached; these serve category_of
def _with_before(before: str | None, token: str) -> tuple[str, ...]:
    word, lex, form = _word(token), _lexical(token), shape(token)
    before_word, before_lex = _near(before, "<s>")
    features: tuple[str, ...] = (f"b={before_word}_{word}", f"pw={before_word}|s={form}")
    if lex:
        features += (f"pw={before_word}|x={lex}", f"px={before_lex}|x={lex}")
    before_cue = _cue(before)
    if before_cue:  # the word after a cue: 'only surgeon', 'youngest ever'
        features += (f"qb={before_cue}|w={word}", f"qb={before_cue}|x={lex}")
    return features


@lru_cache(maxsize=4_096)  # the scores below are cached; these serve category_of
def _with_after(token: str, after: str | None) -> tuple[str, ...]:
    lex, form = _lexical(token), shape(token)
    after_word, after_lex = _near(after, "</s>")
    features: tuple[str, ...] = (f"s={form}|nw={after_word}",)
    if lex:
        features += (f"x={lex}|nw={after_word}", f"x={lex}|nx={after_lex}")
    after_cue = _cue(after)
    if after_cue:  # the word before a cue: 'the only', "country's longest"
        features += (f"qa={after_cue}|w={_word(token)}",)
    return features


@lru_cache(maxsize=4_096)  # the scores below are cached; these serve category_of
def _with_before2(before2: str | None, token: str) -> tuple[str, ...]:
    lex = _lexical(token)
    features: tuple[str, ...] = (f"pw2={_near(before2, '<s>')[0]}|x={lex}",) if lex else ()
    cue = _cue(before2)
    if cue:  # two words after a cue: 'only woman in', 'first person to'
        features += (f"qb2={cue}|w={_word(token)}",)
    return features


def _weighed(features: tuple[str, ...]) -> float:
    current = model()
    weights = current.weights
    return sum(weights.get(f, 0) for f in features) / current.scale


@lru_cache(maxsize=_WORDS_KEPT // 2)
def _alone_score(token: str, first: bool) -> float:
    return _weighed(_alone(token, first))


# Not cached: read for a new pair (whose score is kept, :data:`_PAIRS`) or a sentence that
# fires.
def _before_score(before: str | None, token: str) -> float:
    return _weighed(_with_before(before, token))


def _after_score(token: str, after: str | None) -> float:
    return _weighed(_with_after(token, after))


def _before2_score(before2: str | None, token: str) -> float:
    return _weighed(_with_before2(before2, token))


def _pair_score(before: str | None, token: str | None) -> float:
    """The score of what two neighbours produce together (None past either end): the first
    token's features with the one after it, the second's alone and with the one before it.
    A sentence's score is the sum of its pairs' and of :func:`_before2_score`, each kept
    (:func:`_logit`)."""
    total = 0.0
    if before is not None:
        total += _after_score(before, token)
    if token is not None:
        total += _alone_score(token, before is None) + _before_score(before, token)
    return total


class _Kept:
    """The scores of pairs of words that :func:`_logit` reads, by the first word of a pair,
    then the second: a sentence's pairs are looked up with no tuple made, hashed and
    compared for each (two lookups of a string, whose hash is kept, cost less than one of a
    pair: 3.0 against 3.8 µs a sentence). Emptied when it holds :data:`_PAIRS_KEPT` scores
    (a score is the same whenever it is worked out again)."""

    def __init__(self, score: Callable[[Any, Any], float]) -> None:
        self.score = score
        self.by_first: dict[str | None, dict[str | None, float]] = {}
        self.count = 0

    def clear(self) -> None:
        self.by_first.clear()
        self.count = 0

    def summed(self, firsts: Sequence[str | None], seconds: Sequence[str | None]) -> float:
        """The sum of the scores of the pairs of ``firsts`` and ``seconds`` in order, each
        from what is kept: the missing ones (a sentence with a new pair has one or two) are
        worked out and kept first, then all are summed as :func:`_logit` sums them."""
        by_first = self.by_first
        missing = [
            (first, second)
            for first, second in zip(firsts, seconds, strict=True)
            if second not in by_first.get(first, ())
        ]
        if self.count + len(missing) > _PAIRS_KEPT:
            self.clear()
            missing = list(zip(firsts, seconds, strict=True))
        for first, second in missing:
            row = by_first.setdefault(first, {})
            if second not in row:
                row[second] = self.score(first, second)
                self.count += 1
        return sum(map(getitem, map(by_first.__getitem__, firsts), seconds))


#: Each pair of neighbours (None past either end), and each token with the one two before.
_PAIRS = _Kept(_pair_score)
_SKIP_PAIRS = _Kept(_before2_score)


def _logit(read: list[str]) -> float:
    """The bias, plus the sum of the sentence's pair scores in order, plus the sum of its
    skip-pair scores in order (always summed so: the same tokens give the same bits). Most
    pairs are kept: a sentence is summed from plain lookups, and worked out pair by pair
    only when one is missing."""
    padded = [None, None, *read, None]  # the neighbours before the first and after the last
    count = len(read)
    # Each row is looked up for the first word of a pair, then the second word in it, both
    # in C (map, islice; a zip with strict= costs a keyword call per sentence).
    try:
        pairs = sum(
            map(
                getitem,
                map(_PAIRS.by_first.__getitem__, islice(padded, 1, count + 2)),
                islice(padded, 2, None),
            )
        )
    except KeyError:
        pairs = _PAIRS.summed(padded[1 : count + 2], padded[2:])
    try:  # each token with the one two before it
        skips = sum(
            map(getitem, map(_SKIP_PAIRS.by_first.__getitem__, islice(padded, count)), read)
        )
    except KeyError:
        skips = _SKIP_PAIRS.summed(padded[:count], read)
    logit = model().bias + pairs
    logit += skips
    return logit


def _token_score(before2: str | None, before: str | None, token: str, after: str | None) -> float:
    return (
        _alone_score(token, before is None)
        + _before_score(before, token)
        + _after_score(token, after)
        + _before2_score(before2, token)
    )


#: What the model does not read, never in the corpus it learned from: a citation key
#: ('[@smith2020]'), a code table's bracketed descriptor ('Leukocytes [#/volume] in Blood'),
#: markup (HTML tags and comments, scripts, template tags, a Markdown link's target).
_UNREAD = re.compile(
    r"<(script|style)\b.*?</\1\s*>|\[@[^\]]*\]|\[[^\]\s]*[#/][^\]\s]*\]|</?[A-Za-z][^<>]*>|<!--.*?-->|\{\{.*?\}\}|\{%.*?%\}|\$\{.*?\}|\]\([^)]*\)"
)

_MARKS = re.compile(r"[\[<{]")


def words_of(sentence: str) -> list[str]:
    """The tokens the model reads, without their places (:func:`tokens_of`)."""
    if not _MARKS.search(sentence):
        return _TOKEN.findall(sentence)
    return [t[2] for t in tokens_of(sentence)]


def tokens_of(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each token the model reads."""
    if not _MARKS.search(sentence):  # no markup to leave out: most sentences
        return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    unread = [m.span() for m in _UNREAD.finditer(sentence)]
    return [
        (m.start(), m.end(), m.group())
        for m in _TOKEN.finditer(sentence)
        if not any(start <= m.start() < end for start, end in unread)
    ]


def sentences_of(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    start = 0
    for cut in _BREAK.finditer(text):
        if cut.group() not in ("\n", "\x00") and _NO_BREAK_BEFORE.search(text, 0, cut.start()):
            continue
        if cut.start() > start:
            yield start, cut.start()
        start = cut.end()
    if start < len(text):
        yield start, len(text)


@dataclass(frozen=True)
class Model:
    """The detector: its weights are whole numbers of 1/``scale`` (the file lists feature
    names as one string and weights as integers, which load in half the time of a mapping of
    decimals). The category model is another file (:func:`categories`)."""

    bias: float
    weights: dict[str, int]
    scale: float
    threshold: float


@dataclass(frozen=True)
class Categories:
    """The category model: for each feature, pairs of (class index, weight in 1/``scale``)
    laid end to end."""

    classes: list[str]
    bias: list[float]
    weights: dict[str, list[int]]
    scale: float
    confidence: float


def _mapping(names: str, values: list[Any]) -> dict[str, Any]:
    return dict(zip(names.split("\n"), values, strict=True))


@cache
def model() -> Model:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    detect = data["detect"]
    return Model(
        bias=detect["bias"],
        weights=_mapping(detect["features"], detect["weights"]),
        scale=detect["scale"],
        threshold=detect["threshold"],
    )


@cache
def categories() -> Categories:
    category = json.loads(CATEGORY_PATH.read_text(encoding="utf-8"))
    return Categories(
        classes=category["classes"],
        bias=category["bias"],
        weights=_mapping(category["features"], category["weights"]),
        scale=category["scale"],
        confidence=category["confidence"],
    )


def reload_model() -> None:
    """Forget the weights and every score kept from them (after the model file changed)."""
    model.cache_clear()
    categories.cache_clear()
    _alone_score.cache_clear()
    _certain_logits.cache_clear()
    _PAIRS.clear()
    _SKIP_PAIRS.clear()


#: The fewest words a sentence needs for the model to read it: the corpus it learned from
#: is whole sentences, and a lone abbreviation or a label is no text it knows.
MIN_WORDS = 3


def readable(tokens: list[str]) -> bool:
    """Whether a sentence has words enough for the model (:data:`MIN_WORDS`)."""
    count = 0
    for token in tokens:
        if token[:1].isalpha():
            count += 1
            if count == MIN_WORDS:
                return True
    return False


def _read(tokens: list[str]) -> list[str]:
    """The tokens the model reads: a stop at the end is left out (the corpus always has one,
    a field of a case often has none), and the capitals of a drug's or a clinical service's
    name are read in lower case (:func:`generic_lowered`)."""
    last = len(tokens)
    while last and tokens[last - 1] in (".", "!", "?"):
        last -= 1
    return generic_lowered(tokens if last == len(tokens) else tokens[:last])


def generic_lowered(tokens: list[str]) -> list[str]:
    """``tokens`` with the capitalised words the rules know name no one in lower case: a
    drug ('Capecitabine'), a specialty ('Hepatology', 'Cardiothoracic'), and a run of
    capitalised words that names a clinical service by what it does ('the Major Trauma
    Centre', 'the Burns Unit', 'Interventional Radiology'). A capital there says nothing of
    a person, and the model, which learned that capitals mark names, took such sentences
    for identifiers. Only words that follow a word are lowered (below). The same list when
    nothing is lowered."""
    if "".join(tokens[1:]).islower():
        return tokens  # no capital after the first word: nothing to lower (most sentences)
    out: list[str] | None = None
    at = 0
    count = len(tokens)
    while at < count:
        if not tokens[at][:1].isupper():
            at += 1
            continue
        end = at + 1
        while end < count and tokens[end][:1].isupper():
            end += 1
        first = at + 1 if tokens[at] in _DETERMINERS else at
        # A capital after a stop, a dash or a colon, or first in a sentence, is the
        # sentence's own: kept, as the model learned it ('Dapagliflozin was withheld').
        after_word = first > 0 and tokens[first - 1][:1].isalnum()
        if after_word and first < end and _generic_run(tuple(tokens[first:end])):
            if out is None:
                out = list(tokens)
            for index in range(first, end):
                out[index] = tokens[index].lower()
        at = end
    return tokens if out is None else out


#: Capitalised words before a service's name that are not part of it ('The Burns Unit').
_DETERMINERS = frozenset(["The", "A", "An", "Our", "This", "That", "Their", "Her", "His"])
#: The last word of a service's name ('the Fracture Clinic', 'the Pain Team').
_SERVICE_TAILS = frozenset(
    ["Clinic", "Clinics", "Centre", "Center", "Service", "Services", "Team", "Unit", "Department"]
)
_SPECIALTY_WORDS = frozenset(SPECIALTIES) | CARE_WORDS


@lru_cache(maxsize=_WORDS_KEPT)
def _generic_run(run: tuple[str, ...]) -> bool:
    """Whether a run of capitalised words names a drug or a clinical service (see
    :func:`generic_lowered`): every word a service's, a specialty's or a drug's, and one of
    them more than a word of care ('Major Trauma' alone is not)."""
    named = False
    for word in run:
        if (
            word in _SERVICE_TAILS
            or words.specialty_shaped(word)
            or (len(word) > 3 and word in words.drug_names())
        ):
            named = True
        elif word not in _SPECIALTY_WORDS:
            return False
    return named


def sentence_features(tokens: list[str]) -> list[str]:
    """Every feature of a sentence, as often as its tokens produce it (what the model was
    trained on)."""
    read = _read(tokens)
    return [f for index in range(len(read)) for f in _features_at(*_context(read, index))]


def _sigmoid(logit: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))


@cache
def _certain_logits() -> tuple[float, float]:
    """Two logits either side of the threshold's: below the first, :func:`_sigmoid` is
    surely under the threshold; from the second on, surely not. Only a logit between them
    is turned into a probability (:func:`find_learned`), and the decision is the same: the
    true sigmoid rises with the logit, :func:`_sigmoid` is within 1e-15 of it, and at the two
    logits it is 1e-9 or more from the threshold. (-inf, inf) when the threshold is too near
    0 or 1 for that."""
    threshold = model().threshold
    if 0 < threshold < 1:
        logit = math.log(threshold) - math.log1p(-threshold)
        margin = 1e-6 * (1 + abs(logit))
        below, above = logit - margin, logit + margin
        if _sigmoid(below) < threshold - 1e-9 and _sigmoid(above) > threshold + 1e-9:
            return below, above
    return -math.inf, math.inf


def probability(tokens: list[str]) -> float:
    """The probability that a sentence holds an identifier: :func:`score` without the
    tokens' shares, for the many sentences that do not fire (this is most of the layer's
    cost, so it sums kept scores of pairs, :func:`_logit`, with no Python loop)."""
    read = _read(tokens)
    if not read:
        return _sigmoid(model().bias)
    return _sigmoid(_logit(read))


def score(tokens: list[str]) -> tuple[float, list[float]]:
    """The probability that a sentence holds an identifier, and each token's share of the
    score (the sum of its features' weights)."""
    read = _read(tokens)
    # _token_score for each token, written out: this loop is most of the layer's cost.
    alone, with_before, with_after, with_before2 = (
        _alone_score,
        _before_score,
        _after_score,
        _before2_score,
    )
    token_scores = []
    before2 = before = None
    for token, after in zip(read, [*read[1:], None], strict=True):
        token_scores.append(
            alone(token, before is None)
            + with_before(before, token)
            + with_after(token, after)
            + with_before2(before2, token)
        )
        before2, before = before, token
    token_scores += [0.0] * (len(tokens) - len(read))
    return _sigmoid(model().bias + sum(token_scores)), token_scores


def category_of(tokens: list[str], pointed: str) -> str:
    """The category the second model gives the sentence; when it is unsure, a
    'characteristic' for words and a 'number' for digits."""
    current = categories()
    sums = [0] * len(current.classes)
    for feature in sentence_features(tokens):
        row = current.weights.get(feature)
        if row:
            for at in range(0, len(row), 2):
                sums[row[at]] += row[at + 1]
    logits = [bias + total / current.scale for bias, total in zip(current.bias, sums, strict=True)]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    best = max(range(len(logits)), key=logits.__getitem__)
    if exps[best] / sum(exps) >= current.confidence:
        return current.classes[best]
    return "number" if any(char.isdigit() for char in pointed) else "characteristic"


def _span(
    tokens: list[tuple[int, int, str]], token_scores: list[float], *, digits: bool = False
) -> tuple[int, int]:
    """The highest-scoring token, with the neighbours of its kind that also add to the score
    (a capitalised run, a group of digits); with ``digits``, of the tokens that hold one."""
    # A word or a number, never a stop or a colon (a sentence can score by its punctuation).
    wanted_chars = str.isdigit if digits else str.isalnum
    worded = [i for i, token in enumerate(tokens) if any(map(wanted_chars, token[2]))]
    best = max(worded or range(len(tokens)), key=token_scores.__getitem__)

    def kind(text: str) -> str:
        return "d" if any(c.isdigit() for c in text) else "C" if text[:1].isupper() else "o"

    first = last = best
    wanted = kind(tokens[best][2])
    if wanted != "o":
        while first > 0 and token_scores[first - 1] > 0 and kind(tokens[first - 1][2]) == wanted:
            first -= 1
        while (
            last + 1 < len(tokens)
            and token_scores[last + 1] > 0
            and kind(tokens[last + 1][2]) == wanted
        ):
            last += 1
    return tokens[first][0], tokens[last][1]


def _sentences_to_read(text: str) -> Iterator[tuple[int, int]]:
    """The sentences of ``text`` (fields joined by NUL separators) the model reads: all but
    those of a field that still holds a ``casekit new`` placeholder ('TODO: the first
    diagnosis considered (CARE 8). Optionally add "codes"...'): casekit's own words, no text
    the model learned from (it took 'add' in one for a name). The rules still read it.

    Field by field, one cut at a time: :func:`_sentence_spans` finds the same sentences
    with fewer Python steps, and reads this only where a cut runs over a newline."""
    offset = 0
    for field in text.split("\x00"):
        if not field or is_placeholder(field):
            pass
        elif not _BREAK.search(field):  # one sentence
            yield offset, offset + len(field)
        else:
            for start, end in sentences_of(field):
                yield offset + start, offset + end
        offset += len(field) + 1


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence :func:`_sentences_to_read` gives: the lines of the whole
    text (a newline or a NUL always cuts), cut again where a stop, a space and a capital meet
    (:func:`_stop_cuts`). Those are all the cuts :func:`sentences_of` makes when no stop's
    space runs over a newline; and as no cut joins two fields, the sentences of a
    placeholder's field are then left out by their place."""
    cuts = _stop_cuts(text)
    if cuts is None:
        return list(_sentences_to_read(text))
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        if not (cuts and _cut(cuts, start, end, spans)):
            spans.append((start, end))
    if "TODO" in text:
        spans = _outside_placeholders(text, spans)
    return spans


def _stop_cuts(text: str) -> list[tuple[int, int]] | None:
    """The cuts of :data:`_BREAK` after a stop, each inside one line, but those after a
    title or an initial (:data:`_NO_BREAK_BEFORE`, read in the few characters it can match);
    None when a stop's space runs over a newline (:data:`_STOP_SPACE`)."""
    cuts = []
    stops = _STOP_SPACE if "!" in text or "?" in text else _STOP_SPACE_DOT
    for stop in stops.finditer(text):
        if stop.group(2):
            return None
        start = stop.start(1)
        if not _NO_BREAK_BEFORE.search(text, max(0, start - _NO_BREAK_REACH), start):
            cuts.append(stop.span(1))
    return cuts


def _cut(cuts: list[tuple[int, int]], start: int, end: int, pieces: list[tuple[int, int]]) -> bool:
    """Whether some of ``cuts`` (sorted, each inside one line) fall in the line from
    ``start`` to ``end``; if so, its pieces between them are added to ``pieces`` (none is
    empty: a cut has a stop before it and a capital after it)."""
    at = bisect.bisect_left(cuts, (start,))
    if at == len(cuts) or cuts[at][0] >= end:
        return False
    while at < len(cuts) and cuts[at][0] < end:
        pieces.append((start, cuts[at][0]))
        start = cuts[at][1]
        at += 1
    pieces.append((start, end))
    return True


def _outside_placeholders(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` but those in a field that holds a placeholder (:func:`_sentences_to_read`)."""
    unread = []
    offset = 0
    for field in text.split("\x00"):
        if is_placeholder(field):
            unread.append((offset, offset + len(field)))
        offset += len(field) + 1
    if not unread:
        return spans
    return [
        (start, end)
        for start, end in spans
        if not any(first <= start < last for first, last in unread)
    ]


#: The fewest characters a sentence of :data:`MIN_WORDS` words has ('a b c'): a word runs on
#: over letters and digits, so one character at least parts each from the next.
_FEWEST_CHARACTERS = 2 * MIN_WORDS - 1


def _readable_sentences(text: str, covered: list[int]) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, words) of each sentence of ``text`` the model reads
    (:func:`_sentences_to_read`) that has words enough (:func:`readable`) and holds none of
    the sorted positions ``covered``.

    Most texts have no placeholder and no stop whose space runs over a newline: their
    sentences are their lines, but where a stop cuts one (:func:`_sentence_spans`). Those
    are read in one pass over the lines, with no span kept for the many too short to read
    and, in a text of ASCII characters only, the faster token pattern."""
    findall = _ASCII_TOKEN.findall if text.isascii() else _TOKEN.findall
    marked = "[" in text or "<" in text or "{" in text  # :data:`_MARKS`

    def words(sentence: str) -> list[str]:
        if marked and _MARKS.search(sentence):
            return [t[2] for t in tokens_of(sentence)]
        return findall(sentence)

    def is_covered(start: int, end: int) -> bool:
        at = bisect.bisect_left(covered, start)
        return at < len(covered) and covered[at] < end

    stop_cuts = _stop_cuts(text)
    if stop_cuts is None or "TODO" in text:
        spans = _sentence_spans(text)
    else:
        spans = []  # the sentences of lines with cuts in them, read after the others
        cuts = [*stop_cuts, (len(text), len(text))]  # one past the end: no more
        at = 0  # the first cut not passed
        start = 0
        for line in text.replace("\x00", "\n").split("\n"):
            end = start + len(line)
            if end - start < _FEWEST_CHARACTERS or line.isalnum():  # one word
                pass
            elif cuts[at][0] < end:  # a cut in this line, or in one too short to read
                while cuts[at][0] < start:
                    at += 1
                while cuts[at][0] < end:
                    spans.append((start, cuts[at][0]))
                    start = cuts[at][1]
                    at += 1
                spans.append((start, end))
            elif not (covered and is_covered(start, end)):
                words_ = findall(line) if not marked else words(line)
                if readable(words_):
                    yield start, end, words_
            start = end + 1
    for start, end in spans:
        if end - start >= _FEWEST_CHARACTERS and not (covered and is_covered(start, end)):
            words_ = words(text[start:end])
            if readable(words_):
                yield start, end, words_


def pointed_at(sentence: str, words_: list[str]) -> tuple[int, int, str]:
    """Where in a flagged sentence the match is (offsets into it) and its category: the words
    that weighed most; but when the category is a number's and those words hold no digit
    ('The veterinarian's case number for the dog (VC-2231)'), the heaviest number, where an
    editor should be taken."""
    tokens = tokens_of(sentence)
    token_scores = score(words_)[1]
    first, last = _span(tokens, token_scores)
    pointed = sentence[first:last]
    category = category_of(words_, pointed)
    if (
        category in _NUMBERED
        and not any(map(str.isdigit, pointed))
        and any(any(map(str.isdigit, token[2])) for token in tokens)
    ):
        first, last = _span(tokens, token_scores, digits=True)
    return first, last, category


#: A sentence that gives the patient an ordinary job or pastime, with the indefinite article:
#: 'The patient, a hairdresser, developed...', 'He is a retired electrician who...'. A role
#: held by one person takes 'the' ('She is the principal cellist of...'), which this leaves.
_ORDINARY_ROLE = re.compile(
    r"^(?:(?:The|Our|Their)\s+(?:index\s+)?patient|He|She|Pt|Patient)"
    r"(?:,|\s+(?:is|was|had\s+been))\s+an?\s"
    # (or a note's label: 'Occupation: taxi driver, works long hours')
    r"|^(?:Occupation|Job|Employment|Work)\s*:\s*(?:an?\s+)?[a-z]",
    re.IGNORECASE,
)
#: Reported speech: a speaker and a verb of saying next to a quotation ('Mum said, "He was
#: so cross..."', '"He keeps pulling his legs up," the father said.', "Pt: 'it feels...'").
#: The model learned that what a patient says of themselves can identify them ('I'm the one
#: who...'), but a quotation alone does not.
_REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|told(?:\s+(?:us|me|him|her|them|the\s+\w+))?|reports?|reported|stated|"
    r"added|wrote|writes|explained|recalled|words)\s*[,:]?\s*[\"“‘']"
    r"|[\"”’'],?\s+(?:(?:she|he|they|the\s+(?:patient['’]s\s+)?\w+|her\s+\w+|his\s+\w+)\s+)?"
    r"(?:said|says|told|added|reported|wrote|explained|recalled)\b"
    r"|^(?:Pt|Patient|Mum|Mom|Dad|Mother|Father)\s*:\s*[\"“‘']",
    re.IGNORECASE,
)
#: Words that make a job or a quotation one person's: an office of state, church or crown,
#: a twin or triplet, fame (with :func:`_cue`'s words, read by the model itself), a speaker
#: who says everyone knows them.
_SINGULAR = re.compile(
    r"\b(?:national|royal|state|country's|twins?|triplets?|conjoined|famous(?:ly)?|news|"
    r"president|minister|king|queen|bishop|archbishop|ambassador|chief|film|television|"
    r"parliament|government|crown|papers|international|world|grandmaster)\b"
    # a speaker known to everyone ('Everyone round here knows me, I'm the one who...')
    r"|\bI(?:'m|’m|\s+am|\s+was)\s+(?:the|on)\b|\beveryone\b",
    re.IGNORECASE,
)


def ordinary(sentence: str, words_: list[str]) -> bool:
    """Whether a sentence the model takes for a unique characteristic only gives an ordinary
    job (:data:`_ORDINARY_ROLE`) or reports what someone said (:data:`_REPORTED_SPEECH`),
    with no word of uniqueness, publicity (:func:`_cue`) or high office (:data:`_SINGULAR`).
    Read only for sentences the model flags."""
    if not (_ORDINARY_ROLE.search(sentence) or _REPORTED_SPEECH.search(sentence)):
        return False
    return not (_SINGULAR.search(sentence) or any(map(_cue, words_)))


#: Words of an institution's run that name one, though the rules' :data:`GENERIC` holds them
#: for other uses: a country has one national or royal hospital.
_NAMING = frozenset({"National", "Royal", "Central", "State", "Federal", "King", "Queen"})
#: Lower-case words inside an institution's name ('Hospital das Clínicas', 'Academy of Dance').
_NAME_LINKS = frozenset({"of", "for", "and", "de", "da", "das", "do", "dos", "del", "la", "di"})


_PUNCTUATION = ".,;:()[]'’\"“”‘"


def _capital(word: str) -> bool:
    return word.strip(_PUNCTUATION)[:1].isupper()


def unnamed(sentence: str, first: int, last: int) -> bool:
    """Whether the institution the model points at (``sentence[first:last]``), read with the
    capitalised words either side of it, names none: 'a District General Hospital', 'the
    University Hospital' (only the rules' :data:`GENERIC` words and institution words), where
    'Bridgewater', 'Clínicas' or 'National' would make one."""
    before = sentence[:first].split()
    after = sentence[last:].split()
    run = sentence[first:last].split()
    while before and (_capital(before[-1]) or before[-1] in _NAME_LINKS):
        run.insert(0, before.pop())
    while after and (_capital(after[0]) or after[0] in _NAME_LINKS):
        run.append(after.pop(0))
    words_ = [w.strip(_PUNCTUATION) for w in run]
    capitals = [w for w in words_ if w[:1].isupper()]
    return bool(capitals) and all(
        (w in GENERIC or w in INSTITUTION_WORDS) and w not in _NAMING for w in capitals
    )


#: An age stated in figures under 90 ('a 34-year-old woman', 'Pt 31 y/o F', 'Pt 87F', 'aged
#: 62', '43 años'), and what could give one over 89: a number from 90 to 119 (the rules'
#: :data:`OLD_AGE_FIGURES`), or a word for one.
_STATED_AGE = re.compile(
    r"(?<![\d.])(?:[1-8]?\d)(?:[- ](?:year|yr|month|week|day)s?[- ]old\b|\s?(?:y/?o|yo|yrs?\b"
    r"|years?\s+old|años|anos|ans\b|jahre|(?-i:[MF])\b))|\baged?\s+(?:[1-8]?\d)\b(?![.,]?\d)",
    re.IGNORECASE,
)
_OLD_AGE = re.compile(
    rf"(?<![\d.,]){OLD_AGE_FIGURES}(?![\d.,]\d)|ninet|hundred|nonagenarian|centenarian",
    re.IGNORECASE,
)


def young(sentence: str) -> bool:
    """Whether a sentence the model takes for an age over 89 states the person's age, under
    90, and holds nothing that could give one over it ('A 32-year-old Egyptian woman
    presented...'); a sentence with no age stated is left to the model."""
    return _STATED_AGE.search(sentence) is not None and _OLD_AGE.search(sentence) is None


#: A heading before a colon that names a specialty or a teaching point, then a sentence that
#: opens with 'a' ('Breast surgery: a 46-year-old woman...', 'Laryngology: a 49-year-old
#: teacher...', 'Key teaching point: a left-sided...'): a vignette's or a teaching file's
#: label ('Pathology: Ústav patologie...' and 'Audio file: patient's voice...' are not).
#: The model learned that a label and a colon open identifiers ('Name: ...', 'Address:
#: ...'), so such a sentence is read again without its heading, as the sentence it is (with
#: a capital).
_HEADING = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:and\s+|&\s+)?[\w'’\-]+){0,4}?\s*:\s+(?=an?\s)")
_HEADING_TAILS = frozenset(
    """medicine surgery nursing dentistry pharmacy physiotherapy care point points file
    message lesson lessons pearl pearls orthopaedics orthopedics obstetrics anaesthesia
    anesthesia anaesthetics anesthetics neurosurgery""".split()  # noqa: SIM905
)


def _heading_end(sentence: str) -> int:
    """Where the text after a specialty's or teaching point's heading (:data:`_HEADING`)
    starts in ``sentence``, or 0 when it opens with none."""
    heading = _HEADING.match(sentence)
    if heading is None:
        return 0
    last = heading.group().rstrip(": \t").rsplit(None, 1)[-1]
    # (a specialty by its name, not a part of the body: 'Skin:', 'Neck:' head a finding)
    if last.lower() in _HEADING_TAILS or words.specialty_shaped(last):
        return heading.end()
    return 0


def _fires(words_: list[str]) -> bool:
    """Whether the model flags a sentence of these words (:func:`find_learned`'s test)."""
    if not readable(words_):
        return False
    never, always = _certain_logits()
    read = _read(words_)
    logit = _logit(read) if read else model().bias
    return not (logit < never or (logit < always and _sigmoid(logit) < model().threshold))


#: Categories whose identifier is a number (an age may be written in words).
_NUMBERED = frozenset(
    "phone fax record health-plan ssn account licence device ip vehicle number".split()  # noqa: SIM905
)


def find_learned(
    text: str, covered: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str, str]]:
    """(start, end, category, 'learned') for each sentence of ``text`` the model flags,
    pointing at the words that made it fire. Sentences where a span of ``covered`` (what the
    rules found) starts are left alone: the rules say more there, and say it better."""
    found = []
    current = model()
    never, always = _certain_logits()
    starts = sorted(span[0] for span in covered or ())
    for start, end, words_ in _readable_sentences(text, starts):
        read = _read(words_)
        logit = _logit(read) if read else current.bias
        if logit < never or (logit < always and _sigmoid(logit) < current.threshold):
            continue
        sentence = text[start:end]
        first, last, category = pointed_at(sentence, words_)
        if category == "characteristic" and ordinary(sentence, words_):
            continue
        if category == "institution" and unnamed(sentence, first, last):
            continue
        if category == "age" and young(sentence):
            continue
        heading_end = _heading_end(sentence)
        if heading_end:
            rest = sentence[heading_end:]
            if not _fires(words_of(rest[:1].upper() + rest[1:])):  # read as a sentence
                continue
        found.append((start + first, start + last, category, "learned"))
    found.sort()
    return found
