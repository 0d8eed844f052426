"""Which analyte a laboratory result measures, and its value in that analyte's own unit.

The analytes, their units and their limits are data (``lint/data/lab_values.json``, with
sources). The possible-value rules (CK520, CK521) and the red-flag check (CK403) both read
results through this module, so that a platelet count written '808 ×10⁹/L', '808 x10^3/µL'
or '808000 /mm³' is the same number to both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from casekit.lint import data
from casekit.lint.data_quality import normal_unit


@dataclass(frozen=True)
class Limit:
    side: str  # "low" or "high"
    value: float  # in the analyte's own unit
    kind: str  # "physical" or "reported"
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Analyte:
    id: str
    label: str
    names: re.Pattern[str] | None
    abbreviations: frozenset[str]
    kind: str
    unit: str
    #: normalised unit -> factor to the analyte's own unit
    factors: dict[str, float]
    usual: tuple[float, float] | None
    usual_sources: tuple[str, ...]
    limits: tuple[Limit, ...]

    def factor(self, unit: str) -> float | None:
        return self.factors.get(normal_unit(unit))

    def is_count_per_volume(self, unit: str) -> bool:
        """A count per microlitre or cubic millimetre, which a report gives in whole cells."""
        return self.kind == "count" and normal_unit(unit) in _PER_MICROLITRE

    def convert(self, value: float, unit: str) -> float | None:
        factor = self.factor(unit)
        return None if factor is None else value * factor


_PER_MICROLITRE = frozenset(normal_unit(u) for u in ("/uL", "cells/uL", "/mm3", "cells/mm3"))


def _analyte(raw: dict[str, Any]) -> Analyte:
    names = raw.get("names") or []
    usual = raw.get("usual")
    return Analyte(
        id=raw["id"],
        label=raw["label"],
        names=re.compile("|".join(names), re.IGNORECASE) if names else None,
        abbreviations=frozenset(a.lower() for a in raw.get("abbreviations", [])),
        kind=raw["kind"],
        unit=raw["unit"],
        factors={normal_unit(u): float(f) for u, f in raw["units"].items()},
        usual=(float(usual["low"]), float(usual["high"])) if usual else None,
        usual_sources=tuple(usual.get("sources", [])) if usual else (),
        limits=tuple(
            Limit(
                lim["side"],
                float(lim["value"]),
                lim["kind"],
                lim.get("note", ""),
                tuple(lim.get("sources", [])),
            )
            for lim in raw.get("limits", [])
        ),
    )


@cache
def analytes() -> tuple[Analyte, ...]:
    return tuple(_analyte(raw) for raw in data.load("lab_values.json")["analytes"])


@cache
def analyte_by_id(analyte_id: str) -> Analyte:
    return next(a for a in analytes() if a.id == analyte_id)


def sources() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = data.load("lab_values.json")["sources"]
    return found


def _names(test: str, abbreviation: str, analyte: Analyte) -> bool:
    if abbreviation and abbreviation in analyte.abbreviations:
        return True
    if test.lower() in analyte.abbreviations:
        return True
    return bool(analyte.names and analyte.names.search(test))


@lru_cache(maxsize=4096)  # a library names a few dozen tests, over and over
def _analyte_named(test: str, abbreviation: str, unit: str) -> Analyte | None:
    named = [a for a in analytes() if _names(test, abbreviation, a)]
    return next((a for a in named if a.factor(unit) is not None), named[0] if named else None)


def analyte_of(lab: dict[str, Any]) -> Analyte | None:
    """The analyte a result measures: the first whose names match and whose units include
    the result's unit; failing that, the first whose names match."""
    return _analyte_named(
        str(lab.get("test", "")).strip(),
        str(lab.get("abbreviation") or "").strip().lower(),
        str(lab.get("unit", "")),
    )


def value_in_own_unit(lab: dict[str, Any], analyte: Analyte) -> float | None:
    value = lab.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return analyte.convert(float(value), str(lab.get("unit", "")))


def shown(value: float) -> str:
    """A number as a clinician writes it: no trailing '.0', at most four significant digits
    after the point."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ") if abs(value) >= 10000 else str(int(value))
    return f"{value:.4g}" if abs(value) < 1 else f"{round(value, 2):g}"
