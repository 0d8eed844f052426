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


#: Tuned parts still short of 0.99: (part, identifier sentences found, most clean sentences
#: flagged). independent13, released and tuned on in round 13 (its honest figure 0.958,
#: 500/522, 1.6%): 0.981 (512/522), 1.6% (14/885) after; its ten misses are classes left
#: (characteristics, a capitals caption, a boat's and a certificate's numbers, two names, a
#: gym), so it keeps that figure rather than 0.99. (The layer's round 4, which had read it,
#: was withdrawn: tests/identifiers/README.md.)
TUNED_SHORT = [("independent13", 512, 14)]
#: Development corpora of the seventh session, by two authors who never saw the detector,
#: written for the classes weakest on the unseen corpora and read to mend the rules
#: (tests/identifiers/README.md): dev19 (characteristics, vehicles, devices, institutions,
#: accounts, licences) 306/330 found and 31/330 flagged before, 323 and 28 after (nine of
#: those are plain tattoos, left, and twelve the learned layer's); dev20 (names, places, dates,
#: biometrics, ages) 314 and 8 before, 329 and 5 after (all five the layer's).
#: dev26 (eighth session, another author who never saw the detector: characteristics, places,
#: institutions, dates, biometrics, vehicles, with their look-alikes): 308/340 found and
#: 24/423 flagged on main; the rules written for it were measured and not adopted
#: (bench/candidates/frames26.patch: 330 and 24).
#: independent26 (written in the eighth session by an author who never saw the detector, kept
#: sealed until its honest figure was measured: 0.971, 508/523; 2.5%, 21/856) was released
#: for tuning in the ninth, once a new sealed pair (sealed27) was being written. The rules
#: read on it and on dev26 that session: dev26 313 and 21, independent26 519 and 16.
#: independent28 (sealed27, weighted to the weakest categories, its clean half full of
#: look-alikes) was measured once at 2a11576, 0.963 (472/490) and 5.9% (51/863), and at
#: f5a0092, 0.965 (473) and 5.9% (51), then released for tuning: its false positives are the
#: largest gap. The look-alikes read on it (place-named diseases, variants, grade lists,
#: units in a table's header, makers and brands, shorthand): 38 flagged, dev26 20. Its misses
#: read too (a royal office, 'nationally', NHI, rare trades, firsts of a journey, surrogacy
#: in a family, 'the patient is recognisable', a channel's name, a surname quoted in
#: capitals, road numbers, named settlements and estates): 484 found; dev26 316.
DEVELOPMENT = [
    ("dev19", 330, 13),
    ("dev20", 330, 0),
    ("dev26", 340, 7),
    ("independent26", 523, 0),
    ("independent28", 490, 11),
    ("independent30", 490, 3),
    ("independent31", 523, 1),
    ("independent33", 523, 1),
    ("independent32", 490, 2),
    ("independent36", 490, 3),
    ("independent37", 522, 0),
    ("independent38", 490, 3),
    ("independent34", 490, 2),
    ("independent35", 521, 2),
    ("independent39", 522, 7),
    ("independent40", 490, 11),
    ("independent42", 490, 4),
    ("independent44", 490, 6),
    ("independent45", 523, 1),
    ("independent46", 490, 6),
    ("independent47", 523, 1),
    ("independent48", 490, 4),
    ("independent49", 523, 11),
    ("independent50", 490, 8),
    ("independent52", 489, 3),
    ("independent54", 490, 7),
    ("independent53", 523, 1),
    ("independent56", 490, 5),
    ("independent58", 490, 6),
    ("independent60", 490, 10),
    ("independent61", 523, 7),
    ("independent63", 523, 10),
    ("independent64", 490, 14),
    ("independent66", 490, 14),
    ("independent68", 490, 8),
    ("independent70", 490, 8),
    ("independent74", 479, 22),
    ("independent79", 480, 31),
    ("independent81", 478, 27),
]


@pytest.mark.parametrize(("part", "found_at_least", "flagged_at_most"), TUNED_SHORT)
def test_a_tuned_part_short_of_the_bar_keeps_its_figure(
    part: str, found_at_least: int, flagged_at_most: int
) -> None:
    _assert_keeps_figure(part, found_at_least, flagged_at_most)


def _assert_keeps_figure(part: str, found_at_least: int, flagged_at_most: int) -> None:
    """At least ``found_at_least`` of the part's identifier sentences found, at most
    ``flagged_at_most`` of its clean sentences flagged."""
    rows = read_identifiers(f"{part}.tsv")
    found = sum(1 for _, sentence in rows if find(sentence))
    assert found >= found_at_least, f"{found} of {len(rows)}"
    flagged = sum(1 for s in read_clean(f"{part}_clean.txt") if find(s))
    # (counts only: a sealed part's sentences are never shown, not even by a failing test)
    assert flagged <= flagged_at_most, f"{flagged} flagged"


#: The corpora nobody had read when they were measured (tests/identifiers/README.md), each
#: measured once with the learned layer's third model: (part, identifier sentences found,
#: most clean sentences flagged). independent12: recall 0.957 (518/541), 0.8% flagged, held
#: to the 2% goal (17 of 855); 0.959 (519/541), 0.8% after round 13 of the rules (measured
#: once at its end); independent14: 0.979 (511/522), 1.3% (11/854), the same after round 13.
#: independent15 (sealed15) and independent16 (sealed16), written in session 15, measured
#: with the third model: 0.955 (504/528), 1.0% (9/859); 0.979 (523/534), 1.1% (10/871). The
#: layer's round 4 was withdrawn (it flagged 'A 62-year-old woman presented with painless
#: jaundice.'). Round 4b (trained also on ordinary prose, threshold 0.891; measured once on
#: all four): 0.963 (521/541), 0.9%; 0.977 (510/522), 1.3%; 0.960 (507/528), 1.2%; 0.979
#: (523/534), 1.1%; adopted by the rule fixed before (pooled recall at least 0.965; its pooled
#: 0.970 against the third model's 0.968), so independent14's floor is one sentence lower.
#: Each held to its recall and to the 2% goal. independent18 (sealed18), written in session
#: 16, measured once on main at d295c38 (that session's rules, round 4b): 0.966 (509/527),
#: 0.3% (3/862). After the rules read on that session's development text (dev19, dev20;
#: aggregate lines only): independent15 0.962 (508/528), independent18 0.970 (511/527).
#: independent21 (sealed21), written later that session, measured once at d7f21c2: 0.989
#: (523/529), 1.7% (15/872); independent23 (sealed23), at its end, once at b4fe7ca: 0.962
#: (500/520), 0.9% (8/870). independent26 (sealed26) was measured once at eaf7d78 and at
#: 4662804, 0.971 (508/523), 2.5% (21/856), and then released for tuning: see DEVELOPMENT.
#: independent27 (sealed27), ninth session, once at 2a11576 and with that session's rules
#: (f5a0092): 0.964 (504/523), 2.1% (19/905); 0.966 (505/523), 1.8% (16/905).
#: independent29 and independent30 (sealed29), later that session, once at 2a11576, at
#: f5a0092 and at 81c06f6 (the rules read on independent28): 0.981 (513/523), 0.983 (514),
#: 0.983 (514), flagged 24, 23, 20 of 915; 0.963 (472/490), 0.967 (474), 0.967 (474), flagged
#: 24, 23, 20 of 874. Both over the 2% goal, so their own figures are their caps;
#: independent30 was then released for tuning (DEVELOPMENT): 487 and 19 after the rules read
#: on it.
#: independent31 and independent32 (sealed31), once at 2a11576, 522f9eb and 20fb411 (the
#: rules read on independent30): 0.954 (499/523), 35, 31, 31 of 856 flagged; 0.973
#: (477/490), 0.984 (482), 0.986 (483), 35, 31, 31 of 892 flagged: far over the 2% goal, so
#: their own figures are their caps. independent31 was then released (DEVELOPMENT): 513
#: found and 21 flagged after the rules read on it.
#: independent33 and independent34 (sealed33), once at 2a11576, d24d654 and fff283d (the
#: rules read on independent31, not adopted): 0.948 (496/523), 0.952 (498), 0.954 (499),
#: 11, 8, 8 of 860 flagged; 0.967 (474/490), 0.973 (477), 0.973 (477), 27, 22, 23 of 897
#: flagged; independent33 was released. Round 4 was given one further test on sealed35 and
#: adopted over both pairs pooled (1,953 found either way, 70 flagged against 71), so
#: independent34 is held to its figure with round 4, 23.
#: independent35 and independent36 (sealed35), once at 2a11576, 6d7dca9, 397193b (round 4)
#: and 05c8c3d (round 5): 0.954 (499/523), 503, 502, 504, flagged 19, 17, 15, 15 of 854
#: (held to the 2% goal, 17); 0.965 (473/490), 475, 475, 475, flagged 27, 24, 24, 24 of 866
#: (over the goal: its own figure is its cap). independent32 (484, 29 by then) and
#: independent36 were released at the end of the session for their false positives
#: (DEVELOPMENT): 486 and 22, 486 and 23 after the rules read on them.
#: independent37 and independent38 (sealed37), once at 2a11576, e67e335, 45b0e77 (round 6)
#: and with round 9's model (not adopted): 0.941 (492/523), 503, 503, 499, flagged 41, 20,
#: 20, 15 of 867; 0.959 (470/490), 476, 476, 473, flagged 28, 25, 25, 19 of 863. Both over the
#: 2% goal: their own figures are their caps. Both were released for tuning at the very end of
#: the session (round 7; DEVELOPMENT): 513 and 16, 487 and 22 after the rules read on them.
#: independent39 and independent40 (sealed39), once at 2a11576, 51077bc and c545da9 (round
#: 7, adopted): 0.945 (494/523), 501, 503, flagged 23, 18, 18 of 865 (held at 18, 2.1%);
#: 0.959 (470/490), 476, 476, flagged 34, 34, 34 of 867 (3.9%). Their own figures are caps.
#: independent41 and independent42 (sealed41), once at 2a11576, c361357 and 00891be (round 8,
#: adopted): 0.948 (496/523), 503, 503, flagged 12 of 855 each time (held to the 2% goal, 17);
#: 0.965 (473/490), 479, 479, flagged 39, 33, 32 of 890 (its own figure is its cap).
#: independent43 and independent44 (sealed43), once at 2a11576, 72c0275 and d7cebdc (round
#: 10, adopted): 0.969 (507/523), 511, 511, flagged 20, 17, 16 of 850; 0.953 (467/490), 469,
#: 470, flagged 50, 47, 46 of 852. Their own figures are caps.
#: independent45 and independent46 (sealed45), once at 2a11576, be62373 and d555901 (round
#: 11, adopted): 0.925 (484/523), 491, 492, flagged 23, 18, 18 of 883; 0.978 (479/490), 484,
#: 484, flagged 44, 36, 36 of 854. Their own figures are caps.
#: independent47 and independent48 (sealed47), once at 2a11576, 0033bfc and 26d5107 (round
#: 12, adopted): 0.948 (496/523), 497, 498, flagged 37, 30, 29 of 854; 0.953 (467/490), 469,
#: 470, flagged 30, 25, 25 of 852. Their own figures are caps.
#: independent49 and independent50 (sealed49), once at 2a11576, 95e1005 and 36c8643 (round
#: 13, adopted, no change there): 0.962 (503/523), 510, 510, flagged 43, 41, 41 of 872;
#: 0.935 (458/490), 470, 470, flagged 56, 42, 42 of 876. Their own figures are caps.
#: independent51 and independent52 (sealed51), once at 2a11576, 7dc878d and 8f4ad30 (round
#: 14, adopted): 0.964 (504/523), 509, 510, flagged 18, 11, 11 of 856; 0.939 (460/490), 469,
#: 470, flagged 32, 24, 24 of 865. Their own figures are caps.
#: independent53 and independent54 (sealed53), once at 2a11576, 4e2fce1 and 9229c6f (round
#: 15, adopted): 0.935 (489/523), 496, 497, flagged 23, 18, 18 of 852; 0.961 (471/490), 475,
#: 475, flagged 64, 59, 59 of 856. Their own figures are caps.
#: independent55 and independent56 (sealed55), once at 2a11576, b5fb4ff and 04bd086 (round
#: 16, adopted, no change there): 0.962 (503/523), 507, 507, flagged 20, 16, 16 of 853; 0.949
#: (465/490), 472, 472, flagged 32, 25, 25 of 849. Their own figures are caps.
#: independent34 and independent35 were released at the very end (round 8; DEVELOPMENT): 480
#: and 18, 511 and 11 after the rules read on them. independent39 and independent40 were
#: released at the start of the tenth session (round 10; DEVELOPMENT): 505 and 17, 476 and 34;
#: independent42 and independent44 after round 10 (round 11): 480 and 28, 470 and 46;
#: independent45 and independent46 after round 11 (round 12): 492 and 18, 484 and 36;
#: independent47 and independent48 after round 12 (round 13): 498 and 29, 470 and 25;
#: independent49 and independent50 after round 13 (round 14): 510 and 41, 470 and 42;
#: independent52 after round 14 (round 15): 470 and 24; independent54 after round 15 (round
#: 16): 475 and 59; independent53 and independent56 at the start of the eleventh session
#: (round 17): 497 and 18, 472 and 25.
#: independent57 and independent58 (sealed57), once at 2a11576, 8cf1c36 and 4bc2c50 (round
#: 17, not adopted: one identifier fewer on the pair): 0.975 (510/523), 514, 514, flagged 19,
#: 12, 10 of 859; 0.959 (470/490), 477, 476, flagged 54, 45, 45 of 885. Their figures at main
#: are their caps; independent58 was released at once (round 18; DEVELOPMENT): 477 and 45.
#: independent59 and independent60 (sealed59), once at 2a11576, 9820fb7 and 8b4dd61 (round
#: 18, adopted): 0.964 (504/523), 508, 509, flagged 11, 7, 6 of 881; 0.947 (464/490), 472,
#: 473, flagged 53, 42, 42 of 862. Their own figures are caps; independent60 was released
#: at once (round 19; DEVELOPMENT): 473 and 42.
#: independent61 and independent62 (sealed61), once at 2a11576, 9d87ffe and 3fe7559 (round
#: 19, adopted, no change there): 0.950 (497/523), 503, 503, flagged 43, 37, 37 of 866; 0.949
#: (465/490), 476, 476, flagged 37, 22, 22 of 857. Their own figures are caps; independent61
#: was released at once (round 20; DEVELOPMENT): 503 and 37.
#: independent63 and independent64 (sealed63), once at 2a11576, b298fc4 and ad11889 (round
#: 20, adopted, no change there): 0.952 (498/523), 509, 509, flagged 41, 31, 31 of 886; 0.933
#: (457/490), 469, 469, flagged 41, 36, 36 of 850. Both released at once (round 21;
#: DEVELOPMENT): 509 and 31, 469 and 36.
#: independent65 and independent66 (sealed65), once at 2a11576, fc38164 and f5dee12 (round
#: 21, adopted): 0.966 (505/523), 509, 510, flagged 23, 16, 16 of 846; 0.949 (465/490), 472,
#: 472, flagged 113, 92, 92 of 863 (the most of any corpus). Their own figures are caps;
#: independent66 was released at once (round 22; DEVELOPMENT): 472 and 92.
#: independent67 and independent68 (sealed67), once at 2a11576, 0289372 and 2ce0d5f (round
#: 22, adopted, no change there): 0.967 (506/523), 512, 512, flagged 34, 31, 31 of 860; 0.963
#: (472/490), 480, 480, flagged 45, 39, 39 of 873. Their own figures are caps; independent68
#: was released at once (round 23; DEVELOPMENT): 480 and 39.
#: independent69 and independent70 (sealed69), once at 2a11576, 2cf7bbf and 134ea9e (round
#: 23, adopted, no change there): 0.969 (507/523), 516, 516, flagged 25, 22, 22 of 866; 0.959
#: (470/490), 476, 476, flagged 58, 45, 45 of 860. Their own figures are caps; independent70
#: was released for round 24 (DEVELOPMENT): 476 and 45.
#: independent71 and independent72 (sealed71), once at 2a11576, d988298 and ed6b330 (round
#: 24, adopted): 0.952 (498/523), 507, 507, flagged 29, 18, 18 of 881; 0.961 (471/490), 476,
#: 477, flagged 48, 34, 34 of 850. Their own figures are caps.
#: independent73 and independent74 (sealed73), once at 2a11576, 558a0e0 and ffde2f6 (round
#: 25, the learned layer trained again, adopted): 0.967 (506/523), 513, 516, flagged 30, 23,
#: 14 of 870; 0.945 (463/490), 476, 479, flagged 57, 43, 22 of 864. Since round 25 every
#: floor above is the figure that model gives (all found the same or more; clean sentences
#: flagged fewer or the same). independent74 was released for round 26 (DEVELOPMENT).
#: independent75 and independent76 (sealed75), once at 2a11576, c0bdad7 and 3e385d4 (round
#: 26, adopted, no change there): 0.952 (498/523), 512, 512, flagged 30, 6, 6 of 866; 0.967
#: (474/490), 485, 485, flagged 35, 13, 13 of 860.
#: independent78 and independent79 (sealed78), once at 2a11576, 12b7047 and 9cd4d61 (round
#: 27, adopted, no change there): 0.962 (503/523), 516, 516, flagged 30, 15, 15 of 865; 0.955
#: (468/490), 480, 480, flagged 63, 31, 31 of 929. independent79 was released for round 28.
#: independent80 and independent81 (sealed80), once at 2a11576, 97c4301 and 25a3333 (round
#: 28, adopted, no change there): 0.964 (504/523), 515, 515, flagged 41, 17, 17 of 881; 0.935
#: (458/490), 478, 478, flagged 39, 27, 27 of 899. independent81 was released for round 29.
#: Since round 28: independent62 483, independent71 516.
#: independent82 and independent83 (sealed82), once at 2a11576, 51da70d and 8ca8c94 (round
#: 29, adopted, no change there): 0.967 (506/523), 515, 515, flagged 40, 6, 6 of 857; 0.961
#: (471/490), 483, 483, flagged 40, 11, 11 of 868. Since round 29: independent41 511,
#: independent57 517; independent18 4 and independent78 14 flagged.
UNSEEN = [
    ("independent12", 525, 6),
    ("independent14", 517, 6),
    ("independent15", 516, 14),
    ("independent16", 529, 7),
    ("independent18", 519, 4),
    ("independent21", 525, 11),
    ("independent23", 505, 6),
    ("independent27", 516, 2),
    ("independent29", 520, 6),
    ("independent41", 511, 9),
    ("independent43", 519, 5),
    ("independent51", 516, 6),
    ("independent55", 513, 6),
    ("independent57", 517, 3),
    ("independent59", 519, 2),
    ("independent62", 483, 12),
    ("independent65", 515, 11),
    ("independent67", 516, 15),
    ("independent69", 517, 6),
    ("independent71", 516, 10),
    ("independent72", 486, 16),
    ("independent73", 516, 13),
    ("independent75", 512, 6),
    ("independent76", 485, 13),
    ("independent78", 516, 14),
    ("independent80", 515, 17),
    ("independent82", 515, 6),
    ("independent83", 483, 11),
]


def test_the_sealed_tattoo_set_keeps_its_figure() -> None:
    """tattoo25 (sealed25): 51 tattoos that identify and 104 that do not, measured on main at
    b4fe7ca: 48 found, 53 flagged (every tattoo is a warning). A rule that flags a tattoo only
    when it is described found 45 and flagged 6, and was not adopted: recall first."""
    # Round 10 of the learned layer: 54 (one more; the sealed files' clean sentences pooled
    # 288 -> 167 flagged).
    _assert_keeps_figure("tattoo25", 48, 54)


@pytest.mark.parametrize(("part", "found_at_least", "flagged_at_most"), DEVELOPMENT)
def test_the_development_parts_keep_their_figures(
    part: str, found_at_least: int, flagged_at_most: int
) -> None:
    _assert_keeps_figure(part, found_at_least, flagged_at_most)


@pytest.mark.parametrize(("part", "found_at_least", "flagged_at_most"), UNSEEN)
def test_an_unseen_part_keeps_its_measured_figure(
    part: str, found_at_least: int, flagged_at_most: int
) -> None:
    """A part measured before anyone tuned on it must not fall below its figure."""
    _assert_keeps_figure(part, found_at_least, flagged_at_most)


def test_sealed_ordinary_prose_keeps_its_measured_figure() -> None:
    """prose17_clean.txt: 726 sentences of ordinary case-report prose by an author who read
    nothing of the project, never read: 41 flagged with the third model, 19 with round 4b,
    16 (2.2%) with the rules mended on other text since, 9 (1.2%) with DrugBank's drug names
    and services named by what they do. It must not get worse."""
    flagged = [s for s in read_clean("prose17_clean.txt") if find(s)]
    assert len(flagged) <= 7, len(flagged)  # 7 since round 25 (the layer trained again)


@pytest.mark.parametrize(
    ("part", "flagged_at_most"),
    # Round 10 of the learned layer: prose19 6 -> 9, prose20 and prose24 12 -> 15 (prose17
    # 9 -> 7, prose22 10 -> 8; all five 49 -> 54 of 4,470).
    # Round 27 (an age under 90 stated is no age over 89): prose19 9 -> 7, prose24 15 -> 14.
    # prose77 is released (read): 7 when it arrived, 2 after round 27.
    [("prose19", 7), ("prose20", 15), ("prose22", 8), ("prose24", 14), ("prose77", 2)],
)
def test_newer_sealed_prose_keeps_its_measured_figure(part: str, flagged_at_most: int) -> None:
    """prose19_clean.txt (917 sentences) and prose20_clean.txt (958, written as a busy
    registrar writes), by two more authors who read nothing of the project, measured once on
    main at d295c38 before anyone read them: 0.8% and 1.4% flagged."""
    flagged = [s for s in read_clean(f"{part}_clean.txt") if find(s)]
    assert len(flagged) <= flagged_at_most, len(flagged)


def test_the_sealed_list_names_every_unseen_part_and_each_reader_uses_it() -> None:
    """tests/identifiers/SEALED is the one list of what no script may print or train on."""
    folder = Path(__file__).parent
    sealed = {
        line
        for line in (folder / "SEALED").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert all((folder / name).is_file() for name in sealed)
    for part, _, _ in UNSEEN:
        assert {f"{part}.tsv", f"{part}_clean.txt"} <= sealed
    assert {"prose17_clean.txt", "prose19_clean.txt", "prose20_clean.txt"} <= sealed
    from privacy_eval import SEALED

    assert sealed == SEALED
    trainer = (folder.parents[1] / "tools" / "train_identifier_model.py").read_text("utf-8")
    assert '(CORPUS / "SEALED")' in trainer
