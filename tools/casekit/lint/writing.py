"""CK7xx: writing. Abbreviations must be spelled out before they are used."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from casekit.findings import JsonPath, Severity
from casekit.lint import data
from casekit.lint.engine import CaseView, Hit, rule
from casekit.placeholders import is_placeholder

#: Two or more capitals, digits allowed after the first letter, optional plural 's'; not
#: after a word character or hyphen (tested after the first capital, so that the
#: regular-expression engine can skip ahead from capital to capital).
_ABBREVIATION = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z0-9]*[A-Z][A-Z0-9]*)s?(?![\w-])")
#: 'long form (ABBR)' and 'ABBR (long form)'.
_DEFINED_AFTER = re.compile(r"[a-z0-9]\s*\(\s*([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)s?\s*[),;]")
_DEFINED_BEFORE = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)s?\s+\(\s*[a-z][a-z\s,'\u2019-]{3,}")


@cache
def known_abbreviations() -> frozenset[str]:
    groups = data.load("abbreviations.json")["groups"]
    return frozenset(item for group in groups for item in group["items"])


@rule(
    "CK701",
    "abbreviation-before-definition",
    "writing",
    Severity.WARNING,
    summary="An abbreviation is used before it is spelled out (or is never spelled out).",
    rationale="Readers outside the specialty stumble on undefined abbreviations; journals ask"
    " for each to be spelled out at first use, in the form 'chronic recurrent multifocal"
    " osteomyelitis (CRMO)'. The narrative is read in the order of the file; a laboratory"
    " result with a test name and an abbreviation counts as a definition. A few universal"
    " abbreviations are accepted (casekit/lint/data/abbreviations.json).",
    bad='"introduction": "CRMO is a diagnosis of exclusion."',
    good='"introduction": "Chronic recurrent multifocal osteomyelitis (CRMO) is a diagnosis'
    ' of exclusion."',
    scope="case",
)
def abbreviation_before_definition(case: CaseView) -> Iterator[Hit]:
    known = known_abbreviations()  # not copied: a case adds its own to ``defined``
    defined = {lab["abbreviation"] for _, lab in case.lab_results if lab.get("abbreviation")}
    first_use: dict[str, JsonPath] = {}
    for path, text in case.narrative_fields:
        if is_placeholder(text):
            continue  # a 'casekit new' note, reported by CK114 and replaced wholesale
        if text[1:].islower():
            # No capital after the first character: every pattern here needs two, so no
            # abbreviation and no definition (in C, where the patterns test each character).
            continue
        here: dict[str, int] = {}
        if "(" in text:  # both ways of defining need one
            here = {m.group(1): m.start(1) for m in _DEFINED_AFTER.finditer(text)}
            for m in _DEFINED_BEFORE.finditer(text):
                here.setdefault(m.group(1), m.start(1))
        for match in _ABBREVIATION.finditer(text):
            abbr = match.group(1)
            if abbr in known or abbr in defined or abbr in first_use:
                continue
            at = here.get(abbr)
            if at is not None and at <= match.start(1):
                continue
            first_use[abbr] = path
        defined.update(here)
    for abbr, path in first_use.items():
        if abbr in defined:
            message = f"'{abbr}' is used here before it is spelled out."
            hint = f"At this first use, write the term in full followed by ({abbr})."
        else:
            message = f"'{abbr}' is never spelled out."
            hint = f"At its first use, write the term in full followed by ({abbr})."
        yield Hit(path, message, hint)
