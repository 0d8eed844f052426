"""``casekit codes``: suggestions, look-ups and releases, as a user sees them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casekit.codes import forms


def test_suggest_finds_a_term_by_its_synonym(cli: Callable[..., Any]) -> None:
    result = cli("codes", "suggest", "limp")
    assert result.code == 0
    first = result.out.splitlines()[0]
    assert first.startswith("HP:0031955  Antalgic gait") and "synonym 'Limp'" in first
    assert '"code": "HP:0031955"' in result.out


def test_suggest_puts_an_exact_name_first(cli: Callable[..., Any]) -> None:
    result = cli("codes", "suggest", "back", "pain")
    lines = result.out.splitlines()
    assert lines[0].startswith("HP:0003418  Back pain  (name)")
    assert any(line.startswith("HP:0003419  Low back pain") for line in lines)


def test_suggest_with_nothing_found_says_what_to_try(cli: Callable[..., Any]) -> None:
    result = cli("codes", "suggest", "zzqx")
    assert result.code == 1
    assert "No HPO term matches 'zzqx'" in result.out


@pytest.mark.parametrize(
    ("system", "code", "exit_code", "says"),
    [
        ("ICD-10", "C91.0", 0, "Acute lymphoblastic leukaemia [ALL] (chapter II Neoplasms)"),
        ("icd-10", "S91.0", 0, "Open wound of ankle"),
        ("HPO", "HP:0005901", 1, "obsolete; use HP:0002754"),
        ("ICD-10", "C99.9", 1, "not in the shipped ICD-10 list"),
        ("ICD-11", "2A00", 0, "well formed"),
        ("LOINC", "718-7", 0, "well formed"),
    ],
)
def test_show_reads_the_shipped_lists(
    cli: Callable[..., Any], system: str, code: str, exit_code: int, says: str
) -> None:
    result = cli("codes", "show", system, code)
    assert result.code == exit_code
    assert says in result.out


def test_show_refuses_an_unknown_list(cli: Callable[..., Any]) -> None:
    result = cli("codes", "show", "ICD-9", "250.0")
    assert result.code == 2
    assert "unknown code list 'ICD-9'" in result.err


def test_releases_names_what_the_packages_ship(cli: Callable[..., Any]) -> None:
    result = cli("codes", "releases")
    assert result.code == 0
    assert "HPO: 2025-01-16" in result.out
    assert "ICD-10: WHO 2019" in result.out
    assert "ICD-10-CM: 2026 (April 1 update)" in result.out


@pytest.mark.parametrize("concept", ["22298006", "73211009", "38341003", "281789004"])
def test_published_snomed_ids_pass_the_verhoeff_check(concept: str) -> None:
    assert forms.verhoeff_valid(concept)
    assert not forms.verhoeff_valid(concept[:-1] + str((int(concept[-1]) + 1) % 10))


@pytest.mark.parametrize("code", ["718-7", "30341-2", "26464-8", "26515-7", "1988-5"])
def test_published_loinc_codes_pass_the_mod_10_check(code: str) -> None:
    assert forms.loinc_check_digit_valid(code)


def test_a_new_case_points_at_coding(cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("new", "invented-coded-case", "--dir", str(tmp_path))
    assert result.code == 0, result.err
    case = json.loads((tmp_path / "invented-coded-case.json").read_text(encoding="utf-8"))
    assert "casekit codes suggest" in case["findings"][0]["description"]
    assert "codes" in case["diagnoses"][0]["name"]
    # the suggestion it points at works on the words an author would type
    assert cli("codes", "suggest", "swollen", "ankle").out.startswith("HP:0001785")
