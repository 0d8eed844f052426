"""Which strings of a case are patient text, decided by the case schema itself.

Every string is scanned for identifiers except those the schema constrains to codes (an
``enum``, ``const``, ``pattern`` or ``format``) and those it marks with the keyword
``"x-casekit-text"``:

- ``"publication"``: about the report, not the patient (authors and affiliations,
  presentations, the note on the source, the bibliographic fields of a reference: author,
  editor, issued, container-title, publisher, volume, issue, page, URL). Names and dates are
  there by design.
- ``"code"`` and ``"id"``: identifiers and codes of casekit's own (a reference id, a JSON
  path in a suppression, the schema's address).

A field the schema does not describe (another CSL field such as ``note``) is free text and
scanned. Deriving the set from the schema means a new field is scanned unless someone
decides, in the schema, that it is not patient text.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from casekit.findings import JsonPath
from casekit.resources import case_schema

SKIPPED_MARKS = frozenset({"publication", "code", "id"})
_CONSTRAINTS = ("enum", "const", "pattern", "format")
_EMPTY: dict[str, Any] = {}


def _resolve(node: Any) -> dict[str, Any]:
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 16:
        target: Any = case_schema()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
        seen += 1
    return node if isinstance(node, dict) else _EMPTY


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The node and every subschema that may also describe the same value."""
    found = [node]
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(key, ()):
            found.extend(_branches(_resolve(branch)))
    for key in ("then", "else"):
        if key in node:
            found.extend(_branches(_resolve(node[key])))
    return found


@cache
def _child(node_id: int, key: str | int) -> dict[str, Any]:
    node = _NODES[node_id]
    for branch in _branches(node):
        if isinstance(key, int):
            items = branch.get("items")
            if isinstance(items, dict):
                return _remember(_resolve(items))
        else:
            sub = branch.get("properties", {}).get(key)
            if isinstance(sub, dict):
                return _remember(_resolve(sub))
    for branch in _branches(node):
        extra = branch.get("additionalProperties")
        if isinstance(key, str) and isinstance(extra, dict):
            return _remember(_resolve(extra))
    return _EMPTY


_NODES: dict[int, dict[str, Any]] = {}


def _remember(node: dict[str, Any]) -> dict[str, Any]:
    _NODES[id(node)] = node
    return node


@cache
def _skipped(node_id: int) -> bool:
    node = _NODES[node_id]
    for branch in _branches(node):
        if branch.get("x-casekit-text") in SKIPPED_MARKS:
            return True
    return any(key in node for key in _CONSTRAINTS)


def patient_text(data: Any) -> list[tuple[JsonPath, str]]:
    """Every string of the case that may hold an identifier, with its path, in file order."""
    out: list[tuple[JsonPath, str]] = []
    root = _remember(case_schema())
    if not _skipped(id(root)):
        if isinstance(data, str):
            out.append(((), data))
        else:
            _walk(data, root, (), out)
    return out


def _walk(
    value: Any, node: dict[str, Any], path: JsonPath, out: list[tuple[JsonPath, str]]
) -> None:
    """The strings inside ``value`` (a dict or a list that ``node`` describes, not skipped).
    A string is taken here, not in a call of its own: a case has a hundred or more."""
    if isinstance(value, dict):
        for key, sub in value.items():
            child = _child(id(node), key) if node is not _EMPTY else _EMPTY
            if child is not _EMPTY and _skipped(id(child)):
                continue
            if isinstance(sub, str):
                out.append(((*path, key), sub))
            elif isinstance(sub, (dict, list)):
                _walk(sub, child, (*path, key), out)
    elif isinstance(value, list):
        child = _child(id(node), 0) if node is not _EMPTY else _EMPTY
        if child is not _EMPTY and _skipped(id(child)):
            return
        for index, sub in enumerate(value):
            if isinstance(sub, str):
                out.append(((*path, index), sub))
            elif isinstance(sub, (dict, list)):
                _walk(sub, child, (*path, index), out)
