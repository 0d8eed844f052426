"""CK114: text left from ``casekit new`` that the author has not replaced yet.

``casekit new`` writes every section with a ``TODO:`` note saying what belongs there
(:mod:`casekit.authoring.skeleton`). While the case is a draft, a note left in place is a
warning; once the case is submitted or published it is an error, so the publication gate,
which publishes no case with lint errors, keeps it off the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from casekit.findings import JsonPath, Severity
from casekit.lint.engine import CaseView, Hit, rule
from casekit.placeholders import is_placeholder

#: Keys whose strings are settings about the file, not text of the case.
_SKIP = frozenset({"$schema", "lint"})


def _walk(path: JsonPath, value: Any) -> Iterator[tuple[JsonPath, str]]:
    stack: list[tuple[JsonPath, Any]] = [(path, value)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(value))))


def _placeholders(case: CaseView) -> Iterator[tuple[JsonPath, str]]:
    """Every string of the case that holds the marker: the free text lint already collects
    for other rules, then the sections it leaves out (authors, references...)."""
    if not case.may_hold("TODO"):
        return
    covered = {path[0] for path, _ in case.text_fields}
    for path, text in case.text_fields:
        if is_placeholder(text):
            yield path, text
    for key, value in case.data.items():
        if key in _SKIP or key in covered:
            continue
        for path, text in _walk((key,), value):
            if is_placeholder(text):
                yield path, text


def _excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@rule(
    "CK114",
    "placeholder-text",
    "completeness",
    Severity.ERROR,
    summary="Text left from 'casekit new' ('TODO: ...') has not been replaced (a warning while"
    " the case is a draft).",
    rationale="A case started with 'casekit new' has a 'TODO:' note in every section. Left in"
    " place, the notes reach the abstract and the public site as if they were the case. While"
    " the status is 'draft' this is a warning; once the case is 'submitted' or 'published' it"
    " is an error, so the site build leaves the case out.",
    bad='"title": "TODO: what the case is about: the diagnosis or the main intervention."',
    good='"title": "Acute lymphoblastic leukaemia first labelled chronic recurrent multifocal'
    ' osteomyelitis without a bone biopsy"',
)
def placeholder_text(case: CaseView) -> Iterator[Hit]:
    draft = case.data.get("status") == "draft"
    for path, text in _placeholders(case):
        if draft:
            hint = (
                "Replace the note with the case's own text, or remove the field (or list item)"
                " if it does not apply. The case cannot be submitted or published with it."
            )
        else:
            hint = (
                "Replace the note with the case's own text, or remove the field (or list item)"
                " if it does not apply; until then the site build leaves this case out."
            )
        yield Hit(
            path,
            f"This is still the placeholder from 'casekit new': '{_excerpt(text)}'.",
            hint,
            Severity.WARNING if draft else None,
        )
