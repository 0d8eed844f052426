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
    """The current version of the case format (what 'casekit migrate' upgrades to)."""
    version = case_schema()["properties"]["schema_version"]["default"]
    assert isinstance(version, int)
    return version


def readable_versions() -> list[int]:
    """Every format version casekit still reads: the current one and older ones, which
    validate with a warning pointing at 'casekit migrate' until they are dropped."""
    versions = case_schema()["properties"]["schema_version"]["enum"]
    assert all(isinstance(v, int) for v in versions)
    return sorted(versions)


def frozen_schema_path(version: int) -> Path:
    """The schema of an older format version, kept unchanged (``schema/versions/``)."""
    return data_dir("schema") / "versions" / f"case.schema.v{version}.json"


@cache
def frozen_schema(version: int) -> dict[str, Any]:
    with frozen_schema_path(version).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema
