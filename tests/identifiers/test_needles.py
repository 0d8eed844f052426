"""The needle scan that decides which recognizers read a text: needles at the start of a
word, needles anywhere, and the order the number labels rely on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from casekit.identifiers import capitals, detector, patterns, proper
from casekit.identifiers.patterns import NeedleScan, Recognizer


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


def test_a_needle_found_anywhere_never_changes_what_a_word_needle_decides() -> None:
    """A needle found inside words too (given as ``inside``, a month, 'print'): where it is
    also a recognizer's needle ('strasse', 'jan'), that recognizer is tried on more texts,
    which changes nothing as long as its pattern is searched for (not tried only where its
    needles are: anchored) and no number label reads it."""
    anywhere = set(detector._SCAN.anywhere)
    assert patterns.all_inside(detector._STRUCTURED) <= anywhere
    assert set(patterns.INSIDE_WORDS) <= anywhere
    for recognizer in detector._STRUCTURED:
        if anywhere & set(recognizer.needles) - {n for n in anywhere if not n[0].isalnum()}:
            assert not recognizer.anchored, recognizer.name
    assert not anywhere & set(patterns.NUMBER_NEEDLES) - {n for n in anywhere if not n[0].isalnum()}


def test_a_recognizer_with_inside_needles_runs_only_where_its_own_test_could_pass() -> None:
    for recognizer in detector._STRUCTURED:
        if recognizer.inside:
            assert recognizer.possible is not None, recognizer.name
            assert not recognizer.needles, recognizer.name
    assert detector.find("See www.example.org for her blog.")[0].category == "url"
    assert detector.find("She lives at Hauptstraße 12 in the old town.")[0].category == "place"


def test_a_pattern_searched_in_fields_finds_in_each_field_what_it_finds_alone() -> None:
    fields = [
        "Reviewed in clinic.",
        "She was admitted in Jan 2019 with fever.",
        "Her mobile is 07700 900456.",
        "No further episodes.",
        "Seen again 15Jan 2020.",
    ]
    joined = detector.find_in_fields(fields)
    assert [[(m.category, m.text) for m in found] for found in joined] == [
        [(m.category, m.text) for m in detector.find(text)] for text in fields
    ]
    assert [m.text for m in joined[1]] == ["Jan 2019"]
    assert [m.text for m in joined[2]] == ["07700 900456"]
    assert [m.text for m in joined[4]] == ["Jan 2020"]  # a month inside a 'word'


def _corpus_sentences() -> list[str]:
    folder = Path(__file__).parent
    sentences = []
    for path in sorted(folder.glob("*.tsv")) + sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                sentences.append(line.split("\t", 1)[-1])
    return sentences


def test_every_match_of_a_pattern_searched_in_fields_holds_one_of_its_needles() -> None:
    """What ``in_fields`` promises, on every sentence of the corpora: were a match possible
    without a needle, a field holding it alone would not be searched."""
    scan = detector._SCAN
    fielded = [r for r in detector._STRUCTURED if r.in_fields]
    assert len(fielded) >= 8
    for sentence in _corpus_sentences():
        lowered = sentence.lower()
        if len(lowered) != len(sentence):
            continue
        occurrences = scan.scan(lowered)
        for recognizer in fielded:
            searched = lowered if recognizer.lower else sentence
            regex = recognizer.scan_regex if recognizer.lower else recognizer.regex.compiled
            for match in regex.finditer(searched):
                start, end = match.span()
                if recognizer.lower and start and lowered[start - 1].isalnum():
                    continue  # not at the start of a word: the detector drops it
                assert any(
                    needle in recognizer.needles and start <= at < end for needle, at in occurrences
                ), (recognizer.name, match.group())


def _accepted(recognizer: Recognizer, matches: Iterator[re.Match[str]]) -> list[tuple[int, int]]:
    """Where the matches are that the recognizer's check accepts (as the detector reads them)."""
    return [
        m.span()
        for m in matches
        if recognizer.valid is None or recognizer.valid(m.group().rstrip(".,;:)"))
    ]


def test_a_pattern_run_around_capitals_next_to_digits_finds_what_a_whole_search_finds() -> None:
    """What ``capital_digit`` promises, on every sentence of the corpora and on plates and
    postcodes packed close together: the pattern searched only around a capital next to a
    digit finds what it finds searched through the whole text."""
    windowed = [r for r in detector._STRUCTURED if r.capital_digit]
    assert {r.name for r in windowed} >= {"vin", "uk-registration", "uk-postcode"}
    packed = (
        "Plate AB12 CDE then AB-123-CD, AB 123CD; LS6 2AB, SW1A 1AA and EC1A1BB.\n"
        "VIN 1HGCM82633A004352 (WBA3A5C51CF256651X is too long), B12 and CD4 counts."
    )
    for text in [*_corpus_sentences(), packed, "VIN ABCDEFGHJKLMNPRST has no digit"]:
        windows = patterns.capital_digit_windows(text)
        for recognizer in windowed:
            regex = recognizer.regex.compiled
            whole = _accepted(recognizer, regex.finditer(text))
            around = _accepted(
                recognizer, (m for start, end in windows for m in regex.finditer(text, start, end))
            )
            assert around == whole, (recognizer.name, whole, around)
    assert [m.text for m in detector.find(packed) if m.category == "vehicle"][:3] == [
        "AB12 CDE",
        "AB-123-CD",
        "AB 123CD",
    ]


def test_the_row_date_hint_read_from_its_colon_finds_what_the_plain_pattern_finds() -> None:
    plain = re.compile(r"[/.]\d\d?(?::\s|\s[—–]\s)")  # noqa: RUF001
    rows = ["28/02: drain out", "Bloods 24.12:\tCRP 5", "3/4:x", "12:30 clinic", "a.1:\n", "/123: "]
    rows += ["23/9 — extubated", "1/12 – x", "4/52—x", "12 — 3", "/123 — x"]  # noqa: RUF001
    for text in [*_corpus_sentences(), *rows]:
        assert patterns._row_date_hint(text) == (plain.search(text) is not None)


def test_lower_case_names_tried_at_their_first_words_are_what_a_search_finds() -> None:
    texts = [
        "thanks to greta villanueva for collecting, and with anna berg.",
        "collected by jonas brekke and sent by, per son ola nordmann; the person named eva lind.",
        "the patient's mother mary jones said so (wife sara holm)",
    ]
    for text in [*_corpus_sentences(), *texts, "\n".join(texts)]:
        found = [m.span() for m in proper._lower_case_name_matches(text)]
        assert found == [m.span() for m in proper.LOWER_CASE_NAME.finditer(text)]
    assert len(list(proper._lower_case_name_matches(texts[1]))) == 3


def test_a_word_in_capitals_is_found_in_ascii_bytes_as_the_pattern_finds_it() -> None:
    texts = ["ABCD", "ABC D", "x ABCDE y", "AB-CD", "Ab CdEF", "ÉCOLE", "É ABCD", "abcd", ""]
    for text in [*_corpus_sentences(), *texts]:
        assert capitals._has_long_word(text) == (capitals._LONG_WORD.search(text) is not None)


def test_a_day_and_month_after_a_word_is_never_where_its_hint_says_none_is() -> None:
    hinted = [r for r in detector._STRUCTURED if r.name.startswith("day-month-") and r.anchored]
    assert {r.name for r in hinted} == {"day-month-figures", "day-month-after-event"}
    texts = ["Appeared on 24/12.", "Reviewed 14/5, well.", "LMP 03.06. then", "Seen on 1/2"]
    for text in [*_corpus_sentences(), *texts]:
        lowered = text.lower()
        if len(lowered) != len(text):
            continue
        for recognizer in hinted:
            if recognizer.scan_regex.search(lowered) is not None:
                assert recognizer.possible is not None and recognizer.possible(text)
    assert [m.text for m in detector.find(texts[2])] == ["03.06"]


def test_capitals_next_to_digits_found_in_ascii_bytes_are_those_the_pattern_finds() -> None:
    """Each pair the pattern finds lies in a window found from the bytes, the margin either
    side of it, and each window holds such a pair."""
    margin = patterns._MARGIN
    texts = ["AB12 CDE", "3-C x", "A1B2C3", "1A-2", "B12 and CD4", "0-", "Z9", "no pair", ""]
    for text in [*_corpus_sentences(), *texts, " ".join(texts) * 3]:
        if not text.isascii():
            continue
        windows = patterns.capital_digit_windows(text)
        for match in patterns._CAPITAL_DIGIT.finditer(text):
            start, end = match.span()
            assert any(w <= max(0, start - margin) and end + margin <= v for w, v in windows)
        for start, end in windows:
            assert patterns._CAPITAL_DIGIT.search(text[start:end])
