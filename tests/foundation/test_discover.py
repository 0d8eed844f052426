"""Which files a folder given on the command line stands for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casekit.discover import UsageError, case_files


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}", encoding="utf-8")
    return path


def test_a_folder_stands_for_its_json_files_in_order_without_hidden_ones(tmp_path: Path) -> None:
    library = tmp_path / "library"
    wanted = [
        _touch(library / "a" / "b.json"),
        _touch(library / "a-b" / "c.json"),
        _touch(library / "z.json"),
    ]
    _touch(library / ".git" / "objects" / "x.json")  # hidden folder: not even read
    _touch(library / ".draft.json")  # hidden file
    _touch(library / "notes.txt")
    (tmp_path / "elsewhere").mkdir()
    _touch(tmp_path / "elsewhere" / "outside.json")
    os.symlink(tmp_path / "elsewhere", library / "linked")  # links to folders are not followed
    assert case_files([library]) == wanted  # ordered by path parts: a/ before a-b/


def test_files_are_taken_as_named_and_a_missing_one_is_a_usage_error(tmp_path: Path) -> None:
    named = _touch(tmp_path / "case.txt")
    assert case_files([named]) == [named]
    with pytest.raises(UsageError, match="no such file or folder"):
        case_files([tmp_path / "missing.json"])
