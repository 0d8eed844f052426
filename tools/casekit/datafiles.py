"""Checking casekit's own data files (abstract profiles, knowledge packs) against their schemas.

These files are read on every run that needs them, so the check uses the compiled
validator (jsonschema-rs) that case validation already loads, rather than importing the
pure-Python jsonschema for what is almost always a pass.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs


@cache
def _validator(schema_path: Path) -> Any:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema)


def first_schema_error(schema_path: Path, data: Any) -> tuple[str, str] | None:
    """Where (a slash-separated path, or "the top level") and how ``data`` breaks the schema."""
    error = next(iter(_validator(schema_path).iter_errors(data)), None)
    if error is None:
        return None
    where = "/".join(str(part) for part in error.instance_path) or "the top level"
    return where, str(error.message)
