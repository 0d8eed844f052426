"""Large tables kept in casekit's cache folder so that a lookup decodes only what it needs.

A case holds a handful of codes. Decoding a whole list from the cache took a good part of
a cold ``casekit lint``: about 30 ms for ICD-10-CM (47,000 titles, 98,000 valid codes),
12 to 18 ms for HPO, 3 ms each for ICD-10 and the ORPHA/OMIM names.

:class:`ShardedMap` keeps a table in :data:`PARTS` parts, chosen by a checksum of the
key: a lookup decodes only the part that can hold its key. :class:`RecordMap` keeps each
value as its own record besides, for a table whose lookups wander from key to key (HPO: a
term, then its parents, then theirs), so that a part costs little more than its keys.
Going through every item decodes them all, in the table's own order.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

V = TypeVar("V")

#: How many parts a table is split into: about 80 HPO terms or 50 ICD-10 titles a part.
PARTS = 256

#: What the cache keeps: the number of parts, the keys in order, each part with marshal.
Stored = tuple[int, bytes, dict[int, bytes]]


def _part_of(key: str, parts: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % parts


def split(table: Mapping[str, Any]) -> Stored:
    """``table`` as :class:`ShardedMap` reads it (only what :mod:`marshal` writes)."""
    parts: dict[int, dict[str, Any]] = {}
    for key, value in table.items():
        parts.setdefault(_part_of(key, PARTS), {})[key] = value
    encoded = {index: marshal.dumps(part) for index, part in parts.items()}
    return PARTS, marshal.dumps(list(table)), encoded


class ShardedMap(Mapping[str, V]):
    """A read-only mapping over :func:`split`'s result, decoding a part when first asked."""

    def __init__(self, stored: Stored) -> None:
        self._count, self._order, self._parts = stored
        self._decoded: dict[int, dict[str, V]] = {}

    def _part(self, key: str) -> dict[str, V]:
        index = _part_of(key, self._count)
        part = self._decoded.get(index)
        if part is None:
            raw = self._parts.get(index)
            part = self._decoded[index] = marshal.loads(raw) if raw is not None else {}
        return part

    def __getitem__(self, key: str) -> V:
        if not isinstance(key, str):
            raise KeyError(key)
        return self._part(key)[key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._part(key)

    def __iter__(self) -> Iterator[str]:
        keys: list[str] = marshal.loads(self._order)
        return iter(keys)

    def __len__(self) -> int:
        return len(marshal.loads(self._order))


def records(table: Mapping[str, Any]) -> Stored:
    """``table`` with each value written as its own record, in parts, as
    :class:`RecordMap` reads it."""
    return split({key: marshal.dumps(value) for key, value in table.items()})


class RecordMap(Mapping[str, V]):
    """A read-only mapping over :func:`records`' result, decoding a value when first asked."""

    def __init__(self, stored: Stored) -> None:
        self._records = ShardedMap[bytes](stored)
        self._decoded: dict[str, V] = {}

    def __getitem__(self, key: str) -> V:
        try:
            return self._decoded[key]
        except KeyError:
            pass
        value: V = marshal.loads(self._records[key])
        self._decoded[key] = value
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)
