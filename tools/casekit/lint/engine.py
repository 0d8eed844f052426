"""The lint engine: how rules are declared, chosen, run and silenced.

A rule is a plain function decorated with :func:`rule`. It receives a :class:`CaseView`
(the case data plus indexes built once per case) and yields :class:`Hit` objects; the
engine turns each hit into a :class:`~casekit.findings.Finding`, adds the line and
column, and applies the case's own suppressions.

A case series is checked patient by patient: a rule (of the default scope 'patient')
sees each patient as a single-patient case (:func:`casekit.model.patient_views`), and
its hits are mapped back into the file, under ``patients[i]`` for what is the patient's
own and once for a shared field. A rule whose question is about the report as a whole
(does the title name the diagnosis, is each abbreviation spelled out before its first
use anywhere in the file) declares scope 'case' and sees the whole series at once; the
lists in :class:`CaseView` then span every patient.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from casekit import model
from casekit.durations import to_days
from casekit.findings import Finding, JsonPath, Severity
from casekit.loader import CaseDocument

GROUPS = {
    "completeness": "CK1",
    "tissue": "CK2",
    "differential": "CK3",
    "knowledge": "CK4",
    "data-quality": "CK5",
    "privacy": "CK6",
    "writing": "CK7",
    "coding": "CK8",
    "run": "CK9",  # findings about the lint run itself, reported by the engine
}


@dataclass(frozen=True)
class Hit:
    """What a rule reports: where, what is wrong, and what to do."""

    path: JsonPath
    message: str
    hint: str = ""
    #: A rule may report a milder severity for one hit (for example while a case is a
    #: draft); the library's configured severity for the rule still wins.
    severity: Severity | None = None
    #: Where in the string at ``path`` the problem is (a character index), so that the
    #: finding points at it rather than at the start of the field.
    offset: int | None = None


Check = Callable[["CaseView"], Iterable[Hit]]
T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    group: str
    severity: Severity
    summary: str
    rationale: str
    bad: str
    good: str
    check: Check | None = field(default=None, compare=False, repr=False)
    #: 'patient': run on each patient of a series; 'case': once, on the whole case.
    scope: str = "patient"


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    group: str,
    severity: Severity,
    *,
    summary: str,
    rationale: str,
    bad: str,
    good: str,
    scope: str = "patient",
) -> Callable[[Check], Check]:
    """Declare a lint rule; the decorated function is its check (see the module docstring
    for ``scope``)."""

    def register(check: Check) -> Check:
        declare(Rule(code, name, group, severity, summary, rationale, bad, good, check, scope))
        return check

    return register


def declare(new: Rule) -> Rule:
    if not re.fullmatch(r"CK[1-9][0-9]{2}", new.code):
        raise ValueError(f"rule code {new.code!r} must look like CK101")
    if new.group not in GROUPS or not new.code.startswith(GROUPS[new.group]):
        raise ValueError(f"rule {new.code} does not belong in group {new.group!r}")
    if new.code in REGISTRY:
        raise ValueError(f"rule code {new.code} declared twice")
    if new.scope not in ("patient", "case"):
        raise ValueError(f"rule {new.code}: scope must be 'patient' or 'case'")
    REGISTRY[new.code] = new
    return new


# --- the case, prepared once for every rule ---------------------------------------------

FIELD_SEPARATOR = " \x00 "

#: Keys whose strings are identifiers, codes or fixed choices, never prose.
_NOT_TEXT_KEYS = frozenset(
    {
        "$schema",
        "id",
        "links",
        "event",
        "confirmed_by",
        "revised_to",
        "evidence",
        "status",
        "category",
        "role",
        "certainty",
        "basis",
        "kind",
        "modality",
        "unit",
        "comparator",
        "flag",
        "sex",
        "from",
        "icd10",
        "codes",
        "schema_version",
        "reference",
        "abbreviation",
        "test",
        "specimen",
        # figures: the image's path is checked on its own (casekit.images.names)
        "file",
        "identifiable",
    }
)
#: Free text that labels the case rather than telling it.
_LABEL_SECTIONS = frozenset({"source", "keywords", "specialty", "themes"})
#: Top-level sections that are about the report, not the patient: authors and their
#: affiliations are names by design, references cite other work, lint holds settings.
_NOT_TEXT_SECTIONS = frozenset(
    {
        "authors",
        "references",
        "presentations",
        "embargo_until",
        "lint",
        "coding",
    }
)


@dataclass
class CaseView:
    """The case data with the lookups several rules need, each built once."""

    data: dict[str, Any]
    #: The folder of the case file, where its figures' files are; None for a case that
    #: was not read from a file (its images cannot be checked).
    folder: Path | None = None
    #: The text of the case file, when the case was read from one (see :meth:`may_hold`).
    source: str | None = field(default=None, repr=False, compare=False)
    _shared: dict[Callable[[CaseView], Any], Any] = field(
        default_factory=dict, repr=False, compare=False
    )

    def may_hold(self, word: str) -> bool:
        """False only when no string of the case can contain ``word`` (of characters below
        U+10000): the file's text does not, and holds no ``\\uXXXX`` escape of any of its
        letters. A cheap first test for rules that look for one marker in every string."""
        if self.source is None or word in self.source:
            return True
        if "\\" not in self.source or "\\u" not in self.source:  # one character: quicker
            return False
        lowered = self.source.lower()
        return any(f"\\u{ord(char):04x}" in lowered for char in set(word))

    def shared(self, make: Callable[[CaseView], T]) -> T:
        """``make(self)``, made once per case: for what one rule module's rules share."""
        try:
            value: T = self._shared[make]
        except KeyError:
            value = self._shared[make] = make(self)
        return value

    def _every_patient(self, *where: str) -> list[tuple[JsonPath, dict[str, Any]]]:
        """The items of one list of every patient (one patient unless this is a whole
        series), with their paths in the file."""
        found = []
        for view in model.patient_views(self.data):
            node: Any = view.data
            for key in where:
                node = (node or {}).get(key)
            for i, item in enumerate(node or []):
                found.append((view.case_path((*where, i)), item))
        return found

    @cached_property
    def diagnoses(self) -> list[tuple[JsonPath, dict[str, Any]]]:
        return self._every_patient("diagnoses")

    @cached_property
    def tissue_samples(self) -> list[tuple[JsonPath, dict[str, Any]]]:
        return self._every_patient("tissue_samples")

    @cached_property
    def lab_results(self) -> list[tuple[JsonPath, dict[str, Any]]]:
        return self._every_patient("investigations", "laboratory")

    @cached_property
    def text_fields(self) -> list[tuple[JsonPath, str]]:
        """Every free-text string, in the order it appears in the file."""
        out: list[tuple[JsonPath, str]] = []
        for key, value in self.data.items():
            if key not in _NOT_TEXT_SECTIONS and key not in _NOT_TEXT_KEYS:
                _collect_text(value, (key,), out)
        return out

    @cached_property
    def joined_text(self) -> tuple[str, list[int]]:
        """All free text in one string (for one regex pass) and where each field starts.

        Fields are separated by ' \\x00 ', which no pattern for words, digits or
        whitespace crosses.
        """
        starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for _, text in self.text_fields:
            starts.append(offset)
            parts.append(text)
            offset += len(text) + len(FIELD_SEPARATOR)
        return FIELD_SEPARATOR.join(parts), starts

    @cached_property
    def narrative_fields(self) -> list[tuple[JsonPath, str]]:
        """The prose a reader reads: free text less notes about the source and the tags.

        Keywords, specialty and themes are still free text for the privacy rules (they
        become tag pages and web addresses on the site), but they are labels, not prose.
        """
        return [(p, t) for p, t in self.text_fields if p[0] not in _LABEL_SECTIONS]

    def is_revised(self, dx: dict[str, Any]) -> bool:
        return dx.get("role") == "revised" or "revised_to" in dx


def _collect_text(value: Any, path: JsonPath, out: list[tuple[JsonPath, str]]) -> None:
    """The strings in ``value``, with their paths. A string is taken where it is met, not in
    a call of its own (a case has a hundred or more)."""
    if isinstance(value, str):
        out.append((path, value))
    elif isinstance(value, dict):
        for key, sub in value.items():
            if key in _NOT_TEXT_KEYS:
                continue
            if isinstance(sub, str):
                out.append(((*path, key), sub))
            elif isinstance(sub, (dict, list)):
                _collect_text(sub, (*path, key), out)
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            if isinstance(sub, str):
                out.append(((*path, index), sub))
            elif isinstance(sub, (dict, list)):
                _collect_text(sub, (*path, index), out)


# --- running -----------------------------------------------------------------------------


def _series_hits(check: Check, views: list[tuple[model.PatientView, CaseView]]) -> list[Hit]:
    """A patient-scope rule's hits on every patient of a series, mapped into the file.

    A hit in a patient's own fields lands under ``patients[i]`` and names the patient; a
    hit on a shared field is reported once; a hit on the case as a whole (an empty path)
    is reported once if every patient has it, else at each patient that does.
    """
    hits: list[Hit] = []
    shared: set[tuple[JsonPath, str]] = set()
    whole: dict[str, list[tuple[model.PatientView, Hit]]] = {}
    for view, case in views:
        for hit in check(case):
            path = view.case_path(hit.path)
            if path[:1] == ("patients",):
                hits.append(replace(hit, path=path, message=f"{view.label}: {hit.message}"))
            elif not path:
                whole.setdefault(hit.message, []).append((view, hit))
            elif (path, hit.message) not in shared:
                shared.add((path, hit.message))
                hits.append(hit)
    for found in whole.values():
        if len(found) == len(views):
            hits.append(found[0][1])
            continue
        for view, hit in found:
            hits.append(replace(hit, path=view.prefix, message=f"{view.label}: {hit.message}"))
    return hits


def _prepare(
    doc: CaseDocument,
) -> tuple[CaseView, list[tuple[model.PatientView, CaseView]]]:
    """The case as the rules see it, and each patient of a series."""
    folder = doc.path.parent if doc.regular_file or doc.path.is_file() else None
    view = CaseView(doc.data, folder, doc.text)
    patients = [
        (patient, CaseView(patient.data, source=doc.text))
        for patient in (model.patient_views(doc.data) if model.is_series(doc.data) else [])
    ]
    return view, patients


def run_rules(
    doc: CaseDocument, rules: Iterable[Rule], severities: dict[str, Severity]
) -> list[Finding]:
    if doc.lint_views is None:
        doc.lint_views = _prepare(doc)
    view, patients = doc.lint_views
    findings: list[Finding] = []
    for declared in rules:
        check = declared.check
        if check is None:
            continue
        if patients and declared.scope == "patient":
            hits: Iterable[Hit] = _series_hits(check, patients)
        else:
            hits = check(view)
        for hit in hits:  # most rules find nothing: the severity is looked up only for a hit
            severity = severities.get(declared.code) or hit.severity or declared.severity
            if hit.offset is None:
                line, column = doc.locate(hit.path)
            else:
                line, column = doc.locate_in_string(hit.path, hit.offset)
            findings.append(
                Finding(
                    code=declared.code,
                    rule=declared.name,
                    severity=severity,
                    file=doc.path,
                    message=hit.message,
                    hint=hit.hint,
                    json_path=hit.path,
                    line=line,
                    column=column,
                )
            )
    return findings


# --- suppressions written inside the case --------------------------------------------------

UNUSED_SUPPRESSION = declare(
    Rule(
        code="CK901",
        name="unused-suppression",
        group="run",
        severity=Severity.WARNING,
        summary="A suppression in the case no longer matches any finding.",
        rationale="A suppression that silences nothing hides nothing today but will hide a"
        " real problem tomorrow, and it misleads readers about what the case lacks.",
        bad='"lint": {"suppress": [{"code": "CK109", "reason": "Outcome not reported by the'
        ' source"}]}  (but the case now has an outcome)',
        good="Remove the suppression once the problem it silenced is fixed.",
    )
)
UNKNOWN_SUPPRESSION = declare(
    Rule(
        code="CK902",
        name="unknown-suppression-code",
        group="run",
        severity=Severity.ERROR,
        summary="A suppression names a check that does not exist or cannot be switched off.",
        rationale="A typing mistake in a code would silently suppress nothing; loading and"
        " schema checks (CK0xx) cannot be switched off because lint cannot read a case that"
        " fails them.",
        bad='{"code": "CK1O9", "reason": "..."}',
        good='{"code": "CK109", "reason": "The source abstract reports no outcome."}',
    )
)


NOTHING_TO_CHECK = declare(
    Rule(
        code="CK903",
        name="no-diagnosis-yet",
        group="run",
        severity=Severity.INFO,
        summary="With --as-of, the case had no diagnosis yet at that time: nothing to check.",
        rationale="'casekit lint --as-of' trims a case to what was known at a point in its"
        " course; before the first diagnosis there is no reasoning to check.",
        bad='casekit lint --as-of "-1 days" cases/',
        good='casekit lint --as-of "4 months" cases/crmo-not-crmo.json',
    )
)


def _path_matches(suppressed: str | None, finding: Finding) -> bool:
    if suppressed is None:
        return True
    text = finding.json_path_text
    return (
        text == suppressed or text.startswith(suppressed + ".") or text.startswith(suppressed + "[")
    )


def apply_suppressions(
    doc: CaseDocument, findings: list[Finding], enabled: AbstractSet[str]
) -> list[Finding]:
    """Drop findings the case suppresses; report suppressions that match nothing."""
    entries = ((doc.data.get("lint") or {}).get("suppress")) or []
    if not entries:
        return findings
    used = [False] * len(entries)
    kept: list[Finding] = []
    for finding in findings:
        hit = False
        for index, entry in enumerate(entries):
            if entry["code"] == finding.code and _path_matches(entry.get("path"), finding):
                used[index] = True
                hit = True
        if not hit:
            kept.append(finding)
    for index, entry in enumerate(entries):
        path: JsonPath = ("lint", "suppress", index, "code")
        code = entry["code"]
        if code not in load_rules() or REGISTRY[code].check is None:
            meta = UNKNOWN_SUPPRESSION
            message = f"This suppression names {code}, which is not a check lint can switch off."
            hint = "Use a code from 'casekit rules' (CK1xx to CK7xx), or remove the entry."
        elif used[index] or code not in enabled:
            continue
        else:
            meta = UNUSED_SUPPRESSION
            where = f" at {entry['path']}" if entry.get("path") else ""
            message = f"The suppression of {code}{where} no longer matches any finding."
            hint = "Remove it from lint.suppress: the problem it silenced is gone."
        line, column = doc.locate(path)
        kept.append(
            Finding(
                meta.code, meta.name, meta.severity, doc.path, message, hint, path, line, column
            )
        )
    return kept


#: The modules that declare rules (importing one registers its rules).
RULE_MODULES = (
    "abstract_fit",
    "abstract_text",
    "coding",
    "completeness",
    "data_quality",
    "differential",
    "figures",
    "knowledge",
    "placeholders",
    "plausibility",
    "privacy",
    "series",
    "timing",
    "tissue",
    "unknowns",
    "writing",
)


def load_rules() -> dict[str, Rule]:
    """Every declared rule, by code, its modules imported at first need.

    Not at import of :mod:`casekit.lint`: the composer reads the red-flag patterns of
    :mod:`casekit.lint.redflags`, and ``casekit render`` should not load every rule for that.
    """
    for name in RULE_MODULES:  # after the first call, each is a lookup in sys.modules
        importlib.import_module(f"casekit.lint.{name}")
    return REGISTRY


def iter_rules() -> Iterator[Rule]:
    return iter(sorted(load_rules().values(), key=lambda r: r.code))


__all__ = [
    "GROUPS",
    "REGISTRY",
    "CaseView",
    "Hit",
    "Rule",
    "apply_suppressions",
    "declare",
    "iter_rules",
    "load_rules",
    "rule",
    "run_rules",
    "to_days",
]
