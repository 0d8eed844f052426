"""The publication gate: nothing that must not be public reaches the site.

A case is built only if it is marked published, is past any embargo, has consent stated
(or is curated from the published literature with a reference to the original), and has
no lint errors. Every other case is skipped with a reason a clinician can act on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from casekit import model
from casekit.batch import map_files
from casekit.dates import calendar_date, today_utc
from casekit.findings import Finding, Severity
from casekit.images.publish import case_fingerprint
from casekit.lint import LintConfig, all_rules, lint_document, load_config
from casekit.lint.engine import run_rules
from casekit.loader import CaseDocument, LoadError, load_case
from casekit.site.cache import PageCache

Linter = Callable[[CaseDocument], list[Finding]]


class LibraryLinter:
    """Schema validation plus every lint rule, with the library's lint settings.

    The privacy rules are the exception: for publication they always run at their own
    severity, whatever the library's settings or a case's suppressions say, because a
    suppressed identifier would otherwise reach the public site. (A class rather than a
    closure so that worker processes can receive it.)
    """

    def __init__(self, config: LintConfig) -> None:
        self.config = config
        self.privacy = [rule for rule in all_rules() if rule.group == "privacy" and rule.check]

    def __call__(self, doc: CaseDocument) -> list[Finding]:
        findings = lint_document(doc, self.config)
        if any(f.severity is Severity.ERROR for f in findings):
            return findings
        return findings + [
            f for f in run_rules(doc, self.privacy, {}) if f.severity is Severity.ERROR
        ]


def make_linter(library: Path | None = None) -> Linter:
    """The linter for ``library``'s settings; raises :class:`casekit.lint.ConfigError`
    when those settings are invalid."""
    return LibraryLinter(load_config(library))


@dataclass(frozen=True)
class Skipped:
    """A case left out of the site, and why."""

    path: Path
    case_id: str
    reason: str

    def message(self) -> str:
        name = f"case '{self.case_id}'" if self.case_id else "this case"
        return f"{self.path}: skipped {name}: {self.reason}"


@dataclass
class GateResult:
    published: list[CaseDocument] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _section(data: Any, key: str) -> dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def status_reason(data: Any) -> str | None:
    status = _text(data.get("status")) if isinstance(data, dict) else ""
    if status == "published":
        return None
    shown = f"'{status}'" if status else "not set"
    return (
        f'its status is {shown}. Only cases with "status": "published" go on the site;'
        " change it when the case may be made public."
    )


def embargo_reason(data: Any, today: date) -> str | None:
    raw = _text(data.get("embargo_until")) if isinstance(data, dict) else ""
    if not raw:
        return None
    until = calendar_date(raw)
    if until is None:
        return (
            f"its embargo date '{raw}' is not a date in the form YYYY-MM-DD, so casekit"
            ' cannot tell whether the embargo is over. Correct "embargo_until".'
        )
    if until > today:
        return (
            f"it is under embargo until {until.isoformat()}. It will be built from that day;"
            ' remove "embargo_until" to publish it earlier.'
        )
    return None


def consent_reason(data: Any) -> str | None:
    """Why the consent recorded does not let the case be published, or None.

    In a case series every patient's consent must allow it; the reason names the first
    patient whose does not.
    """
    source = _section(data, "source")
    if not model.is_series(data):
        return _consent_reason(_section(data, "consent"), source, "its consent")
    for view, consent in model.consents(data):
        reason = _consent_reason(consent, source, f"the consent of {view.label}")
        if reason is not None:
            return reason
    return None


def _consent_reason(consent: dict[str, Any], source: dict[str, Any], whose: str) -> str | None:
    status = _text(consent.get("status"))
    curated = source.get("kind") == "published-literature" and bool(_text(source.get("reference")))
    if status == "obtained":
        return None
    if status == "not-applicable":
        if source.get("kind") == "synthetic":
            return None
        return (
            f"{whose} is 'not-applicable', which only an invented patient may have. For a"
            ' real patient record "consent": {"status": "obtained"}; for an invented one set'
            ' "source": {"kind": "synthetic"}.'
        )
    if status in ("original-publication", "not-reported"):
        # A curated case retells a report already published: consent for publication was
        # a matter for its authors and journal, whether or not the report mentions it.
        if curated:
            return None
        return (
            f"{whose} is '{status}', but the case is not marked as curated from the literature"
            ' with the original report cited. Set "source": {"kind":'
            ' "published-literature", "reference": "<id of the original report>"}; for your'
            ' own patient record "consent": {"status": "obtained"} once written consent has'
            " been given."
        )
    shown = f"'{status}'" if status else "not recorded"
    subject = "consent for publication" if whose == "its consent" else whose
    return (
        f'{subject} is {shown}. Record "consent": {{"status": "obtained"}}'
        " once written consent has been given."
    )


def lint_reason(doc: CaseDocument, linter: Linter) -> str | None:
    errors = sorted(
        (f for f in linter(doc) if f.severity is Severity.ERROR), key=lambda f: f.sort_key()
    )
    if not errors:
        return None
    first = errors[0]
    where = f" (line {first.line})" if first.line else ""
    more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
    return (
        f"it has {len(errors)} error(s), first {first.code}{where}:"
        f" {first.message.rstrip('.')}{more}."
        f" Run 'casekit lint {doc.path}' to see them all."
    )


def publication_reason(data: Any, today: date) -> str | None:
    """Why the case's status, embargo or consent keep it off the site, or None.

    Judged afresh on every build, never cached: an embargo ends with the date, not with a
    change to the file.
    """
    return status_reason(data) or embargo_reason(data, today) or consent_reason(data)


def case_reason(doc: CaseDocument, *, today: date, linter: Linter) -> str | None:
    """Why ``doc`` must not be published, or None. Cheap checks first, lint last."""
    return publication_reason(doc.data, today) or lint_reason(doc, linter)


def unreadable_reason(error: LoadError) -> str:
    return f"the file cannot be read: {error.finding.message} Run 'casekit validate'."


def case_id_of(data: Any) -> str:
    return _text(data.get("id")) if isinstance(data, dict) else ""


@dataclass(frozen=True)
class Verdict:
    """The gate's judgement of one case file."""

    doc: CaseDocument | None
    case_id: str
    #: Why the case is left out, or None.
    reason: str | None
    #: The lint verdict's entry in the cache of verdicts ('' without one).
    cache_key: str = ""


def judge(
    path: Path,
    *,
    today: date,
    linter: Linter,
    verdicts: PageCache[dict[str, Any]] | None = None,
) -> Verdict:
    """The gate's judgement of one file; ``verdicts``: lint verdicts of earlier builds."""
    try:
        doc = load_case(path)
    except LoadError as exc:
        return Verdict(None, path.stem, unreadable_reason(exc))
    case_id = case_id_of(doc.data) or path.stem
    reason = publication_reason(doc.data, today)
    if reason is not None:
        return Verdict(doc, case_id, reason)
    if verdicts is None:
        return Verdict(doc, case_id, lint_reason(doc, linter))
    key, reason = cached_lint_reason(doc, linter, verdicts)
    return Verdict(doc, case_id, reason, key)


def cached_lint_reason(
    doc: CaseDocument, linter: Linter, verdicts: PageCache[dict[str, Any]]
) -> tuple[str, str | None]:
    """(cache key, :func:`lint_reason`), from an earlier build's verdict when nothing lint
    reads has changed.

    Validating and linting every case again was most of a rebuild after one change. Lint
    reads the case file's text, its figures' image files and the library's lint settings,
    and its rules are casekit's own code and data: the key covers the text, the file's
    path (named in the reason), the images and (in the cache's fingerprint, see
    :func:`casekit.site.library.prepare`) every file of casekit and the settings. A rule
    that comes to read anything else must add it here. Status, embargo and consent are
    never cached (:func:`publication_reason`).
    """
    images = case_fingerprint(doc.path.parent, doc.data)
    key = verdicts.key_of(str(doc.path), doc.text, images)
    found = verdicts.get(key)
    if found is not None and "lint" in found:
        cached = found["lint"]
        if cached is None or isinstance(cached, str):
            return key, cached
    reason = lint_reason(doc, linter)
    verdicts.put(key, {"lint": reason})
    return key, reason


def duplicate_reason(case_id: str, first: Path) -> str:
    """Why a second file with the id of an earlier one (``first``) is left out."""
    return f"the id '{case_id}' is also used by {first}. Each case needs its own id."


def gate(
    files: Iterable[Path], *, today: date | None = None, linter: Linter | None = None
) -> GateResult:
    """Sort ``files`` into publishable cases and skipped ones (with reasons).

    Cases are judged on every core for a large library (see :mod:`casekit.batch`).
    """
    day = today or today_utc()
    linter = linter or make_linter()
    paths = list(files)
    judged = map_files(functools.partial(judge, today=day, linter=linter), paths, label="gate")
    result = GateResult()
    seen: dict[str, Path] = {}
    for path, verdict in zip(paths, judged, strict=True):
        reason = verdict.reason
        if reason is None and verdict.case_id in seen:
            reason = duplicate_reason(verdict.case_id, seen[verdict.case_id])
        if verdict.doc is None or reason is not None:
            result.skipped.append(Skipped(path, verdict.case_id, reason or ""))
            continue
        seen[verdict.case_id] = path
        result.published.append(verdict.doc)
    return result
