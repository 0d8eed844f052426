"""Recall per category and false-positive rate of the identifier detector on the corpus.

    .venv/bin/python bench/privacy_eval.py            # every part
    .venv/bin/python bench/privacy_eval.py --misses   # also list what was missed / flagged
                                                      # (never of independent12 and 14)
    .venv/bin/python bench/privacy_eval.py --speed    # also the detector's cost per case
    .venv/bin/python bench/privacy_eval.py --cold     # import and first call, new processes
    .venv/bin/python bench/privacy_eval.py --corpus DIR   # a corpus kept elsewhere (sealed):
        # DIR/identifiers.tsv (category<TAB>sentence) and DIR/clean.txt, nothing else run

The corpus is tests/identifiers/ (see its README for which parts were tuned on): the tuned
part, a held-out part, a fresh part, and an independent part written by another author. A
sentence with an identifier counts as found when the detector reports anything in it; a
clean sentence counts as a false positive when it reports anything at all.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from casekit.identifiers import find, words

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "identifiers"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/generate.py

#: The corpora kept unseen (tests/identifiers/SEALED, which says why): their sentences are
#: never printed, here or by bench/detection_same.py.
SEALED = frozenset(
    line
    for line in (CORPUS / "SEALED").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)


def read_identifiers(name: str | Path) -> list[tuple[str, str]]:
    rows = []
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            category, sentence = line.split("\t", 1)
            rows.append((category, sentence))
    return rows


def read_clean(name: str | Path) -> list[str]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def _flagged(sentences: list[str], *, show: bool) -> int:
    """How many of ``sentences`` (none holds an identifier) the detector flags; with ``show``,
    each with what was found in it."""
    flagged = 0
    for sentence in sentences:
        matches = find(sentence)
        if matches:
            flagged += 1
            if show:
                shown = ", ".join(f"{m.category}:{m.text}" for m in matches)
                print(f"  flagged {shown} | {sentence}")
    return flagged


def evaluate(ids: str | Path, clean: str | Path, *, show: bool) -> tuple[float, float]:
    # The name first: with --misses, what follows it (misses, then figures) is this part's.
    print(f"{ids} + {clean}")
    show = show and Path(ids).name not in SEALED
    found: dict[str, list[bool]] = defaultdict(list)
    for category, sentence in read_identifiers(ids):
        matches = find(sentence)
        found[category].append(bool(matches))
        if show and not matches:
            print(f"  missed  {category:15} {sentence}")
    sentences = read_clean(clean)
    flagged = _flagged(sentences, show=show)
    total = sum(len(v) for v in found.values())
    hits = sum(sum(v) for v in found.values())
    for category in sorted(found):
        values = found[category]
        share = sum(values) / len(values)
        print(f"  {category:15} {sum(values):3}/{len(values):3}  recall {share:.3f}")
    recall = hits / total
    rate = flagged / len(sentences)
    print(
        f"  overall recall {recall:.3f} ({hits}/{total}); false-positive sentences"
        f" {rate:.1%} ({flagged}/{len(sentences)})"
    )
    weakest = min(sum(v) / len(v) for v in found.values())
    met = recall >= 0.97 and weakest >= 0.95 and rate <= 0.02
    print(
        f"  goals (recall >= 0.97, every category >= 0.95, false positives <= 2%):"
        f" {'met' if met else 'NOT met'} (weakest category {weakest:.3f})"
    )
    return recall, rate


def evaluate_prose(clean: str | Path, *, show: bool) -> float:
    """The share of a file of ordinary prose (no identifier in it) that is flagged."""
    print(f"{clean} (ordinary prose, no identifier)")
    show = show and Path(clean).name not in SEALED
    sentences = read_clean(clean)
    flagged = _flagged(sentences, show=show)
    rate = flagged / len(sentences)
    print(f"  false-positive sentences {rate:.1%} ({flagged}/{len(sentences)})")
    print(f"  goal (false positives <= 2%): {'met' if rate <= 0.02 else 'NOT met'}")
    return rate


def cost_per_case(count: int = 500) -> None:
    """CPU time of the detector per case: the schema walk and one pass over its text."""
    import json
    import random

    from casekit.identifiers import detector, find_in_fields
    from casekit.identifiers.fields import patient_text
    from generate import make_case

    rng = random.Random(1)
    cases = [make_case(index, rng) for index in range(count)]
    repo = CORPUS.parent.parent
    founding = json.loads((repo / "cases" / "crmo-not-crmo.json").read_text(encoding="utf-8"))
    for label, batch in (("bench library cases", cases), ("founding case", [founding] * 50)):
        started = time.process_time()
        for case in batch:
            if case is founding:
                detector._SEEN.clear()  # the same case again: measure it as if new
            find_in_fields([text for _, text in patient_text(case)])
        per_case = (time.process_time() - started) / len(batch) * 1000
        print(f"detector cost per case ({label}): {per_case:.2f} ms of CPU time")


#: Run in a new process: import the detector, then its first call, on the founding case's
#: text (what a cold 'casekit lint one.json' does: word lists read, patterns built).
_COLD = """
import json, sys, time
started = time.perf_counter()
import casekit.identifiers as detector
imported = time.perf_counter()
from casekit.identifiers.fields import patient_text
with open(sys.argv[1], encoding="utf-8") as handle:
    texts = [text for _, text in patient_text(json.load(handle))]
ready = time.perf_counter()
detector.find_in_fields(texts)
done = time.perf_counter()
print(imported - started, done - ready)
"""


def cold_start(runs: int = 6) -> None:
    """Median import time and first-call time of the detector in new processes."""
    import statistics
    import subprocess

    imports, firsts = [], []
    for _ in range(runs):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                _COLD,
                str(CORPUS.parent.parent / "cases" / "crmo-not-crmo.json"),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        imports.append(float(out[0]))
        firsts.append(float(out[1]))
    print(
        f"cold start, median of {runs} processes: import {statistics.median(imports) * 1000:.0f}"
        f" ms, first call {statistics.median(firsts) * 1000:.0f} ms"
    )


#: The labelled corpora in the order they were written, each (identifier sentences, clean
#: sentences), with what each is and how it was measured (tests/identifiers/README.md has a
#: row each). The sealed ones (tests/identifiers/SEALED) are read like the rest, but their
#: misses and false positives are never listed, even with --misses (:func:`evaluate`).
PARTS: list[tuple[str, str]] = [
    ("identifiers.tsv", "clean.txt"),
    ("identifiers_heldout.tsv", "clean_heldout.txt"),
    # Written after tuning and measured once: the least flattering, most honest figure.
    ("fresh.tsv", "fresh_clean.txt"),
    # Written by another author for the project; development data from this session on.
    ("independent.tsv", "independent_clean.txt"),
    # Written after session 3's other changes in a different register (US notes); measured
    # once (0.909, 0%), then four classes it showed were fixed.
    ("session3.tsv", "session3_clean.txt"),
    # Written independently in session 4 (sealed2), measured once (0.824, 3.7%), tuned on since.
    ("independent2.tsv", "independent2_clean.txt"),
    # Written in session 4 after its changes by the detector's author, in three batches, each
    # measured once (see the comments in the files), then tuned on.
    ("session4.tsv", "session4_clean.txt"),
    # Written independently in session 5 (sealed3), measured once (0.927, 4.6%), tuned on since.
    ("independent3.tsv", "independent3_clean.txt"),
    # Written in session 5 by the detector's author before its changes, measured once, then
    # tuned on.
    ("session5.tsv", "session5_clean.txt"),
    # Written independently in session 6 (sealed4), measured once on each round's detector
    # (round 4: 0.918, 2.3%), tuned on since.
    ("independent4.tsv", "independent4_clean.txt"),
    # Written in session 6 by the detector's author before its changes, measured once.
    ("session6.tsv", "session6_clean.txt"),
    # Written independently at the end of session 6 (sealed5), measured once on each round's
    # detector (round 5: 0.886, 2.6%), tuned on since session 7.
    ("independent5.tsv", "independent5_clean.txt"),
    # Written in session 7 by the detector's author before each change, measured once.
    ("session7.tsv", "session7_clean.txt"),
    # Written independently in session 7 (sealed6), measured once on the detector before
    # round 6 (0.913, 2.3%) and once after it (0.917, 2.3%), tuned on since session 8.
    ("independent6.tsv", "independent6_clean.txt"),
    # Written in session 8 by the detector's author before each change, measured once.
    ("session8.tsv", "session8_clean.txt"),
    # Written independently in session 8 (sealed7), measured once on the detector before
    # round 7 (0.870, 0.9%) and once after it (0.889, 0.8%), tuned on since session 9.
    ("independent7.tsv", "independent7_clean.txt"),
    # Written in session 9 by the detector's author before each change, measured once.
    ("session9.tsv", "session9_clean.txt"),
    # Written independently in session 8 (sealed8): measured once on the
    # detector before round 8 (0.879, 1.9%) and once after it (0.902, 1.5%), tuned on since
    # session 10.
    ("independent8.tsv", "independent8_clean.txt"),
    # Written in session 10 by the detector's author, in batches, each measured once.
    ("session10.tsv", "session10_clean.txt"),
    # Written independently in session 8 (sealed9): measured once on the detector before
    # round 9 (0.895, 0.7%) and once after it (0.911, 0.8%); once with the learned layer
    # (0.953, 0.8%; tests/identifiers/README.md); tuned on by the rules since session 11.
    ("independent9.tsv", "independent9_clean.txt"),
    # Written in session 11 by the detector's author, in batches, each measured once before
    # its change.
    ("session11.tsv", "session11_clean.txt"),
    # Written in session 12 by the detector's author, in batches, each measured once before
    # its change.
    ("session12.tsv", "session12_clean.txt"),
    # Written in session 13 by the detector's author, in batches, each measured once before
    # its change.
    ("session13.tsv", "session13_clean.txt"),
    # Written in session 14 by the detector's author, in batches, each measured once before
    # its change (tuned on independent13).
    ("session14.tsv", "session14_clean.txt"),
    # Written in session 16 for the learned layer (round 6): unique characteristics and
    # biometrics, and their clinical look-alikes; measured once before it was trained on.
    ("session16.tsv", "session16_clean.txt"),
    # Written independently in session 11 (sealed10): measured on main before round 10 (0.860,
    # 1.2%), after it (0.866, 1.2%) and with the learned layer (0.933, 1.4%); tuned on by the
    # rules since session 12, and the layer learns from it since its second round (0.941 /
    # 1.6% held out).
    ("independent10.tsv", "independent10_clean.txt"),
    # Written independently in session 12 (sealed11): measured on main before round 11
    # (0.951, 1.0%), after it (0.960, 1.0%) and with the layer's second round (0.966, 1.2%);
    # tuned on by the rules since round 12 (never read by the layer).
    ("independent11.tsv", "independent11_clean.txt"),
    # Written independently in session 12 (sealed12), never tuned on: measured on main before
    # round 12 (0.950, 1.4%), after it (0.952, 1.4%), with the layer's second round (0.954,
    # 1.3%) and its third (0.957, 0.8%; trained on every other part); after round 13 of the
    # rules (0.959, 0.8%; measured once at its end); with the layer's round 4 (0.963, 1.3%;
    # measured once). The honest figure now.
    # Its misses are never listed (--misses leaves them out), so that it stays unseen.
    ("independent12.tsv", "independent12_clean.txt"),
    # Written independently in session 13 (sealed13): measured once on main at ef7e2dd (rules
    # of round 12, the layer's third model): 0.958, 1.6%, its honest figure; released and
    # tuned on by the rules in round 13 (session 14): 0.981, 1.6% after; read by the layer
    # since its round 4.
    ("independent13.tsv", "independent13_clean.txt"),
    # Written independently in session 13 (sealed14), measured once on main at 1c31145 (the same
    # matches as ef7e2dd): 0.979, 1.3%; the same after round 13 of the rules (measured once
    # at its end); with the layer's round 4: 0.981, 2.0% (measured once). An honest figure;
    # its misses are never listed.
    ("independent14.tsv", "independent14_clean.txt"),
    # Written independently in session 15 (sealed15), never read by anyone tuning: measured
    # once on main at 3abf721 (rules of round 13, the layer's third model): 0.955, 1.0%; once
    # with the layer's round 4 (chosen before it was measured): 0.968, 1.5%. An honest
    # figure; its misses are never listed.
    ("independent15.tsv", "independent15_clean.txt"),
    # Written independently in session 15 (sealed16) after the layer's round 4 was chosen;
    # measured once on main at 4a61075 (round 13 rules, the layer's round 4): 0.983, 1.3%; and
    # once with the third model after round 4 was withdrawn: 0.979, 1.1%. An honest figure;
    # its misses are never listed.
    # (The layer's round 4 was withdrawn for flagging ordinary opening sentences; round 4b,
    # trained also on ordinary prose, is shipped: 0.963, 0.977, 0.960, 0.979 on the four
    # unseen parts, measured once; tests/identifiers/README.md, 'Round 4b'.)
    ("independent16.tsv", "independent16_clean.txt"),
    # Development text of session 16 (dev19, dev20) by two more authors, written for the
    # weakest categories and read to mend the rules: 0.927 and 0.952 before, listed with
    # --misses.
    ("dev19.tsv", "dev19_clean.txt"),
    ("dev20.tsv", "dev20_clean.txt"),
    # Written independently in session 16 (sealed18) while the layer's round 7 was trained;
    # measured once on main at d295c38 (the rules of that session, the layer's round 4b):
    # 0.966 (509/527), 0.3%. An honest figure; its misses are never listed.
    ("independent18.tsv", "independent18_clean.txt"),
    # Written independently in session 16 (sealed21) while the layer's round 8 was trained;
    # measured once on main at d7f21c2 (that session's rules, round 4b): 0.989 (523/529),
    # 1.7%. An honest figure; its misses are never listed.
    ("independent21.tsv", "independent21_clean.txt"),
    # Written independently at the end of session 16 (sealed23): measured once on main at
    # b4fe7ca: 0.962 (500/520), 0.9%. An honest figure; its misses are never listed.
    ("independent23.tsv", "independent23_clean.txt"),
    # Tattoos only (sealed25): 51 that identify, 104 that do not; measured on main at b4fe7ca
    # (every tattoo flagged): 48/51, 51.0% flagged; a rule for described tattoos 45/51, 5.8%
    # (not adopted). Kept sealed for the next attempt.
    ("tattoo25.tsv", "tattoo25_clean.txt"),
    # Development text of the eighth session (dev26), written for the weakest categories with
    # their look-alikes: 308/340 found, 24/423 flagged on main at 4662804.
    ("dev26.tsv", "dev26_clean.txt"),
    # Written independently in the eighth session (sealed26): measured once at eaf7d78 and at
    # 4662804: 0.971 (508/523), 2.5% (21/856). Released for tuning in the ninth session, once
    # a new sealed pair was being written; listed with --misses from then on.
    ("independent26.tsv", "independent26_clean.txt"),
    # Written independently in the ninth session (sealed27), by two more authors who never saw
    # the detector, measured once on main at 2a11576 and with that session's rules (f5a0092):
    # independent27 0.964 (504/523), 2.1% (19/905), then 0.966 (505), 1.8% (16): an honest
    # figure, its misses never listed. independent28 (weighted to the weakest categories, its
    # clean half full of look-alikes) 0.963 (472/490), 5.9% (51/863), then 0.965 (473), 5.9%:
    # released for tuning at once, as its false positives are the largest gap; listed with
    # --misses.
    ("independent27.tsv", "independent27_clean.txt"),
    ("independent28.tsv", "independent28_clean.txt"),
    # Written independently later in the ninth session (sealed29) by two more authors, to
    # decide the rules read on independent28: measured once at 2a11576, f5a0092 and 81c06f6:
    # independent29 0.981 (513/523), 2.6% (24/915); 0.983 (514), 2.5% (23); 0.983 (514), 2.2%
    # (20): an honest figure, its misses never listed. independent30 (weighted like
    # independent28) 0.963 (472/490), 2.7% (24/874); 0.967 (474), 2.6% (23); 0.967 (474), 2.3%
    # (20): released for tuning after that (its weak categories, biometric 0.83, characteristic
    # 0.88, age 0.92), listed with --misses.
    ("independent29.tsv", "independent29_clean.txt"),
    ("independent30.tsv", "independent30_clean.txt"),
    # Written independently in the ninth session (sealed31) to decide the rules read on
    # independent30; measured once at 2a11576, 522f9eb and 20fb411 (those rules):
    # independent31 0.954 (499/523), 4.1% (35/856); 0.954 (499), 3.6% (31); 0.954 (499), 3.6%
    # (31): released for tuning after that (names 0.91, licences 0.81, flagged 3.6%), listed
    # with --misses. independent32 (weighted) 0.973 (477/490), 3.9% (35/892); 0.984 (482),
    # 3.5% (31); 0.986 (483), 3.5% (31); released for tuning at the end of the session
    # (0.988, 3.3% then), listed with --misses.
    ("independent31.tsv", "independent31_clean.txt"),
    ("independent32.tsv", "independent32_clean.txt"),
    # Written independently in the ninth session (sealed33) to decide the rules read on
    # independent31 (not adopted: bench/candidates/round4_31.patch); measured once at 2a11576,
    # d24d654 and fff283d: independent33 0.948 (496/523), 1.3% (11/860); 0.952 (498), 0.9%
    # (8); 0.954 (499), 0.9% (8): released for tuning after that (names 0.85, photo 0.85,
    # record 0.88), listed with --misses. independent34 (weighted) 0.967 (474/490), 3.0%
    # (27/897); 0.973 (477), 2.5% (22); 0.973 (477), 2.6% (23); released for tuning at the
    # very end of the session (round 8), listed with --misses.
    ("independent33.tsv", "independent33_clean.txt"),
    ("independent34.tsv", "independent34_clean.txt"),
    # Written independently at the end of the ninth session (sealed35) to give round 4 its
    # further test and decide round 5; measured once at 2a11576, 6d7dca9 (main), 397193b
    # (round 4) and 05c8c3d (round 5): independent35 0.954 (499/523), 503, 502, 504; flagged
    # 19, 17, 15, 15 of 854. independent36 (weighted) 0.965 (473/490), 475, 475, 475; flagged
    # 27, 24, 24, 24 of 866. Both released for tuning at the end of the session (independent36
    # for round 6, independent35 for round 8), listed with --misses.
    ("independent35.tsv", "independent35_clean.txt"),
    ("independent36.tsv", "independent36_clean.txt"),
    # Written independently at the very end of the ninth session (sealed37), to decide round 6
    # and the learned layer's round 9; measured once at 2a11576, e67e335 (main), 45b0e77
    # (round 6) and with round 9's model: independent37 0.941 (492/523), 503, 503, 499;
    # flagged 41, 20, 20, 15 of 867. independent38 (weighted) 0.959 (470/490), 476, 476, 473;
    # flagged 28, 25, 25, 19 of 863. Honest figures; released for tuning at the very end of
    # the session (round 7), listed with --misses.
    ("independent37.tsv", "independent37_clean.txt"),
    ("independent38.tsv", "independent38_clean.txt"),
    # Written independently at the very end of the ninth session (sealed39), to decide round
    # 7; measured once at 2a11576, 51077bc (main) and c545da9 (round 7): independent39 0.945
    # (494/523), 501, 503; flagged 23, 18, 18 of 865. independent40 (weighted) 0.959
    # (470/490), 476, 476; flagged 34, 34, 34 of 867. Honest figures; misses never listed.
    ("independent39.tsv", "independent39_clean.txt"),
    ("independent40.tsv", "independent40_clean.txt"),
    # The last pair of the ninth session (sealed41), to decide round 8; measured once at
    # 2a11576, c361357 (main) and 00891be (round 8): independent41 0.948 (496/523), 503, 503;
    # flagged 12, 12, 12 of 855. independent42 (weighted) 0.965 (473/490), 479, 479; flagged
    # 39, 33, 32 of 890. Honest figures; misses never listed.
    ("independent41.tsv", "independent41_clean.txt"),
    ("independent42.tsv", "independent42_clean.txt"),
    # The first pair of the tenth session (sealed43), to decide round 10; measured once at
    # 2a11576, 72c0275 (main) and d7cebdc (round 10): independent43 0.969 (507/523), 511, 511;
    # flagged 20, 17, 16 of 850. independent44 (weighted) 0.953 (467/490), 469, 470; flagged
    # 50, 47, 46 of 852. Honest figures; misses never listed.
    ("independent43.tsv", "independent43_clean.txt"),
    ("independent44.tsv", "independent44_clean.txt"),
    # The second pair of the tenth session (sealed45), to decide round 11; measured once at
    # 2a11576, be62373 (main) and d555901 (round 11): independent45 0.925 (484/523), 491, 492;
    # flagged 23, 18, 18 of 883. independent46 (weighted) 0.978 (479/490), 484, 484; flagged
    # 44, 36, 36 of 854. Honest figures; misses never listed.
    ("independent45.tsv", "independent45_clean.txt"),
    ("independent46.tsv", "independent46_clean.txt"),
    # The third pair of the tenth session (sealed47), to decide round 12; measured once at
    # 2a11576, 0033bfc (main) and 26d5107 (round 12): independent47 0.948 (496/523), 497, 498;
    # flagged 37, 30, 29 of 854. independent48 (weighted) 0.953 (467/490), 469, 470; flagged
    # 30, 25, 25 of 852. Honest figures; misses never listed.
    ("independent47.tsv", "independent47_clean.txt"),
    ("independent48.tsv", "independent48_clean.txt"),
    # The fourth pair of the tenth session (sealed49), to decide round 13; measured once at
    # 2a11576, 95e1005 (main) and 36c8643 (round 13): independent49 0.962 (503/523), 510, 510;
    # flagged 43, 41, 41 of 872. independent50 (weighted) 0.935 (458/490), 470, 470; flagged
    # 56, 42, 42 of 876. Honest figures; misses never listed.
    ("independent49.tsv", "independent49_clean.txt"),
    ("independent50.tsv", "independent50_clean.txt"),
    # The fifth pair of the tenth session (sealed51), to decide round 14; measured once at
    # 2a11576, 7dc878d (main) and 8f4ad30 (round 14): independent51 0.964 (504/523), 509, 510;
    # flagged 18, 11, 11 of 856. independent52 (weighted) 0.939 (460/490), 469, 470; flagged
    # 32, 24, 24 of 865. Honest figures; misses never listed.
    ("independent51.tsv", "independent51_clean.txt"),
    ("independent52.tsv", "independent52_clean.txt"),
    # The sixth pair of the tenth session (sealed53), to decide round 15; measured once at
    # 2a11576, 4e2fce1 (main) and 9229c6f (round 15): independent53 0.935 (489/523), 496, 497;
    # flagged 23, 18, 18 of 852. independent54 (weighted) 0.961 (471/490), 475, 475; flagged
    # 64, 59, 59 of 856. Honest figures; misses never listed.
    ("independent53.tsv", "independent53_clean.txt"),
    ("independent54.tsv", "independent54_clean.txt"),
    # The last pair of the tenth session (sealed55), to decide round 16; measured once at
    # 2a11576, b5fb4ff (main) and 04bd086 (round 16): independent55 0.962 (503/523), 507, 507;
    # flagged 20, 16, 16 of 853. independent56 (weighted) 0.949 (465/490), 472, 472; flagged
    # 32, 25, 25 of 849. Honest figures; misses never listed.
    ("independent55.tsv", "independent55_clean.txt"),
    ("independent56.tsv", "independent56_clean.txt"),
    # The first pair of the eleventh session (sealed57), to decide round 17; measured once at
    # 2a11576, 8cf1c36 (main) and 4bc2c50 (round 17, not adopted): independent57 0.975
    # (510/523), 514, 514; flagged 19, 12, 10 of 859. independent58 (weighted) 0.959
    # (470/490), 477, 476; flagged 54, 45, 45 of 885. Honest figures; misses never listed.
    ("independent57.tsv", "independent57_clean.txt"),
    ("independent58.tsv", "independent58_clean.txt"),
    # The second pair of the eleventh session (sealed59), to decide round 18; measured once at
    # 2a11576, 9820fb7 (main) and 8b4dd61 (round 18, adopted): independent59 0.964 (504/523),
    # 508, 509; flagged 11, 7, 6 of 881. independent60 (weighted) 0.947 (464/490), 472, 473;
    # flagged 53, 42, 42 of 862. Honest figures; misses never listed.
    ("independent59.tsv", "independent59_clean.txt"),
    ("independent60.tsv", "independent60_clean.txt"),
    # The third pair of the eleventh session (sealed61), to decide round 19; measured once at
    # 2a11576, 9d87ffe (main) and 3fe7559 (round 19, adopted, no change there): independent61
    # 0.950 (497/523), 503, 503; flagged 43, 37, 37 of 866. independent62 (weighted) 0.949
    # (465/490), 476, 476; flagged 37, 22, 22 of 857. Honest figures; misses never listed.
    ("independent61.tsv", "independent61_clean.txt"),
    ("independent62.tsv", "independent62_clean.txt"),
    # The fourth pair of the eleventh session (sealed63), to decide round 20; measured once at
    # 2a11576, b298fc4 (main) and ad11889 (round 20, adopted, no change there): independent63
    # 0.952 (498/523), 509, 509; flagged 41, 31, 31 of 886. independent64 (weighted) 0.933
    # (457/490), 469, 469; flagged 41, 36, 36 of 850. Honest figures; misses never listed.
    ("independent63.tsv", "independent63_clean.txt"),
    ("independent64.tsv", "independent64_clean.txt"),
    # The fifth pair of the eleventh session (sealed65), to decide round 21; measured once at
    # 2a11576, fc38164 (main) and f5dee12 (round 21, adopted): independent65 0.966 (505/523),
    # 509, 510; flagged 23, 16, 16 of 846. independent66 (weighted) 0.949 (465/490), 472, 472;
    # flagged 113, 92, 92 of 863. Honest figures; misses never listed.
    ("independent65.tsv", "independent65_clean.txt"),
    ("independent66.tsv", "independent66_clean.txt"),
    # The sixth pair of the eleventh session (sealed67), to decide round 22; measured once at
    # 2a11576, 0289372 (main) and 2ce0d5f (round 22, adopted, no change there): independent67
    # 0.967 (506/523), 512, 512; flagged 34, 31, 31 of 860. independent68 (weighted) 0.963
    # (472/490), 480, 480; flagged 45, 39, 39 of 873. Honest figures; misses never listed.
    ("independent67.tsv", "independent67_clean.txt"),
    ("independent68.tsv", "independent68_clean.txt"),
    # The seventh pair of the eleventh session (sealed69), to decide round 23; measured once at
    # 2a11576, 2cf7bbf (main) and 134ea9e (round 23, adopted, no change there): independent69
    # 0.969 (507/523), 516, 516; flagged 25, 22, 22 of 866. independent70 (weighted) 0.959
    # (470/490), 476, 476; flagged 58, 45, 45 of 860. Honest figures; misses never listed.
    ("independent69.tsv", "independent69_clean.txt"),
    ("independent70.tsv", "independent70_clean.txt"),
    # The last pair of the eleventh session (sealed71), to decide round 24; measured once at
    # 2a11576, d988298 (main) and ed6b330 (round 24, adopted): independent71 0.952 (498/523),
    # 507, 507; flagged 29, 18, 18 of 881. independent72 (weighted) 0.961 (471/490), 476, 477;
    # flagged 48, 34, 34 of 850. Honest figures; misses never listed.
    ("independent71.tsv", "independent71_clean.txt"),
    ("independent72.tsv", "independent72_clean.txt"),
    # The first pair of the twelfth session (sealed73), to decide round 25 (the learned layer
    # trained again, round 10); measured once at 2a11576, 558a0e0 (main) and ffde2f6 (round
    # 25, adopted): independent73 0.967 (506/523), 513, 516; flagged 30, 23, 14 of 870.
    # independent74 (weighted) 0.945 (463/490), 476, 479; flagged 57, 43, 22 of 864. Honest
    # figures; misses never listed.
    ("independent73.tsv", "independent73_clean.txt"),
    ("independent74.tsv", "independent74_clean.txt"),
    # The second pair of the twelfth session (sealed75), to decide round 26; measured once at
    # 2a11576, c0bdad7 (main, the learned layer of round 25) and 3e385d4 (round 26, adopted, no
    # change there): independent75 0.952 (498/523), 512, 512; flagged 30, 6, 6 of 866.
    # independent76 (weighted) 0.967 (474/490), 485, 485; flagged 35, 13, 13 of 860. Honest
    # figures; misses never listed.
    ("independent75.tsv", "independent75_clean.txt"),
    ("independent76.tsv", "independent76_clean.txt"),
    # The third pair of the twelfth session (sealed78), to decide round 27; measured once at
    # 2a11576, 12b7047 (main) and 9cd4d61 (round 27, adopted, no change there): independent78
    # 0.962 (503/523), 516, 516; flagged 30, 15, 15 of 865. independent79 (weighted) 0.955
    # (468/490), 480, 480; flagged 63, 31, 31 of 929. Honest figures; misses never listed.
    ("independent78.tsv", "independent78_clean.txt"),
    ("independent79.tsv", "independent79_clean.txt"),
    # The fourth pair of the twelfth session (sealed80), to decide round 28; measured once at
    # 2a11576, 97c4301 (main) and 25a3333 (round 28, adopted, no change there): independent80
    # 0.964 (504/523), 515, 515; flagged 41, 17, 17 of 881. independent81 (weighted) 0.935
    # (458/490), 478, 478; flagged 39, 27, 27 of 899. Honest figures; misses never listed.
    ("independent80.tsv", "independent80_clean.txt"),
    ("independent81.tsv", "independent81_clean.txt"),
    # The fifth pair of the twelfth session (sealed82), to decide round 29; measured once at
    # 2a11576, 51da70d (main) and 8ca8c94 (round 29, adopted, no change there): independent82
    # 0.967 (506/523), 515, 515; flagged 40, 6, 6 of 857. independent83 (weighted) 0.961
    # (471/490), 483, 483; flagged 40, 11, 11 of 868. Honest figures; misses never listed.
    ("independent82.tsv", "independent82_clean.txt"),
    ("independent83.tsv", "independent83_clean.txt"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    parser.add_argument("--speed", action="store_true", help="also print the cost per case")
    parser.add_argument("--cold", action="store_true", help="also time import and first call")
    parser.add_argument(
        "--corpus", type=Path, help="evaluate DIR/identifiers.tsv and DIR/clean.txt only"
    )
    args = parser.parse_args(argv)
    if args.corpus:
        corpus = args.corpus.resolve()
        evaluate(corpus / "identifiers.tsv", corpus / "clean.txt", show=args.misses)
        return 0
    started = time.perf_counter()
    for load in (words.given_names, words.surnames, words.places, words.english_words):
        load()
    print(f"word lists loaded in {time.perf_counter() - started:.2f} s")
    for ids, clean in PARTS:
        evaluate(ids, clean, show=args.misses)
    # Ordinary case-report prose written for training by an author who read nothing of the
    # project (flagged sentences listed with --misses), and a sealed file of it by another
    # (sealed17, never read): measured with the third model 5.6% (today's rules), with round
    # 4b 2.6%, with the rules mended on other text since 2.2%, with DrugBank's drug names
    # and services 1.2%. Its flags are never listed.
    evaluate_prose("plain_clean.txt", show=args.misses)
    evaluate_prose("plain2_clean.txt", show=args.misses)
    evaluate_prose("prose17_clean.txt", show=False)
    # Two more sealed files of ordinary prose by two more authors (sealed19, sealed20), the
    # second told to write as a busy registrar does (shorthand, capitalised drugs opening
    # sentences, timeline rows): measured once on main at d295c38: 0.8% and 1.4%.
    evaluate_prose("prose19_clean.txt", show=False)
    evaluate_prose("prose20_clean.txt", show=False)
    # A fourth (sealed22), written as a busy registrar writes: measured once at d7f21c2, 1.4%.
    evaluate_prose("prose22_clean.txt", show=False)
    # A fifth (sealed24): measured once at b4fe7ca, 1.4%.
    evaluate_prose("prose24_clean.txt", show=False)
    # A sixth (sealed77), measured once when it arrived, then released for reading (its flags
    # are listed with --misses): 2a11576 2.7% (24/905), 558a0e0 (the old learned layer) 2.1%
    # (19), 12b7047 (the layer trained again) 0.8% (7).
    evaluate_prose("prose77_clean.txt", show=args.misses)
    if args.speed:
        cost_per_case()
    if args.cold:
        cold_start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
