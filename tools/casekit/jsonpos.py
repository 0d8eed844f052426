"""Where values sit in a JSON text, by JSON path.

The standard library parses JSON fast but forgets positions, and findings must name a
line and column. Two tools, for two situations:

- :func:`find` walks down one path of a text already known to be valid, skipping
  every other value with the C decoder. Findings use it (through
  :meth:`casekit.loader.CaseDocument.locate`), so a case costs little more to locate
  than to parse.
- :func:`build` maps every value and key. The loader uses it only to explain a file it
  refused: the first repeated key in an object (``json.loads`` would keep the last
  value and silently lose what the author typed first), or a NaN or Infinity.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from collections.abc import Callable
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
    """Scan ``text``: JSON that may hold NaN/Infinity or repeated keys.

    The text can also be malformed further on (``json.loads`` stops at the first NaN
    it meets), so the scan stops quietly where the text stops making sense and keeps
    what it found up to there.
    """
    values: dict[JsonPath, int] = {}
    keys: dict[JsonPath, int] = {}
    duplicates: list[Duplicate] = []
    nonfinite: list[tuple[JsonPath, int]] = []
    with contextlib.suppress(IndexError, AssertionError, ValueError):
        _scan(text, values, keys, duplicates, nonfinite)
    return PositionMap(text, values, keys, duplicates, nonfinite, line_starts(text))


def _scan(
    text: str,
    values: dict[JsonPath, int],
    keys: dict[JsonPath, int],
    duplicates: list[Duplicate],
    nonfinite: list[tuple[JsonPath, int]],
) -> None:
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


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
# The C string scanner behind json.loads; typeshed does not declare it.
_scanstring: Callable[[str, int], tuple[str, int]] = getattr(json.decoder, "scanstring")  # noqa: B009


def _skip_ws(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    assert match is not None
    return match.end()


#: What follows a value: white space and, if another value follows, a comma and white space.
_AFTER_VALUE = re.compile(r"[ \t\n\r]*(?:,[ \t\n\r]*)?")
#: What follows a key: white space, the colon, white space.
_AFTER_KEY = re.compile(r"[ \t\n\r]*:[ \t\n\r]*")
_raw_decode = _DECODER.raw_decode


def _skip_value(text: str, index: int) -> int:
    """The offset just past the value starting at ``index`` (and a following comma)."""
    _, end = _raw_decode(text, index)
    match = _AFTER_VALUE.match(text, end)
    assert match is not None
    return match.end()


def find(text: str, path: JsonPath) -> tuple[int, int | None]:
    """Offset of the value at ``path`` in valid JSON ``text`` and of its key, if any.

    Unlike :func:`build`, this walks only down the one path and skips every other
    value with the standard library's C decoder, so locating a handful of findings in
    a case costs far less than mapping every value. Where the path does not exist, the
    offset of the deepest existing container is returned.
    """
    index = _skip_ws(text, 0)
    key_offset: int | None = None
    for part in path:
        opener = text[index] if index < len(text) else ""
        container = index
        if opener == "{" and isinstance(part, str):
            index = _skip_ws(text, index + 1)
            while text[index] == '"':
                key, after_key = _scanstring(text, index + 1)
                key_start = index
                colon = _AFTER_KEY.match(text, after_key)
                assert colon is not None  # the text is valid JSON
                index = colon.end()
                if key == part:
                    key_offset = key_start
                    break
                index = _skip_value(text, index)
            else:
                return container, None
        elif opener == "[" and isinstance(part, int):
            index = _skip_ws(text, index + 1)
            for _ in range(part):
                if text[index] == "]":
                    return container, None
                index = _skip_value(text, index)
            if text[index] == "]":
                return container, None
            key_offset = None
        else:
            return container, None
    return index, key_offset
