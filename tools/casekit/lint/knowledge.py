"""CK4xx: clinical knowledge packs, the one piece of code that reads them.

A pack (``casekit/knowledge/*.json``, checked against ``pack.schema.json`` when loaded)
describes a diagnosis of exclusion: its names, the test that confirms it (if any: some are
made on clinical criteria), the alternatives that must be excluded first, how they are
usually excluded, and the red flags that demand an exclusion. Every claim cites its
sources. Adding a pack adds knowledge without adding code; see
``site/authoring/knowledge-packs.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from casekit.datafiles import first_schema_error
from casekit.discover import UsageError
from casekit.findings import JsonPath, Severity
from casekit.lint import redflags
from casekit.lint.engine import CaseView, Hit, rule
from casekit.lint.labvalues import analyte_by_id
from casekit.lint.redflags import Evidence, Threshold

PACK_DIR = Path(__file__).resolve().parent.parent / "knowledge"


class PackError(UsageError):
    """A knowledge pack is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class RedFlag:
    """A feature that, recorded in a case, demands that an alternative be excluded."""

    feature: str
    threshold: Threshold | None
    sources: tuple[str, ...]

    def describe(self) -> str:
        """'a low white cell count (below 4 ×10⁹/L)', for the documentation."""
        if self.threshold is None:
            return redflags.label(self.feature)
        detail = f"{self.threshold.describe()}{self.threshold.ages()}".strip()
        return (
            f"{redflags.label(self.feature)} ({detail})" if detail else redflags.label(self.feature)
        )


@dataclass(frozen=True)
class Alternative:
    label: str
    patterns: tuple[re.Pattern[str], ...]
    includes: tuple[Alternative, ...]
    required: str = "always"
    how_excluded: str = ""
    how_sources: tuple[str, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()

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

    @property
    def confirmation(self) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.data.get("confirmation")
        return found

    def cite(self, keys: tuple[str, ...] | list[str]) -> str:
        """The sources as messages name them: 'Jones et al., Pediatrics 2006; PMM'."""
        sources = self.data["sources"]
        return "; ".join(dict.fromkeys(sources[k].get("short", k) for k in keys))


def _normal(text: str) -> str:
    return re.sub(r"[\s\-\u2010\u2013]+", " ", text)


def _red_flag(raw: dict[str, Any], where: str) -> RedFlag:
    feature = redflags.features().get(raw["flag"])
    if feature is None:
        raise PackError(
            f"{where} names the red flag '{raw['flag']}', which casekit/lint/data/red_flags.json"
            " does not describe"
        )
    threshold = redflags.threshold_of(raw)
    has_limit = any(k in raw for k in ("below", "above", "at_least"))
    if has_limit and not raw.get("unit"):
        raise PackError(f"{where}: the threshold for '{raw['flag']}' needs a 'unit'")
    if has_limit and feature.analyte:
        analyte = analyte_by_id(feature.analyte)
        if analyte.factor(raw["unit"]) is None:
            raise PackError(
                f"{where}: '{raw['unit']}' is not a unit casekit knows for {analyte.label}"
            )
    elif has_limit and not feature.temperature:
        raise PackError(f"{where}: '{raw['flag']}' is not measured, so it takes no threshold")
    return RedFlag(raw["flag"], threshold, tuple(raw["sources"]))


def _alternative(raw: dict[str, Any], where: str) -> Alternative:
    how = raw.get("how_excluded") or {}
    return Alternative(
        raw["label"],
        tuple(re.compile(p, re.IGNORECASE) for p in raw["matches"]),
        tuple(_alternative(sub, where) for sub in raw.get("includes", [])),
        raw.get("required", "always"),
        how.get("text", ""),
        tuple(how.get("sources", [])),
        tuple(_red_flag(flag, where) for flag in raw.get("red_flags", [])),
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
    confirmation = raw.get("confirmation") or {}
    try:
        return Pack(
            id=raw["id"],
            label=diagnosis["label"],
            data=raw,
            name_pattern=re.compile("|".join(alternatives)),
            tissue_kinds=tuple(
                re.compile(p, re.IGNORECASE) for p in confirmation.get("tissue_kinds", [])
            ),
            must_exclude=tuple(
                _alternative(a, f"knowledge pack {path.name}") for a in raw["must_exclude"]
            ),
        )
    except re.error as exc:
        raise PackError(f"knowledge pack {path.name} has a bad pattern: {exc}") from None


@cache
def packs() -> tuple[Pack, ...]:
    return tuple(
        parse_pack(p) for p in sorted(PACK_DIR.glob("*.json")) if p.name != "pack.schema.json"
    )


@lru_cache(maxsize=4096)  # the same few diagnosis names, over and over
def pack_for(diagnosis_name: str) -> Pack | None:
    return next((p for p in packs() if p.names(diagnosis_name)), None)


def _pack_diagnoses(case: CaseView) -> Iterator[tuple[JsonPath, dict[str, Any], Pack]]:
    """Presumptive and final diagnoses (not revised) that a pack knows about."""
    for path, dx in case.diagnoses:
        if dx["role"] in ("presumptive", "final") and not case.is_revised(dx):
            pack = pack_for(dx["name"])
            if pack is not None:
                yield path, dx, pack


def _excluded(case: CaseView) -> list[str]:
    return [
        alt["diagnosis"]
        for alt in case.data.get("differential") or []
        if alt["status"] == "excluded"
    ]


def flags_found(case: CaseView, alt: Alternative) -> list[tuple[RedFlag, Evidence]]:
    """The alternative's red flags that the case records, each with where it was found."""
    found: list[tuple[RedFlag, Evidence]] = []
    seen: set[str] = set()
    results: set[JsonPath] = set()  # one laboratory result is named once, by its first flag
    for flag in alt.red_flags:
        evidence = [
            e for e in redflags.find(case, flag.feature, flag.threshold) if e.path not in results
        ]
        if evidence and flag.feature not in seen:
            seen.add(flag.feature)
            found.append((flag, evidence[0]))
            if evidence[0].path[:2] == ("investigations", "laboratory"):
                results.add(evidence[0].path)
    return found


def _list_flags(found: list[tuple[RedFlag, Evidence]]) -> str:
    return "; ".join(f"{redflags.label(f.feature)} ({e.shown})" for f, e in found)


@rule(
    "CK401",
    "exclusion-diagnosis-unconfirmed",
    "knowledge",
    Severity.WARNING,
    summary="A diagnosis of exclusion is made without the test that confirms it.",
    rationale="Some diagnoses (such as CRMO/CNO) have no positive test of their own and are"
    " confirmed by tissue. Labelling a child with one without that test, and without saying"
    " why it was not needed, is how a leukaemia was missed in the founding case. Packs for"
    " diagnoses made on clinical criteria name no confirming test and never raise this.",
    bad='"diagnoses": [{"name": "Chronic recurrent multifocal osteomyelitis", "role":'
    ' "presumptive", ...}], "tissue_samples": [{"kind": "bone biopsy", "status":'
    ' "not-performed", "reason": "Judged not indicated"}]',
    good='"tissue_samples": [{"kind": "bone biopsy", "status": "performed", "site": "Left'
    ' distal tibia", "result": "Sterile chronic osteomyelitis; no malignant cells"}]',
)
def exclusion_diagnosis_unconfirmed(case: CaseView) -> Iterator[Hit]:
    for path, dx, pack in _pack_diagnoses(case):
        confirmation = pack.confirmation
        if confirmation is None:
            continue
        test = confirmation["test"]
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
            confirmation["when_tissue_expected"]
            + f" Record the {test}, or suppress CK401 with the reason it was not needed.",
        )


@rule(
    "CK402",
    "alternatives-not-excluded",
    "knowledge",
    Severity.WARNING,
    summary="A diagnosis of exclusion is made before the alternatives it requires are excluded.",
    rationale="A diagnosis of exclusion is only as good as the exclusions behind it. The"
    " knowledge pack names, with sources, what must always be ruled out first (for CRMO/CNO:"
    " infection and malignancy, including leukaemia; for transient synovitis: septic"
    " arthritis), and the message names any red flag the case records for it.",
    bad='"diagnoses": [{"name": "CRMO", "role": "presumptive", ...}], "differential": []',
    good='"differential": [{"diagnosis": "Acute leukaemia", "status": "excluded",'
    ' "how_excluded": "Normal blood film and bone marrow aspirate"}, {"diagnosis":'
    ' "Bacterial osteomyelitis", "status": "excluded", "how_excluded": "Bone biopsy culture'
    ' sterile"}]',
)
def alternatives_not_excluded(case: CaseView) -> Iterator[Hit]:
    excluded = _excluded(case)
    for path, _dx, pack in _pack_diagnoses(case):
        open_alts = [
            a for a in pack.must_exclude if a.required == "always" and not a.excluded_by(excluded)
        ]
        if not open_alts:
            continue
        parts = []
        for alt in open_alts:
            found = flags_found(case, alt)
            text = alt.missing(excluded)
            if found:
                text += f" (the case records red flags for it: {_list_flags(found)})"
            parts.append(text)
        hows = [
            f"{a.label}: {a.how_excluded} [{pack.cite(a.how_sources)}]"
            for a in open_alts
            if a.how_excluded
        ]
        how = f" ({'; '.join(hows)})" if hows else ""
        yield Hit(
            (*path, "name"),
            f"{pack.label} is a diagnosis of exclusion, but the case does not record these as"
            f" excluded: {'; '.join(parts)}.",
            f"Add each to 'differential' with status 'excluded' and how it was excluded{how},"
            " or revise the diagnosis.",
        )


@rule(
    "CK403",
    "red-flags-alternative-not-excluded",
    "knowledge",
    Severity.WARNING,
    summary="A diagnosis of exclusion is made while the case records red flags for an"
    " alternative that is not excluded.",
    rationale="The founding case's lesson, generalised: a child labelled with a benign"
    " diagnosis of exclusion (CRMO, juvenile idiopathic arthritis, transient synovitis,"
    " growing pains, immune thrombocytopenia...) while the record shows night pain, weight"
    " loss, pallor or cytopenias may have leukaemia. The knowledge packs list, with sources,"
    " the red flags that demand each exclusion; the message names those found in the case"
    " (findings, laboratory values against the case's own ranges or the pack's cited"
    " thresholds, and the text of the course) and the sources.",
    bad='"diagnoses": [{"name": "Juvenile idiopathic arthritis", "role": "final", ...}],'
    ' "findings": [{"description": "Knee pain waking her at night"}], "differential": []',
    good='"differential": [{"diagnosis": "Acute leukaemia", "status": "excluded",'
    ' "how_excluded": "Normal blood film and LDH; bone marrow aspirate normal"}]',
)
def red_flags_alternative_not_excluded(case: CaseView) -> Iterator[Hit]:
    excluded = _excluded(case)
    for path, dx, pack in _pack_diagnoses(case):
        for alt in pack.must_exclude:
            if alt.required != "with-red-flags" or alt.excluded_by(excluded):
                continue
            found = flags_found(case, alt)
            if not found:
                continue
            keys = [k for flag, _ in found for k in flag.sources]
            how = (
                f" It is usually excluded by {alt.how_excluded} [{pack.cite(alt.how_sources)}]."
                if alt.how_excluded
                else ""
            )
            yield Hit(
                (*path, "name"),
                f"{pack.label} is a diagnosis of exclusion, made here as {dx['role']} while the"
                f" case records red flags for {alt.label}: {_list_flags(found)}."
                f" {alt.label[0].upper()}{alt.label[1:]} is not recorded as excluded.",
                f"Red flags from {pack.cite(keys)}.{how} Add {alt.label} to 'differential'"
                " with status 'excluded' and how it was excluded, or revise the diagnosis.",
            )
