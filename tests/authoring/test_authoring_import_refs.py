"""``casekit import-refs``: BibTeX and CSL-JSON in, duplicates skipped, case kept tidy."""

from __future__ import annotations

import json
from pathlib import Path


def references(path: Path) -> list[dict[str, object]]:
    refs: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["references"]
    return refs


def test_bibtex_is_converted_to_csl(cli, fixtures: Path, synthetic_case: Path) -> None:
    before = len(references(synthetic_case))
    result = cli("import-refs", str(synthetic_case), str(fixtures / "refs.bib"))
    assert result.code == 0, result.err
    assert "added example2020" in result.out and "added handbook2019" in result.out
    refs = references(synthetic_case)
    assert len(refs) == before + 2
    article = next(r for r in refs if r["id"] == "example2020")
    assert article["type"] == "article-journal"
    assert article["title"] == "CRMO in an invented cohort"
    assert article["author"] == [
        {"family": "Example", "given": "Alice"},
        {"family": "Müller", "given": "Bernd"},
        {"literal": "Synthetic Study Group"},
    ]
    assert article["issued"] == {"date-parts": [[2020]]}
    assert article["page"] == "101-110"
    assert article["DOI"] == "10.5555/EXAMPLE.2020"
    assert article["PMID"] == "999001"
    book = next(r for r in refs if r["id"] == "handbook2019")
    assert book["type"] == "book" and book["publisher"] == "Example Press"
    assert cli("validate", str(synthetic_case)).code == 0
    assert cli("fmt", "--check", str(synthetic_case)).code == 0


def test_importing_twice_adds_nothing(cli, fixtures: Path, synthetic_case: Path) -> None:
    assert cli("import-refs", str(synthetic_case), str(fixtures / "refs.bib")).code == 0
    after_first = synthetic_case.read_bytes()
    result = cli("import-refs", str(synthetic_case), str(fixtures / "refs.bib"))
    assert result.code == 0
    assert "skipped example2020" in result.out and "0 added" in result.out
    assert synthetic_case.read_bytes() == after_first


def test_csl_json_duplicates_by_doi_and_unusable_items(
    cli, fixtures: Path, synthetic_case: Path
) -> None:
    result = cli("import-refs", str(synthetic_case), str(fixtures / "refs.json"))
    assert result.code == 1  # one item has no title
    assert "added csl-one" in result.out
    assert "skipped csl-dup-doi" in result.out and "DOI" in result.out
    assert "not imported csl-no-title" in result.err and "'title'" in result.err
    refs = references(synthetic_case)
    assert [r["id"] for r in refs].count("csl-one") == 1
    assert "csl-dup-doi" not in [r["id"] for r in refs]
    assert '"custom-field": 1.50' in synthetic_case.read_text(encoding="utf-8")


def test_unreadable_reference_file_changes_nothing(
    cli, tmp_path: Path, synthetic_case: Path
) -> None:
    bad = tmp_path / "broken.bib"
    bad.write_text("@article{broken, title = {never closed\n", encoding="utf-8")
    before = synthetic_case.read_bytes()
    result = cli("import-refs", str(synthetic_case), str(bad))
    assert result.code == 1
    assert "cannot be read" in result.err
    assert synthetic_case.read_bytes() == before


def test_a_case_that_does_not_load_is_not_touched(cli, fixtures: Path, tmp_path: Path) -> None:
    case = tmp_path / "broken-case.json"
    case.write_text("{", encoding="utf-8")
    result = cli("import-refs", str(case), str(fixtures / "refs.bib"))
    assert result.code == 1 and "CK006" in result.err
    assert case.read_text(encoding="utf-8") == "{"


def test_bibtex_fields_without_a_csl_twin_are_kept_in_the_note() -> None:
    from casekit.authoring.references import parse_bibtex

    (item,) = parse_bibtex(
        "@book{synthetic2020, title={A Synthetic Handbook}, author={Example, Ann},"
        " year={2020}, month={mar}, edition={2}, address={Example City},"
        " editor={Editor, Eve}, howpublished={Printed}, annote={Read twice}}"
    )
    assert item["issued"] == {"date-parts": [[2020, 3]]}
    assert item["edition"] == "2" and item["publisher-place"] == "Example City"
    assert item["editor"][0]["family"] == "Editor"
    assert "howpublished: Printed" in item["note"] and "annote: Read twice" in item["note"]
