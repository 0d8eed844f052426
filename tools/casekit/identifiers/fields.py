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


class _Plan:
    """A schema node as the walk uses it: for each key (or 0, for a list's items) met so
    far, the plan of the value there, or None where that value is skipped.

    Deciding that for a key took two cached lookups (:func:`_child`, :func:`_skipped`) for
    every key of every case, a sixth of the privacy rules' own time; a plan remembers the
    answer in one dictionary per node.
    """

    __slots__ = ("kids", "node")

    def __init__(self, node: dict[str, Any]) -> None:
        self.node = node
        self.kids: dict[str | int, _Plan | None] = {}

    def child(self, key: str | int) -> _Plan | None:
        """The plan for the value at ``key``: what the loop over ``_walk``'s keys did."""
        if self.node is _EMPTY:
            return self  # a value the schema does not describe: nothing below is skipped
        child = _child(id(self.node), key)
        if child is _EMPTY:
            plan: _Plan | None = _FREE
        elif _skipped(id(child)):
            plan = None
        else:
            plan = _plan(child)
        if len(self.kids) < _KEYS_KEPT:  # a map with free keys cannot grow without end
            self.kids[key] = plan
        return plan


_KEYS_KEPT = 512
_PLANS: dict[int, _Plan] = {}


def _plan(node: dict[str, Any]) -> _Plan:
    plan = _PLANS.get(id(node))
    if plan is None:
        plan = _PLANS[id(node)] = _Plan(node)
    return plan


_FREE = _plan(_EMPTY)


def patient_text(data: Any) -> list[tuple[JsonPath, str]]:
    """Every string of the case that may hold an identifier, with its path, in file order."""
    out: list[tuple[JsonPath, str]] = []
    root = _remember(case_schema())
    if not _skipped(id(root)):
        if isinstance(data, str):
            out.append(((), data))
        else:
            _walk(data, _plan(root), (), out)
    return out


def _walk(value: Any, plan: _Plan, path: JsonPath, out: list[tuple[JsonPath, str]]) -> None:
    """The strings inside ``value`` (a dict or a list that ``plan`` describes, not skipped).
    A string is taken here, not in a call of its own: a case has a hundred or more."""
    kids = plan.kids
    if isinstance(value, dict):
        for key, sub in value.items():
            try:
                child = kids[key]
            except KeyError:
                child = plan.child(key)
            if child is None:
                continue
            if isinstance(sub, str):
                out.append(((*path, key), sub))
            elif isinstance(sub, (dict, list)):
                _walk(sub, child, (*path, key), out)
    elif isinstance(value, list):
        child = kids[0] if 0 in kids else plan.child(0)
        if child is None:
            return
        for index, sub in enumerate(value):
            if isinstance(sub, str):
                out.append(((*path, index), sub))
            elif isinstance(sub, (dict, list)):
                _walk(sub, child, (*path, index), out)
