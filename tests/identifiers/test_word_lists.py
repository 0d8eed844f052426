"""The sorted word-list format: what the build scripts write, the detector reads."""

from __future__ import annotations

from pathlib import Path

from casekit.identifiers.words import SortedWords, write_sorted


def test_a_written_list_is_read_back_word_for_word(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.txt"
    written = ["Zyxwv", "Ämbledon", "Aarskog", "Quux", "Aarskog", "Ōtautahi"]
    assert write_sorted(path, "Invented words.\nSecond header line.", written) == 5
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Invented words.\n# Second header line.\nAarskog\n")
    listed = SortedWords(path.read_bytes())
    assert all(word in listed for word in written)
    assert "Aarsko" not in listed and "Quuxx" not in listed and "" not in listed
