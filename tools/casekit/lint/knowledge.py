"""CK4xx: clinical knowledge packs, the one piece of code that reads them.

A pack (``casekit/knowledge/*.json``, checked against ``pack.schema.json`` when loaded)
describes a diagnosis of exclusion: its names, the test that confirms it, and the
alternatives that must be excluded first, each with cited sources. Adding a pack adds
knowledge without adding code; see ``site/authoring/knowledge-packs.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from casekit.datafiles import first_schema_error
from casekit.discover import UsageError
from casekit.findings import Severity
from casekit.lint.engine import CaseView, Hit, rule

PACK_DIR = Path(__file__).resolve().parent.parent / "knowledge"


class PackError(UsageError):
    """A knowledge pack is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Alternative:
    label: str
    patterns: tuple[re.Pattern[str], ...]
    includes: tuple[Alternative, ...]

    def matches(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)

    def excluded_by(self, excluded: list[str]) -> bool:
        if any(self.matches(t) for t in excluded):
            return True
        return bool(self.includes) and all(sub.excluded_by(excluded) for sub in self.includes)

    def missing(self, excluded: list[str]) -> str:
        """The label, narrowed to the kinds still open: 'malignancy (including leukaemia)'."""
        open_kinds = [sub.label for sub in self.includes if not sub.excluded_by(excluded)]
        return f"{self.label}, including {' and '.join(open_kinds)}" if open_kinds else self.label


@dataclass(frozen=True)
class Pack:
    id: str
    label: str
    data: dict[str, Any]
    name_pattern: re.Pattern[str]
    tissue_kinds: tuple[re.Pattern[str], ...]
    must_exclude: tuple[Alternative, ...]

    def names(self, diagnosis: str) -> bool:
        return bool(self.name_pattern.search(_normal(diagnosis)))


def _normal(text: str) -> str:
    return re.sub(r"[\s\-\u2010\u2013]+", " ", text)


def _alternative(raw: dict[str, Any]) -> Alternative:
    return Alternative(
        raw["label"],
        tuple(re.compile(p, re.IGNORECASE) for p in raw["matches"]),
        tuple(_alternative(sub) for sub in raw.get("includes", [])),
    )


def _source_keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, sub in value.items():
            if key == "sources" and isinstance(sub, list):
                yield from sub
            elif key != "sources":
                yield from _source_keys(sub)
    elif isinstance(value, list):
        for sub in value:
            yield from _source_keys(sub)


def parse_pack(path: Path) -> Pack:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackError(f"knowledge pack {path.name} cannot be read: {exc}") from None
    problem = first_schema_error(PACK_DIR / "pack.schema.json", raw)
    if problem is not None:
        where, message = problem
        raise PackError(f"knowledge pack {path.name} at {where}: {message}")
    unknown = sorted(set(_source_keys(raw)) - set(raw["sources"]))
    if unknown:
        raise PackError(
            f"knowledge pack {path.name} cites undeclared sources: {', '.join(unknown)}"
        )
    diagnosis = raw["diagnosis"]
    words = [re.escape(_normal(n)) for n in diagnosis["names"]]
    alternatives = [rf"(?i:\b(?:{'|'.join(words)})\b)"]
    alternatives += [rf"\b{re.escape(a)}\b" for a in diagnosis.get("abbreviations", [])]
    try:
        return Pack(
            id=raw["id"],
            label=diagnosis["label"],
            data=raw,
            name_pattern=re.compile("|".join(alternatives)),
            tissue_kinds=tuple(
                re.compile(p, re.IGNORECASE) for p in raw["confirmation"]["tissue_kinds"]
            ),
            must_exclude=tuple(_alternative(a) for a in raw["must_exclude"]),
        )
    except re.error as exc:
        raise PackError(f"knowledge pack {path.name} has a bad pattern: {exc}") from None


@cache
def packs() -> tuple[Pack, ...]:
    return tuple(
        parse_pack(p) for p in sorted(PACK_DIR.glob("*.json")) if p.name != "pack.schema.json"
    )


def pack_for(diagnosis_name: str) -> Pack | None:
    return next((p for p in packs() if p.names(diagnosis_name)), None)


def _pack_diagnoses(case: CaseView) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any], Pack]]:
    """Presumptive and final diagnoses (not revised) that a pack knows about."""
    for path, dx in case.diagnoses:
        if dx["role"] in ("presumptive", "final") and not case.is_revised(dx):
            pack = pack_for(dx["name"])
            if pack is not None:
                yield path, dx, pack


@rule(
    "CK401",
    "exclusion-diagnosis-unconfirmed",
    "knowledge",
    Severity.WARNING,
    summary="A diagnosis of exclusion is made without the test that confirms it.",
    rationale="Some diagnoses (such as CRMO/CNO) have no positive test of their own and are"
    " confirmed by tissue. Labelling a child with one without that test, and without saying"
    " why it was not needed, is how a leukaemia was missed in the founding case.",
    bad='"diagnoses": [{"name": "Chronic recurrent multifocal osteomyelitis", "role":'
    ' "presumptive", ...}], "tissue_samples": [{"kind": "bone biopsy", "status":'
    ' "not-performed", "reason": "Judged not indicated"}]',
    good='"tissue_samples": [{"kind": "bone biopsy", "status": "performed", "site": "Left'
    ' distal tibia", "result": "Sterile chronic osteomyelitis; no malignant cells"}]',
)
def exclusion_diagnosis_unconfirmed(case: CaseView) -> Iterator[Hit]:
    for path, dx, pack in _pack_diagnoses(case):
        test = pack.data["confirmation"]["test"]
        samples = [
            ts
            for _, ts in case.tissue_samples
            if any(p.search(ts["kind"]) for p in pack.tissue_kinds)
        ]
        if any(ts["status"] == "performed" for ts in samples):
            continue
        if any(ts["status"] == "pending" for ts in samples):
            state = f"the {test} is still pending"
        elif samples:
            state = f"the {test} was not performed"
        else:
            state = f"no {test} is recorded"
        yield Hit(
            (*path, "name"),
            f"{pack.label} is a diagnosis of exclusion, made here as {dx['role']} while {state}.",
            pack.data["confirmation"]["when_tissue_expected"]
            + f" Record the {test}, or suppress CK401 with the reason it was not needed.",
        )


@rule(
    "CK402",
    "alternatives-not-excluded",
    "knowledge",
    Severity.WARNING,
    summary="A diagnosis of exclusion is made before the alternatives it requires are excluded.",
    rationale="A diagnosis of exclusion is only as good as the exclusions behind it. The"
    " knowledge pack names, with sources, what must be ruled out first (for CRMO/CNO:"
    " infection and malignancy, including leukaemia).",
    bad='"diagnoses": [{"name": "CRMO", "role": "presumptive", ...}], "differential": []',
    good='"differential": [{"diagnosis": "Acute leukaemia", "status": "excluded",'
    ' "how_excluded": "Normal blood film and bone marrow aspirate"}, {"diagnosis":'
    ' "Bacterial osteomyelitis", "status": "excluded", "how_excluded": "Bone biopsy culture'
    ' sterile"}]',
)
def alternatives_not_excluded(case: CaseView) -> Iterator[Hit]:
    excluded = [
        alt["diagnosis"]
        for alt in case.data.get("differential") or []
        if alt["status"] == "excluded"
    ]
    for path, _dx, pack in _pack_diagnoses(case):
        open_alts = [a.missing(excluded) for a in pack.must_exclude if not a.excluded_by(excluded)]
        if not open_alts:
            continue
        yield Hit(
            (*path, "name"),
            f"{pack.label} is a diagnosis of exclusion, but the case does not record these as"
            f" excluded: {'; '.join(open_alts)}.",
            "Add each to 'differential' with status 'excluded' and how it was excluded (for"
            " example blood film and bone marrow examination, bone biopsy histology and"
            " culture), or revise the diagnosis.",
        )
