"""`import-refs` on a damaged export (issue 12, item 12): a message, not an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_project import synthetic_case, write_case


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("refs.json", "[" * 100_000 + "]" * 100_000),
        ("refs.bib", "@article{quux, title={" + "{" * 100_000 + "}" * 100_000 + "}}"),
    ],
    ids=["csl-json", "bibtex"],
)
def test_deeply_nested_references_are_refused_clearly(
    cli, tmp_path: Path, name: str, text: str
) -> None:
    case = write_case(tmp_path, synthetic_case("synthetic-import"))
    before = case.read_text(encoding="utf-8")
    refs = tmp_path / name
    refs.write_text(text, encoding="utf-8")
    result = cli("import-refs", str(case), str(refs))
    assert result.code == 1
    assert "nested too deeply" in result.err
    assert "internal error" not in result.err
    assert case.read_text(encoding="utf-8") == before
