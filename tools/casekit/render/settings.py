"""Render settings of a library, from ``[tool.casekit.render]`` in its pyproject.toml.

    [tool.casekit.render]
    paper = "letter"   # Word documents on US Letter; the default is "a4"

The file is found as the lint settings are (:func:`casekit.lint.config.find_pyproject`:
the nearest pyproject.toml with a ``[tool.casekit]`` table, from the case's folder up).
"""

from __future__ import annotations

from pathlib import Path

from casekit.lint.config import ConfigError, find_pyproject

PAPER_SIZES = ("a4", "letter")
DEFAULT_PAPER = "a4"


def paper_size(start: Path | None = None) -> str:
    """The paper size Word documents use: 'a4' unless the library's settings say 'letter'.

    Raises :class:`~casekit.lint.config.ConfigError` (exit code 2) for any other value.
    """
    found = find_pyproject(start)
    if found is None:
        return DEFAULT_PAPER
    path, table = found
    render = table.get("render", {}) if isinstance(table, dict) else {}
    if not isinstance(render, dict):
        raise ConfigError(f"{path}: [tool.casekit.render] must be a table.")
    value = render.get("paper", DEFAULT_PAPER)
    if not isinstance(value, str) or value.strip().lower() not in PAPER_SIZES:
        raise ConfigError(
            f"{path}: [tool.casekit.render] paper = {value!r} is not a paper size casekit"
            f' knows. Write paper = "a4" or paper = "letter".'
        )
    return value.strip().lower()
