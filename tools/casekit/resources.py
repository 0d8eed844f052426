"""Where casekit's own files (the case schema, the default templates) live.

In a source checkout or an editable install they are the repository's top-level
``schema/`` and ``templates/`` folders; a built wheel carries copies under
``casekit/_data/``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``schema`` or ``templates``) shipped with casekit."""
    bundled = _PACKAGE / "_data" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent.parent / name


def schema_path() -> Path:
    return data_dir("schema") / "case.schema.json"


@cache
def case_schema() -> dict[str, Any]:
    with schema_path().open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def schema_version() -> int:
    version = case_schema()["properties"]["schema_version"]["const"]
    assert isinstance(version, int)
    return version
