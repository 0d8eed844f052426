"""Downloads and references as readers and authors get them: plain text, Word, BibTeX."""

from __future__ import annotations

import json
import os
import re
import zipfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from casefactory import FOUNDING, BuiltSite
from docx import Document
from docx.shared import Cm, Inches

from casekit.authoring.references import parse_bibtex
from casekit.render import render
from casekit.render.references import format_references

GOLDEN = Path(__file__).resolve().parent / "golden"
ENTITY = re.compile(r"&#?\w+;")


def _founding() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FOUNDING.read_text(encoding="utf-8"))
    return data


def test_the_care_checklist_text_has_no_character_references(built_site: BuiltSite) -> None:
    markdown = render(_founding(), "care-checklist").content
    assert isinstance(markdown, str)
    assert not ENTITY.findall(markdown)
    assert "https://www.care-statement.org/" in markdown
    assert "'case report'" in markdown
    for download in (built_site.output / "cases").glob("*/*-care-checklist.txt"):
        if "hostile" not in download.name:  # tags and template syntax: see below
            assert not ENTITY.findall(download.read_text(encoding="utf-8")), download


def test_markup_in_a_checklist_cell_stays_text() -> None:
    case = _founding()
    case["title"] = "A | pipe, a <b>tag</b>, CRP < 5 mg/L, *stars* and an &amp; entity"
    markdown = render(case, "care-checklist").content
    assert isinstance(markdown, str)
    assert (
        r"A \| pipe, a &lt;b>tag&lt;/b>, CRP < 5 mg/L, \*stars\* and an &amp;amp; entity"
        in markdown
    )


def test_references_match_their_golden_file() -> None:
    """Page ranges as written ('1-11', not '1-1'); BibTeX 'and others' as et al."""
    items = parse_bibtex((GOLDEN / "references.bib").read_text(encoding="utf-8"))
    formatted = "\n".join(entry for _, entry in format_references({"references": items})) + "\n"
    golden = GOLDEN / "references.txt"
    if os.environ.get("CASEKIT_UPDATE_GOLDEN"):
        golden.write_text(formatted, encoding="utf-8")
    assert formatted == golden.read_text(encoding="utf-8")
    assert "others" not in formatted


def test_import_refs_keeps_only_real_fields(cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "crmo-not-crmo.json"
    case.write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("import-refs", str(case), str(GOLDEN / "references.bib"))
    assert result.code == 0, result.err
    refs = {r["id"]: r for r in json.loads(case.read_text(encoding="utf-8"))["references"]}
    assert "note" not in refs["quux2020"]
    assert refs["example2017"]["note"] == "keywords: kept in the note"
    assert refs["quux2020"]["author"][-1] == {"literal": "et al."}


def _docx(content: bytes | str) -> Any:
    assert isinstance(content, bytes)
    return Document(BytesIO(content))


def test_word_files_are_a4_with_the_case_s_properties() -> None:
    for fmt in ("abstract", "care-checklist"):
        document = _docx(render(_founding(), fmt, to="docx").content)
        section = document.sections[0]
        assert abs(section.page_width - Cm(21)) < Cm(0.01), fmt
        assert abs(section.page_height - Cm(29.7)) < Cm(0.01), fmt
        properties = document.core_properties
        assert properties.created.year == datetime.now(UTC).year, fmt
        assert properties.author == "A. McMahon, C. Pilkington", fmt
        assert properties.last_modified_by == "casekit"


def test_a_library_setting_chooses_letter(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.casekit]\n\n[tool.casekit.render]\npaper = "letter"\n', encoding="utf-8"
    )
    case = tmp_path / "crmo-not-crmo.json"
    case.write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "abstract.docx"
    result = cli("render", str(case), "--to", "docx", "-o", str(out))
    assert result.code in (0, 1), result.err
    section = _docx(out.read_bytes()).sections[0]
    assert abs(section.page_width - Inches(8.5)) < Cm(0.01)
    with zipfile.ZipFile(out) as archive:
        assert "2013" not in archive.read("docProps/core.xml").decode()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.casekit]\n\n[tool.casekit.render]\npaper = "A5"\n', encoding="utf-8"
    )
    result = cli("render", str(case), "--to", "docx", "-o", str(out))
    assert result.code == 2
    assert 'paper = "a4"' in result.err and "pyproject.toml" in result.err


def test_new_outside_a_library_still_links_the_schema(
    cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("new", "synthetic-new-case", "--dir", str(tmp_path / "elsewhere" / "cases"))
    assert result.code == 0, result.err
    written = tmp_path / "elsewhere" / "cases" / "synthetic-new-case.json"
    reference = json.loads(written.read_text(encoding="utf-8"))["$schema"]
    assert (written.parent / reference).resolve().is_file()


def test_the_ck701_hint_shows_no_template_in_quotes(cli: Any, tmp_path: Path) -> None:
    case = _founding()
    case["discussion"] += " ANCA was negative."
    path = tmp_path / "crmo-not-crmo.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    result = cli("lint", str(path), "--select", "CK701")
    assert "CK701" in result.out
    assert "write the term in full followed by (ANCA)" in result.out
    assert "'full term" not in result.out
