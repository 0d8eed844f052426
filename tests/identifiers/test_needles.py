"""The needle scan that decides which recognizers read a text: needles at the start of a
word, needles anywhere, and the order the number labels rely on."""

from __future__ import annotations

import re

from casekit.identifiers import detector, patterns
from casekit.identifiers.patterns import NeedleScan


def test_word_needles_are_found_only_where_a_word_starts() -> None:
    scan = NeedleScan(("tel", "telephone", "on"))
    lowered = "the telephone rang on monday; hotel staff"
    assert scan.scan(lowered) == [("tel", 4), ("telephone", 4), ("on", 19)]


def test_needles_given_as_inside_and_punctuation_are_found_anywhere() -> None:
    scan = NeedleScan(("(", "mrn"), inside=frozenset({"strasse"}))
    lowered = "hauptstrasse 5 (mrn (x)"
    assert scan.scan(lowered) == [("mrn", 16), ("(", 15), ("(", 20), ("strasse", 5)]


def test_the_scan_finds_what_a_search_for_each_needle_finds() -> None:
    lowered = (
        "seen on the 3rd; tel 0113 496 0000, nhs no. 943 476 5919, www.example.org, "
        "lives at 4 larkspur close, tausendfüßlerstraße 7; the patient's fingerprint"
    )
    found = sorted(set(detector._SCAN.scan(lowered)))
    expected = sorted(
        {
            (needle, match.start())
            for needle in detector._SCAN.words
            for match in re.finditer(rf"\b(?={re.escape(needle)})", lowered)
        }
        | {
            (needle, match.start())
            for needle in detector._SCAN.anywhere
            for match in re.finditer(f"(?={re.escape(needle)})", lowered)
        }
    )
    assert found == expected
    assert ("straße", lowered.index("straße")) in found  # inside a word


def test_an_inside_needle_never_changes_what_a_word_needle_decides() -> None:
    """An inside needle is found inside words too. Where it is also another recognizer's
    word needle ('strasse'), that recognizer is then tried on more texts, which changes
    nothing as long as its pattern is searched for (not tried only where its needles
    are: anchored) and no number label reads it."""
    inside = patterns.all_inside(detector._STRUCTURED)
    assert inside
    for recognizer in detector._STRUCTURED:
        if inside & set(recognizer.needles):
            assert not recognizer.anchored, recognizer.name
    assert not inside & set(patterns.NUMBER_NEEDLES)


def test_a_recognizer_with_inside_needles_runs_only_where_its_own_test_could_pass() -> None:
    for recognizer in detector._STRUCTURED:
        if recognizer.inside:
            assert recognizer.possible is not None, recognizer.name
            assert not recognizer.needles, recognizer.name
    assert detector.find("See www.example.org for her blog.")[0].category == "url"
    assert detector.find("She lives at Hauptstraße 12 in the old town.")[0].category == "place"
