"""Where each value sits in a JSON text, by JSON path.

The standard library parses JSON fast but forgets positions. Findings must name a
line and column, so this module re-scans a text that is already known to be
syntactically valid JSON and records the offset of every value and every object key.
It also finds the first repeated key in an object, which ``json.loads`` would
otherwise resolve silently by keeping the last value (losing what the author typed).
The scan is lazy: :class:`casekit.loader.CaseDocument` builds it only when a
finding needs a position.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass

from casekit.findings import JsonPath

_TOKEN = re.compile(
    r"""
    [ \t\n\r]*
    (?:
      (?P<str>"(?:[^"\\]|\\.)*")
     |(?P<punct>[{}\[\]:,])
     |(?P<scalar>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)
     |(?P<nonfinite>NaN|-?Infinity)
    )
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Duplicate:
    path: JsonPath
    offset: int
    first_offset: int


@dataclass
class PositionMap:
    """Offsets of values (``values``) and of object keys (``keys``) by JSON path."""

    text: str
    values: dict[JsonPath, int]
    keys: dict[JsonPath, int]
    duplicates: list[Duplicate]
    nonfinite: list[tuple[JsonPath, int]]
    _line_starts: list[int]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, path: JsonPath, *, prefer_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``path`` (or of its key), or of the nearest parent."""
        probe = tuple(path)
        while True:
            if prefer_key and probe in self.keys:
                return self.line_col(self.keys[probe])
            if probe in self.values:
                return self.line_col(self.values[probe])
            if not probe:
                return (1, 1)
            probe = probe[:-1]


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return starts


def _decode_key(raw: str) -> str:
    value = json.loads(raw)
    assert isinstance(value, str)
    return value


def build(text: str) -> PositionMap:
    """Scan ``text`` (valid JSON, possibly with NaN/Infinity or duplicate keys)."""
    values: dict[JsonPath, int] = {}
    keys: dict[JsonPath, int] = {}
    duplicates: list[Duplicate] = []
    nonfinite: list[tuple[JsonPath, int]] = []
    # Each frame: [container_path, kind ('{' or '['), next_index, pending_key, seen_keys]
    stack: list[list[object]] = []
    pos = 0
    expecting_key = False
    current_key: str | None = None
    key_offset = 0
    while True:
        match = _TOKEN.match(text, pos)
        if match is None:
            break
        pos = match.end()
        kind = match.lastgroup
        start = match.start(kind) if kind else pos
        token = match.group(kind) if kind else ""
        if kind == "str" and expecting_key:
            current_key = _decode_key(token)
            key_offset = start
            expecting_key = False
            continue
        if kind == "punct" and token in ":,":
            if token == "," and stack and stack[-1][1] == "{":
                expecting_key = True
            continue
        if kind == "punct" and token in "}]":
            stack.pop()
            expecting_key = False
            continue
        # A value starts here: work out its path.
        if stack:
            frame = stack[-1]
            parent = frame[0]
            assert isinstance(parent, tuple)
            if frame[1] == "{":
                assert current_key is not None
                path: JsonPath = (*parent, current_key)
                seen = frame[4]
                assert isinstance(seen, dict)
                if current_key in seen:
                    duplicates.append(Duplicate(path, key_offset, seen[current_key]))
                else:
                    seen[current_key] = key_offset
                keys.setdefault(path, key_offset)
            else:
                index = frame[2]
                assert isinstance(index, int)
                path = (*parent, index)
                frame[2] = index + 1
        else:
            path = ()
        values.setdefault(path, start)
        if kind == "nonfinite":
            nonfinite.append((path, start))
        if kind == "punct" and token == "{":
            stack.append([path, "{", 0, None, {}])
            expecting_key = True
        elif kind == "punct" and token == "[":
            stack.append([path, "[", 0, None, {}])
    return PositionMap(text, values, keys, duplicates, nonfinite, line_starts(text))
