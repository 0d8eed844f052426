"""Canonical formatting of case files, losing nothing.

A case is parsed with every number kept as the exact text the author wrote (``7.0``
stays ``7.0``, ``1e3`` stays ``1e3``) and written back with:

* object keys in the order the schema declares them; keys the schema does not know
  follow, in their original order;
* 2-space indentation, one value per line;
* UTF-8 text, with non-ASCII characters written as themselves;
* a final newline.

Array items are never reordered. Formatting a formatted file changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from casekit.resources import case_schema

Schema = Mapping[str, Any]


class RawNumber:
    """A JSON number kept as its source text, so that writing it back changes nothing."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawNumber) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"RawNumber({self.text!r})"

    def value(self) -> int | float:
        return json.loads(self.text)  # type: ignore[no-any-return]  # a JSON number


def parse_lossless(text: str) -> Any:
    """Parse JSON ``text`` keeping numbers as :class:`RawNumber` and keys in file order.

    The text must already have passed :func:`casekit.loader.parse_text` (which reports
    duplicate keys, NaN and the like in plain words); this function does not repeat
    those checks.
    """
    return json.loads(text, parse_float=RawNumber, parse_int=RawNumber)


def to_plain(value: Any) -> Any:
    """The same data with :class:`RawNumber` turned back into ``int`` or ``float``."""
    if isinstance(value, RawNumber):
        return value.value()
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    return value


# --- the schema's key order ---------------------------------------------------------


def resolve_ref(node: Schema, root: Schema) -> Schema:
    seen = 0
    while isinstance(node, Mapping) and "$ref" in node and seen < 32:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node
        target: Any = root
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, Mapping) else {}
        # keywords beside "$ref" (title, description) win over the target's
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **extra} if extra else target
        seen += 1
    return node


def declared_properties(node: Schema, root: Schema) -> dict[str, Schema]:
    """Declared properties of an object schema, including those inside ``allOf``."""
    props: dict[str, Schema] = dict(node.get("properties", {}))
    for branch in node.get("allOf", []):
        for key, sub in declared_properties(resolve_ref(branch, root), root).items():
            props.setdefault(key, sub)
    return props


def child_schema(node: Schema | None, key: str | int, root: Schema) -> Schema | None:
    """The schema of ``node``'s member ``key`` (a property name or an array index)."""
    if node is None:
        return None
    node = resolve_ref(node, root)
    if isinstance(key, int):
        items = node.get("items")
        return resolve_ref(items, root) if isinstance(items, Mapping) else None
    sub = declared_properties(node, root).get(key)
    return resolve_ref(sub, root) if sub is not None else None


def key_order(node: Schema | None, root: Schema) -> list[str]:
    if node is None:
        return []
    return list(declared_properties(resolve_ref(node, root), root))


# --- ordering and writing -----------------------------------------------------------


def canonical_order(value: Any) -> Any:
    """Case data with every object's keys in schema order (unknown keys last, as found)."""
    root = case_schema()
    return _ordered(value, root, root)


def _ordered(value: Any, schema: Schema | None, root: Schema) -> Any:
    if isinstance(value, dict):
        known = key_order(schema, root)
        ordered = [k for k in known if k in value]
        ordered += [k for k in value if k not in known]
        return {k: _ordered(value[k], child_schema(schema, k, root), root) for k in ordered}
    if isinstance(value, list):
        return [_ordered(item, child_schema(schema, i, root), root) for i, item in enumerate(value)]
    return value


def _write(value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{\n")
        for index, (key, item) in enumerate(value.items()):
            if index:
                out.append(",\n")
            out.append(f"{inner}{json.dumps(key, ensure_ascii=False)}: ")
            _write(item, inner, out)
        out.append(f"\n{indent}}}")
    elif isinstance(value, list):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[\n")
        for index, item in enumerate(value):
            if index:
                out.append(",\n")
            out.append(inner)
            _write(item, inner, out)
        out.append(f"\n{indent}]")
    elif isinstance(value, RawNumber):
        out.append(value.text)
    elif isinstance(value, bool) or value is None:
        out.append(json.dumps(value))
    elif isinstance(value, int | float | str):
        out.append(json.dumps(value, ensure_ascii=False))
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(value: Any) -> str:
    """``value`` as canonical JSON text (keys as given, so order them first)."""
    out: list[str] = []
    _write(value, "", out)
    out.append("\n")
    return "".join(out)


def format_data(data: Any) -> str:
    """Case data (from :func:`parse_lossless` or built in code) as canonical text."""
    return dumps(canonical_order(data))


class FormatMismatchError(Exception):
    """The formatted text would not hold the same data: a bug, so nothing is written."""


def format_text(text: str) -> str:
    """Canonical text for the (already checked) case ``text``; verified to be lossless."""
    original = parse_lossless(text)
    formatted = format_data(original)
    if not _same(parse_lossless(formatted), original):
        raise FormatMismatchError(
            "formatting would change the data; the file was left as it is. This is a bug in"
            " casekit: please report it."
        )
    return formatted


def _same(a: Any, b: Any) -> bool:
    """Equal data, ignoring object key order but not array order or number text."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b
