"""From what the form sends back to the case file's data, losing nothing.

The browser edits plain JSON: it cannot keep the text of a number (``7.0``), it drops
fields the schema does not declare, and a form cannot tell an empty field from a missing
one. :func:`reconcile` puts the form's data together with the file it started from:

* a field the schema does not declare at that place (written by a newer casekit, by
  another tool, or by hand) is kept as it is in the file;
* a field that was empty in the file (``""``, ``[]``, ``{}``, ``false``) and is missing
  from the form's data is kept: the form shows both the same way;
* a number equal to the file's number at the same place keeps the file's text;
* list items are matched by their ``id`` where they have one, otherwise by content, so
  that deleting or moving an item does not move another item's unknown fields.

Everything else is the form's: what the author changed, added or deleted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from casekit.authoring.jsonfmt import (
    RawNumber,
    Schema,
    child_schema,
    format_data,
    key_order,
    parse_lossless,
    to_plain,
)
from casekit.resources import case_schema


def digest(raw: bytes | str) -> str:
    """SHA-256 of a file's bytes (or of text as UTF-8): how the app tells versions apart."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return hashlib.sha256(data).hexdigest()


def _blank(value: Any) -> bool:
    return value is False or (isinstance(value, str | list | dict) and not value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def reconcile(old: Any, new: Any, schema: Schema | None = None, root: Schema | None = None) -> Any:
    """``new`` (plain JSON from the form) with what the form cannot show taken from ``old``.

    ``old`` is the file's data as :func:`casekit.authoring.jsonfmt.parse_lossless` reads it
    (or None for a new case); ``schema`` is the schema at this place (the case schema at
    the top).
    """
    if root is None:
        root = case_schema()
        schema = root
    if isinstance(new, dict):
        return _reconcile_object(old if isinstance(old, dict) else {}, new, schema, root)
    if isinstance(new, list):
        return _reconcile_list(old if isinstance(old, list) else [], new, schema, root)
    if _is_number(new) and isinstance(old, RawNumber) and old.value() == new:
        return old
    return new


def _reconcile_object(
    old: dict[str, Any], new: dict[str, Any], schema: Schema | None, root: Schema
) -> dict[str, Any]:
    declared = set(key_order(schema, root))
    kept = {
        key
        for key, value in old.items()
        if key not in new and (key not in declared or _blank(value))
    }
    order = [key for key in old if key in new or key in kept]
    order += [key for key in new if key not in old]
    result: dict[str, Any] = {}
    for key in order:
        if key in kept:
            result[key] = old[key]
        else:
            result[key] = reconcile(old.get(key), new[key], child_schema(schema, key, root), root)
    return result


def _reconcile_list(
    old: list[Any], new: list[Any], schema: Schema | None, root: Schema
) -> list[Any]:
    item_schema = child_schema(schema, 0, root)
    partners = _match_items(old, new)
    return [
        reconcile(partners.get(index), item, item_schema, root) for index, item in enumerate(new)
    ]


def _item_id(item: Any) -> str | None:
    if isinstance(item, dict):
        value = item.get("id")
        return value if isinstance(value, str) else None
    return None


def _shared(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return sum(1 for key, value in a.items() if key in b and to_plain(b[key]) == value)


def _match_items(old: list[Any], new: list[Any]) -> dict[int, Any]:
    """For each item of ``new`` (by index), the item of ``old`` it continues, if any."""
    partners: dict[int, Any] = {}
    used: set[int] = set()
    by_id = {_item_id(item): index for index, item in enumerate(old) if _item_id(item)}
    for index, item in enumerate(new):
        found = by_id.get(_item_id(item)) if _item_id(item) else None
        if found is not None and found not in used:
            partners[index] = old[found]
            used.add(found)
    for index, item in enumerate(new):
        if index in partners:
            continue
        if not isinstance(item, dict):
            # A scalar has nothing hidden to carry over; keep a number's text in place.
            if index < len(old) and index not in used and not isinstance(old[index], dict):
                partners[index] = old[index]
            continue
        best, best_score = None, 0
        for candidate, previous in enumerate(old):
            if candidate in used or not isinstance(previous, dict) or _item_id(previous):
                continue
            score = _shared(item, previous) * 2 + (candidate == index)
            if score > best_score:
                best, best_score = candidate, score
        if best is not None and best_score >= 2:
            partners[index] = old[best]
            used.add(best)
    return partners


def case_text(data: Any) -> str:
    """Case data (plain or lossless) as the canonical text ``casekit fmt`` writes."""
    text = format_data(data)
    if to_plain(parse_lossless(text)) != to_plain(data):
        raise ValueError("the case could not be written without changing it")
    return text


def merge_into(base_text: str | None, new: Any) -> str:
    """The canonical text of the form's data ``new``, started from the file ``base_text``."""
    old = parse_lossless(base_text) if base_text else None
    return case_text(reconcile(old, new))


def parse_body(raw: bytes) -> Any:
    """JSON sent by the browser; numbers as Python reads them."""
    return json.loads(raw.decode("utf-8"))
