"""The tuned part of the identifier corpus stays found (the held-out part is only measured,
by bench/privacy_eval.py, never asserted: it must not become a tuning target)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from casekit.identifiers import find
from privacy_eval import read_clean, read_identifiers


def test_every_identifier_sentence_of_the_tuned_part_is_found() -> None:
    rows = read_identifiers("identifiers.tsv")
    assert len(rows) >= 200
    missed = [sentence for _, sentence in rows if not find(sentence)]
    assert len(missed) <= 0.03 * len(rows), missed


def test_clean_sentences_of_the_tuned_part_stay_clean() -> None:
    sentences = read_clean("clean.txt")
    assert len(sentences) >= 200
    flagged = [s for s in sentences if find(s)]
    assert len(flagged) <= 0.02 * len(sentences), flagged


@pytest.mark.parametrize(
    "part",
    [
        "independent",
        "independent2",
        "independent3",
        "independent4",
        "independent5",
        "independent6",
        "independent7",
        "independent8",
        "independent9",
        "independent10",
        "independent11",
        "independent13",
    ],
)
def test_the_tuned_independent_parts_keep_their_figures(part: str) -> None:
    """Every independent corpus has been tuned on since it was measured: each keeps recall
    of 0.99 and no more than 2% of its clean sentences flagged."""
    rows = read_identifiers(f"{part}.tsv")
    missed = [sentence for _, sentence in rows if not find(sentence)]
    assert len(missed) <= 0.01 * len(rows), missed
    sentences = read_clean(f"{part}_clean.txt")
    flagged = [s for s in sentences if find(s)]
    assert len(flagged) <= 0.02 * len(sentences), flagged


def _assert_keeps_figure(part: str, found_at_least: int, flagged_at_most: int) -> None:
    """At least ``found_at_least`` of the part's identifier sentences found, at most
    ``flagged_at_most`` of its clean sentences flagged."""
    rows = read_identifiers(f"{part}.tsv")
    found = sum(1 for _, sentence in rows if find(sentence))
    assert found >= found_at_least, f"{found} of {len(rows)}"
    flagged = [s for s in read_clean(f"{part}_clean.txt") if find(s)]
    assert len(flagged) <= flagged_at_most, flagged


#: The corpora nobody had read when they were measured (tests/identifiers/README.md), each
#: measured once with the learned layer's third model: (part, identifier sentences found,
#: most clean sentences flagged). independent12: recall 0.957 (518/541), 0.8% flagged, held
#: to the 2% goal (17 of 855); 0.959 (519/541), 0.8% after round 13 of the rules (measured
#: once at its end); independent14: 0.979 (511/522), 1.3% (11/854), the same after round 13.
#: With the layer's round-4 model (trained also on independent13 and session14, threshold
#: 0.841; measured once): independent12 0.963 (521/541), 1.3% (11/855); independent14 0.981
#: (512/522), 2.0% (17/854), held to the 2% goal (17 of 854). independent15 (sealed15, written
#: in session 15): 0.955 (504/528), 1.0% with the third model; 0.968 (511/528), 1.5% (13/859)
#: with round 4, held to the 2% goal (17 of 859). independent16 (sealed16, written after round
#: 4 was chosen): 0.983 (525/534), 1.3% (11/871), held to the 2% goal (17 of 871).
UNSEEN = [
    ("independent12", 521, 17),
    ("independent14", 512, 17),
    ("independent15", 511, 17),
    ("independent16", 525, 17),
]


@pytest.mark.parametrize(("part", "found_at_least", "flagged_at_most"), UNSEEN)
def test_an_unseen_part_keeps_its_measured_figure(
    part: str, found_at_least: int, flagged_at_most: int
) -> None:
    """A part measured before anyone tuned on it must not fall below its figure."""
    _assert_keeps_figure(part, found_at_least, flagged_at_most)
