"""Word files are whole, self-contained and the same for the same case.

The writer reuses one python-docx document per thread (see casekit.render.docx_writer), so
these tests check what a reader of the file would notice if that went wrong: text of an
earlier case in a later file, a damaged zip, or properties of another case.
"""

from __future__ import annotations

import copy
import io
import threading
import zipfile
from collections.abc import Callable
from typing import Any

from docx import Document

from casekit.render import render


def _abstract(case: dict[str, Any]) -> bytes:
    content = render(case, "abstract", to="docx", profile=None).content
    assert isinstance(content, bytes)
    return content


def _other(founding: dict[str, Any]) -> dict[str, Any]:
    other = copy.deepcopy(founding)
    other["title"] = "Synthetic case: a made-up patient for testing Word files"
    return other


def test_same_case_gives_the_same_bytes(founding: dict[str, Any]) -> None:
    first = _abstract(founding)
    _abstract(_other(founding))
    assert _abstract(founding) == first


def test_no_text_of_an_earlier_case_reaches_a_later_file(
    founding: dict[str, Any], docx_text: Callable[[bytes], str]
) -> None:
    other = _other(founding)
    earlier = docx_text(_abstract(other))
    later = docx_text(_abstract(founding))
    assert other["title"] in earlier
    assert other["title"] not in later
    assert founding["title"] in later
    checklist = render(founding, "care-checklist", to="docx").content
    assert isinstance(checklist, bytes)
    assert founding["title"] not in docx_text(checklist).split("\n")[0]  # heading first
    assert "CARE checklist" in docx_text(checklist)
    assert other["title"] not in docx_text(checklist)


def test_file_is_a_sound_zip_with_each_part_once(founding: dict[str, Any]) -> None:
    with zipfile.ZipFile(io.BytesIO(_abstract(founding))) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert len(names) == len(set(names))
    assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml"} <= set(names)


def test_properties_name_this_case_not_the_tool(founding: dict[str, Any]) -> None:
    document = Document(io.BytesIO(_abstract(founding)))
    properties = document.core_properties
    assert properties.title == founding["title"]
    assert "python-docx" not in properties.author
    assert properties.author  # the case's authors


def test_threads_do_not_mix_documents(founding: dict[str, Any]) -> None:
    other = _other(founding)
    expected = {id(founding): _abstract(founding), id(other): _abstract(other)}
    results: list[tuple[int, bytes]] = []

    def work(case: dict[str, Any]) -> None:
        for _ in range(20):
            results.append((id(case), _abstract(case)))

    threads = [threading.Thread(target=work, args=(c,)) for c in (founding, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 40
    assert all(content == expected[key] for key, content in results)


def test_the_quick_runs_and_heading_write_what_python_docx_writes() -> None:
    """casekit adds runs and headings its own quicker way; the XML must be python-docx's."""
    from casekit.render import docx_writer

    texts = ["Plain words.", "  spaces kept at both ends ", "a\ttab", "two\nlines", "", "ünïcode"]
    ours, theirs = Document(), Document()
    for text in texts:
        docx_writer._run(ours.add_paragraph(), text)
        theirs.add_paragraph().add_run(text)
        docx_writer._heading(ours, text)
        theirs.add_heading(text, level=1)
    assert ours.element.body.xml == theirs.element.body.xml
    assert 'xml:space="preserve"' in ours.element.body.xml  # the spaces at the ends
    assert "<w:tab/>" in ours.element.body.xml and "<w:br/>" in ours.element.body.xml
