"""'Did you mean ...?' for an id that does not exist, quick however many ids there are.

difflib compares a word with every candidate; for each broken link in a case with
thousands of ids that was quadratic (1,000 broken links: 41 s). Here difflib only ranks
a shortlist found through two indexes of the candidates:

- by deletion (as SymSpell does): each candidate and each of it with one character
  removed. A word whose own such variants meet a candidate's is within two edits of it,
  which catches the usual typo (a letter missing, extra, changed or two swapped);
- otherwise by letter pairs: the candidates sharing the most pairs with the word, counted
  over its rarer pairs only, so that a pair every id has ("e-", "00") costs nothing.

difflib's own rule (a similarity of at least 0.6) still decides what is suggested.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable

#: Up to this many candidates, difflib sees them all: the indexes would save nothing.
_SMALL = 64
#: How many candidates, found by letter pairs, difflib ranks.
_SHORTLIST = 8
#: How many index entries one word's letter pairs may look at.
_BUDGET = 1024


def _pairs(word: str) -> set[str]:
    padded = f"\0{word}\0"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


class Suggester:
    """The closest of ``candidates`` to a word, as :func:`difflib.get_close_matches` would
    choose among a shortlist of the candidates most like it."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = list(dict.fromkeys(candidates))
        self._by_deletion: dict[str, list[int]] = defaultdict(list)
        self._by_pair: dict[str, list[int]] = defaultdict(list)
        if len(self.candidates) > _SMALL:
            for number, candidate in enumerate(self.candidates):
                folded = candidate.casefold()
                for variant in _deletions(folded):
                    self._by_deletion[variant].append(number)
                for pair in _pairs(folded):
                    self._by_pair[pair].append(number)
        self._known: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        if word not in self._known:
            self._known[word] = self._closest(word)
        return self._known[word]

    def _closest(self, word: str) -> str | None:
        if len(self.candidates) <= _SMALL:
            return _best(word, self.candidates)
        folded = word.casefold()
        near = {n for v in _deletions(folded) for n in self._by_deletion.get(v, ())}
        found = _best(word, [self.candidates[n] for n in sorted(near)])
        return found if found is not None else _best(word, self._sharing_pairs(folded))

    def _sharing_pairs(self, folded: str) -> list[str]:
        postings = sorted((self._by_pair.get(p, []) for p in _pairs(folded)), key=len)
        shared: Counter[int] = Counter()
        looked = 0
        for posting in postings:
            if looked + len(posting) > _BUDGET:
                break  # this pair and the rest are too common to tell ids apart
            shared.update(posting)
            looked += len(posting)
        return [self.candidates[n] for n, _ in shared.most_common(_SHORTLIST)]


def _best(word: str, shortlist: list[str]) -> str | None:
    found = difflib.get_close_matches(word, shortlist, n=1)
    return found[0] if found else None
