"""Word (.docx) versions of the abstract and the CARE checklist, with python-docx.

A .docx file is a zip of about seventeen parts, and python-docx's default template carries
two style sheets of 350 and 440 KB. Opening that template and saving a document (serialise
and compress every part) took 15 of the 17 ms each abstract cost, although only the body
(``word/document.xml``) and the document properties (``docProps/core.xml``) differ from one
document to the next. So each thread opens the template once (:class:`_Workbench`), keeps
the constant parts zipped once, and for each document builds the body with python-docx in
that one document, then appends the two varying parts to a copy of the zipped constant
parts. Every zip entry carries the same fixed date, so a case gives the same bytes all day.

Pages are A4 unless the library asks for US Letter (``[tool.casekit.render] paper =
"letter"``, :mod:`casekit.render.settings`). The document properties are the case's (title,
authors), created today (or on the day ``SOURCE_DATE_EPOCH`` names, for reproducible
builds), never the python-docx template's (author "python-docx", created in 2013).
"""

from __future__ import annotations

import io
import os
import threading
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Inches

from casekit.render.abstract import Abstract

if TYPE_CHECKING:
    from casekit.images.abstract import AbstractFigure
from casekit.render.care import SOURCES, FilledItem

#: The parts written for each document; every other part of the template is the same.
_BODY = "word/document.xml"
_PROPERTIES = "docProps/core.xml"
#: Zip entries' date: the earliest a zip can hold, so output does not depend on the clock.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Page width and height of each paper size casekit writes.
PAPER = {"a4": (Cm(21.0), Cm(29.7)), "letter": (Inches(8.5), Inches(11))}


def _today() -> datetime:
    """The creation date written into a document: today (UTC), or SOURCE_DATE_EPOCH's day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


class _Workbench:
    """One open python-docx document, reused, and the zipped parts that never change."""

    def __init__(self) -> None:
        self.document: Any = Document()
        saved = io.BytesIO()
        self.document.save(saved)
        constant = io.BytesIO()
        with (
            zipfile.ZipFile(saved) as template,
            zipfile.ZipFile(constant, "w", zipfile.ZIP_DEFLATED) as out,
        ):
            for info in template.infolist():
                if info.filename not in (_BODY, _PROPERTIES):
                    out.writestr(_entry(info.filename), template.read(info))
        self.constant = constant.getvalue()
        self._section = qn("w:sectPr")
        self.document.core_properties  # noqa: B018 (makes the part if the template lacks it)
        (self._properties,) = (
            part
            for part in self.document.part.package.iter_parts()
            if part.partname == "/" + _PROPERTIES
        )

    def fresh(self, paper: str) -> Any:
        """The document, emptied of the previous document's body and properties, on
        ``paper`` ('a4' or 'letter')."""
        body = self.document.element.body
        for child in list(body):
            if child.tag != self._section:  # keep the section: page size and margins
                body.remove(child)
        _set_page_and_properties(self.document, paper)
        return self.document

    def package(self) -> bytes:
        """The document as a .docx file: the constant parts plus its body and properties."""
        out = io.BytesIO(self.constant)
        out.seek(0, io.SEEK_END)
        with zipfile.ZipFile(out, "a") as archive:
            archive.writestr(_entry(_BODY), self.document.part.blob)
            archive.writestr(_entry(_PROPERTIES), self._properties.blob)
        return out.getvalue()


_local = threading.local()


def _run(paragraph: Any, text: str) -> Any:
    """``paragraph.add_run(text)``, the same XML, made faster for text without tabs or line
    breaks: python-docx reads a run's text a character at a time to turn those into their
    own elements, a fifth of the time a Word abstract took."""
    if not text or "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    run._r.add_t(text)  # what python-docx writes for such text: one <w:t>, spaces kept
    return run


#: Style ids by style name. Every document here comes from python-docx's own template, so a
#: name always has the same id; python-docx looks it up among the template's 160 styles at
#: every use (two fifths of a Word abstract's time went on its heading's style).
_STYLE_IDS: dict[str, str] = {}


def _heading(document: Any, text: str) -> Any:
    """``document.add_heading(text, level=1)``, the same XML, the style's id looked up once."""
    paragraph = document.add_paragraph()
    if text:
        _run(paragraph, text)
    style_id = _STYLE_IDS.get("Heading 1")
    if style_id is None:
        paragraph.style = "Heading 1"
        style_id = _STYLE_IDS["Heading 1"] = paragraph._p.style
    else:
        paragraph._p.style = style_id
    return paragraph


def _set_page_and_properties(document: Any, paper: str) -> None:
    """``paper`` ('a4' or 'letter') with its margins, and properties of casekit's own."""
    section = document.sections[0]
    section.page_width, section.page_height = PAPER[paper]
    section.left_margin = section.right_margin = Cm(2.54)
    properties = document.core_properties
    properties.title = ""
    properties.author = ""
    properties.comments = ""
    properties.last_modified_by = "casekit"
    properties.created = properties.modified = _today()
    properties.revision = 1


def _write(fill: Callable[[Any], None], paper: str) -> bytes:
    """Fill an empty document with ``fill`` and return the .docx file's bytes."""
    if paper not in PAPER:
        raise ValueError(f"unknown paper size {paper!r}; choose one of {', '.join(PAPER)}")
    bench: _Workbench | None = getattr(_local, "bench", None)
    if bench is None:
        bench = _local.bench = _Workbench()
    fill(bench.fresh(paper))
    return bench.package()


def abstract_docx(
    abstract: Abstract, paper: str = "a4", figures: Sequence[AbstractFigure] = ()
) -> bytes:
    def fill(document: Any) -> None:
        properties = document.core_properties
        properties.title = abstract.title
        properties.author = ", ".join(name for name, _ in abstract.authors)
        properties.comments = "Written by casekit from the case file."
        _heading(document, abstract.title)
        if abstract.authors:  # none in a blinded copy
            authors = document.add_paragraph()
            for i, (name, numbers) in enumerate(abstract.authors):
                _run(authors, ("" if i == 0 else ", ") + name)
                if numbers:
                    authors.add_run(",".join(str(n) for n in numbers)).font.superscript = True
        for n, affiliation in enumerate(abstract.affiliations, start=1):
            paragraph = document.add_paragraph()
            paragraph.add_run(str(n)).font.superscript = True
            _run(paragraph, " " + affiliation)
        for section in abstract.sections:
            for index, text in enumerate(section.paragraphs):
                paragraph = document.add_paragraph()
                if index == 0 and abstract.show_headings:
                    paragraph.add_run(f"{section.heading}: ").bold = True
                _run(paragraph, text)
        if abstract.keywords:
            paragraph = document.add_paragraph()
            paragraph.add_run("Keywords: ").bold = True
            _run(paragraph, "; ".join(abstract.keywords))
        if abstract.references:
            document.add_paragraph().add_run("References").bold = True
            for n, entry in enumerate(abstract.references, start=1):
                _run(document.add_paragraph(), f"{n}. {entry}")
        for figure in figures:  # the image (a cleaned copy) and its caption
            if figure.image is not None:
                document.add_picture(io.BytesIO(figure.image), width=Cm(12))
            paragraph = document.add_paragraph()
            paragraph.add_run(f"Figure {figure.number}. ").bold = True
            _run(paragraph, figure.caption)

    if any(figure.image is not None for figure in figures):
        # an image adds parts the reused workbench does not carry: a whole new document
        if paper not in PAPER:
            raise ValueError(f"unknown paper size {paper!r}; choose one of {', '.join(PAPER)}")
        document = Document()
        _set_page_and_properties(document, paper)
        fill(document)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    return _write(fill, paper)


def care_docx(title: str, items: list[FilledItem], authors: str = "", paper: str = "a4") -> bytes:
    def fill(document: Any) -> None:
        properties = document.core_properties
        properties.title = f"CARE checklist: {title}"
        properties.author = authors
        properties.comments = "Written by casekit from the case file."
        _heading(document, "CARE checklist")
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

    return _write(fill, paper)
