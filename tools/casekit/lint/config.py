"""Project settings for lint, from ``[tool.casekit.lint]`` in the library's pyproject.toml.

The file is found by walking up from the current folder to the first ``pyproject.toml``
that has a ``[tool.casekit]`` table. Every value is checked before any case is read; a
mistake names the allowed values. Example::

    [tool.casekit.lint]
    select = ["CK1", "tissue", "CK501"]   # codes, code prefixes or group names
    ignore = ["CK113"]
    severity = { CK109 = "info" }         # error, warning or info
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casekit.discover import UsageError
from casekit.findings import Severity
from casekit.lint.engine import GROUPS, Rule, load_rules

ALLOWED_KEYS = ("select", "ignore", "severity")


class ConfigError(UsageError):
    """The lint settings (pyproject.toml or command line) cannot be used; exit code 2."""


@dataclass(frozen=True)
class LintConfig:
    """Which rules run and how severe each is. The default runs every rule."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    source: Path | None = None

    def __post_init__(self) -> None:
        for selector in (*self.select, *self.ignore):
            check_selector(selector, self._where())
        for code in self.severity:
            if code not in _lint_rules():
                raise ConfigError(
                    f"{self._where()}: 'severity' names {code!r}, which is not a lint rule."
                    + _suggest(code, list(_lint_rules()))
                )

    def _where(self) -> str:
        return str(self.source) if self.source else "lint settings"

    def with_overrides(
        self, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
    ) -> LintConfig:
        """Command-line --select replaces the configured list; --ignore adds to it."""
        new_select = tuple(select) if select else self.select
        new_ignore = (*self.ignore, *(ignore or ()))
        return LintConfig(new_select, new_ignore, dict(self.severity), self.source)

    def enabled_rules(self) -> list[Rule]:
        return list(self._enabled)

    @functools.cached_property
    def enabled_codes(self) -> frozenset[str]:
        """The codes of :meth:`enabled_rules`, worked out once per configuration."""
        return frozenset(r.code for r in self._enabled)

    @functools.cached_property
    def _enabled(self) -> tuple[Rule, ...]:
        # Worked out once per configuration, not once per case.
        return tuple(
            r
            for code, r in sorted(_lint_rules().items())
            if any(_matches(s, r) for s in self.select)
            and not any(_matches(s, r) for s in self.ignore)
        )


#: The CK9xx findings about the run itself are always reported; the others can be chosen.
_SELECTABLE_GROUPS = [g for g in GROUPS if g != "run"]


def _lint_rules() -> dict[str, Rule]:
    return {code: r for code, r in load_rules().items() if r.check is not None}


def _matches(selector: str, declared: Rule) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s.lower() in GROUPS:
        return declared.group == s.lower()
    return declared.code.startswith(s.upper())


def _suggest(value: str, options: list[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


def check_selector(selector: str, where: str) -> None:
    if not isinstance(selector, str) or not selector.strip():
        raise ConfigError(f"{where}: a rule selector must be a non-empty text, not {selector!r}.")
    if any(_matches(selector, r) for r in _lint_rules().values()):
        return
    if selector.upper().startswith("CK0"):
        raise ConfigError(
            f"{where}: {selector!r} names loading and schema checks (CK0xx), which always run"
            " and cannot be selected or ignored."
        )
    raise ConfigError(
        f"{where}: {selector!r} matches no lint rule."
        + _suggest(selector, [*_SELECTABLE_GROUPS, *_lint_rules()])
        + " Use ALL, a group ("
        + ", ".join(_SELECTABLE_GROUPS)
        + "), a code such as CK101, or a code prefix such as CK1. 'casekit rules' lists them."
    )


def _string_list(table: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            f'{where}: \'{key}\' must be a list of texts, for example {key} = ["CK1", "privacy"].'
        )
    return tuple(value)


def config_from_table(table: Any, source: Path | None = None) -> LintConfig:
    where = f"{source} [tool.casekit.lint]" if source else "[tool.casekit.lint]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of settings.")
    unknown = [k for k in table if k not in ALLOWED_KEYS]
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting {unknown[0]!r}."
            + _suggest(unknown[0], list(ALLOWED_KEYS))
            + " Allowed settings: "
            + ", ".join(ALLOWED_KEYS)
            + "."
        )
    severities: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(
            f"{where}: 'severity' must be a table, for example {{ CK109 = \"info\" }}."
        )
    allowed = [s.value for s in Severity]
    for code, level in raw_severity.items():
        if level not in allowed:
            raise ConfigError(
                f"{where}: severity of {code} is {level!r}; allowed values: {', '.join(allowed)}."
            )
        severities[str(code).upper()] = Severity(level)
    select = _string_list(table, "select", where) or ("ALL",)
    ignore = _string_list(table, "ignore", where) or ()
    return LintConfig(select, ignore, severities, source)


def find_pyproject(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest pyproject.toml (from ``start`` upwards) with a [tool.casekit] table."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if not path.is_file():
            continue
        try:
            with path.open("rb") as handle:
                document = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}.") from None
        except OSError as exc:
            raise ConfigError(f"cannot read {path}: {exc.strerror or exc}.") from None
        tool = document.get("tool", {})
        if isinstance(tool, dict) and "casekit" in tool:
            return path, tool["casekit"]
    return None


def load_config(start: Path | None = None) -> LintConfig:
    """Lint settings for the library that contains ``start`` (default: the current folder)."""
    found = find_pyproject(start)
    if found is None:
        return LintConfig()
    path, casekit_table = found
    if not isinstance(casekit_table, dict):
        raise ConfigError(f"{path}: [tool.casekit] must be a table.")
    return config_from_table(casekit_table.get("lint", {}), path)
