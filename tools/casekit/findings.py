"""The one type every check reports: a :class:`Finding`.

Loading, schema validation and lint rules all produce findings, so every reporter
(text, JSON, SARIF, GitHub annotations) handles one shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

JsonPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


def format_json_path(path: Sequence[str | int]) -> str:
    """Render a path the way lint prints it: ``$.investigations.laboratory[0].unit``."""
    out = ["$"]
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier():
            out.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace("'", "\\'")
            out.append(f"['{escaped}']")
    return "".join(out)


@dataclass(frozen=True)
class Finding:
    """One problem found in one file.

    ``line`` and ``column`` are 1-based and point at the JSON value concerned
    (0 when the problem is about the file as a whole).
    """

    code: str
    rule: str
    severity: Severity
    file: Path
    message: str
    hint: str = ""
    json_path: JsonPath = ()
    line: int = 0
    column: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def json_path_text(self) -> str:
        return format_json_path(self.json_path)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "file": str(self.file),
            "line": self.line,
            "column": self.column,
            "json_path": self.json_path_text,
            "message": self.message,
            "hint": self.hint,
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.file), self.line, self.column, self.code)
