"""``casekit fmt``: the standard layout, exactly the same values, and --check for CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casekit.authoring.jsonfmt import format_text

MESSY = (
    '{"timeline": [], "status": "draft", "id": "messy-case", "zz_note": "kept",'
    ' "schema_version": 1, "title": "Synth\\u00e9tic caf\u00e9 \U0001f9ea",'
    ' "authors": [{"name": "B. Example"}, {"name": "A. Example"}],'
    ' "patient": {"sex": "not-stated", "presenting_complaint": "x", "age": {"unit": "years",'
    ' "value": 7.0}},'
    ' "investigations": {"laboratory": [{"unit": "mg/L", "value": 1e3, "test": "Invented",'
    ' "id": "l-1", "reference_range": {"high": 5.00, "low": -0}}]},'
    ' "diagnoses": [{"basis": ["laboratory", "clinical"], "id": "dx", "name": "Invented",'
    ' "role": "working", "certainty": "possible"}], "consent": {"status": "pending"},'
    ' "aa_note": [3, 1, 2]}'
)


def numbers_as_text(text: str) -> Any:
    """The data with each number kept as its exact source text, for comparing values."""
    return json.loads(text, parse_float=lambda s: ("n", s), parse_int=lambda s: ("n", s))


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_fmt_orders_keys_by_schema_and_keeps_every_value(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "cases", "messy-case.json", MESSY)
    result = cli("fmt", str(path))
    assert result.code == 0, result.err
    assert f"formatted {path}" in result.out
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data)[:5] == ["schema_version", "id", "title", "status", "authors"]
    assert list(data)[-2:] == ["zz_note", "aa_note"]  # unknown keys last, original order
    assert list(data["patient"]["age"]) == ["value", "unit"]
    assert [a["name"] for a in data["authors"]] == ["B. Example", "A. Example"]
    assert data["diagnoses"][0]["basis"] == ["laboratory", "clinical"]
    assert data["aa_note"] == [3, 1, 2]
    assert '"value": 7.0' in text and '"value": 1e3' in text
    assert '"high": 5.00' in text and '"low": -0' in text
    assert "Synthétic café \U0001f9ea" in text  # written as UTF-8, not \u escapes
    assert text.endswith("}\n") and '\n  "id": ' in text
    assert numbers_as_text(text) == numbers_as_text(MESSY)


def test_fmt_is_idempotent_and_check_passes_afterwards(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "cases", "messy-case.json", MESSY)
    assert cli("fmt", str(path)).code == 0
    first = path.read_bytes()
    again = cli("fmt", str(path))
    assert again.code == 0
    assert "1 file already formatted" in again.out
    assert path.read_bytes() == first
    assert cli("fmt", "--check", str(path)).code == 0


def test_check_lists_files_that_would_change_and_changes_nothing(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "cases", "messy-case.json", MESSY)
    result = cli("fmt", "--check", str(tmp_path / "cases"))
    assert result.code == 1
    assert f"would reformat {path}" in result.out
    assert "Run 'casekit fmt'" in result.out
    assert path.read_text(encoding="utf-8") == MESSY


def test_fmt_strips_a_byte_order_mark(cli, tmp_path: Path) -> None:
    formatted = format_text(MESSY)
    path = write(tmp_path / "cases", "messy-case.json", b"\xef\xbb\xbf" + formatted.encode())
    assert cli("fmt", "--check", str(path)).code == 1
    assert cli("fmt", str(path)).code == 0
    assert path.read_bytes() == formatted.encode()
    assert "CK005" not in cli("validate", str(path)).out


def test_fmt_turns_windows_line_endings_into_newlines(cli, tmp_path: Path) -> None:
    formatted = format_text(MESSY)
    path = write(tmp_path / "cases", "messy-case.json", formatted.replace("\n", "\r\n").encode())
    assert cli("fmt", str(path)).code == 0
    assert path.read_bytes() == formatted.encode()


def test_fmt_refuses_a_file_that_does_not_load(cli, tmp_path: Path) -> None:
    broken = '{"id": "broken-case", "title": "x",}\n'
    path = write(tmp_path / "cases", "broken-case.json", broken)
    good = write(tmp_path / "cases", "messy-case.json", MESSY)
    result = cli("fmt", str(tmp_path / "cases"))
    assert result.code == 1
    assert "CK006" in result.err and str(path) in result.err
    assert "was not formatted" in result.err
    assert path.read_text(encoding="utf-8") == broken
    assert good.read_text(encoding="utf-8") != MESSY  # the readable file is still formatted


def test_fmt_refuses_duplicate_keys(cli, tmp_path: Path) -> None:
    text = '{"id": "dup-case", "id": "dup-case"}\n'
    path = write(tmp_path / "cases", "dup-case.json", text)
    result = cli("fmt", str(path))
    assert result.code == 1 and "CK007" in result.err
    assert path.read_text(encoding="utf-8") == text


def test_missing_path_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("fmt", str(tmp_path / "nope.json"))
    assert result.code == 2
    assert "no such file" in result.err


def test_project_cases_are_formatted(cli, repo: Path) -> None:
    result = cli("fmt", "--check", str(repo / "cases"))
    assert result.code == 0, result.out


def test_fmt_through_a_link_keeps_the_link(cli, tmp_path: Path) -> None:
    real = write(tmp_path / "cases", "messy-case.json", MESSY)
    link = tmp_path / "cases" / "link-case.json"
    link.symlink_to(real.name)
    assert cli("fmt", str(link)).code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == format_text(MESSY)
