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


def test_the_twelfth_independent_part_keeps_its_measured_figure() -> None:
    """independent12 was measured on the detector before anyone tuned on it (recall 0.957,
    518 of 541, and 0.8% of its clean sentences flagged, with the learned layer's third
    model): it must not fall below that."""
    rows = read_identifiers("independent12.tsv")
    found = sum(1 for _, sentence in rows if find(sentence))
    assert found >= 518, f"{found} of {len(rows)}"
    sentences = read_clean("independent12_clean.txt")
    flagged = [s for s in sentences if find(s)]
    assert len(flagged) <= 0.02 * len(sentences), flagged


def test_the_thirteenth_independent_part_keeps_its_measured_figure() -> None:
    """independent13 was measured once, on main before anyone read it (recall 0.958, 500 of
    522, and 1.6% of its clean sentences flagged, with the learned layer's third model): it
    must not fall below that."""
    rows = read_identifiers("independent13.tsv")
    found = sum(1 for _, sentence in rows if find(sentence))
    assert found >= 500, f"{found} of {len(rows)}"
    sentences = read_clean("independent13_clean.txt")
    flagged = [s for s in sentences if find(s)]
    assert len(flagged) <= 14, flagged


def test_the_fourteenth_independent_part_keeps_its_measured_figure() -> None:
    """independent14 was measured once, before anyone read it (recall 0.979, 511 of 522, and
    1.3% of its clean sentences flagged, with the learned layer's third model): it must not
    fall below that."""
    rows = read_identifiers("independent14.tsv")
    found = sum(1 for _, sentence in rows if find(sentence))
    assert found >= 511, f"{found} of {len(rows)}"
    sentences = read_clean("independent14_clean.txt")
    flagged = [s for s in sentences if find(s)]
    assert len(flagged) <= 11, flagged
