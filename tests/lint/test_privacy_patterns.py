"""The privacy rules' shortcuts (where a pattern may start, what must be in the text) never
change what the patterns find: each must agree with a plain ``finditer`` pass."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.lint import privacy
from casekit.lint.engine import CaseView

PATTERNS = [
    (f"{name}[{index}]", pattern)
    for name in ("_NAMES", "_DATES", "_PLACES", "_CONTACTS", "_URL", "_NUMBERS", "_OLD_AGES")
    for index, pattern in enumerate(getattr(privacy, name))
]

TEXTS = [
    "Mrs Jones brought her daughter; Dr. Smithson and Prof Xavier saw her. Sister Agnes.",
    "A girl named Poppy, née Smith; patient J.S. and Patient A. B. and woman R.S. seen.",
    "Admitted on 12 March, 3rd of May and May 5; March 2019, Mar. 2020, Sept 12th, Jan, 2001.",
    "Mar\t5 and Marrow 12; may 2 times; 2021-04-03, 03/04/2021, 3.4.21; CRP 12.5 fell.",
    "Lives at 14 Elm Road, 2 High Street, 10 Downing St, LS6 2AB, SW1A 1AA, IL 62704.",
    "NY 10001-1234, zip code 12345, postcode AB1 2CD, post code: XYZ, ZIP: 90210, Zip 12345.",
    "Seen at St Swithin Royal Infirmary, then the District General Hospital; Health Centre.",
    "jo@example.com [@ref1] a.b+c@x-y.co.uk; tel: 0113 496 0000, Phone 020 7946 0000.",
    "fax +44 (0)113 496 0000; mobile: 07700 900123; (0113) 496 0000; 555.123.4567 1.2.3.4",
    "http://x.org/a www.example.com/page HTTPS://EXAMPLE.ORG hotel telangiectasia",
    "MRN 12345678; medical record no. X12345; record number 99-1234; Hospital No: RX1234567",
    "NHS number 943 476 5919; CHI number 1234567890; patient ID AB-123; policy no. 12-345",
    "member ID Z123, account number 12345678, SSN 123-45-6789, licence no 12345, health plan"
    " number 1234, social security number 123-45-6789, insurance ID 12345",
    "94-year-old, 95 year old, aged 102, age 99, 90 years of age, AGED 91, 120-yr-old,"
    " a 3-year-old",
    # Letters a case-insensitive pattern takes for i, s and k.
    "pat\u0131ent \u0131d 12345, \u017f\u017fn 123456, Pat\u0130ent \u0130D 77777, \u212aelvin,"
    " \u0130stanbul 12 March",
    # Digits of another script after the last digit 0-9.
    "After 12 days, March \u0663\u0664 and tel \u0660\u0661\u0662\u0663\u0664\u0665\u0666"
    "\u0667\u0668.",
    "x12 March 1212 March _12 March ١٢٣٤٥ 12345 ٣ March 9\u0663-year-old 0113\u00a0496 0000",
]


def _text(text: str) -> privacy._Text:
    return privacy._Text(CaseView({"discussion": text}))


@pytest.mark.parametrize(("label", "pattern"), PATTERNS, ids=[label for label, _ in PATTERNS])
@pytest.mark.parametrize("text", TEXTS)
def test_shortcuts_find_what_finditer_finds(
    label: str, pattern: privacy._Pattern, text: str
) -> None:
    many_digits = text + " " + " ".join(str(n) for n in range(30))
    for variant in (text, text.upper(), text.lower(), text.replace(" ", "  "), many_digits):
        plain = [m.span() for m in pattern.regex.finditer(variant)]
        gate = not pattern.needles or any(n in variant.lower() for n in pattern.needles)
        found = [m.span() for m in pattern.matches(_text(variant))]
        assert found == (plain if gate else []), label


def test_word_start_digits_are_where_the_pattern_finds_them() -> None:
    many = " ".join(str(n) for n in range(200)) + " x1 _2 3 \u0663 4"
    for text in (many, many[-60:], "", "7", "a7 7a 7"):
        expected = [m.start() for m in privacy._WORD_START_DIGIT.finditer(text)]
        assert _text(text).word_start_digits == expected


def _every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_the_case_folding_table_is_complete() -> None:
    """Every character a case-insensitive ASCII letter matches lowers to that letter, or is
    in the table; and only table characters change length when lowered."""
    everything = _every_character()
    table = dict(privacy._RE_FOLDS)
    for char in re.findall(r"(?i)[a-z]", everything):
        letter = table.get(char, char.lower())
        assert re.fullmatch(f"(?i){letter}", char) and letter.isascii(), hex(ord(char))
    assert {c for c in everything if len(c.lower()) != 1} <= set(table)


def test_word_characters_are_what_the_engine_calls_word_characters() -> None:
    everything = _every_character()
    assert set(re.findall(r"\w", everything)) == {c for c in everything if privacy._is_word(c)}


# Pieces the patterns care about, glued at random: the shortcuts must agree with a plain
# finditer pass on any mix of them, not only on the texts above.
_PIECES = [
    *"0123456789 ,.;:-/()@+_\t\n",
    "Mrs ",
    "Dr. ",
    "Prof ",
    "Sister ",
    "née ",
    "patient ",
    "Patient ",
    "J.",
    "S.",
    "A. ",
    "March ",
    "Mar. ",
    "May ",
    "Sept ",
    "Jan, ",
    "3rd ",
    "12th ",
    "of ",
    "Road",
    " Street",
    " St",
    "LS6 2AB",
    "SW1A 1AA",
    "IL ",
    "zip code ",
    "postcode ",
    "Hospital",
    " Infirmary",
    " Royal",
    "Health Centre",
    "St ",
    "jo@example.com",
    "[@ref1]",
    "tel: ",
    "Phone ",
    "fax ",
    "mobile: ",
    "+44 ",
    "(0113) ",
    "http://",
    "www.",
    ".org",
    "MRN ",
    "record number ",
    "NHS number ",
    "ID ",
    "SSN ",
    "year-old",
    " years of age",
    "aged ",
    "AGED ",
    "-yr-old",
    "\u0131",
    "\u0130",
    "\u017f",
    "\u212a",
    "\u0663",
    "\u00a0",
    "é",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_shortcuts_agree_with_finditer_on_any_mix(text: str) -> None:
    for label, pattern in PATTERNS:
        plain = [m.span() for m in pattern.regex.finditer(text)]
        gate = not pattern.needles or any(n in text.lower() for n in pattern.needles)
        found = [m.span() for m in pattern.matches(_text(text))]
        assert found == (plain if gate else []), (label, text)
