"""A small site project in a temporary folder, for the reliability tests (issue 12)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "cases" / "synthetic-septic-arthritis-hip.json"
TODAY = "2026-06-01"


def synthetic_case(case_id: str, **changes: Any) -> dict[str, Any]:
    """The synthetic example under another id: an invented patient, published."""
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["id"] = case_id
    data["title"] = f"Synthetic reliability case {case_id.replace('-', ' ')}"
    data.pop("$schema", None)
    data.update(changes)
    return data


def write_case(folder: Path, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data['id']}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def make_project(root: Path) -> Path:
    """mkdocs.yml (the repository's, with absolute paths) in ``root``; returns its path."""
    root.mkdir(parents=True, exist_ok=True)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("tools/casekit/site/hooks.py", str(REPO / "tools/casekit/site/hooks.py"))
    text = text.replace("docs_dir: site", f"docs_dir: {REPO / 'site'}")
    config = root / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_args(config: Path, library: Path, output: Path, *extra: str) -> list[str]:
    return [
        "build",
        "--config",
        str(config),
        "--library",
        str(library),
        "--output",
        str(output),
        "--today",
        TODAY,
        *extra,
    ]


def casekit_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "casekit", *args]


def copy_templates(root: Path) -> Path:
    folder = root / "templates"
    shutil.copytree(REPO / "templates", folder)
    return folder
