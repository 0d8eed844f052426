"""The CARE checklist says which figure supports which finding."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any


def test_the_checklist_lists_each_figure_with_what_it_supports(
    library: Callable[..., Path], cli: Callable[..., Any]
) -> None:
    case = library("plain-png")
    result = cli("render", str(case), "-f", "care-checklist", "-o", "-")
    assert result.code == 0, result.err
    text = html.unescape(result.out)  # the Markdown escapes punctuation as character references
    line = next(line for line in text.splitlines() if "Figure 'fig-hip'" in line)
    assert line.startswith("| 8a ")
    assert "Figure 'fig-hip' (radiograph) supports: Ultrasound (" in line
