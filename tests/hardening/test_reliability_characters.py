"""Invisible characters and non-characters (issue 12, items 4 and 11).

U+FFFF stopped the Word writer and so the whole build; U+034F hid an NHS number from the
identifier rules. Both are refused by CK016, and identifier matching sees through them.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from casekit.characters import (
    FORMAT_PLANES,
    default_ignorable,
    derive_default_ignorable,
    normalise_for_matching,
)

GOOD = Path(__file__).parent.parent / "foundation" / "good" / "minimal.json"


def _case(tmp_path: Path, title: str, *, escaped: bool) -> Path:
    data = json.loads(GOOD.read_text())
    data["id"] = "odd-characters"
    data["title"] = title
    path = tmp_path / "odd-characters.json"
    path.write_text(json.dumps(data, ensure_ascii=escaped), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "char",
    ["\u034f", "\ufffe", "\uffff", "\ufdd0", "\u00ad", "\u2065", "\U000e0041", "\U0010ffff"],
    ids=lambda c: f"U+{ord(c):04X}",
)
@pytest.mark.parametrize("escaped", [False, True], ids=["as-typed", "as-json-escape"])
def test_ck016_flags_ignorable_and_non_characters(
    cli, tmp_path: Path, char: str, escaped: bool
) -> None:
    path = _case(tmp_path, f"Synthetic title with a{char}trick", escaped=escaped)
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 1
    (finding,) = json.loads(result.out)["findings"]
    assert finding["code"] == "CK016"
    assert f"U+{ord(char):04X}" in finding["message"]


def test_hidden_nhs_number_is_seen_by_matching() -> None:
    hidden = "NHS 943\u034f476\u034f5919"
    assert normalise_for_matching(hidden) == "NHS 9434765919"


def test_homoglyphs_and_other_digits_fold_to_latin() -> None:
    # Cyrillic capital EM and O, full-width digits, Arabic-Indic digits, a zero-width space.
    text = "\u041cRN \u041e\uff11\u200b\u0662\u0663"
    assert normalise_for_matching(text) == "MRN O123"


def test_format_characters_lie_only_where_the_table_looks() -> None:
    outside = [
        c
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Cf" and not any(c in part for part in FORMAT_PLANES)
    ]
    assert outside == []
    assert 0x034F in default_ignorable() and 0x200B in default_ignorable()
    assert 0x0020 not in default_ignorable()  # white space is not ignorable


def test_written_out_table_is_the_derived_one() -> None:
    # The table is written out for start-up speed; it must stay what Unicode derives.
    assert default_ignorable() == derive_default_ignorable()
    assert len(default_ignorable()) == 4174  # Unicode 15.1 DerivedCoreProperties.txt


def test_the_hidden_character_pattern_matches_exactly_its_code_points() -> None:
    # The pattern is built from ranges, never listing the code points (start-up speed);
    # it must find each of them, and nothing next to them.
    from casekit.characters import CONTROLS, hidden_pattern, noncharacters

    controls = {c for low, high in CONTROLS for c in range(low, high + 1)}
    wanted = default_ignorable() | noncharacters() | controls
    near = {c + step for c in wanted for step in (-1, 0, 1) if 0 <= c + step <= sys.maxunicode}
    pattern = hidden_pattern()
    found = {c for c in near if pattern.fullmatch(chr(c))}
    assert found == wanted


def test_first_hidden_finds_what_the_pattern_finds() -> None:
    # validate.py asks first_hidden, the quicker way to the same first match.
    from casekit.characters import CONTROLS, first_hidden, hidden_pattern, noncharacters

    controls = {c for low, high in CONTROLS for c in range(low, high + 1)}
    wanted = default_ignorable() | noncharacters() | controls
    near = sorted(
        c + step
        for c in wanted
        for step in (-1, 0, 1)
        if 0 <= c + step <= sys.maxunicode and not 0xD800 <= c + step <= 0xDFFF
    )
    pattern = hidden_pattern()
    for code in near:
        for text in (
            chr(code),
            f"ab{chr(code)}",
            f"\u00e9{chr(code)}\U0001f600",
            f"\U0001f600x{chr(code)}\u200b",
        ):
            match = pattern.search(text)
            assert first_hidden(text) == (None if match is None else (match.start(), match.group()))
