"""Abstract profiles: a venue's rules for an abstract, read from a JSON data file.

The files live in ``casekit/profiles/`` and follow ``profile.schema.json`` there. A user
can also pass the path of their own profile file to ``--profile``. Reading and checking
the files is :mod:`casekit.render.profile_files`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from casekit.render.profile_files import (
    PROFILES_DIR,
    ProfileError,
    names_venue,
    read_profile_data,
    shipped_profile_data,
)

DEFAULT_PROFILE = "generic-case-report"

Unit = Literal["words", "characters"]

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES_DIR",
    "Profile",
    "ProfileError",
    "Section",
    "Unit",
    "list_profiles",
    "load_profile",
    "read_profile",
]


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
        return names_venue(self.aliases, venue)

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
    return _from_data(read_profile_data(path), path)


def list_profiles() -> list[Profile]:
    """Every profile shipped with casekit, sorted by name."""
    return list(_shipped())


@cache
def _shipped() -> tuple[Profile, ...]:
    return tuple(_from_data(data, path) for path, data in shipped_profile_data())


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
