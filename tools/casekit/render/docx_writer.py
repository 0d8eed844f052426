"""Word (.docx) versions of the abstract and the CARE checklist, with python-docx."""

from __future__ import annotations

import io
from typing import Any

from docx import Document

from casekit.render.abstract import Abstract
from casekit.render.care import SOURCES, FilledItem


def _bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def abstract_docx(abstract: Abstract) -> bytes:
    document = Document()
    document.add_heading(abstract.title, level=1)
    authors = document.add_paragraph()
    for i, (name, numbers) in enumerate(abstract.authors):
        authors.add_run(("" if i == 0 else ", ") + name)
        if numbers:
            authors.add_run(",".join(str(n) for n in numbers)).font.superscript = True
    for n, affiliation in enumerate(abstract.affiliations, start=1):
        paragraph = document.add_paragraph()
        paragraph.add_run(str(n)).font.superscript = True
        paragraph.add_run(" " + affiliation)
    for section in abstract.sections:
        paragraph = document.add_paragraph()
        if abstract.show_headings:
            paragraph.add_run(f"{section.heading}: ").bold = True
        paragraph.add_run(section.text)
    if abstract.keywords:
        paragraph = document.add_paragraph()
        paragraph.add_run("Keywords: ").bold = True
        paragraph.add_run("; ".join(abstract.keywords))
    if abstract.references:
        document.add_paragraph().add_run("References").bold = True
        for n, entry in enumerate(abstract.references, start=1):
            document.add_paragraph(f"{n}. {entry}")
    return _bytes(document)


def care_docx(title: str, items: list[FilledItem]) -> bytes:
    document = Document()
    document.add_heading("CARE checklist", level=1)
    document.add_paragraph(title)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells,
        ("2013", "2017", "Topic", "Checklist item", "Where reported"),
        strict=True,
    ):
        cell.text = ""
        cell.paragraphs[0].add_run(label).bold = True
    for item in items:
        row = table.add_row().cells
        for cell, value in zip(
            row, (item.n2013, item.n2017, item.topic, item.item, item.where), strict=True
        ):
            cell.text = value
    reported = sum(1 for i in items if i.reported)
    document.add_paragraph(f"{reported} of {len(items)} items reported.")
    for source in SOURCES:
        document.add_paragraph(source)
    return _bytes(document)
