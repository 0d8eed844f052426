"""Large tables kept in casekit's cache folder so that a lookup decodes only what it needs.

A case holds a handful of codes; reading the whole ICD-10-CM list (47,000 titles and
98,000 valid codes) from the cache took about 30 ms of a cold ``casekit lint``, ICD-10
and the ORPHA/OMIM names about 3 ms each. :class:`ShardedMap` keeps a table as
:data:`PARTS` parts chosen by a checksum of the key, and a lookup decodes only the part
that can hold its key (about 0.05 ms). :class:`RecordMap` keeps each value as its own
record, for a table whose lookups wander (HPO: a term, then its ancestors). Going through
every item decodes them all, in the table's own order.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

V = TypeVar("V")

#: How many parts a table is split into.
PARTS = 64

#: What the cache keeps: the keys in order, and each part written with marshal.
Stored = tuple[bytes, dict[int, bytes]]


def _part_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % PARTS


def split(table: Mapping[str, Any]) -> Stored:
    """``table`` as :class:`ShardedMap` reads it (only what :mod:`marshal` writes)."""
    parts: dict[int, dict[str, Any]] = {}
    for key, value in table.items():
        parts.setdefault(_part_of(key), {})[key] = value
    return marshal.dumps(list(table)), {index: marshal.dumps(p) for index, p in parts.items()}


class ShardedMap(Mapping[str, V]):
    """A read-only mapping over :func:`split`'s result, decoding a part when first asked."""

    def __init__(self, stored: Stored) -> None:
        self._order, self._parts = stored
        self._decoded: dict[int, dict[str, V]] = {}

    def _part(self, key: str) -> dict[str, V]:
        index = _part_of(key)
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


def records(table: Mapping[str, Any]) -> dict[str, bytes]:
    """``table`` with each value written with marshal, as :class:`RecordMap` reads it."""
    return {key: marshal.dumps(value) for key, value in table.items()}


class RecordMap(Mapping[str, V]):
    """A read-only mapping over :func:`records`' result, decoding a value when first asked."""

    def __init__(self, stored: dict[str, bytes]) -> None:
        self._records = stored
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
