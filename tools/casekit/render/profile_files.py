"""The abstract profile files as data: read, checked against their schema, and matched
against the venue a case names, without building :class:`~casekit.render.profiles.Profile`.

Lint rule CK790 asks first whether any shipped profile names one of a case's venues; most
cases name none, and importing :mod:`casekit.render.profiles` (its dataclasses take about
2.5 ms to create) would be paid by every cold ``casekit lint`` of a case that names a venue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from casekit.datafiles import first_schema_error
from casekit.discover import UsageError

PROFILES_DIR = Path(__file__).resolve().parent.parent / "profiles"


class ProfileError(UsageError):
    """A profile cannot be found or read; the message says what to do."""


def read_profile_data(path: Path) -> dict[str, Any]:
    """A profile file's data, checked against ``profile.schema.json``."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"cannot read the profile {path}: {exc.strerror or exc}.") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"the profile {path} is not valid JSON (line {exc.lineno}, column {exc.colno}:"
            f" {exc.msg}). Fix the file and run again."
        ) from None
    problem = first_schema_error(PROFILES_DIR / "profile.schema.json", data)
    if problem is not None:
        where, message = problem
        raise ProfileError(
            f"the profile {path} does not follow the profile format at {where}: {message}."
            f" Compare it with {PROFILES_DIR / 'profile.schema.json'}."
        )
    return data


@cache
def shipped_profile_data() -> tuple[tuple[Path, dict[str, Any]], ...]:
    """Every profile shipped with casekit, by path, sorted by file name; read and checked
    once per process (lint runs CK790 on every case of a library)."""
    paths = sorted(p for p in PROFILES_DIR.glob("*.json") if p.name != "profile.schema.json")
    return tuple((p, read_profile_data(p)) for p in paths)


def names_venue(aliases: Iterable[str], venue: str) -> bool:
    """Whether a venue as a case writes it ('EULAR 2020 poster') is the one a profile
    knows by these aliases (a whole-word match, ignoring case)."""
    return any(
        re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", venue, re.IGNORECASE) for alias in aliases
    )
