"""Read a case file into a :class:`CaseDocument`, or explain why it cannot be read.

Everything that can go wrong before schema validation is caught here and turned into
one :class:`~casekit.findings.Finding` that names the file, the line and column, and
what to do. No exception other than :class:`LoadError` leaves this module.
"""

from __future__ import annotations

import bisect
import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casekit import jsonpos
from casekit.findings import Finding, JsonPath, Severity

#: Files larger than this are refused before they are read. A long case report with
#: many references is well under 1 MB; the limit protects editors' CI from mistakes
#: such as an image pasted into a JSON string.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_SAVE_AS_UTF8 = (
    "Save the file as UTF-8 (in most editors: File > Save with Encoding > UTF-8, without BOM)."
)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class LoadError(Exception):
    """The file could not be read as JSON; ``finding`` says why and where."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


#: Places located one by one before :meth:`CaseDocument.locate` maps the whole file.
MAP_AFTER = 32


@dataclass
class CaseDocument:
    """A parsed case file and, on demand, where each value sits in its text."""

    path: Path
    text: str
    data: Any
    _line_starts: list[int] | None = field(default=None, repr=False)
    _found: dict[JsonPath, tuple[int, int | None]] = field(default_factory=dict, repr=False)
    _map: jsonpos.PositionMap | None = field(default=None, repr=False)
    #: What lint prepared from ``data`` for its rules (:func:`casekit.lint.engine.run_rules`),
    #: kept so that a second run of rules on the same document (the publication gate runs
    #: the privacy rules again at their own severity) does not search the text again.
    #: ``data`` must not change once rules have run on it; never pickled.
    lint_views: Any = field(default=None, repr=False, compare=False)
    #: Set by :func:`load_case`, which found a regular file at ``path``: lint then need not
    #: ask the system again whether it is one (a ``stat`` a case).
    regular_file: bool = field(default=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["lint_views"] = None
        return state

    def locate(self, path: JsonPath, *, prefer_key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at ``path`` (or of its key).

        A few places are found by walking down their paths; past :data:`MAP_AFTER`, the
        whole file is mapped once, so that thousands of findings (a case full of broken
        links) do not each walk the file.
        """
        path = tuple(path)
        if self._map is None and len(self._found) >= MAP_AFTER:
            self._map = jsonpos.build(self.text)
        if self._map is not None:
            return self._map.locate(path, prefer_key=prefer_key)
        if path not in self._found:
            self._found[path] = jsonpos.find(self.text, path)
        value_offset, key_offset = self._found[path]
        offset = key_offset if prefer_key and key_offset is not None else value_offset
        if "\r" in self.text:  # old Mac or Windows line ends: the general method
            if self._line_starts is None:
                self._line_starts = jsonpos.line_starts(self.text)
            line = bisect.bisect_right(self._line_starts, offset)
            return line, offset - self._line_starts[line - 1] + 1
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.text.count("\n", 0, offset) + 1, offset - line_start + 1

    def locate_in_string(self, path: JsonPath, index: int) -> tuple[int, int]:
        """Line and column of character ``index`` of the string at ``path``, in the file.

        The string is read from its opening quote, escapes decoded as JSON decodes them (a
        surrogate pair is one character), so an editor jumps to the character itself.
        """
        line, column = self.locate(path)
        found = self._found.get(tuple(path))
        text = self.text
        if found is None:  # a view that locates values its own way: the field's start
            return line, column
        start = found[0]
        if start >= len(text) or text[start] != '"':
            return line, column
        at = start + 1
        for _ in range(index):
            if at >= len(text) or text[at] == '"':
                break
            if text[at] != "\\":
                at += 1
            elif text[at + 1 : at + 2] != "u":
                at += 2
            elif (
                0xD800 <= int(text[at + 2 : at + 6] or "0", 16) <= 0xDBFF
                and text[at + 6 : at + 8] == "\\u"
            ):
                at += 12
            else:
                at += 6
        consumed = text[start:at]
        if "\n" in consumed or "\r" in consumed:  # cannot happen in valid JSON; be safe
            return line, column
        return line, column + (at - start)


def _problem(
    path: Path,
    code: str,
    rule: str,
    message: str,
    hint: str,
    line: int = 1,
    column: int = 1,
    json_path: JsonPath = (),
) -> LoadError:
    return LoadError(
        Finding(
            code=code,
            rule=rule,
            severity=Severity.ERROR,
            file=path,
            message=message,
            hint=hint,
            json_path=json_path,
            line=line,
            column=column,
        )
    )


class _DuplicateKey(Exception):
    pass


class _NonFinite(Exception):
    pass


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _NonFinite
    return value


def _reject_constant(_: str) -> float:
    raise _NonFinite


_TRAILING_COMMA = (
    "There is a comma after the last item of a list or of an object.",
    "Remove this comma: JSON allows no comma before ']' or '}'.",
)


def _trailing_comma(text: str, error: json.JSONDecodeError) -> tuple[int, int] | None:
    """(line, column) of a comma just before ']' or '}', the commonest slip in JSON.

    Python reports it differently by version ("Expecting value" at the bracket up to 3.12,
    "Illegal trailing comma" at the comma from 3.13): found here, it gets the same message
    at the comma on every version.
    """
    at = error.pos
    if error.msg.startswith("Illegal trailing comma"):
        at = text.find(",", at) if text[at : at + 1] != "," else at
    else:
        if at >= len(text) or text[at] not in "]}":
            return None
        at = len(text[:at].rstrip()) - 1
    if at < 0 or text[at : at + 1] != ",":
        return None
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def _friendly_syntax_message(msg: str) -> tuple[str, str]:
    """Plain-language wording for the standard library's JSON syntax errors."""
    table = {
        "Expecting ',' delimiter": (
            "A comma is missing between two items, or a bracket or brace is not closed.",
            "Check the end of the previous line: items in a list or fields in an object are"
            " separated by commas.",
        ),
        "Expecting property name enclosed in double quotes": (
            "A field name is expected here, in double quotes.",
            "Remove a trailing comma before '}' or put the field name in double quotes"
            " (\"name\", not name or 'name').",
        ),
        "Expecting value": (
            "A value is expected here.",
            "Remove a trailing comma before ']' or '}', or write the missing value. Text must"
            ' be in double quotes ("like this").',
        ),
        "Expecting ':' delimiter": (
            "A colon is expected after the field name.",
            'Write fields as "name": value.',
        ),
        "Unterminated string starting at": (
            "This text is not closed with a double quote.",
            'Add the closing " or, if the text itself contains a quote, write it as \\".',
        ),
        "Invalid control character at": (
            "This text is not closed with a double quote before the end of the line, or it"
            " contains a line break or tab character.",
            "Inside quoted text write a line break as \\n and a tab as \\t.",
        ),
        "Invalid \\escape": (
            "This text contains a backslash that JSON does not understand.",
            "Write a literal backslash as \\\\.",
        ),
        "Extra data": (
            "There is more text after the end of the case.",
            "A case file holds exactly one JSON object: remove what follows the final '}'.",
        ),
    }
    for prefix, wording in table.items():
        if msg.startswith(prefix):
            return wording
    return (f"The file is not valid JSON ({msg}).", "Fix the JSON syntax at this place.")


def _line_col_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return _raise_bom(path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) >= 2 and b"\x00" in raw[:4]):
        raise _problem(
            path,
            "CK004",
            "not-utf8",
            "The file is saved as UTF-16 (or another wide encoding), not UTF-8.",
            _SAVE_AS_UTF8,
            1,
            1,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col_of_byte(raw, exc.start)
        bad = raw[exc.start : exc.start + 4].hex(" ")
        raise _problem(
            path,
            "CK004",
            "not-utf8",
            f"The file is not valid UTF-8 text: byte(s) {bad} cannot be read.",
            "The file was probably saved in another encoding (such as Windows-1252 or"
            f" Latin-1). {_SAVE_AS_UTF8}",
            line,
            column,
        ) from None


def _raise_bom(path: Path) -> str:
    raise _problem(
        path,
        "CK005",
        "byte-order-mark",
        "The file starts with a byte-order mark (BOM), an invisible character some editors add.",
        "Save the file as 'UTF-8' rather than 'UTF-8 with BOM', or run 'casekit fmt' on it.",
        1,
        1,
    )


def _find_surrogate(data: Any, path: JsonPath = ()) -> JsonPath | None:
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if isinstance(data, dict):
        for key, value in data.items():
            if _find_surrogate(key, path) is not None:
                return path
            found = _find_surrogate(value, (*path, key))
            if found is not None:
                return found
    if isinstance(data, list):
        for index, value in enumerate(data):
            found = _find_surrogate(value, (*path, index))
            if found is not None:
                return found
    return None


def parse_text(path: Path, text: str) -> CaseDocument:
    """Parse decoded ``text``; raise :class:`LoadError` for anything that is not clean JSON."""
    if not text or text.isspace():  # as 'not text.strip()', without copying the text
        raise _problem(
            path,
            "CK002",
            "empty-file",
            "The file is empty.",
            "Start from a skeleton with 'casekit new SLUG', or delete the file.",
        )
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs_without_duplicates,
            parse_float=_finite_float,
            parse_constant=_reject_constant,
        )
    except json.JSONDecodeError as exc:
        comma = _trailing_comma(text, exc)
        if comma is not None:
            line, column = comma
            raise _problem(
                path, "CK006", "malformed-json", *_TRAILING_COMMA, line, column
            ) from None
        message, hint = _friendly_syntax_message(exc.msg)
        raise _problem(
            path, "CK006", "malformed-json", message, hint, exc.lineno, exc.colno
        ) from None
    except _DuplicateKey:
        positions = jsonpos.build(text)
        dup = positions.duplicates[0]
        line, column = positions.line_col(dup.offset)
        first_line, _ = positions.line_col(dup.first_offset)
        raise _problem(
            path,
            "CK007",
            "duplicate-key",
            f"The field '{dup.path[-1]}' appears twice in the same object (first on line"
            f" {first_line}). Only one of the two values would be kept.",
            "Merge the two into one field, keeping everything you want to say.",
            line,
            column,
            dup.path,
        ) from None
    except _NonFinite:
        positions = jsonpos.build(text)
        if positions.nonfinite:
            where, offset = positions.nonfinite[0]
        else:  # a number too large for a float, such as 1e999
            where, offset = _first_huge_number(positions)
        line, column = positions.line_col(offset)
        raise _problem(
            path,
            "CK008",
            "non-finite-number",
            "This number is not a finite value (NaN, Infinity, or too large to store).",
            "Write an ordinary number. If the value was not measured, leave the field out.",
            line,
            column,
            where,
        ) from None
    except RecursionError:
        raise _problem(
            path,
            "CK009",
            "too-deeply-nested",
            "The file is nested too deeply (lists or objects inside each other hundreds of"
            " levels down).",
            "A case never needs more than a few levels; the file is probably damaged.",
        ) from None
    except ValueError as exc:  # for example, an integer with more than 4300 digits
        raise _problem(
            path,
            "CK008",
            "non-finite-number",
            f"A number in the file cannot be read: {exc}.",
            "Write an ordinary number.",
        ) from None
    # Without a backslash there is no escape: a test of one character (0.3 µs a case) spares
    # the search (1.5 µs) in most files.
    if "\\" in text and _SURROGATE_ESCAPE.search(text):
        bad_text = _find_surrogate(data)
        if bad_text is not None:
            line, column = jsonpos.build(text).locate(bad_text)
            raise _problem(
                path,
                "CK010",
                "invalid-unicode-escape",
                "This text contains a \\u escape for half of a character pair (an unpaired"
                " surrogate), which is not a real character.",
                "Replace the escape with the character itself, typed or pasted as UTF-8.",
                line,
                column,
                bad_text,
            )
    return CaseDocument(path=path, text=text, data=data)


def _first_huge_number(positions: jsonpos.PositionMap) -> tuple[JsonPath, int]:
    for where, offset in positions.values.items():
        match = re.match(r"-?[0-9][0-9.eE+-]*", positions.text[offset:])
        if match and math.isinf(float(match.group())):
            return where, offset
    return (), 0


def load_case(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CaseDocument:
    """Read and parse one case file.

    The file is looked at once (``lstat``), and again only when it is a link: ``is_symlink``,
    ``stat`` and ``is_file`` asked the system three times for every case of a library."""
    try:
        status = os.lstat(path)
    except OSError:
        status = None  # the errors are reported below, as reading it would report them
    if status is not None and stat.S_ISLNK(status.st_mode):
        target = path.resolve()
        if not target.is_relative_to(path.parent.resolve()):
            raise _problem(
                path,
                "CK001",
                "unreadable-file",
                f"This file is a link to {target}, outside the folder it sits in; casekit does"
                " not follow it.",
                "Copy the case into the library instead of linking to it.",
            )
    try:
        if status is None or stat.S_ISLNK(status.st_mode):
            status = path.stat()
        size = status.st_size
        if not stat.S_ISREG(status.st_mode):
            raise _problem(
                path,
                "CK001",
                "unreadable-file",
                "This is not a regular file.",
                "Give the path of a .json case file or of a folder of them.",
            )
        if size > max_bytes:
            raise _problem(
                path,
                "CK003",
                "file-too-large",
                f"The file is {size / 1_048_576:.1f} MB; casekit reads case files up to"
                f" {max_bytes / 1_048_576:.0f} MB.",
                "A case file holds text and numbers only: keep images and data sets in"
                " separate files.",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _problem(
            path,
            "CK001",
            "unreadable-file",
            "The file does not exist.",
            "Check the path and its spelling.",
        ) from None
    except PermissionError:
        raise _problem(
            path,
            "CK001",
            "unreadable-file",
            "casekit is not allowed to read this file.",
            "Check the file's permissions.",
        ) from None
    except OSError as exc:
        raise _problem(
            path,
            "CK001",
            "unreadable-file",
            f"The file cannot be read: {exc.strerror or exc}.",
            "Check the path, and that the disk is available.",
        ) from None
    doc = parse_text(path, _decode(path, raw))
    doc.regular_file = True
    return doc
