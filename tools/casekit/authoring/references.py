"""Reading references exported by a reference manager (CSL-JSON or BibTeX) and adding
them to a case without duplicates.

BibTeX entries are converted to CSL-JSON, the format the case schema uses, keeping the
fields casekit reads (authors, title, journal, year, volume, issue, pages, DOI, PMID,
URL). LaTeX accents and braces are decoded to plain Unicode text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser import middlewares
from bibtexparser.middlewares.names import NameParts
from jsonschema import Draft202012Validator
from pylatexenc.latex2text import (  # type: ignore[import-untyped]  # pylatexenc ships no type hints
    LatexNodes2Text,
)

from casekit.authoring.jsonfmt import RawNumber, parse_lossless, to_plain
from casekit.resources import case_schema


class ReferenceFileError(Exception):
    """The reference file cannot be read at all; the message says why."""


#: BibTeX entry types and their CSL equivalents; anything else becomes 'document'.
BIBTEX_TO_CSL_TYPE = {
    "article": "article-journal",
    "book": "book",
    "booklet": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "manual": "report",
}

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normal_doi(doi: str) -> str:
    """A DOI without 'https://doi.org/' or 'doi:' in front, for storing and comparing."""
    return _DOI_PREFIX.sub("", doi.strip())


# --- reading -------------------------------------------------------------------------


def read_references(path: Path, kind: str | None = None) -> list[dict[str, Any]]:
    """The items in a CSL-JSON or BibTeX file (``kind`` 'csl' or 'bibtex'; guessed if None)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReferenceFileError(f"{path} does not exist. Check the path.") from None
    except UnicodeDecodeError:
        raise ReferenceFileError(
            f"{path} is not UTF-8 text. Export it again from your reference manager as UTF-8."
        ) from None
    except OSError as exc:
        raise ReferenceFileError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    kind = kind or guess_kind(path, text)
    try:
        return parse_bibtex(text) if kind == "bibtex" else parse_csl_json(text)
    except RecursionError:
        raise ReferenceFileError(_TOO_DEEP.format(path=path)) from None


_TOO_DEEP = (
    "{path} is nested too deeply (brackets or braces inside each other thousands of levels"
    " down), so it is probably damaged. Export the references again from your reference"
    " manager."
)


def guess_kind(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".bib", ".bibtex"):
        return "bibtex"
    if suffix == ".json":
        return "csl"
    return "csl" if text.lstrip()[:1] in ("[", "{") else "bibtex"


def parse_csl_json(text: str) -> list[dict[str, Any]]:
    try:
        data = parse_lossless(text)
    except json.JSONDecodeError as exc:
        raise ReferenceFileError(
            f"the file is not valid CSL-JSON (line {exc.lineno}, column {exc.colno}:"
            f" {exc.msg}). Export it again as 'CSL JSON' from your reference manager."
        ) from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ReferenceFileError(
            "the file is JSON but not CSL-JSON: expected a list of reference objects."
            " Export it again as 'CSL JSON' from your reference manager."
        )
    return data


@cache
def _latex() -> LatexNodes2Text:
    return LatexNodes2Text()


def _text(value: str) -> str:
    decoded: str = _latex().latex_to_text(value)
    return " ".join(decoded.split())


def _name(parts: NameParts) -> dict[str, str]:
    last = " ".join(parts.last)
    if not parts.first and not parts.von and not parts.jr and last.startswith("{"):
        return {"literal": _text(last)}
    name = {"family": _text(" ".join([*parts.von, *parts.last]))}
    if parts.first:
        name["given"] = _text(" ".join(parts.first))
    if parts.jr:
        name["suffix"] = _text(" ".join(parts.jr))
    return name


def parse_bibtex(text: str) -> list[dict[str, Any]]:
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]  # re-exported, untyped
        text, append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    )
    if library.failed_blocks:
        line = (library.failed_blocks[0].start_line or 0) + 1
        raise ReferenceFileError(
            f"the BibTeX entry starting on line {line} cannot be read (a brace"
            " or quote is probably not closed). Fix it or export the file again."
        )
    if not library.entries and text.strip():
        raise ReferenceFileError("no BibTeX entries (@article{...}) were found in the file.")
    return [
        bibtex_to_csl(entry.key, entry.entry_type, dict(entry.items())) for entry in library.entries
    ]


def bibtex_to_csl(key: str, entry_type: str, fields: dict[str, Any]) -> dict[str, Any]:
    """One BibTeX entry as a CSL-JSON item."""
    item: dict[str, Any] = {
        "id": key,
        "type": BIBTEX_TO_CSL_TYPE.get(entry_type.lower(), "document"),
    }

    def get(name: str) -> str | None:
        value = fields.get(name)
        return _text(value) if isinstance(value, str) and value.strip() else None

    if title := get("title"):
        item["title"] = title
    authors = fields.get("author")
    if isinstance(authors, list) and authors:
        item["author"] = [_name(p) for p in authors if isinstance(p, NameParts)]
    if container := get("journal") or get("journaltitle") or get("booktitle"):
        item["container-title"] = container
    year = get("year") or (get("date") or "")[:4] or None
    if year:
        item["issued"] = {"date-parts": [[int(year) if year.isdigit() else year]]}
    for bib, csl in (("volume", "volume"), ("number", "issue"), ("publisher", "publisher")):
        if value := get(bib):
            item[csl] = value
    if pages := get("pages"):
        item["page"] = pages.replace("\u2013", "-").replace("\u2014", "-")
    if doi := get("doi"):
        item["DOI"] = normal_doi(doi)
    if pmid := get("pmid"):
        item["PMID"] = pmid
    if url := fields.get("url"):
        item["URL"] = str(url).strip()
    editors = fields.get("editor")
    if isinstance(editors, list) and editors:
        item["editor"] = [_name(p) for p in editors if isinstance(p, NameParts)]
    month = (get("month") or "").lower()[:3]
    if month in _MONTHS and "issued" in item:
        item["issued"]["date-parts"][0].append(_MONTHS.index(month) + 1)
    for bib, csl in _MORE_FIELDS.items():
        if (value := get(bib)) and csl not in item:
            item[csl] = value
    # Nothing the author's reference manager exported is dropped: fields with no CSL
    # equivalent are kept, labelled, in the CSL 'note'.
    leftovers = [
        f"{name}: {_text(value)}"
        for name, value in fields.items()
        if name not in _READ_FIELDS and isinstance(value, str) and value.strip()
    ]
    if leftovers:
        item["note"] = "; ".join([*([item["note"]] if "note" in item else []), *leftovers])
    return item


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
#: BibTeX fields with a direct CSL equivalent, beyond those read above.
_MORE_FIELDS = {
    "edition": "edition",
    "address": "publisher-place",
    "location": "publisher-place",
    "isbn": "ISBN",
    "issn": "ISSN",
    "abstract": "abstract",
    "note": "note",
    "series": "collection-title",
    "chapter": "chapter-number",
    "school": "publisher",
    "institution": "publisher",
    "organization": "publisher",
    "language": "language",
    "shortjournal": "container-title-short",
}
#: Every BibTeX field the conversion reads (the rest go to the note).
_READ_FIELDS = frozenset(
    {"title", "author", "journal", "journaltitle", "booktitle", "year", "date", "volume"}
    | {"number", "publisher", "pages", "doi", "pmid", "url", "editor", "month"}
    | set(_MORE_FIELDS)
)


# --- merging -------------------------------------------------------------------------


@cache
def _csl_validator() -> Draft202012Validator:
    schema = case_schema()
    return Draft202012Validator(
        {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/csl_item"}
    )


def item_problem(item: dict[str, Any]) -> str | None:
    """Why ``item`` cannot go into a case, in plain words; ``None`` if it can."""
    missing = [k for k in ("id", "type", "title") if not item.get(k)]
    if missing:
        return f"it has no {' or '.join(repr(k) for k in missing)}"
    errors = sorted(_csl_validator().iter_errors(to_plain(item)), key=lambda e: list(e.path))
    if errors:
        error = errors[0]
        where = ".".join(str(p) for p in error.path) or "the item"
        return f"{where}: {error.message}"
    return None


def _keys(item: dict[str, Any]) -> list[tuple[str, str]]:
    keys = []
    if isinstance(item.get("id"), str):
        keys.append(("id", item["id"]))
    doi = item.get("DOI")
    if isinstance(doi, str) and doi.strip():
        keys.append(("DOI", normal_doi(doi).lower()))
    pmid = item.get("PMID")
    if isinstance(pmid, str | int | RawNumber):
        keys.append(("PMID", pmid.text if isinstance(pmid, RawNumber) else str(pmid).strip()))
    return keys


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    #: (reference id, reason) for each item left out
    skipped: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def add_references(case: dict[str, Any], items: list[dict[str, Any]]) -> MergeReport:
    """Append ``items`` to ``case['references']``, skipping duplicates (by id, DOI, PMID)."""
    report = MergeReport()
    existing = case.get("references", [])
    if not isinstance(existing, list):
        raise ReferenceFileError(
            "the case's 'references' field is not a list; fix it (casekit validate shows where)"
            " before importing."
        )
    seen: dict[tuple[str, str], str] = {}
    for ref in existing:
        if isinstance(ref, dict):
            for key in _keys(ref):
                seen.setdefault(key, str(ref.get("id", "?")))
    added = []
    for number, item in enumerate(items, start=1):
        label = str(item.get("id") or f"item {number}")
        if "DOI" in item and isinstance(item["DOI"], str):
            item["DOI"] = normal_doi(item["DOI"])
        problem = item_problem(item)
        if problem:
            report.rejected.append((label, problem))
            continue
        duplicate = next(((k, seen[k]) for k in _keys(item) if k in seen), None)
        if duplicate:
            (kind, value), other = duplicate
            what = "id" if kind == "id" else f"{kind} {value}"
            report.skipped.append(
                (label, f"the case already has a reference with this {what} ('{other}')")
            )
            continue
        for key in _keys(item):
            seen.setdefault(key, label)
        added.append(item)
        report.added.append(label)
    if added:
        case["references"] = [*existing, *added]
    return report
