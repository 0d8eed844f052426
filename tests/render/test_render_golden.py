"""Golden files: every format of the founding case, compared with a reviewed copy.

After an intended change, regenerate with ``CASEKIT_UPDATE_GOLDEN=1 pytest tests/render``
and review the diff. Word files are compared by their text, not their bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casekit.render import render
from casekit.render.profiles import list_profiles

_SUFFIX = {"txt": "txt", "md": "md", "html": "html", "docx": "docx.txt"}
#: Every shipped profile in every abstract format, then the other outputs.
CASES = [
    ("abstract", to, profile.name, f"abstract-{profile.name}.{_SUFFIX[to]}")
    for profile in list_profiles()
    for to in ("txt", "md", "html", "docx")
] + [
    ("web", "md", None, "web.md"),
    ("care-checklist", "md", None, "care-checklist.md"),
    ("care-checklist", "docx", None, "care-checklist.docx.txt"),
]


@pytest.mark.parametrize(("fmt", "to", "profile", "golden"), CASES)
def test_founding_case_matches_its_golden_file(
    founding: dict[str, Any],
    golden_dir: Path,
    docx_text: Callable[[bytes], str],
    fmt: str,
    to: str,
    profile: str | None,
    golden: str,
) -> None:
    result = render(founding, fmt, to=to, profile=profile)
    assert result.suffix == f".{to}"
    content = result.content
    text = docx_text(content) if isinstance(content, bytes) else content
    path = golden_dir / golden
    if os.environ.get("CASEKIT_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{golden} changed; review and regenerate"
