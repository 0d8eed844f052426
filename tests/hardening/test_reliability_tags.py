"""Tag pages of labels that differ only in signs (issue 12, item 9).

Keywords "C++" and "C" made one page labelled "C"; "CD30+" and "CD30-" would merge, and
a reader filtering by one marker would see cases with the opposite one.
"""

from __future__ import annotations

from pathlib import Path

from reliability_project import build_args, make_project, synthetic_case, write_case

from casekit.cli import main


def test_labels_that_differ_in_signs_get_their_own_pages(tmp_path: Path) -> None:
    root = tmp_path / "project"
    config = make_project(root)
    library = root / "cases"
    write_case(library, synthetic_case("synthetic-positive", keywords=["CD30+", "C++"]))
    write_case(library, synthetic_case("synthetic-negative", keywords=["CD30-", "C"]))
    output = tmp_path / "out"
    assert main(build_args(config, library, output)) == 0
    pages = {
        path.parent.name: path.read_text(encoding="utf-8")
        for path in (output / "library" / "tags" / "keyword").glob("*/index.html")
    }
    assert len(pages) == 4, sorted(pages)
    by_label = {}
    for slug, html in pages.items():
        for label in ("CD30+", "CD30-", "C++"):
            if "<h1" in html and f"{label}</h1>" in html.replace("&#43;", "+"):
                by_label[label] = (slug, html)
    assert set(by_label) == {"CD30+", "CD30-", "C++"}, sorted(pages)
    assert "synthetic-positive" in by_label["CD30+"][1]
    assert "synthetic-negative" not in by_label["CD30+"][1]
    assert "synthetic-negative" in by_label["CD30-"][1]
    assert "synthetic-positive" not in by_label["CD30-"][1]
    assert "c" in pages and "synthetic-positive" not in pages["c"]
