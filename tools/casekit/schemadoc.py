"""The field reference, generated from the case schema's own titles and descriptions.

Nothing here is written by hand about a field, so the reference cannot drift from the
schema: change a description in ``schema/case.schema.json`` and the page follows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from casekit.authoring.jsonfmt import declared_properties, resolve_ref
from casekit.resources import case_schema

Schema = Mapping[str, Any]

_TYPE_WORDS = {
    "string": "text",
    "number": "number",
    "integer": "whole number",
    "boolean": "true or false",
    "object": "fields (see below)",
    "array": "list",
    "null": "null",
}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _code_list(values: list[Any]) -> str:
    return ", ".join(f"`{json.dumps(v, ensure_ascii=False)}`" for v in values)


def describe_type(node: Schema, root: Schema) -> str:
    """What kind of value a field takes, in plain words."""
    node = resolve_ref(node, root)
    if "const" in node:
        return f"always {_code_list([node['const']])}"
    if "enum" in node:
        return f"one of {_code_list(node['enum'])}"
    kind = node.get("type")
    if kind is None and "properties" in node:
        kind = "object"
    if isinstance(kind, list):
        return " or ".join(_TYPE_WORDS.get(str(k), str(k)) for k in kind)
    if kind == "array":
        items = node.get("items")
        inner = describe_type(items, root) if isinstance(items, Mapping) else "values"
        at_least = f" (at least {node['minItems']})" if node.get("minItems") else ""
        if inner == "fields (see below)":
            return f"list of entries{at_least}, see below"
        return f"list of {inner}{at_least}"
    if kind == "string" and node.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind in ("number", "integer") and ("minimum" in node or "maximum" in node):
        low, high = node.get("minimum"), node.get("maximum")
        bounds = (
            f"from {low} to {high}"
            if low is not None and high is not None
            else (f"at least {low}" if low is not None else f"at most {high}")
        )
        return f"{_TYPE_WORDS[kind]}, {bounds}"
    return _TYPE_WORDS.get(str(kind), "any value")


def _object_schema(node: Schema, root: Schema) -> Schema | None:
    """The object schema a field holds, directly or as the items of a list."""
    node = resolve_ref(node, root)
    if node.get("type") == "array" and isinstance(node.get("items"), Mapping):
        node = resolve_ref(node["items"], root)
    return node if declared_properties(node, root) else None


def _identity(node: Any, root: Schema) -> int:
    """Which schema a field's object schema is, whatever title its '$ref' gives it here."""
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        target: Any = root
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, Mapping) else {}
        node = target
    if isinstance(node, Mapping) and node.get("type") == "array" and "items" in node:
        return _identity(node["items"], root)
    return id(node)


def _section_path(path: str, name: str, sub: Schema, root: Schema) -> str:
    is_list = resolve_ref(sub, root).get("type") == "array"
    return (f"{path}.{name}" if path else name) + ("[]" if is_list else "")


def _top_level(root: Schema) -> dict[int, str]:
    """The object schemas the top level documents, by identity, with their section path.

    A schema used in several places (a case series' entries reuse the top level's; every
    procedure's time is a time from presentation) is documented once, where it first
    appears (at the top level if it is there), and pointed to everywhere else."""
    found = {}
    for name, sub in declared_properties(root, root).items():
        if _object_schema(sub, root) is not None:
            found[_identity(sub, root)] = _section_path("", name, sub, root)
    return found


def _sections(
    path: str, node: Schema, root: Schema, depth: int, documented: dict[int, str]
) -> Iterator[tuple[str, Schema]]:
    """Every section to write, each schema once; ``documented`` learns where each is."""
    yield path, node
    if depth > 8:
        return
    for name, sub in declared_properties(node, root).items():
        child = _object_schema(sub, root)
        if child is None:
            continue
        child_path = _section_path(path, name, sub, root)
        if documented.setdefault(_identity(sub, root), child_path) != child_path:
            continue
        yield from _sections(child_path, child, root, depth + 1, documented)


def field_reference_markdown() -> str:
    """Markdown documenting every field of a case, from the schema's titles and descriptions."""
    root = case_schema()
    lines = [
        "# Field reference",
        "",
        "Every field a case file can hold, generated from the case schema"
        " (`schema/case.schema.json`). Your editor shows the same descriptions when you hover"
        " over a field. Fields marked *required* must be present for `casekit validate` to"
        " accept the case.",
        "",
    ]
    documented = _top_level(root)
    sections = list(_sections("", root, root, 0, documented))
    for path, node in sections:
        merged = resolve_ref(node, root)
        heading = "Top level of a case" if not path else f"`{path}`"
        title = merged.get("title")
        lines.append(f"## {heading}" + (f": {title}" if title and path else ""))
        lines.append("")
        if merged.get("description") and path:
            lines += [" ".join(str(merged["description"]).split()), ""]
        required = set(merged.get("required", []))
        lines += ["| Field | Name | Required | Value | What to write |", "|---|---|---|---|---|"]
        for name, sub in declared_properties(merged, root).items():
            field = resolve_ref(sub, root)
            value = describe_type(sub, root)
            here = _section_path(path, name, sub, root)
            known = documented.get(_identity(sub, root), here)
            if _object_schema(sub, root) is not None and known != here:
                value = f"{value.split(',')[0].split(' (')[0]}: see `{known}`"
            lines.append(
                "| `{}` | {} | {} | {} | {} |".format(
                    name,
                    _cell(str(field.get("title", ""))),
                    "required" if name in required else "",
                    _cell(value),
                    _cell(str(field.get("description", ""))),
                )
            )
        lines.append("")
    return "\n".join(lines)
