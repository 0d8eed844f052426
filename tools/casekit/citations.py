"""Citations in case text: ``[@id]`` or ``[@a; @b]``, pointing at ``references`` by id.

Validation checks every key names a reference; the renderers number them in order of
first citation. Both read citations here, so they agree on what a citation is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from casekit.findings import JsonPath

CITATION = re.compile(r"\[\s*(@[^\]\s;]+(?:\s*;\s*@[^\]\s;]+)*)\s*\]")
#: The fields whose citations are numbered and listed (in this order).
CITED_TEXT_FIELDS = ("introduction", "discussion", "patient_perspective")


def keys_in(match: re.Match[str]) -> list[str]:
    return [key.strip().lstrip("@") for key in match.group(1).split(";")]


def cited_fields(case: dict[str, Any]) -> Iterator[tuple[JsonPath, str]]:
    """(path, text) of every field whose citations casekit reads, in citation order."""
    for name in CITED_TEXT_FIELDS:
        value = case.get(name)
        if isinstance(value, str):
            yield (name,), value
    for index, point in enumerate(case.get("learning_points") or []):
        if isinstance(point, str):
            yield ("learning_points", index), point
    patients = case.get("patients")
    for index, entry in enumerate(patients if isinstance(patients, list) else []):
        perspective = entry.get("patient_perspective") if isinstance(entry, dict) else None
        if isinstance(perspective, str):  # a case series: each patient's own words
            yield ("patients", index, "patient_perspective"), perspective


def cited_ids(texts: Iterable[str]) -> list[str]:
    """Every cited key, in order of first citation."""
    order: list[str] = []
    for text in texts:
        for match in CITATION.finditer(text):
            for key in keys_in(match):
                if key not in order:
                    order.append(key)
    return order
