"""Hostile and broken input reaching validate: a clear finding, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD = Path(__file__).parent.parent / "foundation" / "good" / "minimal.json"


def _case(tmp_path: Path, name: str, *, escaped: bool = False, **changes: object) -> Path:
    data = json.loads(GOOD.read_text())
    data["id"] = name
    data.update(changes)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=escaped), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("char", "label"),
    [
        ("\u202e", "right-to-left override"),
        ("\u2066", "left-to-right isolate"),
        ("\u200b", "zero-width space"),
        ("\x07", "bell control character"),
        ("\x1b", "escape control character"),
        # JSON allows this one raw, so as typed it is in a plain ASCII file
        ("\x7f", "delete character"),
    ],
)
@pytest.mark.parametrize("escaped", [False, True], ids=["as-typed", "as-json-escape"])
def test_invisible_characters_are_reported(
    cli, tmp_path: Path, char: str, label: str, escaped: bool
) -> None:
    path = _case(
        tmp_path, "hidden-char", escaped=escaped, title=f"Synthetic title {char}with a trick"
    )
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 1, label
    (finding,) = json.loads(result.out)["findings"]
    assert finding["code"] == "CK016"
    assert finding["json_path"] == "$.title"
    assert f"U+{ord(char):04X}" in finding["message"]


def test_tabs_and_line_breaks_are_ordinary_text(cli, tmp_path: Path) -> None:
    path = _case(tmp_path, "line-breaks", discussion="First paragraph.\n\nSecond\tparagraph.")
    assert cli("validate", str(path)).code == 0


def test_hundred_megabyte_file_is_refused_by_size(cli, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    result = cli("validate", str(path))
    assert result.code == 1
    assert "CK003" in result.out
    assert "100.0 MB" in result.out


def test_megabyte_long_text_is_read_and_checked(cli, tmp_path: Path) -> None:
    path = _case(tmp_path, "long-text", title="x" * 1_000_000)
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 1
    (finding,) = json.loads(result.out)["findings"]
    assert "too long" in finding["message"]
    assert len(result.out) < 5000, "the message must not echo the megabyte of text"


def test_symlink_out_of_the_library_is_not_followed(cli, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = _case(outside, "elsewhere")
    library = tmp_path / "library"
    library.mkdir()
    (library / "elsewhere.json").symlink_to(secret)
    result = cli("validate", str(library))
    assert result.code == 1
    assert "CK001" in result.out
    assert "outside the folder" in result.out


def test_id_that_tries_to_leave_the_library_is_rejected(cli, tmp_path: Path) -> None:
    path = _case(tmp_path, "escape")
    data = json.loads(path.read_text())
    data["id"] = "../../etc/passwd"
    path.write_text(json.dumps(data))
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 1
    (finding,) = json.loads(result.out)["findings"]
    assert finding["json_path"] == "$.id"


def test_binary_garbage_is_reported_as_encoding(cli, tmp_path: Path) -> None:
    path = tmp_path / "garbage.json"
    path.write_bytes(bytes(range(128, 256)) * 10)
    result = cli("validate", str(path))
    assert result.code == 1
    assert "CK004" in result.out
