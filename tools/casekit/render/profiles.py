"""Abstract profiles: a venue's rules for an abstract, read from a JSON data file.

The files live in ``casekit/profiles/`` and follow ``profile.schema.json`` there. A user
can also pass the path of their own profile file to ``--profile``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from casekit.datafiles import first_schema_error
from casekit.discover import UsageError

PROFILES_DIR = Path(__file__).resolve().parent.parent / "profiles"
DEFAULT_PROFILE = "generic-case-report"

Unit = Literal["words", "characters"]


class ProfileError(UsageError):
    """A profile cannot be found or read; the message says what to do."""


@dataclass(frozen=True)
class Section:
    heading: str
    content: tuple[str, ...]
    max: int | None = None


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    venue: str
    source_url: str | None
    source_year: int | None
    source_summary: str
    unconfirmed: tuple[str, ...]
    accepts_case_reports: str
    unit: Unit
    max: int | None
    spaces_count: bool
    table_counts_as: int | None
    counted_parts: frozenset[str]
    structure: Literal["headings", "free"]
    sections: tuple[Section, ...]
    references_allowed: bool = False
    tables_allowed: int | None = None
    figures_allowed: int | None = None
    max_keywords: int | None = None
    max_authors: int | None = None
    blinded_copy: bool = False
    notes: str = ""
    aliases: tuple[str, ...] = ()
    path: Path = field(default=PROFILES_DIR)

    def named_in(self, venue: str) -> bool:
        """Whether a venue as a case writes it ('EULAR 2020 poster') is this profile's venue."""
        return any(
            re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", venue, re.IGNORECASE)
            for alias in self.aliases
        )

    def counts(self, part: str) -> bool:
        return part == "body" or part in self.counted_parts

    def limit_text(self) -> str:
        if self.max is None:
            return "no overall limit"
        if self.unit == "characters":
            spaces = "including spaces" if self.spaces_count else "not counting spaces"
            return f"{self.max} characters ({spaces})"
        return f"{self.max} words"


def _from_data(data: dict[str, Any], path: Path) -> Profile:
    limit = data["limit"]
    body = data["body"]
    return Profile(
        name=data["name"],
        title=data["title"],
        venue=data["venue"],
        source_url=data["source"].get("url"),
        source_year=data["source"].get("year"),
        source_summary=data["source"].get("summary", ""),
        unconfirmed=tuple(data.get("unconfirmed", ())),
        accepts_case_reports=data["accepts_case_reports"],
        unit=limit["unit"],
        max=limit.get("max"),
        spaces_count=limit.get("spaces_count", True),
        table_counts_as=limit.get("table_counts_as"),
        counted_parts=frozenset(k for k, v in data["counted_parts"].items() if v),
        structure=body["structure"],
        sections=tuple(
            Section(s["heading"], tuple(s["content"]), s.get("max")) for s in body["sections"]
        ),
        references_allowed=data.get("references_allowed", False),
        tables_allowed=data.get("tables_allowed"),
        figures_allowed=data.get("figures_allowed"),
        max_keywords=data.get("max_keywords"),
        max_authors=data.get("max_authors"),
        blinded_copy=data.get("blinded_copy", False),
        notes=data.get("notes", ""),
        aliases=tuple(data.get("aliases", ())),
        path=path,
    )


def read_profile(path: Path) -> Profile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
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
    return _from_data(data, path)


def list_profiles() -> list[Profile]:
    """Every profile shipped with casekit, sorted by name."""
    return list(_shipped())


@cache
def _shipped() -> tuple[Profile, ...]:
    # Shipped profiles are package data: read and checked once per process (lint runs
    # CK790 on every case of a library).
    paths = sorted(p for p in PROFILES_DIR.glob("*.json") if p.name != "profile.schema.json")
    return tuple(read_profile(p) for p in paths)


def load_profile(name: str | None) -> Profile:
    """A shipped profile by name, or a profile file by path; the generic one for None."""
    name = name or DEFAULT_PROFILE
    candidate = Path(name)
    if candidate.suffix == ".json" and candidate.is_file():
        return read_profile(candidate)
    for profile in _shipped():
        if profile.name == name:
            return profile
    names = ", ".join(p.name for p in list_profiles())
    raise ProfileError(
        f"there is no abstract profile called '{name}'. Choose one of: {names};"
        " or give the path of your own profile file (.json)."
    )
