"""casekit lint: what a schema cannot check.

Public API::

    from casekit.lint import lint_document, LintConfig, load_config, all_rules
    findings = lint_document(doc, load_config())

:func:`lint_document` validates the case first (:func:`casekit.validate.validate_document`)
and runs the rules only on a case that passes; then it applies the case's own
suppressions (``lint.suppress``).
"""

from __future__ import annotations

from casekit.findings import Finding, Severity
from casekit.lint.config import ConfigError, LintConfig, load_config
from casekit.lint.engine import Rule, apply_suppressions, iter_rules, load_rules, run_rules
from casekit.loader import CaseDocument
from casekit.reporters import RuleInfo
from casekit.validate import validate_document


def __getattr__(name: str) -> object:
    if name == "REGISTRY":  # every rule, its modules imported now (see load_rules)
        return load_rules()
    raise AttributeError(f"module 'casekit.lint' has no attribute {name!r}")


def all_rules() -> list[Rule]:
    """Every declared rule, by code (including CK9xx, which the engine itself reports)."""
    return list(iter_rules())


def rule_catalogue() -> dict[str, RuleInfo]:
    """What SARIF (and other reporters) may say about each rule."""
    return {r.code: RuleInfo(r.code, r.name, r.summary, r.severity) for r in iter_rules()}


def lint_document(doc: CaseDocument, config: LintConfig | None = None) -> list[Finding]:
    """Schema and integrity findings; if none is an error, every enabled rule's findings
    too (after the validator's warnings, such as CK020 for an older format version)."""
    problems = validate_document(doc)
    if any(p.severity is Severity.ERROR for p in problems):
        return problems
    config = config or LintConfig()
    rules = config.enabled_rules()
    findings = run_rules(doc, rules, config.severity)
    return problems + apply_suppressions(doc, findings, config.enabled_codes)


__all__ = [
    "REGISTRY",
    "ConfigError",
    "LintConfig",
    "Rule",
    "RuleInfo",
    "all_rules",
    "lint_document",
    "load_config",
    "rule_catalogue",
]
